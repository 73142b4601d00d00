// Up to four scenarios side by side — the current inputs, saved scenarios, sample sites: the
// verdicts, each pathway's key figures with their difference from the first scenario, one
// pathway's cumulative cash flow with a line per scenario, and every input that differs.
// The scenarios are evaluated in the background worker (on this thread when it cannot start).

import { h, fill } from './dom.js';
import * as engine from './engine.js';
import * as storage from './storage.js';
import { usd, usdDelta, pct, months, num, plain } from './format.js';
import { allFields } from './fields.js';
import { changedPaths, getPath, overlay, clone } from './state.js';
import { compareChart } from './compare-chart.js';
import './compare.css';

/** Most scenarios compared at once: four columns still read on a laptop and a board slide. */
export const MAX_SCENARIOS = 4;
const MIN_SCENARIOS = 2;

const LABELS = new Map([
  ...allFields().map((f) => [f.path, `${f.label}${f.unit ? ` (${f.unit})` : ''}`]),
  ['mining.fleet', 'ASIC fleet'],
  ['retrofit.costOverrides', 'Your unit costs'],
  ['name', 'Name'],
]);

const PATHWAY_CLASS = { mining: 'p-mining', colocation: 'p-colocation', gpuCloud: 'p-gpu' };

const CURRENT = 'current';
const savedValue = (name) => `saved:${name}`;
const sampleValue = (id) => `sample:${id}`;

/** An input's value as the form would show it. */
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
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// --- differences from the first scenario ----------------------------------------------
// Each is the subtraction of two numbers of the core's reports, formatted with its unit.

const plus = (n, text) => (n > 0 && /[1-9]/.test(text) ? `+${text}` : text);

/** The key figures of a pathway: how to read one from the report, show it, and show a difference. */
const METRICS = [
  { label: 'NPV', read: (p) => p.npvUsd, show: usd, delta: usdDelta },
  { label: 'IRR', read: (p) => p.irrPct, show: pct, delta: (d) => plus(d, `${num(d, 1)} pp`) },
  {
    label: 'payback',
    read: (p) => p.paybackMonths,
    show: months,
    delta: (d) => plus(d, `${num(d)} month${Math.abs(d) === 1 ? '' : 's'}`),
  },
  { label: 'capex in the horizon', read: (p) => p.totalCapexUsd, show: usd, delta: usdDelta },
  {
    label: 'equity NPV',
    read: (p) => p.financing?.equityNpvUsd,
    show: usd,
    delta: usdDelta,
    // Only where the pathway borrows; without a loan the equity's NPV is the project's.
    missing: (p) => (p.financing ? 'n/a' : 'no loan'),
    onlyIfAny: (p) => Boolean(p.financing),
  },
];

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** A figure, and below it its difference from the first scenario's (when both exist). */
function figureCell(metric, pathway, base) {
  const value = pathway ? metric.read(pathway) : undefined;
  if (!isNumber(value)) {
    return h('td', { class: 'num' }, pathway ? (metric.missing ? metric.missing(pathway) : 'n/a') : '—');
  }
  const first = base ? metric.read(base) : undefined;
  let delta = null;
  if (isNumber(first)) {
    const d = value - first;
    delta = h('span', { class: 'delta' }, d === 0 ? 'same' : metric.delta(d));
  }
  return h('td', { class: 'num' }, h('span', { class: 'figure' }, metric.show(value)), delta);
}

function errorCell(errors, rows) {
  return h('td', { class: 'compare-error', rowspan: rows },
    h('p', {}, 'Cannot be evaluated:'),
    h('ul', {}, errors.map((e) => h('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))));
}

/** The pathways of the reports that evaluated, in the order the core lists them. */
function pathwaysOf(entries) {
  const seen = new Map();
  for (const e of entries) {
    if (!e.result.ok) continue;
    for (const p of e.result.report.pathways) if (!seen.has(p.id)) seen.set(p.id, p.label);
  }
  return [...seen].map(([id, label]) => ({ id, label }));
}

/** The results table: a column per scenario, a failed one showing its errors down its column. */
function resultsTable(entries) {
  const [first] = entries;
  const pathways = pathwaysOf(entries);
  const pathwayOf = (e, id) => (e.result.ok ? e.result.report.pathways.find((p) => p.id === id) : null);
  const groups = pathways.map((pw) => ({
    ...pw,
    metrics: METRICS.filter((m) => !m.onlyIfAny || entries.some((e) => {
      const p = pathwayOf(e, pw.id);
      return p && m.onlyIfAny(p);
    })),
  }));
  const rowCount = 2 + groups.reduce((n, g) => n + g.metrics.length, 0);
  const bestLabel = (report) => report.pathways.find((p) => p.id === report.comparison.bestPathway)?.label ?? '—';

  // A failed scenario's single cell spans every row (all in one row group, which a rowspan
  // cannot leave): the later rows skip its column.
  const cells = (fn) => entries.map((e, i) => (e.result.ok ? fn(e, i) : null));
  const verdictRow = h('tr', {}, h('th', { scope: 'row' }, 'Verdict'),
    entries.map((e) => (e.result.ok ? h('td', { class: 'verdict-cell' }, e.result.report.comparison.verdict) : errorCell(e.result.errors, rowCount))));
  const bestRow = h('tr', {}, h('th', { scope: 'row' }, 'Best pathway'),
    cells((e) => h('td', {}, `${bestLabel(e.result.report)} (${e.result.report.comparison.basisLabel})`)));
  const figureRows = groups.flatMap((g) => g.metrics.map((m, k) => h('tr', { class: `${PATHWAY_CLASS[g.id] || ''}${k === 0 ? ' group-start' : ''}`, dataset: { pathway: g.id } },
    h('th', { scope: 'row' }, `${g.label}: ${m.label}`),
    cells((e, i) => figureCell(m, pathwayOf(e, g.id), i > 0 && first.result.ok ? pathwayOf(first, g.id) : null)))));

  const caption = first.result.ok
    ? ['Key figures. Below each figure of the scenarios after the first: its difference from the first, “', first.name, '”.']
    : ['Key figures. The first scenario could not be evaluated, so no differences are shown.'];
  return h('table', { class: 'compare', id: 'compare-results' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), entries.map((e) => h('th', { scope: 'col' }, e.name)))),
    h('tbody', {}, verdictRow, bestRow, figureRows));
}

/** Every input that differs between any two of the scenarios, with each one's value. */
function inputsTable(entries) {
  const [first, ...rest] = entries;
  // A path differs between some two scenarios exactly when it differs between the first and
  // one of the others, so the union of those differences is every row.
  const paths = [...new Set(rest.flatMap((e) => changedPaths(first.scenario, e.scenario)))].filter((p) => p !== 'schemaVersion');
  return h('table', { class: 'compare', id: 'compare-inputs' },
    h('caption', {}, paths.length ? `Inputs that differ (${paths.length})` : 'The scenarios have the same inputs'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Input'), entries.map((e) => h('th', { scope: 'col' }, e.name)))),
    h('tbody', {}, paths.map((path) => h('tr', {}, h('th', { scope: 'row' }, LABELS.get(path) || path),
      entries.map((e) => h('td', {}, show(getPath(e.scenario, path))))))));
}

/** A table in a strip that scrolls sideways on a narrow screen, reachable from the keyboard. */
const scroller = (label, table) => h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label }, table);

/**
 * The compare panel in `root` (the section holding `#compare-slots`, `#compare-add`,
 * `#compare-run` and `#compare`). `current()` returns a copy of the current inputs,
 * `samples()` the sample sites (`{ id, label, scenario }`). Call `savedChanged(saved)` when
 * the saved scenarios change.
 */
export function createCompare(root, { current, samples }) {
  const slotsEl = root.querySelector('#compare-slots');
  const addButton = root.querySelector('#compare-add');
  const out = root.querySelector('#compare');
  // One chart for the panel's life, redrawn per comparison (its element is moved, not rebuilt).
  const chartBox = h('div', { class: 'chart-box compare-chart', id: 'compare-chart' });
  const chart = compareChart(chartBox);
  const defaults = engine.defaultScenario();
  /** The picks, one per slot: an option value, or null until the options are known. */
  let picks = [null, null];
  let saved = [];
  /** Bumped per comparison, so an answer that arrives after a newer request is dropped. */
  let runs = 0;
  let shownOnce = false;
  /** The pathway a person chose for the chart; until then, the first scenario's best. */
  let chosenPathway = null;

  const options = () => [
    CURRENT,
    ...saved.map((s) => savedValue(s.name)),
    ...samples().map((s) => sampleValue(s.id)),
  ];

  /**
   * Fills empty and vanished picks with the first option no slot shows yet: a new slot offers
   * something not compared already.
   */
  function settlePicks() {
    const all = options();
    picks = picks.map((p) => (p !== null && all.includes(p) ? p : null));
    for (let i = 0; i < picks.length; i++) {
      if (picks[i] === null) picks[i] = all.find((o) => !picks.includes(o)) ?? CURRENT;
    }
  }

  function optionList() {
    const list = samples();
    return [
      h('option', { value: CURRENT }, 'Current inputs'),
      saved.length ? h('optgroup', { label: 'Saved in this browser' }, saved.map((s) => h('option', { value: savedValue(s.name) }, s.name))) : null,
      list.length ? h('optgroup', { label: 'Sample sites' }, list.map((s) => h('option', { value: sampleValue(s.id), title: s.description }, s.label))) : null,
    ];
  }

  function drawSlots(focusIndex = -1) {
    fill(slotsEl, picks.map((pick, i) => {
      const id = `compare-slot-${i + 1}`;
      const select = h('select', { id, onchange: () => { picks[i] = select.value; rerun(); } }, optionList());
      select.value = pick ?? CURRENT;
      const remove = i >= MIN_SCENARIOS
        ? h('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove scenario ${i + 1}`, onclick: () => removeSlot(i) }, '×')
        : null;
      return h('li', { class: 'compare-slot tool' }, h('label', { for: id }, `Scenario ${i + 1}`), h('span', { class: 'compare-slot-pick' }, select, remove));
    }));
    addButton.disabled = picks.length >= MAX_SCENARIOS;
    addButton.title = addButton.disabled ? `At most ${MAX_SCENARIOS} scenarios` : '';
    if (focusIndex >= 0) slotsEl.querySelector(`#compare-slot-${focusIndex + 1}`)?.focus();
  }

  function removeSlot(i) {
    picks.splice(i, 1);
    // Focus stays in the list: on the slot that took this one's place, or the one before.
    drawSlots(Math.min(i, picks.length - 1));
    rerun();
  }

  addButton.addEventListener('click', () => {
    if (picks.length >= MAX_SCENARIOS) return;
    picks.push(null);
    settlePicks();
    drawSlots(picks.length - 1);
    rerun();
  });
  root.querySelector('#compare-run').addEventListener('click', run);

  /** A pick as `{ name, scenario }`, with `errors` when it cannot be opened. */
  function resolve(pick) {
    if (pick.startsWith('saved:')) {
      const name = pick.slice('saved:'.length);
      const entry = storage.list().saved.find((s) => s.name === name);
      if (!entry) return { name, scenario: clone(defaults), errors: [{ field: '', message: 'it is no longer saved in this browser' }] };
      const upgraded = engine.upgrade(entry.scenario);
      // A saved scenario the core refuses still shows what it holds, laid over the defaults,
      // in the table of inputs: the out-of-range value is there to be seen.
      return upgraded.ok ? { name, scenario: upgraded.scenario } : { name, scenario: overlay(defaults, entry.scenario), errors: upgraded.errors };
    }
    if (pick.startsWith('sample:')) {
      const site = samples().find((s) => sampleValue(s.id) === pick);
      if (site) return { name: site.label, scenario: clone(site.scenario) };
    }
    return { name: 'Current inputs', scenario: current() };
  }

  async function run() {
    const ticket = ++runs;
    shownOnce = true;
    settlePicks();
    const entries = picks.map(resolve);
    const open = entries.filter((e) => !e.errors);
    out.setAttribute('aria-busy', 'true');
    if (!out.firstChild) fill(out, h('p', { class: 'muted' }, 'Computing…'));
    let answer = await engine.inWorker('evaluateMany', open.map((e) => e.scenario));
    const where = answer.ok ? 'worker' : 'page';
    if (!answer.ok) {
      // The worker could not start or load the package (offline before its first use, an old
      // browser): the same evaluations on this thread take a fraction of a second.
      answer = { ok: true, result: open.map((e) => engine.evaluate(e.scenario)) };
    }
    if (ticket !== runs) return;
    open.forEach((e, i) => {
      e.result = answer.result[i];
    });
    for (const e of entries) if (e.errors) e.result = { ok: false, errors: e.errors };
    out.dataset.computedIn = where;
    out.removeAttribute('aria-busy');
    render(entries);
  }

  /** Once a comparison is on screen it follows the picks: a changed, added or removed slot redraws it. */
  function rerun() {
    if (shownOnce) run();
  }

  function render(entries) {
    const drawn = entries.filter((e) => e.result.ok);
    const pathways = pathwaysOf(entries);
    const picker = h('select', { id: 'compare-pathway' }, pathways.map((p) => h('option', { value: p.id }, p.label)));
    const lead = pathways.some((p) => p.id === chosenPathway) ? chosenPathway : drawn[0]?.result.report.comparison.bestPathway;
    if (lead) picker.value = lead;
    fill(out,
      scroller('Results of the comparison', resultsTable(entries)),
      drawn.length
        ? h('div', { class: 'compare-cashflow' },
          h('h3', { id: 'compare-chart-title' }, 'Cumulative net cash flow'),
          h('div', { class: 'tool' }, h('label', { for: 'compare-pathway' }, 'Pathway'), picker),
          h('p', { class: 'muted' }, 'One line per scenario, each from its own start month (month 0); a shorter horizon ends earlier. Tap or click a name under the chart to hide or show its line.'),
          chartBox)
        : h('p', { class: 'muted' }, 'No scenario could be evaluated, so there is no cash flow to draw.'),
      scroller('Inputs that differ', inputsTable(entries)));
    const draw = () => {
      const id = picker.value;
      const label = pathways.find((p) => p.id === id)?.label ?? id;
      chart.update({
        pathwayLabel: label,
        lines: entries.flatMap((e, column) => {
          const pathway = e.result.ok ? e.result.report.pathways.find((p) => p.id === id) : null;
          return pathway ? [{ name: e.name, column, pathway }] : [];
        }),
      });
    };
    picker.addEventListener('change', () => {
      chosenPathway = picker.value;
      draw();
    });
    draw();
  }

  // The picks are settled when the saved scenarios and sample sites are first known.
  drawSlots();

  return {
    /** The saved scenarios changed (saved, deleted, read at start): the slots offer the new list. */
    savedChanged(list) {
      saved = list;
      const before = picks.join('\n');
      settlePicks();
      drawSlots();
      // A compared scenario that was deleted has given its slot to another: the table follows.
      if (picks.join('\n') !== before) rerun();
    },
  };
}
