//! Puts the pieces together: bitcoin → mining → capex → AI pathways → finance → report.
//!
//! The evaluation runs in three stages so that the analysis (break-evens, tornado, Monte
//! Carlo), which re-runs the model dozens of times, recomputes only what an input touches:
//!
//! 1. [`MiningStage`]: the bitcoin projection and the [`FleetRuns`] over it — the whole fleet
//!    (mining pathway) and the fleet left once the converted share stops mining (AI pathways);
//! 2. [`CapexStage`]: sizing and the retrofit bill;
//! 3. the cash flows of each pathway and their NPVs ([`npvs`]), cheap and allocation-light.
//!
//! [`evaluate`] builds the full [`Report`]; [`pathway_npvs`] is the fast path with the three
//! NPVs only. The timeline and every choice are documented on [`Timeline`] and in
//! docs/methodology-pathways.md.

use crate::analysis;
use crate::calendar::YearMonth;
use crate::capex::CapexTotals;
use crate::colocation::{self, AiMonth};
use crate::finance;
use crate::gpu_cloud;
use crate::mining::{self, MiningRun};
use crate::report::*;
use crate::scenario::{Scenario, SCHEMA_VERSION};
use crate::validate::MAX_HORIZON_YEARS;

/// Straight-line tax depreciation of the facility retrofit's mechanical and electrical plant
/// (cooling, power, networking), years (DATA.md: "mechanical and electrical 15 yrs" [E]).
pub const FACILITY_DEPRECIATION_YEARS: u32 = 15;
/// Straight-line tax depreciation of the building works, years (DATA.md: "shell 30–39 yrs" [E];
/// 39 is the US recovery period for nonresidential real property).
pub const BUILDING_DEPRECIATION_YEARS: u32 = 39;
/// Straight-line tax depreciation of ASICs (mining capex), years.
pub const ASIC_DEPRECIATION_YEARS: u32 = 3;

/// When things happen on the site, in model months (month 0 = `startMonth`).
///
/// - Construction starts in `retrofit.constructionStartMonth` (`start`); from that month on,
///   in the AI pathways, the converted share of the grid no longer mines: the fleet keeps
///   the fraction the unconverted grid can carry ([`kept_fleet_fraction`]; 1 before; always 1
///   in the mining pathway).
/// - The facility capex is spent evenly over `buildMonths`: `total ÷ buildMonths` in each of
///   the months `start … start + buildMonths − 1` (months past the horizon are not counted).
/// - Commissioning is month `start + buildMonths`, the first month of AI operation.
/// - The AI revenue ramps linearly: operating month `k` (0 in the commissioning month) earns
///   `min(1, (k + 1) / rampMonths)` of full revenue; `rampMonths = 0` means full at once.
///   With 6 ramp months: 1/6, 2/6, …, 6/6 from the sixth operating month on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    pub construction_start: u32,
    pub build_months: u32,
    pub commissioning: u32,
    pub ramp_months: u32,
    pub horizon_months: u32,
}

impl Timeline {
    pub fn new(s: &Scenario) -> Timeline {
        let r = &s.retrofit;
        Timeline {
            construction_start: r.construction_start_month,
            build_months: r.build_months,
            commissioning: r.construction_start_month.saturating_add(r.build_months),
            ramp_months: r.ramp_months,
            horizon_months: s.months(),
        }
    }

    /// Operating month `k = m − commissioning`, or `None` before commissioning.
    pub fn operating_month(&self, m: u32) -> Option<u32> {
        m.checked_sub(self.commissioning)
    }

    /// Share of full AI revenue in operating month `k`: `min(1, (k + 1) / rampMonths)`.
    pub fn ramp(&self, k: u32) -> f64 {
        if self.ramp_months == 0 {
            1.0
        } else {
            ((k as f64 + 1.0) / self.ramp_months as f64).min(1.0)
        }
    }

    /// Share (0–1) of the whole fleet that still exists in month `m` of an AI pathway, where
    /// `kept` ([`kept_fleet_fraction`]) is what remains once construction starts.
    pub fn ai_fleet_fraction(&self, kept: f64, m: u32) -> f64 {
        if m < self.construction_start {
            1.0
        } else {
            kept
        }
    }

    /// Share (0–1) of the facility capex spent in month `m`.
    pub fn facility_spend_share(&self, m: u32) -> f64 {
        if self.build_months > 0 && m >= self.construction_start && m < self.commissioning {
            1.0 / self.build_months as f64
        } else {
            0.0
        }
    }
}

/// Share (0–1) of the fleet the AI pathways keep mining once construction starts: the grid
/// left unconverted, `(1 − convertedSharePct/100) × grid MW`, carries up to that many MW of
/// the fleet's facility load, taken pro rata from every line. A site whose grid has room to
/// spare keeps more than `1 − convertedSharePct/100` of its fleet, all of it if it fits:
/// 100 MW of a 200 MW grid converted leaves 100 MW, room for a 96.4 MW fleet.
pub fn kept_fleet_fraction(s: &Scenario) -> f64 {
    let fleet_mw = s.mining.fleet_facility_mw();
    let left_mw = (1.0 - s.retrofit.converted_share_pct / 100.0).clamp(0.0, 1.0) * s.site.grid_capacity_mw;
    if fleet_mw > 0.0 {
        crate::capex::ratio(left_mw, fleet_mw).clamp(0.0, 1.0)
    } else {
        // No machines: nothing to keep or lose; 1 keeps the AI pathways' run the mining one.
        1.0
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
    /// Runs the fleet over a bitcoin projection: once whole, once with only the
    /// [`kept_fleet_fraction`] left from construction start ([`Timeline::ai_fleet_fraction`]).
    pub fn new(s: &Scenario, btc: &[BitcoinMonth]) -> FleetRuns {
        let whole = mining::simulate(s, btc, &|_| 1.0);
        let timeline = Timeline::new(s);
        let kept = kept_fleet_fraction(s);
        let rest = if kept >= 1.0 || timeline.construction_start >= s.months() {
            whole.clone()
        } else {
            mining::simulate(s, btc, &|m| timeline.ai_fleet_fraction(kept, m))
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

/// Writes into `months` (a copy of `base`) the projection with the whole BTC price path × `k`.
/// Hashprice = blocks/day × (subsidy + fees) × price ÷ (hashrate × 1000) is linear in the
/// price, so scaling the projection is exact and saves re-projecting it; the fleet runs over
/// the scaled months are then redone in full ([`FleetRuns::new`]).
pub fn scale_btc_price(months: &mut [BitcoinMonth], base: &[BitcoinMonth], k: f64) {
    for (month, base) in months.iter_mut().zip(base) {
        month.btc_price_usd = base.btc_price_usd * k;
        month.hashprice_usd_per_ph_day = base.hashprice_usd_per_ph_day * k;
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
}

impl Adjust {
    pub const NONE: Adjust = Adjust { capex_factor: 1.0 };
}

/// One month of one pathway, before labels (the hot path's record).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MonthFlow {
    pub mining_revenue_usd: f64,
    pub ai_revenue_usd: f64,
    pub curtailment_credit_usd: f64,
    pub power_cost_usd: f64,
    pub opex_usd: f64,
    pub mining_capex_usd: f64,
    pub facility_capex_usd: f64,
    pub gpu_capex_usd: f64,
    pub tax_usd: f64,
    /// Share of the whole fleet hashing, 0–1.
    pub mining_active_fraction: f64,
}

impl MonthFlow {
    pub fn revenue_usd(&self) -> f64 {
        self.mining_revenue_usd + self.ai_revenue_usd + self.curtailment_credit_usd
    }
    pub fn capex_usd(&self) -> f64 {
        self.mining_capex_usd + self.facility_capex_usd + self.gpu_capex_usd
    }
    /// Earnings before interest, tax, depreciation: revenue − power − opex.
    pub fn ebitda_usd(&self) -> f64 {
        self.revenue_usd() - self.power_cost_usd - self.opex_usd
    }
    pub fn net_usd(&self) -> f64 {
        self.ebitda_usd() - self.capex_usd() - self.tax_usd
    }
}

fn pathway_index(id: PathwayId) -> usize {
    match id {
        PathwayId::Mining => 0,
        PathwayId::Colocation => 1,
        PathwayId::GpuCloud => 2,
    }
}

/// The index of a pathway in `[mining, colocation, gpuCloud]` arrays.
pub fn index_of(id: PathwayId) -> usize {
    pathway_index(id)
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
    let run = if id == PathwayId::Mining {
        &runs.whole
    } else {
        &runs.rest
    };
    let facility_total = if id == PathwayId::Mining {
        0.0
    } else {
        capex.totals.facility_usd * adjust.capex_factor
    };
    out.clear();
    out.extend((0..s.months()).map(|m| {
        let mm = run.months.get(m as usize).cloned().unwrap_or_default();
        let a = ai.get(m as usize).copied().unwrap_or_default();
        MonthFlow {
            mining_revenue_usd: mm.revenue_usd,
            ai_revenue_usd: a.revenue_usd,
            curtailment_credit_usd: mm.curtailment_credit_usd,
            power_cost_usd: mm.power_cost_usd + a.power_cost_usd,
            opex_usd: mm.opex_usd + a.opex_usd,
            mining_capex_usd: mm.capex_usd,
            facility_capex_usd: facility_total * timeline.facility_spend_share(m),
            gpu_capex_usd: a.capex_usd * adjust.capex_factor,
            tax_usd: 0.0,
            mining_active_fraction: mm.active_fraction,
        }
    }));
    if s.finance.tax_enabled {
        apply_tax(s, out, timeline.commissioning as usize, capex.totals.building_share);
    }
}

/// Corporate income tax, when `finance.taxEnabled`:
/// `tax_m = rate × max(0, EBITDA_m − depreciation_m − losses carried forward)`, month by
/// month, where a month's loss (EBITDA below depreciation) is carried forward without limit.
/// Depreciation is straight-line by asset class from the month the asset is placed in service:
/// the facility retrofit from commissioning (month `in_service`), its building works
/// (`building_share` of it) over 39 years and the rest over 15; GPUs over
/// `gpuCloud.usefulLifeYears` and ASICs (mining capex) over 3 years, both from the month they
/// are bought, which is when they start to work. Whatever remains undepreciated at the horizon
/// is simply not reached.
fn apply_tax(s: &Scenario, flows: &mut [MonthFlow], in_service: usize, building_share: f64) {
    let n = flows.len();
    // Difference array: a schedule starting in month m adds its monthly charge at m and
    // removes it N months later; the running sum is the month's depreciation.
    let mut step = vec![0.0; n + 1];
    let mut add = |month: usize, amount: f64, months: u32| {
        if amount != 0.0 && months > 0 {
            let charge = amount / months as f64;
            step[month] += charge;
            step[(month + months as usize).min(n)] -= charge;
        }
    };
    let gpu_months = s.gpu_cloud.useful_life_years.max(1) * 12;
    if in_service < n {
        let facility: f64 = flows.iter().map(|f| f.facility_capex_usd).sum();
        add(
            in_service,
            facility * (1.0 - building_share),
            FACILITY_DEPRECIATION_YEARS * 12,
        );
        add(in_service, facility * building_share, BUILDING_DEPRECIATION_YEARS * 12);
    }
    for (m, f) in flows.iter().enumerate() {
        add(m, f.gpu_capex_usd, gpu_months);
        add(m, f.mining_capex_usd, ASIC_DEPRECIATION_YEARS * 12);
    }
    let rate = s.finance.tax_rate_pct / 100.0;
    let mut depreciation = 0.0;
    let mut losses = 0.0;
    for (m, f) in flows.iter_mut().enumerate() {
        depreciation += step[m];
        let profit = f.ebitda_usd() - depreciation;
        if profit < 0.0 {
            losses -= profit;
            f.tax_usd = 0.0;
        } else {
            let offset = losses.min(profit);
            losses -= offset;
            f.tax_usd = rate * (profit - offset);
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

/// The three NPVs `[mining, colocation, gpuCloud]` from prepared stages.
pub fn npvs_with(s: &Scenario, runs: &FleetRuns, capex: &CapexStage, adjust: Adjust, buf: &mut Buffers) -> [f64; 3] {
    let mut out = [0.0; 3];
    for id in PathwayId::ALL {
        match id {
            PathwayId::Mining => buf.ai.clear(),
            PathwayId::Colocation => colocation::simulate_into(s, &capex.site, &mut buf.ai),
            PathwayId::GpuCloud => gpu_cloud::simulate_into(s, &capex.site, capex.totals.gpu_cloud_usd, &mut buf.ai),
        }
        pathway_flows(s, runs, capex, id, &buf.ai, adjust, &mut buf.flows);
        buf.net.clear();
        buf.net.extend(buf.flows.iter().map(MonthFlow::net_usd));
        out[pathway_index(id)] = finance::npv(s.finance.discount_rate_pct, &buf.net);
    }
    out
}

/// The three NPVs `[mining, colocation, gpuCloud]` without building a report: the fast path
/// for break-evens, sensitivity and Monte Carlo.
pub fn pathway_npvs(s: &Scenario) -> [f64; 3] {
    let mining = MiningStage::new(s);
    let capex = CapexStage::new(s);
    npvs_with(s, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default())
}

/// The best of the pathways by NPV (the first one on a tie, in the order mining, colocation,
/// gpuCloud) and the better AI pathway.
pub fn best_pathways(npvs: [f64; 3]) -> (PathwayId, PathwayId) {
    let mut best = PathwayId::Mining;
    for id in PathwayId::ALL {
        if npvs[pathway_index(id)] > npvs[pathway_index(best)] {
            best = id;
        }
    }
    let best_ai = if npvs[2] > npvs[1] {
        PathwayId::GpuCloud
    } else {
        PathwayId::Colocation
    };
    (best, best_ai)
}

fn month_labels(s: &Scenario) -> Vec<String> {
    // The scenario has been validated; the fallback only keeps this total.
    let start = YearMonth::parse(&s.start_month).unwrap_or(YearMonth { year: 2000, month: 1 });
    (0..s.months()).map(|m| start.plus(m).label()).collect()
}

fn pathway_report(
    s: &Scenario,
    capex: &CapexStage,
    id: PathwayId,
    flows: &[MonthFlow],
    labels: &[String],
    mining_npv: f64,
) -> PathwayReport {
    let mut cumulative = 0.0;
    let months: Vec<CashFlowMonth> = flows
        .iter()
        .enumerate()
        .map(|(m, f)| {
            let net = f.net_usd();
            cumulative += net;
            CashFlowMonth {
                month: labels.get(m).cloned().unwrap_or_default(),
                index: m as u32,
                revenue_usd: f.revenue_usd(),
                mining_revenue_usd: f.mining_revenue_usd,
                ai_revenue_usd: f.ai_revenue_usd,
                curtailment_credit_usd: f.curtailment_credit_usd,
                power_cost_usd: f.power_cost_usd,
                opex_usd: f.opex_usd,
                capex_usd: f.capex_usd(),
                tax_usd: f.tax_usd,
                net_cash_flow_usd: net,
                cumulative_usd: cumulative,
                mining_active_pct: f.mining_active_fraction * 100.0,
            }
        })
        .collect();
    let years: Vec<CashFlowYear> = months
        .chunks(12)
        .enumerate()
        .map(|(y, chunk)| {
            let sum = |field: fn(&CashFlowMonth) -> f64| chunk.iter().map(field).sum::<f64>();
            CashFlowYear {
                year: y as u32 + 1,
                start_month: chunk.first().map(|m| m.month.clone()).unwrap_or_default(),
                revenue_usd: sum(|m| m.revenue_usd),
                mining_revenue_usd: sum(|m| m.mining_revenue_usd),
                ai_revenue_usd: sum(|m| m.ai_revenue_usd),
                curtailment_credit_usd: sum(|m| m.curtailment_credit_usd),
                power_cost_usd: sum(|m| m.power_cost_usd),
                opex_usd: sum(|m| m.opex_usd),
                capex_usd: sum(|m| m.capex_usd),
                tax_usd: sum(|m| m.tax_usd),
                net_cash_flow_usd: sum(|m| m.net_cash_flow_usd),
                cumulative_usd: chunk.last().map_or(0.0, |m| m.cumulative_usd),
            }
        })
        .collect();

    let net: Vec<f64> = months.iter().map(|m| m.net_cash_flow_usd).collect();
    let npv_usd = finance::npv(s.finance.discount_rate_pct, &net);
    // IRR and payback measure the investment from the month its spending starts (MODEL.md:
    // payback "after investment"). Before that month an AI pathway is the same site mining as
    // the mining pathway, so those months are no part of the return on the retrofit; counting
    // them would hide the IRR behind flows that start positive and let months of mining cash
    // pay the retrofit back before it is built. The payback month is still counted from month 0.
    let invested_from = months.iter().position(|m| m.capex_usd > 0.0);
    let from = invested_from.unwrap_or(0);
    let flows = &net[from..];
    let (irr_pct, irr_note) = match finance::irr_solve(flows) {
        // With no capital spent, a rate that solves flows starting positive is a borrowing
        // cost, not a return: reported as none, with the reason, so nobody reads it as one.
        Ok(_) if invested_from.is_none() && flows.iter().find(|&&f| f != 0.0).is_some_and(|&f| f > 0.0) => (
            None,
            Some(
                "no investment to earn a return on: the cash flows start positive and turn negative"
                    .to_string(),
            ),
        ),
        Ok(sol) if sol.roots > 1 => (
            Some(sol.annual_pct),
            Some(format!(
                "{} rates of return solve these cash flows (their sign changes more than once); the one nearest 0 % is shown",
                sol.roots
            )),
        ),
        Ok(sol) => (Some(sol.annual_pct), None),
        Err(why) => (None, Some(why.reason().to_string())),
    };
    let (payback_months, payback_note) = match finance::payback_solve(flows) {
        Ok(n) => (Some(n + from as u32), None),
        Err(why) => (None, Some(why.reason().to_string())),
    };
    let it_mw = capex.site.it_capacity_mw;
    let build_capex = match id {
        PathwayId::Mining => 0.0,
        PathwayId::Colocation => capex.totals.facility_usd,
        PathwayId::GpuCloud => capex.totals.facility_usd + capex.totals.gpu_cloud_usd,
    };
    PathwayReport {
        id,
        label: id.label().to_string(),
        npv_usd,
        irr_pct,
        irr_note,
        payback_months,
        payback_note,
        total_capex_usd: months.iter().map(|m| m.capex_usd).sum(),
        capex_per_it_mw_usd: (id != PathwayId::Mining && it_mw > 0.0).then(|| build_capex / it_mw),
        pivot_value_usd: if id == PathwayId::Mining {
            0.0
        } else {
            npv_usd - mining_npv
        },
        total_revenue_usd: months.iter().map(|m| m.revenue_usd).sum(),
        total_net_cash_flow_usd: cumulative,
        months,
        years,
    }
}

/// Warnings about the timeline and the pathways themselves.
fn own_warnings(s: &Scenario, capex: &CapexStage) -> Vec<Warning> {
    let mut out = Vec::new();
    let t = Timeline::new(s);
    let horizon = s.months();
    if s.retrofit.converted_share_pct > 0.0 && t.commissioning >= horizon {
        out.push(Warning::new(
            "commissioningAfterHorizon",
            Some("retrofit.buildMonths"),
            format!(
                "Construction starting in month {} takes {} months, so the converted halls are commissioned in month {}, after the {}-month horizon: the AI pathways carry capex and lost mining but earn nothing within it.",
                t.construction_start, t.build_months, t.commissioning, horizon
            ),
        ));
    }
    let g = &s.gpu_cloud;
    if s.retrofit.converted_share_pct > 0.0 && capex.site.gpus > 0 && g.end_of_life == crate::scenario::GpuEnd::Refresh
    {
        let life = g.useful_life_years.max(1) * 12;
        let mut bought = t.commissioning.saturating_add(life);
        while bought < horizon {
            let used = horizon - bought;
            // A generation that serves less than half its life inside the horizon is mostly
            // paid for, little used: the missing residual value is material.
            if used * 2 < life {
                out.push(Warning::new(
                    "gpuRefreshNearHorizonEnd",
                    Some("gpuCloud.usefulLifeYears"),
                    format!(
                        "The GPUs refreshed in month {bought} serve only {used} of their {life} months inside the horizon, and the model counts no residual value at the horizon: the GPU cloud's NPV is understated. Consider a horizon that ends on a refresh cycle or `retire` at end of life."
                    ),
                ));
            }
            bought = bought.saturating_add(life);
        }
    }
    let lease_end = t
        .commissioning
        .saturating_add(s.colocation.lease_term_years.saturating_mul(12));
    let renews = s.colocation.after_term == crate::scenario::LeaseEnd::Renew;
    if s.retrofit.converted_share_pct > 0.0 && t.commissioning < horizon && (renews || lease_end > horizon) {
        out.push(Warning::new(
            "valueAfterHorizon",
            Some("horizonYears"),
            format!(
                "The colocation lease ({} years from month {}{}) and the converted halls outlive the {}-year horizon; the model counts no cash flow or residual value after the horizon, which understates the AI pathways against mining. {}",
                s.colocation.lease_term_years,
                t.commissioning,
                if renews { ", renewable" } else { "" },
                s.horizon_years,
                if s.horizon_years < MAX_HORIZON_YEARS {
                    format!("A longer horizon (up to {MAX_HORIZON_YEARS} years) shows the difference.")
                } else {
                    format!("{MAX_HORIZON_YEARS} years is the longest horizon the model takes.")
                }
            ),
        ));
    }
    if !renews {
        let end = t
            .commissioning
            .saturating_add(s.colocation.lease_term_years.saturating_mul(12));
        if s.retrofit.converted_share_pct > 0.0 && end < horizon {
            out.push(Warning::new(
                "leaseEndsInHorizon",
                Some("colocation.afterTerm"),
                format!(
                    "The lease ends in month {end} and the tenant vacates: the halls earn nothing for the last {} months of the horizon while the landlord opex continues (no re-let is assumed).",
                    horizon - end
                ),
            ));
        }
    }
    out
}

/// The full report of a scenario that has passed validation.
pub fn evaluate(s: &Scenario) -> Report {
    let mining = MiningStage::new(s);
    let site = crate::capex::size(s);
    let bill = crate::capex::retrofit(s, &site);
    let capex = CapexStage::from_report(site, &bill);
    let labels = month_labels(s);

    let colo = colocation::simulate(s, &capex.site);
    let gpu = gpu_cloud::simulate(s, &capex.site, &bill);
    let mut flows = Vec::new();
    let mut pathways: Vec<PathwayReport> = Vec::with_capacity(3);
    let mut mining_npv = 0.0;
    for id in PathwayId::ALL {
        let ai: &[AiMonth] = match id {
            PathwayId::Mining => &[],
            PathwayId::Colocation => &colo,
            PathwayId::GpuCloud => &gpu,
        };
        pathway_flows(s, &mining.runs, &capex, id, ai, Adjust::NONE, &mut flows);
        let report = pathway_report(s, &capex, id, &flows, &labels, mining_npv);
        if id == PathwayId::Mining {
            mining_npv = report.npv_usd;
        }
        pathways.push(report);
    }
    let npvs = [pathways[0].npv_usd, pathways[1].npv_usd, pathways[2].npv_usd];
    let (best_pathway, best_ai_pathway) = best_pathways(npvs);

    let mut buffers = Buffers::default();
    let break_evens = analysis::breakeven::solve(s, &mining, &capex, best_ai_pathway, &mut buffers);
    let sensitivity = analysis::sensitivity::tornado(s, &mining, &capex, best_ai_pathway, npvs, &mut buffers);
    let best_ai = &pathways[pathway_index(best_ai_pathway)];
    let verdict = analysis::verdict::verdict(&analysis::verdict::VerdictInputs {
        scenario: s,
        npvs,
        best_ai: best_ai_pathway,
        payback_months: best_ai.payback_months,
        payback_note: best_ai.payback_note.as_deref(),
        break_evens: &break_evens,
    });

    let mut warnings = mining::warnings(s, &mining.runs.whole, &mining.btc.months);
    warnings.extend(crate::capex::warnings(s, &capex.site));
    warnings.extend(own_warnings(s, &capex));

    Report {
        schema_version: SCHEMA_VERSION,
        scenario_name: s.name.clone(),
        start_month: s.start_month.clone(),
        horizon_months: s.months(),
        site: capex.site,
        capex: bill,
        bitcoin: mining.btc,
        pathways,
        comparison: Comparison {
            best_pathway,
            best_ai_pathway,
            verdict,
            break_evens,
        },
        sensitivity,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_is_linear_and_reaches_one() {
        let mut s = Scenario::default();
        s.retrofit.ramp_months = 4;
        let t = Timeline::new(&s);
        // (k + 1) / 4 for k = 0..3, then 1.
        let shares: Vec<f64> = (0..6).map(|k| t.ramp(k)).collect();
        assert_eq!(shares, vec![0.25, 0.5, 0.75, 1.0, 1.0, 1.0]);
        s.retrofit.ramp_months = 0;
        assert_eq!(Timeline::new(&s).ramp(0), 1.0);
    }

    #[test]
    fn facility_capex_is_spread_evenly_over_the_build() {
        let mut s = Scenario::default();
        s.retrofit.construction_start_month = 3;
        s.retrofit.build_months = 4;
        let t = Timeline::new(&s);
        let shares: Vec<f64> = (0..9).map(|m| t.facility_spend_share(m)).collect();
        assert_eq!(shares, vec![0.0, 0.0, 0.0, 0.25, 0.25, 0.25, 0.25, 0.0, 0.0]);
        assert_eq!(t.commissioning, 7);
        assert_eq!(t.operating_month(6), None);
        assert_eq!(t.operating_month(7), Some(0));
    }

    #[test]
    fn the_converted_share_stops_mining_at_construction_start() {
        let mut s = Scenario::default();
        s.retrofit.construction_start_month = 2;
        let t = Timeline::new(&s);
        assert_eq!(t.ai_fleet_fraction(0.4, 1), 1.0);
        assert_eq!(t.ai_fleet_fraction(0.4, 2), 0.4);
        assert_eq!(t.ai_fleet_fraction(0.0, 50), 0.0);
    }

    #[test]
    fn the_unconverted_grid_keeps_what_it_can_carry_of_the_fleet() {
        // The default fleet: 8,000 × 270 TH/s × 13.5 J/TH = 29.16 MW, 10,000 × 200 × 17.5 =
        // 35 MW and 9,000 × 104 × 29.5 = 27.612 MW: 91.772 MW of ASICs × PUE 1.05 = 96.3606 MW.
        let mut s = Scenario::default();
        let fleet_mw = 91.772 * 1.05;
        // 60 % of 100 MW converted leaves 40 MW: 40 ÷ 96.3606 = 0.41510… of the fleet.
        s.retrofit.converted_share_pct = 60.0;
        assert!((kept_fleet_fraction(&s) - 40.0 / fleet_mw).abs() < 1e-12);
        // All of it converted: nothing kept. None converted: everything.
        s.retrofit.converted_share_pct = 100.0;
        assert_eq!(kept_fleet_fraction(&s), 0.0);
        s.retrofit.converted_share_pct = 0.0;
        assert_eq!(kept_fleet_fraction(&s), 1.0);
        // A 200 MW grid half converted leaves 100 MW ≥ 96.36 MW: the whole fleet keeps mining.
        s.site.grid_capacity_mw = 200.0;
        s.retrofit.converted_share_pct = 50.0;
        assert_eq!(kept_fleet_fraction(&s), 1.0);
        // 55 % converted leaves 90 MW: 90 ÷ 96.3606 = 0.93399….
        s.retrofit.converted_share_pct = 55.0;
        assert!((kept_fleet_fraction(&s) - 90.0 / fleet_mw).abs() < 1e-12);
    }

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
        apply_tax(&s, &mut flows, 0, 0.0);
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
        apply_tax(&s, &mut flows, 2, 0.4);
        let taxes: Vec<f64> = flows.iter().map(|f| f.tax_usd).collect();
        for (got, want) in taxes.iter().zip([10.0, 10.0, 9.02, 9.02]) {
            assert!((got - want).abs() < 1e-9, "{taxes:?}");
        }
        // Commissioned after the horizon: nothing is depreciated inside it.
        let mut late = vec![month(1_170.0), month(1_170.0)];
        apply_tax(&s, &mut late, 2, 0.4);
        assert!(late.iter().all(|f| (f.tax_usd - 10.0).abs() < 1e-9));
    }
}
