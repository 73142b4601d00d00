/* @ts-self-types="../minepivot.d.ts" */
// minepivot for Node ≥ 20 (the package's "node" export). Node has no fetch of file: URLs,
// so the WebAssembly bytes are read from disk and instantiated synchronously at import:
// `import { evaluate } from "minepivot"` needs no init call.
import { readFileSync } from "node:fs";
import {
  cashFlowCsv,
  crateVersion,
  curveFromCsv,
  decisionMap,
  defaultScenario,
  evaluate,
  fields,
  isInputError,
  initSync,
  presets,
  profileFromCsv,
  risk,
  riskContributions,
  riskFromParts,
  riskPart,
  sensitivity,
  upgrade,
  validate,
} from "../web/minepivot.js";

initSync({ module: readFileSync(new URL("../web/minepivot_bg.wasm", import.meta.url)) });

export { cashFlowCsv, curveFromCsv, decisionMap, defaultScenario, evaluate, fields, isInputError, presets, profileFromCsv, risk, riskContributions, riskFromParts, riskPart, sensitivity, upgrade, validate };

/** The crate version of this build, e.g. "0.1.0". */
export const version = crateVersion();
