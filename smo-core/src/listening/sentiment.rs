//! Sentiment of a post, in English or French, with its reasons.
//!
//! A lexicon-and-rules engine written for smo from the published VADER method (Hutto & Gilbert,
//! "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM
//! 2014). Each token found in the valence lexicon (-4..+4) gets its valence, then the rules
//! of the method change it, in this order:
//!
//! | rule | effect | constant |
//! |---|---|---|
//! | ALL-CAPS word in mixed-case text | ± to the magnitude | [`CAPS`] 0.733 |
//! | booster / dampener up to 3 tokens before | ± to the magnitude, × 1, 0.95, 0.9 by distance | [`BOOSTER`] 0.293 |
//! | negator up to 3 tokens before | × [`NEGATION`] | -0.74 |
//! | first contrast word (`but`, `mais`…) | × 0.5 before it, × 1.5 after | [`CONTRAST_BEFORE`], [`CONTRAST_AFTER`] |
//! | `!` (up to 4), `?` (2 or more) in the text | added to the sum, away from zero | [`EXCLAMATION`] 0.292, [`QUESTION`] 0.18 |
//!
//! The compound score is the sum `x` normalised as `x / sqrt(x² + α)`, α = [`ALPHA`] = 15; a
//! text is positive at compound ≥ 0.05, negative at ≤ -0.05 ([`THRESHOLD`]), neutral between.
//! `positive`, `negative` and `neutral` are the shares of the text's tokens, as in the method.
//!
//! English uses the VADER lexicon and emoji table (MIT); French the pattern-fr lexicon (PDDL,
//! polarity × 4), French negation (`ne … pas/jamais/plus/rien`, `sans`, `ni`), boosters and
//! contrast words of smo's own. Hashtags are split into words before scoring (`#LoveThis` ->
//! `love this`) and emoji are scored by the words of their description.
//!
//! Every [`Sentiment`] carries its [`Trace`]: each matched lexicon entry with its byte range and
//! valence, each rule applied with its effect and the score after it, the punctuation added and
//! the lexicon version, so the compound can be recomputed by hand: `total = Σ score ± punctuation`,
//! `compound = total / sqrt(total² + 15)`. `docs/listening.md` gives the method, its sources,
//! the departures from the reference implementation and the evaluation figures.
//!
//! ```
//! use smo_core::listening::{Label, Lang, sentiment};
//!
//! let s = sentiment("The service is not very good!", Some(Lang::En));
//! assert_eq!(s.label, Label::Negative);
//! let good = &s.trace.entries[0];
//! assert_eq!((good.lexeme, good.valence), ("good", 1.9));
//! // good: 1.9, + 0.293 (very), x -0.74 (not): -1.6228; then "!" adds 0.292 away from zero.
//! assert!((good.score - (1.9 + 0.293) * -0.74).abs() < 1e-9);
//! assert!((s.trace.total - (good.score - 0.292)).abs() < 1e-9);
//! ```

mod detect;
mod hash;
mod lexicon;
mod rules;
mod tokens;

use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use detect::detect_lang;

/// Added to the magnitude of an ALL-CAPS sentiment word when the text also has words that are
/// not in capitals (Hutto & Gilbert 2014, capitalisation heuristic).
pub const CAPS: f64 = 0.733;
/// Added to (booster) or taken from (dampener) the magnitude of the next sentiment word
/// (Hutto & Gilbert 2014: mean effect of a degree modifier, 0.293).
pub const BOOSTER: f64 = 0.293;
/// Factor of a booster at distance 2 and 3 from its sentiment word.
pub const BOOSTER_DISTANCE: [f64; 3] = [1.0, 0.95, 0.9];
/// Factor applied to a sentiment word with a negator up to 3 tokens before it.
pub const NEGATION: f64 = -0.74;
/// How many tokens before a sentiment word a booster or negator acts.
pub const WINDOW: usize = 3;
/// Factor of the sentiment words before the first contrast word.
pub const CONTRAST_BEFORE: f64 = 0.5;
/// Factor of the sentiment words after the first contrast word.
pub const CONTRAST_AFTER: f64 = 1.5;
/// Added to the sum's magnitude per `!`, up to [`EXCLAMATION_MAX`] of them.
pub const EXCLAMATION: f64 = 0.292;
/// How many `!` count.
pub const EXCLAMATION_MAX: usize = 4;
/// Added to the sum's magnitude per `?` when there are 2 or 3; 4 or more add
/// [`QUESTION_MAX`].
pub const QUESTION: f64 = 0.18;
/// Added for 4 `?` or more.
pub const QUESTION_MAX: f64 = 0.96;
/// Normalisation constant of the compound score, `x / sqrt(x² + α)`.
pub const ALPHA: f64 = 15.0;
/// Compound score from which a text is positive (and below whose opposite it is negative).
pub const THRESHOLD: f64 = 0.05;

/// A language smo scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: the VADER lexicon.
    En,
    /// French: pattern-fr and smo's French rules.
    Fr,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The ISO 639-1 code: `en` or `fr`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses an optional language (`None` means "detect it").
    ///
    /// ```
    /// use smo_core::listening::Lang;
    /// assert_eq!(Lang::parse_opt(Some("fr-CA")).unwrap(), Some(Lang::Fr));
    /// assert_eq!(Lang::parse_opt(None).unwrap(), None);
    /// assert!(Lang::parse_opt(Some("de")).is_err());
    /// ```
    pub fn parse_opt(lang: Option<&str>) -> Result<Option<Lang>> {
        lang.map(str::parse).transpose()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// `en`, `fr`, their English names, or a BCP 47 tag whose language is one of them (`fr-CA`,
    /// `en_GB`); case does not matter.
    fn from_str(s: &str) -> Result<Self> {
        let primary = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" | "eng" | "english" => Ok(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Ok(Lang::Fr),
            _ => Err(Error::Argument {
                name: "lang".into(),
                message: format!(
                    "`{s}` is not a language smo scores sentiment in: use en or fr (or None to detect it)"
                ),
            }),
        }
    }
}

/// The label of a compound score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// compound ≥ 0.05.
    Positive,
    /// -0.05 < compound < 0.05.
    Neutral,
    /// compound ≤ -0.05.
    Negative,
}

impl Label {
    /// The label of a compound score, with the method's thresholds (± [`THRESHOLD`]).
    ///
    /// ```
    /// use smo_core::listening::Label;
    /// assert_eq!(Label::of(0.05), Label::Positive);
    /// assert_eq!(Label::of(-0.0499), Label::Neutral);
    /// ```
    pub fn of(compound: f64) -> Label {
        if compound >= THRESHOLD {
            Label::Positive
        } else if compound <= -THRESHOLD {
            Label::Negative
        } else {
            Label::Neutral
        }
    }

    /// `positive`, `neutral` or `negative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Positive => "positive",
            Label::Neutral => "neutral",
            Label::Negative => "negative",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the language of a score came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LangSource {
    /// Given by the caller.
    Caller,
    /// Detected by [`detect_lang`] (the counts are in [`Trace::detection`]).
    Detected,
}

/// The rules of the method, as they appear in a trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentimentRule {
    /// An ALL-CAPS sentiment word in a text that is not all capitals: ± [`CAPS`].
    Caps,
    /// A booster before the word: ± [`BOOSTER`] (× distance factor; + [`CAPS`] if in capitals).
    Booster,
    /// A dampener before the word: ∓ [`BOOSTER`] (same factors).
    Dampener,
    /// A negator before the word: × [`NEGATION`].
    Negation,
    /// The word is before the first contrast word: × [`CONTRAST_BEFORE`].
    ContrastBefore,
    /// The word is after the first contrast word: × [`CONTRAST_AFTER`].
    ContrastAfter,
    /// `!` in the text: + [`EXCLAMATION`] each (at most 4), away from zero.
    Exclamation,
    /// `?` in the text (2 or more): + [`QUESTION`] each, or [`QUESTION_MAX`], away from zero.
    Question,
}

impl SentimentRule {
    /// The kebab-case id used in files and bindings (`booster`, `contrast-after`…).
    pub fn as_str(self) -> &'static str {
        match self {
            SentimentRule::Caps => "caps",
            SentimentRule::Booster => "booster",
            SentimentRule::Dampener => "dampener",
            SentimentRule::Negation => "negation",
            SentimentRule::ContrastBefore => "contrast-before",
            SentimentRule::ContrastAfter => "contrast-after",
            SentimentRule::Exclamation => "exclamation",
            SentimentRule::Question => "question",
        }
    }
}

/// How an effect changes a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EffectOp {
    /// `score + value`.
    Add,
    /// `score × value`.
    Multiply,
}

/// One rule applied to a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    /// The rule.
    pub rule: SentimentRule,
    /// The word(s) that triggered it (`very`, `n' … pas`, `but`, `!!!`; the word itself for
    /// caps).
    pub trigger: String,
    /// Byte offset of the trigger in the text.
    pub start_byte: u64,
    /// Byte offset one past the trigger.
    pub end_byte: u64,
    /// Add or multiply.
    pub op: EffectOp,
    /// The amount added (signed) or the factor.
    pub value: f64,
    /// The score after this effect.
    pub result: f64,
}

/// Where a matched token comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntrySource {
    /// A word of the text.
    Word,
    /// A word of a split hashtag.
    Hashtag,
    /// A word of an emoji's description (the span is the emoji's).
    Emoji,
}

/// A token found in the lexicon, and what the rules did to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceEntry {
    /// The token as written (for an emoji, the emoji).
    pub token: String,
    /// The lexicon key it matched (lower case; an emoji's description word).
    pub lexeme: &'static str,
    /// Word, hashtag word or emoji.
    pub source: EntrySource,
    /// Byte offset of the token in the text.
    pub start_byte: u64,
    /// Byte offset one past the token.
    pub end_byte: u64,
    /// The lexicon valence (-4..+4).
    pub valence: f64,
    /// The rules applied, in order; each gives the score after it.
    pub effects: Vec<Effect>,
    /// The final score of the token (the valence after every effect).
    pub score: f64,
}

/// Language detection counts (see [`detect_lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Detection {
    /// English evidence: English function words and contractions.
    pub english: u32,
    /// French evidence: French function words, elisions and accented words.
    pub french: u32,
}

/// Everything needed to recompute a score by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    /// The data used: lexicon and rule file versions with their content hashes.
    pub lexicon: &'static str,
    /// Whether the language was given or detected.
    pub lang_source: LangSource,
    /// The detection counts, when detected.
    pub detection: Option<Detection>,
    /// Number of tokens scored (the denominator of `neutral` with the entries' weights).
    pub tokens: u64,
    /// The tokens found in the lexicon, in text order, with their effects.
    pub entries: Vec<TraceEntry>,
    /// Σ of the entries' scores.
    pub sum: f64,
    /// The punctuation emphasis added to the sum (exclamation, question), in order.
    pub punctuation: Vec<Effect>,
    /// The sum after punctuation, the `x` of the compound.
    pub total: f64,
    /// The normalisation constant α ([`ALPHA`]).
    pub alpha: f64,
}

/// The sentiment of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentiment {
    /// Normalised score in [-1, 1].
    pub compound: f64,
    /// Share of positive weight among the tokens (0..1).
    pub positive: f64,
    /// Share of negative weight (0..1).
    pub negative: f64,
    /// Share of neutral tokens (0..1); the three shares sum to 1.
    pub neutral: f64,
    /// The label of the compound (± 0.05).
    pub label: Label,
    /// The language scored.
    pub lang: Lang,
    /// The reasons.
    pub trace: Trace,
}

/// The numbers of a [`Sentiment`] without its trace (what [`sentiment_scores_batch`] returns).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SentimentScores {
    /// Normalised score in [-1, 1].
    pub compound: f64,
    /// Share of positive weight.
    pub positive: f64,
    /// Share of negative weight.
    pub negative: f64,
    /// Share of neutral tokens.
    pub neutral: f64,
    /// The label of the compound.
    pub label: Label,
    /// The language scored.
    pub lang: Lang,
}

/// The sentiment of `text`, in `lang` or, when `None`, in the language detected.
///
/// Never fails: any text gets a score (an empty one is neutral, `neutral` = 1).
///
/// ```
/// use smo_core::listening::{Label, Lang, SentimentRule, sentiment};
///
/// let s = sentiment("Ce n'est pas génial, mais le service est TRÈS bon", None);
/// assert_eq!(s.lang, Lang::Fr);
/// assert_eq!(s.label, Label::Positive);
/// let rules: Vec<_> = s.trace.entries.iter()
///     .flat_map(|e| e.effects.iter().map(|f| f.rule)).collect();
/// assert!(rules.contains(&SentimentRule::Negation));
/// assert!(rules.contains(&SentimentRule::ContrastAfter));
/// ```
pub fn sentiment(text: &str, lang: Option<Lang>) -> Sentiment {
    rules::score(text, lang)
}

/// [`sentiment`] of each text, in order, on every core (rayon).
///
/// ```
/// use smo_core::listening::{Label, sentiment_batch};
/// let out = sentiment_batch(&["I love it", "I hate it"], None);
/// assert_eq!(out.iter().map(|s| s.label).collect::<Vec<_>>(), [Label::Positive, Label::Negative]);
/// ```
pub fn sentiment_batch<S: AsRef<str> + Sync>(texts: &[S], lang: Option<Lang>) -> Vec<Sentiment> {
    texts
        .par_iter()
        .map(|t| rules::score(t.as_ref(), lang))
        .collect()
}

/// The scores of each text without their traces, in order, on every core (or on `threads`
/// threads of its own): the same numbers as [`sentiment_batch`], faster, for hosts that read a
/// trace only when asked (`sentiment(text, lang)` recomputes it, identically).
///
/// Fails (`Error::Argument`) when `threads` is `Some(0)` or the threads cannot start.
///
/// ```
/// use smo_core::listening::{Lang, sentiment, sentiment_scores_batch};
/// let fast = sentiment_scores_batch(&["Not bad!"], Some(Lang::En), None)?;
/// assert_eq!(fast[0].compound, sentiment("Not bad!", Some(Lang::En)).compound);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn sentiment_scores_batch<S: AsRef<str> + Sync>(
    texts: &[S],
    lang: Option<Lang>,
    threads: Option<usize>,
) -> Result<Vec<SentimentScores>> {
    let run = || {
        texts
            .par_iter()
            .map(|t| rules::scores(t.as_ref(), lang))
            .collect()
    };
    match threads {
        None => Ok(run()),
        Some(n) => Ok(pool(n)?.install(run)),
    }
}

pub(crate) fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    if threads == 0 {
        return Err(Error::Argument {
            name: "threads".into(),
            message: "threads must be at least 1 (or None for every core)".into(),
        });
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Argument {
            name: "threads".into(),
            message: format!("cannot start the worker threads: {e}"),
        })
}

/// [`sentiment_batch`] on `threads` worker threads of its own rather than rayon's global pool.
///
/// Fails (`Error::Argument`) when `threads` is 0 or the threads cannot start.
///
/// ```
/// use smo_core::listening::{Lang, sentiment_batch_threads};
/// let out = sentiment_batch_threads(&["Génial", "Nul"], Some(Lang::Fr), 2)?;
/// assert!(out[0].compound > 0.0 && out[1].compound < 0.0);
/// assert!(sentiment_batch_threads(&["x"], None, 0).is_err());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn sentiment_batch_threads<S: AsRef<str> + Sync>(
    texts: &[S],
    lang: Option<Lang>,
    threads: usize,
) -> Result<Vec<Sentiment>> {
    Ok(pool(threads)?.install(|| sentiment_batch(texts, lang)))
}

/// The version of the data a language is scored with (lexicon and rule files, content hashes).
///
/// ```
/// assert!(smo_core::listening::lexicon_version(smo_core::listening::Lang::Fr).starts_with("fr-1"));
/// ```
pub fn lexicon_version(lang: Lang) -> &'static str {
    lexicon::lexicons().version(lang)
}

/// The scores of `text` without its trace: the numbers of [`sentiment`], for callers that score
/// many texts each in its own language (the watch analytics).
///
/// ```
/// use smo_core::listening::{Lang, sentiment, sentiment_scores};
/// assert_eq!(sentiment_scores("Not bad!", Some(Lang::En)).compound, sentiment("Not bad!", Some(Lang::En)).compound);
/// ```
pub fn sentiment_scores(text: &str, lang: Option<Lang>) -> SentimentScores {
    rules::scores(text, lang)
}
