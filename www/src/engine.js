// The only module that calls the minepivot package on the main thread. It turns the
// package's thrown errors into a plain list the form can mark, so nothing else needs to
// know how the boundary reports problems. Long computations (compare, the Monte Carlo
// risk panel) go to a Web Worker that loads the same package: see worker.js.

import * as core from 'minepivot';
import { errorList } from './engine-errors.js';
import { shareBuffers } from './share-buffers.js';

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

// Background workers, each with its own instance of the package: the first answers every
// call; the others join it to share a risk run (wasm has no threads, so a page uses several
// cores by running several instances).
const workers = [];
let nextId = 1;

/** The most workers a risk run is shared among (and never more than the cores). */
export const MAX_WORKERS = 4;

function startWorker(k) {
  const record = { worker: new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }), pending: new Map() };
  record.worker.addEventListener('message', (event) => {
    const { id, result, errors, progress } = event.data || {};
    const job = record.pending.get(id);
    if (!job) return;
    if (progress) {
      job.onProgress?.(progress);
      return;
    }
    record.pending.delete(id);
    job.resolve(errors ? { ok: false, errors } : { ok: true, result });
  });
  record.worker.addEventListener('error', (event) => {
    // A worker that cannot start (old browser, blocked by policy) fails every job cleanly.
    for (const job of record.pending.values()) {
      job.resolve({ ok: false, errors: [{ field: '', code: 'worker', message: event.message || 'the background worker failed' }] });
    }
    record.pending.clear();
    record.worker.terminate();
    if (workers[k] === record) workers[k] = null;
  });
  workers[k] = record;
  return record;
}

/**
 * Stops whatever the workers are computing (a long risk run): they are ended, every call
 * waiting on them resolves to `{ ok: false, cancelled: true, errors: [] }`, and the next call
 * starts fresh workers.
 */
export function cancelWorker() {
  for (const record of workers.splice(0)) {
    if (!record) continue;
    record.worker.terminate();
    for (const job of record.pending.values()) job.resolve({ ok: false, cancelled: true, errors: [] });
  }
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
  return onWorker(0, call, args, onProgress);
}

function onWorker(k, call, args, onProgress, transfer = []) {
  const record = workers[k] || startWorker(k);
  const id = nextId++;
  return new Promise((resolve) => {
    record.pending.set(id, { resolve, onProgress });
    record.worker.postMessage({ id, call, args }, transfer);
  });
}

/**
 * How many workers share a risk run of `paths` paths: one per physical core, taken as half the
 * hardware threads the browser reports (most processors run two threads a core, and two
 * workers on one core's two threads run this throughput-bound loop no faster than one: measured
 * in BENCHMARKS.md), 1 to {@link MAX_WORKERS}; one less on a long run (more than
 * {@link SHORT_RUN_PATHS} paths) so that a core stays free for the page while it lasts; never
 * more than there are batches of 128 paths.
 */
export function workerCount(paths) {
  const threads = Math.floor(Number(globalThis.navigator?.hardwareConcurrency)) || 1;
  const cores = Math.max(1, Math.floor(threads / 2));
  const spare = paths > SHORT_RUN_PATHS ? 1 : 0;
  return Math.max(1, Math.min(MAX_WORKERS, cores - spare, Math.ceil(paths / 128)));
}

/** Paths of a run short enough to use every core (10,000 paths take ~0.1 s on one). */
export const SHORT_RUN_PATHS = 20_000;

/**
 * The Monte Carlo (`risk(scenario, options)`) shared among {@link workerCount} workers: each
 * computes one share of the paths (`riskPart`), and the first puts the shares together
 * (`riskFromParts`) — the same report as one worker's `risk`, to the last digit, in about
 * 1 ÷ workers of the time. `onProgress({ done, total })` sums the shares' progress. Resolves
 * as {@link inWorker} does; a cancel ends every worker.
 */
export async function riskShared(scenario, options, onProgress) {
  // A share reports its own paths; the run's are the options' (or, left out, the shares' sum).
  const given = Number.isInteger(options?.paths) ? options.paths : 0;
  const parts = workerCount(given || 10_000);
  if (parts === 1) return inWorkerWithProgress('risk', [scenario, options], onProgress);
  const done = new Array(parts).fill(0);
  const totals = new Array(parts).fill(0);
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  const shares = await Promise.all(Array.from({ length: parts }, (_, k) => onWorker(k, 'riskPart', [scenario, options, k, parts], ({ done: d, total }) => {
    done[k] = d;
    totals[k] = total;
    onProgress?.({ done: sum(done), total: Math.max(given, sum(totals)) });
  })));
  const failed = shares.find((answer) => !answer.ok);
  // A worker that could not start leaves the run to the first one alone.
  if (failed && !failed.cancelled && failed.errors?.some((e) => e.code === 'worker') && workers[0]) {
    return inWorkerWithProgress('risk', [scenario, options], onProgress);
  }
  if (failed) return failed;
  const results = shares.map((answer) => answer.result);
  return onWorker(0, 'riskFromParts', [scenario, options, results], null, results.flatMap(shareBuffers));
}
