//! The three bills as plain lines of `&'static str` and numbers: the facility retrofit, the GPU
//! cloud's own equipment and what a greenfield build adds. Building them allocates one `Vec`
//! each and no `String`, so the analysis can re-run the totals cheaply; the report's
//! [`CapexLine`]s are made from these lines only once.
//!
//! Every line total is `quantity × unit cost` rounded to the whole dollar. Whole dollars are
//! exact in `f64` (far below 2⁵³), so a bill's lines add up to its total exactly, in any order,
//! and its category totals add up to it too.

use super::library::{self as lib, Category, LibraryItem};
use crate::report::{CapexBill, CapexLine, CategoryTotal, SiteReport};
use crate::scenario::{Cooling, CostOverride, Fabric, Scenario};

/// One line of a bill before it becomes a report line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawLine {
    pub meta: LibraryItem,
    /// The unit as shown on the bill (the library's, or one naming a factor).
    pub unit: &'static str,
    pub quantity: f64,
    pub unit_cost_usd: f64,
    pub total_usd: f64,
    pub overridden: bool,
}

/// A number that may be shown: finite, else 0 (validation keeps inputs finite; this keeps a
/// scenario that skipped validation from leaking NaN).
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

struct Builder<'a> {
    overrides: &'a [CostOverride],
    lines: Vec<RawLine>,
    /// The share (0–1) of the fit-out items ([`lib::FIT_OUT`]) someone else pays: their
    /// quantity on this bill is `1 −` it, and a line left with nothing is dropped.
    paid_by_tenant: f64,
}

impl<'a> Builder<'a> {
    fn new(overrides: &'a [CostOverride], capacity: usize) -> Self {
        Builder {
            overrides,
            lines: Vec::with_capacity(capacity),
            paid_by_tenant: 0.0,
        }
    }

    /// Adds `quantity` of a library item (its unit cost overridden if the user did) and returns
    /// the line's total.
    fn add(&mut self, item: LibraryItem, quantity: f64) -> f64 {
        self.add_as(item, item.unit, quantity)
    }

    fn add_as(&mut self, item: LibraryItem, unit: &'static str, quantity: f64) -> f64 {
        let quantity = if self.paid_by_tenant > 0.0 && lib::is_fit_out(item.id) {
            let left = quantity * (1.0 - self.paid_by_tenant);
            if left <= 0.0 {
                return 0.0;
            }
            left
        } else {
            quantity
        };
        // The last override of an item wins, as a later edit would.
        let replaced = self.overrides.iter().rev().find(|o| o.item == item.id);
        let unit_cost = replaced.map_or(item.unit_cost_usd, |o| finite(o.unit_cost_usd));
        self.push(item, unit, quantity, unit_cost, replaced.is_some())
    }

    /// A line whose rate is a scenario input (soft costs, contingency), not a library cost.
    fn add_rate(&mut self, item: LibraryItem, quantity: f64, rate: f64) -> f64 {
        self.push(item, item.unit, quantity, finite(rate), false)
    }

    fn push(&mut self, meta: LibraryItem, unit: &'static str, quantity: f64, unit_cost: f64, overridden: bool) -> f64 {
        let quantity = finite(quantity).max(0.0);
        let total = finite(quantity * unit_cost).round();
        self.lines.push(RawLine {
            meta,
            unit,
            quantity,
            unit_cost_usd: unit_cost,
            total_usd: total,
            overridden,
        });
        total
    }

    /// Sum of the lines added since `from` (whole dollars: exact).
    fn sum_from(&self, from: usize) -> f64 {
        self.lines[from..].iter().map(|l| l.total_usd).sum()
    }
}

/// The source of a scenario input, for the lines whose rate is one.
fn scenario_source(field: &str) -> (&'static str, &'static str, &'static str) {
    crate::fields::get(field)
        .and_then(|f| f.source)
        .map_or(("Scenario input", "", ""), |s| (s.text, s.as_of, s.url))
}

fn soft_cost_item(id: &'static str, label: &'static str) -> LibraryItem {
    let (source, as_of, url) = scenario_source("retrofit.softCostPct");
    LibraryItem {
        id,
        category: Category::SoftCosts,
        label,
        unit: "USD of hard costs",
        unit_cost_usd: 0.0,
        source,
        as_of,
        estimate: true,
        url,
    }
}

fn contingency_item(id: &'static str, label: &'static str) -> LibraryItem {
    let (source, as_of, url) = scenario_source("retrofit.contingencyPct");
    LibraryItem {
        id,
        category: Category::SoftCosts,
        label,
        unit: "USD of hard and soft costs",
        unit_cost_usd: 0.0,
        source,
        as_of,
        estimate: true,
        url,
    }
}

/// Critical IT of the converted share, kW (0 when nothing is converted).
fn it_kw(site: &SiteReport) -> f64 {
    finite(site.it_capacity_mw * 1000.0).max(0.0)
}

/// The facility retrofit: cooling, electrical, networking, building, then soft costs on the
/// hard costs and contingency on hard + soft.
pub(crate) fn facility(s: &Scenario, site: &SiteReport) -> Vec<RawLine> {
    facility_less(s, site, 0.0)
}

/// The colocation landlord's bill: the facility retrofit less the tenant's share
/// (`colocation.tenantFitOutPct`) of every fit-out line; the installation, soft costs and
/// contingency on those lines follow them, since they are rates on the equipment and the hard
/// costs. A fit-out line the tenant pays whole is not on it.
pub(crate) fn landlord(s: &Scenario, site: &SiteReport) -> Vec<RawLine> {
    facility_less(s, site, (s.colocation.tenant_fit_out_pct / 100.0).clamp(0.0, 1.0))
}

fn facility_less(s: &Scenario, site: &SiteReport, paid_by_tenant: f64) -> Vec<RawLine> {
    let r = &s.retrofit;
    let it_kw = it_kw(site);
    let converting = it_kw > 0.0;
    let mut b = Builder::new(&r.cost_overrides, 32);
    b.paid_by_tenant = paid_by_tenant;

    // Cooling: the technology's own plant, then its installation as a share of the equipment.
    let air_kw = it_kw * lib::heat_to_air_share(r.cooling);
    let air_unit = lib::heat_to_air_unit(r.cooling);
    let start = b.lines.len();
    match r.cooling {
        Cooling::Air => {}
        Cooling::RearDoor => {
            b.add(lib::REAR_DOORS, it_kw);
        }
        Cooling::DirectToChip => {
            b.add(lib::CDU, it_kw);
            b.add(lib::DRY_COOLERS, it_kw);
        }
        Cooling::Immersion => {
            b.add(lib::IMMERSION_TANKS, it_kw);
            b.add(lib::DRY_COOLERS, it_kw);
        }
    }
    b.add(lib::PUMPS_PIPEWORK, it_kw);
    b.add_as(lib::AIR_HANDLERS, air_unit, air_kw);
    b.add_as(lib::CHILLED_WATER_PLANT, air_unit, air_kw);
    let cooling_equipment = b.sum_from(start);
    b.add(lib::COOLING_INSTALLATION, cooling_equipment);

    // Electrical: UPS, generators, switchgear and distribution sized for the redundancy.
    let capacity_kw = it_kw * lib::redundancy_factor(r.redundancy);
    let capacity_unit = lib::redundancy_unit(r.redundancy);
    let start = b.lines.len();
    b.add_as(lib::SWITCHGEAR, capacity_unit, capacity_kw);
    b.add_as(lib::UPS, capacity_unit, capacity_kw);
    b.add_as(lib::GENERATORS, capacity_unit, capacity_kw);
    if s.power.ai_supply == crate::scenario::FirmSupply::Generation {
        // Sized to the facility load the AI halls draw: IT × PUE.
        b.add(lib::ONSITE_GENERATION, it_kw * r.pue);
    }
    b.add_as(lib::DISTRIBUTION, capacity_unit, capacity_kw);
    b.add(lib::MV_FEEDERS, it_kw);
    let electrical_equipment = b.sum_from(start);
    b.add(lib::ELECTRICAL_INSTALLATION, electrical_equipment);
    b.add(lib::EXISTING_SUBSTATION, site.converted_grid_mw);

    // Networking: only a site that converts something needs the fibre and the meet-me room.
    let (fibre_km, rooms) = if converting {
        (s.site.fibre_distance_km, 1.0)
    } else {
        (0.0, 0.0)
    };
    b.add(lib::WAN_FIBRE, fibre_km);
    b.add(lib::MEET_ME_ROOM, rooms);

    for item in [
        lib::HALL_CONVERSION,
        lib::WHITE_SPACE_FIT_OUT,
        lib::BACK_OF_HOUSE,
        lib::FIRE_SUPPRESSION,
        lib::SECURITY,
        lib::CONTROLS,
        lib::SITE_WORKS,
    ] {
        b.add(item, it_kw);
    }

    let hard = b.sum_from(0);
    let soft = b.add_rate(
        soft_cost_item("softCosts", "Soft costs: design, permits, engineering"),
        hard,
        r.soft_cost_pct / 100.0,
    );
    b.add_rate(
        contingency_item("contingency", "Contingency"),
        hard + soft,
        r.contingency_pct / 100.0,
    );
    b.lines
}

/// The GPU cloud's own equipment: servers, back-end fabric, front-end network and storage.
pub(crate) fn gpu_cloud(s: &Scenario, site: &SiteReport) -> Vec<RawLine> {
    let g = &s.gpu_cloud;
    let gpus = f64::from(site.gpus);
    let mut b = Builder::new(&s.retrofit.cost_overrides, 4);
    // The servers: the system's all-in price (or the scenario's) less the network and storage
    // lines below, unless the user replaced the server line's own unit cost.
    let servers = lib::gpu_servers(g.system);
    if g.capex_usd_per_gpu > 0.0 && !s.retrofit.cost_overrides.iter().any(|o| o.item == servers.id) {
        let unit = (g.capex_usd_per_gpu - lib::NETWORK_AND_STORAGE_PER_GPU).max(0.0);
        b.push(servers, servers.unit, gpus, unit, true);
    } else {
        b.add(servers, gpus);
    }
    b.add(
        match g.fabric {
            Fabric::Infiniband => lib::FABRIC_INFINIBAND,
            Fabric::Ethernet => lib::FABRIC_ETHERNET,
        },
        gpus,
    );
    b.add(lib::FRONT_END_NETWORK, gpus);
    b.add(lib::STORAGE, gpus);
    b.lines
}

/// What a greenfield build of the same IT capacity adds to the retrofit: a substation, a grid
/// interconnection, land, a new shell and the site a mine already has, with soft costs and
/// contingency on those works (land carries neither).
pub(crate) fn greenfield_extras(s: &Scenario, site: &SiteReport) -> Vec<RawLine> {
    let r = &s.retrofit;
    let it_kw = it_kw(site);
    let grid_mw = finite(site.converted_grid_mw).max(0.0);
    let mut b = Builder::new(&r.cost_overrides, 7);
    b.add(lib::NEW_SUBSTATION, grid_mw);
    b.add(lib::GRID_INTERCONNECT, grid_mw);
    b.add(lib::NEW_SHELL, it_kw);
    b.add(lib::GREENFIELD_SITE, it_kw);
    let works = b.sum_from(0);
    b.add(lib::LAND, grid_mw * lib::ACRES_PER_GRID_MW);
    let soft = b.add_rate(
        soft_cost_item("greenfieldSoftCosts", "Soft costs on the greenfield works"),
        works,
        r.soft_cost_pct / 100.0,
    );
    b.add_rate(
        contingency_item("greenfieldContingency", "Contingency on the greenfield works"),
        works + soft,
        r.contingency_pct / 100.0,
    );
    b.lines
}

/// Sum of a bill's lines, in order (whole dollars: exact).
pub(crate) fn total(lines: &[RawLine]) -> f64 {
    lines.iter().map(|l| l.total_usd).sum()
}

/// Total ÷ IT MW, or none when there is no IT capacity.
pub(crate) fn per_it_mw(total: f64, it_mw: f64) -> Option<f64> {
    if it_mw > 0.0 && it_mw.is_finite() {
        Some(finite(total / it_mw))
    } else {
        None
    }
}

pub(crate) fn report_lines(lines: &[RawLine]) -> Vec<CapexLine> {
    lines
        .iter()
        .map(|l| CapexLine {
            id: l.meta.id.to_string(),
            category: l.meta.category.label().to_string(),
            item: l.meta.label.to_string(),
            quantity: l.quantity,
            unit: l.unit.to_string(),
            unit_cost_usd: l.unit_cost_usd,
            total_usd: l.total_usd,
            source: l.meta.source.to_string(),
            as_of: l.meta.as_of.to_string(),
            estimate: l.meta.estimate,
            overridden: l.overridden,
            url: (!l.meta.url.is_empty()).then(|| l.meta.url.to_string()),
        })
        .collect()
}

/// Totals per category, in [`Category::ALL`] order, for the categories the bill has.
pub(crate) fn categories(lines: &[RawLine]) -> Vec<CategoryTotal> {
    Category::ALL
        .iter()
        .filter(|c| lines.iter().any(|l| l.meta.category == **c))
        .map(|c| CategoryTotal {
            id: c.id().to_string(),
            category: c.label().to_string(),
            total_usd: lines
                .iter()
                .filter(|l| l.meta.category == *c)
                .map(|l| l.total_usd)
                .sum(),
        })
        .collect()
}

pub(crate) fn to_bill(lines: &[RawLine], it_mw: f64) -> CapexBill {
    let total_usd = total(lines);
    CapexBill {
        total_usd,
        per_it_mw_usd: per_it_mw(total_usd, it_mw),
        lines: report_lines(lines),
        categories: categories(lines),
    }
}
