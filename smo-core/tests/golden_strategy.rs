//! Golden vectors shared with the Python and Kotlin suites: `tests/golden/strategy/*.json` and
//! `tests/golden/handles/*.json`. Adding a case is adding a file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::kind;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use smo_core::strategy::rules::ValidateOptions;
use smo_core::{Error, RuleConfig, Severity, Strategy, handle};

fn golden(area: &str) -> Vec<(PathBuf, Value)> {
    support::golden(area)
}

fn run(case: &Value) -> Result<Vec<Value>, Error> {
    let input = &case["input"];
    let strategy = if input["example"].as_bool() == Some(true) {
        Strategy::example()?
    } else if let Some(j) = input.get("json") {
        Strategy::from_json(&j.to_string())?
    } else if let Some(t) = input["json_text"].as_str() {
        Strategy::from_json(t)?
    } else {
        Strategy::from_toml(input["toml"].as_str().unwrap())?
    };
    let opts = &case["options"];
    let today = opts["today"]
        .as_str()
        .map(smo_core::strategy::parse_date)
        .transpose()?;
    let mut rules = RuleConfig::default();
    for id in opts["disabled"].as_array().into_iter().flatten() {
        rules.disabled.insert(id.as_str().unwrap().to_owned());
    }
    let severities: BTreeMap<String, String> =
        serde_json::from_value(opts.get("severities").cloned().unwrap_or(Value::Null))
            .unwrap_or_default();
    for (id, s) in severities {
        rules.severities.insert(id, s.parse::<Severity>()?);
    }
    let findings = strategy.validate(&ValidateOptions { today, rules })?;
    Ok(findings
        .into_iter()
        .map(|f| {
            serde_json::json!({
                "rule": f.rule, "severity": f.severity.as_str(),
                "path": f.location.path, "message": f.message,
            })
        })
        .collect())
}

#[test]
fn strategy_golden_vectors() {
    let mut count = 0;
    for (path, case) in golden("strategy") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = &case["expected"];
        match (run(&case), expected.get("error")) {
            (Ok(found), None) => {
                let want = expected["findings"].as_array().unwrap();
                assert_eq!(found.len(), want.len(), "{name}: {found:#?}");
                for (f, w) in found.iter().zip(want) {
                    for key in ["rule", "severity", "path", "message"] {
                        if let Some(wv) = w.get(key) {
                            assert_eq!(&f[key], wv, "{name}: {key}");
                        }
                    }
                }
            }
            (Err(e), Some(want)) => {
                assert_eq!(kind(&e), want["kind"].as_str().unwrap(), "{name}: {e}");
                assert_eq!(e.to_string(), want["message"].as_str().unwrap(), "{name}");
            }
            (Ok(found), Some(_)) => panic!("{name}: expected an error, got {found:?}"),
            (Err(e), None) => panic!("{name}: unexpected error {e}"),
        }
        count += 1;
    }
    assert!(count >= 10, "only {count} strategy vectors");
}

#[test]
fn handle_golden_vectors() {
    for (path, file) in golden("handles") {
        for case in file["cases"].as_array().unwrap() {
            let network = case["network"].as_str().unwrap().parse().unwrap();
            let c = handle::check(network, case["handle"].as_str().unwrap());
            let at = format!("{}: {} {}", path.display(), case["network"], case["handle"]);
            assert_eq!(c.valid, case["valid"].as_bool().unwrap(), "{at}");
            assert_eq!(c.display, case["display"].as_str().unwrap(), "{at}");
            assert_eq!(c.normalized, case["normalized"].as_str().unwrap(), "{at}");
            let problems: Vec<String> = serde_json::from_value(case["problems"].clone()).unwrap();
            assert_eq!(c.problems, problems, "{at}");
        }
    }
}

#[test]
fn example_file_round_trips_through_toml_and_json() {
    let s = Strategy::example().unwrap();
    assert_eq!(Strategy::from_toml(&s.to_toml().unwrap()).unwrap(), s);
    assert_eq!(Strategy::from_json(&s.to_json().unwrap()).unwrap(), s);
}
