//! Mining as the network allows it (issue 17): the economic hashrate model through the
//! projection, curves, the site's exit and the ASICs' resale, and bad curves. Expected values
//! are derived by hand in the comments.

use minepivot::bitcoin::project;
use minepivot::curve::from_csv;
use minepivot::mining::simulate;
use minepivot::scenario::{CurvePoint, FleetLine, HashrateModel, MiningExit};
use minepivot::validate::{validate, ErrorCode};
use minepivot::Scenario;

fn close(actual: f64, expected: f64, relative: f64) -> bool {
    (actual - expected).abs() <= relative * expected.abs().max(1e-12)
}

/// A world without halvings inside the horizon: June 2028 (after the 2028 halving, block
/// 1,050,000 ≈ April 2028) for three years (before the 2032 one), BTC flat at $100,000, no
/// fees, so the network earns 144 × 1.5625 × 100,000 = $22,500,000 a day. The marginal fleet
/// at 20 J/TH and $50/MWh costs 24 × 20 × 50 = $24,000 per EH/s a day, so its break-even
/// network is 22.5 M ÷ 24,000 = 937.5 EH/s and its break-even hashprice 20 × 24 × 50 ÷ 1,000 =
/// $24.00 per PH/s-day. No improvement, no escalation, no cap to speak of, a 3-month half-time.
fn economic_world() -> Scenario {
    let mut s = Scenario {
        start_month: "2028-06".to_string(),
        horizon_years: 3,
        ..Scenario::default()
    };
    let b = &mut s.bitcoin;
    b.btc_price_usd = 100_000.0;
    b.btc_price_growth_pct_per_year = 0.0;
    b.fees_btc_per_block = 0.0;
    b.network_hashrate_ehs = 600.0;
    b.hashrate_model = HashrateModel::Economic;
    b.marginal_efficiency_j_per_th = 20.0;
    b.marginal_efficiency_gain_pct_per_year = 0.0;
    b.marginal_power_usd_per_mwh = 50.0;
    b.marginal_power_escalation_pct_per_year = 0.0;
    b.hashrate_lag_months = 3.0;
    b.max_hashrate_growth_pct_per_year = 500.0;
    s
}

#[test]
fn the_network_settles_where_its_marginal_fleet_breaks_even() {
    let s = economic_world();
    let p = project(&s);
    assert!(p.halvings.is_empty());
    assert_eq!(p.months[0].subsidy_btc, 1.5625);
    // From 600 EH/s the gap to 937.5 halves every 3 months: after 33 months 2^−11 of it is left
    // (337.5 ÷ 2,048 = 0.16 EH/s), so the last month is within 0.02 % of 937.5 and its hashprice
    // within 0.02 % of $24.00.
    let last = p.months.last().unwrap();
    assert!(
        close(last.network_hashrate_ehs, 937.5, 2e-4),
        "{}",
        last.network_hashrate_ehs
    );
    assert!(
        close(last.hashprice_usd_per_ph_day, 24.0, 2e-4),
        "{}",
        last.hashprice_usd_per_ph_day
    );
    // Month 3: 937.5 − 337.5 × 2^(−3/3) = 768.75 EH/s exactly (up to rounding).
    assert!(
        close(p.months[3].network_hashrate_ehs, 768.75, 1e-12),
        "{}",
        p.months[3].network_hashrate_ehs
    );
}

#[test]
fn doubling_the_btc_price_raises_the_hashrate_after_the_lag_and_not_the_long_run_hashprice() {
    let s = economic_world();
    let mut doubled = s.clone();
    doubled.bitcoin.btc_price_usd = 200_000.0;
    let (a, b) = (project(&s), project(&doubled));
    // Month 0 is given; from month 1 the network answers.
    assert_eq!(a.months[0].network_hashrate_ehs, b.months[0].network_hashrate_ehs);
    assert!(b.months[1].network_hashrate_ehs > a.months[1].network_hashrate_ehs);
    // At first the doubled price doubles the hashprice (the same network)…
    assert!(close(
        b.months[0].hashprice_usd_per_ph_day,
        2.0 * a.months[0].hashprice_usd_per_ph_day,
        1e-12
    ));
    // …in the long run the network doubles (1,875 EH/s) and the hashprice returns to the
    // marginal fleet's $24.00: 1,875 − 1,275 × 2^−11 = 1,874.38 after 33 months.
    let (la, lb) = (a.months.last().unwrap(), b.months.last().unwrap());
    assert!(
        close(lb.network_hashrate_ehs, 1_875.0, 5e-4),
        "{}",
        lb.network_hashrate_ehs
    );
    assert!(
        close(lb.hashprice_usd_per_ph_day, 24.0, 5e-4),
        "{}",
        lb.hashprice_usd_per_ph_day
    );
    assert!(close(la.hashprice_usd_per_ph_day, lb.hashprice_usd_per_ph_day, 1e-3));
}

#[test]
fn a_dearer_marginal_power_price_raises_the_long_run_hashprice_in_proportion() {
    let mut dear = economic_world();
    dear.bitcoin.marginal_power_usd_per_mwh = 75.0;
    let p = project(&dear);
    // 20 × 24 × 75 ÷ 1,000 = $36.00 per PH/s-day; the network settles at 22.5 M ÷ 36,000 = 625.
    let last = p.months.last().unwrap();
    assert!(
        close(last.hashprice_usd_per_ph_day, 36.0, 1e-3),
        "{}",
        last.hashprice_usd_per_ph_day
    );
    assert!(close(last.network_hashrate_ehs, 625.0, 1e-3));
}

#[test]
fn a_halving_halves_revenue_at_once_and_the_hashrate_falls_after_it() {
    // From January 2027 the 2028 halving falls in month 15 (tests/bitcoin.rs): month 14 earns
    // 3.125 BTC a block, month 16 1.5625, so with a flat price and no fees the network's
    // revenue halves at once, and so does the hashprice on the network of that month.
    let mut s = economic_world();
    s.start_month = "2027-01".to_string();
    s.bitcoin.network_hashrate_ehs = 1_875.0; // the 3.125-BTC equilibrium: 45 M ÷ 24,000
    let p = project(&s);
    assert_eq!(p.halvings[0].index, 15);
    let revenue = |m: usize| p.months[m].hashprice_usd_per_ph_day * p.months[m].network_hashrate_ehs;
    assert!(close(revenue(16), revenue(14) / 2.0, 1e-12));
    // Before it the network stood still at its equilibrium; after it, it falls toward 937.5.
    assert!(close(p.months[14].network_hashrate_ehs, 1_875.0, 1e-12));
    assert!(p.months[17].network_hashrate_ehs < p.months[16].network_hashrate_ehs);
    assert!(p.months[30].network_hashrate_ehs < 1_000.0);
}

#[test]
fn the_cap_on_growth_holds_back_a_network_that_would_double() {
    let mut s = economic_world();
    s.bitcoin.btc_price_usd = 400_000.0; // equilibrium 3,750 EH/s, 6.25× the start
    s.bitcoin.max_hashrate_growth_pct_per_year = 50.0;
    let p = project(&s);
    // At most 1.5^(1/12) a month: after 12 months at most 600 × 1.5 = 900 EH/s.
    assert!(
        close(p.months[12].network_hashrate_ehs, 900.0, 1e-9),
        "{}",
        p.months[12].network_hashrate_ehs
    );
}

#[test]
fn a_curve_of_one_point_is_that_constant_and_points_are_exact() {
    let mut s = Scenario::default();
    s.bitcoin.btc_price_growth_pct_per_year = 0.0;
    s.bitcoin.btc_price_curve = vec![CurvePoint::new("2042-01", 55_555.5)];
    let p = project(&s);
    // One point after the horizon covers every month: the constant.
    assert!(p.months.iter().all(|m| m.btc_price_usd == 55_555.5));

    // Points at months 2, 5 and 11 (2027-03, 2027-06, 2027-12): exact there, linear between.
    s.bitcoin.btc_price_curve = vec![
        CurvePoint::new("2027-03", 0.1 * 1e6),
        CurvePoint::new("2027-06", 0.3 * 1e6),
        CurvePoint::new("2027-12", 0.7 * 1e6),
    ];
    s.bitcoin.btc_price_growth_pct_per_year = 21.0;
    let p = project(&s);
    assert_eq!(p.months[0].btc_price_usd, 100_000.0); // before the first point: its value
    assert_eq!(p.months[2].btc_price_usd, 100_000.0);
    assert_eq!(p.months[5].btc_price_usd, 300_000.0);
    assert_eq!(p.months[11].btc_price_usd, 700_000.0);
    // Month 8 is halfway from 300,000 to 700,000: 500,000.
    assert!(close(p.months[8].btc_price_usd, 500_000.0, 1e-12));
    // After the last point the growth goes on from it: 700,000 × 1.21 a year later.
    assert!(
        close(p.months[23].btc_price_usd, 847_000.0, 1e-9),
        "{}",
        p.months[23].btc_price_usd
    );
}

#[test]
fn a_hashprice_curve_reproduces_the_entered_hashprice_month_by_month() {
    let mut s = Scenario::default();
    let entered: Vec<f64> = (0..24).map(|m| 40.0 - 0.7 * m as f64 + (m % 3) as f64 * 0.13).collect();
    s.bitcoin.hashprice_curve = entered
        .iter()
        .enumerate()
        .map(|(m, &v)| {
            CurvePoint::new(
                &minepivot::calendar::YearMonth::parse("2027-01")
                    .unwrap()
                    .plus(m as u32)
                    .label(),
                v,
            )
        })
        .collect();
    let p = project(&s);
    for (m, &v) in entered.iter().enumerate() {
        assert_eq!(p.months[m].hashprice_usd_per_ph_day, v, "month {m}");
        // The network of that month is the one the hashprice implies: revenue ÷ hashprice.
        let b = &p.months[m];
        let revenue = 144.0 * (b.subsidy_btc + b.fees_btc_per_block) * b.btc_price_usd;
        assert!(close(b.network_hashrate_ehs, revenue / (v * 1000.0), 1e-12));
    }
    // After the curve the hashprice is derived again.
    assert_ne!(p.months[24].hashprice_usd_per_ph_day, entered[23]);
}

/// One line of 1,000 machines × 100 TH/s × 20 J/TH (2 MW at PUE 1) in a flat world at a
/// hashprice of 144 × (3.125 + 0.125) × 100,000 ÷ 1,000,000 = $46.80 per PH/s-day. A TH/s
/// earns 46.8 ÷ 1,000 × 30.4375 = $1.4245 a month and draws 20 × 10⁻⁶ MW × 730.5 h = 0.01461
/// MWh: under water above $97.50/MWh. At $200/MWh the fleet is off from month 0. Fixed opex
/// $60,000 per MW-year × 2 MW ÷ 12 = $10,000 a month.
fn idle_site() -> Scenario {
    let mut s = Scenario {
        start_month: "2027-01".to_string(),
        horizon_years: 1,
        ..Scenario::default()
    };
    let b = &mut s.bitcoin;
    b.btc_price_usd = 100_000.0;
    b.btc_price_growth_pct_per_year = 0.0;
    b.network_hashrate_ehs = 1_000.0;
    b.hashrate_model = HashrateModel::FixedGrowth;
    b.network_hashrate_growth_pct_per_year = 0.0;
    b.fees_btc_per_block = 0.125;
    // One price for every hour, no transmission charge: the exits' own arithmetic.
    s.power = minepivot::scenario::Power::flat();
    let m = &mut s.mining;
    m.fleet = vec![FleetLine::new("Test 100T", 1_000, 100.0, 20.0)];
    m.pue = 1.0;
    m.uptime_pct = 100.0;
    m.pool_fee_pct = 0.0;
    m.curtailment_pct = 0.0;
    m.fixed_opex_usd_per_mw_year = 60_000.0;
    m.exit_after_months_off = 3;
    m.asic_resale.from19_to25_usd_per_th = 6.0;
    m.asic_resale.reference_hashprice_usd_per_ph_day = 46.8;
    m.asic_resale.age_decline_pct_per_year = 25.0;
    s.site.power_price_usd_per_mwh = 200.0;
    s.site.power_price_escalation_pct_per_year = 0.0;
    s
}

#[test]
fn closure_stops_fixed_opex_the_month_after_the_trigger_and_sells_the_fleet_once() {
    let mut s = idle_site();
    s.mining.exit = MiningExit::Close;
    let run = simulate(&s, &project(&s).months, &|_| 1.0);
    // Off in months 0, 1 and 2 (three in a row): closed from month 3.
    for m in 0..3 {
        assert_eq!(run.months[m].opex_usd, 10_000.0, "month {m}");
        assert_eq!(run.months[m].revenue_usd, 0.0);
        assert_eq!(run.months[m].resale_usd, 0.0);
    }
    assert_eq!(run.closed_month, Some(3));
    // Sold in month 3: 100,000 TH/s × $6 (19–25 J/TH) × 46.8 ÷ 46.8 × 0.75^(3/12) =
    // 600,000 × 0.930604859 = $558,362.92.
    assert!(
        close(run.months[3].resale_usd, 558_362.92, 1e-8),
        "{}",
        run.months[3].resale_usd
    );
    assert_eq!(run.months[3].opex_usd, 0.0);
    let sales = run.months.iter().filter(|m| m.resale_usd > 0.0).count();
    assert_eq!(sales, 1);
    assert!(run.months[4..]
        .iter()
        .all(|m| m.opex_usd == 0.0 && m.power_cost_usd == 0.0));
    // Nothing is left at the horizon.
    assert_eq!(run.fleet_value_at_end_usd, 0.0);
}

#[test]
fn a_mothballed_site_pays_its_share_of_fixed_opex_and_keeps_its_fleet() {
    let mut s = idle_site();
    s.mining.exit = MiningExit::Mothball;
    let run = simulate(&s, &project(&s).months, &|_| 1.0);
    assert_eq!(run.months[2].opex_usd, 10_000.0);
    // 25 % of $10,000 from month 3 on: $2,500.
    assert!(run.months[3..].iter().all(|m| m.opex_usd == 2_500.0));
    assert_eq!(run.months_mothballed, 9);
    // The fleet is still there at the end of month 11: 600,000 × 0.75^(11/12) = 600,000 ×
    // exp(−0.2876821 × 11/12 = −0.2637086) = 600,000 × 0.7681974 = $460,918.43.
    assert!(
        close(run.fleet_value_at_end_usd, 460_918.43, 1e-8),
        "{}",
        run.fleet_value_at_end_usd
    );
    // A site that stays open pays the whole $10,000 all year.
    s.mining.exit = MiningExit::Stay;
    let run = simulate(&s, &project(&s).months, &|_| 1.0);
    assert!(run.months.iter().all(|m| m.opex_usd == 10_000.0));
}

#[test]
fn the_converted_share_is_sold_as_construction_starts() {
    // 60 % of the fleet converted from month 2 (a fleet fraction of 0.4 from then): 60 % of the
    // fleet is sold in month 2 at 0.75^(2/12) = exp(−0.2876821 ÷ 6) = 0.9531843:
    // 0.6 × 600,000 × 0.9531843 = $343,146.35;
    // nothing in any other month (the price is low enough to keep it idle but it stays open).
    let mut s = idle_site();
    s.mining.exit = MiningExit::Stay;
    let run = simulate(&s, &project(&s).months, &|m| if m >= 2 { 0.4 } else { 1.0 });
    assert!(
        close(run.months[2].resale_usd, 343_146.35, 1e-7),
        "{}",
        run.months[2].resale_usd
    );
    assert_eq!(run.months.iter().filter(|m| m.resale_usd > 0.0).count(), 1);
    s.mining.sell_asics_at_conversion = false;
    let run = simulate(&s, &project(&s).months, &|m| if m >= 2 { 0.4 } else { 1.0 });
    assert!(run.months.iter().all(|m| m.resale_usd == 0.0));
}

#[test]
fn bad_curves_are_refused_naming_the_point() {
    let errors = |s: &Scenario| validate(s);
    let mut s = Scenario::default();
    s.bitcoin.btc_price_curve = vec![CurvePoint::new("2028-01", 1e5), CurvePoint::new("2027-06", 1e5)];
    let e = errors(&s);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].field, "bitcoin.btcPriceCurve[1].month");
    assert!(e[0].message.contains("comes before"), "{}", e[0].message);

    s.bitcoin.btc_price_curve = vec![CurvePoint::new("2028-01", 1e5), CurvePoint::new("2028-01", 2e5)];
    let e = errors(&s);
    assert!(e[0].message.contains("repeats"), "{}", e[0].message);

    let mut s = Scenario::default();
    s.bitcoin.hashprice_curve = vec![CurvePoint::new("2028-01", 0.0)];
    let e = errors(&s);
    assert_eq!(e[0].field, "bitcoin.hashpriceCurve[0].value");
    assert_eq!(e[0].code, ErrorCode::OutOfRange);
    assert!(e[0].message.contains("USD per PH/s-day"), "{}", e[0].message);

    s.bitcoin.hashprice_curve = vec![CurvePoint::new("2028-01", f64::NAN)];
    assert_eq!(errors(&s)[0].code, ErrorCode::NotFinite);

    let mut s = Scenario::default();
    s.bitcoin.network_hashrate_curve = vec![CurvePoint::new("2028-13", 900.0)];
    assert_eq!(errors(&s)[0].field, "bitcoin.networkHashrateCurve[0].month");

    // Through a document: the same errors, with the item's path.
    let e =
        minepivot::parse::scenario_from_json(r#"{"bitcoin": {"btcPriceCurve": [{"month": "2027-01", "value": 2e9}]}}"#)
            .unwrap_err();
    assert_eq!(e[0].field, "bitcoin.btcPriceCurve[0].value");
}

#[test]
fn a_curve_reads_from_csv_with_a_header_dates_and_quotes() {
    let text = "date,hashprice\n2027-01-15,41.2\n\"2027-02\",\"40.5\"\n\n2027-03\t39.0\n";
    let points = from_csv("bitcoin.hashpriceCurve", text).unwrap();
    assert_eq!(
        points,
        vec![
            CurvePoint::new("2027-01", 41.2),
            CurvePoint::new("2027-02", 40.5),
            CurvePoint::new("2027-03", 39.0)
        ]
    );
}

#[test]
fn bad_csv_is_refused_naming_the_row() {
    let path = "bitcoin.btcPriceCurve";
    let message = |text: &str| {
        let e = from_csv(path, text).unwrap_err();
        assert!(e.iter().all(|e| e.field == path));
        e[0].message.clone()
    };
    assert!(message("month,value\n").contains("no point"));
    assert!(message("").contains("no point"));
    let m = message("month;value\n2027-01;80000,5\n");
    assert!(m.starts_with("row 2:") && m.contains("semicolon"), "{m}");
    let m = message("2027-01,80000\n2027-02,-5\n");
    assert!(m.starts_with("row 2:") && m.contains("between 0.01 and"), "{m}");
    let m = message("2027-01,80000\n2027-03,81000\n2027-02,82000\n");
    assert!(m.starts_with("row 3:") && m.contains("comes before"), "{m}");
    let m = message("2027-01,80000\n2027-01,81000\n");
    assert!(m.contains("repeats"), "{m}");
    let m = message("2027-01,NaN\n");
    assert!(m.starts_with("row 1:"), "{m}");
    let m = message("2027-01,1e400\n");
    assert!(m.starts_with("row 1:"), "{m}");
    let big = "2027-01,80000\n".repeat(10 * 1024 * 1024 / 14);
    let e = from_csv(path, &big).unwrap_err();
    assert_eq!(e[0].code, ErrorCode::TooLarge);
    assert!(e[0].message.contains("at most 64 KB"), "{}", e[0].message);
    // 601 points: one too many.
    let rows: String = (0..601)
        .map(|m| {
            format!(
                "{},1000\n",
                minepivot::calendar::YearMonth::parse("2027-01")
                    .unwrap()
                    .plus(m)
                    .label()
            )
        })
        .collect();
    let m = message(&rows);
    assert!(m.contains("at most 600 points"), "{m}");
}

#[test]
fn scaling_the_btc_price_equals_projecting_it_again_bit_for_bit() {
    // The analyses scale a projection instead of projecting again: under the economic model the
    // network is stepped again over the base's subsidy and fees. It must be the projection.
    use minepivot::bitcoin::{project_prices_into, Prices};
    use minepivot::engine::scale_btc_price;
    let mut s = Scenario::default();
    s.bitcoin.btc_price_curve = vec![
        CurvePoint::new("2028-01", 120_000.0),
        CurvePoint::new("2030-01", 90_000.0),
    ];
    for model in [HashrateModel::Economic, HashrateModel::FixedGrowth] {
        s.bitcoin.hashrate_model = model;
        let base = project(&s);
        for k in [0.37, 1.0, 2.5, 11.0] {
            let (mut scaled, mut projected) = (Default::default(), Default::default());
            scale_btc_price(&s, &base, k, &mut scaled);
            project_prices_into(&s, Prices::Scaled(k), &mut projected);
            if model == HashrateModel::Economic {
                assert_eq!(scaled, projected, "{model:?} × {k}");
            } else {
                // Fixed growth: the hashprice scaled by k, equal up to rounding.
                for (a, b) in scaled.months.iter().zip(&projected.months) {
                    assert!(close(a.hashprice_usd_per_ph_day, b.hashprice_usd_per_ph_day, 1e-14));
                }
            }
        }
    }
}

#[test]
fn selling_the_asics_at_conversion_does_not_move_the_start_of_the_investment() {
    // Month 0 of the default GPU cloud spends a twelfth of the facility and sells the fleet:
    // its capex net of the sale can be below zero, yet it is where the investment starts, so
    // payback and IRR are counted from it; the sale only brings the payback forward.
    let with = minepivot::evaluate(&Scenario::default()).unwrap();
    let mut s = Scenario::default();
    s.mining.sell_asics_at_conversion = false;
    let without = minepivot::evaluate(&s).unwrap();
    for i in [1, 2] {
        let (a, b) = (&with.pathways[i], &without.pathways[i]);
        assert!(a.months[0].asset_sales_usd > 65e6, "{}", a.months[0].asset_sales_usd);
        let (pa, pb) = (
            a.payback_months.expect("pays back"),
            b.payback_months.expect("pays back"),
        );
        assert!(pa <= pb, "{:?}: {pa} vs {pb}", a.id);
        assert!(a.npv_usd > b.npv_usd);
    }
}

#[test]
fn a_curve_wholly_before_the_start_is_named_as_unused() {
    let mut s = Scenario::default();
    s.bitcoin.hashprice_curve = vec![CurvePoint::new("2025-01", 50.0), CurvePoint::new("2026-06", 40.0)];
    let r = minepivot::evaluate(&s).unwrap();
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == "curveBeforeStart")
        .expect("a warning");
    assert_eq!(w.field.as_deref(), Some("bitcoin.hashpriceCurve"));
    assert!(
        w.message
            .contains("ends in 2026-06, before the projection starts (2027-01)"),
        "{}",
        w.message
    );
    // It changes nothing: the report is the default's.
    let d = minepivot::evaluate(&Scenario::default()).unwrap();
    assert_eq!(r.pathways[0].npv_usd, d.pathways[0].npv_usd);
}
