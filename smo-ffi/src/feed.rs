//! FFI surface of feeds: `parseFeed` and `unsharedContent`. The records mirror the core's
//! (`uniffi::remote`), field for field. Conversion only.

use std::sync::Arc;
use std::time::SystemTime;

use smo_core::feed::push::{Draft, PushOptions, Unshared};
use smo_core::feed::{self, FeedKind};
use smo_core::{ContentType, Finding, Network};

use crate::errors::SmoError;
use crate::measure::MeasureData;

/// Which kind of feed (named so as not to clash with the site audit's `FeedKind`).
#[derive(uniffi::Enum, Clone, Copy)]
pub enum FeedFormat {
    /// Atom 1.0.
    Atom,
    /// RSS 0.9x, 1.0 or 2.0.
    Rss,
    /// JSON Feed 1.x.
    Json,
}

impl From<FeedKind> for FeedFormat {
    fn from(k: FeedKind) -> Self {
        match k {
            FeedKind::Atom => FeedFormat::Atom,
            FeedKind::Rss => FeedFormat::Rss,
            FeedKind::Json => FeedFormat::Json,
        }
    }
}

impl From<FeedFormat> for FeedKind {
    fn from(k: FeedFormat) -> Self {
        match k {
            FeedFormat::Atom => FeedKind::Atom,
            FeedFormat::Rss => FeedKind::Rss,
            FeedFormat::Json => FeedKind::Json,
        }
    }
}

/// One item of a feed.
#[derive(uniffi::Record, Clone)]
pub struct FeedItem {
    /// The item's id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// The item's page.
    pub link: Option<String>,
    /// When it was published (else updated).
    pub published: Option<SystemTime>,
    /// When it was last updated.
    pub updated: Option<SystemTime>,
    /// Plain-text summary.
    pub summary: Option<String>,
    /// An image.
    pub image: Option<String>,
    /// A video.
    pub video: Option<String>,
    /// Category terms.
    pub categories: Vec<String>,
}

impl From<feed::FeedItem> for FeedItem {
    fn from(i: feed::FeedItem) -> Self {
        FeedItem {
            id: i.id,
            title: i.title,
            link: i.link,
            published: i.published.map(Into::into),
            updated: i.updated.map(Into::into),
            summary: i.summary,
            image: i.image,
            video: i.video,
            categories: i.categories,
        }
    }
}

impl From<FeedItem> for feed::FeedItem {
    fn from(i: FeedItem) -> Self {
        feed::FeedItem {
            id: i.id,
            title: i.title,
            link: i.link,
            published: i.published.map(Into::into),
            updated: i.updated.map(Into::into),
            summary: i.summary,
            image: i.image,
            video: i.video,
            categories: i.categories,
        }
    }
}

/// A feed read by `parseFeed` (named so as not to clash with the site audit's `Feed` link).
#[derive(uniffi::Record, Clone)]
pub struct SiteFeed {
    /// Atom, RSS or JSON Feed.
    pub kind: FeedFormat,
    /// The feed's title.
    pub title: Option<String>,
    /// The site the feed is about.
    pub link: Option<String>,
    /// Items, in feed order.
    pub items: Vec<FeedItem>,
}

#[uniffi::remote(Record)]
struct Draft {
    network: Network,
    handle: String,
    format: ContentType,
    text: String,
    url: String,
    share_url: Option<String>,
    media: Option<String>,
    findings: Vec<Finding>,
}

/// A recent item not yet shared on every publishing channel, with its drafts.
#[derive(uniffi::Record)]
pub struct UnsharedItem {
    /// The item.
    pub item: FeedItem,
    /// Days since it was published.
    pub age_days: i64,
    /// Networks where a post already links to it.
    pub shared_on: Vec<Network>,
    /// Drafts for the other publishing channels.
    pub drafts: Vec<Draft>,
}

/// Reads an RSS, Atom or JSON feed; a parse error gives the line and column where it breaks.
#[uniffi::export]
pub fn parse_feed(text: String) -> Result<SiteFeed, SmoError> {
    let f = feed::parse_feed(text.as_bytes())?;
    Ok(SiteFeed {
        kind: f.kind.into(),
        title: f.title,
        link: f.link,
        items: f.items.into_iter().map(Into::into).collect(),
    })
}

/// The feed's recent items not yet shared on every publishing channel, with drafts.
#[uniffi::export(default(max_age_days = 30, campaign = "feed"))]
pub fn unshared_content(
    feed: SiteFeed,
    posts: Arc<MeasureData>,
    strategy: Arc<crate::strategy::Strategy>,
    now: SystemTime,
    max_age_days: u32,
    campaign: String,
) -> Result<Vec<UnsharedItem>, SmoError> {
    let opts = PushOptions {
        now: now.into(),
        max_age_days,
        campaign,
    };
    let core = feed::Feed {
        kind: feed.kind.into(),
        title: feed.title,
        link: feed.link,
        items: feed.items.into_iter().map(Into::into).collect(),
    };
    let out = feed::push::unshared_content(&core, &posts.post_rows(), &strategy.0, &opts)?;
    Ok(out
        .into_iter()
        .map(|u: Unshared| UnsharedItem {
            item: u.item.into(),
            age_days: u.age_days,
            shared_on: u.shared_on,
            drafts: u.drafts,
        })
        .collect())
}
