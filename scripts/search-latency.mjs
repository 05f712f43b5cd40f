// Per-keystroke search latency in the browser, on the real corpus: types
// queries one character at a time into the header's search box and measures,
// for each keystroke, the time from the `input` event to the frame after the
// results were rendered (the suggestions list, and the results page, which
// re-renders its whole list as the reader types). Prints p50/p95/max.
// Run after `trunk build --release`:  node scripts/search-latency.mjs
import { launchChromium, serveDir } from './browser.mjs';

const PORT = 4175;
const base = `http://127.0.0.1:${PORT}/`;
const QUERIES = ['四方安全对话', 'Indo-Pacific', 'ＡＵＫＵＳ', 'Rubio', '美國 中國', '小多邊主義的現況'];
const ROUNDS = 5;

const { server } = await serveDir('dist', PORT);
const browser = await launchChromium();

/** In the page: time from each `input` event to the frame after it. Yew
 * renders the new results before the browser's next frame (in the event's own
 * task or a microtask after it), so that frame shows them; the callback of the
 * frame after it runs once it has been painted. */
const INSTRUMENT = () => {
  window.__latency = [];
  window.__work = [];
  document.addEventListener('input', () => {
    const t0 = performance.now();
    // The next task starts once the search ran and the DOM was updated.
    setTimeout(() => window.__work.push(performance.now() - t0), 0);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__latency.push(performance.now() - t0);
    }));
  }, true);
};

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const report = {};
try {
  for (const [name, url] of [
    ['suggestions (library page)', '#/'],
    ['results page', '#/search?q='],
  ]) {
    const all = [];
    const work = [];
    let searchMs = [];
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage();
      await page.goto(base + url);
      await page.locator('#lattice-search-input').waitFor();
      await page.evaluate(INSTRUMENT);
      for (const query of QUERIES) {
        await page.locator('#lattice-search-input').fill('');
        await page.locator('#lattice-search-input').focus();
        await page.waitForTimeout(50);
        await page.evaluate(() => { window.__latency = []; window.__work = []; });
        for (const ch of query) {
          const before = await page.evaluate(() => window.__latency.length);
          await page.keyboard.insertText(ch);
          await page.waitForFunction((n) => window.__latency.length > n, before);
        }
        all.push(...(await page.evaluate(() => window.__latency)));
        work.push(...(await page.evaluate(() => window.__work)));
      }
      await page.goto(base + '#/search?q=Quad');
      // The split index's step for one query, files at hand or fetched.
      await page.locator('section.search-page[aria-busy="false"]').waitFor();
      const ms = await page.locator('.search-timing').getAttribute('data-search-ms');
      searchMs.push(Number(ms));
      await page.close();
    }
    report[`${name}: DOM updated`] = stats(work);
    report[`${name}: painted`] = stats(all);
    report['search for Quad, cold page (ms)'] = stats(searchMs);
  }
} finally {
  await browser.close();
  server.kill();
}
const fmt = (x) => x.toFixed(1).padStart(6);
console.log('per-keystroke latency on the real corpus (ms), from the input event to');
console.log('the DOM holding the new results, and to the frame after they were painted');
console.log('(headless Chromium: frames come every ~16.7 ms, so "painted" includes the wait for them)');
console.log('what                                              n     p50    p95    max');
for (const [name, s] of Object.entries(report)) {
  console.log(`${name.padEnd(47)} ${String(s.n).padStart(4)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)}`);
}
