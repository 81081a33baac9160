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

use crate::data::{FieldKind as K, FieldResult, FieldSpec, RowCells, Table, f};

/// The mention schema, with the column names listening exports use (Brandwatch, Talkwalker,
/// Mention, the networks' APIs), as loaders read it ([`crate::data::load_csv`],
/// [`crate::data::load_json`], [`crate::data::load_json_lines`], [`crate::data::load_records`]).
pub static MENTION_FIELDS: &[FieldSpec] = &[
    f(
        "id",
        K::Text,
        true,
        &[
            "mention_id",
            "post_id",
            "tweet_id",
            "guid",
            "resource_id",
            "uid",
        ],
        "The export's id of the mention.",
    ),
    f(
        "text",
        K::Text,
        true,
        &[
            "content",
            "full_text",
            "snippet",
            "message",
            "body",
            "title_and_text",
        ],
        "The mention's text.",
    ),
    f(
        "published",
        K::DateTime,
        true,
        &[
            "date",
            "datetime",
            "created_at",
            "published_at",
            "timestamp",
            "time",
            "date_time",
        ],
        "When it was published (RFC 3339, or local in the load's zone).",
    ),
    f(
        "network",
        K::Network,
        false,
        &["platform", "page_type", "channel"],
        "The network; empty for the open web.",
    ),
    f(
        "author",
        K::Text,
        false,
        &[
            "author_handle",
            "handle",
            "username",
            "screen_name",
            "user",
            "author_username",
        ],
        "The author's handle (a leading @ is dropped).",
    ),
    f(
        "author_name",
        K::Text,
        false,
        &["display_name", "full_name", "author_display_name", "name"],
        "The author's display name.",
    ),
    f(
        "followers",
        K::Count,
        false,
        &[
            "author_followers",
            "followers_count",
            "twitter_followers",
            "audience",
        ],
        "The author's followers.",
    ),
    f(
        "lang",
        K::Text,
        false,
        &["language", "lang_code"],
        "Its language (BCP 47).",
    ),
    f(
        "url",
        K::Text,
        false,
        &["link", "permalink", "mention_url"],
        "Its URL.",
    ),
    f(
        "parent",
        K::Text,
        false,
        &[
            "parent_id",
            "thread_id",
            "in_reply_to",
            "conversation_id",
            "thread",
        ],
        "The mention it answers, or its thread.",
    ),
    f(
        "likes",
        K::Count,
        false,
        &["like_count", "favorites", "favourites", "reactions"],
        "Likes, reactions.",
    ),
    f(
        "reposts",
        K::Count,
        false,
        &[
            "retweets",
            "shares",
            "reblogs",
            "boosts",
            "repost_count",
            "retweet_count",
        ],
        "Reposts, shares, boosts.",
    ),
    f(
        "replies",
        K::Count,
        false,
        &["comments", "reply_count", "comment_count"],
        "Replies, comments.",
    ),
    f("quotes", K::Count, false, &["quote_count"], "Quotes."),
    f(
        "views",
        K::Count,
        false,
        &["view_count", "impressions"],
        "Views.",
    ),
    f(
        "reach",
        K::Count,
        false,
        &["estimated_reach", "potential_reach"],
        "Reach, when estimated.",
    ),
    f(
        "brand",
        K::Text,
        false,
        &["matched_brand", "query_name"],
        "The brand or competitor it is about.",
    ),
];

impl Table for Mention {
    const NAME: &'static str = "mentions";
    const FIELDS: &'static [FieldSpec] = MENTION_FIELDS;
    fn build(r: &RowCells<'_, '_>) -> FieldResult<Self> {
        Ok(Mention {
            id: r.required("id", r.text("id"))?,
            text: r.required("text", r.text("text"))?,
            published: r.required("published", r.datetime("published")?)?,
            network: r.parsed("network")?,
            author: Author {
                handle: r
                    .text("author")
                    .map(|h| h.trim_start_matches('@').to_owned())
                    .unwrap_or_default(),
                name: r.text("author_name"),
                followers: r.count("followers")?,
            },
            lang: r.text("lang"),
            url: r.text("url"),
            parent: r.text("parent"),
            engagement: Engagement {
                likes: r.count("likes")?,
                reposts: r.count("reposts")?,
                replies: r.count("replies")?,
                quotes: r.count("quotes")?,
                views: r.count("views")?,
                reach: r.count("reach")?,
            },
            brand: r.text("brand"),
        })
    }
}

impl Mention {
    /// The mention as one flat record with the schema's field names (what loaders read back,
    /// and what a data frame takes).
    pub fn to_record(&self) -> serde_json::Value {
        let e = &self.engagement;
        serde_json::json!({
            "id": self.id, "text": self.text, "published": self.published.to_rfc3339(),
            "network": self.network.map(|n| n.as_str()), "author": self.author.handle,
            "author_name": self.author.name, "followers": self.author.followers, "lang": self.lang,
            "url": self.url, "parent": self.parent, "likes": e.likes, "reposts": e.reposts,
            "replies": e.replies, "quotes": e.quotes, "views": e.views, "reach": e.reach,
            "brand": self.brand,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{LoadOptions, load_csv};

    #[test]
    fn csv_with_export_column_names_zones_and_rejects() {
        let csv = "Mention ID;Content;Date;Platform;Username;Followers;Language;Retweets;Sentiment\n\
                   1;Le lin lavé de @maisonlune;2027-01-04 09:30;twitter;@lea;12 500;fr;3;positive\n\
                   2;sans date;;instagram;bob;10;fr;;\n\
                   3;mauvais compte;2027-01-04 10:00;instagram;bob;-4;fr;;\n\
                   4;réseau inconnu;2027-01-04 11:00;myspace;bob;;;;\n";
        let opts = LoadOptions {
            time_zone: "Europe/Paris".parse().unwrap(),
            ..Default::default()
        };
        let l = load_csv::<Mention>(csv, &opts).unwrap();
        assert_eq!(l.rows.len(), 1);
        let m = &l.rows[0];
        assert_eq!(
            (
                m.author.handle.as_str(),
                m.author.followers,
                m.engagement.reposts
            ),
            ("lea", Some(12_500), Some(3))
        );
        assert_eq!(m.published.to_rfc3339(), "2027-01-04T08:30:00+00:00");
        assert_eq!(m.network, Some(crate::Network::X));
        let why: Vec<(u64, Option<&str>)> = l
            .rejected
            .iter()
            .map(|r| (r.line, r.field.as_deref()))
            .collect();
        assert_eq!(
            why,
            [
                (3, Some("published")),
                (4, Some("followers")),
                (5, Some("network"))
            ]
        );
        assert_eq!(l.ignored_columns, ["Sentiment"]);
    }
}
