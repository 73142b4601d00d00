//! Reference data the user picks from: ASIC models, GPU systems, cooling technologies and
//! sample sites, each with its source (docs/data-sources.md). Reference data low in the
//! module graph: capex and the GPU cloud read it; the catalogue that hands it to the page with
//! the cost library and every source is assembled at the top ([`crate::catalogue`]).

use serde::{Deserialize, Serialize};

use crate::scenario::{Cooling, FleetLine, GpuSystem, Scenario};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsicPreset {
    pub model: String,
    pub hashrate_ths: f64,
    pub power_w: f64,
    pub efficiency_j_per_th: f64,
    /// "air", "hydro" or "immersion".
    pub cooling: String,
    pub source: String,
    pub as_of: String,
    /// Where the figures can be read, when a public page was found for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct GpuSystemPreset {
    pub id: GpuSystem,
    pub label: String,
    /// All-in critical IT power per GPU: the GPU server and its share of the CPUs, storage and
    /// networks on the UPS, kW (not the facility: × PUE for that).
    pub it_kw_per_gpu: f64,
    /// All-in capex per GPU: servers, back-end InfiniBand fabric, front-end network, storage
    /// and installation, one definition (the bill splits it into those lines), USD.
    pub capex_usd_per_gpu: f64,
    /// A market rent per GPU-hour, USD, with its source and date.
    pub market_rent_usd_per_gpu_hour: f64,
    pub rent_source: String,
    /// Neocloud total cost of ownership per GPU-hour (SemiAnalysis tier), USD, where known.
    pub tco_usd_per_gpu_hour: Option<f64>,
    pub source: String,
    pub as_of: String,
    pub estimate: bool,
    /// Where the system's figures can be read, when a public page was found for them.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CoolingPreset {
    pub id: Cooling,
    pub label: String,
    /// Highest rack density the technology can cool, kW per rack.
    pub max_rack_density_kw: f64,
    /// The PUE the technology typically implies.
    pub typical_pue: f64,
    pub source: String,
    pub as_of: String,
    pub estimate: bool,
    /// Where the figures can be read, when a public page was found for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SampleSite {
    pub id: String,
    pub label: String,
    pub description: String,
    /// A complete, valid scenario (written through the field registry).
    #[serde(serialize_with = "crate::fields::serialize_scenario")]
    #[cfg_attr(feature = "typescript", tsify(type = "CompleteScenario"))]
    pub scenario: Scenario,
}

const BITMAIN: &str = "Bitmain spec sheet as reported by retailers (miningstore.com, HackerNoon)";
const WHATSMINER: &str = "Whatsminer figures from open-source calculator presets";

pub fn asics() -> Vec<AsicPreset> {
    // `(source, url)`: "" where no public page was found for the model's figures.
    let a = |model: &str, ths: f64, w: f64, j: f64, cooling: &str, (source, url): (&str, &str)| AsicPreset {
        model: model.to_string(),
        hashrate_ths: ths,
        power_w: w,
        efficiency_j_per_th: j,
        cooling: cooling.to_string(),
        source: source.to_string(),
        as_of: "2024-03".to_string(),
        url: (!url.is_empty()).then(|| url.to_string()),
    };
    let amv = "Bitmain's specifications, as listed by ASIC Miner Value";
    vec![
        a(
            "Antminer S19j Pro",
            104.0,
            3_068.0,
            29.5,
            "air",
            (
                amv,
                "https://www.asicminervalue.com/miners/bitmain/antminer-s19j-pro-104th",
            ),
        ),
        a("Antminer S19 XP", 140.0, 3_010.0, 21.5, "air", (BITMAIN, "")),
        a(
            "Antminer S21",
            200.0,
            3_500.0,
            17.5,
            "air",
            (amv, "https://www.asicminervalue.com/miners/bitmain/antminer-s21-200th"),
        ),
        a(
            "Antminer S21 Pro",
            234.0,
            3_510.0,
            15.0,
            "air",
            (
                amv,
                "https://www.asicminervalue.com/miners/bitmain/antminer-s21-pro-234th",
            ),
        ),
        a(
            "Antminer S21 XP",
            270.0,
            3_645.0,
            13.5,
            "air",
            (
                "Bitmain, S21 XP specifications",
                "https://support.bitmain.com/hc/en-us/articles/35383015643673-S21-XP-Specifications",
            ),
        ),
        a("Antminer S21+ Hydro", 319.0, 4_785.0, 15.0, "hydro", (BITMAIN, "")),
        a("Whatsminer M60S", 186.0, 3_420.0, 18.4, "air", (WHATSMINER, "")),
        a("Whatsminer M66S", 298.0, 5_500.0, 18.5, "immersion", (WHATSMINER, "")),
    ]
}

/// Critical IT per GPU beyond the accelerator rack: IREN's 200 MW of IT for 76,000 GB300 GPUs
/// is 2.63 kW per GPU against ~136 kW ÷ 72 = 1.89 kW at the NVL72 rack (docs/data-sources.md
/// "GPU cloud operations") [D]: × 1.39 for CPUs, storage, networks and other IT on the UPS,
/// applied to every system's rack or node figure.
pub const ALL_IN_IT_FACTOR: f64 = 2.63 / (136.0 / 72.0);

// Every system's capex on one basis (scenario version 7): what an operator pays per GPU for the
// systems with their servers, InfiniBand, racks, cabling, storage and installation, as IREN
// disclosed its purchases (docs/data-sources.md "GPUs"). Where no purchase is public, a sibling's
// all-in price less the difference of the two systems' own prices [E].

/// H200: IREN's 1,080 H200 for $43.9 M including servers, InfiniBand, racks, cabling and labour
/// (16 Sep 2024) [P].
pub const ALL_IN_USD_H200: f64 = 40_600.0;
/// H100: the H200's all-in price less the street difference of the two GPUs ($35k − $30k,
/// mid-2026) [E].
pub const ALL_IN_USD_H100: f64 = ALL_IN_USD_H200 - (35_000.0 - 30_000.0);
/// B200 and B300: IREN's 1,300 B200 and 1,100 B300 for ≈ $130 M (3 Jul 2025); the order's
/// split is not public, so both take its average [P/D].
pub const ALL_IN_USD_B200_B300: f64 = 130_000_000.0 / 2_400.0;
/// GB300 NVL72: Dell supplies IREN's 76,000 GB300 GPUs and ancillary equipment for ≈ $5.8 B
/// (3 Nov 2025) [P/D].
pub const ALL_IN_USD_GB300: f64 = 5_800_000_000.0 / 76_000.0;
/// GB200 NVL72: the GB300's all-in price less the racks' price difference (midpoints $3.5 M and
/// $2.6 M, ÷ 72 GPUs) [E].
pub const ALL_IN_USD_GB200: f64 = ALL_IN_USD_GB300 - (3_500_000.0 - 2_600_000.0) / 72.0;

pub fn gpu_system(id: GpuSystem) -> GpuSystemPreset {
    let g = |label: &str,
             kw: f64,
             capex: f64,
             tco: Option<f64>,
             source: &str,
             as_of: &str,
             estimate: bool,
             rent: (f64, &str),
             url: &str| {
        GpuSystemPreset {
            id,
            label: label.to_string(),
            it_kw_per_gpu: kw,
            capex_usd_per_gpu: capex,
            market_rent_usd_per_gpu_hour: rent.0,
            rent_source: rent.1.to_string(),
            tco_usd_per_gpu_hour: tco,
            source: source.to_string(),
            as_of: as_of.to_string(),
            estimate,
            url: (!url.is_empty()).then(|| url.to_string()),
        }
    };
    // The DGX H100 and H200 draw up to 10.2 kW per 8-GPU node (six 3.3 kW supplies, 4 + 2).
    const IREN_H200: &str =
        "https://markets.businessinsider.com/news/stocks/iren-to-increase-ai-cloud-services-to-10-of-earnings-1033774668";
    const IREN_BLACKWELL: &str = "https://business-news-today.com/iren-adds-2400-nvidia-blackwell-gpus-to-ai-cloud-fleet-targets-20000-gpu-scale-at-prince-george/";
    const IREN_MICROSOFT: &str = "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal";
    const BETWEEN: &str =
        "No public contract rate; between the B200's $2.80 floor and GB300's $2.91 contract (estimate)";
    match id {
        GpuSystem::H100 => g(
            "NVIDIA H100 SXM (HGX 8-GPU)",
            10.2 / 8.0 * ALL_IN_IT_FACTOR,
            ALL_IN_USD_H100,
            Some(1.69),
            "DGX H100: up to 10.2 kW per 8-GPU node × 1.39 all-in; $35.6k all-in = IREN's H200 price ($40.6k, Sep 2024) less the street difference of the GPUs ($35k − $30k, mid-2026; estimate); TCO SemiAnalysis",
            "2026-05",
            true,
            (2.35, "1-year contract index $2.35/GPU-h (SemiAnalysis, Mar 2026)"),
            IREN_H200,
        ),
        GpuSystem::H200 => g(
            "NVIDIA H200 (HGX 8-GPU)",
            10.2 / 8.0 * ALL_IN_IT_FACTOR,
            ALL_IN_USD_H200,
            None,
            "DGX H200: up to 10.2 kW per 8-GPU node × 1.39 all-in; IREN paid $43.9 M for 1,080 H200 with servers, InfiniBand, racks, cabling and labour: $40.6k per GPU (Sep 2024)",
            "2024-09",
            false,
            (2.50, "On demand $2.50–7.00/GPU-h by provider tier, lowest tier (May 2026, estimate)"),
            IREN_H200,
        ),
        GpuSystem::B200 => g(
            "NVIDIA B200 (DGX B200)",
            14.3 / 8.0 * ALL_IN_IT_FACTOR,
            ALL_IN_USD_B200_B300,
            Some(2.34),
            "NVIDIA DGX B200: 14.3 kW per 8 GPUs × 1.39 all-in; IREN bought 1,300 B200 and 1,100 B300 for ≈ $130 M: $54.2k per GPU, the order's average (Jul 2025); TCO SemiAnalysis",
            "2025-07",
            true,
            (2.80, "Rental floor $3.20 (early 2025) → $2.80 (Sep 2025), RBC via FT"),
            IREN_BLACKWELL,
        ),
        GpuSystem::Gb200 => g(
            "NVIDIA GB200 NVL72",
            132.0 / 72.0 * ALL_IN_IT_FACTOR,
            ALL_IN_USD_GB200,
            Some(2.75),
            "NVIDIA: ~120–132 kW per NVL72 rack × 1.39 all-in; $63.8k all-in = GB300's $76.3k (IREN–Dell) less the racks' price difference ($3.5 M − $2.6 M midpoints ÷ 72; estimate); TCO SemiAnalysis",
            "2025-11",
            true,
            (2.85, BETWEEN),
            "https://introl.com/blog/gb200-nvl72-deployment-72-gpu-liquid-cooled",
        ),
        GpuSystem::B300 => g(
            "NVIDIA B300 (DGX B300)",
            14.5 / 8.0 * ALL_IN_IT_FACTOR,
            ALL_IN_USD_B200_B300,
            None,
            "NVIDIA DGX B300: 14.5 kW per 8 GPUs × 1.39 all-in; IREN bought 1,300 B200 and 1,100 B300 for ≈ $130 M: $54.2k per GPU, the order's average (Jul 2025; the split is not public)",
            "2025-07",
            true,
            (2.85, BETWEEN),
            IREN_BLACKWELL,
        ),
        GpuSystem::Gb300 => g(
            "NVIDIA GB300 NVL72",
            200_000.0 / 76_000.0,
            ALL_IN_USD_GB300,
            None,
            "IREN–Microsoft: 76,000 GB300 in 200 MW of critical IT (2.63 kW per GPU all-in); Dell supplies GPUs and ancillary equipment for ≈ $5.8 B ($76.3k per GPU) (Nov 2025)",
            "2025-11",
            false,
            (2.91, "IREN–Microsoft: ≈ $9.7 B over 5 years for 76,000 GPUs = $2.91 per GPU-hour (Nov 2025)"),
            IREN_MICROSOFT,
        ),
    }
}

pub fn gpu_systems() -> Vec<GpuSystemPreset> {
    GpuSystem::ALL.into_iter().map(gpu_system).collect()
}

/// The scenario's all-in IT power per GPU: `gpuCloud.itKwPerGpu`, or the system's when 0.
pub fn it_kw_per_gpu(s: &Scenario) -> f64 {
    match s.gpu_cloud.it_kw_per_gpu {
        kw if kw > 0.0 => kw,
        _ => gpu_system(s.gpu_cloud.system).it_kw_per_gpu,
    }
}

/// The scenario's all-in capex per GPU: `gpuCloud.capexUsdPerGpu`, or the system's when 0.
pub fn capex_usd_per_gpu(s: &Scenario) -> f64 {
    match s.gpu_cloud.capex_usd_per_gpu {
        usd if usd > 0.0 => usd,
        _ => gpu_system(s.gpu_cloud.system).capex_usd_per_gpu,
    }
}

pub fn cooling(id: Cooling) -> CoolingPreset {
    let c = |label: &str, max: f64, pue: f64, source: &str| CoolingPreset {
        id,
        label: label.to_string(),
        max_rack_density_kw: max,
        typical_pue: pue,
        source: source.to_string(),
        as_of: "2025-12".to_string(),
        estimate: true,
        url: None,
    };
    match id {
        Cooling::Air => c(
            "Air",
            20.0,
            1.5,
            "Air tops out at ~15–20 kW per rack; industry-average PUE ~1.55 (Uptime Institute: 1.55–1.59 since 2020, 1.58 in 2023)",
        )
        .with_url("https://journal.uptimeinstitute.com/large-data-centers-are-mostly-more-efficient-analysis-confirms/"),
        Cooling::RearDoor => c(
            "Rear-door heat exchangers",
            60.0,
            1.35,
            "Passive rear doors to ~35 kW, active to ~60 kW per rack",
        ),
        Cooling::DirectToChip => c(
            "Direct-to-chip liquid",
            200.0,
            1.25,
            "Direct-to-chip 100–200+ kW per rack (GB200 NVL72 ~120–132 kW); AI PUE 1.18–1.3",
        ),
        Cooling::Immersion => c(
            "Immersion",
            150.0,
            1.1,
            "Immersion tanks ~100–150 kW; immersion PUE 1.03–1.10 in mining",
        ),
    }
}

impl CoolingPreset {
    fn with_url(mut self, url: &str) -> CoolingPreset {
        self.url = Some(url.to_string());
        self
    }
}

pub fn cooling_options() -> Vec<CoolingPreset> {
    [
        Cooling::Air,
        Cooling::RearDoor,
        Cooling::DirectToChip,
        Cooling::Immersion,
    ]
    .into_iter()
    .map(cooling)
    .collect()
}

/// Illustrative sites (not any company's real figures) that show the range of answers.
pub fn sample_sites() -> Vec<SampleSite> {
    let base = Scenario::default();

    let mut small = base.clone();
    small.name = "Sample 30 MW hydro site, Québec-like power".to_string();
    small.site.grid_capacity_mw = 30.0;
    small.site.power_price_usd_per_mwh = 35.0;
    small.site.building_area_sq_ft = 30_000.0;
    small.site.fibre_distance_km = 60.0;
    small.mining.fleet = vec![
        FleetLine::new("Antminer S21", 4_000, 200.0, 17.5),
        FleetLine::new("Antminer S19 XP", 3_500, 140.0, 21.5),
    ];
    small.retrofit.rack_density_kw = 40.0;
    small.retrofit.cooling = Cooling::RearDoor;
    small.retrofit.pue = 1.3;
    small.gpu_cloud.system = GpuSystem::H200;
    small.gpu_cloud.rent_usd_per_gpu_hour = 2.35;
    // A small site sells its H200 hours at the market, without a contract.
    small.gpu_cloud.contract_share_pct = 0.0;

    let mut large = base.clone();
    large.name = "Sample 300 MW West Texas campus".to_string();
    large.site.grid_capacity_mw = 300.0;
    large.site.power_price_usd_per_mwh = 40.0;
    large.site.building_area_sq_ft = 300_000.0;
    large.site.fibre_distance_km = 40.0;
    large.mining.fleet = vec![
        FleetLine::new("Antminer S21 XP", 30_000, 270.0, 13.5),
        FleetLine::new("Antminer S21+ Hydro", 15_000, 319.0, 15.0),
        FleetLine::new("Whatsminer M60S", 20_000, 186.0, 18.4),
    ];
    large.mining.curtailment_credit_usd_per_mwh = 50.0;
    large.retrofit.converted_share_pct = 60.0;
    large.gpu_cloud.system = GpuSystem::Gb200;
    // Its GB200 capacity contracted at the GB200's reference rent, and each refreshed
    // generation of GB200s contracted again at it (operators buy GPUs against contracts).
    large.gpu_cloud.rent_usd_per_gpu_hour = 2.85;
    large.gpu_cloud.contract_rate_usd_per_gpu_hour = 2.85;
    large.gpu_cloud.refresh_system = GpuSystem::Gb200;
    large.gpu_cloud.recontract_at_market = true;

    vec![
        SampleSite {
            id: "texas-100".to_string(),
            label: "100 MW Texas site (default)".to_string(),
            description: "Air-cooled mixed fleet on ERCOT-like power at $45/MWh; whole site converted.".to_string(),
            scenario: base,
        },
        SampleSite {
            id: "hydro-30".to_string(),
            label: "30 MW hydro site".to_string(),
            description: "Small site on cheap hydro power, far from fibre; rear-door cooling at 40 kW per rack, H200s."
                .to_string(),
            scenario: small,
        },
        SampleSite {
            id: "campus-300".to_string(),
            label: "300 MW West Texas campus, 60 % converted".to_string(),
            description:
                "Large campus with curtailment credits; a hybrid that keeps 40 % mining; GB200 racks contracted again at each refresh."
                    .to_string(),
            scenario: large,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_sites_are_valid() {
        for site in sample_sites() {
            assert_eq!(crate::validate::validate(&site.scenario), vec![], "{}", site.id);
        }
    }

    #[test]
    fn asic_efficiency_matches_power_over_hashrate() {
        for a in asics() {
            // J/TH = W ÷ TH/s, to the spec sheets' rounding.
            assert!(
                (a.power_w / a.hashrate_ths - a.efficiency_j_per_th).abs() < 0.15,
                "{}",
                a.model
            );
        }
    }
}
