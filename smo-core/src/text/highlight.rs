//! Hit highlighting: wrapping search hits in a tag inside text that may already hold HTML.
//!
//! Hits are `[start, end)` code-point offsets into the text *without* its markup. A hit that
//! starts and ends in the same run of text is closed there; a hit that runs to the end of the
//! text is closed after any trailing markup. Same behaviour as twitter-text's `hitHighlight`
//! (conformance file `hit_highlighting.yml`).

/// Wraps each hit in `<tag>` … `</tag>`.
///
/// ```
/// use smo_core::text::highlight_hits;
/// assert_eq!(highlight_hits("this is a test", &[(0, 4)], "em"), "<em>this</em> is a test");
/// ```
pub fn highlight_hits(text: &str, hits: &[(usize, usize)], tag: &str) -> String {
    if hits.is_empty() {
        return text.to_owned();
    }
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    // Alternating text and markup chunks, as split on `<` and `>`.
    let chunks: Vec<&str> = text.split(['<', '>']).collect();
    let mut out = String::with_capacity(text.len() + hits.len() * (open.len() + close.len()));
    let mut index = 0usize; // chunk index (even: text, odd: markup)
    let mut chars: Vec<char> = chunks
        .first()
        .map(|c| c.chars().collect())
        .unwrap_or_default();
    let mut before = 0usize; // text characters in earlier chunks
    let mut cursor = 0usize;
    let mut start_here = false;
    let marks = hits.iter().flat_map(|&(s, e)| [s, e]);
    for (k, hit) in marks.enumerate() {
        let mark = if k % 2 == 0 { &open } else { &close };
        let mut placed = false;
        while index < chunks.len() && hit >= before + chars.len() {
            out.extend(&chars[cursor.min(chars.len())..]);
            if start_here && hit == before + chars.len() {
                out.push_str(mark);
                placed = true;
            }
            if let Some(markup) = chunks.get(index + 1) {
                out.push('<');
                out.push_str(markup);
                out.push('>');
            }
            before += chars.len();
            cursor = 0;
            index += 2;
            chars = chunks
                .get(index)
                .map(|c| c.chars().collect())
                .unwrap_or_default();
            start_here = false;
        }
        if !placed && index < chunks.len() {
            let spot = (hit - before).min(chars.len());
            out.extend(&chars[cursor.min(spot)..spot]);
            out.push_str(mark);
            cursor = spot;
            start_here = k % 2 == 0;
            placed = true;
        }
        if !placed {
            out.push_str(mark);
        }
    }
    if index < chunks.len() {
        out.extend(&chars[cursor.min(chars.len())..]);
        for (i, chunk) in chunks.iter().enumerate().skip(index + 1) {
            if i % 2 == 0 {
                out.push_str(chunk);
            } else {
                out.push('<');
                out.push_str(chunk);
                out.push('>');
            }
        }
    }
    out
}
