//! Python surface of the content tags: `extract_tags` and `extract_tags_batch` (YAKE key
//! phrases of one text). The phrases and scores are smo-core's; this module adds the positions
//! in code points, so that `text[start:end]` is the phrase as written.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use smo_core::listening::Lang;
use smo_core::tags::{self, Tag};

use crate::errors::PyCoreError;
use crate::listening::BatchText;
use crate::text::text_of;

/// A key phrase of a text.
#[pyclass(frozen, get_all, eq, module = "smo._smo", name = "Tag")]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PyTag {
    /// The phrase as most often written, lower case.
    pub phrase: String,
    /// Its YAKE score: lower is better.
    pub score: f64,
    /// Where it is written, as (start, end) in code points (Python string indices).
    pub positions: Vec<(u64, u64)>,
    /// The same, in UTF-8 bytes.
    pub byte_positions: Vec<(u64, u64)>,
}

crate::pickle::fields_pickle!(PyTag => "Tag");

/// The tags of `text` with their positions also in code points: every byte offset is looked
/// up in one pass over the text, so many positions cost one walk, not one each.
fn with_chars(text: &str, tags: Vec<Tag>) -> Vec<PyTag> {
    let mut offsets: Vec<u64> = tags
        .iter()
        .flat_map(|t| t.positions.iter().flat_map(|p| [p.start, p.end]))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut chars = Vec::with_capacity(offsets.len());
    let mut at = offsets.iter().peekable();
    let ends = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    for (count, byte) in ends.enumerate() {
        while at.next_if(|&&o| o <= byte as u64).is_some() {
            chars.push(count as u64);
        }
    }
    let char_of = |b: u64| {
        offsets
            .binary_search(&b)
            .ok()
            .and_then(|i| chars.get(i).copied())
            .unwrap_or(0)
    };
    tags.into_iter()
        .map(|t| PyTag {
            positions: t
                .positions
                .iter()
                .map(|p| (char_of(p.start), char_of(p.end)))
                .collect(),
            byte_positions: t.positions.iter().map(|p| (p.start, p.end)).collect(),
            phrase: t.phrase,
            score: t.score,
        })
        .collect()
}

#[pymethods]
impl PyTag {
    /// The tag as a dict: phrase, score, positions and byte_positions (lists of [start, end]).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("phrase", &self.phrase)?;
        d.set_item("score", self.score)?;
        let pairs = |v: &[(u64, u64)]| v.iter().map(|&(s, e)| vec![s, e]).collect::<Vec<_>>();
        d.set_item("positions", pairs(&self.positions))?;
        d.set_item("byte_positions", pairs(&self.byte_positions))?;
        Ok(d)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Tag(phrase={:?}, score={:.6}, positions={:?})",
            self.phrase, self.score, self.positions
        )
    }
}

/// The `top` key phrases of `text`, best first (YAKE; see docs/tags.md), in `lang` (`"en"`,
/// `"fr"`) or in the language detected when None.
#[pyfunction]
#[pyo3(signature = (text, lang=None, top=10))]
pub fn extract_tags(
    text: &Bound<'_, PyString>,
    lang: Option<&str>,
    top: usize,
) -> PyResult<Vec<PyTag>> {
    let lang = Lang::parse_opt(lang).map_err(PyCoreError)?;
    let text = text_of(text)?;
    Ok(with_chars(&text, tags::extract_tags(&text, lang, top)))
}

/// `extract_tags` of each text, in order, without the GIL, on every core (or `threads` of
/// them).
#[pyfunction]
#[pyo3(signature = (texts, lang=None, top=10, *, threads=None))]
pub fn extract_tags_batch(
    py: Python<'_>,
    texts: Vec<Bound<'_, PyString>>,
    lang: Option<&str>,
    top: usize,
    threads: Option<usize>,
) -> PyResult<Vec<Vec<PyTag>>> {
    let lang = Lang::parse_opt(lang).map_err(PyCoreError)?;
    let owned = texts
        .into_iter()
        .map(BatchText::read)
        .collect::<PyResult<Vec<_>>>()?;
    let tagged = py
        .detach(|| -> smo_core::Result<Vec<Vec<PyTag>>> {
            let all = tags::extract_tags_batch_threads(&owned, lang, top, threads)?;
            Ok(all
                .into_iter()
                .zip(&owned)
                .map(|(t, text)| with_chars(text.as_ref(), t))
                .collect())
        })
        .map_err(PyCoreError)?;
    Ok(tagged)
}
