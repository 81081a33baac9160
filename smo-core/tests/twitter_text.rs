//! The twitter-text conformance suite (validate.yml, extract.yml, hit_highlighting.yml), every
//! case, read at run time from `../shared/conformance/twitter-text/` or `$SMO_CONFORMANCE_DIR`.
//! The files are never copied into this repository. When they are absent the tests say so and
//! pass without checking anything.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use serde_norway::Value;
use smo_core::text::{self, XConfig};

fn suite_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SMO_CONFORMANCE_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance"),
    };
    let dir = if dir.join("twitter-text").is_dir() {
        dir.join("twitter-text")
    } else {
        dir
    };
    if dir.join("validate.yml").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: twitter-text conformance files not found in {} (set SMO_CONFORMANCE_DIR)",
            dir.display()
        );
        None
    }
}

fn load(name: &str) -> Option<Value> {
    let dir = suite_dir()?;
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let doc: Value = serde_norway::from_str(&text).unwrap();
    Some(doc["tests"].clone())
}

fn cases(tests: &Value, section: &str) -> Vec<Value> {
    tests[section].as_sequence().cloned().unwrap_or_default()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// Runs every case of every section, collecting failures so one run shows them all.
struct Report {
    failures: Vec<String>,
    passed: usize,
}

impl Report {
    fn new() -> Self {
        Report {
            failures: Vec::new(),
            passed: 0,
        }
    }
    fn check(&mut self, section: &str, case: &Value, ok: bool, got: String) {
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(format!(
                "[{section}] {}: text {:?}, expected {:?}, got {got}",
                s(&case["description"]),
                s(&case["text"]),
                case["expected"]
            ));
        }
    }
    fn finish(self, file: &str) {
        eprintln!("{file}: {} cases passed", self.passed);
        assert!(
            self.failures.is_empty(),
            "{} of {} cases failed:\n{}",
            self.failures.len(),
            self.failures.len() + self.passed,
            self.failures.join("\n")
        );
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .map(|seq| seq.iter().map(|x| s(x).to_owned()).collect())
        .unwrap_or_default()
}

fn indices(v: &Value) -> (u64, u64) {
    let seq = v["indices"].as_sequence().unwrap();
    (seq[0].as_u64().unwrap(), seq[1].as_u64().unwrap())
}

#[test]
fn extract_yml() {
    let Some(tests) = load("extract.yml") else {
        return;
    };
    let mut r = Report::new();
    let texts = |es: Vec<text::Entity>| es.into_iter().map(|e| e.text).collect::<Vec<_>>();
    for (section, f) in [
        (
            "mentions",
            text::extract_mentions as fn(&str) -> Vec<text::Entity>,
        ),
        ("urls", text::extract_urls),
        ("tco_urls_with_params", text::extract_urls),
        ("hashtags", text::extract_hashtags),
        ("hashtags_from_astral", text::extract_hashtags),
        ("cashtags", text::extract_cashtags),
    ] {
        for case in cases(&tests, section) {
            let got = texts(f(s(&case["text"])));
            let want = strings(&case["expected"]);
            r.check(section, &case, got == want, format!("{got:?}"));
        }
    }
    for (section, key, f) in [
        (
            "mentions_with_indices",
            "screen_name",
            text::extract_mentions as fn(&str) -> Vec<text::Entity>,
        ),
        ("urls_with_indices", "url", text::extract_urls),
        ("urls_with_directional_markers", "url", text::extract_urls),
        ("hashtags_with_indices", "hashtag", text::extract_hashtags),
        ("cashtags_with_indices", "cashtag", text::extract_cashtags),
    ] {
        for case in cases(&tests, section) {
            let got: Vec<(String, u64, u64)> = f(s(&case["text"]))
                .into_iter()
                .map(|e| (e.text, e.start, e.end))
                .collect();
            let want: Vec<(String, u64, u64)> = case["expected"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| {
                    let (a, b) = indices(e);
                    (s(&e[key]).to_owned(), a, b)
                })
                .collect();
            r.check(section, &case, got == want, format!("{got:?}"));
        }
    }
    for case in cases(&tests, "mentions_or_lists_with_indices") {
        let got: Vec<(String, String, u64, u64)> =
            text::extract_mentions_or_lists(s(&case["text"]))
                .into_iter()
                .map(|e| {
                    let (name, slug) = match e.text.split_once('/') {
                        Some((n, l)) => (n.to_owned(), format!("/{l}")),
                        None => (e.text.clone(), String::new()),
                    };
                    (name, slug, e.start, e.end)
                })
                .collect();
        let want: Vec<(String, String, u64, u64)> = case["expected"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|e| {
                let (a, b) = indices(e);
                (s(&e["screen_name"]).into(), s(&e["list_slug"]).into(), a, b)
            })
            .collect();
        r.check(
            "mentions_or_lists_with_indices",
            &case,
            got == want,
            format!("{got:?}"),
        );
    }
    for case in cases(&tests, "replies") {
        let got = text::extract_reply(s(&case["text"]));
        let want = case["expected"].as_str().map(str::to_owned);
        r.check("replies", &case, got == want, format!("{got:?}"));
    }
    r.finish("extract.yml");
}

#[test]
fn validate_yml() {
    let Some(tests) = load("validate.yml") else {
        return;
    };
    let mut r = Report::new();
    type Check = fn(&str) -> bool;
    let bools: Vec<(&str, Check)> = vec![
        ("tweets", |t| text::parse_x(t, &XConfig::V1).valid),
        ("usernames", text::is_valid_username),
        ("lists", text::is_valid_list),
        ("hashtags", text::is_valid_hashtag),
        ("urls", |t| text::is_valid_url(t, true)),
        ("urls_without_protocol", |t| text::is_valid_url(t, false)),
    ];
    for (section, f) in &bools {
        for case in cases(&tests, section) {
            let got = f(s(&case["text"]));
            let want = case["expected"].as_bool().unwrap();
            r.check(section, &case, got == want, format!("{got}"));
        }
    }
    for (section, config) in [
        ("WeightedTweetsCounterTest", XConfig::V2),
        ("WeightedTweetsWithDiscountedEmojiCounterTest", XConfig::V3),
        ("UnicodeDirectionalMarkerCounterTest", XConfig::V3),
    ] {
        for case in cases(&tests, section) {
            let p = text::parse_x(s(&case["text"]), &config);
            let e = &case["expected"];
            let n = |k: &str| e[k].as_u64().unwrap();
            let ok = p.weighted_length == n("weightedLength")
                && p.valid == e["valid"].as_bool().unwrap()
                && p.permillage == n("permillage")
                && p.display_range_start == n("displayRangeStart")
                && p.display_range_end == n("displayRangeEnd")
                && p.valid_range_start == n("validRangeStart")
                && p.valid_range_end == n("validRangeEnd");
            r.check(section, &case, ok, format!("{p:?}"));
        }
    }
    r.finish("validate.yml");
}

#[test]
fn hit_highlighting_yml() {
    let Some(tests) = load("hit_highlighting.yml") else {
        return;
    };
    let mut r = Report::new();
    for section in ["plain_text", "with_links"] {
        for case in cases(&tests, section) {
            let hits: Vec<(usize, usize)> = case["hits"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(|h| {
                    let h = h.as_sequence().unwrap();
                    (
                        h[0].as_u64().unwrap() as usize,
                        h[1].as_u64().unwrap() as usize,
                    )
                })
                .collect();
            let got = text::highlight_hits(s(&case["text"]), &hits, "em");
            r.check(section, &case, got == s(&case["expected"]), got.clone());
        }
    }
    r.finish("hit_highlighting.yml");
}

#[test]
fn configurations_match_upstream_json() {
    let Some(dir) = suite_dir() else { return };
    for (file, ours) in [
        ("v1.json", XConfig::V1),
        ("v2.json", XConfig::V2),
        ("v3.json", XConfig::V3),
    ] {
        let json = std::fs::read_to_string(dir.join(file)).unwrap();
        assert_eq!(XConfig::from_json(&json).unwrap(), ours, "{file}");
    }
}

#[test]
fn tld_table_matches_upstream_list() {
    let Some(dir) = suite_dir() else { return };
    let doc: Value =
        serde_norway::from_str(&std::fs::read_to_string(dir.join("tld_lib.yml")).unwrap()).unwrap();
    for (key, ours) in [
        ("country", &text::tld::COUNTRY[..]),
        ("generic", &text::tld::GENERIC[..]),
    ] {
        let mut theirs: Vec<String> = strings(&doc[key])
            .into_iter()
            .map(|t| t.to_lowercase())
            .collect();
        theirs.sort();
        theirs.dedup();
        assert_eq!(theirs, ours, "{key}");
    }
    assert!(text::tld::COUNTRY.windows(2).all(|w| w[0] < w[1]));
    assert!(text::tld::GENERIC.windows(2).all(|w| w[0] < w[1]));
}
