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

/// A path's yearly network hashrate growth and GPU rent decline, %, from its shocks.
pub(super) fn rates(s: &Scenario, o: &RiskOptions, bounds: &RateBounds, z_hashrate: f64, z_gpu: f64) -> (f64, f64) {
    let hashrate = s.bitcoin.network_hashrate_growth_pct_per_year + o.hashrate_growth_sd_pct * z_hashrate;
    let decline = s.gpu_cloud.rent_decline_pct_per_year + o.gpu_rent_decline_sd_pct * z_gpu;
    (
        hashrate.clamp(bounds.hashrate.0, bounds.hashrate.1),
        decline.clamp(bounds.decline.0, bounds.decline.1),
    )
}
