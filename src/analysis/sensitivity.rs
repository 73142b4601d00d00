//! The tornado: each key input moved down and up by `finance.sensitivityPct` % of its value
//! (one at a time, the rest held), and the change in the pivot's value — NPV(best AI pathway)
//! − NPV(mining) — sorted by swing `|high − low|`, largest first.
//!
//! A moved value is clamped to the input's valid range (occupancy and utilisation ≤ 100 %,
//! PUE ≥ 1, …) and whole-month inputs are rounded, so a bar may be one-sided; the bar reports
//! the values actually used. Inputs of the other AI pathway (GPU rent when colocation is
//! tested) cannot move the pivot and are left out. "Capex" scales every unit cost of the
//! facility retrofit and of the GPU equipment at once (a multiple, reported as 0.8 / 1.2 at
//! ±20 %); the ASIC refresh is not included.

use crate::engine::{npvs_only, scale_btc_price, Adjust, Buffers, CapexStage, FleetRuns, MiningStage, PerPathway};
use crate::report::{PathwayId, Sensitivity, SensitivityBar};
use crate::scenario::{Phase, Scenario};

/// What a moved input invalidates beyond the cash flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Touches {
    /// Only the cash flows (stage 3).
    Flows,
    /// The BTC price path only: the projection is scaled ([`scale_btc_price`]) and the fleet
    /// re-run.
    BtcPrice,
    /// The fleet runs, over the same bitcoin projection.
    Fleet,
    /// The bitcoin projection and the fleet runs over it.
    Bitcoin,
    /// Sizing and the retrofit bill.
    Capex,
}

/// One input of the tornado.
#[derive(Debug, Clone, Copy)]
pub struct Input {
    /// Scenario field path ("retrofit.costOverrides" for the capex multiple).
    pub field: &'static str,
    pub label: &'static str,
    /// The AI pathway the input belongs to; `None` for inputs of the whole site.
    pub only_for: Option<PathwayId>,
    pub touches: Touches,
    knob: Knob,
}

#[derive(Debug, Clone, Copy)]
enum Knob {
    /// A scenario field, read and written through its registry entry.
    Field,
    CapexFactor,
    /// A field of every phase (`retrofit.phases[].buildMonths`): the first phase's value is
    /// moved, and every other phase's by the same number of months.
    Phases {
        get: fn(&Phase) -> u32,
        set: fn(&mut Phase, u32),
    },
}

const fn field(field: &'static str, label: &'static str, only_for: Option<PathwayId>, touches: Touches) -> Input {
    Input {
        field,
        label,
        only_for,
        touches,
        knob: Knob::Field,
    }
}

/// An input of the whole site that is a field of every phase ([`Knob::Phases`]).
const fn phases(
    field: &'static str,
    label: &'static str,
    touches: Touches,
    get: fn(&Phase) -> u32,
    set: fn(&mut Phase, u32),
) -> Input {
    Input {
        field,
        label,
        only_for: None,
        touches,
        knob: Knob::Phases { get, set },
    }
}

/// Range of the capex multiple (not a scenario field): from nothing to ten times the bill.
pub const CAPEX_FACTOR_RANGE: (f64, f64) = (0.0, 10.0);

const COLO: Option<PathwayId> = Some(PathwayId::Colocation);
const GPU: Option<PathwayId> = Some(PathwayId::GpuCloud);

/// The inputs of the tornado, in the order shown on a tie.
pub const INPUTS: &[Input] = &[
    field("bitcoin.btcPriceUsd", "BTC price (whole path)", None, Touches::BtcPrice),
    field(
        "bitcoin.btcPriceGrowthPctPerYear",
        "BTC price growth",
        None,
        Touches::Bitcoin,
    ),
    field(
        "bitcoin.networkHashrateGrowthPctPerYear",
        "Network hashrate growth",
        None,
        Touches::Bitcoin,
    ),
    field(
        "bitcoin.marginalPowerUsdPerMwh",
        "Marginal miners' power price",
        None,
        Touches::Bitcoin,
    ),
    field(
        "bitcoin.marginalEfficiencyGainPctPerYear",
        "Marginal fleet efficiency gain",
        None,
        Touches::Bitcoin,
    ),
    field("site.powerPriceUsdPerMwh", "Power price", None, Touches::Fleet),
    field("power.shapePct", "Price spikes (hourly spread)", None, Touches::Fleet),
    field(
        "power.transmissionUsdPerKwMonth",
        "Transmission charge",
        None,
        Touches::Fleet,
    ),
    field("colocation.leaseUsdPerKwMonth", "Lease rate", COLO, Touches::Flows),
    field(
        "colocation.escalatorPctPerYear",
        "Lease escalator",
        COLO,
        Touches::Flows,
    ),
    field("colocation.occupancyPct", "Occupancy", COLO, Touches::Flows),
    field(
        "colocation.landlordOpexUsdPerMwItYear",
        "Landlord opex",
        COLO,
        Touches::Flows,
    ),
    field("gpuCloud.rentUsdPerGpuHour", "GPU rent", GPU, Touches::Flows),
    field(
        "gpuCloud.rentDeclinePctPerYear",
        "GPU rent decline",
        GPU,
        Touches::Flows,
    ),
    field("gpuCloud.utilizationPct", "GPU utilisation", GPU, Touches::Flows),
    field(
        "gpuCloud.opexUsdPerGpuYear",
        "GPU opex per GPU-year",
        GPU,
        Touches::Flows,
    ),
    Input {
        field: "retrofit.costOverrides",
        label: "Capex (all unit costs)",
        only_for: None,
        touches: Touches::Flows,
        knob: Knob::CapexFactor,
    },
    phases(
        "retrofit.phases[].buildMonths",
        "Build months",
        Touches::Capex,
        |p| p.build_months,
        |p, v| p.build_months = v,
    ),
    phases(
        "retrofit.phases[].rampMonths",
        "Ramp months",
        Touches::Flows,
        |p| p.ramp_months,
        |p, v| p.ramp_months = v,
    ),
    field("retrofit.pue", "AI PUE", None, Touches::Capex),
    field("finance.discountRatePct", "Discount rate", None, Touches::Flows),
];

impl Input {
    /// Whether the input moves anything under the scenario's network model: the hashrate
    /// growth only at a fixed growth, the marginal fleet's figures only under the economic
    /// model.
    pub fn applies_to(&self, s: &Scenario) -> bool {
        let economic = s.bitcoin.hashrate_model == crate::scenario::HashrateModel::Economic;
        match self.field {
            "bitcoin.networkHashrateGrowthPctPerYear" => !economic,
            "bitcoin.marginalPowerUsdPerMwh" | "bitcoin.marginalEfficiencyGainPctPerYear" => economic,
            // The spread of hourly prices exists only under hourly pricing.
            "power.shapePct" => s.power.pricing == crate::scenario::PowerPricing::Hourly,
            _ => true,
        }
    }

    /// The input's value in a scenario (1 for the capex multiple).
    pub fn value(&self, s: &Scenario) -> f64 {
        match self.knob {
            Knob::Field => crate::fields::get(self.field).and_then(|f| f.number(s)).unwrap_or(0.0),
            Knob::CapexFactor => 1.0,
            Knob::Phases { get, .. } => s.retrofit.phases.first().map_or(0.0, |p| f64::from(get(p))),
        }
    }

    /// Sets the input in a scenario; `false` for the capex multiple, which is not a scenario
    /// field (it scales the bill inside the model).
    pub fn set(&self, s: &mut Scenario, value: f64) -> bool {
        match self.knob {
            Knob::Field => crate::fields::get(self.field).is_some_and(|f| f.set_number(s, value)),
            Knob::CapexFactor => false,
            Knob::Phases { get, set } => {
                let (lo, hi) = self.range();
                let Some(first) = s.retrofit.phases.first() else {
                    return false;
                };
                let delta = value.round() - f64::from(get(first));
                for p in &mut s.retrofit.phases {
                    set(p, (f64::from(get(p)) + delta).clamp(lo, hi) as u32);
                }
                true
            }
        }
    }

    /// The range of the moved value: the field's own, from the registry ([`crate::fields`]),
    /// or [`CAPEX_FACTOR_RANGE`] for the capex multiple.
    pub fn range(&self) -> (f64, f64) {
        match self.knob {
            Knob::Field | Knob::Phases { .. } => {
                crate::fields::get(self.field).map_or((f64::MIN, f64::MAX), crate::fields::Field::range)
            }
            Knob::CapexFactor => CAPEX_FACTOR_RANGE,
        }
    }

    /// The value moved by `pct` % (negative moves down), clamped into the field's range and,
    /// for whole numbers (months), rounded.
    pub fn moved(&self, s: &Scenario, pct: f64) -> f64 {
        let v = self.value(s) * (1.0 + pct / 100.0);
        match self.knob {
            Knob::Field | Knob::Phases { .. } => crate::fields::clamp_to(self.field, v),
            Knob::CapexFactor => v.clamp(CAPEX_FACTOR_RANGE.0, CAPEX_FACTOR_RANGE.1),
        }
    }

    /// NPVs `[mining, colocation, gpuCloud]` with this input at `value`; `scratch` is a copy
    /// of the base scenario, restored before returning.
    pub fn npvs_at(
        &self,
        scratch: &mut Scenario,
        value: f64,
        mining: &MiningStage,
        capex: &CapexStage,
        buf: &mut Buffers,
    ) -> PerPathway<f64> {
        self.npvs_of(scratch, value, mining, capex, buf, PerPathway::from_fn(|_| true))
    }

    /// [`Input::npvs_at`] for the pathways marked in `needed` only (the others are 0).
    pub fn npvs_of(
        &self,
        scratch: &mut Scenario,
        value: f64,
        mining: &MiningStage,
        capex: &CapexStage,
        buf: &mut Buffers,
        needed: PerPathway<bool>,
    ) -> PerPathway<f64> {
        let npvs_with = |s: &Scenario, runs: &FleetRuns, c: &CapexStage, adjust: Adjust, buf: &mut Buffers| {
            npvs_only(s, runs, c, adjust, buf, needed)
        };
        if let Knob::CapexFactor = self.knob {
            return npvs_with(
                scratch,
                &mining.runs,
                capex,
                Adjust {
                    capex_factor: value,
                    ..Adjust::NONE
                },
                buf,
            );
        }
        let base = self.value(scratch);
        // Moving every phase by the same months can clamp one: keep them whole to restore.
        let phases = matches!(self.knob, Knob::Phases { .. }).then(|| scratch.retrofit.phases.clone());
        if let Touches::BtcPrice = self.touches {
            // Projected from the scenario as it stands (its own price path, curve included).
            scale_btc_price(scratch, &mining.btc, value / base, &mut buf.btc);
        }
        self.set(scratch, value);
        let npvs = match self.touches {
            Touches::Flows => npvs_with(scratch, &mining.runs, capex, Adjust::NONE, buf),
            Touches::BtcPrice => {
                let runs = FleetRuns::new(scratch, &buf.btc.months);
                npvs_with(scratch, &runs, capex, Adjust::NONE, buf)
            }
            Touches::Fleet => npvs_with(
                scratch,
                &FleetRuns::new(scratch, &mining.btc.months),
                capex,
                Adjust::NONE,
                buf,
            ),
            Touches::Bitcoin => {
                crate::bitcoin::project_into(scratch, &mut buf.btc);
                let runs = FleetRuns::new(scratch, &buf.btc.months);
                npvs_with(scratch, &runs, capex, Adjust::NONE, buf)
            }
            Touches::Capex => {
                let c = CapexStage::new(scratch);
                npvs_with(scratch, &mining.runs, &c, Adjust::NONE, buf)
            }
        };
        match phases {
            Some(phases) => scratch.retrofit.phases = phases,
            None => {
                self.set(scratch, base);
            }
        }
        npvs
    }
}

/// The tornado for `pathway` (the best AI pathway) against mining, from prepared stages and
/// the base NPVs.
pub fn tornado(
    s: &Scenario,
    mining: &MiningStage,
    capex: &CapexStage,
    pathway: PathwayId,
    base_npvs: PerPathway<f64>,
    buf: &mut Buffers,
) -> Sensitivity {
    let pivot = |n: PerPathway<f64>| n[pathway] - n.mining;
    let base_pivot = pivot(base_npvs);
    // Only the tested pathway and mining are valued; an input of the AI pathway alone leaves
    // mining at its base value.
    let pct = s.finance.sensitivity_pct;
    let mut scratch = s.clone();
    let mut bars: Vec<SensitivityBar> = INPUTS
        .iter()
        .filter(|input| input.only_for.is_none_or(|p| p == pathway) && input.applies_to(s))
        .map(|input| {
            let low_value = input.moved(s, -pct);
            let high_value = input.moved(s, pct);
            let needed =
                PerPathway::from_fn(|id| id == pathway || (id == PathwayId::Mining && input.only_for.is_none()));
            let mut at = |value: f64| {
                let mut n = input.npvs_of(&mut scratch, value, mining, capex, buf, needed);
                if !needed.mining {
                    n.mining = base_npvs.mining;
                }
                pivot(n)
            };
            let low = at(low_value);
            let high = at(high_value);
            SensitivityBar {
                field: input.field.to_string(),
                label: input.label.to_string(),
                low_value,
                high_value,
                low_delta_usd: low - base_pivot,
                high_delta_usd: high - base_pivot,
            }
        })
        .collect();
    // A change smaller than a billionth of the NPVs it is the difference of is rounding (an f64
    // holds ~16 digits and each NPV sums hundreds of flows): shown as 0, never as a bar whose
    // size and order are noise that differs between machines.
    let scale = base_npvs.iter().fold(0.0f64, |m, (_, v)| m.max(v.abs()));
    let noise = scale * 1e-9;
    let mut rounded = false;
    for bar in &mut bars {
        for delta in [&mut bar.low_delta_usd, &mut bar.high_delta_usd] {
            if *delta != 0.0 && delta.abs() < noise {
                *delta = 0.0;
                rounded = true;
            }
        }
    }
    let note = (rounded && noise >= 1.0).then(|| {
        format!(
            "The NPVs reach {}: changes smaller than {} are floating-point rounding at that size and shown as 0.",
            crate::format::money(scale),
            crate::format::money(noise)
        )
    });
    let swing = |b: &SensitivityBar| (b.high_delta_usd - b.low_delta_usd).abs();
    bars.sort_by(|a, b| swing(b).total_cmp(&swing(a)));
    Sensitivity {
        pathway,
        pct,
        base_pivot_value_usd: base_pivot,
        bars,
        note,
    }
}
