//! The post text engine: counting as each network counts, entities, validation.
//!
//! - [`extract_entities`] finds URLs (with and without protocol, against the [`tld`] table),
//!   mentions, lists, hashtags and cashtags with the twitter-text rules, with offsets in bytes,
//!   code points and UTF-16 units.
//! - [`parse_x`] is X's weighted count (twitter-text v1, v2, v3: NFC, weighted ranges, URLs as
//!   23, emoji sequences as 2 under v3).
//! - [`count`] / [`count_field`] count any network's field in its own unit against every row of
//!   the [`limits`] table (Bluesky graphemes *and* bytes, Mastodon's 23-character links and
//!   local mentions, Telegram's UTF-16 caption, YouTube's byte-counted description...).
//! - [`is_valid_url`], [`is_valid_hashtag`], [`is_valid_username`], [`is_valid_list`] and
//!   [`highlight_hits`] complete twitter-text's validator and hit highlighter.
//!
//! Facts (limits, TLDs, weights) live in data tables with their sources; behaviour follows the
//! twitter-text conformance suite, every case of which is run by `tests/twitter_text.rs`.
//! Design notes and the cases where smo differs from upstream are in `docs/text.md`.

mod chars;
mod count;
mod emoji;
mod extract;
mod highlight;
pub mod limits;
pub mod tld;
mod validate;
mod weighted;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use count::{CountOptions, LimitCheck, TextCount, count, count_field, counts_content_warning};
pub use highlight::highlight_hits;
pub use limits::{Field, LIMITS, Limit, Unit, main_field};
pub use validate::{is_valid_hashtag, is_valid_list, is_valid_url, is_valid_username};
pub use weighted::{WeightRange, XConfig, XParse, parse_x};

/// A position in a text, in the three ways hosts index strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct TextPosition {
    /// UTF-8 byte offset (Rust, Go, C).
    pub byte: u64,
    /// Code point offset (Python, Ruby).
    pub code_point: u64,
    /// UTF-16 code unit offset (JavaScript, Java, Kotlin, Swift `utf16`).
    pub utf16: u64,
}

impl TextPosition {
    /// The position of byte offset `byte` (clamped to the previous character boundary).
    pub fn at(text: &str, byte: usize) -> TextPosition {
        let mut b = byte.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        let prefix = &text[..b];
        if prefix.is_ascii() {
            let n = b as u64;
            return TextPosition {
                byte: n,
                code_point: n,
                utf16: n,
            };
        }
        TextPosition {
            byte: b as u64,
            code_point: prefix.chars().count() as u64,
            utf16: prefix.chars().map(|c| c.len_utf16() as u64).sum(),
        }
    }

    /// The position of UTF-16 offset `unit` (inside a surrogate pair: the pair's start).
    pub fn at_utf16(text: &str, unit: u64) -> TextPosition {
        let mut u = 0u64;
        for (i, c) in text.char_indices() {
            let next = u + c.len_utf16() as u64;
            if next > unit {
                return TextPosition::at(text, i);
            }
            u = next;
        }
        TextPosition::at(text, text.len())
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A link, with or without protocol.
    Url,
    /// `@name`.
    Mention,
    /// `@name/list-slug`.
    List,
    /// `#tag`.
    Hashtag,
    /// `$TICKER`.
    Cashtag,
}

impl EntityKind {
    /// `url`, `mention`, `list`, `hashtag` or `cashtag`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Url => "url",
            EntityKind::Mention => "mention",
            EntityKind::List => "list",
            EntityKind::Hashtag => "hashtag",
            EntityKind::Cashtag => "cashtag",
        }
    }

    fn from_raw(kind: extract::RawKind) -> EntityKind {
        match kind {
            extract::RawKind::Url => EntityKind::Url,
            extract::RawKind::Mention => EntityKind::Mention,
            extract::RawKind::List => EntityKind::List,
            extract::RawKind::Hashtag => EntityKind::Hashtag,
            extract::RawKind::Cashtag => EntityKind::Cashtag,
        }
    }
}

/// An entity found in a text. Offsets cover the whole entity, sigil included; `end`s are
/// exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Its text without sigil: `name` for `@name`, `name/slug` for a list, `tag` for `#tag`,
    /// `TICKER` for `$TICKER`, the URL as written.
    pub text: String,
    /// Start, in code points.
    pub start: u64,
    /// End, in code points.
    pub end: u64,
    /// Start, in UTF-16 units.
    pub start_utf16: u64,
    /// End, in UTF-16 units.
    pub end_utf16: u64,
    /// Start, in UTF-8 bytes.
    pub start_byte: u64,
    /// End, in UTF-8 bytes.
    pub end_byte: u64,
}

/// Turns raw byte ranges (sorted, not overlapping) into entities with all three offsets, in one
/// pass over the text.
fn entities(text: &str, raws: Vec<extract::Raw>) -> Vec<Entity> {
    let ascii = text.is_ascii();
    let mut cp = 0u64;
    let mut u16s = 0u64;
    let mut byte = 0usize;
    let mut walk = |to: usize| -> (u64, u64) {
        if ascii {
            return (to as u64, to as u64);
        }
        if to < byte {
            let p = TextPosition::at(text, to);
            return (p.code_point, p.utf16);
        }
        for c in text[byte..to.min(text.len())].chars() {
            cp += 1;
            u16s += c.len_utf16() as u64;
        }
        byte = to;
        (cp, u16s)
    };
    raws.into_iter()
        .map(|r| {
            let (start, start_utf16) = walk(r.range.start);
            let (end, end_utf16) = walk(r.range.end);
            Entity {
                kind: EntityKind::from_raw(r.kind),
                text: text[r.value.clone()].to_owned(),
                start,
                end,
                start_utf16,
                end_utf16,
                start_byte: r.range.start as u64,
                end_byte: r.range.end as u64,
            }
        })
        .collect()
}

/// Every entity of `text`, in order; where two overlap, the first wins (URLs before mentions,
/// hashtags and cashtags at the same start).
///
/// ```
/// use smo_core::text::{EntityKind, extract_entities};
/// let found = extract_entities("Café #été avec @lune → lune.fr $LUNE");
/// let kinds: Vec<_> = found.iter().map(|e| (e.kind, e.text.as_str())).collect();
/// assert_eq!(kinds, [
///     (EntityKind::Hashtag, "été"),
///     (EntityKind::Mention, "lune"),
///     (EntityKind::Url, "lune.fr"),
///     (EntityKind::Cashtag, "LUNE"),
/// ]);
/// assert_eq!((found[0].start, found[0].start_byte), (5, 6));
/// ```
pub fn extract_entities(text: &str) -> Vec<Entity> {
    entities(text, extract::all(text))
}

/// URLs only (with and without protocol).
pub fn extract_urls(text: &str) -> Vec<Entity> {
    let raws = extract::urls(text)
        .into_iter()
        .map(|r| extract::Raw {
            kind: extract::RawKind::Url,
            value: r.clone(),
            range: r,
        })
        .collect();
    entities(text, raws)
}

/// Mentions and lists.
pub fn extract_mentions_or_lists(text: &str) -> Vec<Entity> {
    let mut raws = Vec::new();
    extract::mentions_or_lists(text, &mut raws);
    entities(text, raws)
}

/// Mentions only (lists left out).
pub fn extract_mentions(text: &str) -> Vec<Entity> {
    let mut raws = Vec::new();
    extract::mentions_or_lists(text, &mut raws);
    raws.retain(|r| r.kind == extract::RawKind::Mention);
    entities(text, raws)
}

/// Hashtags that are not part of a URL.
pub fn extract_hashtags(text: &str) -> Vec<Entity> {
    let mut raws: Vec<extract::Raw> = extract::urls(text)
        .into_iter()
        .map(|r| extract::Raw {
            kind: extract::RawKind::Url,
            value: r.clone(),
            range: r,
        })
        .collect();
    extract::hashtags(text, &mut raws);
    extract::remove_overlaps(&mut raws);
    raws.retain(|r| r.kind == extract::RawKind::Hashtag);
    entities(text, raws)
}

/// Cashtags.
pub fn extract_cashtags(text: &str) -> Vec<Entity> {
    let mut raws = Vec::new();
    extract::cashtags(text, &mut raws);
    entities(text, raws)
}

/// The screen name a text replies to: a mention at its very start, after optional spaces.
///
/// ```
/// assert_eq!(smo_core::text::extract_reply(" @lune merci"), Some("lune".to_owned()));
/// assert_eq!(smo_core::text::extract_reply("merci @lune"), None);
/// ```
pub fn extract_reply(text: &str) -> Option<String> {
    extract::reply(text).map(|r| text[r].to_owned())
}

/// Reads UTF-8 bytes as text, or says where the first invalid byte is.
///
/// ```
/// let err = smo_core::text::from_utf8(b"ok \xff").unwrap_err();
/// assert!(err.to_string().contains("byte 3"));
/// ```
pub fn from_utf8(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|e| Error::Encoding {
        offset: e.valid_up_to() as u64,
        message: "the text is not valid UTF-8: decode it with its real encoding, or replace the \
                  bad bytes, before counting"
            .into(),
    })
}

/// Reads UTF-16 units from a host (Kotlin, Swift, JavaScript) as text. A lone surrogate becomes
/// U+FFFD, which is also one UTF-16 unit, so UTF-16 offsets computed on the result are offsets
/// into the host's own string.
pub fn from_utf16_lossy(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

/// [`extract_entities`] over many texts, on every core.
pub fn extract_entities_batch(texts: &[String]) -> Vec<Vec<Entity>> {
    texts.par_iter().map(|t| extract_entities(t)).collect()
}

/// [`count_field`] of the main field over many texts, on every core.
pub fn count_batch(
    texts: &[String],
    network: crate::Network,
    options: &CountOptions,
) -> Result<Vec<TextCount>> {
    let field = main_field(network).ok_or_else(|| Error::Argument {
        name: "network".into(),
        message: format!("smo knows no text limit for {network}"),
    })?;
    texts
        .par_iter()
        .map(|t| count_field(t, network, field, options))
        .collect()
}

/// [`count_field`] over many texts, on every core.
pub fn count_field_batch(
    texts: &[String],
    network: crate::Network,
    field: Field,
    options: &CountOptions,
) -> Result<Vec<TextCount>> {
    texts
        .par_iter()
        .map(|t| count_field(t, network, field, options))
        .collect()
}

/// [`parse_x`] over many texts, on every core.
pub fn parse_x_batch(texts: &[String], config: &XConfig) -> Vec<XParse> {
    texts.par_iter().map(|t| parse_x(t, config)).collect()
}

/// Length of `text` in `unit` ([`Unit::Chars`] resolved by `options`; 0 for non-text units).
///
/// ```
/// use smo_core::text::{CountOptions, Unit, length_in};
/// let o = CountOptions::default();
/// assert_eq!(length_in("👍🏽", Unit::Graphemes, &o), 1);
/// assert_eq!(length_in("👍🏽", Unit::Utf16, &o), 4);
/// assert_eq!(length_in("👍🏽", Unit::ThreadsChars, &o), 8);
/// ```
pub fn length_in(text: &str, unit: Unit, options: &CountOptions) -> u64 {
    let unit = match unit {
        Unit::Chars => match options.chars_unit {
            Unit::Chars => Unit::Utf16,
            u => u,
        },
        u => u,
    };
    count::measure(text, unit, u64::MAX, options).0
}

/// The characters LinkedIn's API ("little text format") reserves: each must be escaped with a
/// backslash in `commentary`.
pub const LINKEDIN_RESERVED: [char; 15] = [
    '\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~',
];

/// Escapes LinkedIn's reserved characters with a backslash, for the API's `commentary` field.
///
/// ```
/// assert_eq!(smo_core::text::escape_linkedin("#SMO (2026)"), r"\#SMO \(2026\)");
/// ```
pub fn escape_linkedin(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if LINKEDIN_RESERVED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
