import { describe, expect, it } from 'vitest';
import { type ChromiumMachine, ensureChromium, installCommand, thisMachine } from './chromium';

function machine(over: Partial<ChromiumMachine>): ChromiumMachine & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    path: '/usr/bin/chromium',
    exists: () => false,
    isRoot: false,
    hasAptGet: true,
    aptGet: (args) => {
      calls.push(args);
      return true;
    },
    log: () => undefined,
    calls,
    ...over,
  };
}

describe('ensureChromium', () => {
  it('stops at once with the exact command when CHROMIUM_PATH points at nothing', () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent';
    try {
      const here = thisMachine();
      expect(here.path).toBe('/nonexistent');
      // Never apt-get in a test, even when the tests run as root.
      const calls: string[][] = [];
      const run = () =>
        ensureChromium({
          ...here,
          aptGet: (args) => {
            calls.push(args);
            return false;
          },
        });
      expect(run).toThrow(
        'The browser tests need Chromium at /nonexistent, and it is not there. Install it with: sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation',
      );
      expect(calls).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  it('gives the command when not root', () => {
    const m = machine({ isRoot: false });
    expect(() => ensureChromium(m)).toThrow(`Install it with: ${installCommand}`);
    expect(m.calls).toEqual([]);
  });

  it('gives the command when there is no apt-get', () => {
    const m = machine({ isRoot: true, hasAptGet: false });
    expect(() => ensureChromium(m)).toThrow(`Install it with: ${installCommand}`);
    expect(m.calls).toEqual([]);
  });

  it('installs Debian chromium and the fonts as root with apt-get', () => {
    let installed = false;
    const m = machine({
      isRoot: true,
      exists: () => installed,
      aptGet: (args) => {
        m.calls.push(args);
        if (args[0] === 'install') installed = true;
        return true;
      },
    });
    expect(ensureChromium(m)).toBe('/usr/bin/chromium');
    expect(m.calls).toEqual([
      ['update'],
      ['install', '-y', 'chromium', 'fonts-dejavu-core', 'fonts-liberation'],
    ]);
  });

  it('gives the command when the install fails', () => {
    const m = machine({ isRoot: true, aptGet: () => false });
    expect(() => ensureChromium(m)).toThrow(`Install it with: ${installCommand}`);
  });

  it('does nothing when the browser is there', () => {
    const m = machine({ exists: () => true });
    expect(ensureChromium(m)).toBe('/usr/bin/chromium');
    expect(m.calls).toEqual([]);
  });
});
