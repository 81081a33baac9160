//! Arrow record batches in and out of smo's columnar batch paths (feature `arrow`).
//!
//! Analysts hold their data in Arrow already: pyarrow, Polars, DuckDB, Spark's `mapInArrow` and
//! pandas with Arrow dtypes all hand over columns without a copy. These functions read such
//! columns directly into smo's kernels and give their results back as record batches, so that a
//! column of a hundred million referrers never becomes a hundred million objects. The numbers
//! are those of the row paths over the same data: the same kernels compute them.
//!
//! Result schemas (the same in Rust and in Python, where results implement the Arrow PyCapsule
//! interface):
//!
//! | Function | Columns (type) |
//! |---|---|
//! | [`grouped_batch`] ([`grouped_schema`]) | one per `by` key (utf8); `period` (utf8, `2026-07`), `period_start` (date32); `posts` (uint64); per KPI its value (float64, KPI unit, null when undefined) and `<kpi>_change_pct` (float64, %) |
//! | [`classify_referrer_array`] ([`referrers_schema`]) | `medium`, `source`, `network` (nullable), `channel` (`dictionary<int8/int32, utf8>`); `term` (large_utf8, nullable) |
//! | [`count_text_array`] ([`text_counts_schema`]) | `network`, `field`, `unit` (`dictionary<int8, utf8>`); `weighted_length`, `length`, `limit` (uint64, in `unit`); `remaining` (int64); `valid` (bool); `permillage` (uint64, ‰); `display_range_start/end`, `valid_range_start/end` (uint64, UTF-16, inclusive); `overflow`, `overflow_utf16`, `overflow_byte` (uint64, null when the text fits); `graphemes`, `code_points`, `utf16`, `bytes` (uint64); a null text gives a null row |
//! | [`entity_array`] ([`entities_schema`]) | one row per entity: `row` (uint64, input row); `kind` (`dictionary<int8, utf8>`); `text` (utf8); `start`, `end`, `start_utf16`, `end_utf16`, `start_byte`, `end_byte` (uint64, end exclusive) |
//! | [`sentiment_array`] ([`sentiments_schema`]) | `compound`, `positive`, `negative`, `neutral` (float64); `label`, `lang` (`dictionary<int8, utf8>`); a null text gives a null row |
//! | [`audit_page_array`] ([`audits_schema`]) | `url`, `error` (utf8, nullable); `overall`, `previews`, `discoverability`, `sharing`, `community` (float64, 0–100, nullable); `errors`, `warnings`, `notices` (uint32); `failed_rules` (`list<utf8>`); `fix_html`, `findings` (utf8, JSON) |
//!
//! Inputs are read as they come: text as `utf8`, `large_utf8`, `utf8_view` or a dictionary of
//! them; times as timestamps of any unit (with a time zone: instants; without: local times in
//! the grouping's zone), dates or ISO 8601 text; numbers of any width, null for missing.
//! `arrow-array` and `arrow-schema` are re-exported so that a host builds batches with the same
//! version smo reads.

mod audits;
mod columns;
mod logs;
mod posts;
mod referrers;
mod texts;

pub use arrow_array;
pub use arrow_schema;
pub use audits::{audit_page_array, audits_schema};
pub use logs::breakdown_log_arrays;
pub use posts::{PostBatchGrouper, group_post_batches, grouped_batch, grouped_schema};
pub use referrers::{classify_referrer_array, referrers_schema};
pub use texts::{
    count_text_array, entities_schema, entity_array, sentiment_array, sentiments_schema,
    text_counts_schema,
};
