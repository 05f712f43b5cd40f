// The wasm's chunks (src/lazy.rs): the library's first load fetches none of
// them, a page fetches only its own, and a chunk that fails to load says so
// with a Retry that works once the network is back.
import { test as base, expect, type Page } from '@playwright/test';
import { QUAD, test } from './fixtures';

// What each chunk's file is called in dist/ (postbuild.mjs hashes them).
const CHUNK = /\/split_(reader|search|glossary|help|engine|decode)-[0-9a-f]{16}\.wasm$/;

/** The chunks `page` requested, by name, in order. */
function chunksOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const m = CHUNK.exec(new URL(request.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

test.describe('without the service worker (which precaches every chunk)', () => {
  test.use({ serviceWorkers: 'block' });

  test('the library loads no chunk; a document, the glossary and a search load only their own', async ({ page }) => {
    const chunks = chunksOf(page);
    await page.goto('./');
    await expect(page.locator('.document-list > li').first()).toBeVisible();
    expect(chunks).toEqual([]);

    await page.getByRole('link', { name: QUAD.title }).click();
    await expect(page.locator('.doc-body')).toContainText('川普上任後');
    // A document's file is read by the decoding chunk, fetched beside the
    // reader's (the library reads only catalogue pages, in the first load).
    expect([...chunks].sort()).toEqual(['decode', 'reader']);

    await page.getByRole('link', { name: '詞彙表' }).first().click();
    await expect(page.locator('table.glossary-table')).toBeVisible();
    expect([...chunks].sort()).toEqual(['decode', 'glossary', 'reader']);

    const box = page.getByRole('combobox', { name: '搜尋全部文件' });
    await box.fill('AUKUS');
    await box.press('Enter');
    await expect(page.locator('.search-hit').first()).toBeVisible();
    expect([...chunks].sort()).toEqual(['decode', 'engine', 'glossary', 'reader', 'search']);
  });
});

// Unguarded: a dropped connection is logged as a console error (and the
// chunk loader logs why it failed), which is these tests' point; they check
// that nothing else is.
const unguarded = base.extend({});
unguarded.use({ serviceWorkers: 'block' });

function expectedErrors(page: Page): string[] {
  const unexpected: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    const dropped = text.includes('ERR_CONNECTION_RESET') || /Failed to fetch|NetworkError|Load failed/.test(text);
    if (!dropped) unexpected.push(text);
  });
  page.on('pageerror', (e) => unexpected.push(String(e)));
  return unexpected;
}

/** Fail the first request for `chunk`'s file, then let the rest through. */
async function failOnce(page: Page, chunk: string) {
  let failures = 0;
  await page.route(new RegExp(`/split_${chunk}-[0-9a-f]{16}\\.wasm$`), (route) => {
    if (failures === 0) {
      failures += 1;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
}

unguarded('a page whose chunk fails to load says so, and Retry loads it', async ({ page }) => {
  const unexpected = expectedErrors(page);
  await failOnce(page, 'glossary');
  await page.goto('./#/glossary');
  const failed = page.locator('[data-lazy-failed]');
  await expect(failed).toContainText('無法載入此頁');
  await expect(failed.getByRole('link', { name: '回到書庫' })).toBeVisible();
  await failed.getByRole('button', { name: '重試' }).click();
  await expect(page.locator('[data-lazy-failed]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('詞彙');
  expect(unexpected).toEqual([]);
});

unguarded('a search whose engine fails to load says so, never "no results", and Retry runs it', async ({ page }) => {
  const unexpected = expectedErrors(page);
  await failOnce(page, 'engine');
  await page.goto(`./#/search?q=${encodeURIComponent('AUKUS')}`);
  await expect(page.locator('.search-failed')).toContainText('搜尋無法執行');
  await expect(page.locator('.search-empty')).toHaveCount(0);
  await page.getByRole('button', { name: '重試' }).click();
  await expect(page.locator('.search-hit').first()).toBeVisible();
  expect(unexpected).toEqual([]);
});

unguarded('a document whose decoding chunk cannot be fetched says why, and opens once it can', async ({ page }) => {
  const unexpected = expectedErrors(page);
  let blocked = true;
  await page.route(/\/split_decode-[0-9a-f]{16}\.wasm$/, (route) =>
    blocked ? route.abort('connectionreset') : route.continue(),
  );
  await page.goto(`./#/doc/${QUAD.id}`);
  const failed = page.locator('.not-found');
  await expect(failed.getByRole('heading', { level: 1 })).toContainText('無法載入文件');
  await expect(failed.locator('.error-detail')).toContainText('could not be downloaded');
  await expect(page.locator('.doc-body')).toHaveCount(0);
  blocked = false;
  await page.reload();
  await expect(page.locator('.doc-body')).toContainText('川普上任後');
  expect(unexpected).toEqual([]);
});
