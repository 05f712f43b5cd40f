// A site that the packaged `lattice` binary built from a folder of papers
// (one of each format, a damaged file, a lattice.toml with a title and
// metadata; see scripts/test.sh): the app it carries fetches the head it is
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
  // Six papers built; the damaged one was skipped.
  await expect(page.locator('main.page')).toContainText('6');
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
