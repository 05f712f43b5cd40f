// Automated accessibility checks (axe-core, WCAG 2.1 A and AA) of every kind
// of page, in light and dark schemes: contrast, landmarks, names, language.
import AxeBuilder from '@axe-core/playwright';
import { CHAPTER, QUAD, expect, test } from './fixtures';

const PAGES = {
  library: './',
  chapter: `./#/doc/${CHAPTER.id}`,
  'web analysis at a note': `./#/doc/${QUAD.id}/n1`,
  'not found': './#/nowhere',
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
