#!/usr/bin/env bash
# Builds the npm package's files into pkg/ (release profile):
#   pkg/web/minepivot.js         wasm-bindgen glue (--target web)
#   pkg/web/minepivot_bg.wasm    the module, shrunk by wasm-opt from the npm `binaryen` package
#   pkg/web/index.js             browsers and bundlers: instantiates by top-level await
#   pkg/node/index.js            Node ≥ 20: reads the same .wasm from disk, instantiates at import
#   pkg/minepivot.d.ts           the TypeScript declarations, generated from the Rust types
# One .wasm serves both entry points, so the tarball carries it once.
#
# Never Debian's binaryen: it silently miscompiles current wasm-bindgen output (it fails at load with
# "WebAssembly.Table.set(): Argument 1 is invalid"); Cargo.toml turns wasm-pack's own wasm-opt off for the same reason.
#
# Env: CARGO_TARGET_DIR (default ./target), WASM_OPT_LEVEL (default -Oz), PROFILE=dev for a
# quick unoptimised build (no wasm-opt) while iterating.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
# wasm-release: the release profile (opt-level 3; Cargo.toml says why it has its own name).
profile="${PROFILE:-wasm-release}"
opt_level="${WASM_OPT_LEVEL:--Oz}"
wasm_opt="$PWD/node_modules/.bin/wasm-opt"

# wasm-bindgen's CLI must be exactly the library's version, or the glue does not match.
lib_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
cli_version=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ -z "$cli_version" ]]; then
  echo "build-pkg: wasm-bindgen not found; install it: cargo install wasm-bindgen-cli --version $lib_version" >&2
  exit 1
fi
if [[ "$cli_version" != "$lib_version" ]]; then
  echo "build-pkg: wasm-bindgen CLI $cli_version but Cargo.lock has $lib_version;" \
    "cargo install wasm-bindgen-cli --version $lib_version --force" >&2
  exit 1
fi
if [[ "$profile" != dev && ! -x "$wasm_opt" ]]; then
  echo "build-pkg: $wasm_opt missing; run npm ci (binaryen is a devDependency)" >&2
  exit 1
fi

crate_version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
pkg_version=$(node -p 'require("./package.json").version')
if [[ "$crate_version" != "$pkg_version" ]]; then
  echo "build-pkg: Cargo.toml version $crate_version differs from package.json version $pkg_version" >&2
  exit 1
fi

cargo_profile_flag=(--profile "$profile")
cargo build --lib --target wasm32-unknown-unknown --features typescript "${cargo_profile_flag[@]}"
profile_dir=$profile
[[ "$profile" == dev ]] && profile_dir=debug
wasm_in="$target_dir/wasm32-unknown-unknown/$profile_dir/minepivot.wasm"

report_size() {
  local raw gz
  raw=$(stat -c %s pkg/web/minepivot_bg.wasm)
  gz=$(gzip -9 -c pkg/web/minepivot_bg.wasm | wc -c)
  echo "build-pkg: pkg/ built ($profile); minepivot_bg.wasm $raw bytes raw, $gz bytes gzipped"
  # scripts/test.sh shows NOTE lines in its summary.
  echo "NOTE wasm $((raw / 1024)) KB raw, $((gz / 1024)) KB gzipped ($raw / $gz bytes)"
}

# wasm-opt takes most of a rebuild (~25 s): skip everything below when its inputs are the
# same as last time (`npm test` builds the package, then `npm pack` asks again in prepack).
stamp=$( (sha256sum "$wasm_in" scripts/build-pkg.sh src/wasm/js/*.js package.json; echo "$profile $opt_level") | sha256sum)
outputs=(pkg/web/minepivot.js pkg/web/minepivot_bg.wasm pkg/web/index.js pkg/node/index.js pkg/minepivot.d.ts)
if [[ -f pkg/.stamp && "$(cat pkg/.stamp)" == "$stamp" ]] && ls "${outputs[@]}" >/dev/null 2>&1; then
  echo "build-pkg: pkg/ is up to date"
  report_size
  exit 0
fi

rm -rf pkg/web pkg/node pkg/minepivot.d.ts pkg/.stamp
mkdir -p pkg/web pkg/node
wasm-bindgen --target web --out-dir pkg/web --out-name minepivot "$wasm_in"
rm -f pkg/web/minepivot_bg.wasm.d.ts

raw_before=$(stat -c %s pkg/web/minepivot_bg.wasm)
if [[ "$profile" != dev ]]; then
  # The features rustc's wasm32 target emits by default and wasm-bindgen's externref glue
  # uses; wasm-opt must be told, or it rejects (or undoes) them.
  "$wasm_opt" "$opt_level" \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    pkg/web/minepivot_bg.wasm -o pkg/web/minepivot_bg.opt.wasm
  mv pkg/web/minepivot_bg.opt.wasm pkg/web/minepivot_bg.wasm
fi

cp src/wasm/js/web.js pkg/web/index.js
cp src/wasm/js/node.js pkg/node/index.js

# The public declarations: wasm-bindgen's, without the init API the entry points hide, plus
# the `version` constant they add. Declarations are sorted by name so that the golden copy
# (tests/golden/minepivot.d.ts) changes only when the API does, not when the linker reorders.
node --input-type=module - pkg/web/minepivot.d.ts pkg/minepivot.d.ts <<'EOF'
import { readFileSync, writeFileSync } from "node:fs";
const [input, output] = process.argv.slice(2);
const text = readFileSync(input, "utf8");
const cut = text.indexOf("export type InitInput");
if (cut < 0) throw new Error(`build-pkg: no "export type InitInput" in ${input}; has wasm-bindgen's output changed?`);
const body = text.slice(0, cut).replace(/^\/\* tslint:disable \*\/\n\/\* eslint-disable \*\/\n/, "");
// Split into top-level declarations, each with the JSDoc block above it.
const blocks = [];
let current = [];
let depth = 0;
for (const line of body.split("\n")) {
  if (depth === 0 && line.trim() === "" ) {
    if (current.length) blocks.push(current.join("\n"));
    current = [];
    continue;
  }
  current.push(line);
  if (!/^\s*(\/\*\*|\*)/.test(line)) {
    depth += (line.match(/{/g) || []).length - (line.match(/}/g) || []).length;
  }
}
if (current.length) blocks.push(current.join("\n"));
const nameOf = (block) => {
  const m = block.match(/^export (?:interface|type|function|const) (\w+)/m);
  if (!m) throw new Error(`build-pkg: cannot name the declaration:\n${block}`);
  return m[1];
};
const kindOf = (block) => (/^export function /m.test(block) ? 1 : 0);
blocks.sort((a, b) => kindOf(a) - kindOf(b) || nameOf(a).localeCompare(nameOf(b), "en"));
const version = `/**
 * The crate version of this build, e.g. "0.1.0".
 */
export const version: string;`;
const header = `/* minepivot — TypeScript declarations generated from the Rust types (tsify + wasm-bindgen)
 * by scripts/build-pkg.sh. Do not edit; tests/golden/minepivot.d.ts is the reviewed copy. */`;
writeFileSync(output, [header, ...blocks, version].join("\n\n") + "\n");
EOF

echo "$stamp" >pkg/.stamp
echo "build-pkg: wasm-opt $opt_level: $raw_before → $(stat -c %s pkg/web/minepivot_bg.wasm) bytes"
report_size
