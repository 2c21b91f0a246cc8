// `npm run build:server`: bundles the server (src/server, src/contract, src/locales)
// into one JavaScript file per process, dist/server/main.js and dist/server/worker.js
// (`npm run worker`), so production runs no TypeScript at run time. Packages in
// node_modules stay outside the bundles. Plain Node + esbuild.
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildIsStale } from './freshness.mjs';

export const root = resolve(import.meta.dirname, '..');
export const serverOutDir = join(root, 'dist/server');
export const builtServer = join(serverOutDir, 'main.js');
export const builtWorker = join(serverOutDir, 'worker.js');

// Everything the bundle is made from; a change to any of these makes it stale.
const serverSources = [
  'src/server',
  'src/contract',
  'src/locales',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build-server.mjs',
].map((p) => join(root, p));

// Files the server reads next to itself at run time (import.meta.dirname), copied beside the bundle.
const besideTheBundle = [['src/server/modules/groups/data/places.json', 'data/places.json']];

/** True when either bundle is missing or older than the sources (one build writes both). */
export function serverBuildIsStale() {
  return [builtServer, builtWorker].some((built) => buildIsStale(built, serverSources));
}

/** Writes a file by renaming a temporary one, so a server starting meanwhile never reads half. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

export async function buildServer() {
  // esbuild comes with tsx (a runtime dependency), so it is there wherever the server runs.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/server/main.ts', 'src/server/worker.ts'],
    outdir: serverOutDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  // The maps first: the bundles' mtimes are what say the build is fresh.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(!a.path.endsWith('.map')) - Number(!b.path.endsWith('.map')),
  );
  for (const file of files) writeAtomically(file.path, file.contents);
  for (const [from, to] of besideTheBundle) {
    mkdirSync(dirname(join(serverOutDir, to)), { recursive: true });
    copyFileSync(join(root, from), join(serverOutDir, to));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const started = Date.now();
  await buildServer();
  console.log(`Built the server into dist/server in ${Date.now() - started} ms.`);
}
