import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import type { Config } from './config';
import type { App, AppContext } from './context';
import { type Database, openDatabase } from './db';
import { authHooks } from './lib/auth-hooks';
import { createDevClock } from './lib/dev-clock';
import { problems } from './lib/errors';
import { createJobQueue } from './lib/jobs';
import { jobsRoutes } from './lib/jobs-routes';
import { safeError, safeRequest } from './lib/log-safety';
import { createMailer } from './lib/mail/mailer';
import { sendProblem, toProblem } from './lib/problem-handler';
import { createRateLimits } from './lib/rate-limit';
import { accountsRoutes } from './modules/accounts/routes';
import { blocksRoutes } from './modules/blocks/routes';
import { callerConstraint, devRoutes } from './modules/dev/routes';
import { eventsRoutes } from './modules/events/routes';
import { forumRoutes } from './modules/forum/routes';
import { groupsRoutes } from './modules/groups/routes';
import { helpRoutes } from './modules/help/routes';
import { homeRoutes } from './modules/home/routes';
import { moderationRoutes } from './modules/moderation/routes';
import { notificationsRoutes } from './modules/notifications/routes';
import { profilesRoutes } from './modules/profiles/routes';
import { safetyRoutes } from './modules/safety/routes';
import { settingsRoutes } from './modules/settings/routes';
import { systemRoutes } from './modules/system/routes';
import { trustRoutes } from './modules/trust/routes';
import { demoMemberIds, seedDemoIfEmpty } from './seed/demo';
import { seedDemoForum } from './seed/demo-forum';
import { createServices } from './services';

export type { App, AppContext } from './context';

export interface BuildOptions {
  /** An open database to use instead of opening one from the config (tests). */
  database?: Database;
  /** Where the built web app is; defaults to dist/web. */
  webRoot?: string;
  now?: () => Date;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: Writable;
}

export const webRootDefault = resolve(import.meta.dirname, '../../dist/web');

/** Assembles the whole app without listening: main.ts listens, tests inject. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  // A development terminal gets readable lines; pipes, files and production get JSON.
  const logStream =
    options.logStream ??
    (config.env === 'development' && process.stdout.isTTY
      ? (await import('pino-pretty')).default({ colorize: true, ignore: 'pid,hostname' })
      : undefined);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No query parameters, row values, search words, invite tokens or places (SAFETY.md).
      serializers: { err: safeError, req: safeRequest },
      ...(logStream ? { stream: logStream } : {}),
    },
    trustProxy: config.trustProxy,
    // On close: requests in flight finish, idle keep-alive sockets close, new ones get a 503.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    bodyLimit: 256 * 1024,
    // The dev routes exist only for callers on this machine (see modules/dev/routes.ts).
    routerOptions: { maxParamLength: 200, constraints: { caller: callerConstraint } },
    // Bad URL encoding and over-long path parameters are refused before routing: same shape.
    frameworkErrors: (error, request, reply) => sendProblem(reply, toProblem(error, request)),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      timeoutMs: config.databaseTimeoutMs,
      startWaitMs: config.databaseStartWaitMs,
      onWaiting: (message) => app.log.warn(message),
    }));
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, config.redisTimeoutMs, app.log)
    : undefined;
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    db: database.db,
    // Outside production mail sent over SMTP is kept in the dev outbox too.
    keepInOutbox: config.devTools,
  });
  const limits = createRateLimits(redis, {}, { keySecret: config.sessionSecret });
  const jobs = createJobQueue({
    db: database.db,
    work: config.jobs === 'inline',
    log: app.log,
  });
  // Outside production the app's clock can be moved forward (POST /api/dev/clock).
  const devClock = config.devTools ? createDevClock(options.now) : undefined;
  const services = createServices({
    db: database.db,
    config,
    mailer,
    limits,
    jobs,
    now: devClock?.now ?? options.now,
  });
  const { accounts } = services;
  const ctx: AppContext = { config, database, mailer, limits, jobs, devClock, ...services };
  app.decorate('ctx', ctx);
  // After migrations (openDatabase ran them) and once every service defined its jobs.
  await jobs.start();

  await ctx.help.ensureSeeded();
  await ctx.safety.ensureSeeded();
  await ctx.forum.ensureSeeded();
  if (config.seedDemo === 'always' || (config.seedDemo === 'auto' && database.kind === 'pglite')) {
    if (await seedDemoIfEmpty(database.db, app.log)) {
      await seedDemoForum(ctx.forum, await demoMemberIds(database.db));
    }
  }

  // Retention (SAFETY.md): spent sign-in links and ended sessions are removed hourly.
  const sweep = () =>
    accounts
      .sweepExpired()
      .catch((err) => app.log.warn({ err }, 'sweeping expired sessions failed'));
  const sweeper = setInterval(sweep, 60 * 60 * 1000);
  sweeper.unref();
  void sweep();

  // Stopping: answers to requests still in flight close their keep-alive connection, so
  // the server's close (which waits for every connection) ends once they are answered.
  // Fastify closes the server before the onClose below runs, so the pool outlives them.
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
    clearInterval(sweeper);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });

  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    // Jobs running now finish before the mailer and the pool they use close.
    await jobs.stop();
    mailer.close();
    redis?.disconnect();
    if (!options.database) await database.close();
  });

  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request)));

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The one style element React Aria adds (touch-action on pressable controls), by its hash.
        styleSrc: ["'self'", "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    strictTransportSecurity: config.isProduction,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Been There API',
        description: 'Peer support for stroke recovery. Errors are application/problem+json.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bt_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  authHooks(app);

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      systemRoutes(typed, ctx);
      accountsRoutes(typed, ctx);
      blocksRoutes(typed, ctx);
      profilesRoutes(typed, ctx);
      helpRoutes(typed, ctx);
      groupsRoutes(typed, ctx);
      eventsRoutes(typed, ctx);
      forumRoutes(typed, ctx);
      homeRoutes(typed, ctx);
      settingsRoutes(typed, ctx);
      notificationsRoutes(typed, ctx);
      moderationRoutes(typed, ctx);
      safetyRoutes(typed, ctx);
      trustRoutes(typed, ctx);
      jobsRoutes(typed, ctx);
      if (config.devTools) devRoutes(typed, ctx);
    },
    { prefix: '/api' },
  );

  // WEB_ROOT lets a browser test serve its own build of the web app beside another.
  const webRoot = options.webRoot ?? process.env.WEB_ROOT ?? webRootDefault;
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders(reply, path) {
        if (path.includes(`${join(webRoot, 'assets')}`)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api') &&
      !/\.[a-z0-9]{1,5}$/i.test(path);
    if (wantsPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, problems.notFound());
  });

  return app;
}

/**
 * Connects to Redis before serving, so limits are shared from the first request,
 * but waits a bounded time: a Redis that accepts and never answers must not keep
 * the server from starting. If Redis is down or slow, limits fall back to each
 * process (see rate-limit.ts) and the client keeps trying in the background.
 */
async function connectRedis(
  url: string,
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<Redis> {
  const waitMs = Math.max(3 * timeoutMs, 1_000);
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
    connectTimeout: waitMs,
    // A command that takes longer fails, and the limiter counts in memory instead.
    ...(timeoutMs > 0 ? { commandTimeout: timeoutMs } : {}),
  });
  redis.on('error', (err) => log.warn({ err }, 'redis error'));
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'slow'>((done) => {
    timer = setTimeout(() => done('slow'), waitMs);
  });
  const outcome = await Promise.race([
    redis.connect().then(
      () => 'connected' as const,
      (err) => {
        log.warn({ err }, 'redis is not reachable yet: rate limits are per process until it is');
        return 'failed' as const;
      },
    ),
    gaveUp,
  ]);
  clearTimeout(timer);
  if (outcome === 'slow') {
    log.warn(
      `redis did not answer within ${waitMs / 1000} s: rate limits are per process until it does`,
    );
  }
  return redis;
}
