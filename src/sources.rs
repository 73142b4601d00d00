//! Where every default comes from. The page shows these next to each input; the CLI and the
//! npm package expose them through [`crate::presets::presets`]. Figures and their origins are
//! gathered in the project's DATA.md; markets move, so a default is a starting point, never a
//! forecast.

use serde::{Deserialize, Serialize};

/// How much weight a figure can bear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// Company filing, press release, vendor datasheet, protocol rule.
    Primary,
    /// Industry report.
    Industry,
    /// Press summarising primary data.
    Press,
    /// Analyst, blog or vendor-marketing estimate; shown as "estimate".
    Estimate,
    /// A default found in open-source code.
    OpenSource,
    /// Derived here by arithmetic from other sourced figures.
    Derived,
}

/// The origin of one default value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Scenario field path (`site.powerPriceUsdPerMwh`) or cost-library item id.
    pub field: String,
    /// Who published the figure, or how it was derived.
    pub source: String,
    /// When the figure was true, `"YYYY-MM"`.
    pub as_of: String,
    pub kind: SourceKind,
    /// True where the figure is an estimate; the page says "estimate".
    pub estimate: bool,
}

const fn s(field: &'static str, source: &'static str, as_of: &'static str, kind: SourceKind) -> StaticSource {
    StaticSource {
        field,
        source,
        as_of,
        kind,
    }
}

pub struct StaticSource {
    pub field: &'static str,
    pub source: &'static str,
    pub as_of: &'static str,
    pub kind: SourceKind,
}

impl StaticSource {
    pub fn to_source(&self) -> Source {
        Source {
            field: self.field.to_string(),
            source: self.source.to_string(),
            as_of: self.as_of.to_string(),
            kind: self.kind,
            estimate: matches!(
                self.kind,
                SourceKind::Estimate | SourceKind::OpenSource | SourceKind::Derived
            ),
        }
    }
}

use SourceKind::*;

/// One entry per scalar field of the default scenario (a test walks the JSON to check it).
pub const SCENARIO_SOURCES: &[StaticSource] = &[
    s(
        "startMonth",
        "The first full month after today (a choice, not a figure)",
        "2026-11",
        Derived,
    ),
    s(
        "horizonYears",
        "15 years: the default lease term (10–15-year AI leases), so the lease is counted in full",
        "2025-12",
        Estimate,
    ),
    s(
        "site.gridCapacityMw",
        "Sample site: a typical single large US mining site (tens to hundreds of MW)",
        "2025-12",
        Estimate,
    ),
    s(
        "site.powerPriceUsdPerMwh",
        "$0.045/kWh suggested default; Glassnode all-in miner cost ≈ $0.05/kWh",
        "2025-12",
        Press,
    ),
    s(
        "site.powerPriceEscalationPctPerYear",
        "Roughly US inflation; an assumption to edit",
        "2026-05",
        Estimate,
    ),
    s(
        "site.buildingAreaSqFt",
        "~1,000 ft² per MW of mining (industry rule of thumb) × 100 MW",
        "2025-12",
        Estimate,
    ),
    s(
        "site.fibreDistanceKm",
        "Assumed distance of a rural Texas site to a fibre PoP",
        "2026-05",
        Estimate,
    ),
    s(
        "bitcoin.btcPriceUsd",
        "BTC ≈ $78k, mid-May 2026 (press)",
        "2026-05",
        Press,
    ),
    s(
        "bitcoin.btcPriceGrowthPctPerYear",
        "An assumption, not a forecast: ATH >$126k Oct 2025, ~$78k May 2026",
        "2026-05",
        Estimate,
    ),
    s(
        "bitcoin.networkHashrateEhs",
        "~0.96 ZH/s in May 2026 (from difficulty, open-source trackers)",
        "2026-05",
        OpenSource,
    ),
    s(
        "bitcoin.networkHashrateGrowthPctPerYear",
        "+40–50 %/yr 2023–25, flat H1 2026; 25 %/yr suggested (DATA.md)",
        "2026-05",
        Derived,
    ),
    s(
        "bitcoin.feesBtcPerBlock",
        "~0.015–0.02 BTC/block, late 2025 (Braiins API)",
        "2025-12",
        Primary,
    ),
    s(
        "bitcoin.feesGrowthPctPerYear",
        "Held flat: fee spikes are events, not a trend",
        "2025-12",
        Estimate,
    ),
    s(
        "bitcoin.anchorHeight",
        "Block 840,000: the fourth halving",
        "2024-04",
        Primary,
    ),
    s(
        "bitcoin.anchorDate",
        "Block 840,000 was mined on 20 Apr 2024",
        "2024-04",
        Primary,
    ),
    s(
        "bitcoin.blocksPerDay",
        "Protocol target: one block per 10 minutes",
        "2009-01",
        Primary,
    ),
    s(
        "mining.fleet[0].hashrateThs",
        "Antminer S21 XP 270 TH/s, Bitmain spec sheet (as reported by retailers)",
        "2024-03",
        Press,
    ),
    s(
        "mining.fleet[0].efficiencyJPerTh",
        "Antminer S21 XP 13.5 J/TH, Bitmain spec sheet",
        "2024-03",
        Press,
    ),
    s(
        "mining.fleet[0].units",
        "Sample fleet: 8,000 units (29.2 MW of ASICs)",
        "2026-05",
        Estimate,
    ),
    s(
        "mining.fleet[1].hashrateThs",
        "Antminer S21 200 TH/s, Bitmain spec sheet",
        "2024-03",
        Press,
    ),
    s(
        "mining.fleet[1].efficiencyJPerTh",
        "Antminer S21 17.5 J/TH, Bitmain spec sheet",
        "2024-03",
        Press,
    ),
    s(
        "mining.fleet[1].units",
        "Sample fleet: 10,000 units (35.0 MW of ASICs)",
        "2026-05",
        Estimate,
    ),
    s(
        "mining.fleet[2].hashrateThs",
        "Antminer S19j Pro 104 TH/s, Bitmain spec sheet",
        "2024-03",
        Press,
    ),
    s(
        "mining.fleet[2].efficiencyJPerTh",
        "Antminer S19j Pro 29.5 J/TH, Bitmain spec sheet",
        "2024-03",
        Press,
    ),
    s(
        "mining.fleet[2].units",
        "Sample fleet: 9,000 units (27.6 MW of ASICs)",
        "2026-05",
        Estimate,
    ),
    s(
        "mining.pue",
        "Mining PUE 1.05–1.25 air; 1.05 with fans counted in the ASIC",
        "2025-12",
        Estimate,
    ),
    s(
        "mining.uptimePct",
        "Assumed availability of a well-run site",
        "2025-12",
        Estimate,
    ),
    s(
        "mining.poolFeePct",
        "FPPS pool fees 0.7–4 %; 2 % default (pool fee pages)",
        "2025-12",
        Estimate,
    ),
    s(
        "mining.curtailmentPct",
        "Typical curtailment: a few % of hours (ERCOT miners, press)",
        "2023-08",
        Press,
    ),
    s(
        "mining.curtailmentCreditUsdPerMwh",
        "No credit assumed; Riot earned $31.7 M of credits in Aug 2023",
        "2023-08",
        Estimate,
    ),
    s(
        "mining.fixedOpexUsdPerMwYear",
        "Labour ≈ $30k + maintenance ≈ $20k + insurance ≈ $10k per MW-year",
        "2025-12",
        Estimate,
    ),
    s(
        "mining.shutdownWhenUnprofitable",
        "A rational miner stops when revenue < power cost",
        "2026-05",
        Derived,
    ),
    s(
        "mining.refresh.enabled",
        "Off: a refresh is a separate decision",
        "2026-05",
        Estimate,
    ),
    s(
        "mining.refresh.afterYears",
        "ASIC depreciation 3–4 years",
        "2025-12",
        Estimate,
    ),
    s(
        "mining.refresh.capexUsdPerTh",
        "S21 XP ≈ $16–18/TH (Hashrate Index ASIC price index)",
        "2026-05",
        OpenSource,
    ),
    s(
        "mining.refresh.efficiencyJPerTh",
        "Antminer S21 XP 13.5 J/TH",
        "2024-03",
        Press,
    ),
    s(
        "retrofit.convertedSharePct",
        "The whole site: the usual miner-to-AI deal",
        "2025-12",
        Estimate,
    ),
    s(
        "retrofit.pue",
        "AI PUE 1.18 (Applied Digital design) to 1.2–1.3 (Bitfarms)",
        "2025-12",
        Primary,
    ),
    s(
        "retrofit.rackDensityKw",
        "GB200 NVL72 ≈ 120–132 kW per rack (NVIDIA)",
        "2025-12",
        Primary,
    ),
    s(
        "retrofit.cooling",
        "Direct-to-chip liquid: what 100+ kW racks need",
        "2025-12",
        Estimate,
    ),
    s(
        "retrofit.redundancy",
        "AI tenants expect Tier III-like N+1",
        "2025-12",
        Estimate,
    ),
    s(
        "retrofit.constructionStartMonth",
        "Construction starts in month 0",
        "2026-11",
        Estimate,
    ),
    s(
        "retrofit.buildMonths",
        "Signing to first energised MW: ~8–18 months on a mining site",
        "2025-12",
        Derived,
    ),
    s(
        "retrofit.rampMonths",
        "Assumed tenant move-in over half a year",
        "2025-12",
        Estimate,
    ),
    s(
        "retrofit.softCostPct",
        "Design, permits, engineering: an industry rule of thumb",
        "2025-12",
        Estimate,
    ),
    s(
        "retrofit.contingencyPct",
        "Construction contingency: an industry rule of thumb",
        "2025-12",
        Estimate,
    ),
    s(
        "colocation.leaseUsdPerKwMonth",
        "Miner-to-AI deals ≈ $100–177/kW-month, mostly $120–160 (from contract values)",
        "2025-12",
        Derived,
    ),
    s(
        "colocation.escalatorPctPerYear",
        "Typical wholesale data-center escalator",
        "2025-12",
        Estimate,
    ),
    s(
        "colocation.occupancyPct",
        "A single build-to-suit tenant leases the whole hall",
        "2025-12",
        Estimate,
    ),
    s(
        "colocation.leaseType",
        "NNN or modified gross in miner deals (press)",
        "2025-12",
        Press,
    ),
    s(
        "colocation.landlordOpexUsdPerMwItYear",
        "Site NOI margins of 80–90 % quoted: ≈ 15 % of $1.68 M/MW-yr",
        "2025-12",
        Derived,
    ),
    s(
        "colocation.leaseTermYears",
        "10–15-year terms with renewals (press)",
        "2025-12",
        Press,
    ),
    s(
        "colocation.afterTerm",
        "Renewal options are standard in these leases",
        "2025-12",
        Estimate,
    ),
    s(
        "gpuCloud.system",
        "B200: what a GPU cloud would buy in 2026",
        "2026-05",
        Estimate,
    ),
    s(
        "gpuCloud.rentUsdPerGpuHour",
        "B200 TCO $2.34/GPU-h × H100 contract-to-TCO ratio 1.39 ($2.35 ÷ $1.69)",
        "2026-03",
        Derived,
    ),
    s(
        "gpuCloud.rentDeclinePctPerYear",
        "1- vs 3-year reserved prices imply ≈ 0.72× per year",
        "2026-05",
        Estimate,
    ),
    s(
        "gpuCloud.utilizationPct",
        "~85 % contracted, ~60 % on demand",
        "2026-05",
        Estimate,
    ),
    s(
        "gpuCloud.loadPct",
        "Average draw of a busy training/inference cluster vs nameplate",
        "2026-05",
        Estimate,
    ),
    s(
        "gpuCloud.usefulLifeYears",
        "Useful life 5 years (CoreWeave 6, Nebius 4, Amazon 5)",
        "2025-12",
        Press,
    ),
    s(
        "gpuCloud.endOfLife",
        "Refresh: a GPU cloud stays in business",
        "2026-05",
        Estimate,
    ),
    s(
        "gpuCloud.fabric",
        "InfiniBand: the default back-end for NVIDIA training clusters",
        "2025-12",
        Estimate,
    ),
    s(
        "gpuCloud.opexUsdPerGpuYear",
        "Staff, support, software, maintenance per GPU: an assumption",
        "2026-05",
        Estimate,
    ),
    s(
        "gpuCloud.opexPctOfRevenue",
        "Sales, billing, platform: an assumption",
        "2026-05",
        Estimate,
    ),
    s(
        "finance.discountRatePct",
        "10 % default (8–15 % range in open-source models)",
        "2025-12",
        OpenSource,
    ),
    s(
        "finance.taxEnabled",
        "Off: pre-tax comparison by default",
        "2026-05",
        Estimate,
    ),
    s("finance.taxRatePct", "US federal corporate rate", "2018-01", Primary),
    s(
        "finance.sensitivityPct",
        "±20 % tornado: a common range for a first look",
        "2026-05",
        Estimate,
    ),
];

/// The source of a scenario field's default, if any.
pub fn source_of(field: &str) -> Option<Source> {
    SCENARIO_SOURCES
        .iter()
        .find(|s| s.field == field)
        .map(StaticSource::to_source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use serde_json::Value;

    fn leaves(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(&p, v, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    leaves(&format!("{prefix}[{i}]"), v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    #[test]
    fn every_default_has_a_source() {
        let mut fields = Vec::new();
        leaves("", &serde_json::to_value(Scenario::default()).unwrap(), &mut fields);
        let missing: Vec<&String> = fields
            .iter()
            .filter(|f| !matches!(f.as_str(), "schemaVersion" | "name") && !f.ends_with(".model"))
            .filter(|f| source_of(f).is_none())
            .collect();
        assert!(missing.is_empty(), "defaults without a source: {missing:?}");
    }
}
