// `npm run bench [-- name...]`: runs each benchmark and writes its report to
// bench/results/<name>.md. A benchmark is a module here whose run() returns markdown.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';

const benches: Record<string, () => Promise<{ run(): Promise<string> }>> = {
  startup: () => import('./startup'),
  groups: () => import('./groups'),
  forum: () => import('./forum'),
  notifications: () => import('./notifications'),
};

const resultsDir = join(import.meta.dirname, 'results');

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}

let failed = false;
for (const name of asked.length > 0 ? asked : Object.keys(benches)) {
  console.log(`\n# bench: ${name}\n`);
  const started = Date.now();
  try {
    const bench = await benches[name]!();
    const body = await bench.run();
    const report = `# Bench: ${name}\n\n${machine()}\n\n${body}`;
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${name}.md`);
    writeFileSync(file, report);
    console.log(report);
    console.log(
      `Written to ${relative(process.cwd(), file)} in ${Math.round((Date.now() - started) / 1000)} s.`,
    );
  } catch (error) {
    failed = true;
    console.error(`bench ${name} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);

/** Where and when the numbers were taken: they mean little without it. */
function machine(): string {
  const cpu = cpus();
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain', { stdio: ['ignore', 'pipe', 'ignore'] });
    if (dirty.length > 0) commit += ' with uncommitted changes';
  } catch {
    // not a git checkout
  }
  return [
    `- taken: ${new Date().toISOString()} at commit ${commit}`,
    `- machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB memory, ${process.platform} ${process.arch}`,
    `- node ${process.version}`,
  ].join('\n');
}
