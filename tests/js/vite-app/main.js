import { defaultScenario, evaluate, isInputError, version } from "minepivot";

const report = evaluate(defaultScenario());
document.querySelector("#fleet").textContent = `${report.site.fleetPh} PH/s`;
document.querySelector("#version").textContent = version;

try {
  evaluate({ site: { gridCapacityMw: -5 }, horizonYears: Number.NaN });
} catch (error) {
  if (!isInputError(error)) throw error;
  for (const problem of error.errors) {
    const item = document.createElement("li");
    item.dataset.field = problem.field;
    item.textContent = `${problem.field}: ${problem.message}`; // text, never innerHTML
    document.querySelector("#problems").append(item);
  }
}
