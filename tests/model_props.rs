#![cfg(not(target_arch = "wasm32"))]
//! Properties of the whole model over generated scenarios spanning the full allowed range of
//! every key input (src/validate.rs): the report is finite everywhere, its sums add up, and the
//! NPVs move the right way when one input moves. (tests/pathways_props.rs covers the fast path,
//! break-evens and the tornado near the default; tests/capex_props.rs the bill alone.)

use minepivot::capex::cost_library;
use minepivot::engine::{basis_value, pathway_flows, pathway_npvs, Adjust, CapexStage, MiningStage, MonthFlow};
use minepivot::presets;
use minepivot::report::PathwayId;
use minepivot::scenario::{
    Amortisation, Basis, CostOverride, Debt, Fabric, FleetLine, GpuEnd, LeaseEnd, LeaseType, Scenario,
};
use minepivot::timeline::Timeline;
use minepivot::validate::validate;
use minepivot::{colocation, gpu_cloud};
use proptest::prelude::*;

#[path = "common/report_numbers.rs"]
mod report_numbers;

#[path = "common/strategies.rs"]
mod strategies;
use strategies::{cooling, redundancy, system};

/// A value in `[0, max]` with both ends weighted in (validate.rs bounds are inclusive).
fn pct(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 1 => Just(max), 6 => 0.0..=max]
}

/// A strictly positive value up to `max`, spread over orders of magnitude (a uniform draw
/// from 0..1e9 would almost never be below a million).
fn positive(min: f64, max: f64) -> impl Strategy<Value = f64> {
    (min.ln()..=max.ln()).prop_map(move |x: f64| x.exp().clamp(min, max))
}

/// One fleet line drawing at most `share` of the grid at the mining PUE: the units follow from
/// the budget, `units = ⌊share × grid MW × 10⁶ ÷ (PUE × TH/s × J/TH)⌋`, capped at validate's 10⁷.
fn fleet_line() -> impl Strategy<Value = (f64, f64, f64)> {
    (0.0f64..=0.25, positive(1.0, 10_000.0), positive(1.0, 200.0))
}

fn size_fleet(lines: &[(f64, f64, f64)], grid_mw: f64, pue: f64) -> Vec<FleetLine> {
    lines
        .iter()
        .enumerate()
        .map(|(i, &(share, ths, j_per_th))| {
            // 0.999 keeps the float sum of four quarter-budgets under the grid.
            let units = (0.999 * share * grid_mw * 1e6 / (pue * ths * j_per_th))
                .floor()
                .min(1e7);
            FleetLine::new(&format!("ASIC {i}"), units as u32, ths, j_per_th)
        })
        .collect()
}

/// A loan across the registry's ranges; its tenor is a share (0–1] of the horizon, set below.
fn debt() -> impl Strategy<Value = (Debt, f64)> {
    (
        prop_oneof![1 => Just(0.0), 1 => Just(95.0), 4 => 0.0f64..=95.0],
        prop_oneof![1 => Just(0.0), 4 => 0.0f64..=30.0],
        0.0f64..=1.0,
        pct(10.0),
        prop_oneof![
            Just(Amortisation::Annuity),
            Just(Amortisation::InterestOnly),
            Just(Amortisation::Sculpted)
        ],
        1.01f64..=5.0,
        any::<bool>(),
    )
        .prop_map(|(ltc, rate, tenor_share, fee, amortisation, target, capitalise)| {
            let debt = Debt {
                loan_to_cost_pct: ltc,
                interest_rate_pct: rate,
                tenor_years: 1,
                upfront_fee_pct: fee,
                amortisation,
                target_dscr: target,
                capitalise_interest: capitalise,
            };
            (debt, tenor_share)
        })
}

/// Valid scenarios across the whole allowed range of the inputs that drive the money.
fn scenario() -> impl Strategy<Value = Scenario> {
    let general = (
        1u32..=30,
        prop_oneof![1 => Just(0.0), 4 => 0.0f64..=30.0, 1 => 30.0f64..=100.0],
        any::<bool>(),
        pct(100.0),
        positive(0.1, 90.0),
    );
    let site = (positive(0.001, 5_000.0), pct(1_000.0), -20.0f64..=50.0);
    let bitcoin = (
        positive(1.0, 1e9),
        -90.0f64..=300.0,
        positive(0.001, 1e6),
        -90.0f64..=300.0,
        pct(100.0),
        -90.0f64..=300.0,
    );
    let mining = (
        proptest::collection::vec(fleet_line(), 0..=4),
        1.0f64..=3.0,
        (pct(100.0), pct(100.0), pct(100.0), pct(10_000.0), pct(1e7)),
        any::<bool>(),
        (any::<bool>(), 0u32..=30, pct(1_000.0), positive(1.0, 200.0)),
    );
    let retrofit = (
        prop_oneof![1 => Just(0.0), 1 => Just(100.0), 6 => 0.0f64..=100.0],
        1.0f64..=3.0,
        cooling(),
        0.001f64..=1.0,
        redundancy(),
        (1u32..=60, 0u32..=60, 0.0f64..=1.0, pct(100.0), pct(100.0)),
    );
    let colocation = (
        pct(10_000.0),
        -20.0f64..=50.0,
        pct(100.0),
        any::<bool>(),
        pct(1e8),
        1u32..=50,
        any::<bool>(),
    );
    let gpu = (
        system(),
        pct(1_000.0),
        -50.0f64..=99.0,
        pct(100.0),
        pct(100.0),
        1u32..=15,
        (any::<bool>(), any::<bool>(), pct(1e7), pct(100.0)),
    );
    let deals = (
        debt(),
        debt(),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        (pct(100.0), pct(100.0), pct(100.0), pct(100.0)),
        (1.0f64..=5.0, 1.0f64..=30.0, pct(20.0), pct(100.0)),
        (1usize..=3, 0u32..=24, 0.2f64..=0.8),
        (pct(100.0), pct(20.0), 0u32..=120, pct(100.0), any::<bool>()),
    );
    (general, site, bitcoin, mining, retrofit, colocation, gpu, deals).prop_map(
        |(
            (horizon, discount, tax, tax_rate, sensitivity),
            (grid, power, escalation),
            (btc, btc_growth, hashrate, hashrate_growth, fees, fees_growth),
            (lines, mining_pue, (uptime, pool, curtail, credit, fixed), shutdown, refresh),
            (share, pue, cooling, density_share, redundancy, (build, ramp, start, soft, contingency)),
            (lease, escalator, occupancy, gross, landlord_opex, term, vacate),
            (system, rent, decline, utilization, load, life, (retire, ethernet, gpu_opex, gpu_pct)),
            (
                (colocation_debt, colocation_tenor),
                (gpu_debt, gpu_tenor),
                (equity_basis, terminal, by_pathway),
                (equity_rate, mining_rate, colocation_rate, gpu_rate),
                (covenant, exit_cap, selling, residual_decline),
                (phase_count, spacing, first_share),
                (contract_share, contract_rate, contract_term, prepayment, recontract),
            ),
        )| {
            let mut s = Scenario {
                horizon_years: horizon,
                ..Scenario::default()
            };
            let f = &mut s.finance;
            f.discount_rate_pct = discount;
            f.tax_enabled = tax;
            f.tax_rate_pct = tax_rate;
            f.sensitivity_pct = sensitivity;
            s.site.grid_capacity_mw = grid;
            s.site.power_price_usd_per_mwh = power;
            s.site.power_price_escalation_pct_per_year = escalation;
            let b = &mut s.bitcoin;
            b.btc_price_usd = btc;
            b.btc_price_growth_pct_per_year = btc_growth;
            b.network_hashrate_ehs = hashrate;
            b.network_hashrate_growth_pct_per_year = hashrate_growth;
            b.fees_btc_per_block = fees;
            b.fees_growth_pct_per_year = fees_growth;
            let m = &mut s.mining;
            m.pue = mining_pue;
            m.fleet = size_fleet(&lines, grid, mining_pue);
            m.uptime_pct = uptime;
            m.pool_fee_pct = pool;
            m.curtailment_pct = curtail;
            m.curtailment_credit_usd_per_mwh = credit;
            m.fixed_opex_usd_per_mw_year = fixed;
            m.shutdown_when_unprofitable = shutdown;
            (
                m.refresh.enabled,
                m.refresh.after_years,
                m.refresh.capex_usd_per_th,
                m.refresh.efficiency_j_per_th,
            ) = refresh;
            let r = &mut s.retrofit;
            r.converted_share_pct = share;
            r.pue = pue;
            r.cooling = cooling;
            r.rack_density_kw = density_share * presets::cooling(cooling).max_rack_density_kw;
            r.redundancy = redundancy;
            r.phases[0].build_months = build;
            r.phases[0].ramp_months = ramp;
            r.phases[0].construction_start_month = ((start * (horizon * 12) as f64) as u32).min(horizon * 12 - 1);
            r.soft_cost_pct = soft;
            r.contingency_pct = contingency;
            let c = &mut s.colocation;
            c.lease_usd_per_kw_month = lease;
            c.escalator_pct_per_year = escalator;
            c.occupancy_pct = occupancy;
            c.lease_type = if gross { LeaseType::Gross } else { LeaseType::Nnn };
            c.landlord_opex_usd_per_mw_it_year = landlord_opex;
            c.lease_term_years = term;
            c.after_term = if vacate { LeaseEnd::Vacate } else { LeaseEnd::Renew };
            let g = &mut s.gpu_cloud;
            g.system = system;
            g.rent_usd_per_gpu_hour = rent;
            g.rent_decline_pct_per_year = decline;
            g.utilization_pct = utilization;
            g.load_pct = load;
            g.useful_life_years = life;
            g.end_of_life = if retire { GpuEnd::Retire } else { GpuEnd::Refresh };
            g.fabric = if ethernet { Fabric::Ethernet } else { Fabric::Infiniband };
            g.opex_usd_per_gpu_year = gpu_opex;
            g.opex_pct_of_revenue = gpu_pct;
            let tenor = |share: f64| ((share * horizon as f64).ceil() as u32).clamp(1, horizon);
            s.colocation.debt = Debt {
                tenor_years: tenor(colocation_tenor),
                ..colocation_debt
            };
            s.gpu_cloud.debt = Debt {
                tenor_years: tenor(gpu_tenor),
                ..gpu_debt
            };
            // One to three phases: the first takes `first_share`, the rest split what is left,
            // each starting `spacing` months after the one before (inside the horizon).
            if phase_count > 1 {
                let first = s.retrofit.phases[0].clone();
                let last_month = horizon * 12 - 1;
                s.retrofit.phases = (0..phase_count)
                    .map(|i| {
                        let share = if i == 0 {
                            first_share * 100.0
                        } else {
                            (1.0 - first_share) * 100.0 / (phase_count - 1) as f64
                        };
                        let start = (first.construction_start_month + spacing * i as u32).min(last_month);
                        minepivot::scenario::Phase::new(share, start, first.build_months, first.ramp_months)
                    })
                    .collect();
                // Shares that add up to 100 % in floating point.
                let rest: f64 = s.retrofit.phases[1..].iter().map(|p| p.share_pct).sum();
                s.retrofit.phases[0].share_pct = 100.0 - rest;
            }
            let g = &mut s.gpu_cloud;
            g.contract_share_pct = contract_share;
            g.contract_rate_usd_per_gpu_hour = contract_rate;
            g.contract_term_months = contract_term;
            g.contract_prepayment_pct = prepayment;
            g.recontract_at_market = recontract;
            s.colocation.exit_cap_rate_pct = exit_cap;
            s.colocation.selling_cost_pct = selling;
            s.gpu_cloud.residual_decline_pct_per_year = residual_decline;
            let f = &mut s.finance;
            f.verdict_basis = if equity_basis { Basis::Equity } else { Basis::Unlevered };
            f.include_terminal_value = terminal;
            f.rates_by_pathway = by_pathway;
            f.cost_of_equity_pct = equity_rate;
            f.mining_rate_pct = mining_rate;
            f.colocation_rate_pct = colocation_rate;
            f.gpu_cloud_rate_pct = gpu_rate;
            f.covenant_dscr = covenant;
            strategies::within_registry(s)
        },
    )
}

/// `|a − b|` within a relative 1e-9 of the larger magnitude of the things summed, or a cent.
fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= (1e-9 * scale).max(0.01)
}

/// The three NPVs `[mining, colocation, gpuCloud]` (as [`pathway_npvs`]) with, for each, the
/// undiscounted sum of the magnitudes of its flows: the scale of its rounding error. An NPV
/// near zero may be the difference of flows of 10¹⁵ USD (taxes at 100 %, fees growing 300 % a
/// year), so a tolerance relative to the NPV itself would be meaningless there.
fn npvs_and_scales(s: &Scenario) -> ([f64; 3], [f64; 3]) {
    let mining = MiningStage::new(s);
    let capex = CapexStage::new(s);
    let (mut npvs, mut scales) = ([0.0; 3], [0.0; 3]);
    let (mut ai, mut flows) = (Vec::new(), Vec::new());
    for (i, id) in PathwayId::ALL.into_iter().enumerate() {
        match id {
            PathwayId::Mining => ai.clear(),
            PathwayId::Colocation => colocation::simulate_into(s, &capex.site, &mut ai),
            PathwayId::GpuCloud => gpu_cloud::simulate_into(s, &capex.site, capex.totals.gpu_cloud_usd, &mut ai),
        }
        pathway_flows(s, &mining.runs, &capex, id, &ai, Adjust::NONE, &mut flows);
        let net: Vec<f64> = flows.iter().map(MonthFlow::net_usd).collect();
        npvs[i] = basis_value(
            s,
            id,
            &flows,
            &net,
            &capex.site,
            &Timeline::new(s),
            capex.totals.building_share,
            mining.runs.of(id).fleet_value_at_end_usd,
        );
        scales[i] = flows
            .iter()
            .map(|f| {
                f.revenue_usd().abs()
                    + f.power_cost_usd.abs()
                    + f.opex_usd.abs()
                    + f.capex_usd().abs()
                    + f.tax_usd.abs()
            })
            .sum();
    }
    (npvs, scales)
}

/// The scenario with a site that stays open whatever mining pays (`mining.exit` = `stay`).
fn staying_open(mut s: Scenario) -> Scenario {
    s.mining.exit = minepivot::scenario::MiningExit::Stay;
    s
}

/// `after ≤ before` up to the rounding of flows of magnitude `scale`.
fn not_above(after: f64, before: f64, scale: f64) -> bool {
    after <= before + (1e-12 * scale).max(1e-6)
}

/// Whether pathway `i`'s NPV does not rise from `s` to `t`.
fn npv_not_raised(s: &Scenario, t: &Scenario, i: usize) -> Result<(), TestCaseError> {
    let (before, scale_before) = npvs_and_scales(s);
    let (after, scale_after) = npvs_and_scales(t);
    let fast = pathway_npvs(s);
    prop_assert_eq!(before, [fast.mining, fast.colocation, fast.gpu_cloud]);
    let scale = scale_before[i].max(scale_after[i]);
    prop_assert!(
        not_above(after[i], before[i], scale),
        "pathway {}: {} → {} (flows of {})",
        i,
        before[i],
        after[i],
        scale
    );
    Ok(())
}

/// Every library item's unit cost × `k`, as user overrides.
fn costs_times(k: f64) -> Vec<CostOverride> {
    cost_library()
        .into_iter()
        .map(|item| CostOverride {
            item: item.id,
            unit_cost_usd: (item.unit_cost_usd * k).min(1e9),
        })
        .collect()
}

proptest! {
    // Each case evaluates the full report (~50 model runs) and serialises it: 40 cases keep the
    // debug run of this file to a few seconds.
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_report_number_is_finite_and_the_sums_add_up(s in scenario()) {
        prop_assert_eq!(validate(&s), vec![]);
        let r = minepivot::evaluate(&s).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(report_numbers::first_non_finite(&r), None);

        for (total, lines) in [
            (r.capex.total_usd, &r.capex.lines),
            (r.capex.gpu_cloud.total_usd, &r.capex.gpu_cloud.lines),
        ] {
            let sum: f64 = lines.iter().map(|l| l.total_usd).sum();
            let scale: f64 = lines.iter().map(|l| l.total_usd.abs()).sum();
            prop_assert!(close(sum, total, scale), "lines {} ≠ total {}", sum, total);
        }

        let mut zero = s.clone();
        zero.finance.discount_rate_pct = 0.0;
        zero.finance.rates_by_pathway = false;
        zero.finance.verdict_basis = Basis::Unlevered;
        zero.finance.include_terminal_value = false;
        let undiscounted = pathway_npvs(&zero);
        for p in &r.pathways {
            let mut running = 0.0;
            let mut scale = 0.0;
            for m in &p.months {
                running += m.net_cash_flow_usd;
                scale += m.net_cash_flow_usd.abs();
                prop_assert!(close(m.cumulative_usd, running, scale), "{:?} month {}: {} ≠ {}", p.id, m.index, m.cumulative_usd, running);
            }
            prop_assert!(close(p.total_net_cash_flow_usd, running, scale));
            // The flows do not depend on the discount rate, so at 0 % the NPV is their sum.
            prop_assert!(close(undiscounted[p.id], running, scale), "{:?}: NPV at 0 % {} ≠ Σ flows {}", p.id, undiscounted[p.id], running);
            // The loan: draws − principal = the balance; equity = project + draws − service
            // (+ the project's tax − the borrower's), and the last month repays what is left.
            if let Some(f) = &p.financing {
                let mut balance = 0.0;
                for d in &f.months {
                    balance += d.draw_usd + d.capitalised_interest_usd - d.principal_usd;
                    prop_assert!(close(d.balance_usd, balance, f.loan_usd.abs() * 4.0 + 1.0), "{:?} month {}: balance {} ≠ {}", p.id, d.index, d.balance_usd, balance);
                }
                if !s.finance.tax_enabled {
                    let last = f.months.len() - 1;
                    for (m, d) in p.months.iter().zip(&f.months) {
                        let repaid = if d.index as usize == last { d.balance_usd } else { 0.0 };
                        let want = m.net_cash_flow_usd + d.draw_usd - d.debt_service_usd - repaid;
                        prop_assert!(close(d.equity_cash_flow_usd, want, scale + f.loan_usd * 4.0), "{:?} month {}", p.id, d.index);
                    }
                }
                prop_assert!(f.loan_usd <= f.financed_capex_usd * 0.95 * (1.0 + 1e-12) + 1e-6);
            }
        }
    }
}

proptest! {
    // pathway_npvs is one model run: cheap enough for more cases.
    #![proptest_config(ProptestConfig::with_cases(256))]

    // The three mining properties hold for a site that stays open. The exit is a rule of thumb
    // (close after so many months off), not an optimal stopping rule: worse news can switch the
    // fleet off sooner, close the site sooner and save fixed opex the better world keeps paying.
    #[test]
    fn a_higher_power_price_never_raises_the_mining_npv(s in scenario(), step in 0.0f64..=1.0) {
        let s = staying_open(s);
        let mut higher = s.clone();
        higher.site.power_price_usd_per_mwh += step * (1_000.0 - s.site.power_price_usd_per_mwh);
        npv_not_raised(&s, &higher, 0)?;
    }

    #[test]
    fn a_higher_btc_price_never_lowers_the_mining_npv(s in scenario(), k in 1.0f64..=10.0) {
        let s = staying_open(s);
        let mut higher = s.clone();
        higher.bitcoin.btc_price_usd = (s.bitcoin.btc_price_usd * k).min(1e9);
        npv_not_raised(&higher, &s, 0)?;
    }

    #[test]
    fn a_higher_network_hashrate_never_raises_the_mining_npv(s in scenario(), k in 1.0f64..=10.0) {
        let s = staying_open(s);
        let mut higher = s.clone();
        higher.bitcoin.network_hashrate_ehs = (s.bitcoin.network_hashrate_ehs * k).min(1e6);
        npv_not_raised(&s, &higher, 0)?;
    }

    #[test]
    fn a_higher_lease_rate_never_lowers_the_colocation_npv(s in scenario(), step in 0.0f64..=1.0) {
        // The project's value. (An equity value under a sculpted loan need not rise: more rent
        // repays cheap debt sooner, which costs the equity the spread below its own rate.)
        let mut s = s;
        s.finance.verdict_basis = Basis::Unlevered;
        let mut higher = s.clone();
        higher.colocation.lease_usd_per_kw_month += step * (10_000.0 - s.colocation.lease_usd_per_kw_month);
        npv_not_raised(&higher, &s, 1)?;
    }

    #[test]
    fn a_larger_capex_never_raises_an_ai_npv(s in scenario(), k in 1.0f64..=5.0, extra in 0.0f64..=100.0) {
        // The project's value. (An equity NPV can rise with the capex: borrowing below the cost
        // of equity has a positive NPV of its own, and more capex borrows more.)
        let mut s = s;
        s.finance.verdict_basis = Basis::Unlevered;
        let mut dearer = s.clone();
        dearer.retrofit.cost_overrides = costs_times(k);
        let mut contingent = s.clone();
        contingent.retrofit.contingency_pct = (s.retrofit.contingency_pct + extra).min(100.0);
        for i in [1, 2] {
            npv_not_raised(&s, &dearer, i)?;
            npv_not_raised(&s, &contingent, i)?;
        }
    }
}

#[test]
fn the_override_multiplier_at_one_changes_nothing() {
    // Guards the capex property against a vacuous pass: overrides equal to the library leave
    // the NPVs as they were, and doubling them lowers both AI NPVs of the default scenario.
    let s = Scenario::default();
    let mut same = s.clone();
    same.retrofit.cost_overrides = costs_times(1.0);
    assert_eq!(pathway_npvs(&same), pathway_npvs(&s));
    let mut double = s.clone();
    double.retrofit.cost_overrides = costs_times(2.0);
    let (a, b) = (pathway_npvs(&s), pathway_npvs(&double));
    assert!(
        b.colocation < a.colocation && b.gpu_cloud < a.gpu_cloud,
        "{a:?} → {b:?}"
    );
    assert_eq!(b.mining, a.mining);
}
