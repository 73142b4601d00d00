//! Monte Carlo risk: how the three pathways' NPVs spread when the market (the BTC price, the
//! network hashrate, GPU rents, fees) and the project (build cost, delay, occupancy, the rent
//! after the first term, the tenant, GPU utilisation) do not follow the scenario's single
//! path. (Issues 8 and 19; docs/model.md "Answers: Risk".)
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
//! - **Jumps** (off by default): in each month a crash or spike with probability
//!   `btcJumpsPerYear` ÷ 12, of log size Normal(`btcJumpMeanPct`, `btcJumpSdPct`²), every
//!   month divided by its expected factor so that E[Pₘ] is unchanged ([`Jumps`]); drawn from a
//!   stream of their own ([`jump_generator`]).
//! - **Network hashrate growth**, one yearly rate per path: g_H ~ Normal(scenario growth,
//!   `hashrateGrowthSdPct`), clamped to the scenario's allowed range −90 … 300 %/yr; the
//!   hashrate then grows continuously at g_H as in the deterministic model. Its shock is
//!   correlated with the BTC price's: with x = Σ zₘ ÷ √(M − 1), the standard normal shock of
//!   the path's whole log return, z_H = ρ x + √(1 − ρ²) e₁ (`btcHashrateCorrelation`, default
//!   0.5, an estimate: the price leads the hashrate by weeks to months, so over years they move
//!   together). Under the economic model the hashrate follows the price path itself.
//! - **GPU rent decline**, one yearly rate per path: d ~ Normal(`rentDeclinePctPerYear`,
//!   `gpuRentDeclineSdPct`), clamped to −50 … 99 %/yr. The three market shocks (x, z_H, z_GPU)
//!   are correlated through the Cholesky factor of their correlation matrix ([`Correlation`]);
//!   a matrix that is not positive semi-definite is refused at `btcHashrateCorrelation`.
//! - **Fees per block**, one multiplier per path on the scenario's fees path: log-normal with
//!   mean 1 and standard deviation `feesSdPct` %.
//!
//! # Project factors
//!
//! - **Build cost**, one multiplier κ per path on the retrofit and the GPU systems (what the
//!   tornado's capex bar moves, [`crate::engine::Adjust::capex_factor`]): log-normal with mean
//!   m = 1 + `capexOverrunMeanPct`/100 and standard deviation s = `capexOverrunSdPct`/100,
//!   ln κ ~ Normal(ln m − σ²/2, σ²), σ² = ln(1 + s²/m²). Defaults +10 % ± 15 pp: estimates
//!   (9 in 10 large projects exceed their budget; a conceptual estimate is good to about
//!   −20 %/+30 %; sources in the field registry).
//! - **Occupancy** of the colocation lease, one per path: Normal(scenario's, `occupancySdPct`)
//!   clamped to 0–100 %. Rent (and a gross lease's power) is proportional to it.
//! - **Tenant default**, at most once per path: a yearly probability p
//!   (`tenantDefaultPctPerYear`, default 2 %: an estimate from speculative-grade default
//!   rates) as a monthly hazard h = 1 − (1 − p)^(1/12) from the lease's first month; the
//!   operating months survived are k = ⌊ln u ÷ ln(1 − h)⌋ for a uniform u (the twin takes
//!   1 − u). From the default the halls stand empty for `colocation.reletVacancyMonths`, then
//!   earn `colocation.reletRentPct` % of the rent the lease would have paid
//!   ([`crate::colocation::TenantDefault`]).
//! - **GPU utilisation**, one per path: Normal(scenario's, `gpuUtilizationSdPct`) clamped to
//!   0–100 %; the GPU-hours sold at the market (and the contracted ones after their term) are
//!   proportional to it, the power and the fixed opex are not. A term re-contracted at the
//!   market (`recontractAtMarket`) is billed in full at the path's rent of its first month, so
//!   it moves with the drawn rent decline but not with the utilisation.
//! - **Rent after the first term** (renewal or re-let), one multiplier φ per path on the
//!   colocation rent after each phase's first term: log-normal with mean 1 and standard
//!   deviation `renewalRentSdPct` % ([`crate::engine::Adjust::after_term_rent_factor`]).
//! - **Construction delay**, d months per path, geometric with mean μ =
//!   `buildDelayMeanMonths` (P(d ≥ k) = qᵏ, q = μ ÷ (1 + μ); at most [`MAX_DELAY_MONTHS`]):
//!   every phase is built d months longer, so it spends its capex over more months and starts
//!   earning d months later, while its share of the fleet stops mining at the same month.
//!
//! - **Power price escalation**, one yearly rate per path: Normal(`site.powerPriceEscalation
//!   PctPerYear`, `powerEscalationSdPct`), clamped to that field's range. Month 0's price is the
//!   scenario's; every escalating price (the site's market or contract price, the lease's gross
//!   power and the GPU cloud's) then moves by λₘ = rᵐ against the scenario's path, r the ratio
//!   of the two monthly steps. The negative hours of an hourly profile and the transmission
//!   charge do not escalate, as in the deterministic model.
//!
//! They are drawn from a stream of their own ([`project_generator`]), so the market's draws
//! for a seed are the same whether they are on or not. Month 0's power price, the first term's
//! lease rate and the discount rate keep their scenario values (`drawn` in the report lists what was
//! drawn). Each path uses the same draws for all three pathways, so "colocation beats mining"
//! is a paired comparison on the same market.
//!
//! Paths come in **antithetic pairs** (a standard variance reduction): the second path of a
//! pair uses the first one's shocks with the opposite sign, −z_H, −z_GPU and −zₘ. Each path
//! on its own has exactly the distribution above; for quantities that rise or fall with the
//! shocks (prices, NPVs) the pair's errors partly cancel, so means and percentiles are no less
//! precise than from independent paths, and one `exp` and one set of normals serve two paths. The draw order per pair is fixed (z_H, z_GPU, then the
//! M−1 price shocks) and does not depend on the volatilities: the same seed gives the same
//! shocks, so two runs that differ only in an option are compared on the same random numbers.
//!
//! # Reproducibility
//!
//! [`Generator`] is PCG-64 (MCG variant, `rand_pcg`) seeded with `seed` through
//! `SeedableRng::seed_from_u64`; normals come from `rand_distr`'s ziggurat. Paths are drawn in
//! batches of [`BATCH`] (128), and batch b draws from its own stretch of each stream, b × 2⁶⁴
//! draws on (PCG's jump-ahead, [`at_batch`]): a batch's paths depend on the seed and b alone.
//! So the batches can be evaluated in any order and anywhere — natively on every core
//! (threads), in a page on several Web Workers ([`risk_part`], [`risk_from_parts`]) — and the
//! same seed, options and scenario give bit-identical output on the same platform however the
//! work is shared. Native and wasm builds may differ in the last digits (their `exp`/`ln`
//! implementations differ by an ulp).
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
//! 3. the project factors, each a line: unlevered and untaxed, an AI pathway's NPV is linear
//!    in the build-cost multiplier (its slope NPV(κ = 1) − NPV(κ = 0), from the model) and
//!    colocation's in the occupancy (slope from the model at 0 % and 100 %) and, times the
//!    occupancy, in the after-term rent's multiplier; a delay selects the AI pathways' pieces
//!    computed for that many months (each the first time a path needs it); the power price's
//!    escalation scales the month's escalating prices by λₘ in the fleet's month (its tiers'
//!    thresholds and power, the hourly map's upper piece) and adds Σ (λₘ − 1) × the AI
//!    pathways' discounted escalating power (taken from the model at two escalations, the
//!    cost being affine in the factor); a default in
//!    month t changes it by ω × (−rent of the vacancy + its tenant power + (μ − 1) × rent
//!    after it), read from running sums of the lease's discounted rent per point of occupancy;
//!    the GPU revenue's weights are taken at 100 % utilisation and scaled by the path's;
//! 4. the NPVs as dot products with the discount factors.
//!
//! With `finance.taxEnabled` the cash flows are no longer linear in those pieces (losses carry
//! forward), so each path runs the full model instead ([`RiskMethod::FullModel`]): correct,
//! about an order of magnitude slower. `tests/risk.rs` checks the fast path against the full
//! model path by path, and that with zero volatility and zero spreads every percentile equals
//! the deterministic NPV.

mod contributions;
mod draws;
mod engine;
mod stats;

pub use contributions::{contributions, Contributions, FactorContribution, CONTRIBUTION_PATHS};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::calendar::grow;
use crate::engine::{best_pathways, npvs_with, Adjust, Buffers, CapexStage, MiningStage, PerPathway};
use crate::report::{BitcoinReport, PathwayId};
use crate::scenario::Scenario;
use crate::validate::{ErrorCode, ValidationError};

pub use draws::{
    at_batch, btc_price_paths, btc_price_paths_around, determinant, generator, jump_generator, project_generator,
    Correlation, Generator, Jumps, PathDraw, BATCH_STREAM, MAX_DELAY_MONTHS,
};
use draws::{project_shocks, rate_shocks, rates, ProjectDraws, RateBounds};
pub use engine::RiskModel;
use engine::{FullModel, PathNpvs};
pub use stats::percentiles;
use stats::{bin_edges, finite_or, histogram_counts};

/// Most paths one call may ask for: 100,000 paths over 15 years take ~0.3 s natively on the
/// fast path (BENCHMARKS.md).
pub const MAX_PATHS: u32 = 100_000;
/// Fewest paths: P10 and P90 then each rest on at least ten paths.
pub const MIN_PATHS: u32 = 100;
/// Largest seed: JavaScript numbers are exact integers only up to 2⁵³ − 1, and the seed must
/// survive the trip through JSON and the page unchanged.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Most histogram bins.
pub const MAX_HISTOGRAM_BINS: u32 = 200;

/// Options of the Monte Carlo run. Every field may be left out and takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
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
    /// around the 25 %/yr default spans the 0–50 %/yr range observed 2023–26 (docs/data-sources.md "Bitcoin protocol").
    pub hashrate_growth_sd_pct: f64,
    /// Standard deviation of the yearly GPU rent decline drawn for each path, percentage
    /// points, 0–50. Default 10: an estimate; H100 rents fell ~43 %/yr Oct 2024–Oct 2025
    /// and then rose ~38 % (annualised) to Mar 2026, around the 28 %/yr default.
    pub gpu_rent_decline_sd_pct: f64,
    /// Bins of the NPV histogram, 1–200 (default 40), shared by the three pathways.
    pub histogram_bins: u32,
    /// Expected overrun of the build cost (the retrofit and the GPU systems, as the tornado's
    /// capex bar moves them), % of the budget, −50 to 200. Default 10: an estimate (module
    /// docs, "Project factors").
    pub capex_overrun_mean_pct: f64,
    /// Standard deviation of the build cost's multiplier, percentage points of the budget,
    /// 0–100. Default 15: an estimate. With the mean at 0 too, the cost is not drawn.
    pub capex_overrun_sd_pct: f64,
    /// Standard deviation of the colocation lease's occupancy around the scenario's,
    /// percentage points, 0–50 (clamped to 0–100 %). Default 5: an estimate.
    pub occupancy_sd_pct: f64,
    /// Yearly probability that the colocation tenant defaults, %, 0–100. On default the halls
    /// stand empty for `colocation.reletVacancyMonths`, then are let at
    /// `colocation.reletRentPct` % of the rent the lease would have paid. Default 2: an
    /// estimate (module docs).
    pub tenant_default_pct_per_year: f64,
    /// Standard deviation of the GPU cloud's utilisation around the scenario's, percentage
    /// points, 0–50 (clamped to 0–100 %). Default 10: an estimate.
    pub gpu_utilization_sd_pct: f64,
    /// Jumps of the BTC price a year, 0–12 (0: none, the default). Each is a crash or a spike
    /// in one month on top of the volatility, compensated so the expected price is unchanged
    /// ([`Jumps`]).
    pub btc_jumps_per_year: f64,
    /// A jump's mean log size, %, −90 to 90. Default −15: an estimate.
    pub btc_jump_mean_pct: f64,
    /// A jump's spread (SD of its log size), percentage points, 0–100. Default 10: an estimate.
    pub btc_jump_sd_pct: f64,
    /// Correlation of the BTC price's return over the horizon and the network hashrate's
    /// yearly growth, −1 to 1 (the fixed-growth model). Default 0.5: an estimate.
    pub btc_hashrate_correlation: f64,
    /// Correlation of the BTC price's return and the GPU rent's yearly decline, −1 to 1.
    /// Default 0: no public series links them.
    pub btc_gpu_rent_correlation: f64,
    /// Correlation of the network hashrate's growth and the GPU rent's decline, −1 to 1.
    /// Default 0. The three must form a positive semi-definite correlation matrix.
    pub hashrate_gpu_rent_correlation: f64,
    /// Standard deviation of the fees per block's multiplier (log-normal, mean 1), % of the
    /// scenario's fees, 0–300. Default 50: an estimate.
    pub fees_sd_pct: f64,
    /// Standard deviation of the colocation rent after the first term (the renewal or re-let
    /// rate's multiplier, log-normal, mean 1), % of the scenario's, 0–100. Default 15: an
    /// estimate.
    pub renewal_rent_sd_pct: f64,
    /// Mean delay of the construction, months, 0–12 (geometric, at most 24). Default 4: an
    /// estimate.
    pub build_delay_mean_months: f64,
    /// Standard deviation of the power price's yearly escalation drawn for each path,
    /// percentage points, 0–20 (the scenario's escalation is the mean). Default 2: an estimate.
    pub power_escalation_sd_pct: f64,
    /// Paths (the first ones drawn) whose equity is valued through the whole model when an AI
    /// pathway borrows, 0–100,000, at most `paths` (0: none). Default 1,000: the equity's
    /// loan is sized to each path's cash flow, which the fast path cannot follow.
    pub equity_paths: u32,
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
            capex_overrun_mean_pct: 10.0,
            capex_overrun_sd_pct: 15.0,
            occupancy_sd_pct: 5.0,
            tenant_default_pct_per_year: 2.0,
            gpu_utilization_sd_pct: 10.0,
            btc_jumps_per_year: 0.0,
            btc_jump_mean_pct: -15.0,
            btc_jump_sd_pct: 10.0,
            btc_hashrate_correlation: 0.5,
            btc_gpu_rent_correlation: 0.0,
            hashrate_gpu_rent_correlation: 0.0,
            fees_sd_pct: 50.0,
            renewal_rent_sd_pct: 15.0,
            build_delay_mean_months: 4.0,
            power_escalation_sd_pct: 2.0,
            equity_paths: 1_000,
        }
    }
}

/// How the paths were evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RiskMethod {
    /// Precomputed pieces and dot products (see the module docs): a few µs per path.
    Fast,
    /// The whole model per path; used when tax is enabled, and by the tests as a check.
    FullModel,
}

/// The Monte Carlo answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct RiskReport {
    /// The options used (defaults filled in).
    pub options: RiskOptions,
    pub method: RiskMethod,
    /// One per pathway, in the order mining, colocation, gpuCloud.
    pub pathways: Vec<PathwayRisk>,
    /// NPV counts per pathway over shared bins spanning the 1st–99th percentile of all paths,
    /// with the tails counted apart.
    pub histogram: Histogram,
    /// The simulated BTC price at the last month of each model year.
    pub btc_price_fan: Vec<PriceBand>,
    /// The network's hashprice at the last month of each model year, USD per PH/s per day
    /// (the `…Usd` fields of each band are in that unit).
    pub hashprice_fan: Vec<PriceBand>,
    /// The equity's NPVs when an AI pathway borrows (null when none does, or with
    /// `equityPaths` 0).
    pub equity: Option<EquityRisk>,
    /// The uncertainties drawn in this run, by name: `btcPrice`, `networkHashrate`,
    /// `gpuRent`, `buildCost`, `occupancy`, `tenantDefault`, `gpuUtilization`, `btcJumps`,
    /// `fees`, `renewalRent`, `buildDelay`, `powerPrice` (a factor whose spread or
    /// probability is 0 is not drawn).
    /// Everything else keeps its scenario value on every path.
    pub drawn: Vec<String>,
    /// What a reader should know about the run.
    pub notes: Vec<String>,
}

/// The NPV distribution of one pathway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct PathwayRisk {
    pub id: PathwayId,
    pub label: String,
    /// NPV of the scenario's own single path (the report's `npvUsd`), USD.
    pub deterministic_npv_usd: f64,
    pub mean_npv_usd: f64,
    /// Standard deviation of the NPV over the paths, USD.
    pub std_dev_npv_usd: f64,
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
    /// Share of paths on which this pathway's NPV is below 0 (it does not earn the discount
    /// rate), %.
    pub probability_of_loss_pct: f64,
}

/// The equity's NPV distribution: each pathway's equity cash flows (the project's after its
/// loan's draws, fees, interest and repayments) discounted at the cost of equity, on the
/// first `paths` paths, each valued through the whole model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EquityRisk {
    /// Paths valued for the equity.
    pub paths: u32,
    /// The rate the equity's flows are discounted at, % per year (`finance.costOfEquityPct`).
    pub cost_of_equity_pct: f64,
    /// One per pathway, in the order mining, colocation, gpuCloud (mining carries no debt:
    /// its project flows at the cost of equity).
    pub pathways: Vec<EquityPathwayRisk>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct EquityPathwayRisk {
    pub id: PathwayId,
    pub label: String,
    /// The equity NPV of the scenario's own single path, USD.
    pub deterministic_npv_usd: f64,
    pub mean_npv_usd: f64,
    pub p10_npv_usd: f64,
    pub p50_npv_usd: f64,
    pub p90_npv_usd: f64,
    /// Share of the paths on which the equity NPV is below 0, %.
    pub probability_of_loss_pct: f64,
    /// Share of the paths on which this pathway's equity NPV exceeds mining's, %; null for
    /// mining.
    pub probability_beats_mining_pct: Option<f64>,
}

/// Counts of paths per NPV bin; the bins are shared by the pathways so the bars compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// `bins + 1` increasing edges, USD, from the 1st to the 99th percentile of all three
    /// pathways' paths together; bin i is [edge i, edge i+1), the last one closed.
    pub bin_edges_usd: Vec<f64>,
    pub series: Vec<HistogramSeries>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct HistogramSeries {
    pub id: PathwayId,
    /// Paths per bin.
    pub counts: Vec<u32>,
    /// Paths below the first edge and above the last (the tails beyond the 1st and 99th
    /// percentiles); with `counts` they sum to `options.paths`.
    pub below: u32,
    pub above: u32,
}

/// The simulated BTC price at one month (a point of the fan chart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
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

/// The most work one run may take, in units of one path-month of one fleet line (the fleet's
/// lines plus two for the AI pathways), the full model counting [`FULL_MODEL_WORK`] units each:
/// about 1–2 s in wasm, so that no call holds the page or a server for minutes. 10,000 paths
/// over the 15-year default are 9 million units; 100,000 paths over 30 years of a three-line
/// fleet are 180 million.
pub const MAX_WORK: f64 = 2e8;
/// What a path-month costs through the whole model (tax on) against the fast path, measured:
/// ~20 µs a 15-year path natively against ~1.3 µs.
pub const FULL_MODEL_WORK: f64 = 16.0;

/// The work a run asks for, in the units of [`MAX_WORK`]: its paths, and the paths whose
/// equity runs the whole model ([`equity_paths`]).
pub fn work(s: &Scenario, o: &RiskOptions, method: RiskMethod) -> f64 {
    let lines = (s.mining.fleet.len() + 2) as f64;
    let per_month = lines
        * match method {
            RiskMethod::Fast => 1.0,
            RiskMethod::FullModel => FULL_MODEL_WORK,
        };
    let months = f64::from(s.months());
    f64::from(o.paths) * months * per_month + f64::from(equity_paths(s, o)) * months * lines * FULL_MODEL_WORK
}

/// Whether an AI pathway borrows (its loan-to-cost above 0).
pub fn financing_on(s: &Scenario) -> bool {
    s.colocation.debt.loan_to_cost_pct > 0.0 || s.gpu_cloud.debt.loan_to_cost_pct > 0.0
}

/// The paths whose equity is valued apart: `equityPaths` (at most `paths`) when an AI pathway
/// borrows and the pathways are compared on their project flows; 0 otherwise (compared on
/// equity, every path's NPV already is the equity's).
pub fn equity_paths(s: &Scenario, o: &RiskOptions) -> u32 {
    if financing_on(s) && s.finance.verdict_basis == crate::scenario::Basis::Unlevered {
        o.equity_paths.min(o.paths)
    } else {
        0
    }
}

/// An error at `paths` when the run would take more than [`MAX_WORK`], naming the most paths
/// that fit.
fn too_much_work(s: &Scenario, o: &RiskOptions, method: RiskMethod) -> Option<ValidationError> {
    let asked = work(s, o, method);
    if asked <= MAX_WORK {
        return None;
    }
    let fits = (f64::from(o.paths) * MAX_WORK / asked).floor();
    let why = match method {
        RiskMethod::FullModel => "; each path runs the whole model here",
        RiskMethod::Fast if equity_paths(s, o) > 0 => {
            " (with the equity paths, which run the whole model; fewer `equityPaths` help too)"
        }
        RiskMethod::Fast => "",
    };
    // Fewer than the fewest paths a run takes: no count of paths helps, only a smaller model.
    let remedy = if fits >= f64::from(MIN_PATHS) {
        format!(
            "at most {} paths fit (or a shorter horizon, fewer fleet lines)",
            crate::format::grouped(fits)
        )
    } else {
        format!(
            "even the fewest paths a run takes ({MIN_PATHS}) would be too much: shorten the horizon or merge fleet lines"
        )
    };
    Some(ValidationError::new(
        "paths",
        ErrorCode::TooLarge,
        format!(
            "{} paths × {} months × {} fleet lines and pathways is more work than one run may take{why}; {remedy}",
            crate::format::grouped(f64::from(o.paths)),
            s.months(),
            s.mining.fleet.len() + 2,
        ),
        Value::from(o.paths),
    ))
}

/// The Cholesky factor of the options' three market correlations, `None` when they do not
/// form a positive semi-definite matrix.
fn correlation_of(o: &RiskOptions) -> Option<Correlation> {
    Correlation::new(
        o.btc_hashrate_correlation,
        o.btc_gpu_rent_correlation,
        o.hashrate_gpu_rent_correlation,
    )
}

/// The error at `btcHashrateCorrelation` when the three correlations are each within −1…1 but
/// do not form a correlation matrix (not positive semi-definite: no three random quantities
/// can be correlated so).
fn correlation_error(o: &RiskOptions) -> Option<ValidationError> {
    let (a, b, c) = (
        o.btc_hashrate_correlation,
        o.btc_gpu_rent_correlation,
        o.hashrate_gpu_rent_correlation,
    );
    if [a, b, c].iter().any(|r| !(-1.0..=1.0).contains(r)) || correlation_of(o).is_some() {
        return None;
    }
    Some(ValidationError::new(
        "btcHashrateCorrelation",
        ErrorCode::Inconsistent,
        format!(
            "the correlations BTC price ↔ hashrate {a}, BTC price ↔ GPU rent {b} and hashrate ↔ GPU rent {c} do not form a valid correlation matrix (it is not positive semi-definite: its determinant 1 + 2abc − a² − b² − c² is {:.3}, below 0); bring one of them closer to 0",
            determinant(a, b, c)
        ),
        Value::from(a),
    ))
}

/// Checks the options against their registry entries ([`crate::fields::RISK_FIELDS`]) and the
/// correlations against each other; an empty list means they may run. Field paths are the
/// option names (`paths`, …).
pub fn validate_options(o: &RiskOptions) -> Vec<ValidationError> {
    match serde_json::to_value(o) {
        Ok(Value::Object(mut map)) => {
            let mut errors =
                crate::validate::check_document(&mut map, crate::fields::RISK_FIELDS, crate::validate::Origin::Rust);
            errors.extend(correlation_error(o));
            errors
        }
        _ => vec![ValidationError::new(
            "",
            ErrorCode::InvalidType,
            "the options could not be read",
            Value::Null,
        )],
    }
}

/// Reads options from a JSON value (what is left out takes its default), reporting every
/// unknown key, wrong type and out-of-range value at once, each at its option's name.
pub fn options_from_value(value: Value) -> Result<RiskOptions, Vec<ValidationError>> {
    let mut map = match value {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        other => {
            return Err(vec![ValidationError::new(
                "",
                ErrorCode::InvalidType,
                "must be an object such as { paths: 10000, seed: 42 }",
                crate::validate::kind_of(&other),
            )])
        }
    };
    map.retain(|_, v| !v.is_null());
    let errors =
        crate::validate::check_document(&mut map, crate::fields::RISK_FIELDS, crate::validate::Origin::Document);
    if !errors.is_empty() {
        return Err(errors);
    }
    let options: RiskOptions = serde_json::from_value(Value::Object(map)).map_err(|e| {
        vec![ValidationError::new(
            "",
            ErrorCode::InvalidType,
            e.to_string(),
            Value::Null,
        )]
    })?;
    match correlation_error(&options) {
        Some(error) => Err(vec![error]),
        None => Ok(options),
    }
}

/// The Monte Carlo risk analysis of a scenario: `o.paths` paths of BTC price, network
/// hashrate growth and GPU rent decline (module docs), the NPV of every pathway on each,
/// and their distribution. Every problem with the scenario or the options is returned at
/// once (scenario fields by their path, options by their name).
///
/// Uses the fast path unless [`full_model_reason`] names a setting it cannot follow, where each
/// path runs the full model.
pub fn risk(s: &Scenario, o: &RiskOptions) -> Result<RiskReport, Vec<ValidationError>> {
    risk_with_progress(s, o, &mut |_, _| {})
}

/// [`risk`], calling `progress(paths done, paths)` after each batch of paths (a page's
/// progress bar; the answer does not depend on it).
pub fn risk_with_progress(
    s: &Scenario,
    o: &RiskOptions,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<RiskReport, Vec<ValidationError>> {
    let method = if full_model_reason(s).is_some() {
        RiskMethod::FullModel
    } else {
        RiskMethod::Fast
    };
    run(s, o, method, progress)
}

/// Why the fast path cannot value this scenario, if it cannot: it discounts every pathway's
/// unlevered flows at one rate and is linear in the draws, so tax (losses carried forward),
/// equity flows (a loan sculpted to the cash flow), per-pathway rates, a value at the horizon
/// in the verdict and a phased conversion (it follows one phase) each send every path
/// through the whole model.
pub fn full_model_reason(s: &Scenario) -> Option<&'static str> {
    let f = &s.finance;
    if f.tax_enabled {
        Some("tax is enabled (losses carry forward, which is not linear in the draws)")
    } else if f.verdict_basis == crate::scenario::Basis::Equity {
        Some("the pathways are compared on equity cash flows (a loan sculpted to the cash flow is not linear in the draws)")
    } else if f.rates_by_pathway {
        Some("each pathway has its own discount rate")
    } else if f.include_terminal_value {
        Some("the value at the horizon is counted")
    } else if s.retrofit.phases.len() > 1 {
        Some("the conversion is built in phases")
    } else if s.bitcoin.has_network_curve() {
        Some("a hashprice or network hashrate curve is entered")
    } else {
        None
    }
}

/// [`risk`] with the evaluation method chosen by the caller: [`RiskMethod::FullModel`] runs
/// the whole model per path (the reference the fast path is tested against);
/// [`RiskMethod::Fast`] on a scenario with a [`full_model_reason`] falls back to the full model,
/// since the fast path would be wrong there.
pub fn risk_using(s: &Scenario, o: &RiskOptions, method: RiskMethod) -> Result<RiskReport, Vec<ValidationError>> {
    run(s, o, method, &mut |_, _| {})
}

fn run(
    s: &Scenario,
    o: &RiskOptions,
    method: RiskMethod,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<RiskReport, Vec<ValidationError>> {
    let prepared = Prepared::new(s, o, method)?;
    let paths = o.paths as usize;
    let every: Vec<usize> = (0..paths.div_ceil(BATCH)).collect();
    let outs = prepared.batches(s, o, &every, progress);
    let mut samples = prepared.samples(s, o);
    for out in &outs {
        samples.place(out, s.months() as usize / 12, paths);
    }
    Ok(prepared.report(s, o, samples))
}

/// A run's pieces that do not depend on the draws, for a scenario and options that passed
/// validation and the work cap.
struct Prepared {
    method: RiskMethod,
    mining: MiningStage,
    capex: CapexStage,
    deterministic: PerPathway<f64>,
    /// The equity, valued apart on the first paths on the same draws: the model and its
    /// deterministic NPVs.
    equity: Option<(FullModel, PerPathway<f64>)>,
    fingerprint: String,
}

impl Prepared {
    fn new(s: &Scenario, o: &RiskOptions, method: RiskMethod) -> Result<Prepared, Vec<ValidationError>> {
        let mut errors = crate::validate::validate(s);
        errors.extend(validate_options(o));
        if !errors.is_empty() {
            return Err(errors);
        }
        let method = if full_model_reason(s).is_some() {
            RiskMethod::FullModel
        } else {
            method
        };
        if let Some(error) = too_much_work(s, o, method) {
            return Err(vec![error]);
        }
        let mining = MiningStage::new(s);
        let capex = CapexStage::new(s);
        let deterministic = npvs_with(s, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default());
        let equity = (equity_paths(s, o) > 0).then(|| {
            let mut e = s.clone();
            e.finance.verdict_basis = crate::scenario::Basis::Equity;
            let npvs = npvs_with(&e, &mining.runs, &capex, Adjust::NONE, &mut Buffers::default());
            (FullModel::new(&e), npvs)
        });
        let mut known: Vec<f64> = PathwayId::ALL.iter().map(|&id| deterministic[id]).collect();
        if let Some((_, npvs)) = &equity {
            known.extend(PathwayId::ALL.iter().map(|&id| npvs[id]));
        }
        let fingerprint = fingerprint(o, &known, &mining.btc);
        Ok(Prepared {
            method,
            mining,
            capex,
            deterministic,
            equity,
            fingerprint,
        })
    }

    /// The equity paths: the first `equityPaths` when the equity is valued apart.
    fn equity_count(&self, o: &RiskOptions) -> usize {
        self.equity.as_ref().map_or(0, |_| o.equity_paths.min(o.paths) as usize)
    }

    /// The fingerprint of the run's inputs ([`fingerprint`]).
    fn run(&self) -> String {
        self.fingerprint.clone()
    }

    /// Draws and evaluates the listed batches ([`simulate_batches`]).
    fn batches(
        &self,
        s: &Scenario,
        o: &RiskOptions,
        batches: &[usize],
        progress: &mut dyn FnMut(u32, u32),
    ) -> Vec<BatchOut> {
        let equity = self.equity.as_ref().map(|(model, _)| model);
        let btc = &self.mining.btc;
        let equity_count = self.equity_count(o);
        let threads = threads_for(batches.len());
        match self.method {
            RiskMethod::Fast => {
                let engine = RiskModel::from_stages(s, &self.mining, &self.capex, self.deterministic);
                simulate_batches(s, o, btc, engine, equity, equity_count, batches, threads, progress)
            }
            RiskMethod::FullModel => {
                let engine = FullModel::new(s);
                simulate_batches(s, o, btc, engine, equity, equity_count, batches, threads, progress)
            }
        }
    }

    /// Empty samples of the run's size.
    fn samples(&self, s: &Scenario, o: &RiskOptions) -> Samples {
        let (paths, years) = (o.paths as usize, s.months() as usize / 12);
        Samples {
            npvs: PerPathway::from_fn(|_| vec![0.0; paths]),
            fan: vec![0.0f32; years * paths],
            hashprice: vec![0.0f32; years * paths],
            equity: PerPathway::from_fn(|_| vec![0.0; self.equity_count(o)]),
        }
    }

    fn report(&self, s: &Scenario, o: &RiskOptions, samples: Samples) -> RiskReport {
        let equity_deterministic = match (&self.equity, s.finance.verdict_basis) {
            (Some((_, d)), _) => Some(*d),
            (None, crate::scenario::Basis::Equity) if financing_on(s) => Some(self.deterministic),
            _ => None,
        };
        summarize(
            s,
            o,
            self.method,
            &self.mining,
            self.deterministic,
            equity_deterministic,
            samples,
        )
    }
}

/// The environment variable that sets how many threads a native risk run uses.
pub const THREADS_VARIABLE: &str = "MINEPIVOT_THREADS";

/// Most shares a run may be split into ([`risk_part`]).
pub const MAX_PARTS: u32 = 64;

/// One share of a run computed apart (a Web Worker's, so that a page can use every core,
/// which wasm without threads cannot): the batches b of [`BATCH`] paths with b mod `parts` =
/// `part`, in order. [`risk_from_parts`] puts the shares back together into the report that
/// [`risk`] gives: a batch's paths depend on the seed and its number alone ([`at_batch`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RiskPart {
    /// The run's fingerprint (its options and what its scenario gives before any draw): shares
    /// of other inputs are refused.
    pub run: String,
    pub part: u32,
    pub parts: u32,
    /// Per pathway, the NPV of each of the share's paths, USD.
    pub npvs: PerPathway<Vec<f64>>,
    /// The BTC price and the hashprice at each model year's last month, path after path.
    pub fan: Vec<f32>,
    pub hashprice: Vec<f32>,
    /// Per pathway, the equity NPV of the share's paths among the first `equityPaths`.
    pub equity: PerPathway<Vec<f64>>,
}

/// A run's fingerprint: FNV-1a (64 bits, in hex) of the options' JSON and of what the
/// scenario gives before any draw — each pathway's deterministic NPV (and its equity's), the
/// projected BTC price of every month — so that shares computed for other inputs (another
/// seed, another scenario) are not put together with this run's even when they have its
/// sizes. (Hashing the whole scenario's JSON would add ~20 KB of serialiser to the wasm.)
fn fingerprint(o: &RiskOptions, deterministic: &[f64], btc: &BitcoinReport) -> String {
    let text = serde_json::to_string(o).unwrap_or_default();
    let numbers = deterministic
        .iter()
        .copied()
        .chain(btc.months.iter().map(|m| m.btc_price_usd))
        .flat_map(f64::to_le_bytes);
    let hash = text.bytes().chain(numbers).fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// How many paths share `part` of `parts` holds, and how many of them the equity is valued
/// on, for a scenario and options that passed validation (what [`risk_part`] returns and
/// [`risk_from_parts`] expects).
pub fn share_size(s: &Scenario, o: &RiskOptions, part: u32, parts: u32) -> (usize, usize) {
    let (paths, equity) = (o.paths as usize, equity_paths(s, o) as usize);
    batches_of(part, parts, o.paths).iter().fold((0, 0), |(n, e), &b| {
        (
            n + BATCH.min(paths - b * BATCH),
            e + equity.saturating_sub(b * BATCH).min(BATCH),
        )
    })
}

/// The batches of share `part` of `parts` in a run of `paths` paths.
fn batches_of(part: u32, parts: u32, paths: u32) -> Vec<usize> {
    let batches = (paths as usize).div_ceil(BATCH);
    (part as usize..batches).step_by(parts.max(1) as usize).collect()
}

fn check_share(part: u32, parts: u32) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    if !(1..=MAX_PARTS).contains(&parts) {
        errors.push(ValidationError::new(
            "parts",
            ErrorCode::OutOfRange,
            format!("must be between 1 and {MAX_PARTS} (got {parts})"),
            Value::from(parts),
        ));
    } else if part >= parts {
        errors.push(ValidationError::new(
            "part",
            ErrorCode::OutOfRange,
            format!("must be between 0 and {} (got {part})", parts - 1),
            Value::from(part),
        ));
    }
    errors
}

/// Share `part` of `parts` of the run [`risk`] makes of `s` with `o` ([`RiskPart`]);
/// `progress(paths done, paths of the share)` after each batch.
pub fn risk_part(
    s: &Scenario,
    o: &RiskOptions,
    part: u32,
    parts: u32,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<RiskPart, Vec<ValidationError>> {
    let shares = check_share(part, parts);
    let prepared = match Prepared::new(s, o, RiskMethod::Fast) {
        Ok(p) if shares.is_empty() => p,
        Ok(_) => return Err(shares),
        Err(mut errors) => {
            errors.extend(shares);
            return Err(errors);
        }
    };
    let outs = prepared.batches(s, o, &batches_of(part, parts, o.paths), progress);
    let mut share = RiskPart {
        run: prepared.run(),
        part,
        parts,
        npvs: PerPathway::default(),
        fan: Vec::new(),
        hashprice: Vec::new(),
        equity: PerPathway::default(),
    };
    for out in outs {
        for id in PathwayId::ALL {
            share.npvs[id].extend(out.npvs.iter().map(|v| v[id]));
            share.equity[id].extend(out.equity.iter().map(|v| v[id]));
        }
        share.fan.extend(out.fan);
        share.hashprice.extend(out.hashprice);
    }
    // The same net as the whole run's summary: a share never carries a NaN across.
    for id in PathwayId::ALL {
        for v in share.npvs[id].iter_mut().chain(share.equity[id].iter_mut()) {
            *v = finite_or(*v, 0.0);
        }
    }
    Ok(share)
}

/// The report of a run computed in shares ([`risk_part`]): every share of one split, each
/// once, of the same scenario and options; equal to [`risk`]'s. Shares that do not fit the
/// run (missing, repeated, of another split or of the wrong length) are refused at `parts`.
pub fn risk_from_parts(s: &Scenario, o: &RiskOptions, shares: &[RiskPart]) -> Result<RiskReport, Vec<ValidationError>> {
    let prepared = Prepared::new(s, o, RiskMethod::Fast)?;
    let (paths, years) = (o.paths as usize, s.months() as usize / 12);
    let equity_count = prepared.equity_count(o);
    let refuse = |message: String| {
        vec![ValidationError::new(
            "parts",
            ErrorCode::Inconsistent,
            message,
            Value::from(shares.len()),
        )]
    };
    let parts = shares.first().map_or(0, |share| share.parts);
    let errors = check_share(0, parts);
    if !errors.is_empty() {
        return Err(errors);
    }
    if shares.len() != parts as usize {
        return Err(refuse(format!(
            "must hold the {parts} shares of the split, each once (got {})",
            shares.len()
        )));
    }
    let mut seen = vec![false; parts as usize];
    let mut samples = prepared.samples(s, o);
    let run = prepared.run();
    for share in shares {
        if share.run != run {
            return Err(refuse(format!(
                "share {} was computed for other inputs (another scenario, seed or option)",
                share.part
            )));
        }
        let fits =
            share.parts == parts && share.part < parts && !std::mem::replace(&mut seen[share.part as usize], true);
        if !fits {
            return Err(refuse(format!(
                "must hold the {parts} shares of the split, each once (share {} of {} does not fit)",
                share.part, share.parts
            )));
        }
        let batches = batches_of(share.part, parts, o.paths);
        let (count, equity) = share_size(s, o, share.part, parts);
        let sized = PathwayId::ALL
            .iter()
            .all(|&id| share.npvs[id].len() == count && share.equity[id].len() == equity)
            && share.fan.len() == count * years
            && share.hashprice.len() == count * years;
        if !sized {
            return Err(refuse(format!(
                "share {} does not hold the {count} paths of its batches for these options",
                share.part
            )));
        }
        // What a share can hold: finite NPVs, and prices and hashprices that are not negative
        // (nor NaN; an extreme path's price may pass f32's range, +∞, as in `risk()`). Anything
        // else was not computed by `risk_part` (a corrupted or forged share) and would pass
        // into the percentiles unseen.
        let finite = PathwayId::ALL
            .iter()
            .all(|&id| share.npvs[id].iter().chain(&share.equity[id]).all(|v| v.is_finite()));
        let priced = share.fan.iter().chain(&share.hashprice).all(|v| *v >= 0.0);
        if !(finite && priced) {
            return Err(refuse(format!(
                "share {} holds a number no run produces (an NPV that is not finite, or a price that is negative or NaN)",
                share.part
            )));
        }
        let (mut k, mut e) = (0, 0);
        for b in batches {
            let size = BATCH.min(paths - b * BATCH);
            let valued = equity_count.saturating_sub(b * BATCH).min(size);
            let out = BatchOut {
                first: b * BATCH,
                npvs: (k..k + size)
                    .map(|i| PerPathway::from_fn(|id| share.npvs[id][i]))
                    .collect(),
                fan: share.fan[k * years..(k + size) * years].to_vec(),
                hashprice: share.hashprice[k * years..(k + size) * years].to_vec(),
                equity: (e..e + valued)
                    .map(|i| PerPathway::from_fn(|id| share.equity[id][i]))
                    .collect(),
            };
            samples.place(&out, years, paths);
            k += size;
            e += valued;
        }
    }
    Ok(prepared.report(s, o, samples))
}

/// What the paths produce: NPVs per pathway and the BTC price at each year's last month.
struct Samples {
    npvs: PerPathway<Vec<f64>>,
    /// Year-major: `fan[y × paths + p]`; f32 keeps 30 years × 100,000 paths at 12 MB.
    fan: Vec<f32>,
    /// The hashprice at each year's end, laid out as `fan`.
    hashprice: Vec<f32>,
    /// The equity NPVs of the first paths (empty when not valued apart).
    equity: PerPathway<Vec<f64>>,
}

/// Paths drawn before they are evaluated together ([`PathNpvs::batch`]): enough for one
/// month's look-ups to be shared across paths, few enough for their prices (128 × 360 months
/// at most, 369 KB) to stay near. Also the unit of the random streams ([`at_batch`]) and of
/// the work shared between threads: batch `b` holds paths `128 b …`.
pub const BATCH: usize = 128;

/// What every batch draws from: the scenario's and the options' constants.
struct Drawing<'a> {
    s: &'a Scenario,
    o: &'a RiskOptions,
    median: Vec<f64>,
    jumps: Option<Jumps>,
    correlation: Correlation,
    root_shocks: f64,
    project: ProjectDraws,
    bounds: RateBounds,
    horizon: usize,
}

impl<'a> Drawing<'a> {
    fn new(s: &'a Scenario, o: &'a RiskOptions, base: &BitcoinReport) -> Drawing<'a> {
        let horizon = s.months() as usize;
        Drawing {
            s,
            o,
            median: base.months.iter().map(|m| m.btc_price_usd).collect(),
            jumps: Jumps::new(o.btc_jumps_per_year, o.btc_jump_mean_pct, o.btc_jump_sd_pct),
            // Validated options form a valid matrix; the identity is the fallback that cannot happen.
            correlation: correlation_of(o).unwrap_or(Correlation::IDENTITY),
            root_shocks: (horizon.saturating_sub(1) as f64).sqrt().max(1.0),
            project: ProjectDraws::new(s, o),
            bounds: RateBounds::from_registry(),
            horizon,
        }
    }

    /// Batch `b`'s `size` paths in antithetic pairs (module docs): their prices one path after
    /// the other into `prices`, their other draws into `draws`. From the three streams moved
    /// to the batch ([`at_batch`]), so a batch's paths are the same whoever draws them.
    fn batch(&self, b: usize, size: usize, scratch: &mut Scratch) {
        let seed = self.o.seed;
        let mut rng = at_batch(generator(seed), b);
        let mut project_rng = at_batch(project_generator(seed), b);
        let mut jump_rng = at_batch(jump_generator(seed), b);
        let Scratch {
            prices,
            draws,
            path,
            mirror,
            ..
        } = scratch;
        prices.clear();
        draws.clear();
        path.resize(self.horizon, 0.0);
        mirror.resize(self.horizon, 0.0);
        let (s, o, project) = (self.s, self.o, &self.project);
        let bitcoin = &s.bitcoin;
        while draws.len() < size {
            let (e_hashrate, e_gpu) = rate_shocks(&mut rng);
            let shocks = project_shocks(&mut project_rng);
            let total = if bitcoin.btc_price_curve.is_empty() {
                btc_price_paths(
                    &mut rng,
                    bitcoin.btc_price_usd,
                    bitcoin.btc_price_growth_pct_per_year,
                    o.btc_volatility_pct,
                    path,
                    mirror,
                )
            } else {
                btc_price_paths_around(&mut rng, &self.median, o.btc_volatility_pct, path, mirror)
            };
            if let Some(jumps) = &self.jumps {
                jumps.apply(&mut jump_rng, path, mirror);
            }
            let (z_hashrate, z_gpu) = self.correlation.shocks(total / self.root_shocks, e_hashrate, e_gpu);
            for (sign, pair) in [(1.0, &*path), (-1.0, &*mirror)] {
                if draws.len() == size {
                    break;
                }
                let (hashrate_growth_pct, gpu_decline_pct) = rates(s, o, &self.bounds, sign * z_hashrate, sign * z_gpu);
                let (capex_factor, occupancy_pct) = project.at(sign * shocks.capex, sign * shocks.occupancy);
                let twin = |u: f64| if sign > 0.0 { u } else { 1.0 - u };
                let delay_months = project.delay(twin(shocks.delay));
                draws.push(PathDraw {
                    hashrate_growth_pct,
                    gpu_decline_pct,
                    capex_factor,
                    occupancy_pct,
                    default_month: project.default_month(twin(shocks.default), delay_months),
                    utilization_pct: project.utilization(sign * shocks.utilization),
                    fees_factor: project.fees(sign * shocks.fees),
                    renewal_factor: project.renewal(sign * shocks.renewal),
                    delay_months,
                    power_escalation_pct: project.power_escalation(sign * shocks.power, &self.bounds),
                });
                prices.extend_from_slice(pair);
            }
        }
    }
}

/// A batch's buffers, reused from batch to batch.
#[derive(Default)]
struct Scratch {
    prices: Vec<f64>,
    draws: Vec<PathDraw>,
    path: Vec<f64>,
    mirror: Vec<f64>,
    values: Vec<PerPathway<f64>>,
    hashprice: Vec<f32>,
}

/// One batch's answers: path k of the batch is path `first + k` of the run.
struct BatchOut {
    first: usize,
    npvs: Vec<PerPathway<f64>>,
    /// Path-major: the BTC price (`fan`) and the hashprice at each year's last month,
    /// `[k × years + y]`.
    fan: Vec<f32>,
    hashprice: Vec<f32>,
    /// The equity NPVs of the batch's paths that are valued apart (a prefix of the batch).
    equity: Vec<PerPathway<f64>>,
}

/// Draws and evaluates batch `b` of a run of `paths` paths.
fn run_batch(
    drawing: &Drawing,
    b: usize,
    paths: usize,
    engine: &mut dyn PathNpvs,
    equity: Option<&mut FullModel>,
    equity_count: usize,
    scratch: &mut Scratch,
) -> BatchOut {
    let first = b * BATCH;
    let size = BATCH.min(paths - first);
    let (horizon, years) = (drawing.horizon, drawing.horizon / 12);
    drawing.batch(b, size, scratch);
    scratch.values.resize(size, PerPathway::from_fn(|_| 0.0));
    scratch.hashprice.resize(size * years, 0.0);
    engine.batch(
        &scratch.prices,
        &scratch.draws,
        &mut scratch.values[..size],
        &mut scratch.hashprice[..size * years],
    );
    let mut fan = Vec::with_capacity(size * years);
    for prices in scratch.prices.chunks_exact(horizon.max(1)).take(size) {
        fan.extend((0..years).map(|y| prices[y * 12 + 11] as f32));
    }
    let valued = equity_count.saturating_sub(first).min(size);
    let equity = match equity {
        Some(model) => (0..valued)
            .map(|k| {
                model.npvs(
                    &scratch.prices[k * horizon..(k + 1) * horizon],
                    &scratch.draws[k],
                    &mut [],
                )
            })
            .collect(),
        None => Vec::new(),
    };
    BatchOut {
        first,
        npvs: scratch.values[..size].to_vec(),
        fan,
        hashprice: scratch.hashprice[..size * years].to_vec(),
        equity,
    }
}

/// How many threads share a run of `batches` batches: every core natively (at most 8, and
/// no more than there are batches), or [`THREADS_VARIABLE`] when set to a whole number from 1
/// (a shared server, a benchmark of one thread); one in wasm, which has no threads (the page
/// shares a run between Web Workers instead, [`risk_part`]). The answer does not depend on it.
fn threads_for(batches: usize) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    let cores = std::env::var(THREADS_VARIABLE)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get));
    #[cfg(target_arch = "wasm32")]
    let cores = 1;
    cores.clamp(1, 8).min(batches.max(1))
}

/// Draws the listed batches of a run and evaluates them on `threads` threads (thread t takes
/// the listed batches t, t + T, …, so the equity's full-model paths, the first ones, are
/// shared too); their answers in the order listed, `progress(paths done, paths listed)` after
/// each of the calling thread's batches. An odd `paths` drops the last pair's twin. With a
/// BTC price curve, the paths are drawn around the projection's price path (`base`) instead
/// of the price and its growth.
#[allow(clippy::too_many_arguments)]
fn simulate_batches<E: PathNpvs + Clone + Send>(
    s: &Scenario,
    o: &RiskOptions,
    base: &BitcoinReport,
    mut engine: E,
    equity: Option<&FullModel>,
    equity_count: usize,
    batches: &[usize],
    threads: usize,
    progress: &mut dyn FnMut(u32, u32),
) -> Vec<BatchOut> {
    let paths = o.paths as usize;
    let drawing = Drawing::new(s, o, base);
    let listed: usize = batches.iter().map(|&b| BATCH.min(paths - b * BATCH)).sum();
    let threads = threads.clamp(1, batches.len().max(1));
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Thread t's share: the listed batches t, t + T, …
    let share = |t: usize, engine: &mut E, mut equity: Option<FullModel>, report: &mut dyn FnMut(usize)| {
        let mut scratch = Scratch::default();
        batches
            .iter()
            .enumerate()
            .skip(t)
            .step_by(threads)
            .map(|(k, &b)| {
                let out = run_batch(&drawing, b, paths, engine, equity.as_mut(), equity_count, &mut scratch);
                report(out.npvs.len());
                (k, out)
            })
            .collect::<Vec<_>>()
    };
    let mut tick = |n: usize| {
        let total = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        progress(total as u32, listed as u32);
    };
    // Natively the other threads take their shares; wasm has none (and no thread code).
    #[cfg(not(target_arch = "wasm32"))]
    let found: Vec<(usize, BatchOut)> = if threads == 1 {
        share(0, &mut engine, equity.cloned(), &mut tick)
    } else {
        let found = std::thread::scope(|scope| {
            // A thread the system refuses (a process limit) leaves its share to this one.
            let helpers: Vec<_> = (1..threads)
                .map(|t| {
                    let (mut engine, equity, done, share) = (engine.clone(), equity.cloned(), &done, &share);
                    std::thread::Builder::new()
                        .spawn_scoped(scope, move || {
                            share(t, &mut engine, equity, &mut |n| {
                                done.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                            })
                        })
                        .map_err(|_| t)
                })
                .collect();
            let mut found = share(0, &mut engine, equity.cloned(), &mut tick);
            for helper in helpers {
                match helper {
                    // A helper only panics on a bug; resume it here so that it is not lost.
                    Ok(handle) => found.extend(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))),
                    Err(t) => found.extend(share(t, &mut engine.clone(), equity.cloned(), &mut tick)),
                }
            }
            found
        });
        // The other threads' last batches may end after this thread's last report.
        progress(listed as u32, listed as u32);
        found
    };
    #[cfg(target_arch = "wasm32")]
    let found = share(0, &mut engine, equity.cloned(), &mut tick);
    // In the order listed.
    let mut slots: Vec<Option<BatchOut>> = batches.iter().map(|_| None).collect();
    for (k, out) in found {
        slots[k] = Some(out);
    }
    slots.into_iter().flatten().collect()
}

impl Samples {
    /// Puts a batch's answers at its paths.
    fn place(&mut self, out: &BatchOut, years: usize, paths: usize) {
        for (k, value) in out.npvs.iter().enumerate() {
            let p = out.first + k;
            for id in PathwayId::ALL {
                self.npvs[id][p] = value[id];
            }
            for y in 0..years {
                self.fan[y * paths + p] = out.fan[k * years + y];
                self.hashprice[y * paths + p] = out.hashprice[k * years + y];
            }
        }
        for (k, value) in out.equity.iter().enumerate() {
            for id in PathwayId::ALL {
                self.equity[id][out.first + k] = value[id];
            }
        }
    }
}

fn summarize(
    s: &Scenario,
    o: &RiskOptions,
    method: RiskMethod,
    mining: &MiningStage,
    deterministic: PerPathway<f64>,
    equity_deterministic: Option<PerPathway<f64>>,
    samples: Samples,
) -> RiskReport {
    let btc = &mining.btc;
    let Samples {
        mut npvs,
        mut fan,
        hashprice,
        equity,
    } = samples;
    // Finite inputs give finite NPVs; this is the net that keeps NaN out of the report.
    for id in PathwayId::ALL {
        for v in npvs[id].iter_mut() {
            if !v.is_finite() {
                *v = 0.0;
            }
        }
    }
    let paths = o.paths as usize;
    let share = |n: usize| n as f64 / paths.max(1) as f64 * 100.0;

    let mut best = PerPathway::<usize>::default();
    for p in 0..paths {
        let (winner, _) = best_pathways(PerPathway::from_fn(|id| npvs[id][p]));
        best[winner] += 1;
    }

    // The bins span the 1st to the 99th percentile of every pathway's paths together, so that
    // a far tail of one pathway does not squeeze the others into a bar or two; the paths
    // beyond are counted in each series' `below` and `above`.
    let mut pooled: Vec<f64> = npvs.iter().flat_map(|(_, values)| values.iter().copied()).collect();
    let [lo, hi] = percentiles(&mut pooled, [0.01, 0.99]);
    let edges = bin_edges(lo, hi, o.histogram_bins.max(1) as usize);
    let series: Vec<HistogramSeries> = npvs
        .iter()
        .map(|(id, values)| {
            let (counts, below, above) = histogram_counts(values, &edges);
            HistogramSeries {
                id,
                counts,
                below,
                above,
            }
        })
        .collect();

    let mut pathways = Vec::with_capacity(3);
    let mut pivot = vec![0.0; paths];
    for id in PathwayId::ALL {
        let (beats, pivot_pcts) = if id == PathwayId::Mining {
            (None, [None; 3])
        } else {
            let mut wins = 0;
            for (p, slot) in pivot.iter_mut().enumerate() {
                *slot = npvs[id][p] - npvs.mining[p];
                wins += usize::from(*slot > 0.0);
            }
            let [p10, p50, p90] = percentiles(&mut pivot, [0.1, 0.5, 0.9]);
            (Some(share(wins)), [Some(p10), Some(p50), Some(p90)])
        };
        let values = &mut npvs[id];
        let (min, max) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
        // Every path alike: exactly that value and no spread (a sum's rounding would leave
        // a mean an ulp off and a standard deviation of a few millionths of a dollar).
        let (mean, variance) = if min == max {
            (min, 0.0)
        } else {
            let mean = values.iter().sum::<f64>() / paths.max(1) as f64;
            let variance =
                values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / paths.saturating_sub(1).max(1) as f64;
            (mean, variance)
        };
        let losses = values.iter().filter(|&&v| v < 0.0).count();
        let [p10, p50, p90] = percentiles(values, [0.1, 0.5, 0.9]);
        pathways.push(PathwayRisk {
            id,
            label: id.label().to_string(),
            deterministic_npv_usd: deterministic[id],
            mean_npv_usd: mean,
            std_dev_npv_usd: finite_or(variance.sqrt(), 0.0),
            p10_npv_usd: p10,
            p50_npv_usd: p50,
            p90_npv_usd: p90,
            min_npv_usd: finite_or(min, 0.0),
            max_npv_usd: finite_or(max, 0.0),
            probability_beats_mining_pct: beats,
            pivot_value_p10_usd: pivot_pcts[0],
            pivot_value_p50_usd: pivot_pcts[1],
            pivot_value_p90_usd: pivot_pcts[2],
            probability_best_pct: share(best[id]),
            probability_of_loss_pct: share(losses),
        });
    }

    let b = &s.bitcoin;
    let btc_price_fan = fan_bands(&fan, paths, |m| {
        (
            btc.months.get(m).map(|b| b.month.clone()).unwrap_or_default(),
            grow(b.btc_price_usd, b.btc_price_growth_pct_per_year, m as f64),
        )
    });
    fan.clear();
    let hashprice_fan = fan_bands(&hashprice, paths, |m| {
        btc.months
            .get(m)
            .map_or((String::new(), 0.0), |b| (b.month.clone(), b.hashprice_usd_per_ph_day))
    });

    // The equity: valued apart on the first paths, or (compared on equity) every path's NPV.
    let equity = equity_deterministic.map(|det| {
        let mut values = if equity[PathwayId::Mining].is_empty() {
            npvs.clone()
        } else {
            equity
        };
        equity_risk(s, &mut values, det)
    });

    let mut notes = vec![format!(
        "{} paths, seed {}: each probability carries a sampling error of at most ±{:.1} percentage points (one standard error, 50/√paths).",
        crate::format::grouped(f64::from(o.paths)),
        o.seed,
        50.0 / (paths.max(1) as f64).sqrt()
    )];
    let b = &s.bitcoin;
    if b.hashrate_model == crate::scenario::HashrateModel::Economic {
        notes.push(
            "The network hashrate follows each drawn BTC price path (the economic model): the hashrate growth spread is not used.".to_string(),
        );
    }
    if b.has_network_curve() {
        notes.push(
            "In the months a hashprice or network hashrate curve covers, the curve holds whatever BTC price is drawn."
                .to_string(),
        );
    }
    if !b.btc_price_curve.is_empty() {
        notes.push("The BTC price paths are drawn around the BTC price curve entered.".to_string());
    }
    let drawn = drawn_factors(s, o);
    notes.push(if drawn.is_empty() {
        "Nothing is drawn: every path is the scenario's own.".to_string()
    } else {
        format!(
            "Drawn: {}. Everything else (month 0's power price, the first term's lease rate, the discount rate) keeps its scenario value.",
            drawn.iter().map(|d| factor_label(d)).collect::<Vec<_>>().join(", ")
        )
    });
    if method == RiskMethod::FullModel {
        notes.push(if let Some(reason) = full_model_reason(s) {
            format!("Every path runs the full model because {reason}: slower than the fast path.")
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
        hashprice_fan,
        equity,
        drawn,
        notes,
    }
}

/// The bands of a year-major fan (`values[y × paths + p]`): mean and percentiles per year,
/// with the month's label and deterministic value from `at(month index)`.
fn fan_bands(values: &[f32], paths: usize, at: impl Fn(usize) -> (String, f64)) -> Vec<PriceBand> {
    let years = values.len() / paths.max(1);
    let mut column = vec![0.0f64; paths];
    (0..years)
        .map(|y| {
            let m = y * 12 + 11;
            for (slot, &v) in column.iter_mut().zip(&values[y * paths..(y + 1) * paths]) {
                *slot = if v.is_finite() { f64::from(v) } else { 0.0 };
            }
            let mean = column.iter().sum::<f64>() / paths.max(1) as f64;
            let [p10, p50, p90] = percentiles(&mut column, [0.1, 0.5, 0.9]);
            let (month, deterministic) = at(m);
            PriceBand {
                year: y as u32 + 1,
                month_index: m as u32,
                month,
                deterministic_usd: finite_or(deterministic, 0.0),
                mean_usd: finite_or(mean, 0.0),
                p10_usd: finite_or(p10, 0.0),
                p50_usd: finite_or(p50, 0.0),
                p90_usd: finite_or(p90, 0.0),
            }
        })
        .collect()
}

/// The equity's statistics from its paths' NPVs (`values`, one list per pathway).
fn equity_risk(s: &Scenario, values: &mut PerPathway<Vec<f64>>, deterministic: PerPathway<f64>) -> EquityRisk {
    let n = values.mining.len();
    let share = |k: usize| k as f64 / n.max(1) as f64 * 100.0;
    for id in PathwayId::ALL {
        for v in values[id].iter_mut() {
            if !v.is_finite() {
                *v = 0.0;
            }
        }
    }
    // Paired with mining path by path, before the percentiles sort the lists.
    let beats = PerPathway::from_fn(|id| {
        (id != PathwayId::Mining).then(|| share(values[id].iter().zip(&values.mining).filter(|(a, m)| a > m).count()))
    });
    let mut pathways = Vec::with_capacity(3);
    for id in PathwayId::ALL {
        let beats = beats[id];
        let column = &mut values[id];
        let mean = column.iter().sum::<f64>() / n.max(1) as f64;
        let losses = column.iter().filter(|&&v| v < 0.0).count();
        let [p10, p50, p90] = percentiles(column, [0.1, 0.5, 0.9]);
        pathways.push(EquityPathwayRisk {
            id,
            label: id.label().to_string(),
            deterministic_npv_usd: deterministic[id],
            mean_npv_usd: finite_or(mean, 0.0),
            p10_npv_usd: p10,
            p50_npv_usd: p50,
            p90_npv_usd: p90,
            probability_of_loss_pct: share(losses),
            probability_beats_mining_pct: beats,
        });
    }
    EquityRisk {
        paths: n as u32,
        cost_of_equity_pct: s.finance.cost_of_equity_pct,
        pathways,
    }
}

/// The factors a run draws ([`RiskReport::drawn`]).
fn drawn_factors(s: &Scenario, o: &RiskOptions) -> Vec<String> {
    let economic = s.bitcoin.hashrate_model == crate::scenario::HashrateModel::Economic;
    [
        ("btcPrice", o.btc_volatility_pct > 0.0),
        (
            "networkHashrate",
            if economic {
                o.btc_volatility_pct > 0.0
            } else {
                o.hashrate_growth_sd_pct > 0.0
            },
        ),
        ("gpuRent", o.gpu_rent_decline_sd_pct > 0.0),
        (
            "buildCost",
            o.capex_overrun_mean_pct != 0.0 || o.capex_overrun_sd_pct > 0.0,
        ),
        ("occupancy", o.occupancy_sd_pct > 0.0),
        ("tenantDefault", o.tenant_default_pct_per_year > 0.0),
        ("gpuUtilization", o.gpu_utilization_sd_pct > 0.0),
        ("btcJumps", o.btc_jumps_per_year > 0.0),
        ("fees", o.fees_sd_pct > 0.0),
        ("renewalRent", o.renewal_rent_sd_pct > 0.0),
        ("buildDelay", o.build_delay_mean_months > 0.0),
        ("powerPrice", o.power_escalation_sd_pct > 0.0),
    ]
    .into_iter()
    .filter(|&(_, on)| on)
    .map(|(name, _)| name.to_string())
    .collect()
}

/// A drawn factor's name as the notes say it.
fn factor_label(name: &str) -> &'static str {
    match name {
        "btcPrice" => "the BTC price",
        "networkHashrate" => "the network hashrate",
        "gpuRent" => "the GPU rent's decline",
        "buildCost" => "the build cost (overrun)",
        "occupancy" => "the colocation occupancy",
        "tenantDefault" => "the colocation tenant's default",
        "gpuUtilization" => "the GPU utilisation",
        "btcJumps" => "jumps of the BTC price",
        "fees" => "the fees per block",
        "renewalRent" => "the colocation rent after the first term",
        "buildDelay" => "the construction delay",
        "powerPrice" => "the power price's escalation",
        _ => "another factor",
    }
}
