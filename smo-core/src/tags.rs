//! Tags for content: the key phrases of one text (a post, an article, a product page), ranked,
//! each with where it is written, to suggest the tags, hashtags and topics a piece of content
//! should carry.
//!
//! **Method**: YAKE, as published by Campos, Mangaravite, Pasquali, Jorge, Nunes and Jatowt,
//! "YAKE! Keyword extraction from single documents using multiple local features",
//! Information Sciences 509 (2020), implemented here from the paper's description alone. It
//! needs no corpus and no model: every fact comes from the text itself and from smo's stop lists
//! (`smo-core/data/stopwords/`, English or French; the language is the caller's or the one
//! [`detect_lang`] votes for).
//!
//! 1. **Text**: words are tokenised as monitoring queries tokenise them
//!    ([`tokens`]: UAX #29, elisions split) and compared
//!    folded (case and accents). Sentences end at `.`, `!`, `?` or `…` followed by a space (not
//!    after a single letter, an initial), and at a line break unless the next line is indented
//!    (a title, a list item, a line of a post end there; a hard-wrapped paragraph goes on). Any
//!    other punctuation, a link, a handle, a hashtag or a number ends a *chunk*: phrases and
//!    co-occurrences never cross one.
//! 2. **Term features**, for each distinct word `t` (stop words included, so that they shape the
//!    statistics of the others):
//!    casing `Case = max(TF(U), TF(A)) / (1 + ln TF)` (`U`: written with a capital not at the
//!    start of a sentence; `A`: an acronym, two capitals or more and no lower case);
//!    position `Pos = ln(ln(3 + median of the sentences it is in))` (sentences counted from 0);
//!    frequency `FNorm = TF / (mean + σ)` of the TFs of the words that are not stop words;
//!    relatedness to context `Rel = 1 + (DL + DR) · TF / MaxTF`, where `DL` is the number of
//!    distinct words seen just before it (a window of [`WINDOW`] word, inside a chunk) over the
//!    number of those co-occurrences, and `DR` the same after it — a word next to many different
//!    words behaves like a stop word;
//!    spread `Sent = sentences it is in / sentences`.
//!    Its score is `S(t) = Rel · Pos / (Case + FNorm / Rel + Sent / Rel)`: lower is better.
//! 3. **Candidates**: every run of one to [`MAX_WORDS`] words inside a chunk that neither starts
//!    nor ends with a stop word (the rule of [`themes`](mod@crate::listening::themes)), scored
//!    `S(kw) = Π S(t) / (TF(kw) · (1 + Σ S(t)))` over its words, `TF(kw)` being how often the
//!    phrase occurs; lower is better.
//! 4. **Near duplicates**: in score order, a candidate is dropped when its similarity to one
//!    already kept, `1 − Levenshtein / longer length` over the folded phrases, is at least
//!    [`DEDUP`] ("capsule dragon" and "capsules dragon" are one tag).
//!
//! **Departures from the paper**, each for a linguistic reason rather than a better figure:
//! - a stop word *inside* a phrase must be a preposition ("language **of** thought", "délai
//!   **de** livraison"): prepositions build noun phrases, while a conjunction, an auxiliary or a
//!   pronoun between two words joins two phrases or makes a clause ("Dretske **and** Fodor",
//!   "organisms **are** constrained"); and it adds nothing to the product or the sum, since it
//!   carries the syntax, not the topic (scoring it would rank French noun phrases, built with
//!   prepositions, below English compounds, built without);
//! - a hyphenated compound ("model-order", "mind-independent", "well-known") counts as one word
//!   towards [`MAX_WORDS`], is never a stop word, and a phrase neither starts nor ends inside it
//!   (up to four parts, "jack-in-the-box"; a word of more than 64 characters is not a word);
//! - words are compared with accents folded, as everywhere in smo (French writers drop accents
//!   on capitals and in posts); soft hyphens and zero-width characters, invisible typesetting
//!   hints, are not part of a word;
//! - sentence ends at line breaks (above), since posts and pages break lines between statements.
//!
//! `docs/tags.md` gives the evaluation (F1@10 on French WikiNews and English Inspec, against
//! PyPI `yake` in the same run) and the throughput.
//!
//! The same text, language and `top` always give the same tags (ties are broken by first
//! position), and no input panics.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::listening::query::text::{Kind, fold_into, tokens};
use crate::listening::themes::stops;
use crate::listening::{Lang, detect_lang};

/// Longest phrase, in words (the paper's n = 3).
pub const MAX_WORDS: usize = 3;
/// Co-occurrence window, in words on each side (the paper's w = 1: the immediate neighbours).
pub const WINDOW: usize = 1;
/// Similarity from which a candidate is a near duplicate of a better one.
pub const DEDUP: f64 = 0.8;
/// Longest word, in characters: the longest English or French words have 45 and 25 letters, so
/// anything longer (a hash, a token, base64) is not a word of the content.
const LONGEST_WORD: usize = 64;
/// Most parts of a hyphenated compound ("jack-in-the-box" has 4); a longer chain is cut.
const COMPOUND_PARTS: usize = 4;

/// Where a tag is written: a byte range of the UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TagSpan {
    /// Byte offset of the first byte of the phrase's first word.
    pub start: u64,
    /// Byte offset one past the last byte of its last word.
    pub end: u64,
}

/// A key phrase of a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The phrase as most often written (lower case, spaces collapsed; ties: the first).
    pub phrase: String,
    /// Its YAKE score: lower is better.
    pub score: f64,
    /// Every place it is written, in text order (two may overlap when the phrase repeats a word).
    pub positions: Vec<TagSpan>,
}

/// One word of the text that can be a term.
struct Word {
    term: u32,
    sentence: u32,
    chunk: u32,
    start: usize,
    end: usize,
    /// Joined to the word before by a hyphen: inside a compound ("world-making").
    hyphen_before: bool,
    /// A preposition that can sit inside a noun phrase ("of", "de").
    glue: bool,
}

/// What is counted of a term.
#[derive(Default, Clone)]
struct Stats {
    tf: u32,
    upper: u32,
    acronym: u32,
    /// Distinct sentences, in order.
    sentences: Vec<u32>,
    left: u32,
    left_distinct: u32,
    right: u32,
    right_distinct: u32,
}

/// Characters that are typesetting hints, not letters: soft hyphen, zero-width space and joiners,
/// word joiner, byte-order mark.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether the gap between two words has a full stop: a terminator followed by a space.
fn full_stop(gap: &str) -> bool {
    gap.find(['.', '!', '?', '…'])
        .is_some_and(|i| gap[i..].contains(char::is_whitespace))
}

/// Whether the gap between two words breaks the line where a sentence ends.
fn line_break(gap: &str) -> bool {
    // A line break ends a sentence (a heading, a list item, a line of a post) unless the next
    // line is indented, the continuation of a hard-wrapped paragraph; a blank line always does.
    // `line`: a line break was seen and nothing but spaces since; `first`: nothing at all since
    // the last break, so the next character starts its line.
    let (mut line, mut first) = (false, false);
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        // A carriage return is the line break of old Mac text, the first half of Windows'.
        let c = match c {
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\r' => '\n',
            c => c,
        };
        match c {
            '\n' if line => return true,
            '\n' => (line, first) = (true, true),
            c if c.is_whitespace() => first = false,
            _ if line && first => return true,
            _ => line = false,
        }
    }
    line && first
}

/// Whether the gap between two words keeps them in one chunk: spaces, or a hyphen or an
/// apostrophe inside a compound or an elision (the rule of the themes).
fn joins(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
        && !gap.contains(" -")
        && !gap.contains("- ")
}

/// Byte ranges of links in `text`, in order: from `http://`, `https://` or `www.` to the next
/// space (the rule of the themes), found in one pass so that a text full of links stays linear.
fn links(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split(char::is_whitespace) {
        let start = at;
        at += piece.len()
            + text[at + piece.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if piece.is_empty() {
            continue;
        }
        let found = ["http://", "https://", "www."]
            .iter()
            .filter_map(|p| piece.find(p))
            .min();
        if let Some(i) = found {
            out.push((start + i, start + piece.len()));
        }
    }
    out
}

/// The stop words that may sit inside a three-word phrase: prepositions, which build noun
/// phrases ("language of thought", "délai de livraison", "pomme d'api"). Conjunctions,
/// auxiliaries, pronouns and articles between two words join two phrases or make a clause
/// ("Dretske and Jerry", "organisms are highly"), so they end a candidate as punctuation does.
/// Compared lower-cased with accents, so the preposition "à" is not the verb "a".
fn glue_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "of", "for", "in", "on", "to", "with", "by", "at", "from", "under", "over", "against",
            "between", "without", "per", "into",
        ],
        Lang::Fr => &[
            "de", "d", "du", "des", "à", "au", "aux", "en", "pour", "sur", "sans", "sous", "par",
            "avec", "entre", "contre", "chez",
        ],
    }
}

/// The median of sorted values.
fn median(v: &[u32]) -> f64 {
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => f64::from(v[n / 2]),
        n => (f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0,
    }
}

/// `1 − Levenshtein(a, b) / longer length`, over characters (the tests' reference for
/// [`near_duplicate`]).
#[cfg(test)]
fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    1.0 - row[b.len()] as f64 / longer as f64
}

/// Whether `1 − Levenshtein(a, b) / longer length ≥ DEDUP`, over characters. Only distances up
/// to `k = (1 − DEDUP) · longer length` matter, so the edit table is computed in a band of
/// `k` cells around its diagonal (the cost is length × k, not length²), and strings whose
/// lengths differ by more than `k` are not compared at all.
fn near_duplicate(a: &[char], b: &[char]) -> bool {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return true;
    }
    // The tolerance keeps `d / longer ≤ 1 − DEDUP` exact where the product rounds down.
    let k = (longer as f64 * (1.0 - DEDUP) + 1e-9).floor() as usize;
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let far = longer + 1;
    // row[j]: distance between a[..i] and b[..j], `far` outside the band.
    let mut row: Vec<usize> = (0..=b.len())
        .map(|j| if j <= k { j } else { far })
        .collect();
    for (i, ca) in a.iter().enumerate() {
        let i = i + 1;
        let (lo, hi) = (i.saturating_sub(k), (i + k).min(b.len()));
        let mut diag = row[lo.saturating_sub(1).min(row.len() - 1)];
        if lo == 0 {
            diag = row[0];
            row[0] = if i <= k { i } else { far };
        } else {
            row[lo - 1] = far;
        }
        let mut best = far;
        for j in lo.max(1)..=hi {
            let up = row[j];
            let sub = diag + usize::from(*ca != b[j - 1]);
            row[j] = sub.min(up + 1).min(row[j - 1] + 1).min(far);
            diag = up;
            best = best.min(row[j]);
        }
        if lo == 0 {
            best = best.min(row[0]);
        }
        if best > k {
            return false;
        }
    }
    row[b.len()] <= k
}

/// The phrase as written at `start..end`: lower case, spaces collapsed, invisible marks dropped.
fn surface(text: &str, start: usize, end: usize) -> String {
    let mut out = String::with_capacity(end.saturating_sub(start));
    let mut space = false;
    for c in text.get(start..end).unwrap_or("").chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if invisible(c) {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// A candidate phrase: its terms, how often it occurs and where.
struct Candidate {
    terms: Vec<u32>,
    spans: Vec<(usize, usize)>,
    score: f64,
}

/// The words of `text` that can be terms, the terms' folded forms and whether each is a stop
/// word, and the number of sentences.
fn read(
    text: &str,
    stop: &HashSet<String>,
    glue: &[&str],
) -> (Vec<Word>, Vec<String>, Vec<bool>, Vec<Stats>, u32) {
    let urls = links(text);
    // Tokens come in text order: the first link not yet passed is the only one to look at.
    let mut url = 0usize;
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut is_stop: Vec<bool> = Vec::new();
    let mut stats: Vec<Stats> = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let (mut sentence, mut chunk) = (0u32, 0u32);
    let mut sentence_start = true;
    let mut prev_end = 0usize;
    // A single letter before a full stop is an initial ("J. Smith", "M. Dupont"), not the end of
    // a sentence; a line break still is.
    let mut prev_single = false;
    let mut key = String::new();
    let mut lower = String::new();
    for t in tokens(text) {
        let gap = text.get(prev_end.min(t.start)..t.start).unwrap_or("");
        prev_end = t.end;
        let hyphen_before = !gap.is_empty()
            && gap.contains(['-', '\u{2010}', '\u{2011}'])
            && !gap.contains(char::is_whitespace);
        if !words.is_empty() || sentence > 0 {
            if line_break(gap) || (full_stop(gap) && !prev_single) {
                sentence = sentence.saturating_add(1);
                chunk = chunk.wrapping_add(1);
                sentence_start = true;
            } else if !joins(gap) && !hyphen_before {
                chunk = chunk.wrapping_add(1);
            }
        }
        let word = text.get(t.word..t.end).unwrap_or("");
        prev_single = word.chars().count() == 1;
        // Links and handles are not words of the content; numbers are not terms (the paper's
        // digit tag); a hashtag is a term of its own, joined to no neighbour.
        while urls.get(url).is_some_and(|&(_, e)| e <= t.start) {
            url += 1;
        }
        let in_link = urls.get(url).is_some_and(|&(s, _)| s <= t.start);
        if in_link || t.kind == Kind::Handle {
            chunk = chunk.wrapping_add(1);
            continue;
        }
        fold_into(word, &mut key);
        if !key.is_ascii() {
            key.retain(|c| !invisible(c));
        }
        if key.is_empty()
            || key.chars().any(char::is_numeric)
            || key.chars().nth(LONGEST_WORD).is_some()
        {
            chunk = chunk.wrapping_add(1);
            sentence_start = false;
            continue;
        }
        let hashtag = t.kind == Kind::Hashtag;
        if hashtag {
            chunk = chunk.wrapping_add(1);
        }
        let id = match ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = names.len() as u32;
                ids.insert(key.clone(), id);
                is_stop.push(key.chars().count() < 2 || stop.contains(&key));
                names.push(key.clone());
                stats.push(Stats::default());
                id
            }
        };
        let s = &mut stats[id as usize];
        s.tf += 1;
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = word.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 2 && capitals == letters {
            s.acronym += 1;
        } else if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) {
            s.upper += 1;
        }
        if s.sentences.last() != Some(&sentence) {
            s.sentences.push(sentence);
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        words.push(Word {
            term: id,
            sentence,
            chunk,
            start: t.word,
            end: t.end,
            hyphen_before: hyphen_before && !hashtag,
            glue: glue.contains(&lower.as_str()),
        });
        if hashtag {
            chunk = chunk.wrapping_add(1);
        }
        sentence_start = false;
    }
    let sentences = words.last().map_or(0, |w| w.sentence + 1);
    (words, names, is_stop, stats, sentences)
}

/// The `top` key phrases of `text`, best first, in `lang` (or the language [`detect_lang`]
/// votes for when `None`).
///
/// ```
/// use smo_core::listening::Lang;
/// use smo_core::tags::extract_tags;
/// let text = "Le linge de lit en lin lavé de Maison Lune est tissé dans les Vosges. \
///             Le lin lavé est doux. Maison Lune lave chaque drap en lin.";
/// let tags = extract_tags(text, Some(Lang::Fr), 3);
/// assert_eq!(tags[0].phrase, "maison lune");
/// let at = &tags[0].positions[0];
/// assert_eq!(&text[at.start as usize..at.end as usize], "Maison Lune");
/// assert!(extract_tags("", None, 10).is_empty());
/// ```
pub fn extract_tags(text: &str, lang: Option<Lang>, top: usize) -> Vec<Tag> {
    if top == 0 || text.trim().is_empty() {
        return Vec::new();
    }
    let lang = lang.unwrap_or_else(|| detect_lang(text).0);
    let (words, names, is_stop, mut stats, sentences) =
        read(text, stops(Some(lang)), glue_words(lang));
    if words.is_empty() {
        return Vec::new();
    }

    // Co-occurrences inside a chunk, within the window: total and distinct neighbours.
    let mut pairs: HashSet<(u32, u32)> = HashSet::new();
    for (i, w) in words.iter().enumerate() {
        for prev in words[i.saturating_sub(WINDOW)..i].iter().rev() {
            if prev.chunk != w.chunk {
                break;
            }
            stats[w.term as usize].left += 1;
            stats[prev.term as usize].right += 1;
            if pairs.insert((prev.term, w.term)) {
                stats[w.term as usize].left_distinct += 1;
                stats[prev.term as usize].right_distinct += 1;
            }
        }
    }

    // The frequency statistics of the words that are not stop words.
    let content: Vec<f64> = stats
        .iter()
        .zip(&is_stop)
        .filter(|(_, s)| !**s)
        .map(|(st, _)| f64::from(st.tf))
        .collect();
    if content.is_empty() {
        return Vec::new();
    }
    let mean = content.iter().sum::<f64>() / content.len() as f64;
    let sd =
        (content.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / content.len() as f64).sqrt();
    let max_tf = f64::from(stats.iter().map(|s| s.tf).max().unwrap_or(1));
    let n_sentences = f64::from(sentences.max(1));
    let score: Vec<f64> = stats
        .iter()
        .map(|s| {
            let tf = f64::from(s.tf);
            let case = f64::from(s.upper.max(s.acronym)) / (1.0 + tf.ln());
            let pos = (3.0 + median(&s.sentences)).ln().ln();
            let fnorm = tf / (mean + sd);
            let ratio = |distinct: u32, total: u32| {
                if total == 0 {
                    0.0
                } else {
                    f64::from(distinct) / f64::from(total)
                }
            };
            let rel = 1.0
                + (ratio(s.left_distinct, s.left) + ratio(s.right_distinct, s.right)) * tf / max_tf;
            let sent = s.sentences.len() as f64 / n_sentences;
            rel * pos / (case + fnorm / rel + sent / rel)
        })
        .collect();

    // Candidates: runs of 1..=MAX_WORDS words in a chunk with no stop word at either end. A
    // hyphenated compound ("model-order", "well-known") is one word, never a stop word, and a
    // phrase neither starts nor ends inside one; only a preposition may sit between words.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        match groups.last_mut() {
            Some(g)
                if w.hyphen_before
                    && words[g.1 - 1].chunk == w.chunk
                    && g.1 - g.0 < COMPOUND_PARTS =>
            {
                g.1 = i + 1
            }
            _ => groups.push((i, i + 1)),
        }
    }
    let group_stop = |g: (usize, usize)| g.1 - g.0 == 1 && is_stop[words[g.0].term as usize];
    let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
    let mut cands: Vec<Candidate> = Vec::new();
    for i in 0..groups.len() {
        if group_stop(groups[i]) {
            continue;
        }
        for n in 1..=MAX_WORDS {
            let Some(run) = groups.get(i..i + n) else {
                break;
            };
            let (first, last) = (run[0], run[n - 1]);
            if words[last.0].chunk != words[first.0].chunk {
                break;
            }
            if run
                .iter()
                .skip(1)
                .take(n.saturating_sub(2))
                .any(|&g| group_stop(g) && !words[g.0].glue)
            {
                break;
            }
            if group_stop(last) {
                continue;
            }
            let terms: Vec<u32> = words[first.0..last.1].iter().map(|w| w.term).collect();
            let span = (words[first.0].start, words[last.1 - 1].end);
            match index.get(&terms) {
                Some(&c) => cands[c].spans.push(span),
                None => {
                    index.insert(terms.clone(), cands.len());
                    cands.push(Candidate {
                        terms,
                        spans: vec![span],
                        score: 0.0,
                    });
                }
            }
        }
    }
    for c in &mut cands {
        // A stop word inside the phrase carries its syntax, not its topic: it is not scored.
        let (mut prod, mut sum) = (1.0, 0.0);
        for &t in c.terms.iter().filter(|&&t| !is_stop[t as usize]) {
            prod *= score[t as usize];
            sum += score[t as usize];
        }
        c.score = prod / (c.spans.len() as f64 * (1.0 + sum));
    }
    // Candidates were created in order of first position: a stable sort breaks ties by it.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| cands[a].score.total_cmp(&cands[b].score));

    let mut kept: Vec<(Vec<char>, usize)> = Vec::new();
    for c in order {
        if kept.len() >= top {
            break;
        }
        let cand = &cands[c];
        let key = cand
            .terms
            .iter()
            .map(|&t| names[t as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let key: Vec<char> = key.chars().collect();
        if kept.iter().any(|(k, _)| near_duplicate(k, &key)) {
            continue;
        }
        kept.push((key, c));
    }
    kept.into_iter()
        .map(|(_, c)| {
            let cand = &cands[c];
            // The most frequent written form; ties go to the first written.
            let mut forms: Vec<(String, usize)> = Vec::new();
            for &(s, e) in &cand.spans {
                let f = surface(text, s, e);
                match forms.iter_mut().find(|(x, _)| *x == f) {
                    Some(x) => x.1 += 1,
                    None => forms.push((f, 1)),
                }
            }
            let best = forms.iter().map(|f| f.1).max().unwrap_or(0);
            let phrase = forms
                .into_iter()
                .find(|f| f.1 == best)
                .map(|f| f.0)
                .unwrap_or_default();
            Tag {
                phrase,
                score: cand.score,
                positions: cand
                    .spans
                    .iter()
                    .map(|&(s, e)| TagSpan {
                        start: s as u64,
                        end: e as u64,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// [`extract_tags`] of each text, in order, on every core.
///
/// ```
/// use smo_core::tags::{extract_tags, extract_tags_batch};
/// let texts = ["Washed linen sheets from the Vosges.", "Du linge de lit en lin lavé."];
/// let all = extract_tags_batch(&texts, None, 5);
/// assert_eq!(all[1], extract_tags(texts[1], None, 5));
/// ```
pub fn extract_tags_batch<S: AsRef<str> + Sync>(
    texts: &[S],
    lang: Option<Lang>,
    top: usize,
) -> Vec<Vec<Tag>> {
    texts
        .par_iter()
        .map(|t| extract_tags(t.as_ref(), lang, top))
        .collect()
}

/// [`extract_tags_batch`] on `threads` worker threads of its own rather than rayon's global
/// pool, or on every core when `None`.
///
/// Fails (`Error::Argument`) when `threads` is `Some(0)` or the threads cannot start.
///
/// ```
/// use smo_core::tags::extract_tags_batch_threads;
/// assert_eq!(extract_tags_batch_threads(&["Linen sheets"], None, 3, Some(1))?.len(), 1);
/// assert!(extract_tags_batch_threads(&["x"], None, 3, Some(0)).is_err());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn extract_tags_batch_threads<S: AsRef<str> + Sync>(
    texts: &[S],
    lang: Option<Lang>,
    top: usize,
    threads: Option<usize>,
) -> Result<Vec<Vec<Tag>>> {
    match threads {
        None => Ok(extract_tags_batch(texts, lang, top)),
        Some(n) => {
            Ok(crate::listening::sentiment::pool(n)?
                .install(|| extract_tags_batch(texts, lang, top)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_chunks() {
        assert!(full_stop(". "));
        assert!(full_stop("!\n"));
        assert!(line_break("\n\n"));
        assert!(line_break(" \n \n\t"));
        assert!(!full_stop(", ") && !line_break(", "));
        assert!(line_break("\n"));
        assert!(line_break("\r\n- "));
        assert!(line_break("\n \n\t"));
        assert!(!line_break("\n\t"));
        assert!(!line_break("\r\n  "));
        assert!(line_break("\r"));
        assert!(line_break("\r\r"));
        assert!(!line_break("\r\t"));
        assert!(joins(" "));
        assert!(joins("-"));
        assert!(joins("'"));
        assert!(!joins(" - "));
        assert!(!joins(", "));
    }

    #[test]
    fn levenshtein_similarity() {
        assert_eq!(similarity("capsule", "capsule"), 1.0);
        assert!((similarity("capsule dragon", "capsules dragon") - 14.0 / 15.0).abs() < 1e-12);
        assert_eq!(similarity("", "abc"), 0.0);
        assert!(similarity("lin", "linge de lit") < DEDUP);
        // The banded test agrees with the full table on every pair of short strings.
        let words = [
            "",
            "a",
            "ab",
            "abcde",
            "abcdf",
            "bcdef",
            "capsule dragon",
            "capsules dragon",
            "capsule",
            "lin lavé",
            "lin lave",
            "linge de lit",
            "linge de lin",
            "abcdefghij",
            "abcdefghjk",
            "bacdefghij",
            "xbcdefghiy",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                assert_eq!(
                    near_duplicate(&ca, &cb),
                    similarity(a, b) >= DEDUP,
                    "{a:?} {b:?}"
                );
            }
        }
        let mut state = 0x243F_6A88_85A3_08D3_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            fn word(next: &mut impl FnMut() -> u64) -> String {
                let n = next() % 24;
                (0..n)
                    .map(|_| ['a', 'b', ' ', 'é'][(next() % 4) as usize])
                    .collect()
            }
            let a = word(&mut next);
            let b = if next() % 2 == 0 {
                let mut b: Vec<char> = a.chars().collect();
                for _ in 0..next() % 4 {
                    if !b.is_empty() {
                        let at = (next() as usize) % b.len();
                        b[at] = 'x';
                    }
                }
                b.into_iter().collect()
            } else {
                word(&mut next)
            };
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(
                near_duplicate(&ca, &cb),
                similarity(&a, &b) >= DEDUP,
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn stop_words_never_at_an_edge_and_near_duplicates_go() {
        let text = "La capsule Dragon de SpaceX. Les capsules Dragon de SpaceX reviennent. \
                    La capsule Dragon est arrimée à la station spatiale.";
        let tags = extract_tags(text, Some(Lang::Fr), 10);
        for t in &tags {
            let words: Vec<&str> = t.phrase.split([' ', '-', '\'']).collect();
            assert!(
                !crate::listening::themes::is_stop_word(words[0], Some(Lang::Fr)),
                "{}",
                t.phrase
            );
            assert!(
                !crate::listening::themes::is_stop_word(words[words.len() - 1], Some(Lang::Fr)),
                "{}",
                t.phrase
            );
        }
        let phrases: Vec<&str> = tags.iter().map(|t| t.phrase.as_str()).collect();
        assert!(phrases.contains(&"capsule dragon"), "{phrases:?}");
        assert!(!phrases.contains(&"capsules dragon"), "{phrases:?}");
        assert!(tags.windows(2).all(|w| w[0].score <= w[1].score));
    }

    #[test]
    fn invisible_marks_and_odd_input() {
        let tags = extract_tags(
            "Le pre\u{AD}mier étage. Le premier étage.",
            Some(Lang::Fr),
            5,
        );
        assert_eq!(tags[0].positions.len(), 2);
        assert!(tags.iter().all(|t| !t.phrase.contains('\u{AD}')));
        for odd in [
            "",
            " ",
            "...",
            "1 2 3",
            "@a #b https://x.y",
            "de la",
            "\u{AD}",
            "a\u{0}b",
        ] {
            let _ = extract_tags(odd, None, 10);
        }
        assert!(extract_tags("lin lin lin", None, 0).is_empty());
        assert_eq!(
            links("voir https://a.fr/x et www.b.fr, puis (http://c.fr)"),
            [(5, 19), (23, 32), (39, 51)]
        );
        let tags = extract_tags(
            "Lin lavé https://lin.fr/lin-lave www.lin.fr lin lavé",
            None,
            5,
        );
        assert_eq!(tags[0].phrase, "lin lavé");
        assert_eq!(tags[0].positions.len(), 2);
    }
}
