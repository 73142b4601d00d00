//! The report: the engine's cash flows of each pathway with their labels, years, NPV / IRR /
//! payback, the comparison, break-evens, the tornado, the verdict and the warnings. The top of
//! the model: it calls [`crate::engine`] and [`crate::analysis`], and nothing below calls it.

use crate::analysis;
use crate::colocation::{self, AiMonth};
use crate::engine::*;
use crate::finance;
use crate::gpu_cloud;
use crate::mining;
use crate::report::*;
use crate::scenario::Scenario;
use crate::scenario::SCHEMA_VERSION;
use crate::timeline::Timeline;
use crate::validate::{ValidScenario, MAX_HORIZON_YEARS};

fn month_labels(s: &ValidScenario) -> Vec<String> {
    let start = s.start();
    (0..s.months()).map(|m| start.plus(m).label()).collect()
}

fn pathway_report(
    s: &Scenario,
    capex: &CapexStage,
    id: PathwayId,
    flows: &[MonthFlow],
    labels: &[String],
    mining_npv: f64,
) -> PathwayReport {
    let mut cumulative = 0.0;
    let months: Vec<CashFlowMonth> = flows
        .iter()
        .enumerate()
        .map(|(m, f)| {
            let net = f.net_usd();
            cumulative += net;
            CashFlowMonth {
                month: labels.get(m).cloned().unwrap_or_default(),
                index: m as u32,
                revenue_usd: f.revenue_usd(),
                mining_revenue_usd: f.mining_revenue_usd,
                ai_revenue_usd: f.ai_revenue_usd,
                curtailment_credit_usd: f.curtailment_credit_usd,
                power_cost_usd: f.power_cost_usd,
                opex_usd: f.opex_usd,
                capex_usd: f.capex_usd(),
                tax_usd: f.tax_usd,
                net_cash_flow_usd: net,
                cumulative_usd: cumulative,
                mining_active_pct: f.mining_active_fraction * 100.0,
            }
        })
        .collect();
    let years: Vec<CashFlowYear> = months
        .chunks(12)
        .enumerate()
        .map(|(y, chunk)| {
            let sum = |field: fn(&CashFlowMonth) -> f64| chunk.iter().map(field).sum::<f64>();
            CashFlowYear {
                year: y as u32 + 1,
                start_month: chunk.first().map(|m| m.month.clone()).unwrap_or_default(),
                revenue_usd: sum(|m| m.revenue_usd),
                mining_revenue_usd: sum(|m| m.mining_revenue_usd),
                ai_revenue_usd: sum(|m| m.ai_revenue_usd),
                curtailment_credit_usd: sum(|m| m.curtailment_credit_usd),
                power_cost_usd: sum(|m| m.power_cost_usd),
                opex_usd: sum(|m| m.opex_usd),
                capex_usd: sum(|m| m.capex_usd),
                tax_usd: sum(|m| m.tax_usd),
                net_cash_flow_usd: sum(|m| m.net_cash_flow_usd),
                cumulative_usd: chunk.last().map_or(0.0, |m| m.cumulative_usd),
            }
        })
        .collect();

    let net: Vec<f64> = months.iter().map(|m| m.net_cash_flow_usd).collect();
    let npv_usd = finance::npv(s.finance.discount_rate_pct, &net);
    // IRR and payback measure the investment from the month its spending starts (docs/model.md "Time":
    // payback "after investment"). Before that month an AI pathway is the same site mining as
    // the mining pathway, so those months are no part of the return on the retrofit; counting
    // them would hide the IRR behind flows that start positive and let months of mining cash
    // pay the retrofit back before it is built. The payback month is still counted from month 0.
    let invested_from = months.iter().position(|m| m.capex_usd > 0.0);
    let from = invested_from.unwrap_or(0);
    let flows = &net[from..];
    let (irr_pct, irr_note) = match finance::irr_solve(flows) {
        // With no capital spent, a rate that solves flows starting positive is a borrowing
        // cost, not a return: reported as none, with the reason, so nobody reads it as one.
        Ok(_) if invested_from.is_none() && flows.iter().find(|&&f| f != 0.0).is_some_and(|&f| f > 0.0) => (
            None,
            Some(
                "no investment to earn a return on: the cash flows start positive and turn negative"
                    .to_string(),
            ),
        ),
        Ok(sol) if sol.roots > 1 => (
            Some(sol.annual_pct),
            Some(format!(
                "{} rates of return solve these cash flows (their sign changes more than once); the one nearest 0 % is shown",
                sol.roots
            )),
        ),
        Ok(sol) => (Some(sol.annual_pct), None),
        Err(why) => (None, Some(why.reason().to_string())),
    };
    let (payback_months, payback_note) = match finance::payback_solve(flows) {
        Ok(n) => (Some(n + from as u32), None),
        Err(why) => (None, Some(why.reason().to_string())),
    };
    let it_mw = capex.site.it_capacity_mw;
    let build_capex = match id {
        PathwayId::Mining => 0.0,
        PathwayId::Colocation => capex.totals.facility_usd,
        PathwayId::GpuCloud => capex.totals.facility_usd + capex.totals.gpu_cloud_usd,
    };
    PathwayReport {
        id,
        label: id.label().to_string(),
        npv_usd,
        irr_pct,
        irr_note,
        payback_months,
        payback_note,
        total_capex_usd: months.iter().map(|m| m.capex_usd).sum(),
        capex_per_it_mw_usd: (id != PathwayId::Mining && it_mw > 0.0).then(|| build_capex / it_mw),
        pivot_value_usd: if id == PathwayId::Mining {
            0.0
        } else {
            npv_usd - mining_npv
        },
        total_revenue_usd: months.iter().map(|m| m.revenue_usd).sum(),
        total_net_cash_flow_usd: cumulative,
        months,
        years,
    }
}

/// Warnings about the timeline and the pathways themselves.
fn own_warnings(s: &Scenario, capex: &CapexStage) -> Vec<Warning> {
    let mut out = Vec::new();
    let t = Timeline::new(s);
    let horizon = s.months();
    if s.retrofit.converted_share_pct > 0.0 && t.commissioning >= horizon {
        out.push(Warning::new(
            "commissioningAfterHorizon",
            Some("retrofit.buildMonths"),
            format!(
                "Construction starting in month {} takes {} months, so the converted halls are commissioned in month {}, after the {}-month horizon: the AI pathways carry capex and lost mining but earn nothing within it.",
                t.construction_start, t.build_months, t.commissioning, horizon
            ),
        ));
    }
    let g = &s.gpu_cloud;
    if s.retrofit.converted_share_pct > 0.0 && capex.site.gpus > 0 && g.end_of_life == crate::scenario::GpuEnd::Refresh
    {
        let life = g.useful_life_years.max(1) * 12;
        let mut bought = t.commissioning.saturating_add(life);
        while bought < horizon {
            let used = horizon - bought;
            // A generation that serves less than half its life inside the horizon is mostly
            // paid for, little used: the missing residual value is material.
            if used * 2 < life {
                out.push(Warning::new(
                    "gpuRefreshNearHorizonEnd",
                    Some("gpuCloud.usefulLifeYears"),
                    format!(
                        "The GPUs refreshed in month {bought} serve only {used} of their {life} months inside the horizon, and the model counts no residual value at the horizon: the GPU cloud's NPV is understated. Consider a horizon that ends on a refresh cycle or `retire` at end of life."
                    ),
                ));
            }
            bought = bought.saturating_add(life);
        }
    }
    let lease_end = t
        .commissioning
        .saturating_add(s.colocation.lease_term_years.saturating_mul(12));
    let renews = s.colocation.after_term == crate::scenario::LeaseEnd::Renew;
    if s.retrofit.converted_share_pct > 0.0 && t.commissioning < horizon && (renews || lease_end > horizon) {
        out.push(Warning::new(
            "valueAfterHorizon",
            Some("horizonYears"),
            format!(
                "The colocation lease ({} years from month {}{}) and the converted halls outlive the {}-year horizon; the model counts no cash flow or residual value after the horizon, which understates the AI pathways against mining. {}",
                s.colocation.lease_term_years,
                t.commissioning,
                if renews { ", renewable" } else { "" },
                s.horizon_years,
                if s.horizon_years < MAX_HORIZON_YEARS {
                    format!("A longer horizon (up to {MAX_HORIZON_YEARS} years) shows the difference.")
                } else {
                    format!("{MAX_HORIZON_YEARS} years is the longest horizon the model takes.")
                }
            ),
        ));
    }
    if !renews {
        let end = t
            .commissioning
            .saturating_add(s.colocation.lease_term_years.saturating_mul(12));
        if s.retrofit.converted_share_pct > 0.0 && end < horizon {
            out.push(Warning::new(
                "leaseEndsInHorizon",
                Some("colocation.afterTerm"),
                format!(
                    "The lease ends in month {end} and the tenant vacates: the halls earn nothing for the last {} months of the horizon while the landlord opex continues (no re-let is assumed).",
                    horizon - end
                ),
            ));
        }
    }
    out
}

/// The full report of a valid scenario.
pub fn evaluate(valid: &ValidScenario) -> Report {
    let s: &Scenario = valid;
    let mining = MiningStage::new(s);
    let site = crate::capex::size(s);
    let bill = crate::capex::retrofit(s, &site);
    let capex = CapexStage::from_report(site, &bill);
    let labels = month_labels(valid);

    let colo = colocation::simulate(s, &capex.site);
    let gpu = gpu_cloud::simulate(s, &capex.site, &bill);
    let mut flows = Vec::new();
    let mut mining_npv = 0.0;
    let reports = PerPathway::from_fn(|id| {
        let ai: &[AiMonth] = match id {
            PathwayId::Mining => &[],
            PathwayId::Colocation => &colo,
            PathwayId::GpuCloud => &gpu,
        };
        pathway_flows(s, &mining.runs, &capex, id, ai, Adjust::NONE, &mut flows);
        let report = pathway_report(s, &capex, id, &flows, &labels, mining_npv);
        if id == PathwayId::Mining {
            mining_npv = report.npv_usd;
        }
        report
    });
    let npvs = PerPathway::from_fn(|id| reports[id].npv_usd);
    let (best_pathway, best_ai_pathway) = best_pathways(npvs);

    let mut buffers = Buffers::default();
    let break_evens = analysis::breakeven::solve(s, &mining, &capex, best_ai_pathway, &mut buffers);
    let sensitivity = analysis::sensitivity::tornado(s, &mining, &capex, best_ai_pathway, npvs, &mut buffers);
    let best_ai = &reports[best_ai_pathway];
    let verdict = analysis::verdict::verdict(&analysis::verdict::VerdictInputs {
        scenario: s,
        npvs,
        best_ai: best_ai_pathway,
        payback_months: best_ai.payback_months,
        payback_note: best_ai.payback_note.as_deref(),
        break_evens: &break_evens,
    });

    let mut warnings = mining::warnings(s, &mining.runs.whole, &mining.btc.months);
    warnings.extend(crate::capex::warnings(s, &capex.site));
    warnings.extend(own_warnings(s, &capex));

    Report {
        schema_version: SCHEMA_VERSION,
        scenario_name: s.name.clone(),
        start_month: s.start_month.clone(),
        horizon_months: s.months(),
        site: capex.site,
        capex: bill,
        bitcoin: mining.btc,
        pathways: vec![reports.mining, reports.colocation, reports.gpu_cloud],
        comparison: Comparison {
            best_pathway,
            best_ai_pathway,
            verdict,
            break_evens,
        },
        sensitivity,
        warnings,
    }
}
