// The methodology page's source tables, read from the core's presets so they can never drift
// from what the calculator uses.

import * as engine from './engine.js';
import { h, fill, $, sourceLink } from './dom.js';
import { allFields } from './fields.js';
import { usdExact, plain } from './format.js';

const labels = new Map(allFields().map((f) => [f.path, `${f.group} · ${f.label}${f.unit ? ` (${f.unit})` : ''}`]));

const estimateBadge = (flag) => (flag ? h('span', { class: 'badge estimate' }, 'estimate') : null);

function table(caption, head, rows) {
  return h('table', { class: 'bill sources' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows));
}

function scenarioLabel(field) {
  const fleet = /^mining\.fleet\[(\d+)\]\.(\w+)$/.exec(field);
  if (fleet) return `Default fleet, line ${Number(fleet[1]) + 1} · ${fleet[2]}`;
  return labels.get(field) || field;
}

try {
  const p = engine.presets();
  fill($('#sources-tables'),
    table('Scenario defaults', ['Input', 'Source', 'As of', 'Estimate'],
      p.sources.map((s) => h('tr', {}, h('td', {}, scenarioLabel(s.field), h('code', { class: 'path' }, s.field)), h('td', {}, s.source, s.url ? [' ', sourceLink(s.url)] : null), h('td', {}, s.asOf), h('td', {}, estimateBadge(s.estimate))))),
    table('Retrofit cost library (override any unit cost by its id)', ['Item', 'Unit cost', 'Source', 'As of', 'Estimate'],
      p.costLibrary.map((c) => h('tr', {}, h('td', {}, `${c.category} · ${c.label}`, h('code', { class: 'path' }, c.id)),
        h('td', { class: 'num' }, `${usdExact(c.unitCostUsd)} per ${c.unit}`), h('td', {}, c.source, c.url ? [' ', sourceLink(c.url)] : null), h('td', {}, c.asOf), h('td', {}, estimateBadge(c.estimate))))),
    table('ASIC models', ['Model', 'TH/s', 'W', 'J/TH', 'Source', 'As of'],
      p.asics.map((a) => h('tr', {}, h('td', {}, a.model), h('td', { class: 'num' }, plain(a.hashrateThs)), h('td', { class: 'num' }, plain(a.powerW)),
        h('td', { class: 'num' }, plain(a.efficiencyJPerTh)), h('td', {}, a.source, a.url ? [' ', sourceLink(a.url)] : null), h('td', {}, a.asOf)))),
    table('GPU systems (all-in per GPU)', ['System', 'IT kW per GPU', 'Capex per GPU', 'Market rent per GPU-hour', 'Source', 'As of', 'Estimate'],
      p.gpuSystems.map((g) => h('tr', {}, h('td', {}, g.label), h('td', { class: 'num' }, plain(g.itKwPerGpu, 3)), h('td', { class: 'num' }, usdExact(g.capexUsdPerGpu)),
        h('td', { class: 'num' }, `${usdExact(g.marketRentUsdPerGpuHour, 2)} — ${g.rentSource}`),
        h('td', {}, g.source, g.url ? [' ', sourceLink(g.url)] : null), h('td', {}, g.asOf), h('td', {}, estimateBadge(g.estimate))))),
    table('Cooling technologies', ['Technology', 'Max kW per rack', 'Typical PUE', 'Source', 'As of', 'Estimate'],
      p.cooling.map((c) => h('tr', {}, h('td', {}, c.label), h('td', { class: 'num' }, plain(c.maxRackDensityKw)), h('td', { class: 'num' }, plain(c.typicalPue, 2)),
        h('td', {}, c.source, c.url ? [' ', sourceLink(c.url)] : null), h('td', {}, c.asOf), h('td', {}, estimateBadge(c.estimate))))));
  $('#sources-status').textContent = `${p.sources.length} scenario defaults, ${p.costLibrary.length} cost-library items, market data as of ${p.marketData.asOfLabel}, core version ${engine.version()}.`;
} catch (thrown) {
  $('#sources-status').textContent = `The sources could not be read from the core: ${thrown && thrown.message ? thrown.message : String(thrown)}`;
}
