//! Lease revenue of the converted share: the colocation pathway's AI side (mining excluded).
//!
//! Month `m` of the horizon is operating month `k = m − commissioning` once the halls are
//! commissioned ([`Timeline`]). The lease starts at commissioning; lease year `y = ⌊k / 12⌋`
//! (0-based), so the rent steps once a year from the lease start, as contracts write it:
//!
//! ```text
//! revenue_k = IT MW × 1000 × lease $/kW-month × (1 + escalator)^⌊k/12⌋ × occupancy × ramp_k
//! ```
//!
//! - **NNN** (default): the tenant pays its power directly; it is neither revenue nor cost.
//! - **Gross**: the landlord pays the tenant's power out of the rent, at the tenant's load —
//!   assumed to be the whole leased IT capacity ([`GROSS_LEASE_LOAD_FACTOR`] = 100 %, the
//!   conservative end): `IT MW × occupancy × ramp_k × 1.0 × AI PUE × 730.5 h × price_m`.
//! - Landlord opex (`landlordOpexUsdPerMwItYear` × IT MW ÷ 12) runs from commissioning, not
//!   ramped: the facility is staffed and insured from its first day.
//! - Lease term: after `leaseTermYears`, `renew` keeps the lease with the escalator
//!   continuing (year 16 rent = year 15 × (1 + escalator)); `vacate` leaves the halls empty for
//!   the rest of the horizon: no rent, no power, while the landlord keeps paying its opex (no
//!   re-let is assumed — the conservative reading).

use crate::calendar::{grow, HOURS_PER_MONTH};
use crate::report::SiteReport;
use crate::scenario::{LeaseEnd, LeaseType, Scenario};
use crate::timeline::Timeline;

/// Share of the leased IT capacity the tenant is assumed to draw under a gross lease.
pub const GROSS_LEASE_LOAD_FACTOR: f64 = 1.0;

/// One month of an AI pathway on the converted share (mining excluded).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AiMonth {
    pub revenue_usd: f64,
    pub power_cost_usd: f64,
    pub opex_usd: f64,
    /// Capex of the pathway's own equipment (GPUs); the facility retrofit is added by the model.
    pub capex_usd: f64,
}

/// The colocation lease month by month over the horizon (see the module docs for formulas).
pub fn simulate(s: &Scenario, site: &SiteReport) -> Vec<AiMonth> {
    let mut months = Vec::new();
    simulate_into(s, site, &mut months);
    months
}

/// [`simulate`] into a reused buffer (the analysis runs it many times).
pub fn simulate_into(s: &Scenario, site: &SiteReport, out: &mut Vec<AiMonth>) {
    out.clear();
    out.reserve(s.months() as usize);
    lease_months(s, site, 0..s.months(), |month| out.push(month));
}

/// The net operating income of the twelve months after the horizon (months `N … N + 11`):
/// rent − the landlord's power (gross leases) − landlord opex, by the same formulas as the
/// months inside it. The numerator of the exit value ([`crate::engine`], "value at the horizon").
pub fn next_year_noi(s: &Scenario, site: &SiteReport) -> f64 {
    let mut noi = 0.0;
    let n = s.months();
    lease_months(s, site, n..n + 12, |m| {
        noi += m.revenue_usd - m.power_cost_usd - m.opex_usd
    });
    noi
}

/// The lease in each month of `months` (see the module docs for the formulas).
fn lease_months(s: &Scenario, site: &SiteReport, months: std::ops::Range<u32>, mut emit: impl FnMut(AiMonth)) {
    let timeline = Timeline::new(s);
    let c = &s.colocation;
    let it_mw = site.it_capacity_mw.max(0.0);
    let rent_first_year = it_mw * 1000.0 * c.lease_usd_per_kw_month;
    let step = 1.0 + c.escalator_pct_per_year / 100.0;
    let occupancy = c.occupancy_pct / 100.0;
    let opex = c.landlord_opex_usd_per_mw_it_year * it_mw / 12.0;
    let term_months = c.lease_term_years.saturating_mul(12);
    let power_mw_at_full = it_mw * GROSS_LEASE_LOAD_FACTOR * s.retrofit.pue;

    // The power price multiplied up month by month instead of a powf per month (~1e-14
    // relative drift over 360 months).
    let price_step = grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0);
    let mut price = grow(
        s.site.power_price_usd_per_mwh,
        s.site.power_price_escalation_pct_per_year,
        f64::from(months.start),
    );

    for m in months {
        let month = match timeline.operating_month(m) {
            None => AiMonth::default(),
            Some(k) if k >= term_months && c.after_term == LeaseEnd::Vacate => AiMonth {
                opex_usd: opex,
                ..AiMonth::default()
            },
            Some(k) => {
                let leased = occupancy * timeline.ramp(k);
                let escalation = step.powi((k / 12) as i32);
                let power_cost_usd = match c.lease_type {
                    LeaseType::Nnn => 0.0,
                    LeaseType::Gross => power_mw_at_full * leased * HOURS_PER_MONTH * price,
                };
                AiMonth {
                    revenue_usd: rent_first_year * escalation * leased,
                    power_cost_usd,
                    opex_usd: opex,
                    capex_usd: 0.0,
                }
            }
        };
        emit(month);
        price *= price_step;
    }
}
