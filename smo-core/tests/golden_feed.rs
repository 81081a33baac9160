//! Golden vectors of feeds, shared with the Python and Kotlin suites: `tests/golden/feed/*.json`.
//! `parse` cases list the model's fields after reading an RSS, Atom or JSON feed (or the parse
//! error's kind and the start of its message, which gives the line and column); `unshared` cases
//! run the recent-content check on the example strategy.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Value, json};
use smo_core::Strategy;
use smo_core::data::{self, LoadOptions, PostRow};
use smo_core::feed::parse_feed;
use smo_core::feed::push::{PushOptions, unshared_content};
use support::{kind, subset};

#[test]
fn feed_golden_vectors() {
    let strategy = Strategy::example().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, file) in support::golden("feed") {
        for case in file["cases"].as_array().unwrap() {
            n += 1;
            let name = format!("{}:{}", path.display(), case["name"].as_str().unwrap());
            let want = &case["expect"];
            let parsed = parse_feed(case["text"].as_str().unwrap().as_bytes());
            match (case["fn"].as_str().unwrap(), parsed, want.get("error")) {
                ("parse", Ok(f), None) => subset(&json!(f), want, &name, &mut failures),
                ("parse", Err(e), Some(w)) => {
                    if w["kind"] != kind(&e)
                        || !e.to_string().starts_with(w["starts"].as_str().unwrap())
                    {
                        failures.push(format!("{name}: error {} `{e}`, want {w}", kind(&e)));
                    }
                }
                ("unshared", Ok(f), None) => {
                    let opts = LoadOptions {
                        strict: true,
                        ..Default::default()
                    };
                    let posts = data::load_records::<PostRow>(&case["posts"], &opts)
                        .unwrap()
                        .rows;
                    let now = case["now"].as_str().unwrap().parse().unwrap();
                    let got =
                        unshared_content(&f, &posts, &strategy, &PushOptions::at(now)).unwrap();
                    let got: Vec<Value> = got
                        .iter()
                        .map(|u| {
                            json!({"link": u.item.link, "age_days": u.age_days, "shared_on": u.shared_on, "drafts": u.drafts})
                        })
                        .collect();
                    let items = want["items"].as_array().unwrap();
                    if got.len() != items.len() {
                        failures.push(format!("{name}: {} items, want {}", got.len(), items.len()));
                    }
                    for (i, (g, w)) in got.iter().zip(items).enumerate() {
                        let mut w = w.clone();
                        if let Some(count) = w["drafts"].as_u64() {
                            if g["drafts"].as_array().map(Vec::len) != Some(count as usize) {
                                failures.push(format!(
                                    "{name}[{i}]: drafts {}, want {count}",
                                    g["drafts"].as_array().map_or(0, Vec::len)
                                ));
                            }
                            w.as_object_mut().unwrap().remove("drafts");
                        }
                        subset(g, &w, &format!("{name}[{i}]"), &mut failures);
                    }
                }
                (_, r, _) => {
                    failures.push(format!("{name}: unexpected {:?}", r.map(|f| f.items.len())))
                }
            }
        }
    }
    assert!(n >= 6, "{n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
