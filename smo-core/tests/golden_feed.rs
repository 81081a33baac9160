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

/// The fuzz target's property on stable: the seeds and regressions of
/// `smo-core/fuzz/{seeds,regressions}/feed_parse` and deterministic mutations of them read as a
/// feed or give a parse error, never a panic, and every draft of the unshared check carries its
/// channel's UTM source.
#[test]
fn feed_fuzz_corpus_and_mutations_hold() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for dir in ["seeds/feed_parse", "regressions/feed_parse"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            inputs.extend(rd.filter_map(|e| std::fs::read(e.ok()?.path()).ok()));
        }
    }
    assert!(!inputs.is_empty(), "no seeds under {}", root.display());
    let strategy = Strategy::example().unwrap();
    let now = "2026-09-30T12:00:00Z".parse().unwrap();
    let mut rng = support::Rng(0x00fe_ed00);
    let base = inputs.clone();
    for _ in 0..2000 {
        let mut x = base[rng.below(base.len())].clone();
        for _ in 0..1 + rng.below(3) {
            if x.is_empty() {
                x.push(b'<');
            }
            let at = rng.below(x.len());
            match rng.below(4) {
                0 => x[at] = rng.next() as u8,
                1 => x.truncate(at),
                2 => x.insert(at, b"<>&\"'/{}[]"[rng.below(10)]),
                _ => {
                    let piece: Vec<u8> = x[at..(at + 12).min(x.len())].to_vec();
                    x.splice(at..at, piece);
                }
            }
        }
        inputs.push(x);
    }
    let (mut read, mut refused) = (0, 0);
    for input in &inputs {
        match parse_feed(input) {
            Ok(f) => {
                read += 1;
                for u in unshared_content(&f, &[], &strategy, &PushOptions::at(now)).unwrap() {
                    for d in &u.drafts {
                        assert!(
                            d.url
                                .contains(&format!("utm_source={}", d.network.as_str()))
                        );
                    }
                }
            }
            Err(e) => {
                refused += 1;
                assert_eq!(kind(&e), "parse", "{e}");
            }
        }
    }
    assert!(read > 0 && refused > 0, "{read} read, {refused} refused");
}
