// Friction a reader meets (issue 16, items 10, 11 and 18): the keyboard
// (skip link, one Tab stop per note marker, term marks out of the Tab order
// unless marked, focus on the landed hit), the phone (tap targets, no "/"
// badge, contents while reading), and reading progress.
import { CHAPTER, QUAD, expect, test } from './fixtures';

test.describe('keyboard', () => {
  test('the first Tab reaches a skip link that moves past the banner', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要內容' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}$`));
    // The next Tab is inside the page, not the banner.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  test('a note marker is one Tab stop; its popover is reached from it', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    const marker = page.locator('#ref-1-1');
    await marker.focus();
    await expect(page.locator('#lattice-popover')).toBeVisible();
    // Tab goes into the open popover, through its links, then on past the marker.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#lattice-popover'))).toBe(true);
    for (let i = 0; i < 6; i++) {
      const inside = await page.evaluate(() => !!document.activeElement?.closest('#lattice-popover'));
      if (!inside) break;
      await page.keyboard.press('Tab');
    }
    // Past its last link, Tab gives focus back to the marker, closed; the
    // next Tab moves on in the page.
    await expect(marker).toBeFocused();
    await expect(page.locator('#lattice-popover')).toHaveCount(0);
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => {
      const active = document.activeElement!;
      const marker = document.getElementById('ref-1-1')!;
      return {
        inPopover: !!active.closest('#lattice-popover'),
        follows: !!(marker.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING),
        inMain: !!active.closest('main'),
      };
    });
    expect(after).toEqual({ inPopover: false, follows: true, inMain: true });
    // Each marker holds exactly one focusable element.
    const stops = await page.locator('.doc-body sup.noteref').evaluateAll((sups) =>
      sups.map((s) => s.querySelectorAll('a[href], button, [tabindex="0"]').length),
    );
    expect(new Set(stops)).toEqual(new Set([1]));
  });

  test('term marks are Tab stops only when the reader marks terms', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await page.getByRole('button', { name: '雙語對照' }).click();
    await expect(page.locator('.doc-body .term').first()).toBeVisible();
    await expect(page.locator('.doc-body .term[tabindex="0"]')).toHaveCount(0);
    await page.getByRole('button', { name: '標示詞彙' }).click();
    expect(await page.locator('.doc-body .term[tabindex="0"]').count()).toBeGreaterThan(10);
  });

  test('focus moves to the hit a search result lands on', async ({ page }) => {
    await page.goto(`./#/search?q=${encodeURIComponent('小多邊主義')}`);
    await page.locator(`a.search-hit-link[href*="${CHAPTER.id}/"]`).nth(1).click();
    await expect(page.locator('mark.hit.is-current')).toBeFocused();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('note markers are tap targets of at least 24 × 24 px; no "/" badge', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    const sizes = await page
      .locator('.doc-body sup.noteref a')
      .evaluateAll((as) => as.map((a) => [a.getBoundingClientRect().width, a.getBoundingClientRect().height]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter(([w, h]) => w < 24 || h < 24)).toEqual([]);
    await expect(page.locator('.search-key')).toBeHidden();
  });

  test('the contents are reachable while reading, without losing the place', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.waitForTimeout(200);
    const contents = page.locator('.reader-toolbar').getByRole('button', { name: '目錄' });
    await expect(contents).toBeInViewport();
    await contents.tap();
    const list = page.locator('.toc-list');
    await expect(list).toBeInViewport();
    expect(await page.evaluate(() => Math.round(window.scrollY))).toBe(3000);
    const entry = list.locator('a').nth(3);
    const target = (await entry.getAttribute('href'))!.split('/').pop()!;
    await entry.tap();
    await expect(page.locator(`#${target}`)).toBeInViewport();
    await expect(list).toBeHidden();
  });
});

test.describe('reading progress', () => {
  test('a thin line follows the reading, and the library says unread, in progress, read', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.card', { hasText: CHAPTER.title }).locator('.progress')).toHaveText('未讀');

    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    const line = page.locator('#lattice-progress');
    const scale = () => line.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    await page.evaluate(() => {
      const body = document.querySelector('.doc-body')!.getBoundingClientRect();
      window.scrollTo(0, body.top + window.scrollY + body.height / 2 - window.innerHeight * (2 / 3));
    });
    await expect.poll(scale).toBeGreaterThan(0.4);
    expect(await scale()).toBeLessThan(0.6);
    await page.waitForTimeout(300);
    await page.goto('./');
    await expect(page.locator('.card', { hasText: CHAPTER.title }).locator('.progress')).toHaveText('閱讀中');

    await page.goto(`./#/doc/${QUAD.id}`);
    await expect(page.locator('h1')).toHaveText(QUAD.title);
    await page.locator('.notes').evaluate((el) => el.scrollIntoView());
    await expect.poll(scale).toBe(1);
    await page.waitForTimeout(300);
    await page.goto('./');
    await expect(page.locator('.card', { hasText: QUAD.title }).locator('.progress')).toHaveText('已讀');
  });
});
