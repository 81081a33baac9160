//! The watch brief: what a consultant hands over after listening — share of voice over time, the
//! sentiment split, the influencers with their components, the themes, the competitor benchmark
//! and the alerts — computed together over one scope, so every part states the same denominator.
//!
//! The SMO report shows it as its watch section ([`crate::report::Report::with_watch`]); the
//! rendering is [`super::render`].

use serde::{Deserialize, Serialize};

use crate::data::PostRow;
use crate::error::Result;
use crate::kpi::formula::Formula;
use crate::kpi::group::Period;
use crate::strategy::Strategy;

use super::alerts::{AlertOptions, Alerts, alerts_in};
use super::benchmark::{Benchmark, BenchmarkOptions, benchmark};
use super::influence::{InfluenceOptions, Influencers, Weights, influencers_in};
use super::mention::Mention;
use super::setup;
use super::themes::{ThemeOptions, Themes, themes_in};
use super::voice::{ShareOfVoice, VoiceOptions, share_of_voice_in};
use super::watch::{WatchOptions, scope};

/// The post KPIs a benchmark compares by default: what public metrics allow (no reach, no
/// impressions: competitors do not publish them), so engagement is taken per follower.
pub const BENCHMARK_KPIS: [&str; 3] = [
    "posts",
    "engagements?actions=likes+comments+shares",
    "engagement_rate?basis=followers&actions=likes+comments+shares&aggregation=mean",
];

/// How to build a brief.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefOptions {
    /// Which mentions count (period, networks, filter, zone).
    pub watch: WatchOptions,
    /// The period of the share-of-voice series and of the themes' series.
    pub period: Period,
    /// Influencers listed.
    pub top_influencers: usize,
    /// Themes listed.
    pub top_themes: usize,
    /// The influencers' composite weights.
    pub weights: Weights,
    /// The benchmark's KPIs (post formulas of the catalogue).
    pub benchmark_kpis: Vec<String>,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions {
            watch: WatchOptions::default(),
            period: Period::Week,
            top_influencers: 10,
            top_themes: 15,
            weights: Weights::EQUAL,
            benchmark_kpis: BENCHMARK_KPIS.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

/// The watch brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WatchBrief {
    /// Share of voice: totals and one row per period and brand.
    pub share_of_voice: ShareOfVoice,
    /// Authors of the brands' mentions, ranked with their components.
    pub influencers: Influencers,
    /// Themes of the brands' mentions.
    pub themes: Themes,
    /// Volume and negative spikes.
    pub alerts: Alerts,
    /// The catalogue's post KPIs per account, when public post metrics were given.
    pub benchmark: Option<Benchmark>,
}

/// Builds the brief of `strategy`'s brands (its own and its competitors, with the queries of
/// [`setup::brands`]) over `mentions`, and the benchmark over `public_posts` (post metrics with an
/// `account` column) when given.
///
/// ```
/// use smo_core::listening::{Mention, brief::{BriefOptions, watch_brief}};
/// let s = smo_core::Strategy::example()?;
/// let at = "2026-07-01T09:00:00Z".parse().unwrap();
/// let m = [Mention::new("1", at, "Maison Lune, des draps superbes")];
/// let b = watch_brief(&s, &m, None, &BriefOptions::default())?;
/// assert_eq!(b.share_of_voice.totals[0].mentions, 1);
/// assert!(b.benchmark.is_none());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn watch_brief(
    strategy: &Strategy,
    mentions: &[Mention],
    public_posts: Option<&[PostRow]>,
    opts: &BriefOptions,
) -> Result<WatchBrief> {
    let brands = setup::brands(strategy);
    let w = &opts.watch;
    // One scope (attribution, sentiment, days) for every part, so they state one denominator
    // and the mentions are matched and scored once.
    let sc = scope(mentions, &brands, w)?;
    let share_of_voice = share_of_voice_in(
        &sc,
        &VoiceOptions {
            watch: w.clone(),
            period: Some(opts.period),
            by_network: false,
        },
    )?;
    let influencers = influencers_in(
        &sc,
        &InfluenceOptions {
            watch: w.clone(),
            brand: None,
            weights: Some(opts.weights),
            min_mentions: 1,
            top: Some(opts.top_influencers),
        },
    )?;
    let themes = themes_in(
        &sc,
        &ThemeOptions {
            watch: w.clone(),
            top: Some(opts.top_themes),
            period: opts.period,
            ..ThemeOptions::default()
        },
    )?;
    let alerts = alerts_in(
        &sc,
        &AlertOptions {
            watch: w.clone(),
            ..AlertOptions::default()
        },
    )?;
    let benchmark = match public_posts {
        None => None,
        Some(posts) => {
            let kpis = opts
                .benchmark_kpis
                .iter()
                .map(|k| Formula::parse(k))
                .collect::<Result<Vec<_>>>()?;
            let own = brands.first().map(|b| b.name.clone());
            let has_own = posts.iter().any(|p| {
                p.account.as_deref().map(super::query::text::fold)
                    == own.as_deref().map(super::query::text::fold)
            });
            Some(benchmark(
                posts,
                &kpis,
                &BenchmarkOptions {
                    own: own.filter(|_| has_own),
                    from: w.from,
                    to: w.to,
                    networks: w.networks.clone(),
                },
            )?)
        }
    };
    Ok(WatchBrief {
        share_of_voice,
        influencers,
        themes,
        alerts,
        benchmark,
    })
}
