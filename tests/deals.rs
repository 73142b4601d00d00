#![cfg(not(target_arch = "wasm32"))]
//! Deals through the whole model: project debt and equity returns, the value at the horizon,
//! per-pathway discount rates and the verdict's basis (docs/methodology-pathways.md "Project
//! debt", "Value at the horizon", "Verdict basis"). The loan schedule alone is tested in
//! tests/debt.rs against golden schedules.

use minepivot::engine::{terminal_value, MonthFlow};
use minepivot::finance;
use minepivot::report::{PathwayId, PathwayReport, Report, SiteReport};
use minepivot::scenario::{Amortisation, Basis, GpuEnd, LeaseType, Scenario};
use minepivot::validate::{validate, ErrorCode};
use proptest::prelude::*;

fn evaluate(s: &Scenario) -> Report {
    minepivot::evaluate(s).unwrap_or_else(|e| panic!("invalid scenario: {e:?}"))
}

fn pathway(r: &Report, id: PathwayId) -> &PathwayReport {
    r.pathways
        .iter()
        .find(|p| p.id == id)
        .expect("every pathway is reported")
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// The exit value of a lease by hand. 10 MW of critical IT leased at $100/kW-month, 3 % a year
/// from the lease start, 100 % occupied, modified gross, landlord opex $120,000 per MW-year; built in
/// months 0–11, commissioned in month 12; 15-year horizon (months 0–179).
/// - The twelve months after the horizon are months 180–191, lease months k = 168–179, lease
///   year ⌊k/12⌋ = 14: rent = 10 × 1,000 × 100 × 1.03¹⁴ = 1,000,000 × 1.512589725 = $1,512,589.72
///   a month; opex = 10 × 120,000 ÷ 12 = $100,000 a month.
/// - NOI = 12 × 1,412,589.72 = $16,951,076.70; ÷ 6 % = $282,517,944.97; less 2 % selling costs
///   = **$276,867,586.07**.
#[test]
fn the_exit_value_of_a_lease_by_hand() {
    let mut s = Scenario::default();
    let c = &mut s.colocation;
    c.lease_usd_per_kw_month = 100.0;
    c.escalator_pct_per_year = 3.0;
    c.occupancy_pct = 100.0;
    c.lease_type = LeaseType::ModifiedGross;
    c.landlord_opex_usd_per_mw_it_year = 120_000.0;
    c.exit_cap_rate_pct = 6.0;
    c.selling_cost_pct = 2.0;
    let site = SiteReport {
        it_capacity_mw: 10.0,
        ..SiteReport::default()
    };
    let flows = vec![MonthFlow::default(); 180];
    let value = terminal_value(&s, PathwayId::Colocation, &site, &flows, 0.0);
    assert!(close(value, 276_867_586.07, 0.01), "{value}");
    // Mining carries its fleet's value only (here none); an unbuilt hall has none.
    assert_eq!(terminal_value(&s, PathwayId::Mining, &site, &flows, 0.0), 0.0);
    assert_eq!(terminal_value(&s, PathwayId::Mining, &site, &flows, 5.0), 5.0);
    s.retrofit.phases[0].build_months = 180;
    assert_eq!(terminal_value(&s, PathwayId::Colocation, &site, &flows, 0.0), 0.0);
}

/// The GPUs' resale value by hand: $100 M of GPUs bought in month 12 and again in month 132
/// (a 10-year refresh would be month 252, after the horizon); at the end of month 179 the
/// second generation is 179 − 132 = 47 months old: 100 M × 0.65^(47/12) = 100 M × 0.185031 =
/// **$18,503,078.02** at a 35 % yearly decline. Retired GPUs past their life are worth nothing.
#[test]
fn the_resale_value_of_the_gpus_by_hand() {
    let mut s = Scenario::default();
    s.gpu_cloud.residual_decline_pct_per_year = 35.0;
    s.gpu_cloud.useful_life_years = 10;
    let mut flows = vec![MonthFlow::default(); 180];
    flows[12].gpu_capex_usd = 100e6;
    flows[132].gpu_capex_usd = 100e6;
    let site = SiteReport::default();
    let value = terminal_value(&s, PathwayId::GpuCloud, &site, &flows, 0.0);
    assert!(close(value, 18_503_078.02, 0.01), "{value}");
    s.gpu_cloud.useful_life_years = 3;
    s.gpu_cloud.end_of_life = GpuEnd::Retire;
    assert_eq!(terminal_value(&s, PathwayId::GpuCloud, &site, &flows, 0.0), 0.0);
}

#[test]
fn the_report_counts_the_value_at_the_horizon_apart_and_in_the_verdict_only_when_asked() {
    let mut s = Scenario::default();
    let off = evaluate(&s);
    let colo = pathway(&off, PathwayId::Colocation);
    assert!(colo.terminal_value_usd > 0.0);
    assert_eq!(colo.value_usd, colo.npv_usd);
    // NPV with it = NPV + value ÷ (1 + r_m)^180 at 10 %/yr.
    let discounted = colo.terminal_value_usd / 1.1f64.powf(15.0);
    assert!(close(colo.npv_with_terminal_value_usd, colo.npv_usd + discounted, 1e-3));
    assert!(colo.irr_with_terminal_value_pct.unwrap() > colo.irr_pct.unwrap());
    s.finance.include_terminal_value = true;
    let on = evaluate(&s);
    let colo_on = pathway(&on, PathwayId::Colocation);
    assert_eq!(colo_on.value_usd, colo.npv_with_terminal_value_usd);
    assert!(on.comparison.terminal_value_included);
    assert!(
        on.comparison.verdict.contains("with the value at the horizon"),
        "{}",
        on.comparison.verdict
    );
    // The pivot value is measured on the same basis as the verdict.
    let mining = pathway(&on, PathwayId::Mining);
    assert!(close(
        colo_on.pivot_value_usd,
        colo_on.value_usd - mining.value_usd,
        1e-6
    ));
}

/// 0 % loan-to-cost is no loan: no financing block, and on the equity basis the value is the
/// project's flows at the cost of equity. A loan of a millionth of the cost moves the equity
/// NPV by about a millionth: the two meet continuously.
#[test]
fn no_loan_leaves_the_equity_flows_equal_to_the_project_flows() {
    let mut s = Scenario::default();
    s.colocation.debt.loan_to_cost_pct = 0.0;
    s.gpu_cloud.debt.loan_to_cost_pct = 0.0;
    s.finance.verdict_basis = Basis::Equity;
    s.finance.cost_of_equity_pct = 15.0;
    let r = evaluate(&s);
    for id in PathwayId::ALL {
        let p = pathway(&r, id);
        assert!(p.financing.is_none(), "{id:?}");
        let net: Vec<f64> = p.months.iter().map(|m| m.net_cash_flow_usd).collect();
        assert!(close(p.value_usd, finance::npv(15.0, &net), 1e-6), "{id:?}");
    }
    s.colocation.debt.loan_to_cost_pct = 1e-4; // 0.0001 %
    s.colocation.debt.amortisation = Amortisation::Annuity;
    let tiny = evaluate(&s);
    let p = pathway(&tiny, PathwayId::Colocation);
    let f = p.financing.as_ref().expect("a loan");
    let unlevered = pathway(&r, PathwayId::Colocation).value_usd;
    assert!(
        close(f.equity_npv_usd, unlevered, 1e-6 * p.total_capex_usd),
        "{} vs {unlevered}",
        f.equity_npv_usd
    );
    for (m, d) in p.months.iter().zip(&f.months) {
        assert!(close(
            d.equity_cash_flow_usd,
            m.net_cash_flow_usd,
            1e-5 * p.total_capex_usd
        ));
    }
}

/// A sculpted loan at the defaults is sized to what the lease carries at 1.40×: every month of
/// repayment covers its debt service exactly 1.40 times, and nothing is owed at the horizon.
#[test]
fn the_default_colocation_loan_is_sculpted_at_its_target_and_repaid() {
    let r = evaluate(&Scenario::default());
    let f = pathway(&r, PathwayId::Colocation)
        .financing
        .as_ref()
        .expect("debt by default");
    assert!(
        f.loan_to_cost_pct <= 80.0 + 1e-9 && f.loan_to_cost_pct > 70.0,
        "{}",
        f.loan_to_cost_pct
    );
    assert!(close(f.min_dscr.unwrap(), 1.4, 1e-9) && close(f.avg_dscr.unwrap(), 1.4, 1e-9));
    assert!(f.balance_at_horizon_usd.abs() < 1e-3);
    // Repayment from month 12 + 6 ramp months = 18, for 120 months: months 18–137.
    let first = f.months.iter().position(|m| m.dscr.is_some()).unwrap();
    let last = f.months.iter().rposition(|m| m.dscr.is_some()).unwrap();
    assert_eq!((first, last), (18, 137));
    assert!(!r
        .warnings
        .iter()
        .any(|w| w.code == "dscrBelowCovenant" && w.field.as_deref() == Some("colocation.debt.loanToCostPct")));
    // Leverage below the project's return raises the equity's: 8 % debt against a ~16.5 % IRR.
    // (The ASICs sold as construction starts make the equity's month 0 an inflow, so its flows
    // change sign twice and have no single IRR: the MIRRs are compared, 22.4 % against 12.6 %.)
    let p = pathway(&r, PathwayId::Colocation);
    assert!(f.equity_irr_pct.is_none() && f.equity_irr_note.is_some());
    assert!(f.equity_mirr_pct.unwrap() > p.mirr_pct.unwrap() + 5.0);
    let mut kept = Scenario::default();
    kept.mining.sell_asics_at_conversion = false;
    let r = evaluate(&kept);
    let p = pathway(&r, PathwayId::Colocation);
    let f = p.financing.as_ref().unwrap();
    assert!(f.equity_irr_pct.unwrap() > p.irr_pct.unwrap() + 5.0);
}

#[test]
fn a_loan_that_outlives_the_horizon_or_a_dscr_target_of_1_is_refused_at_its_path() {
    let mut s = Scenario::default();
    s.colocation.debt.tenor_years = 16;
    let errors = validate(&s);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "colocation.debt.tenorYears");
    assert_eq!(errors[0].code, ErrorCode::Inconsistent);
    assert!(errors[0]
        .message
        .starts_with("must be at most the 15-year horizon (got 16 years)"));
    // Without a loan the tenor is not read.
    s.colocation.debt.loan_to_cost_pct = 0.0;
    assert_eq!(validate(&s), vec![]);

    let mut s = Scenario::default();
    s.gpu_cloud.debt.target_dscr = 1.0;
    let errors = validate(&s);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "gpuCloud.debt.targetDscr");
    assert_eq!(errors[0].code, ErrorCode::OutOfRange);
    assert!(
        errors[0].message.starts_with("must be between 1.01 and 5"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].value, serde_json::json!(1.0));
}

#[test]
fn a_loan_left_owing_at_the_horizon_is_repaid_by_the_equity_and_warned_about() {
    // Interest only over the whole 15-year horizon: the balloon falls after it.
    let mut s = Scenario::default();
    s.colocation.debt.amortisation = Amortisation::InterestOnly;
    s.colocation.debt.tenor_years = 15;
    let r = evaluate(&s);
    let p = pathway(&r, PathwayId::Colocation);
    let f = p.financing.as_ref().unwrap();
    assert!(f.balance_at_horizon_usd > 0.5 * f.loan_usd);
    let last = f.months.last().unwrap();
    let m = p.months.last().unwrap();
    assert!(close(
        last.equity_cash_flow_usd,
        m.net_cash_flow_usd - last.debt_service_usd - last.balance_usd,
        1.0
    ));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "loanNotRepaid" && w.field.as_deref() == Some("colocation.debt.tenorYears")));
}

#[test]
fn per_pathway_rates_discount_each_pathway_at_its_own() {
    let mut s = Scenario::default();
    s.finance.rates_by_pathway = true;
    s.finance.mining_rate_pct = 15.0;
    s.finance.colocation_rate_pct = 8.0;
    s.finance.gpu_cloud_rate_pct = 12.0;
    let r = evaluate(&s);
    for (id, rate) in [
        (PathwayId::Mining, 15.0),
        (PathwayId::Colocation, 8.0),
        (PathwayId::GpuCloud, 12.0),
    ] {
        let p = pathway(&r, id);
        let net: Vec<f64> = p.months.iter().map(|m| m.net_cash_flow_usd).collect();
        assert_eq!(p.discount_rate_pct, rate);
        assert!(close(p.npv_usd, finance::npv(rate, &net), 1e-6));
    }
    assert!(
        r.comparison.verdict.contains("NPV at each pathway's own rate"),
        "{}",
        r.comparison.verdict
    );
}

#[test]
fn the_equity_basis_compares_equity_values_and_says_so() {
    let mut s = Scenario::default();
    s.finance.verdict_basis = Basis::Equity;
    let r = evaluate(&s);
    let colo = pathway(&r, PathwayId::Colocation);
    assert_eq!(colo.value_usd, colo.financing.as_ref().unwrap().equity_npv_usd);
    assert!(
        r.comparison.verdict.contains("equity NPV at a 15 % cost of equity"),
        "{}",
        r.comparison.verdict
    );
    assert_eq!(r.comparison.basis, Basis::Equity);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Borrowing at a rate below the project's IRR raises the equity's IRR; above it, lowers it
    /// (annuity loans, interest paid, no fee, so that the loan's cost is its rate alone).
    #[test]
    fn leverage_moves_the_equity_irr_toward_the_side_of_the_loan_rate(
        lease in 110.0f64..=200.0,
        ltc in 20.0f64..=90.0,
        tenor in 5u32..=12,
    ) {
        let mut s = Scenario::default();
        // Conventional flows (spend, then earn): the ASICs sold as construction starts would
        // make the equity's first month an inflow, where the property does not hold.
        s.mining.sell_asics_at_conversion = false;
        s.colocation.lease_usd_per_kw_month = lease;
        let debt = &mut s.colocation.debt;
        debt.loan_to_cost_pct = ltc;
        debt.tenor_years = tenor;
        debt.amortisation = Amortisation::Annuity;
        debt.upfront_fee_pct = 0.0;
        debt.capitalise_interest = false;
        let project = pathway(&evaluate(&s), PathwayId::Colocation).irr_pct.unwrap();
        let equity_irr = |rate_pct: f64| {
            let mut t = s.clone();
            t.colocation.debt.interest_rate_pct = rate_pct;
            let r = evaluate(&t);
            pathway(&r, PathwayId::Colocation).financing.as_ref().unwrap().equity_irr_pct.unwrap()
        };
        // The loan's nominal rate R compounds to e = (1 + R/12)^12 − 1 a year; R for an
        // effective rate 1.5 points either side of the project's IRR.
        let nominal = |effective_pct: f64| 1200.0 * ((1.0 + effective_pct / 100.0).powf(1.0 / 12.0) - 1.0);
        let below = nominal((project - 1.5).max(0.0));
        let above = nominal(project + 1.5);
        prop_assert!(equity_irr(below) > project, "{} at {below} vs {project}", equity_irr(below));
        prop_assert!(equity_irr(above) < project, "{} at {above} vs {project}", equity_irr(above));
    }
}

/// The disclosed deal of docs/methodology-pathways.md "A disclosed deal": Hut 8's River Bend
/// lease (245 MW of critical IT, 15 years, $7.0 B, NNN, 3 %/yr, three 5-year renewal options;
/// 85 % loan-to-cost). By hand:
/// - year-1 rent: $7.0 B ÷ (245,000 kW × 12 × Σ₀¹⁴ 1.03^y = 18.598914) = $128.0 per kW-month;
/// - contract value at $128 over the 180 months of the base term (months 16–195): 245,000 ×
///   128 × 12 × 18.598914 = **$6,999,143,273.84**;
/// - NNN: the tenant pays power and the building's opex, so the landlord's NOI is the rent
///   itself, $6.999 B (Hut 8 expects $6.9 B: it keeps ≈ 1.4 % of costs the NNN lease does not
///   pass through). The first renewal option runs the horizon's last 8 months at year 16's rent.
#[test]
fn the_disclosed_hut_8_lease_reproduces_its_contract_value_and_noi() {
    let text = include_str!("../docs/examples/hut8-river-bend.json");
    let r = minepivot::evaluate_json(text).unwrap_or_else(|e| panic!("{e:?}"));
    let colo = pathway(&r, PathwayId::Colocation);
    assert!(close(r.site.it_capacity_mw, 245.0, 0.01), "{}", r.site.it_capacity_mw);
    let it_kw = r.site.it_capacity_mw * 1000.0;
    // The model's IT capacity is 330 ÷ 1.3469 = 245.0037 MW: the hand figures scale with it.
    let scale = it_kw / 245_000.0;
    let base_term: Vec<_> = colo.months.iter().filter(|m| (16..196).contains(&m.index)).collect();
    assert!(colo.months[..16].iter().all(|m| m.ai_revenue_usd == 0.0));
    let contract: f64 = base_term.iter().map(|m| m.ai_revenue_usd).sum();
    assert!(close(contract, 6_999_143_273.84 * scale, 1.0), "{contract}");
    let noi: f64 = base_term
        .iter()
        .map(|m| m.ai_revenue_usd - m.opex_usd - m.power_cost_usd)
        .sum();
    assert!(close(noi, contract, 1e-6), "NNN: NOI = rent");
    // Renewed: year 16 = 128 × 1.03¹⁵ = $199.42… per kW-month.
    let renewal = &colo.months[196];
    assert!(close(renewal.ai_revenue_usd, it_kw * 128.0 * 1.03f64.powi(15), 1e-3));
    let f = colo.financing.as_ref().expect("85 % loan-to-cost");
    assert!(close(f.loan_to_cost_pct, 85.0, 1e-9));
    assert!(f.equity_irr_pct.unwrap() > colo.irr_pct.unwrap());
    assert!(f.balance_at_horizon_usd.abs() < 1e-3);
}

/// A 10 MW lease built in months 0–11, commissioned in month 12, at $100/kW-month
/// (10,000 kW × 100 = $1,000,000 a month), no ramp, fully occupied, over a 5-year horizon.
fn small_lease() -> (Scenario, SiteReport) {
    let mut s = Scenario {
        horizon_years: 5,
        ..Scenario::default()
    };
    s.retrofit.phases[0].construction_start_month = 0;
    s.retrofit.phases[0].build_months = 12;
    s.retrofit.phases[0].ramp_months = 0;
    let c = &mut s.colocation;
    c.lease_usd_per_kw_month = 100.0;
    c.escalator_pct_per_year = 3.0;
    c.occupancy_pct = 100.0;
    c.lease_type = LeaseType::ModifiedGross;
    c.landlord_opex_usd_per_mw_it_year = 120_000.0; // $100,000 a month for 10 MW
    c.lease_term_years = 2;
    let site = SiteReport {
        it_capacity_mw: 10.0,
        ..SiteReport::default()
    };
    (s, site)
}

fn rents(s: &Scenario, site: &SiteReport) -> Vec<f64> {
    minepivot::colocation::simulate(s, site)
        .iter()
        .map(|m| m.revenue_usd)
        .collect()
}

/// Rent-free months and a prepayment by hand:
/// - 3 rent-free months: months 12–14 earn nothing, month 15 the first $1,000,000;
/// - 2 months prepaid at signing (month 0, the construction start): $2,000,000 then, credited
///   against the first rent due — months 15 and 16 — so month 17 is the first paid in cash;
/// - spread over the term instead: $2,000,000 ÷ (24 − 3) paying months = $95,238.10 off each
///   rent of the first term: $904,761.90 in months 15–23, $1,030,000 − 95,238.10 = $934,761.90
///   in months 24–35 (the second lease year, +3 %).
#[test]
fn rent_free_months_and_a_prepayment_by_hand() {
    let (mut s, site) = small_lease();
    s.colocation.rent_free_months = 3;
    let r = rents(&s, &site);
    assert_eq!(&r[11..16], &[0.0, 0.0, 0.0, 0.0, 1_000_000.0]);
    s.colocation.prepayment_months = 2.0;
    let r = rents(&s, &site);
    assert_eq!(r[0], 2_000_000.0);
    assert_eq!(&r[12..18], &[0.0, 0.0, 0.0, 0.0, 0.0, 1_000_000.0]);
    // What is prepaid is what is credited: the sum of the first term's rent is unchanged.
    let total: f64 = r.iter().sum();
    s.colocation.prepayment_months = 0.0;
    assert!(close(total, rents(&s, &site).iter().sum(), 1e-6));
    s.colocation.prepayment_months = 2.0;
    s.colocation.prepayment_credit = minepivot::scenario::PrepaymentCredit::OverTerm;
    let r = rents(&s, &site);
    assert!(
        close(r[15], 904_761.90, 0.01) && close(r[23], 904_761.90, 0.01),
        "{}",
        r[15]
    );
    assert!(
        close(r[24], 934_761.90, 0.01) && close(r[35], 934_761.90, 0.01),
        "{}",
        r[24]
    );
    assert_eq!(r[36], 1_030_000.0 * 1.03, "the renewal pays in full");
}

/// Re-letting by hand: a 2-year term (months 12–35), then 6 months empty (36–41, the landlord
/// paying the $100,000 opex), then a new term at 90 % of the last rent: the last rent was
/// $1,000,000 × 1.03 = $1,030,000, so the re-let starts at $927,000 (month 42) and steps 3 %
/// after a year: $954,810 (month 54).
#[test]
fn a_relet_after_a_vacancy_by_hand() {
    let (mut s, site) = small_lease();
    s.colocation.after_term = minepivot::scenario::LeaseEnd::Relet;
    s.colocation.relet_rent_pct = 90.0;
    s.colocation.relet_vacancy_months = 6;
    let months = minepivot::colocation::simulate(&s, &site);
    let r: Vec<f64> = months.iter().map(|m| m.revenue_usd).collect();
    assert_eq!((r[12], r[24], r[35]), (1_000_000.0, 1_030_000.0, 1_030_000.0));
    assert!(r[36..42].iter().all(|&x| x == 0.0));
    assert!(months[36..42].iter().all(|m| close(m.opex_usd, 100_000.0, 1e-6)));
    assert!(
        close(r[42], 927_000.0, 1e-6) && close(r[53], 927_000.0, 1e-6),
        "{}",
        r[42]
    );
    assert!(close(r[54], 954_810.0, 1e-6), "{}", r[54]);
}

/// Who pays what under each lease type, leased and empty: NNN passes the opex to the tenant
/// while it leases; modified gross and gross leave it with the landlord; only gross pays power.
#[test]
fn lease_types_split_power_and_opex_as_documented() {
    let (mut s, site) = small_lease();
    s.colocation.after_term = minepivot::scenario::LeaseEnd::Vacate;
    for (kind, leased_opex, power) in [
        (LeaseType::Nnn, 0.0, false),
        (LeaseType::ModifiedGross, 100_000.0, false),
        (LeaseType::Gross, 100_000.0, true),
    ] {
        s.colocation.lease_type = kind;
        let months = minepivot::colocation::simulate(&s, &site);
        assert!(close(months[20].opex_usd, leased_opex, 1e-6), "{kind:?}");
        assert_eq!(months[20].power_cost_usd > 0.0, power, "{kind:?}");
        // After the term the halls are empty: the landlord pays their opex, nobody the power.
        assert!(
            close(months[40].opex_usd, 100_000.0, 1e-6) && months[40].power_cost_usd == 0.0,
            "{kind:?}"
        );
    }
}

/// A tenant that pays the whole fit-out leaves the landlord's bill without a fit-out line; half
/// of it halves their quantities (76,923.08 kW → 38,461.54 kW of CDUs, rack power distribution
/// and white-space fit-out at the default direct-to-chip site), and the installation, soft
/// costs and contingency on them fall with them. The GPU cloud, which has no tenant, keeps the
/// whole facility bill.
#[test]
fn a_tenant_paying_the_fit_out_takes_it_off_the_landlords_bill() {
    use minepivot::capex::library::FIT_OUT;
    let mut s = Scenario::default();
    let whole = evaluate(&s);
    assert!(whole.capex.landlord.is_none() && whole.capex.tenant_fit_out_usd == 0.0);
    s.colocation.tenant_fit_out_pct = 100.0;
    let r = evaluate(&s);
    let landlord = r.capex.landlord.as_ref().expect("a landlord's bill");
    assert!(
        landlord.lines.iter().all(|l| !FIT_OUT.contains(&l.id.as_str())),
        "{:?}",
        landlord.lines.iter().map(|l| &l.id).collect::<Vec<_>>()
    );
    assert!(
        r.capex.lines.iter().any(|l| l.id == "cdu"),
        "the facility bill keeps them"
    );
    assert!(close(
        r.capex.tenant_fit_out_usd,
        r.capex.total_usd - landlord.total_usd,
        0.5
    ));
    // Every fit-out line and its share of installation, soft costs and contingency: more than
    // the fit-out lines alone.
    let fit_out_lines: f64 = r
        .capex
        .lines
        .iter()
        .filter(|l| FIT_OUT.contains(&l.id.as_str()))
        .map(|l| l.total_usd)
        .sum();
    assert!(r.capex.tenant_fit_out_usd > fit_out_lines);
    let colo = pathway(&r, PathwayId::Colocation);
    // The pathway's capex is net of the ASICs sold as construction starts.
    let sales: f64 = colo.months.iter().map(|m| m.asset_sales_usd).sum();
    assert!(
        close(colo.total_capex_usd + sales, landlord.total_usd, 1.0),
        "{} + {sales} vs {}",
        colo.total_capex_usd,
        landlord.total_usd
    );
    let gpu = pathway(&r, PathwayId::GpuCloud);
    assert_eq!(
        gpu.total_capex_usd,
        pathway(&whole, PathwayId::GpuCloud).total_capex_usd
    );
    assert!(colo.npv_usd > pathway(&whole, PathwayId::Colocation).npv_usd);

    s.colocation.tenant_fit_out_pct = 50.0;
    let half = evaluate(&s);
    let cdu = |b: &[minepivot::report::CapexLine]| b.iter().find(|l| l.id == "cdu").map(|l| l.quantity);
    let full_kw = cdu(&half.capex.lines).unwrap();
    assert!(close(full_kw, 76_923.076_923, 1e-3));
    assert!(close(
        cdu(&half.capex.landlord.as_ref().unwrap().lines).unwrap(),
        full_kw / 2.0,
        1e-6
    ));
}

/// Two phases of half the capacity started in the same month, with the same build and ramp,
/// are one phase: every pathway's cash flows, NPVs, loans and taxes agree.
#[test]
fn two_half_phases_started_together_are_one_phase() {
    use minepivot::scenario::Phase;
    let mut one = Scenario::default();
    one.finance.tax_enabled = true;
    one.retrofit.phases = vec![Phase::new(100.0, 3, 12, 6)];
    let mut two = one.clone();
    two.retrofit.phases = vec![Phase::new(50.0, 3, 12, 6), Phase::new(50.0, 3, 12, 6)];
    let (a, b) = (evaluate(&one), evaluate(&two));
    for (p, q) in a.pathways.iter().zip(&b.pathways) {
        let scale = p.total_capex_usd.abs().max(1e6);
        assert!(
            close(p.npv_usd, q.npv_usd, 1e-9 * scale),
            "{:?}: {} vs {}",
            p.id,
            p.npv_usd,
            q.npv_usd
        );
        for (m, n) in p.months.iter().zip(&q.months) {
            assert!(
                close(m.net_cash_flow_usd, n.net_cash_flow_usd, 1e-9 * scale),
                "{:?} month {}",
                p.id,
                m.index
            );
            assert!(
                close(m.tax_usd, n.tax_usd, 1e-9 * scale),
                "{:?} month {}",
                p.id,
                m.index
            );
        }
        match (&p.financing, &q.financing) {
            (Some(f), Some(g)) => {
                assert!(close(f.loan_usd, g.loan_usd, 1e-9 * scale));
                assert!(close(f.equity_npv_usd, g.equity_npv_usd, 1e-9 * scale));
            }
            (None, None) => {}
            _ => panic!("{:?}: one borrows, the other not", p.id),
        }
        assert!(close(
            p.terminal_value_usd,
            q.terminal_value_usd,
            1e-9 * scale.max(p.terminal_value_usd)
        ));
    }
}

/// Two phases by hand on the 10 MW lease: half built in months 0–11 (commissioned in month 12),
/// half in months 6–17 (commissioned in month 18). Rent: 5 MW × $100/kW = $500,000 a month from
/// month 12, $1,000,000 from month 18; each half's rent steps +3 % a year from its own
/// commissioning (month 24: 515,000 + 500,000). Opex likewise: $50,000 from month 12, $100,000
/// from 18. The facility capex: each half's share over its own 12 months, so months 6–11 spend
/// 1/24 + 1/24 = 1/12 of the bill.
#[test]
fn a_second_phase_adds_its_share_from_its_own_commissioning() {
    use minepivot::scenario::Phase;
    let (mut s, site) = small_lease();
    s.retrofit.phases = vec![Phase::new(50.0, 0, 12, 0), Phase::new(50.0, 6, 12, 0)];
    let months = minepivot::colocation::simulate(&s, &site);
    let r: Vec<f64> = months.iter().map(|m| m.revenue_usd).collect();
    assert_eq!((r[11], r[12], r[17], r[18]), (0.0, 500_000.0, 500_000.0, 1_000_000.0));
    assert!(close(r[24], 1_015_000.0, 1e-6), "{}", r[24]);
    assert!(close(months[12].opex_usd, 50_000.0, 1e-6) && close(months[18].opex_usd, 100_000.0, 1e-6));
    let t = minepivot::timeline::Timeline::new(&s);
    assert!(close(t.facility_spend_share(3), 1.0 / 24.0, 1e-15));
    assert!(close(t.facility_spend_share(8), 1.0 / 12.0, 1e-15));
    assert!(close(t.facility_spend_share(15), 1.0 / 24.0, 1e-15));
    assert_eq!((t.commissioning, t.last_commissioning), (12, 18));
}

#[test]
fn a_phase_list_that_does_not_add_up_starts_late_or_out_of_order_is_refused_at_its_path() {
    use minepivot::scenario::Phase;
    let mut s = Scenario::default();
    s.retrofit.phases = vec![Phase::new(60.0, 0, 12, 6), Phase::new(30.0, 6, 12, 6)];
    let errors = validate(&s);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "retrofit.phases");
    assert_eq!(
        errors[0].message,
        "the phases' shares must sum to 100 % of the converted capacity (got 90 %)"
    );
    // Out of the horizon (15 years = months 0–179) and out of order.
    s.retrofit.phases = vec![
        Phase::new(50.0, 12, 12, 6),
        Phase::new(25.0, 6, 12, 6),
        Phase::new(25.0, 180, 12, 6),
    ];
    let fields: Vec<String> = validate(&s).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "retrofit.phases[1].constructionStartMonth",
            "retrofit.phases[2].constructionStartMonth"
        ]
    );
    s.retrofit.phases = Vec::new();
    let errors = validate(&s);
    assert_eq!(errors[0].field, "retrofit.phases");
    assert!(errors[0].message.starts_with("must have at least one phase"));
    // No more than 12 phases, and a share must be at least 0.1 %.
    s.retrofit.phases = vec![Phase::new(100.0 / 13.0, 0, 12, 6); 13];
    assert_eq!(validate(&s)[0].field, "retrofit.phases");
    s.retrofit.phases = vec![Phase::new(0.0, 0, 12, 6), Phase::new(100.0, 0, 12, 6)];
    assert_eq!(validate(&s)[0].field, "retrofit.phases[0].sharePct");
}

#[test]
fn the_value_at_the_horizon_is_taxed_on_its_gain_over_the_book_value_left() {
    // One GPU purchase of $4.8 M in month 0, depreciated over a 4-year life (48 months:
    // $100,000 a month), a 24-month horizon, tax at 25 %, no facility:
    //   book value left at the horizon = 4,800,000 − 24 × 100,000 = $2,400,000.
    let mut s = Scenario::default();
    s.finance.tax_enabled = true;
    s.finance.tax_rate_pct = 25.0;
    s.gpu_cloud.useful_life_years = 4;
    let timeline = minepivot::timeline::Timeline::new(&s);
    let mut flows = vec![MonthFlow::default(); 24];
    flows[0].gpu_capex_usd = 4_800_000.0;
    // EBITDA of $100,000 a month pays the depreciation exactly: no tax, no loss inside the
    // horizon. Sold for $3.0 M: gain 3,000,000 − 2,400,000 = 600,000; tax 25 % = $150,000.
    for f in &mut flows {
        f.ai_revenue_usd = 100_000.0;
    }
    let tax = minepivot::engine::horizon_tax(&s, &flows, &timeline, 0.0, 3_000_000.0);
    assert!((tax - 150_000.0).abs() < 1e-6, "{tax}");
    // Sold below the book value: no gain, no tax.
    assert_eq!(
        minepivot::engine::horizon_tax(&s, &flows, &timeline, 0.0, 2_000_000.0),
        0.0
    );
    // No revenue: each month loses the $100,000 of depreciation, 24 × 100,000 = $2.4 M carried
    // forward, which absorbs the whole $600,000 gain: no tax.
    for f in &mut flows {
        f.ai_revenue_usd = 0.0;
    }
    assert_eq!(
        minepivot::engine::horizon_tax(&s, &flows, &timeline, 0.0, 3_000_000.0),
        0.0
    );
    // Half the revenue: a $50,000 loss a month, $1.2 M carried forward. Sold for $4.0 M: gain
    // 4,000,000 − 2,400,000 = 1,600,000, less the 1,200,000 of losses = 400,000; tax $100,000.
    for f in &mut flows {
        f.ai_revenue_usd = 50_000.0;
    }
    let tax = minepivot::engine::horizon_tax(&s, &flows, &timeline, 0.0, 4_000_000.0);
    assert!((tax - 100_000.0).abs() < 1e-6, "{tax}");
    let after = minepivot::engine::after_horizon_tax(&s, &flows, &timeline, 0.0, 4_000_000.0);
    assert!((after - 3_900_000.0).abs() < 1e-6, "{after}");
    // At 100 % the sale keeps exactly what shields it: the book value left and the losses,
    // 2,400,000 + 1,200,000 = $3.6 M, however large the price (10²² by a BTC price that
    // compounds for decades; value − (value − 3.6 M) kept only 10²²'s rounding, ±$2 M).
    s.finance.tax_rate_pct = 100.0;
    for value in [4_000_000.0, 1e22] {
        let after = minepivot::engine::after_horizon_tax(&s, &flows, &timeline, 0.0, value);
        assert_eq!(after, 3_600_000.0, "{value}");
    }
    // Without tax there is none.
    s.finance.tax_enabled = false;
    assert_eq!(
        minepivot::engine::horizon_tax(&s, &flows, &timeline, 0.0, 4_000_000.0),
        0.0
    );
}
