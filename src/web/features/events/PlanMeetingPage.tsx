import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { GroupEventInput } from '../../../contract/events';
import type { GroupDetail } from '../../../contract/groups';
import { myTimeZone, newGroupEvent } from '../../api/events';
import { getGroup } from '../../api/groups';
import { SubmitButton } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { SignInFirst } from '../../ui/SignInFirst';
import { groupsKeys } from '../groups/queries';
import { NotFoundPage } from '../home/NotFoundPage';
import {
  AboutFields,
  CapacityField,
  PlaceFields,
  VideoFields,
  WhenFields,
} from './EventFormFields';
import {
  capacityOf,
  draftProblem,
  type EventDraft,
  emptyDraft,
  timesOf,
  venueOf,
  videoOf,
} from './event-draft';
import { eventsKeys } from './queries';
import { useEventDraft } from './useEventDraft';

/** `/groups/:id/plan`: those who run a group plan a meeting, once or as a series. */
export function PlanMeetingPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.plan.title')} why={t('gatherings.signInWhy')}>
      {() => <PlanForGroup />}
    </SignInFirst>
  );
}

function PlanForGroup() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useQuery({
    queryKey: groupsKeys.detail(id),
    queryFn: () => getGroup(id),
    retry: false,
  });
  if (group.isPending) return <p role="status">{t('app.loading')}</p>;
  if (group.isError || !group.data || !group.data.me.canManage) return <NotFoundPage />;
  return <PlanForm group={group.data} />;
}

/** The group's own place, times and rhythm to start with. */
function groupDraft(g: GroupDetail): EventDraft {
  const venue = g.venue;
  return {
    ...emptyDraft,
    format: g.format,
    repeats: g.rhythm ? 'rhythm' : 'once',
    time: g.rhythm?.startTime ?? '',
    minutes: String(g.rhythm?.durationMinutes ?? 90),
    timeZone: g.rhythm?.timeZone ?? myTimeZone() ?? 'Europe/London',
    placeName: venue?.name ?? '',
    address: venue?.address ?? '',
    town: g.town ?? venue?.town ?? '',
    // Where the group meets on the map, so its meetings show up "near me" too.
    place: venue ? { id: 'venue', name: venue.town, lat: venue.lat, lng: venue.lng } : null,
    access: venue?.access ?? [],
    accessNotes: venue?.accessNotes ?? '',
  };
}

function PlanForm({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useEventDraft(`plan-meeting-${g.id}`, groupDraft(g));
  const { draft } = form;
  const [busy, setBusy] = useState(false);

  const submit = () => {
    if (busy) return;
    const found = draftProblem(draft);
    if (found || !draft.format) {
      if (found) form.refuse(found);
      return;
    }
    const followGroupRhythm = draft.repeats === 'rhythm';
    const body: GroupEventInput = {
      title: draft.title,
      description: draft.description,
      format: draft.format,
      capacity: capacityOf(draft),
      followGroupRhythm,
      venue: venueOf(draft),
      video: videoOf(draft),
      ...(followGroupRhythm ? {} : timesOf(draft)),
    };
    setBusy(true);
    form.sending();
    newGroupEvent(g.id, body)
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
        {t('gatherings.plan.for', { name: g.name })}
      </p>
      <Instructions lines={[t('gatherings.plan.intro'), t('gatherings.plan.draftKept')]} />
      <Form
        className="form"
        aria-label={t('gatherings.plan.title')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <AboutFields form={form} />
        <WhenFields
          form={form}
          rhythm={g.rhythm ? (g.rhythmText ?? '') : null}
          chooseZone={false}
        />
        <CapacityField form={form} />
        <PlaceFields form={form} />
        <VideoFields form={form} />
        <ProblemSummary problem={form.problem.problem} />
        <SubmitButton busy={busy}>{t('gatherings.plan.save')}</SubmitButton>
      </Form>
    </Page>
  );
}
