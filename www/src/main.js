// Wires the page: the scenario state, the form, the core, the drawing, and keep-and-share.
// The scenario lives in one object (`current`); every input edits it and schedules an
// evaluation. A valid scenario replaces the results; an invalid one marks the form and
// leaves the last valid results on screen, dimmed.

import * as engine from './engine.js';
import { $, h, fill, keepScrollersFocusable } from './dom.js';
import { createForm } from './form.js';
import { clone, setPath, sameJson } from './state.js';
import * as share from './share.js';
import * as storage from './storage.js';
import { cashFlowCsv, reportJson, fileStem, download, parseImport } from './export.js';
import { cashFlowChart, hashpriceChart, durationChart } from './charts.js';
import {
  renderVerdict, renderCards, renderFinancing, renderSite, renderWarnings, renderCapex, renderBreakEvens, renderPower,
  renderTornado, renderYears, renderAssumptions, setStale,
} from './render.js';
import { createCompare } from './compare.js';
import { createRiskPanel } from './risk.js';
import { createUndo } from './undo.js';
import { confirmAction } from './confirm.js';
import { fillBoard } from './board.js';
import { registerSW } from 'virtual:pwa-register';

const defaults = engine.defaultScenario();
/** The form's choices and every default's source; read after the first numbers are drawn. */
let presets = null;
const version = engine.version();

let current = clone(defaults);
/** The last scenario that evaluated cleanly, and its report: what the results show. */
let shown = null;
/** False while the form holds a scenario the core rejected. */
let valid = true;
/**
 * The scenario as last started, opened, imported or saved: edits since then are "unsaved",
 * and an action that would replace them asks first.
 */
let baseline = clone(current);
/** Every change, undoable: typed edits (a pause apart) and each replacing action. */
const undo = createUndo();
/** Set by a replacing action: the next address written is a new browser history entry. */
let pushNext = false;

/** Actions that keep or send the scenario refuse while the inputs are invalid. */
function needsValid(what) {
  flush();
  if (valid) return true;
  notify(`Fix the marked inputs before you ${what}: the results on screen belong to the last valid inputs.`, 'error');
  return false;
}

// --- messages: never an alert -------------------------------------------------------

/** Most notices shown at once: older ones give way, so a burst never pushes the page down. */
const MAX_NOTICES = 3;

/**
 * A notice above the page. The same notice again is not stacked: the one shown counts it
 * ("×3") and stays longer; beyond {@link MAX_NOTICES} the oldest gives way.
 */
function notify(text, kind = 'info', extra = null) {
  const box = $('#messages');
  const same = [...box.children].find((n) => n.dataset.text === text && n.dataset.kind === kind);
  if (same) {
    const times = Number(same.dataset.times || '1') + 1;
    same.dataset.times = String(times);
    $('.times', same).textContent = ` (×${times})`;
    if (kind === 'info') restartTimer(same);
    return same;
  }
  const note = h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { text, kind } },
    h('p', {}, text, h('span', { class: 'times' })), extra,
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => note.remove() }, '×'));
  box.append(note);
  while (box.children.length > MAX_NOTICES) box.firstElementChild.remove();
  if (kind === 'info') restartTimer(note);
  return note;
}

function restartTimer(note) {
  clearTimeout(Number(note.dataset.timer || 0));
  note.dataset.timer = String(setTimeout(() => note.remove(), 6000));
}

const errorSummary = (errors) => errors.slice(0, 4).map((e) => (e.field ? `${e.field} ${e.message}` : e.message)).join('; ') + (errors.length > 4 ? ` (and ${errors.length - 4} more)` : '');

// --- results --------------------------------------------------------------------------

const charts = {
  cashflow: cashFlowChart($('#chart-cashflow')),
  hashprice: hashpriceChart($('#chart-hashprice')),
  duration: durationChart($('#chart-duration')),
};

/** The answer: verdict and one card per pathway. */
function drawSummary() {
  renderVerdict($('#verdict-box'), shown.report);
  renderCards($('#cards'), shown.report);
}

/** Everything below the answer. */
function drawDetails() {
  const { report, scenario } = shown;
  form.showFleetSummary(report.site);
  renderWarnings($('#warnings'), report, rentFix);
  charts.cashflow.update(report, scenario);
  charts.hashprice.update(report);
  charts.duration.update(report);
  renderPower($('#power-note'), $('#power-facts'), report);
  renderFinancing($('#financing'), report);
  renderSite($('#site-facts'), report);
  renderCapex($('#capex'), report);
  renderBreakEvens($('#break-evens'), report);
  renderTornado($('#tornado'), report, scenario);
  renderYears($('#years'), report, $('#years-view').value);
  renderAssumptions($('#assumptions'), scenario, presets);
}

function draw() {
  drawSummary();
  drawDetails();
}

/**
 * The address is the scenario: a share link that also restores on reload. The entry's state
 * keeps the whole scenario (an imported year of prices is too long for a link), so Back to
 * it shows exactly what it showed. A replacing action (a sample, Reset, Open, Import) makes a
 * new entry, which Back leaves; typed edits rewrite the current one.
 */
function writeHash() {
  const hash = share.encode(shown.scenario, defaults);
  const url = hash === share.encode(defaults, defaults) ? `${location.pathname}${location.search}` : hash;
  const state = { scenario: shown.scenario };
  if (pushNext) history.pushState(state, '', url);
  else history.replaceState(state, '', url);
  pushNext = false;
}

/** Evaluates `current`; returns true when it was valid. */
function recompute() {
  delete document.documentElement.dataset.pending;
  const result = engine.evaluate(current);
  if (result.ok) {
    form.clearErrors();
    shown = { scenario: clone(current), report: result.report };
    valid = true;
    setStale($('#app'), false);
    draw();
    risk?.scenarioChanged();
    writeHash();
    return true;
  }
  valid = false;
  const placed = form.markErrors(result.errors);
  const first = result.errors[0];
  setStale($('#app'), Boolean(shown), {
    label: first.field ? form.labelOf(first.field) : 'The scenario',
    message: first.message,
    more: result.errors.length - 1,
    onShow: placed ? () => form.focusFirstError() : null,
  });
  return false;
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  // Marks the page as about to change (tests wait on it; styles could too).
  document.documentElement.dataset.pending = 'true';
  // Light debounce: a held arrow key or fast typing evaluates once per pause, not per key.
  timer = setTimeout(() => {
    timer = 0;
    recompute();
  }, 60);
}

/** Runs a pending evaluation now, so an action right after typing sees the typed value. */
function flush() {
  if (!timer) return;
  clearTimeout(timer);
  timer = 0;
  recompute();
}

function load(scenario) {
  clearTimeout(timer);
  timer = 0;
  current = clone(scenario);
  form.set(current);
  $('#scenario-name').value = current.name ?? '';
  return recompute();
}

/**
 * Replaces every input at once (a sample, Reset, Open, Import, a link): one undo step, and
 * (unless the browser already made one, as for a link typed into the address bar) a new
 * history entry that Back returns from. `label` names the step on the Undo button.
 */
function replace(scenario, label, { push = true } = {}) {
  flush();
  if (sameJson(scenario, current)) return load(scenario);
  undo.record(clone(current), label);
  pushNext = push;
  const ok = load(scenario);
  pushNext = false;
  baseline = clone(current);
  showUndoState();
  return ok;
}

/**
 * Asks before `what` replaces edits made since the scenario was last opened or saved. Resolves
 * true at once when there are none.
 */
async function okToReplace(what) {
  flush();
  if (sameJson(current, baseline)) return true;
  return confirmAction({
    title: 'Replace your unsaved edits?',
    message: `${what} replaces every input. Your edits since the scenario was opened or saved are not saved; Undo (Ctrl+Z) still brings them back.`,
    action: 'Replace them',
    keep: 'Keep editing',
  });
}

/**
 * Opens an untrusted scenario (link, file, saved entry) on top of the defaults. When the core
 * rejects it, the page keeps what it shows and says why.
 */
function openUntrusted(partial, what, { label = what, push = true } = {}) {
  const upgraded = engine.upgrade(partial);
  const candidate = upgraded.ok ? upgraded.scenario : null;
  const result = upgraded.ok ? engine.evaluate(candidate) : upgraded;
  if (!result.ok) {
    const after = shown ? 'The calculator keeps the scenario it was showing.' : 'Showing the default scenario instead.';
    notify(`${what} could not be opened: ${errorSummary(result.errors)}. ${after}`, 'error');
    return false;
  }
  replace(candidate, label, { push });
  return true;
}

// --- undo and redo --------------------------------------------------------------------

const undoButton = $('#undo');
const redoButton = $('#redo');

/** The buttons say what they would undo or redo; disabled when there is nothing. */
function showUndoState() {
  const next = undo.nextUndo();
  const again = undo.nextRedo();
  undoButton.disabled = !next;
  redoButton.disabled = !again;
  undoButton.title = next ? `Undo: ${next} (Ctrl+Z)` : 'Nothing to undo';
  redoButton.title = again ? `Redo: ${again} (Ctrl+Shift+Z)` : 'Nothing to redo';
}

function step(direction) {
  flush();
  const s = direction < 0 ? undo.undo(clone(current)) : undo.redo(clone(current));
  if (!s) return;
  load(s.scenario);
  showUndoState();
  $('#undo-status').textContent = `${direction < 0 ? 'Undone' : 'Redone'}: ${s.label}.`;
}

undoButton.addEventListener('click', () => step(-1));
redoButton.addEventListener('click', () => step(+1));

/**
 * Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes a change of the scenario, also
 * from inside one of its fields (whose value the undo then rewrites). Text boxes that are not
 * the scenario (the risk run's options) keep the browser's own undo.
 */
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  const again = (key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey);
  if (key !== 'z' && !again) return;
  const t = e.target;
  if (t instanceof Element && t.closest('dialog')) return;
  const textBox = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement;
  if (textBox && (!t.closest('#inputs') || t.type === 'search') && t.id !== 'scenario-name') return;
  e.preventDefault();
  step(again ? +1 : -1);
});

// --- form -----------------------------------------------------------------------------

/** Built after the first numbers are on screen (see start). */
let form = null;
/** The Monte Carlo panel; it runs in the worker on request and reruns when the scenario changes. */
let risk = null;
function buildForm() {
  presets = engine.presets();
  for (const site of presets.sampleSites) sampleSelect.append(h('option', { value: site.id, title: site.description }, site.label));
  form = createForm({
    root: $('#inputs'),
    presets,
    defaults,
    onChange(path, value) {
      undo.record(clone(current), form.labelOf(path), path);
      setPath(current, path, value);
      showUndoState();
      schedule();
    },
  });
  form.set(current);
  $('#scenario-name').value = current.name ?? '';
}
$('#inputs').addEventListener('submit', (e) => e.preventDefault());

/**
 * A GPU rent flagged as above its system's reference rent (warning `gpuRentAboveSystem`):
 * one click sets that field to the system's reference, as typing it would (undoable).
 */
function rentFix(w) {
  if (w.code !== 'gpuRentAboveSystem' || !w.field || !form || !presets) return null;
  const gpu = shown?.scenario?.gpuCloud ?? {};
  const system = w.field === 'gpuCloud.refreshRentUsdPerGpuHour' ? gpu.refreshSystem : gpu.system;
  const preset = presets.gpuSystems.find((g) => g.id === system);
  if (!preset) return null;
  const value = preset.marketRentUsdPerGpuHour;
  return {
    label: `Use the ${preset.label}'s $${value.toFixed(2)}`,
    apply() {
      undo.record(clone(current), form.labelOf(w.field), w.field);
      setPath(current, w.field, value);
      form.set(current);
      showUndoState();
      schedule();
    },
  };
}

$('#scenario-name').addEventListener('input', (e) => {
  undo.record(clone(current), 'Scenario name', 'name');
  current.name = e.target.value;
  showUndoState();
  schedule();
});

// --- sample sites ---------------------------------------------------------------------

const sampleSelect = $('#sample-site');
sampleSelect.addEventListener('change', async () => {
  const site = presets.sampleSites.find((s) => s.id === sampleSelect.value);
  sampleSelect.value = '';
  if (!site || !(await okToReplace(`The sample “${site.label}”`))) return;
  replace(site.scenario, `Start from ${site.label}`);
  notify(`${site.label}: ${site.description}`);
});

// --- saved scenarios ------------------------------------------------------------------

function refreshSaved(select) {
  const { saved, corrupt, unavailable } = storage.list();
  const list = $('#saved-list');
  fill(list, saved.length ? saved.map((s) => h('option', { value: s.name }, s.name)) : h('option', { value: '' }, 'no saved scenarios'));
  if (select) list.value = select;
  compare.savedChanged(saved);
  if (unavailable) notify('This browser does not allow saving scenarios (storage is switched off).', 'warn');
  for (const c of corrupt) {
    if (reportedCorrupt.has(c.key)) continue;
    reportedCorrupt.add(c.key);
    const remove = h('button', { type: 'button', class: 'button quiet', onclick: () => { storage.remove(c.key); note.remove(); refreshSaved(); } }, 'Remove it');
    const note = notify(`The saved scenario “${c.name}” could not be read (${c.reason}); the other saved scenarios are fine.`, 'warn', remove);
    note.dataset.corrupt = c.name;
  }
  return saved;
}
const reportedCorrupt = new Set();

$('#save').addEventListener('click', async () => {
  if (!needsValid('save')) return;
  const name = storage.cleanName($('#scenario-name').value);
  const before = storage.list().saved.find((s) => s.name === name);
  const existed = Boolean(before);
  if (before && !sameJson(before.scenario, { ...shown.scenario, name })) {
    const replaceIt = await confirmAction({
      title: `Replace the saved “${name}”?`,
      message: `A scenario named “${name}” is already saved in this browser with other inputs. Saving replaces it; to keep both, give this one another name.`,
      action: 'Replace it',
      keep: 'Keep the saved one',
      danger: true,
    });
    if (!replaceIt) return;
  }
  const problem = storage.save(name, { ...shown.scenario, name });
  if (problem) {
    notify(problem, 'error');
    return;
  }
  current.name = name;
  baseline = clone(current);
  refreshSaved(name);
  notify(existed ? `Replaced the saved “${name}” with these inputs.` : `Saved “${name}” in this browser.`);
});

$('#open-saved').addEventListener('click', async () => {
  const name = $('#saved-list').value;
  const entry = storage.list().saved.find((s) => s.name === name);
  if (!entry || !(await okToReplace(`Opening “${name}”`))) return;
  if (openUntrusted(entry.scenario, `The saved scenario “${name}”`, { label: `Open ${name}` })) notify(`Opened “${name}”.`);
});

$('#delete-saved').addEventListener('click', async () => {
  const name = $('#saved-list').value;
  if (!name) return;
  const sure = await confirmAction({
    title: `Delete “${name}”?`,
    message: `The saved scenario “${name}” is removed from this browser. This cannot be undone.`,
    action: 'Delete',
    keep: 'Keep it',
    danger: true,
  });
  if (!sure) return;
  storage.remove(storage.keyOf(name));
  refreshSaved();
  notify(`Deleted “${name}”.`);
});

// --- share, export, import, print, reset ---------------------------------------------

$('#share').addEventListener('click', async () => {
  if (!needsValid('share')) return;
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    notify(share.hasImportedProfile(shown.scenario)
      ? 'Link copied. It carries every input but the imported year of hourly prices (too long for a link): whoever opens it sees the built-in ERCOT 2024 year. Export the JSON file to share the imported year.'
      : 'Link copied. Anyone who opens it sees this scenario and these numbers.');
  } catch {
    const field = h('input', { type: 'text', readonly: true, class: 'share-url', 'aria-label': 'Share link', value: url });
    notify('Copy this link:', 'info', field);
    field.select();
  }
});

$('#export-csv').addEventListener('click', () => {
  if (needsValid('export')) download(`${fileStem(shown.scenario.name)}-cashflows.csv`, 'text/csv', cashFlowCsv(shown.scenario));
});
$('#export-json').addEventListener('click', () => {
  if (needsValid('export')) download(`${fileStem(shown.scenario.name)}.json`, 'application/json', reportJson(shown.scenario, shown.report, version));
});
$('#import').addEventListener('click', () => $('#import-json').click());
$('#import-json').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  e.target.value = '';
  if (!file) return;
  const parsed = parseImport(await file.text());
  if (!parsed.ok) {
    notify(`${file.name} could not be imported: ${parsed.message}`, 'error');
    return;
  }
  if (!(await okToReplace(`Importing ${file.name}`))) return;
  if (openUntrusted(parsed.scenario, file.name, { label: `Import ${file.name}` })) notify(`Imported ${file.name}.`);
});

/** What the next print is: the full report (Ctrl+P too) or, from its button, the board summary. */
let printMode = 'full';

/**
 * Print shows everything: the results' collapsed sections open, light colours in the charts.
 * The board summary keeps one page of it (styles.css, html[data-print="board"]) and adds the
 * risk run and the inputs that differ from the defaults.
 */
function forPrint(on) {
  // Chrome's own PDF export fires these events too; nested calls must not overwrite the state.
  if (on === document.documentElement.hasAttribute('data-print')) return;
  if (on) document.documentElement.dataset.print = printMode;
  else delete document.documentElement.dataset.print;
  const board = on && printMode === 'board';
  if (board) {
    const riskTable = $('#risk .risk-results:not(.stale) table.risk-table');
    fillBoard($('#board-extra'), { scenario: shown.scenario, defaults, presets, riskTable: riskTable ? riskTable.cloneNode(true) : null });
  }
  if (!on) {
    printMode = 'full';
    fill($('#board-extra'));
  }
  for (const d of document.querySelectorAll('#results details')) {
    if (on) {
      d.dataset.openBeforePrint = String(d.open);
      d.open = true;
    } else if (d.dataset.openBeforePrint) {
      d.open = d.dataset.openBeforePrint === 'true';
      delete d.dataset.openBeforePrint;
    }
  }
  // A4 portrait at 12 mm margins is ~700 CSS px wide; the board's chart leaves room for the rest.
  const size = on ? { width: 680, height: board ? 170 : 250 } : null;
  for (const chart of Object.values(charts)) {
    chart.fixSize(size);
    chart.redraw();
  }
  if (on) $('#print-meta').textContent = `Printed ${new Date().toISOString().slice(0, 10)} from minepivot ${version}. This scenario: ${location.href}`;
}
window.addEventListener('beforeprint', () => forPrint(true));
window.addEventListener('afterprint', () => forPrint(false));
$('#print').addEventListener('click', () => {
  flush();
  printMode = 'full';
  window.print();
});
$('#print-board').addEventListener('click', () => {
  flush();
  printMode = 'board';
  window.print();
});

$('#reset').addEventListener('click', async () => {
  if (!(await okToReplace('Reset'))) return;
  replace(defaults, 'Reset');
  notify('Back to the default scenario.');
});

// --- years table and compare ----------------------------------------------------------

$('#years-view').addEventListener('change', () => shown && renderYears($('#years'), shown.report, $('#years-view').value));

// The current inputs are compared as typed: a keystroke still waiting for its evaluation counts.
const compare = createCompare($('#compare-panel'), {
  current: () => {
    flush();
    return clone(current);
  },
  samples: () => presets?.sampleSites ?? [],
});

// --- colour scheme --------------------------------------------------------------------

const dark = window.matchMedia('(prefers-color-scheme: dark)');
function applyScheme() {
  document.documentElement.dataset.scheme = dark.matches ? 'dark' : 'light';
  charts.cashflow.redraw();
  charts.hashprice.redraw();
  charts.duration.redraw();
  risk?.redraw();
}
dark.addEventListener('change', applyScheme);
document.documentElement.dataset.scheme = dark.matches ? 'dark' : 'light';

// --- start ----------------------------------------------------------------------------

function openFromHash() {
  const link = share.decode(location.hash);
  if (link.kind === 'error') {
    notify(`${link.message} Showing the default scenario instead.`, 'error');
    writeHash();
    return false;
  }
  if (link.kind === 'ok') {
    const missing = share.restoreProfile(link.partial, link.meta);
    // The browser made the history entry already (a link typed, pasted or followed).
    if (openUntrusted(link.partial, 'The shared link', { label: 'Open a link', push: false })) {
      if (missing) notify(missing, 'info');
      return true;
    }
    writeHash();
  }
  return false;
}

/**
 * Back and Forward: the entry's state holds the scenario it showed (written by writeHash); an
 * entry without one is a link typed or pasted into this tab. Either way the change is one
 * undo step, so Ctrl+Z after Back returns too.
 */
window.addEventListener('popstate', (e) => {
  if (!form) return;
  const kept = e.state?.scenario;
  if (!kept) {
    // A link pasted into this tab: open it unless it is the hash this page just wrote.
    if (!(shown && location.hash === share.encode(shown.scenario, defaults))) openFromHash();
    return;
  }
  const upgraded = engine.upgrade(kept);
  if (upgraded.ok) replace(upgraded.scenario, 'Back', { push: false });
});

/**
 * The answer first: the scenario of the link (or the default) is evaluated and its verdict
 * and cards drawn before anything else; the form, charts and tables follow after that paint.
 */
function start() {
  const link = share.decode(location.hash);
  let note = link.kind === 'error' ? `${link.message} Showing the default scenario instead.` : '';
  // A link made with an imported year this tab no longer keeps: said, not an error.
  let missing = '';
  let result = null;
  if (link.kind === 'ok') {
    // A link holds what differs from the defaults of its schemaVersion: completed with those.
    missing = share.restoreProfile(link.partial, link.meta);
    const upgraded = engine.upgrade(link.partial);
    result = upgraded.ok ? engine.evaluate(upgraded.scenario) : upgraded;
    if (result.ok) current = upgraded.scenario;
    else note = `The shared link could not be opened: ${errorSummary(result.errors)}. Showing the default scenario instead.`;
  }
  if (note) history.replaceState(null, '', `${location.pathname}${location.search}`);
  if (!result || !result.ok) result = engine.evaluate(current);
  $('#loading').remove();
  if (!result.ok) {
    // The embedded default is valid by construction (a core test checks it): this is a bug.
    notify(`The calculator could not start: ${errorSummary(result.errors)}`, 'error');
    return;
  }
  shown = { scenario: clone(current), report: result.report };
  baseline = clone(current);
  history.replaceState({ scenario: shown.scenario }, '', location.href);
  drawSummary();
  // Time to first numbers, read by the browser tests (issue 8 target: ≤ 300 ms on localhost).
  performance.mark('minepivot:first-numbers');
  requestAnimationFrame(() => setTimeout(() => {
    buildForm();
    drawDetails();
    risk = createRiskPanel({ root: $('#risk'), scenario: () => shown.scenario, sources: presets.riskOptionSources });
    if (note) notify(note, 'error');
    else if (missing) notify(missing, 'info');
    $('#version').textContent = version ? `Core version ${version}.` : '';
    refreshSaved();
    showUndoState();
    keepScrollersFocusable($('#results'));
    document.documentElement.dataset.ready = 'true';
    registerOffline();
  }, 0));
}

/**
 * The offline app: a service worker (vite-plugin-pwa, Workbox) precaches every asset of the
 * build, so the page, the methodology and the risk worker load with no network. A new version
 * waits until the person reloads from its notice, so nothing typed is lost mid-edit.
 */
function registerOffline() {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh() {
      notify('A new version of minepivot is ready.', 'update',
        h('button', { type: 'button', class: 'button', id: 'reload-new-version', onclick: () => update(true) }, 'Reload to update'));
    },
    onOfflineReady() {
      // Said quietly in the footer, not as a notice: it is news once, not an event to act on.
      document.documentElement.dataset.offline = 'ready';
      $('#offline').textContent = 'Works offline on this device.';
    },
  });
}

start();
