//! When things happen on the site: construction, commissioning, the ramp, and what the
//! fleet keeps once the converted share stops mining. The lowest layer of the cash-flow model,
//! read by the mining, colocation and GPU-cloud simulations and by the engine.

use crate::scenario::Scenario;

/// Most phases a retrofit may have (the registry refuses more).
pub const MAX_PHASES: usize = crate::fields::MAX_PHASES;

/// One phase of the conversion, in model months.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PhaseTime {
    /// Share of the converted capacity, 0–1.
    pub share: f64,
    pub construction_start: u32,
    pub build_months: u32,
    /// `construction_start + build_months`: the phase's first month of AI operation.
    pub commissioning: u32,
    pub ramp_months: u32,
}

impl PhaseTime {
    /// Operating month `k = m − commissioning` of this phase, or `None` before it.
    pub fn operating_month(&self, m: u32) -> Option<u32> {
        m.checked_sub(self.commissioning)
    }

    /// Share of this phase's full AI revenue in its operating month `k`:
    /// `min(1, (k + 1) / rampMonths)`.
    pub fn ramp(&self, k: u32) -> f64 {
        if self.ramp_months == 0 {
            1.0
        } else {
            ((k as f64 + 1.0) / self.ramp_months as f64).min(1.0)
        }
    }

    /// Share (0–1) of this phase's facility capex spent in month `m`.
    pub fn spend_share(&self, m: u32) -> f64 {
        if self.build_months > 0 && m >= self.construction_start && m < self.commissioning {
            1.0 / self.build_months as f64
        } else {
            0.0
        }
    }
}

/// When things happen on the site, in model months (month 0 = `startMonth`).
///
/// The conversion is delivered in phases (`retrofit.phases`), each a share of the converted
/// capacity (the shares sum to 100 %). For each phase:
///
/// - Construction starts in its `constructionStartMonth`; from that month on, in the AI
///   pathways, its share of the converted grid no longer mines: the fleet keeps the fraction
///   the unconverted grid can carry ([`kept_fleet_fraction`]) of that share (1 before any
///   phase starts; always 1 in the mining pathway).
/// - Its share of the facility capex is spent evenly over its `buildMonths`: `share × total ÷
///   buildMonths` in each of the months `start … start + buildMonths − 1` (months past the
///   horizon are not counted).
/// - Its commissioning is month `start + buildMonths`, its first month of AI operation.
/// - Its AI revenue ramps linearly: its operating month `k` (0 in its commissioning month)
///   earns `min(1, (k + 1) / rampMonths)` of its full revenue; `rampMonths = 0` means full at
///   once. With 6 ramp months: 1/6, 2/6, …, 6/6 from the sixth operating month on.
///
/// One phase of 100 % is the conversion at once (every version-1 scenario).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timeline {
    phases: [PhaseTime; MAX_PHASES],
    count: usize,
    /// The first phase's construction start: the earliest month anything is spent.
    pub construction_start: u32,
    /// The first phase's commissioning.
    pub commissioning: u32,
    /// The last phase's commissioning: the month the whole conversion operates.
    pub last_commissioning: u32,
    pub horizon_months: u32,
}

impl Timeline {
    pub fn new(s: &Scenario) -> Timeline {
        let mut phases = [PhaseTime::default(); MAX_PHASES];
        let mut count = 0;
        for (slot, p) in phases.iter_mut().zip(&s.retrofit.phases) {
            *slot = PhaseTime {
                share: p.share_pct / 100.0,
                construction_start: p.construction_start_month,
                build_months: p.build_months,
                commissioning: p.construction_start_month.saturating_add(p.build_months),
                ramp_months: p.ramp_months,
            };
            count += 1;
        }
        let list = &phases[..count];
        Timeline {
            phases,
            count,
            construction_start: list.iter().map(|p| p.construction_start).min().unwrap_or(u32::MAX),
            commissioning: list.iter().map(|p| p.commissioning).min().unwrap_or(u32::MAX),
            last_commissioning: list.iter().map(|p| p.commissioning).max().unwrap_or(u32::MAX),
            horizon_months: s.months(),
        }
    }

    /// The phases, in the scenario's order.
    pub fn phases(&self) -> &[PhaseTime] {
        &self.phases[..self.count]
    }

    /// The first phase (the whole conversion when there is one).
    pub fn first(&self) -> PhaseTime {
        self.phases[0]
    }

    /// Share (0–1) of the whole fleet that still exists in month `m` of an AI pathway, where
    /// `kept` ([`kept_fleet_fraction`]) is what remains once the whole conversion has started:
    /// `1 − Σ over the phases started by m of share × (1 − kept)`.
    pub fn ai_fleet_fraction(&self, kept: f64, m: u32) -> f64 {
        let started: f64 = self
            .phases()
            .iter()
            .filter(|p| m >= p.construction_start)
            .map(|p| p.share)
            .sum();
        if started <= 0.0 {
            1.0
        } else if started >= 1.0 - 1e-12 {
            kept
        } else {
            1.0 - started * (1.0 - kept)
        }
    }

    /// Share (0–1) of the facility capex spent in month `m`: Σ over the phases of share ×
    /// their spend share.
    pub fn facility_spend_share(&self, m: u32) -> f64 {
        self.phases().iter().map(|p| p.share * p.spend_share(m)).sum()
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
        s.retrofit.phases[0].ramp_months = 4;
        let t = Timeline::new(&s).first();
        // (k + 1) / 4 for k = 0..3, then 1.
        let shares: Vec<f64> = (0..6).map(|k| t.ramp(k)).collect();
        assert_eq!(shares, vec![0.25, 0.5, 0.75, 1.0, 1.0, 1.0]);
        s.retrofit.phases[0].ramp_months = 0;
        assert_eq!(Timeline::new(&s).first().ramp(0), 1.0);
    }

    #[test]
    fn facility_capex_is_spread_evenly_over_the_build() {
        let mut s = Scenario::default();
        s.retrofit.phases[0].construction_start_month = 3;
        s.retrofit.phases[0].build_months = 4;
        let t = Timeline::new(&s);
        let shares: Vec<f64> = (0..9).map(|m| t.facility_spend_share(m)).collect();
        assert_eq!(shares, vec![0.0, 0.0, 0.0, 0.25, 0.25, 0.25, 0.25, 0.0, 0.0]);
        assert_eq!(t.commissioning, 7);
        assert_eq!(t.first().operating_month(6), None);
        assert_eq!(t.first().operating_month(7), Some(0));
    }

    #[test]
    fn two_phases_spend_their_shares_and_stop_their_share_of_the_fleet() {
        // 60 % built in months 0–1, 40 % in months 3–6: 0.6 ÷ 2 = 0.3 a month, then 0.4 ÷ 4 = 0.1.
        let mut s = Scenario::default();
        s.retrofit.phases = vec![
            crate::scenario::Phase::new(60.0, 0, 2, 0),
            crate::scenario::Phase::new(40.0, 3, 4, 0),
        ];
        let t = Timeline::new(&s);
        let shares: Vec<f64> = (0..8).map(|m| t.facility_spend_share(m)).collect();
        assert_eq!(shares, vec![0.3, 0.3, 0.0, 0.1, 0.1, 0.1, 0.1, 0.0]);
        assert_eq!((t.commissioning, t.last_commissioning), (2, 7));
        // Keeping 0.25 of the fleet once all is converted: 1 − 0.6 × 0.75 = 0.55 after the first
        // phase starts, 0.25 after the second.
        assert!((t.ai_fleet_fraction(0.25, 1) - 0.55).abs() < 1e-12);
        assert_eq!(t.ai_fleet_fraction(0.25, 3), 0.25);
    }

    #[test]
    fn the_converted_share_stops_mining_at_construction_start() {
        let mut s = Scenario::default();
        s.retrofit.phases[0].construction_start_month = 2;
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
