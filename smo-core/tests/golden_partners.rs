//! Golden vectors of link exchanges, shared with the Python and Kotlin suites:
//! `tests/golden/partners/*.json`. `check` cases run the check on a ledger, pages and web rows
//! and compare the flat records and the findings (rule, path); `load` cases read a ledger and
//! compare the rows and the rejected rows (line, field).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Value, json};
use smo_core::data::{self, LoadOptions, WebRow};
use smo_core::partners::{self, CheckOptions, Partner, check_partners};
use support::subset;

fn run(case: &Value) -> Value {
    let strict = LoadOptions {
        strict: true,
        ..Default::default()
    };
    match case["fn"].as_str().unwrap() {
        "check" => {
            let ledger = data::load_records::<Partner>(&case["ledger"], &strict)
                .unwrap()
                .rows;
            let web = match case.get("web") {
                Some(w) => data::load_records::<WebRow>(w, &strict).unwrap().rows,
                None => Vec::new(),
            };
            let pages: Vec<(&str, &[u8])> = case["pages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap().as_bytes()))
                .collect();
            let mut options = CheckOptions::for_site(case["site"].as_str().unwrap()).unwrap();
            options.today = case
                .get("today")
                .map(|t| t.as_str().unwrap().parse().unwrap());
            if let Some(g) = case.get("grace_days") {
                options.grace_days = g.as_u64().unwrap() as u32;
            }
            let r = check_partners(&ledger, &pages, &web, &options).unwrap();
            let findings: Vec<Value> = r
                .findings
                .iter()
                .map(|f| json!([f.rule, f.location.path]))
                .collect();
            json!({"records": r.records(), "findings": findings})
        }
        "load" => {
            let l =
                partners::load(case["text"].as_str().unwrap(), &LoadOptions::default()).unwrap();
            let rows: Vec<Value> = l.rows.iter().map(Partner::to_record).collect();
            let rejected: Vec<Value> = l
                .rejected
                .iter()
                .map(|r| json!([r.line, r.field]))
                .collect();
            json!({"rows": rows, "rejected": rejected})
        }
        other => panic!("unknown fn {other}"),
    }
}

#[test]
fn partners_golden_vectors() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, file) in support::golden("partners") {
        for case in file["cases"].as_array().unwrap() {
            n += 1;
            let name = format!("{}:{}", path.display(), case["name"].as_str().unwrap());
            let got = run(case);
            let want = &case["expect"];
            for (key, exact) in [
                ("findings", true),
                ("rejected", true),
                ("records", false),
                ("rows", false),
            ] {
                let Some(w) = want.get(key) else { continue };
                let g = &got[key];
                if exact {
                    if g != w {
                        failures.push(format!("{name}: {key} {g}, want {w}"));
                    }
                } else {
                    subset(g, w, &format!("{name}.{key}"), &mut failures);
                }
            }
        }
    }
    assert!(n >= 9, "only {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
