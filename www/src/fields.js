// The form as a person thinks of the site: which inputs, in which group, with which label,
// unit and step. Ranges mirror the core's validation (src/validate.rs) so the arrows stay in
// range; the core still decides what is valid and says why.

/** kind: number | int | select | check | text | month | date */
const n = (path, label, unit, step, min, max, extra = {}) => ({ path, label, unit, step, min, max, kind: 'number', ...extra });
const i = (path, label, unit, min, max, extra = {}) => ({ path, label, unit, step: 1, min, max, kind: 'int', ...extra });

export const GROUPS = [
  {
    id: 'site',
    title: 'Site',
    open: true,
    fields: [
      n('site.gridCapacityMw', 'Grid capacity', 'MW', 1, 0, 5000),
      n('site.powerPriceUsdPerMwh', 'Power price', 'USD/MWh', 1, 0, 1000),
      n('site.powerPriceEscalationPctPerYear', 'Power price escalation', '% / year', 0.5, -20, 50),
      n('site.buildingAreaSqFt', 'Building area', 'ft²', 1000, 0, 100_000_000),
      n('site.fibreDistanceKm', 'Distance to fibre PoP', 'km', 1, 0, 1000),
    ],
  },
  {
    id: 'bitcoin',
    title: 'Bitcoin & fleet',
    open: true,
    fields: [
      n('bitcoin.btcPriceUsd', 'BTC price', 'USD', 1000, 0, 1e9),
      n('bitcoin.btcPriceGrowthPctPerYear', 'BTC price growth', '% / year', 1, -90, 300),
      n('bitcoin.networkHashrateEhs', 'Network hashrate', 'EH/s', 10, 0, 1e6),
      n('bitcoin.networkHashrateGrowthPctPerYear', 'Hashrate growth', '% / year', 1, -90, 300),
      n('bitcoin.feesBtcPerBlock', 'Fees per block', 'BTC', 0.01, 0, 100),
      n('bitcoin.feesGrowthPctPerYear', 'Fee growth', '% / year', 1, -90, 300),
      { kind: 'fleet', path: 'mining.fleet', label: 'ASIC fleet' },
      n('mining.pue', 'Mining PUE', 'facility ÷ IT', 0.01, 1, 3),
      n('mining.uptimePct', 'Uptime', '%', 0.5, 0, 100),
      n('mining.poolFeePct', 'Pool fee', '% of revenue', 0.1, 0, 100),
      n('mining.curtailmentPct', 'Curtailment', '% of hours', 0.5, 0, 100),
      n('mining.curtailmentCreditUsdPerMwh', 'Curtailment credit', 'USD/MWh', 1, 0, 10_000),
      n('mining.fixedOpexUsdPerMwYear', 'Fixed opex', 'USD per MW-year', 1000, 0, 10_000_000),
      { kind: 'check', path: 'mining.shutdownWhenUnprofitable', label: 'Switch the fleet off in months it is under water' },
    ],
    advanced: {
      title: 'Fleet refresh and block schedule',
      fields: [
        { kind: 'check', path: 'mining.refresh.enabled', label: 'Replace the fleet with newer machines' },
        i('mining.refresh.afterYears', 'Refresh after', 'years', 0, 30),
        n('mining.refresh.capexUsdPerTh', 'Refresh capex', 'USD per TH/s', 0.5, 0, 1000),
        n('mining.refresh.efficiencyJPerTh', 'New efficiency', 'J/TH', 0.1, 0, 200),
        i('bitcoin.anchorHeight', 'Anchor block height', 'block', 0, 10_000_000),
        { kind: 'date', path: 'bitcoin.anchorDate', label: 'Anchor block date', unit: 'YYYY-MM-DD' },
        n('bitcoin.blocksPerDay', 'Blocks per day', 'blocks', 1, 0, 1440),
      ],
    },
  },
  {
    id: 'retrofit',
    title: 'Retrofit',
    fields: [
      n('retrofit.convertedSharePct', 'Share of the site converted', '% of grid MW', 5, 0, 100),
      { kind: 'select', path: 'retrofit.cooling', label: 'Cooling', options: 'cooling' },
      n('retrofit.rackDensityKw', 'Rack density', 'kW per rack', 5, 0, 300),
      { kind: 'select', path: 'retrofit.redundancy', label: 'Electrical redundancy', options: [['N', 'N'], ['N+1', 'N+1'], ['2N', '2N']] },
      n('retrofit.pue', 'AI PUE', 'facility ÷ IT', 0.01, 1, 3),
      i('retrofit.constructionStartMonth', 'Construction starts', 'month from the start', 0, 359),
      i('retrofit.buildMonths', 'Build time', 'months', 1, 60),
      i('retrofit.rampMonths', 'Ramp to full revenue', 'months', 0, 60),
      n('retrofit.softCostPct', 'Soft costs', '% of hard costs', 0.5, 0, 100),
      n('retrofit.contingencyPct', 'Contingency', '%', 0.5, 0, 100),
    ],
    // Every unit cost of the cost library, editable: an edited one becomes a
    // `retrofit.costOverrides` entry (see form.js).
    advanced: { title: 'Unit costs: replace with your own quotes', kind: 'costs', fields: [] },
  },
  {
    id: 'colocation',
    title: 'Colocation lease',
    fields: [
      n('colocation.leaseUsdPerKwMonth', 'Lease rate', 'USD per kW-month', 5, 0, 10_000),
      n('colocation.escalatorPctPerYear', 'Escalator', '% / year', 0.5, -20, 50),
      n('colocation.occupancyPct', 'Occupancy', '%', 1, 0, 100),
      { kind: 'select', path: 'colocation.leaseType', label: 'Lease type', options: [['nnn', 'NNN — tenant pays power'], ['gross', 'Gross — landlord pays power']] },
      i('colocation.leaseTermYears', 'Lease term', 'years', 1, 50),
      { kind: 'select', path: 'colocation.afterTerm', label: 'After the term', options: [['renew', 'Renewed'], ['vacate', 'Tenant leaves']] },
      n('colocation.landlordOpexUsdPerMwItYear', 'Landlord opex', 'USD per MW-IT-year', 10_000, 0, 100_000_000),
    ],
  },
  {
    id: 'gpuCloud',
    title: 'GPU cloud',
    fields: [
      { kind: 'select', path: 'gpuCloud.system', label: 'GPU system', options: 'gpuSystems' },
      n('gpuCloud.rentUsdPerGpuHour', 'GPU rent', 'USD per GPU-hour', 0.05, 0, 1000),
      n('gpuCloud.rentDeclinePctPerYear', 'Rent decline', '% / year', 1, -50, 99),
      n('gpuCloud.utilizationPct', 'Utilisation', '% of GPU-hours sold', 1, 0, 100),
      n('gpuCloud.loadPct', 'Average power load', '% of IT power', 1, 0, 100),
      i('gpuCloud.usefulLifeYears', 'Useful life', 'years', 1, 15),
      { kind: 'select', path: 'gpuCloud.endOfLife', label: 'At end of life', options: [['refresh', 'Buy new GPUs'], ['retire', 'Retire them']] },
      { kind: 'select', path: 'gpuCloud.fabric', label: 'Back-end fabric', options: [['infiniband', 'InfiniBand'], ['ethernet', 'Ethernet']] },
      n('gpuCloud.opexUsdPerGpuYear', 'Opex per GPU', 'USD per GPU-year', 100, 0, 10_000_000),
      n('gpuCloud.opexPctOfRevenue', 'Sales and platform costs', '% of revenue', 0.5, 0, 100),
    ],
  },
  {
    id: 'finance',
    title: 'Finance',
    fields: [
      { kind: 'month', path: 'startMonth', label: 'First month', unit: 'YYYY-MM' },
      i('horizonYears', 'Horizon', 'years', 1, 30),
      n('finance.discountRatePct', 'Discount rate', '% / year', 0.5, 0, 100),
      { kind: 'check', path: 'finance.taxEnabled', label: 'Apply corporate income tax' },
      n('finance.taxRatePct', 'Tax rate', '%', 0.5, 0, 100),
      n('finance.sensitivityPct', 'Sensitivity move', '± %', 5, 0, 90),
    ],
  },
];

/** Every scalar field of the form, flat (the fleet excluded). */
export function allFields() {
  const out = [];
  for (const g of GROUPS) {
    for (const f of g.fields) if (f.kind !== 'fleet') out.push({ ...f, group: g.title });
    if (g.advanced) for (const f of g.advanced.fields) out.push({ ...f, group: g.title });
  }
  return out;
}

/** Fleet line columns. */
export const FLEET_COLUMNS = [
  { key: 'units', label: 'Units', unit: 'machines', kind: 'int', step: 100, min: 0, max: 10_000_000 },
  { key: 'hashrateThs', label: 'Hashrate', unit: 'TH/s each', kind: 'number', step: 1, min: 0, max: 10_000 },
  { key: 'efficiencyJPerTh', label: 'Efficiency', unit: 'J/TH', kind: 'number', step: 0.1, min: 0, max: 200 },
];
