//! Metrics: the raw numbers an analyst has (per post, per account, per site visit).
//!
//! KPIs ([`crate::kpi`]) are computed from metrics. Whether a network's own analytics report a
//! metric is a fact of the network table ([`crate::network`]); web-analytics, cost and listening
//! metrics come from the site's analytics, the budget and the listening tool, whatever the network.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// Where a metric comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricOrigin {
    /// The network's own analytics for the brand's account (availability differs by network).
    Network,
    /// The site's web analytics (UTM-tagged visits): available whatever the network.
    Web,
    /// The brand's costs and budgets.
    Cost,
    /// A listening tool or export of mentions.
    Listening,
}

macro_rules! metrics {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $origin:ident; )*) => {
        /// A raw metric.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Metric { $( $(#[$doc])* $variant, )* }

        impl Metric {
            /// Every metric, in declaration order.
            pub const ALL: &'static [Metric] = &[$(Metric::$variant,)*];

            /// The id used in files, data columns and bindings.
            pub fn as_str(self) -> &'static str {
                match self { $(Metric::$variant => $id,)* }
            }

            /// Where the metric comes from.
            pub fn origin(self) -> MetricOrigin {
                match self { $(Metric::$variant => MetricOrigin::$origin,)* }
            }
        }
    };
}

metrics! {
    /// Times content was displayed (Meta now reports "views" for this).
    Impressions = "impressions", Network;
    /// Unique accounts that saw the content.
    Reach = "reach", Network;
    /// Views of a post as the network counts them (plays for video, displays for Meta since 2025).
    Views = "views", Network;
    /// Likes, reactions, favourites, upvotes.
    Likes = "likes", Network;
    /// Comments and replies.
    Comments = "comments", Network;
    /// Shares, reposts, boosts, forwards.
    Shares = "shares", Network;
    /// Saves and bookmarks.
    Saves = "saves", Network;
    /// Link clicks.
    Clicks = "clicks", Network;
    /// Video views (network-defined threshold).
    VideoViews = "video_views", Network;
    /// Followers or subscribers of the account.
    Followers = "followers", Network;
    /// Visits to the account's profile.
    ProfileVisits = "profile_visits", Network;
    /// Sessions (visits) on the site.
    Sessions = "sessions", Web;
    /// Unique visitors of the site.
    Visitors = "visitors", Web;
    /// Page views on the site.
    PageViews = "page_views", Web;
    /// Single-page sessions.
    Bounces = "bounces", Web;
    /// Conversions (goals, orders).
    Conversions = "conversions", Web;
    /// Revenue attributed to sessions.
    Revenue = "revenue", Web;
    /// Money spent (ads, tools, time).
    Cost = "cost", Cost;
    /// Mentions of the brand or a competitor.
    Mentions = "mentions", Listening;
    /// Responses by the brand to inbound messages.
    Responses = "responses", Listening;
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Metric {
    type Err = Error;

    /// ```
    /// assert_eq!("video_views".parse::<smo_core::Metric>().unwrap(), smo_core::Metric::VideoViews);
    /// ```
    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase();
        Metric::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == key)
            .ok_or_else(|| Error::Argument {
                name: "metric".into(),
                message: format!(
                    "`{s}` is not a metric: use one of {}",
                    Metric::ALL
                        .iter()
                        .map(|m| m.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}
