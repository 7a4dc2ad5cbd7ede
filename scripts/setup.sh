#!/usr/bin/env bash
# Installs whatever building and testing Payung needs and is missing:
#   - the wasm32 std (rustup target, or Debian's rustc-web with build-std as a fallback),
#   - rustfmt and clippy,
#   - wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock,
#   - trunk 0.21.14,
#   - wasm-split-cli (wasm_split_cli_support 0.2.4), which cuts the app's panels below the
#     first screen into a chunk of their own in release builds (scripts/wasm-env.sh),
#   - npm packages (binaryen's wasm-opt, @playwright/test, lighthouse, @axe-core/playwright)
#     from package-lock.json,
#   - Chromium and chromedriver (Debian packages).
# Idempotent: a second run only checks versions and returns in a second or two.
#
# PAYUNG_WASM_ROUTE=rustup|debian forces the wasm route; the chosen route is written to
# target/.payung-wasm-route, which scripts/wasm-env.sh reads.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

# apt-get install; runs apt-get update only when the install fails without it.
apt_install() {
    log "apt-get install $*"
    if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; then
        log "apt-get install failed; running apt-get update and retrying"
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2
    fi
}

# True when every named Debian package is installed.
dpkg_installed() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
    done
}

# ---------------------------------------------------------------- base tools
command -v cargo >/dev/null || die "cargo not found (install Rust with rustup first)"
missing_apt=()
command -v python3 >/dev/null || missing_apt+=(python3)
command -v npm >/dev/null || missing_apt+=(nodejs npm)
if [ "${#missing_apt[@]}" -gt 0 ]; then apt_install "${missing_apt[@]}"; fi

# rustfmt and clippy (test.sh runs both).
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    log "adding rustup components rustfmt, clippy"
    rustup component add rustfmt clippy >&2
fi

# ---------------------------------------------------------------- wasm32 std
has_wasm_std() {
    local dir
    dir="$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null)" || return 1
    compgen -G "$dir/libstd-*.rlib" >/dev/null
}

route="${PAYUNG_WASM_ROUTE:-}"
case "$route" in
    rustup | debian | "") ;;
    *) die "PAYUNG_WASM_ROUTE must be rustup or debian, not '$route'" ;;
esac

if [ "$route" != debian ] && ! has_wasm_std; then
    log "adding rustup target wasm32-unknown-unknown (120 s limit)"
    if command -v rustup >/dev/null && timeout 120 rustup target add wasm32-unknown-unknown >&2 && has_wasm_std; then
        :
    elif [ "$route" = rustup ]; then
        die "PAYUNG_WASM_ROUTE=rustup but 'rustup target add wasm32-unknown-unknown' failed"
    else
        log "rustup cannot provide the wasm32 std; falling back to Debian's rustc-web"
        route=debian
    fi
fi
[ -n "$route" ] || route=rustup

# True when /usr/bin/rustc is at least Cargo.toml's rust-version.
debian_rustc_new_enough() {
    local need have
    need="$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)"
    have="$(/usr/bin/rustc --version 2>/dev/null | awk '{ print $2 }')" || return 1
    [ -n "$have" ] || return 1
    [ -z "$need" ] || [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n 1)" = "$need" ]
}

if [ "$route" = debian ]; then
    debian_pkgs=(rustc-web cargo-web rust-web-src lld-19)
    dpkg_installed "${debian_pkgs[@]}" || apt_install "${debian_pkgs[@]}"
    if ! debian_rustc_new_enough; then
        # Stale package lists can offer an older rustc-web: refresh them and upgrade.
        log "Debian rustc ($(/usr/bin/rustc --version 2>/dev/null || echo none)) older than rust-version; apt-get update"
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${debian_pkgs[@]}" >&2
        debian_rustc_new_enough || die "Debian's rustc-web is older than Cargo.toml's rust-version"
    fi
fi
# The standard library's sources, for the smaller release builds (trunk_release in
# scripts/wasm-env.sh); Debian's rust-web-src already has them. Without them those builds
# are larger but still work.
if [ "$route" = rustup ] && [ ! -f "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock" ]; then
    log "adding rustup component rust-src (120 s limit)"
    timeout 120 rustup component add rust-src >&2 || log "rust-src unavailable: release builds will be larger"
fi
mkdir -p target
if [ "$(cat target/.payung-wasm-route 2>/dev/null || true)" != "$route" ]; then
    echo "$route" >target/.payung-wasm-route
fi
log "wasm route: $route"

# ---------------------------------------------------------------- wasm-bindgen-cli
[ -f Cargo.lock ] || { log "no Cargo.lock; generating it"; cargo generate-lockfile >&2; }
wb_version="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_version" ] || die "no wasm-bindgen package in Cargo.lock"

tool_version() { # prints the version a tool reports ("wasm-bindgen 0.2.130" -> 0.2.130), or nothing
    "$@" --version 2>/dev/null | awk '{ print $2; exit }' || true
}
# The installs below do not depend on each other: they run side by side, each logging to
# target/setup-logs/NAME.log (printed if it fails). On a new 2-core machine trunk's build
# (about 9 min) dominates; wasm-bindgen-cli (about 3 min), npm ci and Chromium's packages
# finish while it compiles.
mkdir -p target/setup-logs
jobs_pid=()
jobs_name=()
# Runs "$@" in the background as job NAME ($1), timing it.
in_background() {
    local name="$1"
    shift
    log "$name: started (log: target/setup-logs/$name.log)"
    (
        t0=$SECONDS
        "$@" >"target/setup-logs/$name.log" 2>&1
        echo "[setup] $name: done in $((SECONDS - t0)) s" >&2
    ) &
    jobs_pid+=("$!")
    jobs_name+=("$name")
}

if [ "$(tool_version wasm-bindgen)" = "$wb_version" ] &&
    [ "$(tool_version wasm-bindgen-test-runner)" = "$wb_version" ]; then
    log "wasm-bindgen-cli $wb_version present"
else
    # No --locked: the registry mirror lacks a pinned transitive crate (webpki-roots 1.0.11).
    in_background wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

if [ "$(tool_version trunk)" = "$TRUNK_VERSION" ]; then
    log "trunk $TRUNK_VERSION present"
else
    # --locked is required here (without it, lightningcss fails to build).
    in_background trunk cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "wasm-split-cli $WASM_SPLIT_VERSION present"
else
    in_background wasm-split-cli cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
        --features build-binary --locked --force
fi

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.payung-lock-hash 2>/dev/null || true)" = "$lock_hash" ] &&
    [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] &&
    [ -d node_modules/@playwright/test ] && [ -d node_modules/lighthouse ] &&
    [ -d node_modules/@axe-core/playwright ]; then
    log "npm packages up to date"
else
    npm_ci() { npm ci --no-audit --no-fund && echo "$lock_hash" >node_modules/.payung-lock-hash; }
    in_background npm npm_ci
fi

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "chromium and chromedriver present"
else
    in_background chromium apt_install chromium chromium-driver
fi

failed=()
for i in "${!jobs_pid[@]}"; do
    if ! wait "${jobs_pid[$i]}"; then
        failed+=("${jobs_name[$i]}")
        log "${jobs_name[$i]} FAILED; the end of target/setup-logs/${jobs_name[$i]}.log:"
        tail -n 40 "target/setup-logs/${jobs_name[$i]}.log" >&2 || true
    fi
done
[ "${#failed[@]}" -eq 0 ] || die "failed: ${failed[*]}"

log "done"
