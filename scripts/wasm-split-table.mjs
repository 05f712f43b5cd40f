// Exports the main module's function table a second time, as
// `__wasm_split_table`: the split chunks (src/lazy.rs) import the table from
// the main module, and wasm-bindgen drops the linker's own export of it
// (`__indirect_function_table`), keeping exports it does not know.
// scripts/postbuild.mjs points __wasm_split.js at the new name.
//
// Usage: node scripts/wasm-split-table.mjs MODULE.wasm   (rewrites it)
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2];
const wasm = readFileSync(path);
const NAME = '__wasm_split_table';

const readLeb = (buf, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};
const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = readLeb(wasm, at + 1);
  const end = body + size;
  if (id === 7) {
    let [count, p] = readLeb(wasm, body);
    const entries = [];
    for (let i = 0; i < count; i++) {
      const [len, q] = readLeb(wasm, p);
      const name = wasm.subarray(q, q + len).toString('utf8');
      const kind = wasm[q + len];
      const [index, r] = readLeb(wasm, q + len + 1);
      entries.push({ name, kind, index });
      p = r;
    }
    if (entries.some((e) => e.name === NAME)) process.exit(0);
    const table = entries.find((e) => e.name === '__indirect_function_table' && e.kind === 1);
    if (!table) throw new Error(`${path} does not export __indirect_function_table`);
    const name = Buffer.from(NAME, 'utf8');
    const added = Buffer.concat([leb(name.length), name, Buffer.from([1]), leb(table.index)]);
    const payload = Buffer.concat([leb(count + 1), wasm.subarray(p === body ? body : readLeb(wasm, body)[1], end), added]);
    const out = Buffer.concat([wasm.subarray(0, at), Buffer.from([7]), leb(payload.length), payload, wasm.subarray(end)]);
    writeFileSync(path, out);
    process.exit(0);
  }
  at = end;
}
throw new Error(`${path} has no export section`);
