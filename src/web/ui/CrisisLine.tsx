import { useTranslation } from 'react-i18next';
import type { CrisisLine } from '../../contract/help';
import { Icon } from './Icon';

/** A tap-to-call link: only the digits (and a leading +) go in the number. */
export const dialLink = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;

/** A tap-to-text link, with the first word of the message filled in where the line asks for one. */
export const textLink = (number: string, message: string | null) =>
  `sms:${number.replace(/[^0-9+]/g, '')}${message ? `?&body=${encodeURIComponent(message)}` : ''}`;

/**
 * One crisis line (help page and the composer's support panel): its name, what it is for,
 * when it answers, and big buttons to call, text or visit.
 */
export function CrisisLineItem({
  line,
  level = 3,
  website = true,
}: {
  line: CrisisLine;
  level?: 3 | 4;
  /** False where only calling and texting belong (the composer's short support panel). */
  website?: boolean;
}) {
  const { t } = useTranslation();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <li className="line">
      <Heading>{line.name}</Heading>
      <p>{line.description}</p>
      <p className="line-hours">{line.hours}</p>
      <div className="actions">
        {line.phone && (
          <a href={dialLink(line.phone)} className="button button-primary">
            <Icon name="phone" />
            <span>{t('help.call', { number: line.phone })}</span>
          </a>
        )}
        {line.textNumber && (
          <a href={textLink(line.textNumber, line.textMessage)} className="button">
            <Icon name="text" />
            <span>
              {line.textMessage
                ? t('help.text', { message: line.textMessage, number: line.textNumber })
                : t('help.textNumber', { number: line.textNumber })}
            </span>
          </a>
        )}
        {website && line.url && (
          <a
            href={line.url}
            className="button button-quiet"
            rel="noopener noreferrer"
            target="_blank"
          >
            <Icon name="globe" />
            <span>{t('help.website', { name: line.name })}</span>
          </a>
        )}
      </div>
    </li>
  );
}
