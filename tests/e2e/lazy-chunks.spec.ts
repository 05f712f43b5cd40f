// The wasm's chunks (src/lazy.rs): the library's first load fetches none of
// them, a page fetches only its own, and a chunk that fails to load says so
// with a Retry that works once the network is back. Each page's rules
// (src/styles.rs) come with its code, and the page is drawn only once they
// are in.
import { test as base, expect, type Page } from '@playwright/test';
import { QUAD, test } from './fixtures';

// What each chunk's file is called in dist/ (postbuild.mjs hashes them).
const CHUNK = /\/split_(reader|search|glossary|help|engine|decode|facets|suggest|lexicon)-[0-9a-f]{16}\.wasm$/;

// Each lazy page's stylesheet, merged by postbuild.mjs.
const PAGE_CSS = /\/page-(reader|search|glossary|help)-[0-9a-f]{16}\.css$/;
const pageCss = (name: string) => new RegExp(`/page-${name}-[0-9a-f]{16}\\.css$`);

/** The chunks `page` requested, by name, in order. */
function chunksOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    const m = CHUNK.exec(path);
    if (m) seen.push(m[1]);
    const css = PAGE_CSS.exec(path);
    if (css) seen.push(`${css[1]}.css`);
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
    // One stylesheet, the first page's, and each other page's named only.
    await expect(page.locator('link[rel=stylesheet]')).toHaveCount(1);
    for (const name of ['reader', 'search', 'glossary', 'help']) {
      await expect(page.locator(`meta[name=lattice-page-css][data-page=${name}]`)).toHaveAttribute('content', pageCss(name));
    }

    await page.getByRole('link', { name: QUAD.title }).click();
    await expect(page.locator('.doc-body')).toContainText('川普上任後');
    // A document's file is read by the decoding chunk, fetched beside the
    // reader's (the library reads only catalogue pages, in the first load),
    // the glossary's lexicon by a chunk of its own, and the reader's rules
    // come with them.
    expect([...chunks].sort()).toEqual(['decode', 'lexicon', 'reader', 'reader.css']);
    // The reader's layout is reader.css's: a grid (a block unstyled).
    await expect(page.locator('.reader')).toHaveCSS('display', 'grid');

    await page.getByRole('link', { name: '詞彙表' }).first().click();
    await expect(page.locator('table.glossary-table')).toBeVisible();
    // Its own rules (its breadcrumb and tables too: the glossary.css file
    // has them), linked beside the reader's.
    expect([...chunks].sort()).toEqual(['decode', 'glossary', 'glossary.css', 'lexicon', 'reader', 'reader.css']);
    await expect(page.locator('link[rel=stylesheet]')).toHaveCount(3);
    await expect(page.locator('table.glossary-table')).toHaveCSS('border-collapse', 'collapse');

    const box = page.getByRole('combobox', { name: '搜尋全部文件' });
    await box.fill('AUKUS');
    await box.press('Enter');
    await expect(page.locator('.search-hit').first()).toBeVisible();
    // The box's list of suggestions came with its focus; the results page
    // fetched the engine and its own chunk and rules, never the library's
    // facets.
    expect([...chunks].sort()).toEqual([
      'decode', 'engine', 'glossary', 'glossary.css', 'lexicon', 'reader', 'reader.css', 'search', 'search.css', 'suggest',
    ]);
    // Each page's stylesheet linked once.
    await expect(page.locator('link[rel=stylesheet]')).toHaveCount(4);
  });

  test('a search from a fresh visit fetches the engine, the lexicon and its page: no document decoding, no other page', async ({ page }) => {
    const chunks = chunksOf(page);
    await page.goto(`./#/search?q=${encodeURIComponent('Rubio')}`);
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await expect(page.locator('.search-page')).toHaveAttribute('aria-busy', 'false');
    expect([...chunks].sort()).toEqual(['engine', 'lexicon', 'search', 'search.css']);
    // Styled by search.css: the hits are a list without bullets.
    await expect(page.locator('.search-hits').first()).toHaveCSS('list-style-type', 'none');
    // The glossary still expanded the query (the lexicon was read).
    await expect(page.locator('.search-expansions')).toContainText('魯比歐');

    // A hit opens its document: the reader's code and rules, the bar that
    // steps through the matches styled by them (it was search.css's).
    await page.locator('.search-hit-link').first().click();
    await expect(page.locator('.match-nav')).toBeVisible();
    await expect(page.locator('.match-nav')).toHaveCSS('position', 'fixed');
    expect(chunks).toContain('reader.css');
    expect(chunks).toContain('decode');
  });

  test('a page opened first has every rule it shares with another page', async ({ page }) => {
    const chunks = chunksOf(page);
    await page.goto(`./#/glossary/${encodeURIComponent('Marco Rubio')}`);
    await expect(page.locator('.entry-en')).toContainText('Marco Rubio');
    expect(chunks.filter((c) => c.endsWith('.css'))).toEqual(['glossary.css']);
    // breadcrumb.css's rules (the reader's too): sans-serif and small.
    await expect(page.locator('.breadcrumb')).toHaveCSS('font-size', '14px');
    await page.goto('./#/glossary');
    // tables.css's rules (the help page's too).
    await expect(page.locator('table.glossary-table')).toHaveCSS('border-collapse', 'collapse');
  });

  test('a page waits for its rules: never drawn unstyled, however slow they are', async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(pageCss('reader'), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`./#/doc/${QUAD.id}`);
    // The module and the document are in long before; the page is not drawn.
    await expect(page.locator('.corpus-loading')).toBeVisible();
    await page.waitForTimeout(1500);
    await expect(page.locator('.doc-body')).toHaveCount(0);
    // The reader's layout as it is the moment the page enters the DOM.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { firstDisplay: string[] }).firstDisplay = seen;
      new MutationObserver(() => {
        const reader = document.querySelector('.reader');
        if (reader && seen.length === 0) seen.push(getComputedStyle(reader).display);
      }).observe(document.body, { childList: true, subtree: true });
    });
    release();
    await expect(page.locator('.doc-body')).toContainText('川普上任後');
    // Styled from its first frame: the grid is reader.css's (a block unstyled).
    const first = await page.evaluate(() => (window as unknown as { firstDisplay: string[] }).firstDisplay);
    expect(first).toEqual(['grid']);
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

unguarded('a page whose rules fail to load says so, and Retry fetches them', async ({ page }) => {
  const unexpected = expectedErrors(page);
  let failures = 0;
  await page.route(pageCss('help'), (route) => {
    if (failures === 0) {
      failures += 1;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.goto('./#/help');
  const failed = page.locator('[data-lazy-failed]');
  await expect(failed).toContainText('無法載入此頁');
  // The failed link is taken out, so Retry links the file anew.
  await expect(page.locator('link[data-lattice-page]')).toHaveCount(0);
  await failed.getByRole('button', { name: '重試' }).click();
  await expect(page.locator('[data-lazy-failed]')).toHaveCount(0);
  // tables.css's table, in the help page's file (unstyled, its borders stay
  // separate).
  await expect(page.locator('.help-table').first()).toHaveCSS('border-collapse', 'collapse');
  await expect(page.locator('link[data-lattice-page=help]')).toHaveCount(1);
  expect(failures).toBe(1);
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

unguarded('the search box says so when the engine cannot be fetched, and lists hits once it can', async ({ page }) => {
  const unexpected = expectedErrors(page);
  let blocked = true;
  await page.route(/\/split_engine-[0-9a-f]{16}\.wasm$/, (route) =>
    blocked ? route.abort('connectionreset') : route.continue(),
  );
  await page.goto('./');
  const box = page.getByRole('combobox', { name: '搜尋全部文件' });
  await box.fill('AUKUS');
  const list = page.getByRole('listbox', { name: '搜尋建議' });
  // The list's options are the engine's chunk's: without it, one option
  // that says why, never "nothing found".
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('搜尋索引無法載入');
  // Enter opens the results page, which offers Retry.
  await box.press('Enter');
  await expect(page.locator('.search-failed')).toContainText('搜尋無法執行');
  blocked = false;
  await page.getByRole('button', { name: '重試' }).click();
  await expect(page.locator('.search-hit').first()).toBeVisible();
  // Back in the library (on the results page the box drives the page and
  // lists nothing), the box lists hits.
  await page.getByRole('link', { name: '書庫' }).first().click();
  await expect(page.locator('.document-list > li').first()).toBeVisible();
  await box.focus();
  await box.fill('AUKUS');
  await expect(list.getByRole('option').nth(1)).toBeVisible();
  // A hit, its match marked (AUKUS or, by the glossary, its Chinese name).
  await expect(list.locator('li.search-option:not(.search-option-all) mark').first()).toBeVisible();
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

unguarded('a search whose lexicon-reading chunk cannot be fetched says why, never "no results", and runs once it can', async ({ page }) => {
  const unexpected = expectedErrors(page);
  let blocked = true;
  await page.route(/\/split_lexicon-[0-9a-f]{16}\.wasm$/, (route) =>
    blocked ? route.abort('connectionreset') : route.continue(),
  );
  await page.goto(`./#/search?q=${encodeURIComponent('Rubio')}`);
  const failed = page.locator('.not-found');
  await expect(failed.locator('.error-detail')).toContainText('glossary.bin: the code that reads this file could not be downloaded');
  await expect(page.locator('.search-empty')).toHaveCount(0);
  blocked = false;
  await page.reload();
  await expect(page.locator('.search-hit').first()).toBeVisible();
  await expect(page.locator('.search-expansions')).toContainText('魯比歐');
  expect(unexpected).toEqual([]);
});
