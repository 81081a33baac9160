//! The loaders at the extremes a host can hand them (issue 11): a 50 MB single line, a header of
//! 10 million columns, invalid UTF-8 in every field. Each gives row-level errors with line
//! numbers or a typed error, never a panic, and never loses a row.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smo_core::data::{LoadOptions, PostRow, WebRow, load_csv, load_json_lines};

#[test]
fn a_fifty_megabyte_line_is_one_rejected_row() {
    let mut csv = String::from("date,source,medium,sessions\n2026-07-01,google,organic,3\n");
    csv.push_str("2026-07-02,");
    csv.push_str(&"x".repeat(50 << 20));
    csv.push_str(",organic,not-a-number\n2026-07-03,bing,organic,4\n");
    let l = load_csv::<WebRow>(&csv, &LoadOptions::default()).unwrap();
    assert_eq!(l.rows.len(), 2);
    assert_eq!(l.rejected.len(), 1);
    assert_eq!(
        (l.rejected[0].line, l.rejected[0].field.as_deref()),
        (3, Some("sessions"))
    );
    assert_eq!(l.total(), 3);
    let jl = format!(
        "{{\"date\":\"2026-07-01\",\"source\":\"{}\",\"medium\":\"m\",\"sessions\":1}}\n{{\"date\":\"x\"}}\n",
        "y".repeat(50 << 20)
    );
    let l = load_json_lines::<WebRow>(&jl, &LoadOptions::default()).unwrap();
    assert_eq!(
        (l.rows.len(), l.rejected.len(), l.rejected[0].line),
        (1, 1, 2)
    );
}

#[test]
fn a_ten_million_column_header_is_read_with_its_columns_ignored() {
    let n = 10_000_000;
    let mut csv = String::with_capacity(n * 9);
    csv.push_str("published,network,post_id");
    for i in 0..n {
        csv.push_str(",c");
        csv.push_str(&i.to_string());
    }
    csv.push_str("\n2026-07-01 09:30,instagram,p1");
    csv.push_str(&",".repeat(n));
    // A short row is a row error naming the widths, not a lost row.
    csv.push_str("\n2026-07-02 09:30,instagram,p2\n");
    let t0 = std::time::Instant::now();
    let l = load_csv::<PostRow>(&csv, &LoadOptions::default()).unwrap();
    assert_eq!(l.rows.len(), 1, "{:?}", l.rejected);
    assert_eq!(l.rejected.len(), 1);
    assert_eq!(l.rejected[0].line, 3);
    assert!(
        l.rejected[0]
            .reason
            .contains("3 cells where the header has 10000003")
    );
    // Every unknown column is listed.
    assert_eq!(l.ignored_columns.len(), n);
    // Not a timing assertion: a guard against a quadratic column match (minutes, not seconds).
    assert!(t0.elapsed().as_secs() < 120, "{:?}", t0.elapsed());
}

#[test]
fn invalid_utf8_in_every_field_is_a_row_error_with_its_line() {
    // The loaders take text: bytes are decoded by the host; a lossy decode marks each bad byte
    // with U+FFFD, which the typed fields reject with their line and field.
    let mut bytes = b"published,network,post_id,likes\n2026-07-01 09:30,instagram,p1,3\n".to_vec();
    bytes.extend_from_slice(
        b"\xff\xfe,\xc3(,\xa0\xa1,\xf0\x28\x8c\x28\n2026-07-02 09:30,instagram,p2,4\n",
    );
    let text = String::from_utf8_lossy(&bytes);
    let l = load_csv::<PostRow>(&text, &LoadOptions::default()).unwrap();
    assert_eq!(l.rows.len(), 2);
    assert_eq!(l.rejected.len(), 1);
    assert_eq!(l.rejected[0].line, 3);
    assert!(l.rejected[0].field.is_some(), "{:?}", l.rejected[0]);
}
