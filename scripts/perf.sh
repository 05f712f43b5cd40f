#!/usr/bin/env bash
# Builds the reader in release mode for one or more corpus sizes and measures
# each with scripts/perf.mjs (bytes of first load, first content, interactive,
# search latency, per-query bytes over the wire, memory). Not a test: numbers
# are printed, not asserted, and CI does not run it.
#
#   bash scripts/perf.sh                      # the real corpus (1×)
#   bash scripts/perf.sh --docs 1000,10000    # plus generated archives of
#                                             # 1,000 and 10,000 analyses
#   bash scripts/perf.sh --trunk-docs 10000   # also time a `trunk build` of
#                                             # that archive (not measured in
#                                             # the browser: the same files)
#   bash scripts/perf.sh --build-only 10,1000,10000,50000
#                                             # time `lattice build` of these
#                                             # archives (peak memory); with
#                                             # no --docs, builds only
#   bash scripts/perf.sh --scale 10,100       # plus `trunk build`s of the
#                                             # identical copies (LATTICE_SCALE)
#   RUNS=9 bash scripts/perf.sh ...           # more visits per build (median)
#   PERF_QUERIES=0 bash scripts/perf.sh       # skip the per-query table
#   LATTICE=target/release/lattice bash ...   # reuse a packaged binary
#   KEEP_SITES=0 bash scripts/perf.sh ...     # delete each site once measured
#
# One release app build: scripts/package.sh builds the app (LATTICE_HEAD=fetch)
# and the `lattice` binary carrying it; then every size is a fast `lattice
# build DIR --out target/perf/site-N` over that same app — the real corpus as
# 1x, an archive of N documents (`cargo run --release -p lattice-core
# --example archive -- N DIR`, kept in target/perf/archive-N) as Ndocs. Each
# build's time, peak memory (/usr/bin/time -v) and size go to
# target/perf/builds.json; the table to target/perf/results.json, printed as
# markdown. Where the wasm's bytes go: scripts/wasm-size.sh (twiggy).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

scales=""
docs=""
trunk_docs=""
build_only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scales="${2:?--scale takes a list, e.g. 10,100}"; shift 2 ;;
    --docs) docs="${2:?--docs takes a list, e.g. 1000,10000}"; shift 2 ;;
    --trunk-docs) trunk_docs="${2:?--trunk-docs takes a list, e.g. 10000}"; shift 2 ;;
    --build-only) build_only="${2:?--build-only takes a list, e.g. 10,1000,10000}"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mkdir -p target/perf
builds=()
timings="target/perf/builds.json"
echo '{}' > "$timings"

# Record build $1 of folder $2: seconds $3, peak resident kB $4, documents
# $5, CPU seconds $6; for a `trunk build`, the corpus step's (the app's
# build script's) seconds $7 and peak kB $8.
record() {
  node -e '
    const fs = require("fs"), path = require("path");
    const [file, label, dist, seconds, peak, docs, cpu, stepSeconds, stepPeak] = process.argv.slice(1);
    let bytes = 0, files = 0;
    const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else { files++; bytes += fs.statSync(p).size; } } };
    walk(dist);
    const all = JSON.parse(fs.readFileSync(file, "utf8"));
    all[label] = { seconds: Number(seconds), peak: Number(peak) * 1024, bytes, files,
      documents: Number(docs) || null, cpu: Number(cpu),
      corpusSeconds: stepSeconds ? Number(stepSeconds) : null,
      corpusPeak: stepPeak ? Number(stepPeak) * 1024 : null };
    fs.writeFileSync(file, JSON.stringify(all, null, 2));
  ' "$timings" "$@"
}

# Until killed, sample the app's build script (build.rs: the corpus step of a
# `trunk build`) every 0.2 s, writing to file $1 its longest elapsed seconds
# and largest resident kB so far. /usr/bin/time sees only the largest
# process of the whole build; this tells the corpus step from the compile.
watch_build_script() {
  local out="$1" secs=0 rss=0 e r
  while true; do
    while read -r e r; do
      [ "$e" -gt "$secs" ] && secs="$e"
      [ "$r" -gt "$rss" ] && rss="$r"
    done < <(ps -eo etimes=,rss=,args= | awk '$3 ~ /lattice-app-[0-9a-f]+\/build-script-build$/ { print $1, $2 }')
    echo "$secs $rss" > "$out"
    sleep 0.2
  done
}

# Run "$@" timed; sets $seconds (wall), $cpu (user + system seconds: on a
# shared machine the wall time says as much about the neighbours) and $peak
# (kB, the largest process's).
timed() {
  local log start end
  log="$(mktemp)"
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$log" "$@"
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log")
  peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  rm -f "$log"
}

# An archive of $1 documents, generated once into target/perf/archive-$1.
archive() {
  local n="$1" dir="$ROOT/target/perf/archive-$1"
  if [ ! -d "$dir" ]; then
    printf '\033[1m==> generating an archive of %s documents\033[0m\n' "$n" >&2
    cargo run --release -q -p lattice-core --example archive -- "$n" "$dir.tmp" >&2
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# `trunk build --release` into $2 with the environment in $3...; label $1.
trunk_build() {
  local label="$1" dist="$2"
  shift 2
  printf '\033[1m==> trunk build --release, %s\033[0m\n' "$label"
  local step watcher
  step="$(mktemp)"
  watch_build_script "$step" &
  watcher=$!
  timed env "$@" trunk build --release --dist "$dist" > "target/perf/$label.log" 2>&1 || true
  kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null || true
  [ -f "$dist/index.html" ] || { echo "build $label failed: target/perf/$label.log" >&2; exit 1; }
  # shellcheck disable=SC2046 # two numbers, or none
  record "$label" "$dist" "$seconds" "$peak" "${build_docs:-}" "$cpu" $(cat "$step" 2>/dev/null)
  rm -f "$step"
}

lattice_bin="${LATTICE:-}"
# `lattice build` of folder $2 into $3; label $1.
site_build() {
  local label="$1" corpus="$2" out="$3"
  printf '\033[1m==> lattice build, %s\033[0m\n' "$label"
  rm -rf "$out"
  timed "$lattice_bin" build "$corpus" --out "$out" > "target/perf/$label.log" 2>&1 \
    || { echo "build $label failed: target/perf/$label.log" >&2; exit 1; }
  record "$label" "$out" "$seconds" "$peak" "${build_docs:-}" "$cpu"
}

if [ -z "$lattice_bin" ]; then
  printf '\033[1m==> the release app and the lattice binary (scripts/package.sh)\033[0m\n'
  lattice_bin="$(bash scripts/package.sh 2>target/perf/package.log | tail -n 1)"
fi
[ -x "$lattice_bin" ] || { echo "no lattice binary: target/perf/package.log" >&2; exit 1; }

for n in ${build_only//,/ }; do
  a="$(archive "$n")"
  build_docs="$n" site_build "lattice-build-${n}docs" "$a" "target/perf/site-build-only"
  rm -rf target/perf/site-build-only
done
for n in ${trunk_docs//,/ }; do
  a="$(archive "$n")"
  build_docs="$n" trunk_build "trunk-build-${n}docs" "target/perf/dist-docs-$n" LATTICE_CORPUS="$a"
  # Timed only: the same site as `lattice build` writes, with the head
  # embedded in the wasm. Removed to spare the disk.
  rm -rf "target/perf/dist-docs-$n"
done
# Builds only (--build-only, --trunk-docs without --docs or --scale): their table.
if [ -n "$build_only$trunk_docs" ] && [ -z "$docs$scales" ]; then
  node scripts/build-table.mjs target/perf/builds.json
  exit 0
fi

site_build "1x" corpus target/perf/site-1
builds+=("1x=target/perf/site-1")
for n in ${docs//,/ }; do
  a="$(archive "$n")"
  build_docs="$n" site_build "${n}docs" "$a" "target/perf/site-docs-$n"
  builds+=("${n}docs=target/perf/site-docs-$n")
done
for n in ${scales//,/ }; do
  trunk_build "${n}x-trunk" "target/perf/dist-$n" LATTICE_SCALE="$n"
  builds+=("${n}x-trunk=target/perf/dist-$n")
done

node scripts/perf.mjs "${builds[@]}" --runs "${RUNS:-5}" --json target/perf/results.json
echo
node scripts/build-table.mjs target/perf/builds.json
if [ "${KEEP_SITES:-1}" = 0 ]; then
  for b in "${builds[@]}"; do rm -rf "${b#*=}"; done
fi
