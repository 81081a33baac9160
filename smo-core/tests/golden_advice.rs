//! Golden vectors of advice, shared with the Python and Kotlin suites:
//! `tests/golden/advice/cases.json`. Each case is a post table; the recommendations that must
//! and must not appear, and the comparisons of posts with Welch statistics computed outside
//! smo (`make_cases.py`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Value, json};
use smo_core::Strategy;
use smo_core::advice::{AdviceInputs, AdviceOptions, advise};
use smo_core::data::{self, Dataset, LoadOptions};

fn close(got: &Value, want: &Value, tol: f64) -> bool {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => (g - w).abs() <= tol,
        _ => got == want,
    }
}

#[test]
fn advice_golden_vectors() {
    let strategy = Strategy::example().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, file) in support::golden("advice") {
        for case in file["cases"].as_array().unwrap() {
            n += 1;
            let name = format!("{}:{}", path.display(), case["name"].as_str().unwrap());
            let opts = LoadOptions {
                strict: true,
                ..Default::default()
            };
            let posts = data::load_csv(case["posts"].as_str().unwrap(), &opts)
                .unwrap()
                .rows;
            let data = Dataset {
                posts,
                ..Default::default()
            };
            let a = advise(
                &strategy,
                &AdviceInputs {
                    data: Some(&data),
                    ..Default::default()
                },
                &AdviceOptions {
                    time_zone: Some(chrono_tz::Tz::UTC),
                    ..Default::default()
                },
            )
            .unwrap();
            let got = json!(a);
            let want = &case["expect"];
            for p in want["present"].as_array().unwrap() {
                let hit = got["recommendations"].as_array().unwrap().iter().any(|r| {
                    r["id"] == p["id"]
                        && r["subject"] == p["subject"]
                        && p.get("priority").is_none_or(|v| &r["priority"] == v)
                        && p.get("objective").is_none_or(|v| &r["objective"] == v)
                        && p.get("source_kind")
                            .is_none_or(|v| &r["source"]["kind"] == v)
                });
                if !hit {
                    failures.push(format!("{name}: no recommendation {p}"));
                }
            }
            for id in want["absent"].as_array().unwrap() {
                if a.recommendations
                    .iter()
                    .any(|r| r.id == id.as_str().unwrap())
                {
                    failures.push(format!("{name}: {id} must not be advised"));
                }
            }
            for w in want["comparisons"].as_array().unwrap() {
                let Some(c) = got["comparisons"].as_array().unwrap().iter().find(|c| {
                    c["family"] == w["family"]
                        && c["measure"] == w["measure"]
                        && c["group"] == w["group"]
                }) else {
                    failures.push(format!("{name}: no comparison {w}"));
                    continue;
                };
                for (k, tol) in [
                    ("n", 0.0),
                    ("rest_n", 0.0),
                    ("mean", 1e-3),
                    ("rest_mean", 1e-3),
                    ("t", 0.01),
                    ("df", 0.1),
                    ("significant", 0.0),
                ] {
                    if let Some(v) = w.get(k) {
                        if !close(&c[k], v, tol) {
                            failures.push(format!(
                                "{name}: {}/{} {k} = {}, want {v}",
                                w["family"], w["group"], c[k]
                            ));
                        }
                    }
                }
                if let Some(p) = w.get("note_starts") {
                    if !c["note"].as_str().unwrap().starts_with(p.as_str().unwrap()) {
                        failures.push(format!("{name}: note `{}`, want `{p}…`", c["note"]));
                    }
                }
            }
        }
    }
    assert!(n >= 3, "expected the advice golden vectors, found {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_options_are_typed_errors() {
    let s = Strategy::example().unwrap();
    let inputs = AdviceInputs::default();
    for opts in [
        AdviceOptions {
            alpha: 0.0,
            ..Default::default()
        },
        AdviceOptions {
            min_posts: 1,
            ..Default::default()
        },
        AdviceOptions {
            disabled: ["report/strong-content-typ".to_owned()].into(),
            ..Default::default()
        },
    ] {
        let e = advise(&s, &inputs, &opts).unwrap_err();
        assert!(!e.to_string().is_empty());
    }
    // The registry's ids are all known to `rules()`, with their source.
    let all = smo_core::rules();
    for r in smo_core::advice::RULES {
        assert!(all.iter().any(|i| i.id == r.id && !i.source.is_empty()));
    }
}
