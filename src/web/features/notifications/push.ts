// Web push on this device. Nothing here runs on page load except looking: the browser asks
// its permission question only after the person presses "Turn on push" (issue 10, item 4).
import { getPushKey, subscribePush, unsubscribePush } from '../../api/notifications';

export type DevicePush = 'unsupported' | 'blocked' | 'off' | 'on';

/** The service worker that shows push messages; another file serves it at the site's root. */
const WORKER = '/sw.js';

export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(WORKER);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Whether this device has push on, without asking the person anything. */
export async function devicePush(): Promise<DevicePush> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  if (Notification.permission !== 'granted') return 'off';
  return (await currentSubscription()) ? 'on' : 'off';
}

/** The VAPID key as the bytes PushManager.subscribe takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Asks the browser, registers the worker, subscribes and tells the server. Call it only from
 * the person's press of the button. Answers 'refused' when the browser said no.
 */
export async function turnOnPush(): Promise<'on' | 'refused'> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'refused';
  const { publicKey } = await getPushKey();
  await navigator.serviceWorker.register(WORKER);
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    }));
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth) {
    await subscription.unsubscribe();
    return 'refused';
  }
  await subscribePush({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } });
  return 'on';
}

/** Ends push on this device, here and on the server. */
export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const { endpoint } = subscription;
  await subscription.unsubscribe();
  await unsubscribePush(endpoint);
}
