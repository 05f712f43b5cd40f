#!/usr/bin/env bash
# Every release build the end-to-end tests use, one after another (they share
# cargo's release folders, which cargo locks):
#
#   1. dist/                  trunk build --release (the default: documents
#                             fetched when opened)
#   2. target/dist-embedded   LATTICE_LAZY=0: every document embedded
#   3. target/dist-scaled     LATTICE_SCALE=13: 26 documents, split into files
#   4. target/release/lattice the self-contained binary (scripts/package.sh)
#
# scripts/test.sh starts this in the background while it lints and runs the
# native and component tests (debug builds, in cargo's other folders), so the
# two cores stay busy through the release builds' one-core stretches (the
# app's crate and its link-time optimisation are one codegen unit).
#
# Usage: bash scripts/release-builds.sh TIMES   (appends "name seconds" lines
# to TIMES; prints the binary's path as its last line)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
TIMES="${1:?usage: release-builds.sh TIMES}"

timed() {
  local name="$1" started
  shift
  started=$(date +%s)
  printf '\n==> %s\n' "$name" >&2
  "$@"
  printf '%s\t%s\n' "$name" $(($(date +%s) - started)) >>"$TIMES"
}

timed "release build: dist/" trunk build --release 1>&2
timed "release build: embedded corpus (LATTICE_LAZY=0)" \
  env LATTICE_LAZY=0 trunk build --release --dist target/dist-embedded 1>&2
timed "release build: scaled corpus (LATTICE_SCALE=13)" \
  env LATTICE_SCALE=13 trunk build --release --dist target/dist-scaled 1>&2
timed "release build: the lattice binary (package.sh)" bash scripts/package.sh >"$TIMES.bin"
tail -1 "$TIMES.bin"
