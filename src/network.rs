//! The network hashrate as the economics allow it (`bitcoin.hashrateModel` = `economic`): the
//! level at which the network's marginal fleet breaks even on power, and the path the hashrate
//! takes toward it. [`crate::bitcoin`] steps it month by month in the projection, and the
//! risk analysis's fast path steps it along each drawn price path.
//!
//! - **Equilibrium.** The network earns `R = blocks/day × (subsidy + fees) × BTC price` USD a
//!   day whatever its size. One EH/s of machines at `e` J/TH draws `e` MW (1 EH/s = 10⁶ TH/s,
//!   × e J/TH = e × 10⁶ W), so `24 × e` MWh a day, costing `24 × e × p` USD at `p` USD/MWh.
//!   The marginal fleet breaks even when the hashrate is `H* = R ÷ (24 × e × p)` EH/s: more
//!   hashrate and the marginal machines lose money and switch off, less and it pays to plug
//!   more in.
//! - **Improvement.** The marginal fleet's efficiency improves `g` % a year (older machines
//!   retire, newer ones become the marginal ones): `e_m = e₀ × (1 − g/100)^(m/12)`.
//! - **Path.** Month by month the hashrate closes a share of its gap to the equilibrium,
//!   half of it every `lag` months: `H_{m+1} = H_m + (H*_m − H_m) × (1 − 2^(−1/lag))`; growth
//!   is capped at `cap` % a year (ASICs cannot be made and installed faster), falls are not
//!   (machines are switched off in a day).
//!
//! Calibration (docs/data-sources.md "Mining network and hashprice"): at the November 2025
//! hashprice low of $35.06/PH/day and a network of ≈ 1,075 EH/s, `R` ≈ $37.7 M a day; an
//! S19j Pro-class marginal fleet (29.5 J/TH) at $50/MWh gives `H*` = 37.7 M ÷ (24 × 29.5 × 50)
//! = 1,065 EH/s, within 1 % of the network then (tests below).

/// The network's hashrate at which its marginal fleet breaks even on power, EH/s:
/// `R ÷ (24 × e × p)`; 0 where the revenue is not positive, and no bound where power is free.
///
/// ```
/// // $35.1 M a day of network revenue against 20 J/TH machines at $50/MWh:
/// // 35.1 M ÷ (24 × 20 × 50 = $24,000 per EH/s a day) = 1,462.5 EH/s.
/// let h = minepivot::network::equilibrium_ehs(35_100_000.0, 20.0, 50.0);
/// assert!((h - 1_462.5).abs() < 1e-9);
/// ```
pub fn equilibrium_ehs(network_revenue_usd_per_day: f64, efficiency_j_per_th: f64, power_usd_per_mwh: f64) -> f64 {
    let cost_per_ehs_day = 24.0 * efficiency_j_per_th * power_usd_per_mwh;
    // NaN counts as "not positive" on both sides.
    if network_revenue_usd_per_day.is_nan() || network_revenue_usd_per_day <= 0.0 {
        return 0.0;
    }
    if cost_per_ehs_day.is_nan() || cost_per_ehs_day <= 0.0 {
        return f64::MAX;
    }
    network_revenue_usd_per_day / cost_per_ehs_day
}

/// The economic model's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Economics {
    /// The marginal fleet's efficiency in month 0, J/TH.
    pub marginal_efficiency_j_per_th: f64,
    /// Its yearly improvement, % (geometric).
    pub efficiency_gain_pct_per_year: f64,
    /// The power price of the marginal fleet in month 0, USD/MWh.
    pub marginal_power_usd_per_mwh: f64,
    /// Its continuous yearly escalation, %.
    pub power_escalation_pct_per_year: f64,
    /// Months to close half of the gap to the equilibrium (> 0).
    pub lag_months: f64,
    /// Most the hashrate can grow in a year, %.
    pub max_growth_pct_per_year: f64,
}

impl Economics {
    /// The scenario's model (`bitcoin.marginal*`, `hashrateLagMonths`, `maxHashrateGrowthPctPerYear`).
    pub fn of(b: &crate::scenario::Bitcoin) -> Economics {
        Economics {
            marginal_efficiency_j_per_th: b.marginal_efficiency_j_per_th,
            efficiency_gain_pct_per_year: b.marginal_efficiency_gain_pct_per_year,
            marginal_power_usd_per_mwh: b.marginal_power_usd_per_mwh,
            power_escalation_pct_per_year: b.marginal_power_escalation_pct_per_year,
            lag_months: b.hashrate_lag_months,
            max_growth_pct_per_year: b.max_hashrate_growth_pct_per_year,
        }
    }
}

/// The model month after month: month 0's marginal efficiency, then one step per month.
#[derive(Debug, Clone, Copy)]
pub struct Stepper {
    /// Share of the gap closed in a month: 1 − 2^(−1/lag).
    close: f64,
    /// Most a month may grow: (1 + cap)^(1/12).
    max_step: f64,
    /// The marginal efficiency's monthly factor: (1 − g)^(1/12).
    improve: f64,
    /// The marginal power price's monthly factor: (1 + e)^(1/12).
    power_step: f64,
    power: f64,
    efficiency: f64,
}

impl Stepper {
    pub fn new(econ: &Economics) -> Stepper {
        Stepper {
            close: 1.0 - 0.5f64.powf(1.0 / econ.lag_months.max(1e-9)),
            max_step: (1.0 + econ.max_growth_pct_per_year / 100.0).powf(1.0 / 12.0),
            improve: (1.0 - econ.efficiency_gain_pct_per_year / 100.0).powf(1.0 / 12.0),
            power_step: crate::calendar::grow(1.0, econ.power_escalation_pct_per_year, 1.0),
            power: econ.marginal_power_usd_per_mwh,
            efficiency: econ.marginal_efficiency_j_per_th,
        }
    }

    /// Share of the gap to the equilibrium closed in a month.
    pub fn close(&self) -> f64 {
        self.close
    }

    /// Most the hashrate may grow in a month, as a factor.
    pub fn max_step(&self) -> f64 {
        self.max_step
    }

    /// For each of `months` months from this one, the equilibrium network per USD of network
    /// revenue a day, EH/s: 1 ÷ (24 × e_m × p_m) (0 where the marginal cost is not positive).
    pub fn equilibrium_per_revenue(&self, months: usize) -> Vec<f64> {
        let (mut e, mut p) = (self.efficiency, self.power);
        (0..months)
            .map(|_| {
                let cost = 24.0 * e * p;
                e *= self.improve;
                p *= self.power_step;
                if cost > 0.0 {
                    1.0 / cost
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// The hashrate of the next month from this month's `h` EH/s and network revenue per day:
    /// `h + (H* − h) × close`, grown at most by the cap, never below 0. Moves to the next month.
    pub fn next(&mut self, h: f64, network_revenue_usd_per_day: f64) -> f64 {
        let target = equilibrium_ehs(network_revenue_usd_per_day, self.efficiency, self.power);
        self.efficiency *= self.improve;
        self.power *= self.power_step;
        step(h, target, self.close, self.max_step)
    }
}

/// One month's move from `h` EH/s toward `target`: a share `close` of the gap, growth at
/// most `max_step` × `h`, never below 0 ([`Stepper::next`], and the risk analysis's fast path
/// with its equilibria precomputed).
#[inline]
pub fn step(h: f64, target: f64, close: f64, max_step: f64) -> f64 {
    let next = h + (target - h) * close;
    // Comparisons rather than f64::min and max, whose NaN rules make them a call in wasm (the
    // risk analysis steps ~2 million path-months); equal for every number the model makes.
    let cap = h * max_step;
    let next = if next < cap { next } else { cap };
    if next > 0.0 {
        next
    } else {
        0.0
    }
}

/// The hashrate month by month from `h0` EH/s in month 0, given the network's revenue per day
/// in each month (its length is the path's): `H_{m+1}` follows month `m`'s equilibrium.
pub fn path(h0: f64, network_revenue_usd_per_day: &[f64], econ: &Economics) -> Vec<f64> {
    let mut stepper = Stepper::new(econ);
    let mut h = h0;
    let mut out = Vec::with_capacity(network_revenue_usd_per_day.len());
    for &revenue in network_revenue_usd_per_day {
        out.push(h);
        h = stepper.next(h, revenue);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn econ() -> Economics {
        Economics {
            marginal_efficiency_j_per_th: 29.5,
            efficiency_gain_pct_per_year: 0.0,
            marginal_power_usd_per_mwh: 50.0,
            power_escalation_pct_per_year: 0.0,
            lag_months: 6.0,
            max_growth_pct_per_year: 1_000.0,
        }
    }

    #[test]
    fn the_november_2025_network_sits_at_its_marginal_fleets_break_even() {
        // Hashprice $35.06/PH/day × 1,075,000 PH/s = $37,689,500 a day of network revenue;
        // ÷ (24 × 29.5 × 50 = 35,400) = 1,064.67 EH/s: within 1 % of the 1,075 EH/s observed.
        let h = equilibrium_ehs(35.06 * 1_075_000.0, 29.5, 50.0);
        assert!((h - 1_064.675).abs() < 1e-3, "{h}");
        assert!((h / 1_075.0 - 1.0).abs() < 0.01);
    }

    #[test]
    fn half_the_gap_closes_every_lag() {
        // Equilibrium 2,000 EH/s held flat (revenue 2,000 × 35,400 a day), start at 1,000, a
        // 6-month lag: after 6 months 1,500, after 12 months 1,750.
        let revenue = vec![2_000.0 * 35_400.0; 13];
        let p = path(1_000.0, &revenue, &econ());
        assert!((p[6] - 1_500.0).abs() < 1e-9, "{}", p[6]);
        assert!((p[12] - 1_750.0).abs() < 1e-9, "{}", p[12]);
    }

    #[test]
    fn doubling_the_price_raises_the_hashrate_after_the_lag_and_the_hashprice_returns_to_cost() {
        // Revenue at the equilibrium of 1,000 EH/s, then doubled from month 0: the hashrate
        // rises toward 2,000 and the hashprice (revenue per PH/s a day) falls back toward the
        // marginal cost, 29.5 J/TH × 24 h × $50 ÷ 1,000 = $35.40 per PH/s a day.
        let revenue = vec![2.0 * 1_000.0 * 35_400.0; 121];
        let p = path(1_000.0, &revenue, &econ());
        assert!(p[1] > 1_000.0 && p[120] > 1_999.0);
        let hashprice = |m: usize| revenue[m] / (p[m] * 1_000.0);
        assert!((hashprice(0) - 70.8).abs() < 1e-9);
        assert!((hashprice(120) - 35.4).abs() < 0.01, "{}", hashprice(120));
    }

    #[test]
    fn a_halving_halves_revenue_at_once_and_the_hashrate_falls_after_it() {
        let mut revenue = vec![1_000.0 * 35_400.0; 24];
        for r in revenue.iter_mut().skip(12) {
            *r /= 2.0;
        }
        let p = path(1_000.0, &revenue, &econ());
        assert_eq!(p[12], 1_000.0);
        assert!(p[13] < 1_000.0 && p[23] < p[13] && p[23] > 500.0);
    }

    #[test]
    fn dearer_marginal_power_means_a_smaller_network_and_a_higher_hashprice() {
        let revenue = vec![1_000.0 * 35_400.0; 240];
        let cheap = path(1_000.0, &revenue, &econ());
        let dear = path(
            1_000.0,
            &revenue,
            &Economics {
                marginal_power_usd_per_mwh: 60.0,
                ..econ()
            },
        );
        assert!(dear[239] < cheap[239]);
        // Long-run hashprice = the marginal cost: 29.5 × 24 × 60 ÷ 1,000 = $42.48 per PH/s a day.
        assert!((revenue[239] / (dear[239] * 1_000.0) - 42.48).abs() < 0.01);
    }

    #[test]
    fn growth_is_capped_and_falls_are_not() {
        // A tenfold equilibrium with a 50 %/yr cap: a year later at most 1.5 × the start.
        let capped = Economics {
            max_growth_pct_per_year: 50.0,
            ..econ()
        };
        let up = path(1_000.0, &[10_000.0 * 35_400.0; 13], &capped);
        assert!((up[12] - 1_500.0).abs() < 1e-6, "{}", up[12]);
        let down = path(1_000.0, &[100.0 * 35_400.0; 7], &capped);
        // Half of the 900 EH/s gap in 6 months: 550.
        assert!((down[6] - 550.0).abs() < 1e-9, "{}", down[6]);
    }

    #[test]
    fn the_marginal_fleet_improves_so_the_same_revenue_carries_more_hashrate() {
        let improving = Economics {
            efficiency_gain_pct_per_year: 10.0,
            ..econ()
        };
        let revenue = vec![1_000.0 * 35_400.0; 121];
        let p = path(1_000.0, &revenue, &improving);
        // Ten years at −10 %/yr: the marginal J/TH × 0.9^10 = 0.3487, the equilibrium ÷ 0.3487.
        assert!(p[120] > 2_000.0 && p[120] < 1_000.0 / 0.9f64.powi(10));
    }
}
