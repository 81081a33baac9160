//! Python surface of listening: `Mention`, `Query` and `search()`. Conversion only: parsing,
//! matching, explanations and exports are smo-core's.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use smo_core::listening::{Author, Engagement, Mention, Query};

use crate::convert::{arg, instant, json_to_py, to_py};
use crate::errors::{PyCoreError, PyResult2};

/// One mention of a listening export.
#[pyclass(frozen, eq, module = "smo._smo", name = "Mention")]
#[derive(Clone, PartialEq)]
pub struct PyMention(pub Mention);

#[pymethods]
impl PyMention {
    /// A mention; counts not given are unknown, not zero.
    #[new]
    #[pyo3(signature = (id, text, published, *, network=None, author="", author_name=None, followers=None, lang=None, url=None, parent=None, likes=None, reposts=None, replies=None, quotes=None, views=None, reach=None, brand=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: String,
        text: String,
        published: &Bound<'_, PyAny>,
        network: Option<&str>,
        author: &str,
        author_name: Option<String>,
        followers: Option<u64>,
        lang: Option<String>,
        url: Option<String>,
        parent: Option<String>,
        likes: Option<u64>,
        reposts: Option<u64>,
        replies: Option<u64>,
        quotes: Option<u64>,
        views: Option<u64>,
        reach: Option<u64>,
        brand: Option<String>,
    ) -> PyResult2<Self> {
        Ok(Self(Mention {
            id,
            network: network.map(str::parse).transpose()?,
            author: Author {
                handle: author.trim_start_matches('@').to_owned(),
                name: author_name,
                followers,
            },
            published: instant(published, "published")?,
            lang,
            text,
            url,
            parent,
            engagement: Engagement {
                likes,
                reposts,
                replies,
                quotes,
                views,
                reach,
            },
            brand,
        }))
    }
    /// The export's id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// The text.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// The mention as nested dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "Mention({:?}, {:?})",
            self.0.id,
            self.0.text.chars().take(40).collect::<String>()
        )
    }
}

pub(crate) fn mention(obj: &Bound<'_, PyAny>) -> PyResult<Mention> {
    if let Ok(m) = obj.cast::<PyMention>() {
        return Ok(m.get().0.clone());
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let get = |k: &str| d.get_item(k).ok().flatten().filter(|v| !v.is_none());
        let s = |k: &str| -> PyResult<Option<String>> {
            get(k).map(|v| v.extract::<String>()).transpose()
        };
        let n =
            |k: &str| -> PyResult<Option<u64>> { get(k).map(|v| v.extract::<u64>()).transpose() };
        let published = get("published")
            .ok_or_else(|| PyErr::from(arg("published", "a mention needs `published`")))?;
        return Ok(PyMention::new(
            s("id")?.unwrap_or_default(),
            s("text")?.unwrap_or_default(),
            &published,
            s("network")?.as_deref(),
            &s("author")?.unwrap_or_default(),
            s("author_name")?,
            n("followers")?,
            s("lang")?,
            s("url")?,
            s("parent")?,
            n("likes")?,
            n("reposts")?,
            n("replies")?,
            n("quotes")?,
            n("views")?,
            n("reach")?,
            s("brand")?,
        )?
        .0);
    }
    Err(arg(
        "mention",
        "expected a smo.Mention or a dict with id, text, published, …",
    )
    .into())
}

crate::pickle::json_pickle!(PyMention => "Mention");

/// A query pickles as its text, parsed again where it is read.
impl crate::pickle::Pickle for PyQuery {
    const KIND: &'static str = "Query";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&self.0.text)
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let text: String = crate::pickle::from_json(Self::KIND, state)?;
        Ok(Self(Query::parse(&text).map_err(PyCoreError)?))
    }
}

/// A monitoring query in smo's Boolean dialect.
#[pyclass(frozen, module = "smo._smo", name = "Query")]
pub struct PyQuery(pub Query);

#[pymethods]
impl PyQuery {
    /// Parses a query; a `smo.ParseError` says the column, byte offset and token.
    #[new]
    fn new(text: &str) -> PyResult2<Self> {
        Ok(Self(Query::parse(text)?))
    }
    /// The query as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// Warnings (`offset`, `message`) about what will surprise.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.warnings)
    }
    /// Whether the query matches the mention (a `smo.Mention` or a dict).
    fn matches(&self, mention: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.matches(&self::mention(mention)?))
    }
    /// Which terms matched where: `matched` and, per clause, its hits (token, byte span) and
    /// detail (NEAR distances, field values).
    fn explain<'py>(
        &self,
        py: Python<'py>,
        mention: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.explain(&self::mention(mention)?))
    }
    /// The query as an SQLite FTS5 MATCH expression (a `smo.ParseError` names what FTS5
    /// cannot express).
    fn to_fts5(&self) -> PyResult2<String> {
        Ok(self.0.to_fts5()?)
    }
    /// The query as Elasticsearch / OpenSearch query DSL.
    fn to_elasticsearch<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0.to_elasticsearch())
    }
    /// The query's tree, as dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!("Query({:?})", self.0.text)
    }
}

/// Runs every query over the mentions (indexed once, on all cores, without the GIL): one list
/// of matching mention ids per query, in mention order.
#[pyfunction]
pub fn search(
    py: Python<'_>,
    queries: Vec<Bound<'_, PyAny>>,
    mentions: Vec<Bound<'_, PyAny>>,
) -> PyResult<Vec<Vec<String>>> {
    let qs: Vec<Query> = queries
        .iter()
        .map(|q| match q.cast::<PyQuery>() {
            Ok(q) => Ok(q.get().0.clone()),
            Err(_) => {
                let text: String = q.extract().map_err(|_| {
                    PyErr::from(arg(
                        "queries",
                        "expected smo.Query objects or query strings",
                    ))
                })?;
                Ok(Query::parse(&text).map_err(PyCoreError)?)
            }
        })
        .collect::<PyResult<_>>()?;
    // smo.Mention objects are read in place (they are frozen); dicts are converted.
    let mut owned: Vec<Mention> = Vec::new();
    let mut held: Vec<Option<Bound<'_, PyMention>>> = Vec::with_capacity(mentions.len());
    for m in &mentions {
        match m.cast::<PyMention>() {
            Ok(b) => held.push(Some(b.clone())),
            Err(_) => {
                owned.push(mention(m)?);
                held.push(None);
            }
        }
    }
    let mut converted = owned.iter();
    let refs: Vec<&Mention> = held
        .iter()
        .filter_map(|h| match h {
            Some(b) => Some(&b.get().0),
            None => converted.next(),
        })
        .collect();
    let hits = py.detach(|| smo_core::listening::search_all(&qs, &refs));
    Ok(hits
        .into_iter()
        .map(|h| h.into_iter().map(|i| refs[i].id.clone()).collect())
        .collect())
}
