/* minepivot — TypeScript declarations generated from the Rust types (tsify + wasm-bindgen)
 * by scripts/build-pkg.sh. Do not edit; tests/golden/minepivot.d.ts is the reviewed copy. */

/**
 * How a loan is repaid once drawn (see [`crate::debt`]).
 */
export type Amortisation = "annuity" | "interestOnly" | "sculpted";

export interface AsicPreset {
    model: string;
    hashrateThs: number;
    powerW: number;
    efficiencyJPerTh: number;
    /**
     * "air", "hydro" or "immersion".
     */
    cooling: string;
    source: string;
    asOf: string;
    /**
     * Where the figures can be read, when a public page was found for them.
     */
    url?: string;
}

/**
 * Second-hand ASIC prices: an index by efficiency class at a reference hashprice, moving in
 * proportion to the hashprice and declining with the machines' age (docs/methodology-mining.md
 * "Selling the fleet").
 */
export interface AsicResale {
    /**
     * Machines under 19 J/TH, USD per TH/s.
     */
    under19UsdPerTh?: number;
    /**
     * 19 to 25 J/TH, USD per TH/s.
     */
    from19To25UsdPerTh?: number;
    /**
     * 25 to 38 J/TH, USD per TH/s.
     */
    from25To38UsdPerTh?: number;
    /**
     * 38 J/TH and above, USD per TH/s.
     */
    over38UsdPerTh?: number;
    /**
     * The hashprice when the index was read, USD per PH/s per day.
     */
    referenceHashpriceUsdPerPhDay?: number;
    /**
     * Yearly decline of a machine's price with its age, %.
     */
    ageDeclinePctPerYear?: number;
}

export interface AxisValues {
    field: string;
    label: string;
    unit: string;
    values: number[];
    /**
     * The scenario's own value (1 for the BTC price multiple).
     */
    current: number;
}

/**
 * On which cash flows the verdict compares the pathways.
 */
export type Basis = "unlevered" | "equity";

export interface Bitcoin {
    /**
     * BTC price in month 0, USD.
     */
    btcPriceUsd?: number;
    /**
     * Continuous yearly growth of the BTC price, % (may be negative).
     */
    btcPriceGrowthPctPerYear?: number;
    /**
     * Network hashrate in month 0, EH/s.
     */
    networkHashrateEhs?: number;
    /**
     * Continuous yearly growth of the network hashrate, % (may be negative).
     */
    networkHashrateGrowthPctPerYear?: number;
    /**
     * Average transaction fees per block in month 0, BTC.
     */
    feesBtcPerBlock?: number;
    /**
     * Continuous yearly growth of fees per block, %.
     */
    feesGrowthPctPerYear?: number;
    /**
     * A known block height…
     */
    anchorHeight?: number;
    /**
     * …and the date it was mined, `"YYYY-MM-DD"`.
     */
    anchorDate?: string;
    /**
     * Blocks mined per day (144 at the 10-minute target).
     */
    blocksPerDay?: number;
    /**
     * How the network hashrate moves after month 0.
     */
    hashrateModel?: HashrateModel;
    /**
     * The economic model: the efficiency of the network's marginal fleet in month 0, J/TH.
     */
    marginalEfficiencyJPerTh?: number;
    /**
     * Its yearly improvement, % (geometric).
     */
    marginalEfficiencyGainPctPerYear?: number;
    /**
     * The power price the marginal fleet pays in month 0, USD/MWh.
     */
    marginalPowerUsdPerMwh?: number;
    /**
     * Its continuous yearly escalation, %.
     */
    marginalPowerEscalationPctPerYear?: number;
    /**
     * Months for the hashrate to close half its gap to the equilibrium.
     */
    hashrateLagMonths?: number;
    /**
     * Most the network hashrate can grow in a year, % (ASIC supply).
     */
    maxHashrateGrowthPctPerYear?: number;
    /**
     * The BTC price by month, USD (empty: the price and its growth).
     */
    btcPriceCurve?: CurvePoint[];
    /**
     * The hashprice by month, USD per PH/s per day, overriding the derivation for the months
     * the curve covers (empty: derived).
     */
    hashpriceCurve?: CurvePoint[];
    /**
     * The network hashrate by month, EH/s (empty: the hashrate model).
     */
    networkHashrateCurve?: CurvePoint[];
}

export interface BitcoinMonth {
    /**
     * `"YYYY-MM"`.
     */
    month: string;
    /**
     * Month index from month 0.
     */
    index: number;
    /**
     * Projected height of the first block of the month.
     */
    blockHeight: number;
    /**
     * Average block subsidy over the month's blocks, BTC.
     */
    subsidyBtc: number;
    feesBtcPerBlock: number;
    btcPriceUsd: number;
    networkHashrateEhs: number;
    /**
     * USD per PH/s per day.
     */
    hashpriceUsdPerPhDay: number;
}

export interface BitcoinReport {
    months: BitcoinMonth[];
    /**
     * Halvings inside the horizon.
     */
    halvings: Halving[];
    /**
     * With a hashprice curve: the hashprice the model would derive without it, month by month
     * (the curve's months in `months` carry the curve's); empty without a hashprice curve.
     */
    modelHashpriceUsdPerPhDay: number[];
}

/**
 * Where one AI pathway's NPV equals mining's: the crossings found on the grid's edges, and
 * the segments that join them square by square (a contour, drawn segment by segment).
 */
export interface BreakEvenLine {
    pathway: PathwayId;
    /**
     * Every crossing: on a row between two cells (x found, y the row's) or on a column (y
     * found).
     */
    points: MapPoint[];
    /**
     * Pairs of crossings on the edges of one grid square, joined.
     */
    segments: [MapPoint, MapPoint][];
}

/**
 * Inputs at which two pathways' NPVs are equal, found by solving the whole model.
 */
export interface BreakEvens {
    /**
     * Multiple of the whole BTC price path at which mining equals the best AI pathway.
     */
    btcPriceMultiple: number | null;
    /**
     * That multiple × the month-0 BTC price, USD.
     */
    btcPriceUsd: number | null;
    /**
     * Lease rate at which colocation equals mining, USD per kW-month.
     */
    leaseUsdPerKwMonth: number | null;
    /**
     * GPU rent at which the GPU cloud equals mining, USD per GPU-hour: the market rent, with a
     * contract's rate moved in proportion.
     */
    gpuRentUsdPerGpuHour: number | null;
    /**
     * The site's power price level at which the best AI pathway equals mining, USD/MWh.
     */
    powerPriceUsdPerMwh: number | null;
    /**
     * Under hourly pricing, the spread of the hourly prices (`power.shapePct`) at which mining
     * equals the best AI pathway, %: wider spikes favour the miner that curtails them.
     */
    priceShapePct: number | null;
    /**
     * Why a break-even is null, where one is.
     */
    notes: string[];
}

/**
 * The accuracy band of the capex estimate (docs/methodology-capex.md "Accuracy"): a unit-cost
 * library priced on a concept of the site is a study estimate, AACE International Class 4,
 * whose actual cost falls between `totalUsd × (1 + lowPct ÷ 100)` and
 * `totalUsd × (1 + highPct ÷ 100)`.
 */
export interface CapexAccuracy {
    /**
     * `"AACE Class 4"`.
     */
    estimateClass: string;
    /**
     * What the class means, for people ("study or feasibility estimate, 1–15 % of the project defined").
     */
    classLabel: string;
    /**
     * The low end of the band, % of the estimate (negative: −20).
     */
    lowPct: number;
    /**
     * The high end of the band, % of the estimate (+30).
     */
    highPct: number;
    /**
     * The facility retrofit's total at the low end of the band, USD.
     */
    lowUsd: number;
    /**
     * The facility retrofit's total at the high end of the band, USD.
     */
    highUsd: number;
    /**
     * The build each AI pathway pays, with its band: colocation's the landlord's bill,
     * the GPU cloud's the facility and its first GPUs.
     */
    pathways: CapexRange[];
    /**
     * Where the class and its ranges are defined.
     */
    source: string;
    url: string;
}

/**
 * An itemised bill whose lines sum exactly to `totalUsd`.
 */
export interface CapexBill {
    totalUsd: number;
    /**
     * Total ÷ critical IT MW (null when there is no IT capacity).
     */
    perItMwUsd: number | null;
    lines: CapexLine[];
    categories: CategoryTotal[];
}

/**
 * One line of a capex bill: quantity × unit cost.
 */
export interface CapexLine {
    /**
     * Cost-library item id (for overrides).
     */
    id: string;
    category: string;
    item: string;
    quantity: number;
    unit: string;
    unitCostUsd: number;
    totalUsd: number;
    source: string;
    asOf: string;
    estimate: boolean;
    /**
     * True where the user replaced the library's unit cost.
     */
    overridden: boolean;
    /**
     * Where the unit cost's figure can be read, when it is a public page.
     */
    url?: string;
}

/**
 * One pathway's build cost within the estimate's accuracy band.
 */
export interface CapexRange {
    /**
     * `colocation` or `gpuCloud`.
     */
    pathway: PathwayId;
    /**
     * The estimate, USD.
     */
    totalUsd: number;
    lowUsd: number;
    highUsd: number;
}

export interface CapexReport {
    /**
     * The facility retrofit (both AI pathways), USD.
     */
    totalUsd: number;
    perItMwUsd: number | null;
    lines: CapexLine[];
    categories: CategoryTotal[];
    /**
     * The GPU cloud's own IT equipment on top of the facility: servers, fabric, storage.
     */
    gpuCloud: CapexBill;
    greenfield: Greenfield;
    /**
     * Facility capex per month of the first phase's construction, USD (each phase spends its share evenly over its build).
     */
    monthlySpendUsd: number;
    /**
     * What the colocation tenant funds of the fit-out (`colocation.tenantFitOutPct`), USD.
     */
    tenantFitOutUsd: number;
    /**
     * The colocation landlord's bill, less the tenant's share of each fit-out line; null when
     * the tenant funds nothing (the landlord's bill is then the facility bill).
     */
    landlord: CapexBill | null;
    /**
     * How far the real cost may fall from these totals: the estimate's class and its band.
     */
    accuracy: CapexAccuracy;
}

/**
 * One month of one pathway's cash flow (end-of-month).
 */
export interface CashFlowMonth {
    /**
     * `"YYYY-MM"`.
     */
    month: string;
    index: number;
    /**
     * All revenue: mining + AI + curtailment credits + power sold back + demand response.
     */
    revenueUsd: number;
    miningRevenueUsd: number;
    aiRevenueUsd: number;
    /**
     * The flat model's credit for curtailed hours (`mining.curtailmentCreditUsdPerMwh`).
     */
    curtailmentCreditUsd: number;
    /**
     * Contracted power the site did not draw, sold at the hourly price.
     */
    sellBackUsd: number;
    /**
     * Demand-response or ancillary-service payments for the enrolled mining load.
     */
    demandResponseUsd: number;
    /**
     * Energy (bought, or contracted) and the transmission charge paid.
     */
    powerCostUsd: number;
    /**
     * Energy drawn, MWh: the running ASIC lines' and the AI load's.
     */
    energyMwh: number;
    /**
     * Hours the mining fleet ran at full load (its energy ÷ the facility load of the fleet
     * still there; fewer than the month's 730.5 where lines curtail).
     */
    miningHoursRun: number;
    /**
     * The transmission charge the curtailing fleet avoided at the system peaks (not a cash
     * flow: already absent from `powerCostUsd`).
     */
    avoidedChargesUsd: number;
    opexUsd: number;
    /**
     * Capex, net of the proceeds of equipment sold (`assetSalesUsd`): a refresh month's GPU
     * purchase less the old generation's sale, a construction start less the converted
     * share's ASICs sold.
     */
    capexUsd: number;
    /**
     * Proceeds of equipment sold this month, already netted in `capexUsd`: GPUs at the end of
     * a generation, ASICs of the share converted (at its construction start) or of a site
     * that closes.
     */
    assetSalesUsd: number;
    /**
     * Corporate income tax (0 unless `finance.taxEnabled`).
     */
    taxUsd: number;
    netCashFlowUsd: number;
    /**
     * Running sum of the net cash flow from month 0 (the months before the build included).
     * Payback is counted from the first capex month instead (see `paybackMonths`), so in a
     * scenario whose site loses money before the build, this can still be negative in the
     * payback month.
     */
    cumulativeUsd: number;
    /**
     * Share of the site's fleet hashing this month (0 when switched off), %.
     */
    miningActivePct: number;
}

/**
 * Twelve months summed; `cumulativeUsd` at the year's end.
 */
export interface CashFlowYear {
    /**
     * 1-based model year.
     */
    year: number;
    /**
     * `"YYYY-MM"` of the year's first month.
     */
    startMonth: string;
    revenueUsd: number;
    miningRevenueUsd: number;
    aiRevenueUsd: number;
    curtailmentCreditUsd: number;
    sellBackUsd: number;
    demandResponseUsd: number;
    powerCostUsd: number;
    energyMwh: number;
    miningHoursRun: number;
    avoidedChargesUsd: number;
    opexUsd: number;
    capexUsd: number;
    assetSalesUsd: number;
    taxUsd: number;
    netCashFlowUsd: number;
    /**
     * Running sum of the net cash flow from month 0 (the months before the build included).
     * Payback is counted from the first capex month instead (see `paybackMonths`), so in a
     * scenario whose site loses money before the build, this can still be negative in the
     * payback month.
     */
    cumulativeUsd: number;
}

export interface CategoryTotal {
    /**
     * Stable id of the category: `cooling`, `electrical`, `networking`, `building`, `land`,
     * `itEquipment`, `softCosts`.
     */
    id: string;
    /**
     * The category for people.
     */
    category: string;
    totalUsd: number;
}

/**
 * One value of a choice field: the JSON value and what a person reads.
 */
export interface Choice {
    value: string;
    label: string;
}

export interface Colocation {
    /**
     * Rent, USD per kW of critical IT per month, in the first lease year.
     */
    leaseUsdPerKwMonth?: number;
    /**
     * Yearly rent step from the lease start, %.
     */
    escalatorPctPerYear?: number;
    /**
     * Share of the critical IT capacity leased, %.
     */
    occupancyPct?: number;
    leaseType?: LeaseType;
    /**
     * Landlord's operating cost, USD per MW of critical IT per year.
     */
    landlordOpexUsdPerMwItYear?: number;
    /**
     * Share of the fit-out lines of the retrofit bill (CDUs, rear doors or immersion tanks,
     * rack power distribution, white-space fit-out) the tenant pays, %.
     */
    tenantFitOutPct?: number;
    /**
     * Lease term, years from the lease start.
     */
    leaseTermYears?: number;
    /**
     * Months at the start of the lease (from commissioning) without rent: a rent-free
     * period or a commencement lag; the term and the escalator run from commissioning.
     */
    rentFreeMonths?: number;
    /**
     * Rent paid at signing (the construction start), in months of full first-year rent.
     */
    prepaymentMonths?: number;
    prepaymentCredit?: PrepaymentCredit;
    afterTerm?: LeaseEnd;
    /**
     * The re-let rent, % of the last rent of the term that ended (`relet`).
     */
    reletRentPct?: number;
    /**
     * Months the halls stand empty before they are re-let (`relet`).
     */
    reletVacancyMonths?: number;
    /**
     * Capitalisation rate of a sale at the horizon: value = next twelve months' NOI ÷ rate, %.
     */
    exitCapRatePct?: number;
    /**
     * Costs of that sale (brokerage, legal), % of the value.
     */
    sellingCostPct?: number;
    /**
     * Project debt on this pathway's capex.
     */
    debt?: Debt;
}

export interface Comparison {
    /**
     * Pathway with the highest NPV.
     */
    bestPathway: PathwayId;
    /**
     * AI pathway with the highest NPV.
     */
    bestAiPathway: PathwayId;
    /**
     * One sentence for the board.
     */
    verdict: string;
    breakEvens: BreakEvens;
    /**
     * The cash flows compared: the project's (`unlevered`) or the equity's (`equity`).
     */
    basis: Basis;
    /**
     * Whether the compared values include the value at the horizon.
     */
    terminalValueIncluded: boolean;
    /**
     * What the compared NPVs are, in words ("NPV at 10 %").
     */
    basisLabel: string;
}

/**
 * `T` with every field present, recursively: a whole scenario as the core writes it.
 */
export type Complete<T> = T extends (infer U)[] ? Complete<U>[] : T extends object ? { [K in keyof T]-?: Complete<T[K]> } : T;

/**
 * A whole scenario, every field present: what {@link defaultScenario} returns.
 */
export type CompleteScenario = Complete<Scenario>;

/**
 * The factors' contributions to the spread of each pathway's NPV.
 */
export interface Contributions {
    /**
     * Paths of each one-factor run.
     */
    paths: number;
    /**
     * The standard deviation of each pathway's NPV with every factor drawn, on as many paths
     * (mining, colocation, gpuCloud), USD.
     */
    allStdDevNpvUsd: number[];
    /**
     * One per factor drawn, the largest first for the AI pathway whose NPV spreads more.
     */
    factors: FactorContribution[];
}

/**
 * Cooling technology of the converted halls.
 */
export type Cooling = "air" | "rearDoor" | "directToChip" | "immersion";

export interface CoolingPreset {
    id: Cooling;
    label: string;
    /**
     * Highest rack density the technology can cool, kW per rack.
     */
    maxRackDensityKw: number;
    /**
     * The PUE the technology typically implies.
     */
    typicalPue: number;
    source: string;
    asOf: string;
    estimate: boolean;
    /**
     * Where the figures can be read, when a public page was found for them.
     */
    url?: string;
}

/**
 * One unit cost of the cost library.
 */
export interface CostItem {
    /**
     * An item a colocation tenant may fit out itself (`colocation.tenantFitOutPct`).
     */
    fitOut: boolean;
    /**
     * Stable id used by `retrofit.costOverrides`.
     */
    id: string;
    category: string;
    label: string;
    /**
     * What one unit is ("kW of IT", "km", "GPU", …).
     */
    unit: string;
    unitCostUsd: number;
    source: string;
    asOf: string;
    estimate: boolean;
    /**
     * Where the figure can be read, when it is a public page.
     */
    url?: string;
}

/**
 * Replaces one unit cost of the cost library.
 */
export interface CostOverride {
    /**
     * The cost-library item id, e.g. "ups".
     */
    item: string;
    /**
     * The unit cost to use instead of the library's, USD per the item's unit.
     */
    unitCostUsd: number;
}

/**
 * One point of a curve: a calendar month and the value in it.
 */
export interface CurvePoint {
    /**
     * `"YYYY-MM"`.
     */
    month?: string;
    value?: number;
}

/**
 * Project debt on an AI pathway's capex, drawn pro rata with the spend (docs/methodology-pathways.md "Project debt").
 */
export interface Debt {
    /**
     * Share of the financed capex the loan draws, % (0: no debt); a sculpted loan draws less
     * where the cash flow cannot carry it at the target DSCR.
     */
    loanToCostPct?: number;
    /**
     * All-in annual interest rate (e.g. SOFR + spread), %.
     */
    interestRatePct?: number;
    /**
     * Years of repayment after the last draw.
     */
    tenorYears?: number;
    /**
     * Upfront fee, % of the loan, paid with the first draw.
     */
    upfrontFeePct?: number;
    amortisation?: Amortisation;
    /**
     * DSCR the sculpted debt service is sized to (sculpted only), × (> 1).
     */
    targetDscr?: number;
    /**
     * Interest during construction added to the loan (true) or paid in cash (false).
     */
    capitaliseInterest?: boolean;
}

/**
 * One month of a loan (end-of-month, as the cash flows).
 */
export interface DebtMonthReport {
    /**
     * `"YYYY-MM"`.
     */
    month: string;
    index: number;
    drawUsd: number;
    feeUsd: number;
    /**
     * Interest accrued on the opening balance (nominal annual rate ÷ 12).
     */
    interestUsd: number;
    /**
     * The part of it added to the balance (construction, when capitalised).
     */
    capitalisedInterestUsd: number;
    principalUsd: number;
    /**
     * Fee + interest paid + principal.
     */
    debtServiceUsd: number;
    /**
     * Balance at the end of the month.
     */
    balanceUsd: number;
    /**
     * Cash flow available for debt service: EBITDA − the project's tax.
     */
    cfadsUsd: number;
    /**
     * CFADS ÷ (interest paid + principal), in months of repayment.
     */
    dscr: number | null;
    equityCashFlowUsd: number;
}

/**
 * Twelve months of a loan summed; the balance at the year's end.
 */
export interface DebtYearReport {
    year: number;
    startMonth: string;
    drawUsd: number;
    feeUsd: number;
    interestUsd: number;
    capitalisedInterestUsd: number;
    principalUsd: number;
    debtServiceUsd: number;
    balanceUsd: number;
    cfadsUsd: number;
    /**
     * The year's CFADS ÷ its interest paid + principal, where those are more than 0.
     */
    dscr: number | null;
    equityCashFlowUsd: number;
}

/**
 * The answer.
 */
export interface DecisionMap {
    x: AxisValues;
    y: AxisValues;
    /**
     * Row by row from the first y: `cells[j × x.values.length + i]` is (x.values[i],
     * y.values[j]).
     */
    cells: MapCell[];
    /**
     * Where each AI pathway's NPV equals mining's.
     */
    breakEvens: BreakEvenLine[];
}

/**
 * A point of the duration curve: this share of the year's hours cost at least this price.
 */
export interface DurationPoint {
    hoursPct: number;
    usdPerMwh: number;
}

export interface EquityPathwayRisk {
    id: PathwayId;
    label: string;
    /**
     * The equity NPV of the scenario's own single path, USD.
     */
    deterministicNpvUsd: number;
    meanNpvUsd: number;
    p10NpvUsd: number;
    p50NpvUsd: number;
    p90NpvUsd: number;
    /**
     * Share of the paths on which the equity NPV is below 0, %.
     */
    probabilityOfLossPct: number;
    /**
     * Share of the paths on which this pathway's equity NPV exceeds mining's, %; null for
     * mining.
     */
    probabilityBeatsMiningPct: number | null;
}

/**
 * The equity's NPV distribution: each pathway's equity cash flows (the project's after its
 * loan's draws, fees, interest and repayments) discounted at the cost of equity, on the
 * first `paths` paths, each valued through the whole model.
 */
export interface EquityRisk {
    /**
     * Paths valued for the equity.
     */
    paths: number;
    /**
     * The rate the equity's flows are discounted at, % per year (`finance.costOfEquityPct`).
     */
    costOfEquityPct: number;
    /**
     * One per pathway, in the order mining, colocation, gpuCloud (mining carries no debt:
     * its project flows at the cost of equity).
     */
    pathways: EquityPathwayRisk[];
}

/**
 * Stable machine codes of input problems.
 */
export type ErrorCode = "invalidJson" | "invalidType" | "unknownField" | "notFinite" | "outOfRange" | "invalidFormat" | "inconsistent" | "tooLarge" | "unsupportedVersion";

/**
 * Back-end (GPU-to-GPU) network fabric.
 */
export type Fabric = "infiniband" | "ethernet";

/**
 * One factor drawn alone.
 */
export interface FactorContribution {
    /**
     * The factor's name, as in `drawn`.
     */
    factor: string;
    label: string;
    /**
     * Standard deviation of each pathway's NPV with this factor alone drawn (mining,
     * colocation, gpuCloud), USD.
     */
    stdDevNpvUsd: number[];
    /**
     * σᵢ² ÷ Σⱼ σⱼ² per pathway (mining, colocation, gpuCloud), %; 0 where no factor moves the
     * pathway.
     */
    shareOfVariancePct: number[];
}

/**
 * A registry entry for JavaScript (`fields()`), the CLI (`minepivot fields`) and the docs.
 */
export interface FieldInfo {
    /**
     * Dotted path; list items as `[]`: `mining.fleet[].units`.
     */
    path: string;
    /**
     * The page group: `site`, `bitcoin`, `retrofit`, `colocation`, `gpuCloud`, `finance`, `risk`.
     */
    group: string;
    label: string;
    /**
     * The unit ("" for a ratio).
     */
    unit: string;
    /**
     * `number`, `whole`, `flag`, `text`, `month`, `date`, `choice` or `list`.
     */
    kind: string;
    /**
     * Lower bound (of a list or text: its length).
     */
    min: number | null;
    /**
     * Upper bound (of a list or text: its length).
     */
    max: number | null;
    /**
     * Above 0, the smallest value allowed (0 itself allowed too), where the field has such a gap.
     */
    nonzeroMin: number | null;
    /**
     * The form's arrow step.
     */
    step: number | null;
    /**
     * The allowed values in words, as error messages say them.
     */
    allowed: string;
    /**
     * The values of a `choice`.
     */
    choices: Choice[];
    /**
     * Where the default comes from.
     */
    source: Source | null;
}

/**
 * The whole field registry, for JavaScript (`fields()`) and the CLI (`minepivot fields`).
 */
export interface Fields {
    /**
     * Every input of the scenario (list items as `mining.fleet[].units`).
     */
    scenario: FieldInfo[];
    /**
     * Every option of `risk(scenario, options)`.
     */
    risk: FieldInfo[];
    /**
     * The options' defaults (the scenario's are `defaultScenario()`).
     */
    riskDefaults: RiskOptions;
}

export interface Finance {
    /**
     * Annual discount rate for NPV, %.
     */
    discountRatePct?: number;
    /**
     * Apply corporate income tax with straight-line depreciation.
     */
    taxEnabled?: boolean;
    /**
     * Corporate income tax rate, %.
     */
    taxRatePct?: number;
    /**
     * Move of each input in the sensitivity (tornado), ± %.
     */
    sensitivityPct?: number;
    /**
     * One discount rate per pathway instead of `discountRatePct` for all three.
     */
    ratesByPathway?: boolean;
    /**
     * The mining pathway's own discount rate, % per year (with `ratesByPathway`).
     */
    miningRatePct?: number;
    /**
     * The colocation pathway's own discount rate, % per year (with `ratesByPathway`).
     */
    colocationRatePct?: number;
    /**
     * The GPU cloud's own discount rate, % per year (with `ratesByPathway`).
     */
    gpuCloudRatePct?: number;
    /**
     * Rate of return the equity requires: the discount rate of the equity cash flows, % per year.
     */
    costOfEquityPct?: number;
    /**
     * Minimum DSCR a lender's covenant allows; a lower month is warned about, ×.
     */
    covenantDscr?: number;
    /**
     * Cash flows the verdict compares: the project's or the equity's.
     */
    verdictBasis?: Basis;
    /**
     * Count the value at the horizon (exit sale, GPU residual) in the verdict's NPV.
     */
    includeTerminalValue?: boolean;
}

/**
 * A pathway's loan and what its equity earns (docs/methodology-pathways.md "Project debt").
 */
export interface Financing {
    /**
     * The capex the loan finances: the facility and the first GPUs, USD.
     */
    financedCapexUsd: number;
    /**
     * Loan-to-cost drawn, %: the scenario's, or less where a sculpted loan is sized down to
     * what the cash flow carries at the target DSCR (then `sizedByDscr`).
     */
    loanToCostPct: number;
    sizedByDscr: boolean;
    /**
     * The loan: the sum of the draws, USD.
     */
    loanUsd: number;
    feesUsd: number;
    /**
     * Interest over the horizon, paid and capitalised, USD.
     */
    interestUsd: number;
    /**
     * Balance left at the end of the horizon, USD (repaid from the equity's last cash flow).
     */
    balanceAtHorizonUsd: number;
    /**
     * The equity's cash flows discounted at `finance.costOfEquityPct`, USD.
     */
    equityNpvUsd: number;
    /**
     * `equityNpvUsd` + the value at the horizon discounted at the cost of equity, USD.
     */
    equityNpvWithTerminalValueUsd: number;
    /**
     * Annualised IRR of the equity's cash flows from the first capex month, %; null where it
     * does not exist (see `equityIrrNote`).
     */
    equityIrrPct: number | null;
    equityIrrNote: string | null;
    /**
     * The equity's MIRR from the first capex month, financed and reinvested at the cost of
     * equity, %.
     */
    equityMirrPct: number | null;
    /**
     * Lowest DSCR over the months with debt service, ×; null without debt service in the horizon.
     */
    minDscr: number | null;
    /**
     * Average of the monthly DSCRs, ×.
     */
    avgDscr: number | null;
    /**
     * The month of the lowest DSCR, `"YYYY-MM"`.
     */
    minDscrMonth: string | null;
    months: DebtMonthReport[];
    years: DebtYearReport[];
}

/**
 * How the AI load, which never curtails, is supplied in every hour.
 */
export type FirmSupply = "grid" | "premium" | "generation";

export interface FleetLine {
    /**
     * ASIC model name, e.g. "Antminer S21 XP".
     */
    model: string;
    /**
     * Number of machines of this model.
     */
    units: number;
    /**
     * Nameplate hashrate per machine, TH/s.
     */
    hashrateThs: number;
    /**
     * Nameplate efficiency, joules per terahash.
     */
    efficiencyJPerTh: number;
}

export interface FleetRefresh {
    /**
     * Whether the fleet is replaced.
     */
    enabled?: boolean;
    /**
     * Years after month 0 at which the whole fleet is replaced.
     */
    afterYears?: number;
    /**
     * Capex of the new machines, USD per TH/s.
     */
    capexUsdPerTh?: number;
    /**
     * Efficiency of the new machines, J/TH (the hashrate stays the same).
     */
    efficiencyJPerTh?: number;
}

export interface GpuCloud {
    system?: GpuSystem;
    /**
     * All-in critical IT per GPU, kW; 0: the system's ([`crate::presets::gpu_system`]).
     */
    itKwPerGpu?: number;
    /**
     * All-in capex per GPU (servers, network, storage, installation), USD; 0: the system's.
     */
    capexUsdPerGpu?: number;
    /**
     * Share of the GPUs under a take-or-pay contract, %: billed in full at the contract rate.
     */
    contractSharePct?: number;
    /**
     * The contract's rate, USD per GPU-hour (fixed for the term).
     */
    contractRateUsdPerGpuHour?: number;
    /**
     * The contract's term from each phase's commissioning, months.
     */
    contractTermMonths?: number;
    /**
     * Paid at signing (the construction start), % of the contract value; credited against
     * the billing in equal parts over the term.
     */
    contractPrepaymentPct?: number;
    /**
     * At the term's end, contract the same GPUs again at the then market rate (billed in
     * full) instead of selling their hours at the market.
     */
    recontractAtMarket?: boolean;
    /**
     * Market rent in the first month of operation, USD per GPU-hour: what the GPUs outside
     * the contract, and all of them after it, earn.
     */
    rentUsdPerGpuHour?: number;
    /**
     * Yearly decline of the rent, % (continuous).
     */
    rentDeclinePctPerYear?: number;
    /**
     * Share of GPU-hours sold, %.
     */
    utilizationPct?: number;
    /**
     * Average power draw as a share of the GPUs' IT power, %.
     */
    loadPct?: number;
    /**
     * Years before the GPUs are refreshed or retired.
     */
    usefulLifeYears?: number;
    endOfLife?: GpuEnd;
    /**
     * The system bought at each refresh: its own all-in kW, price and market rent from the
     * presets (the same system keeps the scenario's own figures).
     */
    refreshSystem?: GpuSystem;
    /**
     * All-in capex per GPU of each generation bought at a refresh, USD (InfiniBand basis, as
     * `capexUsdPerGpu`); 0: the refresh system's (the first generation's price when it is the
     * same system).
     */
    refreshCapexUsdPerGpu?: number;
    /**
     * Market rent a refreshed generation starts at, USD per GPU-hour; 0: the refresh system's
     * reference rent (the scenario's own rent when it is the same system).
     */
    refreshRentUsdPerGpuHour?: number;
    fabric?: Fabric;
    /**
     * Staff, support, software and maintenance, USD per GPU per year.
     */
    opexUsdPerGpuYear?: number;
    /**
     * Sales, billing and platform costs, % of revenue.
     */
    opexPctOfRevenue?: number;
    /**
     * Yearly fall of a GPU's resale value, % (geometric): the residual value at the horizon
     * and, with `resellAtEndOfLife`, what a generation fetches when replaced or retired.
     */
    residualDeclinePctPerYear?: number;
    /**
     * Sell each generation at its residual value when it is replaced or retired.
     */
    resellAtEndOfLife?: boolean;
    /**
     * Project debt on this pathway's capex (the facility and the first GPUs).
     */
    debt?: Debt;
}

/**
 * What happens to the GPUs at the end of their useful life.
 */
export type GpuEnd = "refresh" | "retire";

/**
 * GPU system deployed in the GPU-cloud pathway (see [`crate::presets`]).
 */
export type GpuSystem = "h100" | "h200" | "b200" | "gb200" | "b300" | "gb300";

export interface GpuSystemPreset {
    id: GpuSystem;
    label: string;
    /**
     * All-in critical IT power per GPU: the GPU server and its share of the CPUs, storage and
     * networks on the UPS, kW (not the facility: × PUE for that).
     */
    itKwPerGpu: number;
    /**
     * All-in capex per GPU: servers, back-end InfiniBand fabric, front-end network, storage
     * and installation, one definition (the bill splits it into those lines), USD.
     */
    capexUsdPerGpu: number;
    /**
     * A market rent per GPU-hour, USD, with its source and date.
     */
    marketRentUsdPerGpuHour: number;
    rentSource: string;
    /**
     * Neocloud total cost of ownership per GPU-hour (SemiAnalysis tier), USD, where known.
     */
    tcoUsdPerGpuHour: number | null;
    source: string;
    asOf: string;
    estimate: boolean;
    /**
     * Where the system's figures can be read, when a public page was found for them.
     */
    url: string | null;
}

/**
 * What a greenfield build of the same IT capacity would cost and take.
 */
export interface Greenfield {
    totalUsd: number;
    perItMwUsd: number | null;
    /**
     * The lines a greenfield build adds (substation, interconnect, land, …).
     */
    extraLines: CapexLine[];
    /**
     * The mining site's advantage: greenfield total − retrofit total, USD.
     */
    creditUsd: number;
    /**
     * Months a greenfield build would take (grid interconnection queue included).
     */
    buildMonths: number;
    /**
     * Months the existing site saves.
     */
    monthsSaved: number;
}

export interface Halving {
    height: number;
    /**
     * Month index in which the halving block is mined.
     */
    index: number;
    month: string;
    /**
     * Subsidy after the halving, BTC.
     */
    subsidyBtc: number;
}

/**
 * How the network hashrate moves after month 0 (docs/methodology-mining.md).
 */
export type HashrateModel = "fixedGrowth" | "economic";

/**
 * Counts of paths per NPV bin; the bins are shared by the pathways so the bars compare.
 */
export interface Histogram {
    /**
     * `bins + 1` increasing edges, USD, from the 1st to the 99th percentile of all three
     * pathways' paths together; bin i is [edge i, edge i+1), the last one closed.
     */
    binEdgesUsd: number[];
    series: HistogramSeries[];
}

export interface HistogramSeries {
    id: PathwayId;
    /**
     * Paths per bin.
     */
    counts: number[];
    /**
     * Paths below the first edge and above the last (the tails beyond the 1st and 99th
     * percentiles); with `counts` they sum to `options.paths`.
     */
    below: number;
    above: number;
}

/**
 * A year read from CSV as a scenario holds it (`power.importedProfile`), with what a person
 * checks before using it.
 */
export interface ImportedProfile {
    /**
     * The file's name, for `power.importedProfileName`.
     */
    name: string;
    /**
     * The year of its first hour (UTC).
     */
    year: number;
    /**
     * Every hour's price in order from 1 January 00:00 UTC, USD/MWh.
     */
    hours: number[];
    averageUsdPerMwh: number;
    lowestUsdPerMwh: number;
    highestUsdPerMwh: number;
    /**
     * Hours priced below 0 (legal in ERCOT; kept and used).
     */
    negativeHours: number;
}

/**
 * What happens to a lease at the end of its term within the horizon.
 */
export type LeaseEnd = "renew" | "vacate" | "relet";

/**
 * Who pays the tenant's power and the building's operating costs (docs/methodology-pathways.md "Colocation").
 */
export type LeaseType = "nnn" | "gross" | "modifiedGross";

/**
 * One fleet line against the duration curve.
 */
export interface LineBreakEven {
    model: string;
    efficiencyJPerTh: number;
    /**
     * What an MWh drawn earns the line at month 0's hashprice (and the demand-response
     * payment per MWh): it runs in the hours priced below this, USD/MWh.
     */
    breakEvenUsdPerMwh: number;
    /**
     * The share of the first year's hours priced below it, %.
     */
    hoursRunPct: number;
}

/**
 * One axis of the map: an input and the values it takes, `steps` of them evenly from `from`
 * to `to` (both included). Left out, `from` and `to` are half and one and a half times the
 * scenario's value within the field's range (0.25 to 3 for the BTC price multiple).
 */
export interface MapAxis {
    /**
     * `btcPriceMultiple` or the dotted path of a numeric input (`colocation.leaseUsdPerKwMonth`).
     */
    field?: string;
    from?: number | null;
    to?: number | null;
    /**
     * 2–100.
     */
    steps?: number;
}

export interface MapCell {
    /**
     * The pathway with the highest NPV (a tie goes to the first of mining, colocation,
     * gpuCloud); null where the cell's scenario is not valid.
     */
    best: PathwayId | null;
    /**
     * The best NPV less the second best, USD (≥ 0); null where the scenario is not valid.
     */
    marginUsd: number | null;
    /**
     * The three NPVs (mining, colocation, gpuCloud), USD; empty where not valid.
     */
    npvUsd: number[];
}

/**
 * The map's two axes. Default: the BTC price multiple across, the colocation lease rate up,
 * 25 × 25.
 */
export interface MapOptions {
    x?: MapAxis;
    y?: MapAxis;
}

export interface MapPoint {
    x: number;
    y: number;
}

/**
 * How recent the market prices behind a report are: the latest date among the defaults of
 * the market inputs (BTC price, network hashrate, fees per block, power price, lease rate,
 * GPU rent), and which of those inputs the scenario sets to a value of its own.
 */
export interface MarketData {
    /**
     * The latest `asOf` of the market inputs' defaults, `"YYYY-MM"`.
     */
    asOf: string;
    /**
     * The same month for people: `"May 2026"`.
     */
    asOfLabel: string;
    /**
     * The market inputs, in that order.
     */
    inputs: MarketInput[];
}

/**
 * One market input and the date of its default.
 */
export interface MarketInput {
    /**
     * Scenario field path (`bitcoin.btcPriceUsd`).
     */
    field: string;
    /**
     * A short name for people ("BTC price").
     */
    label: string;
    /**
     * When the default was true, `"YYYY-MM"`.
     */
    asOf: string;
    /**
     * The same month for people: `"December 2025"`.
     */
    asOfLabel: string;
    /**
     * True where the scenario's value is not the default: the date is then not its date.
     */
    yours: boolean;
}

/**
 * Thrown by `evaluate` and `sensitivity` when the input is invalid (check
 * `error.name === "MinepivotInputError"` or `error.code === "invalidInput"`).
 * `errors` lists every problem at once, each with the field path the form marks.
 */
export interface MinepivotInputError extends Error {
    name: "MinepivotInputError";
    code: "invalidInput";
    errors: ValidationError[];
}

export interface Mining {
    /**
     * The ASIC fleet, one line per model.
     */
    fleet?: FleetLine[];
    /**
     * Mining power usage effectiveness (facility ÷ IT power).
     */
    pue?: number;
    /**
     * Share of hours the fleet hashes, % (outages, maintenance).
     */
    uptimePct?: number;
    /**
     * Pool fee, % of mining revenue.
     */
    poolFeePct?: number;
    /**
     * Share of running hours switched off on the grid's request, %.
     */
    curtailmentPct?: number;
    /**
     * Credit earned per MWh curtailed, USD.
     */
    curtailmentCreditUsdPerMwh?: number;
    /**
     * Staff, maintenance and insurance, USD per MW of facility power per year.
     */
    fixedOpexUsdPerMwYear?: number;
    /**
     * Switch the fleet off in months where revenue is below the power cost.
     */
    shutdownWhenUnprofitable?: boolean;
    /**
     * Optional replacement of the fleet with more efficient machines.
     */
    refresh?: FleetRefresh;
    /**
     * What the site does once its whole fleet has been off for `exitAfterMonthsOff` months.
     */
    exit?: MiningExit;
    /**
     * Consecutive months with the whole fleet switched off that trigger the exit.
     */
    exitAfterMonthsOff?: number;
    /**
     * Fixed opex of a mothballed site, % of the running site's.
     */
    mothballOpexPct?: number;
    /**
     * Sell the ASICs of the share converted to AI when its construction starts.
     */
    sellAsicsAtConversion?: boolean;
    /**
     * What the ASICs fetch second-hand.
     */
    asicResale?: AsicResale;
}

/**
 * What a mining site does once its whole fleet has been off for a while.
 */
export type MiningExit = "stay" | "close" | "mothball";

/**
 * The three things the site can do.
 */
export type PathwayId = "mining" | "colocation" | "gpuCloud";

export interface PathwayReport {
    id: PathwayId;
    label: string;
    /**
     * NPV of the monthly net cash flows at `finance.discountRatePct`, USD.
     */
    npvUsd: number;
    /**
     * Annualised IRR, %; null where it does not exist (see `irrNote`).
     */
    irrPct: number | null;
    irrNote: string | null;
    /**
     * Modified IRR from the first capex month, negative flows financed and positive ones
     * reinvested at the pathway's discount rate, %: unique where the IRR is not; null
     * without both signs.
     */
    mirrPct: number | null;
    /**
     * Months from the start of month 0 to the end of the month in which the net cash flow
     * summed from the first capex month turns ≥ 0: the retrofit has paid for itself. The months before the build are the
     * same site mining in every pathway and are not counted, unlike in `cumulativeUsd`, which
     * starts at month 0. Null if it never pays back within the horizon (then `paybackNote`
     * says why).
     */
    paybackMonths: number | null;
    paybackNote: string | null;
    totalCapexUsd: number;
    /**
     * What the pathway pays per MWh it draws over the horizon, USD: power cost (energy and
     * transmission) less power sold back and demand response, ÷ energy. Null without energy
     * (a colocation lease whose tenant pays the power).
     */
    effectivePowerUsdPerMwh: number | null;
    /**
     * Capex ÷ critical IT MW; null for mining.
     */
    capexPerItMwUsd: number | null;
    /**
     * NPV(this pathway) − NPV(mining), USD.
     */
    pivotValueUsd: number;
    totalRevenueUsd: number;
    totalNetCashFlowUsd: number;
    months: CashFlowMonth[];
    years: CashFlowYear[];
    /**
     * The discount rate of `npvUsd`: `finance.discountRatePct`, or the pathway's own rate
     * with `finance.ratesByPathway`, % per year.
     */
    discountRatePct: number;
    /**
     * Value at the horizon, at the end of the last month (exit sale of the leased halls, resale
     * of the GPUs in service, and of the ASICs kept), USD, undiscounted; with tax on, after the
     * tax on its gain over the tax book value left.
     */
    terminalValueUsd: number;
    /**
     * `npvUsd` + the value at the horizon discounted at the same rate.
     */
    npvWithTerminalValueUsd: number;
    /**
     * The IRR with the value at the horizon added to the last month's flow.
     */
    irrWithTerminalValuePct: number | null;
    /**
     * The NPV the verdict compares (`comparison.basis`, with the value at the horizon when
     * `comparison.terminalValueIncluded`); equals `npvUsd` at the defaults.
     */
    valueUsd: number;
    /**
     * The pathway's project debt and its equity returns; null without a loan (mining, or a
     * loan-to-cost of 0).
     */
    financing: Financing | null;
}

/**
 * The NPV distribution of one pathway.
 */
export interface PathwayRisk {
    id: PathwayId;
    label: string;
    /**
     * NPV of the scenario's own single path (the report's `npvUsd`), USD.
     */
    deterministicNpvUsd: number;
    meanNpvUsd: number;
    /**
     * Standard deviation of the NPV over the paths, USD.
     */
    stdDevNpvUsd: number;
    /**
     * 10th percentile: 90 % of paths do better.
     */
    p10NpvUsd: number;
    p50NpvUsd: number;
    p90NpvUsd: number;
    minNpvUsd: number;
    maxNpvUsd: number;
    /**
     * Share of paths on which this pathway's NPV exceeds mining's on the same path, %;
     * null for mining itself.
     */
    probabilityBeatsMiningPct: number | null;
    /**
     * Percentiles of the pivot value, NPV − mining NPV on the same path, USD; null for mining.
     */
    pivotValueP10Usd: number | null;
    pivotValueP50Usd: number | null;
    pivotValueP90Usd: number | null;
    /**
     * Share of paths on which this pathway has the highest NPV of the three, % (a tie goes
     * to the first in the order mining, colocation, gpuCloud).
     */
    probabilityBestPct: number;
    /**
     * Share of paths on which this pathway's NPV is below 0 (it does not earn the discount
     * rate), %.
     */
    probabilityOfLossPct: number;
}

/**
 * One phase of the conversion (docs/methodology-pathways.md "Timeline").
 */
export interface Phase {
    /**
     * Share of the converted capacity this phase delivers, % (the phases sum to 100 %).
     */
    sharePct: number;
    /**
     * Month (from month 0) in which its construction starts and its share stops mining.
     */
    constructionStartMonth: number;
    /**
     * Months of construction; its share of the capex is spent evenly over them.
     */
    buildMonths: number;
    /**
     * Months after its commissioning over which its AI revenue ramps linearly to full.
     */
    rampMonths: number;
}

/**
 * The site's power: how it is priced hour by hour, how it is bought, and what a flexible load
 * earns or avoids (docs/methodology-power.md).
 */
export interface Power {
    pricing?: PowerPricing;
    profile?: PriceProfile;
    scaling?: ProfileScaling;
    /**
     * The profile's spread around its average, %: 100 as in the file, 0 flat, 200 twice as
     * wide (every hour: average + shape × (price − average)).
     */
    shapePct?: number;
    /**
     * An imported year of hourly prices, USD/MWh, from its first hour (1 January 00:00 UTC):
     * 8,760 hours, or 8,784 in a leap year. Empty unless a file was imported.
     */
    importedProfile?: number[];
    /**
     * Where the imported profile came from, for people (a file name).
     */
    importedProfileName?: string;
    supply?: PowerSupply;
    /**
     * The contract's price in month 0, USD/MWh, escalating as the site's power price.
     */
    ppaPriceUsdPerMwh?: number;
    /**
     * The contracted volume, % of the mining fleet's facility load.
     */
    ppaVolumePct?: number;
    /**
     * Whether the contracted volume the site does not draw is sold back at the hourly price
     * (take-or-pay); without it the contract bills only what the site draws.
     */
    ppaSellBack?: boolean;
    /**
     * Transmission (capacity) charge on the load at the system peaks, USD per kW-month.
     */
    transmissionUsdPerKwMonth?: number;
    /**
     * The share of that charge a flexible load avoids by curtailing at the peaks, %.
     */
    transmissionAvoidedPct?: number;
    /**
     * Demand-response or ancillary-service payment, USD per MW-month of capacity enrolled,
     * earned for the hours the enrolled load is running (ready to curtail).
     */
    demandResponseUsdPerMwMonth?: number;
    /**
     * The share of the mining fleet's facility load enrolled, %.
     */
    demandResponseEnrolledPct?: number;
    aiSupply?: FirmSupply;
    /**
     * Firm supply's premium over the profile's average, USD/MWh.
     */
    firmPremiumUsdPerMwh?: number;
    /**
     * On-site generation's running cost in month 0 (fuel and variable upkeep), USD/MWh,
     * escalating as the site's power price.
     */
    generationUsdPerMwh?: number;
    /**
     * The uptime the AI tenant requires, %.
     */
    tenantUptimePct?: number;
}

/**
 * How the site's power is priced (docs/methodology-power.md).
 */
export type PowerPricing = "flat" | "hourly";

/**
 * The site's power in its first year (docs/methodology-power.md): the price duration curve
 * and where each ASIC line's break-even falls on it.
 */
export interface PowerReport {
    /**
     * `flat` or `hourly` (`power.pricing`).
     */
    pricing: string;
    /**
     * What the hourly prices are, for people ("ERCOT 2024, day-ahead hub average", or the
     * imported file's name); the flat price under flat pricing.
     */
    profileLabel: string;
    /**
     * The site's average price over the first year, each month counting 730.5 hours, USD/MWh.
     */
    averageUsdPerMwh: number;
    /**
     * The highest hour of the first year, USD/MWh.
     */
    highestUsdPerMwh: number;
    /**
     * The first year's hours from the dearest to the cheapest (what running costs an hour:
     * the market, or a contract's price without sell-back), thinned to every 24th hour of each
     * month (about 370 points; 13 under flat pricing), the last point the cheapest hour.
     */
    durationCurve: DurationPoint[];
    /**
     * Each fleet line at month 0's hashprice.
     */
    lines: LineBreakEven[];
}

/**
 * How the site buys its power.
 */
export type PowerSupply = "index" | "ppa";

/**
 * How a prepayment made at signing is credited against the rent.
 */
export type PrepaymentCredit = "firstMonths" | "overTerm";

/**
 * Everything the form offers to pick from, with sources.
 */
export interface Presets {
    asics: AsicPreset[];
    gpuSystems: GpuSystemPreset[];
    cooling: CoolingPreset[];
    sampleSites: SampleSite[];
    /**
     * The retrofit cost library: unit costs with their sources.
     */
    costLibrary: CostItem[];
    /**
     * The source of every default of the scenario, by field path.
     */
    sources: Source[];
    /**
     * The source of every default of the risk options (`paths`, `btcVolatilityPct`, …).
     */
    riskOptionSources: Source[];
    /**
     * The date of the defaults' market prices (BTC price, hashrate, fees, power, lease, GPU
     * rent): the latest among them.
     */
    marketData: MarketData;
}

/**
 * The simulated BTC price at one month (a point of the fan chart).
 */
export interface PriceBand {
    /**
     * 1-based model year whose last month this is.
     */
    year: number;
    monthIndex: number;
    /**
     * `"YYYY-MM"`.
     */
    month: string;
    /**
     * The scenario's deterministic price, P₀ (1 + g)^(m/12), USD (= the expected price).
     */
    deterministicUsd: number;
    meanUsd: number;
    p10Usd: number;
    p50Usd: number;
    p90Usd: number;
}

/**
 * Which year of hourly prices shapes the months.
 */
export type PriceProfile = "ercot2024" | "ercot2023" | "ercot2021" | "imported";

/**
 * How the profile's prices become the site's.
 */
export type ProfileScaling = "toPriceLevel" | "asIs";

/**
 * Electrical redundancy of UPS, generators and distribution.
 */
export type Redundancy = "N" | "N+1" | "2N";

export interface Report {
    schemaVersion: number;
    scenarioName: string;
    /**
     * Month 0, `"YYYY-MM"`.
     */
    startMonth: string;
    horizonMonths: number;
    site: SiteReport;
    capex: CapexReport;
    bitcoin: BitcoinReport;
    /**
     * One per [`PathwayId`], in the order mining, colocation, gpuCloud.
     */
    pathways: PathwayReport[];
    comparison: Comparison;
    sensitivity: Sensitivity;
    power: PowerReport;
    warnings: Warning[];
    /**
     * How recent the market prices behind the verdict are, and which the scenario set itself.
     */
    marketData: MarketData;
}

export interface Retrofit {
    /**
     * Share of the site's grid capacity converted to AI, % (the rest keeps mining).
     */
    convertedSharePct?: number;
    /**
     * PUE of the converted halls.
     */
    pue?: number;
    /**
     * IT load per rack, kW.
     */
    rackDensityKw?: number;
    cooling?: Cooling;
    redundancy?: Redundancy;
    /**
     * The phases the conversion is delivered in: each a share of the converted capacity with
     * its own construction start, build and ramp (one phase: the whole conversion at once).
     */
    phases?: Phase[];
    /**
     * Design, permits and engineering, % of hard costs.
     */
    softCostPct?: number;
    /**
     * Contingency, % of hard and soft costs.
     */
    contingencyPct?: number;
    /**
     * Unit-cost overrides of the cost library, by item id.
     */
    costOverrides?: CostOverride[];
}

/**
 * How the paths were evaluated.
 */
export type RiskMethod = "fast" | "fullModel";

/**
 * Options of the Monte Carlo run. Every field may be left out and takes its default.
 */
export interface RiskOptions {
    /**
     * Number of simulated paths, 100–100,000 (default 10,000).
     */
    paths?: number;
    /**
     * Seed of the random generator, 0 – 9,007,199,254,740,991 (2⁵³ − 1): the same seed
     * gives the same paths (default 42).
     */
    seed?: number;
    /**
     * Annual volatility of the BTC price (standard deviation of the yearly log return), %,
     * 0–200. Default 50: an estimate from Glassnode's realised volatility, which ran at
     * 40–55 % in 2023–24 and averaged about 50 % (one-month, annualised) into 2025.
     */
    btcVolatilityPct?: number;
    /**
     * Standard deviation of the yearly network hashrate growth drawn for each path,
     * percentage points, 0–100. Default 15: an estimate, so that the growth's ±1.65 σ band
     * around the 25 %/yr default spans the 0–50 %/yr range observed 2023–26 (docs/data-sources.md "Bitcoin protocol").
     */
    hashrateGrowthSdPct?: number;
    /**
     * Standard deviation of the yearly GPU rent decline drawn for each path, percentage
     * points, 0–50. Default 10: an estimate; H100 rents fell ~43 %/yr Oct 2024–Oct 2025
     * and then rose ~38 % (annualised) to Mar 2026, around the 28 %/yr default.
     */
    gpuRentDeclineSdPct?: number;
    /**
     * Bins of the NPV histogram, 1–200 (default 40), shared by the three pathways.
     */
    histogramBins?: number;
    /**
     * Expected overrun of the build cost (the retrofit and the GPU systems, as the tornado's
     * capex bar moves them), % of the budget, −50 to 200. Default 10: an estimate (module
     * docs, "Project factors").
     */
    capexOverrunMeanPct?: number;
    /**
     * Standard deviation of the build cost's multiplier, percentage points of the budget,
     * 0–100. Default 15: an estimate. With the mean at 0 too, the cost is not drawn.
     */
    capexOverrunSdPct?: number;
    /**
     * Standard deviation of the colocation lease's occupancy around the scenario's,
     * percentage points, 0–50 (clamped to 0–100 %). Default 5: an estimate.
     */
    occupancySdPct?: number;
    /**
     * Yearly probability that the colocation tenant defaults, %, 0–100. On default the halls
     * stand empty for `colocation.reletVacancyMonths`, then are let at
     * `colocation.reletRentPct` % of the rent the lease would have paid. Default 2: an
     * estimate (module docs).
     */
    tenantDefaultPctPerYear?: number;
    /**
     * Standard deviation of the GPU cloud's utilisation around the scenario's, percentage
     * points, 0–50 (clamped to 0–100 %). Default 10: an estimate.
     */
    gpuUtilizationSdPct?: number;
    /**
     * Jumps of the BTC price a year, 0–12 (0: none, the default). Each is a crash or a spike
     * in one month on top of the volatility, compensated so the expected price is unchanged
     * ([`Jumps`]).
     */
    btcJumpsPerYear?: number;
    /**
     * A jump's mean log size, %, −90 to 90. Default −15: an estimate.
     */
    btcJumpMeanPct?: number;
    /**
     * A jump's spread (SD of its log size), percentage points, 0–100. Default 10: an estimate.
     */
    btcJumpSdPct?: number;
    /**
     * Correlation of the BTC price's return over the horizon and the network hashrate's
     * yearly growth, −1 to 1 (the fixed-growth model). Default 0.5: an estimate.
     */
    btcHashrateCorrelation?: number;
    /**
     * Correlation of the BTC price's return and the GPU rent's yearly decline, −1 to 1.
     * Default 0: no public series links them.
     */
    btcGpuRentCorrelation?: number;
    /**
     * Correlation of the network hashrate's growth and the GPU rent's decline, −1 to 1.
     * Default 0. The three must form a positive semi-definite correlation matrix.
     */
    hashrateGpuRentCorrelation?: number;
    /**
     * Standard deviation of the fees per block's multiplier (log-normal, mean 1), % of the
     * scenario's fees, 0–300. Default 50: an estimate.
     */
    feesSdPct?: number;
    /**
     * Standard deviation of the colocation rent after the first term (the renewal or re-let
     * rate's multiplier, log-normal, mean 1), % of the scenario's, 0–100. Default 15: an
     * estimate.
     */
    renewalRentSdPct?: number;
    /**
     * Mean delay of the construction, months, 0–12 (geometric, at most 24). Default 4: an
     * estimate.
     */
    buildDelayMeanMonths?: number;
    /**
     * Standard deviation of the power price's yearly escalation drawn for each path,
     * percentage points, 0–20 (the scenario's escalation is the mean). Default 2: an estimate.
     */
    powerEscalationSdPct?: number;
    /**
     * Paths (the first ones drawn) whose equity is valued through the whole model when an AI
     * pathway borrows, 0–100,000, at most `paths` (0: none). Default 1,000: the equity's
     * loan is sized to each path's cash flow, which the fast path cannot follow.
     */
    equityPaths?: number;
}

/**
 * One share of a Monte Carlo run computed apart (see {@link riskPart}): the batches of 128
 * paths b with b mod `parts` = `part`, in order.
 */
export interface RiskPart {
    part: number;
    parts: number;
    /** Per pathway, the NPV of each of the share's paths, USD. */
    npvs: { mining: Float64Array; colocation: Float64Array; gpuCloud: Float64Array };
    /** The BTC price at each model year's last month, path after path. */
    fan: Float32Array;
    /** The hashprice at each model year's last month, path after path. */
    hashprice: Float32Array;
    /** Per pathway, the equity NPV of the share's paths among the first `equityPaths`. */
    equity: { mining: Float64Array; colocation: Float64Array; gpuCloud: Float64Array };
    /** The run's fingerprint (its scenario and options): a share of other inputs is refused. */
    run: string;
}

/**
 * The Monte Carlo answer.
 */
export interface RiskReport {
    /**
     * The options used (defaults filled in).
     */
    options: RiskOptions;
    method: RiskMethod;
    /**
     * One per pathway, in the order mining, colocation, gpuCloud.
     */
    pathways: PathwayRisk[];
    /**
     * NPV counts per pathway over shared bins spanning the 1st–99th percentile of all paths,
     * with the tails counted apart.
     */
    histogram: Histogram;
    /**
     * The simulated BTC price at the last month of each model year.
     */
    btcPriceFan: PriceBand[];
    /**
     * The network's hashprice at the last month of each model year, USD per PH/s per day
     * (the `…Usd` fields of each band are in that unit).
     */
    hashpriceFan: PriceBand[];
    /**
     * The equity's NPVs when an AI pathway borrows (null when none does, or with
     * `equityPaths` 0).
     */
    equity: EquityRisk | null;
    /**
     * The uncertainties drawn in this run, by name: `btcPrice`, `networkHashrate`,
     * `gpuRent`, `buildCost`, `occupancy`, `tenantDefault`, `gpuUtilization`, `btcJumps`,
     * `fees`, `renewalRent`, `buildDelay`, `powerPrice` (a factor whose spread or
     * probability is 0 is not drawn).
     * Everything else keeps its scenario value on every path.
     */
    drawn: string[];
    /**
     * What a reader should know about the run.
     */
    notes: string[];
}

export interface SampleSite {
    id: string;
    label: string;
    description: string;
    /**
     * A complete, valid scenario (written through the field registry).
     */
    scenario: CompleteScenario;
}

export interface Scenario {
    /**
     * Version of this document's layout; the current one is 7.
     */
    schemaVersion?: number;
    /**
     * A name for people; never interpreted.
     */
    name?: string;
    /**
     * Month 0 of the projection, `"YYYY-MM"`.
     */
    startMonth?: string;
    /**
     * Length of the projection, 1–30 years.
     */
    horizonYears?: number;
    site?: Site;
    bitcoin?: Bitcoin;
    mining?: Mining;
    retrofit?: Retrofit;
    colocation?: Colocation;
    gpuCloud?: GpuCloud;
    finance?: Finance;
    power?: Power;
}

/**
 * A scenario as an object — any field may be left out and then takes the default scenario's
 * value — or the same document as JSON text.
 */
export type ScenarioInput = Scenario | string;

export interface Sensitivity {
    /**
     * The AI pathway whose pivot value (NPV − mining NPV) is tested.
     */
    pathway: PathwayId;
    pct: number;
    basePivotValueUsd: number;
    /**
     * Sorted by swing, largest first; a tie keeps the inputs' order.
     */
    bars: SensitivityBar[];
    /**
     * Set when the NPVs are so large that the smallest changes are floating-point rounding:
     * those changes are shown as 0, and this says below which size.
     */
    note?: string | null;
}

/**
 * One bar of the tornado: an input moved down and up by `finance.sensitivityPct`.
 */
export interface SensitivityBar {
    /**
     * Scenario field path.
     */
    field: string;
    label: string;
    lowValue: number;
    highValue: number;
    /**
     * Change of the pivot's NPV with the input at its low value, USD.
     */
    lowDeltaUsd: number;
    /**
     * Change of the pivot's NPV with the input at its high value, USD.
     */
    highDeltaUsd: number;
}

/**
 * Options of {@link sensitivity}.
 */
export interface SensitivityOptions {
    /**
     * Move of each input, ± % (more than 0, at most 90); default: the scenario's
     * `finance.sensitivityPct`.
     */
    pct?: number;
}

export interface Site {
    /**
     * Energised grid capacity of the interconnect, MW.
     */
    gridCapacityMw?: number;
    /**
     * All-in power price in month 0, USD per MWh.
     */
    powerPriceUsdPerMwh?: number;
    /**
     * Continuous yearly escalation of the power price, %.
     */
    powerPriceEscalationPctPerYear?: number;
    /**
     * Floor area of the existing buildings that could hold IT racks, square feet.
     */
    buildingAreaSqFt?: number;
    /**
     * Distance to the nearest fibre point of presence, km.
     */
    fibreDistanceKm?: number;
}

/**
 * Sizing of the site and of the converted share.
 */
export interface SiteReport {
    gridCapacityMw: number;
    /**
     * Fleet hashrate, PH/s.
     */
    fleetPh: number;
    /**
     * Fleet ASIC power, MW.
     */
    fleetItMw: number;
    /**
     * Fleet power at the mining PUE, MW.
     */
    fleetFacilityMw: number;
    /**
     * Grid capacity converted to AI, MW.
     */
    convertedGridMw: number;
    /**
     * Critical IT capacity of the converted share at the AI PUE, MW.
     */
    itCapacityMw: number;
    /**
     * What the converted grid MW would carry as IT load at the mining PUE, MW.
     */
    itCapacityAtMiningPueMw: number;
    /**
     * IT load lost to the higher AI PUE, MW.
     */
    itLostToPueMw: number;
    racks: number;
    /**
     * White space needed for the racks, ft².
     */
    whiteSpaceSqFt: number;
    buildingAreaSqFt: number;
    /**
     * GPUs that fit the IT capacity (gpuCloud pathway).
     */
    gpus: number;
    /**
     * First month of AI operation (construction start + build months).
     */
    commissioningMonth: number;
    /**
     * The same month, `"YYYY-MM"`.
     */
    commissioningLabel: string;
}

/**
 * The origin of one default value.
 */
export interface Source {
    /**
     * Scenario field path (`site.powerPriceUsdPerMwh`) or cost-library item id.
     */
    field: string;
    /**
     * Who published the figure, or how it was derived.
     */
    source: string;
    /**
     * When the figure was true, `"YYYY-MM"`.
     */
    asOf: string;
    kind: SourceKind;
    /**
     * True where the figure is an estimate; the page says "estimate".
     */
    estimate: boolean;
    /**
     * Where the figure can be read, when it is a public page.
     */
    url?: string;
}

/**
 * How much weight a figure can bear.
 */
export type SourceKind = "primary" | "industry" | "press" | "estimate" | "openSource" | "derived";

/**
 * One problem with the input.
 */
export interface ValidationError {
    /**
     * Path of the field, e.g. `mining.fleet[2].efficiencyJPerTh` (empty for the whole document).
     */
    field: string;
    code: ErrorCode;
    /**
     * What is wrong and what is allowed, for people.
     */
    message: string;
    /**
     * The offending value, as given (a number JavaScript cannot hold exactly as text).
     */
    value: unknown;
}

/**
 * Something the user should see next to an answer.
 */
export interface Warning {
    /**
     * Stable code, e.g. `fleetUnderWater`, `buildingTooSmall`, `itLostToPue`.
     */
    code: string;
    /**
     * Scenario field the warning is about, where there is one.
     */
    field: string | null;
    message: string;
}

/**
 * The cash flows of every pathway as CSV (the file the CLI's `--format csv` writes): the
 * assumptions as `#` comment lines, then one row per pathway-year and per pathway-month.
 *
 * @throws {MinepivotInputError} when the scenario is invalid.
 */
export function cashFlowCsv(scenario: ScenarioInput): string;

/**
 * Reads a curve from CSV text (one `month,value` row a point; a header row, blank rows, dates
 * `YYYY-MM-DD` and quotes allowed) for the curve at `path` (`bitcoin.btcPriceCurve`,
 * `bitcoin.hashpriceCurve` or `bitcoin.networkHashrateCurve`), checked as the scenario's
 * validation checks it. At most 64 KB and 600 points.
 *
 * @throws {MinepivotInputError} naming the row of every problem; nothing is read from a bad file.
 */
export function curveFromCsv(path: string, text: string): CurvePoint[];

/**
 * The decision map: two inputs on a grid (default: the BTC price multiple across 0.25–3 and
 * the colocation lease rate at ½–1½ times the scenario's, 25 × 25), each cell the best
 * pathway and its margin over the runner-up, with the lines where each AI pathway's NPV
 * equals mining's. At most 2,500 cells.
 *
 * @throws {MinepivotInputError} when the scenario or the options are invalid (options at
 * `options.x.steps`, …).
 */
export function decisionMap(scenario: ScenarioInput, options?: MapOptions | null): DecisionMap;

/**
 * The default scenario (a sample 100 MW Texas site), complete, with every field present.
 */
export function defaultScenario(): CompleteScenario;

/**
 * Computes the full report of a scenario: sizing, the itemised retrofit capex, month-by-month
 * cash flows, NPV / IRR / payback of each pathway, the comparison, the sensitivity tornado
 * and warnings.
 *
 * @throws {MinepivotInputError} when the scenario is invalid; `errors` lists every problem.
 */
export function evaluate(scenario: ScenarioInput): Report;

/**
 * The field registry: every input of the scenario and every risk option, with its label,
 * unit, kind, bounds, step, page group, choices and the source of its default.
 */
export function fields(): Fields;

/**
 * Whether a thrown value is minepivot's input error: after `if (isInputError(error))`,
 * `error.errors` lists every problem, typed.
 */
export function isInputError(error: unknown): error is MinepivotInputError;

/**
 * What the form offers to pick from — ASIC models, GPU systems, cooling technologies, sample
 * sites, the retrofit cost library — and the source of every default.
 */
export function presets(): Presets;

/**
 * Reads a year of hourly power prices from CSV (an ISO's download: a header row, then
 * `timestamp with offset,…,price` — the first column the hour, the last its USD/MWh) for
 * `power.importedProfile`. Hours are read in UTC, so a daylight-saving repeat is its own hour;
 * the file must hold one whole year (8,760 or 8,784 consecutive hours from 1 January 00:00
 * UTC). Negative prices are kept. At most 2.5 MB.
 *
 * @throws {MinepivotInputError} naming the row of every problem; nothing is read from a bad file.
 */
export function profileFromCsv(name: string, text: string): ImportedProfile;

/**
 * Monte Carlo risk: `options.paths` paths (default 10,000) of BTC price (log-normal, with
 * `options.btcVolatilityPct`), network hashrate growth and GPU rent decline; P10/P50/P90 NPV
 * per pathway, a histogram, the BTC price fan and the probability that each AI pathway beats
 * mining. The same `options.seed` gives the same answer.
 *
 * @throws {MinepivotInputError} when the scenario or the options are invalid.
 * `onProgress(done, total)`, when given, is called after each batch of 128 paths (a
 * progress bar; in a worker, post it on).
 */
export function risk(scenario: ScenarioInput, options?: RiskOptions | null, onProgress?: (done: number, total: number) => void): RiskReport;

/**
 * What each drawn factor contributes to the spread of the NPVs: the Monte Carlo re-run with
 * each factor alone (the same seed, at most 2,000 paths each), its NPV standard deviation per
 * pathway and its share of the factors' summed variance. A few times the work of `risk`.
 *
 * @throws {MinepivotInputError} when the scenario or the options are invalid.
 */
export function riskContributions(scenario: ScenarioInput, options?: RiskOptions | null): Contributions;

/**
 * {@link risk}'s report from the shares of a split that {@link riskPart} computed (every
 * share once, in any order), for the same scenario and options.
 *
 * @throws {MinepivotInputError} when the scenario or the options are invalid, or the shares
 * are not those of one split of this run (at `parts`).
 */
export function riskFromParts(scenario: ScenarioInput, options: RiskOptions | null, shares: RiskPart[]): RiskReport;

/**
 * One share of {@link risk}'s run, for running it on several Web Workers (or Node worker
 * threads) at once: share `part` (0 … `parts` − 1) of `parts` (1–64). Each batch of 128 paths
 * is drawn from its own stretch of the seed's random streams, so the shares put together by
 * {@link riskFromParts} give exactly `risk`'s report, however many there are.
 *
 * @throws {MinepivotInputError} when the scenario, the options or the share are invalid.
 */
export function riskPart(scenario: ScenarioInput, options: RiskOptions | null, part: number, parts: number, onProgress?: (done: number, total: number) => void): RiskPart;

/**
 * The tornado: each key input moved down and up by `options.pct` (default: the scenario's
 * `finance.sensitivityPct`), and the change in the pivot's NPV, largest swing first.
 *
 * @throws {MinepivotInputError} when the scenario or the options are invalid.
 */
export function sensitivity(scenario: ScenarioInput, options?: SensitivityOptions | null): Sensitivity;

/**
 * Installs the panic net once, when the module is instantiated: a panic is a bug (input never
 * causes one), and its message goes to the console instead of a bare "unreachable".
 */
export function start(): void;

/**
 * Reads a scenario document of any released version (a share link's differences, a saved
 * file, a partial object), fills what it leaves out from that version's own defaults,
 * migrates it to the current layout and returns the whole scenario, every field present.
 *
 * @throws {MinepivotInputError} when the document is invalid; `errors` lists every problem.
 */
export function upgrade(scenario: ScenarioInput): CompleteScenario;

/**
 * Checks a scenario without computing it: every problem (unknown keys, wrong types, NaN or
 * Infinity, values out of range, inconsistent fields), or an empty list when it is valid.
 * Never throws for bad input.
 */
export function validate(scenario: ScenarioInput): ValidationError[];

/**
 * The crate version of this build, e.g. "0.1.0".
 */
export const version: string;
