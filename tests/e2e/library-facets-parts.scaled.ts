// The library's facets in parts (lattice_core::catalogue::facets::split), on
// the scaled build (26 documents, see library-facets.scaled.ts): the plain
// library fetches no facets; reaching for the controls fetches their head
// (every value with its count) and nothing more; choosing a filter or an
// order fetches the one part it needs; a part that cannot be fetched says
// so, with a Retry that then lists the documents, and never "no document
// matches"; and past the service worker's budget the parts are not
// precached, but saving the whole library saves them, so filters work
// offline.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, test as plain } from '@playwright/test';
import { CHAPTER, expect, test } from './fixtures';
import { DIST, corpusRequests, counting, installed, offline, offlinePanel, saveAll, workerConstants } from './servers';

const COPIES = 13;
const PART = /^facets\/[0-9a-f]{16}\.bin$/;

const cards = (page: Page) => page.locator('.document-list > li');
const parts = (fetched: string[]) => fetched.filter((p) => PART.test(p));

test('a filter fetches one part of the facets, only when it is chosen', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto('./');
  await expect(cards(page)).toHaveCount(24);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);

  // Reaching for the controls: the head, whose counts fill the choices.
  await page.locator('#lattice-filter-kind').focus();
  await expect(page.locator('#lattice-filter-kind option', { hasText: `(${COPIES})` })).toHaveCount(2);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual(['facets.bin']);

  await page.locator('#lattice-filter-kind').selectOption('book-chapter');
  await expect(page).toHaveURL(/kind=book-chapter$/);
  await expect(cards(page)).toHaveCount(COPIES);
  await expect(page.locator('.page-lede')).toContainText(`符合條件 ${COPIES} 篇`);
  await expect(cards(page).first()).toContainText(CHAPTER.title);
  await page.waitForLoadState('networkidle');
  // The chapters are ids 0–12, all on the embedded page: one part, nothing else.
  expect(parts(fetched)).toHaveLength(1);
  expect(fetched.filter((p) => !PART.test(p))).toEqual(['facets.bin']);

  // An order: its own part, once; the same order again costs nothing.
  await page.locator('#lattice-sort').selectOption('date-desc');
  await expect(page).toHaveURL(/sort=date-desc&kind=book-chapter$/);
  await expect(cards(page)).toHaveCount(COPIES);
  await page.waitForLoadState('networkidle');
  expect(parts(fetched)).toHaveLength(2);
  await page.locator('#lattice-sort').selectOption('date-asc');
  await expect(page).toHaveURL(/sort=date-asc&kind=book-chapter$/);
  await expect(cards(page)).toHaveCount(COPIES);
  await page.waitForLoadState('networkidle');
  expect(parts(fetched)).toHaveLength(2);
  expect(new Set(parts(fetched)).size).toBe(2);
});

// Without the guard fixture: the refused part is logged as a console error,
// which is what this test expects.
plain('a part that cannot be fetched says so, and Retry lists the documents', async ({ page }) => {
  let refused = 0;
  await page.route(/\/corpus\/[0-9a-f]{16}\/facets\/[0-9a-f]{16}\.bin$/, async (route) => {
    refused += 1;
    await route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.goto('./#/library/1?kind=book-chapter');
  const lede = page.locator('.page-lede');
  await expect(lede).toContainText('無法載入篩選資料');
  await expect(lede).toContainText('HTTP 503');
  await expect(lede).not.toContainText('沒有符合');
  await expect(cards(page)).toHaveCount(0);
  // Failed, not retried on its own.
  await page.waitForLoadState('networkidle');
  expect(refused).toBe(1);

  await page.unroute(/\/corpus\/[0-9a-f]{16}\/facets\/[0-9a-f]{16}\.bin$/);
  await page.getByRole('button', { name: '重試' }).click();
  await expect(cards(page)).toHaveCount(COPIES);
  await expect(lede).toContainText(`符合條件 ${COPIES} 篇`);
  await expect(page.getByRole('button', { name: '重試' })).toHaveCount(0);
});

plain('a head that cannot be fetched says so too, and Retry brings it', async ({ page }) => {
  await page.route(/\/corpus\/[0-9a-f]{16}\/facets\.bin$/, (route) => route.abort());
  await page.goto('./#/library/1?sort=title-asc');
  await expect(page.locator('.page-lede')).toContainText('無法載入篩選資料');
  await expect(cards(page)).toHaveCount(0);
  await page.unroute(/\/corpus\/[0-9a-f]{16}\/facets\.bin$/);
  await page.getByRole('button', { name: '重試' }).click();
  await expect(cards(page)).toHaveCount(24);
  await expect(page.locator('.page-lede')).toContainText('符合條件 26 篇');
});

plain.describe('past the budget', () => {
  const port = 4790;
  plain.use({ baseURL: `http://127.0.0.1:${port}/` });
  // Saving the whole library waits up to a minute on a busy machine (saveAll).
  plain.setTimeout(120_000);
  let folder: string;
  plain.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'lattice-facets-parts-'));
  });
  plain.afterEach(() => rmSync(folder, { recursive: true, force: true }));

  // Without the guard fixture: the part never fetched fails offline, logged
  // as a console error, which is what this test expects.
  plain('parts are not precached; saving the library saves them', async ({ page, context }) => {
    const dist = join(folder, 'dist');
    cpSync(DIST, dist, { recursive: true });
    execFileSync('node', ['scripts/postbuild.mjs', dist], {
      env: { ...process.env, LATTICE_SW_INLINE_BUDGET: '0' },
    });
    const inline = /const INLINE = (.*);/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1];
    expect(inline).toContain('/facets.bin');
    expect(inline).not.toContain('/facets/');
    workerConstants(dist, { BUDGET: { from: '5 * 1000 * 1000', to: '0' } });

    let { server, seen } = await installed(page, dist, port);
    expect(seen.filter((p) => p.includes('/facets.bin'))).toHaveLength(1);
    expect(seen.filter((p) => p.includes('/facets/'))).toEqual([]);
    // Offline before saving: a filter says it cannot be applied.
    await offline(context, server);
    await page.goto('./#/library/1?kind=book-chapter');
    await expect(page.locator('.page-lede')).toContainText('無法載入篩選資料');
    await expect(page.getByRole('button', { name: '重試' })).toBeVisible();

    await context.setOffline(false);
    ({ server, seen } = await counting(dist, port));
    await saveAll(await offlinePanel(page));
    expect(seen.filter((p) => p.includes('/facets/')).length).toBeGreaterThanOrEqual(2);

    await offline(context, server);
    await page.goto('./#/library/1?sort=title-desc&kind=book-chapter');
    await page.reload();
    await expect(cards(page)).toHaveCount(COPIES);
    await expect(cards(page).first()).toContainText(`${CHAPTER.title} (9)`);
  });
});
