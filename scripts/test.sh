#!/usr/bin/env bash
# `npm test`: set up, then every layer, stopping at the first red one. Each layer counts its
# tests; a layer that ran none is a failure (wasm-pack skips a suite configured for the other
# environment and still exits 0). Ends with one line: `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

passed=0
failed=0
log_dir=$(mktemp -d)
started=$(date +%s)

finish() {
  echo
  echo "test: layers took $(( $(date +%s) - started )) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

# run LAYER COMMAND...: runs the command, shows its tail on failure, and reads its counts from
# a `RESULT <layer> <passed> <failed>` line, or counts 1 for a check without tests.
run() {
  local layer=$1; shift
  local log="$log_dir/$layer.log"
  local t0; t0=$(date +%s)
  printf '== %-14s ' "$layer"
  "$@" >"$log" 2>&1
  local status=$?
  local p f
  if grep -q '^RESULT ' "$log"; then
    p=$(awk '/^RESULT / { s += $3 } END { print s + 0 }' "$log")
    f=$(awk '/^RESULT / { s += $4 } END { print s + 0 }' "$log")
  elif [ "$layer" = cargo-test ]; then
    p=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s + 0 }' "$log")
    f=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^failed/) s += $i } END { print s + 0 }' "$log")
  else
    p=1; f=0
    [ $status -ne 0 ] && p=0 && f=1
  fi
  if [ $status -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  printf '%4s passed %3s failed  (%ss)\n' "$p" "$f" "$(( $(date +%s) - t0 ))"
  if [ $status -ne 0 ] || [ "$f" -ne 0 ] || [ "$p" -eq 0 ]; then
    [ "$p" -eq 0 ] && [ $status -eq 0 ] && { echo "   $layer ran no test: that is a failure"; failed=$((failed + 1)); }
    echo "---- last lines of $layer ----"
    tail -n 60 "$log"
    finish
  fi
  # Lines a layer wants the reader to see (sizes, timings), e.g. `NOTE wasm gzipped 80 KB`.
  grep '^NOTE ' "$log" | sed 's/^NOTE /   /' || true
}

echo "test: setting up (quiet when everything is installed)"
bash scripts/setup.sh --test || { echo "setup failed"; failed=$((failed + 1)); finish; }

run fmt cargo fmt --all -- --check
run clippy-native cargo clippy --all-targets --features cli --locked -- -D warnings
run clippy-wasm cargo clippy --target wasm32-unknown-unknown --all-targets --features typescript --locked -- -D warnings
run cargo-test cargo test --features cli --locked
run build-pkg bash scripts/build-pkg.sh
run test-wasm bash scripts/test-wasm.sh
run test-js bash scripts/test-js.sh
run build-site bash scripts/build-site.sh
run test-page bash scripts/test-page.sh
finish
