//! The content tags never panic and keep their invariants, on the seeds of the `tags_extract`
//! fuzz target (`smo-core/fuzz/seeds/tags_extract`, the fuzzer itself needs cargo-fuzz), the
//! inputs it found (`smo-core/fuzz/regressions/tags_extract`) and
//! thousands of deterministic mutations of them: bytes cut, inserted (punctuation, line breaks,
//! hyphens, apostrophes, invisible marks, multi-byte letters) and flipped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smo_core::listening::Lang;
use smo_core::tags::{Tag, extract_tags, extract_tags_batch};

/// The seeds, then the inputs the fuzzer found (`fuzz/regressions/tags_extract`).
fn seeds() -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["seeds/tags_extract", "regressions/tags_extract"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        out.extend(files.iter().map(|p| std::fs::read(p).unwrap()));
    }
    out
}

fn check(text: &str, tags: &[Tag], top: usize) {
    assert!(tags.len() <= top, "{text:?}");
    for w in tags.windows(2) {
        assert!(w[0].score <= w[1].score, "{text:?}");
    }
    for t in tags {
        assert!(t.score.is_finite() && t.score >= 0.0, "{text:?}: {t:?}");
        assert!(
            !t.phrase.is_empty() && !t.positions.is_empty(),
            "{text:?}: {t:?}"
        );
        for w in t.positions.windows(2) {
            assert!(w[0].start < w[1].start, "{text:?}: {t:?}");
        }
        for p in &t.positions {
            let (s, e) = (p.start as usize, p.end as usize);
            assert!(s < e && text.get(s..e).is_some(), "{text:?}: {t:?}");
        }
    }
}

#[test]
fn seeds_and_mutations() {
    let seeds = seeds();
    assert!(seeds.len() >= 5);
    const BITS: [&[u8]; 14] = [
        b".",
        b"\n",
        b"\n\n",
        b"\t",
        b"-",
        b"'",
        "’".as_bytes(),
        b", ",
        b"#",
        b"@",
        b"9",
        "\u{AD}".as_bytes(),
        "é".as_bytes(),
        b"https://",
    ];
    let mut state = 0x6A09_E667_F3BC_C909_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut cases: Vec<Vec<u8>> = seeds.clone();
    // A fixed number of mutations over the seeds and the kept corpus, whatever its size.
    for _ in 0..3000 {
        let mut v = seeds[(next() as usize) % seeds.len()].clone();
        for _ in 0..1 + next() % 4 {
            let at = if v.is_empty() {
                0
            } else {
                (next() as usize) % v.len()
            };
            match next() % 3 {
                0 if !v.is_empty() => {
                    let end = (at + 1 + (next() as usize) % 8).min(v.len());
                    v.drain(at..end);
                }
                1 => {
                    let bit = BITS[(next() as usize) % BITS.len()];
                    v.splice(at..at, bit.iter().copied());
                }
                _ if !v.is_empty() => v[at] = next() as u8,
                _ => {}
            }
        }
        cases.push(v);
    }
    let texts: Vec<String> = cases
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut found = 0;
    for lang in [None, Some(Lang::En), Some(Lang::Fr)] {
        let batch = extract_tags_batch(&texts, lang, 10);
        for (text, tags) in texts.iter().zip(&batch) {
            check(text, tags, 10);
            assert_eq!(&extract_tags(text, lang, 10), tags, "{text:?}");
            found += tags.len();
        }
    }
    for text in texts.iter().take(50) {
        check(text, &extract_tags(text, None, 1), 1);
        assert!(extract_tags(text, None, 0).is_empty());
    }
    println!("{} texts (seeds and mutations), {found} tags", texts.len());
    assert!(found > 1000);
}

#[test]
fn long_and_repetitive_input() {
    let long = "linge de lit en lin lavé, ".repeat(20_000);
    check(&long, &extract_tags(&long, None, 10), 10);
    let hyphens = "a-".repeat(50_000);
    check(&hyphens, &extract_tags(&hyphens, None, 10), 10);
    let lines = "x\n".repeat(50_000);
    check(&lines, &extract_tags(&lines, None, 10), 10);
    // Many distinct long phrases that are near duplicates of each other, all asked for: the
    // near-duplicate test is banded, so this stays fast.
    let mut near = String::new();
    for i in 0..3_000 {
        let w: String = (0..60)
            .map(|j| if j == i % 60 { 'b' } else { 'a' })
            .collect();
        near.push_str(&format!("{w}-{w}-{w}-{w} {w} {w}. "));
    }
    let started = std::time::Instant::now();
    check(&near, &extract_tags(&near, None, usize::MAX), usize::MAX);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
