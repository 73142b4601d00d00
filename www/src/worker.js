// Background computations with the same package the page uses: a message
// `{ id, call, args }` is answered with `{ id, result }` or `{ id, errors }`.
// The compare view evaluates two scenarios here; the risk panel runs its Monte Carlo here.
//
// The package initialises its wasm with top-level await. A static import would hold this
// module's body (and so the message listener) until that finished, and messages posted in
// the meantime would be lost; the listener is therefore attached first and the package
// imported dynamically.

import { errorList } from './engine-errors.js';

const core = import('minepivot');

const CALLS = {
  evaluate: (m, scenario) => m.evaluate(scenario),
  evaluateMany: (m, scenarios) => scenarios.map((s) => {
    try {
      return { ok: true, report: m.evaluate(s) };
    } catch (thrown) {
      return { ok: false, errors: errorList(thrown) };
    }
  }),
  // The risk panel's Monte Carlo: ~0.1 s for 10,000 paths, ~1 s for 100,000.
  risk: (m, scenario, options) => m.risk(scenario, options),
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
    self.postMessage({ id, result: fn(m, ...(Array.isArray(args) ? args : [])) });
  } catch (thrown) {
    self.postMessage({ id, errors: errorList(thrown) });
  }
});
