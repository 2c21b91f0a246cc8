// The import rules of CONVENTIONS.md, checked over the real import graph: a module reaches
// another only through that module's face.ts, and nothing the app assembles imports app.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const serverDir = import.meta.dirname;

/**
 * Imports that break the rules today, each with the reason it is still here. The list may
 * only shrink: an entry that no longer matches an import fails the test too.
 * Keys are `importing file -> imported file`, relative to src/server, without extensions.
 */
// Imports that break a rule today, each with its reason; the list may only shrink.
const allowed: Record<string, string> = {};

/** Files that assemble or start the app, and so may import app.ts. */
const mayImportApp = new Set(['main', 'seed/cli']);

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const withoutExtension = (path: string) => path.replace(/\.(tsx?|js)$/, '');

// Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and import().
// TypeScript 7 has no compiler API in JavaScript, so the graph is read with one expression.
const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every relative import of a file: static, re-exports and import(), type-only or not. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): Edge[] {
  const from = withoutExtension(relative(serverDir, file));
  const edges: Edge[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[2] ?? match[3] ?? '';
    if (!specifier.startsWith('.')) continue;
    const to = withoutExtension(relative(serverDir, resolve(dirname(file), specifier)));
    edges.push({ from, to, typeOnly: Boolean(match[1]) });
  }
  return edges;
}

const moduleOf = (path: string) => /^modules\/([^/]+)\/(.+)$/.exec(path);

/** Why an import breaks the rules, or null when it keeps them. */
function brokenRule({ from, to }: Edge): string | null {
  if (to === 'app' && !mayImportApp.has(from)) {
    return 'imports app.ts: take the types from context.ts';
  }
  const source = moduleOf(from);
  const target = moduleOf(to);
  if (!source || !target || source[1] === target[1]) return null;
  const [, , fromFile] = source;
  const [, targetModule, targetFile] = target;
  if (targetFile === 'face') return null;
  // A foreign key needs the other table itself (drizzle `references`); only tables do this.
  if (fromFile === 'tables' && targetFile === 'tables') return null;
  return `reaches into ${targetModule}/${targetFile}.ts: use ${targetModule}/face.ts`;
}

// Tests may reach into tables to set up what no route makes yet (tests/support does too).
const productionFiles = sourceFiles(serverDir).filter((file) => !isTest(file));
const edges = productionFiles.flatMap((file) => importsOf(file));

describe('import rules', () => {
  it('finds the imports it checks (the parser sees the graph)', () => {
    expect(edges.some((e) => e.from === 'app' && e.to === 'services')).toBe(true);
    expect(edges.some((e) => e.from === 'modules/home/service' && e.to.endsWith('face'))).toBe(
      true,
    );
  });

  it('no module imports app.ts, or another module other than through its face', () => {
    const broken = edges
      .map((edge) => ({ key: `${edge.from} -> ${edge.to}`, why: brokenRule(edge) }))
      .filter((edge) => edge.why !== null && !(edge.key in allowed))
      .map((edge) => `${edge.key}: ${edge.why}`);
    expect(broken).toEqual([]);
  });

  it('the allow-list only holds imports that still break a rule', () => {
    const stillBroken = new Set(
      edges.filter((edge) => brokenRule(edge) !== null).map((e) => `${e.from} -> ${e.to}`),
    );
    const stale = Object.keys(allowed).filter((key) => !stillBroken.has(key));
    expect(stale, 'remove these from the allow-list: they are fixed').toEqual([]);
  });

  it('reads every kind of import', () => {
    const file = join(serverDir, 'modules/home/service.ts');
    const text = [
      "import { a } from '../forum/tables';",
      'import {',
      '  b,',
      '  type C,',
      "} from '../groups/queries';",
      "import type { D } from '../accounts/service';",
      "export { e } from '../profiles/present';",
      "import '../help/side-effect';",
      "const f = await import('../../app');",
      "import { g } from 'drizzle-orm';",
    ].join('\n');
    expect(importsOf(file, text)).toEqual([
      { from: 'modules/home/service', to: 'modules/forum/tables', typeOnly: false },
      { from: 'modules/home/service', to: 'modules/groups/queries', typeOnly: false },
      { from: 'modules/home/service', to: 'modules/accounts/service', typeOnly: true },
      { from: 'modules/home/service', to: 'modules/profiles/present', typeOnly: false },
      { from: 'modules/home/service', to: 'modules/help/side-effect', typeOnly: false },
      { from: 'modules/home/service', to: 'app', typeOnly: false },
    ]);
  });

  it('flags the imports the rules are about', () => {
    const edge = (from: string, to: string) => ({ from, to, typeOnly: false });
    expect(brokenRule(edge('modules/forum/routes', 'app'))).toMatch(/context\.ts/);
    expect(brokenRule(edge('lib/auth-hooks', 'app'))).toMatch(/context\.ts/);
    expect(brokenRule(edge('main', 'app'))).toBeNull();
    expect(brokenRule(edge('modules/home/service', 'modules/forum/tables'))).toMatch(/face/);
    expect(brokenRule(edge('modules/home/service', 'modules/forum/topics'))).toMatch(/face/);
    expect(brokenRule(edge('modules/forum/service', 'modules/groups/service'))).toMatch(/face/);
    expect(brokenRule(edge('modules/forum/service', 'modules/groups/queries'))).toMatch(/face/);
    expect(brokenRule(edge('modules/forum/service', 'modules/groups/present'))).toMatch(/face/);
    expect(brokenRule(edge('modules/forum/service', 'modules/groups/permissions'))).toMatch(/face/);
    expect(brokenRule(edge('modules/home/service', 'modules/forum/face'))).toBeNull();
    expect(brokenRule(edge('modules/forum/topics', 'modules/forum/queries'))).toBeNull();
    expect(brokenRule(edge('modules/forum/tables', 'modules/accounts/tables'))).toBeNull();
    expect(brokenRule(edge('modules/forum/service', '../contract/forum'))).toBeNull();
    expect(brokenRule(edge('modules/forum/service', 'lib/errors'))).toBeNull();
  });
});
