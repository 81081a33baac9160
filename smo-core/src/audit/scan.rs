//! The streaming scan: one pass of `lol_html` (non-strict, memory capped) over a page, visiting
//! only the elements that carry social features, into a [`PageFeatures`] inventory.
//!
//! Why `lol_html` and not a tree: site-audit.md §5 (4–6× the html5ever tokenizer, flat memory,
//! no quadratic or recursive blow-up on deep nesting). The scan never builds a DOM, so
//! "in head" is tracked by events (`<body>` or the first body-only element the scan visits),
//! and `<noscript>` content, which lol_html reads as raw text (scripting on), is re-scanned as
//! markup to see what scripting-off crawlers (Facebook, Twitterbot) see.
//!
//! A page `lol_html` gives up on (its memory cap) is read again by the html5ever tokenizer
//! (`fallback`), with the same handlers and the same inventory.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{
    AsciiCompatibleEncoding, DocumentContentHandlers, ElementContentHandlers, HtmlRewriter,
    MemorySettings, Selector, Settings,
};
use url::Url;

use super::facts::{self, ProfilePath, WidgetKind};
use super::features::*;
use crate::{Network, Span};

mod fallback;
mod text;

pub use text::ANCHOR_TEXT_BYTES;
use text::TextCollector;

/// Limits that keep the scan's memory bounded whatever the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Bytes fed to the parser at a time (the result does not depend on it).
    pub chunk_size: usize,
    /// `lol_html`'s memory cap; beyond it the page is read again by the tokenizer fallback
    /// (up to `max_fallback_bytes`), else the scan stops with `page/parse-incomplete`.
    pub max_parser_memory: usize,
    /// Longest attribute value kept, in bytes; longer values are cut.
    pub max_value_bytes: usize,
    /// Largest JSON-LD block kept, in bytes; larger ones are reported truncated.
    pub max_json_ld_bytes: usize,
    /// Most inventory items kept per page.
    pub max_items: usize,
    /// Largest page re-scanned with the html5ever tokenizer when `lol_html` stops early (its
    /// memory cap); the fallback holds the page's text and one whole tag in memory, so beyond
    /// this size the scan keeps its partial result instead.
    pub max_fallback_bytes: usize,
    /// Longest main text kept ([`PageFeatures::main_text`]), in bytes: whole words, the first
    /// ones of the page.
    pub max_text_bytes: usize,
}

impl ScanLimits {
    /// The limits' names, as [`ScanLimits::with`] takes them.
    pub const NAMES: [&'static str; 7] = [
        "chunk_size",
        "max_parser_memory",
        "max_value_bytes",
        "max_json_ld_bytes",
        "max_items",
        "max_fallback_bytes",
        "max_text_bytes",
    ];

    /// These limits with the one called `name` set to `value` (bytes, or items for
    /// `max_items`): how the bindings and configuration files set them by name.
    ///
    /// ```
    /// use smo_core::audit::ScanLimits;
    /// let l = ScanLimits::default().with("max_parser_memory", 1 << 20)?;
    /// assert_eq!(l.max_parser_memory, 1 << 20);
    /// assert!(ScanLimits::default().with("max_memory", 1).is_err());
    /// # Ok::<(), smo_core::Error>(())
    /// ```
    pub fn with(mut self, name: &str, value: u64) -> crate::Result<ScanLimits> {
        let argument = |message: String| crate::Error::Argument {
            name: format!("limits.{name}"),
            message,
        };
        if value == 0 {
            return Err(argument("must be at least 1".into()));
        }
        let value = usize::try_from(value)
            .map_err(|_| argument(format!("{value} does not fit this platform's memory")))?;
        let slot = match name {
            "chunk_size" => &mut self.chunk_size,
            "max_parser_memory" => &mut self.max_parser_memory,
            "max_value_bytes" => &mut self.max_value_bytes,
            "max_json_ld_bytes" => &mut self.max_json_ld_bytes,
            "max_items" => &mut self.max_items,
            "max_fallback_bytes" => &mut self.max_fallback_bytes,
            "max_text_bytes" => &mut self.max_text_bytes,
            _ => {
                return Err(argument(format!(
                    "unknown limit: use one of {}",
                    Self::NAMES.join(", ")
                )));
            }
        };
        *slot = value;
        Ok(self)
    }
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            chunk_size: 64 * 1024,
            max_parser_memory: 16 * 1024 * 1024,
            max_value_bytes: 64 * 1024,
            max_json_ld_bytes: 1024 * 1024,
            max_items: 20_000,
            max_fallback_bytes: 32 * 1024 * 1024,
            max_text_bytes: 64 * 1024,
        }
    }
}

/// Meta keys kept in the inventory: social prefixes and a few plain names.
const META_PREFIXES: &[&str] = &[
    "og:", "twitter:", "fb:", "article:", "book:", "profile:", "music:", "video:", "product:",
    "al:",
];
const META_NAMES: &[&str] = &[
    "description",
    "title",
    "author",
    "application-name",
    "pinterest",
    "pinterest-rich-pin",
    "robots",
];

#[derive(Default)]
struct State {
    base: Option<Url>,
    base_set: bool,
    in_body: bool,
    // Context of the current (possibly nested noscript) scan.
    offset_base: usize,
    in_noscript: bool,
    f: PageFeatures,
    items: usize,
    capped: bool,
    title_buf: Option<String>,
    title_done: bool,
    json_buf: Option<(String, Origin, bool)>,
    noscript_buf: Option<(String, usize, bool)>,
    limits: ScanLimits,
    // Where the outer scan first saw body content (`in_body` turned true), and the resume
    // points of the widget windows (see `Windows`).
    body_from: Option<usize>,
    windows: Option<Windows>,
    /// The element-naming widget signatures whose class or id occurs in the page (`None`: not
    /// looked for, check them all).
    gates: Option<Vec<usize>>,
    /// The main text and anchors (shared with `lol_html`'s end-tag handlers, which must own
    /// what they touch).
    text: Rc<RefCell<TextCollector>>,
}

/// The resume points of the widget windows, filled during the outer scan.
///
/// The id/class widget selectors (`#disqus_thread`, `.fb-comments`, ...) name no element, so
/// registering them makes lol_html lex the attributes of every element of the page instead of
/// skipping tags by name: that halves the scan's speed. lol_html compares ids and classes with
/// the raw attribute bytes, case-sensitively, so such a selector can only match an element
/// whose bytes contain its literal. The scan therefore looks for the literals first (`hits`)
/// and runs those selectors only over short windows of the page, each from the end of the
/// last start tag the outer scan visited before a hit: a point where the tokenizer is in its
/// data state with nothing but HTML elements open, exactly the state a fresh rewriter starts
/// in, so the window sees the same tokens as a whole-page scan would.
#[derive(Default)]
struct Windows {
    /// Byte offsets of the literals, ascending.
    hits: Vec<usize>,
    /// For each hit, where its window starts.
    resume: Vec<usize>,
    /// End of the last usable start tag.
    last: usize,
    /// Set once an SVG/MathML HTML integration point (`foreignObject`, `desc`, `title`, `mi`,
    /// ...) opened: HTML elements after it may sit inside foreign content, so their ends are
    /// not used as resume points any more.
    foreign: bool,
}

impl Windows {
    /// A start tag of an HTML element, not raw text, spanning `range`, was visited.
    fn visited(&mut self, range: std::ops::Range<usize>) {
        if self.foreign {
            return;
        }
        while self.resume.len() < self.hits.len()
            && self
                .hits
                .get(self.resume.len())
                .is_some_and(|h| *h < range.end)
        {
            self.resume.push(self.last);
        }
        self.last = range.end;
    }
}

impl State {
    fn origin(&self, range: std::ops::Range<usize>) -> Origin {
        Origin {
            span: Span {
                start_byte: (self.offset_base + range.start) as u64,
                end_byte: (self.offset_base + range.end) as u64,
                line: 0,
                column: 0,
            },
            in_head: !self.in_body,
            in_noscript: self.in_noscript,
        }
    }

    /// The outer scan saw body content at `at`.
    fn body(&mut self, at: usize) {
        if !self.in_body && !self.in_noscript && self.body_from.is_none() {
            self.body_from = Some(at);
        }
        self.in_body = true;
    }

    /// An SVG or MathML HTML integration point opened (see `Windows::foreign`).
    fn foreign(&mut self) {
        if let Some(w) = self.windows.as_mut() {
            w.foreign = true;
        }
    }

    /// An HTML element's start tag the outer scan visited (a resume point for the windows).
    fn visited(&mut self, el: &Element<'_, '_>) {
        if self.in_noscript {
            return;
        }
        if let Some(w) = self.windows.as_mut() {
            if el.namespace_uri() == HTML_NS {
                w.visited(el.source_location().bytes());
            }
        }
    }

    fn room(&mut self) -> bool {
        if self.items >= self.limits.max_items {
            self.capped = true;
            return false;
        }
        self.items += 1;
        true
    }

    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() {
            return None;
        }
        match &self.base {
            Some(b) => b.join(href).ok().map(String::from),
            None => Url::parse(href).ok().map(String::from),
        }
    }

    fn resolve_url(&self, href: &str) -> Option<Url> {
        let href = href.trim();
        if href.is_empty() {
            return None;
        }
        match &self.base {
            Some(b) => b.join(href).ok(),
            None => Url::parse(href).ok(),
        }
    }

    fn link(&self, href: String, origin: Origin) -> LinkRef {
        let url = self.resolve(&href);
        LinkRef { href, url, origin }
    }

    fn list(&mut self, kind: WidgetKind) -> &mut Vec<Widget> {
        match kind {
            WidgetKind::Comments => &mut self.f.comments,
            WidgetKind::SocialLogin => &mut self.f.social_login,
            WidgetKind::Reviews => &mut self.f.reviews,
            WidgetKind::Embed => &mut self.f.embeds,
        }
    }

    fn widget(&mut self, kind: WidgetKind, provider: &str, evidence: String, origin: Origin) {
        if !self.room() {
            return;
        }
        let w = Widget {
            kind,
            provider: provider.to_owned(),
            evidence,
            origin,
        };
        let list = self.list(kind);
        // One widget is often revealed twice (markup and script): keep one per provider
        // and evidence.
        if list
            .iter()
            .any(|x| x.provider == w.provider && x.evidence == w.evidence)
        {
            return;
        }
        // Document order (the windows add widgets after the outer scan went past them); on one
        // element, markup signatures in table order after what other handlers found, however
        // the scan matched them (one selector each, grouped by element, or in windows).
        let at = match markup_index(&w) {
            Some(i) => {
                let start = w.origin.span.start_byte;
                list.iter()
                    .position(|x| {
                        let b = x.origin.span.start_byte;
                        b > start || (b == start && markup_index(x).is_some_and(|j| j > i))
                    })
                    .unwrap_or(list.len())
            }
            None => list.len(),
        };
        list.insert(at, w);
    }
}

/// A start tag as the handlers read it: `lol_html`'s element in the streaming scan, the
/// tokenizer's tag in the fallback scan (`fallback`).
trait StartTag {
    /// The value of the first attribute called `name` (ASCII case-insensitive), as written in
    /// the page: entities are not decoded.
    fn raw(&self, name: &str) -> Option<Cow<'_, str>>;
    /// Whether the tag has an attribute called `name` (lower case).
    fn has(&self, name: &str) -> bool;
    /// Where the tag is in the scanned bytes.
    fn range(&self) -> std::ops::Range<usize>;
}

impl StartTag for Element<'_, '_> {
    fn raw(&self, name: &str) -> Option<Cow<'_, str>> {
        self.get_attribute(name).map(Cow::Owned)
    }
    fn has(&self, name: &str) -> bool {
        self.has_attribute(name)
    }
    fn range(&self) -> std::ops::Range<usize> {
        self.source_location().bytes()
    }
}

/// The row of the markup signature a widget comes from, if it comes from one.
fn markup_index(w: &Widget) -> Option<usize> {
    facts::MARKUP_SIGNATURES
        .iter()
        .position(|m| m.provider == w.provider && m.selector == w.evidence)
}

/// Reads an attribute, entity-decoded (HTML attribute rules), cut at the value cap.
fn attr(el: &impl StartTag, name: &str, st: &RefCell<State>) -> Option<String> {
    let raw = el.raw(name)?;
    if raw.len() <= st.borrow().limits.max_value_bytes && !raw.contains('&') {
        // Nothing to decode or cut: keep the parser's string.
        return Some(raw.into_owned());
    }
    Some(decode_attr(&raw, st))
}

fn decode_attr(raw: &str, st: &RefCell<State>) -> String {
    let max = st.borrow().limits.max_value_bytes;
    let raw = if raw.len() > max {
        st.borrow_mut().f.parse.truncated_values += 1;
        let mut end = max;
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        &raw[..end]
    } else {
        raw
    };
    htmlize::unescape_attribute(raw).into_owned()
}

fn raw_attr(el: &impl StartTag, name: &str, st: &RefCell<State>) -> Option<String> {
    let raw = el.raw(name)?;
    let max = st.borrow().limits.max_value_bytes;
    if raw.len() > max {
        st.borrow_mut().f.parse.truncated_values += 1;
        let mut end = max;
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        return Some(raw[..end].to_owned());
    }
    Some(raw.into_owned())
}

fn rel_tokens(rel: &str) -> Vec<String> {
    rel.split_ascii_whitespace()
        .map(|t| t.to_ascii_lowercase())
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The selectors the scan registers, parsed once per process.
struct Compiled {
    /// Fixed selectors by their text.
    fixed: Vec<(&'static str, Selector)>,
    /// The widget selectors in table order, with their row and whether they are id/class-only
    /// (`#disqus_thread`: run over windows around their literal, see `Windows`, or on every
    /// element in the reference scan). Those that name an element are matched through
    /// `tagged` and `anchor`.
    markup: Vec<(Selector, usize, bool)>,
    /// The widget signatures that name an element, grouped by it: each element gets one
    /// selector (lol_html runs every registered selector against every start tag, so six
    /// selectors for three elements cost twice as much), and its handler matches the group's
    /// signatures (`Simple`, as lol_html matches them). Those on `a` are matched by the link
    /// handler.
    tagged: Vec<(Selector, Vec<(usize, Simple<'static>)>)>,
    /// The signatures on `a`.
    anchor: Vec<(usize, Simple<'static>)>,
    /// One searcher for all those literals (Aho-Corasick, SIMD-accelerated): one pass over
    /// the page finds every occurrence, overlapping ones included. It also looks for the class
    /// or id of the signatures that name an element (`twitter-tweet`, ...): a page without it
    /// cannot match them, so their elements are not checked (`State::gates`).
    literals: Option<aho_corasick::AhoCorasick>,
    /// For each pattern of `literals`: the row of the element-naming signature it gates, or
    /// `None` for a windowed literal.
    gate_rows: Vec<Option<usize>>,
}

/// The scripts whose text is read: the JSON-LD ones (the handler checks the decoded, trimmed
/// type) and, in case an entity hides the `+`, those whose type holds an entity. Other scripts,
/// typed `text/javascript` or `application/json` included, never hand their text over, which
/// spares lol_html decoding it (most of a page's bytes are script text).
const JSON_LD_TEXT: &str = r#"script[type*="ld+json" i], script[type*="&"]"#;

/// Selectors the scan registers besides the widget signatures.
const FIXED: &[&str] = &[
    "meta",
    "link",
    "a",
    "iframe[src]",
    "script",
    JSON_LD_TEXT,
    "base[href]",
    "html",
    "body",
    "title",
    "noscript",
    "*",
];

/// HTML integration points of SVG and MathML (see `Windows::foreign`); SVG `title` is one too,
/// and is registered anyway.
const FOREIGN: &[&str] = &[
    "foreignObject",
    "desc",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// The literal an id/class-only selector (`#id`, `.class`) needs in the element's raw bytes;
/// `None` for any other form.
fn windowed_literal(selector: &str) -> Option<&str> {
    let rest = selector
        .strip_prefix('#')
        .or_else(|| selector.strip_prefix('.'))?;
    (!rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then_some(rest)
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        // Selectors are tested to parse (facts::tests::selectors_parse); a row that does not
        // is skipped rather than taking the scan down.
        let markup = facts::MARKUP_SIGNATURES
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let sel = s.selector.parse::<Selector>().ok()?;
                Some((sel, i, windowed_literal(s.selector).is_some()))
            })
            .collect();
        let mut literals: Vec<&str> = facts::MARKUP_SIGNATURES
            .iter()
            .filter_map(|s| windowed_literal(s.selector))
            .collect();
        let mut gate_rows: Vec<Option<usize>> = vec![None; literals.len()];
        let mut tagged: Vec<(Selector, Vec<(usize, Simple<'static>)>)> = Vec::new();
        let mut anchor = Vec::new();
        let mut tags: Vec<&'static str> = Vec::new();
        for (i, sig) in facts::MARKUP_SIGNATURES.iter().enumerate() {
            let Some(simple) = Simple::parse(sig.selector) else {
                continue;
            };
            let Some(tag) = simple.tag else {
                continue;
            };
            if let Some(literal) = simple.class.or(simple.id) {
                literals.push(literal);
                gate_rows.push(Some(i));
            }
            if tag == "a" {
                anchor.push((i, simple));
                continue;
            }
            match tags.iter().position(|t| *t == tag) {
                Some(k) => {
                    if let Some(group) = tagged.get_mut(k) {
                        group.1.push((i, simple));
                    }
                }
                None => {
                    if let Ok(sel) = tag.parse::<Selector>() {
                        tags.push(tag);
                        tagged.push((sel, vec![(i, simple)]));
                    }
                }
            }
        }
        Compiled {
            tagged,
            anchor,
            gate_rows,
            // Building fails only on absurd pattern sets; without it `scan_with` runs the
            // reference scan.
            literals: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(literals)
                .ok(),
            fixed: FIXED
                .iter()
                .chain(FOREIGN)
                .filter_map(|s| s.parse::<Selector>().ok().map(|sel| (*s, sel)))
                .collect(),
            markup,
        }
    })
}

type Handlers<'h> = Vec<(Cow<'static, Selector>, ElementContentHandlers<'h>)>;

fn push<'h>(handlers: &mut Handlers<'h>, selector: &'static str, h: ElementContentHandlers<'h>) {
    if let Some((_, sel)) = compiled().fixed.iter().find(|(s, _)| *s == selector) {
        handlers.push((Cow::Borrowed(sel), h));
    } else if let Ok(sel) = selector.parse::<Selector>() {
        handlers.push((Cow::Owned(sel), h));
    }
}

/// The selector forms of the widget signatures: `tag`, `#id`, `.class`, `tag.class`,
/// `tag[attribute]`, matched as `lol_html` matches them (raw values, case-sensitive ids and
/// classes).
#[derive(Debug, PartialEq, Eq)]
struct Simple<'s> {
    tag: Option<&'s str>,
    id: Option<&'s str>,
    class: Option<&'s str>,
    attribute: Option<&'s str>,
}

impl<'s> Simple<'s> {
    fn parse(selector: &'s str) -> Option<Simple<'s>> {
        let ident = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        let split = selector.find(['#', '.', '[']).unwrap_or(selector.len());
        let (tag, rest) = selector.split_at(split);
        let tag = (!tag.is_empty()).then_some(tag);
        if tag.is_some_and(|t| !ident(t)) {
            return None;
        }
        let mut s = Simple {
            tag,
            id: None,
            class: None,
            attribute: None,
        };
        if let Some(id) = rest.strip_prefix('#') {
            s.id = Some(id).filter(|i| ident(i));
            s.id?;
        } else if let Some(class) = rest.strip_prefix('.') {
            s.class = Some(class).filter(|c| ident(c));
            s.class?;
        } else if let Some(a) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            // Attribute names compare in lower case.
            s.attribute =
                Some(a).filter(|a| ident(a) && !a.bytes().any(|b| b.is_ascii_uppercase()));
            s.attribute?;
        } else if !rest.is_empty() {
            return None;
        }
        Some(s)
    }

    fn matches(&self, name: &str, el: &impl StartTag) -> bool {
        self.tag.is_none_or(|t| t.eq_ignore_ascii_case(name))
            && self
                .id
                .is_none_or(|id| el.raw("id").is_some_and(|v| v == id))
            && self.class.is_none_or(|c| {
                el.raw("class")
                    .is_some_and(|v| v.split_ascii_whitespace().any(|x| x == c))
            })
            && self.attribute.is_none_or(|a| el.has(a))
    }
}

/// Picks the encoding: BOM, then an early `<meta charset>`, else UTF-8. Returns the bytes to
/// scan (UTF-16 is transcoded first), the encoding and its name.
fn sniff(input: &[u8]) -> (Cow<'_, [u8]>, AsciiCompatibleEncoding, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(input) {
        if enc == encoding_rs::UTF_8 {
            return (
                Cow::Borrowed(&input[bom_len..]),
                AsciiCompatibleEncoding::utf_8(),
                "UTF-8",
            );
        }
        let (text, _) = enc.decode_without_bom_handling(&input[bom_len..]);
        return (
            Cow::Owned(text.into_owned().into_bytes()),
            AsciiCompatibleEncoding::utf_8(),
            enc.name(),
        );
    }
    let head = &input[..input.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if let Some(pos) = find(&lower, b"charset=") {
        let rest = &head[pos + 8..];
        let label: Vec<u8> = rest
            .iter()
            .copied()
            .skip_while(|b| *b == b'"' || *b == b'\'' || *b == b' ')
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(&label) {
            if let Some(ascii) = AsciiCompatibleEncoding::new(enc) {
                return (Cow::Borrowed(input), ascii, enc.name());
            }
        }
    }
    (
        Cow::Borrowed(input),
        AsciiCompatibleEncoding::utf_8(),
        "UTF-8",
    )
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Scans `input` (the page at `url`) into an inventory.
pub fn scan(input: &[u8], url: &str, limits: &ScanLimits) -> PageFeatures {
    scan_with(input, url, limits, Mode::Windowed)
}

/// How `scan_with` reads the page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// `lol_html`, with the id/class widget selectors run over windows (the fast path; it falls
    /// back to `Reference` when its preconditions fail, see `run_windows`).
    Windowed,
    /// `lol_html`, every selector on every element: what `Windowed` is tested against.
    #[cfg_attr(not(test), allow(dead_code))]
    Reference,
    /// The html5ever tokenizer only (what a page gets when `lol_html` gives up; tested against
    /// `Reference`).
    Tokenizer,
}

/// The anchors of a page: every `<a href>` (outside `<noscript>`) in document order, with its
/// resolved URL, its text and its `rel` tokens, read by the same scan as [`scan`] (the same
/// parsers, the same limits: at most `max_items` anchors, each text up to
/// [`ANCHOR_TEXT_BYTES`]).
///
/// ```
/// use smo_core::audit::{ScanLimits, scan::scan_anchors};
/// let html = r#"<p>See <a href="/shop" rel="nofollow Sponsored">our <b>linen</b> shop</a></p>"#;
/// let scan = scan_anchors(html.as_bytes(), "https://blog.example/post", &ScanLimits::default());
/// let a = &scan.anchors[0];
/// assert_eq!(a.url.as_deref(), Some("https://blog.example/shop"));
/// assert_eq!((a.text.as_str(), a.rel.clone()), ("our linen shop", vec!["nofollow".to_owned(), "sponsored".to_owned()]));
/// ```
pub fn scan_anchors(input: &[u8], url: &str, limits: &ScanLimits) -> AnchorScan {
    scan_anchors_with(input, url, limits, Mode::Windowed)
}

fn scan_anchors_with(input: &[u8], url: &str, limits: &ScanLimits, mode: Mode) -> AnchorScan {
    let (features, mut anchors, capped) = scan_full(input, url, limits, mode, true);
    locate_anchors(&mut anchors, input_bytes(input).as_ref());
    AnchorScan {
        url: url.to_owned(),
        lang: features.lang,
        title: features.title,
        anchors,
        complete: features.parse.complete && !capped,
        parse: features.parse,
    }
}

/// The bytes the scan reads (UTF-16 transcoded), for line and column.
fn input_bytes(input: &[u8]) -> Cow<'_, [u8]> {
    sniff(input).0
}

/// What [`scan_anchors`] found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnchorScan {
    /// The page URL given by the caller.
    pub url: String,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// The first `<title>`.
    pub title: Option<String>,
    /// The anchors, in document order.
    pub anchors: Vec<Anchor>,
    /// Whether the whole page was read and no anchor was left out at the item cap.
    pub complete: bool,
    /// How the scan went.
    pub parse: ParseInfo,
}

/// [`scan`] in a given mode; whatever the mode, a page `lol_html` gives up on is scanned again
/// with the tokenizer.
fn scan_with(input: &[u8], url: &str, limits: &ScanLimits, mode: Mode) -> PageFeatures {
    scan_full(input, url, limits, mode, false).0
}

/// The scan, with the anchors when `anchors` (and whether some were left out at the cap).
fn scan_full(
    input: &[u8],
    url: &str,
    limits: &ScanLimits,
    mode: Mode,
    anchors: bool,
) -> (PageFeatures, Vec<Anchor>, bool) {
    // Without the literal searcher (it cannot fail to build on the table's literals), every
    // selector runs on every element.
    let windowed = mode == Mode::Windowed && compiled().literals.is_some();
    let (bytes, encoding, enc_name) = sniff(input);
    let fresh = || {
        let mut s = State {
            base: Url::parse(url).ok(),
            limits: *limits,
            text: Rc::new(RefCell::new(TextCollector::new(
                limits.max_text_bytes,
                anchors,
                limits.max_items,
            ))),
            ..State::default()
        };
        s.f.url = url.to_owned();
        s.f.parse.bytes = input.len() as u64;
        s.f.parse.encoding = enc_name.to_owned();
        RefCell::new(s)
    };
    let mut st = fresh();
    let mut error = None;
    let mut done = false;
    if windowed {
        let (hits, gates) = widget_hits(&bytes);
        st.borrow_mut().gates = Some(gates);
        // Resume points are only needed around hits; integration points only matter on pages
        // with SVG or MathML.
        let foreign = !hits.is_empty() && has_foreign_tag(&bytes);
        if !hits.is_empty() {
            st.borrow_mut().windows = Some(Windows {
                hits,
                ..Windows::default()
            });
        }
        error = run(
            &bytes,
            encoding,
            &st,
            Pass::Outer {
                windowed: true,
                foreign,
            },
            limits,
        );
        done = run_windows(&bytes, encoding, &st, error.is_some(), limits);
        #[cfg(test)]
        if !done {
            tests::FALLBACKS.with(|n| n.set(n.get() + 1));
        }
    }
    if mode == Mode::Tokenizer {
        fallback::run(&bytes, encoding.into(), &st, limits);
    } else if !done {
        st = fresh();
        error = run(
            &bytes,
            encoding,
            &st,
            Pass::Outer {
                windowed: false,
                foreign: false,
            },
            limits,
        );
    }
    // lol_html gave up (a tag or comment beyond its memory cap): the tokenizer reads the page.
    let mut fallback = None;
    if error.is_some() && bytes.len() <= limits.max_fallback_bytes {
        st = fresh();
        fallback::run(&bytes, encoding.into(), &st, limits);
        fallback = error.take();
    }
    let mut s = st.into_inner();
    s.f.parse.fallback = fallback;
    if enc_name == "UTF-8" {
        if let Err(e) = std::str::from_utf8(&bytes) {
            s.f.parse.invalid_utf8_at = Some(e.valid_up_to() as u64);
        }
    }
    s.f.parse.complete = error.is_none() && !s.capped;
    s.f.parse.error = error.or_else(|| {
        s.capped.then(|| {
            format!(
                "more than {} social items: the rest of the page was not inventoried",
                limits.max_items
            )
        })
    });
    s.f.parse.max_depth = super::depth::estimate(&bytes);
    let collector = std::mem::take(&mut *s.text.borrow_mut());
    let capped = collector.anchors_capped;
    let (main_text, anchors) = collector.finish();
    let mut f = s.f;
    f.main_text = main_text;
    finish(&mut f);
    locate(&mut f, &bytes);
    (f, anchors, capped)
}

/// Whether the page may contain an `<svg` or `<math` start tag (any case, any context: a
/// superset of what the tokenizer sees).
fn has_foreign_tag(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'<', bytes).any(|i| {
        let tag = |name: &[u8]| {
            bytes
                .get(i + 1..i + 1 + name.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(name))
        };
        tag(b"svg") || tag(b"math")
    })
}

/// Offsets of the literals of the id/class widget selectors in the page, ascending, and the
/// rows of the element-naming signatures whose class or id occurs in it.
fn widget_hits(bytes: &[u8]) -> (Vec<usize>, Vec<usize>) {
    let c = compiled();
    let (mut hits, mut gates) = (Vec::new(), Vec::new());
    let Some(ac) = c.literals.as_ref() else {
        return (hits, gates);
    };
    // Leftmost matches, each search resuming one byte after the last match's start: every
    // position where a literal starts (no literal is a prefix of another: tested), overlapping
    // ones included (`disqus_threadisqus_thread` holds two), with the searcher's SIMD
    // prefilter (which overlapping iteration does not use).
    let mut from = 0;
    while let Some(m) = ac.find(aho_corasick::Input::new(bytes).range(from..)) {
        match c.gate_rows.get(m.pattern().as_usize()).copied().flatten() {
            Some(row) => {
                if !gates.contains(&row) {
                    gates.push(row);
                }
            }
            None => hits.push(m.start()),
        }
        from = m.start() + 1;
    }
    (hits, gates)
}

/// Runs the id/class widget selectors over the windows around their literals and adds what
/// they match to the inventory, as a whole-page scan would have. Returns false, leaving the
/// inventory to be rebuilt by the reference scan, when the result could differ from it: the
/// outer scan stopped early or hit the item cap, a widget came before the first body content
/// (it would have moved later elements out of `<head>`), or a window failed.
fn run_windows(
    bytes: &[u8],
    encoding: AsciiCompatibleEncoding,
    st: &RefCell<State>,
    failed: bool,
    limits: &ScanLimits,
) -> bool {
    let Some(mut w) = st.borrow_mut().windows.take() else {
        // No id/class widget literal: the outer scan is the whole-page scan.
        return true;
    };
    if failed || st.borrow().capped {
        return false;
    }
    // Hits after the last resume point resume there.
    w.resume.resize(w.hits.len(), w.last);
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut k = 0;
    // Windows are fed a few KiB at a time (the tokens do not depend on the chunking) so a
    // window stops soon after its last hit.
    let step = limits.chunk_size.clamp(1, 4096);
    while k < w.hits.len() {
        let from = w.resume[k];
        let past = std::cell::Cell::new(0usize);
        let matched: RefCell<Vec<(usize, usize, usize)>> = RefCell::new(Vec::new());
        let mut handlers: Handlers<'_> = Vec::new();
        for (sel, i, _) in compiled().markup.iter().filter(|m| m.2) {
            let (i, matched) = (*i, &matched);
            handlers.push((
                Cow::Borrowed(sel),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let r = el.source_location().bytes();
                    matched.borrow_mut().push((from + r.start, from + r.end, i));
                    Ok(())
                }),
            ));
        }
        push(
            &mut handlers,
            "*",
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                past.set(from + el.source_location().bytes().start);
                Ok(())
            }),
        );
        let mut rewriter = Some(HtmlRewriter::new(
            settings(handlers, None, encoding, limits),
            |_: &[u8]| {},
        ));
        let mut pos = from;
        loop {
            // A hit is settled once a start tag after it was seen: the tag holding it, if any,
            // was complete before.
            while w.hits.get(k).is_some_and(|h| past.get() > *h) {
                k += 1;
            }
            match (w.hits.get(k), w.resume.get(k)) {
                (Some(_), Some(r)) if *r <= pos => {}
                // The next hit resumes past this window (or there is none): next window.
                _ => break,
            }
            let Some(r) = rewriter.as_mut() else {
                break;
            };
            if pos >= bytes.len() {
                if rewriter.take().is_some_and(|r| r.end().is_err()) {
                    return false;
                }
                k = w.hits.len();
                break;
            }
            let end = bytes.len().min(pos.saturating_add(step));
            if r.write(bytes.get(pos..end).unwrap_or_default()).is_err() {
                return false;
            }
            pos = end;
        }
        drop(rewriter);
        found.extend(matched.into_inner());
    }
    found.sort_unstable();
    let mut s = st.borrow_mut();
    let body_from = s.body_from;
    if s.items + found.len() > s.limits.max_items
        || found
            .iter()
            .any(|(start, _, _)| body_from.is_none_or(|b| b > *start))
    {
        return false;
    }
    for (start, end, i) in found {
        let Some(sig) = facts::MARKUP_SIGNATURES.get(i) else {
            continue;
        };
        // Within the item cap (checked above for all of them), in document order.
        let origin = s.origin(start..end);
        s.widget(sig.kind, sig.provider, sig.selector.to_owned(), origin);
    }
    true
}

/// Which pass `run` makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// The page; `windowed`: the id/class widget selectors are left to `run_windows`;
    /// `foreign`: watch for SVG/MathML integration points (see `Windows::foreign`).
    Outer { windowed: bool, foreign: bool },
    /// The re-scan of a `<noscript>`'s text.
    Noscript,
}

fn settings<'h>(
    handlers: Handlers<'h>,
    document: Option<DocumentContentHandlers<'h>>,
    encoding: AsciiCompatibleEncoding,
    limits: &ScanLimits,
) -> Settings<'h, 'static> {
    let mut settings = Settings::new()
        .with_strict(false)
        .with_encoding(encoding)
        .with_memory_settings(
            MemorySettings::new()
                .with_max_allowed_memory_usage(limits.max_parser_memory)
                // lol_html preallocates 1 KiB, which must fit under a small cap.
                .with_preallocated_parsing_buffer_size(1024.min(limits.max_parser_memory / 2)),
        );
    for h in handlers {
        settings = settings.append_element_content_handler(h);
    }
    if let Some(d) = document {
        settings = settings.append_document_content_handler(d);
    }
    settings
}

/// Runs one rewriter over `bytes`.
fn run(
    bytes: &[u8],
    encoding: AsciiCompatibleEncoding,
    st: &RefCell<State>,
    pass: Pass,
    limits: &ScanLimits,
) -> Option<String> {
    let nested = pass == Pass::Noscript;
    let mut handlers: Handlers<'_> = Vec::new();
    push(
        &mut handlers,
        "meta",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            st.borrow_mut().visited(el);
            on_meta(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "link",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            st.borrow_mut().visited(el);
            on_link(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "a",
        ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
            if el.has_attribute("href") {
                {
                    let mut s = st.borrow_mut();
                    s.visited(el);
                    s.body(el.source_location().bytes().start);
                }
                on_anchor(el, st);
                if !nested {
                    collect_anchor(el, st);
                }
            }
            // The widget signatures on `a` (`a.twitter-timeline`, `a[data-pin-do]`), after the
            // link itself, as their own selectors would have run.
            if !nested {
                widgets_on(el, "a", &compiled().anchor, st);
            }
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "iframe[src]",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            st.borrow_mut().body(el.source_location().bytes().start);
            on_iframe(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "script",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            on_script(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        JSON_LD_TEXT,
        ElementContentHandlers::default().text(|t: &mut TextChunk<'_>| {
            on_script_text(t.as_str(), t.last_in_text_node(), st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "base[href]",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            st.borrow_mut().visited(el);
            on_base(el, st);
            Ok(())
        }),
    );
    if !nested {
        push(
            &mut handlers,
            "html",
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                st.borrow_mut().visited(el);
                on_html(el, st);
                Ok(())
            }),
        );
        push(
            &mut handlers,
            "body",
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                let mut s = st.borrow_mut();
                s.visited(el);
                s.body(el.source_location().bytes().start);
                Ok(())
            }),
        );
        let foreign_tags: &[&str] = if matches!(pass, Pass::Outer { foreign: true, .. }) {
            FOREIGN
        } else {
            &[]
        };
        for tag in foreign_tags {
            push(
                &mut handlers,
                tag,
                ElementContentHandlers::default().element(|_: &mut Element<'_, '_>| {
                    st.borrow_mut().foreign();
                    Ok(())
                }),
            );
        }
        push(
            &mut handlers,
            "title",
            ElementContentHandlers::default()
                .element(|el: &mut Element<'_, '_>| {
                    let mut s = st.borrow_mut();
                    // An SVG <title> is not the page title (and opens an HTML integration
                    // point).
                    if el.namespace_uri() != HTML_NS {
                        s.foreign();
                    } else if !s.title_done {
                        s.title_buf = Some(String::new());
                    }
                    Ok(())
                })
                .text(|t: &mut TextChunk<'_>| {
                    let mut s = st.borrow_mut();
                    let max = s.limits.max_value_bytes;
                    if let Some(buf) = s.title_buf.as_mut() {
                        if buf.len() < max {
                            buf.push_str(t.as_str());
                        }
                    }
                    if t.last_in_text_node() {
                        if let Some(buf) = s.title_buf.take() {
                            s.title_done = true;
                            // Join chunks before decoding: an entity can span two chunks.
                            s.f.title = Some(collapse(&htmlize::unescape(buf.as_str())));
                        }
                    }
                    Ok(())
                }),
        );
        push(
            &mut handlers,
            "noscript",
            ElementContentHandlers::default()
                .element(|_: &mut Element<'_, '_>| {
                    let mut s = st.borrow_mut();
                    let in_head = !s.in_body;
                    s.noscript_buf = Some((String::new(), usize::MAX, in_head));
                    Ok(())
                })
                .text(|t: &mut TextChunk<'_>| {
                    let text = {
                        let mut s = st.borrow_mut();
                        let max = s.limits.max_json_ld_bytes;
                        if let Some((buf, start, _)) = s.noscript_buf.as_mut() {
                            if *start == usize::MAX {
                                *start = t.source_location().bytes().start;
                            }
                            if buf.len() < max {
                                buf.push_str(t.as_str());
                            }
                        }
                        if t.last_in_text_node() {
                            s.noscript_buf.take()
                        } else {
                            None
                        }
                    };
                    if let Some((text, start, in_head)) = text {
                        rescan_noscript(&text, start, in_head, st, limits);
                    }
                    Ok(())
                }),
        );
        // The main text: data-state text outside the excluded elements (see `text`).
        push(
            &mut handlers,
            text::EXCLUDED_SELECTOR,
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                if el.can_have_content() {
                    let text = st.borrow().text.clone();
                    let closing = text.clone();
                    let opened = el
                        .on_end_tag(Box::new(move |_| {
                            closing.borrow_mut().close_excluded();
                            Ok(())
                        }))
                        .is_ok();
                    if opened {
                        text.borrow_mut().open_excluded();
                    }
                }
                Ok(())
            }),
        );
        for (selector, group) in &compiled().tagged {
            handlers.push((
                Cow::Borrowed(selector),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let name = el.tag_name();
                    widgets_on(el, &name, group, st);
                    Ok(())
                }),
            ));
        }
        // The id/class-only signatures: over windows (see `run_windows`) or on every element.
        for (selector, i, windowed) in &compiled().markup {
            if !windowed || matches!(pass, Pass::Outer { windowed: true, .. }) {
                continue;
            }
            let i = *i;
            handlers.push((
                Cow::Borrowed(selector),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let Some(sig) = facts::MARKUP_SIGNATURES.get(i) else {
                        return Ok(());
                    };
                    let mut s = st.borrow_mut();
                    s.body(el.source_location().bytes().start);
                    let origin = s.origin(el.source_location().bytes());
                    s.widget(sig.kind, sig.provider, sig.selector.to_owned(), origin);
                    Ok(())
                }),
            ));
        }
    }
    let document = (!nested).then(|| {
        let text = st.borrow().text.clone();
        DocumentContentHandlers::default().text(move |t: &mut TextChunk<'_>| {
            if t.text_type() == TextType::Data {
                text.borrow_mut().raw(t.as_str(), t.last_in_text_node());
            }
            Ok(())
        })
    });
    let mut rewriter = HtmlRewriter::new(
        settings(handlers, document, encoding, limits),
        |_: &[u8]| {},
    );
    let mut error = None;
    for chunk in bytes.chunks(limits.chunk_size.max(1)) {
        if let Err(e) = rewriter.write(chunk) {
            error = Some(e.to_string());
            break;
        }
    }
    if error.is_none() {
        error = rewriter.end().err().map(|e| e.to_string());
    }
    flush_json_ld(&mut st.borrow_mut());
    error
}

/// Reports the widget signatures of `group` that element `el` (named `name`) matches, in table
/// order.
fn widgets_on(
    el: &Element<'_, '_>,
    name: &str,
    group: &[(usize, Simple<'static>)],
    st: &RefCell<State>,
) {
    for (i, simple) in group {
        let Some(sig) = facts::MARKUP_SIGNATURES.get(*i) else {
            continue;
        };
        let gated = simple.class.or(simple.id).is_some()
            && st.borrow().gates.as_ref().is_some_and(|g| !g.contains(i));
        if !gated && simple.matches(name, el) {
            let mut s = st.borrow_mut();
            s.body(el.source_location().bytes().start);
            let origin = s.origin(el.source_location().bytes());
            s.widget(sig.kind, sig.provider, sig.selector.to_owned(), origin);
        }
    }
}

fn rescan_noscript(
    text: &str,
    start: usize,
    in_head: bool,
    st: &RefCell<State>,
    limits: &ScanLimits,
) {
    if start == usize::MAX || !text.contains('<') {
        return;
    }
    let saved = {
        let mut s = st.borrow_mut();
        let saved = (s.offset_base, s.in_noscript, s.in_body);
        s.offset_base = start;
        s.in_noscript = true;
        s.in_body = !in_head;
        saved
    };
    // The nested scan's errors are the outer scan's too; a failure leaves what it found.
    let _ = run(
        text.as_bytes(),
        AsciiCompatibleEncoding::utf_8(),
        st,
        Pass::Noscript,
        limits,
    );
    let mut s = st.borrow_mut();
    s.offset_base = saved.0;
    s.in_noscript = saved.1;
    s.in_body = saved.2;
}

/// `<base href>`: the first one sets the base URL relative links resolve against.
fn on_base(el: &impl StartTag, st: &RefCell<State>) {
    let href = attr(el, "href", st);
    let mut s = st.borrow_mut();
    if s.base_set {
        return;
    }
    s.base_set = true;
    if let Some(h) = href {
        let joined = s.base.as_ref().and_then(|b| b.join(h.trim()).ok());
        if let Some(b) = joined.or_else(|| Url::parse(h.trim()).ok()) {
            s.base = Some(b);
        }
    }
}

/// `<html lang>`: the first non-empty one is the page's language.
fn on_html(el: &impl StartTag, st: &RefCell<State>) {
    let lang = attr(el, "lang", st);
    let mut s = st.borrow_mut();
    if s.f.lang.is_none() {
        s.f.lang = lang.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
    }
}

fn on_meta(el: &impl StartTag, st: &RefCell<State>) {
    let (key_attribute, key) = ["property", "name", "itemprop"]
        .into_iter()
        .find_map(|a| {
            let v = attr(el, a, st)?;
            let v = v.trim().to_ascii_lowercase();
            (!v.is_empty()).then_some((a, v))
        })
        .unwrap_or(("", String::new()));
    if key.is_empty() {
        return;
    }
    let wanted = META_PREFIXES.iter().any(|p| key.starts_with(p))
        || META_NAMES.contains(&key.as_str())
        || key.starts_with("appleid-signin-");
    if !wanted {
        return;
    }
    let (value_attribute, raw) = match raw_attr(el, "content", st) {
        Some(v) => ("content", v),
        None => match raw_attr(el, "value", st) {
            Some(v) => ("value", v),
            None => ("content", String::new()),
        },
    };
    let value = decode_attr(&raw, st).trim().to_owned();
    let mut s = st.borrow_mut();
    if !s.room() {
        return;
    }
    let origin = s.origin(el.range());
    if key.starts_with("appleid-signin-") {
        s.widget(
            WidgetKind::SocialLogin,
            "apple",
            format!("meta[name={key}]"),
            origin,
        );
        return;
    }
    s.f.meta.push(MetaTag {
        key,
        key_attribute: key_attribute.to_owned(),
        value_attribute: value_attribute.to_owned(),
        raw,
        value,
        origin,
    });
}

fn on_link(el: &impl StartTag, st: &RefCell<State>) {
    let Some(rel) = attr(el, "rel", st) else {
        return;
    };
    let rels = rel_tokens(&rel);
    // Stylesheets, preloads and the like: nothing to read.
    const KEPT: &[&str] = &[
        "canonical",
        "alternate",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
        "icon",
        "manifest",
        "me",
    ];
    if !rels.iter().any(|r| KEPT.contains(&r.as_str())) {
        return;
    }
    let Some(href) = attr(el, "href", st) else {
        return;
    };
    let href = href.trim().to_owned();
    let mime = attr(el, "type", st).map(|t| t.trim().to_ascii_lowercase());
    let mut s = st.borrow_mut();
    let origin = s.origin(el.range());
    let has = |r: &str| rels.iter().any(|x| x == r);
    // Only links that become items count toward the item cap (not preloads, stylesheets...).
    if has("canonical") && s.room() {
        let l = s.link(href.clone(), origin);
        s.f.canonicals.push(l);
    }
    if has("alternate") {
        if let Some(lang) = el.raw("hreflang").filter(|_| s.room()) {
            let l = s.link(href.clone(), origin);
            s.f.hreflang.push(Hreflang {
                lang: lang.trim().to_owned(),
                link: l,
            });
        }
        let kind = match mime.as_deref() {
            Some("application/rss+xml") => Some(FeedKind::Rss),
            Some("application/atom+xml") => Some(FeedKind::Atom),
            Some("application/feed+json") | Some("application/json+feed") => {
                Some(FeedKind::JsonFeed)
            }
            _ => None,
        };
        if let Some(kind) = kind.filter(|_| s.room()) {
            drop(s);
            let title = attr(el, "title", st);
            let mut s = st.borrow_mut();
            let l = s.link(href.clone(), origin);
            s.f.feeds.push(Feed {
                kind,
                title,
                link: l,
            });
            return;
        }
        if let Some(m) = mime
            .as_deref()
            .filter(|m| m.ends_with("+oembed"))
            .filter(|_| s.room())
        {
            let valid = matches!(m, "application/json+oembed" | "text/xml+oembed");
            let l = s.link(href.clone(), origin);
            s.f.oembed.push(OEmbed {
                mime_type: m.to_owned(),
                valid_type: valid,
                link: l,
            });
        }
    }
    let icon_rel = if has("apple-touch-icon") || has("apple-touch-icon-precomposed") {
        Some("apple-touch-icon")
    } else if has("mask-icon") {
        Some("mask-icon")
    } else if has("icon") {
        Some("icon")
    } else if has("manifest") {
        Some("manifest")
    } else {
        None
    };
    if let Some(r) = icon_rel.filter(|_| s.room()) {
        let sizes = el.raw("sizes").map(Cow::into_owned);
        let l = s.link(href.clone(), origin);
        s.f.icons.push(Icon {
            rel: r.to_owned(),
            sizes,
            mime_type: mime.clone(),
            link: l,
        });
    }
    if has("me") {
        if let Some(url) = s.resolve(&href) {
            if let Some((network, handle)) = profile_of(&url, true).filter(|_| s.room()) {
                s.f.profiles.push(ProfileLink {
                    network,
                    handle,
                    url,
                    rel_me: true,
                    origin,
                });
            }
        }
    }
}

/// Whether an `href` can only point into the page's own site (relative path, query or
/// fragment): such links are neither share nor profile links, and most links of a page are.
fn same_site(href: &str) -> bool {
    if href.starts_with("//") {
        return false;
    }
    let scheme_end = href.find(':');
    let path_start = href.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (None, _) => true,
        (Some(c), Some(p)) => p < c,
        (Some(_), None) => false,
    }
}

/// Whether an absolute link may be a share or profile link; false only when its host, read
/// without parsing the URL, is plain (ASCII letters, digits, dots, hyphens, a port) and neither
/// a share endpoint, a profile form nor a known Mastodon server serves it, and its path holds no
/// `@` (a fediverse profile on any server). Anything else is left to the URL parser.
fn may_be_social(href: &str) -> bool {
    let b = href.as_bytes();
    let ci = |p: &[u8]| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let skip = if ci(b"https://") {
        8
    } else if ci(b"http://") {
        7
    } else if b.starts_with(b"//") {
        2
    } else {
        return true;
    };
    let rest = href.get(skip..).unwrap_or_default();
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|c| c.is_ascii_digit()) => h,
        Some(_) => return true,
        None => authority,
    };
    if host.is_empty()
        || !host
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
        || path.contains('@')
    {
        return true;
    }
    let host = host.to_ascii_lowercase();
    let bare = host.strip_prefix("www.").unwrap_or(&host);
    let (exact, wildcard) = social_hosts();
    exact.contains(bare) || facts::host_matches(wildcard, bare)
}

/// The hosts share and profile links live on: exact hosts (share endpoints and their aliases,
/// profile forms, known Mastodon servers) and `*.` patterns.
fn social_hosts() -> &'static (std::collections::HashSet<&'static str>, Vec<&'static str>) {
    static HOSTS: OnceLock<(std::collections::HashSet<&'static str>, Vec<&'static str>)> =
        OnceLock::new();
    HOSTS.get_or_init(|| {
        let mut all: Vec<&'static str> = crate::share::hosts().collect();
        for f in facts::profile_forms() {
            for (hosts, _) in &f.groups {
                all.extend(hosts.iter().copied());
            }
        }
        all.extend(
            crate::traffic::domains::DOMAINS
                .iter()
                .filter(|d| d.network == Some(Network::Mastodon))
                .map(|d| d.host),
        );
        let (wildcard, exact): (Vec<&'static str>, Vec<&'static str>) =
            all.into_iter().partition(|h| h.starts_with("*."));
        (exact.into_iter().collect(), wildcard)
    })
}

fn on_anchor(el: &impl StartTag, st: &RefCell<State>) {
    let Some(raw) = el.raw("href") else {
        return;
    };
    // Most links are relative: skip them before decoding or parsing anything.
    if same_site(raw.trim_start()) {
        return;
    }
    let href = decode_attr(&raw, st).trim().to_owned();
    if href.is_empty() || href.starts_with("javascript:") || !may_be_social(&href) {
        return;
    }
    let rel_me = attr(el, "rel", st).is_some_and(|r| rel_tokens(&r).iter().any(|t| t == "me"));
    let mut s = st.borrow_mut();
    let Some(url) = s.resolve_url(&href) else {
        return;
    };
    let origin = s.origin(el.range());
    if let Some(link) = share_of_url(&url, &href, origin) {
        if s.room() {
            s.f.share_links.push(link);
        }
        return;
    }
    if let Some((network, handle)) = profile_of_url(&url, rel_me) {
        if s.room() {
            s.f.profiles.push(ProfileLink {
                network,
                handle,
                url: String::from(url),
                rel_me,
                origin,
            });
        }
    }
}

/// The anchor of an `<a href>` for the anchor scan (its text is collected while it is open), or
/// `None` when anchors are not collected or the cap is reached.
fn anchor_of(el: &impl StartTag, st: &RefCell<State>) -> Option<usize> {
    let text = st.borrow().text.clone();
    if !text.borrow().want_anchors {
        return None;
    }
    let raw = el.raw("href")?;
    let max = st.borrow().limits.max_value_bytes;
    let mut end = raw.len().min(max);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let href = htmlize::unescape_attribute(&raw[..end]).trim().to_owned();
    let rel = el
        .raw("rel")
        .map(|r| rel_tokens(&htmlize::unescape_attribute(&*r)))
        .unwrap_or_default();
    let s = st.borrow();
    let url = s.resolve(&href);
    let origin = s.origin(el.range());
    drop(s);
    text.borrow_mut()
        .anchor(text::anchor(href, url, rel, origin))
}

/// `<a href>` in the streaming scan: the anchor, open until its end tag.
fn collect_anchor(el: &mut Element<'_, '_>, st: &RefCell<State>) {
    let Some(i) = anchor_of(el, st) else {
        return;
    };
    if !el.can_have_content() {
        return;
    }
    let text = st.borrow().text.clone();
    let closing = text.clone();
    let opened = el
        .on_end_tag(Box::new(move |_| {
            closing.borrow_mut().close_anchor(i);
            Ok(())
        }))
        .is_ok();
    if opened {
        text.borrow_mut().open_anchor(i);
    }
}

fn on_iframe(el: &impl StartTag, st: &RefCell<State>) {
    let Some(src) = attr(el, "src", st) else {
        return;
    };
    let mut s = st.borrow_mut();
    let Some(url) = s.resolve_url(&src) else {
        return;
    };
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = url.path().to_ascii_lowercase();
    if let Some(e) = facts::EMBED_HOSTS
        .iter()
        .find(|e| facts::host_matches(e.hosts, &host) && path.starts_with(e.path))
    {
        let origin = s.origin(el.range());
        s.widget(WidgetKind::Embed, e.provider, String::from(url), origin);
    }
}

fn on_script(el: &impl StartTag, st: &RefCell<State>) {
    let kind = attr(el, "type", st).map(|t| t.trim().to_ascii_lowercase());
    let src = attr(el, "src", st);
    let mut s = st.borrow_mut();
    flush_json_ld(&mut s);
    let origin = s.origin(el.range());
    if kind.as_deref() == Some("application/ld+json") {
        s.json_buf = Some((String::new(), origin, false));
        return;
    }
    if kind.as_deref() == Some("in/share") {
        s.widget(
            WidgetKind::Embed,
            "linkedin",
            "script[type=IN/Share]".into(),
            origin,
        );
    }
    let Some(src) = src else {
        return;
    };
    // A relative script is on the base's host: most are, and most bases serve no widget.
    let signed = |host: &str| {
        facts::SCRIPT_SIGNATURES
            .iter()
            .any(|(_, sig)| facts::host_matches(sig.hosts, host))
            || facts::SHARE_SCRIPTS
                .iter()
                .any(|sig| facts::host_matches(sig.hosts, host))
    };
    if same_site(src.trim_start())
        && !s
            .base
            .as_ref()
            .and_then(Url::host_str)
            .is_some_and(|h| signed(&h.to_ascii_lowercase()))
    {
        return;
    }
    let Some(parsed) = s.resolve_url(&src) else {
        return;
    };
    let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
    if !signed(&host) {
        return;
    }
    let path = parsed.path().to_ascii_lowercase();
    let url = String::from(parsed);
    for (kind, sig) in facts::SCRIPT_SIGNATURES {
        if facts::host_matches(sig.hosts, &host) && path.starts_with(sig.path) {
            s.widget(*kind, sig.what, url.clone(), origin);
        }
    }
    for sig in facts::SHARE_SCRIPTS {
        if facts::host_matches(sig.hosts, &host) && path.starts_with(sig.path) && s.room() {
            s.f.share_scripts.push(Widget {
                kind: WidgetKind::Embed,
                provider: sig.what.to_owned(),
                evidence: url.clone(),
                origin,
            });
        }
    }
}

/// A chunk of a typed script's text (`last`: the script's text ends with it).
fn on_script_text(text: &str, last: bool, st: &RefCell<State>) {
    let mut s = st.borrow_mut();
    let max = s.limits.max_json_ld_bytes;
    if let Some((buf, _, truncated)) = s.json_buf.as_mut() {
        if buf.len() + text.len() <= max {
            buf.push_str(text);
        } else {
            *truncated = true;
        }
    }
    if last {
        flush_json_ld(&mut s);
    }
}

/// Parses the JSON-LD block being read into the inventory. An empty `<script>` has no text
/// chunk: its (empty) block is flushed by the next script or the end of the scan, so that
/// script's text is never read as JSON-LD.
fn flush_json_ld(s: &mut State) {
    if let Some((text, origin, truncated)) = s.json_buf.take() {
        if s.room() {
            let block = super::jsonld::parse(&text, truncated, origin);
            for e in &block.1 {
                s.widget(WidgetKind::Reviews, "schema.org", e.clone(), origin);
            }
            s.f.json_ld.push(block.0);
        }
    }
}

/// Recognises a share endpoint (the share module's table and matcher).
fn share_of_url(parsed: &Url, href: &str, origin: Origin) -> Option<ShareLink> {
    let row = crate::share::match_link(parsed)?;
    let param = |name: Option<&str>| {
        let name = name?;
        parsed
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    Some(ShareLink {
        network: row.target.to_owned(),
        status: row.status,
        href: href.to_owned(),
        shared_url: param(row.url_param),
        text: param(row.text_param),
        insecure: parsed.scheme() == "http",
        origin,
    })
}

/// Recognises a profile link and reads its handle.
pub(crate) fn profile_of(url: &str, rel_me: bool) -> Option<(Network, String)> {
    profile_of_url(&Url::parse(url).ok()?, rel_me)
}

fn profile_of_url(parsed: &Url, rel_me: bool) -> Option<(Network, String)> {
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let bare = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let segments: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    for row in facts::profile_forms() {
        let Some((_, paths)) = row
            .groups
            .iter()
            .find(|(hosts, _)| facts::host_matches(hosts, &bare))
        else {
            continue;
        };
        for form in paths {
            let handle = match form {
                ProfilePath::Segment => segments
                    .first()
                    .filter(|s| {
                        segments.len() <= 2
                            && !row.reserved.contains(&s.to_ascii_lowercase().as_str())
                            && !s.starts_with('@')
                    })
                    .map(|s| (*s).to_owned()),
                ProfilePath::At => segments
                    .first()
                    .and_then(|s| s.strip_prefix('@'))
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
                ProfilePath::After(prefix) => {
                    let p = prefix.trim_end_matches('/');
                    match segments.as_slice() {
                        [first, h, ..] if first.eq_ignore_ascii_case(p) => Some((*h).to_owned()),
                        _ => None,
                    }
                }
            };
            if let Some(h) = handle {
                let h = percent_decode(&h);
                return Some((row.network, h));
            }
        }
        return None;
    }
    // Fediverse: `/@user` on a known server, or on any server with rel="me".
    if let [first] = segments.as_slice() {
        if let Some(user) = first.strip_prefix('@') {
            // Known servers: the Mastodon rows of the traffic domain table.
            let known = crate::traffic::domains::DOMAINS
                .iter()
                .any(|d| d.network == Some(Network::Mastodon) && d.host == bare);
            if !user.is_empty()
                && !facts::NOT_FEDIVERSE.contains(&bare.as_str())
                && (known || rel_me)
            {
                return Some((Network::Mastodon, format!("{user}@{bare}")));
            }
        }
    }
    None
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_owned())
}

/// Builds the Open Graph and X maps and media objects from the meta tags, in document order.
fn finish(f: &mut PageFeatures) {
    f.description = f
        .meta
        .iter()
        .find(|m| m.key == "description" && !m.value.is_empty())
        .map(|m| m.value.clone());
    f.canonical = f.canonicals.iter().find_map(|c| c.url.clone());
    let mut images: Vec<(OgMedia, bool)> = Vec::new();
    let mut videos: Vec<(OgMedia, bool)> = Vec::new();
    let mut audios: Vec<(OgMedia, bool)> = Vec::new();
    let base = Url::parse(&f.url).ok();
    for m in &f.meta {
        if m.value.is_empty() || m.value_attribute != "content" {
            continue;
        }
        if m.key.starts_with("twitter:") {
            f.twitter
                .entry(m.key.clone())
                .or_default()
                .push(m.value.clone());
            continue;
        }
        let is_og = META_PREFIXES.iter().any(|p| m.key.starts_with(p));
        if !is_og {
            continue;
        }
        f.open_graph
            .entry(m.key.clone())
            .or_default()
            .push(m.value.clone());
        let (list, rest) = if let Some(r) = m.key.strip_prefix("og:image") {
            (&mut images, r)
        } else if let Some(r) = m.key.strip_prefix("og:video") {
            (&mut videos, r)
        } else if let Some(r) = m.key.strip_prefix("og:audio") {
            (&mut audios, r)
        } else {
            continue;
        };
        let resolve = |v: &str| base.as_ref().and_then(|b| b.join(v).ok()).map(String::from);
        match rest {
            "" => list.push((
                OgMedia {
                    url: Some(m.value.clone()),
                    resolved: resolve(&m.value),
                    origin: Some(m.origin),
                    ..OgMedia::default()
                },
                false,
            )),
            ":url" => match list.last_mut() {
                Some((_, url_seen)) if !*url_seen => *url_seen = true,
                _ => list.push((
                    OgMedia {
                        url: Some(m.value.clone()),
                        resolved: resolve(&m.value),
                        origin: Some(m.origin),
                        ..OgMedia::default()
                    },
                    true,
                )),
            },
            ":secure_url" | ":type" | ":width" | ":height" | ":alt" => match list.last_mut() {
                Some((obj, _)) => {
                    let slot = match rest {
                        ":secure_url" => &mut obj.secure_url,
                        ":type" => &mut obj.mime_type,
                        ":width" => &mut obj.width,
                        ":height" => &mut obj.height,
                        _ => &mut obj.alt,
                    };
                    if slot.is_none() {
                        *slot = Some(m.value.clone());
                    }
                }
                None => f.og_orphans.push(m.clone()),
            },
            _ => {}
        }
    }
    f.og_images = images.into_iter().map(|(m, _)| m).collect();
    f.og_videos = videos.into_iter().map(|(m, _)| m).collect();
    f.og_audios = audios.into_iter().map(|(m, _)| m).collect();
}

/// Characters in UTF-8 `bytes`: bytes that are not continuation bytes (`10xxxxxx`), counted
/// eight at a time.
fn count_chars(bytes: &[u8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let mut continuation = 0u64;
    for c in chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let w = u64::from_le_bytes(w);
        // Bit 7 set and bit 6 clear.
        continuation += u64::from((w & HIGH & !(w << 1)).count_ones());
    }
    continuation += tail.iter().filter(|b| **b & 0xC0 == 0x80).count() as u64;
    bytes.len() as u64 - continuation
}

/// Fills line and column of the anchors' origins.
fn locate_anchors(anchors: &mut [Anchor], input: &[u8]) {
    let spans: Vec<&mut Span> = anchors.iter_mut().map(|a| &mut a.origin.span).collect();
    locate_spans(spans, input);
}

/// Fills line and column of every origin, in one pass over the input.
fn locate(f: &mut PageFeatures, input: &[u8]) {
    let mut spans: Vec<&mut Span> = Vec::new();
    spans.extend(f.meta.iter_mut().map(|m| &mut m.origin.span));
    spans.extend(f.og_orphans.iter_mut().map(|m| &mut m.origin.span));
    for list in [&mut f.og_images, &mut f.og_videos, &mut f.og_audios] {
        spans.extend(
            list.iter_mut()
                .filter_map(|m| m.origin.as_mut().map(|o| &mut o.span)),
        );
    }
    spans.extend(f.canonicals.iter_mut().map(|l| &mut l.origin.span));
    spans.extend(f.hreflang.iter_mut().map(|l| &mut l.link.origin.span));
    spans.extend(f.feeds.iter_mut().map(|l| &mut l.link.origin.span));
    spans.extend(f.oembed.iter_mut().map(|l| &mut l.link.origin.span));
    spans.extend(f.icons.iter_mut().map(|l| &mut l.link.origin.span));
    spans.extend(f.json_ld.iter_mut().map(|l| &mut l.origin.span));
    spans.extend(f.share_links.iter_mut().map(|l| &mut l.origin.span));
    spans.extend(f.profiles.iter_mut().map(|l| &mut l.origin.span));
    for list in [
        &mut f.comments,
        &mut f.social_login,
        &mut f.embeds,
        &mut f.reviews,
        &mut f.share_scripts,
    ] {
        spans.extend(list.iter_mut().map(|w| &mut w.origin.span));
    }
    locate_spans(spans, input);
}

/// Fills line and column of `spans`, in one pass over the input.
fn locate_spans(mut spans: Vec<&mut Span>, input: &[u8]) {
    spans.sort_by_key(|s| s.start_byte);
    let mut line = 1u64;
    let mut line_start = 0usize;
    let mut pos = 0usize;
    // Characters counted so far on the current line, up to `counted`: many spans on one long
    // (minified) line must not recount it from its start.
    let (mut counted, mut chars) = (0usize, 0u64);
    for span in spans {
        let target = (span.start_byte as usize).min(input.len());
        if target > pos {
            for nl in memchr::memchr_iter(b'\n', &input[pos..target]) {
                line += 1;
                line_start = pos + nl + 1;
            }
            pos = target;
        }
        if counted < line_start {
            counted = line_start;
            chars = 0;
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        chars += count_chars(&input[counted..target.max(counted)]);
        counted = target.max(counted);
        span.line = line;
        span.column = chars + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Windowed scans that fell back to the reference scan on this thread.
        pub(super) static FALLBACKS: Cell<usize> = const { Cell::new(0) };
    }

    fn fallbacks() -> usize {
        FALLBACKS.with(Cell::get)
    }

    /// The windowed scan gives the reference scan's inventory, whatever the chunking.
    fn same(html: &[u8], what: &str) {
        let whole = ScanLimits {
            chunk_size: usize::MAX,
            ..ScanLimits::default()
        };
        let reference = scan_with(html, "https://shop.example/p", &whole, Mode::Reference);
        for chunk in [usize::MAX, 64 * 1024, 1024, 7, 1] {
            if chunk < 7 && html.len() > 64 * 1024 {
                continue;
            }
            let limits = ScanLimits {
                chunk_size: chunk,
                ..ScanLimits::default()
            };
            let fast = scan_with(html, "https://shop.example/p", &limits, Mode::Windowed);
            assert_eq!(fast, reference, "{what}, fed {chunk} bytes at a time");
        }
        // The fallback reads the page as lol_html does (the differential test of
        // site-audit.md §6: same decoded values, same noscript reading, same offsets).
        let tokens = scan_with(html, "https://shop.example/p", &whole, Mode::Tokenizer);
        assert_eq!(tokens, reference, "{what}, read by the tokenizer");
        // The anchor scan too, anchors and their text included.
        let reference = scan_anchors_with(html, "https://shop.example/p", &whole, Mode::Reference);
        for mode in [Mode::Windowed, Mode::Tokenizer] {
            for chunk in [usize::MAX, 7] {
                let limits = ScanLimits {
                    chunk_size: chunk,
                    ..ScanLimits::default()
                };
                let other = scan_anchors_with(html, "https://shop.example/p", &limits, mode);
                assert_eq!(
                    other, reference,
                    "{what}: anchors, {mode:?}, {chunk} bytes at a time"
                );
            }
        }
    }

    const HEAD: &str = "<!doctype html><html><head><title>T</title>\
        <meta property=\"og:title\" content=\"T\"></head><body>";

    #[test]
    fn windowed_widgets_match_the_reference_scan_in_every_context() {
        let bodies = [
            // Plain widgets, several per page, in table order and against it.
            r#"<p><a href="/x">x</a></p><div id="disqus_thread"></div><div class="fb-comments" data-href="/"></div>"#,
            r#"<div class="x fb-post fb-video" id="g_id_onload"></div><a class="fb-post" data-pin-do="buttonPin" href="https://www.pinterest.com/pin/create/button/">p</a>"#,
            r#"<blockquote class="fb-post twitter-tweet"><p>t</p></blockquote><div class="g_id_signin"></div><div class="g_id_signin"></div>"#,
            r#"<div id="appleid-signin" class="fb-login-button trustpilot-widget"></div>"#,
            r#"<a class="fb-post fb-video" data-pin-do="buttonPin" href="https://www.pinterest.com/pin/create/button/">p</a><blockquote class="fb-post twitter-tweet instagram-media"></blockquote>"#,
            // Literals that are not widgets: text, other attributes, scripts, comments, case.
            r#"<p>the disqus_thread div and .fb-comments</p><div data-x="fb-comments"></div><div class="fb-commentsx"></div><div ID="DISQUS_THREAD"></div>"#,
            r#"<script>document.getElementById("disqus_thread"); var s = '<div class="fb-post">';</script><div class="fb-video"></div>"#,
            r#"<!-- <div id="disqus_thread"></div> --><style>.fb-comments{}</style><textarea><div class="fb-post"></textarea><title>x</title><div id="disqus_thread"></div>"#,
            r#"<noscript><div class="fb-comments"></div><a href="https://x.com/shop">x</a></noscript><div class=fb-post></div>"#,
            // Entity-encoded values: lol_html compares raw bytes, so neither scan matches them.
            r#"<div id="disqus&#95;thread"></div><div class="fb&#45;post"></div>"#,
            // A literal inside an attribute of a later element, and in a long attribute.
            r#"<img alt='<div id="disqus_thread">' src="/a.png"><a href="/b" title='x > y'><div class="trustpilot-widget" data-t=">"></div></a>"#,
            // Foreign content: SVG and MathML integration points before and around widgets.
            r#"<svg><title>logo</title><path/></svg><a href="/a">a</a><div id="disqus_thread"></div>"#,
            r#"<svg><foreignObject><a href="/in">in</a></foreignObject><desc><a href="/d">d</a></desc></svg><div class="fb-comments"></div>"#,
            r#"<math><mi><a href="/m">m</a></mi><annotation-xml encoding="text/html"><div id="g_id_onload"></div></annotation-xml></math><div class="fb-post"></div>"#,
            r#"<svg><foreignObject><a href="/in">in</a></foreignObject><title><div id="disqus_thread"></div></title></svg>"#,
            r#"<svg><![CDATA[<div id="disqus_thread">]]></svg><a href="/z">z</a><div class="fb-video"></div>"#,
            // Raw-text elements right before a widget; a plaintext tail.
            r#"<iframe src="https://www.youtube.com/embed/abc"><div class="fb-post"></iframe><xmp><div id="appleid-signin"></xmp><div class="fb-post"></div><plaintext><div id="disqus_thread">"#,
            // A tag cut at the end of the page.
            r#"<a href="/q">q</a><div id="disqus_thread" class="fb-comments"#,
        ];
        for (n, body) in bodies.iter().enumerate() {
            same(
                format!("{HEAD}{body}</body></html>").as_bytes(),
                &format!("body {n}"),
            );
        }
        // Widgets before any body content move what follows out of <head>: reference scan.
        let before = fallbacks();
        same(
            br#"<head><div class="fb-comments"></div><meta property="og:title" content="x"><noscript><meta name="description" content="d"></noscript></head><body></body>"#,
            "widget in head",
        );
        assert!(fallbacks() > before, "a widget in <head> falls back");
        // A plain page takes the windowed path.
        let before = fallbacks();
        same(
            format!("{HEAD}{}</body></html>", bodies[0]).as_bytes(),
            "plain",
        );
        assert_eq!(fallbacks(), before, "a plain page does not fall back");
    }

    #[test]
    fn windowed_widgets_match_the_reference_on_the_golden_pages_and_mutations() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/audit");
        let mut pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        pages.sort();
        for (_, html) in super::super::example::example_site() {
            pages.push(html.as_bytes().to_vec());
        }
        for (n, page) in pages.iter().enumerate() {
            same(page, &format!("page {n}"));
        }
        // Other parsers' historical crash inputs (site-audit.md §6).
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/audit_page");
        for e in std::fs::read_dir(seeds).unwrap() {
            let path = e.unwrap().path();
            same(&std::fs::read(&path).unwrap(), &path.display().to_string());
        }
        // Mutations that splice widgets, foreign content and broken markup anywhere.
        const INSERTS: &[&str] = &[
            r#"<div id="disqus_thread">"#,
            r#"<p class="fb-post fb-comments">"#,
            "disqus_thread",
            " class=g_id_signin ",
            "<svg><foreignObject>",
            "</foreignObject>",
            "<title>",
            "<math><mi>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<noscript>",
            "<a href=\"/x\">",
            "<body>",
            "\"",
            "<",
            ">",
        ];
        let mut x: u64 = 0x05EE_D0FA_D1D0;
        let mut next = |n: usize| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
        };
        for round in 0..200 {
            let mut page = pages[round % pages.len()].clone();
            for _ in 0..1 + next(6) {
                let at = next(page.len() + 1);
                let ins = INSERTS[next(INSERTS.len())].as_bytes();
                page.splice(at..at, ins.iter().copied());
            }
            same(&page, &format!("mutation {round}"));
        }
    }

    #[test]
    fn main_text_and_anchors_read_alike_in_every_scan() {
        let bodies = [
            // Chrome, hidden code and the article's words.
            r#"<header><a href="/">Maison Lune</a><nav><a href="/shop">Shop</a></nav></header><main><h1>Linen sheets</h1><p>Washed linen, woven in Lyon.</p></main><aside>Related</aside><footer>© 2026</footer>"#,
            // Entities (named with and without `;`, numeric, C1 remaps, invalid), text-like `<`.
            "<p>caf&eacute; &amp co &notit; &#128; &#x1F319; &#0; &#xD800; 3<5 a &lt b &am</p><p>&AMP;&nbsp;x</p>",
            // Comments, NUL, CR LF, raw text and RCDATA.
            "<p>un<!-- c -->deux\0trois\r\nquatre</p><script>var no = 1;</script><style>p{}</style><textarea>no</textarea><title>no</title><noscript><p>no</p></noscript><xmp><b>no</b></xmp>",
            // Templates, SVG, MathML, CDATA, and elements closed by an ancestor's end tag.
            "<template><p>no</p></template><svg><text>no</text><![CDATA[no]]></svg><math><mi>no</mi></math><div><nav><p>no</div><p>yes</p><nav/>still<br/>",
            // Nested and unclosed anchors, rel variants, a self-closing one in SVG.
            r#"<a href="https://partner.example/a?x=1&amp;y=2" rel="NoFollow  sponsored">one <b>two</b><a href="/in">three</a> four</a><svg><a href="/svg"/></svg><a href=" /x ">x</a><a>no href</a><a href="/open">open"#,
            // A long word and a long text node.
            &format!("<p>{} {}</p>", "x".repeat(5000), "mot ".repeat(40_000)),
        ];
        for (n, body) in bodies.iter().enumerate() {
            same(
                format!("{HEAD}{body}</body></html>").as_bytes(),
                &format!("text {n}"),
            );
        }
        let f = scan(
            format!("{HEAD}{}</body></html>", bodies[0]).as_bytes(),
            "https://shop.example/p",
            &ScanLimits::default(),
        );
        assert_eq!(f.main_text, "Linen sheets Washed linen, woven in Lyon.");
        let f = scan(
            format!("{HEAD}{}</body></html>", bodies[3]).as_bytes(),
            "https://shop.example/p",
            &ScanLimits::default(),
        );
        assert_eq!(f.main_text, "yes", "`<nav/>` opens a nav, as in browsers");
        let a = scan_anchors(
            bodies[4].as_bytes(),
            "https://shop.example/p",
            &ScanLimits::default(),
        );
        let got: Vec<(&str, Option<&str>, &str)> = a
            .anchors
            .iter()
            .map(|x| (x.href.as_str(), x.url.as_deref(), x.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "https://partner.example/a?x=1&y=2",
                    Some("https://partner.example/a?x=1&y=2"),
                    "one two three four"
                ),
                ("/in", Some("https://shop.example/in"), "three"),
                ("/svg", Some("https://shop.example/svg"), ""),
                ("/x", Some("https://shop.example/x"), "x"),
                ("/open", Some("https://shop.example/open"), "open"),
            ]
        );
        assert_eq!(a.anchors[0].rel, ["nofollow", "sponsored"]);
        assert_eq!(
            (
                a.anchors[0].origin.span.line,
                a.anchors[0].origin.span.column
            ),
            (1, 1)
        );
        // The caps: whole words, memory flat.
        let limits = ScanLimits {
            max_text_bytes: 10,
            ..ScanLimits::default()
        };
        let f = scan(
            b"<p>linen sheets pillow</p>",
            "https://shop.example/p",
            &limits,
        );
        assert_eq!(f.main_text, "linen");
        let f = scan(
            format!("<p>{}</p>", "mot ".repeat(100_000)).as_bytes(),
            "https://shop.example/p",
            &ScanLimits::default(),
        );
        assert!(f.main_text.len() <= 64 * 1024 && f.main_text.len() > 60_000);
    }

    #[test]
    fn the_host_prefilter_never_skips_a_share_or_profile_link() {
        let mut hrefs: Vec<String> = Vec::new();
        let mut hosts: Vec<String> = Vec::new();
        for e in crate::share::ENDPOINTS.iter() {
            let url = e.url_prefix();
            if let Some((_, rest)) = url.split_once("://") {
                let host = rest.split(['/', '?']).next().unwrap_or_default();
                let path = &rest[host.len()..];
                for h in std::iter::once(host).chain(e.aliases.iter().copied()) {
                    hosts.push(h.to_owned());
                    let q: Vec<String> = [e.url_param, e.text_param, e.required]
                        .iter()
                        .flatten()
                        .map(|p| format!("{p}=https%3A%2F%2Fshop.example%2F"))
                        .collect();
                    hrefs.push(format!(
                        "https://{h}{}?{}",
                        path.split('?').next().unwrap_or(""),
                        q.join("&")
                    ));
                }
            }
        }
        for f in facts::profile_forms() {
            for (group_hosts, paths) in &f.groups {
                for h in group_hosts {
                    hosts.push((*h).to_owned());
                    for p in paths {
                        let path = match p {
                            ProfilePath::Segment => "brand".to_owned(),
                            ProfilePath::At => "@brand".to_owned(),
                            ProfilePath::After(prefix) => format!("{prefix}brand"),
                        };
                        hrefs.push(format!("https://{h}/{path}"));
                    }
                }
            }
        }
        for d in crate::traffic::domains::DOMAINS.iter() {
            if d.network == Some(Network::Mastodon) {
                hosts.push(d.host.to_owned());
                hrefs.push(format!("https://{}/@brand", d.host));
            }
        }
        hrefs.push("https://social.example/@brand".into());
        // The same links written the ways pages and URL parsers allow.
        let mut variants = Vec::new();
        for h in &hrefs {
            let tail = h.strip_prefix("https://").unwrap_or(h);
            let (host, path) = tail.split_at(tail.find('/').unwrap_or(tail.len()));
            for v in [
                format!("HTTPS://WWW.{}{path}", host.to_ascii_uppercase()),
                format!("http://{host}:443{path}"),
                format!("//{host}{path}"),
                format!("https://user@{host}{path}"),
                format!("https://{host}.{path}"),
                format!("https://{}\t{}{path}", &host[..1], &host[1..]),
                format!("https://%{:02x}{}{path}", host.as_bytes()[0], &host[1..]),
                format!("https://{host}\\{}", path.trim_start_matches('/')),
                format!("https:{host}{path}"),
                format!("https:///{host}{path}"),
            ] {
                variants.push(v);
            }
        }
        hrefs.extend(variants);
        let base = Url::parse("https://shop.example/p").unwrap();
        let origin = State::default().origin(0..0);
        let mut social = 0;
        for href in &hrefs {
            let Ok(u) = base.join(href) else { continue };
            let found = share_of_url(&u, href, origin).is_some()
                || profile_of_url(&u, true).is_some()
                || profile_of_url(&u, false).is_some();
            if found {
                social += 1;
                assert!(may_be_social(href), "{href} was skipped");
            }
        }
        assert!(social > 100, "{social}");
        for plain in [
            "https://cdn.example.com/app.js",
            "//fonts.example.net/css",
            "http://partner.example:8080/x",
        ] {
            assert!(!may_be_social(plain), "{plain}");
        }
    }

    #[test]
    fn json_ld_is_read_whatever_the_type_is_written_like() {
        let block = r#"{"@type":"Organization","name":"A"}"#;
        let html = format!(
            "<script type=\"application/ld+json\">{block}</script>\
             <script type=' Application/LD+JSON '>{block}</script>\
             <script type=\"application/ld&#43;json\">{block}</script>\
             <script type=\"text/javascript\">var a = {block};</script>\
             <script type=\"application/json\">{block}</script>"
        );
        let f = scan(
            html.as_bytes(),
            "https://shop.example/p",
            &ScanLimits::default(),
        );
        assert_eq!(f.json_ld.len(), 3);
        assert!(
            f.json_ld
                .iter()
                .all(|b| b.error.is_none() && b.types == ["Organization"])
        );
        let tokens = scan_with(
            html.as_bytes(),
            "https://shop.example/p",
            &ScanLimits::default(),
            Mode::Tokenizer,
        );
        assert_eq!(tokens, f);
    }

    #[test]
    fn only_links_that_become_items_count_toward_the_item_cap() {
        let mut html = String::from("<head>");
        for i in 0..50 {
            html.push_str(&format!(
                "<link rel=\"preload\" href=\"/s{i}.js\" as=\"script\"><link rel=\"stylesheet\" href=\"/c{i}.css\">"
            ));
        }
        html.push_str("<link rel=\"canonical\" href=\"/p\"><link rel=\"icon\" href=\"/f.ico\">");
        let limits = ScanLimits {
            max_items: 2,
            ..ScanLimits::default()
        };
        let f = scan(html.as_bytes(), "https://shop.example/p", &limits);
        assert!(f.parse.complete, "{:?}", f.parse.error);
        assert_eq!((f.canonicals.len(), f.icons.len()), (1, 1));
        html.push_str("<link rel=\"apple-touch-icon\" href=\"/a.png\">");
        let f = scan(html.as_bytes(), "https://shop.example/p", &limits);
        assert!(!f.parse.complete, "a third item is over the cap");
        assert_eq!(f.icons.len(), 1);
    }

    #[test]
    fn characters_are_counted_eight_bytes_at_a_time() {
        for text in ["", "a", "été à Noël, 🚀 x", &"ü€a🚀".repeat(37)] {
            for cut in 0..text.len().min(20) {
                let t = text.get(cut..).unwrap_or_default();
                assert_eq!(count_chars(t.as_bytes()), t.chars().count() as u64, "{t}");
            }
        }
        assert_eq!(count_chars(b"\xff\x80\x80abc"), 4);
    }

    #[test]
    fn one_pass_finds_every_literal_occurrence_overlapping_or_not() {
        let literals: Vec<&str> = facts::MARKUP_SIGNATURES
            .iter()
            .filter_map(|s| windowed_literal(s.selector))
            .collect();
        let page = b"disqus_threadisqus_thread fb-postfb-post twitter-tweet";
        let (hits, gates) = widget_hits(page);
        assert_eq!(hits, vec![0, 12, 26, 33], "overlapping occurrences");
        let tweet = facts::MARKUP_SIGNATURES
            .iter()
            .position(|m| m.selector == "blockquote.twitter-tweet");
        assert_eq!(gates, tweet.into_iter().collect::<Vec<_>>());
        // Leftmost-first search reports one literal per position: none may be a prefix of
        // another.
        let all: Vec<&str> = facts::MARKUP_SIGNATURES
            .iter()
            .filter_map(|m| {
                windowed_literal(m.selector)
                    .or_else(|| Simple::parse(m.selector).and_then(|s| s.class.or(s.id)))
            })
            .collect();
        for a in &all {
            for b in &all {
                assert!(a == b || !b.starts_with(a), "{a} is a prefix of {b}");
            }
        }
        assert!(!literals.is_empty());
        let page = b"<div class='fb-post'></div> disqus_thread fb- g_id_onload fb-postfb-post";
        assert_eq!(widget_hits(page).0, vec![12, 28, 46, 58, 65]);
    }

    #[test]
    fn an_empty_json_ld_script_does_not_capture_the_next_script() {
        let html = br#"<script type="application/ld+json"></script><script>{"@type":"Organization","name":"X"}</script><script type="application/ld+json">{"@type":"Person","name":"Y"}</script>"#;
        let f = scan(html, "https://shop.example/", &ScanLimits::default());
        let blocks: Vec<_> = f
            .json_ld
            .iter()
            .map(|b| {
                (
                    b.types.clone(),
                    b.bytes,
                    b.error.is_some(),
                    b.origin.span.start_byte,
                )
            })
            .collect();
        assert_eq!(
            blocks,
            vec![
                (vec![], 0, true, 0),
                (vec!["Person".to_owned()], 29, false, 96)
            ],
            "the empty block is reported empty, the plain script is not JSON-LD"
        );
    }

    #[test]
    fn selector_forms() {
        assert_eq!(windowed_literal("#disqus_thread"), Some("disqus_thread"));
        assert_eq!(windowed_literal(".fb-comments"), Some("fb-comments"));
        assert_eq!(windowed_literal("blockquote.twitter-tweet"), None);
        assert_eq!(windowed_literal("a[data-pin-do]"), None);
        assert_eq!(windowed_literal(".a.b"), None);
        assert_eq!(windowed_literal("#a b"), None);
        assert!(
            compiled().fixed.len() == FIXED.len() + FOREIGN.len(),
            "fixed selectors parse"
        );
    }
}
