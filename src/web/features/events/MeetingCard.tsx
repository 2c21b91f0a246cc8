import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting, MeetingSummary, MyAnswer } from '../../../contract/events';
import type { DistanceUnit, GroupLanguage } from '../../../contract/groups-values';
import { useDistanceWords } from '../groups/distance';
import { AccessList, FormatLine } from './pictures';

/** Where I stand for one meeting, in words. */
export function myAnswerWords(me: MyAnswer | null, t: TFunction) {
  if (!me) return null;
  if (me.answer === 'going' && me.place === 'waiting') {
    return t('gatherings.youWaiting', { number: me.waitingNumber ?? 1 });
  }
  if (me.answer === 'going') {
    return me.carer ? t('gatherings.youGoingCarer') : t('gatherings.youGoing');
  }
  if (me.answer === 'maybe') return t('gatherings.youMaybe');
  return t('gatherings.youNotGoing');
}

/** Places left, full, cancelled or moved, in words. */
export function MeetingState({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const said = myAnswerWords(m.me, t);
  return (
    <>
      {m.cancelled && (
        <p className="event-flag">
          <strong>{t('gatherings.cancelled')}</strong>
        </p>
      )}
      {m.moved && !m.cancelled && (
        <p className="event-flag">
          <strong>{t('gatherings.moved')}</strong>
        </p>
      )}
      {!m.cancelled && m.placesLeft !== null && (
        <p>
          {m.placesLeft > 0
            ? t('gatherings.placesLeft', { count: m.placesLeft })
            : t('gatherings.full')}
        </p>
      )}
      {said && (
        <p>
          <strong>{said}</strong>
        </p>
      )}
    </>
  );
}

export function ownerName(m: MeetingSummary['owner'], t: TFunction) {
  if (m.group) return t('gatherings.runBy', { name: m.group.name });
  if (m.organisation) return t('gatherings.runBy', { name: m.organisation.name });
  return t('gatherings.community');
}

/** The languages of a meeting, in words; nothing when it is just the site's own language. */
export function languagesWords(
  languages: readonly GroupLanguage[],
  siteLanguage: string,
  t: TFunction,
): string | null {
  const site = siteLanguage.split('-')[0];
  if (languages.length === 0 || (languages.length === 1 && languages[0] === site)) return null;
  return t('gatherings.languages', {
    list: languages.map((l) => t(`groups.languages.${l}`)).join(', '),
  });
}

export function MeetingCard({ meeting: m, unit }: { meeting: MeetingSummary; unit: DistanceUnit }) {
  const { t, i18n } = useTranslation();
  const words = useDistanceWords(unit);
  // "In Leeds. 3 miles away"
  const where = [
    m.town ? t('gatherings.town', { town: m.town }) : null,
    m.distanceKm !== null ? words.away(m.distanceKm) : null,
  ]
    .filter(Boolean)
    .join('. ');
  const spoken = languagesWords(m.languages, i18n.resolvedLanguage ?? i18n.language, t);
  return (
    <li className="group-card event-card">
      <h3 className="group-card-title" dir="auto">
        {m.title}
      </h3>
      <p className="event-when">
        <time dateTime={m.startsAt}>
          <strong>{m.text}</strong>
        </time>
      </p>
      <FormatLine format={m.format} />
      <p className="group-card-org" dir="auto">
        {ownerName(m.owner, t)}
      </p>
      {where && <p dir="auto">{where}</p>}
      {spoken && <p>{spoken}</p>}
      <AccessList access={m.access} />
      <MeetingState meeting={m} />
      <Link
        to={`/events/${m.eventId}`}
        className="button"
        aria-label={`${t('gatherings.open')}: ${m.title}, ${m.text}`}
      >
        {t('gatherings.open')}
      </Link>
    </li>
  );
}
