// Offline and static hosting: after one online visit the reader works with the
// server gone, at the host's root and under a sub-path; a new deployment is
// offered with a notice and taken only when the reader accepts; and the
// Content-Security-Policy holds with no violation.
//
// Each test runs its own static server (tests/e2e/static-server.mjs) on its
// own port, so "the network is off" means the server is really stopped (and
// the browser is set offline too), and "a new deployment" means the same
// origin serving another folder.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as plain } from '@playwright/test';
import { PAGE_KINDS } from './corpus.mjs';
import { CHAPTER, QUAD, expect, reopen, test } from './fixtures';
import { DIST, controlled, port as ownPort, serve, stop } from './servers';

// Each test installs the app, reloads many pages and saves or checks the
// whole library: 15–30 s on an idle 2-core machine, past Playwright's 30 s
// default on a busy one (CI timed one out in its last line).
plain.setTimeout(90_000);

// This file's servers' ports.
const BASE_PORT = ownPort(0);

/** The heading each page kind shows, and that the app (not an error page) rendered it. */
async function heading(page: Page) {
  const h1 = page.locator('main.page h1').first();
  await expect(h1).toBeVisible();
  return h1.innerText();
}

for (const [name, base, port] of [
  ['at the root', '', BASE_PORT + 1],
  ['under a sub-path', 'lattice/', BASE_PORT + 2],
] as const) {
  test.describe(`offline ${name}`, () => {
    test.use({ baseURL: `http://127.0.0.1:${port}/${base}` });
    let server: ChildProcess;
    test.beforeEach(async () => {
      server = await serve(DIST, port);
    });
    test.afterEach(async () => stop(server));

    test('after one visit, every page kind reloads with the network off', async ({
      page,
      context,
    }) => {
      await page.goto('./');
      await controlled(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`http://127.0.0.1:${port}/${base}`);

      const online: string[] = [];
      for (const path of PAGE_KINDS) {
        await reopen(page, path);
        online.push(await heading(page));
      }
      expect(online[0]).toBe('書庫');
      expect(online[1]).toBe(QUAD.title);

      await stop(server);
      await context.setOffline(true);
      for (const [i, path] of PAGE_KINDS.entries()) {
        await reopen(page, path);
        expect(await heading(page), `${path} offline`).toBe(online[i]);
      }
      await page.goto(`./#/doc/${CHAPTER.id}/n5`);
      await page.reload();
      await expect(page.locator('li#n5')).toHaveClass(/is-target/);
      await page.goto('./');
      await page.reload();
      await expect(page.locator('.document-list > li')).toHaveCount(2);
    });
  });
}

test.describe('a new deployment', () => {
  const port = BASE_PORT + 3;
  test.use({ baseURL: `http://127.0.0.1:${port}/` });
  let folder: string;
  let server: ChildProcess | undefined;

  test.beforeEach(() => {
    // Version 2 is version 1 with one changed byte in index.html, finished by
    // the same post-build step Trunk runs, so it gets a new version and sw.js.
    folder = mkdtempSync(join(tmpdir(), 'lattice-update-'));
    cpSync(DIST, join(folder, 'v1'), { recursive: true });
    cpSync(DIST, join(folder, 'v2'), { recursive: true });
    const index = join(folder, 'v2', 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</noscript>', ' </noscript>'));
    execFileSync('node', ['scripts/postbuild.mjs', join(folder, 'v2')]);
  });
  test.afterEach(async () => {
    if (server) await stop(server);
    rmSync(folder, { recursive: true, force: true });
  });

  const version = (page: Page) =>
    page.locator('meta[name="lattice-version"]').getAttribute('content');

  test('is offered with a notice and taken on reload', async ({ page }) => {
    server = await serve(join(folder, 'v1'), port);
    await page.goto(`./#/doc/${QUAD.id}`);
    await controlled(page);
    const v1 = await version(page);
    await expect(page.locator('.update-notice')).toHaveCount(0);

    await stop(server);
    server = await serve(join(folder, 'v2'), port);
    const v2 = readFileSync(join(folder, 'v2', 'index.html'), 'utf8').match(
      /name="lattice-version" content="([0-9a-f]+)"/,
    )![1];
    expect(v2).not.toBe(v1);

    // The visit finds the new sw.js; the page keeps running version 1.
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: '新版本已可用' });
    await expect(notice).toBeVisible();
    expect(await version(page)).toBe(v1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUAD.title);

    await notice.getByRole('button', { name: '重新載入' }).click();
    await expect.poll(() => version(page)).toBe(v2);
    await expect(page).toHaveURL(new RegExp(`#/doc/${QUAD.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUAD.title);
    await expect(page.locator('.update-notice')).toHaveCount(0);
    // The old version's shell cache is gone: nothing of version 1 can be
    // served again. Corpus files live on in the cache kept by content.
    expect((await page.evaluate(() => caches.keys())).sort()).toEqual(
      ['lattice-corpus', `lattice-${v2}`].sort(),
    );
  });
});

test.describe('Content-Security-Policy', () => {
  test('allows no inline script but the build’s own, by hash', async ({ page }) => {
    await page.goto('./');
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  });

  test('every page kind loads with no violation', async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    for (const path of PAGE_KINDS) {
      await reopen(page, path);
      await heading(page);
      const seen = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      expect(seen, path).toEqual([]);
    }
  });
});

// Without the guard fixture: this test provokes the console error it expects.
plain('an injected inline script is refused', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (d: string) => violations.push(d));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '書庫' })).toBeVisible();
  const ran = await page.evaluate(async () => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (d: string) => void }).reportViolation(
        e.effectiveDirective,
      ),
    );
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations).toContain('script-src-elem');
});

test('a document kept apart from the app is fetched only when opened', async ({ page }) => {
  // A build whose corpus is past build.rs's threshold (or LATTICE_LAZY=1, as
  // scripts/test.sh builds it) keeps each document in dist/corpus/; the real
  // corpus is embedded and fetches nothing (its corpus/ folder holds only its
  // search index).
  const corpus = join(DIST, 'corpus');
  const lazy =
    existsSync(corpus) && readdirSync(corpus).some((set) => existsSync(join(corpus, set, 'doc')));
  const fetched: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/corpus/')) fetched.push(path);
  });
  await page.goto('./');
  await expect(page.locator('.document-list > li')).toHaveCount(2);
  expect(fetched).toEqual([]);
  await page.getByRole('link', { name: QUAD.title }).click();
  await expect(page.locator('.doc-body')).toContainText('川普上任後');
  // The document and the glossary (its terms are marked in the text).
  expect(fetched.sort()).toEqual(
    lazy
      ? [
          expect.stringMatching(new RegExp(`/corpus/[0-9a-f]{16}/doc/${QUAD.id}\\.bin$`)),
          expect.stringMatching(/\/corpus\/[0-9a-f]{16}\/glossary\.bin$/),
        ]
      : [],
  );
});
