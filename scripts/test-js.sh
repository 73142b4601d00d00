#!/usr/bin/env bash
# The npm package as an embedder gets it: `npm pack` (whose prepack builds pkg/), the tarball
# installed into a temporary project, then
#   - tests/js/node.test.mjs in plain Node (`import ... from "minepivot"`, no init call),
#     including the README's Node example (tests/js/examples/node.mjs);
#   - a tiny Vite app (tests/js/vite-app) built with Vite and a plain <script type="module">
#     page (tests/js/plain-page), both opened in Debian's Chromium by tests/js/browser.test.mjs.
# Also: the generated declarations against tests/golden/minepivot.d.ts (UPDATE_GOLDEN=1
# rewrites the golden copy: an API change is a decision), the tarball's file list, and that
# docs/npm.md quotes the tested examples verbatim.
# Ends with one line `RESULT js <passed> <failed>`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $*"; }
not_ok() { failed=$((failed + 1)); echo "FAIL $*"; }
finish() {
  echo "RESULT js $passed $failed"
  [[ $failed -eq 0 && $passed -gt 0 ]]
  exit $?
}

# node --test with the TAP reporter ends with "# pass N" and "# fail N".
node_tests() {
  local name=$1; shift
  local log="$work/$name.log"
  "$@" >"$log" 2>&1
  local code=$?
  local p f
  p=$(awk '/^# pass / { print $3 }' "$log" | tail -n 1)
  f=$(awk '/^# fail / { print $3 }' "$log" | tail -n 1)
  [[ "$p" =~ ^[0-9]+$ ]] || p=0
  [[ "$f" =~ ^[0-9]+$ ]] || f=0
  if [[ $code -ne 0 || $f -ne 0 || $p -eq 0 ]]; then
    [[ $f -eq 0 ]] && f=1
    grep -vE '^\s+at ' "$log" | tail -n 80
    echo "FAIL $name: $p passed, $f failed (exit $code)"
  else
    echo "ok   $name: $p passed"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

# 1. Pack: prepack runs scripts/build-pkg.sh, exactly as `npm pack` / `npm publish` from a
#    clean clone would.
if ! npm pack --pack-destination "$work" --json >"$work/pack.json" 2>"$work/pack.log"; then
  tail -n 60 "$work/pack.log"
  not_ok "npm pack (prepack: scripts/build-pkg.sh)"
  finish
fi
grep -E "^build-pkg" "$work/pack.log" || true
tarball="$work/$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].filename' "$work/pack.json")"
ok "npm pack: $(basename "$tarball"), $(stat -c %s "$tarball") bytes"

# 2. The tarball holds the package and nothing else (no sources, tests, target/, .wasm twice).
files=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].files.map(f => f.path).sort().join(" ")' "$work/pack.json")
expected="package.json pkg/minepivot.d.ts pkg/node/index.js pkg/web/index.js pkg/web/minepivot.js pkg/web/minepivot_bg.wasm"
for optional in LICENSE README.md; do
  [[ -f $optional ]] && expected="$expected $optional"
done
# wasm-bindgen's snippets: the JS the core imports itself (src/wasm/input.rs reads a list of
# numbers in one call), one file per inline_js block, under a directory named by a hash.
while IFS= read -r snippet; do
  expected="$expected $snippet"
done < <(cd "$repo" && find pkg/web/snippets -name '*.js' 2>/dev/null | sort)
expected=$(tr ' ' '\n' <<<"$expected" | sort | tr '\n' ' ' | sed 's/ $//')
if [[ "$files" == "$expected" ]]; then
  ok "tarball contents: $files"
else
  not_ok "tarball contents: got [$files], want [$expected]"
fi

# 3. The generated declarations are the reviewed ones.
if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
  cp pkg/minepivot.d.ts tests/golden/minepivot.d.ts
  ok "golden declarations rewritten (UPDATE_GOLDEN=1): review git diff tests/golden/minepivot.d.ts"
elif diff -u tests/golden/minepivot.d.ts pkg/minepivot.d.ts >"$work/golden.diff"; then
  ok "pkg/minepivot.d.ts matches tests/golden/minepivot.d.ts"
else
  head -n 80 "$work/golden.diff"
  not_ok "the TypeScript API changed (diff above); if intended: UPDATE_GOLDEN=1 bash scripts/test-js.sh"
fi
# None of an output becomes `undefined`: a report type with an Option field needs
# tsify(missing_as_null), or its d.ts promises undefined where JS gets null.
if grep -n '| undefined' pkg/minepivot.d.ts; then
  not_ok "declarations say '| undefined' (above): add tsify(missing_as_null) to that type's derive line"
else
  ok "declarations: no field is typed '| undefined' (None is null)"
fi

# 4. A temporary project that installs the tarball like any dependency.
consumer="$work/consumer"
mkdir -p "$consumer/plain"
cat >"$consumer/package.json" <<'EOF'
{ "name": "minepivot-consumer", "private": true, "type": "module" }
EOF
if (cd "$consumer" && npm install --no-audit --no-fund --loglevel=error "$tarball") >"$work/install.log" 2>&1; then
  ok "npm install of the tarball into a fresh project"
else
  tail -n 40 "$work/install.log"
  not_ok "npm install of the tarball"
  finish
fi
cp tests/js/node.test.mjs "$consumer/node.test.mjs"
cp tests/golden/risk-options.json tests/golden/risk-seed-7.json "$consumer/"
cp tests/js/examples/node.mjs "$consumer/example-node.mjs"
cp tests/js/examples/typed.ts "$consumer/typed.ts"
cp tests/js/vite-app/index.html tests/js/vite-app/main.js "$consumer/"
cp tests/js/plain-page/index.html "$consumer/plain/index.html"

# 5. Node.
node_tests "node (packed tarball)" bash -c "cd '$consumer' && node --test --test-reporter=tap node.test.mjs"

# 6. Vite: the repository's Vite, run on the temporary project, which resolves "minepivot"
#    from its own node_modules like any app would.
# A short run of the JavaScript-boundary fuzzer (scripts/fuzz-js.mjs, fast-check): hostile
# values through every export; the long runs are in the README.
if node scripts/fuzz-js.mjs --runs 500 >"$work/fuzz-js.log" 2>&1; then
  ok "$(tail -n 1 "$work/fuzz-js.log")"
else
  tail -n 40 "$work/fuzz-js.log"
  not_ok "fuzz-js: a hostile value broke the boundary (above)"
fi

# The README's examples as TypeScript under `strict`, against the installed tarball: the Node
# example (JavaScript, checked with checkJs) and the TypeScript one.
if (cd "$consumer" && node "$repo/node_modules/typescript/bin/tsc" --noEmit --strict --allowJs --checkJs \
  --module nodenext --moduleResolution nodenext --target es2022 --lib es2022,dom \
  example-node.mjs typed.ts) >"$work/tsc.log" 2>&1; then
  ok "tsc --strict: the README's examples type-check against the packed package"
else
  tail -n 40 "$work/tsc.log"
  not_ok "tsc --strict on the README's examples"
fi

if (cd "$consumer" && node "$repo/node_modules/vite/bin/vite.js" build --base ./ --outDir dist --logLevel warn) \
  >"$work/vite.log" 2>&1; then
  ok "vite build of an app importing minepivot ($(find "$consumer/dist" -name '*.wasm' | wc -l) .wasm asset)"
else
  tail -n 40 "$work/vite.log"
  not_ok "vite build"
fi

# 7. Chromium: the Vite build and the plain page.
node_tests "chromium (vite app, plain page)" \
  env CONSUMER_DIR="$consumer" node --test --test-reporter=tap tests/js/browser.test.mjs

# 8. The usage text shows exactly the code the tests ran.
for example in tests/js/examples/node.mjs tests/js/examples/typed.ts tests/js/vite-app/main.js; do
  if node -e 'const fs = require("fs"); process.exit(fs.readFileSync("docs/npm.md", "utf8").includes(fs.readFileSync(process.argv[1], "utf8").trim()) ? 0 : 1)' "$example"; then
    ok "docs/npm.md quotes $example verbatim"
  else
    not_ok "docs/npm.md does not quote $example verbatim (update the doc)"
  fi
done

raw=$(stat -c %s pkg/web/minepivot_bg.wasm)
gz=$(gzip -9 -c pkg/web/minepivot_bg.wasm | wc -c)
echo "NOTE wasm $((raw / 1024)) KB raw, $((gz / 1024)) KB gzipped ($raw / $gz bytes)"
finish
