#!/usr/bin/env bash
# Builds the release app and measures it in headless Chromium: sizes, first render, and
# input-to-repaint (p50/p95 over 100 slider moves, normal and 4× CPU throttling).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
( . scripts/wasm-env.sh && trunk_release build --dist target/bench-dist )
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 -d target/bench-dist >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
python3 - "$port" <<'PY'
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close(); break
    except OSError: time.sleep(0.05)
PY
PAYUNG_BASE_URL="http://127.0.0.1:$port/" PAYUNG_DIST=target/bench-dist node e2e/bench.mjs
