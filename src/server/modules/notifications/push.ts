// Web push with VAPID (RFC 8030, 8291, 8292): the server's key, the browsers that said yes,
// and the job that sends them a notification's words. Only titles and names go, never a post.
import { createECDH } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, notInArray, or } from 'drizzle-orm';
import webpush from 'web-push';
import { kindRules, type PushSubscriptionBody } from '../../../contract/notifications';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { NotificationsDeps } from './deps';
import { inWords } from './inbox';
import { choicesFor } from './settings';
import { notifications, pushKeys, pushSubscriptions } from './tables';

/** A message nobody saw within a day is old news: the push service may drop it then. */
const PUSH_TTL_SECONDS = 24 * 60 * 60;
/** How long one push service may take to answer before the try counts as failed. */
const PUSH_TIMEOUT_MS = 10_000;
/** Browsers kept per person; a new one past this pushes out the oldest (and caps the fan-out). */
const DEVICES_KEPT = 10;

interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

// One pair per database: processes that share it agree on the key browsers subscribed with.
const keysByDb = new WeakMap<Db, Promise<VapidKeys>>();

async function loadKeys(deps: NotificationsDeps): Promise<VapidKeys> {
  if (deps.config.vapidKeys) return deps.config.vapidKeys;
  // Made once: whichever process inserts first wins, and every process reads that one back.
  await deps.db
    .insert(pushKeys)
    .values({ id: 1, ...webpush.generateVAPIDKeys() })
    .onConflictDoNothing();
  const [row] = await deps.db
    .select({ publicKey: pushKeys.publicKey, privateKey: pushKeys.privateKey })
    .from(pushKeys)
    .where(eq(pushKeys.id, 1));
  if (!row) throw new Error('push: the VAPID key pair was not kept');
  return row;
}

function vapidKeys(deps: NotificationsDeps): Promise<VapidKeys> {
  let keys = keysByDb.get(deps.db);
  if (!keys) {
    keys = loadKeys(deps);
    keysByDb.set(deps.db, keys);
    // A database that was down is asked again next time.
    keys.catch(() => keysByDb.delete(deps.db));
  }
  return keys;
}

/** The VAPID public key a browser subscribes with (PushManager.subscribe's applicationServerKey). */
export async function pushKey(deps: NotificationsDeps): Promise<{ publicKey: string }> {
  return { publicKey: (await vapidKeys(deps)).publicKey };
}

/**
 * True when an endpoint is on a push service we know (config PUSH_SERVICE_HOSTS): a host over
 * https on the usual port, `*.` for its subdomains, or an exact origin. Anything else is refused,
 * or a member could have the server post wherever they like.
 */
export function isKnownPushService(endpoint: string, services: string[]): boolean {
  if (!URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  if (url.username || url.password) return false;
  return services.some((entry) => {
    if (entry.includes('://')) return url.origin === entry;
    if (url.protocol !== 'https:' || url.port !== '') return false;
    if (!entry.startsWith('*.')) return url.hostname === entry;
    const suffix = entry.slice(1);
    return url.hostname.endsWith(suffix) && url.hostname.length > suffix.length;
  });
}

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

/** The browser's keys can encrypt a message: a point on P-256 and a 16-byte secret. */
function usableKeys(keys: PushSubscriptionBody['keys']): boolean {
  if (!base64url.test(keys.p256dh) || !base64url.test(keys.auth)) return false;
  if (Buffer.from(keys.auth, 'base64url').length !== 16) return false;
  const point = Buffer.from(keys.p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return false;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(point);
    return true;
  } catch {
    return false;
  }
}

/** Turns push on for a browser, for the signed-in person; a browser that moves, moves with them. */
export async function subscribePush(
  deps: NotificationsDeps,
  actor: Actor,
  body: PushSubscriptionBody,
): Promise<{ ok: true }> {
  await deps.limits.consume('notificationWritePerUser', actor.userId);
  if (!isKnownPushService(body.endpoint, deps.config.pushServices)) {
    const title = t('notifications.problems.pushServiceUnknown');
    throw problems.invalid({ endpoint: title }, title);
  }
  if (!usableKeys(body.keys)) {
    const title = t('notifications.problems.pushKeysUnusable');
    throw problems.invalid({ keys: title }, title);
  }
  const values = {
    userId: actor.userId,
    p256dh: body.keys.p256dh.replace(/=+$/, ''),
    auth: body.keys.auth.replace(/=+$/, ''),
    createdAt: deps.now(),
    lastSentAt: null,
  };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(pushSubscriptions)
      .values({ endpoint: body.endpoint, ...values })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
    const kept = tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, actor.userId))
      .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
      .limit(DEVICES_KEPT);
    await tx
      .delete(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.userId, actor.userId), notInArray(pushSubscriptions.id, kept)),
      );
  });
  return { ok: true };
}

/** Turns push off for a browser of the signed-in person; one not known is already off. */
export async function unsubscribePush(
  deps: NotificationsDeps,
  actor: Actor,
  body: { endpoint: string },
): Promise<{ ok: true }> {
  await deps.limits.consume('notificationWritePerUser', actor.userId);
  // A browser's endpoint is a URL in printable ASCII; anything else (a NUL, say) is no address.
  if (!/^https?:\/\/[!-~]+$/.test(body.endpoint)) {
    throw problems.invalid({ endpoint: t('notifications.fields.endpoint.invalid') });
  }
  await deps.db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.userId, actor.userId),
        eq(pushSubscriptions.endpoint, body.endpoint),
      ),
    );
  return { ok: true };
}

/** What the service worker shows (public/sw.js). */
interface PushMessage {
  title: string;
  body: string;
  /** A path in the app. */
  url: string;
}

type Row = Parameters<typeof inWords>[1][number] & { pushSentAt: Date | null };
type Device = typeof pushSubscriptions.$inferSelect;

async function messageFor(deps: NotificationsDeps, rows: Row[]): Promise<PushMessage> {
  const title = t('notifications.push.title');
  if (rows.length > 1) {
    return {
      title,
      body: t('notifications.push.many', { count: rows.length }),
      url: '/notifications',
    };
  }
  const [worded] = await inWords(deps, rows);
  return { title, body: worded!.text, url: worded!.link };
}

class PushServiceFailed extends Error {
  constructor(host: string, answer: string) {
    // The host only: an endpoint's path is the browser's secret address.
    super(`push: ${host} answered ${answer}`);
  }
}

/**
 * Sends one message to one browser. web-push encrypts it and signs the VAPID header; the
 * request goes by fetch, which, unlike web-push's own, also speaks http to a test's service.
 */
async function deliver(
  deps: NotificationsDeps,
  keys: VapidKeys,
  device: Device,
  message: PushMessage,
): Promise<'sent' | 'gone'> {
  // The list of services may have narrowed since this browser subscribed.
  if (!isKnownPushService(device.endpoint, deps.config.pushServices)) return 'gone';
  const details = webpush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(message),
    {
      vapidDetails: { subject: deps.config.vapidSubject, ...keys },
      TTL: PUSH_TTL_SECONDS,
      urgency: 'normal',
      contentEncoding: 'aes128gcm',
    },
  );
  const headers = Object.fromEntries(
    Object.entries(details.headers)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([name, value]) => [name, String(value)]),
  );
  const host = new URL(device.endpoint).host;
  let response: Response;
  try {
    response = await fetch(details.endpoint, {
      method: 'POST',
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      // A push service that redirects is not followed: we post only where we checked.
      redirect: 'manual',
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new PushServiceFailed(host, `nothing (${(error as Error).name})`);
  }
  await response.body?.cancel();
  // The browser unsubscribed or the subscription expired: it will never take a message again.
  if (response.status === 404 || response.status === 410) return 'gone';
  if (response.status < 200 || response.status > 299) {
    throw new PushServiceFailed(host, String(response.status));
  }
  return 'sent';
}

async function markPush(deps: NotificationsDeps, ids: string[], state: 'sent' | 'dropped') {
  if (ids.length === 0) return;
  await deps.db
    .update(notifications)
    .set({ pushState: state, pushSentAt: state === 'sent' ? deps.now() : null })
    .where(and(inArray(notifications.id, ids), eq(notifications.pushState, 'queued')));
}

/**
 * The push job: one notification in its words, or several as "You have 3 new notifications",
 * to each of the person's browsers. A push service that says a browser is gone (404, 410) has
 * it deleted; any other failure throws, and the queue tries again later.
 *
 * Never twice on a retry: while rows are queued, `push_sent_at` holds when the first try
 * began, and each browser's `last_sent_at` when it last took a message. A retry skips the
 * browsers that took one since the first try began. A browser that failed and meanwhile took
 * a newer message is skipped too: at worst it misses this one (it is in the app), never twice.
 */
export async function sendPush(
  deps: NotificationsDeps,
  userId: string,
  notificationIds: string[],
): Promise<void> {
  const { db } = deps;
  if (notificationIds.length === 0) return;
  const rows: Row[] = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      data: notifications.data,
      count: notifications.count,
      actorIds: notifications.actorIds,
      createdAt: notifications.createdAt,
      updatedAt: notifications.updatedAt,
      readAt: notifications.readAt,
      pushSentAt: notifications.pushSentAt,
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.id, notificationIds),
        eq(notifications.userId, userId),
        eq(notifications.pushState, 'queued'),
      ),
    );
  if (rows.length === 0) return;
  // Choices may have changed since it was queued: push turned off for the kind, or a pause.
  const choices = (await choicesFor(db, [userId])).get(userId)!;
  const paused = choices.pausedUntil !== null && choices.pausedUntil > deps.now();
  const going = rows.filter(
    (r) => choices.wants(r.kind, 'push') && (!paused || kindRules[r.kind].urgent),
  );
  await markPush(
    deps,
    rows.filter((r) => !going.includes(r)).map((r) => r.id),
    'dropped',
  );
  const devices = going.length === 0 ? [] : await devicesOf(db, userId);
  if (devices.length === 0) {
    return markPush(
      deps,
      going.map((r) => r.id),
      'dropped',
    );
  }
  const ids = going.map((r) => r.id);
  const began = firstTryBegan(going);
  if (!began) {
    await db
      .update(notifications)
      .set({ pushSentAt: deps.now() })
      .where(
        and(
          inArray(notifications.id, ids),
          eq(notifications.pushState, 'queued'),
          isNull(notifications.pushSentAt),
        ),
      );
  }
  const due = began ? devices.filter((d) => !(d.lastSentAt && d.lastSentAt >= began)) : devices;
  const message = await messageFor(deps, going);
  const keys = await vapidKeys(deps);
  const failures: Error[] = [];
  await Promise.all(
    due.map(async (device) => {
      try {
        const outcome = await deliver(deps, keys, device, message);
        if (outcome === 'gone') {
          await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
          return;
        }
        const now = deps.now();
        await db
          .update(pushSubscriptions)
          .set({ lastSentAt: now })
          .where(
            and(
              eq(pushSubscriptions.id, device.id),
              or(isNull(pushSubscriptions.lastSentAt), lt(pushSubscriptions.lastSentAt, now)),
            ),
          );
      } catch (error) {
        failures.push(error as Error);
      }
    }),
  );
  if (failures.length > 0) {
    throw new Error(
      `push: ${failures.length} of ${due.length} browsers did not take it: ${failures.map((f) => f.message).join('; ')}`,
    );
  }
  await markPush(deps, ids, 'sent');
}

async function devicesOf(db: Db, userId: string): Promise<Device[]> {
  return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
}

/** When the first try of these rows began, if one did (see sendPush). */
function firstTryBegan(rows: Row[]): Date | null {
  const stamps = rows.flatMap((r) => (r.pushSentAt ? [r.pushSentAt.getTime()] : []));
  return stamps.length > 0 ? new Date(Math.min(...stamps)) : null;
}
