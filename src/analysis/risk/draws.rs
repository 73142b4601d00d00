//! The random draws of one path: the BTC price path and the two yearly rates.

use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

use super::RiskOptions;
use crate::calendar::grow;
use crate::scenario::Scenario;

/// Drawn hashrate growth is kept inside the scenario's own allowed range, %/yr.
const HASHRATE_GROWTH_RANGE: (f64, f64) = (-90.0, 300.0);
/// Drawn GPU rent decline is kept inside the scenario's own allowed range, %/yr (100 % would
/// make the rent zero at once; more, negative).
const GPU_DECLINE_RANGE: (f64, f64) = (-50.0, 99.0);

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
pub(super) fn draw_rates(rng: &mut Generator, s: &Scenario, o: &RiskOptions) -> (f64, f64) {
    let z_hashrate: f64 = rng.sample(StandardNormal);
    let z_gpu: f64 = rng.sample(StandardNormal);
    let hashrate = s.bitcoin.network_hashrate_growth_pct_per_year + o.hashrate_growth_sd_pct * z_hashrate;
    let decline = s.gpu_cloud.rent_decline_pct_per_year + o.gpu_rent_decline_sd_pct * z_gpu;
    (
        hashrate.clamp(HASHRATE_GROWTH_RANGE.0, HASHRATE_GROWTH_RANGE.1),
        decline.clamp(GPU_DECLINE_RANGE.0, GPU_DECLINE_RANGE.1),
    )
}
