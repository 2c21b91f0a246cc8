// Small helpers the benches share for running a server as a child process.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { constants } from 'node:os';

export const signalNumber = (name: NodeJS.Signals) => constants.signals[name] ?? 0;

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** True when the URL answers 200 within 2 s. */
export async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM (the server closes); the whole process group is killed after 10 s. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if ((await exited(child, 10_000)) !== null) return;
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await exited(child, 5_000);
}

/** The exit code (128+n when killed by signal n), or null if it did not exit in time. */
export function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  const code = () =>
    child.exitCode ?? (child.signalCode ? 128 + signalNumber(child.signalCode) : 0);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(code());
  return new Promise((done) => {
    const onExit = () => {
      clearTimeout(timer);
      done(code());
    };
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      done(null);
    }, timeoutMs);
    child.once('exit', onExit);
  });
}

/** A port nothing listens on, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
