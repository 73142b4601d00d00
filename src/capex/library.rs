//! The cost library: every unit cost the retrofit bill, the GPU bill and the greenfield
//! comparison multiply by, each with its source, the month it was true and whether it is an
//! estimate. Figures come from docs/data-sources.md and the sources named on each item; how
//! the defaults were calibrated is in docs/methodology-capex.md.
//!
//! Unit costs are installed equipment prices where a public equipment price exists, and the
//! installation of cooling and electrical equipment is its own line (a share of the
//! equipment), so a user who has a vendor quote can override the equipment and keep the
//! installation, or the other way round.

use crate::scenario::{Cooling, GpuSystem, Redundancy};

/// What a line is spent on; the bill is totalled by category in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Cooling,
    Electrical,
    Networking,
    Building,
    Land,
    ItEquipment,
    SoftCosts,
}

impl Category {
    /// Every category, in the order the bill is totalled.
    pub const ALL: [Category; 7] = [
        Category::Cooling,
        Category::Electrical,
        Category::Networking,
        Category::Building,
        Category::Land,
        Category::ItEquipment,
        Category::SoftCosts,
    ];

    /// The category's stable id, for code; [`Category::label`] is for people.
    pub const fn id(self) -> &'static str {
        match self {
            Category::Cooling => "cooling",
            Category::Electrical => "electrical",
            Category::Networking => "networking",
            Category::Building => "building",
            Category::Land => "land",
            Category::ItEquipment => "itEquipment",
            Category::SoftCosts => "softCosts",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Category::Cooling => "Cooling",
            Category::Electrical => "Electrical",
            Category::Networking => "Networking",
            Category::Building => "Building",
            Category::Land => "Land",
            Category::ItEquipment => "IT equipment",
            Category::SoftCosts => "Soft costs & contingency",
        }
    }
}

/// One unit cost, with where it comes from. `const` so the bill never allocates to find one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LibraryItem {
    /// Stable id used by `retrofit.costOverrides`.
    pub id: &'static str,
    pub category: Category,
    pub label: &'static str,
    /// What one unit is.
    pub unit: &'static str,
    pub unit_cost_usd: f64,
    pub source: &'static str,
    /// `"YYYY-MM"`.
    pub as_of: &'static str,
    pub estimate: bool,
    /// Where the figure can be read ("" where it is no public page).
    pub url: &'static str,
}

use Category::*;

const KW_IT: &str = "kW of IT";
const PER_GPU: &str = "GPU";

// ---- Cooling -------------------------------------------------------------------------------

pub const CDU: LibraryItem = LibraryItem {
    id: "cdu",
    category: Cooling,
    label: "Coolant distribution units (CDUs)",
    unit: KW_IT,
    unit_cost_usd: 140.0,
    source: "CDU ≈ $140/kW (default of an open-source AI data-center cost model)",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const DRY_COOLERS: LibraryItem = LibraryItem {
    id: "dryCoolers",
    category: Cooling,
    label: "Dry coolers (heat rejection without chillers)",
    unit: KW_IT,
    unit_cost_usd: 164.0,
    source: "Dry cooler ≈ $164/kW (default of an open-source AI data-center cost model)",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const PUMPS_PIPEWORK: LibraryItem = LibraryItem {
    id: "pumpsPipework",
    category: Cooling,
    label: "Pumps and facility water pipework",
    unit: KW_IT,
    unit_cost_usd: 190.0,
    source: "Pumps/pipework ≈ $190/kW (default of an open-source AI data-center cost model)",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const AIR_HANDLERS: LibraryItem = LibraryItem {
    id: "airHandlers",
    category: Cooling,
    label: "Air handlers (CRAH units, fan walls)",
    unit: "kW of heat to air",
    unit_cost_usd: 350.0,
    source: "Estimate: no public list price; air plant ≈ $1,000/kW with the chilled-water plant and pipework, \
     against facility liquid cooling at $300–500/kW",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const CHILLED_WATER_PLANT: LibraryItem = LibraryItem {
    id: "chilledWaterPlant",
    category: Cooling,
    label: "Chilled-water plant (chillers, cooling towers)",
    unit: "kW of heat to air",
    unit_cost_usd: 450.0,
    source: "Estimate: no public list price (see air handlers); chillers are a 30–40-week lead item (Cushman & Wakefield 2025)",
    as_of: "2025-12",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};
pub const REAR_DOORS: LibraryItem = LibraryItem {
    id: "rearDoors",
    category: Cooling,
    label: "Rear-door heat exchangers",
    unit: KW_IT,
    unit_cost_usd: 750.0,
    source: "Rear-door retrofit adds $0.5–1 M per MW to an air-cooled hall (estimate); midpoint",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const IMMERSION_TANKS: LibraryItem = LibraryItem {
    id: "immersionTanks",
    category: Cooling,
    label: "Immersion tanks, dielectric fluid and in-tank heat exchangers",
    unit: KW_IT,
    unit_cost_usd: 460.0,
    source: "Derived: immersion capex 14 % below air at ≥ 40 kW per rack (Schneider Electric / Iceotope): \
     0.86 × $990/kW of air plant, less the shared dry coolers, pumps and 5 % air side",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const COOLING_INSTALLATION: LibraryItem = LibraryItem {
    id: "coolingInstallation",
    category: Cooling,
    label: "Mechanical installation, controls and commissioning",
    unit: "USD of cooling equipment",
    unit_cost_usd: 1.0,
    source: "Estimate: labour is 40–50 % of data-center construction cost (Cortex Construct), so installing, \
     piping and commissioning cost about as much as the equipment",
    as_of: "2026-04",
    estimate: true,
    url: "",
};

// ---- Electrical ----------------------------------------------------------------------------

pub const SWITCHGEAR: LibraryItem = LibraryItem {
    id: "switchgear",
    category: Electrical,
    label: "MV/LV switchgear and transformers",
    unit: "kW of electrical capacity",
    unit_cost_usd: 450.0,
    source: "Estimate: no public list price; set so that electrical lands at the 40–50 % of cost industry breakdowns \
     report; switchgear is the longest lead item, 46–48 weeks (Cushman & Wakefield 2025)",
    as_of: "2025-12",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};
pub const UPS: LibraryItem = LibraryItem {
    id: "ups",
    category: Electrical,
    label: "UPS and batteries",
    unit: "kW of electrical capacity",
    unit_cost_usd: 175.0,
    source: "UPS $150–200/kW (estimate); midpoint",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const GENERATORS: LibraryItem = LibraryItem {
    id: "generators",
    category: Electrical,
    label: "Standby diesel generators and fuel systems",
    unit: "kW of electrical capacity",
    unit_cost_usd: 650.0,
    source: "Estimate: no public list price for 2–3 MW gensets; lead times 72–104 weeks. A mining site has none",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
/// Prime-rated gas generation the AI load runs on whenever the grid costs more
/// (`power.aiSupply` = `generation`), sized to the facility load.
pub const ONSITE_GENERATION: LibraryItem = LibraryItem {
    id: "onsiteGeneration",
    category: Electrical,
    label: "On-site gas generation (reciprocating engines) for the expensive hours",
    unit: "kW of facility load",
    unit_cost_usd: 1_800.0,
    source: "$1,800/kW: NREL REopt's 3–4.5 MW engine defaults $2,120–2,700/kW with heat recovery, large turbines ~$1,000/kW; \
     turbine makers sold out to 2029–30 (an estimate; https://www.eia.gov/analysis/studies/powerplants/capitalcost/)",
    as_of: "2025-06",
    estimate: true,
    url: "",
};
pub const DISTRIBUTION: LibraryItem = LibraryItem {
    id: "distribution",
    category: Electrical,
    label: "PDUs, busway and rack power distribution",
    unit: "kW of electrical capacity",
    unit_cost_usd: 75.0,
    source: "PDUs $50–100/kW (estimate); midpoint",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const MV_FEEDERS: LibraryItem = LibraryItem {
    id: "mvFeeders",
    category: Electrical,
    label: "Medium-voltage feeders from the existing substation to the halls",
    unit: KW_IT,
    unit_cost_usd: 200.0,
    source: "Estimate: a mine's MV layout feeds containers, not data halls; new feeders and ring-main units",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const ELECTRICAL_INSTALLATION: LibraryItem = LibraryItem {
    id: "electricalInstallation",
    category: Electrical,
    label: "Electrical installation: cabling, conduit, labour and commissioning",
    unit: "USD of electrical equipment",
    unit_cost_usd: 1.0,
    source: "Estimate: labour is 40–50 % of data-center construction cost (Cortex Construct); copper and \
     labour cost about as much as the equipment",
    as_of: "2026-04",
    estimate: true,
    url: "",
};
pub const EXISTING_SUBSTATION: LibraryItem = LibraryItem {
    id: "existingSubstation",
    category: Electrical,
    label: "Existing substation and grid interconnect (reused)",
    unit: "MW of grid capacity",
    unit_cost_usd: 0.0,
    source: "The mining site's own energised interconnect: reused at no cost (override it if the substation needs \
     work); the greenfield comparison prices a new one",
    as_of: "2026-05",
    estimate: false,
    url: "",
};

// ---- Networking ----------------------------------------------------------------------------

pub const WAN_FIBRE: LibraryItem = LibraryItem {
    id: "wanFibre",
    category: Networking,
    label: "WAN fibre to the nearest point of presence (two diverse paths)",
    unit: "km",
    unit_cost_usd: 60_000.0,
    source: "Estimate: no public $/km for dark fibre was found; rural buried fibre, two diverse routes",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const MEET_ME_ROOM: LibraryItem = LibraryItem {
    id: "meetMeRoom",
    category: Networking,
    label: "Meet-me room (carrier cross-connects)",
    unit: "room",
    unit_cost_usd: 2_000_000.0,
    source: "Estimate: a carrier-neutral meet-me room with its own power, cooling and security",
    as_of: "2025-12",
    estimate: true,
    url: "",
};

// ---- Building ------------------------------------------------------------------------------

pub const HALL_CONVERSION: LibraryItem = LibraryItem {
    id: "hallConversion",
    category: Building,
    label: "Converting the mining buildings into data halls (slab, envelope, roof, grey-space rooms)",
    unit: KW_IT,
    unit_cost_usd: 900.0,
    source: "Derived: a new data-center shell is 21 % of $9.7 M/MW in Texas ≈ $2,040/kW (Cushman & Wakefield 2025); \
     converting reuses land, structure and foundations, ≈ 45 % of it. With the fit-out: $1,900/kW, inside \
     the $1,000–2,000/kW facility build-out band",
    as_of: "2024-10",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};
pub const WHITE_SPACE_FIT_OUT: LibraryItem = LibraryItem {
    id: "whiteSpaceFitOut",
    category: Building,
    label: "White-space fit-out (containment, cable trays, lighting, leak detection)",
    unit: KW_IT,
    unit_cost_usd: 1_000.0,
    source: "Derived: white-space build-out is 10 % of $9.7 M/MW in Texas ≈ $970/kW (Cushman & Wakefield 2025)",
    as_of: "2024-10",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};
pub const BACK_OF_HOUSE: LibraryItem = LibraryItem {
    id: "backOfHouse",
    category: Building,
    label: "Back of house and offices (upgrading the mine's)",
    unit: KW_IT,
    unit_cost_usd: 300.0,
    source: "Derived: back of house and offices are 6 % of $9.7 M/MW ≈ $580/kW new (Cushman & Wakefield 2025); \
     about half is reused on a mining site",
    as_of: "2024-10",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};
pub const FIRE_SUPPRESSION: LibraryItem = LibraryItem {
    id: "fireSuppression",
    category: Building,
    label: "Fire detection and suppression (pre-action sprinklers, aspirating detection)",
    unit: KW_IT,
    unit_cost_usd: 100.0,
    source: "Estimate: no public figure per kW; mining sheds have no data-center fire protection",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const SECURITY: LibraryItem = LibraryItem {
    id: "security",
    category: Building,
    label: "Security: perimeter, access control, CCTV",
    unit: KW_IT,
    unit_cost_usd: 50.0,
    source: "Estimate: tenants expect SOC 2-grade physical security; a mine's fence and cameras are upgraded",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const CONTROLS: LibraryItem = LibraryItem {
    id: "controls",
    category: Building,
    label: "Controls: BMS, EPMS and DCIM",
    unit: KW_IT,
    unit_cost_usd: 125.0,
    source: "Estimate: building, electrical-power and infrastructure management systems",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const SITE_WORKS: LibraryItem = LibraryItem {
    id: "siteWorks",
    category: Building,
    label: "Site works (equipment yards, pads, drainage) beyond what the mine has",
    unit: KW_IT,
    unit_cost_usd: 300.0,
    source: "Derived: site work is 10 % of $9.7 M/MW ≈ $970/kW new (Cushman & Wakefield 2025); roads, fencing and \
     grading exist on a mining site, yards for generators and coolers do not",
    as_of: "2024-10",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};

// ---- The GPU cloud's own equipment ----------------------------------------------------------

/// What the all-in capex per GPU holds besides the servers: the InfiniBand back-end fabric,
/// the front-end network and the storage ([`FABRIC_INFINIBAND`] + [`FRONT_END_NETWORK`] +
/// [`STORAGE`]). A server line is the system's all-in price less this, so that the four lines
/// add up to the all-in price and the fabric is counted once.
pub const NETWORK_AND_STORAGE_PER_GPU: f64 = 5_000.0 + 750.0 + 2_500.0;

/// What the bill's four GPU lines add up to per GPU for an all-in price on the InfiniBand
/// basis (a system's, or `capexUsdPerGpu`): the server line never below 0, so at least the
/// network and storage, less Ethernet's saving on the fabric where the fabric is Ethernet.
pub fn all_in_per_gpu(all_in: f64, fabric: crate::scenario::Fabric) -> f64 {
    let saving = match fabric {
        crate::scenario::Fabric::Infiniband => 0.0,
        crate::scenario::Fabric::Ethernet => FABRIC_INFINIBAND.unit_cost_usd - FABRIC_ETHERNET.unit_cost_usd,
    };
    all_in.max(NETWORK_AND_STORAGE_PER_GPU) - saving
}

// Server prices + NETWORK_AND_STORAGE_PER_GPU = `presets::gpu_system(..).capex_usd_per_gpu`, one
// all-in basis for every system (a unit test checks it).
use crate::presets::{ALL_IN_USD_B200_B300, ALL_IN_USD_GB200, ALL_IN_USD_GB300, ALL_IN_USD_H100, ALL_IN_USD_H200};
const IREN_H200: &str =
    "https://markets.businessinsider.com/news/stocks/iren-to-increase-ai-cloud-services-to-10-of-earnings-1033774668";
const IREN_BLACKWELL: &str = "https://business-news-today.com/iren-adds-2400-nvidia-blackwell-gpus-to-ai-cloud-fleet-targets-20000-gpu-scale-at-prince-george/";
pub const GPU_SERVERS_H100: LibraryItem = LibraryItem {
    id: "gpuServersH100",
    category: ItEquipment,
    label: "GPU servers: NVIDIA H100 SXM (HGX 8-GPU), installed",
    unit: PER_GPU,
    unit_cost_usd: ALL_IN_USD_H100 - NETWORK_AND_STORAGE_PER_GPU,
    source: "IREN's H200 all-in price ($40.6k, Sep 2024) less the street difference of the GPUs ($35k − $30k, mid-2026; estimate), less the network and storage lines",
    as_of: "2026-05",
    estimate: true,
    url: IREN_H200,
};
pub const GPU_SERVERS_H200: LibraryItem = LibraryItem {
    id: "gpuServersH200",
    category: ItEquipment,
    label: "GPU servers: NVIDIA H200 (HGX 8-GPU), installed",
    unit: PER_GPU,
    unit_cost_usd: ALL_IN_USD_H200 - NETWORK_AND_STORAGE_PER_GPU,
    source:
        "IREN paid $43.9 M for 1,080 H200 with servers, InfiniBand, racks, cabling and labour, $40.6k per GPU (Sep 2024), less the network and storage lines",
    as_of: "2024-09",
    estimate: false,
    url: IREN_H200,
};
pub const GPU_SERVERS_B200: LibraryItem = LibraryItem {
    id: "gpuServersB200",
    category: ItEquipment,
    label: "GPU servers: NVIDIA B200 (DGX B200), installed",
    unit: PER_GPU,
    unit_cost_usd: ALL_IN_USD_B200_B300 - NETWORK_AND_STORAGE_PER_GPU,
    source: "IREN: 1,300 B200 and 1,100 B300 for ≈ $130 M, $54.2k per GPU (Jul 2025; the order's average, its split not public), less the network and storage lines",
    as_of: "2025-07",
    estimate: true,
    url: IREN_BLACKWELL,
};
pub const GPU_SERVERS_GB200: LibraryItem = LibraryItem {
    id: "gpuServersGb200",
    category: ItEquipment,
    label: "GPU servers: NVIDIA GB200 NVL72 racks, installed",
    unit: PER_GPU,
    unit_cost_usd: ALL_IN_USD_GB200 - NETWORK_AND_STORAGE_PER_GPU,
    source: "GB300's all-in $76.3k (IREN–Dell, Nov 2025) less the NVL72 racks' price difference ($3.5 M − $2.6 M midpoints ÷ 72; estimate), less the network and storage lines",
    as_of: "2025-11",
    estimate: true,
    url: "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
};
pub const GPU_SERVERS_B300: LibraryItem = LibraryItem {
    id: "gpuServersB300",
    category: ItEquipment,
    label: "GPU servers: NVIDIA B300 (DGX B300), installed",
    unit: PER_GPU,
    unit_cost_usd: ALL_IN_USD_B200_B300 - NETWORK_AND_STORAGE_PER_GPU,
    source: "IREN: 1,300 B200 and 1,100 B300 for ≈ $130 M, $54.2k per GPU (Jul 2025; the order's average, its split not public), less the network and storage lines",
    as_of: "2025-07",
    estimate: true,
    url: IREN_BLACKWELL,
};
pub const GPU_SERVERS_GB300: LibraryItem = LibraryItem {
    id: "gpuServersGb300",
    category: ItEquipment,
    label: "GPU servers: NVIDIA GB300 NVL72 racks, installed",
    unit: PER_GPU,
    unit_cost_usd: ALL_IN_USD_GB300 - NETWORK_AND_STORAGE_PER_GPU,
    source: "IREN–Microsoft: Dell supplies the GPUs and ancillary equipment for ≈ $5.8 B, $76.3k per GPU (Nov 2025), less the network and storage lines",
    as_of: "2025-11",
    estimate: false,
    url: "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
};
pub const FABRIC_INFINIBAND: LibraryItem = LibraryItem {
    id: "fabricInfiniband",
    category: Networking,
    label: "Back-end fabric: InfiniBand (NICs, switches, optics)",
    unit: PER_GPU,
    unit_cost_usd: 5_000.0,
    source: "Derived: networking ≈ 10 % of a GPU cluster's cost (CoreWeave's 85 % nodes / 10 % network / 5 % storage) \
     ≈ 10 % of ~$50k per GPU; H100 all-in with network ≈ $47–52k",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const FABRIC_ETHERNET: LibraryItem = LibraryItem {
    id: "fabricEthernet",
    category: Networking,
    label: "Back-end fabric: Ethernet with RoCE (NICs, switches, optics)",
    unit: PER_GPU,
    unit_cost_usd: 3_500.0,
    source: "Estimate: ≈ 30 % below InfiniBand for the same GPU count",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const FRONT_END_NETWORK: LibraryItem = LibraryItem {
    id: "frontEndNetwork",
    category: Networking,
    label: "Front-end network (customer and management traffic)",
    unit: PER_GPU,
    unit_cost_usd: 750.0,
    source: "Estimate: a small share of the ≈ 10 % network budget of a GPU cluster",
    as_of: "2025-12",
    estimate: true,
    url: "",
};
pub const STORAGE: LibraryItem = LibraryItem {
    id: "storage",
    category: ItEquipment,
    label: "Storage (parallel file system and object storage)",
    unit: PER_GPU,
    unit_cost_usd: 2_500.0,
    source: "Derived: storage ≈ 5 % of a GPU cluster's cost (CoreWeave's 85/10/5 split) ≈ 5 % of ~$50k per GPU",
    as_of: "2025-12",
    estimate: true,
    url: "",
};

// ---- What a greenfield build adds -----------------------------------------------------------

pub const NEW_SUBSTATION: LibraryItem = LibraryItem {
    id: "newSubstation",
    category: Electrical,
    label: "New high-voltage substation",
    unit: "MW of grid capacity",
    unit_cost_usd: 250_000.0,
    source: "Estimate: $14.8 M for a ~100 MW substation and 115 kV lines (Cheyenne, 2016), $110 M for an AI campus \
     substation (Minnkota, 2026); large transformers now 90–130 weeks and dearer",
    as_of: "2026-05",
    estimate: true,
    url: "",
};
pub const GRID_INTERCONNECT: LibraryItem = LibraryItem {
    id: "gridInterconnect",
    category: Electrical,
    label: "Grid interconnection: transmission tie-in and network upgrades",
    unit: "MW of grid capacity",
    unit_cost_usd: 150_000.0,
    source: "Estimate: studies, tie-in line and the upgrades the utility charges to a new large load; varies widely",
    as_of: "2026-05",
    estimate: true,
    url: "",
};
pub const LAND: LibraryItem = LibraryItem {
    id: "land",
    category: Land,
    label: "Land",
    unit: "acre",
    unit_cost_usd: 244_000.0,
    source: "Weighted average US data-center land price $244,000 per acre (Cushman & Wakefield 2025, through Oct 2024)",
    as_of: "2024-10",
    estimate: false,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/1",
};
pub const NEW_SHELL: LibraryItem = LibraryItem {
    id: "newShell",
    category: Building,
    label: "New data-center shell, beyond the conversion works",
    unit: KW_IT,
    unit_cost_usd: 1_100.0,
    source: "Derived: a new shell ≈ $2,040/kW (21 % of $9.7 M/MW, Cushman & Wakefield 2025) less the $900/kW \
     the retrofit already pays to convert",
    as_of: "2024-10",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};
pub const GREENFIELD_SITE: LibraryItem = LibraryItem {
    id: "greenfieldSite",
    category: Building,
    label: "Site development, offices and back of house a mine already has",
    unit: KW_IT,
    unit_cost_usd: 950.0,
    source: "Derived: site 10 % + back of house and offices 6 % of $9.7 M/MW ≈ $1,550/kW new (Cushman & Wakefield \
     2025) less the $600/kW the retrofit already pays",
    as_of: "2024-10",
    estimate: true,
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7",
};

/// Every overridable item, in the order the page lists them.
pub const LIBRARY: &[LibraryItem] = &[
    CDU,
    DRY_COOLERS,
    PUMPS_PIPEWORK,
    AIR_HANDLERS,
    CHILLED_WATER_PLANT,
    REAR_DOORS,
    IMMERSION_TANKS,
    COOLING_INSTALLATION,
    SWITCHGEAR,
    UPS,
    GENERATORS,
    ONSITE_GENERATION,
    DISTRIBUTION,
    MV_FEEDERS,
    ELECTRICAL_INSTALLATION,
    EXISTING_SUBSTATION,
    WAN_FIBRE,
    MEET_ME_ROOM,
    HALL_CONVERSION,
    WHITE_SPACE_FIT_OUT,
    BACK_OF_HOUSE,
    FIRE_SUPPRESSION,
    SECURITY,
    CONTROLS,
    SITE_WORKS,
    GPU_SERVERS_H100,
    GPU_SERVERS_H200,
    GPU_SERVERS_B200,
    GPU_SERVERS_GB200,
    GPU_SERVERS_B300,
    GPU_SERVERS_GB300,
    FABRIC_INFINIBAND,
    FABRIC_ETHERNET,
    FRONT_END_NETWORK,
    STORAGE,
    NEW_SUBSTATION,
    GRID_INTERCONNECT,
    LAND,
    NEW_SHELL,
    GREENFIELD_SITE,
];

/// The items a tenant may fit out itself (`colocation.tenantFitOutPct`): the in-hall IT
/// infrastructure — coolant distribution, rear doors or immersion tanks, rack power
/// distribution and the white-space fit-out. The landlord builds the shell, the power plant
/// (switchgear, UPS, generators, feeders) and the heat rejection either way.
pub const FIT_OUT: [&str; 5] = ["cdu", "rearDoors", "immersionTanks", "distribution", "whiteSpaceFitOut"];

/// Whether a tenant may fund item `id` ([`FIT_OUT`]).
pub fn is_fit_out(id: &str) -> bool {
    FIT_OUT.contains(&id)
}

pub fn find(id: &str) -> Option<&'static LibraryItem> {
    LIBRARY.iter().find(|i| i.id == id)
}

pub fn gpu_servers(system: GpuSystem) -> LibraryItem {
    match system {
        GpuSystem::H100 => GPU_SERVERS_H100,
        GpuSystem::H200 => GPU_SERVERS_H200,
        GpuSystem::B200 => GPU_SERVERS_B200,
        GpuSystem::Gb200 => GPU_SERVERS_GB200,
        GpuSystem::B300 => GPU_SERVERS_B300,
        GpuSystem::Gb300 => GPU_SERVERS_GB300,
    }
}

// ---- Sizing constants ------------------------------------------------------------------------

/// Installed electrical capacity per kW of IT for UPS, generators, switchgear and distribution.
/// N+1 is sized as four duty blocks and one catcher block (5 ÷ 4 = 1.25); 2N is two full paths.
pub const fn redundancy_factor(r: Redundancy) -> f64 {
    match r {
        Redundancy::N => 1.0,
        Redundancy::NPlus1 => 1.25,
        Redundancy::TwoN => 2.0,
    }
}

/// The unit string of the redundancy-scaled lines, so the factor is visible on the bill.
pub const fn redundancy_unit(r: Redundancy) -> &'static str {
    match r {
        Redundancy::N => "kW of capacity (N: IT kW × 1)",
        Redundancy::NPlus1 => "kW of capacity (N+1: IT kW × 1.25)",
        Redundancy::TwoN => "kW of capacity (2N: IT kW × 2)",
    }
}

/// Share of the IT heat a cooling technology still rejects to room air (the rest leaves in liquid).
/// Direct-to-chip cold plates capture ~70–80 % of a GPU server's heat; immersion nearly all of it.
pub const fn heat_to_air_share(c: Cooling) -> f64 {
    match c {
        Cooling::Air | Cooling::RearDoor => 1.0,
        Cooling::DirectToChip => 0.25,
        Cooling::Immersion => 0.05,
    }
}

/// Unit of the air-side lines per technology, naming the share.
pub const fn heat_to_air_unit(c: Cooling) -> &'static str {
    match c {
        Cooling::Air | Cooling::RearDoor => "kW of heat to air (100 % of IT)",
        Cooling::DirectToChip => "kW of heat to air (25 % of IT)",
        Cooling::Immersion => "kW of heat to air (5 % of IT)",
    }
}

/// White space per rack, ft², including its share of aisles and in-hall support (CRAHs, CDUs,
/// pipework). Estimates by density band: ~25–35 ft² for an air-cooled rack with hot and cold
/// aisles; liquid-cooled AI racks need wide service aisles and in-row CDUs (42 racks of 120 kW
/// in ~3,000 ft² is ~71 ft² a rack).
pub fn white_space_sq_ft_per_rack(rack_density_kw: f64) -> f64 {
    if rack_density_kw <= 20.0 {
        30.0
    } else if rack_density_kw <= 60.0 {
        45.0
    } else if rack_density_kw <= 150.0 {
        70.0
    } else {
        90.0
    }
}

pub const WHITE_SPACE_SOURCE: &str = "Estimate: ~30 ft² per air-cooled rack with aisles, 45 to 60 kW, 70 to 150 kW \
     (42 racks of 120 kW in ~3,000 ft²), 90 above";

/// Land a greenfield campus needs per MW of grid capacity: Aligned's Caprock campus is 540 MW on
/// 313 acres (0.58 acre per MW).
pub const ACRES_PER_GRID_MW: f64 = 0.6;

/// Months from site acquisition to energised power for a new large load: 24–36+ months in
/// ERCOT (DC Hub, 2026), 24–48 months across the industry, more than four years in primary
/// markets (JLL 2026). The shell and fit-out are built inside that window.
pub const GREENFIELD_TIME_TO_POWER_MONTHS: u32 = 36;

pub const GREENFIELD_MONTHS_SOURCE: &str =
    "Estimate: 24–36+ months from site to power for a new large load in ERCOT (DC Hub 2026); the shell and \
     fit-out are built inside that window";
