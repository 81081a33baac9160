//! Fuzzes the content tags: arbitrary text in English, French and detected. Nothing may panic;
//! the same text gives the same tags; at most `top` tags, best (lowest finite score) first, each
//! position a non-empty range of the text on character boundaries, in text order (occurrences
//! of a phrase that repeats a word may overlap: "bora bora" twice in "bora bora bora").
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::listening::Lang;
use smo_core::tags::{extract_tags, extract_tags_batch};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for lang in [None, Some(Lang::En), Some(Lang::Fr)] {
        let tags = extract_tags(&text, lang, 10);
        assert!(tags.len() <= 10);
        assert_eq!(tags, extract_tags(&text, lang, 10));
        assert_eq!(extract_tags_batch(&[text.as_ref()], lang, 10)[0], tags);
        for w in tags.windows(2) {
            assert!(w[0].score <= w[1].score);
        }
        for t in &tags {
            assert!(t.score.is_finite() && t.score >= 0.0 && !t.phrase.is_empty());
            assert!(!t.positions.is_empty());
            for w in t.positions.windows(2) {
                assert!(w[0].start < w[1].start);
            }
            for p in &t.positions {
                let (s, e) = (p.start as usize, p.end as usize);
                assert!(s < e && text.get(s..e).is_some());
            }
        }
    }
});
