import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import {
  acceptInvitation,
  declineInvitation,
  getGroup,
  joinGroup,
  leaveGroup,
} from '../../api/groups';
import { useMe } from '../../session';
import { Notice, SubmitButton, TextInput } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { RichText } from '../../ui/RichText';
import { useFormProblem } from '../../ui/useFormProblem';
import { GroupMeetings } from '../events/GroupMeetings';
import { NotFoundPage } from '../home/NotFoundPage';
import { GroupBoard } from './GroupBoard';
import { JoinRequests } from './JoinRequests';
import { Manage } from './ManageGroup';
import { Members } from './Members';
import { groupsKeys } from './queries';

export function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useQuery({
    queryKey: groupsKeys.detail(id),
    queryFn: () => getGroup(id),
    retry: false,
  });
  if (group.isPending) return <p role="status">{t('app.loading')}</p>;
  if (group.isError || !group.data) return <NotFoundPage />;
  const g = group.data;
  return (
    <Page title={g.name}>
      <p className="group-card-org">{t('groups.runBy', { name: g.organisation.name })}</p>
      <Instructions lines={[g.description]} />
      {g.me.canManage && <JoinRequests group={g} />}
      <Facts group={g} />
      {!g.detailsHidden && <GroupMeetings group={g} />}
      <JoinPanel group={g} />
      {g.meetingLink !== null || g.me.status === 'active' ? <MeetingLink group={g} /> : null}
      {g.announcements && (
        <section aria-labelledby="news-title" className="section">
          <h2 id="news-title">{t('groups.page.announcements')}</h2>
          {g.announcements.length === 0 && <p>{t('groups.page.announcementsNone')}</p>}
          <ul className="group-news">
            {g.announcements.map((a) => (
              <li key={a.id}>
                <p>{a.body}</p>
                <p className="field-help">
                  {a.author.displayName}, {new Date(a.createdAt).toLocaleDateString()}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {g.boardVisible && <GroupBoard group={g} />}
      {g.membersVisible && <Members group={g} />}
      {g.me.canManage && <Manage group={g} />}
      <p>
        <Link to="/groups" className="button">
          {t('groups.title')}
        </Link>
      </p>
    </Page>
  );
}

function Facts({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  if (g.detailsHidden) {
    return (
      <section aria-labelledby="about-title" className="section">
        <h2 id="about-title">{t('groups.page.about')}</h2>
        <p>{t('groups.page.privateHidden')}</p>
        <ul>
          <li>{t(`groups.formats.${g.format}`)}</li>
          {g.caregiversOnly && <li>{t('groups.caregiversOnly')}</li>}
          <li>{t(`groups.joinPolicies.${g.joinPolicy}`)}</li>
        </ul>
      </section>
    );
  }
  return (
    <>
      <section aria-labelledby="when-title" className="section">
        <h2 id="when-title">{t('groups.page.when')}</h2>
        <p>
          <strong>{g.rhythmText}</strong>
        </p>
        <h3>{t('groups.page.next')}</h3>
        <ul>
          {g.nextMeetings.map((m) => (
            <li key={m.startsAt}>
              <time dateTime={m.startsAt}>{m.text}</time>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="where-title" className="section">
        <h2 id="where-title">{t('groups.page.where')}</h2>
        <p>
          <strong>{t(`groups.formats.${g.format}`)}</strong>
        </p>
        {g.format !== 'in_person' && <p>{t('groups.page.online')}</p>}
        {g.venue && (
          <>
            <p>
              {g.venue.name}
              <br />
              {g.venue.address}
            </p>
            <h3>{t('groups.page.accessTitle')}</h3>
            {g.venue.access.length === 0 ? (
              <p>{t('groups.page.accessNone')}</p>
            ) : (
              <ul>
                {g.venue.access.map((a) => (
                  <li key={a}>{t(`groups.access.${a}`)}</li>
                ))}
              </ul>
            )}
            {g.venue.accessNotes && <p>{g.venue.accessNotes}</p>}
          </>
        )}
      </section>
      <section aria-labelledby="about-title" className="section">
        <h2 id="about-title">{t('groups.page.about')}</h2>
        <ul>
          {g.focus.length > 0 && (
            <li>
              {t('groups.page.focus', {
                list: g.focus.map((f) => t(`groups.focuses.${f}`)).join(', '),
              })}
            </li>
          )}
          <li>
            {t('groups.page.languages', {
              list: g.languages.map((l) => t(`groups.languages.${l}`)).join(', '),
            })}
          </li>
          <li>{t('groups.page.size', { cap: g.sizeCap, count: g.memberCount })}</li>
          {g.caregiversOnly && <li>{t('groups.caregiversOnly')}</li>}
          <li>{t(`groups.joinPolicies.${g.joinPolicy}`)}</li>
        </ul>
        <h3>{t('groups.page.who')}</h3>
        <p>
          <RichText text={t('groups.page.whoHelp')} />
        </p>
        {g.facilitators.length === 0 ? (
          <p>{t('groups.page.whoNone')}</p>
        ) : (
          <ul>
            {g.facilitators.map((f) => (
              <li key={f.id}>
                {f.displayName} ({t(`groups.roles.${f.role}`)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: groupsKeys.all }).then(() => undefined);
}

function JoinPanel({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const invite = params.get('invite') ?? undefined;
  const refresh = useRefresh();
  const problem = useFormProblem();
  const [message, setMessage] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  // A second tap before the page has caught up sends nothing more.
  const sending = useRef(false);
  const join = useMutation({
    mutationFn: () => joinGroup(g.id, { message, ...(invite ? { inviteToken: invite } : {}) }),
    onMutate: () => {
      setSaid(null);
      problem.clear();
    },
    onSuccess: async (result) => {
      setSaid(result.message);
      await refresh();
    },
    onError: (e) => problem.capture(e),
    onSettled: () => {
      sending.current = false;
    },
  });
  const leave = useMutation({
    mutationFn: () => leaveGroup(g.id),
    onSuccess: async () => {
      setConfirmLeave(false);
      await refresh();
    },
  });
  const status = g.me.status;
  const answer = useMutation({
    mutationFn: (yes: boolean) =>
      yes
        ? acceptInvitation(g.id)
        : declineInvitation(g.id).then(() => ({
            message: t('groups.page.invitationDeclined'),
          })),
    onMutate: () => problem.clear(),
    onSuccess: async (result) => {
      setSaid(result.message);
      await refresh();
    },
    onError: (e) => problem.capture(e),
  });
  const canJoin = g.me.canJoin || (invite !== undefined && status === null && me.data?.user);
  // A carers-only group always asks the facilitator, whatever its setting.
  const joinWord = g.full
    ? t('groups.page.joinWaitlist')
    : g.joinPolicy === 'ask' || g.caregiversOnly
      ? t('groups.page.ask')
      : t('groups.page.join');

  return (
    <section aria-labelledby="join-title" className="section">
      <h2 id="join-title">{t('groups.page.how')}</h2>
      {said && <Notice kind="ok">{said}</Notice>}
      <ProblemSummary problem={problem.problem} />
      {!me.data?.user && (
        <p>
          <Link to="/sign-in" className="button button-primary">
            {t('groups.page.signInToJoin')}
          </Link>
        </p>
      )}
      {status === 'active' && <p>{t('groups.page.member')}</p>}
      {status === 'pending' && <p>{t('groups.page.pending')}</p>}
      {status === 'waitlist' && (
        <p>{t('groups.page.waitlist', { place: g.me.waitlistPlace ?? 1 })}</p>
      )}
      {status === 'declined' && (
        <>
          <p>{t('groups.page.declined')}</p>
          <blockquote className="group-decline">{g.me.declineMessage}</blockquote>
        </>
      )}
      {g.me.cannotJoinReason && !invite && <p>{g.me.cannotJoinReason}</p>}
      {invite && status === null && !problem.problem && <p>{t('groups.page.invited')}</p>}
      {status === 'invited' && (
        <>
          <p>
            {t('groups.page.invitation', {
              role: t(`groups.roles.${g.me.invitedAs ?? 'member'}`),
            })}
          </p>
          <div className="actions">
            <Button
              className="button button-primary"
              isDisabled={answer.isPending}
              onPress={() => answer.mutate(true)}
            >
              {t('groups.page.invitationYes')}
            </Button>
            <Button
              className="button"
              isDisabled={answer.isPending}
              onPress={() => answer.mutate(false)}
            >
              {t('groups.page.invitationNo')}
            </Button>
          </div>
        </>
      )}
      {canJoin && (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (sending.current) return;
            sending.current = true;
            join.mutate();
          }}
        >
          {(g.joinPolicy === 'ask' || g.caregiversOnly) && (
            <TextInput
              name="message"
              multiline
              label={t('groups.page.message')}
              description={t('groups.page.messageHelp')}
              value={message}
              onChange={setMessage}
              error={problem.fieldError('message')}
            />
          )}
          <SubmitButton busy={join.isPending}>
            {status === 'declined' ? t('groups.page.askAgain') : joinWord}
          </SubmitButton>
        </Form>
      )}
      {status !== null && status !== 'declined' && status !== 'invited' && (
        <div className="actions">
          {confirmLeave ? (
            <div className="confirm">
              <p>{t('groups.page.leaveConfirm')}</p>
              <div className="actions">
                <Button className="button button-danger" onPress={() => leave.mutate()}>
                  {t('groups.page.leaveYes')}
                </Button>
                <Button className="button" onPress={() => setConfirmLeave(false)}>
                  {t('groups.page.leaveNo')}
                </Button>
              </div>
            </div>
          ) : (
            <Button className="button" onPress={() => setConfirmLeave(true)}>
              {status === 'active' ? t('groups.page.leave') : t('groups.page.withdraw')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function MeetingLink({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="link-title" className="section">
      <h2 id="link-title">{t('groups.page.meetingTitle')}</h2>
      {g.meetingLink ? (
        <>
          <p className="group-link-text">{g.meetingLink}</p>
          <a
            className="button button-primary"
            href={g.meetingLink}
            rel="noopener noreferrer"
            target="_blank"
          >
            {t('groups.page.meetingOpen')}
          </a>
        </>
      ) : (
        <p>{t('groups.page.meetingNone')}</p>
      )}
    </section>
  );
}
