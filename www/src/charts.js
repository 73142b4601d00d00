// Time-series charts with uPlot: cumulative cash flow of every pathway (halvings and the
// construction window marked), the hashprice and the power price duration curve. Each sits in
// a chart frame (chart-frame.js): a summary in words, a data table, a legend of buttons and
// PNG / SVG downloads. uPlot draws ~120–360 monthly points per
// series on a canvas in well under a millisecond, is ~50 KB, has no dependencies and needs no
// network — so the page redraws on every keystroke without lag and works offline.
// The x axis is the model's month index; its labels are the core's "YYYY-MM" strings.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usd, usdTick, millions, num, pct } from './format.js';
import { chartFrame } from './chart-frame.js';
import { css } from './dom.js';
import { uplotSvg, tag, textWidth } from './chart-export.js';

/** Colours and dash patterns per pathway (Okabe–Ito, readable by colour-blind people and in greyscale). */
export const PATHWAY_STYLE = {
  mining: { color: '--c-mining', dash: [] },
  colocation: { color: '--c-colocation', dash: [10, 5] },
  gpuCloud: { color: '--c-gpu', dash: [3, 4] },
};

/** Axis, grid and marker colours and the font of every chart (the compare chart's too). */
export function theme() {
  return {
    text: css('--text-muted') || '#555',
    grid: css('--grid') || '#ddd',
    zero: css('--text') || '#222',
    band: css('--band') || 'rgba(0,0,0,0.06)',
    marker: css('--marker') || '#555',
    surface: css('--surface') || '#fff',
    family: css('--font') || 'system-ui, sans-serif',
    font: `12px ${css('--font') || 'system-ui, sans-serif'}`,
  };
}

/** Year ticks: the index of every January (or of month 0 when the start is mid-year). */
function yearSplits(labels, width) {
  const jan = [];
  labels.forEach((m, i) => {
    if (m.endsWith('-01')) jan.push(i);
  });
  const ticks = jan.length ? jan : [0];
  const room = Math.max(1, Math.floor(width / 56));
  const stride = [1, 2, 5, 10].find((s) => Math.ceil(ticks.length / s) <= room) || 10;
  return ticks.filter((_, k) => k % stride === 0);
}

function axisX(t, labels) {
  return {
    stroke: t.text,
    font: t.font,
    grid: { stroke: t.grid, width: 1 },
    ticks: { stroke: t.grid, width: 1 },
    splits: (u) => yearSplits(labels(), u.bbox.width / devicePixelRatio),
    values: (u, splits) => splits.map((i) => (labels()[i] || '').slice(0, 4)),
  };
}

function axisY(t, format, size = 72) {
  return {
    stroke: t.text,
    font: t.font,
    size,
    grid: { stroke: t.grid, width: 1 },
    ticks: { stroke: t.grid, width: 1 },
    values: (u, splits) => splits.map(format),
  };
}

const GAP = 6;

/**
 * Where the halving labels go: one row along the foot of the plot, each beside its line
 * (right of it, or left where the plot ends). "Halving 2028-04" when every label fits without
 * touching another label or another halving's line; else the month alone ("2028-04"); else the
 * year. On a phone too narrow even for that, a label that would touch a kept one is left out:
 * its line stays, and the summary and the data table name every halving.
 * `lines` are `{ x, month }` in the units of `measure`, which gives a text's width.
 */
export function placeHalvingLabels(lines, measure, left, right, gap) {
  const place = (text) => lines.map(({ x, month }) => {
    const t = text(month);
    const w = measure(t);
    const start = x + gap + w <= right ? x + gap : x - gap - w;
    return { text: t, x: start, w, line: x };
  });
  const inside = (p) => p.x >= left && p.x + p.w <= right;
  const apart = (p, q) => p === q || p.x + p.w + gap <= q.x || q.x + q.w + gap <= p.x;
  const offLine = (p, x) => x === p.line || x < p.x - gap / 2 || x > p.x + p.w + gap / 2;
  const tiers = [(m) => `Halving ${m}`, (m) => m, (m) => m.slice(0, 4)];
  for (const text of tiers) {
    const placed = place(text);
    if (placed.every((p) => inside(p) && placed.every((q) => apart(p, q)) && lines.every(({ x }) => offLine(p, x)))) return placed;
  }
  const kept = [];
  for (const p of place(tiers[tiers.length - 1])) {
    if (inside(p) && kept.every((q) => apart(p, q) && offLine(p, q.line) && offLine(q, p.line))) kept.push(p);
  }
  return kept;
}

/** A label on a plate of the background colour, so no series line runs through its letters. */
function plateText(ctx, text, x, y, w, h, t) {
  ctx.save();
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = t.surface;
  ctx.fillRect(x - 2 * devicePixelRatio, y, w + 4 * devicePixelRatio, h);
  ctx.restore();
  ctx.fillText(text, x, y + h / 2);
}

/**
 * Draws the shaded construction window (before the series) and the zero line and halving
 * lines (after). The labels' rectangles, in CSS pixels, are left on the chart's root as
 * `data-labels` for the page tests.
 */
function markersPlugin(getMarks, t) {
  const xPos = (u, i) => u.valToPos(i, 'x', true);
  const dpr = () => devicePixelRatio;
  let constructionRect = null;
  return {
    hooks: {
      drawClear: [
        (u) => {
          const { construction } = getMarks();
          constructionRect = null;
          if (!construction) return;
          const { ctx, bbox } = u;
          const x0 = Math.max(bbox.left, xPos(u, construction.from));
          const x1 = Math.min(bbox.left + bbox.width, xPos(u, construction.to));
          if (x1 <= x0) return;
          ctx.save();
          ctx.fillStyle = t.band;
          ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
          // The label is written in the draw hook, over the series and the halving lines.
          constructionRect = { text: construction.label, x: x0 + 4 * dpr(), y: bbox.top + 3 * dpr() };
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          const { halvings, zero } = getMarks();
          const { ctx, bbox } = u;
          ctx.save();
          if (zero) {
            const y = u.valToPos(0, 'y', true);
            if (y >= bbox.top && y <= bbox.top + bbox.height) {
              ctx.strokeStyle = t.zero;
              ctx.lineWidth = dpr();
              ctx.beginPath();
              ctx.moveTo(bbox.left, y);
              ctx.lineTo(bbox.left + bbox.width, y);
              ctx.stroke();
            }
          }
          ctx.strokeStyle = t.marker;
          ctx.lineWidth = dpr();
          ctx.setLineDash([4 * dpr(), 3 * dpr()]);
          const lines = halvings
            .map((hv) => ({ x: xPos(u, hv.index), month: hv.month }))
            .filter(({ x }) => x >= bbox.left && x <= bbox.left + bbox.width);
          for (const { x } of lines) {
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
          }
          ctx.setLineDash([]);
          ctx.font = `${Math.round(11 * dpr())}px ${t.family}`;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillStyle = t.marker;
          const h = 14 * dpr();
          const y = bbox.top + bbox.height - h - 3 * dpr();
          const placed = placeHalvingLabels(lines, (s) => ctx.measureText(s).width, bbox.left, bbox.left + bbox.width, GAP * dpr());
          for (const p of placed) plateText(ctx, p.text, p.x, y, p.w, h, t);
          const rects = placed.map((p) => ({ text: p.text, x: p.x / dpr(), y: y / dpr(), w: p.w / dpr(), h: 14 }));
          if (constructionRect) {
            const c = constructionRect;
            const w = ctx.measureText(c.text).width;
            ctx.fillStyle = t.text;
            plateText(ctx, c.text, c.x, c.y, w, h, t);
            rects.unshift({ text: c.text, x: c.x / dpr(), y: c.y / dpr(), w: w / dpr(), h: 14 });
          }
          ctx.restore();
          u.root.dataset.labels = JSON.stringify(rects);
        },
      ],
    },
  };
}

/** The same marks in an exported SVG: `plot` is the plotting area in CSS pixels. */
function marksSvg(marks, t) {
  return (u, plot) => {
    const x = (i) => u.valToPos(i, 'x');
    let under = '';
    let over = '';
    const { construction, halvings, zero } = marks;
    if (construction) {
      const x0 = Math.max(0, x(construction.from));
      const x1 = Math.min(plot.width, x(construction.to));
      if (x1 > x0) {
        under += tag('rect', { x: x0, y: 0, width: x1 - x0, height: plot.height, fill: t.band, class: 'construction' });
        under += tag('text', { x: x0 + 4, y: 14, 'font-size': 11, fill: t.text }, construction.label);
      }
    }
    if (zero) {
      const y = u.valToPos(0, 'y');
      if (y >= 0 && y <= plot.height) over += tag('line', { x1: 0, y1: y, x2: plot.width, y2: y, stroke: t.zero, 'stroke-width': 1 });
    }
    const lines = halvings.map((hv) => ({ x: x(hv.index), month: hv.month })).filter((l) => l.x >= 0 && l.x <= plot.width);
    for (const l of lines) over += tag('line', { x1: l.x, y1: 0, x2: l.x, y2: plot.height, stroke: t.marker, 'stroke-width': 1, 'stroke-dasharray': '4 3', class: 'halving' });
    const placed = placeHalvingLabels(lines, (s) => textWidth(s, 11, t.family), 0, plot.width, GAP);
    for (const p of placed) {
      over += tag('rect', { x: p.x - 2, y: plot.height - 17, width: p.w + 4, height: 14, fill: t.surface, 'fill-opacity': 0.85 });
      over += tag('text', { x: p.x, y: plot.height - 6, 'font-size': 11, fill: t.marker }, p.text);
    }
    return { under, over };
  };
}

/**
 * A chart that keeps one uPlot instance and replaces its data on each report; it is rebuilt
 * only when the series or the theme change. `build(...args)` returns `{ empty }` or
 * `{ key, data, options, words: { summary, table }, legendExtras?, decorate? }`.
 */
function managedChart(el, meta, build) {
  const frame = chartFrame(el, meta);
  let plot = null;
  let key = '';
  let lastArgs = null;
  // A fixed size while printing: the page is laid out at A4 width, not at the window's.
  let fixed = null;
  // The box's own width (a phone's 320 px leaves ~270), never a floor wider than the box.
  const width = () => fixed?.width ?? Math.max(120, frame.plot.clientWidth);
  const height = () => fixed?.height ?? (frame.plot.clientWidth < 520 ? 240 : 320);

  let scheme = '';

  function update(...args) {
    lastArgs = args;
    const spec = build(...args);
    if (spec.empty) {
      plot?.destroy();
      plot = null;
      key = '';
      frame.empty(spec.empty);
      return;
    }
    frame.describe(spec.words);
    const nextScheme = document.documentElement.dataset.scheme || '';
    if (!plot || spec.key !== key || nextScheme !== scheme) {
      // Series the person hid stay hidden when the same chart is rebuilt (a theme switch, print).
      const shown = plot && spec.key === key ? plot.series.map((s) => s.show) : null;
      plot?.destroy();
      const options = { ...spec.options, legend: { show: false }, plugins: [...(spec.options.plugins || []), frame.plugin] };
      if (shown) options.series = options.series.map((s, i) => ({ ...s, show: shown[i] ?? true }));
      plot = new uPlot({ ...options, width: width(), height: height() }, spec.data, frame.plot);
      frame.bindLegend(plot);
      key = spec.key;
      scheme = nextScheme;
    } else {
      plot.setData(spec.data);
    }
  }

  frame.setExport(() => uplotSvg(plot, () => build(...lastArgs), { title: meta.title }), () => meta.name(lastArgs));

  new ResizeObserver(() => {
    if (plot && !fixed && Math.abs(plot.width - width()) > 2) plot.setSize({ width: width(), height: height() });
  }).observe(frame.plot);
  return {
    update,
    /** `{ width, height }` in CSS pixels, or null to follow the container again. */
    fixSize(size) {
      fixed = size;
    },
    /** Rebuilds with the current colours (after a light/dark switch or before printing). */
    redraw() {
      if (!lastArgs) return;
      scheme = null;
      update(...lastArgs);
    },
  };
}

/** "A, B and C". */
const listing = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * The cash-flow chart in words: where each pathway ends (the report's last year, the same
 * figures as the year-by-year table) from the highest, and when each retrofit pays back.
 */
function cashFlowWords(report) {
  const paths = report.pathways;
  const months = paths[0].months;
  const ends = paths
    .map((p) => ({ p, end: p.years[p.years.length - 1]?.cumulativeUsd }))
    .sort((a, b) => b.end - a.end);
  const payback = paths
    .filter((p) => p.id !== 'mining' || p.paybackMonths !== null)
    .map((p) => (p.paybackMonths === null || p.paybackMonths === undefined
      ? `${p.label} does not pay back within the horizon`
      : `${p.label} pays back in ${p.months[p.paybackMonths]?.month ?? `month ${p.paybackMonths}`}`));
  const summary = `Cumulative net cash flow, ${months[0].month} to ${months[months.length - 1].month}: `
    + `${ends[0].p.label} ends highest at ${usd(ends[0].end)}`
    + `${ends.length > 1 ? `, ${listing(ends.slice(1).map(({ p, end }) => `${p.label} at ${usd(end)}`))}` : ''}.`
    + `${payback.length ? ` ${payback.join('; ')}.` : ''}`
    + `${report.bitcoin.halvings?.length ? ` Halvings: ${listing(report.bitcoin.halvings.map((hv) => hv.month))}.` : ''}`;
  const years = paths[0].years;
  return {
    summary,
    table: {
      caption: 'Cumulative net cash flow at each year’s end, USD millions (the chart’s monthly points, one row per year)',
      head: ['Year', ...paths.map((p) => p.label)],
      rows: years.map((y, k) => [`${y.year} (${y.startMonth})`, ...paths.map((p) => millions(p.years[k]?.cumulativeUsd))]),
    },
  };
}

export function cashFlowChart(el) {
  let marks = { halvings: [], construction: null, zero: true };
  let labels = [];
  const meta = { title: 'Cumulative cash flow', slug: 'cash-flow', what: 'the cash-flow chart', name: ([report]) => report?.scenarioName };
  return managedChart(el, meta, (report, scenario) => {
    const t = theme();
    const first = report.pathways[0];
    labels = first ? first.months.map((m) => m.month) : [];
    const site = report.site;
    // The window runs from the first phase's construction start to the last phase's
    // commissioning (start + build months).
    const phases = Array.isArray(scenario?.retrofit?.phases) ? scenario.retrofit.phases : [];
    const start = phases.length ? Math.min(...phases.map((p) => p.constructionStartMonth)) : null;
    const end = phases.length ? Math.max(...phases.map((p) => p.constructionStartMonth + p.buildMonths)) : null;
    marks = {
      zero: true,
      halvings: report.bitcoin.halvings || [],
      construction: start === null || !site || !(end > start) ? null : { from: start, to: end, label: phases.length > 1 ? 'Construction (phases)' : 'Construction' },
    };
    if (labels.length === 0) return { empty: 'No cash flows in this report.' };
    const x = labels.map((_, i) => i);
    const series = report.pathways.map((p) => {
      const style = PATHWAY_STYLE[p.id] || { color: '--text', dash: [] };
      return { label: p.label, stroke: css(style.color), width: 2, dash: style.dash, value: (u, v) => (v === null || v === undefined ? '–' : usd(v)), points: { show: false } };
    });
    const legendExtras = [
      ...(marks.construction ? [{ kind: 'box', label: marks.construction.label, color: t.band }] : []),
      ...(marks.halvings.length ? [{ kind: 'line', label: 'Halving', color: t.marker, dash: [4, 3], width: 1 }] : []),
    ];
    return {
      key: `cf|${report.pathways.map((p) => p.id).join(',')}|${labels.length}`,
      data: [x, ...report.pathways.map((p) => p.months.map((m) => m.cumulativeUsd))],
      words: cashFlowWords(report),
      legendExtras,
      decorate: marksSvg(marks, t),
      options: {
        class: 'chart',
        scales: { x: { time: false } },
        cursor: { points: { size: 6 } },
        series: [{ label: 'Month', value: (u, v) => (v === null || v === undefined ? '–' : labels[v] || '') }, ...series],
        axes: [axisX(t, () => labels), axisY(t, usdTick)],
        plugins: [markersPlugin(() => marks, t)],
      },
    };
  });
}

const perPhDay = (v) => (v === null || v === undefined ? '–' : `$${v.toFixed(2)}`);

/** The hashprice in words: first and last month, lowest and highest, the halvings; a row per January. */
function hashpriceWords(report, model) {
  const months = report.bitcoin.months;
  let low = 0;
  let high = 0;
  months.forEach((m, k) => {
    if (m.hashpriceUsdPerPhDay < months[low].hashpriceUsdPerPhDay) low = k;
    if (m.hashpriceUsdPerPhDay > months[high].hashpriceUsdPerPhDay) high = k;
  });
  const last = months.length - 1;
  const at = (k) => `${perPhDay(months[k].hashpriceUsdPerPhDay)} (${months[k].month})`;
  const halvings = report.bitcoin.halvings || [];
  const summary = `Hashprice, USD per PH/s per day: ${at(0)} at the start, ${at(last)} at the end; lowest ${at(low)}, highest ${at(high)}.`
    + `${halvings.length ? ` Halvings, each halving the block subsidy: ${listing(halvings.map((hv) => hv.month))}.` : ''}`
    + `${model.length ? ' Your hashprice curve is drawn with the model’s own path beside it.' : ''}`;
  const rows = months
    .map((m, k) => ({ m, k }))
    .filter(({ m, k }) => k === 0 || k === last || m.month.endsWith('-01'))
    .map(({ m, k }) => [m.month, perPhDay(m.hashpriceUsdPerPhDay), ...(model.length ? [perPhDay(model[k])] : [])]);
  return {
    summary,
    table: {
      caption: 'Hashprice in USD per PH/s per day: each January, the first and the last month',
      head: ['Month', model.length ? 'Used (your curve, then the model)' : 'Hashprice', ...(model.length ? ['The model without your curve'] : [])],
      rows,
    },
  };
}

export function hashpriceChart(el) {
  let marks = { halvings: [], construction: null, zero: false };
  let labels = [];
  const meta = { title: 'Hashprice', slug: 'hashprice', what: 'the hashprice chart', name: ([report]) => report?.scenarioName };
  return managedChart(el, meta, (report) => {
    const t = theme();
    const months = report.bitcoin.months || [];
    labels = months.map((m) => m.month);
    marks = { halvings: report.bitcoin.halvings || [], construction: null, zero: false };
    if (months.length === 0) return { empty: 'No hashprice in this report.' };
    // With a hashprice curve entered, the model's own path is drawn dashed beside it.
    const model = report.bitcoin.modelHashpriceUsdPerPhDay || [];
    const dollarsPerPh = (u, v) => perPhDay(v);
    const series = [
      { label: 'Month', value: (u, v) => (v === null || v === undefined ? '–' : labels[v] || '') },
      { label: model.length ? 'Hashprice used (your curve, then the model), USD per PH/s per day' : 'Hashprice, USD per PH/s per day', stroke: css('--c-hashprice'), width: 2, points: { show: false }, value: dollarsPerPh },
    ];
    const data = [months.map((_, i) => i), months.map((m) => m.hashpriceUsdPerPhDay)];
    if (model.length) {
      series.push({ label: 'The model without your curve', stroke: css('--text-muted'), width: 1.5, dash: [6, 4], points: { show: false }, value: dollarsPerPh });
      data.push(model);
    }
    return {
      key: `hp|${labels.length}|${series.length}`,
      data,
      words: hashpriceWords(report, model),
      legendExtras: marks.halvings.length ? [{ kind: 'line', label: 'Halving', color: t.marker, dash: [4, 3], width: 1 }] : [],
      decorate: marksSvg(marks, t),
      options: {
        class: 'chart',
        scales: { x: { time: false } },
        series,
        axes: [axisX(t, () => labels), axisY(t, (v) => `$${v}`, 56)],
        plugins: [markersPlugin(() => marks, t)],
      },
    };
  });
}

const perMwh = (v) => (v === null || v === undefined ? '–' : `$${v.toFixed(2)}/MWh`);

/** The duration curve in words (the core's average, highest and each line's hours) and every 5 % of the hours. */
function durationWords(p) {
  const curve = p.durationCurve;
  const atShare = (share) => curve.find((d) => d.hoursPct >= share) ?? curve[curve.length - 1];
  const lines = (p.lines || []).map((l) => `${l.model} runs below ${perMwh(l.breakEvenUsdPerMwh)}, ${pct(l.hoursRunPct, 0)} of the hours`);
  const summary = `The first year’s hourly power prices, dearest first: average ${perMwh(p.averageUsdPerMwh)}, highest ${perMwh(p.highestUsdPerMwh)}; `
    + `the dearest 2 % of hours above ${perMwh(atShare(2).usdPerMwh)}, half the hours above ${perMwh(atShare(50).usdPerMwh)}, the cheapest hour ${perMwh(curve[curve.length - 1].usdPerMwh)}.`
    + `${lines.length ? ` ${lines.join('; ')}.` : ''}`;
  const shares = Array.from({ length: 21 }, (_, k) => k * 5);
  return {
    summary,
    table: {
      caption: 'Hourly price at each 5 % of the year’s hours, dearest first, USD per MWh',
      head: ['Share of the hours', 'Price at least'],
      rows: shares.map((share) => [`${num(share)} %`, perMwh(atShare(share).usdPerMwh)]),
    },
  };
}

/**
 * The first year's hourly prices from the dearest to the cheapest (the duration curve), with
 * each ASIC line's break-even drawn across it: a line runs in the hours right of where its
 * break-even meets the curve. The price axis stops above the highest break-even and the
 * curve's top 2 % (the spikes, named in the panel's text), so that the bulk of the year is read.
 */
export function durationChart(el) {
  const meta = { title: 'Power price duration curve, first year', slug: 'power-duration', what: 'the power price chart', name: ([report]) => report?.scenarioName };
  return managedChart(el, meta, (report) => {
    const t = theme();
    const p = report.power;
    const curve = p?.durationCurve || [];
    if (curve.length === 0) return { empty: 'No hourly prices in this report.' };
    const lines = p.lines || [];
    const x = curve.map((d) => d.hoursPct);
    const prices = curve.map((d) => d.usdPerMwh);
    const top = prices.find((_, i) => x[i] >= 2) ?? prices[0];
    const high = Math.max(top, ...lines.map((l) => l.breakEvenUsdPerMwh)) * 1.15;
    const low = Math.min(0, prices[prices.length - 1]);
    const dollars = (u, v) => perMwh(v);
    const dashes = [[8, 4], [3, 3], [12, 4, 3, 4], [2, 6]];
    const series = [
      { label: 'Share of the year’s hours', value: (u, v) => (v === null || v === undefined ? '–' : `${v.toFixed(1)} %`) },
      { label: 'Hourly price, dearest first', stroke: css('--c-hashprice'), width: 2, points: { show: false }, value: dollars },
      ...lines.map((l, i) => ({ label: `${l.model} runs below`, stroke: css('--c-mining'), width: 1.5, dash: dashes[i % dashes.length], points: { show: false }, value: dollars })),
    ];
    return {
      key: `dc|${curve.length}|${lines.length}`,
      data: [x, prices.map((v) => Math.min(v, high)), ...lines.map((l) => x.map(() => l.breakEvenUsdPerMwh))],
      words: durationWords(p),
      options: {
        class: 'chart',
        scales: { x: { time: false, range: [0, 100] }, y: { range: [low, high] } },
        series,
        axes: [
          { stroke: t.text, font: t.font, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, values: (u, splits) => splits.map((v) => `${v} %`) },
          axisY(t, (v) => `$${v}`, 56),
        ],
      },
    };
  });
}
