#!/usr/bin/env bash
# Benchmarks (not part of `npm test`; figures and targets in BENCHMARKS.md):
#   1. native, criterion: evaluate (full report), the bare pathway NPVs, risk with 10,000 paths
#      (`cargo bench --bench evaluate`; HTML-free, results under $CARGO_TARGET_DIR/criterion);
#   2. wasm in Node: evaluate and risk(10,000 paths) through the built npm package, median of
#      N runs after a warm-up, and the .wasm size gzipped (scripts/bench-wasm.mjs);
#   3. the page: time to the first numbers on screen, best of three warm loads of the built
#      site on localhost in Chromium (the one Playwright test that measures it).
#
#   bash scripts/bench.sh            all three
#   bash scripts/bench.sh native     criterion only
#   bash scripts/bench.sh wasm       the Node benchmark only (after building pkg/); extra
#                                    arguments go to bench-wasm.mjs (--runs N, --paths N)
#   bash scripts/bench.sh page       the page's first numbers only
#
# Run on an idle machine: on 2 cores, a parallel build doubles the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
what="${1:-all}"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "$what" == all || "$what" == native ]]; then
  echo "== native (criterion)"
  cargo bench --locked --bench evaluate
fi

if [[ "$what" == all || "$what" == wasm ]]; then
  echo "== wasm (Node $(node --version))"
  # Release build + wasm-opt; skipped by build-pkg.sh itself when pkg/ is up to date.
  bash scripts/build-pkg.sh
  node scripts/bench-wasm.mjs "${@:2}"
fi

if [[ "$what" == all || "$what" == page ]]; then
  echo "== page (Chromium, localhost)"
  bash scripts/build-pkg.sh >/dev/null
  bash scripts/test-page.sh -g "first numbers" | grep -E '^NOTE page: first|^RESULT'
fi
