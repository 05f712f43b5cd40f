// The end-to-end suite over WebDriver: what a reader does, in one engine per
// run, against a release build on loopback. One set of tests for every
// engine; the Playwright suite (tests/e2e/, Chromium) stays the fullest.
//
//   LATTICE_WD_ENGINE=firefox|webkit   the engine (tests/webdriver/engines.mjs)
//   LATTICE_WD_BASE=http://…/          a server already serving the build
//                                      (else this starts tests/e2e/static-server.mjs)
//   LATTICE_DIST=dist                  the build (for its own servers)
//   LATTICE_WD_SHOTS=DIR               save screenshots of open notes there
//
//   node --test tests/webdriver/suite.test.mjs
//
// One browser session serves every test; each test starts from a clean
// slate (no stored preferences, a 1280 × 800 viewport) and a fresh load.
import { after, before, beforeEach, describe } from 'node:test';
import { ENGINES, launch } from './engines.mjs';
import { library } from './library.mjs';
import { notes } from './notes.mjs';
import { offline } from './offline.mjs';
import { layout } from './layout.mjs';
import { Reader } from './reader.mjs';
import { search } from './search.mjs';
import { serve } from './server.mjs';

const engine = process.env.LATTICE_WD_ENGINE ?? 'firefox';
const dist = process.env.LATTICE_DIST ?? 'dist';
/** Ports of this run: derived from the pid, so parallel runs do not collide. */
const port = (offset) => 30000 + ((process.pid * 7) % 20000) + offset;

const ctx = { engine, dist, port, reader: null };
let session;
let server;

describe(`reader in ${ENGINES[engine]?.label ?? engine}`, { timeout: 600_000 }, () => {
  before(async () => {
    let base = process.env.LATTICE_WD_BASE;
    if (!base) {
      server = await serve(dist, port(0));
      base = server.base;
    }
    session = await launch(engine, port(1));
    await session.driver.manage().setTimeouts({ script: 20_000, pageLoad: 60_000 });
    ctx.reader = new Reader(session.driver, base);
  });

  after(async () => {
    await session?.stop();
    await server?.stop();
  });

  beforeEach(async () => {
    const r = ctx.reader;
    await r.resize(1280, 800);
    await r.go('./');
    await r.js(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await r.driver.get('about:blank');
  });

  library(ctx);
  notes(ctx);
  search(ctx);
  layout(ctx);
  offline(ctx);
});
