// Short names for the main module's JS imports (scripts/postbuild.mjs calls
// it on the shipped wasm and its glue).
//
// wasm-bindgen names each import it generates after the function and a
// 16-digit hash (`__wbg_addEventListener_847fd86b8c33ec43`), and the name is
// written twice: in the wasm's import section and as a key of the glue's
// imports object. Some two hundred of them, in both files of the first
// load: the hex digits alone do not compress, about 3 kB of brotli. Like a
// JS minifier renaming locals, this gives each import of the glue's module
// a short name (`a`, `b`, … `ab`, …) in both files; nothing else refers to
// those names (the chunks import only the main module's memory, table and
// globals, under `__wasm_split`). The result is checked: every import of
// that module is a key of the glue, and no old name is left in either file.

/** `n`th short name: a-z, A-Z, then two letters and more. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/** A reader over a wasm's bytes. */
function reader(bytes, at = 0) {
  const r = {
    at,
    byte: () => bytes[r.at++],
    leb() {
      let result = 0;
      let shift = 0;
      let b;
      do {
        b = bytes[r.at++];
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return result;
    },
    name() {
      const len = r.leb();
      const text = new TextDecoder().decode(bytes.subarray(r.at, r.at + len));
      r.at += len;
      return text;
    },
  };
  return r;
}

function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

function name(text) {
  const utf8 = new TextEncoder().encode(text);
  return [...leb(utf8.length), ...utf8];
}

/** Skip an import's description (after its module and field names). */
function skipDesc(r) {
  const kind = r.byte();
  const limits = () => {
    const flags = r.byte();
    r.leb();
    if (flags & 1) r.leb();
  };
  switch (kind) {
    case 0x00: // function: type index
    case 0x04: // tag: attribute, type index
      if (kind === 0x04) r.byte();
      r.leb();
      return;
    case 0x01: // table: reference type, limits
      r.byte();
      limits();
      return;
    case 0x02: // memory: limits
      limits();
      return;
    case 0x03: // global: value type, mutability
      r.byte();
      r.byte();
      return;
    default:
      throw new Error(`wasm import of unknown kind ${kind}`);
  }
}

/**
 * Rename the imports of `wasm` (bytes) from the glue's module, in both the
 * wasm and `glue` (its JS text). Returns `{ wasm, glue, renamed }`.
 */
export function shortenImports(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  // Pieces of the output, joined at the end (sections are large).
  const out = [bytes.subarray(0, 8)];
  const renames = new Map();
  const r = reader(bytes, 8);
  while (r.at < bytes.length) {
    const id = r.byte();
    const size = r.leb();
    const start = r.at;
    const end = start + size;
    if (id !== 2) {
      out.push(Uint8Array.from([id, ...leb(size)]), bytes.subarray(start, end));
      r.at = end;
      continue;
    }
    const section = [];
    const count = r.leb();
    section.push(...leb(count));
    for (let i = 0; i < count; i++) {
      const module = r.name();
      const field = r.name();
      const descStart = r.at;
      skipDesc(r);
      // The glue's module is the one whose names the glue defines.
      let renamed = field;
      if (module !== '__wasm_split' && /^__wbg/.test(field)) {
        if (!renames.has(field)) renames.set(field, shortName(renames.size));
        renamed = renames.get(field);
      }
      section.push(...name(module), ...name(renamed), ...bytes.subarray(descStart, r.at));
    }
    if (r.at !== end) throw new Error('wasm import section: unexpected length');
    out.push(Uint8Array.from([id, ...leb(section.length), ...section]));
  }
  // Whole names only: an import's name is never part of another name.
  let text = glue;
  for (const [old, short] of renames) {
    const pattern = new RegExp(`(?<![\\w$])${old.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const before = text;
    text = text.replace(pattern, short);
    if (text === before) throw new Error(`the glue does not define the import ${old}`);
  }
  const left = /__wbg_\w*_[0-9a-f]{16}\b/.exec(text);
  if (left) throw new Error(`the glue still names ${left[0]}`);
  const keys = new Set(renames.values());
  for (const short of keys) {
    if (!new RegExp(`[{,]${short}:`).test(text)) throw new Error(`the glue defines no import ${short}`);
  }
  const joined = new Uint8Array(out.reduce((n, piece) => n + piece.length, 0));
  let at = 0;
  for (const piece of out) {
    joined.set(piece, at);
    at += piece.length;
  }
  return { wasm: joined, glue: text, renamed: renames.size };
}
