//! Robustness of the sentiment engine: random and mutated Unicode input (a seeded generator, so
//! a failure reproduces) never panics, keeps the compound in [-1, 1] and the three shares
//! summing to 1, and the trace's offsets always fall on character boundaries of the input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::Rng;

use smo_core::listening::{Lang, sentiment};

const PIECES: &[&str] = &[
    "good",
    "GOOD",
    "not",
    "n't",
    "very",
    "kind",
    "of",
    "but",
    "mais",
    "ne",
    "pas",
    "n'",
    "plus",
    "sans",
    "ni",
    "très",
    "tres",
    "bon",
    "déçu",
    "!",
    "?",
    "!!!",
    "???",
    ":)",
    ":(",
    "</3",
    "#",
    "#LoveThis",
    "#",
    "_",
    "'",
    "’",
    "😂",
    "❤️",
    "👍🏽",
    "1️⃣",
    "#️⃣",
    "🏳️‍🌈",
    "\u{FE0F}",
    "\u{200D}",
    "\u{20E3}",
    "\u{0301}",
    "é",
    "e\u{0301}",
    " ",
    "  ",
    "\n",
    "\t",
    "\u{00A0}",
    "\u{2028}",
    ".",
    ",",
    "«",
    "»",
    "…",
    "\u{FFFD}",
    "\u{10FFFF}",
    "ǅ",
    "ß",
    "İ",
    "ﬁ",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(40) {
        if rng.below(4) == 0 {
            // A random scalar value, anywhere in Unicode.
            let c = loop {
                if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        if rng.below(3) == 0 {
            s.push(' ');
        }
    }
    s
}

fn check(text: &str, lang: Option<Lang>) {
    let s = sentiment(text, lang);
    assert!(
        (-1.0..=1.0).contains(&s.compound),
        "{text:?}: {}",
        s.compound
    );
    let sum = s.positive + s.negative + s.neutral;
    assert!((sum - 1.0).abs() < 1e-9, "{text:?}: shares sum to {sum}");
    for share in [s.positive, s.negative, s.neutral] {
        assert!((0.0..=1.0).contains(&share), "{text:?}");
    }
    for e in &s.trace.entries {
        let (a, b) = (e.start_byte as usize, e.end_byte as usize);
        assert!(a < b && b <= text.len(), "{text:?}: {e:?}");
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "{text:?}: {e:?}"
        );
        assert!(e.score.is_finite());
    }
}

#[test]
fn random_unicode_never_panics() {
    let mut rng = Rng(0x005E_ED0F_5E47);
    for i in 0..20_000 {
        let text = random_text(&mut rng);
        let lang = [None, Some(Lang::En), Some(Lang::Fr)][i % 3];
        check(&text, lang);
    }
}

#[test]
fn mutated_posts_never_panic() {
    let seeds = [
        "The service is not very good!!! but the food is GREAT :) #LoveThis 😂",
        "Ce n'est pas très bon, mais l'accueil était vraiment génial !!! #TropBeau 👍🏽",
        "kind of sad… ni beau ni agréable, sans charme ?? 1️⃣ #️⃣",
    ];
    let mut rng = Rng(42);
    for seed in seeds {
        let chars: Vec<char> = seed.chars().collect();
        for _ in 0..5_000 {
            let mut c = chars.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(c.len() + 1);
                match rng.below(3) {
                    0 if at < c.len() => {
                        c.remove(at);
                    }
                    1 => {
                        let p: Vec<char> = PIECES[rng.below(PIECES.len())].chars().collect();
                        for (k, ch) in p.into_iter().enumerate() {
                            c.insert(at + k, ch);
                        }
                    }
                    _ => {
                        if at < c.len() {
                            let other = rng.below(c.len());
                            c.swap(at, other);
                        }
                    }
                }
            }
            let text: String = c.into_iter().collect();
            check(&text, None);
            check(&text, Some(Lang::Fr));
        }
    }
    // Long input.
    check(&"très bon ".repeat(20_000), None);
    check(&"!".repeat(10_000), Some(Lang::En));
}
