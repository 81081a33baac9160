//! Golden vectors of the watch analytics, shared with the Python and Kotlin suites:
//! `tests/golden/watch/*.json`. Each case names a function, its brands, mentions (or posts) and
//! options, and the parts of the result it expects.
//!
//! The expected numbers were worked out by hand from the definitions, e.g. for `sov-basic`:
//! A has m1 and m4 (likes 30; 5 + 1 repost), B has m2, m3 and m4 (likes 10; m3 unknown; 5 + 1),
//! so engagement shares are 36/52 and 16/52 and reach shares 2,000/6,000 and 4,000/6,000; for
//! `influencer-composite`, percentile ranks are mid-ranks over the 3 authors ((below + ½ equal)
//! / 3 × 100, missing = 0) averaged with weights 1/5; for `alerts-volume-spike`, the 14 days
//! before 2026-04-17 hold 2 mentions each (mean 2, sd 0, spread √2), so z = 10 / √2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Value, json};
use smo_core::Error;
use smo_core::data::{self, LoadOptions, PostRow};
use smo_core::kpi::formula::Formula;
use smo_core::listening::{
    self, AlertOptions, BenchmarkOptions, Brand, InfluenceOptions, Mention, ThemeOptions,
    VoiceOptions, WatchOptions, Weights,
};
use support::{kind, subset};

fn strict() -> LoadOptions {
    LoadOptions {
        strict: true,
        ..Default::default()
    }
}

fn scope(o: &Value) -> WatchOptions {
    let at = |k: &str| o[k].as_str().map(|s| s.parse().unwrap());
    WatchOptions {
        from: at("start"),
        to: at("end"),
        networks: o["networks"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|n| n.as_str().unwrap().parse().unwrap())
                    .collect()
            })
            .unwrap_or_default(),
        filter: o["filter"].as_str().map(str::to_owned),
        time_zone: o["time_zone"]
            .as_str()
            .map_or(chrono_tz::Tz::UTC, |z| z.parse().unwrap()),
    }
}

fn run(case: &Value) -> Result<Value, Error> {
    let o = &case["options"];
    let brands: Vec<Brand> = serde_json::from_value(case["brands"].clone()).unwrap_or_default();
    let mentions: Vec<Mention> = match case.get("mentions") {
        Some(m) => data::load_records::<Mention>(m, &strict())?.rows,
        None => Vec::new(),
    };
    let n = |k: &str, d: u64| o[k].as_u64().unwrap_or(d);
    let v = match case["fn"].as_str().unwrap() {
        "share_of_voice" => json!(listening::share_of_voice(
            &mentions,
            &brands,
            &VoiceOptions {
                watch: scope(o),
                period: o["period"].as_str().map(|p| p.parse().unwrap()),
                by_network: o["by_network"].as_bool().unwrap_or(false),
            },
        )?),
        "influencers" => json!(listening::influencers(
            &mentions,
            &brands,
            &InfluenceOptions {
                watch: scope(o),
                brand: o["brand"].as_str().map(str::to_owned),
                weights: (o["weights"] == "equal").then_some(Weights::EQUAL),
                min_mentions: n("min_mentions", 1),
                top: o["top"].as_u64().map(|t| t as usize),
            },
        )?),
        "themes" => json!(listening::themes(
            &mentions,
            &brands,
            &ThemeOptions {
                watch: scope(o),
                ..ThemeOptions::default()
            },
        )?),
        "alerts" => json!(listening::alerts(
            &mentions,
            &brands,
            &AlertOptions {
                watch: scope(o),
                ..AlertOptions::default()
            },
        )?),
        "benchmark" => {
            let posts = data::load_records::<PostRow>(&case["posts"], &strict())?.rows;
            let kpis: Vec<Formula> = o["kpis"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| Formula::parse(k.as_str().unwrap()))
                .collect::<Result<_, _>>()?;
            json!(listening::benchmark(
                &posts,
                &kpis,
                &BenchmarkOptions {
                    own: o["own"].as_str().map(str::to_owned),
                    ..Default::default()
                },
            )?)
        }
        f => panic!("unknown fn {f}"),
    };
    Ok(v)
}

#[test]
fn watch_golden_vectors() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, file) in support::golden("watch") {
        for case in file["cases"].as_array().unwrap() {
            n += 1;
            let name = format!("{}:{}", path.display(), case["name"].as_str().unwrap());
            let want = &case["expect"];
            match (run(case), want.get("error")) {
                (Ok(got), None) => subset(&got, want, &name, &mut failures),
                (Err(e), Some(w)) => {
                    let msg = e.to_string();
                    if w["kind"] != kind(&e) {
                        failures.push(format!(
                            "{name}: error kind {}, want {}",
                            kind(&e),
                            w["kind"]
                        ));
                    }
                    if !msg.contains(&format!("`{}`", w["path"].as_str().unwrap())) {
                        failures.push(format!("{name}: error {msg} does not name {}", w["path"]));
                    }
                }
                (Ok(_), Some(_)) => failures.push(format!("{name}: expected an error")),
                (Err(e), None) => failures.push(format!("{name}: unexpected error {e}")),
            }
        }
    }
    assert!(n >= 10, "{n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
