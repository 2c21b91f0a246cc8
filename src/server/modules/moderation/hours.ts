// When moderators usually look, said honestly: "A moderator usually looks within 2 hours,
// 8 am to 10 pm UK time." The hours and the wait are site settings.
import type { ModerationHours, ModerationHoursSetting } from '../../../contract/moderation';
import { t } from '../../lib/i18n';
import { zoneInWords } from '../groups/face';
import type { ModerationDeps } from './deps';

/** "8 am", "10:30 pm", "12 pm". */
export function clockInWords(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? 'am' : 'pm';
  return m === 0 ? `${hour} ${suffix}` : `${hour}:${String(m).padStart(2, '0')} ${suffix}`;
}

/** "Monday to Friday", or "Monday, Wednesday and Friday"; null for every day. */
export function daysInWords(days: readonly number[]): string | null {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return null;
  const name = (d: number) => t(`moderation.hours.days.${d}`);
  const runs = sorted.length >= 3 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (runs)
    return t('moderation.hours.dayRange', { first: name(sorted[0]!), last: name(sorted.at(-1)!) });
  const names = sorted.map(name);
  if (names.length === 1) return names[0]!;
  return t('moderation.hours.dayList', { rest: names.slice(0, -1).join(', '), last: names.at(-1) });
}

function waitInWords(hours: number): string {
  return hours < 1
    ? t('moderation.hours.wait.minutes', { count: Math.round(hours * 60) })
    : t('moderation.hours.wait.hours', { count: Math.round(hours) });
}

/** Are moderators usually looking at this moment (in the hours' own time zone)? */
export function isOpenAt(hours: ModerationHoursSetting, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  const now = `${part('hour')}:${part('minute')}`;
  if (!hours.days.includes(weekday)) return false;
  // Hours past midnight (22:00 to 06:00) wrap round.
  return hours.from < hours.until
    ? now >= hours.from && now < hours.until
    : now >= hours.from || now < hours.until;
}

export function hoursSentence(hours: ModerationHoursSetting, waitHours: number, at: Date): string {
  const days = daysInWords(hours.days);
  const words = {
    wait: waitInWords(waitHours),
    from: clockInWords(hours.from),
    until: clockInWords(hours.until),
    zone: zoneInWords(hours.timeZone, at),
    days,
  };
  return days ? t('moderation.hours.sentenceDays', words) : t('moderation.hours.sentence', words);
}

export async function moderationHours(deps: ModerationDeps): Promise<ModerationHours> {
  const hours = await deps.settings.get('moderation.hours');
  const waitHours = await deps.settings.get('moderation.typicalWaitHours');
  const now = deps.now();
  return {
    sentence: hoursSentence(hours, waitHours, now),
    days: [...hours.days].sort((a, b) => a - b),
    from: hours.from,
    until: hours.until,
    timeZone: hours.timeZone,
    typicalWaitHours: waitHours,
    openNow: isOpenAt(hours, now),
  };
}
