import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The packages the browser tests need; the fonts are those `.ci/run` installs, so text measures the same. */
export const browserPackages = ['chromium', 'fonts-dejavu-core', 'fonts-liberation'] as const;

export const installCommand = `sudo apt-get install -y ${browserPackages.join(' ')}`;

export interface ChromiumMachine {
  /** Where the browser is looked for: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
  path: string;
  exists: (path: string) => boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  /** Runs apt-get; returns whether it succeeded. */
  aptGet: (args: string[]) => boolean;
  log: (line: string) => void;
}

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** This machine, as the browser tests see it. */
export function thisMachine(): ChromiumMachine {
  return {
    path: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    exists: existsSync,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
    aptGet,
    log: (line) => console.log(line),
  };
}

/**
 * Makes sure the browser the tests drive is there before anything else starts: as root with
 * apt-get it installs Debian's chromium and the fonts; otherwise it stops with the one command to run.
 */
export function ensureChromium(machine: ChromiumMachine = thisMachine()): string {
  if (machine.exists(machine.path)) return machine.path;
  const missing = `The browser tests need Chromium at ${machine.path}, and it is not there.`;
  // Installing only helps when the tests look in Debian's place.
  if (machine.isRoot && machine.hasAptGet && machine.path === '/usr/bin/chromium') {
    machine.log(`${missing} Installing it: apt-get install -y ${browserPackages.join(' ')}`);
    const installed =
      machine.aptGet(['update']) && machine.aptGet(['install', '-y', ...browserPackages]);
    if (installed && machine.exists(machine.path)) return machine.path;
  }
  throw new Error(`${missing} Install it with: ${installCommand}`);
}
