//! Thread splitting: a long text cut into posts that each fit the network.
//!
//! Cuts prefer, in order, a paragraph break, a line break, the end of a sentence, a space, and
//! only then any grapheme (or, for text made of a single enormous grapheme, code point)
//! boundary; a cut never falls inside a URL, mention, hashtag or cashtag. With numbering, each
//! post gets ` i/n` and its budget is reserved before cutting. The parts' `text` fields joined
//! give back the input exactly; `post` is what to publish (the part without its surrounding
//! white space, plus the number).

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Error, Result};
use crate::network::Network;
use crate::text::{self, CountOptions, Field, TextPosition, count_field};

/// Options of [`split_thread`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadOptions {
    /// Append ` i/n` to each post.
    pub numbering: bool,
    /// Counting options (X configuration, Mastodon instance limit).
    pub count: CountOptions,
}

impl Default for ThreadOptions {
    fn default() -> Self {
        ThreadOptions {
            numbering: true,
            count: CountOptions::default(),
        }
    }
}

/// One post of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreadPart {
    /// 1-based position in the thread.
    pub index: u32,
    /// Number of posts in the thread.
    pub total: u32,
    /// The slice of the input this part covers (joined, the parts give back the input).
    pub text: String,
    /// The text to publish: the slice trimmed, plus ` i/n` when numbered.
    pub post: String,
    /// Where the slice starts in the input.
    pub start: TextPosition,
    /// Where it ends (exclusive).
    pub end: TextPosition,
    /// Length of `post` in the network's unit.
    pub length: u64,
    /// The network's limit.
    pub limit: u64,
}

/// Networks that have threads.
pub const THREAD_NETWORKS: [Network; 4] = [
    Network::X,
    Network::Bluesky,
    Network::Mastodon,
    Network::Threads,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    Paragraph,
    Line,
    Sentence,
    Word,
    Grapheme,
    CodePoint,
}

fn sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।')
}

/// Cut candidates in `text[from..to]`, each with its class, sorted by position.
fn candidates(
    text: &str,
    from: usize,
    to: usize,
    protected: &[(usize, usize)],
) -> Vec<(usize, Break)> {
    let inside = |c: usize| protected.iter().any(|&(s, e)| s < c && c < e);
    let mut out: Vec<(usize, Break)> = Vec::new();
    let slice = &text[from..to];
    let mut chars = slice.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((k, c)) = chars.next() {
        if c.is_whitespace() {
            let mut newlines = usize::from(c == '\n');
            let mut end = k + c.len_utf8();
            while let Some(&(k2, c2)) = chars.peek() {
                if !c2.is_whitespace() {
                    break;
                }
                newlines += usize::from(c2 == '\n');
                end = k2 + c2.len_utf8();
                chars.next();
            }
            let class = match (newlines, prev) {
                (n, _) if n >= 2 => Break::Paragraph,
                (1, _) => Break::Line,
                (_, Some(p)) if sentence_end(p) || matches!(p, '"' | '»' | ')' | '”') => {
                    Break::Sentence
                }
                _ => Break::Word,
            };
            out.push((from + end, class));
            prev = Some(c);
            continue;
        }
        if matches!(c, '。' | '！' | '？') {
            out.push((from + k + c.len_utf8(), Break::Sentence));
        }
        prev = Some(c);
    }
    for (k, _) in slice.grapheme_indices(true).skip(1) {
        out.push((from + k, Break::Grapheme));
    }
    for (k, _) in slice.char_indices().skip(1) {
        out.push((from + k, Break::CodePoint));
    }
    out.push((to, Break::Paragraph));
    out.retain(|&(c, _)| !inside(c));
    out.sort();
    out.dedup_by_key(|x| x.0);
    out
}

fn suffix(i: usize, n: usize) -> String {
    format!(" {i}/{n}")
}

/// Splits `text` into posts for `network` (X, Bluesky, Mastodon or Threads).
///
/// ```
/// use smo_core::{Network, thread::{ThreadOptions, split_thread}};
/// let text = "Première idée, assez longue pour remplir un post. ".repeat(12);
/// let parts = split_thread(&text, Network::X, &ThreadOptions::default())?;
/// assert!(parts.len() > 1);
/// assert_eq!(parts.iter().map(|p| p.text.as_str()).collect::<String>(), text);
/// assert!(parts[0].post.ends_with(&format!(" 1/{}", parts.len())));
/// assert!(parts.iter().all(|p| p.length <= p.limit));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn split_thread(
    text: &str,
    network: Network,
    options: &ThreadOptions,
) -> Result<Vec<ThreadPart>> {
    if !THREAD_NETWORKS.contains(&network) {
        return Err(Error::Argument {
            name: "network".into(),
            message: format!("{network} has no threads: use x, bluesky, mastodon or threads"),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Argument {
            name: "text".into(),
            message: "the text is empty: there is nothing to split".into(),
        });
    }
    let measure = |post: &str| count_field(post, network, Field::Post, &options.count);
    let whole = measure(text.trim())?;
    if whole.valid {
        return Ok(vec![part(
            text,
            0,
            text.len(),
            1,
            1,
            text.trim().to_owned(),
            whole.length,
            whole.limit,
        )]);
    }
    let protected: Vec<(usize, usize)> = text::extract_entities(text)
        .iter()
        .map(|e| (e.start_byte as usize, e.end_byte as usize))
        .collect();
    let mut digits = 1;
    loop {
        let reserve = if options.numbering {
            format!(" {}/{}", "9".repeat(digits), "9".repeat(digits))
        } else {
            String::new()
        };
        let cuts = cut(
            text,
            &protected,
            |s| Ok(measure(&format!("{s}{reserve}"))?.valid),
            network,
        )?;
        let n = cuts.len();
        if options.numbering && n.to_string().len() > digits {
            digits += 1;
            continue;
        }
        let mut parts = Vec::with_capacity(n);
        let mut start = 0;
        for (i, &end) in cuts.iter().enumerate() {
            let body = text[start..end].trim();
            let post = if options.numbering {
                format!("{body}{}", suffix(i + 1, n))
            } else {
                body.to_owned()
            };
            let counted = measure(&post)?;
            parts.push(part(
                text,
                start,
                end,
                i + 1,
                n,
                post,
                counted.length,
                counted.limit,
            ));
            start = end;
        }
        return Ok(parts);
    }
}

#[allow(clippy::too_many_arguments)]
fn part(
    text: &str,
    start: usize,
    end: usize,
    i: usize,
    n: usize,
    post: String,
    length: u64,
    limit: u64,
) -> ThreadPart {
    ThreadPart {
        index: i as u32,
        total: n as u32,
        text: text[start..end].to_owned(),
        post,
        start: TextPosition::at(text, start),
        end: TextPosition::at(text, end),
        length,
        limit,
    }
}

/// The end of each part.
fn cut(
    text: &str,
    protected: &[(usize, usize)],
    fits: impl Fn(&str) -> Result<bool>,
    network: Network,
) -> Result<Vec<usize>> {
    let mut ends = Vec::new();
    let mut start = 0;
    while start < text.len() {
        if text[start..].trim().is_empty() {
            // Trailing white space joins the last part.
            if let Some(last) = ends.last_mut() {
                *last = text.len();
            }
            break;
        }
        let mut window = 4096usize;
        let end = loop {
            let to = floor_boundary(text, (start + window).min(text.len()));
            let cands: Vec<(usize, Break)> = candidates(text, start, to, protected)
                .into_iter()
                .filter(|&(c, _)| c > start && !text[start..c].trim().is_empty())
                .collect();
            // Largest fitting candidate overall (binary search: longer text never counts less).
            let fit = |k: usize| fits(text[start..cands[k].0].trim());
            let (mut lo, mut hi) = (0usize, cands.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if fit(mid)? {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo == cands.len() && to < text.len() {
                window *= 4;
                continue;
            }
            if lo == 0 {
                let what = if protected.iter().any(|&(s, e)| s <= start + 1 && start < e) {
                    "URL, mention or hashtag"
                } else {
                    "text"
                };
                return Err(Error::Invalid {
                    path: "text".into(),
                    message: format!(
                        "cannot split at byte {start}: the {what} there is longer than a whole {network} post; shorten it"
                    ),
                });
            }
            let best = cands[lo - 1].0;
            // Prefer the best class whose cut keeps at least half of what fits; never split a
            // grapheme unless the text has no other boundary.
            let floor = start + (best - start) / 2;
            let pick = |class: Break, min: usize| {
                cands[..lo]
                    .iter()
                    .rev()
                    .find(|(c, k)| *k <= class && *c >= min)
                    .map(|(c, _)| *c)
            };
            let chosen = [Break::Paragraph, Break::Line, Break::Sentence, Break::Word]
                .into_iter()
                .find_map(|class| pick(class, floor))
                .or_else(|| pick(Break::Grapheme, 0))
                .unwrap_or(best);
            break chosen;
        };
        ends.push(end);
        start = end;
    }
    Ok(ends)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_splits_entities_and_joins_back() {
        let text = format!(
            "{} https://example.com/a-long-path #MaisonLune @lune {}",
            "mot ".repeat(60),
            "fin ".repeat(80)
        );
        for n in THREAD_NETWORKS {
            let parts = split_thread(&text, n, &ThreadOptions::default()).unwrap();
            assert_eq!(
                parts.iter().map(|p| p.text.as_str()).collect::<String>(),
                text
            );
            for p in &parts {
                assert!(p.length <= p.limit, "{n}: {p:?}");
                assert!(
                    !p.post.contains("https://example.com/a-long-path #")
                        || p.post.contains("#MaisonLune")
                );
            }
            assert!(
                parts
                    .iter()
                    .any(|p| p.post.contains("https://example.com/a-long-path"))
            );
        }
    }

    #[test]
    fn prefers_paragraphs() {
        let para = "Une phrase. ".repeat(15);
        let text = format!("{para}\n\n{para}");
        let parts = split_thread(
            &text,
            Network::X,
            &ThreadOptions {
                numbering: false,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(parts.len(), 2);
        assert!(parts[0].text.ends_with("\n\n"));
    }

    #[test]
    fn rejects_unsplittable_and_wrong_networks() {
        assert!(split_thread("x", Network::Instagram, &ThreadOptions::default()).is_err());
        assert!(split_thread("  ", Network::X, &ThreadOptions::default()).is_err());
        let marks = "\u{301}".repeat(400);
        // A lone run of combining marks is one grapheme: Bluesky cannot split it, X can by code point.
        assert!(split_thread(&marks, Network::X, &ThreadOptions::default()).is_ok());
    }
}
