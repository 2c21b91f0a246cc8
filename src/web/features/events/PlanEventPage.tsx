import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { EventDetail, EventInput } from '../../../contract/events';
import type { Organisation } from '../../../contract/groups';
import { myTimeZone, newCommunityEvent, newOrganisationEvent } from '../../api/events';
import { useMe } from '../../session';
import { SubmitButton } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { SignInFirst } from '../../ui/SignInFirst';
import { useMyOrganisations } from '../groups/admin-data';
import { NotFoundPage } from '../home/NotFoundPage';
import {
  AboutFields,
  CapacityField,
  LanguageFields,
  PlaceFields,
  VideoFields,
  WhenFields,
} from './EventFormFields';
import { capacityOf, draftProblem, emptyDraft, timesOf, venueOf, videoOf } from './event-draft';
import { eventsKeys } from './queries';
import { useEventDraft } from './useEventDraft';

/** `/organisations/:id/plan`: an organisation's admins plan a meeting of their own. */
export function PlanOrganisationEventPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.plan.title')} why={t('gatherings.signInWhy')}>
      {() => <PlanForOrganisation />}
    </SignInFirst>
  );
}

function PlanForOrganisation() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const orgs = useMyOrganisations();
  if (orgs.isPending) return <p role="status">{t('app.loading')}</p>;
  // The list holds only the organisations this person runs (every one, for a site admin).
  const org = orgs.data?.organisations.find((o) => o.id === id);
  if (!org) return <NotFoundPage />;
  return <PlanForm owner={{ kind: 'organisation', org }} />;
}

/** `/events/plan`: site admins plan a meeting for everyone in Been There. */
export function PlanCommunityEventPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.plan.title')} why={t('gatherings.signInWhy')}>
      {() => <PlanForCommunity />}
    </SignInFirst>
  );
}

function PlanForCommunity() {
  const me = useMe();
  if (me.data?.user?.siteRole !== 'admin') return <NotFoundPage />;
  return <PlanForm owner={{ kind: 'community' }} />;
}

type Owner = { kind: 'organisation'; org: Organisation } | { kind: 'community' };

function PlanForm({ owner }: { owner: Owner }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const org = owner.kind === 'organisation' ? owner.org : null;
  const form = useEventDraft(org ? `plan-org-event-${org.id}` : 'plan-community-event', {
    ...emptyDraft,
    timeZone: myTimeZone() ?? 'Europe/London',
    // With its own video service, a room is made there unless a link is pasted.
    videoKind: org?.videoBaseUrl ? 'room' : 'link',
  });
  const { draft } = form;
  const [busy, setBusy] = useState(false);

  const submit = () => {
    if (busy) return;
    const found = draftProblem(draft, { languages: true });
    if (found || !draft.format) {
      if (found) form.refuse(found);
      return;
    }
    // A date or time left empty is left out, as the group's page does: the server then says
    // "Please fill this in." beside the date, with every other problem at once.
    const { rrule, ...when } = timesOf(draft);
    const body: EventInput = {
      title: draft.title,
      description: draft.description,
      format: draft.format,
      ...(when as Pick<EventInput, 'startLocal' | 'endLocal' | 'timeZone'>),
      rrule,
      capacity: capacityOf(draft),
      venue: venueOf(draft),
      video: videoOf(draft),
      languages: draft.languages,
    };
    const send = (): Promise<EventDetail> =>
      org ? newOrganisationEvent(org.id, body) : newCommunityEvent(body);
    setBusy(true);
    form.sending();
    send()
      .then(async (made) => {
        form.clearDraft();
        await client.invalidateQueries({ queryKey: eventsKeys.all });
        await navigate(`/events/${made.id}`);
      })
      .catch((e: unknown) => form.problem.capture(e))
      .finally(() => setBusy(false));
  };

  return (
    <Page title={t('gatherings.plan.title')}>
      <p className="group-card-org" dir="auto">
        {org ? t('gatherings.runBy', { name: org.name }) : t('gatherings.community')}
      </p>
      <Instructions
        lines={[
          org ? t('gatherings.plan.introOrganisation') : t('gatherings.plan.introCommunity'),
          t('gatherings.plan.draftKept'),
        ]}
      />
      <Form
        className="form"
        aria-label={t('gatherings.plan.title')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <AboutFields form={form} />
        <WhenFields form={form} chooseZone />
        <CapacityField form={form} />
        <LanguageFields form={form} />
        <PlaceFields form={form} />
        <VideoFields
          form={form}
          room={org?.videoBaseUrl ? t('gatherings.plan.videoKindRoom') : undefined}
        />
        <ProblemSummary problem={form.problem.problem} />
        <SubmitButton busy={busy}>{t('gatherings.plan.save')}</SubmitButton>
      </Form>
    </Page>
  );
}
