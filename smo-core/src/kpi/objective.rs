//! Objective tracking: for each objective of a strategy, where its KPI stands, how far it has
//! come from baseline to target, where the trend leads by the deadline, and a status with the rule
//! that decided it (measurement.md §2).
//!
//! - **Series**: the objective's KPI (default variant of [`FORMULAS`](super::formula::FORMULAS))
//!   per period, over the data of its networks (posts and accounts by network; web rows whose
//!   source is one of the networks; costs of those networks).
//! - **Current**: the value of the last complete period (the last period when none is complete).
//! - **Progress** p = (current − baseline) / (target − baseline), for rising and falling targets;
//!   undefined when baseline = target. Without a baseline, the first period's value is used and
//!   the result says so. **Expected** e = (as of − start) / (deadline − start).
//! - **Forecast**: least-squares line through the per-period values (x = period midpoint), read
//!   at the deadline, with an 80 % prediction interval (Student t).
//! - **Status**: the first rule of [`STATUS_RULES`] that applies.
//!
//! ```
//! use smo_core::kpi::objective::{progress, expected};
//! // measurement.md §2: ER 2.0 % on 1 Jan, target 3.0 % by 30 Jun, 2.4 % on 1 Apr.
//! assert!((progress(2.0, 3.0, 2.4).unwrap() - 0.4).abs() < 1e-9);
//! let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
//! assert_eq!(expected(d("2026-01-01"), d("2026-06-30"), d("2026-04-01")), Some(0.5));
//! ```

use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use crate::data::{AccountRow, Dataset, PostRow, WebRow};
use crate::error::Result;
use crate::kpi::formula::Formula;
use crate::kpi::group::Period;
use crate::kpi::{Direction, Unit};
use crate::network::Network;
use crate::strategy::{Objective, Strategy};

/// Where an objective stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target is met.
    Achieved,
    /// The trend (or the pace) reaches the target by the deadline.
    OnTrack,
    /// Reaching the target is possible but not the likely outcome.
    AtRisk,
    /// The target will likely be missed, or the deadline has passed.
    OffTrack,
    /// No value of the KPI in the data (or no KPI that smo can compute).
    NoData,
}

impl Status {
    /// The id: `achieved`, `on_track`, `at_risk`, `off_track`, `no_data`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::NoData => "no_data",
        }
    }

    /// Words for reports.
    pub fn label(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on track",
            Status::AtRisk => "at risk",
            Status::OffTrack => "off track",
            Status::NoData => "no data",
        }
    }
}

/// A status rule: the rules are tried in this order and the first that applies decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusRule {
    /// Id cited in results and reports.
    pub id: &'static str,
    /// When it applies and what it decides.
    pub description: &'static str,
}

/// The status rules, in order.
pub static STATUS_RULES: &[StatusRule] = &[
    StatusRule {
        id: "status/not-measurable",
        description: "Qualitative objective, or a KPI without a formula in smo: no data.",
    },
    StatusRule {
        id: "status/no-data",
        description: "The KPI has no value in the data for the objective's scope: no data.",
    },
    StatusRule {
        id: "status/achieved",
        description: "The current value meets the target (≥ for rising targets, ≤ for falling ones): achieved.",
    },
    StatusRule {
        id: "status/deadline-passed",
        description: "The deadline has passed and the target is not met: off track.",
    },
    StatusRule {
        id: "status/pace",
        description: "Fewer periods than the minimum for a trend: on track if progress ≥ expected − tolerance, at risk if progress ≥ half of expected, else off track.",
    },
    StatusRule {
        id: "status/forecast",
        description: "The trend's forecast at the deadline meets the target: on track; only the favourable end of the 80 % band meets it: at risk; else off track.",
    },
];

/// KPIs whose values add up over time (a month's reach is the sum of its weeks').
const ADDITIVE: &[&str] = &[
    "posts",
    "reach",
    "impressions",
    "video_views",
    "engagements",
    "profile_visits",
    "mentions",
    "sessions",
    "social_sessions",
    "conversions",
    "revenue",
];

/// Options of [`track`].
#[derive(Debug, Clone, PartialEq)]
pub struct TrackOptions {
    /// The day of the assessment; default: the last day with data.
    pub as_of: Option<NaiveDate>,
    /// When the objectives started, for those that give no `start` of their own; default: the
    /// first day with data.
    pub start: Option<NaiveDate>,
    /// Period of the values (current value, per-period needs). Default: month.
    pub period: Period,
    /// Period of the points the trend is fitted on. Default: week. Values of additive KPIs
    /// (reach, sessions, revenue...) are scaled to [`TrackOptions::period`] (× 30.44 / 7 for
    /// weeks into months), so the forecast is in the objective's unit.
    pub trend_period: Period,
    /// Zone of the post dates. Default UTC.
    pub time_zone: Tz,
    /// Fewest trend points for a forecast (below: pace only, no forecast). Default 6.
    pub min_periods: usize,
    /// Slack on pace, as a share of the way (0.1 = 10 points of progress). Default 0.1.
    pub tolerance: f64,
}

impl Default for TrackOptions {
    fn default() -> Self {
        TrackOptions {
            as_of: None,
            start: None,
            period: Period::Month,
            trend_period: Period::Week,
            time_zone: Tz::UTC,
            min_periods: 6,
            tolerance: 0.1,
        }
    }
}

/// A forecast at the deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// The day forecast (the deadline).
    pub at: NaiveDate,
    /// Point forecast.
    pub value: f64,
    /// Lower end of the 80 % prediction interval.
    pub low: f64,
    /// Upper end.
    pub high: f64,
    /// Trend, in KPI units per period.
    pub slope_per_period: f64,
    /// Periods the line was fitted on.
    pub points: usize,
}

/// One value of the series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// Period label.
    pub period: String,
    /// First day of the period.
    pub start: NaiveDate,
    /// Value; `None` when undefined.
    pub value: Option<f64>,
    /// Whether the period ends after the as-of day.
    pub partial: bool,
}

/// The tracking of one objective.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveTrack {
    /// Objective id.
    pub objective: String,
    /// Its statement.
    pub statement: String,
    /// Canonical formula, when the KPI has one.
    pub kpi: Option<String>,
    /// KPI unit.
    pub unit: Option<Unit>,
    /// Networks in scope (empty: all).
    pub networks: Vec<Network>,
    /// Baseline used.
    pub baseline: Option<f64>,
    /// Whether the baseline was taken from the first period because the strategy has none.
    pub baseline_from_data: bool,
    /// Target.
    pub target: Option<f64>,
    /// Deadline.
    pub deadline: Option<NaiveDate>,
    /// Current value.
    pub current: Option<f64>,
    /// Period of the current value.
    pub current_period: Option<String>,
    /// Per-period values.
    pub series: Vec<SeriesPoint>,
    /// Progress from baseline to target (0 = baseline, 1 = target; not clamped).
    pub progress: Option<f64>,
    /// Share of the time from start to deadline elapsed.
    pub expected: Option<f64>,
    /// Change per remaining period needed to reach the target.
    pub required_per_period: Option<f64>,
    /// Trend forecast at the deadline, when there are enough periods.
    pub forecast: Option<Forecast>,
    /// Status.
    pub status: Status,
    /// The rule of [`STATUS_RULES`] that decided.
    pub rule: &'static str,
    /// Why, with the numbers.
    pub reason: String,
}

/// Progress from `baseline` to `target` at `current`; `None` when baseline = target.
pub fn progress(baseline: f64, target: f64, current: f64) -> Option<f64> {
    let span = target - baseline;
    (span != 0.0 && span.is_finite()).then(|| (current - baseline) / span)
}

/// Share of the time from `start` to `deadline` elapsed at `now`; `None` when deadline ≤ start.
pub fn expected(start: NaiveDate, deadline: NaiveDate, now: NaiveDate) -> Option<f64> {
    let total = (deadline - start).num_days();
    (total > 0).then(|| (now - start).num_days() as f64 / total as f64)
}

/// Two-sided 80 % Student t quantile (0.90) for `df` degrees of freedom.
fn t80(df: usize) -> f64 {
    const T: [f64; 10] = [
        3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
    ];
    match df {
        0 => f64::NAN,
        1..=10 => T[df - 1],
        11..=15 => 1.341,
        16..=20 => 1.325,
        21..=30 => 1.310,
        _ => 1.282,
    }
}

/// Least-squares line through `(x, y)`, read at `x0`, with an 80 % prediction interval.
/// Returns (value, half-width, slope); `None` for fewer than 3 points or identical x.
///
/// ```
/// let (v, half, slope) = smo_core::kpi::objective::linear_forecast(&[(0.0, 1.0), (1.0, 2.0), (2.0, 3.0)], 4.0).unwrap();
/// assert!((v - 5.0).abs() < 1e-9 && half.abs() < 1e-9 && (slope - 1.0).abs() < 1e-9);
/// ```
pub fn linear_forecast(points: &[(f64, f64)], x0: f64) -> Option<(f64, f64, f64)> {
    let n = points.len();
    if n < 3 {
        return None;
    }
    let nf = n as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / nf;
    let my = points.iter().map(|p| p.1).sum::<f64>() / nf;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    let icpt = my - slope * mx;
    let sse: f64 = points
        .iter()
        .map(|p| (p.1 - icpt - slope * p.0).powi(2))
        .sum();
    let s = (sse / (nf - 2.0)).sqrt();
    let se = s * (1.0 + 1.0 / nf + (x0 - mx).powi(2) / sxx).sqrt();
    Some((icpt + slope * x0, t80(n - 2) * se, slope))
}

/// The data of one objective's scope.
struct Scope<'a> {
    posts: Vec<&'a PostRow>,
    accounts: Vec<&'a AccountRow>,
    web: Vec<&'a WebRow>,
    costs: Vec<(NaiveDate, f64, bool)>,
}

fn scope<'a>(data: &'a Dataset, networks: &[Network]) -> Scope<'a> {
    let all = networks.is_empty();
    let inn = |n: Network| all || networks.contains(&n);
    Scope {
        posts: data.posts.iter().filter(|p| inn(p.network)).collect(),
        accounts: data.accounts.iter().filter(|a| inn(a.network)).collect(),
        web: data
            .web
            .iter()
            .filter(|w| all || crate::traffic::source_network(&w.source).is_some_and(inn))
            .collect(),
        costs: data
            .costs
            .iter()
            .filter(|c| all || c.network.is_some_and(inn))
            .map(|c| {
                (
                    c.date,
                    c.amount,
                    c.category == crate::data::CostCategory::Ads,
                )
            })
            .collect(),
    }
}

/// Tracks every objective of `strategy` over `data`.
pub fn track(
    strategy: &Strategy,
    data: &Dataset,
    opts: &TrackOptions,
) -> Result<Vec<ObjectiveTrack>> {
    let tz = opts.time_zone;
    let post_day = |p: &PostRow| p.published.with_timezone(&tz).date_naive();
    let days: Vec<NaiveDate> = data
        .posts
        .iter()
        .map(post_day)
        .chain(data.accounts.iter().map(|a| a.date))
        .chain(data.web.iter().map(|w| w.date))
        .collect();
    let first = days.iter().min().copied();
    let last = days.iter().max().copied();
    let as_of = opts.as_of.or(last);
    let start = opts.start.or(first);
    Ok(strategy
        .objectives
        .iter()
        .map(|o| track_one(o, data, opts, as_of, o.start.or(start)))
        .collect())
}

fn track_one(
    o: &Objective,
    data: &Dataset,
    opts: &TrackOptions,
    as_of: Option<NaiveDate>,
    start: Option<NaiveDate>,
) -> ObjectiveTrack {
    let mut t = ObjectiveTrack {
        objective: o.id.clone(),
        statement: o.statement.clone(),
        kpi: None,
        unit: None,
        networks: o.networks.clone(),
        baseline: o.baseline,
        baseline_from_data: false,
        target: o.target,
        deadline: o.deadline,
        current: None,
        current_period: None,
        series: Vec::new(),
        progress: None,
        expected: None,
        required_per_period: None,
        forecast: None,
        status: Status::NoData,
        rule: "status/not-measurable",
        reason: String::new(),
    };
    let formula = match (&o.kpi, o.qualitative) {
        (_, true) | (None, _) => {
            t.reason =
                "qualitative objective: no KPI to compute; judge it in the qualitative review"
                    .into();
            return t;
        }
        (Some(kpi), false) => match Formula::parse(kpi) {
            Ok(f) => f,
            Err(_) => {
                t.reason = format!(
                    "KPI `{kpi}` has no formula in smo: track it by hand or name a catalogue KPI"
                );
                return t;
            }
        },
    };
    t.kpi = Some(formula.canonical());
    t.unit = Some(formula.unit());
    let s = scope(data, &o.networks);
    let tz = opts.time_zone;
    let day_of = |p: &PostRow| p.published.with_timezone(&tz).date_naive();
    let series = |period: Period| -> Vec<SeriesPoint> {
        // Periods covering the scope's data.
        let mut starts: Vec<NaiveDate> = s
            .posts
            .iter()
            .map(|p| day_of(p))
            .chain(s.accounts.iter().map(|a| a.date))
            .chain(s.web.iter().map(|w| w.date))
            .map(|d| period.start(d))
            .filter(|d| as_of.is_none_or(|a| *d <= a))
            // An objective with its own start is measured from the period holding that day.
            .filter(|d| o.start.is_none_or(|st| period.next_start(*d) > st))
            .collect();
        starts.sort();
        starts.dedup();
        let mut out = Vec::with_capacity(starts.len());
        for ps in &starts {
            let next = period.next_start(*ps);
            let inp = |d: NaiveDate| d >= *ps && d < next;
            let posts: Vec<&PostRow> = s.posts.iter().copied().filter(|p| inp(day_of(p))).collect();
            let accounts: Vec<&AccountRow> =
                s.accounts.iter().copied().filter(|a| inp(a.date)).collect();
            let web: Vec<&WebRow> = s.web.iter().copied().filter(|w| inp(w.date)).collect();
            let cost: f64 = s.costs.iter().filter(|c| inp(c.0)).map(|c| c.1).sum();
            let ads: f64 = s
                .costs
                .iter()
                .filter(|c| inp(c.0) && c.2)
                .map(|c| c.1)
                .sum();
            let v = formula.evaluate_parts(&posts, &accounts, &web, cost, ads);
            out.push(SeriesPoint {
                period: period.label(*ps),
                start: *ps,
                value: v.value,
                partial: as_of.is_some_and(|a| next > a + Duration::days(1)),
            });
        }
        out
    };
    t.series = series(opts.period);
    let defined: Vec<&SeriesPoint> = t.series.iter().filter(|p| p.value.is_some()).collect();
    let complete: Vec<&&SeriesPoint> = defined.iter().filter(|p| !p.partial).collect();
    let current_point = complete.last().map(|p| **p).or(defined.last().copied());
    let Some(cur) = current_point else {
        t.rule = "status/no-data";
        t.reason = format!(
            "no value of {} in the data for {}",
            formula.canonical(),
            scope_words(&o.networks)
        );
        return t;
    };
    let current = cur.value.unwrap_or_default();
    t.current = Some(current);
    t.current_period = Some(cur.period.clone());
    if t.baseline.is_none() {
        t.baseline = defined.first().and_then(|p| p.value);
        t.baseline_from_data = true;
    }
    let Some(target) = o.target else {
        t.rule = "status/not-measurable";
        t.reason = "the objective has no target".into();
        return t;
    };
    let baseline = t.baseline.unwrap_or(current);
    // Direction: the catalogue's (a CPC target is a ceiling even when written above the
    // baseline); for KPIs outside the catalogue, from baseline to target.
    let catalogued = crate::kpi::find(formula.id()).map(|k| k.direction);
    let rising = match catalogued {
        Some(d) => d == Direction::Increase,
        None => target >= baseline,
    };
    let contradiction = if target != baseline && (target > baseline) != rising {
        format!(
            " (the target is {} the baseline although {} is better for {}: read as a {})",
            if target > baseline { "above" } else { "below" },
            if rising { "higher" } else { "lower" },
            formula.id(),
            if rising { "floor" } else { "ceiling" }
        )
    } else {
        String::new()
    };
    let meets = |v: f64| if rising { v >= target } else { v <= target };
    t.progress = progress(baseline, target, current);
    if let (Some(st), Some(dl), Some(now)) = (start, o.deadline, as_of) {
        t.expected = expected(st, dl, now);
    }
    let remaining = match (o.deadline, as_of) {
        (Some(dl), Some(now)) if dl > now => {
            let mut n = 0u32;
            let mut d = opts.period.next_start(now);
            while d <= dl && n < 10_000 {
                n += 1;
                d = opts.period.next_start(d);
            }
            Some(n.max(1))
        }
        _ => None,
    };
    t.required_per_period = remaining.map(|n| (target - current) / f64::from(n));
    let pct = |v: Option<f64>| v.map_or("n/a".to_owned(), |v| format!("{:.0} %", v * 100.0));
    let fmt = |v: f64| crate::kpi::format_value(v, formula.unit());
    if meets(current) {
        t.status = Status::Achieved;
        t.rule = "status/achieved";
        t.reason = format!(
            "current {} ({}) meets the target {}{contradiction}",
            fmt(current),
            cur.period,
            fmt(target)
        );
        return t;
    }
    if let (Some(dl), Some(now)) = (o.deadline, as_of) {
        if now > dl {
            t.status = Status::OffTrack;
            t.rule = "status/deadline-passed";
            t.reason = format!(
                "deadline {dl} passed with {} against a target of {}",
                fmt(current),
                fmt(target)
            );
            return t;
        }
    }
    // Forecast from the complete trend points, scaled to the objective's period.
    let avg_days = |p: Period| match p {
        Period::Day => 1.0,
        Period::Week => 7.0,
        Period::Month => 30.4375,
        Period::Quarter => 91.3125,
    };
    let scale = if ADDITIVE.contains(&formula.id()) {
        avg_days(opts.period) / avg_days(opts.trend_period)
    } else {
        1.0
    };
    let trend = series(opts.trend_period);
    let origin = trend.first().map(|p| p.start);
    let pts: Vec<(f64, f64)> = trend
        .iter()
        .filter(|p| !p.partial)
        .filter_map(|p| {
            let mid = p.start
                + Duration::days((opts.trend_period.next_start(p.start) - p.start).num_days() / 2);
            Some(((mid - origin?).num_days() as f64, p.value? * scale))
        })
        .collect();
    let period_days = avg_days(opts.period);
    if let (Some(dl), Some(origin), true) =
        (o.deadline, origin, pts.len() >= opts.min_periods.max(3))
    {
        let x0 = (dl - origin).num_days() as f64;
        if let Some((value, half, slope)) = linear_forecast(&pts, x0) {
            // A straight line knows no bounds: keep the forecast inside the KPI's domain.
            let can_be_negative = matches!(
                formula.id(),
                "net_sentiment" | "roi" | "follower_growth_rate"
            );
            let clamp = |v: f64| if can_be_negative { v } else { v.max(0.0) };
            let f = Forecast {
                at: dl,
                value: clamp(value),
                low: clamp(value - half),
                high: clamp(value + half),
                slope_per_period: slope * period_days,
                points: pts.len(),
            };
            let favourable = if rising { f.high } else { f.low };
            let (status, words) = if meets(f.value) {
                (Status::OnTrack, "the trend reaches the target")
            } else if meets(favourable) {
                (
                    Status::AtRisk,
                    "only the favourable end of the 80 % band reaches the target",
                )
            } else {
                (
                    Status::OffTrack,
                    "even the favourable end of the 80 % band misses the target",
                )
            };
            t.status = status;
            t.rule = "status/forecast";
            t.reason = format!(
                "forecast at {dl}: {} (80 % band {} to {}) against a target of {}{contradiction}: {words}; trend {}{} per {} over {} {}s",
                fmt(f.value),
                fmt(f.low),
                fmt(f.high),
                fmt(target),
                if f.slope_per_period >= 0.0 { "+" } else { "" },
                fmt(f.slope_per_period),
                opts.period,
                f.points,
                opts.trend_period
            );
            t.forecast = Some(f);
            return t;
        }
    }
    // Pace: progress against elapsed time.
    t.rule = "status/pace";
    let (p, e) = (t.progress, t.expected);
    t.status = match (p, e) {
        (Some(p), Some(e)) if p >= e - opts.tolerance => Status::OnTrack,
        (Some(p), Some(e)) if p >= e / 2.0 => Status::AtRisk,
        (Some(_), Some(_)) => Status::OffTrack,
        _ => Status::AtRisk,
    };
    t.reason = format!(
        "only {} complete {}(s) of data (a trend needs {}): progress {} against {} of the time elapsed{contradiction}",
        pts.len(),
        opts.trend_period,
        opts.min_periods.max(3),
        pct(p),
        pct(e)
    );
    t
}

fn scope_words(networks: &[Network]) -> String {
    if networks.is_empty() {
        "all networks".into()
    } else {
        networks
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_behind_schedule() {
        let p = progress(2.0, 3.0, 2.4).unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let e = expected(d("2026-01-01"), d("2026-06-30"), d("2026-04-01")).unwrap();
        assert!((p - 0.4).abs() < 1e-9);
        assert!((e - 0.5).abs() < 1e-9);
        assert!(p < e);
        // Falling targets: CPC from 0.60 down to 0.45, now 0.50 → two thirds of the way.
        assert!((progress(0.60, 0.45, 0.50).unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(progress(1.0, 1.0, 2.0), None);
    }

    #[test]
    fn an_objective_start_of_its_own_narrows_the_series() {
        let mut strategy = Strategy::example().unwrap();
        let data = Dataset::example().unwrap();
        let opts = TrackOptions::default();
        let whole = track(&strategy, &data, &opts).unwrap();
        let i = whole.iter().position(|t| t.series.len() >= 3).unwrap();
        let second = whole[i].series[1].start;
        strategy.objectives[i].start = Some(second + Duration::days(3));
        let narrowed = track(&strategy, &data, &opts).unwrap();
        let (before, after) = (&whole[i], &narrowed[i]);
        // The period holding the start day is the first one measured.
        assert_eq!(after.series.first().map(|p| p.start), Some(second));
        assert_eq!(after.series.len(), before.series.len() - 1);
        assert_eq!(after.current, before.current);
        // Less time has elapsed since the objective's own start.
        if let (Some(b), Some(a)) = (before.expected, after.expected) {
            assert!(a < b, "{a} < {b}");
        }
        // Other objectives are unchanged.
        for j in (0..whole.len()).filter(|j| *j != i) {
            assert_eq!(whole[j].series, narrowed[j].series);
        }
    }

    #[test]
    fn forecast_band_widens_with_noise() {
        let exact =
            linear_forecast(&[(0.0, 1.0), (1.0, 2.0), (2.0, 3.0), (3.0, 4.0)], 10.0).unwrap();
        let noisy =
            linear_forecast(&[(0.0, 1.0), (1.0, 2.5), (2.0, 2.5), (3.0, 4.0)], 10.0).unwrap();
        assert!(exact.1.abs() < 1e-9);
        assert!(noisy.1 > 0.5);
        assert!(linear_forecast(&[(0.0, 1.0), (1.0, 2.0)], 3.0).is_none());
    }
}
