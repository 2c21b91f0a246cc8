// A person's choices: which kinds reach them by which channel, digests, quiet hours, a pause.
import { count, eq, inArray } from 'drizzle-orm';
import {
  kindRules,
  type NotificationChannel,
  type NotificationKind,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  notificationKinds,
  type PauseBody,
} from '../../../contract/notifications';
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import type { NotificationsDeps } from './deps';
import type { Timing } from './schedule';
import { notificationSettings, pushSubscriptions } from './tables';

type Row = typeof notificationSettings.$inferSelect;

export interface Choices extends Timing {
  announce: boolean;
  /** Whether this kind reaches the person by this channel. */
  wants(kind: NotificationKind, channel: NotificationChannel): boolean;
}

/** Push is off until the person turns it on; the app gets everything; email only a few. */
function defaultFor(kind: NotificationKind, channel: NotificationChannel): boolean {
  if (channel === 'inApp') return true;
  if (channel === 'email') return kindRules[kind].email;
  return false;
}

const minutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function choicesOf(row: Row | undefined): Choices {
  const kinds = row?.kinds ?? {};
  return {
    emailMode: row?.emailMode ?? 'each',
    quietFrom: row?.quietFrom ?? null,
    quietUntil: row?.quietUntil ?? null,
    timeZone: row?.timeZone ?? 'UTC',
    pausedUntil: row?.pausedUntil ?? null,
    announce: row?.announce ?? true,
    wants: (kind, channel) => kinds[kind]?.[channel] ?? defaultFor(kind, channel),
  };
}

/** Many people's choices in one query; anyone without a row has the defaults. */
export async function choicesFor(db: Db | Tx, userIds: string[]): Promise<Map<string, Choices>> {
  const unique = [...new Set(userIds)];
  const rows =
    unique.length === 0
      ? []
      : await db
          .select()
          .from(notificationSettings)
          .where(inArray(notificationSettings.userId, unique));
  const byId = new Map(rows.map((r) => [r.userId, r]));
  return new Map(unique.map((id) => [id, choicesOf(byId.get(id))]));
}

async function present(db: Db, userId: string): Promise<NotificationSettings> {
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  const [devices] = await db
    .select({ n: count() })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
  const choices = choicesOf(row);
  return {
    kinds: Object.fromEntries(
      notificationKinds.map((kind) => [
        kind,
        {
          inApp: choices.wants(kind, 'inApp'),
          email: choices.wants(kind, 'email'),
          push: choices.wants(kind, 'push'),
        },
      ]),
    ) as NotificationSettings['kinds'],
    emailMode: choices.emailMode,
    quietHours:
      choices.quietFrom !== null && choices.quietUntil !== null
        ? { from: clock(choices.quietFrom), until: clock(choices.quietUntil) }
        : null,
    timeZone: choices.timeZone,
    pausedUntil: choices.pausedUntil?.toISOString() ?? null,
    announce: choices.announce,
    pushDevices: devices?.n ?? 0,
  };
}

export async function mySettings(
  deps: NotificationsDeps,
  actor: Actor,
): Promise<NotificationSettings> {
  return present(deps.db, actor.userId);
}

/** Changes what was sent; what was not stays as it was. */
export async function updateMySettings(
  deps: NotificationsDeps,
  actor: Actor,
  change: NotificationSettingsUpdate,
): Promise<NotificationSettings> {
  const { db, now } = deps;
  await deps.limits.consume('notificationWritePerUser', actor.userId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, actor.userId))
      .for('update');
    const kinds = { ...(row?.kinds ?? {}) };
    for (const [kind, channels] of Object.entries(change.kinds ?? {})) {
      kinds[kind as NotificationKind] = { ...kinds[kind as NotificationKind], ...channels };
    }
    const values = {
      kinds,
      emailMode: change.emailMode ?? row?.emailMode ?? 'each',
      quietFrom:
        change.quietHours === undefined
          ? (row?.quietFrom ?? null)
          : change.quietHours && minutes(change.quietHours.from),
      quietUntil:
        change.quietHours === undefined
          ? (row?.quietUntil ?? null)
          : change.quietHours && minutes(change.quietHours.until),
      timeZone: change.timeZone ?? row?.timeZone ?? 'UTC',
      announce: change.announce ?? row?.announce ?? true,
      updatedAt: now(),
    };
    await tx
      .insert(notificationSettings)
      .values({ userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
  });
  return present(db, actor.userId);
}

/** "Pause everything": nothing by email or push for some days; the list in the app still fills. */
export async function pause(
  deps: NotificationsDeps,
  actor: Actor,
  body: PauseBody | null,
): Promise<NotificationSettings> {
  const { db, now } = deps;
  await deps.limits.consume('notificationWritePerUser', actor.userId);
  const pausedUntil = body ? new Date(now().getTime() + body.days * 86_400_000) : null;
  await db
    .insert(notificationSettings)
    .values({ userId: actor.userId, pausedUntil, updatedAt: now() })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { pausedUntil, updatedAt: now() },
    });
  return present(db, actor.userId);
}
