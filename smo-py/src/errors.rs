//! The Python exception tree: every smo error is a `smo.SmoError` (itself a `ValueError`), with
//! one subclass per kind of core error. Messages are the core's `Display` text, unchanged; parse
//! errors also carry `line`, `column` and `path` attributes.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use smo_core::Error;

create_exception!(
    smo,
    SmoError,
    PyValueError,
    "Base class of every smo error."
);
create_exception!(
    smo,
    ParseError,
    SmoError,
    "A document could not be read (syntax, types, missing fields)."
);
create_exception!(
    smo,
    InvalidValueError,
    SmoError,
    "A value was read but breaks a rule of the model."
);
create_exception!(
    smo,
    UnknownNetworkError,
    SmoError,
    "A network id smo does not know."
);
create_exception!(
    smo,
    UnknownRuleError,
    SmoError,
    "A rule id that no registry lists."
);
create_exception!(
    smo,
    InvalidArgumentError,
    SmoError,
    "An argument outside its domain."
);
create_exception!(
    smo,
    WriteError,
    SmoError,
    "A model could not be written out."
);

create_exception!(
    smo,
    DataRowError,
    SmoError,
    "A data row was rejected by a loader in strict mode."
);

/// A core error on its way to Python (the orphan rule forbids `From<Error> for PyErr`).
pub struct PyCoreError(pub Error);

impl From<Error> for PyCoreError {
    fn from(e: Error) -> Self {
        Self(e)
    }
}

impl From<PyCoreError> for PyErr {
    fn from(err: PyCoreError) -> PyErr {
        let msg = err.0.to_string();
        match err.0 {
            Error::Parse {
                position, format, ..
            } => {
                let e = ParseError::new_err(msg);
                Python::attach(|py| {
                    let v = e.value(py);
                    // Attribute assignment on a fresh exception instance cannot fail in practice;
                    // if it ever did, the message still says where.
                    let _ = v.setattr("line", position.line);
                    let _ = v.setattr("column", position.column);
                    let _ = v.setattr("path", position.path);
                    let _ = v.setattr("format", format.to_string());
                });
                e
            }
            Error::Invalid { path, .. } => {
                let e = InvalidValueError::new_err(msg);
                Python::attach(|py| {
                    let _ = e.value(py).setattr("path", path);
                });
                e
            }
            Error::UnknownNetwork { .. } => UnknownNetworkError::new_err(msg),
            Error::UnknownRule { .. } => UnknownRuleError::new_err(msg),
            Error::Argument { .. } => InvalidArgumentError::new_err(msg),
            Error::Write { .. } => WriteError::new_err(msg),
            Error::Row {
                table, line, field, ..
            } => {
                let e = DataRowError::new_err(msg);
                Python::attach(|py| {
                    let v = e.value(py);
                    let _ = v.setattr("table", table);
                    let _ = v.setattr("line", line);
                    let _ = v.setattr("field", field);
                });
                e
            }
            Error::Query {
                offset,
                column,
                token,
                ..
            } => {
                let e = ParseError::new_err(msg);
                Python::attach(|py| {
                    let v = e.value(py);
                    let _ = v.setattr("line", 1);
                    let _ = v.setattr("column", column);
                    let _ = v.setattr("path", None::<String>);
                    let _ = v.setattr("format", "query");
                    let _ = v.setattr("offset", offset);
                    let _ = v.setattr("token", token);
                });
                e
            }
            _ => SmoError::new_err(msg),
        }
    }
}

/// `Result` for binding functions.
pub type PyResult2<T> = Result<T, PyCoreError>;
