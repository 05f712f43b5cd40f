// "More results" whose texts cannot be fetched (the network dropped after
// the first page): the hits already listed stay, the failure is said where
// the button was, with a Retry that lists the next hits once the network is
// back — never a spinner for ever, never "no results". Runs against a split
// corpus (LATTICE_SCALE=13, see scripts/test.sh).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { DIST } from './servers';

test.use({ serviceWorkers: 'block' });
test.setTimeout(60_000);

// Not the guarded fixture: Chromium logs the dropped connections as console
// errors, which are this test's point; it checks they are the only ones.
test('more results that fail to load keep the hits shown, say so, and Retry lists them', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`./#/search?q=${encodeURIComponent('四方安全對話')}`);
  const hits = page.locator('.search-hit');
  await expect(hits).toHaveCount(20);
  await page.waitForLoadState('networkidle');
  const summary = (await page.locator('.search-summary').textContent())!;

  // The network drops: every index file from now on fails.
  let offline = true;
  await page.route('**/corpus/*/search/*.bin', (route) =>
    offline ? route.abort('connectionreset') : route.continue(),
  );
  await page.getByRole('button', { name: '顯示更多結果' }).click();
  const failed = page.locator('.search-failed');
  await expect(failed).toContainText('搜尋無法執行');
  await expect(failed.locator('.error-detail')).toContainText('network error');
  await expect(hits).toHaveCount(20);
  await expect(page.locator('.search-summary')).toHaveText(summary);
  await expect(page.locator('.search-empty')).toHaveCount(0);
  await expect(page.locator('.search-page')).toHaveAttribute('aria-busy', 'false');

  offline = false;
  await failed.getByRole('button', { name: '重試' }).click();
  await expect(hits).toHaveCount(40);
  await expect(failed).toHaveCount(0);
  await expect(page.locator('.search-summary')).toHaveText(summary);
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e).toBe('Failed to load resource: net::ERR_CONNECTION_RESET');
});

// A hit's document is titled from its catalogue page, fetched in the
// background; when that page cannot be had, the group is headed by the
// document's id — never a blank heading.
test('a result group whose catalogue page fails is headed by its id, not left blank', async ({ page }) => {
  // The last document in id order (corpus order) is on catalogue page 1,
  // which the first load does not embed.
  const set = readdirSync(join(DIST, 'corpus')).find((d) => existsSync(join(DIST, 'corpus', d, 'doc')))!;
  const ids = readdirSync(join(DIST, 'corpus', set, 'doc')).map((f) => f.replace(/\.bin$/, '')).sort();
  const last = ids[ids.length - 1];
  let blocked = 0;
  await page.route('**/corpus/*/catalogue/*.bin', (route) => {
    blocked += 1;
    return route.abort('connectionreset');
  });
  await page.goto(`./#/search?q=Quad&doc=${last}`);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  await expect.poll(() => blocked).toBeGreaterThan(0);
  await expect(page.locator('.search-group-title a')).toHaveText(last);
});
