//! Hostile input for the text engine: 10 MB strings, combining marks only, lone surrogates from
//! hosts, invalid UTF-8 at the byte API, and a randomized (seeded, reproducible) search for
//! broken invariants over a tricky alphabet. Nothing may panic; offsets must stay consistent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smo_core::Network;
use smo_core::post::{Post, check_post};
use smo_core::text::{self, CountOptions, XConfig};
use smo_core::thread::{THREAD_NETWORKS, ThreadOptions, split_thread};

const MB10: usize = 10 * 1024 * 1024;

fn everything(t: &str) {
    let entities = text::extract_entities(t);
    for w in entities.windows(2) {
        assert!(w[0].end_byte <= w[1].start_byte, "overlap in {t:?}");
    }
    for e in &entities {
        let (s, end) = (e.start_byte as usize, e.end_byte as usize);
        let slice = &t[s..end];
        assert!(slice.ends_with(&e.text), "{t:?}: {e:?}");
        assert_eq!(t[..s].chars().count() as u64, e.start, "{t:?}");
        assert_eq!(t[..s].encode_utf16().count() as u64, e.start_utf16, "{t:?}");
        assert_eq!(slice.chars().count() as u64, e.end - e.start);
        assert_eq!(
            slice.encode_utf16().count() as u64,
            e.end_utf16 - e.start_utf16
        );
    }
    for config in [XConfig::V1, XConfig::V2, XConfig::V3] {
        let p = text::parse_x(t, &config);
        assert!(p.valid_range_end <= p.display_range_end.max(p.valid_range_end));
    }
    for n in Network::ALL {
        if text::main_field(n).is_some() {
            let c = text::count(t, n).unwrap();
            assert_eq!(c.bytes as usize, t.len());
        }
        check_post(&Post::text(t), n).unwrap();
    }
}

#[test]
fn ten_megabyte_strings() {
    // Three at the full 10 MB; the adversarial ones at 2 MB, which exercises the same paths in
    // less time in debug builds (the 10 MB `a.` chain is covered by the fuzz corpus and the
    // benchmarks in release).
    const MB2: usize = MB10 / 5;
    let inputs = [
        "a".repeat(MB10),
        "é".repeat(MB10 / 2),
        "\u{301}".repeat(MB10 / 2),
        "a.".repeat(MB2 / 2),
        format!("{}com", "a-".repeat(MB2 / 2)),
        "@a".repeat(MB2 / 2),
        "#a".repeat(MB2 / 2),
        "$A ".repeat(MB2 / 3),
        "http://".repeat(MB2 / 7),
        "👨‍👩‍👧‍👦".repeat(MB2 / 25),
    ];
    for t in &inputs {
        let started = std::time::Instant::now();
        let entities = text::extract_entities(t);
        let _ = text::parse_x(t, &XConfig::V3);
        let c = text::count(t, Network::Bluesky).unwrap();
        assert!(!c.valid);
        assert!(entities.len() <= t.len());
        eprintln!(
            "{:?}… ({} bytes): {:?}",
            t.chars().take(4).collect::<String>(),
            t.len(),
            started.elapsed()
        );
    }
}

#[test]
fn only_combining_marks() {
    let t = "\u{301}\u{302}\u{303}".repeat(200);
    everything(&t);
    assert_eq!(text::count(&t, Network::Bluesky).unwrap().graphemes, 1);
    // X counts code points, so it can cut between marks; Bluesky cannot cut one grapheme.
    assert!(split_thread(&t, Network::X, &ThreadOptions::default()).is_ok());
    let long = "\u{301}".repeat(4000);
    assert!(split_thread(&long, Network::Bluesky, &ThreadOptions::default()).is_ok());
}

#[test]
fn lone_surrogates_from_hosts_keep_utf16_offsets() {
    // "a", lone high surrogate, " #tag", lone low surrogate.
    let units: Vec<u16> = [
        &[0x61u16, 0xD800][..],
        &" #tag".encode_utf16().collect::<Vec<_>>(),
        &[0xDC00],
    ]
    .concat();
    let t = text::from_utf16_lossy(&units);
    assert_eq!(t.encode_utf16().count(), units.len());
    let e = &text::extract_entities(&t)[0];
    assert_eq!((e.start_utf16, e.end_utf16), (3, 7));
    everything(&t);
}

#[test]
fn invalid_utf8_is_an_error_with_its_offset() {
    let err = text::from_utf8(b"caf\xc3 ok").unwrap_err();
    assert!(err.to_string().contains("byte 3"), "{err}");
    assert_eq!(text::from_utf8("café".as_bytes()).unwrap(), "café");
}

/// Reproducible random texts over characters that exercise every rule.
fn random_texts(n: usize, seed: u64) -> Vec<String> {
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "0",
        "_",
        "-",
        ".",
        "/",
        ":",
        "@",
        "＠",
        "#",
        "＃",
        "$",
        " ",
        "\n",
        "\n\n",
        "?",
        "&",
        "=",
        "(",
        ")",
        "'",
        "é",
        "日",
        "한",
        "ש",
        "\u{301}",
        "\u{200D}",
        "\u{FE0F}",
        "\u{20E3}",
        "\u{202A}",
        "\u{FFFE}",
        "\u{3000}",
        "👨",
        "🏽",
        "🇫",
        "😊",
        "http://",
        "https://",
        "t.co/",
        "www.",
        ".com",
        ".jp",
        ".みんな",
        "xn--",
        "RT",
        "…",
        "。",
        "\u{0}",
    ];
    let mut x = seed;
    (0..n)
        .map(|_| {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 40) as usize;
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
            }
            s
        })
        .collect()
}

#[test]
fn randomized_invariants() {
    for t in random_texts(1_000, 0x00C0_FFEE_1234_5678) {
        everything(&t);
        if t.trim().is_empty() {
            continue;
        }
        let long = t.repeat(12);
        for n in THREAD_NETWORKS {
            match split_thread(&long, n, &ThreadOptions::default()) {
                Ok(parts) => {
                    assert_eq!(
                        parts.iter().map(|p| p.text.as_str()).collect::<String>(),
                        long
                    );
                    assert!(parts.iter().all(|p| p.length <= p.limit), "{n}: {long:?}");
                }
                Err(e) => assert!(e.to_string().contains("cannot split"), "{n}: {e}"),
            }
        }
        let _ = text::count_field(
            &t,
            Network::Mastodon,
            text::Field::Post,
            &CountOptions::default(),
        );
    }
}

#[test]
fn grapheme_fast_path_agrees_with_segmentation() {
    use unicode_segmentation::UnicodeSegmentation;
    for t in random_texts(2_000, 0x0BAD_5EED_0000_0001)
        .into_iter()
        .chain([
            "Ω ΑΒΓ абв عربی 日本語 한국어 ｶﾀｶﾅ ﾞ".to_owned(),
            "e\u{301}".to_owned(),
            "\r\n".to_owned(),
        ])
    {
        let c = text::count(&t, Network::Bluesky).unwrap();
        assert_eq!(c.graphemes, t.graphemes(true).count() as u64, "{t:?}");
    }
}
