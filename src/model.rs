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

/// Power cost less power sold back and demand response, per MWh drawn over the horizon.
fn effective_power(months: &[CashFlowMonth]) -> Option<f64> {
    let energy: f64 = months.iter().map(|m| m.energy_mwh).sum();
    let net: f64 = months
        .iter()
        .map(|m| m.power_cost_usd - m.sell_back_usd - m.demand_response_usd)
        .sum();
    (energy > 0.0).then(|| net / energy)
}

fn pathway_report(
    s: &Scenario,
    capex: &CapexStage,
    id: PathwayId,
    flows: &[MonthFlow],
    labels: &[String],
    mining_value: f64,
    fleet_value_usd: f64,
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
                sell_back_usd: f.sell_back_usd,
                demand_response_usd: f.demand_response_usd,
                power_cost_usd: f.power_cost_usd,
                energy_mwh: f.energy_mwh,
                mining_hours_run: f.mining_hours_run,
                avoided_charges_usd: f.avoided_charges_usd,
                opex_usd: f.opex_usd,
                // Net of the GPUs sold when replaced or retired (their residual value).
                capex_usd: f.capex_usd() - f.resale_usd,
                asset_sales_usd: f.resale_usd,
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
                sell_back_usd: sum(|m| m.sell_back_usd),
                demand_response_usd: sum(|m| m.demand_response_usd),
                power_cost_usd: sum(|m| m.power_cost_usd),
                energy_mwh: sum(|m| m.energy_mwh),
                mining_hours_run: sum(|m| m.mining_hours_run),
                avoided_charges_usd: sum(|m| m.avoided_charges_usd),
                opex_usd: sum(|m| m.opex_usd),
                capex_usd: sum(|m| m.capex_usd),
                asset_sales_usd: sum(|m| m.asset_sales_usd),
                tax_usd: sum(|m| m.tax_usd),
                net_cash_flow_usd: sum(|m| m.net_cash_flow_usd),
                cumulative_usd: chunk.last().map_or(0.0, |m| m.cumulative_usd),
            }
        })
        .collect();

    let net: Vec<f64> = months.iter().map(|m| m.net_cash_flow_usd).collect();
    let rate = rate_pct(s, id);
    let npv_usd = finance::npv(rate, &net);
    // IRR and payback measure the investment from the month its spending starts (docs/model.md "Time":
    // payback "after investment"). Before that month an AI pathway is the same site mining as
    // the mining pathway, so those months are no part of the return on the retrofit; counting
    // them would hide the IRR behind flows that start positive and let months of mining cash
    // pay the retrofit back before it is built. The payback month is still counted from month 0.
    // The spending, not the capex net of what is sold that month (a construction start that
    // also sells the converted share's ASICs is still the start of the investment).
    let invested_from = months.iter().position(|m| m.capex_usd + m.asset_sales_usd > 0.0);
    let from = invested_from.unwrap_or(0);
    let (irr_pct, irr_note) = irr_from(&net[from..], invested_from.is_some(), rate);
    // Financed and reinvested at the pathway's discount rate, from the first capex month.
    let mirr_pct = finance::mirr(&net[from..], rate, rate);
    let (payback_months, payback_note) = match finance::payback_solve(&net[from..]) {
        Ok(n) => (Some(n + from as u32), None),
        Err(why) => (None, Some(why.reason().to_string())),
    };

    let timeline = Timeline::new(s);
    let building_share = capex.totals.building_share;
    // After the tax on the sale it stands for (nothing without tax).
    let gross_terminal_value = terminal_value(s, id, &capex.site, flows, fleet_value_usd);
    let terminal_value_usd = after_horizon_tax(s, flows, &timeline, building_share, gross_terminal_value);
    let npv_with_terminal_value_usd = npv_usd + discount_to_start(rate, net.len(), terminal_value_usd);
    let with_terminal = |flows: &[f64]| {
        let mut flows = flows.to_vec();
        if let Some(last) = flows.last_mut() {
            *last += terminal_value_usd;
        }
        flows
    };
    let irr_with_terminal_value_pct = if terminal_value_usd == 0.0 {
        irr_pct
    } else {
        irr_from(&with_terminal(&net)[from..], invested_from.is_some(), rate).0
    };
    let levered = levered(s, id, flows, &timeline, building_share);
    let financing = levered.as_ref().map(|l| {
        let equity_rate = s.finance.cost_of_equity_pct;
        let equity_npv_usd = finance::npv(equity_rate, &l.equity);
        let (equity_irr_pct, equity_irr_note) = irr_from(&l.equity[from..], invested_from.is_some(), equity_rate);
        debt_report(
            l,
            labels,
            Financing {
                sized_by_dscr: id_debt_ltc(s, id).is_some_and(|ltc| l.loan_to_cost < ltc - 1e-12),
                equity_npv_usd,
                equity_npv_with_terminal_value_usd: equity_npv_usd
                    + discount_to_start(equity_rate, net.len(), terminal_value_usd),
                equity_irr_pct,
                equity_irr_note,
                equity_mirr_pct: finance::mirr(&l.equity[from..], equity_rate, equity_rate),
                ..Financing::default()
            },
        )
    });
    let value_usd = basis_value(
        s,
        id,
        flows,
        &net,
        &capex.site,
        &timeline,
        building_share,
        fleet_value_usd,
    );

    let it_mw = capex.site.it_capacity_mw;
    let build_capex = match id {
        PathwayId::Mining => 0.0,
        PathwayId::Colocation => capex.totals.landlord_usd,
        PathwayId::GpuCloud => capex.totals.facility_usd + capex.totals.gpu_cloud_usd,
    };
    PathwayReport {
        id,
        label: id.label().to_string(),
        npv_usd,
        irr_pct,
        irr_note,
        mirr_pct,
        payback_months,
        payback_note,
        total_capex_usd: months.iter().map(|m| m.capex_usd).sum(),
        effective_power_usd_per_mwh: effective_power(&months),
        capex_per_it_mw_usd: (id != PathwayId::Mining && it_mw > 0.0).then(|| build_capex / it_mw),
        pivot_value_usd: if id == PathwayId::Mining {
            0.0
        } else {
            value_usd - mining_value
        },
        total_revenue_usd: months.iter().map(|m| m.revenue_usd).sum(),
        total_net_cash_flow_usd: cumulative,
        months,
        years,
        discount_rate_pct: rate,
        terminal_value_usd,
        npv_with_terminal_value_usd,
        irr_with_terminal_value_pct,
        value_usd,
        financing,
    }
}

/// The loan-to-cost a pathway's debt asks for, 0–1.
fn id_debt_ltc(s: &Scenario, id: PathwayId) -> Option<f64> {
    debt_of(s, id).map(|d| d.loan_to_cost_pct / 100.0)
}

/// The IRR of flows from the first capex month (`invested`: there is one), or why there is none.
/// `mirr_rate`: the finance and reinvestment rate of the MIRR shown in its place, % a year.
fn irr_from(flows: &[f64], invested: bool, mirr_rate: f64) -> (Option<f64>, Option<String>) {
    match finance::irr_solve(flows) {
        // With no capital spent, a rate that solves flows starting positive is a borrowing
        // cost, not a return: reported as none, with the reason, so nobody reads it as one.
        Ok(_) if !invested && flows.iter().find(|&&f| f != 0.0).is_some_and(|&f| f > 0.0) => (
            None,
            Some(
                "no investment to earn a return on: the cash flows start positive and turn negative"
                    .to_string(),
            ),
        ),
        // Several rates solve flows whose sign changes more than once (a GPU refresh, a
        // balloon): none of them is the return, so none is reported as one; the MIRR is.
        Ok(sol) if sol.roots > 1 => (
            None,
            Some(format!(
                "no single IRR: {} rates solve these cash flows (their sign changes more than once); the MIRR stands in, at {} % a year for financing and reinvestment",
                sol.roots,
                crate::format::number(mirr_rate)
            )),
        ),
        Ok(sol) => (Some(sol.annual_pct), None),
        Err(why) => (None, Some(why.reason().to_string())),
    }
}

/// The loan's months and years, its totals and DSCRs, into `base` (which carries the equity figures).
fn debt_report(l: &Levered, labels: &[String], base: Financing) -> Financing {
    let months: Vec<DebtMonthReport> = l
        .debt
        .iter()
        .enumerate()
        .map(|(m, d)| DebtMonthReport {
            month: labels.get(m).cloned().unwrap_or_default(),
            index: m as u32,
            draw_usd: d.draw_usd,
            fee_usd: d.fee_usd,
            interest_usd: d.interest_usd,
            capitalised_interest_usd: d.capitalised_interest_usd,
            principal_usd: d.principal_usd,
            debt_service_usd: d.debt_service_usd,
            balance_usd: d.balance_usd,
            cfads_usd: l.cfads.get(m).copied().unwrap_or(0.0),
            dscr: d.dscr,
            equity_cash_flow_usd: l.equity.get(m).copied().unwrap_or(0.0),
        })
        .collect();
    let years = months
        .chunks(12)
        .enumerate()
        .map(|(y, chunk)| {
            let sum = |field: fn(&DebtMonthReport) -> f64| chunk.iter().map(field).sum::<f64>();
            let serviced = sum(|m| m.debt_service_usd - m.fee_usd);
            let cfads = sum(|m| m.cfads_usd);
            let in_repayment: f64 = chunk.iter().filter(|m| m.dscr.is_some()).map(|m| m.cfads_usd).sum();
            DebtYearReport {
                year: y as u32 + 1,
                start_month: chunk.first().map(|m| m.month.clone()).unwrap_or_default(),
                draw_usd: sum(|m| m.draw_usd),
                fee_usd: sum(|m| m.fee_usd),
                interest_usd: sum(|m| m.interest_usd),
                capitalised_interest_usd: sum(|m| m.capitalised_interest_usd),
                principal_usd: sum(|m| m.principal_usd),
                debt_service_usd: sum(|m| m.debt_service_usd),
                balance_usd: chunk.last().map_or(0.0, |m| m.balance_usd),
                cfads_usd: cfads,
                dscr: (serviced > 0.0 && chunk.iter().any(|m| m.dscr.is_some())).then(|| in_repayment / serviced),
                equity_cash_flow_usd: sum(|m| m.equity_cash_flow_usd),
            }
        })
        .collect();
    let lowest = months
        .iter()
        .filter_map(|m| m.dscr.map(|d| (d, &m.month)))
        .reduce(|a, b| if b.0 < a.0 { b } else { a });
    let dscr = crate::debt::dscr_summary(&l.debt);
    Financing {
        financed_capex_usd: l.financed_capex_usd,
        loan_to_cost_pct: l.loan_to_cost * 100.0,
        loan_usd: months.iter().map(|m| m.draw_usd).sum(),
        fees_usd: months.iter().map(|m| m.fee_usd).sum(),
        interest_usd: months.iter().map(|m| m.interest_usd).sum(),
        balance_at_horizon_usd: months.last().map_or(0.0, |m| m.balance_usd),
        min_dscr: dscr.map(|d| d.0),
        avg_dscr: dscr.map(|d| d.1),
        min_dscr_month: lowest.map(|l| l.1.clone()),
        months,
        years,
        ..base
    }
}

/// Warnings about the loans: a DSCR below the covenant, a balance left at the horizon.
fn debt_warnings(s: &Scenario, reports: &PerPathway<PathwayReport>) -> Vec<Warning> {
    let mut out = Vec::new();
    for (id, report) in reports.iter() {
        let Some(f) = &report.financing else { continue };
        let section = if id == PathwayId::Colocation {
            "colocation"
        } else {
            "gpuCloud"
        };
        let name = if id == PathwayId::Colocation {
            "colocation"
        } else {
            "GPU cloud"
        };
        if let (Some(min), Some(month)) = (f.min_dscr, &f.min_dscr_month) {
            if min < s.finance.covenant_dscr {
                out.push(Warning::new(
                    "dscrBelowCovenant",
                    Some(&format!("{section}.debt.loanToCostPct")),
                    format!(
                        "The {name} loan's debt service coverage falls to {:.2}× in {month}, below the {:.2}× covenant: a lender would trap cash or call a default. Lower the loan-to-cost, lengthen the tenor or sculpt the repayment.",
                        min, s.finance.covenant_dscr
                    ),
                ));
            }
        }
        if f.balance_at_horizon_usd > 0.5 {
            out.push(Warning::new(
                "loanNotRepaid",
                Some(&format!("{section}.debt.tenorYears")),
                format!(
                    "{} of the {name} loan is still owed at the end of the horizon; the equity's cash flows repay it in the last month.",
                    crate::format::money(f.balance_at_horizon_usd)
                ),
            ));
        }
    }
    out
}

/// How far above the GPU system's reference rent (presets) a contract rate or market rent may
/// go before the report warns: 10 %, about the spread of the 2025–26 contract indices.
const RENT_ABOVE_SYSTEM_TOLERANCE: f64 = 0.10;

/// Warnings about the timeline and the pathways themselves.
fn own_warnings(s: &Scenario, capex: &CapexStage) -> Vec<Warning> {
    let mut out = Vec::new();
    // A curve wholly before month 0 covers no month: it was entered for nothing.
    let start = crate::calendar::YearMonth::parse(&s.start_month);
    let b = &s.bitcoin;
    for (path, points) in b.curves() {
        let name = crate::fields::get(path).map_or(path, |f| f.label);
        let last = points.last().and_then(|p| crate::calendar::YearMonth::parse(&p.month));
        if let (Some(last), Some(start)) = (last, start) {
            if last.index() < start.index() {
                out.push(Warning::new(
                    "curveBeforeStart",
                    Some(path),
                    format!(
                        "{name} ends in {}, before the projection starts ({}): it covers no month and is not used.",
                        last.label(),
                        start.label()
                    ),
                ));
            }
        }
    }
    let t = Timeline::new(s);
    let horizon = s.months();
    if s.retrofit.converted_share_pct > 0.0 {
        for (i, p) in t
            .phases()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.commissioning >= horizon)
        {
            let which = if t.phases().len() > 1 {
                format!(
                    "phase {} ({} % of the conversion)",
                    i + 1,
                    crate::format::number(p.share * 100.0)
                )
            } else {
                "the converted halls".to_string()
            };
            out.push(Warning::new(
                "commissioningAfterHorizon",
                Some(&format!("retrofit.phases[{i}].buildMonths")),
                format!(
                    "Construction starting in month {} takes {} months, so {which} are commissioned in month {}, after the {}-month horizon: they carry capex and lost mining but earn nothing within it.",
                    p.construction_start, p.build_months, p.commissioning, horizon
                ),
            ));
        }
    }
    let g = &s.gpu_cloud;
    let counted = s.finance.include_terminal_value;
    if s.retrofit.converted_share_pct > 0.0
        && capex.site.gpus > 0
        && g.end_of_life == crate::scenario::GpuEnd::Refresh
        && !counted
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
                        "The GPUs refreshed in month {bought} serve only {used} of their {life} months inside the horizon, and their resale value at the horizon is not counted in the verdict: the GPU cloud's NPV is understated. Count the value at the horizon (finance.includeTerminalValue; the report shows it as terminalValueUsd), or choose a horizon that ends on a refresh cycle."
                    ),
                ));
            }
            bought = bought.saturating_add(life);
        }
    }
    // A rent above what the chosen system clears at: the default rates are GB300's, and a
    // user who picks an older or cheaper system keeps them unless told. Each rate is checked
    // only where it earns something: the contract's while GPUs are contracted, the market
    // rent where hours are sold at it or a term is re-contracted at it, the refresh rent
    // (its own) against the refresh system's.
    if s.retrofit.converted_share_pct > 0.0 && capex.site.gpus > 0 {
        use crate::presets::gpu_system;
        let life = g.useful_life_years.max(1).saturating_mul(12);
        let contracted = g.contract_share_pct > 0.0 && g.contract_term_months > 0;
        let all_contracted_for_life = g.contract_share_pct >= 100.0
            && g.contract_term_months >= life
            && g.end_of_life == crate::scenario::GpuEnd::Retire;
        let market_earns =
            (contracted && g.recontract_at_market) || (g.utilization_pct > 0.0 && !all_contracted_for_life);
        let refreshes = g.end_of_life == crate::scenario::GpuEnd::Refresh;
        for (field, what, rate, system, applies) in [
            (
                "gpuCloud.contractRateUsdPerGpuHour",
                "contract rate",
                g.contract_rate_usd_per_gpu_hour,
                g.system,
                contracted,
            ),
            (
                "gpuCloud.rentUsdPerGpuHour",
                "market rent",
                g.rent_usd_per_gpu_hour,
                g.system,
                market_earns,
            ),
            (
                "gpuCloud.refreshRentUsdPerGpuHour",
                "refresh rent",
                g.refresh_rent_usd_per_gpu_hour,
                g.refresh_system,
                refreshes && g.refresh_rent_usd_per_gpu_hour > 0.0,
            ),
        ] {
            let preset = gpu_system(system);
            let reference = preset.market_rent_usd_per_gpu_hour;
            if applies && rate > reference * (1.0 + RENT_ABOVE_SYSTEM_TOLERANCE) {
                let defaults = if system == crate::scenario::GpuSystem::Gb300 {
                    ""
                } else {
                    " The default rates are the GB300's (IREN–Microsoft); enter what this system clears at."
                };
                out.push(Warning::new(
                    "gpuRentAboveSystem",
                    Some(field),
                    format!(
                        "The {what}, ${rate:.2} per GPU-hour, is {:.0} % above the {}'s reference rent of ${reference:.2} ({}): the GPU cloud's revenue is likely overstated.{defaults}",
                        (rate / reference - 1.0) * 100.0,
                        preset.label,
                        preset.rent_source
                    ),
                ));
            }
        }
    }
    let lease_end = t
        .commissioning
        .saturating_add(s.colocation.lease_term_years.saturating_mul(12));
    let renews = s.colocation.after_term == crate::scenario::LeaseEnd::Renew;
    if s.retrofit.converted_share_pct > 0.0 && t.commissioning < horizon && (renews || lease_end > horizon) && !counted
    {
        out.push(Warning::new(
            "valueAfterHorizon",
            Some("horizonYears"),
            format!(
                "The colocation lease ({} years from month {}{}) and the converted halls outlive the {}-year horizon; the verdict counts no cash flow or value after the horizon, which understates the AI pathways against mining. The exit value is reported (terminalValueUsd) and counted with finance.includeTerminalValue; {}",
                s.colocation.lease_term_years,
                t.commissioning,
                if renews { ", renewable" } else { "" },
                s.horizon_years,
                if s.horizon_years < MAX_HORIZON_YEARS {
                    format!("a longer horizon (up to {MAX_HORIZON_YEARS} years) shows the difference too.")
                } else {
                    format!("{MAX_HORIZON_YEARS} years is the longest horizon the model takes.")
                }
            ),
        ));
    }
    let designed = crate::power::designed_uptime_pct(s.retrofit.redundancy);
    if s.retrofit.converted_share_pct > 0.0 && s.power.tenant_uptime_pct > designed {
        out.push(Warning::new(
            "uptimeShort",
            Some("power.tenantUptimePct"),
            format!(
                "The tenant requires {} % uptime, but {} redundancy is built to {} % (Uptime Institute tiers: N+1 is Tier III's 99.982 %, 2N Tier IV's 99.995 %): choose a higher redundancy, whose capex the bill then carries, or expect a lower rent.",
                crate::format::number(s.power.tenant_uptime_pct),
                match s.retrofit.redundancy {
                    crate::scenario::Redundancy::N => "N",
                    crate::scenario::Redundancy::NPlus1 => "N+1",
                    crate::scenario::Redundancy::TwoN => "2N",
                },
                crate::format::number(designed)
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
                    "The lease ends in month {end} and the tenant vacates: the halls earn nothing for the last {} months of the horizon while the landlord opex continues (choose re-let to let them again).",
                    horizon - end
                ),
            ));
        }
    }
    out
}

/// What [`evaluate`] and [`summary`] share: the stages, the capex bill and the three pathways'
/// reports with the best pathways among them.
struct Pathways {
    mining: MiningStage,
    capex: CapexStage,
    bill: crate::report::CapexReport,
    reports: PerPathway<PathwayReport>,
    npvs: PerPathway<f64>,
    best_pathway: PathwayId,
    best_ai_pathway: PathwayId,
}

fn pathways(valid: &ValidScenario) -> Pathways {
    let s: &Scenario = valid;
    let mut mining = MiningStage::new(s);
    if !s.bitcoin.hashprice_curve.is_empty() {
        // The model's own path beside the curve entered, for the chart.
        let mut without = s.clone();
        without.bitcoin.hashprice_curve.clear();
        mining.btc.model_hashprice_usd_per_ph_day = crate::bitcoin::project(&without)
            .months
            .iter()
            .map(|m| m.hashprice_usd_per_ph_day)
            .collect();
    }
    let site = crate::capex::size(s);
    let bill = crate::capex::retrofit(s, &site);
    let capex = CapexStage::from_report(site, &bill);
    let labels = month_labels(valid);

    let colo = colocation::simulate(s, &capex.site);
    let gpu = gpu_cloud::simulate(s, &capex.site, &bill);
    let mut flows = Vec::new();
    let mut mining_value = 0.0;
    let reports = PerPathway::from_fn(|id| {
        let ai: &[AiMonth] = match id {
            PathwayId::Mining => &[],
            PathwayId::Colocation => &colo,
            PathwayId::GpuCloud => &gpu,
        };
        pathway_flows(s, &mining.runs, &capex, id, ai, Adjust::NONE, &mut flows);
        let fleet_value = mining.runs.of(id).fleet_value_at_end_usd;
        let report = pathway_report(s, &capex, id, &flows, &labels, mining_value, fleet_value);
        if id == PathwayId::Mining {
            mining_value = report.value_usd;
        }
        report
    });
    let npvs = PerPathway::from_fn(|id| reports[id].value_usd);
    let (best_pathway, best_ai_pathway) = best_pathways(npvs);
    Pathways {
        mining,
        capex,
        bill,
        reports,
        npvs,
        best_pathway,
        best_ai_pathway,
    }
}

/// The three pathways' headline figures without the analyses (no break-evens, no tornado):
/// what `minepivot batch` writes a line of, equal to the same fields of [`evaluate`]'s report.
pub fn summary(valid: &ValidScenario) -> Summary {
    let p = pathways(valid);
    let line = |r: &PathwayReport| PathwaySummary {
        id: r.id,
        npv_usd: r.npv_usd,
        value_usd: r.value_usd,
        irr_pct: r.irr_pct,
        mirr_pct: r.mirr_pct,
        payback_months: r.payback_months,
        pivot_value_usd: r.pivot_value_usd,
        total_capex_usd: r.total_capex_usd,
        equity_npv_usd: r.financing.as_ref().map(|f| f.equity_npv_usd),
        equity_irr_pct: r.financing.as_ref().and_then(|f| f.equity_irr_pct),
    };
    Summary {
        scenario_name: valid.name.clone(),
        best_pathway: p.best_pathway,
        best_ai_pathway: p.best_ai_pathway,
        basis: valid.finance.verdict_basis,
        pathways: PathwayId::ALL.iter().map(|&id| line(&p.reports[id])).collect(),
    }
}

/// The full report of a valid scenario.
pub fn evaluate(valid: &ValidScenario) -> Report {
    let s: &Scenario = valid;
    let Pathways {
        mining,
        capex,
        bill,
        reports,
        npvs,
        best_pathway,
        best_ai_pathway,
    } = pathways(valid);

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
    warnings.extend(debt_warnings(s, &reports));

    let power = power_report(s, &mining.btc.months);
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
            basis: s.finance.verdict_basis,
            terminal_value_included: s.finance.include_terminal_value,
            basis_label: analysis::verdict::basis(s),
        },
        sensitivity,
        power,
        warnings,
        market_data: crate::fields::market_data(s),
    }
}

/// The first year's prices and each line's break-even on them (see [`PowerReport`]).
fn power_report(s: &Scenario, btc: &[BitcoinMonth]) -> PowerReport {
    use crate::calendar::{DAYS_PER_MONTH, HOURS_PER_MONTH};
    let hourly = crate::power::SitePrices::of(s);
    let year = s.months().min(12);
    let months: Vec<Option<crate::power::PricedMonth>> = (0..year)
        .map(|index| {
            hourly.as_ref().map(|h| {
                let e = h.escalation(index);
                h.marginal(index, e, s.power.ppa_price_usd_per_mwh * e)
            })
        })
        .collect();
    let flat_price = |index: u32| mining::power_price_usd_per_mwh(s, index);
    // The duration curve from every 24th hour of each month, dearest first, each standing for
    // the hours down to the next (a month of 730 flat hours under flat pricing): the year's
    // hours thinned to ~365 points without ordering all 8,760 of them.
    const EVERY: usize = 24;
    let mut samples: Vec<(f64, usize)> = Vec::with_capacity(400);
    let mut total = 0usize;
    let mut monthly_means = 0.0;
    let mut highest = f64::NEG_INFINITY;
    for (index, priced) in (0u32..).zip(&months) {
        match priced {
            Some(priced) => {
                let n = priced.hours();
                let price_at = |rank: usize| priced.map.price_of(priced.prices.nth_cheapest(rank));
                let mut top = n;
                while top > 0 {
                    let weight = top.min(EVERY);
                    samples.push((price_at(top - 1), weight));
                    top -= weight;
                }
                if n > 0 {
                    highest = highest.max(price_at(n - 1));
                }
                total += n;
                monthly_means += priced.mean();
            }
            None => {
                let price = flat_price(index);
                samples.push((price, 730));
                highest = highest.max(price);
                total += 730;
                monthly_means += price;
            }
        }
    }
    samples.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let total = total.max(1);
    let mut curve = Vec::with_capacity(samples.len() + 1);
    let mut above = 0usize;
    for &(price, weight) in &samples {
        curve.push(DurationPoint {
            hours_pct: above as f64 / total as f64 * 100.0,
            usd_per_mwh: price,
        });
        above += weight;
    }
    // The cheapest hour of the year closes the curve.
    let cheapest = months
        .iter()
        .zip(0u32..)
        .map(|(priced, index)| match priced {
            Some(p) if p.hours() > 0 => p.map.price_of(p.prices.nth_cheapest(0)),
            Some(_) => f64::INFINITY,
            None => flat_price(index),
        })
        .fold(f64::INFINITY, f64::min);
    if cheapest.is_finite() {
        curve.push(DurationPoint {
            hours_pct: 100.0,
            usd_per_mwh: cheapest,
        });
    }
    let m = &s.mining;
    let hashprice = btc.first().map_or(0.0, |b| b.hashprice_usd_per_ph_day);
    let demand_response =
        s.power.demand_response_enrolled_pct / 100.0 * s.power.demand_response_usd_per_mw_month / HOURS_PER_MONTH;
    let lines = m
        .fleet
        .iter()
        .map(|l| {
            // Per TH/s a month: hashprice ÷ 1,000 × 30.4375 × (1 − pool fee) earned, for
            // J/TH ÷ 10⁶ × PUE × 730.5 MWh drawn (uptime scales both).
            let energy = l.efficiency_j_per_th / 1e6 * m.pue * HOURS_PER_MONTH;
            let revenue = hashprice / 1000.0 * DAYS_PER_MONTH * (1.0 - m.pool_fee_pct / 100.0);
            let break_even = if energy > 0.0 {
                revenue / energy + demand_response
            } else {
                0.0
            };
            // The first year's hours below it, month by month (one look-up each).
            let below: usize = months
                .iter()
                .zip(0u32..)
                .map(|(priced, index)| match priced {
                    Some(p) => p.below(break_even).0,
                    None if flat_price(index) < break_even => 730,
                    None => 0,
                })
                .sum();
            LineBreakEven {
                model: l.model.clone(),
                efficiency_j_per_th: l.efficiency_j_per_th,
                break_even_usd_per_mwh: break_even,
                hours_run_pct: below as f64 / total as f64 * 100.0,
            }
        })
        .collect();
    let average = monthly_means / f64::from(year.max(1));
    PowerReport {
        pricing: match s.power.pricing {
            crate::scenario::PowerPricing::Flat => "flat".to_string(),
            crate::scenario::PowerPricing::Hourly => "hourly".to_string(),
        },
        profile_label: profile_label(s),
        average_usd_per_mwh: average,
        highest_usd_per_mwh: if highest.is_finite() { highest } else { 0.0 },
        duration_curve: curve,
        lines,
    }
}

/// The profile in words.
fn profile_label(s: &Scenario) -> String {
    use crate::scenario::{PowerPricing, PriceProfile, ProfileScaling};
    if s.power.pricing == PowerPricing::Flat {
        return "One flat price for every hour".to_string();
    }
    let source = match s.power.profile {
        PriceProfile::Ercot2024 => "ERCOT 2024, day-ahead hub average".to_string(),
        PriceProfile::Ercot2023 => "ERCOT 2023, day-ahead hub average".to_string(),
        PriceProfile::Ercot2021 => "ERCOT 2021 (Winter Storm Uri), day-ahead hub average".to_string(),
        PriceProfile::Imported if s.power.imported_profile_name.is_empty() => "Imported year".to_string(),
        PriceProfile::Imported => format!("Imported: {}", s.power.imported_profile_name),
    };
    match s.power.scaling {
        ProfileScaling::ToPriceLevel => format!("{source}, scaled to the site's price"),
        ProfileScaling::AsIs => format!("{source}, as in the file"),
    }
}
