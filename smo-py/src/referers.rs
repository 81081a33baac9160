//! Python surface of the referrer database: `load_referer_database()` and `RefererDatabase`,
//! which `classify_referrer`, `classify_referrers`, `traffic_breakdown` and
//! `access_log_breakdown` take as `database=`. Conversion only: formats, merging and
//! precedence are smo-core's (`traffic::refdb`).

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use smo_core::traffic::refdb::{
    RefererDatabase, RefererFile, RefererFormat, load_referer_database as core_load,
};

use crate::convert::to_py;
use crate::errors::{PyCoreError, PyResult2};

/// smo's referrer table with the user's files merged over it.
#[pyclass(frozen, module = "smo._smo", name = "RefererDatabase")]
pub struct PyRefererDatabase(pub Arc<RefererDatabase>, Sources);

/// What a database was loaded from: the format asked for and each file's name and text. The
/// embedded table is no part of it: a pickle carries these and is merged again, where it is
/// read, over that process's table.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Sources {
    format: String,
    files: Vec<(String, String)>,
}

impl Sources {
    fn load(self) -> PyResult2<PyRefererDatabase> {
        let format: RefererFormat = self.format.parse()?;
        let refs: Vec<RefererFile<'_>> = self
            .files
            .iter()
            .map(|(name, text)| RefererFile { name, text, format })
            .collect();
        let db = core_load(&refs)?;
        Ok(PyRefererDatabase(Arc::new(db), self))
    }
}

impl crate::pickle::Pickle for PyRefererDatabase {
    const KIND: &'static str = "RefererDatabase";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&self.1)
    }
    fn from_state(py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let sources: Sources = crate::pickle::from_json(Self::KIND, state)?;
        Ok(py.detach(|| sources.load())?)
    }
}

#[pymethods]
impl PyRefererDatabase {
    /// The files merged, in order: `name`, `format`, `rules`, `hash`.
    #[getter]
    fn files<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.files())
    }
    /// The version classifications with it report.
    #[getter]
    fn version(&self) -> &'static str {
        self.0.version()
    }
    /// Rules, the embedded table's and the files'.
    fn __len__(&self) -> usize {
        self.0.rules().len()
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "RefererDatabase(rules={}, files={})",
            self.0.rules().len(),
            self.0.files().len()
        )
    }
}

/// Reads Snowplow (`referers.yml`, `referers.json`) and Matomo (`SearchEngines.yml`,
/// `Socials.yml`) referrer files and merges them over smo's table, later files winning ties.
/// Each source is the file's text (`str` or `bytes`) or a path (`os.PathLike`, read here).
#[pyfunction]
#[pyo3(signature = (*sources, format=None))]
pub fn load_referer_database(
    py: Python<'_>,
    sources: Vec<Bound<'_, PyAny>>,
    format: Option<&str>,
) -> PyResult<PyRefererDatabase> {
    let format = format.unwrap_or("auto");
    format.parse::<RefererFormat>().map_err(PyCoreError)?;
    let os = py.import("os")?;
    let mut files: Vec<(String, String)> = Vec::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        let name = format!("source {}", i + 1);
        if let Ok(t) = s.cast::<PyString>() {
            files.push((name, t.to_str()?.to_owned()));
        } else if let Ok(b) = s.cast::<PyBytes>() {
            let text = String::from_utf8(b.as_bytes().to_vec()).map_err(|e| {
                pyo3::exceptions::PyUnicodeDecodeError::new_err(format!(
                    "{name} is not UTF-8 at byte {}",
                    e.utf8_error().valid_up_to()
                ))
            })?;
            files.push((name, text));
        } else {
            let path: String = os.call_method1("fspath", (s,))?.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(
                    "each source is the file's text (str, bytes) or a path (os.PathLike)",
                )
            })?;
            let text = std::fs::read_to_string(&path).map_err(|e| {
                pyo3::exceptions::PyOSError::new_err(format!("cannot read {path}: {e}"))
            })?;
            files.push((path, text));
        }
    }
    let sources = Sources {
        format: format.to_owned(),
        files,
    };
    Ok(py.detach(|| sources.load())?)
}
