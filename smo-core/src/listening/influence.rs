//! Influencers ("relais d'influence"): the authors who carry the conversation about the brands,
//! with the components of their influence side by side, never one opaque number.
//!
//! Followers alone say little (Cha et al., "The Million Follower Fallacy", ICWSM 2010: the top
//! authors by followers, by retweets and by mentions overlap little), and the suites' 0–100
//! scores have no formula (measurement.md §7.5). So each author gets the components:
//!
//! | Component | Formula |
//! |---|---|
//! | reach | followers (the most recent count in their mentions) |
//! | activity | their mentions attributed to the brands (or to the brand asked for) |
//! | resonance | Σ engagement / mentions with a known engagement; engagement = likes + reposts + replies + quotes |
//! | amplification | Σ (reposts + quotes) / mentions with a known count of either |
//! | relevance | activity / all their mentions in scope, in % |
//!
//! The composite is optional and states its weights: Σ wᵢ·pᵢ / Σ wᵢ, where pᵢ is the author's
//! percentile rank on component i among the authors listed (mid-rank for ties: (below + ½ equal)
//! / n × 100; a missing component counts as 0). Ranks are competition ranks on the sort key
//! (composite, else activity then resonance), so tied authors share a rank, and are listed by
//! network then handle.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::kpi::formula::SentimentMode;

use super::mention::Mention;
use super::query::text::fold;
use super::voice::network_key;
use super::watch::{Brand, Denominator, Scope, SentimentSplit, WatchOptions, scope};

/// Weights of the composite, one per component (any non-negative numbers; they are normalised).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Weight of reach (followers).
    pub reach: f64,
    /// Weight of activity (matching mentions).
    pub activity: f64,
    /// Weight of resonance (engagement per mention).
    pub resonance: f64,
    /// Weight of amplification (reposts and quotes per mention).
    pub amplification: f64,
    /// Weight of relevance (share of the author's mentions that match).
    pub relevance: f64,
}

impl Weights {
    /// Every component weighs the same.
    pub const EQUAL: Weights = Weights {
        reach: 1.0,
        activity: 1.0,
        resonance: 1.0,
        amplification: 1.0,
        relevance: 1.0,
    };

    fn check(&self) -> Result<()> {
        let w = [
            ("reach", self.reach),
            ("activity", self.activity),
            ("resonance", self.resonance),
            ("amplification", self.amplification),
            ("relevance", self.relevance),
        ];
        if let Some((name, v)) = w.iter().find(|(_, v)| !v.is_finite() || *v < 0.0) {
            return Err(Error::Invalid {
                path: format!("weights.{name}"),
                message: format!("{v} is not a weight: give a finite number ≥ 0"),
            });
        }
        if w.iter().all(|(_, v)| *v == 0.0) {
            return Err(Error::Invalid {
                path: "weights".into(),
                message: "every weight is 0: give at least one positive weight".into(),
            });
        }
        Ok(())
    }
}

/// How to rank authors.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluenceOptions {
    /// Which mentions count.
    pub watch: WatchOptions,
    /// Only the mentions of this brand (by name); `None`: of any brand compared.
    pub brand: Option<String>,
    /// Composite weights; `None`: no composite, ranked by activity then resonance.
    pub weights: Option<Weights>,
    /// Authors with fewer matching mentions are left out.
    pub min_mentions: u64,
    /// Keep the first `top` authors (ties at the cut included); `None`: all.
    pub top: Option<usize>,
}

impl Default for InfluenceOptions {
    fn default() -> Self {
        InfluenceOptions {
            watch: WatchOptions::default(),
            brand: None,
            weights: None,
            min_mentions: 1,
            top: None,
        }
    }
}

/// Percentile ranks of an author's components among the authors listed (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Percentiles {
    /// Of reach.
    pub reach: f64,
    /// Of activity.
    pub activity: f64,
    /// Of resonance.
    pub resonance: f64,
    /// Of amplification.
    pub amplification: f64,
    /// Of relevance.
    pub relevance: f64,
}

/// One author and the components of their influence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Influencer {
    /// Competition rank (tied authors share it).
    pub rank: u64,
    /// Network id (`web` for the open web).
    pub network: String,
    /// Handle, as last written.
    pub handle: String,
    /// Display name, when known.
    pub name: Option<String>,
    /// Reach: followers, from their most recent mention that gives the count.
    pub followers: Option<u64>,
    /// Activity: their mentions attributed to the brand(s).
    pub mentions: u64,
    /// All their mentions in scope.
    pub all_mentions: u64,
    /// Relevance: `mentions / all_mentions × 100`.
    pub relevance: f64,
    /// Σ engagement of their matching mentions.
    pub engagement: u64,
    /// Resonance: engagement per matching mention with a known engagement.
    pub resonance: Option<f64>,
    /// Σ reposts + quotes of their matching mentions.
    pub amplifications: u64,
    /// Amplification: reposts + quotes per matching mention with either count.
    pub amplification: Option<f64>,
    /// Sentiment of their matching mentions.
    pub sentiment: SentimentSplit,
    /// Net sentiment (`net_sentiment@v1?mode=polar`) of their matching mentions.
    pub net_sentiment: Option<f64>,
    /// Composite score (0–100), when weights were given.
    pub composite: Option<f64>,
    /// The percentile ranks the composite is made of, when weights were given.
    pub percentiles: Option<Percentiles>,
    /// Ids of their matching mentions, in input order.
    pub mention_ids: Vec<String>,
}

/// Authors ranked, with what was counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Influencers {
    /// What was counted.
    pub denominator: Denominator,
    /// The brand whose mentions were counted, if one was asked for.
    pub brand: Option<String>,
    /// The formulas of the components.
    pub formulas: Vec<String>,
    /// The composite's weights, normalised to sum 1, when asked for.
    pub weights: Option<Weights>,
    /// Mentions in scope with no author handle (not ranked).
    pub anonymous: u64,
    /// Authors with matching mentions before `min_mentions` and `top`.
    pub authors_seen: u64,
    /// The authors, by rank.
    pub authors: Vec<Influencer>,
}

#[derive(Default)]
struct Acc {
    handle: String,
    name: Option<String>,
    followers: Option<(chrono::DateTime<chrono::Utc>, u64)>,
    all: u64,
    mentions: u64,
    engagement: u64,
    engaged: u64,
    amplifications: u64,
    amplified: u64,
    sentiment: SentimentSplit,
    ids: Vec<String>,
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Mid-rank percentile of each value among `values` (missing values are the lowest).
fn percentiles(values: &[Option<f64>]) -> Vec<f64> {
    let key = |v: &Option<f64>| v.unwrap_or(f64::NEG_INFINITY);
    let mut sorted: Vec<f64> = values.iter().map(key).collect();
    sorted.sort_by(f64::total_cmp);
    let n = values.len() as f64;
    values
        .iter()
        .map(|v| {
            let k = key(v);
            let below = sorted.partition_point(|x| *x < k) as f64;
            let upto = sorted.partition_point(|x| *x <= k) as f64;
            if v.is_none() {
                0.0
            } else {
                (below + 0.5 * (upto - below)) / n * 100.0
            }
        })
        .collect()
}

/// The authors of `mentions` about `brands`, ranked with their components.
///
/// ```
/// use smo_core::listening::{Author, Brand, Mention, influence::{InfluenceOptions, influencers}};
/// let at = "2026-04-01T09:00:00Z".parse().unwrap();
/// let mut a = Mention::new("1", at, "Maison Lune, what sheets");
/// a.author = Author { handle: "lea".into(), name: None, followers: Some(12_000) };
/// a.engagement.likes = Some(40);
/// let mut b = Mention::new("2", at, "Dinner tonight");
/// b.author = a.author.clone();
/// let brands = [Brand::own("Maison Lune", r#""Maison Lune""#)];
/// let r = influencers(&[a, b], &brands, &InfluenceOptions::default())?;
/// assert_eq!(r.authors[0].handle, "lea");
/// assert_eq!(r.authors[0].relevance, 50.0);
/// assert_eq!(r.authors[0].resonance, Some(40.0));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn influencers(
    mentions: &[Mention],
    brands: &[Brand],
    opts: &InfluenceOptions,
) -> Result<Influencers> {
    // Bad weights are refused before the mentions are matched and scored.
    if let Some(w) = &opts.weights {
        w.check()?;
    }
    influencers_in(&scope(mentions, brands, &opts.watch)?, opts)
}

/// [`influencers`] over a scope computed once (the watch brief shares one).
pub(crate) fn influencers_in(sc: &Scope<'_>, opts: &InfluenceOptions) -> Result<Influencers> {
    let only = sc.brand_index(opts.brand.as_deref())?;
    if let Some(w) = &opts.weights {
        w.check()?;
    }
    let mut by: BTreeMap<(String, String), Acc> = BTreeMap::new();
    let mut anonymous = 0u64;
    for f in &sc.facts {
        let m = f.mention;
        let handle = m.author.handle.trim().trim_start_matches('@');
        if handle.is_empty() {
            anonymous += 1;
            continue;
        }
        let a = by.entry((network_key(m), fold(handle))).or_default();
        a.all += 1;
        a.handle = handle.to_owned();
        if m.author.name.is_some() {
            a.name.clone_from(&m.author.name);
        }
        if let Some(n) = m.author.followers {
            if a.followers.is_none_or(|(at, _)| m.published >= at) {
                a.followers = Some((m.published, n));
            }
        }
        if !f.about(only) {
            continue;
        }
        a.mentions += 1;
        if let Some(e) = f.engagement() {
            a.engagement = a.engagement.saturating_add(e);
            a.engaged += 1;
        }
        let e = &m.engagement;
        if e.reposts.is_some() || e.quotes.is_some() {
            a.amplifications = a
                .amplifications
                .saturating_add(e.reposts.unwrap_or(0).saturating_add(e.quotes.unwrap_or(0)));
            a.amplified += 1;
        }
        a.sentiment.add(f.label());
        a.ids.push(m.id.clone());
    }
    let authors_seen = by.values().filter(|a| a.mentions > 0).count() as u64;
    let mut list: Vec<Influencer> = by
        .into_iter()
        .filter(|(_, a)| a.mentions > 0 && a.mentions >= opts.min_mentions)
        .map(|((network, _), a)| Influencer {
            rank: 0,
            network,
            handle: a.handle,
            name: a.name,
            followers: a.followers.map(|(_, n)| n),
            mentions: a.mentions,
            all_mentions: a.all,
            relevance: a.mentions as f64 / a.all as f64 * 100.0,
            engagement: a.engagement,
            resonance: ratio(a.engagement, a.engaged),
            amplifications: a.amplifications,
            amplification: ratio(a.amplifications, a.amplified),
            net_sentiment: a.sentiment.net(SentimentMode::Polar),
            sentiment: a.sentiment,
            composite: None,
            percentiles: None,
            mention_ids: a.ids,
        })
        .collect();
    let weights = opts.weights.map(|w| {
        let s = w.reach + w.activity + w.resonance + w.amplification + w.relevance;
        Weights {
            reach: w.reach / s,
            activity: w.activity / s,
            resonance: w.resonance / s,
            amplification: w.amplification / s,
            relevance: w.relevance / s,
        }
    });
    if let Some(w) = weights {
        let col = |g: fn(&Influencer) -> Option<f64>| {
            percentiles(&list.iter().map(g).collect::<Vec<_>>())
        };
        let reach = col(|i| i.followers.map(|f| f as f64));
        let activity = col(|i| Some(i.mentions as f64));
        let resonance = col(|i| i.resonance);
        let amplification = col(|i| i.amplification);
        let relevance = col(|i| Some(i.relevance));
        for (k, i) in list.iter_mut().enumerate() {
            let p = Percentiles {
                reach: reach[k],
                activity: activity[k],
                resonance: resonance[k],
                amplification: amplification[k],
                relevance: relevance[k],
            };
            i.composite = Some(
                w.reach * p.reach
                    + w.activity * p.activity
                    + w.resonance * p.resonance
                    + w.amplification * p.amplification
                    + w.relevance * p.relevance,
            );
            i.percentiles = Some(p);
        }
    }
    let key = |i: &Influencer| {
        (
            i.composite.unwrap_or(0.0),
            i.mentions as f64,
            i.resonance.unwrap_or(-1.0),
        )
    };
    let tied = |a: &Influencer, b: &Influencer| {
        let (x, y) = (key(a), key(b));
        x.0.total_cmp(&y.0).is_eq() && x.1 == y.1 && x.2.total_cmp(&y.2).is_eq()
    };
    list.sort_by(|a, b| {
        let (x, y) = (key(a), key(b));
        y.0.total_cmp(&x.0)
            .then(y.1.total_cmp(&x.1))
            .then(y.2.total_cmp(&x.2))
            .then_with(|| a.network.cmp(&b.network))
            .then_with(|| fold(&a.handle).cmp(&fold(&b.handle)))
    });
    for k in 0..list.len() {
        list[k].rank = if k > 0 && tied(&list[k - 1], &list[k]) {
            list[k - 1].rank
        } else {
            k as u64 + 1
        };
    }
    if let Some(top) = opts.top {
        // Ties at the cut stay: an author is not dropped for sorting after an equal one.
        let cut = match top {
            0 => 0,
            n => list.get(n - 1).map_or(u64::MAX, |i| i.rank),
        };
        list.retain(|i| i.rank <= cut);
    }
    Ok(Influencers {
        denominator: sc.denominator.clone(),
        brand: only.map(|b| sc.brands[usize::from(b)].name.clone()),
        formulas: vec![
            "reach = followers (most recent count in the author's mentions)".into(),
            "activity = the author's mentions attributed to the brand(s)".into(),
            "resonance = Σ (likes + reposts + replies + quotes) / mentions with a known count"
                .into(),
            "amplification = Σ (reposts + quotes) / mentions with a known count of either".into(),
            "relevance = activity / all the author's mentions in scope × 100".into(),
            "composite = Σ wᵢ × percentile rankᵢ (mid-rank, missing = 0), weights summing to 1"
                .into(),
        ],
        weights,
        anonymous,
        authors_seen,
        authors: list,
    })
}
