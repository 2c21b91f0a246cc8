// `npm run dev`: the API server (restarts on change) and the Vite dev server
// (hot reload; it proxies /api to the API server) together. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const apiPort = '3000';
const webUrl = 'http://localhost:5173';

const env = {
  ...process.env,
  PORT: apiPort,
  // Mailed sign-in links should open the page Vite serves, not the last build.
  PUBLIC_URL: process.env.PUBLIC_URL || webUrl,
};

const children = [
  // tsx watch reads Return from stdin and clears the screen; Vite owns the keyboard here.
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  }),
  spawn(bin('vite'), [], { cwd: root, env, stdio: 'inherit' }),
];

let exitCode = 0;
let stopping = false;

function stopAll(signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
  // Whatever does not stop politely within five seconds is stopped firmly.
  setTimeout(() => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 5_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));

const finished = new Set();
function onFinished(child, code) {
  if (finished.has(child)) return;
  finished.add(child);
  // One of the two stopped on its own: stop the other too, and report its failure.
  if (!stopping && code) exitCode = code;
  stopAll();
  if (finished.size === children.length) process.exit(exitCode);
}

for (const child of children) {
  child.on('error', (error) => {
    console.error(`Could not start ${child.spawnfile}: ${error.message}`);
    onFinished(child, 1);
  });
  child.on('exit', (code) => onFinished(child, code ?? 0));
}
