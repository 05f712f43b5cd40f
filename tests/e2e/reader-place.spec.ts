// The reader keeps their place: Back returns to where they were after any
// in-document link, opening a search hit leaves the saved reading position
// alone, and a display switch (reachable while reading, on a phone too)
// leaves the paragraph being read under the reader's eye.
import type { Page } from '@playwright/test';
import { CHAPTER, expect, test } from './fixtures';

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

/** Scroll to `y` as a reader would, and wait until the page has noticed. */
async function scrollTo(page: Page, y: number) {
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await expect.poll(() => scrollY(page)).toBe(y);
  await page.waitForTimeout(300);
}

test.describe('Back returns to the place', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('after a contents link, every time', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    const links = page.locator('nav.toc a');
    for (let i = 0; i < 3; i++) {
      await scrollTo(page, 1500);
      await links.nth(i + 2).click();
      await expect(page).toHaveURL(/#\/doc\/[^/]+\/h\d+$/);
      await expect.poll(() => scrollY(page)).not.toBe(1500);
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}$`));
      await expect.poll(() => scrollY(page)).toBe(1500);
    }
  });

  test('after a note marker and after a note back-link', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    // A marker well down the page, on the screen.
    const marker = page.locator('.doc-body sup.noteref a').nth(8);
    const top = await marker.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const y = Math.round(top - 300);
    await scrollTo(page, y);
    await marker.click();
    await expect(page).toHaveURL(/#\/doc\/[^/]+\/n\d+$/);
    await expect.poll(() => scrollY(page)).not.toBe(y);
    // Now at the note: follow its back-link, then come back to the note.
    await page.waitForTimeout(300);
    const atNote = await scrollY(page);
    await page.locator('li.is-target a.backref').first().click();
    await expect(page).toHaveURL(/#\/doc\/[^/]+\/ref-/);
    await expect.poll(() => scrollY(page)).not.toBe(atNote);
    await page.goBack();
    await expect.poll(() => scrollY(page)).toBe(atNote);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}$`));
    await expect.poll(() => scrollY(page)).toBe(y);
  });

  test('from another page of the app', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    await scrollTo(page, 2000);
    await page.goto('./#/glossary');
    await expect(page.locator('h1')).toHaveText('詞彙表');
    await page.goBack();
    await expect(page.locator('h1')).toHaveText(CHAPTER.title);
    await expect.poll(() => scrollY(page)).toBe(2000);
  });
});

test('opening a search hit leaves the saved reading position alone', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await page.locator('p#p20').evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(400);
  const saved = await page.evaluate((id) => localStorage.getItem(`lattice.position.${id}`), CHAPTER.id);
  expect(saved).not.toBeNull();
  // A hit elsewhere in the same document, and the matches gone through.
  await page.goto(`./#/search?q=${encodeURIComponent('小多邊主義')}`);
  await page.locator(`a.search-hit-link[href*="${CHAPTER.id}/"]`).first().click();
  await expect(page.locator('mark.hit.is-current')).toBeVisible();
  await page.getByRole('button', { name: '下一個相符處' }).click();
  await page.evaluate(() => window.scrollBy(0, 300));
  await page.waitForTimeout(400);
  expect(await page.evaluate((id) => localStorage.getItem(`lattice.position.${id}`), CHAPTER.id)).toBe(saved);
  // Back at the document: the offer to resume still leads to p20.
  await page.goto('./#/');
  await page.getByRole('link', { name: CHAPTER.title }).click();
  const offer = page.locator('.resume');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '繼續閱讀' }).click();
  await expect(page.locator('p#p20')).toBeInViewport();
});

/** The id of the block under the reading line (a third down the window). */
function underTheEye(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector('.doc-body')!.getBoundingClientRect();
    const line = window.innerHeight / 3;
    for (const el of document.querySelectorAll('.doc-body > [id]')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > line) return el.id;
    }
    return `none at ${body.left}`;
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`display switches at ${viewport.width} px`, () => {
    test.use({ viewport, hasTouch: viewport.width < 500 });

    test('are on the screen while reading and keep the paragraph being read in place', async ({ page }) => {
      await page.goto(`./#/doc/${CHAPTER.id}`);
      await expect(page.locator('h1')).toHaveText(CHAPTER.title);
      // Reading well into the text: the middle of the longest paragraph
      // under the reading line.
      await page.evaluate(() => {
        const paras = [...document.querySelectorAll<HTMLElement>('.doc-body > p[id]')].slice(10, 40);
        const longest = paras.reduce((a, b) => (b.offsetHeight > a.offsetHeight ? b : a));
        const r = longest.getBoundingClientRect();
        window.scrollTo(0, r.top + window.scrollY + r.height / 2 - window.innerHeight / 3);
      });
      await page.waitForTimeout(300);
      const reading = await underTheEye(page);
      const switches = [
        page.getByRole('button', { name: '雙語對照' }),
        page.getByRole('button', { name: '簡體顯示' }),
        page.getByRole('button', { name: '標示詞彙' }),
        page.getByRole('button', { name: '雙語對照' }),
        page.getByRole('button', { name: '簡體顯示' }),
        page.getByRole('button', { name: '標示詞彙' }),
      ];
      for (const toggle of switches) {
        await expect(toggle).toBeInViewport();
        const before = await scrollY(page);
        await toggle.click();
        await page.waitForTimeout(100);
        expect(await underTheEye(page), `after ${await toggle.textContent()} (scrolled from ${before})`).toBe(reading);
      }
      // Font size and theme (in the banner) keep the place too.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: '放大字級' }).click();
      await page.evaluate(() => {
        const p = document.querySelectorAll<HTMLElement>('.doc-body > p[id]')[15];
        const r = p.getBoundingClientRect();
        window.scrollTo(0, r.top + window.scrollY + 10 - window.innerHeight / 3);
      });
      await page.waitForTimeout(300);
      const again = await underTheEye(page);
      await page.evaluate(() => {
        // The banner's own control, as a keyboard user would reach it.
        (document.querySelector('.pref-button[aria-label*="縮小"]') as HTMLButtonElement).click();
      });
      await page.waitForTimeout(100);
      expect(await underTheEye(page)).toBe(again);
    });
  });
}

test('bilingual mode leaves the term marks as they were', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const terms = page.getByRole('button', { name: '標示詞彙' });
  const bilingual = page.getByRole('button', { name: '雙語對照' });
  await expect(terms).toHaveAttribute('aria-pressed', 'false');
  await bilingual.click();
  await expect(page.locator('.doc-body .term-gloss').first()).toBeVisible();
  await bilingual.click();
  await expect(page.locator('.doc-body .term-gloss')).toHaveCount(0);
  await expect(terms).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.doc-body .term')).toHaveCount(0);
  // With marks on, bilingual mode on and off keeps them on.
  await terms.click();
  await bilingual.click();
  await bilingual.click();
  await expect(terms).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.doc-body .term').first()).toBeVisible();
});
