//! Post columns read from Python (a DataFrame, or a dict of buffers and sequences) a chunk of rows
//! at a time, for `smo.group_posts` and `smo.group_post_columns`.
//!
//! Why chunks: copying ten million rows of nine columns into fresh Rust vectors costs more than
//! the grouping itself (the kernel zeroes every new page). Instead the columns are read in place
//! through the buffer protocol (float64, int64 and datetime64 arrays), or as Python str objects
//! (text keys, factorized here one distinct object at a time), into a few small buffers that
//! are reused and stay in the CPU caches. The thread holding the GIL fills a buffer while the
//! rayon threads group the previous ones with smo-core's `ColumnGrouper`; every decision (keys,
//! periods, formulas) is the core's.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};

use pyo3::buffer::{Element, PyBuffer};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PySlice, PyString, PyTuple};
use smo_core::kpi::formula::{Formula, PostField};
use smo_core::kpi::group::{ColumnGrouper, GroupOptions, Grouped, PostChunk};
use smo_core::{ContentType, Error, Network};

use crate::errors::PyCoreError;
use crate::measure::FnvHasher;

/// Rows per chunk: nine columns of 16,384 rows take about 1.2 MB.
const CHUNK_ROWS: usize = 16_384;

fn arg(name: &str, message: impl Into<String>) -> PyErr {
    PyErr::from(PyCoreError(Error::Argument {
        name: name.into(),
        message: message.into(),
    }))
}

/// A numeric column read through the buffer protocol, a slice at a time (a view of the rows
/// copied into the chunk), or already converted.
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

    fn read(
        &self,
        py: Python<'py>,
        lo: usize,
        hi: usize,
        scratch: &mut Vec<i64>,
        out: &mut Vec<f64>,
    ) -> PyResult<()> {
        match self {
            Numbers::F64(b) => b.copy(py, lo, hi, out),
            Numbers::I64(b) => {
                b.copy(py, lo, hi, scratch)?;
                out.clear();
                out.extend(scratch.iter().map(|v| *v as f64));
                Ok(())
            }
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
    /// For a DataFrame: the column name, and NaT (the int64 minimum) is an error.
    nat_column: Option<String>,
    network: Texts<'py>,
    content_type: Option<Texts<'py>>,
    pillar: Option<Texts<'py>>,
    campaign: Option<Texts<'py>>,
    metrics: Vec<(PostField, Numbers<'py>)>,
}

/// Owned buffers of one chunk. The reading thread fills them as read; [`Chunk::prepare`], on a
/// grouping thread, converts times to seconds and key codes to networks and content types.
#[derive(Default)]
struct Chunk {
    offset: usize,
    /// Times in the source's unit, then (prepared) Unix seconds.
    published: Vec<i64>,
    per_second: i64,
    /// For a DataFrame: the column name (NaT is an error).
    nat_column: Option<String>,
    network_codes: Vec<Option<u32>>,
    /// Network of each code so far.
    networks: Vec<Network>,
    network: Vec<Network>,
    has_content_type: bool,
    content_codes: Vec<Option<u32>>,
    content_types: Vec<ContentType>,
    content_type: Vec<Option<ContentType>>,
    pillar: Vec<Option<u32>>,
    campaign: Vec<Option<u32>>,
    metrics: Vec<(PostField, Vec<f64>)>,
}

impl Chunk {
    fn prepare(&mut self) -> Result<(), Error> {
        let bad = |name: &str, message: String| Error::Argument {
            name: name.into(),
            message,
        };
        if let Some(column) = &self.nat_column {
            // NaT is the int64 minimum.
            if let Some(i) = self.published.iter().position(|v| *v == i64::MIN) {
                return Err(bad(
                    "published",
                    format!(
                        "column `{column}` has missing or unreadable date-times (row {})",
                        self.offset + i
                    ),
                ));
            }
        }
        /// A division by a constant compiles to a multiplication.
        fn to_seconds<const D: i64>(v: &mut [i64]) {
            for x in v {
                *x = x.div_euclid(D);
            }
        }
        match self.per_second {
            1 => {}
            1_000 => to_seconds::<1_000>(&mut self.published),
            1_000_000 => to_seconds::<1_000_000>(&mut self.published),
            _ => to_seconds::<1_000_000_000>(&mut self.published),
        }
        self.network.clear();
        for (i, c) in self.network_codes.iter().enumerate() {
            match c.and_then(|c| self.networks.get(c as usize)) {
                Some(n) => self.network.push(*n),
                None => {
                    return Err(bad(
                        "network",
                        format!("row {} has no network", self.offset + i),
                    ));
                }
            }
        }
        self.content_type.clear();
        if self.has_content_type {
            let types = &self.content_types;
            self.content_type.extend(
                self.content_codes
                    .iter()
                    .map(|c| c.and_then(|c| types.get(c as usize).copied())),
            );
        }
        Ok(())
    }

    fn view(&self) -> PostChunk<'_> {
        let mut metrics: [Option<&[f64]>; PostField::ALL.len()] = Default::default();
        for (f, v) in &self.metrics {
            metrics[*f as usize] = Some(v);
        }
        PostChunk {
            offset: self.offset,
            published: &self.published,
            network: &self.network,
            content_type: &self.content_type,
            pillar: &self.pillar,
            campaign: &self.campaign,
            metrics,
        }
    }
}

/// State of the reading thread: parsed key names and scratch space.
#[derive(Default)]
struct Reader {
    networks: Vec<Network>,
    content_types: Vec<ContentType>,
    scratch: Vec<i64>,
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
            nat_column: None,
            network: Texts::from_obj(&need("network")?)?,
            content_type: text("content_type")?,
            pillar: text("pillar")?,
            campaign: text("campaign")?,
            metrics,
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
                    published = Some((published_column(&pd, &col, time_zone)?, column.clone()));
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
        let ((published, per_second), column) =
            published.ok_or_else(|| arg("columns", "missing column `published`"))?;
        Ok(PostSources {
            published,
            per_second,
            nat_column: Some(column),
            network: network.ok_or_else(|| arg("columns", "missing column `network`"))?,
            content_type,
            pillar,
            campaign,
            metrics,
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

    /// Reads rows `lo..hi` into `chunk`.
    fn fill(
        &mut self,
        py: Python<'py>,
        r: &mut Reader,
        lo: usize,
        hi: usize,
        chunk: &mut Chunk,
    ) -> PyResult<()> {
        chunk.offset = lo;
        chunk.per_second = self.per_second;
        chunk.nat_column.clone_from(&self.nat_column);
        self.published.copy(py, lo, hi, &mut chunk.published)?;
        chunk.network_codes.clear();
        self.network.read(
            py,
            "network",
            lo,
            hi,
            &mut r.scratch,
            &mut chunk.network_codes,
        )?;
        for name in &self.network.names()[r.networks.len()..] {
            r.networks.push(name.parse().map_err(PyCoreError)?);
        }
        chunk.networks.clone_from(&r.networks);
        chunk.content_codes.clear();
        chunk.has_content_type = false;
        if let Some(t) = &mut self.content_type {
            chunk.has_content_type = true;
            t.read(
                py,
                "content_type",
                lo,
                hi,
                &mut r.scratch,
                &mut chunk.content_codes,
            )?;
            for name in &t.names()[r.content_types.len()..] {
                r.content_types.push(name.parse().map_err(PyCoreError)?);
            }
            chunk.content_types.clone_from(&r.content_types);
        }
        for (name, t, out) in [
            ("pillar", &mut self.pillar, &mut chunk.pillar),
            ("campaign", &mut self.campaign, &mut chunk.campaign),
        ] {
            out.clear();
            if let Some(t) = t {
                t.read(py, name, lo, hi, &mut r.scratch, out)?;
            }
        }
        if chunk.metrics.len() != self.metrics.len() {
            chunk.metrics = self.metrics.iter().map(|(f, _)| (*f, Vec::new())).collect();
        }
        for ((_, src), (_, out)) in self.metrics.iter().zip(&mut chunk.metrics) {
            src.read(py, lo, hi, &mut r.scratch, out)?;
        }
        Ok(())
    }

    /// Groups the posts: this thread reads chunks while the rayon threads group them.
    pub fn group(
        mut self,
        py: Python<'py>,
        kpis: &[Formula],
        opts: &GroupOptions,
        pool: Option<&rayon::ThreadPool>,
    ) -> PyResult<Grouped> {
        self.check_lengths()?;
        let n = self.len();
        let mut reader = Reader::default();
        let core = |e: Error| PyErr::from(PyCoreError(e));
        if n <= CHUNK_ROWS {
            let mut chunk = Chunk::default();
            let mut g = ColumnGrouper::new(kpis, opts);
            self.fill(py, &mut reader, 0, n, &mut chunk)?;
            chunk.prepare().map_err(core)?;
            g.add(&chunk.view()).map_err(core)?;
            return self.finish(g);
        }
        let workers = pool
            .map_or_else(rayon::current_num_threads, |p| p.current_num_threads())
            .max(1);
        let groupers: Vec<Mutex<ColumnGrouper>> = (0..workers)
            .map(|_| Mutex::new(ColumnGrouper::new(kpis, opts)))
            .collect();
        let failed: Mutex<Option<Error>> = Mutex::new(None);
        let (tx, rx) = channel::<Chunk>();
        for _ in 0..2 * workers {
            tx.send(Chunk::default())
                .map_err(|_| PyTypeError::new_err("internal: chunk pool closed"))?;
        }
        let mut read_error = None;
        // One body for the global pool and a caller's pool (a closure cannot name the scope's
        // lifetime, a macro can stand in both places).
        macro_rules! read_all {
            ($s:ident) => {
                for lo in (0..n).step_by(CHUNK_ROWS) {
                    let Ok(mut chunk) = rx.recv() else { break };
                    let hi = (lo + CHUNK_ROWS).min(n);
                    if let Err(e) = self.fill(py, &mut reader, lo, hi, &mut chunk) {
                        read_error = Some(e);
                        break;
                    }
                    if lock(&failed).is_some() {
                        break;
                    }
                    let lease = Lease {
                        chunk: Some(chunk),
                        back: tx.clone(),
                    };
                    let (groupers, failed) = (&groupers, &failed);
                    $s.spawn(move |_| {
                        let mut lease = lease;
                        let i = rayon::current_thread_index().unwrap_or(0) % groupers.len();
                        if let Some(chunk) = &mut lease.chunk {
                            let done = chunk
                                .prepare()
                                .and_then(|()| lock(&groupers[i]).add(&chunk.view()));
                            if let Err(e) = done {
                                lock(failed).get_or_insert(e);
                            }
                        }
                    });
                }
            };
        }
        match pool {
            Some(p) => p.in_place_scope(|s| read_all!(s)),
            None => rayon::in_place_scope(|s| read_all!(s)),
        }
        if let Some(e) = read_error {
            return Err(e);
        }
        if let Some(e) = lock(&failed).take() {
            return Err(core(e));
        }
        let mut all = groupers
            .into_iter()
            .map(|g| g.into_inner().unwrap_or_else(|p| p.into_inner()));
        let mut g = all.next().unwrap_or_else(|| ColumnGrouper::new(kpis, opts));
        for other in all {
            g.merge(other);
        }
        self.finish(g)
    }

    fn finish(&self, g: ColumnGrouper) -> PyResult<Grouped> {
        let names = |t: &Option<Texts<'_>>| t.as_ref().map_or(&[][..], |t| t.names()).to_vec();
        g.finish(&names(&self.pillar), &names(&self.campaign))
            .map_err(|e| PyErr::from(PyCoreError(e)))
    }
}

/// A chunk lent to a grouping task; it goes back to the pool when the task ends, even by a
/// panic, so the reading thread never waits for a buffer that will not come.
struct Lease {
    chunk: Option<Chunk>,
    back: Sender<Chunk>,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(c) = self.chunk.take() {
            // The receiver is gone only once reading has stopped: the buffer is not needed.
            let _ = self.back.send(c);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
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
