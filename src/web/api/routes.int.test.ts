import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/app';
import { accountsRoutes } from './accounts';
import { blocksRoutes } from './blocks';
import { devRoutes } from './dev';
import { eventsRoutes } from './events';
import { forumRoutes } from './forum';
import { groupsRoutes } from './groups';
import { helpRoutes } from './help';
import { homeRoutes } from './home';
import { moderationRoutes, safetyActionRoutes } from './moderation';
import { notificationsRoutes } from './notifications';
import { profilesRoutes } from './profiles';
import type { Route } from './route';
import { safetyRoutes } from './safety';

// The types come from the contract, so a renamed field fails the type check; the paths are
// written twice (here and in the server's routes.ts), so this test fails a renamed route.
const tables: Record<string, Record<string, Route<string, unknown, unknown, unknown>>> = {
  accounts: accountsRoutes,
  blocks: blocksRoutes,
  dev: devRoutes,
  events: eventsRoutes,
  forum: forumRoutes,
  groups: groupsRoutes,
  help: helpRoutes,
  home: homeRoutes,
  moderation: moderationRoutes,
  safetyActions: safetyActionRoutes,
  notifications: notificationsRoutes,
  profiles: profilesRoutes,
  safety: safetyRoutes,
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('every route the web app calls is one the server has', () => {
  const all = Object.entries(tables).flatMap(([domain, table]) =>
    Object.entries(table).map(([name, r]) => ({ name: `${domain}.${name}`, ...r })),
  );
  it.each(all)('$name: $method $path', ({ method, path }) => {
    const url = `/api${path}`;
    const found =
      t.app.hasRoute({ method, url }) ||
      // The dev tools answer only callers on this machine (a route constraint).
      t.app.hasRoute({ method, url, constraints: { caller: 'loopback' } });
    expect(found, `${method} ${url}`).toBe(true);
  });
});
