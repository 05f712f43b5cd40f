// Search as a reader types it in each engine: `/` focuses the box, a
// Simplified query finds the Traditional text, full-width letters find
// half-width ones, and a hit opens its passage with the matches marked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { By } from 'selenium-webdriver';
import { CHAPTER, QUAD } from '../e2e/corpus.mjs';
import { Key, eventually, until } from './reader.mjs';

const BOX = '#lattice-search-input';

/** The marked words of the results page. */
const marks = (r) => r.texts('.search-snippet mark');

export function search(ctx) {
  test('a Simplified query (关键矿产) finds the Traditional text (關鍵礦產)', async () => {
    const r = ctx.reader;
    await r.go('./');
    await r.find('.document-list > li');
    await r.press('/');
    await eventually(() => r.focused(BOX), true, '/ focuses the search box');
    await r.type('关键矿产');
    await eventually(() => r.js((css) => document.querySelector(css).value, BOX), '关键矿产', 'typed');
    // The suggestions as the reader types: the Traditional spelling marked.
    await eventually(() => r.attr(BOX, 'aria-expanded'), 'true', 'suggestions open');
    await until(
      () => r.texts('#lattice-search-listbox mark'),
      (m) => m.includes('關鍵礦產'),
      'a suggestion marks 關鍵礦產',
    );
    await r.press(Key.ENTER);
    await eventually(() => r.hash(), '#/search?q=关键矿产', 'the results address');
    await r.seeText('main h1', '搜尋');
    await until(() => marks(r), (m) => m.filter((w) => w === '關鍵礦產').length >= 2, 'marked 關鍵礦產');
    const groups = await r.texts('.search-group');
    assert.ok(groups.some((g) => g.includes(QUAD.title)), `a group for ${QUAD.title}`);
    // Reloading the results address gives the same results.
    const before = await marks(r);
    await r.reload();
    await r.seeText('main h1', '搜尋');
    await until(() => marks(r), (m) => JSON.stringify(m) === JSON.stringify(before), 'same marks after a reload');
  });

  test('full-width ＡＵＫＵＳ finds AUKUS, and a hit opens its passage marked', async () => {
    const r = ctx.reader;
    await r.go('./');
    await r.click(BOX);
    await r.type('ＡＵＫＵＳ');
    await r.press(Key.ENTER);
    await until(() => r.hash(), (h) => h.startsWith('#/search?q='), 'the results address');
    await until(() => marks(r), (m) => m.includes('AUKUS'), 'AUKUS marked');
    // The pillar paragraph names the SSN-AUKUS submarine; open it.
    const hits = await r.driver.findElements(By.css('.search-hit'));
    let opened = false;
    for (const hit of hits) {
      if ((await hit.getText()).includes('兩大支柱')) {
        await hit.findElement(By.css('a')).click();
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'a hit in the pillar paragraph');
    await until(() => r.hash(), (h) => new RegExp(`^#/doc/${CHAPTER.id}/p\\d+\\?q=`).test(h), 'at the passage');
    await eventually(() => r.inViewport('.doc-body .is-target'), true, 'the passage in view');
    await r.seeContaining('.doc-body .is-target', 'SSN-AUKUS');
    const inPassage = await r.texts('.doc-body .is-target mark.hit');
    assert.ok(inPassage.filter((m) => m === 'AUKUS').length > 2, `marks: ${inPassage}`);
  });
}
