// Note popovers as a reader meets them in each engine: by hover (after a
// delay), by keyboard focus (which only keyboard focus may show:
// `:focus-visible`), by a tap, closed by Escape; placed inside the viewport
// near the bottom and right edges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHAPTER } from '../e2e/corpus.mjs';
import { Key, eventually, until } from './reader.mjs';

const POPOVER = '#lattice-popover';

/** The popover lies wholly inside the viewport. */
async function insideViewport(r) {
  const box = await r.box(POPOVER);
  const { width, height } = await r.viewport();
  assert.ok(box, 'a popover');
  assert.ok(
    box.x >= 0 && box.y >= 0 && box.right <= width && box.bottom <= height,
    `popover ${JSON.stringify(box)} inside ${width}x${height}`,
  );
}

/** Press Tab until `css` has focus (at most `limit` times). */
async function tabTo(r, css, limit = 80) {
  // Tab straight past what precedes it, then one at a time.
  const before = await r.js((css) => {
    const target = document.querySelector(css);
    const focusable = [...document.querySelectorAll('a[href], button, input, select, [tabindex="0"]')].filter(
      (el) => !el.disabled && el.getClientRects().length > 0,
    );
    return Math.max(0, focusable.indexOf(target) - 1);
  }, css);
  await r.press(...Array(before).fill(Key.TAB));
  for (let i = before; i < limit && !(await r.focused(css)); i++) await r.press(Key.TAB);
  assert.ok(await r.focused(css), `${css} focused by Tab`);
}

export function notes(ctx) {
  test('hovering a marker opens its note after a delay, keeps it open inside, and Escape closes it', async () => {
    const r = ctx.reader;
    await r.go(`./#/doc/${CHAPTER.id}/p3`);
    const marker = '#ref-6-1';
    await r.placeAt(marker, 200);
    await r.js((css) => {
      const el = document.querySelector(css);
      el.addEventListener('pointerenter', () => (window.__latticeEnteredAt = performance.now()), { once: true });
    }, marker);
    await r.hover(marker);
    // Not at once: a pointer passing over the text opens nothing (judged
    // only if this look came well within the delay of 350 ms).
    const early = await r.js(() => ({
      open: !!document.querySelector('#lattice-popover'),
      after: performance.now() - window.__latticeEnteredAt,
    }));
    if (early.after < 250) assert.equal(early.open, false, `a popover ${early.after} ms after the pointer came`);
    await r.seeContaining(POPOVER, 'Wilkinson');
    assert.equal(await r.attr(POPOVER, 'role'), 'dialog');
    assert.equal(await r.attr(marker, 'aria-expanded'), 'true');
    assert.equal(await r.attr(marker, 'aria-label'), '註 6');
    assert.match(await r.attr(`${POPOVER} a.link`, 'href'), /^https?:\/\//);
    await insideViewport(r);
    await r.screenshot(ctx.engine, 'popover-hover');

    // From the marker into the popover: it stays open.
    const box = await r.box(POPOVER);
    await r.pointAt(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2));
    await r.driver.sleep(700);
    assert.equal(await r.count(POPOVER), 1, 'open while the pointer is inside');
    // Out of it: it closes.
    await r.pointAt(5, 5);
    await r.gone(POPOVER);
    assert.equal(await r.attr(marker, 'aria-expanded'), 'false');

    await r.hover(marker);
    await r.seeContaining(POPOVER, 'Wilkinson');
    await r.press(Key.ESCAPE);
    await r.gone(POPOVER);
  });

  test('keyboard focus opens the note and shows a focus ring; Tab enters it; Escape closes and returns focus', async () => {
    const r = ctx.reader;
    await r.go(`./#/doc/${CHAPTER.id}`);
    await r.seeText('main h1', CHAPTER.title);
    const marker = '#ref-1-1';
    await tabTo(r, marker);
    await r.seeContaining(POPOVER, 'Minilateralism');
    assert.equal(await r.attr(marker, 'aria-describedby'), 'lattice-popover-body');
    assert.equal(await r.attr(marker, 'aria-expanded'), 'true');
    await insideViewport(r);
    // The keyboard's focus is shown: :focus-visible matches, with a ring.
    const ring = await r.js((css) => {
      const el = document.querySelector(css);
      const s = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    }, marker);
    assert.deepEqual(ring, { visible: true, style: 'solid', width: 2 });
    await r.screenshot(ctx.engine, 'popover-focus');

    await r.press(Key.TAB);
    await eventually(
      () => r.js(() => !!document.activeElement?.closest('#lattice-popover') && document.activeElement.tagName),
      'A',
      'focus on the note’s first link',
    );
    await r.press(Key.ESCAPE);
    await r.gone(POPOVER);
    await eventually(() => r.focused(marker), true, 'focus back on the marker');
  });

  test('a mouse click shows no focus ring and opens no note by focus', async () => {
    const r = ctx.reader;
    await r.go(`./#/doc/${CHAPTER.id}`);
    await r.seeText('main h1', CHAPTER.title);
    const toggle = 'button.toggle-bilingual';
    await r.click(toggle);
    await eventually(() => r.attr(toggle, 'aria-pressed'), 'true', 'pressed');
    const ring = await r.js((css) => {
      const el = document.querySelector(css);
      return { visible: el.matches(':focus-visible'), style: getComputedStyle(el).outlineStyle };
    }, toggle);
    assert.equal(ring.visible, false, 'no :focus-visible after a click');
    assert.equal(ring.style, 'none', 'no outline after a click');
    // Then the keyboard: the next Tab shows the ring.
    await r.press(Key.TAB);
    const next = await r.js(() => {
      const el = document.activeElement;
      return el && el !== document.body && el.matches(':focus-visible') && getComputedStyle(el).outlineStyle;
    });
    assert.equal(next, 'solid', 'the element Tab reached shows a ring');
  });

  test('a tap opens the note without leaving the text; a tap elsewhere closes it', async (t) => {
    const r = ctx.reader;
    await r.resize(390, 844);
    await r.go(`./#/doc/${CHAPTER.id}/p3`);
    await r.seeText('main h1', CHAPTER.title);
    // Does this engine's WebDriver deliver touches? A tap on plain text first.
    const plain = await r.plainPoint();
    assert.ok(plain, 'a point on plain text');
    const seen = await r.tapAt(plain.x, plain.y);
    if (seen !== 'touch') {
      t.skip(`this engine's WebDriver turns actions of pointer type touch into pointer type ${seen}`);
      return;
    }
    const before = await r.url();
    await r.placeAt('#ref-6-1', 300);
    assert.equal(await r.tap('#ref-6-1'), 'touch');
    await r.seeContaining(POPOVER, 'Wilkinson');
    assert.equal(await r.attr('#ref-6-1', 'aria-expanded'), 'true');
    assert.equal(await r.url(), before, 'the tap did not follow the link');
    await insideViewport(r);
    await r.screenshot(ctx.engine, 'popover-tap-phone');
    const elsewhere = await r.plainPoint();
    assert.ok(elsewhere, 'a point on plain text beside the note');
    await r.tapAt(elsewhere.x, elsewhere.y);
    await r.gone(POPOVER);
    assert.equal(await r.attr('#ref-6-1', 'aria-expanded'), 'false');
  });

  test('near the bottom edge the popover flips above; near the top it opens below', async () => {
    const r = ctx.reader;
    await r.resize(1280, 700);
    await r.go(`./#/doc/${CHAPTER.id}/p3`);
    const marker = '#ref-8-1';
    await r.placeAt(marker, 640);
    await r.hover(marker);
    await r.find(POPOVER);
    await eventually(() => r.attr(POPOVER, 'data-placement'), 'above', 'placement');
    await insideViewport(r);
    assert.ok((await r.box(POPOVER)).bottom <= (await r.box(marker)).y, 'above the marker');
    await r.pointAt(1, 1);
    await r.gone(POPOVER);

    await r.placeAt(marker, 80);
    await r.hover(marker);
    await r.find(POPOVER);
    await eventually(() => r.attr(POPOVER, 'data-placement'), 'below', 'placement');
    await insideViewport(r);
    assert.ok((await r.box(POPOVER)).y >= (await r.box(marker)).y, 'below the marker');
    await r.pointAt(1, 1);
    await r.gone(POPOVER);
  });

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    test(`near the right edge the popover shifts left to stay on screen (${width}x${height})`, async () => {
      const r = ctx.reader;
      await r.resize(width, height);
      await r.go(`./#/doc/${CHAPTER.id}/p3`);
      await r.find('#p3');
      // The rightmost marker of the text.
      const id = await r.js(() => {
        let best = '';
        let right = -1;
        for (const a of document.querySelectorAll('.doc-body sup.noteref a')) {
          const box = a.getBoundingClientRect();
          if (box.right > right) [best, right] = [a.id, box.right];
        }
        return best;
      });
      assert.notEqual(id, '');
      await r.placeAt(`#${id}`, 200);
      const marker = await r.box(`#${id}`);
      assert.ok(marker.right > width * 0.6, `a marker near the right edge: ${JSON.stringify(marker)}`);
      await r.hover(`#${id}`);
      await r.find(POPOVER);
      await insideViewport(r);
      const box = await r.box(POPOVER);
      // Centred on the marker it would overflow; it was shifted instead.
      assert.ok(box.x + box.width / 2 < marker.x + marker.width / 2, 'shifted left');
      assert.ok(box.right <= width - 7, `a margin at the right: ${box.right}`);
      await r.pointAt(1, 1);
      await r.gone(POPOVER);
    });
  }
}
