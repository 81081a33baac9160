//! # smo-core
//!
//! The engine of smo, for Social Media Optimization: making a brand's site and content travel
//! on social media, and measuring it. Pure Rust, no I/O: every function takes data and returns
//! data, so the same inputs give the same results in Rust, Python (`smo`) and Kotlin/Swift
//! (`smo-ffi`).
//!
//! | Module | What it is for |
//! |---|---|
//! | [`network`] | the networks, with one sourced data row each (handles, content types, metrics, cadence) |
//! | [`content`] | content types |
//! | [`handle`] | handle validation and normalisation |
//! | [`metric`], [`kpi`] | raw metrics, the KPI catalogue, versioned formulas, grouping, objective tracking |
//! | [`report`] | the SMO report: JSON, Markdown and self-contained HTML with SVG charts |
//! | [`data`] | the normalised measurement data and its loaders (CSV, JSON) |
//! | [`traffic`] | referrer classification, GA4-style channel grouping, UTM links, access logs |
//! | [`text`] | post text: counting per network, entities, limits table, X weighted count |
//! | [`post`], [`thread`], [`share`] | post checks (rule registry), thread splitting, share links |
//! | [`tags`] | tags for content: the key phrases of one text (YAKE), ranked, with their positions |
//! | [`hashtags`] | hashtag suggestions per network: content key phrases, strategy keywords, themes, each with its reason |
//! | [`listening`] | listening and watch: mentions, monitoring queries (Boolean dialect, FTS5 and Elasticsearch exports), traced English and French sentiment, share of voice, influencers, themes, alerts, competitor benchmark |
//! | [`partners`] | link exchanges: the partners ledger, each link checked on the pages (present, re-pointed, qualified, reciprocal) and the visits each partner sends |
//! | [`feed`] | the site's RSS, Atom and JSON feeds, and its recent content not yet shared, with drafts per channel |
//! | [`calendar`] | the editorial calendar: slots planned from the strategy (DST-proof), its rules, ICS and CSV exports |
//! | [`strategy`] | the strategy model, its TOML/JSON form and its validation rules |
//! | [`audit`] | the site social audit: page scan, rule catalogue, scores, fixes, site report |
//! | [`finding`] | the [`Finding`] type and rule registries shared by every rule engine |
//! | [`error`] | the one [`Error`] type |
//!
//! ```
//! use smo_core::{Strategy, strategy::rules::ValidateOptions};
//!
//! let strategy = Strategy::example()?;
//! let options = ValidateOptions { today: "2026-11-21".parse().ok(), ..Default::default() };
//! for finding in strategy.validate(&options)? {
//!     println!("{finding}");
//! }
//! # Ok::<(), smo_core::Error>(())
//! ```

pub mod advice;
#[cfg(feature = "arrow")]
pub mod arrow;
pub mod audit;
pub mod calendar;
pub mod content;
pub mod data;
pub mod error;
pub mod feed;
pub mod finding;
pub mod handle;
pub mod hashtags;
pub mod kpi;
pub mod listening;
pub mod metric;
pub mod network;
pub mod partners;
pub mod post;
pub mod report;
pub mod share;
pub mod strategy;
pub mod tags;
pub mod text;
pub mod thread;
pub mod traffic;

pub use content::ContentType;
pub use error::{Error, Result};
pub use finding::{Finding, Location, RuleConfig, RuleInfo, Severity, Span};
pub use metric::Metric;
pub use network::{Network, NetworkInfo};
pub use strategy::Strategy;

/// Every rule of every rule engine in smo, each registry in turn.
///
/// ```
/// let ids: Vec<_> = smo_core::rules().iter().map(|r| r.id).collect();
/// assert!(ids.contains(&"listening/none"));
/// ```
pub fn rules() -> Vec<RuleInfo> {
    let mut all = strategy::rules::RULES.to_vec();
    all.extend_from_slice(traffic::utm::RULES);
    all.extend(advice::RULES.iter().map(advice::AdviceRule::info));
    all.extend_from_slice(audit::rules::RULES);
    all.extend_from_slice(audit::site::SITE_RULES);
    all.extend_from_slice(post::RULES);
    all.extend_from_slice(calendar::RULES);
    all.extend_from_slice(listening::alerts::RULES);
    all.extend_from_slice(partners::RULES);
    all
}
