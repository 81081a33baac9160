//! Counting a text for any network and field, in the unit and against the limits of the
//! [`super::limits`] table.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::emoji::emoji_len;
use super::limits::{Field, Limit, Unit, limits, main_field};
use super::weighted::{XConfig, XParse, parse_x};
use super::{TextPosition, extract};
use crate::error::{Error, Result};
use crate::network::{Confidence, Network};

/// Settings of the counters that vary by account, instance or client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountOptions {
    /// X counting configuration (v3 by default; v1 and v2 for old clients and the tests).
    pub x_config: XConfig,
    /// A Mastodon instance's `configuration.statuses.max_characters` (500 when `None`).
    pub mastodon_max_characters: Option<u64>,
    /// A Mastodon instance's `characters_reserved_per_url`.
    pub mastodon_url_length: u64,
    /// The unit used for limits documented only as "characters" (UTF-16 by default: never
    /// fewer than code points, and what a JavaScript client counts).
    pub chars_unit: Unit,
    /// The content warning published with the text (Mastodon's `spoiler_text`). Mastodon
    /// counts it with the text against the one status limit: its graphemes, as written (no
    /// 23-character links), then the text's. Networks without content warnings reject it.
    pub content_warning: Option<String>,
}

impl Default for CountOptions {
    fn default() -> Self {
        CountOptions {
            x_config: XConfig::V3,
            mastodon_max_characters: None,
            mastodon_url_length: 23,
            chars_unit: Unit::Utf16,
            content_warning: None,
        }
    }
}

/// One limit applied to a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitCheck {
    /// The unit counted (after resolving [`Unit::Chars`]).
    pub unit: Unit,
    /// The text's length in that unit.
    pub length: u64,
    /// The limit.
    pub limit: u64,
    /// `limit - length` (negative when over).
    pub remaining: i64,
    /// Whether the text fits.
    pub valid: bool,
    /// Where the first unit that does not fit starts.
    pub overflow: Option<TextPosition>,
    /// How sure smo is of the limit.
    pub confidence: Confidence,
    /// Where the limit comes from.
    pub source: &'static str,
}

/// A text counted for a network and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextCount {
    /// The network.
    pub network: Network,
    /// The field.
    pub field: Field,
    /// Unit of the binding limit (the first one exceeded, else the first of the field).
    pub unit: Unit,
    /// Length in that unit (X: the weighted length).
    pub length: u64,
    /// The binding limit.
    pub limit: u64,
    /// `limit - length`.
    pub remaining: i64,
    /// Whether every limit of the field is met (and, for X, the text is valid).
    pub valid: bool,
    /// `length` per thousand of `limit`, rounded down.
    pub permillage: u64,
    /// Where the text first goes over a limit.
    pub overflow: Option<TextPosition>,
    /// Always 0 (twitter-text's field).
    pub display_range_start: u64,
    /// UTF-16 index of the last unit of the text, inclusive (0 when empty).
    pub display_range_end: u64,
    /// Always 0.
    pub valid_range_start: u64,
    /// UTF-16 index of the last unit that fits, inclusive.
    pub valid_range_end: u64,
    /// Every limit of the field.
    pub checks: Vec<LimitCheck>,
    /// Extended grapheme clusters.
    pub graphemes: u64,
    /// Code points.
    pub code_points: u64,
    /// UTF-16 code units.
    pub utf16: u64,
    /// UTF-8 bytes.
    pub bytes: u64,
}

/// Counts `text` as the main text field of `network` (X post, Instagram caption, Telegram
/// message, ...) with default options.
///
/// ```
/// use smo_core::{Network, text::count};
/// let c = count("👨‍👩‍👧‍👦", Network::Bluesky)?;
/// assert_eq!((c.length, c.limit, c.valid), (1, 300, true));
/// assert_eq!((c.graphemes, c.code_points, c.utf16, c.bytes), (1, 7, 11, 25));
/// let m = count("@alice@example.com https://www.gnu.org kobo.com", Network::Mastodon)?;
/// assert_eq!(m.length, 6 + 1 + 23 + 1 + 8);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn count(text: &str, network: Network) -> Result<TextCount> {
    let field = main_field(network).ok_or_else(|| no_limit(network, None))?;
    count_field(text, network, field, &CountOptions::default())
}

fn no_limit(network: Network, field: Option<Field>) -> Error {
    let fields: Vec<&str> = super::limits::LIMITS
        .iter()
        .filter(|l| l.network == network && l.unit.is_text())
        .map(|l| l.field.as_str())
        .collect();
    let what = field.map_or_else(|| "text".to_owned(), |f| format!("field `{f}`"));
    Error::Argument {
        name: "field".into(),
        message: if fields.is_empty() {
            format!("smo knows no text limit for {network}")
        } else {
            format!(
                "smo knows no limit for the {what} of {network}: use one of {}",
                fields.join(", ")
            )
        },
    }
}

/// Counts `text` as `field` of `network`, applying every limit the table has for it.
///
/// A Mastodon content warning ([`CountOptions::content_warning`]) counts with the text:
///
/// ```
/// use smo_core::{Network, text::{CountOptions, Field, count_field}};
/// let options = CountOptions { content_warning: Some("spoilers: film".into()), ..Default::default() };
/// let c = count_field(&"a".repeat(490), Network::Mastodon, Field::Post, &options)?;
/// assert_eq!((c.length, c.valid), (504, false));
/// assert_eq!(c.overflow.map(|o| o.code_point), Some(486));
/// assert!(count_field("hi", Network::X, Field::Post, &options).is_err());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn count_field(
    text: &str,
    network: Network,
    field: Field,
    options: &CountOptions,
) -> Result<TextCount> {
    let rows: Vec<&Limit> = limits(network, field)
        .filter(|l| l.unit.is_text())
        .collect();
    if rows.is_empty() {
        return Err(no_limit(network, Some(field)));
    }
    let warning = options.content_warning.as_deref().unwrap_or("");
    if !warning.is_empty() && !counts_content_warning(network, field) {
        return Err(Error::Argument {
            name: "content_warning".into(),
            message: format!(
                "the {field} of {network} has no content warning: put the warning at the start of the text"
            ),
        });
    }
    let mut x = None;
    let checks: Vec<LimitCheck> = rows
        .iter()
        .map(|row| {
            let unit = match row.unit {
                Unit::Chars => match options.chars_unit {
                    Unit::Chars => Unit::Utf16,
                    u => u,
                },
                u => u,
            };
            let mut limit = row.value;
            if network == Network::Mastodon && field == Field::Post {
                limit = options.mastodon_max_characters.unwrap_or(limit);
            }
            let (length, overflow, valid) = if unit == Unit::XWeighted {
                let parse = parse_x(text, &options.x_config);
                limit = options.x_config.max_weighted_tweet_length as u64;
                let overflow = (!parse.valid && !text.is_empty())
                    .then(|| TextPosition::at_utf16(text, parse.valid_range_end + 1));
                x = Some(parse);
                (parse.weighted_length, overflow, parse.valid)
            } else {
                let (length, overflow) = if unit == Unit::MastodonChars && !warning.is_empty() {
                    let prefix = warning_length(warning, text);
                    let (n, overflow) = measure(text, unit, limit.saturating_sub(prefix), options);
                    // A warning over the limit on its own leaves no room for any of the text.
                    let overflow = if prefix > limit { Some(0) } else { overflow };
                    (n + prefix, overflow)
                } else {
                    measure(text, unit, limit, options)
                };
                let overflow = overflow.map(|b| TextPosition::at(text, b));
                (length, overflow, length <= limit)
            };
            LimitCheck {
                unit,
                length,
                limit,
                remaining: limit as i64 - length as i64,
                valid,
                overflow,
                confidence: row.confidence,
                source: row.source,
            }
        })
        .collect();
    let binding = checks
        .iter()
        .find(|c| !c.valid)
        .or(checks.first())
        .cloned()
        .ok_or_else(|| no_limit(network, Some(field)))?;
    let (code_points, utf16, graphemes) = raw_counts(text);
    let display_range_end = utf16.saturating_sub(1);
    let valid_range_end = match (&x, &binding.overflow) {
        (Some(p), _) => p.valid_range_end,
        (None, Some(o)) => o.utf16.saturating_sub(1),
        (None, None) => display_range_end,
    };
    Ok(TextCount {
        network,
        field,
        unit: binding.unit,
        length: binding.length,
        limit: binding.limit,
        remaining: binding.remaining,
        valid: checks.iter().all(|c| c.valid) && (x.is_none() || !text.is_empty()),
        permillage: x.map_or_else(
            || binding.length * 1000 / binding.limit.max(1),
            |p: XParse| p.permillage,
        ),
        overflow: binding.overflow,
        display_range_start: 0,
        display_range_end,
        valid_range_start: 0,
        valid_range_end,
        checks,
        graphemes,
        code_points,
        utf16,
        bytes: text.len() as u64,
    })
}

/// Whether `field` of `network` counts a content warning with its text: the fields measured in
/// Mastodon's unit, whose definition includes the warning.
pub fn counts_content_warning(network: Network, field: Field) -> bool {
    limits(network, field).any(|l| l.unit == Unit::MastodonChars)
}

/// What a content warning adds to a Mastodon status: Mastodon counts the graphemes of the
/// warning and the text joined without a separator, so a text that starts with a mark
/// extending the warning's last grapheme shares that grapheme.
fn warning_length(warning: &str, text: &str) -> u64 {
    let n = warning.graphemes(true).count() as u64;
    match (
        warning.graphemes(true).next_back(),
        text.graphemes(true).next(),
    ) {
        (Some(last), Some(first)) if format!("{last}{first}").graphemes(true).count() == 1 => n - 1,
        _ => n,
    }
}

/// Code points, UTF-16 units and grapheme clusters, with an ASCII fast path.
fn raw_counts(text: &str) -> (u64, u64, u64) {
    if text.is_ascii() {
        let n = text.len() as u64;
        // In ASCII only CR LF joins two characters into one grapheme.
        let crlf = text.as_bytes().windows(2).filter(|w| w == b"\r\n").count() as u64;
        return (n, n, n - crlf);
    }
    let (mut cp, mut units, mut graphemes) = (0u64, 0u64, 0u64);
    // UAX #29 always breaks between two characters that stand alone, so only the stretches
    // between such breaks that hold other characters (marks, joiners, emoji) need segmenting.
    let mut segment = 0usize;
    let mut prev_alone = false;
    for (i, c) in text.char_indices() {
        cp += 1;
        units += c.len_utf16() as u64;
        let alone = stands_alone(c);
        if i > 0 && prev_alone && alone {
            graphemes += segment_graphemes(&text[segment..i]);
            segment = i;
        }
        prev_alone = alone;
    }
    graphemes += segment_graphemes(&text[segment..]);
    (cp, units, graphemes)
}

fn segment_graphemes(s: &str) -> u64 {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (None, _) => 0,
        (Some(_), None) => 1,
        _ => s.graphemes(true).count() as u64,
    }
}

/// Characters whose grapheme cluster break property is `Other` (or `Control` for the ASCII
/// controls but CR) and that nothing in those ranges extends: letters of Latin, Greek,
/// Cyrillic, Arabic, kana, CJK ideographs, Hangul syllables and common punctuation.
fn stands_alone(c: char) -> bool {
    let u = c as u32;
    (u < 0x80 && u != 0x0D)
        || ((0xA0..=0x2FF).contains(&u) && u != 0xAD)
        || (0x370..=0x482).contains(&u)
        || (0x620..=0x64A).contains(&u)
        || (0x660..=0x66F).contains(&u)
        || (0x671..=0x6D5).contains(&u)
        || (0x2010..=0x2027).contains(&u)
        || (0x2030..=0x205E).contains(&u)
        || (0x3000..=0x3029).contains(&u)
        || (0x3041..=0x3096).contains(&u)
        || (0x309B..=0x30FF).contains(&u)
        || (0x4E00..=0x9FFF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xFF01..=0xFF9D).contains(&u)
}

/// Length of `text` in `unit`, and the byte offset where it first exceeds `limit`.
pub(crate) fn measure(
    text: &str,
    unit: Unit,
    limit: u64,
    options: &CountOptions,
) -> (u64, Option<usize>) {
    let mut total = 0u64;
    let mut overflow = None;
    let mut add = |start: usize, len: u64| {
        total += len;
        if overflow.is_none() && total > limit {
            overflow = Some(start);
        }
    };
    match unit {
        Unit::Bytes | Unit::CodePoints | Unit::Utf16 if text.is_ascii() => {
            let n = text.len() as u64;
            return (n, (n > limit).then_some(limit as usize));
        }
        Unit::Bytes => text
            .char_indices()
            .for_each(|(i, c)| add(i, c.len_utf8() as u64)),
        Unit::CodePoints => text.char_indices().for_each(|(i, _)| add(i, 1)),
        Unit::Utf16 | Unit::Chars => text
            .char_indices()
            .for_each(|(i, c)| add(i, c.len_utf16() as u64)),
        Unit::Graphemes => text.grapheme_indices(true).for_each(|(i, _)| add(i, 1)),
        Unit::ThreadsChars => {
            let mut i = 0;
            while let Some(c) = text[i..].chars().next() {
                match emoji_len(text, i) {
                    Some(n) => {
                        add(i, n as u64);
                        i += n;
                    }
                    None => {
                        add(i, 1);
                        i += c.len_utf8();
                    }
                }
            }
        }
        Unit::MastodonChars => {
            for item in mastodon_items(text, options.mastodon_url_length) {
                add(item.0, item.1);
            }
        }
        Unit::YouTubeTags => {
            let mut first = true;
            let mut offset = 0;
            for tag in text.split(',') {
                let t = tag.trim();
                if !t.is_empty() {
                    let quoted = if t.contains(' ') { 2 } else { 0 };
                    let sep = if first { 0 } else { 1 };
                    add(offset, t.chars().count() as u64 + quoted + sep);
                    first = false;
                }
                offset += tag.len() + 1;
            }
        }
        Unit::XWeighted => {
            let p = parse_x(text, &options.x_config);
            return (p.weighted_length, None);
        }
        Unit::Items | Unit::Seconds | Unit::Pixels | Unit::AspectMilli => {}
    }
    (total, overflow)
}

/// Mastodon's countable items: (byte offset, length). URLs with a protocol count
/// `url_length`; a remote mention `@user@host` counts as `@user`; everything else per grapheme.
fn mastodon_items(text: &str, url_length: u64) -> Vec<(usize, u64)> {
    let mut special: Vec<(usize, usize, u64)> = extract::urls(text)
        .into_iter()
        .filter(|r| {
            let b = text[r.clone()].as_bytes();
            b.get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"http://"))
                || b.get(..8)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"https://"))
        })
        .map(|r| (r.start, r.end, url_length))
        .collect();
    special.extend(remote_mentions(text));
    special.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut i = 0;
    for (start, end, len) in special {
        if start < i {
            continue;
        }
        out.extend(
            text[i..start]
                .grapheme_indices(true)
                .map(|(k, _)| (i + k, 1)),
        );
        out.push((start, len));
        i = end;
    }
    out.extend(text[i..].grapheme_indices(true).map(|(k, _)| (i + k, 1)));
    out
}

/// `@user@host` mentions: (start, end, length of `@user`).
fn remote_mentions(text: &str) -> Vec<(usize, usize, u64)> {
    let b = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = text[i..].find('@') {
        let at = i + off;
        i = at + 1;
        if at > 0 && (word(b[at - 1]) || b[at - 1] == b'@' || b[at - 1] == b'/') {
            continue;
        }
        let user = b[at + 1..]
            .iter()
            .take_while(|c| word(**c) || **c == b'.' || **c == b'-')
            .count();
        let user_end = at + 1 + user;
        if user == 0 || b.get(user_end) != Some(&b'@') {
            continue;
        }
        let host = b[user_end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'.' || **c == b'-')
            .count();
        let host_s = &text[user_end + 1..user_end + 1 + host];
        let host_s = host_s.trim_end_matches(['.', '-']);
        if host_s.contains('.') {
            let end = user_end + 1 + host_s.len();
            out.push((at, end, 1 + user as u64));
            i = end;
        }
    }
    out
}
