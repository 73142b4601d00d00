//! The random draws: BTC price paths in antithetic pairs, and the two yearly rates.

use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

use super::RiskOptions;
use crate::calendar::grow;
use crate::scenario::Scenario;

/// The random generator of the Monte Carlo: PCG-64 (MCG variant, 128-bit state).
pub type Generator = rand_pcg::Pcg64Mcg;

/// The generator for a seed (`SeedableRng::seed_from_u64`, stable across platforms).
pub fn generator(seed: u64) -> Generator {
    Generator::seed_from_u64(seed)
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
) {
    let step = grow(1.0, growth_pct_per_year, 1.0);
    let sigma = volatility_pct / 100.0 / 12f64.sqrt();
    let drift = -0.5 * sigma * sigma;
    let both = (2.0 * drift).exp();
    let (mut up, mut down) = (price0, price0);
    for (m, (a, b)) in path.iter_mut().zip(mirror.iter_mut()).enumerate() {
        if m > 0 {
            let z: f64 = rng.sample(StandardNormal);
            let shock = (drift + sigma * z).exp();
            up *= step * shock;
            down *= step * (both / shock);
        }
        *a = up;
        *b = down;
    }
}

/// [`btc_price_paths`] around a given path instead of a price and its growth (a BTC price
/// curve): `Pₘ = baseₘ × Πₖ≤ₘ exp(−σₖ²/2 ± σₖ zₖ)`, so that E[Pₘ] = baseₘ; the same number of
/// draws per month.
pub fn btc_price_paths_around(
    rng: &mut Generator,
    base: &[f64],
    volatility_pct: f64,
    path: &mut [f64],
    mirror: &mut [f64],
) {
    let sigma = volatility_pct / 100.0 / 12f64.sqrt();
    let drift = -0.5 * sigma * sigma;
    let both = (2.0 * drift).exp();
    let (mut up, mut down) = (1.0, 1.0);
    for (m, (a, b)) in path.iter_mut().zip(mirror.iter_mut()).enumerate() {
        if m > 0 {
            let z: f64 = rng.sample(StandardNormal);
            let shock = (drift + sigma * z).exp();
            up *= shock;
            down *= both / shock;
        }
        let median = base.get(m).copied().unwrap_or(0.0);
        *a = median * up;
        *b = median * down;
    }
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
}

impl RateBounds {
    pub(super) fn from_registry() -> RateBounds {
        let range = |path: &str| crate::fields::get(path).map_or((f64::MIN, f64::MAX), crate::fields::Field::range);
        RateBounds {
            hashrate: range("bitcoin.networkHashrateGrowthPctPerYear"),
            decline: range("gpuCloud.rentDeclinePctPerYear"),
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
/// (the twin takes 1 − u) and a standard normal for the GPU utilisation.
#[derive(Debug, Clone, Copy)]
pub(super) struct ProjectShocks {
    pub capex: f64,
    pub occupancy: f64,
    pub default: f64,
    pub utilization: f64,
}

pub(super) fn project_shocks(rng: &mut Generator) -> ProjectShocks {
    let capex: f64 = rng.sample(StandardNormal);
    let occupancy: f64 = rng.sample(StandardNormal);
    let default: f64 = rng.sample(rand::distr::Open01);
    let utilization: f64 = rng.sample(StandardNormal);
    ProjectShocks {
        capex,
        occupancy,
        default,
        utilization,
    }
}

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
    /// P(k ≥ 12 n) = (1 − p)ⁿ); at p = 100 % every path defaults in the lease's first month.
    pub(super) fn default_month(&self, u: f64) -> Option<u32> {
        if self.ln_survive == 0.0 || !(u > 0.0 && u < 1.0) {
            return None;
        }
        // ln u < 0 and ln(1 − h) < 0 (or −∞: k = 0).
        let k = (u.ln() / self.ln_survive).floor();
        let month = f64::from(self.lease_start) + k;
        // ok: compared as floats first, so the conversion is exact and in range.
        (month < f64::from(self.horizon)).then_some(month as u32)
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
            .map(|_| draws.default_month(project_shocks(&mut rng).default))
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
        assert_eq!(certain.default_month(0.999), Some(c));
        let never = ProjectDraws::new(
            &s,
            &RiskOptions {
                tenant_default_pct_per_year: 0.0,
                ..o
            },
        );
        assert_eq!(never.default_month(0.001), None);
    }

    #[test]
    fn the_project_stream_is_not_the_market_stream() {
        let (mut a, mut b) = (generator(42), project_generator(42));
        let za: f64 = a.sample(StandardNormal);
        let zb: f64 = b.sample(StandardNormal);
        assert_ne!(za, zb);
    }
}
