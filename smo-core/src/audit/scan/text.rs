//! Text the scan collects besides the social inventory: the page's **main text** (the words of
//! its body, for the tag rules) and, on demand, its **anchors** with their text (for the partner
//! check, [`crate::partners`]).
//!
//! Both scans feed the same collector in the same model, so they give the same text:
//!
//! - text is read from the *data* state only: never from `<script>`, `<style>`, `<title>`,
//!   `<textarea>`, `<noscript>` (raw text with scripting on), `<iframe>`, `<xmp>` or
//!   `<plaintext>`, nor CDATA;
//! - elements are open from their start tag until an end tag of the same name closes them and
//!   every element opened after them (the stack `lol_html` keeps; void HTML elements and
//!   self-closing foreign ones never open), so text inside `<nav>`, `<header>`, `<footer>`,
//!   `<aside>`, `<template>`, `<svg>` or `<math>` is left out of the main text;
//! - each text node is decoded (HTML entities, as in text content), its NUL characters dropped,
//!   and its words are appended with one space between words and between nodes;
//! - the main text stops before the first word that does not fit in
//!   [`ScanLimits::max_text_bytes`](super::ScanLimits::max_text_bytes), an anchor's text before the first
//!   word that does not fit in [`ANCHOR_TEXT_BYTES`]; pending text is flushed at whitespace, so
//!   memory stays flat whatever the page.

use super::super::features::{Anchor, Origin};

/// Longest anchor text kept, in bytes (whole words).
pub const ANCHOR_TEXT_BYTES: usize = 1024;

/// Elements whose text is not the page's main text (navigation, page chrome, inert templates,
/// drawings).
pub(super) const EXCLUDED: &[&str] = &[
    "nav", "header", "footer", "aside", "template", "svg", "math",
];

/// The selector of [`EXCLUDED`], for the streaming scan.
pub(super) const EXCLUDED_SELECTOR: &str = "nav, header, footer, aside, template, svg, math";

/// Raw text (streaming scan) or decoded text (fallback) kept before it is flushed at whitespace.
const PENDING: usize = 4096;

/// Whitespace-separated words, appended up to a byte cap.
#[derive(Debug, Default, Clone)]
struct Words {
    out: String,
    /// The word being read (it may continue in the next piece of the same node).
    carry: String,
    full: bool,
    max: usize,
}

impl Words {
    fn new(max: usize) -> Words {
        Words {
            max,
            ..Words::default()
        }
    }

    fn push(&mut self, text: &str) {
        if self.full {
            return;
        }
        for c in text.chars() {
            if c == '\0' {
                continue;
            }
            if c.is_whitespace() {
                self.end_word();
                if self.full {
                    return;
                }
            } else {
                self.carry.push(c);
                if self.carry.len() > self.max {
                    self.full = true;
                    self.carry.clear();
                    return;
                }
            }
        }
    }

    fn end_word(&mut self) {
        if self.carry.is_empty() || self.full {
            return;
        }
        let sep = usize::from(!self.out.is_empty());
        if self.out.len() + sep + self.carry.len() > self.max {
            self.full = true;
        } else {
            if sep == 1 {
                self.out.push(' ');
            }
            self.out.push_str(&self.carry);
        }
        self.carry.clear();
    }
}

/// One anchor being read.
#[derive(Debug)]
struct Open {
    anchor: Anchor,
    words: Words,
}

/// What the scan collects of the page's text.
#[derive(Debug, Default)]
pub(crate) struct TextCollector {
    main: Words,
    /// Raw text of the current text node (streaming scan), not yet decoded.
    raw: String,
    /// Open elements of [`EXCLUDED`].
    excluded: u32,
    /// Whether anchors are collected.
    pub(crate) want_anchors: bool,
    /// Anchors, in document order; `open` indexes the open ones.
    anchors: Vec<Open>,
    open: Vec<usize>,
    /// Most anchors kept.
    max_anchors: usize,
    /// Whether anchors were left out at `max_anchors`.
    pub(crate) anchors_capped: bool,
}

impl TextCollector {
    pub(crate) fn new(max_text: usize, want_anchors: bool, max_anchors: usize) -> TextCollector {
        TextCollector {
            main: Words::new(max_text),
            want_anchors,
            max_anchors,
            ..TextCollector::default()
        }
    }

    /// An element of [`EXCLUDED`] opened.
    pub(crate) fn open_excluded(&mut self) {
        self.excluded = self.excluded.saturating_add(1);
    }

    /// An element of [`EXCLUDED`] closed.
    pub(crate) fn close_excluded(&mut self) {
        self.excluded = self.excluded.saturating_sub(1);
    }

    /// Records an anchor; returns its index when it was kept.
    pub(crate) fn anchor(&mut self, anchor: Anchor) -> Option<usize> {
        if !self.want_anchors {
            return None;
        }
        if self.anchors.len() >= self.max_anchors {
            self.anchors_capped = true;
            return None;
        }
        self.anchors.push(Open {
            anchor,
            words: Words::new(ANCHOR_TEXT_BYTES),
        });
        Some(self.anchors.len() - 1)
    }

    /// Anchor `i` opened (it can hold text).
    pub(crate) fn open_anchor(&mut self, i: usize) {
        self.open.push(i);
    }

    /// Anchor `i` closed.
    pub(crate) fn close_anchor(&mut self, i: usize) {
        if let Some(k) = self.open.iter().rposition(|x| *x == i) {
            self.open.remove(k);
        }
        if let Some(a) = self.anchors.get_mut(i) {
            a.words.end_word();
        }
    }

    /// Decoded text of the current node.
    pub(crate) fn decoded(&mut self, text: &str) {
        if self.excluded == 0 {
            self.main.push(text);
        }
        for i in &self.open {
            if let Some(a) = self.anchors.get_mut(*i) {
                a.words.push(text);
            }
        }
    }

    /// A chunk of raw data-state text of the current node (streaming scan): decoded at a point
    /// where no character reference can be cut (after whitespace, or before `&`).
    pub(crate) fn raw(&mut self, chunk: &str, last: bool) {
        if self.main.full && self.open.is_empty() {
            if last {
                self.raw.clear();
            }
            return;
        }
        self.raw.push_str(chunk);
        if last {
            let raw = std::mem::take(&mut self.raw);
            self.decoded(&htmlize::unescape(raw.as_str()));
            self.end_node();
            return;
        }
        if self.raw.len() > PENDING {
            let b = self.raw.as_bytes();
            let cut = b
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map(|i| i + 1)
                .or_else(|| b.iter().rposition(|c| *c == b'&'))
                .unwrap_or(b.len());
            if cut > 0 {
                let rest = self.raw.split_off(cut);
                let head = std::mem::replace(&mut self.raw, rest);
                self.decoded(&htmlize::unescape(head.as_str()));
            }
        }
    }

    /// The current text node ended.
    pub(crate) fn end_node(&mut self) {
        self.main.end_word();
        for i in &self.open {
            if let Some(a) = self.anchors.get_mut(*i) {
                a.words.end_word();
            }
        }
    }

    /// The main text and the anchors, once the scan is done.
    pub(crate) fn finish(mut self) -> (String, Vec<Anchor>) {
        self.end_node();
        let anchors = self
            .anchors
            .into_iter()
            .map(|mut o| {
                o.words.end_word();
                o.anchor.text = o.words.out;
                o.anchor
            })
            .collect();
        (self.main.out, anchors)
    }
}

/// The anchor of an `<a href>` start tag.
pub(super) fn anchor(
    href: String,
    url: Option<String>,
    rel: Vec<String>,
    origin: Origin,
) -> Anchor {
    Anchor {
        href,
        url,
        text: String::new(),
        rel,
        origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fill_up_to_the_cap_and_never_split_one() {
        let mut w = Words::new(11);
        w.push("  linen\tsheets ");
        w.push("wash");
        w.push("ed more");
        w.end_word();
        assert_eq!(w.out, "linen");
        assert!(w.full, "`sheets washed` does not fit in 11 bytes");
        let mut w = Words::new(64);
        w.push("a\0b  c");
        w.end_word();
        assert_eq!(w.out, "ab c");
    }

    #[test]
    fn raw_text_is_decoded_across_chunks_and_flushes() {
        let mut t = TextCollector::new(1 << 20, false, 10);
        t.raw("caf&eac", false);
        t.raw("ute; &amp", false);
        t.raw(" lin", true);
        t.raw("x", true);
        let long = format!("{}&lt;", "mot ".repeat(3000));
        t.raw(&long, false);
        t.raw("b", true);
        let (text, _) = t.finish();
        assert!(text.starts_with("café & lin x mot mot"), "{text}");
        assert!(text.ends_with("mot <b"), "{}", &text[text.len() - 20..]);
    }
}
