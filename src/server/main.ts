import { type App, buildApp } from './app';
import { type Config, ConfigError, loadConfig } from './config';
import { DatabaseStartError } from './db/failures';

// Whatever goes wrong at start is said in one plain line: no raw stack, no unhandled rejection.
function stopAtStart(line: string, error?: unknown): never {
  console.error(line);
  if (error !== undefined && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) stopAtStart(error.message);
  throw error;
}

let app: App;
try {
  app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  if (error instanceof DatabaseStartError) stopAtStart(error.message);
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    stopAtStart(
      `Cannot listen on ${config.host}:${config.port} (${code}). Choose another HOST or PORT.`,
    );
  }
  stopAtStart(`The server could not start: ${message ?? code ?? String(error)}`, error);
}
app.log.info(`Been There is ready at ${config.publicUrl}`);

/**
 * Stops taking new requests, lets those in flight finish (up to SHUTDOWN_TIMEOUT_MS),
 * then closes the database: app.close() runs the server's close before our onClose hooks.
 */
let closing = false;
async function stop(signal: NodeJS.Signals) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: finishing the requests in flight, then stopping`);
  const deadline = setTimeout(() => {
    app.log.error(
      `requests in flight did not finish within ${config.shutdownTimeoutMs / 1000} s: stopping anyway`,
    );
    process.exit(1);
  }, config.shutdownTimeoutMs);
  deadline.unref();
  try {
    await app.close();
  } catch (err) {
    app.log.error({ err }, 'stopping did not go cleanly');
    process.exit(1);
  }
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
