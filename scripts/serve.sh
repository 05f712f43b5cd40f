#!/usr/bin/env bash
# Installs whatever Lattice needs (skipping what is already there at the pinned
# version), then builds the reader in release mode and serves it on loopback,
# rebuilding when a source or corpus file changes.
#
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh  # another port
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

PORT="${PORT:-8080}"
printf '\033[1m==> serving Lattice at http://127.0.0.1:%s/ (Ctrl-C stops)\033[0m\n' "$PORT"
# Its own output folder, so dist/ keeps the release build the e2e tests serve.
exec trunk serve --release --address 127.0.0.1 --port "$PORT" --dist target/serve \
  --watch src --watch corpus --watch crates --watch styles --watch static \
  --watch index.html --watch Cargo.toml --watch build.rs
