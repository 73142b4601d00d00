//! The random draws: BTC price paths in antithetic pairs, and the two yearly rates.

use rand::{RngExt, SeedableRng};
use rand_distr::{Geometric, StandardNormal};

use super::RiskOptions;
use crate::calendar::grow;
use crate::scenario::Scenario;

/// The random generator of the Monte Carlo: PCG-64 (MCG variant, 128-bit state).
pub type Generator = rand_pcg::Pcg64Mcg;

/// The generator for a seed (`SeedableRng::seed_from_u64`, stable across platforms).
pub fn generator(seed: u64) -> Generator {
    Generator::seed_from_u64(seed)
}

/// Draws a batch of paths may take from its stream: each batch starts this far into each of
/// the seed's streams ([`at_batch`]). A batch of 128 paths over 30 years draws about 10⁵.
pub const BATCH_STREAM: u128 = 1 << 64;

/// `stream` moved to where batch `batch` starts: `batch` × 2⁶⁴ draws on (PCG's jump-ahead,
/// `advance`, O(log n)). Batches so drawn are disjoint stretches of one stream, and a batch's
/// paths depend on the seed and its number alone, so batches may run in any order, on any
/// thread or Web Worker, and give the same paths.
pub fn at_batch(mut stream: Generator, batch: usize) -> Generator {
    stream.advance(BATCH_STREAM * batch as u128);
    stream
}

/// Fills `path` with one BTC price path, month 0 to `path.len() − 1`, and `mirror` with its
/// antithetic twin: the same standard normal shocks with the opposite sign (module docs).
///
/// `P₀ = price0`, `Pₘ = Pₘ₋₁ × (1 + g)^(1/12) × exp(−σₘ²/2 ± σₘ zₘ)`, σₘ = σ/√12, one z per
/// month after month 0. Each path alone is log-normal with E[Pₘ] = price0 × (1 + g)^(m/12);
/// the twins' log prices are symmetric about the median's, so √(Pₘ × P′ₘ) = price0 ×
/// (1 + g)^(m/12) × exp(−σ² m/24) exactly. The twin's factor is exp(−σₘ²) ÷ exp(−σₘ²/2 + σₘ z)
/// = exp(−σₘ²/2 − σₘ z): one `exp` serves both paths.
///
/// With zero volatility every factor is exactly 1, so both paths are the deterministic one,
/// computed as [`crate::bitcoin::project`] does (the same cumulative monthly factor).
///
/// Returns Σ zₘ, the sum of the path's shocks (the twin's is its negative): ÷ √(M − 1) it is
/// the standard normal shock of the path's whole log return, which the correlated draws
/// follow ([`Correlation`]).
///
/// ```
/// use minepivot::analysis::risk::{btc_price_paths, generator};
/// let (mut path, mut mirror) = ([0.0; 13], [0.0; 13]);
/// btc_price_paths(&mut generator(7), 50_000.0, 21.0, 0.0, &mut path, &mut mirror);
/// // No volatility: 50,000 × 1.21^(12/12) = 60,500 after a year, on both paths.
/// assert!((path[12] - 60_500.0).abs() < 1e-6 && (mirror[12] - 60_500.0).abs() < 1e-6);
/// ```
pub fn btc_price_paths(
    rng: &mut Generator,
    price0: f64,
    growth_pct_per_year: f64,
    volatility_pct: f64,
    path: &mut [f64],
    mirror: &mut [f64],
) -> f64 {
    let step = grow(1.0, growth_pct_per_year, 1.0);
    let sigma = volatility_pct / 100.0 / 12f64.sqrt();
    let drift = -0.5 * sigma * sigma;
    let both = (2.0 * drift).exp();
    let (mut up, mut down) = (price0, price0);
    let mut total = 0.0;
    for (m, (a, b)) in path.iter_mut().zip(mirror.iter_mut()).enumerate() {
        if m > 0 {
            let z: f64 = rng.sample(StandardNormal);
            total += z;
            let shock = (drift + sigma * z).exp();
            up *= step * shock;
            down *= step * (both / shock);
        }
        *a = up;
        *b = down;
    }
    total
}

/// [`btc_price_paths`] around a given path instead of a price and its growth (a BTC price
/// curve): `Pₘ = baseₘ × Πₖ≤ₘ exp(−σₖ²/2 ± σₖ zₖ)`, so that E[Pₘ] = baseₘ; the same number of
/// draws per month, and the same return (Σ zₘ).
pub fn btc_price_paths_around(
    rng: &mut Generator,
    base: &[f64],
    volatility_pct: f64,
    path: &mut [f64],
    mirror: &mut [f64],
) -> f64 {
    let sigma = volatility_pct / 100.0 / 12f64.sqrt();
    let drift = -0.5 * sigma * sigma;
    let both = (2.0 * drift).exp();
    let (mut up, mut down) = (1.0, 1.0);
    let mut total = 0.0;
    for (m, (a, b)) in path.iter_mut().zip(mirror.iter_mut()).enumerate() {
        if m > 0 {
            let z: f64 = rng.sample(StandardNormal);
            total += z;
            let shock = (drift + sigma * z).exp();
            up *= shock;
            down *= both / shock;
        }
        let median = base.get(m).copied().unwrap_or(0.0);
        *a = median * up;
        *b = median * down;
    }
    total
}

/// Jumps of the BTC price (a crash or a spike in a month), on top of the diffusion: in each
/// month after month 0 a jump happens with probability p = λ ÷ 12 (λ jumps a year; at most one
/// a month, a Bernoulli approximation of the Poisson process), its log size J ~ Normal(μ_J,
/// σ_J²). Every month is divided by its expected factor 1 − p + p E[e^J], E[e^J] =
/// exp(μ_J + σ_J²/2), so that the expected price path is unchanged. The twin takes the same
/// months with the size reflected about its mean, 2 μ_J − J: the same distribution. The months
/// between two jumps of a Bernoulli process are geometric, so the months that jump are found
/// by drawing those gaps (`rand_distr::Geometric`, one draw a jump instead of a uniform a
/// month); a normal is drawn for each jump's size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Jumps {
    probability: f64,
    mean: f64,
    sd: f64,
    compensation: f64,
    /// The months without a jump before the next one: Geometric(p).
    gap: Geometric,
}

impl Jumps {
    /// `per_year` jumps a year (0–12) of mean `mean_pct` % and spread `sd_pct` % in log terms;
    /// `None` when no jump can happen.
    pub fn new(per_year: f64, mean_pct: f64, sd_pct: f64) -> Option<Jumps> {
        let probability = (per_year / 12.0).clamp(0.0, 1.0);
        if probability <= 0.0 {
            return None;
        }
        let (mean, sd) = (mean_pct / 100.0, sd_pct / 100.0);
        let expected = 1.0 - probability + probability * (mean + sd * sd / 2.0).exp();
        Some(Jumps {
            probability,
            mean,
            sd,
            compensation: 1.0 / expected,
            // ok: 0 < p ≤ 1 here, the distribution's whole domain.
            gap: Geometric::new(probability).ok()?,
        })
    }

    /// The next month that jumps after month `m`.
    fn next_after(&self, rng: &mut Generator, m: usize) -> usize {
        let gap: u64 = rng.sample(self.gap);
        // A gap beyond any horizon (p tiny) saturates: no further jump.
        m.saturating_add(1)
            .saturating_add(usize::try_from(gap).unwrap_or(usize::MAX))
    }

    /// Multiplies a pair of paths by their jumps, month 1 on: the months that jump drawn from
    /// `rng` as geometric gaps, and for each a normal for its size.
    pub fn apply(&self, rng: &mut Generator, path: &mut [f64], mirror: &mut [f64]) {
        let (mut up, mut down) = (1.0, 1.0);
        let mut next = if path.len() > 1 {
            self.next_after(rng, 0)
        } else {
            usize::MAX
        };
        for (m, (a, b)) in path.iter_mut().zip(mirror.iter_mut()).enumerate().skip(1) {
            up *= self.compensation;
            down *= self.compensation;
            if m == next {
                let z: f64 = rng.sample(StandardNormal);
                up *= (self.mean + self.sd * z).exp();
                down *= (self.mean - self.sd * z).exp();
                next = self.next_after(rng, m);
            }
            *a *= up;
            *b *= down;
        }
    }
}

/// The generator of the BTC price's jumps for a seed: a third stream, so that switching jumps
/// on leaves the other draws of a seed as they were.
pub fn jump_generator(seed: u64) -> Generator {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..].copy_from_slice(b"jumps\0\0\0");
    Generator::from_seed(bytes)
}

/// The correlations of the three market draws, in the order BTC price (the standard normal
/// shock of a path's whole log return, Σ zₘ ÷ √(M − 1)), network hashrate growth, GPU rent
/// decline, as the lower triangle L of the Cholesky factor of their correlation matrix
/// (L Lᵀ = C): the correlated shocks are L (x, e₁, e₂) for the BTC price's x and two
/// independent standard normals. A positive semi-definite C that is singular (|ρ| = 1) has
/// zero pivots, whose columns are 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Correlation {
    l: [[f64; 3]; 3],
}

impl Correlation {
    /// No correlation: each shock its own.
    pub const IDENTITY: Correlation = Correlation {
        l: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    };

    /// The factor of C = [[1, a, b], [a, 1, c], [b, c, 1]] for a = ρ(BTC, hashrate), b =
    /// ρ(BTC, GPU rent), c = ρ(hashrate, GPU rent); `None` when C is not positive semi-definite
    /// (its determinant 1 + 2abc − a² − b² − c² below −10⁻⁹: every 2 × 2 minor, 1 − ρ², is
    /// non-negative for |ρ| ≤ 1, so the determinant decides).
    pub fn new(a: f64, b: f64, c: f64) -> Option<Correlation> {
        if [a, b, c].iter().any(|r| !(-1.0..=1.0).contains(r)) || determinant(a, b, c) < -1e-9 {
            return None;
        }
        let l11 = (1.0 - a * a).max(0.0).sqrt();
        let l21 = if l11 > 1e-12 { (c - a * b) / l11 } else { 0.0 };
        let l22 = (1.0 - b * b - l21 * l21).max(0.0).sqrt();
        Some(Correlation {
            l: [[1.0, 0.0, 0.0], [a, l11, 0.0], [b, l21, l22]],
        })
    }

    /// The hashrate's and the GPU rent's shocks for the BTC price's x and their own
    /// independent e₁, e₂. With no correlation they are e₁ and e₂ exactly.
    pub fn shocks(&self, x: f64, e1: f64, e2: f64) -> (f64, f64) {
        let l = &self.l;
        if l[1][0] == 0.0 && l[2][0] == 0.0 && l[2][1] == 0.0 {
            return (e1, e2);
        }
        (l[1][0] * x + l[1][1] * e1, l[2][0] * x + l[2][1] * e1 + l[2][2] * e2)
    }
}

/// det [[1, a, b], [a, 1, c], [b, c, 1]].
pub fn determinant(a: f64, b: f64, c: f64) -> f64 {
    1.0 + 2.0 * a * b * c - a * a - b * b - c * c
}

/// The two standard normal shocks of a pair of paths' yearly rates: (hashrate, GPU rent).
pub(super) fn rate_shocks(rng: &mut Generator) -> (f64, f64) {
    let z_hashrate: f64 = rng.sample(StandardNormal);
    let z_gpu: f64 = rng.sample(StandardNormal);
    (z_hashrate, z_gpu)
}

/// The ranges the drawn rates are kept in: each field's own (the registry's), looked up once
/// per run. A decline of 100 % or more would make the rent zero or negative.
pub(super) struct RateBounds {
    hashrate: (f64, f64),
    decline: (f64, f64),
    pub power: (f64, f64),
}

impl RateBounds {
    pub(super) fn from_registry() -> RateBounds {
        let range = |path: &str| crate::fields::get(path).map_or((f64::MIN, f64::MAX), crate::fields::Field::range);
        RateBounds {
            hashrate: range("bitcoin.networkHashrateGrowthPctPerYear"),
            decline: range("gpuCloud.rentDeclinePctPerYear"),
            power: range("site.powerPriceEscalationPctPerYear"),
        }
    }
}

/// What one path draws besides its BTC prices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathDraw {
    /// Yearly network hashrate growth, %.
    pub hashrate_growth_pct: f64,
    /// Yearly GPU rent decline, %.
    pub gpu_decline_pct: f64,
    /// The build cost's multiplier (1: as budgeted; [`crate::engine::Adjust::capex_factor`]).
    pub capex_factor: f64,
    /// The colocation lease's occupancy, %.
    pub occupancy_pct: f64,
    /// The month of the horizon the colocation tenant defaults in, if it does.
    pub default_month: Option<u32>,
    /// The GPU cloud's utilisation (share of its GPU-hours sold), %.
    pub utilization_pct: f64,
    /// The multiplier of the fees per block (1: the scenario's fees).
    pub fees_factor: f64,
    /// The multiplier of the colocation rent after the first term (renewal or re-let; 1: the
    /// scenario's; [`crate::engine::Adjust::after_term_rent_factor`]).
    pub renewal_factor: f64,
    /// Months the construction runs late: every phase is built this much longer.
    pub delay_months: u32,
    /// Yearly escalation of the power price, % (what the site, the lease's gross power and
    /// the GPU cloud pay per MWh, from month 0's price).
    pub power_escalation_pct: f64,
}

impl PathDraw {
    /// The scenario's own values: the deterministic path's draw.
    pub fn of(s: &Scenario) -> PathDraw {
        PathDraw {
            hashrate_growth_pct: s.bitcoin.network_hashrate_growth_pct_per_year,
            gpu_decline_pct: s.gpu_cloud.rent_decline_pct_per_year,
            capex_factor: 1.0,
            occupancy_pct: s.colocation.occupancy_pct,
            default_month: None,
            utilization_pct: s.gpu_cloud.utilization_pct,
            fees_factor: 1.0,
            renewal_factor: 1.0,
            delay_months: 0,
            power_escalation_pct: s.site.power_price_escalation_pct_per_year,
        }
    }
}

/// The generator of the project factors for a seed: a stream of its own (the seed's bytes and
/// a tag as PCG's 128-bit seed), so that adding or switching off a project factor leaves the
/// market's draws for a seed as they were.
pub fn project_generator(seed: u64) -> Generator {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..].copy_from_slice(b"project\0");
    Generator::from_seed(bytes)
}

/// The shocks of a pair of paths' project factors, drawn in this order whatever the options:
/// two standard normals (build cost, occupancy), a uniform in (0, 1) for the tenant's default
/// (the twin takes 1 − u), standard normals for the GPU utilisation, the fees and the rent
/// after the first term, and a uniform for the build delay (the twin takes 1 − u).
#[derive(Debug, Clone, Copy)]
pub(super) struct ProjectShocks {
    pub capex: f64,
    pub occupancy: f64,
    pub default: f64,
    pub utilization: f64,
    pub fees: f64,
    pub renewal: f64,
    pub delay: f64,
    pub power: f64,
}

pub(super) fn project_shocks(rng: &mut Generator) -> ProjectShocks {
    let capex: f64 = rng.sample(StandardNormal);
    let occupancy: f64 = rng.sample(StandardNormal);
    let default: f64 = rng.sample(rand::distr::Open01);
    let utilization: f64 = rng.sample(StandardNormal);
    let fees: f64 = rng.sample(StandardNormal);
    let renewal: f64 = rng.sample(StandardNormal);
    let delay: f64 = rng.sample(rand::distr::Open01);
    let power: f64 = rng.sample(StandardNormal);
    ProjectShocks {
        power,
        capex,
        occupancy,
        default,
        utilization,
        fees,
        renewal,
        delay,
    }
}

/// The parameters (μ, σ) of a log-normal multiplier with mean 1 and standard deviation `sd`:
/// σ² = ln(1 + sd²), μ = −σ²/2.
fn unit_log_normal(sd: f64) -> (f64, f64) {
    let variance = (1.0 + sd * sd).ln();
    (-variance / 2.0, variance.sqrt())
}

/// Most months a path's construction may run late: the geometric draw is capped here (at the
/// default mean of 4 months, P(delay ≥ 24) = 0.8²⁴ ≈ 0.5 %).
pub const MAX_DELAY_MONTHS: u32 = 24;

/// How the project shocks become a path's build-cost multiplier and occupancy.
pub(super) struct ProjectDraws {
    /// The multiplier's log-normal parameters: ln κ ~ Normal(μ, σ²), E[κ] = 1 + mean.
    ln_mean: f64,
    ln_sd: f64,
    occupancy: f64,
    occupancy_sd: f64,
    /// ln(1 − h), h the monthly default hazard: 1 − (1 − p)^(1/12) for a yearly probability p
    /// (−∞ at p = 100 %, 0 at p = 0).
    ln_survive: f64,
    /// The lease's first month (the first phase's commissioning) and the horizon's length.
    lease_start: u32,
    horizon: u32,
    utilization: f64,
    utilization_sd: f64,
    /// The fees' and the after-term rent's log-normal parameters (mean 1).
    fees: (f64, f64),
    renewal: (f64, f64),
    /// ln q of the geometric delay, q = μ ÷ (1 + μ) for a mean of μ months (0: no delay).
    ln_late: f64,
    /// The power price's escalation, %/yr, and its spread, percentage points.
    power: f64,
    power_sd: f64,
}

impl ProjectDraws {
    /// For a multiplier of mean m = 1 + `capexOverrunMeanPct`/100 and standard deviation
    /// s = `capexOverrunSdPct`/100: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
    pub(super) fn new(s: &Scenario, o: &RiskOptions) -> ProjectDraws {
        let m = 1.0 + o.capex_overrun_mean_pct / 100.0;
        let sd = o.capex_overrun_sd_pct / 100.0;
        let variance = (1.0 + sd * sd / (m * m)).ln();
        ProjectDraws {
            ln_mean: m.ln() - variance / 2.0,
            ln_sd: variance.sqrt(),
            occupancy: s.colocation.occupancy_pct,
            occupancy_sd: o.occupancy_sd_pct,
            ln_survive: (1.0 - o.tenant_default_pct_per_year / 100.0).ln() / 12.0,
            lease_start: crate::timeline::Timeline::new(s).first().commissioning,
            horizon: s.months(),
            utilization: s.gpu_cloud.utilization_pct,
            utilization_sd: o.gpu_utilization_sd_pct,
            fees: unit_log_normal(o.fees_sd_pct / 100.0),
            renewal: unit_log_normal(o.renewal_rent_sd_pct / 100.0),
            ln_late: {
                let mean = o.build_delay_mean_months;
                (mean / (1.0 + mean)).ln()
            },
            power: s.site.power_price_escalation_pct_per_year,
            power_sd: o.power_escalation_sd_pct,
        }
    }

    /// The power price's escalation, %/yr, for a shock z, kept in the scenario field's range;
    /// exactly the scenario's with no spread.
    pub(super) fn power_escalation(&self, z: f64, bounds: &RateBounds) -> f64 {
        if self.power_sd == 0.0 {
            return self.power;
        }
        (self.power + self.power_sd * z).clamp(bounds.power.0, bounds.power.1)
    }

    /// The fees' multiplier for a shock z (exactly 1 with no spread).
    pub(super) fn fees(&self, z: f64) -> f64 {
        log_normal(self.fees, z)
    }

    /// The after-term rent's multiplier for a shock z (exactly 1 with no spread).
    pub(super) fn renewal(&self, z: f64) -> f64 {
        log_normal(self.renewal, z)
    }

    /// The months of delay for a uniform u in (0, 1): geometric on 0, 1, 2, … with P(d ≥ k)
    /// = qᵏ, d = ⌊ln u ÷ ln q⌋, at most [`MAX_DELAY_MONTHS`]; 0 with a mean of 0.
    pub(super) fn delay(&self, u: f64) -> u32 {
        if !(self.ln_late < 0.0 && u > 0.0 && u < 1.0) {
            return 0;
        }
        let d = (u.ln() / self.ln_late).floor();
        // ok: compared as floats first, so the conversion is exact and in range.
        if d >= f64::from(MAX_DELAY_MONTHS) {
            MAX_DELAY_MONTHS
        } else {
            d.max(0.0) as u32
        }
    }

    /// The GPU utilisation, % (kept within 0–100), for a shock z.
    pub(super) fn utilization(&self, z: f64) -> f64 {
        (self.utilization + self.utilization_sd * z).clamp(0.0, 100.0)
    }

    /// The build-cost multiplier and the occupancy, % (kept within 0–100), for shocks z.
    pub(super) fn at(&self, z_capex: f64, z_occupancy: f64) -> (f64, f64) {
        let capex = (self.ln_mean + self.ln_sd * z_capex).exp();
        let occupancy = (self.occupancy + self.occupancy_sd * z_occupancy).clamp(0.0, 100.0);
        (capex, occupancy)
    }

    /// The month the tenant defaults in for a uniform u in (0, 1), if within the horizon: the
    /// lease's operating months survived are geometric, k = ⌊ln u ÷ ln(1 − h)⌋ (so that
    /// P(k ≥ 12 n) = (1 − p)ⁿ), counted from the lease's first month (later by the path's
    /// `delay` months); at p = 100 % every path defaults in the lease's first month.
    pub(super) fn default_month(&self, u: f64, delay: u32) -> Option<u32> {
        if self.ln_survive == 0.0 || !(u > 0.0 && u < 1.0) {
            return None;
        }
        // ln u < 0 and ln(1 − h) < 0 (or −∞: k = 0).
        let k = (u.ln() / self.ln_survive).floor();
        let month = f64::from(self.lease_start) + f64::from(delay) + k;
        // ok: compared as floats first, so the conversion is exact and in range.
        (month < f64::from(self.horizon)).then_some(month as u32)
    }
}

/// exp(μ + σ z), exactly 1 when σ = 0.
fn log_normal((mu, sigma): (f64, f64), z: f64) -> f64 {
    if sigma == 0.0 {
        1.0
    } else {
        (mu + sigma * z).exp()
    }
}

/// A path's yearly network hashrate growth and GPU rent decline, %, from its shocks.
pub(super) fn rates(s: &Scenario, o: &RiskOptions, bounds: &RateBounds, z_hashrate: f64, z_gpu: f64) -> (f64, f64) {
    let hashrate = s.bitcoin.network_hashrate_growth_pct_per_year + o.hashrate_growth_sd_pct * z_hashrate;
    let decline = s.gpu_cloud.rent_decline_pct_per_year + o.gpu_rent_decline_sd_pct * z_gpu;
    (
        hashrate.clamp(bounds.hashrate.0, bounds.hashrate.1),
        decline.clamp(bounds.decline.0, bounds.decline.1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mean and standard deviation of `xs`.
    fn moments(xs: &[f64]) -> (f64, f64) {
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
        (mean, var.sqrt())
    }

    #[test]
    fn the_project_draws_have_the_moments_asked_for() {
        // 20,000 shocks from the project stream: the build-cost multiplier has mean 1.10 and
        // SD 0.15 (log-normal, σ² = ln(1 + 0.15²/1.1²) = 0.018429, μ = ln 1.1 − σ²/2); the
        // occupancy 50 % ± 10 pp (no clamp within 5 SD). Means within 3 standard errors
        // (SD/√n), SDs within 3 % (the SD of a sample SD is ≈ SD/√(2n) = 0.5 %, more for the
        // log-normal's tail).
        let mut s = Scenario::default();
        s.colocation.occupancy_pct = 50.0;
        let o = RiskOptions {
            capex_overrun_mean_pct: 10.0,
            capex_overrun_sd_pct: 15.0,
            occupancy_sd_pct: 10.0,
            ..RiskOptions::default()
        };
        let draws = ProjectDraws::new(&s, &o);
        let mut rng = project_generator(7);
        let n = 20_000;
        let (mut capex, mut occupancy) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for _ in 0..n {
            let z = project_shocks(&mut rng);
            let (c, o) = draws.at(z.capex, z.occupancy);
            capex.push(c);
            occupancy.push(o);
        }
        let root_n = (n as f64).sqrt();
        let (m, sd) = moments(&capex);
        assert!((m - 1.10).abs() < 3.0 * 0.15 / root_n, "capex mean {m}");
        assert!((sd / 0.15 - 1.0).abs() < 0.03, "capex SD {sd}");
        let (m, sd) = moments(&occupancy);
        assert!((m - 50.0).abs() < 3.0 * 10.0 / root_n, "occupancy mean {m}");
        assert!((sd / 10.0 - 1.0).abs() < 0.03, "occupancy SD {sd}");
        // Off: no overrun and no spread give exactly the scenario's values.
        let off = ProjectDraws::new(
            &s,
            &RiskOptions {
                capex_overrun_mean_pct: 0.0,
                capex_overrun_sd_pct: 0.0,
                occupancy_sd_pct: 0.0,
                ..RiskOptions::default()
            },
        );
        assert_eq!(off.at(2.5, -1.5), (1.0, 50.0));
    }

    #[test]
    fn the_default_month_is_geometric_with_the_yearly_probability() {
        // p = 20 %/yr: P(default in the lease's first year) = 0.20, in the first two
        // 1 − 0.8² = 0.36; the lease starts at the default's commissioning month c. Shares
        // within three standard errors √(q(1 − q)/n) of 20,000 draws.
        let s = Scenario::default();
        let o = RiskOptions {
            tenant_default_pct_per_year: 20.0,
            ..RiskOptions::default()
        };
        let draws = ProjectDraws::new(&s, &o);
        let c = crate::timeline::Timeline::new(&s).first().commissioning;
        let mut rng = project_generator(11);
        let n = 20_000;
        let months: Vec<Option<u32>> = (0..n)
            .map(|_| draws.default_month(project_shocks(&mut rng).default, 0))
            .collect();
        for (years, q) in [(1, 0.20), (2, 0.36)] {
            let share = months.iter().filter(|m| m.is_some_and(|m| m < c + 12 * years)).count() as f64 / n as f64;
            let se = (q * (1.0 - q) / n as f64).sqrt();
            assert!((share - q).abs() < 3.0 * se, "within {years} year(s): {share} vs {q}");
        }
        assert!(months.iter().flatten().all(|&m| m >= c && m < s.months()));
        // Certain: the first month of the lease, whatever u; never: none.
        let certain = ProjectDraws::new(
            &s,
            &RiskOptions {
                tenant_default_pct_per_year: 100.0,
                ..o.clone()
            },
        );
        assert_eq!(certain.default_month(0.999, 0), Some(c));
        let never = ProjectDraws::new(
            &s,
            &RiskOptions {
                tenant_default_pct_per_year: 0.0,
                ..o
            },
        );
        assert_eq!(never.default_month(0.001, 0), None);
    }

    /// Pearson correlation of two samples.
    fn correlation(xs: &[f64], ys: &[f64]) -> f64 {
        let (mx, sx) = moments(xs);
        let (my, sy) = moments(ys);
        let n = xs.len() as f64;
        xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum::<f64>() / (n - 1.0) / (sx * sy)
    }

    #[test]
    fn the_hashrate_growth_follows_the_btc_return_with_the_correlation_asked_for() {
        // 20,000 independent paths (the first of each antithetic pair) of 120 months at 50 %
        // volatility: the BTC log return over the horizon, ln(P₁₁₉ ÷ P₀) = Σ (−σₘ²/2 + σₘ zₘ),
        // against the hashrate shock L₁₀ x + L₁₁ e₁, x = Σ zₘ ÷ √119: their correlation is
        // ρ = 0.5 (the log return is linear in x). The sample correlation's standard error is
        // (1 − ρ²) ÷ √n = 0.75 ÷ 141.4 = 0.0053: within three of them. The GPU rent's shock
        // with b = −0.3, c = 0.2 has those correlations with the price and the hashrate.
        let c = Correlation::new(0.5, -0.3, 0.2).unwrap();
        let mut rng = generator(19);
        let (mut path, mut mirror) = (vec![0.0; 120], vec![0.0; 120]);
        let n = 20_000;
        let (mut returns, mut hashrate, mut gpu) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..n {
            let (e1, e2) = rate_shocks(&mut rng);
            let total = btc_price_paths(&mut rng, 80_000.0, 10.0, 50.0, &mut path, &mut mirror);
            let (h, g) = c.shocks(total / 119f64.sqrt(), e1, e2);
            returns.push((path[119] / path[0]).ln());
            hashrate.push(h);
            gpu.push(g);
        }
        let three_se = |rho: f64| 3.0 * (1.0 - rho * rho) / (n as f64).sqrt();
        let r = correlation(&returns, &hashrate);
        assert!((r - 0.5).abs() < three_se(0.5), "BTC ↔ hashrate {r}");
        let r = correlation(&returns, &gpu);
        assert!((r + 0.3).abs() < three_se(0.3), "BTC ↔ GPU rent {r}");
        let r = correlation(&hashrate, &gpu);
        assert!((r - 0.2).abs() < three_se(0.2), "hashrate ↔ GPU rent {r}");
        // Each shock stays a standard normal: SD 1 within 3 %.
        assert!((moments(&hashrate).1 - 1.0).abs() < 0.03);
        assert!((moments(&gpu).1 - 1.0).abs() < 0.03);
        // No correlation: the independent shocks exactly.
        assert_eq!(
            Correlation::new(0.0, 0.0, 0.0).unwrap().shocks(2.0, 0.3, -0.7),
            (0.3, -0.7)
        );
    }

    #[test]
    fn a_correlation_matrix_must_be_positive_semi_definite() {
        // det [[1, a, b], [a, 1, c], [b, c, 1]] = 1 + 2abc − a² − b² − c².
        // (0.9, 0.9, −0.9): 1 − 1.458 − 2.43 = −2.888 < 0: refused.
        assert!((determinant(0.9, 0.9, -0.9) + 2.888).abs() < 1e-12);
        assert_eq!(Correlation::new(0.9, 0.9, -0.9), None);
        // (1, 0.5, 0.5): c = ab, det = 1 + 0.5 − 1 − 0.25 − 0.25 = 0: singular but valid; the
        // hashrate is then the price's shock itself.
        let singular = Correlation::new(1.0, 0.5, 0.5).unwrap();
        let (h, _) = singular.shocks(1.3, -2.0, 0.4);
        assert!((h - 1.3).abs() < 1e-12);
        // (1, 0.5, 0.4): det = 1 + 0.4 − 1 − 0.25 − 0.16 = −0.01: refused.
        assert_eq!(Correlation::new(1.0, 0.5, 0.4), None);
        assert_eq!(Correlation::new(1.2, 0.0, 0.0), None);
    }

    #[test]
    fn jumps_keep_the_expected_price_and_happen_at_their_rate() {
        // λ = 2 jumps a year (p = 1/6 a month), log size −20 % ± 15 pp, on a flat path of 1
        // without volatility over 24 months: E[Pₘ] = 1 (each month divided by its expected
        // factor 1 − p + p exp(−0.2 + 0.01125) = 0.968553…). The SD of P₂₃ is about 0.17, so
        // the mean of 20,000 paths is within 3 × 0.17 ÷ 141 = 0.0036 of 1. The months with a
        // jump: share 1/6 within three standard errors √(p(1 − p) ÷ (20,000 × 23)).
        let jumps = Jumps::new(2.0, -20.0, 15.0).unwrap();
        let mut rng = jump_generator(3);
        let n = 20_000;
        let (mut last, mut jumped) = (Vec::with_capacity(n), 0usize);
        for _ in 0..n {
            let (mut path, mut mirror) = (vec![1.0; 24], vec![1.0; 24]);
            jumps.apply(&mut rng, &mut path, &mut mirror);
            last.push(path[23]);
            // A month jumped where the path moved by more than the compensation alone.
            jumped += path
                .windows(2)
                .filter(|w| (w[1] / w[0] - jumps.compensation).abs() > 1e-12)
                .count();
        }
        let (mean, sd) = moments(&last);
        assert!(
            (mean - 1.0).abs() < 3.0 * sd / (n as f64).sqrt(),
            "mean {mean} (SD {sd})"
        );
        let p = 1.0 / 6.0;
        let months = (n * 23) as f64;
        let share = jumped as f64 / months;
        assert!(
            (share - p).abs() < 3.0 * (p * (1.0 - p) / months).sqrt(),
            "share {share}"
        );
        assert_eq!(Jumps::new(0.0, -20.0, 15.0), None);
    }

    #[test]
    fn fees_renewal_and_delay_have_the_moments_asked_for() {
        // Fees ± 50 %, after-term rent ± 15 %: log-normal multipliers of mean 1 and those SDs
        // (means within 3 SE = 3 × SD ÷ √20,000, SDs within 4 %: the log-normal's tail makes
        // the sample SD noisier than a normal's). Delay: geometric with mean 4 months capped at
        // 24, so E[d] = Σₖ₌₁²⁴ qᵏ = q (1 − q²⁴) ÷ (1 − q), q = 0.8: 4 × (1 − 0.8²⁴) = 3.98111;
        // its SD √q ÷ (1 − q) ≈ 4.47, so within 3 × 4.47 ÷ 141 = 0.095.
        let s = Scenario::default();
        let o = RiskOptions {
            fees_sd_pct: 50.0,
            renewal_rent_sd_pct: 15.0,
            build_delay_mean_months: 4.0,
            ..RiskOptions::default()
        };
        let draws = ProjectDraws::new(&s, &o);
        let mut rng = project_generator(5);
        let n = 20_000;
        let (mut fees, mut renewal, mut delay) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..n {
            let z = project_shocks(&mut rng);
            fees.push(draws.fees(z.fees));
            renewal.push(draws.renewal(z.renewal));
            delay.push(f64::from(draws.delay(z.delay)));
        }
        let root_n = (n as f64).sqrt();
        for (name, xs, sd) in [("fees", &fees, 0.5), ("renewal", &renewal, 0.15)] {
            let (m, s) = moments(xs);
            assert!((m - 1.0).abs() < 3.0 * sd / root_n, "{name} mean {m}");
            assert!((s / sd - 1.0).abs() < 0.04, "{name} SD {s}");
        }
        let expected = 4.0 * (1.0 - 0.8f64.powi(24));
        assert!((expected - 3.98111).abs() < 1e-5);
        let (m, _) = moments(&delay);
        assert!((m - expected).abs() < 3.0 * 4.47 / root_n, "delay mean {m}");
        assert!(delay.iter().all(|&d| d <= f64::from(MAX_DELAY_MONTHS)));
        // The power price's escalation: Normal(scenario's 2 %/yr, 2 pp), no clamp within
        // −20 … 50 at 10 SD: mean within 3 × 2 ÷ 141 = 0.042, SD within 3 %.
        let bounds = RateBounds::from_registry();
        let mut rng = project_generator(9);
        let power: Vec<f64> = (0..n)
            .map(|_| {
                let z = project_shocks(&mut rng);
                ProjectDraws::new(&s, &o).power_escalation(z.power, &bounds)
            })
            .collect();
        let (m, sd) = moments(&power);
        let base = s.site.power_price_escalation_pct_per_year;
        assert!((m - base).abs() < 3.0 * 2.0 / root_n, "power mean {m} vs {base}");
        assert!((sd / 2.0 - 1.0).abs() < 0.03, "power SD {sd}");
        // On time: P(d = 0) = 1 − q = 0.2.
        let on_time = delay.iter().filter(|&&d| d == 0.0).count() as f64 / n as f64;
        assert!(
            (on_time - 0.2).abs() < 3.0 * (0.2f64 * 0.8 / n as f64).sqrt(),
            "on time {on_time}"
        );
        // Off: exactly the scenario's.
        let off = ProjectDraws::new(
            &s,
            &RiskOptions {
                fees_sd_pct: 0.0,
                renewal_rent_sd_pct: 0.0,
                build_delay_mean_months: 0.0,
                ..o
            },
        );
        assert_eq!((off.fees(2.0), off.renewal(-2.0), off.delay(0.001)), (1.0, 1.0, 0));
    }

    #[test]
    fn the_project_stream_is_not_the_market_stream() {
        let (mut a, mut b) = (generator(42), project_generator(42));
        let za: f64 = a.sample(StandardNormal);
        let zb: f64 = b.sample(StandardNormal);
        assert_ne!(za, zb);
    }
}
