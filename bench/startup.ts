// How long `npm start` takes to answer, on an empty data directory and on a
// used one, and how much the first page downloads.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { answersOk, exited, freePort, signalNumber, sleep, stop } from './process';

const root = resolve(import.meta.dirname, '..');
const webRoot = join(root, 'dist/web');
const LATER_RUNS = 3;
const RUN_TIMEOUT_MS = 120_000;
const POLL_MS = 50;

interface StartTiming {
  /** Milliseconds from spawn until each answered 200. */
  health: number;
  page: number;
}

/** Servers still running, stopped if the bench itself is interrupted. */
const live = new Set<ChildProcess>();
function interrupted(signal: NodeJS.Signals) {
  for (const child of live) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  process.exit(128 + signalNumber(signal));
}

/** Runs the startup bench and returns its report as markdown. */
export async function run(): Promise<string> {
  const buildMs = await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'been-there-bench-'));
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    const first = await timeStart(dataDir);
    const later: StartTiming[] = [];
    for (let i = 0; i < LATER_RUNS; i++) later.push(await timeStart(dataDir));
    const assets = firstPageAssets();
    return report({ buildMs, first, later, assets });
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Builds the web app up front, so start.mjs finds it fresh and the runs time start, not build. */
async function buildWeb(): Promise<number> {
  const started = performance.now();
  const child = spawn(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await exited(child, RUN_TIMEOUT_MS);
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
  return performance.now() - started;
}

async function timeStart(dataDir: string): Promise<StartTiming> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  // The embedded database and the defaults a newcomer gets.
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL']) {
    delete env[name];
  }
  env.HOST = '127.0.0.1';

  const started = performance.now();
  // Its own process group, so a server that will not stop can be stopped with its children.
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const base = `http://127.0.0.1:${port}`;
  const timing: Partial<StartTiming> = {};
  try {
    while (timing.health === undefined || timing.page === undefined) {
      if (child.exitCode !== null) {
        throw new Error(`the server stopped (exit ${child.exitCode}) before answering:\n${output}`);
      }
      if (performance.now() - started > RUN_TIMEOUT_MS) {
        throw new Error(`no answer within ${RUN_TIMEOUT_MS / 1000} s:\n${output}`);
      }
      const [health, page] = await Promise.all([
        timing.health === undefined ? answersOk(`${base}/api/health`) : true,
        timing.page === undefined ? answersOk(`${base}/`) : true,
      ]);
      const now = performance.now() - started;
      if (health && timing.health === undefined) timing.health = now;
      if (page && timing.page === undefined) timing.page = now;
      if (timing.health === undefined || timing.page === undefined) await sleep(POLL_MS);
    }
  } finally {
    await stop(child);
    live.delete(child);
  }
  return timing as StartTiming;
}

interface AssetSizes {
  files: string[];
  raw: number;
  gzip: number;
}

/** The JavaScript (entry scripts and modulepreloads) and CSS that index.html asks for. */
function firstPageAssets(): { js: AssetSizes; css: AssetSizes } {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const js = new Set<string>();
  const css = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) js.add(src);
      continue;
    }
    const rel = attr('rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr('href');
    if (!href) continue;
    if (rel.includes('modulepreload') && /\.m?js(\?|$)/.test(href)) js.add(href);
    if (rel.includes('stylesheet')) css.add(href);
  }
  return { js: sizes([...js]), css: sizes([...css]) };
}

function sizes(urls: string[]): AssetSizes {
  const result: AssetSizes = { files: [], raw: 0, gzip: 0 };
  for (const url of urls) {
    if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) continue; // not ours to weigh
    const path = join(webRoot, url.split(/[?#]/)[0]!.replace(/^\//, ''));
    const content = readFileSync(path);
    result.files.push(url);
    result.raw += statSync(path).size;
    result.gzip += gzipSync(content, { level: 9 }).length;
  }
  return result;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function report(r: {
  buildMs: number;
  first: StartTiming;
  later: StartTiming[];
  assets: { js: AssetSizes; css: AssetSizes };
}): string {
  const both = (t: StartTiming) => Math.max(t.health, t.page);
  const lines = [
    '## Start: from `node scripts/start.mjs` to the first 200',
    '',
    'Embedded PGlite in a fresh temporary `DATA_DIR`, `NODE_ENV` unset, polled every 50 ms.',
    '',
    '| run | data directory | `GET /api/health` | `GET /` | both |',
    '| --- | --- | ---: | ---: | ---: |',
    `| first | empty: initdb, migrations, demo seed | ${ms(r.first.health)} | ${ms(r.first.page)} | ${ms(both(r.first))} |`,
    ...r.later.map(
      (t, i) =>
        `| later ${i + 1} | already used | ${ms(t.health)} | ${ms(t.page)} | ${ms(both(t))} |`,
    ),
    `| **median of later runs** | | **${ms(median(r.later.map((t) => t.health)))}** | **${ms(median(r.later.map((t) => t.page)))}** | **${ms(median(r.later.map(both)))}** |`,
    '',
    `The web build (\`vite build\`, done before the runs above) took ${ms(r.buildMs)}; the first \`npm start\` on a fresh clone adds about that.`,
    '',
    '## What the first page downloads',
    '',
    'Files `dist/web/index.html` names (`<script src>`, `<link rel="modulepreload">`, stylesheets), each gzipped at level 9. Chunks loaded later by `import()` are not counted.',
    '',
    '| kind | files | raw | gzip -9 |',
    '| --- | ---: | ---: | ---: |',
    `| JavaScript | ${r.assets.js.files.length} | ${kb(r.assets.js.raw)} | ${kb(r.assets.js.gzip)} |`,
    `| CSS | ${r.assets.css.files.length} | ${kb(r.assets.css.raw)} | ${kb(r.assets.css.gzip)} |`,
    '',
    `Files: ${[...r.assets.js.files, ...r.assets.css.files].map((f) => `\`${f}\``).join(', ') || 'none'}`,
  ];
  return `${lines.join('\n')}\n`;
}
