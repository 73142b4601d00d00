// Fuzzing of the JavaScript boundary: random and hostile JavaScript values (fast-check's
// `anything` — Maps, Sets, Dates, BigInts, boxed values, sparse arrays, null prototypes — plus
// scenario-shaped objects whose fields hold NaN, ±Infinity, −0, huge and tiny numbers, text,
// getters that throw, Proxies whose traps throw and revoked Proxies) through every export of
// the built package, in Node. What must hold for every value:
//   - validate() never throws and returns a list;
//   - evaluate(), sensitivity(), risk(), riskPart(), riskFromParts(), upgrade() and profileFromCsv() either answer or throw the package's
//     MinepivotInputError (isInputError), never anything else;
//   - every number in an answer is finite;
//   - after all of it, the default scenario still gives the same report (the instance is sound).
//
//   node scripts/fuzz-js.mjs [--runs N] [--seed S] [--pkg DIR]
// `npm test` runs a short smoke of it (scripts/test-js.sh); long runs are recorded in the README.
import fc from "fast-check";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const runs = Number(option("--runs", "2000"));
const seed = Number(option("--seed", "42"));
const pkg = resolve(option("--pkg", join(root, "pkg")));
const mp = await import(pathToFileURL(join(pkg, "node", "index.js")).href);

const registry = mp.fields().scenario.filter((f) => !f.path.includes("[]") && f.kind !== "list");
const expected = JSON.stringify(mp.evaluate(mp.defaultScenario()).pathways.map((p) => p.npvUsd));
const shareScenario = mp.defaultScenario();

/** A value that throws when anything looks at it. */
function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
function throwingGetter() {
  const o = {};
  Object.defineProperty(o, "site", { enumerable: true, get() { throw new Error("boom"); } });
  return o;
}
function throwingTraps() {
  return new Proxy({}, { ownKeys() { throw new Error("keys"); }, get() { throw new Error("get"); } });
}

// fast-check inspects the values it generates, so the hostile ones (a revoked Proxy breaks
// any look at it) are generated as recipes and made only inside the property.
const HOSTILE = { revoked, throwingTraps, throwingGetter };
const recipe = (name) => fc.constant({ hostile: name });
const build = (value) => (value && typeof value === "object" && typeof value.hostile === "string" && HOSTILE[value.hostile] ? HOSTILE[value.hostile]() : value);

const hostileLeaf = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 5e-324, 1e308, 2 ** 53, 2 ** 53 + 2, -1),
  fc.integer(),
  fc.bigInt(),
  fc.string(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  recipe("revoked"),
  recipe("throwingTraps"),
  fc.anything({ maxDepth: 2, withBigInt: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true }),
);

/** An object shaped like a scenario: some registry paths set to (recipes of) hostile values. */
const scenarioish = fc.array(fc.tuple(fc.constantFrom(...registry.map((f) => f.path)), hostileLeaf), { maxLength: 8 });

function buildScenario(entries) {
  const doc = {};
  for (const [path, value] of entries) {
    const parts = path.split(".");
    let node = doc;
    for (const part of parts.slice(0, -1)) {
      if (!node[part] || typeof node[part] !== "object") node[part] = {};
      node = node[part];
    }
    node[parts.at(-1)] = build(value);
  }
  return doc;
}

const input = fc.oneof(
  scenarioish.map((entries) => ({ entries })),
  fc.anything({ maxDepth: 4, withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }).map((value) => ({ value })),
  recipe("throwingGetter").map((value) => ({ value })),
  recipe("revoked").map((value) => ({ value })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ value: JSON.stringify(v) })),
);

function finite(value, path = "") {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`non-finite number at ${path}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => finite(v, `${path}[${i}]`));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) finite(v, `${path}.${k}`);
}

/** Calls `f`; an answer is checked for finite numbers, a throw must be an input error. */
function answers(what, f) {
  let answer;
  try {
    answer = f();
  } catch (error) {
    if (!mp.isInputError(error)) throw new Error(`${what} threw something else: ${error?.name}: ${error?.message}`);
    return;
  }
  finite(answer, what);
}

/** A value as text for the CSV readers: itself if a string, else its JSON ("" if it has none). */
function textOf(value) {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

let calls = 0;
const started = performance.now();
fc.assert(
  fc.property(input, hostileLeaf, fc.double({ min: -10, max: 200, noNaN: false }), (made, optionRecipe, pct) => {
    const value = made.entries ? buildScenario(made.entries) : build(made.value);
    const option = build(optionRecipe);
    const problems = mp.validate(value);
    if (!Array.isArray(problems)) throw new Error("validate() did not return a list");
    answers("evaluate", () => mp.evaluate(value));
    answers("upgrade", () => mp.upgrade(value));
    answers("sensitivity", () => mp.sensitivity(value, { pct }));
    answers("risk", () => mp.risk(value, { paths: 100, seed: 1, btcVolatilityPct: option }));
    // A share of a run for any scenario and any share number; any value as the shares.
    answers("riskPart", () => mp.riskPart(value, { paths: 300, seed: 1 }, pct, 2));
    answers("riskFromParts", () => mp.riskFromParts(shareScenario, { paths: 300, seed: 1 }, value));
    answers("riskFromParts", () => mp.riskFromParts(shareScenario, { paths: 300, seed: 1 }, [value, option]));
    // Any text as an hourly CSV: a year, or an input error naming its row.
    answers("profileFromCsv", () => mp.profileFromCsv("fuzz.csv", textOf(value)));
    calls += 9;
  }),
  { numRuns: runs, seed },
);
const after = JSON.stringify(mp.evaluate(mp.defaultScenario()).pathways.map((p) => p.npvUsd));
if (after !== expected) throw new Error("the default scenario's report changed after the fuzzing: the instance is not sound");
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz-js: ${runs} values, ${calls} calls in ${seconds.toFixed(1)} s (seed ${seed}): every answer finite, every throw an input error, the instance sound`);
