//! The common ground of the watch analytics: which brands are compared, with which queries, over
//! which mentions, in which period — the denominator that every share of voice, influencer table,
//! theme list and alert states beside its numbers.
//!
//! The paid suites give a share of voice with no denominator; measurement.md §7.4 asks to
//! "report the competitor set, queries and period with every figure". So the scope is computed
//! once, here, and every result carries its [`Denominator`].
//!
//! **Attribution.** A mention whose export already names a brand (`brand`, compared without case
//! or accents) belongs to that brand only; an export brand outside the compared set leaves the
//! mention unattributed and is counted as such. Any other mention belongs to every brand whose
//! query matches it: a mention that names two brands counts once for each, and shares are taken
//! of the sum over brands, so they add up to 100 % (the number of such mentions is stated).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::kpi::group::Period;
use crate::network::Network;

use super::mention::{Mention, engagement_total};
use super::query::Query;
use super::query::text::fold;
use super::sentiment::{Label, Lang, SentimentScores, sentiment_scores};

/// A brand the watch compares, and the query that finds its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    /// The name, as reports print it and as an export's `brand` column may give it.
    pub name: String,
    /// Whether this is the strategy's own brand (the others are competitors).
    #[serde(default)]
    pub own: bool,
    /// The monitoring query in smo's dialect ([`Query`]).
    pub query: String,
}

impl Brand {
    /// A competitor and its query.
    pub fn new(name: impl Into<String>, query: impl Into<String>) -> Brand {
        Brand {
            name: name.into(),
            own: false,
            query: query.into(),
        }
    }

    /// The own brand and its query.
    pub fn own(name: impl Into<String>, query: impl Into<String>) -> Brand {
        Brand {
            own: true,
            ..Brand::new(name, query)
        }
    }
}

/// Which mentions a watch result counts.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchOptions {
    /// First instant counted (inclusive); `None`: from the first mention.
    pub from: Option<DateTime<Utc>>,
    /// End of the period (exclusive); `None`: to the last mention.
    pub to: Option<DateTime<Utc>>,
    /// Networks counted (the open web is `None` in a mention); empty: all, the open web included.
    pub networks: Vec<Network>,
    /// A query every counted mention must also match (`lang:fr`, `NOT author:maisonlune`).
    pub filter: Option<String>,
    /// The zone in which days and periods are taken.
    pub time_zone: Tz,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            from: None,
            to: None,
            networks: Vec::new(),
            filter: None,
            time_zone: Tz::UTC,
        }
    }
}

/// A brand and a number of mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandCount {
    /// The brand.
    pub brand: String,
    /// Mentions.
    pub mentions: u64,
}

/// What a watch result was computed over: stated beside every figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Denominator {
    /// The brands compared, with their queries, own brand first as given.
    pub brands: Vec<Brand>,
    /// Start of the period asked for (RFC 3339), if any.
    pub from: Option<String>,
    /// End of the period asked for (exclusive), if any.
    pub to: Option<String>,
    /// Day of the first mention counted, in `time_zone`.
    pub first: Option<String>,
    /// Day of the last mention counted.
    pub last: Option<String>,
    /// Networks counted (empty: all).
    pub networks: Vec<String>,
    /// The filter query, if any.
    pub filter: Option<String>,
    /// The zone of days and periods.
    pub time_zone: String,
    /// Mentions given.
    pub mentions: u64,
    /// Of those, in the period, on the networks and matching the filter.
    pub in_scope: u64,
    /// In scope and attributed to at least one brand.
    pub attributed: u64,
    /// Attributed by the export's own `brand` column (the others by the queries).
    pub by_export: u64,
    /// Attributed to more than one brand (counted once for each).
    pub multi_brand: u64,
    /// In scope but about none of the brands.
    pub unattributed: u64,
    /// Of the unattributed, those whose export names a brand outside the set.
    pub unknown_brand: u64,
    /// Mentions whose sentiment could not be scored (a language other than English or French).
    pub unscored: u64,
    /// How mentions are counted.
    pub aggregation: String,
}

/// What the analytics need of one mention in scope, computed once.
pub(crate) struct Fact<'m> {
    pub mention: &'m Mention,
    /// Indices into the brand list, ascending.
    pub brands: Vec<u16>,
    /// `None` when the language is neither English nor French.
    pub sentiment: Option<SentimentScores>,
    /// The day, in the options' zone.
    pub day: NaiveDate,
}

impl Fact<'_> {
    /// Whether the mention is about brand `only` (an index into the brands), or about any brand
    /// when `None`.
    pub fn about(&self, only: Option<u16>) -> bool {
        match only {
            Some(b) => self.brands.contains(&b),
            None => !self.brands.is_empty(),
        }
    }

    pub fn label(&self) -> Option<Label> {
        self.sentiment.as_ref().map(|s| s.label)
    }

    /// Likes + reposts + replies + quotes ([`engagement_total`]); unknown counts as 0 here, and
    /// results say how many mentions had none.
    pub fn engagement(&self) -> Option<u64> {
        engagement_total(&self.mention.engagement)
    }

    /// Potential reach: the export's reach when it gives one, else the author's followers.
    pub fn reach(&self) -> Option<u64> {
        self.mention
            .engagement
            .reach
            .or(self.mention.author.followers)
    }
}

/// The mentions in scope, their facts and the denominator.
pub(crate) struct Scope<'m> {
    pub brands: Vec<Brand>,
    pub facts: Vec<Fact<'m>>,
    pub denominator: Denominator,
}

impl Scope<'_> {
    /// The index of the brand named `name` (compared without case or accents), `None` when no
    /// brand is asked for; an unknown name is an `Error::Argument` listing the brands compared.
    pub fn brand_index(&self, name: Option<&str>) -> Result<Option<u16>> {
        let Some(name) = name else { return Ok(None) };
        let key = fold(name.trim());
        match self.brands.iter().position(|b| fold(b.name.trim()) == key) {
            Some(i) => Ok(Some(i as u16)),
            None => Err(Error::Argument {
                name: "brand".into(),
                message: format!(
                    "`{name}` is not one of the brands compared ({})",
                    self.brands
                        .iter()
                        .map(|b| b.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
        }
    }
}

/// A mention's language for sentiment: its own tag when it is English or French, detection when
/// it has none, and `Err` (not scored) for any other language.
fn lang_of(m: &Mention) -> std::result::Result<Option<Lang>, ()> {
    match m.lang.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(None),
        Some(l) => l.parse::<Lang>().map(Some).map_err(|_| ()),
    }
}

fn parse_query(text: &str, path: String) -> Result<Query> {
    Query::parse(text).map_err(|e| Error::Invalid {
        path,
        message: format!("{e}; fix the query (docs/listening.md, grammar)"),
    })
}

/// Checks the brand list: names present and distinct, queries that parse.
pub(crate) fn check_brands(brands: &[Brand]) -> Result<Vec<Query>> {
    if brands.is_empty() {
        return Err(Error::Argument {
            name: "brands".into(),
            message: "give at least one brand (listening::setup::brands gives the strategy's)"
                .into(),
        });
    }
    if brands.len() > usize::from(u16::MAX) {
        return Err(Error::Argument {
            name: "brands".into(),
            message: format!("{} brands: at most {}", brands.len(), u16::MAX),
        });
    }
    let mut seen = std::collections::BTreeMap::new();
    for (i, b) in brands.iter().enumerate() {
        let key = fold(b.name.trim());
        if key.is_empty() {
            return Err(Error::Invalid {
                path: format!("brands[{i}].name"),
                message: "a brand needs a name".into(),
            });
        }
        if let Some(j) = seen.insert(key, i) {
            return Err(Error::Invalid {
                path: format!("brands[{i}].name"),
                message: format!(
                    "`{}` is also brands[{j}]: give each brand once, with one query",
                    b.name
                ),
            });
        }
    }
    brands
        .iter()
        .enumerate()
        .map(|(i, b)| parse_query(&b.query, format!("brands[{i}].query")))
        .collect()
}

/// Computes the scope: the mentions counted, their brands and sentiment, and the denominator.
pub(crate) fn scope<'m>(
    mentions: &'m [Mention],
    brands: &[Brand],
    opts: &WatchOptions,
) -> Result<Scope<'m>> {
    let queries = check_brands(brands)?;
    let filter = opts
        .filter
        .as_deref()
        .map(|f| parse_query(f, "filter".into()))
        .transpose()?;
    if let (Some(a), Some(b)) = (opts.from, opts.to) {
        if a >= b {
            return Err(Error::Argument {
                name: "to".into(),
                message: format!("the period ends ({b}) before it starts ({a}): give to > from"),
            });
        }
    }
    let in_period = |m: &Mention| {
        opts.from.is_none_or(|f| m.published >= f)
            && opts.to.is_none_or(|t| m.published < t)
            && (opts.networks.is_empty() || m.network.is_some_and(|n| opts.networks.contains(&n)))
    };
    let mut kept: Vec<&Mention> = mentions.iter().filter(|m| in_period(m)).collect();
    if let Some(f) = &filter {
        let hits = super::query::search_all(std::slice::from_ref(f), &kept);
        let hits = hits.into_iter().next().unwrap_or_default();
        kept = hits.into_iter().map(|i| kept[i]).collect();
    }
    let by_query = super::query::search_all(&queries, &kept);
    let mut of: Vec<Vec<u16>> = vec![Vec::new(); kept.len()];
    for (b, hits) in by_query.iter().enumerate() {
        for &i in hits {
            of[i].push(b as u16);
        }
    }
    let names: Vec<String> = brands.iter().map(|b| fold(b.name.trim())).collect();
    let (mut by_export, mut unknown_brand) = (0u64, 0u64);
    for (m, bs) in kept.iter().zip(of.iter_mut()) {
        if let Some(named) = m.brand.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            let key = fold(named);
            bs.clear();
            match names.iter().position(|n| *n == key) {
                Some(b) => {
                    bs.push(b as u16);
                    by_export += 1;
                }
                None => unknown_brand += 1,
            }
        }
    }
    let sentiments: Vec<Option<SentimentScores>> = kept
        .par_iter()
        .map(|m| lang_of(m).ok().map(|lang| sentiment_scores(&m.text, lang)))
        .collect();
    let tz = opts.time_zone;
    let facts: Vec<Fact> = kept
        .iter()
        .zip(of)
        .zip(sentiments)
        .map(|((m, brands), sentiment)| Fact {
            mention: m,
            brands,
            sentiment,
            day: m.published.with_timezone(&tz).date_naive(),
        })
        .collect();
    let attributed = facts.iter().filter(|f| !f.brands.is_empty()).count() as u64;
    let denominator = Denominator {
        brands: brands.to_vec(),
        from: opts.from.map(|d| d.to_rfc3339()),
        to: opts.to.map(|d| d.to_rfc3339()),
        first: facts.iter().map(|f| f.day).min().map(|d| d.to_string()),
        last: facts.iter().map(|f| f.day).max().map(|d| d.to_string()),
        networks: opts
            .networks
            .iter()
            .map(|n| n.as_str().to_owned())
            .collect(),
        filter: opts.filter.clone(),
        time_zone: tz.name().to_owned(),
        mentions: mentions.len() as u64,
        in_scope: facts.len() as u64,
        attributed,
        by_export,
        multi_brand: facts.iter().filter(|f| f.brands.len() > 1).count() as u64,
        unattributed: facts.len() as u64 - attributed,
        unknown_brand,
        unscored: facts.iter().filter(|f| f.sentiment.is_none()).count() as u64,
        aggregation:
            "a mention counts once for each brand it is attributed to (the export's brand \
                      column, else every brand whose query matches); shares are of the sum over \
                      the brands"
                .into(),
    };
    Ok(Scope {
        brands: brands.to_vec(),
        facts,
        denominator,
    })
}

/// Most periods a series may have: a series longer than this comes from a stray date (a 1970
/// epoch, a year typo) more often than from a real request, and would fill memory.
pub const MAX_PERIODS: usize = 20_000;

/// The first day of every period from the one holding `first` to the one holding `last`.
///
/// Fails (`Error::Argument`, `period`) past [`MAX_PERIODS`], saying the span and what to do.
pub(crate) fn periods(first: NaiveDate, last: NaiveDate, period: Period) -> Result<Vec<NaiveDate>> {
    let mut out = vec![period.start(first)];
    while let Some(&d) = out.last() {
        let next = period.next_start(d);
        if next > last || next <= d {
            break;
        }
        if out.len() == MAX_PERIODS {
            return Err(Error::Argument {
                name: "period".into(),
                message: format!(
                    "the mentions run from {first} to {last}: more than {MAX_PERIODS} {}s; restrict the scope with from/to (a stray date?) or use a longer period",
                    period.as_str()
                ),
            });
        }
        out.push(next);
    }
    Ok(out)
}

/// Positive, negative and neutral counts, and the mentions not scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SentimentSplit {
    /// Mentions labelled positive (compound ≥ 0.05).
    pub positive: u64,
    /// Labelled negative (compound ≤ −0.05).
    pub negative: u64,
    /// Labelled neutral.
    pub neutral: u64,
    /// Not scored (another language).
    pub unscored: u64,
}

impl SentimentSplit {
    pub(crate) fn add(&mut self, label: Option<Label>) {
        match label {
            Some(Label::Positive) => self.positive += 1,
            Some(Label::Negative) => self.negative += 1,
            Some(Label::Neutral) => self.neutral += 1,
            None => self.unscored += 1,
        }
    }

    /// Net sentiment in % in the KPI catalogue's mode (`net_sentiment@v1`).
    pub fn net(&self, mode: crate::kpi::formula::SentimentMode) -> Option<f64> {
        crate::kpi::formula::net_sentiment(
            self.positive as f64,
            self.negative as f64,
            self.neutral as f64,
            mode,
        )
    }
}
