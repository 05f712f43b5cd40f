#!/usr/bin/env bash
# Builds the self-contained `lattice` binary: first the release app that
# embeds no corpus (LATTICE_HEAD=fetch: it fetches corpus/head.bin, see
# src/head.rs) with Trunk into target/lattice-app/, then the CLI with that
# folder embedded (LATTICE_APP_DIR, read by crates/lattice-cli/build.rs).
# The binary then needs no cargo, trunk, node or network to build a site.
#
# Usage: bash scripts/package.sh      (prints the binary's path as its last line)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
APP="$TARGET/lattice-app"

# Trunk and cargo report on stderr, so the last line of stdout is the path.
LATTICE_HEAD=fetch trunk build --release --dist "$APP" 1>&2
LATTICE_APP_DIR="$APP" cargo build --release -p lattice-cli 1>&2
echo "$TARGET/release/lattice"
