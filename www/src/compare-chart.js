// The compare panel's chart: one pathway's cumulative net cash flow, one line per scenario.
// Scenarios may start in different months and run for different horizons, so the lines are
// aligned on the month index (month 0 is each scenario's own first month) and the x axis is
// labelled in years from the start; a shorter horizon's line simply ends earlier.
// uPlot with the theme of charts.js.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usd, usdTick, months } from './format.js';
import { theme } from './charts.js';
import { css } from './dom.js';

/**
 * One colour and one dash per scenario column, so lines stay apart in greyscale and for
 * colour-blind readers (the colours are compare.css's Okabe–Ito --c-scenario-N).
 */
const DASHES = [[], [10, 5], [3, 4], [12, 4, 3, 4]];

/** Ticks every whole number of years from the start, thinned to what the width holds. */
function yearSplits(count, width) {
  const years = Math.floor((count - 1) / 12);
  const room = Math.max(1, Math.floor(width / 48));
  const stride = [1, 2, 5, 10].find((s) => Math.ceil((years + 1) / s) <= room) || 10;
  const splits = [];
  for (let y = 0; y <= years; y += stride) splits.push(y * 12);
  return splits;
}

/** The line at zero cumulative cash flow: where a line crosses it, that scenario has paid back. */
const zeroLine = (t) => ({
  hooks: {
    draw: [
      (u) => {
        const y = u.valToPos(0, 'y', true);
        const { ctx, bbox } = u;
        if (y < bbox.top || y > bbox.top + bbox.height) return;
        ctx.save();
        ctx.strokeStyle = t.zero;
        ctx.lineWidth = devicePixelRatio;
        // Solid: the context still holds the dash of the last line uPlot drew.
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(bbox.left, y);
        ctx.lineTo(bbox.left + bbox.width, y);
        ctx.stroke();
        ctx.restore();
      },
    ],
  },
});

/** What the chart shows, in words, for the canvas's text alternative. */
function describe(pathwayLabel, lines) {
  const each = lines.map(({ name, pathway }) => {
    const flows = pathway.months;
    const last = flows[flows.length - 1];
    const payback = pathway.paybackMonths === null || pathway.paybackMonths === undefined
      ? 'does not pay back'
      : `pays back after ${months(pathway.paybackMonths)}`;
    return `${name}: ${usd(last ? last.cumulativeUsd : null)} after ${months(flows.length)}, ${payback}`;
  });
  return `Cumulative net cash flow of ${pathwayLabel}, month by month from each scenario’s start. ${each.join('. ')}. The results table holds every figure.`;
}

/**
 * A chart in `el` that draws `update({ pathwayLabel, lines: [{ name, column, pathway }] })`:
 * one line per scenario, `column` its place in the comparison (its colour and dash),
 * `pathway` the report's pathway object with its monthly `cumulativeUsd`.
 */
export function compareChart(el) {
  let plot = null;
  let last = null;
  const width = () => Math.max(240, el.clientWidth);
  const height = () => (el.clientWidth < 520 ? 240 : 320);

  function update(spec) {
    last = spec;
    plot?.destroy();
    plot = null;
    const { lines, pathwayLabel } = spec;
    const count = Math.max(0, ...lines.map((l) => l.pathway.months.length));
    if (lines.length === 0 || count === 0) {
      el.replaceChildren();
      return;
    }
    const t = theme();
    const x = Array.from({ length: count }, (_, i) => i);
    // uPlot reads null as a gap: a shorter horizon's line ends where its months do.
    const data = [x, ...lines.map((l) => x.map((i) => l.pathway.months[i]?.cumulativeUsd ?? null))];
    const series = lines.map((l) => ({
      label: l.name,
      stroke: css(`--c-scenario-${l.column + 1}`),
      width: 2,
      dash: DASHES[l.column % DASHES.length],
      points: { show: false },
      value: (u, v) => (v === null || v === undefined ? '–' : usd(v)),
    }));
    plot = new uPlot({
      width: width(),
      height: height(),
      class: 'chart',
      scales: { x: { time: false } },
      cursor: { points: { size: 6 } },
      legend: { live: true },
      series: [{ label: 'Month', value: (u, v) => (v === null || v === undefined ? '–' : String(v + 1)) }, ...series],
      axes: [
        {
          label: 'Years from each scenario’s start',
          labelFont: t.font,
          labelSize: 20,
          stroke: t.text,
          font: t.font,
          grid: { stroke: t.grid, width: 1 },
          ticks: { stroke: t.grid, width: 1 },
          splits: (u) => yearSplits(count, u.bbox.width / devicePixelRatio),
          values: (u, splits) => splits.map((i) => String(i / 12)),
        },
        { stroke: t.text, font: t.font, size: 72, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, values: (u, splits) => splits.map(usdTick) },
      ],
      plugins: [zeroLine(t)],
    }, data, el);
    const canvas = plot.root.querySelector('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', describe(pathwayLabel, lines));
  }

  new ResizeObserver(() => {
    if (plot && Math.abs(plot.width - width()) > 2) plot.setSize({ width: width(), height: height() });
  }).observe(el);
  // The colours are the theme's: a switch between light and dark redraws with the new ones.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => last && update(last));

  return { update };
}
