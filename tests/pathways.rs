//! Worked examples of the AI pathways and the decision, each expected value derived by hand
//! in a comment (inputs → formula → arithmetic).

use minepivot::colocation;
use minepivot::gpu_cloud;
use minepivot::report::{CapexBill, CapexReport, SiteReport};
use minepivot::scenario::{GpuEnd, GpuSystem, LeaseEnd, LeaseType, Scenario};

fn close(actual: f64, expected: f64, rel: f64) -> bool {
    (actual - expected).abs() <= rel * expected.abs().max(1.0)
}

/// A site whose converted share holds exactly `it_mw` of critical IT and `gpus` GPUs.
fn site(it_mw: f64, gpus: u32) -> SiteReport {
    SiteReport {
        it_capacity_mw: it_mw,
        gpus,
        ..SiteReport::default()
    }
}

/// A scenario with flat power, no ramp, construction from month 0 over `build` months.
fn flat(horizon_years: u32, build: u32) -> Scenario {
    let mut s = Scenario {
        horizon_years,
        ..Scenario::default()
    };
    s.retrofit.phases[0].construction_start_month = 0;
    s.retrofit.phases[0].build_months = build;
    s.retrofit.phases[0].ramp_months = 0;
    s.site.power_price_usd_per_mwh = 45.0;
    s.site.power_price_escalation_pct_per_year = 0.0;
    s.power = minepivot::scenario::Power::flat();
    s
}

#[test]
fn a_twelve_year_lease_of_200_mw_totals_3_5_billion() {
    // 200 MW IT at $121.5 per kW-month, flat, fully occupied, for 12 years = 144 months:
    // 200,000 kW × 121.5 × 144 = $3,499,200,000 ≈ $3.50 B.
    // Construction from month 0 over 12 months → commissioning in month 12; a 13-year horizon
    // holds exactly months 12…155 of lease.
    let mut s = flat(13, 12);
    s.colocation.lease_usd_per_kw_month = 121.5;
    s.colocation.escalator_pct_per_year = 0.0;
    s.colocation.occupancy_pct = 100.0;
    s.colocation.lease_term_years = 12;
    let months = colocation::simulate(&s, &site(200.0, 0));
    assert_eq!(months.len(), 156);
    assert!(months[..12].iter().all(|m| m.revenue_usd == 0.0));
    let total: f64 = months.iter().map(|m| m.revenue_usd).sum();
    assert!(close(total, 3_499_200_000.0, 1e-12), "{total}");
    // One month: 200,000 × 121.5 = $24.3 M.
    assert!(close(months[12].revenue_usd, 24_300_000.0, 1e-15));
}

#[test]
fn a_three_percent_escalator_makes_lease_year_two_exactly_1_03_times_year_one() {
    let mut s = flat(4, 12);
    s.colocation.escalator_pct_per_year = 3.0;
    let months = colocation::simulate(&s, &site(50.0, 0));
    // Lease year 1 = months 12…23, year 2 = 24…35, year 3 = 36…47 (commissioning in 12).
    let year = |y: usize| -> f64 { months[12 + 12 * y..24 + 12 * y].iter().map(|m| m.revenue_usd).sum() };
    assert!(close(year(1), 1.03 * year(0), 1e-14), "{} vs {}", year(1), year(0));
    assert!(close(year(2), 1.03 * 1.03 * year(0), 1e-14));
    // The step is annual: every month of a lease year pays the same.
    assert_eq!(months[12].revenue_usd, months[23].revenue_usd);
    // 50,000 kW × $130 = $6.5 M a month in year 1; × 1.03 = $6.695 M in year 2.
    assert!(close(months[12].revenue_usd, 6_500_000.0, 1e-15));
    assert!(close(months[24].revenue_usd, 6_695_000.0, 1e-14));
}

#[test]
fn the_ramp_scales_the_first_months_and_the_escalator_counts_from_the_lease_start() {
    let mut s = flat(3, 12);
    s.retrofit.phases[0].ramp_months = 4;
    s.colocation.escalator_pct_per_year = 3.0;
    let months = colocation::simulate(&s, &site(10.0, 0));
    // Full month: 10,000 kW × $130 = $1.3 M; ramp (k + 1)/4 → 0.325, 0.65, 0.975, 1.3 M.
    let expected = [325_000.0, 650_000.0, 975_000.0, 1_300_000.0, 1_300_000.0];
    for (k, e) in expected.iter().enumerate() {
        assert!(close(months[12 + k].revenue_usd, *e, 1e-14), "k={k}");
    }
    // Lease month 12 (model month 24) is the first of lease year 2: 1.3 M × 1.03 = 1.339 M.
    assert!(close(months[24].revenue_usd, 1_339_000.0, 1e-14));
}

#[test]
fn nnn_passes_power_through_and_gross_leaves_it_with_the_landlord() {
    let mut s = flat(2, 12);
    s.colocation.occupancy_pct = 80.0;
    s.retrofit.pue = 1.3;
    s.colocation.landlord_opex_usd_per_mw_it_year = 240_000.0;
    let it = site(10.0, 0);
    let nnn = colocation::simulate(&s, &it);
    assert!(nnn.iter().all(|m| m.power_cost_usd == 0.0));
    // Landlord opex: 240,000 × 10 MW / 12 = $200,000 a month from commissioning.
    assert_eq!(nnn[11].opex_usd, 0.0);
    assert!(close(nnn[12].opex_usd, 200_000.0, 1e-15));

    s.colocation.lease_type = LeaseType::Gross;
    let gross = colocation::simulate(&s, &it);
    // 10 MW IT × 80 % occupancy × 100 % load × PUE 1.3 × 730.5 h × $45/MWh
    // = 8 × 1.3 = 10.4 MW; × 730.5 = 7,597.2 MWh; × 45 = $341,874.
    assert!(
        close(gross[12].power_cost_usd, 341_874.0, 1e-14),
        "{}",
        gross[12].power_cost_usd
    );
    // Revenue is the same either way: 10,000 kW × 130 × 0.8 = $1.04 M.
    assert!(close(gross[12].revenue_usd, 1_040_000.0, 1e-15));
    assert_eq!(gross[12].revenue_usd, nnn[12].revenue_usd);
}

#[test]
fn after_the_term_renew_keeps_escalating_and_vacate_empties_the_halls() {
    let mut s = flat(4, 12);
    s.colocation.lease_term_years = 2;
    s.colocation.escalator_pct_per_year = 3.0;
    let it = site(10.0, 0);
    let renew = colocation::simulate(&s, &it);
    // Lease year 3 (months 36…47) under renewal: $1.3 M × 1.03² = 1.3 M × 1.0609 = $1,379,170.
    assert!(close(renew[36].revenue_usd, 1_379_170.0, 1e-14));
    s.colocation.after_term = LeaseEnd::Vacate;
    let vacate = colocation::simulate(&s, &it);
    // Year 2's last month: $1.3 M × 1.03 = $1,339,000.
    assert!(close(vacate[35].revenue_usd, 1_339_000.0, 1e-14));
    assert_eq!(vacate[36].revenue_usd, 0.0);
    assert_eq!(vacate[36].power_cost_usd, 0.0);
    // The landlord keeps the empty halls: opex continues.
    assert_eq!(vacate[36].opex_usd, renew[36].opex_usd);
}

fn gpu_capex(total: f64) -> CapexReport {
    CapexReport {
        gpu_cloud: CapexBill {
            total_usd: total,
            ..CapexBill::default()
        },
        ..CapexReport::default()
    }
}

/// 1,000 B200s at 1.7875 kW each (the node's 14.3 kW ÷ 8, given as an override of the all-in
/// figure), $3.25/GPU-hour at the market, no contract, 85 % sold, 80 % load, PUE 1.3,
/// $45/MWh flat.
fn gpu_scenario(horizon_years: u32) -> Scenario {
    let mut s = flat(horizon_years, 12);
    s.retrofit.pue = 1.3;
    let g = &mut s.gpu_cloud;
    g.system = GpuSystem::B200;
    g.refresh_system = GpuSystem::B200;
    g.it_kw_per_gpu = 1.7875;
    g.contract_share_pct = 0.0;
    g.residual_decline_pct_per_year = 35.0;
    g.rent_usd_per_gpu_hour = 3.25;
    g.rent_decline_pct_per_year = 28.0;
    g.utilization_pct = 85.0;
    g.load_pct = 80.0;
    g.useful_life_years = 5;
    g.opex_usd_per_gpu_year = 3_000.0;
    g.opex_pct_of_revenue = 10.0;
    s
}

#[test]
fn a_gpu_month_by_hand() {
    let s = gpu_scenario(7);
    let months = gpu_cloud::simulate(&s, &site(2.0, 1_000), &gpu_capex(60_000_000.0));
    let first = months[12];
    // Revenue: 1,000 GPUs × 730.5 h × 0.85 × $3.25 = 620,925 GPU-hours × 3.25 = $2,018,006.25.
    assert!(close(first.revenue_usd, 2_018_006.25, 1e-14), "{}", first.revenue_usd);
    // Power: 1,000 × 14.3/8 kW = 1.7875 MW × 0.8 load = 1.43 MW × 1.3 PUE = 1.859 MW;
    // × 730.5 h = 1,357.9995 MWh; × $45 = $61,109.9775.
    assert!(
        close(first.power_cost_usd, 61_109.977_5, 1e-13),
        "{}",
        first.power_cost_usd
    );
    // Opex: 1,000 × $3,000 / 12 = $250,000 + 10 % × 2,018,006.25 = $451,800.625.
    assert!(close(first.opex_usd, 451_800.625, 1e-14), "{}", first.opex_usd);
    // GPU capex lands in the commissioning month, and only then (until the refresh).
    assert_eq!(first.capex_usd, 60_000_000.0);
    assert_eq!(months[13].capex_usd, 0.0);
    assert_eq!(months[11], Default::default());
    // A year later the rent has declined 28 %: 3.25 × 0.72 = $2.34 → 620,925 × 2.34 = $1,452,964.50.
    assert!(
        close(months[24].revenue_usd, 1_452_964.5, 1e-13),
        "{}",
        months[24].revenue_usd
    );
    // Half a year: 3.25 × 0.72^0.5 = 3.25 × 0.848528137 = $2.757716445 an hour;
    // × 620,925 = 1,707,543.75 (at 2.75) + 4,791.33 (at 0.007716445) = $1,712,335.08.
    assert!(
        close(months[18].revenue_usd, 1_712_335.08, 1e-8),
        "{}",
        months[18].revenue_usd
    );
}

#[test]
fn gpus_are_refreshed_or_retired_at_the_end_of_their_life() {
    let mut s = gpu_scenario(7);
    let it = site(2.0, 1_000);
    let capex = gpu_capex(60_000_000.0);
    // Commissioning in month 12; useful life 5 years = 60 months → the second generation
    // starts in month 72, bought again, at the starting rent; the first is sold then at its
    // residual value, 60 M × (1 − 35 %)^5 = 60 M × 0.116029 = $6,961,743.75.
    let refresh = gpu_cloud::simulate(&s, &it, &capex);
    assert_eq!(refresh[72].capex_usd, 60_000_000.0);
    assert!(
        close(refresh[72].resale_usd, 6_961_743.75, 1e-12),
        "{}",
        refresh[72].resale_usd
    );
    assert_eq!(refresh[72].revenue_usd, refresh[12].revenue_usd);
    assert!(refresh[71].revenue_usd < 0.25 * refresh[12].revenue_usd);
    s.gpu_cloud.end_of_life = GpuEnd::Retire;
    let retire = gpu_cloud::simulate(&s, &it, &capex);
    assert_eq!(retire[71], refresh[71]);
    // Retired: sold in month 72, then nothing.
    assert_eq!(retire[72].resale_usd, refresh[72].resale_usd);
    assert_eq!((retire[72].revenue_usd, retire[72].capex_usd), (0.0, 0.0));
    assert!(retire[73..].iter().all(|m| *m == Default::default()));
}

#[test]
fn the_gpu_ramp_scales_revenue_but_not_power() {
    let mut s = gpu_scenario(3);
    s.retrofit.phases[0].ramp_months = 6;
    let months = gpu_cloud::simulate(&s, &site(2.0, 1_000), &gpu_capex(1.0));
    // k = 0 earns 1/6 of the full $2,018,006.25 = $336,334.375; every GPU already draws power.
    assert!(close(months[12].revenue_usd, 336_334.375, 1e-14));
    assert!(close(months[12].power_cost_usd, 61_109.977_5, 1e-13));
}

// ---------------------------------------------------------------------------------------------
// The whole model: the report, the timeline inside it, break-evens, tornado, verdict.

use minepivot::analysis::sensitivity::INPUTS;
use minepivot::analysis::verdict::{verdict, VerdictInputs};
use minepivot::engine::{pathway_npvs, Buffers, CapexStage, MiningStage, PerPathway};
use minepivot::finance;
use minepivot::report::{BreakEvens, PathwayId, Report};

fn evaluate(s: &Scenario) -> Report {
    minepivot::evaluate(s).unwrap_or_else(|e| panic!("invalid scenario: {e:?}"))
}

fn assert_finite_report(r: &Report) {
    for p in &r.pathways {
        let mut numbers = vec![p.npv_usd, p.pivot_value_usd, p.total_capex_usd, p.total_revenue_usd];
        numbers.extend(p.irr_pct);
        numbers.extend(p.capex_per_it_mw_usd);
        for m in &p.months {
            numbers.extend([
                m.revenue_usd,
                m.mining_revenue_usd,
                m.ai_revenue_usd,
                m.curtailment_credit_usd,
                m.power_cost_usd,
                m.opex_usd,
                m.capex_usd,
                m.tax_usd,
                m.net_cash_flow_usd,
                m.cumulative_usd,
                m.mining_active_pct,
            ]);
        }
        for y in &p.years {
            numbers.extend([y.revenue_usd, y.net_cash_flow_usd, y.cumulative_usd, y.tax_usd]);
        }
        assert!(
            numbers.iter().all(|x| x.is_finite()),
            "{:?} has a non-finite number",
            p.id
        );
    }
    let b = &r.comparison.break_evens;
    for x in [
        b.btc_price_multiple,
        b.btc_price_usd,
        b.lease_usd_per_kw_month,
        b.gpu_rent_usd_per_gpu_hour,
    ]
    .into_iter()
    .flatten()
    {
        assert!(x.is_finite());
    }
    for bar in &r.sensitivity.bars {
        assert!([bar.low_value, bar.high_value, bar.low_delta_usd, bar.high_delta_usd]
            .iter()
            .all(|x| x.is_finite()));
    }
    assert!(r.sensitivity.base_pivot_value_usd.is_finite());
    assert!(!r.comparison.verdict.is_empty() && !r.comparison.verdict.contains("NaN"));
}

#[test]
fn the_ten_year_default_report_has_every_field_filled_and_consistent() {
    let s = ten_years();
    let r = evaluate(&s);
    assert_finite_report(&r);
    let ids: Vec<PathwayId> = r.pathways.iter().map(|p| p.id).collect();
    assert_eq!(ids, PathwayId::ALL);
    for p in &r.pathways {
        assert_eq!(p.months.len(), 120);
        assert_eq!(p.years.len(), 10);
        assert_eq!(p.months[0].month, "2027-01");
        assert_eq!(p.years[9].start_month, "2036-01");
        let net: Vec<f64> = p.months.iter().map(|m| m.net_cash_flow_usd).collect();
        assert_eq!(p.npv_usd, finance::npv(10.0, &net));
        for m in &p.months {
            // revenue = mining + AI + credit; net = revenue − power − opex − capex − tax.
            let revenue = m.mining_revenue_usd
                + m.ai_revenue_usd
                + m.curtailment_credit_usd
                + m.sell_back_usd
                + m.demand_response_usd;
            assert!(close(m.revenue_usd, revenue, 1e-12));
            let net = m.revenue_usd - m.power_cost_usd - m.opex_usd - m.capex_usd - m.tax_usd;
            assert!(close(m.net_cash_flow_usd, net, 1e-9));
            assert_eq!(m.tax_usd, 0.0, "tax is off by default");
        }
        let year_sum: f64 = p.years.iter().map(|y| y.net_cash_flow_usd).sum();
        assert!(close(year_sum, p.total_net_cash_flow_usd, 1e-9));
        assert!(close(p.years[9].cumulative_usd, p.months[119].cumulative_usd, 1e-12));
        assert!(close(p.pivot_value_usd, p.npv_usd - r.pathways[0].npv_usd, 1e-12));
    }
    // The mining pathway invests nothing; the AI pathways spend the whole retrofit bill
    // (construction from month 0 over 12 months: inside the horizon).
    assert_eq!(r.pathways[0].capex_per_it_mw_usd, None);
    // (net of the ASICs sold as construction starts, shown apart)
    let sales: f64 = r.pathways[1].months.iter().map(|m| m.asset_sales_usd).sum();
    assert!(sales > 0.0);
    assert!(close(r.pathways[1].total_capex_usd + sales, r.capex.total_usd, 1e-12));
    assert!(close(
        r.pathways[1].capex_per_it_mw_usd.unwrap(),
        r.capex.total_usd / r.site.it_capacity_mw,
        1e-12
    ));
    // The fast path gives the report's NPVs exactly.
    let fast = pathway_npvs(&s);
    assert_eq!(
        [fast.mining, fast.colocation, fast.gpu_cloud],
        [r.pathways[0].npv_usd, r.pathways[1].npv_usd, r.pathways[2].npv_usd]
    );
    // Best pathways agree with the NPVs.
    let best = r
        .pathways
        .iter()
        .max_by(|a, b| a.npv_usd.total_cmp(&b.npv_usd))
        .unwrap()
        .id;
    assert_eq!(r.comparison.best_pathway, best);
    assert_eq!(r.sensitivity.pathway, r.comparison.best_ai_pathway);
}

#[test]
fn the_timeline_inside_the_full_model() {
    // 60 % converted; construction starts in month 6 and takes 10 months → commissioning in
    // month 16; ramp over 4 months.
    let mut s = Scenario::default();
    s.retrofit.converted_share_pct = 60.0;
    s.retrofit.phases[0].construction_start_month = 6;
    s.retrofit.phases[0].build_months = 10;
    s.retrofit.phases[0].ramp_months = 4;
    let r = evaluate(&s);
    let (mining, colo, gpu) = (&r.pathways[0], &r.pathways[1], &r.pathways[2]);
    for m in 0..6 {
        // Before construction every pathway is the whole mining site.
        assert_eq!(
            colo.months[m].net_cash_flow_usd, mining.months[m].net_cash_flow_usd,
            "month {m}"
        );
        assert_eq!(gpu.months[m].mining_active_pct, mining.months[m].mining_active_pct);
    }
    let per_month = r.capex.total_usd / 10.0;
    // The 40 MW of grid left carry 40 ÷ 96.3606 MW (the fleet's facility load: 91.772 MW of
    // ASICs × PUE 1.05) = 41.51 % of the fleet.
    let kept = 40.0 / (91.772 * 1.05);
    for m in 6..16 {
        // Facility capex spread evenly; no AI revenue yet; 41.51 % of the fleet at most mines.
        let gross = colo.months[m].capex_usd + colo.months[m].asset_sales_usd;
        assert!(close(gross, per_month, 1e-12), "month {m}");
        assert_eq!(colo.months[m].ai_revenue_usd, 0.0);
        assert!(colo.months[m].mining_active_pct <= 100.0 * kept + 1e-9);
        assert!(close(
            colo.months[m].mining_active_pct,
            kept * mining.months[m].mining_active_pct,
            1e-9
        ));
    }
    assert_eq!(colo.months[16].capex_usd, 0.0);
    // Colocation revenue: IT MW × 1000 × $130 × ramp (k + 1)/4 in operating month k = 0.
    let full = r.site.it_capacity_mw * 1000.0 * 130.0;
    assert!(close(colo.months[16].ai_revenue_usd, full / 4.0, 1e-12));
    assert!(close(colo.months[19].ai_revenue_usd, full, 1e-12));
    // The GPUs are bought in the commissioning month.
    assert!(close(gpu.months[16].capex_usd, r.capex.gpu_cloud.total_usd, 1e-12));
    // The fleet the remaining 40 MW carry keeps mining the whole horizon.
    assert!(colo.months[100].mining_active_pct <= 100.0 * kept + 1e-9);
}

#[test]
fn nothing_converted_makes_every_pathway_the_mining_site() {
    let mut s = Scenario::default();
    s.retrofit.converted_share_pct = 0.0;
    let r = evaluate(&s);
    assert_finite_report(&r);
    assert_eq!(r.pathways[1].npv_usd, r.pathways[0].npv_usd);
    assert_eq!(r.pathways[2].npv_usd, r.pathways[0].npv_usd);
    assert_eq!(r.comparison.best_pathway, PathwayId::Mining);
    assert!(
        r.comparison.verdict.starts_with("No share of the site is converted"),
        "{}",
        r.comparison.verdict
    );
    let b = &r.comparison.break_evens;
    assert_eq!(
        (
            b.btc_price_multiple,
            b.lease_usd_per_kw_month,
            b.gpu_rent_usd_per_gpu_hour
        ),
        (None, None, None)
    );
    assert!(!b.notes.is_empty());
}

/// A scenario where colocation beats mining (a 20-year horizon holds most of the lease).
fn colocation_wins() -> Scenario {
    Scenario {
        horizon_years: 20,
        ..Scenario::default()
    }
}

fn assert_equal_within_0_1_pct(a: f64, b: f64, what: &str) {
    let gap = (a - b).abs();
    assert!(gap <= 1e-3 * a.abs().max(b.abs()), "{what}: {a} vs {b}");
}

/// A refresh rent of its own equal to the market rent, for the same system, is the same
/// scenario: the same NPVs, and the same GPU rent break-even, since the break-even moves the
/// refresh rent with the rent it stands in for (it moved only the rent before, $3.63 → $4.03).
#[test]
fn a_same_system_refresh_rent_moves_with_the_rent_at_the_break_even() {
    let s = Scenario::default();
    let mut own = s.clone();
    own.gpu_cloud.refresh_rent_usd_per_gpu_hour = s.gpu_cloud.rent_usd_per_gpu_hour;
    let (a, b) = (evaluate(&s), evaluate(&own));
    for (x, y) in a.pathways.iter().zip(&b.pathways) {
        assert_eq!(x.npv_usd, y.npv_usd, "{:?}", x.id);
    }
    let (ra, rb) = (
        a.comparison.break_evens.gpu_rent_usd_per_gpu_hour.unwrap(),
        b.comparison.break_evens.gpu_rent_usd_per_gpu_hour.unwrap(),
    );
    assert!(close(ra, rb, 1e-9), "{ra} vs {rb}");
}

#[test]
fn each_break_even_plugged_back_in_equalises_the_two_npvs() {
    for (name, s) in [("default", Scenario::default()), ("colocation wins", colocation_wins())] {
        let r = evaluate(&s);
        let b = &r.comparison.break_evens;
        let ai = r.comparison.best_ai_pathway;

        let lease = b
            .lease_usd_per_kw_month
            .unwrap_or_else(|| panic!("{name}: {:?}", b.notes));
        let mut at = s.clone();
        at.colocation.lease_usd_per_kw_month = lease;
        let n = pathway_npvs(&at);
        assert_equal_within_0_1_pct(n.colocation, n.mining, &format!("{name}: lease ${lease}"));

        let rent = b
            .gpu_rent_usd_per_gpu_hour
            .unwrap_or_else(|| panic!("{name}: {:?}", b.notes));
        let mut at = s.clone();
        minepivot::analysis::breakeven::set_gpu_rent(&mut at, &s, rent);
        let n = pathway_npvs(&at);
        assert_equal_within_0_1_pct(n.gpu_cloud, n.mining, &format!("{name}: GPU rent ${rent}"));

        if let Some(k) = b.btc_price_multiple {
            let mut at = s.clone();
            at.bitcoin.btc_price_usd *= k;
            assert!(close(b.btc_price_usd.unwrap(), at.bitcoin.btc_price_usd, 1e-12));
            let n = pathway_npvs(&at);
            assert_equal_within_0_1_pct(n.mining, n[ai], &format!("{name}: BTC × {k}"));
        }
    }
}

#[test]
fn the_btc_break_even_exists_when_colocation_wins_and_lies_above_today() {
    let r = evaluate(&colocation_wins());
    assert_eq!(r.comparison.best_pathway, PathwayId::Colocation);
    let k = r.comparison.break_evens.btc_price_multiple.unwrap();
    // Mining loses today, so the price path must be higher for it to catch up.
    assert!(k > 1.0, "{k}");
    let v = &r.comparison.verdict;
    assert!(
        v.starts_with("Leasing 100 % of the site as AI colocation beats mining by $"),
        "{v}"
    );
    assert!(
        v.contains("pays back in") && v.contains("mining would need BTC at $"),
        "{v}"
    );
}

#[test]
fn the_tornado_is_sorted_and_its_cached_reruns_match_full_reruns() {
    let s = Scenario::default();
    let r = evaluate(&s);
    let t = &r.sensitivity;
    assert_eq!(t.pct, 20.0);
    let swings: Vec<f64> = t
        .bars
        .iter()
        .map(|b| (b.high_delta_usd - b.low_delta_usd).abs())
        .collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    // Colocation is tested, so GPU inputs are left out.
    assert!(t.bars.iter().all(|b| !b.field.starts_with("gpuCloud.")));
    // Lease ±20 %: $130 → $104 and $156; the lease bar's values.
    let lease = t
        .bars
        .iter()
        .find(|b| b.field == "colocation.leaseUsdPerKwMonth")
        .unwrap();
    assert!(close(lease.low_value, 104.0, 1e-12) && close(lease.high_value, 156.0, 1e-12));
    // The pivot is linear in the rent (NNN, tax off): the bar is symmetric.
    assert!(close(lease.high_delta_usd, -lease.low_delta_usd, 1e-9));

    // Every cached re-run equals a full re-run of the model with the input moved.
    let mining = MiningStage::new(&s);
    let capex = CapexStage::new(&s);
    let mut buf = Buffers::default();
    let mut scratch = s.clone();
    for input in INPUTS.iter().filter(|i| i.field != "retrofit.costOverrides") {
        for pct in [-20.0, 20.0] {
            let value = input.moved(&s, pct);
            let cached = input.npvs_at(&mut scratch, value, &mining, &capex, &mut buf);
            assert_eq!(scratch, s, "{} left the scenario changed", input.field);
            let mut moved = s.clone();
            assert!(input.set(&mut moved, value));
            let full = pathway_npvs(&moved);
            for i in PathwayId::ALL {
                assert!(
                    close(cached[i], full[i], 1e-9),
                    "{} {pct}: {cached:?} vs {full:?}",
                    input.field
                );
            }
        }
    }
}

#[test]
fn over_ten_years_the_default_verdict_says_mining_wins_and_what_the_lease_would_need() {
    let r = evaluate(&ten_years());
    let v = &r.comparison.verdict;
    assert_eq!(r.comparison.best_pathway, PathwayId::Mining, "{v}");
    assert!(
        v.starts_with("Keeping the whole site mining beats the colocation lease by $"),
        "{v}"
    );
    assert!(v.contains("per kW-month (vs $130.00 assumed) to match"), "{v}");
}

fn verdict_of(
    s: &Scenario,
    npvs: [f64; 3],
    best_ai: PathwayId,
    payback: Option<u32>,
    note: Option<&str>,
    b: &BreakEvens,
) -> String {
    verdict(&VerdictInputs {
        scenario: s,
        npvs: PerPathway {
            mining: npvs[0],
            colocation: npvs[1],
            gpu_cloud: npvs[2],
        },
        best_ai,
        payback_months: payback,
        payback_note: note,
        break_evens: b,
    })
}

#[test]
fn the_verdict_has_words_for_every_case() {
    let s = ten_years();
    let found = BreakEvens {
        btc_price_multiple: Some(2.5),
        btc_price_usd: Some(195_000.0),
        lease_usd_per_kw_month: Some(118.25),
        gpu_rent_usd_per_gpu_hour: Some(4.1),
        power_price_usd_per_mwh: None,
        price_shape_pct: None,
        notes: vec![],
    };
    let none = BreakEvens::default();

    // AI wins by 250 − 100 = $150 M, pays back, mining needs 2.5 × $78,000 = $195,000.
    let v = verdict_of(&s, [100e6, 250e6, -5e6], PathwayId::Colocation, Some(40), None, &found);
    assert_eq!(
        v,
        "Leasing 100 % of the site as AI colocation beats mining by $150.0 M NPV at 10 %; it pays back in 40 months; mining would need BTC at $195,000 (2.50× today's path of $78,000) to match, with the network hashrate following miners' revenue."
    );
    // At a fixed hashrate growth the verdict says so: a dearer bitcoin draws no more hashrate.
    let mut fixed = s.clone();
    fixed.bitcoin.hashrate_model = minepivot::scenario::HashrateModel::FixedGrowth;
    let v = verdict_of(
        &fixed,
        [100e6, 250e6, -5e6],
        PathwayId::Colocation,
        Some(40),
        None,
        &found,
    );
    assert!(
        v.ends_with("to match, with the network hashrate growing 25 % a year whatever mining pays."),
        "{v}"
    );
    // No payback within the horizon, no BTC break-even.
    let v = verdict_of(
        &s,
        [100e6, 250e6, -5e6],
        PathwayId::Colocation,
        None,
        Some("does not pay back within the horizon"),
        &none,
    );
    assert!(v.contains("it does not pay back within the 10-year horizon; no BTC price up to 100× today's path would let mining match."), "{v}");
    // Never negative: nothing to pay back.
    let v = verdict_of(
        &s,
        [100e6, 250e6, -5e6],
        PathwayId::Colocation,
        None,
        Some("nothing to pay back: the cumulative cash flow is never negative"),
        &none,
    );
    assert!(v.contains("its cumulative cash flow never goes negative"), "{v}");
    // The GPU cloud wins.
    let v = verdict_of(&s, [100e6, 50e6, 1.6e9], PathwayId::GpuCloud, Some(30), None, &found);
    assert!(
        v.starts_with("Running an own GPU cloud on 100 % of the site beats mining by $1.50 B NPV at 10 %"),
        "{v}"
    );

    // Mining wins over the GPU cloud: the rent it would need, and the BTC path that tips it.
    let v = verdict_of(&s, [300e6, 50e6, 100e6], PathwayId::GpuCloud, None, None, &found);
    assert_eq!(
        v,
        "Keeping the whole site mining beats the GPU cloud by $200.0 M NPV at 10 %; the GPU cloud would need $4.10 per GPU-hour (vs $2.91 assumed) to match; the GPU cloud would also win if BTC followed a path at 2.50× today's ($195,000), with the network hashrate following miners' revenue."
    );
    // … and with no break-even at all.
    let v = verdict_of(&s, [300e6, 100e6, 50e6], PathwayId::Colocation, None, None, &none);
    assert!(v.contains("no lease up to $10000 per kW-month would make the colocation lease match; no BTC price down to 0.01× today's path would tip it."), "{v}");

    // A tie.
    let v = verdict_of(&s, [100e6, 100e6, 50e6], PathwayId::Colocation, None, None, &none);
    assert!(
        v.contains("is worth the same as mining: $100.0 M NPV at 10 % either way"),
        "{v}"
    );
    // A hybrid share is named.
    let mut hybrid = s.clone();
    hybrid.retrofit.converted_share_pct = 62.5;
    let v = verdict_of(
        &hybrid,
        [100e6, 250e6, -5e6],
        PathwayId::Colocation,
        Some(40),
        None,
        &found,
    );
    assert!(v.starts_with("Leasing 62.5 % of the site as AI colocation"), "{v}");
    let v = verdict_of(&hybrid, [300e6, 100e6, 50e6], PathwayId::Colocation, None, None, &found);
    assert!(
        v.starts_with("Keeping the whole site mining beats the colocation lease on 62.5 % of it by $200.0 M"),
        "{v}"
    );
}

#[test]
fn the_capex_bar_moves_the_pivot_by_the_present_value_of_the_extra_capex() {
    let s = Scenario::default();
    let r = evaluate(&s);
    let bar = r
        .sensitivity
        .bars
        .iter()
        .find(|b| b.field == "retrofit.costOverrides")
        .unwrap();
    assert_eq!((bar.low_value, bar.high_value), (0.8, 1.2));
    // +20 % on a facility bill F spent as F/12 in months 0…11 lowers colocation's NPV (and the
    // pivot; mining is unaffected) by 0.2 × Σ_{m=0..11} (F/12) / 1.1^((m+1)/12).
    let f = r.capex.total_usd;
    let pv: f64 = (0..12).map(|m| f / 12.0 / 1.1_f64.powf((m as f64 + 1.0) / 12.0)).sum();
    assert!(
        close(bar.high_delta_usd, -0.2 * pv, 1e-9),
        "{} vs {}",
        bar.high_delta_usd,
        -0.2 * pv
    );
    assert!(close(bar.low_delta_usd, 0.2 * pv, 1e-9));
}

#[test]
fn tax_lowers_a_profitable_pathway_and_is_never_negative() {
    let mut s = colocation_wins();
    // Without the ASICs sold at conversion, a taxable gain in month 0.
    s.mining.sell_asics_at_conversion = false;
    let before = evaluate(&s);
    s.finance.tax_enabled = true;
    let after = evaluate(&s);
    assert_finite_report(&after);
    assert!(after.pathways[1].npv_usd < before.pathways[1].npv_usd);
    for p in &after.pathways {
        assert!(p.months.iter().all(|m| m.tax_usd >= 0.0));
    }
    // In the build year the colocation pathway makes losses: no tax.
    assert!(after.pathways[1].months[..12].iter().all(|m| m.tax_usd == 0.0));
}

#[test]
fn sample_sites_and_edge_cases_give_finite_reports() {
    let mut cases: Vec<Scenario> = minepivot::presets::sample_sites()
        .into_iter()
        .map(|s| s.scenario)
        .collect();
    let mut late = ten_years();
    late.retrofit.phases[0].construction_start_month = 110;
    late.retrofit.phases[0].build_months = 24;
    cases.push(late.clone());
    let mut empty = Scenario::default();
    empty.mining.fleet.clear();
    cases.push(empty);
    let mut gross = Scenario::default();
    gross.colocation.lease_type = LeaseType::Gross;
    gross.colocation.after_term = LeaseEnd::Vacate;
    gross.colocation.lease_term_years = 3;
    gross.gpu_cloud.end_of_life = GpuEnd::Retire;
    gross.finance.tax_enabled = true;
    cases.push(gross);
    let mut one_year = Scenario {
        horizon_years: 1,
        ..Scenario::default()
    };
    // A loan must be repaid inside the horizon: one-year tenors.
    one_year.colocation.debt.tenor_years = 1;
    one_year.gpu_cloud.debt.tenor_years = 1;
    cases.push(one_year);
    for s in &cases {
        let r = evaluate(s);
        assert_finite_report(&r);
    }
    // Construction running past the horizon is flagged: 110 + 24 = month 134 > 120.
    let r = evaluate(&late);
    assert!(r.warnings.iter().any(|w| w.code == "commissioningAfterHorizon"));
    assert!(r.pathways[1].months.iter().all(|m| m.ai_revenue_usd == 0.0));
}

/// The default site over 10 years (the default horizon is 15, the lease term): the worked
/// numbers above were derived for 120 months.
fn ten_years() -> Scenario {
    Scenario {
        horizon_years: 10,
        ..Scenario::default()
    }
}

/// The tornado's ranges (src/analysis/sensitivity.rs) are validate's ranges (src/validate.rs):
/// each end is accepted, and a step beyond it is refused at that field, so a tornado never
/// moves an input to a value the user could not type and the two tables cannot drift apart.
#[test]
fn every_tornado_range_is_exactly_the_range_validate_accepts() {
    let base = Scenario::default();
    let errors_at = |s: &Scenario, field: &str| {
        minepivot::validate::validate(s)
            .into_iter()
            .filter(|e| e.field == field)
            .map(|e| e.message)
            .collect::<Vec<_>>()
    };
    for input in INPUTS.iter().filter(|i| i.field != "retrofit.costOverrides") {
        let field = minepivot::fields::get(input.field).expect("a registry field");
        let (min, max) = input.range();
        let step = if field.kind == minepivot::fields::Kind::Whole {
            1.0
        } else {
            1e-6 * max.abs().max(1.0)
        };
        for (inside, outside) in [(min, field.min - step), (max, max + step)] {
            let mut s = base.clone();
            assert!(input.set(&mut s, inside), "{}", input.field);
            assert_eq!(
                errors_at(&s, input.field),
                Vec::<String>::new(),
                "{} = {inside}",
                input.field
            );
            let mut s = base.clone();
            // A count below 0 cannot be held by its field's type at all: nothing to refuse.
            if input.set(&mut s, outside) && input.value(&s) == outside {
                assert!(
                    !errors_at(&s, input.field).is_empty(),
                    "{} = {outside} is accepted",
                    input.field
                );
            }
        }
    }
}

/// Construction that starts in month 6: months 0–5 are the whole site mining, as in the mining
/// pathway, and are no part of the retrofit's return. The IRR is the rate that zeroes the
/// flows from month 6 on, and the payback is the first month (counted from month 0) in which
/// the cash since month 6 has turned ≥ 0 again.
#[test]
fn irr_and_payback_measure_the_retrofit_from_the_month_its_spending_starts() {
    let mut s = Scenario::default();
    s.retrofit.phases[0].construction_start_month = 6;
    let r = evaluate(&s);
    let colo = r.pathways.iter().find(|p| p.id == PathwayId::Colocation).unwrap();
    assert!(colo.months[..6]
        .iter()
        .all(|m| m.capex_usd == 0.0 && m.net_cash_flow_usd > 0.0));
    assert!(colo.months[6].capex_usd > 0.0);

    let flows: Vec<f64> = colo.months[6..].iter().map(|m| m.net_cash_flow_usd).collect();
    let irr = colo.irr_pct.expect("a retrofit that earns its money back has an IRR");
    assert_eq!(colo.irr_note, None);
    assert!(irr > 0.0 && irr < 100.0, "{irr}");
    // The defining property, to a millionth of the capex: NPV at the IRR is zero.
    assert!(
        finance::npv(irr, &flows).abs() < 1e-6 * colo.total_capex_usd,
        "{}",
        finance::npv(irr, &flows)
    );

    let payback = colo.payback_months.expect("pays back") as usize;
    let since_start: Vec<f64> = flows
        .iter()
        .scan(0.0, |c, f| {
            *c += f;
            Some(*c)
        })
        .collect();
    // Reported as months from month 0 to the end of the recovering month: index payback − 1.
    let j = payback - 1 - 6;
    assert!(since_start[..j].iter().all(|&c| c < 0.0) && since_start[j] >= 0.0);
}

/// Four years of mining at $600,000 BTC before the build: the cash they bring is not allowed to
/// pay for the retrofit ahead of time. Counted from month 0 the cumulative cash flow would
/// never go negative ("nothing to pay back") although $729.6 M is spent.
#[test]
fn mining_cash_before_a_late_build_does_not_pay_for_the_retrofit() {
    let mut s = Scenario {
        horizon_years: 20,
        ..Scenario::default()
    };
    s.bitcoin.btc_price_usd = 600_000.0;
    // A network that does not rush in at that price: the fixed growth of the example.
    s.bitcoin.hashrate_model = minepivot::scenario::HashrateModel::FixedGrowth;
    s.retrofit.phases[0].construction_start_month = 48;
    let r = evaluate(&s);
    let colo = r.pathways.iter().find(|p| p.id == PathwayId::Colocation).unwrap();
    assert!(
        colo.months.iter().all(|m| m.cumulative_usd >= 0.0),
        "the premise: never negative from month 0"
    );
    let payback = colo.payback_months.expect("the retrofit pays back within 20 years");
    assert!(payback > 48 + s.retrofit.phases[0].build_months, "{payback}");
    assert!(colo.irr_pct.is_some(), "{:?}", colo.irr_note);
    assert!(
        !r.comparison.verdict.contains("never goes negative"),
        "{}",
        r.comparison.verdict
    );
}

/// The horizon warning suggests a longer horizon only where there is one to choose.
#[test]
fn the_horizon_warning_offers_a_longer_horizon_only_below_the_longest() {
    let message = |years: u32| {
        let s = Scenario {
            horizon_years: years,
            ..Scenario::default()
        };
        let r = evaluate(&s);
        r.warnings
            .iter()
            .find(|w| w.code == "valueAfterHorizon")
            .map(|w| w.message.clone())
    };
    // 15-year lease, renewable, from month 12: it outlives every horizon.
    let fifteen = message(15).expect("a renewable lease outlives 15 years");
    assert!(
        fifteen.ends_with("a longer horizon (up to 30 years) shows the difference too."),
        "{fifteen}"
    );
    let thirty = message(30).expect("a renewable lease outlives 30 years");
    assert!(
        thirty.ends_with("30 years is the longest horizon the model takes."),
        "{thirty}"
    );
}

/// A 200 MW grid half converted: the 100 MW converted are the default site's 100 MW (same
/// bill, same tenant), and the 100 MW left carry the whole 96.4 MW fleet, so each AI pathway
/// is the default site's AI pathway (nothing left mining there) plus the whole mining pathway.
#[test]
fn a_grid_with_room_to_spare_keeps_its_whole_fleet_mining_beside_the_ai_halls() {
    // The default site sells its converted fleet; here nothing is converted out of the fleet,
    // so the identity holds for fleets kept.
    let mut base = Scenario::default();
    base.mining.sell_asics_at_conversion = false;
    let default = evaluate(&base);
    let mut s = base.clone();
    s.site.grid_capacity_mw = 200.0;
    s.retrofit.converted_share_pct = 50.0;
    let r = evaluate(&s);
    assert_eq!(r.capex.total_usd, default.capex.total_usd);
    let mining = default.pathways[0].npv_usd;
    assert_eq!(r.pathways[0].npv_usd, mining);
    for i in [1, 2] {
        let (got, want) = (r.pathways[i].npv_usd, default.pathways[i].npv_usd + mining);
        assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{i}: {got} vs {want}");
    }
    // Month by month the fleet mines as in the mining pathway.
    for (c, m) in r.pathways[1].months.iter().zip(&r.pathways[0].months) {
        assert_eq!(c.mining_revenue_usd, m.mining_revenue_usd);
    }
}

#[test]
fn at_npvs_of_1e22_the_tornado_says_which_changes_are_rounding_and_shows_them_as_0() {
    // BTC at +300 %/yr for 30 years with a flat network: 78,000 × 4³⁰ ≈ 9 × 10²² USD a coin,
    // and a mining NPV of ~3.5 × 10²² USD. A billionth of that, ~3.5 × 10¹³ USD, is where the
    // 16 digits of a float end: the power price, the lease and the build cannot move the pivot
    // by that much, so their bars are exactly 0 (not noise that differs between machines).
    // (3.485 × 10²² × 10⁻⁹ = 3.485 × 10¹³ USD = $34.85 T.)
    let mut s = Scenario {
        horizon_years: 30,
        ..Scenario::default()
    };
    s.bitcoin.btc_price_growth_pct_per_year = 300.0;
    s.bitcoin.hashrate_model = minepivot::scenario::HashrateModel::FixedGrowth;
    s.bitcoin.network_hashrate_growth_pct_per_year = 0.0;
    // The flat 3 % curtailment of the figures above.
    s.power = minepivot::scenario::Power::flat();
    let r = evaluate(&s);
    assert!(r.pathways[0].npv_usd > 1e22);
    let t = &r.sensitivity;
    let note = t.note.as_deref().expect("a note");
    assert!(
        note.starts_with("The NPVs reach $3.49e22: changes smaller than $34.85 T"),
        "{note}"
    );
    for field in [
        "site.powerPriceUsdPerMwh",
        "colocation.leaseUsdPerKwMonth",
        "retrofit.phases[].buildMonths",
    ] {
        let bar = t.bars.iter().find(|b| b.field == field).expect(field);
        assert_eq!((bar.low_delta_usd, bar.high_delta_usd), (0.0, 0.0), "{field}");
    }
    // At the defaults nothing is rounded away and there is no note.
    assert_eq!(evaluate(&Scenario::default()).sensitivity.note, None);
}

#[test]
fn payback_counts_from_the_first_capex_month_and_cumulative_from_month_0() {
    // Construction starts in month 24 on a site that loses money before it (power at $200/MWh
    // with the shutdown off): the colocation retrofit pays back counted from month 24, while
    // the report's cumulative cash flow, counted from month 0, still carries the two years of
    // mining losses in that month. The report says so (CashFlowMonth.cumulativeUsd docs).
    let mut s = Scenario::default();
    s.site.power_price_usd_per_mwh = 200.0;
    s.mining.shutdown_when_unprofitable = false;
    s.retrofit.phases[0].construction_start_month = 24;
    let r = evaluate(&s);
    let colocation = &r.pathways[1];
    // `paybackMonths` = p months from the start of month 0: recovered at the end of month p − 1.
    let p = colocation.payback_months.expect("pays back") as usize;
    let from_capex: f64 = colocation.months[24..p].iter().map(|m| m.net_cash_flow_usd).sum();
    let before: f64 = colocation.months[24..p - 1].iter().map(|m| m.net_cash_flow_usd).sum();
    assert!(from_capex >= 0.0 && before < 0.0, "{before} → {from_capex}");
    assert!(colocation.months[p - 1].cumulative_usd < 0.0);
    let pre_build: f64 = colocation.months[..24].iter().map(|m| m.net_cash_flow_usd).sum();
    assert!(pre_build < 0.0);
    assert!((colocation.months[p - 1].cumulative_usd - (pre_build + from_capex)).abs() < 1e-3);
}
