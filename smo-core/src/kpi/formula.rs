//! Named, versioned KPI formulas with explicit parameters.
//!
//! "No KPI has one definition" (measurement.md §0): the same LinkedIn data gives an engagement
//! rate of 2 %, 3.85 % or 6.5 % by its denominator alone. So a KPI here is a [`Formula`]: an id,
//! a version and every parameter that changes the number, written as a spec string such as
//! `engagement_rate@v1?basis=impressions&actions=likes+comments+shares+saves+clicks&aggregation=ratio`.
//! [`Formula::canonical`] prints the spec with every default spelled out, and reports always show
//! it. Parameters not given take the documented defaults of [`FORMULAS`].
//!
//! Units: percentages are 0–100 (as in strategies: `baseline = 2.1` means 2.1 %); Kaushik rates
//! are counts per post; costs are in the data's currency. A zero or missing denominator gives
//! *undefined* (`None`), never 0. Sources are in each row of [`FORMULAS`].
//!
//! ```
//! use smo_core::kpi::formula::Formula;
//! use smo_core::data::PostRow;
//!
//! # let mut post: PostRow = serde_json::from_str(r#"{"published":"2026-07-01T10:00:00Z","network":"instagram","post_id":"g",
//! #   "content_type":null,"pillar":null,"campaign":null,"impressions":3000,"reach":2000,"views":null,"likes":80,"comments":15,
//! #   "shares":5,"saves":10,"clicks":40,"video_views":null,"follows":null,"followers":10000,"cost":null}"#).unwrap();
//! // measurement.md §1.6, the golden post: E = 110, R = 2,000.
//! let er = Formula::parse("engagement_rate")?;
//! assert_eq!(er.canonical(), "engagement_rate@v1?basis=reach&actions=likes+comments+shares+saves&aggregation=mean");
//! assert_eq!(er.evaluate_posts(&[post.clone()]).value, Some(5.5));
//! let er = Formula::parse("engagement_rate?basis=impressions&actions=likes+comments+shares+saves+clicks")?;
//! assert_eq!(er.evaluate_posts(&[post]).value, Some(5.0));
//! # Ok::<(), smo_core::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::data::{AccountRow, Dataset, PostRow, WebRow};
use crate::error::{Error, Result, closest};
use crate::kpi::{Direction, Unit};

/// A post metric a formula reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostField {
    /// Impressions.
    Impressions,
    /// Reach.
    Reach,
    /// Views.
    Views,
    /// Likes or reactions.
    Likes,
    /// Comments.
    Comments,
    /// Shares.
    Shares,
    /// Saves.
    Saves,
    /// Clicks.
    Clicks,
    /// Video views.
    VideoViews,
    /// Follows from the post.
    Follows,
    /// Followers at post time.
    Followers,
    /// Paid spend.
    Cost,
}

impl PostField {
    /// The field's id (its name in the `posts` schema).
    pub fn as_str(self) -> &'static str {
        match self {
            PostField::Impressions => "impressions",
            PostField::Reach => "reach",
            PostField::Views => "views",
            PostField::Likes => "likes",
            PostField::Comments => "comments",
            PostField::Shares => "shares",
            PostField::Saves => "saves",
            PostField::Clicks => "clicks",
            PostField::VideoViews => "video_views",
            PostField::Follows => "follows",
            PostField::Followers => "followers",
            PostField::Cost => "cost",
        }
    }

    /// Every field, in declaration order (the order of `PostField as usize`).
    pub const ALL: [PostField; 12] = [
        PostField::Impressions,
        PostField::Reach,
        PostField::Views,
        PostField::Likes,
        PostField::Comments,
        PostField::Shares,
        PostField::Saves,
        PostField::Clicks,
        PostField::VideoViews,
        PostField::Follows,
        PostField::Followers,
        PostField::Cost,
    ];

    fn parse(s: &str) -> Option<PostField> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "reactions" => "likes",
            "reposts" => "shares",
            "replies" => "comments",
            other => other,
        };
        PostField::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The value of this field in `post`, as a number.
    #[inline]
    pub fn get(self, post: &PostRow) -> Option<f64> {
        let c = |v: Option<u64>| v.map(|v| v as f64);
        match self {
            PostField::Impressions => c(post.impressions),
            PostField::Reach => c(post.reach),
            PostField::Views => c(post.views),
            PostField::Likes => c(post.likes),
            PostField::Comments => c(post.comments),
            PostField::Shares => c(post.shares),
            PostField::Saves => c(post.saves),
            PostField::Clicks => c(post.clicks),
            PostField::VideoViews => c(post.video_views),
            PostField::Follows => c(post.follows),
            PostField::Followers => c(post.followers),
            PostField::Cost => post.cost,
        }
    }
}

/// How per-post values become one value for a set of posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Σ numerator (counts).
    Sum,
    /// Mean of the per-post rates (Hootsuite, NapoleonCat). Posts whose rate is undefined are
    /// left out and counted.
    Mean,
    /// Σ numerator / Σ denominator (Rival IQ). Posts missing either side are left out.
    Ratio,
}

impl Aggregation {
    /// The parameter value: `sum`, `mean` or `ratio`.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::Mean => "mean",
            Aggregation::Ratio => "ratio",
        }
    }
}

/// The table a formula reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// Post metrics.
    Posts,
    /// Account metrics per day.
    Accounts,
    /// Web analytics.
    Web,
    /// Web analytics and costs.
    WebAndCosts,
}

/// A parameter a formula accepts, with its allowed values and default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Param {
    /// Name (`basis`).
    pub name: &'static str,
    /// Allowed values; `*` stands for a `+`-separated list of post fields.
    pub values: &'static [&'static str],
    /// Default value.
    pub default: &'static str,
}

/// One row of the formula catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FormulaDef {
    /// KPI id (also in [`crate::kpi::KPIS`]).
    pub id: &'static str,
    /// Current version; a change of definition gets a new version, never a silent edit.
    pub version: u32,
    /// The formula in words, with its default parameters.
    pub formula: &'static str,
    /// Unit of the value.
    pub unit: Unit,
    /// Table read.
    pub table: Table,
    /// Parameters.
    pub params: &'static [Param],
    /// Where the definition comes from.
    pub source: &'static str,
}

const ACTIONS: &str = "likes+comments+shares+saves";
const AGG_MEAN: Param = Param {
    name: "aggregation",
    values: &["mean", "ratio"],
    default: "mean",
};
const AGG_RATIO: Param = Param {
    name: "aggregation",
    values: &["ratio", "mean"],
    default: "ratio",
};
const HOOTSUITE_ER: &str =
    "https://blog.hootsuite.com/calculate-engagement-rate/ (measurement.md §1.1)";
const KAUSHIK: &str = "https://www.kaushik.net/avinash/best-social-media-metrics-conversation-amplification-applause-economic-value/";
const HSMAI: &str = "https://hsmaiacademy.org/glossary/applause-rate/; https://blog.hootsuite.com/social-media-metrics/ (measurement.md §1.2)";
const RATE_METRICS: &str = "https://developers.google.com/google-ads/api/reference/rpc/v23/RateMetrics (measurement.md §1.3)";
const GA4_BOUNCE: &str = "https://support.google.com/analytics/answer/12798876";

/// The formula catalogue.
pub static FORMULAS: &[FormulaDef] = &[
    FormulaDef {
        id: "posts",
        version: 1,
        formula: "number of posts",
        unit: Unit::Count,
        table: Table::Posts,
        params: &[],
        source: "smo",
    },
    FormulaDef {
        id: "reach",
        version: 1,
        formula: "Σ post reach (not de-duplicated across posts)",
        unit: Unit::Count,
        table: Table::Posts,
        params: &[],
        source: "measurement.md §1.3",
    },
    FormulaDef {
        id: "impressions",
        version: 1,
        formula: "Σ post impressions",
        unit: Unit::Count,
        table: Table::Posts,
        params: &[],
        source: "measurement.md §1.3",
    },
    FormulaDef {
        id: "video_views",
        version: 1,
        formula: "Σ video views",
        unit: Unit::Count,
        table: Table::Posts,
        params: &[],
        source: "measurement.md §1.3",
    },
    FormulaDef {
        id: "engagements",
        version: 1,
        formula: "Σ actions (default likes+comments+shares+saves)",
        unit: Unit::Count,
        table: Table::Posts,
        params: &[Param {
            name: "actions",
            values: &["*"],
            default: ACTIONS,
        }],
        source: HOOTSUITE_ER,
    },
    FormulaDef {
        id: "engagement_rate",
        version: 1,
        formula: "actions / basis × 100 per post, then mean of post rates (or Σactions/Σbasis)",
        unit: Unit::Percent,
        table: Table::Posts,
        params: &[
            Param {
                name: "basis",
                values: &["reach", "impressions", "followers", "views"],
                default: "reach",
            },
            Param {
                name: "actions",
                values: &["*"],
                default: ACTIONS,
            },
            AGG_MEAN,
        ],
        source: HOOTSUITE_ER,
    },
    FormulaDef {
        id: "applause_rate",
        version: 1,
        formula: "likes per post (Kaushik)",
        unit: Unit::Ratio,
        table: Table::Posts,
        params: &[],
        source: KAUSHIK,
    },
    FormulaDef {
        id: "amplification_rate",
        version: 1,
        formula: "shares per post (Kaushik)",
        unit: Unit::Ratio,
        table: Table::Posts,
        params: &[],
        source: KAUSHIK,
    },
    FormulaDef {
        id: "conversation_rate",
        version: 1,
        formula: "comments per post (Kaushik)",
        unit: Unit::Ratio,
        table: Table::Posts,
        params: &[],
        source: KAUSHIK,
    },
    FormulaDef {
        id: "applause_rate_followers",
        version: 1,
        formula: "likes / followers at post time × 100",
        unit: Unit::Percent,
        table: Table::Posts,
        params: &[AGG_MEAN],
        source: HSMAI,
    },
    FormulaDef {
        id: "amplification_rate_followers",
        version: 1,
        formula: "shares / followers at post time × 100",
        unit: Unit::Percent,
        table: Table::Posts,
        params: &[AGG_MEAN],
        source: HSMAI,
    },
    FormulaDef {
        id: "conversation_rate_followers",
        version: 1,
        formula: "comments / followers at post time × 100",
        unit: Unit::Percent,
        table: Table::Posts,
        params: &[AGG_MEAN],
        source: "https://truesocialmetrics.com/university/metric-introduction",
    },
    FormulaDef {
        id: "virality_rate",
        version: 1,
        formula: "shares / impressions × 100 (or reach)",
        unit: Unit::Percent,
        table: Table::Posts,
        params: &[
            Param {
                name: "basis",
                values: &["impressions", "reach"],
                default: "impressions",
            },
            AGG_MEAN,
        ],
        source: "https://bizway.io/kpi/virality-rate (measurement.md §1.3)",
    },
    FormulaDef {
        id: "click_through_rate",
        version: 1,
        formula: "clicks / impressions × 100",
        unit: Unit::Percent,
        table: Table::Posts,
        params: &[
            Param {
                name: "basis",
                values: &["impressions", "reach"],
                default: "impressions",
            },
            AGG_RATIO,
        ],
        source: RATE_METRICS,
    },
    FormulaDef {
        id: "cpm",
        version: 1,
        formula: "Σ cost / Σ impressions × 1000",
        unit: Unit::Currency,
        table: Table::Posts,
        params: &[],
        source: RATE_METRICS,
    },
    FormulaDef {
        id: "cpc",
        version: 1,
        formula: "Σ cost / Σ clicks",
        unit: Unit::Currency,
        table: Table::Posts,
        params: &[],
        source: RATE_METRICS,
    },
    FormulaDef {
        id: "cost_per_engagement",
        version: 1,
        formula: "Σ cost / Σ actions",
        unit: Unit::Currency,
        table: Table::Posts,
        params: &[Param {
            name: "actions",
            values: &["*"],
            default: ACTIONS,
        }],
        source: RATE_METRICS,
    },
    FormulaDef {
        id: "followers",
        version: 1,
        formula: "followers on the last day (summed over networks)",
        unit: Unit::Count,
        table: Table::Accounts,
        params: &[],
        source: "measurement.md §1.3",
    },
    FormulaDef {
        id: "follower_growth_rate",
        version: 1,
        formula: "(followers at end − at start) / followers at start × 100; gross: Σ new follows / start",
        unit: Unit::Percent,
        table: Table::Accounts,
        params: &[Param {
            name: "mode",
            values: &["net", "gross"],
            default: "net",
        }],
        source: "https://shno.co/startup-metrics (measurement.md §1.3)",
    },
    FormulaDef {
        id: "profile_visits",
        version: 1,
        formula: "Σ profile visits",
        unit: Unit::Count,
        table: Table::Accounts,
        params: &[],
        source: "measurement.md §1.3",
    },
    FormulaDef {
        id: "mentions",
        version: 1,
        formula: "Σ brand mentions",
        unit: Unit::Count,
        table: Table::Accounts,
        params: &[],
        source: "measurement.md §7.4",
    },
    FormulaDef {
        id: "share_of_voice",
        version: 1,
        formula: "brand mentions / (brand + competitor mentions) × 100",
        unit: Unit::Percent,
        table: Table::Accounts,
        params: &[],
        source: "https://blog.hootsuite.com/social-media-metrics/ (measurement.md §1.3, §7.4)",
    },
    FormulaDef {
        id: "net_sentiment",
        version: 1,
        formula: "polar: (P−N)/(P+N) × 100; all: (P−N)/(P+N+neutral) × 100",
        unit: Unit::Percent,
        table: Table::Accounts,
        params: &[Param {
            name: "mode",
            values: &["polar", "all"],
            default: "polar",
        }],
        source: "https://developer.talkwalker.com/guides/use-histogram-api/sentiment (measurement.md §1.4)",
    },
    FormulaDef {
        id: "response_rate",
        version: 1,
        formula: "Σ responses / Σ messages × 100",
        unit: Unit::Percent,
        table: Table::Accounts,
        params: &[],
        source: "measurement.md §1.5",
    },
    FormulaDef {
        id: "response_time",
        version: 1,
        formula: "median (or mean) of the daily median first-response times, seconds",
        unit: Unit::Seconds,
        table: Table::Accounts,
        params: &[Param {
            name: "method",
            values: &["median", "mean", "fastest_share"],
            default: "median",
        }],
        source: "https://sproutsocial.com/insights/first-response-time (measurement.md §1.5)",
    },
    FormulaDef {
        id: "sessions",
        version: 1,
        formula: "Σ sessions",
        unit: Unit::Count,
        table: Table::Web,
        params: &[],
        source: "https://support.google.com/analytics/answer/12195621",
    },
    FormulaDef {
        id: "social_sessions",
        version: 1,
        formula: "Σ sessions whose channel group is Organic Social or Paid Social (GA4 model)",
        unit: Unit::Count,
        table: Table::Web,
        params: &[],
        source: "https://support.google.com/analytics/answer/9756891 (measurement.md §3)",
    },
    FormulaDef {
        id: "conversions",
        version: 1,
        formula: "Σ conversions (key events)",
        unit: Unit::Count,
        table: Table::Web,
        params: &[],
        source: "https://support.google.com/analytics/answer/12195621",
    },
    FormulaDef {
        id: "revenue",
        version: 1,
        formula: "Σ revenue",
        unit: Unit::Currency,
        table: Table::Web,
        params: &[],
        source: "https://support.google.com/analytics/answer/12195621",
    },
    FormulaDef {
        id: "conversion_rate",
        version: 1,
        formula: "Σ conversions / Σ sessions × 100 (GA4 session key event rate)",
        unit: Unit::Percent,
        table: Table::Web,
        params: &[],
        source: "measurement.md §1.3",
    },
    FormulaDef {
        id: "bounce_rate",
        version: 1,
        formula: "Σ bounces / Σ sessions × 100 (GA4: sessions not engaged)",
        unit: Unit::Percent,
        table: Table::Web,
        params: &[],
        source: GA4_BOUNCE,
    },
    FormulaDef {
        id: "roi",
        version: 1,
        formula: "(Σ revenue − Σ cost) / Σ cost × 100",
        unit: Unit::Percent,
        table: Table::WebAndCosts,
        params: &[],
        source: "https://blog.hootsuite.com/social-media-roi/ (measurement.md §1.3)",
    },
    FormulaDef {
        id: "roas",
        version: 1,
        formula: "Σ revenue / Σ ad cost",
        unit: Unit::Ratio,
        table: Table::WebAndCosts,
        params: &[],
        source: "measurement.md §1.3",
    },
];

/// The catalogue row of `id`.
pub fn def(id: &str) -> Option<&'static FormulaDef> {
    FORMULAS
        .iter()
        .find(|d| d.id.eq_ignore_ascii_case(id.trim()))
}

/// How a post formula reads a post.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PostCalc {
    pub numerator: Vec<PostField>,
    /// Summed per post; empty: the per-post value is the numerator itself (÷ 1).
    pub denominator: Vec<PostField>,
    pub scale: f64,
    pub aggregation: Aggregation,
    /// Count posts rather than sum a field.
    pub count_posts: bool,
}

impl PostCalc {
    /// Numerator and denominator of one post; `None` when the post has none of the numerator
    /// fields or lacks the denominator. Fields a network does not report count as 0 as long as
    /// one numerator field is present.
    #[inline]
    pub(crate) fn parts(&self, post: &PostRow) -> Option<(f64, f64)> {
        self.parts_by(|f| f.get(post))
    }

    /// Same as [`PostCalc::parts`], reading fields through `get` (columns, rows).
    #[inline]
    pub(crate) fn parts_by(&self, get: impl Fn(PostField) -> Option<f64>) -> Option<(f64, f64)> {
        if self.count_posts {
            return Some((1.0, 1.0));
        }
        let mut any = false;
        let mut num = 0.0;
        for f in &self.numerator {
            if let Some(v) = get(*f) {
                any = true;
                num += v;
            }
        }
        if !any {
            return None;
        }
        let den = if self.denominator.is_empty() {
            1.0
        } else {
            let mut any = false;
            let mut den = 0.0;
            for f in &self.denominator {
                if let Some(v) = get(*f) {
                    any = true;
                    den += v;
                }
            }
            if !any {
                return None;
            }
            den
        };
        Some((num, den))
    }
}

/// Running totals of a post formula over a set of posts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Accumulator {
    num: f64,
    den: f64,
    rate_sum: f64,
    rated: u64,
    used: u64,
    excluded: u64,
}

impl Accumulator {
    #[inline]
    pub(crate) fn add(&mut self, calc: &PostCalc, post: &PostRow) {
        self.add_parts(calc.parts(post));
    }

    #[inline]
    pub(crate) fn add_parts(&mut self, parts: Option<(f64, f64)>) {
        match parts {
            None => self.excluded += 1,
            Some((num, den)) => {
                self.used += 1;
                self.num += num;
                self.den += den;
                if den > 0.0 {
                    self.rate_sum += num / den;
                    self.rated += 1;
                }
            }
        }
    }

    /// Merges another accumulator (parallel batches).
    pub fn merge(&mut self, o: &Accumulator) {
        self.num += o.num;
        self.den += o.den;
        self.rate_sum += o.rate_sum;
        self.rated += o.rated;
        self.used += o.used;
        self.excluded += o.excluded;
    }

    pub(crate) fn value(&self, calc: &PostCalc) -> Option<f64> {
        if self.used == 0 {
            return None;
        }
        let v = match calc.aggregation {
            Aggregation::Sum => self.num,
            Aggregation::Mean => {
                if self.rated == 0 {
                    return None;
                }
                self.rate_sum / self.rated as f64
            }
            Aggregation::Ratio => {
                if self.den == 0.0 {
                    return None;
                }
                self.num / self.den
            }
        };
        Some(v * calc.scale)
    }

    /// Σ numerator of the posts that counted.
    pub fn numerator(&self) -> f64 {
        self.num
    }

    /// Σ denominator of the posts that counted (their count when the formula has none).
    pub fn denominator(&self) -> f64 {
        self.den
    }

    /// Posts whose value counted.
    pub fn used(&self) -> u64 {
        self.used
    }

    /// Posts left out (missing numerator or denominator; zero denominators in a mean).
    pub fn excluded(&self) -> u64 {
        self.excluded + (self.used - self.rated.min(self.used))
    }
}

/// A formula with all its parameters resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    def: &'static FormulaDef,
    params: BTreeMap<&'static str, String>,
    pub(crate) post: Option<PostCalc>,
}

/// The value of a formula over some data, with how much data it used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiValue {
    /// The canonical spec of the formula.
    pub kpi: String,
    /// The value; `None` when undefined (no data, zero denominator).
    pub value: Option<f64>,
    /// Unit.
    pub unit: Unit,
    /// Rows whose value counted.
    pub used: u64,
    /// Rows left out because a needed value was missing or a denominator was zero.
    pub excluded: u64,
}

impl Formula {
    /// Parses a spec: `id`, `id@v1`, `id?param=value&param=value`. Unknown ids, versions,
    /// parameters or values are errors that list what is accepted.
    pub fn parse(spec: &str) -> Result<Formula> {
        let spec = spec.trim();
        let (head, query) = spec.split_once('?').unwrap_or((spec, ""));
        let (id, version) = match head.split_once('@') {
            Some((id, v)) => (id, Some(v)),
            None => (head, None),
        };
        let def = def(id).ok_or_else(|| {
            let hint = closest(id, FORMULAS.iter().map(|d| d.id))
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            Error::Argument {
                name: "kpi".into(),
                message: format!(
                    "`{id}` is not a KPI with a formula{hint}: use one of {}",
                    FORMULAS.iter().map(|d| d.id).collect::<Vec<_>>().join(", ")
                ),
            }
        })?;
        if let Some(v) = version {
            let n = v.trim_start_matches(['v', 'V']).parse::<u32>().ok();
            if n != Some(def.version) {
                return Err(Error::Argument {
                    name: "kpi".into(),
                    message: format!("`{id}@{v}`: smo knows version v{} only", def.version),
                });
            }
        }
        let mut params: BTreeMap<&'static str, String> = def
            .params
            .iter()
            .map(|p| (p.name, p.default.to_owned()))
            .collect();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim().to_ascii_lowercase();
            let p = def
                .params
                .iter()
                .find(|p| p.name == k)
                .ok_or_else(|| Error::Argument {
                    name: "kpi".into(),
                    message: format!(
                        "`{}` has no parameter `{k}`{}",
                        def.id,
                        if def.params.is_empty() {
                            String::new()
                        } else {
                            format!(
                                ": it takes {}",
                                def.params
                                    .iter()
                                    .map(|p| p.name)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }
                    ),
                })?;
            let v = match v.as_str() {
                "mean_of_posts" | "mean_of_rates" | "average" => "mean".to_owned(),
                "ratio_of_sums" | "sum_ratio" => "ratio".to_owned(),
                _ => v,
            };
            if p.values == ["*"] {
                let mut fields = Vec::new();
                for name in v.split(['+', ',', ' ']).filter(|s| !s.is_empty()) {
                    let f = PostField::parse(name).ok_or_else(|| Error::Argument {
                        name: "kpi".into(),
                        message: format!(
                            "`{name}` is not a post metric: use {}",
                            PostField::ALL.map(|f| f.as_str()).join(", ")
                        ),
                    })?;
                    if !fields.contains(&f) {
                        fields.push(f);
                    }
                }
                if fields.is_empty() {
                    return Err(Error::Argument {
                        name: "kpi".into(),
                        message: format!("`{}`: `{k}` needs at least one metric", def.id),
                    });
                }
                params.insert(
                    p.name,
                    fields
                        .iter()
                        .map(|f| f.as_str())
                        .collect::<Vec<_>>()
                        .join("+"),
                );
            } else if p.values.contains(&v.as_str()) {
                params.insert(p.name, v);
            } else {
                return Err(Error::Argument {
                    name: "kpi".into(),
                    message: format!(
                        "`{}`: `{k}={v}` is not accepted: use one of {}",
                        def.id,
                        p.values.join(", ")
                    ),
                });
            }
        }
        let mut f = Formula {
            def,
            params,
            post: None,
        };
        f.post = f.post_calc();
        Ok(f)
    }

    /// The catalogue row.
    pub fn def(&self) -> &'static FormulaDef {
        self.def
    }

    /// KPI id.
    pub fn id(&self) -> &'static str {
        self.def.id
    }

    /// Unit of the value.
    pub fn unit(&self) -> Unit {
        self.def.unit
    }

    /// Which way is better: from the KPI catalogue, else "increase".
    pub fn direction(&self) -> Direction {
        crate::kpi::find(self.def.id).map_or(Direction::Increase, |k| k.direction)
    }

    /// The value of parameter `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// The spec with the version and every parameter spelled out.
    pub fn canonical(&self) -> String {
        let mut s = format!("{}@v{}", self.def.id, self.def.version);
        // Parameters in catalogue order, so the text is stable.
        let parts: Vec<String> = self
            .def
            .params
            .iter()
            .filter_map(|p| self.params.get(p.name).map(|v| format!("{}={v}", p.name)))
            .collect();
        if !parts.is_empty() {
            s.push('?');
            s.push_str(&parts.join("&"));
        }
        s
    }

    fn fields(&self, name: &str) -> Vec<PostField> {
        self.param(name)
            .unwrap_or(ACTIONS)
            .split('+')
            .filter_map(PostField::parse)
            .collect()
    }

    fn agg(&self) -> Aggregation {
        match self.param("aggregation") {
            Some("ratio") => Aggregation::Ratio,
            Some("mean") => Aggregation::Mean,
            _ => Aggregation::Ratio,
        }
    }

    fn basis(&self) -> PostField {
        self.param("basis")
            .and_then(PostField::parse)
            .unwrap_or(PostField::Impressions)
    }

    fn post_calc(&self) -> Option<PostCalc> {
        use PostField as P;
        let calc =
            |numerator: Vec<PostField>, denominator: Option<PostField>, scale, aggregation| {
                Some(PostCalc {
                    numerator,
                    denominator: denominator.into_iter().collect(),
                    scale,
                    aggregation,
                    count_posts: false,
                })
            };
        match self.def.id {
            "posts" => Some(PostCalc {
                numerator: vec![],
                denominator: vec![],
                scale: 1.0,
                aggregation: Aggregation::Sum,
                count_posts: true,
            }),
            "reach" => calc(vec![P::Reach], None, 1.0, Aggregation::Sum),
            "impressions" => calc(vec![P::Impressions], None, 1.0, Aggregation::Sum),
            "video_views" => calc(vec![P::VideoViews], None, 1.0, Aggregation::Sum),
            "engagements" => calc(self.fields("actions"), None, 1.0, Aggregation::Sum),
            "engagement_rate" => calc(
                self.fields("actions"),
                Some(self.basis()),
                100.0,
                self.agg(),
            ),
            "applause_rate" => calc(vec![P::Likes], None, 1.0, Aggregation::Ratio),
            "amplification_rate" => calc(vec![P::Shares], None, 1.0, Aggregation::Ratio),
            "conversation_rate" => calc(vec![P::Comments], None, 1.0, Aggregation::Ratio),
            "applause_rate_followers" => {
                calc(vec![P::Likes], Some(P::Followers), 100.0, self.agg())
            }
            "amplification_rate_followers" => {
                calc(vec![P::Shares], Some(P::Followers), 100.0, self.agg())
            }
            "conversation_rate_followers" => {
                calc(vec![P::Comments], Some(P::Followers), 100.0, self.agg())
            }
            "virality_rate" => calc(vec![P::Shares], Some(self.basis()), 100.0, self.agg()),
            "click_through_rate" => calc(vec![P::Clicks], Some(self.basis()), 100.0, self.agg()),
            "cpm" => calc(
                vec![P::Cost],
                Some(P::Impressions),
                1000.0,
                Aggregation::Ratio,
            ),
            "cpc" => calc(vec![P::Cost], Some(P::Clicks), 1.0, Aggregation::Ratio),
            "cost_per_engagement" => Some(PostCalc {
                numerator: vec![P::Cost],
                denominator: self.fields("actions"),
                scale: 1.0,
                aggregation: Aggregation::Ratio,
                count_posts: false,
            }),
            _ => None,
        }
    }

    /// Evaluates a posts formula over `posts`. Formulas of other tables give an undefined value;
    /// use [`Formula::evaluate`] for them.
    pub fn evaluate_posts(&self, posts: &[PostRow]) -> KpiValue {
        self.evaluate(&Dataset {
            posts: posts.to_vec(),
            ..Default::default()
        })
    }

    /// Evaluates the formula over a dataset (its table only).
    pub fn evaluate(&self, data: &Dataset) -> KpiValue {
        self.evaluate_parts(
            &data.posts.iter().collect::<Vec<_>>(),
            &data.accounts.iter().collect::<Vec<_>>(),
            &data.web.iter().collect::<Vec<_>>(),
            data.costs.iter().map(|c| c.amount).sum(),
            data.costs
                .iter()
                .filter(|c| c.category == crate::data::CostCategory::Ads)
                .map(|c| c.amount)
                .sum(),
        )
    }

    /// Evaluates over borrowed slices of each table (used by grouping and objective tracking),
    /// with the total cost and the ads cost of the same scope.
    pub(crate) fn evaluate_parts(
        &self,
        posts: &[&PostRow],
        accounts: &[&AccountRow],
        web: &[&WebRow],
        cost_total: f64,
        cost_ads: f64,
    ) -> KpiValue {
        let (value, used, excluded) = match self.def.table {
            Table::Posts => self.eval_posts(posts),
            Table::Accounts => self.eval_accounts(accounts),
            Table::Web => self.eval_web(web),
            Table::WebAndCosts => {
                let revenue: Option<f64> = sum_opt(web.iter().map(|w| w.revenue));
                let v = match (self.def.id, revenue) {
                    ("roi", Some(r)) => roi(r, cost_total),
                    ("roas", Some(r)) => roas(r, cost_ads),
                    _ => None,
                };
                (v, web.len() as u64, 0)
            }
        };
        KpiValue {
            kpi: self.canonical(),
            value,
            unit: self.def.unit,
            used,
            excluded,
        }
    }

    fn eval_posts(&self, posts: &[&PostRow]) -> (Option<f64>, u64, u64) {
        let Some(calc) = &self.post else {
            return (None, 0, posts.len() as u64);
        };
        let mut acc = Accumulator::default();
        for p in posts {
            acc.add(calc, p);
        }
        (acc.value(calc), acc.used(), acc.excluded())
    }

    fn eval_accounts(&self, rows: &[&AccountRow]) -> (Option<f64>, u64, u64) {
        let n = rows.len() as u64;
        let sum = |f: fn(&AccountRow) -> Option<u64>| {
            sum_opt(rows.iter().map(|r| f(r).map(|v| v as f64)))
        };
        let v = match self.def.id {
            "followers" | "follower_growth_rate" => {
                // Per network: first and last day with a follower count, summed over networks.
                let mut by_net: BTreeMap<
                    crate::Network,
                    (chrono::NaiveDate, u64, chrono::NaiveDate, u64),
                > = BTreeMap::new();
                let mut follows: Option<f64> = None;
                for r in rows {
                    if let Some(f) = r.followers {
                        let e = by_net.entry(r.network).or_insert((r.date, f, r.date, f));
                        if r.date < e.0 {
                            (e.0, e.1) = (r.date, f);
                        }
                        if r.date >= e.2 {
                            (e.2, e.3) = (r.date, f);
                        }
                    }
                    if let Some(f) = r.follows {
                        *follows.get_or_insert(0.0) += f as f64;
                    }
                }
                if by_net.is_empty() {
                    None
                } else {
                    let start: f64 = by_net.values().map(|e| e.1 as f64).sum();
                    let end: f64 = by_net.values().map(|e| e.3 as f64).sum();
                    if self.def.id == "followers" {
                        Some(end)
                    } else if self.param("mode") == Some("gross") {
                        follows.and_then(|f| follower_growth_rate(start, start + f))
                    } else {
                        follower_growth_rate(start, end)
                    }
                }
            }
            "profile_visits" => sum(|r| r.profile_visits),
            "mentions" => sum(|r| r.mentions),
            "share_of_voice" => match (sum(|r| r.mentions), sum(|r| r.competitor_mentions)) {
                (Some(b), Some(c)) => share_of_voice(b, c),
                _ => None,
            },
            "net_sentiment" => {
                let mode = if self.param("mode") == Some("all") {
                    SentimentMode::All
                } else {
                    SentimentMode::Polar
                };
                match (sum(|r| r.mentions_positive), sum(|r| r.mentions_negative)) {
                    (Some(p), Some(ng)) => {
                        net_sentiment(p, ng, sum(|r| r.mentions_neutral).unwrap_or(0.0), mode)
                    }
                    _ => None,
                }
            }
            "response_rate" => match (sum(|r| r.responses), sum(|r| r.messages)) {
                (Some(a), Some(m)) => response_rate(a, m),
                _ => None,
            },
            "response_time" => {
                let times: Vec<f64> = rows.iter().filter_map(|r| r.response_time_s).collect();
                let method = match self.param("method") {
                    Some("mean") => ResponseTime::Mean,
                    Some("fastest_share") => ResponseTime::FastestShare(0.9),
                    _ => ResponseTime::Median,
                };
                response_time(&times, method)
            }
            _ => None,
        };
        (v, n, 0)
    }

    fn eval_web(&self, rows: &[&WebRow]) -> (Option<f64>, u64, u64) {
        let n = rows.len() as u64;
        if rows.is_empty() {
            return (None, 0, 0);
        }
        let sessions: f64 = rows.iter().map(|r| r.sessions as f64).sum();
        let v = match self.def.id {
            "sessions" => Some(sessions),
            "social_sessions" => Some(
                rows.iter()
                    .filter(|r| {
                        let c = crate::traffic::channel_group(
                            &r.source,
                            &r.medium,
                            r.campaign.as_deref().unwrap_or(""),
                        );
                        c == crate::traffic::Channel::OrganicSocial
                            || c == crate::traffic::Channel::PaidSocial
                    })
                    .map(|r| r.sessions as f64)
                    .sum(),
            ),
            "conversions" => sum_opt(rows.iter().map(|r| r.conversions.map(|v| v as f64))),
            "revenue" => sum_opt(rows.iter().map(|r| r.revenue)),
            "conversion_rate" => sum_opt(rows.iter().map(|r| r.conversions.map(|v| v as f64)))
                .and_then(|c| conversion_rate(c, sessions)),
            "bounce_rate" => sum_opt(rows.iter().map(|r| r.bounces.map(|v| v as f64)))
                .and_then(|b| bounce_rate(b, sessions)),
            _ => None,
        };
        (v, n, 0)
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

fn sum_opt(it: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let mut any = false;
    let mut s = 0.0;
    for v in it.flatten() {
        any = true;
        s += v;
    }
    any.then_some(s)
}

fn div(n: f64, d: f64) -> Option<f64> {
    (d != 0.0 && n.is_finite() && d.is_finite()).then(|| n / d)
}

/// Engagement rate in %: engagements / denominator × 100 (the denominator is reach, impressions,
/// followers or views, by the caller's choice). Undefined when the denominator is 0.
///
/// ```
/// use smo_core::kpi::formula::engagement_rate;
/// assert_eq!(engagement_rate(110.0, 2000.0), Some(5.5));
/// assert_eq!(engagement_rate(5.0, 0.0), None);
/// ```
pub fn engagement_rate(engagements: f64, denominator: f64) -> Option<f64> {
    div(engagements, denominator).map(|r| r * 100.0)
}

/// Engagement rate of several posts, as the mean of per-post rates or the ratio of sums, in %.
/// Posts with a zero denominator are left out of the mean.
///
/// ```
/// use smo_core::kpi::formula::{engagement_rate_of, Aggregation};
/// // measurement.md §1.1: A 10 E / 100 R, B 100 E / 10,000 R.
/// let posts = [(10.0, 100.0), (100.0, 10_000.0)];
/// assert_eq!(engagement_rate_of(&posts, Aggregation::Mean), Some(5.5));
/// let ratio = engagement_rate_of(&posts, Aggregation::Ratio).unwrap();
/// assert!((ratio - 1.0891).abs() < 1e-4);
/// ```
pub fn engagement_rate_of(posts: &[(f64, f64)], aggregation: Aggregation) -> Option<f64> {
    let mut acc = Accumulator::default();
    for (e, d) in posts {
        acc.add_parts(Some((*e, *d)));
    }
    acc.value(&PostCalc {
        numerator: vec![],
        denominator: vec![],
        scale: 100.0,
        aggregation,
        count_posts: false,
    })
}

/// Daily engagement rate over `days` days: Σ engagements / (days × followers) × 100 (Hootsuite).
///
/// ```
/// assert_eq!(smo_core::kpi::formula::daily_engagement_rate(700.0, 7.0, 10_000.0), Some(1.0));
/// ```
pub fn daily_engagement_rate(engagements: f64, days: f64, followers: f64) -> Option<f64> {
    div(engagements, days * followers).map(|r| r * 100.0)
}

/// Kaushik's per-post rate: actions (likes, shares or comments) / posts.
pub fn per_post(actions: f64, posts: f64) -> Option<f64> {
    div(actions, posts)
}

/// Per-follower rate in %: actions / followers × 100 (Hootsuite/HSMAI applause, amplification).
///
/// ```
/// assert_eq!(smo_core::kpi::formula::per_follower(80.0, 10_000.0), Some(0.8));
/// ```
pub fn per_follower(actions: f64, followers: f64) -> Option<f64> {
    div(actions, followers).map(|r| r * 100.0)
}

/// Virality rate in %: shares / impressions (or reach) × 100.
pub fn virality_rate(shares: f64, impressions: f64) -> Option<f64> {
    div(shares, impressions).map(|r| r * 100.0)
}

/// Follower growth rate in %: (end − start) / start × 100; undefined when start is 0.
///
/// ```
/// assert_eq!(smo_core::kpi::formula::follower_growth_rate(10_000.0, 10_500.0), Some(5.0));
/// assert_eq!(smo_core::kpi::formula::follower_growth_rate(0.0, 10.0), None);
/// ```
pub fn follower_growth_rate(start: f64, end: f64) -> Option<f64> {
    div(end - start, start).map(|r| r * 100.0)
}

/// Click-through rate in %: clicks / impressions × 100.
pub fn click_through_rate(clicks: f64, impressions: f64) -> Option<f64> {
    div(clicks, impressions).map(|r| r * 100.0)
}

/// Cost per thousand impressions.
pub fn cpm(cost: f64, impressions: f64) -> Option<f64> {
    div(cost, impressions).map(|r| r * 1000.0)
}

/// Cost per click.
pub fn cpc(cost: f64, clicks: f64) -> Option<f64> {
    div(cost, clicks)
}

/// Cost per unit (engagement, interaction, conversion).
pub fn cost_per(cost: f64, units: f64) -> Option<f64> {
    div(cost, units)
}

/// Conversion rate in %: conversions / sessions (or clicks, users) × 100.
pub fn conversion_rate(conversions: f64, sessions: f64) -> Option<f64> {
    div(conversions, sessions).map(|r| r * 100.0)
}

/// Bounce rate in %: bounced (not engaged) sessions / sessions × 100.
pub fn bounce_rate(bounces: f64, sessions: f64) -> Option<f64> {
    div(bounces, sessions).map(|r| r * 100.0)
}

/// Return on investment in %: (value − cost) / cost × 100.
///
/// ```
/// assert_eq!(smo_core::kpi::formula::roi(2000.0, 500.0), Some(300.0));
/// ```
pub fn roi(value: f64, cost: f64) -> Option<f64> {
    div(value - cost, cost).map(|r| r * 100.0)
}

/// Return on ad spend: revenue / ad spend (a ratio, not net).
///
/// ```
/// assert_eq!(smo_core::kpi::formula::roas(2000.0, 500.0), Some(4.0));
/// ```
pub fn roas(revenue: f64, ad_spend: f64) -> Option<f64> {
    div(revenue, ad_spend)
}

/// Share of voice in %: brand / (brand + competitors) × 100.
///
/// ```
/// assert_eq!(smo_core::kpi::formula::share_of_voice(50.0, 150.0), Some(25.0));
/// ```
pub fn share_of_voice(brand: f64, competitors: f64) -> Option<f64> {
    div(brand, brand + competitors).map(|r| r * 100.0)
}

/// The two common net-sentiment formulas (measurement.md §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentimentMode {
    /// (P − N) / (P + N): neutral mentions excluded (Talkwalker).
    Polar,
    /// %positive − %negative over all mentions, neutral included.
    All,
}

/// Net sentiment in %, in the named mode.
///
/// ```
/// use smo_core::kpi::formula::{net_sentiment, SentimentMode};
/// assert_eq!(net_sentiment(80.0, 20.0, 100.0, SentimentMode::Polar), Some(60.0));
/// assert_eq!(net_sentiment(80.0, 20.0, 100.0, SentimentMode::All), Some(30.0));
/// ```
pub fn net_sentiment(
    positive: f64,
    negative: f64,
    neutral: f64,
    mode: SentimentMode,
) -> Option<f64> {
    let d = match mode {
        SentimentMode::Polar => positive + negative,
        SentimentMode::All => positive + negative + neutral,
    };
    div(positive - negative, d).map(|r| r * 100.0)
}

/// Response rate in %: answered / received × 100.
pub fn response_rate(answered: f64, received: f64) -> Option<f64> {
    div(answered, received).map(|r| r * 100.0)
}

/// How first-response times are summarised (measurement.md §1.5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseTime {
    /// Arithmetic mean (Sprout's first response time).
    Mean,
    /// Median (Sprout's advice; Facebook's newer text).
    Median,
    /// Mean of the fastest share, ⌈share·n⌉ values (Facebook Pages: 0.9).
    FastestShare(f64),
}

/// Summarises response times (any unit) by `method`; `None` for no times.
///
/// ```
/// use smo_core::kpi::formula::{response_time, ResponseTime};
/// let t = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 600.0];
/// assert_eq!(response_time(&t, ResponseTime::Mean), Some(65.4));
/// assert_eq!(response_time(&t, ResponseTime::FastestShare(0.9)), Some(6.0));
/// assert_eq!(response_time(&t, ResponseTime::Median), Some(6.5));
/// ```
pub fn response_time(times: &[f64], method: ResponseTime) -> Option<f64> {
    let mut v: Vec<f64> = times.iter().copied().filter(|t| t.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    match method {
        ResponseTime::Mean => Some(mean(&v)),
        ResponseTime::Median => {
            let n = v.len();
            Some(if n % 2 == 1 {
                v[n / 2]
            } else {
                (v[n / 2 - 1] + v[n / 2]) / 2.0
            })
        }
        ResponseTime::FastestShare(share) => {
            if !(share > 0.0 && share <= 1.0) {
                return None;
            }
            let k = ((share * v.len() as f64) - 1e-9).ceil().max(1.0) as usize;
            Some(mean(&v[..k.min(v.len())]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn golden_post() -> PostRow {
        PostRow {
            published: "2026-07-01T10:00:00Z".parse().unwrap(),
            network: crate::Network::Instagram,
            post_id: "golden".into(),
            content_type: None,
            pillar: None,
            campaign: None,
            account: None,
            link: None,
            text: None,
            impressions: Some(3000),
            reach: Some(2000),
            views: None,
            likes: Some(80),
            comments: Some(15),
            shares: Some(5),
            saves: Some(10),
            clicks: Some(40),
            video_views: None,
            follows: None,
            followers: Some(10_000),
            cost: None,
        }
    }

    fn eval(spec: &str) -> Option<f64> {
        Formula::parse(spec)
            .unwrap()
            .evaluate_posts(&[golden_post()])
            .value
    }

    fn close(a: Option<f64>, b: f64) {
        let a = a.unwrap();
        assert!((a - b).abs() < 1e-4, "{a} != {b}");
    }

    #[test]
    fn golden_post_of_measurement_md() {
        close(eval("engagement_rate?basis=reach"), 5.5);
        close(eval("engagement_rate?basis=impressions"), 3.6667);
        close(eval("engagement_rate?basis=followers"), 1.1);
        let clicks = "&actions=likes+comments+shares+saves+clicks";
        close(eval(&format!("engagement_rate?basis=reach{clicks}")), 7.5);
        close(
            eval(&format!("engagement_rate?basis=impressions{clicks}")),
            5.0,
        );
        close(
            eval(&format!("engagement_rate?basis=followers{clicks}")),
            1.5,
        );
        close(eval("conversation_rate"), 15.0);
        close(eval("amplification_rate"), 5.0);
        close(eval("applause_rate"), 80.0);
        close(eval("amplification_rate_followers"), 0.05);
        close(eval("applause_rate_followers"), 0.8);
        close(eval("virality_rate"), 0.1667);
    }

    #[test]
    fn mean_of_rates_vs_ratio_of_sums() {
        let mut a = golden_post();
        (a.likes, a.comments, a.shares, a.saves, a.reach) =
            (Some(10), Some(0), Some(0), Some(0), Some(100));
        let mut b = golden_post();
        (b.likes, b.comments, b.shares, b.saves, b.reach) =
            (Some(100), Some(0), Some(0), Some(0), Some(10_000));
        let posts = [a, b];
        close(
            Formula::parse("engagement_rate")
                .unwrap()
                .evaluate_posts(&posts)
                .value,
            5.5,
        );
        close(
            Formula::parse("engagement_rate?aggregation=ratio")
                .unwrap()
                .evaluate_posts(&posts)
                .value,
            1.0891,
        );
    }

    #[test]
    fn zero_and_missing_denominators_are_undefined_and_counted() {
        let mut p = golden_post();
        p.reach = Some(0);
        let mut q = golden_post();
        q.reach = None;
        let v = Formula::parse("engagement_rate")
            .unwrap()
            .evaluate_posts(&[p, q]);
        assert_eq!(v.value, None);
        assert_eq!(v.excluded, 2);
    }

    #[test]
    fn specs_are_checked_and_canonical() {
        assert!(
            Formula::parse("engagement_rate?basis=likes")
                .unwrap_err()
                .to_string()
                .contains("reach")
        );
        assert!(
            Formula::parse("engagment_rate")
                .unwrap_err()
                .to_string()
                .contains("did you mean `engagement_rate`")
        );
        assert!(Formula::parse("engagement_rate@v2").is_err());
        assert!(Formula::parse("reach?basis=x").is_err());
        let f = Formula::parse("Engagement_Rate@v1?aggregation=ratio_of_sums&actions=clicks,likes")
            .unwrap();
        assert_eq!(
            f.canonical(),
            "engagement_rate@v1?basis=reach&actions=clicks+likes&aggregation=ratio"
        );
    }

    #[test]
    fn worked_examples_of_section_1_3_to_1_5() {
        close(follower_growth_rate(10_000.0, 10_500.0), 5.0);
        close(roi(2000.0, 500.0), 300.0);
        close(roas(2000.0, 500.0), 4.0);
        close(share_of_voice(50.0, 150.0), 25.0);
        close(
            net_sentiment(255.0, 513.0, 0.0, SentimentMode::Polar),
            -33.5938,
        );
        close(net_sentiment(3.0, 2.0, 0.0, SentimentMode::Polar), 20.0);
        close(net_sentiment(35.0, 6.0, 59.0, SentimentMode::All), 29.0);
        close(
            response_time(&[15_000.0 / 120.0; 120], ResponseTime::Mean),
            125.0,
        );
        close(daily_engagement_rate(700.0, 7.0, 10_000.0), 1.0);
        assert_eq!(cpc(10.0, 0.0), None);
    }
}
