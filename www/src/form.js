// The input form: built from the field list in fields.js, written from a scenario, read one
// change at a time, and marked with the core's error messages by field path. Every input
// carries a visible label with its unit and, on hover and on keyboard focus, where its
// default comes from and how old that figure is.

import { h, fill, $, $$, sourceLink } from './dom.js';
import { curveFromCsv, profileFromCsv } from 'minepivot';
import { GROUPS, FLEET_COLUMNS, PHASE_COLUMNS, advancedOf } from './fields.js';
import { getPath, parsePath } from './state.js';
import { num, plain, usdExact } from './format.js';

const idFor = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function formatDefault(value, unit) {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return `${plain(value)}${unit ? ` ${unit}` : ''}`;
  if (typeof value === 'string') return value;
  return '';
}

/** The lines of a field's tip: default, source, as-of date, an "estimate" badge and a link. */
export function tipContent(source, defaultText, fallback) {
  const parts = [];
  if (defaultText) parts.push(h('span', { class: 'tip-default' }, `Default: ${defaultText}`));
  if (source) {
    parts.push(h('span', { class: 'tip-source' }, source.source));
    parts.push(
      h('span', { class: 'tip-meta' }, `as of ${source.asOf}`, source.estimate ? h('span', { class: 'badge estimate' }, 'estimate') : null,
        sourceLink(source.url)),
    );
  } else if (fallback) {
    parts.push(h('span', { class: 'tip-source' }, fallback));
  }
  return parts;
}

export function createForm({ root, presets, defaults, onChange }) {
  const sources = new Map(presets.sources.map((s) => [s.field, s]));
  const asics = new Map(presets.asics.map((a) => [a.model, a]));
  const optionLists = {
    cooling: presets.cooling.map((c) => [c.id, `${c.label} (up to ${num(c.maxRackDensityKw)} kW/rack)`]),
    gpuSystems: presets.gpuSystems.map((g) => [g.id, g.label]),
  };
  let fleetBox = null;
  let fleetSummary = null;
  let fleet = [];
  let phasesBox = null;
  let phases = [];
  /** Each curve editor by path: its box, and how to show a curve in it. */
  const curves = new Map();
  const library = presets.costLibrary;
  /** The scenario's cost overrides as last written or read, in the form's order. */
  let overrides = [];

  function tipFor(path, unit) {
    const tip = h('span', { class: 'tip', id: `${idFor(path)}-tip`, role: 'tooltip' });
    fill(tip, tipContent(sources.get(path), formatDefault(getPath(defaults, path), unit), 'No default source: your own figure.'));
    return tip;
  }

  function control(field) {
    const id = idFor(field.path);
    const describedBy = `${id}-tip ${id}-err`;
    const common = { id, 'aria-describedby': describedBy, dataset: { path: field.path, kind: field.kind } };
    switch (field.kind) {
      case 'select': {
        const options = typeof field.options === 'string' ? optionLists[field.options] : field.options;
        return h('select', common, options.map(([value, label]) => h('option', { value }, label)));
      }
      case 'check':
        return h('input', { ...common, type: 'checkbox' });
      case 'month':
        return h('input', { ...common, type: 'month', pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM' });
      case 'date':
        return h('input', { ...common, type: 'date' });
      case 'text':
        return h('input', { ...common, type: 'text', maxlength: 200 });
      default:
        return h('input', {
          ...common,
          type: 'number',
          inputmode: field.kind === 'int' ? 'numeric' : 'decimal',
          step: field.step,
          min: field.min,
          max: field.max,
        });
    }
  }

  function fieldRow(field) {
    const input = control(field);
    const id = input.id;
    const error = h('span', { class: 'error', id: `${id}-err`, hidden: true });
    if (field.kind === 'check') {
      return h('div', { class: 'field check', dataset: { for: field.path } },
        h('label', { for: id }, input, h('span', {}, field.label)),
        tipFor(field.path), error);
    }
    return h('div', { class: `field${field.kind === 'select' ? ' wide' : ''}`, dataset: { for: field.path } },
      h('label', { for: id }, field.label, field.unit ? h('span', { class: 'unit' }, field.unit) : null),
      input, tipFor(field.path, field.unit), error);
  }

  // --- the fleet: one editable line per ASIC model, lines added from presets ------------

  function fleetTip(path, line, key, unit) {
    const tip = h('span', { class: 'tip', id: `${idFor(path)}-tip`, role: 'tooltip' });
    const preset = asics.get(line.model);
    const pathSource = sources.get(path);
    const defaultLine = getPath(defaults, path.replace(/\.[A-Za-z]+$/, ''));
    const isDefaultLine = defaultLine && defaultLine.model === line.model;
    if (key === 'model' || key === 'hashrateThs' || key === 'efficiencyJPerTh') {
      if (preset) {
        const spec = `${preset.model}: ${num(preset.hashrateThs)} TH/s, ${num(preset.powerW)} W, ${preset.efficiencyJPerTh} J/TH (${preset.cooling}) — ${preset.source}`;
        fill(tip, tipContent({ source: spec, asOf: preset.asOf, estimate: false, url: preset.url }, '', ''));
      } else {
        fill(tip, tipContent(isDefaultLine ? pathSource : null, '', 'A model not in the presets: your own figures.'));
      }
    } else {
      const defText = isDefaultLine ? formatDefault(getPath(defaults, path), unit) : '';
      fill(tip, tipContent(isDefaultLine ? pathSource : null, defText, 'Your own count of machines.'));
    }
    return tip;
  }

  function fleetField(index, line, col) {
    const path = `mining.fleet[${index}].${col.key}`;
    const id = idFor(path);
    const input = col.kind === 'text'
      ? h('input', { id, type: 'text', maxlength: 200, 'aria-describedby': `${id}-tip ${id}-err`, dataset: { path, kind: 'text' } })
      : h('input', { id, type: 'number', step: col.step, min: col.min, max: col.max, inputmode: col.kind === 'int' ? 'numeric' : 'decimal',
        'aria-describedby': `${id}-tip ${id}-err`, dataset: { path, kind: col.kind } });
    const value = line[col.key];
    input.value = value === null || value === undefined ? '' : String(value);
    return h('div', { class: `field fleet-${col.key}`, dataset: { for: path } },
      h('label', { for: id }, col.label, col.unit ? h('span', { class: 'unit' }, col.unit) : null),
      input, fleetTip(path, line, col.key, col.unit), h('span', { class: 'error', id: `${id}-err`, hidden: true }));
  }

  function renderFleet() {
    const lines = fleet.map((line, index) => {
      const path = `mining.fleet[${index}]`;
      const remove = h('button', {
        type: 'button', class: 'icon-button remove-line',
        'aria-label': `Remove fleet line ${index + 1}`,
        title: 'Remove this line',
        onclick: () => {
          fleet = fleet.filter((_, i) => i !== index);
          onChange('mining.fleet', structuredClone(fleet));
          renderFleet();
        },
      }, '×');
      return h('div', { class: 'fleet-line', dataset: { for: path } },
        fleetField(index, line, { key: 'model', label: 'Model', kind: 'text' }),
        FLEET_COLUMNS.map((col) => fleetField(index, line, col)),
        remove,
        h('span', { class: 'error line-error', id: `${idFor(path)}-err`, hidden: true }));
    });
    fill($('.fleet-lines', fleetBox), lines.length ? lines : h('p', { class: 'muted' }, 'No machines: the mining pathway earns nothing.'));
  }

  function fleetEditor() {
    const select = h('select', { id: 'fleet-add-model', 'aria-label': 'ASIC model to add' },
      presets.asics.map((a) => h('option', { value: a.model }, `${a.model} — ${num(a.hashrateThs)} TH/s, ${a.efficiencyJPerTh} J/TH`)));
    const add = h('button', {
      type: 'button', class: 'button',
      onclick: () => {
        const preset = asics.get(select.value);
        if (!preset) return;
        fleet = [...fleet, { model: preset.model, units: 1000, hashrateThs: preset.hashrateThs, efficiencyJPerTh: preset.efficiencyJPerTh }];
        onChange('mining.fleet', structuredClone(fleet));
        renderFleet();
        $(`#${idFor(`mining.fleet[${fleet.length - 1}].units`)}`, root)?.focus();
      },
    }, 'Add line');
    fleetSummary = h('p', { class: 'fleet-summary', 'aria-live': 'polite' });
    fleetBox = h('div', { class: 'fleet', dataset: { for: 'mining.fleet' } },
      h('div', { class: 'fleet-head' }, h('span', { class: 'fleet-title' }, 'ASIC fleet'), h('span', { class: 'error', id: `${idFor('mining.fleet')}-err`, hidden: true })),
      h('div', { class: 'fleet-lines' }),
      h('div', { class: 'fleet-add' }, h('label', { for: 'fleet-add-model' }, 'Add machines'), select, add),
      fleetSummary);
    return fleetBox;
  }

  // --- unit costs: the cost library, each one replaceable by a quote --------------------

  const costId = (item) => `cost-${item.replace(/[^A-Za-z0-9]+/g, '-')}`;

  function costField(item) {
    const id = costId(item.id);
    const input = h('input', {
      id, type: 'number', inputmode: 'decimal', min: 0, step: 'any',
      'aria-describedby': `${id}-tip ${id}-err`, dataset: { kind: 'cost', item: item.id },
    });
    const tip = h('span', { class: 'tip', id: `${id}-tip`, role: 'tooltip' });
    fill(tip, tipContent(item, `${usdExact(item.unitCostUsd)} per ${item.unit}`, ''));
    return h('div', { class: 'field', dataset: { for: `cost:${item.id}` } },
      h('label', { for: id }, item.label, h('span', { class: 'unit' }, `USD per ${item.unit}`)),
      input, tip, h('span', { class: 'error', id: `${id}-err`, hidden: true }));
  }

  function costEditor() {
    const categories = [...new Set(library.map((c) => c.category))];
    const reset = h('button', {
      type: 'button', class: 'button quiet',
      onclick: () => {
        for (const input of $$('input[data-kind="cost"]', root)) {
          const item = library.find((c) => c.id === input.dataset.item);
          input.value = item ? String(item.unitCostUsd) : '';
        }
        overrides = [];
        onChange('retrofit.costOverrides', []);
      },
    }, 'Back to the library’s costs');
    return h('div', { class: 'costs' },
      h('p', { class: 'muted' }, 'Each line of the bill is quantity × unit cost. A cost you change here replaces the library’s in every pathway and is marked “your cost” on the bill.'),
      categories.map((cat) => h('fieldset', { class: 'cost-group' }, h('legend', {}, cat),
        library.filter((c) => c.category === cat).map(costField))),
      reset);
  }

  /** The overrides the cost inputs describe: every value that is not the library's. */
  function readOverrides() {
    const list = [];
    for (const input of $$('input[data-kind="cost"]', root)) {
      const item = library.find((c) => c.id === input.dataset.item);
      const text = input.value.trim();
      const value = text === '' ? null : Number(text);
      if (!item || value !== item.unitCostUsd) list.push({ item: input.dataset.item, unitCostUsd: value });
    }
    return list;
  }

  // --- the phases: one editable line per phase of the conversion -----------------------

  function phaseField(index, phase, col) {
    const path = `retrofit.phases[${index}].${col.key}`;
    const id = idFor(path);
    const input = h('input', { id, type: 'number', step: col.step, min: col.min, max: col.max, inputmode: col.kind === 'int' ? 'numeric' : 'decimal',
      'aria-describedby': `${id}-tip ${id}-err`, dataset: { path, kind: col.kind } });
    const value = phase[col.key];
    input.value = value === null || value === undefined ? '' : String(value);
    const tip = h('span', { class: 'tip', id: `${id}-tip`, role: 'tooltip' });
    const isDefault = index === 0 && (defaults.retrofit?.phases || []).length > 0;
    fill(tip, tipContent(sources.get(path), isDefault ? formatDefault(getPath(defaults, path), col.unit) : '', 'Your own phase.'));
    return h('div', { class: `field phase-${col.key}`, dataset: { for: path } },
      h('label', { for: id }, col.label, col.unit ? h('span', { class: 'unit' }, col.unit) : null),
      input, tip, h('span', { class: 'error', id: `${id}-err`, hidden: true }));
  }

  function renderPhases() {
    const lines = phases.map((phase, index) => {
      const path = `retrofit.phases[${index}]`;
      const remove = phases.length > 1 ? h('button', {
        type: 'button', class: 'button quiet remove', 'aria-label': `Remove phase ${index + 1}`,
        onclick() {
          // Its share goes back to the phase before it (to the next one for the first).
          const heir = index > 0 ? index - 1 : 1;
          phases = phases.map((p, i) => (i === heir ? { ...p, sharePct: Math.round((p.sharePct + phases[index].sharePct) * 1e6) / 1e6 } : p))
            .filter((_, i) => i !== index);
          onChange('retrofit.phases', structuredClone(phases));
          renderPhases();
        },
      }, '×') : null;
      return h('div', { class: 'phase-line', dataset: { for: path } },
        h('span', { class: 'phase-title' }, `Phase ${index + 1}`),
        PHASE_COLUMNS.map((col) => phaseField(index, phase, col)), remove,
        h('span', { class: 'error', id: `${idFor(path)}-err`, hidden: true }));
    });
    fill($('.phase-lines', phasesBox), lines);
  }

  function phasesEditor() {
    const add = h('button', {
      type: 'button', class: 'button', id: 'phase-add',
      onclick() {
        // A new phase starts where the last one is commissioned and takes half of its share,
        // so the shares still sum to what they did.
        const last = phases[phases.length - 1] || { sharePct: 100, constructionStartMonth: 0, buildMonths: 12, rampMonths: 6 };
        const half = Math.round(last.sharePct * 50) / 100;
        phases = [...phases.slice(0, -1), { ...last, sharePct: last.sharePct - half },
          { ...last, sharePct: half, constructionStartMonth: last.constructionStartMonth + last.buildMonths }];
        onChange('retrofit.phases', structuredClone(phases));
        renderPhases();
        $(`#${idFor(`retrofit.phases[${phases.length - 1}].sharePct`)}`, root)?.focus();
      },
    }, 'Add a phase');
    phasesBox = h('div', { class: 'phases', dataset: { for: 'retrofit.phases' } },
      h('div', { class: 'fleet-head' }, h('span', { class: 'fleet-title' }, 'Phases (shares sum to 100 %)'),
        h('span', { class: 'error', id: `${idFor('retrofit.phases')}-err`, hidden: true })),
      h('div', { class: 'phase-lines' }),
      h('div', { class: 'fleet-add' }, add));
    return phasesBox;
  }

  // --- the curves: pasted or imported CSV, read and checked by the core ---------------------

  const curveText = (points) => points.map((p) => `${p.month},${p.value}`).join('\n');

  function curveSummary(field, points) {
    if (!points.length) {
      return field.path === 'bitcoin.hashpriceCurve'
        ? 'No curve: the hashprice is derived from the BTC price, the subsidy and fees, and the network hashrate.'
        : 'No curve: the value above and its growth (or the network model) make the path.';
    }
    const values = points.map((p) => p.value);
    const first = points[0].month;
    const last = points[points.length - 1].month;
    const covers = field.path === 'bitcoin.hashpriceCurve'
      ? `; it replaces the derived hashprice up to ${last}, which is derived again after it`
      : `; after ${last} the growth settings go on from its last value`;
    return `${points.length} point${points.length === 1 ? '' : 's'} from ${first} to ${last}, ${plain(Math.min(...values))} to ${plain(Math.max(...values))} ${field.unit}${covers}.`;
  }

  function curveEditor(field) {
    const id = idFor(field.path);
    const textarea = h('textarea', { id, rows: 4, spellcheck: 'false', placeholder: 'month,value\n2027-01,41.5\n2027-06,38.0',
      'aria-describedby': `${id}-summary ${id}-err`, dataset: { curve: field.path } });
    const summary = h('p', { class: 'curve-summary', id: `${id}-summary` });
    const error = h('span', { class: 'error', id: `${id}-err`, hidden: true, role: 'status' });
    const box = h('div', { class: 'curve', dataset: { for: field.path } });
    const show = (points) => {
      textarea.value = curveText(points);
      summary.textContent = curveSummary(field, points);
    };
    const refuse = (message) => {
      box.classList.add('invalid');
      error.textContent = message;
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
    };
    const use = (text) => {
      box.classList.remove('invalid');
      error.hidden = true;
      error.textContent = '';
      textarea.removeAttribute('aria-invalid');
      if (text.trim() === '') {
        show([]);
        onChange(field.path, []);
        return;
      }
      try {
        const points = curveFromCsv(field.path, text);
        show(points);
        onChange(field.path, points);
      } catch (e) {
        // Nothing is read from a file with a problem: the curve in use stays as it was.
        refuse(e.errors ? e.errors.map((x) => x.message).join(' ') : String(e.message || e));
      }
    };
    const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', hidden: true, id: `${id}-file`,
      async onchange() {
        const chosen = file.files?.[0];
        file.value = '';
        if (!chosen) return;
        // The core refuses more than 64 KB by length; a file far larger is not even read.
        if (chosen.size > 1024 * 1024) {
          refuse(`${chosen.name} is ${Math.ceil(chosen.size / 1024)} KB; a curve's CSV may be at most 64 KB (600 rows).`);
          return;
        }
        use(await chosen.text());
      } });
    fill(box,
      h('div', { class: 'fleet-head' }, h('label', { class: 'fleet-title', for: id }, field.label, h('span', { class: 'unit' }, `${field.unit}, one "YYYY-MM,value" row a month`))),
      summary, textarea, error,
      h('div', { class: 'fleet-add' },
        h('button', { type: 'button', class: 'button', onclick: () => use(textarea.value) }, 'Use these points'),
        h('button', { type: 'button', class: 'button', onclick: () => file.click() }, 'Import CSV…'), file,
        h('button', { type: 'button', class: 'button quiet', onclick: () => use('') }, 'Clear')));
    curves.set(field.path, { show });
    show([]);
    return box;
  }

  /** The imported year of hourly prices: its summary, an import button and a clear. */
  let profileBox = null;
  function profileSummary(hours, name) {
    if (!hours.length) return 'No year imported: choose a built-in ERCOT year above, or import an ISO\'s hourly CSV (timestamp with its offset, …, price in USD/MWh).';
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let negative = 0;
    for (const x of hours) {
      sum += x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      if (x < 0) negative += 1;
    }
    return `${name || 'Imported year'}: ${num(hours.length)} hours, average ${usdExact(sum / hours.length, 2)}/MWh, from ${usdExact(lo, 2)} to ${usdExact(hi, 2)}${negative ? `, ${num(negative)} negative` : ''}.`;
  }

  function profileEditor(field) {
    const id = idFor(field.path);
    const summary = h('p', { class: 'curve-summary', id: `${id}-summary`, role: 'status' });
    const error = h('span', { class: 'error', id: `${id}-err`, hidden: true, role: 'status' });
    const box = h('div', { class: 'curve profile', dataset: { for: field.path } });
    const show = (hours, name) => {
      summary.textContent = profileSummary(hours, name);
    };
    const refuse = (message) => {
      box.classList.add('invalid');
      error.textContent = message;
      error.hidden = false;
    };
    const choose = (path, value) => {
      const select = $$('[data-path]', root).find((el) => el.dataset.path === path);
      if (select) select.value = value;
      onChange(path, value);
    };
    const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', hidden: true, id: `${id}-file`,
      'aria-label': `${field.label}: CSV file`,
      async onchange() {
        const chosen = file.files?.[0];
        file.value = '';
        if (!chosen) return;
        box.classList.remove('invalid');
        error.hidden = true;
        // The core refuses more than 2.5 MB by length; a file far larger is not even read.
        if (chosen.size > 8 * 1024 * 1024) {
          refuse(`${chosen.name} is ${num(Math.ceil(chosen.size / (1024 * 1024)))} MB; a year of hourly prices may be at most 2.5 MB.`);
          return;
        }
        try {
          const year = profileFromCsv(chosen.name, await chosen.text());
          const name = `${year.name} (${year.year})`;
          show(year.hours, name);
          onChange('power.importedProfileName', name);
          onChange(field.path, year.hours);
          choose('power.profile', 'imported');
          choose('power.pricing', 'hourly');
        } catch (e) {
          // Nothing is read from a file with a problem: the profile in use stays as it was.
          refuse(e.errors ? e.errors.map((x) => x.message).join(' ') : String(e.message || e));
        }
      } });
    fill(box,
      h('div', { class: 'fleet-head' }, h('span', { class: 'fleet-title', id: `${id}-title` }, field.label),
        h('span', { class: 'unit' }, 'one year, hour by hour, read in UTC')),
      summary, error,
      h('div', { class: 'fleet-add' },
        h('button', { type: 'button', class: 'button', 'aria-describedby': `${id}-summary`, onclick: () => file.click() }, 'Import hourly CSV…'), file,
        h('button', { type: 'button', class: 'button quiet', onclick() {
          box.classList.remove('invalid');
          error.hidden = true;
          show([], '');
          onChange('power.importedProfileName', '');
          onChange(field.path, []);
          if (getPath(current(), 'power.profile') === 'imported') choose('power.profile', 'ercot2024');
        } }, 'Clear')));
    profileBox = { show };
    show([], '');
    return box;
  }
  /** The scenario as last written into the form (for the profile editor's Clear). */
  let written = {};
  const current = () => written;

  // --- find an input ------------------------------------------------------------------

  /**
   * A search over the inputs: every word typed must appear in an input's label, unit, group
   * or path. Matching inputs show with their groups opened, the rest hide; clearing the box
   * (or Escape) restores the groups as they were. With ~120 inputs behind collapsed groups,
   * this is how "where is the loan's tenor?" is answered.
   */
  function inputSearch() {
    const id = 'input-search';
    const box = h('input', { type: 'search', id, autocomplete: 'off', spellcheck: 'false', placeholder: 'lease, debt, hashrate…', 'aria-describedby': `${id}-count` });
    const count = h('p', { class: 'search-count', id: `${id}-count`, role: 'status' });
    /** Each searchable row: a field, or an editor (the fleet, the phases, a curve, the costs). */
    const items = () => $$('.fields > *', root).map((el) => {
      const advanced = el.closest('details.advanced')?.querySelector(':scope > summary')?.textContent ?? '';
      const group = el.closest('details.group')?.querySelector(':scope > summary')?.textContent ?? '';
      const label = el.querySelector('label')?.textContent ?? el.querySelector('h3, legend, summary, p')?.textContent ?? '';
      return { el, text: `${label} ${el.dataset.for ?? ''} ${advanced} ${group}`.toLowerCase() };
    });
    let opened = null;
    function run() {
      const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      const all = $$('details.group, details.advanced', root);
      if (words.length === 0) {
        for (const el of $$('.search-hidden', root)) el.classList.remove('search-hidden');
        if (opened) for (const [d, open] of opened) d.open = open;
        opened = null;
        count.textContent = '';
        return;
      }
      opened ??= new Map(all.map((d) => [d, d.open]));
      let found = 0;
      for (const { el, text } of items()) {
        const hit = words.every((w) => text.includes(w));
        el.classList.toggle('search-hidden', !hit);
        if (hit) found++;
      }
      for (const d of all) {
        const hit = $$('.fields > *', d).some((el) => !el.classList.contains('search-hidden'));
        d.classList.toggle('search-hidden', !hit);
        d.open = hit;
      }
      count.textContent = found ? (found === 1 ? '1 input matches' : `${found} inputs match`) : `No input matches “${box.value.trim()}”.`;
    }
    box.addEventListener('input', run);
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && box.value) {
        e.preventDefault();
        box.value = '';
        run();
      }
    });
    return h('div', { class: 'input-search', role: 'search' }, h('label', { for: id }, 'Find an input'), box, count);
  }

  // --- build -------------------------------------------------------------------------

  const groups = GROUPS.map((g) => {
    const body = g.fields.map((f) => (f.kind === 'fleet' ? fleetEditor() : f.kind === 'phases' ? phasesEditor()
      : f.kind === 'profile' ? profileEditor(f) : fieldRow(f)));
    const advanced = advancedOf(g).map((a) => h('details', { class: 'advanced' }, h('summary', {}, a.title),
      h('div', { class: 'fields' }, a.kind === 'costs' ? costEditor() : a.fields.map((f) => (f.kind === 'curve' ? curveEditor(f) : fieldRow(f))))));
    return h('details', { class: 'group', id: `group-${g.id}`, open: g.open || false },
      h('summary', {}, h('h2', {}, g.title)),
      h('div', { class: 'fields' }, body), advanced);
  });
  const general = h('div', { class: 'form-errors', id: 'form-errors', role: 'alert', hidden: true });
  fill(root, inputSearch(), general, groups);

  // --- read one change ---------------------------------------------------------------

  function readInput(input) {
    switch (input.dataset.kind) {
      case 'check':
        return input.checked;
      case 'number':
      case 'int': {
        // An empty or unreadable number goes to the core as null: it answers with a message
        // naming the field ("must be a number"), like every other problem.
        const text = input.value.trim();
        return text === '' ? null : Number(text);
      }
      default:
        return input.value;
    }
  }

  root.addEventListener('input', (event) => {
    if (event.target.dataset?.kind === 'cost') {
      overrides = readOverrides();
      onChange('retrofit.costOverrides', structuredClone(overrides));
      return;
    }
    const input = event.target.closest('[data-path]');
    if (!input || !root.contains(input) || !input.matches('input, select')) return;
    const value = readInput(input);
    const parts = parsePath(input.dataset.path);
    if (parts && parts[0] === 'retrofit' && parts[1] === 'phases' && typeof parts[2] === 'number') {
      phases[parts[2]] = { ...phases[parts[2]], [parts[3]]: value };
    }
    if (parts && parts[0] === 'mining' && parts[1] === 'fleet' && typeof parts[2] === 'number') {
      fleet[parts[2]] = { ...fleet[parts[2]], [parts[3]]: value };
      if (parts[3] === 'model') {
        // A new model name changes which preset the tips cite.
        for (const key of ['model', 'hashrateThs', 'efficiencyJPerTh']) {
          const p = `mining.fleet[${parts[2]}].${key}`;
          $(`#${idFor(p)}-tip`, root)?.replaceWith(fleetTip(p, fleet[parts[2]], key));
        }
      }
    }
    onChange(input.dataset.path, value);
  });
  // Selects and checkboxes fire `change` as well; `input` covers them in current browsers.

  // --- write a whole scenario ----------------------------------------------------------

  function set(scenario) {
    written = scenario;
    const hours = getPath(scenario, 'power.importedProfile');
    profileBox?.show(Array.isArray(hours) ? hours : [], getPath(scenario, 'power.importedProfileName') || '');
    for (const input of $$('[data-path]', root)) {
      if (!input.matches('input, select') || input.closest('.fleet, .phases')) continue;
      const value = getPath(scenario, input.dataset.path);
      if (input.type === 'checkbox') input.checked = Boolean(value);
      else input.value = value === null || value === undefined ? '' : String(value);
    }
    fleet = structuredClone(Array.isArray(scenario.mining?.fleet) ? scenario.mining.fleet : []);
    renderFleet();
    phases = structuredClone(Array.isArray(scenario.retrofit?.phases) ? scenario.retrofit.phases : []);
    renderPhases();
    for (const [path, editor] of curves) {
      const points = getPath(scenario, path);
      editor.show(Array.isArray(points) ? points : []);
    }
    overrides = structuredClone(Array.isArray(scenario.retrofit?.costOverrides) ? scenario.retrofit.costOverrides : []);
    for (const input of $$('input[data-kind="cost"]', root)) {
      const own = overrides.find((o) => o.item === input.dataset.item);
      const item = library.find((c) => c.id === input.dataset.item);
      const value = own ? own.unitCostUsd : item?.unitCostUsd;
      input.value = value === null || value === undefined ? '' : String(value);
    }
  }

  // --- errors --------------------------------------------------------------------------

  function clearErrors() {
    for (const el of $$('.field.invalid, .fleet-line.invalid, .fleet.invalid, .phase-line.invalid, .phases.invalid, .curve.invalid', root)) el.classList.remove('invalid');
    for (const el of $$('[aria-invalid]', root)) el.removeAttribute('aria-invalid');
    for (const el of $$('.error', root)) {
      el.hidden = true;
      el.textContent = '';
    }
    general.hidden = true;
    general.replaceChildren();
  }

  /** The form element that shows errors for `path`, or its nearest marked ancestor. */
  function targetFor(path) {
    // An override is shown on its cost-library item's input, wherever it sits in the list.
    const cost = /^retrofit\.costOverrides\[(\d+)\]/.exec(path);
    if (cost && overrides[Number(cost[1])]) {
      const box = $$('[data-for]', root).find((el) => el.dataset.for === `cost:${overrides[Number(cost[1])].item}`);
      if (box) return box;
    }
    let p = path;
    while (p) {
      const box = $$('[data-for]', root).find((el) => el.dataset.for === p);
      if (box) return box;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return null;
  }

  /** Marks each error beside its field; errors with no field are listed above the form. */
  function markErrors(errors) {
    clearErrors();
    const unplaced = [];
    let first = null;
    for (const e of errors) {
      const box = e.field ? targetFor(e.field) : null;
      if (!box) {
        unplaced.push(e);
        continue;
      }
      box.classList.add('invalid');
      const msgEl = $$('.error', box).find((el) => el.closest('[data-for]') === box);
      if (msgEl) {
        const exact = box.dataset.for === e.field || box.dataset.for.startsWith('cost:');
        const text = exact ? e.message : `${e.field.slice(box.dataset.for.length).replace(/^\./, '')}: ${e.message}`;
        msgEl.textContent = msgEl.textContent ? `${msgEl.textContent} ${text}` : text;
        msgEl.hidden = false;
      }
      const input = $$('input, select', box).find((el) => el.dataset.path === e.field) || $('input, select', box);
      input?.setAttribute('aria-invalid', 'true');
      for (let d = box.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
      first ??= box;
    }
    if (unplaced.length) {
      fill(general, h('p', {}, 'The scenario has problems:'),
        h('ul', {}, unplaced.map((e) => h('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))));
      general.hidden = false;
    }
    return first;
  }

  /** A person's name for a field path: "Site · Grid capacity", "Fleet line 2 · Units". */
  function labelOf(path) {
    const fleetLine = /^mining\.fleet\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (fleetLine) {
      const col = FLEET_COLUMNS.find((c) => c.key === fleetLine[2]);
      return `ASIC fleet line ${Number(fleetLine[1]) + 1}${fleetLine[2] ? ` · ${col ? col.label : fleetLine[2]}` : ''}`;
    }
    const phase = /^retrofit\.phases\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (phase) {
      const col = PHASE_COLUMNS.find((c) => c.key === phase[2]);
      return `Retrofit phase ${Number(phase[1]) + 1}${phase[2] ? ` · ${col ? col.label : phase[2]}` : ''}`;
    }
    const curve = /^bitcoin\.(\w+Curve)\[(\d+)\]/.exec(path);
    if (curve) {
      const f = advancedOf(GROUPS.find((g) => g.id === 'bitcoin')).flatMap((a) => a.fields).find((x) => x.path === `bitcoin.${curve[1]}`);
      return `${f ? f.label : curve[1]} · point ${Number(curve[2]) + 1}`;
    }
    const cost = /^retrofit\.costOverrides\[(\d+)\]/.exec(path);
    if (cost && overrides[Number(cost[1])]) {
      const item = library.find((c) => c.id === overrides[Number(cost[1])].item);
      return `Unit cost · ${item ? item.label : overrides[Number(cost[1])].item}`;
    }
    for (const g of GROUPS) {
      const f = [...g.fields, ...advancedOf(g).flatMap((a) => a.fields)].find((x) => x.path === path);
      if (f) return `${g.title} · ${f.label}`;
    }
    return path;
  }

  /** Moves the keyboard focus to the first marked input (and scrolls it into view). */
  function focusFirstError() {
    const input = $('[aria-invalid="true"]', root);
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
  }

  /** The fleet's size against the grid, from the core's sizing. */
  function showFleetSummary(site) {
    if (!fleetSummary) return;
    if (!site) {
      fleetSummary.textContent = '';
      return;
    }
    fleetSummary.textContent = `Fleet: ${num(site.fleetPh)} PH/s · ${num(site.fleetItMw, 1)} MW of ASICs · ${num(site.fleetFacilityMw, 1)} MW at the mining PUE, of ${num(site.gridCapacityMw, 1)} MW grid`;
  }

  return { set, markErrors, clearErrors, showFleetSummary, labelOf, focusFirstError };
}
