// Automated accessibility checks (axe-core, WCAG 2.1 A and AA) of every kind
// of page, in light and dark schemes: contrast, landmarks, names, language;
// also with the reader's popover open (a note and a glossary term), with
// glossary marks and bilingual ruby on, and in English.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CHAPTER, QUAD, expect, test } from './fixtures';

async function audit(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const PAGES = {
  library: './',
  chapter: `./#/doc/${CHAPTER.id}`,
  'web analysis at a note': `./#/doc/${QUAD.id}/n1`,
  'not found': './#/nowhere',
  glossary: './#/glossary',
  'unknown anchor': `./#/doc/${CHAPTER.id}/p999`,
};

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, url] of Object.entries(PAGES)) {
    test(`${name} page has no WCAG A/AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      await expect(page.locator('h1')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const found = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(found).toEqual([]);
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`an open note popover has no WCAG A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`./#/doc/${CHAPTER.id}/ref-11-1`);
    await page.locator('#ref-11-1').hover();
    await expect(page.locator('#lattice-popover')).toBeVisible();
    await expect(page.locator('#lattice-popover .popover-see')).toHaveCount(2);
    expect(await audit(page)).toEqual([]);
  });

  test(`an open absent-note popover has no WCAG A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`./#/doc/${QUAD.id}`);
    await page.locator('#ref-2-1').hover();
    await expect(page.locator('#lattice-popover')).toContainText('原文未收錄此註內容');
    expect(await audit(page)).toEqual([]);
  });

  test(`marked terms, bilingual ruby and a term popover have no WCAG A/AA violations (${scheme})`, async ({ page }) => {
    // axe checks the contrast of every one of the chapter's hundreds of
    // marks and glosses: 20-25 s alone on a shared two-core machine, before
    // and after the reader's changes, too close to the default 30 s.
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await page.getByRole('button', { name: '雙語對照' }).click();
    const term = page.locator('.doc-body .term').first();
    await term.hover();
    await expect(page.locator('#lattice-popover')).toHaveAttribute('data-kind', 'term');
    expect(await audit(page)).toEqual([]);
  });
}

test('the English interface has no WCAG A/AA violations', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('#ref-1-1').hover();
  await expect(page.locator('#lattice-popover')).toBeVisible();
  expect(await audit(page)).toEqual([]);
});
