// Offline in each engine: after one online visit, with the server really
// stopped, the library, a document, a deep link to a note, search and the
// glossary reload from the service worker. Its own static server on its own
// port (its own origin, so its own worker and caches), which it stops.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHAPTER, PAGE_KINDS, QUAD } from '../e2e/corpus.mjs';
import { Reader, eventually, until } from './reader.mjs';
import { serve } from './server.mjs';


export function offline(ctx) {
  test('after one visit, every page kind reloads with the server stopped', async (t) => {
    const server = await serve(ctx.dist, ctx.port(2));
    const r = new Reader(ctx.reader.driver, server.base);
    try {
      await r.go('./');
      await r.seeText('main h1', '書庫');
      const support = await r.js(() => ('serviceWorker' in navigator ? 'yes' : `no serviceWorker in ${navigator.userAgent}`));
      if (support !== 'yes') {
        t.skip(support);
        return;
      }
      const scope = await r.driver.executeAsyncScript(
        'const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then((reg) => done(reg.scope), (e) => done(String(e)));',
      );
      assert.equal(scope, server.base);
      // The page that registered the worker is not controlled by it; the next load is.
      await r.reload();
      await until(() => r.js(() => !!navigator.serviceWorker.controller), (c) => c, 'controlled by the worker');

      const online = [];
      for (const path of PAGE_KINDS) {
        await r.go(path);
        await r.reload();
        online.push(await until(() => r.text('main.page h1'), (h) => !!h, `${path} heading`));
      }
      assert.deepEqual(online.slice(0, 2), ['書庫', QUAD.title]);

      await server.stop();
      for (const [i, path] of PAGE_KINDS.entries()) {
        await r.go(path);
        await r.reload();
        await eventually(() => r.text('main.page h1'), online[i], `${path} offline`);
      }
      await r.go(`./#/doc/${CHAPTER.id}/n5`);
      await r.reload();
      await until(() => r.attr('li#n5', 'class'), (c) => /\bis-target\b/.test(c ?? ''), 'note 5 offline');
      await r.go('./');
      await r.reload();
      await eventually(() => r.count('.document-list > li'), 2, 'the library offline');
    } finally {
      await server.stop();
    }
  });
}
