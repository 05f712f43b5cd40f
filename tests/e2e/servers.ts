// Static servers of the test's own and the service worker's hold on a page,
// for the tests that take the network away (offline, a scaled corpus): each
// runs tests/e2e/static-server.mjs on its own port, so "the network is off"
// means the server is really stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { staticServer } from './static-server.mjs';

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

/**
 * The same static server in the test's own process, recording every path
 * it is asked for (what a service worker fetched, and what it did not).
 */
export async function counting(dir: string, port: number): Promise<{ server: Server; seen: string[] }> {
  const seen: string[] = [];
  const server = await staticServer(dir, port, (path: string) => seen.push(path));
  return { server, seen };
}

/**
 * A first visit: `dir` served by a counting server, the app opened and
 * controlled by its service worker.
 */
export async function installed(page: Page, dir: string, port: number) {
  const served = await counting(dir, port);
  await page.goto('./');
  await controlled(page);
  return served;
}

/** Close a counting server, cutting its open connections. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** The network off: the counting server closed and the browser offline. */
export async function offline(context: BrowserContext, server: Server) {
  await close(server);
  await context.setOffline(true);
}

/** A document page's title. */
export const docTitle = (page: Page) => page.locator('main.page h1').first();

/**
 * With the network taken away, the document `opened` (opened online before)
 * reloads from the worker's cache and the document `never` (never opened)
 * says it cannot be loaded.
 */
export async function onlyOpenedOffline(
  page: Page,
  context: BrowserContext,
  server: Server,
  opened: { id: string; title: string },
  never: string,
) {
  await offline(context, server);
  await page.goto('./#/');
  await page.goto(`./#/doc/${opened.id}`);
  await page.reload();
  await expect(docTitle(page)).toHaveText(opened.title);
  await page.goto(`./#/doc/${never}`);
  await expect(page.getByText(/無法載入|could not be/).first()).toBeVisible();
}

/** The library page's offline panel, the page loaded afresh. */
export async function offlinePanel(page: Page): Promise<Locator> {
  await page.goto('./');
  await page.reload();
  return page.locator('.offline-panel');
}

/**
 * Save the whole library from the offline panel and wait until it is saved:
 * every document and every search index file, hundreds of files (up to a
 * minute on a busy machine).
 */
export async function saveAll(panel: Locator) {
  await panel.getByRole('button', { name: '儲存整個書庫供離線閱讀' }).click();
  await expect(panel.getByRole('status')).toHaveText('整個書庫都可離線閱讀。', { timeout: 60_000 });
}

/** With the network taken away, every document `ids` names opens. */
export async function everyDocumentOffline(
  page: Page,
  context: BrowserContext,
  server: Server,
  ids: string[],
) {
  await offline(context, server);
  for (const id of ids) {
    await page.goto(`./#/doc/${id}`);
    await expect(docTitle(page), id).not.toHaveText('');
    await expect(page.locator('.doc-body'), id).toBeVisible();
  }
}

/** Every document id of a split build in `dist`. */
export function documentIds(dist: string): string[] {
  const set = readdirSync(join(dist, 'corpus'))[0];
  return readdirSync(join(dist, 'corpus', set, 'doc')).map((f) => f.replace(/\.bin$/, ''));
}

/**
 * Turn the build in `dir` into what a rebuild with one changed document
 * makes: the set folder has a new name (it hashes every file), so every URL
 * is new, and one document's file (`changed`, which the tests never open)
 * has one more byte at its end. The caller finishes it with the post-build
 * step, as Trunk would.
 */
export function asRebuilt(dir: string, changedId: string): { set: string; changed: string } {
  const old = readdirSync(join(dir, 'corpus'))[0];
  const set = [...old].reverse().join('');
  renameSync(join(dir, 'corpus', old), join(dir, 'corpus', set));
  const changed = `${changedId}.bin`;
  const file = join(dir, 'corpus', set, 'doc', changed);
  writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]));
  return { set, changed };
}

/**
 * Set constants of the build's service worker (`const NAME = …;` lines of
 * static/sw-template.js), each of which must be there with its shipped value.
 */
export function workerConstants(dir: string, values: Record<string, { from: string; to: string }>) {
  const sw = join(dir, 'sw.js');
  let text = readFileSync(sw, 'utf8');
  for (const [name, { from, to }] of Object.entries(values)) {
    const line = `const ${name} = ${from};`;
    expect(text).toContain(line);
    text = text.replace(line, `const ${name} = ${to};`);
  }
  writeFileSync(sw, text);
}

/** Paths under corpus/<set>/ the page itself requested (not the service worker). */
export function corpusRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/corpus/')) seen.push(path.replace(/^.*\/corpus\/[0-9a-f]{16}\//, ''));
  });
  return seen;
}

/** Wait until a service worker controls the page (installed and activated). */
export async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The page that registered the worker is not controlled by it; the next
  // load is, and is served from its cache.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
