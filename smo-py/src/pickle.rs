//! Pickling, for the workers of Spark, Dask, Ray and `multiprocessing`: every class's
//! `__reduce__` is `(smo._smo._unpickle, (kind, state))`, `kind` the class name and `state` the
//! object's serde JSON as bytes, which [`_unpickle`] reads back into the same class.
//!
//! The state is what identifies the object, never a table smo ships: a rule or a network is its
//! id (looked up again in the registry), a query its text (parsed again), a referrer database
//! the user's files (merged again over the embedded table), a sentiment its text and language
//! (scored again with the lexicon of the process that reads it), a report the inputs it was
//! made of (built again). Everything else is its smo-core value's JSON.
//!
//! `ArrowTable` keeps its own reduction, through pyarrow's format.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A class that pickles through [`_unpickle`].
pub(crate) trait Pickle: pyo3::PyClass + Into<PyClassInitializer<Self>> {
    /// The class name, the `kind` of its pickles.
    const KIND: &'static str;
    /// The state: JSON bytes.
    fn state(&self) -> PyResult<Vec<u8>>;
    /// The object again, from its state.
    fn from_state(py: Python<'_>, state: &[u8]) -> PyResult<Self>;
}

/// The JSON bytes of a value.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> PyResult<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| PyValueError::new_err(format!("cannot pickle: {e}")))
}

/// A value read from the JSON bytes of a `kind`'s state.
pub(crate) fn from_json<T: DeserializeOwned>(kind: &str, state: &[u8]) -> PyResult<T> {
    serde_json::from_slice(state).map_err(|e| {
        PyValueError::new_err(format!(
            "cannot unpickle a smo.{kind}: {e} (was it pickled by another version of smo?)"
        ))
    })
}

/// `(smo._smo._unpickle, (kind, state))`: what `__reduce__` returns.
pub(crate) fn reduce<'py, T: Pickle>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyTuple>> {
    static UNPICKLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let f = UNPICKLE.get_or_try_init(py, || {
        py.import("smo._smo")?
            .getattr("_unpickle")
            .map(Bound::unbind)
    })?;
    let args = PyTuple::new(
        py,
        [
            PyString::new(py, T::KIND).into_any(),
            PyBytes::new(py, &value.state()?).into_any(),
        ],
    )?;
    PyTuple::new(py, [f.bind(py).clone(), args.into_any()])
}

/// A newtype over a smo-core value pickles as that value's JSON.
macro_rules! json_pickle {
    ($($py:ty => $kind:literal),* $(,)?) => {
        $(
            impl $crate::pickle::Pickle for $py {
                const KIND: &'static str = $kind;
                fn state(&self) -> ::pyo3::PyResult<Vec<u8>> {
                    $crate::pickle::to_json(&self.0)
                }
                fn from_state(_py: ::pyo3::Python<'_>, state: &[u8]) -> ::pyo3::PyResult<Self> {
                    Ok(Self($crate::pickle::from_json($kind, state)?))
                }
            }
        )*
    };
}
pub(crate) use json_pickle;

/// A class of the bindings' own, whose fields are its attributes, pickles as its fields' JSON.
macro_rules! fields_pickle {
    ($($py:ty => $kind:literal),* $(,)?) => {
        $(
            impl $crate::pickle::Pickle for $py {
                const KIND: &'static str = $kind;
                fn state(&self) -> ::pyo3::PyResult<Vec<u8>> {
                    $crate::pickle::to_json(self)
                }
                fn from_state(_py: ::pyo3::Python<'_>, state: &[u8]) -> ::pyo3::PyResult<Self> {
                    $crate::pickle::from_json($kind, state)
                }
            }
        )*
    };
}
pub(crate) use fields_pickle;

/// Rebuilds a pickled smo object (`kind` its class name, `state` its JSON): the other end of
/// every class's `__reduce__`.
#[pyfunction]
pub fn _unpickle(py: Python<'_>, kind: &str, state: &[u8]) -> PyResult<Py<PyAny>> {
    fn build<T: Pickle>(py: Python<'_>, state: &[u8]) -> PyResult<Py<PyAny>> {
        Ok(Bound::new(py, T::from_state(py, state)?)?
            .into_any()
            .unbind())
    }
    macro_rules! dispatch {
        ($($t:ty),* $(,)?) => {
            $(
                if kind == <$t as Pickle>::KIND {
                    return build::<$t>(py, state);
                }
            )*
        };
    }
    use crate::{
        advice, audit, calendar, feed, listening, measure, partners, query, referers, strategy,
        tags, text, watch,
    };
    dispatch!(
        advice::PyAdvice,
        advice::PyRecommendation,
        audit::PyScores,
        audit::PyPageFeatures,
        audit::PyPageAudit,
        audit::PySiteReport,
        calendar::PyEvent,
        calendar::PySlot,
        calendar::PyPlan,
        feed::PyFeed,
        feed::PyUnshared,
        listening::PySentiment,
        measure::PyRejected,
        measure::PyLoadResult,
        measure::PyDataset,
        measure::PyKpiValue,
        measure::PyGrouped,
        measure::PyCsvGrouped,
        measure::PyReferrer,
        measure::PyReport,
        partners::PyPartnersReport,
        query::PyMention,
        query::PyQuery,
        referers::PyRefererDatabase,
        strategy::PyFinding,
        strategy::PyStrategy,
        strategy::PyRule,
        strategy::PyNetworkInfo,
        strategy::PyHandleCheck,
        tags::PyTag,
        text::PyTextCount,
        text::PyEntity,
        text::PyThreadPart,
        watch::PyShareOfVoice,
        watch::PyInfluencers,
        watch::PyThemes,
        watch::PyAlerts,
        watch::PyBenchmark,
        watch::PyWatchBrief,
    );
    Err(PyValueError::new_err(format!(
        "cannot unpickle a smo.{kind}: no such class in this version of smo"
    )))
}
