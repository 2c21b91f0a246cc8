// `npm run worker`: works the job queue in a process of its own, for when the servers run
// with JOBS=off. Several workers may run at once: pg-boss hands each job to one of them.
import Fastify from 'fastify';
import { type Config, ConfigError, loadConfig } from './config';
import { type Database, openDatabase } from './db';
import { DatabaseStartError } from './db/failures';
import { createJobQueue, type JobQueue } from './lib/jobs';
import { safeError } from './lib/log-safety';
import { createMailer, type Mailer } from './lib/mail/mailer';
import { createRateLimits } from './lib/rate-limit';
import { createServices } from './services';

function stopAtStart(line: string): never {
  console.error(line);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) stopAtStart(error.message);
  throw error;
}
if (!config.databaseUrl) {
  stopAtStart(
    'npm run worker needs DATABASE_URL: embedded PGlite belongs to the one server process, which runs its jobs itself (JOBS=inline).',
  );
}

// The same log lines as the server's, without a server.
const { log } = Fastify({ logger: { level: config.logLevel, serializers: { err: safeError } } });

let database: Database;
let mailer: Mailer;
let jobs: JobQueue;
try {
  database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    timeoutMs: config.databaseTimeoutMs,
    startWaitMs: config.databaseStartWaitMs,
    onWaiting: (message) => log.warn(message),
  });
  mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db: database.db });
  jobs = createJobQueue({ db: database.db, work: true, log });
  // Building the services defines every job's handler on the queue.
  createServices({ db: database.db, config, mailer, limits: createRateLimits(undefined), jobs });
  await jobs.start();
} catch (error) {
  if (error instanceof DatabaseStartError) stopAtStart(error.message);
  const { message } = error as { message?: string };
  stopAtStart(`The worker could not start: ${message ?? String(error)}`);
}
log.info(`Been There worker is working jobs (pid ${process.pid})`);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: finishing the jobs in hand, then stopping`);
  const deadline = setTimeout(() => {
    log.error(`jobs did not finish within ${config.shutdownTimeoutMs / 1000} s: stopping anyway`);
    process.exit(1);
  }, config.shutdownTimeoutMs);
  deadline.unref();
  try {
    await jobs.stop();
    mailer.close();
    await database.close();
  } catch (err) {
    log.error({ err }, 'stopping did not go cleanly');
    process.exit(1);
  }
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
