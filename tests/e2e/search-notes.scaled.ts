// A search hit inside a note is numbered on its card at once — "註 13", or
// the note's own label ("註 *" for an author note, whose id n-author says
// nothing of it) — from the split index's texts, before (and without) any
// document being fetched; the card's link opens that note. Runs against a
// split corpus (LATTICE_SCALE=13, see scripts/test.sh) with document files
// blocked by route interception while the results are read.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The service worker would answer from its cache, past page.route.
test.use({ serviceWorkers: 'block' });

/** Block every document file; the paths asked for. */
async function blockDocuments(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/corpus/*/doc/*.bin', (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return route.fulfill({ status: 503, body: 'documents are blocked in this test' });
  });
  return asked;
}

for (const [name, query, label] of [
  ['a numbered note', 'Supra', /^註 \d+$/],
  ["an author note, by its label '*'", '副研究員', /^註 \*$/],
] as const) {
  test(`a hit in ${name} shows its label before any document is fetched, and opens that note`, async ({
    page,
  }) => {
    const asked = await blockDocuments(page);
    await page.goto(`./#/search?q=${encodeURIComponent(query)}&scope=notes`);
    const cards = page.locator('.search-hit');
    await expect(cards.first()).toBeVisible();
    const kinds = await page.locator('.search-hit .search-kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    // Every note card has its number, never the bare "註釋".
    for (const k of kinds) expect(k).toMatch(/^註 \S+$/);
    const card = cards.filter({ has: page.locator('.search-kind', { hasText: label }) }).first();
    await expect(card).toBeVisible();
    const shown = (await card.locator('.search-kind').textContent())!.replace(/^註 /, '');
    const href = (await card.locator('a.search-hit-link').getAttribute('href'))!;
    expect(href).toMatch(/^#\/doc\/[\w-]+\/n[\w-]+\?q=/);
    expect(asked, 'the results page fetched a document').toEqual([]);

    // With documents allowed again, the card opens its note: the same
    // label in the document's list of notes, targeted and in view.
    await page.unroute('**/corpus/*/doc/*.bin');
    await card.locator('a.search-hit-link').click();
    const anchor = href.replace(/^#\/doc\/[\w-]+\//, '').replace(/\?.*$/, '');
    await expect(page).toHaveURL(new RegExp(`#/doc/[\\w-]+/${anchor}\\?q=`));
    const note = page.locator(`li.note#${anchor}`);
    await expect(note).toHaveClass(/is-target/);
    await expect(note).toBeInViewport();
    await expect(note.locator('.note-label')).toHaveText(shown);
  });
}

test('the hits-in-this-document links name a note by its label too', async ({ page }) => {
  await blockDocuments(page);
  await page.goto(`./#/search?q=${encodeURIComponent('Supra')}&scope=notes`);
  const jumps = page.locator('.search-jumps a.search-jump[data-anchor^="n"]');
  await expect(jumps.first()).toBeVisible();
  for (const text of await jumps.allTextContents()) expect(text).toMatch(/^註 \S+?(×\d+)?$/);
});
