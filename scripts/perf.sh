#!/usr/bin/env bash
# Builds the reader in release mode for one or more corpus sizes and measures
# each with scripts/perf.mjs (bytes of first load, first content, interactive,
# search latency, memory). Not a test: numbers are printed, not asserted, and
# CI does not run it (the 100× build alone takes minutes).
#
#   bash scripts/perf.sh                  # the real corpus (1×)
#   bash scripts/perf.sh --scale 1,10,100 # plus synthetic 10× and 100× corpora
#   RUNS=9 bash scripts/perf.sh ...       # more visits per build (median)
#
# Each size is built with LATTICE_SCALE=N (see build.rs) into target/perf/dist-N;
# dist/ is left alone. The table also goes to target/perf/results.json.
# Where the wasm's bytes go, item by item: scripts/wasm-size.sh (twiggy).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

scales="1"
if [ "${1:-}" = "--scale" ]; then scales="${2:?--scale takes a list, e.g. 1,10,100}"; fi

mkdir -p target/perf
builds=()
for n in ${scales//,/ }; do
  printf '\033[1m==> release build, corpus ×%s\033[0m\n' "$n"
  LATTICE_SCALE="$n" trunk build --release --dist "target/perf/dist-$n" 2>&1 \
    | grep -E 'postbuild|ERROR|error' || true
  [ -f "target/perf/dist-$n/index.html" ] || { echo "build ×$n failed" >&2; exit 1; }
  builds+=("${n}x=target/perf/dist-$n")
done

node scripts/perf.mjs "${builds[@]}" --runs "${RUNS:-5}" --json target/perf/results.json
