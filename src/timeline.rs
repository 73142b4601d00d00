//! When things happen on the site: construction, commissioning, the ramp, and what the
//! fleet keeps once the converted share stops mining. The lowest layer of the cash-flow model,
//! read by the mining, colocation and GPU-cloud simulations and by the engine.

use crate::scenario::Scenario;

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
}
