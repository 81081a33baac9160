//! Python surface of the foundation: `Strategy`, `Finding`, `Rule`, `NetworkInfo`,
//! `HandleCheck`, and the functions `networks()`, `check_handle()`, `rules()`.

use std::collections::{BTreeMap, BTreeSet};

use pyo3::prelude::*;
use pyo3::types::PyDict;
use smo_core::strategy::rules::ValidateOptions;
use smo_core::{RuleConfig, Severity};

use crate::convert::{date, network as parse_network, to_py};
use crate::errors::PyResult2;

/// One problem, or one opportunity, found by a rule.
#[pyclass(frozen, get_all, eq, module = "smo._smo", name = "Finding")]
#[derive(Clone, PartialEq)]
pub struct PyFinding {
    /// Stable rule id, such as `objective/not-smart`.
    pub rule: String,
    /// `error`, `warning` or `notice`.
    pub severity: String,
    /// What is wrong.
    pub message: String,
    /// Field path, when the finding is about a model.
    pub path: Option<String>,
    /// What to do about it.
    pub fix: Option<String>,
    /// Where the rule comes from.
    pub source: String,
    /// 1-based line, when the finding is about a text.
    pub line: Option<u64>,
    /// 1-based column (characters), when the finding is about a text.
    pub column: Option<u64>,
    /// Byte offset of the start, when the finding is about a text.
    pub start_byte: Option<u64>,
    /// Byte offset of the end, when the finding is about a text.
    pub end_byte: Option<u64>,
    /// The page, when the finding comes from a site audit.
    pub page: Option<String>,
}

impl crate::pickle::Pickle for PyFinding {
    const KIND: &'static str = "Finding";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&crate::measure::core_finding(self)?)
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        Ok(crate::pickle::from_json::<smo_core::Finding>(Self::KIND, state)?.into())
    }
}

impl From<smo_core::Finding> for PyFinding {
    fn from(f: smo_core::Finding) -> Self {
        let span = f.location.span;
        PyFinding {
            rule: f.rule,
            severity: f.severity.as_str().to_owned(),
            message: f.message,
            path: f.location.path,
            fix: f.fix,
            source: f.source,
            line: span.map(|s| s.line),
            column: span.map(|s| s.column),
            start_byte: span.map(|s| s.start_byte),
            end_byte: span.map(|s| s.end_byte),
            page: f.location.page,
        }
    }
}

#[pymethods]
impl PyFinding {
    /// The finding as a flat dict (a record pandas takes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rule", &self.rule)?;
        d.set_item("severity", &self.severity)?;
        d.set_item("message", &self.message)?;
        d.set_item("path", &self.path)?;
        d.set_item("fix", &self.fix)?;
        d.set_item("source", &self.source)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        d.set_item("start_byte", self.start_byte)?;
        d.set_item("end_byte", self.end_byte)?;
        d.set_item("page", &self.page)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        // Python's repr of None or of the path, not Rust's `Some(..)`.
        let path = self
            .path
            .as_ref()
            .map_or_else(|| "None".to_owned(), |p| format!("{p:?}"));
        format!(
            "Finding(rule={:?}, severity={:?}, path={path}, message={:?})",
            self.rule, self.severity, self.message
        )
    }

    fn __str__(&self) -> String {
        let at = self.path.clone().unwrap_or_else(|| "-".into());
        format!("{} [{}] {}: {}", self.severity, self.rule, at, self.message)
    }
}

/// Converts core findings for Python.
pub fn findings(found: Vec<smo_core::Finding>) -> Vec<PyFinding> {
    found.into_iter().map(PyFinding::from).collect()
}

/// Builds a rule configuration from Python arguments; the core checks the ids.
pub fn rule_config(
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
) -> PyResult2<RuleConfig> {
    let severities = severities
        .into_iter()
        .map(|(id, s)| Ok((id, s.parse::<Severity>()?)))
        .collect::<Result<_, smo_core::Error>>()?;
    Ok(RuleConfig {
        disabled: disabled.into_iter().collect::<BTreeSet<_>>(),
        severities,
    })
}

/// An SMO strategy: brand, audiences, objectives, channels, pillars and listening.
#[pyclass(frozen, module = "smo._smo", name = "Strategy")]
pub struct PyStrategy(pub smo_core::Strategy);

#[pymethods]
impl PyStrategy {
    /// Reads a strategy from TOML text.
    #[staticmethod]
    fn from_toml(text: &str) -> PyResult2<Self> {
        Ok(Self(smo_core::Strategy::from_toml(text)?))
    }

    /// Reads a strategy from JSON text.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult2<Self> {
        Ok(Self(smo_core::Strategy::from_json(text)?))
    }

    /// The example brand's strategy (Maison Lune).
    #[staticmethod]
    fn example() -> PyResult2<Self> {
        Ok(Self(smo_core::Strategy::example()?))
    }

    /// The strategy as pretty JSON.
    fn to_json(&self) -> PyResult2<String> {
        Ok(self.0.to_json()?)
    }

    /// The strategy as TOML.
    fn to_toml(&self) -> PyResult2<String> {
        Ok(self.0.to_toml()?)
    }

    /// The strategy as nested dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// The brand's name.
    #[getter]
    fn brand_name(&self) -> &str {
        &self.0.brand.name
    }

    /// The brand's site URL.
    #[getter]
    fn site(&self) -> String {
        self.0.brand.site.to_string()
    }

    /// Runs the strategy rules and returns the findings.
    ///
    /// `today` (a `datetime.date` or `YYYY-MM-DD`) is the review date for deadline checks
    /// (default: today, UTC); `disabled` lists rule ids to skip; `severities` maps rule ids to
    /// `error`, `warning` or `notice`.
    #[pyo3(signature = (today=None, disabled=Vec::new(), severities=BTreeMap::new()))]
    fn validate(
        &self,
        today: Option<&Bound<'_, PyAny>>,
        disabled: Vec<String>,
        severities: BTreeMap<String, String>,
    ) -> PyResult2<Vec<PyFinding>> {
        let today = today.filter(|t| !t.is_none()).map(date).transpose()?;
        let rules = rule_config(disabled, severities)?;
        Ok(findings(
            self.0.validate(&ValidateOptions { today, rules })?,
        ))
    }

    /// The strategy's monitoring queries that parse, by name: `brand` (the keywords),
    /// `competitor:<name>` and those of `[listening.queries]`; the rule `listening/query-invalid`
    /// reports the others.
    fn queries(&self) -> std::collections::BTreeMap<String, crate::query::PyQuery> {
        smo_core::listening::setup::queries(&self.0)
            .into_iter()
            .filter_map(|q| q.query.ok().map(|p| (q.name, crate::query::PyQuery(p))))
            .collect()
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Strategy(brand={:?}, audiences={}, objectives={}, channels={}, pillars={})",
            self.0.brand.name,
            self.0.audiences.len(),
            self.0.objectives.len(),
            self.0.channels.len(),
            self.0.pillars.len()
        )
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

crate::pickle::json_pickle!(PyStrategy => "Strategy");

/// A rule as listed in a registry.
#[pyclass(frozen, get_all, module = "smo._smo", name = "Rule")]
pub struct PyRule {
    /// Stable id, `family/name`.
    pub id: String,
    /// The part of the id before `/`.
    pub family: String,
    /// Short title.
    pub title: String,
    /// What the rule checks and why.
    pub description: String,
    /// `error`, `warning` or `notice`.
    pub default_severity: String,
    /// Where the rule comes from.
    pub source: String,
}

#[pymethods]
impl PyRule {
    /// The rule as a flat dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("family", &self.family)?;
        d.set_item("title", &self.title)?;
        d.set_item("description", &self.description)?;
        d.set_item("default_severity", &self.default_severity)?;
        d.set_item("source", &self.source)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Rule(id={:?}, default_severity={:?})",
            self.id, self.default_severity
        )
    }
}

impl From<&smo_core::RuleInfo> for PyRule {
    fn from(r: &smo_core::RuleInfo) -> Self {
        PyRule {
            id: r.id.to_owned(),
            family: r.family().to_owned(),
            title: r.title.to_owned(),
            description: r.description.to_owned(),
            default_severity: r.default_severity.as_str().to_owned(),
            source: r.source.to_owned(),
        }
    }
}

/// A rule pickles as its id and is looked up again in the registry of the process that reads it.
impl crate::pickle::Pickle for PyRule {
    const KIND: &'static str = "Rule";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&self.id)
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let id: String = crate::pickle::from_json(Self::KIND, state)?;
        smo_core::rules()
            .iter()
            .find(|r| r.id == id)
            .map(PyRule::from)
            .ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "cannot unpickle a smo.Rule: this version of smo has no rule `{id}`"
                ))
            })
    }
}

/// Every rule of every rule engine in smo.
#[pyfunction]
pub fn rules() -> Vec<PyRule> {
    smo_core::rules().iter().map(PyRule::from).collect()
}

/// What smo knows about one network, with the provenance of each fact.
#[pyclass(frozen, module = "smo._smo", name = "NetworkInfo")]
pub struct PyNetworkInfo(&'static smo_core::NetworkInfo);

#[pymethods]
impl PyNetworkInfo {
    /// The network id (`x`, `linkedin`, ...).
    #[getter]
    fn id(&self) -> &'static str {
        self.0.network.as_str()
    }

    /// Display name.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name
    }

    /// Profile URL pattern (`{handle}`, or `{instance}`/`{user}` for Mastodon).
    #[getter]
    fn profile_url(&self) -> &'static str {
        self.0.profile_url.value
    }

    /// Content types the network supports.
    #[getter]
    fn content_types(&self) -> Vec<&'static str> {
        self.0
            .content_types
            .value
            .iter()
            .map(|c| c.as_str())
            .collect()
    }

    /// Metrics the network's own analytics report.
    #[getter]
    fn metrics(&self) -> Vec<&'static str> {
        self.0.metrics.value.iter().map(|m| m.as_str()).collect()
    }

    /// Handle rules, as a dict.
    #[getter]
    fn handle_rule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.handle.value)
    }

    /// Every fact of the row with its value, source, as-of date and confidence.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "NetworkInfo(id={:?}, name={:?})",
            self.0.network.as_str(),
            self.0.name
        )
    }
}

/// A network's facts pickle as its id and are looked up again in the table of the process that
/// reads them.
impl crate::pickle::Pickle for PyNetworkInfo {
    const KIND: &'static str = "NetworkInfo";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&self.0.network)
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let n: smo_core::Network = crate::pickle::from_json(Self::KIND, state)?;
        Ok(PyNetworkInfo(n.info()))
    }
}

/// Every network smo knows, in table order.
#[pyfunction]
pub fn networks() -> Vec<PyNetworkInfo> {
    smo_core::Network::ALL
        .iter()
        .map(|n| PyNetworkInfo(n.info()))
        .collect()
}

/// The result of checking a handle.
#[pyclass(frozen, get_all, module = "smo._smo", name = "HandleCheck")]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct PyHandleCheck {
    /// The network id.
    pub network: String,
    /// The handle as given.
    pub input: String,
    /// Display form (sigils dropped).
    pub display: String,
    /// Comparison form.
    pub normalized: String,
    /// Whether the handle follows every rule.
    pub valid: bool,
    /// What is wrong.
    pub problems: Vec<String>,
}

#[pymethods]
impl PyHandleCheck {
    /// The check as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("network", &self.network)?;
        d.set_item("input", &self.input)?;
        d.set_item("display", &self.display)?;
        d.set_item("normalized", &self.normalized)?;
        d.set_item("valid", self.valid)?;
        d.set_item("problems", &self.problems)?;
        Ok(d)
    }

    fn __bool__(&self) -> bool {
        self.valid
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "HandleCheck(network={:?}, display={:?}, valid={})",
            self.network, self.display, self.valid
        )
    }
}

crate::pickle::fields_pickle!(PyHandleCheck => "HandleCheck");

/// Checks a handle against a network's rules and normalises it.
#[pyfunction]
pub fn check_handle(network: &str, handle: &str) -> PyResult2<PyHandleCheck> {
    let c = smo_core::handle::check(parse_network(network)?, handle);
    Ok(PyHandleCheck {
        network: c.network.as_str().to_owned(),
        input: c.input,
        display: c.display,
        normalized: c.normalized,
        valid: c.valid,
        problems: c.problems,
    })
}
