// The board summary: one printed page beside the full report. The page's own verdict, cards,
// cash-flow chart and capex stack print in a compact form (styles.css, html[data-print=board]);
// this module adds what a board reads after them: the risk run's summary when one was made,
// and the inputs that differ from the defaults, each with the default it replaced.

import { h, fill } from './dom.js';
import { num } from './format.js';
import { allFields } from './fields.js';
import { changedPaths, getPath } from './state.js';
import { inputText } from './input-text.js';

/** More than this many changed inputs are counted, not listed: the summary stays one page. */
const MAX_LISTED = 14;

/** What stands for the inputs a field list does not hold (the fleet, phases, unit costs). */
function listText(path, scenario) {
  const v = getPath(scenario, path);
  if (!Array.isArray(v)) return '';
  if (path === 'mining.fleet') return v.map((l) => `${num(l.units)} × ${l.model}`).join('; ') || 'none';
  if (path === 'retrofit.phases') return `${v.length} phase${v.length === 1 ? '' : 's'}`;
  if (path === 'retrofit.costOverrides') return `${v.length} unit cost${v.length === 1 ? '' : 's'} of your own`;
  return `${v.length} values`;
}

const LIST_LABELS = { 'mining.fleet': 'ASIC fleet', 'retrofit.phases': 'Retrofit phases', 'retrofit.costOverrides': 'Your unit costs' };

/**
 * Fills `el` for printing: `riskTable` is the risk panel's P10/P50/P90 table when a run is on
 * screen for this scenario (null otherwise).
 */
export function fillBoard(el, { scenario, defaults, presets, riskTable }) {
  const fields = allFields();
  const byPath = new Map(fields.map((f) => [f.path, f]));
  // In the form's order, so the list reads like the inputs; the lists last.
  const order = new Map(fields.map((f, i) => [f.path, i]));
  // A list (the fleet, the phases, the unit costs) is one decision: changedPaths compares it
  // whole, so it is one line, not one per value.
  const changed = changedPaths(defaults, scenario)
    .filter((p) => p !== 'schemaVersion' && p !== 'name')
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const items = changed.map((path) => {
    const f = byPath.get(path);
    const label = f ? `${f.group} · ${f.label}` : LIST_LABELS[path] ?? path;
    const now = f ? inputText(f, scenario, presets) : listText(path, scenario);
    const was = f ? inputText(f, defaults, presets) : listText(path, defaults);
    return h('li', {}, h('span', { class: 'board-label' }, `${label}: `), h('strong', {}, String(now)), h('span', { class: 'board-was' }, ` (default ${was})`));
  });
  const shown = items.slice(0, MAX_LISTED);
  const more = items.length - shown.length;
  fill(el,
    riskTable ? h('div', { class: 'board-risk' }, h('h2', {}, 'Risk: the Monte Carlo run'), riskTable) : null,
    h('h2', {}, items.length ? `Inputs that differ from the defaults (${items.length})` : 'Inputs: the defaults, unchanged'),
    items.length ? h('ul', { class: 'board-inputs' }, shown) : null,
    more > 0 ? h('p', { class: 'board-more' }, `and ${more} more: the full report lists every input.`) : null);
}
