// A chunk of the glossary's uses (glossary/<hash>.bin) that fails to load or
// is damaged: the list of uses on the glossary page, and the entry page's
// uses, say so calmly with a Retry — never "Loading…" for ever, never a
// blank page — and Retry fetches the chunk again once the network is back.
// Runs against a split corpus (LATTICE_SCALE=13, see scripts/test.sh);
// failures are made by route interception.
import type { Page, Route } from '@playwright/test';
import { test as unguarded } from '@playwright/test';
import { expect, test } from './fixtures';

const CHUNKS = '**/corpus/*/glossary/*.bin';
const TERM = 'Quadrilateral Security Dialogue';

/**
 * Serve chunks of uses through `fail` until `allow()` is called; how many
 * chunk requests were failed.
 */
async function failChunks(page: Page, fail: (route: Route) => Promise<void>) {
  const state = { failing: true, failed: 0 };
  await page.route(CHUNKS, async (route) => {
    if (!state.failing) return route.continue();
    state.failed += 1;
    return fail(route);
  });
  return { state, allow: () => (state.failing = false) };
}

/** Console errors and page errors of `page`. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The glossary page, filtered to TERM, its list of uses opened. */
async function openUses(page: Page) {
  await page.goto('./#/glossary');
  await page.getByRole('searchbox').fill(TERM);
  const row = page.locator('.glossary-entry').first();
  await expect(row).toBeVisible();
  await row.locator('summary').click();
  return row;
}

const dropped = (route: Route) => route.abort('connectionreset');
const garbage = (route: Route) =>
  route.fulfill({
    status: 200,
    contentType: 'application/octet-stream',
    body: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00, 0x13]),
  });

unguarded.describe('a chunk of uses that does not arrive', () => {
  // The service worker would answer from its cache, past page.route.
  unguarded.use({ serviceWorkers: 'block' });
  unguarded.setTimeout(60_000);

  // Unguarded: Chromium logs the dropped connections as console errors,
  // which are this test's point; it checks they are the only ones.
  unguarded('the glossary page says so, and Retry lists the uses once the network is back', async ({ page }) => {
    const errors = errorsOf(page);
    const { state, allow } = await failChunks(page, dropped);
    const row = await openUses(page);
    const failed = row.locator('.occ-failed');
    await expect(failed).toContainText('無法載入出現之處');
    await expect(failed.locator('.error-detail')).toContainText('network error');
    await expect(row.locator('.occ-loading')).toHaveCount(0);
    // Still offline: Retry fails again, calmly.
    await failed.getByRole('button', { name: '重試' }).click();
    await expect.poll(() => state.failed).toBe(2);
    await expect(row.locator('.occ-failed')).toBeVisible();
    allow();
    await row.locator('.occ-failed').getByRole('button', { name: '重試' }).click();
    await expect(row.locator('.occ-list a').first()).toBeVisible();
    await expect(row.locator('.occ-failed')).toHaveCount(0);
    await expect(row.locator('.occ-loading')).toHaveCount(0);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toBe('Failed to load resource: net::ERR_CONNECTION_RESET');
  });

  unguarded("the entry page's uses say so with the entry still shown, and Retry lists them", async ({ page }) => {
    const errors = errorsOf(page);
    const { allow } = await failChunks(page, dropped);
    await page.goto(`./#/glossary/${encodeURIComponent(TERM)}`);
    // The entry itself is there; only its uses could not be had.
    await expect(page.locator('.entry-en')).toContainText(TERM);
    const failed = page.locator('.entry-uses .occ-failed');
    await expect(failed).toContainText('無法載入出現之處');
    await expect(page.locator('.entry-occ')).toHaveCount(0);
    allow();
    await failed.getByRole('button', { name: '重試' }).click();
    await expect.poll(() => page.locator('.entry-occ').count()).toBeGreaterThan(3);
    await expect(page.locator('.entry-uses .occ-failed')).toHaveCount(0);
    for (const e of errors) expect(e).toBe('Failed to load resource: net::ERR_CONNECTION_RESET');
  });
});

test.describe('a damaged chunk of uses', () => {
  test.use({ serviceWorkers: 'block' });

  test('the glossary page says it could not be read, and Retry reads a sound copy', async ({ page }) => {
    const { allow } = await failChunks(page, garbage);
    const row = await openUses(page);
    await expect(row.locator('.occ-failed')).toContainText('無法載入出現之處');
    await expect(row.locator('.occ-failed .error-detail')).toContainText('glossary/');
    // The rest of the page is there and works.
    await expect(page.locator('.glossary-table')).toBeVisible();
    allow();
    await row.locator('.occ-failed').getByRole('button', { name: '重試' }).click();
    await expect(row.locator('.occ-list a').first()).toBeVisible();
  });

  test('the entry page says so too, never a blank page', async ({ page }) => {
    const { allow } = await failChunks(page, garbage);
    await page.goto(`./#/glossary/${encodeURIComponent(TERM)}`);
    await expect(page.locator('.entry-en')).toContainText(TERM);
    await expect(page.locator('.entry-uses .occ-failed')).toContainText('無法載入出現之處');
    allow();
    await page.locator('.entry-uses .occ-failed').getByRole('button', { name: '重試' }).click();
    await expect.poll(() => page.locator('.entry-occ').count()).toBeGreaterThan(3);
  });
});
