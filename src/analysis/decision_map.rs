//! The decision map (issue 19): two inputs on a grid, each cell the best pathway and by how
//! much it beats the runner-up, with the lines where each AI pathway's NPV equals mining's.
//!
//! Each cell is the whole model at the cell's two values (the verdict's NPVs, [`npvs_with`]):
//! the BTC price axis (`btcPriceMultiple`) multiplies the whole price path, as the break-even
//! does ([`crate::engine::scale_btc_price`]); any other axis is a numeric field of the
//! registry set to the cell's value. What an axis does not touch is computed once: the fleet
//! runs are redone only for an axis that moves them (prices, the fleet, the site, power, the
//! retrofit), per column or per row when only one axis does, and the capex likewise.
//!
//! A break-even line is where an AI pathway's NPV equals mining's: on every edge between two
//! neighbouring cells of opposite sign, the crossing is found by Brent's method on the whole
//! model (to a thousandth of that axis's span); the crossings on the edges of each grid square
//! are then joined (marching squares), so the line follows the boundary whichever way it runs.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::engine::{
    best_pathways, npvs_with, scale_btc_price, Adjust, Buffers, CapexStage, FleetRuns, MiningStage, PerPathway,
};
use crate::fields::{Access, Field};
use crate::report::{BitcoinReport, PathwayId};
use crate::scenario::Scenario;
use crate::validate::{ErrorCode, ValidationError};

/// The axis that multiplies the whole BTC price path (1: the scenario's).
pub const BTC_PRICE_MULTIPLE: &str = "btcPriceMultiple";
/// Most cells a map may have (50 × 50): about 1.5 s in wasm at the defaults' cost per cell.
pub const MAX_CELLS: u32 = 2_500;
/// Most steps along one axis.
pub const MAX_STEPS: u32 = 100;
/// The BTC price multiple's allowed range.
const MULTIPLE_RANGE: (f64, f64) = (0.01, 100.0);

/// One axis of the map: an input and the values it takes, `steps` of them evenly from `from`
/// to `to` (both included). Left out, `from` and `to` are half and one and a half times the
/// scenario's value within the field's range (0.25 to 3 for the BTC price multiple).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase", default)]
pub struct MapAxis {
    /// `btcPriceMultiple` or the dotted path of a numeric input (`colocation.leaseUsdPerKwMonth`).
    pub field: String,
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// 2–100.
    pub steps: u32,
}

impl Default for MapAxis {
    fn default() -> Self {
        MapAxis {
            field: BTC_PRICE_MULTIPLE.to_string(),
            from: None,
            to: None,
            steps: 25,
        }
    }
}

/// The map's two axes. Default: the BTC price multiple across, the colocation lease rate up,
/// 25 × 25.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct MapOptions {
    pub x: MapAxis,
    pub y: MapAxis,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            x: MapAxis::default(),
            y: MapAxis {
                field: "colocation.leaseUsdPerKwMonth".to_string(),
                ..MapAxis::default()
            },
        }
    }
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DecisionMap {
    pub x: AxisValues,
    pub y: AxisValues,
    /// Row by row from the first y: `cells[j × x.values.length + i]` is (x.values[i],
    /// y.values[j]).
    pub cells: Vec<MapCell>,
    /// Where each AI pathway's NPV equals mining's.
    pub break_evens: Vec<BreakEvenLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AxisValues {
    pub field: String,
    pub label: String,
    pub unit: String,
    pub values: Vec<f64>,
    /// The scenario's own value (1 for the BTC price multiple).
    pub current: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct MapCell {
    /// The pathway with the highest NPV (a tie goes to the first of mining, colocation,
    /// gpuCloud); null where the cell's scenario is not valid.
    pub best: Option<PathwayId>,
    /// The best NPV less the second best, USD (≥ 0); null where the scenario is not valid.
    pub margin_usd: Option<f64>,
    /// The three NPVs (mining, colocation, gpuCloud), USD; empty where not valid.
    pub npv_usd: Vec<f64>,
}

/// Where one AI pathway's NPV equals mining's: the crossings found on the grid's edges, and
/// the segments that join them square by square (a contour, drawn segment by segment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BreakEvenLine {
    pub pathway: PathwayId,
    /// Every crossing: on a row between two cells (x found, y the row's) or on a column (y
    /// found).
    pub points: Vec<MapPoint>,
    /// Pairs of crossings on the edges of one grid square, joined.
    pub segments: Vec<[MapPoint; 2]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

/// A checked axis: its field (none for the BTC price multiple) and values.
struct Axis {
    field: Option<&'static Field>,
    values: Vec<f64>,
    current: f64,
    moves_fleet: bool,
    moves_capex: bool,
    /// Whether it moves the bitcoin projection (the multiple scales it instead).
    moves_projection: bool,
}

impl Axis {
    /// The scenario with this axis at `v` (the BTC price multiple is applied to the prices,
    /// not here).
    fn set(&self, s: &mut Scenario, v: f64) {
        match self.field.map(|f| &f.access) {
            Some(Access::Num { set, .. }) => set(s, v),
            // ok: a whole field's values are whole numbers within its range (checked).
            Some(Access::Whole { set, .. }) => set(s, v.round().max(0.0) as u64),
            _ => {}
        }
    }

    fn multiple(&self, v: f64) -> f64 {
        if self.field.is_none() {
            v
        } else {
            1.0
        }
    }

    fn output(&self, spec: &MapAxis) -> AxisValues {
        let (label, unit) = match self.field {
            Some(f) => (f.label.to_string(), f.unit.to_string()),
            None => ("BTC price multiple".to_string(), "× the price path".to_string()),
        };
        AxisValues {
            field: spec.field.clone(),
            label,
            unit,
            values: self.values.clone(),
            current: self.current,
        }
    }
}

/// Whether an input moves the fleet runs, the capex and the bitcoin projection (by its dotted
/// path's section; a top-level input such as `horizonYears` moves everything).
fn moves(path: &str) -> (bool, bool, bool) {
    if path == BTC_PRICE_MULTIPLE {
        return (true, false, false);
    }
    let top = !path.contains('.');
    let section = path.split('.').next().unwrap_or("");
    let fleet = top || matches!(section, "bitcoin" | "mining" | "site" | "power" | "retrofit");
    let capex = !matches!(section, "colocation" | "finance" | "bitcoin");
    let projection = top || section == "bitcoin";
    (fleet, capex, projection)
}

fn axis_error(name: &str, key: &str, message: String, value: Value) -> ValidationError {
    ValidationError::new(format!("{name}.{key}"), ErrorCode::OutOfRange, message, value)
}

/// Checks an axis against the registry; `name` is `x` or `y`.
fn axis(s: &Scenario, spec: &MapAxis, name: &str) -> Result<Axis, Vec<ValidationError>> {
    let mut errors = Vec::new();
    let (field, current, range) = if spec.field == BTC_PRICE_MULTIPLE {
        (None, 1.0, MULTIPLE_RANGE)
    } else {
        match crate::fields::get(&spec.field) {
            Some(f @ Field {
                access: Access::Num { get, .. },
                ..
            }) => (Some(f), get(s), f.range()),
            Some(f @ Field {
                access: Access::Whole { get, .. },
                ..
            }) => (Some(f), get(s) as f64, f.range()),
            _ => {
                return Err(vec![ValidationError::new(
                    format!("{name}.field"),
                    ErrorCode::UnknownField,
                    format!(
                        "must be {BTC_PRICE_MULTIPLE} or the path of a numeric input such as colocation.leaseUsdPerKwMonth (got {:?})",
                        spec.field
                    ),
                    Value::from(spec.field.clone()),
                )])
            }
        }
    };
    let (lo, hi) = range;
    let (default_from, default_to) = if field.is_none() {
        (0.25, 3.0)
    } else if current != 0.0 {
        let (a, b) = (current * 0.5, current * 1.5);
        (a.min(b).clamp(lo, hi), a.max(b).clamp(lo, hi))
    } else {
        (lo, hi)
    };
    let from = spec.from.unwrap_or(default_from);
    let to = spec.to.unwrap_or(default_to);
    let within = |v: f64| v.is_finite() && v >= lo && v <= hi;
    let shown = |v: f64| crate::format::grouped(v);
    for (key, v) in [("from", from), ("to", to)] {
        if !within(v) {
            errors.push(axis_error(
                name,
                key,
                format!("must be between {} and {} (got {})", shown(lo), shown(hi), v),
                Value::from(v),
            ));
        }
    }
    if errors.is_empty() && from >= to {
        errors.push(axis_error(
            name,
            "to",
            format!("must be above `from` ({from}) (got {to})"),
            Value::from(to),
        ));
    }
    if !(2..=MAX_STEPS).contains(&spec.steps) {
        errors.push(axis_error(
            name,
            "steps",
            format!("must be between 2 and {MAX_STEPS} (got {})", spec.steps),
            Value::from(spec.steps),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let n = spec.steps as usize;
    let values = (0..n)
        .map(|i| {
            let v = from + (to - from) * i as f64 / (n - 1) as f64;
            match field.map(|f| &f.access) {
                Some(Access::Whole { .. }) => v.round(),
                _ => v,
            }
        })
        .collect();
    let (moves_fleet, moves_capex, moves_projection) = moves(&spec.field);
    Ok(Axis {
        field,
        values,
        current,
        moves_fleet,
        moves_capex,
        moves_projection,
    })
}

/// Reads map options from a JSON value (left out: the defaults), reporting unknown keys and
/// wrong types at their paths.
pub fn map_options_from_value(value: Value) -> Result<MapOptions, Vec<ValidationError>> {
    let value = if value.is_null() {
        Value::Object(serde_json::Map::new())
    } else {
        value
    };
    let Value::Object(map) = &value else {
        return Err(vec![ValidationError::new(
            "",
            ErrorCode::InvalidType,
            "must be an object such as { x: { field: \"btcPriceMultiple\" }, y: { field: \"colocation.leaseUsdPerKwMonth\" } }",
            crate::validate::kind_of(&value),
        )]);
    };
    let mut errors = Vec::new();
    for (key, v) in map {
        match (key.as_str(), v) {
            ("x" | "y", Value::Object(axis)) => {
                for (k, w) in axis {
                    let ok = match k.as_str() {
                        "field" => w.is_string(),
                        "from" | "to" => w.is_number() || w.is_null(),
                        "steps" => w.as_u64().is_some(),
                        _ => {
                            errors.push(ValidationError::new(
                                format!("{key}.{k}"),
                                ErrorCode::UnknownField,
                                "is not an option of a map axis (field, from, to, steps)",
                                w.clone(),
                            ));
                            true
                        }
                    };
                    if !ok {
                        errors.push(ValidationError::new(
                            format!("{key}.{k}"),
                            ErrorCode::InvalidType,
                            match k.as_str() {
                                "field" => "must be text: an input's path",
                                "steps" => "must be a whole number",
                                _ => "must be a number",
                            },
                            w.clone(),
                        ));
                    }
                }
            }
            ("x" | "y", other) => errors.push(ValidationError::new(
                key.clone(),
                ErrorCode::InvalidType,
                "must be an object such as { field: \"btcPriceMultiple\", steps: 25 }",
                other.clone(),
            )),
            _ => errors.push(ValidationError::new(
                key.clone(),
                ErrorCode::UnknownField,
                "is not an option of the decision map (x, y)",
                v.clone(),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Each axis left out of an object keeps its own default (y: the lease rate).
    let mut options = MapOptions::default();
    for (key, slot) in [("x", &mut options.x), ("y", &mut options.y)] {
        if let Some(Value::Object(axis)) = map.get(key) {
            if let Some(Value::String(f)) = axis.get("field") {
                slot.field.clone_from(f);
            }
            slot.from = axis.get("from").and_then(Value::as_f64);
            slot.to = axis.get("to").and_then(Value::as_f64);
            if let Some(n) = axis.get("steps").and_then(Value::as_u64) {
                slot.steps = u32::try_from(n).unwrap_or(u32::MAX);
            }
        }
    }
    Ok(options)
}

/// The fleet runs for a cell's scenario at BTC price multiple `k`: from the scenario's own
/// projection when nothing but the multiple moves them.
fn fleet_at(s: &Scenario, k: f64, base: Option<&BitcoinReport>, scratch: &mut BitcoinReport) -> FleetRuns {
    let own;
    let base = match base {
        Some(b) => b,
        None => {
            own = crate::bitcoin::project(s);
            &own
        }
    };
    if k == 1.0 {
        FleetRuns::new(s, &base.months)
    } else {
        scale_btc_price(s, base, k, scratch);
        FleetRuns::new(s, &scratch.months)
    }
}

/// The decision map of a valid scenario; every problem with the options at once, at its path
/// (`x.steps`, `y.field`, …), the cell limit at `y.steps`.
pub fn decision_map(s: &Scenario, o: &MapOptions) -> Result<DecisionMap, Vec<ValidationError>> {
    let errors = crate::validate::validate(s);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (x, y) = match (axis(s, &o.x, "x"), axis(s, &o.y, "y")) {
        (Ok(x), Ok(y)) => (x, y),
        (a, b) => {
            let mut errors = a.err().unwrap_or_default();
            errors.extend(b.err().unwrap_or_default());
            return Err(errors);
        }
    };
    if o.x.field == o.y.field {
        return Err(vec![ValidationError::new(
            "y.field",
            ErrorCode::Inconsistent,
            format!("must differ from x.field (both are {})", o.x.field),
            Value::from(o.y.field.clone()),
        )]);
    }
    let cells = o.x.steps.saturating_mul(o.y.steps);
    if cells > MAX_CELLS {
        return Err(vec![ValidationError::new(
            "y.steps",
            ErrorCode::TooLarge,
            format!(
                "{} × {} = {} cells is more than a map may have ({}); fewer steps on either axis",
                o.x.steps,
                o.y.steps,
                crate::format::grouped(f64::from(cells)),
                crate::format::grouped(f64::from(MAX_CELLS))
            ),
            Value::from(o.y.steps),
        )]);
    }

    let mut engine = CellEngine::new(s, &x, &y);
    let (nx, ny) = (x.values.len(), y.values.len());
    let mut out = Vec::with_capacity(nx * ny);
    let mut npvs: Vec<Option<PerPathway<f64>>> = Vec::with_capacity(nx * ny);
    for j in 0..ny {
        for i in 0..nx {
            let v = engine.cell(i, j);
            npvs.push(v);
            out.push(match v {
                Some(n) => {
                    let (best, _) = best_pathways(n);
                    let second = PathwayId::ALL
                        .into_iter()
                        .filter(|&id| id != best)
                        .map(|id| n[id])
                        .fold(f64::NEG_INFINITY, f64::max);
                    MapCell {
                        best: Some(best),
                        margin_usd: Some(n[best] - second),
                        npv_usd: PathwayId::ALL.iter().map(|&id| n[id]).collect(),
                    }
                }
                None => MapCell {
                    best: None,
                    margin_usd: None,
                    npv_usd: Vec::new(),
                },
            });
        }
    }

    // The break-even lines: on every edge between two cells whose AI-minus-mining changes sign,
    // the crossing by Brent on the whole model; then, square by square, the crossings on its
    // edges joined (marching squares; a saddle's four are paired in edge order).
    let x_tol = (x.values[nx - 1] - x.values[0]).abs() * 1e-3;
    let y_tol = (y.values[ny - 1] - y.values[0]).abs() * 1e-3;
    let mut break_evens = Vec::new();
    for pathway in [PathwayId::Colocation, PathwayId::GpuCloud] {
        let gap = |n: &Option<PerPathway<f64>>| n.map(|n| n[pathway] - n.mining);
        // Crossings on horizontal edges (row j, between columns i and i + 1) and on vertical
        // edges (column i, between rows j and j + 1).
        let mut across: Vec<Option<MapPoint>> = vec![None; nx * ny];
        let mut up: Vec<Option<MapPoint>> = vec![None; nx * ny];
        for j in 0..ny {
            for i in 0..nx {
                let here = gap(&npvs[j * nx + i]);
                if i + 1 < nx {
                    if let (Some(a), Some(b)) = (here, gap(&npvs[j * nx + i + 1])) {
                        if (a < 0.0) != (b < 0.0) {
                            let root = crate::finance::find_root_from(
                                |v| engine.at(v, j).map_or(f64::NAN, |n| n[pathway] - n.mining),
                                (x.values[i], a),
                                (x.values[i + 1], b),
                                x_tol,
                            );
                            across[j * nx + i] = root.map(|r| MapPoint { x: r, y: y.values[j] });
                        }
                    }
                }
                if j + 1 < ny {
                    if let (Some(a), Some(b)) = (here, gap(&npvs[(j + 1) * nx + i])) {
                        if (a < 0.0) != (b < 0.0) {
                            let root = crate::finance::find_root_from(
                                |v| engine.at_column(i, v).map_or(f64::NAN, |n| n[pathway] - n.mining),
                                (y.values[j], a),
                                (y.values[j + 1], b),
                                y_tol,
                            );
                            up[j * nx + i] = root.map(|r| MapPoint { x: x.values[i], y: r });
                        }
                    }
                }
            }
        }
        let mut segments = Vec::new();
        for j in 0..ny.saturating_sub(1) {
            for i in 0..nx.saturating_sub(1) {
                // The square's edges in order: bottom, right, top, left.
                let edges = [
                    across[j * nx + i],
                    up[j * nx + i + 1],
                    across[(j + 1) * nx + i],
                    up[j * nx + i],
                ];
                let found: Vec<MapPoint> = edges.into_iter().flatten().collect();
                for pair in found.chunks_exact(2) {
                    segments.push([pair[0], pair[1]]);
                }
            }
        }
        let points = across.into_iter().chain(up).flatten().collect();
        break_evens.push(BreakEvenLine {
            pathway,
            points,
            segments,
        });
    }

    Ok(DecisionMap {
        x: x.output(&o.x),
        y: y.output(&o.y),
        cells: out,
        break_evens,
    })
}

/// Evaluates cells, keeping what an axis does not move: the fleet runs by column (x moves
/// them, y does not), by row (the other way round), or once; the capex likewise.
struct CellEngine<'a> {
    s: &'a Scenario,
    x: &'a Axis,
    y: &'a Axis,
    base_btc: BitcoinReport,
    base_fleet: FleetRuns,
    base_capex: CapexStage,
    /// Fleet runs per column (x moves them alone) or per row (y alone).
    fleet_by_value: Vec<Option<FleetRuns>>,
    capex_by_value: Vec<Option<CapexStage>>,
    scratch: BitcoinReport,
    buf: Buffers,
}

impl<'a> CellEngine<'a> {
    fn new(s: &'a Scenario, x: &'a Axis, y: &'a Axis) -> CellEngine<'a> {
        let mining = MiningStage::new(s);
        let slots = x.values.len().max(y.values.len());
        CellEngine {
            s,
            x,
            y,
            base_fleet: mining.runs,
            base_btc: mining.btc,
            base_capex: CapexStage::new(s),
            fleet_by_value: (0..slots).map(|_| None).collect(),
            capex_by_value: (0..slots).map(|_| None).collect(),
            scratch: BitcoinReport::default(),
            buf: Buffers::default(),
        }
    }

    /// The grid's cell (i, j).
    fn cell(&mut self, i: usize, j: usize) -> Option<PerPathway<f64>> {
        let (vx, vy) = (self.x.values[i], self.y.values[j]);
        self.evaluate(vx, vy, Some(i), Some(j))
    }

    /// Any x on row `row` (a break-even's search): no column's cache serves it.
    fn at(&mut self, vx: f64, row: usize) -> Option<PerPathway<f64>> {
        let vy = self.y.values[row];
        self.evaluate(vx, vy, None, Some(row))
    }

    /// Any y on column `col`: no row's cache serves it.
    fn at_column(&mut self, col: usize, vy: f64) -> Option<PerPathway<f64>> {
        let vx = self.x.values[col];
        self.evaluate(vx, vy, Some(col), None)
    }

    /// The NPVs at (vx, vy), on column `col` and row `row` of the grid where it lies on one.
    /// A stage moved by one axis alone is cached by that axis's index.
    fn evaluate(&mut self, vx: f64, vy: f64, col: Option<usize>, row: Option<usize>) -> Option<PerPathway<f64>> {
        let mut s = self.s.clone();
        self.x.set(&mut s, vx);
        self.y.set(&mut s, vy);
        if !crate::validate::validate(&s).is_empty() {
            return None;
        }
        let k = self.x.multiple(vx) * self.y.multiple(vy);
        let (x, y) = (self.x, self.y);
        let slot = |by_x: bool, by_y: bool| match (by_x, by_y) {
            (true, false) => col,
            (false, true) => row,
            _ => None,
        };
        let fleet_slot = slot(x.moves_fleet, y.moves_fleet);
        let capex_slot = slot(x.moves_capex, y.moves_capex);

        let fleet = if !(x.moves_fleet || y.moves_fleet) {
            None
        } else if let Some(cached) = fleet_slot.and_then(|i| self.fleet_by_value[i].as_ref()) {
            Some(cached.clone())
        } else {
            // The scenario's projection serves unless an axis moves it (the multiple scales it).
            let base = (!x.moves_projection && !y.moves_projection).then_some(&self.base_btc);
            let runs = fleet_at(&s, k, base, &mut self.scratch);
            if let Some(i) = fleet_slot {
                self.fleet_by_value[i] = Some(runs.clone());
            }
            Some(runs)
        };
        let capex = if !(x.moves_capex || y.moves_capex) {
            None
        } else if let Some(cached) = capex_slot.and_then(|i| self.capex_by_value[i].as_ref()) {
            Some(cached.clone())
        } else {
            let c = CapexStage::new(&s);
            if let Some(i) = capex_slot {
                self.capex_by_value[i] = Some(c.clone());
            }
            Some(c)
        };
        let runs = fleet.as_ref().unwrap_or(&self.base_fleet);
        let capex = capex.as_ref().unwrap_or(&self.base_capex);
        let n = npvs_with(&s, runs, capex, Adjust::NONE, &mut self.buf);
        PathwayId::ALL.iter().all(|&id| n[id].is_finite()).then_some(n)
    }
}
