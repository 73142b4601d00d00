// The report's tables of months made into JS objects in one call per table (src/wasm/rows.rs
// sends each table as one list of numbers, its keys and its texts). A row built from an object
// literal is ~4× faster to make in V8 than one whose keys are set by name, so the tables the
// report has are written out here; each literal is used only when the table's keys are exactly
// its keys, in order, with its one text column where it says. Any other table (a field added in
// Rust and not here) takes the general loop: the same document, only slower — and
// tests/common/web_cases.rs fails until the literal is brought up to date.

/** A number, or null where Rust sent NaN for `None`. */
const n = (x) => (x === x ? x : null);

const LITERALS = [
  // the pathways' cash flows by month (CashFlowMonth)
  {
    keys: "month,index,revenueUsd,miningRevenueUsd,aiRevenueUsd,curtailmentCreditUsd,sellBackUsd,demandResponseUsd,powerCostUsd,energyMwh,miningHoursRun,avoidedChargesUsd,opexUsd,capexUsd,assetSalesUsd,taxUsd,netCashFlowUsd,cumulativeUsd,miningActivePct",
    text: 0,
    make: (v, i, t) => ({
      month: t,
      index: n(v[i + 1]),
      revenueUsd: n(v[i + 2]),
      miningRevenueUsd: n(v[i + 3]),
      aiRevenueUsd: n(v[i + 4]),
      curtailmentCreditUsd: n(v[i + 5]),
      sellBackUsd: n(v[i + 6]),
      demandResponseUsd: n(v[i + 7]),
      powerCostUsd: n(v[i + 8]),
      energyMwh: n(v[i + 9]),
      miningHoursRun: n(v[i + 10]),
      avoidedChargesUsd: n(v[i + 11]),
      opexUsd: n(v[i + 12]),
      capexUsd: n(v[i + 13]),
      assetSalesUsd: n(v[i + 14]),
      taxUsd: n(v[i + 15]),
      netCashFlowUsd: n(v[i + 16]),
      cumulativeUsd: n(v[i + 17]),
      miningActivePct: n(v[i + 18]),
    }),
  },
  // … by year (CashFlowYear)
  {
    keys: "year,startMonth,revenueUsd,miningRevenueUsd,aiRevenueUsd,curtailmentCreditUsd,sellBackUsd,demandResponseUsd,powerCostUsd,energyMwh,miningHoursRun,avoidedChargesUsd,opexUsd,capexUsd,assetSalesUsd,taxUsd,netCashFlowUsd,cumulativeUsd",
    text: 1,
    make: (v, i, t) => ({
      year: n(v[i]),
      startMonth: t,
      revenueUsd: n(v[i + 2]),
      miningRevenueUsd: n(v[i + 3]),
      aiRevenueUsd: n(v[i + 4]),
      curtailmentCreditUsd: n(v[i + 5]),
      sellBackUsd: n(v[i + 6]),
      demandResponseUsd: n(v[i + 7]),
      powerCostUsd: n(v[i + 8]),
      energyMwh: n(v[i + 9]),
      miningHoursRun: n(v[i + 10]),
      avoidedChargesUsd: n(v[i + 11]),
      opexUsd: n(v[i + 12]),
      capexUsd: n(v[i + 13]),
      assetSalesUsd: n(v[i + 14]),
      taxUsd: n(v[i + 15]),
      netCashFlowUsd: n(v[i + 16]),
      cumulativeUsd: n(v[i + 17]),
    }),
  },
  // a loan's months (DebtMonthReport)
  {
    keys: "month,index,drawUsd,feeUsd,interestUsd,capitalisedInterestUsd,principalUsd,debtServiceUsd,balanceUsd,cfadsUsd,dscr,equityCashFlowUsd",
    text: 0,
    make: (v, i, t) => ({
      month: t,
      index: n(v[i + 1]),
      drawUsd: n(v[i + 2]),
      feeUsd: n(v[i + 3]),
      interestUsd: n(v[i + 4]),
      capitalisedInterestUsd: n(v[i + 5]),
      principalUsd: n(v[i + 6]),
      debtServiceUsd: n(v[i + 7]),
      balanceUsd: n(v[i + 8]),
      cfadsUsd: n(v[i + 9]),
      dscr: n(v[i + 10]),
      equityCashFlowUsd: n(v[i + 11]),
    }),
  },
  // the bitcoin projection's months (BitcoinMonth)
  {
    keys: "month,index,blockHeight,subsidyBtc,feesBtcPerBlock,btcPriceUsd,networkHashrateEhs,hashpriceUsdPerPhDay",
    text: 0,
    make: (v, i, t) => ({
      month: t,
      index: n(v[i + 1]),
      blockHeight: n(v[i + 2]),
      subsidyBtc: n(v[i + 3]),
      feesBtcPerBlock: n(v[i + 4]),
      btcPriceUsd: n(v[i + 5]),
      networkHashrateEhs: n(v[i + 6]),
      hashpriceUsdPerPhDay: n(v[i + 7]),
    }),
  },
  // the power duration curve (DurationPoint)
  {
    keys: "hoursPct,usdPerMwh",
    text: -1,
    make: (v, i, t) => ({
      hoursPct: n(v[i]),
      usdPerMwh: n(v[i + 1]),
    }),
  },
];

let literalTables = 0;

/**
 * The rows of one table: `keys` joined by ",", `values` row by row (NaN for null and for a
 * text), `isText` 1 where the cell is the next of `texts` (joined by U+001F).
 */
export function rows(keys, values, texts, isText) {
  const names = keys === "" ? [] : keys.split(",");
  const width = names.length;
  const count = width === 0 ? 0 : values.length / width;
  let textCount = 0;
  for (let i = 0; i < isText.length; i++) textCount += isText[i];
  const text = textCount === 0 ? [] : texts.split("\u001f");
  const out = new Array(count);
  const literal = LITERALS.find((l) => l.keys === keys);
  if (literal !== undefined && textsAt(literal.text, width, count, isText, text.length)) {
    literalTables++;
    for (let r = 0, i = 0; r < count; r++, i += width) out[r] = literal.make(values, i, literal.text < 0 ? undefined : text[r]);
    return out;
  }
  let i = 0;
  let t = 0;
  for (let r = 0; r < count; r++) {
    const row = {};
    for (let k = 0; k < width; k++, i++) row[names[k]] = isText[i] === 1 ? text[t++] : n(values[i]);
    out[r] = row;
  }
  return out;
}

/** Whether the texts are exactly column `column` of every row (none for −1). */
function textsAt(column, width, count, isText, texts) {
  if (texts !== (column < 0 ? 0 : count)) return false;
  for (let i = 0; i < isText.length; i++) if ((isText[i] === 1) !== (i % width === column)) return false;
  return true;
}

/** How many tables were made from a literal (for the tests). */
export function literalTableCount() {
  return literalTables;
}
