#!/usr/bin/env bash
# Where the app's wasm bytes go: builds the release wasm (the same cargo
# build Trunk runs, cut into a main module and chunks, see src/lazy.rs), passes it through wasm-bindgen and wasm-opt with the
# flags index.html gives Trunk, and prints
#   - the shipped module's size raw / gzip -9 / brotli q11,
#   - each wasm section's brotli size (code, data, ...),
#   - twiggy's top items (shallow and retained) from a copy that keeps the
#     name section (wasm-opt -g), so items have names.
# Not a test: numbers only. scripts/perf.sh measures the whole first load.
#
#   bash scripts/wasm-size.sh            # top 20
#   TOP=50 bash scripts/wasm-size.sh
#   WASM_OPT="-Oz --converge" bash scripts/wasm-size.sh   # try other flags
#
# Output files stay in target/wasm-size/ (app_bg.wasm before wasm-opt,
# app_opt.wasm as shipped, app_named.wasm for `twiggy` by hand).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
OUT=target/wasm-size
mkdir -p "$OUT"

# With the `split` feature, as Trunk builds it (index.html): the linker step
# (scripts/wasm-link.sh) leaves the main module here and the chunks in
# release/wasm-split/.
cargo build --release --target wasm32-unknown-unknown -p lattice-app --bin lattice-app --features split
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name app \
  target/wasm32-unknown-unknown/release/lattice-app.wasm

# index.html's data-wasm-opt level and params, unless WASM_OPT overrides.
if [ -z "${WASM_OPT:-}" ]; then
  level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | head -1 | cut -d'"' -f2)
  params=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | head -1 | cut -d'"' -f2)
  WASM_OPT="-O${level} ${params}"
fi
echo "wasm-opt ${WASM_OPT}"
# shellcheck disable=SC2086 # the flags are words
wasm-opt ${WASM_OPT} -o "$OUT/app_opt.wasm" "$OUT/app_bg.wasm"
# shellcheck disable=SC2086
wasm-opt ${WASM_OPT} -g -o "$OUT/app_named.wasm" "$OUT/app_bg.wasm"

node --input-type=module - "$OUT/app_opt.wasm" <<'JS'
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
const br = (b) => brotliCompressSync(b, { params: {
  [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const file = readFileSync(process.argv[2]);
console.log(`shipped wasm: ${file.length} raw / ${gzipSync(file, { level: 9 }).length} gzip / ${br(file)} brotli bytes`);
// Sections: id, LEB128 size, payload.
const names = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory',
  6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };
let i = 8;
const leb = () => { let r = 0, s = 0, x; do { x = file[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
console.log('section     raw bytes   brotli bytes');
while (i < file.length) {
  const id = file[i++]; const size = leb();
  const body = file.subarray(i, i + size); i += size;
  console.log(`${(names[id] ?? id).padEnd(10)} ${String(size).padStart(10)} ${String(br(body)).padStart(14)}`);
}
JS
echo
echo "chunks (src/lazy.rs), after wasm-opt: raw / brotli bytes"
for chunk in target/wasm32-unknown-unknown/release/wasm-split/*.wasm; do
  # shellcheck disable=SC2086
  wasm-opt ${WASM_OPT} -o "$OUT/chunk.wasm" "$chunk"
  node -e "const b=require('fs').readFileSync(process.argv[1]);const z=require('zlib');console.log(process.argv[2].padEnd(24),String(b.length).padStart(8),String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length).padStart(8))" "$OUT/chunk.wasm" "$(basename "$chunk")"
done
echo
twiggy top -n "${TOP:-20}" "$OUT/app_named.wasm"
echo
twiggy top -n "${TOP:-20}" --retained "$OUT/app_named.wasm"
