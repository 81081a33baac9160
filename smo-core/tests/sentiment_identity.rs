//! The sentiment engine gives bit-identical results from one build to the next, and its two
//! paths agree: the trace-free scores (`sentiment_scores_batch`, what the Python and FFI batch
//! calls use) equal the numbers of the traced `sentiment`, bit for bit.
//!
//! Speed work on the tokeniser and the lexicon must not move a single score, and a wrong fast
//! path could still pass the golden vectors (they compare within a tolerance) and the evaluation
//! (it compares aggregate figures). So each result is written out in full (`{:?}` of the whole
//! [`Sentiment`], trace included: every f64 printed round-trips to its exact bits) and hashed;
//! the digests below were recorded on the engine before the speed work. A deliberate change of
//! the method changes them: record the new ones with `SMO_PRINT_DIGESTS=1 cargo test --test
//! sentiment_identity -- --nocapture`, and say in the commit why the scores moved.
//!
//! Inputs: the VADER tweets (when `../shared/conformance` is present) as written and mutated,
//! and seeded random text built from the pieces the tokeniser treats specially (edge
//! punctuation, emoticons, capitals, hashtags, elisions, typographic apostrophes, emoji and
//! their selectors, non-ASCII case mappings, every kind of white space), in English, French and
//! with the language detected.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::PathBuf;

use support::Rng;

use smo_core::listening::{Lang, Sentiment, sentiment, sentiment_scores_batch};

/// Digest of the VADER tweets, as written and mutated, in the three language modes.
const VADER_DIGEST: u64 = 0xcea8_1cc2_a86d_1715;
/// Digest of the seeded random texts.
const RANDOM_DIGEST: u64 = 0xe94e_76ff_4eac_59bf;

const LANGS: [Option<Lang>; 3] = [Some(Lang::En), Some(Lang::Fr), None];

/// FNV-1a, 64 bits: a fixed function (std's `DefaultHasher` may change between releases).
struct Digest(u64);

impl Digest {
    fn new() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn tweets() -> Option<Vec<String>> {
    let dir = match std::env::var_os("SMO_CONFORMANCE_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance"),
    };
    for path in [
        dir.join("vader/tweets_GroundTruth.txt"),
        dir.join("tweets_GroundTruth.txt"),
    ] {
        if path.is_file() {
            let text = std::fs::read_to_string(path).unwrap();
            return Some(
                text.lines()
                    .filter_map(|l| l.splitn(3, '\t').nth(2))
                    .map(str::to_owned)
                    .collect(),
            );
        }
    }
    eprintln!(
        "SKIPPED: vader/tweets_GroundTruth.txt not found in {} (set SMO_CONFORMANCE_DIR); \
         the VADER half of the identity test did not run",
        dir.display()
    );
    None
}

const PIECES: &[&str] = &[
    "good",
    "GOOD",
    "Good",
    "bad",
    "BAD",
    "not",
    "NOT",
    "n't",
    "don't",
    "don’t",
    "isn't",
    "very",
    "VERY",
    "kind",
    "of",
    "sort",
    "least",
    "at",
    "but",
    "BUT",
    "no",
    "No",
    "mais",
    "ne",
    "pas",
    "n'",
    "n’",
    "plus",
    "sans",
    "ni",
    "très",
    "TRÈS",
    "tres",
    "bon",
    "BON",
    "déçu",
    "DÉÇU",
    "decu",
    "génial",
    "nul",
    "c'est",
    "C'est",
    "aujourd'hui",
    "qu'il",
    "jusqu'à",
    "un",
    "peu",
    "par",
    "contre",
    "love",
    "hate",
    "LOL",
    "lol",
    "wtf",
    "!",
    "?",
    "!!!",
    "???",
    "?!",
    ":)",
    ":(",
    ":-)",
    "</3",
    "<3",
    "(:",
    ":D",
    "XD",
    ";)",
    "#",
    "#LoveThis",
    "#HTMLParser",
    "#best2024",
    "#so_good",
    "#FF",
    "#TropBeau",
    "＃",
    "@user",
    "http://x.y/z",
    "_",
    "'",
    "’",
    "\"",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "-",
    "--",
    "*",
    "&",
    "😂",
    "❤️",
    "❤",
    "👍🏽",
    "👍",
    "😡",
    "🙂",
    "1️⃣",
    "#️⃣",
    "🏳️‍🌈",
    "\u{FE0F}",
    "\u{200D}",
    "\u{20E3}",
    "\u{0301}",
    "é",
    "e\u{0301}",
    "É",
    "ß",
    "İ",
    "ǅ",
    "ﬁ",
    "Σ",
    "ΣΑΣ",
    "ǈ",
    "Ⅻ",
    "ⓐ",
    "𝐀",
    "١٢",
    "½",
    "²",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{0}",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\u{00A0}",
    "\u{2028}",
    "\u{3000}",
    "\u{85}",
    ".",
    ",",
    ";",
    ":",
    "…",
    "...",
    "¡",
    "¿",
    "。",
    "、",
    "1",
    "2024",
    "3.5",
    "x",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(30) {
        match rng.below(8) {
            0 => {
                // A random scalar value, anywhere in Unicode.
                let c = loop {
                    if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                        break c;
                    }
                };
                s.push(c);
            }
            1 => {
                // A random character of the first planes, where the cased scripts are.
                let c = loop {
                    if let Some(c) = char::from_u32((rng.next() % 0x3000) as u32) {
                        break c;
                    }
                };
                s.push(c);
            }
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
        if rng.below(3) != 0 {
            s.push(' ');
        }
    }
    s
}

/// A tweet with a few edits: capitals toggled, punctuation and pieces inserted, words joined.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut c: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(c.len() + 1);
        match rng.below(4) {
            0 if at < c.len() => {
                let up: Vec<char> = if c[at].is_uppercase() {
                    c[at].to_lowercase().collect()
                } else {
                    c[at].to_uppercase().collect()
                };
                c.splice(at..=at, up);
            }
            1 if at < c.len() => {
                c.remove(at);
            }
            _ => {
                let p = PIECES[rng.below(PIECES.len())];
                c.splice(at..at, p.chars());
            }
        }
    }
    c.into_iter().collect()
}

/// Hashes every result in full and checks the trace-free batch against the traced scores.
fn digest(texts: &[String]) -> u64 {
    let mut d = Digest::new();
    for lang in LANGS {
        let fast = sentiment_scores_batch(texts, lang, Some(1)).unwrap();
        for (text, f) in texts.iter().zip(&fast) {
            let s: Sentiment = sentiment(text, lang);
            let full = [s.compound, s.positive, s.negative, s.neutral].map(f64::to_bits);
            let quick = [f.compound, f.positive, f.negative, f.neutral].map(f64::to_bits);
            assert_eq!(
                (full, s.label, s.lang),
                (quick, f.label, f.lang),
                "{text:?} ({lang:?}): the trace-free scores differ from the traced ones"
            );
            d.write(format!("{lang:?}\u{1}{text}\u{1}{s:?}\u{2}").as_bytes());
        }
    }
    d.0
}

fn check(name: &str, got: u64, want: u64) {
    if std::env::var_os("SMO_PRINT_DIGESTS").is_some() {
        println!("{name}: {got:#018x}");
        return;
    }
    assert_eq!(
        got, want,
        "{name}: a sentiment result changed ({got:#018x}, recorded {want:#018x})"
    );
}

#[test]
fn vader_tweets_score_as_recorded() {
    let Some(tweets) = tweets() else { return };
    let mut rng = Rng(0x1D_E471_7153);
    let mutated: Vec<String> = tweets.iter().map(|t| mutate(t, &mut rng)).collect();
    let all: Vec<String> = tweets.into_iter().chain(mutated).collect();
    check("VADER_DIGEST", digest(&all), VADER_DIGEST);
}

#[test]
fn random_text_scores_as_recorded() {
    let mut rng = Rng(0x0B17_1DE4_7157);
    let texts: Vec<String> = (0..12_000).map(|_| random_text(&mut rng)).collect();
    check("RANDOM_DIGEST", digest(&texts), RANDOM_DIGEST);
}
