//! Power as it is priced (docs/methodology-power.md): economic curtailment against an hourly
//! profile, the identities with the flat model, the contract, and curtailing's value.
//! Expected values are derived by hand in the comments.

use minepivot::bitcoin::project;
use minepivot::mining::simulate;
use minepivot::scenario::{
    FleetLine, HashrateModel, MiningExit, Power, PowerPricing, PowerSupply, PriceProfile, ProfileScaling,
};
use minepivot::Scenario;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual} (tolerance {tolerance})"
    );
}

/// One line of 1,000 × 100 TH/s × 20 J/TH = 100 PH/s and 2 MW at PUE 1, always up, no pool
/// fee, no fees per block, BTC $100,000 on 1,000 EH/s, nothing growing, power not escalating,
/// no transmission charge or demand response. In 2027 (the 3.125 BTC epoch) the hashprice is
/// 144 × 3.125 × 100,000 ÷ (1,000 × 1,000) = 45 USD/PH-day, so the line earns
/// 100 × 45 × 30.4375 = 136,968.75 a month and draws 2 × 730.5 = 1,461 MWh at full load:
/// 136,968.75 ÷ 1,461 = $93.75 per MWh.
fn one_line() -> Scenario {
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
    b.fees_btc_per_block = 0.0;
    let m = &mut s.mining;
    m.fleet = vec![FleetLine::new("Test 100T", 1_000, 100.0, 20.0)];
    m.pue = 1.0;
    m.uptime_pct = 100.0;
    m.pool_fee_pct = 0.0;
    m.curtailment_pct = 0.0;
    m.curtailment_credit_usd_per_mwh = 0.0;
    m.fixed_opex_usd_per_mw_year = 0.0;
    m.exit = MiningExit::Stay;
    m.refresh.enabled = false;
    s.site.power_price_escalation_pct_per_year = 0.0;
    s.power = Power {
        pricing: PowerPricing::Hourly,
        profile: PriceProfile::Imported,
        scaling: ProfileScaling::AsIs,
        ..Power::flat()
    };
    s
}

/// A common year of hours priced 0, 1, …, 99, 0, 1, … USD/MWh from 1 January 00:00 UTC.
fn sawtooth_year() -> Vec<f64> {
    (0..8_760).map(|h| f64::from(h % 100)).collect()
}

#[test]
fn a_line_runs_exactly_the_hours_priced_below_its_revenue_per_mwh() {
    let mut s = one_line();
    s.power.imported_profile = sawtooth_year().into();
    let btc = project(&s).months;
    let run = simulate(&s, &btc, &|_| 1.0);
    let january = &run.months[0];
    // January's 744 hours: seven cycles of 0–99 and then 0–43. Below $93.75: 0–93 in each
    // cycle (94 hours) and all 44 of the last → 7 × 94 + 44 = 702 hours; their prices sum to
    // 7 × (0 + … + 93) + (0 + … + 43) = 7 × 4,371 + 946 = 31,543.
    // Revenue: 136,968.75 × 702 ÷ 744 = 129,236.643. Energy: 1,461 × 702 ÷ 744 = 1,378.524 MWh.
    // Power: 2 MW × (730.5 ÷ 744) × 31,543 = 61,941.294 (the month counts 730.5 hours).
    close(january.revenue_usd, 129_236.643_145, 1e-3);
    close(january.energy_mwh, 1_461.0 * 702.0 / 744.0, 1e-9);
    close(january.power_cost_usd, 61_941.294_355, 1e-3);
    close(january.hours_run, 730.5 * 702.0 / 744.0, 1e-9);
    assert_eq!(january.sell_back_usd, 0.0);
}

#[test]
fn a_flat_profile_at_the_flat_price_gives_the_flat_figures() {
    // Every hour at $45 (as is), escalating 2 %/yr, against the flat model at $45: the same
    // months, for mining and for both AI pathways (the AI load pays the month's average).
    let mut flat = Scenario::default();
    flat.power = Power::flat();
    flat.mining.curtailment_pct = 0.0;
    flat.colocation.lease_type = minepivot::scenario::LeaseType::Gross;
    let mut hourly = flat.clone();
    hourly.power.pricing = PowerPricing::Hourly;
    hourly.power.profile = PriceProfile::Imported;
    hourly.power.scaling = ProfileScaling::AsIs;
    hourly.power.imported_profile = vec![45.0; 8_760].into();
    let a = minepivot::evaluate(&flat).unwrap();
    let b = minepivot::evaluate(&hourly).unwrap();
    for (p, q) in a.pathways.iter().zip(&b.pathways) {
        assert!(
            (p.npv_usd - q.npv_usd).abs() <= 1e-9 * p.npv_usd.abs().max(1.0),
            "{:?}: {} vs {}",
            p.id,
            p.npv_usd,
            q.npv_usd
        );
    }
    // Scaled to the price level instead, a flat profile at any price gives the same.
    hourly.power.scaling = ProfileScaling::ToPriceLevel;
    hourly.power.imported_profile = vec![20.0; 8_760].into();
    let c = minepivot::evaluate(&hourly).unwrap();
    for (p, q) in a.pathways.iter().zip(&c.pathways) {
        assert!(
            (p.npv_usd - q.npv_usd).abs() <= 1e-9 * p.npv_usd.abs().max(1.0),
            "{:?}",
            p.id
        );
    }
}

#[test]
fn a_contract_without_sell_back_is_the_index_at_the_contract_price() {
    // A contract at $38 billing what is drawn, against the index with every hour at $38.
    let mut ppa = Scenario::default();
    ppa.power.supply = PowerSupply::Ppa;
    ppa.power.ppa_sell_back = false;
    ppa.power.ppa_price_usd_per_mwh = 38.0;
    let mut index = Scenario::default();
    index.power.profile = PriceProfile::Imported;
    index.power.scaling = ProfileScaling::AsIs;
    index.power.imported_profile = vec![38.0; 8_784].into();
    let a = minepivot::evaluate(&ppa).unwrap();
    let b = minepivot::evaluate(&index).unwrap();
    let (m, n) = (&a.pathways[0], &b.pathways[0]);
    assert!(
        (m.npv_usd - n.npv_usd).abs() <= 1e-9 * m.npv_usd.abs(),
        "{} vs {}",
        m.npv_usd,
        n.npv_usd
    );
}

#[test]
fn a_take_or_pay_contract_moves_the_cost_not_the_hours_run() {
    // With sell-back the line still runs where the market is below its revenue: the contract
    // adds V × 730.5 × (contract − the month's average), whatever runs.
    let mut s = one_line();
    s.power.imported_profile = sawtooth_year().into();
    let index = simulate(&s, &project(&s).months, &|_| 1.0);
    s.power.supply = PowerSupply::Ppa;
    s.power.ppa_price_usd_per_mwh = 30.0;
    s.power.ppa_volume_pct = 100.0;
    let ppa = simulate(&s, &project(&s).months, &|_| 1.0);
    let (a, b) = (&index.months[0], &ppa.months[0]);
    assert_eq!(a.energy_mwh, b.energy_mwh);
    // January's average: (7 × 4,950 + 946) ÷ 744 = 35,596 ÷ 744 = 47.8441 $/MWh.
    // Settlement: 2 MW × 730.5 × (30 − 47.8441) = −26,070.3.
    let settlement = 2.0 * 730.5 * (30.0 - 35_596.0 / 744.0);
    close(
        (b.power_cost_usd - b.sell_back_usd) - (a.power_cost_usd - a.sell_back_usd),
        settlement,
        1e-6,
    );
    // The contract is 2 MW × 730.5 × 30 = 43,830; the hours the line is off (42 of 744, the
    // $94–99 ones) are sold back: 2 × (730.5 ÷ 744) × 7 × (94 + … + 99) = 8,136.5.
    close(b.power_cost_usd, 43_830.0, 1e-6);
    close(b.sell_back_usd, 2.0 * 730.5 / 744.0 * 7.0 * 579.0, 1e-6);
}

#[test]
fn winter_storm_uri_is_where_curtailing_earns_its_keep() {
    // The 2021 profile (Uri in February) at the defaults: curtailing against running every hour.
    let mut s = Scenario::default();
    s.power.profile = PriceProfile::Ercot2021;
    s.start_month = "2027-01".to_string();
    let curtailing = minepivot::evaluate(&s).unwrap();
    s.mining.shutdown_when_unprofitable = false;
    let running = minepivot::evaluate(&s).unwrap();
    let (c, r) = (&curtailing.pathways[0], &running.pathways[0]);
    // February of year 1: the fleet runs a fraction of its hours and pays far less for them.
    let (cf, rf) = (&c.months[1], &r.months[1]);
    assert!(
        cf.mining_hours_run < 0.9 * rf.mining_hours_run,
        "{} vs {}",
        cf.mining_hours_run,
        rf.mining_hours_run
    );
    assert!(
        cf.net_cash_flow_usd > rf.net_cash_flow_usd + 10e6,
        "{} vs {}",
        cf.net_cash_flow_usd,
        rf.net_cash_flow_usd
    );
    assert!(c.npv_usd > r.npv_usd + 100e6, "{} vs {}", c.npv_usd, r.npv_usd);
}

#[test]
fn an_imported_profile_in_use_must_be_a_whole_year() {
    let errors =
        minepivot::parse::scenario_from_json(r#"{"power": {"profile": "imported", "importedProfile": [1, 2, 3]}}"#)
            .unwrap_err();
    assert_eq!(errors[0].field, "power.importedProfile");
    assert!(errors[0].message.contains("8,760 hours"), "{}", errors[0].message);
    let errors = minepivot::parse::scenario_from_json(r#"{"power": {"importedProfile": [1, "x", 1e9]}}"#).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["power.importedProfile[1]", "power.importedProfile[2]"]);
    assert!(
        errors[1].message.contains("between -10,000 and 100,000 USD/MWh"),
        "{}",
        errors[1].message
    );
}

#[test]
fn the_power_price_break_even_equalises_the_pathways() {
    // A lease of $100/kW-month that mining beats at $45/MWh: dearer power favours the lease
    // (its tenant pays the power), until the two are equal.
    let mut s = Scenario::default();
    s.colocation.lease_usd_per_kw_month = 100.0;
    let r = minepivot::evaluate(&s).unwrap();
    assert_eq!(r.comparison.best_pathway, minepivot::report::PathwayId::Mining);
    let p = r
        .comparison
        .break_evens
        .power_price_usd_per_mwh
        .expect("a power break-even");
    assert!(p > 45.0, "{p}");
    s.site.power_price_usd_per_mwh = p;
    let at = minepivot::evaluate(&s).unwrap();
    let (mining, lease) = (at.pathways[0].npv_usd, at.pathways[1].npv_usd);
    assert!((mining - lease).abs() <= 1e-6 * lease.abs(), "{mining} vs {lease}");
    // The spread at which mining equals the lease, wider than the profile's own.
    let v = r.comparison.break_evens.price_shape_pct;
    assert!(v.is_none() || v.is_some_and(|v| v < 100.0), "{v:?}");
}

/// Over random profiles (the property needs proptest, a native dev-dependency).
#[cfg(not(target_arch = "wasm32"))]
mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Curtailing can only raise the mining pathway's NPV over running every hour.
        #[test]
        fn curtailing_never_lowers_the_mining_npv(
            prices in prop::collection::vec(-50.0f64..400.0, 24),
            level in 5.0f64..150.0,
            shape in 0.0f64..250.0,
            ppa in any::<bool>(),
        ) {
            let mut s = Scenario { horizon_years: 5, ..Scenario::default() };
            s.colocation.debt.tenor_years = 5;
            s.power.profile = PriceProfile::Imported;
            s.power.imported_profile = (0..8_760).map(|h| prices[h % 24] + (h / 24 % 7) as f64).collect::<Vec<f64>>().into();
            s.power.shape_pct = shape;
            s.site.power_price_usd_per_mwh = level;
            s.power.supply = if ppa { PowerSupply::Ppa } else { PowerSupply::Index };
            s.mining.exit = MiningExit::Stay;
            let curtailing = minepivot::evaluate(&s).unwrap().pathways[0].npv_usd;
            s.mining.shutdown_when_unprofitable = false;
            let running = minepivot::evaluate(&s).unwrap().pathways[0].npv_usd;
            prop_assert!(curtailing >= running - 1e-6 * running.abs().max(1.0), "{} < {}", curtailing, running);
        }
    }
}
