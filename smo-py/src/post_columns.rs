//! Post columns read from Python (a DataFrame, or a dict of buffers and sequences) and
//! converted, a batch of rows at a time, into Arrow record batches for smo-core's
//! `PostBatchGrouper`, for `smo.group_posts` and `smo.group_post_columns`.
//!
//! This module only converts: numeric columns are read in place through the buffer protocol
//! (float64, int64 and datetime64 arrays), text keys as Python str objects factorized one
//! distinct object at a time into dictionary arrays, NaT and missing keys as nulls. Every
//! decision (column matching, keys, periods, formulas, what a null means) is the core's, whose
//! `group_overlapped` groups the windows already converted on its threads while this thread
//! converts the next.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{
    ArrayRef, DictionaryArray, RecordBatch, StringArray, TimestampMicrosecondArray,
    TimestampMillisecondArray, TimestampNanosecondArray, TimestampSecondArray, UInt32Array,
};
use arrow_buffer::NullBuffer;

use pyo3::buffer::{Element, PyBuffer};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PySlice, PyString, PyTuple};
use smo_core::Error;
use smo_core::arrow::PostBatchGrouper;
use smo_core::kpi::formula::{Formula, PostField};
use smo_core::kpi::group::{GroupOptions, Grouped};

use crate::errors::PyCoreError;
use crate::measure::FnvHasher;

/// Rows converted per record batch: the core groups a window of about a million rows at a time,
/// so memory holds one window of converted columns whatever the frame's length.
const BATCH_ROWS: usize = 1 << 18;

fn arg(name: &str, message: impl Into<String>) -> PyErr {
    PyErr::from(PyCoreError(Error::Argument {
        name: name.into(),
        message: message.into(),
    }))
}

/// The Arrow type of a buffer element.
trait Native {
    type Type: arrow_array::ArrowPrimitiveType<Native = Self>;
}

impl Native for f64 {
    type Type = arrow_array::types::Float64Type;
}

impl Native for i64 {
    type Type = arrow_array::types::Int64Type;
}

/// A numeric column: a Python buffer, shared or copied a batch of rows at a time, or values
/// already converted.
enum Buf<'py, T: Element> {
    Py { obj: Bound<'py, PyAny>, len: usize },
    Owned(Vec<T>),
}

impl<'py, T: Element + Copy + Default> Buf<'py, T> {
    /// `obj` when it exports a 1-D buffer of element type `T`.
    fn get(obj: &Bound<'py, PyAny>) -> Option<Self> {
        let b = PyBuffer::<T>::get(obj).ok()?;
        (b.dimensions() == 1).then(|| Buf::Py {
            obj: obj.clone(),
            len: b.item_count(),
        })
    }

    fn len(&self) -> usize {
        match self {
            Buf::Py { len, .. } => *len,
            Buf::Owned(v) => v.len(),
        }
    }

    /// Rows `lo..hi` as an Arrow array: sharing the Python buffer (pyo3-arrow imports it
    /// without a copy) when it is contiguous and aligned, else copied.
    fn array(&self, py: Python<'py>, lo: usize, hi: usize) -> PyResult<ArrayRef>
    where
        T: arrow_buffer::ArrowNativeType,
        arrow_array::PrimitiveArray<<T as Native>::Type>: From<Vec<T>>,
        T: Native,
    {
        if let Buf::Py { obj, .. } = self {
            let part = obj.get_item(PySlice::new(py, lo as isize, hi as isize, 1))?;
            let fits = PyBuffer::<T>::get(&part).is_ok_and(|b| {
                b.dimensions() == 1
                    && b.is_c_contiguous()
                    && b.item_count() == hi - lo
                    && (b.buf_ptr() as usize).is_multiple_of(std::mem::align_of::<T>())
            });
            if fits {
                if let Ok(a) = part
                    .extract::<pyo3_arrow::buffer::AnyBufferProtocol>()
                    .and_then(|b| b.into_arrow_array().map_err(PyErr::from))
                {
                    if arrow_array::Array::data_type(a.as_ref())
                        == &<<T as Native>::Type as arrow_array::ArrowPrimitiveType>::DATA_TYPE
                    {
                        return Ok(a);
                    }
                }
            }
        }
        let mut out = Vec::new();
        self.copy(py, lo, hi, &mut out)?;
        Ok(Arc::new(
            arrow_array::PrimitiveArray::<<T as Native>::Type>::from(out),
        ))
    }

    /// Copies rows `lo..hi` into `out` (resized to fit).
    fn copy(&self, py: Python<'py>, lo: usize, hi: usize, out: &mut Vec<T>) -> PyResult<()> {
        match self {
            Buf::Py { obj, .. } => {
                let part = obj.get_item(PySlice::new(py, lo as isize, hi as isize, 1))?;
                let b = PyBuffer::<T>::get(&part)?;
                // Same length as the last chunk: no fill, the copy overwrites.
                out.resize(b.item_count(), T::default());
                b.copy_to_slice(py, out)?;
            }
            Buf::Owned(v) => {
                out.clear();
                out.extend_from_slice(v.get(lo..hi).unwrap_or_default());
            }
        }
        if out.len() != hi - lo {
            return Err(PyTypeError::new_err("column changed while being read"));
        }
        Ok(())
    }
}

/// A metric column: float64, int64 or already converted values (NaN for missing).
enum Numbers<'py> {
    F64(Buf<'py, f64>),
    I64(Buf<'py, i64>),
}

impl<'py> Numbers<'py> {
    fn from_obj(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Some(b) = Buf::<f64>::get(obj) {
            return Ok(Numbers::F64(b));
        }
        if let Some(b) = Buf::<i64>::get(obj) {
            return Ok(Numbers::I64(b));
        }
        let mut out = Vec::new();
        for item in obj.try_iter()? {
            let item = item?;
            out.push(if item.is_none() {
                f64::NAN
            } else {
                item.extract::<f64>()?
            });
        }
        Ok(Numbers::F64(Buf::Owned(out)))
    }

    fn len(&self) -> usize {
        match self {
            Numbers::F64(b) => b.len(),
            Numbers::I64(b) => b.len(),
        }
    }
}

/// Integer codes of any width (pandas picks int8 for a small categorical).
enum Codes<'py> {
    I8(Buf<'py, i8>),
    I16(Buf<'py, i16>),
    I32(Buf<'py, i32>),
    I64(Buf<'py, i64>),
}

impl<'py> Codes<'py> {
    fn from_obj(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        Ok(if let Some(b) = Buf::<i8>::get(obj) {
            Codes::I8(b)
        } else if let Some(b) = Buf::<i16>::get(obj) {
            Codes::I16(b)
        } else if let Some(b) = Buf::<i32>::get(obj) {
            Codes::I32(b)
        } else if let Some(b) = Buf::<i64>::get(obj) {
            Codes::I64(b)
        } else {
            Codes::I64(Buf::Owned(obj.extract()?))
        })
    }

    fn len(&self) -> usize {
        match self {
            Codes::I8(b) => b.len(),
            Codes::I16(b) => b.len(),
            Codes::I32(b) => b.len(),
            Codes::I64(b) => b.len(),
        }
    }

    /// Rows `lo..hi` into `out` as int64.
    fn read(&self, py: Python<'py>, lo: usize, hi: usize, out: &mut Vec<i64>) -> PyResult<()> {
        fn widen<'py, T: Element + Copy + Default + Into<i64>>(
            b: &Buf<'py, T>,
            py: Python<'py>,
            lo: usize,
            hi: usize,
            out: &mut Vec<i64>,
        ) -> PyResult<()> {
            let mut narrow = Vec::new();
            b.copy(py, lo, hi, &mut narrow)?;
            out.clear();
            out.extend(narrow.into_iter().map(Into::into));
            Ok(())
        }
        match self {
            Codes::I8(b) => widen(b, py, lo, hi, out),
            Codes::I16(b) => widen(b, py, lo, hi, out),
            Codes::I32(b) => widen(b, py, lo, hi, out),
            Codes::I64(b) => b.copy(py, lo, hi, out),
        }
    }
}

/// Codes of text objects, one text lookup per distinct object: the column holds its objects
/// alive for the whole call, so an address seen once names the same str until the end.
struct Factorizer {
    names: Vec<String>,
    by_text: HashMap<String, u32, BuildHasherDefault<FnvHasher>>,
    /// Direct-mapped cache: object address → code (`MISSING` for a missing value).
    by_ptr: Vec<(usize, u32)>,
    /// `pandas.NA`, a missing value in object columns.
    na: Option<Py<PyAny>>,
}

const MISSING: u32 = u32::MAX;
const PTR_SLOTS: usize = 1024;

impl Factorizer {
    fn new(py: Python<'_>) -> Self {
        Factorizer {
            names: Vec::new(),
            by_text: HashMap::default(),
            by_ptr: vec![(0, MISSING); PTR_SLOTS],
            na: py
                .import("pandas")
                .and_then(|pd| pd.getattr("NA"))
                .ok()
                .map(Bound::unbind),
        }
    }

    /// Appends the code of each item of `items` (a list) to `out`.
    fn codes(
        &mut self,
        items: &Bound<'_, PyList>,
        column: &str,
        offset: usize,
        out: &mut Vec<Option<u32>>,
    ) -> PyResult<()> {
        for (i, item) in items.iter().enumerate() {
            let ptr = item.as_ptr() as usize;
            let slot = (ptr >> 4 ^ ptr >> 14) % PTR_SLOTS;
            let (seen, code) = self.by_ptr[slot];
            if seen == ptr {
                out.push((code != MISSING).then_some(code));
                continue;
            }
            let code = match item.cast::<PyString>() {
                Ok(s) => {
                    let s = s.to_str()?;
                    match self.by_text.get(s) {
                        Some(c) => *c,
                        None => {
                            let c = u32::try_from(self.names.len())
                                .map_err(|_| arg(column, "more than 4 billion distinct values"))?;
                            self.names.push(s.to_owned());
                            self.by_text.insert(s.to_owned(), c);
                            c
                        }
                    }
                }
                Err(_) => {
                    let missing = item.is_none()
                        || item.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
                        || self
                            .na
                            .as_ref()
                            .is_some_and(|na| item.is(na.bind(item.py())));
                    if !missing {
                        return Err(PyTypeError::new_err(format!(
                            "column `{column}`, row {}: text columns hold str or missing values (None, NaN, pandas.NA), not {}",
                            offset + i,
                            item.get_type().name()?
                        )));
                    }
                    MISSING
                }
            };
            self.by_ptr[slot] = (ptr, code);
            out.push((code != MISSING).then_some(code));
        }
        Ok(())
    }
}

/// A text key column.
enum Texts<'py> {
    /// Integer codes (negative for missing) into names: pandas categoricals and `(codes, names)`.
    Codes {
        codes: Codes<'py>,
        names: Vec<String>,
    },
    /// A list or a 1-D object array of str objects.
    Objects {
        items: Bound<'py, PyAny>,
        list: bool,
        len: usize,
        factorizer: Factorizer,
    },
}

impl<'py> Texts<'py> {
    fn from_obj(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        if let Ok(t) = obj.cast::<PyTuple>() {
            if t.len() == 2 {
                return Ok(Texts::Codes {
                    names: t.get_item(1)?.extract()?,
                    codes: Codes::from_obj(&t.get_item(0)?)?,
                });
            }
        }
        let items = if obj.cast::<PyList>().is_ok() || is_object_array(obj)? {
            obj.clone()
        } else {
            // Other iterables are read once into a list that then holds the items alive.
            PyList::new(py, obj.try_iter()?.collect::<PyResult<Vec<_>>>()?)?.into_any()
        };
        Ok(Texts::Objects {
            list: items.cast::<PyList>().is_ok(),
            len: items.len()?,
            items,
            factorizer: Factorizer::new(py),
        })
    }

    /// A DataFrame column: categorical codes as they are, other columns as objects.
    fn from_series(col: &Bound<'py, PyAny>) -> PyResult<Self> {
        let py = col.py();
        if col.getattr("dtype")?.str()?.to_str()? == "category" {
            let cat = col.getattr("cat")?;
            return Ok(Texts::Codes {
                codes: Codes::from_obj(&cat.getattr("codes")?.call_method0("to_numpy")?)?,
                names: cat
                    .getattr("categories")?
                    .call_method0("tolist")?
                    .extract()?,
            });
        }
        let kw = PyDict::new(py);
        kw.set_item("dtype", "object")?;
        // A view of pandas' own object array for str columns; a conversion otherwise.
        Texts::from_obj(&col.call_method("to_numpy", (), Some(&kw))?)
    }

    fn len(&self) -> usize {
        match self {
            Texts::Codes { codes, .. } => codes.len(),
            Texts::Objects { len, .. } => *len,
        }
    }

    fn names(&self) -> &[String] {
        match self {
            Texts::Codes { names, .. } => names,
            Texts::Objects { factorizer, .. } => &factorizer.names,
        }
    }

    /// Appends the codes of rows `lo..hi` to `out`.
    fn read(
        &mut self,
        py: Python<'py>,
        column: &str,
        lo: usize,
        hi: usize,
        scratch: &mut Vec<i64>,
        out: &mut Vec<Option<u32>>,
    ) -> PyResult<()> {
        match self {
            Texts::Codes { codes, names } => {
                codes.read(py, lo, hi, scratch)?;
                for c in scratch.iter() {
                    out.push(match *c {
                        c if c < 0 => None,
                        c if (c as usize) < names.len() => Some(c as u32),
                        c => {
                            return Err(PyTypeError::new_err(format!(
                                "column `{column}`: code {c} has no name ({} names)",
                                names.len()
                            )));
                        }
                    });
                }
                Ok(())
            }
            Texts::Objects {
                items,
                list,
                factorizer,
                ..
            } => {
                let part = if *list {
                    items.cast::<PyList>()?.get_slice(lo, hi)
                } else {
                    items
                        .get_item(PySlice::new(py, lo as isize, hi as isize, 1))?
                        .call_method0("tolist")?
                        .cast_into::<PyList>()?
                };
                factorizer.codes(&part, column, lo, out)
            }
        }
    }
}

fn is_object_array(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(obj.hasattr("tolist")?
        && obj.hasattr("ndim")?
        && obj.getattr("ndim")?.extract::<usize>().ok() == Some(1)
        && obj
            .getattr("dtype")
            .and_then(|d| d.getattr("kind"))
            .and_then(|k| k.extract::<String>())
            .is_ok_and(|k| k == "O"))
}

/// Where each post column comes from.
pub struct PostSources<'py> {
    published: Buf<'py, i64>,
    /// Divisor from the stored unit to seconds.
    per_second: i64,
    /// For a DataFrame: NaT (the int64 minimum) is a missing time.
    nat: bool,
    network: Texts<'py>,
    content_type: Option<Texts<'py>>,
    pillar: Option<Texts<'py>>,
    campaign: Option<Texts<'py>>,
    metrics: Vec<(PostField, Numbers<'py>)>,
    /// Field → the caller's column name, so that errors name the caller's columns.
    columns: BTreeMap<String, String>,
}

impl<'py> PostSources<'py> {
    /// From `smo.group_post_columns`' dict.
    pub fn from_dict(columns: &Bound<'py, PyDict>, published_unit: &str) -> PyResult<Self> {
        let per_second: i64 = match published_unit {
            "s" => 1,
            "ms" => 1_000,
            "us" => 1_000_000,
            "ns" => 1_000_000_000,
            other => {
                return Err(arg(
                    "published_unit",
                    format!("`{other}`: use s, ms, us or ns"),
                ));
            }
        };
        let need = |name: &str| -> PyResult<Bound<'py, PyAny>> {
            columns
                .get_item(name)?
                .ok_or_else(|| arg("columns", format!("missing column `{name}`")))
        };
        let published_obj = need("published")?;
        let published = Buf::get(&published_obj).unwrap_or_else(|| Buf::Owned(Vec::new()));
        let published = match published {
            Buf::Owned(_) => Buf::Owned(published_obj.extract::<Vec<i64>>()?),
            b => b,
        };
        let text = |name: &str| -> PyResult<Option<Texts<'py>>> {
            columns
                .get_item(name)?
                .map(|o| Texts::from_obj(&o))
                .transpose()
        };
        let mut metrics = Vec::new();
        for field in PostField::ALL {
            if let Some(obj) = columns.get_item(field.as_str())? {
                metrics.push((field, Numbers::from_obj(&obj)?));
            }
        }
        Ok(PostSources {
            published,
            per_second,
            nat: false,
            network: Texts::from_obj(&need("network")?)?,
            content_type: text("content_type")?,
            pillar: text("pillar")?,
            campaign: text("campaign")?,
            metrics,
            columns: BTreeMap::new(),
        })
    }

    /// From a DataFrame's columns, matched to post fields by smo-core (`mapping` overrides).
    /// `published` is converted by pandas to naive UTC (naive times are local to `time_zone`)
    /// and read as int64 in its own unit; metrics are read as float64 or int64, other dtypes
    /// converted by pandas with NaN for missing.
    pub fn from_frame(
        df: &Bound<'py, PyAny>,
        time_zone: &str,
        mapping: &std::collections::BTreeMap<String, String>,
    ) -> PyResult<Self> {
        let py = df.py();
        let headers: Vec<String> = df
            .getattr("columns")?
            .call_method0("tolist")?
            .try_iter()?
            .map(|h| h.and_then(|h| Ok(h.str()?.to_str()?.to_owned())))
            .collect::<PyResult<_>>()?;
        let matched = smo_core::data::match_columns_reading(
            "posts",
            &headers,
            mapping,
            &["published", "network"],
        )
        .map_err(PyCoreError)?;
        let pd = py.import("pandas")?;
        let mut published = None;
        let mut network = None;
        let (mut content_type, mut pillar, mut campaign) = (None, None, None);
        let mut metrics = Vec::new();
        for (field, column) in &matched {
            let col = df.get_item(column)?;
            match field.as_str() {
                "published" => {
                    published = Some(published_column(&pd, &col, time_zone)?);
                }
                "network" => network = Some(Texts::from_series(&col)?),
                "content_type" => content_type = Some(Texts::from_series(&col)?),
                "pillar" => pillar = Some(Texts::from_series(&col)?),
                "campaign" => campaign = Some(Texts::from_series(&col)?),
                name => {
                    let Some(f) = PostField::ALL.into_iter().find(|f| f.as_str() == name) else {
                        continue;
                    };
                    let dtype = col.getattr("dtype")?.str()?.to_str()?.to_owned();
                    let arr = if dtype == "float64" || dtype == "int64" {
                        col.call_method0("to_numpy")?
                    } else {
                        let kw = PyDict::new(py);
                        kw.set_item("dtype", "float64")?;
                        kw.set_item("na_value", f64::NAN)?;
                        col.call_method("to_numpy", (), Some(&kw))?
                    };
                    metrics.push((f, Numbers::from_obj(&arr)?));
                }
            }
        }
        let (published, per_second) =
            published.ok_or_else(|| arg("columns", "missing column `published`"))?;
        Ok(PostSources {
            published,
            per_second,
            nat: true,
            network: network.ok_or_else(|| arg("columns", "missing column `network`"))?,
            content_type,
            pillar,
            campaign,
            metrics,
            // The columns converted, not every one matched (`post_id` is not needed to group).
            columns: matched
                .into_iter()
                .filter(|(f, _)| {
                    ["published", "network", "content_type", "pillar", "campaign"]
                        .contains(&f.as_str())
                        || PostField::ALL.iter().any(|p| p.as_str() == f)
                })
                .collect(),
        })
    }

    fn len(&self) -> usize {
        self.published.len()
    }

    fn check_lengths(&self) -> PyResult<()> {
        let n = self.len();
        let mut lens = vec![("network", self.network.len())];
        for (name, t) in [
            ("content_type", &self.content_type),
            ("pillar", &self.pillar),
            ("campaign", &self.campaign),
        ] {
            if let Some(t) = t {
                lens.push((name, t.len()));
            }
        }
        for (f, m) in &self.metrics {
            lens.push((f.as_str(), m.len()));
        }
        match lens.into_iter().find(|(_, len)| *len != n) {
            Some((name, len)) => Err(arg(
                name,
                format!(
                    "column `{name}` has {len} values where `published` has {n}: columns must have equal lengths"
                ),
            )),
            None => Ok(()),
        }
    }

    /// The name of `field`'s column in the batches.
    fn name<'a>(&'a self, field: &'a str) -> &'a str {
        self.columns.get(field).map_or(field, String::as_str)
    }

    /// Rows `lo..hi` as a record batch.
    fn batch(&mut self, py: Python<'py>, lo: usize, hi: usize) -> PyResult<RecordBatch> {
        let times = self.published.array(py, lo, hi)?;
        let times = times
            .as_primitive::<arrow_array::types::Int64Type>()
            .values()
            .clone();
        let nulls = (self.nat && times.contains(&i64::MIN))
            .then(|| NullBuffer::from_iter(times.iter().map(|t| *t != i64::MIN)));
        let published: ArrayRef = match self.per_second {
            1 => Arc::new(TimestampSecondArray::new(times, nulls).with_timezone("UTC")),
            1_000 => Arc::new(TimestampMillisecondArray::new(times, nulls).with_timezone("UTC")),
            1_000_000 => {
                Arc::new(TimestampMicrosecondArray::new(times, nulls).with_timezone("UTC"))
            }
            _ => Arc::new(TimestampNanosecondArray::new(times, nulls).with_timezone("UTC")),
        };
        let mut columns: Vec<(String, ArrayRef)> =
            vec![(self.name("published").to_owned(), published)];
        let mut scratch = Vec::new();
        for (field, texts) in [
            ("network", Some(&mut self.network)),
            ("content_type", self.content_type.as_mut()),
            ("pillar", self.pillar.as_mut()),
            ("campaign", self.campaign.as_mut()),
        ] {
            let Some(texts) = texts else { continue };
            let mut codes = Vec::with_capacity(hi - lo);
            let column = self.columns.get(field).map_or(field, String::as_str);
            texts.read(py, column, lo, hi, &mut scratch, &mut codes)?;
            let values = StringArray::from_iter_values(texts.names());
            let keys = UInt32Array::from(codes);
            let dict = DictionaryArray::<UInt32Type>::try_new(keys, Arc::new(values))
                .map_err(|e| arg(column, e.to_string()))?;
            columns.push((column.to_owned(), Arc::new(dict)));
        }
        for (f, src) in &self.metrics {
            // NaN stays NaN: the core reads it as missing, as a null.
            let values = match src {
                Numbers::F64(b) => b.array(py, lo, hi)?,
                Numbers::I64(b) => b.array(py, lo, hi)?,
            };
            let name = self
                .columns
                .get(f.as_str())
                .map_or(f.as_str(), String::as_str);
            columns.push((name.to_owned(), values));
        }
        RecordBatch::try_from_iter(columns).map_err(|e| arg("columns", e.to_string()))
    }

    /// Groups the posts: this thread converts batch after batch (it holds the interpreter)
    /// while the core groups the batches already converted on the pool.
    pub fn group(
        mut self,
        py: Python<'py>,
        kpis: &[Formula],
        opts: &GroupOptions,
        pool: Option<&rayon::ThreadPool>,
    ) -> PyResult<Grouped> {
        self.check_lengths()?;
        let n = self.len();
        let mapping = self.columns.clone();
        let (mut lo, mut first) = (0, true);
        // An empty input still gives one batch: its schema says which columns there are.
        let grouped = PostBatchGrouper::new(kpis, opts, &mapping).group_overlapped(pool, || {
            if lo >= n && !first {
                return Ok(None);
            }
            first = false;
            let hi = (lo + BATCH_ROWS).min(n);
            let batch = self.batch(py, lo, hi)?;
            lo = hi;
            Ok::<_, PyErr>(Some(batch))
        })?;
        Ok(grouped.map_err(PyCoreError)?)
    }
}

/// The published column as naive UTC int64 in its own unit, and the divisor to seconds.
fn published_column<'py>(
    pd: &Bound<'py, PyModule>,
    col: &Bound<'py, PyAny>,
    time_zone: &str,
) -> PyResult<(Buf<'py, i64>, i64)> {
    let py = col.py();
    // `to_datetime` copies even a datetime64 column: such a column is taken as it is.
    let mut ts = if col
        .getattr("dtype")?
        .str()?
        .to_str()?
        .starts_with("datetime64[")
    {
        col.clone()
    } else {
        let kw = PyDict::new(py);
        kw.set_item("utc", false)?;
        pd.call_method("to_datetime", (col,), Some(&kw))?
    };
    let naive = ts.getattr("dt")?.getattr("tz")?.is_none();
    if naive && time_zone != "UTC" {
        let kw = PyDict::new(py);
        kw.set_item("ambiguous", "raise")?;
        kw.set_item("nonexistent", "raise")?;
        ts = ts
            .getattr("dt")?
            .call_method("tz_localize", (time_zone,), Some(&kw))?;
    }
    if !(naive && time_zone == "UTC") {
        ts = ts
            .getattr("dt")?
            .call_method1("tz_convert", ("UTC",))?
            .getattr("dt")?
            .call_method1("tz_localize", (py.None(),))?;
    }
    // The int64 view of the datetime64 array, in its own unit (pandas 2 stores ns, pandas 3
    // often µs): no copy.
    let arr = ts.call_method0("to_numpy")?;
    let dtype = arr.getattr("dtype")?.str()?.to_str()?.to_owned();
    let (arr, per_second) = match ["s", "ms", "us", "ns"]
        .into_iter()
        .zip([1, 1_000, 1_000_000, 1_000_000_000])
        .find(|(u, _)| dtype == format!("datetime64[{u}]"))
    {
        Some((_, d)) => (arr, d),
        None => (
            arr.call_method1("astype", ("datetime64[ns]",))?,
            1_000_000_000,
        ),
    };
    let view = arr.call_method1("view", ("int64",))?;
    let buf = match Buf::get(&view) {
        Some(b) => b,
        None => Buf::Owned(view.extract()?),
    };
    Ok((buf, per_second))
}
