// Trunk post-build hook (see Trunk.toml): finishes the staged build so it works
// offline and under a strict Content-Security-Policy.
//
//  1. The CSP. Trunk writes an inline `<script type="module">` that imports the
//     JS glue and starts the wasm (and, under `trunk serve`, an inline
//     live-reload script). Rather than allowing every inline script
//     ('unsafe-inline'), the policy in index.html names exactly these scripts
//     by their sha256, so anything injected later is refused.
//  2. The build version: a hash over every staged file (index.html taken
//     before this script edits it), written into index.html as
//     `<meta name="lattice-version">` and into sw.js, so two builds with the
//     same files have the same version and any changed byte gives a new one.
//  (Trunk only: also copies a split corpus's files and minifies the JS glue,
//  see below.)
//  3. sw.js, the service worker: the template static/sw-template.js with the
//     version, the list of every built asset (Trunk's content-hashed names)
//     and each corpus file's content hash and size filled in. A new build therefore installs a new cache beside the old
//     one and switches over whole, never serving a mix of versions.
//
// Before all this, a large corpus's files (build.rs writes them to
// target/wasm32-unknown-unknown/<profile>/lattice-corpus/<set>/ when it
// embeds only the head, see lattice_core::layout) are copied into corpus/
// beside index.html. Trunk's copy-dir
// cannot do it: it runs before cargo, so it would copy the previous build's.
//
// It is a pure function of the folder, and idempotent: running it again over
// its own output changes nothing (the tests rely on that to stage an update).
//
// Usage: TRUNK_STAGING_DIR=dist node scripts/postbuild.mjs   (Trunk sets it)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortenImports } from './wasm-imports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('set TRUNK_STAGING_DIR (Trunk does) or pass the folder');

const SW = 'sw.js';
const INDEX = 'index.html';
// The files of a split corpus (see build.rs): precached like the rest, but
// listed apart so the worker knows which corpus files exist.
const LAZY_DIR = 'corpus/';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function walk(dir, base = dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path)];
    })
    .map((p) => p.split(sep).join('/'))
    .sort();
}

// 0. The split corpus's files, when Trunk runs this (not when a test
// reruns it over a finished folder, which already has them).
if (process.env.TRUNK_STAGING_DIR) {
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  const target = process.env.CARGO_TARGET_DIR ?? join(here, '..', 'target');
  const shards = join(target, 'wasm32-unknown-unknown', profile, 'lattice-corpus');
  rmSync(join(staging, LAZY_DIR), { recursive: true, force: true });
  if (existsSync(shards) && readdirSync(shards).length > 0) {
    cpSync(shards, join(staging, LAZY_DIR), { recursive: true });
  }
  // Data files the app fetches beside index.html (build.rs: OpenCC's
  // table), precached with the shell.
  const shellFiles = join(target, 'wasm32-unknown-unknown', profile, 'lattice-shell');
  if (existsSync(shellFiles)) cpSync(shellFiles, staging, { recursive: true });
  copySplit(target, profile);
  await minifyLoader();
  await minifyGlue();
  shortenGlueImports();
  mergeStyles();
}

// The wasm's chunks (src/lazy.rs): scripts/wasm-link.sh cut the module at
// its split points and left the chunks and their loader, __wasm_split.js,
// in <profile>/wasm-split/. Each chunk gets a content-hashed name (and, in a
// release build, the wasm-opt pass Trunk gives the main module, with the
// flags index.html names); the loader, imported by the JS glue under its
// fixed name, learns the glue's and the chunks' hashed names.
function copySplit(target, profile) {
  const glue = readdirSync(staging).find((f) => /^lattice-app-[0-9a-f]+\.js$/.test(f));
  if (!glue || !readFileSync(join(staging, glue), 'utf8').includes('__wasm_split.js')) return;
  const dir = join(target, 'wasm32-unknown-unknown', profile, 'wasm-split');
  const loaderPath = join(dir, '__wasm_split.js');
  if (!existsSync(loaderPath)) throw new Error(`the glue imports __wasm_split.js but ${dir} has none`);
  // The chunks must be those of the module Trunk packaged (cargo's output),
  // not of another build's last link.
  const main = join(target, 'wasm32-unknown-unknown', profile, 'lattice-app.wasm');
  const linked = readFileSync(join(dir, 'main.sha256'), 'utf8').trim();
  if (createHash('sha256').update(readFileSync(main)).digest('hex') !== linked) {
    throw new Error(`${dir} holds the chunks of another link than ${main}: rebuild`);
  }
  // wasm-bindgen drops the linker's export of the function table; the main
  // module exports it again as __wasm_split_table (scripts/wasm-split-table.mjs).
  let loader = readFileSync(loaderPath, 'utf8')
    .replaceAll('./lattice-app.js', `./${glue}`)
    .replace(/const \{ __indirect_function_table,(?=[^}]*\} = initSync)/, 'const { __wasm_split_table: __indirect_function_table,');
  if (!loader.includes('__wasm_split_table')) throw new Error('__wasm_split.js: no table to rename');
  const page = readFileSync(join(here, '..', INDEX), 'utf8');
  const level = /data-wasm-opt="([^"]*)"/.exec(page)?.[1];
  const params = /data-wasm-opt-params="([^"]*)"/.exec(page)?.[1] ?? '';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
    let bytes = readFileSync(join(dir, file));
    if (profile === 'release' && level && level !== '0') {
      const tmp = join(dir, `${file}.opt`);
      execFileSync('wasm-opt', [`-O${level}`, ...params.split(/\s+/).filter(Boolean), '-o', tmp, join(dir, file)], {
        stdio: 'inherit',
      });
      bytes = readFileSync(tmp);
      rmSync(tmp);
    }
    const stem = file.replace(/\.wasm$/, '');
    const name = `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
    writeFileSync(join(staging, name), bytes);
    if (!loader.includes(file)) throw new Error(`__wasm_split.js does not name ${file}`);
    loader = loader.replaceAll(file, name);
  }
  writeFileSync(join(staging, '__wasm_split.js'), loader);
}

// The chunks' loader, minified like the glue (it is part of the first load).
async function minifyLoader() {
  const path = join(staging, '__wasm_split.js');
  if (!existsSync(path)) return;
  const { minify } = await import('terser');
  const { code } = await minify(readFileSync(path, 'utf8'), {
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  });
  writeFileSync(path, code);
}

// One stylesheet for the first page instead of three, and one per lazy page:
// the sources stay one file per feature (styles/*.css,
// static/update-notice.css), but each separate download is compressed on its
// own and costs a request. The ones every page needs are merged, in the
// page's order, into lattice-<hash>.css, linked as before. Those index.html
// marks `data-lattice-lazy="<page> ..."` are the pages' whose code is a chunk
// (src/lazy.rs): each page's are merged, in the page's order, into
// page-<page>-<hash>.css (a sheet marked for two pages goes into both), which
// the first page does not fetch. index.html names each in
// `<meta name="lattice-page-css" data-page="<page>">`, and the app links a
// page's file with the page's code (src/styles.rs), so a search's results page
// fetches the search page's rules alone.
function mergeStyles() {
  const indexFile = join(staging, INDEX);
  let page = readFileSync(indexFile, 'utf8');
  const links = [...page.matchAll(/<link[^>]*rel="?stylesheet"?[^>]*>/g)].map((m) => m[0]);
  const lazy = links.filter((tag) => /\sdata-lattice-lazy(?=[\s>=\/])/.test(tag));
  const first = links.filter((tag) => !lazy.includes(tag));
  const fileOf = (tag) => {
    const file = /href="?\.\/([^"\s>]+\.css)"?/.exec(tag)?.[1];
    if (!file || !existsSync(join(staging, file))) throw new Error(`index.html names a stylesheet not built: ${tag}`);
    return file;
  };
  const merge = (files, stem) => {
    const css = files.map((f) => readFileSync(join(staging, f), 'utf8')).join('\n');
    const name = `${stem}-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
    writeFileSync(join(staging, name), css);
    return { name, integrity: `sha384-${createHash('sha384').update(css).digest('base64')}` };
  };
  // Run over its own output, there is one link and no lazy one: nothing to do.
  if (first.length > 1) {
    const files = first.map(fileOf);
    const { name, integrity } = merge(files, 'lattice');
    for (const f of files) rmSync(join(staging, f));
    page = page.replace(first[0], `<link href="./${name}" integrity="${integrity}" rel="stylesheet">`);
    for (const tag of first.slice(1)) page = page.replace(tag, '');
  }
  if (lazy.length > 0) {
    // Page name -> its sheets, in the order index.html links them.
    const pages = new Map();
    for (const tag of lazy) {
      // Trunk's minified page quotes the value only when it has a space.
      const value = /\sdata-lattice-lazy=(?:"([^"]*)"|([^\s"'>]+))/.exec(tag);
      const names = (value?.[1] ?? value?.[2] ?? '').split(/\s+/).filter(Boolean);
      if (names.length === 0) throw new Error(`a data-lattice-lazy stylesheet names no page: ${tag}`);
      for (const name of names) {
        if (!/^[a-z]+$/.test(name)) throw new Error(`data-lattice-lazy: not a page name: ${name}`);
        pages.set(name, [...(pages.get(name) ?? []), fileOf(tag)]);
      }
    }
    const metas = [...pages].map(([name, files]) => {
      const merged = merge(files, `page-${name}`);
      return `<meta name="lattice-page-css" data-page="${name}" content="./${merged.name}" data-integrity="${merged.integrity}">`;
    });
    for (const file of new Set(lazy.map(fileOf))) rmSync(join(staging, file));
    page = page.replace(lazy[0], metas.join(''));
    for (const tag of lazy.slice(1)) page = page.replace(tag, '');
  }
  writeFileSync(indexFile, page);
}

// Trunk's own JS minifier fails on wasm-bindgen's glue (it logs "Failed to
// minify JS" and copies it as is): minify it with terser instead (47 KB →
// about 20 KB raw, 3 KB less brotli) and update its integrity hash in
// index.html, where Trunk put it on the modulepreload link.
async function minifyGlue() {
  const { minify } = await import('terser');
  const indexFile = join(staging, INDEX);
  let page = readFileSync(indexFile, 'utf8');
  for (const file of readdirSync(staging).filter((f) => /^lattice-app-[0-9a-f]+\.js$/.test(f))) {
    const path = join(staging, file);
    const { code } = await minify(readFileSync(path, 'utf8'), {
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    });
    writeFileSync(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    page = page.replace(new RegExp(`<[^>]*${file.replace('.', '\\.')}[^>]*>`, 'g'), (tag) =>
      tag.replace(/sha384-[A-Za-z0-9+/=]+/, integrity),
    );
  }
  writeFileSync(indexFile, page);
}

// The main module's imports under short names, in it and in the glue (see
// scripts/wasm-imports.mjs: about 5 kB less brotli in the first load), and
// both files' integrity hashes in index.html updated.
function shortenGlueImports() {
  const indexFile = join(staging, INDEX);
  let page = readFileSync(indexFile, 'utf8');
  const wasmFile = readdirSync(staging).find((f) => /^lattice-app-[0-9a-f]+_bg\.wasm$/.test(f));
  const glueFile = readdirSync(staging).find((f) => /^lattice-app-[0-9a-f]+\.js$/.test(f));
  if (!wasmFile || !glueFile) throw new Error('no main module and glue to shorten the imports of');
  const { wasm, glue, renamed } = shortenImports(
    readFileSync(join(staging, wasmFile)),
    readFileSync(join(staging, glueFile), 'utf8'),
  );
  if (renamed === 0) return;
  writeFileSync(join(staging, wasmFile), wasm);
  writeFileSync(join(staging, glueFile), glue);
  for (const [file, content] of [[wasmFile, wasm], [glueFile, glue]]) {
    const integrity = `sha384-${createHash('sha384').update(content).digest('base64')}`;
    page = page.replace(new RegExp(`<[^>]*${file.replace('.', '\\.')}[^>]*>`, 'g'), (tag) =>
      tag.replace(/sha384-[A-Za-z0-9+/=]+/, integrity),
    );
  }
  writeFileSync(indexFile, page);
}

const sha256 = (data) => createHash('sha256').update(data);
const VERSION_META = /<meta name="lattice-version" content="[^"]*"\s*\/?>\n?\s*/;

// index.html as Trunk wrote it: without what a previous run added, so the
// version does not depend on how many times this script ran.
const indexPath = join(staging, INDEX);
const html = readFileSync(indexPath, 'utf8').replace(VERSION_META, '');

// 1. Hash every inline script (a <script> without src) for the CSP.
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
const hashes = inline.map((m) => `'sha256-${sha256(m[1]).digest('base64')}'`);
// The CSP <meta>, whichever order and quoting its attributes have (a minified
// index.html reorders them and drops the quotes it can).
const cspPattern = /<meta[^>]*Content-Security-Policy[^>]*>/;
if (!cspPattern.test(html)) throw new Error(`${INDEX} has no CSP meta`);
if (!/script-src [^;"]*/.test(cspPattern.exec(html)[0])) throw new Error('the CSP has no script-src');
const scriptSrc = ["'self'", "'wasm-unsafe-eval'", ...hashes].join(' ');

// 2. The version: every file but sw.js and the listing (derived from them);
// a listing an earlier run wrote goes.
const LISTING = /^sw-files-[0-9a-f]+\.json$/;
for (const f of readdirSync(staging).filter((f) => LISTING.test(f))) rmSync(join(staging, f));
const files = walk(staging).filter((f) => f !== SW);
const digest = sha256('');
for (const file of files) {
  digest.update(file).update('\0');
  digest.update(file === INDEX ? html : readFileSync(join(staging, file))).update('\0');
}
const version = digest.digest('hex').slice(0, 16);

const finished = html
  .replace(cspPattern, (meta) => meta.replace(/script-src [^;"]*/, `script-src ${scriptSrc}`))
  .replace('<title>', `<meta name="lattice-version" content="${version}" />\n    <title>`);
writeFileSync(indexPath, finished);

// 3. The service worker. Each corpus file's [path, content hash, size]: the
// worker keeps corpus files by content, so a rebuild reuses the unchanged
// ones, and knows what saving the whole library costs. Below INLINE_BUDGET
// bytes (the worker's BUDGET) sw.js lists them all; past it only those it
// precaches, and every row goes into a content-hashed listing beside it
// (crates/lattice-cli/src/site.rs writes the same).
// LATTICE_SW_INLINE_BUDGET: another budget, for the tests of a corpus past it.
const INLINE_BUDGET = Number(process.env.LATTICE_SW_INLINE_BUDGET ?? 5 * 1000 * 1000);
const shell = files.filter((f) => !f.startsWith(LAZY_DIR));
const lazy = files.filter((f) => f.startsWith(LAZY_DIR));
const rows = lazy.map((f) => {
  const bytes = readFileSync(join(staging, f));
  return [`./${f}`, sha256(bytes).digest('hex').slice(0, 20), bytes.length];
});
const totalBytes = rows.reduce((sum, r) => sum + r[2], 0);
// Past the budget: not documents, search index files, chunks of the
// glossary's uses (`<set>/glossary/`; its lexicon, glossary.bin, is) or parts
// of the facets (`<set>/facets/`; their head, facets.bin, is).
const precached = (path) =>
  !path.includes('/doc/') &&
  !path.includes('/search/') &&
  !path.includes('/glossary/') &&
  !path.includes('/facets/');
const listed = totalBytes <= INLINE_BUDGET ? rows : rows.filter((r) => precached(r[0]));
let listing = null;
if (listed.length < rows.length) {
  const text = JSON.stringify(rows);
  listing = `sw-files-${sha256(text).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(staging, listing), text);
}
const template = readFileSync(join(here, '..', 'static', 'sw-template.js'), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("['__SHELL__']", JSON.stringify(shell.map((f) => `./${f}`)))
  .replace("['__FILES__']", JSON.stringify(listed))
  .replace("'__LISTING__'", JSON.stringify(listing && `./${listing}`))
  .replace("['__TOTAL__']", JSON.stringify([rows.length, totalBytes]));
writeFileSync(join(staging, SW), sw);

console.log(
  `postbuild: version ${version}, ${shell.length} shell + ${lazy.length} corpus files (${listed.length} listed in sw.js), ` +
    `${hashes.length} inline script(s) allowed by hash`,
);
