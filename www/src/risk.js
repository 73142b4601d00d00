// The risk panel: the core's Monte Carlo (`risk(scenario, options)`) run in the Web Worker,
// so typing and scrolling never wait for 10,000 paths. Its inputs, a Run button, a progress
// bar while the worker computes, then per pathway P10 / P50 / P90 NPV, the probability each
// AI pathway beats mining, an NPV histogram (uPlot, shared bins) and the core's notes.
// Every number comes from the core's RiskReport; this module only lays them out.
//
// Once a person has run it, a change of the scenario or of an option dims the results and
// reruns after a pause (debounced), one run at a time: a change during a run queues one
// more run, never a pile of them.

import uPlot from 'uplot';
import { h, fill, $, $$ } from './dom.js';
import { inWorker, cancelWorker } from './engine.js';
import { tipContent } from './form.js';
import { usd, usdTick, pct, num, plain } from './format.js';
import { PATHWAY_STYLE } from './charts.js';
import { RISK_OPTIONS, RISK_DEFAULTS } from './fields.js';

const PATHWAY_CLASS = { mining: 'p-mining', colocation: 'p-colocation', gpuCloud: 'p-gpu' };

/**
 * The options the panel offers: the core's registry entries (label, unit, range, step) with
 * the core's defaults (src/fields.rs, RiskOptions::default); the histogram's bin count is
 * the core's default and not offered. The core still decides what is valid.
 */
const OPTIONS = RISK_OPTIONS.filter((o) => o.path !== 'histogramBins').map((o) => ({ ...o, key: o.path, def: RISK_DEFAULTS[o.path] }));

const RERUN_AFTER_MS = 700;
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** `#b87700` → `rgba(184, 119, 0, a)`; other colour syntaxes are returned unchanged. */
function withAlpha(color, a) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${a})` : color;
}

/**
 * @param root      the panel's section
 * @param scenario  () => the scenario the results on screen belong to (always valid)
 */
export function createRiskPanel({ root, scenario, sources = [] }) {
  const sourceOf = (key) => sources.find((x) => x.field === key) ?? null;
  const inputs = new Map();
  const form = h('form', { class: 'risk-inputs', novalidate: true, onsubmit: (e) => { e.preventDefault(); run(); } });
  for (const o of OPTIONS) {
    const id = `risk-${o.key}`;
    const input = h('input', {
      id, type: 'number', inputmode: 'numeric', min: o.min, max: o.max, step: o.step,
      'aria-describedby': `${id}-tip ${id}-err`, dataset: { option: o.key },
      oninput: optionsChanged,
    });
    input.value = String(o.def);
    if (o.key !== 'paths' && o.key !== 'seed') input.setAttribute('inputmode', 'decimal');
    inputs.set(o.key, input);
    const tip = h('span', { class: 'tip', id: `${id}-tip`, role: 'tooltip' });
    fill(tip, tipContent(sourceOf(o.key), `${plain(o.def)} ${o.unit}`, ''));
    form.append(h('div', { class: 'field', dataset: { for: o.key } },
      h('label', { for: id }, o.label, h('span', { class: 'unit' }, o.unit)),
      input, tip, h('span', { class: 'error', id: `${id}-err`, hidden: true })));
  }
  const button = h('button', { type: 'submit', class: 'button primary', id: 'risk-run' }, 'Run simulation');
  // A long run (many paths, tax on, a long horizon) can be stopped: the worker is ended and
  // the last results stay on screen.
  const cancel = h('button', { type: 'button', class: 'button', id: 'risk-cancel', hidden: true, onclick: () => {
    again = false;
    cancelWorker();
  } }, 'Cancel');
  const general = h('p', { class: 'error risk-general', role: 'alert', hidden: true });
  form.append(h('div', { class: 'risk-actions' }, button, cancel), general);

  const progress = h('div', { class: 'risk-progress', role: 'status', hidden: true },
    h('progress', { 'aria-label': 'Simulating' }), h('span', { class: 'risk-progress-text' }));
  const staleNote = h('p', { class: 'risk-stale muted', hidden: true });
  const table = h('div', { id: 'risk-table' });
  const chartBox = h('div', { class: 'chart-box risk-chart', id: 'chart-risk' });
  const chartHead = h('h3', { class: 'risk-sub' }, 'Distribution of NPV');
  const chartNote = h('p', { class: 'muted' }, 'Paths per NPV bin, the same bins for the three pathways; dashes as in the cash-flow chart.');
  const notes = h('ul', { class: 'notes', id: 'risk-notes' });
  const results = h('div', { class: 'risk-results', id: 'risk-results', 'aria-live': 'polite', hidden: true },
    table, chartHead, chartNote, chartBox, h('h3', { class: 'risk-sub' }, 'About this run'), notes);
  const intro = h('p', { class: 'muted risk-intro' }, 'Runs the model on thousands of simulated paths: the BTC price as a log-normal path, the network hashrate, the GPU rent decline, the build cost (an expected overrun with a spread), the colocation occupancy, the tenant’s default and the GPU utilisation drawn around your inputs. Everything else — fees, power prices, lease rates, delays — keeps your values; “About this run” lists what was drawn.');
  root.append(intro, form, progress, staleNote, results);

  let ranOnce = false;
  let running = false;
  let again = false;
  let timer = 0;
  let last = null;
  let plot = null;

  function readOptions() {
    const options = {};
    for (const [key, input] of inputs) {
      const text = input.value.trim();
      // An empty or unreadable box goes to the core as text (null would mean "the default"),
      // so the core's message names the field.
      options[key] = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    }
    return options;
  }

  function clearErrors() {
    for (const box of $$('.field.invalid', form)) box.classList.remove('invalid');
    for (const input of inputs.values()) input.removeAttribute('aria-invalid');
    for (const el of $$('.error', form)) {
      el.hidden = true;
      el.textContent = '';
    }
  }

  function markErrors(errors) {
    clearErrors();
    const unplaced = [];
    for (const e of errors) {
      // The package names option problems `options.<name>`.
      const input = inputs.get(e.field.replace(/^options\./, ''));
      if (!input) {
        unplaced.push(e.field ? `${e.field}: ${e.message}` : e.message);
        continue;
      }
      const box = input.closest('.field');
      box.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      const msg = $('.error', box);
      msg.textContent = msg.textContent ? `${msg.textContent} ${e.message}` : e.message;
      msg.hidden = false;
    }
    general.textContent = unplaced.length ? `The simulation could not run: ${unplaced.join('; ')}` : '';
    general.hidden = unplaced.length === 0;
  }

  function setStale(text) {
    const stale = Boolean(text) && last !== null;
    results.classList.toggle('stale', stale);
    staleNote.hidden = !stale;
    staleNote.textContent = stale ? text : '';
  }

  function setBusy(busy, paths) {
    running = busy;
    root.setAttribute('aria-busy', String(busy));
    progress.hidden = !busy;
    $('.risk-progress-text', progress).textContent = busy ? `Simulating ${typeof paths === 'number' ? num(paths) : 'the'} paths…` : '';
    button.textContent = busy ? 'Running…' : ranOnce ? 'Run again' : 'Run simulation';
    cancel.hidden = !busy;
  }

  async function run() {
    clearTimeout(timer);
    timer = 0;
    if (running) {
      again = true;
      return;
    }
    ranOnce = true;
    const options = readOptions();
    if (last) setStale('Updating: these results belong to the previous inputs.');
    setBusy(true, options.paths);
    const answer = await inWorker('risk', scenario(), options);
    setBusy(false);
    if (again) {
      again = false;
      run();
      return;
    }
    if (answer.cancelled) {
      setStale('Cancelled: these results belong to the previous run.');
      return;
    }
    if (!answer.ok) {
      markErrors(answer.errors);
      setStale('Showing the last simulation: fix the marked input to run it again.');
      return;
    }
    clearErrors();
    general.hidden = true;
    last = answer.result;
    setStale('');
    draw();
  }

  function scheduleRerun(why) {
    if (!ranOnce) return;
    setStale(why);
    clearTimeout(timer);
    timer = setTimeout(run, RERUN_AFTER_MS);
  }

  function optionsChanged() {
    scheduleRerun('The options changed: updating shortly.');
  }

  // --- drawing ---------------------------------------------------------------------------

  function draw() {
    if (!last) return;
    results.hidden = false;
    drawTable(last);
    drawHistogram(last);
    fill(notes,
      h('li', {}, `${num(last.options.paths)} paths, seed ${String(last.options.seed)}, BTC volatility ${pct(last.options.btcVolatilityPct, 0)}/yr, ${last.notes.some((n) => n.includes('hashrate growth spread is not used')) ? '' : `hashrate growth SD ${num(last.options.hashrateGrowthSdPct, 1)} pp, `}GPU rent decline SD ${num(last.options.gpuRentDeclineSdPct, 1)} pp, build cost ${last.options.capexOverrunMeanPct >= 0 ? '+' : ''}${num(last.options.capexOverrunMeanPct, 0)} % ± ${num(last.options.capexOverrunSdPct, 0)} pp, occupancy SD ${num(last.options.occupancySdPct, 0)} pp, tenant default ${num(last.options.tenantDefaultPctPerYear, 1)} %/yr, GPU utilisation SD ${num(last.options.gpuUtilizationSdPct, 0)} pp; ${last.method === 'fullModel' ? 'the full model on every path (tax is on)' : 'fast path'}.`),
      last.notes.map((n) => h('li', {}, n)));
  }

  function drawTable(report) {
    const head = h('tr', {}, h('th', { scope: 'col' }, 'Pathway'),
      ['P10 NPV', 'P50 NPV', 'P90 NPV', 'Mean NPV', 'Single-path NPV', 'Beats mining', 'Best of three', 'Chance of loss'].map((t) => h('th', { scope: 'col', class: 'num' }, t)));
    const rows = report.pathways.map((p) => {
      const beats = p.probabilityBeatsMiningPct;
      const beatsCell = beats === null || beats === undefined
        ? h('td', { class: 'num', dataset: { stat: 'beats' } }, 'n/a', h('span', { class: 'na-note' }, ' (mining is the benchmark)'))
        : h('td', { class: 'num', dataset: { stat: 'beats' } }, pct(beats, 1));
      return h('tr', { class: PATHWAY_CLASS[p.id] || '', dataset: { risk: p.id } },
        h('th', { scope: 'row' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), p.label),
        h('td', { class: 'num', dataset: { stat: 'p10' } }, usd(p.p10NpvUsd)),
        h('td', { class: 'num strong', dataset: { stat: 'p50' } }, usd(p.p50NpvUsd)),
        h('td', { class: 'num', dataset: { stat: 'p90' } }, usd(p.p90NpvUsd)),
        h('td', { class: 'num', dataset: { stat: 'mean' } }, usd(p.meanNpvUsd)),
        h('td', { class: 'num', dataset: { stat: 'deterministic' } }, usd(p.deterministicNpvUsd)),
        beatsCell,
        h('td', { class: 'num', dataset: { stat: 'best' } }, pct(p.probabilityBestPct, 1)),
        h('td', { class: 'num', dataset: { stat: 'loss' } }, pct(p.probabilityOfLossPct, 1)));
    });
    // The explanation sits above the scrolling box, so a phone does not cut it off.
    fill(table,
      h('p', { class: 'muted risk-key' }, 'NPV over the simulated paths: 10 % of paths end below P10, 10 % above P90. “Beats mining”: share of paths where the pathway’s NPV exceeds mining’s on the same market. “Chance of loss”: share of paths with an NPV below 0.'),
      h('div', { class: 'table-scroll' }, h('table', { class: 'years risk-table' },
        h('caption', { class: 'visually-hidden' }, 'Simulated NPV per pathway'),
        h('thead', {}, head), h('tbody', {}, rows))));
  }

  function drawHistogram(report) {
    const edges = report.histogram.binEdgesUsd;
    const series = report.histogram.series;
    const label = new Map(report.pathways.map((p) => [p.id, p.label]));
    // The bins span the 1st to the 99th percentile of all paths; the tails are counted here.
    const tails = series
      .filter((s) => s.below > 0 || s.above > 0)
      .map((s) => `${label.get(s.id) || s.id} ${num(s.below)} below, ${num(s.above)} above`);
    chartNote.textContent = `Paths per NPV bin, the same bins for the three pathways; dashes as in the cash-flow chart. The chart spans ${usd(edges[0])} to ${usd(edges[edges.length - 1])}, the 1st to the 99th percentile of all paths${tails.length ? `; beyond it: ${tails.join('; ')}` : ''}.`;
    // Stepped outlines over the bin edges: value i holds from edge i to edge i+1; the last
    // edge repeats the last count so the final bin is drawn to its right edge.
    const data = [edges, ...series.map((s) => [...s.counts, s.counts[s.counts.length - 1] ?? 0])];
    const t = { text: css('--text-muted') || '#555', grid: css('--grid') || '#ddd', font: `12px ${css('--font') || 'sans-serif'}` };
    const axis = (format, size) => ({ stroke: t.text, font: t.font, size, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, values: (u, splits) => splits.map(format) });
    const binText = (v) => {
      const i = edges.indexOf(v);
      return i < 0 || i >= edges.length - 1 ? '–' : `${usd(edges[i])} to ${usd(edges[i + 1])}`;
    };
    const options = {
      class: 'chart',
      width: Math.max(280, chartBox.clientWidth),
      height: chartBox.clientWidth < 520 ? 240 : 300,
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.05] } },
      cursor: { points: { show: false } },
      legend: { live: true },
      series: [
        { label: 'NPV bin', value: (u, v) => (v === null || v === undefined ? '–' : binText(v)) },
        ...series.map((s) => {
          const style = PATHWAY_STYLE[s.id] || { color: '--text', dash: [] };
          const color = css(style.color);
          return {
            label: label.get(s.id) || s.id,
            stroke: color,
            fill: withAlpha(color, 0.14),
            width: 2,
            dash: style.dash,
            paths: uPlot.paths.stepped({ align: 1 }),
            points: { show: false },
            value: (u, v) => (v === null || v === undefined ? '–' : `${num(v)} paths`),
          };
        }),
      ],
      axes: [axis(usdTick, 48), axis((v) => num(v), 56)],
    };
    plot?.destroy();
    plot = new uPlot(options, data, chartBox);
  }

  new ResizeObserver(() => {
    const w = Math.max(280, chartBox.clientWidth);
    if (plot && Math.abs(plot.width - w) > 2) plot.setSize({ width: w, height: chartBox.clientWidth < 520 ? 240 : 300 });
  }).observe(chartBox);

  return {
    /** The results on screen now belong to a new valid scenario. */
    scenarioChanged() {
      scheduleRerun('The scenario changed: updating shortly.');
    },
    /** Rebuilds the chart with the current colours (light/dark switch, print). */
    redraw() {
      if (last) drawHistogram(last);
    },
  };
}
