// End-to-end tests of a site written by `lattice build` (the packaged
// binary) rather than by Trunk: LATTICE_SITE names its folder (scripts/test.sh
// builds one from a temporary folder of papers). Its own ports, 4800–4899.
import { defineConfig } from '@playwright/test';
import base from './../../playwright.config';

const SITE = process.env.LATTICE_SITE;
if (!SITE) throw new Error('set LATTICE_SITE to the folder `lattice build` wrote');
const PORT = 4800;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'site-build.spec.ts',
  outputDir: '../../test-results/site-build',
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}/` },
  webServer: {
    command: `node tests/e2e/static-server.mjs ${SITE} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    // Relative to the repository root, like the main config's.
    cwd: '../..',
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
