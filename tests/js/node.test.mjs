// The packed npm tarball, installed into a temporary project, used the way an embedder uses
// it: `import ... from "minepivot"` in plain Node, no init call. Run by scripts/test-js.sh from
// inside that project (so "minepivot" resolves to node_modules, not to this repository).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import test from "node:test";

import * as minepivot from "minepivot";
import { defaultScenario, evaluate, presets, risk, sensitivity, validate, version } from "minepivot";

const packageJson = JSON.parse(readFileSync(new URL(import.meta.resolve("minepivot/package.json")), "utf8"));

test("the node condition resolves to the Node entry point", () => {
  assert.match(import.meta.resolve("minepivot"), /node_modules\/minepivot\/pkg\/node\/index\.js$/);
});

test("fields() is the registry: every scenario input and risk option with its range", () => {
  const { scenario, risk } = minepivot.fields();
  const grid = scenario.find((f) => f.path === "site.gridCapacityMw");
  assert.equal(grid.label, "Grid capacity");
  assert.equal(grid.unit, "MW");
  assert.equal(grid.max, 5000);
  assert.equal(grid.min, 0.1);
  assert.equal(grid.allowed, "between 0.1 and 5,000 MW");
  assert.ok(scenario.find((f) => f.path === "mining.fleet[].units"));
  assert.deepEqual(risk.map((f) => f.path), ["paths", "seed", "btcVolatilityPct", "hashrateGrowthSdPct", "gpuRentDeclineSdPct", "histogramBins", "capexOverrunMeanPct", "capexOverrunSdPct", "occupancySdPct", "tenantDefaultPctPerYear", "gpuUtilizationSdPct", "btcJumpsPerYear", "btcJumpMeanPct", "btcJumpSdPct", "btcHashrateCorrelation", "btcGpuRentCorrelation", "hashrateGpuRentCorrelation", "feesSdPct", "renewalRentSdPct", "buildDelayMeanMonths", "powerEscalationSdPct", "equityPaths"]);
});

test("cashFlowCsv() is the CLI's CSV: assumptions, header, yearly then monthly rows", () => {
  const csv = minepivot.cashFlowCsv({ horizonYears: 10 });
  const lines = csv.split("\r\n");
  assert.match(lines[0], /^# minepivot \d/);
  assert.ok(lines.includes("# horizonYears = 10"));
  const header = lines.findIndex((l) => l.startsWith("pathway,"));
  assert.equal(lines[header], "pathway,period,index,month,revenueUsd,miningRevenueUsd,aiRevenueUsd,curtailmentCreditUsd,sellBackUsd,demandResponseUsd,powerCostUsd,energyMwh,miningHoursRun,avoidedChargesUsd,opexUsd,capexUsd,assetSalesUsd,taxUsd,netCashFlowUsd,cumulativeUsd,loanDrawUsd,loanFeeUsd,interestUsd,principalUsd,debtServiceUsd,loanBalanceUsd,dscr,equityCashFlowUsd");
  // 3 pathways × 10 years, 3 × 120 months, 3 values at the horizon, and the empty string
  // after the last CRLF.
  assert.equal(lines.length, header + 1 + 30 + 360 + 3 + 1);
  assert.ok(lines[lines.length - 2].startsWith("gpuCloud,horizonValue,120,2036-12,"));
});

test("isInputError tells minepivot's input error from any other thrown value", () => {
  let thrown;
  try {
    minepivot.evaluate({ horizonYears: 0 });
  } catch (error) {
    thrown = error;
  }
  assert.equal(minepivot.isInputError(thrown), true);
  assert.equal(thrown.errors[0].field, "horizonYears");
  assert.equal(minepivot.isInputError(new Error("other")), false);
  assert.equal(minepivot.isInputError("MinepivotInputError"), false);
  assert.equal(minepivot.isInputError(undefined), false);
});

test("a version-6 GPU system keeps its version-6 price; today's warns at another system's rent", () => {
  // Version 7 put every GPU system on one all-in basis; a version-6 GB200 keeps version 6's
  // $2.6 M ÷ 72 + $8,250 = $44,361.11 as its own price, and a B300 refresh its $70,000 and $3.00.
  const gb200 = minepivot.upgrade({ schemaVersion: 6, gpuCloud: { system: "gb200" } });
  assert.ok(Math.abs(gb200.gpuCloud.capexUsdPerGpu - 44361.111111) < 1e-5);
  const refresh = minepivot.upgrade({ schemaVersion: 6, gpuCloud: { refreshSystem: "b300" } });
  assert.equal(refresh.gpuCloud.refreshCapexUsdPerGpu, 70000);
  assert.equal(refresh.gpuCloud.refreshRentUsdPerGpuHour, 3);
  assert.equal(minepivot.defaultScenario().gpuCloud.refreshCapexUsdPerGpu, 0);
  // An H100 at the default GB300 rate, $2.91 against its $2.35: (2.91 ÷ 2.35 − 1) = 24 % above.
  const h100 = minepivot.evaluate({ gpuCloud: { system: "h100" } });
  const warned = h100.warnings.filter((w) => w.code === "gpuRentAboveSystem").map((w) => w.field);
  assert.deepEqual(warned, ["gpuCloud.contractRateUsdPerGpuHour", "gpuCloud.rentUsdPerGpuHour"]);
  assert.equal(minepivot.evaluate({}).warnings.filter((w) => w.code === "gpuRentAboveSystem").length, 0);
});

test("upgrade completes a partial document of a released version with that version's defaults", () => {
  const whole = minepivot.upgrade({ schemaVersion: 1, site: { powerPriceUsdPerMwh: 38 } });
  assert.equal(whole.site.powerPriceUsdPerMwh, 38);
  assert.equal(whole.site.gridCapacityMw, 100);
  // Upgraded to the current layout: version 1 had no project debt, so both loans are 0 %,
  // and no GPU contract.
  assert.equal(whole.schemaVersion, 7);
  // Version 1's lease is $140 a kW-month (today's default, since version 6, is $130).
  assert.equal(whole.colocation.leaseUsdPerKwMonth, 140);
  assert.equal(minepivot.defaultScenario().colocation.leaseUsdPerKwMonth, 130);
  // Version 1 grew the network hashrate at a fixed rate and kept an idle site open.
  assert.equal(whole.bitcoin.hashrateModel, "fixedGrowth");
  assert.equal(whole.mining.exit, "stay");
  assert.equal(minepivot.defaultScenario().bitcoin.hashrateModel, "economic");
  assert.equal(whole.colocation.debt.loanToCostPct, 0);
  assert.equal(whole.gpuCloud.debt.loanToCostPct, 0);
  assert.equal(whole.gpuCloud.contractSharePct, 0);
  assert.equal(minepivot.defaultScenario().colocation.debt.loanToCostPct, 80);
  assert.equal(whole.mining.fleet.length, 3);
  assert.throws(() => minepivot.upgrade({ schemaVersion: 99 }), (e) => minepivot.isInputError(e) && e.errors[0].code === "unsupportedVersion");
});

test("exports exactly the public API, without the init functions", () => {
  assert.deepEqual(Object.keys(minepivot).sort(), [
    "cashFlowCsv",
    "curveFromCsv",
    "decisionMap",
    "defaultScenario",
    "evaluate",
    "fields",
    "isInputError",
    "presets",
    "profileFromCsv",
    "risk",
    "riskContributions",
    "riskFromParts",
    "riskPart",
    "sensitivity",
    "upgrade",
    "validate",
    "version",
  ]);
});

test("profileFromCsv reads an ISO's hourly year in UTC into a scenario, and names the row of a bad one", () => {
  // A leap year of hours from 1 January 00:00 UTC, written as ERCOT's Central time with its
  // offset: every hour at $30 but the first 6 of each day at −$5 (negative prices are kept).
  const rows = ["Datetime (Local),Price (USD/MWh)"];
  const start = Date.UTC(2024, 0, 1);
  for (let h = 0; h < 8_784; h++) {
    const t = new Date(start + h * 3_600_000 - 6 * 3_600_000);
    rows.push(`${t.toISOString().slice(0, 13).replace("T", " ")}:00:00-06:00,${h % 24 < 6 ? -5 : 30}`);
  }
  const year = minepivot.profileFromCsv("flat-2024.csv", rows.join("\n"));
  assert.equal(year.year, 2024);
  assert.equal(year.hours.length, 8_784);
  assert.equal(year.negativeHours, 366 * 6);
  // Average: (6 × −5 + 18 × 30) ÷ 24 = 510 ÷ 24 = 21.25.
  assert.equal(year.averageUsdPerMwh, 21.25);
  const s = defaultScenario();
  s.power.profile = "imported";
  s.power.importedProfile = year.hours;
  const report = evaluate(s);
  assert.match(report.power.profileLabel, /^Imported year, scaled/);
  assert.throws(
    () => minepivot.profileFromCsv("bad.csv", rows.slice(0, 100).join("\n")),
    (e) => minepivot.isInputError(e) && e.errors[0].field === "power.importedProfile",
  );
});

test("an imported year is read whole when every hour is a finite number, and hour by hour otherwise, with the same errors", () => {
  // 8,760 hours at $20, $40, $60, … repeating by the hour of the day (mean $40 with a
  // spread), in three forms: an array, a copy of it, and one with a bad hour in it.
  const hours = Array.from({ length: 8_760 }, (_, h) => 20 + 20 * (h % 3));
  const s = defaultScenario();
  s.power.profile = "imported";
  s.power.importedProfile = hours;
  const a = evaluate(s);
  const b = evaluate({ ...s, power: { ...s.power, importedProfile: [...hours] } });
  assert.equal(a.pathways[0].npvUsd, b.pathways[0].npvUsd);
  // Each kind of bad hour falls back to the element-by-element reading and is named by index.
  for (const [bad, code] of [
    [Number.NaN, "notFinite"],
    [Number.POSITIVE_INFINITY, "notFinite"],
    ["30", "invalidType"],
    [undefined, "invalidType"],
  ]) {
    const list = [...hours];
    list[4_321] = bad;
    assert.throws(
      () => evaluate({ ...s, power: { ...s.power, importedProfile: list } }),
      (e) => minepivot.isInputError(e) && e.errors.some((x) => x.field === "power.importedProfile[4321]" && x.code === code),
      `an hour of ${String(bad)}`,
    );
  }
  // A hole (a sparse array) and a getter that throws are read hour by hour, too.
  const holed = [...hours];
  delete holed[17];
  assert.throws(() => evaluate({ ...s, power: { ...s.power, importedProfile: holed } }), (e) => minepivot.isInputError(e));
  const trap = [...hours];
  Object.defineProperty(trap, 99, { get: () => { throw new Error("no"); } });
  assert.throws(
    () => evaluate({ ...s, power: { ...s.power, importedProfile: trap } }),
    (e) => minepivot.isInputError(e) && e.errors.some((x) => x.field === "power.importedProfile[99]"),
  );
});

test("curveFromCsv reads a forward curve into a scenario, and names the row of a bad one", () => {
  const points = minepivot.curveFromCsv("bitcoin.hashpriceCurve", "date,usd\n2027-01-31,40\n2027-06-30,30\n");
  assert.deepEqual(points, [
    { month: "2027-01", value: 40 },
    { month: "2027-06", value: 30 },
  ]);
  const s = defaultScenario();
  s.bitcoin.hashpriceCurve = points;
  const report = evaluate(s);
  // 40 in month 0, 30 in month 5, linear between: month 3 is 40 − 10 × 3/5 = 34.
  assert.equal(report.bitcoin.months[0].hashpriceUsdPerPhDay, 40);
  assert.equal(report.bitcoin.months[3].hashpriceUsdPerPhDay, 34);
  assert.throws(
    () => minepivot.curveFromCsv("bitcoin.btcPriceCurve", "2027-01,80000\n2027-02;81000\n"),
    (e) => minepivot.isInputError(e) && e.errors[0].field === "bitcoin.btcPriceCurve" && e.errors[0].message.startsWith("row 2:"),
  );
});

test("version is the package's version", () => {
  assert.equal(version, packageJson.version);
});

test("evaluates the default scenario", () => {
  const report = evaluate(defaultScenario());
  // Default fleet: 8,000 × 270 + 10,000 × 200 + 9,000 × 104 TH/s = 5,096,000 TH/s = 5,096 PH/s.
  assert.equal(report.site.fleetPh, 5096);
  // 15 years × 12 months.
  assert.equal(report.horizonMonths, 180);
  assert.equal(report.scenarioName, "Sample 100 MW Texas site");
});

test("risk is reproducible by seed", () => {
  const a = risk(defaultScenario(), { paths: 200, seed: 3 });
  const b = risk(defaultScenario(), { paths: 200, seed: 3 });
  assert.deepEqual(a, b);
  assert.equal(a.options.paths, 200);
  assert.equal(a.pathways.length, 3);
});

test("a JSON string is accepted and gives the same report", () => {
  const text = JSON.stringify(defaultScenario());
  assert.deepEqual(evaluate(text), evaluate(JSON.parse(text)));
});

test("invalid input throws a MinepivotInputError listing every problem", () => {
  const scenario = defaultScenario();
  scenario.site.gridCapacityMw = -5;
  scenario.site.powerPriceUsdPerMwh = Number.NaN;
  scenario.bitcoin.btcPriceUsd = Number.POSITIVE_INFINITY;
  scenario.finance.discountRatePct = 150;
  scenario.sitee = {};
  assert.throws(
    () => evaluate(scenario),
    (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.name, "MinepivotInputError");
      assert.equal(error.code, "invalidInput");
      assert.match(error.message, /^minepivot: the scenario has 5 problems: /);
      const byField = Object.fromEntries(error.errors.map((e) => [e.field, e]));
      assert.deepEqual(Object.keys(byField).sort(), [
        "bitcoin.btcPriceUsd",
        "finance.discountRatePct",
        "site.gridCapacityMw",
        "site.powerPriceUsdPerMwh",
        "sitee",
      ]);
      assert.deepEqual(byField["site.powerPriceUsdPerMwh"], {
        field: "site.powerPriceUsdPerMwh",
        code: "notFinite",
        message: "is NaN; must be between 0 and 1,000 USD/MWh",
        value: "NaN",
      });
      assert.equal(byField["bitcoin.btcPriceUsd"].code, "notFinite");
      assert.equal(byField["site.gridCapacityMw"].code, "outOfRange");
      assert.equal(byField["site.gridCapacityMw"].value, -5);
      assert.equal(byField.sitee.code, "unknownField");
      return true;
    },
  );
});

test("validate returns the same problems without throwing, and [] when valid", () => {
  assert.deepEqual(validate(defaultScenario()), []);
  const problems = validate({ site: { gridCapacityMw: "100" } });
  assert.deepEqual(
    problems.map((p) => [p.field, p.code]),
    [["site.gridCapacityMw", "invalidType"]],
  );
  assert.equal(validate("{")[0].code, "invalidJson");
  assert.equal(validate(null)[0].code, "invalidJson");
});

test("presets carry sample sites that are valid scenarios", () => {
  const p = presets();
  assert.ok(p.asics.length > 0);
  assert.ok(p.sampleSites.length > 0);
  for (const site of p.sampleSites) assert.deepEqual(validate(site.scenario), [], site.id);
});

test("sensitivity takes its percentage from the options or the scenario", () => {
  assert.equal(sensitivity(defaultScenario(), { pct: 10 }).pct, 10);
  assert.equal(sensitivity(defaultScenario()).pct, 20);
  assert.throws(
    () => sensitivity(defaultScenario(), { pct: 0 }),
    (error) => error.code === "invalidInput" && error.errors[0].field === "options.pct",
  );
});

test("the README's Node example runs and prints what it says", () => {
  const example = fileURLToPath(new URL("./example-node.mjs", import.meta.url));
  const output = execFileSync(process.execPath, [example], { encoding: "utf8" });
  assert.match(output, /^minepivot \d+\.\d+\.\d+: fleet 5096 PH\/s$/m);
  assert.match(output, /^site\.gridCapacityMw \(outOfRange\): must be between 0\.1 and 5,000 MW/m);
  assert.match(output, /^horizonYears \(notFinite\): is NaN; /m);
});

test("many calls do not grow the wasm memory (no leak on the error path)", () => {
  const bad = { site: { gridCapacityMw: -5 }, horizonYears: Number.NaN, extra: 1 };
  const scenario = defaultScenario();
  for (let i = 0; i < 200; i++) {
    evaluate(scenario);
    assert.throws(() => evaluate(bad));
  }
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 2000; i++) {
    evaluate(scenario);
    assert.throws(() => evaluate(bad));
  }
  // A leak of even 1 KB per call would add 4 MB; wasm memory only grows, never shrinks.
  assert.ok(process.memoryUsage().arrayBuffers - before < 1_000_000);
});

// --- hostile JavaScript (issue 14): every throw while reading a value is an input error at
// that field, validate() never throws, and the instance stays sound.

function hostileFleet() {
  const fleet = [{}];
  Object.defineProperty(fleet, 0, { enumerable: true, get() { throw new Error("x"); } });
  return { mining: { fleet } };
}

function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

test("an element getter that throws is an input error at that element", () => {
  let thrown;
  try {
    evaluate(hostileFleet());
  } catch (error) {
    thrown = error;
  }
  assert.equal(minepivot.isInputError(thrown), true, String(thrown));
  assert.equal(thrown.errors[0].field, "mining.fleet[0]");
  assert.equal(thrown.errors[0].code, "invalidType");
});

test("a revoked Proxy, anywhere, is reported and validate() never throws", () => {
  for (const input of [revokedProxy(), { site: revokedProxy() }, { mining: { fleet: [revokedProxy()] } }]) {
    const problems = validate(input);
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].code, "invalidType");
  }
  // Proxies whose traps throw.
  const throwing = new Proxy({}, { ownKeys() { throw new Error("keys"); }, getPrototypeOf() { return Object.prototype; } });
  assert.equal(validate(throwing)[0].code, "invalidType");
  assert.equal(minepivot.isInputError(revokedProxy()), false);
  // A value JSON cannot hold in a version-1 field a migration moves is named once, there.
  const v1 = validate({ schemaVersion: 1, retrofit: { buildMonths: NaN } });
  assert.deepEqual(v1.map((e) => [e.field, e.code, e.value]), [["retrofit.buildMonths", "notFinite", "NaN"]]);
  // An array Proxy whose length is no length is no list, not an empty fleet.
  for (const length of [NaN, -1, "3", 2.5]) {
    const fleet = new Proxy([], { get: (t, k) => (k === "length" ? length : Reflect.get(t, k)) });
    const problems = validate({ mining: { fleet } });
    assert.equal(problems.length, 1, String(length));
    assert.deepEqual([problems[0].field, problems[0].code], ["mining.fleet", "invalidType"], String(length));
  }
});

test("10,000 hostile calls leave the instance sound: a valid call still gives the right report", () => {
  const expected = evaluate(defaultScenario()).pathways.map((p) => p.npvUsd);
  for (let i = 0; i < 10_000; i++) {
    assert.throws(() => evaluate(hostileFleet()), (e) => minepivot.isInputError(e));
    assert.ok(validate(revokedProxy()).length >= 1);
  }
  assert.deepEqual(evaluate(defaultScenario()).pathways.map((p) => p.npvUsd), expected);
  assert.equal(defaultScenario().site.gridCapacityMw, 100);
});

test("what is not a plain object or JSON text is refused, never read as the defaults", () => {
  class Site {}
  for (const input of [new Map([["site", {}]]), new Date(), new Set(), new Error("e"), Promise.resolve({}), new Site()]) {
    const problems = validate(input);
    assert.equal(problems.length, 1, String(input));
    assert.equal(problems[0].field, "");
    assert.equal(problems[0].code, "invalidType");
  }
  assert.equal(validate({ site: new Map() })[0].field, "site");
  assert.deepEqual(validate(Object.create(null)), []);
});

test("the whole input has a budget: 2 GB of strings in an unknown key is refused at once", () => {
  const junk = Array(2000).fill("b".repeat(999_999));
  const problems = validate({ junk });
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, "tooLarge");
  // The instance is unharmed.
  assert.equal(evaluate(defaultScenario()).pathways.length, 3);
});

test("2^53 and beyond are reported as input errors, their values carried exactly as text", () => {
  for (const input of [{ horizonYears: 2 ** 53 }, '{"horizonYears": 9007199254740992}']) {
    const problems = validate(input);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].field, "horizonYears");
    assert.equal(problems[0].code, "outOfRange");
    assert.equal(problems[0].value, "9007199254740992");
  }
  let thrown;
  try {
    minepivot.risk({}, { seed: 2 ** 53 });
  } catch (error) {
    thrown = error;
  }
  assert.equal(minepivot.isInputError(thrown), true, String(thrown));
  assert.equal(thrown.errors[0].field, "options.seed");
  assert.equal(thrown.errors[0].value, "9007199254740992");
});

test("risk options: every problem at once, a huge count is out of range (not a type error)", () => {
  let thrown;
  try {
    minepivot.risk({}, { paths: "x", seed: -1, btcVolatilityPct: "high", histogramBins: 1e12 });
  } catch (error) {
    thrown = error;
  }
  const found = thrown.errors.map((e) => [e.field, e.code]);
  assert.deepEqual(found, [
    ["options.paths", "invalidType"],
    ["options.seed", "outOfRange"],
    ["options.btcVolatilityPct", "invalidType"],
    ["options.histogramBins", "outOfRange"],
  ]);
  assert.equal(thrown.errors[3].value, 1e12);
});

test("duplicate keys in JSON text are refused; a byte-order mark is accepted", () => {
  const problems = validate('{"site": {"gridCapacityMw": 100, "gridCapacityMw": 5}}');
  assert.deepEqual(problems.map((p) => [p.field, p.code]), [["site.gridCapacityMw", "invalidJson"]]);
  assert.deepEqual(validate('\uFEFF{"horizonYears": 10}'), []);
  assert.deepEqual(validate('{"horizonYears": 15.0}'), []);
});

/** Every number of `a` within `rel` of the same place in `b`; the path of the first difference. */
function sameNumbers(a, b, rel, at = "") {
  if (typeof a === "number" && typeof b === "number") {
    if (Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1)) return null;
    return `${at}: ${a} vs ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = sameNumbers(a[i], b[i], rel, `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(b);
    if (Object.keys(a).length !== keys.length) return `${at}: keys ${Object.keys(a)} vs ${keys}`;
    for (const k of keys) {
      const d = sameNumbers(a[k], b[k], rel, `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

test("risk() with the reference options gives the CLI's answer (tests/golden/risk-seed-7.json)", () => {
  // The native CLI wrote the reference (tests/cli.rs); wasm's exp/ln/pow differ from the
  // platform's in the last bits only, so every number agrees within 1e-9 and every count
  // and text exactly.
  const options = JSON.parse(readFileSync(new URL("./risk-options.json", import.meta.url), "utf8"));
  const expected = JSON.parse(readFileSync(new URL("./risk-seed-7.json", import.meta.url), "utf8"));
  const report = risk(defaultScenario(), options);
  assert.equal(sameNumbers(report, expected, 1e-9), null);
});

test("riskPart() on worker threads and riskFromParts() give risk()'s report exactly", async () => {
  // The page shares a run among Web Workers this way; here three Node worker threads, each
  // with its own instance of the package, compute the three shares of a split at once.
  const { Worker } = await import("node:worker_threads");
  const options = { paths: 1000, seed: 11, btcJumpsPerYear: 2, equityPaths: 300 };
  const scenario = defaultScenario();
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(workerData.url).then((m) => {
      const share = m.riskPart(workerData.scenario, workerData.options, workerData.part, workerData.parts);
      parentPort.postMessage(share);
    });`;
  const url = import.meta.resolve("minepivot");
  const shares = await Promise.all([0, 1, 2].map((part) => new Promise((resolve, reject) => {
    const w = new Worker(source, { eval: true, workerData: { url, scenario, options, part, parts: 3 } });
    w.once("message", (share) => { resolve(share); w.terminate(); });
    w.once("error", reject);
  })));
  assert.ok(shares[0].npvs.mining instanceof Float64Array && shares[0].fan instanceof Float32Array);
  // 8 batches, the last of 104 paths: share 0 holds batches 0, 3, 6 (384 paths), share 1
  // batches 1, 4, 7 (128 + 128 + 104), share 2 batches 2, 5; the equity's 300 paths are
  // batch 0 (share 0), batch 1 (share 1) and 44 of batch 2 (share 2).
  assert.deepEqual(shares.map((s) => s.npvs.mining.length), [384, 360, 256]);
  assert.deepEqual(shares.map((s) => s.equity.colocation.length), [128, 128, 44]);
  const together = minepivot.riskFromParts(scenario, options, shares.reverse());
  assert.deepEqual(together, risk(scenario, options));
  // Shares that are not one split's, each once, are refused at `parts`; so is anything else
  // in their place.
  const refused = (parts) => {
    try {
      minepivot.riskFromParts(scenario, options, parts);
    } catch (e) {
      assert.ok(minepivot.isInputError(e));
      return e.errors[0].field;
    }
    return "accepted";
  };
  assert.equal(refused(shares.slice(1)), "parts");
  assert.equal(refused([shares[0], shares[0], shares[1]]), "parts");
  assert.equal(refused("shares"), "parts");
  assert.equal(refused([{ ...shares[0], npvs: { mining: [1, 2] } }, shares[1], shares[2]]), "parts[0].npvs.mining");
  assert.equal(refused([{ ...shares[0], fan: new Float32Array(1e7) }, shares[1], shares[2]]), "parts[0].fan");
  assert.equal(refused([{ ...shares[0], part: 2.5 }, shares[1], shares[2]]), "parts[0].part");
  // Another seed's shares have this run's sizes, but not its inputs.
  const otherSeed = [0, 1, 2].map((part) => minepivot.riskPart(scenario, { ...options, seed: 12 }, part, 3));
  assert.equal(refused(otherSeed), "parts");
  // What only looks like a list or a typed array is refused at its path, without running the
  // caller's getters inside the copy, and the instance stays sound.
  const trap = new Proxy([], { get() { throw new Error("trap"); } });
  assert.equal(refused(trap), "parts");
  const fake = Object.setPrototypeOf({ length: shares[0].fan.length }, Float32Array.prototype);
  assert.equal(refused([{ ...shares[0], fan: fake }, shares[1], shares[2]]), "parts[0].fan");
  const lying = new Float64Array(shares[0].npvs.mining);
  let reads = 0;
  Object.defineProperty(lying, "length", { get: () => [10, 1][reads++] ?? 384 });
  const withLying = [{ ...shares[0], npvs: { ...shares[0].npvs, mining: lying } }, shares[1], shares[2]];
  assert.deepEqual(minepivot.riskFromParts(scenario, options, withLying), together);
  assert.equal(reads, 0);
  assert.deepEqual(risk(scenario, options), together);
  assert.throws(() => minepivot.riskPart(scenario, options, 3, 3), (e) => e.errors[0].field === "part");
  assert.throws(() => minepivot.riskPart(scenario, options, 0, Number.NaN), (e) => e.errors[0].field === "parts");
});

test("decisionMap() grids two inputs: the default is 25 × 25 and too many cells are refused at options.y.steps", () => {
  const map = minepivot.decisionMap(defaultScenario());
  assert.equal(map.cells.length, 625);
  assert.equal(map.x.field, "btcPriceMultiple");
  assert.equal(map.y.field, "colocation.leaseUsdPerKwMonth");
  assert.ok(map.cells.every((c) => ["mining", "colocation", "gpuCloud"].includes(c.best) && c.marginUsd >= 0));
  assert.deepEqual(map.breakEvens.map((l) => l.pathway), ["colocation", "gpuCloud"]);
  let thrown;
  try {
    minepivot.decisionMap(defaultScenario(), { x: { steps: 60 }, y: { steps: 50 } });
  } catch (e) {
    thrown = e;
  }
  assert.ok(minepivot.isInputError(thrown));
  assert.equal(thrown.errors[0].field, "options.y.steps");
  assert.match(thrown.errors[0].message, /60 × 50 = 3,000 cells/);
});

test("riskContributions() gives every drawn factor its share of each pathway's variance", () => {
  const c = minepivot.riskContributions(defaultScenario(), { paths: 500 });
  assert.equal(c.paths, 500);
  const shares = [0, 1, 2].map((k) => c.factors.reduce((sum, f) => sum + f.shareOfVariancePct[k], 0));
  for (const s of shares) assert.ok(Math.abs(s - 100) < 1e-6 || s === 0, String(s));
  assert.ok(c.factors.some((f) => f.factor === "buildCost"));
});
