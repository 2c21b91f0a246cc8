import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { HelpPage } from './features/help/HelpPage';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/home/NotFoundPage';
import { Shell } from './ui/Shell';

// The first page carries only what it shows; "Need help now" is never lazy.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const SignUpPage = named(() => import('./features/accounts/SignUpPage'), 'SignUpPage');
const SignInPage = named(() => import('./features/accounts/SignInPage'), 'SignInPage');
const CheckEmailPage = named(() => import('./features/accounts/CheckEmailPage'), 'CheckEmailPage');
const EmailLinkPage = named(() => import('./features/accounts/EmailLinkPage'), 'EmailLinkPage');
const MePage = named(() => import('./features/profiles/MePage'), 'MePage');
const AboutPage = named(() => import('./features/profiles/AboutPage'), 'AboutPage');
const StoryPage = named(() => import('./features/profiles/StoryPage'), 'StoryPage');
const StoryNowPage = named(() => import('./features/profiles/StoryPage'), 'StoryNowPage');
const WhoSeesPage = named(() => import('./features/profiles/WhoSeesPage'), 'WhoSeesPage');
const SigningInPage = named(() => import('./features/profiles/SigningInPage'), 'SigningInPage');
const SettingsPage = named(() => import('./features/profiles/SettingsPage'), 'SettingsPage');
const BlocksPage = named(() => import('./features/blocks/BlocksPage'), 'BlocksPage');
const ConductPage = named(() => import('./features/help/ConductPage'), 'ConductPage');
const OutboxPage = named(() => import('./features/dev/OutboxPage'), 'OutboxPage');
const GroupsPage = named(() => import('./features/groups/GroupsPage'), 'GroupsPage');
const FitsMePage = named(() => import('./features/groups/FitsMePage'), 'FitsMePage');
const GroupPage = named(() => import('./features/groups/GroupPage'), 'GroupPage');
const MemberPage = named(() => import('./features/profiles/MemberPage'), 'MemberPage');
const OrganisationsPage = named(
  () => import('./features/groups/OrganisationsPage'),
  'OrganisationsPage',
);
const OrganisationPage = named(
  () => import('./features/groups/OrganisationsPage'),
  'OrganisationPage',
);
const NewGroupPage = named(() => import('./features/groups/GroupFormPage'), 'NewGroupPage');
const EditGroupPage = named(() => import('./features/groups/GroupFormPage'), 'EditGroupPage');
const EventsPage = named(() => import('./features/events/EventsPage'), 'EventsPage');
const EventPage = named(() => import('./features/events/EventPage'), 'EventPage');
const PlanMeetingPage = named(() => import('./features/events/PlanMeetingPage'), 'PlanMeetingPage');
const PlanOrganisationEventPage = named(
  () => import('./features/events/PlanEventPage'),
  'PlanOrganisationEventPage',
);
const PlanCommunityEventPage = named(
  () => import('./features/events/PlanEventPage'),
  'PlanCommunityEventPage',
);
const ChangeEventPage = named(() => import('./features/events/ChangeEventPage'), 'ChangeEventPage');
const ForumRoutes = named(() => import('./features/forum/ForumRoutes'), 'ForumRoutes');
const NotificationsPage = named(
  () => import('./features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const NotificationSettingsPage = named(
  () => import('./features/notifications/NotificationSettingsPage'),
  'NotificationSettingsPage',
);
const PhrasesPage = named(() => import('./features/safety/PhrasesPage'), 'PhrasesPage');
const WatchedWordsPage = named(
  () => import('./features/safety/WatchedWordsPage'),
  'WatchedWordsPage',
);
const QueuePage = named(() => import('./features/moderation/QueuePage'), 'QueuePage');
const CasePage = named(() => import('./features/moderation/CasePage'), 'CasePage');
const AuditPage = named(() => import('./features/moderation/AuditPage'), 'AuditPage');
const AppealLinkPage = named(() => import('./features/moderation/AppealPage'), 'AppealLinkPage');
const DecisionPage = named(() => import('./features/moderation/AppealPage'), 'DecisionPage');
const UnsubscribePage = named(
  () => import('./features/notifications/UnsubscribePage'),
  'UnsubscribePage',
);

export function App() {
  const { t } = useTranslation();
  return (
    <Shell>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/groups" element={<GroupsPage />} />
          <Route path="/groups/fits-me" element={<FitsMePage />} />
          <Route path="/groups/:id" element={<GroupPage />} />
          <Route path="/members/:id" element={<MemberPage />} />
          <Route path="/groups/:id/edit" element={<EditGroupPage />} />
          <Route path="/groups/organisations" element={<OrganisationsPage />} />
          <Route path="/groups/organisations/:orgId" element={<OrganisationPage />} />
          <Route path="/groups/organisations/:orgId/new" element={<NewGroupPage />} />
          <Route path="/forum/*" element={<ForumRoutes />} />
          <Route path="/events" element={<EventsPage />} />
          <Route path="/events/plan" element={<PlanCommunityEventPage />} />
          <Route path="/events/:id" element={<EventPage />} />
          <Route path="/events/:id/change" element={<ChangeEventPage />} />
          <Route path="/groups/:id/plan" element={<PlanMeetingPage />} />
          <Route path="/organisations/:id/plan" element={<PlanOrganisationEventPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-in/check-email" element={<CheckEmailPage />} />
          <Route path="/sign-in/link" element={<EmailLinkPage />} />
          <Route path="/me" element={<MePage />} />
          <Route path="/me/about" element={<AboutPage />} />
          <Route path="/me/story" element={<StoryPage />} />
          <Route path="/me/story/now" element={<StoryNowPage />} />
          <Route path="/me/who-sees" element={<WhoSeesPage />} />
          <Route path="/me/sign-in" element={<SigningInPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="/settings/blocks" element={<BlocksPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
          <Route path="/admin/safety/phrases" element={<PhrasesPage />} />
          <Route path="/admin/safety/watched-words" element={<WatchedWordsPage />} />
          <Route path="/moderation" element={<QueuePage />} />
          <Route path="/moderation/cases/:id" element={<CasePage />} />
          <Route path="/moderation/decisions/:id" element={<DecisionPage />} />
          <Route path="/appeal" element={<AppealLinkPage />} />
          <Route path="/admin/audit" element={<AuditPage />} />
          <Route path="/help" element={<HelpPage />} />
          <Route path="/code-of-conduct" element={<ConductPage />} />
          <Route path="/dev/outbox" element={<OutboxPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
