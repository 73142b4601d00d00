//! Monte Carlo risk (issue 8): reproducibility, the fast path against the full model, and the
//! statistics of the simulated BTC price against the log-normal's closed forms.

use minepivot::analysis::risk::{
    btc_price_paths, generator, risk, risk_from_parts, risk_part, risk_using, validate_options, RiskMethod, RiskModel,
    RiskOptions, RiskPart, RiskReport,
};
use minepivot::engine::pathway_npvs;
use minepivot::report::PathwayId;
use minepivot::scenario::{
    CurvePoint, FirmSupply, FleetLine, GpuEnd, GpuSystem, HashrateModel, LeaseEnd, LeaseType, MiningExit, PowerPricing,
    PowerSupply, Scenario,
};

fn options(paths: u32) -> RiskOptions {
    RiskOptions {
        paths,
        ..RiskOptions::default()
    }
}

/// No randomness left: every factor off (zero price volatility, zero spreads, no overrun).
fn still(paths: u32) -> RiskOptions {
    project_only(paths, 0.0, 0.0, 0.0)
}

/// Only the project factors drawn: the build cost's overrun (mean, SD) and the occupancy's SD.
fn project_only(paths: u32, overrun_mean_pct: f64, overrun_sd_pct: f64, occupancy_sd_pct: f64) -> RiskOptions {
    RiskOptions {
        paths,
        btc_volatility_pct: 0.0,
        hashrate_growth_sd_pct: 0.0,
        gpu_rent_decline_sd_pct: 0.0,
        capex_overrun_mean_pct: overrun_mean_pct,
        capex_overrun_sd_pct: overrun_sd_pct,
        occupancy_sd_pct,
        tenant_default_pct_per_year: 0.0,
        gpu_utilization_sd_pct: 0.0,
        fees_sd_pct: 0.0,
        renewal_rent_sd_pct: 0.0,
        build_delay_mean_months: 0.0,
        power_escalation_sd_pct: 0.0,
        ..RiskOptions::default()
    }
}

/// Only the market drawn (the BTC price, the hashrate and the GPU rent), as before the
/// project factors.
fn market_only(paths: u32) -> RiskOptions {
    RiskOptions {
        capex_overrun_mean_pct: 0.0,
        capex_overrun_sd_pct: 0.0,
        occupancy_sd_pct: 0.0,
        tenant_default_pct_per_year: 0.0,
        gpu_utilization_sd_pct: 0.0,
        fees_sd_pct: 0.0,
        renewal_rent_sd_pct: 0.0,
        build_delay_mean_months: 0.0,
        power_escalation_sd_pct: 0.0,
        ..options(paths)
    }
}

fn run(s: &Scenario, o: &RiskOptions) -> RiskReport {
    match risk(s, o) {
        Ok(r) => r,
        Err(e) => panic!("risk failed: {e:?}"),
    }
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

/// Scenarios that exercise every branch of the fast path: hybrid sites, construction that
/// starts later, lines switched off when under water, a fleet refresh, curtailment credits,
/// no shutdown, gross and vacated leases, retired GPUs, an empty fleet.
fn variants() -> Vec<(&'static str, Scenario)> {
    let base = Scenario::default();
    let mut out = vec![("default", base.clone())];

    let mut s = base.clone();
    s.retrofit.converted_share_pct = 40.0;
    s.retrofit.phases[0].construction_start_month = 9;
    out.push(("hybrid 40 % from month 9", s));

    let mut s = base.clone();
    // Price falling 30 %/yr while hashrate grows: the S19j Pro line, then the others, go
    // under water and are switched off.
    s.bitcoin.btc_price_growth_pct_per_year = -30.0;
    s.retrofit.converted_share_pct = 50.0;
    out.push(("falling price, lines switched off", s));

    let mut s = base.clone();
    s.bitcoin.btc_price_growth_pct_per_year = -30.0;
    s.mining.shutdown_when_unprofitable = false;
    s.retrofit.converted_share_pct = 30.0;
    out.push(("falling price, no shutdown", s));

    let mut s = base.clone();
    s.mining.refresh.enabled = true;
    s.mining.refresh.after_years = 4;
    s.mining.curtailment_credit_usd_per_mwh = 35.0;
    s.retrofit.converted_share_pct = 60.0;
    out.push(("refresh and curtailment credit", s));

    let mut s = base.clone();
    s.horizon_years = 20;
    s.colocation.lease_type = LeaseType::Gross;
    s.colocation.lease_term_years = 10;
    s.colocation.after_term = LeaseEnd::Vacate;
    s.gpu_cloud.end_of_life = GpuEnd::Retire;
    s.gpu_cloud.useful_life_years = 4;
    // A contract for half the GPUs over their 48 months, and the rest at the market.
    s.gpu_cloud.contract_share_pct = 50.0;
    s.gpu_cloud.contract_term_months = 48;
    s.retrofit.converted_share_pct = 70.0;
    out.push(("20 years, gross vacated lease, retired GPUs", s));

    let mut s = base.clone();
    // Six efficiency groups, more than the fast path keeps as per-month tiers (4): the least
    // efficient lines are found by search. IT: 2,000 × 200 TH/s × Σ J/TH (131) = 52.4 MW.
    s.mining.fleet = [13.5, 15.0, 17.5, 21.5, 29.5, 34.0]
        .iter()
        .map(|&j| FleetLine::new(&format!("{j} J/TH"), 2_000, 200.0, j))
        .collect();
    s.bitcoin.btc_price_growth_pct_per_year = -20.0;
    s.retrofit.converted_share_pct = 40.0;
    out.push(("six efficiency groups, falling price", s));

    let mut s = base.clone();
    for line in &mut s.mining.fleet {
        line.units = 0;
    }
    out.push(("empty fleet", s));

    let mut s = base.clone();
    // Versions 1–3's mining: a fixed hashrate growth, a site that never closes, no resale.
    s.bitcoin.hashrate_model = HashrateModel::FixedGrowth;
    s.mining.exit = MiningExit::Stay;
    s.mining.sell_asics_at_conversion = false;
    s.bitcoin.btc_price_growth_pct_per_year = -20.0;
    out.push(("fixed hashrate growth, staying open", s));

    let mut s = base.clone();
    // Mothballed after two months off, on a falling price: months at a quarter of the opex.
    s.mining.exit = MiningExit::Mothball;
    s.mining.exit_after_months_off = 2;
    s.bitcoin.btc_price_growth_pct_per_year = -30.0;
    s.retrofit.converted_share_pct = 50.0;
    out.push(("mothballed, falling price", s));

    let mut s = base.clone();
    // Closed after one month off, half converted and its ASICs kept idle (not sold).
    s.mining.exit_after_months_off = 1;
    s.mining.sell_asics_at_conversion = false;
    s.bitcoin.btc_price_growth_pct_per_year = -25.0;
    s.retrofit.converted_share_pct = 50.0;
    s.retrofit.phases[0].construction_start_month = 5;
    out.push(("closing after one month off, half converted", s));

    let mut s = base.clone();
    // The GPU contract re-contracted at the market rate of the day: 60 % of the GPUs on
    // 24-month terms (so terms start at ages 0, 24 and 48 of a 60-month generation, each at the
    // drawn rent of its first month), refreshed into B300s at a rent of their own.
    s.gpu_cloud.recontract_at_market = true;
    s.gpu_cloud.contract_share_pct = 60.0;
    s.gpu_cloud.contract_term_months = 24;
    s.gpu_cloud.refresh_system = GpuSystem::B300;
    s.gpu_cloud.refresh_rent_usd_per_gpu_hour = 2.60;
    s.retrofit.converted_share_pct = 70.0;
    out.push(("re-contracted GPUs, refreshed into B300", s));

    let mut s = base.clone();
    // Re-contracted on 36-month terms that straddle the refresh (a term set at age 36 runs
    // into the next generation), the GPUs retired after two lives.
    s.gpu_cloud.recontract_at_market = true;
    s.gpu_cloud.contract_term_months = 36;
    s.gpu_cloud.end_of_life = GpuEnd::Retire;
    out.push(("re-contracted on terms across the refresh", s));

    let mut s = base.clone();
    // A BTC price curve: the paths are drawn around it.
    s.bitcoin.btc_price_curve = vec![
        CurvePoint::new("2027-06", 60_000.0),
        CurvePoint::new("2029-01", 150_000.0),
        CurvePoint::new("2031-01", 90_000.0),
    ];
    out.push(("a BTC price curve", s));

    // Power as it is priced: a flat price, a contract with and without sell-back, and a
    // gross lease re-let after its term whose AI load runs on site generation.
    let mut s = base.clone();
    s.power.pricing = PowerPricing::Flat;
    s.bitcoin.btc_price_growth_pct_per_year = -15.0;
    out.push(("flat power price", s));

    let mut s = base.clone();
    s.power.supply = PowerSupply::Ppa;
    s.power.ppa_sell_back = true;
    s.power.ppa_volume_pct = 80.0;
    s.bitcoin.btc_price_growth_pct_per_year = -15.0;
    out.push(("hourly, a contract with sell-back", s));

    let mut s = base.clone();
    s.power.supply = PowerSupply::Ppa;
    s.power.ppa_sell_back = false;
    s.retrofit.converted_share_pct = 50.0;
    out.push(("hourly, a contract without sell-back", s));

    let mut s = base.clone();
    s.colocation.lease_type = LeaseType::Gross;
    s.colocation.lease_term_years = 5;
    s.colocation.after_term = LeaseEnd::Relet;
    s.colocation.relet_vacancy_months = 4;
    s.power.ai_supply = FirmSupply::Generation;
    out.push(("gross lease re-let after 5 years, AI on generation", s));

    let mut s = base;
    s.horizon_years = 1;
    s.retrofit.phases[0].build_months = 6;
    // A loan is repaid inside the horizon.
    s.colocation.debt.tenor_years = 1;
    s.gpu_cloud.debt.tenor_years = 1;
    out.push(("one year", s));
    out
}

#[test]
fn the_same_seed_gives_identical_output() {
    let s = Scenario::default();
    let a = run(&s, &options(2_000));
    let b = run(&s, &options(2_000));
    assert_eq!(a, b);
}

/// The shares `0 … parts − 1` of a run ([`risk_part`]).
fn shares(s: &Scenario, o: &RiskOptions, parts: u32) -> Vec<RiskPart> {
    (0..parts)
        .map(|part| risk_part(s, o, part, parts, &mut |_, _| {}).expect("a valid share"))
        .collect()
}

#[test]
fn a_run_in_shares_is_the_run_whole_whatever_the_split() {
    // A batch's paths depend on the seed and the batch's number alone (each batch starts its
    // own stretch of the streams), so a run split among Web Workers, in any order, is the run
    // whole to the last bit: 1,000 paths (8 batches, the last of 104 paths, with an odd
    // pathless twin dropped at 999), the equity on the first 300 (three batches' worth, cut
    // inside the third), jumps on.
    let s = Scenario::default();
    for paths in [1_000, 999] {
        let o = RiskOptions {
            equity_paths: 300,
            btc_jumps_per_year: 2.0,
            ..options(paths)
        };
        let whole = run(&s, &o);
        assert_eq!(whole.equity.as_ref().map(|e| e.paths), Some(300));
        for parts in [1, 2, 3, 8, 9] {
            let mut split = shares(&s, &o, parts);
            // The shares' sizes: share k holds the batches k, k + parts, …
            let held: usize = split.iter().map(|share| share.npvs.mining.len()).sum();
            assert_eq!(held, paths as usize, "{parts} shares");
            split.reverse();
            let together = risk_from_parts(&s, &o, &split).expect("every share once");
            assert_eq!(together, whole, "{paths} paths in {parts} shares");
        }
    }
}

#[test]
fn shares_that_do_not_make_up_the_run_are_refused_at_parts() {
    let s = Scenario::default();
    let o = options(1_000);
    let three = shares(&s, &o, 3);
    let field_of = |result: Result<RiskReport, Vec<minepivot::validate::ValidationError>>| match result {
        Ok(_) => panic!("a bad split was accepted"),
        Err(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect::<Vec<_>>(),
    };
    // One missing, one twice, one of another split, one cut short.
    let missing = field_of(risk_from_parts(&s, &o, &three[..2]));
    assert_eq!(missing[0].0, "parts");
    assert!(missing[0].1.contains("the 3 shares"), "{missing:?}");
    let twice = field_of(risk_from_parts(
        &s,
        &o,
        &[three[0].clone(), three[0].clone(), three[2].clone()],
    ));
    assert_eq!(twice[0].0, "parts");
    let mut foreign = three.clone();
    foreign[1] = shares(&s, &o, 2)[1].clone();
    assert_eq!(field_of(risk_from_parts(&s, &o, &foreign))[0].0, "parts");
    let mut short = three.clone();
    short[2].fan.pop();
    let cut = field_of(risk_from_parts(&s, &o, &short));
    assert!(cut[0].1.contains("share 2"), "{cut:?}");
    // Shares of another seed have this run's sizes but not its inputs.
    let reseeded = shares(&s, &RiskOptions { seed: 7, ..o.clone() }, 3);
    let other = field_of(risk_from_parts(&s, &o, &reseeded));
    assert!(other[0].1.contains("other inputs"), "{other:?}");
    // Shares of another run (more paths) do not fit these options.
    let other = shares(&s, &options(2_000), 3);
    assert_eq!(field_of(risk_from_parts(&s, &o, &other))[0].0, "parts");
    assert_eq!(field_of(risk_from_parts(&s, &o, &[]))[0].0, "parts");
    // A share of the right sizes holding what no run produces: a NaN NPV, a negative price.
    let mut corrupted = three.clone();
    corrupted[1].npvs[PathwayId::Mining][0] = f64::NAN;
    let nan = field_of(risk_from_parts(&s, &o, &corrupted));
    assert!(nan[0].0 == "parts" && nan[0].1.contains("share 1"), "{nan:?}");
    for price in [-1e30, f32::NAN] {
        let mut corrupted = three.clone();
        corrupted[0].fan[3] = price;
        let refused = field_of(risk_from_parts(&s, &o, &corrupted));
        assert!(refused[0].1.contains("negative or NaN"), "{refused:?}");
    }
    // A price beyond f32 (+∞) is what an extreme path stores, as `risk()` does: accepted.
    let mut extreme = three.clone();
    extreme[0].fan[3] = f32::INFINITY;
    assert!(risk_from_parts(&s, &o, &extreme).is_ok());
    // A share out of its split, and a split out of range, at their names.
    let bad = |part, parts| match risk_part(&s, &o, part, parts, &mut |_, _| {}) {
        Ok(_) => panic!("share {part} of {parts} was accepted"),
        Err(errors) => (errors[0].field.clone(), errors[0].message.clone()),
    };
    assert_eq!(bad(3, 3), ("part".into(), "must be between 0 and 2 (got 3)".into()));
    assert_eq!(bad(0, 0), ("parts".into(), "must be between 1 and 64 (got 0)".into()));
    assert_eq!(bad(0, 65).0, "parts");
}

#[test]
fn different_seeds_give_different_output() {
    let s = Scenario::default();
    let a = run(&s, &options(2_000));
    let b = run(
        &s,
        &RiskOptions {
            seed: 43,
            ..options(2_000)
        },
    );
    assert_eq!(b.options.seed, 43);
    for k in 0..3 {
        // Mining and the GPU cloud depend on the draws; colocation on the default site does not
        // (the whole fleet stops at month 0, and no lease term depends on a draw).
        if k != 1 {
            assert_ne!(a.pathways[k].p50_npv_usd, b.pathways[k].p50_npv_usd, "pathway {k}");
            assert_ne!(a.pathways[k].mean_npv_usd, b.pathways[k].mean_npv_usd, "pathway {k}");
        }
    }
    assert_ne!(a.histogram, b.histogram);
    assert_ne!(a.btc_price_fan, b.btc_price_fan);
}

#[test]
fn with_zero_volatility_every_percentile_is_the_deterministic_npv() {
    for (name, s) in variants() {
        let expected = pathway_npvs(&s);
        let r = run(&s, &still(100));
        assert_eq!(r.method, RiskMethod::Fast, "{name}");
        for p in &r.pathways {
            let k = p.id;
            assert_eq!(p.deterministic_npv_usd, expected[k], "{name}");
            for (what, v) in [
                ("P10", p.p10_npv_usd),
                ("P50", p.p50_npv_usd),
                ("P90", p.p90_npv_usd),
                ("mean", p.mean_npv_usd),
            ] {
                assert!(
                    close(v, expected[k], 1e-6),
                    "{name}: {:?} {what} {v} vs deterministic {}",
                    p.id,
                    expected[k]
                );
            }
        }
    }
}

#[test]
fn with_tax_each_path_runs_the_full_model_and_zero_volatility_still_matches() {
    let mut s = Scenario::default();
    s.finance.tax_enabled = true;
    s.retrofit.converted_share_pct = 50.0;
    let expected = pathway_npvs(&s);
    let r = run(&s, &still(100));
    assert_eq!(r.method, RiskMethod::FullModel);
    for p in &r.pathways {
        let k = p.id;
        assert!(close(p.p50_npv_usd, expected[k], 1e-6), "{:?}", p.id);
        assert!(close(p.p10_npv_usd, p.p90_npv_usd, 1e-9), "{:?}", p.id);
    }
}

#[test]
fn the_fast_path_equals_the_full_model_path_by_path() {
    // Same seed, same draws; one method rebuilds the bitcoin projection, both fleet runs and
    // every pathway per path, the other uses precomputed pieces. Every statistic must agree.
    let o = RiskOptions {
        paths: 300,
        seed: 2026,
        btc_volatility_pct: 70.0,
        hashrate_growth_sd_pct: 25.0,
        gpu_rent_decline_sd_pct: 15.0,
        histogram_bins: 30,
        capex_overrun_mean_pct: 20.0,
        capex_overrun_sd_pct: 30.0,
        occupancy_sd_pct: 15.0,
        tenant_default_pct_per_year: 8.0,
        gpu_utilization_sd_pct: 12.0,
        btc_jumps_per_year: 1.5,
        btc_jump_mean_pct: -20.0,
        btc_jump_sd_pct: 12.0,
        btc_hashrate_correlation: 0.6,
        btc_gpu_rent_correlation: 0.2,
        hashrate_gpu_rent_correlation: -0.1,
        fees_sd_pct: 60.0,
        renewal_rent_sd_pct: 20.0,
        build_delay_mean_months: 3.0,
        power_escalation_sd_pct: 4.0,
        equity_paths: 300,
    };
    for (name, s) in variants() {
        let fast = risk_using(&s, &o, RiskMethod::Fast).unwrap();
        let full = risk_using(&s, &o, RiskMethod::FullModel).unwrap();
        assert_eq!(fast.method, RiskMethod::Fast);
        assert_eq!(full.method, RiskMethod::FullModel);
        for (a, b) in fast.pathways.iter().zip(&full.pathways) {
            for (what, x, y) in [
                ("mean", a.mean_npv_usd, b.mean_npv_usd),
                ("P10", a.p10_npv_usd, b.p10_npv_usd),
                ("P50", a.p50_npv_usd, b.p50_npv_usd),
                ("P90", a.p90_npv_usd, b.p90_npv_usd),
                ("min", a.min_npv_usd, b.min_npv_usd),
                ("max", a.max_npv_usd, b.max_npv_usd),
            ] {
                assert!(close(x, y, 1e-9), "{name}: {:?} {what} fast {x} vs full {y}", a.id);
            }
            // A probability could differ only if a path's pivot value sat within rounding of 0.
            let (pa, pb) = (a.probability_beats_mining_pct, b.probability_beats_mining_pct);
            assert_eq!(pa.is_some(), pb.is_some());
            assert!((pa.unwrap_or(0.0) - pb.unwrap_or(0.0)).abs() <= 100.0 / 300.0, "{name}");
        }
        assert_eq!(fast.btc_price_fan, full.btc_price_fan, "{name}");
        // The equity runs the whole model in both, on the same draws.
        assert_eq!(fast.equity, full.equity, "{name}");
        for (a, b) in fast.hashprice_fan.iter().zip(&full.hashprice_fan) {
            for (x, y) in [(a.p10_usd, b.p10_usd), (a.p50_usd, b.p50_usd), (a.p90_usd, b.p90_usd)] {
                assert!(close(x, y, 1e-6), "{name}: hashprice {x} vs {y}");
            }
        }
    }
}

#[test]
fn one_path_of_another_scenario_prices_like_that_scenario() {
    // The fast path built for the default scenario, fed the deterministic path of a scenario
    // with other BTC growth, hashrate growth and GPU rent decline, must give that scenario's
    // NPVs: this checks the pieces that vary per path (hashprice, shutdown, the fleet fraction
    // of the AI pathways, the GPU rent) away from the base point they were built at.
    for (name, base) in variants() {
        for (btc_growth, hashrate_growth, decline) in [(40.0, 10.0, 15.0), (-35.0, 45.0, 45.0), (0.0, -20.0, -10.0)] {
            let mut other = base.clone();
            // The other scenario's path is its price and growth (a curve would replace it).
            other.bitcoin.btc_price_curve.clear();
            other.bitcoin.btc_price_growth_pct_per_year = btc_growth;
            other.bitcoin.network_hashrate_growth_pct_per_year = hashrate_growth;
            other.gpu_cloud.rent_decline_pct_per_year = decline;
            let mut prices = vec![0.0; base.months() as usize];
            let mut mirror = prices.clone();
            btc_price_paths(
                &mut generator(1),
                base.bitcoin.btc_price_usd,
                btc_growth,
                0.0,
                &mut prices,
                &mut mirror,
            );
            assert_eq!(prices, mirror);

            let fast = RiskModel::new(&base);
            assert_eq!(fast.horizon_months(), prices.len());
            let got = fast.path_npvs(&prices, hashrate_growth, decline);
            let expected = pathway_npvs(&other);
            for k in PathwayId::ALL {
                assert!(
                    close(got[k], expected[k], 1e-9),
                    "{name} at ({btc_growth}, {hashrate_growth}, {decline}): pathway {k:?} fast {} vs model {}",
                    got[k],
                    expected[k]
                );
            }
        }
    }
}

#[test]
fn the_simulated_price_has_the_log_normal_mean_median_and_variance() {
    // P₀ = 78,000, g = 15 %/yr, σ = 50 %/yr, N = 5 years (month 60), 10,000 antithetic pairs.
    // Mean: E[P_N] = 78,000 × 1.15⁵ = 78,000 × 2.0113571875 = 156,885.86.
    // Standard error of the mean of 20,000 independent paths: E[P_N] × √(exp(σ² N) − 1) / √20,000
    //   = 156,885.86 × √(e^1.25 − 1) / 141.421 = 156,885.86 × 1.578082 / 141.421 = 1,750.6.
    //   A pair's two prices are negatively correlated (P rises with every shock, its twin
    //   falls), so the pairs' mean varies less than that: 3 × 1,750.6 = 5,252 is a safe
    //   3-standard-error tolerance (the seed is fixed, so the test is deterministic).
    // ln P_N = ln 78,000 + 5 ln 1.15 − σ² N / 2 + σ √N Z: the median is
    //   78,000 × 1.15⁵ × e^(−0.625) = 156,885.86 × 0.535261 = 83,974.95, and a pair's log prices
    //   are that ± σ √N Z, so √(P × P′) is the median exactly, for every pair.
    // Var(ln P_N) = σ² N = 1.25: the 10,000 half-differences (ln P − ln P′)/2 = σ √N Z are
    //   independent; the mean of their squares has SE 1.25 × √(2 / 10,000) = 0.01768, 3 SE = 0.053.
    let pairs = 10_000;
    let months = 61;
    let mut rng = generator(8);
    let (mut path, mut mirror) = (vec![0.0; months], vec![0.0; months]);
    let (mut sum, mut squares) = (0.0, 0.0);
    for _ in 0..pairs {
        btc_price_paths(&mut rng, 78_000.0, 15.0, 50.0, &mut path, &mut mirror);
        assert_eq!((path[0], mirror[0]), (78_000.0, 78_000.0));
        let (p, twin) = (path[60], mirror[60]);
        sum += p + twin;
        let geometric_mean = (p * twin).sqrt();
        assert!((geometric_mean / 83_974.95 - 1.0).abs() < 1e-6, "{geometric_mean}");
        squares += ((p.ln() - twin.ln()) / 2.0).powi(2);
    }
    let mean = sum / (2 * pairs) as f64;
    assert!((mean - 156_885.86).abs() < 3.0 * 1_750.6, "mean {mean}");
    let log_variance = squares / pairs as f64;
    assert!((log_variance - 1.25).abs() < 0.053, "variance of ln P {log_variance}");
}

#[test]
fn the_fan_of_the_risk_report_centres_on_the_deterministic_price() {
    // Year 10 of the default: month 119, t = 119/12 = 9.91667 yr.
    // E[P] = 78,000 × 1.15^t = 78,000 × e^(9.91667 × 0.1397619) = 78,000 × e^1.385973
    //      = 78,000 × 3.998713 = 311,899.6.
    // SE with σ = 50 %, 10,000 paths: 311,899.6 × √(e^(0.25 t) − 1) / 100
    //    = 311,899.6 × √(11.93132 − 1) / 100 = 311,899.6 × 3.306254 / 100 = 10,312; 3 SE = 30,936.
    let s = Scenario {
        horizon_years: 10,
        ..Scenario::default()
    };
    let r = run(&s, &options(10_000));
    assert_eq!(r.btc_price_fan.len(), 10);
    let last = &r.btc_price_fan[9];
    assert_eq!((last.year, last.month_index, last.month.as_str()), (10, 119, "2036-12"));
    assert!(
        (last.deterministic_usd - 311_899.6).abs() < 0.1,
        "{}",
        last.deterministic_usd
    );
    assert!((last.mean_usd - 311_899.6).abs() < 30_936.0, "{}", last.mean_usd);
    assert!(last.p10_usd < last.p50_usd && last.p50_usd < last.p90_usd);
    // The median path lies below the mean: median = E[P] × e^(−σ² t / 2) = 311,899.6 × e^−1.239583
    // = 311,899.6 × 0.289505 = 90,296.4. The paths come in antithetic pairs whose log prices
    // are symmetric about ln 90,296.4, so the two middle paths of the 10,000 are twins and
    // P50, their average, is the median up to cosh of their tiny log distance (and the
    // fan's f32 storage, ~1e-7).
    assert!((last.p50_usd / 90_296.4 - 1.0).abs() < 1e-5, "{}", last.p50_usd);
}

#[test]
fn mining_without_shutdown_is_linear_in_price_so_its_mean_is_the_deterministic_npv() {
    // Without the shutdown option, with hashrate drawn without spread, the mining NPV is
    // Σ discount × (a_m × P_m − c_m): linear in the prices, and E[P_m] is the deterministic
    // path, so E[NPV] = the deterministic NPV. The sample mean must sit within 3 standard
    // errors (the NPV's standard deviation over the paths / √paths) of it. With the option, the miner can only
    // gain from switching off, so the mean lies above the deterministic NPV (Jensen).
    let mut s = Scenario::default();
    s.mining.shutdown_when_unprofitable = false;
    // Linear in the price only with a network that does not answer to it, and no exit.
    s.bitcoin.hashrate_model = HashrateModel::FixedGrowth;
    s.mining.exit = MiningExit::Stay;
    // The power price's escalation is not drawn either: (1 + g)^(m/12) is convex in g, so a
    // drawn escalation raises the expected power bill.
    let o = RiskOptions {
        hashrate_growth_sd_pct: 0.0,
        power_escalation_sd_pct: 0.0,
        ..options(10_000)
    };
    let r = run(&s, &o);
    let m = &r.pathways[0];
    // Standard error from the paths' own spread; antithetic pairs only lower the true one.
    let se = m.std_dev_npv_usd / (o.paths as f64).sqrt();
    assert!(se > 0.0);
    assert!(
        (m.mean_npv_usd - m.deterministic_npv_usd).abs() < 3.0 * se,
        "mean {} det {} se {se}",
        m.mean_npv_usd,
        m.deterministic_npv_usd
    );

    let with_option = run(&Scenario::default(), &o);
    assert!(with_option.pathways[0].mean_npv_usd > with_option.pathways[0].deterministic_npv_usd);
}

#[test]
fn a_pathway_the_draws_cannot_touch_has_no_spread() {
    // Default site: 100 % converted from month 0, so the colocation pathway mines nothing,
    // and with only the market drawn its lease depends on no draw: every path gives the
    // deterministic NPV, and it beats mining exactly on the paths where mining's NPV is lower.
    let r = run(&Scenario::default(), &market_only(5_000));
    let colo = &r.pathways[1];
    assert_eq!(colo.min_npv_usd, colo.max_npv_usd);
    assert!(close(colo.p50_npv_usd, colo.deterministic_npv_usd, 1e-9));
    let beats = colo.probability_beats_mining_pct.unwrap();
    let mining_counts = &r.histogram.series[0].counts;
    let edges = &r.histogram.bin_edges_usd;
    // Bins wholly below the colocation NPV count paths where colocation wins; bins wholly
    // above count paths where it loses: the probability lies between those two shares.
    let below: u32 = (0..mining_counts.len())
        .filter(|&i| edges[i + 1] <= colo.p50_npv_usd)
        .map(|i| mining_counts[i])
        .sum();
    let above: u32 = (0..mining_counts.len())
        .filter(|&i| edges[i] > colo.p50_npv_usd)
        .map(|i| mining_counts[i])
        .sum();
    assert!(
        beats >= below as f64 / 50.0 - 1e-9 && beats <= 100.0 - above as f64 / 50.0 + 1e-9,
        "{beats}"
    );
}

#[test]
fn the_report_is_complete_and_consistent() {
    let r = run(&Scenario::default(), &options(3_000));
    assert_eq!(r.options, options(3_000));
    assert_eq!(r.pathways.len(), 3);
    assert_eq!(r.histogram.bin_edges_usd.len(), 41);
    assert!(r.histogram.bin_edges_usd.windows(2).all(|w| w[0] < w[1]));
    // The bins span the pooled 1st–99th percentiles: about 1 % of the 9,000 NPVs lies below
    // and 1 % above (percentiles interpolate, so up to a path either way), and each series
    // counts every path once.
    let (mut below, mut above) = (0, 0);
    for series in &r.histogram.series {
        assert_eq!(series.counts.len(), 40);
        assert_eq!(series.counts.iter().sum::<u32>() + series.below + series.above, 3_000);
        below += series.below;
        above += series.above;
    }
    assert!(
        (89..=91).contains(&below) && (89..=91).contains(&above),
        "{below} below, {above} above"
    );
    let best: f64 = r.pathways.iter().map(|p| p.probability_best_pct).sum();
    assert!((best - 100.0).abs() < 1e-9);
    assert_eq!(r.pathways[0].probability_beats_mining_pct, None);
    assert_eq!(r.pathways[0].pivot_value_p50_usd, None);
    for p in &r.pathways {
        assert!(p.min_npv_usd <= p.p10_npv_usd && p.p10_npv_usd <= p.p50_npv_usd);
        assert!(p.p50_npv_usd <= p.p90_npv_usd && p.p90_npv_usd <= p.max_npv_usd);
    }
    for p in &r.pathways[1..] {
        let (lo, mid, hi) = (
            p.pivot_value_p10_usd.unwrap(),
            p.pivot_value_p50_usd.unwrap(),
            p.pivot_value_p90_usd.unwrap(),
        );
        assert!(lo <= mid && mid <= hi);
        let beats = p.probability_beats_mining_pct.unwrap();
        // P(pivot > 0) is consistent with where 0 falls among the pivot's percentiles.
        if lo > 0.0 {
            assert!(beats >= 90.0 - 1e-9);
        }
        if hi < 0.0 {
            assert!(beats <= 10.0 + 1e-9);
        }
    }
    let json = serde_json::to_value(&r).unwrap();
    for key in ["options", "method", "pathways", "histogram", "btcPriceFan", "notes"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["method"], "fast");
    // 50 / √3,000 = 0.913 percentage points.
    assert!(r.notes[0].starts_with("3,000 paths, seed 42: "), "{}", r.notes[0]);
    assert!(r.notes[0].contains("±0.9 percentage points"), "{}", r.notes[0]);
    assert!(json["pathways"][1]["probabilityBeatsMiningPct"].is_number());
    assert!(json["options"]["btcVolatilityPct"].is_number());
}

#[test]
fn options_take_defaults_and_camel_case_names() {
    let o: RiskOptions = serde_json::from_str(r#"{"paths": 500, "btcVolatilityPct": 30}"#).unwrap();
    assert_eq!(
        o,
        RiskOptions {
            paths: 500,
            btc_volatility_pct: 30.0,
            ..RiskOptions::default()
        }
    );
    let d = RiskOptions::default();
    assert_eq!((d.paths, d.seed, d.histogram_bins), (10_000, 42, 40));
    assert_eq!(validate_options(&d), vec![]);
}

#[test]
fn bad_options_and_a_bad_scenario_are_all_reported() {
    let o = RiskOptions {
        paths: 0,
        seed: 1 << 53,
        btc_volatility_pct: f64::NAN,
        hashrate_growth_sd_pct: -1.0,
        gpu_rent_decline_sd_pct: 51.0,
        histogram_bins: 0,
        capex_overrun_mean_pct: -60.0,
        capex_overrun_sd_pct: 101.0,
        occupancy_sd_pct: f64::INFINITY,
        tenant_default_pct_per_year: 100.5,
        gpu_utilization_sd_pct: -3.0,
        btc_jumps_per_year: 13.0,
        btc_jump_mean_pct: -91.0,
        btc_jump_sd_pct: 101.0,
        btc_hashrate_correlation: 1.5,
        btc_gpu_rent_correlation: -1.01,
        hashrate_gpu_rent_correlation: f64::NAN,
        fees_sd_pct: 301.0,
        renewal_rent_sd_pct: -1.0,
        build_delay_mean_months: 12.5,
        power_escalation_sd_pct: 21.0,
        equity_paths: 100_001,
    };
    let mut s = Scenario::default();
    s.bitcoin.btc_price_usd = -1.0;
    let errors = risk(&s, &o).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "bitcoin.btcPriceUsd",
            "paths",
            "seed",
            "btcVolatilityPct",
            "hashrateGrowthSdPct",
            "gpuRentDeclineSdPct",
            "histogramBins",
            "capexOverrunMeanPct",
            "capexOverrunSdPct",
            "occupancySdPct",
            "tenantDefaultPctPerYear",
            "gpuUtilizationSdPct",
            "btcJumpsPerYear",
            "btcJumpMeanPct",
            "btcJumpSdPct",
            "btcHashrateCorrelation",
            "btcGpuRentCorrelation",
            "hashrateGpuRentCorrelation",
            "feesSdPct",
            "renewalRentSdPct",
            "buildDelayMeanMonths",
            "powerEscalationSdPct",
            "equityPaths"
        ]
    );
    assert!(errors[1].message.contains("100 to 100,000"), "{}", errors[1].message);
    let too_many = RiskOptions {
        paths: 100_001,
        ..RiskOptions::default()
    };
    assert_eq!(validate_options(&too_many)[0].field, "paths");
}

#[test]
fn a_run_has_a_work_cap_named_at_paths() {
    // Work = paths × months × (fleet lines + 2), × 16 through the full model (tax on), plus
    // the equity's paths through the full model when an AI pathway borrows. The default
    // (3 lines, 15 years, both AI pathways at 80 % loan-to-cost) at 10,000 paths and 1,000
    // equity paths: 10,000 × 180 × 5 + 1,000 × 180 × 5 × 16 = 9 × 10⁶ + 1.44 × 10⁷
    // = 2.34 × 10⁷ ≤ 2 × 10⁸; without the equity paths 9 × 10⁶.
    let s = Scenario::default();
    let o = RiskOptions::default();
    assert_eq!(minepivot::analysis::risk::work(&s, &o, RiskMethod::Fast), 2.34e7);
    let unlevered = RiskOptions {
        equity_paths: 0,
        ..RiskOptions::default()
    };
    assert_eq!(minepivot::analysis::risk::work(&s, &unlevered, RiskMethod::Fast), 9e6);
    // With tax on, 100,000 paths: 100,000 × 180 × 5 × 16 = 1.44 × 10⁹ > 2 × 10⁸: refused at
    // `paths`, naming the most that fit: ⌊100,000 × 2 × 10⁸ ÷ 1.44 × 10⁹⌋ = 13,888.
    let mut taxed = Scenario::default();
    taxed.finance.tax_enabled = true;
    let many = RiskOptions {
        paths: 100_000,
        equity_paths: 0,
        ..RiskOptions::default()
    };
    let errors = risk(&taxed, &many).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "paths");
    assert!(
        errors[0].message.contains("at most 13,888 paths"),
        "{}",
        errors[0].message
    );
    // A 1,000-line fleet over 30 years: 10,000 × 360 × 1,002 = 3.6 × 10⁹: refused too.
    let mut wide = Scenario {
        horizon_years: 30,
        ..Scenario::default()
    };
    wide.mining.fleet = (0..1_000)
        .map(|i| minepivot::scenario::FleetLine::new(&format!("m{i}"), 1, 100.0, 20.0))
        .collect();
    // With the 1,000 equity paths through the full model: 3.6072 × 10⁹ + 1,000 × 360 × 1,002
    // × 16 = 9.37872 × 10⁹; ⌊10,000 × 2 × 10⁸ ÷ 9.37872 × 10⁹⌋ = ⌊213.25⌋ = 213 paths fit.
    let errors = risk(&wide, &o).unwrap_err();
    assert_eq!(errors[0].field, "paths");
    assert!(
        errors[0].message.contains("at most 213 paths fit"),
        "{}",
        errors[0].message
    );
    // Taxed, every path through the full model: 100,000 × 360 × 1,002 × 16 = 5.77 × 10¹¹;
    // 100,000 × 2 × 10⁸ ÷ 5.77 × 10¹¹ = 34.7, fewer than the 100 paths a run takes: the
    // message says to shrink the model instead of naming a count below the minimum.
    wide.finance.tax_enabled = true;
    let errors = risk(&wide, &many).unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("even the fewest paths a run takes (100) would be too much"),
        "{}",
        errors[0].message
    );
}

#[test]
fn with_only_the_project_factors_drawn_mining_is_a_single_point_and_the_ai_pathways_spread() {
    // Build cost +10 % ± 15 pp, occupancy ± 5 pp: mining has no capex and no lease, so every
    // path gives its deterministic NPV; both AI pathways pay the build cost, so they spread,
    // and an expected overrun lowers their mean.
    let s = Scenario::default();
    let r = run(&s, &project_only(4_000, 10.0, 15.0, 5.0));
    assert_eq!(r.drawn, ["buildCost", "occupancy"]);
    assert_eq!(run(&s, &still(100)).drawn, Vec::<String>::new());
    assert_eq!(
        run(&s, &options(100)).drawn,
        [
            "btcPrice",
            "networkHashrate",
            "gpuRent",
            "buildCost",
            "occupancy",
            "tenantDefault",
            "gpuUtilization",
            "fees",
            "renewalRent",
            "buildDelay",
            "powerPrice"
        ]
    );
    let mining = &r.pathways[0];
    assert_eq!(mining.min_npv_usd, mining.max_npv_usd);
    assert!(close(mining.p50_npv_usd, mining.deterministic_npv_usd, 1e-12));
    for ai in &r.pathways[1..] {
        assert!(ai.std_dev_npv_usd > 1e6, "{:?} spreads: {}", ai.id, ai.std_dev_npv_usd);
        assert!(ai.mean_npv_usd < ai.deterministic_npv_usd, "{:?}", ai.id);
    }
    // With the overrun alone, the colocation NPV is linear in the multiplier κ: its mean is
    // det + E[κ − 1] × C, C the capex's NPV (negative). A fixed κ = 0.5 (mean −50 %, SD 0) on
    // every path gives det − 0.5 C, so C = 2 × (det − NPV(0.5)); with E[κ] = 1.10 the mean
    // is det + 0.10 × C, within three standard errors of the 4,000 paths.
    let alone = run(&s, &project_only(4_000, 10.0, 15.0, 0.0));
    let colo = &alone.pathways[1];
    let half = run(&s, &project_only(100, -50.0, 0.0, 0.0)).pathways[1].mean_npv_usd;
    let capex_npv = 2.0 * (colo.deterministic_npv_usd - half);
    assert!(capex_npv < 0.0);
    let expected = colo.deterministic_npv_usd + 0.10 * capex_npv;
    let se = colo.std_dev_npv_usd / (4_000f64).sqrt();
    assert!(
        (colo.mean_npv_usd - expected).abs() < 3.0 * se,
        "mean {} expected {expected} se {se}",
        colo.mean_npv_usd
    );
    // Its spread is that of κ: SD(κ) = 0.15 × |C|, within 5 %.
    assert!(
        (colo.std_dev_npv_usd / (0.15 * capex_npv.abs()) - 1.0).abs() < 0.05,
        "SD {} vs {}",
        colo.std_dev_npv_usd,
        0.15 * capex_npv.abs()
    );
}

#[test]
fn a_tenant_certain_to_default_in_year_one_leaves_the_re_let_cash_flows() {
    // Default at 100 %/yr: every path's tenant defaults in the lease's first month c; the halls
    // stand empty for V = reletVacancyMonths, then earn μ = reletRentPct % of the lease's rent.
    // Expected, from the deterministic report's own months: NPV(colocation) + Σ over months m
    // of vₘ × Δrentₘ, vₘ = (1 + r_m)^−(m+1), Δrent = −rent in [c, c + V), (μ − 1) × rent after.
    let mut s = Scenario::default();
    s.colocation.relet_vacancy_months = 9;
    s.colocation.relet_rent_pct = 80.0;
    let o = RiskOptions {
        tenant_default_pct_per_year: 100.0,
        ..still(200)
    };
    let r = run(&s, &o);
    assert_eq!(r.drawn, ["tenantDefault"]);
    let colo = &r.pathways[1];
    assert_eq!(colo.min_npv_usd, colo.max_npv_usd, "every path defaults the same way");
    let report = minepivot::evaluate(&s).expect("valid");
    let months = &report.pathways[1].months;
    let c = months
        .iter()
        .position(|m| m.ai_revenue_usd > 0.0)
        .expect("the lease starts") as usize;
    let rate = minepivot::finance::monthly_rate(s.finance.discount_rate_pct);
    let mut change = 0.0;
    for (m, month) in months.iter().enumerate() {
        let v = (1.0 + rate).powi(-(m as i32 + 1));
        if m >= c && m < c + 9 {
            change -= v * month.ai_revenue_usd;
        } else if m >= c + 9 {
            change += v * (0.8 - 1.0) * month.ai_revenue_usd;
        }
    }
    let expected = report.pathways[1].npv_usd + change;
    assert!(change < -1e7, "the default costs the lease: {change}");
    assert!(
        close(colo.p50_npv_usd, expected, 1e-9),
        "{} vs {expected}",
        colo.p50_npv_usd
    );
    // Mining and the GPU cloud do not depend on the tenant.
    assert!(close(r.pathways[0].p50_npv_usd, report.pathways[0].npv_usd, 1e-12));
    assert!(close(r.pathways[2].p50_npv_usd, report.pathways[2].npv_usd, 1e-9));
}

#[test]
fn the_chance_of_loss_is_the_share_of_paths_below_zero() {
    // With every factor off, every path is the deterministic one: the chance of loss is 100 %
    // for a pathway whose NPV is negative (the default GPU cloud) and 0 % otherwise. With the
    // market drawn it lies strictly between for mining's and the GPU cloud's spread, and
    // agrees with the percentiles: P10 < 0 < P90 brackets a share between 10 % and 90 %.
    let s = Scenario::default();
    let still = run(&s, &still(200));
    for p in &still.pathways {
        let expected = if p.deterministic_npv_usd < 0.0 { 100.0 } else { 0.0 };
        assert_eq!(p.probability_of_loss_pct, expected, "{:?}", p.id);
    }
    let r = run(&s, &options(4_000));
    for p in &r.pathways {
        let loss = p.probability_of_loss_pct;
        if p.p10_npv_usd < 0.0 && p.p90_npv_usd > 0.0 {
            assert!(loss > 10.0 && loss < 90.0, "{:?}: {loss}", p.id);
        } else if p.p90_npv_usd < 0.0 {
            assert!(loss >= 90.0, "{:?}: {loss}", p.id);
        } else if p.p10_npv_usd > 0.0 {
            assert!(loss <= 10.0, "{:?}: {loss}", p.id);
        }
    }
}

#[test]
fn the_gpu_utilisation_moves_the_gpu_cloud_alone() {
    // Utilisation ± 10 pp around 85 %: the GPU cloud's sold hours scale with it; mining and
    // colocation do not depend on it (single points). Fast and full model agree path by path
    // (the_fast_path_equals_the_full_model_path_by_path draws it too).
    let s = Scenario::default();
    let o = RiskOptions {
        gpu_utilization_sd_pct: 10.0,
        ..still(2_000)
    };
    let r = run(&s, &o);
    assert_eq!(r.drawn, ["gpuUtilization"]);
    for p in &r.pathways[..2] {
        assert_eq!(p.min_npv_usd, p.max_npv_usd, "{:?}", p.id);
    }
    let gpu = &r.pathways[2];
    assert!(gpu.std_dev_npv_usd > 1e6, "{}", gpu.std_dev_npv_usd);
    // Symmetric draws about 85 % (clamped at 100 % beyond 1.5 σ, which lowers the mean
    // utilisation by 10 × (φ(1.5) − 1.5 (1 − Φ(1.5))) = 0.29 pp): the mean NPV is not above
    // the single path's by more than three standard errors.
    assert!(gpu.mean_npv_usd < gpu.deterministic_npv_usd + 3.0 * gpu.std_dev_npv_usd / (2_000f64).sqrt());
}

#[test]
fn correlations_that_no_three_quantities_can_have_are_refused_at_their_path() {
    // 0.9, 0.9, −0.9: each within −1…1, but the matrix's determinant 1 + 2abc − a² − b² − c²
    // = 1 − 1.458 − 2.43 = −2.888 < 0 (not positive semi-definite).
    let bad = RiskOptions {
        btc_hashrate_correlation: 0.9,
        btc_gpu_rent_correlation: 0.9,
        hashrate_gpu_rent_correlation: -0.9,
        ..options(1_000)
    };
    let errors = risk(&Scenario::default(), &bad).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "btcHashrateCorrelation");
    assert!(
        errors[0].message.contains("not positive semi-definite"),
        "{}",
        errors[0].message
    );
    assert!(errors[0].message.contains("-2.888"), "{}", errors[0].message);
    // The same through a JSON document (what JavaScript sends).
    let doc = serde_json::json!({
        "btcHashrateCorrelation": 0.9,
        "btcGpuRentCorrelation": 0.9,
        "hashrateGpuRentCorrelation": -0.9
    });
    let errors = minepivot::analysis::risk::options_from_value(doc).unwrap_err();
    assert_eq!(errors[0].field, "btcHashrateCorrelation");
    // A singular but valid matrix runs: the hashrate moves with the price alone.
    let singular = RiskOptions {
        btc_hashrate_correlation: 1.0,
        btc_gpu_rent_correlation: 0.0,
        hashrate_gpu_rent_correlation: 0.0,
        ..options(1_000)
    };
    assert!(risk(&Scenario::default(), &singular).is_ok());
}

#[test]
fn a_construction_delay_moves_the_ai_pathways_only_and_costs_them() {
    // Only the delay drawn (mean 4 months): mining never converts, so it is a single point;
    // colocation (worth more than nothing at the defaults) earns later, so its mean NPV is
    // below its deterministic NPV and no path beats the on-time one (the delay is never
    // negative). The GPU cloud spreads too (at the defaults it loses money, so a delay,
    // which postpones its losses as well as its capex, can even help it).
    let s = Scenario::default();
    let o = RiskOptions {
        build_delay_mean_months: 4.0,
        ..still(2_000)
    };
    let r = run(&s, &o);
    assert_eq!(r.drawn, ["buildDelay"]);
    let mining = &r.pathways[0];
    assert!(close(mining.p10_npv_usd, mining.p90_npv_usd, 1e-12));
    let colocation = &r.pathways[1];
    assert!(colocation.mean_npv_usd < colocation.deterministic_npv_usd);
    assert!(colocation.max_npv_usd <= colocation.deterministic_npv_usd + 1.0);
    assert!(colocation.min_npv_usd < colocation.deterministic_npv_usd);
    let gpu = &r.pathways[2];
    assert!(gpu.min_npv_usd < gpu.max_npv_usd);
}

#[test]
fn the_equity_is_valued_on_the_first_paths_when_a_pathway_borrows() {
    // The default borrows 80 % of cost on both AI pathways. With nothing drawn every equity
    // path is the scenario's own: P10 = P50 = P90 = the report's equity NPV (its financing
    // block; mining, without a loan, its project flows at the cost of equity).
    let s = Scenario::default();
    let report = minepivot::evaluate(&s).unwrap();
    let r = run(&s, &still(400));
    let equity = r.equity.as_ref().expect("the default borrows");
    assert_eq!(equity.paths, 400);
    assert_eq!(equity.cost_of_equity_pct, s.finance.cost_of_equity_pct);
    for (e, p) in equity.pathways.iter().zip(&report.pathways) {
        assert_eq!(e.id, p.id);
        if let Some(f) = &p.financing {
            assert!(close(e.deterministic_npv_usd, f.equity_npv_usd, 1e-9), "{:?}", e.id);
        }
        assert!(close(e.p10_npv_usd, e.deterministic_npv_usd, 1e-9), "{:?}", e.id);
        assert!(close(e.p90_npv_usd, e.deterministic_npv_usd, 1e-9), "{:?}", e.id);
    }
    // Drawn: the equity of the first 500 of 2,000 paths, spread, and a levered equity
    // spreads wider than the project (the loan's fixed service comes first).
    let o = RiskOptions {
        equity_paths: 500,
        ..options(2_000)
    };
    let r = run(&s, &o);
    let equity = r.equity.as_ref().unwrap();
    assert_eq!(equity.paths, 500);
    let colocation = &equity.pathways[1];
    assert!(colocation.p10_npv_usd < colocation.p50_npv_usd && colocation.p50_npv_usd < colocation.p90_npv_usd);
    assert!(
        colocation.probability_beats_mining_pct.is_some() && equity.pathways[0].probability_beats_mining_pct.is_none()
    );
    // No loan, or no equity paths: no equity block.
    let mut unlevered = s.clone();
    unlevered.colocation.debt.loan_to_cost_pct = 0.0;
    unlevered.gpu_cloud.debt.loan_to_cost_pct = 0.0;
    assert_eq!(run(&unlevered, &options(200)).equity, None);
    let none = RiskOptions {
        equity_paths: 0,
        ..options(200)
    };
    assert_eq!(run(&s, &none).equity, None);
}

#[test]
fn the_hashprice_fan_centres_on_the_deterministic_hashprice_without_draws() {
    // Nothing drawn: every path's year-end hashprice is the model's (coins a day × price ÷
    // (hashrate × 1,000)), so P10 = P50 = P90 = the projection's; with the price drawn the
    // fan opens.
    let s = Scenario::default();
    let btc = minepivot::bitcoin::project(&s);
    let r = run(&s, &still(200));
    assert_eq!(r.hashprice_fan.len(), 15);
    for band in &r.hashprice_fan {
        let expected = btc.months[band.month_index as usize].hashprice_usd_per_ph_day;
        assert!(close(band.deterministic_usd, expected, 1e-12));
        // f32 storage: 7 significant digits.
        assert!(
            close(band.p10_usd, expected, 1e-6),
            "year {}: {} vs {expected}",
            band.year,
            band.p10_usd
        );
        assert!(close(band.p90_usd, expected, 1e-6));
    }
    let drawn = run(&s, &options(2_000));
    let last = drawn.hashprice_fan.last().unwrap();
    assert!(last.p10_usd < last.p50_usd && last.p50_usd < last.p90_usd);
}

#[test]
fn each_factor_alone_gives_its_share_of_the_spread() {
    // One-at-a-time: each drawn factor run alone on min(paths, 2,000) paths. The lease's
    // factors (occupancy, default, rent after the term) move colocation only, so mining's σ
    // with them alone is 0; the shares of each pathway sum to 100 %.
    let s = Scenario::default();
    let o = options(1_000);
    let c = minepivot::analysis::risk::contributions(&s, &o).unwrap();
    assert_eq!(c.paths, 1_000);
    let report = run(&s, &o);
    let names: Vec<&str> = c.factors.iter().map(|f| f.factor.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    let mut drawn: Vec<&str> = report.drawn.iter().map(String::as_str).collect();
    drawn.sort_unstable();
    assert_eq!(sorted, drawn);
    for f in &c.factors {
        assert_eq!(f.std_dev_npv_usd.len(), 3);
        if ["occupancy", "tenantDefault", "renewalRent"].contains(&f.factor.as_str()) {
            assert_eq!(f.std_dev_npv_usd[0], 0.0, "{} moves mining", f.factor);
            assert_eq!(f.std_dev_npv_usd[2], 0.0, "{} moves the GPU cloud", f.factor);
        }
        // The default lease runs 15 years, the whole horizon: no rent after its term to move.
        match f.factor.as_str() {
            "occupancy" | "tenantDefault" | "buildCost" | "buildDelay" => {
                assert!(f.std_dev_npv_usd[1] > 0.0, "{}", f.factor)
            }
            "renewalRent" | "gpuRent" | "gpuUtilization" => assert_eq!(f.std_dev_npv_usd[1], 0.0, "{}", f.factor),
            _ => {}
        }
    }
    for k in 0..3 {
        let sum: f64 = c.factors.iter().map(|f| f.share_of_variance_pct[k]).sum();
        assert!((sum - 100.0).abs() < 1e-9, "pathway {k}: {sum}");
    }
    // The first factor has the largest σ for the AI pathway that spreads more.
    let key = if c.all_std_dev_npv_usd[2] > c.all_std_dev_npv_usd[1] {
        2
    } else {
        1
    };
    assert!(c
        .factors
        .windows(2)
        .all(|w| w[0].std_dev_npv_usd[key] >= w[1].std_dev_npv_usd[key]));
    // The one-factor run of the BTC price alone is the risk run with only the volatility on.
    let btc_alone = run(
        &s,
        &RiskOptions {
            btc_volatility_pct: 50.0,
            ..still(1_000)
        },
    );
    let btc = c.factors.iter().find(|f| f.factor == "btcPrice").unwrap();
    assert!(close(
        btc.std_dev_npv_usd[0],
        btc_alone.pathways[0].std_dev_npv_usd,
        1e-12
    ));
}
