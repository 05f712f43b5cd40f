// Where a warm keystroke's time goes: types queries into the header search
// box of a built site, one character at a time, and for each keystroke
// records the latency perf.mjs reports (input event to the DOM updated and
// laid out) and a CPU profile of that keystroke alone (DevTools `Profiler`,
// 50 µs sampling). Prints every warm keystroke sorted by latency, and for
// the slowest ones the functions their samples spent the most self time in
// (wasm functions keep their names only in a build whose wasm has a name
// section: see --named below), plus garbage collection and layout.
//
// "Warm": the query was typed to the end before and every file it asked for
// arrived (the network was idle), and the keystroke itself started no
// request. Keystrokes that started one are listed apart, never mixed in.
//
//   node scripts/keystroke-profile.mjs target/perf/site-docs-10000 [--rounds 5]
//        [--queries '四方安全對話,Indo-Pacific'] [--top 3] [--json out.json]
//
// Not a test: numbers only.
import { launchChromium, serveDir, timeKeystroke } from './browser.mjs';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const ROUNDS = Number(opt('--rounds', 5));
const TOP = Number(opt('--top', 3));
const JSON_OUT = opt('--json', null);
const QUERIES = opt('--queries', '四方安全對話').split(',');
const DIR = args[0] ?? 'dist';

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Type `query` into the box one character at a time (after clearing it);
 *  per keystroke its latency, the requests it started, and its profile when
 *  `profile` is set. */
async function type(page, cdp, query, { profile, requests }) {
  const input = page.locator('[role=search] input').first();
  await input.evaluate((el) => {
    el.value = '';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContent' }));
  });
  await page.waitForTimeout(50);
  const keys = [];
  let typed = '';
  for (const ch of query) {
    typed += ch;
    const before = requests.length;
    if (profile) await cdp.send('Profiler.start');
    const ms = await timeKeystroke(input, ch);
    const prof = profile ? (await cdp.send('Profiler.stop')).profile : null;
    keys.push({ typed, ms, requests: requests.slice(before), profile: prof });
    // Let what the keystroke started settle, as a reader's pause would.
    await page.waitForTimeout(30);
  }
  await page.waitForLoadState('networkidle');
  return keys;
}

/** Self time per function name in a CPU profile (µs), largest first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    const dt = timeDeltas[i + 1] ?? 0;
    const f = node.callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    total.set(name, (total.get(name) ?? 0) + dt);
  }
  return [...total.entries()].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time (µs) of the first function matching `re` on each sample's
 *  stack, summed: how much of a keystroke ran under it. */
function inclusive(profile, re) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let sum = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      if (re.test(byId.get(id).callFrame.functionName)) {
        sum += timeDeltas[i + 1] ?? 0;
        break;
      }
    }
  }
  return sum;
}

const { server, url } = await serveDir(DIR, await freePort());
const browser = await launchChromium();
const warm = [];
const notWarm = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext({ locale: 'zh-TW', serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    const requests = [];
    cdp.on('Network.requestWillBeSent', (e) => requests.push(new URL(e.request.url).pathname));
    await page.goto(url);
    await page.locator('main.page h1').waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('[role=search] input').first().focus();
    for (const query of QUERIES) {
      // Cold: fetches the files each prefix needs; twice, so the files a
      // prefix asks for only once the first arrived (hit texts) are in too.
      await type(page, cdp, query, { profile: false, requests });
      await type(page, cdp, query, { profile: false, requests });
      for (const k of await type(page, cdp, query, { profile: true, requests })) {
        (k.requests.length ? notWarm : warm).push({ round, query, ...k });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

const ms = (us) => (us / 1000).toFixed(1);
const sorted = [...warm].sort((a, b) => b.ms - a.ms);
const med = sorted.length ? sorted[Math.floor(sorted.length / 2)].ms : NaN;
console.log(`${DIR}: ${warm.length} warm keystrokes (${notWarm.length} that fetched left out); median ${med.toFixed(1)} ms, max ${sorted[0]?.ms.toFixed(1)} ms\n`);
console.log('| round | typed | ms | profiled ms | GC ms | layout+style ms | wasm top self (ms) |');
console.log('|---|---|---|---|---|---|---|');
for (const [i, k] of sorted.entries()) {
  const p = k.profile;
  const self = selfTimes(p);
  const get = (name) => self.find(([n]) => n === name)?.[1] ?? 0;
  const span = p.endTime - p.startTime;
  const tops = i < TOP ? self.filter(([n]) => !n.startsWith('(')).slice(0, 6).map(([n, t]) => `${n} ${ms(t)}`).join('; ') : '';
  console.log(`| ${k.round} | ${k.typed} | ${k.ms.toFixed(1)} | ${ms(span)} | ${ms(get('(garbage collector)'))} | ${ms(inclusive(p, /^(Layout|UpdateLayoutTree|RecalculateStyles)$/))} | ${tops} |`);
}
for (const k of notWarm) console.log(`not warm: round ${k.round} ${k.typed}: ${k.ms.toFixed(1)} ms, fetched ${k.requests.join(' ')}`);
if (JSON_OUT) {
  writeFileSync(JSON_OUT, JSON.stringify(sorted.map((k) => ({ ...k, self: selfTimes(k.profile).slice(0, 40), profile: undefined })), null, 2));
}
