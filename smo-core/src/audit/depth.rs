//! A byte-level estimate of the deepest element nesting, without building a tree.
//!
//! Browsers cap nesting at 512 (html5ever#788, whatwg/html#3732); pages far past it break
//! tree-building tools and some crawlers. The estimate counts start and end tags of elements
//! that need an end tag, skipping comments, raw-text elements and the elements whose end tag
//! is implied (`p`, `li`, ...), so it stays linear and allocation-free.

/// Elements that never have content.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"param", b"keygen",
];
/// Elements whose end tag the parser may imply: not counted.
const IMPLIED: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"rb",
    b"rt",
    b"rp",
    b"rtc",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];
/// Elements whose content is text up to their end tag.
const RAW: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
    b"plaintext",
];

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
    while let Some(off) = html[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        if i >= n {
            break;
        }
        if html[i..].starts_with(b"!--") {
            match find(&html[i..], b"-->") {
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
        let name: Vec<u8> = html[start..start + name_len]
            .iter()
            .map(u8::to_ascii_lowercase)
            .collect();
        let tag_end = html[start..]
            .iter()
            .position(|&b| b == b'>')
            .map(|p| start + p);
        let self_closing = tag_end.is_some_and(|e| e > 0 && html[e - 1] == b'/');
        i = tag_end.map_or(n, |e| e + 1);
        let name = name.as_slice();
        if VOID.contains(&name) || IMPLIED.contains(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if RAW.contains(&name) {
            if name == b"plaintext" {
                break;
            }
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            let lower: &[u8] = &html[i..];
            match find_ci(lower, &end_tag) {
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

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
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
    }
}
