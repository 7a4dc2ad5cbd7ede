#!/usr/bin/env bash
# README command #2: every check and test, in order; any failure exits non-zero.
#   setup -> rustfmt -> clippy (native, wasm) -> native cargo test -> wasm component tests
#   in headless Chromium -> trunk release build -> bundle budget -> end-to-end suite
#   (@playwright/test, axe-core included) on dist/ -> Lighthouse on dist/ served compressed.
# Prints the time of each stage at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# One build of each kind per run: incremental state would only fill the disk (1.6 GB).
# A developer who reruns the suite often may keep it: CARGO_INCREMENTAL=1.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
ARTIFACTS="$ROOT/target/e2e-artifacts"
# The web binary that index.html asks trunk to build (data-bin="...").
WEB_BIN="$(sed -n 's/.*data-bin="\([^"]*\)".*/\1/p' index.html | head -n 1)"

log() { printf '[test] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- stage bookkeeping
TIMINGS=()
CURRENT_STAGE=""
STAGE_T0=$SECONDS
START=$SECONDS
SERVER_PID=""

on_exit() {
    local rc=$?
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    if [ "$rc" -ne 0 ] && [ -n "$CURRENT_STAGE" ]; then
        TIMINGS+=("$(printf '%-14s FAILED after %4d s' "$CURRENT_STAGE" $((SECONDS - STAGE_T0)))")
    fi
    log "---- timings"
    local t
    for t in "${TIMINGS[@]}"; do log "  $t"; done
    log "  $(printf '%-14s %4d s' total $((SECONDS - START)))"
    if [ "$rc" -ne 0 ]; then log "FAILED (exit $rc)"; else log "all stages passed"; fi
}
trap on_exit EXIT

# stage NAME COMMAND...: runs one stage (errexit stays on inside it) and records its time.
stage() {
    CURRENT_STAGE="$1"
    shift
    STAGE_T0=$SECONDS
    log "==== $CURRENT_STAGE"
    "$@"
    TIMINGS+=("$(printf '%-14s %4d s' "$CURRENT_STAGE" $((SECONDS - STAGE_T0)))")
    CURRENT_STAGE=""
}
skip() { TIMINGS+=("$(printf '%-14s skipped: %s' "$1" "$2")"); log "==== $1 skipped: $2"; }

# ---------------------------------------------------------------- stages
# Wasm commands run in a subshell with scripts/wasm-env.sh, never leaking into native ones.
in_wasm_env() { (
    # shellcheck source=scripts/wasm-env.sh
    . scripts/wasm-env.sh
    "$@"
); }

native_tests() {
    cargo test --all-targets # lib, bins, tests/, benches (run once each, in test mode)
    cargo test --doc
}

# Wasm component tests: the lib's own #[wasm_bindgen_test]s and tests/web*.rs.
# The other files in tests/ are native integration tests and are not built for wasm.
WASM_TEST_ARGS=()
if grep -rqs --include='*.rs' 'wasm_bindgen_test' src; then WASM_TEST_ARGS+=(--lib); fi
for f in tests/web*.rs tests/web*/main.rs; do
    [ -f "$f" ] || continue
    name="${f#tests/}"
    name="${name%/main.rs}"
    WASM_TEST_ARGS+=(--test "${name%.rs}")
done

wasm_clippy() { in_wasm_env cargo clippy --target wasm32-unknown-unknown --lib --bin "$WEB_BIN" --bin payung-worker --bin payung-embed -- -D warnings; }
wasm_tests() { in_wasm_env cargo test --target wasm32-unknown-unknown "${WASM_TEST_ARGS[@]}"; }

trunk_build() {
    in_wasm_env trunk_release build --dist dist
    local f
    for f in dist/*.wasm dist/*.js; do
        if [ -f "$f" ]; then log "  $(printf '%9d bytes  %s' "$(stat -c %s "$f")" "$f")"; fi
    done
}

# Serves dist/ on a free 127.0.0.1 port and runs the Playwright suite (e2e/) against it.
e2e() {
    [ -f dist/index.html ] || { log "dist/index.html missing"; return 1; }
    mkdir -p "$ARTIFACTS"
    local port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    python3 -m http.server "$port" --bind 127.0.0.1 -d dist >"$ARTIFACTS/http-server.log" 2>&1 &
    SERVER_PID=$!
    # Wait (at most 10 s) until the server accepts connections.
    local i
    for i in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { log "http.server died"; cat "$ARTIFACTS/http-server.log" >&2; return 1; }
        [ "$i" -lt 100 ] || { log "http.server did not start on port $port"; return 1; }
        sleep 0.1
    done
    PAYUNG_BASE_URL="http://127.0.0.1:$port/" PAYUNG_ARTIFACTS="$ARTIFACTS" PAYUNG_DIST=dist \
        node_modules/.bin/playwright test
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# ---------------------------------------------------------------- run
stage setup bash scripts/setup.sh
stage rustfmt cargo fmt --all -- --check
stage clippy cargo clippy --all-targets -- -D warnings
if in_wasm_env cargo clippy --version >/dev/null 2>&1; then
    stage clippy-wasm wasm_clippy
else
    skip clippy-wasm "no clippy in the $(cat target/.payung-wasm-route) toolchain"
fi
stage native-tests native_tests
if [ "${#WASM_TEST_ARGS[@]}" -gt 0 ]; then
    stage wasm-tests wasm_tests
else
    skip wasm-tests "no wasm_bindgen_test in src/ and no tests/web*.rs"
fi
stage trunk-build trunk_build
stage bundle-budget node e2e/bundle-size.mjs dist
stage e2e e2e
# Accessibility >= 0.95 and best practices 1.0 on every run; mobile performance on the
# median of five runs against regression floors, 0.8 for the first screen and 0.75 for the
# English embed (the aim is 0.9; see e2e/lighthouse.mjs). Every run's scores are printed.
stage lighthouse node e2e/lighthouse.mjs dist
