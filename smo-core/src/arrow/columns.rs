//! Arrow columns read into the buffers the kernels take: times as Unix seconds, metrics as
//! `f64` with `NaN` for missing, text keys parsed once per distinct value.
//!
//! Why a module of its own: every columnar path reads the same few layouts (the three string
//! layouts and dictionaries of them, timestamps of any unit with or without a zone, numbers of
//! any width), and a reader written once gives every path the same rules for nulls and the
//! same error messages (column, row, what to do).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrowPrimitiveType, PrimitiveArray};
use arrow_schema::{DataType, TimeUnit};
use chrono::{LocalResult, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use crate::error::Error;
use crate::traffic::fnv::Fnv;

/// An error in column `column` at row `row` (0-based, over the whole input).
pub(crate) fn at_row(column: &str, row: usize, message: impl std::fmt::Display) -> Error {
    Error::Argument {
        name: column.into(),
        message: format!("column `{column}`, row {row}: {message}"),
    }
}

/// `e` with where it happened; an unknown network stays that error (hosts tell it by its kind),
/// with the place in its hint.
fn located(e: Error, column: &str, row: usize) -> Error {
    match e {
        Error::UnknownNetwork { name, hint, known } => Error::UnknownNetwork {
            name,
            hint: format!("{hint} (column `{column}`, row {row})"),
            known,
        },
        Error::Argument { message, .. } | Error::Invalid { message, .. } => {
            at_row(column, row, message)
        }
        other => at_row(column, row, other),
    }
}

/// An error about a whole column.
pub(crate) fn bad_column(column: &str, message: impl Into<String>) -> Error {
    Error::Argument {
        name: column.into(),
        message: message.into(),
    }
}

/// A string column (`Utf8`, `LargeUtf8`, `Utf8View`, or a dictionary of one of them) read row by
/// row; a dictionary also gives each row's key, so that callers work once per distinct value.
pub(crate) enum TextColumn<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Dict {
        keys: Vec<usize>,
        col: &'a dyn arrow_array::AnyDictionaryArray,
        values: Box<TextColumn<'a>>,
    },
}

impl<'a> TextColumn<'a> {
    pub(crate) fn new(col: &'a dyn Array, column: &str) -> Result<Self, Error> {
        if let Some(a) = col.as_string_opt::<i32>() {
            return Ok(TextColumn::Utf8(a));
        }
        if let Some(a) = col.as_string_opt::<i64>() {
            return Ok(TextColumn::Large(a));
        }
        if let Some(a) = col.as_string_view_opt() {
            return Ok(TextColumn::View(a));
        }
        // A table of one column (`spark.read.text`, a one-column CSV) streams as a struct.
        if let Some(s) = col.as_struct_opt() {
            if s.num_columns() == 1 && s.null_count() == 0 {
                return TextColumn::new(s.column(0).as_ref(), column);
            }
        }
        if let Some(d) = col.as_any_dictionary_opt() {
            if let Ok(values) = TextColumn::new(d.values().as_ref(), column) {
                if !matches!(values, TextColumn::Dict { .. }) {
                    // An empty dictionary (every row null) has no key to normalise.
                    let keys = if values.len() == 0 {
                        vec![usize::MAX; d.len()]
                    } else {
                        d.normalized_keys()
                    };
                    return Ok(TextColumn::Dict {
                        keys,
                        col: d,
                        values: Box::new(values),
                    });
                }
            }
        }
        Err(bad_column(
            column,
            format!(
                "column `{column}` is {}: give text (string, large_string, string_view or a dictionary of them)",
                col.data_type()
            ),
        ))
    }

    /// Number of distinct keys of a dictionary (`None`: not a dictionary).
    pub(crate) fn dictionary_len(&self) -> Option<usize> {
        match self {
            TextColumn::Dict { values, .. } => Some(values.len()),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            TextColumn::Utf8(a) => a.len(),
            TextColumn::Large(a) => a.len(),
            TextColumn::View(a) => a.len(),
            TextColumn::Dict { keys, .. } => keys.len(),
        }
    }

    /// The dictionary key of row `i` (`None`: null, or not a dictionary).
    #[inline]
    pub(crate) fn key(&self, i: usize) -> Option<usize> {
        match self {
            TextColumn::Dict { keys, col, values } => {
                let k = keys[i];
                (!col.keys().is_null(i) && k < values.len() && values.get(k).is_some()).then_some(k)
            }
            _ => None,
        }
    }

    /// The text of row `i`, `None` for a null.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            TextColumn::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            TextColumn::Large(a) => a.is_valid(i).then(|| a.value(i)),
            TextColumn::View(a) => a.is_valid(i).then(|| a.value(i)),
            TextColumn::Dict { keys, col, values } => {
                if col.keys().is_null(i) {
                    return None;
                }
                let k = keys[i];
                if k < values.len() {
                    values.get(k)
                } else {
                    None
                }
            }
        }
    }
}

/// The parsed text of each row of a string column, `None` for a null; `f` is called once per
/// distinct value of a dictionary and about once per distinct text otherwise (see [`TextMemo`]).
pub(crate) fn map_texts<T: Copy>(
    col: &dyn Array,
    column: &str,
    offset: usize,
    memo: &mut TextMemo<T>,
    mut f: impl FnMut(&str) -> Result<T, Error>,
    out: &mut Vec<Option<T>>,
) -> Result<(), Error> {
    out.clear();
    let texts = TextColumn::new(col, column)?;
    let mut by_key: Vec<Option<T>> = vec![None; texts.dictionary_len().unwrap_or(0)];
    for row in 0..texts.len() {
        let Some(text) = texts.get(row) else {
            out.push(None);
            continue;
        };
        let key = texts.key(row);
        if let Some(v) = key.and_then(|k| by_key[k]) {
            out.push(Some(v));
            continue;
        }
        let v = match memo.get(text) {
            Some(v) => v,
            None => {
                let v = f(text).map_err(|e| located(e, column, offset + row))?;
                memo.put(text, v);
                v
            }
        };
        if let Some(k) = key {
            by_key[k] = Some(v);
        }
        out.push(Some(v));
    }
    Ok(())
}

/// Parsed values of the texts seen so far: a small direct-mapped cache in front of a map, so
/// that a column of a few distinct values (networks, content types) costs a comparison per row.
pub(crate) struct TextMemo<T> {
    recent: Vec<Option<(Box<str>, T)>>,
    all: HashMap<Box<str>, T, BuildHasherDefault<Fnv>>,
}

impl<T: Copy> Default for TextMemo<T> {
    fn default() -> Self {
        TextMemo {
            recent: vec![None; 64],
            all: HashMap::default(),
        }
    }
}

impl<T: Copy> TextMemo<T> {
    /// Beyond this many distinct texts the map is not grown (values are parsed again).
    const MAX: usize = 1 << 16;

    fn slot(text: &str) -> usize {
        let b = text.as_bytes();
        let first = b.first().copied().unwrap_or(0) as usize;
        let last = b.last().copied().unwrap_or(0) as usize;
        (b.len() * 31 + first * 7 + last) % 64
    }

    fn get(&mut self, text: &str) -> Option<T> {
        let slot = Self::slot(text);
        if let Some((t, v)) = &self.recent[slot] {
            if **t == *text {
                return Some(*v);
            }
        }
        let v = *self.all.get(text)?;
        self.recent[slot] = Some((text.into(), v));
        Some(v)
    }

    fn put(&mut self, text: &str, v: T) {
        self.recent[Self::slot(text)] = Some((text.into(), v));
        if self.all.len() < Self::MAX {
            self.all.insert(text.into(), v);
        }
    }
}

/// A numeric column as `f64`, `NaN` for a null: the column's own values when it is `float64`
/// without nulls (no copy), otherwise converted into `buf`.
pub(crate) fn floats<'a>(
    col: &'a dyn Array,
    column: &str,
    buf: &'a mut Vec<f64>,
) -> Result<&'a [f64], Error> {
    if let Some(a) = col.as_primitive_opt::<Float64Type>() {
        if a.null_count() == 0 {
            return Ok(a.values());
        }
    }
    fn widen<T: ArrowPrimitiveType>(
        a: &PrimitiveArray<T>,
        buf: &mut Vec<f64>,
        to: impl Fn(T::Native) -> f64,
    ) {
        buf.clear();
        match a.nulls() {
            None => buf.extend(a.values().iter().map(|v| to(*v))),
            Some(n) => buf.extend(
                a.values()
                    .iter()
                    .zip(n.iter())
                    .map(|(v, ok)| if ok { to(*v) } else { f64::NAN }),
            ),
        }
    }
    macro_rules! numeric {
        ($($t:ty),*) => {
            $(if let Some(a) = col.as_primitive_opt::<$t>() {
                widen(a, buf, |v| v as f64);
                return Ok(buf);
            })*
        };
    }
    numeric!(
        Float64Type,
        Int8Type,
        Int16Type,
        Int32Type,
        Int64Type,
        UInt8Type,
        UInt16Type,
        UInt32Type,
        UInt64Type
    );
    if let Some(a) = col.as_primitive_opt::<Float32Type>() {
        widen(a, buf, f64::from);
        return Ok(buf);
    }
    if *col.data_type() == DataType::Null {
        buf.clear();
        buf.resize(col.len(), f64::NAN);
        return Ok(buf);
    }
    Err(bad_column(
        column,
        format!(
            "column `{column}` is {}: give numbers (float or integer; cast decimals to float64)",
            col.data_type()
        ),
    ))
}

/// Local quarter-hour → UTC offset in seconds (`None`: the time does not exist in the zone).
/// Zone offsets change on quarter hours, so one lookup serves the whole quarter.
#[derive(Default)]
pub(crate) struct LocalOffsets {
    by_bucket: HashMap<i64, Option<i64>, BuildHasherDefault<Fnv>>,
}

impl LocalOffsets {
    fn offset(&mut self, tz: Tz, local_secs: i64) -> Option<i64> {
        let bucket = local_secs.div_euclid(900);
        *self.by_bucket.entry(bucket).or_insert_with(|| {
            let naive = chrono::DateTime::from_timestamp(bucket * 900, 0)?.naive_utc();
            local_offset(tz, naive)
        })
    }
}

/// Offset of a local time; a repeated hour (daylight saving time ends) is read as its first
/// occurrence, as the CSV loaders read it.
fn local_offset(tz: Tz, naive: NaiveDateTime) -> Option<i64> {
    use chrono::Offset;
    match tz.offset_from_local_datetime(&naive) {
        LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => {
            Some(i64::from(o.fix().local_minus_utc()))
        }
        LocalResult::None => None,
    }
}

/// Publication instants as Unix seconds: a timestamp with a time zone is an instant; one without
/// (and a date, at midnight) is a local time in `tz`; text is read as the CSV loaders read it.
/// A null is an error: a post without a date cannot be placed in a period.
pub(crate) fn seconds(
    col: &dyn Array,
    column: &str,
    offset: usize,
    tz: Tz,
    local: &mut LocalOffsets,
    out: &mut Vec<i64>,
) -> Result<(), Error> {
    out.clear();
    if let Some(row) = col
        .logical_nulls()
        .filter(|n| n.null_count() > 0)
        .and_then(|n| n.iter().position(|valid| !valid))
    {
        return Err(at_row(
            column,
            offset + row,
            "no publication date-time (null): drop or fill the row",
        ));
    }
    let (per_second, zoned) = match col.data_type() {
        DataType::Timestamp(unit, zone) => (
            match unit {
                TimeUnit::Second => 1,
                TimeUnit::Millisecond => 1_000,
                TimeUnit::Microsecond => 1_000_000,
                TimeUnit::Nanosecond => 1_000_000_000,
            },
            zone.is_some(),
        ),
        DataType::Date32 | DataType::Date64 => (0, false),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            return text_seconds(col, column, offset, tz, out);
        }
        other => {
            return Err(bad_column(
                column,
                format!(
                    "column `{column}` is {other}: give a timestamp (with or without a time zone), a date or ISO 8601 text"
                ),
            ));
        }
    };
    macro_rules! read {
        ($t:ty, $d:expr) => {
            if let Some(a) = col.as_primitive_opt::<$t>() {
                out.extend(a.values().iter().map(|v| v.div_euclid($d)));
            }
        };
    }
    match per_second {
        1 => read!(TimestampSecondType, 1),
        1_000 => read!(TimestampMillisecondType, 1_000),
        1_000_000 => read!(TimestampMicrosecondType, 1_000_000),
        1_000_000_000 => read!(TimestampNanosecondType, 1_000_000_000),
        _ => {
            if let Some(a) = col.as_primitive_opt::<Date32Type>() {
                out.extend(a.values().iter().map(|d| i64::from(*d) * 86_400));
            } else if let Some(a) = col.as_primitive_opt::<Date64Type>() {
                out.extend(
                    a.values()
                        .iter()
                        .map(|ms| ms.div_euclid(86_400_000) * 86_400),
                );
            }
        }
    }
    if zoned || tz == Tz::UTC {
        return Ok(());
    }
    for (row, s) in out.iter_mut().enumerate() {
        let off = local.offset(tz, *s).ok_or_else(|| {
            at_row(
                column,
                offset + row,
                format!(
                    "this local time does not exist in {} (clocks skip it when daylight saving time starts)",
                    tz.name()
                ),
            )
        })?;
        *s -= off;
    }
    Ok(())
}

fn text_seconds(
    col: &dyn Array,
    column: &str,
    offset: usize,
    tz: Tz,
    out: &mut Vec<i64>,
) -> Result<(), Error> {
    let opts = crate::data::LoadOptions {
        time_zone: tz,
        ..Default::default()
    };
    let mut memo = TextMemo::default();
    let mut parsed = Vec::new();
    map_texts(
        col,
        column,
        offset,
        &mut memo,
        |t| {
            crate::data::parse_datetime(t, &opts)
                .map(|(at, _)| at.timestamp())
                .map_err(|m| bad_column(column, m))
        },
        &mut parsed,
    )?;
    out.extend(parsed.into_iter().map(|s| s.unwrap_or_default()));
    Ok(())
}
