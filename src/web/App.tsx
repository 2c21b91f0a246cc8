import { Route, Routes } from 'react-router';
import { CheckEmailPage } from './features/accounts/CheckEmailPage';
import { EmailLinkPage } from './features/accounts/EmailLinkPage';
import { SignInPage } from './features/accounts/SignInPage';
import { SignUpPage } from './features/accounts/SignUpPage';
import { OutboxPage } from './features/dev/OutboxPage';
import { ConductPage } from './features/help/ConductPage';
import { HelpPage } from './features/help/HelpPage';
import { ComingSoonPage } from './features/home/ComingSoonPage';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/home/NotFoundPage';
import { MePage } from './features/profiles/MePage';
import { SettingsPage } from './features/profiles/SettingsPage';
import { Shell } from './ui/Shell';

export function App() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/groups" element={<ComingSoonPage area="groups" />} />
        <Route path="/forum" element={<ComingSoonPage area="forum" />} />
        <Route path="/events" element={<ComingSoonPage area="events" />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-in/check-email" element={<CheckEmailPage />} />
        <Route path="/sign-in/link" element={<EmailLinkPage />} />
        <Route path="/me" element={<MePage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/help" element={<HelpPage />} />
        <Route path="/code-of-conduct" element={<ConductPage />} />
        <Route path="/dev/outbox" element={<OutboxPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
