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
    /// Has a letter (a word, not an emoticon or a number); every emoji word is one.
    pub is_word: bool,
    /// Clause punctuation (`. , ; : ! ? …`) follows the token: modifiers do not act across it.
    pub clause_end: bool,
    /// All capitals as written (see [`Token::is_caps`]).
    caps: bool,
    /// `lower` is known to be ASCII (no accent to fold when it is looked up); `false` when
    /// not known.
    pub ascii: bool,
}

impl<'a> Token<'a> {
    /// A token, with its letter flags read once from `raw` (the rules ask for them several
    /// times).
    fn new(
        raw: &'a str,
        lower: Cow<'a, str>,
        (start, end): (usize, usize),
        origin: Origin,
        emoji: Option<&'a str>,
    ) -> Self {
        let (letter, caps, ascii) = letters(raw);
        Token {
            raw,
            lower,
            start,
            end,
            origin,
            emoji,
            is_word: origin == Origin::Emoji || letter,
            clause_end: false,
            caps,
            ascii,
        }
    }

    /// All capitals: at least one cased letter and no lower-case one (`GOOD`, `LOL!`, not `:)`).
    pub fn is_caps(&self) -> bool {
        self.caps
    }
}

/// Whether `raw` has a letter, whether it is all capitals (an upper-case letter and no
/// lower-case one), and whether it is ASCII, in one pass; ASCII bytes are read without decoding
/// (for them `is_alphabetic`, `is_uppercase` and `is_lowercase` are the ASCII tests).
fn letters(raw: &str) -> (bool, bool, bool) {
    let (mut letter, mut upper, mut lower) = (false, false, false);
    let ascii = raw.is_ascii();
    if ascii {
        for b in raw.bytes() {
            upper |= b.is_ascii_uppercase();
            lower |= b.is_ascii_lowercase();
        }
        letter = upper || lower;
    } else {
        for c in raw.chars() {
            letter |= c.is_alphabetic();
            upper |= c.is_uppercase();
            lower |= c.is_lowercase();
        }
    }
    (letter, upper && !lower, ascii)
}

fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation()
    } else {
        c.general_category_group() == GeneralCategoryGroup::Punctuation
    }
}

/// Whether `s` has a punctuation character; ASCII text is read as bytes.
fn has_punct(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_punctuation())
    } else {
        s.chars().any(is_punct)
    }
}

/// `s.trim_start_matches(is_punct)`, testing ASCII bytes without decoding them.
fn trim_start_punct(s: &str) -> &str {
    let mut rest = s;
    while let Some(&b) = rest.as_bytes().first() {
        let len = if b.is_ascii() {
            if !b.is_ascii_punctuation() {
                break;
            }
            1
        } else {
            match rest.chars().next() {
                Some(c) if is_punct(c) => c.len_utf8(),
                _ => break,
            }
        };
        rest = &rest[len..];
    }
    rest
}

/// `s.trim_end_matches(is_punct)`, testing ASCII bytes without decoding them.
fn trim_end_punct(s: &str) -> &str {
    let mut rest = s;
    while let Some(&b) = rest.as_bytes().last() {
        let len = if b.is_ascii() {
            if !b.is_ascii_punctuation() {
                break;
            }
            1
        } else {
            match rest.chars().next_back() {
                Some(c) if is_punct(c) => c.len_utf8(),
                _ => break,
            }
        };
        rest = &rest[..rest.len() - len];
    }
    rest
}

/// Byte classes, for the one pass that splits a text on white space: what a chunk's bytes were
/// tells whether it is a plain word, which needs none of the rest of the tokeniser.
const SPACE: u8 = 1;
const PUNCT: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
/// A byte of a non-ASCII character: the character is decoded.
const OTHER: u8 = 16;

/// The class of every byte. ASCII white space is what `char::is_whitespace` says of it (tab
/// to carriage return, and space); ASCII punctuation is what `is_punct` says of it.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if !b.is_ascii() {
            OTHER
        } else if matches!(b, b'\t'..=b'\r' | b' ') {
            SPACE
        } else if b.is_ascii_punctuation() {
            PUNCT
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER
        } else {
            0
        };
        i += 1;
    }
    t
};

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

/// The text, and its ASCII lower-case copy (`str::to_ascii_lowercase`: other characters are
/// kept as they are): an ASCII token borrows its lower case from the copy instead of
/// allocating one, and only a token with other characters goes through [`lower`].
#[derive(Clone, Copy)]
struct Src<'a> {
    text: &'a str,
    lower: Option<&'a str>,
    /// The whole text is ASCII: no token needs the check.
    ascii: bool,
}

impl<'a> Src<'a> {
    fn low(&self, start: usize, end: usize) -> Cow<'a, str> {
        let raw = &self.text[start..end];
        match self.lower.and_then(|l| l.get(start..end)) {
            Some(l) if self.ascii || raw.is_ascii() => Cow::Borrowed(l),
            _ => lower(raw),
        }
    }
}

/// Whether the emoji table may start at `c` (followed by `next`): any non-ASCII character, or
/// an ASCII one followed by a variation selector or a keycap mark (`#️⃣`).
fn may_start_emoji(c: char, next: Option<char>) -> bool {
    !c.is_ascii() || matches!(next, Some('\u{FE0F}' | '\u{20E3}'))
}

/// The tokens of `text`, appended to `out`.
/// `ascii_lower` is `text.to_ascii_lowercase()` (or `None`: each token is lowered on its own).
pub(crate) fn tokenize<'a>(
    text: &'a str,
    ascii_lower: Option<&'a str>,
    lang: Lang,
    lex: &'a Lexicons,
    out: &mut Vec<Token<'a>>,
) {
    let src = Src {
        text,
        lower: ascii_lower.filter(|l| l.len() == text.len()),
        ascii: text.is_ascii(),
    };
    out.reserve(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // One chunk, up to the next white space, with the classes of its bytes.
        let start = i;
        let mut seen = 0;
        while i < n {
            let class = CLASS[usize::from(bytes[i])];
            if class & (SPACE | OTHER) == 0 {
                seen |= class;
                i += 1;
            } else if class & SPACE != 0 {
                break;
            } else {
                // A non-ASCII character: white space, or a character of the chunk.
                let (space, len) = text[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()));
                if space {
                    break;
                }
                seen |= OTHER;
                i += len;
            }
        }
        if i > start {
            split(src, start, i, seen, lang, lex, out);
        }
        // The white space character that ended the chunk.
        if i < n {
            i += if bytes[i].is_ascii() {
                1
            } else {
                text[i..].chars().next().map_or(1, char::len_utf8)
            };
        }
    }
}

/// One white-space chunk whose bytes had the classes `seen`. Most are plain ASCII words
/// (letters and digits, no punctuation): the tokeniser would keep them whole (no edge
/// punctuation, emoticon, hashtag, elision or emoji), so they are pushed at once, their letter
/// flags already known; any other chunk goes through [`chunk`].
fn split<'a>(
    src: Src<'a>,
    start: usize,
    end: usize,
    seen: u8,
    lang: Lang,
    lex: &'a Lexicons,
    out: &mut Vec<Token<'a>>,
) {
    if seen & OTHER != 0 {
        chunk(src, start, end, lang, lex, out);
        return;
    }
    if seen & PUNCT != 0 {
        ascii_word(src, start, end, lang, lex, out);
        return;
    }
    let raw = &src.text[start..end];
    let lower = match src.lower.and_then(|l| l.get(start..end)) {
        Some(l) => Cow::Borrowed(l),
        None => lower(raw),
    };
    out.push(Token {
        raw,
        lower,
        start,
        end,
        origin: Origin::Word,
        emoji: None,
        is_word: seen & (UPPER | LOWER) != 0,
        clause_end: false,
        caps: seen & UPPER != 0 && seen & LOWER == 0,
        ascii: true,
    });
}

/// An ASCII chunk with punctuation (`day!`, `don't`, `@user`, `:)`): what [`word`] does with
/// it, reading its bytes once. The emoticon lookup of the whole chunk is made only when the
/// lexicon has a key with punctuation that starts and ends with the chunk's bytes
/// ([`Lexicons::may_be_emoticon`]); a hashtag, or a French word with an apostrophe (an
/// elision), goes through [`word`].
fn ascii_word<'a>(
    src: Src<'a>,
    start: usize,
    end: usize,
    lang: Lang,
    lex: &Lexicons,
    out: &mut Vec<Token<'a>>,
) {
    let b = &src.text.as_bytes()[start..end];
    let is_punct = |c: u8| CLASS[usize::from(c)] & PUNCT != 0;
    // The bytes are not white space and there is at least one: `first` and `last` exist.
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return;
    };
    let lead = b.iter().position(|&c| !is_punct(c)).unwrap_or(b.len());
    let core_end = b.iter().rposition(|&c| !is_punct(c)).map_or(0, |p| p + 1);
    // Clause punctuation after the word ends its clause (and, after punctuation alone, the
    // clause of the token before it).
    let clause = b[core_end..]
        .iter()
        .any(|c| matches!(c, b'.' | b',' | b';' | b':' | b'!' | b'?'));
    if lex.may_be_emoticon(first.to_ascii_lowercase(), last.to_ascii_lowercase()) {
        let low = src.low(start, end);
        if lex.en.get(&low).is_some() {
            let raw = &src.text[start..end];
            let mut t = Token::new(raw, low, (start, end), Origin::Word, None);
            t.clause_end = clause;
            out.push(t);
            return;
        }
    }
    if lead == b.len() {
        // Punctuation alone (`!`) is no token.
        if clause {
            if let Some(t) = out.last_mut() {
                t.clause_end = true;
            }
        }
        return;
    }
    let core = &b[lead..core_end];
    if (lead > 0 && b[lead - 1] == b'#') || (lang == Lang::Fr && core.contains(&b'\'')) {
        word(src, start, end, lang, lex, out);
        return;
    }
    let (s, e) = (start + lead, start + core_end);
    let mut seen = 0;
    for &c in core {
        seen |= CLASS[usize::from(c)];
    }
    let raw = &src.text[s..e];
    let lower = match src.lower.and_then(|l| l.get(s..e)) {
        Some(l) => Cow::Borrowed(l),
        None => lower(raw),
    };
    out.push(Token {
        raw,
        lower,
        start: s,
        end: e,
        origin: Origin::Word,
        emoji: None,
        is_word: seen & (UPPER | LOWER) != 0,
        clause_end: clause,
        caps: seen & UPPER != 0 && seen & LOWER == 0,
        ascii: true,
    });
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
                        out.push(Token::new(
                            w,
                            lower(w),
                            (start + off, start + e_end),
                            Origin::Emoji,
                            Some(emoji),
                        ));
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
    let trailing = &raw[trim_end_punct(raw).len()..];
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
    let low = if has_punct(raw) {
        Some(src.low(start, end))
    } else {
        None
    };
    if let Some(low) = low.filter(|l| lex.en.get(l).is_some()) {
        out.push(Token::new(raw, low, (start, end), Origin::Word, None));
        return;
    }
    let after_start = trim_start_punct(raw);
    let trimmed_start = raw.len() - after_start.len();
    let core = trim_end_punct(after_start);
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
            out.push(Token::new(
                &text[s..s + cut],
                src.low(s, s + cut),
                (s, s + cut),
                Origin::Word,
                None,
            ));
            word_inner(src, s + cut, e, lang, lex, out);
            return;
        }
    }
    out.push(Token::new(core, src.low(s, e), (s, e), Origin::Word, None));
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
    const ELIDED: [&str; 12] = [
        "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
    ];
    let prefix = &word[..pos];
    // An ASCII prefix is compared without lowering it into a new string (`C'est`).
    let elided = if prefix.is_ascii() {
        ELIDED.iter().any(|e| prefix.eq_ignore_ascii_case(e))
    } else {
        ELIDED.contains(&&*lower(prefix))
    };
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
            out.push(Token::new(
                &body[s..e],
                src.low(start + s, start + e),
                (start + s, start + e),
                Origin::Hashtag,
                None,
            ));
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

    fn tokens(text: &str, lang: Lang) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        tokenize(text, None, lang, lexicons(), &mut out);
        out
    }

    fn words(text: &str, lang: Lang) -> Vec<String> {
        tokens(text, lang)
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
        let t = tokens("x #LoveThis", Lang::En);
        assert_eq!((t[2].start, t[2].end), (7, 11));
        assert_eq!(t[2].origin, Origin::Hashtag);
    }

    #[test]
    fn emoji_become_their_description() {
        let t = tokens("nice😂!", Lang::En);
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
