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
//! The model and every number are computed here; the renderings (Markdown, HTML and its SVG
//! charts) sit in their own files and only read a finished [`Report`]: no rendering can change a
//! figure, so every output agrees with the JSON and its hash.
//!
//! ```
//! use smo_core::{Strategy, data::Dataset, report::{report, ReportOptions}};
//! let r = report(&Strategy::example()?, &Dataset::default(), None, &ReportOptions::default())?;
//! assert!(r.objectives.iter().all(|o| o.status.as_str() == "no_data"));
//! assert!(r.to_html().starts_with("<!DOCTYPE html>"));
//! # Ok::<(), smo_core::Error>(())
//! ```

mod charts;
mod html;
mod markdown;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::advice::{Advice, AdviceOptions, Priority, Recommendation};
use crate::data::{Dataset, PostRow};
use crate::error::{Error, Result};
use crate::finding::{Finding, RuleConfig};
use crate::kpi::formula::{self, Formula};
use crate::kpi::group::{GroupBy, GroupOptions, Period, group_posts};
use crate::kpi::objective::{ObjectiveTrack, TrackOptions, track};
use crate::kpi::{Unit, format_value};
use crate::network::Network;
use crate::strategy::{Role, Strategy};
use crate::traffic::{Channel, channel_group, source_network};

pub(crate) use html::{esc, findings_html};
pub(crate) use markdown::md;

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
}

#[cfg(test)]
mod tests {
    use super::*;

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
