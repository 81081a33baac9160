//! Python surface of measurement: loaders (`load_posts`...), `Dataset`, KPI formulas and
//! functions, grouping, objective tracking, traffic (referrers, channels, UTM, access logs) and
//! `report`. Conversion only: every formula, rule and message is smo-core's. Batch functions
//! release the GIL while the core works.

use std::collections::{BTreeMap, HashMap};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use smo_core::data::{
    self, AccountRow, CostRow, Dataset, LoadOptions, Loaded, PostRow, Table, WebRow,
};
use smo_core::kpi::formula::{self as fm, Aggregation, Formula, ResponseTime, SentimentMode};
use smo_core::kpi::group::{
    GroupBy, GroupOptions, Grouped, Period, group_posts as core_group_posts,
};
use smo_core::kpi::objective::{self, TrackOptions};
use smo_core::report::ReportOptions;
use smo_core::traffic::batch::{LogOptions, breakdown_log, breakdown_referrers};
use smo_core::traffic::referrer::{ClassifyOptions, classify_with};
use smo_core::traffic::utm::{self, Existing, LintOptions, Utm, UtmOptions};
use smo_core::traffic::{Channel, Medium};
use smo_core::{Error, Finding, Location, Network, Severity};

use crate::convert::{date, json_to_py, to_py};
use crate::errors::PyCoreError;
use crate::post_columns::PostSources;

/// A word-at-a-time multiplicative hasher (FxHash's scheme) for the batch path's dedupe of
/// referrer strings: keys are our own input, so flooding resistance buys nothing here.
#[derive(Default)]
pub(crate) struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(tail) ^ (bytes.len() as u64)).wrapping_mul(K);
        self.0 = h;
    }
}
use crate::errors::PyResult2;
use crate::strategy::{PyFinding, PyStrategy, findings, rule_config};

fn arg(name: &str, message: impl Into<String>) -> Error {
    Error::Argument {
        name: name.into(),
        message: message.into(),
    }
}

// --- Python values to JSON records --------------------------------------------------------------

/// Converts a Python value of a record (None, bool, int, float, str, date/datetime/Timestamp,
/// dict, list) to JSON. NaN and NaT are missing values.
fn py_to_json(v: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if v.is_instance_of::<PyFloat>() {
        let f: f64 = v.extract()?;
        return Ok(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    if v.is_instance_of::<PyInt>() {
        if let Ok(i) = v.extract::<i64>() {
            return Ok(Value::from(i));
        }
        let f: f64 = v.extract()?;
        return Ok(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        let mut m = serde_json::Map::new();
        for (k, item) in d.iter() {
            m.insert(k.str()?.to_str()?.to_owned(), py_to_json(&item)?);
        }
        return Ok(Value::Object(m));
    }
    if let Ok(l) = v.cast::<PyList>() {
        return l
            .iter()
            .map(|x| py_to_json(&x))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Ok(t) = v.cast::<PyTuple>() {
        return t
            .iter()
            .map(|x| py_to_json(&x))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if v.hasattr("isoformat")? {
        let s: String = v.call_method0("isoformat")?.extract()?;
        return Ok(if s == "NaT" {
            Value::Null
        } else {
            Value::String(s)
        });
    }
    // numpy scalars: integers through __index__, floats through __float__.
    if let Ok(i) = v.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(f) = v.extract::<f64>() {
        return Ok(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    Ok(Value::String(v.str()?.to_str()?.to_owned()))
}

/// Records from a list of dicts or a pandas DataFrame.
fn records(obj: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    if obj.hasattr("to_dict")? && obj.hasattr("columns")? {
        let recs = obj.call_method1("to_dict", ("records",))?;
        return py_to_json(&recs);
    }
    if obj.cast::<PyList>().is_ok() || obj.hasattr("__iter__")? {
        let list = PyList::empty(obj.py());
        for item in obj.try_iter()? {
            list.append(item?)?;
        }
        return py_to_json(list.as_any());
    }
    Err(PyTypeError::new_err(
        "expected CSV or JSON text, a list of dicts or a pandas DataFrame",
    ))
}

fn load_options(
    mapping: Option<BTreeMap<String, String>>,
    time_zone: &str,
    decimal_comma: bool,
    delimiter: Option<&str>,
    datetime_format: Option<String>,
    strict: bool,
) -> PyResult2<LoadOptions> {
    let delimiter = match delimiter {
        None => None,
        Some(d) if d.len() == 1 => Some(d.as_bytes()[0]),
        Some(d) => {
            return Err(arg("delimiter", format!("`{d}` is not one ASCII character")).into());
        }
    };
    Ok(LoadOptions {
        mapping: mapping.unwrap_or_default(),
        time_zone: data::time_zone(time_zone)?,
        decimal_comma,
        delimiter,
        datetime_format,
        strict,
    })
}

// --- Loading --------------------------------------------------------------------------------------

/// The rows of one table, whichever it is.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Rows {
    Posts(Vec<PostRow>),
    Accounts(Vec<AccountRow>),
    Web(Vec<WebRow>),
    Costs(Vec<CostRow>),
    Mentions(Vec<smo_core::listening::Mention>),
    Partners(Vec<smo_core::partners::Partner>),
}

/// A row a loader could not read: where and why.
#[pyclass(frozen, get_all, module = "smo._smo", name = "RejectedRow")]
#[derive(Clone)]
pub struct PyRejected {
    /// 1-based line (CSV physical line; JSON: where the record starts; records: index).
    pub line: u64,
    /// 1-based record number.
    pub record: u64,
    /// Schema field at fault, if one is.
    pub field: Option<String>,
    /// Why.
    pub reason: String,
}

#[pymethods]
impl PyRejected {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("line", self.line)?;
        d.set_item("record", self.record)?;
        d.set_item("field", &self.field)?;
        d.set_item("reason", &self.reason)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "RejectedRow(line={}, field={:?}, reason={:?})",
            self.line, self.field, self.reason
        )
    }
}

impl From<data::Rejected> for PyRejected {
    fn from(r: data::Rejected) -> Self {
        PyRejected {
            line: r.line,
            record: r.record,
            field: r.field,
            reason: r.reason,
        }
    }
}

impl From<&PyRejected> for data::Rejected {
    fn from(r: &PyRejected) -> Self {
        data::Rejected {
            line: r.line,
            record: r.record,
            field: r.field.clone(),
            reason: r.reason.clone(),
        }
    }
}

impl crate::pickle::Pickle for PyRejected {
    const KIND: &'static str = "RejectedRow";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&data::Rejected::from(self))
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        Ok(crate::pickle::from_json::<data::Rejected>(Self::KIND, state)?.into())
    }
}

/// The result of a load: rows read, rows rejected with their line and reason, columns ignored.
#[pyclass(frozen, module = "smo._smo", name = "LoadResult")]
pub struct PyLoadResult {
    table: &'static str,
    rows: Rows,
    rejected: Vec<PyRejected>,
    ignored_columns: Vec<String>,
    columns: BTreeMap<String, String>,
}

/// What a load result pickles as (its rows in their smo-core form).
#[derive(serde::Serialize)]
struct LoadStateRef<'a> {
    rows: &'a Rows,
    rejected: Vec<data::Rejected>,
    ignored_columns: &'a [String],
    columns: &'a BTreeMap<String, String>,
}

/// A load result read back from its pickle.
#[derive(serde::Deserialize)]
struct LoadState {
    rows: Rows,
    rejected: Vec<data::Rejected>,
    ignored_columns: Vec<String>,
    columns: BTreeMap<String, String>,
}

impl crate::pickle::Pickle for PyLoadResult {
    const KIND: &'static str = "LoadResult";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&LoadStateRef {
            rows: &self.rows,
            rejected: self.rejected.iter().map(data::Rejected::from).collect(),
            ignored_columns: &self.ignored_columns,
            columns: &self.columns,
        })
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let s: LoadState = crate::pickle::from_json(Self::KIND, state)?;
        Ok(PyLoadResult {
            table: s.rows.table(),
            rows: s.rows,
            rejected: s.rejected.into_iter().map(PyRejected::from).collect(),
            ignored_columns: s.ignored_columns,
            columns: s.columns,
        })
    }
}

impl Rows {
    /// The table's name.
    fn table(&self) -> &'static str {
        match self {
            Rows::Posts(_) => PostRow::NAME,
            Rows::Accounts(_) => AccountRow::NAME,
            Rows::Web(_) => WebRow::NAME,
            Rows::Costs(_) => CostRow::NAME,
            Rows::Mentions(_) => <smo_core::listening::Mention as Table>::NAME,
            Rows::Partners(_) => <smo_core::partners::Partner as Table>::NAME,
        }
    }
}

fn wrap<T: Table>(l: Loaded<T>, rows: fn(Vec<T>) -> Rows) -> PyLoadResult {
    PyLoadResult {
        table: l.table,
        rejected: l.rejected.into_iter().map(PyRejected::from).collect(),
        ignored_columns: l.ignored_columns,
        columns: l.columns,
        rows: rows(l.rows),
    }
}

impl PyLoadResult {
    /// The agreements of a partners load, `None` for another table.
    pub(crate) fn partner_rows(&self) -> Option<&[smo_core::partners::Partner]> {
        match &self.rows {
            Rows::Partners(r) => Some(r),
            _ => None,
        }
    }

    /// A load result of already-read rows (the example ledger).
    pub(crate) fn of_partners(rows: Vec<smo_core::partners::Partner>) -> PyLoadResult {
        PyLoadResult {
            table: "partners",
            rows: Rows::Partners(rows),
            rejected: Vec::new(),
            ignored_columns: Vec::new(),
            columns: BTreeMap::new(),
        }
    }

    /// The mentions of a mention load, `None` for another table.
    pub(crate) fn mention_rows(&self) -> Option<&[smo_core::listening::Mention]> {
        match &self.rows {
            Rows::Mentions(r) => Some(r),
            _ => None,
        }
    }

    fn json_rows(&self) -> serde_json::Value {
        match &self.rows {
            Rows::Posts(r) => serde_json::to_value(r),
            Rows::Accounts(r) => serde_json::to_value(r),
            Rows::Web(r) => serde_json::to_value(r),
            Rows::Costs(r) => serde_json::to_value(r),
            Rows::Mentions(r) => Ok(serde_json::Value::Array(
                r.iter().map(|m| m.to_record()).collect(),
            )),
            Rows::Partners(r) => Ok(serde_json::Value::Array(
                r.iter().map(|p| p.to_record()).collect(),
            )),
        }
        .unwrap_or(serde_json::Value::Null)
    }

    fn len(&self) -> usize {
        match &self.rows {
            Rows::Posts(r) => r.len(),
            Rows::Accounts(r) => r.len(),
            Rows::Web(r) => r.len(),
            Rows::Costs(r) => r.len(),
            Rows::Mentions(r) => r.len(),
            Rows::Partners(r) => r.len(),
        }
    }
}

#[pymethods]
impl PyLoadResult {
    /// `posts`, `accounts`, `web`, `costs`, `mentions` or `partners`.
    #[getter]
    fn table(&self) -> &'static str {
        self.table
    }

    /// Rows that could not be read.
    #[getter]
    fn rejected(&self) -> Vec<PyRejected> {
        self.rejected.clone()
    }

    /// Input columns matched to no field.
    #[getter]
    fn ignored_columns(&self) -> Vec<String> {
        self.ignored_columns.clone()
    }

    /// Schema field → input column, as resolved.
    #[getter]
    fn columns(&self) -> BTreeMap<String, String> {
        self.columns.clone()
    }

    /// The mentions read, as `smo.Mention` objects (mention loads only; empty otherwise).
    #[getter]
    fn mentions(&self) -> Vec<crate::query::PyMention> {
        match &self.rows {
            Rows::Mentions(r) => r.iter().cloned().map(crate::query::PyMention).collect(),
            _ => Vec::new(),
        }
    }

    /// Rows read + rows rejected.
    #[getter]
    fn total(&self) -> usize {
        self.len() + self.rejected.len()
    }

    /// Rows read, as dicts (a record list pandas takes).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.json_rows())
    }

    /// Rows read, as column name → list of values (`pandas.DataFrame(result.to_columns())`).
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let fields = data::schema(self.table).unwrap_or(&[]);
        let rows = self.json_rows();
        let d = PyDict::new(py);
        for f in fields {
            let col = PyList::empty(py);
            for r in rows.as_array().into_iter().flatten() {
                col.append(json_to_py(py, &r[f.name])?)?;
            }
            d.set_item(f.name, col)?;
        }
        Ok(d)
    }

    fn __len__(&self) -> usize {
        self.len()
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "LoadResult(table={:?}, rows={}, rejected={})",
            self.table,
            self.len(),
            self.rejected.len()
        )
    }
}

fn load<T: Table + Send>(
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    opts: &LoadOptions,
    rows: fn(Vec<T>) -> Rows,
) -> PyResult<PyLoadResult> {
    let py = source.py();
    if let Ok(text) = source.extract::<String>() {
        let t = text.trim_start();
        let kind = match format {
            Some(f @ ("json" | "csv" | "jsonl")) => f,
            Some(other) => {
                return Err(PyErr::from(crate::errors::PyCoreError(arg(
                    "format",
                    format!("`{other}`: use csv, json or jsonl (JSON lines)"),
                ))));
            }
            // One object a line is JSON lines; an array (or one object) is JSON.
            None if t.starts_with('{') && t.trim_end().contains("}\n") => "jsonl",
            None if t.starts_with(['[', '{']) => "json",
            None => "csv",
        };
        let result = py.detach(|| match kind {
            "json" => data::load_json::<T>(&text, opts),
            "jsonl" => data::load_json_lines::<T>(&text, opts),
            _ => data::load_csv::<T>(&text, opts),
        });
        return Ok(wrap(result.map_err(crate::errors::PyCoreError)?, rows));
    }
    let value = records(source)?;
    let result = py.detach(|| data::load_records::<T>(&value, opts));
    Ok(wrap(result.map_err(crate::errors::PyCoreError)?, rows))
}

/// A ledger from a partners `LoadResult`, or from CSV/JSON text or records, read strictly (a bad
/// row is a `smo.RowError` naming its line).
pub(crate) fn partners_of(source: &Bound<'_, PyAny>) -> PyResult<Vec<smo_core::partners::Partner>> {
    if let Ok(r) = source.cast::<PyLoadResult>() {
        let r = r.get();
        return r.partner_rows().map(<[_]>::to_vec).ok_or_else(|| {
            PyErr::from(crate::errors::PyCoreError(arg(
                "partners",
                format!("expected a partners LoadResult, got {}", r.table),
            )))
        });
    }
    let opts = LoadOptions {
        strict: true,
        ..Default::default()
    };
    let r = load::<smo_core::partners::Partner>(source, None, &opts, Rows::Partners)?;
    Ok(r.partner_rows().map(<[_]>::to_vec).unwrap_or_default())
}

macro_rules! loader {
    ($fn:ident, $t:ty, $variant:ident, $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        #[pyo3(signature = (source, *, format=None, mapping=None, time_zone="UTC", decimal_comma=false, delimiter=None, datetime_format=None, strict=false))]
        #[allow(clippy::too_many_arguments)]
        pub fn $fn(
            source: &Bound<'_, PyAny>,
            format: Option<&str>,
            mapping: Option<BTreeMap<String, String>>,
            time_zone: &str,
            decimal_comma: bool,
            delimiter: Option<&str>,
            datetime_format: Option<String>,
            strict: bool,
        ) -> PyResult<PyLoadResult> {
            let opts = load_options(mapping, time_zone, decimal_comma, delimiter, datetime_format, strict)?;
            load::<$t>(source, format, &opts, Rows::$variant)
        }
    };
}

loader!(
    load_posts,
    PostRow,
    Posts,
    "Loads post metrics from CSV/JSON text, a list of dicts or a DataFrame."
);
loader!(
    load_accounts,
    AccountRow,
    Accounts,
    "Loads account metrics per day."
);
loader!(load_web, WebRow, Web, "Loads web-analytics rows.");
loader!(load_costs, CostRow, Costs, "Loads cost lines.");
loader!(
    load_partners,
    smo_core::partners::Partner,
    Partners,
    "Loads a link-exchange ledger (partner, site, their_page, target, our_page, agreed, anchor, terms, source, notes) from CSV or JSON text, a list of dicts or a DataFrame."
);
loader!(
    load_mentions,
    smo_core::listening::Mention,
    Mentions,
    "Loads listening mentions from CSV, JSON or JSON-lines text, a list of dicts or a DataFrame."
);

/// The data a report measures: posts, account days, web analytics, costs.
#[pyclass(frozen, module = "smo._smo", name = "Dataset")]
pub struct PyDataset(pub Dataset);

fn rows_of<'a>(r: Option<&'a Bound<'a, PyLoadResult>>, table: &str) -> PyResult2<Option<Rows>> {
    match r {
        None => Ok(None),
        Some(r) => {
            let r = r.get();
            if r.table != table {
                return Err(arg(
                    table,
                    format!("expected a {table} LoadResult, got {}", r.table),
                )
                .into());
            }
            Ok(Some(r.rows.clone()))
        }
    }
}

#[pymethods]
impl PyDataset {
    /// A dataset from load results (each optional).
    #[new]
    #[pyo3(signature = (posts=None, accounts=None, web=None, costs=None))]
    fn new(
        posts: Option<Bound<'_, PyLoadResult>>,
        accounts: Option<Bound<'_, PyLoadResult>>,
        web: Option<Bound<'_, PyLoadResult>>,
        costs: Option<Bound<'_, PyLoadResult>>,
    ) -> PyResult2<Self> {
        let mut d = Dataset::default();
        if let Some(Rows::Posts(r)) = rows_of(posts.as_ref(), "posts")? {
            d.posts = r;
        }
        if let Some(Rows::Accounts(r)) = rows_of(accounts.as_ref(), "accounts")? {
            d.accounts = r;
        }
        if let Some(Rows::Web(r)) = rows_of(web.as_ref(), "web")? {
            d.web = r;
        }
        if let Some(Rows::Costs(r)) = rows_of(costs.as_ref(), "costs")? {
            d.costs = r;
        }
        Ok(Self(d))
    }

    /// The example brand's generated metrics (Maison Lune, Q3 2026).
    #[staticmethod]
    fn example() -> PyResult2<Self> {
        Ok(Self(Dataset::example()?))
    }

    /// Number of posts.
    #[getter]
    fn posts(&self) -> usize {
        self.0.posts.len()
    }

    /// Number of account days.
    #[getter]
    fn accounts(&self) -> usize {
        self.0.accounts.len()
    }

    /// Number of web rows.
    #[getter]
    fn web(&self) -> usize {
        self.0.web.len()
    }

    /// Number of cost lines.
    #[getter]
    fn costs(&self) -> usize {
        self.0.costs.len()
    }

    /// Every table as lists of dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Dataset(posts={}, accounts={}, web={}, costs={})",
            self.0.posts.len(),
            self.0.accounts.len(),
            self.0.web.len(),
            self.0.costs.len()
        )
    }
}

crate::pickle::json_pickle!(PyDataset => "Dataset", PyGrouped => "GroupResult");

/// A dataset from a `Dataset`, a posts `LoadResult`, or post records (list of dicts, DataFrame;
/// loaded strictly, so a bad row is an error with its line, never dropped).
pub(crate) fn dataset(obj: &Bound<'_, PyAny>) -> PyResult<Dataset> {
    if let Ok(d) = obj.cast::<PyDataset>() {
        return Ok(d.get().0.clone());
    }
    if let Ok(r) = obj.cast::<PyLoadResult>() {
        let mut d = Dataset::default();
        match &r.get().rows {
            Rows::Posts(x) => d.posts = x.clone(),
            Rows::Accounts(x) => d.accounts = x.clone(),
            Rows::Web(x) => d.web = x.clone(),
            Rows::Costs(x) => d.costs = x.clone(),
            Rows::Mentions(_) => {
                return Err(PyErr::from(crate::errors::PyCoreError(arg(
                    "data",
                    "these are mentions, not measurement data: pass them to the listening functions",
                ))));
            }
            Rows::Partners(_) => {
                return Err(PyErr::from(crate::errors::PyCoreError(arg(
                    "data",
                    "this is a partners ledger, not measurement data: pass it to smo.check_partners",
                ))));
            }
        }
        return Ok(d);
    }
    let value = records(obj)?;
    let opts = LoadOptions {
        strict: true,
        ..Default::default()
    };
    let l = data::load_records::<PostRow>(&value, &opts).map_err(crate::errors::PyCoreError)?;
    Ok(Dataset {
        posts: l.rows,
        ..Default::default()
    })
}

// --- KPIs ----------------------------------------------------------------------------------------

/// The value of a KPI formula over some data.
#[pyclass(frozen, get_all, module = "smo._smo", name = "KpiValue")]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct PyKpiValue {
    /// Canonical spec of the formula.
    pub kpi: String,
    /// Value, `None` when undefined.
    pub value: Option<f64>,
    /// Unit: `count`, `percent`, `currency`, `seconds`, `ratio`.
    pub unit: String,
    /// Rows that counted.
    pub used: u64,
    /// Rows left out (missing values, zero denominators).
    pub excluded: u64,
}

#[pymethods]
impl PyKpiValue {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kpi", &self.kpi)?;
        d.set_item("value", self.value)?;
        d.set_item("unit", &self.unit)?;
        d.set_item("used", self.used)?;
        d.set_item("excluded", self.excluded)?;
        Ok(d)
    }

    fn __float__(&self) -> f64 {
        self.value.unwrap_or(f64::NAN)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!("KpiValue(kpi={:?}, value={:?})", self.kpi, self.value)
    }
}

crate::pickle::fields_pickle!(PyKpiValue => "KpiValue", PyReferrer => "Referrer");

fn unit_str(u: smo_core::kpi::Unit) -> String {
    serde_json::to_value(u)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Evaluates a KPI formula spec (`engagement_rate?basis=impressions`) over data.
#[pyfunction]
pub fn kpi(py: Python<'_>, spec: &str, data: &Bound<'_, PyAny>) -> PyResult<PyKpiValue> {
    let f = Formula::parse(spec).map_err(crate::errors::PyCoreError)?;
    let d = dataset(data)?;
    let v = py.detach(|| f.evaluate(&d));
    Ok(PyKpiValue {
        kpi: v.kpi,
        value: v.value,
        unit: unit_str(v.unit),
        used: v.used,
        excluded: v.excluded,
    })
}

/// The canonical form of a KPI spec, every default spelled out.
#[pyfunction]
pub fn kpi_canonical(spec: &str) -> PyResult2<String> {
    Ok(Formula::parse(spec)?.canonical())
}

/// The formula catalogue, as dicts (id, version, formula, unit, table, params, source).
#[pyfunction]
pub fn kpi_formulas<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &fm::FORMULAS)
}

macro_rules! scalar {
    ($name:ident, $core:path, ($($a:ident),*), $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        pub fn $name($($a: f64),*) -> Option<f64> {
            $core($($a),*)
        }
    };
}

scalar!(
    engagement_rate,
    fm::engagement_rate,
    (engagements, denominator),
    "Engagement rate in %: engagements / denominator × 100; None when the denominator is 0."
);
scalar!(
    daily_engagement_rate,
    fm::daily_engagement_rate,
    (engagements, days, followers),
    "Σ engagements / (days × followers) × 100."
);
scalar!(
    per_post,
    fm::per_post,
    (actions, posts),
    "Kaushik's per-post rate: actions / posts."
);
scalar!(
    per_follower,
    fm::per_follower,
    (actions, followers),
    "Per-follower rate in %: actions / followers × 100."
);
scalar!(
    virality_rate,
    fm::virality_rate,
    (shares, impressions),
    "Shares / impressions × 100."
);
scalar!(
    follower_growth_rate,
    fm::follower_growth_rate,
    (start, end),
    "(end − start) / start × 100."
);
scalar!(
    click_through_rate,
    fm::click_through_rate,
    (clicks, impressions),
    "Clicks / impressions × 100."
);
scalar!(
    cpm,
    fm::cpm,
    (cost, impressions),
    "Cost / impressions × 1000."
);
scalar!(cpc, fm::cpc, (cost, clicks), "Cost / clicks.");
scalar!(
    cost_per,
    fm::cost_per,
    (cost, units),
    "Cost per unit (engagement, conversion)."
);
scalar!(
    conversion_rate,
    fm::conversion_rate,
    (conversions, sessions),
    "Conversions / sessions × 100."
);
scalar!(
    bounce_rate,
    fm::bounce_rate,
    (bounces, sessions),
    "Bounced sessions / sessions × 100."
);
scalar!(roi, fm::roi, (value, cost), "(value − cost) / cost × 100.");
scalar!(roas, fm::roas, (revenue, ad_spend), "Revenue / ad spend.");
scalar!(
    response_rate,
    fm::response_rate,
    (answered, received),
    "Answered / received × 100."
);
scalar!(
    progress,
    objective::progress,
    (baseline, target, current),
    "Progress from baseline to target (0..1, not clamped)."
);

/// Net sentiment in %: `polar` (P−N)/(P+N) or `all` (P−N)/(P+N+neutral).
#[pyfunction]
#[pyo3(signature = (positive, negative, neutral=0.0, mode="polar"))]
pub fn net_sentiment(
    positive: f64,
    negative: f64,
    neutral: f64,
    mode: &str,
) -> PyResult2<Option<f64>> {
    let mode = match mode {
        "polar" => SentimentMode::Polar,
        "all" => SentimentMode::All,
        other => return Err(arg("mode", format!("`{other}`: use polar or all")).into()),
    };
    Ok(fm::net_sentiment(positive, negative, neutral, mode))
}

/// Summarised response times: `median`, `mean` or `fastest_share` (mean of the fastest `share`).
#[pyfunction]
#[pyo3(signature = (times, method="median", share=0.9))]
pub fn response_time(times: Vec<f64>, method: &str, share: f64) -> PyResult2<Option<f64>> {
    let m = match method {
        "median" => ResponseTime::Median,
        "mean" => ResponseTime::Mean,
        "fastest_share" => ResponseTime::FastestShare(share),
        other => {
            return Err(arg(
                "method",
                format!("`{other}`: use median, mean or fastest_share"),
            )
            .into());
        }
    };
    Ok(fm::response_time(&times, m))
}

/// Engagement rate of posts given as (engagements, denominator) pairs: `mean` of post rates or
/// `ratio` of sums.
#[pyfunction]
#[pyo3(signature = (posts, aggregation="mean"))]
pub fn engagement_rate_of(posts: Vec<(f64, f64)>, aggregation: &str) -> PyResult2<Option<f64>> {
    let a = match aggregation {
        "mean" => Aggregation::Mean,
        "ratio" => Aggregation::Ratio,
        other => return Err(arg("aggregation", format!("`{other}`: use mean or ratio")).into()),
    };
    Ok(fm::engagement_rate_of(&posts, a))
}

/// Share of the time from `start` to `deadline` elapsed at `now` (dates or ISO strings).
#[pyfunction]
pub fn expected(
    start: &Bound<'_, PyAny>,
    deadline: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
) -> PyResult2<Option<f64>> {
    Ok(objective::expected(
        date(start)?,
        date(deadline)?,
        date(now)?,
    ))
}

// --- Grouping ------------------------------------------------------------------------------------

/// KPIs per group: rows with keys, period, values and changes.
#[pyclass(frozen, module = "smo._smo", name = "GroupResult")]
pub struct PyGrouped(Grouped);

#[pymethods]
impl PyGrouped {
    /// Canonical specs of the KPIs, in column order.
    #[getter]
    fn kpis(&self) -> Vec<String> {
        self.0.kpis.clone()
    }

    /// One dict per group: the keys, `period`, `posts`, each KPI and its `<kpi>_change_pct`.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let cols = self.0.to_columns();
        let n = self.0.rows.len();
        let list = PyList::empty(py);
        for i in 0..n {
            let d = PyDict::new(py);
            for (k, v) in &cols {
                d.set_item(k, json_to_py(py, &v[i])?)?;
            }
            list.append(d)?;
        }
        Ok(list)
    }

    /// Column name → list of values (`pandas.DataFrame(result.to_columns())`).
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.to_columns())
    }

    /// The rows as an Arrow table (`smo.ArrowTable`): the keys, `period`, `period_start`,
    /// `posts`, each KPI and its `<kpi>_change_pct`, typed (see the schema in the docs).
    fn to_arrow(&self) -> PyResult<crate::arrow::PyArrowTable> {
        let batch = smo_core::arrow::grouped_batch(&self.0).map_err(PyCoreError)?;
        Ok(crate::arrow::PyArrowTable::new(batch.schema(), vec![batch]))
    }

    /// The Arrow C stream of [`Self::to_arrow`]: `polars.DataFrame(result)`, `pyarrow.table(result)`.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, pyo3::types::PyCapsule>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Bound::new(py, self.to_arrow()?)?.call_method1("__arrow_c_stream__", (requested_schema,))
    }

    fn __len__(&self) -> usize {
        self.0.rows.len()
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "GroupResult(kpis={:?}, rows={})",
            self.0.kpis,
            self.0.rows.len()
        )
    }
}

fn group_options(
    by: Vec<String>,
    period: Option<&str>,
    time_zone: &str,
) -> PyResult2<GroupOptions> {
    Ok(GroupOptions {
        by: by
            .iter()
            .map(|b| b.parse::<GroupBy>())
            .collect::<Result<_, _>>()?,
        period: period.map(str::parse::<Period>).transpose()?,
        time_zone: data::time_zone(time_zone)?,
    })
}

fn formulas(kpis: &[String]) -> PyResult2<Vec<Formula>> {
    Ok(kpis
        .iter()
        .map(|k| Formula::parse(k))
        .collect::<Result<_, _>>()?)
}

/// Groups post data and computes KPIs per group. `data` is a `Dataset`, a posts `LoadResult`,
/// a list of dicts or a pandas DataFrame (read column by column, without building records).
#[pyfunction]
#[pyo3(signature = (data, kpis, *, by=vec![], period=None, time_zone="UTC", mapping=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn group_posts(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    kpis: Vec<String>,
    by: Vec<String>,
    period: Option<&str>,
    time_zone: &str,
    mapping: Option<BTreeMap<String, String>>,
    threads: Option<usize>,
) -> PyResult<PyGrouped> {
    let f = formulas(&kpis)?;
    let opts = group_options(by, period, time_zone)?;
    if crate::arrow::is_arrow(data)? {
        let reader = data
            .extract::<pyo3_arrow::input::AnyRecordBatch>()?
            .into_reader()?;
        let mapping = mapping.unwrap_or_default();
        let pool = crate::arrow::pool(threads)?;
        let g = py.detach(|| {
            crate::arrow::run(pool.as_deref(), || {
                smo_core::arrow::group_post_batches(reader, &f, &opts, &mapping)
            })
        });
        return Ok(PyGrouped(g.map_err(PyCoreError)?));
    }
    let pool = crate::arrow::pool(threads)?;
    group_posts_rows(py, data, &f, &opts, mapping, pool.as_deref())
}

/// The pandas, records and dataset paths of [`group_posts`].
fn group_posts_rows(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    f: &[Formula],
    opts: &GroupOptions,
    mapping: Option<BTreeMap<String, String>>,
    pool: Option<&rayon::ThreadPool>,
) -> PyResult<PyGrouped> {
    if data.hasattr("columns")? && data.hasattr("dtypes")? {
        let mapping = mapping.unwrap_or_default();
        if let Some(table) = crate::arrow::frame_as_arrow(data, opts.time_zone.name(), &mapping)? {
            let reader = table
                .extract::<pyo3_arrow::input::AnyRecordBatch>()?
                .into_reader()?;
            let g = py.detach(|| {
                crate::arrow::run(pool, || {
                    smo_core::arrow::group_post_batches(reader, f, opts, &mapping)
                })
            });
            return Ok(PyGrouped(g.map_err(PyCoreError)?));
        }
        let src = PostSources::from_frame(data, opts.time_zone.name(), &mapping)?;
        return Ok(PyGrouped(src.group(py, f, opts, pool)?));
    }
    let d = dataset(data)?;
    Ok(PyGrouped(py.detach(|| {
        crate::arrow::run(pool, || core_group_posts(&d.posts, f, opts))
    })))
}

/// Groups post columns and computes KPIs per group: `published` as int64 in `published_unit`
/// (a buffer such as a numpy array, or a sequence), `network` and the other keys as sequences of
/// str (None, NaN or pandas.NA for missing) or `(codes, names)` pairs (negative codes for
/// missing), metrics as float64 or int64 buffers or sequences (NaN or None for missing). Read a
/// chunk at a time, as `smo.group_posts` reads a DataFrame.
#[pyfunction]
#[pyo3(signature = (columns, kpis, *, by=vec![], period=None, time_zone="UTC", published_unit="s"))]
pub fn group_post_columns(
    py: Python<'_>,
    columns: &Bound<'_, PyDict>,
    kpis: Vec<String>,
    by: Vec<String>,
    period: Option<&str>,
    time_zone: &str,
    published_unit: &str,
) -> PyResult<PyGrouped> {
    let f = formulas(&kpis)?;
    let opts = group_options(by, period, time_zone)?;
    let src = PostSources::from_dict(columns, published_unit)?;
    Ok(PyGrouped(src.group(py, &f, &opts, None)?))
}

/// The groups of a metrics CSV file read a block at a time, and every row not read.
#[pyclass(frozen, module = "smo._smo", name = "CsvGroupResult")]
pub struct PyCsvGrouped {
    groups: Py<PyGrouped>,
    rows: u64,
    rejected: Vec<PyRejected>,
}

#[pymethods]
impl PyCsvGrouped {
    /// KPIs per group.
    #[getter]
    fn groups(&self, py: Python<'_>) -> Py<PyGrouped> {
        self.groups.clone_ref(py)
    }

    /// Rows read and grouped.
    #[getter]
    fn rows(&self) -> u64 {
        self.rows
    }

    /// Rows not read, with their line and why.
    #[getter]
    fn rejected(&self) -> Vec<PyRejected> {
        self.rejected.clone()
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "CsvGroupResult(groups={}, rows={}, rejected={})",
            self.groups.borrow(py).0.rows.len(),
            self.rows,
            self.rejected.len()
        )
    }
}

/// What a CSV grouping pickles as.
#[derive(serde::Serialize, serde::Deserialize)]
struct CsvGroupedState<G> {
    groups: G,
    rows: u64,
    rejected: Vec<data::Rejected>,
}

impl crate::pickle::Pickle for PyCsvGrouped {
    const KIND: &'static str = "CsvGroupResult";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&CsvGroupedState {
            groups: &self.groups.get().0,
            rows: self.rows,
            rejected: self.rejected.iter().map(data::Rejected::from).collect(),
        })
    }
    fn from_state(py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let s: CsvGroupedState<Grouped> = crate::pickle::from_json(Self::KIND, state)?;
        Ok(PyCsvGrouped {
            groups: Py::new(py, PyGrouped(s.groups))?,
            rows: s.rows,
            rejected: s.rejected.into_iter().map(PyRejected::from).collect(),
        })
    }
}

/// Groups the posts of a metrics CSV file of any size, read a block at a time (memory bounded
/// by the block, not the file): the groups of `load_posts` then `group_posts` on the whole file,
/// and its rejected rows with their lines.
#[pyfunction]
#[pyo3(signature = (source, kpis, *, by=vec![], period=None, time_zone="UTC", mapping=None, decimal_comma=false, delimiter=None, datetime_format=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn group_posts_csv(
    py: Python<'_>,
    source: std::path::PathBuf,
    kpis: Vec<String>,
    by: Vec<String>,
    period: Option<&str>,
    time_zone: &str,
    mapping: Option<BTreeMap<String, String>>,
    decimal_comma: bool,
    delimiter: Option<&str>,
    datetime_format: Option<String>,
    threads: Option<usize>,
) -> PyResult<PyCsvGrouped> {
    let f = formulas(&kpis)?;
    let opts = group_options(by, period, time_zone)?;
    let load = load_options(
        mapping,
        time_zone,
        decimal_comma,
        delimiter,
        datetime_format,
        false,
    )?;
    let file = std::fs::File::open(&source).map_err(|e| {
        PyCoreError(arg(
            "source",
            format!("cannot open `{}`: {e}", source.display()),
        ))
    })?;
    let pool = crate::arrow::pool(threads)?;
    let s = py.detach(|| {
        crate::arrow::run(pool.as_deref(), || {
            smo_core::kpi::group::group_posts_csv_reader(
                std::io::BufReader::with_capacity(1 << 20, file),
                &load,
                &f,
                &opts,
            )
        })
    });
    let s = s.map_err(PyCoreError)?;
    Ok(PyCsvGrouped {
        groups: Py::new(py, PyGrouped(s.grouped))?,
        rows: s.rows,
        rejected: s.rejected.into_iter().map(PyRejected::from).collect(),
    })
}

// --- Objectives ----------------------------------------------------------------------------------

/// Tracks every objective of a strategy over data: current value, progress, forecast, status.
/// Returns one dict per objective.
#[pyfunction]
#[pyo3(signature = (strategy, data, *, as_of=None, start=None, period="month", trend_period="week", time_zone="UTC", min_periods=6, tolerance=0.1))]
#[allow(clippy::too_many_arguments)]
pub fn track_objectives<'py>(
    py: Python<'py>,
    strategy: &Bound<'py, PyStrategy>,
    data: &Bound<'py, PyAny>,
    as_of: Option<Bound<'py, PyAny>>,
    start: Option<Bound<'py, PyAny>>,
    period: &str,
    trend_period: &str,
    time_zone: &str,
    min_periods: usize,
    tolerance: f64,
) -> PyResult<Bound<'py, PyAny>> {
    let d = dataset(data)?;
    let opts = (|| -> Result<TrackOptions, Error> {
        Ok(TrackOptions {
            as_of: as_of.as_ref().map(date).transpose()?,
            start: start.as_ref().map(date).transpose()?,
            period: period.parse()?,
            trend_period: trend_period.parse()?,
            time_zone: data::time_zone(time_zone)?,
            min_periods,
            tolerance,
        })
    })()
    .map_err(crate::errors::PyCoreError)?;
    let s = &strategy.get().0;
    let tracks = py
        .detach(|| objective::track(s, &d, &opts))
        .map_err(crate::errors::PyCoreError)?;
    to_py(py, &tracks)
}

// --- Traffic -------------------------------------------------------------------------------------

/// What smo makes of a referrer.
#[pyclass(frozen, get_all, eq, module = "smo._smo", name = "Referrer")]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PyReferrer {
    /// `social`, `search`, `email`, `paid`, `ai_assistant`, `internal`, `referral` or `direct`.
    pub medium: String,
    /// Display name (`Facebook`, `Google`, `Gmail`, `ChatGPT`) or the host.
    pub source: String,
    /// Network id when social and known.
    pub network: Option<String>,
    /// Search term, when the referrer carries one.
    pub term: Option<String>,
    /// Referrer host.
    pub host: Option<String>,
    /// GA4-model channel of the visit.
    pub channel: String,
    /// Version of the domain table.
    pub table_version: String,
}

impl From<smo_core::traffic::Referrer> for PyReferrer {
    fn from(r: smo_core::traffic::Referrer) -> Self {
        PyReferrer {
            channel: r.channel().as_str().to_owned(),
            medium: r.medium.as_str().to_owned(),
            network: r.network.map(|n| n.as_str().to_owned()),
            source: r.source,
            term: r.term,
            host: r.host,
            table_version: r.table_version.to_owned(),
        }
    }
}

#[pymethods]
impl PyReferrer {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("medium", &self.medium)?;
        d.set_item("source", &self.source)?;
        d.set_item("network", &self.network)?;
        d.set_item("term", &self.term)?;
        d.set_item("host", &self.host)?;
        d.set_item("channel", &self.channel)?;
        d.set_item("table_version", &self.table_version)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Referrer(medium={:?}, source={:?}, network={:?}, term={:?})",
            self.medium, self.source, self.network, self.term
        )
    }
}

fn classify_opts(
    internal_hosts: Vec<String>,
    mastodon_instances: Vec<String>,
    database: Option<&Bound<'_, crate::referers::PyRefererDatabase>>,
) -> ClassifyOptions {
    ClassifyOptions {
        internal_hosts,
        mastodon_instances,
        database: database.map(|d| d.get().0.clone()),
    }
}

/// Classifies a referrer URL (and the landing page, for internal traffic and click ids).
#[pyfunction]
#[pyo3(signature = (referrer, page_url=None, *, internal_hosts=vec![], mastodon_instances=vec![], database=None))]
pub fn classify_referrer(
    referrer: &str,
    page_url: Option<&str>,
    internal_hosts: Vec<String>,
    mastodon_instances: Vec<String>,
    database: Option<&Bound<'_, crate::referers::PyRefererDatabase>>,
) -> PyReferrer {
    classify_with(
        referrer,
        page_url,
        &classify_opts(internal_hosts, mastodon_instances, database),
    )
    .into()
}

/// Classifies many referrers (GIL released, in parallel) and returns DataFrame-ready columns:
/// `medium`, `source`, `network`, `term`, `channel`.
#[pyfunction]
#[pyo3(signature = (referrers, page_url=None, *, pages=None, internal_hosts=vec![], mastodon_instances=vec![], database=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn classify_referrers<'py>(
    py: Python<'py>,
    referrers: &Bound<'py, PyAny>,
    page_url: Option<String>,
    pages: Option<&Bound<'py, PyAny>>,
    internal_hosts: Vec<String>,
    mastodon_instances: Vec<String>,
    database: Option<&Bound<'_, crate::referers::PyRefererDatabase>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    if crate::arrow::is_arrow(referrers)? {
        let opts = classify_opts(internal_hosts, mastodon_instances, database);
        return crate::arrow::classify_referrer_column(
            py, referrers, pages, page_url, &opts, threads,
        );
    }
    if pages.is_some() {
        return Err(PyTypeError::new_err(
            "pages= is read with Arrow input: pass referrers and pages as Arrow arrays (pyarrow.array(...), a Polars Series)",
        ));
    }
    let opts = classify_opts(internal_hosts, mastodon_instances, database);
    let pool = crate::arrow::pool(threads)?;
    classify_referrer_list(py, referrers, page_url, opts, pool.as_deref()).map(Bound::into_any)
}

/// The list path of [`classify_referrers`]: a dict of lists.
fn classify_referrer_list<'py>(
    py: Python<'py>,
    referrers: &Bound<'py, PyAny>,
    page_url: Option<String>,
    opts: ClassifyOptions,
    pool: Option<&rayon::ThreadPool>,
) -> PyResult<Bound<'py, PyDict>> {
    // Rows as codes into the distinct referrers. A list holds its items alive, so repeated str
    // objects are recognised by address without reading their text; distinct objects with equal
    // text are merged below.
    type Fnv = std::hash::BuildHasherDefault<FnvHasher>;
    let mut objects: Vec<Bound<'py, PyString>> = Vec::new();
    let mut codes: Vec<u32> = Vec::new();
    let as_str = |i: Bound<'py, PyAny>| -> PyResult<Bound<'py, PyString>> {
        i.cast_into::<PyString>()
            .map_err(|_| PyTypeError::new_err("referrers must be str"))
    };
    if let Ok(list) = referrers.cast::<PyList>() {
        let mut by_ptr: HashMap<usize, u32, Fnv> = HashMap::default();
        codes.reserve(list.len());
        for item in list.iter() {
            let ptr = item.as_ptr() as usize;
            let code = match by_ptr.get(&ptr) {
                Some(c) => *c,
                None => {
                    objects.push(as_str(item)?);
                    let c = (objects.len() - 1) as u32;
                    by_ptr.insert(ptr, c);
                    c
                }
            };
            codes.push(code);
        }
    } else {
        for item in referrers.try_iter()? {
            objects.push(as_str(item?)?);
            codes.push((objects.len() - 1) as u32);
        }
    }
    // Borrow the UTF-8 of each distinct object: no copy of the input.
    let texts: Vec<&str> = objects
        .iter()
        .map(|s| s.to_str())
        .collect::<PyResult<_>>()?;
    let (distinct, codes) = py.detach(|| {
        crate::arrow::run(pool, || {
            smo_core::traffic::batch::classify_coded(&texts, &codes, page_url.as_deref(), &opts)
        })
    });
    // Python strings made once per distinct value.
    let media: Vec<Bound<'py, PyString>> = Medium::ALL
        .iter()
        .map(|m| PyString::new(py, m.as_str()))
        .collect();
    let channels: Vec<Bound<'py, PyString>> = Channel::ALL
        .iter()
        .map(|c| PyString::new(py, c.as_str()))
        .collect();
    let networks: Vec<Bound<'py, PyString>> = Network::ALL
        .iter()
        .map(|n| PyString::new(py, n.as_str()))
        .collect();
    let mut sources: HashMap<String, Bound<'py, PyString>> = HashMap::new();
    type Objs<'py> = (
        Bound<'py, PyString>,
        Bound<'py, PyString>,
        Option<Bound<'py, PyString>>,
        Option<Bound<'py, PyString>>,
        Bound<'py, PyString>,
    );
    let objs: Vec<Objs<'py>> = distinct
        .iter()
        .map(|(m, s, nw, t, ch)| {
            let src = sources
                .entry(s.to_string())
                .or_insert_with(|| PyString::new(py, s))
                .clone();
            (
                media[Medium::ALL.iter().position(|x| x == m).unwrap_or(0)].clone(),
                src,
                nw.map(|x| networks[x as usize].clone()),
                t.as_deref().map(|t| PyString::new(py, t)),
                channels[*ch as usize].clone(),
            )
        })
        .collect();
    let column = |pick: &dyn Fn(&Objs<'py>) -> Option<Bound<'py, PyString>>| -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, codes.iter().map(|c| pick(&objs[*c as usize])))
    };
    let medium = column(&|o| Some(o.0.clone()))?;
    let source = column(&|o| Some(o.1.clone()))?;
    let network = column(&|o| o.2.clone())?;
    let term = column(&|o| o.3.clone())?;
    let channel = column(&|o| Some(o.4.clone()))?;
    let d = PyDict::new(py);
    d.set_item("medium", medium)?;
    d.set_item("source", source)?;
    d.set_item("network", network)?;
    d.set_item("term", term)?;
    d.set_item("channel", channel)?;
    Ok(d)
}

/// The GA4-model default channel group of (source, medium, campaign), e.g. `Organic Social`.
#[pyfunction]
#[pyo3(signature = (source, medium, campaign=""))]
pub fn channel_group(source: &str, medium: &str, campaign: &str) -> &'static str {
    smo_core::traffic::channel_group(source, medium, campaign).as_str()
}

/// Channel groups of many (source, medium[, campaign]) rows, GIL released.
#[pyfunction]
#[pyo3(signature = (sources, media, campaigns=None))]
pub fn channel_groups(
    py: Python<'_>,
    sources: Vec<String>,
    media: Vec<String>,
    campaigns: Option<Vec<String>>,
) -> PyResult2<Vec<&'static str>> {
    if sources.len() != media.len() || campaigns.as_ref().is_some_and(|c| c.len() != sources.len())
    {
        return Err(arg(
            "media",
            "sources, media and campaigns must have the same length",
        )
        .into());
    }
    Ok(py.detach(|| {
        use rayon::prelude::*;
        (0..sources.len())
            .into_par_iter()
            .map(|i| {
                smo_core::traffic::channel_group(
                    &sources[i],
                    &media[i],
                    campaigns.as_ref().map_or("", |c| c[i].as_str()),
                )
                .as_str()
            })
            .collect()
    }))
}

/// A traffic-source breakdown of a list of referrers (dict: total, by_medium, by_channel,
/// sources, terms...).
#[pyfunction]
#[pyo3(signature = (referrers, page_url=None, *, internal_hosts=vec![], mastodon_instances=vec![], database=None))]
pub fn traffic_breakdown<'py>(
    py: Python<'py>,
    referrers: Vec<String>,
    page_url: Option<String>,
    internal_hosts: Vec<String>,
    mastodon_instances: Vec<String>,
    database: Option<&Bound<'_, crate::referers::PyRefererDatabase>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = classify_opts(internal_hosts, mastodon_instances, database);
    let b = py.detach(|| breakdown_referrers(&referrers, page_url.as_deref(), &opts));
    to_py(py, &b)
}

/// A traffic-source breakdown of a combined-format access log: its text (`str`), a path
/// (`os.PathLike`) read in batches, so that a log of any size goes through in bounded memory,
/// or an Arrow column of its lines (a text table of one column, as engines read logs).
#[pyfunction]
#[pyo3(signature = (source, *, site=None, include_assets=false, include_bots=false, include_errors=false, internal_hosts=vec![], mastodon_instances=vec![], database=None))]
#[allow(clippy::too_many_arguments)]
pub fn access_log_breakdown<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    site: Option<String>,
    include_assets: bool,
    include_bots: bool,
    include_errors: bool,
    internal_hosts: Vec<String>,
    mastodon_instances: Vec<String>,
    database: Option<&Bound<'_, crate::referers::PyRefererDatabase>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = LogOptions {
        site,
        classify: classify_opts(internal_hosts, mastodon_instances, database),
        include_assets,
        include_bots,
        include_errors,
    };
    if let Ok(text) = source.cast::<PyString>() {
        let text = text.to_str()?;
        let b = py.detach(|| breakdown_log(text, &opts));
        return to_py(py, &b);
    }
    if crate::arrow::is_arrow(source)? {
        let lines = crate::arrow::chunks(py, source.extract()?)?;
        let b = py
            .detach(|| {
                smo_core::arrow::breakdown_log_arrays(lines.iter().map(|c| c.as_ref()), &opts)
            })
            .map_err(PyCoreError)?;
        return to_py(py, &b);
    }
    let path: String = py
        .import("os")?
        .call_method1("fspath", (source,))?
        .extract()
        .map_err(|_| {
            PyTypeError::new_err(
                "source is the log's text (str), a path (os.PathLike) or an Arrow column of lines",
            )
        })?;
    let file = std::fs::File::open(&path)
        .map_err(|e| pyo3::exceptions::PyOSError::new_err(format!("cannot open {path}: {e}")))?;
    let b: PyResult2<_> = py.detach(|| {
        Ok(smo_core::traffic::batch::breakdown_log_reader(
            std::io::BufReader::with_capacity(1 << 20, file),
            &opts,
        )?)
    });
    to_py(py, &b?)
}

/// Builds a UTM-tagged URL: keeps the query and fragment, encodes, never duplicates a key.
#[pyfunction]
#[pyo3(signature = (url, *, source, medium, campaign="", id="", term="", content="", source_platform="", creative_format="", marketing_tactic="", existing="replace", lowercase=true))]
#[allow(clippy::too_many_arguments)]
pub fn utm_url(
    url: &str,
    source: &str,
    medium: &str,
    campaign: &str,
    id: &str,
    term: &str,
    content: &str,
    source_platform: &str,
    creative_format: &str,
    marketing_tactic: &str,
    existing: &str,
    lowercase: bool,
) -> PyResult2<String> {
    let existing = match existing {
        "replace" => Existing::Replace,
        "keep" => Existing::Keep,
        other => return Err(arg("existing", format!("`{other}`: use replace or keep")).into()),
    };
    let u = Utm {
        source: source.into(),
        medium: medium.into(),
        campaign: campaign.into(),
        id: id.into(),
        term: term.into(),
        content: content.into(),
        source_platform: source_platform.into(),
        creative_format: creative_format.into(),
        marketing_tactic: marketing_tactic.into(),
    };
    Ok(utm::build_url(
        url,
        &u,
        &UtmOptions {
            existing,
            lowercase,
        },
    )?)
}

/// The UTM parameters of a URL as a dict (`source`, `medium`, ... , `other`, `duplicates`).
#[pyfunction]
pub fn parse_utm<'py>(py: Python<'py>, url: &str) -> PyResult<Bound<'py, PyAny>> {
    let p = utm::parse_url(url).map_err(crate::errors::PyCoreError)?;
    let mut v = serde_json::to_value(&p.utm).unwrap_or_default();
    if let Some(m) = v.as_object_mut() {
        m.insert(
            "other".into(),
            serde_json::to_value(&p.other).unwrap_or_default(),
        );
        m.insert(
            "duplicates".into(),
            serde_json::to_value(&p.duplicates).unwrap_or_default(),
        );
        m.insert("host".into(), p.host.into());
    }
    json_to_py(py, &v)
}

/// Lints a campaign's links against the naming convention; returns findings.
#[pyfunction]
#[pyo3(signature = (links, *, site_hosts=vec![], disabled=vec![], severities=BTreeMap::new()))]
pub fn lint_utm(
    links: Vec<String>,
    site_hosts: Vec<String>,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
) -> PyResult2<Vec<PyFinding>> {
    let opts = LintOptions {
        site_hosts,
        rules: rule_config(disabled, severities)?,
    };
    Ok(findings(utm::lint(&links, &opts)?))
}

// --- Report --------------------------------------------------------------------------------------

/// The SMO report.
#[pyclass(frozen, module = "smo._smo", name = "Report")]
pub struct PyReport(smo_core::report::Report, Box<ReportInputs>);

/// What a report is made of. A report pickles as its inputs and is built again where it is read
/// (the same inputs give the same report, byte for byte): `smo_core::report::Report` reads no
/// JSON back.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct ReportInputs {
    strategy: smo_core::Strategy,
    data: Dataset,
    audit: Option<Vec<Finding>>,
    period: Period,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    time_zone: String,
    top: usize,
    rules: smo_core::RuleConfig,
    calendar: Option<crate::calendar::FullPlan>,
    watch: Option<smo_core::listening::WatchBrief>,
    advice: Option<smo_core::advice::Advice>,
}

impl ReportInputs {
    /// The report of these inputs.
    fn build(&self) -> smo_core::Result<smo_core::report::Report> {
        let opts = ReportOptions {
            period: self.period,
            start: self.start,
            end: self.end,
            time_zone: data::time_zone(&self.time_zone)?,
            top: self.top,
            rules: self.rules.clone(),
        };
        let r = smo_core::report::report(&self.strategy, &self.data, self.audit.as_deref(), &opts)?;
        let r = match &self.calendar {
            Some(c) => r.with_calendar(c.0.clone()),
            None => r,
        };
        let r = match &self.watch {
            Some(w) => r.with_watch(w.clone()),
            None => r,
        };
        Ok(match &self.advice {
            Some(a) => r.with_advice(a),
            None => r,
        })
    }
}

impl crate::pickle::Pickle for PyReport {
    const KIND: &'static str = "Report";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&self.1)
    }
    fn from_state(py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let inputs: Box<ReportInputs> = crate::pickle::from_json(Self::KIND, state)?;
        let r = py.detach(|| inputs.build()).map_err(PyCoreError)?;
        Ok(PyReport(r, inputs))
    }
}

#[pymethods]
impl PyReport {
    /// Pretty JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// Markdown.
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }

    /// One self-contained HTML page with inline SVG charts.
    fn to_html(&self) -> String {
        self.0.to_html()
    }

    /// The report as nested dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// FNV-1a 64 of the JSON, as hex.
    #[getter]
    fn hash(&self) -> String {
        self.0.hash()
    }

    /// Objective tracking, one dict per objective.
    #[getter]
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.objectives)
    }

    /// Recommendations, as findings of the `report/*` rules.
    #[getter]
    fn recommendations(&self) -> Vec<crate::advice::PyRecommendation> {
        self.0
            .recommendations
            .iter()
            .cloned()
            .map(crate::advice::PyRecommendation)
            .collect()
    }

    /// Writes `<stem>.html`, `<stem>.md` and `<stem>.json` (stem: a path without extension);
    /// returns the paths written.
    fn write(&self, stem: &str) -> PyResult<Vec<String>> {
        let mut out = Vec::new();
        for (ext, text) in [
            ("html", self.0.to_html()),
            ("md", self.0.to_markdown()),
            ("json", self.0.to_json()),
        ] {
            let path = format!("{stem}.{ext}");
            std::fs::write(&path, text).map_err(|e| {
                pyo3::exceptions::PyOSError::new_err(format!("cannot write {path}: {e}"))
            })?;
            out.push(path);
        }
        Ok(out)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(brand={:?}, objectives={}, recommendations={})",
            self.0.brand,
            self.0.objectives.len(),
            self.0.recommendations.len()
        )
    }
}

pub(crate) fn core_finding(f: &PyFinding) -> PyResult2<Finding> {
    Ok(Finding {
        rule: f.rule.clone(),
        severity: f.severity.parse::<Severity>()?,
        message: f.message.clone(),
        location: Location {
            path: f.path.clone(),
            span: match (f.line, f.column, f.start_byte, f.end_byte) {
                (Some(line), Some(column), Some(start_byte), Some(end_byte)) => {
                    Some(smo_core::Span {
                        start_byte,
                        end_byte,
                        line,
                        column,
                    })
                }
                _ => None,
            },
            page: f.page.clone(),
        },
        fix: f.fix.clone(),
        source: f.source.clone(),
    })
}

/// An audit finding given as a `Finding` or a dict with the same keys.
fn audit_finding(obj: &Bound<'_, PyAny>) -> PyResult<Finding> {
    let f: PyFinding = if let Ok(f) = obj.cast::<PyFinding>() {
        f.get().clone()
    } else if let Ok(d) = obj.cast::<PyDict>() {
        let get = |k: &str| -> PyResult<Option<String>> {
            d.get_item(k)?
                .filter(|v| !v.is_none())
                .map(|v| v.extract::<String>())
                .transpose()
        };
        let num = |k: &str| -> PyResult<Option<u64>> {
            d.get_item(k)?
                .filter(|v| !v.is_none())
                .map(|v| v.extract::<u64>())
                .transpose()
        };
        PyFinding {
            rule: get("rule")?.unwrap_or_default(),
            severity: get("severity")?.unwrap_or_else(|| "warning".into()),
            message: get("message")?.unwrap_or_default(),
            path: get("path")?,
            fix: get("fix")?,
            source: get("source")?.unwrap_or_default(),
            line: num("line")?,
            column: num("column")?,
            start_byte: num("start_byte")?,
            end_byte: num("end_byte")?,
            page: get("page")?,
        }
    } else {
        return Err(PyTypeError::new_err(
            "audit items must be smo.Finding objects or dicts",
        ));
    };
    Ok(core_finding(&f)?)
}

/// Builds the SMO report of a strategy over its data, optionally joined with site-audit findings.
#[pyfunction]
#[pyo3(signature = (strategy, data, audit=None, *, period="month", start=None, end=None, time_zone="UTC", top=5, disabled=vec![], severities=BTreeMap::new(), calendar=None, watch=None, advice=None))]
#[allow(clippy::too_many_arguments)]
pub fn report(
    py: Python<'_>,
    strategy: &Bound<'_, PyStrategy>,
    data: &Bound<'_, PyAny>,
    audit: Option<Vec<Bound<'_, PyAny>>>,
    period: &str,
    start: Option<Bound<'_, PyAny>>,
    end: Option<Bound<'_, PyAny>>,
    time_zone: &str,
    top: usize,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    calendar: Option<&Bound<'_, crate::calendar::PyPlan>>,
    watch: Option<&Bound<'_, crate::watch::PyWatchBrief>>,
    advice: Option<&Bound<'_, crate::advice::PyAdvice>>,
) -> PyResult<PyReport> {
    let d = dataset(data)?;
    let (period, start, end, time_zone, rules) = (|| -> Result<_, crate::errors::PyCoreError> {
        Ok((
            period.parse()?,
            start.as_ref().map(date).transpose()?,
            end.as_ref().map(date).transpose()?,
            data::time_zone(time_zone)?.name().to_owned(),
            rule_config(disabled, severities)?,
        ))
    })()?;
    let audit: Option<Vec<Finding>> = audit
        .map(|a| a.iter().map(audit_finding).collect::<PyResult<_>>())
        .transpose()?;
    let inputs = ReportInputs {
        strategy: strategy.get().0.clone(),
        data: d,
        audit,
        period,
        start,
        end,
        time_zone,
        top,
        rules,
        calendar: calendar.map(|c| crate::calendar::FullPlan(c.get().0.clone())),
        watch: watch.map(|w| w.get().0.clone()),
        advice: advice.map(|a| a.get().0.clone()),
    };
    let r = py
        .detach(|| inputs.build())
        .map_err(crate::errors::PyCoreError)?;
    Ok(PyReport(r, Box::new(inputs)))
}
