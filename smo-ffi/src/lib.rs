//! UniFFI bindings of smo for Kotlin and Swift apps (and a Python smoke test).
//!
//! Core types are restated here as `uniffi::remote` mirrors: if a core type changes, this crate
//! stops compiling, which is the drift alarm we want. This crate converts and delegates; every
//! rule, limit and message is smo-core's.

uniffi::setup_scaffolding!("smo");

mod advice;
mod audit;
mod calendar;
mod errors;
mod feed;
mod listening;
mod measure;
mod partners;
mod query;
mod referers;
mod strategy;
mod tags;
mod text;
mod watch;

pub use calendar::CalendarPlan;
pub use errors::SmoError;
pub use measure::{MeasureData, ReferrerInfo, ReportOutput};
pub use strategy::{NetworkInfo, Rule, Strategy};
pub use watch::WatchBrief;
