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
    s.retrofit.construction_start_month = 0;
    s.retrofit.build_months = build;
    s.retrofit.ramp_months = 0;
    s.site.power_price_usd_per_mwh = 45.0;
    s.site.power_price_escalation_pct_per_year = 0.0;
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
    // 50,000 kW × $140 = $7.0 M a month in year 1; × 1.03 = $7.21 M in year 2.
    assert!(close(months[12].revenue_usd, 7_000_000.0, 1e-15));
    assert!(close(months[24].revenue_usd, 7_210_000.0, 1e-14));
}

#[test]
fn the_ramp_scales_the_first_months_and_the_escalator_counts_from_the_lease_start() {
    let mut s = flat(3, 12);
    s.retrofit.ramp_months = 4;
    s.colocation.escalator_pct_per_year = 3.0;
    let months = colocation::simulate(&s, &site(10.0, 0));
    // Full month: 10,000 kW × $140 = $1.4 M; ramp (k + 1)/4 → 0.35, 0.7, 1.05, 1.4 M.
    let expected = [350_000.0, 700_000.0, 1_050_000.0, 1_400_000.0, 1_400_000.0];
    for (k, e) in expected.iter().enumerate() {
        assert!(close(months[12 + k].revenue_usd, *e, 1e-14), "k={k}");
    }
    // Lease month 12 (model month 24) is the first of lease year 2: 1.4 M × 1.03 = 1.442 M.
    assert!(close(months[24].revenue_usd, 1_442_000.0, 1e-14));
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
    // Revenue is the same either way: 10,000 kW × 140 × 0.8 = $1.12 M.
    assert!(close(gross[12].revenue_usd, 1_120_000.0, 1e-15));
    assert_eq!(gross[12].revenue_usd, nnn[12].revenue_usd);
}

#[test]
fn after_the_term_renew_keeps_escalating_and_vacate_empties_the_halls() {
    let mut s = flat(4, 12);
    s.colocation.lease_term_years = 2;
    s.colocation.escalator_pct_per_year = 3.0;
    let it = site(10.0, 0);
    let renew = colocation::simulate(&s, &it);
    // Lease year 3 (months 36…47) under renewal: $1.4 M × 1.03² = $1,485,260.
    assert!(close(renew[36].revenue_usd, 1_485_260.0, 1e-14));
    s.colocation.after_term = LeaseEnd::Vacate;
    let vacate = colocation::simulate(&s, &it);
    assert!(close(vacate[35].revenue_usd, 1_442_000.0, 1e-14));
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

/// 1,000 B200s, $3.25/GPU-hour, 85 % sold, 80 % load, PUE 1.3, $45/MWh flat.
fn gpu_scenario(horizon_years: u32) -> Scenario {
    let mut s = flat(horizon_years, 12);
    s.retrofit.pue = 1.3;
    let g = &mut s.gpu_cloud;
    g.system = GpuSystem::B200;
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
    // starts in month 72, bought again, at the starting rent.
    let refresh = gpu_cloud::simulate(&s, &it, &capex);
    assert_eq!(refresh[72].capex_usd, 60_000_000.0);
    assert_eq!(refresh[72].revenue_usd, refresh[12].revenue_usd);
    assert!(refresh[71].revenue_usd < 0.25 * refresh[12].revenue_usd);
    s.gpu_cloud.end_of_life = GpuEnd::Retire;
    let retire = gpu_cloud::simulate(&s, &it, &capex);
    assert_eq!(retire[71], refresh[71]);
    assert!(retire[72..].iter().all(|m| *m == Default::default()));
}

#[test]
fn the_gpu_ramp_scales_revenue_but_not_power() {
    let mut s = gpu_scenario(3);
    s.retrofit.ramp_months = 6;
    let months = gpu_cloud::simulate(&s, &site(2.0, 1_000), &gpu_capex(1.0));
    // k = 0 earns 1/6 of the full $2,018,006.25 = $336,334.375; every GPU already draws power.
    assert!(close(months[12].revenue_usd, 336_334.375, 1e-14));
    assert!(close(months[12].power_cost_usd, 61_109.977_5, 1e-13));
}
