// Time-series charts with uPlot: cumulative cash flow of every pathway (halvings and the
// construction window marked) and the hashprice. uPlot draws ~120–360 monthly points per
// series on a canvas in well under a millisecond, is ~50 KB, has no dependencies and needs no
// network — so the page redraws on every keystroke without lag and works offline.
// The x axis is the model's month index; its labels are the core's "YYYY-MM" strings.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usd, usdTick } from './format.js';

/** Colours and dash patterns per pathway (Okabe–Ito, readable by colour-blind people and in greyscale). */
export const PATHWAY_STYLE = {
  mining: { color: '--c-mining', dash: [] },
  colocation: { color: '--c-colocation', dash: [10, 5] },
  gpuCloud: { color: '--c-gpu', dash: [3, 4] },
};

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

function theme() {
  return {
    text: css('--text-muted') || '#555',
    grid: css('--grid') || '#ddd',
    zero: css('--text') || '#222',
    band: css('--band') || 'rgba(0,0,0,0.06)',
    marker: css('--marker') || '#555',
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

/** Draws the shaded construction window (before the series) and halving lines (after). */
function markersPlugin(getMarks, t) {
  const xPos = (u, i) => u.valToPos(i, 'x', true);
  return {
    hooks: {
      drawClear: [
        (u) => {
          const { construction } = getMarks();
          if (!construction) return;
          const { ctx, bbox } = u;
          const x0 = Math.max(bbox.left, xPos(u, construction.from));
          const x1 = Math.min(bbox.left + bbox.width, xPos(u, construction.to));
          if (x1 <= x0) return;
          ctx.save();
          ctx.fillStyle = t.band;
          ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
          ctx.fillStyle = t.text;
          ctx.font = `${Math.round(11 * devicePixelRatio)}px ${css('--font') || 'sans-serif'}`;
          ctx.textBaseline = 'top';
          ctx.fillText(construction.label, x0 + 4 * devicePixelRatio, bbox.top + 4 * devicePixelRatio);
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
              ctx.lineWidth = devicePixelRatio;
              ctx.beginPath();
              ctx.moveTo(bbox.left, y);
              ctx.lineTo(bbox.left + bbox.width, y);
              ctx.stroke();
            }
          }
          ctx.strokeStyle = t.marker;
          ctx.fillStyle = t.marker;
          ctx.lineWidth = devicePixelRatio;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.font = `${Math.round(11 * devicePixelRatio)}px ${css('--font') || 'sans-serif'}`;
          ctx.textBaseline = 'bottom';
          // Labels that would overlap the previous one move up a line.
          let lastRight = -Infinity;
          let row = 0;
          const lineHeight = 14 * devicePixelRatio;
          for (const hv of halvings) {
            const x = xPos(u, hv.index);
            if (x < bbox.left || x > bbox.left + bbox.width) continue;
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
            const label = `Halving ${hv.month}`;
            const w = ctx.measureText(label).width;
            const pad = 4 * devicePixelRatio;
            const right = x + pad + w <= bbox.left + bbox.width;
            const start = right ? x + pad : x - pad - w;
            row = start < lastRight + pad ? row + 1 : 0;
            lastRight = start + w;
            ctx.textAlign = 'left';
            ctx.fillText(label, start, bbox.top + bbox.height - pad - row * lineHeight);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/**
 * A chart that keeps one uPlot instance and replaces its data on each report; it is rebuilt
 * only when the series or the theme change.
 */
function managedChart(el, build) {
  let plot = null;
  let key = '';
  let lastArgs = null;
  // A fixed size while printing: the page is laid out at A4 width, not at the window's.
  let fixed = null;
  const width = () => fixed?.width ?? Math.max(280, el.clientWidth);
  const height = () => fixed?.height ?? (el.clientWidth < 520 ? 240 : 320);

  function update(...args) {
    lastArgs = args;
    const spec = build(...args);
    if (spec.empty) {
      plot?.destroy();
      plot = null;
      key = '';
      const note = document.createElement('p');
      note.className = 'muted chart-empty';
      note.textContent = spec.empty;
      el.replaceChildren(note);
      return;
    }
    el.querySelector('.chart-empty')?.remove();
    const nextKey = `${spec.key}|${document.documentElement.dataset.scheme || ''}`;
    if (!plot || nextKey !== key) {
      plot?.destroy();
      plot = new uPlot({ ...spec.options, width: width(), height: height() }, spec.data, el);
      key = nextKey;
    } else {
      plot.setData(spec.data);
    }
  }
  new ResizeObserver(() => {
    if (plot && !fixed && Math.abs(plot.width - width()) > 2) plot.setSize({ width: width(), height: height() });
  }).observe(el);
  return {
    update,
    /** `{ width, height }` in CSS pixels, or null to follow the container again. */
    fixSize(size) {
      fixed = size;
    },
    /** Rebuilds with the current colours (after a light/dark switch or before printing). */
    redraw() {
      if (!lastArgs) return;
      plot?.destroy();
      plot = null;
      update(...lastArgs);
    },
  };
}

export function cashFlowChart(el) {
  let marks = { halvings: [], construction: null, zero: true };
  let labels = [];
  return managedChart(el, (report, scenario) => {
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
    return {
      key: `cf|${report.pathways.map((p) => p.id).join(',')}|${labels.length}`,
      data: [x, ...report.pathways.map((p) => p.months.map((m) => m.cumulativeUsd))],
      options: {
        class: 'chart',
        scales: { x: { time: false } },
        cursor: { points: { size: 6 } },
        legend: { live: true },
        series: [{ label: 'Month', value: (u, v) => (v === null || v === undefined ? '–' : labels[v] || '') }, ...series],
        axes: [axisX(t, () => labels), axisY(t, usdTick)],
        plugins: [markersPlugin(() => marks, t)],
      },
    };
  });
}

export function hashpriceChart(el) {
  let marks = { halvings: [], construction: null, zero: false };
  let labels = [];
  return managedChart(el, (report) => {
    const t = theme();
    const months = report.bitcoin.months || [];
    labels = months.map((m) => m.month);
    marks = { halvings: report.bitcoin.halvings || [], construction: null, zero: false };
    if (months.length === 0) return { empty: 'No hashprice in this report.' };
    // With a hashprice curve entered, the model's own path is drawn dashed beside it.
    const model = report.bitcoin.modelHashpriceUsdPerPhDay || [];
    const dollarsPerPh = (u, v) => (v === null || v === undefined ? '–' : `$${v.toFixed(2)}`);
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
      options: {
        class: 'chart',
        scales: { x: { time: false } },
        legend: { live: true },
        series,
        axes: [axisX(t, () => labels), axisY(t, (v) => `$${v}`, 56)],
        plugins: [markersPlugin(() => marks, t)],
      },
    };
  });
}

/**
 * The first year's hourly prices from the dearest to the cheapest (the duration curve), with
 * each ASIC line's break-even drawn across it: a line runs in the hours right of where its
 * break-even meets the curve. The price axis stops above the highest break-even and the
 * curve's top 2 % (the spikes, named in the panel's text), so that the bulk of the year is read.
 */
export function durationChart(el) {
  return managedChart(el, (report) => {
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
    const dollars = (u, v) => (v === null || v === undefined ? '–' : `$${v.toFixed(2)}/MWh`);
    const dashes = [[8, 4], [3, 3], [12, 4, 3, 4], [2, 6]];
    const series = [
      { label: 'Share of the year’s hours', value: (u, v) => (v === null || v === undefined ? '–' : `${v.toFixed(1)} %`) },
      { label: 'Hourly price, dearest first', stroke: css('--c-hashprice'), width: 2, points: { show: false }, value: dollars },
      ...lines.map((l, i) => ({ label: `${l.model} runs below`, stroke: css('--c-mining'), width: 1.5, dash: dashes[i % dashes.length], points: { show: false }, value: dollars })),
    ];
    return {
      key: `dc|${curve.length}|${lines.length}`,
      data: [x, prices.map((v) => Math.min(v, high)), ...lines.map((l) => x.map(() => l.breakEvenUsdPerMwh))],
      options: {
        class: 'chart',
        scales: { x: { time: false, range: [0, 100] }, y: { range: [low, high] } },
        legend: { live: true },
        series,
        axes: [
          { stroke: t.text, font: t.font, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, values: (u, splits) => splits.map((v) => `${v} %`) },
          axisY(t, (v) => `$${v}`, 56),
        ],
      },
    };
  });
}
