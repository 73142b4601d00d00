// Background computations with the same package the page uses: a message
// `{ id, call, args }` is answered with `{ id, result }` or `{ id, errors }`.
// The compare view evaluates two scenarios here; the risk panel runs its Monte Carlo here.
//
// The package initialises its wasm with top-level await. A static import would hold this
// module's body (and so the message listener) until that finished, and messages posted in
// the meantime would be lost; the listener is therefore attached first and the package
// imported dynamically.

import { errorList } from './engine-errors.js';
import { shareBuffers } from './share-buffers.js';

const core = import('minepivot');

// The progress reporter of the call being answered (calls run one at a time, synchronously).
let reportProgress = () => {};

/** `(done, total)` → `report({ done, total })` at most every 2 % of the total. */
function throttled(report) {
  let shown = -1;
  return (done, total) => {
    const step = Math.floor((done / total) * 50);
    if (step !== shown) {
      shown = step;
      report({ done, total });
    }
  };
}

const CALLS = {
  evaluate: (m, scenario) => m.evaluate(scenario),
  evaluateMany: (m, scenarios) => scenarios.map((s) => {
    try {
      return { ok: true, report: m.evaluate(s) };
    } catch (thrown) {
      return { ok: false, errors: errorList(thrown) };
    }
  }),
  // The risk panel's Monte Carlo (~0.1–0.3 s for 10,000 paths): its progress, batch by batch,
  // goes to the page as `{ id, progress: { done, total } }`, at most every 2 % of the paths.
  risk: (m, scenario, options) => m.risk(scenario, options, throttled(reportProgress)),
  // One share of a risk run shared among workers (engine.js riskShared), and the run put back
  // together from the shares; progress as for risk.
  riskPart: (m, scenario, options, part, parts) => m.riskPart(scenario, options, part, parts, throttled(reportProgress)),
  riskFromParts: (m, scenario, options, parts) => m.riskFromParts(scenario, options, parts),
  // Each drawn factor alone (a few times the risk run's work), then the decision map.
  riskContributions: (m, scenario, options) => m.riskContributions(scenario, options),
  decisionMap: (m, scenario, options) => m.decisionMap(scenario, options),
};

self.addEventListener('message', async (event) => {
  const { id, call, args } = event.data || {};
  const fn = Object.hasOwn(CALLS, call) ? CALLS[call] : null;
  if (!fn) {
    self.postMessage({ id, errors: [{ field: '', code: 'unknownCall', message: `no such call: ${String(call)}` }] });
    return;
  }
  try {
    const m = await core;
    const list = Array.isArray(args) ? args : [];
    reportProgress = (progress) => self.postMessage({ id, progress });
    const result = fn(m, ...list);
    // A share's typed arrays move to the page instead of being copied.
    self.postMessage({ id, result }, call === 'riskPart' ? shareBuffers(result) : []);
  } catch (thrown) {
    self.postMessage({ id, errors: errorList(thrown) });
  }
});
