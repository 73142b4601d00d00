// A chart as a file: an SVG document written from the chart's data (the same scales, ticks and
// series the screen shows, not a picture of the canvas), and a PNG drawn from that SVG at twice
// the size. Both are made in the browser from what is on the page: no network.
//
// Exports use the light colours whatever the page's scheme, as printing does: a chart pasted
// into a board pack or a report sits on white paper.

import uPlot from 'uplot';
import { css } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

const escapeXml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** `name="value"` pairs, escaped; undefined and null values are left out. */
const attrs = (o) => Object.entries(o)
  .filter(([, v]) => v !== undefined && v !== null)
  .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
  .join('');

export const tag = (name, a, body) => (body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`);

/**
 * Runs `fn` with the page's light colours in force. styles.css keeps the light variables while
 * the root carries `data-print` (so that dark mode prints on white); the attribute is set and
 * removed within this call, before the browser paints.
 */
export function inLightColours(fn) {
  const root = document.documentElement;
  if (root.hasAttribute('data-print')) return fn();
  root.setAttribute('data-print', '');
  try {
    return fn();
  } finally {
    root.removeAttribute('data-print');
  }
}

/** The colours and font an exported file is written in (call inside `inLightColours`). */
export function exportTheme() {
  return {
    background: css('--surface') || '#fff',
    text: css('--text') || '#1a1d23',
    muted: css('--text-muted') || '#555d6b',
    grid: css('--grid') || '#e3e6eb',
    font: css('--font') || 'system-ui, sans-serif',
  };
}

let measurer = null;
/** Text width in CSS pixels at `size` px, for laying out a legend that no browser will reflow. */
export function textWidth(text, size, font) {
  measurer ??= document.createElement('canvas').getContext('2d');
  measurer.font = `${size}px ${font}`;
  return measurer.measureText(text).width;
}

const dashAttr = (dash) => (dash && dash.length ? dash.join(' ') : undefined);

/**
 * A legend under the chart: items flow left to right and wrap. Each item is
 * `{ label, color, dash?, kind: 'line' | 'box' | 'ring', opacity? }`.
 */
function legendSvg(items, { top, width, theme }) {
  const size = 12;
  const rowHeight = 20;
  const key = 24;
  let x = 12;
  let y = top + 14;
  const parts = [];
  for (const item of items) {
    const w = key + 6 + textWidth(item.label, size, theme.font);
    if (x > 12 && x + w > width - 12) {
      x = 12;
      y += rowHeight;
    }
    if (item.kind === 'box') parts.push(tag('rect', { x, y: y - 9, width: key, height: 10, fill: item.color, 'fill-opacity': item.opacity }));
    else if (item.kind === 'ring') parts.push(tag('circle', { cx: x + key / 2, cy: y - 4, r: 5, fill: 'none', stroke: item.color, 'stroke-width': 2 }));
    else parts.push(tag('line', { x1: x, y1: y - 4, x2: x + key, y2: y - 4, stroke: item.color, 'stroke-width': item.width ?? 2, 'stroke-dasharray': dashAttr(item.dash) }));
    parts.push(tag('text', { x: x + key + 6, y, 'font-size': size, fill: theme.text }, escapeXml(item.label)));
    x += w + 16;
  }
  return { body: parts.join(''), height: items.length ? y - top + 10 : 0 };
}

/** The standalone document: a title above, the drawing, a legend below, a white ground. */
function document_({ title, width, plotHeight, body, legend, theme }) {
  const titleHeight = 30;
  const foot = legendSvg(legend, { top: titleHeight + plotHeight, width, theme });
  const height = Math.ceil(titleHeight + plotHeight + foot.height);
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n'
    + tag('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': theme.font },
      tag('title', {}, escapeXml(title))
      + tag('rect', { width, height, fill: theme.background })
      + tag('text', { x: 12, y: 20, 'font-size': 15, 'font-weight': 600, fill: theme.text, class: 'chart-title' }, escapeXml(title))
      + tag('g', { transform: `translate(0 ${titleHeight})` }, body)
      + foot.body)
    + '\n';
  return { text, width, height };
}

/** Points of one series as an SVG path, a new segment after each gap; stepped when the series is. */
function seriesPath(u, i) {
  const s = u.series[i];
  const xs = u.data[0];
  const ys = u.data[i];
  let d = '';
  let pen = false;
  for (let k = 0; k < xs.length; k++) {
    const v = ys[k];
    if (v === null || v === undefined) {
      pen = false;
      continue;
    }
    const x = u.valToPos(xs[k], 'x');
    const y = u.valToPos(v, s.scale);
    if (!pen) d += `M${x.toFixed(1)},${y.toFixed(1)}`;
    else if (s.step) d += `H${x.toFixed(1)}V${y.toFixed(1)}`;
    else d += `L${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The polygon between two series (a uPlot band), upper one forwards, lower one back. */
function bandPath(u, upper, lower) {
  const xs = u.data[0];
  const pts = (i, order) => order.map((k) => `${u.valToPos(xs[k], 'x').toFixed(1)},${u.valToPos(u.data[i][k], u.series[i].scale).toFixed(1)}`);
  const idx = xs.map((_, k) => k).filter((k) => u.data[upper][k] != null && u.data[lower][k] != null);
  if (idx.length < 2) return '';
  return `M${pts(upper, idx).join('L')}L${pts(lower, [...idx].reverse()).join('L')}Z`;
}

/**
 * A uPlot chart as SVG: grid, ticks and their labels as uPlot computed them for the screen,
 * every shown series with its colour and dash, bands and fills, plus `decorate(u, plot)` for
 * what a plugin draws (the construction window, halvings). `plot` is the plotting area in CSS
 * pixels; series coordinates are relative to it, so they sit in a group moved there.
 */
export function plotSvg(u, { title, theme, legendExtras = [], decorate }) {
  const ratio = uPlot.pxRatio || devicePixelRatio;
  const plot = { left: u.bbox.left / ratio, top: u.bbox.top / ratio, width: u.bbox.width / ratio, height: u.bbox.height / ratio };
  const parts = [];
  for (const axis of u.axes) {
    if (axis.show === false || !axis._splits) continue;
    const horizontal = axis.side % 2 === 0;
    const key = axis.scale;
    const color = typeof axis.stroke === 'function' ? axis.stroke(u, u.axes.indexOf(axis)) : axis.stroke;
    axis._splits.forEach((v, k) => {
      const label = axis._values?.[k];
      const p = u.valToPos(v, key);
      if (!(p >= -0.5 && p <= (horizontal ? plot.width : plot.height) + 0.5)) return;
      if (horizontal) {
        const x = plot.left + p;
        parts.push(tag('line', { x1: x, y1: plot.top, x2: x, y2: plot.top + plot.height + 6, stroke: theme.grid, 'stroke-width': 1, class: 'grid' }));
        if (label !== null && label !== undefined && label !== '') parts.push(tag('text', { x, y: plot.top + plot.height + 20, 'text-anchor': 'middle', 'font-size': 12, fill: color, class: 'tick' }, escapeXml(label)));
      } else {
        const y = plot.top + p;
        parts.push(tag('line', { x1: plot.left - 6, y1: y, x2: plot.left + plot.width, y2: y, stroke: theme.grid, 'stroke-width': 1, class: 'grid' }));
        if (label !== null && label !== undefined && label !== '') parts.push(tag('text', { x: plot.left - 9, y: y + 4, 'text-anchor': 'end', 'font-size': 12, fill: color, class: 'tick' }, escapeXml(label)));
      }
    });
  }
  const inner = [];
  for (const band of u.bands || []) {
    const [upper, lower] = band.series;
    if (!u.series[upper]?.show || !u.series[lower]?.show) continue;
    const d = bandPath(u, upper, lower);
    const fill = typeof band.fill === 'function' ? band.fill(u, upper) : band.fill;
    if (d && fill) inner.push(tag('path', { d, fill, stroke: 'none', class: 'band' }));
  }
  const legend = [];
  u.series.forEach((s, i) => {
    if (i === 0 || !s.show) return;
    const d = seriesPath(u, i);
    // uPlot keeps each colour as a function of (plot, series index) once built.
    const stroke = typeof s.stroke === 'function' ? s.stroke(u, i) : s.stroke;
    const fill = typeof s.fill === 'function' ? s.fill(u, i) : s.fill;
    if (typeof fill === 'string') {
      const base = u.valToPos(Math.max(0, u.scales[s.scale].min), s.scale).toFixed(1);
      const first = u.valToPos(u.data[0][0], 'x').toFixed(1);
      const last = u.valToPos(u.data[0][u.data[0].length - 1], 'x').toFixed(1);
      inner.push(tag('path', { d: `M${first},${base}${d.replace(/^M/, 'L')}L${last},${base}Z`, fill, stroke: 'none', class: 'fill' }));
    }
    inner.push(tag('path', { d, fill: 'none', stroke, 'stroke-width': s.width, 'stroke-dasharray': dashAttr(s.dash), 'stroke-linejoin': 'round', class: 'series', 'data-label': s.label }));
    legend.push({ label: s.label, color: stroke, dash: s.dash, width: s.width });
  });
  const clip = tag('clipPath', { id: 'plot-area' }, tag('rect', { width: plot.width, height: plot.height }));
  const extra = decorate ? decorate(u, plot) : { under: '', over: '' };
  const body = parts.join('')
    + tag('defs', {}, clip)
    + tag('g', { transform: `translate(${plot.left} ${plot.top})` },
      (extra.under || '') + tag('g', { 'clip-path': 'url(#plot-area)' }, inner.join('')) + (extra.over || ''));
  return document_({ title, width: u.width, plotHeight: u.height, body, legend: [...legend, ...legendExtras], theme });
}

/**
 * An SVG already on the page (the decision map) as a standalone file: a copy whose classes
 * are replaced by the attributes they stand for, since the page's stylesheet does not travel
 * with it, under a title and above a legend.
 */
export function svgElementSvg(svg, { title, theme, styles, legend, width }) {
  const copy = svg.cloneNode(true);
  for (const [selector, values] of Object.entries(styles)) {
    for (const node of copy.querySelectorAll(selector)) {
      for (const [k, v] of Object.entries(values)) node.setAttribute(k, String(v));
      node.removeAttribute('class');
    }
  }
  const box = svg.viewBox.baseVal;
  const height = (width * box.height) / box.width;
  copy.setAttribute('x', '0');
  copy.setAttribute('y', '0');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', height.toFixed(1));
  for (const name of ['class', 'role', 'aria-label']) copy.removeAttribute(name);
  return document_({ title, width, plotHeight: height, body: new XMLSerializer().serializeToString(copy), legend, theme });
}

/** A PNG of an SVG document at `scale` × its size: the SVG drawn onto a canvas through an image. */
export function rasterise({ text, width, height }, scale = 2) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the browser could not draw the chart as an image'));
    };
    img.src = url;
  });
}

/**
 * The SVG of a chart on screen, rebuilt from its spec in the light colours: `makeSpec()` (run
 * with the light colours in force) gives `{ options, data }`; the copy takes the live chart's
 * size and the series the person left shown, so the file is what the screen shows.
 */
export async function uplotSvg(live, makeSpec, { title, legendExtras, decorate } = {}) {
  const shown = live.series.map((s) => s.show);
  const { spec, theme } = inLightColours(() => ({ spec: makeSpec(), theme: exportTheme() }));
  const series = spec.options.series.map((s, i) => ({ ...s, show: shown[i] ?? true }));
  const copy = new uPlot({ ...spec.options, series, legend: { show: false }, width: live.width, height: live.height }, spec.data, document.createElement('div'));
  // uPlot lays out its axes in a microtask after it is built.
  await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    return plotSvg(copy, { title, theme, legendExtras: legendExtras ?? spec.legendExtras, decorate: decorate ?? spec.decorate });
  } finally {
    copy.destroy();
  }
}
