//! The schema of the tables as data: each field's name, kind, whether it is required, the column
//! names accepted for it and what it means.
//!
//! The loaders match columns and read cells from these rows alone, and `docs/measurement.md`
//! prints them, so a field is described and read in one place; the listening and partners
//! tables declare theirs with the same [`FieldSpec`] and are listed by [`schema`](fn@schema).

use serde::Serialize;

/// The kind of value a field holds, which decides how a cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A date and time: RFC 3339 with offset, or local (`2026-07-01 09:30`) in the load's zone.
    DateTime,
    /// A calendar date (`2026-07-01`); a date-time is reduced to its local date.
    Date,
    /// A network id or alias ([`Network`](crate::network::Network)).
    Network,
    /// A content type id or alias ([`ContentType`](crate::content::ContentType)).
    ContentType,
    /// Free text, trimmed.
    Text,
    /// A non-negative whole number, in the load's locale.
    Count,
    /// A decimal amount (money, seconds), in the load's locale; currency symbols are ignored.
    Amount,
}

/// One field of a table's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FieldSpec {
    /// The field's name in the normalised schema.
    pub name: &'static str,
    /// How its cells are read.
    pub kind: FieldKind,
    /// Whether a row without it is rejected.
    pub required: bool,
    /// Other column names accepted for it (compared after lower-casing and turning spaces and
    /// hyphens into `_`).
    pub aliases: &'static [&'static str],
    /// What it means.
    pub description: &'static str,
}

pub(crate) const fn f(
    name: &'static str,
    kind: FieldKind,
    required: bool,
    aliases: &'static [&'static str],
    description: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required,
        aliases,
        description,
    }
}

use FieldKind as K;

/// The `posts` schema.
pub static POST_FIELDS: &[FieldSpec] = &[
    f(
        "published",
        K::DateTime,
        true,
        &[
            "date",
            "datetime",
            "published_at",
            "created_time",
            "time",
            "timestamp",
            "date_time",
        ],
        "When the post went live.",
    ),
    f(
        "network",
        K::Network,
        true,
        &["platform", "channel", "network_id"],
        "Network id (`instagram`, `x`...).",
    ),
    f(
        "post_id",
        K::Text,
        true,
        &["id", "post", "permalink", "url"],
        "The post's id or permalink.",
    ),
    f(
        "content_type",
        K::ContentType,
        false,
        &["type", "format", "media_type", "post_type"],
        "Content type (`image`, `reel`...).",
    ),
    f(
        "pillar",
        K::Text,
        false,
        &["theme", "content_pillar"],
        "Content pillar of the strategy.",
    ),
    f(
        "campaign",
        K::Text,
        false,
        &["campaign_name", "utm_campaign"],
        "Campaign name.",
    ),
    f(
        "link",
        K::Text,
        false,
        &[
            "link_url",
            "shared_url",
            "destination_url",
            "target_url",
            "link_clicked",
        ],
        "The URL the post links to (for `feed::push`, which finds the site's content not yet shared).",
    ),
    f(
        "account",
        K::Text,
        false,
        &[
            "account_name",
            "profile",
            "page_name",
            "brand",
            "competitor",
        ],
        "The account that posted, when the file holds several (the brand's and competitors' public metrics, for `listening::benchmark`).",
    ),
    f(
        "text",
        K::Text,
        false,
        &["message", "caption", "post_text", "body"],
        "The post's text (its hashtags feed `advice`'s hashtag comparisons).",
    ),
    f(
        "impressions",
        K::Count,
        false,
        &["impr"],
        "Times the post was shown.",
    ),
    f(
        "reach",
        K::Count,
        false,
        &["unique_reach", "accounts_reached"],
        "Unique accounts reached.",
    ),
    f(
        "views",
        K::Count,
        false,
        &["plays"],
        "Views (as the network counts them).",
    ),
    f(
        "likes",
        K::Count,
        false,
        &["reactions", "favorites", "favourites", "like_count"],
        "Likes or reactions.",
    ),
    f(
        "comments",
        K::Count,
        false,
        &["replies", "comment_count"],
        "Comments or replies.",
    ),
    f(
        "shares",
        K::Count,
        false,
        &["reposts", "retweets", "boosts", "share_count"],
        "Shares, reposts, boosts.",
    ),
    f(
        "saves",
        K::Count,
        false,
        &["saved", "bookmarks"],
        "Saves or bookmarks.",
    ),
    f(
        "clicks",
        K::Count,
        false,
        &["link_clicks", "post_clicks"],
        "Clicks (link or post clicks).",
    ),
    f(
        "video_views",
        K::Count,
        false,
        &["video_plays"],
        "Video views.",
    ),
    f(
        "follows",
        K::Count,
        false,
        &["new_follows", "follows_from_post"],
        "Follows caused by the post.",
    ),
    f(
        "followers",
        K::Count,
        false,
        &["followers_at_post_time", "audience"],
        "Followers of the account when the post went live.",
    ),
    f(
        "cost",
        K::Amount,
        false,
        &["spend", "amount_spent", "boost_cost"],
        "Paid spend on the post, account currency.",
    ),
];

/// The `accounts` schema (one account on one day).
pub static ACCOUNT_FIELDS: &[FieldSpec] = &[
    f("date", K::Date, true, &["day"], "The day."),
    f(
        "network",
        K::Network,
        true,
        &["platform", "channel"],
        "Network id.",
    ),
    f(
        "followers",
        K::Count,
        false,
        &["audience", "fans", "subscribers"],
        "Followers at the end of the day.",
    ),
    f(
        "follows",
        K::Count,
        false,
        &["new_followers", "gained"],
        "Gross new followers that day.",
    ),
    f(
        "unfollows",
        K::Count,
        false,
        &["lost", "lost_followers"],
        "Followers lost that day.",
    ),
    f(
        "profile_visits",
        K::Count,
        false,
        &["profile_views", "page_views"],
        "Profile or page visits.",
    ),
    f(
        "mentions",
        K::Count,
        false,
        &["brand_mentions"],
        "Mentions of the brand.",
    ),
    f(
        "mentions_positive",
        K::Count,
        false,
        &["positive"],
        "Positive mentions.",
    ),
    f(
        "mentions_negative",
        K::Count,
        false,
        &["negative"],
        "Negative mentions.",
    ),
    f(
        "mentions_neutral",
        K::Count,
        false,
        &["neutral"],
        "Neutral mentions.",
    ),
    f(
        "competitor_mentions",
        K::Count,
        false,
        &["competitors_mentions"],
        "Mentions of the competitor set.",
    ),
    f(
        "messages",
        K::Count,
        false,
        &["messages_received", "inbound_messages"],
        "Messages and questions received.",
    ),
    f(
        "responses",
        K::Count,
        false,
        &["messages_answered", "answered"],
        "Of those, answered.",
    ),
    f(
        "response_time_s",
        K::Amount,
        false,
        &["response_time", "first_response_time"],
        "Median first-response time that day, seconds.",
    ),
];

/// The `web` schema (web analytics by day, source, medium and campaign).
pub static WEB_FIELDS: &[FieldSpec] = &[
    f("date", K::Date, true, &["day"], "The day."),
    f(
        "source",
        K::Text,
        true,
        &["session_source", "utm_source"],
        "Traffic source (`instagram`, `google`, `(direct)`).",
    ),
    f(
        "medium",
        K::Text,
        true,
        &["session_medium", "utm_medium"],
        "Traffic medium (`social`, `cpc`, `(none)`).",
    ),
    f(
        "campaign",
        K::Text,
        false,
        &["session_campaign", "utm_campaign"],
        "Campaign.",
    ),
    f(
        "landing_page",
        K::Text,
        false,
        &["page", "landing"],
        "Landing page path.",
    ),
    f(
        "sessions",
        K::Count,
        true,
        &["visits"],
        "Sessions or visits.",
    ),
    f(
        "users",
        K::Count,
        false,
        &["unique_visitors", "visitors", "total_users"],
        "Unique visitors.",
    ),
    f(
        "pageviews",
        K::Count,
        false,
        &["page_views", "views", "screen_page_views"],
        "Page views.",
    ),
    f(
        "bounces",
        K::Count,
        false,
        &["bounced_sessions"],
        "Bounced sessions (GA4: not engaged).",
    ),
    f(
        "duration_s",
        K::Amount,
        false,
        &["total_duration", "session_duration"],
        "Total session duration, seconds.",
    ),
    f(
        "conversions",
        K::Count,
        false,
        &["key_events", "goals", "orders"],
        "Conversions (key events).",
    ),
    f(
        "revenue",
        K::Amount,
        false,
        &["value", "purchase_revenue"],
        "Revenue, account currency.",
    ),
];

/// The `costs` schema.
pub static COST_FIELDS: &[FieldSpec] = &[
    f(
        "date",
        K::Date,
        true,
        &["day"],
        "Day the cost applies to (or was booked).",
    ),
    f(
        "network",
        K::Network,
        false,
        &["platform", "channel"],
        "Network, when the cost belongs to one.",
    ),
    f(
        "campaign",
        K::Text,
        false,
        &["campaign_name"],
        "Campaign, when the cost belongs to one.",
    ),
    f(
        "category",
        K::Text,
        false,
        &["kind", "type"],
        "`ads`, `content`, `staff`, `tools` or `other`.",
    ),
    f(
        "amount",
        K::Amount,
        true,
        &["cost", "spend"],
        "Amount, account currency.",
    ),
];

/// The schema of a table by name (`posts`, `accounts`, `web`, `costs`).
///
/// ```
/// let fields = smo_core::data::schema("posts").unwrap();
/// assert_eq!(fields[0].name, "published");
/// ```
pub fn schema(table: &str) -> Option<&'static [FieldSpec]> {
    match table {
        "posts" => Some(POST_FIELDS),
        "accounts" => Some(ACCOUNT_FIELDS),
        "web" => Some(WEB_FIELDS),
        "costs" => Some(COST_FIELDS),
        "mentions" => Some(crate::listening::mention::MENTION_FIELDS),
        "partners" => Some(crate::partners::PARTNER_FIELDS),
        _ => None,
    }
}
