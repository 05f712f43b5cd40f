#!/usr/bin/env bash
# Installs whatever Lattice needs (skipping what is already there at the pinned
# version), then runs every check and test, stopping at the first failure:
#
#   1. cargo fmt --check, and clippy -D warnings natively and for wasm32;
#   2. native tests of the core and CLI against the real corpus (nextest);
#   3. component tests of the app in headless Chromium and in headless Firefox
#      ESR (wasm-bindgen-test);
#   4. the release build (trunk build --release) and its bundle sizes;
#   5. end-to-end tests of dist/ on a plain static server (Playwright), among
#      them offline reloads, a sub-path, the update notice and the CSP; then
#      what a reader does, over WebDriver, in Firefox ESR and in WebKitGTK
#      (Safari's engine), against the same dist/ on one static server
#      (tests/webdriver/);
#   6. the same reader and offline tests against a build that embeds every
#      document (LATTICE_LAZY=0) instead of fetching each when it is opened,
#      which release builds do by default (see build.rs), in target/dist-embedded.
#   7. a build of a synthetic corpus of 26 documents (LATTICE_SCALE=13), more
#      than one library page and split into files, and its end-to-end tests
#      (tests/e2e/*.scaled.ts: library pages, deep links, search, offline).
#   8. the self-contained binary (scripts/package.sh), a site it builds with an
#      empty PATH from a temporary folder of papers (byte-identical twice),
#      and that site's end-to-end tests (tests/e2e/site-build.spec.ts).
#
# The release builds of steps 4 and 6-8 (scripts/release-builds.sh) run in
# the background from the start, beside steps 1-3, which build in cargo's
# debug folders; the browser tests wait for them.
#
# Performance is measured, not tested: see scripts/perf.sh.
#
# Ends with a summary: tests passed at each level and time per step (also
# when a step fails).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

LOGS="$(mktemp -d)"
WD_SERVER=""
RELEASE=""
timings=()
step_started=0
current=""

step() {
  finish_step
  current="$1"
  step_started=$(date +%s)
  printf '\n\033[1m==> %s\033[0m\n' "$current"
}
finish_step() {
  if [ -n "$current" ]; then
    timings+=("$(printf '%-44s %4ss' "$current" $(($(date +%s) - step_started)))")
    current=""
  fi
}
print_timings() {
  if [ -f "$LOGS/release-times" ]; then
    while IFS=$'\t' read -r name seconds; do
      timings+=("$(printf '%-44s %4ss' "(background) $name" "$seconds")")
    done <"$LOGS/release-times"
  fi
  printf '  time           %s\n' "${timings[@]}"
}
cleanup() {
  status=$?
  [ -z "$WD_SERVER" ] || kill "$WD_SERVER" 2>/dev/null || true
  # The background release builds: their own process group (setsid).
  [ -z "$RELEASE" ] || kill -- "-$RELEASE" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    [ -z "$current" ] || printf '\n\033[1m==> failed: %s\033[0m\n' "$current"
    finish_step
    print_timings
  fi
  rm -rf "$LOGS"
}
trap cleanup EXIT
# node --test's spec summary: the N of "ℹ pass N" (or of "ℹ skipped N" with $2).
node_count() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -oE "ℹ ${2:-pass} [0-9]+" | tail -1 | awk '{ print $3 }'
}
# Sum the N of every "test result: ok. N passed" line in a log.
sum_passed() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -oE 'test result: ok\. [0-9]+ passed' \
    | awk '{ n += $4 } END { print n + 0 }'
}

step "format (cargo fmt --check)"
cargo fmt --all --check

# Every release build, in the background, in its own process group (so a
# failure here ends it); the browser tests wait for it below.
setsid bash scripts/release-builds.sh "$LOGS/release-times" >"$LOGS/release.log" 2>&1 &
RELEASE=$!

step "lint, native (clippy)"
cargo clippy --workspace --all-targets -- -D warnings

step "lint, wasm32 (clippy)"
cargo clippy -p lattice-app --target wasm32-unknown-unknown --all-targets -- -D warnings

step "core/app boundary (the app's build without the core's build feature)"
# Tests and the CLI turn lattice-core's `build` feature on through feature
# unification; these two builds are the app's own: without the parser.
cargo clippy -p lattice-core --no-default-features --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p lattice-app --target wasm32-unknown-unknown -- -D warnings

step "native tests (nextest)"
cargo nextest run --workspace --exclude lattice-app 2>&1 | tee "$LOGS/native.log"
native=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/native.log" \
  | grep -oE '[0-9]+ tests? run: [0-9]+ passed' | tail -1 | awk '{ print $4 }')

step "native unit tests of the app's pure modules"
cargo test -p lattice-app --lib 2>&1 | tee "$LOGS/app-native.log"
app_native=$(sum_passed "$LOGS/app-native.log")

# No doc tests: the crates' examples are unit tests (nextest runs those; it
# does not run doc tests). A `cargo test --doc` step comes back with the
# first doc test; until then it compiled the core again for nothing (122 s
# of a CI run).

# The component tests' wasm without debug info: 133 MB with it, which
# wasm-bindgen-test-runner reads and rewrites once per browser (nothing
# else builds in cargo's wasm32 debug folder, so nothing is built twice).
export CARGO_PROFILE_DEV_DEBUG=0
step "component tests (wasm, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p lattice-app --target wasm32-unknown-unknown --test '*' 2>&1 | tee "$LOGS/wasm.log"
wasm=$(sum_passed "$LOGS/wasm.log")

step "component tests (wasm, headless Firefox ESR)"
# The same build; wasm-bindgen-test-runner drives Firefox when GECKODRIVER is set.
# Only the test binary (--test '*'): the lib and bin hold no wasm tests, and each
# binary costs the runner a wasm-bindgen pass before any browser starts
# (so the component tests are one binary, tests/components/).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  GECKODRIVER="$(command -v geckodriver)" \
  cargo test -p lattice-app --target wasm32-unknown-unknown --test '*' 2>&1 | tee "$LOGS/wasm-firefox.log"
wasm_firefox=$(sum_passed "$LOGS/wasm-firefox.log")
unset CARGO_PROFILE_DEV_DEBUG

step "release builds (waiting for the background: dist/, embedded, scaled, the lattice binary)"
if ! wait "$RELEASE"; then
  RELEASE=""
  cat "$LOGS/release.log"
  echo "a release build failed (its log is above)" >&2
  exit 1
fi
RELEASE=""
grep -vE '^ *Compiling ' "$LOGS/release.log" || true
LATTICE_BIN="$(tail -1 "$LOGS/release-times.bin")"
sizes=()
for f in dist/*.wasm dist/*.js; do
  sizes+=("$(printf '%-44s %8s B raw %8s B gzip' "$(basename "$f")" \
    "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)")")
done

step "end-to-end tests (Playwright)"
npx --no-install playwright test --reporter=list 2>&1 | tee "$LOGS/e2e.log"
e2e=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/e2e.log" | grep -oE '^ *[0-9]+ passed' | tail -1 | awk '{ print $1 }')

step "end-to-end tests over WebDriver (Firefox ESR, WebKitGTK)"
# One static server over dist/ for both engines; each engine's driver and
# browser are started and ended by the suite (tests/webdriver/engines.mjs).
# The two engines run at once (each drives one window; their own ports).
WD_PORT="${LATTICE_WD_PORT:-4481}"
node tests/e2e/static-server.mjs dist "$WD_PORT" >"$LOGS/wd-server.log" 2>&1 &
WD_SERVER=$!
# Ours, listening (not another process's server on that port).
for _ in $(seq 100); do
  grep -q serving "$LOGS/wd-server.log" || ! kill -0 "$WD_SERVER" 2>/dev/null && break
  sleep 0.1
done
grep -q serving "$LOGS/wd-server.log" || { cat "$LOGS/wd-server.log"; exit 1; }
wd_pids=()
for engine in firefox webkit; do
  LATTICE_WD_ENGINE=$engine LATTICE_WD_BASE="http://127.0.0.1:$WD_PORT/" \
    node --test --test-reporter=spec tests/webdriver/suite.test.mjs >"$LOGS/wd-$engine.log" 2>&1 &
  wd_pids+=($!)
done
wd_failed=0
for pid in "${wd_pids[@]}"; do wait "$pid" || wd_failed=1; done
cat "$LOGS/wd-firefox.log" "$LOGS/wd-webkit.log"
kill "$WD_SERVER" && WD_SERVER=""
[ "$wd_failed" -eq 0 ] || exit 1
wd_firefox=$(node_count "$LOGS/wd-firefox.log")
wd_firefox_skipped=$(node_count "$LOGS/wd-firefox.log" skipped)
wd_webkit=$(node_count "$LOGS/wd-webkit.log")
wd_webkit_skipped=$(node_count "$LOGS/wd-webkit.log" skipped)

step "embedded-corpus end-to-end tests (LATTICE_LAZY=0)"
# Its own dist folder and port, so dist/ keeps the default build.
LATTICE_DIST=target/dist-embedded LATTICE_E2E_PORT=4273 \
  npx --no-install playwright test --reporter=list reader.spec.ts offline.spec.ts 2>&1 | tee "$LOGS/embedded.log"
embedded=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/embedded.log" | grep -oE '^ *[0-9]+ passed' | tail -1 | awk '{ print $1 }')

step "scaled-corpus end-to-end tests (LATTICE_SCALE=13: 26 documents, split)"
# More documents than one library page, kept apart from the app in files.
LATTICE_DIST=target/dist-scaled LATTICE_E2E_PORT=4373 LATTICE_E2E_SCALED=1 \
  npx --no-install playwright test --reporter=list 2>&1 | tee "$LOGS/scaled.log"
scaled=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/scaled.log" | grep -oE '^ *[0-9]+ passed' | tail -1 | awk '{ print $1 }')

step "lattice build: a site from a folder of papers (packaged binary), its end-to-end tests"
SITE_TMP="$(mktemp -d)"
mkdir "$SITE_TMP/papers"
cp corpus/*.txt crates/lattice-core/tests/fixtures/*.docx "$SITE_TMP/papers/"
# The Markdown fixtures share the Word ones' names (and so ids): renamed.
for f in crates/lattice-core/tests/fixtures/*.md; do
  cp "$f" "$SITE_TMP/papers/$(basename "$f" .md)-notes.md"
done
# Papers written for this site's tests (tests/e2e/site-papers: a note cited twice).
cp tests/e2e/site-papers/*.md "$SITE_TMP/papers/"
printf '\nplain words with no header\n' >"$SITE_TMP/papers/damaged.txt"
cat >"$SITE_TMP/papers/lattice.toml" <<'TOML'
[site]
title = { zh = "測試文庫", en = "Test Library" }
subtitle = { zh = "印太安全論文", en = "Papers on Indo-Pacific security" }
language = "en"

[documents."minilateral-en-notes.md"]
english_title = "Minilateral Cooperation"
year = 2024
publisher = "Example Institute"
book = "Regional Security Outlook"
editors = ["Chen Ming", "Lee Hua"]
place = "Canberra"
pages = "45-67"
doi = "10.1234/rso.2024.3"
url = "https://example.org/rso/minilateral"
TOML
# No cargo, trunk, node or network: an empty PATH and environment.
(cd "$SITE_TMP" && env -i PATH= "$LATTICE_BIN" build papers --out a && env -i PATH= "$LATTICE_BIN" build papers --out b)
diff -r "$SITE_TMP/a" "$SITE_TMP/b"
LATTICE_SITE="$SITE_TMP/a" npx --no-install playwright test -c tests/e2e/site-build.config.ts \
  --reporter=list 2>&1 | tee "$LOGS/site.log"
site=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/site.log" | grep -oE '^ *[0-9]+ passed' | tail -1 | awk '{ print $1 }')
rm -rf "$SITE_TMP"
finish_step

printf '\n\033[1m==> all checks passed in %ss\033[0m\n' $(($(date +%s) - started))
printf '  tests passed   native: %s (+%s app)   wasm component: %s   end-to-end: %s (+%s embedded corpus, +%s scaled corpus, +%s lattice build site)\n' \
  "${native:-0}" "${app_native:-0}" "${wasm:-0}" "${e2e:-0}" "${embedded:-0}" "${scaled:-0}" "${site:-0}"
printf '  per engine     Chromium: %s component, %s end-to-end   Firefox ESR: %s component, %s end-to-end (%s skipped)   WebKitGTK: %s end-to-end (%s skipped)\n' \
  "${wasm:-0}" "${e2e:-0}" "${wasm_firefox:-0}" "${wd_firefox:-0}" "${wd_firefox_skipped:-0}" "${wd_webkit:-0}" "${wd_webkit_skipped:-0}"
printf '  bundle         %s\n' "${sizes[@]}"
print_timings
