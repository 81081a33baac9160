//! Themes of the conversation: the key phrases and hashtags of a set of mentions, each linked to
//! the mentions it came from, with its volume, sentiment and trend.
//!
//! **Candidates** follow YAKE's rule (Campos, Mangaravite, Pasquali, Jorge, Nunes and Jatowt,
//! "YAKE! Keyword extraction from single documents using multiple local features", Information
//! Sciences 509, 2020): every run of one to three consecutive words that crosses no punctuation,
//! link, handle or number, and neither starts nor ends with a stop word — so "délai de livraison"
//! is a candidate and "de livraison" is not (RAKE's rule, which cuts at every stop word, would
//! lose French phrases built with "de"). Words are tokenised as monitoring queries tokenise them
//! (UAX #29, elisions split) and compared folded (case and accents). Hashtags are themes of their
//! own. Stop lists are smo's own (`smo-core/data/stopwords/`), English or French by the mention's
//! language (tagged or detected), both for another language.
//!
//! **Ranking** is by volume, not by YAKE's or RAKE's per-document scores, because mentions are short and a theme
//! of the conversation is what many people say: the number of mentions a phrase is in (counted
//! once per mention), then its distinct authors. A phrase is kept when it is in at least
//! `min_mentions` mentions by at least `min_authors` authors (so one account repeating itself is
//! not a theme), and a shorter phrase is dropped when the longer kept phrases containing it cover
//! at least 80 % of its mentions between them (it says nothing they do not: "service" beside
//! "service client" and "customer service"). The brands' own names and handles are not themes,
//! nor the edge of one (a phrase that starts or ends with a brand's word).
//!
//! **Trend** compares the two halves of the days covered: mentions in the second half against
//! the first, in %; the series gives the volume per period.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::kpi::formula::SentimentMode;
use crate::kpi::group::Period;

use super::mention::Mention;
use super::query::text::{Kind, fold, tokens};
use super::sentiment::Lang;
use super::watch::{
    Brand, BrandCount, Denominator, Fact, Scope, SentimentSplit, WatchOptions, periods, scope,
};

/// A longer phrase covering at least this share of a shorter one's mentions replaces it.
const SUBSUMED: f64 = 0.8;
/// Longest phrase, in words.
const MAX_WORDS: usize = 3;

/// How to find themes.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeOptions {
    /// Which mentions count.
    pub watch: WatchOptions,
    /// Only the mentions of this brand (by name); `None`: the mentions of any brand compared.
    pub brand: Option<String>,
    /// Least mentions a theme is in.
    pub min_mentions: u64,
    /// Least distinct authors of those mentions.
    pub min_authors: u64,
    /// Keep the first `top` themes; `None`: all.
    pub top: Option<usize>,
    /// The period of each theme's series.
    pub period: Period,
    /// More words or phrases that are not themes (compared folded).
    pub exclude: Vec<String>,
}

impl Default for ThemeOptions {
    fn default() -> Self {
        ThemeOptions {
            watch: WatchOptions::default(),
            brand: None,
            min_mentions: 3,
            min_authors: 2,
            top: Some(20),
            period: Period::Week,
            exclude: Vec::new(),
        }
    }
}

/// What a theme is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeKind {
    /// A key phrase of one to three words.
    Phrase,
    /// A hashtag.
    Hashtag,
}

impl ThemeKind {
    /// `phrase` or `hashtag`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeKind::Phrase => "phrase",
            ThemeKind::Hashtag => "hashtag",
        }
    }
}

/// A theme's volume in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemePoint {
    /// Period label.
    pub period: String,
    /// First day.
    pub start: String,
    /// Mentions.
    pub mentions: u64,
}

/// One theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Rank by volume (1 = most mentions).
    pub rank: u64,
    /// The phrase as most often written (lower case), or the hashtag with its `#`.
    pub phrase: String,
    /// Phrase or hashtag.
    pub kind: ThemeKind,
    /// Words in the phrase.
    pub words: u64,
    /// Mentions it is in.
    pub mentions: u64,
    /// Their distinct authors.
    pub authors: u64,
    /// Share of the mentions searched, in %.
    pub share: f64,
    /// Σ engagement of its mentions.
    pub engagement: u64,
    /// Sentiment of its mentions.
    pub sentiment: SentimentSplit,
    /// Net sentiment (`net_sentiment@v1?mode=polar`).
    pub net_sentiment: Option<f64>,
    /// Mentions in the first half of the days covered.
    pub first_half: u64,
    /// Mentions in the second half.
    pub second_half: u64,
    /// (second − first) / first × 100, when the first half has any.
    pub trend_pct: Option<f64>,
    /// Volume per period, every period of the scope.
    pub series: Vec<ThemePoint>,
    /// The brands its mentions are about, with their counts.
    pub brands: Vec<BrandCount>,
    /// Ids of its mentions, in input order.
    pub mention_ids: Vec<String>,
}

/// The themes of a set of mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Themes {
    /// What was counted.
    pub denominator: Denominator,
    /// The brand whose mentions were searched, if one was asked for.
    pub brand: Option<String>,
    /// Mentions searched (attributed to the brand or brands).
    pub searched: u64,
    /// The method, as stated in the result.
    pub method: String,
    /// Last day of the first half (the trend's cut).
    pub half: Option<String>,
    /// The themes, by rank.
    pub themes: Vec<Theme>,
}

fn stop_list(data: &str) -> HashSet<String> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
}

pub(crate) fn stops(lang: Option<Lang>) -> &'static HashSet<String> {
    static EN: OnceLock<HashSet<String>> = OnceLock::new();
    static FR: OnceLock<HashSet<String>> = OnceLock::new();
    static BOTH: OnceLock<HashSet<String>> = OnceLock::new();
    let en = || stop_list(include_str!("../../data/stopwords/en.txt"));
    let fr = || stop_list(include_str!("../../data/stopwords/fr.txt"));
    match lang {
        Some(Lang::En) => EN.get_or_init(en),
        Some(Lang::Fr) => FR.get_or_init(fr),
        None => BOTH.get_or_init(|| en().into_iter().chain(fr()).collect()),
    }
}

/// Whether `word` is a stop word of smo's English or French list.
///
/// ```
/// use smo_core::listening::{Lang, themes::is_stop_word};
/// assert!(is_stop_word("Très", Some(Lang::Fr)));
/// assert!(!is_stop_word("livraison", Some(Lang::Fr)));
/// assert!(is_stop_word("the", None));
/// ```
pub fn is_stop_word(word: &str, lang: Option<Lang>) -> bool {
    stops(lang).contains(&fold(word))
}

/// Byte ranges of links in `text` (their words are not themes): each white-space-separated
/// chunk that starts, after opening punctuation, with `http://`, `https://` or `www.`. One pass.
fn links(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = at
            + (chunk.len()
                - chunk
                    .trim_start_matches(['(', '[', '<', '"', '\'', '«'])
                    .len());
        let body = &text[start..at + chunk.trim_end().len()];
        let lower = body
            .get(..8)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            out.push((start, start + body.len()));
        }
        at += chunk.len();
    }
    out
}

/// The candidate phrases (folded key → surface) and hashtags of one text, each once.
fn candidates(text: &str, lang: Option<Lang>) -> Vec<(ThemeKind, String, String, usize)> {
    let stop = stops(lang);
    let urls = links(text);
    let in_link = |b: usize| urls.iter().any(|(s, e)| b >= *s && b < *e);
    // Runs of words between breaks; each word (folded key, surface, is a stop word).
    let mut runs: Vec<Vec<(String, String, bool)>> = vec![Vec::new()];
    let mut out = Vec::new();
    let mut prev_end = 0usize;
    for t in tokens(text) {
        let gap = &text[prev_end.min(t.start)..t.start];
        prev_end = t.end;
        // Punctuation between two words ends a phrase; a hyphen or an apostrophe inside a
        // compound or an elision does not.
        let joined = gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
            && !gap.contains(" -")
            && !gap.contains("- ");
        if !joined {
            runs.push(Vec::new());
        }
        let word = &text[t.word..t.end];
        if in_link(t.start) {
            runs.push(Vec::new());
            continue;
        }
        match t.kind {
            Kind::Hashtag => {
                out.push((
                    ThemeKind::Hashtag,
                    fold(word),
                    format!("#{}", word.to_lowercase()),
                    1,
                ));
                runs.push(Vec::new());
            }
            Kind::Handle => runs.push(Vec::new()),
            Kind::Word => {
                let key = fold(word);
                if key.chars().any(|c| c.is_numeric()) {
                    runs.push(Vec::new());
                    continue;
                }
                let is_stop = key.chars().count() < 2 || stop.contains(&key);
                if let Some(r) = runs.last_mut() {
                    r.push((key, word.to_lowercase(), is_stop));
                }
            }
        }
    }
    for run in runs.iter().filter(|r| !r.is_empty()) {
        for i in 0..run.len() {
            if run[i].2 {
                continue;
            }
            for n in 1..=MAX_WORDS.min(run.len() - i) {
                let w = &run[i..i + n];
                if w[n - 1].2 {
                    continue;
                }
                let key = w.iter().map(|x| x.0.as_str()).collect::<Vec<_>>().join(" ");
                let surface = w.iter().map(|x| x.1.as_str()).collect::<Vec<_>>().join(" ");
                out.push((ThemeKind::Phrase, key, surface, n));
            }
        }
    }
    let mut seen = HashSet::new();
    out.retain(|(k, key, _, _)| seen.insert((*k, key.clone())));
    out
}

#[derive(Default)]
struct Acc {
    words: usize,
    forms: BTreeMap<String, u64>,
    facts: Vec<usize>,
}

/// The themes of the mentions of `brands` (or of one of them).
///
/// ```
/// use smo_core::listening::{Author, Brand, Mention, themes::{ThemeOptions, themes}};
/// let at = "2026-04-01T09:00:00Z".parse().unwrap();
/// let texts = ["Maison Lune: délai de livraison trop long", "Le délai de livraison, encore!",
///              "Maison Lune, délai de livraison ?", "J'adore mes draps Maison Lune"];
/// let mentions: Vec<Mention> = texts.iter().enumerate().map(|(i, t)| {
///     let mut m = Mention::new(i.to_string(), at, *t);
///     m.author = Author { handle: format!("a{i}"), ..Author::default() };
///     m.brand = Some("Maison Lune".into());
///     m
/// }).collect();
/// let brands = [Brand::own("Maison Lune", r#""Maison Lune""#)];
/// let t = themes(&mentions, &brands, &ThemeOptions::default())?;
/// assert_eq!(t.themes[0].phrase, "délai de livraison");
/// assert_eq!(t.themes[0].mention_ids, ["0", "1", "2"]);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn themes(mentions: &[Mention], brands: &[Brand], opts: &ThemeOptions) -> Result<Themes> {
    themes_in(&scope(mentions, brands, &opts.watch)?, opts)
}

/// [`themes`] over a scope computed once (the watch brief shares one).
pub(crate) fn themes_in(sc: &Scope<'_>, opts: &ThemeOptions) -> Result<Themes> {
    let only = sc.brand_index(opts.brand.as_deref())?;
    let searched: Vec<&Fact> = sc.facts.iter().filter(|f| f.about(only)).collect();
    // The brands' names, their words and the handles in their queries are not themes.
    let mut excluded: HashSet<String> = HashSet::new();
    for b in &sc.brands {
        let name = fold(b.name.trim());
        excluded.extend(
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        );
        excluded.insert(name.split_whitespace().collect::<Vec<_>>().join(" "));
        excluded.insert(name.replace(|c: char| !c.is_alphanumeric(), ""));
        for t in tokens(&b.query) {
            if t.kind == Kind::Handle {
                excluded.insert(fold(&b.query[t.word..t.end]));
            }
        }
    }
    excluded.extend(opts.exclude.iter().map(|e| fold(e.trim())));
    let mut acc: HashMap<(ThemeKind, String), Acc> = HashMap::new();
    // Candidates per mention on every core; counting them stays in order, so ids stay in input
    // order.
    let per: Vec<Vec<(ThemeKind, String, String, usize)>> = {
        use rayon::prelude::*;
        searched
            .par_iter()
            .map(|f| candidates(&f.mention.text, f.sentiment.map(|s| s.lang)))
            .collect()
    };
    for (i, cands) in per.into_iter().enumerate() {
        for (kind, key, surface, words) in cands {
            // A brand's own words are not a theme, nor its edge: "maison lune délai" says no more
            // than "délai", which is a candidate of its own.
            let first = key.split(' ').next().unwrap_or_default();
            let last = key.rsplit(' ').next().unwrap_or_default();
            if excluded.contains(&key) || excluded.contains(first) || excluded.contains(last) {
                continue;
            }
            let a = acc.entry((kind, key)).or_default();
            a.words = words;
            *a.forms.entry(surface).or_default() += 1;
            a.facts.push(i);
        }
    }
    // Each searched mention's author as a small number, folded once.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let author_of: Vec<u32> = searched
        .iter()
        .map(|f| {
            let n = ids.len() as u32;
            *ids.entry(fold(f.mention.author.handle.trim())).or_insert(n)
        })
        .collect();
    let authors = |facts: &[usize]| {
        facts
            .iter()
            .map(|&i| author_of[i])
            .collect::<HashSet<_>>()
            .len() as u64
    };
    let mut kept: Vec<((ThemeKind, String), Acc)> = acc
        .into_iter()
        // The cheap count first: most candidates are in one or two mentions.
        .filter(|(_, a)| {
            a.facts.len() as u64 >= opts.min_mentions.max(1)
                && authors(&a.facts) >= opts.min_authors
        })
        .collect();
    // Longer phrases first, so a shorter one is compared with the kept longer ones.
    kept.sort_by(|a, b| b.1.words.cmp(&a.1.words).then_with(|| a.0.cmp(&b.0)));
    let mut chosen: Vec<((ThemeKind, String), Acc)> = Vec::new();
    // Each shorter phrase inside a chosen one → the chosen ones containing it, so a phrase finds
    // its longer kept phrases by one lookup.
    let mut inside: HashMap<String, Vec<usize>> = HashMap::new();
    for (key, a) in kept {
        let mut covered = false;
        if key.0 == ThemeKind::Phrase {
            if let Some(longer) = inside.get(&key.1) {
                // The mentions of this phrase that the longer kept phrases already show.
                let shown: HashSet<usize> = longer
                    .iter()
                    .flat_map(|&c| chosen[c].1.facts.iter().copied())
                    .collect();
                covered = a.facts.iter().filter(|i| shown.contains(i)).count() as f64
                    >= SUBSUMED * a.facts.len() as f64;
            }
            if !covered {
                let words: Vec<&str> = key.1.split(' ').collect();
                for n in 1..words.len() {
                    for w in words.windows(n) {
                        inside.entry(w.join(" ")).or_default().push(chosen.len());
                    }
                }
            }
        }
        if !covered {
            chosen.push((key, a));
        }
    }
    let days: Vec<NaiveDate> = searched.iter().map(|f| f.day).collect();
    let (first, last) = (days.iter().min().copied(), days.iter().max().copied());
    let half = first
        .zip(last)
        .filter(|(a, b)| a < b)
        .map(|(a, b)| a + chrono::Duration::days((b - a).num_days() / 2));
    let periods: Vec<NaiveDate> = match first.zip(last) {
        None => Vec::new(),
        Some((a, b)) => periods(a, b, opts.period)?,
    };
    let total = searched.len() as u64;
    let mut list: Vec<Theme> = chosen
        .into_iter()
        .map(|((kind, _), a)| {
            let facts: Vec<&Fact> = a.facts.iter().map(|&i| searched[i]).collect();
            let mut sentiment = SentimentSplit::default();
            let mut engagement = 0u64;
            let mut per: BTreeMap<NaiveDate, u64> = BTreeMap::new();
            let mut by_brand = vec![0u64; sc.brands.len()];
            let (mut h1, mut h2) = (0u64, 0u64);
            for f in &facts {
                sentiment.add(f.label());
                engagement = engagement.saturating_add(f.engagement().unwrap_or(0));
                *per.entry(opts.period.start(f.day)).or_default() += 1;
                for &b in &f.brands {
                    by_brand[usize::from(b)] += 1;
                }
                match half {
                    Some(h) if f.day > h => h2 += 1,
                    _ => h1 += 1,
                }
            }
            let phrase = a
                .forms
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            Theme {
                rank: 0,
                phrase,
                kind,
                words: a.words as u64,
                mentions: facts.len() as u64,
                authors: authors(&a.facts),
                share: facts.len() as f64 / total.max(1) as f64 * 100.0,
                engagement,
                net_sentiment: sentiment.net(SentimentMode::Polar),
                sentiment,
                first_half: h1,
                second_half: h2,
                trend_pct: (half.is_some() && h1 > 0)
                    .then(|| (h2 as f64 - h1 as f64) / h1 as f64 * 100.0),
                series: periods
                    .iter()
                    .map(|d| ThemePoint {
                        period: opts.period.label(*d),
                        start: d.to_string(),
                        mentions: per.get(d).copied().unwrap_or(0),
                    })
                    .collect(),
                brands: sc
                    .brands
                    .iter()
                    .zip(&by_brand)
                    .filter(|(_, n)| **n > 0)
                    .map(|(b, n)| BrandCount {
                        brand: b.name.clone(),
                        mentions: *n,
                    })
                    .collect(),
                mention_ids: facts.iter().map(|f| f.mention.id.clone()).collect(),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(b.authors.cmp(&a.authors))
            .then(b.words.cmp(&a.words))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    for (k, t) in list.iter_mut().enumerate() {
        t.rank = k as u64 + 1;
    }
    if let Some(top) = opts.top {
        list.truncate(top);
    }
    Ok(Themes {
        denominator: sc.denominator.clone(),
        brand: only.map(|b| sc.brands[usize::from(b)].name.clone()),
        searched: total,
        method: format!(
            "YAKE candidates (1 to {MAX_WORDS} words, no punctuation inside, no stop word at \
             either end) and hashtags; kept when in ≥ {} mentions by ≥ {} \
             authors; a phrase whose mentions the longer kept phrases containing it cover at ≥ \
             {:.0} % is dropped; ranked by mentions, then authors",
            opts.min_mentions.max(1),
            opts.min_authors,
            SUBSUMED * 100.0
        ),
        half: half.map(|d| d.to_string()),
        themes: list,
    })
}
