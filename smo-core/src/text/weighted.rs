//! X's weighted length, as twitter-text computes it (configurations v1, v2 and v3).
//!
//! The text is normalised to NFC first; each URL weighs `transformed_url_length`, each emoji
//! sequence (v3) `default_weight`, every other code point the weight of the range it falls in,
//! else `default_weight`. Ranges in the result are UTF-16 indices of the *original* text, end
//! inclusive, exactly as twitter-text reports them (including its offset for text that NFC
//! changes in length). Source: twitter-text `config/v1.json`, `v2.json`, `v3.json` at
//! `30e2430d` and <https://docs.x.com/fundamentals/counting-characters> (X counts with v3).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{chars::is_invalid, emoji::emoji_len, extract};
use crate::error::{Error, Format, Position, Result};

/// A range of code points with a weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeightRange {
    /// First code point.
    pub start: u32,
    /// Last code point (inclusive).
    pub end: u32,
    /// Weight of each code point in the range.
    pub weight: u32,
}

/// A twitter-text counting configuration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct XConfig {
    /// Configuration version (1, 2 or 3 upstream).
    pub version: u32,
    /// Most weighted length allowed.
    pub max_weighted_tweet_length: u32,
    /// Divisor from weights to length.
    pub scale: u32,
    /// Weight of a code point outside every range.
    pub default_weight: u32,
    /// Length of every URL (t.co).
    #[serde(default = "default_url_length", rename = "transformedURLLength")]
    pub transformed_url_length: u32,
    /// Whether an emoji sequence weighs `default_weight` once (v3).
    #[serde(default)]
    pub emoji_parsing_enabled: bool,
    /// Weighted ranges.
    #[serde(default)]
    pub ranges: Cow<'static, [WeightRange]>,
}

fn default_url_length() -> u32 {
    23
}

const LIGHT: &[WeightRange] = &[
    WeightRange {
        start: 0,
        end: 4351,
        weight: 100,
    },
    WeightRange {
        start: 8192,
        end: 8205,
        weight: 100,
    },
    WeightRange {
        start: 8208,
        end: 8223,
        weight: 100,
    },
    WeightRange {
        start: 8242,
        end: 8247,
        weight: 100,
    },
];

impl XConfig {
    /// v1: 140 characters, every code point 1.
    pub const V1: XConfig = XConfig {
        version: 1,
        max_weighted_tweet_length: 140,
        scale: 1,
        default_weight: 1,
        transformed_url_length: 23,
        emoji_parsing_enabled: false,
        ranges: Cow::Borrowed(&[]),
    };
    /// v2: 280, Latin and similar scripts 1, others 2.
    pub const V2: XConfig = XConfig {
        version: 2,
        max_weighted_tweet_length: 280,
        scale: 100,
        default_weight: 200,
        transformed_url_length: 23,
        emoji_parsing_enabled: false,
        ranges: Cow::Borrowed(LIGHT),
    };
    /// v3 (what X uses): v2 plus emoji sequences counted as 2.
    pub const V3: XConfig = XConfig {
        version: 3,
        max_weighted_tweet_length: 280,
        scale: 100,
        default_weight: 200,
        transformed_url_length: 23,
        emoji_parsing_enabled: true,
        ranges: Cow::Borrowed(LIGHT),
    };

    /// The built-in configuration of a version (1, 2 or 3).
    pub fn version(version: u32) -> Result<XConfig> {
        match version {
            1 => Ok(XConfig::V1),
            2 => Ok(XConfig::V2),
            3 => Ok(XConfig::V3),
            _ => Err(Error::Argument {
                name: "x_version".into(),
                message: format!("no twitter-text configuration v{version}: use 1, 2 or 3"),
            }),
        }
    }

    /// Reads a configuration in twitter-text's JSON form (`config/v3.json`).
    pub fn from_json(json: &str) -> Result<XConfig> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let config: XConfig = serde_path_to_error::deserialize(de).map_err(|e| Error::Parse {
            format: Format::Json,
            position: Position {
                line: Some(e.inner().line() as u64),
                column: Some(e.inner().column() as u64),
                path: Some(e.path().to_string()),
            },
            message: e.inner().to_string(),
        })?;
        if config.scale == 0 {
            return Err(Error::Invalid {
                path: "scale".into(),
                message: "scale must be at least 1".into(),
            });
        }
        Ok(config)
    }

    fn weight(&self, c: char) -> u64 {
        let cp = c as u32;
        self.ranges
            .iter()
            .find(|r| r.start <= cp && cp <= r.end)
            .map_or(self.default_weight, |r| r.weight) as u64
    }
}

impl Default for XConfig {
    fn default() -> Self {
        XConfig::V3
    }
}

/// The result of counting a post for X, field for field as twitter-text's `parseTweet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct XParse {
    /// Weighted length (sum of weights divided by the scale).
    pub weighted_length: u64,
    /// Non-empty, no invalid character, and within the limit.
    pub valid: bool,
    /// Weighted length per thousand of the limit, rounded down.
    pub permillage: u64,
    /// Always 0.
    pub display_range_start: u64,
    /// UTF-16 index of the last unit of the text (0 for empty text).
    pub display_range_end: u64,
    /// Always 0.
    pub valid_range_start: u64,
    /// UTF-16 index of the last unit that still fits (inclusive).
    pub valid_range_end: u64,
}

/// Counts `text` as X does under `config`.
///
/// ```
/// use smo_core::text::{XConfig, parse_x};
/// let r = parse_x("Hi http://test.co", &XConfig::V3);
/// assert_eq!((r.weighted_length, r.valid, r.permillage), (26, true, 92));
/// assert_eq!(parse_x("👨‍👩‍👧‍👦", &XConfig::V3).weighted_length, 2);
/// ```
pub fn parse_x(text: &str, config: &XConfig) -> XParse {
    let normalized: Cow<'_, str> = if surely_nfc(text) {
        Cow::Borrowed(text)
    } else {
        match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => Cow::Borrowed(text),
            _ => Cow::Owned(text.nfc().collect()),
        }
    };
    let norm = normalized.as_ref();
    let urls = extract::urls(norm);
    let scale = config.scale.max(1) as u64;
    let max = config.max_weighted_tweet_length as u64 * scale;
    let url_weight = config.transformed_url_length as u64 * scale;

    let emoji = config.emoji_parsing_enabled;
    // One range covering all of ASCII (every shipped configuration) makes ASCII a constant.
    let ascii_weight = config
        .ranges
        .first()
        .filter(|r| r.start == 0 && r.end >= 0x7F)
        .map(|r| r.weight as u64)
        .or(config
            .ranges
            .is_empty()
            .then_some(config.default_weight as u64));
    let mut weight = 0u64;
    let mut valid = true;
    let mut valid_index = 0u64;
    let mut unit = 0u64; // UTF-16 index of the next unit
    let mut urls = urls.into_iter().peekable();
    let mut i = 0usize;
    let bytes = norm.as_bytes();
    while i < norm.len() {
        let item_end;
        while urls.peek().is_some_and(|u| u.start < i) {
            urls.next();
        }
        if let Some(w) = ascii_weight {
            // A run of plain ASCII (no URL start, no possible keycap) weighs `w` a character.
            let limit = urls.peek().map_or(norm.len(), |u| u.start.max(i));
            let run = bytes[i..limit]
                .iter()
                .take_while(|&&b| {
                    b < 0x80 && !(emoji && (b.is_ascii_digit() || b == b'#' || b == b'*'))
                })
                .count() as u64;
            if run > 1 {
                let before = weight;
                weight += w * run;
                if valid {
                    let fit = if w == 0 {
                        if before <= max { run } else { 0 }
                    } else if before + w <= max {
                        ((max - before) / w).min(run)
                    } else {
                        0
                    };
                    if fit > 0 {
                        valid_index = unit + fit - 1;
                    }
                }
                unit += run;
                i += run as usize;
                continue;
            }
        }
        if urls.peek().is_some_and(|u| u.start == i) {
            let url = urls.next().unwrap_or(i..i + 1);
            weight += url_weight;
            unit += utf16_len(&norm[url.clone()]);
            item_end = url.end;
        } else if bytes[i] < 0x80 {
            let b = bytes[i];
            let keycap = emoji && (b.is_ascii_digit() || b == b'#' || b == b'*');
            match keycap.then(|| emoji_len(norm, i)).flatten() {
                Some(n) => {
                    weight += config.default_weight as u64;
                    unit += utf16_len(&norm[i..i + n]);
                    item_end = i + n;
                }
                None => {
                    weight += ascii_weight.unwrap_or_else(|| config.weight(b as char));
                    unit += 1;
                    item_end = i + 1;
                }
            }
        } else {
            let c = norm[i..].chars().next().unwrap_or('\u{FFFD}');
            match (emoji && may_start_emoji(c))
                .then(|| emoji_len(norm, i))
                .flatten()
            {
                Some(n) => {
                    weight += config.default_weight as u64;
                    unit += utf16_len(&norm[i..i + n]);
                    item_end = i + n;
                }
                None => {
                    weight += config.weight(c);
                    unit += c.len_utf16() as u64;
                    if is_invalid(c) {
                        valid = false;
                    }
                    item_end = i + c.len_utf8();
                }
            }
        }
        if valid && weight <= max {
            valid_index = unit - 1;
        }
        i = item_end;
    }
    let original_units = utf16_len(text);
    let normalized_units = unit;
    // twitter-text shifts the index by the length change of the whole text (clamped at 0 here,
    // where upstream would report a negative index).
    let valid_range_end = (valid_index + original_units).saturating_sub(normalized_units);
    XParse {
        weighted_length: weight / scale,
        valid: valid && weight > 0 && weight <= max,
        permillage: (weight * 1000).checked_div(max).unwrap_or(0),
        display_range_start: 0,
        display_range_end: original_units.saturating_sub(1),
        valid_range_start: 0,
        valid_range_end,
    }
}

/// Whether every character is one that NFC leaves alone whatever follows it (canonical
/// combining class 0, `NFC_Quick_Check=Yes`): Latin below the combining diacritics, Arabic
/// letters, general punctuation, kana, CJK ideographs, Hangul syllables, full-width forms and
/// emoji. Most posts pass, skipping the normaliser's table look-ups.
fn surely_nfc(s: &str) -> bool {
    s.bytes().all(|b| b < 0x80)
        || s.chars().all(|c| {
            let u = c as u32;
            u < 0x300
                || (0x0600..=0x064A).contains(&u)
                || (0x0660..=0x06D5).contains(&u)
                || (0x200B..=0x2027).contains(&u)
                || (0x3000..=0x3029).contains(&u)
                || (0x3040..=0x3098).contains(&u)
                || (0x309B..=0x30FF).contains(&u)
                || (0x4E00..=0x9FFF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xFF01..=0xFFEF).contains(&u)
                || (0x1F000..=0x1FAFF).contains(&u)
                || (0x2190..=0x2199).contains(&u)
                || (0x2600..=0x27BF).contains(&u)
                || (0xFE00..=0xFE0F).contains(&u)
                || (0xE0020..=0xE007F).contains(&u)
                || u == 0x20E3
        })
}

/// No emoji starts below U+203C (but © and ®) or between U+3300 and U+1F000.
fn may_start_emoji(c: char) -> bool {
    let u = c as u32;
    !((u < 0x203C && u != 0xA9 && u != 0xAE) || (0x3300..0x1F000).contains(&u))
}

/// UTF-16 length from the UTF-8 bytes: one unit per character (non-continuation byte), two
/// for a four-byte character.
fn utf16_len(s: &str) -> u64 {
    s.bytes()
        .map(|b| u64::from((b & 0xC0) != 0x80) + u64::from(b >= 0xF0))
        .sum()
}
