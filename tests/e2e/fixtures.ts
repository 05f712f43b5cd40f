// The test fixture every end-to-end test uses: besides the page, it records
// every request and console error, and fails the test if the page asked any
// other origin for anything (Lattice is offline: no fonts, scripts or
// analytics from elsewhere) or logged an error (a CSP violation, a panic).
import { type ConsoleMessage, type Page, expect, test as base } from '@playwright/test';

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith('data:') && !url.startsWith('about:') && new URL(url).origin !== origin) foreign.push(url);
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && !expected404(message)) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await use();
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Load `path` as a new document, as a reload does, but from a blank page:
 * `goto` to another hash of the same page followed by `reload` can let a
 * check read the old document before the reload replaced it.
 */
export async function reopen(page: Page, path: string) {
  await page.goto('about:blank');
  await page.goto(path);
}

/**
 * Chromium's own log line for a document file the server answered 404: how
 * the app learns that a deep link names no document (a split corpus has no
 * list of every id to check against, see lattice_core::layout). Expected,
 * and only for that path; any other 404 is still an error.
 */
function expected404(message: ConsoleMessage): boolean {
  return (
    message.text().includes('status of 404') &&
    /\/corpus\/[0-9a-f]{16}\/doc\/[^/]+\.bin$/.test(message.location().url)
  );
}

/** The two documents in corpus/, as the parser titles them. */
export { CHAPTER, QUAD } from './corpus.mjs';
