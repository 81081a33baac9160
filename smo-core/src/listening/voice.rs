//! Share of voice: how much of the conversation about a market is about the brand, against the
//! competitors the strategy names — by mentions, by engagement, by reach and split by sentiment,
//! over a period, per period and per network.
//!
//! The methods are measurement.md §7.4 (Hootsuite, shno.co, insightworthy): mentions, engagement
//! on them, reach-weighted, and positive and negative share apart ("share of voice is quantity,
//! not quality"). Each share is the KPI catalogue's `share_of_voice@v1` (brand / (brand +
//! competitors) × 100) applied to that quantity, and each row gives net sentiment in both modes of
//! `net_sentiment@v1` (measurement.md §1.4). Every row of every cell lists every brand, zeros
//! included, so a table reads side by side; the [`Denominator`] says what was counted.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::kpi::formula::{SentimentMode, share_of_voice as sov};
use crate::kpi::group::Period;

use super::mention::Mention;
use super::watch::{Brand, Denominator, Fact, Scope, SentimentSplit, WatchOptions, periods, scope};

/// How to cut the share of voice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VoiceOptions {
    /// Which mentions count.
    pub watch: WatchOptions,
    /// Rows per period (day, week, month, quarter) besides the totals.
    pub period: Option<Period>,
    /// Rows per network besides the totals (the open web is `web`).
    pub by_network: bool,
}

/// One brand in one cell (a period, a network, or the whole scope).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceRow {
    /// Period label (`2026-W14`), or `None` over the whole scope.
    pub period: Option<String>,
    /// First day of the period.
    pub period_start: Option<String>,
    /// Network id (`web` for the open web), or `None` over every network.
    pub network: Option<String>,
    /// The brand.
    pub brand: String,
    /// Whether it is the own brand.
    pub own: bool,
    /// Mentions attributed to it.
    pub mentions: u64,
    /// Σ engagement (likes + reposts + replies + quotes) of those mentions.
    pub engagement: u64,
    /// Of its mentions, those whose export gives no engagement count (left out of the sum).
    pub engagement_unknown: u64,
    /// Σ potential reach (the export's reach, else the author's followers).
    pub reach: u64,
    /// Of its mentions, those with neither reach nor followers.
    pub reach_unknown: u64,
    /// Positive, negative, neutral and unscored mentions.
    pub sentiment: SentimentSplit,
    /// Share of mentions in %, of the cell's brands.
    pub share_mentions: Option<f64>,
    /// Share of engagement in %.
    pub share_engagement: Option<f64>,
    /// Share of reach in %.
    pub share_reach: Option<f64>,
    /// Share of the cell's positive mentions in %.
    pub share_positive: Option<f64>,
    /// Share of the cell's negative mentions in %.
    pub share_negative: Option<f64>,
    /// Net sentiment, `polar` mode: (P − N) / (P + N) × 100.
    pub net_sentiment_polar: Option<f64>,
    /// Net sentiment, `all` mode: (P − N) / (P + N + neutral) × 100.
    pub net_sentiment_all: Option<f64>,
}

/// The share of voice of a set of brands over a set of mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareOfVoice {
    /// What was counted.
    pub denominator: Denominator,
    /// The formulas behind the columns.
    pub formulas: Vec<String>,
    /// The period rows are cut by, if any.
    pub period: Option<Period>,
    /// Per brand over the whole scope, in the brands' order.
    pub totals: Vec<VoiceRow>,
    /// Per period and/or network, then per brand; empty when neither cut was asked.
    pub rows: Vec<VoiceRow>,
}

impl ShareOfVoice {
    /// The total row of the own brand, if one of the brands is marked own.
    pub fn own(&self) -> Option<&VoiceRow> {
        self.totals.iter().find(|r| r.own)
    }
}

/// The formulas, as the result states them.
pub(crate) fn formulas() -> Vec<String> {
    vec![
        "share_* = share_of_voice@v1: brand / (brand + competitors) × 100, of the quantity named"
            .into(),
        "engagement = likes + reposts + replies + quotes (counts the export gives)".into(),
        "reach = the export's reach, else the author's followers (potential impressions)".into(),
        "sentiment label: compound ≥ 0.05 positive, ≤ −0.05 negative (VADER method)".into(),
        "net_sentiment_polar = net_sentiment@v1?mode=polar; net_sentiment_all = net_sentiment@v1?mode=all"
            .into(),
    ]
}

#[derive(Default, Clone, Copy)]
struct Tally {
    mentions: u64,
    engagement: u64,
    engagement_unknown: u64,
    reach: u64,
    reach_unknown: u64,
    sentiment: SentimentSplit,
}

impl Tally {
    fn add(&mut self, f: &Fact) {
        self.mentions += 1;
        match f.engagement() {
            Some(e) => self.engagement = self.engagement.saturating_add(e),
            None => self.engagement_unknown += 1,
        }
        match f.reach() {
            Some(r) => self.reach = self.reach.saturating_add(r),
            None => self.reach_unknown += 1,
        }
        self.sentiment.add(f.label());
    }
}

type CellKey = (Option<NaiveDate>, Option<String>);

fn share(of: u64, all: u64) -> Option<f64> {
    sov(of as f64, (all - of) as f64)
}

fn rows_of(
    key: &CellKey,
    period: Option<Period>,
    brands: &[Brand],
    tallies: &[Tally],
) -> Vec<VoiceRow> {
    let sum = |g: fn(&Tally) -> u64| tallies.iter().map(g).fold(0u64, u64::saturating_add);
    let (m, e, r) = (sum(|t| t.mentions), sum(|t| t.engagement), sum(|t| t.reach));
    let (p, n) = (sum(|t| t.sentiment.positive), sum(|t| t.sentiment.negative));
    brands
        .iter()
        .zip(tallies)
        .map(|(b, t)| VoiceRow {
            period: key.0.zip(period).map(|(d, p)| p.label(d)),
            period_start: key.0.map(|d| d.to_string()),
            network: key.1.clone(),
            brand: b.name.clone(),
            own: b.own,
            mentions: t.mentions,
            engagement: t.engagement,
            engagement_unknown: t.engagement_unknown,
            reach: t.reach,
            reach_unknown: t.reach_unknown,
            sentiment: t.sentiment,
            share_mentions: share(t.mentions, m),
            share_engagement: share(t.engagement, e),
            share_reach: share(t.reach, r),
            share_positive: share(t.sentiment.positive, p),
            share_negative: share(t.sentiment.negative, n),
            net_sentiment_polar: t.sentiment.net(SentimentMode::Polar),
            net_sentiment_all: t.sentiment.net(SentimentMode::All),
        })
        .collect()
}

pub(crate) fn network_key(m: &Mention) -> String {
    m.network.map_or("web", |n| n.as_str()).to_owned()
}

/// The share of voice of `brands` over `mentions`.
///
/// Fails when a brand's query or the filter does not parse (`Error::Invalid` at
/// `brands[i].query` or `filter`, with the query error's column), when two brands have one name,
/// or when the period ends before it starts.
///
/// ```
/// use smo_core::listening::{Brand, Mention, voice::{VoiceOptions, share_of_voice}};
/// let at = "2026-04-01T09:00:00Z".parse().unwrap();
/// let mentions = vec![
///     Mention::new("1", at, "Love my Maison Lune sheets"),
///     Mention::new("2", at, "Maison Lune or Atelier Brume?"),
///     Mention::new("3", at, "Atelier Brume, terrible delivery"),
///     Mention::new("4", at, "Atelier Brume is fine"),
/// ];
/// let brands = [
///     Brand::own("Maison Lune", r#""Maison Lune""#),
///     Brand::new("Atelier Brume", r#""Atelier Brume""#),
/// ];
/// let s = share_of_voice(&mentions, &brands, &VoiceOptions::default())?;
/// assert_eq!(s.totals[0].mentions, 2);
/// assert_eq!(s.totals[1].mentions, 3);
/// assert_eq!(s.totals[0].share_mentions, Some(40.0));
/// assert_eq!(s.denominator.multi_brand, 1);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn share_of_voice(
    mentions: &[Mention],
    brands: &[Brand],
    opts: &VoiceOptions,
) -> Result<ShareOfVoice> {
    share_of_voice_in(&scope(mentions, brands, &opts.watch)?, opts)
}

/// [`share_of_voice`] over a scope computed once (the watch brief shares one).
pub(crate) fn share_of_voice_in(sc: &Scope<'_>, opts: &VoiceOptions) -> Result<ShareOfVoice> {
    let nb = sc.brands.len();
    let mut totals = vec![Tally::default(); nb];
    let mut cells: BTreeMap<CellKey, Vec<Tally>> = BTreeMap::new();
    let cut = opts.period.is_some() || opts.by_network;
    for f in &sc.facts {
        let key: CellKey = (
            opts.period.map(|p| p.start(f.day)),
            opts.by_network.then(|| network_key(f.mention)),
        );
        for &b in &f.brands {
            totals[usize::from(b)].add(f);
            if cut {
                cells
                    .entry(key.clone())
                    .or_insert_with(|| vec![Tally::default(); nb])[usize::from(b)]
                .add(f);
            }
        }
    }
    // Periods with no mention at all still get their rows, so a series has no holes.
    if let Some(p) = opts.period {
        let days: Vec<NaiveDate> = sc.facts.iter().map(|f| f.day).collect();
        if let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) {
            let nets: BTreeSet<Option<String>> = if opts.by_network {
                cells.keys().map(|k| k.1.clone()).collect()
            } else {
                [None].into()
            };
            for d in periods(*first, *last, p)? {
                for n in &nets {
                    cells
                        .entry((Some(d), n.clone()))
                        .or_insert_with(|| vec![Tally::default(); nb]);
                }
            }
        }
    }
    let rows = cells
        .iter()
        .flat_map(|(k, t)| rows_of(k, opts.period, &sc.brands, t))
        .collect();
    Ok(ShareOfVoice {
        totals: rows_of(&(None, None), None, &sc.brands, &totals),
        rows,
        period: opts.period,
        formulas: formulas(),
        denominator: sc.denominator.clone(),
    })
}
