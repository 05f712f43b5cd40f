// Offline for a corpus past the budget at which sw.js lists every corpus
// file (static/sw-template.js): sw.js then lists only what it precaches, and
// every file is in a content-hashed listing the worker reads only to save
// the whole library or to carry saved files over to a new build. A first
// visit never downloads the listing; a document opened is kept by the hash
// of its bytes and opens offline; saving fetches the listing and every other
// document; a rebuild downloads no unchanged document.
//
// The scaled corpus is small, so each test stages a copy of the build
// finished by the post-build step with LATTICE_SW_INLINE_BUDGET=0, the
// worker's BUDGET at 0 and CARRY_OVER at 0: the same worker and writer as
// for a large corpus.
// Each test serves its folder with a counting server (ports 4760–4769).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as plain } from '@playwright/test';
import { QUAD, expect } from './fixtures';
import {
  DIST,
  asRebuilt,
  close,
  counting,
  docTitle,
  documentIds,
  everyDocumentOffline,
  installed,
  offlinePanel,
  offline,
  onlyOpenedOffline,
  saveAll,
  workerConstants,
} from './servers';

// Each test installs the app, reloads many pages and saves or checks the
// whole library: 15–30 s on an idle 2-core machine, past Playwright's 30 s
// default on a busy one (CI timed one out in its last line).
plain.setTimeout(90_000);

/** Finish `dir` as a build past both budgets: a listing beside sw.js. */
function pastBudgets(dir: string) {
  execFileSync('node', ['scripts/postbuild.mjs', dir], {
    env: { ...process.env, LATTICE_SW_INLINE_BUDGET: '0' },
  });
  const inline = /const INLINE = (.*);/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1];
  expect(inline).toContain('glossary.bin');
  expect(inline).not.toContain('/doc/');
  // The glossary's lexicon, not its chunks of uses (glossary/<hash>.bin).
  expect(inline).not.toContain('/glossary/');
  // Past the budget, and carrying a saved library over however small it is.
  workerConstants(dir, {
    BUDGET: { from: '5 * 1000 * 1000', to: '0' },
    CARRY_OVER: { from: '32', to: '0' },
  });
  const listing = readdirSync(dir).filter((f) => /^sw-files-[0-9a-f]+\.json$/.test(f));
  expect(listing).toHaveLength(1);
  return listing[0];
}

let folder: string;
plain.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lattice-offline-listing-'));
});
plain.afterEach(() => rmSync(folder, { recursive: true, force: true }));

plain.describe('past the listing budget', () => {
  const port = 4760;
  plain.use({ baseURL: `http://127.0.0.1:${port}/` });

  // Without the guard fixture: a never-opened document's failed fetch
  // offline is a console error this test provokes.
  plain('a first visit skips the listing; opened and saved documents open offline', async ({ page, context }) => {
    const dist = join(folder, 'dist');
    cpSync(DIST, dist, { recursive: true });
    const listing = pastBudgets(dist);
    let { server, seen } = await installed(page, dist, port);
    expect(seen.filter((p) => p.includes('/doc/'))).toEqual([]);
    await page.goto(`./#/doc/${QUAD.id}`);
    await expect(docTitle(page)).toHaveText(QUAD.title);
    // Neither installing nor opening a document read the listing, or any
    // chunk of the glossary's uses.
    expect(seen.filter((p) => p.includes(listing))).toEqual([]);
    expect(seen.filter((p) => /\/glossary\/[0-9a-f]{16}\.bin$/.test(p))).toEqual([]);

    // A document never opened is not there.
    await onlyOpenedOffline(page, context, server, QUAD, `${QUAD.id}-copy3`);

    await context.setOffline(false);
    ({ server, seen } = await counting(dist, port));
    const ids = documentIds(dist);
    // The panel counts the opened document without the listing.
    const panel = await offlinePanel(page);
    await expect(panel).toContainText(/還需 \d/);
    expect(seen.filter((p) => p.includes(listing))).toEqual([]);
    await saveAll(panel);
    expect(seen.filter((p) => p.includes(listing))).toHaveLength(1);
    expect(seen.filter((p) => p.includes('/doc/')).length).toBe(ids.length - 1);

    await everyDocumentOffline(page, context, server, ids);
    // The glossary's chunks of uses were saved too: an entry lists its uses.
    await page.goto(`./#/glossary/${encodeURIComponent('Marco Rubio')}`);
    await page.reload();
    await expect(page.locator('.entry-en')).toContainText('Marco Rubio');
    await expect.poll(() => page.locator('.entry-occ').count()).toBeGreaterThan(3);
  });
});

plain.describe('a rebuild past the listing budget', () => {
  const port = 4761;
  plain.use({ baseURL: `http://127.0.0.1:${port}/` });

  plain('carries the saved library over and downloads no unchanged document', async ({ page, context }) => {
    const v1 = join(folder, 'v1');
    const v2 = join(folder, 'v2');
    cpSync(DIST, v1, { recursive: true });
    cpSync(DIST, v2, { recursive: true });
    pastBudgets(v1);
    // Version 2: every URL new (the set folder is renamed), one document
    // changed.
    const { set, changed } = asRebuilt(v2, `${QUAD.id}-copy2`);
    pastBudgets(v2);

    let { server, seen } = await installed(page, v1, port);
    await saveAll(await offlinePanel(page));
    await close(server);

    ({ server, seen } = await counting(v2, port));
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: '新版本已可用' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: '重新載入' }).click();
    await expect(page.locator('.update-notice')).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).length))
      .toBe(2);
    // No document came over the network: the unchanged ones were carried
    // over by content, the changed one waits until it is opened.
    expect(seen.filter((p) => p.includes('/doc/'))).toEqual([]);
    // Offline, the worker serves every unchanged document at its new URL
    // (the app of this staged copy still names the old set's folder, so
    // the test asks the worker directly).
    await offline(context, server);
    const urls = documentIds(v2)
      .filter((id) => `${id}.bin` !== changed)
      .map((id) => `./corpus/${set}/doc/${id}.bin`);
    const got = await page.evaluate(
      (urls) => Promise.all(urls.map(async (u) => (await fetch(u)).status)),
      urls,
    );
    expect(got).toEqual(urls.map(() => 200));
  });
});
