//! The Arrow batch paths against the shared golden vectors (`tests/golden/arrow/`, and the
//! measurement vectors the row paths pass: `tests/golden/measure/{grouping,referrers}.json`),
//! and against the row paths on the example brand's data, batch layout by batch layout.
#![cfg(feature = "arrow")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{Int8Type, Int32Type};
use arrow_array::*;
use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;
use smo_core::arrow::{classify_referrer_array, group_post_batches, grouped_batch};
use smo_core::data::{self, Dataset, LoadOptions, PostRow};
use smo_core::kpi::formula::Formula;
use smo_core::kpi::group::{GroupOptions, Grouped, group_posts};
use smo_core::traffic::referrer::{ClassifyOptions, classify_with};

fn golden(path: &str) -> Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden")
        .join(path);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

/// A column of the golden files' `{type, values}` form.
fn column(spec: &Value) -> ArrayRef {
    let ty = spec["type"].as_str().unwrap();
    let values = spec["values"].as_array().unwrap();
    let texts = || values.iter().map(|v| v.as_str()).collect::<Vec<_>>();
    let nums = || values.iter().map(Value::as_f64).collect::<Vec<_>>();
    let times = |per_second: i64| -> Vec<Option<i64>> {
        values
            .iter()
            .map(|v| {
                v.as_str().map(|s| {
                    let t = wall(s).and_utc();
                    t.timestamp() * per_second
                        + i64::from(t.timestamp_subsec_nanos()) * per_second / 1_000_000_000
                })
            })
            .collect()
    };
    let zone = ty.contains(", UTC");
    let unit = ty
        .strip_prefix("timestamp[")
        .map(|r| r.split([',', ']']).next().unwrap());
    match (ty, unit) {
        (_, Some("s")) => timestamp(TimestampSecondArray::from(times(1)), zone),
        (_, Some("ms")) => timestamp(TimestampMillisecondArray::from(times(1_000)), zone),
        (_, Some("us")) => timestamp(TimestampMicrosecondArray::from(times(1_000_000)), zone),
        (_, Some("ns")) => timestamp(TimestampNanosecondArray::from(times(1_000_000_000)), zone),
        ("string", _) => Arc::new(StringArray::from(texts())),
        ("large_string", _) => Arc::new(LargeStringArray::from(texts())),
        ("string_view", _) => Arc::new(StringViewArray::from(texts())),
        ("dictionary<string>", _) => {
            let mut b = StringDictionaryBuilder::<Int32Type>::new();
            for t in texts() {
                b.append_option(t);
            }
            Arc::new(b.finish())
        }
        ("date32", _) => Arc::new(Date32Array::from(
            values
                .iter()
                .map(|v| {
                    let d = NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap();
                    i32::try_from((d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days())
                        .unwrap()
                })
                .collect::<Vec<_>>(),
        )),
        ("float64", _) => Arc::new(Float64Array::from(nums())),
        ("float32", _) => Arc::new(Float32Array::from(
            nums()
                .iter()
                .map(|v| v.map(|x| x as f32))
                .collect::<Vec<_>>(),
        )),
        ("int64", _) => Arc::new(Int64Array::from(
            nums()
                .iter()
                .map(|v| v.map(|x| x as i64))
                .collect::<Vec<_>>(),
        )),
        ("int32", _) => Arc::new(Int32Array::from(
            nums()
                .iter()
                .map(|v| v.map(|x| x as i32))
                .collect::<Vec<_>>(),
        )),
        ("uint32", _) => Arc::new(UInt32Array::from(
            nums()
                .iter()
                .map(|v| v.map(|x| x as u32))
                .collect::<Vec<_>>(),
        )),
        ("boolean", _) => Arc::new(BooleanArray::from(
            values.iter().map(Value::as_bool).collect::<Vec<_>>(),
        )),
        other => panic!("no column type {other:?}"),
    }
}

fn timestamp<T: arrow_array::types::ArrowTimestampType>(
    a: PrimitiveArray<T>,
    zone: bool,
) -> ArrayRef {
    Arc::new(if zone { a.with_timezone("UTC") } else { a })
}

fn options(c: &Value) -> (Vec<Formula>, GroupOptions) {
    let kpis = c["kpis"]
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
    (kpis, opts)
}

fn close(got: Option<f64>, want: &Value, at: &str) {
    match (got, want.as_f64()) {
        (None, None) => {}
        (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{at}: got {g}, want {w}"),
        (g, _) => panic!("{at}: got {g:?}, want {want}"),
    }
}

fn check_rows(g: &Grouped, want: &[Value], at: &str) {
    assert_eq!(g.rows.len(), want.len(), "{at}: {:#?}", g.rows);
    for (r, w) in g.rows.iter().zip(want) {
        let keys: BTreeMap<String, String> = r.keys.iter().cloned().collect();
        let wk: BTreeMap<String, String> = serde_json::from_value(w["keys"].clone()).unwrap();
        assert_eq!(keys, wk, "{at}");
        assert_eq!(r.period.as_deref(), w["period"].as_str(), "{at}");
        if let Some(start) = w["period_start"].as_str() {
            assert_eq!(r.period_start.unwrap().to_string(), start, "{at}");
        }
        assert_eq!(r.posts, w["posts"].as_u64().unwrap(), "{at}");
        for (i, v) in r.values.iter().enumerate() {
            close(*v, &w["values"][i], &format!("{at} value {i}"));
            close(
                r.change_pct[i],
                &w["change_pct"][i],
                &format!("{at} change {i}"),
            );
        }
    }
}

#[test]
fn arrow_grouping_vectors() {
    for c in golden("arrow/grouping.json")["cases"].as_array().unwrap() {
        let at = c["name"].as_str().unwrap();
        let cols: Vec<(String, ArrayRef)> = c["columns"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), column(v)))
            .collect();
        let batch = RecordBatch::try_from_iter(cols).unwrap();
        let (kpis, opts) = options(c);
        let got = group_post_batches([Ok(batch)], &kpis, &opts, &BTreeMap::new());
        if let Some(err) = c["error"].as_str() {
            let e = got.expect_err(at).to_string();
            assert!(e.contains(err), "{at}: `{e}` does not say `{err}`");
            continue;
        }
        let g = got.unwrap();
        check_rows(&g, c["rows"].as_array().unwrap(), at);
        let out = grouped_batch(&g).unwrap();
        let schema: Vec<(String, String)> = out
            .schema()
            .fields()
            .iter()
            .map(|f| (f.name().clone(), f.data_type().to_string().to_lowercase()))
            .collect();
        let want: Vec<(String, String)> = serde_json::from_value(c["schema"].clone()).unwrap();
        assert_eq!(schema, want, "{at}");
        assert_eq!(out.num_rows(), g.rows.len());
    }
}

/// The measurement vectors of the row path, given as Arrow columns.
#[test]
fn measure_grouping_vectors_through_arrow() {
    for c in golden("measure/grouping.json")["cases"].as_array().unwrap() {
        let rows = data::load_records::<PostRow>(
            &c["posts"],
            &LoadOptions {
                strict: true,
                ..Default::default()
            },
        )
        .unwrap()
        .rows;
        let (kpis, opts) = options(c);
        let g = group_post_batches(
            [Ok(post_batch(&rows, Layout::Dictionary))],
            &kpis,
            &opts,
            &BTreeMap::new(),
        )
        .unwrap();
        check_rows(&g, c["rows"].as_array().unwrap(), "measure/grouping");
    }
}

#[derive(Clone, Copy, Debug)]
enum Layout {
    Plain,
    Dictionary,
    View,
}

/// Posts as a record batch: published as zoned milliseconds, metrics float64 with nulls.
fn post_batch(rows: &[PostRow], layout: Layout) -> RecordBatch {
    let text = |v: Vec<Option<String>>| -> ArrayRef {
        match layout {
            Layout::Plain => Arc::new(StringArray::from(v)),
            Layout::View => Arc::new(StringViewArray::from(v)),
            Layout::Dictionary => {
                let mut b = StringDictionaryBuilder::<Int8Type>::new();
                for t in v {
                    b.append_option(t);
                }
                Arc::new(b.finish())
            }
        }
    };
    let mut cols: Vec<(&str, ArrayRef)> = vec![
        (
            "published",
            Arc::new(
                TimestampMillisecondArray::from(
                    rows.iter()
                        .map(|p| p.published.timestamp_millis())
                        .collect::<Vec<_>>(),
                )
                .with_timezone("+00:00"),
            ),
        ),
        (
            "network",
            text(
                rows.iter()
                    .map(|p| Some(p.network.as_str().to_owned()))
                    .collect(),
            ),
        ),
        (
            "content_type",
            text(
                rows.iter()
                    .map(|p| p.content_type.map(|c| c.as_str().to_owned()))
                    .collect(),
            ),
        ),
        (
            "pillar",
            text(rows.iter().map(|p| p.pillar.clone()).collect()),
        ),
        (
            "campaign",
            text(rows.iter().map(|p| p.campaign.clone()).collect()),
        ),
    ];
    for f in smo_core::kpi::formula::PostField::ALL {
        let v: Vec<Option<f64>> = rows.iter().map(|p| f.get(p)).collect();
        if v.iter().any(Option::is_some) {
            cols.push((f.as_str(), Arc::new(Float64Array::from(v))));
        }
    }
    RecordBatch::try_from_iter(cols).unwrap()
}

/// The example brand's posts, repeated past one window and cut into batches of uneven sizes, in
/// every text layout: the same groups and values as the row path, to the last bit of a sum's
/// rounding (totals are merged in a fixed order only within a thread, hence 1e-9).
#[test]
fn example_posts_every_layout() {
    let d = Dataset::example().unwrap();
    let mut rows = Vec::new();
    while rows.len() < 1_100_000 {
        rows.extend(d.posts.iter().cloned());
    }
    let kpis: Vec<Formula> = [
        "posts",
        "reach",
        "engagement_rate",
        "click_through_rate",
        "amplification_rate",
    ]
    .iter()
    .map(|k| Formula::parse(k).unwrap())
    .collect();
    for (by, period, tz) in [
        (vec!["network"], Some("month"), "Europe/Paris"),
        (vec!["pillar", "content_type"], Some("week"), "UTC"),
        (vec!["campaign"], None, "UTC"),
    ] {
        let opts = GroupOptions {
            by: by.iter().map(|b| b.parse().unwrap()).collect(),
            period: period.map(|p| p.parse().unwrap()),
            time_zone: data::time_zone(tz).unwrap(),
        };
        let want = group_posts(&rows, &kpis, &opts);
        let layouts: &[Layout] = if by == ["network"] {
            &[Layout::Plain, Layout::Dictionary, Layout::View]
        } else {
            &[Layout::Dictionary]
        };
        for &layout in layouts {
            let sizes = [1usize, 70_000, 333_333, 10, 800_000];
            let mut batches = Vec::new();
            let mut lo = 0;
            for s in sizes.iter().cycle() {
                if lo >= rows.len() {
                    break;
                }
                let hi = (lo + s).min(rows.len());
                batches.push(Ok(post_batch(&rows[lo..hi], layout)));
                lo = hi;
            }
            let got = group_post_batches(batches, &kpis, &opts, &BTreeMap::new()).unwrap();
            let at = format!("{by:?} {period:?} {layout:?}");
            assert_eq!(got.rows.len(), want.rows.len(), "{at}");
            for (g, w) in got.rows.iter().zip(&want.rows) {
                assert_eq!(
                    (&g.keys, &g.period, g.posts),
                    (&w.keys, &w.period, w.posts),
                    "{at}"
                );
                for (a, b) in g
                    .values
                    .iter()
                    .zip(&w.values)
                    .chain(g.change_pct.iter().zip(&w.change_pct))
                {
                    match (a, b) {
                        (Some(a), Some(b)) => {
                            assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{at}: {a} vs {b}")
                        }
                        _ => assert_eq!(a, b, "{at}"),
                    }
                }
            }
        }
    }
}

/// The referrer vectors of the row path, as one column with its landing pages, plain and
/// dictionary-encoded; and a null is a direct visit.
#[test]
fn referrer_vectors_through_arrow() {
    let cases = golden("measure/referrers.json");
    let cases = cases["cases"].as_array().unwrap();
    let refs: Vec<Option<&str>> = cases.iter().map(|c| c["referrer"].as_str()).collect();
    let pages: Vec<Option<&str>> = cases.iter().map(|c| c["page_url"].as_str()).collect();
    let mut dict = StringDictionaryBuilder::<Int32Type>::new();
    for r in &refs {
        dict.append_option(*r);
    }
    let plain: ArrayRef = Arc::new(StringArray::from(refs.clone()));
    let pages = StringArray::from(pages);
    for col in [plain, Arc::new(dict.finish()) as ArrayRef] {
        let out = classify_referrer_array(
            col.as_ref(),
            Some(&pages),
            None,
            &ClassifyOptions::default(),
        )
        .unwrap();
        assert_eq!(out.num_rows(), cases.len());
        let text = |i: usize, row: usize| -> Option<String> {
            let c = out.column(i);
            if c.is_null(row) {
                return None;
            }
            if let Some(s) = c.as_string_opt::<i64>() {
                return Some(s.value(row).to_owned());
            }
            let d = c.as_any_dictionary();
            let k = d.normalized_keys()[row];
            Some(d.values().as_string::<i32>().value(k).to_owned())
        };
        for (row, c) in cases.iter().enumerate() {
            let at = c["referrer"].to_string();
            assert_eq!(text(0, row).as_deref(), c["medium"].as_str(), "{at}");
            assert_eq!(text(1, row).as_deref(), c["source"].as_str(), "{at}");
            assert_eq!(text(2, row).as_deref(), c["network"].as_str(), "{at}");
            assert_eq!(text(3, row).as_deref(), c["term"].as_str(), "{at}");
            let r = classify_with(
                c["referrer"].as_str().unwrap_or(""),
                c["page_url"].as_str(),
                &ClassifyOptions::default(),
            );
            assert_eq!(text(4, row).as_deref(), Some(r.channel().as_str()), "{at}");
        }
    }
    let nulls = StringArray::from(vec![None::<&str>, Some("")]);
    let out = classify_referrer_array(&nulls, None, None, &ClassifyOptions::default()).unwrap();
    let m = out.column(0).as_dictionary::<Int8Type>();
    assert_eq!(
        m.keys().values().to_vec(),
        vec![7, 7],
        "null and empty are direct"
    );
}

#[test]
fn referrer_column_errors_say_what_to_give() {
    let ints = Int64Array::from(vec![1, 2]);
    let e = classify_referrer_array(&ints, None, None, &ClassifyOptions::default()).unwrap_err();
    assert!(e.to_string().contains("give text"), "{e}");
    let refs = StringArray::from(vec!["https://t.co/x"]);
    let pages = StringArray::from(vec!["a", "b"]);
    let e = classify_referrer_array(&refs, Some(&pages), None, &ClassifyOptions::default())
        .unwrap_err();
    assert!(
        e.to_string().contains("one landing page per referrer"),
        "{e}"
    );
}

/// Batches converted on one thread while the windows already made are grouped: the same groups
/// as pushing them one by one, to the bit, on any pool; a maker's error stops the grouping.
#[test]
fn overlapped_grouping_gives_the_pushed_groups() {
    use smo_core::arrow::PostBatchGrouper;
    use smo_core::kpi::group::{GroupBy, Period};
    let nets = ["instagram", "linkedin", "pinterest", "facebook"];
    let batch = |k: usize| {
        let n = 150_000;
        let t: Vec<i64> = (0..n)
            .map(|i| 1_767_225_600 + ((i * 7919 + k * 13) % 31_536_000) as i64)
            .collect();
        let net: Vec<&str> = (0..n).map(|i| nets[(i + k) % 4]).collect();
        let likes: Vec<f64> = (0..n).map(|i| ((i * 31 + k) % 500) as f64 + 0.1).collect();
        let reach: Vec<f64> = (0..n)
            .map(|i| ((i * 17 + k) % 20_000) as f64 + 1.0)
            .collect();
        RecordBatch::try_from_iter([
            (
                "published",
                Arc::new(TimestampSecondArray::from(t).with_timezone("UTC")) as ArrayRef,
            ),
            ("network", Arc::new(StringArray::from(net)) as ArrayRef),
            ("likes", Arc::new(Float64Array::from(likes)) as ArrayRef),
            ("reach", Arc::new(Float64Array::from(reach)) as ArrayRef),
        ])
        .unwrap()
    };
    let kpis = [
        Formula::parse("engagement_rate").unwrap(),
        Formula::parse("reach").unwrap(),
    ];
    let opts = GroupOptions {
        by: vec![GroupBy::Network],
        period: Some(Period::Month),
        ..Default::default()
    };
    let mapping = BTreeMap::new();
    let batches = 17; // 2.55 M rows: two full windows and a partial one
    let want =
        group_post_batches((0..batches).map(|k| Ok(batch(k))), &kpis, &opts, &mapping).unwrap();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    for pool in [None, Some(&one), Some(&two)] {
        let mut k = 0;
        let got = PostBatchGrouper::new(&kpis, &opts, &mapping)
            .group_overlapped(pool, || {
                k += 1;
                Ok::<_, String>((k <= batches).then(|| batch(k - 1)))
            })
            .unwrap()
            .unwrap();
        assert_eq!(got, want);
    }
    let mut k = 0;
    let stopped = PostBatchGrouper::new(&kpis, &opts, &mapping).group_overlapped(None, || {
        k += 1;
        if k == 9 {
            Err("the host stopped")
        } else {
            Ok(Some(batch(k)))
        }
    });
    assert_eq!(stopped.unwrap_err(), "the host stopped");
}
