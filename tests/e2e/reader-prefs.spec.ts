// The reader's page and preferences: metadata header, contents that follow
// the reading position, deep links (reload, unknown anchors, link copy), the
// reading position offered on return, Simplified display, themes (system and
// chosen), interface language, font size — kept across visits — a phone
// viewport and the print stylesheet.
import { CHAPTER, QUAD, expect, test } from './fixtures';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the header shows kind, part and chapter, title, author and author note', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const header = page.locator('.doc-header');
  await expect(header.locator('h1')).toHaveText(CHAPTER.title);
  await expect(header).toContainText('專書章節');
  await expect(header).toContainText('PART 1');
  await expect(header).toContainText('第一章');
  await expect(header.locator('.authors')).toContainText('李俊毅');
  await expect(header.locator('.author-note')).toBeVisible();

  await page.goto(`./#/doc/${QUAD.id}`);
  await expect(page.locator('.doc-header time')).toHaveText('2025年7月4日');
  await expect(page.locator('.doc-header .keywords li').first()).toBeVisible();
});

test('the contents list the sections and mark the one being read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.locator('h1')).toHaveText(CHAPTER.title);
  const toc = page.locator('nav.toc');
  // One entry per heading, then the notes (cite.spec.ts).
  await expect(toc.locator('li:not(.toc-notes) a')).toHaveCount(await page.locator('.doc-body :is(h2,h3,h4,h5)').count());
  await expect(toc.locator('a[aria-current="location"]')).toHaveCount(0);
  const heading = page.locator('.doc-body h3').first();
  const id = await heading.getAttribute('id');
  await heading.evaluate((el) => el.scrollIntoView());
  await page.evaluate(() => window.scrollBy(0, 40));
  await expect(toc.locator(`a[href$="/${id}"]`)).toHaveAttribute('aria-current', 'location');
  // Following an entry goes to its heading.
  await toc.locator('a').last().click();
  const last = await toc.locator('a').last().getAttribute('href');
  await expect(page.locator(`#${last!.split('/').pop()}`)).toBeInViewport();
});

test('a deep link to a paragraph marks it and survives a reload', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/p12`);
  await expect(page.locator('p#p12')).toHaveClass(/is-target/);
  await expect(page.locator('p#p12')).toBeInViewport();
  await page.reload();
  await expect(page.locator('p#p12')).toHaveClass(/is-target/);
  await expect(page.locator('p#p12')).toBeInViewport();
  // Headings and notes have addresses too.
  await page.goto(`./#/doc/${CHAPTER.id}/h2`);
  await expect(page.locator('#h2')).toHaveClass(/is-target/);
});

test('an anchor the document does not have gets a calm message', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/p999`);
  await expect(page.locator('.anchor-lost')).toContainText('在此文件中找不到');
  await expect(page.locator('.anchor-lost')).toContainText('p999');
  await expect(page.locator('h1')).toHaveText(CHAPTER.title);
});

test('each paragraph copies its own link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const button = page.locator('p#p2 button.copy-link');
  await expect(button).toHaveAccessibleName('複製本段連結');
  await button.click();
  await expect(page.locator('p#p2 .copy-status')).toHaveText('已複製連結');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/doc/${CHAPTER.id}/p2$`));
});

test('the reading position is remembered and offered on return', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.locator('.resume')).toHaveCount(0);
  await page.locator('p#p20').evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(400);
  await page.goto('./#/');
  await expect(page.locator('.document-list')).toBeVisible();
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const offer = page.locator('.resume');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '繼續閱讀' }).click();
  await expect(page.locator('p#p20')).toBeInViewport();
  await expect(offer).toHaveCount(0);
});

test('Simplified display changes the text shown, never the source', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const toggle = page.getByRole('button', { name: '簡體顯示' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('h1')).toHaveText('印太地區小多邊主義的現況與前景');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('h1')).toHaveText('印太地区小多边主义的现况与前景');
  await expect(page.locator('p#p1')).toContainText('小多边主义');
  await expect(page.locator('nav.toc')).toContainText('前言');
  // Kept across visits; switched back, the Traditional text returns unchanged.
  await page.reload();
  await expect(page.locator('h1')).toHaveText('印太地区小多边主义的现况与前景');
  await page.getByRole('button', { name: '簡體顯示' }).click();
  await expect(page.locator('h1')).toHaveText(CHAPTER.title);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, can be switched, and the choice persists', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    expect(await background(page)).toBe('rgb(22, 24, 27)');
    await page.getByRole('combobox', { name: '色彩主題' }).selectOption('light');
    expect(await background(page)).toBe('rgb(248, 245, 239)');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBe('rgb(248, 245, 239)');
    await page.getByRole('combobox', { name: '色彩主題' }).selectOption('system');
    expect(await background(page)).toBe('rgb(22, 24, 27)');
  });
});

test('a light system can still choose dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  expect(await background(page)).toBe('rgb(248, 245, 239)');
  await page.getByRole('combobox', { name: '色彩主題' }).selectOption('dark');
  expect(await background(page)).toBe('rgb(22, 24, 27)');
});

test('the interface switches to English and stays so', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: '‹ Library' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Simplified' })).toBeVisible();
  // Corpus text is never translated.
  await expect(page.locator('h1')).toHaveText(CHAPTER.title);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await page.locator('#ref-2-1').hover();
  await expect(page.locator('#lattice-popover')).toContainText('Note 2');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { name: '註釋' })).toBeVisible();
});

test('the font size control scales the text and is remembered', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const size = () => page.locator('p#p1').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await page.getByRole('button', { name: '放大字級' }).click();
  await expect(page.locator('.pref-value')).toHaveText('112%');
  expect(await size()).toBeGreaterThan(before * 1.1);
  await page.reload();
  await expect(page.locator('.pref-value')).toHaveText('112%');
  expect(await size()).toBeGreaterThan(before * 1.1);
  await page.getByRole('button', { name: '縮小字級' }).click();
  await page.getByRole('button', { name: '縮小字級' }).click();
  await expect(page.locator('.pref-value')).toHaveText('88%');
  expect(await size()).toBeLessThan(before);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('nothing overflows sideways and the contents fold away', async ({ page }) => {
    for (const url of [`./#/doc/${CHAPTER.id}`, `./#/doc/${QUAD.id}/n1`, './#/glossary', './']) {
      await page.goto(url);
      await expect(page.locator('h1').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow, url).toBeLessThanOrEqual(360);
    }
    await page.goto(`./#/doc/${CHAPTER.id}`);
    const toggle = page.locator('.toc-toggle');
    await expect(toggle).toBeVisible();
    await expect(page.locator('.toc-list')).toBeHidden();
    await toggle.tap();
    await expect(page.locator('.toc-list')).toBeVisible();
  });
});

test('printing leaves the text and notes, not the controls', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.reader-toolbar')).toBeHidden();
  await expect(page.locator('nav.toc')).toBeHidden();
  await expect(page.locator('.doc-body')).toBeVisible();
  await expect(page.locator('.notes')).toBeVisible();
});
