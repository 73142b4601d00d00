// The only module that calls the minepivot package on the main thread. It turns the
// package's thrown errors into a plain list the form can mark, so nothing else needs to
// know how the boundary reports problems. Long computations (compare, the Monte Carlo
// risk panel) go to a Web Worker that loads the same package: see worker.js.

import * as core from 'minepivot';
import { errorList } from './engine-errors.js';

export { errorList };

/** `{ ok: true, report }` or `{ ok: false, errors }`; never throws. */
export function evaluate(scenario) {
  try {
    return { ok: true, report: core.evaluate(scenario) };
  } catch (thrown) {
    return { ok: false, errors: errorList(thrown) };
  }
}

export const defaultScenario = () => core.defaultScenario();

/**
 * A document of any released version (a link's differences, a saved entry, an imported file)
 * completed with that version's own defaults and migrated: `{ ok: true, scenario }` or
 * `{ ok: false, errors }`; never throws.
 */
export function upgrade(partial) {
  try {
    return { ok: true, scenario: core.upgrade(partial) };
  } catch (thrown) {
    return { ok: false, errors: errorList(thrown) };
  }
}
export const presets = () => core.presets();
export const version = () => (typeof core.version === 'function' ? core.version() : String(core.version ?? ''));

let worker = null;
let nextId = 1;
const pending = new Map();

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event) => {
    const { id, result, errors, progress } = event.data || {};
    const job = pending.get(id);
    if (!job) return;
    if (progress) {
      job.onProgress?.(progress);
      return;
    }
    pending.delete(id);
    job.resolve(errors ? { ok: false, errors } : { ok: true, result });
  });
  worker.addEventListener('error', (event) => {
    // A worker that cannot start (old browser, blocked by policy) fails every job cleanly.
    for (const job of pending.values()) {
      job.resolve({ ok: false, errors: [{ field: '', code: 'worker', message: event.message || 'the background worker failed' }] });
    }
    pending.clear();
    worker = null;
  });
}

/**
 * Stops whatever the worker is computing (a long risk run): the worker is ended, every call
 * waiting on it resolves to `{ ok: false, cancelled: true, errors: [] }`, and the next call
 * starts a fresh worker.
 */
export function cancelWorker() {
  if (!worker) return;
  worker.terminate();
  worker = null;
  for (const job of pending.values()) job.resolve({ ok: false, cancelled: true, errors: [] });
  pending.clear();
}

/**
 * Runs one package call (`'evaluate'`, `'evaluateMany'`, `'risk'`, `'riskContributions'`,
 * `'decisionMap'`) in the background worker so typing and scrolling never wait for it.
 * Resolves to `{ ok, result }` or `{ ok: false, errors }`.
 */
export function inWorker(call, ...args) {
  return inWorkerWithProgress(call, args, null);
}

/**
 * {@link inWorker} with `onProgress({ done, total })` called as the worker reports progress
 * (the risk run, batch by batch).
 */
export function inWorkerWithProgress(call, args, onProgress) {
  if (!worker) startWorker();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress });
    worker.postMessage({ id, call, args });
  });
}
