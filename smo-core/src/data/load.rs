//! Loading a whole table: CSV, JSON, JSON lines and parsed records.
//!
//! Every format goes the same way: the columns are matched to the schema once (`resolve`), then
//! each record becomes cells that the row type's [`Table`] impl builds through one collector. So
//! a row is rejected for the same reason whatever the format, with its line, and no row is ever
//! dropped: a load returns the rows read and the rows rejected, and only a fault of the whole
//! input (no header, a required column absent, a bad mapping) is an error.

use std::collections::BTreeMap;
use std::fmt;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::cells::Cell;
use super::{ACCOUNT_FIELDS, COST_FIELDS, FieldSpec, POST_FIELDS, RowCells, Table, WEB_FIELDS};
use crate::error::{Error, Result, closest};

/// How a loader reads its input.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOptions {
    /// Schema field → input column, for columns whose names the schema does not recognise.
    pub mapping: BTreeMap<String, String>,
    /// Zone of local date-times (those without an offset). Default UTC.
    pub time_zone: Tz,
    /// Numbers use a decimal comma (`1 234,5`, `1.234,5`) instead of a decimal point.
    pub decimal_comma: bool,
    /// CSV delimiter; `None` sniffs `,`, `;` or tab from the header line.
    pub delimiter: Option<u8>,
    /// A chrono format for date-times (`%d/%m/%Y %H:%M`), tried before the ISO forms.
    pub datetime_format: Option<String>,
    /// Stop at the first bad row with [`Error::Row`] instead of collecting it.
    pub strict: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            mapping: BTreeMap::new(),
            time_zone: Tz::UTC,
            decimal_comma: false,
            delimiter: None,
            datetime_format: None,
            strict: false,
        }
    }
}

/// A row a loader could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// 1-based line of the row in the input (CSV: physical line, header = 1; JSON: line where
    /// the record starts; records from a list: its 1-based index).
    pub line: u64,
    /// 1-based record number (data rows only).
    pub record: u64,
    /// The schema field at fault, when one is.
    pub field: Option<String>,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "line {}, field `{field}`: {}", self.line, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// The result of a load: the rows read, the rows rejected (with why), the columns ignored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded<T> {
    /// The table (`posts`, `accounts`, `web`, `costs`).
    pub table: &'static str,
    /// Rows read, in input order.
    pub rows: Vec<T>,
    /// Rows not read, in input order.
    pub rejected: Vec<Rejected>,
    /// Input columns matched to no field.
    pub ignored_columns: Vec<String>,
    /// Schema field → input column, as resolved.
    pub columns: BTreeMap<String, String>,
}

impl<T> Loaded<T> {
    /// Rows seen in the input: read + rejected. Nothing else is ever dropped.
    pub fn total(&self) -> usize {
        self.rows.len() + self.rejected.len()
    }
}

fn normalise_header(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' || c == '.' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// Schema index → input column index, ignored columns, field → column name.
type Resolved = (Vec<Option<usize>>, Vec<String>, BTreeMap<String, String>);

/// Resolves input headers to schema indices. Fails when a required field or a mapped column is
/// missing: then no row could be read, which is an error of the call, not of a row.
fn resolve(
    table: &'static str,
    fields: &[FieldSpec],
    headers: &[String],
    opts: &LoadOptions,
) -> Result<Resolved> {
    for field in opts.mapping.keys() {
        if !fields.iter().any(|f| f.name == field) {
            let hint = closest(field, fields.iter().map(|f| f.name))
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            return Err(Error::Argument {
                name: "mapping".into(),
                message: format!(
                    "`{field}` is not a field of the {table} table{hint}: fields are {}",
                    fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
                ),
            });
        }
    }
    let norm: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut index = vec![None; fields.len()];
    let mut used = vec![false; headers.len()];
    let mut columns = BTreeMap::new();
    // Explicit mappings first, then exact names, then aliases, so an alias never steals a
    // column that is some other field's exact name.
    for (i, spec) in fields.iter().enumerate() {
        if let Some(col) = opts.mapping.get(spec.name) {
            let want = normalise_header(col);
            match norm.iter().position(|h| *h == want) {
                Some(j) => {
                    index[i] = Some(j);
                    used[j] = true;
                }
                None => {
                    return Err(Error::Argument {
                        name: "mapping".into(),
                        message: format!(
                            "column `{col}` mapped to `{}` is not in the input; columns are {}",
                            spec.name,
                            headers.join(", ")
                        ),
                    });
                }
            }
        }
    }
    for pass in 0..2 {
        for (i, spec) in fields.iter().enumerate() {
            if index[i].is_some() {
                continue;
            }
            let found = norm.iter().enumerate().position(|(j, h)| {
                !used[j]
                    && if pass == 0 {
                        h == spec.name
                    } else {
                        spec.aliases.contains(&h.as_str())
                    }
            });
            if let Some(j) = found {
                index[i] = Some(j);
                used[j] = true;
            }
        }
    }
    let missing: Vec<&str> = fields
        .iter()
        .zip(&index)
        .filter(|(f, i)| f.required && i.is_none())
        .map(|(f, _)| f.name)
        .collect();
    if !missing.is_empty() {
        return Err(Error::Argument {
            name: "columns".into(),
            message: format!(
                "the {table} input has no column for required field(s) {}; columns are [{}]: rename them or pass a mapping such as {{\"{}\": \"<column>\"}}",
                missing.join(", "),
                headers.join(", "),
                missing[0]
            ),
        });
    }
    for (spec, i) in fields.iter().zip(&index) {
        if let Some(j) = i {
            columns.insert(spec.name.to_owned(), headers[*j].clone());
        }
    }
    let ignored = headers
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(h, _)| h.clone())
        .collect();
    Ok((index, ignored, columns))
}

/// Matches input column names to the fields of `table` (by name, alias or `mapping`), as the
/// loaders do: schema field → input column. Fails when a required field has no column.
///
/// ```
/// let cols = ["Date".to_owned(), "Platform".to_owned(), "ID".to_owned(), "Reactions".to_owned()];
/// let m = smo_core::data::match_columns("posts", &cols, &Default::default())?;
/// assert_eq!(m["likes"], "Reactions");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn match_columns(
    table: &str,
    headers: &[String],
    mapping: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
    let (name, fields) = table_fields(table)?;
    let opts = LoadOptions {
        mapping: mapping.clone(),
        ..Default::default()
    };
    Ok(resolve(name, fields, headers, &opts)?.2)
}

/// [`match_columns`] for a path that reads only the fields in `reads`: the other fields are
/// matched when their column is there, and need none. Grouping posts reads no `post_id`, so a
/// frame of metrics without one is grouped, not refused.
///
/// ```
/// let cols = ["Date".to_owned(), "Platform".to_owned(), "Reach".to_owned()];
/// let m = smo_core::data::match_columns_reading("posts", &cols, &Default::default(), &["published", "network"])?;
/// assert_eq!((m["published"].as_str(), m["reach"].as_str()), ("Date", "Reach"));
/// assert!(smo_core::data::match_columns("posts", &cols, &Default::default()).is_err());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn match_columns_reading(
    table: &str,
    headers: &[String],
    mapping: &BTreeMap<String, String>,
    reads: &[&str],
) -> Result<BTreeMap<String, String>> {
    let (name, fields) = table_fields(table)?;
    let fields: Vec<FieldSpec> = fields
        .iter()
        .map(|f| FieldSpec {
            required: f.required && reads.contains(&f.name),
            ..*f
        })
        .collect();
    let opts = LoadOptions {
        mapping: mapping.clone(),
        ..Default::default()
    };
    Ok(resolve(name, &fields, headers, &opts)?.2)
}

fn table_fields(table: &str) -> Result<(&'static str, &'static [FieldSpec])> {
    Ok(match table {
        "posts" => ("posts", POST_FIELDS),
        "accounts" => ("accounts", ACCOUNT_FIELDS),
        "web" => ("web", WEB_FIELDS),
        "costs" => ("costs", COST_FIELDS),
        other => {
            return Err(Error::Argument {
                name: "table".into(),
                message: format!("`{other}` is not a table: use posts, accounts, web or costs"),
            });
        }
    })
}

fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    let (comma, semi, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab > semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

struct Collector<'o, T> {
    loaded: Loaded<T>,
    opts: &'o LoadOptions,
}

impl<T: Table> Collector<'_, T> {
    fn reject(
        &mut self,
        line: u64,
        record: u64,
        field: Option<String>,
        reason: String,
    ) -> Result<()> {
        if self.opts.strict {
            return Err(Error::Row {
                table: T::NAME.into(),
                line,
                field,
                message: reason,
            });
        }
        self.loaded.rejected.push(Rejected {
            line,
            record,
            field,
            reason,
        });
        Ok(())
    }

    fn row(&mut self, cells: Vec<Option<Cell<'_>>>, line: u64, record: u64) -> Result<()> {
        let cells = RowCells {
            cells,
            fields: T::FIELDS,
            opts: self.opts,
        };
        match T::build(&cells) {
            Ok(row) => {
                self.loaded.rows.push(row);
                Ok(())
            }
            Err((field, reason)) => self.reject(line, record, Some(field), reason),
        }
    }
}

/// Loads a table from CSV text (first line = header).
///
/// Errors only for problems of the whole input (no header, a required column absent, a bad
/// mapping) or, in strict mode, for the first bad row.
pub fn load_csv<T: Table>(text: &str, opts: &LoadOptions) -> Result<Loaded<T>> {
    let delimiter = opts.delimiter.unwrap_or_else(|| sniff_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => {
            return Err(Error::Row {
                table: T::NAME.into(),
                line: 1,
                field: None,
                message: format!("cannot read the CSV header line: {e}"),
            });
        }
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::Row {
            table: T::NAME.into(),
            line: 1,
            field: None,
            message: "the CSV input is empty or has no header line".into(),
        });
    }
    let (index, ignored, columns) = resolve(T::NAME, T::FIELDS, &headers, opts)?;
    let mut c = Collector::<T> {
        loaded: Loaded {
            table: T::NAME,
            rows: Vec::new(),
            rejected: Vec::new(),
            ignored_columns: ignored,
            columns,
        },
        opts,
    };
    let mut record = csv::ByteRecord::new();
    let mut n = 0u64;
    loop {
        let line_before = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                n += 1;
                let line = record.position().map_or(line_before, |p| p.line());
                if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                    c.reject(line, n, None, "empty line".into())?;
                    continue;
                }
                if record.len() != headers.len() {
                    c.reject(
                        line,
                        n,
                        None,
                        format!(
                            "{} cells where the header has {} (check the delimiter `{}` and quoting)",
                            record.len(),
                            headers.len(),
                            delimiter as char
                        ),
                    )?;
                    continue;
                }
                let mut cells = Vec::with_capacity(index.len());
                let mut bad_utf8 = None;
                for (spec, j) in T::FIELDS.iter().zip(&index) {
                    let cell = match j.and_then(|j| record.get(j)) {
                        Some(bytes) => match std::str::from_utf8(bytes) {
                            Ok(s) => Some(Cell::Text(s)),
                            Err(e) => {
                                bad_utf8 = Some((spec.name, e.valid_up_to()));
                                None
                            }
                        },
                        None => None,
                    };
                    cells.push(cell);
                }
                if let Some((field, at)) = bad_utf8 {
                    c.reject(
                        line,
                        n,
                        Some(field.into()),
                        format!(
                            "invalid UTF-8 after byte {at} of the cell: save the file as UTF-8"
                        ),
                    )?;
                    continue;
                }
                c.row(cells, line, n)?;
            }
            Err(e) => {
                n += 1;
                let line = e.position().map_or(line_before + 1, |p| p.line());
                c.reject(line, n, None, format!("unreadable CSV record: {e}"))?;
            }
        }
    }
    Ok(c.loaded)
}

/// Loads a table from JSON text: an array of objects (or `{"rows": [...]}`).
pub fn load_json<T: Table>(text: &str, opts: &LoadOptions) -> Result<Loaded<T>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Parse {
        format: crate::error::Format::Json,
        position: crate::error::Position {
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
            path: None,
        },
        message: e.to_string(),
    })?;
    let lines = record_lines(text);
    load_value(&value, Some(&lines), opts)
}

/// Loads a table from JSON lines (one object a line, as listening exports stream them): a line
/// that is not a JSON object is rejected with its line number and the parser's reason, never
/// dropped; blank lines are skipped.
///
/// ```
/// use smo_core::{data::{load_json_lines, LoadOptions}, listening::Mention};
/// let text = "{\"id\": \"a\", \"text\": \"lin\", \"date\": \"2027-01-04T09:00:00Z\"}\n{oops\n\n{\"id\": \"c\", \"text\": \"drap\"}\n";
/// let l = load_json_lines::<Mention>(text, &LoadOptions::default())?;
/// assert_eq!(l.rows.len(), 1);
/// assert_eq!((l.rejected[0].line, l.rejected[0].record), (2, 2));
/// assert_eq!((l.rejected[1].line, l.rejected[1].field.as_deref()), (4, Some("published")));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn load_json_lines<T: Table>(text: &str, opts: &LoadOptions) -> Result<Loaded<T>> {
    let mut items = Vec::new();
    let mut lines = Vec::new();
    let mut records = Vec::new();
    let mut syntax: Vec<Rejected> = Vec::new();
    let mut record = 0u64;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        record += 1;
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v @ serde_json::Value::Object(_)) => {
                items.push(v);
                lines.push(i as u64 + 1);
                records.push(record);
            }
            Ok(_) => syntax.push(Rejected {
                line: i as u64 + 1,
                record,
                field: None,
                reason: "the line is JSON but not an object".into(),
            }),
            Err(e) => syntax.push(Rejected {
                line: i as u64 + 1,
                record,
                field: None,
                reason: format!("not a JSON object: {e}"),
            }),
        }
    }
    if opts.strict {
        if let Some(r) = syntax.first() {
            return Err(Error::Row {
                table: T::NAME.into(),
                line: r.line,
                field: None,
                message: r.reason.clone(),
            });
        }
    }
    let mut loaded = load_value::<T>(&serde_json::Value::Array(items), Some(&lines), opts)?;
    for r in &mut loaded.rejected {
        if let Some(n) = usize::try_from(r.record)
            .ok()
            .and_then(|k| records.get(k.wrapping_sub(1)))
        {
            r.record = *n;
        }
    }
    loaded.rejected.extend(syntax);
    loaded.rejected.sort_by_key(|r| r.line);
    Ok(loaded)
}

/// Loads a table from a parsed JSON value: an array of objects (records from Python lists of
/// dicts or data frames come this way; their "line" is the 1-based record index).
pub fn load_records<T: Table>(value: &serde_json::Value, opts: &LoadOptions) -> Result<Loaded<T>> {
    load_value(value, None, opts)
}

fn load_value<T: Table>(
    value: &serde_json::Value,
    lines: Option<&[u64]>,
    opts: &LoadOptions,
) -> Result<Loaded<T>> {
    let items = match value {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => match o.get("rows") {
            Some(serde_json::Value::Array(a)) => a,
            _ => {
                return Err(Error::Argument {
                    name: "data".into(),
                    message: "expected an array of objects (or an object with a `rows` array)"
                        .into(),
                });
            }
        },
        _ => {
            return Err(Error::Argument {
                name: "data".into(),
                message: "expected an array of objects, one per row".into(),
            });
        }
    };
    // No record, no columns to check: an empty table (nothing posted yet) is not an error.
    if items.is_empty() {
        return Ok(Loaded {
            table: T::NAME,
            rows: Vec::new(),
            rejected: Vec::new(),
            ignored_columns: Vec::new(),
            columns: Default::default(),
        });
    }
    // Headers: every key of every object, in first-seen order.
    let mut headers: Vec<String> = Vec::new();
    for item in items {
        if let serde_json::Value::Object(o) = item {
            for k in o.keys() {
                if !headers.contains(k) {
                    headers.push(k.clone());
                }
            }
        }
    }
    let (index, ignored, columns) = resolve(T::NAME, T::FIELDS, &headers, opts)?;
    let mut c = Collector::<T> {
        loaded: Loaded {
            table: T::NAME,
            rows: Vec::new(),
            rejected: Vec::new(),
            ignored_columns: ignored,
            columns,
        },
        opts,
    };
    for (i, item) in items.iter().enumerate() {
        let record = i as u64 + 1;
        let line = lines.and_then(|l| l.get(i).copied()).unwrap_or(record);
        let serde_json::Value::Object(o) = item else {
            c.reject(
                line,
                record,
                None,
                format!("expected an object, found {}", kind_of(item)),
            )?;
            continue;
        };
        let mut cells = Vec::with_capacity(index.len());
        let mut bad = None;
        for (spec, j) in T::FIELDS.iter().zip(&index) {
            let v = j.and_then(|j| o.get(&headers[j]));
            let cell = match v {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(s)) => Some(Cell::Text(s.as_str())),
                Some(serde_json::Value::Number(n)) => n.as_f64().map(Cell::Number),
                Some(serde_json::Value::Bool(_)) => {
                    bad = Some((spec.name, "a boolean is not accepted here".to_owned()));
                    None
                }
                Some(other) => {
                    bad = Some((
                        spec.name,
                        format!("{} is not accepted here", kind_of(other)),
                    ));
                    None
                }
            };
            cells.push(cell);
        }
        if let Some((field, reason)) = bad {
            c.reject(line, record, Some(field.into()), reason)?;
            continue;
        }
        c.row(cells, line, record)?;
    }
    Ok(c.loaded)
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Line of each element of the top-level array (or of the `rows` array) of a JSON text.
fn record_lines(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut line = 1u64;
    let mut in_string = false;
    let mut escaped = false;
    // Records sit at depth 1 (top-level array) or depth 2 (inside {"rows": [...]}).
    let record_depth = if text.trim_start().starts_with('{') {
        2
    } else {
        1
    };
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if depth == record_depth {
                    out.push(line);
                }
                depth += 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' | b' ' | b'\t' | b'\r' | b'\n' | b':' => {}
            // A scalar record (an error case): note where it starts once.
            _ if depth == record_depth && out.last() != Some(&line) => out.push(line),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{AccountRow, PostRow, WebRow, time_zone};

    fn opts() -> LoadOptions {
        LoadOptions::default()
    }

    #[test]
    fn csv_rows_are_read_or_rejected_with_line_and_reason() {
        let csv = "published,network,post_id,likes,extra\n\
                   2026-07-01T10:00:00Z,instagram,a,10,x\n\
                   2026-07-01T10:00:00Z,myspace,b,10,x\n\
                   not a date,instagram,c,10,x\n\
                   2026-07-01T10:00:00Z,instagram,d,-1,x\n\
                   2026-07-01T10:00:00Z,instagram\n\
                   \n\
                   2026-07-01T10:00:00Z,instagram,e,,x\n";
        let l = load_csv::<PostRow>(csv, &opts()).unwrap();
        assert_eq!(l.rows.len(), 2);
        assert_eq!(l.rows[1].likes, None);
        assert_eq!(l.ignored_columns, vec!["extra"]);
        let lines: Vec<u64> = l.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6]);
        assert_eq!(l.rejected[0].field.as_deref(), Some("network"));
        assert!(l.rejected[3].reason.contains("2 cells"));
        // The blank line is skipped by the CSV reader as it carries no record.
        assert_eq!(l.total(), 6);
    }

    #[test]
    fn strict_mode_stops_at_first_error() {
        let csv = "published,network,post_id\n2026-07-01,instagram,a\n2026-07-01,nope,b\n";
        let o = LoadOptions {
            strict: true,
            ..opts()
        };
        let err = load_csv::<PostRow>(csv, &o).unwrap_err();
        assert!(matches!(err, Error::Row { line: 3, .. }), "{err}");
        assert!(err.to_string().contains("line 3, field `network`"), "{err}");
    }

    #[test]
    fn missing_required_column_is_a_call_error_with_mapping_hint() {
        let err = load_csv::<PostRow>("when,network,post_id\n", &opts()).unwrap_err();
        assert!(err.to_string().contains("published"), "{err}");
        let mut o = opts();
        o.mapping.insert("published".into(), "when".into());
        let l = load_csv::<PostRow>("when,network,post_id\n2026-07-01,x,1\n", &o).unwrap();
        assert_eq!(l.rows.len(), 1);
        let mut o = opts();
        o.mapping.insert("publshed".into(), "when".into());
        let err = load_csv::<PostRow>("when\n", &o).unwrap_err();
        assert!(
            err.to_string().contains("did you mean `published`"),
            "{err}"
        );
    }

    #[test]
    fn time_zones_and_dst() {
        let mut o = opts();
        o.time_zone = time_zone("Europe/Paris").unwrap();
        let csv = "published,network,post_id\n\
                   2026-03-29 02:30,x,gap\n\
                   2026-10-25 02:30,x,ambiguous\n\
                   2026-01-15 12:00,x,winter\n\
                   2026-07-15T12:00:00-04:00,x,offset\n";
        let l = load_csv::<PostRow>(csv, &o).unwrap();
        assert_eq!(l.rejected.len(), 1);
        assert!(l.rejected[0].reason.contains("daylight"));
        assert_eq!(
            l.rows[0].published.to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        assert_eq!(
            l.rows[1].published.to_rfc3339(),
            "2026-01-15T11:00:00+00:00"
        );
        assert_eq!(
            l.rows[2].published.to_rfc3339(),
            "2026-07-15T16:00:00+00:00"
        );
    }

    #[test]
    fn json_records_report_their_line() {
        let json = "[\n {\"date\": \"2026-07-01\", \"source\": \"ig\", \"medium\": \"social\", \"sessions\": 5},\n {\"date\": \"2026-07-02\", \"source\": \"ig\", \"medium\": \"social\", \"sessions\": 1.5},\n 3\n]";
        let l = load_json::<WebRow>(json, &opts()).unwrap();
        assert_eq!(l.rows.len(), 1);
        assert_eq!(l.rejected[0].line, 3);
        assert_eq!(l.rejected[0].field.as_deref(), Some("sessions"));
        assert_eq!(l.rejected[1].line, 4);
        assert_eq!(l.rejected[1].record, 3);
    }

    #[test]
    fn semicolon_and_aliases() {
        let csv = "Date;Network;Followers;New followers\n2026-07-01;Instagram;12 000;35\n";
        let mut o = opts();
        o.decimal_comma = true;
        let l = load_csv::<AccountRow>(csv, &o).unwrap();
        assert_eq!(l.rows[0].followers, Some(12000));
        assert_eq!(l.rows[0].follows, Some(35));
    }

    #[test]
    fn bounces_cannot_exceed_sessions() {
        let csv = "date,source,medium,sessions,bounces\n2026-07-01,a,b,3,4\n";
        let l = load_csv::<WebRow>(csv, &opts()).unwrap();
        assert_eq!(l.rejected[0].field.as_deref(), Some("bounces"));
    }
}
