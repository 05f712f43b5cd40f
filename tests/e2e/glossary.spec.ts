// The glossary as a reader and a translator use it: the page (filter by
// Traditional, Simplified, English or abbreviation; sort; occurrences linked
// into the text; CSV and TBX downloads), term marks in the reader with the
// same popover as notes, and bilingual mode.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHAPTER, expect, test } from './fixtures';

const rows = (page: Page) => page.locator('.glossary-table tbody tr');
const popover = (page: Page) => page.locator('#lattice-popover');

test('the glossary lists every entry and filters by any form, folded', async ({ page }) => {
  await page.goto('./#/glossary');
  await expect(page.getByRole('heading', { level: 1, name: '詞彙表' })).toBeVisible();
  const total = await rows(page).count();
  expect(total).toBeGreaterThan(50);
  const filter = page.getByRole('searchbox');
  for (const query of ['四方安全對話', '四方安全对话', 'quadrilateral', 'Quad']) {
    await filter.fill(query);
    await expect.poll(() => rows(page).count(), query).toBeLessThan(total);
    await expect(rows(page).filter({ hasText: 'Quadrilateral Security Dialogue' }), query).toHaveCount(1);
  }
  await filter.fill('NPT');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('核武不擴散條約');
  await expect(rows(page).first()).toContainText('Non-Proliferation Treaty');
  // An alias finds its entry: the papers write Rubio two ways.
  await filter.fill('盧比歐');
  await expect(rows(page).filter({ hasText: 'Rubio' })).toHaveCount(1);
  await filter.fill('zzzz-nothing');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.locator('.glossary-count')).toContainText('0');
});

test('the glossary sorts by English, Chinese, kind and count', async ({ page }) => {
  await page.goto('./#/glossary');
  await expect(rows(page).first()).toBeVisible();
  const english = async () => (await page.locator('.g-en').allTextContents()).map((s) => s.toLowerCase());
  const en = await english();
  expect(en).toEqual([...en].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
  await page.getByRole('button', { name: '出現' }).click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('出現');
  const counts = (await page.locator('.g-count summary').allTextContents()).map((s) => parseInt(s, 10));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts[0]).toBeGreaterThan(10);
  await page.getByRole('button', { name: '類別' }).click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('類別');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('中文');
});

test('occurrences link into the text', async ({ page }) => {
  await page.goto('./#/glossary');
  await page.getByRole('searchbox').fill('Quadrilateral Security Dialogue');
  const row = rows(page).first();
  await row.locator('summary').click();
  const link = row.locator('.occ-list a').first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^#\/doc\/[\w-]+\/[a-z]+\d+$/);
  await link.click();
  const anchor = href.split('/').pop()!;
  await expect(page.locator(`#${anchor}`)).toHaveClass(/is-target/);
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
});

test('the glossary downloads as CSV and as well-formed TBX', async ({ page }) => {
  await page.goto('./#/glossary');
  await expect(rows(page).first()).toBeVisible();
  const total = await rows(page).count();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下載 CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('lattice-glossary.csv');
  const text = readFileSync((await csv.path())!, 'utf8');
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('zh,zh_variants,en,abbr,kind,count');
  expect(lines).toHaveLength(total + 1);
  expect(text).toContain('四方安全對話,,Quadrilateral Security Dialogue,Quad,mechanism,');

  const [tbx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下載 TBX' }).click(),
  ]);
  expect(tbx.suggestedFilename()).toBe('lattice-glossary.tbx');
  const xml = readFileSync((await tbx.path())!, 'utf8');
  const checked = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      type: root.getAttribute('type'),
      style: root.getAttribute('style'),
      entries: doc.getElementsByTagNameNS('urn:iso:std:iso:30042:ed-2', 'conceptEntry').length,
      langs: [...new Set([...doc.getElementsByTagName('langSec')].map((l) => l.getAttribute('xml:lang')))],
    };
  }, xml);
  expect(checked).toEqual({
    errors: 0,
    root: 'tbx',
    ns: 'urn:iso:std:iso:30042:ed-2',
    type: 'TBX-Basic',
    style: 'dca',
    entries: total,
    langs: ['en', 'zh-Hant'],
  });
});

test('marked terms open their translation in the popover', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.locator('.doc-body .term')).toHaveCount(0);
  await page.getByRole('button', { name: '標示詞彙' }).click();
  const terms = page.locator('.doc-body .term');
  await expect.poll(() => terms.count()).toBeGreaterThan(50);
  const quad = page.locator('.doc-body .term', { hasText: '四方安全對話' }).first();
  await quad.scrollIntoViewIfNeeded();
  await quad.hover();
  await expect(popover(page)).toHaveAttribute('data-kind', 'term');
  await expect(popover(page)).toContainText('Quadrilateral Security Dialogue');
  await expect(popover(page)).toContainText('Quad');
  await expect(quad).toHaveAttribute('aria-expanded', 'true');
  await page.mouse.move(1, 1);
  await expect(popover(page)).toHaveCount(0);

  // Keyboard: Enter opens it, Escape closes it and focus stays on the term.
  await quad.focus();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(popover(page)).toContainText('Quadrilateral Security Dialogue');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect(quad).toBeFocused();
  // The switch is remembered.
  await page.reload();
  await expect.poll(() => page.locator('.doc-body .term').count()).toBeGreaterThan(50);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('tapping a term shows its translation', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}/p1`);
    await page.getByRole('button', { name: '標示詞彙' }).tap();
    const term = page.locator('#p1 .term').first();
    await term.tap();
    await expect(popover(page)).toHaveAttribute('data-kind', 'term');
    const box = (await popover(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await term.tap();
    await expect(popover(page)).toHaveCount(0);
  });
});

test('bilingual mode shows the English beside Chinese terms', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await page.getByRole('button', { name: '雙語對照' }).click();
  // Bilingual mode glosses the terms without switching their marks on.
  await expect(page.getByRole('button', { name: '標示詞彙' })).toHaveAttribute('aria-pressed', 'false');
  const glosses = page.locator('.doc-body .term-gloss');
  await expect.poll(() => glosses.count()).toBeGreaterThan(20);
  // 小多邊主義 carries mini-lateralism, where the text does not already say so.
  const zh = page.locator('.doc-body .term-bilingual', { hasText: '小多邊主義' }).first();
  await expect(zh.locator('.term-gloss')).toHaveText('mini-lateralism');
  await expect(zh.locator('.term-gloss')).toHaveAttribute('lang', 'en');
  // The first section: a definition `小多邊主義（mini-lateralism）` is not glossed twice.
  const p1 = page.locator('#p1');
  await expect(p1.locator('.term', { hasText: '小多邊主義' }).first().locator('.term-gloss')).toHaveCount(0);
  // Text selection and search are unaffected: the paragraph's own text is intact.
  await expect(p1).toContainText('小多邊主義（mini-lateralism）');
  await page.getByRole('button', { name: '雙語對照' }).click();
  await expect(glosses).toHaveCount(0);
});
