#!/usr/bin/env bash
# The deployable static site in dist/ (relative URLs: it works from any sub-path).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-pkg.sh
bash scripts/build-site.sh
echo "build: dist/ is ready ($(du -sh dist | cut -f1)); serve it from any static host"
