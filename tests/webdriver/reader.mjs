// What a test does in the page, in a reader's words, over any engine's
// WebDriver session: go to an address, wait for what shows, point, tap, type,
// press keys, resize the window to a phone, take a screenshot. One set of
// helpers for every engine: nothing here branches on the engine.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { By, Key, Origin } from 'selenium-webdriver';
import { Command } from 'selenium-webdriver/lib/command.js';

export { Key };

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Poll `probe` until `ok` holds for its value; fail with the last value. */
export async function until(probe, ok, message, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      assert.fail(`${message}: still ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Poll until `probe()` deep-equals `expected`. */
export const eventually = (probe, expected, message, timeoutMs) =>
  until(probe, (v) => JSON.stringify(v) === JSON.stringify(expected), `${message} (want ${JSON.stringify(expected)})`, timeoutMs);

export class Reader {
  /** `driver`: a selenium session; `base`: the site's address, ending in `/`. */
  constructor(driver, base) {
    this.driver = driver;
    this.base = base;
  }

  /** Open `path` (relative to the site: `./#/doc/x`). */
  async go(path) {
    await this.driver.get(new URL(path, this.base).href);
  }

  /** Run `fn(...args)` in the page and return its result. */
  js(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  url() {
    return this.driver.getCurrentUrl();
  }

  /** The page's hash, decoded: `#/doc/x/n5`. */
  async hash() {
    return decodeURIComponent(new URL(await this.url()).hash);
  }

  /** How many elements match `css`. */
  count(css) {
    return this.js((css) => document.querySelectorAll(css).length, css);
  }

  /** The rendered text of the first match of `css` (null if none). */
  text(css) {
    return this.js((css) => document.querySelector(css)?.innerText.trim() ?? null, css);
  }

  /** Every match's rendered text. */
  texts(css) {
    return this.js((css) => [...document.querySelectorAll(css)].map((e) => e.innerText.trim()), css);
  }

  attr(css, name) {
    return this.js((css, name) => document.querySelector(css)?.getAttribute(name) ?? null, css, name);
  }

  /** Wait until `css` matches an element and return it. */
  async find(css, timeoutMs) {
    await until(() => this.count(css), (n) => n > 0, `waiting for ${css}`, timeoutMs);
    return this.driver.findElement(By.css(css));
  }

  /** Wait until the first match of `css` has exactly this text. */
  async seeText(css, expected, timeoutMs) {
    await eventually(() => this.text(css), expected, `text of ${css}`, timeoutMs);
  }

  /** Wait until the first match of `css` contains `part`. */
  async seeContaining(css, part, timeoutMs) {
    await until(() => this.text(css), (t) => t?.includes(part), `${css} containing ${part}`, timeoutMs);
  }

  /** Wait until nothing matches `css`. */
  async gone(css, timeoutMs) {
    await eventually(() => this.count(css), 0, `${css} gone`, timeoutMs);
  }

  /** The element's box in viewport coordinates. */
  box(css) {
    return this.js((css) => {
      const r = document.querySelector(css)?.getBoundingClientRect();
      return r && { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
    }, css);
  }

  viewport() {
    return this.js(() => ({ width: innerWidth, height: innerHeight }));
  }

  /** Scroll so the element's top sits `y` px below the viewport's top. */
  async placeAt(css, y) {
    await this.find(css);
    await this.js(
      (css, y) => window.scrollBy(0, document.querySelector(css).getBoundingClientRect().top - y),
      css,
      y,
    );
  }

  /** Make the page's viewport exactly `width` × `height` CSS pixels. */
  async resize(width, height) {
    const win = this.driver.manage().window();
    let rect = { width, height };
    for (let i = 0; i < 4; i++) {
      try {
        await win.setRect({ width: Math.round(rect.width), height: Math.round(rect.height) });
      } catch (e) {
        // WebKitWebDriver now and then refuses a size it accepts a moment
        // later ("Invalid width value"): wait, then ask again from scratch.
        if (!/Invalid (width|height)/.test(String(e?.message ?? e))) throw e;
        await this.driver.sleep(250);
        rect = { width, height };
        continue;
      }
      const seen = await this.viewport();
      if (seen.width === width && seen.height === height) {
        // A window without the keyboard focus never shows keyboard focus.
        assert.equal(await this.js(() => document.hasFocus()), true, 'the page has the keyboard focus');
        return;
      }
      // The window's frame: grow the window by what the viewport lacks.
      const outer = await win.getRect();
      rect = { width: outer.width + width - seen.width, height: outer.height + height - seen.height };
    }
    assert.deepEqual(await this.viewport(), { width, height }, 'the viewport after resizing');
  }

  /** Move the mouse to the element's centre. */
  async hover(css) {
    const el = await this.find(css);
    await this.driver.actions().move({ origin: el, duration: 50 }).perform();
  }

  /** Move the mouse to a point of the viewport. */
  async pointAt(x, y) {
    await this.driver.actions().move({ origin: Origin.VIEWPORT, x, y, duration: 50 }).perform();
  }

  async click(css) {
    await (await this.find(css)).click();
  }

  /**
   * A tap: W3C actions of pointer type touch on the element's centre.
   * Returns the pointer type the page saw on its pointerdown (`touch` where
   * the engine's WebDriver dispatches touches).
   */
  async tap(css) {
    const el = await this.find(css);
    return this.#touch({ [ELEMENT]: await el.getId() }, 0, 0);
  }

  /** A tap at a point of the viewport; returns the pointer type seen, as `tap`. */
  tapAt(x, y) {
    return this.#touch('viewport', Math.round(x), Math.round(y));
  }

  async #touch(origin, x, y) {
    await this.js(() => {
      window.__latticeTapSeen = null;
      addEventListener('pointerdown', (e) => (window.__latticeTapSeen = e.pointerType), {
        once: true,
        capture: true,
      });
    });
    const actions = [
      {
        type: 'pointer',
        id: 'finger',
        parameters: { pointerType: 'touch' },
        actions: [
          { type: 'pointerMove', duration: 0, origin, x, y },
          { type: 'pointerDown', button: 0 },
          { type: 'pause', duration: 60 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ];
    await this.driver.execute(new Command('actions').setParameter('actions', actions));
    await this.driver.execute(new Command('clearActions'));
    return this.js(() => window.__latticeTapSeen);
  }

  /**
   * A point of the viewport on plain text of `.doc-body` (no link, button,
   * term or note marker, and not on `avoid`), for a tap on "nothing".
   */
  plainPoint(avoid = '#lattice-popover') {
    return this.js((avoid) => {
      for (let y = innerHeight - 40; y > 40; y -= 23) {
        for (let x = 40; x < innerWidth - 40; x += 31) {
          const el = document.elementFromPoint(x, y);
          if (el?.closest('.doc-body') && !el.closest(`a, button, .term, sup, ${avoid}`)) return { x, y };
        }
      }
      return null;
    }, avoid);
  }

  /** Press keys, one after another, wherever focus is. */
  async press(...keys) {
    let a = this.driver.actions();
    for (const k of keys) a = a.keyDown(k).keyUp(k);
    await a.perform();
  }

  /** Type text into the focused element. */
  async type(text) {
    await this.driver.actions().sendKeys(text).perform();
  }

  /** Whether the element matching `css` has focus. */
  focused(css) {
    return this.js((css) => document.activeElement === document.querySelector(css), css);
  }

  /** The window's scroll offset, rounded. */
  scrollY() {
    return this.js(() => Math.round(scrollY));
  }

  /** Whether the element is at least partly inside the viewport. */
  inViewport(css) {
    return this.js((css) => {
      const r = document.querySelector(css)?.getBoundingClientRect();
      return !!r && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    }, css);
  }

  /**
   * Reload as the page's own reload (F5, the reload button) does. Not
   * WebDriver's Refresh: geckodriver's reloads past the service worker (the
   * page it loads is never controlled), which no reader's reload does.
   */
  async reload() {
    await this.js(() => {
      window.__latticeBeforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await until(
      () => this.js(() => !window.__latticeBeforeReload && document.readyState === 'complete'),
      (fresh) => fresh,
      'the reloaded page',
      30_000,
    );
  }

  async back() {
    await this.driver.navigate().back();
  }

  /**
   * Save a PNG of the viewport as `<LATTICE_WD_SHOTS>/<engine>-<name>.png`
   * when that folder is given (scripts/test.sh does not; the screenshots are
   * for a person to look at).
   */
  async screenshot(engine, name) {
    const dir = process.env.LATTICE_WD_SHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${engine}-${name}.png`), await this.driver.takeScreenshot(), 'base64');
  }
}
