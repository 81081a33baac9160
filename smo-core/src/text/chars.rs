//! Character classes of the twitter-text grammar, written as functions over `char`.
//!
//! The classes follow the published twitter-text rules (spaces, directional marks, invalid
//! characters, ASCII punctuation, Latin accents, hashtag letters and the URL path and query
//! sets); see `docs/text.md` for where each comes from.

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// White space as twitter-text defines it (Unicode `White_Space` minus a few, plus U+180E).
pub(crate) fn is_space(c: char) -> bool {
    matches!(c,
        '\u{09}'..='\u{0D}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{180E}'
        | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Bidirectional formatting marks, allowed anywhere in a post.
pub(crate) fn is_directional(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that make a post invalid.
pub(crate) fn is_invalid(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

const fn ascii_domain_table() -> [bool; 128] {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric()
            || !(c.is_ascii_punctuation() || c == b' ' || (c >= 0x09 && c <= 0x0D));
        i += 1;
    }
    t
}

static ASCII_DOMAIN: [bool; 128] = ascii_domain_table();

/// Characters that can be part of a domain label.
#[inline]
pub(crate) fn is_domain_char(c: char) -> bool {
    if let Some(&ok) = ASCII_DOMAIN.get(c as usize) {
        return ok;
    }
    !(is_space(c) || is_invalid(c) || is_directional(c))
}

/// Latin letters with diacritics (and combining diacritics) that twitter-text treats as word
/// characters around mentions and in URLs without a protocol.
pub(crate) fn is_latin_accent(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{FF}' | '\u{100}'..='\u{24F}'
        | '\u{253}' | '\u{254}' | '\u{256}' | '\u{257}' | '\u{259}' | '\u{25B}' | '\u{263}'
        | '\u{268}' | '\u{26F}' | '\u{272}' | '\u{289}' | '\u{28B}' | '\u{2BB}'
        | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// A character allowed anywhere in a URL path.
pub(crate) fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '*'
                | '\''
                | ';'
                | ':'
                | '='
                | '+'
                | ','
                | '.'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '\u{2013}'
                | '_'
                | '~'
                | '&'
                | '|'
                | '@'
        )
        || is_cyrillic(c)
        || is_latin_accent(c)
}

/// A character a URL path may end with.
pub(crate) fn is_path_end_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '-' | '=' | '_' | '#' | '/')
        || is_cyrillic(c)
        || is_latin_accent(c)
}

/// A character allowed in a URL query.
pub(crate) fn is_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '?'
                | '*'
                | '\''
                | '@'
                | '('
                | ')'
                | ';'
                | ':'
                | '&'
                | '='
                | '+'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '.'
                | ','
                | '~'
                | '|'
        )
}

/// A character a URL query may end with.
pub(crate) fn is_query_end_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '=' | '#' | '/')
}

/// A letter or mark: a hashtag needs at least one.
pub(crate) fn is_hashtag_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
    )
}

/// A character a hashtag may contain: letters, marks, decimal digits, `_`, the joiners and a few
/// script-specific marks (Hebrew geresh, CJK iteration and prolonged sound marks, Tibetan tsheg,
/// middle dot).
pub(crate) fn is_hashtag_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_hashtag_alpha(c)
        || c.general_category() == GeneralCategory::DecimalNumber
        || matches!(
            c,
            '\u{200C}'
                | '\u{200D}'
                | '\u{A67E}'
                | '\u{05BE}'
                | '\u{05F3}'
                | '\u{05F4}'
                | '\u{FF5E}'
                | '\u{301C}'
                | '\u{309B}'
                | '\u{309C}'
                | '\u{30A0}'
                | '\u{30FB}'
                | '\u{3003}'
                | '\u{0F0B}'
                | '\u{0F0C}'
                | '\u{00B7}'
        )
}

/// The two at signs.
pub(crate) fn is_at(c: char) -> bool {
    c == '@' || c == '\u{FF20}'
}

/// The two hash signs.
pub(crate) fn is_hash(c: char) -> bool {
    c == '#' || c == '\u{FF03}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_domain_char('a') && is_domain_char('あ') && !is_domain_char('.'));
        assert!(!is_domain_char('_') && !is_domain_char('\u{202A}') && !is_domain_char('\u{3000}'));
        assert!(is_hashtag_char('\u{20021}') && is_hashtag_alpha('\u{16F51}'));
        assert!(!is_hashtag_alpha('\u{104A0}') && is_hashtag_char('\u{104A0}'));
        assert!(is_path_char('\u{2013}') && !is_path_end_char('.'));
    }
}
