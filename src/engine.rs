//! The cash-flow engine: bitcoin → mining → capex → AI pathways → monthly flows → NPVs.
//!
//! It runs in three stages so that the analysis (break-evens, tornado, Monte Carlo), which
//! re-runs it dozens of times, recomputes only what an input touches:
//!
//! 1. [`MiningStage`]: the bitcoin projection and the [`FleetRuns`] over it — the whole fleet
//!    (mining pathway) and the fleet left once the converted share stops mining (AI pathways);
//! 2. [`CapexStage`]: sizing and the retrofit bill;
//! 3. the cash flows of each pathway and their NPVs ([`npvs_with`]), cheap and allocation-light.
//!
//! The report is assembled above this module ([`crate::model`]), and above [`crate::analysis`],
//! which calls back into this engine only: the modules form no cycle. The timeline is
//! documented on [`Timeline`] and in docs/methodology-pathways.md.

use crate::capex::CapexTotals;
use crate::colocation::{self, AiMonth};
use crate::debt::DebtMonth;
use crate::finance;
use crate::gpu_cloud;
use crate::mining::{self, MiningRun};
use crate::report::{BitcoinMonth, BitcoinReport, CapexReport, PathwayId, SiteReport};
use crate::scenario::{Basis, Debt, Scenario};
use crate::timeline::{kept_fleet_fraction, Timeline};

/// Straight-line tax depreciation of the facility retrofit's mechanical and electrical plant
/// (cooling, power, networking), years (docs/data-sources.md "Finance": "mechanical and electrical 15 yrs" [E]).
pub const FACILITY_DEPRECIATION_YEARS: u32 = 15;
/// Straight-line tax depreciation of the building works, years (docs/data-sources.md "Finance": "shell 30–39 yrs" [E];
/// 39 is the US recovery period for nonresidential real property).
pub const BUILDING_DEPRECIATION_YEARS: u32 = 39;
/// Straight-line tax depreciation of ASICs (mining capex), years.
pub const ASIC_DEPRECIATION_YEARS: u32 = 3;

/// One value per pathway, indexed by [`PathwayId`] (never by a bare 0, 1, 2).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PerPathway<T> {
    pub mining: T,
    pub colocation: T,
    pub gpu_cloud: T,
}

impl<T> PerPathway<T> {
    /// `f(id)` for every pathway.
    pub fn from_fn(mut f: impl FnMut(PathwayId) -> T) -> PerPathway<T> {
        PerPathway {
            mining: f(PathwayId::Mining),
            colocation: f(PathwayId::Colocation),
            gpu_cloud: f(PathwayId::GpuCloud),
        }
    }

    /// The pathways with their values, in the order mining, colocation, gpuCloud.
    pub fn iter(&self) -> impl Iterator<Item = (PathwayId, &T)> {
        PathwayId::ALL.into_iter().map(move |id| (id, &self[id]))
    }
}

impl<T> std::ops::Index<PathwayId> for PerPathway<T> {
    type Output = T;
    fn index(&self, id: PathwayId) -> &T {
        match id {
            PathwayId::Mining => &self.mining,
            PathwayId::Colocation => &self.colocation,
            PathwayId::GpuCloud => &self.gpu_cloud,
        }
    }
}

impl<T> std::ops::IndexMut<PathwayId> for PerPathway<T> {
    fn index_mut(&mut self, id: PathwayId) -> &mut T {
        match id {
            PathwayId::Mining => &mut self.mining,
            PathwayId::Colocation => &mut self.colocation,
            PathwayId::GpuCloud => &mut self.gpu_cloud,
        }
    }
}

/// The debt of an AI pathway (`None` for mining, which carries none).
pub fn debt_of(s: &Scenario, id: PathwayId) -> Option<&Debt> {
    match id {
        PathwayId::Mining => None,
        PathwayId::Colocation => Some(&s.colocation.debt),
        PathwayId::GpuCloud => Some(&s.gpu_cloud.debt),
    }
}

/// The discount rate of a pathway's project cash flows, % per year: `finance.discountRatePct`,
/// or the pathway's own with `finance.ratesByPathway`.
pub fn rate_pct(s: &Scenario, id: PathwayId) -> f64 {
    let f = &s.finance;
    if !f.rates_by_pathway {
        return f.discount_rate_pct;
    }
    match id {
        PathwayId::Mining => f.mining_rate_pct,
        PathwayId::Colocation => f.colocation_rate_pct,
        PathwayId::GpuCloud => f.gpu_cloud_rate_pct,
    }
}

/// The two fleet runs every evaluation needs.
#[derive(Debug, Clone)]
pub struct FleetRuns {
    /// The whole fleet for the whole horizon (the mining pathway).
    pub whole: MiningRun,
    /// The fleet left once construction starts (both AI pathways): the whole fleet × the
    /// [`kept_fleet_fraction`].
    pub rest: MiningRun,
}

impl FleetRuns {
    /// The run of pathway `id`: the whole fleet for mining, the rest for the AI pathways.
    pub fn of(&self, id: PathwayId) -> &MiningRun {
        if id == PathwayId::Mining {
            &self.whole
        } else {
            &self.rest
        }
    }

    /// Runs the fleet over a bitcoin projection: once whole, once with only the
    /// [`kept_fleet_fraction`] left from construction start ([`Timeline::ai_fleet_fraction`]).
    pub fn new(s: &Scenario, btc: &[BitcoinMonth]) -> FleetRuns {
        let whole = mining::simulate(s, btc, &|_| 1.0);
        let timeline = Timeline::new(s);
        let kept = kept_fleet_fraction(s);
        let rest = if kept >= 1.0 || timeline.construction_start >= s.months() {
            whole.clone()
        } else {
            // With nothing kept, the AI pathways' fleet is gone once the last phase has started
            // (its share sold then): every month after is zero, so the run stops there.
            let end = match timeline.phases().iter().map(|p| p.construction_start).max() {
                Some(last) if kept <= 0.0 => (last as usize).saturating_add(1).min(btc.len()),
                _ => btc.len(),
            };
            let mut run = mining::simulate(s, &btc[..end], &|m| timeline.ai_fleet_fraction(kept, m));
            run.months.resize(btc.len(), mining::MiningMonth::default());
            run
        };
        FleetRuns { whole, rest }
    }
}

/// Stage 1: the bitcoin projection and the fleet runs over it.
#[derive(Debug, Clone)]
pub struct MiningStage {
    pub btc: BitcoinReport,
    pub runs: FleetRuns,
}

impl MiningStage {
    pub fn new(s: &Scenario) -> MiningStage {
        let btc = crate::bitcoin::project(s);
        let runs = FleetRuns::new(s, &btc.months);
        MiningStage { btc, runs }
    }
}

/// Writes into `out` the projection of `s` (whose projection is `base`) with its whole BTC
/// price path × `k`, as [`crate::bitcoin::Prices::Scaled`] would project it, but cheaper:
/// - at a fixed hashrate growth, hashprice = blocks/day × (subsidy + fees) × price ÷ (hashrate
///   × 1000) is linear in the price, so `base` is scaled;
/// - under the economic model the network answers to the price: its hashrate is stepped again
///   over `base`'s subsidy and fees (bit for bit the projection's arithmetic);
/// - with a hashprice or hashrate curve (which do not move with the price) it is projected again.
///
/// The fleet runs over it are then redone in full ([`FleetRuns::new`]).
pub fn scale_btc_price(s: &Scenario, base: &BitcoinReport, k: f64, out: &mut BitcoinReport) {
    let b = &s.bitcoin;
    if b.has_network_curve() {
        crate::bitcoin::project_prices_into(s, crate::bitcoin::Prices::Scaled(k), out);
        return;
    }
    out.halvings.clone_from(&base.halvings);
    out.months.clone_from(&base.months);
    match b.hashrate_model {
        crate::scenario::HashrateModel::FixedGrowth => {
            for (month, base) in out.months.iter_mut().zip(&base.months) {
                month.btc_price_usd = base.btc_price_usd * k;
                month.hashprice_usd_per_ph_day = base.hashprice_usd_per_ph_day * k;
            }
        }
        // The network answers to the scaled prices: stepped again over the base's subsidy and
        // fees, exactly as the projection would step it (the same expressions in the same order).
        crate::scenario::HashrateModel::Economic => {
            let mut stepper = crate::network::Stepper::new(&crate::network::Economics::of(b));
            let mut hashrate = b.network_hashrate_ehs;
            for (month, base) in out.months.iter_mut().zip(&base.months) {
                let price = base.btc_price_usd * k;
                let revenue_per_day = b.blocks_per_day * (base.subsidy_btc + base.fees_btc_per_block) * price;
                month.btc_price_usd = price;
                month.network_hashrate_ehs = hashrate;
                month.hashprice_usd_per_ph_day = crate::bitcoin::hashprice_usd_per_ph_day(
                    b.blocks_per_day,
                    base.subsidy_btc,
                    base.fees_btc_per_block,
                    price,
                    hashrate,
                );
                hashrate = stepper.next(hashrate, revenue_per_day);
            }
        }
    }
}

/// Stage 2: sizing and the capex totals (the itemised bill only for the report).
#[derive(Debug, Clone)]
pub struct CapexStage {
    pub site: SiteReport,
    pub totals: CapexTotals,
}

impl CapexStage {
    pub fn new(s: &Scenario) -> CapexStage {
        let site = crate::capex::size(s);
        let totals = crate::capex::totals(s, &site);
        CapexStage { site, totals }
    }

    /// The stage of an itemised bill already computed (the report's), so that the report's
    /// cash flows and the analysis use the very same totals.
    pub fn from_report(site: SiteReport, capex: &CapexReport) -> CapexStage {
        CapexStage {
            site,
            totals: CapexTotals {
                facility_usd: capex.total_usd,
                landlord_usd: capex.landlord.as_ref().map_or(capex.total_usd, |l| l.total_usd),
                gpu_cloud_usd: capex.gpu_cloud.total_usd,
                monthly_spend_usd: capex.monthly_spend_usd,
                building_share: crate::capex::building_share(&capex.categories),
            },
        }
    }
}

/// Changes the analysis makes that are not scenario fields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Adjust {
    /// Multiplies every capex unit cost (facility and GPU equipment; ASIC refresh excluded).
    pub capex_factor: f64,
    /// The colocation tenant defaults ([`crate::colocation::TenantDefault`]).
    pub tenant_default: Option<crate::colocation::TenantDefault>,
    /// Multiplies the colocation rent after each phase's first term (its renewal or re-let).
    pub after_term_rent_factor: f64,
}

impl Adjust {
    pub const NONE: Adjust = Adjust {
        capex_factor: 1.0,
        tenant_default: None,
        after_term_rent_factor: 1.0,
    };
}

/// One month of one pathway, before labels (the hot path's record).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MonthFlow {
    pub mining_revenue_usd: f64,
    pub ai_revenue_usd: f64,
    pub curtailment_credit_usd: f64,
    /// Contracted power sold back at the hourly price (docs/methodology-power.md).
    pub sell_back_usd: f64,
    pub demand_response_usd: f64,
    pub power_cost_usd: f64,
    /// Energy the pathway pays for, MWh (mining and the AI load).
    pub energy_mwh: f64,
    /// Transmission charges avoided by curtailing at the peaks (not a cash flow).
    pub avoided_charges_usd: f64,
    /// Full-load hours of the fleet still mining.
    pub mining_hours_run: f64,
    pub opex_usd: f64,
    pub mining_capex_usd: f64,
    pub facility_capex_usd: f64,
    pub gpu_capex_usd: f64,
    /// Proceeds of GPUs sold at their residual value when replaced or retired, and of ASICs
    /// sold at conversion or closure.
    pub resale_usd: f64,
    pub tax_usd: f64,
    /// Share of the whole fleet hashing, 0–1.
    pub mining_active_fraction: f64,
}

impl MonthFlow {
    pub fn revenue_usd(&self) -> f64 {
        self.mining_revenue_usd
            + self.ai_revenue_usd
            + self.curtailment_credit_usd
            + self.sell_back_usd
            + self.demand_response_usd
    }
    pub fn capex_usd(&self) -> f64 {
        self.mining_capex_usd + self.facility_capex_usd + self.gpu_capex_usd
    }
    /// Earnings before interest, tax, depreciation: revenue − power − opex.
    pub fn ebitda_usd(&self) -> f64 {
        self.revenue_usd() - self.power_cost_usd - self.opex_usd
    }
    pub fn net_usd(&self) -> f64 {
        self.ebitda_usd() - self.capex_usd() + self.resale_usd - self.tax_usd
    }
}

/// The monthly flows of one pathway into `out`. `ai` is the AI side (empty for mining).
pub fn pathway_flows(
    s: &Scenario,
    runs: &FleetRuns,
    capex: &CapexStage,
    id: PathwayId,
    ai: &[AiMonth],
    adjust: Adjust,
    out: &mut Vec<MonthFlow>,
) {
    let timeline = Timeline::new(s);
    let run = runs.of(id);
    let facility_total = match id {
        PathwayId::Mining => 0.0,
        // The colocation landlord builds all but the tenant's share of the fit-out.
        PathwayId::Colocation => capex.totals.landlord_usd * adjust.capex_factor,
        PathwayId::GpuCloud => capex.totals.facility_usd * adjust.capex_factor,
    };
    out.clear();
    out.extend((0..s.months()).map(|m| {
        let mm = run.months.get(m as usize).cloned().unwrap_or_default();
        let a = ai.get(m as usize).copied().unwrap_or_default();
        MonthFlow {
            mining_revenue_usd: mm.revenue_usd,
            ai_revenue_usd: a.revenue_usd,
            curtailment_credit_usd: mm.curtailment_credit_usd,
            sell_back_usd: mm.sell_back_usd,
            demand_response_usd: mm.demand_response_usd,
            power_cost_usd: mm.power_cost_usd + a.power_cost_usd,
            energy_mwh: mm.energy_mwh + a.energy_mwh,
            avoided_charges_usd: mm.avoided_charges_usd,
            mining_hours_run: mm.hours_run,
            opex_usd: mm.opex_usd + a.opex_usd,
            mining_capex_usd: mm.capex_usd,
            facility_capex_usd: facility_total * timeline.facility_spend_share(m),
            gpu_capex_usd: a.capex_usd * adjust.capex_factor,
            resale_usd: a.resale_usd * adjust.capex_factor + mm.resale_usd,
            tax_usd: 0.0,
            mining_active_fraction: mm.active_fraction,
        }
    }));
    if s.finance.tax_enabled {
        apply_tax(s, out, &timeline, capex.totals.building_share);
    }
}

/// Corporate income tax, when `finance.taxEnabled`:
/// `tax_m = rate × max(0, EBITDA_m − depreciation_m − losses carried forward)`, month by
/// month, where a month's loss (EBITDA below depreciation) is carried forward without limit.
/// Depreciation is straight-line by asset class from the month the asset is placed in service:
/// each phase's share of the facility retrofit from its commissioning, its building works
/// (`building_share` of it) over 39 years and the rest over 15; GPUs over
/// `gpuCloud.usefulLifeYears` and ASICs (mining capex) over 3 years, both from the month they
/// are bought, which is when they start to work. Whatever remains undepreciated at the horizon
/// is simply not reached. GPUs sold at the end of their life (fully depreciated) add their
/// proceeds to the month's taxable profit.
fn apply_tax(s: &Scenario, flows: &mut [MonthFlow], timeline: &Timeline, building_share: f64) {
    let taxes = taxes(s, flows, timeline, building_share, None);
    for (f, tax) in flows.iter_mut().zip(taxes) {
        f.tax_usd = tax;
    }
}

/// The tax of each month of `flows` (their `tax_usd` ignored), by [`apply_tax`]'s rules. With
/// `debt`, the borrower's tax: the interest paid in cash is deducted in its month, and the
/// interest capitalised during construction and the upfront fee join the facility's
/// depreciable cost (the plant's 15 years from commissioning), as US rules capitalise
/// construction-period interest.
pub fn taxes(
    s: &Scenario,
    flows: &[MonthFlow],
    timeline: &Timeline,
    building_share: f64,
    debt: Option<&[DebtMonth]>,
) -> Vec<f64> {
    tax_run(s, flows, timeline, building_share, debt).taxes
}

/// What [`taxes`] works out, with what is left of it at the horizon.
struct TaxRun {
    taxes: Vec<f64>,
    /// The tax book value left at the horizon: every depreciable cost less the depreciation
    /// charged inside the horizon (all of it for an asset put in service after it).
    book_left: f64,
    /// Losses carried forward and not yet used at the horizon.
    losses_left: f64,
}

fn tax_run(
    s: &Scenario,
    flows: &[MonthFlow],
    timeline: &Timeline,
    building_share: f64,
    debt: Option<&[DebtMonth]>,
) -> TaxRun {
    let n = flows.len();
    let mut book_left = 0.0;
    // Difference array: a schedule starting in month m adds its monthly charge at m and
    // removes it N months later; the running sum is the month's depreciation.
    let mut step = vec![0.0; n + 1];
    let mut add = |month: usize, amount: f64, months: u32| {
        if amount != 0.0 && months > 0 && month < n {
            let charge = amount / months as f64;
            step[month] += charge;
            step[(month + months as usize).min(n)] -= charge;
            book_left += charge * months.saturating_sub((n - month) as u32) as f64;
        } else if months > 0 {
            book_left += amount;
        }
    };
    let gpu_months = s.gpu_cloud.useful_life_years.max(1) * 12;
    let facility: f64 = flows.iter().map(|f| f.facility_capex_usd).sum();
    let financing: f64 = debt.map_or(0.0, |d| d.iter().map(|m| m.capitalised_interest_usd + m.fee_usd).sum());
    // Each phase's share of the facility (and of the loan's capitalised cost) enters service
    // at its commissioning.
    for phase in timeline.phases() {
        let in_service = phase.commissioning as usize;
        add(
            in_service,
            phase.share * (facility * (1.0 - building_share) + financing),
            FACILITY_DEPRECIATION_YEARS * 12,
        );
        add(
            in_service,
            phase.share * facility * building_share,
            BUILDING_DEPRECIATION_YEARS * 12,
        );
    }
    for (m, f) in flows.iter().enumerate() {
        add(m, f.gpu_capex_usd, gpu_months);
        add(m, f.mining_capex_usd, ASIC_DEPRECIATION_YEARS * 12);
    }
    let rate = s.finance.tax_rate_pct / 100.0;
    let mut depreciation = 0.0;
    let mut losses = 0.0;
    let mut out = Vec::with_capacity(n);
    for (m, f) in flows.iter().enumerate() {
        depreciation += step[m];
        let interest = debt.and_then(|d| d.get(m)).map_or(0.0, DebtMonth::interest_paid_usd);
        // GPUs sold at the end of their life are fully depreciated: the proceeds are a taxable
        // gain.
        let profit = f.ebitda_usd() + f.resale_usd - depreciation - interest;
        if profit < 0.0 {
            losses -= profit;
            out.push(0.0);
        } else {
            let offset = losses.min(profit);
            losses -= offset;
            out.push(rate * (profit - offset));
        }
    }
    TaxRun {
        taxes: out,
        book_left,
        losses_left: losses,
    }
}

/// The tax on selling a pathway at its value at the horizon (`value`, [`terminal_value`]),
/// docs/methodology-pathways.md "Value at the horizon": the gain over the tax book value left
/// (what depreciation has not yet charged), less the losses still carried forward, at the tax
/// rate; 0 without tax or without a gain. As the GPUs sold at the end of their life are taxed
/// on their proceeds, so is the sale the value at the horizon stands for: without it, a
/// dearer build would depreciate more inside the horizon and sell for more at its end, tax
/// free, and at a high tax rate raise the NPV. The model uses [`after_horizon_tax`]; this is
/// its difference from the value, for a reader (and the tests).
pub fn horizon_tax(s: &Scenario, flows: &[MonthFlow], timeline: &Timeline, building_share: f64, value: f64) -> f64 {
    value - after_horizon_tax(s, flows, timeline, building_share, value)
}

/// `value` after the tax on its sale ([`horizon_tax`]), computed without subtracting two large
/// numbers: when the gain exceeds the losses, value − t (value − book − losses) = value (1 −
/// t) + t (book + losses). At a tax rate of 100 % and a value of 10²² (a BTC price compounding
/// for 30 years) the difference form kept only the value's rounding (a few million dollars
/// either way).
pub fn after_horizon_tax(
    s: &Scenario,
    flows: &[MonthFlow],
    timeline: &Timeline,
    building_share: f64,
    value: f64,
) -> f64 {
    if !s.finance.tax_enabled || value <= 0.0 {
        return value;
    }
    let run = tax_run(s, flows, timeline, building_share, None);
    let shield = run.book_left + run.losses_left;
    if value <= shield {
        return value;
    }
    let rate = s.finance.tax_rate_pct / 100.0;
    value * (1.0 - rate) + rate * shield
}

/// The value of a pathway at the horizon, at the end of its last month (undiscounted),
/// docs/methodology-pathways.md "Value at the horizon":
/// - colocation: the next twelve months' NOI ÷ the exit cap rate, less the selling costs
///   (never below 0; nothing when the halls are not commissioned inside the horizon);
/// - GPU cloud: the resale value of the GPUs in service, their price × (1 − decline)^age in
///   years, age counted from the month they were bought to the end of the horizon;
/// - mining, and the fleet the AI pathways keep: `fleet_value_usd`, what the ASICs left at
///   the end would fetch second-hand ([`crate::mining::MiningRun::fleet_value_at_end_usd`]),
///   added to each pathway's own.
pub fn terminal_value(
    s: &Scenario,
    id: PathwayId,
    site: &SiteReport,
    flows: &[MonthFlow],
    fleet_value_usd: f64,
) -> f64 {
    fleet_value_usd + own_terminal_value(s, id, site, flows)
}

fn own_terminal_value(s: &Scenario, id: PathwayId, site: &SiteReport, flows: &[MonthFlow]) -> f64 {
    let n = flows.len();
    let timeline = Timeline::new(s);
    match id {
        PathwayId::Mining => 0.0,
        PathwayId::Colocation => {
            let c = &s.colocation;
            let gross = colocation::next_year_noi(s, site) / (c.exit_cap_rate_pct / 100.0);
            (gross * (1.0 - c.selling_cost_pct / 100.0)).max(0.0)
        }
        PathwayId::GpuCloud => {
            if n == 0 {
                return 0.0;
            }
            let life = s.gpu_cloud.useful_life_years.max(1) * 12;
            let keep = 1.0 - s.gpu_cloud.residual_decline_pct_per_year / 100.0;
            let end = n as u32 - 1;
            // Each phase's GPUs in service at the end: its last purchase inside the horizon.
            let bought_at = |p: &crate::timeline::PhaseTime| -> Option<u32> {
                let since = end.checked_sub(p.commissioning)?;
                match s.gpu_cloud.end_of_life {
                    crate::scenario::GpuEnd::Refresh => Some(p.commissioning + since / life * life),
                    crate::scenario::GpuEnd::Retire => (since < life).then_some(p.commissioning),
                }
            };
            let phases = timeline.phases();
            phases
                .iter()
                .filter_map(|p| {
                    let bought = bought_at(p)?;
                    // The month's GPU capex is shared by the phases that bought then.
                    let buying: f64 = phases
                        .iter()
                        .filter(|q| bought_at(q) == Some(bought))
                        .map(|q| q.share)
                        .sum();
                    let price = flows.get(bought as usize)?.gpu_capex_usd * p.share / buying;
                    Some(price * keep.powf(f64::from(end - bought) / 12.0))
                })
                .sum()
        }
    }
}

/// A pathway's loan and its equity's cash flows (docs/methodology-pathways.md "Project debt").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Levered {
    /// The loan-to-cost drawn, 0–1: the scenario's, or less for a sculpted loan the cash
    /// flow cannot carry at the target DSCR.
    pub loan_to_cost: f64,
    /// The capex the loan finances (construction and the first GPUs), USD.
    pub financed_capex_usd: f64,
    pub debt: Vec<DebtMonth>,
    /// Cash flow available for debt service in each month: EBITDA − the project's tax.
    pub cfads: Vec<f64>,
    /// The equity's monthly cash flow: the project's net flow + draws − fee − interest paid −
    /// principal, with the borrower's tax instead of the project's, and the balance left at the
    /// horizon (if any) repaid in the last month.
    pub equity: Vec<f64>,
}

/// The loan of pathway `id` over its monthly flows, `None` without one (mining, or a
/// loan-to-cost of 0). The loan draws its loan-to-cost on the facility and GPU capex spent up
/// to each phase's commissioning (the facility and the phases' first GPUs); later GPU
/// refreshes and ASIC purchases are paid by the equity, and their capex stays out of the cash
/// flow available for debt service. Repayment starts after the last draw and the ramp of the
/// last phase commissioned.
pub fn levered(
    s: &Scenario,
    id: PathwayId,
    flows: &[MonthFlow],
    timeline: &Timeline,
    building_share: f64,
) -> Option<Levered> {
    let terms = debt_of(s, id).filter(|d| d.loan_to_cost_pct > 0.0)?;
    let last = timeline
        .phases()
        .iter()
        .max_by_key(|p| p.commissioning)
        .copied()
        .unwrap_or_default();
    // Repayment waits for the ramp to end (stabilisation), as the 2025 conversion loans do
    // ("until stabilisation", "no amortisation until a building is complete").
    let terms = crate::debt::Terms {
        grace_months: last.ramp_months,
        ..crate::debt::Terms::from_scenario(terms)
    };
    // The facility capex, and the GPUs bought in a phase's commissioning month (its first).
    let mut financed: Vec<f64> = flows.iter().map(|f| f.facility_capex_usd).collect();
    let mut counted = [u32::MAX; crate::timeline::MAX_PHASES];
    for (i, p) in timeline.phases().iter().enumerate() {
        let m = p.commissioning;
        // Two phases commissioned together share one month's purchase: count it once.
        if !counted[..i].contains(&m) {
            if let (Some(f), Some(flow)) = (financed.get_mut(m as usize), flows.get(m as usize)) {
                *f += flow.gpu_capex_usd;
            }
        }
        counted[i] = m;
    }
    let cfads: Vec<f64> = flows.iter().map(|f| f.ebitda_usd() - f.tax_usd).collect();
    // A sculpted loan is sized by the lower of its loan-to-cost and what the cash flow carries
    // at the target DSCR.
    let terms = crate::debt::sized(&financed, &cfads, &terms);
    let debt = crate::debt::schedule(&financed, &cfads, &terms);
    let borrower_tax = if s.finance.tax_enabled {
        taxes(s, flows, timeline, building_share, Some(&debt))
    } else {
        vec![0.0; flows.len()]
    };
    let mut equity: Vec<f64> = flows
        .iter()
        .zip(&debt)
        .zip(&borrower_tax)
        .map(|((f, d), tax)| f.net_usd() + f.tax_usd - tax + d.draw_usd - d.debt_service_usd)
        .collect();
    if let (Some(last), Some(d)) = (equity.last_mut(), debt.last()) {
        *last -= d.balance_usd;
    }
    Some(Levered {
        loan_to_cost: terms.loan_to_cost,
        financed_capex_usd: financed.iter().sum(),
        debt,
        cfads,
        equity,
    })
}

/// Present value at `annual_pct` of an amount at the end of month `months − 1` (the last
/// month of a horizon of `months`), as [`finance::npv`] discounts a flow there.
pub fn discount_to_start(annual_pct: f64, months: usize, amount: f64) -> f64 {
    if amount == 0.0 {
        return 0.0;
    }
    amount / (1.0 + finance::monthly_rate(annual_pct)).powi(months as i32)
}

/// The NPV the verdict compares for one pathway (docs/methodology-pathways.md "Verdict basis"):
/// the project's flows at the pathway's discount rate (unlevered) or the equity's at the cost
/// of equity, plus the value at the horizon when `finance.includeTerminalValue` is on.
#[allow(clippy::too_many_arguments)]
pub fn basis_value(
    s: &Scenario,
    id: PathwayId,
    flows: &[MonthFlow],
    net: &[f64],
    site: &SiteReport,
    timeline: &Timeline,
    building_share: f64,
    fleet_value_usd: f64,
) -> f64 {
    let terminal = if s.finance.include_terminal_value {
        let value = terminal_value(s, id, site, flows, fleet_value_usd);
        after_horizon_tax(s, flows, timeline, building_share, value)
    } else {
        0.0
    };
    match s.finance.verdict_basis {
        Basis::Unlevered => {
            let rate = rate_pct(s, id);
            finance::npv(rate, net) + discount_to_start(rate, net.len(), terminal)
        }
        Basis::Equity => {
            let rate = s.finance.cost_of_equity_pct;
            let equity = match levered(s, id, flows, timeline, building_share) {
                Some(l) => finance::npv(rate, &l.equity),
                None => finance::npv(rate, net),
            };
            equity + discount_to_start(rate, net.len(), terminal)
        }
    }
}

/// Reused buffers for [`npvs_with`], so that analysis loops do not allocate per run.
#[derive(Debug, Default)]
pub struct Buffers {
    ai: Vec<AiMonth>,
    flows: Vec<MonthFlow>,
    net: Vec<f64>,
    /// A scratch bitcoin projection for analyses that re-project or rescale it.
    pub btc: BitcoinReport,
}

/// The three NPVs the verdict compares ([`basis_value`]) from prepared stages.
pub fn npvs_with(
    s: &Scenario,
    runs: &FleetRuns,
    capex: &CapexStage,
    adjust: Adjust,
    buf: &mut Buffers,
) -> PerPathway<f64> {
    npvs_only(s, runs, capex, adjust, buf, PerPathway::from_fn(|_| true))
}

/// [`npvs_with`] for the pathways marked in `needed` only (the others are 0): an analysis
/// that moves one pathway's input, or compares two pathways, need not value the third.
pub fn npvs_only(
    s: &Scenario,
    runs: &FleetRuns,
    capex: &CapexStage,
    adjust: Adjust,
    buf: &mut Buffers,
    needed: PerPathway<bool>,
) -> PerPathway<f64> {
    let mut out = PerPathway::default();
    let timeline = Timeline::new(s);
    for id in PathwayId::ALL.into_iter().filter(|&id| needed[id]) {
        match id {
            PathwayId::Mining => buf.ai.clear(),
            PathwayId::Colocation => {
                colocation::simulate_adjusted(s, &capex.site, adjust.after_term_rent_factor, &mut buf.ai);
                if let Some(default) = adjust.tenant_default {
                    default.apply(&mut buf.ai);
                }
            }
            PathwayId::GpuCloud => gpu_cloud::simulate_into(s, &capex.site, capex.totals.gpu_cloud_usd, &mut buf.ai),
        }
        pathway_flows(s, runs, capex, id, &buf.ai, adjust, &mut buf.flows);
        buf.net.clear();
        buf.net.extend(buf.flows.iter().map(MonthFlow::net_usd));
        out[id] = basis_value(
            s,
            id,
            &buf.flows,
            &buf.net,
            &capex.site,
            &timeline,
            capex.totals.building_share,
            runs.of(id).fleet_value_at_end_usd,
        );
    }
    out
}

/// The three NPVs without building a report: the fast path
/// for break-evens, sensitivity and Monte Carlo.
pub fn pathway_npvs(s: &Scenario) -> PerPathway<f64> {
    let mining = MiningStage::new(s);
    let capex = CapexStage::new(s);
    npvs_with(s, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default())
}

/// The best of the pathways by NPV (the first one on a tie, in the order mining, colocation,
/// gpuCloud) and the better AI pathway.
pub fn best_pathways(npvs: PerPathway<f64>) -> (PathwayId, PathwayId) {
    let mut best = PathwayId::Mining;
    for id in PathwayId::ALL {
        if npvs[id] > npvs[best] {
            best = id;
        }
    }
    let best_ai = if npvs.gpu_cloud > npvs.colocation {
        PathwayId::GpuCloud
    } else {
        PathwayId::Colocation
    };
    (best, best_ai)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tax_carries_losses_forward_and_depreciates_straight_line() {
        let mut s = Scenario::default();
        s.finance.tax_enabled = true;
        s.finance.tax_rate_pct = 20.0;
        // Month 0: 1,800 of facility capex, in service at once, no building works: depreciated
        // 1,800 ÷ 180 = 10 a month over 15 years. EBITDA −90 − 10 = loss 100 carried forward.
        // Month 1: EBITDA 160 − 10 = 150 taxable, minus the 100 loss = 50 → tax 10.
        // Month 2: 110 − 10 = 100 → tax 20.
        let mut flows = vec![
            MonthFlow {
                ai_revenue_usd: 10.0,
                opex_usd: 100.0,
                facility_capex_usd: 1_800.0,
                ..MonthFlow::default()
            },
            MonthFlow {
                ai_revenue_usd: 160.0,
                ..MonthFlow::default()
            },
            MonthFlow {
                ai_revenue_usd: 110.0,
                ..MonthFlow::default()
            },
        ];
        s.retrofit.phases = vec![crate::scenario::Phase::new(100.0, 0, 0, 0)];
        apply_tax(&s, &mut flows, &Timeline::new(&s), 0.0);
        let taxes: Vec<f64> = flows.iter().map(|f| f.tax_usd).collect();
        assert_eq!(taxes, vec![0.0, 10.0, 20.0]);
    }

    #[test]
    fn the_facility_depreciates_from_commissioning_its_building_over_39_years() {
        let mut s = Scenario::default();
        s.finance.tax_enabled = true;
        s.finance.tax_rate_pct = 10.0;
        // 2,340 of facility capex spent in months 0 and 1 (1,170 each), in service in month 2,
        // 40 % of it building works: plant 1,404 ÷ 180 = 7.8 a month, building 936 ÷ 468 = 2
        // a month, 9.8 in all from month 2 on. EBITDA 100 a month throughout: months 0 and 1
        // have no depreciation → tax 10 each; from month 2, (100 − 9.8) × 10 % = 9.02.
        let month = |capex: f64| MonthFlow {
            ai_revenue_usd: 100.0,
            facility_capex_usd: capex,
            ..MonthFlow::default()
        };
        let mut flows = vec![month(1_170.0), month(1_170.0), month(0.0), month(0.0)];
        s.retrofit.phases = vec![crate::scenario::Phase::new(100.0, 0, 2, 0)];
        apply_tax(&s, &mut flows, &Timeline::new(&s), 0.4);
        let taxes: Vec<f64> = flows.iter().map(|f| f.tax_usd).collect();
        for (got, want) in taxes.iter().zip([10.0, 10.0, 9.02, 9.02]) {
            assert!((got - want).abs() < 1e-9, "{taxes:?}");
        }
        // Commissioned after the horizon: nothing is depreciated inside it.
        let mut late = vec![month(1_170.0), month(1_170.0)];
        apply_tax(&s, &mut late, &Timeline::new(&s), 0.4);
        assert!(late.iter().all(|f| (f.tax_usd - 10.0).abs() < 1e-9));
    }
}
