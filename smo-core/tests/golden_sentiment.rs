//! Golden vectors of the sentiment engine, shared with the Python and Kotlin suites:
//! `tests/golden/sentiment/*.json` (one English case per rule of the method, one French case
//! per French rule, bad input). Numbers are given to 4 decimals.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use serde_json::Value;
use smo_core::Error;
use smo_core::listening::{Lang, sentiment};

const TOLERANCE: f64 = 6e-5;

fn files() -> Vec<(String, Vec<Value>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/sentiment");
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, doc["cases"].as_array().unwrap().clone())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        out.len() >= 3,
        "golden sentiment files missing in {}",
        dir.display()
    );
    out
}

fn close(got: f64, want: &Value, what: &str, failures: &mut Vec<String>) {
    let want = want.as_f64().unwrap();
    if (got - want).abs() > TOLERANCE {
        failures.push(format!("{what}: got {got:.6}, want {want}"));
    }
}

#[test]
fn golden_vectors() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, cases) in files() {
        for case in cases {
            let at = format!("{file}: {}", case["name"].as_str().unwrap());
            let lang = match Lang::parse_opt(case["lang"].as_str()) {
                Ok(l) => l,
                Err(e) => {
                    assert!(matches!(e, Error::Argument { .. }), "{at}: {e:?}");
                    assert_eq!(
                        case["error"], "invalid_argument",
                        "{at}: unexpected error {e}"
                    );
                    checked += 1;
                    continue;
                }
            };
            assert!(case["error"].is_null(), "{at}: expected an error");
            let s = sentiment(case["text"].as_str().unwrap(), lang);
            let want = &case["expected"];
            if let Some(l) = want["label"].as_str() {
                if s.label.as_str() != l {
                    failures.push(format!("{at}: label {} != {l}", s.label));
                }
            }
            if let Some(l) = want["lang"].as_str() {
                if s.lang.as_str() != l {
                    failures.push(format!("{at}: lang {} != {l}", s.lang));
                }
            }
            for (k, got) in [
                ("compound", s.compound),
                ("positive", s.positive),
                ("negative", s.negative),
                ("neutral", s.neutral),
            ] {
                if !want[k].is_null() {
                    close(got, &want[k], &format!("{at}: {k}"), &mut failures);
                }
            }
            if let Some(entries) = want["entries"].as_array() {
                if entries.len() != s.trace.entries.len() {
                    failures.push(format!(
                        "{at}: {} entries, want {}",
                        s.trace.entries.len(),
                        entries.len()
                    ));
                }
                for (e, w) in s.trace.entries.iter().zip(entries) {
                    let rules: Vec<&str> = e.effects.iter().map(|f| f.rule.as_str()).collect();
                    let want_rules: Vec<&str> = w["rules"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r.as_str().unwrap())
                        .collect();
                    if e.lexeme != w["lexeme"].as_str().unwrap()
                        || e.token != w["token"].as_str().unwrap()
                        || e.start_byte != w["start_byte"].as_u64().unwrap()
                        || e.end_byte != w["end_byte"].as_u64().unwrap()
                        || rules != want_rules
                    {
                        failures.push(format!("{at}: entry {e:?} != {w}"));
                    }
                    close(
                        e.valence,
                        &w["valence"],
                        &format!("{at}: valence"),
                        &mut failures,
                    );
                    close(e.score, &w["score"], &format!("{at}: score"), &mut failures);
                }
            }
            if let Some(p) = want["punctuation"].as_array() {
                let got: Vec<&str> = s
                    .trace
                    .punctuation
                    .iter()
                    .map(|e| e.rule.as_str())
                    .collect();
                let want: Vec<&str> = p.iter().map(|r| r.as_str().unwrap()).collect();
                if got != want {
                    failures.push(format!("{at}: punctuation {got:?} != {want:?}"));
                }
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 45, "only {checked} cases");
}
