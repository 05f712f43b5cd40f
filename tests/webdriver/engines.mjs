// The browser engines the WebDriver suite runs in, besides the Playwright
// suite's Chromium: Firefox ESR (Debian's firefox-esr, driven by geckodriver)
// and WebKitGTK, Safari's engine (Debian's webkit2gtk-driver: WebKitWebDriver
// starting MiniBrowser), both installed by scripts/setup.sh.
//
// Each engine is a driver process this module starts on a loopback port and
// one session in it. WebKitGTK has no headless mode, so its driver runs on an
// X server of its own (Xvfb, started here, as xvfb-run would, but ended
// cleanly); MiniBrowser runs with --full-screen, which (with no window manager
// under Xvfb) only hides its toolbar, so that the window's size is the page's
// viewport, down to a phone's 390 px (the toolbar alone would hold the window
// at 447 px or wider). The X screen is small on purpose: with no window
// manager, the window that has the keyboard focus is the one under the X
// pointer, which sits at the screen's centre; a larger screen puts it outside
// a phone-sized window, the page loses focus (document.hasFocus() is false)
// and no keyboard focus is ever :focus-visible. Windows may be larger than
// the screen; WebDriver's screenshots are of the page, not of the screen.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The first of these that exists, else the bare name (found on PATH). */
function which(name, ...candidates) {
  return candidates.find((c) => c && existsSync(c)) ?? name;
}

/**
 * A new Firefox profile folder whose userChrome.css hides the browser's
 * toolbars: their minimum widths hold a window at 500 px or wider, and a
 * phone's viewport is 390. (geckodriver writes the prefs below into it.)
 */
function firefoxProfile(scratch) {
  const dir = join(scratch, 'profile');
  mkdirSync(join(dir, 'chrome'), { recursive: true });
  writeFileSync(
    join(dir, 'chrome', 'userChrome.css'),
    '#navigator-toolbox, #sidebar-main, #sidebar-box { display: none !important; }\n' +
      ':root { min-width: 0 !important; min-height: 0 !important; }\n',
  );
  return dir;
}

export const ENGINES = {
  firefox: {
    label: 'Firefox ESR',
    driver: (port) => [
      which('geckodriver', process.env.GECKODRIVER, join(homedir(), '.cargo/bin/geckodriver')),
      ['--host', '127.0.0.1', '--port', String(port)],
    ],
    capabilities: (scratch) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr',
        args: ['-headless', '--width=1280', '--height=800', '-profile', firefoxProfile(scratch)],
        prefs: {
          // Quiet: no update checks, telemetry or first-run pages.
          'app.update.disabledForTesting': true,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.reportingpolicy.firstRun': false,
          'intl.accept_languages': 'zh-TW, zh, en',
          // userChrome.css (below): the window without its toolbars.
          'toolkit.legacyUserProfileCustomizations.stylesheets': true,
          // Touch events as a phone's Firefox has them, so that WebDriver's
          // actions of pointer type touch reach the page as touches.
          'dom.w3c_touch_events.enabled': 1,
        },
      },
    }),
  },
  // Not run by scripts/test.sh (the Playwright suite drives Chromium): a
  // check that the suite asserts what every engine does, not one's quirks.
  chromium: {
    label: 'Chromium',
    driver: (port) => [
      which('chromedriver', process.env.CHROMEDRIVER, '/usr/bin/chromedriver'),
      ['--allowed-ips=127.0.0.1', `--port=${port}`],
    ],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1280,800'],
      },
    }),
  },
  webkit: {
    label: 'WebKitGTK',
    // On its own X display (see `xvfb`): MiniBrowser has no headless mode.
    display: true,
    driver: (port) => ['WebKitWebDriver', ['--host=127.0.0.1', `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER_BIN ?? MINIBROWSER,
        args: ['--automation', '--full-screen'],
      },
    }),
  },
};

/**
 * Start an X server (Xvfb) on a free display; resolves to its process and
 * display name (`:N`, which Xvfb chooses and reports on a file descriptor).
 */
async function xvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '320x240x24', '-nolisten', 'tcp'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let seen = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    child.stdio[3].on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('\n')) resolve(`:${seen.trim()}`);
    });
  });
  return { child, display };
}

/** Wait until something answers HTTP at `url` (a driver's /status). */
async function listening(url, child, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered at ${url} within ${timeoutMs} ms`);
}

/**
 * Start `name`'s driver on `port` and open a session in it. Returns the
 * selenium driver and a `stop` that ends the session, the driver's process
 * group (the driver, the browser) and its X server, if it has one.
 */
export async function launch(name, port) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}: one of ${Object.keys(ENGINES).join(', ')}`);
  const [command, args] = engine.driver(port);
  // A folder of this session's own (a Firefox profile), removed at the end.
  const scratch = mkdtempSync(join(tmpdir(), `lattice-${name}-`));
  // The driver's and browser's own log (Firefox's chrome warnings, GTK's):
  // shown with LATTICE_WD_VERBOSE=1.
  const log = process.env.LATTICE_WD_VERBOSE ? 'inherit' : 'ignore';
  const x = engine.display ? await xvfb() : null;
  const env = x ? { ...process.env, DISPLAY: x.display } : process.env;
  const child = spawn(command, args, { detached: true, env, stdio: ['ignore', log, log] });
  const kill = () => {
    // The driver's process group (the driver and its browser), then X.
    for (const group of [child, x?.child]) {
      try {
        if (group) process.kill(-group.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (e) => {
      kill();
      reject(e);
    });
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await listening(`${url}/status`, child);
    const driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities(scratch)).build();
    return {
      driver,
      label: engine.label,
      async stop() {
        try {
          await driver.quit();
        } finally {
          kill();
        }
      },
    };
  } catch (e) {
    kill();
    throw e;
  }
}
