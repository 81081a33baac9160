//! Emoji sequences, for X's v3 counting (a whole sequence weighs `defaultWeight` once).
//!
//! The grammar is that of Unicode UTS #51 (§1.4.9 `possible emoji sequence`), applied with the
//! character properties of the `unicode-properties` crate (Unicode 16): keycaps, flag pairs,
//! tag sequences, modifier sequences, presentation sequences and ZWJ sequences. A character
//! whose default presentation is text (©, ☺, ↔) counts as an emoji only when it is followed by
//! U+FE0F, a skin-tone modifier, or joined by U+200D. upstream twitter-text (Emoji 11 data)
//! agrees on every conformance case; how X counts emoji newer than that is not documented, so
//! this is smo's choice (`docs/text.md`).

use unicode_properties::{EmojiStatus, UnicodeEmoji};

const VS16: char = '\u{FE0F}';
const ZWJ: char = '\u{200D}';
const KEYCAP: char = '\u{20E3}';

fn is_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007E}').contains(&c)
}

fn has_presentation(c: char) -> bool {
    matches!(
        c.emoji_status(),
        EmojiStatus::EmojiPresentation
            | EmojiStatus::EmojiPresentationAndModifierBase
            | EmojiStatus::EmojiPresentationAndEmojiComponent
            | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent
    )
}

fn is_modifier_base(c: char) -> bool {
    matches!(
        c.emoji_status(),
        EmojiStatus::EmojiModifierBase | EmojiStatus::EmojiPresentationAndModifierBase
    )
}

/// One element of a ZWJ sequence starting at byte `i`: its end and whether it is shown as emoji.
fn element(s: &str, i: usize) -> Option<(usize, bool)> {
    let mut it = s[i..].char_indices().peekable();
    let (_, c) = it.next()?;
    if c.is_ascii() || !c.is_emoji_char() {
        return None;
    }
    let mut end = i + c.len_utf8();
    let mut shown = has_presentation(c);
    if let Some(&(_, n)) = it.peek() {
        if n == VS16 || (is_modifier(n) && is_modifier_base(c)) {
            end += n.len_utf8();
            shown = true;
            it.next();
        }
    }
    // Tag sequence (subdivision flags): tags then CANCEL TAG.
    let mut tags_end = end;
    let mut saw_tag = false;
    for (k, t) in s[end..].char_indices() {
        if is_tag(t) {
            saw_tag = true;
            continue;
        }
        if t == '\u{E007F}' && saw_tag {
            tags_end = end + k + t.len_utf8();
        }
        break;
    }
    if tags_end > end {
        end = tags_end;
        shown = true;
    }
    Some((end, shown))
}

/// Length in bytes of the emoji sequence starting at byte `i` of `s`, if one does.
pub(crate) fn emoji_len(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let mut chars = rest.chars();
    let c = chars.next()?;
    if c.is_ascii() {
        if !(c.is_ascii_digit() || c == '#' || c == '*') {
            return None;
        }
        let mut n = 1;
        let mut next = chars.next();
        if next == Some(VS16) {
            n += VS16.len_utf8();
            next = chars.next();
        }
        return (next == Some(KEYCAP)).then_some(n + KEYCAP.len_utf8());
    }
    // No emoji between Latin-1 and U+203C (but © and ®), nor between U+3300 and U+1F000: most
    // text (Latin, Arabic, Indic, CJK, Hangul) is rejected without a table look-up.
    let cp = c as u32;
    if (cp < 0x203C && cp != 0xA9 && cp != 0xAE) || (0x3300..0x1F000).contains(&cp) {
        return None;
    }
    if is_regional(c) {
        let n = c.len_utf8();
        return Some(match chars.next() {
            Some(d) if is_regional(d) => n + d.len_utf8(),
            _ => n,
        });
    }
    let (mut end, mut shown) = element(s, i)?;
    while s[end..].starts_with(ZWJ) {
        match element(s, end + ZWJ.len_utf8()) {
            Some((e, _)) => {
                end = e;
                shown = true;
            }
            None => break,
        }
    }
    shown.then_some(end - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(s: &str) -> Option<usize> {
        emoji_len(s, 0)
    }

    #[test]
    fn sequences() {
        assert_eq!(len("👨‍👩‍👧‍👦x"), Some("👨‍👩‍👧‍👦".len()));
        assert_eq!(len("🙋🏽!"), Some("🙋🏽".len()));
        assert_eq!(len("1⃣"), Some(4));
        assert_eq!(len("1️⃣"), Some(7));
        assert_eq!(len("🇫🇷"), Some(8));
        assert_eq!(len("🏴󠁧󠁢󠁥󠁮󠁧󠁿"), Some("🏴󠁧󠁢󠁥󠁮󠁧󠁿".len()));
        assert_eq!(len("©"), None);
        assert_eq!(len("©️"), Some(5));
        assert_eq!(len("a"), None);
        assert_eq!(len("1"), None);
        assert_eq!(len("✌🏿"), Some("✌🏿".len()));
    }
}
