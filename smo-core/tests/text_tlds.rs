//! Every TLD of the embedded table, walked: a URL on it is extracted whole, at the right offsets,
//! as twitter-text 3.x extracts it — with a protocol and without one (its bare-domain rule has no
//! exception for country TLDs: `it.so` and `foo.jp` are conformance cases), in lower and upper
//! case, and for an internationalised TLD both in Unicode form after an ASCII label
//! (`example.vermögensberatung`) and in punycode (`example.xn--vermgensberatung-pwb`).
//!
//! The punycode forms are computed here from the Unicode forms (RFC 3492, the `idna` crate),
//! anchored by three A-labels of the IANA root zone. The expected behaviour at a TLD's end is
//! twitter-text's boundary `(?=[^0-9a-zA-Z@+-]|$)`: other scripts may follow a TLD directly
//! (`twitter.みんなです` is a conformance case), ASCII letters, digits, `@`, `+` and `-` may not.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smo_core::text::{Entity, extract_urls, tld};

fn urls(text: &str) -> Vec<String> {
    extract_urls(text).into_iter().map(|e| e.text).collect()
}

/// The punycode (ASCII) form of a TLD stored in Unicode form.
fn a_label(tld: &str) -> String {
    format!("xn--{}", idna::punycode::encode_str(tld).unwrap())
}

/// `None` when `text` yields exactly one URL, `url`, at its first occurrence in `text`, with
/// every offset right; otherwise what went wrong.
fn extracted_once(text: &str, url: &str) -> Option<String> {
    let at = text.find(url).unwrap();
    let end = at + url.len();
    let chars = |s: &str| s.chars().count() as u64;
    let units = |s: &str| s.encode_utf16().count() as u64;
    let got = extract_urls(text);
    let ok = match got.as_slice() {
        [e] => {
            e.text == url
                && (e.start_byte, e.end_byte) == (at as u64, end as u64)
                && (e.start, e.end) == (chars(&text[..at]), chars(&text[..end]))
                && (e.start_utf16, e.end_utf16) == (units(&text[..at]), units(&text[..end]))
        }
        _ => false,
    };
    (!ok).then(|| format!("{text:?} gave {:?}", describe(&got)))
}

fn describe(got: &[Entity]) -> Vec<(String, u64, u64, u64, u64)> {
    got.iter()
        .map(|e| (e.text.clone(), e.start, e.end, e.start_byte, e.end_byte))
        .collect()
}

#[test]
fn punycode_forms_match_the_root_zone() {
    // A-labels as the IANA root zone database lists them.
    assert_eq!(a_label("рф"), "xn--p1ai");
    assert_eq!(a_label("みんな"), "xn--q9jyb4c");
    assert_eq!(a_label("vermögensberatung"), "xn--vermgensberatung-pwb");
}

#[test]
fn every_tld_of_the_table_is_extracted() {
    let mut failures = Vec::new();
    let (mut walked, mut idn) = (0, 0);
    for (kind, list) in [
        ("generic", &tld::GENERIC[..]),
        ("country", &tld::COUNTRY[..]),
    ] {
        // An empty or all-ASCII table would make the walk below prove nothing.
        assert!(list.iter().any(|t| t.is_ascii()) && list.iter().any(|t| !t.is_ascii()));
        for &t in list {
            walked += 1;
            let mut forms = vec![t.to_owned(), t.to_uppercase()];
            if !t.is_ascii() {
                idn += 1;
                let puny = a_label(t);
                forms.push(puny.to_uppercase());
                forms.push(puny);
            }
            for form in &forms {
                let with = format!("https://maison-lune.{form}");
                let deep = format!("http://www.maison-lune.{form}/journal?page=2");
                let bare = format!("maison-lune.{form}");
                let bare_path = format!("blog.maison-lune.{form}/journal");
                let texts = [
                    (format!("lire {with} !"), &with),
                    (with.clone(), &with),
                    (format!("({deep})"), &deep),
                    (format!("日本語{deep}です"), &deep),
                    (format!("voir {bare} ici"), &bare),
                    (bare.clone(), &bare),
                    // Another script may follow a TLD directly.
                    (format!("これは{bare}です"), &bare),
                    (format!("« {bare_path} »"), &bare_path),
                ];
                for (text, url) in &texts {
                    if let Some(m) = extracted_once(text, url) {
                        failures.push(format!("{kind} {t}: {m}"));
                    }
                }
            }
            // An ASCII letter or digit, `@`, `+` or `-` right after the TLD means it is not one
            // (unless the longer name is itself a TLD: `bo` + `x` is `box`). A shorter TLD that
            // starts it may still end a URL (`嘉里` in `嘉里大酒店x`), another script following
            // that one. Punycode is left out: hyphens, letters and digits all belong to it.
            for form in [t.to_owned(), t.to_uppercase()] {
                for next in ['x', 'Q', '7', '@', '+', '-'] {
                    let longer = format!("{t}{next}").to_lowercase();
                    if tld::GENERIC.contains(&longer.as_str())
                        || tld::COUNTRY.contains(&longer.as_str())
                    {
                        continue;
                    }
                    for text in [
                        format!("lire https://maison-lune.{form}{next} !"),
                        format!("voir maison-lune.{form}{next} ici"),
                    ] {
                        let got = urls(&text);
                        if got.iter().any(|u| u.ends_with(form.as_str())) {
                            failures.push(format!("{kind} {t}: {text:?} gave {got:?}"));
                        }
                    }
                }
            }
        }
    }
    eprintln!(
        "walked {walked} TLDs ({idn} internationalised, each also in punycode), {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn internationalised_tlds_after_an_ascii_label() {
    for (text, want) in [
        (
            "Conseil: beratung.vermögensberatung ouvert",
            "beratung.vermögensberatung",
        ),
        (
            "https://beratung.vermögensberater/kontakt.",
            "https://beratung.vermögensberater/kontakt",
        ),
        (
            "BERATUNG.VERMÖGENSBERATUNG/Termine",
            "BERATUNG.VERMÖGENSBERATUNG/Termine",
        ),
        ("sur example.みんな aujourd'hui", "example.みんな"),
        (
            "https://example.xn--vermgensberatung-pwb/",
            "https://example.xn--vermgensberatung-pwb/",
        ),
        // Of two TLDs where one starts the other, the longer wins when the text holds it
        // whole, the shorter when the text stops partway (twitter-text tries the longer
        // alternative first, and its boundary lets another script follow the shorter).
        ("hotel.嘉里大酒店 ici", "hotel.嘉里大酒店"),
        ("hotel.嘉里大厦 ici", "hotel.嘉里"),
        ("shop.भारतम् ici", "shop.भारतम्"),
        ("shop.भारतम ici", "shop.भारत"),
        // An ASCII TLD that another script follows directly.
        ("example.comだよね", "example.com"),
    ] {
        assert_eq!(urls(text), [want], "{text}");
    }
    // A word that only looks like the start of a TLD is not one.
    assert!(urls("example.vermögen ist").is_empty());
    assert!(urls("https://example.vermögensberatungx").is_empty());
    // Lower-casing that changes length (`İ` is two bytes, `i̇` three) finds no TLD either.
    assert!(urls("example.İnfo ici").is_empty());
}
