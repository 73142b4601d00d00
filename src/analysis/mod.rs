//! Questions asked of the whole model: break-evens, sensitivity, the verdict, risk, the
//! decision map. (Issues 5, 8 and 19.)
//!
//! Everything here re-runs the model through [`crate::engine::npvs_with`], recomputing only
//! the stages an input touches ([`crate::engine::MiningStage`], [`crate::engine::CapexStage`]).

pub mod breakeven;
pub mod decision_map;
pub mod risk;
pub mod sensitivity;
pub mod verdict;
