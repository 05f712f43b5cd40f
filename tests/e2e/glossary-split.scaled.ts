// The glossary of a split corpus (LATTICE_SCALE=13: 26 documents; see
// scripts/test.sh) in its three parts (lattice_core::glossary::lexicon): the
// lexicon (glossary.bin: the terms, no uses), each document's own uses (in
// its file), and the uses by term in chunks (glossary/<hash>.bin). No page
// fetches a chunk but those that list uses: a document is marked from the
// lexicon and its own file, search expands through the lexicon, the
// glossary page fetches a chunk only when a list of uses is opened, and an
// entry page one chunk for its uses.
import type { Page } from '@playwright/test';
import { QUAD, expect, test } from './fixtures';

/** Paths under corpus/<set>/ the page itself requested. */
function corpusRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/corpus/')) seen.push(path.replace(/^.*\/corpus\/[0-9a-f]{16}\//, ''));
  });
  return seen;
}

const CHUNK = /^glossary\/[0-9a-f]{16}\.bin$/;
const chunks = (paths: string[]) => paths.filter((p) => CHUNK.test(p));

test('a document is marked from the lexicon and its own file; its popover and entry link work', async ({
  page,
}) => {
  const fetched = corpusRequests(page);
  await page.goto(`./#/doc/${QUAD.id}`);
  await page.getByRole('button', { name: '標示詞彙' }).click();
  const term = page.locator('.doc-body .term', { hasText: '魯比歐' }).first();
  await expect(term).toBeVisible();
  expect(await page.locator('.doc-body .term').count()).toBeGreaterThan(20);
  await term.hover();
  await expect(page.locator('#lattice-popover')).toContainText('Marco Rubio');
  await expect(page.locator('#lattice-popover a.popover-entry')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched.sort()).toEqual([`doc/${QUAD.id}.bin`, 'glossary.bin']);
});

test('the glossary page fetches the lexicon, and a chunk of uses only when a list is opened', async ({
  page,
}) => {
  const fetched = corpusRequests(page);
  await page.goto('./#/glossary');
  await page.getByRole('searchbox').fill('Quadrilateral Security Dialogue');
  const row = page.locator('.glossary-entry').first();
  await expect(row).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual(['glossary.bin']);

  await row.locator('summary').click();
  const link = row.locator('.occ-list a').first();
  await expect(link).toBeVisible();
  await expect(row.locator('.occ-title').first()).not.toHaveText(/^[a-z0-9-]+$/);
  expect(chunks(fetched)).toHaveLength(1);
  expect(fetched.filter((p) => p.startsWith('doc/'))).toEqual([]);
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^#\/doc\/[\w-]+\/[a-z]+\d+$/);
  await link.click();
  const anchor = href.split('/').pop()!;
  await expect(page.locator(`#${anchor}`)).toHaveClass(/is-target/);
});

test('an entry page lists its uses in context from one chunk', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto(`./#/glossary/${encodeURIComponent('Marco Rubio')}`);
  await expect(page.locator('.entry-en')).toContainText('Marco Rubio');
  const uses = page.locator('.entry-occ');
  await expect.poll(() => uses.count()).toBeGreaterThan(3);
  const first = uses.first();
  await expect(first.locator('.entry-occ-term')).toHaveText(/魯比歐|盧比歐|Marco Rubio/);
  await expect(first.locator('.entry-occ-text')).not.toHaveText(/^\s*(魯比歐|盧比歐)\s*$/);
  // Titled from the catalogue, not by bare ids.
  await expect(page.locator('.occ-title a', { hasText: QUAD.title })).toHaveCount(1);
  await expect(page.locator('.occ-title a').first()).not.toHaveText(/^[a-z0-9-]+$/);
  await page.waitForLoadState('networkidle');
  expect(chunks(fetched)).toHaveLength(1);
  expect(fetched.filter((p) => p.startsWith('doc/')).length).toBeLessThanOrEqual(12);
});

test('a search expands through the lexicon and fetches no chunk of uses', async ({ page }) => {
  const fetched = corpusRequests(page);
  await page.goto(`./#/search?q=${encodeURIComponent('Quadrilateral Security Dialogue')}`);
  await expect(page.locator('.search-summary')).toContainText('篇文件');
  await expect(
    page.locator('.search-snippet mark', { hasText: '四方安全對話' }).first(),
  ).toBeVisible();
  await expect(page.locator('.search-expansions')).toContainText('四方安全對話');
  await page.waitForLoadState('networkidle');
  expect(fetched).toContain('glossary.bin');
  expect(chunks(fetched)).toEqual([]);
  expect(fetched.filter((p) => p.startsWith('doc/'))).toEqual([]);
});

// Offline: offline-listing.scaled.ts checks the lexicon is precached and the
// chunks are not, and that an entry page opens offline after saving the
// whole library.
