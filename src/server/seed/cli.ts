// `npm run seed`: puts the demo community in afresh (never in production).
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { demoMemberIds, reseedDemo } from './demo';
import { seedDemoForum } from './demo-forum';
import { demoMembers } from './demo-members';

const config = { ...loadConfig(), seedDemo: 'never' as const, logLevel: 'warn' };
if (config.isProduction) {
  console.error('Demo data is never seeded in production.');
  process.exit(1);
}
// The whole app, so demo posts go through the same services as everyone's.
const app = await buildApp(config);
const { db, kind } = app.ctx.database;
await reseedDemo(db);
await seedDemoForum(app.ctx.forum, await demoMemberIds(db));
console.log(
  `Seeded ${demoMembers.length} demo members, their groups and forum posts into ${kind}.`,
);
await app.close();
