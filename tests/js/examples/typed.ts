import { defaultScenario, evaluate, isInputError } from "minepivot";
import type { CompleteScenario, Report } from "minepivot";

// defaultScenario() is a CompleteScenario: every field is there to edit, no `?.` needed.
const scenario: CompleteScenario = defaultScenario();
scenario.site.powerPriceUsdPerMwh = 38;
scenario.mining.fleet[0].units = 6_000;

const report: Report = evaluate(scenario);
const lease = report.pathways.find((pathway) => pathway.id === "colocation");
console.log(`colocation IRR: ${lease?.irrPct ?? "n/a"} %`);

try {
  evaluate({ horizonYears: 0 });
} catch (error) {
  if (!isInputError(error)) throw error;
  console.log(error.errors.map((problem) => `${problem.field}: ${problem.message}`).join("\n"));
}
