// The form's layout: which inputs, in which group, in which order, and which sit behind a
// group's "more" section. Everything else about an input — its label, unit, kind, range, step,
// choices and the source of its default — comes from the core's field registry
// (`fields()` of the package, src/fields.rs), so the page cannot drift from the validation.

import { fields } from 'minepivot';

const REGISTRY = fields();
const BY_PATH = new Map([...REGISTRY.scenario, ...REGISTRY.risk].map((e) => [e.path, e]));
const KIND = { number: 'number', whole: 'int', flag: 'check', choice: 'select', month: 'month', date: 'date', text: 'text' };

/** The registry's entry for `path` as the form uses it; `extra` adds layout (an option list). */
function f(path, extra = {}) {
  const e = BY_PATH.get(path);
  if (!e) throw new Error(`fields.js: ${path} is not in the core's field registry`);
  return {
    path,
    label: e.label,
    unit: e.unit,
    kind: KIND[e.kind] ?? 'text',
    step: e.step ?? undefined,
    min: e.min ?? undefined,
    max: e.max ?? undefined,
    options: e.choices.map((c) => [c.value, c.label]),
    ...extra,
  };
}

/** The unit of the input at `path` as the registry states it ('' when it has none). */
export const unitOf = (path) => BY_PATH.get(path)?.unit ?? '';

/** The registry entries of the risk options, in the registry's order, and their defaults. */
export const RISK_OPTIONS = REGISTRY.risk.map((e) => f(e.path));
export const RISK_DEFAULTS = REGISTRY.riskDefaults;

/** Every registry path, for the test that the form shows each one. */
export const REGISTRY_PATHS = REGISTRY.scenario.map((e) => e.path);

export const GROUPS = [
  {
    id: 'site',
    title: 'Site',
    open: true,
    fields: [
      f('site.gridCapacityMw'),
      f('site.powerPriceUsdPerMwh'),
      f('site.powerPriceEscalationPctPerYear'),
      f('site.buildingAreaSqFt'),
      f('site.fibreDistanceKm'),
    ],
  },
  {
    id: 'power',
    title: 'Power: hourly prices and flexibility',
    fields: [
      f('power.pricing'),
      f('power.profile'),
      { ...f('power.importedProfile'), kind: 'profile' },
      f('power.scaling'),
      f('power.shapePct'),
      f('power.supply'),
      f('power.transmissionUsdPerKwMonth'),
      f('power.transmissionAvoidedPct'),
      f('power.demandResponseUsdPerMwMonth'),
      f('power.demandResponseEnrolledPct'),
      f('power.aiSupply'),
      f('power.tenantUptimePct'),
    ],
    advanced: {
      title: 'Contract, firm supply and on-site generation',
      fields: [
        f('power.ppaPriceUsdPerMwh'),
        f('power.ppaVolumePct'),
        f('power.ppaSellBack'),
        f('power.firmPremiumUsdPerMwh'),
        f('power.generationUsdPerMwh'),
      ],
    },
  },
  {
    id: 'bitcoin',
    title: 'Bitcoin & fleet',
    open: true,
    fields: [
      f('bitcoin.btcPriceUsd'),
      f('bitcoin.btcPriceGrowthPctPerYear'),
      f('bitcoin.networkHashrateEhs'),
      f('bitcoin.hashrateModel'),
      f('bitcoin.networkHashrateGrowthPctPerYear'),
      f('bitcoin.feesBtcPerBlock'),
      f('bitcoin.feesGrowthPctPerYear'),
      { kind: 'fleet', path: 'mining.fleet', label: 'ASIC fleet' },
      f('mining.pue'),
      f('mining.uptimePct'),
      f('mining.poolFeePct'),
      f('mining.curtailmentPct'),
      f('mining.curtailmentCreditUsdPerMwh'),
      f('mining.fixedOpexUsdPerMwYear'),
      f('mining.shutdownWhenUnprofitable'),
      f('mining.exit'),
      f('mining.exitAfterMonthsOff'),
      f('mining.sellAsicsAtConversion'),
    ],
    advanced: [{
      title: 'How the network answers: the marginal fleet',
      fields: [
        f('bitcoin.marginalEfficiencyJPerTh'),
        f('bitcoin.marginalEfficiencyGainPctPerYear'),
        f('bitcoin.marginalPowerUsdPerMwh'),
        f('bitcoin.marginalPowerEscalationPctPerYear'),
        f('bitcoin.hashrateLagMonths'),
        f('bitcoin.maxHashrateGrowthPctPerYear'),
      ],
    }, {
      title: 'Your own curves: BTC price, hashprice, network hashrate',
      fields: [
        { ...f('bitcoin.btcPriceCurve'), kind: 'curve', unit: BY_PATH.get('bitcoin.btcPriceCurve[].value').unit },
        { ...f('bitcoin.hashpriceCurve'), kind: 'curve', unit: BY_PATH.get('bitcoin.hashpriceCurve[].value').unit },
        { ...f('bitcoin.networkHashrateCurve'), kind: 'curve', unit: BY_PATH.get('bitcoin.networkHashrateCurve[].value').unit },
      ],
    }, {
      title: 'Selling the fleet and mothballing',
      fields: [
        f('mining.asicResale.under19UsdPerTh'),
        f('mining.asicResale.from19To25UsdPerTh'),
        f('mining.asicResale.from25To38UsdPerTh'),
        f('mining.asicResale.over38UsdPerTh'),
        f('mining.asicResale.referenceHashpriceUsdPerPhDay'),
        f('mining.asicResale.ageDeclinePctPerYear'),
        f('mining.mothballOpexPct'),
      ],
    }, {
      title: 'Fleet refresh and block schedule',
      fields: [
        f('mining.refresh.enabled'),
        f('mining.refresh.afterYears'),
        f('mining.refresh.capexUsdPerTh'),
        f('mining.refresh.efficiencyJPerTh'),
        f('bitcoin.anchorHeight'),
        f('bitcoin.anchorDate'),
        f('bitcoin.blocksPerDay'),
      ],
    }],
  },
  {
    id: 'retrofit',
    title: 'Retrofit',
    fields: [
      f('retrofit.convertedSharePct'),
      f('retrofit.cooling', { options: 'cooling' }),
      f('retrofit.rackDensityKw'),
      f('retrofit.redundancy'),
      f('retrofit.pue'),
      { kind: 'phases', path: 'retrofit.phases', label: 'Phases' },
      f('retrofit.softCostPct'),
      f('retrofit.contingencyPct'),
    ],
    // Every unit cost of the cost library, editable: an edited one becomes a
    // `retrofit.costOverrides` entry (see form.js).
    advanced: { title: 'Unit costs: replace with your own quotes', kind: 'costs', fields: [] },
  },
  {
    id: 'colocation',
    title: 'Colocation lease',
    fields: [
      f('colocation.leaseUsdPerKwMonth'),
      f('colocation.escalatorPctPerYear'),
      f('colocation.occupancyPct'),
      f('colocation.leaseType'),
      f('colocation.leaseTermYears'),
      f('colocation.afterTerm'),
      f('colocation.landlordOpexUsdPerMwItYear'),
      f('colocation.exitCapRatePct'),
      f('colocation.sellingCostPct'),
    ],
    advanced: {
      title: 'Tenant terms and project debt',
      fields: [
        f('colocation.tenantFitOutPct'),
        f('colocation.rentFreeMonths'),
        f('colocation.prepaymentMonths'),
        f('colocation.prepaymentCredit'),
        f('colocation.reletRentPct'),
        f('colocation.reletVacancyMonths'),
        f('colocation.debt.loanToCostPct'),
        f('colocation.debt.interestRatePct'),
        f('colocation.debt.tenorYears'),
        f('colocation.debt.amortisation'),
        f('colocation.debt.targetDscr'),
        f('colocation.debt.upfrontFeePct'),
        f('colocation.debt.capitaliseInterest'),
      ],
    },
  },
  {
    id: 'gpuCloud',
    title: 'GPU cloud',
    fields: [
      f('gpuCloud.system', { options: 'gpuSystems' }),
      f('gpuCloud.contractSharePct'),
      f('gpuCloud.contractRateUsdPerGpuHour'),
      f('gpuCloud.contractTermMonths'),
      f('gpuCloud.contractPrepaymentPct'),
      f('gpuCloud.recontractAtMarket'),
      f('gpuCloud.rentUsdPerGpuHour'),
      f('gpuCloud.rentDeclinePctPerYear'),
      f('gpuCloud.utilizationPct'),
      f('gpuCloud.loadPct'),
      f('gpuCloud.usefulLifeYears'),
      f('gpuCloud.endOfLife'),
      f('gpuCloud.refreshSystem', { options: 'gpuSystems' }),
      f('gpuCloud.fabric'),
      f('gpuCloud.opexUsdPerGpuYear'),
      f('gpuCloud.opexPctOfRevenue'),
      f('gpuCloud.residualDeclinePctPerYear'),
      f('gpuCloud.resellAtEndOfLife'),
    ],
    advanced: {
      title: 'System figures and project debt',
      fields: [
        f('gpuCloud.itKwPerGpu'),
        f('gpuCloud.capexUsdPerGpu'),
        f('gpuCloud.refreshCapexUsdPerGpu'),
        f('gpuCloud.refreshRentUsdPerGpuHour'),
        f('gpuCloud.debt.loanToCostPct'),
        f('gpuCloud.debt.interestRatePct'),
        f('gpuCloud.debt.tenorYears'),
        f('gpuCloud.debt.amortisation'),
        f('gpuCloud.debt.targetDscr'),
        f('gpuCloud.debt.upfrontFeePct'),
        f('gpuCloud.debt.capitaliseInterest'),
      ],
    },
  },
  {
    id: 'finance',
    title: 'Finance',
    fields: [
      f('startMonth'),
      f('horizonYears'),
      f('finance.discountRatePct'),
      f('finance.verdictBasis'),
      f('finance.costOfEquityPct'),
      f('finance.covenantDscr'),
      f('finance.includeTerminalValue'),
      f('finance.taxEnabled'),
      f('finance.taxRatePct'),
      f('finance.sensitivityPct'),
    ],
    advanced: {
      title: 'A discount rate per pathway',
      fields: [
        f('finance.ratesByPathway'),
        f('finance.miningRatePct'),
        f('finance.colocationRatePct'),
        f('finance.gpuCloudRatePct'),
      ],
    },
  },
];

/** A group's "more" sections (none, one, or a list). */
export function advancedOf(g) {
  return g.advanced ? [].concat(g.advanced) : [];
}

/** Every scalar field of the form, flat (the fleet and the phases excluded). */
export function allFields() {
  const out = [];
  for (const g of GROUPS) {
    for (const f of g.fields) if (f.kind !== 'fleet' && f.kind !== 'phases') out.push({ ...f, group: g.title });
    for (const a of advancedOf(g)) for (const f of a.fields) if (f.kind !== 'curve') out.push({ ...f, group: g.title });
  }
  return out;
}

/** Fleet line columns. */
export const FLEET_COLUMNS = ['units', 'hashrateThs', 'efficiencyJPerTh'].map((key) => ({ key, ...f(`mining.fleet[].${key}`) }));

/** The fields of one phase of the retrofit, from the registry. */
export const PHASE_COLUMNS = ['sharePct', 'constructionStartMonth', 'buildMonths', 'rampMonths'].map((key) => ({ key, ...f(`retrofit.phases[].${key}`) }));
