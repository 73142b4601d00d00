#!/usr/bin/env bash
# Installs what building and testing minepivot needs, from crates.io, npm, Debian and rustup
# only. Idempotent and quiet when everything is present. `--test` adds the browser for tests.
#   Prerequisites: Debian-like Linux, Rust via rustup, Node >= 20, root or sudo for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--test" ] && want_browser=1
WASM_PACK_VERSION=0.15.1

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null || die "rustup not found: minepivot needs Rust installed by rustup (for the wasm32 target)"
command -v node >/dev/null || die "node not found: install Node.js 20 or newer"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node $node_major found; minepivot needs Node 20 or newer"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock. No --locked: a
# locked dependency is missing from the registry mirror on these machines.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$bindgen_version" ] || die "cannot find wasm-bindgen in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version" --force
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes, once)"
  cargo install --quiet --locked wasm-pack --version "$WASM_PACK_VERSION" --force
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver for the browser tests"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Debian's binaryen miscompiles current wasm-bindgen output; we only use npm's wasm-opt.
if command -v wasm-opt >/dev/null && [ "$(command -v wasm-opt)" = /usr/bin/wasm-opt ]; then
  say "note: /usr/bin/wasm-opt (Debian binaryen) is on PATH; minepivot never calls it"
fi
exit 0
