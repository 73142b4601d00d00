// Files out and in: the cash flows as CSV for a spreadsheet (the core writes it), the scenario
// and its report as JSON, and the import of such a file (or of a bare scenario). The numbers
// are the core's; nothing is recomputed here.

import * as core from 'minepivot';

/**
 * The cash flows as CSV: the core's own file (`cashFlowCsv` of the package, src/csv.rs), the
 * same as the CLI's `evaluate --format csv` — the assumptions as `#` lines, then one row per
 * pathway-year and per pathway-month.
 */
export function cashFlowCsv(scenario) {
  return core.cashFlowCsv(scenario);
}

export function reportJson(scenario, report, version) {
  return JSON.stringify({ generator: `minepivot ${version}`.trim(), scenario, report }, null, 2) + '\n';
}

/** A file name from the scenario name: letters, digits and dashes only. */
export function fileStem(name) {
  const stem = String(name || 'scenario')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `minepivot-${stem || 'scenario'}`;
}

export function download(filename, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Largest file accepted by the import; an exported report with 30 years is ~1 MB. */
export const MAX_IMPORT_BYTES = 5_000_000;

/**
 * Reads an imported file's text: an export of this page (`{ scenario, report }`) or a bare
 * scenario. Returns `{ ok: true, scenario }` (unvalidated) or `{ ok: false, message }`.
 */
/** Nesting deeper than this is not a scenario (one is 4 levels deep, an export 6). */
const MAX_IMPORT_DEPTH = 32;

/** The nesting depth of a parsed JSON value, counted without recursion (a 100,000-deep file
 * would overflow the stack of a recursive walk, here or in whatever reads it next). */
function depthOf(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_IMPORT_DEPTH) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function parseImport(text) {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: 'The file is too large to be a scenario.' };
  let doc;
  try {
    // A byte-order mark (some Windows editors write one) is ignored, as the core ignores it.
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: 'The file is not JSON.' };
  }
  if (depthOf(doc) > MAX_IMPORT_DEPTH) {
    return { ok: false, message: `The file is nested more than ${MAX_IMPORT_DEPTH} levels deep; a scenario is 4.` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, message: 'The file does not hold a scenario.' };
  }
  const scenario = doc.scenario && typeof doc.scenario === 'object' && !Array.isArray(doc.scenario) ? doc.scenario : doc;
  return { ok: true, scenario };
}
