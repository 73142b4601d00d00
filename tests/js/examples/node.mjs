import { defaultScenario, evaluate, isInputError, version } from "minepivot";

// Start from the sample site and change what differs at yours.
const scenario = defaultScenario();
scenario.site.powerPriceUsdPerMwh = 38;
scenario.retrofit.convertedSharePct = 50; // convert half the site, keep mining the rest

const report = evaluate(scenario);
console.log(`minepivot ${version}: fleet ${report.site.fleetPh} PH/s`);
for (const pathway of report.pathways) {
  const irr = pathway.irrPct === null ? "n/a" : `${pathway.irrPct.toFixed(1)} %`;
  console.log(`${pathway.label}: NPV ${(pathway.npvUsd / 1e6).toFixed(1)} M USD, IRR ${irr}`);
}

// Invalid input throws one error that lists every problem, with the field path.
try {
  evaluate({ site: { gridCapacityMw: -5 }, horizonYears: Number.NaN });
} catch (error) {
  if (!isInputError(error)) throw error;
  for (const problem of error.errors) {
    console.log(`${problem.field} (${problem.code}): ${problem.message}`);
  }
}
