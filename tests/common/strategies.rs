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
        Just(GpuSystem::Gb200)
    ]
}
