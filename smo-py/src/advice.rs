//! Python surface of `smo_core::advice`: `smo.advise` and its recommendations.

use pyo3::prelude::*;
use smo_core::advice::{self, Advice, AdviceInputs, AdviceOptions, Priority, Recommendation};
use smo_core::data::Dataset;

use crate::convert::{date, flat_records, to_py};
use crate::errors::PyCoreError;
use crate::measure::dataset;
use crate::strategy::PyStrategy;

/// One recommendation, with its evidence, actions and source.
#[pyclass(name = "Recommendation", frozen, module = "smo._smo")]
pub struct PyRecommendation(pub Recommendation);

#[pymethods]
impl PyRecommendation {
    /// Stable rule id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// `high`, `medium` or `low`.
    #[getter]
    fn priority(&self) -> &'static str {
        self.0.priority.as_str()
    }
    /// The rule's title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// Why, with the numbers.
    #[getter]
    fn rationale(&self) -> &str {
        &self.0.rationale
    }
    /// The facts behind it (dicts: kind, label, reference, value, baseline, n, comparison).
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.evidence)
    }
    /// The objective it serves.
    #[getter]
    fn objective(&self) -> Option<&str> {
        self.0.objective.as_deref()
    }
    /// The KPI it should move (`{"kpi", "direction"}`), or None.
    #[getter]
    fn effect<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.effect)
    }
    /// What to do (dicts: text, snippet).
    #[getter]
    fn actions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.actions)
    }
    /// Where the rule comes from (`{"kind", "smo_rule", "reference"}`).
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.source)
    }
    /// What it is about.
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }
    /// The recommendation as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "Recommendation(id={:?}, priority={:?}, subject={:?})",
            self.0.id,
            self.0.priority.as_str(),
            self.0.subject
        )
    }
}

crate::pickle::json_pickle!(PyRecommendation => "Recommendation", PyAdvice => "Advice");

/// The result of `smo.advise`.
#[pyclass(name = "Advice", frozen, module = "smo._smo")]
pub struct PyAdvice(pub Advice);

#[pymethods]
impl PyAdvice {
    /// Recommendations, by priority.
    #[getter]
    fn recommendations(&self) -> Vec<PyRecommendation> {
        self.0
            .recommendations
            .iter()
            .cloned()
            .map(PyRecommendation)
            .collect()
    }
    /// Every comparison of posts made, retained or not (dicts).
    #[getter]
    fn comparisons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.comparisons)
    }
    /// The inputs that were given.
    #[getter]
    fn inputs(&self) -> Vec<String> {
        self.0.inputs.clone()
    }
    /// One flat row per recommendation, for `pandas.DataFrame`.
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        flat_records(py, &self.0.recommendations)
    }
    /// The advice as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// The recommendations as Markdown.
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }
    fn __len__(&self) -> usize {
        self.0.recommendations.len()
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "Advice(recommendations={}, comparisons={})",
            self.0.recommendations.len(),
            self.0.comparisons.len()
        )
    }
}

/// Recommendations from whatever is given: a site audit (`smo.audit_site`), post metrics and
/// web analytics (`smo.load_posts` / `smo.load_web` results, a `smo.Dataset`, or records),
/// mentions, the partners check (`smo.check_partners`), and the day the advice is for.
#[pyfunction]
#[pyo3(signature = (strategy, *, audit=None, posts=None, web=None, mentions=None, partners=None, today=None, disabled=vec![], priorities=std::collections::BTreeMap::new(), alpha=0.05, min_posts=10, time_zone=None))]
#[allow(clippy::too_many_arguments)]
pub fn advise(
    py: Python<'_>,
    strategy: &Bound<'_, PyStrategy>,
    audit: Option<&Bound<'_, crate::audit::PySiteReport>>,
    posts: Option<&Bound<'_, PyAny>>,
    web: Option<&Bound<'_, PyAny>>,
    mentions: Option<&Bound<'_, PyAny>>,
    partners: Option<&Bound<'_, crate::partners::PyPartnersReport>>,
    today: Option<&Bound<'_, PyAny>>,
    disabled: Vec<String>,
    priorities: std::collections::BTreeMap<String, String>,
    alpha: f64,
    min_posts: u64,
    time_zone: Option<&str>,
) -> PyResult<PyAdvice> {
    let mut data = match posts {
        Some(p) => dataset(p)?,
        None => Dataset::default(),
    };
    if let Some(w) = web {
        let d = dataset(w)?;
        if data.web.is_empty() {
            data.web = d.web;
        }
        if data.accounts.is_empty() {
            data.accounts = d.accounts;
        }
        if data.costs.is_empty() {
            data.costs = d.costs;
        }
    }
    let ms = mentions.map(crate::watch::mentions_of).transpose()?;
    let today = today.map(date).transpose().map_err(PyCoreError)?;
    let opts = AdviceOptions {
        disabled: disabled.into_iter().collect(),
        priorities: priorities
            .into_iter()
            .map(|(k, v)| Ok((k, v.parse::<Priority>()?)))
            .collect::<Result<_, smo_core::Error>>()
            .map_err(PyCoreError)?,
        alpha,
        min_posts,
        time_zone: time_zone
            .map(smo_core::data::time_zone)
            .transpose()
            .map_err(PyCoreError)?,
    };
    let has_data = posts.is_some() || web.is_some();
    let s = &strategy.get().0;
    let site = audit.map(|a| &a.get().0);
    let inputs = AdviceInputs {
        audit: site,
        data: has_data.then_some(&data),
        mentions: ms.as_deref(),
        partners: partners.map(|p| &p.get().0),
        today,
    };
    let a = py
        .detach(|| advice::advise(s, &inputs, &opts))
        .map_err(PyCoreError)?;
    Ok(PyAdvice(a))
}
