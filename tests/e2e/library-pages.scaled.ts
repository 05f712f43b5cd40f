// A corpus larger than one catalogue page, split into files: 26 documents
// (LATTICE_SCALE=13 copies of the real two; scripts/test.sh builds it into
// target/dist-scaled and runs this file against it with LATTICE_E2E_SCALED=1).
// The first screen embeds the first library page only; the second page, each
// document and the glossary are fetched when a page needs them, a deep link
// to any document works without its library page, search reads the split
// search index (never a document), and all of it works offline after one
// visit.
import { type ChildProcess } from 'node:child_process';
import { QUAD, expect, test } from './fixtures';
import { DIST, controlled, corpusRequests, port, serve, stop } from './servers';

const TOTAL = 26;
const PER_PAGE = 24;
// Ids sort the 13 chapter copies first, then the 13 analysis copies; the last
// two (`…-copy8`, `…-copy9`) are on page 2.
const ON_PAGE_2 = { id: `${QUAD.id}-copy9`, title: `${QUAD.title} (9)` };

test('the first library page costs no request beyond the app', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto('./');
  await expect(page.locator('.document-list > li')).toHaveCount(PER_PAGE);
  await expect(page.locator('.page-lede')).toContainText(`共 ${TOTAL} 篇`);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
});

test('the next library page is fetched when opened, and survives reload and back', async ({
  page,
}) => {
  const fetched = corpusRequests(page);
  await page.goto('./');
  await page.getByRole('link', { name: '下一頁 ›' }).click();
  await expect(page).toHaveURL(/#\/library\/2$/);
  await expect(page.locator('.document-list > li')).toHaveCount(TOTAL - PER_PAGE);
  await expect(page.getByRole('link', { name: ON_PAGE_2.title })).toBeVisible();
  expect(fetched).toEqual(['catalogue/1.bin']);
  await expect(page.locator('.pager [aria-current=page]')).toHaveText('2');

  await page.reload();
  await expect(page.locator('.document-list > li')).toHaveCount(TOTAL - PER_PAGE);
  await page.goBack();
  await expect(page.locator('.document-list > li')).toHaveCount(PER_PAGE);

  await page.goto('./#/library/3');
  await expect(page.locator('main.page h1')).toHaveText('找不到頁面');
  await expect(page.locator('.not-found')).toContainText('只有 2 頁');
});

test('a deep link opens a document from a later page, fetching only it and the glossary', async ({
  page,
}) => {
  const fetched = corpusRequests(page);
  await page.goto(`./#/doc/${ON_PAGE_2.id}/p3`);
  await expect(page.locator('h1.doc-title')).toHaveText(ON_PAGE_2.title);
  await expect(page.locator('#p3')).toHaveClass(/is-target/);
  expect(fetched.sort()).toEqual([`doc/${ON_PAGE_2.id}.bin`, 'glossary.bin']);
});

test('a deep link to a document that does not exist says so', async ({ page }) => {
  await page.goto('./#/doc/no-such-document');
  await expect(page.locator('main.page h1')).toHaveText('找不到頁面');
  await expect(page.locator('.not-found')).toContainText('no-such-document');
});

test('search finds documents on later pages too, without fetching them', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto(`./#/search?q=${encodeURIComponent('四方安全對話')}`);
  await expect(page.locator('.search-summary')).toContainText(`${TOTAL} 篇文件`);
  await page.goto(
    `./#/search?q=${encodeURIComponent('四方安全對話')}&doc=${encodeURIComponent(ON_PAGE_2.id)}`,
  );
  await expect(page.locator('.search-summary')).toContainText('1 篇文件');
  // The filter names the chosen document, though its catalogue page was
  // not at hand before the search.
  await expect(page.locator('select.search-doc option:checked')).toHaveText(ON_PAGE_2.title);
  expect(fetched.filter((p) => p.startsWith('doc/'))).toEqual([]);
  const hit = page.locator('a.search-hit-link').first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.locator('h1.doc-title')).toHaveText(ON_PAGE_2.title);
});

test('the glossary page fetches the lexicon of the glossary alone', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto('./#/glossary');
  await expect(page.locator('main.page h1')).toHaveText('詞彙表');
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual(['glossary.bin']);
});

test.describe('offline', () => {
  // Many reloads, the network off: past 30 s on a busy machine.
  test.setTimeout(90_000);
  const own = port(10);
  test.use({ baseURL: `http://127.0.0.1:${own}/` });
  let server: ChildProcess;
  test.beforeEach(async () => {
    server = await serve(DIST, own);
  });
  test.afterEach(async () => stop(server));

  test('after one visit, later pages, any document and search work with the network off', async ({
    page,
    context,
  }) => {
    await page.goto('./');
    await controlled(page);
    await stop(server);
    await context.setOffline(true);

    await page.goto('./#/library/2');
    await page.reload();
    await expect(page.locator('.document-list > li')).toHaveCount(TOTAL - PER_PAGE);
    await page.goto(`./#/doc/${ON_PAGE_2.id}`);
    await page.reload();
    await expect(page.locator('h1.doc-title')).toHaveText(ON_PAGE_2.title);
    // The worker answers for the server: no such document, not "offline".
    await page.goto('./#/doc/no-such-document');
    await page.reload();
    await expect(page.locator('.not-found')).toContainText('no-such-document');
    await page.goto(`./#/search?q=${encodeURIComponent('四方安全對話')}`);
    await page.reload();
    await expect(page.locator('a.search-hit-link').first()).toBeVisible();
    await expect(page.locator('.search-summary')).toContainText(`${TOTAL} 篇文件`);
  });
});

test('a damaged document file gives a calm message with a way back, not a blank page', async ({
  page,
}) => {
  // What a misconfigured host might serve under the file's name.
  await page.route('**/corpus/*/doc/*.bin', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>oops</p>' }),
  );
  await page.goto(`./#/doc/${ON_PAGE_2.id}`);
  await expect(page.locator('main.page h1')).toHaveText('無法載入文件');
  await expect(page.locator('.error-detail')).toContainText(`doc/${ON_PAGE_2.id}.bin`);
  await page.getByRole('link', { name: '回到書庫' }).click();
  await expect(page.locator('.document-list > li')).toHaveCount(PER_PAGE);
});

test('typing before the index files arrive says it is searching, then lists hits', async ({
  page,
}) => {
  // Slow search index files, so the box is used while they are on their way.
  await page.route('**/corpus/*/search/*.bin', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto('./');
  await expect(page.locator('.document-list > li')).toHaveCount(PER_PAGE);
  await page.keyboard.press('/');
  await page.keyboard.type('四方安全對話');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toContainText('搜尋中');
  await expect(listbox).not.toContainText('找不到');
  await expect(listbox.getByRole('option').nth(1)).toBeVisible({ timeout: 30_000 });
  await expect(listbox).toContainText('查看全部');
});
