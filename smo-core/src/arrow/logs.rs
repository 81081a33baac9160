//! An access log given as an Arrow column of lines (one combined-format line per row), broken
//! down by traffic source as [`breakdown_log`](crate::traffic::batch::breakdown_log) does.
//!
//! Engines read logs as text tables (`spark.read.text`, `pyarrow.csv` with one column, Polars
//! `read_csv` on lines); such a column goes to the breakdown without being joined back into one
//! string. Line numbers count rows from 1 across the chunks, as they would count the lines of
//! the file the rows came from; a null or blank row is a blank line.

use arrow_array::Array;

use super::columns::TextColumn;
use crate::error::Error;
use crate::traffic::batch::{Breakdown, LogOptions, Tally, tally_lines};

/// The breakdown of the log lines in `chunks` (the chunks of one column, in order): the result
/// of `breakdown_log` on the same lines joined by newlines, rejected lines numbered by row.
///
/// ```
/// use arrow_array::{Array, StringArray};
/// use smo_core::traffic::batch::LogOptions;
/// let lines = StringArray::from(vec![
///     r#"1.2.3.4 - - [01/Jul/2026:10:00:00 +0200] "GET / HTTP/1.1" 200 512 "https://t.co/x" "Mozilla/5.0""#,
///     "not a log line",
/// ]);
/// let b = smo_core::arrow::breakdown_log_arrays([&lines as &dyn Array], &LogOptions::default())?;
/// assert_eq!((b.total, b.rejected[0].line), (1, 2));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn breakdown_log_arrays<'a>(
    chunks: impl IntoIterator<Item = &'a dyn Array>,
    opts: &LogOptions,
) -> Result<Breakdown, Error> {
    let mut total = Tally::default();
    let mut first: u64 = 1;
    for chunk in chunks {
        let col = TextColumn::new(chunk, "lines")?;
        let lines: Vec<(u64, &str)> = (0..col.len())
            .filter_map(|i| {
                let line = col.get(i)?.trim_end_matches(['\n', '\r']);
                (!line.trim().is_empty()).then_some((first + i as u64, line))
            })
            .collect();
        first += col.len() as u64;
        total = total.merge(tally_lines(&lines, opts));
    }
    Ok(total.finish(opts.classify.database().version()))
}
