//! English or French: a count of function words of our own, not a general language detector.
//!
//! smo scores only two languages, so the question is binary. Each word votes at most once:
//! for French if it is a French function word (`le`, `est`, `pas`…), an elided form (`c'est`,
//! `n'`…) or a word with a French accent (é, è, ê, à, ç, ù, û, ô, î, ï, ë, œ, â); for English
//! if it is an English function word or contraction (`the`, `is`, `don't`, `it's`…). Words
//! spelled the same in both (`a`, `on`, `me`, `plus`, `six`…) are in neither list. French wins
//! only with more votes; a tie (including a text with no vote) is English, the language of
//! the larger lexicon (emoji and emoticons are English entries in both). `docs/listening.md`
//! says why this and not the `lingua` crate, with the figures.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::Detection;
use super::Lang;
use super::hash;

type Set = HashSet<&'static str, hash::Build>;

fn sets() -> &'static (Set, Set) {
    static SETS: OnceLock<(Set, Set)> = OnceLock::new();
    SETS.get_or_init(|| {
        (
            FRENCH.iter().copied().collect(),
            ENGLISH.iter().copied().collect(),
        )
    })
}

const FRENCH: &[&str] = &[
    "au", "aux", "avec", "de", "en", "se", "ont", "va", "ça", "ce", "ces", "cet", "cette", "dans",
    "des", "du", "elle", "elles", "est", "et", "être", "eux", "il", "ils", "je", "la", "le", "les",
    "leur", "leurs", "lui", "ma", "mais", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "où",
    "par", "pas", "pour", "qu", "que", "quel", "quelle", "qui", "sa", "sans", "ses", "son", "sont",
    "sur", "ta", "te", "tes", "toi", "ton", "très", "tu", "un", "une", "vos", "votre", "vous", "y",
    "été", "était", "c'est", "j'ai", "avoir", "fait", "comme", "aussi", "trop", "bien", "tout",
    "tous", "rien", "jamais", "encore", "déjà", "chez", "peu", "vraiment", "merci", "oui", "non",
];

const ENGLISH: &[&str] = &[
    "the", "and", "is", "are", "was", "were", "be", "been", "being", "i", "you", "he", "she", "it",
    "we", "they", "my", "your", "his", "her", "our", "their", "this", "that", "these", "those",
    "to", "of", "in", "for", "with", "at", "from", "by", "about", "into", "not", "but", "so",
    "just", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should",
    "what", "when", "who", "why", "how", "all", "get", "got", "if", "or", "up", "out", "no", "yes",
    "very", "really", "today", "love", "like", "good", "great", "day", "now", "too", "than",
    "then", "there", "here", "an", "any", "some", "u", "im", "dont", "cant",
];

const ENGLISH_SUFFIXES: &[&str] = &["n't", "'s", "'m", "'re", "'ve", "'ll", "'d"];
const FRENCH_ELISIONS: &[&str] = &["c'", "d'", "j'", "l'", "m'", "n'", "qu'", "s'", "t'"];

fn french_accent(c: char) -> bool {
    matches!(
        c,
        'é' | 'è'
            | 'ê'
            | 'à'
            | 'ç'
            | 'ù'
            | 'û'
            | 'ô'
            | 'î'
            | 'ï'
            | 'ë'
            | 'œ'
            | 'â'
            | 'É'
            | 'È'
            | 'À'
            | 'Ç'
    )
}

/// The counts for `text` and the language they choose.
pub(super) fn detect(text: &str) -> (Lang, Detection) {
    let mut d = votes(text, false);
    if d.french == d.english {
        d = votes(text, true);
    }
    let lang = if d.french > d.english {
        Lang::Fr
    } else {
        Lang::En
    };
    (lang, d)
}

/// The votes of every word; with `lexicons`, a word found in only one language's valence
/// lexicon also votes for it (the tie-break: `Génial`, `nul`).
fn votes(text: &str, lexicons: bool) -> Detection {
    let lex = super::lexicon::lexicons();
    let (french, english) = sets();
    let mut d = Detection::default();
    for raw in text.split_whitespace() {
        if raw.starts_with(['#', '@']) || raw.contains("://") {
            continue;
        }
        let trimmed =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
        let w: std::borrow::Cow<'_, str> = if trimmed
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            trimmed.into()
        } else {
            trimmed
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .collect::<String>()
                .into()
        };
        if w.is_empty() {
            continue;
        }
        let fr = french.contains(&*w)
            || FRENCH_ELISIONS
                .iter()
                .any(|p| w.starts_with(p) && w.len() > p.len())
            || w.chars().any(french_accent);
        let en = !fr && (english.contains(&*w) || ENGLISH_SUFFIXES.iter().any(|s| w.ends_with(s)));
        let (fr, en) = if lexicons && !fr && !en && w.chars().any(char::is_alphabetic) {
            let (in_fr, in_en) = (lex.fr.get(&w).is_some(), lex.en.get(&w).is_some());
            (in_fr && !in_en, in_en && !in_fr)
        } else {
            (fr, en)
        };
        d.french += u32::from(fr);
        d.english += u32::from(en);
    }
    d
}

/// The language smo would score `text` in, English or French, with the counts behind it.
///
/// ```
/// use smo_core::listening::{Lang, detect_lang};
/// assert_eq!(detect_lang("Je n'aime pas du tout ce produit").0, Lang::Fr);
/// assert_eq!(detect_lang("I don't like this product at all").0, Lang::En);
/// assert_eq!(detect_lang("😂😂").0, Lang::En); // no vote: English
/// ```
pub fn detect_lang(text: &str) -> (Lang, Detection) {
    detect(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_posts() {
        for fr in [
            "Trop bien !",
            "C'est nul",
            "Génial",
            "Pas terrible le service",
            "Livraison rapide, merci",
            "nul",
        ] {
            assert_eq!(detect(fr).0, Lang::Fr, "{fr}");
        }
        for en in ["So good!", "This sucks", "LMAO, AMAZING!", "Can't wait"] {
            assert_eq!(detect(en).0, Lang::En, "{en}");
        }
    }
}
