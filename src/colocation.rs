//! Lease revenue of the converted share: the colocation pathway's AI side (mining excluded).
//!
//! Each phase of the conversion ([`Timeline`]) leases its share of the IT capacity from its
//! own commissioning, on the same terms (rent, escalator, ramp, occupancy, opex, rent-free
//! months, its share of the prepayment, term and re-letting); the pathway is their sum. In a
//! phase, month `m` of the horizon is operating month `k = m − commissioning` once its halls
//! are commissioned. Its lease starts at its commissioning; lease year `y = ⌊k / 12⌋`
//! (0-based), so the rent steps once a year from the lease start, as contracts write it:
//!
//! ```text
//! revenue_k = share × IT MW × 1000 × lease $/kW-month × (1 + escalator)^⌊k/12⌋ × occupancy × ramp_k
//! ```
//!
//! - **Lease types** — who pays the tenant's power and the building's opex:
//!   - **modified gross** (default): the tenant pays its power; the landlord pays the opex;
//!   - **NNN**: the tenant pays its power and the building's opex and taxes: neither is the
//!     landlord's revenue or cost while the halls are leased; empty halls' opex is the landlord's;
//!   - **gross**: the landlord pays the tenant's power out of the rent, at the tenant's load —
//!     assumed to be the whole leased IT capacity ([`GROSS_LEASE_LOAD_FACTOR`] = 100 %, the
//!     conservative end): `IT MW × occupancy × ramp_k × 1.0 × AI PUE × 730.5 h × price_m` —
//!     and the opex.
//! - Landlord opex (`landlordOpexUsdPerMwItYear` × IT MW ÷ 12) runs from commissioning, not
//!   ramped: the facility is staffed and insured from its first day.
//! - **Rent-free months** `F`: no rent in operating months `k < F` of the first term (the term
//!   and the escalator still run from commissioning).
//! - **Prepayment**: `prepaymentMonths` × the full first-year monthly rent × occupancy, paid
//!   in the construction start month; credited against the first term's rent either from the
//!   first rent due until used up (`firstMonths`) or in equal parts over the term's
//!   rent-paying months `term − F` (`overTerm`; a credit larger than a ramp month's rent makes
//!   that month's revenue negative).
//! - Lease term: after `leaseTermYears`, `renew` keeps the lease with the escalator
//!   continuing (year 16 rent = year 15 × (1 + escalator)); `vacate` leaves the halls empty for
//!   the rest of the horizon: no rent, no power, while the landlord keeps paying its opex;
//!   `relet` leaves them empty for `reletVacancyMonths`, then lets them for another term at
//!   `reletRentPct` % of the last rent, escalator continuing, and so on at each term's end:
//!   in cycle `n = ⌊k / (term + vacancy)⌋`, month `j = k mod (term + vacancy)` of it, the rent
//!   multiple is `(relet % × (1 + escalator)^⌊(term − 1)/12⌋)^n × (1 + escalator)^⌊j/12⌋`.
//!   The ramp applies to the first term only.

use crate::calendar::{grow, HOURS_PER_MONTH};
use crate::report::SiteReport;
use crate::scenario::{LeaseEnd, LeaseType, PrepaymentCredit, Scenario};
use crate::timeline::{PhaseTime, Timeline};

/// Share of the leased IT capacity the tenant is assumed to draw under a gross lease.
pub const GROSS_LEASE_LOAD_FACTOR: f64 = 1.0;

/// One month of an AI pathway on the converted share (mining excluded).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AiMonth {
    pub revenue_usd: f64,
    /// Energy and the transmission charge (docs/methodology-power.md), USD.
    pub power_cost_usd: f64,
    /// Energy the pathway pays for, MWh.
    pub energy_mwh: f64,
    pub opex_usd: f64,
    /// Capex of the pathway's own equipment (GPUs); the facility retrofit is added by the model.
    pub capex_usd: f64,
    /// Proceeds of selling equipment (GPUs replaced or retired) at its residual value.
    pub resale_usd: f64,
}

/// The colocation lease month by month over the horizon (see the module docs for formulas).
pub fn simulate(s: &Scenario, site: &SiteReport) -> Vec<AiMonth> {
    let mut months = Vec::new();
    simulate_into(s, site, &mut months);
    months
}

/// [`simulate`] into a reused buffer (the analysis runs it many times): the sum of the phases'
/// leases, each on its share of the IT capacity from its own commissioning.
pub fn simulate_into(s: &Scenario, site: &SiteReport, out: &mut Vec<AiMonth>) {
    simulate_adjusted(s, site, 1.0, out);
}

/// [`simulate_into`] with the rent after each phase's first term (its renewal, or its re-lets)
/// multiplied by `after_term` (a risk path's draw; 1: the scenario's lease).
pub fn simulate_adjusted(s: &Scenario, site: &SiteReport, after_term: f64, out: &mut Vec<AiMonth>) {
    let n = s.months();
    out.clear();
    out.resize(n as usize, AiMonth::default());
    let timeline = Timeline::new(s);
    for phase in timeline.phases() {
        lease_months(s, site, &timeline, phase, 0..n, after_term, |m, month| {
            let slot = &mut out[m as usize];
            slot.revenue_usd += month.revenue_usd;
            slot.power_cost_usd += month.power_cost_usd;
            slot.opex_usd += month.opex_usd;
        });
    }
}

/// The net operating income of the twelve months after the horizon (months `N … N + 11`):
/// rent − the landlord's power (gross leases) − landlord opex, by the same formulas as the
/// months inside it, of the phases commissioned inside the horizon. The numerator of the exit
/// value ([`crate::engine`], "value at the horizon").
pub fn next_year_noi(s: &Scenario, site: &SiteReport) -> f64 {
    let mut noi = 0.0;
    let n = s.months();
    let timeline = Timeline::new(s);
    for phase in timeline.phases().iter().filter(|p| p.commissioning < n) {
        lease_months(s, site, &timeline, phase, n..n + 12, 1.0, |_, m| {
            noi += m.revenue_usd - m.power_cost_usd - m.opex_usd
        });
    }
    noi
}

/// One phase's lease in each month of `months` (see the module docs for the formulas), on
/// its share of the IT capacity. The months before `months.start` are walked too (not
/// emitted): a prepayment's credit carries over.
fn lease_months(
    s: &Scenario,
    site: &SiteReport,
    timeline: &Timeline,
    phase: &PhaseTime,
    months: std::ops::Range<u32>,
    after_term: f64,
    mut emit: impl FnMut(u32, AiMonth),
) {
    let c = &s.colocation;
    let it_mw = site.it_capacity_mw.max(0.0) * phase.share;
    let rent_first_year = it_mw * 1000.0 * c.lease_usd_per_kw_month;
    let step = 1.0 + c.escalator_pct_per_year / 100.0;
    let occupancy = c.occupancy_pct / 100.0;
    let opex = c.landlord_opex_usd_per_mw_it_year * it_mw / 12.0;
    let term = c.lease_term_years.saturating_mul(12).max(1);
    let power_mw_at_full = it_mw * GROSS_LEASE_LOAD_FACTOR * s.retrofit.pue;
    // A re-let term after the vacancy starts at this multiple of the last rent it follows.
    let relet_step = c.relet_rent_pct / 100.0 * step.powi(((term - 1) / 12) as i32);
    let cycle = term.saturating_add(c.relet_vacancy_months);
    let prepaid = c.prepayment_months * rent_first_year * occupancy;
    let paying_months = term.saturating_sub(c.rent_free_months).max(1);
    let mut unused_prepayment = prepaid;
    let mut escalations = Escalations::new(step);

    // The power price's escalation multiplied up month by month instead of a powf per month
    // (~1e-14 relative drift over 360 months).
    let price_step = grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0);
    // Without a prepayment no state carries from month to month: start where asked.
    let from = if prepaid > 0.0 { 0 } else { months.start };
    let mut power_escalation = grow(1.0, s.site.power_price_escalation_pct_per_year, f64::from(from));
    let hourly = match c.lease_type {
        LeaseType::Gross => crate::power::SitePrices::of(s),
        LeaseType::Nnn | LeaseType::ModifiedGross => None,
    };

    for m in from..months.end {
        let month = match phase.operating_month(m) {
            None if m == timeline.construction_start && prepaid > 0.0 => AiMonth {
                revenue_usd: prepaid,
                ..AiMonth::default()
            },
            None => AiMonth::default(),
            Some(k) => {
                // Which term k falls in, and the rent multiple there (1 in the first year).
                let (leased, escalation, first_term) = match c.after_term {
                    LeaseEnd::Renew => (true, escalations.at(k / 12), k < term),
                    LeaseEnd::Vacate => (k < term, escalations.at(k / 12), k < term),
                    LeaseEnd::Relet => {
                        let (n, j) = (k / cycle, k % cycle);
                        (j < term, relet_step.powi(n as i32) * escalations.at(j / 12), n == 0)
                    }
                };
                let share = if leased {
                    occupancy * if first_term { phase.ramp(k) } else { 1.0 }
                } else {
                    0.0
                };
                let mut rent = if k < c.rent_free_months && first_term {
                    0.0
                } else if first_term {
                    rent_first_year * escalation * share
                } else {
                    rent_first_year * escalation * share * after_term
                };
                if first_term && rent > 0.0 {
                    let credit = match c.prepayment_credit {
                        PrepaymentCredit::FirstMonths => rent.min(unused_prepayment),
                        PrepaymentCredit::OverTerm => prepaid / f64::from(paying_months),
                    };
                    unused_prepayment -= credit;
                    rent -= credit;
                }
                let (power_cost_usd, energy_mwh) = match c.lease_type {
                    LeaseType::Gross => {
                        let mw = power_mw_at_full * share;
                        let per_mw = crate::power::ai_cost_per_mw_month(s, hourly.as_ref(), m, power_escalation);
                        (mw * per_mw, mw * HOURS_PER_MONTH)
                    }
                    LeaseType::Nnn | LeaseType::ModifiedGross => (0.0, 0.0),
                };
                // NNN: the tenant carries the building's opex while it leases; empty halls are
                // the landlord's.
                let opex_usd = if c.lease_type == LeaseType::Nnn && leased {
                    0.0
                } else {
                    opex
                };
                AiMonth {
                    revenue_usd: rent,
                    power_cost_usd,
                    energy_mwh,
                    opex_usd,
                    capex_usd: 0.0,
                    resale_usd: 0.0,
                }
            }
        };
        if m >= months.start {
            emit(m, month);
        }
        power_escalation *= price_step;
    }
}

/// The tenant's default in a risk path (issue 19): from `month` of the horizon the halls stand
/// empty for `vacancy_months` (no rent; under a gross lease no tenant power either), then are
/// let again at `relet_ratio` × the rent the lease would have paid, for the rest of the horizon.
/// The landlord's opex runs on unchanged (under an NNN lease the empty months' opex, which the
/// tenant would have paid, is not added: a small understatement of the loss).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TenantDefault {
    pub month: u32,
    pub vacancy_months: u32,
    pub relet_ratio: f64,
}

impl TenantDefault {
    /// The lease's months after the default (see the type's docs).
    pub fn apply(&self, months: &mut [AiMonth]) {
        let relet_from = self.month.saturating_add(self.vacancy_months);
        for (m, month) in months.iter_mut().enumerate().skip(self.month as usize) {
            if (m as u64) < u64::from(relet_from) {
                month.revenue_usd = 0.0;
                month.power_cost_usd = 0.0;
                month.energy_mwh = 0.0;
            } else {
                month.revenue_usd *= self.relet_ratio;
            }
        }
    }
}

/// `step^year`, remembered for the last year asked (the lease asks twelve months in a row for
/// the same year): one `powi` a lease year instead of one a month.
struct Escalations {
    step: f64,
    year: u32,
    value: f64,
}

impl Escalations {
    fn new(step: f64) -> Escalations {
        Escalations {
            step,
            year: 0,
            value: 1.0,
        }
    }

    fn at(&mut self, year: u32) -> f64 {
        if year != self.year {
            self.year = year;
            self.value = self.step.powi(year as i32);
        }
        self.value
    }
}
