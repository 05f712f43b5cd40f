// Footnote popovers as a reader meets them: hover (after a delay), keyboard
// focus, a tap on a touch screen, Escape, a click elsewhere, scrolling away;
// kept inside the viewport at the right and bottom edges; Supra/Ibid notes
// showing the note they refer to; notes absent from the source saying so;
// click-through to the notes list and the back-link home.
import type { Page } from '@playwright/test';
import { CHAPTER, QUAD, expect, test } from './fixtures';

const popover = (page: Page) => page.locator('#lattice-popover');

/** Scroll so the element's top sits `y` pixels below the top of the viewport. */
async function placeAt(page: Page, selector: string, y: number) {
  // The app renders after the page loads: wait for the element first.
  await page.locator(selector).waitFor();
  await page.evaluate(
    ([selector, y]) => {
      const el = document.querySelector(selector as string)!;
      window.scrollBy(0, el.getBoundingClientRect().top - (y as number));
    },
    [selector, y] as const,
  );
}

async function expectInsideViewport(page: Page) {
  const box = (await popover(page).boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

test('hovering a marker opens its note after a short delay and keeps it open inside', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/p3`);
  const marker = page.locator('#ref-6-1');
  await placeAt(page, '#ref-6-1', 200);
  await marker.hover();
  // Not at once: a pointer passing over the text opens nothing.
  await expect(popover(page)).toHaveCount(0);
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toContainText('Wilkinson');
  await expect(popover(page)).toHaveAttribute('role', 'dialog');
  await expect(marker).toHaveAttribute('aria-expanded', 'true');
  await expect(marker).toHaveAttribute('aria-label', '註 6');
  // Italics rendered, links safe and clickable.
  await expect(popover(page).locator('em')).toContainText('NIDS Commentary');
  const link = popover(page).locator('a.link');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', /^https?:\/\//);

  // The pointer moves from the marker into the popover: it stays open.
  const box = (await popover(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.waitForTimeout(700);
  await expect(popover(page)).toBeVisible();
  // And leaves it: it closes.
  await page.mouse.move(5, 5, { steps: 4 });
  await expect(popover(page)).toHaveCount(0);
  await expect(marker).toHaveAttribute('aria-expanded', 'false');
});

test('keyboard focus opens the note; Tab enters it, Escape closes and returns focus', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.locator('h1')).toHaveText(CHAPTER.title);
  // Tab through the page until note 1's marker has focus.
  const marker = page.locator('#ref-1-1');
  for (let i = 0; i < 60 && !(await marker.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(marker).toBeFocused();
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toContainText('Minilateralism');
  await expect(marker).toHaveAttribute('aria-describedby', 'lattice-popover-body');
  await expectInsideViewport(page);

  await page.keyboard.press('Tab');
  await expect(popover(page).locator('a').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect(marker).toBeFocused();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a tap opens the note without leaving the text; a tap elsewhere closes it', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}/p3`);
    const url = page.url();
    await placeAt(page, '#ref-6-1', 300);
    await page.locator('#ref-6-1').tap();
    await expect(popover(page)).toBeVisible();
    await expect(popover(page)).toContainText('Wilkinson');
    expect(page.url()).toBe(url);
    await expectInsideViewport(page);
    await page.locator('h1').tap();
    await expect(popover(page)).toHaveCount(0);
  });

  test('scrolling the marker away closes the note', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}/p3`);
    await placeAt(page, '#ref-6-1', 300);
    await page.locator('#ref-6-1').tap();
    await expect(popover(page)).toBeVisible();
    await page.evaluate(() => window.scrollBy(0, 2500));
    await expect(popover(page)).toHaveCount(0);
  });
});

test('near the bottom edge the popover flips above; near the top it opens below', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(`./#/doc/${CHAPTER.id}/p3`);
  const marker = page.locator('#ref-8-1');
  await placeAt(page, '#ref-8-1', 640);
  await marker.hover();
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toHaveAttribute('data-placement', 'above');
  await expectInsideViewport(page);
  const markerBox = (await marker.boundingBox())!;
  const box = (await popover(page).boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(markerBox.y);
  await page.mouse.move(1, 1);
  await expect(popover(page)).toHaveCount(0);

  await placeAt(page, '#ref-8-1', 80);
  await marker.hover();
  await expect(popover(page)).toHaveAttribute('data-placement', 'below');
  await expectInsideViewport(page);
  expect((await popover(page).boundingBox())!.y).toBeGreaterThanOrEqual(
    (await marker.boundingBox())!.y,
  );
});

test('near the right edge the popover shifts left to stay on screen', async ({ page }) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`./#/doc/${CHAPTER.id}/p3`);
    await page.locator('#p3').waitFor();
    // The rightmost marker of the text, brought into view.
    const id = await page.evaluate(() => {
      let best = '';
      let right = -1;
      for (const a of document.querySelectorAll<HTMLElement>('.doc-body sup.noteref a')) {
        const r = a.getBoundingClientRect();
        if (r.right > right) {
          right = r.right;
          best = a.id;
        }
      }
      return best;
    });
    expect(id).not.toBe('');
    await placeAt(page, `#${id}`, 200);
    const marker = page.locator(`#${id}`);
    const markerBox = (await marker.boundingBox())!;
    expect(markerBox.x + markerBox.width).toBeGreaterThan(viewport.width * 0.6);
    await marker.hover();
    await expect(popover(page)).toBeVisible();
    await expectInsideViewport(page);
    const box = (await popover(page).boundingBox())!;
    // Centred on the marker it would overflow; it was shifted instead.
    expect(box.x + box.width / 2).toBeLessThan(markerBox.x + markerBox.width / 2);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width - 7);
    await page.mouse.move(1, 1);
    await expect(popover(page)).toHaveCount(0);
  }
});

test('a Supra note shows the note it refers to, and an Ibid. note its chain', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/ref-10-1`);
  await page.locator('#ref-10-1').hover();
  await expect(popover(page)).toContainText('Supra');
  await expect(popover(page).locator('.popover-see[data-see="8"]')).toContainText('Kei Koga');
  await page.mouse.move(1, 1);
  await expect(popover(page)).toHaveCount(0);

  await page.locator('#ref-11-1').hover();
  await expect(popover(page)).toContainText('Ibid.');
  await expect(popover(page).locator('.popover-see[data-see="10"]')).toContainText('Supra');
  await expect(popover(page).locator('.popover-see[data-see="8"]')).toContainText('Kei Koga');
});

test('every note the analysis cites but lacks says so in its popover', async ({ page }) => {
  await page.goto(`./#/doc/${QUAD.id}`);
  for (const label of ['2', '3', '4', '5', '6', '8', '9', '10', '11']) {
    const marker = page.locator(`#ref-${label}-1`);
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    await expect(popover(page)).toContainText(`註 ${label}`);
    await expect(popover(page)).toContainText('原文未收錄此註內容');
    await page.mouse.move(1, 1);
    await expect(popover(page)).toHaveCount(0);
  }
  // Notes 1 and 7 have their text.
  for (const label of ['1', '7']) {
    await page.locator(`#ref-${label}-1`).hover();
    await expect(popover(page)).not.toContainText('原文未收錄此註內容');
    await page.mouse.move(1, 1);
    await expect(popover(page)).toHaveCount(0);
  }
});

test('a click goes to the note in the list; its back-link returns to the marker', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/p3`);
  await page.locator('#ref-6-1').click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/n6$`));
  await expect(page.locator('li#n6')).toHaveClass(/is-target/);
  await expect(page.locator('li#n6')).toBeInViewport();
  await expect(popover(page)).toHaveCount(0);
  await page.locator('li#n6 a.backref').first().click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/ref-6-1$`));
  await expect(page.locator('#ref-6-1')).toBeInViewport();

  // The popover's own link goes there too.
  await page.locator('#ref-7-1').hover();
  await popover(page).locator('a.popover-goto').click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/n7$`));
});

test('a note cited from several places links back to each of them', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/n8`);
  await expect(page.locator('li#n8')).toBeVisible();
  const back = page.locator('li#n8 a.backref');
  const cited = await page.locator('.doc-body sup.noteref a[id^="ref-8-"]').count();
  expect(cited).toBeGreaterThanOrEqual(1);
  await expect(back).toHaveCount(cited);
});
