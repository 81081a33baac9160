//! The row types of the four measurement tables, and the [`Dataset`] that holds them.
//!
//! A missing value is `None`, never 0 ("zero ≠ missing"). Each row's [`Table`] impl sits beside
//! its struct, so a new field touches its struct, its build line here and its schema row.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{
    ACCOUNT_FIELDS, COST_FIELDS, FieldResult, FieldSpec, LoadOptions, POST_FIELDS, Rejected,
    RowCells, Table, WEB_FIELDS, load_csv,
};
use crate::content::ContentType;
use crate::error::Result;
use crate::network::Network;

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
                "../../../docs/examples/maison-lune/data/posts.csv"
            )),
            accounts: Some(include_str!(
                "../../../docs/examples/maison-lune/data/accounts.csv"
            )),
            web: Some(include_str!(
                "../../../docs/examples/maison-lune/data/web.csv"
            )),
            costs: Some(include_str!(
                "../../../docs/examples/maison-lune/data/costs.csv"
            )),
        };
        Ok(Dataset::from_csv(inputs, &opts)?.0)
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
