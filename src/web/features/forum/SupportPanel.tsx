import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrisisLine } from '../../../contract/help';
import { CrisisLineItem, dialLink } from '../../ui/CrisisLine';
import { Icon } from '../../ui/Icon';
import { ReadAloud } from '../../ui/ReadAloud';
import { RichText } from '../../ui/RichText';
import { useCountryHelp } from '../help/countries';
import { useModerationHours } from './moderation-hours';
import './care.css';

interface SupportPanelProps {
  /** The screening said the words worry: show the panel. */
  open: boolean;
  /** The words were posted (a moderator reads them now), not only written so far. */
  sent?: boolean;
  /** The level of the panel's heading: 3 inside the composer, 2 on its own on a page. */
  level?: 2 | 3;
}

/** Lines for someone in distress: the crisis and text lines (emergency is said on its own). */
const forDistress = (line: CrisisLine) => line.kind === 'crisis' || line.kind === 'text';

/**
 * Gentle words and crisis lines beside the words of someone who may be going through something
 * very hard (SAFETY.md). It never blocks writing or sending and never takes focus: its first
 * words sit in a live region that is always there, so they are announced once, politely.
 */
export function SupportPanel({ open, sent = false, level = 3 }: SupportPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="care-panel" data-open={open ? 'true' : 'false'}>
      <div role="status">
        {open && (
          <>
            <Heading id={`${id}-heading`} className="care-heading">
              <Icon name="help" />
              <span>{t('forum.care.support.heading')}</span>
            </Heading>
            <p className="care-lead">
              <RichText text={t('forum.care.support.lead')} />
            </p>
          </>
        )}
      </div>
      {open && <SupportLines sent={sent} level={level} />}
    </div>
  );
}

/** Asked for only once the panel opens: most composers never need them. */
function SupportLines({ sent, level }: { sent: boolean; level: 2 | 3 }) {
  const { t } = useTranslation();
  const { data } = useCountryHelp();
  const lines = (data?.lines ?? []).filter(forDistress);
  const emergency = data?.emergencyNumber;
  const hours = useModerationHours(t('forum.care.support.moderatorSoon'));
  const moderator = sent
    ? t('forum.care.support.moderator')
    : t('forum.care.support.moderatorDraft');
  const words = [
    t('forum.care.support.heading'),
    t('forum.care.support.lead'),
    t('forum.care.support.talk'),
    ...lines.map((l) => `${l.name}. ${l.description} ${l.phone ?? l.textNumber ?? ''}`),
    emergency ? t('forum.care.support.danger', { number: emergency }) : '',
    moderator,
    hours,
    sent ? '' : t('forum.care.support.keepWriting'),
  ];
  return (
    <>
      <p>
        <RichText text={t('forum.care.support.talk')} />
      </p>
      {lines.length > 0 && (
        <ul className="lines care-lines">
          {lines.map((line) => (
            <CrisisLineItem key={line.id} line={line} level={level === 2 ? 3 : 4} website={false} />
          ))}
        </ul>
      )}
      {emergency && (
        <div className="care-danger">
          <p>{t('forum.care.support.danger', { number: emergency })}</p>
          <a href={dialLink(emergency)} className="button">
            <Icon name="phone" />
            <span>{t('help.call', { number: emergency })}</span>
          </a>
        </div>
      )}
      <p>
        <RichText text={moderator} /> {hours}
      </p>
      {!sent && <p>{t('forum.care.support.keepWriting')}</p>}
      <div className="actions">
        <Link to="/help" className="button">
          <Icon name="help" />
          <span>{t('nav.needHelp')}</span>
        </Link>
        <ReadAloud
          text={words.filter(Boolean).join(' ')}
          label={t('forum.care.support.readLabel')}
        />
      </div>
    </>
  );
}
