//! Python surface of listening: `sentiment` and `sentiment_batch` (traced English and French
//! sentiment). The score and its trace are smo-core's; the trace becomes Python objects only
//! when it is read.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};
use smo_core::Error;
use smo_core::listening::{self, Lang, Sentiment, SentimentScores};

use crate::convert::to_py;
use crate::errors::{PyCoreError, PyResult2};
use crate::text::text_of;

/// The sentiment of a text: compound score, token shares, label, language and trace.
///
/// A batch keeps the scores and the text; the trace is recomputed by the core when it is read
/// (the same function on the same text: the same trace), so a batch pays for traces only when
/// they are used. A pickle carries the text and the language asked for, and is scored again,
/// with the lexicon of the process that reads it.
#[pyclass(frozen, module = "smo._smo", name = "Sentiment")]
pub struct PySentiment {
    scores: SentimentScores,
    text: BatchText,
    lang: Option<Lang>,
    /// The whole score, when it was computed with the object.
    full: Option<Box<Sentiment>>,
}

/// What a sentiment pickles as: what it was computed from.
#[derive(serde::Serialize, serde::Deserialize)]
struct SentimentState<'a> {
    text: std::borrow::Cow<'a, str>,
    lang: Option<Lang>,
}

impl crate::pickle::Pickle for PySentiment {
    const KIND: &'static str = "Sentiment";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&SentimentState {
            text: self.text.as_ref().into(),
            lang: self.lang,
        })
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let s: SentimentState<'static> = crate::pickle::from_json(Self::KIND, state)?;
        let text = s.text.into_owned();
        let full = listening::sentiment(&text, s.lang);
        Ok(PySentiment::full(full, BatchText::Owned(text), s.lang))
    }
}

/// A text of a batch: the caller's `str` itself, read in place through its UTF-8 form (which
/// Python computes once and keeps with the string; for an ASCII string it is the string's own
/// buffer), so a batch copies no text; or, for a `str` with lone surrogates (no UTF-8 form),
/// the repaired copy `text_of` makes.
pub(crate) enum BatchText {
    Py(PyBackedStr),
    Owned(String),
}

impl BatchText {
    pub(crate) fn read(s: Bound<'_, PyString>) -> PyResult<Self> {
        match PyBackedStr::try_from(s.clone()) {
            Ok(b) => Ok(BatchText::Py(b)),
            Err(_) => Ok(BatchText::Owned(text_of(&s)?)),
        }
    }
}

impl AsRef<str> for BatchText {
    fn as_ref(&self) -> &str {
        match self {
            BatchText::Py(b) => b,
            BatchText::Owned(s) => s,
        }
    }
}

impl PySentiment {
    fn full(s: Sentiment, text: BatchText, lang: Option<Lang>) -> Self {
        PySentiment {
            scores: SentimentScores {
                compound: s.compound,
                positive: s.positive,
                negative: s.negative,
                neutral: s.neutral,
                label: s.label,
                lang: s.lang,
            },
            text,
            lang,
            full: Some(Box::new(s)),
        }
    }

    fn with_trace<T>(&self, f: impl FnOnce(&Sentiment) -> T) -> T {
        match &self.full {
            Some(s) => f(s),
            None => f(&listening::sentiment(self.text.as_ref(), self.lang)),
        }
    }
}

#[pymethods]
impl PySentiment {
    /// Normalised score in [-1, 1].
    #[getter]
    fn compound(&self) -> f64 {
        self.scores.compound
    }

    /// Share of positive weight among the tokens.
    #[getter]
    fn positive(&self) -> f64 {
        self.scores.positive
    }

    /// Share of negative weight among the tokens.
    #[getter]
    fn negative(&self) -> f64 {
        self.scores.negative
    }

    /// Share of neutral tokens.
    #[getter]
    fn neutral(&self) -> f64 {
        self.scores.neutral
    }

    /// `positive` (compound >= 0.05), `negative` (<= -0.05) or `neutral`.
    #[getter]
    fn label(&self) -> &'static str {
        self.scores.label.as_str()
    }

    /// `en` or `fr`.
    #[getter]
    fn lang(&self) -> &'static str {
        self.scores.lang.as_str()
    }

    /// The reasons, as a dict: lexicon version, entries with their effects, sum, punctuation,
    /// total and alpha (see docs/listening.md).
    #[getter]
    fn trace<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.with_trace(|s| to_py(py, &s.trace))
    }

    /// The whole score as a dict (the trace nested).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.with_trace(|s| to_py(py, s))
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "Sentiment(compound={:.4}, label={:?}, lang={:?}, positive={:.3}, negative={:.3}, neutral={:.3})",
            self.scores.compound,
            self.scores.label.as_str(),
            self.scores.lang.as_str(),
            self.scores.positive,
            self.scores.negative,
            self.scores.neutral
        )
    }
}

fn text_arg(text: &Bound<'_, PyString>) -> Result<String, Error> {
    text_of(text).map_err(|e| Error::Argument {
        name: "text".into(),
        message: e.to_string(),
    })
}

/// The sentiment of `text` in `lang` (`"en"`, `"fr"`), or in the language detected when None.
#[pyfunction]
#[pyo3(signature = (text, lang=None))]
pub fn sentiment(text: &Bound<'_, PyString>, lang: Option<&str>) -> PyResult2<PySentiment> {
    let lang = Lang::parse_opt(lang)?;
    let text = text_arg(text)?;
    let s = listening::sentiment(&text, lang);
    Ok(PySentiment::full(s, BatchText::Owned(text), lang))
}

/// Texts per chunk of a pipelined batch: enough that each chunk keeps both cores busy, few
/// enough that the first objects are built while the rest is still being scored.
const CHUNK: usize = 2048;

/// `sentiment` of each text, in order, without the GIL, on every core (or `threads` of them);
/// each trace is computed when it is first read. Over an Arrow column of texts, an
/// `ArrowTable` of the scores, row for row.
///
/// On every core, scoring and building the result objects overlap: a thread scores the next
/// chunk on the pool while this one, holding the GIL, turns the scored chunk into `Sentiment`
/// objects — the one part Python needs done serially.
#[pyfunction]
#[pyo3(signature = (texts, lang=None, *, threads=None))]
pub fn sentiment_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    lang: Option<&str>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = Lang::parse_opt(lang).map_err(PyCoreError)?;
    if crate::arrow::is_arrow(texts)? {
        return crate::arrow::text_table(
            py,
            texts,
            threads,
            smo_core::arrow::sentiments_schema(),
            |c, _| smo_core::arrow::sentiment_array(c, lang),
        );
    }
    let owned = texts
        .extract::<Vec<Bound<'py, PyString>>>()?
        .into_iter()
        .map(BatchText::read)
        .collect::<PyResult<Vec<_>>>()?;
    let object = |scores, text| PySentiment {
        scores,
        text,
        lang,
        full: None,
    };
    if threads.is_some() || owned.len() <= CHUNK {
        let scored = py
            .detach(|| listening::sentiment_scores_batch(&owned, lang, threads))
            .map_err(PyCoreError)?;
        let items: Vec<PySentiment> = scored
            .into_iter()
            .zip(owned)
            .map(|(s, t)| object(s, t))
            .collect();
        return Ok(PyList::new(py, items)?.into_any());
    }
    let mut chunks: Vec<Vec<BatchText>> = Vec::with_capacity(owned.len() / CHUNK + 1);
    let mut rest = owned.into_iter();
    loop {
        let c: Vec<BatchText> = rest.by_ref().take(CHUNK).collect();
        if c.is_empty() {
            break;
        }
        chunks.push(c);
    }
    let n = chunks.len();
    let (tx, rx) = std::sync::mpsc::sync_channel(2);
    std::thread::scope(move |s| {
        s.spawn(move || {
            for c in chunks {
                let scored = listening::sentiment_scores_batch(&c, lang, None);
                // The receiver is gone only when the caller stopped on an error.
                if tx.send((scored, c)).is_err() {
                    return;
                }
            }
        });
        let list = PyList::empty(py);
        let mut rx = rx;
        for _ in 0..n {
            let (got, back) = py.detach(move || {
                let got = rx.recv();
                (got, rx)
            });
            rx = back;
            // The scorer stops early only if it panicked: never hand back a short list.
            let (scored, c) = got.map_err(|_| {
                pyo3::exceptions::PyRuntimeError::new_err("the scoring thread stopped")
            })?;
            for (scores, text) in scored.map_err(PyCoreError)?.into_iter().zip(c) {
                list.append(Bound::new(py, object(scores, text))?)?;
            }
        }
        Ok(list.into_any())
    })
}
