//! FFI surface of listening: traced English and French sentiment. The enums, `Effect` and
//! `Detection` mirror the core's (`uniffi::remote`); `Sentiment`, `Trace` and `TraceEntry`
//! restate the core's records with owned strings (the core borrows its lexicon keys), field for
//! field, so a change of the core's trace breaks this crate's build.

use smo_core::listening::{
    self, Detection, Effect, EffectOp, EntrySource, Label, Lang, LangSource, SentimentRule,
};

use crate::errors::SmoError;

#[uniffi::remote(Enum)]
enum Lang {
    En,
    Fr,
}

#[uniffi::remote(Enum)]
enum Label {
    Positive,
    Neutral,
    Negative,
}

#[uniffi::remote(Enum)]
enum LangSource {
    Caller,
    Detected,
}

#[uniffi::remote(Enum)]
enum SentimentRule {
    Caps,
    Booster,
    Dampener,
    Negation,
    ContrastBefore,
    ContrastAfter,
    Exclamation,
    Question,
}

#[uniffi::remote(Enum)]
enum EffectOp {
    Add,
    Multiply,
}

#[uniffi::remote(Enum)]
enum EntrySource {
    Word,
    Hashtag,
    Emoji,
}

#[uniffi::remote(Record)]
struct Effect {
    rule: SentimentRule,
    trigger: String,
    start_byte: u64,
    end_byte: u64,
    op: EffectOp,
    value: f64,
    result: f64,
}

#[uniffi::remote(Record)]
struct Detection {
    english: u32,
    french: u32,
}

/// A token found in the lexicon, and what the rules did to it.
#[derive(uniffi::Record)]
pub struct TraceEntry {
    /// The token as written (for an emoji, the emoji).
    pub token: String,
    /// The lexicon key it matched.
    pub lexeme: String,
    /// Word, hashtag word or emoji.
    pub source: EntrySource,
    /// Byte offset of the token in the UTF-8 text.
    pub start_byte: u64,
    /// Byte offset one past the token.
    pub end_byte: u64,
    /// The lexicon valence (-4..+4).
    pub valence: f64,
    /// The rules applied, in order.
    pub effects: Vec<Effect>,
    /// The final score of the token.
    pub score: f64,
}

/// Everything needed to recompute a score by hand.
#[derive(uniffi::Record)]
pub struct Trace {
    /// Lexicon and rule file versions with their content hashes.
    pub lexicon: String,
    /// Whether the language was given or detected.
    pub lang_source: LangSource,
    /// The detection counts, when detected.
    pub detection: Option<Detection>,
    /// Number of tokens scored.
    pub tokens: u64,
    /// The matched tokens with their effects.
    pub entries: Vec<TraceEntry>,
    /// Sum of the entries' scores.
    pub sum: f64,
    /// Punctuation emphasis added to the sum.
    pub punctuation: Vec<Effect>,
    /// The sum after punctuation.
    pub total: f64,
    /// The normalisation constant (15).
    pub alpha: f64,
}

/// The sentiment of a text.
#[derive(uniffi::Record)]
pub struct Sentiment {
    /// Normalised score in [-1, 1].
    pub compound: f64,
    /// Share of positive weight.
    pub positive: f64,
    /// Share of negative weight.
    pub negative: f64,
    /// Share of neutral tokens.
    pub neutral: f64,
    /// The label of the compound (± 0.05).
    pub label: Label,
    /// The language scored.
    pub lang: Lang,
    /// The reasons.
    pub trace: Trace,
}

impl From<listening::Sentiment> for Sentiment {
    fn from(s: listening::Sentiment) -> Self {
        let t = s.trace;
        Sentiment {
            compound: s.compound,
            positive: s.positive,
            negative: s.negative,
            neutral: s.neutral,
            label: s.label,
            lang: s.lang,
            trace: Trace {
                lexicon: t.lexicon.to_owned(),
                lang_source: t.lang_source,
                detection: t.detection,
                tokens: t.tokens,
                entries: t
                    .entries
                    .into_iter()
                    .map(|e| TraceEntry {
                        token: e.token,
                        lexeme: e.lexeme.to_owned(),
                        source: e.source,
                        start_byte: e.start_byte,
                        end_byte: e.end_byte,
                        valence: e.valence,
                        effects: e.effects,
                        score: e.score,
                    })
                    .collect(),
                sum: t.sum,
                punctuation: t.punctuation,
                total: t.total,
                alpha: t.alpha,
            },
        }
    }
}

/// The sentiment of `text` in `lang` (`"en"`, `"fr"`, or a BCP 47 tag of one of them), or in
/// the language detected when `lang` is null; an unknown language is `InvalidArgument`.
#[uniffi::export(default(lang = None))]
pub fn sentiment(text: String, lang: Option<String>) -> Result<Sentiment, SmoError> {
    let lang = Lang::parse_opt(lang.as_deref())?;
    Ok(listening::sentiment(&text, lang).into())
}

/// `sentiment` of each text, in order, on every core.
#[uniffi::export(default(lang = None))]
pub fn sentiment_batch(
    texts: Vec<String>,
    lang: Option<String>,
) -> Result<Vec<Sentiment>, SmoError> {
    let lang = Lang::parse_opt(lang.as_deref())?;
    Ok(listening::sentiment_batch(&texts, lang)
        .into_iter()
        .map(Sentiment::from)
        .collect())
}
