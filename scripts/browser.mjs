// What every measurement script (screenshots, perf, search latency) needs:
// a build folder served on loopback by the end-to-end tests' own static
// server, and Debian's Chromium started with the flags this machine's closed
// network requires (see TOOLCHAIN notes in ARCHITECTURE.md).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

/** Serve `dir` on 127.0.0.1:`port`; resolves once the server listens. */
export async function serveDir(dir, port) {
  const server = spawn('node', ['tests/e2e/static-server.mjs', dir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => server.stdout.once('data', ready));
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** Headless Debian Chromium, never a downloaded browser. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/**
 * Type `ch` into `input` as a keystroke does and time it in the page: the
 * input event, then Yew's render (microtasks queued by the handler; a zero
 * timeout runs after them) and style and layout (reading offsetHeight
 * forces them). Milliseconds. Used by perf.mjs and keystroke-profile.mjs.
 */
export function timeKeystroke(input, ch) {
  return input.evaluate(async (el, ch) => {
    const t = performance.now();
    el.value += ch;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    return performance.now() - t;
  }, ch);
}
