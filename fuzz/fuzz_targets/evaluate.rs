//! Arbitrary bytes → JSON → validate → evaluate: never a panic, a hang, or a non-finite
//! number in a report; an invalid document always comes back as at least one error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minepivot::report::Report;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match minepivot::evaluate_json(text) {
        Ok(report) => check_finite(&report),
        Err(errors) => assert!(!errors.is_empty(), "an invalid document must say why"),
    }
});

fn check_finite(r: &Report) {
    let mut numbers = vec![r.site.it_capacity_mw, r.site.white_space_sq_ft, r.capex.total_usd];
    numbers.extend(r.capex.lines.iter().map(|l| l.total_usd));
    numbers.extend(r.capex.gpu_cloud.lines.iter().map(|l| l.total_usd));
    numbers.extend(r.bitcoin.months.iter().flat_map(|m| [m.subsidy_btc, m.hashprice_usd_per_ph_day, m.btc_price_usd]));
    for p in &r.pathways {
        numbers.extend([p.npv_usd, p.pivot_value_usd, p.total_capex_usd, p.total_revenue_usd]);
        numbers.extend(p.irr_pct);
        numbers.extend(p.capex_per_it_mw_usd);
        numbers.extend(p.months.iter().flat_map(|m| {
            [m.revenue_usd, m.power_cost_usd, m.opex_usd, m.capex_usd, m.tax_usd, m.net_cash_flow_usd, m.cumulative_usd]
        }));
    }
    numbers.extend(r.sensitivity.bars.iter().flat_map(|b| [b.low_delta_usd, b.high_delta_usd]));
    let b = &r.comparison.break_evens;
    numbers.extend([b.btc_price_usd, b.lease_usd_per_kw_month, b.gpu_rent_usd_per_gpu_hour].into_iter().flatten());
    for n in numbers {
        assert!(n.is_finite(), "non-finite number in a report: {n}");
    }
}
