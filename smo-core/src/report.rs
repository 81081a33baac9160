//! The SMO report: the quantitative and qualitative review a consultant hands to a client.
//!
//! [`report`] joins a [`Strategy`], its measurement [`Dataset`] and, optionally, the findings of
//! a site audit, into a [`Report`]: KPIs per network and period, objective status (from
//! [`crate::kpi::objective`]), traffic sources by GA4-model channel, content types and pillars
//! against the plan, top and bottom posts, findings and recommendations. Each recommendation is
//! a [`crate::advice::Recommendation`] of a rule of [`crate::advice::RULES`] (the report's own
//! `report/*` rules among them), with the numbers that triggered it as its evidence. It renders as JSON ([`Report::to_json`]), Markdown ([`Report::to_markdown`]) and
//! one self-contained HTML page with inline SVG charts ([`Report::to_html`]: no script, no
//! network access). The same inputs give byte-identical output: every list is sorted, every
//! number rounded, and nothing reads the clock; the content hash printed in each output is
//! FNV-1a 64 of the JSON.
//!
//! ```
//! use smo_core::{Strategy, data::Dataset, report::{report, ReportOptions}};
//! let r = report(&Strategy::example()?, &Dataset::default(), None, &ReportOptions::default())?;
//! assert!(r.objectives.iter().all(|o| o.status.as_str() == "no_data"));
//! assert!(r.to_html().starts_with("<!DOCTYPE html>"));
//! # Ok::<(), smo_core::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::advice::{Advice, AdviceOptions, Priority, Recommendation, pct};
use crate::data::{Dataset, PostRow};
use crate::error::{Error, Result};
use crate::finding::{Finding, RuleConfig};
use crate::kpi::formula::{self, Formula};
use crate::kpi::group::{GroupBy, GroupOptions, Period, group_posts};
use crate::kpi::objective::{ObjectiveTrack, Status, TrackOptions, track};
use crate::kpi::{Unit, format_value};
use crate::network::Network;
use crate::strategy::{Role, Strategy};
use crate::traffic::{Channel, channel_group, source_network};

/// Options of [`report`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Granularity of the period tables and objective series. Default: month.
    pub period: Period,
    /// First day reported (inclusive); default: first day with data.
    pub start: Option<NaiveDate>,
    /// Last day reported (inclusive); default: last day with data.
    pub end: Option<NaiveDate>,
    /// Zone of dates. Default UTC.
    pub time_zone: Tz,
    /// Posts in the top and bottom lists. Default 5.
    pub top: usize,
    /// Report rules turned off or re-graded.
    pub rules: RuleConfig,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            period: Period::Month,
            start: None,
            end: None,
            time_zone: Tz::UTC,
            top: 5,
            rules: RuleConfig::default(),
        }
    }
}

/// Totals of the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Posts.
    pub posts: u64,
    /// Σ reach.
    pub reach: Option<f64>,
    /// Σ impressions.
    pub impressions: Option<f64>,
    /// Σ engagements.
    pub engagements: Option<f64>,
    /// Engagement rate (default formula).
    pub engagement_rate: Option<f64>,
    /// Followers at the end, all networks.
    pub followers: Option<f64>,
    /// Sessions.
    pub sessions: Option<f64>,
    /// Sessions from social (GA4 model).
    pub social_sessions: Option<f64>,
    /// Conversions from social sessions.
    pub social_conversions: Option<f64>,
    /// Revenue from social sessions.
    pub social_revenue: Option<f64>,
    /// Total cost.
    pub cost: Option<f64>,
    /// ROI of social: (social revenue − cost) / cost × 100.
    pub roi: Option<f64>,
}

/// KPIs of one network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkRow {
    /// Network.
    pub network: Network,
    /// Posts.
    pub posts: u64,
    /// Posts per week.
    pub posts_per_week: f64,
    /// Planned posts per week, from the strategy.
    pub planned_per_week: Option<f64>,
    /// Σ reach.
    pub reach: Option<f64>,
    /// Σ impressions.
    pub impressions: Option<f64>,
    /// Engagement rate.
    pub engagement_rate: Option<f64>,
    /// Click-through rate.
    pub click_through_rate: Option<f64>,
    /// Followers at the end.
    pub followers: Option<f64>,
    /// Follower growth over the period, %.
    pub follower_growth: Option<f64>,
    /// Sessions brought to the site.
    pub sessions: Option<f64>,
}

/// KPIs of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodRow {
    /// Period label.
    pub period: String,
    /// Network, or `all`.
    pub network: String,
    /// Posts.
    pub posts: u64,
    /// Σ reach.
    pub reach: Option<f64>,
    /// Engagement rate.
    pub engagement_rate: Option<f64>,
    /// Change of reach from the previous period, %.
    pub reach_change_pct: Option<f64>,
    /// Change of engagement rate, %.
    pub engagement_rate_change_pct: Option<f64>,
}

/// A slice of posts (content type or pillar) against the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MixRow {
    /// Content type or pillar.
    pub name: String,
    /// Posts.
    pub posts: u64,
    /// Share of posts, %.
    pub share: f64,
    /// Planned share, %, for pillars.
    pub planned_share: Option<f64>,
    /// Engagement rate.
    pub engagement_rate: Option<f64>,
}

/// Sessions of one channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelRow {
    /// GA4-model channel.
    pub channel: Channel,
    /// Sessions.
    pub sessions: u64,
    /// Share of sessions, %.
    pub share: f64,
    /// Conversions.
    pub conversions: Option<f64>,
    /// Conversion rate, %.
    pub conversion_rate: Option<f64>,
    /// Bounce rate, %.
    pub bounce_rate: Option<f64>,
    /// Revenue.
    pub revenue: Option<f64>,
}

/// One post in the top or bottom list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostLine {
    /// Post id.
    pub post_id: String,
    /// Network.
    pub network: Network,
    /// Local publication date.
    pub date: NaiveDate,
    /// Content type.
    pub content_type: Option<String>,
    /// Pillar.
    pub pillar: Option<String>,
    /// Reach.
    pub reach: Option<u64>,
    /// Engagement rate, %.
    pub engagement_rate: f64,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Brand name.
    pub brand: String,
    /// Brand site.
    pub site: String,
    /// First day covered.
    pub start: Option<NaiveDate>,
    /// Last day covered.
    pub end: Option<NaiveDate>,
    /// Zone of dates.
    pub time_zone: String,
    /// Granularity.
    pub period: Period,
    /// Formulas used, canonical specs by role.
    pub formulas: BTreeMap<String, String>,
    /// Versions of the data tables used.
    pub versions: BTreeMap<String, String>,
    /// Rows read per table.
    pub rows: BTreeMap<String, usize>,
    /// Totals.
    pub summary: Summary,
    /// Per network.
    pub networks: Vec<NetworkRow>,
    /// Per period, all networks then each network.
    pub periods: Vec<PeriodRow>,
    /// Per content type.
    pub content_types: Vec<MixRow>,
    /// Per pillar.
    pub pillars: Vec<MixRow>,
    /// Per channel.
    pub channels: Vec<ChannelRow>,
    /// Sessions per social network.
    pub social_sources: Vec<(Network, u64)>,
    /// Objectives.
    pub objectives: Vec<ObjectiveTrack>,
    /// Best posts by engagement rate.
    pub top_posts: Vec<PostLine>,
    /// Weakest posts.
    pub bottom_posts: Vec<PostLine>,
    /// Recommendations ([`crate::advice`]), by priority: the advice of the report's own inputs,
    /// or of a fuller run joined with [`Report::with_advice`].
    pub recommendations: Vec<Recommendation>,
    /// Audit findings passed in, most severe first.
    pub audit: Vec<Finding>,
    /// The editorial calendar, when one is joined ([`Report::with_calendar`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<crate::calendar::Plan>,
    /// The currency of money figures (the strategy's `[brand] currency`), printed beside them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The watch brief, when one is joined ([`Report::with_watch`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch: Option<crate::listening::brief::WatchBrief>,
}

fn round(v: f64) -> f64 {
    if v.is_finite() {
        (v * 10_000.0).round() / 10_000.0
    } else {
        v
    }
}

fn r(v: Option<f64>) -> Option<f64> {
    v.map(round)
}

fn f(spec: &str) -> Result<Formula> {
    Formula::parse(spec)
}

/// Builds the report, with the advice of its own inputs as recommendations.
pub fn report(
    strategy: &Strategy,
    data: &Dataset,
    audit: Option<&[Finding]>,
    opts: &ReportOptions,
) -> Result<Report> {
    let aopts = AdviceOptions {
        disabled: opts.rules.disabled.clone(),
        priorities: opts
            .rules
            .severities
            .iter()
            .map(|(k, s)| (k.clone(), Priority::from_severity(*s)))
            .collect(),
        time_zone: Some(opts.time_zone),
        ..AdviceOptions::default()
    };
    let (mut rep, data) = model(strategy, data, audit, opts)?;
    rep.recommendations = crate::advice::for_report(strategy, &rep, &data, &aopts, opts.time_zone)?;
    Ok(rep)
}

/// The report's tables without recommendations, and the data of its period.
pub(crate) fn model(
    strategy: &Strategy,
    data: &Dataset,
    audit: Option<&[Finding]>,
    opts: &ReportOptions,
) -> Result<(Report, Dataset)> {
    if let (Some(s), Some(e)) = (opts.start, opts.end) {
        if e < s {
            return Err(Error::Argument {
                name: "end".into(),
                message: format!("end {e} is before start {s}"),
            });
        }
    }
    let tz = opts.time_zone;
    let day = |p: &PostRow| p.published.with_timezone(&tz).date_naive();
    let inside =
        |d: NaiveDate| opts.start.is_none_or(|s| d >= s) && opts.end.is_none_or(|e| d <= e);
    let data = Dataset {
        posts: data
            .posts
            .iter()
            .filter(|p| inside(day(p)))
            .cloned()
            .collect(),
        accounts: data
            .accounts
            .iter()
            .filter(|a| inside(a.date))
            .cloned()
            .collect(),
        web: data
            .web
            .iter()
            .filter(|w| inside(w.date))
            .cloned()
            .collect(),
        costs: data
            .costs
            .iter()
            .filter(|c| inside(c.date))
            .cloned()
            .collect(),
    };
    let days: Vec<NaiveDate> = data
        .posts
        .iter()
        .map(day)
        .chain(data.accounts.iter().map(|a| a.date))
        .chain(data.web.iter().map(|w| w.date))
        .collect();
    let start = opts.start.or(days.iter().min().copied());
    let end = opts.end.or(days.iter().max().copied());
    let weeks = match (start, end) {
        (Some(s), Some(e)) => ((e - s).num_days() + 1) as f64 / 7.0,
        _ => 0.0,
    };

    let er = f("engagement_rate")?;
    let ctr = f("click_through_rate")?;
    let kpis = [
        f("posts")?,
        f("reach")?,
        f("impressions")?,
        er.clone(),
        ctr.clone(),
        f("engagements")?,
    ];
    let mut formulas = BTreeMap::new();
    formulas.insert("engagement_rate".to_owned(), er.canonical());
    formulas.insert("click_through_rate".to_owned(), ctr.canonical());
    formulas.insert(
        "follower_growth_rate".to_owned(),
        f("follower_growth_rate")?.canonical(),
    );
    formulas.insert(
        "conversion_rate".to_owned(),
        f("conversion_rate")?.canonical(),
    );
    formulas.insert("bounce_rate".to_owned(), f("bounce_rate")?.canonical());
    formulas.insert("roi".to_owned(), f("roi")?.canonical());

    // Social web rows.
    let is_social = |c: Channel| c == Channel::OrganicSocial || c == Channel::PaidSocial;
    let web_channel: Vec<Channel> = data
        .web
        .iter()
        .map(|w| channel_group(&w.source, &w.medium, w.campaign.as_deref().unwrap_or("")))
        .collect();
    let social_web: Vec<&crate::data::WebRow> = data
        .web
        .iter()
        .zip(&web_channel)
        .filter(|(_, c)| is_social(**c))
        .map(|(w, _)| w)
        .collect();
    let sum_opt = |it: &mut dyn Iterator<Item = Option<f64>>| {
        let mut any = false;
        let mut s = 0.0;
        for v in it.flatten() {
            any = true;
            s += v;
        }
        any.then_some(s)
    };
    let total_cost: Option<f64> =
        (!data.costs.is_empty()).then(|| data.costs.iter().map(|c| c.amount).sum());
    let social_revenue = sum_opt(&mut social_web.iter().map(|w| w.revenue));
    let all = group_posts(
        &data.posts,
        &kpis,
        &GroupOptions {
            time_zone: tz,
            ..Default::default()
        },
    );
    let allv = all
        .rows
        .first()
        .map(|r| r.values.clone())
        .unwrap_or_else(|| vec![None; kpis.len()]);
    let followers = f("followers")?.evaluate(&data).value;
    let summary = Summary {
        posts: data.posts.len() as u64,
        reach: r(allv[1]),
        impressions: r(allv[2]),
        engagements: r(allv[5]),
        engagement_rate: r(allv[3]),
        followers: r(followers),
        sessions: (!data.web.is_empty()).then(|| data.web.iter().map(|w| w.sessions as f64).sum()),
        social_sessions: (!data.web.is_empty())
            .then(|| social_web.iter().map(|w| w.sessions as f64).sum()),
        social_conversions: sum_opt(
            &mut social_web.iter().map(|w| w.conversions.map(|c| c as f64)),
        ),
        social_revenue: r(social_revenue),
        cost: r(total_cost),
        roi: r(match (social_revenue, total_cost) {
            (Some(rev), Some(c)) => formula::roi(rev, c),
            _ => None,
        }),
    };

    // Per network.
    let by_net = group_posts(
        &data.posts,
        &kpis,
        &GroupOptions {
            by: vec![GroupBy::Network],
            time_zone: tz,
            ..Default::default()
        },
    );
    let mut nets: Vec<Network> = data
        .posts
        .iter()
        .map(|p| p.network)
        .chain(data.accounts.iter().map(|a| a.network))
        .collect();
    nets.sort();
    nets.dedup();
    let growth = f("follower_growth_rate")?;
    let fol = f("followers")?;
    let mut networks = Vec::new();
    for n in &nets {
        let row = by_net.rows.iter().find(|r| r.keys[0].1 == n.as_str());
        let v = |i: usize| row.and_then(|r| r.values[i]);
        let acc = Dataset {
            accounts: data
                .accounts
                .iter()
                .filter(|a| a.network == *n)
                .cloned()
                .collect(),
            ..Default::default()
        };
        let posts = row.map_or(0, |r| r.posts);
        let sessions: Vec<f64> = data
            .web
            .iter()
            .filter(|w| source_network(&w.source) == Some(*n))
            .map(|w| w.sessions as f64)
            .collect();
        networks.push(NetworkRow {
            network: *n,
            posts,
            posts_per_week: round(if weeks > 0.0 {
                posts as f64 / weeks
            } else {
                0.0
            }),
            planned_per_week: strategy
                .channels
                .iter()
                .filter(|c| c.network == *n && c.role == Role::Publish)
                .filter_map(|c| c.cadence)
                .reduce(|a, b| a + b),
            reach: r(v(1)),
            impressions: r(v(2)),
            engagement_rate: r(v(3)),
            click_through_rate: r(v(4)),
            followers: r(fol.evaluate(&acc).value),
            follower_growth: r(growth.evaluate(&acc).value),
            sessions: (!sessions.is_empty()).then(|| sessions.iter().sum()),
        });
    }

    // Per period.
    let pk = [f("posts")?, f("reach")?, er.clone()];
    let mut periods = Vec::new();
    let g_all = group_posts(
        &data.posts,
        &pk,
        &GroupOptions {
            period: Some(opts.period),
            time_zone: tz,
            ..Default::default()
        },
    );
    let g_net = group_posts(
        &data.posts,
        &pk,
        &GroupOptions {
            by: vec![GroupBy::Network],
            period: Some(opts.period),
            time_zone: tz,
        },
    );
    for (rows, is_all) in [(&g_all.rows, true), (&g_net.rows, false)] {
        for row in rows {
            periods.push(PeriodRow {
                period: row.period.clone().unwrap_or_default(),
                network: if is_all {
                    "all".into()
                } else {
                    row.keys[0].1.clone()
                },
                posts: row.posts,
                reach: r(row.values[1]),
                engagement_rate: r(row.values[2]),
                reach_change_pct: r(row.change_pct[1]),
                engagement_rate_change_pct: r(row.change_pct[2]),
            });
        }
    }

    // Content mix.
    let total_posts = data.posts.len().max(1) as f64;
    let mix = |by: GroupBy| -> Vec<(String, u64, Option<f64>)> {
        group_posts(
            &data.posts,
            std::slice::from_ref(&er),
            &GroupOptions {
                by: vec![by],
                time_zone: tz,
                ..Default::default()
            },
        )
        .rows
        .into_iter()
        .map(|r| (r.keys[0].1.clone(), r.posts, r.values[0]))
        .collect()
    };
    let mut content_types: Vec<MixRow> = mix(GroupBy::ContentType)
        .into_iter()
        .map(|(name, posts, e)| MixRow {
            name,
            posts,
            share: round(posts as f64 / total_posts * 100.0),
            planned_share: None,
            engagement_rate: r(e),
        })
        .collect();
    content_types.sort_by(|a, b| b.posts.cmp(&a.posts).then(a.name.cmp(&b.name)));
    let mut pillars: Vec<MixRow> = mix(GroupBy::Pillar)
        .into_iter()
        .map(|(name, posts, e)| MixRow {
            planned_share: strategy
                .pillars
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(&name))
                .map(|p| p.share),
            name,
            posts,
            share: round(posts as f64 / total_posts * 100.0),
            engagement_rate: r(e),
        })
        .collect();
    for p in &strategy.pillars {
        if !pillars.iter().any(|m| m.name.eq_ignore_ascii_case(&p.name)) {
            pillars.push(MixRow {
                name: p.name.clone(),
                posts: 0,
                share: 0.0,
                planned_share: Some(p.share),
                engagement_rate: None,
            });
        }
    }
    pillars.sort_by(|a, b| b.posts.cmp(&a.posts).then(a.name.cmp(&b.name)));

    // Channels.
    let total_sessions: u64 = data.web.iter().map(|w| w.sessions).sum();
    // sessions, conversions, bounces, revenue
    type Sums = (u64, Option<f64>, Option<f64>, Option<f64>);
    let mut ch: BTreeMap<Channel, Sums> = BTreeMap::new();
    for (w, c) in data.web.iter().zip(&web_channel) {
        let e = ch.entry(*c).or_insert((0, None, None, None));
        e.0 += w.sessions;
        if let Some(v) = w.conversions {
            *e.1.get_or_insert(0.0) += v as f64;
        }
        if let Some(v) = w.bounces {
            *e.2.get_or_insert(0.0) += v as f64;
        }
        if let Some(v) = w.revenue {
            *e.3.get_or_insert(0.0) += v;
        }
    }
    let mut channels: Vec<ChannelRow> = ch
        .into_iter()
        .map(|(channel, (s, conv, b, rev))| ChannelRow {
            channel,
            sessions: s,
            share: round(if total_sessions > 0 {
                s as f64 / total_sessions as f64 * 100.0
            } else {
                0.0
            }),
            conversions: conv,
            conversion_rate: r(conv.and_then(|c| formula::conversion_rate(c, s as f64))),
            bounce_rate: r(b.and_then(|b| formula::bounce_rate(b, s as f64))),
            revenue: r(rev),
        })
        .collect();
    channels.sort_by(|a, b| b.sessions.cmp(&a.sessions).then(a.channel.cmp(&b.channel)));
    let mut ss: BTreeMap<Network, u64> = BTreeMap::new();
    for w in &social_web {
        if let Some(n) = source_network(&w.source) {
            *ss.entry(n).or_default() += w.sessions;
        }
    }
    let mut social_sources: Vec<(Network, u64)> = ss.into_iter().collect();
    social_sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    // Objectives.
    let mut objectives = track(
        strategy,
        &data,
        &TrackOptions {
            as_of: end,
            start,
            period: opts.period,
            time_zone: tz,
            ..Default::default()
        },
    )?;
    for o in &mut objectives {
        o.current = r(o.current);
        o.progress = r(o.progress);
        o.expected = r(o.expected);
        o.required_per_period = r(o.required_per_period);
        for p in &mut o.series {
            p.value = r(p.value);
        }
        if let Some(fc) = &mut o.forecast {
            fc.value = round(fc.value);
            fc.low = round(fc.low);
            fc.high = round(fc.high);
            fc.slope_per_period = round(fc.slope_per_period);
        }
    }

    // Top and bottom posts by engagement rate (posts with reach only).
    let calc = er.clone();
    let mut rated: Vec<PostLine> = data
        .posts
        .iter()
        .filter_map(|p| {
            calc.evaluate_posts(std::slice::from_ref(p))
                .value
                .map(|v| PostLine {
                    post_id: p.post_id.clone(),
                    network: p.network,
                    date: day(p),
                    content_type: p.content_type.map(|c| c.as_str().to_owned()),
                    pillar: p.pillar.clone(),
                    reach: p.reach,
                    engagement_rate: round(v),
                })
        })
        .collect();
    rated.sort_by(|a, b| {
        b.engagement_rate
            .total_cmp(&a.engagement_rate)
            .then(a.post_id.cmp(&b.post_id))
    });
    let top_posts: Vec<PostLine> = rated.iter().take(opts.top).cloned().collect();
    let mut bottom_posts: Vec<PostLine> = rated
        .iter()
        .rev()
        .take(opts.top.min(rated.len().saturating_sub(top_posts.len())))
        .cloned()
        .collect();
    bottom_posts.sort_by(|a, b| {
        a.engagement_rate
            .total_cmp(&b.engagement_rate)
            .then(a.post_id.cmp(&b.post_id))
    });

    let mut audit_sorted: Vec<Finding> = audit.map(<[Finding]>::to_vec).unwrap_or_default();
    audit_sorted.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(a.rule.cmp(&b.rule))
            .then(a.location.path.cmp(&b.location.path))
    });

    let rep = Report {
        brand: strategy.brand.name.clone(),
        site: strategy.brand.site.to_string(),
        start,
        end,
        time_zone: tz.name().to_owned(),
        period: opts.period,
        formulas,
        versions: BTreeMap::from([
            (
                "referrers".to_owned(),
                crate::traffic::domains::TABLE_VERSION.to_owned(),
            ),
            (
                "channels".to_owned(),
                crate::traffic::channel::RULESET_VERSION.to_owned(),
            ),
            ("smo".to_owned(), env!("CARGO_PKG_VERSION").to_owned()),
        ]),
        rows: BTreeMap::from([
            ("posts".to_owned(), data.posts.len()),
            ("accounts".to_owned(), data.accounts.len()),
            ("web".to_owned(), data.web.len()),
            ("costs".to_owned(), data.costs.len()),
        ]),
        summary,
        networks,
        periods,
        content_types,
        pillars,
        channels,
        social_sources,
        objectives,
        top_posts,
        bottom_posts,
        recommendations: Vec::new(),
        audit: audit_sorted,
        calendar: None,
        currency: strategy
            .brand
            .currency
            .as_ref()
            .map(|c| c.as_str().to_owned()),
        watch: None,
    };
    Ok((rep, data))
}

/// FNV-1a 64 of `bytes`, as 16 hex digits.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// Escapes text for a Markdown table cell.
pub(crate) fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Findings as the report's HTML list: severity, rule, location and message.
/// Findings by page, pages in order of URL, site-wide ones (no page) last; each list keeps the
/// report's order (most severe first).
fn by_page(findings: &[Finding]) -> Vec<(Option<&str>, Vec<&Finding>)> {
    let mut pages: BTreeMap<(bool, &str), Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        let page = f.location.page.as_deref();
        pages
            .entry((page.is_none(), page.unwrap_or("")))
            .or_default()
            .push(f);
    }
    pages
        .into_iter()
        .map(|((none, p), list)| ((!none).then_some(p), list))
        .collect()
}

pub(crate) fn findings_html(findings: &[Finding]) -> String {
    let mut o = String::from("<ul class=\"recs\">\n");
    for f in findings {
        let _ = writeln!(
            o,
            "<li class=\"{}\"><span class=\"sev\">{}</span> <code>{}</code> {}: {}</li>",
            f.severity,
            f.severity,
            esc(&f.rule),
            esc(&f.location.to_string()),
            esc(&f.message)
        );
    }
    o.push_str("</ul>");
    o
}

fn change(v: Option<f64>) -> String {
    v.map_or(String::new(), |c| {
        format!("{}{c:.1} %", if c >= 0.0 { "+" } else { "" })
    })
}

impl Report {
    /// The report with the recommendations of a fuller advice run (site audit, mentions...)
    /// in place of those of its own inputs.
    pub fn with_advice(mut self, advice: &Advice) -> Report {
        self.recommendations = advice.recommendations.clone();
        self
    }

    /// The report with the editorial calendar joined: a week-by-week table, an SVG view of the
    /// first weeks and the plan's findings, in every rendering (and in the JSON and its hash).
    pub fn with_calendar(mut self, plan: crate::calendar::Plan) -> Report {
        self.calendar = Some(plan);
        self
    }

    /// The report with the watch brief joined: share of voice over time, sentiment split,
    /// influencers with their components, themes, the competitor benchmark and the alerts, in
    /// every rendering (and in the JSON and its hash).
    pub fn with_watch(mut self, brief: crate::listening::brief::WatchBrief) -> Report {
        self.watch = Some(brief);
        self
    }

    /// A value in its unit; an amount of money with the report's currency, when known.
    fn amount(&self, v: f64, unit: Unit) -> String {
        match (&self.currency, unit) {
            (Some(c), Unit::Currency) => format!("{} {c}", format_value(v, unit)),
            _ => format_value(v, unit),
        }
    }

    /// [`Report::amount`], or `–` when undefined.
    fn val(&self, v: Option<f64>, unit: Unit) -> String {
        v.map_or("–".to_owned(), |v| self.amount(v, unit))
    }

    /// The report as pretty JSON (ends with a newline).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }

    /// The content hash: FNV-1a 64 of [`Report::to_json`].
    pub fn hash(&self) -> String {
        content_hash(self.to_json().as_bytes())
    }

    fn span(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) => format!("{s} to {e}"),
            _ => "no data".into(),
        }
    }

    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut o = String::new();
        let s = &self.summary;
        let _ = writeln!(o, "# SMO report: {}\n", md(&self.brand));
        let _ = writeln!(
            o,
            "{} · {} · dates in {} · by {}\n",
            md(&self.site),
            self.span(),
            self.time_zone,
            self.period
        );
        let _ = writeln!(o, "## Summary\n");
        let _ = writeln!(
            o,
            "| Posts | Reach | Engagement rate | Followers | Social sessions | Social conversions | Social revenue | Cost | ROI |"
        );
        let _ = writeln!(o, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            s.posts,
            self.val(s.reach, Unit::Count),
            self.val(s.engagement_rate, Unit::Percent),
            self.val(s.followers, Unit::Count),
            self.val(s.social_sessions, Unit::Count),
            self.val(s.social_conversions, Unit::Count),
            self.val(s.social_revenue, Unit::Currency),
            self.val(s.cost, Unit::Currency),
            self.val(s.roi, Unit::Percent)
        );
        let _ = writeln!(o, "## Objectives\n");
        let _ = writeln!(
            o,
            "| Objective | KPI | Baseline | Current | Target | Deadline | Progress | Forecast (80 % band) | Status | Rule |"
        );
        let _ = writeln!(o, "|---|---|---:|---:|---:|---|---:|---|---|---|");
        for t in &self.objectives {
            let u = t.unit.unwrap_or(Unit::Ratio);
            let fc = t.forecast.as_ref().map_or("–".into(), |f| {
                format!(
                    "{} ({} to {})",
                    self.amount(f.value, u),
                    self.amount(f.low, u),
                    self.amount(f.high, u)
                )
            });
            let _ = writeln!(
                o,
                "| {} | {} | {}{} | {} | {} | {} | {} | {} | **{}** | {} |",
                md(&t.objective),
                t.kpi.as_deref().map_or("–".into(), md),
                self.val(t.baseline, u),
                if t.baseline_from_data {
                    " (from data)"
                } else {
                    ""
                },
                self.val(t.current, u),
                self.val(t.target, u),
                t.deadline.map_or("–".into(), |d| d.to_string()),
                t.progress
                    .map_or("–".into(), |p| format!("{:.0} %", p * 100.0)),
                fc,
                t.status.label(),
                t.rule
            );
        }
        let _ = writeln!(o);
        for t in &self.objectives {
            let _ = writeln!(o, "- **{}**: {}", md(&t.objective), md(&t.reason));
        }
        let _ = writeln!(o, "\n## Networks\n");
        let _ = writeln!(
            o,
            "| Network | Posts | Posts/week (plan) | Reach | Impressions | Engagement rate | CTR | Followers | Growth | Sessions |"
        );
        let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for n in &self.networks {
            let _ = writeln!(
                o,
                "| {} | {} | {:.1} ({}) | {} | {} | {} | {} | {} | {} | {} |",
                n.network.info().name,
                n.posts,
                n.posts_per_week,
                n.planned_per_week.map_or("–".into(), |p| format!("{p:.0}")),
                self.val(n.reach, Unit::Count),
                self.val(n.impressions, Unit::Count),
                self.val(n.engagement_rate, Unit::Percent),
                self.val(n.click_through_rate, Unit::Percent),
                self.val(n.followers, Unit::Count),
                self.val(n.follower_growth, Unit::Percent),
                self.val(n.sessions, Unit::Count)
            );
        }
        let _ = writeln!(o, "\n## By {}\n", self.period);
        let _ = writeln!(
            o,
            "| Period | Network | Posts | Reach | Change | Engagement rate | Change |"
        );
        let _ = writeln!(o, "|---|---|---:|---:|---:|---:|---:|");
        for p in &self.periods {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                p.period,
                p.network,
                p.posts,
                self.val(p.reach, Unit::Count),
                change(p.reach_change_pct),
                self.val(p.engagement_rate, Unit::Percent),
                change(p.engagement_rate_change_pct)
            );
        }
        let _ = writeln!(o, "\n## Traffic sources\n");
        let _ = writeln!(
            o,
            "| Channel | Sessions | Share | Conversion rate | Bounce rate | Revenue |"
        );
        let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|");
        for c in &self.channels {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                c.channel,
                format_value(c.sessions as f64, Unit::Count),
                pct(c.share),
                self.val(c.conversion_rate, Unit::Percent),
                self.val(c.bounce_rate, Unit::Percent),
                self.val(c.revenue, Unit::Currency)
            );
        }
        if !self.social_sources.is_empty() {
            let list: Vec<String> = self
                .social_sources
                .iter()
                .map(|(n, s)| format!("{} {}", n.info().name, format_value(*s as f64, Unit::Count)))
                .collect();
            let _ = writeln!(o, "\nSocial sessions by network: {}.", list.join(", "));
        }
        for (title, rows) in [
            ("Content types", &self.content_types),
            ("Pillars", &self.pillars),
        ] {
            let _ = writeln!(o, "\n## {title}\n");
            let _ = writeln!(o, "| Name | Posts | Share | Planned | Engagement rate |");
            let _ = writeln!(o, "|---|---:|---:|---:|---:|");
            for m in rows {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} |",
                    md(&m.name),
                    m.posts,
                    pct(m.share),
                    m.planned_share.map_or("–".into(), |p| format!("{p:.0} %")),
                    self.val(m.engagement_rate, Unit::Percent)
                );
            }
        }
        for (title, rows) in [
            ("Top posts", &self.top_posts),
            ("Bottom posts", &self.bottom_posts),
        ] {
            let _ = writeln!(o, "\n## {title}\n");
            let _ = writeln!(
                o,
                "| Post | Network | Date | Type | Pillar | Reach | Engagement rate |"
            );
            let _ = writeln!(o, "|---|---|---|---|---|---:|---:|");
            for p in rows {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    md(&p.post_id),
                    p.network,
                    p.date,
                    p.content_type.as_deref().unwrap_or("–"),
                    md(p.pillar.as_deref().unwrap_or("–")),
                    p.reach
                        .map_or("–".into(), |r| format_value(r as f64, Unit::Count)),
                    pct(p.engagement_rate)
                );
            }
        }
        if let Some(plan) = &self.calendar {
            o.push_str(&crate::calendar::render::markdown(plan));
        }
        if let Some(w) = &self.watch {
            o.push_str(&crate::listening::render::markdown(w));
        }
        let _ = writeln!(o, "\n## Recommendations\n");
        o.push_str(&crate::advice::render_markdown(&self.recommendations));
        if !self.audit.is_empty() {
            let _ = writeln!(o, "\n## Site audit\n");
            for (page, list) in by_page(&self.audit) {
                let _ = writeln!(
                    o,
                    "### {} ({} finding{})\n",
                    md(page.unwrap_or("Site-wide")),
                    list.len(),
                    if list.len() == 1 { "" } else { "s" }
                );
                for f in list {
                    let _ = writeln!(
                        o,
                        "- **{}** `{}` {}: {}",
                        f.severity,
                        f.rule,
                        md(&f.location.to_string()),
                        md(&f.message)
                    );
                }
                o.push('\n');
            }
        }
        let _ = writeln!(o, "\n## Method\n");
        for (k, v) in &self.formulas {
            let _ = writeln!(o, "- {k}: `{v}`");
        }
        let vs: Vec<String> = self
            .versions
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(o, "- data: {}", vs.join(", "));
        let rows: Vec<String> = self.rows.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let _ = writeln!(o, "- rows read: {}", rows.join(", "));
        let _ = writeln!(
            o,
            "- content hash (FNV-1a 64 of the JSON): `{}`",
            self.hash()
        );
        o
    }

    /// The report as one self-contained HTML page with inline SVG charts.
    pub fn to_html(&self) -> String {
        let mut o = String::new();
        let s = &self.summary;
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>SMO report: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            esc(&self.brand)
        );
        let _ = write!(
            o,
            "<header><h1>SMO report: {}</h1><p>{} · {} · dates in {} · by {}</p></header>\n<main>\n",
            esc(&self.brand),
            esc(&self.site),
            esc(&self.span()),
            esc(&self.time_zone),
            self.period
        );
        // Tiles.
        let tiles = [
            ("Posts", s.posts.to_string()),
            ("Reach", self.val(s.reach, Unit::Count)),
            (
                "Engagement rate",
                self.val(s.engagement_rate, Unit::Percent),
            ),
            ("Followers", self.val(s.followers, Unit::Count)),
            ("Social sessions", self.val(s.social_sessions, Unit::Count)),
            ("Social revenue", self.val(s.social_revenue, Unit::Currency)),
            ("Cost", self.val(s.cost, Unit::Currency)),
            ("ROI", self.val(s.roi, Unit::Percent)),
        ];
        o.push_str("<section class=\"tiles\">\n");
        for (k, v) in tiles {
            // The figure never wraps; a currency code is set smaller after it.
            let v = match self.currency.as_deref().and_then(|c| v.strip_suffix(c)) {
                Some(n) => format!(
                    "{}<small>{}</small>",
                    esc(n),
                    esc(self.currency.as_deref().unwrap_or_default())
                ),
                None => esc(&v),
            };
            let _ = writeln!(
                o,
                "<div class=\"tile\"><div class=\"v\">{v}</div><div class=\"k\">{k}</div></div>"
            );
        }
        o.push_str("</section>\n");
        // Objectives.
        o.push_str("<section><h2>Objectives</h2>\n");
        o.push_str(&self.objectives_svg());
        o.push_str("<table><thead><tr><th>Objective</th><th>Current</th><th>Target</th><th>Deadline</th><th>Forecast (80 % band)</th><th>Status</th><th>Why</th></tr></thead><tbody>\n");
        for t in &self.objectives {
            let u = t.unit.unwrap_or(Unit::Ratio);
            let fc = t.forecast.as_ref().map_or("–".into(), |f| {
                format!(
                    "{} ({} – {})",
                    self.amount(f.value, u),
                    self.amount(f.low, u),
                    self.amount(f.high, u)
                )
            });
            let _ = writeln!(
                o,
                "<tr><td><b>{}</b><br><small>{}</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><span class=\"st {}\">{}</span></td><td><small>{} · {}</small></td></tr>",
                esc(&t.objective),
                esc(&t.statement),
                esc(&self.val(t.current, u)),
                esc(&self.val(t.target, u)),
                t.deadline.map_or("–".into(), |d| d.to_string()),
                esc(&fc),
                t.status.as_str(),
                t.status.label(),
                esc(t.rule),
                esc(&t.reason)
            );
        }
        o.push_str("</tbody></table></section>\n");
        // Networks.
        o.push_str("<section><h2>Networks</h2>\n<div class=\"charts\">");
        let er: Vec<(String, f64)> = self
            .networks
            .iter()
            .filter_map(|n| {
                n.engagement_rate
                    .map(|e| (n.network.info().name.to_owned(), e))
            })
            .collect();
        o.push_str(&bar_chart("Engagement rate by network (%)", &er, "%"));
        o.push_str(&self.reach_svg());
        o.push_str("</div>\n<table><thead><tr><th>Network</th><th>Posts</th><th>Posts/week (plan)</th><th>Reach</th><th>Engagement rate</th><th>CTR</th><th>Followers</th><th>Growth</th><th>Sessions</th></tr></thead><tbody>\n");
        for n in &self.networks {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{:.1} ({})</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                n.network.info().name,
                n.posts,
                n.posts_per_week,
                n.planned_per_week.map_or("–".into(), |p| format!("{p:.0}")),
                self.val(n.reach, Unit::Count),
                self.val(n.engagement_rate, Unit::Percent),
                self.val(n.click_through_rate, Unit::Percent),
                self.val(n.followers, Unit::Count),
                self.val(n.follower_growth, Unit::Percent),
                self.val(n.sessions, Unit::Count)
            );
        }
        o.push_str("</tbody></table></section>\n");
        // Traffic.
        o.push_str("<section><h2>Traffic sources</h2>\n<div class=\"charts\">");
        let chs: Vec<(String, f64)> = self
            .channels
            .iter()
            .map(|c| (c.channel.as_str().to_owned(), c.sessions as f64))
            .collect();
        o.push_str(&bar_chart("Sessions by channel", &chs, ""));
        let soc: Vec<(String, f64)> = self
            .social_sources
            .iter()
            .map(|(n, s)| (n.info().name.to_owned(), *s as f64))
            .collect();
        o.push_str(&bar_chart("Social sessions by network", &soc, ""));
        o.push_str("</div>\n<table><thead><tr><th>Channel</th><th>Sessions</th><th>Share</th><th>Conversion rate</th><th>Bounce rate</th><th>Revenue</th></tr></thead><tbody>\n");
        for c in &self.channels {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.channel,
                format_value(c.sessions as f64, Unit::Count),
                pct(c.share),
                self.val(c.conversion_rate, Unit::Percent),
                self.val(c.bounce_rate, Unit::Percent),
                self.val(c.revenue, Unit::Currency)
            );
        }
        o.push_str("</tbody></table></section>\n");
        // Content.
        o.push_str("<section><h2>Content</h2>\n<div class=\"charts\">");
        let ct: Vec<(String, f64)> = self
            .content_types
            .iter()
            .filter_map(|m| m.engagement_rate.map(|e| (m.name.clone(), e)))
            .collect();
        o.push_str(&bar_chart("Engagement rate by content type (%)", &ct, "%"));
        o.push_str(&self.pillars_svg());
        o.push_str("</div>\n");
        for (title, rows) in [
            ("Top posts", &self.top_posts),
            ("Bottom posts", &self.bottom_posts),
        ] {
            let _ = writeln!(
                o,
                "<h3>{title}</h3><table><thead><tr><th>Post</th><th>Network</th><th>Date</th><th>Type</th><th>Pillar</th><th>Reach</th><th>Engagement rate</th></tr></thead><tbody>"
            );
            for p in rows {
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.post_id),
                    p.network.info().name,
                    p.date,
                    esc(p.content_type.as_deref().unwrap_or("–")),
                    esc(p.pillar.as_deref().unwrap_or("–")),
                    p.reach
                        .map_or("–".into(), |r| format_value(r as f64, Unit::Count)),
                    pct(p.engagement_rate)
                );
            }
            o.push_str("</tbody></table>\n");
        }
        o.push_str("</section>\n");
        if let Some(plan) = &self.calendar {
            o.push_str(&crate::calendar::render::html(plan));
        }
        if let Some(w) = &self.watch {
            o.push_str(&crate::listening::render::html(w));
        }
        // Recommendations.
        o.push_str("<section><h2>Recommendations</h2>\n");
        o.push_str(&crate::advice::render_html(&self.recommendations));
        o.push_str("</section>\n");
        if !self.audit.is_empty() {
            o.push_str("<section><h2>Site audit</h2>");
            for (page, list) in by_page(&self.audit) {
                let _ = writeln!(
                    o,
                    "<h3>{} <small>({} finding{})</small></h3>",
                    esc(page.unwrap_or("Site-wide")),
                    list.len(),
                    if list.len() == 1 { "" } else { "s" }
                );
                let list: Vec<Finding> = list.into_iter().cloned().collect();
                o.push_str(&findings_html(&list));
            }
            o.push_str("</section>\n");
        }
        o.push_str("<section><h2>Method</h2><ul>\n");
        for (k, v) in &self.formulas {
            let _ = writeln!(o, "<li>{}: <code>{}</code></li>", esc(k), esc(v));
        }
        let vs: Vec<String> = self
            .versions
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let rows: Vec<String> = self.rows.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let _ = write!(
            o,
            "<li>data: {}</li>\n<li>rows read: {}</li>\n<li>content hash (FNV-1a 64 of the JSON): <code>{}</code></li>\n</ul></section>\n",
            esc(&vs.join(", ")),
            esc(&rows.join(", ")),
            self.hash()
        );
        o.push_str("</main>\n<footer>Generated by smo. Self-contained: no script, no external resource.</footer>\n</body>\n</html>\n");
        o
    }

    fn objectives_svg(&self) -> String {
        let rows: Vec<&ObjectiveTrack> =
            self.objectives.iter().filter(|t| t.kpi.is_some()).collect();
        if rows.is_empty() {
            return String::new();
        }
        let (w, row_h, left) = (720.0, 30.0, 190.0);
        let h = rows.len() as f64 * row_h + 40.0;
        let bar_w = w - left - 110.0;
        let mut o = format!(
            "<figure><figcaption>Progress from baseline to target (tick: time elapsed)</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Objective progress\">"
        );
        for (i, t) in rows.iter().enumerate() {
            let y = 20.0 + i as f64 * row_h;
            // An achieved objective is drawn full even when its progress from the baseline is
            // below 100 % or negative (a ceiling already met, such as a CPC under its cap), so
            // the bar and the status agree; the label says which.
            let achieved = t.status == Status::Achieved;
            let p = if achieved {
                1.0
            } else {
                t.progress.unwrap_or(0.0).clamp(0.0, 1.0)
            };
            let _ = write!(
                o,
                "<text x=\"0\" y=\"{:.1}\" class=\"lbl\">{}</text>",
                y + 14.0,
                esc(&t.objective)
            );
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{bar_w:.1}\" height=\"18\" class=\"track\"/>"
            );
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"18\" class=\"fill {}\"/>",
                p * bar_w,
                t.status.as_str()
            );
            if let Some(e) = t.expected {
                let x = left + e.clamp(0.0, 1.0) * bar_w;
                let _ = write!(
                    o,
                    "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"tick\"/>",
                    y - 3.0,
                    y + 21.0
                );
            }
            let _ = write!(
                o,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"val\">{}</text>",
                left + bar_w + 8.0,
                y + 14.0,
                match t.progress {
                    Some(p) if !achieved || p >= 1.0 => format!("{:.0} %", p * 100.0),
                    _ => t.status.label().to_owned(),
                }
            );
        }
        o.push_str("</svg></figure>");
        o
    }

    fn reach_svg(&self) -> String {
        let mut series: BTreeMap<&str, Vec<(&str, f64)>> = BTreeMap::new();
        let mut labels: Vec<&str> = Vec::new();
        for p in self.periods.iter().filter(|p| p.network != "all") {
            if let Some(r) = p.reach {
                series.entry(&p.network).or_default().push((&p.period, r));
            }
            if !labels.contains(&p.period.as_str()) {
                labels.push(&p.period);
            }
        }
        labels.sort();
        line_chart(
            &format!("Reach by {} and network", self.period),
            &labels,
            &series,
        )
    }

    fn pillars_svg(&self) -> String {
        let rows: Vec<&MixRow> = self
            .pillars
            .iter()
            .filter(|p| p.planned_share.is_some() || p.posts > 0)
            .collect();
        if rows.is_empty() {
            return String::new();
        }
        let (w, row_h, left) = (480.0, 34.0, 150.0);
        let h = rows.len() as f64 * row_h + 44.0;
        let bar_w = w - left - 60.0;
        let max = rows
            .iter()
            .map(|p| p.share.max(p.planned_share.unwrap_or(0.0)))
            .fold(1.0, f64::max);
        let mut o = format!(
            "<figure><figcaption>Pillars: share of posts (bar) vs plan (outline), %</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Pillar mix\">"
        );
        for (i, p) in rows.iter().enumerate() {
            let y = 10.0 + i as f64 * row_h;
            let _ = write!(
                o,
                "<text x=\"0\" y=\"{:.1}\" class=\"lbl\">{}</text>",
                y + 14.0,
                esc(&trunc(&p.name, 22))
            );
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"12\" class=\"bar\"/>",
                p.share / max * bar_w
            );
            if let Some(pl) = p.planned_share {
                let _ = write!(
                    o,
                    "<rect x=\"{left}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" class=\"plan\"/>",
                    y + 14.0,
                    pl / max * bar_w
                );
            }
            let _ = write!(
                o,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"val\">{:.0}/{}</text>",
                left + bar_w + 6.0,
                y + 14.0,
                p.share,
                p.planned_share.map_or("–".into(), |x| format!("{x:.0}"))
            );
        }
        o.push_str("</svg></figure>");
        o
    }
}

fn trunc(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// A horizontal bar chart as inline SVG.
fn bar_chart(title: &str, rows: &[(String, f64)], suffix: &str) -> String {
    if rows.is_empty() {
        return format!(
            "<figure><figcaption>{}</figcaption><p class=\"empty\">No data.</p></figure>",
            esc(title)
        );
    }
    let (w, row_h, left) = (480.0, 26.0, 150.0);
    let h = rows.len() as f64 * row_h + 16.0;
    let max = rows
        .iter()
        .map(|r| r.1)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let bar_w = w - left - 80.0;
    let mut o = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        esc(title),
        esc(title)
    );
    for (i, (label, v)) in rows.iter().enumerate() {
        let y = 8.0 + i as f64 * row_h;
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{:.1}\" class=\"lbl\">{}</text>",
            y + 13.0,
            esc(&trunc(label, 22))
        );
        let _ = write!(
            o,
            "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"18\" class=\"bar\"/>",
            (v / max * bar_w).max(1.0)
        );
        let text = if suffix == "%" {
            format!("{v:.2} %")
        } else {
            format_value(*v, Unit::Count)
        };
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"val\">{}</text>",
            left + (v / max * bar_w).max(1.0) + 6.0,
            y + 13.0,
            esc(&text)
        );
    }
    o.push_str("</svg></figure>");
    o
}

const PALETTE: [&str; 8] = [
    "#4c6ef5", "#e8590c", "#2b8a3e", "#ae3ec9", "#1098ad", "#f59f00", "#c92a2a", "#495057",
];

/// A multi-series line chart as inline SVG.
fn line_chart(title: &str, labels: &[&str], series: &BTreeMap<&str, Vec<(&str, f64)>>) -> String {
    if labels.is_empty() || series.is_empty() {
        return format!(
            "<figure><figcaption>{}</figcaption><p class=\"empty\">No data.</p></figure>",
            esc(title)
        );
    }
    let (w, h, l, r, t, b) = (480.0, 260.0, 56.0, 36.0, 12.0, 56.0);
    let max = series
        .values()
        .flatten()
        .map(|p| p.1)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let x = |i: usize| {
        if labels.len() == 1 {
            l + (w - l - r) / 2.0
        } else {
            l + i as f64 * (w - l - r) / (labels.len() - 1) as f64
        }
    };
    let y = |v: f64| t + (1.0 - v / max) * (h - t - b);
    let mut o = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        esc(title),
        esc(title)
    );
    for k in 0..=4 {
        let v = max * f64::from(k) / 4.0;
        let _ = write!(
            o,
            "<line x1=\"{l}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"grid\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            w - r,
            y(v),
            y(v),
            l - 4.0,
            y(v) + 4.0,
            esc(&format_value(v, Unit::Count))
        );
    }
    for (i, lab) in labels.iter().enumerate() {
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
            x(i),
            h - b + 16.0,
            esc(lab)
        );
    }
    for (si, (name, pts)) in series.iter().enumerate() {
        let color = PALETTE[si % PALETTE.len()];
        let path: Vec<String> = pts
            .iter()
            .filter_map(|(lab, v)| {
                labels
                    .iter()
                    .position(|l| l == lab)
                    .map(|i| format!("{:.1},{:.1}", x(i), y(*v)))
            })
            .collect();
        let _ = write!(
            o,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
            path.join(" ")
        );
        for p in &path {
            if let Some((px, py)) = p.split_once(',') {
                let _ = write!(
                    o,
                    "<circle cx=\"{px}\" cy=\"{py}\" r=\"3\" fill=\"{color}\"/>"
                );
            }
        }
        let lx = l + (si % 4) as f64 * 105.0;
        let ly = h - 18.0 + (si / 4) as f64 * 14.0;
        let _ = write!(
            o,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{ly:.1}\" class=\"axis\">{}</text>",
            ly - 9.0,
            lx + 14.0,
            esc(name)
        );
    }
    o.push_str("</svg></figure>");
    o
}

const CSS: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#212529;background:#f8f9fa}header{background:#1c2541;color:#fff;padding:24px 32px}header h1{margin:0 0 4px;font-size:26px}header p{margin:0;opacity:.85}main{max-width:1100px;margin:0 auto;padding:16px 24px}section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 20px;margin:16px 0}h2{margin:0 0 12px;font-size:19px}h3{font-size:16px}.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;background:none;box-shadow:none;padding:0}.tile{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:12px}.tile .v{font-size:22px;font-weight:600;white-space:nowrap}.tile .v small{font-size:13px;font-weight:400;margin-left:2px;color:#6c757d}.tile .k{color:#6c757d;font-size:13px}table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13.5px}th,td{border-bottom:1px solid #e9ecef;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f1f3f5}.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;flex:1 1 440px}figcaption{font-weight:600;font-size:13.5px;margin-bottom:4px}svg{width:100%;height:auto}.lbl,.val,.axis{font-size:11px;fill:#343a40}.bar{fill:#4c6ef5}.plan{fill:none;stroke:#e8590c;stroke-width:1.5}.track{fill:#e9ecef}.fill.achieved,.fill.on_track{fill:#2b8a3e}.fill.at_risk{fill:#f59f00}.fill.off_track{fill:#c92a2a}.fill.no_data{fill:#adb5bd}.tick{stroke:#212529;stroke-width:2}.grid{stroke:#e9ecef}.st{padding:2px 8px;border-radius:10px;font-size:12px;white-space:nowrap;color:#fff}.st.achieved,.st.on_track{background:#2b8a3e}.st.at_risk{background:#f59f00}.st.off_track{background:#c92a2a}.st.no_data{background:#868e96}.recs li{margin:6px 0}.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:1px 6px;border-radius:4px;color:#fff;background:#868e96}.error .sev{background:#c92a2a}.warning .sev{background:#f59f00}.notice .sev{background:#1098ad}.high .sev{background:#c92a2a}.medium .sev{background:#f59f00}.low .sev{background:#1098ad}.ev{margin:2px 0 8px;padding-left:20px;font-size:13px;color:#495057}.ev li{margin:2px 0}.ev pre{background:#f1f3f5;padding:6px 8px;border-radius:4px;overflow-x:auto;white-space:pre-wrap}.src{color:#868e96}code{background:#f1f3f5;padding:0 4px;border-radius:3px;font-size:12.5px}.empty{color:#868e96}footer{text-align:center;color:#868e96;font-size:12px;padding:16px}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Location, Severity};

    #[test]
    fn empty_data_reports_no_data_and_is_stable() {
        let s = Strategy::example().unwrap();
        let a = report(&s, &Dataset::default(), None, &ReportOptions::default()).unwrap();
        let b = report(&s, &Dataset::default(), None, &ReportOptions::default()).unwrap();
        assert_eq!(a.to_html(), b.to_html());
        assert_eq!(a.to_markdown(), b.to_markdown());
        assert!(
            a.recommendations
                .iter()
                .any(|f| f.id == "report/objective-no-data")
        );
        assert!(a.to_html().contains("no data"));
    }

    #[test]
    fn html_escapes_and_audit_joins() {
        let mut s = Strategy::example().unwrap();
        s.brand.name = "<Lune & co>".into();
        let audit = vec![Finding {
            rule: "page/og-missing".into(),
            severity: Severity::Error,
            message: "<b>no og:image</b>".into(),
            location: Location::path("/"),
            fix: None,
            source: "x".into(),
        }];
        let r = report(
            &s,
            &Dataset::default(),
            Some(&audit),
            &ReportOptions::default(),
        )
        .unwrap();
        let html = r.to_html();
        assert!(html.contains("&lt;Lune &amp; co&gt;"));
        assert!(!html.contains("<b>no og:image</b>"));
        assert!(!html.contains("<script"));
        assert!(
            r.recommendations
                .iter()
                .any(|f| f.id == "report/audit-errors" && f.rationale.contains("page/og-missing"))
        );
    }

    #[test]
    fn bad_window_is_an_error() {
        let s = Strategy::example().unwrap();
        let opts = ReportOptions {
            start: "2026-09-01".parse().ok(),
            end: "2026-08-01".parse().ok(),
            ..Default::default()
        };
        assert!(report(&s, &Dataset::default(), None, &opts).is_err());
    }
}
