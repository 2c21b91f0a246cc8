// The service worker: shows a push message in its words and opens the page it is about.
// Nothing else (no caching, no background work). Vite copies it to the site's root as /sw.js.
// The server sends { title, body, url } (src/server/modules/notifications/push.ts).

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** A path in this app; anything that leads elsewhere leads to the notifications page. */
function appPath(url) {
  const fallback = '/notifications';
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return fallback;
  try {
    const target = new URL(url, self.location.origin);
    if (target.origin !== self.location.origin) return fallback;
    return target.pathname + target.search + target.hash;
  } catch {
    return fallback;
  }
}

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const title = typeof message.title === 'string' && message.title ? message.title : 'Been There';
  const body = typeof message.body === 'string' ? message.body : '';
  // Calm: no vibration, and a message that replaces another does not alert again.
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      data: { url: appPath(message.url) },
      renotify: false,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = appPath(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const open = (
        await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      ).find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        // Focus first, while the click still allows it; then go to the page.
        const focused = await open.focus();
        try {
          await focused.navigate(path);
          return;
        } catch {
          // A tab this worker does not control cannot be sent elsewhere: open the page anew.
        }
      }
      await self.clients.openWindow(path);
    })(),
  );
});
