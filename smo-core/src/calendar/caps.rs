//! Posts a day each network lets one account publish: the data behind `calendar/daily-cap`.
//!
//! These are platform limits on publishing through the networks' APIs (a rolling 24 hours), from
//! each platform's developer documentation. Networks that publish no per-account cap have no row;
//! the cadence guidance of the network table stays a soft matter for the strategy rules.

use crate::network::{Confidence, Network};

/// A network's cap on posts per 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyCap {
    /// The network.
    pub network: Network,
    /// Posts per rolling 24 hours.
    pub posts: u32,
    /// How the platform counts.
    pub note: &'static str,
    /// Where it is documented.
    pub source: &'static str,
    /// When smo read it.
    pub as_of: &'static str,
    /// Platform-documented.
    pub confidence: Confidence,
}

/// The caps, one row per network that documents one.
pub static DAILY_CAPS: &[DailyCap] = &[
    DailyCap {
        network: Network::Instagram,
        posts: 100,
        note: "API-published posts in a 24-hour moving period; a carousel counts as one (25 before 2024)",
        source: "https://developers.facebook.com/docs/instagram-platform/content-publishing",
        as_of: "2026-12",
        confidence: Confidence::Platform,
    },
    DailyCap {
        network: Network::Threads,
        posts: 250,
        note: "API-published posts in a 24-hour moving period",
        source: "https://developers.facebook.com/docs/threads/overview",
        as_of: "2026-12",
        confidence: Confidence::Platform,
    },
    DailyCap {
        network: Network::X,
        posts: 2400,
        note: "posts a day, also limited over shorter intervals",
        source: "https://help.x.com/en/rules-and-policies/x-limits",
        as_of: "2026-12",
        confidence: Confidence::Platform,
    },
    DailyCap {
        network: Network::TikTok,
        posts: 15,
        note: "about 15 posts a day per creator through the Content Posting API",
        source: "https://developers.tiktok.com/doc/content-sharing-guidelines",
        as_of: "2026-12",
        confidence: Confidence::Platform,
    },
    DailyCap {
        network: Network::Bluesky,
        posts: 11_666,
        note: "35,000 write points a day per account, 3 points per created record",
        source: "https://docs.bsky.app/docs/advanced-guides/rate-limits",
        as_of: "2026-12",
        confidence: Confidence::Platform,
    },
];

/// The cap of `network`, if it documents one.
pub fn daily_cap(network: Network) -> Option<&'static DailyCap> {
    DAILY_CAPS.iter().find(|c| c.network == network)
}
