//! The fallback scan: when `lol_html` gives up on a page (its memory cap, reached by one tag or
//! comment of megabytes, such as an inline `data:` image), the page is scanned again with the
//! html5ever **tokenizer**, never its tree builder (site-audit.md §5.2, guard 7), so the rest
//! of the page is not lost.
//!
//! The tokenizer gives the tokens, with the HTML state machine (comments, raw text, RCDATA,
//! CDATA in foreign content). The sink switches the raw-text states as a tree builder would:
//! `script` → script data; `style`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript` (scripting
//! on, as `lol_html` reads it) → raw text; `title`, `textarea` → RCDATA; `plaintext` →
//! PLAINTEXT; none of them inside SVG or MathML outside an integration point.
//!
//! Everything else is the streaming scan's: the same handlers read the same raw attribute values
//! (lexed here from the tag's own text, so entity decoding is done by the same code) and raw
//! texts, so both scans give the same inventory (a test checks it on every golden page). Byte
//! offsets are exact: the page is fed to the tokenizer in pieces that end after each `>`, so a
//! tag ends where the piece that completed it ends, and starts at the nearest `<name` before
//! that lexes to that end with the same attribute names.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::Range;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::{
    ScanLimits, Simple, StartTag, State, anchor_of, collapse, compiled, facts, flush_json_ld,
    on_anchor, on_base, on_html, on_iframe, on_link, on_meta, on_script, on_script_text,
    rescan_noscript, text,
};

/// An open element, as `lol_html`'s selector stack keeps it (see `text`).
struct Frame {
    name: LocalName,
    excluded: bool,
    anchor: Option<usize>,
}

/// HTML elements that never open (`lol_html`'s list).
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The page as text, with where its pieces are in the input when the two differ (an encoding
/// other than UTF-8, or invalid UTF-8).
struct Text<'a> {
    text: Cow<'a, str>,
    /// `(offset in text, offset in input)` at the start of each piece: before every `<` and
    /// after every `>`, the only places a tag starts or ends. `None`: the same offsets.
    marks: Option<Vec<(usize, usize)>>,
}

impl<'a> Text<'a> {
    fn decode(bytes: &'a [u8], encoding: &'static encoding_rs::Encoding) -> Text<'a> {
        if encoding == encoding_rs::UTF_8 {
            if let Ok(text) = std::str::from_utf8(bytes) {
                return Text {
                    text: Cow::Borrowed(text),
                    marks: None,
                };
            }
        }
        // `<` and `>` are never part of a multi-byte sequence in an ASCII-compatible
        // encoding, so the pieces decode on their own.
        let mut text = String::with_capacity(bytes.len());
        let mut marks = Vec::new();
        let mut from = 0;
        let mut piece = |from: usize, to: usize, text: &mut String| {
            if from < to {
                marks.push((text.len(), from));
                let (s, _) = encoding.decode_without_bom_handling(&bytes[from..to]);
                text.push_str(&s);
            }
        };
        for at in memchr::memchr2_iter(b'<', b'>', bytes) {
            let cut = if bytes[at] == b'<' { at } else { at + 1 };
            piece(from, cut, &mut text);
            from = cut;
        }
        piece(from, bytes.len(), &mut text);
        Text {
            text: Cow::Owned(text),
            marks: Some(marks),
        }
    }

    /// The input offset of text offset `at`.
    fn input(&self, at: usize) -> usize {
        let Some(marks) = &self.marks else {
            return at;
        };
        let i = marks.partition_point(|m| m.0 <= at);
        match i.checked_sub(1).and_then(|i| marks.get(i)) {
            Some((t, b)) => b + (at - t),
            None => at,
        }
    }
}

/// A tag as lexed from its text: the end, and each attribute's lower-cased name and raw value.
struct Lexed {
    end: usize,
    attrs: Vec<(String, Range<usize>)>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Lexes the tag whose `<` is at `at`, as the HTML tokenizer's tag and attribute states do;
/// `None` when the text ends first.
fn lex_tag(text: &str, at: usize) -> Option<Lexed> {
    let b = text.as_bytes();
    let mut i = at + 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => return Some(Lexed { end: i + 1, attrs }),
            Some(_) => {}
        }
        // An attribute name may start with `=`.
        let name_start = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = text.get(name_start..i)?.to_ascii_lowercase();
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = i..i;
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = i + 1 + memchr::memchr(q, b.get(i + 1..)?)?;
                    value = i + 1..end;
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = start..i;
                }
            }
        }
        attrs.push((name, value));
    }
}

/// A start tag of the fallback scan.
struct FallbackTag<'t> {
    text: &'t str,
    lexed: Lexed,
    range: Range<usize>,
}

impl StartTag for FallbackTag<'_> {
    fn raw(&self, name: &str) -> Option<Cow<'_, str>> {
        let (_, value) = self.lexed.attrs.iter().find(|(n, _)| n == name)?;
        self.text.get(value.clone()).map(Cow::Borrowed)
    }
    fn has(&self, name: &str) -> bool {
        self.lexed.attrs.iter().any(|(n, _)| n == name)
    }
    fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

/// What the text of a raw-text element is read for.
#[derive(Clone, Copy)]
enum RawUse {
    Title,
    Script,
    Noscript { in_head: bool },
    Skip,
}

struct Sink<'a> {
    st: &'a RefCell<State>,
    text: &'a Text<'a>,
    limits: &'a ScanLimits,
    /// Text offset where the piece being fed ends: every tag emitted while feeding it ends
    /// there.
    end: Cell<usize>,
    /// Text offset where the last token the sink placed ends: no tag starts before it.
    floor: Cell<usize>,
    /// The raw-text element whose text is being read, and where its text starts.
    raw: Cell<Option<(RawUse, usize)>>,
    /// Open SVG/MathML elements, and HTML integration points open inside them.
    foreign: Cell<u32>,
    integration: Cell<u32>,
    /// The widget signatures the streaming scan registers, with their row.
    widgets: Vec<(usize, Simple<'static>)>,
    /// Open elements.
    stack: RefCell<Vec<Frame>>,
}

fn is_integration_point(name: &str) -> bool {
    matches!(
        name,
        "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
    )
}

impl Sink<'_> {
    fn in_foreign(&self) -> bool {
        self.foreign.get() > 0 && self.integration.get() == 0
    }

    /// Where the tag that ends at `end` starts.
    fn locate(&self, tag: &Tag, end: usize) -> Option<(usize, Lexed)> {
        let t: &str = &self.text.text;
        let b = t.as_bytes();
        let floor = self.floor.get().min(end);
        let name = tag.name.as_bytes();
        let lead = if tag.kind == TagKind::EndTag { 2 } else { 1 };
        let mut wanted: Vec<&str> = Vec::new();
        for a in &tag.attrs {
            wanted.push(&*a.name.local);
        }
        let mut first = None;
        let mut upto = end;
        while let Some(p) = memchr::memrchr(b'<', b.get(floor..upto)?).map(|p| p + floor) {
            upto = p;
            let named = (lead == 1 || b.get(p + 1) == Some(&b'/'))
                && b.get(p + lead..p + lead + name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
                && b.get(p + lead + name.len())
                    .is_none_or(|c| is_space(*c) || *c == b'/' || *c == b'>');
            if !named {
                continue;
            }
            let Some(lexed) = lex_tag(t, p) else {
                continue;
            };
            let mut names: Vec<&str> = Vec::new();
            for (n, _) in &lexed.attrs {
                if !names.contains(&n.as_str()) {
                    names.push(n);
                }
            }
            if lexed.end == end && names == wanted {
                return Some((p, lexed));
            }
            if first.is_none() {
                first = Some((p, lexed));
            }
        }
        first
    }

    fn start_tag(&self, tag: &Tag, start: usize, lexed: Lexed) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let st = self.st;
        let text = self.text;
        let end = lexed.end;
        let el = FallbackTag {
            text: &text.text,
            lexed,
            range: text.input(start)..text.input(end),
        };
        let at = el.range.start;
        let html = !self.in_foreign();
        let mut anchor = None;
        // The streaming scan's handlers, in its registration order.
        match name {
            "meta" => on_meta(&el, st),
            "link" => on_link(&el, st),
            "a" if el.raw("href").is_some() => {
                st.borrow_mut().body(at);
                on_anchor(&el, st);
                anchor = anchor_of(&el, st);
            }
            "iframe" if el.raw("src").is_some() => {
                st.borrow_mut().body(at);
                on_iframe(&el, st);
            }
            "script" => on_script(&el, st),
            "base" if el.raw("href").is_some() => on_base(&el, st),
            "html" => on_html(&el, st),
            "body" => st.borrow_mut().body(at),
            _ => {}
        }
        for (i, simple) in &self.widgets {
            let Some(sig) = facts::MARKUP_SIGNATURES.get(*i) else {
                continue;
            };
            if simple.matches(name, &el) {
                let mut s = st.borrow_mut();
                s.body(at);
                let origin = s.origin(el.range());
                s.widget(sig.kind, sig.provider, sig.selector.to_owned(), origin);
            }
        }
        // The element opens as it does on `lol_html`'s stack.
        let opens = if html && !matches!(name, "svg" | "math") {
            !is_void(name)
        } else {
            !tag.self_closing
        };
        if opens {
            let excluded = text::EXCLUDED.contains(&name);
            let collector = st.borrow().text.clone();
            let mut c = collector.borrow_mut();
            if excluded {
                c.open_excluded();
            }
            if let Some(i) = anchor {
                c.open_anchor(i);
            }
            self.stack.borrow_mut().push(Frame {
                name: tag.name.clone(),
                excluded,
                anchor,
            });
        }
        // Foreign content: its elements are not raw text, and `<title>` is not the page's.
        if self.foreign.get() > 0 {
            if tag.self_closing {
                return TokenSinkResult::Continue;
            }
            if matches!(name, "svg" | "math") {
                self.foreign.set(self.foreign.get() + 1);
            } else if is_integration_point(name) {
                self.integration.set(self.integration.get() + 1);
            }
            if !html {
                return TokenSinkResult::Continue;
            }
        } else if matches!(name, "svg" | "math") && !tag.self_closing {
            self.foreign.set(1);
            return TokenSinkResult::Continue;
        }
        let (kind, what) = match name {
            "script" => (RawKind::ScriptData, RawUse::Script),
            "title" => {
                let read = html && !st.borrow().title_done;
                (
                    RawKind::Rcdata,
                    if read { RawUse::Title } else { RawUse::Skip },
                )
            }
            "textarea" => (RawKind::Rcdata, RawUse::Skip),
            "noscript" => (
                RawKind::Rawtext,
                RawUse::Noscript {
                    in_head: !st.borrow().in_body,
                },
            ),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => (RawKind::Rawtext, RawUse::Skip),
            "plaintext" => {
                self.raw.set(Some((RawUse::Skip, end)));
                return TokenSinkResult::Plaintext;
            }
            _ => return TokenSinkResult::Continue,
        };
        self.raw.set(Some((what, end)));
        TokenSinkResult::RawData(kind)
    }

    fn end_tag(&self, tag: &Tag, start: usize) {
        let name: &str = &tag.name;
        {
            let mut stack = self.stack.borrow_mut();
            if let Some(k) = stack.iter().rposition(|f| f.name == tag.name) {
                let collector = self.st.borrow().text.clone();
                let mut c = collector.borrow_mut();
                for f in stack.drain(k..).rev() {
                    if f.excluded {
                        c.close_excluded();
                    }
                    if let Some(i) = f.anchor {
                        c.close_anchor(i);
                    }
                }
            }
        }
        if let Some((what, from)) = self.raw.take() {
            self.raw_text(what, from, start);
            return;
        }
        if self.foreign.get() > 0 {
            if matches!(name, "svg" | "math") {
                self.foreign.set(self.foreign.get() - 1);
                if self.foreign.get() == 0 {
                    self.integration.set(0);
                }
            } else if is_integration_point(name) && self.integration.get() > 0 {
                self.integration.set(self.integration.get() - 1);
            }
        }
    }

    /// The text of a raw-text element, `from..to` in the page's text.
    fn raw_text(&self, what: RawUse, from: usize, to: usize) {
        let st = self.st;
        let Some(text) = self.text.text.get(from..to.max(from)) else {
            return;
        };
        match what {
            RawUse::Script => on_script_text(text, true, st),
            // An empty title gives the streaming scan no text: the next one is read.
            RawUse::Title if text.is_empty() => {}
            RawUse::Title => {
                let mut s = st.borrow_mut();
                let max = s.limits.max_value_bytes;
                let mut cut = text.len().min(max);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.title_done = true;
                s.f.title = Some(collapse(&htmlize::unescape(&text[..cut])));
            }
            RawUse::Noscript { in_head } => {
                let mut cut = text.len().min(self.limits.max_json_ld_bytes);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                rescan_noscript(
                    &text[..cut],
                    self.text.input(from),
                    in_head,
                    st,
                    self.limits,
                );
            }
            RawUse::Skip => {}
        }
    }
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let collector = self.st.borrow().text.clone();
        match &token {
            // Text of raw-text elements is theirs (script, style, title...), not the page's.
            Token::CharacterTokens(t) if self.raw.get().is_none() => {
                collector.borrow_mut().decoded(t);
                return TokenSinkResult::Continue;
            }
            Token::CharacterTokens(_) | Token::NullCharacterToken | Token::ParseError(_) => {
                return TokenSinkResult::Continue;
            }
            _ => collector.borrow_mut().end_node(),
        }
        let Token::TagToken(tag) = token else {
            if let Token::EOFToken = token {
                if let Some((what, from)) = self.raw.take() {
                    self.raw_text(what, from, self.text.text.len());
                }
            }
            return TokenSinkResult::Continue;
        };
        let end = self.end.get();
        // A tag that cannot be found in the text (a NUL in its name) keeps its place in the
        // state machine, without attributes.
        let (start, lexed) = self.locate(&tag, end).unwrap_or_else(|| {
            (
                self.floor.get().min(end),
                Lexed {
                    end,
                    attrs: Vec::new(),
                },
            )
        });
        self.floor.set(end);
        match tag.kind {
            TagKind::StartTag => self.start_tag(&tag, start, lexed),
            TagKind::EndTag => {
                self.end_tag(&tag, start);
                TokenSinkResult::Continue
            }
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.in_foreign()
    }
}

/// Scans `bytes` (in `encoding`) with the tokenizer into `st`.
pub(super) fn run(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    st: &RefCell<State>,
    limits: &ScanLimits,
) {
    let text = Text::decode(bytes, encoding);
    let sink = Sink {
        st,
        text: &text,
        limits,
        end: Cell::new(0),
        floor: Cell::new(0),
        raw: Cell::new(None),
        foreign: Cell::new(0),
        integration: Cell::new(0),
        widgets: compiled()
            .markup
            .iter()
            .filter_map(|(_, i, _)| {
                let sig = facts::MARKUP_SIGNATURES.get(*i)?;
                Some((*i, Simple::parse(sig.selector)?))
            })
            .collect(),
        stack: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(
        sink,
        TokenizerOpts {
            discard_bom: false,
            ..TokenizerOpts::default()
        },
    );
    let queue = BufferQueue::default();
    let t: &str = &text.text;
    let mut from = 0;
    let feed = |piece: &str, end: usize| {
        tokenizer.sink.end.set(end);
        queue.push_back(StrTendril::from_slice(piece));
        // The sink never blocks on a script: one call drains the piece.
        let _ = tokenizer.feed(&queue);
    };
    for at in memchr::memchr_iter(b'>', t.as_bytes()) {
        if let Some(piece) = t.get(from..=at) {
            feed(piece, at + 1);
        }
        from = at + 1;
    }
    if let Some(piece) = t.get(from..).filter(|p| !p.is_empty()) {
        feed(piece, t.len());
    }
    tokenizer.end();
    flush_json_ld(&mut st.borrow_mut());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_widget_selector_has_a_simple_form() {
        for sig in facts::MARKUP_SIGNATURES {
            assert!(
                Simple::parse(sig.selector).is_some(),
                "{} has no simple form: the fallback scan would miss it",
                sig.selector
            );
        }
        assert_eq!(Simple::parse("a.b.c"), None);
        assert_eq!(Simple::parse("a b"), None);
    }

    #[test]
    fn tags_lex_as_the_tokenizer_does() {
        let t = r#"<meta Property="og:title" content='a > b' value=x data-x=y=z / >rest"#;
        let l = lex_tag(t, 0).unwrap();
        assert_eq!(&t[l.end..], "rest");
        let attrs: Vec<(&str, &str)> = l
            .attrs
            .iter()
            .map(|(n, r)| (n.as_str(), &t[r.clone()]))
            .collect();
        assert_eq!(
            attrs,
            [
                ("property", "og:title"),
                ("content", "a > b"),
                ("value", "x"),
                ("data-x", "y=z")
            ]
        );
        assert!(lex_tag("<a href=\"x", 0).is_none());
        let l = lex_tag("<a =b>", 0).unwrap();
        assert_eq!(l.attrs[0].0, "=b");
    }
}
