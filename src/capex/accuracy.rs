//! The accuracy band of the capex estimate (docs/methodology-capex.md "Accuracy").
//!
//! AACE International's Recommended Practice 18R-97 classes a cost estimate by how much of
//! the project is defined when it is made. minepivot prices a concept of the site (its MW,
//! PUE, rack density, cooling and redundancy) with a library of unit costs per kW and per
//! GPU: a parametric, study-stage estimate at roughly 1–15 % of the project defined, which is
//! Class 4. Class 4's actual cost falls, at about 80 % confidence, between −15 % and −30 % on
//! the low side and +20 % and +50 % on the high side of the estimate, the width set by the
//! project's novelty and the data behind it. The band shown sits inside those ranges: −20 %,
//! because the library is calibrated against disclosed conversions of real mining sites,
//! and +30 %, not the narrowest +20 %, because liquid-cooled AI halls in former mining
//! buildings are new enough that overruns run longer than underruns.

use crate::report::{CapexAccuracy, CapexRange, PathwayId};

/// The class of the estimate.
pub const ESTIMATE_CLASS: &str = "AACE Class 4";
/// What the class means.
pub const CLASS_LABEL: &str = "study or feasibility estimate, 1–15 % of the project defined";
/// The low end of the band, % of the estimate.
pub const LOW_PCT: f64 = -20.0;
/// The high end of the band, % of the estimate.
pub const HIGH_PCT: f64 = 30.0;
/// Where the class and its ranges are defined.
pub const SOURCE: &str = "AACE International Recommended Practice 18R-97, Cost Estimate Classification System: \
     Class 4 (study or feasibility, 1–15 % of the project defined) runs from −15 % to −30 % low and from +20 % to +50 % \
     high; minepivot shows −20 % to +30 %";
/// The public sample of the practice, with its classification table.
pub const URL: &str = "https://web.aacei.org/docs/default-source/toc/toc_18r-97.pdf";

/// `total × (1 + pct ÷ 100)`.
fn at(total_usd: f64, pct: f64) -> f64 {
    total_usd * (1.0 + pct / 100.0)
}

fn range(pathway: PathwayId, total_usd: f64) -> CapexRange {
    CapexRange {
        pathway,
        total_usd,
        low_usd: at(total_usd, LOW_PCT),
        high_usd: at(total_usd, HIGH_PCT),
    }
}

/// The band around the facility total, and around what each AI pathway builds: colocation's
/// landlord bill, and the facility plus the GPU cloud's first equipment.
///
/// ```
/// let band = minepivot::capex::accuracy::band(100.0, 80.0, 300.0);
/// // 100 × (1 − 0.20) = 80; 100 × (1 + 0.30) = 130.
/// assert_eq!((band.low_usd, band.high_usd), (80.0, 130.0));
/// // The GPU cloud builds the facility and its GPUs: (100 + 300) × 1.3 = 520.
/// assert_eq!(band.pathways[1].high_usd, 520.0);
/// ```
pub fn band(facility_usd: f64, landlord_usd: f64, gpu_equipment_usd: f64) -> CapexAccuracy {
    CapexAccuracy {
        estimate_class: ESTIMATE_CLASS.to_string(),
        class_label: CLASS_LABEL.to_string(),
        low_pct: LOW_PCT,
        high_pct: HIGH_PCT,
        low_usd: at(facility_usd, LOW_PCT),
        high_usd: at(facility_usd, HIGH_PCT),
        pathways: vec![
            range(PathwayId::Colocation, landlord_usd),
            range(PathwayId::GpuCloud, facility_usd + gpu_equipment_usd),
        ],
        source: SOURCE.to_string(),
        url: URL.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_lies_inside_class_4() {
        // AACE Class 4: low −15 % to −30 %, high +20 % to +50 %.
        assert!((-30.0..=-15.0).contains(&LOW_PCT));
        assert!((20.0..=50.0).contains(&HIGH_PCT));
        assert!(URL.starts_with("https://"));
    }
}
