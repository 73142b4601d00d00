#!/usr/bin/env bash
# The static calculator: www/ → dist/ with Vite (relative URLs, so dist/ works from any
# sub-path and any static host). Needs the web build of the package in pkg/web; builds it
# when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f pkg/web/index.js ]]; then
  echo "build-site: pkg/web/index.js missing; building the package first"
  bash scripts/build-pkg.sh
fi
if [[ ! -x node_modules/.bin/vite ]]; then
  echo "build-site: node_modules missing; run npm ci (or npm run setup)" >&2
  exit 1
fi

node_modules/.bin/vite build --logLevel warn
js=$(cat dist/assets/*.js | gzip -9 | wc -c)
wasm=$(cat dist/assets/*.wasm | gzip -9 | wc -c)
echo "build-site: dist/ built; JavaScript $((js / 1024)) KB gzipped, wasm $((wasm / 1024)) KB gzipped"
