import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import type { GroupRole } from '../../../contract/groups-values';
import { getMembers, removeMember, setMemberRole } from '../../api/groups';
import { useMe } from '../../session';
import { Notice } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { groupsKeys } from './queries';
import { useAct } from './useAct';

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
