//! FFI surface of listening: traced English and French sentiment. The records mirror the core's
//! (`uniffi::remote`), so a change of the core's trace breaks this crate's build.

use smo_core::listening::{
    self, Detection, Effect, EffectOp, EntrySource, Label, Lang, LangSource, Sentiment,
    SentimentRule, Trace, TraceEntry,
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
struct TraceEntry {
    token: String,
    lexeme: String,
    source: EntrySource,
    start_byte: u64,
    end_byte: u64,
    valence: f64,
    effects: Vec<Effect>,
    score: f64,
}

#[uniffi::remote(Record)]
struct Detection {
    english: u32,
    french: u32,
}

#[uniffi::remote(Record)]
struct Trace {
    lexicon: String,
    lang_source: LangSource,
    detection: Option<Detection>,
    tokens: u64,
    entries: Vec<TraceEntry>,
    sum: f64,
    punctuation: Vec<Effect>,
    total: f64,
    alpha: f64,
}

#[uniffi::remote(Record)]
struct Sentiment {
    compound: f64,
    positive: f64,
    negative: f64,
    neutral: f64,
    label: Label,
    lang: Lang,
    trace: Trace,
}

/// The sentiment of `text` in `lang` (`"en"`, `"fr"`, or a BCP 47 tag of one of them), or in
/// the language detected when `lang` is null; an unknown language is `InvalidArgument`.
#[uniffi::export(default(lang = None))]
pub fn sentiment(text: String, lang: Option<String>) -> Result<Sentiment, SmoError> {
    let lang = Lang::parse_opt(lang.as_deref())?;
    Ok(listening::sentiment(&text, lang))
}

/// `sentiment` of each text, in order, on every core.
#[uniffi::export(default(lang = None))]
pub fn sentiment_batch(
    texts: Vec<String>,
    lang: Option<String>,
) -> Result<Vec<Sentiment>, SmoError> {
    let lang = Lang::parse_opt(lang.as_deref())?;
    Ok(listening::sentiment_batch(&texts, lang))
}
