// The glossary as a reader meets it (issue 16, items 8 and 12–15): the
// headword a curator chose, bilingual glosses on a term's first use in each
// section (inside the text column, on a desktop and a phone), the search
// results' "also matched" line and jump links, entry pages with their uses
// in context and a kind filter in the URL, and the full-width punctuation
// display option.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CHAPTER, QUAD, expect, test } from './fixtures';

const SHOTS = '/tmp/gloss-shots';
mkdirSync(SHOTS, { recursive: true });

test('an entry the curation adds is headed by the first form it lists', async ({ page }) => {
  // glossary.toml: zh = ["安倍晉三", "安倍"]; 安倍 alone is the more frequent.
  await page.goto('./#/glossary');
  await page.locator('.glossary-filter input').fill('Abe Shinz');
  const row = page.locator('.glossary-entry');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.g-zh-main')).toHaveText('安倍晉三');
  await expect(row.locator('.g-zh-alias')).toHaveText('安倍');
});

/** Each glossed term's data-term, per section (heading to heading), in reading order. */
function glossesBySection(page: Page) {
  return page.evaluate(() => {
    const sections: string[][] = [[]];
    for (const block of document.querySelectorAll('.doc-body :is(h2,h3,h4,h5,p)[id]')) {
      if (/^H\d$/.test(block.tagName)) sections.push([]);
      for (const gloss of block.querySelectorAll('.term-gloss')) {
        sections[sections.length - 1].push(gloss.closest('.term')!.getAttribute('data-term')!);
      }
    }
    return sections;
  });
}

/** Glosses that leave the text column, or overlap each other. */
function glossesOutOfPlace(page: Page) {
  return page.evaluate(() => {
    const column = document.querySelector('.doc-body')!.getBoundingClientRect();
    const bad: string[] = [];
    const boxes: DOMRect[] = [];
    for (const gloss of document.querySelectorAll<HTMLElement>('.doc-body .term-gloss')) {
      for (const r of gloss.getClientRects()) {
        if (r.left < column.left - 1 || r.right > column.right + 1) {
          bad.push(`${gloss.textContent} outside the column (${r.left}–${r.right} of ${column.left}–${column.right})`);
        }
        for (const o of boxes) {
          const overlap = r.left < o.right - 1 && o.left < r.right - 1 && r.top < o.bottom - 1 && o.top < r.bottom - 1;
          if (overlap) bad.push(`${gloss.textContent} overlaps another gloss`);
        }
        boxes.push(r);
      }
      // In the line's flow, not laid over the text around it.
      if (getComputedStyle(gloss).position !== 'static') bad.push(`${gloss.textContent} is taken out of the flow`);
      // Nothing clips it: no ancestor up to the column hides overflow.
      for (let el = gloss.parentElement; el && !el.classList.contains('doc-body'); el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflow !== 'visible' && el.scrollWidth > el.clientWidth) bad.push(`${gloss.textContent} clipped`);
      }
    }
    return bad;
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`bilingual glosses: first use per section, abbreviations, inside the column at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await page.getByRole('button', { name: '雙語對照' }).click();
    const glosses = page.locator('.doc-body .term-gloss');
    await expect.poll(() => glosses.count()).toBeGreaterThan(20);
    // At most one gloss per term in each section.
    for (const section of await glossesBySection(page)) {
      expect(new Set(section).size, `a term glossed twice in one section: ${section}`).toBe(section.length);
    }
    // The abbreviation where the glossary has one: 東協 → ASEAN, not the full name.
    const texts = await glosses.allTextContents();
    expect(texts).toContain('ASEAN');
    expect(texts).not.toContain('Association of Southeast Asian Nations');
    expect(texts).not.toContain('Quadrilateral Security Dialogue');
    // English uses are English already: every gloss is on a Chinese term.
    const onLatin = await page.evaluate(() =>
      [...document.querySelectorAll('.doc-body .term-gloss')]
        .map((g) => g.parentElement!.textContent!.slice(0, -g.textContent!.length))
        .filter((t) => !/[\u3400-\u9fff]/.test(t)),
    );
    expect(onLatin).toEqual([]);
    // The text around the glosses is intact.
    await expect(page.locator('#p1')).toContainText('小多邊主義（mini-lateralism）');
    expect(await glossesOutOfPlace(page)).toEqual([]);
    await page.locator('#p4').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/bilingual-chapter-${viewport.width}.png` });

    // The analysis introduces Rubio as 魯比歐(Marco Rubio): no gloss there
    // (with term marks off, an unglossed use is plain text).
    await page.goto(`./#/doc/${QUAD.id}`);
    const rubio = page.locator('.doc-body .para', { hasText: '魯比歐(Marco Rubio)' }).first();
    await expect(rubio).toBeVisible();
    await expect(rubio).not.toContainText('魯比歐Marco Rubio');
    await expect(rubio.locator('.term', { hasText: '魯比歐' })).toHaveCount(0);
    expect(await glossesOutOfPlace(page)).toEqual([]);
    for (const section of await glossesBySection(page)) {
      expect(new Set(section).size).toBe(section.length);
    }
    await rubio.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/bilingual-analysis-${viewport.width}.png` });
  });
}

test('results say once what the glossary added, and a document lists its hits', async ({ page }) => {
  await page.goto('./#/search?q=Rubio');
  // A split corpus answers once its index files have arrived.
  await expect(page.locator('section.search-page')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.search-group').first()).toBeVisible();
  const also = page.locator('.search-expansions');
  await expect(also).toHaveCount(1);
  await expect(also).toContainText('也符合');
  await expect(also).toContainText('魯比歐');
  await expect(page.locator('.search-hit-expansion')).toHaveCount(0);
  // The line sits above the results, before the first document.
  const alsoBox = (await also.boundingBox())!;
  const firstGroup = (await page.locator('.search-group').first().boundingBox())!;
  expect(alsoBox.y).toBeLessThan(firstGroup.y);

  await page.goto(`./#/search?q=${encodeURIComponent('四方安全對話')}`);
  // The list may still change while the index files arrive: read a jump's
  // anchor only once the answer is whole, so the link clicked is that one.
  await expect(page.locator('section.search-page')).toHaveAttribute('aria-busy', 'false');
  const group = page.locator('.search-group', { hasText: CHAPTER.title });
  const jumps = group.locator('.search-jumps a.search-jump');
  await expect.poll(() => jumps.count()).toBeGreaterThan(1);
  await expect(group.locator('.search-jumps')).toContainText('本文件');
  await page.screenshot({ path: `${SHOTS}/results-1280.png` });
  const second = jumps.nth(1);
  const anchor = await second.getAttribute('data-anchor');
  expect(anchor).toBeTruthy();
  await second.click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/${anchor}\\?q=`));
  await expect(page.locator(`[id="${anchor}"] mark.hit`).first()).toBeVisible();
});

test('a glossary entry has its own page with every use in context', async ({ page }) => {
  // From a term's popover in the text.
  await page.goto(`./#/doc/${QUAD.id}`);
  await page.getByRole('button', { name: '標示詞彙' }).click();
  const term = page.locator('.doc-body .term', { hasText: '魯比歐' }).first();
  await term.hover();
  const link = page.locator('#lattice-popover a.popover-entry');
  await expect(link).toBeVisible();
  const headword = (await page.locator('#lattice-popover-title').textContent())!;
  expect(['魯比歐', '盧比歐']).toContain(headword);
  await link.click();
  await expect(page).toHaveURL(/#\/glossary\/Marco%20Rubio$/);
  await expect(page.locator('h1')).toHaveText(headword);
  await expect(page.locator('.entry-en')).toContainText('Marco Rubio');
  const uses = page.locator('.entry-occ');
  await expect.poll(() => uses.count()).toBeGreaterThan(3);
  // Each use: its place, linked, and the words around it with the term marked.
  const first = uses.first();
  await expect(first.locator('.entry-occ-term')).toHaveText(/魯比歐|盧比歐|Marco Rubio/);
  await expect(first.locator('.entry-occ-text')).not.toHaveText(/^\s*(魯比歐|盧比歐)\s*$/);
  const href = await first.locator('a').getAttribute('href');
  expect(href).toMatch(/^#\/doc\/[\w-]+\/[\w-]+$/);
  await page.screenshot({ path: `${SHOTS}/entry-1280.png` });
  await first.locator('a').click();
  await expect(page).toHaveURL(new RegExp(href!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + '$'));
  await expect(page.locator(href!.replace(/^#\/doc\/[\w-]+\//, '#'))).toBeVisible();

  // A reload of the entry, any spelling of the term, lands on it.
  await page.goto(`./#/glossary/${encodeURIComponent('卢比欧')}`);
  await expect(page.locator('h1')).toHaveText(headword);

  // A name the glossary does not know: a calm message, not a blank page.
  await page.goto('./#/glossary/No%20Such%20Term');
  await expect(page.locator('h1')).toHaveText('找不到詞條');
  await expect(page.locator('.entry-missing')).toContainText('No Such Term');
  await expect(page.getByRole('link', { name: '瀏覽詞彙表' })).toBeVisible();
});

test('the glossary filters by kind, and the filter lives in the URL', async ({ page }) => {
  await page.goto('./#/glossary');
  const rows = page.locator('.glossary-entry');
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();
  await page.locator('.glossary-kinds a[data-kind="person"]').click();
  await expect(page).toHaveURL(/#\/glossary\?kind=person$/);
  await expect.poll(() => rows.count()).toBeLessThan(all);
  expect(await rows.count()).toBeGreaterThan(3);
  const kinds = await page.locator('.glossary-entry .g-kind').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['人物']));
  await expect(page.locator('.glossary-kinds a[data-kind="person"]')).toHaveAttribute('aria-current', 'page');
  // A reload keeps it; Back undoes it.
  await page.reload();
  await expect(page.locator('.glossary-entry .g-kind').first()).toHaveText('人物');
  expect(await rows.count()).toBe(kinds.length);
  await page.goBack();
  await expect(page).toHaveURL(/#\/glossary$/);
  await expect.poll(() => rows.count()).toBe(all);
  // Each row leads to its entry; the entry's kind leads back to the filter.
  await page.goto('./#/glossary?kind=organisation');
  const name = page.locator('.glossary-entry .g-zh-main').first();
  const zh = await name.textContent();
  await name.click();
  await expect(page.locator('h1')).toHaveText(zh!);
  await page.locator('.entry-facts a', { hasText: '組織' }).click();
  await expect(page).toHaveURL(/#\/glossary\?kind=organisation$/);
});

/** The id of the first block under the reading line. */
function underTheEye(page: Page) {
  return page.evaluate(() => {
    const line = window.innerHeight / 3;
    for (const el of document.querySelectorAll('.doc-body > [id]')) {
      if (el.getBoundingClientRect().bottom > line) return el.id;
    }
    return 'none';
  });
}

test('full-width punctuation: shown inside Chinese only, the place kept, remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./#/doc/${QUAD.id}`);
  const body = page.locator('.doc-body');
  await expect(body).toContainText('後,國務卿魯比歐(Marco Rubio)');
  const toggle = page.getByRole('button', { name: '全形標點' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Reading in the middle of the text.
  await page.evaluate(() => {
    const p = document.querySelectorAll<HTMLElement>('.doc-body > p[id]')[8];
    const r = p.getBoundingClientRect();
    window.scrollTo(0, r.top + window.scrollY + 5 - window.innerHeight / 3);
  });
  await page.waitForTimeout(300);
  const reading = await underTheEye(page);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(100);
  expect(await underTheEye(page)).toBe(reading);
  await expect(body).toContainText('後，國務卿魯比歐（Marco Rubio）');
  // Punctuation between Latin letters stays: U.S. keeps its full stops.
  await expect(body).toContainText('巡防隊（U.S. Coast Guard');
  await expect(body).not.toContainText('後,國務卿');
  await page.screenshot({ path: `${SHOTS}/punctuation-1280.png` });
  // With search hits marked, the marks fall on the same characters.
  await page.goto(`./#/doc/${QUAD.id}?q=${encodeURIComponent('魯比歐')}&glossary=0`);
  // Marks are drawn once the fold table (fetched on first need) is in.
  await expect(page.locator('.doc-body mark.hit').first()).toBeVisible();
  const hits = await page.locator('.doc-body mark.hit').allTextContents();
  expect(hits.length).toBeGreaterThan(0);
  expect(new Set(hits)).toEqual(new Set(['魯比歐']));
  // Kept across visits, and off again on request.
  await page.goto(`./#/doc/${QUAD.id}`);
  await page.reload();
  await expect(page.getByRole('button', { name: '全形標點' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '全形標點' }).click();
  await expect(body).toContainText('後,國務卿魯比歐(Marco Rubio)');
});
