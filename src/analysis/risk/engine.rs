//! One path's NPVs: the fast path ([`RiskModel`]) and the full model per path
//! ([`FullModel`]), which the fast path is tested against and which serves tax-enabled
//! scenarios.

use crate::calendar::{grow, DAYS_PER_MONTH, HOURS_PER_MONTH};
use crate::colocation::AiMonth;
use crate::engine::{npvs_with, Adjust, Buffers, CapexStage, FleetRuns, MiningStage, PerPathway};
use crate::finance::monthly_rate;
use crate::report::BitcoinReport;
use crate::scenario::{GpuEnd, HashrateModel, MiningExit, Scenario};
use crate::timeline::Timeline;

use super::PathDraw;

/// Evaluates the three NPVs `[mining, colocation, gpuCloud]` of one drawn path, and the
/// network's hashprice at the last month of each model year (USD per PH/s per day) into
/// `hashprice` (one slot per year).
pub(super) trait PathNpvs {
    fn npvs(&mut self, prices: &[f64], draw: &PathDraw, hashprice: &mut [f32]) -> PerPathway<f64>;

    /// A batch of paths, laid out as [`RiskModel::batch_npvs`] takes them (`hashprices` holds
    /// each path's years one path after the other): one path at a time unless the engine has
    /// a faster way.
    fn batch(&mut self, prices: &[f64], draws: &[PathDraw], out: &mut [PerPathway<f64>], hashprices: &mut [f32]) {
        let horizon = prices.len() / draws.len().max(1);
        let years = hashprices.len() / draws.len().max(1);
        for (p, (draw, out)) in draws.iter().zip(out).enumerate() {
            *out = self.npvs(
                &prices[p * horizon..(p + 1) * horizon],
                draw,
                &mut hashprices[p * years..(p + 1) * years],
            );
        }
    }
}

/// ASIC lines of equal efficiency, merged; sorted by J/TH so that the lines still running in
/// a month are always a prefix (every line earns the same per TH/s).
#[derive(Debug, Clone, Copy)]
struct EfficiencyGroup {
    /// IT MW per TH/s: J/TH ÷ 10⁶.
    mw_per_th: f64,
    /// TH/s of this group and every more efficient one.
    cumulative_ths: f64,
    /// IT MW of this group and every more efficient one.
    cumulative_it_mw: f64,
}

fn efficiency_groups(lines: impl Iterator<Item = (f64, f64)>) -> Vec<EfficiencyGroup> {
    let mut lines: Vec<(f64, f64)> = lines.filter(|&(ths, _)| ths > 0.0).collect();
    lines.sort_unstable_by(|a, b| a.1.total_cmp(&b.1));
    let mut groups: Vec<EfficiencyGroup> = Vec::new();
    let (mut ths_sum, mut it_sum) = (0.0, 0.0);
    for (ths, j_per_th) in lines {
        ths_sum += ths;
        it_sum += ths * j_per_th / 1e6;
        let mw_per_th = j_per_th / 1e6;
        match groups.last_mut() {
            Some(last) if last.mw_per_th == mw_per_th => {
                last.cumulative_ths = ths_sum;
                last.cumulative_it_mw = it_sum;
            }
            _ => groups.push(EfficiencyGroup {
                mw_per_th,
                cumulative_ths: ths_sum,
                cumulative_it_mw: it_sum,
            }),
        }
    }
    groups
}

/// What one month contributes that does not depend on the draws.
#[derive(Debug, Clone, Copy)]
struct MonthConstants {
    /// Discount factor of an end-of-month flow: (1 + r_m)^−(m+1).
    discount: f64,
    /// The same times the AI pathways' fleet fraction f(m).
    discount_fleet: f64,
    /// Revenue per TH/s per unit of (BTC price ÷ network EH/s) from the subsidy and from the
    /// fees: blocks/day × subsidy (or fees) ÷ 10⁶ × hashing share × 30.4375 × (1 − pool fee),
    /// i.e. the hashprice formula of [`crate::bitcoin`] times the revenue factors of
    /// [`crate::mining`]; a path's fees multiplier φ weighs the second.
    revenue_subsidy: f64,
    revenue_fees: f64,
    /// Power cost per MW of ASIC IT load hashing all month: PUE × hashing share × 730.5 h × price.
    power_per_it_mw: f64,
    /// Fixed opex and refresh capex of the whole fleet, USD.
    fixed_usd: f64,
    /// Of which what scales with the power price's level (a contract's settlement, its
    /// contract price less the escalating part of the market's), USD: a path whose power
    /// costs λ times the scenario's this month adds (λ − 1) × this.
    fixed_power_usd: f64,
    /// Of which the fixed opex (what a mothballed site pays a share of), USD.
    opex_usd: f64,
    /// Coins the network earns a day from the subsidy and from the fees: blocks/day × subsidy
    /// (or fees), BTC.
    subsidy_coins: f64,
    fee_coins: f64,
    /// Under the economic model, the equilibrium network per USD of network revenue a day:
    /// 1 ÷ (24 × e_m × p_m) ([`crate::network::Stepper::equilibrium_per_revenue`]).
    equilibrium_per_revenue: f64,
    /// Revenue per TH/s at or above which at least one line runs (−∞ without the shutdown
    /// option): below it the whole fleet is off, which is what the exit counts.
    all_off_below: f64,
    /// The whole fleet's resale per unit of hashprice this month, USD per (USD/PH/s-day)
    /// ([`crate::mining::resale_usd_per_th`] is linear in the hashprice).
    resale_per_hashprice: f64,
    /// The AI pathways' sale of the share converted this month, per unit of hashprice and
    /// discounted: discount × (f(m−1) − f(m)) × `resale_per_hashprice`.
    conversion_sale_per_hashprice: f64,
    /// Who runs at a given revenue per TH/s: every line, all but the least efficient group, …
    /// (the first `tier_count` tiers; more groups than [`TIERS`] are searched).
    tiers: [Tier; TIERS],
    tier_count: usize,
    /// Whether the fleet has been refreshed (the post-refresh efficiency groups apply).
    refreshed: bool,
    /// Under hourly prices: the month's profile month and its look-up ([`HourlyMonth`]).
    hourly: Option<HourlyMonth>,
}

/// One month of hourly prices as the fast path looks them up: the profile month, how its
/// prices map to what running costs an hour ([`crate::power::SitePrices::marginal`]), and
/// the constants that turn a line's revenue per MWh into a look-up in the profile month's
/// count table ([`crate::profile::MonthPrices::count_below_cents`]) without a division.
#[derive(Debug, Clone, Copy)]
struct HourlyMonth {
    slot: usize,
    map: crate::power::PriceMap,
    /// Hours of the map's lower piece (negative prices) and the sum of their profile prices.
    low: (usize, f64),
    /// 100 ÷ c: the profile cents per USD/MWh above a (upper piece, price = a + c x), so that
    /// a threshold t sits at (t − a) × this cents of the profile; 0 when c = 0 (a flat
    /// contract: every hour at a), which the general search answers.
    cents_per_usd: f64,
    /// The cost of the n cheapest hours, n above the lower piece, is n a + c Sₙ + this (Sₙ
    /// the profile sum): the lower piece's mapped sum − n_low a − c × its profile sum.
    cost_offset: f64,
    /// Its two parts: the lower piece's mapped sum (negative hours, which do not escalate)
    /// and −(n_low a + c × its profile sum), which scales with the upper piece.
    low_cost: f64,
    scaled_offset: f64,
    /// 1 ÷ the profile month's hours.
    per_hour: f64,
    /// Demand response per MWh − a, and (DR − a) × `cents_per_usd`: a line earning r per
    /// TH/s runs the profile hours below r × 100 ÷ c × its MWh⁻¹ per TH/s + this cents.
    dr_minus_a: f64,
    dr_cents: f64,
}

/// The look-up constants of a month whose escalating prices are λ times the scenario's
/// ([`HourlyMonth::escalated`]).
#[derive(Debug, Clone, Copy)]
struct Escalated {
    a: f64,
    c: f64,
    cents_per_usd: f64,
    cost_offset: f64,
    dr_minus_a: f64,
    dr_cents: f64,
}

impl HourlyMonth {
    /// The look-up constants with the month's escalating prices (the upper piece: a and c)
    /// times λ, for demand response `dr` per MWh. `inverse` is 1 ÷ λ, carried by the path so
    /// that no month divides. The count-table loop reads these alone; [`HourlyMonth::scaled`]
    /// builds the whole month from them.
    #[inline(always)]
    fn escalated(&self, lambda: f64, inverse: f64, dr: f64) -> Escalated {
        let (a, c) = (self.map.a * lambda, self.map.c * lambda);
        let cents_per_usd = self.cents_per_usd * inverse;
        Escalated {
            a,
            c,
            cents_per_usd,
            cost_offset: self.low_cost + lambda * self.scaled_offset,
            dr_minus_a: dr - a,
            dr_cents: (dr - a) * cents_per_usd,
        }
    }

    /// The month with its escalating prices times λ ([`HourlyMonth::escalated`]).
    fn scaled(&self, lambda: f64, inverse: f64, dr: f64) -> HourlyMonth {
        let e = self.escalated(lambda, inverse, dr);
        HourlyMonth {
            map: crate::power::PriceMap {
                a: e.a,
                c: e.c,
                ..self.map
            },
            cents_per_usd: e.cents_per_usd,
            cost_offset: e.cost_offset,
            dr_minus_a: e.dr_minus_a,
            dr_cents: e.dr_cents,
            ..*self
        }
    }
}

/// Shutdown tiers kept per month; a fleet with more efficiency groups falls back to a search.
const TIERS: usize = 4;

/// The lines running when the revenue per TH/s is at least `from_revenue_per_th`: every
/// group but the `k` least efficient, for tier k.
#[derive(Debug, Clone, Copy, Default)]
struct Tier {
    /// Revenue per TH/s at which the least efficient running group covers its power (−∞ for
    /// tier 0 without the shutdown option: every line always runs).
    from_revenue_per_th: f64,
    /// TH/s of the running lines.
    ths: f64,
    /// Power − curtailment credit of the running lines + fixed opex + refresh capex, USD.
    cost_usd: f64,
    /// Of which their power, USD (what scales with the power price's level).
    power_usd: f64,
}

/// One path's state from month to month in the fast path.
#[derive(Debug, Clone, Copy)]
struct PathState {
    /// 1 ÷ the yearly hashrate growth's monthly factor (the fixed-growth model).
    inverse_step: f64,
    /// The network hashrate, EH/s (under the fixed-growth model month 0's: only its sign is
    /// read), and its reciprocal.
    hashrate: f64,
    inverse_hashrate: f64,
    /// Discounted net cash flow so far: the whole fleet, and the AI pathways' fleet.
    whole: f64,
    share: f64,
    /// Months in a row with the whole fleet off, and whether the site has closed.
    off_streak: u32,
    closed: bool,
    /// The fees per block's multiplier.
    fees: f64,
    /// λ, this month's power price over the scenario's (1 in month 0), its monthly step, and
    /// their reciprocals.
    power: f64,
    power_step: f64,
    inverse_power: f64,
    inverse_power_step: f64,
}

impl PathState {
    /// The network's hashprice this month at BTC price `price`, USD per PH/s per day: coins a
    /// day × price ÷ (hashrate × 1,000), as [`crate::bitcoin::hashprice_usd_per_ph_day`].
    fn hashprice(&self, c: &MonthConstants, price: f64) -> f64 {
        if self.hashrate > 0.0 {
            (c.subsidy_coins + self.fees * c.fee_coins) * price * self.inverse_hashrate * (1.0 / 1000.0)
        } else {
            0.0
        }
    }

    fn new(hashrate0_ehs: f64, hashrate_growth_pct: f64, fees: f64, power_step: f64) -> PathState {
        PathState {
            fees,
            power: 1.0,
            power_step,
            inverse_power: 1.0,
            inverse_power_step: 1.0 / power_step,
            inverse_step: 1.0 / grow(1.0, hashrate_growth_pct, 1.0),
            hashrate: hashrate0_ehs,
            inverse_hashrate: 1.0 / hashrate0_ehs,
            whole: 0.0,
            share: 0.0,
            off_streak: 0,
            closed: false,
        }
    }
}

/// The fast path: everything that does not depend on a path's draws, computed once for a
/// validated scenario without tax (see the module docs). Public so that tests and
/// benchmarks can evaluate single paths.
#[derive(Debug, Clone)]
pub struct RiskModel {
    months: Vec<MonthConstants>,
    hashrate0_ehs: f64,
    /// Under the economic hashrate model, the share of the gap closed in a month and the most a
    /// month may grow.
    economic: Option<(f64, f64)>,
    /// The site's exit and its trigger (`mining.exit`, `exitAfterMonthsOff`), and the share of
    /// fixed opex a mothballed site pays.
    exit: MiningExit,
    exit_after: u32,
    mothball_share: f64,
    credit_per_it_mw: f64,
    groups: [Vec<EfficiencyGroup>; 2],
    /// The AI pathways' pieces for each construction delay in months (0 …
    /// [`super::MAX_DELAY_MONTHS`]), each computed the first time a path needs it.
    variants: Vec<std::sync::OnceLock<AiVariant>>,
    /// What a delay's pieces are computed from.
    source: std::sync::Arc<VariantSource>,
    /// The colocation lease's occupancy, %, and the GPU cloud's utilisation, % (the scenario's).
    occupancy_pct: f64,
    utilization_pct: f64,
    /// The vacancy after a default, months, and the re-let rent's ratio.
    vacancy_months: u32,
    relet_ratio: f64,
    /// The scenario's power price escalation, %/yr, and its monthly step.
    power_escalation_pct: f64,
    power_step0: f64,
    deterministic: PerPathway<f64>,
    /// Under hourly prices: the profile, the energy of a month at full load per MW of IT load
    /// (PUE × uptime × 730.5 h) and the demand response per MWh drawn.
    hourly: Option<HourlyFleet>,
}

/// One efficiency group as [`RiskModel::hourly_net`] counts it.
#[derive(Debug, Clone, Copy)]
struct HourlyGroup {
    /// 1 ÷ its MWh per TH/s-month at full load.
    per_th: f64,
    /// Its TH/s, and the MWh it draws in a month at full load.
    ths: f64,
    energy_mwh: f64,
}

/// The fast path's constants under hourly prices (see [`RiskModel::hourly_net`]).
#[derive(Debug, Clone)]
struct HourlyFleet {
    profile: std::sync::Arc<crate::profile::Profile>,
    energy_per_it_mw: f64,
    /// Per efficiency group (before and after a refresh), 1 ÷ its MWh per TH/s-month at full
    /// load: revenue per TH/s × this = revenue per MWh.
    inverse_energy_per_th: [Vec<f64>; 2],
    /// The same groups as the count-table loop reads them ([`HourlyGroup`]).
    lines: [Vec<HourlyGroup>; 2],
    demand_response_per_mwh: f64,
    shutdown: bool,
    /// Whether the count-table loop can answer ([`RiskModel::hourly_net_by_table`]): lines
    /// that shut down, and a demand response that is not negative.
    table_lane: bool,
}

/// The AI pathways' flows that do not depend on the market draws, for one construction delay:
/// a delay moves each phase's commissioning (and so the lease, the GPU revenue and the capex's
/// spending) but not the construction start, so the fleet flows are the same for every delay.
#[derive(Debug, Clone)]
struct AiVariant {
    /// NPV of each AI pathway's flows other than mining and GPU revenue, USD.
    ai_rest_npv: [f64; 2],
    /// The AI pathways' NPV per unit of the build-cost multiplier (colocation, GPU cloud):
    /// NPV(κ = 1) − NPV(κ = 0); unlevered and untaxed, the NPV is linear in κ.
    capex_slope: [f64; 2],
    /// Colocation's NPV per percentage point of occupancy (rent and, under a gross lease, the
    /// tenant's power are proportional to it).
    occupancy_slope: f64,
    /// Running sums of colocation's discounted rent in the first terms and after them, and of
    /// its discounted tenant power (gross leases), per percentage point of occupancy
    /// (`[0] = 0`, `[m + 1]` = months 0 … m): the tenant's default and the after-term rent.
    first_term_sums: Vec<f64>,
    after_term_sums: Vec<f64>,
    power_sums: Vec<f64>,
    /// Discounted GPU revenue after revenue-linked opex at full utilisation, by rent age in
    /// months, at zero decline.
    gpu_weight_by_age: Vec<f64>,
    /// The re-contracted terms' weights by the age at which each term's rate was set (billed
    /// in full, so not scaled by the utilisation; empty without `recontractAtMarket`).
    gpu_contract_weight_by_age: Vec<f64>,
    /// The discounted part of each month's power cost that escalates (the rest, negative
    /// hours and transmission, does not): colocation's gross-lease power per percentage point
    /// of occupancy, and the GPU cloud's power. A path whose power costs λₘ times the
    /// scenario's in month m pays Σ (λₘ − 1) × these more.
    colocation_power: Vec<f64>,
    gpu_power: Vec<f64>,
}

/// The scenario and stages a delay's [`AiVariant`] is computed from, and the NPV of the AI
/// pathways' fleet flows (the same for every delay).
#[derive(Debug)]
struct VariantSource {
    scenario: Scenario,
    runs: FleetRuns,
    capex: CapexStage,
    ai_fleet_npv: f64,
}

/// The scenario with every phase built `delay` months longer.
pub(super) fn delayed(s: &Scenario, delay: u32) -> Scenario {
    let mut late = s.clone();
    for phase in &mut late.retrofit.phases {
        phase.build_months = phase.build_months.saturating_add(delay);
    }
    late
}

impl AiVariant {
    /// The pieces for `delay` months: the model's own NPVs of the delayed scenario at the
    /// scenario's draws, at no build cost and at empty and full halls, and its lease and GPU
    /// revenue month by month.
    fn new(source: &VariantSource, months: &[MonthConstants], delay: u32) -> AiVariant {
        let s = &delayed(&source.scenario, delay);
        let (runs, capex) = (&source.runs, &source.capex);
        let mut buf = Buffers::default();
        let at = npvs_with(s, runs, capex, Adjust::NONE, &mut buf);
        let free = npvs_with(
            s,
            runs,
            capex,
            Adjust {
                capex_factor: 0.0,
                ..Adjust::NONE
            },
            &mut buf,
        );
        let colocation_at = |occupancy_pct: f64, buf: &mut Buffers| {
            let mut at = s.clone();
            at.colocation.occupancy_pct = occupancy_pct;
            npvs_with(&at, runs, capex, Adjust::NONE, buf).colocation
        };
        let occupancy_slope = (colocation_at(100.0, &mut buf) - colocation_at(0.0, &mut buf)) / 100.0;
        // The lease at full halls, discounted month by month, per percentage point: with the
        // rent after the first terms, and without it.
        let mut full = s.clone();
        full.colocation.occupancy_pct = 100.0;
        let (mut lease, mut first_terms) = (Vec::new(), Vec::new());
        crate::colocation::simulate_adjusted(&full, &capex.site, 1.0, &mut lease);
        crate::colocation::simulate_adjusted(&full, &capex.site, 0.0, &mut first_terms);
        let (mut first, mut after, mut power) = (0.0, 0.0, 0.0);
        let mut sums = (vec![0.0], vec![0.0], vec![0.0]);
        for ((c, a), f) in months.iter().zip(&lease).zip(&first_terms) {
            first += c.discount * f.revenue_usd / 100.0;
            after += c.discount * (a.revenue_usd - f.revenue_usd) / 100.0;
            power += c.discount * a.power_cost_usd / 100.0;
            sums.0.push(first);
            sums.1.push(after);
            sums.2.push(power);
        }
        let timeline = Timeline::new(s);
        let (gpu_weight_by_age, gpu_contract_weight_by_age) = gpu_weights(s, capex, &timeline, months);
        let colocation_power = escalating_parts(s, months, |s, out| {
            let mut full = s.clone();
            full.colocation.occupancy_pct = 100.0;
            crate::colocation::simulate_adjusted(&full, &capex.site, 1.0, out);
            for a in out.iter_mut() {
                a.power_cost_usd /= 100.0;
            }
        });
        let gpu_power = escalating_parts(s, months, |s, out| {
            crate::gpu_cloud::simulate_into(s, &capex.site, capex.totals.gpu_cloud_usd, out);
        });
        let gpu_revenue_npv = decline_sum(&gpu_weight_by_age, s.gpu_cloud.rent_decline_pct_per_year)
            * (s.gpu_cloud.utilization_pct / 100.0)
            + decline_sum(&gpu_contract_weight_by_age, s.gpu_cloud.rent_decline_pct_per_year);
        AiVariant {
            ai_rest_npv: [
                at.colocation - source.ai_fleet_npv,
                at.gpu_cloud - source.ai_fleet_npv - gpu_revenue_npv,
            ],
            capex_slope: [at.colocation - free.colocation, at.gpu_cloud - free.gpu_cloud],
            occupancy_slope,
            first_term_sums: sums.0,
            after_term_sums: sums.1,
            power_sums: sums.2,
            gpu_weight_by_age,
            gpu_contract_weight_by_age,
            colocation_power,
            gpu_power,
        }
    }
}

/// The discounted escalating part of a power cost month by month: the cost is affine in the
/// month's escalation factor e (C = A + e B), so two runs, at the scenario's escalation and
/// 10 points above it, give e₀ B = e₀ (C₁ − C₀) ÷ (e₁ − e₀) (month 0, where both factors are
/// 1, never moves: 0 there).
fn escalating_parts(s: &Scenario, months: &[MonthConstants], run: impl Fn(&Scenario, &mut Vec<AiMonth>)) -> Vec<f64> {
    let mut other = s.clone();
    other.site.power_price_escalation_pct_per_year += 10.0;
    let (mut base, mut up) = (Vec::new(), Vec::new());
    run(s, &mut base);
    run(&other, &mut up);
    if base.iter().all(|a| a.power_cost_usd == 0.0) {
        return Vec::new();
    }
    let (step0, step1) = (
        grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0),
        grow(1.0, other.site.power_price_escalation_pct_per_year, 1.0),
    );
    let (mut e0, mut e1) = (1.0, 1.0);
    let mut parts = Vec::with_capacity(months.len());
    for ((c, a0), a1) in months.iter().zip(&base).zip(&up) {
        let gap = e1 - e0;
        parts.push(if gap != 0.0 {
            c.discount * e0 * (a1.power_cost_usd - a0.power_cost_usd) / gap
        } else {
            0.0
        });
        e0 *= step0;
        e1 *= step1;
    }
    parts
}

/// Σₘ (λₘ − 1) × `parts[m]`, λₘ = rᵐ: what a path whose power price steps r a month faster
/// than the scenario's pays more.
fn escalation_change(parts: &[f64], r: f64) -> f64 {
    let (mut lambda, mut sum) = (1.0, 0.0);
    for b in parts {
        sum += (lambda - 1.0) * b;
        lambda *= r;
    }
    sum
}

/// Σₐ Wₐ qᵃ, q = (1 − d)^(1/12): the discounted GPU revenue (after revenue-linked opex) at a
/// yearly rent decline d, %.
fn decline_sum(weights: &[f64], decline_pct: f64) -> f64 {
    if weights.is_empty() {
        // (No GPUs, or no term re-contracted: skip the power function.)
        return 0.0;
    }
    let q = grow(1.0, -decline_pct, 1.0);
    let mut factor = 1.0;
    let mut sum = 0.0;
    for w in weights {
        sum += w * factor;
        factor *= q;
    }
    sum
}

impl RiskModel {
    /// Precomputes the fast path for a scenario that has passed validation.
    pub fn new(s: &Scenario) -> RiskModel {
        let mining = MiningStage::new(s);
        let capex = CapexStage::new(s);
        let deterministic = npvs_with(s, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default());
        RiskModel::from_stages(s, &mining, &capex, deterministic)
    }

    pub(super) fn from_stages(
        s: &Scenario,
        mining: &MiningStage,
        capex: &CapexStage,
        deterministic: PerPathway<f64>,
    ) -> RiskModel {
        let m = &s.mining;
        let timeline = Timeline::new(s);
        let kept = crate::timeline::kept_fleet_fraction(s);
        let uptime = m.uptime_pct / 100.0;
        let site_prices = crate::power::SitePrices::of(s);
        // Under hourly prices a line curtails by the hour, not by the flat share.
        let curtailment = if site_prices.is_some() {
            0.0
        } else {
            m.curtailment_pct / 100.0
        };
        let hashing = uptime * (1.0 - curtailment);
        let facility_mw = m.fleet_facility_mw();
        let total_ths: f64 = m.fleet.iter().map(|l| l.units as f64 * l.hashrate_ths).sum();
        let refresh_at = crate::mining::refresh_month(s);

        let lines = |refreshed: bool| {
            m.fleet.iter().map(move |l| {
                let j = if refreshed {
                    m.refresh.efficiency_j_per_th
                } else {
                    l.efficiency_j_per_th
                };
                (l.units as f64 * l.hashrate_ths, j)
            })
        };
        let groups = [efficiency_groups(lines(false)), efficiency_groups(lines(true))];
        let inverse_energy_per_th = groups.clone().map(|regime| {
            regime
                .iter()
                .map(|g| 1.0 / (g.mw_per_th * m.pue * uptime * HOURS_PER_MONTH))
                .collect()
        });
        let lines: [Vec<HourlyGroup>; 2] = std::array::from_fn(|regime| {
            let mut previous = (0.0, 0.0);
            groups[regime]
                .iter()
                .zip(&inverse_energy_per_th[regime])
                .map(|(g, &per_th)| {
                    let (ths, it_mw) = (g.cumulative_ths - previous.0, g.cumulative_it_mw - previous.1);
                    previous = (g.cumulative_ths, g.cumulative_it_mw);
                    HourlyGroup {
                        per_th,
                        ths,
                        energy_mwh: it_mw * m.pue * uptime * HOURS_PER_MONTH,
                    }
                })
                .collect()
        });
        // Under flat prices, what a running MW of IT load earns besides its revenue: the
        // curtailment credit and demand response per MWh drawn (under hourly prices,
        // [`RiskModel::hourly_net`] counts these). The transmission charge kept is fixed.
        let p = &s.power;
        let demand_response_per_mwh =
            p.demand_response_enrolled_pct / 100.0 * p.demand_response_usd_per_mw_month / HOURS_PER_MONTH;
        let transmission_per_facility_mw =
            1000.0 * p.transmission_usd_per_kw_month * (1.0 - p.transmission_avoided_pct / 100.0);
        let credit_per_it_mw = m.pue * uptime * curtailment * HOURS_PER_MONTH * m.curtailment_credit_usd_per_mwh
            + m.pue * hashing * HOURS_PER_MONTH * demand_response_per_mwh;
        let revenue_factor = hashing * DAYS_PER_MONTH * (1.0 - m.pool_fee_pct / 100.0) / 1e6;

        // Repeated multiplication, as finance::npv and mining::simulate do it.
        let v = 1.0 / (1.0 + monthly_rate(s.finance.discount_rate_pct));
        let power_step = grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0);
        let mut discount = 1.0;
        let mut power_price = crate::power::flat_price_usd_per_mwh(s);
        // The escalation factor, carried as mining::simulate carries it.
        let mut escalation = 1.0;
        let mut months = Vec::with_capacity(s.months() as usize);
        let mut previous_fraction = 1.0;
        let stepper = (s.bitcoin.hashrate_model == HashrateModel::Economic)
            .then(|| crate::network::Stepper::new(&crate::network::Economics::of(&s.bitcoin)));
        let equilibrium = stepper.map_or_else(Vec::new, |st| st.equilibrium_per_revenue(s.months() as usize));
        for index in 0..s.months() {
            discount *= v;
            // The fleet's resale at a hashprice of 1 (linear in it).
            let resale_per_hashprice = crate::mining::fleet_resale_usd(s, 1.0, index, refresh_at);
            let fraction = timeline.ai_fleet_fraction(kept, index).clamp(0.0, 1.0);
            let conversion_sale_per_hashprice = if m.sell_asics_at_conversion && fraction < previous_fraction {
                discount * (previous_fraction - fraction) * resale_per_hashprice
            } else {
                0.0
            };
            previous_fraction = fraction;
            let (subsidy_coins, fee_coins) = mining.btc.months.get(index as usize).map_or((0.0, 0.0), |b| {
                (
                    s.bitcoin.blocks_per_day * b.subsidy_btc,
                    s.bitcoin.blocks_per_day * b.fees_btc_per_block,
                )
            });
            let refresh_capex = if refresh_at == Some(index) {
                m.refresh.capex_usd_per_th * total_ths
            } else {
                0.0
            };
            let refreshed = refresh_at.is_some_and(|r| index >= r);
            let power_per_it_mw = m.pue * hashing * HOURS_PER_MONTH * power_price;
            let opex_usd = m.fixed_opex_usd_per_mw_year * facility_mw / 12.0;
            let p = &s.power;
            let ppa = p.supply == crate::scenario::PowerSupply::Ppa;
            let contract = p.ppa_price_usd_per_mwh * escalation;
            let hourly = site_prices.as_ref().map(|h| {
                let e = escalation;
                let marginal = h.marginal(index, e, contract);
                let map = marginal.map;
                let low = if map.split == f64::NEG_INFINITY {
                    (0, 0.0)
                } else {
                    marginal.low
                };
                let low_sum = crate::power::PricedMonth { low, ..marginal }.sum_cheapest(low.0);
                let month = HourlyMonth {
                    slot: h.slot(index),
                    map,
                    low,
                    cents_per_usd: if map.c > 0.0 { 100.0 / map.c } else { 0.0 },
                    cost_offset: low_sum - low.0 as f64 * map.a - map.c * low.1,
                    low_cost: low_sum,
                    scaled_offset: -(low.0 as f64 * map.a + map.c * low.1),
                    per_hour: 1.0 / marginal.hours().max(1) as f64,
                    dr_minus_a: demand_response_per_mwh - map.a,
                    dr_cents: if map.c > 0.0 {
                        (demand_response_per_mwh - map.a) * (100.0 / map.c)
                    } else {
                        0.0
                    },
                };
                // Take-or-pay with sell-back: the volume at the contract less its value at the
                // market, whatever runs ([`crate::power`] module docs).
                // Its part that scales with the power price: the contract less the market's
                // escalating part S = mean(2e) − mean(e) (the mean is L + S, L the negative
                // hours').
                let (settlement, scaled) = if ppa && p.ppa_sell_back {
                    let volume = p.ppa_volume_pct / 100.0 * facility_mw * HOURS_PER_MONTH;
                    let mean = h.market(index, e).mean();
                    let escalating = h.market(index, 2.0 * e).mean() - mean;
                    (volume * (contract - mean), volume * (contract - escalating))
                } else {
                    (0.0, 0.0)
                };
                (month, settlement, scaled)
            });
            let (settlement, fixed_power_usd) = hourly.map_or((0.0, 0.0), |h| (h.1, h.2));
            let fixed_usd = opex_usd + refresh_capex + settlement + transmission_per_facility_mw * facility_mw;
            let regime = &groups[usize::from(refreshed)];
            let all_off_below = match regime.first() {
                Some(g) if m.shutdown_when_unprofitable => g.mw_per_th * power_per_it_mw,
                _ => f64::NEG_INFINITY,
            };
            let mut tiers = [Tier::default(); TIERS];
            let tier_count = if m.shutdown_when_unprofitable {
                regime.len().min(TIERS)
            } else {
                usize::from(!regime.is_empty())
            };
            for (k, tier) in tiers.iter_mut().enumerate().take(tier_count) {
                let g = &regime[regime.len() - 1 - k];
                *tier = Tier {
                    from_revenue_per_th: if m.shutdown_when_unprofitable {
                        g.mw_per_th * power_per_it_mw
                    } else {
                        f64::NEG_INFINITY
                    },
                    ths: g.cumulative_ths,
                    cost_usd: (power_per_it_mw - credit_per_it_mw) * g.cumulative_it_mw + fixed_usd,
                    power_usd: power_per_it_mw * g.cumulative_it_mw,
                };
            }
            months.push(MonthConstants {
                discount,
                discount_fleet: discount * timeline.ai_fleet_fraction(kept, index),
                revenue_subsidy: subsidy_coins * revenue_factor,
                revenue_fees: fee_coins * revenue_factor,
                power_per_it_mw,
                fixed_usd,
                opex_usd,
                subsidy_coins,
                fee_coins,
                equilibrium_per_revenue: equilibrium.get(index as usize).copied().unwrap_or(0.0),
                all_off_below,
                resale_per_hashprice,
                conversion_sale_per_hashprice,
                tiers,
                tier_count,
                refreshed,
                hourly: hourly.map(|(month, _, _)| month),
                fixed_power_usd,
            });
            power_price *= power_step;
            escalation *= power_step;
        }

        let mut model = RiskModel {
            months,
            hashrate0_ehs: s.bitcoin.network_hashrate_ehs,
            economic: stepper.map(|st| (st.close(), st.max_step())),
            exit: m.exit,
            exit_after: m.exit_after_months_off.max(1),
            mothball_share: m.mothball_opex_pct / 100.0,
            credit_per_it_mw,
            groups,
            variants: (0..=super::MAX_DELAY_MONTHS)
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            source: std::sync::Arc::new(VariantSource {
                scenario: s.clone(),
                runs: mining.runs.clone(),
                capex: capex.clone(),
                ai_fleet_npv: 0.0,
            }),
            occupancy_pct: s.colocation.occupancy_pct,
            utilization_pct: s.gpu_cloud.utilization_pct,
            vacancy_months: s.colocation.relet_vacancy_months,
            relet_ratio: s.colocation.relet_rent_pct / 100.0,
            power_escalation_pct: s.site.power_price_escalation_pct_per_year,
            power_step0: grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0),
            deterministic,
            hourly: site_prices.map(|h| HourlyFleet {
                profile: h.shared_profile(),
                energy_per_it_mw: m.pue * uptime * HOURS_PER_MONTH,
                lines,
                inverse_energy_per_th,
                demand_response_per_mwh,
                shutdown: m.shutdown_when_unprofitable,
                table_lane: m.shutdown_when_unprofitable && demand_response_per_mwh >= 0.0,
            }),
        };

        // The AI pathways' fleet flows: the model's own mining run (f × the whole fleet) and
        // its sale at conversion, from the model's hashprice path. Taken from the model's
        // mining run, not from this fast path's, so that any difference between the two shows
        // in the zero-volatility test.
        let fleet_share_npv: f64 = model
            .months
            .iter()
            .zip(&mining.runs.whole.months)
            .map(|(c, mm)| {
                c.discount_fleet
                    * (mm.revenue_usd + mm.curtailment_credit_usd + mm.sell_back_usd + mm.demand_response_usd
                        - mm.power_cost_usd
                        - mm.opex_usd
                        - mm.capex_usd
                        + mm.resale_usd)
            })
            .sum();
        let conversion_sale_npv: f64 = model
            .months
            .iter()
            .zip(&mining.btc.months)
            .map(|(c, b)| c.conversion_sale_per_hashprice * b.hashprice_usd_per_ph_day)
            .sum();
        if let Some(source) = std::sync::Arc::get_mut(&mut model.source) {
            source.ai_fleet_npv = fleet_share_npv + conversion_sale_npv;
        }
        model
    }

    /// r, the monthly step of a path's power price over the scenario's: exactly 1 at the
    /// scenario's escalation.
    fn power_step(&self, escalation_pct: f64) -> f64 {
        if escalation_pct == self.power_escalation_pct {
            1.0
        } else {
            grow(1.0, escalation_pct, 1.0) / self.power_step0
        }
    }

    /// The AI pathways' pieces for a construction delay (at most [`super::MAX_DELAY_MONTHS`]).
    fn variant(&self, delay: u32) -> &AiVariant {
        let slot = (delay as usize).min(self.variants.len() - 1);
        self.variants[slot].get_or_init(|| AiVariant::new(&self.source, &self.months, slot as u32))
    }

    /// The deterministic NPVs of the scenario's own path.
    pub fn deterministic_npvs(&self) -> PerPathway<f64> {
        self.deterministic
    }

    /// Months of the horizon (the length a price path must have).
    pub fn horizon_months(&self) -> usize {
        self.months.len()
    }

    /// The NPVs of one path: BTC prices for every month
    /// (`prices.len()` = horizon months; missing months count as no price), a yearly network
    /// hashrate growth and a yearly GPU rent decline, %.
    pub fn path_npvs(&self, prices: &[f64], hashrate_growth_pct: f64, gpu_decline_pct: f64) -> PerPathway<f64> {
        let draw = PathDraw {
            hashrate_growth_pct,
            gpu_decline_pct,
            capex_factor: 1.0,
            occupancy_pct: self.occupancy_pct,
            default_month: None,
            utilization_pct: self.utilization_pct,
            fees_factor: 1.0,
            renewal_factor: 1.0,
            delay_months: 0,
            power_escalation_pct: self.power_escalation_pct,
        };
        self.draw_npvs(prices, &draw)
    }

    /// The NPVs of one path with every draw of [`PathDraw`] (the project factors too).
    pub fn draw_npvs(&self, prices: &[f64], draw: &PathDraw) -> PerPathway<f64> {
        let (whole, share) = self.fleet_npvs(
            prices,
            draw.hashrate_growth_pct,
            draw.fees_factor,
            self.power_step(draw.power_escalation_pct),
        );
        self.npvs_of(whole, share, draw)
    }

    /// The three NPVs from the path's fleet flows and its other draws: the AI pathways' rest
    /// at the path's delay, plus what the GPU rent, the build cost, the occupancy, the rent
    /// after the first term and the default move (each exactly 0 at the scenario's own values).
    /// Colocation is bilinear in the occupancy ω and the after-term multiplier φ:
    /// NPV(ω, φ) = NPV(ω₀, 1) + (ω − ω₀) × slope + ω (φ − 1) × A, A the discounted after-term
    /// rent per point of occupancy.
    fn npvs_of(&self, whole: f64, share: f64, draw: &PathDraw) -> PerPathway<f64> {
        let v = self.variant(draw.delay_months);
        let gpu = decline_sum(&v.gpu_weight_by_age, draw.gpu_decline_pct) * (draw.utilization_pct / 100.0)
            + decline_sum(&v.gpu_contract_weight_by_age, draw.gpu_decline_pct);
        let overrun = draw.capex_factor - 1.0;
        let after_term = v.after_term_sums.last().copied().unwrap_or(0.0);
        let r = self.power_step(draw.power_escalation_pct);
        let (colocation_power, gpu_power) = if r == 1.0 {
            (0.0, 0.0)
        } else {
            (
                escalation_change(&v.colocation_power, r),
                escalation_change(&v.gpu_power, r),
            )
        };
        PerPathway {
            mining: whole,
            colocation: v.ai_rest_npv[0]
                + share
                + overrun * v.capex_slope[0]
                + (draw.occupancy_pct - self.occupancy_pct) * v.occupancy_slope
                + draw.occupancy_pct * ((draw.renewal_factor - 1.0) * after_term - colocation_power)
                + draw.default_month.map_or(0.0, |m| {
                    self.default_change(v, m, draw.occupancy_pct, draw.renewal_factor, r)
                }),
            gpu_cloud: v.ai_rest_npv[1] + share + gpu + overrun * v.capex_slope[1] - gpu_power,
        }
    }

    /// What the tenant's default in month `t` changes in colocation's NPV at occupancy ω %
    /// and after-term multiplier φ ([`crate::colocation::TenantDefault`]): the rent of the
    /// vacancy [t, t + V) lost and its tenant power saved, and the rent after it scaled by the
    /// re-let ratio μ: ω × (−(R[t+V] − R[t]) + (P[t+V] − P[t]) + (μ − 1)(R[N] − R[t+V])), R =
    /// F + φ A and P the running sums per percentage point (first-term rent F, after-term A).
    ///
    /// With the power price stepping r a month faster, the vacancy saves Σ (λₘ − 1) × the
    /// escalating power of its months more (λₘ = rᵐ).
    fn default_change(&self, v: &AiVariant, t: u32, occupancy_pct: f64, renewal: f64, r: f64) -> f64 {
        let n = v.first_term_sums.len().saturating_sub(1);
        let at = |i: u64| i.min(n as u64) as usize;
        let (from, relet) = (at(u64::from(t)), at(u64::from(t) + u64::from(self.vacancy_months)));
        let rent = |i: usize| match (v.first_term_sums.get(i), v.after_term_sums.get(i)) {
            (Some(f), Some(a)) => Some(f + renewal * a),
            _ => None,
        };
        let p = &v.power_sums;
        let (Some(r_from), Some(r_relet), Some(r_end), Some(&p_from), Some(&p_relet)) =
            (rent(from), rent(relet), rent(n), p.get(from), p.get(relet))
        else {
            return 0.0;
        };
        let vacancy_power = if r == 1.0 {
            0.0
        } else {
            let mut lambda = r.powi(from.min(i32::MAX as usize) as i32);
            let mut sum = 0.0;
            for b in v.colocation_power.get(from..relet).unwrap_or(&[]) {
                sum += (lambda - 1.0) * b;
                lambda *= r;
            }
            sum
        };
        occupancy_pct
            * (-(r_relet - r_from) + (p_relet - p_from) + vacancy_power + (self.relet_ratio - 1.0) * (r_end - r_relet))
    }

    /// Discounted net cash flow of the whole fleet, and of the AI pathways' fleet (its
    /// fraction, and its share sold at conversion).
    ///
    /// Per month, as [`crate::mining::simulate`] with f = 1: hashprice = blocks/day ×
    /// (subsidy + fees) × price ÷ (hashrate × 1000); revenue per TH/s = hashprice ÷ 1000 ×
    /// hashing share × 30.4375 × (1 − pool fee); a line runs unless (with
    /// `shutdownWhenUnprofitable`) its revenue is below its power cost, i.e. unless revenue per
    /// TH/s < J/TH ÷ 10⁶ × power per IT MW; net = revenue − power + credit of the running lines
    /// − fixed opex − refresh capex. A month where every line runs, or all but the few least
    /// efficient, takes a comparison or two and one multiply-add ([`Tier`]). The hashrate
    /// grows at `hashrate_growth_pct` (its reciprocal carried by multiplication), or follows
    /// the path's revenue under the economic model ([`crate::network::Stepper`]). The exit
    /// follows the months the whole fleet is off: a mothballed month pays its share of the
    /// fixed opex; a closed site sells its fleet in the month after the trigger and has no cash
    /// flow after it. The whole fleet's run and the AI pathways' run (f × it) close together:
    /// they are off in the same months while any of the AI pathways' fleet is left.
    fn fleet_npvs(&self, prices: &[f64], hashrate_growth_pct: f64, fees: f64, power_step: f64) -> (f64, f64) {
        let mut path = PathState::new(self.hashrate0_ehs, hashrate_growth_pct, fees, power_step);
        for (i, c) in self.months.iter().enumerate() {
            // Months beyond the prices given have no price (not a case the analysis produces).
            self.fleet_month(c, prices.get(i).copied().unwrap_or(0.0), &mut path);
        }
        (path.whole, path.share)
    }

    /// The NPVs of a batch of paths: `prices` holds each path's months one path after the
    /// other (`prices[p × horizon + m]`), `draws` each path's other draws; `out` receives one
    /// entry per path. Equal, path by path, to [`RiskModel::draw_npvs`], but evaluated
    /// month-major: every path of the batch through
    /// one month before the next, so that the month's hourly look-ups share the nearest cache
    /// and the paths' independent work overlaps.
    pub fn batch_npvs(&self, prices: &[f64], draws: &[PathDraw], out: &mut [PerPathway<f64>]) {
        self.batch_with_hashprices(prices, draws, out, &mut []);
    }

    /// [`RiskModel::batch_npvs`], and the hashprice at the last month of each model year into
    /// `hashprices` (`[p × years + y]`; left alone where it is too short).
    fn batch_with_hashprices(
        &self,
        prices: &[f64],
        draws: &[PathDraw],
        out: &mut [PerPathway<f64>],
        hashprices: &mut [f32],
    ) {
        let horizon = self.months.len();
        let years = horizon / 12;
        let record = hashprices.len() >= draws.len() * years;
        let mut paths: Vec<PathState> = draws
            .iter()
            .map(|d| {
                PathState::new(
                    self.hashrate0_ehs,
                    d.hashrate_growth_pct,
                    d.fees_factor,
                    self.power_step(d.power_escalation_pct),
                )
            })
            .collect();
        for (i, c) in self.months.iter().enumerate() {
            let year_end = record && i % 12 == 11;
            for (p, path) in paths.iter_mut().enumerate() {
                let price = prices.get(p * horizon + i).copied().unwrap_or(0.0);
                if year_end {
                    if let Some(slot) = hashprices.get_mut(p * years + i / 12) {
                        *slot = path.hashprice(c, price) as f32;
                    }
                }
                self.fleet_month(c, price, path);
            }
        }
        for ((path, draw), out) in paths.iter().zip(draws).zip(out) {
            *out = self.npvs_of(path.whole, path.share, draw);
        }
    }

    /// One month of one path (see [`RiskModel::fleet_npvs`]).
    #[inline(always)]
    fn fleet_month(&self, c: &MonthConstants, price: f64, path: &mut PathState) {
        if path.closed {
            // The site is gone; the network goes on (the hashprice fan follows it).
            self.advance_network(c, price, path);
            return;
        }
        let (hashrate, inverse_hashrate) = (path.hashrate, path.inverse_hashrate);
        let coins_per_day = c.subsidy_coins + path.fees * c.fee_coins;
        let revenue_per_th = price * inverse_hashrate * (c.revenue_subsidy + path.fees * c.revenue_fees);
        let hashprice = || {
            if hashrate > 0.0 {
                coins_per_day * price * inverse_hashrate * (1.0 / 1000.0)
            } else {
                0.0
            }
        };
        if c.conversion_sale_per_hashprice != 0.0 {
            path.share += c.conversion_sale_per_hashprice * hashprice();
        }
        if self.exit == MiningExit::Close && path.off_streak >= self.exit_after {
            // Closed after the trigger: the fleet left is sold, nothing else from now on.
            let sale = c.resale_per_hashprice * hashprice();
            path.whole += c.discount * sale;
            path.share += c.discount_fleet * sale;
            path.closed = true;
            self.advance_network(c, price, path);
            return;
        }
        // λ: every power price of the month times λ (the negative hours' excepted: they do not
        // escalate), the other costs as they were. λ = 1 leaves every expression as it was.
        let lambda = path.power;
        let (fully_off, mut net) = match (&self.hourly, &c.hourly) {
            (Some(h), Some(month)) => {
                let fixed = if lambda == 1.0 {
                    c.fixed_usd
                } else {
                    c.fixed_usd + (lambda - 1.0) * c.fixed_power_usd
                };
                match self.hourly_net_by_table(h, c, month, lambda, path.inverse_power, revenue_per_th, fixed) {
                    Some(answer) => answer,
                    None if lambda == 1.0 => self.hourly_net(h, c, month, revenue_per_th, fixed),
                    None => {
                        let scaled = month.scaled(lambda, path.inverse_power, h.demand_response_per_mwh);
                        self.hourly_net(h, c, &scaled, revenue_per_th, fixed)
                    }
                }
            }
            _ => {
                let fully_off = revenue_per_th < c.all_off_below * lambda;
                let net = match c.tiers[..c.tier_count]
                    .iter()
                    .find(|t| revenue_per_th >= t.from_revenue_per_th * lambda)
                {
                    Some(t) => revenue_per_th * t.ths - t.cost_usd - (lambda - 1.0) * t.power_usd,
                    None => {
                        self.partly_running(c, revenue_per_th, lambda)
                            - c.fixed_usd
                            - (lambda - 1.0) * c.fixed_power_usd
                    }
                };
                (fully_off, net)
            }
        };
        if fully_off && self.exit == MiningExit::Mothball && path.off_streak >= self.exit_after {
            net += c.opex_usd * (1.0 - self.mothball_share);
        }
        path.off_streak = if fully_off { path.off_streak + 1 } else { 0 };
        path.whole += c.discount * net;
        path.share += c.discount_fleet * net;
        self.advance_network(c, price, path);
    }

    /// The network's hashrate of the next month, and the power price's factor.
    #[inline(always)]
    fn advance_network(&self, c: &MonthConstants, price: f64, path: &mut PathState) {
        match self.economic {
            // As network::Stepper::next, with the month's 1 ÷ (24 e p) precomputed.
            Some((close, max_step)) => {
                let target = (c.subsidy_coins + path.fees * c.fee_coins) * price * c.equilibrium_per_revenue;
                path.hashrate = crate::network::step(path.hashrate, target, close, max_step);
                path.inverse_hashrate = if path.hashrate > 0.0 { 1.0 / path.hashrate } else { 0.0 };
            }
            // The reciprocal alone is carried; `hashrate` keeps month 0's (only its sign is read).
            None => path.inverse_hashrate *= path.inverse_step,
        }
        path.power *= path.power_step;
        path.inverse_power *= path.inverse_power_step;
    }

    /// Under hourly prices, whether the whole fleet is off and the month's net cash flow, as
    /// [`crate::mining::simulate`]: each efficiency group (most efficient first) earns r per
    /// TH/s at full load and runs the n of the month's N hours priced below its revenue per
    /// MWh, r ÷ (J/TH ÷ 10⁶ × PUE × uptime × 730.5); it earns n ÷ N of its revenue and pays
    /// its energy × the sum of those hours' prices ÷ N. A group that runs no hour leaves every
    /// less efficient one off. Then demand response per MWh drawn and the fixed costs (the
    /// transmission charge kept and a contract's settlement among them). The months that
    /// [`RiskModel::hourly_net_by_table`] does not answer: out of line, so that the common
    /// month's loop stays small.
    #[inline(never)]
    fn hourly_net(
        &self,
        h: &HourlyFleet,
        c: &MonthConstants,
        month: &HourlyMonth,
        revenue_per_th: f64,
        fixed: f64,
    ) -> (bool, f64) {
        let Some(prices) = h.profile.months.get(month.slot) else {
            return (true, -fixed);
        };
        let map = month.map;
        let priced = crate::power::PricedMonth {
            prices,
            map,
            low: month.low,
        };
        let groups = &self.groups[usize::from(c.refreshed)];
        let (mut net, mut energy) = (0.0, 0.0);
        let (mut previous_ths, mut previous_it) = (0.0, 0.0);
        let mut any = false;
        let inverse_energy = &h.inverse_energy_per_th[usize::from(c.refreshed)];
        for (g, &per_th) in groups.iter().zip(inverse_energy) {
            let (ths, it_mw) = (g.cumulative_ths - previous_ths, g.cumulative_it_mw - previous_it);
            previous_ths = g.cumulative_ths;
            previous_it = g.cumulative_it_mw;
            let line_energy = it_mw * h.energy_per_it_mw;
            let per_mwh = if h.shutdown {
                revenue_per_th * per_th + h.demand_response_per_mwh
            } else {
                f64::INFINITY
            };
            // A threshold above 0 takes the whole lower piece and looks the upper one up by
            // the cent ([`crate::power::PricedMonth::below`], one multiplication instead of its
            // division); anything else is searched there.
            let counted = if per_mwh > 0.0 && month.cents_per_usd > 0.0 {
                prices.count_below_cents((per_mwh - map.a) * month.cents_per_usd)
            } else {
                None
            };
            let (n, sum) = match counted {
                Some(n) => {
                    let n = n.max(month.low.0);
                    (n, n as f64 * map.a + map.c * prices.sum_cheapest(n) + month.cost_offset)
                }
                None => priced.below(per_mwh),
            };
            if n == 0 {
                if h.shutdown {
                    break;
                }
                continue;
            }
            any = true;
            let share = n as f64 * month.per_hour;
            net += revenue_per_th * ths * share - line_energy * sum * month.per_hour;
            energy += line_energy * share;
        }
        net += energy * h.demand_response_per_mwh - fixed;
        (!any && !groups.is_empty(), net)
    }

    /// [`RiskModel::hourly_net`] for the common month: lines that shut down when they do
    /// not cover their power, a price map with c > 0, a positive revenue and a count table
    /// that reaches every line's threshold. Each line is one look-up of n, its hours, and
    /// Sₙ, their profile sum; the month is then one expression:
    /// net = (r Σ n ths + Σ E (n (DR − a) − c Sₙ − offset)) ÷ N − fixed, E a line's MWh at
    /// full load (the hours' mapped sum is n a + c Sₙ + offset, [`HourlyMonth`]), with the
    /// month's escalating prices times λ (`inverse` = 1 ÷ λ) as [`HourlyMonth::scaled`]
    /// computes them. `None` where the general loop must answer.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn hourly_net_by_table(
        &self,
        h: &HourlyFleet,
        c: &MonthConstants,
        month: &HourlyMonth,
        lambda: f64,
        inverse: f64,
        revenue_per_th: f64,
        fixed: f64,
    ) -> Option<(bool, f64)> {
        if !(h.table_lane && month.cents_per_usd > 0.0 && revenue_per_th > 0.0) {
            return None;
        }
        let table = h.profile.months.get(month.slot)?.table()?;
        // λ = 1 reads the month's own constants (bit for bit what the general loop would).
        let (cents_per_usd, dr_cents, dr_minus_a, map_c, cost_offset) = if lambda == 1.0 {
            (
                month.cents_per_usd,
                month.dr_cents,
                month.dr_minus_a,
                month.map.c,
                month.cost_offset,
            )
        } else {
            let e = month.escalated(lambda, inverse, h.demand_response_per_mwh);
            (e.cents_per_usd, e.dr_cents, e.dr_minus_a, e.c, e.cost_offset)
        };
        // As the general loop, which the scaled month's cents ≤ 0 (or NaN) sends there.
        if cents_per_usd.is_nan() || cents_per_usd <= 0.0 {
            return None;
        }
        let n_low = month.low.0 as u32;
        let scaled = revenue_per_th * cents_per_usd;
        let (mut ths_hours, mut costs) = (0.0, 0.0);
        let mut any = false;
        for g in &h.lines[usize::from(c.refreshed)] {
            let n = table.count_below_cents(scaled * g.per_th + dr_cents)?.max(n_low);
            if n == 0 {
                break;
            }
            any = true;
            let n_f = f64::from(n);
            ths_hours += n_f * g.ths;
            costs += g.energy_mwh * (n_f * dr_minus_a - map_c * table.sum_cheapest(n) - cost_offset);
        }
        let groups = &self.groups[usize::from(c.refreshed)];
        Some((
            !any && !groups.is_empty(),
            (revenue_per_th * ths_hours + costs) * month.per_hour - fixed,
        ))
    }

    /// Revenue − power + credit of the lines that cover their power, in a month where none of
    /// the month's tiers runs: the groups below them, searched from the top (a fleet of more
    /// than [`TIERS`] efficiency groups; otherwise nothing runs).
    fn partly_running(&self, c: &MonthConstants, revenue_per_th: f64, lambda: f64) -> f64 {
        let groups = &self.groups[usize::from(c.refreshed)];
        let mut running = groups.len().saturating_sub(c.tier_count);
        while running > 0
            && groups
                .get(running - 1)
                .is_some_and(|g| revenue_per_th < g.mw_per_th * c.power_per_it_mw * lambda)
        {
            running -= 1;
        }
        match running.checked_sub(1).and_then(|i| groups.get(i)) {
            Some(g) => {
                revenue_per_th * g.cumulative_ths
                    - (c.power_per_it_mw * lambda - self.credit_per_it_mw) * g.cumulative_it_mw
            }
            None => 0.0,
        }
    }
}

/// Wₐ = Σ over months m whose GPU rent is `a` months old of discount(m) × revenue at zero
/// decline(m) × (1 − opex % of revenue), following [`crate::gpu_cloud`]: the rent of a GPU
/// generation is rent₀ × (1 − d)^(age/12), age = operating month mod useful life. Returns the
/// market hours' weights (at full utilisation) and, with `recontractAtMarket`, the weights of
/// the terms contracted again at the market rent of their first month: a term that starts at
/// operating month k₀ bills rent₀ × (1 − d)^((k₀ mod life)/12) for all its months, in full.
fn gpu_weights(
    s: &Scenario,
    capex: &CapexStage,
    timeline: &Timeline,
    months: &[MonthConstants],
) -> (Vec<f64>, Vec<f64>) {
    if months.is_empty() || capex.site.gpus == 0 {
        return (Vec::new(), Vec::new());
    }
    let g = &s.gpu_cloud;
    let mut flat = s.clone();
    flat.gpu_cloud.rent_decline_pct_per_year = 0.0;
    // Only the hours sold at the market, and the terms re-contracted at it, move with the
    // rent's decline: the first term's contracted GPUs (billed at a fixed rate) and the
    // prepayment are left in the rest of the pathway's NPV, so they are priced at 0 here.
    flat.gpu_cloud.contract_rate_usd_per_gpu_hour = 0.0;
    flat.gpu_cloud.contract_prepayment_pct = 0.0;
    // At full utilisation: the hours sold are proportional to it, so a path's utilisation u
    // scales the market weights by u ÷ 100 ([`RiskModel::npvs_of`]).
    flat.gpu_cloud.utilization_pct = 100.0;
    let mut revenue: Vec<AiMonth> = Vec::new();
    crate::gpu_cloud::simulate_into(&flat, &capex.site, capex.totals.gpu_cloud_usd, &mut revenue);
    // The re-contracted terms alone: with no hours sold at the market (utilisation 0) what is
    // left is the contracted GPUs billed at the rent of each term's first month.
    let term = g.contract_term_months;
    let recontracts = g.recontract_at_market && term > 0 && g.contract_share_pct > 0.0;
    let mut contracted: Vec<AiMonth> = Vec::new();
    if recontracts {
        flat.gpu_cloud.utilization_pct = 0.0;
        crate::gpu_cloud::simulate_into(&flat, &capex.site, capex.totals.gpu_cloud_usd, &mut contracted);
    }
    let life = g.useful_life_years.max(1).saturating_mul(12);
    let keep = 1.0 - g.opex_pct_of_revenue / 100.0;
    let mut weights = vec![0.0; life as usize];
    let mut contract_weights = vec![0.0; if recontracts { life as usize } else { 0 }];
    for (m, (c, a)) in months.iter().zip(&revenue).enumerate() {
        if let Some(k) = timeline.first().operating_month(m as u32) {
            if k / life > 0 && g.end_of_life == GpuEnd::Retire {
                continue;
            }
            let in_terms = contracted.get(m).map_or(0.0, |t| t.revenue_usd);
            if let Some(w) = weights.get_mut((k % life) as usize) {
                *w += c.discount * (a.revenue_usd - in_terms) * keep;
            }
            if recontracts {
                let set_at = (k - k % term) % life;
                if let Some(w) = contract_weights.get_mut(set_at as usize) {
                    *w += c.discount * in_terms * keep;
                }
            }
        }
    }
    for w in [&mut weights, &mut contract_weights] {
        while w.last() == Some(&0.0) {
            w.pop();
        }
    }
    (weights, contract_weights)
}

impl PathNpvs for RiskModel {
    fn npvs(&mut self, prices: &[f64], draw: &PathDraw, hashprice: &mut [f32]) -> PerPathway<f64> {
        let mut out = [PerPathway::default()];
        self.batch_with_hashprices(prices, std::slice::from_ref(draw), &mut out, hashprice);
        out[0]
    }

    fn batch(&mut self, prices: &[f64], draws: &[PathDraw], out: &mut [PerPathway<f64>], hashprices: &mut [f32]) {
        self.batch_with_hashprices(prices, draws, out, hashprices);
    }
}

/// The whole model per path: a bitcoin projection carrying the path's prices and hashrates,
/// both fleet runs, the AI pathways and the finance, tax included.
pub(super) struct FullModel {
    scenario: Scenario,
    /// The scenario's fees per block and each phase's build months, which a path's draws scale
    /// and lengthen.
    fees_btc_per_block: f64,
    build_months: Vec<u32>,
    btc: BitcoinReport,
    capex: CapexStage,
    buf: Buffers,
}

impl Clone for FullModel {
    /// The same model with buffers of its own (a thread's copy).
    fn clone(&self) -> FullModel {
        FullModel {
            scenario: self.scenario.clone(),
            fees_btc_per_block: self.fees_btc_per_block,
            build_months: self.build_months.clone(),
            btc: self.btc.clone(),
            capex: self.capex.clone(),
            buf: Buffers::default(),
        }
    }
}

impl FullModel {
    pub(super) fn new(s: &Scenario) -> FullModel {
        FullModel {
            scenario: s.clone(),
            fees_btc_per_block: s.bitcoin.fees_btc_per_block,
            build_months: s.retrofit.phases.iter().map(|p| p.build_months).collect(),
            btc: crate::bitcoin::project(s),
            capex: CapexStage::new(s),
            buf: Buffers::default(),
        }
    }
}

impl PathNpvs for FullModel {
    fn npvs(&mut self, prices: &[f64], draw: &PathDraw, hashprice: &mut [f32]) -> PerPathway<f64> {
        let s = &mut self.scenario;
        s.bitcoin.network_hashrate_growth_pct_per_year = draw.hashrate_growth_pct;
        s.bitcoin.fees_btc_per_block = self.fees_btc_per_block * draw.fees_factor;
        s.gpu_cloud.rent_decline_pct_per_year = draw.gpu_decline_pct;
        s.colocation.occupancy_pct = draw.occupancy_pct;
        s.gpu_cloud.utilization_pct = draw.utilization_pct;
        s.site.power_price_escalation_pct_per_year = draw.power_escalation_pct;
        for (phase, &months) in s.retrofit.phases.iter_mut().zip(&self.build_months) {
            phase.build_months = months.saturating_add(draw.delay_months);
        }
        let s = &self.scenario;
        crate::bitcoin::project_prices_into(s, crate::bitcoin::Prices::Given(prices), &mut self.btc);
        let runs = FleetRuns::new(s, &self.btc.months);
        let c = &s.colocation;
        let adjust = Adjust {
            capex_factor: draw.capex_factor,
            tenant_default: draw.default_month.map(|month| crate::colocation::TenantDefault {
                month,
                vacancy_months: c.relet_vacancy_months,
                relet_ratio: c.relet_rent_pct / 100.0,
            }),
            after_term_rent_factor: draw.renewal_factor,
        };
        for (y, slot) in hashprice.iter_mut().enumerate() {
            if let Some(b) = self.btc.months.get(y * 12 + 11) {
                *slot = b.hashprice_usd_per_ph_day as f32;
            }
        }
        npvs_with(s, &runs, &self.capex, adjust, &mut self.buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bitcoin::hashprice_usd_per_ph_day;

    #[test]
    fn fast_fleet_flow_matches_the_mining_module_on_a_rough_path() {
        use crate::scenario::{PowerPricing, PowerSupply};
        for (pricing, supply, sell_back) in [
            (PowerPricing::Flat, PowerSupply::Index, true),
            (PowerPricing::Hourly, PowerSupply::Index, true),
            (PowerPricing::Hourly, PowerSupply::Ppa, true),
            (PowerPricing::Hourly, PowerSupply::Ppa, false),
            (PowerPricing::Flat, PowerSupply::Ppa, false),
        ] {
            let mut s = Scenario::default();
            s.power.pricing = pricing;
            s.power.supply = supply;
            s.power.ppa_sell_back = sell_back;
            s.power.ppa_volume_pct = 80.0;
            s.mining
                .fleet
                .push(crate::scenario::FleetLine::new("old", 2_000, 100.0, 38.0));
            fast_fleet_flow_matches(s);
        }
    }

    fn fast_fleet_flow_matches(mut s: Scenario) {
        // A path that rises and crashes, so that lines switch off and on: the fast path's
        // whole-fleet NPV must equal mining::simulate on the same prices.
        s.bitcoin.hashrate_model = HashrateModel::FixedGrowth;
        s.mining.exit = MiningExit::Mothball;
        s.mining.exit_after_months_off = 2;
        s.mining.refresh.enabled = true;
        s.mining.curtailment_credit_usd_per_mwh = 40.0;
        let model = RiskModel::new(&s);
        let months = s.months() as usize;
        let prices: Vec<f64> = (0..months)
            .map(|m| 78_000.0 * (1.0 + 0.8 * ((m as f64) / 7.0).sin()) * 0.97f64.powi(m as i32 / 6))
            .collect();
        let growth = 35.0;
        let mut btc = crate::bitcoin::project(&s);
        let mut hashrate = s.bitcoin.network_hashrate_ehs;
        let step = grow(1.0, growth, 1.0);
        for (b, &p) in btc.months.iter_mut().zip(&prices) {
            b.btc_price_usd = p;
            b.network_hashrate_ehs = hashrate;
            b.hashprice_usd_per_ph_day =
                hashprice_usd_per_ph_day(144.0, b.subsidy_btc, b.fees_btc_per_block, p, hashrate);
            hashrate *= step;
        }
        let run = crate::mining::simulate(&s, &btc.months, &|_| 1.0);
        assert!(run.months_partly_off > 0 && run.months_partly_off < months as u32);
        let net: Vec<f64> = run
            .months
            .iter()
            .map(|m| {
                m.revenue_usd + m.curtailment_credit_usd + m.sell_back_usd + m.demand_response_usd
                    - m.power_cost_usd
                    - m.opex_usd
                    - m.capex_usd
            })
            .collect();
        let expected = crate::finance::npv(s.finance.discount_rate_pct, &net);
        let (whole, _) = model.fleet_npvs(&prices, growth, 1.0, 1.0);
        assert!(
            (whole - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "{:?} {:?}: {whole} vs {expected}",
            s.power.pricing,
            s.power.supply
        );
    }
}
