// What a reader does with search: press / and type, choose a hit with the
// keyboard, land on the passage with its matches marked and step through
// them, narrow the results, share or reload the address, and type things that
// match nothing or are not words at all.
import AxeBuilder from '@axe-core/playwright';
import { CHAPTER, QUAD, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const box = (page: Page) => page.locator('#lattice-search-input');
const resultMarks = (page: Page) => page.locator('.search-snippet mark');

async function searchFor(page: Page, query: string) {
  await box(page).focus();
  await box(page).fill(query);
  await box(page).press('Enter');
  await expect(page).toHaveURL(/#\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1, name: '搜尋' })).toBeVisible();
  // A split corpus answers once the index files its terms need have arrived.
  await expect(page.locator('section.search-page')).toHaveAttribute('aria-busy', 'false');
}

test('/ focuses the search box, but not while typing elsewhere', async ({ page }) => {
  await page.goto(`./#/doc/${QUAD.id}`);
  await expect(box(page)).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue('');
  // In the box itself (or any field), / is just a character.
  await page.keyboard.type('a/b');
  await expect(box(page)).toHaveValue('a/b');
});

test('a Simplified query finds the Traditional text in both documents', async ({ page }) => {
  await page.goto('./');
  await expect(box(page)).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('四方安全对话');
  const list = page.getByRole('listbox');
  await expect(list).toBeVisible();
  await expect(list.locator('mark').first()).toHaveText('四方安全對話');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/search\?q=%E5%9B%9B/);
  const groups = page.locator('.search-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.filter({ hasText: QUAD.title })).toHaveCount(1);
  await expect(groups.filter({ hasText: CHAPTER.title })).toHaveCount(1);
  await expect(groups.first().locator('.search-count')).toContainText('個段落');
  const marks = await resultMarks(page).allTextContents();
  expect(marks.filter((m) => m === '四方安全對話').length).toBeGreaterThan(2);
});

test('Rubio also finds 魯比歐 and 盧比歐, says why, and can be switched off', async ({ page }) => {
  await page.goto('./');
  await searchFor(page, 'Rubio');
  const marks = await resultMarks(page).allTextContents();
  expect(marks).toContain('魯比歐');
  expect(marks).toContain('盧比歐');
  // Said once, above the results, not on every card.
  await expect(page.locator('.search-expansions')).toHaveCount(1);
  await expect(page.locator('.search-expansions')).toContainText('也符合');
  await expect(page.locator('.search-expansions')).toContainText('Marco Rubio');
  await expect(page.locator('.search-expansions')).toContainText('魯比歐');
  await expect(page.locator('.search-hit-expansion')).toHaveCount(0);

  const expansion = page.getByRole('switch');
  await expect(expansion).toBeChecked();
  await expansion.uncheck();
  await expect(page).toHaveURL(/glossary=0/);
  await expect(page.locator('.search-expansions')).toHaveCount(0);
  const after = await resultMarks(page).allTextContents();
  expect(after).not.toContain('魯比歐');
  expect(after).not.toContain('盧比歐');
});

test('full-width ＡＵＫＵＳ finds AUKUS, and SSN-AUKUS in the passage', async ({ page }) => {
  await page.goto('./');
  await searchFor(page, 'ＡＵＫＵＳ');
  const marks = await resultMarks(page).allTextContents();
  expect(marks).toContain('AUKUS');
  // The pillar paragraph names the SSN-AUKUS submarine; open it.
  await page.locator('.search-hit', { hasText: '兩大支柱' }).locator('a').click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/p\\d+\\?q=`));
  const passage = page.locator('.doc-body .is-target');
  await expect(passage).toBeInViewport();
  await expect(passage).toContainText('SSN-AUKUS');
  const inPassage = await passage.locator('mark.hit').allTextContents();
  expect(inPassage.filter((m) => m === 'AUKUS').length).toBeGreaterThan(2);
});


test('the keyboard chooses a hit, which opens scrolled to its marked matches', async ({ page }) => {
  await page.goto('./');
  await expect(box(page)).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('小多邊主義');
  // Hits, not only the last "see all" option (a split build is still
  // fetching the documents it searches when the box is first focused).
  await expect(page.getByRole('option').nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  // Titles rank first and open a document at its top; choose the first
  // passage of the text, which opens at its marked matches.
  const kinds = await page.locator('[role=option]:not(.search-option-all) .search-kind').allTextContents();
  expect(kinds[0]).toBe('篇名');
  const passage = kinds.findIndex((k) => !['篇名', '作者', '關鍵詞'].includes(k));
  expect(passage).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  for (let i = 0; i <= passage; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option').nth(passage)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/doc\/[\w-]+\/\w+\?q=/);
  const target = page.locator('.is-target');
  await expect(target).toBeInViewport();
  const current = page.locator('mark.hit.is-current');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText('小多邊主義');
  await expect(current).toBeInViewport();
  await expect(page.locator('.match-nav-count')).toHaveText(/^\d+ \/ \d+$/);
});


test('next and previous step through every match in the document, wrapping', async ({ page }) => {
  await page.goto(`./#/doc/${QUAD.id}?q=Quad&glossary=0`);
  const count = page.locator('.match-nav-count');
  await expect(count).toHaveText(/^1 \/ \d+$/);
  const total = Number((await count.textContent())!.split('/')[1].trim());
  expect(total).toBeGreaterThan(1);
  await expect(page.locator('mark.hit')).toHaveCount(total);
  await expect(page.locator('mark.hit[data-match="0"]')).toHaveClass(/is-current/);

  await page.getByRole('button', { name: '下一個相符處' }).click();
  await expect(count).toHaveText(`2 / ${total}`);
  const second = page.locator('mark.hit[data-match="1"]');
  await expect(second).toHaveClass(/is-current/);
  await expect(second).toBeInViewport();
  await expect(page.locator('mark.hit.is-current')).toHaveCount(1);

  await page.getByRole('button', { name: '上一個相符處' }).click();
  await page.getByRole('button', { name: '上一個相符處' }).click();
  await expect(count).toHaveText(`${total} / ${total}`);
  const last = page.locator(`mark.hit[data-match="${total - 1}"]`);
  await expect(last).toHaveClass(/is-current/);
  await expect(last).toBeInViewport();

  // Back to the results, and the search is still there.
  await page.locator('.match-nav-query').click();
  await expect(page).toHaveURL(/#\/search\?q=Quad&glossary=0$/);
  await expect(page.locator('.search-group')).toHaveCount(2);
});

test('filters narrow to one document and to notes, in the URL', async ({ page }) => {
  await page.goto('./');
  await searchFor(page, 'Quad');
  await expect(page.locator('.search-group')).toHaveCount(2);
  await page.locator('select.search-doc').selectOption(QUAD.id);
  await expect(page).toHaveURL(new RegExp(`doc=${QUAD.id}`));
  await expect(page.locator('.search-group')).toHaveCount(1);
  await expect(page.locator('.search-group h2')).toContainText(QUAD.title);

  await page.locator('select.search-doc').selectOption('');
  await page.getByRole('link', { name: '註釋', exact: true }).click();
  await expect(page).toHaveURL(/scope=notes/);
  // The last answer stays on screen (aria-busy) while this one's files
  // arrive: wait until the page shows this scope's answer.
  const kinds = () => page.locator('.search-page[aria-busy="false"] .search-hit .search-kind').allTextContents();
  await expect.poll(async () => (await kinds()).length > 0 && (await kinds()).every((k) => /^註/.test(k))).toBe(true);

  await page.getByRole('link', { name: '正文', exact: true }).click();
  await expect(page).toHaveURL(/scope=body/);
  await expect.poll(async () => (await kinds()).length > 0 && (await kinds()).every((k) => /^(正文|標題)$/.test(k))).toBe(true);
  for (const k of await kinds()) expect(k).toMatch(/^(正文|標題)$/);
});

test('a search address survives a reload and can be shared', async ({ page, context }) => {
  await page.goto('./');
  await searchFor(page, '關鍵礦產 Quad');
  await page.getByRole('link', { name: '正文', exact: true }).click();
  const url = page.url();
  const before = await page.locator('.search-hit').count();
  expect(before).toBeGreaterThan(0);
  await page.reload();
  await expect(box(page)).toHaveValue('關鍵礦產 Quad');
  await expect(page.locator('.search-hit')).toHaveCount(before);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('.search-hit')).toHaveCount(before);
  await expect(other.locator('#lattice-search-input')).toHaveValue('關鍵礦產 Quad');
});

test('on the results page, typing updates the results in place', async ({ page }) => {
  await page.goto(`./#/search?q=${encodeURIComponent('四方')}`);
  await expect(page.locator('.search-group')).toHaveCount(2);
  await box(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.type('關鍵礦產倡議');
  await expect(page).toHaveURL(new RegExp(encodeURIComponent('四方關鍵礦產倡議')));
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(resultMarks(page).first()).toHaveText('四方關鍵礦產倡議');
  // ↓ goes from the box into the results.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.search-hit-link').first()).toBeFocused();
});

test('a search that finds nothing says so and shows the forms it tried', async ({ page }) => {
  await page.goto('./');
  await searchFor(page, '关键矿产 不存在的詞');
  const empty = page.locator('.search-empty');
  await expect(empty).toContainText('找不到「关键矿产 不存在的詞」');
  await expect(page.locator('.search-tried code')).toHaveText(['关键矿产', '不存在的词']);
});

test('hostile queries give calm messages, never a blank page', async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.goto('./');
  await searchFor(page, '<script>alert(1)</script>');
  await expect(page.locator('.search-empty')).toContainText('找不到「<script>alert(1)</script>」');
  await expect(page.locator('main script')).toHaveCount(0);

  await box(page).fill('');
  await box(page).fill('字'.repeat(10_000));
  await expect(page.locator('.search-notice')).toContainText('已截短');
  await expect(page.locator('.search-empty')).toBeVisible();
  const summary = (await page.locator('.search-summary').textContent())!;
  expect(summary.length).toBeLessThan(100);

  for (const q of ['🙂👩‍👩‍👧', 'e\u0301\u0301', '.*+?^${}()|[]\\', 'a\u0000b\u001b[31m', '"""', '%E0%A4%A']) {
    await page.goto(`./#/search?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole('heading', { level: 1, name: '搜尋' })).toBeVisible();
    await expect(page.locator('.search-page')).toContainText(/找不到|輸入|個段落/);
  }
  // A malformed address is read as typed, not refused.
  await page.goto('./#/search?q=%E5%9B%9B%E6%96%B9%ZZ%');
  await expect(page.locator('.search-summary')).toContainText('四方%ZZ%');
});

async function violations(page: Page) {
  // Only what search adds; accessibility.spec.ts checks whole pages.
  const results = await new AxeBuilder({ page })
    .include('.search-box')
    .include('.search-page')
    .include('.match-nav')
    .include('mark.hit')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`results, the open list and the match navigator pass WCAG A/AA (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./#/search?q=Rubio');
    await expect(page.locator('.search-hit').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.goto(`./#/doc/${QUAD.id}?q=Quad`);
    await expect(page.locator('.match-nav')).toBeVisible();
    await box(page).focus();
    await page.keyboard.type('AUKUS');
    await expect(page.getByRole('listbox')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
