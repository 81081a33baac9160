//! Traffic sources: where visits come from, and how campaign links are tagged.
//!
//! - [`referrer`]: a referrer URL (and landing page) → medium (`social`, `search`, `email`,
//!   `paid`, `ai_assistant`, `internal`, `referral`, `direct`), source name, network, search term;
//!   from our own sourced, dated, versioned domain table ([`domains`]).
//! - [`channel`]: GA4-style default channel grouping from (source, medium, campaign), by ordered
//!   rules kept as data.
//! - [`utm`]: build, parse and lint UTM-tagged links.
//! - [`batch`]: access logs and referrer lists → a traffic-source breakdown.
//!
//! Facts come from measurement.md §3–§5 and the sources cited row by row.

pub mod batch;
pub mod channel;
pub mod domains;
pub(crate) mod fnv;
pub mod refdb;
pub mod referrer;
pub mod utm;

pub use channel::{Channel, channel_group};
pub use domains::Medium;
pub use refdb::{RefererDatabase, RefererFile, RefererFormat, load_referer_database};
pub use referrer::{ClassifyOptions, Referrer, classify_referrer, classify_with, source_network};
