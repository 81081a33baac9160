//! A byte-level estimate of the deepest element nesting, without building a tree.
//!
//! Browsers cap nesting at 512 (html5ever#788, whatwg/html#3732); pages far past it break
//! tree-building tools and some crawlers. The estimate counts start and end tags of elements
//! that need an end tag, skipping comments, raw-text elements and the elements whose end tag
//! is implied (`p`, `li`, ...), so it stays linear and allocation-free.

/// The deepest nesting of elements in `html`, estimated from its tags.
///
/// ```
/// use smo_core::audit::depth::estimate;
/// assert_eq!(estimate(b"<div><div><p>x</div></div>"), 2);
/// assert_eq!(estimate(&b"<div>".repeat(1000)), 1000);
/// ```
pub fn estimate(html: &[u8]) -> u32 {
    let mut depth: u32 = 0;
    let mut max: u32 = 0;
    let mut i = 0;
    let n = html.len();
    while let Some(off) = find_byte(b'<', &html[i..]) {
        i += off + 1;
        if i >= n {
            break;
        }
        if html[i..].starts_with(b"!--") {
            match comment_end().find(&html[i..]) {
                Some(end) => i += end + 3,
                None => break,
            }
            continue;
        }
        let closing = html[i] == b'/';
        let start = if closing { i + 1 } else { i };
        let name_len = html[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !html[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[start..start + name_len];
        let tag_end = find_byte(b'>', &html[start + name_len..]).map(|p| start + name_len + p);
        let self_closing = tag_end.is_some_and(|e| e > 0 && html[e - 1] == b'/');
        i = tag_end.map_or(n, |e| e + 1);
        let kind = classify(name);
        if kind == Kind::Uncounted {
            continue;
        }
        if closing {
            // A raw-text element's end tag was reached by skipping its text: its start tag
            // never counted a level, so its end tag closes none.
            if kind != Kind::Raw {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if kind == Kind::Raw {
            if name.eq_ignore_ascii_case(b"plaintext") {
                break;
            }
            match find_end_tag(&html[i..], name) {
                Some(p) => i += p,
                None => break,
            }
            continue;
        }
        if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Void or with an implied end tag: not counted.
    Uncounted,
    /// Text up to its end tag.
    Raw,
    /// Counted.
    Other,
}

/// The kind of a tag name, any case. One lookup per tag: every name in the lists is at most
/// 9 bytes, so a longer name is `Other` without comparing.
fn classify(name: &[u8]) -> Kind {
    let mut buf = [0u8; 9];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return Kind::Other;
    };
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    match &*lower {
        // Elements that never have content.
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"source" | b"track" | b"wbr" | b"param" | b"keygen" => Kind::Uncounted,
        // Elements whose end tag the parser may imply.
        b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th"
        | b"thead" | b"tbody" | b"tfoot" | b"rb" | b"rt" | b"rp" | b"rtc" | b"colgroup"
        | b"caption" | b"html" | b"head" | b"body" => Kind::Uncounted,
        // Elements whose content is text up to their end tag.
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"noscript" | b"plaintext" => Kind::Raw,
        _ => Kind::Other,
    }
}

/// Offset of the first `byte` in `hay`. Tags are often a few bytes apart (`</a></li>`): a plain
/// loop over the first bytes is cheaper than setting up a vector search, which takes over beyond.
fn find_byte(byte: u8, hay: &[u8]) -> Option<usize> {
    const NEAR: usize = 8;
    match hay.iter().take(NEAR).position(|b| *b == byte) {
        Some(p) => Some(p),
        None if hay.len() > NEAR => memchr::memchr(byte, &hay[NEAR..]).map(|p| p + NEAR),
        None => None,
    }
}

/// The searcher for `-->`, built once (building one per comment costs more than most searches).
fn comment_end() -> &'static memchr::memmem::Finder<'static> {
    static F: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    F.get_or_init(|| memchr::memmem::Finder::new(b"-->"))
}

/// Offset of `</name` (any case) in `hay`. Scripts hold many `<` (comparisons) and few `</`.
fn find_end_tag(hay: &[u8], name: &[u8]) -> Option<usize> {
    static OPEN: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let open = OPEN.get_or_init(|| memchr::memmem::Finder::new(b"</"));
    let mut from = 0;
    while let Some(p) = open.find(&hay[from..]) {
        let at = from + p;
        let rest = &hay[at + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::estimate;

    #[test]
    fn skips_comments_raw_text_and_void_elements() {
        assert_eq!(estimate(b"<!-- <div><div> --><div><br><img/></div>"), 1);
        assert_eq!(
            estimate(b"<script>'<div><div><div>'</script><span></span>"),
            1
        );
        assert_eq!(estimate(&b"<ul><li>".repeat(100)), 100);
        assert_eq!(estimate(b"<div/><div/>"), 0);
        assert_eq!(estimate(b"<DIV><Li><BR><Div><TITLE><div></TITLE>"), 2);
        assert_eq!(estimate(b"<plaintextx><div>"), 2);
        assert_eq!(estimate(b"<a-very-long-custom-element><div>"), 2);
        // Raw-text elements neither open nor close a level.
        assert_eq!(
            estimate(b"<div><script>x</script><style></style><title>t</title><div>"),
            2
        );
    }
}
