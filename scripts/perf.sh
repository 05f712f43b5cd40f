#!/usr/bin/env bash
# Builds the reader in release mode for one or more corpus sizes and measures
# each with scripts/perf.mjs (bytes of first load, first content, interactive,
# search latency, memory). Not a test: numbers are printed, not asserted, and
# CI does not run it (the 100× build alone takes minutes).
#
#   bash scripts/perf.sh                  # the real corpus (1×)
#   bash scripts/perf.sh --scale 1,10,100 # plus synthetic 10× and 100× corpora
#   bash scripts/perf.sh --docs 1000,10000  # the real corpus and generated
#                                         # archives of 1,000 and 10,000 analyses
#   RUNS=9 bash scripts/perf.sh ...       # more visits per build (median)
#   PERF_QUERIES=0 bash scripts/perf.sh   # skip the per-query table
#
# Each size is built with LATTICE_SCALE=N (see build.rs) into target/perf/dist-N;
# an archive of N documents (`cargo run --release -p lattice-core --example
# archive -- N DIR`, kept in target/perf/archive-N) with LATTICE_CORPUS=DIR
# into target/perf/dist-docs-N. dist/ is left alone. Each build's time and
# dist size go to target/perf/builds.json; the table to target/perf/results.json.
# Where the wasm's bytes go, item by item: scripts/wasm-size.sh (twiggy).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

scales="1"
docs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scales="${2:?--scale takes a list, e.g. 1,10,100}"; shift 2 ;;
    --docs) docs="${2:?--docs takes a list, e.g. 1000,10000}"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mkdir -p target/perf
builds=()
timings="target/perf/builds.json"
echo '{}' > "$timings"

# Build into $2 with the environment in $3..., timing it; record label $1.
build() {
  local label="$1" dist="$2"
  shift 2
  printf '\033[1m==> release build, %s\033[0m\n' "$label"
  local start end
  start=$(date +%s.%N)
  env "$@" trunk build --release --dist "$dist" 2>&1 | grep -E 'postbuild|ERROR|error' || true
  end=$(date +%s.%N)
  [ -f "$dist/index.html" ] || { echo "build $label failed" >&2; exit 1; }
  node -e '
    const fs = require("fs"), path = require("path");
    const [file, label, dist, seconds] = process.argv.slice(1);
    let bytes = 0, files = 0;
    const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else { files++; bytes += fs.statSync(p).size; } } };
    walk(dist);
    const all = JSON.parse(fs.readFileSync(file, "utf8"));
    all[label] = { seconds: Number(seconds), bytes, files };
    fs.writeFileSync(file, JSON.stringify(all, null, 2));
  ' "$timings" "$label" "$dist" "$(echo "$end - $start" | bc)"
  builds+=("$label=$dist")
}

for n in ${scales//,/ }; do
  build "${n}x" "target/perf/dist-$n" LATTICE_SCALE="$n"
done
for n in ${docs//,/ }; do
  archive="$ROOT/target/perf/archive-$n"
  if [ ! -d "$archive" ]; then
    printf '\033[1m==> generating an archive of %s documents\033[0m\n' "$n"
    cargo run --release -q -p lattice-core --example archive -- "$n" "$archive"
  fi
  build "${n}docs" "target/perf/dist-docs-$n" LATTICE_CORPUS="$archive"
done

node scripts/perf.mjs "${builds[@]}" --runs "${RUNS:-5}" --json target/perf/results.json
