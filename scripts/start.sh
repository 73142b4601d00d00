#!/usr/bin/env bash
# Set up, build, then serve the calculator at http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
port="${PORT:-8080}"
echo "start: minepivot at http://127.0.0.1:$port/ (Ctrl-C stops it)"
exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$port" --strictPort
