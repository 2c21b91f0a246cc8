import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  randomIp,
  startTestApp,
  type TestApp,
} from '../../tests/support/app';
import { collectRoutes, type RegisteredRoute } from '../../tests/support/routes';
import { CONDUCT_VERSION } from '../contract';

/**
 * Every route under /api, fed a table of bad bodies, query strings, path
 * parameters and headers, as nobody, as a member and as an administrator.
 * Each answer must be a 4xx application/problem+json with a plain title,
 * never a 5xx. The table must name every route the app registers.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RouteAccess = 'public' | 'member' | 'moderator' | 'admin' | 'dev';
type Identity = 'anonymous' | 'member' | 'admin';

interface RouteSpec {
  method: Method;
  /** As registered, with :params. */
  url: string;
  access: RouteAccess;
  /** A valid body, spoiled one field at a time; {} for routes that take no body. */
  sample?: Record<string, unknown>;
  /** String fields that may hold any character (a password is not stored as text). */
  anyCharacters?: string[];
  /** Query parameters the route's schema reads. */
  query?: string[];
  /** A good query the bad one is added to, so each parameter is tried alone. */
  baseQuery?: string;
  /** Query parameters that hold words a person types: numbers and markup are fine there. */
  freeTextQuery?: string[];
  /** Free-text query parameters where one letter is already enough (the start of a name). */
  oneLetterQuery?: string[];
  /** Good values for the path parameters (default: a new uuid); called once the app runs. */
  params?: () => Record<string, string>;
  /** The path parameter the bad values go into (default: the first). */
  badParam?: string;
  /** The parameter is a pattern, not a uuid: odd but well-formed values are looked up (404). */
  looseParam?: boolean;
  /** Bad bodies of its own, for a route that does not take JSON. */
  bodyCases?: () => BadCase[];
  /**
   * Reads no session and may be posted from other sites (one-click unsubscribe): other
   * origins are answered like ours, and a form body is read (RFC 8058).
   */
  crossSite?: boolean;
  /** How to make a good request to this route certainly wrong (see spoiled). */
  spoil?: { attempt: Attempt; expected: Expected };
}

const validLine = {
  country: 'GB',
  kind: 'crisis',
  name: 'A helpline',
  phone: '0800 123 456',
  textNumber: '85258',
  textMessage: 'HELLO',
  url: 'https://example.org',
  hours: 'Any time',
  description: 'People who listen.',
  sortOrder: 5,
};

const validWatched = {
  language: 'en',
  words: 'buy now',
  action: 'hold',
  note: 'Selling, not sharing.',
};

const validPhrase = {
  language: 'en',
  text: 'want to give up',
  tier: 'medium',
  match: 'phrase',
  note: 'A note for the next admin.',
};

const validCategory = {
  slug: 'a-new-category',
  name: 'A new category',
  description: 'About something new.',
  tipTheme: 'daily_living',
  sortOrder: 5,
};

/** A browser's push public key: a point on P-256, base64url. */
function pushKeySample(): string {
  const ecdh = createECDH('prime256v1');
  return ecdh.generateKeys().toString('base64url');
}

/** The events routes: a good event to make, change, answer and move a meeting of. */
function eventRoutes(): RouteSpec[] {
  const event = {
    title: 'A monthly meeting',
    description: 'Tea and talk.',
    format: 'hybrid',
    startLocal: '2030-05-14T14:00',
    endLocal: '2030-05-14T15:30',
    timeZone: 'Europe/London',
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    capacity: 12,
    venue: {
      name: 'Leeds Library',
      address: 'Calverley Street',
      town: 'Leeds',
      access: ['step_free'],
      accessNotes: 'The lift is by the side door.',
      howToGetThere: 'Bus 4 stops outside.',
    },
    video: { kind: 'link', url: 'https://meet.example.org/monthly' },
  };
  const start = '2030-05-14T13:00:00.000Z';
  return [
    { method: 'POST', url: '/api/groups/:id/events', access: 'member', sample: event },
    { method: 'POST', url: '/api/organisations/:id/events', access: 'member', sample: event },
    { method: 'POST', url: '/api/events', access: 'admin', sample: event },
    {
      method: 'GET',
      url: '/api/events',
      access: 'member',
      // Not km: 123 km is a fair distance, and km alone (no place) changes nothing.
      query: [
        'format',
        'access',
        'group',
        'organisation',
        'place',
        'lat',
        'lng',
        'language',
        'timeZone',
        'cursor',
      ],
    },
    { method: 'GET', url: '/api/events/mine', access: 'member', query: ['timeZone', 'cursor'] },
    { method: 'GET', url: '/api/events/:id', access: 'member', query: ['timeZone'] },
    {
      method: 'PATCH',
      url: '/api/events/:id',
      access: 'member',
      sample: { title: 'A new name', capacity: 20 },
    },
    { method: 'POST', url: '/api/events/:id/cancel', access: 'member', sample: {} },
    {
      method: 'POST',
      url: '/api/events/:id/meetings/change',
      access: 'member',
      sample: {
        start,
        cancelled: false,
        newStartLocal: '2030-05-14T15:00',
        newEndLocal: '2030-05-14T16:30',
      },
    },
    {
      method: 'POST',
      url: '/api/events/:id/rsvp',
      access: 'member',
      sample: { start, answer: 'going', carer: true, accessNeeds: 'I use a wheelchair.' },
    },
    { method: 'GET', url: '/api/events/:id/people', access: 'member', query: ['start'] },
    { method: 'GET', url: '/api/events/:id/calendar.ics', access: 'member' },
    { method: 'POST', url: '/api/me/calendar-feed', access: 'member', sample: {} },
    { method: 'GET', url: '/api/events/:id/attendance', access: 'member', query: ['start'] },
    {
      method: 'PUT',
      url: '/api/events/:id/attendance',
      access: 'member',
      sample: { start, came: ['7d1c4b2e-8f3a-4c5d-9e6f-0a1b2c3d4e5f'] },
    },
    { method: 'GET', url: '/api/groups/:id/attendance', access: 'member' },
    { method: 'GET', url: '/api/me/attendance', access: 'member' },
    // The secret alone says whose feed: a good-looking one we never made is not found (404).
    {
      method: 'GET',
      url: '/api/calendar/:token.ics',
      access: 'public',
      params: () => ({ token: 'A'.repeat(43) }),
    },
  ];
}

/** Ids the forum routes need to exist, made in beforeAll. */
const forumIds = { topic: '', category: '' };

const routes: RouteSpec[] = [
  { method: 'GET', url: '/api/openapi.json', access: 'public' },
  { method: 'GET', url: '/api/health', access: 'public' },
  { method: 'GET', url: '/api/ready', access: 'public' },
  {
    method: 'POST',
    url: '/api/auth/sign-up',
    access: 'public',
    sample: {
      email: 'someone@example.test',
      displayName: 'Someone',
      role: 'survivor',
      isAdult: true,
      acceptConduct: true,
      conductVersion: CONDUCT_VERSION,
      country: 'GB',
      preferences: { textSize: 'large', readAloudRate: 1 },
    },
  },
  {
    method: 'POST',
    url: '/api/auth/email-link',
    access: 'public',
    sample: { email: 'someone@example.test' },
  },
  {
    method: 'POST',
    url: '/api/auth/email-link/verify',
    access: 'public',
    sample: { token: 'A'.repeat(43) },
  },
  {
    method: 'POST',
    url: '/api/auth/password',
    access: 'public',
    sample: { email: 'someone@example.test', password: 'a long pass phrase' },
    anyCharacters: ['password'],
  },
  { method: 'POST', url: '/api/auth/sign-out', access: 'public', sample: {} },
  { method: 'POST', url: '/api/auth/sign-out-everywhere', access: 'member', sample: {} },
  { method: 'GET', url: '/api/me', access: 'public' },
  {
    method: 'PUT',
    url: '/api/me/password',
    access: 'member',
    sample: { password: 'a long pass phrase', currentPassword: 'the old pass phrase' },
    anyCharacters: ['password', 'currentPassword'],
  },
  { method: 'DELETE', url: '/api/me/password', access: 'member', sample: {} },
  // Mute, ignore and block: a person's own list.
  { method: 'GET', url: '/api/me/blocks', access: 'member', query: ['cursor', 'userId'] },
  {
    method: 'PUT',
    url: '/api/me/blocks/:userId',
    access: 'member',
    sample: { strength: 'ignore', days: 7 },
  },
  { method: 'DELETE', url: '/api/me/blocks/:userId', access: 'member', sample: {} },
  {
    method: 'PATCH',
    url: '/api/me/preferences',
    access: 'member',
    sample: { textSize: 'large', highContrast: true, readAloudRate: 1.5 },
  },
  {
    method: 'POST',
    url: '/api/me/conduct',
    access: 'member',
    sample: { version: CONDUCT_VERSION },
  },
  { method: 'GET', url: '/api/me/profile', access: 'member' },
  {
    method: 'PATCH',
    url: '/api/me/profile',
    access: 'member',
    sample: {
      displayName: 'Someone',
      role: 'caregiver',
      about: 'I like gardens.',
      country: 'IE',
      experience: { strokeYear: 2020, aphasia: 'some' },
      visibility: { aphasia: 'members', about: 'my_groups', role: 'members' },
      healthConsent: true,
      keepAboutVisible: true,
    },
  },
  { method: 'GET', url: '/api/members/:id', access: 'member' },
  {
    method: 'GET',
    url: '/api/members/mentionable',
    access: 'member',
    query: ['q'],
    baseQuery: 'q=ma',
    freeTextQuery: ['q'],
    oneLetterQuery: ['q'],
    // Any letters are a fine start of a name: only an empty one is certainly wrong.
    spoil: { attempt: { query: 'q=' }, expected: 400 },
  },
  { method: 'GET', url: '/api/help', access: 'public', query: ['country'] },
  { method: 'GET', url: '/api/home', access: 'member', query: ['timeZone'] },
  { method: 'GET', url: '/api/admin/crisis-lines', access: 'admin' },
  { method: 'POST', url: '/api/admin/crisis-lines', access: 'admin', sample: validLine },
  { method: 'PUT', url: '/api/admin/crisis-lines/:id', access: 'admin', sample: validLine },
  { method: 'DELETE', url: '/api/admin/crisis-lines/:id', access: 'admin', sample: {} },
  // Screening lists
  { method: 'GET', url: '/api/admin/safety/phrases', access: 'admin', query: ['language'] },
  { method: 'POST', url: '/api/admin/safety/phrases', access: 'admin', sample: validPhrase },
  { method: 'PUT', url: '/api/admin/safety/phrases/:id', access: 'admin', sample: validPhrase },
  { method: 'DELETE', url: '/api/admin/safety/phrases/:id', access: 'admin', sample: {} },
  {
    method: 'POST',
    url: '/api/admin/safety/try',
    access: 'admin',
    sample: { language: 'en', text: 'Some words to check.' },
  },
  // Watched words
  { method: 'GET', url: '/api/admin/safety/watched-words', access: 'admin', query: ['language'] },
  { method: 'POST', url: '/api/admin/safety/watched-words', access: 'admin', sample: validWatched },
  {
    method: 'PATCH',
    url: '/api/admin/safety/watched-words/:id',
    access: 'admin',
    sample: validWatched,
  },
  { method: 'DELETE', url: '/api/admin/safety/watched-words/:id', access: 'admin', sample: {} },
  // Job queue
  { method: 'GET', url: '/api/admin/jobs/failed', access: 'admin' },
  // Site settings
  { method: 'GET', url: '/api/admin/settings', access: 'admin' },
  {
    method: 'PUT',
    url: '/api/admin/settings/:key',
    access: 'admin',
    sample: { value: 'basic' },
    params: () => ({ key: 'trust.postImages' }),
  },
  // Groups
  { method: 'GET', url: '/api/groups', access: 'public' },
  { method: 'GET', url: '/api/groups/places', access: 'public', query: ['country'] },
  { method: 'GET', url: '/api/groups/fits-me', access: 'member' },
  {
    method: 'POST',
    url: '/api/groups/fits-me',
    access: 'member',
    sample: {
      aphasia: 'yes',
      role: 'survivor',
      ageBand: 'under_55',
      format: 'online',
      focus: ['exercise'],
      size: 'small',
      access: ['step_free'],
      languages: ['en'],
      strokeYear: 2020,
      maxKm: 25,
    },
  },
  { method: 'GET', url: '/api/groups/mine', access: 'member' },
  { method: 'GET', url: '/api/groups/:id', access: 'public' },
  {
    method: 'PATCH',
    url: '/api/groups/:id',
    access: 'member',
    sample: { name: 'A group name', description: 'A longer description here.', sizeCap: 10 },
  },
  { method: 'GET', url: '/api/groups/:id/members', access: 'member' },
  { method: 'POST', url: '/api/groups/:id/join', access: 'member', sample: { message: 'Hello.' } },
  { method: 'POST', url: '/api/groups/:id/leave', access: 'member', sample: {} },
  { method: 'GET', url: '/api/groups/:id/requests', access: 'member' },
  {
    method: 'POST',
    url: '/api/groups/:id/requests/approve',
    access: 'member',
    sample: { userId: randomUUID() },
  },
  {
    method: 'POST',
    url: '/api/groups/:id/requests/decline',
    access: 'member',
    sample: { userId: randomUUID(), message: 'Sorry, not this time.' },
  },
  {
    method: 'POST',
    url: '/api/groups/:id/members/role',
    access: 'member',
    sample: { userId: randomUUID(), role: 'co_facilitator' },
  },
  {
    method: 'POST',
    url: '/api/groups/:id/members/remove',
    access: 'member',
    sample: { userId: randomUUID() },
  },
  {
    method: 'POST',
    url: '/api/groups/:id/invitations',
    access: 'member',
    sample: { userId: randomUUID(), role: 'member' },
  },
  { method: 'POST', url: '/api/groups/:id/invitation/accept', access: 'member', sample: {} },
  { method: 'POST', url: '/api/groups/:id/invitation/decline', access: 'member', sample: {} },
  { method: 'POST', url: '/api/groups/:id/invite-link', access: 'member', sample: {} },
  { method: 'DELETE', url: '/api/groups/:id/invite-link', access: 'member', sample: {} },
  {
    method: 'POST',
    url: '/api/groups/:id/announcements',
    access: 'member',
    sample: { body: 'No meeting next week.' },
  },
  { method: 'GET', url: '/api/groups/:id/board', access: 'member' },
  {
    method: 'POST',
    url: '/api/groups/:id/board',
    access: 'member',
    sample: { title: 'Hello all', body: 'A first post.', idempotencyKey: randomUUID() },
  },
  { method: 'GET', url: '/api/organisations', access: 'member' },
  {
    method: 'POST',
    url: '/api/organisations',
    access: 'admin',
    sample: { name: 'A stroke charity', kind: 'charity' },
  },
  {
    method: 'POST',
    url: '/api/organisations/:id/admins',
    access: 'admin',
    sample: { userId: randomUUID() },
  },
  {
    method: 'POST',
    url: '/api/organisations/:id/groups',
    access: 'member',
    sample: {
      name: 'A new group',
      description: 'A friendly group that meets online.',
      format: 'online',
      focus: ['exercise'],
      languages: ['en'],
      sizeCap: 10,
      joinPolicy: 'open',
      privacy: 'public',
      caregiversOnly: false,
      country: 'GB',
      rhythm: {
        frequency: 'weekly',
        weekday: 'MO',
        weekOfMonth: null,
        startTime: '10:00',
        durationMinutes: 60,
        timeZone: 'Europe/London',
      },
      meetingLink: 'https://example.org/room',
    },
  },
  {
    method: 'PATCH',
    url: '/api/organisations/:id',
    access: 'member',
    sample: { videoBaseUrl: 'https://video.example.org' },
  },
  // Gatherings
  ...eventRoutes(),
  // Notifications
  { method: 'GET', url: '/api/notifications', access: 'member', query: ['cursor'] },
  { method: 'GET', url: '/api/notifications/unread', access: 'member' },
  { method: 'POST', url: '/api/notifications/:id/read', access: 'member', sample: {} },
  { method: 'POST', url: '/api/notifications/read-all', access: 'member', sample: {} },
  { method: 'GET', url: '/api/notifications/settings', access: 'member' },
  {
    method: 'PATCH',
    url: '/api/notifications/settings',
    access: 'member',
    sample: {
      kinds: { reply: { email: false } },
      emailMode: 'daily',
      quietHours: { from: '22:00', until: '07:30' },
      timeZone: 'Europe/London',
      announce: true,
    },
  },
  { method: 'POST', url: '/api/notifications/pause', access: 'member', sample: { days: 7 } },
  { method: 'DELETE', url: '/api/notifications/pause', access: 'member', sample: {} },
  {
    method: 'GET',
    url: '/api/unsubscribe/:token',
    access: 'public',
    params: () => ({ token: `${randomUUID()}.reply.${'A'.repeat(43)}` }),
  },
  {
    method: 'POST',
    url: '/api/unsubscribe/:token',
    access: 'public',
    sample: { 'List-Unsubscribe': 'One-Click' },
    params: () => ({ token: `${randomUUID()}.reply.${'A'.repeat(43)}` }),
    crossSite: true,
  },
  // Web push (the endpoint's host must be a known push service; nothing is sent to it here)
  { method: 'GET', url: '/api/notifications/push/key', access: 'member' },
  {
    method: 'POST',
    url: '/api/notifications/push/subscriptions',
    access: 'member',
    sample: {
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc123',
      keys: { p256dh: pushKeySample(), auth: randomBytes(16).toString('base64url') },
    },
  },
  {
    method: 'DELETE',
    url: '/api/notifications/push/subscriptions',
    access: 'member',
    sample: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc123' },
  },
  // Moderation (staff and facilitators; the use cases decide who sees which case)
  { method: 'GET', url: '/api/moderation/queue', access: 'member', query: ['cursor'] },
  { method: 'GET', url: '/api/moderation/cases/:id', access: 'member' },
  { method: 'POST', url: '/api/moderation/cases/:id/claim', access: 'member', sample: {} },
  { method: 'POST', url: '/api/moderation/cases/:id/release', access: 'member', sample: {} },
  {
    method: 'POST',
    url: '/api/moderation/cases/:id/actions',
    access: 'member',
    sample: { action: 'mute', reason: 'other', note: 'Some words.', days: 7 },
  },
  { method: 'GET', url: '/api/moderation/actions/:id', access: 'member' },
  {
    method: 'POST',
    url: '/api/moderation/actions/:id/appeal',
    access: 'member',
    sample: { words: 'Please look again.' },
  },
  // The mailed appeal link of someone who cannot sign in: the token is in the body.
  {
    method: 'POST',
    url: '/api/moderation/appeal-link/decision',
    access: 'public',
    sample: { token: 'A'.repeat(43) },
  },
  {
    method: 'POST',
    url: '/api/moderation/appeal-link/appeal',
    access: 'public',
    sample: { token: 'A'.repeat(43), words: 'Please look again.' },
  },
  { method: 'GET', url: '/api/moderation/people/:id/trust', access: 'moderator' },
  {
    method: 'PUT',
    url: '/api/moderation/people/:id/trust',
    access: 'moderator',
    sample: { level: 'basic', locked: true },
  },
  { method: 'GET', url: '/api/moderation/hours', access: 'public' },
  { method: 'GET', url: '/api/reports/reasons', access: 'member' },
  {
    method: 'POST',
    url: '/api/reports',
    access: 'member',
    sample: { subject: { kind: 'topic', id: randomUUID() }, reason: 'unkind' },
  },
  {
    method: 'POST',
    url: '/api/concerns',
    access: 'member',
    sample: { subject: { kind: 'topic', id: randomUUID() } },
  },
  {
    method: 'GET',
    url: '/api/admin/audit',
    access: 'admin',
    query: ['cursor', 'actorId', 'subjectId'],
  },
  { method: 'GET', url: '/api/dev/outbox', access: 'dev' },
  { method: 'GET', url: '/api/dev/demo-accounts', access: 'dev' },
  { method: 'POST', url: '/api/dev/sign-in-as', access: 'dev', sample: { userId: randomUUID() } },
  { method: 'POST', url: '/api/dev/clock', access: 'dev', sample: { aheadMinutes: 0 } },
  ...forumRoutes(),
];

/** A multipart/form-data body by hand, parts as [headers, content]. */
function multipartBody(parts: [string, string | Buffer][], boundary = 'bt-boundary'): Attempt {
  const chunks = parts.flatMap(([headers, content]) => [
    Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const fileHeaders = (field = 'image', type = 'image/png') =>
  `Content-Disposition: form-data; name="${field}"; filename="a.png"\r\nContent-Type: ${type}`;

/** The picture upload reads multipart, not JSON: everything else is 415. */
function imageUploadCases(): BadCase[] {
  return [
    { name: 'JSON body', attempt: json({ image: 'x' }), expected: 415 },
    { name: 'JSON null', attempt: json(null), expected: 415 },
    {
      name: 'body is not JSON',
      attempt: { payload: 'hello', contentType: 'application/json' },
      expected: 400,
    },
    {
      name: 'plain text body',
      attempt: { payload: 'hello', contentType: 'text/plain' },
      expected: 415,
    },
    {
      name: 'form body',
      attempt: { payload: 'a=1', contentType: 'application/x-www-form-urlencoded' },
      expected: 415,
    },
    {
      name: 'XML body',
      attempt: { payload: '<a>1</a>', contentType: 'application/xml' },
      expected: 415,
    },
    {
      name: 'a PNG sent bare',
      attempt: { payload: Buffer.from('\x89PNG\r\n'), contentType: 'image/png' },
      expected: 415,
    },
    {
      name: 'body with no content type',
      attempt: { payload: '{}', contentType: null },
      expected: 415,
    },
    {
      name: 'multipart with no boundary',
      attempt: { payload: '--x\r\n\r\nhello\r\n--x--', contentType: 'multipart/form-data' },
      expected: 400,
    },
    {
      name: 'multipart that is not multipart',
      attempt: { payload: 'hello', contentType: 'multipart/form-data; boundary=x' },
      expected: 400,
    },
    {
      name: 'multipart part with no headers',
      attempt: {
        payload: '--x\r\n\r\nhello\r\n--x--',
        contentType: 'multipart/form-data; boundary=x',
      },
      expected: 422,
    },
    {
      name: 'multipart with only a text field',
      attempt: multipartBody([['Content-Disposition: form-data; name="image"', 'hello']]),
      expected: 422,
    },
    {
      name: 'multipart with an empty file',
      attempt: multipartBody([[fileHeaders(), '']]),
      expected: 422,
    },
    {
      name: 'multipart with HTML called a PNG',
      attempt: multipartBody([[fileHeaders(), '<html><script>alert(1)</script></html>']]),
      expected: 422,
    },
    {
      name: 'multipart with SVG called a PNG',
      attempt: multipartBody([[fileHeaders('image', 'image/svg+xml'), '<svg onload="alert(1)"/>']]),
      expected: 422,
    },
    {
      name: 'multipart with a file cut off',
      attempt: {
        payload: `--x\r\n${fileHeaders()}\r\n\r\n\x89PNG\r\n\x1a\n`,
        contentType: 'multipart/form-data; boundary=x',
      },
      expected: 400,
    },
    {
      name: 'multipart with two files',
      attempt: multipartBody([
        [fileHeaders(), 'not a picture'],
        [fileHeaders('other'), 'not a picture'],
      ]),
      expected: 422,
    },
    {
      name: 'multipart with many fields',
      attempt: multipartBody(
        Array.from({ length: 20 }, (_, i) => [`Content-Disposition: form-data; name="f${i}"`, 'x']),
      ),
      expected: 413,
    },
  ];
}

function forumRoutes(): RouteSpec[] {
  const topic = () => ({ id: forumIds.topic });
  const post = () => ({ kind: 'topic', id: forumIds.topic });
  const draft = () => ({ key: `reply-${forumIds.topic}` });
  const newTopic = {
    categoryId: randomUUID(),
    title: 'A title',
    body: 'Some words.',
    tipTheme: 'speech',
    idempotencyKey: randomUUID(),
  };
  const reply = { body: 'Some words.', idempotencyKey: randomUUID() };
  return [
    { method: 'GET', url: '/api/forum/categories', access: 'member' },
    {
      method: 'GET',
      url: '/api/forum/categories/:slug/topics',
      access: 'member',
      query: ['cursor'],
      params: () => ({ slug: 'daily-life' }),
      looseParam: true,
    },
    { method: 'POST', url: '/api/forum/topics', access: 'member', sample: newTopic },
    {
      method: 'GET',
      url: '/api/forum/topics/:id',
      access: 'member',
      query: ['cursor', 'before', 'reply'],
      params: topic,
    },
    {
      method: 'PATCH',
      url: '/api/forum/topics/:id',
      access: 'member',
      sample: { title: 'A new title', body: 'New words.' },
    },
    { method: 'POST', url: '/api/forum/topics/:id/replies', access: 'member', sample: reply },
    { method: 'PATCH', url: '/api/forum/replies/:id', access: 'member', sample: { body: 'New.' } },
    {
      method: 'DELETE',
      url: '/api/forum/posts/:kind/:id',
      access: 'member',
      sample: {},
      params: post,
      badParam: 'id',
    },
    {
      method: 'POST',
      url: '/api/forum/posts/:kind/:id/removal',
      access: 'moderator',
      sample: { reason: 'other', note: 'Some words.' },
      params: post,
      badParam: 'id',
    },
    {
      method: 'POST',
      url: '/api/forum/posts/:kind/:id/restore',
      access: 'moderator',
      sample: {},
      params: post,
      badParam: 'id',
    },
    {
      method: 'GET',
      url: '/api/forum/posts/:kind/:id/revisions',
      access: 'moderator',
      params: post,
      badParam: 'id',
    },
    ...(['PUT', 'DELETE'] as const).flatMap((method): RouteSpec[] => [
      {
        method,
        url: '/api/forum/posts/:kind/:id/reactions/:reaction',
        access: 'member',
        sample: {},
        params: () => ({ ...post(), reaction: 'me_too' }),
        badParam: 'id',
      },
      {
        method,
        url: '/api/forum/posts/:kind/:id/helpful',
        access: 'member',
        sample: {},
        params: post,
        badParam: 'id',
      },
      {
        method,
        url: '/api/forum/topics/:id/bookmark',
        access: 'member',
        sample: {},
        params: topic,
      },
    ]),
    { method: 'GET', url: '/api/forum/bookmarks', access: 'member' },
    {
      method: 'GET',
      url: '/api/forum/tips',
      access: 'member',
      query: ['theme', 'cursor'],
      baseQuery: 'theme=speech',
    },
    {
      method: 'GET',
      url: '/api/forum/search',
      access: 'member',
      query: ['q', 'category', 'page'],
      baseQuery: 'q=hello',
      freeTextQuery: ['q'],
    },
    { method: 'GET', url: '/api/forum/drafts/:key', access: 'member', params: draft },
    {
      method: 'PUT',
      url: '/api/forum/drafts/:key',
      access: 'member',
      sample: { title: 'Half', body: 'Half a thought' },
      params: draft,
    },
    {
      method: 'DELETE',
      url: '/api/forum/drafts/:key',
      access: 'member',
      sample: {},
      params: draft,
    },
    {
      method: 'POST',
      url: '/api/forum/images',
      access: 'member',
      sample: {},
      bodyCases: imageUploadCases,
      spoil: {
        attempt: { payload: '{"image":"x"}', contentType: 'application/json' },
        expected: 415,
      },
    },
    { method: 'GET', url: '/api/forum/images/:id', access: 'member' },
    { method: 'POST', url: '/api/admin/forum/categories', access: 'admin', sample: validCategory },
    {
      method: 'PUT',
      url: '/api/admin/forum/categories/:id',
      access: 'admin',
      sample: validCategory,
      params: () => ({ id: forumIds.category }),
    },
  ];
}

/** What a well-behaved request would get: a status, or 'ok' for any 2xx. */
type Expected = number | 'ok';

interface Attempt {
  /** Replaces the route's path parameters. */
  params?: string;
  /** A raw query string, without '?'. */
  query?: string;
  payload?: string | Buffer;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** undefined: the identity's own cookie; a string: this Cookie header instead. */
  cookie?: string;
  /** undefined: our own origin on state-changing requests; null: no Origin header. */
  origin?: string | null;
}

interface BadCase {
  name: string;
  attempt: Attempt;
  /** The answer once past the sign-in check; access rules come first. */
  expected: Expected;
  /** Refused before the route is found or before the sign-in check. */
  early?: boolean;
}

const isSafe = (route: RouteSpec) => route.method === 'GET';
const json = (value: unknown) => ({
  payload: JSON.stringify(value),
  contentType: 'application/json',
});

function leafPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
      ? [[...prefix, key], ...leafPaths(v as Record<string, unknown>, [...prefix, key])]
      : [[...prefix, key]],
  );
}

function withField(sample: Record<string, unknown>, path: string[], value: unknown) {
  const copy = structuredClone(sample);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function fieldAt(sample: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], sample);
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'yes';
  return 'not an object';
}

function deeplyNested(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

/** Bad bodies for a route that takes one (or refuses one: sample {}). */
function bodyCases(route: RouteSpec): BadCase[] {
  const sample = route.sample ?? {};
  const cases: BadCase[] = [
    {
      name: 'body is not JSON',
      attempt: { payload: 'hello', contentType: 'application/json' },
      expected: 400,
    },
    {
      name: 'body is cut-off JSON',
      attempt: { payload: '{"email":', contentType: 'application/json' },
      expected: 400,
    },
    // Fastify drops a leading byte order mark, so this is read as an empty object.
    {
      name: 'body has a byte order mark',
      attempt: { payload: '\ufeff{"a":1}', contentType: 'application/json' },
      expected: 422,
    },
    {
      name: 'empty body said to be JSON',
      attempt: { payload: '', contentType: 'application/json' },
      expected: 400,
    },
    {
      name: 'plain text body',
      attempt: { payload: 'hello', contentType: 'text/plain' },
      expected: 422,
    },
    {
      name: 'JSON sent as text/plain',
      attempt: { payload: JSON.stringify(sample), contentType: 'text/plain' },
      expected: 422,
    },
    {
      name: 'form body',
      attempt: { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      expected: 415,
    },
    {
      name: 'multipart body',
      attempt: {
        payload: '--x\r\n\r\nhello\r\n--x--',
        contentType: 'multipart/form-data; boundary=x',
      },
      expected: 415,
    },
    {
      name: 'XML body',
      attempt: { payload: '<a>1</a>', contentType: 'application/xml' },
      expected: 415,
    },
    {
      name: 'made-up content type',
      attempt: { payload: '{}', contentType: 'application/jsonx' },
      expected: 415,
    },
    {
      name: 'body with no content type',
      attempt: { payload: '{}', contentType: null },
      expected: 415,
    },
    { name: 'array instead of object', attempt: json([sample]), expected: 422 },
    { name: 'empty array', attempt: json([]), expected: 422 },
    { name: 'string body', attempt: json('hello'), expected: 422 },
    { name: 'number body', attempt: json(42), expected: 422 },
    { name: 'boolean body', attempt: json(true), expected: 422 },
    { name: 'only unknown fields', attempt: json({ notAField: 1, another: 'x' }), expected: 422 },
    {
      name: 'prototype poisoning',
      attempt: { payload: `{"__proto__":{"siteRole":"admin"}}`, contentType: 'application/json' },
      expected: 400,
    },
    {
      name: 'constructor poisoning',
      attempt: {
        payload: `{"constructor":{"prototype":{"siteRole":"admin"}}}`,
        contentType: 'application/json',
      },
      expected: 400,
    },
    {
      name: 'deeply nested junk',
      attempt: { payload: deeplyNested(5000), contentType: 'application/json' },
      expected: 422,
    },
    {
      name: 'body over the 256 KiB limit',
      attempt: json({ ...sample, filler: 'x'.repeat(300 * 1024) }),
      expected: 413,
    },
  ];
  if (Object.keys(sample).length === 0) return cases;

  // Fastify hands a missing body to the validator as null, so routes that take
  // no body accept a JSON null as nothing; those that take one refuse it.
  cases.push({ name: 'null body', attempt: json(null), expected: 422 });

  // Sending the valid body with one thing added or spoiled.
  cases.push(
    {
      name: 'valid body with an unknown field',
      // Loose schemas drop unknown fields, so pair it with one missing field.
      attempt: json({ ...withField(sample, [Object.keys(sample)[0]!], undefined), notAField: 1 }),
      expected: 422,
    },
    {
      name: 'valid body inside another object',
      attempt: json({ data: sample }),
      expected: 422,
    },
  );
  for (const path of leafPaths(sample)) {
    const field = path.join('.');
    const value = fieldAt(sample, path);
    cases.push(
      {
        name: `${field}: wrong type`,
        attempt: json(withField(sample, path, wrongTypeFor(value))),
        expected: 422,
      },
      {
        name: `${field}: an object`,
        attempt: json(withField(sample, path, { $gt: '' })),
        expected: 422,
      },
      {
        name: `${field}: a list`,
        attempt: json(withField(sample, path, [value, value])),
        expected: 422,
      },
      {
        name: `${field}: deeply nested`,
        attempt: {
          payload: JSON.stringify(withField(sample, path, '__NEST__')).replace(
            '"__NEST__"',
            deeplyNested(2000),
          ),
          contentType: 'application/json',
        },
        expected: 422,
      },
    );
    if (typeof value === 'string') {
      cases.push({
        name: `${field}: a 200 KB string`,
        attempt: json(withField(sample, path, 'x'.repeat(200 * 1024))),
        expected: 422,
      });
      if (!route.anyCharacters?.includes(field)) {
        cases.push({
          name: `${field}: a NUL character`,
          attempt: json(withField(sample, path, `${value.slice(0, 1)}\u0000${value.slice(1)}`)),
          // The version fields are checked against the current one: 409, not 422.
          expected: /conductVersion|version/.test(field) ? 409 : 422,
        });
      }
    }
    if (typeof value === 'number') {
      cases.push(
        {
          name: `${field}: a number too big for JSON`,
          attempt: {
            payload: JSON.stringify(withField(sample, path, '__BIG__')).replace(
              '"__BIG__"',
              '1e999',
            ),
            contentType: 'application/json',
          },
          expected: 422,
        },
        { name: `${field}: negative`, attempt: json(withField(sample, path, -1)), expected: 422 },
      );
    }
  }
  return cases;
}

function queryCases(route: RouteSpec): BadCase[] {
  const cases = (route.query ?? []).flatMap((name) =>
    freeTextAware(route, name, [
      { name: `${name}: wrong type`, attempt: { query: `${name}=123` }, expected: 400 },
      { name: `${name}: too short`, attempt: { query: `${name}=G` }, expected: 400 },
      { name: `${name}: empty`, attempt: { query: `${name}=` }, expected: 400 },
      { name: `${name}: repeated`, attempt: { query: `${name}=GB&${name}=US` }, expected: 400 },
      { name: `${name}: huge`, attempt: { query: `${name}=${'A'.repeat(8000)}` }, expected: 400 },
      { name: `${name}: control characters`, attempt: { query: `${name}=%00%01` }, expected: 400 },
      {
        name: `${name}: broken percent-encoding`,
        attempt: { query: `${name}=%E0%A4%A` },
        expected: 400,
      },
      { name: `${name}: script`, attempt: { query: `${name}=%3Cscript%3E` }, expected: 400 },
    ]),
  );
  if (!route.baseQuery) return cases;
  return cases.map((c) => ({ ...c, attempt: { ...c.attempt, query: withBase(route, c.attempt) } }));
}

/** The route's good query with one parameter replaced by the attempt's. */
function withBase(route: RouteSpec, attempt: Attempt): string {
  const tried = attempt.query ?? '';
  const name = tried.split('=')[0];
  const kept = (route.baseQuery ?? '').split('&').filter((p) => p && p.split('=')[0] !== name);
  return [...kept, tried].join('&');
}

/** In words a person types, a number or markup is a fine thing to search for. */
function freeTextAware(route: RouteSpec, name: string, cases: BadCase[]): BadCase[] {
  if (!route.freeTextQuery?.includes(name)) return cases;
  const fine = route.oneLetterQuery?.includes(name)
    ? /wrong type|script|broken percent|too short/
    : /wrong type|script|broken percent/;
  return cases.map((c) => (fine.test(c.name) ? { ...c, expected: 'ok' as Expected } : c));
}

function paramCases(route: RouteSpec): BadCase[] {
  if (!route.url.includes(':')) return [];
  const cases: BadCase[] = [
    { name: 'id is not a uuid', attempt: { params: 'not-a-uuid' }, expected: 400 },
    { name: 'id is a number', attempt: { params: '123' }, expected: 400 },
    {
      name: 'id is a uuid with more after it',
      attempt: { params: `${randomUUID()}x` },
      expected: 400,
    },
    {
      name: 'id is a uuid without dashes',
      attempt: { params: randomUUID().replaceAll('-', '') },
      expected: 400,
    },
    { name: 'id has a NUL character', attempt: { params: '%00' }, expected: 400 },
    { name: 'id is SQL', attempt: { params: encodeURIComponent("' OR 1=1 --") }, expected: 400 },
    { name: 'id climbs folders', attempt: { params: '..%2F..%2Fetc%2Fpasswd' }, expected: 400 },
    {
      name: 'id has broken percent-encoding',
      attempt: { params: '%E0%A4%A' },
      expected: 400,
      early: true,
    },
    { name: 'id is long', attempt: { params: 'a'.repeat(150) }, expected: 400 },
    // Past the router's maxParamLength (200) the router refuses it: 414 URI Too Long.
    { name: 'id is very long', attempt: { params: 'a'.repeat(5000) }, expected: 414, early: true },
  ];
  if (!route.looseParam) return cases;
  // Well-formed for the pattern, so looked up and not found.
  const wellFormed = /not a uuid|is a number|uuid with more|without dashes/;
  return cases.map((c) => (wellFormed.test(c.name) ? { ...c, expected: 404 } : c));
}

/**
 * How to make an otherwise good request to this route certainly wrong, so
 * that header cases can be judged: a bad body, a bad query or a bad id.
 */
function spoiled(route: RouteSpec): { attempt: Attempt; expected: Expected } {
  if (route.spoil) return route.spoil;
  if (!isSafe(route)) return { attempt: json([]), expected: 422 };
  if (route.query?.length) {
    const attempt = { query: `${route.query[0]}=1` };
    return { attempt: { query: withBase(route, attempt) }, expected: 400 };
  }
  if (route.url.includes(':')) return { attempt: { params: 'not-a-uuid' }, expected: 400 };
  // Nothing to spoil: a GET that reads no input. Bad headers must then be harmless.
  return { attempt: {}, expected: 'ok' };
}

function headerCases(route: RouteSpec): BadCase[] {
  const base = spoiled(route);
  const withBase = (name: string, extra: Attempt, early = false): BadCase => ({
    name,
    attempt: { ...base.attempt, ...extra, headers: { ...base.attempt.headers, ...extra.headers } },
    expected: base.expected,
    early,
  });
  const cookieCases = [
    withBase('cookie: bt_session is garbage', { cookie: 'bt_session=garbage' }),
    withBase('cookie: bt_session is empty', { cookie: 'bt_session=' }),
    withBase('cookie: bt_session has the wrong letters', {
      cookie: `bt_session=${'!'.repeat(43)}`,
    }),
    withBase('cookie: bt_session has the right shape but no session', {
      cookie: `bt_session=${randomBytes(32).toString('base64url')}`,
    }),
    withBase('cookie: bt_session is quoted', {
      cookie: `bt_session="${randomBytes(32).toString('base64url')}"`,
    }),
    withBase('cookie: bt_session has broken percent-encoding', {
      cookie: 'bt_session=%E0%A4%A%ZZ',
    }),
    withBase('cookie: header is junk', { cookie: ';;;===;; bt_session ;=;' }),
    withBase('cookie: header is huge', {
      cookie: `bt_session=${'a'.repeat(8000)}; other=${'b'.repeat(4000)}`,
    }),
    withBase('cookie: bt_session twice', {
      cookie: `bt_session=${'a'.repeat(43)}; bt_session=${'b'.repeat(43)}`,
    }),
  ];
  // A bad cookie means nobody is signed in.
  for (const c of cookieCases) c.name = `${c.name} (as nobody)`;

  const languageCases = [
    withBase('accept-language: bad quality', { headers: { 'accept-language': '*;q=abc' } }),
    withBase('accept-language: only separators', { headers: { 'accept-language': ';;;,,,;' } }),
    withBase('accept-language: unknown language', {
      headers: { 'accept-language': 'xx-YY, zz;q=0.5' },
    }),
    withBase('accept-language: huge', { headers: { 'accept-language': 'en-GB,'.repeat(1500) } }),
    withBase('accept: asks for HTML', { headers: { accept: 'text/html' } }),
    withBase('x-forwarded-for: junk', {
      headers: { 'x-forwarded-for': 'not an ip, ::::, 999.1.1.1' },
    }),
  ];

  const originCases: BadCase[] =
    isSafe(route) || route.crossSite
      ? []
      : [
          { name: 'no Origin or Referer', origin: null },
          { name: 'Origin of another site', origin: 'https://evil.example' },
          { name: 'Origin "null"', origin: 'null' },
          { name: 'Origin is not an address', origin: 'not an origin' },
          { name: 'Origin that only starts like ours', origin: `${ORIGIN}.evil.example` },
          { name: 'Origin of ours over https', origin: ORIGIN.replace('http:', 'https:') },
          { name: 'Origin is huge', origin: `https://${'a'.repeat(5000)}.example` },
          { name: 'Referer of another site', origin: null, referer: 'https://evil.example/page' },
          { name: 'Referer is not an address', origin: null, referer: 'not a url at all' },
        ].map(({ name, origin, referer }) => ({
          name,
          attempt: {
            ...json(route.sample ?? {}),
            origin,
            ...(referer ? { headers: { referer } } : {}),
          },
          expected: 403,
          early: true,
        }));

  return [...cookieCases, ...languageCases, ...originCases];
}

/** A route that reads form bodies answers a form of the wrong fields like bad JSON: 422. */
function formAware(route: RouteSpec, cases: BadCase[]): BadCase[] {
  if (!route.crossSite) return cases;
  return cases.map((c) => (c.name === 'form body' ? { ...c, expected: 422 } : c));
}

function casesFor(route: RouteSpec): BadCase[] {
  return [
    ...(isSafe(route) ? [] : formAware(route, route.bodyCases?.() ?? bodyCases(route))),
    ...queryCases(route),
    ...paramCases(route),
    ...headerCases(route),
  ];
}

let t: TestApp;
let registered: RegisteredRoute[];
let member: Member;
let admin: Member;

beforeAll(async () => {
  const started = await collectRoutes(() => startTestApp());
  t = started.result;
  registered = started.routes;
  member = await makeMember(t, { displayName: 'Plain Member' });
  admin = await makeMember(t, { displayName: 'Sita' });
  await promote(t, admin.user.id, 'admin');
  const categories = await t.app.inject({
    url: '/api/forum/categories',
    headers: { cookie: member.cookie },
  });
  const daily = categories.json().categories.find((c: { slug: string }) => c.slug === 'daily-life');
  forumIds.category = daily.id;
  const topic = await t.app.inject({
    method: 'POST',
    url: '/api/forum/topics',
    remoteAddress: randomIp(),
    headers: { cookie: member.cookie, origin: ORIGIN },
    payload: {
      categoryId: daily.id,
      title: 'A topic',
      body: 'Words.',
      idempotencyKey: randomUUID(),
    },
  });
  forumIds.topic = topic.json().id;
});
afterAll(() => t?.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('the table of routes', () => {
  it('names every route registered under /api, and nothing more', () => {
    const apiRoutes = registered.filter(
      (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
    expect(apiRoutes.length).toBeGreaterThan(0);
    const inApp = [...new Set(apiRoutes.map(key))].sort();
    const inTable = routes.map(key).sort();
    expect(inTable, 'add the missing route to the table in this file').toEqual(inApp);
  });

  it('declares the same access as the app', () => {
    for (const spec of routes) {
      const route = registered.find((r) => key(r) === key(spec));
      expect(route?.config.access, key(spec)).toBe(spec.access);
    }
  });
});

function pathFor(route: RouteSpec, identity: Identity, params?: string): string {
  if (!route.url.includes(':')) return route.url;
  // A good id: my own profile, the route's own good values, or a crisis line that is not there.
  const good = route.url.startsWith('/api/members') ? memberFor(identity)?.user.id : undefined;
  const values = route.params?.() ?? {};
  const names = [...route.url.matchAll(/:([a-z]+)/gi)].map((m) => m[1]!);
  const bad = route.badParam ?? names[0];
  return route.url.replace(/:([a-z]+)/gi, (_, name: string) =>
    name === bad && params !== undefined ? params : (values[name] ?? good ?? randomUUID()),
  );
}

function memberFor(identity: Identity): Member | undefined {
  return identity === 'member' ? member : identity === 'admin' ? admin : undefined;
}

async function send(route: RouteSpec, identity: Identity, attempt: Attempt) {
  const headers: Record<string, string> = { ...attempt.headers };
  const cookie = attempt.cookie ?? memberFor(identity)?.cookie;
  if (cookie !== undefined) headers.cookie = cookie;
  const origin =
    attempt.origin === undefined ? (isSafe(route) ? undefined : ORIGIN) : attempt.origin;
  if (origin !== null && origin !== undefined) headers.origin = origin;
  if (attempt.contentType) headers['content-type'] = attempt.contentType;
  const path = pathFor(route, identity, attempt.params);
  return t.app.inject({
    method: route.method,
    url: attempt.query === undefined ? path : `${path}?${attempt.query}`,
    // The dev routes answer only this machine (modules/dev/dev-access.int.test.ts).
    remoteAddress: route.access === 'dev' ? '127.0.0.1' : randomIp(),
    headers,
    ...(attempt.payload !== undefined ? { payload: attempt.payload } : {}),
  });
}

/** Access is checked before anything the route reads, so it decides first. */
function expectedFor(route: RouteSpec, identity: Identity, badCase: BadCase): Expected {
  if (badCase.early) return badCase.expected;
  const signedInAs = badCase.attempt.cookie === undefined ? identity : 'anonymous';
  const needsMember = ['member', 'moderator', 'admin'].includes(route.access);
  if (needsMember && signedInAs === 'anonymous') return 401;
  if (route.access === 'moderator' && signedInAs === 'member') return 403;
  if (route.access === 'admin' && signedInAs !== 'admin') return 403;
  // A forwarding header says someone else may be behind a local proxy: dev routes refuse.
  if (route.access === 'dev' && badCase.attempt.headers?.['x-forwarded-for']) return 404;
  return badCase.expected;
}

function describeAnswer(response: LightMyRequestResponse) {
  const type = String(response.headers['content-type'] ?? '');
  let title: unknown;
  if (type.startsWith('application/problem+json')) {
    try {
      title = response.json().title;
    } catch {
      title = '(not JSON)';
    }
  }
  return { status: response.statusCode, type: type.split(';')[0], title };
}

function checkAnswer(response: LightMyRequestResponse, expected: Expected, label: string) {
  const answer = describeAnswer(response);
  if (expected === 'ok') {
    expect(answer.status, `${label}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
    expect(answer.status, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(300);
    return;
  }
  expect(answer, `${label}: ${response.body.slice(0, 300)}`).toEqual({
    status: expected,
    type: 'application/problem+json',
    title: expect.stringMatching(/^[A-Z][^{}<>]*[.?!]$/),
  });
  const problem = response.json();
  expect(problem.status, label).toBe(response.statusCode);
  expect(problem.type, label).toMatch(/^https:\/\/beenthere\.invalid\/problems\/[a-z-]+$/);
  expect(problem.title, label).not.toMatch(/FST_|Error|undefined|null|zod|Invalid input/);
}

const identities: Identity[] = ['anonymous', 'member', 'admin'];

describe.each(routes.map((route) => [key(route), route] as const))('%s', (_name, route) => {
  it.each(casesFor(route).map((c) => [c.name, c] as const))('%s', async (_case, badCase) => {
    for (const identity of identities) {
      const response = await send(route, identity, badCase.attempt);
      checkAnswer(
        response,
        expectedFor(route, identity, badCase),
        `${key(route)} / ${badCase.name} / as ${identity}`,
      );
    }
  });
});
