// Search in a split corpus (LATTICE_SCALE=13: 26 documents, 13 copies of each
// real one; scripts/test.sh builds it into target/dist-scaled and runs this
// file with LATTICE_E2E_SCALED=1) reads the split search index built ahead of
// time: it fetches index files and the texts of the shown hits only, never a
// document, and its counts are the whole corpus's — here, 13 times what the
// in-memory search of the real two documents finds (`lattice search --json`
// on corpus/, the independent answer). An index file that fails to load or
// is damaged gives a calm message and a retry, never "no results".
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as unguarded } from '@playwright/test';
import { expect, test } from './fixtures';
import { DIST, corpusRequests } from './servers';

const COPIES = 13;

/** How many files the built split search index has. */
function indexFiles(): number {
  const corpus = join(DIST, 'corpus');
  const set = readdirSync(corpus).find((d) => existsSync(join(corpus, d, 'search')))!;
  return readdirSync(join(corpus, set, 'search')).length;
}

type Counts = { documents: number; passages: number; occurrences: number };

/** The CLI: LATTICE_CLI, the debug build the native tests made, or cargo's. */
function cli(): [string, string[]] {
  const built = process.env.LATTICE_CLI ?? 'target/debug/lattice';
  if (existsSync(built)) return [built, []];
  return ['cargo', ['run', '-q', '-p', 'lattice-cli', '--']];
}

/** What the CLI's in-memory search of the real corpus finds for `query`. */
function realCorpus(query: string, glossary = true): Counts {
  const [program, prefix] = cli();
  const args = [...prefix, 'search', '--json', '--color', 'never', '--corpus', 'corpus'];
  if (!glossary) args.push('--no-glossary');
  const out = execFileSync(program, [...args, query], { encoding: 'utf8', timeout: 600_000 });
  const found = JSON.parse(out);
  return {
    documents: found.per_document.length,
    passages: found.total,
    occurrences: found.occurrences,
  };
}

const summary = (c: Counts) =>
  `${c.documents * COPIES} 篇文件、${c.passages * COPIES} 個段落、${c.occurrences * COPIES} 處相符`;

/** Search from the box and wait for the results page's answer. */
async function search(page: Page, query: string) {
  await page.goto('./');
  await expect(page.locator('.document-list > li').first()).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/search\?q=/);
}

/** Only index files, the glossary and catalogue pages: never a document. */
function expectNoDocuments(fetched: string[]) {
  expect(fetched.length).toBeGreaterThan(0);
  for (const path of fetched) {
    expect(path).toMatch(/^(search\/([0-9a-f]{16}|meta)\.bin|glossary\.bin|catalogue\/\d+\.bin)$/);
  }
}

test.setTimeout(120_000);

for (const [name, query, glossary] of [
  ['a Simplified query folded to the Traditional text', '四方安全对话', true],
  ['a full-width query', 'ＡＵＫＵＳ', true],
  ['an OR query', '關鍵礦產 OR 稀土', true],
  ['a phrase with an exclusion', '"印太" -日本', true],
  ['a glossary term, expanded', 'Rubio', true],
  ['a glossary term, not expanded', 'Rubio', false],
] as const) {
  test(`${name} fetches index files only, with the whole corpus's counts`, async ({ page }) => {
    const expected = realCorpus(query, glossary);
    expect(expected.passages).toBeGreaterThan(0);
    const fetched = corpusRequests(page);
    if (glossary) {
      await search(page, query);
    } else {
      await page.goto(`./#/search?q=${encodeURIComponent(query)}&glossary=0`);
    }
    await expect(page.locator('.search-summary')).toContainText(summary(expected));
    const shown = Math.min(20, expected.passages * COPIES);
    await expect(page.locator('.search-hit')).toHaveCount(shown);
    await expect(page.locator('.search-snippet mark').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expectNoDocuments(fetched);
    // A fraction of the index: the postings its terms need and the texts
    // of the shown hits, not the whole index.
    const read = new Set(fetched.filter((p) => p.startsWith('search/')));
    expect(read.size).toBeLessThan(indexFiles() / 2);
  });
}

test('glossary expansion marks the other-language forms and says why', async ({ page }) => {
  await search(page, 'Rubio');
  await expect(page.locator('.search-snippet mark', { hasText: '魯比歐' }).first()).toBeVisible();
  await expect(page.locator('.search-expansions')).toContainText('魯比歐');
});

test('typing on reuses the files fetched: no index file is requested twice', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto(`./#/search?q=${encodeURIComponent('四方安全')}`);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  const box = page.locator('#lattice-search-input');
  // On, back to a query answered before, and on again.
  for (const query of ['四方安全對話', '四方安全', '四方安全對話', '四方']) {
    await box.fill(query);
    await expect(page.locator('.search-summary')).toContainText(`「${query}」`);
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  const index = fetched.filter((p) => p.startsWith('search/'));
  expect(index.length).toBeGreaterThan(0);
  expect(index.length, 'a file requested twice').toBe(new Set(index).size);
  expectNoDocuments(fetched);
});

test('more results lists the next hits, fetching only their texts', async ({ page }) => {
  const expected = realCorpus('四方安全對話');
  expect(expected.passages * COPIES).toBeGreaterThan(40);
  await page.goto(`./#/search?q=${encodeURIComponent('四方安全對話')}`);
  await expect(page.locator('.search-hit')).toHaveCount(20);
  const fetched = corpusRequests(page);
  await page.getByRole('button', { name: '顯示更多結果' }).click();
  await expect(page.locator('.search-hit')).toHaveCount(40);
  await expect(page.locator('.search-summary')).toContainText(summary(expected));
  await page.waitForLoadState('networkidle');
  expectNoDocuments(fetched);
});

test('a hit opens its document at the passage, matches marked', async ({ page }) => {
  await page.goto(`./#/search?q=${encodeURIComponent('關鍵礦產')}&scope=body`);
  const hit = page.locator('a.search-hit-link[href*="/p"]').first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/#\/doc\/[\w-]+\/p\d+\?q=/);
  await expect(page.locator('.doc-body .is-target')).toBeInViewport();
  const current = page.locator('mark.hit.is-current');
  await expect(current).toHaveText('關鍵礦產');
  await expect(page.locator('.match-nav-count')).toHaveText(/^\d+ \/ \d+$/);
});

test.describe('a search index file that cannot be read', () => {
  // The service worker would answer from its cache, past page.route.
  test.use({ serviceWorkers: 'block' });

  test('a damaged file says the search could not run, and Retry runs it', async ({ page }) => {
    let damaged = 0;
    // What a misconfigured host might serve: the first postings or texts
    // file requested is not an index file; later requests are served.
    await page.route('**/corpus/*/search/*.bin', async (route) => {
      if (!route.request().url().endsWith('/meta.bin') && damaged === 0) {
        damaged += 1;
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>oops</p>' });
      }
      return route.continue();
    });
    await page.goto(`./#/search?q=${encodeURIComponent('四方安全對話')}`);
    const failed = page.locator('.search-failed');
    await expect(failed).toContainText('搜尋無法執行');
    await expect(page.locator('.search-empty')).toHaveCount(0);
    await expect(page.locator('.search-summary')).toHaveCount(0);
    await page.getByRole('button', { name: '重試' }).click();
    await expect(failed).toHaveCount(0);
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await expect(page.locator('.search-summary')).toContainText(summary(realCorpus('四方安全對話')));
  });

});

unguarded.describe('a search index file that does not arrive', () => {
  unguarded.use({ serviceWorkers: 'block' });
  unguarded.setTimeout(120_000);

  // Unguarded: Chromium logs the dropped connection as a console error,
  // which is this test's point; it checks that it is the only one.
  unguarded('a file that fails to load says so, and Retry fetches it again', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    let failures = 0;
    await page.route('**/corpus/*/search/*.bin', async (route) => {
      if (failures === 0) {
        failures += 1;
        // A dropped connection.
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto(`./#/search?q=${encodeURIComponent('AUKUS')}`);
    await expect(page.locator('.search-failed')).toContainText('無法載入');
    await expect(page.locator('.search-failed .error-detail')).toContainText('network error');
    await expect(page.locator('.search-empty')).toHaveCount(0);
    await page.getByRole('button', { name: '重試' }).click();
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await expect(page.locator('.search-summary')).toContainText(summary(realCorpus('AUKUS')));
    expect(errors).toEqual(['Failed to load resource: net::ERR_CONNECTION_RESET']);
  });
});
