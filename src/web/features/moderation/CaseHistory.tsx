import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contract/moderation';
import { useMe } from '../../session';
import { When, whyInWords } from './case-words';
import { isStaff } from './SignedIn';
import { TrustControl } from './TrustControl';

type Person = NonNullable<CaseDetail['person']>;

/** The person the case is about: who they are here, what stops them now, and their history. */
export function PersonHistory({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const staff = isStaff(me.data?.user?.siteRole);
  return (
    <section aria-labelledby="case-person" className="section">
      <h2 id="case-person" dir="auto">
        {t('moderation.page.case.personTitle', { name: person.displayName })}
      </h2>
      <ul className="case-facts">
        <li>
          {t('moderation.page.case.trust', {
            level: t(`moderation.page.trust.${person.trustLevel}`),
          })}
        </li>
        <li>
          {t('moderation.page.case.role', {
            role: t(`moderation.page.siteRoles.${person.siteRole}`),
          })}
        </li>
        <li>
          {t('moderation.page.case.joined')} <When iso={person.joinedAt} />
        </li>
        {person.restrictions.length === 0 ? (
          <li>{t('moderation.page.case.restrictionsNone')}</li>
        ) : (
          person.restrictions.map((r) => (
            <li key={`${r.kind}-${r.until ?? 'none'}`}>
              <strong>
                {r.until ? (
                  <>
                    {t('moderation.page.case.restrictionUntil', {
                      what: t(`moderation.page.restrictions.${r.kind}`),
                    })}{' '}
                    <When iso={r.until} />
                  </>
                ) : (
                  t('moderation.page.case.restrictionForGood', {
                    what: t(`moderation.page.restrictions.${r.kind}`),
                  })
                )}
              </strong>
            </li>
          ))
        )}
      </ul>

      {staff && me.data?.user?.id !== person.id && <TrustControl userId={person.id} />}

      <h3>{t('moderation.page.case.earlierTitle')}</h3>
      {person.earlierCases.length === 0 ? (
        <p>{t('moderation.page.case.earlierNone')}</p>
      ) : (
        <ul className="case-facts">
          {person.earlierCases.map((c) => (
            <li key={c.id}>
              {t('moderation.page.case.earlierLine', {
                why: whyInWords(t, { reason: c.reason, tier: null, priority: c.priority }),
                outcome: c.outcome
                  ? t(`moderation.page.actions.${c.outcome}`)
                  : t('moderation.page.case.stillOpen'),
              })}{' '}
              <When iso={c.openedAt} />
            </li>
          ))}
        </ul>
      )}

      <h3>{t('moderation.page.case.actionsTitle')}</h3>
      {person.actions.length === 0 ? (
        <p>{t('moderation.page.case.actionsNone')}</p>
      ) : (
        <ul className="case-facts">
          {person.actions.map((a) => (
            <li key={a.id}>
              {t('moderation.page.case.actionLine', {
                action: t(`moderation.page.actions.${a.action}`),
                reason: t(`moderation.reasons.${a.reason}`),
              })}{' '}
              <When iso={a.at} />
              {a.appealed && ` ${t('moderation.page.case.appealed')}`}
              {a.overturned && ` ${t('moderation.page.case.overturned')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
