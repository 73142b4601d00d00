//! The operator's own GPU cloud on the converted share. (Issue 5.)

use crate::colocation::AiMonth;
use crate::report::{CapexReport, SiteReport};
use crate::scenario::Scenario;

pub fn simulate(s: &Scenario, _site: &SiteReport, _capex: &CapexReport) -> Vec<AiMonth> {
    vec![AiMonth::default(); s.months() as usize]
}
