// What every chart on the page carries around its drawing: a summary sentence (the figure's
// caption, read first by a screen reader and printed with the chart), a legend of toggle
// buttons (uPlot's own legend is a table whose rows take a click but never the focus), the
// numbers behind the chart as a table in a <details>, and PNG and SVG downloads.

import { h, fill } from './dom.js';
import { download, fileStem } from './export.js';
import { rasterise } from './chart-export.js';
import './charts.css';

const NS = 'http://www.w3.org/2000/svg';

/** A short line in the series' colour and dash, the legend button's key. */
function lineKey(color, dash) {
  const svg = document.createElementNS(NS, 'svg');
  for (const [k, v] of Object.entries({ width: 26, height: 10, viewBox: '0 0 26 10', 'aria-hidden': 'true', class: 'legend-key' })) svg.setAttribute(k, v);
  const line = document.createElementNS(NS, 'line');
  for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 25, y2: 5, stroke: color, 'stroke-width': 2.5, 'stroke-dasharray': dash?.length ? dash.join(' ') : 'none' })) line.setAttribute(k, String(v));
  svg.append(line);
  return svg;
}

/**
 * @param host   the element the chart lives in (its id names the parts for aria references)
 * @param title  the chart's name, for the accessible names and the exported file's title
 * @param slug   the file name's last part: `<scenario>-<slug>.png`
 * @param what   how a button names the chart: "the cash-flow chart"
 * @param img    false when the drawing names itself (an SVG with its own role and label)
 */
export function chartFrame(host, { title, slug, what, img = true }) {
  const id = host.id;
  const plot = img
    ? h('div', { class: 'chart-box', role: 'img', 'aria-label': title, 'aria-describedby': `${id}-summary` })
    : h('div', { class: 'chart-box' });
  // Hidden until a chart with series binds it: the decision map has a key, not toggles.
  const legend = h('div', { class: 'chart-legend', role: 'group', 'aria-label': `${title}: series (press a name to hide or show it)`, hidden: true });
  const summary = h('figcaption', { class: 'chart-summary', id: `${id}-summary` });
  const region = h('div', { class: 'table-scroll chart-table', tabindex: '0', role: 'region', 'aria-label': `${title}: data table` });
  const details = h('details', { class: 'chart-data no-print' },
    h('summary', {}, 'Data table', h('span', { class: 'visually-hidden' }, `: ${title}`)), region);
  const status = h('span', { class: 'chart-export-status', role: 'status' });
  let exporter = null;
  let stem = () => fileStem('');

  async function save(kind) {
    if (!exporter) return;
    status.textContent = '';
    try {
      const doc = await exporter();
      const name = `${stem()}-${slug}.${kind}`;
      if (kind === 'svg') download(name, 'image/svg+xml', doc.text);
      else download(name, 'image/png', await rasterise(doc, 2));
    } catch (e) {
      status.textContent = `The ${kind.toUpperCase()} could not be made: ${e.message}.`;
    }
  }
  const button = (kind) => h('button', { type: 'button', class: 'button chart-export', dataset: { export: kind }, 'aria-label': `Download ${what} as ${kind.toUpperCase()}`, onclick: () => save(kind) }, kind.toUpperCase());
  const tools = h('div', { class: 'chart-tools no-print' }, button('png'), button('svg'), status);
  const figure = h('figure', { class: 'chart-figure' }, tools, plot, legend, summary, details);
  fill(host, figure);

  let valueCells = [];
  let readout = null;

  return {
    figure,
    /** Where uPlot draws. */
    plot,
    /** Hooks to give uPlot: the legend follows the cursor and each series' visibility. */
    plugin: {
      hooks: {
        setCursor: [(u) => {
          const k = u.cursor.idx;
          if (readout) readout.textContent = k === null || k === undefined ? '' : u.series[0].value(u, u.data[0][k]);
          valueCells.forEach((cell, i) => {
            const s = u.series[i + 1];
            cell.textContent = k === null || k === undefined || !s.show ? '' : s.value(u, u.data[i + 1][k]);
          });
        }],
        setSeries: [(u, i) => {
          if (i === null) return;
          const b = legend.querySelector(`button[data-series="${i}"]`);
          b?.setAttribute('aria-pressed', String(u.series[i].show));
          host.dataset.shown = JSON.stringify(u.series.slice(1).map((s) => s.show));
        }],
      },
    },
    /** A new uPlot instance: one toggle button per series, in the series' colour and dash. */
    bindLegend(u) {
      readout = h('span', { class: 'legend-x', 'aria-hidden': 'true' });
      valueCells = [];
      const items = u.series.slice(1).map((s, k) => {
        const i = k + 1;
        const value = h('span', { class: 'legend-value', 'aria-hidden': 'true' });
        valueCells.push(value);
        const color = typeof s.stroke === 'function' ? s.stroke(u, i) : s.stroke;
        return h('span', { class: 'legend-item' },
          h('button', { type: 'button', class: 'legend-toggle', 'aria-pressed': String(s.show), dataset: { series: String(i) }, onclick: () => u.setSeries(i, { show: !u.series[i].show }) },
            lineKey(color, s.dash), s.label),
          value);
      });
      fill(legend, items, readout);
      legend.hidden = false;
      host.dataset.shown = JSON.stringify(u.series.slice(1).map((s) => s.show));
    },
    /** No chart to draw: a sentence in its place, the rest emptied. */
    empty(text) {
      fill(plot, h('p', { class: 'muted chart-empty' }, text));
      fill(legend);
      summary.textContent = '';
      fill(region);
      exporter = null;
      tools.hidden = true;
      details.hidden = true;
    },
    /**
     * The words and numbers behind the drawing: `summary` a sentence, `table`
     * `{ caption, head: [..], rows: [[rowHeader, ...cells]] }`.
     */
    describe({ summary: text, table }) {
      summary.textContent = text;
      plot.querySelector('.chart-empty')?.remove();
      tools.hidden = false;
      details.hidden = false;
      fill(region, h('table', { class: 'years chart-data-table' },
        h('caption', {}, table.caption),
        h('thead', {}, h('tr', {}, table.head.map((c, k) => h('th', { scope: 'col', class: k ? 'num' : '' }, c)))),
        h('tbody', {}, table.rows.map(([first, ...cells]) => h('tr', {}, h('th', { scope: 'row' }, first), cells.map((c) => h('td', { class: 'num' }, c)))))));
    },
    /** `make()` resolves to `{ text, width, height }`, the SVG file; `name()` is the scenario's name. */
    setExport(make, name) {
      exporter = make;
      stem = () => fileStem(name());
    },
  };
}
