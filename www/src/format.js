// Number formatting for people. Every value shown comes from the core; this module only
// chooses digits, separators and units, and turns a missing value into "n/a" — never "NaN".

const MINUS = '\u2212';
const NA = 'n/a';

const finite = (n) => typeof n === 'number' && Number.isFinite(n);

function grouped(n, digits) {
  return Math.abs(n).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function signed(n, text) {
  // A value that rounds to zero is shown without a sign ("$0.0 M", not "−$0.0 M").
  return n < 0 && /[1-9]/.test(text) ? MINUS + text : text;
}

/** USD with a scale word a board reads: $1.23 B, $45.6 M, $12.3 k, $950. */
export function usd(n) {
  if (!finite(n)) return NA;
  const a = Math.abs(n);
  let text;
  if (a >= 1e9) text = `$${grouped(n / 1e9, 2)} B`;
  else if (a >= 1e6) text = `$${grouped(n / 1e6, 1)} M`;
  else if (a >= 1e4) text = `$${grouped(n / 1e3, 1)} k`;
  else text = `$${grouped(n, a >= 100 || a === 0 ? 0 : 2)}`;
  return signed(n, text);
}

/** Axis ticks: as `usd`, without trailing zeros ("$2 B", "−$1.5 B"). */
export function usdTick(n) {
  return usd(n).replace(/\.0+ ([BMk])$/, ' $1').replace(/(\.\d*[1-9])0+ ([BMk])$/, '$1 $2');
}

/** USD in millions with one decimal, for tables whose header says "$ M". */
export function millions(n) {
  if (!finite(n)) return NA;
  return signed(n, grouped(n / 1e6, 1));
}

/** USD with thousands separators and no scale word ("$1,234,567"). */
export function usdExact(n, digits = 0) {
  if (!finite(n)) return NA;
  return signed(n, `$${grouped(n, digits)}`);
}

/** A plain number with separators. */
export function num(n, digits = 0) {
  if (!finite(n)) return NA;
  return signed(n, grouped(n, digits));
}

/** An input value as typed: separators, up to `maxDigits` decimals, no trailing zeros. */
export function plain(n, maxDigits = 4) {
  if (!finite(n)) return NA;
  return signed(n, Math.abs(n).toLocaleString('en-US', { maximumFractionDigits: maxDigits }));
}

/** A percentage, 0–100 scale as the core writes it. */
export function pct(n, digits = 1) {
  if (!finite(n)) return NA;
  return `${signed(n, grouped(n, digits))} %`;
}

/** A signed USD change: "+$12.3 M" / "−$4.0 M". */
export function usdDelta(n) {
  if (!finite(n)) return NA;
  const text = usd(n);
  return n > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Months as "38 months (3.2 years)" — the years are a unit conversion for reading only. */
export function months(n) {
  if (!finite(n)) return NA;
  if (n < 24) return `${n} month${n === 1 ? '' : 's'}`;
  return `${n} months (${grouped(n / 12, 1)} years)`;
}

/**
 * A value that may be null in the report, with the core's note saying why.
 * Returns { text, note } so the caller can show the note beside "n/a".
 */
export function orNote(value, fmt, note) {
  if (value === null || value === undefined || !finite(value)) {
    return { text: NA, note: note || 'not defined for these inputs' };
  }
  return { text: fmt(value), note: '' };
}

export { NA };
