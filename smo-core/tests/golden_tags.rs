//! Golden vectors of the content tags, shared with the Python and Kotlin suites:
//! `tests/golden/tags/cases.json` (short French and English texts written for smo, with the
//! expected tags in order: phrase, score within 1e-9, byte positions; bad input as an error).
//! With `SMO_GOLDEN_WRITE=1` the test prints the current results as the file's JSON instead.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use serde_json::{Value, json};
use smo_core::listening::Lang;
use smo_core::tags::{Tag, extract_tags, extract_tags_batch};

const TOLERANCE: f64 = 1e-9;

fn file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/tags/cases.json")
}

fn expected(tags: &[Tag]) -> Value {
    json!(
        tags.iter()
            .map(|t| json!({
                "phrase": t.phrase,
                "score": t.score,
                "positions": t.positions.iter().map(|p| [p.start, p.end]).collect::<Vec<_>>(),
            }))
            .collect::<Vec<_>>()
    )
}

#[test]
fn golden_tags() {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(file()).unwrap()).unwrap();
    let write = std::env::var_os("SMO_GOLDEN_WRITE").is_some();
    let mut failures = Vec::new();
    let cases = doc["cases"].as_array_mut().unwrap();
    assert!(cases.len() >= 6);
    for c in cases.iter_mut() {
        let name = c["name"].as_str().unwrap().to_owned();
        let text = c["text"].as_str().unwrap().to_owned();
        let lang = match Lang::parse_opt(c["lang"].as_str()) {
            Ok(l) => l,
            Err(e) => {
                assert!(c.get("error").is_some(), "{name}: {e}");
                assert!(e.to_string().contains("lang"), "{name}: {e}");
                continue;
            }
        };
        assert!(c.get("error").is_none(), "{name}: expected an error");
        let top = c["top"].as_u64().unwrap() as usize;
        let tags = extract_tags(&text, lang, top);
        assert_eq!(
            extract_tags_batch(&[text.as_str()], lang, top)[0],
            tags,
            "{name}"
        );
        if write {
            c["expected"] = expected(&tags);
            continue;
        }
        let want = c["expected"].as_array().unwrap();
        if want.len() != tags.len() {
            failures.push(format!("{name}: {} tags, want {}", tags.len(), want.len()));
            continue;
        }
        for (i, (t, w)) in tags.iter().zip(want).enumerate() {
            if t.phrase != w["phrase"].as_str().unwrap() {
                failures.push(format!(
                    "{name}[{i}]: phrase {:?}, want {}",
                    t.phrase, w["phrase"]
                ));
            }
            if (t.score - w["score"].as_f64().unwrap()).abs() > TOLERANCE {
                failures.push(format!(
                    "{name}[{i}]: score {}, want {}",
                    t.score, w["score"]
                ));
            }
            let pos: Vec<[u64; 2]> = t.positions.iter().map(|p| [p.start, p.end]).collect();
            if json!(pos) != w["positions"] {
                failures.push(format!(
                    "{name}[{i}]: positions {pos:?}, want {}",
                    w["positions"]
                ));
            }
        }
    }
    if write {
        println!("{}", serde_json::to_string_pretty(&doc).unwrap());
        return;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
