// Lattice's service worker. scripts/postbuild.mjs fills in the build version
// and the asset lists and writes the result to dist/sw.js; this file is the
// template and is never served as is.
//
// Two caches. The shell (index.html, wasm, JS, CSS, icons, manifest) is
// precached on install into one cache named after the build version and
// served cache-first: a page always runs against the files of its own build.
// A new build installs beside the old one and waits; the page shows a "new
// version" notice, and only when the reader accepts does it take over (the
// page reloads) and the old shell cache go.
//
// The corpus's files (documents, catalogue pages, facets, glossary) go into
// one long-lived cache, `lattice-corpus`, keyed by each file's content hash
// rather than its URL: a file's URL names the build's set (a hash of the
// whole corpus), so one changed document gives every file a new URL, but
// the unchanged ones keep their content hash and are not downloaded again.
// Entries no build lists any more are pruned when a version activates.
//
// What is precached: below BUDGET bytes of corpus files, all of them (every
// page opens offline after one visit); above it, only the catalogue, facets
// and glossary, and each document once a reader opens it (or search fetches
// it). The page can ask for the rest ("save the whole library", message
// `save-all`), and is told the progress.
//
// Paths are relative to this script, so the worker's scope is the folder it
// is served from: the host's root or any sub-path alike.

const VERSION = '__VERSION__';
// index.html, the wasm, the JS glue, CSS, icons, the manifest.
const SHELL = ['__SHELL__'];
// The files of a split corpus (documents, catalogue pages, facets, glossary;
// empty when it is embedded).
const LAZY = ['__LAZY__'];
// For each LAZY file, in the same order: [content hash, size in bytes].
const SIZES = ['__SIZES__'];

// Below this many bytes of corpus files, precache them all.
const BUDGET = 5 * 1000 * 1000;
const PREFIX = 'lattice-';
const CACHE = PREFIX + VERSION;
const CORPUS_CACHE = PREFIX + 'corpus';
const INDEX = new URL('./index.html', self.location).href;
// The folder of the corpus's files, and every file this build has in it.
const CORPUS = new URL('./corpus/', self.location).href;
const SCOPE = new URL('./', self.location).href;

// url → { hash, size, key }: what each corpus file of this build holds and
// where the corpus cache keeps it.
const FILES = new Map(
  LAZY.map((path, i) => {
    const [hash, size] = Array.isArray(SIZES[i]) ? SIZES[i] : [null, 0];
    const url = new URL(path, self.location).href;
    // A file without a known hash (an older postbuild) is kept by URL.
    const key = hash ? new URL(`./corpus-content/${hash}`, self.location).href : url;
    return [url, { hash, size, key }];
  }),
);
const TOTAL_BYTES = [...FILES.values()].reduce((sum, f) => sum + f.size, 0);
const isDocument = (url) => url.startsWith(CORPUS) && url.includes('/doc/');
// Precached corpus files: all under the budget, else all but the documents.
const PRECACHE = [...FILES.keys()].filter((url) => TOTAL_BYTES <= BUDGET || !isDocument(url));

self.addEventListener('install', (event) => {
  // All or nothing: a build whose files cannot all be fetched never installs.
  event.waitUntil(
    Promise.all([
      caches.open(CACHE).then((cache) => cache.addAll(SHELL)),
      caches.open(CORPUS_CACHE).then((corpus) => store(corpus, PRECACHE)),
    ]),
  );
});

/** Fetch into the corpus cache every url not already there (by content); report each. */
async function store(corpus, urls, progress = () => {}) {
  let done = 0;
  const queue = [...urls];
  const worker = async () => {
    while (queue.length > 0) {
      const url = queue.shift();
      const file = FILES.get(url);
      if (!(await corpus.match(file.key))) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await corpus.put(file.key, response);
      }
      done += 1;
      progress(done);
    }
  };
  // A few at a time: thousands of requests at once would stall the page's own.
  await Promise.all(Array.from({ length: 6 }, worker));
}

self.addEventListener('activate', (event) => {
  // Only now, once this version controls the page, drop the previous shells
  // and the corpus entries this build no longer lists.
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys
          .filter((k) => k.startsWith(PREFIX) && k !== CACHE && k !== CORPUS_CACHE)
          .map((k) => caches.delete(k)),
      );
      const corpus = await caches.open(CORPUS_CACHE);
      const wanted = new Set([...FILES.values()].map((f) => f.key));
      const held = await corpus.keys();
      await Promise.all(held.filter((r) => !wanted.has(r.url)).map((r) => corpus.delete(r)));
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  // Sent by static/sw-register.js when the reader clicks "reload".
  if (data === 'skip-waiting') self.skipWaiting();
  else if (data === 'corpus-status') event.waitUntil(status(event.source));
  else if (data === 'save-all') event.waitUntil(saveAll(event.source));
});

/** How much of the corpus is cached: files and bytes, held and in all. */
async function status(client) {
  const corpus = await caches.open(CORPUS_CACHE);
  let held = 0;
  let heldBytes = 0;
  for (const file of FILES.values()) {
    if (await corpus.match(file.key)) {
      held += 1;
      heldBytes += file.size;
    }
  }
  const report = { type: 'corpus-status', held, files: FILES.size, heldBytes, bytes: TOTAL_BYTES };
  client?.postMessage(report);
  return report;
}

/** Every corpus file into the cache, telling the page how far it got. */
async function saveAll(client) {
  const corpus = await caches.open(CORPUS_CACHE);
  const urls = [...FILES.keys()];
  const tell = (message) => client?.postMessage({ ...message, files: urls.length });
  try {
    await store(corpus, urls, (done) => {
      if (done % 25 === 0 || done === urls.length) tell({ type: 'save-progress', done });
    });
    tell({ type: 'save-progress', done: urls.length });
  } catch (error) {
    tell({ type: 'save-failed', reason: String(error) });
  }
  await status(client);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const path = url.origin + url.pathname;
  if (path.startsWith(CORPUS)) return corpusFile(request, path);
  const cache = await caches.open(CACHE);
  // The page itself, at the folder or as index.html, with any query: the app
  // shell of this version. Routes live after `#`, which never reaches here.
  if (request.mode === 'navigate' && (path === SCOPE || path === INDEX)) {
    const shell = await cache.match(INDEX);
    if (shell) return shell;
  }
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  // Not part of this build (or the cache was cleared): the network decides.
  return fetch(request);
}

/** A corpus file: cache-first (its content never changes under its URL), kept once fetched. */
async function corpusFile(request, path) {
  const file = FILES.get(path);
  // A corpus file this build does not have: the app asks for a document by
  // its id, so a deep link to one that does not exist lands here. The worker
  // knows every file of its build, so it answers as the server would (the
  // app then says there is no such document), offline too.
  if (!file) return new Response('', { status: 404, statusText: 'Not Found' });
  const corpus = await caches.open(CORPUS_CACHE);
  const hit = await corpus.match(file.key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await corpus.put(file.key, response.clone());
  return response;
}
