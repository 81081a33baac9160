//! The mention: one post, comment or article that the host's listening export holds.
//!
//! The schema follows what listening exports carry (Brandwatch, Talkwalker, Mention and the
//! networks' own APIs), reduced to what smo computes on: who wrote it and how large their
//! audience is, when, in which language, the text and its link, the thread it belongs to, its
//! engagement, and — once matched — the brand or competitor it is about. A count that an export
//! does not give is `None`, never 0 ("zero ≠ missing", measurement.md §0).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::network::Network;

/// Who wrote a mention.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Author {
    /// The handle, without `@` (`maisonlune`, `lea@piaille.fr`).
    pub handle: String,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Followers when the mention was collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
}

/// A mention's engagement, as the export gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Engagement {
    /// Likes, reactions, favourites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likes: Option<u64>,
    /// Reposts, retweets, boosts, shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reposts: Option<u64>,
    /// Replies, comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies: Option<u64>,
    /// Quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<u64>,
    /// Views.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
    /// Reach, when the export estimates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<u64>,
}

/// One mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The export's id.
    pub id: String,
    /// The network; `None` for the open web (news, blogs, forums).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<Network>,
    /// The author.
    #[serde(default)]
    pub author: Author,
    /// When it was published.
    pub published: DateTime<Utc>,
    /// Its language (BCP 47), when the export says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The text.
    pub text: String,
    /// Its URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The mention it answers, or the thread it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Its engagement.
    #[serde(default)]
    pub engagement: Engagement,
    /// The brand or competitor it is about, once matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
}

impl Mention {
    /// A mention with just an id, a date and a text (the rest unknown).
    pub fn new(
        id: impl Into<String>,
        published: DateTime<Utc>,
        text: impl Into<String>,
    ) -> Mention {
        Mention {
            id: id.into(),
            network: None,
            author: Author::default(),
            published,
            lang: None,
            text: text.into(),
            url: None,
            parent: None,
            engagement: Engagement::default(),
            brand: None,
        }
    }

    /// The host of its URL, lower-case, without `www.`.
    pub fn site(&self) -> Option<String> {
        let url = url::Url::parse(self.url.as_deref()?).ok()?;
        let host = url.host_str()?.to_ascii_lowercase();
        Some(host.strip_prefix("www.").map(str::to_owned).unwrap_or(host))
    }
}

/// Likes + reposts + replies + quotes, when at least one is known (the `engagement:` field of
/// queries and the watch analytics' default engagement).
pub fn engagement_total(e: &Engagement) -> Option<u64> {
    let parts = [e.likes, e.reposts, e.replies, e.quotes];
    parts
        .iter()
        .any(Option::is_some)
        .then(|| parts.iter().flatten().sum())
}
