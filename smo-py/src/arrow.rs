//! Arrow in and out: inputs that implement the Arrow PyCapsule interface (`__arrow_c_array__`,
//! `__arrow_c_stream__`: pyarrow, Polars, DuckDB, nanoarrow, pandas with Arrow dtypes) are
//! imported without a copy by pyo3-arrow, handed to smo-core's `arrow` kernels with the GIL
//! released, and results come back as [`PyArrowTable`], which exports the same interface.
//! pyarrow stays optional: it is imported only by the `to_pyarrow`/`to_pandas` conveniences.

use std::sync::{Arc, Mutex, OnceLock};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use pyo3_arrow::PyTable;
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};

/// Whether `obj` exports Arrow data through the PyCapsule interface (and is not a pandas
/// object, which keeps its own path and results).
pub fn is_arrow(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let module: String = obj.get_type().module()?.extract()?;
    if module.starts_with("pandas") {
        return Ok(false);
    }
    Ok(obj.hasattr("__arrow_c_stream__")? || obj.hasattr("__arrow_c_array__")?)
}

/// A pandas DataFrame of posts as a `pyarrow.Table` of its post columns, when pyarrow is
/// installed and the conversion cannot change a result: `published` is datetime64 (with a zone,
/// or naive in UTC, so no local time is ambiguous), the metrics are numbers (not bool) and the
/// keys text or categorical. pyarrow converts str objects in C++, several times faster than
/// reading them one by one; any other frame keeps the buffer-protocol path (`None`).
pub fn frame_as_arrow<'py>(
    df: &Bound<'py, PyAny>,
    time_zone: &str,
    mapping: &std::collections::BTreeMap<String, String>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = df.py();
    let Ok(pa) = py.import("pyarrow") else {
        return Ok(None);
    };
    let headers: Vec<String> = df
        .getattr("columns")?
        .call_method0("tolist")?
        .try_iter()?
        .map(|h| h.and_then(|h| Ok(h.str()?.to_str()?.to_owned())))
        .collect::<PyResult<_>>()?;
    // A frame the core cannot match keeps the other path, which reports the error.
    let Ok(matched) = smo_core::data::match_columns_reading(
        "posts",
        &headers,
        mapping,
        &["published", "network"],
    ) else {
        return Ok(None);
    };
    let mut columns: Vec<&String> = Vec::new();
    for (field, column) in &matched {
        let col = df.get_item(column)?;
        let dtype = col.getattr("dtype")?;
        let name = dtype.str()?.to_str()?.to_owned();
        let kind: String = dtype
            .getattr("kind")
            .and_then(|k| k.extract())
            .unwrap_or_default();
        let ok = match field.as_str() {
            "published" => {
                name.starts_with("datetime64[")
                    && (time_zone == "UTC" || !col.getattr("dt")?.getattr("tz")?.is_none())
            }
            "network" | "content_type" | "pillar" | "campaign" => {
                name == "category"
                    || name == "object"
                    || name.starts_with("str")
                    || name == "string"
            }
            f if smo_core::kpi::formula::PostField::ALL
                .iter()
                .any(|p| p.as_str() == f) =>
            {
                matches!(kind.as_str(), "i" | "u" | "f")
            }
            _ => continue,
        };
        if !ok {
            return Ok(None);
        }
        if !columns.contains(&column) {
            columns.push(column);
        }
    }
    let sub = df.get_item(pyo3::types::PyList::new(py, columns)?)?;
    let kw = pyo3::types::PyDict::new(py);
    kw.set_item("preserve_index", false)?;
    // Mixed objects in a text column, say: the other path reads them, or says which row.
    Ok(pa
        .getattr("Table")?
        .call_method("from_pandas", (sub,), Some(&kw))
        .ok())
}

/// Thread pools by size.
type Pools = Vec<(usize, Arc<rayon::ThreadPool>)>;

/// The pool of `threads` threads (`None`: rayon's global pool, sized by `RAYON_NUM_THREADS` or
/// the number of cores and started at the first batch call, never at import). Pools are kept
/// per size, so a worker calling with `threads=1` again and again starts one thread once.
pub fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    let Some(n) = threads else {
        return Ok(None);
    };
    if n == 0 {
        return Err(PyTypeError::new_err(
            "threads must be at least 1 (or None for all cores)",
        ));
    }
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some((_, p)) = pools.iter().find(|(k, _)| *k == n) {
        return Ok(Some(p.clone()));
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| PyTypeError::new_err(format!("cannot start {n} threads: {e}")))?,
    );
    pools.push((n, p.clone()));
    Ok(Some(p))
}

/// Runs `f` in `pool` (or the global pool): call it with the interpreter released.
pub fn run<T: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> T + Send) -> T {
    match pool {
        Some(p) => p.install(f),
        None => f(),
    }
}

/// The chunks of an Arrow array or chunked array (a stream), read with the interpreter released.
pub fn chunks(py: Python<'_>, data: AnyArray) -> PyResult<Vec<arrow_array::ArrayRef>> {
    let reader = data.into_reader()?;
    py.detach(|| reader.collect::<Result<Vec<_>, _>>())
        .map_err(|e| PyTypeError::new_err(format!("cannot read the Arrow data: {e}")))
}

/// Errors unless two chunked columns have chunks of the same lengths.
pub fn same_chunks(
    a: &[arrow_array::ArrayRef],
    b: &[arrow_array::ArrayRef],
    message: &str,
) -> PyResult<()> {
    let lens = |c: &[arrow_array::ArrayRef]| c.iter().map(|x| x.len()).collect::<Vec<_>>();
    if lens(a) == lens(b) {
        Ok(())
    } else {
        Err(PyTypeError::new_err(format!(
            "{message}, in chunks of the same sizes ({:?} and {:?} rows)",
            lens(a),
            lens(b)
        )))
    }
}

/// Classifies an Arrow column (or a chunked one, chunk by chunk) of referrers.
pub fn classify_referrer_column<'py>(
    py: Python<'py>,
    referrers: &Bound<'py, PyAny>,
    pages: Option<&Bound<'py, PyAny>>,
    page_url: Option<String>,
    opts: &smo_core::traffic::referrer::ClassifyOptions,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let refs = chunks(py, referrers.extract()?)?;
    let pages = match pages {
        Some(p) => {
            let p = chunks(py, p.extract()?)?;
            same_chunks(&refs, &p, "pages must have one landing page per referrer")?;
            Some(p)
        }
        None => None,
    };
    let pool = pool(threads)?;
    let batches = py.detach(|| {
        run(pool.as_deref(), || {
            refs.iter()
                .enumerate()
                .map(|(i, r)| {
                    smo_core::arrow::classify_referrer_array(
                        r.as_ref(),
                        pages.as_ref().map(|p| p[i].as_ref()),
                        page_url.as_deref(),
                        opts,
                    )
                })
                .collect::<Result<Vec<_>, _>>()
        })
    });
    let batches = batches.map_err(crate::errors::PyCoreError)?;
    let table = PyArrowTable::new(smo_core::arrow::referrers_schema(), batches);
    Ok(Bound::new(py, table)?.into_any())
}

/// Record batches of a result: the table of an smo batch path.
#[pyclass(frozen, module = "smo._smo", name = "ArrowTable")]
pub struct PyArrowTable {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

impl PyArrowTable {
    pub fn new(schema: SchemaRef, batches: Vec<RecordBatch>) -> Self {
        PyArrowTable { schema, batches }
    }
}

#[pymethods]
impl PyArrowTable {
    /// A table from any Arrow object (the inverse of pickling).
    #[staticmethod]
    fn _from_arrow(py: Python<'_>, data: AnyRecordBatch) -> PyResult<Self> {
        let reader = data.into_reader()?;
        let schema = reader.schema();
        let batches = py
            .detach(|| reader.collect::<Result<Vec<_>, _>>())
            .map_err(|e| PyTypeError::new_err(format!("cannot read the Arrow data: {e}")))?;
        Ok(PyArrowTable { schema, batches })
    }

    /// Number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// `(name, Arrow type, nullable)` of each column.
    #[getter]
    fn schema(&self) -> Vec<(String, String, bool)> {
        self.schema
            .fields()
            .iter()
            .map(|f| (f.name().clone(), f.data_type().to_string(), f.is_nullable()))
            .collect()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __repr__(&self) -> String {
        let cols: Vec<String> = self
            .schema
            .fields()
            .iter()
            .map(|f| format!("{}: {}", f.name(), f.data_type()))
            .collect();
        format!(
            "ArrowTable(rows={}, columns=[{}])",
            self.num_rows(),
            cols.join(", ")
        )
    }

    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table(py)?.call_method0("__arrow_c_schema__")
    }

    /// The Arrow C stream of the batches (`pyarrow.table(t)`, `polars.DataFrame(t)`, DuckDB).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.table(py)?
            .call_method1("__arrow_c_stream__", (requested_schema,))
    }

    /// The table as a `pyarrow.Table` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("pyarrow")?.call_method1("table", (slf,))
    }

    /// The table as a pandas DataFrame, dictionaries as categoricals (needs pyarrow).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::to_pyarrow(slf)?.call_method0("to_pandas")
    }

    /// The table as a Polars DataFrame (needs polars).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("polars")?.call_method1("DataFrame", (slf,))
    }

    /// Pickled through pyarrow's own format (needs pyarrow where it is pickled and unpickled).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let table = Self::to_pyarrow(slf).map_err(|e| {
            PyTypeError::new_err(format!("pickling an ArrowTable needs pyarrow: {e}"))
        })?;
        let ctor = py.get_type::<PyArrowTable>().getattr("_from_arrow")?;
        PyTuple::new(py, [ctor, PyTuple::new(py, [table])?.into_any()])
    }
}

impl PyArrowTable {
    fn table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = PyTable::try_new(self.batches.clone(), self.schema.clone())?;
        Ok(Bound::new(py, t)?.into_any())
    }
}

/// Runs a text kernel of smo-core over each chunk of an Arrow text column, with the interpreter
/// released and on `threads` threads; the kernel gets the chunk and the index of its first row.
pub fn text_table<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    schema: SchemaRef,
    kernel: impl Fn(&dyn arrow_array::Array, u64) -> smo_core::Result<RecordBatch> + Send + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let texts = chunks(py, texts.extract()?)?;
    let pool = pool(threads)?;
    let batches = py.detach(|| {
        run(pool.as_deref(), || {
            let mut first = 0u64;
            texts
                .iter()
                .map(|c| {
                    let b = kernel(c.as_ref(), first);
                    first += c.len() as u64;
                    b
                })
                .collect::<Result<Vec<_>, _>>()
        })
    });
    let batches = batches.map_err(crate::errors::PyCoreError)?;
    Ok(Bound::new(py, PyArrowTable::new(schema, batches))?.into_any())
}
