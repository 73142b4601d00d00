//! The operator's own GPU cloud on the converted share (mining excluded).
//!
//! GPUs = `SiteReport.gpus` (⌊IT kW ÷ IT kW per GPU⌋, sized by [`crate::capex::size`]); each
//! phase of the conversion ([`Timeline`]) installs its share of them (and of their capex) at its
//! own commissioning and refreshes them on its own cycle; the pathway is the phases' sum. In a
//! phase's operating month `k = m − commissioning`, a GPU generation bought `age` months ago earns
//!
//! ```text
//! revenue = GPUs × 730.5 h × utilisation × rent₀ × (1 − decline)^(age/12) × ramp_k
//! power   = GPUs × IT kW per GPU ÷ 1000 × load × AI PUE × 730.5 h × price_m
//! opex    = GPUs × opex per GPU-year ÷ 12 + opex % × revenue
//! ```
//!
//! - The rent declines continuously from the generation's first month (`rent₀` is earned in
//!   operating month 0 exactly).
//! - The ramp (linear over `rampMonths`, [`Timeline::ramp`]) applies to the first generation's
//!   sold hours only; a refreshed generation is assumed sold out from its first month.
//! - Every GPU is installed at commissioning, so it draws `loadPct` of its IT power and costs
//!   its yearly opex from then on, sold or idle — just as utilisation below 100 % does not
//!   lower the power.
//! - GPU capex (`CapexReport.gpu_cloud.total_usd`: servers, fabric, storage) is spent in the
//!   commissioning month — the month the first flows land, end-of-month like every flow — and
//!   again at every end of the useful life with `refresh` (the rent returns to `rent₀`). The
//!   refreshed generation is `refreshSystem`'s GPUs at `refreshCapexUsdPerGpu` and
//!   `refreshRentUsdPerGpuHour` when set; at 0, the refresh system's all-in price and reference
//!   rent (the presets), or for the same system the first generation's price and `rent₀`;
//!   with `retire`, after `usefulLifeYears` there is no revenue, power or GPU opex. No
//!   residual value is counted at the horizon (see the `gpuRefreshNearHorizonEnd` warning).

use crate::calendar::{grow, HOURS_PER_MONTH};
use crate::colocation::AiMonth;
use crate::presets;
use crate::report::{CapexReport, SiteReport};
use crate::scenario::{GpuEnd, Scenario};
use crate::timeline::{PhaseTime, Timeline};

/// The GPU cloud month by month over the horizon (see the module docs for formulas).
pub fn simulate(s: &Scenario, site: &SiteReport, capex: &CapexReport) -> Vec<AiMonth> {
    let mut months = Vec::new();
    simulate_into(s, site, capex.gpu_cloud.total_usd, &mut months);
    months
}

/// [`simulate`] into a reused buffer (the analysis runs it many times), with the GPU
/// equipment's capex (`CapexReport.gpu_cloud.total_usd`) given as a number: the sum of the
/// phases, each with its share of the GPUs installed at its own commissioning.
pub fn simulate_into(s: &Scenario, site: &SiteReport, gpu_capex_usd: f64, out: &mut Vec<AiMonth>) {
    let n = s.months() as usize;
    out.clear();
    out.resize(n, AiMonth::default());
    let timeline = Timeline::new(s);
    for phase in timeline.phases() {
        phase_into(s, site, gpu_capex_usd, &timeline, phase, out);
    }
}

/// The contract value of a phase's contracted GPUs over the term at 100 % billing: GPUs ×
/// share × 730.5 h × rate × term months.
pub fn contract_value_usd(s: &Scenario, gpus: f64) -> f64 {
    let g = &s.gpu_cloud;
    gpus * g.contract_share_pct / 100.0
        * HOURS_PER_MONTH
        * g.contract_rate_usd_per_gpu_hour
        * f64::from(g.contract_term_months)
}

/// One phase's GPUs (its share of them and of their capex) added into `out`.
fn phase_into(
    s: &Scenario,
    site: &SiteReport,
    gpu_capex_usd: f64,
    timeline: &Timeline,
    phase: &PhaseTime,
    out: &mut [AiMonth],
) {
    let g = &s.gpu_cloud;
    let life_months = g.useful_life_years.max(1).saturating_mul(12);
    let term = g.contract_term_months;
    let first = Generation {
        gpus: site.gpus as f64 * phase.share,
        kw_per_gpu: presets::it_kw_per_gpu(s),
        capex_usd: gpu_capex_usd * phase.share,
        rent0: g.rent_usd_per_gpu_hour,
    };
    // The generations bought at each refresh: the same, or the refresh system's own figures;
    // the scenario's refresh price and rent, when set, replace the price and rent either way.
    let per_gpu = |all_in: f64| crate::capex::library::all_in_per_gpu(all_in, g.fabric);
    let mut next = if g.refresh_system == g.system {
        first
    } else {
        let preset = presets::gpu_system(g.refresh_system);
        // Rounded to 10⁻⁶ first, as the sizing does, so float noise never drops a GPU.
        let fit = site.it_capacity_mw.max(0.0) * 1000.0 / preset.it_kw_per_gpu;
        let total = ((fit * 1e6).round() / 1e6).floor();
        // (The analysis's capex multiple scales every set alike, in the engine.)
        Generation {
            gpus: total * phase.share,
            kw_per_gpu: preset.it_kw_per_gpu,
            capex_usd: total * phase.share * per_gpu(preset.capex_usd_per_gpu),
            rent0: preset.market_rent_usd_per_gpu_hour,
        }
    };
    if g.refresh_capex_usd_per_gpu > 0.0 {
        next.capex_usd = next.gpus * per_gpu(g.refresh_capex_usd_per_gpu);
    }
    if g.refresh_rent_usd_per_gpu_hour > 0.0 {
        next.rent0 = g.refresh_rent_usd_per_gpu_hour;
    }
    let contracted_of = |gen: &Generation| gen.gpus * g.contract_share_pct / 100.0;
    let prepaid = contract_value_usd(s, first.gpus) * g.contract_prepayment_pct / 100.0;
    let credit = if term > 0 { prepaid / f64::from(term) } else { 0.0 };
    let sold_share = g.utilization_pct / 100.0;
    let power_mw_of = |gen: &Generation| gen.gpus * gen.kw_per_gpu / 1000.0 * g.load_pct / 100.0 * s.retrofit.pue;
    let opex_share = g.opex_pct_of_revenue / 100.0;
    // What a generation fetches when it is replaced or retired: its price × (1 − decline)^life.
    let resale_of = |gen: &Generation| {
        if g.resell_at_end_of_life {
            gen.capex_usd * (1.0 - g.residual_decline_pct_per_year / 100.0).powf(f64::from(life_months) / 12.0)
        } else {
            0.0
        }
    };
    let mut gen = first;

    // Monthly steps multiplied up instead of a powf per month (the analysis re-runs this
    // loop dozens of times); the drift over 360 months is ~1e-14 relative.
    let price_step = grow(1.0, s.site.power_price_escalation_pct_per_year, 1.0);
    let rent_step = grow(1.0, -g.rent_decline_pct_per_year, 1.0);
    let mut escalation = 1.0;
    let hourly = crate::power::SitePrices::of(s);
    let mut rent = g.rent_usd_per_gpu_hour;
    // The rate the contracted GPUs are billed at: the contract's, then (re-contracted) the
    // market's at each term's end.
    let mut contract_rate = g.contract_rate_usd_per_gpu_hour;

    for (m, slot) in out.iter_mut().enumerate() {
        if m as u32 == timeline.construction_start {
            // The prepayment, received at signing.
            slot.revenue_usd += prepaid;
        }
        if let Some(k) = phase.operating_month(m as u32) {
            let retired = k >= life_months && g.end_of_life == GpuEnd::Retire;
            if retired {
                if k == life_months {
                    slot.resale_usd += resale_of(&gen);
                }
            } else {
                let age = k % life_months;
                if age == 0 && k > 0 {
                    // A refresh: the old generation sold, the next one bought at its own rent.
                    slot.resale_usd += resale_of(&gen);
                    gen = next;
                }
                if age == 0 {
                    rent = gen.rent0;
                }
                let ramp = if k < life_months { phase.ramp(k) } else { 1.0 };
                if term > 0 && k > 0 && k % term == 0 && g.recontract_at_market {
                    contract_rate = rent;
                }
                let contracted = contracted_of(&gen);
                let market = gen.gpus - contracted;
                let in_contract = term > 0 && (k < term || g.recontract_at_market);
                let contract_revenue = if in_contract {
                    contracted * HOURS_PER_MONTH * contract_rate * ramp
                } else {
                    contracted * HOURS_PER_MONTH * sold_share * rent * ramp
                };
                let market_revenue = market * HOURS_PER_MONTH * sold_share * rent * ramp;
                let revenue_usd = contract_revenue + market_revenue;
                rent *= rent_step;
                slot.revenue_usd += revenue_usd - if k < term { credit } else { 0.0 };
                let mw = power_mw_of(&gen);
                slot.power_cost_usd +=
                    mw * crate::power::ai_cost_per_mw_month(s, hourly.as_ref(), m as u32, escalation);
                slot.energy_mwh += mw * HOURS_PER_MONTH;
                slot.opex_usd += gen.gpus * g.opex_usd_per_gpu_year / 12.0 + opex_share * revenue_usd;
                if age == 0 {
                    slot.capex_usd += gen.capex_usd;
                }
            }
        }
        escalation *= price_step;
    }
}

/// One generation of a phase's GPUs: how many, their all-in kW each, what they cost, and the
/// market rent they start at.
#[derive(Debug, Clone, Copy)]
struct Generation {
    gpus: f64,
    kw_per_gpu: f64,
    capex_usd: f64,
    rent0: f64,
}
