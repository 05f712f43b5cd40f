// Term marks and their popover when the display changes under them (issue
// 16, two defects first seen in a screenshot): a term popover left open
// when its mark left the page was drawn in the window's top-left corner,
// and bilingual mode underlined every term while term marks were off.
import type { Page } from '@playwright/test';
import { CHAPTER, expect, test } from './fixtures';

/** How many terms of the document are drawn underlined. */
const underlinedTerms = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('.doc-body .term')].filter((t) =>
        getComputedStyle(t).textDecorationLine.includes('underline'),
      ).length,
  );

test('a term popover closes when its mark leaves the page, never drawn in a corner', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/p3`);
  const marks = page.getByRole('button', { name: '標示詞彙' });
  await marks.click();
  const term = page.locator('.doc-body .term').first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  const popover = page.locator('#lattice-popover');
  await expect(popover).toHaveAttribute('data-kind', 'term');
  // Marks off from the keyboard, the mouse still resting where the term was:
  // its mark is gone, and so is the popover.
  await marks.focus();
  await page.keyboard.press('Enter');
  await expect(marks).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.doc-body .term')).toHaveCount(0);
  await expect(popover).toHaveCount(0);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`bilingual mode with term marks off underlines no term (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await page.getByRole('button', { name: '雙語對照' }).click();
    await expect(page.getByRole('button', { name: '標示詞彙' })).toHaveAttribute('aria-pressed', 'false');
    const glosses = page.locator('.doc-body .term-gloss');
    await expect.poll(() => glosses.count()).toBeGreaterThan(20);
    expect(await underlinedTerms(page)).toBe(0);
    // Only the glossed uses are drawn as terms, out of the Tab order.
    expect(await page.locator('.doc-body .term:not(:has(.term-gloss))').count()).toBe(0);
    await expect(page.locator('.doc-body .term[tabindex="0"]')).toHaveCount(0);
    // Marks on: every use is marked again.
    await page.getByRole('button', { name: '標示詞彙' }).click();
    await expect.poll(() => underlinedTerms(page)).toBeGreaterThan(100);
  });
}
