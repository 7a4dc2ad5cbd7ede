#!/usr/bin/env bash
# Builds the release app and times its engine thread in headless Chromium (e2e/bench-engine.mjs):
# one run, 1,000 Monte Carlo draws, a flat goal-seek, a plan and the national plan, at normal
# speed and with 4× CPU throttling. A benchmark, not a test. PAYUNG_DIST=DIR skips the build
# and measures DIR instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PAYUNG_DIST:-}" ]; then
    bash scripts/setup.sh
    ( . scripts/wasm-env.sh && trunk_release build --dist target/bench-dist )
    export PAYUNG_DIST=target/bench-dist
fi
node e2e/bench-engine.mjs
