//! Text columns through the text paths: per-network counts, entities and sentiment, one
//! result row per input row (entities: one row per entity, with the input row it came from).
//!
//! A listening export or a posts table holds millions of texts in Parquet; these functions read
//! them in place and return the same numbers as the row functions ([`count_field`],
//! [`extract_entities`], [`sentiment_scores`]), which they call. A null text gives a null row
//! (counts, sentiment) or no entity, never a made-up score for an empty text.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, StringBuilder, StringDictionaryBuilder,
    UInt64Builder,
};
use arrow_array::types::Int8Type;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field as ArrowField, Schema, SchemaRef};
use rayon::prelude::*;

use super::columns::{TextColumn, bad_column};
use crate::error::Error;
use crate::listening::{Lang, SentimentScores, sentiment_scores};
use crate::network::Network;
use crate::text::{CountOptions, Entity, Field, TextCount, count_field, extract_entities};

fn dict() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
}

fn u64s(names: &[&str], nullable: bool) -> impl Iterator<Item = ArrowField> {
    names
        .iter()
        .map(move |n| ArrowField::new(*n, DataType::UInt64, nullable))
}

/// The schema of [`count_text_array`], the keys of `TextCount.to_dict()` in Python: `network`,
/// `field`, `unit` (dictionaries of ids); `weighted_length` and `length` (the same number, in
/// `unit`), `limit` (uint64), `remaining` (int64), `valid` (bool), `permillage` (uint64, ‰ of
/// the limit); the display and valid ranges (uint64, UTF-16 indices, inclusive); `overflow`,
/// `overflow_utf16`, `overflow_byte` (uint64, where the text first goes over, in code points,
/// UTF-16 units and bytes; null when it fits); `graphemes`, `code_points`, `utf16`, `bytes`.
/// Every column is null on a row whose text is null.
pub fn text_counts_schema() -> SchemaRef {
    let mut fields = vec![
        ArrowField::new("network", dict(), true),
        ArrowField::new("field", dict(), true),
        ArrowField::new("unit", dict(), true),
    ];
    fields.extend(u64s(&["weighted_length", "length", "limit"], true));
    fields.push(ArrowField::new("remaining", DataType::Int64, true));
    fields.push(ArrowField::new("valid", DataType::Boolean, true));
    fields.extend(u64s(
        &[
            "permillage",
            "display_range_start",
            "display_range_end",
            "valid_range_start",
            "valid_range_end",
            "overflow",
            "overflow_utf16",
            "overflow_byte",
            "graphemes",
            "code_points",
            "utf16",
            "bytes",
        ],
        true,
    ));
    Arc::new(Schema::new(fields))
}

/// The result of `f` on each row of a text column, in parallel, in row order (`None` for a
/// null text).
fn per_row<T: Send>(texts: &TextColumn<'_>, f: impl Fn(&str) -> T + Sync) -> Vec<Option<T>> {
    (0..texts.len())
        .into_par_iter()
        .with_min_len(256)
        .map(|i| texts.get(i).map(&f))
        .collect()
}

fn batch(schema: SchemaRef, arrays: Vec<ArrayRef>) -> Result<RecordBatch, Error> {
    RecordBatch::try_new(schema, arrays)
        .map_err(|e| bad_column("result", format!("cannot build the record batch: {e}")))
}

/// Counts each text of a column as [`count_field`] does for `network`'s `field`, in parallel,
/// into a record batch with the schema of [`text_counts_schema`], row for row.
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray, types::UInt64Type};
/// use smo_core::{Network, text::{CountOptions, Field}};
/// // X weighs the emoji 2: 8 + 1 + 5 + 1 + 2 + 1 + 4.
/// let texts = StringArray::from(vec![Some("Nouveaux draps 🌙 #lin"), None]);
/// let out = smo_core::arrow::count_text_array(&texts, Network::X, Field::Post, &CountOptions::default())?;
/// assert_eq!(out.column_by_name("length").unwrap().as_primitive::<UInt64Type>().value(0), 22);
/// assert!(out.column_by_name("valid").unwrap().is_null(1));
/// # Ok::<(), smo_core::Error>(())
/// ```
///
/// Fails when the column is not text, or when `network` has no such field (as
/// [`count_field`] does).
pub fn count_text_array(
    texts: &dyn Array,
    network: Network,
    field: Field,
    options: &CountOptions,
) -> Result<RecordBatch, Error> {
    let col = TextColumn::new(texts, "texts")?;
    // The field's limits are checked once, on an empty text, so a bad field fails even when
    // every row is null.
    count_field("", network, field, options)?;
    let counted: Vec<Option<TextCount>> =
        per_row(&col, |t| count_field(t, network, field, options))
            .into_iter()
            .map(Option::transpose)
            .collect::<Result<_, _>>()?;
    let mut ids: Vec<StringDictionaryBuilder<Int8Type>> =
        (0..3).map(|_| StringDictionaryBuilder::new()).collect();
    let mut nums: Vec<UInt64Builder> = (0..15).map(|_| UInt64Builder::new()).collect();
    let mut remaining = Int64Builder::new();
    let mut valid = BooleanBuilder::new();
    for c in &counted {
        let Some(c) = c else {
            ids.iter_mut().for_each(|b| b.append_null());
            nums.iter_mut().for_each(|b| b.append_null());
            remaining.append_null();
            valid.append_null();
            continue;
        };
        for (b, id) in ids
            .iter_mut()
            .zip([c.network.as_str(), c.field.as_str(), c.unit.as_str()])
        {
            // Three or so distinct ids per column: the dictionary never overflows its keys.
            b.append(id)
                .map_err(|e| bad_column("result", e.to_string()))?;
        }
        let o = c.overflow;
        let values = [
            Some(c.length),
            Some(c.length),
            Some(c.limit),
            Some(c.permillage),
            Some(c.display_range_start),
            Some(c.display_range_end),
            Some(c.valid_range_start),
            Some(c.valid_range_end),
            o.map(|o| o.code_point),
            o.map(|o| o.utf16),
            o.map(|o| o.byte),
            Some(c.graphemes),
            Some(c.code_points),
            Some(c.utf16),
            Some(c.bytes),
        ];
        for (b, v) in nums.iter_mut().zip(values) {
            b.append_option(v);
        }
        remaining.append_value(c.remaining);
        valid.append_value(c.valid);
    }
    let mut arrays: Vec<ArrayRef> = ids
        .iter_mut()
        .map(|b| Arc::new(b.finish()) as ArrayRef)
        .collect();
    let mut nums = nums
        .into_iter()
        .map(|mut b| Arc::new(b.finish()) as ArrayRef);
    arrays.extend(nums.by_ref().take(3));
    arrays.push(Arc::new(remaining.finish()));
    arrays.push(Arc::new(valid.finish()));
    arrays.extend(nums);
    batch(text_counts_schema(), arrays)
}

/// The schema of [`entity_array`], one row per entity: `row` (uint64, the input row),
/// `kind` (dictionary: `url`, `mention`, `list`, `hashtag`, `cashtag`), `text` (utf8, without
/// sigil), then `start`, `end` (code points), `start_utf16`, `end_utf16`, `start_byte`,
/// `end_byte` (uint64, end exclusive).
pub fn entities_schema() -> SchemaRef {
    let mut fields = vec![
        ArrowField::new("row", DataType::UInt64, false),
        ArrowField::new("kind", dict(), false),
        ArrowField::new("text", DataType::Utf8, false),
    ];
    fields.extend(u64s(
        &[
            "start",
            "end",
            "start_utf16",
            "end_utf16",
            "start_byte",
            "end_byte",
        ],
        false,
    ));
    Arc::new(Schema::new(fields))
}

/// The entities of each text of a column as [`extract_entities`] finds them, in parallel, into
/// a record batch with the schema of [`entities_schema`]: rows in input order, entities of a
/// row in text order. `row_offset` is added to `row`, so that the chunks of a stream number
/// their rows as one column.
///
/// ```
/// use arrow_array::{StringArray, cast::AsArray, types::UInt64Type};
/// let texts = StringArray::from(vec![Some("@maisonlune #lin"), None, Some("https://maisonlune.fr")]);
/// let out = smo_core::arrow::entity_array(&texts, 0)?;
/// let rows: Vec<u64> = out.column(0).as_primitive::<UInt64Type>().values().to_vec();
/// assert_eq!(rows, [0, 0, 2]);
/// assert_eq!(out.column(2).as_string::<i32>().value(1), "lin");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn entity_array(texts: &dyn Array, row_offset: u64) -> Result<RecordBatch, Error> {
    let col = TextColumn::new(texts, "texts")?;
    let found: Vec<Option<Vec<Entity>>> = per_row(&col, extract_entities);
    let mut row = UInt64Builder::new();
    let mut kind = StringDictionaryBuilder::<Int8Type>::new();
    let mut text = StringBuilder::new();
    let mut nums: Vec<UInt64Builder> = (0..6).map(|_| UInt64Builder::new()).collect();
    for (i, es) in found.iter().enumerate() {
        for e in es.iter().flatten() {
            row.append_value(row_offset + i as u64);
            kind.append(e.kind.as_str())
                .map_err(|err| bad_column("result", err.to_string()))?;
            text.append_value(&e.text);
            for (b, v) in nums.iter_mut().zip([
                e.start,
                e.end,
                e.start_utf16,
                e.end_utf16,
                e.start_byte,
                e.end_byte,
            ]) {
                b.append_value(v);
            }
        }
    }
    let mut arrays: Vec<ArrayRef> = vec![
        Arc::new(row.finish()),
        Arc::new(kind.finish()),
        Arc::new(text.finish()),
    ];
    arrays.extend(nums.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    batch(entities_schema(), arrays)
}

/// The schema of [`sentiment_array`]: `compound` (float64 in [-1, 1]), `positive`,
/// `negative`, `neutral` (float64 shares, summing to 1), `label` (dictionary: `positive`,
/// `neutral`, `negative`) and `lang` (dictionary of the language scored: `en`, `fr`). Every
/// column is null on a row whose text is null.
pub fn sentiments_schema() -> SchemaRef {
    let score = |n: &str| ArrowField::new(n, DataType::Float64, true);
    Arc::new(Schema::new(vec![
        score("compound"),
        score("positive"),
        score("negative"),
        score("neutral"),
        ArrowField::new("label", dict(), true),
        ArrowField::new("lang", dict(), true),
    ]))
}

/// Scores each text of a column as [`sentiment_scores`] does (in `lang`, or each in the
/// language detected), in parallel, into a record batch with the schema of
/// [`sentiments_schema`], row for row.
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray, types::Float64Type};
/// use smo_core::listening::Lang;
/// let texts = StringArray::from(vec![Some("I love these sheets!"), None]);
/// let out = smo_core::arrow::sentiment_array(&texts, Some(Lang::En))?;
/// assert!(out.column(0).as_primitive::<Float64Type>().value(0) > 0.5);
/// assert!(out.column(0).is_null(1));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn sentiment_array(texts: &dyn Array, lang: Option<Lang>) -> Result<RecordBatch, Error> {
    let col = TextColumn::new(texts, "texts")?;
    let scored: Vec<Option<SentimentScores>> = per_row(&col, |t| sentiment_scores(t, lang));
    let mut scores: Vec<Float64Builder> = (0..4).map(|_| Float64Builder::new()).collect();
    let mut ids: Vec<StringDictionaryBuilder<Int8Type>> =
        (0..2).map(|_| StringDictionaryBuilder::new()).collect();
    for s in &scored {
        match s {
            None => {
                scores.iter_mut().for_each(|b| b.append_null());
                ids.iter_mut().for_each(|b| b.append_null());
            }
            Some(s) => {
                for (b, v) in scores
                    .iter_mut()
                    .zip([s.compound, s.positive, s.negative, s.neutral])
                {
                    b.append_value(v);
                }
                for (b, id) in ids.iter_mut().zip([s.label.as_str(), s.lang.as_str()]) {
                    b.append(id)
                        .map_err(|e| bad_column("result", e.to_string()))?;
                }
            }
        }
    }
    let mut arrays: Vec<ArrayRef> = scores
        .iter_mut()
        .map(|b| Arc::new(b.finish()) as ArrayRef)
        .collect();
    arrays.extend(ids.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    batch(sentiments_schema(), arrays)
}
