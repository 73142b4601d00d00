// Background computations with the same package the page uses: a message
// `{ id, call, args }` is answered with `{ id, result }` or `{ id, errors }`.
// The compare view evaluates two scenarios here; the risk panel (Monte Carlo) adds `risk`.

import * as core from 'minepivot';
import { errorList } from './engine-errors.js';

const CALLS = {
  evaluate: (scenario) => core.evaluate(scenario),
  evaluateMany: (scenarios) => scenarios.map((s) => {
    try {
      return { ok: true, report: core.evaluate(s) };
    } catch (thrown) {
      return { ok: false, errors: errorList(thrown) };
    }
  }),
};
// The risk panel (Monte Carlo, issue 8) adds its call here: `risk: (scenario, options) => core.risk(scenario, options)`.

self.addEventListener('message', (event) => {
  const { id, call, args } = event.data || {};
  const fn = Object.hasOwn(CALLS, call) ? CALLS[call] : null;
  if (!fn) {
    self.postMessage({ id, errors: [{ field: '', code: 'unknownCall', message: `no such call: ${String(call)}` }] });
    return;
  }
  try {
    self.postMessage({ id, result: fn(...(Array.isArray(args) ? args : [])) });
  } catch (thrown) {
    self.postMessage({ id, errors: errorList(thrown) });
  }
});
