// Screenshots of the release build for a human to look at: the library, the
// documents, a search and a document opened from it, the glossary, an entry
// and help, at desktop (1280×800) and phone (390×844) sizes, light and dark.
// Run after `trunk build --release`:  node scripts/screenshots.mjs [out-dir]
// (default /tmp/shots). `--readme` also writes docs/screenshot.png;
// `--dist DIR` shoots another build (e.g. a LATTICE_SCALE=13 one, whose
// library has a second page with its pager).
import { launchChromium, serveDir } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const readme = args.includes('--readme');
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? args.splice(distAt, 2)[1] : 'dist';
const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/shots';
const PORT = 4174;
const base = `http://127.0.0.1:${PORT}/`;
const DOC = 'indo-pacific-minilateralism';

mkdirSync(out, { recursive: true });
const { server } = await serveDir(dist, PORT);

const browser = await launchChromium();
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const pages = {
  library: '#/',
  'library-page-2': '#/library/2',
  document: `#/doc/${DOC}`,
  notes: `#/doc/${DOC}/n1`,
  quad: '#/doc/quad-foreign-ministers-2025',
  // The pages whose code and rules come in chunks (src/lazy.rs, src/styles.rs).
  search: '#/search?q=Rubio',
  'document-hits': '#/doc/quad-foreign-ministers-2025?q=Rubio',
  glossary: '#/glossary',
  'glossary-entry': `#/glossary/${encodeURIComponent('Marco Rubio')}`,
  help: '#/help',
};
try {
  for (const scheme of ['light', 'dark']) {
    for (const [size, viewport] of Object.entries(sizes)) {
      const context = await browser.newContext({
        viewport, colorScheme: scheme, deviceScaleFactor: size === 'phone' ? 2 : 1,
      });
      const page = await context.newPage();
      for (const [name, hash] of Object.entries(pages)) {
        // A change of the hash alone keeps the previous page on screen for a
        // moment: load each page afresh.
        await page.goto(base + hash);
        await page.reload();
        // A split build fetches what the page needs: wait for its heading,
        // not the loading line, and for a search's answer.
        await page.waitForFunction(
          () =>
            !document.querySelector('.corpus-loading') &&
            document.querySelector('main.page h1') &&
            document.querySelector('.search-page[aria-busy="true"]') === null,
        );
        await page.waitForLoadState('networkidle');
        const file = `${out}/${name}-${size}-${scheme}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      if (readme && scheme === 'light' && size === 'desktop') {
        await page.goto(base + pages.document);
        // A split build fetches what the page needs: wait for its heading,
        // not the previous page's or the loading line.
        await page.waitForFunction(
          () => !document.querySelector('.corpus-loading') && document.querySelector('main.page h1'),
        );
        await page.screenshot({ path: 'docs/screenshot.png' });
        console.log('docs/screenshot.png');
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
