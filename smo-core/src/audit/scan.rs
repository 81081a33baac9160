//! The streaming scan: one pass of `lol_html` (non-strict, memory capped) over a page, visiting
//! only the elements that carry social features, into a [`PageFeatures`] inventory.
//!
//! Why `lol_html` and not a tree: site-audit.md §5 (4–6× the html5ever tokenizer, flat memory,
//! no quadratic or recursive blow-up on deep nesting). The scan never builds a DOM, so
//! "in head" is tracked by events (`<body>` or the first body-only element the scan visits),
//! and `<noscript>` content, which lol_html reads as raw text (scripting on), is re-scanned as
//! markup to see what scripting-off crawlers (Facebook, Twitterbot) see.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{
    AsciiCompatibleEncoding, ElementContentHandlers, HtmlRewriter, MemorySettings, Selector,
    Settings,
};
use url::Url;

use super::facts::{self, ProfilePath, WidgetKind};
use super::features::*;
use crate::{Network, Span};

/// Limits that keep the scan's memory bounded whatever the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Bytes fed to the parser at a time (the result does not depend on it).
    pub chunk_size: usize,
    /// `lol_html`'s memory cap; beyond it the scan stops with `page/parse-incomplete`.
    pub max_parser_memory: usize,
    /// Longest attribute value kept, in bytes; longer values are cut.
    pub max_value_bytes: usize,
    /// Largest JSON-LD block kept, in bytes; larger ones are reported truncated.
    pub max_json_ld_bytes: usize,
    /// Most inventory items kept per page.
    pub max_items: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            chunk_size: 64 * 1024,
            max_parser_memory: 16 * 1024 * 1024,
            max_value_bytes: 64 * 1024,
            max_json_ld_bytes: 1024 * 1024,
            max_items: 20_000,
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
        let list = match kind {
            WidgetKind::Comments => &mut self.f.comments,
            WidgetKind::SocialLogin => &mut self.f.social_login,
            WidgetKind::Reviews => &mut self.f.reviews,
            WidgetKind::Embed => &mut self.f.embeds,
        };
        // One widget is often revealed twice (markup and script): keep one per provider
        // and evidence.
        if !list
            .iter()
            .any(|x| x.provider == w.provider && x.evidence == w.evidence)
        {
            list.push(w);
        }
    }
}

/// Reads an attribute, entity-decoded (HTML attribute rules), cut at the value cap.
fn attr(el: &Element<'_, '_>, name: &str, st: &RefCell<State>) -> Option<String> {
    let raw = el.get_attribute(name)?;
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

fn raw_attr(el: &Element<'_, '_>, name: &str, st: &RefCell<State>) -> Option<String> {
    let raw = el.get_attribute(name)?;
    let max = st.borrow().limits.max_value_bytes;
    if raw.len() > max {
        st.borrow_mut().f.parse.truncated_values += 1;
        let mut end = max;
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        return Some(raw[..end].to_owned());
    }
    Some(raw)
}

fn rel_tokens(rel: &str) -> Vec<String> {
    rel.split_ascii_whitespace()
        .map(|t| t.to_ascii_lowercase())
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Compiled {
    markup: Vec<(Selector, usize)>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        // Selectors are tested to parse (facts::tests::selectors_parse); a row that does not
        // is skipped rather than taking the scan down.
        markup: facts::MARKUP_SIGNATURES
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.selector.parse::<Selector>().ok().map(|sel| (sel, i)))
            .collect(),
    })
}

type Handlers<'h> = Vec<(Cow<'static, Selector>, ElementContentHandlers<'h>)>;

fn push<'h>(handlers: &mut Handlers<'h>, selector: &'static str, h: ElementContentHandlers<'h>) {
    if let Ok(sel) = selector.parse::<Selector>() {
        handlers.push((Cow::Owned(sel), h));
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
    let (bytes, encoding, enc_name) = sniff(input);
    let st = RefCell::new(State {
        base: Url::parse(url).ok(),
        limits: *limits,
        ..State::default()
    });
    {
        let mut s = st.borrow_mut();
        s.f.url = url.to_owned();
        s.f.parse.bytes = input.len() as u64;
        s.f.parse.encoding = enc_name.to_owned();
        if enc_name == "UTF-8" {
            if let Err(e) = std::str::from_utf8(&bytes) {
                s.f.parse.invalid_utf8_at = Some(e.valid_up_to() as u64);
            }
        }
    }
    let error = run(&bytes, encoding, &st, false, limits);
    let mut s = st.into_inner();
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
    let mut f = s.f;
    finish(&mut f);
    locate(&mut f, &bytes);
    f
}

/// Runs one rewriter over `bytes`; `nested` is the re-scan of a `<noscript>`'s text.
fn run(
    bytes: &[u8],
    encoding: AsciiCompatibleEncoding,
    st: &RefCell<State>,
    nested: bool,
    limits: &ScanLimits,
) -> Option<String> {
    let mut handlers: Handlers<'_> = Vec::new();
    push(
        &mut handlers,
        "meta",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            on_meta(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "link",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            on_link(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "a[href]",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            st.borrow_mut().in_body = true;
            on_anchor(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "iframe[src]",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            st.borrow_mut().in_body = true;
            on_iframe(el, st);
            Ok(())
        }),
    );
    push(
        &mut handlers,
        "script",
        ElementContentHandlers::default()
            .element(|el: &mut Element<'_, '_>| {
                on_script(el, st);
                Ok(())
            })
            .text(|t: &mut TextChunk<'_>| {
                on_script_text(t, st);
                Ok(())
            }),
    );
    push(
        &mut handlers,
        "base[href]",
        ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            let href = attr(el, "href", st);
            let mut s = st.borrow_mut();
            if !s.base_set {
                s.base_set = true;
                if let Some(h) = href {
                    let joined = s.base.as_ref().and_then(|b| b.join(h.trim()).ok());
                    if let Some(b) = joined.or_else(|| Url::parse(h.trim()).ok()) {
                        s.base = Some(b);
                    }
                }
            }
            Ok(())
        }),
    );
    if !nested {
        push(
            &mut handlers,
            "html",
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                let lang = attr(el, "lang", st);
                let mut s = st.borrow_mut();
                if s.f.lang.is_none() {
                    s.f.lang = lang.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
                }
                Ok(())
            }),
        );
        push(
            &mut handlers,
            "body",
            ElementContentHandlers::default().element(|_: &mut Element<'_, '_>| {
                st.borrow_mut().in_body = true;
                Ok(())
            }),
        );
        push(
            &mut handlers,
            "title",
            ElementContentHandlers::default()
                .element(|el: &mut Element<'_, '_>| {
                    let mut s = st.borrow_mut();
                    // An SVG <title> is not the page title.
                    if !s.title_done && el.namespace_uri() == "http://www.w3.org/1999/xhtml" {
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
        for (selector, i) in &compiled().markup {
            let i = *i;
            handlers.push((
                Cow::Borrowed(selector),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let Some(sig) = facts::MARKUP_SIGNATURES.get(i) else {
                        return Ok(());
                    };
                    let mut s = st.borrow_mut();
                    s.in_body = true;
                    let origin = s.origin(el.source_location().bytes());
                    s.widget(sig.kind, sig.provider, sig.selector.to_owned(), origin);
                    Ok(())
                }),
            ));
        }
    }
    let mut settings = Settings::new()
        .with_strict(false)
        .with_encoding(encoding)
        .with_memory_settings(
            MemorySettings::new().with_max_allowed_memory_usage(limits.max_parser_memory),
        );
    for h in handlers {
        settings = settings.append_element_content_handler(h);
    }
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    for chunk in bytes.chunks(limits.chunk_size.max(1)) {
        if let Err(e) = rewriter.write(chunk) {
            return Some(e.to_string());
        }
    }
    rewriter.end().err().map(|e| e.to_string())
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
        true,
        limits,
    );
    let mut s = st.borrow_mut();
    s.offset_base = saved.0;
    s.in_noscript = saved.1;
    s.in_body = saved.2;
}

fn on_meta(el: &Element<'_, '_>, st: &RefCell<State>) {
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
    let origin = s.origin(el.source_location().bytes());
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

fn on_link(el: &Element<'_, '_>, st: &RefCell<State>) {
    let Some(rel) = attr(el, "rel", st) else {
        return;
    };
    let rels = rel_tokens(&rel);
    let Some(href) = attr(el, "href", st) else {
        return;
    };
    let href = href.trim().to_owned();
    let mime = attr(el, "type", st).map(|t| t.trim().to_ascii_lowercase());
    let mut s = st.borrow_mut();
    if !s.room() {
        return;
    }
    let origin = s.origin(el.source_location().bytes());
    let has = |r: &str| rels.iter().any(|x| x == r);
    if has("canonical") {
        let l = s.link(href.clone(), origin);
        s.f.canonicals.push(l);
    }
    if has("alternate") {
        if let Some(lang) = el.get_attribute("hreflang") {
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
        if let Some(kind) = kind {
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
        if let Some(m) = mime.as_deref().filter(|m| m.ends_with("+oembed")) {
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
    if let Some(r) = icon_rel {
        let sizes = el.get_attribute("sizes");
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
            if let Some((network, handle)) = profile_of(&url, true) {
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

fn on_anchor(el: &Element<'_, '_>, st: &RefCell<State>) {
    let Some(raw) = el.get_attribute("href") else {
        return;
    };
    // Most links are relative: skip them before decoding or parsing anything.
    if same_site(raw.trim_start()) {
        return;
    }
    let href = decode_attr(&raw, st).trim().to_owned();
    if href.is_empty() || href.starts_with("javascript:") {
        return;
    }
    let rel_me = attr(el, "rel", st).is_some_and(|r| rel_tokens(&r).iter().any(|t| t == "me"));
    let mut s = st.borrow_mut();
    let Some(url) = s.resolve_url(&href) else {
        return;
    };
    let origin = s.origin(el.source_location().bytes());
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

fn on_iframe(el: &Element<'_, '_>, st: &RefCell<State>) {
    let Some(src) = attr(el, "src", st) else {
        return;
    };
    let mut s = st.borrow_mut();
    let Some(url) = s.resolve(&src).and_then(|u| Url::parse(&u).ok()) else {
        return;
    };
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = url.path().to_ascii_lowercase();
    if let Some(e) = facts::EMBED_HOSTS
        .iter()
        .find(|e| facts::host_matches(e.hosts, &host) && path.starts_with(e.path))
    {
        let origin = s.origin(el.source_location().bytes());
        s.widget(WidgetKind::Embed, e.provider, String::from(url), origin);
    }
}

fn on_script(el: &Element<'_, '_>, st: &RefCell<State>) {
    let kind = attr(el, "type", st).map(|t| t.trim().to_ascii_lowercase());
    let src = attr(el, "src", st);
    let mut s = st.borrow_mut();
    let origin = s.origin(el.source_location().bytes());
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
    let Some(url) = src.and_then(|src| s.resolve(&src)) else {
        return;
    };
    let Ok(parsed) = Url::parse(&url) else {
        return;
    };
    let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = parsed.path().to_ascii_lowercase();
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

fn on_script_text(t: &TextChunk<'_>, st: &RefCell<State>) {
    let mut s = st.borrow_mut();
    let max = s.limits.max_json_ld_bytes;
    if let Some((buf, _, truncated)) = s.json_buf.as_mut() {
        if buf.len() + t.as_str().len() <= max {
            buf.push_str(t.as_str());
        } else {
            *truncated = true;
        }
    }
    if t.last_in_text_node() {
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
        chars += input[counted..target.max(counted)]
            .iter()
            .filter(|b| **b & 0xC0 != 0x80)
            .count() as u64;
        counted = target.max(counted);
        span.line = line;
        span.column = chars + 1;
    }
}
