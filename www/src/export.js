// Files out and in: the cash flows as CSV for a spreadsheet, the scenario and its report as
// JSON, and the import of such a file (or of a bare scenario). The numbers are the core's,
// written with two decimals; nothing is recomputed here.

/** Columns of the CSV, in order: report field → header. */
const COLUMNS = [
  ['revenueUsd', 'revenue_usd'],
  ['miningRevenueUsd', 'mining_revenue_usd'],
  ['aiRevenueUsd', 'ai_revenue_usd'],
  ['curtailmentCreditUsd', 'curtailment_credit_usd'],
  ['powerCostUsd', 'power_cost_usd'],
  ['opexUsd', 'opex_usd'],
  ['capexUsd', 'capex_usd'],
  ['taxUsd', 'tax_usd'],
  ['netCashFlowUsd', 'net_cash_flow_usd'],
  ['cumulativeUsd', 'cumulative_usd'],
];

export const CSV_HEADER = ['pathway', 'period', 'index', 'month', ...COLUMNS.map(([, name]) => name)];

const money = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(2) : '');

/**
 * One table for every pathway: the yearly rows (period "year", 1-based year, its first
 * month) and then the monthly rows (period "month", 0-based month index). A tidy layout, so
 * a spreadsheet filter or pivot table gives any view.
 */
export function cashFlowCsv(report) {
  const rows = [CSV_HEADER];
  for (const p of report.pathways) {
    for (const y of p.years) rows.push([p.id, 'year', y.year, y.startMonth, ...COLUMNS.map(([k]) => money(y[k]))]);
  }
  for (const p of report.pathways) {
    for (const m of p.months) rows.push([p.id, 'month', m.index, m.month, ...COLUMNS.map(([k]) => money(m[k]))]);
  }
  // Every cell is an id, a count, a YYYY-MM month or a number: none needs quoting.
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

export function reportJson(scenario, report, version) {
  return JSON.stringify({ generator: `minepivot ${version}`.trim(), scenario, report }, null, 2) + '\n';
}

/** A file name from the scenario name: letters, digits and dashes only. */
export function fileStem(name) {
  const stem = String(name || 'scenario')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `minepivot-${stem || 'scenario'}`;
}

export function download(filename, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Largest file accepted by the import; an exported report with 30 years is ~1 MB. */
export const MAX_IMPORT_BYTES = 5_000_000;

/**
 * Reads an imported file's text: an export of this page (`{ scenario, report }`) or a bare
 * scenario. Returns `{ ok: true, scenario }` (unvalidated) or `{ ok: false, message }`.
 */
export function parseImport(text) {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: 'The file is too large to be a scenario.' };
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not JSON.' };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, message: 'The file does not hold a scenario.' };
  }
  const scenario = doc.scenario && typeof doc.scenario === 'object' && !Array.isArray(doc.scenario) ? doc.scenario : doc;
  return { ok: true, scenario };
}
