//! The normalised measurement data an analyst has, and loaders that never lose a row.
//!
//! Four tables, one row type each:
//!
//! | Table | Row | One row is |
//! |---|---|---|
//! | `posts` | [`PostRow`] | one published post with its lifetime metrics |
//! | `accounts` | [`AccountRow`] | one account (network) on one day |
//! | `web` | [`WebRow`] | web-analytics totals for one day × source × medium × campaign |
//! | `costs` | [`CostRow`] | one cost line (ads, content, staff time, tools) |
//!
//! The fields of each table, their aliases and meaning are data ([`schema`]), printed in
//! `docs/measurement.md`. A missing value is `None`, never 0: "zero ≠ missing" (measurement.md §0).
//!
//! Loaders read CSV ([`load_csv`], with the `csv` crate; delimiter sniffed among `,` `;` tab)
//! and JSON ([`load_json`]: an array of objects), map columns to fields (by name, by a known
//! alias such as `Date`/`Likes`/`Reactions`, or by the caller's [`LoadOptions::mapping`]), read
//! local date-times in an IANA zone (chrono-tz) and numbers in a locale (`1,234.5`, `1 234,5`
//! with a normal, no-break or narrow no-break space, `1.234,5`, `1'234.5`). Every row that cannot
//! be read comes back in [`Loaded::rejected`] with its line and reason; columns the schema does
//! not know come back in [`Loaded::ignored_columns`]. With [`LoadOptions::strict`] the first bad
//! row is an [`Error::Row`](crate::Error::Row) instead.
//!
//! ```
//! use smo_core::data::{self, LoadOptions, PostRow};
//!
//! let csv = "date;network;post id;likes;comments;reach\n\
//!            2026-07-01 09:30;instagram;p1;1 234;12;20 000\n\
//!            2026-07-02 09:30;instagram;p2;12,5;3;900\n";
//! let opts = LoadOptions { decimal_comma: true, time_zone: "Europe/Paris".parse().unwrap(), ..Default::default() };
//! let loaded = data::load_csv::<PostRow>(csv, &opts)?;
//! assert_eq!(loaded.rows.len(), 1);
//! assert_eq!(loaded.rows[0].likes, Some(1234));
//! assert_eq!(loaded.rows[0].published.to_rfc3339(), "2026-07-01T07:30:00+00:00");
//! assert_eq!(loaded.rejected[0].line, 3);
//! assert!(loaded.rejected[0].reason.contains("whole number"));
//! # Ok::<(), smo_core::Error>(())
//! ```
//!
//! The loaders read every table the same way, so the module is split by step rather than by
//! table: the schema (what a field is), the row types (what a table holds), reading one cell
//! (numbers in a locale, date-times in a zone), and loading a whole input (columns matched, every
//! row read or rejected with its line).

mod cells;
mod load;
mod rows;
mod schema;

pub use cells::{RowCells, Table, parse_number, time_zone};
pub use load::{
    LoadOptions, Loaded, Rejected, load_csv, load_json, load_json_lines, load_records,
    match_columns, match_columns_reading,
};
pub use rows::{
    AccountRow, CostCategory, CostRow, CsvInputs, Dataset, PostRow, TableRejected, WebRow,
};
pub use schema::{
    ACCOUNT_FIELDS, COST_FIELDS, FieldKind, FieldSpec, POST_FIELDS, WEB_FIELDS, schema,
};

pub(crate) use cells::FieldResult;
// The Arrow paths read date-time cells with the loaders' own reader.
#[cfg(feature = "arrow")]
pub(crate) use cells::parse_datetime;
pub(crate) use schema::f;
