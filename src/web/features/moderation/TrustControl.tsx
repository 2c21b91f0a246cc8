import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TrustLevel, trustLevels } from '../../../contract/trust';
import { getTrust, setTrust } from '../../api/moderation';
import { ApiProblem } from '../../api/transport';
import { Choice, Notice, SendProblem, SubmitButton, Tick } from '../../ui/fields';

/**
 * For moderators on a case: the person's trust level, what they have done, what the next level
 * needs, and setting it by hand (locked, so the hourly recount keeps it).
 */
export function TrustControl({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['moderation', 'trust', userId];
  const standing = useQuery({ queryKey: key, queryFn: () => getTrust(userId), retry: false });
  const [level, setLevel] = useState<TrustLevel | null>(null);
  const [locked, setLocked] = useState(true);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (standing.data && level === null) {
      setLevel(standing.data.level);
      // Set by hand, a level is kept unless the moderator says the recount may change it.
      setLocked(true);
    }
  }, [standing.data, level]);
  const save = useMutation({
    mutationFn: () => setTrust(userId, { level: level ?? 'new', locked }),
    onSuccess: (data) => {
      client.setQueryData(key, data);
      setSaved(true);
    },
  });
  if (standing.isError || !standing.data) return null;
  const s = standing.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <section aria-labelledby="case-trust" className="section">
      <h3 id="case-trust">{t('moderation.page.trustControl.title')}</h3>
      <ul className="case-facts">
        <li>
          {t('moderation.page.trustControl.now', {
            level: t(`moderation.page.trust.${s.level}`),
          })}{' '}
          {s.locked && t('moderation.page.trustControl.lockedNote')}
        </li>
        <li>{t('moderation.page.trustControl.days', { count: s.measures.days })}</li>
        <li>{t('moderation.page.trustControl.topics', { count: s.measures.topicsEntered })}</li>
        <li>{t('moderation.page.trustControl.posts', { count: s.measures.postsRead })}</li>
        <li>{t('moderation.page.trustControl.minutes', { count: s.measures.readingMinutes })}</li>
        <li>{t('moderation.page.trustControl.reports', { count: s.measures.upheldReports })}</li>
      </ul>
      {s.next && s.next.needs.length > 0 && (
        <>
          <p>
            {t('moderation.page.trustControl.next', {
              level: t(`moderation.page.trust.${s.next.level}`),
            })}
          </p>
          <ul className="case-facts">
            {s.next.needs.map((need) => (
              <li key={need}>{need}</li>
            ))}
          </ul>
        </>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <Choice
          name="trust-level"
          label={t('moderation.page.trustControl.choose')}
          value={level ?? s.level}
          onChange={(v) => {
            setLevel(v);
            setSaved(false);
          }}
          options={trustLevels.map((l) => ({ value: l, label: t(`moderation.page.trust.${l}`) }))}
        />
        <Tick
          name="trust-locked"
          label={t('moderation.page.trustControl.lock')}
          checked={locked}
          onChange={(v) => {
            setLocked(v);
            setSaved(false);
          }}
        />
        <SubmitButton busy={save.isPending}>{t('moderation.page.trustControl.save')}</SubmitButton>
        {save.error && (
          <SendProblem attempt={save.failureCount}>
            {save.error instanceof ApiProblem
              ? save.error.title
              : t('moderation.page.trustControl.failed')}
          </SendProblem>
        )}
        {saved && <Notice kind="ok">{t('moderation.page.trustControl.saved')}</Notice>}
      </form>
    </section>
  );
}
