// The risk panel: the core's Monte Carlo (`risk(scenario, options)`) run in the Web Worker,
// so typing and scrolling never wait for 10,000 paths. Its inputs, a Run button, a progress
// bar fed by the worker batch by batch and a Cancel button, then per pathway P10 / P50 / P90
// NPV (and the equity's when a pathway borrows), the probability each AI pathway beats
// mining, an NPV histogram (uPlot, shared bins), the BTC price and hashprice fans (uPlot
// bands), each factor's share of the spread (`riskContributions`, a table whose cells carry
// bars) and the decision map (`decisionMap`, an SVG heat map: uPlot has no heat map, and an
// SVG keeps the cells, the break-even lines and their labels one document a reader can
// print). Every number comes from the core; this module only lays them out.
//
// Once a person has run it, a change of the scenario or of an option dims the results and
// reruns after a pause (debounced), one run at a time: a change during a run queues one
// more run, never a pile of them.

import uPlot from 'uplot';
import { h, fill, $, $$, css } from './dom.js';
import { inWorker, riskShared, cancelWorker } from './engine.js';
import { tipContent } from './form.js';
import { usd, usdTick, pct, num, plain } from './format.js';
import { PATHWAY_STYLE } from './charts.js';
import { chartFrame } from './chart-frame.js';
import { uplotSvg, svgElementSvg, inLightColours, exportTheme } from './chart-export.js';
import { RISK_OPTIONS, RISK_DEFAULTS } from './fields.js';

const PATHWAY_CLASS = { mining: 'p-mining', colocation: 'p-colocation', gpuCloud: 'p-gpu' };

/**
 * The options the panel offers: the core's registry entries (label, unit, range, step) with
 * the core's defaults (src/fields.rs, RiskOptions::default); the histogram's bin count is
 * the core's default and not offered. The core still decides what is valid.
 */
const OPTIONS = RISK_OPTIONS.filter((o) => o.path !== 'histogramBins').map((o) => ({ ...o, key: o.path, def: RISK_DEFAULTS[o.path] }));

/** Layout only: which options show at once, and how the rest are grouped. */
const RUN_KEYS = ['paths', 'seed', 'equityPaths'];
const MARKET_KEYS = ['btcVolatilityPct', 'btcJumpsPerYear', 'btcJumpMeanPct', 'btcJumpSdPct', 'hashrateGrowthSdPct', 'btcHashrateCorrelation', 'gpuRentDeclineSdPct', 'btcGpuRentCorrelation', 'hashrateGpuRentCorrelation', 'feesSdPct', 'powerEscalationSdPct'];
const groupOf = (key) => (RUN_KEYS.includes(key) ? 'run' : MARKET_KEYS.includes(key) ? 'market' : 'project');

const RERUN_AFTER_MS = 700;

/** About `count` round values within [lo, hi]: a step of 1, 2, 2.5 or 5 × a power of ten. */
function niceTicks(lo, hi, count = 5) {
  const raw = (hi - lo) / Math.max(1, count - 1);
  if (!(raw > 0) || !Number.isFinite(raw)) return [];
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push({ value: v, step });
  return ticks;
}

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
  const form = h('form', { class: 'risk-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); run(); } });
  const groups = {
    run: h('div', { class: 'risk-inputs' }),
    market: h('fieldset', { class: 'risk-inputs' }, h('legend', {}, 'Market')),
    project: h('fieldset', { class: 'risk-inputs' }, h('legend', {}, 'Project')),
  };
  const more = h('details', { class: 'risk-more' },
    h('summary', {}, 'What is drawn, and how widely'), groups.market, groups.project);
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
    groups[groupOf(o.key)].append(h('div', { class: 'field', dataset: { for: o.key } },
      h('label', { for: id }, o.label, h('span', { class: 'unit' }, o.unit)),
      input, tip, h('span', { class: 'error', id: `${id}-err`, hidden: true })));
  }
  form.append(groups.run, more);
  const button = h('button', { type: 'submit', class: 'button primary', id: 'risk-run' }, 'Run simulation');
  // A long run (many paths, tax on, a long horizon) can be stopped: the worker is ended and
  // the last results stay on screen.
  const cancel = h('button', { type: 'button', class: 'button', id: 'risk-cancel', hidden: true, onclick: () => {
    again = false;
    cancelWorker();
  } }, 'Cancel');
  const general = h('p', { class: 'error risk-general', role: 'alert', hidden: true });
  form.append(h('div', { class: 'risk-actions' }, button, cancel), general);

  const progressBar = h('progress', { 'aria-label': 'Simulating', max: 1 });
  const progress = h('div', { class: 'risk-progress', role: 'status', hidden: true },
    progressBar, h('span', { class: 'risk-progress-text' }));
  const staleNote = h('p', { class: 'risk-stale muted', hidden: true });
  const table = h('div', { id: 'risk-table' });
  const chartBox = h('div', { class: 'chart-host risk-chart', id: 'chart-risk' });
  const chartHead = h('h3', { class: 'risk-sub' }, 'Distribution of NPV');
  const chartNote = h('p', { class: 'muted' }, 'Paths per NPV bin, the same bins for the three pathways; dashes as in the cash-flow chart.');
  const notes = h('ul', { class: 'notes', id: 'risk-notes' });
  const equityBox = h('div', { id: 'risk-equity' });
  const fanPrice = h('div', { class: 'chart-host risk-fan', id: 'chart-btc-fan' });
  const fanHashprice = h('div', { class: 'chart-host risk-fan', id: 'chart-hashprice-fan' });
  const FAN_TITLES = ['BTC price at each year’s end: P10–P90 band, P50 line, your path dashed', 'Hashprice at each year’s end (USD per PH/s per day): P10–P90, P50, your path dashed'];
  const fans = h('div', { class: 'risk-fans' },
    h('div', { class: 'risk-fan-cell' }, h('h4', { class: 'risk-fan-title' }, FAN_TITLES[0]), fanPrice),
    h('div', { class: 'risk-fan-cell' }, h('h4', { class: 'risk-fan-title' }, FAN_TITLES[1]), fanHashprice));
  const factorsBox = h('div', { id: 'risk-factors' });
  const mapBox = h('div', { id: 'risk-map' });
  const mapKey = h('p', { class: 'muted risk-key' }, 'Each cell: the pathway with the highest NPV when the whole BTC price path is scaled (across) and the colocation lease rate is set (up), everything else as entered; the stronger the colour, the wider its lead over the runner-up. Hover a cell for its numbers.');
  const mapHost = h('div', { class: 'chart-host', id: 'chart-decision-map' });
  mapBox.append(mapKey, mapHost);
  // Each drawing in a chart frame: summary, data table, legend buttons, PNG and SVG.
  const frames = {
    histogram: chartFrame(chartBox, { title: 'Distribution of NPV', slug: 'npv-histogram', what: 'the NPV histogram' }),
    btc: chartFrame(fanPrice, { title: 'BTC price fan', slug: 'btc-price-fan', what: 'the BTC price fan' }),
    hashprice: chartFrame(fanHashprice, { title: 'Hashprice fan', slug: 'hashprice-fan', what: 'the hashprice fan' }),
    map: chartFrame(mapHost, { title: 'Decision map', slug: 'decision-map', what: 'the decision map', img: false }),
  };
  const scenarioName = () => scenario()?.name;
  const results = h('div', { class: 'risk-results', id: 'risk-results', 'aria-live': 'polite', hidden: true },
    table, equityBox, chartHead, chartNote, chartBox,
    h('h3', { class: 'risk-sub' }, 'The market the paths drew'), fans,
    h('h3', { class: 'risk-sub' }, 'What moves each pathway most'), factorsBox,
    h('h3', { class: 'risk-sub' }, 'Decision map'), mapBox,
    h('h3', { class: 'risk-sub' }, 'About this run'), notes);
  const intro = h('p', { class: 'muted risk-intro' }, 'Runs the model on thousands of simulated paths. Drawn around your inputs: the BTC price (with optional jumps), the network hashrate (correlated with it), GPU rents and utilisation, fees, the power price’s escalation, the build cost and its delay, the colocation occupancy, the tenant’s default and the rent after the lease’s first term. Not drawn: today’s power price, the first term’s lease rate and the discount rate.');
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
      if (more.contains(box)) more.open = true;
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

  function setBusy(busy, text = '', value = null) {
    running = busy;
    root.setAttribute('aria-busy', String(busy));
    progress.hidden = !busy;
    $('.risk-progress-text', progress).textContent = busy ? text : '';
    // An indeterminate bar until the worker reports how far it is.
    if (value === null) progressBar.removeAttribute('value');
    else progressBar.value = value;
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
    const total = typeof options.paths === 'number' ? options.paths : null;
    setBusy(true, `Simulating ${total === null ? 'the' : num(total)} paths… (step 1 of 3)`, total === null ? null : 0);
    const input = scenario();
    const started = performance.now();
    const answer = await riskShared(input, options, ({ done, total: all }) => {
      setBusy(true, `Simulating: ${num(done)} of ${num(all)} paths (step 1 of 3)`, (done / all) * 0.6);
    });
    if (again || answer.cancelled || !answer.ok) {
      setBusy(false);
      finishRun(answer);
      return;
    }
    // The simulation's time, from the request to the report (the benchmarks read it).
    performance.measure('minepivot:risk-run', { start: started, detail: { paths: options.paths } });
    clearErrors();
    general.hidden = true;
    last = { report: answer.result, contributions: null, map: null };
    setStale('');
    draw();
    setBusy(true, 'Measuring what each factor adds to the spread… (step 2 of 3)', 0.6);
    const parts = await inWorker('riskContributions', input, options);
    if (again || parts.cancelled) {
      setBusy(false);
      finishRun(parts);
      return;
    }
    if (parts.ok && last) {
      last.contributions = parts.result;
      drawFactors(last);
    }
    setBusy(true, 'Mapping the decision: BTC price against the lease rate… (step 3 of 3)', 0.85);
    const map = await inWorker('decisionMap', input);
    setBusy(false);
    if (again || map.cancelled) {
      finishRun(map);
      return;
    }
    if (map.ok && last) {
      last.map = map.result;
      drawMap(last);
    }
  }

  /** After a run that stopped early: run again if asked, or say why the results are old. */
  function finishRun(answer) {
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
    }
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
    const report = last.report;
    results.hidden = false;
    drawTable(report);
    drawEquity(report);
    drawHistogram(report);
    drawFans(report);
    drawFactors(last);
    drawMap(last);
    const o = report.options;
    fill(notes,
      h('li', {}, `${num(o.paths)} paths, seed ${String(o.seed)}; ${report.method === 'fullModel' ? 'the full model on every path' : 'the fast path (equal to the full model path by path)'}${report.equity ? `; the equity valued on the first ${num(report.equity.paths)} paths through the full model` : ''}.`),
      report.notes.map((n) => h('li', {}, n)));
  }

  function drawEquity(report) {
    const e = report.equity;
    if (!e) {
      fill(equityBox);
      return;
    }
    const head = h('tr', {}, h('th', { scope: 'col' }, 'Pathway'),
      ['P10 equity NPV', 'P50', 'P90', 'Mean', 'Single-path', 'Beats mining', 'Chance of loss'].map((t) => h('th', { scope: 'col', class: 'num' }, t)));
    const rows = e.pathways.map((p) => h('tr', { class: PATHWAY_CLASS[p.id] || '', dataset: { equity: p.id } },
      h('th', { scope: 'row' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), p.label),
      h('td', { class: 'num' }, usd(p.p10NpvUsd)),
      h('td', { class: 'num strong' }, usd(p.p50NpvUsd)),
      h('td', { class: 'num' }, usd(p.p90NpvUsd)),
      h('td', { class: 'num' }, usd(p.meanNpvUsd)),
      h('td', { class: 'num' }, usd(p.deterministicNpvUsd)),
      h('td', { class: 'num' }, p.probabilityBeatsMiningPct === null ? 'n/a' : pct(p.probabilityBeatsMiningPct, 1)),
      h('td', { class: 'num' }, pct(p.probabilityOfLossPct, 1))));
    fill(equityBox,
      h('h3', { class: 'risk-sub' }, 'The equity’s NPV (after the loans)'),
      h('p', { class: 'muted risk-key' }, `The equity’s cash flows after each loan’s draws, interest and repayments, discounted at the cost of equity (${pct(e.costOfEquityPct, 1)}), on the first ${num(e.paths)} paths: each runs the whole model, since a loan sized to the cash flow moves with every draw.`),
      h('div', { class: 'table-scroll' }, h('table', { class: 'years risk-table' },
        h('caption', { class: 'visually-hidden' }, 'Simulated equity NPV per pathway'),
        h('thead', {}, head), h('tbody', {}, rows))));
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

  const plotWidth = (frame) => Math.max(120, frame.plot.clientWidth);
  const histogramHeight = () => (frames.histogram.plot.clientWidth < 520 ? 240 : 300);
  const chartTheme = () => ({ text: css('--text-muted') || '#555', grid: css('--grid') || '#ddd', font: `12px ${css('--font') || 'sans-serif'}` });
  const axisOf = (t) => (format, size) => ({ stroke: t.text, font: t.font, size, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, values: (u, splits) => splits.map(format) });

  /** The histogram's uPlot options and data, in the colours in force when called. */
  function histogramSpec(report) {
    const edges = report.histogram.binEdgesUsd;
    const series = report.histogram.series;
    const label = new Map(report.pathways.map((p) => [p.id, p.label]));
    // Stepped outlines over the bin edges: value i holds from edge i to edge i+1; the last
    // edge repeats the last count so the final bin is drawn to its right edge.
    const data = [edges, ...series.map((s) => [...s.counts, s.counts[s.counts.length - 1] ?? 0])];
    const axis = axisOf(chartTheme());
    const binText = (v) => {
      const i = edges.indexOf(v);
      return i < 0 || i >= edges.length - 1 ? '–' : `${usd(edges[i])} to ${usd(edges[i + 1])}`;
    };
    const options = {
      class: 'chart',
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.05] } },
      cursor: { points: { show: false } },
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
            // Read by the SVG export, which draws the same steps.
            step: true,
            points: { show: false },
            value: (u, v) => (v === null || v === undefined ? '–' : `${num(v)} paths`),
          };
        }),
      ],
      axes: [axis(usdTick, 48), axis((v) => num(v), 56)],
    };
    return { options, data };
  }

  /** The histogram in words (the core's P10 / P50 / P90 per pathway) and its bins as a table. */
  function histogramWords(report) {
    const edges = report.histogram.binEdgesUsd;
    const series = report.histogram.series;
    const label = new Map(report.pathways.map((p) => [p.id, p.label]));
    const summary = `NPV over ${num(report.options.paths)} simulated paths, in ${edges.length - 1} bins from ${usd(edges[0])} to ${usd(edges[edges.length - 1])}: `
      + report.pathways.map((p) => `${p.label} P50 ${usd(p.p50NpvUsd)} (P10 ${usd(p.p10NpvUsd)}, P90 ${usd(p.p90NpvUsd)})`).join('; ') + '.';
    const rows = edges.slice(0, -1).map((e, i) => [`${usd(e)} to ${usd(edges[i + 1])}`, ...series.map((s) => num(s.counts[i]))]);
    return {
      summary,
      table: {
        caption: 'Paths per NPV bin, with the paths beyond the first and the last bin',
        head: ['NPV bin', ...series.map((s) => label.get(s.id) || s.id)],
        rows: [['Below the first bin', ...series.map((s) => num(s.below))], ...rows, ['Above the last bin', ...series.map((s) => num(s.above))]],
      },
    };
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
    const frame = frames.histogram;
    const { options, data } = histogramSpec(report);
    frame.describe(histogramWords(report));
    plot?.destroy();
    plot = new uPlot({ ...options, legend: { show: false }, plugins: [frame.plugin], width: plotWidth(frame), height: histogramHeight() }, data, frame.plot);
    frame.bindLegend(plot);
    const drawn = plot;
    frame.setExport(() => uplotSvg(drawn, () => histogramSpec(report), { title: 'Distribution of NPV over the simulated paths' }), scenarioName);
  }

  // --- the fans: P10–P90 band, P50, the scenario's path --------------------------------------

  let fanPlots = [];
  const FAN_HEIGHT = 220;

  /** A fan's uPlot options and data, in the colours in force when called. */
  function fanSpec(bands, format, tick) {
    const t = chartTheme();
    const color = css('--focus') || '#1f5fbf';
    const axis = axisOf(t);
    const data = [bands.map((b) => b.year), bands.map((b) => b.p10Usd), bands.map((b) => b.p50Usd), bands.map((b) => b.p90Usd), bands.map((b) => b.deterministicUsd)];
    const value = (u, v) => (v === null || v === undefined ? '–' : format(v));
    const options = {
      class: 'chart',
      scales: { x: { time: false } },
      cursor: { points: { show: false } },
      bands: [{ series: [3, 1], fill: withAlpha(color, 0.16) }],
      series: [
        { label: 'Year', value: (u, v) => (v === null || v === undefined ? '–' : `year ${v} (${bands[v - 1]?.month ?? ''})`) },
        { label: 'P10', stroke: withAlpha(color, 0.6), width: 1, value, points: { show: false } },
        { label: 'P50', stroke: color, width: 2, value, points: { show: false } },
        { label: 'P90', stroke: withAlpha(color, 0.6), width: 1, value, points: { show: false } },
        { label: 'Your path', stroke: t.text, width: 1.5, dash: [6, 4], value, points: { show: false } },
      ],
      axes: [axis((v) => (Number.isInteger(v) ? `y${v}` : ''), 40), axis(tick, 64)],
    };
    return { options, data };
  }

  function drawFans(report) {
    for (const [p] of fanPlots) p.destroy();
    fanPlots = [];
    const fan = (frame, title, bands, format, tick, unit) => {
      if (!bands.length) {
        frame.empty('No years to draw.');
        return;
      }
      const last = bands[bands.length - 1];
      frame.describe({
        summary: `${unit}: P50 ${format(last.p50Usd)} after ${bands.length} years (P10 ${format(last.p10Usd)}, P90 ${format(last.p90Usd)}); your path ${format(last.deterministicUsd)}.`,
        table: {
          caption: `${unit} at each year’s end over the simulated paths`,
          head: ['Year', 'P10', 'P50', 'P90', 'Your path'],
          rows: bands.map((b) => [`year ${b.year} (${b.month})`, format(b.p10Usd), format(b.p50Usd), format(b.p90Usd), format(b.deterministicUsd)]),
        },
      });
      const { options, data } = fanSpec(bands, format, tick);
      const plotted = new uPlot({ ...options, legend: { show: false }, plugins: [frame.plugin], width: plotWidth(frame), height: FAN_HEIGHT }, data, frame.plot);
      frame.bindLegend(plotted);
      frame.setExport(() => uplotSvg(plotted, () => fanSpec(bands, format, tick), { title }), scenarioName);
      fanPlots.push([plotted, frame]);
    };
    const perDay = (v) => `$${num(v, v < 10 ? 2 : 1)}`;
    fan(frames.btc, FAN_TITLES[0], report.btcPriceFan, usd, usdTick, 'BTC price');
    fan(frames.hashprice, FAN_TITLES[1], report.hashpriceFan, perDay, (v) => `$${num(v, v < 10 ? 1 : 0)}`, 'Hashprice per PH/s per day');
  }

  // --- each factor's share of the spread: a table whose cells carry bars -------------------------

  function drawFactors(state) {
    const c = state?.contributions;
    if (!c) {
      fill(factorsBox, h('p', { class: 'muted' }, running ? 'Measuring…' : 'Not measured yet.'));
      return;
    }
    const report = state.report;
    const ids = report.pathways.map((p) => p.id);
    const widest = ids.map((_, k) => Math.max(1, ...c.factors.map((f) => f.stdDevNpvUsd[k])));
    const head = h('tr', {}, h('th', { scope: 'col' }, 'Drawn alone'),
      report.pathways.map((p) => h('th', { scope: 'col', class: PATHWAY_CLASS[p.id] || '' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), p.label)));
    const rows = c.factors.map((f) => h('tr', { dataset: { factor: f.factor } },
      h('th', { scope: 'row' }, f.label.replace(/^the /, '').replace(/^./, (x) => x.toUpperCase())),
      ids.map((id, k) => {
        const sd = f.stdDevNpvUsd[k];
        const share = f.shareOfVariancePct[k];
        // Set through the CSSOM: the page's CSP refuses style attributes.
        const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
        bar.style.width = `${((sd / widest[k]) * 100).toFixed(1)}%`;
        return h('td', { class: `bar-cell ${PATHWAY_CLASS[id] || ''}` },
          bar, h('span', { class: 'bar-text' }, sd > 0 ? `± ${usd(sd)} (${pct(share, 0)})` : '—'));
      })));
    const all = h('tr', { class: 'total' }, h('th', { scope: 'row' }, 'All together'),
      c.allStdDevNpvUsd.map((sd) => h('td', { class: 'num' }, `± ${usd(sd)}`)));
    fill(factorsBox,
      h('p', { class: 'muted risk-key' }, `Each factor drawn alone (the same seed, ${num(c.paths)} paths): the standard deviation of each pathway’s NPV, and in brackets its share of the factors’ summed variance. The bar is its size against the largest for that pathway. Interactions and the BTC–hashrate correlation are why “All together” is not the sum.`),
      h('div', { class: 'table-scroll' }, h('table', { class: 'years risk-factors' },
        h('caption', { class: 'visually-hidden' }, 'Each factor’s contribution to the spread of the NPV'),
        h('thead', {}, head), h('tbody', {}, rows, all))));
  }

  // --- the decision map: an SVG heat map ---------------------------------------------------------

  /** The decision map as an SVG element, in the colours in force when called, and its summary. */
  function mapSvg(state) {
    const map = state.map;
    const nx = map.x.values.length;
    const ny = map.y.values.length;
    const W = 560;
    const H = 360;
    const pad = { left: 64, right: 12, top: 10, bottom: 42 };
    const cw = (W - pad.left - pad.right) / nx;
    const ch = (H - pad.top - pad.bottom) / ny;
    const [x0, x1] = [map.x.values[0], map.x.values[nx - 1]];
    const [y0, y1] = [map.y.values[0], map.y.values[ny - 1]];
    // Cell centres sit on the grid's values: a value maps to its cell's centre.
    const sx = (v) => pad.left + ((v - x0) / (x1 - x0)) * (W - pad.left - pad.right - cw) + cw / 2;
    const sy = (v) => H - pad.bottom - ((v - y0) / (y1 - y0)) * (H - pad.top - pad.bottom - ch) - ch / 2;
    const widest = Math.max(1, ...map.cells.map((c) => c.marginUsd ?? 0));
    const color = Object.fromEntries(Object.entries(PATHWAY_STYLE).map(([id, s]) => [id, css(s.color)]));
    const NS = 'http://www.w3.org/2000/svg';
    const el = (name, attrs, ...kids) => {
      const node = document.createElementNS(NS, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      for (const kid of kids) node.append(kid);
      return node;
    };
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'decision-map', role: 'img' });
    const counts = { mining: 0, colocation: 0, gpuCloud: 0 };
    map.cells.forEach((c, k) => {
      if (!c.best) return;
      counts[c.best] += 1;
      const i = k % nx;
      const j = Math.floor(k / nx);
      // Stronger where the winner leads by more: 35 % to 100 % opacity.
      const strength = 0.35 + 0.65 * Math.sqrt((c.marginUsd ?? 0) / widest);
      const rect = el('rect', {
        x: (pad.left + i * cw).toFixed(2), y: (H - pad.bottom - (j + 1) * ch).toFixed(2),
        width: (cw + 0.3).toFixed(2), height: (ch + 0.3).toFixed(2),
        fill: color[c.best] || '#888', 'fill-opacity': strength.toFixed(2),
      });
      rect.append(el('title', {}, `${map.x.label} ${num(map.x.values[i], 2)}, ${map.y.label} ${num(map.y.values[j], 1)}: ${report(c.best)} leads by ${usd(c.marginUsd ?? 0)}`));
      svg.append(rect);
    });
    function report(id) {
      return state.report.pathways.find((p) => p.id === id)?.label ?? id;
    }
    // Break-even lines: where each AI pathway's NPV equals mining's, row by row.
    for (const line of map.breakEvens) {
      if (!line.segments.length) continue;
      const d = line.segments.map(([a, b]) => `M${sx(a.x).toFixed(1)},${sy(a.y).toFixed(1)}L${sx(b.x).toFixed(1)},${sy(b.y).toFixed(1)}`).join('');
      svg.append(el('path', { d, fill: 'none', stroke: css('--text') || '#111', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-dasharray': line.pathway === 'colocation' ? '8 4' : '2 3', class: `break-even ${line.pathway}` },
        el('title', {}, `${report(line.pathway)} equals mining along this line`)));
    }
    // Your scenario.
    svg.append(el('circle', { cx: sx(map.x.current), cy: sy(map.y.current), r: 5, fill: 'none', stroke: css('--text') || '#111', 'stroke-width': 2 },
      el('title', {}, 'Your scenario')));
    // Axes: round values (1, 2, 2.5 or 5 × a power of ten apart), about five each.
    const digits = (step) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    for (const v of niceTicks(x0, x1)) {
      svg.append(el('text', { x: sx(v.value), y: H - pad.bottom + 16, 'text-anchor': 'middle', class: 'map-tick' }, `${num(v.value, digits(v.step))}${map.x.field === 'btcPriceMultiple' ? '×' : ''}`));
    }
    for (const v of niceTicks(y0, y1)) {
      svg.append(el('text', { x: pad.left - 6, y: sy(v.value) + 4, 'text-anchor': 'end', class: 'map-tick' }, num(v.value, digits(v.step))));
    }
    svg.append(el('text', { x: pad.left + (W - pad.left - pad.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'map-axis' }, `${map.x.label} (${map.x.unit})`));
    svg.append(el('text', { x: 12, y: pad.top + (H - pad.top - pad.bottom) / 2, 'text-anchor': 'middle', class: 'map-axis', transform: `rotate(-90 12 ${pad.top + (H - pad.top - pad.bottom) / 2})` }, `${map.y.label} (${map.y.unit})`));
    const total = map.cells.length;
    const summary = `Decision map, ${nx} × ${ny} cells: ${map.x.label} from ${num(x0, 2)} to ${num(x1, 2)} across, ${map.y.label} from ${num(y0, 1)} to ${num(y1, 1)} up. ${Object.entries(counts).filter(([, n]) => n).map(([id, n]) => `${report(id)} is best in ${pct((n / total) * 100, 0)} of cells`).join('; ')}. The ring is your scenario; dashed lines are where an AI pathway equals mining.`;
    svg.setAttribute('aria-label', summary);
    return { svg, summary, counts, total };
  }

  const PATHWAY_SHORT = { mining: 'Mining', colocation: 'Colocation', gpuCloud: 'GPU cloud' };

  function drawMap(state) {
    const map = state?.map;
    const frame = frames.map;
    if (!map) {
      mapKey.hidden = true;
      frame.empty(running ? 'Mapping…' : 'Not mapped yet.');
      return;
    }
    mapKey.hidden = false;
    const { svg, summary, counts, total } = mapSvg(state);
    const nx = map.x.values.length;
    const xText = (v) => `${num(v, 2)}${map.x.field === 'btcPriceMultiple' ? '×' : ''}`;
    // The grid as the map shows it: the highest lease rate on top.
    const rows = map.y.values.map((y, j) => [num(y, 1), ...map.x.values.map((_, i) => PATHWAY_SHORT[map.cells[j * nx + i]?.best] ?? '–')]).reverse();
    frame.describe({
      summary,
      table: {
        caption: `The pathway with the highest NPV in each cell: ${map.y.label} (${map.y.unit}) down the rows, ${map.x.label} (${map.x.unit}) across`,
        head: [`${map.y.label} (rows) / ${map.x.label} (columns)`, ...map.x.values.map(xText)],
        rows,
      },
    });
    const legend = h('ul', { class: 'map-legend' },
      state.report.pathways.map((p) => h('li', { class: PATHWAY_CLASS[p.id] || '' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), `${p.label} best (${pct((counts[p.id] / total) * 100, 0)} of cells)`)),
      h('li', {}, h('span', { class: 'legend-line colocation', 'aria-hidden': 'true' }), 'Colocation = mining'),
      h('li', {}, h('span', { class: 'legend-line gpu', 'aria-hidden': 'true' }), 'GPU cloud = mining'),
      h('li', {}, h('span', { class: 'legend-ring', 'aria-hidden': 'true' }), 'Your scenario'));
    fill(frame.plot, h('div', { class: 'map-figure' }, svg), legend);
    frame.setExport(async () => inLightColours(() => {
      const theme = exportTheme();
      const light = mapSvg(state);
      const color = Object.fromEntries(Object.entries(PATHWAY_STYLE).map(([id, st]) => [id, css(st.color)]));
      return svgElementSvg(light.svg, {
        title: `Decision map: ${map.x.label} against ${map.y.label}`,
        theme,
        width: 560,
        // The page's stylesheet does not travel with the file: the classes' looks as attributes.
        styles: {
          '.map-tick': { 'font-size': 11, fill: theme.muted },
          '.map-axis': { 'font-size': 12, fill: theme.text },
        },
        legend: [
          ...state.report.pathways.map((p) => ({ kind: 'box', label: `${p.label} best (${pct((light.counts[p.id] / light.total) * 100, 0)} of cells)`, color: color[p.id] })),
          { kind: 'line', label: 'Colocation = mining', color: theme.text, dash: [8, 4] },
          { kind: 'line', label: 'GPU cloud = mining', color: theme.text, dash: [2, 3] },
          { kind: 'ring', label: 'Your scenario', color: theme.text },
        ],
      });
    }), scenarioName);
  }

  new ResizeObserver(() => {
    const w = plotWidth(frames.histogram);
    if (plot && Math.abs(plot.width - w) > 2) plot.setSize({ width: w, height: histogramHeight() });
    for (const [p, frame] of fanPlots) {
      const fw = plotWidth(frame);
      if (Math.abs(p.width - fw) > 2) p.setSize({ width: fw, height: FAN_HEIGHT });
    }
  }).observe(results);

  return {
    /** The results on screen now belong to a new valid scenario. */
    scenarioChanged() {
      scheduleRerun('The scenario changed: updating shortly.');
    },
    /** Rebuilds the chart with the current colours (light/dark switch, print). */
    redraw() {
      if (!last) return;
      drawHistogram(last.report);
      drawFans(last.report);
      drawMap(last);
    },
  };
}
