#!/usr/bin/env bash
# Coverage-guided fuzzing of the whole input path: arbitrary bytes → JSON → validate →
# evaluate (fuzz/fuzz_targets/evaluate.rs). Not part of `npm test`. Needs the nightly
# toolchain (rustup toolchain install nightly) and cargo-fuzz (installed here if missing).
#   bash scripts/fuzz.sh [SECONDS] [JOBS]      default 600 s, 2 jobs
# A crash is written to fuzz/artifacts/evaluate/; copy it to fuzz/regressions/ so that
# tests/fuzz_inputs.rs replays it in every `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
jobs="${2:-2}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/evaluate
cp -n fuzz/seeds/evaluate/* fuzz/corpus/evaluate/ 2>/dev/null || true
cd fuzz
cargo +nightly fuzz run evaluate corpus/evaluate -j "$jobs" -- \
  -max_total_time="$seconds" -max_len=8192 -timeout=5 -dict=json.dict -print_final_stats=1
