//! The text, sentiment and access-log paths from Arrow columns: the shared golden vectors of the
//! row functions, read back from the record batches (plain, large, view and dictionary string
//! layouts, with nulls between the rows), and the access log as a column of lines against the
//! text path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int8Type, Int32Type, Int64Type, UInt64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Int64Array, LargeStringArray, StringArray, StringViewArray,
    StructArray,
};
use arrow_schema::{DataType, Field as ArrowField};
use serde_json::Value;
use smo_core::Network;
use smo_core::arrow::{
    breakdown_log_arrays, count_text_array, entities_schema, entity_array, sentiment_array,
    sentiments_schema, text_counts_schema,
};
use smo_core::listening::{Lang, sentiment_scores};
use smo_core::text::{self, CountOptions, XConfig};
use smo_core::traffic::batch::{LogOptions, breakdown_log};

fn golden(path: &str) -> Value {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden")
        .join(path);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// `texts` with a null before each, in every string layout smo reads.
fn layouts(texts: &[&str]) -> Vec<ArrayRef> {
    let rows: Vec<Option<&str>> = texts.iter().flat_map(|t| [None, Some(*t)]).collect();
    let mut dict = StringDictionaryBuilder::<Int32Type>::new();
    for r in &rows {
        dict.append_option(*r);
    }
    vec![
        Arc::new(StringArray::from(rows.clone())),
        Arc::new(LargeStringArray::from(rows.clone())),
        Arc::new(StringViewArray::from(rows.clone())),
        Arc::new(dict.finish()),
    ]
}

fn id(col: &dyn Array, row: usize) -> Option<String> {
    if col.is_null(row) {
        return None;
    }
    let d = col.as_dictionary::<Int8Type>();
    let k = d.keys().value(row) as usize;
    Some(d.values().as_string::<i32>().value(k).to_owned())
}

fn cell(col: &dyn Array, row: usize) -> Value {
    if col.is_null(row) {
        return Value::Null;
    }
    match col.data_type() {
        DataType::UInt64 => col.as_primitive::<UInt64Type>().value(row).into(),
        DataType::Int64 => col.as_primitive::<Int64Type>().value(row).into(),
        DataType::Float64 => col.as_primitive::<Float64Type>().value(row).into(),
        DataType::Boolean => col.as_boolean().value(row).into(),
        DataType::Utf8 => col.as_string::<i32>().value(row).into(),
        DataType::Dictionary(..) => id(col, row).into(),
        other => panic!("unexpected column type {other}"),
    }
}

#[test]
fn count_vectors_through_arrow() {
    let doc = golden("text/count.json");
    let cases = doc["cases"].as_array().unwrap();
    let mut checked = 0;
    for case in cases {
        let network: Network = case["network"].as_str().unwrap().parse().unwrap();
        let field = match case["field"].as_str() {
            Some(f) => f.parse().unwrap(),
            None => text::main_field(network).unwrap(),
        };
        let opts = CountOptions {
            x_config: XConfig::version(case["x_version"].as_u64().unwrap_or(3) as u32).unwrap(),
            mastodon_max_characters: case["mastodon_max_characters"].as_u64(),
            content_warning: case["content_warning"].as_str().map(str::to_owned),
            ..CountOptions::default()
        };
        let t = case["text"].as_str().unwrap();
        for col in layouts(&[t, t]) {
            let out = count_text_array(col.as_ref(), network, field, &opts).unwrap();
            assert_eq!(out.schema(), text_counts_schema());
            assert_eq!(out.num_rows(), 4);
            for (k, want) in case["expected"].as_object().unwrap() {
                let c = out.column_by_name(k).unwrap();
                for row in [1, 3] {
                    assert_eq!(&cell(c.as_ref(), row), want, "{}: {k}", case["name"]);
                }
                assert!(c.is_null(0) && c.is_null(2), "a null text is a null row");
                checked += 1;
            }
            let length = out.column_by_name("length").unwrap();
            let weighted = out.column_by_name("weighted_length").unwrap();
            assert_eq!(length.as_ref(), weighted.as_ref());
        }
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn a_field_the_network_lacks_fails_even_on_nulls() {
    let nulls = StringArray::from(vec![None::<&str>; 3]);
    let e = count_text_array(
        &nulls,
        Network::X,
        text::Field::Tags,
        &CountOptions::default(),
    )
    .unwrap_err();
    assert!(!e.to_string().is_empty());
    let ints = Int64Array::from(vec![1]);
    let e = count_text_array(
        &ints,
        Network::X,
        text::Field::Post,
        &CountOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("give text"), "{e}");
}

#[test]
fn entity_vectors_through_arrow() {
    let doc = golden("text/entities.json");
    let cases = doc["cases"].as_array().unwrap();
    let texts: Vec<&str> = cases.iter().map(|c| c["text"].as_str().unwrap()).collect();
    for col in layouts(&texts) {
        let out = entity_array(col.as_ref(), 100).unwrap();
        assert_eq!(out.schema(), entities_schema());
        let mut by_row: Vec<Vec<Value>> = vec![Vec::new(); texts.len()];
        for r in 0..out.num_rows() {
            let row = out.column(0).as_primitive::<UInt64Type>().value(r) as usize - 100;
            assert_eq!(row % 2, 1, "entities come from the texts, not the nulls");
            let mut e = serde_json::Map::new();
            for (i, f) in out.schema().fields().iter().enumerate().skip(1) {
                e.insert(f.name().clone(), cell(out.column(i).as_ref(), r));
            }
            by_row[row / 2].push(Value::Object(e));
        }
        for (c, got) in cases.iter().zip(by_row) {
            assert_eq!(Value::Array(got), c["expected"], "{}", c["name"]);
        }
    }
}

#[test]
fn sentiment_vectors_through_arrow() {
    let mut checked = 0;
    for file in ["sentiment/en.json", "sentiment/fr.json"] {
        let doc = golden(file);
        let cases: Vec<&Value> = doc["cases"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["error"].is_null() && c["text"].is_string())
            .collect();
        let texts: Vec<&str> = cases.iter().map(|c| c["text"].as_str().unwrap()).collect();
        for lang in [None, Some(Lang::En), Some(Lang::Fr)] {
            for col in layouts(&texts) {
                let out = sentiment_array(col.as_ref(), lang).unwrap();
                assert_eq!(out.schema(), sentiments_schema());
                for (i, (c, t)) in cases.iter().zip(&texts).enumerate() {
                    let row = 2 * i + 1;
                    let s = sentiment_scores(t, lang);
                    let f = |k: usize| out.column(k).as_primitive::<Float64Type>().value(row);
                    // The same bits as the row function, on every layout.
                    assert_eq!(
                        [f(0), f(1), f(2), f(3)].map(f64::to_bits),
                        [s.compound, s.positive, s.negative, s.neutral].map(f64::to_bits),
                        "{file}: {}",
                        c["name"]
                    );
                    assert_eq!(id(out.column(4).as_ref(), row).unwrap(), s.label.as_str());
                    assert_eq!(id(out.column(5).as_ref(), row).unwrap(), s.lang.as_str());
                    assert!(out.column(0).is_null(row - 1));
                    let want = &c["expected"];
                    let case_lang = Lang::parse_opt(c["lang"].as_str()).unwrap();
                    if case_lang == lang && want["compound"].is_number() {
                        let w = want["compound"].as_f64().unwrap();
                        assert!((f(0) - w).abs() <= 5e-5, "{file}: {}", c["name"]);
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 40, "{checked}");
}

/// Lines of every kind the breakdown tells apart: social, search with a term, paid click ids,
/// internal, assets, bots, errors, blank and malformed lines, CRLF endings.
fn log_lines() -> Vec<String> {
    let refs = golden("measure/referrers.json");
    let refs: Vec<String> = refs["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["referrer"].as_str().unwrap_or("-").to_owned())
        .collect();
    let mut lines = Vec::new();
    for (i, r) in refs.iter().cycle().take(5_000).enumerate() {
        let path = match i % 7 {
            0 => "/style.css",
            1 => "/?gclid=abc",
            _ => "/draps",
        };
        let status = if i % 11 == 0 { 404 } else { 200 };
        let ua = if i % 13 == 0 {
            "Googlebot/2.1"
        } else {
            "Mozilla/5.0"
        };
        let r = if r.is_empty() { "-" } else { r };
        lines.push(format!(
            r#"10.0.0.{} - - [01/Jul/2026:10:00:00 +0200] "GET {path} HTTP/1.1" {status} 512 "{r}" "{ua}""#,
            i % 250
        ));
        match i % 97 {
            0 => lines.push(String::new()),
            1 => lines.push("not a log line".into()),
            2 => lines.last_mut().unwrap().push('\r'),
            _ => {}
        }
    }
    lines
}

#[test]
fn a_log_column_gives_the_text_breakdown() {
    let lines = log_lines();
    let text = lines.join("\n");
    let opts = LogOptions {
        site: Some("https://www.maisonlune.fr/".into()),
        ..LogOptions::default()
    };
    let want = breakdown_log(&text, &opts);
    assert!(want.total > 1000 && !want.rejected.is_empty() && want.skipped_bots > 0);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    // One chunk, then chunks of uneven sizes: line numbers run on across chunks.
    for sizes in [vec![refs.len()], vec![1, 999, 2048, refs.len() - 3048]] {
        let mut chunks: Vec<ArrayRef> = Vec::new();
        let mut at = 0;
        for (k, n) in sizes.iter().enumerate() {
            let part = &refs[at..at + n];
            at += n;
            chunks.push(match k % 3 {
                0 => Arc::new(StringArray::from(part.to_vec())),
                1 => Arc::new(LargeStringArray::from(part.to_vec())),
                _ => {
                    // A one-column table, as `spark.read.text` streams it.
                    let col: ArrayRef = Arc::new(StringViewArray::from(part.to_vec()));
                    Arc::new(StructArray::from(vec![(
                        Arc::new(ArrowField::new("value", DataType::Utf8View, true)),
                        col,
                    )]))
                }
            });
        }
        let got = breakdown_log_arrays(chunks.iter().map(|c| c.as_ref()), &opts).unwrap();
        assert_eq!(got, want);
    }
    let bools = BooleanArray::from(vec![true]);
    let e = breakdown_log_arrays([&bools as &dyn Array], &opts).unwrap_err();
    assert!(e.to_string().contains("`lines`"), "{e}");
}
