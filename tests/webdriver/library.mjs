// What a reader does first: the library, a document and back, a deep link
// that survives a reload, Back returning to the place left (the app restores
// scrolling itself; each engine's own restoration raced it), the glossary
// page and bilingual mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { By } from 'selenium-webdriver';
import { CHAPTER, QUAD } from '../e2e/corpus.mjs';
import { eventually, until } from './reader.mjs';

/** Scroll to `y` as a reader would, and wait until the app has saved it. */
async function scrollTo(r, y) {
  await r.js((y) => window.scrollTo(0, y), y);
  await eventually(() => r.scrollY(), y, 'scrolled');
  await r.driver.sleep(300);
}

export function library(ctx) {
  test('the library lists both documents with author, date and kind', async () => {
    const r = ctx.reader;
    await r.go('./');
    await r.seeText('main h1', '書庫');
    await eventually(() => r.count('.document-list > li'), 2, 'library entries');
    const entries = await r.texts('.document-list > li');
    const quad = entries.find((e) => e.includes(QUAD.title));
    assert.ok(quad, `an entry titled ${QUAD.title} in ${entries}`);
    for (const part of ['林柏州', '2025年7月4日', '網路評析']) assert.ok(quad.includes(part), part);
    assert.ok(entries.find((e) => e.includes(CHAPTER.title))?.includes('專書章節'));
    assert.equal(await r.driver.getTitle(), '書庫 · Lattice 印太安全研究讀本');
    assert.equal(await r.attr('html', 'lang'), 'zh-Hant');
  });

  test('opening a document shows its title and body, and Back returns', async () => {
    const r = ctx.reader;
    await r.go('./');
    await r.find('.document-list > li');
    await r.driver.findElement(By.linkText(QUAD.title)).click();
    await eventually(() => r.hash(), `#/doc/${QUAD.id}`, 'address');
    await r.seeText('main h1', QUAD.title);
    await r.seeContaining('.doc-body', '川普上任後');
    assert.ok((await r.count('.doc-body p')) > 5);
    assert.equal(await r.driver.getTitle(), `${QUAD.title} · Lattice 印太安全研究讀本`);
    await r.back();
    await r.seeText('main h1', '書庫');
  });

  test('a deep link to a note survives a reload', async () => {
    const r = ctx.reader;
    await r.go(`./#/doc/${CHAPTER.id}/n5`);
    await r.seeText('main h1', CHAPTER.title);
    await eventually(() => r.inViewport('li#n5'), true, 'note 5 in view');
    await r.reload();
    await r.seeText('main h1', CHAPTER.title);
    await until(() => r.attr('li#n5', 'class'), (c) => /\bis-target\b/.test(c ?? ''), 'note 5 targeted');
    await eventually(() => r.inViewport('li#n5'), true, 'note 5 in view after the reload');
    assert.match(await r.text('li#n5'), /\S/);
  });

  test('Back returns to the place left, after a contents link and from another page', async () => {
    const r = ctx.reader;
    await r.go(`./#/doc/${CHAPTER.id}`);
    await r.seeText('main h1', CHAPTER.title);
    // Each time from another place: what is remembered after a Back is the
    // new place, and Back at once (before any debounced save) still works.
    for (let i = 0; i < 3; i++) {
      const y = 1500 + 300 * i;
      await scrollTo(r, y);
      await (await r.driver.findElements(By.css('nav.toc a')))[i + 2].click();
      await until(() => r.hash(), (h) => /^#\/doc\/[^/]+\/h\d+$/.test(h), 'at a heading');
      await until(() => r.scrollY(), (at) => at !== y, 'scrolled to the heading');
      await r.back();
      await eventually(() => r.hash(), `#/doc/${CHAPTER.id}`, 'back at the document');
      await eventually(() => r.scrollY(), y, 'back at the place left');
    }
    await scrollTo(r, 2000);
    await r.go('./#/glossary');
    await r.seeText('main h1', '詞彙表');
    await r.back();
    await r.seeText('main h1', CHAPTER.title);
    await eventually(() => r.scrollY(), 2000, 'back at the place left');
  });

  test('the glossary page lists the terms and filters by any form, folded', async () => {
    const r = ctx.reader;
    await r.go('./#/glossary');
    await r.seeText('main h1', '詞彙表');
    const rows = '.glossary-table tbody tr';
    const total = await until(() => r.count(rows), (n) => n > 50, 'glossary rows');
    const filter = await r.find('.glossary-filter input');
    for (const query of ['四方安全对话', 'ｑｕａｄｒｉｌａｔｅｒａｌ']) {
      await filter.clear();
      await filter.click();
      await r.type(query);
      await until(() => r.count(rows), (n) => n > 0 && n < total, `rows for ${query}`);
      const shown = await r.texts(rows);
      assert.equal(
        shown.filter((t) => t.includes('Quadrilateral Security Dialogue')).length,
        1,
        `${query}: ${shown.join(' | ')}`,
      );
    }
  });

  test('bilingual mode glosses the Chinese terms in English and back off', async () => {
    const r = ctx.reader;
    await r.go(`./#/doc/${CHAPTER.id}`);
    await r.seeText('main h1', CHAPTER.title);
    const toggle = 'button.toggle-bilingual';
    assert.equal(await r.attr(toggle, 'aria-pressed'), 'false');
    assert.equal(await r.text(toggle), '雙語對照');
    await r.click(toggle);
    await eventually(() => r.attr(toggle, 'aria-pressed'), 'true', 'pressed');
    // The first Chinese use of a term in each section is glossed (the core's
    // glossary::marks), inline after the term.
    await until(() => r.count('.doc-body .term-gloss'), (n) => n > 5, 'glossed terms');
    const gloss = await r.js(() => {
      const term = [...document.querySelectorAll('.doc-body .term-bilingual')].find((t) =>
        t.textContent.startsWith('小多邊主義'),
      );
      const rt = term?.querySelector('.term-gloss');
      return rt && { text: rt.textContent, lang: rt.lang, shown: rt.getBoundingClientRect().height > 0 };
    });
    assert.deepEqual(gloss, { text: 'mini-lateralism', lang: 'en', shown: true });
    await r.click(toggle);
    await eventually(() => r.count('.doc-body .term-gloss'), 0, 'glosses gone');
    assert.equal(await r.attr(toggle, 'aria-pressed'), 'false');
  });
}
