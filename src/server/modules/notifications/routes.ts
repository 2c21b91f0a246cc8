import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../contract/common';
import {
  NotificationSettings,
  NotificationSettingsUpdate,
  NotificationsPage,
  NotificationsQuery,
  PauseBody,
  PushKey,
  PushSubscriptionBody,
  PushUnsubscribeBody,
  UnreadCount,
  UnsubscribeBody,
  UnsubscribeInfo,
  UnsubscribeParams,
} from '../../../contract/notifications';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['notifications'];

export function notificationsRoutes(api: Api, ctx: AppContext) {
  const { notifications } = ctx;
  const member = { access: 'member' as const };

  api.get(
    '/notifications',
    {
      config: member,
      schema: {
        tags,
        summary: 'My notifications, newest first, in words',
        querystring: NotificationsQuery,
        response: { 200: NotificationsPage, ...problemResponses },
      },
    },
    async (request) => notifications.list(requireActor(request), request.query),
  );

  api.get(
    '/notifications/unread',
    {
      config: member,
      schema: {
        tags,
        summary: 'How many are new, and the newest in words (for a polite announcement)',
        response: { 200: UnreadCount, ...problemResponses },
      },
    },
    async (request) => notifications.unread(requireActor(request)),
  );

  api.post(
    '/notifications/:id/read',
    {
      config: member,
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: IdParams,
        body: noBody,
        response: { 200: UnreadCount, ...problemResponses },
      },
    },
    async (request) => notifications.markRead(requireActor(request), request.params.id),
  );

  api.post(
    '/notifications/read-all',
    {
      config: member,
      schema: {
        tags,
        summary: 'Mark every notification read',
        body: noBody,
        response: { 200: UnreadCount, ...problemResponses },
      },
    },
    async (request) => notifications.markAllRead(requireActor(request)),
  );

  api.get(
    '/notifications/settings',
    {
      config: member,
      schema: {
        tags,
        summary: 'What reaches me, by which way, and when',
        response: { 200: NotificationSettings, ...problemResponses },
      },
    },
    async (request) => notifications.settings(requireActor(request)),
  );

  api.patch(
    '/notifications/settings',
    {
      config: member,
      schema: {
        tags,
        summary: 'Change some of my notification choices; the others stay',
        body: NotificationSettingsUpdate,
        response: { 200: NotificationSettings, ...problemResponses },
      },
    },
    async (request) => notifications.updateSettings(requireActor(request), request.body),
  );

  api.post(
    '/notifications/pause',
    {
      config: member,
      schema: {
        tags,
        summary: 'Pause email and push for some days (the list in the app still fills)',
        body: PauseBody,
        response: { 200: NotificationSettings, ...problemResponses },
      },
    },
    async (request) => notifications.pause(requireActor(request), request.body),
  );

  api.delete(
    '/notifications/pause',
    {
      config: member,
      schema: {
        tags,
        summary: 'End a pause now',
        body: noBody,
        response: { 200: NotificationSettings, ...problemResponses },
      },
    },
    async (request) => notifications.pause(requireActor(request), null),
  );

  api.get(
    '/notifications/push/key',
    {
      config: member,
      schema: {
        tags,
        summary: "The server's VAPID public key, to subscribe a browser to push",
        response: { 200: PushKey, ...problemResponses },
      },
    },
    async () => notifications.pushKey(),
  );

  api.post(
    '/notifications/push/subscriptions',
    {
      config: member,
      schema: {
        tags,
        summary: 'Turn push on for this browser',
        body: PushSubscriptionBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => notifications.subscribePush(requireActor(request), request.body),
  );

  api.delete(
    '/notifications/push/subscriptions',
    {
      config: member,
      schema: {
        tags,
        summary: 'Turn push off for this browser',
        body: PushUnsubscribeBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => notifications.unsubscribePush(requireActor(request), request.body),
  );

  // One-click unsubscribe: the token alone says who; no session is read, so a mail
  // program may post it from anywhere (RFC 8058) and a forged post can only do what the link does.
  api.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    const open = { access: 'public' as const, session: false as const };

    scoped.get(
      '/unsubscribe/:token',
      {
        config: open,
        schema: {
          tags,
          summary: 'What an unsubscribe link stops, and whether it has',
          params: UnsubscribeParams,
          response: { 200: UnsubscribeInfo, ...problemResponses },
        },
      },
      async (request) => notifications.unsubscribeInfo(request.params.token, request.ip),
    );

    scoped.post(
      '/unsubscribe/:token',
      {
        config: { ...open, crossSite: true },
        schema: {
          tags,
          summary: 'Stop the emails an unsubscribe link names (one click, no sign-in)',
          params: UnsubscribeParams,
          body: UnsubscribeBody,
          response: { 200: UnsubscribeInfo, ...problemResponses },
        },
      },
      async (request) => notifications.unsubscribe(request.params.token, request.ip),
    );
  });
}
