//! Every TLD of the embedded table, walked: a URL on it is extracted whole, as twitter-text
//! extracts it — with a protocol on every TLD, without one on every generic TLD, in Unicode form
//! after an ASCII label (`example.vermögensberatung`), in upper case, and in punycode.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smo_core::text::{extract_urls, tld};

fn urls(text: &str) -> Vec<String> {
    extract_urls(text).into_iter().map(|e| e.text).collect()
}

#[test]
fn every_tld_of_the_table_is_extracted() {
    let mut failures = Vec::new();
    for (kind, list) in [
        ("generic", &tld::GENERIC[..]),
        ("country", &tld::COUNTRY[..]),
    ] {
        for t in list {
            let with = format!("https://maison-lune.{t}/journal");
            if urls(&format!("lire {with} !")) != [with.clone()] {
                failures.push(format!(
                    "{kind} {t}: {:?} from `{with}`",
                    urls(&format!("lire {with} !"))
                ));
            }
            let upper = format!("https://maison-lune.{}", t.to_uppercase());
            if urls(&format!("voir {upper}")) != [upper.clone()] {
                failures.push(format!(
                    "{kind} {t} upper: {:?}",
                    urls(&format!("voir {upper}"))
                ));
            }
            if kind == "generic" {
                let bare = format!("maison-lune.{t}");
                if urls(&format!("voir {bare} ici")) != [bare.clone()] {
                    failures.push(format!(
                        "{kind} {t} without protocol: {:?}",
                        urls(&format!("voir {bare} ici"))
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} TLDs fail:\n{}",
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
        ("sur example.みんな aujourd'hui", "example.みんな"),
        (
            "https://example.xn--vermgensberatung-pwb/",
            "https://example.xn--vermgensberatung-pwb/",
        ),
    ] {
        assert_eq!(urls(text), [want], "{text}");
    }
    // A word that only looks like the start of a TLD is not one.
    assert!(urls("example.vermögen ist").is_empty());
}
