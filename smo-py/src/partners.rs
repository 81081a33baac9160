//! Python surface of link exchanges: `load_partners()` (in `measure`), `check_partners()`,
//! `PartnersReport`, `example_partners()`. Conversion only: the scan, the matching, the
//! traffic and the findings are smo-core's.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use smo_core::partners::{self, CheckOptions, PartnersReport};

use crate::convert::{arg, date, json_to_py, to_py};
use crate::errors::{PyCoreError, PyResult2};
use crate::measure::{PyLoadResult, partners_of};
use crate::strategy::{PyFinding, PyStrategy, findings, rule_config};

/// The check of a link-exchange ledger: each agreement's links and visits, and the findings.
#[pyclass(frozen, module = "smo._smo", name = "PartnersReport")]
pub struct PyPartnersReport(pub PartnersReport);

crate::pickle::json_pickle!(PyPartnersReport => "PartnersReport");

#[pymethods]
impl PyPartnersReport {
    /// One dict per agreement: `partner`, `terms`, `inbound` and `outbound` (`page`, `state`,
    /// `links`), `traffic` (`since`, `until`, `sessions`, `conversions`, `revenue`, `sources`).
    #[getter]
    fn partners<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.partners)
    }
    /// The findings (`partner/*` rules).
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        findings(self.0.findings.clone())
    }
    /// One flat record per agreement (a list pandas takes).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &serde_json::Value::Array(self.0.records()))
    }
    /// Everything as dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// A Markdown table of the agreements, then the findings.
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }
    fn __len__(&self) -> usize {
        self.0.partners.len()
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "PartnersReport(partners={}, findings={})",
            self.0.partners.len(),
            self.0.findings.len()
        )
    }
}

/// Checks a link-exchange ledger against the pages (any iterable of `(url, html)`: the
/// partners' pages and ours) and, when given, the web analytics. Our site is `site`, else the
/// strategy's brand site.
#[pyfunction]
#[pyo3(signature = (partners, pages, *, site=None, strategy=None, web=None, today=None, grace_days=30, disabled=Vec::new(), severities=BTreeMap::new(), limits=None))]
#[allow(clippy::too_many_arguments)]
pub fn check_partners(
    py: Python<'_>,
    partners: &Bound<'_, PyAny>,
    pages: &Bound<'_, PyAny>,
    site: Option<&str>,
    strategy: Option<&Bound<'_, PyStrategy>>,
    web: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    grace_days: u32,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    limits: Option<BTreeMap<String, u64>>,
) -> PyResult<PyPartnersReport> {
    let ledger = partners_of(partners)?;
    let mut options = match (site, strategy) {
        (Some(s), _) => CheckOptions::for_site(s).map_err(PyCoreError)?,
        (None, Some(st)) => CheckOptions::new(st.get().0.brand.site.clone()),
        (None, None) => {
            return Err(arg("site", "give site= (our site's address) or strategy=").into());
        }
    };
    let mut batch: Vec<(String, Vec<u8>)> = Vec::new();
    for item in pages.try_iter()? {
        let item = item?;
        let (url, html): (String, Bound<'_, PyAny>) = item.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err("pages must yield (url, html) pairs")
        })?;
        batch.push((url, crate::audit::html_bytes(&html)?));
    }
    let web_rows = web
        .map(crate::measure::dataset)
        .transpose()?
        .map(|d| d.web)
        .unwrap_or_default();
    options.today = today.map(date).transpose().map_err(PyCoreError)?;
    options.grace_days = grace_days;
    options.rules = rule_config(disabled, severities)?;
    options.limits = crate::audit::scan_limits(limits)?;
    let out: PyResult2<PartnersReport> = py.detach(|| {
        let pages: Vec<(&str, &[u8])> = batch
            .iter()
            .map(|(u, h)| (u.as_str(), h.as_slice()))
            .collect();
        Ok(partners::check_partners(
            &ledger, &pages, &web_rows, &options,
        )?)
    });
    Ok(PyPartnersReport(out?))
}

/// The example brand's ledger (a partners `LoadResult`) and the pages of its exchanges.
#[pyfunction]
pub fn example_partners() -> PyResult<(PyLoadResult, Vec<(&'static str, &'static str)>)> {
    let ledger = partners::example_ledger().map_err(PyCoreError)?;
    Ok((PyLoadResult::of_partners(ledger), partners::example_pages()))
}
