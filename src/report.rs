//! The output document. Field names are the public contract (docs/contract.md):
//! camelCase, each carrying its unit. No NaN or infinity is ever stored here; an undefined
//! answer is `None` (JSON `null`) with a note saying why.

use serde::{Deserialize, Serialize};

/// The three things the site can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PathwayId {
    /// Status quo: the whole site keeps mining.
    Mining,
    /// The converted share is retrofitted and leased to a tenant per kW-month.
    Colocation,
    /// The converted share is filled with the operator's own GPUs, rented per GPU-hour.
    GpuCloud,
}

impl PathwayId {
    pub const ALL: [PathwayId; 3] = [PathwayId::Mining, PathwayId::Colocation, PathwayId::GpuCloud];

    /// The JSON id: `mining`, `colocation`, `gpuCloud`.
    pub fn id(self) -> &'static str {
        match self {
            PathwayId::Mining => "mining",
            PathwayId::Colocation => "colocation",
            PathwayId::GpuCloud => "gpuCloud",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PathwayId::Mining => "Keep mining",
            PathwayId::Colocation => "AI colocation lease",
            PathwayId::GpuCloud => "Own GPU cloud",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema_version: u32,
    pub scenario_name: String,
    /// Month 0, `"YYYY-MM"`.
    pub start_month: String,
    pub horizon_months: u32,
    pub site: SiteReport,
    pub capex: CapexReport,
    pub bitcoin: BitcoinReport,
    /// One per [`PathwayId`], in the order mining, colocation, gpuCloud.
    pub pathways: Vec<PathwayReport>,
    pub comparison: Comparison,
    pub sensitivity: Sensitivity,
    pub power: PowerReport,
    pub warnings: Vec<Warning>,
    /// How recent the market prices behind the verdict are, and which the scenario set itself.
    pub market_data: crate::sources::MarketData,
}

/// The site's power in its first year (docs/methodology-power.md): the price duration curve
/// and where each ASIC line's break-even falls on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PowerReport {
    /// `flat` or `hourly` (`power.pricing`).
    pub pricing: String,
    /// What the hourly prices are, for people ("ERCOT 2024, day-ahead hub average", or the
    /// imported file's name); the flat price under flat pricing.
    pub profile_label: String,
    /// The site's average price over the first year, each month counting 730.5 hours, USD/MWh.
    pub average_usd_per_mwh: f64,
    /// The highest hour of the first year, USD/MWh.
    pub highest_usd_per_mwh: f64,
    /// The first year's hours from the dearest to the cheapest (what running costs an hour:
    /// the market, or a contract's price without sell-back), thinned to every 24th hour of each
    /// month (about 370 points; 13 under flat pricing), the last point the cheapest hour.
    pub duration_curve: Vec<DurationPoint>,
    /// Each fleet line at month 0's hashprice.
    pub lines: Vec<LineBreakEven>,
}

/// A point of the duration curve: this share of the year's hours cost at least this price.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DurationPoint {
    pub hours_pct: f64,
    pub usd_per_mwh: f64,
}

/// One fleet line against the duration curve.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineBreakEven {
    pub model: String,
    pub efficiency_j_per_th: f64,
    /// What an MWh drawn earns the line at month 0's hashprice (and the demand-response
    /// payment per MWh): it runs in the hours priced below this, USD/MWh.
    pub break_even_usd_per_mwh: f64,
    /// The share of the first year's hours priced below it, %.
    pub hours_run_pct: f64,
}

/// Sizing of the site and of the converted share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SiteReport {
    pub grid_capacity_mw: f64,
    /// Fleet hashrate, PH/s.
    pub fleet_ph: f64,
    /// Fleet ASIC power, MW.
    pub fleet_it_mw: f64,
    /// Fleet power at the mining PUE, MW.
    pub fleet_facility_mw: f64,
    /// Grid capacity converted to AI, MW.
    pub converted_grid_mw: f64,
    /// Critical IT capacity of the converted share at the AI PUE, MW.
    pub it_capacity_mw: f64,
    /// What the converted grid MW would carry as IT load at the mining PUE, MW.
    pub it_capacity_at_mining_pue_mw: f64,
    /// IT load lost to the higher AI PUE, MW.
    pub it_lost_to_pue_mw: f64,
    pub racks: u32,
    /// White space needed for the racks, ft².
    pub white_space_sq_ft: f64,
    pub building_area_sq_ft: f64,
    /// GPUs that fit the IT capacity (gpuCloud pathway).
    pub gpus: u32,
    /// First month of AI operation (construction start + build months).
    pub commissioning_month: u32,
    /// The same month, `"YYYY-MM"`.
    pub commissioning_label: String,
}

/// One line of a capex bill: quantity × unit cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CapexLine {
    /// Cost-library item id (for overrides).
    pub id: String,
    pub category: String,
    pub item: String,
    pub quantity: f64,
    pub unit: String,
    pub unit_cost_usd: f64,
    pub total_usd: f64,
    pub source: String,
    pub as_of: String,
    pub estimate: bool,
    /// True where the user replaced the library's unit cost.
    pub overridden: bool,
    /// Where the unit cost's figure can be read, when it is a public page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CategoryTotal {
    /// Stable id of the category: `cooling`, `electrical`, `networking`, `building`, `land`,
    /// `itEquipment`, `softCosts`.
    pub id: String,
    /// The category for people.
    pub category: String,
    pub total_usd: f64,
}

/// An itemised bill whose lines sum exactly to `totalUsd`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct CapexBill {
    pub total_usd: f64,
    /// Total ÷ critical IT MW (null when there is no IT capacity).
    pub per_it_mw_usd: Option<f64>,
    pub lines: Vec<CapexLine>,
    pub categories: Vec<CategoryTotal>,
}

/// What a greenfield build of the same IT capacity would cost and take.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Greenfield {
    pub total_usd: f64,
    pub per_it_mw_usd: Option<f64>,
    /// The lines a greenfield build adds (substation, interconnect, land, …).
    pub extra_lines: Vec<CapexLine>,
    /// The mining site's advantage: greenfield total − retrofit total, USD.
    pub credit_usd: f64,
    /// Months a greenfield build would take (grid interconnection queue included).
    pub build_months: u32,
    /// Months the existing site saves.
    pub months_saved: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct CapexReport {
    /// The facility retrofit (both AI pathways), USD.
    pub total_usd: f64,
    pub per_it_mw_usd: Option<f64>,
    pub lines: Vec<CapexLine>,
    pub categories: Vec<CategoryTotal>,
    /// The GPU cloud's own IT equipment on top of the facility: servers, fabric, storage.
    pub gpu_cloud: CapexBill,
    pub greenfield: Greenfield,
    /// Facility capex per month of the first phase's construction, USD (each phase spends its share evenly over its build).
    pub monthly_spend_usd: f64,
    /// What the colocation tenant funds of the fit-out (`colocation.tenantFitOutPct`), USD.
    pub tenant_fit_out_usd: f64,
    /// The colocation landlord's bill, less the tenant's share of each fit-out line; null when
    /// the tenant funds nothing (the landlord's bill is then the facility bill).
    pub landlord: Option<CapexBill>,
    /// How far the real cost may fall from these totals: the estimate's class and its band.
    pub accuracy: CapexAccuracy,
}

/// The accuracy band of the capex estimate (docs/methodology-capex.md "Accuracy"): a unit-cost
/// library priced on a concept of the site is a study estimate, AACE International Class 4,
/// whose actual cost falls between `totalUsd × (1 + lowPct ÷ 100)` and
/// `totalUsd × (1 + highPct ÷ 100)`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CapexAccuracy {
    /// `"AACE Class 4"`.
    pub estimate_class: String,
    /// What the class means, for people ("study or feasibility estimate, 1–15 % of the project defined").
    pub class_label: String,
    /// The low end of the band, % of the estimate (negative: −20).
    pub low_pct: f64,
    /// The high end of the band, % of the estimate (+30).
    pub high_pct: f64,
    /// The facility retrofit's total at the low end of the band, USD.
    pub low_usd: f64,
    /// The facility retrofit's total at the high end of the band, USD.
    pub high_usd: f64,
    /// The build each AI pathway pays, with its band: colocation's the landlord's bill,
    /// the GPU cloud's the facility and its first GPUs.
    pub pathways: Vec<CapexRange>,
    /// Where the class and its ranges are defined.
    pub source: String,
    pub url: String,
}

/// One pathway's build cost within the estimate's accuracy band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CapexRange {
    /// `colocation` or `gpuCloud`.
    pub pathway: PathwayId,
    /// The estimate, USD.
    pub total_usd: f64,
    pub low_usd: f64,
    pub high_usd: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BitcoinMonth {
    /// `"YYYY-MM"`.
    pub month: String,
    /// Month index from month 0.
    pub index: u32,
    /// Projected height of the first block of the month.
    pub block_height: u64,
    /// Average block subsidy over the month's blocks, BTC.
    pub subsidy_btc: f64,
    pub fees_btc_per_block: f64,
    pub btc_price_usd: f64,
    pub network_hashrate_ehs: f64,
    /// USD per PH/s per day.
    pub hashprice_usd_per_ph_day: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Halving {
    pub height: u64,
    /// Month index in which the halving block is mined.
    pub index: u32,
    pub month: String,
    /// Subsidy after the halving, BTC.
    pub subsidy_btc: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BitcoinReport {
    pub months: Vec<BitcoinMonth>,
    /// Halvings inside the horizon.
    pub halvings: Vec<Halving>,
    /// With a hashprice curve: the hashprice the model would derive without it, month by month
    /// (the curve's months in `months` carry the curve's); empty without a hashprice curve.
    pub model_hashprice_usd_per_ph_day: Vec<f64>,
}

/// One month of one pathway's cash flow (end-of-month).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CashFlowMonth {
    /// `"YYYY-MM"`.
    pub month: String,
    pub index: u32,
    /// All revenue: mining + AI + curtailment credits + power sold back + demand response.
    pub revenue_usd: f64,
    pub mining_revenue_usd: f64,
    pub ai_revenue_usd: f64,
    /// The flat model's credit for curtailed hours (`mining.curtailmentCreditUsdPerMwh`).
    pub curtailment_credit_usd: f64,
    /// Contracted power the site did not draw, sold at the hourly price.
    pub sell_back_usd: f64,
    /// Demand-response or ancillary-service payments for the enrolled mining load.
    pub demand_response_usd: f64,
    /// Energy (bought, or contracted) and the transmission charge paid.
    pub power_cost_usd: f64,
    /// Energy drawn, MWh: the running ASIC lines' and the AI load's.
    pub energy_mwh: f64,
    /// Hours the mining fleet ran at full load (its energy ÷ the facility load of the fleet
    /// still there; fewer than the month's 730.5 where lines curtail).
    pub mining_hours_run: f64,
    /// The transmission charge the curtailing fleet avoided at the system peaks (not a cash
    /// flow: already absent from `powerCostUsd`).
    pub avoided_charges_usd: f64,
    pub opex_usd: f64,
    /// Capex, net of the proceeds of equipment sold (`assetSalesUsd`): a refresh month's GPU
    /// purchase less the old generation's sale, a construction start less the converted
    /// share's ASICs sold.
    pub capex_usd: f64,
    /// Proceeds of equipment sold this month, already netted in `capexUsd`: GPUs at the end of
    /// a generation, ASICs of the share converted (at its construction start) or of a site
    /// that closes.
    pub asset_sales_usd: f64,
    /// Corporate income tax (0 unless `finance.taxEnabled`).
    pub tax_usd: f64,
    pub net_cash_flow_usd: f64,
    /// Running sum of the net cash flow from month 0 (the months before the build included).
    /// Payback is counted from the first capex month instead (see `paybackMonths`), so in a
    /// scenario whose site loses money before the build, this can still be negative in the
    /// payback month.
    pub cumulative_usd: f64,
    /// Share of the site's fleet hashing this month (0 when switched off), %.
    pub mining_active_pct: f64,
}

/// Twelve months summed; `cumulativeUsd` at the year's end.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CashFlowYear {
    /// 1-based model year.
    pub year: u32,
    /// `"YYYY-MM"` of the year's first month.
    pub start_month: String,
    pub revenue_usd: f64,
    pub mining_revenue_usd: f64,
    pub ai_revenue_usd: f64,
    pub curtailment_credit_usd: f64,
    pub sell_back_usd: f64,
    pub demand_response_usd: f64,
    pub power_cost_usd: f64,
    pub energy_mwh: f64,
    pub mining_hours_run: f64,
    pub avoided_charges_usd: f64,
    pub opex_usd: f64,
    pub capex_usd: f64,
    pub asset_sales_usd: f64,
    pub tax_usd: f64,
    pub net_cash_flow_usd: f64,
    /// Running sum of the net cash flow from month 0 (the months before the build included).
    /// Payback is counted from the first capex month instead (see `paybackMonths`), so in a
    /// scenario whose site loses money before the build, this can still be negative in the
    /// payback month.
    pub cumulative_usd: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct PathwayReport {
    pub id: PathwayId,
    pub label: String,
    /// NPV of the monthly net cash flows at `finance.discountRatePct`, USD.
    pub npv_usd: f64,
    /// Annualised IRR, %; null where it does not exist (see `irrNote`).
    pub irr_pct: Option<f64>,
    pub irr_note: Option<String>,
    /// Modified IRR from the first capex month, negative flows financed and positive ones
    /// reinvested at the pathway's discount rate, %: unique where the IRR is not; null
    /// without both signs.
    pub mirr_pct: Option<f64>,
    /// Months from the start of month 0 to the end of the month in which the net cash flow
    /// summed from the first capex month turns ≥ 0: the retrofit has paid for itself. The months before the build are the
    /// same site mining in every pathway and are not counted, unlike in `cumulativeUsd`, which
    /// starts at month 0. Null if it never pays back within the horizon (then `paybackNote`
    /// says why).
    pub payback_months: Option<u32>,
    pub payback_note: Option<String>,
    pub total_capex_usd: f64,
    /// What the pathway pays per MWh it draws over the horizon, USD: power cost (energy and
    /// transmission) less power sold back and demand response, ÷ energy. Null without energy
    /// (a colocation lease whose tenant pays the power).
    pub effective_power_usd_per_mwh: Option<f64>,
    /// Capex ÷ critical IT MW; null for mining.
    pub capex_per_it_mw_usd: Option<f64>,
    /// NPV(this pathway) − NPV(mining), USD.
    pub pivot_value_usd: f64,
    pub total_revenue_usd: f64,
    pub total_net_cash_flow_usd: f64,
    pub months: Vec<CashFlowMonth>,
    pub years: Vec<CashFlowYear>,
    /// The discount rate of `npvUsd`: `finance.discountRatePct`, or the pathway's own rate
    /// with `finance.ratesByPathway`, % per year.
    pub discount_rate_pct: f64,
    /// Value at the horizon, at the end of the last month (exit sale of the leased halls, resale
    /// of the GPUs in service, and of the ASICs kept), USD, undiscounted; with tax on, after the
    /// tax on its gain over the tax book value left.
    pub terminal_value_usd: f64,
    /// `npvUsd` + the value at the horizon discounted at the same rate.
    pub npv_with_terminal_value_usd: f64,
    /// The IRR with the value at the horizon added to the last month's flow.
    pub irr_with_terminal_value_pct: Option<f64>,
    /// The NPV the verdict compares (`comparison.basis`, with the value at the horizon when
    /// `comparison.terminalValueIncluded`); equals `npvUsd` at the defaults.
    pub value_usd: f64,
    /// The pathway's project debt and its equity returns; null without a loan (mining, or a
    /// loan-to-cost of 0).
    pub financing: Option<Financing>,
}

/// A pathway's loan and what its equity earns (docs/methodology-pathways.md "Project debt").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Financing {
    /// The capex the loan finances: the facility and the first GPUs, USD.
    pub financed_capex_usd: f64,
    /// Loan-to-cost drawn, %: the scenario's, or less where a sculpted loan is sized down to
    /// what the cash flow carries at the target DSCR (then `sizedByDscr`).
    pub loan_to_cost_pct: f64,
    pub sized_by_dscr: bool,
    /// The loan: the sum of the draws, USD.
    pub loan_usd: f64,
    pub fees_usd: f64,
    /// Interest over the horizon, paid and capitalised, USD.
    pub interest_usd: f64,
    /// Balance left at the end of the horizon, USD (repaid from the equity's last cash flow).
    pub balance_at_horizon_usd: f64,
    /// The equity's cash flows discounted at `finance.costOfEquityPct`, USD.
    pub equity_npv_usd: f64,
    /// `equityNpvUsd` + the value at the horizon discounted at the cost of equity, USD.
    pub equity_npv_with_terminal_value_usd: f64,
    /// Annualised IRR of the equity's cash flows from the first capex month, %; null where it
    /// does not exist (see `equityIrrNote`).
    pub equity_irr_pct: Option<f64>,
    pub equity_irr_note: Option<String>,
    /// The equity's MIRR from the first capex month, financed and reinvested at the cost of
    /// equity, %.
    pub equity_mirr_pct: Option<f64>,
    /// Lowest DSCR over the months with debt service, ×; null without debt service in the horizon.
    pub min_dscr: Option<f64>,
    /// Average of the monthly DSCRs, ×.
    pub avg_dscr: Option<f64>,
    /// The month of the lowest DSCR, `"YYYY-MM"`.
    pub min_dscr_month: Option<String>,
    pub months: Vec<DebtMonthReport>,
    pub years: Vec<DebtYearReport>,
}

/// One month of a loan (end-of-month, as the cash flows).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct DebtMonthReport {
    /// `"YYYY-MM"`.
    pub month: String,
    pub index: u32,
    pub draw_usd: f64,
    pub fee_usd: f64,
    /// Interest accrued on the opening balance (nominal annual rate ÷ 12).
    pub interest_usd: f64,
    /// The part of it added to the balance (construction, when capitalised).
    pub capitalised_interest_usd: f64,
    pub principal_usd: f64,
    /// Fee + interest paid + principal.
    pub debt_service_usd: f64,
    /// Balance at the end of the month.
    pub balance_usd: f64,
    /// Cash flow available for debt service: EBITDA − the project's tax.
    pub cfads_usd: f64,
    /// CFADS ÷ (interest paid + principal), in months of repayment.
    pub dscr: Option<f64>,
    pub equity_cash_flow_usd: f64,
}

/// Twelve months of a loan summed; the balance at the year's end.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct DebtYearReport {
    pub year: u32,
    pub start_month: String,
    pub draw_usd: f64,
    pub fee_usd: f64,
    pub interest_usd: f64,
    pub capitalised_interest_usd: f64,
    pub principal_usd: f64,
    pub debt_service_usd: f64,
    pub balance_usd: f64,
    pub cfads_usd: f64,
    /// The year's CFADS ÷ its interest paid + principal, where those are more than 0.
    pub dscr: Option<f64>,
    pub equity_cash_flow_usd: f64,
}

/// Inputs at which two pathways' NPVs are equal, found by solving the whole model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct BreakEvens {
    /// Multiple of the whole BTC price path at which mining equals the best AI pathway.
    pub btc_price_multiple: Option<f64>,
    /// That multiple × the month-0 BTC price, USD.
    pub btc_price_usd: Option<f64>,
    /// Lease rate at which colocation equals mining, USD per kW-month.
    pub lease_usd_per_kw_month: Option<f64>,
    /// GPU rent at which the GPU cloud equals mining, USD per GPU-hour: the market rent, with a
    /// contract's rate moved in proportion.
    pub gpu_rent_usd_per_gpu_hour: Option<f64>,
    /// The site's power price level at which the best AI pathway equals mining, USD/MWh.
    pub power_price_usd_per_mwh: Option<f64>,
    /// Under hourly pricing, the spread of the hourly prices (`power.shapePct`) at which mining
    /// equals the best AI pathway, %: wider spikes favour the miner that curtails them.
    pub price_shape_pct: Option<f64>,
    /// Why a break-even is null, where one is.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Pathway with the highest NPV.
    pub best_pathway: PathwayId,
    /// AI pathway with the highest NPV.
    pub best_ai_pathway: PathwayId,
    /// One sentence for the board.
    pub verdict: String,
    pub break_evens: BreakEvens,
    /// The cash flows compared: the project's (`unlevered`) or the equity's (`equity`).
    pub basis: crate::scenario::Basis,
    /// Whether the compared values include the value at the horizon.
    pub terminal_value_included: bool,
    /// What the compared NPVs are, in words ("NPV at 10 %").
    pub basis_label: String,
}

/// One bar of the tornado: an input moved down and up by `finance.sensitivityPct`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SensitivityBar {
    /// Scenario field path.
    pub field: String,
    pub label: String,
    pub low_value: f64,
    pub high_value: f64,
    /// Change of the pivot's NPV with the input at its low value, USD.
    pub low_delta_usd: f64,
    /// Change of the pivot's NPV with the input at its high value, USD.
    pub high_delta_usd: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Sensitivity {
    /// The AI pathway whose pivot value (NPV − mining NPV) is tested.
    pub pathway: PathwayId,
    pub pct: f64,
    pub base_pivot_value_usd: f64,
    /// Sorted by swing, largest first; a tie keeps the inputs' order.
    pub bars: Vec<SensitivityBar>,
    /// Set when the NPVs are so large that the smallest changes are floating-point rounding:
    /// those changes are shown as 0, and this says below which size.
    #[serde(default)]
    pub note: Option<String>,
}

/// Something the user should see next to an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Stable code, e.g. `fleetUnderWater`, `buildingTooSmall`, `itLostToPue`.
    pub code: String,
    /// Scenario field the warning is about, where there is one.
    pub field: Option<String>,
    pub message: String,
}

impl Warning {
    pub fn new(code: &str, field: Option<&str>, message: impl Into<String>) -> Warning {
        Warning {
            code: code.to_string(),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

/// One scenario's headline figures, what `minepivot batch` writes a line of
/// ([`crate::model::summary`]): the same values as the full report's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub scenario_name: String,
    /// The pathway with the highest `valueUsd`, and the better of the two AI pathways.
    pub best_pathway: PathwayId,
    pub best_ai_pathway: PathwayId,
    /// What `valueUsd` is: the unlevered or the equity NPV (`finance.verdictBasis`).
    pub basis: crate::scenario::Basis,
    /// Mining, colocation, GPU cloud.
    pub pathways: Vec<PathwaySummary>,
}

/// A pathway's line in a [`Summary`]: the fields of [`PathwayReport`] of the same names, and
/// its equity's NPV and IRR (null without a loan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PathwaySummary {
    pub id: PathwayId,
    pub npv_usd: f64,
    pub value_usd: f64,
    pub irr_pct: Option<f64>,
    pub mirr_pct: Option<f64>,
    pub payback_months: Option<u32>,
    pub pivot_value_usd: f64,
    pub total_capex_usd: f64,
    pub equity_npv_usd: Option<f64>,
    pub equity_irr_pct: Option<f64>,
}
