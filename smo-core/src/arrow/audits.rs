//! Page audits of a crawl stored as (url, html) rows: one result row per page, in input order.
//!
//! A crawl of millions of pages lives in Parquet or a Spark table, not in memory as objects; the
//! audit reads each row's bytes in place and keeps per page what a report or a query needs:
//! the scores, the count of findings by severity, the ids of the failed rules, the fix block,
//! and every finding as JSON (message, location, fix, source), so that each number stays
//! explainable. A page that cannot be audited (no URL, a URL that is not absolute) keeps its
//! row with the reason in `error`.

use std::sync::Arc;

use arrow_array::builder::{Float64Builder, ListBuilder, StringBuilder, UInt32Builder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;

use super::columns::{TextColumn, bad_column};
use crate::audit::{AuditOptions, PageAudit, audit_page};
use crate::error::Error;
use crate::finding::Severity;

/// The schema of [`audit_page_array`]: `url` (utf8), `error` (utf8, null when audited),
/// `overall`, `previews`, `discoverability`, `sharing`, `community` (float64 scores 0–100, null
/// when nothing applies), `errors`, `warnings`, `notices` (uint32 counts of findings),
/// `failed_rules` (list of rule ids), `fix_html` (utf8) and `findings` (utf8, a JSON array of
/// the findings).
pub fn audits_schema() -> SchemaRef {
    let score = |n: &str| Field::new(n, DataType::Float64, true);
    let count = |n: &str| Field::new(n, DataType::UInt32, false);
    Arc::new(Schema::new(vec![
        Field::new("url", DataType::Utf8, true),
        Field::new("error", DataType::Utf8, true),
        score("overall"),
        score("previews"),
        score("discoverability"),
        score("sharing"),
        score("community"),
        count("errors"),
        count("warnings"),
        count("notices"),
        Field::new(
            "failed_rules",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            false,
        ),
        Field::new("fix_html", DataType::Utf8, false),
        Field::new("findings", DataType::Utf8, false),
    ]))
}

/// The bytes of row `i` of an HTML column: binary (of any offset width or a view) or text.
fn html_at(col: &dyn Array, i: usize) -> Option<&[u8]> {
    if col.is_null(i) {
        return None;
    }
    if let Some(a) = col.as_binary_opt::<i32>() {
        Some(a.value(i))
    } else if let Some(a) = col.as_binary_opt::<i64>() {
        Some(a.value(i))
    } else if let Some(a) = col.as_binary_view_opt() {
        Some(a.value(i))
    } else if let Some(a) = col.as_string_opt::<i32>() {
        Some(a.value(i).as_bytes())
    } else if let Some(a) = col.as_string_opt::<i64>() {
        Some(a.value(i).as_bytes())
    } else {
        col.as_string_view_opt().map(|a| a.value(i).as_bytes())
    }
}

/// Audits each (url, html) row as [`audit_page`] does, in parallel, into a record batch with the
/// schema of [`audits_schema`], row for row. A null HTML is an empty page.
///
/// ```
/// use arrow_array::{Array, BinaryArray, StringArray, cast::AsArray, types::UInt32Type};
/// let urls = StringArray::from(vec![Some("https://www.maisonlune.fr/"), Some("not a url")]);
/// let html = BinaryArray::from(vec![Some(&b"<html><head><title>Lune</title></head></html>"[..]), None]);
/// let out = smo_core::arrow::audit_page_array(&urls, &html, &Default::default())?;
/// assert_eq!(out.num_rows(), 2);
/// assert!(out.column(1).is_null(0) && out.column(1).is_valid(1));
/// let found: u32 = (7..10).map(|c| out.column(c).as_primitive::<UInt32Type>().value(0)).sum();
/// assert!(found > 0, "a bare page has findings");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn audit_page_array(
    urls: &dyn Array,
    html: &dyn Array,
    options: &AuditOptions,
) -> Result<RecordBatch, Error> {
    let url_col = TextColumn::new(urls, "urls")?;
    if url_col.len() != html.len() {
        return Err(bad_column(
            "html",
            format!(
                "{} pages for {} URLs: give one HTML document per URL",
                html.len(),
                url_col.len()
            ),
        ));
    }
    if !matches!(
        html.data_type(),
        DataType::Binary
            | DataType::LargeBinary
            | DataType::BinaryView
            | DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::Null
    ) {
        return Err(bad_column(
            "html",
            format!(
                "column `html` is {}: give the pages' bytes (binary) or text",
                html.data_type()
            ),
        ));
    }
    let audits: Vec<Result<PageAudit, String>> = (0..url_col.len())
        .into_par_iter()
        .with_min_len(8)
        .map(|i| match url_col.get(i) {
            None => Err("no URL (null): give the page's address".to_owned()),
            Some(url) => audit_page(html_at(html, i).unwrap_or_default(), url, options)
                .map_err(|e| e.to_string()),
        })
        .collect();
    let mut url = StringBuilder::new();
    let mut error = StringBuilder::new();
    let mut scores: Vec<Float64Builder> = (0..5).map(|_| Float64Builder::new()).collect();
    let mut counts: Vec<UInt32Builder> = (0..3).map(|_| UInt32Builder::new()).collect();
    let mut failed = ListBuilder::new(StringBuilder::new());
    let mut fix = StringBuilder::new();
    let mut findings = StringBuilder::new();
    for (i, a) in audits.iter().enumerate() {
        url.append_option(url_col.get(i));
        match a {
            Err(e) => {
                error.append_value(e);
                scores.iter_mut().for_each(|b| b.append_null());
                counts.iter_mut().for_each(|b| b.append_value(0));
                failed.append(true);
                fix.append_value("");
                findings.append_value("[]");
            }
            Ok(p) => {
                error.append_null();
                let s = &p.scores;
                for (b, v) in scores.iter_mut().zip([
                    s.overall,
                    s.previews,
                    s.discoverability,
                    s.sharing,
                    s.community,
                ]) {
                    b.append_option(v);
                }
                for (b, sev) in
                    counts
                        .iter_mut()
                        .zip([Severity::Error, Severity::Warning, Severity::Notice])
                {
                    let n = p.findings.iter().filter(|f| f.severity == sev).count();
                    b.append_value(u32::try_from(n).unwrap_or(u32::MAX));
                }
                let mut rules: Vec<&str> = p.findings.iter().map(|f| f.rule.as_str()).collect();
                rules.dedup();
                for r in rules {
                    failed.values().append_value(r);
                }
                failed.append(true);
                fix.append_value(&p.fix_html);
                findings.append_value(
                    serde_json::to_string(&p.findings).unwrap_or_else(|_| "[]".into()),
                );
            }
        }
    }
    let mut arrays: Vec<ArrayRef> = vec![Arc::new(url.finish()), Arc::new(error.finish())];
    arrays.extend(scores.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    arrays.extend(counts.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    arrays.push(Arc::new(failed.finish()));
    arrays.push(Arc::new(fix.finish()));
    arrays.push(Arc::new(findings.finish()));
    RecordBatch::try_new(audits_schema(), arrays)
        .map_err(|e| bad_column("result", format!("cannot build the record batch: {e}")))
}
