//! The sentiment data: smo's own lexicon and rule files, embedded with `include_str!` and parsed
//! once, on first use.
//!
//! The lexicon files (`smo-core/data/sentiment/{en,fr,emoji}.tsv`) are written by
//! `smo-core/data/sentiment/build.py` from the VADER lexicon and emoji table (MIT) and from
//! pattern-fr (PDDL); each starts with `# key: value` header lines naming its source, licence and
//! content hashes. The rule files (`rules-en.tsv`, `rules-fr.tsv`: boosters, dampeners, negators,
//! contrast words) are written by hand for smo. Parsing borrows every key from the embedded
//! text: the only allocations are the hash tables and the accent-folded French keys.

use std::borrow::Cow;
use std::collections::HashMap as StdHashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Lang;
use super::hash::{self, Short, ShortTable};

/// Tables keyed by short words, hashed 8 bytes at a time (static keys: see `hash`).
type HashMap<K, V> = StdHashMap<K, V, hash::Build>;

const EN: &str = include_str!("../../../data/sentiment/en.tsv");
const FR: &str = include_str!("../../../data/sentiment/fr.tsv");
const EMOJI: &str = include_str!("../../../data/sentiment/emoji.tsv");
const RULES_EN: &str = include_str!("../../../data/sentiment/rules-en.tsv");
const RULES_FR: &str = include_str!("../../../data/sentiment/rules-fr.tsv");

/// What a modifier word does (a word may do two things: French `plus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Kinds(u8);

impl Kinds {
    pub const BOOSTER: u8 = 1;
    pub const DAMPENER: u8 = 2;
    pub const NEGATOR: u8 = 4;
    pub const NEGATOR_WITH_NE: u8 = 8;
    pub const CONTRAST: u8 = 16;

    pub fn has(self, kind: u8) -> bool {
        self.0 & kind != 0
    }

    pub fn any(self) -> bool {
        self.0 != 0
    }

    fn of(name: &str) -> Option<u8> {
        Some(match name {
            "booster" => Self::BOOSTER,
            "dampener" => Self::DAMPENER,
            "negator" => Self::NEGATOR,
            "negator-with-ne" => Self::NEGATOR_WITH_NE,
            "contrast" => Self::CONTRAST,
            _ => return None,
        })
    }
}

/// The header of a data file: `# version: ...` and `# data-sha256: ...`.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileInfo {
    pub version: &'static str,
    pub data_sha256: &'static str,
}

/// A valence table: lower-case key -> valence on VADER's -4..+4 scale.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub info: FileInfo,
    words: HashMap<&'static str, f64>,
    /// Keys without their accents, for text typed without them (French only); a folded key
    /// that two entries share is left out, so folding never picks between two words.
    folded: HashMap<String, (&'static str, f64)>,
    /// Rows that could not be read (a unit test keeps this at zero).
    pub bad_rows: usize,
}

impl Table {
    /// The valence of `key` (already lower-case), and the key matched.
    pub fn get(&self, key: &str) -> Option<(&'static str, f64)> {
        if let Some((k, v)) = self.words.get_key_value(key) {
            return Some((*k, *v));
        }
        if self.folded.is_empty() || key.is_ascii() {
            return self.folded.get(key).map(|(k, v)| (*k, *v));
        }
        self.folded.get(&fold(key)).map(|(k, v)| (*k, *v))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// Words and two-word phrases with their modifier kinds.
#[derive(Debug, Default)]
pub(crate) struct Rules {
    pub info: FileInfo,
    single: HashMap<&'static str, Kinds>,
    /// First word -> (second word, kinds).
    pairs: HashMap<&'static str, Vec<(&'static str, Kinds)>>,
    /// Accent-folded single words (`tres`), read only after an exact miss.
    folded_single: Vec<(String, Kinds)>,
    pub bad_rows: usize,
}

impl Rules {
    #[cfg(test)]
    pub fn word(&self, w: &str) -> Kinds {
        if let Some(k) = self.single.get(w) {
            return *k;
        }
        if w.is_ascii() && !self.folded_single.is_empty() {
            let mut kinds = Kinds::default();
            for (f, k) in &self.folded_single {
                if f == w {
                    kinds.0 |= k.0;
                }
            }
            return kinds;
        }
        Kinds::default()
    }

    /// The kinds of the phrase `first second`, if it is one.
    pub fn pair(&self, first: &str, second: &str) -> Kinds {
        self.pairs
            .get(first)
            .and_then(|v| v.iter().find(|(s, _)| *s == second))
            .map(|(_, k)| *k)
            .unwrap_or_default()
    }
}

/// What smo knows of one lower-case word in one language: its valence and its modifier kinds,
/// found with a single hash lookup on the scoring path.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Word {
    /// The lexicon key and its valence.
    pub valence: Option<(&'static str, f64)>,
    /// Booster, dampener, negator, contrast...
    pub kinds: Kinds,
    /// Whether a two-word modifier starts with this word (`kind` of, `par` contre).
    pub pair_start: bool,
}

/// Every word of a language's lexicon and rules, with the accent-folded forms (`tres`, `decu`)
/// where they name no other word. Words of up to 16 bytes (all but a few dozen keys, and nearly
/// every token) are found through a [`ShortTable`] of packed keys; longer ones in a hash map.
#[derive(Debug, Default)]
pub(crate) struct Index {
    short: ShortTable,
    /// The words of `short`, by number.
    words: Vec<Word>,
    long: HashMap<Cow<'static, str>, Word>,
}

impl Index {
    fn build(table: &Table, rules: &Rules) -> Index {
        let mut map: HashMap<Cow<'static, str>, Word> = HashMap::default();
        for (k, v) in &table.words {
            map.entry(Cow::Borrowed(*k)).or_default().valence = Some((*k, *v));
        }
        for (k, kinds) in &rules.single {
            map.entry(Cow::Borrowed(*k)).or_default().kinds = *kinds;
        }
        for k in rules.pairs.keys() {
            map.entry(Cow::Borrowed(*k)).or_default().pair_start = true;
        }
        for (f, (k, v)) in &table.folded {
            let w = map.entry(Cow::Owned(f.clone())).or_default();
            if w.valence.is_none() {
                w.valence = Some((*k, *v));
            }
        }
        for (f, kinds) in &rules.folded_single {
            let w = map.entry(Cow::Owned(f.clone())).or_default();
            if !rules.single.contains_key(f.as_str()) {
                w.kinds.0 |= kinds.0;
            }
        }
        let (short, long): (Vec<_>, Vec<_>) = map
            .into_iter()
            .partition(|(k, _)| Short::of(k.as_bytes()).is_some());
        let table = ShortTable::new(
            short
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.as_bytes(), i as u32)),
        );
        Index {
            short: table,
            words: short.iter().map(|(_, w)| *w).collect(),
            long: long.into_iter().collect(),
        }
    }

    /// The word as written (no accent folding).
    #[inline]
    pub fn exact(&self, w: &str) -> Option<&Word> {
        match Short::of(w.as_bytes()) {
            Some(k) => self.short.get(k).and_then(|i| self.words.get(i as usize)),
            None => self.long.get(w),
        }
    }

    /// The word, or its accent-folded form.
    #[cfg(test)]
    pub fn get(&self, w: &str) -> Option<&Word> {
        self.get_known(w, w.is_ascii())
    }

    /// [`Index::get`] for a caller that knows whether `w` is ASCII (an ASCII word has no
    /// accent to fold).
    #[inline]
    pub fn get_known(&self, w: &str, ascii: bool) -> Option<&Word> {
        match self.exact(w) {
            Some(found) => Some(found),
            None if !ascii => self.exact(fold(w).as_str()),
            None => None,
        }
    }
}

/// Every table, parsed once.
#[derive(Debug)]
pub(crate) struct Lexicons {
    pub en: Table,
    pub fr: Table,
    pub emoji: HashMap<&'static str, &'static str>,
    /// Longest emoji key, in characters.
    pub emoji_max_chars: usize,
    #[cfg_attr(not(test), allow(dead_code))]
    pub emoji_bad_rows: usize,
    pub rules_en: Rules,
    pub rules_fr: Rules,
    pub index_en: Index,
    pub index_fr: Index,
    /// The (first byte, last byte) pairs of the English keys with an ASCII punctuation
    /// character (emoticons, `j/k`, `cover-up`), a bit each: see [`Lexicons::may_be_emoticon`].
    emoticon_ends: Box<[u64; 1024]>,
    /// `en-1 (sha256 …) + emoji-1 (…) + rules-en-1` and the French counterpart.
    pub version_en: String,
    pub version_fr: String,
}

impl Lexicons {
    pub fn index(&self, lang: Lang) -> &Index {
        match lang {
            Lang::En => &self.index_en,
            Lang::Fr => &self.index_fr,
        }
    }

    /// Whether an English key with ASCII punctuation starts with `first` and ends with `last`
    /// (lower-case bytes): when not, a word with punctuation is no such key, and the lookup of
    /// it as written (`day!`, `@user`) is not made.
    #[inline]
    pub fn may_be_emoticon(&self, first: u8, last: u8) -> bool {
        let pair = usize::from(first) << 8 | usize::from(last);
        self.emoticon_ends[pair >> 6] & (1 << (pair & 63)) != 0
    }

    pub fn rules(&self, lang: Lang) -> &Rules {
        match lang {
            Lang::En => &self.rules_en,
            Lang::Fr => &self.rules_fr,
        }
    }

    pub fn version(&'static self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => &self.version_en,
            Lang::Fr => &self.version_fr,
        }
    }
}

/// The tables, parsed on first use (about 15,000 rows; a few milliseconds).
pub(crate) fn lexicons() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| {
        let en = table(EN, false);
        let fr = table(FR, true);
        let (emoji, emoji_max_chars, emoji_info, emoji_bad_rows) = emoji_table(EMOJI);
        let rules_en = rules(RULES_EN);
        let rules_fr = rules(RULES_FR);
        let short = |h: &str| h.get(..12).unwrap_or(h).to_owned();
        let version_en = format!(
            "{} sha256:{} + {} sha256:{} + {}",
            en.info.version,
            short(en.info.data_sha256),
            emoji_info.version,
            short(emoji_info.data_sha256),
            rules_en.info.version,
        );
        let version_fr = format!(
            "{} sha256:{} + {} sha256:{} + {} sha256:{} + {}",
            fr.info.version,
            short(fr.info.data_sha256),
            emoji_info.version,
            short(emoji_info.data_sha256),
            en.info.version,
            short(en.info.data_sha256),
            rules_fr.info.version,
        );
        let mut emoticon_ends = Box::new([0u64; 1024]);
        for k in en.words.keys().map(|k| k.as_bytes()) {
            if let (Some(&first), Some(&last)) = (k.first(), k.last()) {
                if k.iter().any(u8::is_ascii_punctuation) {
                    let pair = usize::from(first) << 8 | usize::from(last);
                    emoticon_ends[pair >> 6] |= 1 << (pair & 63);
                }
            }
        }
        let index_en = Index::build(&en, &rules_en);
        let index_fr = Index::build(&fr, &rules_fr);
        Lexicons {
            index_en,
            index_fr,
            emoticon_ends,
            en,
            fr,
            emoji,
            emoji_max_chars,
            emoji_bad_rows,
            rules_en,
            rules_fr,
            version_en,
            version_fr,
        }
    })
}

/// Splits a file into its `# key: value` header and its data lines.
fn split(text: &'static str) -> (FileInfo, impl Iterator<Item = &'static str>) {
    let mut info = FileInfo::default();
    for line in text.lines().take_while(|l| l.starts_with("# ")) {
        if let Some(v) = line.strip_prefix("# version: ") {
            info.version = v.trim();
        } else if let Some(v) = line.strip_prefix("# data-sha256: ") {
            info.data_sha256 = v.trim();
        }
    }
    let data = text
        .lines()
        .skip_while(|l| l.starts_with("# "))
        .filter(|l| !l.is_empty());
    (info, data)
}

/// The word without its accents (NFD, combining marks dropped): `déçu` -> `decu`.
pub(crate) fn fold(word: &str) -> String {
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

fn table(text: &'static str, with_folding: bool) -> Table {
    let (info, data) = split(text);
    let mut t = Table {
        info,
        ..Table::default()
    };
    for line in data {
        let mut cols = line.split('\t');
        match (cols.next(), cols.next().and_then(|v| v.parse::<f64>().ok())) {
            (Some(k), Some(v)) if !k.is_empty() && v.is_finite() => {
                t.words.insert(k, v);
            }
            _ => t.bad_rows += 1,
        }
    }
    if with_folding {
        let mut folded: HashMap<String, Option<(&'static str, f64)>> = HashMap::default();
        for (k, v) in &t.words {
            let f = fold(k);
            if f != *k && !t.words.contains_key(f.as_str()) {
                folded
                    .entry(f)
                    .and_modify(|e| *e = None)
                    .or_insert(Some((k, *v)));
            }
        }
        t.folded = folded
            .into_iter()
            .filter_map(|(f, e)| e.map(|e| (f, e)))
            .collect();
    }
    t
}

type EmojiTable = (HashMap<&'static str, &'static str>, usize, FileInfo, usize);

fn emoji_table(text: &'static str) -> EmojiTable {
    let (info, data) = split(text);
    let mut map = HashMap::default();
    let mut max = 0;
    let mut bad = 0;
    for line in data {
        match line.split_once('\t') {
            Some((k, d)) if !k.is_empty() && !d.is_empty() => {
                max = max.max(k.chars().count());
                map.insert(k, d);
            }
            _ => bad += 1,
        }
    }
    (map, max, info, bad)
}

fn rules(text: &'static str) -> Rules {
    let (info, data) = split(text);
    let mut r = Rules {
        info,
        ..Rules::default()
    };
    for line in data {
        let Some((phrase, kind)) = line.split_once('\t') else {
            r.bad_rows += 1;
            continue;
        };
        let Some(kind) = Kinds::of(kind.trim()) else {
            r.bad_rows += 1;
            continue;
        };
        match phrase.split_once(' ') {
            None => {
                r.single.entry(phrase).or_default().0 |= kind;
                // Typed without its accents (`tres`, `carrement`): the same modifier.
                let folded = fold(phrase);
                if folded != phrase {
                    r.folded_single.push((folded, Kinds(kind)));
                }
            }
            Some((first, second)) => {
                let list = r.pairs.entry(first).or_default();
                match list.iter_mut().find(|(s, _)| *s == second) {
                    Some((_, k)) => k.0 |= kind,
                    None => list.push((second, Kinds(kind))),
                }
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_every_file_is_read() {
        let l = lexicons();
        assert_eq!(l.en.bad_rows, 0);
        assert_eq!(l.fr.bad_rows, 0);
        assert_eq!(l.emoji_bad_rows, 0);
        assert_eq!(l.rules_en.bad_rows, 0);
        assert_eq!(l.rules_fr.bad_rows, 0);
        assert_eq!(l.en.len(), 7490);
        assert!(l.fr.len() > 4000);
        assert_eq!(l.emoji.len(), 3570);
        assert_eq!(l.en.info.version, "en-1");
        assert_eq!(l.en.info.data_sha256.len(), 64);
        assert_eq!(l.rules_fr.info.version, "rules-fr-1");
    }

    #[test]
    fn lookups() {
        let l = lexicons();
        assert_eq!(l.en.get("good"), Some(("good", 1.9)));
        assert_eq!(l.fr.get("déçu").map(|(_, v)| v), Some(-4.0));
        // Typed without accents.
        assert_eq!(l.fr.get("decu"), Some(("déçu", -4.0)));
        assert!(l.rules_fr.word("plus").has(Kinds::BOOSTER));
        assert!(l.rules_fr.word("plus").has(Kinds::NEGATOR_WITH_NE));
        assert!(l.rules_en.pair("kind", "of").has(Kinds::DAMPENER));
        assert!(l.rules_fr.pair("par", "contre").has(Kinds::CONTRAST));
        assert!(l.rules_fr.word("tres").has(Kinds::BOOSTER));
        assert!(l.fr.get("n'").is_none() && l.fr.get("tout").is_none());
        assert_eq!(l.emoji.get("😂").copied(), Some("face with tears of joy"));
    }

    #[test]
    fn the_index_finds_every_key() {
        // Short (packed) and long keys alike, with the table's valence; the folded forms; the
        // emoticon bit table has the first and last bytes of every key with punctuation.
        let l = lexicons();
        for (table, index) in [(&l.en, &l.index_en), (&l.fr, &l.index_fr)] {
            for (k, v) in &table.words {
                assert_eq!(index.get(k).and_then(|w| w.valence), Some((*k, *v)), "{k}");
            }
        }
        assert!(l.index_en.get("a-key-longer-than-sixteen-bytes").is_none());
        assert!(l.index_en.get("kind").is_some_and(|w| w.pair_start));
        assert_eq!(
            l.index_fr.get("decu").and_then(|w| w.valence),
            Some(("déçu", -4.0))
        );
        assert!(
            l.index_fr
                .get("tres")
                .is_some_and(|w| w.kinds.has(Kinds::BOOSTER))
        );
        for k in
            l.en.words
                .keys()
                .filter(|k| k.bytes().any(|b| b.is_ascii_punctuation()))
        {
            let b = k.as_bytes();
            assert!(l.may_be_emoticon(b[0], b[b.len() - 1]), "{k}");
        }
        assert!(!l.may_be_emoticon(b'd', b'!'));
    }
}
