//! The normalised measurement data an analyst has, and loaders that never lose a row.
//!
//! Four tables, one row type each:
//!
//! | Table | Row | One row is |
//! |---|---|---|
//! | `posts` | [`PostRow`] | one published post with its lifetime metrics |
//! | `accounts` | [`AccountRow`] | one account (network) on one day |
//! | `web` | [`WebRow`] | web-analytics totals for one day × source × medium × campaign |
//! | `costs` | [`CostRow`] | one cost line (ads, content, staff time, tools) |
//!
//! The fields of each table, their aliases and meaning are data ([`schema`]), printed in
//! `docs/measurement.md`. A missing value is `None`, never 0: "zero ≠ missing" (measurement.md §0).
//!
//! Loaders read CSV ([`load_csv`], with the `csv` crate; delimiter sniffed among `,` `;` tab)
//! and JSON ([`load_json`]: an array of objects), map columns to fields (by name, by a known
//! alias such as `Date`/`Likes`/`Reactions`, or by the caller's [`LoadOptions::mapping`]), read
//! local date-times in an IANA zone (chrono-tz) and numbers in a locale (`1,234.5`, `1 234,5`
//! with a normal, no-break or narrow no-break space, `1.234,5`, `1'234.5`). Every row that cannot
//! be read comes back in [`Loaded::rejected`] with its line and reason; columns the schema does
//! not know come back in [`Loaded::ignored_columns`]. With [`LoadOptions::strict`] the first bad
//! row is an [`Error::Row`] instead.
//!
//! ```
//! use smo_core::data::{self, LoadOptions, PostRow};
//!
//! let csv = "date;network;post id;likes;comments;reach\n\
//!            2026-07-01 09:30;instagram;p1;1 234;12;20 000\n\
//!            2026-07-02 09:30;instagram;p2;12,5;3;900\n";
//! let opts = LoadOptions { decimal_comma: true, time_zone: "Europe/Paris".parse().unwrap(), ..Default::default() };
//! let loaded = data::load_csv::<PostRow>(csv, &opts)?;
//! assert_eq!(loaded.rows.len(), 1);
//! assert_eq!(loaded.rows[0].likes, Some(1234));
//! assert_eq!(loaded.rows[0].published.to_rfc3339(), "2026-07-01T07:30:00+00:00");
//! assert_eq!(loaded.rejected[0].line, 3);
//! assert!(loaded.rejected[0].reason.contains("whole number"));
//! # Ok::<(), smo_core::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::content::ContentType;
use crate::error::{Error, Result, closest};
use crate::network::Network;

/// The kind of value a field holds, which decides how a cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A date and time: RFC 3339 with offset, or local (`2026-07-01 09:30`) in the load's zone.
    DateTime,
    /// A calendar date (`2026-07-01`); a date-time is reduced to its local date.
    Date,
    /// A network id or alias ([`Network`]).
    Network,
    /// A content type id or alias ([`ContentType`]).
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

/// One published post with its metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostRow {
    /// When the post went live (UTC; grouping converts to the report's zone).
    pub published: DateTime<Utc>,
    /// The network.
    pub network: Network,
    /// The post's id or permalink.
    pub post_id: String,
    /// Content type.
    pub content_type: Option<ContentType>,
    /// Content pillar.
    pub pillar: Option<String>,
    /// Campaign.
    pub campaign: Option<String>,
    /// The account that posted, when a file holds several (competitor benchmarks).
    pub account: Option<String>,
    /// The URL the post links to.
    pub link: Option<String>,
    /// The post's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Impressions.
    pub impressions: Option<u64>,
    /// Reach.
    pub reach: Option<u64>,
    /// Views.
    pub views: Option<u64>,
    /// Likes or reactions.
    pub likes: Option<u64>,
    /// Comments.
    pub comments: Option<u64>,
    /// Shares or reposts.
    pub shares: Option<u64>,
    /// Saves.
    pub saves: Option<u64>,
    /// Clicks.
    pub clicks: Option<u64>,
    /// Video views.
    pub video_views: Option<u64>,
    /// Follows caused by the post.
    pub follows: Option<u64>,
    /// Followers at post time.
    pub followers: Option<u64>,
    /// Paid spend.
    pub cost: Option<f64>,
}

/// One account on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    /// The day.
    pub date: NaiveDate,
    /// The network.
    pub network: Network,
    /// Followers at the end of the day.
    pub followers: Option<u64>,
    /// Gross new followers.
    pub follows: Option<u64>,
    /// Followers lost.
    pub unfollows: Option<u64>,
    /// Profile visits.
    pub profile_visits: Option<u64>,
    /// Brand mentions.
    pub mentions: Option<u64>,
    /// Positive mentions.
    pub mentions_positive: Option<u64>,
    /// Negative mentions.
    pub mentions_negative: Option<u64>,
    /// Neutral mentions.
    pub mentions_neutral: Option<u64>,
    /// Competitor mentions.
    pub competitor_mentions: Option<u64>,
    /// Messages received.
    pub messages: Option<u64>,
    /// Messages answered.
    pub responses: Option<u64>,
    /// Median first-response time, seconds.
    pub response_time_s: Option<f64>,
}

/// Web analytics for one day, source, medium and campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebRow {
    /// The day.
    pub date: NaiveDate,
    /// Source.
    pub source: String,
    /// Medium.
    pub medium: String,
    /// Campaign.
    pub campaign: Option<String>,
    /// Landing page.
    pub landing_page: Option<String>,
    /// Sessions.
    pub sessions: u64,
    /// Unique visitors.
    pub users: Option<u64>,
    /// Page views.
    pub pageviews: Option<u64>,
    /// Bounced sessions.
    pub bounces: Option<u64>,
    /// Total duration, seconds.
    pub duration_s: Option<f64>,
    /// Conversions.
    pub conversions: Option<u64>,
    /// Revenue.
    pub revenue: Option<f64>,
}

/// What a cost pays for (Hootsuite's ROI cost list: ads, content, staff time, tools).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    /// Paid media.
    Ads,
    /// Content production.
    Content,
    /// Staff time.
    Staff,
    /// Tools and subscriptions.
    Tools,
    /// Anything else.
    Other,
}

impl CostCategory {
    /// The id used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            CostCategory::Ads => "ads",
            CostCategory::Content => "content",
            CostCategory::Staff => "staff",
            CostCategory::Tools => "tools",
            CostCategory::Other => "other",
        }
    }
}

impl FromStr for CostCategory {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ads" | "ad" | "paid" | "media" | "advertising" => Ok(CostCategory::Ads),
            "content" | "production" | "creative" => Ok(CostCategory::Content),
            "staff" | "people" | "time" | "salaries" => Ok(CostCategory::Staff),
            "tools" | "tool" | "software" | "subscriptions" => Ok(CostCategory::Tools),
            "other" | "" => Ok(CostCategory::Other),
            other => Err(format!(
                "`{other}` is not a cost category: use ads, content, staff, tools or other"
            )),
        }
    }
}

/// One cost line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostRow {
    /// The day.
    pub date: NaiveDate,
    /// Network, if the cost belongs to one.
    pub network: Option<Network>,
    /// Campaign, if the cost belongs to one.
    pub campaign: Option<String>,
    /// What it pays for.
    pub category: CostCategory,
    /// Amount.
    pub amount: f64,
}

/// Everything the report measures.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dataset {
    /// Posts.
    #[serde(default)]
    pub posts: Vec<PostRow>,
    /// Account days.
    #[serde(default)]
    pub accounts: Vec<AccountRow>,
    /// Web analytics rows.
    #[serde(default)]
    pub web: Vec<WebRow>,
    /// Costs.
    #[serde(default)]
    pub costs: Vec<CostRow>,
}

/// The four tables' CSV texts, for [`Dataset::from_csv`]; a table left `None` stays empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvInputs<'a> {
    /// `posts` CSV.
    pub posts: Option<&'a str>,
    /// `accounts` CSV.
    pub accounts: Option<&'a str>,
    /// `web` CSV.
    pub web: Option<&'a str>,
    /// `costs` CSV.
    pub costs: Option<&'a str>,
}

/// A rejected row with its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRejected {
    /// Table name.
    pub table: &'static str,
    /// The rejected row.
    #[serde(flatten)]
    pub rejected: Rejected,
}

impl Dataset {
    /// Loads the tables given, with the same options; returns the dataset and every rejected row.
    pub fn from_csv(
        inputs: CsvInputs<'_>,
        opts: &LoadOptions,
    ) -> Result<(Dataset, Vec<TableRejected>)> {
        let mut ds = Dataset::default();
        let mut rejected = Vec::new();
        fn take<T: Table>(
            text: Option<&str>,
            opts: &LoadOptions,
            out: &mut Vec<T>,
            rej: &mut Vec<TableRejected>,
        ) -> Result<()> {
            if let Some(text) = text {
                let l = load_csv::<T>(text, opts)?;
                *out = l.rows;
                rej.extend(l.rejected.into_iter().map(|r| TableRejected {
                    table: T::NAME,
                    rejected: r,
                }));
            }
            Ok(())
        }
        take(inputs.posts, opts, &mut ds.posts, &mut rejected)?;
        take(inputs.accounts, opts, &mut ds.accounts, &mut rejected)?;
        take(inputs.web, opts, &mut ds.web, &mut rejected)?;
        take(inputs.costs, opts, &mut ds.costs, &mut rejected)?;
        Ok((ds, rejected))
    }

    /// The example brand's generated metrics (`docs/examples/maison-lune/data/`, local times in
    /// Europe/Paris), embedded in the library like [`crate::Strategy::example`].
    ///
    /// ```
    /// let data = smo_core::data::Dataset::example()?;
    /// assert!(data.posts.len() > 200);
    /// # Ok::<(), smo_core::Error>(())
    /// ```
    pub fn example() -> Result<Dataset> {
        let opts = LoadOptions {
            time_zone: Tz::Europe__Paris,
            strict: true,
            ..Default::default()
        };
        let inputs = CsvInputs {
            posts: Some(include_str!(
                "../../docs/examples/maison-lune/data/posts.csv"
            )),
            accounts: Some(include_str!(
                "../../docs/examples/maison-lune/data/accounts.csv"
            )),
            web: Some(include_str!("../../docs/examples/maison-lune/data/web.csv")),
            costs: Some(include_str!(
                "../../docs/examples/maison-lune/data/costs.csv"
            )),
        };
        Ok(Dataset::from_csv(inputs, &opts)?.0)
    }
}

/// How a loader reads its input.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOptions {
    /// Schema field → input column, for columns whose names the schema does not recognise.
    pub mapping: BTreeMap<String, String>,
    /// Zone of local date-times (those without an offset). Default UTC.
    pub time_zone: Tz,
    /// Numbers use a decimal comma (`1 234,5`, `1.234,5`) instead of a decimal point.
    pub decimal_comma: bool,
    /// CSV delimiter; `None` sniffs `,`, `;` or tab from the header line.
    pub delimiter: Option<u8>,
    /// A chrono format for date-times (`%d/%m/%Y %H:%M`), tried before the ISO forms.
    pub datetime_format: Option<String>,
    /// Stop at the first bad row with [`Error::Row`] instead of collecting it.
    pub strict: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            mapping: BTreeMap::new(),
            time_zone: Tz::UTC,
            decimal_comma: false,
            delimiter: None,
            datetime_format: None,
            strict: false,
        }
    }
}

/// A row a loader could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// 1-based line of the row in the input (CSV: physical line, header = 1; JSON: line where
    /// the record starts; records from a list: its 1-based index).
    pub line: u64,
    /// 1-based record number (data rows only).
    pub record: u64,
    /// The schema field at fault, when one is.
    pub field: Option<String>,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "line {}, field `{field}`: {}", self.line, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// The result of a load: the rows read, the rows rejected (with why), the columns ignored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded<T> {
    /// The table (`posts`, `accounts`, `web`, `costs`).
    pub table: &'static str,
    /// Rows read, in input order.
    pub rows: Vec<T>,
    /// Rows not read, in input order.
    pub rejected: Vec<Rejected>,
    /// Input columns matched to no field.
    pub ignored_columns: Vec<String>,
    /// Schema field → input column, as resolved.
    pub columns: BTreeMap<String, String>,
}

impl<T> Loaded<T> {
    /// Rows seen in the input: read + rejected. Nothing else is ever dropped.
    pub fn total(&self) -> usize {
        self.rows.len() + self.rejected.len()
    }
}

/// A value as the input gave it.
#[derive(Debug, Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}

/// A row type a loader can build.
pub trait Table: Sized {
    /// The table's name.
    const NAME: &'static str;
    /// Its schema.
    const FIELDS: &'static [FieldSpec];
    /// Builds a row from its cells, by schema index.
    #[doc(hidden)]
    fn build(row: &RowCells<'_, '_>) -> std::result::Result<Self, (String, String)>;
}

/// The cells of one input row, indexed like the schema (loader internals).
#[doc(hidden)]
pub struct RowCells<'a, 'o> {
    cells: Vec<Option<Cell<'a>>>,
    fields: &'static [FieldSpec],
    opts: &'o LoadOptions,
}

pub(crate) type FieldResult<T> = std::result::Result<T, (String, String)>;

impl RowCells<'_, '_> {
    fn cell(&self, name: &str) -> (Option<Cell<'_>>, &'static FieldSpec) {
        let i = self.fields.iter().position(|f| f.name == name).unwrap_or(0);
        let cell = self.cells.get(i).copied().flatten().filter(|c| match c {
            Cell::Text(t) => !is_missing(t),
            Cell::Number(_) => true,
        });
        (cell, &self.fields[i])
    }

    fn err<T>(spec: &FieldSpec, message: String) -> FieldResult<T> {
        Err((spec.name.to_owned(), message))
    }

    pub(crate) fn required<T>(&self, name: &str, v: Option<T>) -> FieldResult<T> {
        v.ok_or_else(|| (name.to_owned(), "is required but empty".to_owned()))
    }

    pub(crate) fn text(&self, name: &str) -> Option<String> {
        match self.cell(name).0 {
            Some(Cell::Text(t)) => Some(t.trim().to_owned()),
            Some(Cell::Number(n)) => Some(format_number(n)),
            None => None,
        }
    }

    pub(crate) fn amount(&self, name: &str) -> FieldResult<Option<f64>> {
        let (cell, spec) = self.cell(name);
        match cell {
            None => Ok(None),
            Some(Cell::Number(n)) if n.is_finite() => Ok(Some(n)),
            Some(Cell::Number(n)) => Self::err(spec, format!("{n} is not a finite number")),
            Some(Cell::Text(t)) => parse_number(t, self.opts.decimal_comma)
                .map(Some)
                .map_err(|m| (spec.name.to_owned(), m)),
        }
    }

    pub(crate) fn count(&self, name: &str) -> FieldResult<Option<u64>> {
        let (_, spec) = self.cell(name);
        match self.amount(name)? {
            None => Ok(None),
            Some(v) if v >= 0.0 && v.fract() == 0.0 && v < 9.0e15 => Ok(Some(v as u64)),
            Some(v) => Self::err(
                spec,
                format!(
                    "{v} is not a whole number of 0 or more (counts cannot be fractional or negative)"
                ),
            ),
        }
    }

    pub(crate) fn datetime(&self, name: &str) -> FieldResult<Option<DateTime<Utc>>> {
        let (cell, spec) = self.cell(name);
        match cell {
            None => Ok(None),
            Some(Cell::Number(n)) => Self::err(spec, format!("{n} is a number, not a date-time")),
            Some(Cell::Text(t)) => parse_datetime(t, self.opts)
                .map(|(dt, _)| Some(dt))
                .map_err(|m| (spec.name.to_owned(), m)),
        }
    }

    pub(crate) fn date(&self, name: &str) -> FieldResult<Option<NaiveDate>> {
        let (cell, spec) = self.cell(name);
        match cell {
            None => Ok(None),
            Some(Cell::Number(n)) => Self::err(spec, format!("{n} is a number, not a date")),
            Some(Cell::Text(t)) => match parse_datetime(t, self.opts) {
                Ok((_, Some(date))) => Ok(Some(date)),
                Ok((dt, None)) => Ok(Some(dt.with_timezone(&self.opts.time_zone).date_naive())),
                Err(m) => Self::err(spec, m),
            },
        }
    }

    pub(crate) fn parsed<T: FromStr>(&self, name: &str) -> FieldResult<Option<T>>
    where
        T::Err: fmt::Display,
    {
        let (_, spec) = self.cell(name);
        match self.text(name) {
            None => Ok(None),
            Some(t) => t
                .parse::<T>()
                .map(Some)
                .map_err(|e| (spec.name.to_owned(), e.to_string())),
        }
    }
}

impl Table for PostRow {
    const NAME: &'static str = "posts";
    const FIELDS: &'static [FieldSpec] = POST_FIELDS;
    fn build(r: &RowCells<'_, '_>) -> FieldResult<Self> {
        Ok(PostRow {
            published: r.required("published", r.datetime("published")?)?,
            network: r.required("network", r.parsed("network")?)?,
            post_id: r.required("post_id", r.text("post_id"))?,
            content_type: r.parsed("content_type")?,
            pillar: r.text("pillar"),
            campaign: r.text("campaign"),
            account: r.text("account"),
            link: r.text("link"),
            text: r.text("text"),
            impressions: r.count("impressions")?,
            reach: r.count("reach")?,
            views: r.count("views")?,
            likes: r.count("likes")?,
            comments: r.count("comments")?,
            shares: r.count("shares")?,
            saves: r.count("saves")?,
            clicks: r.count("clicks")?,
            video_views: r.count("video_views")?,
            follows: r.count("follows")?,
            followers: r.count("followers")?,
            cost: r.amount("cost")?,
        })
    }
}

impl Table for AccountRow {
    const NAME: &'static str = "accounts";
    const FIELDS: &'static [FieldSpec] = ACCOUNT_FIELDS;
    fn build(r: &RowCells<'_, '_>) -> FieldResult<Self> {
        Ok(AccountRow {
            date: r.required("date", r.date("date")?)?,
            network: r.required("network", r.parsed("network")?)?,
            followers: r.count("followers")?,
            follows: r.count("follows")?,
            unfollows: r.count("unfollows")?,
            profile_visits: r.count("profile_visits")?,
            mentions: r.count("mentions")?,
            mentions_positive: r.count("mentions_positive")?,
            mentions_negative: r.count("mentions_negative")?,
            mentions_neutral: r.count("mentions_neutral")?,
            competitor_mentions: r.count("competitor_mentions")?,
            messages: r.count("messages")?,
            responses: r.count("responses")?,
            response_time_s: r.amount("response_time_s")?,
        })
    }
}

impl Table for WebRow {
    const NAME: &'static str = "web";
    const FIELDS: &'static [FieldSpec] = WEB_FIELDS;
    fn build(r: &RowCells<'_, '_>) -> FieldResult<Self> {
        let row = WebRow {
            date: r.required("date", r.date("date")?)?,
            source: r.required("source", r.text("source"))?,
            medium: r.required("medium", r.text("medium"))?,
            campaign: r.text("campaign"),
            landing_page: r.text("landing_page"),
            sessions: r.required("sessions", r.count("sessions")?)?,
            users: r.count("users")?,
            pageviews: r.count("pageviews")?,
            bounces: r.count("bounces")?,
            duration_s: r.amount("duration_s")?,
            conversions: r.count("conversions")?,
            revenue: r.amount("revenue")?,
        };
        if let Some(b) = row.bounces.filter(|b| *b > row.sessions) {
            return Err((
                "bounces".into(),
                format!("{b} bounces exceed {} sessions", row.sessions),
            ));
        }
        Ok(row)
    }
}

impl Table for CostRow {
    const NAME: &'static str = "costs";
    const FIELDS: &'static [FieldSpec] = COST_FIELDS;
    fn build(r: &RowCells<'_, '_>) -> FieldResult<Self> {
        Ok(CostRow {
            date: r.required("date", r.date("date")?)?,
            network: r.parsed("network")?,
            campaign: r.text("campaign"),
            category: r.parsed("category")?.unwrap_or(CostCategory::Other),
            amount: r.required("amount", r.amount("amount")?)?,
        })
    }
}

fn is_missing(t: &str) -> bool {
    matches!(
        t.trim(),
        "" | "-" | "—" | "n/a" | "N/A" | "NA" | "null" | "NULL" | "None"
    )
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn normalise_header(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' || c == '.' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// Schema index → input column index, ignored columns, field → column name.
type Resolved = (Vec<Option<usize>>, Vec<String>, BTreeMap<String, String>);

/// Resolves input headers to schema indices. Fails when a required field or a mapped column is
/// missing: then no row could be read, which is an error of the call, not of a row.
fn resolve(
    table: &'static str,
    fields: &[FieldSpec],
    headers: &[String],
    opts: &LoadOptions,
) -> Result<Resolved> {
    for field in opts.mapping.keys() {
        if !fields.iter().any(|f| f.name == field) {
            let hint = closest(field, fields.iter().map(|f| f.name))
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            return Err(Error::Argument {
                name: "mapping".into(),
                message: format!(
                    "`{field}` is not a field of the {table} table{hint}: fields are {}",
                    fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
                ),
            });
        }
    }
    let norm: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut index = vec![None; fields.len()];
    let mut used = vec![false; headers.len()];
    let mut columns = BTreeMap::new();
    // Explicit mappings first, then exact names, then aliases, so an alias never steals a
    // column that is some other field's exact name.
    for (i, spec) in fields.iter().enumerate() {
        if let Some(col) = opts.mapping.get(spec.name) {
            let want = normalise_header(col);
            match norm.iter().position(|h| *h == want) {
                Some(j) => {
                    index[i] = Some(j);
                    used[j] = true;
                }
                None => {
                    return Err(Error::Argument {
                        name: "mapping".into(),
                        message: format!(
                            "column `{col}` mapped to `{}` is not in the input; columns are {}",
                            spec.name,
                            headers.join(", ")
                        ),
                    });
                }
            }
        }
    }
    for pass in 0..2 {
        for (i, spec) in fields.iter().enumerate() {
            if index[i].is_some() {
                continue;
            }
            let found = norm.iter().enumerate().position(|(j, h)| {
                !used[j]
                    && if pass == 0 {
                        h == spec.name
                    } else {
                        spec.aliases.contains(&h.as_str())
                    }
            });
            if let Some(j) = found {
                index[i] = Some(j);
                used[j] = true;
            }
        }
    }
    let missing: Vec<&str> = fields
        .iter()
        .zip(&index)
        .filter(|(f, i)| f.required && i.is_none())
        .map(|(f, _)| f.name)
        .collect();
    if !missing.is_empty() {
        return Err(Error::Argument {
            name: "columns".into(),
            message: format!(
                "the {table} input has no column for required field(s) {}; columns are [{}]: rename them or pass a mapping such as {{\"{}\": \"<column>\"}}",
                missing.join(", "),
                headers.join(", "),
                missing[0]
            ),
        });
    }
    for (spec, i) in fields.iter().zip(&index) {
        if let Some(j) = i {
            columns.insert(spec.name.to_owned(), headers[*j].clone());
        }
    }
    let ignored = headers
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(h, _)| h.clone())
        .collect();
    Ok((index, ignored, columns))
}

/// Matches input column names to the fields of `table` (by name, alias or `mapping`), as the
/// loaders do: schema field → input column. Fails when a required field has no column.
///
/// ```
/// let cols = ["Date".to_owned(), "Platform".to_owned(), "ID".to_owned(), "Reactions".to_owned()];
/// let m = smo_core::data::match_columns("posts", &cols, &Default::default())?;
/// assert_eq!(m["likes"], "Reactions");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn match_columns(
    table: &str,
    headers: &[String],
    mapping: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
    let (name, fields) = table_fields(table)?;
    let opts = LoadOptions {
        mapping: mapping.clone(),
        ..Default::default()
    };
    Ok(resolve(name, fields, headers, &opts)?.2)
}

/// [`match_columns`] for a path that reads only the fields in `reads`: the other fields are
/// matched when their column is there, and need none. Grouping posts reads no `post_id`, so a
/// frame of metrics without one is grouped, not refused.
///
/// ```
/// let cols = ["Date".to_owned(), "Platform".to_owned(), "Reach".to_owned()];
/// let m = smo_core::data::match_columns_reading("posts", &cols, &Default::default(), &["published", "network"])?;
/// assert_eq!((m["published"].as_str(), m["reach"].as_str()), ("Date", "Reach"));
/// assert!(smo_core::data::match_columns("posts", &cols, &Default::default()).is_err());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn match_columns_reading(
    table: &str,
    headers: &[String],
    mapping: &BTreeMap<String, String>,
    reads: &[&str],
) -> Result<BTreeMap<String, String>> {
    let (name, fields) = table_fields(table)?;
    let fields: Vec<FieldSpec> = fields
        .iter()
        .map(|f| FieldSpec {
            required: f.required && reads.contains(&f.name),
            ..*f
        })
        .collect();
    let opts = LoadOptions {
        mapping: mapping.clone(),
        ..Default::default()
    };
    Ok(resolve(name, &fields, headers, &opts)?.2)
}

fn table_fields(table: &str) -> Result<(&'static str, &'static [FieldSpec])> {
    Ok(match table {
        "posts" => ("posts", POST_FIELDS),
        "accounts" => ("accounts", ACCOUNT_FIELDS),
        "web" => ("web", WEB_FIELDS),
        "costs" => ("costs", COST_FIELDS),
        other => {
            return Err(Error::Argument {
                name: "table".into(),
                message: format!("`{other}` is not a table: use posts, accounts, web or costs"),
            });
        }
    })
}

fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    let (comma, semi, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab > semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

struct Collector<'o, T> {
    loaded: Loaded<T>,
    opts: &'o LoadOptions,
}

impl<T: Table> Collector<'_, T> {
    fn reject(
        &mut self,
        line: u64,
        record: u64,
        field: Option<String>,
        reason: String,
    ) -> Result<()> {
        if self.opts.strict {
            return Err(Error::Row {
                table: T::NAME.into(),
                line,
                field,
                message: reason,
            });
        }
        self.loaded.rejected.push(Rejected {
            line,
            record,
            field,
            reason,
        });
        Ok(())
    }

    fn row(&mut self, cells: Vec<Option<Cell<'_>>>, line: u64, record: u64) -> Result<()> {
        let cells = RowCells {
            cells,
            fields: T::FIELDS,
            opts: self.opts,
        };
        match T::build(&cells) {
            Ok(row) => {
                self.loaded.rows.push(row);
                Ok(())
            }
            Err((field, reason)) => self.reject(line, record, Some(field), reason),
        }
    }
}

/// Loads a table from CSV text (first line = header).
///
/// Errors only for problems of the whole input (no header, a required column absent, a bad
/// mapping) or, in strict mode, for the first bad row.
pub fn load_csv<T: Table>(text: &str, opts: &LoadOptions) -> Result<Loaded<T>> {
    let delimiter = opts.delimiter.unwrap_or_else(|| sniff_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => {
            return Err(Error::Row {
                table: T::NAME.into(),
                line: 1,
                field: None,
                message: format!("cannot read the CSV header line: {e}"),
            });
        }
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::Row {
            table: T::NAME.into(),
            line: 1,
            field: None,
            message: "the CSV input is empty or has no header line".into(),
        });
    }
    let (index, ignored, columns) = resolve(T::NAME, T::FIELDS, &headers, opts)?;
    let mut c = Collector::<T> {
        loaded: Loaded {
            table: T::NAME,
            rows: Vec::new(),
            rejected: Vec::new(),
            ignored_columns: ignored,
            columns,
        },
        opts,
    };
    let mut record = csv::ByteRecord::new();
    let mut n = 0u64;
    loop {
        let line_before = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                n += 1;
                let line = record.position().map_or(line_before, |p| p.line());
                if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                    c.reject(line, n, None, "empty line".into())?;
                    continue;
                }
                if record.len() != headers.len() {
                    c.reject(
                        line,
                        n,
                        None,
                        format!(
                            "{} cells where the header has {} (check the delimiter `{}` and quoting)",
                            record.len(),
                            headers.len(),
                            delimiter as char
                        ),
                    )?;
                    continue;
                }
                let mut cells = Vec::with_capacity(index.len());
                let mut bad_utf8 = None;
                for (spec, j) in T::FIELDS.iter().zip(&index) {
                    let cell = match j.and_then(|j| record.get(j)) {
                        Some(bytes) => match std::str::from_utf8(bytes) {
                            Ok(s) => Some(Cell::Text(s)),
                            Err(e) => {
                                bad_utf8 = Some((spec.name, e.valid_up_to()));
                                None
                            }
                        },
                        None => None,
                    };
                    cells.push(cell);
                }
                if let Some((field, at)) = bad_utf8 {
                    c.reject(
                        line,
                        n,
                        Some(field.into()),
                        format!(
                            "invalid UTF-8 after byte {at} of the cell: save the file as UTF-8"
                        ),
                    )?;
                    continue;
                }
                c.row(cells, line, n)?;
            }
            Err(e) => {
                n += 1;
                let line = e.position().map_or(line_before + 1, |p| p.line());
                c.reject(line, n, None, format!("unreadable CSV record: {e}"))?;
            }
        }
    }
    Ok(c.loaded)
}

/// Loads a table from JSON text: an array of objects (or `{"rows": [...]}`).
pub fn load_json<T: Table>(text: &str, opts: &LoadOptions) -> Result<Loaded<T>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Parse {
        format: crate::error::Format::Json,
        position: crate::error::Position {
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
            path: None,
        },
        message: e.to_string(),
    })?;
    let lines = record_lines(text);
    load_value(&value, Some(&lines), opts)
}

/// Loads a table from JSON lines (one object a line, as listening exports stream them): a line
/// that is not a JSON object is rejected with its line number and the parser's reason, never
/// dropped; blank lines are skipped.
///
/// ```
/// use smo_core::{data::{load_json_lines, LoadOptions}, listening::Mention};
/// let text = "{\"id\": \"a\", \"text\": \"lin\", \"date\": \"2027-01-04T09:00:00Z\"}\n{oops\n\n{\"id\": \"c\", \"text\": \"drap\"}\n";
/// let l = load_json_lines::<Mention>(text, &LoadOptions::default())?;
/// assert_eq!(l.rows.len(), 1);
/// assert_eq!((l.rejected[0].line, l.rejected[0].record), (2, 2));
/// assert_eq!((l.rejected[1].line, l.rejected[1].field.as_deref()), (4, Some("published")));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn load_json_lines<T: Table>(text: &str, opts: &LoadOptions) -> Result<Loaded<T>> {
    let mut items = Vec::new();
    let mut lines = Vec::new();
    let mut records = Vec::new();
    let mut syntax: Vec<Rejected> = Vec::new();
    let mut record = 0u64;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        record += 1;
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v @ serde_json::Value::Object(_)) => {
                items.push(v);
                lines.push(i as u64 + 1);
                records.push(record);
            }
            Ok(_) => syntax.push(Rejected {
                line: i as u64 + 1,
                record,
                field: None,
                reason: "the line is JSON but not an object".into(),
            }),
            Err(e) => syntax.push(Rejected {
                line: i as u64 + 1,
                record,
                field: None,
                reason: format!("not a JSON object: {e}"),
            }),
        }
    }
    if opts.strict {
        if let Some(r) = syntax.first() {
            return Err(Error::Row {
                table: T::NAME.into(),
                line: r.line,
                field: None,
                message: r.reason.clone(),
            });
        }
    }
    let mut loaded = load_value::<T>(&serde_json::Value::Array(items), Some(&lines), opts)?;
    for r in &mut loaded.rejected {
        if let Some(n) = usize::try_from(r.record)
            .ok()
            .and_then(|k| records.get(k.wrapping_sub(1)))
        {
            r.record = *n;
        }
    }
    loaded.rejected.extend(syntax);
    loaded.rejected.sort_by_key(|r| r.line);
    Ok(loaded)
}

/// Loads a table from a parsed JSON value: an array of objects (records from Python lists of
/// dicts or data frames come this way; their "line" is the 1-based record index).
pub fn load_records<T: Table>(value: &serde_json::Value, opts: &LoadOptions) -> Result<Loaded<T>> {
    load_value(value, None, opts)
}

fn load_value<T: Table>(
    value: &serde_json::Value,
    lines: Option<&[u64]>,
    opts: &LoadOptions,
) -> Result<Loaded<T>> {
    let items = match value {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => match o.get("rows") {
            Some(serde_json::Value::Array(a)) => a,
            _ => {
                return Err(Error::Argument {
                    name: "data".into(),
                    message: "expected an array of objects (or an object with a `rows` array)"
                        .into(),
                });
            }
        },
        _ => {
            return Err(Error::Argument {
                name: "data".into(),
                message: "expected an array of objects, one per row".into(),
            });
        }
    };
    // No record, no columns to check: an empty table (nothing posted yet) is not an error.
    if items.is_empty() {
        return Ok(Loaded {
            table: T::NAME,
            rows: Vec::new(),
            rejected: Vec::new(),
            ignored_columns: Vec::new(),
            columns: Default::default(),
        });
    }
    // Headers: every key of every object, in first-seen order.
    let mut headers: Vec<String> = Vec::new();
    for item in items {
        if let serde_json::Value::Object(o) = item {
            for k in o.keys() {
                if !headers.contains(k) {
                    headers.push(k.clone());
                }
            }
        }
    }
    let (index, ignored, columns) = resolve(T::NAME, T::FIELDS, &headers, opts)?;
    let mut c = Collector::<T> {
        loaded: Loaded {
            table: T::NAME,
            rows: Vec::new(),
            rejected: Vec::new(),
            ignored_columns: ignored,
            columns,
        },
        opts,
    };
    for (i, item) in items.iter().enumerate() {
        let record = i as u64 + 1;
        let line = lines.and_then(|l| l.get(i).copied()).unwrap_or(record);
        let serde_json::Value::Object(o) = item else {
            c.reject(
                line,
                record,
                None,
                format!("expected an object, found {}", kind_of(item)),
            )?;
            continue;
        };
        let mut cells = Vec::with_capacity(index.len());
        let mut bad = None;
        for (spec, j) in T::FIELDS.iter().zip(&index) {
            let v = j.and_then(|j| o.get(&headers[j]));
            let cell = match v {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(s)) => Some(Cell::Text(s.as_str())),
                Some(serde_json::Value::Number(n)) => n.as_f64().map(Cell::Number),
                Some(serde_json::Value::Bool(_)) => {
                    bad = Some((spec.name, "a boolean is not accepted here".to_owned()));
                    None
                }
                Some(other) => {
                    bad = Some((
                        spec.name,
                        format!("{} is not accepted here", kind_of(other)),
                    ));
                    None
                }
            };
            cells.push(cell);
        }
        if let Some((field, reason)) = bad {
            c.reject(line, record, Some(field.into()), reason)?;
            continue;
        }
        c.row(cells, line, record)?;
    }
    Ok(c.loaded)
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Line of each element of the top-level array (or of the `rows` array) of a JSON text.
fn record_lines(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut line = 1u64;
    let mut in_string = false;
    let mut escaped = false;
    // Records sit at depth 1 (top-level array) or depth 2 (inside {"rows": [...]}).
    let record_depth = if text.trim_start().starts_with('{') {
        2
    } else {
        1
    };
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if depth == record_depth {
                    out.push(line);
                }
                depth += 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' | b' ' | b'\t' | b'\r' | b'\n' | b':' => {}
            // A scalar record (an error case): note where it starts once.
            _ if depth == record_depth && out.last() != Some(&line) => out.push(line),
            _ => {}
        }
    }
    out
}

/// Reads a number written in a locale.
///
/// Grouping separators (`,` or `.` opposite the decimal mark, space, no-break space U+00A0,
/// narrow no-break space U+202F, thin space U+2009, apostrophe) must separate groups of three
/// digits, so that `1,5` read with a decimal point is an error, not fifteen.
///
/// ```
/// use smo_core::data::parse_number;
/// assert_eq!(parse_number("1 234,5", true), Ok(1234.5));
/// assert_eq!(parse_number("1\u{202f}234", false), Ok(1234.0));
/// assert_eq!(parse_number("1.234.567,25 €", true), Ok(1234567.25));
/// assert!(parse_number("1,5", false).unwrap_err().contains("decimal comma"));
/// ```
pub fn parse_number(raw: &str, decimal_comma: bool) -> std::result::Result<f64, String> {
    let s = raw
        .trim()
        .trim_matches(|c: char| matches!(c, '€' | '$' | '£' | '¥' | '₣') || c.is_whitespace())
        .trim();
    if s.is_empty() {
        return Err(format!("`{raw}` is not a number"));
    }
    let (neg, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (dec, group_mark) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    let is_sep = |c: char| {
        c == group_mark || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
    };
    // Plain or scientific forms without grouping go straight to the float parser.
    if !body.chars().any(is_sep) {
        let plain = if decimal_comma {
            body.replacen(',', ".", 1)
        } else {
            body.to_owned()
        };
        if plain
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
            && plain.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        {
            if let Ok(v) = plain.parse::<f64>() {
                if v.is_finite() {
                    return Ok(if neg { -v } else { v });
                }
            }
        }
        return Err(format!(
            "`{raw}` is not a number{}",
            if body.matches(dec).count() > 1 {
                " (more than one decimal mark)"
            } else {
                ""
            }
        ));
    }
    let (int_part, frac) = match body.split_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int_part.split(is_sep).collect();
    let ok_groups = !groups.is_empty()
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    let ok_frac = frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if !ok_groups || !ok_frac {
        let hint = if !decimal_comma && body.contains(',') {
            " (if `,` is the decimal mark here, load with decimal comma)"
        } else if decimal_comma && body.contains('.') {
            " (if `.` is the decimal mark here, load without decimal comma)"
        } else {
            ""
        };
        return Err(format!("`{raw}` is not a number{hint}"));
    }
    let mut digits: String = groups.concat();
    if let Some(f) = frac {
        digits.push('.');
        digits.push_str(f);
    }
    let v: f64 = digits
        .parse()
        .map_err(|_| format!("`{raw}` is not a number"))?;
    Ok(if neg { -v } else { v })
}

/// Reads a date-time: the caller's format first, then RFC 3339 / ISO 8601 with an offset, then
/// local ISO forms in `opts.time_zone`, then a bare date (local midnight). Returns the instant and,
/// for a bare date, the date itself.
pub(crate) fn parse_datetime(
    raw: &str,
    opts: &LoadOptions,
) -> std::result::Result<(DateTime<Utc>, Option<NaiveDate>), String> {
    let s = raw.trim();
    let tz = opts.time_zone;
    if let Some(fmt) = &opts.datetime_format {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok((dt.with_timezone(&Utc), None));
        }
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(naive, tz, raw).map(|d| (d, None));
        }
        if let Ok(date) = NaiveDate::parse_from_str(s, fmt) {
            return midnight(date, tz, raw).map(|d| (d, Some(date)));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok((dt.with_timezone(&Utc), None));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok((dt.with_timezone(&Utc), None));
        }
    }
    let s_no_z = s.strip_suffix('Z').or_else(|| s.strip_suffix(" UTC"));
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Some(utc) = s_no_z {
            if let Ok(naive) = NaiveDateTime::parse_from_str(utc, fmt) {
                return Ok((naive.and_utc(), None));
            }
        }
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(naive, tz, raw).map(|d| (d, None));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return midnight(date, tz, raw).map(|d| (d, Some(date)));
    }
    Err(format!(
        "`{raw}` is not a date-time: write `2026-07-01 09:30` (local, in {}), `2026-07-01T09:30:00+02:00` or `2026-07-01`, or pass a datetime_format",
        tz.name()
    ))
}

fn local(naive: NaiveDateTime, tz: Tz, raw: &str) -> std::result::Result<DateTime<Utc>, String> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(dt.with_timezone(&Utc)),
        // A repeated hour (DST ends): the first occurrence, as most exports mean it.
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "`{raw}` does not exist in {} (clocks skip it when daylight saving time starts)",
            tz.name()
        )),
    }
}

fn midnight(date: NaiveDate, tz: Tz, raw: &str) -> std::result::Result<DateTime<Utc>, String> {
    let naive = date
        .and_hms_opt(0, 0, 0)
        .ok_or_else(|| format!("`{raw}`: bad date"))?;
    match tz.from_local_datetime(&naive) {
        LocalResult::None => {
            // Some zones skip midnight: the day starts at 01:00.
            let one = date
                .and_hms_opt(1, 0, 0)
                .ok_or_else(|| format!("`{raw}`: bad date"))?;
            local(one, tz, raw)
        }
        _ => local(naive, tz, raw),
    }
}

/// Parses an IANA time zone name (`Europe/Paris`) with a helpful error.
///
/// ```
/// assert!(smo_core::data::time_zone("Europe/Paris").is_ok());
/// assert!(smo_core::data::time_zone("Paris").is_err());
/// ```
pub fn time_zone(name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| Error::Argument {
        name: "time_zone".into(),
        message: format!("`{name}` is not an IANA time zone: write e.g. `Europe/Paris` or `UTC`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> LoadOptions {
        LoadOptions::default()
    }

    #[test]
    fn numbers_in_locales() {
        assert_eq!(parse_number("1,234.5", false), Ok(1234.5));
        assert_eq!(parse_number("1 234,5", true), Ok(1234.5));
        assert_eq!(parse_number("1\u{a0}234\u{a0}567", true), Ok(1234567.0));
        assert_eq!(parse_number("1.234,5", true), Ok(1234.5));
        assert_eq!(parse_number("1'234.5", false), Ok(1234.5));
        assert_eq!(parse_number("12,5", true), Ok(12.5));
        assert_eq!(parse_number("-3", false), Ok(-3.0));
        assert_eq!(parse_number("1e3", false), Ok(1000.0));
        assert!(parse_number("1,5", false).is_err());
        assert!(parse_number("1 23", true).is_err());
        assert!(parse_number("abc", true).is_err());
        assert!(parse_number("1.2.3", false).is_err());
        assert!(parse_number("inf", false).is_err());
    }

    #[test]
    fn csv_rows_are_read_or_rejected_with_line_and_reason() {
        let csv = "published,network,post_id,likes,extra\n\
                   2026-07-01T10:00:00Z,instagram,a,10,x\n\
                   2026-07-01T10:00:00Z,myspace,b,10,x\n\
                   not a date,instagram,c,10,x\n\
                   2026-07-01T10:00:00Z,instagram,d,-1,x\n\
                   2026-07-01T10:00:00Z,instagram\n\
                   \n\
                   2026-07-01T10:00:00Z,instagram,e,,x\n";
        let l = load_csv::<PostRow>(csv, &opts()).unwrap();
        assert_eq!(l.rows.len(), 2);
        assert_eq!(l.rows[1].likes, None);
        assert_eq!(l.ignored_columns, vec!["extra"]);
        let lines: Vec<u64> = l.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6]);
        assert_eq!(l.rejected[0].field.as_deref(), Some("network"));
        assert!(l.rejected[3].reason.contains("2 cells"));
        // The blank line is skipped by the CSV reader as it carries no record.
        assert_eq!(l.total(), 6);
    }

    #[test]
    fn strict_mode_stops_at_first_error() {
        let csv = "published,network,post_id\n2026-07-01,instagram,a\n2026-07-01,nope,b\n";
        let o = LoadOptions {
            strict: true,
            ..opts()
        };
        let err = load_csv::<PostRow>(csv, &o).unwrap_err();
        assert!(matches!(err, Error::Row { line: 3, .. }), "{err}");
        assert!(err.to_string().contains("line 3, field `network`"), "{err}");
    }

    #[test]
    fn missing_required_column_is_a_call_error_with_mapping_hint() {
        let err = load_csv::<PostRow>("when,network,post_id\n", &opts()).unwrap_err();
        assert!(err.to_string().contains("published"), "{err}");
        let mut o = opts();
        o.mapping.insert("published".into(), "when".into());
        let l = load_csv::<PostRow>("when,network,post_id\n2026-07-01,x,1\n", &o).unwrap();
        assert_eq!(l.rows.len(), 1);
        let mut o = opts();
        o.mapping.insert("publshed".into(), "when".into());
        let err = load_csv::<PostRow>("when\n", &o).unwrap_err();
        assert!(
            err.to_string().contains("did you mean `published`"),
            "{err}"
        );
    }

    #[test]
    fn time_zones_and_dst() {
        let mut o = opts();
        o.time_zone = time_zone("Europe/Paris").unwrap();
        let csv = "published,network,post_id\n\
                   2026-03-29 02:30,x,gap\n\
                   2026-10-25 02:30,x,ambiguous\n\
                   2026-01-15 12:00,x,winter\n\
                   2026-07-15T12:00:00-04:00,x,offset\n";
        let l = load_csv::<PostRow>(csv, &o).unwrap();
        assert_eq!(l.rejected.len(), 1);
        assert!(l.rejected[0].reason.contains("daylight"));
        assert_eq!(
            l.rows[0].published.to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        assert_eq!(
            l.rows[1].published.to_rfc3339(),
            "2026-01-15T11:00:00+00:00"
        );
        assert_eq!(
            l.rows[2].published.to_rfc3339(),
            "2026-07-15T16:00:00+00:00"
        );
    }

    #[test]
    fn json_records_report_their_line() {
        let json = "[\n {\"date\": \"2026-07-01\", \"source\": \"ig\", \"medium\": \"social\", \"sessions\": 5},\n {\"date\": \"2026-07-02\", \"source\": \"ig\", \"medium\": \"social\", \"sessions\": 1.5},\n 3\n]";
        let l = load_json::<WebRow>(json, &opts()).unwrap();
        assert_eq!(l.rows.len(), 1);
        assert_eq!(l.rejected[0].line, 3);
        assert_eq!(l.rejected[0].field.as_deref(), Some("sessions"));
        assert_eq!(l.rejected[1].line, 4);
        assert_eq!(l.rejected[1].record, 3);
    }

    #[test]
    fn semicolon_and_aliases() {
        let csv = "Date;Network;Followers;New followers\n2026-07-01;Instagram;12 000;35\n";
        let mut o = opts();
        o.decimal_comma = true;
        let l = load_csv::<AccountRow>(csv, &o).unwrap();
        assert_eq!(l.rows[0].followers, Some(12000));
        assert_eq!(l.rows[0].follows, Some(35));
    }

    #[test]
    fn bounces_cannot_exceed_sessions() {
        let csv = "date,source,medium,sessions,bounces\n2026-07-01,a,b,3,4\n";
        let l = load_csv::<WebRow>(csv, &opts()).unwrap();
        assert_eq!(l.rejected[0].field.as_deref(), Some("bounces"));
    }
}
