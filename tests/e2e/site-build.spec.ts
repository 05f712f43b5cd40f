// A site that the packaged `lattice` binary built from a folder of papers
// (one of each format, a damaged file, a lattice.toml with a title and
// metadata, and tests/e2e/site-papers; see scripts/test.sh): the app it carries fetches the head it is
// served with, lists the documents, opens one, searches, and reloads
// offline. Run with tests/e2e/site-build.config.ts (LATTICE_SITE=folder).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { controlled, serve, stop } from './servers';

const SITE = process.env.LATTICE_SITE ?? '';
test.skip(!SITE, 'runs against a built site: tests/e2e/site-build.config.ts');

// Titles of papers in the folder: the Word/Markdown fixtures and a plain-text chapter.
const ENGLISH = 'Minilateral Coalitions and the Indo-Pacific Order';
const CHAPTER = '印太地區小多邊主義的現況與前景';

async function library(page: Page) {
  await expect(page.locator('main.page h1').first()).toBeVisible();
  await expect(page.locator('main.page')).toContainText(ENGLISH);
  await expect(page.locator('main.page')).toContainText(CHAPTER);
}

test('the library lists the built documents and site.json carries the title', async ({ page }) => {
  await page.goto('./');
  await library(page);
  // Seven papers built; the damaged one was skipped.
  await expect(page.locator('main.page')).toContainText('7');
  await expect(page.locator('main.page')).not.toContainText('damaged');
  const title = await page.evaluate(() =>
    fetch('site.json').then((r) => r.json()).then((s) => s.title.en),
  );
  expect(title).toBe('Test Library');
});

test("the header shows lattice.toml's title and subtitle, in the site's default language", async ({ page }) => {
  // The first paint (before the app) already names the site.
  const html = await (await page.request.get('./')).text();
  expect(html).toContain('<meta name="lattice-site-title" content="測試文庫" />');
  expect(html).toMatch(/site-mark"?>◇<\/span>Test Library<span class="site-tagline">Papers on Indo-Pacific security</);
  // lattice.toml says language = "en": a first visit gets the English interface.
  await page.goto('./');
  await library(page);
  const name = page.locator('header.site-header .site-name');
  await expect(name).toContainText('Test Library');
  await expect(name.locator('.site-tagline')).toHaveText('Papers on Indo-Pacific security');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The tab title names the site, not Lattice's default.
  await expect(page).toHaveTitle(/Test Library$/);
  // A reader who chose Chinese keeps it and gets the Chinese title.
  await page.evaluate(() => localStorage.setItem('lattice.prefs', 'lang=zh'));
  await page.reload();
  await library(page);
  await expect(name).toContainText('測試文庫');
  await expect(name.locator('.site-tagline')).toHaveText('印太安全論文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page).toHaveTitle(/測試文庫$/);
});

test('a document opens from the library', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: CHAPTER }).first().click();
  await expect(page).toHaveURL(/#\/doc\//);
  await expect(page.locator('main.page h1').first()).toHaveText(CHAPTER);
  await expect(page.locator('main.page')).toContainText('壹、前言');
});

test('search finds a term in the papers of each format', async ({ page }) => {
  await page.goto('./#/search?q=coalitions');
  const groups = page.locator('.search-group');
  await expect(groups.first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('main.page')).toContainText(ENGLISH);
});

test.describe('offline', () => {
  // Its own server, stopped to take the network away.
  const port = 4801;
  test.use({ baseURL: `http://127.0.0.1:${port}/` });

  test('after one visit the site reloads with the network off', async ({ page, context }) => {
    const server = await serve(SITE, port);
    try {
      await page.goto('./');
      await library(page);
      await controlled(page);
    } finally {
      await stop(server);
    }
    await context.setOffline(true);
    await page.reload();
    await library(page);
    // Corpus files are precached on install: a document never opened opens.
    await page.getByRole('link', { name: CHAPTER }).first().click();
    await expect(page.locator('main.page h1').first()).toHaveText(CHAPTER);
  });
});

test.describe('a note cited from two places (tests/e2e/site-papers/cited-twice.md)', () => {
  // Its first note is cited in two sections; its second, once. The markers
  // are the k-th citations of note 1: `ref-1-1` and `ref-1-2`.
  const DOC = './#/doc/cited-twice';
  const TEXT = "Quad Leaders' Joint Statement, Tokyo, 24 May 2022.";
  const popover = (page: Page) => page.locator('#lattice-popover');
  const note = (page: Page) => page.locator('li.note', { hasText: TEXT });

  test('both markers open the same note', async ({ page }) => {
    await page.goto(DOC);
    const markers = page.locator('.doc-body sup.noteref a[id^="ref-1-"]');
    await expect(markers).toHaveCount(2);
    // Two places: each marker in its own paragraph, under its own heading.
    const first = page.locator('#ref-1-1');
    const second = page.locator('#ref-1-2');
    const paragraph = (id: string) =>
      page.evaluate((id) => document.getElementById(id)!.closest('[id^="p"]')?.id ?? '', id);
    expect(await paragraph('ref-1-1')).not.toBe(await paragraph('ref-1-2'));
    for (const marker of [first, second]) {
      await marker.hover();
      await expect(popover(page)).toContainText(TEXT);
      await page.mouse.move(1, 1);
      await expect(popover(page)).toHaveCount(0);
    }
    // Both lead to the one note in the list.
    const noteId = await note(page).getAttribute('id');
    expect(noteId).toBeTruthy();
    for (const marker of [first, second]) {
      await expect(marker).toHaveAttribute('href', `#/doc/cited-twice/${noteId}`);
    }
    await second.click();
    await expect(page).toHaveURL(new RegExp(`#/doc/cited-twice/${noteId}$`));
    await expect(page.locator(`li#${noteId}`)).toHaveClass(/is-target/);
  });

  test("the note's back-links list both citing places and each goes to its place", async ({ page }) => {
    await page.goto(DOC);
    const back = note(page).locator('a.backref');
    await expect(back).toHaveCount(2);
    // Lettered, and named for which citation each returns to.
    await expect(back.nth(0)).toHaveAttribute('aria-label', 'Back to citation 1');
    await expect(back.nth(1)).toHaveAttribute('aria-label', 'Back to citation 2');
    await expect(back.nth(0).locator('sup')).toHaveText('a');
    await expect(back.nth(1).locator('sup')).toHaveText('b');
    for (const k of [1, 2]) {
      await back.nth(k - 1).click();
      await expect(page).toHaveURL(new RegExp(`#/doc/cited-twice/ref-1-${k}$`));
      await expect(page.locator(`#ref-1-${k}`)).toBeInViewport();
      await expect(page.locator(`sup.noteref:has(#ref-1-${k})`)).toHaveClass(/is-target/);
      await expect(page.locator(`sup.noteref:has(#ref-1-${3 - k})`)).not.toHaveClass(/is-target/);
    }
    // The note cited once has one back-link, without a letter.
    const once = page.locator('li.note', { hasText: 'Regional fisheries survey, 2024.' }).locator('a.backref');
    await expect(once).toHaveCount(1);
    await expect(once).toHaveAttribute('href', /\/ref-2-1$/);
    await expect(once.locator('sup')).toHaveCount(0);
  });
});

// Citation metadata (issue 14, item 4; issue 16, items 16 and 19): what
// lattice.toml and a paper's front matter say shows on the library's cards
// and the document's header, English titles lead in the English interface,
// and the citations use it all.
const ZH_TITLE = '印太小多邊合作的制度化：四方安全對話與澳英美三方安全夥伴';
const ZH_ENGLISH = 'Institutionalising Indo-Pacific Minilateralism: The Quad and AUKUS';
// The value of a labelled row of the citation metadata.
const dd = (meta: ReturnType<Page['locator']>, label: string) =>
  meta.locator(`.citation-meta-row:has(> dt:text-is("${label}")) > dd`);

test.describe('citation metadata', () => {
  test('library cards show the metadata and English titles in English', async ({ page }) => {
    await page.goto('./');
    await library(page);
    // lattice.toml's table for the English Markdown paper.
    const en = page.locator('.card', { hasText: 'Minilateral Cooperation' }).first();
    await expect(en.locator('.card-title')).toHaveText('Minilateral Cooperation');
    await expect(en.locator('.original-title')).toHaveText(ENGLISH);
    await expect(en.locator('.authors')).toHaveText('Jane Doe and Kenji Sato');
    const meta = en.locator('.citation-meta');
    await expect(dd(meta, 'In')).toHaveText('Regional Security Outlook');
    await expect(dd(meta, 'Edited by')).toHaveText('Chen Ming and Lee Hua');
    await expect(dd(meta, 'Publisher')).toHaveText('Example Institute');
    await expect(dd(meta, 'Place')).toHaveText('Canberra');
    await expect(dd(meta, 'Year')).toHaveText('2024');
    await expect(dd(meta, 'Pages')).toHaveText('45-67');
    await expect(meta.locator('a.doi')).toHaveAttribute('href', 'https://doi.org/10.1234/rso.2024.3');
    await expect(meta.locator('a.source-url')).toHaveAttribute('href', 'https://example.org/rso/minilateral');
    await expect(meta.locator('a.source-url')).toHaveAttribute('rel', 'noopener noreferrer');
    // The Chinese paper's own front matter: its English title leads.
    const zh = page.locator('.card', { hasText: ZH_ENGLISH }).first();
    await expect(zh.locator('.card-title')).toHaveText(ZH_ENGLISH);
    await expect(zh.locator('.original-title')).toHaveText(ZH_TITLE);
    await expect(zh.locator('.authors')).toHaveText('林怡君 and 陳志明');
    await expect(zh.locator('.citation-meta a.doi')).toHaveText('https://doi.org/10.1234/indsr.2025.0318');
    // In Chinese, the printed title leads and the English one is listed.
    await page.evaluate(() => localStorage.setItem('lattice.prefs', 'lang=zh'));
    await page.reload();
    // The Markdown paper (its front matter holds the English title), not the
    // Word paper of the same title and date.
    const zhCard = page
      .locator('.card')
      .filter({ has: page.locator('a[href="#/doc/minilateral-zh-notes"]') });
    await expect(zhCard.locator('.card-title')).toHaveText(ZH_TITLE);
    await expect(dd(zhCard, '英文題名')).toHaveText(ZH_ENGLISH);
    await expect(zhCard.locator('.authors')).toHaveText('林怡君、陳志明');
  });

  test("the header shows the metadata, the tab the English title, the citation uses them", async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Minilateral Cooperation' }).first().click();
    await expect(page.locator('main.page h1').first()).toHaveText('Minilateral Cooperation');
    await expect(page).toHaveTitle(/^Minilateral Cooperation · Test Library$/);
    const header = page.locator('.doc-header');
    await expect(header.locator('.original-title')).toHaveText(ENGLISH);
    await expect(dd(header.locator('.citation-meta'), 'Publisher')).toHaveText('Example Institute');
    await expect(header.locator('.citation-meta a.doi')).toHaveAttribute('href', 'https://doi.org/10.1234/rso.2024.3');
    // The citation: a chapter in its book, with editors, publisher and DOI.
    await header.getByRole('button', { name: 'Cite this document' }).click();
    const dialog = page.locator('dialog.cite-dialog');
    await expect(dialog.locator('[data-style="chicago-note"] .cite-text')).toHaveText(
      /^Jane Doe and Kenji Sato, “Minilateral Coalitions and the Indo-Pacific Order,” in Regional Security Outlook, ed\. Chen Ming and Lee Hua \(Example Institute, 2024\), https:\/\/doi\.org\/10\.1234\/rso\.2024\.3\.$/,
    );
    await expect(dialog.locator('[data-style="apa"] .cite-text')).toContainText('(pp. 45–67). Example Institute.');
    const bib = await dialog.locator('pre.cite-export-text').innerText();
    expect(bib).toContain('@incollection{');
    expect(bib).toContain('  booktitle = {{Regional Security Outlook}},\n');
    expect(bib).toContain('  editor = {{Ming}, Chen and {Hua}, Lee},\n');
    expect(bib).toContain('  publisher = {Example Institute},\n  address = {Canberra},\n');
    expect(bib).toContain('  pages = {45--67},\n');
    expect(bib).toContain('  doi = {10.1234/rso.2024.3},\n');
    expect(bib).toContain('  note = {Source: \\url{https://example.org/rso/minilateral}},\n');
    expect(bib).toMatch(/ {2}url = \{http:\/\/127\.0\.0\.1:\d+\/#\/doc\/[\w-]+\},\n/);
  });

  test('a chapter of a book reads its part and chapter in English', async ({ page }) => {
    await page.goto('./');
    const card = page.locator('.card', { hasText: CHAPTER }).first();
    await expect(card.locator('.kicker')).toContainText('Chapter 1');
    await expect(card.locator('.kicker')).not.toContainText('第一章');
  });
});
