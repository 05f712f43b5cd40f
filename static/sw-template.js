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
// page opens offline after one visit); above it, only the catalogue, the
// facets' head and the glossary's lexicon, and each document, search index
// file, chunk of the glossary's uses or part of the facets (an order, some
// values' lists) once a reader opens it (or search or a filter fetches it). The page can ask for the rest ("save the whole
// library", message `save-all`), and is told the progress. Past the budget
// sw.js lists only what it precaches; the list of every file is a separate
// content-hashed file read only for saving the library and for carrying
// saved files over to a new build, so a first visit never downloads it.
//
// Paths are relative to this script, so the worker's scope is the folder it
// is served from: the host's root or any sub-path alike.

const VERSION = '__VERSION__';
// index.html, the wasm, the JS glue, CSS, icons, the manifest.
const SHELL = ['__SHELL__'];
// Corpus files listed here, each [path, content hash, size in bytes]: all of
// them below INLINE_BUDGET bytes of corpus (the writers' own budget, equal
// to BUDGET), else only those precached past BUDGET (all but documents and
// search index files), so sw.js stays small at any corpus size.
const INLINE = ['__FILES__'];
// Every corpus file, the same rows, in a content-hashed JSON file beside
// this one (null when INLINE is all of them): fetched only to save the whole
// library or to carry saved files over to a new build, never on a first
// visit.
const LISTING = '__LISTING__';
// [files, bytes] of every corpus file of this build.
const TOTAL = ['__TOTAL__'];

// Below this many bytes of corpus files, precache them all.
const BUDGET = 5 * 1000 * 1000;
const PREFIX = 'lattice-';
const CACHE = PREFIX + VERSION;
const CORPUS_CACHE = PREFIX + 'corpus';
const INDEX = new URL('./index.html', self.location).href;
// The folder of the corpus's files, and every file this build has in it.
const CORPUS = new URL('./corpus/', self.location).href;
const SCOPE = new URL('./', self.location).href;
const CONTENT = new URL('./corpus-content/', self.location).href;
const [TOTAL_FILES, TOTAL_BYTES] = Array.isArray(TOTAL) ? TOTAL : [0, 0];

/** url → { hash, size, key } of rows [path, hash, size]. */
const table = (rows) =>
  new Map(
    rows.filter(Array.isArray).map(([path, hash, size]) => {
      const url = new URL(path, self.location).href;
      return [url, { hash, size, key: CONTENT + hash }];
    }),
  );
const KNOWN = table(INLINE);
// Whether INLINE lists every corpus file (no listing to fetch).
const COMPLETE = KNOWN.size >= TOTAL_FILES || typeof LISTING !== 'string';
// The corpus set's folder (`corpus/<set>/`): a file kept by its URL (a
// pointer, below) outside it belongs to an earlier build.
const setOf = (url) => url.startsWith(CORPUS) ? CORPUS + url.slice(CORPUS.length).split('/')[0] + '/' : '';
const SET = [...KNOWN.keys()].map(setOf).find((s) => s.length > CORPUS.length + 1) ?? '';
const isDocument = (url) => url.startsWith(CORPUS) && url.includes('/doc/');
const isSearch = (url) => url.startsWith(CORPUS) && url.includes('/search/');
// Precached corpus files: all under the budget, else all but the documents
// and the search index (fetched as readers open and search them).
const PRECACHE = [...KNOWN.keys()].filter(
  (url) => TOTAL_BYTES <= BUDGET || !(isDocument(url) || isSearch(url)),
);

// Every corpus file: INLINE, or the listing (fetched once, kept with the
// shell of this version).
let listing = null;
function everyFile() {
  if (COMPLETE) return Promise.resolve(KNOWN);
  listing ??= (async () => {
    const url = new URL(LISTING, self.location).href;
    const cache = await caches.open(CACHE);
    let response = await cache.match(url);
    if (!response) {
      response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(url, response.clone());
    }
    return table(await response.json());
  })();
  listing.catch(() => {
    listing = null;
  });
  return listing;
}

// A corpus file not in INLINE, once fetched, is kept by content like the
// others, and a pointer under its URL names that content (headers x-hash
// and x-size), so it is found again without the listing.
const pointer = (hash, size) =>
  new Response('', { headers: { 'x-hash': hash, 'x-size': String(size) } });
const isPointer = (response) => response.headers.has('x-hash');

/** The first 20 hex digits of the sha256 of these bytes (as the writers hash). */
async function contentHash(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  // All or nothing: a build whose files cannot all be fetched never installs.
  event.waitUntil(
    Promise.all([
      caches.open(CACHE).then((cache) => cache.addAll(SHELL)),
      caches
        .open(CORPUS_CACHE)
        .then((corpus) => store(corpus, PRECACHE.map((url) => [url, KNOWN.get(url)]))),
    ]),
  );
});

/** Fetch into the corpus cache every [url, file] not already there (by content); report each. */
async function store(corpus, files, progress = () => {}) {
  let done = 0;
  const queue = [...files];
  const worker = async () => {
    while (queue.length > 0) {
      const [url, file] = queue.shift();
      if (!(await corpus.match(file.key))) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await corpus.put(file.key, response);
      }
      if (!KNOWN.has(url)) await corpus.put(url, pointer(file.hash, file.size));
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
      await prune(await caches.open(CORPUS_CACHE));
    })(),
  );
});

// Past this many files of an earlier build held (a saved library), the
// listing is read on activate to carry the unchanged ones over.
const CARRY_OVER = 32;

/**
 * Keep what this build lists, drop the rest. Content named by INLINE or by
 * a pointer of this build's set is kept without the listing; only when
 * more than CARRY_OVER other files are held (an earlier build's saved
 * library) is the listing read, to carry what is unchanged over to this
 * build's URLs and let go of the rest. If it cannot be read, nothing is
 * dropped.
 */
async function prune(corpus) {
  const held = await corpus.keys();
  const wanted = new Set([...KNOWN.values()].map((f) => f.key));
  const stale = [];
  for (const request of held) {
    if (request.url.startsWith(CONTENT)) continue;
    const response = await corpus.match(request);
    if (!response || !isPointer(response)) continue;
    if (setOf(request.url) === SET) wanted.add(CONTENT + response.headers.get('x-hash'));
    else stale.push(request);
  }
  let others = held.filter((r) => r.url.startsWith(CONTENT) && !wanted.has(r.url));
  // A few files opened here and there are cheaper to fetch again when next
  // opened than the listing of a large archive.
  if (others.length > CARRY_OVER && !COMPLETE) {
    let files;
    try {
      files = await everyFile();
    } catch {
      return;
    }
    const byKey = new Map();
    for (const [url, file] of files) byKey.set(file.key, [url, file]);
    for (const request of others) {
      const found = byKey.get(request.url);
      if (!found) continue;
      wanted.add(request.url);
      if (!KNOWN.has(found[0])) await corpus.put(found[0], pointer(found[1].hash, found[1].size));
    }
    others = others.filter((r) => !wanted.has(r.url));
  }
  await Promise.all([...stale, ...others].map((r) => corpus.delete(r)));
}

self.addEventListener('message', (event) => {
  const data = event.data;
  // Sent by static/sw-register.js when the reader clicks "reload".
  if (data === 'skip-waiting') self.skipWaiting();
  else if (data === 'corpus-status') event.waitUntil(status(event.source));
  else if (data === 'save-all') event.waitUntil(saveAll(event.source));
});

/** How much of the corpus is cached: files and bytes, held and in all (without the listing). */
async function status(client) {
  const corpus = await caches.open(CORPUS_CACHE);
  let held = 0;
  let heldBytes = 0;
  for (const file of KNOWN.values()) {
    if (await corpus.match(file.key)) {
      held += 1;
      heldBytes += file.size;
    }
  }
  for (const request of await corpus.keys()) {
    if (KNOWN.has(request.url) || setOf(request.url) !== SET || SET === '') continue;
    const response = await corpus.match(request);
    if (response && isPointer(response) && (await corpus.match(CONTENT + response.headers.get('x-hash')))) {
      held += 1;
      heldBytes += Number(response.headers.get('x-size')) || 0;
    }
  }
  const report = { type: 'corpus-status', held, files: TOTAL_FILES, heldBytes, bytes: TOTAL_BYTES };
  client?.postMessage(report);
  return report;
}

/** Every corpus file into the cache, telling the page how far it got. */
async function saveAll(client) {
  const tell = (message) => client?.postMessage({ ...message, files: TOTAL_FILES });
  try {
    const corpus = await caches.open(CORPUS_CACHE);
    const files = [...(await everyFile())];
    await store(corpus, files, (done) => {
      if (done % 25 === 0 || done === files.length) tell({ type: 'save-progress', done });
    });
    tell({ type: 'save-progress', done: files.length });
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
  const corpus = await caches.open(CORPUS_CACHE);
  let file = KNOWN.get(path);
  if (!file && listing) file = (await listing.catch(() => null))?.get(path);
  // A corpus file this build does not have: the app asks for a document by
  // its id, so a deep link to one that does not exist lands here. When the
  // worker knows every file of its build, it answers as the server would
  // (the app then says there is no such document), offline too.
  if (!file && COMPLETE) return new Response('', { status: 404, statusText: 'Not Found' });
  if (file) {
    const hit = await corpus.match(file.key);
    if (hit) return hit;
  } else {
    const kept = await corpus.match(path);
    if (kept && isPointer(kept)) {
      const hit = await corpus.match(CONTENT + kept.headers.get('x-hash'));
      if (hit) return hit;
    }
  }
  const response = await fetch(request);
  if (!response.ok) return response;
  if (file) {
    await corpus.put(file.key, response.clone());
    if (!KNOWN.has(path)) await corpus.put(path, pointer(file.hash, file.size));
    return response;
  }
  // Not listed here: kept by the hash of what came.
  const bytes = await response.arrayBuffer();
  const hash = await contentHash(bytes);
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  await corpus.put(CONTENT + hash, new Response(bytes, init));
  await corpus.put(path, pointer(hash, bytes.byteLength));
  return new Response(bytes, init);
}
