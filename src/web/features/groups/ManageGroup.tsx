import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import type { GroupRole } from '../../../contract/groups-values';
import {
  announce,
  approveRequest,
  declineRequest,
  endInviteLink,
  getJoinRequests,
  getMembers,
  inviteToGroup,
  makeInviteLink,
  removeMember,
  setMemberRole,
} from '../../api/groups';
import { useMe } from '../../session';
import { Notice, Select, SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { memberIdFrom } from './admin-data';
import { groupsKeys } from './queries';

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: groupsKeys.all }).then(() => undefined);
}

/** Runs one action, then says in words what happened, or shows the server's problem. */
function useAct() {
  const refresh = useRefresh();
  const problem = useFormProblem();
  const [notice, setNotice] = useState<string | null>(null);
  /** The work may return its own words (from the server) to say instead of `done`. */
  const act = async (work: () => Promise<unknown>, done: string) => {
    problem.clear();
    setNotice(null);
    try {
      const said = await work();
      setNotice(typeof said === 'string' ? said : done);
      await refresh();
      return true;
    } catch (e) {
      problem.capture(e);
      return false;
    }
  };
  return { act, notice, problem };
}

/** Who is in the group. Those who run it also take people out and change their roles here. */
export function Members({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const myId = me.data?.user?.id;
  const { act, notice, problem } = useAct();
  const [removing, setRemoving] = useState<string | null>(null);
  const members = useQuery({
    queryKey: groupsKeys.members(g.id),
    queryFn: () => getMembers(g.id),
    enabled: Boolean(me.data?.user),
  });
  if (!members.data) return null;
  const iLead = g.me.role === 'facilitator';
  /** Roles this person may give; the server checks again. */
  const rolesFor = (current: GroupRole): GroupRole[] => {
    if (!g.me.canManage) return [];
    const all: GroupRole[] = g.me.canEdit
      ? ['co_facilitator', 'facilitator', 'member']
      : iLead && current !== 'facilitator'
        ? ['co_facilitator', 'member']
        : [];
    return all.filter((r) => r !== current);
  };
  const roleWord: Record<GroupRole, string> = {
    co_facilitator: 'groups.facilitate.makeCo',
    facilitator: 'groups.facilitate.makeFacilitator',
    member: 'groups.facilitate.makeMember',
  };
  return (
    <section aria-labelledby="members-title" className="section">
      <h2 id="members-title">{t('groups.page.membersTitle')}</h2>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ProblemSummary problem={problem.problem} />
      <ul className={g.me.canManage ? 'group-requests' : undefined}>
        {members.data.members.map((m) => {
          const isMe = m.id === myId;
          const canRemove = g.me.canManage && !isMe && (m.role !== 'facilitator' || g.me.canEdit);
          const roles = isMe ? [] : rolesFor(m.role);
          return (
            <li key={m.id}>
              <Link to={`/members/${m.id}`} className="group-inline-link">
                {m.displayName}
              </Link>
              {m.role !== 'member' && ` (${t(`groups.roles.${m.role}`)})`}
              {isMe && ` ${t('groups.facilitate.you')}`}
              {(roles.length > 0 || canRemove) && removing !== m.id && (
                <div className="actions">
                  {roles.map((role) => (
                    <Button
                      key={role}
                      className="button"
                      onPress={() =>
                        void act(
                          () => setMemberRole(g.id, { userId: m.id, role }),
                          t('groups.facilitate.roleDone', {
                            name: m.displayName,
                            role: t(`groups.roles.${role}`),
                          }),
                        )
                      }
                    >
                      {t(roleWord[role], { name: m.displayName })}
                    </Button>
                  ))}
                  {canRemove && (
                    <Button className="button" onPress={() => setRemoving(m.id)}>
                      {t('groups.manage.remove', { name: m.displayName })}
                    </Button>
                  )}
                </div>
              )}
              {removing === m.id && (
                <div className="confirm">
                  <p>
                    <strong>{t('groups.facilitate.removeAsk', { name: m.displayName })}</strong>
                  </p>
                  <div className="actions">
                    <Button
                      className="button button-danger"
                      onPress={() =>
                        void act(
                          () => removeMember(g.id, { userId: m.id }),
                          t('groups.manage.removed', { name: m.displayName }),
                        ).then(() => setRemoving(null))
                      }
                    >
                      {t('groups.facilitate.removeYes')}
                    </Button>
                    <Button className="button" onPress={() => setRemoving(null)}>
                      {t('groups.facilitate.removeNo')}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function useJoinRequests(groupId: string) {
  return useQuery({
    queryKey: groupsKeys.requests(groupId),
    queryFn: () => getJoinRequests(groupId),
  });
}

/**
 * For those who run the group, at the top of its page: the people asking to
 * join and the waitlist, so nobody waits unseen at the bottom of a long page.
 */
export function JoinRequests({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const { act, notice, problem } = useAct();
  const [declining, setDeclining] = useState<string | null>(null);
  const [kindWords, setKindWords] = useState('');
  const requests = useJoinRequests(g.id);
  const asking = requests.data?.requests.filter((r) => r.status === 'pending') ?? [];
  const waiting = requests.data?.requests.filter((r) => r.status === 'waitlist') ?? [];

  const decideButtons = (r: { id: string; displayName: string }) =>
    declining === r.id ? (
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () =>
              declineRequest(g.id, {
                userId: r.id,
                ...(kindWords.trim() ? { message: kindWords } : {}),
              }),
            t('groups.manage.declinedDone', { name: r.displayName }),
          ).then((ok) => ok && setDeclining(null));
        }}
      >
        <TextInput
          name="declineMessage"
          multiline
          label={t('groups.manage.declineMessage', { name: r.displayName })}
          description={t('groups.manage.declineHelp')}
          value={kindWords}
          onChange={setKindWords}
          error={problem.fieldError('message')}
        />
        <div className="actions">
          <SubmitButton>{t('groups.manage.declineSend')}</SubmitButton>
          <Button className="button" onPress={() => setDeclining(null)}>
            {t('groups.admin.back')}
          </Button>
        </div>
      </Form>
    ) : (
      <div className="actions">
        <Button
          className="button button-primary"
          onPress={() =>
            void act(
              async () => {
                const result = await approveRequest(g.id, { userId: r.id });
                return result.status === 'waitlist' ? result.message : undefined;
              },
              t('groups.manage.approved', { name: r.displayName }),
            )
          }
        >
          {t('groups.manage.approve', { name: r.displayName })}
        </Button>
        <Button
          className="button"
          onPress={() => {
            setKindWords(t('groups.declineDefault'));
            setDeclining(r.id);
          }}
        >
          {t('groups.manage.decline', { name: r.displayName })}
        </Button>
      </div>
    );

  return (
    <section aria-labelledby="requests-title" className="section group-manage">
      <h2 id="requests-title">{t('groups.manage.requests')}</h2>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ProblemSummary problem={problem.problem} />
      {requests.data && asking.length === 0 && <p>{t('groups.manage.requestsNone')}</p>}
      {asking.length > 0 && <p>{t('groups.manage.requestsTopHelp')}</p>}
      <ul className="group-requests">
        {asking.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.displayName}</strong>
            </p>
            <p className="field-help">
              {t('groups.facilitate.askedOn', {
                date: new Date(r.askedAt).toLocaleDateString(),
              })}
            </p>
            {r.message && <p>{t('groups.manage.theyWrote', { message: r.message })}</p>}
            {decideButtons(r)}
          </li>
        ))}
      </ul>

      <h3>{t('groups.facilitate.waitlistTitle')}</h3>
      {requests.data && waiting.length === 0 ? (
        <p>{t('groups.facilitate.waitlistNone')}</p>
      ) : (
        <p>{t('groups.facilitate.waitlistHelp')}</p>
      )}
      <ol className="group-requests">
        {waiting.map((r, i) => (
          <li key={r.id}>
            <p>
              <strong>
                {t('groups.facilitate.waitlistPlace', { n: i + 1, name: r.displayName })}
              </strong>
            </p>
            {r.message && <p>{t('groups.manage.theyWrote', { message: r.message })}</p>}
            {decideButtons(r)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** For those who run the group: invitations, the invite link and news. */
export function Manage({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const { act, notice, problem } = useAct();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const requests = useJoinRequests(g.id);
  const invited = requests.data?.requests.filter((r) => r.status === 'invited') ?? [];
  const [person, setPerson] = useState('');
  const [personError, setPersonError] = useState<string | undefined>();
  const [inviteRole, setInviteRole] = useState<GroupRole>('member');
  /** Roles an invitation may offer; the server checks again. */
  const inviteRoles: GroupRole[] = g.me.canEdit
    ? ['member', 'co_facilitator', 'facilitator']
    : ['member', 'co_facilitator'];

  return (
    <section aria-labelledby="manage-title" className="section group-manage">
      <h2 id="manage-title">{t('groups.manage.title')}</h2>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ProblemSummary problem={problem.problem} />
      {g.me.canEdit && (
        <p>
          <Link to={`/groups/${g.id}/edit`} className="button">
            {t('groups.facilitate.editLink')}
          </Link>
        </p>
      )}

      <h3>{t('groups.manage.invitePerson')}</h3>
      <p>{t('groups.manage.invitePersonHelp')}</p>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = person.trim();
          const id = memberIdFrom(typed);
          const byEmail = g.me.canEdit && typed.includes('@');
          if (!byEmail && !id) {
            setPersonError(
              g.me.canEdit ? t('groups.admin.addAdminBad') : t('groups.manage.invitePersonBad'),
            );
            return;
          }
          setPersonError(undefined);
          void act(
            () =>
              inviteToGroup(g.id, {
                ...(byEmail ? { email: typed } : { userId: id ?? undefined }),
                role: inviteRole,
              }),
            t('groups.manage.invitePersonDone'),
          ).then((ok) => ok && setPerson(''));
        }}
      >
        <TextInput
          name="invitePerson"
          label={g.me.canEdit ? t('groups.admin.addAdmin') : t('groups.manage.invitePersonLink')}
          description={
            g.me.canEdit ? t('groups.admin.addAdminHelp') : t('groups.manage.invitePersonLinkHelp')
          }
          value={person}
          onChange={setPerson}
          error={personError ?? problem.fieldError('email') ?? problem.fieldError('userId')}
          required
        />
        <Select
          name="inviteRole"
          label={t('groups.manage.inviteRole')}
          value={inviteRole}
          options={inviteRoles.map((r) => ({ value: r, label: t(`groups.roles.${r}`) }))}
          onChange={(v) => setInviteRole(v as GroupRole)}
        />
        <SubmitButton>{t('groups.manage.invitePersonSend')}</SubmitButton>
      </Form>
      <h4>{t('groups.manage.invitedTitle')}</h4>
      {requests.data && invited.length === 0 && <p>{t('groups.manage.invitedNone')}</p>}
      <ul className="group-requests">
        {invited.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.displayName}</strong> ({t(`groups.roles.${r.role}`)})
            </p>
            <div className="actions">
              <Button
                className="button"
                onPress={() =>
                  void act(
                    () => removeMember(g.id, { userId: r.id }),
                    t('groups.manage.invitationTakenBack', { name: r.displayName }),
                  )
                }
              >
                {t('groups.manage.invitationTakeBack', { name: r.displayName })}
              </Button>
            </div>
          </li>
        ))}
      </ul>

      <h3>{t('groups.manage.invite')}</h3>
      <p>{t('groups.manage.inviteHelp')}</p>
      <p>
        {g.inviteLinkActive ? t('groups.manage.inviteActive') : t('groups.facilitate.inviteNone')}
      </p>
      {g.inviteLinkActive && g.inviteLinkExpiresAt && (
        <p>
          {t('groups.manage.inviteUntil', {
            date: new Date(g.inviteLinkExpiresAt).toLocaleDateString(),
          })}
        </p>
      )}
      {link && (
        <>
          <p className="group-link-text">
            {t('groups.manage.inviteLink')}: <strong>{link}</strong>
          </p>
          <div className="actions">
            <Button
              className="button button-primary"
              onPress={() => {
                setCopied(null);
                navigator.clipboard
                  .writeText(link)
                  .then(() => setCopied(t('groups.facilitate.copied')))
                  .catch(() => setCopied(t('groups.facilitate.copyFailed')));
              }}
            >
              {t('groups.facilitate.copy')}
            </Button>
          </div>
          {copied && <Notice kind="ok">{copied}</Notice>}
        </>
      )}
      <div className="actions">
        <Button
          className="button"
          onPress={() =>
            void act(async () => {
              const made = await makeInviteLink(g.id);
              setCopied(null);
              setLink(made.url);
            }, t('groups.manage.inviteActive'))
          }
        >
          {t('groups.manage.inviteMake')}
        </Button>
        {g.inviteLinkActive && (
          <Button
            className="button"
            onPress={() =>
              void act(async () => {
                await endInviteLink(g.id);
                setLink(null);
                setCopied(null);
              }, t('groups.manage.inviteStopped'))
            }
          >
            {t('groups.manage.inviteStop')}
          </Button>
        )}
      </div>

      <h3>{t('groups.manage.announce')}</h3>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await announce(g.id, { body: news });
            setNews('');
          }, t('groups.manage.announced'));
        }}
      >
        <TextInput
          name="announcement"
          multiline
          label={t('groups.manage.announce')}
          value={news}
          onChange={setNews}
          error={problem.fieldError('body')}
          required
        />
        <SubmitButton>{t('groups.manage.announceSend')}</SubmitButton>
      </Form>
    </section>
  );
}
