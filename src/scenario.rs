//! The input document: one site, its fleet, the retrofit and the two AI offers.
//!
//! Field names are the public contract (docs/contract.md): camelCase in JSON,
//! each carrying its unit. Every struct is `#[serde(default)]`, so a document that omits a
//! field (an older saved scenario, an embedder passing only what it changes) takes the
//! default scenario's value; unknown keys are reported by [`crate::parse`], not ignored.
//! The defaults below are the embedded default scenario; their sources are in
//! [`crate::sources`].

use serde::{Deserialize, Serialize};

/// The schema version written by this build. Bump it whenever the default scenario changes
/// (a field added, renamed or removed, or a default changed): keep the released defaults in
/// `src/released/defaults-vN.json` and add the step from the previous version to
/// [`crate::parse`]'s migration, so that an older document shows the same numbers.
///
/// - 1: the first release.
/// - 2: project debt per AI pathway, equity returns, value at the horizon, risk-adjusted
///   discount rates (a version-1 document migrates with no debt).
/// - 3: the GPU cloud's contracted capacity, all-in systems (GB300, B300) with overridable kW
///   and capex per GPU, recalibrated GPU defaults (a version-2 document migrates with no
///   contract).
/// - 4: the network hashrate as the economics allow it (the default) or at a fixed growth,
///   curves for the BTC price, hashprice and hashrate, the site's exit (closure or mothball)
///   and the ASICs' resale (a version-3 document migrates to fixed growth, no exit and no
///   resale).
/// - 5: power as it is priced: an hourly price profile with economic curtailment, a fixed-price
///   supply contract with sell-back, the transmission charge a flexible load avoids, demand
///   response, and the firm supply the AI pathways buy (a version-4 document migrates to the
///   flat price with its curtailment share and credit).
/// - 6: defaults recalibrated to the leases and GPU loans of 2025–2026: the colocation lease's
///   first-year rate $130 per kW-month (the signed leases' contract values net of their
///   escalators), the GPU cloud's loan sculpted to its 1.40× DSCR (a version-5 document keeps
///   $140 and the level annuity through its released defaults).
/// - 7: every GPU system's capex on one all-in basis (IREN's purchases with servers, network,
///   storage and installation; a sibling's price less the systems' difference where none is
///   public), contract-basis reference rents, and the price and rent of the generation bought
///   at each refresh (0: the refresh system's). A version-6 document that used a changed
///   system figure keeps it as its own input.
pub const SCHEMA_VERSION: u32 = 7;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Scenario {
    /// Version of this document's layout; the current one is 7.
    pub schema_version: u32,
    /// A name for people; never interpreted.
    pub name: String,
    /// Month 0 of the projection, `"YYYY-MM"`.
    pub start_month: String,
    /// Length of the projection, 1–30 years.
    pub horizon_years: u32,
    pub site: Site,
    pub bitcoin: Bitcoin,
    pub mining: Mining,
    pub retrofit: Retrofit,
    pub colocation: Colocation,
    pub gpu_cloud: GpuCloud,
    pub finance: Finance,
    pub power: Power,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Site {
    /// Energised grid capacity of the interconnect, MW.
    pub grid_capacity_mw: f64,
    /// All-in power price in month 0, USD per MWh.
    pub power_price_usd_per_mwh: f64,
    /// Continuous yearly escalation of the power price, %.
    pub power_price_escalation_pct_per_year: f64,
    /// Floor area of the existing buildings that could hold IT racks, square feet.
    pub building_area_sq_ft: f64,
    /// Distance to the nearest fibre point of presence, km.
    pub fibre_distance_km: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Bitcoin {
    /// BTC price in month 0, USD.
    pub btc_price_usd: f64,
    /// Continuous yearly growth of the BTC price, % (may be negative).
    pub btc_price_growth_pct_per_year: f64,
    /// Network hashrate in month 0, EH/s.
    pub network_hashrate_ehs: f64,
    /// Continuous yearly growth of the network hashrate, % (may be negative).
    pub network_hashrate_growth_pct_per_year: f64,
    /// Average transaction fees per block in month 0, BTC.
    pub fees_btc_per_block: f64,
    /// Continuous yearly growth of fees per block, %.
    pub fees_growth_pct_per_year: f64,
    /// A known block height…
    pub anchor_height: u64,
    /// …and the date it was mined, `"YYYY-MM-DD"`.
    pub anchor_date: String,
    /// Blocks mined per day (144 at the 10-minute target).
    pub blocks_per_day: f64,
    /// How the network hashrate moves after month 0.
    pub hashrate_model: HashrateModel,
    /// The economic model: the efficiency of the network's marginal fleet in month 0, J/TH.
    pub marginal_efficiency_j_per_th: f64,
    /// Its yearly improvement, % (geometric).
    pub marginal_efficiency_gain_pct_per_year: f64,
    /// The power price the marginal fleet pays in month 0, USD/MWh.
    pub marginal_power_usd_per_mwh: f64,
    /// Its continuous yearly escalation, %.
    pub marginal_power_escalation_pct_per_year: f64,
    /// Months for the hashrate to close half its gap to the equilibrium.
    pub hashrate_lag_months: f64,
    /// Most the network hashrate can grow in a year, % (ASIC supply).
    pub max_hashrate_growth_pct_per_year: f64,
    /// The BTC price by month, USD (empty: the price and its growth).
    pub btc_price_curve: Vec<CurvePoint>,
    /// The hashprice by month, USD per PH/s per day, overriding the derivation for the months
    /// the curve covers (empty: derived).
    pub hashprice_curve: Vec<CurvePoint>,
    /// The network hashrate by month, EH/s (empty: the hashrate model).
    pub network_hashrate_curve: Vec<CurvePoint>,
}

impl Bitcoin {
    /// The three curves with their registry paths, in the registry's order.
    pub fn curves(&self) -> [(&'static str, &[CurvePoint]); 3] {
        [
            ("bitcoin.btcPriceCurve", &self.btc_price_curve),
            ("bitcoin.hashpriceCurve", &self.hashprice_curve),
            ("bitcoin.networkHashrateCurve", &self.network_hashrate_curve),
        ]
    }

    /// Whether a hashprice or network hashrate curve is entered: the network's path is then
    /// partly the user's, not the model's alone.
    pub fn has_network_curve(&self) -> bool {
        !self.hashprice_curve.is_empty() || !self.network_hashrate_curve.is_empty()
    }
}

/// How the network hashrate moves after month 0 (docs/methodology-mining.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum HashrateModel {
    /// A fixed yearly growth (`networkHashrateGrowthPctPerYear`), whatever mining pays.
    FixedGrowth,
    /// Toward the level at which the network's marginal fleet breaks even ([`crate::network`]).
    Economic,
}

impl HashrateModel {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [HashrateModel; 2] = [HashrateModel::FixedGrowth, HashrateModel::Economic];
}

/// How the site's power is priced (docs/methodology-power.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PowerPricing {
    /// One price a month for every hour; mining curtails `mining.curtailmentPct` of its hours
    /// for `curtailmentCreditUsdPerMwh` (versions 1–4).
    Flat,
    /// An hourly price profile: each ASIC line runs in the hours its revenue covers.
    Hourly,
}

impl PowerPricing {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [PowerPricing; 2] = [PowerPricing::Flat, PowerPricing::Hourly];
}

/// Which year of hourly prices shapes the months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PriceProfile {
    /// ERCOT day-ahead, hub average, 2024 (built in).
    Ercot2024,
    /// ERCOT day-ahead, hub average, 2023: a summer of scarcity (built in).
    Ercot2023,
    /// ERCOT day-ahead, hub average, 2021: Winter Storm Uri (built in).
    Ercot2021,
    /// The year in `power.importedProfile`.
    Imported,
}

impl PriceProfile {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [PriceProfile; 4] = [
        PriceProfile::Ercot2024,
        PriceProfile::Ercot2023,
        PriceProfile::Ercot2021,
        PriceProfile::Imported,
    ];
}

/// How the profile's prices become the site's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ProfileScaling {
    /// Every hour × (the site's power price ÷ the profile's average): the profile's shape at
    /// the site's price level.
    ToPriceLevel,
    /// The file's prices as they are (escalated from month 0).
    AsIs,
}

impl ProfileScaling {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [ProfileScaling; 2] = [ProfileScaling::ToPriceLevel, ProfileScaling::AsIs];
}

/// How the site buys its power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PowerSupply {
    /// At the hourly (index) price, for what it draws.
    Index,
    /// A fixed-price contract for a volume (a power purchase agreement).
    Ppa,
}

impl PowerSupply {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [PowerSupply; 2] = [PowerSupply::Index, PowerSupply::Ppa];
}

/// How the AI load, which never curtails, is supplied in every hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum FirmSupply {
    /// The site's supply in every hour, spikes included.
    Grid,
    /// A firm fixed-price contract: the profile's average plus `firmPremiumUsdPerMwh`.
    Premium,
    /// On-site generation (a capex line) that runs whenever the hour costs more than it does.
    Generation,
}

impl FirmSupply {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [FirmSupply; 3] = [FirmSupply::Grid, FirmSupply::Premium, FirmSupply::Generation];
}

/// The site's power: how it is priced hour by hour, how it is bought, and what a flexible load
/// earns or avoids (docs/methodology-power.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Power {
    pub pricing: PowerPricing,
    pub profile: PriceProfile,
    pub scaling: ProfileScaling,
    /// The profile's spread around its average, %: 100 as in the file, 0 flat, 200 twice as
    /// wide (every hour: average + shape × (price − average)).
    pub shape_pct: f64,
    /// An imported year of hourly prices, USD/MWh, from its first hour (1 January 00:00 UTC):
    /// 8,760 hours, or 8,784 in a leap year. Empty unless a file was imported.
    // Shared, not copied, when a scenario is cloned (the analyses clone it dozens of times),
    // so that the profile built from it is found again by pointer (`power::profile_of`).
    #[cfg_attr(feature = "typescript", tsify(type = "number[]"))]
    pub imported_profile: std::sync::Arc<[f64]>,
    /// Where the imported profile came from, for people (a file name).
    pub imported_profile_name: String,
    pub supply: PowerSupply,
    /// The contract's price in month 0, USD/MWh, escalating as the site's power price.
    pub ppa_price_usd_per_mwh: f64,
    /// The contracted volume, % of the mining fleet's facility load.
    pub ppa_volume_pct: f64,
    /// Whether the contracted volume the site does not draw is sold back at the hourly price
    /// (take-or-pay); without it the contract bills only what the site draws.
    pub ppa_sell_back: bool,
    /// Transmission (capacity) charge on the load at the system peaks, USD per kW-month.
    pub transmission_usd_per_kw_month: f64,
    /// The share of that charge a flexible load avoids by curtailing at the peaks, %.
    pub transmission_avoided_pct: f64,
    /// Demand-response or ancillary-service payment, USD per MW-month of capacity enrolled,
    /// earned for the hours the enrolled load is running (ready to curtail).
    pub demand_response_usd_per_mw_month: f64,
    /// The share of the mining fleet's facility load enrolled, %.
    pub demand_response_enrolled_pct: f64,
    pub ai_supply: FirmSupply,
    /// Firm supply's premium over the profile's average, USD/MWh.
    pub firm_premium_usd_per_mwh: f64,
    /// On-site generation's running cost in month 0 (fuel and variable upkeep), USD/MWh,
    /// escalating as the site's power price.
    pub generation_usd_per_mwh: f64,
    /// The uptime the AI tenant requires, %.
    pub tenant_uptime_pct: f64,
}

/// One point of a curve: a calendar month and the value in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct CurvePoint {
    /// `"YYYY-MM"`.
    pub month: String,
    pub value: f64,
}

impl Default for CurvePoint {
    fn default() -> Self {
        CurvePoint {
            month: String::new(),
            value: 0.0,
        }
    }
}

impl CurvePoint {
    pub fn new(month: &str, value: f64) -> CurvePoint {
        CurvePoint {
            month: month.to_string(),
            value,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FleetLine {
    /// ASIC model name, e.g. "Antminer S21 XP".
    pub model: String,
    /// Number of machines of this model.
    pub units: u32,
    /// Nameplate hashrate per machine, TH/s.
    pub hashrate_ths: f64,
    /// Nameplate efficiency, joules per terahash.
    pub efficiency_j_per_th: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Mining {
    /// The ASIC fleet, one line per model.
    pub fleet: Vec<FleetLine>,
    /// Mining power usage effectiveness (facility ÷ IT power).
    pub pue: f64,
    /// Share of hours the fleet hashes, % (outages, maintenance).
    pub uptime_pct: f64,
    /// Pool fee, % of mining revenue.
    pub pool_fee_pct: f64,
    /// Share of running hours switched off on the grid's request, %.
    pub curtailment_pct: f64,
    /// Credit earned per MWh curtailed, USD.
    pub curtailment_credit_usd_per_mwh: f64,
    /// Staff, maintenance and insurance, USD per MW of facility power per year.
    pub fixed_opex_usd_per_mw_year: f64,
    /// Switch the fleet off in months where revenue is below the power cost.
    pub shutdown_when_unprofitable: bool,
    /// Optional replacement of the fleet with more efficient machines.
    pub refresh: FleetRefresh,
    /// What the site does once its whole fleet has been off for `exitAfterMonthsOff` months.
    pub exit: MiningExit,
    /// Consecutive months with the whole fleet switched off that trigger the exit.
    pub exit_after_months_off: u32,
    /// Fixed opex of a mothballed site, % of the running site's.
    pub mothball_opex_pct: f64,
    /// Sell the ASICs of the share converted to AI when its construction starts.
    pub sell_asics_at_conversion: bool,
    /// What the ASICs fetch second-hand.
    pub asic_resale: AsicResale,
}

/// What a mining site does once its whole fleet has been off for a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum MiningExit {
    /// Keeps paying its full fixed opex, ready to switch on.
    Stay,
    /// Closes for good: fixed opex stops and the ASICs are sold.
    Close,
    /// Mothballed: a reduced fixed opex while the fleet is off; it restarts when a line pays.
    Mothball,
}

impl MiningExit {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [MiningExit; 3] = [MiningExit::Stay, MiningExit::Close, MiningExit::Mothball];
}

/// Second-hand ASIC prices: an index by efficiency class at a reference hashprice, moving in
/// proportion to the hashprice and declining with the machines' age (docs/methodology-mining.md
/// "Selling the fleet").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct AsicResale {
    /// Machines under 19 J/TH, USD per TH/s.
    pub under19_usd_per_th: f64,
    /// 19 to 25 J/TH, USD per TH/s.
    pub from19_to25_usd_per_th: f64,
    /// 25 to 38 J/TH, USD per TH/s.
    pub from25_to38_usd_per_th: f64,
    /// 38 J/TH and above, USD per TH/s.
    pub over38_usd_per_th: f64,
    /// The hashprice when the index was read, USD per PH/s per day.
    pub reference_hashprice_usd_per_ph_day: f64,
    /// Yearly decline of a machine's price with its age, %.
    pub age_decline_pct_per_year: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct FleetRefresh {
    /// Whether the fleet is replaced.
    pub enabled: bool,
    /// Years after month 0 at which the whole fleet is replaced.
    pub after_years: u32,
    /// Capex of the new machines, USD per TH/s.
    pub capex_usd_per_th: f64,
    /// Efficiency of the new machines, J/TH (the hashrate stays the same).
    pub efficiency_j_per_th: f64,
}

/// Cooling technology of the converted halls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Cooling {
    Air,
    RearDoor,
    DirectToChip,
    Immersion,
}

impl Cooling {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [Cooling; 4] = [
        Cooling::Air,
        Cooling::RearDoor,
        Cooling::DirectToChip,
        Cooling::Immersion,
    ];
}

/// Electrical redundancy of UPS, generators and distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Redundancy {
    #[serde(rename = "N")]
    N,
    #[serde(rename = "N+1")]
    NPlus1,
    #[serde(rename = "2N")]
    TwoN,
}

impl Redundancy {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [Redundancy; 3] = [Redundancy::N, Redundancy::NPlus1, Redundancy::TwoN];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Retrofit {
    /// Share of the site's grid capacity converted to AI, % (the rest keeps mining).
    pub converted_share_pct: f64,
    /// PUE of the converted halls.
    pub pue: f64,
    /// IT load per rack, kW.
    pub rack_density_kw: f64,
    pub cooling: Cooling,
    pub redundancy: Redundancy,
    /// The phases the conversion is delivered in: each a share of the converted capacity with
    /// its own construction start, build and ramp (one phase: the whole conversion at once).
    pub phases: Vec<Phase>,
    /// Design, permits and engineering, % of hard costs.
    pub soft_cost_pct: f64,
    /// Contingency, % of hard and soft costs.
    pub contingency_pct: f64,
    /// Unit-cost overrides of the cost library, by item id.
    pub cost_overrides: Vec<CostOverride>,
}

/// One phase of the conversion (docs/methodology-pathways.md "Timeline").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    /// Share of the converted capacity this phase delivers, % (the phases sum to 100 %).
    pub share_pct: f64,
    /// Month (from month 0) in which its construction starts and its share stops mining.
    pub construction_start_month: u32,
    /// Months of construction; its share of the capex is spent evenly over them.
    pub build_months: u32,
    /// Months after its commissioning over which its AI revenue ramps linearly to full.
    pub ramp_months: u32,
}

impl Phase {
    pub fn new(share_pct: f64, construction_start_month: u32, build_months: u32, ramp_months: u32) -> Phase {
        Phase {
            share_pct,
            construction_start_month,
            build_months,
            ramp_months,
        }
    }
}

/// Replaces one unit cost of the cost library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CostOverride {
    /// The cost-library item id, e.g. "ups".
    pub item: String,
    /// The unit cost to use instead of the library's, USD per the item's unit.
    pub unit_cost_usd: f64,
}

/// Who pays the tenant's power and the building's operating costs (docs/methodology-pathways.md "Colocation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LeaseType {
    /// Triple net: the tenant pays its power and the building's opex and taxes; the landlord
    /// pays the opex only while the halls stand empty.
    Nnn,
    /// Gross: the landlord pays the tenant's power and the building's opex out of the rent.
    Gross,
    /// Modified gross: the tenant pays its power; the landlord pays the building's opex.
    ModifiedGross,
}

impl LeaseType {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [LeaseType; 3] = [LeaseType::Nnn, LeaseType::Gross, LeaseType::ModifiedGross];
}

/// What happens to a lease at the end of its term within the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LeaseEnd {
    /// Renewed at the escalated rent, escalator continuing.
    Renew,
    /// The tenant leaves; the halls stand empty.
    Vacate,
    /// The tenant leaves; after `reletVacancyMonths` empty the halls are let again for another
    /// term at `reletRentPct` of the last rent, escalator continuing — and so on at each end.
    Relet,
}

impl LeaseEnd {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [LeaseEnd; 3] = [LeaseEnd::Renew, LeaseEnd::Vacate, LeaseEnd::Relet];
}

/// How a prepayment made at signing is credited against the rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PrepaymentCredit {
    /// Against the first rent due, until it is used up.
    FirstMonths,
    /// In equal parts over the rent-paying months of the first term.
    OverTerm,
}

impl PrepaymentCredit {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [PrepaymentCredit; 2] = [PrepaymentCredit::FirstMonths, PrepaymentCredit::OverTerm];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Colocation {
    /// Rent, USD per kW of critical IT per month, in the first lease year.
    pub lease_usd_per_kw_month: f64,
    /// Yearly rent step from the lease start, %.
    pub escalator_pct_per_year: f64,
    /// Share of the critical IT capacity leased, %.
    pub occupancy_pct: f64,
    pub lease_type: LeaseType,
    /// Landlord's operating cost, USD per MW of critical IT per year.
    pub landlord_opex_usd_per_mw_it_year: f64,
    /// Share of the fit-out lines of the retrofit bill (CDUs, rear doors or immersion tanks,
    /// rack power distribution, white-space fit-out) the tenant pays, %.
    pub tenant_fit_out_pct: f64,
    /// Lease term, years from the lease start.
    pub lease_term_years: u32,
    /// Months at the start of the lease (from commissioning) without rent: a rent-free
    /// period or a commencement lag; the term and the escalator run from commissioning.
    pub rent_free_months: u32,
    /// Rent paid at signing (the construction start), in months of full first-year rent.
    pub prepayment_months: f64,
    pub prepayment_credit: PrepaymentCredit,
    pub after_term: LeaseEnd,
    /// The re-let rent, % of the last rent of the term that ended (`relet`).
    pub relet_rent_pct: f64,
    /// Months the halls stand empty before they are re-let (`relet`).
    pub relet_vacancy_months: u32,
    /// Capitalisation rate of a sale at the horizon: value = next twelve months' NOI ÷ rate, %.
    pub exit_cap_rate_pct: f64,
    /// Costs of that sale (brokerage, legal), % of the value.
    pub selling_cost_pct: f64,
    /// Project debt on this pathway's capex.
    pub debt: Debt,
}

/// GPU system deployed in the GPU-cloud pathway (see [`crate::presets`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum GpuSystem {
    H100,
    H200,
    B200,
    Gb200,
    B300,
    Gb300,
}

impl GpuSystem {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [GpuSystem; 6] = [
        GpuSystem::H100,
        GpuSystem::H200,
        GpuSystem::B200,
        GpuSystem::Gb200,
        GpuSystem::B300,
        GpuSystem::Gb300,
    ];
}

/// Back-end (GPU-to-GPU) network fabric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Fabric {
    Infiniband,
    Ethernet,
}

impl Fabric {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [Fabric; 2] = [Fabric::Infiniband, Fabric::Ethernet];
}

/// What happens to the GPUs at the end of their useful life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum GpuEnd {
    /// Bought again at the same capex; the rent returns to its month-0 level.
    Refresh,
    /// Switched off: no revenue, no power, no GPU opex.
    Retire,
}

impl GpuEnd {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [GpuEnd; 2] = [GpuEnd::Refresh, GpuEnd::Retire];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct GpuCloud {
    pub system: GpuSystem,
    /// All-in critical IT per GPU, kW; 0: the system's ([`crate::presets::gpu_system`]).
    pub it_kw_per_gpu: f64,
    /// All-in capex per GPU (servers, network, storage, installation), USD; 0: the system's.
    pub capex_usd_per_gpu: f64,
    /// Share of the GPUs under a take-or-pay contract, %: billed in full at the contract rate.
    pub contract_share_pct: f64,
    /// The contract's rate, USD per GPU-hour (fixed for the term).
    pub contract_rate_usd_per_gpu_hour: f64,
    /// The contract's term from each phase's commissioning, months.
    pub contract_term_months: u32,
    /// Paid at signing (the construction start), % of the contract value; credited against
    /// the billing in equal parts over the term.
    pub contract_prepayment_pct: f64,
    /// At the term's end, contract the same GPUs again at the then market rate (billed in
    /// full) instead of selling their hours at the market.
    pub recontract_at_market: bool,
    /// Market rent in the first month of operation, USD per GPU-hour: what the GPUs outside
    /// the contract, and all of them after it, earn.
    pub rent_usd_per_gpu_hour: f64,
    /// Yearly decline of the rent, % (continuous).
    pub rent_decline_pct_per_year: f64,
    /// Share of GPU-hours sold, %.
    pub utilization_pct: f64,
    /// Average power draw as a share of the GPUs' IT power, %.
    pub load_pct: f64,
    /// Years before the GPUs are refreshed or retired.
    pub useful_life_years: u32,
    pub end_of_life: GpuEnd,
    /// The system bought at each refresh: its own all-in kW, price and market rent from the
    /// presets (the same system keeps the scenario's own figures).
    pub refresh_system: GpuSystem,
    /// All-in capex per GPU of each generation bought at a refresh, USD (InfiniBand basis, as
    /// `capexUsdPerGpu`); 0: the refresh system's (the first generation's price when it is the
    /// same system).
    pub refresh_capex_usd_per_gpu: f64,
    /// Market rent a refreshed generation starts at, USD per GPU-hour; 0: the refresh system's
    /// reference rent (the scenario's own rent when it is the same system).
    pub refresh_rent_usd_per_gpu_hour: f64,
    pub fabric: Fabric,
    /// Staff, support, software and maintenance, USD per GPU per year.
    pub opex_usd_per_gpu_year: f64,
    /// Sales, billing and platform costs, % of revenue.
    pub opex_pct_of_revenue: f64,
    /// Yearly fall of a GPU's resale value, % (geometric): the residual value at the horizon
    /// and, with `resellAtEndOfLife`, what a generation fetches when replaced or retired.
    pub residual_decline_pct_per_year: f64,
    /// Sell each generation at its residual value when it is replaced or retired.
    pub resell_at_end_of_life: bool,
    /// Project debt on this pathway's capex (the facility and the first GPUs).
    pub debt: Debt,
}

/// How a loan is repaid once drawn (see [`crate::debt`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Amortisation {
    /// A level payment of interest and principal.
    Annuity,
    /// Interest only, the balance repaid with the last payment (balloon).
    InterestOnly,
    /// Debt service sized to the cash flow available at `targetDscr`.
    Sculpted,
}

impl Amortisation {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [Amortisation; 3] = [
        Amortisation::Annuity,
        Amortisation::InterestOnly,
        Amortisation::Sculpted,
    ];
}

/// Project debt on an AI pathway's capex, drawn pro rata with the spend (docs/methodology-pathways.md "Project debt").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Debt {
    /// Share of the financed capex the loan draws, % (0: no debt); a sculpted loan draws less
    /// where the cash flow cannot carry it at the target DSCR.
    pub loan_to_cost_pct: f64,
    /// All-in annual interest rate (e.g. SOFR + spread), %.
    pub interest_rate_pct: f64,
    /// Years of repayment after the last draw.
    pub tenor_years: u32,
    /// Upfront fee, % of the loan, paid with the first draw.
    pub upfront_fee_pct: f64,
    pub amortisation: Amortisation,
    /// DSCR the sculpted debt service is sized to (sculpted only), × (> 1).
    pub target_dscr: f64,
    /// Interest during construction added to the loan (true) or paid in cash (false).
    pub capitalise_interest: bool,
}

/// On which cash flows the verdict compares the pathways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// The project's cash flows at the discount rate, financing ignored.
    Unlevered,
    /// The equity's cash flows (after debt service) at the cost of equity.
    Equity,
}

impl Basis {
    /// Every value, in declaration order (the field registry's choice order).
    pub const ALL: [Basis; 2] = [Basis::Unlevered, Basis::Equity];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Finance {
    /// Annual discount rate for NPV, %.
    pub discount_rate_pct: f64,
    /// Apply corporate income tax with straight-line depreciation.
    pub tax_enabled: bool,
    /// Corporate income tax rate, %.
    pub tax_rate_pct: f64,
    /// Move of each input in the sensitivity (tornado), ± %.
    pub sensitivity_pct: f64,
    /// One discount rate per pathway instead of `discountRatePct` for all three.
    pub rates_by_pathway: bool,
    /// The mining pathway's own discount rate, % per year (with `ratesByPathway`).
    pub mining_rate_pct: f64,
    /// The colocation pathway's own discount rate, % per year (with `ratesByPathway`).
    pub colocation_rate_pct: f64,
    /// The GPU cloud's own discount rate, % per year (with `ratesByPathway`).
    pub gpu_cloud_rate_pct: f64,
    /// Rate of return the equity requires: the discount rate of the equity cash flows, % per year.
    pub cost_of_equity_pct: f64,
    /// Minimum DSCR a lender's covenant allows; a lower month is warned about, ×.
    pub covenant_dscr: f64,
    /// Cash flows the verdict compares: the project's or the equity's.
    pub verdict_basis: Basis,
    /// Count the value at the horizon (exit sale, GPU residual) in the verdict's NPV.
    pub include_terminal_value: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            schema_version: SCHEMA_VERSION,
            name: "Sample 100 MW Texas site".to_string(),
            start_month: "2027-01".to_string(),
            horizon_years: 15,
            site: Site::default(),
            bitcoin: Bitcoin::default(),
            mining: Mining::default(),
            retrofit: Retrofit::default(),
            colocation: Colocation::default(),
            gpu_cloud: GpuCloud::default(),
            finance: Finance::default(),
            power: Power::default(),
        }
    }
}

impl Default for Site {
    fn default() -> Self {
        Site {
            grid_capacity_mw: 100.0,
            power_price_usd_per_mwh: 45.0,
            power_price_escalation_pct_per_year: 2.0,
            // ~1,000 ft² per MW of mining (docs/data-sources.md "Mining operations").
            building_area_sq_ft: 100_000.0,
            fibre_distance_km: 25.0,
        }
    }
}

impl Default for Bitcoin {
    fn default() -> Self {
        Bitcoin {
            btc_price_usd: 78_000.0,
            btc_price_growth_pct_per_year: 15.0,
            network_hashrate_ehs: 960.0,
            network_hashrate_growth_pct_per_year: 25.0,
            fees_btc_per_block: 0.02,
            fees_growth_pct_per_year: 0.0,
            anchor_height: 840_000,
            anchor_date: "2024-04-20".to_string(),
            blocks_per_day: 144.0,
            hashrate_model: HashrateModel::Economic,
            marginal_efficiency_j_per_th: 29.5,
            marginal_efficiency_gain_pct_per_year: 12.0,
            marginal_power_usd_per_mwh: 50.0,
            marginal_power_escalation_pct_per_year: 2.0,
            hashrate_lag_months: 3.0,
            max_hashrate_growth_pct_per_year: 90.0,
            btc_price_curve: Vec::new(),
            hashprice_curve: Vec::new(),
            network_hashrate_curve: Vec::new(),
        }
    }
}

impl FleetLine {
    pub fn new(model: &str, units: u32, hashrate_ths: f64, efficiency_j_per_th: f64) -> FleetLine {
        FleetLine {
            model: model.to_string(),
            units,
            hashrate_ths,
            efficiency_j_per_th,
        }
    }
}

impl Default for Mining {
    fn default() -> Self {
        Mining {
            // 29.16 + 35.00 + 27.61 = 91.77 MW of ASICs, × 1.05 PUE = 96.4 MW of the 100 MW grid.
            fleet: vec![
                FleetLine::new("Antminer S21 XP", 8_000, 270.0, 13.5),
                FleetLine::new("Antminer S21", 10_000, 200.0, 17.5),
                FleetLine::new("Antminer S19j Pro", 9_000, 104.0, 29.5),
            ],
            pue: 1.05,
            uptime_pct: 95.0,
            pool_fee_pct: 2.0,
            curtailment_pct: 3.0,
            curtailment_credit_usd_per_mwh: 0.0,
            fixed_opex_usd_per_mw_year: 60_000.0,
            shutdown_when_unprofitable: true,
            refresh: FleetRefresh::default(),
            exit: MiningExit::Close,
            exit_after_months_off: 6,
            mothball_opex_pct: 25.0,
            sell_asics_at_conversion: true,
            asic_resale: AsicResale::default(),
        }
    }
}

impl Default for AsicResale {
    fn default() -> Self {
        AsicResale {
            under19_usd_per_th: 18.0,
            from19_to25_usd_per_th: 6.0,
            from25_to38_usd_per_th: 3.0,
            over38_usd_per_th: 0.5,
            reference_hashprice_usd_per_ph_day: 43.33,
            age_decline_pct_per_year: 25.0,
        }
    }
}

impl AsicResale {
    /// The index price of a machine of `j_per_th`, USD per TH/s, by its efficiency class.
    pub fn class_usd_per_th(&self, j_per_th: f64) -> f64 {
        if j_per_th < 19.0 {
            self.under19_usd_per_th
        } else if j_per_th < 25.0 {
            self.from19_to25_usd_per_th
        } else if j_per_th < 38.0 {
            self.from25_to38_usd_per_th
        } else {
            self.over38_usd_per_th
        }
    }
}

impl Default for FleetRefresh {
    fn default() -> Self {
        FleetRefresh {
            enabled: false,
            after_years: 3,
            capex_usd_per_th: 17.0,
            efficiency_j_per_th: 13.5,
        }
    }
}

impl Default for Retrofit {
    fn default() -> Self {
        Retrofit {
            converted_share_pct: 100.0,
            pue: 1.3,
            rack_density_kw: 130.0,
            cooling: Cooling::DirectToChip,
            redundancy: Redundancy::NPlus1,
            phases: vec![Phase::new(100.0, 0, 12, 6)],
            soft_cost_pct: 8.0,
            contingency_pct: 10.0,
            cost_overrides: Vec::new(),
        }
    }
}

impl Default for Colocation {
    fn default() -> Self {
        Colocation {
            lease_usd_per_kw_month: 130.0,
            escalator_pct_per_year: 3.0,
            occupancy_pct: 100.0,
            lease_type: LeaseType::ModifiedGross,
            landlord_opex_usd_per_mw_it_year: 250_000.0,
            tenant_fit_out_pct: 0.0,
            lease_term_years: 15,
            rent_free_months: 0,
            prepayment_months: 0.0,
            prepayment_credit: PrepaymentCredit::FirstMonths,
            after_term: LeaseEnd::Renew,
            relet_rent_pct: 100.0,
            relet_vacancy_months: 12,
            exit_cap_rate_pct: 6.0,
            selling_cost_pct: 2.0,
            debt: Debt::default(),
        }
    }
}

impl Default for GpuCloud {
    /// Calibrated on IREN's disclosed Microsoft contract (docs/methodology-pathways.md "GPU
    /// cloud"): GB300 systems, 100 % contracted for five years at $2.91 per GPU-hour with 20 %
    /// prepaid, ≈ 85 % EBITDA margin.
    fn default() -> Self {
        GpuCloud {
            system: GpuSystem::Gb300,
            it_kw_per_gpu: 0.0,
            capex_usd_per_gpu: 0.0,
            contract_share_pct: 100.0,
            contract_rate_usd_per_gpu_hour: 2.91,
            contract_term_months: 60,
            contract_prepayment_pct: 20.0,
            recontract_at_market: false,
            rent_usd_per_gpu_hour: 2.91,
            rent_decline_pct_per_year: 16.0,
            utilization_pct: 85.0,
            load_pct: 80.0,
            useful_life_years: 5,
            end_of_life: GpuEnd::Refresh,
            refresh_system: GpuSystem::Gb300,
            refresh_capex_usd_per_gpu: 0.0,
            refresh_rent_usd_per_gpu_hour: 0.0,
            fabric: Fabric::Infiniband,
            opex_usd_per_gpu_year: 1_500.0,
            opex_pct_of_revenue: 5.0,
            residual_decline_pct_per_year: 35.0,
            resell_at_end_of_life: true,
            debt: Debt {
                loan_to_cost_pct: 80.0,
                interest_rate_pct: 9.0,
                tenor_years: 5,
                upfront_fee_pct: 1.0,
                amortisation: Amortisation::Sculpted,
                target_dscr: 1.4,
                capitalise_interest: true,
            },
        }
    }
}

impl Power {
    /// Power as versions 1–4 priced it: one flat price a month for every hour (mining curtails
    /// its flat share for its credit), bought at that price, with no transmission charge or
    /// demand response besides, and the AI load on the same supply.
    pub fn flat() -> Power {
        Power {
            pricing: PowerPricing::Flat,
            supply: PowerSupply::Index,
            transmission_usd_per_kw_month: 0.0,
            demand_response_usd_per_mw_month: 0.0,
            ai_supply: FirmSupply::Grid,
            ..Power::default()
        }
    }
}

impl Default for Power {
    fn default() -> Self {
        Power {
            pricing: PowerPricing::Hourly,
            profile: PriceProfile::Ercot2024,
            scaling: ProfileScaling::ToPriceLevel,
            shape_pct: 100.0,
            imported_profile: std::sync::Arc::from([]),
            imported_profile_name: String::new(),
            supply: PowerSupply::Index,
            ppa_price_usd_per_mwh: 25.0,
            ppa_volume_pct: 100.0,
            ppa_sell_back: true,
            transmission_usd_per_kw_month: 5.5,
            transmission_avoided_pct: 90.0,
            demand_response_usd_per_mw_month: 2_500.0,
            demand_response_enrolled_pct: 25.0,
            ai_supply: FirmSupply::Grid,
            firm_premium_usd_per_mwh: 35.0,
            generation_usd_per_mwh: 35.0,
            tenant_uptime_pct: 99.982,
        }
    }
}

impl Default for Finance {
    fn default() -> Self {
        Finance {
            discount_rate_pct: 10.0,
            tax_enabled: false,
            tax_rate_pct: 21.0,
            sensitivity_pct: 20.0,
            rates_by_pathway: false,
            mining_rate_pct: 15.0,
            colocation_rate_pct: 8.0,
            gpu_cloud_rate_pct: 12.0,
            cost_of_equity_pct: 15.0,
            covenant_dscr: 1.2,
            verdict_basis: Basis::Unlevered,
            include_terminal_value: false,
        }
    }
}

impl Default for Debt {
    /// The colocation pathway's default loan (the GPU cloud's differs, [`GpuCloud::default`]).
    /// Documents are read through the field registry, which completes each pathway's debt from
    /// that pathway's default; this fill-in only serves serde's own reading.
    fn default() -> Self {
        Debt {
            loan_to_cost_pct: 80.0,
            interest_rate_pct: 8.0,
            tenor_years: 10,
            upfront_fee_pct: 1.0,
            amortisation: Amortisation::Sculpted,
            target_dscr: 1.4,
            capitalise_interest: true,
        }
    }
}

impl Scenario {
    /// Number of model months in the horizon.
    pub fn months(&self) -> u32 {
        self.horizon_years * 12
    }
}

impl Retrofit {
    /// The earliest month any phase's construction starts (`u32::MAX` without phases).
    pub fn first_start(&self) -> u32 {
        self.phases
            .iter()
            .map(|p| p.construction_start_month)
            .min()
            .unwrap_or(u32::MAX)
    }

    /// The earliest commissioning, `start + buildMonths` of a phase.
    pub fn first_commissioning(&self) -> u32 {
        self.phases
            .iter()
            .map(|p| p.construction_start_month.saturating_add(p.build_months))
            .min()
            .unwrap_or(u32::MAX)
    }

    /// The last commissioning: when the whole conversion operates.
    pub fn last_commissioning(&self) -> u32 {
        self.phases
            .iter()
            .map(|p| p.construction_start_month.saturating_add(p.build_months))
            .max()
            .unwrap_or(u32::MAX)
    }
}

impl Mining {
    /// Fleet hashrate, PH/s: Σ units × TH/s ÷ 1000.
    pub fn fleet_ph(&self) -> f64 {
        // `+ 0.0`: a float sum of nothing is −0.0, which would print as "-0".
        (self.fleet.iter().map(|l| l.units as f64 * l.hashrate_ths).sum::<f64>() + 0.0) / 1000.0
    }

    /// Fleet IT power, MW: Σ units × TH/s × J/TH ÷ 10⁶.
    pub fn fleet_it_mw(&self) -> f64 {
        self.fleet
            .iter()
            .map(|l| l.units as f64 * l.hashrate_ths * l.efficiency_j_per_th)
            .sum::<f64>()
            / 1e6
            + 0.0
    }

    /// Fleet facility power, MW: IT × PUE.
    pub fn fleet_facility_mw(&self) -> f64 {
        self.fleet_it_mw() * self.pue
    }
}
