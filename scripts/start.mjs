// `npm start`: builds the web app when its sources are newer than the build,
// then runs the server: in production the built JavaScript (dist/server, built
// here too when missing or stale), otherwise the TypeScript sources with tsx.
// `npm run worker` (`start.mjs worker`) runs the job worker the same way, without
// the web app. Plain Node, no dependencies beyond the build's.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer, builtServer, builtWorker, serverBuildIsStale } from './build-server.mjs';
import { buildIsStale } from './freshness.mjs';

const root = resolve(import.meta.dirname, '..');
const worker = process.argv[2] === 'worker';
const builtPage = join(root, 'dist/web/index.html');
// Everything the web build reads (the lock file stands for the dependencies);
// a change to any of these makes dist/web stale.
const webSources = [
  'src/web',
  'src/contract',
  'src/locales',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
].map((p) => join(root, p));

function webBuildIsStale() {
  return buildIsStale(builtPage, webSources);
}

let child;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(128 + constants.signals[signal]);
  });
}

/** Runs a command with our terminal; resolves with its exit code (128+n when killed by signal n). */
function run(command, args, cwd = process.cwd()) {
  return new Promise((done) => {
    child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env });
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

const vite = join(root, 'node_modules/.bin/vite');
const hasWebApp = existsSync(join(root, 'vite.config.ts')) || existsSync(join(root, 'index.html'));
// The worker serves no pages, so it neither needs nor builds the web app.
if (!worker && !hasWebApp) {
  console.warn('No web app to build (no vite.config.ts): starting the API only.');
} else if (!worker && webBuildIsStale()) {
  console.log('Building the web app (dist/web is missing or older than its sources)...');
  const code = await run(vite, ['build'], root);
  if (code !== 0 || stopping) process.exit(code || 1);
}

if (process.env.NODE_ENV === 'production') {
  if (serverBuildIsStale()) {
    console.log('Building the server (dist/server is missing or older than its sources)...');
    try {
      await buildServer();
    } catch (error) {
      console.error(`Could not build the server: ${error.message}`);
      process.exit(1);
    }
    if (stopping) process.exit(1);
  }
  const built = worker ? builtWorker : builtServer;
  process.exit(await run(process.execPath, ['--enable-source-maps', built]));
}

// In development the server runs on this same node with tsx's hooks loaded by --import. tsx is
// resolved from this file, so the current directory does not matter; if it
// cannot be resolved, the tsx binary is the fallback.
let tsxImport;
try {
  tsxImport = import.meta.resolve('tsx');
} catch {
  tsxImport = undefined;
}
const server = join(root, worker ? 'src/server/worker.ts' : 'src/server/main.ts');
const code = tsxImport
  ? await run(process.execPath, ['--import', tsxImport, server])
  : await run(join(root, 'node_modules/.bin/tsx'), [server]);
process.exit(code);
