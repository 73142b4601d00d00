//! Worked examples for the bitcoin projection (docs/model.md "Bitcoin", "Time").
//! Every expected value is derived by hand in the comment above it.

use minepivot::bitcoin::{hashprice_usd_per_ph_day, project, subsidy_btc, subsidy_sats};
use minepivot::Scenario;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual} (tolerance {tolerance})"
    );
}

#[test]
fn subsidy_follows_the_protocol() {
    // Epoch = height / 210,000; subsidy = 5,000,000,000 sat >> epoch.
    // 0 → epoch 0 → 5,000,000,000 sat = 50 BTC.
    assert_eq!(subsidy_sats(0), 5_000_000_000);
    // 209,999 → still epoch 0.
    assert_eq!(subsidy_sats(209_999), 5_000_000_000);
    // 210,000 → epoch 1 → 2,500,000,000 sat = 25 BTC.
    assert_eq!(subsidy_sats(210_000), 2_500_000_000);
    // 840,000 → epoch 4 → 5e9 / 16 = 312,500,000 sat = 3.125 BTC (April 2024).
    assert_eq!(subsidy_sats(840_000), 312_500_000);
    assert_eq!(subsidy_btc(840_000), 3.125);
    // 1,049,999 → 1,049,999 / 210,000 = 4.99… → epoch 4 → 3.125 BTC.
    assert_eq!(subsidy_sats(1_049_999), 312_500_000);
    // 1,050,000 → epoch 5 → 5e9 / 32 = 156,250,000 sat = 1.5625 BTC (the 2028 halving).
    assert_eq!(subsidy_sats(1_050_000), 156_250_000);
    // 6,929,999 → epoch 32 → 5e9 >> 32 = ⌊5e9 / 4,294,967,296⌋ = 1 sat: the last satoshi.
    assert_eq!(subsidy_sats(6_929_999), 1);
    // 6,930,000 = 33 × 210,000 → 5e9 >> 33 = ⌊5e9 / 8,589,934,592⌋ = 0.
    assert_eq!(subsidy_sats(6_930_000), 0);
    // Far beyond: the shift is guarded, still 0.
    assert_eq!(subsidy_sats(64 * 210_000), 0);
    assert_eq!(subsidy_sats(u64::MAX), 0);
}

/// The default anchor (block 840,000 on 2024-04-20, 144 blocks/day) and startMonth 2027-01.
///
/// D0 = 2027-01-01 − 2024-04-20: 2024-04-20 → 2027-04-20 is 3 × 365 = 1,095 days (no 29
/// February in between), and 2027-01-01 is 31 + 28 + 31 + 19 = 109 days before 2027-04-20,
/// so D0 = 1,095 − 109 = 986 days.
fn anchored_2027() -> Scenario {
    let mut s = Scenario {
        start_month: "2027-01".to_string(),
        horizon_years: 10,
        ..Scenario::default()
    };
    s.bitcoin.anchor_height = 840_000;
    s.bitcoin.anchor_date = "2024-04-20".to_string();
    s.bitcoin.blocks_per_day = 144.0;
    // The worked examples grow the hashrate at its fixed rate (the economic model has its own).
    s.bitcoin.hashrate_model = minepivot::scenario::HashrateModel::FixedGrowth;
    s
}

#[test]
fn the_2028_halving_lands_in_april_2028_as_a_blend() {
    let report = project(&anchored_2027());
    assert_eq!(report.months.len(), 120);
    assert_eq!(report.months[0].month, "2027-01");
    assert_eq!(report.months[119].month, "2036-12");

    // Block 1,050,000 is 210,000 / 144 = 1,458.33 days after the anchor, i.e. 1,458.33 − 986 =
    // 472.33 days after 2027-01-01: 472.33 / 30.4375 = 15.52 → month 15 = 2028-04.
    let halving = &report.halvings[0];
    assert_eq!(halving.height, 1_050_000);
    assert_eq!(halving.index, 15);
    assert_eq!(halving.month, "2028-04");
    assert_eq!(halving.subsidy_btc, 1.5625);

    // Month 15 spans days [986 + 15 × 30.4375, + 30.4375) = [1,442.5625, 1,473.0) after the anchor:
    // h0 = 840,000 + 144 × 1,442.5625 = 840,000 + 207,729 = 1,047,729;
    // h1 = 840,000 + 144 × 1,473 = 840,000 + 212,112 = 1,052,112 (4,383 blocks).
    // 1,050,000 − 1,047,729 = 2,271 blocks at 3.125 and 1,052,112 − 1,050,000 = 2,112 at 1.5625:
    // (2,271 × 3.125 + 2,112 × 1.5625) / 4,383 = (7,096.875 + 3,300) / 4,383 = 10,396.875 / 4,383
    // = 2.3720910…
    let april = &report.months[15];
    assert_eq!(april.month, "2028-04");
    assert_eq!(april.block_height, 1_047_729);
    close(april.subsidy_btc, 10_396.875 / 4_383.0, 1e-12);
    close(april.subsidy_btc, 2.372_091, 1e-6);

    // The months either side are pure: month 14 ends at h0 of month 15 (< 1,050,000) → 3.125;
    // month 16 starts at 1,052,112 (≥ 1,050,000) and ends 4,383 blocks later (< 1,260,000) → 1.5625.
    assert_eq!(report.months[14].subsidy_btc, 3.125);
    assert_eq!(report.months[16].subsidy_btc, 1.5625);
    // Month 0: h0 = 840,000 + 144 × 986 = 981,984.
    assert_eq!(report.months[0].block_height, 981_984);
}

#[test]
fn every_halving_in_a_ten_year_horizon() {
    let report = project(&anchored_2027());
    // k × 210,000 is (k − 4) × 210,000 / 144 days after the anchor, minus D0 = 986, ÷ 30.4375:
    // k = 5: 1,458.33 − 986 = 472.33 → 15.52 → month 15 (2028-04)
    // k = 6: 2,916.67 − 986 = 1,930.67 → 63.43 → month 63 (2027-01 + 63 = 2032-04)
    // k = 7: 4,375.00 − 986 = 3,389.00 → 111.34 → month 111 (2036-04)
    // k = 8: 5,833.33 − 986 = 4,847.33 → 159.3 → beyond month 119.
    let found: Vec<(u64, u32, &str)> = report
        .halvings
        .iter()
        .map(|h| (h.height, h.index, h.month.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (1_050_000, 15, "2028-04"),
            (1_260_000, 63, "2032-04"),
            (1_470_000, 111, "2036-04")
        ]
    );
    // Month 63 starts at 840,000 + 144 × (986 + 63 × 30.4375) = 840,000 + 144 × 2,903.5625
    // = 1,258,113: 1,887 blocks at 1.5625 and 2,496 at 0.78125 →
    // (2,948.4375 + 1,950) / 4,383 = 4,898.4375 / 4,383.
    close(report.months[63].subsidy_btc, 4_898.437_5 / 4_383.0, 1e-12);
}

#[test]
fn the_anchor_halving_itself_when_the_horizon_starts_before_it() {
    let mut s = anchored_2027();
    s.start_month = "2024-01".to_string();
    s.horizon_years = 1;
    let report = project(&s);
    // D0 = 2024-01-01 − 2024-04-20 = −(31 + 29 + 31 + 19) = −110 days. Block 840,000 is at
    // day 0, i.e. 110 days after month 0 starts: 110 / 30.4375 = 3.61 → month 3 (2024-04).
    assert_eq!(report.halvings.len(), 1);
    assert_eq!(report.halvings[0].height, 840_000);
    assert_eq!(
        (report.halvings[0].index, report.halvings[0].month.as_str()),
        (3, "2024-04")
    );
    // Month 3 spans days [−110 + 91.3125, −110 + 121.75) = [−18.6875, 11.75):
    // heights 840,000 − 2,691 = 837,309 … 840,000 + 1,692 = 841,692.
    // (2,691 × 6.25 + 1,692 × 3.125) / 4,383 = (16,818.75 + 5,287.5) / 4,383 = 5.04363…
    assert_eq!(report.months[3].block_height, 837_309);
    close(report.months[3].subsidy_btc, 22_106.25 / 4_383.0, 1e-12);
    // Months 0–2 are wholly before the halving: 6.25 BTC.
    assert_eq!(report.months[0].subsidy_btc, 6.25);
}

#[test]
fn heights_before_genesis_are_clamped() {
    let mut s = anchored_2027();
    // Block 0 "mined" in 2030: the whole of 2027 lies before genesis.
    s.bitcoin.anchor_height = 0;
    s.bitcoin.anchor_date = "2030-01-01".to_string();
    s.horizon_years = 1;
    let report = project(&s);
    for m in &report.months {
        assert_eq!(m.block_height, 0);
        assert_eq!(m.subsidy_btc, 50.0);
        assert!(m.hashprice_usd_per_ph_day.is_finite());
    }
    assert!(report.halvings.is_empty());
}

#[test]
fn hashprice_for_given_inputs() {
    // 144 × (3.125 + 0.125) × 100,000 / (1,000 × 1,000) = 144 × 3.25 × 0.1 = 46.8 USD per PH/s-day.
    close(
        hashprice_usd_per_ph_day(144.0, 3.125, 0.125, 100_000.0, 1_000.0),
        46.8,
        1e-12,
    );
    // The defaults: 144 × (3.125 + 0.02) × 78,000 / (960 × 1,000)
    // = 452.88 × 78,000 / 960,000 = 35,324,640 / 960,000 = 36.7965.
    close(
        hashprice_usd_per_ph_day(144.0, 3.125, 0.02, 78_000.0, 960.0),
        36.7965,
        1e-12,
    );
    // No network: 0, not infinity.
    assert_eq!(hashprice_usd_per_ph_day(144.0, 3.125, 0.02, 78_000.0, 0.0), 0.0);
}

#[test]
fn price_hashrate_and_fees_grow_continuously() {
    let mut s = anchored_2027();
    s.bitcoin.btc_price_usd = 78_000.0;
    s.bitcoin.btc_price_growth_pct_per_year = 15.0;
    s.bitcoin.network_hashrate_ehs = 960.0;
    s.bitcoin.network_hashrate_growth_pct_per_year = 25.0;
    s.bitcoin.fees_btc_per_block = 0.02;
    s.bitcoin.fees_growth_pct_per_year = 0.0;
    let report = project(&s);

    let m0 = &report.months[0];
    close(m0.hashprice_usd_per_ph_day, 36.7965, 1e-9);

    // Month 12 (2028-01): price 78,000 × 1.15 = 89,700; hashrate 960 × 1.25 = 1,200 EH/s; fees 0.02.
    // Heights 840,000 + 144 × (986 + 365.25) = 1,034,580 … + 4,383 = 1,038,963 < 1,050,000 → 3.125.
    // Hashprice = 144 × 3.145 × 89,700 / 1,200,000 = 452.88 × 89,700 / 1,200,000 = 40,623,336 / 1,200,000 = 33.85278.
    let m12 = &report.months[12];
    close(m12.btc_price_usd, 89_700.0, 1e-6);
    close(m12.network_hashrate_ehs, 1_200.0, 1e-9);
    assert_eq!(m12.fees_btc_per_block, 0.02);
    assert_eq!(m12.subsidy_btc, 3.125);
    assert_eq!(m12.block_height, 1_034_580);
    close(m12.hashprice_usd_per_ph_day, 33.85278, 1e-9);

    // Month 6: price 78,000 × 1.15^0.5 = 83,646.88… (continuous, not a step).
    close(report.months[6].btc_price_usd, 78_000.0 * 1.15f64.sqrt(), 1e-6);
}

#[test]
fn the_default_projection_is_finite() {
    let report = project(&Scenario::default());
    assert_eq!(report.months.len(), Scenario::default().months() as usize);
    for (i, m) in report.months.iter().enumerate() {
        assert_eq!(m.index as usize, i);
        assert!(m.subsidy_btc.is_finite() && m.subsidy_btc > 0.0);
        assert!(m.hashprice_usd_per_ph_day.is_finite() && m.hashprice_usd_per_ph_day > 0.0);
    }
}
