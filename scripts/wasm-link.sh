#!/usr/bin/env bash
# The linker of every wasm32 build (.cargo/config.toml): rust-lld, as rustc
# would call it, keeping relocations (--emit-relocs); then, for a module with
# split points (the app built with its `split` feature, see src/lazy.rs),
# wasm-split-cli cuts it there. The main module replaces the linker's output,
# so Trunk's wasm-bindgen and wasm-opt run on it as before; the chunks and
# their loader (__wasm_split.js) go to <profile dir>/wasm-split/, where
# scripts/postbuild.mjs picks them up for dist/. A module without split
# points (component tests, clippy) is left as linked.
set -euo pipefail

lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
"$lld" "$@" --emit-relocs

out=""
prev=""
for arg in "$@"; do
  [ "$prev" = "-o" ] && out="$arg"
  prev="$arg"
done
[ -n "$out" ] || exit 0
# Split points import their loaders from this module name (wasm_split_macros).
grep -q "__wasm_split_placeholder__" "$out" || exit 0

split="$(dirname "$(dirname "$out")")/wasm-split"
cli="${WASM_SPLIT_CLI:-wasm-split-cli}"
if ! command -v "$cli" >/dev/null 2>&1; then
  cli="$HOME/.cargo/bin/wasm-split-cli"
fi
rm -rf "$split"
mkdir -p "$split"
"$cli" --target web --out-name lattice-app "$out" "$split" >&2
mv "$split/lattice-app.wasm" "$out"
node "$(dirname "$0")/wasm-split-table.mjs" "$out"
# Which module these chunks belong to: postbuild.mjs checks that the module
# Trunk packaged is this one before it ships the chunks beside it.
sha256sum "$out" | cut -d' ' -f1 >"$split/main.sha256"
