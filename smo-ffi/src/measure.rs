//! FFI surface of measurement: data loading, KPI formulas and functions, grouping, objective
//! tracking, referrers, channels, UTM links, breakdowns and the SMO report.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use smo_core::data::{
    self, AccountRow, CostRow, CsvInputs, Dataset, LoadOptions, PostRow, Rejected, Table, WebRow,
};
use smo_core::kpi::formula::{self as fm, Formula, ResponseTime, SentimentMode};
use smo_core::kpi::group::{GroupBy, GroupOptions, Period, group_posts as core_group_posts};
use smo_core::kpi::objective::{self, TrackOptions};
use smo_core::report::ReportOptions;
use smo_core::traffic::Medium;
use smo_core::traffic::batch::{Breakdown, LogOptions, breakdown_log, breakdown_referrers};
use smo_core::traffic::referrer::classify_with;
use smo_core::traffic::utm::{self, Existing, LintOptions, Utm, UtmOptions};
use smo_core::{Error, Finding, Network};

use crate::errors::SmoError;

fn arg(name: &str, message: impl Into<String>) -> SmoError {
    Error::Argument {
        name: name.into(),
        message: message.into(),
    }
    .into()
}

#[uniffi::remote(Enum)]
enum Medium {
    Social,
    Search,
    Email,
    Paid,
    AiAssistant,
    Internal,
    Referral,
    Direct,
}

#[uniffi::remote(Enum)]
enum SentimentMode {
    Polar,
    All,
}

#[uniffi::remote(Record)]
struct Utm {
    #[uniffi(default = "")]
    source: String,
    #[uniffi(default = "")]
    medium: String,
    #[uniffi(default = "")]
    campaign: String,
    #[uniffi(default = "")]
    id: String,
    #[uniffi(default = "")]
    term: String,
    #[uniffi(default = "")]
    content: String,
    #[uniffi(default = "")]
    source_platform: String,
    #[uniffi(default = "")]
    creative_format: String,
    #[uniffi(default = "")]
    marketing_tactic: String,
}

#[uniffi::remote(Record)]
struct Rejected {
    line: u64,
    record: u64,
    field: Option<String>,
    reason: String,
}

/// How loaders read their input.
#[derive(uniffi::Record)]
pub struct LoadSettings {
    /// Schema field → input column.
    #[uniffi(default)]
    pub mapping: HashMap<String, String>,
    /// IANA zone of local date-times.
    #[uniffi(default = "UTC")]
    pub time_zone: String,
    /// Numbers use a decimal comma.
    #[uniffi(default = false)]
    pub decimal_comma: bool,
    /// CSV delimiter (one character); `None` sniffs it.
    #[uniffi(default = None)]
    pub delimiter: Option<String>,
    /// A chrono format for date-times.
    #[uniffi(default = None)]
    pub datetime_format: Option<String>,
    /// Stop at the first bad row.
    #[uniffi(default = false)]
    pub strict: bool,
}

impl TryFrom<LoadSettings> for LoadOptions {
    type Error = SmoError;
    fn try_from(s: LoadSettings) -> Result<Self, SmoError> {
        let delimiter = match s.delimiter.as_deref() {
            None => None,
            Some(d) if d.len() == 1 => Some(d.as_bytes()[0]),
            Some(d) => {
                return Err(arg(
                    "delimiter",
                    format!("`{d}` is not one ASCII character"),
                ));
            }
        };
        Ok(LoadOptions {
            mapping: s.mapping.into_iter().collect::<BTreeMap<_, _>>(),
            time_zone: data::time_zone(&s.time_zone)?,
            decimal_comma: s.decimal_comma,
            delimiter,
            datetime_format: s.datetime_format,
            strict: s.strict,
        })
    }
}

/// A rejected row with its table.
#[derive(uniffi::Record)]
pub struct TableRejected {
    /// `posts`, `accounts`, `web` or `costs`.
    pub table: String,
    /// The row.
    pub row: Rejected,
}

/// Measurement data (posts, account days, web analytics, costs), immutable.
#[derive(uniffi::Object)]
pub struct MeasureData {
    pub(crate) data: Dataset,
    rejected: Vec<TableRejected>,
}

fn load_json_table<T: Table>(
    text: Option<String>,
    opts: &LoadOptions,
    out: &mut Vec<T>,
    rej: &mut Vec<TableRejected>,
) -> Result<(), SmoError> {
    if let Some(text) = text {
        let l = data::load_json::<T>(&text, opts)?;
        *out = l.rows;
        rej.extend(l.rejected.into_iter().map(|r| TableRejected {
            table: T::NAME.into(),
            row: r,
        }));
    }
    Ok(())
}

impl MeasureData {
    /// The posts table, for the calendar's learned windows.
    pub(crate) fn post_rows(&self) -> Vec<PostRow> {
        self.data.posts.clone()
    }
}

#[uniffi::export]
impl MeasureData {
    /// Loads the tables given as CSV texts.
    #[uniffi::constructor(default(posts = None, accounts = None, web = None, costs = None))]
    pub fn from_csv(
        posts: Option<String>,
        accounts: Option<String>,
        web: Option<String>,
        costs: Option<String>,
        settings: LoadSettings,
    ) -> Result<Arc<Self>, SmoError> {
        let opts = LoadOptions::try_from(settings)?;
        let inputs = CsvInputs {
            posts: posts.as_deref(),
            accounts: accounts.as_deref(),
            web: web.as_deref(),
            costs: costs.as_deref(),
        };
        let (data, rejected) = Dataset::from_csv(inputs, &opts)?;
        Ok(Arc::new(Self {
            data,
            rejected: rejected
                .into_iter()
                .map(|r| TableRejected {
                    table: r.table.into(),
                    row: r.rejected,
                })
                .collect(),
        }))
    }

    /// Loads the tables given as JSON texts (arrays of objects).
    #[uniffi::constructor(default(posts = None, accounts = None, web = None, costs = None))]
    pub fn from_json(
        posts: Option<String>,
        accounts: Option<String>,
        web: Option<String>,
        costs: Option<String>,
        settings: LoadSettings,
    ) -> Result<Arc<Self>, SmoError> {
        let opts = LoadOptions::try_from(settings)?;
        let mut d = Dataset::default();
        let mut rej = Vec::new();
        load_json_table::<PostRow>(posts, &opts, &mut d.posts, &mut rej)?;
        load_json_table::<AccountRow>(accounts, &opts, &mut d.accounts, &mut rej)?;
        load_json_table::<WebRow>(web, &opts, &mut d.web, &mut rej)?;
        load_json_table::<CostRow>(costs, &opts, &mut d.costs, &mut rej)?;
        Ok(Arc::new(Self {
            data: d,
            rejected: rej,
        }))
    }

    /// The example brand's generated metrics.
    #[uniffi::constructor]
    pub fn example() -> Result<Arc<Self>, SmoError> {
        Ok(Arc::new(Self {
            data: Dataset::example()?,
            rejected: Vec::new(),
        }))
    }

    /// Rows the loaders rejected, with line and reason.
    pub fn rejected(&self) -> Vec<TableRejected> {
        self.rejected
            .iter()
            .map(|r| TableRejected {
                table: r.table.clone(),
                row: r.row.clone(),
            })
            .collect()
    }

    /// Rows read per table: posts, accounts, web, costs.
    pub fn counts(&self) -> Vec<u64> {
        vec![
            self.data.posts.len() as u64,
            self.data.accounts.len() as u64,
            self.data.web.len() as u64,
            self.data.costs.len() as u64,
        ]
    }

    /// Every table as JSON (the normalised schema).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.data).unwrap_or_default()
    }
}

/// The value of a KPI formula.
#[derive(uniffi::Record)]
pub struct KpiResult {
    /// Canonical spec.
    pub kpi: String,
    /// Value; `None` when undefined.
    pub value: Option<f64>,
    /// Unit id.
    pub unit: String,
    /// Rows that counted.
    pub used: u64,
    /// Rows left out.
    pub excluded: u64,
}

fn unit_id(u: smo_core::kpi::Unit) -> String {
    serde_json::to_value(u)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Evaluates a KPI formula spec (`engagement_rate?basis=impressions`) over data.
#[uniffi::export]
pub fn evaluate_kpi(spec: String, data: Arc<MeasureData>) -> Result<KpiResult, SmoError> {
    let f = Formula::parse(&spec)?;
    let v = f.evaluate(&data.data);
    Ok(KpiResult {
        kpi: v.kpi,
        value: v.value,
        unit: unit_id(v.unit),
        used: v.used,
        excluded: v.excluded,
    })
}

/// The canonical form of a KPI spec.
#[uniffi::export]
pub fn kpi_canonical(spec: String) -> Result<String, SmoError> {
    Ok(Formula::parse(&spec)?.canonical())
}

/// Engagement rate in %: engagements / denominator × 100.
#[uniffi::export]
pub fn engagement_rate(engagements: f64, denominator: f64) -> Option<f64> {
    fm::engagement_rate(engagements, denominator)
}

/// Σ engagements / (days × followers) × 100.
#[uniffi::export]
pub fn daily_engagement_rate(engagements: f64, days: f64, followers: f64) -> Option<f64> {
    fm::daily_engagement_rate(engagements, days, followers)
}

/// (end − start) / start × 100.
#[uniffi::export]
pub fn follower_growth_rate(start: f64, end: f64) -> Option<f64> {
    fm::follower_growth_rate(start, end)
}

/// Clicks / impressions × 100.
#[uniffi::export]
pub fn click_through_rate(clicks: f64, impressions: f64) -> Option<f64> {
    fm::click_through_rate(clicks, impressions)
}

/// Cost / impressions × 1000.
#[uniffi::export]
pub fn cpm(cost: f64, impressions: f64) -> Option<f64> {
    fm::cpm(cost, impressions)
}

/// Cost / clicks.
#[uniffi::export]
pub fn cpc(cost: f64, clicks: f64) -> Option<f64> {
    fm::cpc(cost, clicks)
}

/// Conversions / sessions × 100.
#[uniffi::export]
pub fn conversion_rate(conversions: f64, sessions: f64) -> Option<f64> {
    fm::conversion_rate(conversions, sessions)
}

/// Bounced sessions / sessions × 100.
#[uniffi::export]
pub fn bounce_rate(bounces: f64, sessions: f64) -> Option<f64> {
    fm::bounce_rate(bounces, sessions)
}

/// (value − cost) / cost × 100.
#[uniffi::export]
pub fn roi(value: f64, cost: f64) -> Option<f64> {
    fm::roi(value, cost)
}

/// Revenue / ad spend.
#[uniffi::export]
pub fn roas(revenue: f64, ad_spend: f64) -> Option<f64> {
    fm::roas(revenue, ad_spend)
}

/// Brand / (brand + competitors) × 100.
#[uniffi::export]
pub fn share_of_voice(brand: f64, competitors: f64) -> Option<f64> {
    fm::share_of_voice(brand, competitors)
}

/// Net sentiment in %, in the named mode.
#[uniffi::export]
pub fn net_sentiment(
    positive: f64,
    negative: f64,
    neutral: f64,
    mode: SentimentMode,
) -> Option<f64> {
    fm::net_sentiment(positive, negative, neutral, mode)
}

/// Response times summarised by `median`, `mean` or `fastest_share` (90 %).
#[uniffi::export]
pub fn response_time(times: Vec<f64>, method: String) -> Result<Option<f64>, SmoError> {
    let m = match method.as_str() {
        "median" => ResponseTime::Median,
        "mean" => ResponseTime::Mean,
        "fastest_share" => ResponseTime::FastestShare(0.9),
        other => {
            return Err(arg(
                "method",
                format!("`{other}`: use median, mean or fastest_share"),
            ));
        }
    };
    Ok(fm::response_time(&times, m))
}

/// Progress from baseline to target (0..1, not clamped).
#[uniffi::export]
pub fn objective_progress(baseline: f64, target: f64, current: f64) -> Option<f64> {
    objective::progress(baseline, target, current)
}

/// One key of a group.
#[derive(uniffi::Record)]
pub struct GroupKey {
    /// Dimension (`network`, `content_type`, `pillar`, `campaign`).
    pub name: String,
    /// Value.
    pub value: String,
}

/// One group of posts with its KPI values.
#[derive(uniffi::Record)]
pub struct GroupRow {
    /// Keys, in the order asked.
    pub keys: Vec<GroupKey>,
    /// Period label.
    pub period: Option<String>,
    /// Posts.
    pub posts: u64,
    /// One value per KPI.
    pub values: Vec<Option<f64>>,
    /// Change from the previous period, %.
    pub change_pct: Vec<Option<f64>>,
}

/// Groups posts and computes KPIs per group (`by`: network, content_type, pillar, campaign;
/// `period`: day, week, month, quarter).
#[uniffi::export(default(by = [], period = None, time_zone = "UTC"))]
pub fn group_posts(
    data: Arc<MeasureData>,
    kpis: Vec<String>,
    by: Vec<String>,
    period: Option<String>,
    time_zone: String,
) -> Result<Vec<GroupRow>, SmoError> {
    let (f, opts) = group_options(&kpis, &by, period.as_deref(), &time_zone)?;
    Ok(group_rows(core_group_posts(&data.data.posts, &f, &opts)))
}

fn group_rows(g: smo_core::kpi::group::Grouped) -> Vec<GroupRow> {
    g.rows
        .into_iter()
        .map(|r| GroupRow {
            keys: r
                .keys
                .into_iter()
                .map(|(name, value)| GroupKey { name, value })
                .collect(),
            period: r.period,
            posts: r.posts,
            values: r.values,
            change_pct: r.change_pct,
        })
        .collect()
}

fn group_options(
    kpis: &[String],
    by: &[String],
    period: Option<&str>,
    time_zone: &str,
) -> Result<(Vec<Formula>, GroupOptions), SmoError> {
    let f: Vec<Formula> = kpis
        .iter()
        .map(|k| Formula::parse(k))
        .collect::<Result<_, _>>()?;
    let opts = GroupOptions {
        by: by
            .iter()
            .map(|b| b.parse::<GroupBy>())
            .collect::<Result<_, _>>()?,
        period: period.map(str::parse::<Period>).transpose()?,
        time_zone: data::time_zone(time_zone)?,
    };
    Ok((f, opts))
}

/// The groups of a metrics CSV file read a block at a time, and the rows not read.
#[derive(uniffi::Record)]
pub struct StreamedGroups {
    /// KPIs per group.
    pub rows: Vec<GroupRow>,
    /// Rows read and grouped.
    pub read: u64,
    /// Rows not read, with their line and why.
    pub rejected: Vec<Rejected>,
}

/// Groups the posts of a metrics CSV file of any size (`path`), a block at a time, in memory
/// bounded by the block: the groups of `loadPosts` then `groupPosts` on the whole file.
#[uniffi::export(default(by = [], period = None, time_zone = "UTC"))]
pub fn group_posts_csv_file(
    path: String,
    kpis: Vec<String>,
    by: Vec<String>,
    period: Option<String>,
    time_zone: String,
) -> Result<StreamedGroups, SmoError> {
    let (f, opts) = group_options(&kpis, &by, period.as_deref(), &time_zone)?;
    let file = std::fs::File::open(&path).map_err(|e| Error::Argument {
        name: "path".into(),
        message: format!("cannot open `{path}`: {e}"),
    })?;
    let load = LoadOptions {
        time_zone: opts.time_zone,
        ..Default::default()
    };
    let s = smo_core::kpi::group::group_posts_csv_reader(
        std::io::BufReader::with_capacity(1 << 20, file),
        &load,
        &f,
        &opts,
    )?;
    Ok(StreamedGroups {
        rows: group_rows(s.grouped),
        read: s.rows,
        rejected: s.rejected,
    })
}

/// Where an objective stands.
#[derive(uniffi::Record)]
pub struct ObjectiveStatus {
    /// Objective id.
    pub objective: String,
    /// Canonical KPI formula.
    pub kpi: Option<String>,
    /// `achieved`, `on_track`, `at_risk`, `off_track` or `no_data`.
    pub status: String,
    /// The rule that decided.
    pub rule: String,
    /// Why, with the numbers.
    pub reason: String,
    /// Current value.
    pub current: Option<f64>,
    /// Baseline used.
    pub baseline: Option<f64>,
    /// Target.
    pub target: Option<f64>,
    /// Progress (0..1).
    pub progress: Option<f64>,
    /// Forecast at the deadline.
    pub forecast: Option<f64>,
    /// Low end of the 80 % band.
    pub forecast_low: Option<f64>,
    /// High end of the 80 % band.
    pub forecast_high: Option<f64>,
}

/// Tracks every objective of a strategy over data.
#[uniffi::export(default(as_of = None, period = "month", time_zone = "UTC"))]
pub fn track_objectives(
    strategy: Arc<crate::strategy::Strategy>,
    data: Arc<MeasureData>,
    as_of: Option<String>,
    period: String,
    time_zone: String,
) -> Result<Vec<ObjectiveStatus>, SmoError> {
    let opts = TrackOptions {
        as_of: as_of
            .as_deref()
            .map(smo_core::strategy::parse_date)
            .transpose()?,
        period: period.parse()?,
        time_zone: data::time_zone(&time_zone)?,
        ..Default::default()
    };
    let tracks = objective::track(&strategy.0, &data.data, &opts)?;
    Ok(tracks
        .into_iter()
        .map(|t| ObjectiveStatus {
            objective: t.objective,
            kpi: t.kpi,
            status: t.status.as_str().into(),
            rule: t.rule.into(),
            reason: t.reason,
            current: t.current,
            baseline: t.baseline,
            target: t.target,
            progress: t.progress,
            forecast: t.forecast.as_ref().map(|f| f.value),
            forecast_low: t.forecast.as_ref().map(|f| f.low),
            forecast_high: t.forecast.as_ref().map(|f| f.high),
        })
        .collect())
}

/// What smo makes of a referrer.
#[derive(uniffi::Record)]
pub struct ReferrerInfo {
    /// Medium.
    pub medium: Medium,
    /// Source display name, or the host.
    pub source: String,
    /// Network, when social and known.
    pub network: Option<Network>,
    /// Search term.
    pub term: Option<String>,
    /// Referrer host.
    pub host: Option<String>,
    /// GA4-model channel.
    pub channel: String,
    /// Domain table version.
    pub table_version: String,
}

impl From<smo_core::traffic::Referrer> for ReferrerInfo {
    fn from(r: smo_core::traffic::Referrer) -> Self {
        ReferrerInfo {
            channel: r.channel().as_str().into(),
            medium: r.medium,
            network: r.network,
            source: r.source,
            term: r.term,
            host: r.host,
            table_version: r.table_version.into(),
        }
    }
}

/// Classifies a referrer (and the landing page, for internal traffic and click ids).
#[uniffi::export(default(page_url = None, database = None))]
pub fn classify_referrer(
    referrer: String,
    page_url: Option<String>,
    database: Option<Arc<crate::referers::RefererDb>>,
) -> ReferrerInfo {
    classify_with(
        &referrer,
        page_url.as_deref(),
        &crate::referers::options(database),
    )
    .into()
}

/// Classifies many referrers.
#[uniffi::export(default(page_url = None, database = None))]
pub fn classify_referrers(
    referrers: Vec<String>,
    page_url: Option<String>,
    database: Option<Arc<crate::referers::RefererDb>>,
) -> Vec<ReferrerInfo> {
    smo_core::traffic::batch::classify_many(
        &referrers,
        page_url.as_deref(),
        &crate::referers::options(database),
    )
    .into_iter()
    .map(ReferrerInfo::from)
    .collect()
}

/// The GA4-model default channel group (`Organic Social`).
#[uniffi::export(default(campaign = ""))]
pub fn channel_group(source: String, medium: String, campaign: String) -> String {
    smo_core::traffic::channel_group(&source, &medium, &campaign)
        .as_str()
        .into()
}

/// Builds a UTM-tagged URL (`keep_existing`: keep the URL's UTM values over the given ones).
#[uniffi::export(default(keep_existing = false, lowercase = true))]
pub fn utm_url(
    url: String,
    utm: Utm,
    keep_existing: bool,
    lowercase: bool,
) -> Result<String, SmoError> {
    let existing = if keep_existing {
        Existing::Keep
    } else {
        Existing::Replace
    };
    Ok(utm::build_url(
        &url,
        &utm,
        &UtmOptions {
            existing,
            lowercase,
        },
    )?)
}

/// The UTM parameters of a URL.
#[uniffi::export]
pub fn parse_utm(url: String) -> Result<Utm, SmoError> {
    Ok(utm::parse_url(&url)?.utm)
}

/// Lints a campaign's links against the naming convention.
#[uniffi::export(default(site_hosts = []))]
pub fn lint_utm(links: Vec<String>, site_hosts: Vec<String>) -> Result<Vec<Finding>, SmoError> {
    Ok(utm::lint(
        &links,
        &LintOptions {
            site_hosts,
            ..Default::default()
        },
    )?)
}

/// Visits from one source.
#[derive(uniffi::Record)]
pub struct SourceVisits {
    /// Medium.
    pub medium: Medium,
    /// Source name.
    pub source: String,
    /// Network.
    pub network: Option<Network>,
    /// Channel.
    pub channel: String,
    /// Visits.
    pub count: u64,
}

/// A traffic-source breakdown.
#[derive(uniffi::Record)]
pub struct TrafficBreakdown {
    /// Visits classified.
    pub total: u64,
    /// Per source, most first.
    pub sources: Vec<SourceVisits>,
    /// Requests left out: assets, bots, errors.
    pub skipped: u64,
    /// Lines not in combined log format: (line, reason).
    pub rejected_lines: Vec<Rejected>,
}

impl From<Breakdown> for TrafficBreakdown {
    fn from(b: Breakdown) -> Self {
        TrafficBreakdown {
            total: b.total,
            skipped: b.skipped_assets + b.skipped_bots + b.skipped_errors,
            sources: b
                .sources
                .into_iter()
                .map(|s| SourceVisits {
                    medium: s.medium,
                    source: s.source,
                    network: s.network,
                    channel: s.channel.as_str().into(),
                    count: s.count,
                })
                .collect(),
            rejected_lines: b
                .rejected
                .into_iter()
                .map(|r| Rejected {
                    line: r.line,
                    record: r.line,
                    field: None,
                    reason: r.reason,
                })
                .collect(),
        }
    }
}

/// A breakdown of a list of referrers.
#[uniffi::export(default(page_url = None, database = None))]
pub fn traffic_breakdown(
    referrers: Vec<String>,
    page_url: Option<String>,
    database: Option<Arc<crate::referers::RefererDb>>,
) -> TrafficBreakdown {
    breakdown_referrers(
        &referrers,
        page_url.as_deref(),
        &crate::referers::options(database),
    )
    .into()
}

/// A breakdown of a combined-format access log.
#[uniffi::export(default(site = None, database = None))]
pub fn access_log_breakdown(
    text: String,
    site: Option<String>,
    database: Option<Arc<crate::referers::RefererDb>>,
) -> TrafficBreakdown {
    breakdown_log(
        &text,
        &LogOptions {
            site,
            classify: crate::referers::options(database),
            ..Default::default()
        },
    )
    .into()
}

/// The SMO report in its three forms.
#[derive(uniffi::Record)]
pub struct ReportOutput {
    /// JSON.
    pub json: String,
    /// Markdown.
    pub markdown: String,
    /// Self-contained HTML with SVG charts.
    pub html: String,
    /// FNV-1a 64 of the JSON.
    pub hash: String,
}

/// Builds the SMO report (period: day, week, month, quarter; dates `YYYY-MM-DD`).
#[uniffi::export(default(audit = None, period = "month", start = None, end = None, time_zone = "UTC", calendar = None, watch = None, advice = None))]
#[allow(clippy::too_many_arguments)]
pub fn report(
    strategy: Arc<crate::strategy::Strategy>,
    data: Arc<MeasureData>,
    audit: Option<Vec<Finding>>,
    period: String,
    start: Option<String>,
    end: Option<String>,
    time_zone: String,
    calendar: Option<Arc<crate::calendar::CalendarPlan>>,
    watch: Option<Arc<crate::watch::WatchBrief>>,
    advice: Option<crate::advice::Advice>,
) -> Result<ReportOutput, SmoError> {
    let opts = ReportOptions {
        period: period.parse()?,
        start: start
            .as_deref()
            .map(smo_core::strategy::parse_date)
            .transpose()?,
        end: end
            .as_deref()
            .map(smo_core::strategy::parse_date)
            .transpose()?,
        time_zone: data::time_zone(&time_zone)?,
        ..Default::default()
    };
    let r = smo_core::report::report(&strategy.0, &data.data, audit.as_deref(), &opts)?;
    let r = match calendar {
        Some(c) => r.with_calendar(c.0.clone()),
        None => r,
    };
    let r = match watch {
        Some(w) => r.with_watch(w.0.clone()),
        None => r,
    };
    let r = match advice {
        Some(a) => r.with_advice(&a.core()),
        None => r,
    };
    Ok(ReportOutput {
        json: r.to_json(),
        markdown: r.to_markdown(),
        html: r.to_html(),
        hash: r.hash(),
    })
}
