//! Feeds: the site's RSS, Atom or JSON Feed, read into smo's own model, so that recent content
//! can be pushed out to the networks ([`push`]).
//!
//! Parsing is `feed-rs`'s (the field's maintained parser: RSS 0.9x, 1.0 and 2.0, Atom 1.0, JSON
//! Feed 1.x), and smo keeps only what an SMO consultant acts on: each item's id, title, link,
//! dates, a plain-text summary, its image and video, and its categories. A feed that does not
//! read is an [`Error::Parse`] with the line and column where the XML or JSON breaks (found by
//! `quick-xml`'s own reader when `feed-rs` gives no position), never a panic.

pub mod push;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Format, Position, Result};

/// Which kind of feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedKind {
    /// Atom 1.0 (RFC 4287).
    Atom,
    /// RSS 0.9x, 1.0 (RDF) or 2.0.
    Rss,
    /// JSON Feed 1.x.
    Json,
}

impl FeedKind {
    /// `atom`, `rss` or `json`.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedKind::Atom => "atom",
            FeedKind::Rss => "rss",
            FeedKind::Json => "json",
        }
    }
}

/// One item (entry) of a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedItem {
    /// The item's id (guid, Atom id, JSON Feed id; feed-rs derives one when the feed gives none).
    pub id: String,
    /// Title, as text.
    pub title: Option<String>,
    /// The item's page: the alternate link, else the first link.
    pub link: Option<String>,
    /// When it was published (else updated).
    pub published: Option<DateTime<Utc>>,
    /// When it was last updated.
    pub updated: Option<DateTime<Utc>>,
    /// Summary or content as plain text (tags removed, white space collapsed), at most 500
    /// characters.
    pub summary: Option<String>,
    /// An image: media content or thumbnail, or an image enclosure.
    pub image: Option<String>,
    /// A video: media content or enclosure of a video type.
    pub video: Option<String>,
    /// Category terms.
    pub categories: Vec<String>,
}

/// A feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    /// Atom, RSS or JSON Feed.
    pub kind: FeedKind,
    /// The feed's title.
    pub title: Option<String>,
    /// The site the feed is about (its alternate link).
    pub link: Option<String>,
    /// Items, in feed order.
    pub items: Vec<FeedItem>,
}

fn line_col(text: &[u8], at: usize) -> (u64, u64) {
    let before = &text[..at.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() as u64 + 1;
    (line, column)
}

/// Where the XML first breaks and why, by `quick-xml`'s reader (feed-rs reports no position
/// for it, and reports a mismatched end tag as a missing feed root).
fn xml_error_at(text: &[u8]) -> Option<(usize, String)> {
    let mut r = quick_xml::Reader::from_reader(text);
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => return None,
            Ok(_) => buf.clear(),
            Err(e) => return Some((usize::try_from(r.error_position()).ok()?, e.to_string())),
        }
    }
}

fn parse_error(text: &[u8], at: Option<usize>, message: String) -> Error {
    let format = if text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        Format::Json
    } else {
        Format::Xml
    };
    let (line, column) = at.map_or((None, None), |a| {
        let (l, c) = line_col(text, a);
        (Some(l), Some(c))
    });
    Error::Parse {
        format,
        position: Position {
            line,
            column,
            path: None,
        },
        message,
    }
}

/// Inline elements: their tags join the text around them; any other tag separates words.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span", "strong",
    "sub", "sup", "u",
];

fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let name: String = rest[i + 1..i + j]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    let text = htmlize::unescape(out.as_str());
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words.join(" ");
    if let Some((i, _)) = s.char_indices().nth(500) {
        s.truncate(i);
    }
    s
}

fn item(e: feed_rs::model::Entry) -> FeedItem {
    let link = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| e.links.first())
        .map(|l| l.href.clone());
    let typed = |want: &str| {
        e.media.iter().find_map(|m| {
            m.content
                .iter()
                .find(|c| {
                    c.content_type
                        .as_ref()
                        .is_some_and(|t| t.to_string().starts_with(want))
                })
                .and_then(|c| c.url.as_ref().map(|u| u.to_string()))
        })
    };
    let enclosure = |want: &str| {
        e.links
            .iter()
            .find(|l| {
                l.rel.as_deref() == Some("enclosure")
                    && l.media_type.as_deref().is_some_and(|t| t.starts_with(want))
            })
            .map(|l| l.href.clone())
    };
    let thumbnail = e
        .media
        .iter()
        .find_map(|m| m.thumbnails.first().map(|t| t.image.uri.clone()));
    let summary = e
        .summary
        .as_ref()
        .map(|t| t.content.clone())
        .or_else(|| e.content.as_ref().and_then(|c| c.body.clone()))
        .map(|s| plain(&s))
        .filter(|s| !s.is_empty());
    FeedItem {
        id: e.id.clone(),
        title: e.title.as_ref().map(|t| plain(&t.content)),
        link,
        published: e.published.or(e.updated),
        updated: e.updated,
        summary,
        image: typed("image/")
            .or(thumbnail)
            .or_else(|| enclosure("image/")),
        video: typed("video/").or_else(|| enclosure("video/")),
        categories: e.categories.iter().map(|c| c.term.clone()).collect(),
    }
}

/// Reads an RSS, Atom or JSON feed.
///
/// ```
/// let xml = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Journal</title>
///   <link>https://www.maisonlune.fr/journal</link>
///   <item><title>Laver le lin</title><link>https://www.maisonlune.fr/journal/laver-le-lin</link>
///   <guid>j-12</guid><pubDate>Tue, 01 Sep 2026 08:00:00 +0200</pubDate></item>
/// </channel></rss>"#;
/// let f = smo_core::feed::parse_feed(xml.as_bytes())?;
/// assert_eq!(f.items[0].title.as_deref(), Some("Laver le lin"));
/// assert_eq!(f.items[0].published.unwrap().to_rfc3339(), "2026-09-01T06:00:00+00:00");
/// let bad = smo_core::feed::parse_feed(b"<rss><channel><item></channel></rss>").unwrap_err();
/// assert!(bad.to_string().starts_with("XML error at line 1, column"), "{bad}");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn parse_feed(text: &[u8]) -> Result<Feed> {
    let f = feed_rs::parser::parse(text).map_err(|e| {
        use feed_rs::parser::{ParseErrorKind as K, ParseFeedError as E};
        let at = match &e {
            E::ParseError(
                K::UnknownMimeType { position, .. }
                | K::MissingContent { position, .. }
                | K::UnknownEnumVariant { position, .. }
                | K::IllegalState { position, .. },
            ) => usize::try_from(*position).ok(),
            E::JsonSerde(j) => {
                // serde_json gives a line and column; turn them back into an offset.
                let (line, col) = (j.line(), j.column());
                let mut off = 0usize;
                for (i, l) in text.split(|b| *b == b'\n').enumerate() {
                    if i + 1 == line {
                        off += col.saturating_sub(1).min(l.len());
                        break;
                    }
                    off += l.len() + 1;
                }
                Some(off)
            }
            _ => None,
        };
        let json = text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let syntax = if at.is_none() && !json {
            xml_error_at(text)
        } else {
            None
        };
        let (at, what) = match (syntax, &e) {
            (Some((pos, why)), _) => (Some(pos), format!("the XML does not parse: {why}")),
            (None, E::ParseError(K::NoFeedRoot)) => (
                at,
                "no feed root: expected <rss>, <rdf:RDF>, <feed> (Atom) or a JSON Feed object"
                    .to_owned(),
            ),
            (None, other) => (at, other.to_string()),
        };
        parse_error(
            text,
            at,
            format!("{what}; check the feed with a validator (validator.w3.org/feed)"),
        )
    })?;
    let kind = match f.feed_type {
        feed_rs::model::FeedType::Atom => FeedKind::Atom,
        feed_rs::model::FeedType::JSON => FeedKind::Json,
        _ => FeedKind::Rss,
    };
    Ok(Feed {
        kind,
        title: f.title.map(|t| plain(&t.content)),
        link: f
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone()),
        items: f.entries.into_iter().map(item).collect(),
    })
}
