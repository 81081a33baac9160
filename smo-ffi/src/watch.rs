//! FFI surface of the watch analytics: share of voice, influencers, themes, alerts, the
//! competitor benchmark and the watch brief. The results restate the core's records as
//! `uniffi::remote` mirrors, field for field, except the benchmark, whose unit and aggregation
//! are given as their ids (a Kotlin `Unit` enum would shadow `kotlin.Unit`). Conversion only.

use std::sync::Arc;
use std::time::SystemTime;

use smo_core::hashtags::{HashtagSource, HashtagSuggestion, Suggestions};
use smo_core::kpi::formula::Formula;
use smo_core::kpi::group::Period;
use smo_core::listening::{
    self, AlertOptions, BenchmarkOptions, BriefOptions, InfluenceOptions, ThemeOptions,
    VoiceOptions, WatchOptions,
};
use smo_core::listening::{
    Alert, Alerts, Brand, BrandCount, Denominator, Influencer, Influencers, Percentiles,
    SentimentSplit, ShareOfVoice, Theme, ThemeKind, ThemePoint, Themes, VoiceRow, Weights,
};
use smo_core::{Finding, Network, RuleConfig, data};

use crate::errors::SmoError;
use crate::measure::MeasureData;
use crate::query::Mention;

#[uniffi::remote(Record)]
struct Brand {
    name: String,
    #[uniffi(default = false)]
    own: bool,
    query: String,
}

#[uniffi::remote(Enum)]
enum Period {
    Day,
    Week,
    Month,
    Quarter,
}

#[uniffi::remote(Enum)]
enum ThemeKind {
    Phrase,
    Hashtag,
}

#[uniffi::remote(Record)]
struct SentimentSplit {
    positive: u64,
    negative: u64,
    neutral: u64,
    unscored: u64,
}

#[uniffi::remote(Record)]
struct BrandCount {
    brand: String,
    mentions: u64,
}

#[uniffi::remote(Record)]
struct Denominator {
    brands: Vec<Brand>,
    from: Option<String>,
    to: Option<String>,
    first: Option<String>,
    last: Option<String>,
    networks: Vec<String>,
    filter: Option<String>,
    time_zone: String,
    mentions: u64,
    in_scope: u64,
    attributed: u64,
    by_export: u64,
    multi_brand: u64,
    unattributed: u64,
    unknown_brand: u64,
    unscored: u64,
    aggregation: String,
}

#[uniffi::remote(Record)]
struct VoiceRow {
    period: Option<String>,
    period_start: Option<String>,
    network: Option<String>,
    brand: String,
    own: bool,
    mentions: u64,
    engagement: u64,
    engagement_unknown: u64,
    reach: u64,
    reach_unknown: u64,
    sentiment: SentimentSplit,
    share_mentions: Option<f64>,
    share_engagement: Option<f64>,
    share_reach: Option<f64>,
    share_positive: Option<f64>,
    share_negative: Option<f64>,
    net_sentiment_polar: Option<f64>,
    net_sentiment_all: Option<f64>,
}

#[uniffi::remote(Record)]
struct ShareOfVoice {
    denominator: Denominator,
    formulas: Vec<String>,
    period: Option<Period>,
    totals: Vec<VoiceRow>,
    rows: Vec<VoiceRow>,
}

#[uniffi::remote(Record)]
struct Weights {
    reach: f64,
    activity: f64,
    resonance: f64,
    amplification: f64,
    relevance: f64,
}

#[uniffi::remote(Record)]
struct Percentiles {
    reach: f64,
    activity: f64,
    resonance: f64,
    amplification: f64,
    relevance: f64,
}

#[uniffi::remote(Record)]
struct Influencer {
    rank: u64,
    network: String,
    handle: String,
    name: Option<String>,
    followers: Option<u64>,
    mentions: u64,
    all_mentions: u64,
    relevance: f64,
    engagement: u64,
    resonance: Option<f64>,
    amplifications: u64,
    amplification: Option<f64>,
    sentiment: SentimentSplit,
    net_sentiment: Option<f64>,
    composite: Option<f64>,
    percentiles: Option<Percentiles>,
    mention_ids: Vec<String>,
}

#[uniffi::remote(Record)]
struct Influencers {
    denominator: Denominator,
    brand: Option<String>,
    formulas: Vec<String>,
    weights: Option<Weights>,
    anonymous: u64,
    authors_seen: u64,
    authors: Vec<Influencer>,
}

#[uniffi::remote(Record)]
struct ThemePoint {
    period: String,
    start: String,
    mentions: u64,
}

#[uniffi::remote(Record)]
struct Theme {
    rank: u64,
    phrase: String,
    kind: ThemeKind,
    words: u64,
    mentions: u64,
    authors: u64,
    share: f64,
    engagement: u64,
    sentiment: SentimentSplit,
    net_sentiment: Option<f64>,
    first_half: u64,
    second_half: u64,
    trend_pct: Option<f64>,
    series: Vec<ThemePoint>,
    brands: Vec<BrandCount>,
    mention_ids: Vec<String>,
}

#[uniffi::remote(Record)]
struct Themes {
    denominator: Denominator,
    brand: Option<String>,
    searched: u64,
    method: String,
    half: Option<String>,
    themes: Vec<Theme>,
}

#[uniffi::remote(Record)]
struct Alert {
    rule: String,
    brand: String,
    day: String,
    count: u64,
    baseline_mean: f64,
    baseline_sd: f64,
    spread: f64,
    z: f64,
    baseline_from: String,
    baseline_to: String,
    mentions: u64,
    negative: u64,
    mention_ids: Vec<String>,
}

#[uniffi::remote(Record)]
struct Alerts {
    denominator: Denominator,
    method: String,
    alerts: Vec<Alert>,
    findings: Vec<Finding>,
}

/// One account's value of one KPI, with its parts.
#[derive(uniffi::Record)]
pub struct AccountValue {
    /// The account.
    pub account: String,
    /// Whether it is the brand's.
    pub own: bool,
    /// Its posts in scope.
    pub posts: u64,
    /// The value; `null` when undefined.
    pub value: Option<f64>,
    /// Posts whose value counted.
    pub used: u64,
    /// Posts left out.
    pub excluded: u64,
    /// Σ numerator of the posts used.
    pub numerator: f64,
    /// Σ denominator of the posts used.
    pub denominator: Option<f64>,
    /// Σ numerator / posts used.
    pub numerator_per_post: Option<f64>,
    /// Σ denominator / posts used.
    pub denominator_per_post: Option<f64>,
}

/// One KPI for every account.
#[derive(uniffi::Record)]
pub struct BenchmarkKpi {
    /// Canonical spec.
    pub kpi: String,
    /// The formula in words.
    pub formula: String,
    /// Unit id: `count`, `percent`, `currency`, `seconds`, `ratio`.
    pub unit: String,
    /// What is summed on top.
    pub numerator: String,
    /// What is summed below.
    pub denominator: Option<String>,
    /// `sum`, `mean` or `ratio`.
    pub aggregation: String,
    /// Per account, own first.
    pub values: Vec<AccountValue>,
    /// Per competitor: its value against the brand's, and why.
    pub explanations: Vec<String>,
}

/// The benchmark of a set of accounts.
#[derive(uniffi::Record)]
pub struct Benchmark {
    /// Accounts, own first then by name.
    pub accounts: Vec<String>,
    /// The brand's account.
    pub own: Option<String>,
    /// Start of the period, if given.
    pub from: Option<String>,
    /// End of the period, if given.
    pub to: Option<String>,
    /// Networks counted.
    pub networks: Vec<String>,
    /// Posts given.
    pub posts: u64,
    /// Posts without an account.
    pub without_account: u64,
    /// One row per KPI.
    pub kpis: Vec<BenchmarkKpi>,
}

impl From<listening::Benchmark> for Benchmark {
    fn from(b: listening::Benchmark) -> Self {
        Benchmark {
            accounts: b.accounts,
            own: b.own,
            from: b.from,
            to: b.to,
            networks: b.networks,
            posts: b.posts,
            without_account: b.without_account,
            kpis: b
                .kpis
                .into_iter()
                .map(|k| BenchmarkKpi {
                    unit: serde_json::to_value(k.unit)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    aggregation: k.aggregation.as_str().to_owned(),
                    kpi: k.kpi,
                    formula: k.formula,
                    numerator: k.numerator,
                    denominator: k.denominator,
                    values: k
                        .values
                        .into_iter()
                        .map(|v| AccountValue {
                            account: v.account,
                            own: v.own,
                            posts: v.posts,
                            value: v.value,
                            used: v.used,
                            excluded: v.excluded,
                            numerator: v.numerator,
                            denominator: v.denominator,
                            numerator_per_post: v.numerator_per_post,
                            denominator_per_post: v.denominator_per_post,
                        })
                        .collect(),
                    explanations: k.explanations,
                })
                .collect(),
        }
    }
}

/// Which mentions a watch result counts.
#[derive(uniffi::Record, Clone)]
pub struct WatchScope {
    /// First instant counted.
    #[uniffi(default = None)]
    pub start: Option<SystemTime>,
    /// End of the period (exclusive).
    #[uniffi(default = None)]
    pub end: Option<SystemTime>,
    /// Networks counted; empty: all.
    #[uniffi(default = [])]
    pub networks: Vec<Network>,
    /// A query every counted mention must also match.
    #[uniffi(default = None)]
    pub filter: Option<String>,
    /// IANA zone of days and periods.
    #[uniffi(default = "UTC")]
    pub time_zone: String,
}

impl TryFrom<WatchScope> for WatchOptions {
    type Error = SmoError;
    fn try_from(s: WatchScope) -> Result<Self, SmoError> {
        Ok(WatchOptions {
            from: s.start.map(chrono::DateTime::<chrono::Utc>::from),
            to: s.end.map(chrono::DateTime::<chrono::Utc>::from),
            networks: s.networks,
            filter: s.filter,
            time_zone: data::time_zone(&s.time_zone)?,
        })
    }
}

fn core(mentions: Vec<Mention>) -> Vec<listening::Mention> {
    mentions.into_iter().map(Into::into).collect()
}

/// The brands the strategy's watch compares: its own, then its competitors, with their queries.
#[uniffi::export]
pub fn strategy_brands(strategy: Arc<crate::strategy::Strategy>) -> Vec<Brand> {
    listening::setup::brands(&strategy.0)
}

/// Share of voice of `brands` over `mentions` by mentions, engagement, reach and sentiment,
/// with its denominator; rows per `period` (`day`, `week`, `month`, `quarter`) and network
/// when asked.
#[uniffi::export(default(period = None, by_network = false))]
pub fn share_of_voice_of(
    mentions: Vec<Mention>,
    brands: Vec<Brand>,
    scope: WatchScope,
    period: Option<String>,
    by_network: bool,
) -> Result<ShareOfVoice, SmoError> {
    let opts = VoiceOptions {
        watch: scope.try_into()?,
        period: period.as_deref().map(str::parse).transpose()?,
        by_network,
    };
    Ok(listening::share_of_voice(&core(mentions), &brands, &opts)?)
}

/// The authors of the brands' mentions, ranked with their components (and a composite of
/// percentile ranks with `weights`).
#[uniffi::export(default(brand = None, weights = None, min_mentions = 1, top = None))]
pub fn influencers(
    mentions: Vec<Mention>,
    brands: Vec<Brand>,
    scope: WatchScope,
    brand: Option<String>,
    weights: Option<Weights>,
    min_mentions: u64,
    top: Option<u32>,
) -> Result<Influencers, SmoError> {
    let opts = InfluenceOptions {
        watch: scope.try_into()?,
        brand,
        weights,
        min_mentions,
        top: top.map(|t| t as usize),
    };
    Ok(listening::influencers(&core(mentions), &brands, &opts)?)
}

/// The themes of the brands' mentions: key phrases and hashtags with their mentions, sentiment
/// and trend.
#[uniffi::export(default(brand = None, min_mentions = 3, min_authors = 2, top = 20, period = "week", exclude = []))]
#[allow(clippy::too_many_arguments)]
pub fn themes(
    mentions: Vec<Mention>,
    brands: Vec<Brand>,
    scope: WatchScope,
    brand: Option<String>,
    min_mentions: u64,
    min_authors: u64,
    top: u32,
    period: String,
    exclude: Vec<String>,
) -> Result<Themes, SmoError> {
    let opts = ThemeOptions {
        watch: scope.try_into()?,
        brand,
        min_mentions,
        min_authors,
        top: Some(top as usize),
        period: period.parse::<Period>()?,
        exclude,
    };
    Ok(listening::themes(&core(mentions), &brands, &opts)?)
}

/// Volume and negative-sentiment spikes of each brand against its rolling baseline.
#[uniffi::export(default(window = 14, threshold = 3.0, min_mentions = 5, disabled = []))]
pub fn alerts(
    mentions: Vec<Mention>,
    brands: Vec<Brand>,
    scope: WatchScope,
    window: u32,
    threshold: f64,
    min_mentions: u64,
    disabled: Vec<String>,
) -> Result<Alerts, SmoError> {
    let opts = AlertOptions {
        watch: scope.try_into()?,
        window,
        threshold,
        min_mentions,
        rules: RuleConfig {
            disabled: disabled.into_iter().collect(),
            ..RuleConfig::default()
        },
    };
    Ok(listening::alerts(&core(mentions), &brands, &opts)?)
}

fn formulas(kpis: Vec<String>) -> Result<Vec<Formula>, SmoError> {
    let kpis = if kpis.is_empty() {
        BriefOptions::default().benchmark_kpis
    } else {
        kpis
    };
    Ok(kpis
        .iter()
        .map(|k| Formula::parse(k))
        .collect::<Result<_, _>>()?)
}

/// The catalogue's post KPIs (empty: posts, engagements, engagement rate per follower) for each
/// account of the posts (an `account` column), side by side, each explained against `own`.
#[uniffi::export(default(kpis = [], own = None, start = None, end = None, networks = []))]
pub fn benchmark(
    data: Arc<MeasureData>,
    kpis: Vec<String>,
    own: Option<String>,
    start: Option<SystemTime>,
    end: Option<SystemTime>,
    networks: Vec<Network>,
) -> Result<Benchmark, SmoError> {
    let opts = BenchmarkOptions {
        own,
        from: start.map(chrono::DateTime::<chrono::Utc>::from),
        to: end.map(chrono::DateTime::<chrono::Utc>::from),
        networks,
    };
    Ok(listening::benchmark(&data.post_rows(), &formulas(kpis)?, &opts)?.into())
}

/// The watch brief: share of voice, influencers, themes, alerts and benchmark over one scope,
/// what `report(watch = ...)` shows as its watch section.
#[derive(uniffi::Object)]
pub struct WatchBrief(pub(crate) listening::WatchBrief);

#[uniffi::export]
impl WatchBrief {
    /// Share of voice, per period.
    pub fn share_of_voice(&self) -> ShareOfVoice {
        self.0.share_of_voice.clone()
    }
    /// Influencers.
    pub fn influencers(&self) -> Influencers {
        self.0.influencers.clone()
    }
    /// Themes.
    pub fn themes(&self) -> Themes {
        self.0.themes.clone()
    }
    /// Alerts.
    pub fn alerts(&self) -> Alerts {
        self.0.alerts.clone()
    }
    /// The benchmark, when public post metrics were given.
    pub fn benchmark(&self) -> Option<Benchmark> {
        self.0.benchmark.clone().map(Into::into)
    }
    /// The watch section in Markdown.
    pub fn to_markdown(&self) -> String {
        listening::render::markdown(&self.0)
    }
    /// The watch section in HTML with SVG charts.
    pub fn to_html(&self) -> String {
        listening::render::html(&self.0)
    }
    /// The whole brief as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

/// Builds the watch brief of the strategy's brand and competitors.
#[uniffi::export(default(public_posts = None, period = "week", top_influencers = 10, top_themes = 15))]
pub fn watch_brief(
    strategy: Arc<crate::strategy::Strategy>,
    mentions: Vec<Mention>,
    scope: WatchScope,
    public_posts: Option<Arc<MeasureData>>,
    period: String,
    top_influencers: u32,
    top_themes: u32,
) -> Result<Arc<WatchBrief>, SmoError> {
    let opts = BriefOptions {
        watch: scope.try_into()?,
        period: period.parse()?,
        top_influencers: top_influencers as usize,
        top_themes: top_themes as usize,
        ..BriefOptions::default()
    };
    let posts = public_posts.map(|p| p.post_rows());
    Ok(Arc::new(WatchBrief(listening::watch_brief(
        &strategy.0,
        &core(mentions),
        posts.as_deref(),
        &opts,
    )?)))
}

/// Where a hashtag suggestion comes from.
#[uniffi::remote(Enum)]
enum HashtagSource {
    Brand,
    Shared,
    Content,
    Theme,
}

#[uniffi::remote(Record)]
struct HashtagSuggestion {
    hashtag: String,
    phrase: String,
    source: HashtagSource,
    reason: String,
}

#[uniffi::remote(Record)]
struct Suggestions {
    network: Network,
    advised: u64,
    advised_source: String,
    present: Vec<String>,
    hashtags: Vec<HashtagSuggestion>,
}

/// Hashtag suggestions for `text` on `network`, with the network's advised count and a reason
/// for each (from the content's key phrases, the strategy and, when given, the themes).
#[uniffi::export(default(strategy = None, themes = None))]
pub fn suggest_hashtags(
    text: String,
    network: Network,
    strategy: Option<Arc<crate::strategy::Strategy>>,
    themes: Option<Themes>,
) -> Suggestions {
    smo_core::hashtags::suggest_hashtags(
        &text,
        network,
        strategy.as_ref().map(|s| &s.0),
        themes.as_ref(),
    )
}
