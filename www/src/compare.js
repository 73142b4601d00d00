// Two scenarios side by side: the verdicts, each pathway's NPV, IRR, payback and capex, and
// every input that differs. Both are evaluated in the background worker.

import { h, fill } from './dom.js';
import { usd, pct, months, num, plain } from './format.js';
import { allFields } from './fields.js';
import { changedPaths, getPath } from './state.js';

const LABELS = new Map([
  ...allFields().map((f) => [f.path, `${f.label}${f.unit ? ` (${f.unit})` : ''}`]),
  ['mining.fleet', 'ASIC fleet'],
  ['retrofit.costOverrides', 'Your unit costs'],
  ['name', 'Name'],
]);

function show(value) {
  if (value === undefined) return '—';
  if (typeof value === 'number') return plain(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((l) => {
      if (l && typeof l === 'object' && 'model' in l) return `${num(l.units)} × ${l.model}`;
      if (l && typeof l === 'object' && 'item' in l) return `${l.item} $${plain(l.unitCostUsd)}`;
      return JSON.stringify(l);
    }).join('; ');
  }
  return String(value);
}

/**
 * Renders the comparison of `a` and `b` (`{ name, scenario, result }`, result as returned by
 * the worker for one scenario) into `el`.
 */
export function renderComparison(el, a, b) {
  const head = h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, a.name), h('th', { scope: 'col' }, b.name));
  const rows = [];
  const problem = (r) => (r.ok ? null : `Cannot be evaluated: ${r.errors.map((e) => (e.field ? `${e.field} ${e.message}` : e.message)).join('; ')}`);
  rows.push(h('tr', {}, h('th', { scope: 'row' }, 'Verdict'),
    [a, b].map((x) => h('td', { class: 'verdict-cell' }, problem(x.result) || x.result.report.comparison.verdict))));
  if (a.result.ok && b.result.ok) {
    const pa = a.result.report.pathways;
    const pb = b.result.report.pathways;
    for (const p of pa) {
      const q = pb.find((x) => x.id === p.id);
      const metric = (label, f) => rows.push(h('tr', {}, h('th', { scope: 'row' }, `${p.label}: ${label}`), h('td', { class: 'num' }, f(p)), h('td', { class: 'num' }, q ? f(q) : '—')));
      metric('NPV', (x) => usd(x.npvUsd));
      metric('IRR', (x) => (x.irrPct === null ? 'n/a' : pct(x.irrPct)));
      metric('payback', (x) => (x.paybackMonths === null ? 'n/a' : months(x.paybackMonths)));
      metric('capex', (x) => usd(x.totalCapexUsd));
    }
  }
  const changed = changedPaths(a.scenario, b.scenario).filter((p) => p !== 'schemaVersion');
  const diffRows = changed.map((path) => h('tr', {}, h('th', { scope: 'row' }, LABELS.get(path) || path),
    h('td', {}, show(getPath(a.scenario, path))), h('td', {}, show(getPath(b.scenario, path)))));
  fill(el,
    h('table', { class: 'compare' }, h('caption', {}, 'Results'), h('thead', {}, head), h('tbody', {}, rows)),
    h('table', { class: 'compare' }, h('caption', {}, changed.length ? `Inputs that differ (${changed.length})` : 'The two scenarios have the same inputs'),
      h('thead', {}, head.cloneNode(true)), h('tbody', {}, diffRows)));
}
