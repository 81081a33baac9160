//! Python surface of the post text engine: `parse_text`, `extract_entities`, `check_post`,
//! `split_thread`, `share_url`, their batch forms, and the limits and share-endpoint tables.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use smo_core::post::{CheckOptions, Media, MediaKind, Post};
use smo_core::share::{ShareRequest, share_url as core_share_url};
use smo_core::text::{self, CountOptions, Field, TextCount, XConfig, count_field, main_field};
use smo_core::thread::{ThreadOptions, ThreadPart, split_thread as core_split};
use smo_core::{ContentType, Error, Network};

use crate::convert::{network as parse_network, to_py};
use crate::errors::PyResult2;
use crate::strategy::{PyFinding, findings, rule_config};

/// Reads a Python `str`; lone surrogates (which `str` allows) become U+FFFD, one code point
/// each, so code-point offsets still index the caller's string.
pub(crate) fn text_of(s: &Bound<'_, PyString>) -> PyResult<String> {
    if let Ok(c) = s.to_cow() {
        return Ok(c.into_owned());
    }
    let encoded = s.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes: Vec<u8> = encoded.extract()?;
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    Ok(text::from_utf16_lossy(&units))
}

pub(crate) fn texts_of(list: &[Bound<'_, PyString>]) -> PyResult<Vec<String>> {
    list.iter().map(text_of).collect()
}

fn options(
    x_version: u32,
    mastodon_max_characters: Option<u64>,
    chars_unit: Option<&str>,
    content_warning: Option<String>,
) -> Result<CountOptions, Error> {
    Ok(CountOptions {
        x_config: XConfig::version(x_version)?,
        mastodon_max_characters,
        content_warning,
        chars_unit: chars_unit
            .map(str::parse)
            .transpose()?
            .unwrap_or(text::Unit::Utf16),
        ..CountOptions::default()
    })
}

/// The network, field and options of a count, read in that order (the first bad one is the
/// error).
fn count_setup(
    network: &str,
    field: Option<&str>,
    x_version: u32,
    mastodon_max_characters: Option<u64>,
    chars_unit: Option<&str>,
    content_warning: Option<String>,
) -> Result<(Network, Field, CountOptions), Error> {
    let n = parse_network(network)?;
    let opts = options(
        x_version,
        mastodon_max_characters,
        chars_unit,
        content_warning,
    )?;
    Ok((n, field_of(n, field)?, opts))
}

fn field_of(network: Network, field: Option<&str>) -> Result<Field, Error> {
    match field {
        Some(f) => f.parse(),
        None => main_field(network).ok_or_else(|| Error::Argument {
            name: "network".into(),
            message: format!("smo knows no text limit for {network}"),
        }),
    }
}

/// A text counted for a network, as that network counts it.
#[pyclass(frozen, get_all, module = "smo._smo", name = "TextCount")]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct PyTextCount {
    /// Network id.
    pub network: String,
    /// Field counted (`post`, `caption`, ...).
    pub field: String,
    /// Unit of the binding limit.
    pub unit: String,
    /// X: the weighted length; other networks: the length in their unit.
    pub weighted_length: u64,
    /// Length in the binding unit.
    pub length: u64,
    /// The binding limit.
    pub limit: u64,
    /// `limit - length`.
    pub remaining: i64,
    /// Whether every limit is met.
    pub valid: bool,
    /// Length per thousand of the limit.
    pub permillage: u64,
    /// Always 0.
    pub display_range_start: u64,
    /// UTF-16 index of the last unit (inclusive).
    pub display_range_end: u64,
    /// Always 0.
    pub valid_range_start: u64,
    /// UTF-16 index of the last unit that fits (inclusive).
    pub valid_range_end: u64,
    /// Code-point offset where the text first goes over, if it does.
    pub overflow: Option<u64>,
    /// UTF-16 offset of the overflow.
    pub overflow_utf16: Option<u64>,
    /// Byte offset of the overflow.
    pub overflow_byte: Option<u64>,
    /// Extended grapheme clusters.
    pub graphemes: u64,
    /// Code points.
    pub code_points: u64,
    /// UTF-16 code units.
    pub utf16: u64,
    /// UTF-8 bytes.
    pub bytes: u64,
}

crate::pickle::fields_pickle!(
    PyTextCount => "TextCount",
    PyEntity => "Entity",
    PyThreadPart => "ThreadPart",
);

impl From<TextCount> for PyTextCount {
    fn from(c: TextCount) -> Self {
        PyTextCount {
            network: c.network.as_str().into(),
            field: c.field.as_str().into(),
            unit: c.unit.as_str().into(),
            weighted_length: c.length,
            length: c.length,
            limit: c.limit,
            remaining: c.remaining,
            valid: c.valid,
            permillage: c.permillage,
            display_range_start: c.display_range_start,
            display_range_end: c.display_range_end,
            valid_range_start: c.valid_range_start,
            valid_range_end: c.valid_range_end,
            overflow: c.overflow.map(|o| o.code_point),
            overflow_utf16: c.overflow.map(|o| o.utf16),
            overflow_byte: c.overflow.map(|o| o.byte),
            graphemes: c.graphemes,
            code_points: c.code_points,
            utf16: c.utf16,
            bytes: c.bytes,
        }
    }
}

#[pymethods]
impl PyTextCount {
    /// The count as a flat dict (a record pandas takes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("network", &self.network)?;
        d.set_item("field", &self.field)?;
        d.set_item("unit", &self.unit)?;
        d.set_item("weighted_length", self.weighted_length)?;
        d.set_item("length", self.length)?;
        d.set_item("limit", self.limit)?;
        d.set_item("remaining", self.remaining)?;
        d.set_item("valid", self.valid)?;
        d.set_item("permillage", self.permillage)?;
        d.set_item("display_range_start", self.display_range_start)?;
        d.set_item("display_range_end", self.display_range_end)?;
        d.set_item("valid_range_start", self.valid_range_start)?;
        d.set_item("valid_range_end", self.valid_range_end)?;
        d.set_item("overflow", self.overflow)?;
        d.set_item("overflow_utf16", self.overflow_utf16)?;
        d.set_item("overflow_byte", self.overflow_byte)?;
        d.set_item("graphemes", self.graphemes)?;
        d.set_item("code_points", self.code_points)?;
        d.set_item("utf16", self.utf16)?;
        d.set_item("bytes", self.bytes)?;
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
            "TextCount(network={:?}, field={:?}, length={}, limit={}, unit={:?}, valid={})",
            self.network, self.field, self.length, self.limit, self.unit, self.valid
        )
    }
}

/// Counts a text as `network` counts it (X: twitter-text v3 weighted length).
#[pyfunction]
#[pyo3(signature = (text, network="x", *, field=None, x_version=3, mastodon_max_characters=None, chars_unit=None, content_warning=None))]
pub fn parse_text(
    text: &Bound<'_, PyString>,
    network: &str,
    field: Option<&str>,
    x_version: u32,
    mastodon_max_characters: Option<u64>,
    chars_unit: Option<&str>,
    content_warning: Option<String>,
) -> PyResult2<PyTextCount> {
    let t = text_of(text).map_err(|e| Error::Argument {
        name: "text".into(),
        message: e.to_string(),
    })?;
    let (n, f, opts) = count_setup(
        network,
        field,
        x_version,
        mastodon_max_characters,
        chars_unit,
        content_warning,
    )?;
    Ok(count_field(&t, n, f, &opts)?.into())
}

/// `parse_text` over a list of texts, or an Arrow column of them (the result is then an
/// `ArrowTable`), without the GIL, on every core (or `threads` of them).
#[pyfunction]
#[pyo3(signature = (texts, network="x", *, field=None, x_version=3, mastodon_max_characters=None, chars_unit=None, content_warning=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn parse_text_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    network: &str,
    field: Option<&str>,
    x_version: u32,
    mastodon_max_characters: Option<u64>,
    chars_unit: Option<&str>,
    content_warning: Option<String>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let (n, f, opts) = count_setup(
        network,
        field,
        x_version,
        mastodon_max_characters,
        chars_unit,
        content_warning,
    )
    .map_err(crate::errors::PyCoreError)?;
    if crate::arrow::is_arrow(texts)? {
        return crate::arrow::text_table(
            py,
            texts,
            threads,
            smo_core::arrow::text_counts_schema(),
            |c, _| smo_core::arrow::count_text_array(c, n, f, &opts),
        );
    }
    let owned = texts_of(&texts.extract::<Vec<Bound<'py, PyString>>>()?)?;
    let pool = crate::arrow::pool(threads)?;
    let counted = py
        .detach(|| {
            crate::arrow::run(pool.as_deref(), || {
                text::count_field_batch(&owned, n, f, &opts)
            })
        })
        .map_err(crate::errors::PyCoreError)?;
    let items: Vec<PyTextCount> = counted.into_iter().map(PyTextCount::from).collect();
    Ok(pyo3::types::PyList::new(py, items)?.into_any())
}

/// An entity found in a text.
#[pyclass(frozen, get_all, eq, module = "smo._smo", name = "Entity")]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PyEntity {
    /// `url`, `mention`, `list`, `hashtag` or `cashtag`.
    pub kind: String,
    /// The entity without its sigil (the URL as written).
    pub text: String,
    /// Start, in code points.
    pub start: u64,
    /// End (exclusive), in code points.
    pub end: u64,
    /// Start, in UTF-16 units.
    pub start_utf16: u64,
    /// End, in UTF-16 units.
    pub end_utf16: u64,
    /// Start, in UTF-8 bytes.
    pub start_byte: u64,
    /// End, in UTF-8 bytes.
    pub end_byte: u64,
}

impl From<text::Entity> for PyEntity {
    fn from(e: text::Entity) -> Self {
        PyEntity {
            kind: e.kind.as_str().into(),
            text: e.text,
            start: e.start,
            end: e.end,
            start_utf16: e.start_utf16,
            end_utf16: e.end_utf16,
            start_byte: e.start_byte,
            end_byte: e.end_byte,
        }
    }
}

#[pymethods]
impl PyEntity {
    /// The entity as a flat dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", &self.kind)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("start_utf16", self.start_utf16)?;
        d.set_item("end_utf16", self.end_utf16)?;
        d.set_item("start_byte", self.start_byte)?;
        d.set_item("end_byte", self.end_byte)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity(kind={:?}, text={:?}, start={}, end={})",
            self.kind, self.text, self.start, self.end
        )
    }
}

/// URLs, mentions, lists, hashtags and cashtags, in order (twitter-text rules).
#[pyfunction]
pub fn extract_entities(text: &Bound<'_, PyString>) -> PyResult<Vec<PyEntity>> {
    let t = text_of(text)?;
    Ok(text::extract_entities(&t)
        .into_iter()
        .map(PyEntity::from)
        .collect())
}

/// `extract_entities` over a list of texts, without the GIL, on every core (or `threads` of
/// them); over an Arrow column of texts, an `ArrowTable` of one row per entity.
#[pyfunction]
#[pyo3(signature = (texts, *, threads=None))]
pub fn extract_entities_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    if crate::arrow::is_arrow(texts)? {
        return crate::arrow::text_table(
            py,
            texts,
            threads,
            smo_core::arrow::entities_schema(),
            smo_core::arrow::entity_array,
        );
    }
    let owned = texts_of(&texts.extract::<Vec<Bound<'py, PyString>>>()?)?;
    let pool = crate::arrow::pool(threads)?;
    let found =
        py.detach(|| crate::arrow::run(pool.as_deref(), || text::extract_entities_batch(&owned)));
    let items: Vec<Vec<PyEntity>> = found
        .into_iter()
        .map(|v| v.into_iter().map(PyEntity::from).collect())
        .collect();
    Ok(items.into_pyobject(py)?.into_any())
}

fn media_of(d: &Bound<'_, PyDict>) -> PyResult2<Media> {
    let get = |k: &str| d.get_item(k).ok().flatten().filter(|v| !v.is_none());
    let bad = |k: &str| Error::Argument {
        name: format!("media.{k}"),
        message: "wrong type".into(),
    };
    let kind = match get("kind") {
        Some(v) => {
            let s: String = v.extract().map_err(|_| bad("kind"))?;
            Some(match s.as_str() {
                "image" => MediaKind::Image,
                "video" => MediaKind::Video,
                "gif" => MediaKind::Gif,
                other => {
                    return Err(Error::Argument {
                        name: "media.kind".into(),
                        message: format!("`{other}` is not a media kind: use image, video or gif"),
                    }
                    .into());
                }
            })
        }
        None => None,
    };
    let num = |k: &str| -> PyResult2<Option<u64>> {
        get(k)
            .map(|v| v.extract::<u64>().map_err(|_| bad(k).into()))
            .transpose()
    };
    Ok(Media {
        kind,
        size_bytes: num("size_bytes")?,
        width: num("width")?.map(|w| w.min(u32::MAX as u64) as u32),
        height: num("height")?.map(|h| h.min(u32::MAX as u64) as u32),
        duration_seconds: get("duration_seconds")
            .map(|v| v.extract::<f64>().map_err(|_| bad("duration_seconds")))
            .transpose()?,
        alt_text: get("alt_text")
            .map(|v| v.extract::<String>().map_err(|_| bad("alt_text")))
            .transpose()?,
    })
}

/// Checks a draft post for a network: length, caps, media, accessibility, API quirks.
///
/// `media` is a list of dicts with `kind` (`image`, `video`, `gif`), `size_bytes`, `width`,
/// `height`, `duration_seconds` and `alt_text`, all optional.
#[pyfunction]
#[pyo3(signature = (text, network="x", *, content_type=None, media=None, link=None, field=None, disabled=Vec::new(), severities=BTreeMap::new(), x_version=3, mastodon_max_characters=None, content_warning=None))]
#[allow(clippy::too_many_arguments)]
pub fn check_post(
    text: &Bound<'_, PyString>,
    network: &str,
    content_type: Option<&str>,
    media: Option<Vec<Bound<'_, PyDict>>>,
    link: Option<String>,
    field: Option<&str>,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
    x_version: u32,
    mastodon_max_characters: Option<u64>,
    content_warning: Option<String>,
) -> PyResult2<Vec<PyFinding>> {
    let t = text_of(text).map_err(|e| Error::Argument {
        name: "text".into(),
        message: e.to_string(),
    })?;
    let n = parse_network(network)?;
    let post = Post {
        text: t,
        content_type: content_type.map(str::parse::<ContentType>).transpose()?,
        media: media
            .unwrap_or_default()
            .iter()
            .map(media_of)
            .collect::<Result<_, _>>()?,
        link,
        content_warning,
    };
    let opts = CheckOptions {
        count: options(x_version, mastodon_max_characters, None, None)?,
        rules: rule_config(disabled, severities)?,
        field: field.map(str::parse).transpose()?,
    };
    Ok(findings(smo_core::post::check_post_with(&post, n, &opts)?))
}

/// One post of a thread.
#[pyclass(frozen, get_all, module = "smo._smo", name = "ThreadPart")]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct PyThreadPart {
    /// 1-based position.
    pub index: u32,
    /// Posts in the thread.
    pub total: u32,
    /// The slice of the input (the parts' `text` joined give back the input).
    pub text: String,
    /// What to publish (trimmed, numbered).
    pub post: String,
    /// Start of the slice, in code points.
    pub start: u64,
    /// End of the slice (exclusive), in code points.
    pub end: u64,
    /// Start, in UTF-16 units.
    pub start_utf16: u64,
    /// End, in UTF-16 units.
    pub end_utf16: u64,
    /// Start, in bytes.
    pub start_byte: u64,
    /// End, in bytes.
    pub end_byte: u64,
    /// Length of `post` in the network's unit.
    pub length: u64,
    /// The network's limit.
    pub limit: u64,
}

impl From<ThreadPart> for PyThreadPart {
    fn from(p: ThreadPart) -> Self {
        PyThreadPart {
            index: p.index,
            total: p.total,
            text: p.text,
            post: p.post,
            start: p.start.code_point,
            end: p.end.code_point,
            start_utf16: p.start.utf16,
            end_utf16: p.end.utf16,
            start_byte: p.start.byte,
            end_byte: p.end.byte,
            length: p.length,
            limit: p.limit,
        }
    }
}

#[pymethods]
impl PyThreadPart {
    /// The part as a flat dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("index", self.index)?;
        d.set_item("total", self.total)?;
        d.set_item("text", &self.text)?;
        d.set_item("post", &self.post)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("start_utf16", self.start_utf16)?;
        d.set_item("end_utf16", self.end_utf16)?;
        d.set_item("start_byte", self.start_byte)?;
        d.set_item("end_byte", self.end_byte)?;
        d.set_item("length", self.length)?;
        d.set_item("limit", self.limit)?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "ThreadPart(index={}, total={}, post={:?})",
            self.index, self.total, self.post
        )
    }
}

/// Splits a long text into a thread for X, Bluesky, Mastodon or Threads.
#[pyfunction]
#[pyo3(signature = (text, network="x", numbering=true, *, x_version=3, mastodon_max_characters=None, content_warning=None))]
pub fn split_thread(
    text: &Bound<'_, PyString>,
    network: &str,
    numbering: bool,
    x_version: u32,
    mastodon_max_characters: Option<u64>,
    content_warning: Option<String>,
) -> PyResult2<Vec<PyThreadPart>> {
    let t = text_of(text).map_err(|e| Error::Argument {
        name: "text".into(),
        message: e.to_string(),
    })?;
    let n = parse_network(network)?;
    let opts = ThreadOptions {
        numbering,
        count: options(x_version, mastodon_max_characters, None, content_warning)?,
    };
    Ok(core_split(&t, n, &opts)?
        .into_iter()
        .map(PyThreadPart::from)
        .collect())
}

/// The share link of a network (or `email`), every parameter percent-encoded.
#[pyfunction]
#[pyo3(signature = (network, *, url=None, text=None, title=None, hashtags=Vec::new(), via=None, media=None, instance=None))]
#[allow(clippy::too_many_arguments)]
pub fn share_url(
    network: &str,
    url: Option<String>,
    text: Option<String>,
    title: Option<String>,
    hashtags: Vec<String>,
    via: Option<String>,
    media: Option<String>,
    instance: Option<String>,
) -> PyResult2<String> {
    Ok(core_share_url(
        network,
        &ShareRequest {
            url,
            text,
            title,
            hashtags,
            via,
            media,
            instance,
        },
    )?)
}

/// The share endpoints smo knows, current and deprecated, one dict per row.
#[pyfunction]
pub fn share_endpoints<'py>(py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    smo_core::share::ENDPOINTS
        .iter()
        .map(|e| {
            let v = to_py(py, e)?;
            if let Ok(d) = v.cast::<PyDict>() {
                d.set_item("url_prefix", e.url_prefix())?;
            }
            Ok(v)
        })
        .collect()
}

/// The limits table: one dict per network × field row, with unit, confidence, source, as_of.
#[pyfunction]
pub fn text_limits<'py>(py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    text::LIMITS.iter().map(|l| to_py(py, l)).collect()
}

/// Escapes the characters LinkedIn's API reserves (for its `commentary` field).
#[pyfunction]
pub fn escape_linkedin(text: &str) -> String {
    text::escape_linkedin(text)
}

/// Whether `url` is one valid URL (`http`/`https` required unless `require_protocol=False`).
#[pyfunction]
#[pyo3(signature = (url, require_protocol=true))]
pub fn is_valid_url(url: &str, require_protocol: bool) -> bool {
    text::is_valid_url(url, require_protocol)
}

/// The screen name a text replies to (a mention at its very start), if any.
#[pyfunction]
pub fn extract_reply(text: &Bound<'_, PyString>) -> PyResult<Option<String>> {
    Ok(text::extract_reply(&text_of(text)?))
}

/// Wraps hits (`(start, end)` code-point offsets into the text without markup) in `<tag>`.
#[pyfunction]
#[pyo3(signature = (text, hits, tag="em"))]
pub fn highlight_hits(text: &str, hits: Vec<(usize, usize)>, tag: &str) -> String {
    text::highlight_hits(text, &hits, tag)
}
