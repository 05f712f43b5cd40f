// Sorting and filtering a library larger than one catalogue page, from the
// facets built ahead of time (lattice_core::catalogue::facets): 26 documents
// (LATTICE_SCALE=13 copies of the real two; scripts/test.sh builds it into
// target/dist-scaled and runs this file with LATTICE_E2E_SCALED=1). The
// view is in the URL, so it survives a reload; it costs the facets' head, the
// parts of them the view needs (its order, its filters' lists) and the
// catalogue pages that hold the shown entries, and never a document.
import type { Page } from '@playwright/test';
import { CHAPTER, QUAD, expect, test } from './fixtures';
import { corpusRequests } from './servers';

const COPIES = 13;

const titles = (page: Page) => page.locator('.document-list .card-title').allInnerTexts();
const cards = (page: Page) => page.locator('.document-list > li');

test('a filter and an order from the URL survive reload, fetching no document', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto('./#/library/1?sort=title-asc&kind=web-analysis');
  await expect(cards(page)).toHaveCount(COPIES);
  await expect(page.locator('.page-lede')).toContainText(`符合條件 ${COPIES} 篇`);
  const shown = await titles(page);
  // Folded title order: the original, then its copies " (1)", " (10)" … " (9)".
  expect(shown[0]).toBe(QUAD.title);
  expect(shown[1]).toBe(`${QUAD.title} (1)`);
  expect(shown[2]).toBe(`${QUAD.title} (10)`);
  expect(shown.at(-1)).toBe(`${QUAD.title} (9)`);
  expect(shown.every((t) => t.startsWith(QUAD.title))).toBe(true);
  await page.waitForLoadState('networkidle');
  // The analyses are ids 13–25: page 0 is embedded, page 1 fetched; the
  // facets' head, and two of its parts: the title order and the kinds' lists.
  expect(fetched.filter((p) => !p.startsWith('facets/')).sort()).toEqual(['catalogue/1.bin', 'facets.bin']);
  expect(fetched.filter((p) => /^facets\/[0-9a-f]{16}\.bin$/.test(p))).toHaveLength(2);

  await page.reload();
  await expect(cards(page)).toHaveCount(COPIES);
  await expect(page.locator('#lattice-sort')).toHaveValue('title-asc');
  await expect(page.locator('#lattice-filter-kind')).toHaveValue('web-analysis');
  expect((await titles(page))[0]).toBe(QUAD.title);
});

test('the controls change the URL; both directions of an order', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page)).toHaveCount(24);
  await page.locator('#lattice-sort').selectOption('title-desc');
  await expect(page).toHaveURL(/#\/library\/1\?sort=title-desc$/);
  // Z to A: the analyses ("川…") after the chapters ("印…") when ascending,
  // so descending starts with the last analysis copy.
  await expect(cards(page).first()).toContainText(`${QUAD.title} (9)`);
  await expect(cards(page)).toHaveCount(24);

  await page.locator('#lattice-filter-kind').selectOption('book-chapter');
  await expect(page).toHaveURL(/sort=title-desc&kind=book-chapter$/);
  await expect(cards(page)).toHaveCount(COPIES);
  await expect(cards(page).first()).toContainText(`${CHAPTER.title} (9)`);
  await expect(cards(page).last()).toContainText(CHAPTER.title);

  await page.locator('#lattice-sort').selectOption('title-asc');
  await expect(cards(page).first()).toContainText(CHAPTER.title);
  await expect(cards(page).first()).not.toContainText(`${CHAPTER.title} (`);

  await page.getByRole('link', { name: '清除篩選' }).click();
  await expect(page).toHaveURL(/#\/library\/1\?sort=title-asc$/);
  await expect(cards(page)).toHaveCount(24);
});

test('year and author filters, newest first, and a filter nobody matches', async ({ page }) => {
  await page.goto('./#/library/1?sort=date-desc&year=2025');
  await expect(page.locator('.page-lede')).toContainText('符合條件');
  // Every entry shown once the catalogue pages that hold them are here.
  await expect(page.locator('section.library')).toHaveAttribute('aria-busy', 'false');
  const dated = await cards(page).count();
  expect(dated).toBeGreaterThanOrEqual(COPIES);
  // Every analysis is dated 2025.07.04.
  await page.goto('./#/library/1?sort=date-desc&year=2025&author=%E6%9E%97%E6%9F%8F%E5%B7%9E');
  await expect(cards(page)).toHaveCount(COPIES);
  await expect(page.locator('#lattice-filter-author')).toHaveValue('林柏州');
  await page.goto('./#/library/1?year=1999');
  await expect(page.locator('.page-lede')).toHaveText('沒有符合篩選條件的文件。');
  await expect(cards(page)).toHaveCount(0);
});
