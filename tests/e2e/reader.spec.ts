// What a reader does with the release build served by a plain static host:
// browse the library, open a document, follow a note, reload a deep link,
// mistype an address, and use the app from a sub-path.
import { CHAPTER, QUAD, expect, test } from './fixtures';

test('the library lists both documents with author, date and kind', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '書庫' })).toBeVisible();
  const entries = page.locator('.document-list > li');
  await expect(entries).toHaveCount(2);
  await expect(page.getByRole('link', { name: QUAD.title })).toBeVisible();
  await expect(page.getByRole('link', { name: CHAPTER.title })).toBeVisible();
  const quad = entries.filter({ hasText: QUAD.title });
  await expect(quad).toContainText('林柏州');
  await expect(quad).toContainText('2025年7月4日');
  await expect(quad).toContainText('網路評析');
  await expect(entries.filter({ hasText: CHAPTER.title })).toContainText('專書章節');
  await expect(page).toHaveTitle('書庫 · Lattice 印太安全研究讀本');
});

test('opening a document shows its title and body, and back returns', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: QUAD.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${QUAD.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUAD.title);
  await expect(page.locator('.doc-body')).toContainText('川普上任後');
  expect(await page.locator('.doc-body p').count()).toBeGreaterThan(5);
  await expect(page.locator('.doc-body h2').first()).toBeVisible();
  await expect(page).toHaveTitle(`${QUAD.title} · Lattice 印太安全研究讀本`);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '書庫' })).toBeVisible();
});

test('a note reference leads to its note, and the note leads back', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHAPTER.title);
  await page.locator('.doc-body sup.noteref a').first().click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/n1$`));
  const note = page.locator('li#n1');
  await expect(note).toHaveClass(/is-target/);
  await expect(note).toBeInViewport();
  await expect(note).toContainText('Minilateralism');

  await note.locator('a.backref').first().click();
  await expect(page.locator('.doc-body .is-target')).toBeInViewport();
});

test('a note the source cites but lacks says so plainly', async ({ page }) => {
  // The scraped web analysis keeps note 1's text but not note 2's.
  await page.goto(`./#/doc/${QUAD.id}/n2`);
  await expect(page.locator('li#n2')).toContainText('原文未收錄此註內容');
  await expect(page.locator('li#n1')).toContainText('Joint Statement');
});

test('a deep link survives a reload', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/n5`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHAPTER.title);
  await expect(page.locator('li#n5')).toBeInViewport();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHAPTER.title);
  await expect(page.locator('li#n5')).toHaveClass(/is-target/);
  await expect(page.locator('li#n5')).toBeInViewport();
});

test('an unknown route shows a not-found page with a way back', async ({ page }) => {
  await page.goto('./#/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到頁面');
  await page.getByRole('link', { name: '回到書庫' }).click();
  await expect(page.locator('.document-list > li')).toHaveCount(2);

  await page.goto('./#/doc/no-such-document');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到頁面');
  await expect(page.locator('.not-found')).toContainText('no-such-document');
});

test('the same build works under the /lattice/ sub-path', async ({ page }) => {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  await page.goto('./lattice/');
  await expect(page.locator('.document-list > li')).toHaveCount(2);
  await page.getByRole('link', { name: CHAPTER.title }).click();
  await expect(page).toHaveURL(new RegExp(`/lattice/#/doc/${CHAPTER.id}$`));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHAPTER.title);
  expect(paths.length).toBeGreaterThan(3);
  expect(paths.filter((p) => !p.startsWith('/lattice/')), 'requests outside /lattice/').toEqual([]);
});

test('the page is in Traditional Chinese', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
});
