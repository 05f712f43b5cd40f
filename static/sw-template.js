// Lattice's service worker. scripts/postbuild.mjs fills in the build version
// and the asset lists and writes the result to dist/sw.js; this file is the
// template and is never served as is.
//
// Every built asset is precached on install into one cache named after the
// build version, and served cache-first: asset names are content-hashed, and
// the page itself (index.html) comes from the same cache, so a page always
// runs against the files of its own build. A new build installs beside the
// old one and waits; the page shows a "new version" notice, and only when the
// reader accepts does it take over (the page reloads) and the old cache go.
//
// Paths are relative to this script, so the worker's scope is the folder it
// is served from: the host's root or any sub-path alike.

const VERSION = '__VERSION__';
// index.html, the wasm, the JS glue, CSS, icons, the manifest.
const SHELL = ['__SHELL__'];
// The files of a split corpus (documents, catalogue pages, glossary; empty
// when it is embedded): not needed for the first screen, but cached now so
// every page opens offline after one visit.
const LAZY = ['__LAZY__'];

const PREFIX = 'lattice-';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./index.html', self.location).href;
// The folder of the corpus's files, and every file this build has in it.
const CORPUS = new URL('./corpus/', self.location).href;
const CORPUS_FILES = new Set(LAZY.map((path) => new URL(path, self.location).href));
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  // All or nothing: a build whose files cannot all be fetched never installs.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...SHELL, ...LAZY])));
});

self.addEventListener('activate', (event) => {
  // Only now, once this version controls the page, drop the previous ones.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
  );
});

self.addEventListener('message', (event) => {
  // Sent by static/sw-register.js when the reader clicks "reload".
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  // The page itself, at the folder or as index.html, with any query: the app
  // shell of this version. Routes live after `#`, which never reaches here.
  const page = url.origin + url.pathname;
  if (request.mode === 'navigate' && (page === SCOPE || page === INDEX)) {
    const shell = await cache.match(INDEX);
    if (shell) return shell;
  }
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  // A corpus file this build does not have: the app asks for a document by
  // its id, so a deep link to one that does not exist lands here. The
  // worker knows every file of its build, so it answers as the server would
  // (the app then says there is no such document), offline too.
  const path = url.origin + url.pathname;
  if (path.startsWith(CORPUS) && !CORPUS_FILES.has(path)) {
    return new Response('', { status: 404, statusText: 'Not Found' });
  }
  // Not part of this build (or the cache was cleared): the network decides.
  return fetch(request);
}
