import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GroupDetail } from '../../../contract/groups';
import { approveRequest, declineRequest, getJoinRequests } from '../../api/groups';
import { Notice, SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { groupsKeys } from './queries';
import { useAct } from './useAct';

/** Who is asking to join this group, on the waitlist or invited. */
export function useJoinRequests(groupId: string) {
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
