#!/usr/bin/env bash
# Installs every tool Lattice needs to build, serve and test, at pinned versions.
# Each step is skipped when the tool is already present at that version, so a
# second run costs seconds. Sourced or run by scripts/serve.sh and scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130" # must equal wasm-bindgen in Cargo.lock
GECKODRIVER_VERSION="0.37.1"   # drives Debian's Firefox ESR (WebDriver tests)
WASM_SPLIT_VERSION="0.2.4"     # wasm-split-cli; its runtime, wasm_split_helpers, is in Cargo.lock
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
# Whether COMMAND… prints WANTED. Its whole output is read first: `| grep -q`
# stops reading at the match, and a tool that then writes more (geckodriver
# prints a licence) dies of SIGPIPE, which pipefail took for "missing" and
# reinstalled every run.
version_is() {
  local wanted="$1" out
  shift
  out="$("$@" 2>/dev/null)" || return 1
  [[ "$out" == *"$wanted"* ]]
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Browsers: Chromium (Playwright, component tests), Firefox ESR (component and
# WebDriver tests) and WebKitGTK, Safari's engine (webkit2gtk-driver: the
# WebKitWebDriver and MiniBrowser of the WebDriver tests, run under Xvfb).
apt_missing=()
for pkg in chromium chromium-driver fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb xauth; do
  dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
done
if [ "${#apt_missing[@]}" -gt 0 ]; then
  step "apt-get install ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}"
fi

if ! version_is "trunk $TRUNK_VERSION" trunk --version; then
  step "cargo install trunk $TRUNK_VERSION (several minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! version_is "wasm-bindgen $WASM_BINDGEN_VERSION" wasm-bindgen --version; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: its lock file names a webpki-roots release the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! version_is "geckodriver $GECKODRIVER_VERSION" geckodriver --version; then
  step "cargo install geckodriver $GECKODRIVER_VERSION (about 2 minutes on 2 cores)"
  # Its own lock file first; should the registry not serve a release it names
  # (as for wasm-bindgen-cli), resolve afresh.
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked \
    || cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

# wasm-split-cli (crate wasm_split_cli_support) cuts the app's wasm at its
# split points (src/lazy.rs, scripts/wasm-link.sh). It prints no version:
# cargo's list of installed crates tells.
if ! version_is "wasm_split_cli_support v$WASM_SPLIT_VERSION:" cargo install --list; then
  step "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli, about 2 minutes on 2 cores)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

if ! cargo nextest --version >/dev/null 2>&1; then
  step "cargo install cargo-nextest"
  cargo install cargo-nextest --locked
fi

# npm packages: binaryen (wasm-opt for Trunk), Playwright (driving Debian's Chromium)
# and selenium-webdriver (the WebDriver tests' client).
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
   || ! cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.lattice-lock"; then
  step "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.lattice-lock)
fi
