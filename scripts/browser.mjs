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
