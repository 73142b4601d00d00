#![cfg(not(target_arch = "wasm32"))]
//! Properties of the whole model over generated valid scenarios: every number finite, the fast
//! path equal to the report, break-evens that equalise the NPVs they name, the tornado sorted.

use minepivot::engine::pathway_npvs;
use minepivot::report::Report;
use minepivot::scenario::{GpuEnd, LeaseEnd, LeaseType, Scenario};
use minepivot::validate::validate;
use proptest::prelude::*;

/// Valid scenarios around the default: every pathway input across a wide part of its range,
/// including a share of 0 and 100 %, zero rents and occupancies, taxes, lease ends.
fn scenario() -> impl Strategy<Value = Scenario> {
    let share = prop_oneof![1 => Just(0.0), 2 => Just(100.0), 6 => 0.0..=100.0];
    (
        (1u32..=25, share, 0u32..=36, 1u32..=36, 0u32..=24, 1.05f64..=2.0),
        (
            0.0f64..=400.0,
            -5.0f64..=10.0,
            0.0f64..=100.0,
            any::<bool>(),
            1u32..=20,
            any::<bool>(),
        ),
        (0.0f64..=12.0, 0.0f64..=60.0, 0.0f64..=100.0, 1u32..=8, any::<bool>()),
        (
            5_000.0f64..=500_000.0,
            -50.0f64..=100.0,
            0.0f64..=30.0,
            any::<bool>(),
            0.0f64..=100.0,
        ),
    )
        .prop_map(
            |(
                (horizon, share, start, build, ramp, pue),
                (lease, escalator, occupancy, gross, term, vacate),
                (rent, decline, utilization, life, retire),
                (btc, btc_growth, discount, tax, tax_rate),
            )| {
                let mut s = Scenario {
                    horizon_years: horizon,
                    ..Scenario::default()
                };
                let r = &mut s.retrofit;
                // The registry's gap: a share is 0 or at least 0.1 %.
                r.converted_share_pct = if share < 0.1 { 0.0 } else { share };
                r.phases[0].construction_start_month = start.min(horizon * 12 - 1);
                r.phases[0].build_months = build;
                r.phases[0].ramp_months = ramp;
                r.pue = pue;
                let c = &mut s.colocation;
                c.lease_usd_per_kw_month = lease;
                c.escalator_pct_per_year = escalator;
                c.occupancy_pct = occupancy;
                c.lease_type = if gross { LeaseType::Gross } else { LeaseType::Nnn };
                c.lease_term_years = term;
                c.after_term = if vacate { LeaseEnd::Vacate } else { LeaseEnd::Renew };
                let g = &mut s.gpu_cloud;
                g.rent_usd_per_gpu_hour = rent;
                g.rent_decline_pct_per_year = decline;
                g.utilization_pct = utilization;
                g.useful_life_years = life;
                g.end_of_life = if retire { GpuEnd::Retire } else { GpuEnd::Refresh };
                s.bitcoin.btc_price_usd = btc;
                s.bitcoin.btc_price_growth_pct_per_year = btc_growth;
                s.finance.discount_rate_pct = discount;
                s.finance.tax_enabled = tax;
                s.finance.tax_rate_pct = tax_rate;
                // A contract retiring GPUs cannot outlast them; a loan is repaid inside the
                // horizon (validate's rules).
                if retire {
                    s.gpu_cloud.contract_term_months = s.gpu_cloud.contract_term_months.min(life * 12);
                }
                s.colocation.debt.tenor_years = s.colocation.debt.tenor_years.min(horizon);
                s.gpu_cloud.debt.tenor_years = s.gpu_cloud.debt.tenor_years.min(horizon);
                s
            },
        )
}

fn all_finite(r: &Report) -> bool {
    let pathways = r.pathways.iter().all(|p| {
        [
            p.npv_usd,
            p.pivot_value_usd,
            p.total_capex_usd,
            p.total_revenue_usd,
            p.total_net_cash_flow_usd,
        ]
        .iter()
        .chain(p.irr_pct.iter())
        .chain(p.capex_per_it_mw_usd.iter())
        .all(|x| x.is_finite())
            && p.months.iter().all(|m| {
                [
                    m.revenue_usd,
                    m.power_cost_usd,
                    m.opex_usd,
                    m.capex_usd,
                    m.tax_usd,
                    m.net_cash_flow_usd,
                    m.cumulative_usd,
                    m.mining_active_pct,
                ]
                .iter()
                .all(|x| x.is_finite())
            })
    });
    let b = &r.comparison.break_evens;
    let break_evens = [
        b.btc_price_multiple,
        b.btc_price_usd,
        b.lease_usd_per_kw_month,
        b.gpu_rent_usd_per_gpu_hour,
    ]
    .iter()
    .flatten()
    .all(|x| x.is_finite());
    let bars = r.sensitivity.bars.iter().all(|b| {
        [b.low_value, b.high_value, b.low_delta_usd, b.high_delta_usd]
            .iter()
            .all(|x| x.is_finite())
    });
    pathways && break_evens && bars
}

fn equal_within_0_1_pct(a: f64, b: f64) -> bool {
    // 0.1 % of the larger NPV, or a dollar where both are about zero.
    (a - b).abs() <= (1e-3 * a.abs().max(b.abs())).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn reports_are_finite_and_consistent(s in scenario()) {
        prop_assert_eq!(validate(&s), vec![]);
        let r = minepivot::evaluate(&s).unwrap();
        prop_assert!(all_finite(&r));
        let fast = pathway_npvs(&s);
        prop_assert_eq!([fast.mining, fast.colocation, fast.gpu_cloud], [r.pathways[0].npv_usd, r.pathways[1].npv_usd, r.pathways[2].npv_usd]);
        for p in &r.pathways {
            prop_assert_eq!(p.months.len() as u32, s.horizon_years * 12);
            prop_assert!(p.months.iter().all(|m| m.tax_usd >= 0.0 && (0.0..=100.0).contains(&m.mining_active_pct)));
        }
        let swings: Vec<f64> = r.sensitivity.bars.iter().map(|b| (b.high_delta_usd - b.low_delta_usd).abs()).collect();
        prop_assert!(swings.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn break_evens_equalise_the_npvs_they_name(s in scenario()) {
        let r = minepivot::evaluate(&s).unwrap();
        let b = &r.comparison.break_evens;
        if let Some(lease) = b.lease_usd_per_kw_month {
            let mut at = s.clone();
            at.colocation.lease_usd_per_kw_month = lease;
            let n = pathway_npvs(&at);
            prop_assert!(equal_within_0_1_pct(n.colocation, n.mining), "lease {}: {:?}", lease, n);
        }
        if let Some(rent) = b.gpu_rent_usd_per_gpu_hour {
            let mut at = s.clone();
            minepivot::analysis::breakeven::set_gpu_rent(&mut at, &s, rent);
            let n = pathway_npvs(&at);
            prop_assert!(equal_within_0_1_pct(n.gpu_cloud, n.mining), "rent {}: {:?}", rent, n);
        }
        if let Some(k) = b.btc_price_multiple {
            let mut at = s.clone();
            at.bitcoin.btc_price_usd *= k;
            let n = pathway_npvs(&at);
            let ai = r.comparison.best_ai_pathway;
            prop_assert!(equal_within_0_1_pct(n.mining, n[ai]), "BTC × {}: {:?}", k, n);
        }
        prop_assert!(
            b.lease_usd_per_kw_month.is_some() && b.gpu_rent_usd_per_gpu_hour.is_some() && b.btc_price_multiple.is_some()
                || !b.notes.is_empty()
        );
    }
}
