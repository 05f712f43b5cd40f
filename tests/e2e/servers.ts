// Static servers of the test's own and the service worker's hold on a page,
// for the tests that take the network away (offline, a scaled corpus): each
// runs tests/e2e/static-server.mjs on its own port, so "the network is off"
// means the server is really stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The build under test (scripts/test.sh points this at other builds). */
export const DIST = process.env.LATTICE_DIST ?? 'dist';

/**
 * A port for a file's own servers: derived from the worker's pid, so two
 * test runs on one machine (or two workers) do not collide; `offset` keeps
 * one file's servers apart.
 */
export function port(offset: number): number {
  return 20000 + ((process.pid * 7) % 20000) + offset;
}

/** A static server over `dir` on `port`; resolves once it listens. */
export async function serve(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn('node', ['tests/e2e/static-server.mjs', dir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.stdout!.once('data', () => resolve());
  });
  return server;
}

/** Stop a server and wait until it has exited. */
export async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill();
  await exited;
}

/** Wait until a service worker controls the page (installed and activated). */
export async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The page that registered the worker is not controlled by it; the next
  // load is, and is served from its cache.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
