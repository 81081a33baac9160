//! The KPI catalogue: which KPIs smo knows, their unit, direction and the metrics they need.
//!
//! Strategy objectives name a KPI by id (`engagement_rate`). The foundation uses this table to
//! check that an objective's KPI can be measured on its networks: each KPI lists its needs as
//! groups of alternative metrics (all groups must be met, each by any one of its metrics), so
//! that an engagement rate is measurable on X from impressions even though X reports no reach.
//! Definitions follow `measurement.md` (Kaushik 2011 for applause, amplification and
//! conversation rates; GA4 for web metrics).
//!
//! The computations live in the sub-modules: [`formula`] (named, versioned formulas with their
//! parameters), [`group`] (by network, content type, pillar, campaign and period) and
//! [`objective`] (progress, forecast and status of a strategy's objectives).

pub mod formula;
pub mod group;
pub mod objective;

use serde::{Deserialize, Serialize};

use crate::Network;
use crate::metric::{Metric, MetricOrigin};

/// The unit of a KPI's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count.
    Count,
    /// A percentage (0–100).
    Percent,
    /// An amount of money, in the data's currency.
    Currency,
    /// A duration in seconds.
    Seconds,
    /// A plain ratio or score.
    Ratio,
}

/// Whether larger values of a KPI are better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (reach, engagement rate).
    Increase,
    /// Less is better (cost per click, bounce rate, response time).
    Decrease,
}

/// One KPI of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KpiDef {
    /// Stable id used in strategies and data.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Unit of the value.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// Needed metrics: every group must be met by at least one of its metrics.
    pub needs: &'static [&'static [Metric]],
    /// Where the definition comes from.
    pub source: &'static str,
}

use Metric as M;

const KAUSHIK: &str = "https://www.kaushik.net/avinash/best-social-media-metrics-conversation-amplification-applause-economic-value/";
const GA4: &str = "https://support.google.com/analytics/answer/12195621";
const INTERACTIONS: &[Metric] = &[M::Likes, M::Comments, M::Shares, M::Saves];

/// The catalogue, one row per KPI.
pub static KPIS: &[KpiDef] = &[
    KpiDef {
        id: "reach",
        name: "Reach",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Reach]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "impressions",
        name: "Impressions",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Impressions, M::Views]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "followers",
        name: "Followers",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Followers]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "follower_growth_rate",
        name: "Follower growth rate",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Followers]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "engagement_rate",
        name: "Engagement rate",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[
            &[M::Reach, M::Impressions, M::Views, M::Followers],
            INTERACTIONS,
        ],
        source: "measurement.md §1.1",
    },
    KpiDef {
        id: "applause_rate",
        name: "Applause rate",
        unit: Unit::Ratio,
        direction: Direction::Increase,
        needs: &[&[M::Likes]],
        source: KAUSHIK,
    },
    KpiDef {
        id: "amplification_rate",
        name: "Amplification rate",
        unit: Unit::Ratio,
        direction: Direction::Increase,
        needs: &[&[M::Shares]],
        source: KAUSHIK,
    },
    KpiDef {
        id: "conversation_rate",
        name: "Conversation rate",
        unit: Unit::Ratio,
        direction: Direction::Increase,
        needs: &[&[M::Comments]],
        source: KAUSHIK,
    },
    KpiDef {
        id: "virality_rate",
        name: "Virality rate",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Shares], &[M::Reach, M::Impressions, M::Views]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "click_through_rate",
        name: "Click-through rate",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Clicks], &[M::Impressions, M::Views, M::Reach]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "video_views",
        name: "Video views",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::VideoViews, M::Views]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "profile_visits",
        name: "Profile visits",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::ProfileVisits]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "cpm",
        name: "Cost per thousand impressions",
        unit: Unit::Currency,
        direction: Direction::Decrease,
        needs: &[&[M::Cost], &[M::Impressions, M::Views]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "cpc",
        name: "Cost per click",
        unit: Unit::Currency,
        direction: Direction::Decrease,
        needs: &[&[M::Cost], &[M::Clicks]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "cost_per_engagement",
        name: "Cost per engagement",
        unit: Unit::Currency,
        direction: Direction::Decrease,
        needs: &[&[M::Cost], INTERACTIONS],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "social_sessions",
        name: "Sessions from social",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Sessions]],
        source: GA4,
    },
    KpiDef {
        id: "conversion_rate",
        name: "Conversion rate",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Sessions], &[M::Conversions]],
        source: GA4,
    },
    KpiDef {
        id: "conversions",
        name: "Conversions",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Conversions]],
        source: GA4,
    },
    KpiDef {
        id: "bounce_rate",
        name: "Bounce rate",
        unit: Unit::Percent,
        direction: Direction::Decrease,
        needs: &[&[M::Sessions], &[M::Bounces]],
        source: GA4,
    },
    KpiDef {
        id: "revenue",
        name: "Revenue from social",
        unit: Unit::Currency,
        direction: Direction::Increase,
        needs: &[&[M::Revenue]],
        source: GA4,
    },
    KpiDef {
        id: "roi",
        name: "Return on investment",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Revenue], &[M::Cost]],
        source: "measurement.md §1.3",
    },
    KpiDef {
        id: "share_of_voice",
        name: "Share of voice",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Mentions]],
        source: "measurement.md §7.4",
    },
    KpiDef {
        id: "mentions",
        name: "Mentions",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Mentions]],
        source: "measurement.md §7.4",
    },
    KpiDef {
        id: "net_sentiment",
        name: "Net sentiment",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Mentions]],
        source: "measurement.md §1.4",
    },
    KpiDef {
        id: "response_rate",
        name: "Response rate",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Comments], &[M::Responses]],
        source: "measurement.md §1.5",
    },
    KpiDef {
        id: "response_time",
        name: "Response time",
        unit: Unit::Seconds,
        direction: Direction::Decrease,
        needs: &[&[M::Comments], &[M::Responses]],
        source: "measurement.md §1.5",
    },
    KpiDef {
        id: "applause_rate_followers",
        name: "Applause rate (% of followers)",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Likes], &[M::Followers]],
        source: "https://hsmaiacademy.org/glossary/applause-rate/",
    },
    KpiDef {
        id: "amplification_rate_followers",
        name: "Amplification rate (% of followers)",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Shares], &[M::Followers]],
        source: "https://academy.hsmai.org/glossary/amplification-rate/",
    },
    KpiDef {
        id: "conversation_rate_followers",
        name: "Conversation rate (% of followers)",
        unit: Unit::Percent,
        direction: Direction::Increase,
        needs: &[&[M::Comments], &[M::Followers]],
        source: "https://truesocialmetrics.com/university/metric-introduction",
    },
    KpiDef {
        id: "posts",
        name: "Posts",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[],
        source: "smo",
    },
    KpiDef {
        id: "engagements",
        name: "Engagements",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[INTERACTIONS],
        source: "measurement.md §1.1",
    },
    KpiDef {
        id: "sessions",
        name: "Sessions",
        unit: Unit::Count,
        direction: Direction::Increase,
        needs: &[&[M::Sessions]],
        source: GA4,
    },
    KpiDef {
        id: "roas",
        name: "Return on ad spend",
        unit: Unit::Ratio,
        direction: Direction::Increase,
        needs: &[&[M::Revenue], &[M::Cost]],
        source: "measurement.md §1.3",
    },
];

/// The catalogue row of `id` (case-insensitive), if smo knows it.
///
/// ```
/// let er = smo_core::kpi::find("Engagement_Rate").unwrap();
/// assert_eq!(er.unit, smo_core::kpi::Unit::Percent);
/// assert!(smo_core::kpi::find("vibes").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static KpiDef> {
    let id = id.trim();
    KPIS.iter().find(|k| k.id.eq_ignore_ascii_case(id))
}

impl KpiDef {
    /// Whether this KPI can be measured for a channel on `network`: each need is met by a metric
    /// that the network's analytics report, or that comes from the site, costs or listening.
    ///
    /// ```
    /// use smo_core::{Network, kpi};
    /// let reach = kpi::find("reach").unwrap();
    /// assert!(reach.measurable_on(Network::Instagram));
    /// assert!(!reach.measurable_on(Network::Mastodon)); // no analytics of its own
    /// ```
    pub fn measurable_on(&self, network: Network) -> bool {
        let metrics = network.info().metrics.value;
        self.needs.iter().all(|group| {
            group
                .iter()
                .any(|m| m.origin() != MetricOrigin::Network || metrics.contains(m))
        })
    }

    /// The needs not met on `network`, as groups of alternative metric ids, for messages.
    pub fn missing_on(&self, network: Network) -> Vec<&'static [Metric]> {
        let metrics = network.info().metrics.value;
        self.needs
            .iter()
            .filter(|group| {
                !group
                    .iter()
                    .any(|m| m.origin() != MetricOrigin::Network || metrics.contains(m))
            })
            .copied()
            .collect()
    }
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A value in its unit, for reports: `5.50 %`, `1,234`, `0.45`, `125 s`, `80.0`.
///
/// ```
/// use smo_core::kpi::{format_value, Unit};
/// assert_eq!(format_value(5.5, Unit::Percent), "5.50 %");
/// assert_eq!(format_value(12345.0, Unit::Count), "12,345");
/// assert_eq!(format_value(-38935.014, Unit::Currency), "-38,935.01");
/// ```
pub fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{v:.2} %"),
        Unit::Count => group_thousands(&format!("{:.0}", v)),
        Unit::Currency => group_thousands(&format!("{v:.2}")),
        Unit::Seconds => format!("{v:.0} s"),
        Unit::Ratio => format!("{v:.2}"),
    }
}
