// End-to-end tests: the release build in dist/ (run `trunk build --release`
// first; scripts/test.sh does) served by a plain static server on loopback,
// driven in Debian's Chromium. Playwright's own browser download is never used.
import { defineConfig } from '@playwright/test';

// LATTICE_DIST / LATTICE_E2E_PORT run the same tests against another build
// (scripts/test.sh: a build that fetches documents lazily) on its own port.
const DIST = process.env.LATTICE_DIST ?? 'dist';
const PORT = Number(process.env.LATTICE_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  // LATTICE_E2E_SCALED=1: the tests of a corpus larger than one library page
  // (scripts/test.sh runs them against a LATTICE_SCALE=13 build).
  testMatch: process.env.LATTICE_E2E_SCALED ? '*.scaled.ts' : '*.spec.ts',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-TW',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/static-server.mjs ${DIST} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
