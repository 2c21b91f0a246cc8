import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import type { GroupRole } from '../../../contract/groups-values';
import {
  announce,
  endInviteLink,
  inviteToGroup,
  makeInviteLink,
  removeMember,
} from '../../api/groups';
import { Notice, Select, SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { memberIdFrom } from './admin-data';
import { useJoinRequests } from './JoinRequests';
import { useAct } from './useAct';

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
