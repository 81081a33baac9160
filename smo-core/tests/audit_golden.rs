//! Golden vectors of the site audit (`tests/golden/audit/<case>.json` and `<case>.html`), shared with the Python and
//! Kotlin tests: each case is a synthetic page of our own for one real-world pattern, with the
//! expected inventory (a subset of the `PageFeatures` JSON), the exact set of failing rules and
//! their severities, and rules that must be not-applicable.
//!
//! `SMO_BLESS=1 cargo test -p smo-core --test audit_golden` records the rules of cases that have
//! none yet (review the diff before committing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use smo_core::audit::{AuditOptions, PageAudit, ScanLimits, Status, audit_page};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/audit")
}

/// Every case, with the file it came from.
fn cases() -> Vec<(PathBuf, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no golden vectors in {}",
        dir().display()
    );
    files
        .into_iter()
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, v)
        })
        .collect()
}

/// `expected` is a subset of `actual`: objects by key, arrays element-wise with equal length.
fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let av = a.get(k).unwrap_or(&Value::Null);
                subset(v, av, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} items, got {}: {a:?}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
}

/// Runs a case with `limits` and the limits the case sets (`"limits": {"name": value}`).
fn run(case: &Value, mut limits: ScanLimits) -> PageAudit {
    if let Some(set) = case.get("limits").and_then(Value::as_object) {
        for (name, value) in set {
            limits = limits.with(name, value.as_u64().unwrap()).unwrap();
        }
    }
    let html = std::fs::read(dir().join(case["html_file"].as_str().unwrap())).unwrap();
    let options = AuditOptions {
        limits,
        ..AuditOptions::default()
    };
    audit_page(&html, case["url"].as_str().unwrap(), &options).unwrap()
}

fn failing(a: &PageAudit) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for f in &a.findings {
        let sev = f.severity.as_str().to_owned();
        out.entry(f.rule.clone())
            .and_modify(|s| {
                // Keep the most serious severity of the rule's findings.
                let rank = |x: &str| ["error", "warning", "notice"].iter().position(|y| *y == x);
                if rank(&sev) < rank(s) {
                    *s = sev.clone();
                }
            })
            .or_insert(sev);
    }
    out
}

#[test]
fn golden_cases() {
    let bless = std::env::var("SMO_BLESS").is_ok();
    let mut errors = Vec::new();
    for (file, mut case) in cases() {
        let case = &mut case;
        let mut changed = false;
        let name = case["name"].as_str().unwrap().to_owned();
        let audit = run(case, ScanLimits::default());
        let features = serde_json::to_value(&audit.features).unwrap();
        if let Err(e) = subset(&case["features"], &features, "features") {
            errors.push(format!("{name}: {e}"));
        }
        let got = failing(&audit);
        match case.get("rules") {
            Some(rules) => {
                let want: Vec<String> = serde_json::from_value(rules.clone()).unwrap();
                let have: Vec<String> = got.keys().cloned().collect();
                if want != have {
                    errors.push(format!("{name}: rules expected {want:?}, got {have:?}"));
                }
            }
            None if bless => {
                case["rules"] = serde_json::to_value(got.keys().collect::<Vec<_>>()).unwrap();
                case["severities"] = serde_json::to_value(&got).unwrap();
                let na: Vec<&str> = audit
                    .outcomes
                    .iter()
                    .filter(|o| o.status == Status::NotApplicable)
                    .map(|o| o.rule.as_str())
                    .collect();
                case["not_applicable"] = serde_json::to_value(na).unwrap();
                changed = true;
            }
            None => errors.push(format!(
                "{name}: no expected rules (bless with SMO_BLESS=1)"
            )),
        }
        if let Some(sev) = case.get("severities").and_then(Value::as_object) {
            for (rule, s) in sev {
                if got.get(rule).map(String::as_str) != s.as_str() {
                    errors.push(format!(
                        "{name}: {rule} severity expected {s}, got {:?}",
                        got.get(rule)
                    ));
                }
            }
        }
        if let Some(na) = case.get("not_applicable").and_then(Value::as_array) {
            for rule in na {
                let o = audit
                    .outcomes
                    .iter()
                    .find(|o| Some(o.rule.as_str()) == rule.as_str());
                if o.map(|o| o.status) != Some(Status::NotApplicable) {
                    errors.push(format!("{name}: {rule} should be not applicable, is {o:?}"));
                }
            }
        }
        if let Some(eff) = case.get("effective").and_then(Value::as_object) {
            for (key, v) in eff {
                let got = if key.starts_with("twitter:") {
                    audit.features.tw(key)
                } else {
                    audit.features.og(key)
                };
                if got != v.as_str() {
                    errors.push(format!("{name}: effective {key} expected {v}, got {got:?}"));
                }
            }
        }
        if let Some(lines) = case.get("fix_html_contains").and_then(Value::as_array) {
            for line in lines {
                if !audit.fix_html.contains(line.as_str().unwrap()) {
                    errors.push(format!(
                        "{name}: fix_html lacks {line}:\n{}",
                        audit.fix_html
                    ));
                }
            }
        }
        if let Some(scores) = case.get("scores") {
            let actual = serde_json::to_value(audit.scores).unwrap();
            if let Err(e) = subset(scores, &actual, "scores") {
                errors.push(format!("{name}: {e}"));
            }
        }
        if changed {
            let text = serde_json::to_string_pretty(&case).unwrap();
            std::fs::write(&file, text + "\n").unwrap();
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The audit without the trace of the tokenizer fallback.
fn without_fallback(mut a: PageAudit) -> PageAudit {
    a.features.parse.fallback = None;
    a.findings.retain(|f| f.rule != "page/parser-fallback");
    for o in &mut a.outcomes {
        if o.rule == "page/parser-fallback" {
            o.status = Status::Pass;
            o.score = Some(1.0);
        }
    }
    a
}

#[test]
fn inventory_does_not_depend_on_chunking() {
    for (_, case) in cases() {
        let case = &case;
        let mut case = case.clone();
        // The case's chunk size is the one thing this test changes.
        if let Some(l) = case.get_mut("limits").and_then(Value::as_object_mut) {
            l.remove("chunk_size");
        }
        let case = &case;
        let whole = run(
            case,
            ScanLimits {
                chunk_size: usize::MAX,
                ..ScanLimits::default()
            },
        );
        // Whether lol_html runs out of memory on a huge tag, and the tokenizer reads the page
        // instead, depends on the chunking (in one chunk it needs no buffer); what the page
        // holds does not.
        let whole = without_fallback(whole);
        let size = whole.features.parse.bytes as usize;
        // One byte at a time on pages up to 64 KiB; 7 bytes on the larger pathological ones.
        let small = if size <= 64 * 1024 { 1 } else { 7 };
        for chunk in [small, 1024] {
            let chunked = run(
                case,
                ScanLimits {
                    chunk_size: chunk,
                    ..ScanLimits::default()
                },
            );
            assert_eq!(
                without_fallback(chunked),
                whole,
                "{} differs when fed {chunk} bytes at a time",
                case["name"]
            );
        }
    }
}

#[test]
fn example_site_pages_are_chunking_independent() {
    for (url, html) in smo_core::audit::example::example_site() {
        let audit = |chunk_size| {
            let options = AuditOptions {
                limits: ScanLimits {
                    chunk_size,
                    ..ScanLimits::default()
                },
                ..AuditOptions::default()
            };
            audit_page(html.as_bytes(), url, &options).unwrap()
        };
        let whole = audit(usize::MAX);
        assert_eq!(audit(1), whole, "{url}");
        assert_eq!(audit(1024), whole, "{url}");
    }
}
