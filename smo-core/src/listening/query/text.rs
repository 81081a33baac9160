//! How a mention's text becomes tokens, the same way for every query.
//!
//! Words are Unicode word boundaries (UAX #29, `unicode-segmentation`), split again at
//! apostrophes so French elisions match their word (`l'atelier` → `l`, `atelier`). A `#` or `@`
//! right before a word makes it a hashtag or a handle token: `#LinLavé` is the hashtag
//! `linlave`, which the plain term `linlave` also finds, and `#linlave` finds only as a hashtag.
//! Matching folds case (Unicode lower case) and accents (canonical decomposition, combining marks
//! dropped), as SQLite FTS5's `unicode61` tokenizer with `remove_diacritics 2` does; a
//! case-sensitive term (`{Lune}`) compares the word as written, accents included.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A word.
    Word,
    /// A `#hashtag` (the token is the word after `#`).
    Hashtag,
    /// An `@handle` (the token is the word after `@`).
    Handle,
}

/// A token of a text: its byte span (sigil included) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte (the `#` or `@` of a hashtag or handle).
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// Byte offset where the word itself starts (after the sigil).
    pub word: usize,
    /// Word, hashtag or handle.
    pub kind: Kind,
}

/// Folds case and accents: `Lavé` → `lave`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into a reused buffer; ASCII text takes a fast path with the same result.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(
            s.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase),
        );
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut prev_end = 0usize;
    let mut prev_sigil: Option<(usize, Kind)> = None;
    for (at, piece) in text.split_word_bound_indices() {
        let is_word = piece.chars().any(char::is_alphanumeric);
        if !is_word {
            prev_sigil = match piece {
                "#" => Some((at, Kind::Hashtag)),
                "@" => Some((at, Kind::Handle)),
                _ => None,
            };
            prev_end = at + piece.len();
            continue;
        }
        let (kind, start) = match prev_sigil.take() {
            Some((s, k)) if s + 1 == at && prev_end == at => (k, s),
            _ => (Kind::Word, at),
        };
        // Split at apostrophes: `l'atelier` is `l` and `atelier`.
        let mut first = true;
        let mut from = 0usize;
        let bytes_end = piece.len();
        let mut parts: Vec<(usize, usize)> = Vec::new();
        for (i, c) in piece.char_indices() {
            if is_apostrophe(c) {
                if i > from {
                    parts.push((from, i));
                }
                from = i + c.len_utf8();
            }
        }
        if from < bytes_end {
            parts.push((from, bytes_end));
        }
        for (a, b) in parts {
            if !piece[a..b].chars().any(char::is_alphanumeric) {
                continue;
            }
            let (tok_kind, tok_start) = if first {
                (kind, if kind == Kind::Word { at + a } else { start })
            } else {
                (Kind::Word, at + a)
            };
            first = false;
            out.push(Token {
                start: tok_start,
                end: at + b,
                word: at + a,
                kind: tok_kind,
            });
        }
        prev_end = at + piece.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(String, Kind)> {
        tokens(t)
            .iter()
            .map(|k| (fold(&t[k.word..k.end]), k.kind))
            .collect()
    }

    #[test]
    fn words_hashtags_handles_and_elisions() {
        assert_eq!(
            words("L'atelier de @MaisonLune : #LinLavé, qu’il aime!"),
            vec![
                ("l".into(), Kind::Word),
                ("atelier".into(), Kind::Word),
                ("de".into(), Kind::Word),
                ("maisonlune".into(), Kind::Handle),
                ("linlave".into(), Kind::Hashtag),
                ("qu".into(), Kind::Word),
                ("il".into(), Kind::Word),
                ("aime".into(), Kind::Word),
            ]
        );
        assert_eq!(
            words("linge-de-lit 2027 🙂 # lin"),
            vec![
                ("linge".into(), Kind::Word),
                ("de".into(), Kind::Word),
                ("lit".into(), Kind::Word),
                ("2027".into(), Kind::Word),
                ("lin".into(), Kind::Word),
            ]
        );
        let t = tokens("voir #lin");
        assert_eq!((t[1].start, t[1].word, t[1].end), (5, 6, 9));
    }
}
