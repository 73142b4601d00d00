//! Monte Carlo risk: how the three pathways' NPVs spread when the BTC price, the network
//! hashrate and GPU rents do not follow the scenario's single path. (Issue 8; MODEL.md
//! "Answers: Risk".)
//!
//! # What is drawn, per path
//!
//! - **BTC price**, a log-normal path with monthly steps (geometric Brownian motion sampled
//!   monthly). With `g` the scenario's `btcPriceGrowthPctPerYear`, σ = `btcVolatilityPct`/100
//!   per year, σₘ = σ/√12 and zₖ independent standard normals:
//!
//!   ```text
//!   P₀ = btcPriceUsd
//!   Pₘ = Pₘ₋₁ × (1 + g)^(1/12) × exp(−σₘ²/2 + σₘ zₘ)        m = 1 … M−1
//!   ```
//!
//!   The −σₘ²/2 term makes the drift exact in expectation: E[Pₘ] = P₀ (1 + g)^(m/12), the
//!   scenario's deterministic path (the median path lies below it, by exp(−σ² m/24)).
//! - **Network hashrate growth**, one yearly rate per path: g_H ~ Normal(scenario growth,
//!   `hashrateGrowthSdPct`), clamped to the scenario's allowed range −90 … 300 %/yr; the
//!   hashrate then grows continuously at g_H as in the deterministic model. It is drawn
//!   independently of the price: in reality hashrate follows price with a lag, so independent
//!   draws widen mining's spread somewhat (a conservative reading for the status quo).
//! - **GPU rent decline**, one yearly rate per path: d ~ Normal(`rentDeclinePctPerYear`,
//!   `gpuRentDeclineSdPct`), clamped to −50 … 99 %/yr.
//!
//! Fees, power prices, lease rates and everything else keep their scenario values. Each
//! path uses the same draws for all three pathways, so "colocation beats mining" is a paired
//! comparison on the same market. The draw order per path is fixed (z_H, z_GPU, then the
//! M−1 price shocks) and does not depend on the volatilities: the same seed gives the same
//! shocks, so two runs that differ only in an option are compared on the same random numbers.
//!
//! # Reproducibility
//!
//! [`Generator`] is PCG-64 (MCG variant, `rand_pcg`) seeded with `seed` through
//! `SeedableRng::seed_from_u64`; normals come from `rand_distr`'s ziggurat. The same seed,
//! options and scenario give bit-identical output on the same platform. Native and wasm
//! builds may differ in the last digits (their `exp`/`ln` implementations differ by an ulp).
//!
//! # Speed: the fast path
//!
//! A path must cost a few µs (10,000 paths in ≤ 50 ms natively), so [`RiskModel`] does not
//! rebuild the model per path. Everything that does not depend on the draws is computed once:
//! discount factors, the fleet fraction of the AI pathways, subsidies and fees, the power
//! price path, the fleet's efficiency groups, and each AI pathway's cash flows other than
//! mining and GPU rent. Per path it computes only:
//!
//! 1. the whole fleet's net mining cash flow month by month, exactly as [`crate::mining`]
//!    does (hashprice from the path's price and hashrate; lines switched off when their
//!    revenue is below their power cost). An AI pathway's mining flow is the fleet fraction
//!    f(m) times that flow: revenue, power, curtailment credit, opex and refresh capex are all
//!    proportional to f, and the shutdown test (revenue < power) does not depend on it;
//! 2. the GPU revenue under the drawn decline, `Σₐ Wₐ qᵃ` with q = (1 − d)^(1/12) and Wₐ the
//!    discounted revenue earned at rent age a months (after the revenue-linked opex);
//! 3. the NPVs as dot products with the discount factors.
//!
//! With `finance.taxEnabled` the cash flows are no longer linear in those pieces (losses carry
//! forward), so each path runs the full model instead ([`RiskMethod::FullModel`]): correct,
//! about an order of magnitude slower. `tests/risk.rs` checks the fast path against the full
//! model path by path, and that with zero volatility and zero spreads every percentile equals
//! the deterministic NPV.

use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bitcoin::hashprice_usd_per_ph_day;
use crate::calendar::{grow, DAYS_PER_MONTH, HOURS_PER_MONTH};
use crate::colocation::AiMonth;
use crate::finance::monthly_rate;
use crate::model::{npvs_with, Adjust, Buffers, CapexStage, FleetRuns, MiningStage, Timeline};
use crate::report::{BitcoinReport, PathwayId};
use crate::scenario::{GpuEnd, Scenario};
use crate::sources::{SourceKind, StaticSource};
use crate::validate::{ErrorCode, ValidationError};

/// Most paths one call may ask for: 100,000 paths take ~0.5 s natively on the fast path.
pub const MAX_PATHS: u32 = 100_000;
/// Fewest paths: P10 and P90 then each rest on at least ten paths.
pub const MIN_PATHS: u32 = 100;
/// Largest seed: JavaScript numbers are exact integers only up to 2⁵³ − 1, and the seed must
/// survive the trip through JSON and the page unchanged.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Most histogram bins.
pub const MAX_HISTOGRAM_BINS: u32 = 200;

/// Drawn hashrate growth is kept inside the scenario's own allowed range, %/yr.
const HASHRATE_GROWTH_RANGE: (f64, f64) = (-90.0, 300.0);
/// Drawn GPU rent decline is kept inside the scenario's own allowed range, %/yr (100 % would
/// make the rent zero at once; more, negative).
const GPU_DECLINE_RANGE: (f64, f64) = (-50.0, 99.0);

/// Options of the Monte Carlo run. Every field may be left out and takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct RiskOptions {
    /// Number of simulated paths, 100–100,000 (default 10,000).
    pub paths: u32,
    /// Seed of the random generator, 0 – 9,007,199,254,740,991 (2⁵³ − 1): the same seed
    /// gives the same paths (default 42).
    pub seed: u64,
    /// Annual volatility of the BTC price (standard deviation of the yearly log return), %,
    /// 0–200. Default 50: an estimate from Glassnode's realised volatility, which ran at
    /// 40–55 % in 2023–24 and averaged about 50 % (one-month, annualised) into 2025.
    pub btc_volatility_pct: f64,
    /// Standard deviation of the yearly network hashrate growth drawn for each path,
    /// percentage points, 0–100. Default 15: an estimate, so that the growth's ±1.65 σ band
    /// around the 25 %/yr default spans the 0–50 %/yr range observed 2023–26 (DATA.md).
    pub hashrate_growth_sd_pct: f64,
    /// Standard deviation of the yearly GPU rent decline drawn for each path, percentage
    /// points, 0–50. Default 10: an estimate; H100 rents fell ~43 %/yr Oct 2024–Oct 2025
    /// and then rose ~38 % (annualised) to Mar 2026, around the 28 %/yr default.
    pub gpu_rent_decline_sd_pct: f64,
    /// Bins of the NPV histogram, 1–200 (default 40), shared by the three pathways.
    pub histogram_bins: u32,
}

impl Default for RiskOptions {
    fn default() -> Self {
        RiskOptions {
            paths: 10_000,
            seed: 42,
            btc_volatility_pct: 50.0,
            hashrate_growth_sd_pct: 15.0,
            gpu_rent_decline_sd_pct: 10.0,
            histogram_bins: 40,
        }
    }
}

/// Where the options' defaults come from (shown beside the risk inputs).
pub const RISK_OPTION_SOURCES: &[StaticSource] = &[
    StaticSource {
        field: "btcVolatilityPct",
        source: "Glassnode realised volatility: 40–55 % over 2023–24 (Glassnode Week On-chain, 2024); one-month annualised average ~50 % (Glassnode via CoinDesk, 2025)",
        as_of: "2025-03",
        kind: SourceKind::Estimate,
    },
    StaticSource {
        field: "hashrateGrowthSdPct",
        source: "Estimate: network hashrate grew ~40–50 %/yr 2023–25 and was flat in H1 2026 (difficulty-derived, open-source trackers); ±1.65 σ of 15 pp spans 0–50 %/yr around 25 %",
        as_of: "2026-05",
        kind: SourceKind::Estimate,
    },
    StaticSource {
        field: "gpuRentDeclineSdPct",
        source: "Estimate: H100 rent index $2.99 (Oct 2024) → $1.70 (Oct 2025) → $2.35 (Mar 2026), yearly moves of −43 % to +38 % around the 28 %/yr default decline",
        as_of: "2026-03",
        kind: SourceKind::Estimate,
    },
];

/// How the paths were evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RiskMethod {
    /// Precomputed pieces and dot products (see the module docs): a few µs per path.
    Fast,
    /// The whole model per path; used when tax is enabled, and by the tests as a check.
    FullModel,
}

/// The Monte Carlo answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RiskReport {
    /// The options used (defaults filled in).
    pub options: RiskOptions,
    pub method: RiskMethod,
    /// One per pathway, in the order mining, colocation, gpuCloud.
    pub pathways: Vec<PathwayRisk>,
    /// NPV counts per pathway over shared bins.
    pub histogram: Histogram,
    /// The simulated BTC price at the last month of each model year.
    pub btc_price_fan: Vec<PriceBand>,
    /// What a reader should know about the run.
    pub notes: Vec<String>,
}

/// The NPV distribution of one pathway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PathwayRisk {
    pub id: PathwayId,
    pub label: String,
    /// NPV of the scenario's own single path (the report's `npvUsd`), USD.
    pub deterministic_npv_usd: f64,
    pub mean_npv_usd: f64,
    /// 10th percentile: 90 % of paths do better.
    pub p10_npv_usd: f64,
    pub p50_npv_usd: f64,
    pub p90_npv_usd: f64,
    pub min_npv_usd: f64,
    pub max_npv_usd: f64,
    /// Share of paths on which this pathway's NPV exceeds mining's on the same path, %;
    /// null for mining itself.
    pub probability_beats_mining_pct: Option<f64>,
    /// Percentiles of the pivot value, NPV − mining NPV on the same path, USD; null for mining.
    pub pivot_value_p10_usd: Option<f64>,
    pub pivot_value_p50_usd: Option<f64>,
    pub pivot_value_p90_usd: Option<f64>,
    /// Share of paths on which this pathway has the highest NPV of the three, % (a tie goes
    /// to the first in the order mining, colocation, gpuCloud).
    pub probability_best_pct: f64,
}

/// Counts of paths per NPV bin; the bins are shared by the pathways so the bars compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// `bins + 1` increasing edges, USD; bin i is [edge i, edge i+1), the last one closed.
    pub bin_edges_usd: Vec<f64>,
    pub series: Vec<HistogramSeries>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct HistogramSeries {
    pub id: PathwayId,
    /// Paths per bin; they sum to `options.paths`.
    pub counts: Vec<u32>,
}

/// The simulated BTC price at one month (a point of the fan chart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PriceBand {
    /// 1-based model year whose last month this is.
    pub year: u32,
    pub month_index: u32,
    /// `"YYYY-MM"`.
    pub month: String,
    /// The scenario's deterministic price, P₀ (1 + g)^(m/12), USD (= the expected price).
    pub deterministic_usd: f64,
    pub mean_usd: f64,
    pub p10_usd: f64,
    pub p50_usd: f64,
    pub p90_usd: f64,
}

/// The random generator of the Monte Carlo: PCG-64 (MCG variant, 128-bit state).
pub type Generator = rand_pcg::Pcg64Mcg;

/// The generator for a seed (`SeedableRng::seed_from_u64`, stable across platforms).
pub fn generator(seed: u64) -> Generator {
    Generator::seed_from_u64(seed)
}

/// Fills `out` with one BTC price path, month 0 to `out.len() − 1` (module docs):
/// `P₀ = price0`, `Pₘ = Pₘ₋₁ × (1 + g)^(1/12) × exp(−σₘ²/2 + σₘ z)`, σₘ = σ/√12, one
/// standard normal z per month after month 0. E[Pₘ] = price0 × (1 + g)^(m/12).
///
/// With zero volatility every factor exp(·) is exactly 1, so the path is the deterministic
/// one, computed as [`crate::bitcoin::project`] does (the same cumulative monthly factor).
///
/// ```
/// use minepivot::analysis::risk::{btc_price_path, generator};
/// let mut prices = [0.0; 13];
/// btc_price_path(&mut generator(7), 50_000.0, 21.0, 0.0, &mut prices);
/// // No volatility: 50,000 × 1.21^(12/12) = 60,500 after a year.
/// assert!((prices[12] - 60_500.0).abs() < 1e-6);
/// ```
pub fn btc_price_path(
    rng: &mut Generator,
    price0: f64,
    growth_pct_per_year: f64,
    volatility_pct: f64,
    out: &mut [f64],
) {
    let step = grow(1.0, growth_pct_per_year, 1.0);
    let sigma = volatility_pct / 100.0 / 12f64.sqrt();
    let drift = -0.5 * sigma * sigma;
    let mut price = price0;
    for (m, slot) in out.iter_mut().enumerate() {
        if m > 0 {
            let z: f64 = rng.sample(StandardNormal);
            price *= step * (drift + sigma * z).exp();
        }
        *slot = price;
    }
}

/// Draws one path's yearly network hashrate growth and GPU rent decline, % (module docs).
fn draw_rates(rng: &mut Generator, s: &Scenario, o: &RiskOptions) -> (f64, f64) {
    let z_hashrate: f64 = rng.sample(StandardNormal);
    let z_gpu: f64 = rng.sample(StandardNormal);
    let hashrate = s.bitcoin.network_hashrate_growth_pct_per_year + o.hashrate_growth_sd_pct * z_hashrate;
    let decline = s.gpu_cloud.rent_decline_pct_per_year + o.gpu_rent_decline_sd_pct * z_gpu;
    (
        hashrate.clamp(HASHRATE_GROWTH_RANGE.0, HASHRATE_GROWTH_RANGE.1),
        decline.clamp(GPU_DECLINE_RANGE.0, GPU_DECLINE_RANGE.1),
    )
}

/// Evaluates the three NPVs `[mining, colocation, gpuCloud]` of one drawn path.
trait PathNpvs {
    fn npvs(&mut self, prices: &[f64], hashrate_growth_pct: f64, gpu_decline_pct: f64) -> [f64; 3];
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
    lines.sort_by(|a, b| a.1.total_cmp(&b.1));
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
    subsidy_btc: f64,
    fees_btc: f64,
    /// Power cost per MW of ASIC IT load hashing all month: PUE × hashing share × 730.5 h × price.
    power_per_it_mw: f64,
    /// Fixed opex and refresh capex of the whole fleet, USD.
    fixed_usd: f64,
    /// Whether the fleet has been refreshed (the post-refresh efficiency groups apply).
    refreshed: bool,
}

/// The fast path: everything that does not depend on a path's draws, computed once for a
/// validated scenario without tax (see the module docs). Public so that tests and
/// benchmarks can evaluate single paths.
#[derive(Debug, Clone)]
pub struct RiskModel {
    months: Vec<MonthConstants>,
    blocks_per_day: f64,
    hashrate0_ehs: f64,
    /// Revenue per TH/s per USD of hashprice per PH-day: hashing share × 30.4375 × (1 − pool fee).
    hashing: f64,
    keep_after_pool: f64,
    credit_per_it_mw: f64,
    shutdown: bool,
    groups: [Vec<EfficiencyGroup>; 2],
    /// Discounted GPU revenue after revenue-linked opex, by rent age in months, at zero decline.
    gpu_weight_by_age: Vec<f64>,
    /// NPV of each AI pathway's flows other than mining and GPU revenue, USD.
    ai_rest_npv: [f64; 2],
    deterministic: [f64; 3],
}

impl RiskModel {
    /// Precomputes the fast path for a scenario that has passed validation.
    pub fn new(s: &Scenario) -> RiskModel {
        let mining = MiningStage::new(s);
        let capex = CapexStage::new(s);
        let deterministic = npvs_with(s, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default());
        RiskModel::from_stages(s, &mining, &capex, deterministic)
    }

    fn from_stages(s: &Scenario, mining: &MiningStage, capex: &CapexStage, deterministic: [f64; 3]) -> RiskModel {
        let m = &s.mining;
        let timeline = Timeline::new(s);
        let share = s.retrofit.converted_share_pct;
        let uptime = m.uptime_pct / 100.0;
        let curtailment = m.curtailment_pct / 100.0;
        let hashing = uptime * (1.0 - curtailment);
        let facility_mw = m.fleet_facility_mw();
        let total_ths: f64 = m.fleet.iter().map(|l| l.units as f64 * l.hashrate_ths).sum();
        let refresh_at = crate::mining::refresh_month(s);

        // Repeated multiplication, as finance::npv and mining::simulate do it.
        let v = 1.0 / (1.0 + monthly_rate(s.finance.discount_rate_pct));
        let power_step = grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0);
        let mut discount = 1.0;
        let mut power_price = s.site.power_price_usd_per_mwh;
        let mut months = Vec::with_capacity(s.months() as usize);
        for index in 0..s.months() {
            discount *= v;
            let (subsidy_btc, fees_btc) = mining
                .btc
                .months
                .get(index as usize)
                .map_or((0.0, 0.0), |b| (b.subsidy_btc, b.fees_btc_per_block));
            let refresh_capex = if refresh_at == Some(index) {
                m.refresh.capex_usd_per_th * total_ths
            } else {
                0.0
            };
            months.push(MonthConstants {
                discount,
                discount_fleet: discount * timeline.ai_fleet_fraction(share, index),
                subsidy_btc,
                fees_btc,
                power_per_it_mw: m.pue * hashing * HOURS_PER_MONTH * power_price,
                fixed_usd: m.fixed_opex_usd_per_mw_year * facility_mw / 12.0 + refresh_capex,
                refreshed: refresh_at.is_some_and(|r| index >= r),
            });
            power_price *= power_step;
        }

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
        let gpu_weight_by_age = gpu_weights(s, capex, &timeline, &months);

        let mut model = RiskModel {
            months,
            blocks_per_day: s.bitcoin.blocks_per_day,
            hashrate0_ehs: s.bitcoin.network_hashrate_ehs,
            hashing,
            keep_after_pool: 1.0 - m.pool_fee_pct / 100.0,
            credit_per_it_mw: m.pue * uptime * curtailment * HOURS_PER_MONTH * m.curtailment_credit_usd_per_mwh,
            shutdown: m.shutdown_when_unprofitable,
            groups: [efficiency_groups(lines(false)), efficiency_groups(lines(true))],
            gpu_weight_by_age,
            ai_rest_npv: [0.0; 2],
            deterministic,
        };

        // The AI pathways' flows other than mining and GPU rent: the model's own NPV minus
        // the model's own mining run (f × the whole fleet) and GPU revenue at the scenario's
        // decline. Taken from the model's mining run, not from this fast path's, so that any
        // difference between the two shows in the zero-volatility test.
        let fleet_share_npv: f64 = model
            .months
            .iter()
            .zip(&mining.runs.whole.months)
            .map(|(c, mm)| {
                c.discount_fleet
                    * (mm.revenue_usd + mm.curtailment_credit_usd - mm.power_cost_usd - mm.opex_usd - mm.capex_usd)
            })
            .sum();
        let gpu_revenue_npv = model.gpu_revenue_npv(s.gpu_cloud.rent_decline_pct_per_year);
        model.ai_rest_npv = [
            deterministic[1] - fleet_share_npv,
            deterministic[2] - fleet_share_npv - gpu_revenue_npv,
        ];
        model
    }

    /// The deterministic NPVs `[mining, colocation, gpuCloud]` of the scenario's own path.
    pub fn deterministic_npvs(&self) -> [f64; 3] {
        self.deterministic
    }

    /// Months of the horizon (the length a price path must have).
    pub fn horizon_months(&self) -> usize {
        self.months.len()
    }

    /// NPVs `[mining, colocation, gpuCloud]` of one path: BTC prices for every month
    /// (`prices.len()` = horizon months; missing months count as no price), a yearly network
    /// hashrate growth and a yearly GPU rent decline, %.
    pub fn path_npvs(&self, prices: &[f64], hashrate_growth_pct: f64, gpu_decline_pct: f64) -> [f64; 3] {
        let (whole, share) = self.fleet_npvs(prices, hashrate_growth_pct);
        let gpu = self.gpu_revenue_npv(gpu_decline_pct);
        [whole, self.ai_rest_npv[0] + share, self.ai_rest_npv[1] + share + gpu]
    }

    /// Discounted net cash flow of the whole fleet, and of the AI pathways' fleet fraction.
    ///
    /// Per month, exactly as [`crate::mining::simulate`] with f = 1: revenue per TH/s =
    /// hashprice ÷ 1000 × hashing share × 30.4375 × (1 − pool fee); a line runs unless
    /// (with `shutdownWhenUnprofitable`) its revenue is below its power cost, i.e. unless
    /// revenue per TH/s < J/TH ÷ 10⁶ × power per IT MW; net = revenue − power + credit of the
    /// running lines − fixed opex − refresh capex.
    fn fleet_npvs(&self, prices: &[f64], hashrate_growth_pct: f64) -> (f64, f64) {
        let hashrate_step = grow(1.0, hashrate_growth_pct, 1.0);
        let mut hashrate = self.hashrate0_ehs;
        let (mut whole, mut share) = (0.0, 0.0);
        for (m, c) in self.months.iter().enumerate() {
            let price = prices.get(m).copied().unwrap_or(0.0);
            let hashprice = hashprice_usd_per_ph_day(self.blocks_per_day, c.subsidy_btc, c.fees_btc, price, hashrate);
            let revenue_per_th = hashprice / 1000.0 * self.hashing * DAYS_PER_MONTH * self.keep_after_pool;
            let groups = &self.groups[usize::from(c.refreshed)];
            let running = if self.shutdown {
                groups.partition_point(|g| revenue_per_th >= g.mw_per_th * c.power_per_it_mw)
            } else {
                groups.len()
            };
            let operating = match running.checked_sub(1).and_then(|i| groups.get(i)) {
                Some(g) => {
                    revenue_per_th * g.cumulative_ths - c.power_per_it_mw * g.cumulative_it_mw
                        + self.credit_per_it_mw * g.cumulative_it_mw
                }
                None => 0.0,
            };
            let net = operating - c.fixed_usd;
            whole += c.discount * net;
            share += c.discount_fleet * net;
            hashrate *= hashrate_step;
        }
        (whole, share)
    }

    /// Σₐ Wₐ qᵃ, q = (1 − d)^(1/12): the discounted GPU revenue (after revenue-linked opex)
    /// at a yearly rent decline d, %.
    fn gpu_revenue_npv(&self, decline_pct: f64) -> f64 {
        let q = grow(1.0, -decline_pct, 1.0);
        let mut factor = 1.0;
        let mut sum = 0.0;
        for w in &self.gpu_weight_by_age {
            sum += w * factor;
            factor *= q;
        }
        sum
    }
}

/// Wₐ = Σ over months m whose GPU rent is `a` months old of discount(m) × revenue at zero
/// decline(m) × (1 − opex % of revenue), following [`crate::gpu_cloud`]: the rent of a GPU
/// generation is rent₀ × (1 − d)^(age/12), age = operating month mod useful life.
fn gpu_weights(s: &Scenario, capex: &CapexStage, timeline: &Timeline, months: &[MonthConstants]) -> Vec<f64> {
    if months.is_empty() || capex.site.gpus == 0 {
        return Vec::new();
    }
    let g = &s.gpu_cloud;
    let mut flat = s.clone();
    flat.gpu_cloud.rent_decline_pct_per_year = 0.0;
    let mut revenue: Vec<AiMonth> = Vec::new();
    crate::gpu_cloud::simulate_into(&flat, &capex.site, &capex.capex, &mut revenue);
    let life = g.useful_life_years.max(1).saturating_mul(12);
    let keep = 1.0 - g.opex_pct_of_revenue / 100.0;
    let mut weights = vec![0.0; life as usize];
    for (m, (c, a)) in months.iter().zip(&revenue).enumerate() {
        if let Some(k) = timeline.operating_month(m as u32) {
            if k / life > 0 && g.end_of_life == GpuEnd::Retire {
                continue;
            }
            if let Some(w) = weights.get_mut((k % life) as usize) {
                *w += c.discount * a.revenue_usd * keep;
            }
        }
    }
    while weights.last() == Some(&0.0) {
        weights.pop();
    }
    weights
}

impl PathNpvs for RiskModel {
    fn npvs(&mut self, prices: &[f64], hashrate_growth_pct: f64, gpu_decline_pct: f64) -> [f64; 3] {
        self.path_npvs(prices, hashrate_growth_pct, gpu_decline_pct)
    }
}

/// The whole model per path: a bitcoin projection carrying the path's prices and hashrates,
/// both fleet runs, the AI pathways and the finance, tax included.
struct FullModel {
    scenario: Scenario,
    btc: BitcoinReport,
    capex: CapexStage,
    buf: Buffers,
}

impl FullModel {
    fn new(s: &Scenario) -> FullModel {
        FullModel {
            scenario: s.clone(),
            btc: crate::bitcoin::project(s),
            capex: CapexStage::new(s),
            buf: Buffers::default(),
        }
    }
}

impl PathNpvs for FullModel {
    fn npvs(&mut self, prices: &[f64], hashrate_growth_pct: f64, gpu_decline_pct: f64) -> [f64; 3] {
        let s = &mut self.scenario;
        s.bitcoin.network_hashrate_growth_pct_per_year = hashrate_growth_pct;
        s.gpu_cloud.rent_decline_pct_per_year = gpu_decline_pct;
        let hashrate_step = grow(1.0, hashrate_growth_pct, 1.0);
        let mut hashrate = s.bitcoin.network_hashrate_ehs;
        for (m, b) in self.btc.months.iter_mut().enumerate() {
            b.btc_price_usd = prices.get(m).copied().unwrap_or(0.0);
            b.network_hashrate_ehs = hashrate;
            b.hashprice_usd_per_ph_day = hashprice_usd_per_ph_day(
                s.bitcoin.blocks_per_day,
                b.subsidy_btc,
                b.fees_btc_per_block,
                b.btc_price_usd,
                hashrate,
            );
            hashrate *= hashrate_step;
        }
        let s = &self.scenario;
        let runs = FleetRuns::new(s, &self.btc.months);
        npvs_with(s, &runs, &self.capex, Adjust::NONE, &mut self.buf)
    }
}

/// Checks the options; an empty list means they may run. Field paths are the option names
/// (`paths`, `btcVolatilityPct`, …).
pub fn validate_options(o: &RiskOptions) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut count = |field: &str, value: u64, min: u64, max: u64, unit: &str| {
        if value < min || value > max {
            errors.push(ValidationError::new(
                field,
                ErrorCode::OutOfRange,
                format!(
                    "must be a whole number from {} to {} {unit}",
                    grouped(min),
                    grouped(max)
                ),
                Value::from(value),
            ));
        }
    };
    count("paths", o.paths.into(), MIN_PATHS.into(), MAX_PATHS.into(), "paths");
    count(
        "seed",
        o.seed,
        0,
        MAX_SEED,
        "(the largest whole number JavaScript holds exactly)",
    );
    count(
        "histogramBins",
        o.histogram_bins.into(),
        1,
        MAX_HISTOGRAM_BINS.into(),
        "bins",
    );
    let mut range = |field: &str, value: f64, max: f64, unit: &str| {
        if !value.is_finite() {
            errors.push(ValidationError::new(
                field,
                ErrorCode::NotFinite,
                format!("must be a finite number between 0 and {max} {unit}"),
                Value::Null,
            ));
        } else if !(0.0..=max).contains(&value) {
            errors.push(ValidationError::new(
                field,
                ErrorCode::OutOfRange,
                format!("must be between 0 and {max} {unit}"),
                serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number),
            ));
        }
    };
    range("btcVolatilityPct", o.btc_volatility_pct, 200.0, "% per year");
    range(
        "hashrateGrowthSdPct",
        o.hashrate_growth_sd_pct,
        100.0,
        "percentage points",
    );
    range(
        "gpuRentDeclineSdPct",
        o.gpu_rent_decline_sd_pct,
        50.0,
        "percentage points",
    );
    errors
}

/// 100000 → "100,000" for messages.
fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The Monte Carlo risk analysis of a scenario: `o.paths` paths of BTC price, network
/// hashrate growth and GPU rent decline (module docs), the NPV of every pathway on each,
/// and their distribution. Every problem with the scenario or the options is returned at
/// once (scenario fields by their path, options by their name).
///
/// Uses the fast path unless `finance.taxEnabled`, where each path runs the full model.
pub fn risk(s: &Scenario, o: &RiskOptions) -> Result<RiskReport, Vec<ValidationError>> {
    let method = if s.finance.tax_enabled {
        RiskMethod::FullModel
    } else {
        RiskMethod::Fast
    };
    risk_using(s, o, method)
}

/// [`risk`] with the evaluation method chosen by the caller: [`RiskMethod::FullModel`] runs
/// the whole model per path (the reference the fast path is tested against);
/// [`RiskMethod::Fast`] on a scenario with tax enabled falls back to the full model, since
/// the fast path would be wrong there.
pub fn risk_using(s: &Scenario, o: &RiskOptions, method: RiskMethod) -> Result<RiskReport, Vec<ValidationError>> {
    let mut errors = crate::validate::validate(s);
    errors.extend(validate_options(o));
    if !errors.is_empty() {
        return Err(errors);
    }
    let method = if s.finance.tax_enabled {
        RiskMethod::FullModel
    } else {
        method
    };
    let mining = MiningStage::new(s);
    let capex = CapexStage::new(s);
    let deterministic = npvs_with(s, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default());
    let samples = match method {
        RiskMethod::Fast => simulate(s, o, &mut RiskModel::from_stages(s, &mining, &capex, deterministic)),
        RiskMethod::FullModel => simulate(s, o, &mut FullModel::new(s)),
    };
    Ok(summarize(s, o, method, &mining.btc, deterministic, samples))
}

/// What the paths produce: NPVs per pathway and the BTC price at each year's last month.
struct Samples {
    npvs: [Vec<f64>; 3],
    /// Year-major: `fan[y × paths + p]`; f32 keeps 30 years × 100,000 paths at 12 MB.
    fan: Vec<f32>,
}

fn simulate(s: &Scenario, o: &RiskOptions, engine: &mut impl PathNpvs) -> Samples {
    let paths = o.paths as usize;
    let horizon = s.months() as usize;
    let years = horizon / 12;
    let mut rng = generator(o.seed);
    let mut prices = vec![0.0; horizon];
    let mut npvs = [vec![0.0; paths], vec![0.0; paths], vec![0.0; paths]];
    let mut fan = vec![0.0f32; years * paths];
    let b = &s.bitcoin;
    for p in 0..paths {
        let (hashrate_growth, gpu_decline) = draw_rates(&mut rng, s, o);
        btc_price_path(
            &mut rng,
            b.btc_price_usd,
            b.btc_price_growth_pct_per_year,
            o.btc_volatility_pct,
            &mut prices,
        );
        let values = engine.npvs(&prices, hashrate_growth, gpu_decline);
        for (series, value) in npvs.iter_mut().zip(values) {
            series[p] = value;
        }
        for y in 0..years {
            fan[y * paths + p] = prices[y * 12 + 11] as f32;
        }
    }
    Samples { npvs, fan }
}

fn summarize(
    s: &Scenario,
    o: &RiskOptions,
    method: RiskMethod,
    btc: &BitcoinReport,
    deterministic: [f64; 3],
    samples: Samples,
) -> RiskReport {
    let Samples { mut npvs, mut fan } = samples;
    // Finite inputs give finite NPVs; this is the net that keeps NaN out of the report.
    for series in npvs.iter_mut() {
        for v in series.iter_mut() {
            if !v.is_finite() {
                *v = 0.0;
            }
        }
    }
    let paths = o.paths as usize;
    let share = |n: usize| n as f64 / paths.max(1) as f64 * 100.0;

    let mut best = [0usize; 3];
    for (p, &mining) in npvs[0].iter().enumerate() {
        best[best_index([mining, npvs[1][p], npvs[2][p]])] += 1;
    }

    let (lo, hi) = npvs
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let edges = bin_edges(lo, hi, o.histogram_bins.max(1) as usize);
    let series: Vec<HistogramSeries> = PathwayId::ALL
        .iter()
        .zip(&npvs)
        .map(|(&id, values)| HistogramSeries {
            id,
            counts: histogram_counts(values, &edges),
        })
        .collect();

    let mut pathways = Vec::with_capacity(3);
    let mut pivot = vec![0.0; paths];
    for (k, id) in PathwayId::ALL.into_iter().enumerate() {
        let (beats, pivot_pcts) = if k == 0 {
            (None, [None; 3])
        } else {
            let mut wins = 0;
            for (p, slot) in pivot.iter_mut().enumerate() {
                *slot = npvs[k][p] - npvs[0][p];
                wins += usize::from(*slot > 0.0);
            }
            let [p10, p50, p90] = percentiles(&mut pivot, [0.1, 0.5, 0.9]);
            (Some(share(wins)), [Some(p10), Some(p50), Some(p90)])
        };
        let values = &mut npvs[k];
        let mean = values.iter().sum::<f64>() / paths.max(1) as f64;
        let (min, max) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
        let [p10, p50, p90] = percentiles(values, [0.1, 0.5, 0.9]);
        pathways.push(PathwayRisk {
            id,
            label: id.label().to_string(),
            deterministic_npv_usd: deterministic[k],
            mean_npv_usd: mean,
            p10_npv_usd: p10,
            p50_npv_usd: p50,
            p90_npv_usd: p90,
            min_npv_usd: finite_or(min, 0.0),
            max_npv_usd: finite_or(max, 0.0),
            probability_beats_mining_pct: beats,
            pivot_value_p10_usd: pivot_pcts[0],
            pivot_value_p50_usd: pivot_pcts[1],
            pivot_value_p90_usd: pivot_pcts[2],
            probability_best_pct: share(best[k]),
        });
    }

    let years = fan.len() / paths.max(1);
    let mut btc_price_fan = Vec::with_capacity(years);
    let mut column = vec![0.0f64; paths];
    for y in 0..years {
        let m = y * 12 + 11;
        for (slot, &v) in column.iter_mut().zip(&fan[y * paths..(y + 1) * paths]) {
            *slot = f64::from(v);
        }
        let mean = column.iter().sum::<f64>() / paths.max(1) as f64;
        let [p10, p50, p90] = percentiles(&mut column, [0.1, 0.5, 0.9]);
        let b = &s.bitcoin;
        btc_price_fan.push(PriceBand {
            year: y as u32 + 1,
            month_index: m as u32,
            month: btc.months.get(m).map(|b| b.month.clone()).unwrap_or_default(),
            deterministic_usd: grow(b.btc_price_usd, b.btc_price_growth_pct_per_year, m as f64),
            mean_usd: finite_or(mean, 0.0),
            p10_usd: finite_or(p10, 0.0),
            p50_usd: finite_or(p50, 0.0),
            p90_usd: finite_or(p90, 0.0),
        });
    }
    fan.clear();

    let mut notes = vec![format!(
        "{} paths, seed {}: each probability carries a sampling error of at most ±{:.1} percentage points (one standard error, 50/√paths).",
        grouped(o.paths.into()),
        o.seed,
        50.0 / (paths.max(1) as f64).sqrt()
    )];
    if method == RiskMethod::FullModel {
        notes.push(if s.finance.tax_enabled {
            "Tax is enabled, so every path runs the full model (tax losses carry forward and are not linear in the draws): slower than the fast path.".to_string()
        } else {
            "Every path ran the full model (the reference for the fast path).".to_string()
        });
    }

    RiskReport {
        options: o.clone(),
        method,
        pathways,
        histogram: Histogram {
            bin_edges_usd: edges,
            series,
        },
        btc_price_fan,
        notes,
    }
}

/// The index of the largest value; the first one on a tie.
fn best_index(values: [f64; 3]) -> usize {
    let mut best = 0;
    for (k, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = k;
        }
    }
    best
}

fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}

/// Percentiles by linear interpolation between order statistics (numpy's default): for
/// p ∈ [0, 1], h = (n − 1) p, value = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), x sorted. Uses
/// selection, not a sort (O(n) per percentile); reorders `values`. 0 for an empty slice.
pub fn percentiles<const N: usize>(values: &mut [f64], ps: [f64; N]) -> [f64; N] {
    let mut out = [0.0; N];
    let n = values.len();
    if n == 0 {
        return out;
    }
    for (slot, p) in out.iter_mut().zip(ps) {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = (h.floor() as usize).min(n - 1);
        let (_, &mut x_lo, right) = values.select_nth_unstable_by(lo, f64::total_cmp);
        let frac = h - lo as f64;
        *slot = if frac > 0.0 {
            let x_hi = right.iter().copied().fold(f64::INFINITY, f64::min);
            x_lo + frac * (x_hi - x_lo)
        } else {
            x_lo
        };
    }
    out
}

/// `bins + 1` evenly spaced edges from `lo` to `hi`; a range of (nearly) zero width, as with
/// zero volatility, is widened to ±0.1 % of the value (at least ±1 USD) so the bars have a
/// width to draw.
fn bin_edges(lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 0.0)
    };
    let scale = lo.abs().max(hi.abs());
    if hi - lo <= scale * 1e-9 {
        let pad = (scale * 1e-3).max(1.0);
        lo -= pad;
        hi += pad;
    }
    let width = (hi - lo) / bins as f64;
    let mut edges: Vec<f64> = (0..bins).map(|i| lo + width * i as f64).collect();
    edges.push(hi);
    edges
}

/// Paths per bin; bin i is [edges[i], edges[i+1]), the last bin also takes `hi`.
fn histogram_counts(values: &[f64], edges: &[f64]) -> Vec<u32> {
    let bins = edges.len().saturating_sub(1);
    let mut counts = vec![0u32; bins];
    let (Some(&lo), Some(&hi)) = (edges.first(), edges.last()) else {
        return counts;
    };
    if bins == 0 {
        return counts;
    }
    let per_usd = bins as f64 / (hi - lo);
    for &v in values {
        let i = ((v - lo) * per_usd).floor();
        let i = if i.is_finite() && i > 0.0 { i as usize } else { 0 };
        counts[i.min(bins - 1)] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // x = 1..=10: h = 9 × 0.1 = 0.9 → 1 + 0.9 × (2 − 1) = 1.9; median h = 4.5 → 5.5;
        // h = 8.1 → 9.1 (numpy.percentile(range(1, 11), [10, 50, 90]) = [1.9, 5.5, 9.1]).
        let mut x: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let [p10, p50, p90] = percentiles(&mut x, [0.1, 0.5, 0.9]);
        assert!((p10 - 1.9).abs() < 1e-12 && (p50 - 5.5).abs() < 1e-12 && (p90 - 9.1).abs() < 1e-12);
        assert_eq!(percentiles(&mut [], [0.5]), [0.0]);
        assert_eq!(percentiles(&mut [7.0], [0.1, 0.9]), [7.0, 7.0]);
    }

    #[test]
    fn histogram_counts_every_value_once() {
        // Edges 0, 2.5, 5, 7.5, 10: 0 and 2 → bin 0; 2.5 → bin 1; 9.99 and 10 → bin 3.
        let edges = bin_edges(0.0, 10.0, 4);
        assert_eq!(edges, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(histogram_counts(&[0.0, 2.0, 2.5, 9.99, 10.0], &edges), vec![2, 1, 0, 2]);
        // Zero width: widened by 0.1 % of 1e6 = 1,000 either side.
        let edges = bin_edges(1e6, 1e6, 2);
        assert_eq!(edges, vec![999_000.0, 1e6, 1_001_000.0]);
        assert_eq!(histogram_counts(&[1e6; 3], &edges), vec![0, 3]);
    }

    #[test]
    fn fast_fleet_flow_matches_the_mining_module_on_a_rough_path() {
        // A path that rises and crashes, so that lines switch off and on: the fast path's
        // whole-fleet NPV must equal mining::simulate on the same prices.
        let mut s = Scenario::default();
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
            .map(|m| m.revenue_usd + m.curtailment_credit_usd - m.power_cost_usd - m.opex_usd - m.capex_usd)
            .collect();
        let expected = crate::finance::npv(s.finance.discount_rate_pct, &net);
        let (whole, _) = model.fleet_npvs(&prices, growth);
        assert!(
            (whole - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "{whole} vs {expected}"
        );
    }
}
