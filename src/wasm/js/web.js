/* @ts-self-types="../minepivot.d.ts" */
// minepivot for browsers and bundlers (the package's "browser"/"default" export).
// The WebAssembly module is fetched and instantiated once, by top-level await, from the file
// next to the glue, so `import { evaluate } from "minepivot"` needs no init call. Bundlers
// (Vite, webpack 5, Rollup) see the `new URL(..., import.meta.url)` and ship the .wasm file.
import init, {
  cashFlowCsv,
  crateVersion,
  curveFromCsv,
  decisionMap,
  defaultScenario,
  evaluate,
  fields,
  isInputError,
  presets,
  profileFromCsv,
  risk,
  riskContributions,
  riskFromParts,
  riskPart,
  sensitivity,
  upgrade,
  validate,
} from "./minepivot.js";

await init({ module_or_path: new URL("./minepivot_bg.wasm", import.meta.url) });

export { cashFlowCsv, curveFromCsv, decisionMap, defaultScenario, evaluate, fields, isInputError, presets, profileFromCsv, risk, riskContributions, riskFromParts, riskPart, sensitivity, upgrade, validate };

/** The crate version of this build, e.g. "0.1.0". */
export const version = crateVersion();
