// Measures a release build the way a reader meets it: served by a plain static
// server on loopback, opened in a fresh Chromium profile (no cache, no service
// worker yet), observed through the DevTools protocol. Prints one table row
// per build. scripts/perf.sh builds the corpora (1×, 10×, 100×) and calls this.
//
//   node scripts/perf.mjs 1x=dist [10x=target/perf/dist-10 ...] [--runs 5] [--json out.json]
//
// What each column means (medians over --runs fresh visits, except bytes):
// - first load: every response the page received until it was interactive and
//   the network idle, as served (raw) and as gzip -9 / brotli (q11) would send
//   it, split by kind (wasm, JS, CSS, data = corpus files, other = HTML,
//   icons, manifest). The service worker's own precache downloads run in the
//   worker, after first content, and are reported apart ("precache").
// - FCP: first-contentful-paint from the Paint Timing API.
// - interactive: the app has mounted and rendered the library (its <h1> is in
//   the DOM), measured from navigation start; the wasm is instantiated and
//   event handlers attached by then, since Yew renders after both.
// - open doc: click on the first document in the library to its title in the
//   DOM (includes fetching the document when the build keeps it apart).
// - first search: focusing the header search box and entering the whole
//   query to the box listing its hits (a split corpus fetches its index files
//   meanwhile).
// - keystroke: typing a query into the header search box one character at a
//   time (30 ms apart), each measured from the input event to the DOM updated
//   and laid out (a forced layout after Yew's render microtasks); median and
//   max. "warm": the same query typed again, pass after pass, until a whole
//   pass started no request; only that pass's keystrokes count (every file
//   each prefix needs at hand: a split corpus never fetches a file twice).
//   A keystroke that fetches returns at once ("searching") and would hide
//   the work of a warm one. scripts/keystroke-profile.mjs shows where a
//   warm keystroke's time goes.
// - per query (a set: CJK word, Simplified, full-width, English word, phrase,
//   absent, dense terms, a glossary term): from a fresh visit, after the
//   first load, the results page for the query — bytes fetched (brotli, as
//   a compressing host sends them) and requests beyond the first load until
//   the network is idle, and the time from the address change to the
//   results (or "no matches") on screen. An embedded corpus fetches nothing.
// - build s / dist MB: from scripts/perf.sh (target/perf/builds.json), when
//   it built the dist.
// - JS heap: Performance.getMetrics JSHeapUsedSize after the search.
// - wasm memory: the byte length of the module's WebAssembly.Memory (linear
//   memory reserved: it grows in 64 KiB pages and never shrinks), read from
//   the `wasm` exports Trunk passes in its TrunkApplicationStarted event.
import { launchChromium, serveDir, timeKeystroke } from './browser.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const RUNS = Number(opt('--runs', 5));
const JSON_OUT = opt('--json', null);
const builds = args.map((a) => {
  const [label, dir] = a.includes('=') ? a.split('=') : [a, a];
  return { label, dir };
});
if (builds.length === 0) builds.push({ label: '1x', dir: 'dist' });
// Build time and dist size per label, when scripts/perf.sh built them.
const BUILDS = (() => {
  try {
    return JSON.parse(readFileSync('target/perf/builds.json', 'utf8'));
  } catch {
    return {};
  }
})();

const QUERY = '四方安全對話';
// The per-query set (issue 12): what each kind of query costs.
const QUERIES = [
  ['CJK word', '小多邊主義'],
  ['Simplified', '四方安全对话'],
  ['full-width', 'ＡＵＫＵＳ'],
  ['English word', 'security'],
  ['phrase', '"四方關鍵礦產倡議"'],
  ['absent', '不存在的詞語'],
  ['dense: 的', '的'],
  ['dense: Quad', 'Quad'],
  ['glossary term', 'Rubio'],
  // The densest of the native benchmark's set (crates/lattice-core/benches/search.rs).
  ['dense: 國', '國'],
  ['dense: a', 'a'],
  ['OR', 'Quad OR AUKUS'],
  ['long phrase', '強化友盟關係的策略'],
  ['two words', '美日韓 三邊'],
];
// Where a query's bytes go: the split search index (postings and the texts
// of shown hits), the glossary (fetched for expansion on first use), and
// the rest (catalogue pages, documents chunks of the layout).
const PARTS = ['index', 'glossary', 'other'];
function partOf(path) {
  if (path.includes('/search/')) return 'index';
  if (path.includes('glossary')) return 'glossary';
  return 'other';
}
const PER_QUERY = process.env.PERF_QUERIES !== '0';
const KINDS = ['wasm', 'js', 'css', 'data', 'other'];

function kindOf(path) {
  if (path.includes('/corpus/')) return 'data';
  const ext = extname(path);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js') return 'js';
  if (ext === '.css') return 'css';
  return 'other';
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function serve(dir) {
  return serveDir(dir, await freePort());
}

/** The files the service worker precaches on a first visit, from sw.js:
 *  the shell, and the corpus files it lists inline (all of them below its
 *  budget, else all but documents and search index files). */
function precache(dir) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const list = (name) => {
    const m = new RegExp(`const ${name} = (\\[.*?\\]);`).exec(sw);
    return m ? JSON.parse(m[1]) : [];
  };
  const files = [...list('SHELL'), ...list('INLINE').map((row) => row[0]), ...list('LAZY')];
  const total = zero();
  for (const file of files) {
    Object.assign(total, add(total, sizes(readFileSync(join(dir, file)))));
  }
  return { files: files.length, ...total };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** A fresh browser context (no cache, no service worker yet unless
 *  `serviceWorkers` says otherwise) with one page, its wasm memory recorded
 *  at start-up, and a DevTools session recording every response body from
 *  when `record()` is called: `take()` returns them (path and bytes) and
 *  starts over. The one way both the visit and the per-query cost watch the
 *  network. */
async function openPage(browser, { serviceWorkers = 'allow', interactive = false } = {}) {
  const context = await browser.newContext({ locale: 'zh-TW', serviceWorkers });
  const page = await context.newPage();
  await page.addInitScript((interactive) => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__latticeWasmMemory = e.detail.wasm.memory;
    });
    if (!interactive) return;
    new MutationObserver((_, observer) => {
      if (document.querySelector('main.page h1')) {
        window.__latticeInteractive = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, interactive);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = new Map();
  let bodies = [];
  let recording = false;
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = responses.get(e.requestId);
    if (!recording || !url) return;
    bodies.push(
      cdp
        .send('Network.getResponseBody', { requestId: e.requestId })
        .then(({ body, base64Encoded }) => ({
          path: new URL(url).pathname,
          body: Buffer.from(body, base64Encoded ? 'base64' : 'utf8'),
        }))
        .catch(() => null),
    );
  });
  const record = () => {
    recording = true;
  };
  const take = async () => {
    const got = (await Promise.all(bodies)).filter(Boolean);
    bodies = [];
    return got;
  };
  const wasmMemory = () => page.evaluate(() => window.__latticeWasmMemory?.buffer.byteLength ?? NaN);
  return { context, page, cdp, record, take, wasmMemory };
}

async function visit(browser, url) {
  const { context, page, cdp, record, take, wasmMemory: memory } = await openPage(browser, { interactive: true });
  await cdp.send('Performance.enable');
  record();
  await page.goto(url);
  await page.waitForFunction(() => window.__latticeInteractive !== undefined);
  await page.waitForLoadState('networkidle');
  const firstLoad = await take();
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    interactive: window.__latticeInteractive,
  }));

  // Open the first document.
  const t0 = Date.now();
  const first = page.locator('.document-list > li a').first();
  const title = await first.innerText();
  await first.click();
  await page.locator('main.page h1', { hasText: title.trim() }).waitFor();
  const openDoc = Date.now() - t0;
  await page.goto(url);
  await page.locator('main.page h1').waitFor();

  // Search, if this build has a search box.
  const input = page.locator('[role=search] input').first();
  let firstSearch = NaN;
  const keys = [];
  const warm = [];
  if ((await input.count()) > 0) {
    firstSearch = await input.evaluate(async (el, query) => {
      const t = performance.now();
      el.focus();
      el.value = query;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, data: query, inputType: 'insertText' }));
      // Hits listed (more than the last "see all" option).
      while (document.querySelectorAll('#lattice-search-listbox [role=option]').length < 2) {
        await new Promise((r) => setTimeout(r, 2));
      }
      return performance.now() - t;
    }, QUERY);
    // Requests the page started: a keystroke that started one was not warm.
    let requested = 0;
    cdp.on('Network.requestWillBeSent', () => requested++);
    /** Types QUERY into the emptied box; per keystroke its latency and
     *  whether it started a request. */
    const type = async () => {
      await input.evaluate((el) => {
        el.value = '';
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContent' }));
      });
      const typed = [];
      for (const ch of QUERY) {
        const before = requested;
        const ms = await timeKeystroke(input, ch);
        // What the keystroke fetches arrives meanwhile, as in a reader's pause.
        await page.waitForTimeout(30);
        typed.push({ ms, fetched: requested > before });
      }
      await page.waitForLoadState('networkidle');
      return typed;
    };
    keys.push(...(await type()).map((k) => k.ms));
    // A prefix's files come in stages (postings, then the texts of its
    // hits), each asked for only while it is on screen: type the query
    // again until a whole pass fetches nothing (at most 5 times). Warm
    // keystrokes are those of that pass — every file at hand, nothing
    // fetched — and never one that started a request.
    for (let pass = 0; pass < 5; pass++) {
      const typed = await type();
      if (typed.every((k) => !k.fetched)) {
        warm.push(...typed.map((k) => k.ms));
        break;
      }
    }
  }
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const wasmMemory = await memory();
  await context.close();
  return { firstLoad, ...timing, openDoc, firstSearch, keys, warm, heap: metrics.JSHeapUsedSize, wasmMemory };
}

/** One query from a fresh visit: bytes and requests beyond the first load,
 *  time to results, and wasm memory after it. */
async function queryCost(browser, url, query) {
  const { context, page, record, take, wasmMemory: memory } = await openPage(browser, { serviceWorkers: 'block' });
  await page.goto(url);
  await page.locator('main.page h1').waitFor();
  await page.waitForLoadState('networkidle');
  record();
  const ms = await page.evaluate(async (query) => {
    const t = performance.now();
    location.hash = `#/search?q=${encodeURIComponent(query)}`;
    const answered = () => {
      const page = document.querySelector('.search-page');
      return (
        page &&
        page.getAttribute('aria-busy') !== 'true' &&
        (document.querySelector('.search-hit') || document.querySelector('.search-empty') || document.querySelector('.search-failed'))
      );
    };
    while (!answered()) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - t;
  }, query);
  await page.waitForLoadState('networkidle');
  const got = await take();
  const bytes = got.reduce((t, { body }) => add(t, sizes(body)), zero());
  const parts = Object.fromEntries(PARTS.map((p) => [p, { requests: 0, ...zero() }]));
  for (const { path, body } of got) {
    const part = parts[partOf(path)];
    Object.assign(part, add(part, sizes(body)));
    part.requests++;
  }
  const wasmMemory = await memory();
  await context.close();
  return { ms, requests: got.length, bytes, parts, wasmMemory };
}

async function measure(browser, { label, dir }) {
  const { server, url } = await serve(dir);
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, url));
    const bytes = Object.fromEntries(KINDS.map((k) => [k, zero()]));
    for (const { path, body } of runs[0].firstLoad) {
      bytes[kindOf(path)] = add(bytes[kindOf(path)], sizes(body));
    }
    const total = KINDS.reduce((t, k) => add(t, bytes[k]), zero());
    const keys = runs.flatMap((r) => r.keys);
    const warm = runs.flatMap((r) => r.warm);
    const queries = [];
    if (PER_QUERY) {
      for (const [name, q] of QUERIES) {
        const costs = [];
        for (let i = 0; i < Math.min(RUNS, 3); i++) costs.push(await queryCost(browser, url, q));
        queries.push({
          name,
          query: q,
          ms: median(costs.map((c) => c.ms)),
          requests: costs[0].requests,
          bytes: costs[0].bytes,
          parts: costs[0].parts,
          wasmMemory: Math.max(...costs.map((c) => c.wasmMemory)),
        });
      }
    }
    const built = BUILDS[label] ?? {};
    return {
      label,
      bytes,
      total,
      requests: runs[0].firstLoad.length,
      precache: precache(dir),
      fcp: median(runs.map((r) => r.fcp)),
      interactive: median(runs.map((r) => r.interactive)),
      openDoc: median(runs.map((r) => r.openDoc)),
      firstSearch: median(runs.map((r) => r.firstSearch)),
      keyMedian: median(keys),
      keyMax: keys.length ? Math.max(...keys) : NaN,
      warmMedian: median(warm),
      warmMax: warm.length ? Math.max(...warm) : NaN,
      warmCount: warm.length,
      queries,
      buildSeconds: built.seconds ?? NaN,
      buildPeak: built.peak ?? NaN,
      distBytes: built.bytes ?? NaN,
      distFiles: built.files ?? NaN,
      heap: median(runs.map((r) => r.heap)),
      wasmMemory: median(runs.map((r) => r.wasmMemory)),
    };
  } finally {
    server.kill();
  }
}

// kB are 1000 bytes: the budget's "200 KB" read the strict way (200,000
// bytes, not 200 KiB).
const kb = (n) => (n / 1000).toFixed(1);
const BUDGET_BYTES = 200_000;
const ms = (n) => (Number.isNaN(n) ? '—' : n.toFixed(n < 10 ? 1 : 0));
const mb = (n) => (Number.isNaN(n) ? '—' : (n / 1048576).toFixed(1));

function table(results) {
  const rows = [
    ['corpus', ...results.map((r) => r.label)],
    ...KINDS.map((k) => [
      `${k} kB raw / gz / br`,
      ...results.map((r) => `${kb(r.bytes[k].raw)} / ${kb(r.bytes[k].gzip)} / ${kb(r.bytes[k].brotli)}`),
    ]),
    ['first load kB raw / gz / br', ...results.map((r) => `${kb(r.total.raw)} / ${kb(r.total.gzip)} / ${kb(r.total.brotli)}`)],
    ['first load requests', ...results.map((r) => String(r.requests))],
    ['first load brotli bytes', ...results.map((r) => String(r.total.brotli))],
    ['budget: ≤ 200 kB brotli', ...results.map((r) => (r.total.brotli <= BUDGET_BYTES ? 'ok' : 'OVER'))],
    ['precache (SW) files, kB raw / br', ...results.map((r) => `${r.precache.files}, ${kb(r.precache.raw)} / ${kb(r.precache.brotli)}`)],
    ['FCP ms', ...results.map((r) => ms(r.fcp))],
    ['budget: FCP ≤ 300 ms', ...results.map((r) => (r.fcp <= 300 ? 'ok' : 'OVER'))],
    ['interactive ms', ...results.map((r) => ms(r.interactive))],
    ['open first document ms', ...results.map((r) => ms(r.openDoc))],
    ['first search: hits listed ms', ...results.map((r) => ms(r.firstSearch))],
    ['keystroke ms median / max', ...results.map((r) => `${ms(r.keyMedian)} / ${ms(r.keyMax)}`)],
    ['warm keystroke ms median / max (n)', ...results.map((r) => `${ms(r.warmMedian)} / ${ms(r.warmMax)} (${r.warmCount})`)],
    ...QUERIES.filter(() => PER_QUERY).map(([name, q], i) => [
      `${name} ${q}: kB br (index + glossary + other), requests, ms`,
      ...results.map((r) => {
        const c = r.queries[i];
        if (!c) return '—';
        const p = c.parts;
        return `${kb(c.bytes.brotli)} (${kb(p.index.brotli)} + ${kb(p.glossary.brotli)} + ${kb(p.other.brotli)}), ${c.requests}, ${ms(c.ms)}`;
      }),
    ]),
    ...(PER_QUERY
      ? [
          [
            'budget: each query\'s index ≤ 300 kB br',
            ...results.map((r) => {
              const over = r.queries.filter((c) => c.parts.index.brotli > 300_000).map((c) => c.query);
              return over.length ? `OVER: ${over.join(', ')}` : 'ok';
            }),
          ],
          ['budget: each query ≤ 1 s cold', ...results.map((r) => (r.queries.every((c) => c.ms <= 1000) ? 'ok' : 'OVER'))],
        ]
      : []),
    ['wasm memory MB after a query (max)', ...results.map((r) => mb(r.queries.length ? Math.max(...r.queries.map((c) => c.wasmMemory)) : NaN))],
    ['build s, peak MB', ...results.map((r) => `${ms(r.buildSeconds)}, ${mb(r.buildPeak)}`)],
    ['dist files, MB', ...results.map((r) => `${Number.isNaN(r.distFiles) ? '—' : r.distFiles}, ${mb(r.distBytes)}`)],
    ['JS heap MB', ...results.map((r) => mb(r.heap))],
    ['wasm memory MB', ...results.map((r) => mb(r.wasmMemory))],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

const browser = await launchChromium();
const results = [];
try {
  for (const build of builds) {
    process.stderr.write(`measuring ${build.label} (${build.dir}), ${RUNS} visits...\n`);
    results.push(await measure(browser, build));
  }
} finally {
  await browser.close();
}
console.log(`\nLattice performance (${RUNS} fresh visits each, loopback, no throttling; medians)\n`);
console.log(table(results));
// Every build scripts/perf.sh timed (measured in the browser or not) is
// printed by scripts/build-table.mjs, which perf.sh runs after this.
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
