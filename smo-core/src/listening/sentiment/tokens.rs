//! Tokenisation for sentiment scoring: white-space words with their edge punctuation stripped
//! (emoticons kept whole), emoji replaced by the words of their description, hashtags split
//! into words (CamelCase, digits, underscores) and, in French, elisions split (`n'est` ->
//! `n'` + `est`). Every token keeps the byte range of the text it came from.

use std::borrow::Cow;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::Lang;
use super::lexicon::Lexicons;

/// Where a token comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A word as written.
    Word,
    /// A word of a split hashtag.
    Hashtag,
    /// A word of an emoji's description; the span is the emoji's.
    Emoji,
}

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// As written (for emoji: the description word).
    pub raw: &'a str,
    /// Lower-case, typographic apostrophes made straight.
    pub lower: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
    /// The emoji, for `Origin::Emoji`.
    pub emoji: Option<&'a str>,
    /// Has a letter (a word, not an emoticon or a number).
    pub is_word: bool,
    /// Clause punctuation (`. , ; : ! ? …`) follows the token: modifiers do not act across it.
    pub clause_end: bool,
}

impl Token<'_> {
    /// All capitals: at least one cased letter and no lower-case one (`GOOD`, `LOL!`, not `:)`).
    pub fn is_caps(&self) -> bool {
        let mut upper = false;
        for c in self.raw.chars() {
            if c.is_lowercase() {
                return false;
            }
            upper |= c.is_uppercase();
        }
        upper
    }
}

fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation()
    } else {
        c.general_category_group() == GeneralCategoryGroup::Punctuation
    }
}

/// Lower case, with typographic apostrophes made straight; borrowed when nothing changes.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .collect(),
    )
}

/// The text, and its ASCII lower-case copy when the text is ASCII (the usual case): tokens
/// then borrow their lower case from the copy instead of allocating one each.
#[derive(Clone, Copy)]
struct Src<'a> {
    text: &'a str,
    lower: Option<&'a str>,
}

impl<'a> Src<'a> {
    fn low(&self, start: usize, end: usize) -> Cow<'a, str> {
        match self.lower.and_then(|l| l.get(start..end)) {
            Some(l) => Cow::Borrowed(l),
            None => lower(&self.text[start..end]),
        }
    }
}

/// Whether the emoji table may start at `c` (followed by `next`): any non-ASCII character, or
/// an ASCII one followed by a variation selector or a keycap mark (`#️⃣`).
fn may_start_emoji(c: char, next: Option<char>) -> bool {
    !c.is_ascii() || matches!(next, Some('\u{FE0F}' | '\u{20E3}'))
}

/// The tokens of `text`.
/// `ascii_lower` is `text.to_ascii_lowercase()` when `text` is ASCII, else `None`.
pub(crate) fn tokenize<'a>(
    text: &'a str,
    ascii_lower: Option<&'a str>,
    lang: Lang,
    lex: &'a Lexicons,
) -> Vec<Token<'a>> {
    let src = Src {
        text,
        lower: ascii_lower.filter(|l| l.len() == text.len()),
    };
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunk(src, s, i, lang, lex, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(src, s, text.len(), lang, lex, &mut out);
    }
    for t in &mut out {
        t.is_word = t.origin == Origin::Emoji || t.raw.chars().any(char::is_alphabetic);
    }
    out
}

/// Splits emoji out of a white-space chunk, then tokenises the pieces between them.
fn chunk<'a>(
    src: Src<'a>,
    start: usize,
    end: usize,
    lang: Lang,
    lex: &'a Lexicons,
    out: &mut Vec<Token<'a>>,
) {
    let text = src.text;
    let piece = &text[start..end];
    if piece.is_ascii() {
        word(src, start, end, lang, lex, out);
        return;
    }
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut from = 0; // byte offset in `piece` of the pending text
    let mut k = 0;
    while k < chars.len() {
        let (off, c) = chars[k];
        let next = chars.get(k + 1).map(|p| p.1);
        if may_start_emoji(c, next) {
            if let Some((len, desc)) = longest_emoji(piece, &chars, k, lex) {
                if off > from {
                    word(src, start + from, start + off, lang, lex, out);
                }
                let e_end = chars.get(k + len).map_or(piece.len(), |p| p.0);
                let emoji = &piece[off..e_end];
                for w in desc.split(' ') {
                    let w = w.trim_matches(is_punct);
                    if !w.is_empty() {
                        out.push(Token {
                            raw: w,
                            lower: lower(w),
                            start: start + off,
                            end: start + e_end,
                            origin: Origin::Emoji,
                            emoji: Some(emoji),
                            clause_end: false,
                            is_word: false,
                        });
                    }
                }
                from = e_end;
                k += len;
                continue;
            }
        }
        k += 1;
    }
    if from < piece.len() {
        word(src, start + from, end, lang, lex, out);
    }
}

/// The longest emoji of the table starting at `chars[k]`: its length in characters and its
/// description. Variation selectors the table does not list are absorbed into the emoji.
fn longest_emoji(
    piece: &str,
    chars: &[(usize, char)],
    k: usize,
    lex: &Lexicons,
) -> Option<(usize, &'static str)> {
    let max = lex.emoji_max_chars.min(chars.len() - k);
    for len in (1..=max).rev() {
        let s = chars[k].0;
        let e = chars.get(k + len).map_or(piece.len(), |p| p.0);
        if let Some(desc) = lex.emoji.get(&piece[s..e]) {
            let mut len = len;
            while chars.get(k + len).is_some_and(|p| p.1 == '\u{FE0F}') {
                len += 1;
            }
            return Some((len, desc));
        }
    }
    None
}

/// One white-space word (or a piece between emoji): an emoticon, a hashtag, or a word with its
/// edge punctuation stripped. A piece of punctuation only (`!`, `...`, `«`) is no token.
fn word<'a>(
    src: Src<'a>,
    start: usize,
    end: usize,
    lang: Lang,
    lex: &Lexicons,
    out: &mut Vec<Token<'a>>,
) {
    let raw = &src.text[start..end];
    let trailing = &raw[raw.trim_end_matches(is_punct).len()..];
    if trailing.contains(['.', ',', ';', ':', '!', '?', '…']) {
        let before = out.len();
        word_inner(src, start, end, lang, lex, out);
        // A piece of punctuation alone (`Génial !`) ends the clause of the token before it.
        let produced = out.len() > before;
        if let Some(last) = out.last_mut().filter(|_| produced || raw == trailing) {
            last.clause_end = true;
        }
    } else {
        word_inner(src, start, end, lang, lex, out);
    }
}

fn word_inner<'a>(
    src: Src<'a>,
    start: usize,
    end: usize,
    lang: Lang,
    lex: &Lexicons,
    out: &mut Vec<Token<'a>>,
) {
    let text = src.text;
    let raw = &text[start..end];
    // Emoticons and other lexicon entries written with punctuation (`:)`, `</3`, `(:`) are
    // kept whole; they are English lexicon entries in both languages.
    let low = if raw.chars().any(is_punct) {
        Some(src.low(start, end))
    } else {
        None
    };
    if let Some(low) = low.filter(|l| lex.en.get(l).is_some()) {
        out.push(Token {
            raw,
            lower: low,
            start,
            end,
            origin: Origin::Word,
            emoji: None,
            clause_end: false,
            is_word: false,
        });
        return;
    }
    let trimmed_start = raw.len() - raw.trim_start_matches(is_punct).len();
    let core = raw.trim_matches(is_punct);
    if core.is_empty() {
        return;
    }
    let s = start + trimmed_start;
    let e = s + core.len();
    // A hashtag: `#` right before the word (after stripping, it was leading punctuation).
    if trimmed_start > 0
        && (raw[..trimmed_start].ends_with('#') || raw[..trimmed_start].ends_with('＃'))
    {
        hashtag(src, s, e, out);
        return;
    }
    if lang == Lang::Fr {
        if let Some(cut) = elision(core) {
            out.push(Token {
                raw: &text[s..s + cut],
                lower: src.low(s, s + cut),
                start: s,
                end: s + cut,
                origin: Origin::Word,
                emoji: None,
                clause_end: false,
                is_word: false,
            });
            word_inner(src, s + cut, e, lang, lex, out);
            return;
        }
    }
    out.push(Token {
        raw: core,
        lower: src.low(s, e),
        start: s,
        end: e,
        origin: Origin::Word,
        emoji: None,
        clause_end: false,
        is_word: false,
    });
}

/// Byte length of a French elided prefix with its apostrophe (`n'`, `qu’`), if the word has one
/// and a word follows it. `aujourd'hui` is one word.
fn elision(word: &str) -> Option<usize> {
    let (pos, apos) = word
        .char_indices()
        .find(|(_, c)| *c == '\'' || *c == '\u{2019}')?;
    let cut = pos + apos.len_utf8();
    if cut >= word.len() {
        return None;
    }
    let prefix = lower(&word[..pos]);
    let elided = matches!(
        &*prefix,
        "c" | "d" | "j" | "l" | "m" | "n" | "s" | "t" | "qu" | "jusqu" | "lorsqu" | "puisqu"
    );
    elided.then_some(cut)
}

/// The words of a hashtag body `text[start..end]`: split at underscores and punctuation, at a
/// lower-case -> upper-case step (`LoveThis`), before the last capital of a run followed by a
/// lower-case letter (`HTMLParser` -> `HTML Parser`), and between letters and digits.
fn hashtag<'a>(src: Src<'a>, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let body = &src.text[start..end];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut part_start: Option<usize> = None;
    let push = |s: usize, e: usize, out: &mut Vec<Token<'a>>| {
        if e > s {
            let raw = &body[s..e];
            out.push(Token {
                raw,
                lower: src.low(start + s, start + e),
                start: start + s,
                end: start + e,
                origin: Origin::Hashtag,
                emoji: None,
                clause_end: false,
                is_word: false,
            });
        }
    };
    for (k, &(off, c)) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if let Some(s) = part_start.take() {
                push(s, off, out);
            }
            continue;
        }
        if let Some(s) = part_start {
            let prev = chars[k - 1].1;
            let next = chars.get(k + 1).map(|p| p.1);
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(char::is_lowercase))
                || (prev.is_alphabetic() != c.is_alphabetic());
            if boundary {
                push(s, off, out);
                part_start = Some(off);
            }
        } else {
            part_start = Some(off);
        }
    }
    if let Some(s) = part_start {
        push(s, body.len(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::lexicons;
    use super::*;

    fn words(text: &str, lang: Lang) -> Vec<String> {
        tokenize(text, None, lang, lexicons())
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect()
    }

    #[test]
    fn strips_punctuation_keeps_emoticons() {
        assert_eq!(words("Great!!! :) ok.", Lang::En), ["great", ":)", "ok"]);
        assert_eq!(words("« Génial » !", Lang::Fr), ["génial"]);
        assert_eq!(words("I don’t", Lang::En), ["i", "don't"]);
    }

    #[test]
    fn splits_hashtags() {
        assert_eq!(
            words("#LoveThis #HTMLParser #best2024 #so_good", Lang::En),
            [
                "love", "this", "html", "parser", "best", "2024", "so", "good"
            ]
        );
        let t = tokenize("x #LoveThis", None, Lang::En, lexicons());
        assert_eq!((t[2].start, t[2].end), (7, 11));
        assert_eq!(t[2].origin, Origin::Hashtag);
    }

    #[test]
    fn emoji_become_their_description() {
        let t = tokenize("nice😂!", None, Lang::En, lexicons());
        let w: Vec<_> = t.iter().map(|t| &*t.lower).collect();
        assert_eq!(w, ["nice", "face", "with", "tears", "of", "joy"]);
        assert_eq!((t[1].start, t[1].end), (4, 8));
        assert_eq!(t[5].emoji, Some("😂"));
    }

    #[test]
    fn french_elisions() {
        assert_eq!(
            words("C'est pas génial, aujourd'hui j’adore", Lang::Fr),
            ["c'", "est", "pas", "génial", "aujourd'hui", "j'", "adore"]
        );
        assert_eq!(words("n'est", Lang::En), ["n'est"]);
    }
}
