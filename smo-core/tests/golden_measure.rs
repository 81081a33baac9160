//! Golden vectors of measurement, shared with the Python and Kotlin suites:
//! `tests/golden/measure/*.json`. Adding a case is adding an entry.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{Value, json};
use smo_core::Error;
use smo_core::data::{self, AccountRow, LoadOptions, PostRow, WebRow};
use smo_core::kpi::formula::{self as fm, Formula, ResponseTime, SentimentMode};
use smo_core::kpi::group::{GroupOptions, group_posts};
use smo_core::kpi::objective;
use smo_core::traffic::utm::{self, Existing, LintOptions, Utm, UtmOptions};
use smo_core::traffic::{channel_group, classify_referrer};
use support::kind;

fn golden(name: &str) -> Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden/measure")
        .join(name);
    serde_json::from_str(
        &std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
    )
    .unwrap()
}

fn close(got: Option<f64>, want: &Value, at: &str) {
    match (got, want.as_f64()) {
        (None, None) => {}
        (Some(g), Some(w)) => assert!((g - w).abs() < 1e-4, "{at}: got {g}, want {w}"),
        (g, _) => panic!("{at}: got {g:?}, want {want}"),
    }
}

fn posts(v: &Value) -> Vec<PostRow> {
    let l = data::load_records::<PostRow>(
        v,
        &LoadOptions {
            strict: true,
            ..Default::default()
        },
    )
    .unwrap();
    l.rows
}

#[test]
fn kpi_vectors() {
    let file = golden("kpi.json");
    for c in file["cases"].as_array().unwrap() {
        let at = c["name"].as_str().unwrap();
        let f = Formula::parse(c["spec"].as_str().unwrap()).unwrap();
        let v = f.evaluate_posts(&posts(&c["posts"]));
        close(v.value, &c["value"], at);
        if let Some(canon) = c.get("canonical") {
            assert_eq!(f.canonical(), canon.as_str().unwrap(), "{at}");
        }
        if let Some(ex) = c.get("excluded") {
            assert_eq!(v.excluded, ex.as_u64().unwrap(), "{at}");
        }
    }
}

#[test]
fn function_vectors() {
    let file = golden("functions.json");
    for c in file["cases"].as_array().unwrap() {
        let a: Vec<f64> = c["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        let mode = c["mode"].as_str().unwrap_or("");
        let name = c["fn"].as_str().unwrap();
        let got = match name {
            "follower_growth_rate" => fm::follower_growth_rate(a[0], a[1]),
            "roi" => fm::roi(a[0], a[1]),
            "roas" => fm::roas(a[0], a[1]),
            "share_of_voice" => fm::share_of_voice(a[0], a[1]),
            "net_sentiment" => fm::net_sentiment(
                a[0],
                a[1],
                a[2],
                if mode == "all" {
                    SentimentMode::All
                } else {
                    SentimentMode::Polar
                },
            ),
            "response_time" => fm::response_time(
                &a,
                match mode {
                    "mean" => ResponseTime::Mean,
                    "median" => ResponseTime::Median,
                    _ => ResponseTime::FastestShare(0.9),
                },
            ),
            "daily_engagement_rate" => fm::daily_engagement_rate(a[0], a[1], a[2]),
            "engagement_rate" => fm::engagement_rate(a[0], a[1]),
            "click_through_rate" => fm::click_through_rate(a[0], a[1]),
            "cpm" => fm::cpm(a[0], a[1]),
            "cpc" => fm::cpc(a[0], a[1]),
            "conversion_rate" => fm::conversion_rate(a[0], a[1]),
            "bounce_rate" => fm::bounce_rate(a[0], a[1]),
            "progress" => objective::progress(a[0], a[1], a[2]),
            other => panic!("unknown function {other}"),
        };
        close(got, &c["value"], &format!("{name} {a:?} {mode}"));
    }
}

#[test]
fn channel_vectors() {
    for c in golden("channels.json")["cases"].as_array().unwrap() {
        let s = |k: &str| c[k].as_str().unwrap();
        assert_eq!(
            channel_group(s("source"), s("medium"), s("campaign")).as_str(),
            s("channel"),
            "{c}"
        );
    }
}

#[test]
fn referrer_vectors() {
    for c in golden("referrers.json")["cases"].as_array().unwrap() {
        let r = classify_referrer(c["referrer"].as_str().unwrap(), c["page_url"].as_str());
        let got = json!({"medium": r.medium.as_str(), "source": r.source, "network": r.network.map(|n| n.as_str()), "term": r.term});
        let want = json!({"medium": c["medium"], "source": c["source"], "network": c["network"], "term": c["term"]});
        assert_eq!(got, want, "{}", c["referrer"]);
    }
}

#[test]
fn utm_vectors() {
    let file = golden("utm.json");
    for c in file["build"].as_array().unwrap() {
        let u: Utm = serde_json::from_value(c["utm"].clone()).unwrap();
        let opts = UtmOptions {
            existing: if c["existing"] == "keep" {
                Existing::Keep
            } else {
                Existing::Replace
            },
            lowercase: c["lowercase"].as_bool().unwrap_or(true),
        };
        match (
            utm::build_url(c["url"].as_str().unwrap(), &u, &opts),
            c.get("error"),
        ) {
            (Ok(url), None) => assert_eq!(url, c["expected"].as_str().unwrap()),
            (Err(e), Some(k)) => assert_eq!(kind(&e), k.as_str().unwrap()),
            (r, _) => panic!("{c}: {r:?}"),
        }
    }
    for c in file["parse"].as_array().unwrap() {
        let p = utm::parse_url(c["url"].as_str().unwrap()).unwrap();
        let want: Utm = serde_json::from_value(c["utm"].clone()).unwrap();
        assert_eq!(p.utm, want);
    }
    for c in file["lint"].as_array().unwrap() {
        let links: Vec<String> = serde_json::from_value(c["links"].clone()).unwrap();
        let opts = LintOptions {
            site_hosts: serde_json::from_value(c["site_hosts"].clone()).unwrap(),
            ..Default::default()
        };
        let rules: Vec<String> = utm::lint(&links, &opts)
            .unwrap()
            .into_iter()
            .map(|f| f.rule)
            .collect();
        let want: Vec<String> = serde_json::from_value(c["rules"].clone()).unwrap();
        assert_eq!(rules, want, "{links:?}");
    }
}

/// Rows read, first row, (line, field) of rejected rows, ignored columns.
type Loaded = (usize, Value, Vec<(u64, Option<String>)>, Vec<String>);

fn load(c: &Value) -> Result<Loaded, Error> {
    let mut opts = LoadOptions {
        decimal_comma: c["decimal_comma"].as_bool().unwrap_or(false),
        strict: c["strict"].as_bool().unwrap_or(false),
        mapping: serde_json::from_value(c.get("mapping").cloned().unwrap_or(json!({}))).unwrap(),
        ..Default::default()
    };
    if let Some(tz) = c["time_zone"].as_str() {
        opts.time_zone = data::time_zone(tz)?;
    }
    let text = c["text"].as_str().unwrap();
    let csv = c["format"] == "csv";
    macro_rules! go {
        ($t:ty) => {{
            let l = if csv {
                data::load_csv::<$t>(text, &opts)?
            } else {
                data::load_json::<$t>(text, &opts)?
            };
            let first = l
                .rows
                .first()
                .map(|r| serde_json::to_value(r).unwrap())
                .unwrap_or(Value::Null);
            (
                l.rows.len(),
                first,
                l.rejected
                    .iter()
                    .map(|r| (r.line, r.field.clone()))
                    .collect(),
                l.ignored_columns,
            )
        }};
    }
    Ok(match c["table"].as_str().unwrap() {
        "posts" => go!(PostRow),
        "web" => go!(WebRow),
        "accounts" => go!(AccountRow),
        other => panic!("table {other}"),
    })
}

#[test]
fn loader_vectors() {
    for c in golden("loaders.json")["cases"].as_array().unwrap() {
        let at = c["name"].as_str().unwrap();
        match (load(c), c.get("error")) {
            (Ok((rows, first, rejected, ignored)), None) => {
                assert_eq!(rows as u64, c["rows"].as_u64().unwrap(), "{at}");
                for (k, v) in c["first"].as_object().unwrap() {
                    if k == "published" {
                        let got: chrono::DateTime<chrono::Utc> =
                            serde_json::from_value(first[k].clone()).unwrap();
                        assert_eq!(
                            got.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                            v.as_str().unwrap(),
                            "{at}"
                        );
                    } else {
                        assert_eq!(first[k].as_f64(), v.as_f64(), "{at}: {k}");
                    }
                }
                let want: Vec<(u64, Option<String>)> = c["rejected"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| {
                        (
                            r["line"].as_u64().unwrap(),
                            r["field"].as_str().map(str::to_owned),
                        )
                    })
                    .collect();
                assert_eq!(rejected, want, "{at}");
                let want: Vec<String> =
                    serde_json::from_value(c["ignored_columns"].clone()).unwrap();
                assert_eq!(ignored, want, "{at}");
            }
            (Err(e), Some(k)) => {
                assert_eq!(kind(&e), k.as_str().unwrap(), "{at}: {e}");
                if let Some(line) = c.get("error_line") {
                    assert!(
                        matches!(e, Error::Row { line: l, .. } if l == line.as_u64().unwrap()),
                        "{at}: {e}"
                    );
                }
            }
            (r, _) => panic!("{at}: {:?}", r.map(|x| x.0)),
        }
    }
}

#[test]
fn grouping_vectors() {
    for c in golden("grouping.json")["cases"].as_array().unwrap() {
        let kpis: Vec<Formula> = c["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| Formula::parse(k.as_str().unwrap()).unwrap())
            .collect();
        let opts = GroupOptions {
            by: c["by"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_str().unwrap().parse().unwrap())
                .collect(),
            period: c["period"].as_str().map(|p| p.parse().unwrap()),
            time_zone: data::time_zone(c["time_zone"].as_str().unwrap()).unwrap(),
        };
        let g = group_posts(&posts(&c["posts"]), &kpis, &opts);
        let want = c["rows"].as_array().unwrap();
        assert_eq!(g.rows.len(), want.len());
        for (r, w) in g.rows.iter().zip(want) {
            let keys: BTreeMap<String, String> = r.keys.iter().cloned().collect();
            let wk: BTreeMap<String, String> = serde_json::from_value(w["keys"].clone()).unwrap();
            assert_eq!(keys, wk);
            assert_eq!(r.period.as_deref(), w["period"].as_str());
            assert_eq!(r.posts, w["posts"].as_u64().unwrap());
            for (i, v) in r.values.iter().enumerate() {
                close(*v, &w["values"][i], "value");
                close(r.change_pct[i], &w["change_pct"][i], "change");
            }
        }
    }
}

#[test]
fn csv_grouping_vectors() {
    use smo_core::kpi::group::group_posts_csv_reader;
    for c in golden("grouping_csv.json")["cases"].as_array().unwrap() {
        let kpis: Vec<Formula> = c["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| Formula::parse(k.as_str().unwrap()).unwrap())
            .collect();
        let opts = GroupOptions {
            by: c["by"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_str().unwrap().parse().unwrap())
                .collect(),
            period: c["period"].as_str().map(|p| p.parse().unwrap()),
            time_zone: data::time_zone(c["time_zone"].as_str().unwrap()).unwrap(),
        };
        let csv = c["csv"].as_str().unwrap();
        let s =
            group_posts_csv_reader(csv.as_bytes(), &LoadOptions::default(), &kpis, &opts).unwrap();
        assert_eq!(s.rows, c["read"].as_u64().unwrap());
        let rejected: Vec<(u64, Option<String>)> = s
            .rejected
            .iter()
            .map(|r| (r.line, r.field.clone()))
            .collect();
        let want: Vec<(u64, Option<String>)> = c["rejected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["line"].as_u64().unwrap(),
                    r["field"].as_str().map(str::to_owned),
                )
            })
            .collect();
        assert_eq!(rejected, want);
        let want = c["rows"].as_array().unwrap();
        assert_eq!(s.grouped.rows.len(), want.len(), "{:#?}", s.grouped.rows);
        for (r, w) in s.grouped.rows.iter().zip(want) {
            let keys: BTreeMap<String, String> = r.keys.iter().cloned().collect();
            let wk: BTreeMap<String, String> = serde_json::from_value(w["keys"].clone()).unwrap();
            assert_eq!(keys, wk);
            assert_eq!(r.period.as_deref(), w["period"].as_str());
            assert_eq!(r.posts, w["posts"].as_u64().unwrap());
            for (i, v) in r.values.iter().enumerate() {
                close(*v, &w["values"][i], "value");
                close(r.change_pct[i], &w["change_pct"][i], "change");
            }
        }
    }
}
