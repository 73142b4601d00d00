//! The catalogue the form offers: ASICs, GPU systems, cooling technologies, sample sites, the
//! retrofit cost library and the source of every default. Assembled here, at the top of the
//! module graph, from the reference data ([`crate::presets`]), the cost library
//! ([`crate::capex`]) and the field registry ([`crate::fields`]), so that none of them depends
//! on another through it.

use serde::{Deserialize, Serialize};

use crate::analysis::risk::RiskOptions;
use crate::fields::{Field, FieldInfo, RISK_FIELDS, SCENARIO_FIELDS};
use crate::presets::{
    asics, cooling_options, gpu_systems, sample_sites, AsicPreset, CoolingPreset, GpuSystemPreset, SampleSite,
};
use crate::sources::{MarketData, Source};

/// Everything the form offers to pick from, with sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Presets {
    pub asics: Vec<AsicPreset>,
    pub gpu_systems: Vec<GpuSystemPreset>,
    pub cooling: Vec<CoolingPreset>,
    pub sample_sites: Vec<SampleSite>,
    /// The retrofit cost library: unit costs with their sources.
    pub cost_library: Vec<crate::capex::CostItem>,
    /// The source of every default of the scenario, by field path.
    pub sources: Vec<Source>,
    /// The source of every default of the risk options (`paths`, `btcVolatilityPct`, …).
    pub risk_option_sources: Vec<Source>,
    /// The date of the defaults' market prices (BTC price, hashrate, fees, power, lease, GPU
    /// rent): the latest among them.
    pub market_data: MarketData,
}

/// Everything the form offers, with sources.
pub fn presets() -> Presets {
    Presets {
        asics: asics(),
        gpu_systems: gpu_systems(),
        cooling: cooling_options(),
        sample_sites: sample_sites(),
        cost_library: crate::capex::cost_library(),
        sources: crate::fields::all_sources(),
        risk_option_sources: crate::fields::RISK_FIELDS
            .iter()
            .filter_map(crate::fields::Field::source_entry)
            .collect(),
        market_data: crate::fields::market_data(&crate::scenario::Scenario::default()),
    }
}

/// The whole field registry, for JavaScript (`fields()`) and the CLI (`minepivot fields`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Fields {
    /// Every input of the scenario (list items as `mining.fleet[].units`).
    pub scenario: Vec<FieldInfo>,
    /// Every option of `risk(scenario, options)`.
    pub risk: Vec<FieldInfo>,
    /// The options' defaults (the scenario's are `defaultScenario()`).
    pub risk_defaults: RiskOptions,
}

/// The registry with the risk options' defaults.
pub fn fields() -> Fields {
    Fields {
        scenario: SCENARIO_FIELDS.iter().map(Field::info).collect(),
        risk: RISK_FIELDS.iter().map(Field::info).collect(),
        risk_defaults: RiskOptions::default(),
    }
}
