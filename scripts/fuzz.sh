#!/usr/bin/env bash
# Coverage-guided fuzzing of the whole input path. Two targets:
#   evaluate  arbitrary bytes → JSON → validate → evaluate (fuzz/fuzz_targets/evaluate.rs)
#   options   bytes → JSON → a scenario, the risk options and the tornado's percentage
# Not part of `npm test`. Needs the nightly toolchain (rustup toolchain install nightly) and
# cargo-fuzz (installed here if missing). Inputs up to 1 MB, the largest document accepted.
#   bash scripts/fuzz.sh [SECONDS] [JOBS] [TARGET]      default 600 s, 2 jobs, evaluate
# JOBS worker processes (libFuzzer's fork mode) share the corpus in fuzz/corpus/evaluate/ (kept
# between runs, not in git); the last line says how many inputs ran in all and what was found.
# Runs on 30 Nov 2026, after issue 14's fixes, inputs up to 1 MB: `bash scripts/fuzz.sh 1200 2
# evaluate`, 16,083,271 inputs in 1,211 s; `bash scripts/fuzz.sh 300 2 options`, 10,520,508 in
# 314 s; 0 crashes, timeouts or out-of-memory in either (earlier runs: README).
# A crash is written to fuzz/artifacts/evaluate/; copy it to fuzz/regressions/ so that
# tests/fuzz_inputs.rs replays it in every `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
jobs="${2:-2}"
target="${3:-evaluate}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p "fuzz/corpus/$target"
cp -n "fuzz/seeds/$target"/* "fuzz/corpus/$target/" 2>/dev/null || true
cd fuzz
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo +nightly fuzz run "$target" "corpus/$target" -j "$jobs" -- \
  -max_total_time="$seconds" -max_len=1048576 -timeout=5 -dict=json.dict -print_final_stats=1 2>&1 | tee "$log"
# Fork mode prints "#<inputs run so far>: ... oom/timeout/crash: a/b/c time: <s>s ...".
last=$(grep -E '^#[0-9]+: ' "$log" | tail -n 1)
if [[ -n "$last" ]]; then
  echo "fuzz: $(sed -E 's/^#([0-9]+):.*oom\/timeout\/crash: ([0-9\/]+) time: ([0-9]+)s.*/\1 inputs in \3 s; oom\/timeout\/crash \2/' <<<"$last")"
elif done_line=$(grep -E '^Done [0-9]+ runs in' "$log" | tail -n 1); then
  # One job runs in-process (no fork mode): libFuzzer stops at the first crash, so a "Done"
  # line means none was found.
  echo "fuzz: ${done_line#Done }; no crash, timeout or out-of-memory"
fi
