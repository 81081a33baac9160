//! Python surface of the site audit: `audit_page()`, `audit_site()`, `PageAudit`,
//! `PageFeatures`, `Scores`, `SiteReport`. Page batches are audited with the GIL released, on
//! every core (rayon in the core).

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use smo_core::audit::{self, AuditOptions, SiteAuditor, SiteOptions};

use crate::convert::to_py;
use crate::errors::PyResult2;
use crate::strategy::{PyFinding, PyStrategy, findings, rule_config};

pub(crate) fn html_bytes(html: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = html.cast::<PyString>() {
        return Ok(s.to_str()?.as_bytes().to_vec());
    }
    if let Ok(b) = html.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "html must be str or bytes (the page as served)",
    ))
}

#[allow(clippy::too_many_arguments)]
fn options(
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    ratio_tolerance: f64,
    allowed_hosts: Vec<String>,
    site_name: Option<String>,
    x_handle: Option<String>,
    limits: Option<BTreeMap<String, u64>>,
) -> PyResult2<AuditOptions> {
    Ok(AuditOptions {
        rules: rule_config(disabled, severities)?,
        ratio_tolerance,
        allowed_hosts,
        site_name,
        x_handle,
        limits: scan_limits(limits)?,
    })
}

/// Scan limits by name (`max_items`...), each checked by the core.
pub(crate) fn scan_limits(limits: Option<BTreeMap<String, u64>>) -> PyResult2<audit::ScanLimits> {
    let mut scan = audit::ScanLimits::default();
    for (name, value) in limits.unwrap_or_default() {
        scan = scan
            .with(&name, value)
            .map_err(crate::errors::PyCoreError)?;
    }
    Ok(scan)
}

/// Category and overall scores, 0..100 (`None` when nothing in the category applies).
#[pyclass(frozen, get_all, eq, module = "smo._smo", name = "Scores")]
#[derive(Clone, PartialEq)]
pub struct PyScores {
    /// Link previews: og, twitter, fb, pinterest, linkedin, meta.
    pub previews: Option<f64>,
    /// Canonical, feeds, oEmbed, icons, JSON-LD syntax, page health.
    pub discoverability: Option<f64>,
    /// Share links.
    pub sharing: Option<f64>,
    /// Profiles and Organization data.
    pub community: Option<f64>,
    /// Weighted mean of the categories.
    pub overall: Option<f64>,
}

impl From<audit::Scores> for PyScores {
    fn from(s: audit::Scores) -> Self {
        PyScores {
            previews: s.previews,
            discoverability: s.discoverability,
            sharing: s.sharing,
            community: s.community,
            overall: s.overall,
        }
    }
}

#[pymethods]
impl PyScores {
    /// The scores as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("previews", self.previews)?;
        d.set_item("discoverability", self.discoverability)?;
        d.set_item("sharing", self.sharing)?;
        d.set_item("community", self.community)?;
        d.set_item("overall", self.overall)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        let f = |v: Option<f64>| v.map_or("None".to_owned(), |v| format!("{v}"));
        format!(
            "Scores(overall={}, previews={}, discoverability={}, sharing={}, community={})",
            f(self.overall),
            f(self.previews),
            f(self.discoverability),
            f(self.sharing),
            f(self.community)
        )
    }
}

impl crate::pickle::Pickle for PyScores {
    const KIND: &'static str = "Scores";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&audit::Scores {
            previews: self.previews,
            discoverability: self.discoverability,
            sharing: self.sharing,
            community: self.community,
            overall: self.overall,
        })
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        Ok(crate::pickle::from_json::<audit::Scores>(Self::KIND, state)?.into())
    }
}

/// The inventory of one page: what it offers social networks, where, decoded and resolved.
#[pyclass(frozen, module = "smo._smo", name = "PageFeatures")]
pub struct PyPageFeatures(pub audit::PageFeatures);

// One `#[pymethods]` block per class: the list getters are generated, the rest written out.
macro_rules! features_methods {
    ($($(#[$doc:meta])* $name:ident),* $(,)?; $($rest:tt)*) => {
        #[pymethods]
        impl PyPageFeatures {
            $(
                $(#[$doc])*
                #[getter]
                fn $name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    to_py(py, &self.0.$name)
                }
            )*
            $($rest)*
        }
    };
}

features_methods! {
    /// Open Graph properties: key to values in document order.
    open_graph,
    /// X card tags: name to values in document order (X reads the last).
    twitter,
    /// Every social or descriptive `<meta>`, in document order, with its location.
    meta,
    /// `og:image` objects with their structured properties.
    og_images,
    /// `og:video` objects.
    og_videos,
    /// `og:audio` objects.
    og_audios,
    /// Structured properties with no root before them.
    og_orphans,
    /// Every canonical link.
    canonicals,
    /// `hreflang` alternates.
    hreflang,
    /// Feed autodiscovery links.
    feeds,
    /// oEmbed discovery links.
    oembed,
    /// Icons and manifest.
    icons,
    /// JSON-LD blocks.
    json_ld,
    /// Share links.
    share_links,
    /// Profile links.
    profiles,
    /// Comment widgets.
    comments,
    /// Social login buttons and SDKs.
    social_login,
    /// Embedded posts and players.
    embeds,
    /// Review and rating widgets.
    reviews,
    /// Script share buttons.
    share_scripts,
    /// How the scan went.
    parse;
    /// The page URL.
    #[getter]
    fn url(&self) -> &str {
        &self.0.url
    }
    /// `<html lang>`.
    #[getter]
    fn lang(&self) -> Option<&str> {
        self.0.lang.as_deref()
    }
    /// The first `<title>`, decoded.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }
    /// `<meta name="description">`.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// The first canonical URL, resolved.
    #[getter]
    fn canonical(&self) -> Option<&str> {
        self.0.canonical.as_deref()
    }
    /// The page's main text: body text outside code, templates, navigation, header, footer and
    /// asides, whitespace-collapsed, up to the `max_text_bytes` limit.
    #[getter]
    fn main_text(&self) -> &str {
        &self.0.main_text
    }
    /// The first value of an Open Graph key (first wins).
    fn og(&self, key: &str) -> Option<&str> {
        self.0.og(key)
    }
    /// The last value of an X card tag (last wins).
    fn tw(&self, key: &str) -> Option<&str> {
        self.0.tw(key)
    }
    /// The inventory as nested dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "PageFeatures(url={:?}, open_graph={}, twitter={}, share_links={}, profiles={})",
            self.0.url,
            self.0.open_graph.len(),
            self.0.twitter.len(),
            self.0.share_links.len(),
            self.0.profiles.len()
        )
    }
}

crate::pickle::json_pickle!(PyPageFeatures => "PageFeatures", PySiteReport => "SiteReport");

/// The audit of one page.
#[pyclass(frozen, module = "smo._smo", name = "PageAudit")]
pub struct PyPageAudit {
    inner: audit::PageAudit,
    features: Py<PyPageFeatures>,
}

#[pymethods]
impl PyPageAudit {
    /// The page URL.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }
    /// The inventory.
    #[getter]
    fn features(&self, py: Python<'_>) -> Py<PyPageFeatures> {
        self.features.clone_ref(py)
    }
    /// Findings, sorted by severity, rule id and offset.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        findings(self.inner.findings.clone())
    }
    /// Category and overall scores.
    #[getter]
    fn scores(&self) -> PyScores {
        self.inner.scores.into()
    }
    /// The `<meta>`/`<link>` block to put in `<head>` (empty when nothing to fix).
    #[getter]
    fn fix_html(&self) -> &str {
        &self.inner.fix_html
    }
    /// Each rule's status: `pass`, `fail`, `not_applicable` or `disabled`.
    #[getter]
    fn outcomes(&self) -> BTreeMap<String, &'static str> {
        self.inner
            .outcomes
            .iter()
            .map(|o| (o.rule.clone(), o.status.as_str()))
            .collect()
    }
    /// The audit as nested dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// The audit as JSON.
    fn to_json(&self) -> PyResult2<String> {
        Ok(self.inner.to_json()?)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "PageAudit(url={:?}, findings={}, overall={:?})",
            self.inner.url,
            self.inner.findings.len(),
            self.inner.scores.overall
        )
    }
}

impl crate::pickle::Pickle for PyPageAudit {
    const KIND: &'static str = "PageAudit";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&self.inner)
    }
    fn from_state(py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        page_audit(py, crate::pickle::from_json(Self::KIND, state)?)
    }
}

fn page_audit(py: Python<'_>, inner: audit::PageAudit) -> PyResult<PyPageAudit> {
    let features = Py::new(py, PyPageFeatures(inner.features.clone()))?;
    Ok(PyPageAudit { inner, features })
}

/// Audits one page: `html` as served (`str` or `bytes`), `url` its address.
#[pyfunction]
#[pyo3(signature = (html, url, *, disabled=Vec::new(), severities=BTreeMap::new(), ratio_tolerance=0.10, allowed_hosts=Vec::new(), site_name=None, x_handle=None, limits=None))]
#[allow(clippy::too_many_arguments)]
pub fn audit_page(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: &str,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    ratio_tolerance: f64,
    allowed_hosts: Vec<String>,
    site_name: Option<String>,
    x_handle: Option<String>,
    limits: Option<BTreeMap<String, u64>>,
) -> PyResult<PyPageAudit> {
    let bytes = html_bytes(html)?;
    let opts = options(
        disabled,
        severities,
        ratio_tolerance,
        allowed_hosts,
        site_name,
        x_handle,
        limits,
    )
    .map_err(PyErr::from)?;
    let result = py.detach(|| audit::audit_page(&bytes, url, &opts));
    let inner = result.map_err(|e| PyErr::from(crate::errors::PyCoreError(e)))?;
    page_audit(py, inner)
}

/// The audit of a site.
#[pyclass(frozen, module = "smo._smo", name = "SiteReport")]
pub struct PySiteReport(pub audit::SiteReport);

#[pymethods]
impl PySiteReport {
    /// Pages in input order: url, scores, errors, warnings, notices, fix_html, complete.
    #[getter]
    fn pages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.pages)
    }
    /// Share of pages with each feature.
    #[getter]
    fn coverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.coverage)
    }
    /// Rules that failed somewhere, most pages first.
    #[getter]
    fn rule_hits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.rule_hits)
    }
    /// Handles seen per network.
    #[getter]
    fn handles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.handles)
    }
    /// Inconsistencies across pages.
    #[getter]
    fn inconsistencies(&self) -> Vec<PyFinding> {
        findings(self.0.inconsistencies.clone())
    }
    /// The strategy cross-check (empty without a strategy).
    #[getter]
    fn strategy_check(&self) -> Vec<PyFinding> {
        findings(self.0.strategy_check.clone())
    }
    /// Mean scores over the pages.
    #[getter]
    fn scores(&self) -> PyScores {
        self.0.scores.into()
    }
    /// Every finding as a flat dict (page findings, then site findings): rows for
    /// `pandas.DataFrame`.
    fn findings_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.findings_records())
    }
    /// The report as nested dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    fn __len__(&self) -> usize {
        self.0.pages.len()
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "SiteReport(pages={}, findings={}, overall={:?})",
            self.0.pages.len(),
            self.0.findings.len(),
            self.0.scores.overall
        )
    }
}

/// Audits many pages: `pages` is any iterable of `(url, html)`; the audit runs without the GIL
/// on `threads` workers (default: every core), one batch at a time.
#[pyfunction]
#[pyo3(signature = (pages, strategy=None, threads=None, *, disabled=Vec::new(), severities=BTreeMap::new(), ratio_tolerance=0.10, allowed_hosts=Vec::new(), limits=None))]
#[allow(clippy::too_many_arguments)]
pub fn audit_site(
    py: Python<'_>,
    pages: &Bound<'_, PyAny>,
    strategy: Option<PyRef<'_, PyStrategy>>,
    threads: Option<usize>,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    ratio_tolerance: f64,
    allowed_hosts: Vec<String>,
    limits: Option<BTreeMap<String, u64>>,
) -> PyResult<PySiteReport> {
    let page = options(
        disabled,
        severities,
        ratio_tolerance,
        allowed_hosts,
        None,
        None,
        limits,
    )
    .map_err(PyErr::from)?;
    let strategy = strategy.map(|s| s.0.clone());
    let site_options = SiteOptions { page, threads };
    let core = |e| PyErr::from(crate::errors::PyCoreError(e));
    let mut auditor = py
        .detach(|| SiteAuditor::new(strategy.as_ref(), &site_options))
        .map_err(core)?;
    let mut batch: Vec<(String, Vec<u8>)> = Vec::with_capacity(audit::site::BATCH);
    for item in pages.try_iter()? {
        let item = item?;
        let (url, html): (String, Bound<'_, PyAny>) = item.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err("pages must yield (url, html) pairs")
        })?;
        batch.push((url, html_bytes(&html)?));
        if batch.len() == audit::site::BATCH {
            let full = std::mem::take(&mut batch);
            py.detach(|| auditor.add_batch(full)).map_err(core)?;
        }
    }
    if !batch.is_empty() {
        py.detach(|| auditor.add_batch(batch)).map_err(core)?;
    }
    let report = py
        .detach(|| auditor.finish(strategy.as_ref()))
        .map_err(core)?;
    Ok(PySiteReport(report))
}

/// The example brand's site: (url, html) pairs.
#[pyfunction]
pub fn example_site() -> Vec<(&'static str, &'static str)> {
    audit::example::example_site()
}

/// Audits the pages of a crawl given as Arrow columns (`urls` text, `html` binary or text), in
/// parallel: an `smo.ArrowTable` with one row per page (scores, counts of findings by severity,
/// failed rule ids, the fix block and the findings as JSON). A page that cannot be audited keeps
/// its row, with the reason in `error`.
#[pyfunction]
#[pyo3(signature = (urls, html, *, disabled=Vec::new(), severities=BTreeMap::new(), ratio_tolerance=0.10, allowed_hosts=Vec::new(), site_name=None, x_handle=None, limits=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn audit_pages<'py>(
    py: Python<'py>,
    urls: pyo3_arrow::input::AnyArray,
    html: pyo3_arrow::input::AnyArray,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    ratio_tolerance: f64,
    allowed_hosts: Vec<String>,
    site_name: Option<String>,
    x_handle: Option<String>,
    limits: Option<BTreeMap<String, u64>>,
    threads: Option<usize>,
) -> PyResult<crate::arrow::PyArrowTable> {
    let opts = options(
        disabled,
        severities,
        ratio_tolerance,
        allowed_hosts,
        site_name,
        x_handle,
        limits,
    )
    .map_err(PyErr::from)?;
    let (urls, html) = (
        crate::arrow::chunks(py, urls)?,
        crate::arrow::chunks(py, html)?,
    );
    crate::arrow::same_chunks(&urls, &html, "html must have one page per URL")?;
    let pool = crate::arrow::pool(threads)?;
    let batches = py.detach(|| {
        crate::arrow::run(pool.as_deref(), || {
            urls.iter()
                .zip(&html)
                .map(|(u, h)| smo_core::arrow::audit_page_array(u.as_ref(), h.as_ref(), &opts))
                .collect::<Result<Vec<_>, _>>()
        })
    });
    let batches = batches.map_err(crate::errors::PyCoreError)?;
    Ok(crate::arrow::PyArrowTable::new(
        smo_core::arrow::audits_schema(),
        batches,
    ))
}
