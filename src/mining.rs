//! The ASIC fleet month by month: revenue, power, curtailment, shutdown, refresh.
//!
//! Per month m, for the share f = `fleet_fraction(m)` of the fleet that still exists, with
//! u = uptime, c = curtailment, hashing share of hours = u × (1 − c):
//! - revenue = PH × f × u × (1 − c) × hashprice × 30.4375 × (1 − pool fee);
//! - power = facility MW × f × u × (1 − c) × 730.5 × power price (escalating continuously);
//! - curtailment credit = facility MW × f × u × c × 730.5 × credit $/MWh;
//! - fixed opex = fixedOpexUsdPerMwYear × facility MW × f ÷ 12, also in months switched off.
//!
//! The rational miner (`shutdownWhenUnprofitable`) decides line by line: an ASIC line whose
//! revenue is below its own power cost that month is switched off (no revenue, no power, no
//! curtailment credit — a switched-off machine has no load to curtail). Every line earns the
//! same per TH/s, so this is the merit order a real miner follows; with one line, or when every
//! line is under water, it is the whole fleet switched off.

use crate::calendar::{grow, DAYS_PER_MONTH, HOURS_PER_MONTH};
use crate::report::{BitcoinMonth, Warning};
use crate::scenario::{MiningExit, Scenario};

/// One month of the site's mining operation (the share of the fleet still mining).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MiningMonth {
    pub revenue_usd: f64,
    pub curtailment_credit_usd: f64,
    pub power_cost_usd: f64,
    pub opex_usd: f64,
    pub capex_usd: f64,
    /// ASICs sold this month: the share converted to AI at its construction start, or the
    /// whole fleet left when the site closes.
    pub resale_usd: f64,
    /// Share of the site's whole fleet (by hashrate) switched on this month, 0–1: the existing
    /// share f times the share of it not switched off as unprofitable. Uptime and curtailment
    /// are shares of hours, not of the fleet, and do not enter it.
    pub active_fraction: f64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MiningRun {
    pub months: Vec<MiningMonth>,
    /// First month in which the fleet as a whole (every line running) earns less than its
    /// power cost, whether or not the rational shutdown is on. Months where no fleet is left
    /// (f = 0) never count.
    pub first_underwater_month: Option<u32>,
    /// The same per fleet line (index = `mining.fleet` index): the first month that line's
    /// revenue is below its own power cost.
    pub line_first_underwater_month: Vec<Option<u32>>,
    /// Months in which at least one line is switched off as unprofitable.
    pub months_partly_off: u32,
    /// Months in which the whole (existing) fleet is switched off as unprofitable.
    pub months_fully_off: u32,
    /// The month the site closed (`mining.exit` = `close`): from it, no cash flow but the sale.
    pub closed_month: Option<u32>,
    /// Months the site spent mothballed (`mining.exit` = `mothball`).
    pub months_mothballed: u32,
    /// What the fleet left at the end of the horizon would fetch second-hand, USD (0 once
    /// the site has closed): the mining pathway's value at the horizon.
    pub fleet_value_at_end_usd: f64,
}

/// What one TH/s of machines at `j_per_th` fetches second-hand in a month of `hashprice`,
/// `age_months` after it was bought (docs/methodology-mining.md "Selling the fleet"):
/// the index price of its efficiency class × hashprice ÷ the index's reference hashprice ×
/// (1 − age decline)^(age in years).
///
/// ```
/// let mut s = minepivot::scenario::Scenario::default();
/// s.mining.asic_resale.under19_usd_per_th = 14.0;
/// s.mining.asic_resale.reference_hashprice_usd_per_ph_day = 40.0;
/// s.mining.asic_resale.age_decline_pct_per_year = 25.0;
/// // A 17.5 J/TH machine (under 19: $14/TH at a $40 reference) at a $30 hashprice, 24 months
/// // on at 25 %/yr: 14 × 30/40 × 0.75² = $5.906 per TH/s.
/// let p = minepivot::mining::resale_usd_per_th(&s, 17.5, 30.0, 24);
/// assert!((p - 14.0 * 0.75 * 0.5625).abs() < 1e-12);
/// ```
pub fn resale_usd_per_th(s: &Scenario, j_per_th: f64, hashprice: f64, age_months: u32) -> f64 {
    let r = &s.mining.asic_resale;
    let class = r.class_usd_per_th(j_per_th);
    if class == 0.0 || hashprice <= 0.0 || r.reference_hashprice_usd_per_ph_day <= 0.0 {
        return 0.0;
    }
    let age = grow(1.0, -r.age_decline_pct_per_year, f64::from(age_months));
    class * hashprice / r.reference_hashprice_usd_per_ph_day * age
}

/// What the whole fleet (f = 1) fetches in month `index` of `hashprice`: every line at its
/// efficiency (the refresh's once refreshed, aged from the refresh).
pub fn fleet_resale_usd(s: &Scenario, hashprice: f64, index: u32, refresh_at: Option<u32>) -> f64 {
    let m = &s.mining;
    let refreshed = refresh_at.filter(|&r| index >= r);
    m.fleet
        .iter()
        .map(|l| {
            let ths = l.units as f64 * l.hashrate_ths;
            match refreshed {
                Some(r) => ths * resale_usd_per_th(s, m.refresh.efficiency_j_per_th, hashprice, index - r),
                None => ths * resale_usd_per_th(s, l.efficiency_j_per_th, hashprice, index),
            }
        })
        .sum()
}

/// Month in which the fleet is refreshed, if the refresh is on and falls inside the horizon.
pub fn refresh_month(s: &Scenario) -> Option<u32> {
    let r = &s.mining.refresh;
    let month = r.after_years.checked_mul(12)?;
    (r.enabled && month < s.months()).then_some(month)
}

/// All-in power price in month m, USD/MWh: price₀ × (1 + escalation/100)^(m/12).
pub fn power_price_usd_per_mwh(s: &Scenario, month: u32) -> f64 {
    grow(
        s.site.power_price_usd_per_mwh,
        s.site.power_price_escalation_pct_per_year,
        month as f64,
    )
}

/// Runs the fleet over `btc` months; `fleet_fraction(m)` is the share (0–1) of the fleet
/// that still exists in month m (1 for the mining pathway; 1 − converted share after
/// construction starts in the AI pathways). Values outside [0, 1] are clamped, NaN is 0.
///
/// Formulas: see the module documentation. Refresh (`mining.refresh.enabled`): in month
/// afterYears × 12, if inside the horizon, capex = capexUsdPerTh × fleet TH/s × f; from that
/// month every line runs at the refresh J/TH (hashrate unchanged), so IT and facility power
/// drop. Fixed opex stays on the original facility MW: staff, maintenance and insurance follow
/// the site and its machines, not their efficiency.
///
/// An empty fleet or f = 0 gives zero cash flows, never NaN.
pub fn simulate(s: &Scenario, btc: &[BitcoinMonth], fleet_fraction: &dyn Fn(u32) -> f64) -> MiningRun {
    let m = &s.mining;
    let uptime = m.uptime_pct / 100.0;
    let curtailment = m.curtailment_pct / 100.0;
    let hashing = uptime * (1.0 - curtailment);
    let keep_after_pool = 1.0 - m.pool_fee_pct / 100.0;

    // The fleet's TH/s never changes; a refresh changes only its J/TH.
    let total_ths: f64 = m.fleet.iter().map(|l| l.units as f64 * l.hashrate_ths).sum();
    let original_facility_mw = m.fleet_facility_mw();
    let refresh_at = refresh_month(s);

    let mut run = MiningRun {
        months: Vec::with_capacity(btc.len()),
        first_underwater_month: None,
        line_first_underwater_month: vec![None; m.fleet.len()],
        months_partly_off: 0,
        months_fully_off: 0,
        closed_month: None,
        months_mothballed: 0,
        fleet_value_at_end_usd: 0.0,
    };
    // The exit: consecutive months with the whole fleet off, and whether the site has closed.
    let mut off_streak = 0u32;
    let mut previous_f = 1.0;
    let mut last_f = 0.0;

    // Escalation as a cumulative monthly factor (calendar::grow to ~1e-14, one powf per run);
    // recomputed from the formula should the months not be 0, 1, 2, …
    let price_step = grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0);
    let mut power_price = s.site.power_price_usd_per_mwh;
    let mut power_price_month = 0u32;

    for b in btc {
        let index = b.index;
        if index != power_price_month {
            power_price = power_price_usd_per_mwh(s, index);
        }
        let f = fleet_fraction(index);
        let f = if f.is_nan() { 0.0 } else { f.clamp(0.0, 1.0) };
        let refreshed = refresh_at.is_some_and(|r| index >= r);
        // The share converted this month is sold as construction starts.
        let converted = if m.sell_asics_at_conversion && f < previous_f {
            (previous_f - f) * fleet_resale_usd(s, b.hashprice_usd_per_ph_day, index, refresh_at)
        } else {
            0.0
        };
        previous_f = f;
        if run.closed_month.is_some() {
            // Closed: the fleet was sold when the site closed; nothing is left to convert.
            run.months.push(MiningMonth::default());
            power_price *= price_step;
            power_price_month = index.saturating_add(1);
            continue;
        }
        if m.exit == MiningExit::Close && off_streak >= m.exit_after_months_off.max(1) {
            // Closed after the trigger: no opex from this month, the fleet left sold once.
            run.closed_month = Some(index);
            run.months.push(MiningMonth {
                resale_usd: converted + f * fleet_resale_usd(s, b.hashprice_usd_per_ph_day, index, refresh_at),
                ..MiningMonth::default()
            });
            power_price *= price_step;
            power_price_month = index.saturating_add(1);
            continue;
        }

        // Per TH/s of the whole fleet (f = 1) and per MW of IT load: what a line earns and pays.
        let revenue_per_th = b.hashprice_usd_per_ph_day / 1000.0 * hashing * DAYS_PER_MONTH * keep_after_pool;
        let power_per_it_mw = m.pue * hashing * HOURS_PER_MONTH * power_price;
        let credit_per_it_mw = m.pue * uptime * curtailment * HOURS_PER_MONTH * m.curtailment_credit_usd_per_mwh;

        let (mut revenue_all, mut power_all) = (0.0, 0.0);
        let (mut revenue, mut power, mut credit, mut active_ths) = (0.0, 0.0, 0.0, 0.0);
        let mut lines_off = 0usize;
        for (i, line) in m.fleet.iter().enumerate() {
            let ths = line.units as f64 * line.hashrate_ths;
            let j_per_th = if refreshed {
                m.refresh.efficiency_j_per_th
            } else {
                line.efficiency_j_per_th
            };
            let it_mw = ths * j_per_th / 1e6;
            let line_revenue = ths * revenue_per_th;
            let line_power = it_mw * power_per_it_mw;
            revenue_all += line_revenue;
            power_all += line_power;

            let underwater = line_revenue < line_power;
            if underwater && f > 0.0 && run.line_first_underwater_month[i].is_none() {
                run.line_first_underwater_month[i] = Some(index);
            }
            if underwater && m.shutdown_when_unprofitable {
                if ths > 0.0 {
                    lines_off += 1;
                }
                continue;
            }
            revenue += line_revenue;
            power += line_power;
            credit += it_mw * credit_per_it_mw;
            active_ths += ths;
        }
        if f > 0.0 && revenue_all < power_all && run.first_underwater_month.is_none() {
            run.first_underwater_month = Some(index);
        }
        let fully_off = f > 0.0 && lines_off > 0 && active_ths == 0.0;
        if f > 0.0 && lines_off > 0 {
            run.months_partly_off += 1;
            if fully_off {
                run.months_fully_off += 1;
            }
        }
        // Mothballed: the fleet has been off for the trigger's months and still is.
        let mothballed = m.exit == MiningExit::Mothball && fully_off && off_streak >= m.exit_after_months_off.max(1);
        if mothballed {
            run.months_mothballed += 1;
        }
        off_streak = if fully_off { off_streak + 1 } else { 0 };
        let opex_share = if mothballed { m.mothball_opex_pct / 100.0 } else { 1.0 };

        let capex = if refresh_at == Some(index) {
            m.refresh.capex_usd_per_th * total_ths * f
        } else {
            0.0
        };
        run.months.push(MiningMonth {
            revenue_usd: revenue * f,
            curtailment_credit_usd: credit * f,
            power_cost_usd: power * f,
            opex_usd: m.fixed_opex_usd_per_mw_year * original_facility_mw * f / 12.0 * opex_share,
            capex_usd: capex,
            resale_usd: converted,
            active_fraction: if total_ths > 0.0 {
                f * active_ths / total_ths
            } else {
                0.0
            },
        });
        power_price *= price_step;
        power_price_month = index.saturating_add(1);
        last_f = f;
    }
    if run.closed_month.is_none() {
        if let Some(b) = btc.last() {
            run.fleet_value_at_end_usd = last_f * fleet_resale_usd(s, b.hashprice_usd_per_ph_day, b.index, refresh_at);
        }
    }
    run
}

/// Warnings a CFO should see about the mining run `run` (normally the mining pathway's):
/// - `fleetUnderWater`: from which month the fleet as a whole earns less than its power cost,
///   and what the rational miner does about it;
/// - `fleetLineUnderWater`: a line that goes under water before the fleet as a whole (the
///   fleet average hides it);
/// - `refreshOutsideHorizon`, `refreshNotMoreEfficient`: a refresh that never happens or
///   buys nothing;
/// - `emptyFleet`: no machines, so the mining pathway is all zeros.
pub fn warnings(s: &Scenario, run: &MiningRun, btc: &[BitcoinMonth]) -> Vec<Warning> {
    let m = &s.mining;
    let mut out = Vec::new();
    let label = |index: u32| {
        btc.get(index as usize)
            .map(|b| b.month.clone())
            .unwrap_or_else(|| format!("month {index}"))
    };
    let total_ths: f64 = m.fleet.iter().map(|l| l.units as f64 * l.hashrate_ths).sum();

    if total_ths <= 0.0 {
        out.push(Warning::new(
            "emptyFleet",
            Some("mining.fleet"),
            "The fleet has no machines: the mining pathway earns nothing and the AI pathways give up no mining revenue.",
        ));
    }

    if let Some(first) = run.first_underwater_month {
        let what_happens = if m.shutdown_when_unprofitable {
            format!(
                "the rational miner switches off every line that does not cover its own power: part of the fleet is off in {} of {} months, all of it in {}",
                run.months_partly_off,
                run.months.len(),
                run.months_fully_off
            )
        } else {
            "the fleet keeps running at a loss (mining.shutdownWhenUnprofitable is off)".to_string()
        };
        let hashprice = btc.get(first as usize).map_or(0.0, |b| b.hashprice_usd_per_ph_day);
        let price = power_price_usd_per_mwh(s, first);
        out.push(Warning::new(
            "fleetUnderWater",
            Some("mining.fleet"),
            format!(
                "From {} (month {first}) the fleet earns less than its power costs (hashprice ${hashprice:.2} per PH/s-day, power ${price:.2}/MWh); {what_happens}.",
                label(first),
            ),
        ));
    }

    // Lines that sink before the fleet average does: the board should see them by name.
    let fleet_first = run.first_underwater_month.unwrap_or(u32::MAX);
    for (i, line) in m.fleet.iter().enumerate() {
        let Some(first) = run.line_first_underwater_month.get(i).copied().flatten() else {
            continue;
        };
        if first >= fleet_first || line.units == 0 {
            continue;
        }
        let action = if m.shutdown_when_unprofitable {
            "it is switched off in such months"
        } else {
            "it keeps running at a loss"
        };
        out.push(Warning::new(
            "fleetLineUnderWater",
            Some(&format!("mining.fleet[{i}].efficiencyJPerTh")),
            format!(
                "From {} (month {first}) the {} line ({} J/TH) earns less than its own power costs; {action}.",
                label(first),
                line.model,
                line.efficiency_j_per_th
            ),
        ));
    }

    if let Some(closed) = run.closed_month {
        let sale = run.months.get(closed as usize).map_or(0.0, |mm| mm.resale_usd);
        out.push(Warning::new(
            "siteClosed",
            Some("mining.exit"),
            format!(
                "After {} months in a row with the whole fleet switched off, the mining site closes in {} (month {closed}): its fixed opex stops and its ASICs are sold for {} (mining.exitAfterMonthsOff, mining.asicResale).",
                m.exit_after_months_off.max(1),
                label(closed),
                crate::format::money(sale)
            ),
        ));
    }
    if run.months_mothballed > 0 {
        out.push(Warning::new(
            "siteMothballed",
            Some("mining.exit"),
            format!(
                "The mining site is mothballed in {} months (the whole fleet off for {} months in a row or more), paying {} % of its fixed opex in them.",
                run.months_mothballed,
                m.exit_after_months_off.max(1),
                m.mothball_opex_pct
            ),
        ));
    }

    let r = &m.refresh;
    if r.enabled {
        if refresh_month(s).is_none() {
            out.push(Warning::new(
                "refreshOutsideHorizon",
                Some("mining.refresh.afterYears"),
                format!(
                    "The fleet refresh after {} years falls outside the {}-year horizon: it never happens.",
                    r.after_years, s.horizon_years
                ),
            ));
        }
        let it_mw = m.fleet_it_mw();
        if total_ths > 0.0 {
            let average_j_per_th = it_mw * 1e6 / total_ths;
            if r.efficiency_j_per_th >= average_j_per_th {
                out.push(Warning::new(
                    "refreshNotMoreEfficient",
                    Some("mining.refresh.efficiencyJPerTh"),
                    format!(
                        "The refresh efficiency ({} J/TH) is no better than the fleet's average ({average_j_per_th:.1} J/TH): the refresh costs capex and saves no power.",
                        r.efficiency_j_per_th
                    ),
                ));
            }
        }
    }
    out
}
