#!/usr/bin/env bash
# Browser tests of the built page (tests/e2e, Playwright in Debian's Chromium) against dist/
# served on 127.0.0.1 under a sub-path. Rebuilds dist/ when www/ or pkg/web is newer.
# Screenshots and the printed PDF go to artifacts/. Ends with exactly one line
# `RESULT page <passed> <failed>`; a skipped test counts as failed. Extra arguments go to
# `playwright test` (e.g. a file or `-g name`).
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f dist/index.html ]] || [[ -n "$(find www pkg/web vite.config.js -newer dist/index.html -type f 2>/dev/null | head -n 1)" ]]; then
  bash scripts/build-site.sh || { echo "RESULT page 0 1"; exit 1; }
fi
if [[ ! -x /usr/bin/chromium && -z "${CHROMIUM_PATH:-}" ]]; then
  echo "test-page: Chromium not found at /usr/bin/chromium (apt-get install chromium) or \$CHROMIUM_PATH" >&2
  echo "RESULT page 0 1"
  exit 1
fi

mkdir -p artifacts
json=artifacts/playwright-results.json
rm -f "$json"
# A free port, so a second run or another server never collides.
PAGE_PORT=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
export PAGE_PORT

PLAYWRIGHT_JSON_OUTPUT_NAME="$json" node_modules/.bin/playwright test --reporter=list,json "$@" 2>&1 | tee artifacts/playwright.log
status=${PIPESTATUS[0]}

counts=$(node -e '
  const fs = require("node:fs");
  try {
    const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).stats;
    console.log(`${s.expected} ${s.unexpected + s.flaky + s.skipped}`);
  } catch { console.log("0 1"); }
' "$json")
read -r passed failed <<<"$counts"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
first=$(grep -o 'FIRST_NUMBERS_MS .*' artifacts/playwright.log | tail -n 1 | cut -d' ' -f2-)
[[ -n "$first" ]] && echo "NOTE page: first numbers on screen after ${first%% *} ms (best warm load on localhost; ${first#* })"
echo "NOTE page: screenshots in artifacts/ (desktop.png, mobile.png, desktop-dark.png, print.png, report.pdf)"
echo "RESULT page $passed $failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
