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
use crate::power::PricedMonth;
use crate::report::{BitcoinMonth, Warning};
use crate::scenario::{MiningExit, PowerSupply, Scenario};

/// One month of the site's mining operation (the share of the fleet still mining).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MiningMonth {
    pub revenue_usd: f64,
    pub curtailment_credit_usd: f64,
    /// Energy bought or contracted and the transmission charge paid, USD.
    pub power_cost_usd: f64,
    /// Energy the running lines drew, MWh.
    pub energy_mwh: f64,
    /// Hours the fleet ran at full load: its energy ÷ its facility MW (730.5 × uptime when
    /// every line runs every hour).
    pub hours_run: f64,
    /// Contracted power not drawn, sold back at the hourly price, USD.
    pub sell_back_usd: f64,
    /// Demand-response payments for the enrolled load while it runs, USD.
    pub demand_response_usd: f64,
    /// The transmission charge avoided by curtailing at the peaks, USD (not a cash flow: what
    /// the charge would have been less what was paid).
    pub avoided_charges_usd: f64,
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

/// The flat model's power price in month m, USD/MWh: price₀ × (1 + escalation/100)^(m/12),
/// where price₀ is the site's power price, or under a fixed-price contract the contract's
/// (without an hourly market, a contract is its price for what is drawn).
pub fn power_price_usd_per_mwh(s: &Scenario, month: u32) -> f64 {
    grow(
        crate::power::flat_price_usd_per_mwh(s),
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
    let hourly = crate::power::SitePrices::of(s);
    // Under hourly prices lines curtail by the hour: the flat share and its credit are unused.
    let curtailment = if hourly.is_some() {
        0.0
    } else {
        m.curtailment_pct / 100.0
    };
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
    let mut power_price = crate::power::flat_price_usd_per_mwh(s);
    // The escalation factor itself, carried the same way (hourly prices and the contract).
    let mut escalation = 1.0;
    let mut power_price_month = 0u32;
    let mut hours_by_line: Vec<(usize, f64)> = Vec::new();
    let demand_response_per_mwh =
        s.power.demand_response_enrolled_pct / 100.0 * s.power.demand_response_usd_per_mw_month / HOURS_PER_MONTH;

    for b in btc {
        let index = b.index;
        if index != power_price_month {
            power_price = power_price_usd_per_mwh(s, index);
            escalation = grow(1.0, s.site.power_price_escalation_pct_per_year, f64::from(index));
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
            escalation *= price_step;
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
            escalation *= price_step;
            power_price_month = index.saturating_add(1);
            continue;
        }

        // Per TH/s of the whole fleet (f = 1) and per MW of IT load: what a line earns and pays.
        let revenue_per_th = b.hashprice_usd_per_ph_day / 1000.0 * hashing * DAYS_PER_MONTH * keep_after_pool;
        let power_per_it_mw = m.pue * hashing * HOURS_PER_MONTH * power_price;
        let credit_per_it_mw = m.pue * uptime * curtailment * HOURS_PER_MONTH * m.curtailment_credit_usd_per_mwh;
        let energy_per_it_mw = m.pue * hashing * HOURS_PER_MONTH;
        let marginal = hourly.as_ref().map(|h| {
            let e = escalation;
            let priced = h.marginal(index, e, s.power.ppa_price_usd_per_mwh * e);
            let mean = priced.mean();
            (priced, h.market(index, e), mean)
        });
        // One division a month for the share of the month's profile hours, not two a line.
        let per_profile_hour = marginal
            .as_ref()
            .map_or(0.0, |(priced, _, _)| 1.0 / priced.hours().max(1) as f64);

        let (mut revenue_all, mut power_all) = (0.0, 0.0);
        let (mut revenue, mut power, mut credit, mut active_ths) = (0.0, 0.0, 0.0, 0.0);
        let mut energy = 0.0;
        let mut lines_off = 0usize;
        // Under hourly prices: the running lines' (hours run, facility MW), for the sell-back.
        hours_by_line.clear();
        for (i, line) in m.fleet.iter().enumerate() {
            let ths = line.units as f64 * line.hashrate_ths;
            let j_per_th = if refreshed {
                m.refresh.efficiency_j_per_th
            } else {
                line.efficiency_j_per_th
            };
            let it_mw = ths * j_per_th / 1e6;
            let line_revenue = ths * revenue_per_th;
            let (line_power, line_share) = match &marginal {
                // Every hour at the month's average (the flat model's "running all month").
                Some((_, _, mean)) => (it_mw * energy_per_it_mw * mean, 1.0),
                None => (it_mw * power_per_it_mw, 1.0),
            };
            revenue_all += line_revenue;
            power_all += line_power;

            let underwater = line_revenue < line_power;
            if underwater && f > 0.0 && run.line_first_underwater_month[i].is_none() {
                run.line_first_underwater_month[i] = Some(index);
            }
            let (line_revenue, line_power, line_share) = match &marginal {
                // Economic curtailment: the hours priced below the line's revenue per MWh.
                Some((priced, _, _)) if it_mw > 0.0 => {
                    let line_energy = it_mw * energy_per_it_mw;
                    // A line earns its hashprice revenue and the demand-response payment per MWh it
                    // draws; it runs in the hours priced below the two.
                    let per_mwh = if m.shutdown_when_unprofitable {
                        line_revenue / line_energy + demand_response_per_mwh
                    } else {
                        f64::INFINITY
                    };
                    let (n, sum) = priced.below(per_mwh);
                    let share = n as f64 * per_profile_hour;
                    if n > 0 {
                        hours_by_line.push((n, it_mw * m.pue * uptime));
                    }
                    (line_revenue * share, line_energy * sum * per_profile_hour, share)
                }
                _ => (line_revenue, line_power, line_share),
            };
            let off = line_share == 0.0 || (marginal.is_none() && underwater && m.shutdown_when_unprofitable);
            if off {
                if ths > 0.0 {
                    lines_off += 1;
                }
                continue;
            }
            revenue += line_revenue;
            power += line_power;
            credit += it_mw * credit_per_it_mw;
            energy += it_mw * energy_per_it_mw * line_share;
            active_ths += ths;
        }
        // The contract, the sell-back, demand response and the transmission charge.
        let p = &s.power;
        let mut sell_back = 0.0;
        if p.supply == PowerSupply::Ppa {
            let contract = s.power.ppa_price_usd_per_mwh * escalation;
            match &marginal {
                Some((_, market, _)) if p.ppa_sell_back => {
                    // Take-or-pay: the volume at the contract price; what the running lines do
                    // not draw is sold at the hour's price, what they draw above it bought there.
                    let volume_mw = p.ppa_volume_pct / 100.0 * original_facility_mw;
                    let (bought, sold) = market_balance(market, volume_mw, &mut hours_by_line);
                    power = volume_mw * HOURS_PER_MONTH * contract + bought;
                    sell_back = sold;
                }
                // Without sell-back (or under flat pricing): what is drawn, at the contract's price.
                _ => power = energy * contract,
            }
        }
        let enrolled_mw = p.demand_response_enrolled_pct / 100.0 * original_facility_mw;
        // The enrolled load earns while it runs (ready to curtail): the fleet's share of
        // full-load hours.
        let availability = if original_facility_mw > 0.0 {
            energy / (original_facility_mw * HOURS_PER_MONTH)
        } else {
            0.0
        };
        let demand_response = enrolled_mw * p.demand_response_usd_per_mw_month * availability;
        // The charge on the fleet's load at the system peaks, less what curtailing there avoids:
        // a fixed cost of the site while it is open, whichever lines run this month.
        let transmission_full = original_facility_mw * 1000.0 * p.transmission_usd_per_kw_month;
        let avoided = transmission_full * p.transmission_avoided_pct / 100.0;
        power += transmission_full - avoided;
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
            energy_mwh: energy * f,
            hours_run: if original_facility_mw > 0.0 {
                energy / original_facility_mw
            } else {
                0.0
            },
            sell_back_usd: sell_back * f,
            demand_response_usd: demand_response * f,
            avoided_charges_usd: avoided * f,
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
        escalation *= price_step;
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

/// Under a take-or-pay contract for `volume_mw`, the month's purchases at the hourly price and
/// its sales there, USD over 730.5 hours: in each hour the running lines draw L, and
/// (L − V) × price is bought (L > V) or (V − L) × price sold (L < V). `lines` holds each running
/// line's hours run n (it runs the n cheapest hours) and its average draw in MW; a line that
/// runs more hours runs every hour a line with fewer runs, so the load is a step in the price:
/// one sum of prices per step (prefix sums), not a pass over the hours.
///
/// ```
/// use minepivot::power::{PriceMap, PricedMonth};
/// use minepivot::profile::MonthPrices;
/// // Four hours at $10, 20, 30, 40; a 2 MW line runs the two cheapest, a 1 MW line the
/// // three cheapest; a 2.5 MW contract. Loads by hour: 3, 3, 1, 0 MW → bought
/// // (3 − 2.5) × (10 + 20) = 15, sold (2.5 − 1) × 30 + 2.5 × 40 = 145, per profile hour;
/// // over 730.5 hours, × 730.5 ÷ 4.
/// let m = MonthPrices::new(&[10.0, 20.0, 30.0, 40.0]);
/// let priced = PricedMonth::new(&m, PriceMap::affine(0.0, 1.0));
/// let (bought, sold) = minepivot::mining::market_balance(&priced, 2.5, &mut vec![(2, 2.0), (3, 1.0)]);
/// assert!((bought - 15.0 * 730.5 / 4.0).abs() < 1e-9);
/// assert!((sold - 145.0 * 730.5 / 4.0).abs() < 1e-9);
/// ```
pub fn market_balance(market: &PricedMonth, volume_mw: f64, lines: &mut [(usize, f64)]) -> (f64, f64) {
    let hours = market.hours();
    if hours == 0 {
        return (0.0, 0.0);
    }
    // The sum of the prices of the n cheapest hours.
    let cheapest = |n: usize| market.sum_cheapest(n);
    let (mut bought, mut sold) = (0.0, 0.0);
    let mut settle = |load: f64, prices: f64| {
        if load > volume_mw {
            bought += (load - volume_mw) * prices;
        } else {
            sold += (volume_mw - load) * prices;
        }
    };
    // From the dearest hours (no line runs) to the cheapest (every line runs).
    lines.sort_unstable_by_key(|l| std::cmp::Reverse(l.0));
    let (mut load, mut upper) = (0.0, hours);
    for &(n, mw) in lines.iter() {
        settle(load, cheapest(upper) - cheapest(n));
        load += mw;
        upper = n;
    }
    settle(load, cheapest(upper));
    let per_hour = HOURS_PER_MONTH / hours as f64;
    (bought * per_hour, sold * per_hour)
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
