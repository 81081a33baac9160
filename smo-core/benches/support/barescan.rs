//! The floor of the audit benchmarks: a bare `lol_html` scan (non-strict, same memory cap and
//! chunking) that visits the same elements as smo's scan and reads the same attributes, but
//! decodes, resolves, classifies and checks nothing.
#![allow(dead_code)]

use std::borrow::Cow;
use std::cell::Cell;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{ElementContentHandlers, HtmlRewriter, MemorySettings, Selector, Settings};

const ELEMENTS: &[(&str, &[&str])] = &[
    (
        "meta",
        &["property", "name", "itemprop", "content", "value"],
    ),
    (
        "link",
        &["rel", "href", "type", "hreflang", "sizes", "title"],
    ),
    ("a[href]", &["href", "rel"]),
    ("iframe[src]", &["src"]),
    ("script", &["type", "src"]),
    ("base[href]", &["href"]),
    ("html", &["lang"]),
    ("body", &[]),
    ("#disqus_thread", &[]),
    (".fb-comments", &[]),
    ("amp-facebook-comments", &[]),
    ("#g_id_onload", &[]),
    (".g_id_signin", &[]),
    ("#appleid-signin", &[]),
    (".fb-login-button", &[]),
    (".trustpilot-widget", &[]),
    ("blockquote.twitter-tweet", &[]),
    ("a.twitter-timeline", &[]),
    ("blockquote.instagram-media", &[]),
    ("blockquote.tiktok-embed", &[]),
    (".fb-post", &[]),
    (".fb-video", &[]),
    ("a[data-pin-do]", &[]),
];

/// Scans `html` and returns how many attribute bytes and text bytes it read.
pub fn scan(html: &[u8]) -> usize {
    let seen = Cell::new(0usize);
    let mut handlers: Vec<(Cow<'static, Selector>, ElementContentHandlers<'_>)> = Vec::new();
    for (sel, attrs) in ELEMENTS {
        let Ok(selector) = sel.parse::<Selector>() else {
            continue;
        };
        let seen = &seen;
        let h = ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
            for a in *attrs {
                if let Some(v) = el.get_attribute(a) {
                    seen.set(seen.get() + v.len());
                }
            }
            Ok(())
        });
        handlers.push((Cow::Owned(selector), h));
    }
    for sel in ["title", "script", "noscript"] {
        let Ok(selector) = sel.parse::<Selector>() else {
            continue;
        };
        handlers.push((Cow::Owned(selector), text_counter(&seen)));
    }
    rewrite(handlers, html);
    seen.get()
}

/// A lean lol_html pass of the kind measured on 328 real pages in `site-audit.md` §5.1 (one
/// pass over `meta`, `link`, `a`, `iframe` and the text of typed scripts, i.e. JSON-LD): no
/// id/class widget selectors (which make lol_html lex every start tag's attributes) and no text
/// of untyped scripts. Not a floor for smo, which does more; a check of how realistic a page set
/// is against the reference's real-page speeds (470–857 MiB/s).
pub fn scan_lean(html: &[u8]) -> usize {
    let seen = Cell::new(0usize);
    let mut handlers: Vec<(Cow<'static, Selector>, ElementContentHandlers<'_>)> = Vec::new();
    for sel in ["meta", "link", "a[href]", "iframe[src]"] {
        let Ok(selector) = sel.parse::<Selector>() else {
            continue;
        };
        let seen = &seen;
        let h = ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
            for a in ["property", "name", "content", "rel", "href", "src"] {
                if let Some(v) = el.get_attribute(a) {
                    seen.set(seen.get() + v.len());
                }
            }
            Ok(())
        });
        handlers.push((Cow::Owned(selector), h));
    }
    if let Ok(selector) = "script[type]".parse::<Selector>() {
        handlers.push((Cow::Owned(selector), text_counter(&seen)));
    }
    rewrite(handlers, html);
    seen.get()
}

/// Runs one rewriter with `handlers` over `html` (non-strict, smo's memory cap and chunking).
fn rewrite(handlers: Vec<(Cow<'static, Selector>, ElementContentHandlers<'_>)>, html: &[u8]) {
    let mut settings = Settings::new()
        .with_strict(false)
        .with_memory_settings(MemorySettings::new().with_max_allowed_memory_usage(16 << 20));
    for h in handlers {
        settings = settings.append_element_content_handler(h);
    }
    let mut rw = HtmlRewriter::new(settings, |_: &[u8]| {});
    for chunk in html.chunks(64 * 1024) {
        if rw.write(chunk).is_err() {
            return;
        }
    }
    let _ = rw.end();
}

/// A text handler that counts the bytes it is handed.
fn text_counter(seen: &Cell<usize>) -> ElementContentHandlers<'_> {
    ElementContentHandlers::default().text(move |t: &mut TextChunk<'_>| {
        seen.set(seen.get() + t.as_str().len());
        Ok(())
    })
}
