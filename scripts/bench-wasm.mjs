// The wasm benchmark: the built npm package (pkg/node, from `bash scripts/build-pkg.sh`) in
// Node, timed the way an embedder calls it: JS object in, JS object out, conversion included.
//
//   node scripts/bench-wasm.mjs [--runs N] [--paths N] [--pkg DIR]
//
// For each call: a warm-up of at least 2 s (V8 tiers the wasm up from its baseline compiler
// and the JS glue is optimised), then N timed runs; the median is reported, with the fastest
// and slowest. Also the package's .wasm
// size, raw and gzipped (level 9, as a server would send it). Not part of `npm test`:
// timings depend on the machine, and a loaded machine would fail a timing test for no fault.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const runs = Number(option("--runs", "21"));
const paths = Number(option("--paths", "10000"));
const pkg = resolve(option("--pkg", join(root, "pkg")));

const entry = join(pkg, "node", "index.js");
if (!existsSync(entry)) {
  console.error(`bench-wasm: ${entry} is missing; build the package first: bash scripts/build-pkg.sh`);
  process.exit(1);
}
const minepivot = await import(pathToFileURL(entry).href);

/**
 * Runs `fn` untimed at least `warmup` times and for at least 2 s (V8 first runs wasm in its
 * baseline compiler and tiers hot functions up to the optimising one in the background),
 * then `runs` times; returns the times in ms, sorted.
 */
function time(fn, warmup) {
  const until = performance.now() + 2000;
  for (let i = 0; i < warmup || performance.now() < until; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The page's way of using every core (www/src/engine.js riskShared): a pool of worker threads,
 * one per core (at most 4), each with its own instance of the package, computes one share of
 * the run (`riskPart`, typed arrays moved back), and `riskFromParts` puts them together. Timed
 * as `time` does, from posting the shares to the report.
 */
async function sharedRisk(scenario, options) {
  const { Worker } = await import("node:worker_threads");
  const { availableParallelism } = await import("node:os");
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(workerData.entry).then((m) => parentPort.on("message", ({ scenario, options, part, parts }) => {
      const share = m.riskPart(scenario, options, part, parts);
      const arrays = [share.fan, share.hashprice, ...Object.values(share.npvs), ...Object.values(share.equity)];
      parentPort.postMessage(share, arrays.map((a) => a.buffer));
    }));`;
  const pool = Array.from({ length: workers }, () => new Worker(source, { eval: true, workerData: { entry: pathToFileURL(entry).href } }));
  const once = () => Promise.all(pool.map((w, part) => new Promise((resolve) => {
    w.once("message", resolve);
    w.postMessage({ scenario, options, part, parts: workers });
  }))).then((shares) => minepivot.riskFromParts(scenario, options, shares));
  const whole = minepivot.risk(scenario, options);
  if (JSON.stringify(await once()) !== JSON.stringify(whole)) throw new Error("bench-wasm: the shared run differs from risk()");
  const until = performance.now() + 2000;
  for (let i = 0; i < 3 || performance.now() < until; i++) await once();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  await Promise.all(pool.map((w) => w.terminate()));
  return { workers, times: times.sort((a, b) => a - b) };
}

const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
const line = (name, sorted, target) => {
  const m = median(sorted);
  const verdict = target === undefined ? "" : m <= target ? `  (target ≤ ${target} ms: met)` : `  (target ≤ ${target} ms: MISSED)`;
  console.log(
    `${name.padEnd(28)} median ${m.toFixed(2).padStart(8)} ms   min ${sorted[0].toFixed(2)}   max ${sorted[sorted.length - 1].toFixed(2)}   (${sorted.length} runs)${verdict}`,
  );
};

const shipped = minepivot.defaultScenario();
// The targets are stated for the default scenario over 10 years; the shipped default runs 15.
const scenarios = [
  ["10y", { ...shipped, horizonYears: 10 }],
  ["default 15y", shipped],
];
console.log(`minepivot ${minepivot.version ?? ""} wasm in Node ${process.version}; ${runs} timed runs after warm-up`);

// Warm everything up once before any timing: V8 compiles the wasm lazily in its baseline
// tier and optimises hot functions in the background, so the first call measured would
// otherwise pay for the rest's warm-up.
{
  const until = performance.now() + 3000;
  while (performance.now() < until) for (const [, scenario] of scenarios) minepivot.evaluate(scenario);
  if (typeof minepivot.risk === "function") for (const [, scenario] of scenarios) minepivot.risk(scenario, { paths, seed: 1 });
}

for (const [name, scenario] of scenarios) {
  const report = minepivot.evaluate(scenario);
  if (report?.pathways?.length !== 3) throw new Error("bench-wasm: evaluate returned no report");
  line(`evaluate ${name}`, time(() => minepivot.evaluate(scenario), 10), name === "10y" ? 5 : undefined);
}
// The deal settings that make every re-run of the analysis schedule both loans (a version-1
// package has no such fields and refuses them: skipped there).
if (shipped.schemaVersion >= 2) {
  const phases = [
    { sharePct: 40, constructionStartMonth: 0, buildMonths: 12, rampMonths: 6 },
    { sharePct: 30, constructionStartMonth: 6, buildMonths: 12, rampMonths: 6 },
    { sharePct: 30, constructionStartMonth: 12, buildMonths: 12, rampMonths: 6 },
  ];
  const deal = {
    ...shipped,
    retrofit: { ...shipped.retrofit, phases },
    finance: { ...shipped.finance, verdictBasis: "equity", includeTerminalValue: true, taxEnabled: true },
  };
  line("evaluate 3 phases, debt 15y", time(() => minepivot.evaluate(deal), 10), 5);
}

// A 180-point BTC price curve (one a month over the 15 years) under the economic network model
// (version 4's default): every re-run of the analysis projects the network again.
if (shipped.schemaVersion >= 4) {
  const start = Number(shipped.startMonth.slice(0, 4)) * 12 + Number(shipped.startMonth.slice(5, 7)) - 1;
  const btcPriceCurve = Array.from({ length: 180 }, (_, m) => ({
    month: `${Math.floor((start + m) / 12)}-${String(((start + m) % 12) + 1).padStart(2, "0")}`,
    value: 78000 * (1 + 0.3 * Math.sin(m / 9)) * 1.012 ** m,
  }));
  const curved = { ...shipped, bitcoin: { ...shipped.bitcoin, btcPriceCurve } };
  line("evaluate 180-point curve 15y", time(() => minepivot.evaluate(curved), 10), 5);
}

// Version 5's hourly pricing: an imported 8,760-hour year (issue 18's target: ≤ 5 ms), and the
// flat pricing of versions 1–4 beside it.
let imported = null;
let flat = null;
if (shipped.schemaVersion >= 5) {
  const hours = Array.from({ length: 8760 }, (_, h) => 20 + 30 * Math.max(0, Math.sin(((h % 24) / 24) * 2 * Math.PI)) + (h % 97));
  imported = { ...shipped, power: { ...shipped.power, profile: "imported", importedProfile: hours } };
  flat = { ...shipped, power: { ...shipped.power, pricing: "flat", transmissionUsdPerKwMonth: 0, demandResponseUsdPerMwMonth: 0 } };
  line("evaluate imported 8760 h 15y", time(() => minepivot.evaluate(imported), 10), 5);
  line("evaluate flat power 15y", time(() => minepivot.evaluate(flat), 10));
}

if (typeof minepivot.risk === "function") {
  const options = { paths, seed: 42 };
  if (imported) {
    line(`risk ${paths.toLocaleString("en")} paths imported 8760 h`, time(() => minepivot.risk(imported, options), 3), paths === 10000 ? 100 : undefined);
    line(`risk ${paths.toLocaleString("en")} paths flat power`, time(() => minepivot.risk(flat, options), 3));
  }
  for (const [name, scenario] of scenarios) {
    const answer = minepivot.risk(scenario, options);
    if (answer?.pathways?.length !== 3) throw new Error("bench-wasm: risk returned no report");
    const target = paths === 10000 ? 100 : undefined;
    line(`risk ${paths.toLocaleString("en")} paths ${name}`, time(() => minepivot.risk(scenario, options), 3), target);
  }
  const every = { paths, seed: 42, btcJumpsPerYear: 1, equityPaths: 0 };
  line(`risk ${paths.toLocaleString("en")} paths every factor, no equity`, time(() => minepivot.risk(shipped, every), 3), paths === 10000 ? 100 : undefined);
  if (typeof minepivot.riskPart === "function") {
    const shared = await sharedRisk(shipped, every);
    line(`risk ${paths.toLocaleString("en")} every factor, ${shared.workers} workers`, shared.times, paths === 10000 ? 100 : undefined);
  }
  if (typeof minepivot.riskContributions === "function") {
    line("risk contributions (default)", time(() => minepivot.riskContributions(shipped, { paths, seed: 42 }), 3));
  }
  if (typeof minepivot.decisionMap === "function") {
    const map = minepivot.decisionMap(shipped);
    if (map?.cells?.length !== 625) throw new Error("bench-wasm: decisionMap returned no map");
    line("decision map 25 × 25 (default)", time(() => minepivot.decisionMap(shipped), 3), 1000);
  }
} else {
  console.log("risk                         not exported by this build of the package: skipped");
}

const wasmFile = join(pkg, "web", "minepivot_bg.wasm");
if (existsSync(wasmFile)) {
  const bytes = readFileSync(wasmFile);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const kb = (n) => (n / 1024).toFixed(1);
  const verdict = gzipped <= 100 * 1024 ? "met" : "MISSED";
  console.log(`wasm size                    ${kb(bytes.length)} KB raw, ${kb(gzipped)} KB gzipped (target ≤ 100 KB gzipped: ${verdict})`);
}
