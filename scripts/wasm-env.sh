# shellcheck shell=bash
# Environment for wasm commands (trunk, cargo test --target wasm32-unknown-unknown).
#
# Source it ONLY inside a subshell around those commands, e.g.
#     ( . scripts/wasm-env.sh && trunk_release build --dist DIR )
# because the Debian route's variables break native cargo commands.
#
# The route (rustup or debian) comes from $PAYUNG_WASM_ROUTE, else from the file that
# scripts/setup.sh wrote (target/.payung-wasm-route), else rustup.

_payung_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Tools: cargo-installed trunk / wasm-bindgen, npm's wasm-opt (binaryen 132).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$_payung_root/node_modules/.bin:$PATH"
# Trunk must never try to reach GitHub or crates.io for its own version check.
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test-runner: use Debian's chromedriver, never geckodriver.
export CHROMEDRIVER=/usr/bin/chromedriver

_payung_route="${PAYUNG_WASM_ROUTE:-}"
if [ -z "$_payung_route" ] && [ -r "$_payung_root/target/.payung-wasm-route" ]; then
    _payung_route="$(cat "$_payung_root/target/.payung-wasm-route")"
fi
export PAYUNG_WASM_ROUTE="${_payung_route:-rustup}"

if [ "$PAYUNG_WASM_ROUTE" = debian ]; then
    # Debian's rustc-web 1.96 builds std for wasm32 from rust-web-src (build-std).
    export RUSTUP_TOOLCHAIN=/usr
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
fi

# Release builds for the browser: `trunk_release build --dist DIR` (or `trunk_release serve`).
# They build the standard library with the app (build-std) with `-Cpanic=immediate-abort`
# (a panic traps at once; the app sets no panic hook, so no message was ever shown) and no
# panic locations, which leaves the formatting of panic messages and every source path out
# of both wasm files (about 30 KB brotli off the main thread, 12 KB off the engine's).
# These are unstable flags, enabled on the stable compiler with RUSTC_BOOTSTRAP=1 as the
# Debian route already does for build-std. They use a target directory of their own, so
# native builds and wasm tests never rebuild because of them. Without the standard
# library's sources (rustup component rust-src), it builds as before and says so.
trunk_release() {
    local sources
    sources="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
    if [ -f "$sources" ]; then
        export RUSTC_BOOTSTRAP=1
        export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
        export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
        export CARGO_TARGET_DIR="${PAYUNG_RELEASE_TARGET_DIR:-$_payung_root/target/wasm-release}"
    else
        echo "[wasm-env] no standard library sources at $sources: a larger release build" >&2
    fi
    # With wasm-split-cli (scripts/setup.sh installs it), the panels below the first screen
    # are cut out of the app's main wasm into a chunk fetched after it (`payung_split`:
    # ui::components::lazy, scripts/bin/wasm-bindgen, scripts/split-build.mjs).
    if command -v wasm-split-cli > /dev/null; then
        export PAYUNG_SPLIT_WASM=1
        export PATH="$_payung_root/scripts/bin:$PATH"
        export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} --cfg payung_split"
    else
        echo "[wasm-env] no wasm-split-cli: the app's panels stay in its main wasm" >&2
    fi
    local command="$1"
    shift
    trunk "$command" --release "$@"
}
unset _payung_route
