#!/usr/bin/env bash
# The wasm boundary's tests (tests/common/web_cases.rs) in Node (tests/web.rs) and in headless
# Chromium (tests/web_browser.rs), run by wasm-pack as a user would run them:
#   wasm-pack test --node -- --features typescript --test web
#   wasm-pack test --headless --chrome -- --features typescript --test web_browser
# (`--mode no-install`: the wasm-bindgen CLI on PATH, never a download; Debian's chromedriver.)
#
# wasm-bindgen-test skips a suite configured for the other environment and exits 0, so each
# run's "test result:" line is read: an environment that ran 0 tests is a failure, not a pass.
# Ends with one line `RESULT wasm <passed> <failed>`; exits non-zero on any failure.
#
# Env: CARGO_TARGET_DIR (default ./target), CHROMEDRIVER (default /usr/bin/chromedriver),
# CHROMIUM (default /usr/bin/chromium; tests/webdriver.json names it).
set -uo pipefail
cd "$(dirname "$0")/.."

export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Chromium can take a while to start on a loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

total_passed=0
total_failed=0
status=0

if ! cargo test --target wasm32-unknown-unknown --features typescript --test web --test web_browser --no-run; then
  echo "test-wasm: the wasm tests do not compile"
  echo "RESULT wasm 0 1"
  exit 1
fi

run() {
  local environment=$1 target=$2
  local log="$log_dir/$target.log"
  local where=(--node)
  [[ $environment == chromium ]] && where=(--headless --chrome --chromedriver "$CHROMEDRIVER")
  wasm-pack test "${where[@]}" --mode no-install -- --features typescript --test "$target" >"$log" 2>&1
  local code=$?
  # "test result: ok. 15 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.53s"
  local line passed failed
  line=$(grep -E '^test result: ' "$log" | tail -n 1)
  passed=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  [[ "$passed" =~ ^[0-9]+$ ]] || passed=0
  [[ "$failed" =~ ^[0-9]+$ ]] || failed=0
  if [[ $code -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
    status=1
    # A run that crashed or was skipped reports no failures of its own: count it as one.
    [[ $failed -eq 0 ]] && failed=1
    grep -vE '^\s+at |^\s+[0-9]+: ' "$log" | tail -n 60
    echo "test-wasm: $environment FAILED ($passed passed, $failed failed, exit $code)"
  else
    echo "test-wasm: $environment ok ($passed passed)"
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

run node web
run chromium web_browser

echo "RESULT wasm $total_passed $total_failed"
exit $status
