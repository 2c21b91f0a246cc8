// `npm run seed`: puts the demo community in afresh (never in production).
import { loadConfig } from '../config';
import { openDatabase } from '../db';
import { createHelpService } from '../modules/help/service';
import { reseedDemo } from './demo';
import { demoMembers } from './demo-members';

const config = loadConfig();
if (config.isProduction) {
  console.error('Demo data is never seeded in production.');
  process.exit(1);
}
const database = await openDatabase(config);
await createHelpService({ db: database.db }).ensureSeeded();
await reseedDemo(database.db);
console.log(`Seeded ${demoMembers.length} demo members into ${database.kind}.`);
await database.close();
