// Offline at scale, on the scaled build (26 documents split into files, see
// library-pages.scaled.ts). The service worker keeps corpus files by content
// in a long-lived cache (static/sw-template.js). Past its size budget it
// precaches the catalogue, facets and glossary but only the documents a
// reader opens; "save the whole library" fetches the rest with a progress
// bar; and a new build downloads only the corpus files whose content changed.
//
// The budget is 5 MB and the scaled corpus far smaller, so the test stages a
// copy of the build with the budget at 0 bytes (the one line that sets it):
// the same worker, as it behaves for a corpus past its budget. Each test
// serves its folder with a counting server of its own (ports 4750–4759).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as plain } from '@playwright/test';
import { QUAD, expect, test } from './fixtures';
import {
  DIST,
  asRebuilt,
  close,
  counting,
  docTitle,
  documentIds,
  everyDocumentOffline,
  installed,
  offlinePanel,
  onlyOpenedOffline,
  saveAll,
  workerConstants,
} from './servers';

// Each test installs the app, reloads many pages and saves or checks the
// whole library: 15–30 s on an idle 2-core machine, past Playwright's 30 s
// default on a busy one (CI timed one out in its last line).
plain.setTimeout(90_000);

/** A copy of the build whose worker treats any corpus as past its budget. */
function overBudget(into: string) {
  cpSync(DIST, into, { recursive: true });
  workerConstants(into, { BUDGET: { from: '5 * 1000 * 1000', to: '0' } });
}

let folder: string;
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lattice-offline-scale-'));
});
test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

test.describe('past the budget', () => {
  const port = 4750;
  test.use({ baseURL: `http://127.0.0.1:${port}/` });

  // Without the guard fixture: the never-opened document's failed fetch
  // offline is logged as a console error, which is what this test expects.
  plain('only opened documents are offline until the library is saved', async ({ page, context }) => {
    const dist = join(folder, 'dist');
    overBudget(dist);
    let { server, seen } = await installed(page, dist, port);
    // Installed without a single document.
    expect(seen.filter((p) => p.includes('/doc/'))).toEqual([]);
    await page.goto(`./#/doc/${QUAD.id}`);
    await expect(docTitle(page)).toHaveText(QUAD.title);

    // A document never opened is not there.
    await onlyOpenedOffline(page, context, server, QUAD, `${QUAD.id}-copy3`);

    await context.setOffline(false);
    ({ server, seen } = await counting(dist, port));
    const panel = await offlinePanel(page);
    const ids = documentIds(dist);
    await expect(panel).toContainText(`／`);
    await expect(panel).toContainText(/還需 \d/);
    await saveAll(panel);
    await expect(panel.locator('progress')).toHaveAttribute('value', await panel.locator('progress').getAttribute('max') ?? '');
    // Every document but the one already opened came over the network.
    const docs = seen.filter((p) => p.includes('/doc/'));
    expect(docs.length).toBe(ids.length - 1);

    await everyDocumentOffline(page, context, server, ids);
  });
});

test.describe('a rebuild', () => {
  const port = 4751;
  test.use({ baseURL: `http://127.0.0.1:${port}/` });

  test('with one changed document downloads only that document', async ({ page }) => {
    const v1 = join(folder, 'v1');
    const v2 = join(folder, 'v2');
    cpSync(DIST, v1, { recursive: true });
    cpSync(DIST, v2, { recursive: true });
    // Version 2, as a rebuild with one changed document makes it, finished
    // by the same post-build step Trunk runs.
    const { set, changed } = asRebuilt(v2, `${QUAD.id}-copy2`);
    execFileSync('node', ['scripts/postbuild.mjs', v2]);

    let { server, seen } = await installed(page, v1, port);
    // Under the budget: version 1 precached every document.
    expect(seen.filter((p) => p.includes('/doc/')).length).toBe(documentIds(v1).length);
    await close(server);

    ({ server, seen } = await counting(v2, port));
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: '新版本已可用' });
    await expect(notice).toBeVisible();
    const corpus = seen.filter((p) => p.includes('/corpus/'));
    expect(corpus).toEqual([`/corpus/${set}/doc/${changed}`]);
    await notice.getByRole('button', { name: '重新載入' }).click();
    await expect(page.locator('.update-notice')).toHaveCount(0);
    await close(server);
  });
});
