//! Robustness of the site audit: the historical crash inputs of other HTML parsers
//! (site-audit.md §6), pathological pages, and a randomized no-panic run over mutations of them
//! (the same seeds as the cargo-fuzz target in `smo-core/fuzz`, which needs nightly).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::Rng;

use smo_core::audit::{AuditOptions, PageAudit, ScanLimits, audit_page};

const URL: &str = "https://robust.example/a/b";

fn audit(html: &[u8], chunk: usize) -> PageAudit {
    let options = AuditOptions {
        limits: ScanLimits {
            chunk_size: chunk,
            ..ScanLimits::default()
        },
        ..AuditOptions::default()
    };
    let a = audit_page(html, URL, &options).unwrap();
    assert!(
        !a.findings.iter().any(|f| f.rule == "page/internal-error"),
        "internal error on {:?}",
        String::from_utf8_lossy(&html[..html.len().min(200)])
    );
    a
}

fn rules(a: &PageAudit) -> Vec<&str> {
    a.findings.iter().map(|f| f.rule.as_str()).collect()
}

fn seeds() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/audit_page");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    out
}

#[test]
fn a_50_mb_attribute_stops_at_the_memory_cap_with_a_page_finding() {
    let mut html = b"<html><head><title>t</title><meta property=\"og:title\" content=\"".to_vec();
    html.resize(html.len() + 50 * 1024 * 1024, b'x');
    html.extend_from_slice(b"\"><meta property=\"og:type\" content=\"website\"></head></html>");
    let a = audit(&html, 64 * 1024);
    assert!(
        rules(&a).contains(&"page/parse-incomplete"),
        "{:?}",
        rules(&a)
    );
    assert!(!a.features.parse.complete);
    assert_eq!(
        a.features.title.as_deref(),
        Some("t"),
        "what came before is kept"
    );
}

#[test]
fn a_tag_beyond_the_parser_memory_is_read_by_the_tokenizer_fallback() {
    // A link to a 20 MB inline image: lol_html stops at its 16 MiB cap when the tag comes in
    // chunks (it must lex an `<a>`); the tokenizer reads the rest.
    let mut html =
        b"<html><head><title>t</title><meta property=\"og:title\" content=\"A &amp; B\">\
        </head><body><p><a title=\"big\" href=\"data:image/png;base64,"
            .to_vec();
    html.resize(html.len() + 20 * 1024 * 1024, b'A');
    html.extend_from_slice(
        b"\">image</a></p><meta property=\"og:type\" content=\"website\"><script type=\"application/ld+json\">\
          {\"@type\":\"Organization\",\"name\":\"Big\"}</script><noscript><a href=\"https://x.com/bigbrand\">x</a>\
          </noscript><a href=\"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Frobust.example%2F\">f</a></body></html>",
    );
    let a = audit(&html, 64 * 1024);
    let r = rules(&a);
    assert!(a.features.parse.complete, "{r:?}");
    assert!(a.features.parse.fallback.is_some());
    assert!(r.contains(&"page/parser-fallback") && !r.contains(&"page/parse-incomplete"));
    assert_eq!(
        a.features.og("og:type"),
        Some("website"),
        "read after the big tag"
    );
    assert_eq!(a.features.og("og:title"), Some("A & B"));
    assert_eq!(a.features.share_links.len(), 1);
    assert_eq!(a.features.profiles[0].handle, "bigbrand");
    assert!(a.features.profiles[0].origin.in_noscript);
    // The same inventory, offsets included, as lol_html given the memory to finish.
    let roomy = AuditOptions {
        limits: ScanLimits {
            max_parser_memory: 64 * 1024 * 1024,
            ..ScanLimits::default()
        },
        ..AuditOptions::default()
    };
    let reference = audit_page(&html, URL, &roomy).unwrap().features;
    assert!(reference.parse.complete && reference.parse.fallback.is_none());
    // In one chunk lol_html needs no buffer and finishes too.
    assert_eq!(audit(&html, usize::MAX).features, reference);
    let mut read = a.features.clone();
    read.parse.fallback = None;
    assert_eq!(read, reference);
    // Beyond `max_fallback_bytes` the partial result stands.
    let capped = AuditOptions {
        limits: ScanLimits {
            max_fallback_bytes: 1024 * 1024,
            ..ScanLimits::default()
        },
        ..AuditOptions::default()
    };
    let partial = audit_page(&html, URL, &capped).unwrap();
    assert!(!partial.features.parse.complete);
    assert_eq!(partial.features.og("og:type"), None);
}

#[test]
fn a_50_mb_attribute_in_one_chunk_is_cut_at_the_value_cap() {
    let mut html = b"<meta property=\"og:title\" content=\"".to_vec();
    html.resize(html.len() + 50 * 1024 * 1024, b'x');
    html.extend_from_slice(b"\">");
    let a = audit(&html, usize::MAX);
    let r = rules(&a);
    assert!(
        r.contains(&"page/value-truncated") || r.contains(&"page/parse-incomplete"),
        "{r:?}"
    );
    assert!(a.features.meta.iter().all(|m| m.raw.len() <= 64 * 1024));
}

#[test]
fn deep_and_wide_pathological_pages_finish_with_their_inventory() {
    let mut deep =
        b"<html><head><meta property=\"og:title\" content=\"Deep\"></head><body>".to_vec();
    deep.extend(b"<div>".repeat(100_000));
    deep.extend_from_slice(b"<a href=\"https://x.com/deepbrand\">x</a>");
    let a = audit(&deep, 64 * 1024);
    assert!(rules(&a).contains(&"page/deep-nesting"));
    assert_eq!(a.features.og("og:title"), Some("Deep"));
    assert_eq!(
        a.features.profiles[0].handle, "deepbrand",
        "content after the nesting is read"
    );

    let mut lists = b"<ul><li>".repeat(64 * 1024);
    lists.extend_from_slice(b"<meta property=\"og:type\" content=\"website\">");
    let a = audit(&lists, 64 * 1024);
    assert!(rules(&a).contains(&"page/deep-nesting"));
    assert_eq!(a.features.og("og:type"), Some("website"));

    let mut misnested = b"<a>".repeat(40_000);
    misnested.extend(b"<i>".repeat(40_000));
    misnested.extend(b"</a>".repeat(40_000));
    let a = audit(&misnested, 64 * 1024);
    assert!(a.features.parse.complete);
}

#[test]
fn historical_crashers_do_not_panic_and_do_not_depend_on_chunking() {
    for seed in seeds() {
        let whole = audit(&seed, usize::MAX);
        for chunk in [1, 3, 1024] {
            assert_eq!(audit(&seed, chunk), whole);
        }
    }
}

const INSERTS: &[&[u8]] = &[
    b"<math>",
    b"</n\xc3\x9f>",
    b"<W@>",
    b"<select>",
    b"<template>",
    b"<frameset>",
    b"<plaintext>",
    b"<script>",
    b"<![CDATA[",
    b"\0",
    b"\xff\xfe",
    b"<noscript>",
    b"<meta property=\"og:image\" content=\"//x\">",
    b"&#x1f680;",
    b"&amp",
    b"<link rel=canonical href=",
    b"<a href=\"https://x.com/intent/tweet?text=",
    b"<script type=\"application/ld+json\">{",
    b"-->",
    b"<!--",
    b"\"",
    b"'",
    b">",
    b"<",
];

#[test]
fn randomized_mutations_never_panic() {
    // The no-panic run of the normal suite (cargo-fuzz runs the same invariant for longer).
    let seeds = seeds();
    let mut rng = Rng(0x05EE_D0FA_0D17);
    for round in 0..600 {
        let mut input = seeds[round % seeds.len()].clone();
        for _ in 0..1 + rng.below(4) {
            match rng.below(4) {
                0 => {
                    let cut = rng.below(input.len() + 1);
                    input.truncate(cut);
                }
                1 => {
                    let at = rng.below(input.len() + 1);
                    let ins = INSERTS[rng.below(INSERTS.len())];
                    input.splice(at..at, ins.iter().copied());
                }
                2 if !input.is_empty() => {
                    let at = rng.below(input.len());
                    input[at] ^= 1 << rng.below(8);
                }
                _ if !input.is_empty() => {
                    let a = rng.below(input.len());
                    let b = (a + rng.below(64)).min(input.len());
                    input.drain(a..b);
                }
                _ => {}
            }
        }
        let chunk = 1 + rng.below(97);
        let whole = audit(&input, usize::MAX);
        assert_eq!(audit(&input, chunk), whole, "round {round}, chunk {chunk}");
    }
}

/// The inputs the `audit_page` fuzz campaign kept (`fuzz/regressions/audit_page`): each audits
/// without a panic, whole and in small chunks alike.
#[test]
fn the_fuzz_corpus_audits_the_same_in_chunks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/audit_page");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let input = std::fs::read(e.unwrap().path()).unwrap();
        assert_eq!(audit(&input, 7), audit(&input, usize::MAX));
        n += 1;
    }
    assert!(n > 0, "no kept inputs");
}
