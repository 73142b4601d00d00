// Draws a report: the verdict, a card per pathway, the site sizing, warnings, the capex bill
// with its greenfield comparison, break-evens, the tornado, the yearly table and the
// assumptions. Every number is a field of the core's report; this module only formats and
// lays out (bar widths are proportions of the largest bar, for drawing).

import { h, fill, $, sourceLink } from './dom.js';
import { usd, usdDelta, usdExact, millions, pct, num, months, orNote, plain } from './format.js';
import { allFields, unitOf } from './fields.js';
import { getPath } from './state.js';
import { inputText } from './input-text.js';

const PATHWAY_CLASS = { mining: 'p-mining', colocation: 'p-colocation', gpuCloud: 'p-gpu' };

function paybackText(p) {
  if (p.paybackMonths === null || p.paybackMonths === undefined) return { text: 'n/a', note: p.paybackNote || 'does not pay back within the horizon' };
  const label = p.months?.[p.paybackMonths]?.month;
  return { text: `${months(p.paybackMonths)}${label ? `, ${label}` : ''}`, note: '' };
}

/** The build cost per MW of critical IT; the GPU cloud's says that it holds the first GPUs. */
function buildCost(p) {
  const shown = orNote(p.capexPerItMwUsd, usd, 'no IT capacity converted');
  return p.id === 'gpuCloud' && !shown.note ? { ...shown, note: 'the facility and the first GPUs' } : shown;
}

/** A card row; a "n/a" carries the core's reason on its own line beneath. */
function row(label, { text, note }) {
  // The note is a second <dd> of the same term: a <dl>'s groups may hold only dt and dd.
  return h('div', { class: note ? 'has-note' : '' }, h('dt', {}, label), h('dd', {}, text), note ? h('dd', { class: 'na-note' }, note) : null);
}

/**
 * "Market data as of May 2026: the defaults' BTC price, network hashrate (May 2026); fees per
 * block, … (December 2025). Your own values: BTC price." The dates and which input is the
 * user's come from the core (report.marketData).
 */
function marketNote(m) {
  if (!m || !m.asOfLabel) return null;
  const months = new Map();
  for (const input of (m.inputs || []).filter((i) => !i.yours)) {
    months.set(input.asOfLabel, [...(months.get(input.asOfLabel) || []), input.label]);
  }
  const dated = [...months].map(([month, labels]) => `${labels.join(', ')} (${month})`);
  const yours = (m.inputs || []).filter((i) => i.yours).map((i) => i.label);
  return h('p', { class: 'market-data', id: 'market-data' },
    'Market data as of ', h('strong', {}, m.asOfLabel),
    dated.length ? `: the defaults’ ${dated.join('; ')}` : '',
    yours.length ? `. Your own values: ${yours.join(', ')}` : '',
    '. Change them in the inputs.');
}

export function renderVerdict(el, report) {
  const best = report.pathways.find((p) => p.id === report.comparison.bestPathway);
  fill(el,
    h('p', { class: 'scenario-name' }, report.scenarioName || 'Unnamed scenario'),
    h('p', { class: 'verdict', id: 'verdict' }, report.comparison.verdict || (best ? `${best.label} has the highest NPV.` : '')),
    marketNote(report.marketData));
}

/** What the pathway's capex is net of: the equipment it sells (ASICs, old GPUs), if any. */
function salesNote(p) {
  const sales = p.months.reduce((sum, m) => sum + m.assetSalesUsd, 0);
  return sales > 0 ? `net of ${usd(sales)} of equipment sold` : '';
}

export function renderCards(el, report) {
  const bestId = report.comparison.bestPathway;
  fill(el, report.pathways.map((p) => {
    const isMining = p.id === 'mining';
    const rows = [
      row('IRR', orNote(p.irrPct, pct, p.irrNote)),
      row('MIRR', orNote(p.mirrPct, pct, 'no investment and return to compare')),
      row('Payback', paybackText(p)),
      // Two bases, named: every capex inside the horizon (GPU refreshes and ASIC refreshes
      // included), and the build cost per MW of critical IT (facility, plus the first GPUs
      // for the GPU cloud), which is what the disclosed $/MW figures compare with.
      row('Capex in the horizon', { text: usd(p.totalCapexUsd), note: salesNote(p) }),
      row('Build cost per MW IT', isMining ? { text: 'n/a', note: 'nothing is converted' } : buildCost(p)),
      row('Power paid', p.effectivePowerUsdPerMwh === null || p.effectivePowerUsdPerMwh === undefined
        ? { text: 'n/a', note: 'the tenant pays the power' } : { text: `${usdExact(p.effectivePowerUsdPerMwh, 2)}/MWh`, note: '' }),
    ];
    // The equity's view, where the pathway borrows: its return and the loan's thinnest cover.
    const f = p.financing;
    if (f) {
      rows.push(row('Equity IRR', orNote(f.equityIrrPct, pct, f.equityIrrNote)));
      // Where the equity's flows have no single IRR, its MIRR is what stands in: show it.
      if ((f.equityIrrPct === null || f.equityIrrPct === undefined) && Number.isFinite(f.equityMirrPct)) {
        rows.push(row('Equity MIRR', { text: pct(f.equityMirrPct), note: '' }));
      }
      rows.push(row('Min DSCR', orNote(f.minDscr, (v) => `${num(v, 2)}×`, 'no debt service inside the horizon')));
    }
    return h('article', { class: `card ${PATHWAY_CLASS[p.id] || ''}${p.id === bestId ? ' best' : ''}`, dataset: { pathway: p.id } },
      h('header', {},
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('h3', {}, p.label),
        p.id === bestId ? h('span', { class: 'badge best-badge', title: 'Highest NPV of the three pathways' }, 'Best NPV') : null),
      h('p', { class: 'npv' }, h('span', { class: 'npv-label' }, 'NPV '), h('span', { class: 'npv-value', dataset: { npv: p.id } }, usd(p.npvUsd))),
      h('p', { class: `pivot ${p.pivotValueUsd > 0 ? 'up' : p.pivotValueUsd < 0 ? 'down' : ''}` },
        isMining ? 'The baseline the pivots are measured against' : `${usdDelta(p.pivotValueUsd)} vs keep mining`),
      h('dl', {}, rows));
  }));
}

/** Each pathway's loan and equity, and its value at the horizon, with the loan year by year. */
export function renderFinancing(el, report) {
  const open = el.querySelector('details.loan-years')?.open || false;
  const c = report.comparison;
  const ratio = (v) => (v === null || v === undefined ? 'n/a' : `${num(v, 2)}×`);
  const head = ['Pathway', 'Loan', 'Loan-to-cost', 'Equity NPV', 'Equity IRR', 'Min DSCR', 'Avg DSCR', 'Value at the horizon', 'NPV with it'];
  const rows = report.pathways.map((p) => {
    const f = p.financing;
    return h('tr', { dataset: { pathway: p.id } },
      h('th', { scope: 'row' }, p.label),
      h('td', { class: 'num' }, f ? usd(f.loanUsd) : 'none'),
      h('td', { class: 'num' }, f ? `${num(f.loanToCostPct, 1)} %${f.sizedByDscr ? ' (sized by DSCR)' : ''}` : '–'),
      h('td', { class: 'num' }, f ? usd(f.equityNpvUsd) : '–'),
      h('td', { class: 'num' }, f ? orNote(f.equityIrrPct, pct, f.equityIrrNote).text : '–'),
      h('td', { class: 'num' }, f ? ratio(f.minDscr) : '–'),
      h('td', { class: 'num' }, f ? ratio(f.avgDscr) : '–'),
      h('td', { class: 'num' }, usd(p.terminalValueUsd)),
      h('td', { class: 'num' }, usd(p.npvWithTerminalValueUsd)));
  });
  const loans = report.pathways.filter((p) => p.financing);
  const yearCols = [['drawUsd', 'Draws'], ['interestUsd', 'Interest'], ['principalUsd', 'Principal'], ['debtServiceUsd', 'Debt service'],
    ['balanceUsd', 'Balance'], ['cfadsUsd', 'CFADS'], ['dscr', 'DSCR'], ['equityCashFlowUsd', 'Equity cash flow']];
  const yearTable = (p) => h('table', { class: 'years loan' },
    h('caption', {}, `${p.label}: the loan by year, USD millions (DSCR = CFADS ÷ interest paid and principal)`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Year'), yearCols.map(([, label]) => h('th', { scope: 'col', class: 'num' }, label)))),
    h('tbody', {}, p.financing.years.map((y) => h('tr', {}, h('th', { scope: 'row' }, `${y.year} (${y.startMonth})`),
      yearCols.map(([k]) => h('td', { class: 'num' }, k === 'dscr' ? ratio(y.dscr) : millions(y[k])))))));
  fill(el,
    h('p', {}, 'The verdict compares ', h('strong', {}, c.basisLabel || 'NPVs'), '. ',
      c.terminalValueIncluded ? 'The value at the horizon is counted in it.' : 'The value at the horizon is shown here but not counted in the verdict.'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'years financing' },
      h('caption', {}, 'Project debt, equity returns (at the cost of equity) and value at the horizon'),
      h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))),
      h('tbody', {}, rows))),
    loans.length ? loanYears() : null);

  // The year tables are drawn when the section is open (it is redrawn on every input).
  function loanYears() {
    const body = h('div', {});
    const draw = () => fill(body, loans.map((p) => h('div', { class: 'table-scroll' }, yearTable(p))));
    const details = h('details', { class: 'loan-years', open }, h('summary', {}, 'The loans year by year'), body);
    if (open) draw();
    else details.addEventListener('toggle', () => { if (details.open && !body.firstChild) draw(); });
    return details;
  }
}

export function renderSite(el, report) {
  const s = report.site;
  const facts = [
    ['Converted grid', `${num(s.convertedGridMw, 1)} MW`],
    ['Critical IT', `${num(s.itCapacityMw, 1)} MW`],
    ['IT lost to the higher PUE', `${num(s.itLostToPueMw, 1)} MW`],
    ['Racks', num(s.racks)],
    ['White space', `${num(s.whiteSpaceSqFt)} of ${num(s.buildingAreaSqFt)} ft²`],
    ['GPUs (GPU cloud)', num(s.gpus)],
    ['AI operation from', s.commissioningLabel || `month ${s.commissioningMonth}`],
  ];
  fill(el, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

/**
 * The report's warnings. `fixFor(warning)` may offer a one-click correction, `{ label, apply }`
 * (a GPU rent above its system's reference: use the reference).
 */
export function renderWarnings(el, report, fixFor = () => null) {
  const list = report.warnings || [];
  el.hidden = list.length === 0;
  const item = (w) => {
    const fix = fixFor(w);
    return h('li', { dataset: { code: w.code } }, w.message,
      fix ? [' ', h('button', { type: 'button', class: 'button fix', onclick: fix.apply }, fix.label)] : null);
  };
  fill(el, h('h2', {}, 'Check these'), h('ul', {}, list.map(item)));
}

/** An itemised bill, grouped under its categories, every line with its source. */
function billTable(lines, caption) {
  const rows = [];
  let category = null;
  for (const l of lines) {
    if (l.category !== category) {
      category = l.category;
      rows.push(h('tr', { class: 'cat' }, h('th', { scope: 'rowgroup', colspan: 5 }, category)));
    }
    rows.push(h('tr', {},
      h('td', {}, l.item, l.overridden ? h('span', { class: 'badge' }, 'your cost') : null),
      h('td', { class: 'num qty' }, `${num(l.quantity, Number.isInteger(l.quantity) ? 0 : 1)} ${l.unit}`),
      h('td', { class: 'num' }, usdExact(l.unitCostUsd)),
      h('td', { class: 'num' }, usd(l.totalUsd)),
      h('td', { class: 'source' }, l.source, l.asOf ? ` (${l.asOf})` : '', l.url ? [' ', sourceLink(l.url)] : null,
        l.estimate ? h('span', { class: 'badge estimate' }, 'estimate') : null)));
  }
  return h('table', { class: 'bill' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['Item', 'Quantity', 'Unit cost', 'Total', 'Source'].map((c, i) => h('th', { scope: 'col', class: i >= 1 && i <= 3 ? 'num' : '' }, c)))),
    h('tbody', {}, rows));
}

/** A percentage with its sign: "−20 %", "+30 %". */
const signedPct = (v) => `${v < 0 ? '\u2212' : '+'}${num(Math.abs(v))} %`;

/**
 * The estimate's accuracy band: "Estimate accuracy: AACE Class 4, −20 % to +30 %: $583.7 M to
 * $948.4 M", what each AI pathway builds within it, and where the class is defined.
 */
function accuracyNote(c) {
  const a = c.accuracy;
  if (!a || !c.totalUsd) return [];
  const builds = (a.pathways || []).map((p) => {
    const label = builderLabel(p.pathway);
    return `${label} ${usd(p.totalUsd)} (${usd(p.lowUsd)} to ${usd(p.highUsd)})`;
  });
  return [
    h('p', { class: 'capex-accuracy', id: 'capex-accuracy' },
      'Estimate accuracy: ', h('strong', {}, `${a.estimateClass}, ${signedPct(a.lowPct)} to ${signedPct(a.highPct)}`), ': ',
      h('strong', { class: 'accuracy-range' }, `${usd(a.lowUsd)} to ${usd(a.highUsd)}`),
      ` (a ${a.classLabel}).`, builds.length ? ` Each AI pathway builds: ${builds.join('; ')}.` : ''),
    h('p', { class: 'capex-accuracy-source' }, a.source, a.url ? [' ', sourceLink(a.url)] : null),
  ];
}

/** What an AI pathway builds, named for the band: colocation's landlord, the GPU cloud with its first GPUs. */
function builderLabel(id) {
  return id === 'colocation' ? 'the colocation landlord' : id === 'gpuCloud' ? 'the GPU cloud with its first GPUs' : id;
}

/** Horizontal bars: retrofit by category, and the greenfield build of the same IT capacity. */
export function renderCapex(el, report) {
  const c = report.capex;
  // The bill is redrawn on every input: keep it open if the reader opened it.
  const billOpen = el.querySelector('details.bills')?.open || false;
  const g = c.greenfield || {};
  const max = Math.max(c.totalUsd || 0, g.totalUsd || 0) || 1;
  const width = (v) => `${Math.max(0, (100 * v) / max)}%`;
  const segments = (c.categories || []).map((cat, i) =>
    h('span', { class: `seg seg-${i % 8}`, title: `${cat.category}: ${usd(cat.totalUsd)}`, dataset: { width: width(cat.totalUsd) } }));
  // The greenfield bar is the retrofit plus the site's credit (greenfield − retrofit, from the core).
  const extra = g.totalUsd && g.creditUsd > 0
    ? [h('span', { class: 'seg seg-greenfield', title: `Greenfield only: ${usd(g.creditUsd)}`, dataset: { width: width(g.creditUsd) } })]
    : [];
  const legend = (c.categories || []).map((cat, i) =>
    h('li', {}, h('span', { class: `key seg-${i % 8}`, 'aria-hidden': 'true' }), `${cat.category} `, h('strong', {}, usd(cat.totalUsd))));
  if (extra.length) {
    legend.push(h('li', {}, h('span', { class: 'key seg-greenfield', 'aria-hidden': 'true' }),
      'Greenfield only (what the existing site already has) ', h('strong', {}, usd(g.creditUsd))));
  }
  const summary = [
    h('p', {}, 'Facility retrofit: ', h('strong', {}, usd(c.totalUsd)), c.perItMwUsd ? ` (${usd(c.perItMwUsd)} per MW of critical IT)` : '',
      '. Spent evenly at ', usd(c.monthlySpendUsd), ' a month during construction.'),
    accuracyNote(c),
  ];
  if (c.landlord) {
    summary.push(h('p', {}, 'The colocation tenant funds ', h('strong', {}, usd(c.tenantFitOutUsd)),
      ' of the fit-out: the landlord builds ', h('strong', {}, usd(c.landlord.totalUsd)), '.'));
  }
  if (g.totalUsd) {
    summary.push(h('p', {}, 'A greenfield build of the same IT capacity: ', h('strong', {}, usd(g.totalUsd)),
      g.perItMwUsd ? ` (${usd(g.perItMwUsd)} per MW IT)` : '', ', taking ', months(g.buildMonths),
      '. The existing site saves ', h('strong', {}, usd(g.creditUsd)), ` and ${months(g.monthsSaved)}.`));
  }
  if (c.gpuCloud && c.gpuCloud.totalUsd) {
    summary.push(h('p', {}, 'The GPU cloud adds its own IT equipment: ', h('strong', {}, usd(c.gpuCloud.totalUsd)),
      c.gpuCloud.perItMwUsd ? ` (${usd(c.gpuCloud.perItMwUsd)} per MW IT)` : '', '.'));
  }
  fill(el,
    summary,
    h('div', { class: 'stack', role: 'img', 'aria-label': `Retrofit ${usd(c.totalUsd)} against greenfield ${usd(g.totalUsd)}` },
      h('div', { class: 'stack-row' }, h('span', { class: 'stack-label' }, 'Retrofit'), h('span', { class: 'stack-bar' }, segments), h('span', { class: 'stack-total' }, usd(c.totalUsd))),
      g.totalUsd ? h('div', { class: 'stack-row' }, h('span', { class: 'stack-label' }, 'Greenfield'),
        h('span', { class: 'stack-bar' }, segments.map((s) => s.cloneNode(true)), extra), h('span', { class: 'stack-total' }, usd(g.totalUsd))) : null),
    h('ul', { class: 'legend' }, legend),
    h('details', { class: 'bills', open: billOpen }, h('summary', {}, `Itemised bill (${(c.lines || []).length + (c.gpuCloud?.lines || []).length} lines, with sources)`),
      billTable(c.lines || [], 'Facility retrofit (both AI pathways)'),
      c.landlord ? billTable(c.landlord.lines || [], `What the colocation landlord builds: the tenant funds ${usd(c.tenantFitOutUsd)} of the fit-out`) : null,
      c.gpuCloud && (c.gpuCloud.lines || []).length ? billTable(c.gpuCloud.lines, 'GPU cloud equipment (on top of the facility)') : null,
      (g.extraLines || []).length ? billTable(g.extraLines, 'What a greenfield build adds') : null));
  // Widths go through the CSSOM: the Content-Security-Policy forbids inline style attributes.
  for (const seg of el.querySelectorAll('.seg')) seg.style.width = seg.dataset.width;
}

/** The power panel's words and tables: the profile, what each pathway pays per MWh, each
 * line's break-even on the duration curve, and mining's first year of curtailing. */
export function renderPower(note, el, report) {
  const p = report.power;
  if (!p) return;
  const hourly = p.pricing === 'hourly';
  note.textContent = hourly
    ? `${p.profileLabel}. The first year averages ${usdExact(p.averageUsdPerMwh, 2)}/MWh; its dearest hour costs ${usdExact(p.highestUsdPerMwh, 2)}/MWh (the chart stops below the spikes). Each ASIC line runs in the hours priced below its break-even and curtails in the rest; an AI hall draws in every hour.`
    : `${p.profileLabel}: ${usdExact(p.averageUsdPerMwh, 2)}/MWh on average over the first year. Mining curtails a flat share of its hours (Bitcoin & fleet); choose hourly pricing under Power to curtail hour by hour.`;
  const paid = report.pathways.map((x) => h('tr', {}, h('th', { scope: 'row' }, x.label),
    h('td', { class: 'num' }, x.effectivePowerUsdPerMwh === null || x.effectivePowerUsdPerMwh === undefined
      ? 'paid by the tenant' : `${usdExact(x.effectivePowerUsdPerMwh, 2)}/MWh`)));
  const lines = (p.lines || []).map((l) => h('tr', {}, h('th', { scope: 'row' }, `${l.model} (${plain(l.efficiencyJPerTh)} J/TH)`),
    h('td', { class: 'num' }, `${usdExact(l.breakEvenUsdPerMwh, 2)}/MWh`), h('td', { class: 'num' }, `${num(l.hoursRunPct, 1)} %`)));
  const y = report.pathways[0]?.years?.[0];
  fill(el,
    h('table', { class: 'compact' }, h('caption', {}, 'What each pathway pays per MWh it draws, over the horizon (power and transmission, less power sold back and demand response)'),
      h('tbody', {}, paid)),
    lines.length ? h('table', { class: 'compact' }, h('caption', {}, 'Each ASIC line at month 0’s hashprice'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col', class: 'num' }, 'Runs below'), h('th', { scope: 'col', class: 'num' }, 'Hours of the first year'))),
      h('tbody', {}, lines)) : null,
    y ? h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Mining, first year: full-load hours'), h('dd', {}, `${num(y.miningHoursRun)} of ${num(8766)}`)),
      h('div', {}, h('dt', {}, 'Energy drawn'), h('dd', {}, `${num(y.energyMwh)} MWh`)),
      h('div', {}, h('dt', {}, 'Power sold back'), h('dd', {}, usd(y.sellBackUsd))),
      h('div', {}, h('dt', {}, 'Demand response'), h('dd', {}, usd(y.demandResponseUsd))),
      h('div', {}, h('dt', {}, 'Transmission charge avoided at the peaks'), h('dd', {}, usd(y.avoidedChargesUsd)))) : null);
}

export function renderBreakEvens(el, report) {
  const b = report.comparison.breakEvens || {};
  const rows = [
    ['BTC price at which mining equals the best AI pathway', b.btcPriceUsd, (v) => `${usdExact(v)}${b.btcPriceMultiple ? ` (${num(b.btcPriceMultiple, 2)} × the price path)` : ''}`],
    ['Lease rate at which colocation equals mining', b.leaseUsdPerKwMonth, (v) => `${usdExact(v, 2)} per kW-month`],
    ['GPU rent at which the GPU cloud equals mining', b.gpuRentUsdPerGpuHour, (v) => `${usdExact(v, 2)} per GPU-hour`],
    ['Power price at which the best AI pathway equals mining', b.powerPriceUsdPerMwh, (v) => `${usdExact(v, 2)}/MWh`],
    ['Hourly price spread at which mining equals the best AI pathway', b.priceShapePct, (v) => `${num(v, 0)} % of the profile’s`],
  ];
  fill(el,
    h('dl', { class: 'facts' }, rows.map(([k, v, f]) => h('div', {}, h('dt', {}, k), h('dd', {}, v === null || v === undefined ? 'n/a' : f(v))))),
    (b.notes || []).length ? h('ul', { class: 'notes' }, b.notes.map((n) => h('li', {}, n))) : null);
}

/**
 * An input's moved value with its unit ("62.4 USD/MWh"), and "(its limit)" where the field's
 * range stopped the move short of base × (1 ± pct): occupancy cannot go above 100 %.
 */
function movedValue(field, value, base, factor) {
  const unit = field === 'retrofit.costOverrides' ? '× the cost library' : unitOf(field);
  const expected = typeof base === 'number' ? base * factor : null;
  const capped = expected !== null && Math.abs(value - expected) > 1e-9 * Math.max(1, Math.abs(expected));
  return `${plain(value, 2)}${unit ? ` ${unit}` : ''}${capped ? ' (its limit)' : ''}`;
}

/** The tornado: each input moved down and up; bars grow from the centre line. */
export function renderTornado(el, report, scenario = null) {
  const s = report.sensitivity || { bars: [] };
  const bars = s.bars || [];
  const max = Math.max(1, ...bars.flatMap((b) => [Math.abs(b.lowDeltaUsd), Math.abs(b.highDeltaUsd)]));
  const pathway = report.pathways.find((p) => p.id === s.pathway);
  // The scenario's own value of an input (the capex multiple's is 1).
  const baseOf = (field) => (field === 'retrofit.costOverrides' ? 1 : scenario ? getPath(scenario, field) : null);
  const bar = (delta, side) => {
    const el = h('span', { class: `tbar ${delta >= 0 ? 'gain' : 'loss'} ${side}`, title: usdDelta(delta) });
    el.dataset.width = `${(50 * Math.abs(delta)) / max}%`;
    el.dataset.side = delta >= 0 ? 'right' : 'left';
    return el;
  };
  fill(el,
    h('p', { class: 'muted' }, `Change in the pivot value of ${pathway ? pathway.label : s.pathway} (base ${usd(s.basePivotValueUsd)}) when each input moves ±${num(s.pct)} %. Largest swing first.`),
    h('p', { class: 'tornado-key' }, h('span', { class: 'key gain', 'aria-hidden': 'true' }), 'the pivot gains', h('span', { class: 'key loss', 'aria-hidden': 'true' }), 'the pivot loses',
      h('span', { class: 'key-text' }, `· beside each bar: ↓ the input ${num(s.pct)} % lower, ↑ ${num(s.pct)} % higher, and the change`)),
    bars.length === 0 ? h('p', { class: 'muted' }, 'No sensitivity results.') : h('ol', { class: 'tornado' }, bars.map((b) =>
      h('li', {},
        h('span', { class: 't-label' }, b.label),
        h('span', { class: 't-track' }, h('span', { class: 't-axis', 'aria-hidden': 'true' }), bar(b.lowDeltaUsd, 'low'), bar(b.highDeltaUsd, 'high')),
        h('span', { class: 't-values' },
          h('span', {}, `↓ ${movedValue(b.field, b.lowValue, baseOf(b.field), 1 - s.pct / 100)}: ${usdDelta(b.lowDeltaUsd)}`),
          h('span', {}, `↑ ${movedValue(b.field, b.highValue, baseOf(b.field), 1 + s.pct / 100)}: ${usdDelta(b.highDeltaUsd)}`))))));
  for (const t of el.querySelectorAll('.tbar')) {
    t.style.width = t.dataset.width;
    if (t.dataset.side === 'right') t.style.left = '50%';
    else t.style.right = '50%';
  }
}

const DETAIL_COLUMNS = [
  ['revenueUsd', 'Revenue'],
  ['powerCostUsd', 'Power'],
  ['opexUsd', 'Opex'],
  ['capexUsd', 'Capex'],
  ['taxUsd', 'Tax'],
  ['netCashFlowUsd', 'Net cash flow'],
  ['cumulativeUsd', 'Cumulative'],
];

/** The yearly table: all pathways' net and cumulative, or one pathway in detail. */
export function renderYears(el, report, view) {
  const paths = report.pathways;
  const years = paths[0]?.years || [];
  let head;
  let body;
  if (view === 'all' || !paths.some((p) => p.id === view)) {
    head = h('tr', {}, h('th', { scope: 'col' }, 'Year'), paths.flatMap((p) => [
      h('th', { scope: 'col', class: `num ${PATHWAY_CLASS[p.id]}` }, `${p.label}: net`),
      h('th', { scope: 'col', class: `num ${PATHWAY_CLASS[p.id]}` }, 'cumulative')]));
    body = years.map((y, k) => h('tr', {}, h('th', { scope: 'row' }, `${y.year} (${y.startMonth})`),
      paths.flatMap((p) => [h('td', { class: 'num' }, millions(p.years[k]?.netCashFlowUsd)), h('td', { class: 'num' }, millions(p.years[k]?.cumulativeUsd))])));
  } else {
    const p = paths.find((q) => q.id === view);
    head = h('tr', {}, h('th', { scope: 'col' }, 'Year'), DETAIL_COLUMNS.map(([, label]) => h('th', { scope: 'col', class: 'num' }, label)));
    body = p.years.map((y) => h('tr', {}, h('th', { scope: 'row' }, `${y.year} (${y.startMonth})`), DETAIL_COLUMNS.map(([k]) => h('td', { class: 'num' }, millions(y[k])))));
  }
  fill(el, h('table', { class: 'years' }, h('caption', {}, 'USD millions; costs and capex as the core reports them, net = revenue − power − opex − capex − tax'), h('thead', {}, head), h('tbody', {}, body)));
}

/** The inputs behind the numbers, for the printed report and for a reader checking by hand. */
export function renderAssumptions(el, scenario, presets) {
  const rows = allFields().map((f) => h('div', {}, h('dt', {}, `${f.group} · ${f.label}`), h('dd', {}, inputText(f, scenario, presets))));
  const fleet = (scenario.mining?.fleet || []).map((l) => h('div', {}, h('dt', {}, 'Fleet'),
    h('dd', {}, `${num(l.units)} × ${l.model} (${plain(l.hashrateThs)} TH/s, ${plain(l.efficiencyJPerTh)} J/TH)`)));
  const phases = (scenario.retrofit?.phases || []).map((p, i) => h('div', {}, h('dt', {}, `Retrofit · phase ${i + 1}`),
    h('dd', {}, `${plain(p.sharePct)} % of the conversion: construction from month ${p.constructionStartMonth}, ${p.buildMonths} months, ramp ${p.rampMonths} months`)));
  const costs = (scenario.retrofit?.costOverrides || []).map((o) => {
    const item = presets.costLibrary.find((c) => c.id === o.item);
    return h('div', {}, h('dt', {}, `Your unit cost · ${item ? item.label : o.item}`),
      h('dd', {}, `${usdExact(o.unitCostUsd, 2)}${item ? ` per ${item.unit} (library ${usdExact(item.unitCostUsd, 2)})` : ''}`));
  });
  fill(el, h('dl', { class: 'assumptions' }, fleet, rows, phases, costs));
}

/**
 * Dims the results while the inputs are invalid and says what is wrong above them, so the
 * reader need not hunt for the marked field: `problem` is `{ label, message, more, onShow }`.
 */
export function setStale(el, stale, problem = null) {
  el.classList.toggle('stale', stale);
  const note = $('#stale-note');
  if (!note) return;
  note.hidden = !stale;
  if (!stale) return;
  fill(note, 'Showing the last valid results. ',
    problem ? [h('strong', {}, problem.label), `: ${problem.message}`, problem.more ? ` (and ${problem.more} more)` : '', '. '] : 'Fix the marked input to update them. ',
    problem?.onShow ? h('button', { type: 'button', class: 'button quiet', onclick: problem.onShow }, 'Go to the input') : null);
}
