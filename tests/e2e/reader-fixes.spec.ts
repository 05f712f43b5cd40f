// What a new reader tripped over (issue 16, bugs 4–9): search hits that are
// hard to see where a result lands, controls in print, a note marker alone
// at the start of a line, the language of each run of text, the glossary's
// sorting, unknown anchors, tab titles and the search syntax help.
import type { Locator, Page } from '@playwright/test';
import { CHAPTER, QUAD, expect, test } from './fixtures';

const background = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
const langOf = (l: Locator) => l.evaluate((el) => el.closest('[lang]')?.getAttribute('lang') ?? '');

test.describe('a landed search hit', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`has a colour of its own, apart from the landed paragraph (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`./#/search?q=${encodeURIComponent('小多邊主義')}`);
      await page.locator(`a.search-hit-link[href*="${CHAPTER.id}/p"]`).first().click();
      const current = page.locator('mark.hit.is-current');
      await expect(current).toBeInViewport();
      const landed = page.locator('.doc-body .is-target');
      await expect(landed).toHaveCount(1);
      const hit = await background(current);
      expect(hit).not.toBe(await background(landed));
      expect(hit).not.toBe('rgba(0, 0, 0, 0)');
    });
  }

  test('overlapping hits are one mark, and the counter counts phrases', async ({ page }) => {
    // "Quad" matches inside "Quadrilateral Security Dialogue" (its glossary form).
    await page.goto(`./#/doc/${CHAPTER.id}?q=Quad`);
    await expect(page.locator('mark.hit').first()).toBeVisible();
    await expect(page.locator('mark.hit mark.hit')).toHaveCount(0);
    await expect(page.locator('mark.hit', { hasText: /^Quadrilateral Security Dialogue$/ }).first()).toBeVisible();

    // Three words that stand together: each occurrence is one match.
    await page.goto(`./#/doc/${CHAPTER.id}?q=${encodeURIComponent('Quad Foreign Ministers')}`);
    await expect(page.locator('mark.hit').first()).toBeVisible();
    const marks = await page.locator('mark.hit').evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-match'), el.textContent]),
    );
    const matches = new Map<string, string>();
    for (const [k, text] of marks) matches.set(k!, (matches.get(k!) ?? '') + text);
    expect([...matches.values()]).not.toContain('Foreign');
    expect([...matches.values()]).not.toContain('Ministers');
    expect([...matches.values()].filter((t) => /Quad Foreign Ministers/i.test(t)).length).toBeGreaterThan(0);
    await expect(page.locator('.match-nav-count')).toHaveText(new RegExp(`/ ${matches.size}$`));
  });
});

test('printing hides every control, the match navigator too', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}/p3?q=${encodeURIComponent('小多邊主義')}`);
  await expect(page.locator('.match-nav')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, nav.match-nav, .match-nav a, .search-key')]
      .filter((el) => el.checkVisibility())
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(shown).toEqual([]);
  await expect(page.locator('.doc-body')).toBeVisible();
  // The glossary's column names, sort buttons on screen, stay as headings.
  await page.emulateMedia({ media: 'screen' });
  await page.goto('./#/glossary');
  await expect(page.locator('.g-en').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.glossary-table th', { hasText: '英文' })).toBeVisible();
  await expect(page.locator('.glossary-tools')).toBeHidden();
});

test('a note marker never starts a line alone', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.locator('.doc-body sup.noteref').first()).toBeVisible();
  // At every column width from a phone's to a page's, each marker sits on
  // the line of the character before it.
  const alone = await page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.doc-body')!;
    const markers = [...body.querySelectorAll<HTMLElement>('sup.noteref')];
    const before = markers.map((m) => {
      const walker = document.createTreeWalker(m.closest('[id]')!, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (m.contains(node)) continue;
        if (node.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) {
          if (node.data.trim()) last = node;
        }
      }
      return last;
    });
    const found: string[] = [];
    for (let width = 240; width <= 640; width += 4) {
      body.style.width = `${width}px`;
      markers.forEach((m, i) => {
        const text = before[i];
        if (!text) return;
        const range = document.createRange();
        range.setStart(text, text.data.length - 1);
        range.setEnd(text, text.data.length);
        const rects = range.getClientRects();
        const char = rects[rects.length - 1];
        const mark = m.getBoundingClientRect();
        if (char && !(mark.top < char.bottom && mark.bottom > char.top)) {
          found.push(`${width}px: ${text.data.slice(-4)}|${m.textContent}`);
        }
      });
    }
    body.style.width = '';
    return found;
  });
  expect(alone).toEqual([]);
});

test.describe('each run of text carries its own language', () => {
  test('the Simplified display is zh-Hans, an English note is en', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    expect(await langOf(page.locator('p#p1'))).toBe('zh-Hant');
    expect(await langOf(page.locator('li#n1 .note-body'))).toBe('en');
    await page.getByRole('button', { name: '簡體顯示' }).click();
    await expect(page.locator('h1')).toHaveText('印太地区小多边主义的现况与前景');
    expect(await langOf(page.locator('p#p1'))).toBe('zh-Hans');
    expect(await langOf(page.locator('h1'))).toBe('zh-Hans');
    expect(await langOf(page.locator('nav.toc .toc-list a').first())).toBe('zh-Hans');
    await page.locator('#ref-2-1').hover();
    await expect(page.locator('#lattice-popover .popover-text')).toBeVisible();
    expect(await langOf(page.locator('#lattice-popover .popover-text'))).toBe('en');
    await page.goto('./#/glossary');
    expect(await langOf(page.locator('.g-zh').first())).toBe('zh-Hans');
  });

  test('corpus text keeps its language in the English interface', async ({ page }) => {
    await page.goto(`./#/doc/${QUAD.id}`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await langOf(page.locator('.doc-body p').first())).toBe('zh-Hant');
    expect(await langOf(page.locator('h1'))).toBe('zh-Hant');
    expect(await langOf(page.locator('.doc-header .kind'))).toBe('en');
    expect(await langOf(page.getByRole('link', { name: '‹ Library' }))).toBe('en');
    await page.goto('./');
    expect(await langOf(page.getByRole('link', { name: QUAD.title }))).toBe('zh-Hant');
  });
});

test.describe('glossary sorting', () => {
  const order = (page: Page, cell: string) => page.locator(cell).allTextContents();

  test('goes both ways, Chinese by its collation', async ({ page }) => {
    await page.goto('./#/glossary');
    await expect(page.locator('.g-zh-main').first()).toBeVisible();
    const zh = new Intl.Collator('zh-Hant', { sensitivity: 'base', numeric: true });
    const en = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const english = await order(page, '.g-en');
    expect(english).toEqual([...english].sort(en.compare));
    await page.getByRole('button', { name: '英文' }).click();
    await expect(page.locator('th[aria-sort="descending"]')).toContainText('英文');
    expect(await order(page, '.g-en')).toEqual([...english].sort(en.compare).reverse());

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText('中文');
    const chinese = await order(page, '.g-zh-main');
    expect(chinese).toEqual([...chinese].sort(zh.compare));
    // Not code point order: the collation is the browser's, for zh-Hant.
    expect(chinese).not.toEqual([...chinese].sort());
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('th[aria-sort="descending"]')).toContainText('中文');
    expect(await order(page, '.g-zh-main')).toEqual([...chinese].reverse());
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test('sorts from a menu, and long English names stay in the card', async ({ page }) => {
      await page.goto('./#/glossary');
      const menu = page.getByRole('combobox', { name: '排序' });
      await expect(menu).toBeVisible();
      const counts = async () =>
        (await page.locator('.g-count summary').allTextContents()).map((s) => parseInt(s, 10));
      await menu.selectOption('count-desc');
      const most = await counts();
      expect(most).toEqual([...most].sort((a, b) => b - a));
      await menu.selectOption('count-asc');
      const least = await counts();
      expect(least).toEqual([...least].sort((a, b) => a - b));
      const wide = await page
        .locator('.g-en')
        .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
      expect(wide).toEqual([]);
      expect(await page.locator('.g-en').first().evaluate((el) => getComputedStyle(el).hyphens)).toBe('auto');
    });
  });
});

test.describe('titles and places that are not there', () => {
  test('the tab title follows the document and the not-found page', async ({ page }) => {
    await page.goto(`./#/doc/${CHAPTER.id}`);
    await expect(page).toHaveTitle(`${CHAPTER.title} · Lattice 印太安全研究讀本`);
    await page.getByRole('button', { name: '簡體顯示' }).click();
    await expect(page).toHaveTitle('印太地区小多边主义的现况与前景 · Lattice 印太安全研究讀本');
    await page.getByRole('button', { name: '簡體顯示' }).click();
    await page.goto('./#/doc/no-such-document');
    await expect(page.locator('h1')).toHaveText('找不到頁面');
    await expect(page).toHaveTitle('找不到頁面 · Lattice 印太安全研究讀本');
    await page.goto('./#/no/such/page');
    await expect(page).toHaveTitle('找不到頁面 · Lattice 印太安全研究讀本');
  });

  test('an unknown anchor says so, opened from a search too', async ({ page }) => {
    for (const url of [
      `./#/doc/${CHAPTER.id}/n999`,
      `./#/doc/${CHAPTER.id}/p999?q=${encodeURIComponent('小多邊主義')}`,
    ]) {
      await page.goto(url);
      await expect(page.locator('h1'), url).toHaveText(CHAPTER.title);
      await expect(page.locator('.anchor-lost'), url).toContainText('999');
    }
  });
});

test('a help page explains the search syntax with examples, and "?" opens it', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await expect(page.locator('h1')).toHaveText(CHAPTER.title);
  await page.locator('body').press('?');
  await expect(page).toHaveURL(/#\/help$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('說明');
  await expect(page).toHaveTitle('說明 · Lattice 印太安全研究讀本');
  const syntax = page.locator('.help-table').first();
  for (const example of ['"Quad Foreign Ministers"', 'OR', '-中國', '四方安全对话', 'ＡＵＫＵＳ']) {
    await expect(syntax, example).toContainText(example);
  }
  // An example is a search to try.
  await syntax.getByRole('link', { name: '四方安全对话' }).click();
  await expect(page).toHaveURL(/#\/search\?q=/);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  await page.goBack();
  // Offline status and storage, as the browser reports them.
  await expect(page.locator('.help-storage')).toContainText('MB');
  // Typing "?" into the search box types it.
  const box = page.locator('.search-box input');
  await box.press('?');
  await expect(box).toHaveValue('?');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('說明');
});
