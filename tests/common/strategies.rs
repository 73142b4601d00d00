// proptest strategies for the scenario's choice fields, included (`#[path]`) by
// tests/capex_props.rs and tests/model_props.rs: every variant, equally likely.

use minepivot::scenario::{Cooling, GpuSystem, Redundancy};
use proptest::prelude::*;

pub fn cooling() -> impl Strategy<Value = Cooling> {
    prop_oneof![
        Just(Cooling::Air),
        Just(Cooling::RearDoor),
        Just(Cooling::DirectToChip),
        Just(Cooling::Immersion)
    ]
}

pub fn redundancy() -> impl Strategy<Value = Redundancy> {
    prop_oneof![Just(Redundancy::N), Just(Redundancy::NPlus1), Just(Redundancy::TwoN)]
}

pub fn system() -> impl Strategy<Value = GpuSystem> {
    prop_oneof![
        Just(GpuSystem::H100),
        Just(GpuSystem::H200),
        Just(GpuSystem::B200),
        Just(GpuSystem::Gb200),
        Just(GpuSystem::B300),
        Just(GpuSystem::Gb300)
    ]
}

/// Moves every number of a generated scenario into its field's range as the registry states
/// it (src/fields.rs), so the strategies cannot drift from validation, and keeps the site's
/// fleet no larger than the network it mines on (validation's cross-field rule).
pub fn within_registry(mut s: minepivot::Scenario) -> minepivot::Scenario {
    for f in minepivot::fields::SCENARIO_FIELDS {
        if let Some(x) = f.number(&s) {
            f.set_number(&mut s, f.clamp(x));
        }
    }
    let fleet_ehs = s.mining.fleet_ph() / 1000.0;
    if s.bitcoin.network_hashrate_ehs < fleet_ehs {
        s.bitcoin.network_hashrate_ehs = (fleet_ehs * 1.001).min(1e6);
    }
    // A density the registry allows but the cooling cannot: the highest the cooling takes.
    let ceiling = minepivot::presets::cooling(s.retrofit.cooling).max_rack_density_kw;
    s.retrofit.rack_density_kw = s.retrofit.rack_density_kw.min(ceiling);
    // A contract retiring GPUs cannot outlast them (validate's rule).
    let g = &mut s.gpu_cloud;
    if g.end_of_life == minepivot::scenario::GpuEnd::Retire {
        g.contract_term_months = g.contract_term_months.min(g.useful_life_years * 12);
    }
    // A loan is repaid inside the horizon (validate's rule).
    s.colocation.debt.tenor_years = s.colocation.debt.tenor_years.min(s.horizon_years);
    s.gpu_cloud.debt.tenor_years = s.gpu_cloud.debt.tenor_years.min(s.horizon_years);
    s
}
