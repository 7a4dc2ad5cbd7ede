#!/usr/bin/env bash
# README command #1: build the web app and serve it at http://127.0.0.1:8080 .
# Rebuilds on every source change; reload the page by hand (no live-reload: see Trunk.toml).
# Extra arguments go to `trunk serve` (e.g. --port 8081). PAYUNG_SERVE_DEV=1 serves a
# debug build (faster to build, much larger wasm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

# target/serve-dist keeps `trunk serve` away from dist/, which scripts/test.sh builds.
# shellcheck source=scripts/wasm-env.sh
. scripts/wasm-env.sh
echo "[serve] http://127.0.0.1:8080 (Ctrl-C stops)" >&2
if [ "${PAYUNG_SERVE_DEV:-0}" = 1 ]; then
    exec trunk serve --dist target/serve-dist "$@"
fi
trunk_release serve --dist target/serve-dist "$@"
