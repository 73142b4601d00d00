//! Worked examples for the mining fleet (docs/model.md "Mining"). Expected values are derived by
//! hand in the comments: inputs → formula → arithmetic.

use minepivot::bitcoin::project;
use minepivot::mining::{simulate, warnings, MiningRun};
use minepivot::report::BitcoinMonth;
use minepivot::scenario::FleetLine;
use minepivot::Scenario;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual} (tolerance {tolerance})"
    );
}

/// A flat world: no growth anywhere, BTC $100,000, 1,000 EH/s, fees 0.125 BTC/block, the
/// default anchor (840,000 on 2024-04-20) and startMonth 2027-01. Months 0–14 lie wholly in
/// the 3.125 BTC epoch (the 2028 halving is in month 15, see tests/bitcoin.rs), so their
/// hashprice is 144 × (3.125 + 0.125) × 100,000 / (1,000 × 1,000) = 46.8 USD per PH/s-day.
fn flat_world() -> Scenario {
    let mut s = Scenario {
        start_month: "2027-01".to_string(),
        horizon_years: 10,
        ..Scenario::default()
    };
    s.bitcoin.btc_price_usd = 100_000.0;
    s.bitcoin.btc_price_growth_pct_per_year = 0.0;
    s.bitcoin.network_hashrate_ehs = 1_000.0;
    s.bitcoin.network_hashrate_growth_pct_per_year = 0.0;
    s.bitcoin.fees_btc_per_block = 0.125;
    s.bitcoin.fees_growth_pct_per_year = 0.0;
    s.bitcoin.anchor_height = 840_000;
    s.bitcoin.anchor_date = "2024-04-20".to_string();
    s.bitcoin.blocks_per_day = 144.0;
    s.site.power_price_escalation_pct_per_year = 0.0;
    s.mining.curtailment_pct = 0.0;
    s.mining.curtailment_credit_usd_per_mwh = 0.0;
    s.mining.refresh.enabled = false;
    // The worked examples grow the hashrate at its fixed rate (the economic model has its own).
    s.bitcoin.hashrate_model = minepivot::scenario::HashrateModel::FixedGrowth;
    s.mining.exit = minepivot::scenario::MiningExit::Stay;
    // One price for every hour: the hourly profile has its own examples (tests/power.rs).
    s.power = minepivot::scenario::Power::flat();
    s
}

/// One line of 1,000 machines × 100 TH/s × 20 J/TH = 100 PH/s and 2 MW, at PUE 1, always up,
/// no pool fee, no fees per block. Then hashprice × 30.4375 = 144 × S × 0.1 × 30.4375
/// = 438.3 × S per PH per month (144 × 30.4375 = 4,383), so revenue = 43,830 × S per month.
/// Power at $70/MWh: 2 MW × 730.5 h × 70 = 102,270 per month.
fn simple_fleet() -> Scenario {
    let mut s = flat_world();
    s.bitcoin.fees_btc_per_block = 0.0;
    s.mining.fleet = vec![FleetLine::new("Test 100T", 1_000, 100.0, 20.0)];
    s.mining.pue = 1.0;
    s.mining.uptime_pct = 100.0;
    s.mining.pool_fee_pct = 0.0;
    s.mining.fixed_opex_usd_per_mw_year = 60_000.0;
    s.site.power_price_usd_per_mwh = 70.0;
    s
}

fn run(s: &Scenario) -> (MiningRun, Vec<BitcoinMonth>) {
    let btc = project(s).months;
    (simulate(s, &btc, &|_| 1.0), btc)
}

/// S21 + S19j Pro at PUE 1.05, 95 % uptime, 2 % pool fee, $45/MWh escalating 2 %/yr.
fn two_line_fleet() -> Scenario {
    let mut s = flat_world();
    s.mining.fleet = vec![
        FleetLine::new("Antminer S21", 1_000, 200.0, 17.5),
        FleetLine::new("Antminer S19j Pro", 500, 104.0, 29.5),
    ];
    s.mining.pue = 1.05;
    s.mining.uptime_pct = 95.0;
    s.mining.pool_fee_pct = 2.0;
    s.mining.fixed_opex_usd_per_mw_year = 60_000.0;
    s.site.power_price_usd_per_mwh = 45.0;
    s.site.power_price_escalation_pct_per_year = 2.0;
    s
}

#[test]
fn revenue_and_power_of_a_two_line_fleet_for_one_month() {
    let (run, btc) = run(&two_line_fleet());
    close(btc[0].hashprice_usd_per_ph_day, 46.8, 1e-9);

    // PH = (1,000 × 200 + 500 × 104) / 1,000 = (200,000 + 52,000) / 1,000 = 252 PH/s.
    // IT MW = (1,000 × 200 × 17.5 + 500 × 104 × 29.5) / 1e6 = (3,500,000 + 1,534,000) / 1e6 = 5.034;
    // facility = 5.034 × 1.05 = 5.2857 MW.
    // Revenue = 252 × 0.95 × 46.8 × 30.4375 × (1 − 0.02)
    //         = 239.4 × 46.8 = 11,203.92; × 30.4375 = 341,019.315; × 0.98 = 334,198.9287.
    // Power = 5.2857 × 0.95 × 730.5 × 45 = 5.021415 × 730.5 = 3,668.1437; × 45 = 165,066.4646.
    // Fixed opex = 60,000 × 5.2857 / 12 = 26,428.50.
    let m0 = &run.months[0];
    close(m0.revenue_usd, 334_198.928_7, 1e-3);
    close(m0.power_cost_usd, 165_066.464_6, 1e-3);
    close(m0.opex_usd, 26_428.5, 1e-6);
    assert_eq!(m0.curtailment_credit_usd, 0.0);
    assert_eq!(m0.capex_usd, 0.0);
    assert_eq!(m0.active_fraction, 1.0);

    // Month 12: power price 45 × 1.02^(12/12) = 45.9 → power = 3,668.1437 × 45.9 = 168,367.7939;
    // revenue unchanged (still the 3.125 epoch, no growth).
    let m12 = &run.months[12];
    close(m12.power_cost_usd, 168_367.793_9, 1e-3);
    close(m12.revenue_usd, 334_198.928_7, 1e-3);
}

#[test]
fn after_the_halving_the_older_line_is_switched_off_first() {
    let (run, _) = run(&two_line_fleet());
    // After the 2028 halving (month 16 on): hashprice 144 × (1.5625 + 0.125) × 0.1 = 24.3, so each
    // TH/s earns 24.3 / 1,000 × 0.95 × 30.4375 × 0.98 = 0.688597 per month. Power per TH/s at
    // month 16 (price 45 × 1.02^(16/12) = 45 × 1.026755 = 46.2040):
    //   S19j Pro: 29.5e-6 MW × 1.05 × 0.95 × 730.5 × 46.2040 = 0.99320 > 0.688597 → switched off;
    //   S21:      17.5e-6 MW × 1.05 × 0.95 × 730.5 × 46.2040 = 0.58918 < 0.688597 → keeps running.
    // (Month 15, the blend: (2.372091 + 0.125) × 14.4 = 35.9581 per PH-day → 1.01896 per TH/s
    // against 0.99156 for the S19j Pro: still on.)
    assert_eq!(run.line_first_underwater_month[1], Some(16));
    // The S21 line lasts until the 2032 halving blend in month 63: (4,898.4375 / 4,383 + 0.125)
    // × 14.4 = 17.8934 per PH-day → 0.507052 per TH/s, against 17.5e-6 × 1.05 × 0.95 × 730.5 × 45
    // × 1.02^(63/12) = 0.573831 × 1.109560 = 0.636700 (month 62 still earned 0.688597 against 0.635650).
    assert_eq!(run.line_first_underwater_month[0], Some(63));
    let m16 = &run.months[16];
    // Revenue = the S21 line alone: 200,000 TH/s × 0.688597 = 137,719.34;
    // power = 3.5 MW × 1.05 × 0.95 × 730.5 × 46.2040 = 114,766.116 × 1.026755 = 117,836.70.
    close(m16.revenue_usd, 137_719.339, 1e-3);
    close(m16.power_cost_usd, 117_836.70, 1e-2);
    // Active: 200,000 of 252,000 TH/s = 0.793651.
    close(m16.active_fraction, 200.0 / 252.0, 1e-12);

    // The fleet as a whole (both lines running) after the halving earns 252,000 × 0.688597
    // = 173,526.367 against 165,066.4646 × 1.02^(m/12) of power: under water once
    // 1.02^(m/12) > 1.051251, i.e. m > 12 × ln(1.051251) / ln(1.02) = 12 × 0.049981 / 0.019803
    // = 30.29 → month 31 (2029-08).
    assert_eq!(run.first_underwater_month, Some(31));
}

#[test]
fn first_month_under_water_and_the_shutdown() {
    let s = simple_fleet();
    let (run, btc) = run(&s);
    // Months 0–14: S = 3.125 → revenue 43,830 × 3.125 = 136,968.75 > power 102,270.
    close(run.months[14].revenue_usd, 136_968.75, 1e-6);
    close(run.months[14].power_cost_usd, 102_270.0, 1e-6);
    // Month 15 (2028-04, the halving blend): S = 10,396.875 / 4,383 →
    // revenue 43,830 × 10,396.875 / 4,383 = 10 × 10,396.875 = 103,968.75 > 102,270: still above water.
    close(run.months[15].revenue_usd, 103_968.75, 1e-6);
    // Month 16: S = 1.5625 → 43,830 × 1.5625 = 68,484.375 < 102,270: under water.
    assert_eq!(run.first_underwater_month, Some(16));
    assert_eq!(btc[16].month, "2028-05");
    // Shutdown on: no revenue, no power; fixed opex 60,000 × 2 MW / 12 = 10,000 remains.
    let m16 = &run.months[16];
    assert_eq!(
        (m16.revenue_usd, m16.power_cost_usd, m16.active_fraction),
        (0.0, 0.0, 0.0)
    );
    close(m16.opex_usd, 10_000.0, 1e-9);
    // Later halvings only make it worse: months 16–119 are all off = 104 months.
    assert_eq!(run.months_fully_off, 104);
    assert_eq!(run.months_partly_off, 104);

    // Shutdown off: the same first month, and the fleet keeps running at a loss.
    let mut keep = s.clone();
    keep.mining.shutdown_when_unprofitable = false;
    let (run_on, _) = self::run(&keep);
    assert_eq!(run_on.first_underwater_month, Some(16));
    let m16 = &run_on.months[16];
    close(m16.revenue_usd, 68_484.375, 1e-6);
    close(m16.power_cost_usd, 102_270.0, 1e-6);
    assert_eq!(m16.active_fraction, 1.0);
    assert_eq!(run_on.months_fully_off, 0);

    let w = warnings(&s, &run, &btc);
    let under = w.iter().find(|w| w.code == "fleetUnderWater").expect("fleetUnderWater");
    assert!(under
        .message
        .starts_with("From 2028-05 (month 16) the fleet earns less than its power costs"));
    assert!(under.message.contains("switches off"), "{}", under.message);
    assert!(under.message.contains("all of it in 104"), "{}", under.message);
    let w = warnings(&keep, &run_on, &btc);
    let under = w.iter().find(|w| w.code == "fleetUnderWater").expect("fleetUnderWater");
    assert!(under.message.contains("keeps running at a loss"), "{}", under.message);
}

#[test]
fn an_inefficient_line_is_switched_off_before_the_fleet() {
    let mut s = simple_fleet();
    // Line A: 100 PH at 20 J/TH = 2 MW → 102,270 of power; line B: 100 PH at 5 J/TH = 0.5 MW →
    // 0.5 × 730.5 × 70 = 25,567.5. Both earn the same: 43,830 × S.
    s.mining.fleet = vec![
        FleetLine::new("Old 20J", 1_000, 100.0, 20.0),
        FleetLine::new("New 5J", 1_000, 100.0, 5.0),
    ];
    let (run, btc) = run(&s);
    // Month 16 (S = 1.5625): each line earns 68,484.375. A: 68,484.375 < 102,270 → off.
    // B: 68,484.375 > 25,567.5 → on. Fleet: 136,968.75 > 127,837.5 → the fleet is above water.
    let m16 = &run.months[16];
    close(m16.revenue_usd, 68_484.375, 1e-6);
    close(m16.power_cost_usd, 25_567.5, 1e-6);
    assert_eq!(m16.active_fraction, 0.5);
    assert_eq!(run.line_first_underwater_month[0], Some(16));
    // Month 63 (2032 halving): S = 4,898.4375 / 4,383 → each line 10 × 4,898.4375 = 48,984.375;
    // fleet 97,968.75 < 127,837.5 → the fleet as a whole is under water from month 63,
    // while B still covers its 25,567.5.
    assert_eq!(run.first_underwater_month, Some(63));
    close(run.months[63].revenue_usd, 48_984.375, 1e-6);
    // Month 111 (2036 halving): S = (1,503 × 0.78125 + 2,880 × 0.390625) / 4,383 = 2,299.21875 / 4,383
    // → 22,992.1875 < 25,567.5: B goes under too; months 111–119 = 9 months fully off.
    assert_eq!(run.line_first_underwater_month[1], Some(111));
    assert_eq!(run.months_fully_off, 9);
    assert_eq!(run.months_partly_off, 119 - 16 + 1);

    let w = warnings(&s, &run, &btc);
    let line = w
        .iter()
        .find(|w| w.code == "fleetLineUnderWater")
        .expect("line warning");
    assert_eq!(line.field.as_deref(), Some("mining.fleet[0].efficiencyJPerTh"));
    assert!(
        line.message
            .starts_with("From 2028-05 (month 16) the Old 20J line (20 J/TH)"),
        "{}",
        line.message
    );
    // B sinks after the fleet as a whole: covered by fleetUnderWater, not named separately.
    assert_eq!(w.iter().filter(|w| w.code == "fleetLineUnderWater").count(), 1);
    let fleet = w.iter().find(|w| w.code == "fleetUnderWater").expect("fleet warning");
    assert!(
        fleet.message.starts_with("From 2032-04 (month 63)"),
        "{}",
        fleet.message
    );
}

#[test]
fn curtailment_credit_arithmetic() {
    let mut s = simple_fleet();
    s.bitcoin.fees_btc_per_block = 0.125; // hashprice 46.8
    s.mining.pue = 1.05; // facility 2 × 1.05 = 2.1 MW
    s.mining.uptime_pct = 90.0;
    s.mining.curtailment_pct = 10.0;
    s.mining.curtailment_credit_usd_per_mwh = 50.0;
    s.site.power_price_usd_per_mwh = 45.0;
    let (run, _) = run(&s);
    let m0 = &run.months[0];
    // Hashing share = 0.9 × (1 − 0.1) = 0.81.
    // Revenue = 100 PH × 0.81 × 46.8 × 30.4375 = 81 × 46.8 = 3,790.8; × 30.4375 = 115,382.475.
    // Power = 2.1 × 0.81 × 730.5 × 45 = 1.701 × 730.5 = 1,242.5805; × 45 = 55,916.1225.
    // Credit = 2.1 × 0.9 × 0.1 × 730.5 × 50 = 0.189 × 730.5 = 138.0645; × 50 = 6,903.225.
    close(m0.revenue_usd, 115_382.475, 1e-6);
    close(m0.power_cost_usd, 55_916.122_5, 1e-6);
    close(m0.curtailment_credit_usd, 6_903.225, 1e-6);

    // Switched off (power at $1,000/MWh: 1,242.5805 × 1,000 = 1,242,580.5 > revenue): no credit either.
    s.site.power_price_usd_per_mwh = 1_000.0;
    let (run, _) = self::run(&s);
    assert_eq!(run.first_underwater_month, Some(0));
    assert_eq!(run.months[0].curtailment_credit_usd, 0.0);
    assert_eq!(run.months[0].revenue_usd, 0.0);
}

#[test]
fn refresh_capex_and_lower_power() {
    let mut s = simple_fleet();
    s.mining.refresh.enabled = true;
    s.mining.refresh.after_years = 1;
    s.mining.refresh.capex_usd_per_th = 17.0;
    s.mining.refresh.efficiency_j_per_th = 10.0;
    let btc = project(&s).months;
    let full = simulate(&s, &btc, &|_| 1.0);
    // Refresh in month 1 × 12 = 12: capex = 17 × (1,000 × 100 TH/s) = 1,700,000.
    close(full.months[12].capex_usd, 1_700_000.0, 1e-6);
    assert_eq!(full.months.iter().filter(|m| m.capex_usd > 0.0).count(), 1);
    // Power before: 2 MW × 730.5 × 70 = 102,270; after: 100,000 TH × 10 J/TH = 1 MW → 51,135.
    close(full.months[11].power_cost_usd, 102_270.0, 1e-6);
    close(full.months[12].power_cost_usd, 51_135.0, 1e-6);
    // Fixed opex stays on the original 2 MW: 60,000 × 2 / 12 = 10,000.
    close(full.months[12].opex_usd, 10_000.0, 1e-9);
    // The refreshed fleet survives the 2028 halving: 68,484.375 > 51,135; it goes under only
    // after the 2032 halving (43,830 × 0.78125 = 34,242.19 < 51,135; month 63's blend is
    // 48,984.375 < 51,135 too).
    assert_eq!(full.first_underwater_month, Some(63));

    // Half the fleet left: half the capex, 850,000.
    let half = simulate(&s, &btc, &|_| 0.5);
    close(half.months[12].capex_usd, 850_000.0, 1e-6);

    // A refresh beyond the horizon never happens, and says so.
    s.horizon_years = 1;
    let btc = project(&s).months;
    let short = simulate(&s, &btc, &|_| 1.0);
    assert!(short.months.iter().all(|m| m.capex_usd == 0.0));
    let w = warnings(&s, &short, &btc);
    assert!(w.iter().any(|w| w.code == "refreshOutsideHorizon"));

    // A "refresh" to machines no better than the fleet (20 J/TH) is flagged.
    s.horizon_years = 10;
    s.mining.refresh.efficiency_j_per_th = 20.0;
    let btc = project(&s).months;
    let w = warnings(&s, &simulate(&s, &btc, &|_| 1.0), &btc);
    assert!(w.iter().any(|w| w.code == "refreshNotMoreEfficient"));
}

#[test]
fn fleet_fraction_scales_everything() {
    let s = simple_fleet();
    let btc = project(&s).months;
    // The AI pathways: the whole fleet until month 6, a quarter of it from then on.
    let run = simulate(&s, &btc, &|m| if m < 6 { 1.0 } else { 0.25 });
    // Month 6: 0.25 × 136,968.75 = 34,242.1875 revenue, 0.25 × 102,270 = 25,567.5 power,
    // 0.25 × 10,000 = 2,500 opex.
    let m6 = &run.months[6];
    close(m6.revenue_usd, 34_242.187_5, 1e-6);
    close(m6.power_cost_usd, 25_567.5, 1e-6);
    close(m6.opex_usd, 2_500.0, 1e-9);
    assert_eq!(m6.active_fraction, 0.25);
    // Under water still from 16 (the comparison does not depend on f), and switched off then.
    assert_eq!(run.first_underwater_month, Some(16));
    assert_eq!(run.months[16].active_fraction, 0.0);
}

#[test]
fn an_empty_fleet_or_no_fleet_left_gives_zeros() {
    let mut s = simple_fleet();
    let btc = project(&s).months;
    let gone = simulate(&s, &btc, &|_| 0.0);
    assert_eq!(gone.first_underwater_month, None);
    for m in &gone.months {
        assert_eq!(
            (
                m.revenue_usd,
                m.power_cost_usd,
                m.opex_usd,
                m.curtailment_credit_usd,
                m.active_fraction
            ),
            (0.0, 0.0, 0.0, 0.0, 0.0)
        );
    }
    // A broken fraction is treated as nothing left, never propagated as NaN.
    let nan = simulate(&s, &btc, &|_| f64::NAN);
    assert!(nan.months.iter().all(|m| m.revenue_usd == 0.0 && m.opex_usd == 0.0));

    s.mining.fleet.clear();
    let (empty, btc) = run(&s);
    assert_eq!(empty.months.len(), 120);
    assert!(empty
        .months
        .iter()
        .all(|m| m.revenue_usd == 0.0 && m.power_cost_usd == 0.0 && m.opex_usd == 0.0 && m.active_fraction == 0.0));
    assert_eq!(empty.first_underwater_month, None);
    let w = warnings(&s, &empty, &btc);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].code, "emptyFleet");
}

#[test]
fn the_default_scenario_runs_clean() {
    // The default fleet at one flat price for every hour (the hourly profile: tests/power.rs).
    let s = Scenario {
        power: minepivot::scenario::Power::flat(),
        ..Scenario::default()
    };
    let btc = project(&s).months;
    let run = simulate(&s, &btc, &|_| 1.0);
    // The default horizon: 15 years × 12 months.
    assert_eq!(run.months.len(), 180);
    for m in &run.months {
        for v in [
            m.revenue_usd,
            m.power_cost_usd,
            m.opex_usd,
            m.capex_usd,
            m.curtailment_credit_usd,
            m.active_fraction,
        ] {
            assert!(v.is_finite() && v >= 0.0);
        }
    }
    // Month 0 from the defaults (hashprice 36.7965, see tests/bitcoin.rs): fleet PH =
    // (8,000 × 270 + 10,000 × 200 + 9,000 × 104) / 1,000 = 2,160 + 2,000 + 936 = 5,096 PH/s.
    // Revenue = 5,096 × 0.95 × (1 − 0.03) × 36.7965 × 30.4375 × 0.98
    //         = 4,695.964 × 36.7965 = 172,795.039; × 30.4375 = 5,259,449.01; × 0.98 = 5,154,260.03.
    close(run.months[0].revenue_usd, 5_154_260.03, 0.01);
}

#[test]
fn scenario_patch_works_for_the_fleet() {
    // The same two-line fleet via a JSON patch, for embedders who write scenarios as JSON.
    let s = Scenario::from_json_patch(serde_json::json!({
        "mining": { "fleet": [
            { "model": "Antminer S21", "units": 1000, "hashrateThs": 200, "efficiencyJPerTh": 17.5 },
            { "model": "Antminer S19j Pro", "units": 500, "hashrateThs": 104, "efficiencyJPerTh": 29.5 }
        ] }
    }))
    .expect("valid patch");
    // 252 PH/s and 5.034 MW of IT load, as derived above.
    close(s.mining.fleet_ph(), 252.0, 1e-12);
    close(s.mining.fleet_it_mw(), 5.034, 1e-12);
}
