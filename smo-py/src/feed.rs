//! Python surface of feeds: `parse_feed()` and `unshared_content()`. Conversion only: parsing,
//! link normalisation, formats, UTM links and post checks are smo-core's.

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use smo_core::feed::push::{PushOptions, Unshared, unshared_content as core_unshared};
use smo_core::feed::{Feed, parse_feed as core_parse};

use crate::convert::{arg, instant, to_py};
use crate::errors::{PyCoreError, PyResult2};
use crate::strategy::PyStrategy;

/// A feed (RSS, Atom or JSON Feed) in smo's model.
#[pyclass(frozen, module = "smo._smo", name = "Feed")]
pub struct PyFeed(pub Feed);

#[pymethods]
impl PyFeed {
    /// `rss`, `atom` or `json`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// The feed's title.
    #[getter]
    fn title(&self) -> Option<String> {
        self.0.title.clone()
    }
    /// The site the feed is about.
    #[getter]
    fn link(&self) -> Option<String> {
        self.0.link.clone()
    }
    /// The items, as dicts (`id`, `title`, `link`, `published`, `updated`, `summary`, `image`,
    /// `video`, `categories`).
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.items)
    }
    /// The whole feed as dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    fn __len__(&self) -> usize {
        self.0.items.len()
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "Feed(kind={:?}, items={})",
            self.0.kind.as_str(),
            self.0.items.len()
        )
    }
}

crate::pickle::json_pickle!(PyFeed => "Feed", PyUnshared => "UnsharedItem");

/// A recent item not yet shared on every publishing channel, with its drafts.
#[pyclass(frozen, module = "smo._smo", name = "UnsharedItem")]
pub struct PyUnshared(pub Unshared);

#[pymethods]
impl PyUnshared {
    /// The feed item, as a dict.
    #[getter]
    fn item<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.item)
    }
    /// Days since it was published.
    #[getter]
    fn age_days(&self) -> i64 {
        self.0.age_days
    }
    /// Networks where a post already links to it.
    #[getter]
    fn shared_on(&self) -> Vec<&'static str> {
        self.0.shared_on.iter().map(|n| n.as_str()).collect()
    }
    /// Drafts (`network`, `handle`, `format`, `text`, `url`, `share_url`, `media`, `findings`).
    #[getter]
    fn drafts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.drafts)
    }
    /// Everything as dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "UnsharedItem(link={:?}, drafts={})",
            self.0.item.link.as_deref().unwrap_or(""),
            self.0.drafts.len()
        )
    }
}

/// Reads an RSS, Atom or JSON feed (`str` or `bytes`); a `smo.ParseError` gives the line and
/// column where it breaks.
#[pyfunction]
pub fn parse_feed(source: &Bound<'_, PyAny>) -> PyResult<PyFeed> {
    let feed = if let Ok(b) = source.cast::<PyBytes>() {
        core_parse(b.as_bytes())
    } else {
        let text: String = source
            .extract()
            .map_err(|_| PyErr::from(arg("source", "expected the feed as str or bytes")))?;
        core_parse(text.as_bytes())
    };
    Ok(PyFeed(feed.map_err(PyCoreError)?))
}

/// The feed's recent items (published in the `max_age_days` before `now`) not yet shared on every
/// publishing channel of the strategy, according to the posts' `link` column (UTM tags and click
/// ids ignored), with drafts per channel and format.
#[pyfunction]
#[pyo3(signature = (feed, posts, strategy, *, now, max_age_days=30, campaign="feed"))]
pub fn unshared_content(
    py: Python<'_>,
    feed: &Bound<'_, PyFeed>,
    posts: &Bound<'_, PyAny>,
    strategy: &Bound<'_, PyStrategy>,
    now: &Bound<'_, PyAny>,
    max_age_days: u32,
    campaign: &str,
) -> PyResult<Vec<PyUnshared>> {
    let rows = crate::measure::dataset(posts)?.posts;
    let opts = PushOptions {
        now: instant(now, "now")?,
        max_age_days,
        campaign: campaign.to_owned(),
    };
    let (f, s) = (&feed.get().0, &strategy.get().0);
    let out: PyResult2<Vec<Unshared>> = py.detach(|| Ok(core_unshared(f, &rows, s, &opts)?));
    Ok(out?.into_iter().map(PyUnshared).collect())
}
