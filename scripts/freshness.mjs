// Whether a build is older than its sources, by modification times. Plain Node, for
// scripts/start.mjs and scripts/build-server.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a file or folder (0 when it does not exist). */
export function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when the built file is missing or anything under the sources changed after it. */
export function buildIsStale(builtFile, sources) {
  if (!existsSync(builtFile)) return true;
  const built = statSync(builtFile).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}
