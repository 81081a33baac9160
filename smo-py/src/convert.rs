//! Conversions between Python objects and core values. No decisions here: parsing of ids and
//! dates is the core's.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use smo_core::{Error, Network};

/// Converts a JSON value (from a core type's serde form) into Python objects.
pub fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Serialises a core value and converts it to Python objects (for `to_dict()`).
pub fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let v =
        serde_json::to_value(value).map_err(|e| crate::errors::SmoError::new_err(e.to_string()))?;
    json_to_py(py, &v)
}

/// Parses a network id.
pub fn network(id: &str) -> Result<Network, Error> {
    id.parse()
}

/// Reads a date given as `datetime.date`, `datetime.datetime` or an ISO `YYYY-MM-DD` string.
pub fn date(value: &Bound<'_, PyAny>) -> Result<smo_core::strategy::NaiveDate, Error> {
    let text: String = if let Ok(s) = value.extract::<String>() {
        s
    } else {
        value
            .call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
            .map_err(|_| Error::Argument {
                name: "today".into(),
                message: "expected a datetime.date or a YYYY-MM-DD string".into(),
            })?
    };
    // `datetime.datetime.isoformat()` carries a time after the date.
    smo_core::strategy::parse_date(text.get(..10).unwrap_or(&text))
}

/// An argument error of the core's kind, raised as `smo.InvalidArgumentError`.
pub fn arg(name: &str, message: impl Into<String>) -> crate::errors::PyCoreError {
    crate::errors::PyCoreError(Error::Argument {
        name: name.into(),
        message: message.into(),
    })
}

/// An instant given as an aware `datetime` or an RFC 3339 string; `name` is the argument's.
pub fn instant(
    v: &Bound<'_, PyAny>,
    name: &str,
) -> crate::errors::PyResult2<chrono::DateTime<chrono::Utc>> {
    let text: String = match v.extract::<String>() {
        Ok(s) => s,
        Err(_) => {
            if v.getattr("tzinfo").map(|t| t.is_none()).unwrap_or(true) {
                return Err(arg(
                    name,
                    "expected a timezone-aware datetime or an RFC 3339 string",
                ));
            }
            v.call_method0("isoformat")
                .and_then(|s| s.extract())
                .map_err(|_| arg(name, "expected a datetime"))?
        }
    };
    chrono::DateTime::parse_from_rfc3339(&text)
        .map(|t| t.to_utc())
        .map_err(|_| {
            arg(
                name,
                format!("`{text}` is not an RFC 3339 instant such as 2027-01-04T09:00:00+01:00"),
            )
        })
}

/// Rows as flat records for a data frame: nested objects become `parent_child` columns (lists
/// stay lists), so `pandas.DataFrame(records)` needs no `json_normalize`.
pub fn flat_records<'py, T: serde::Serialize>(
    py: Python<'py>,
    rows: &[T],
) -> PyResult<Bound<'py, PyAny>> {
    fn flatten(
        prefix: &str,
        v: serde_json::Value,
        out: &mut serde_json::Map<String, serde_json::Value>,
    ) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let key = if prefix.is_empty() {
                        k
                    } else {
                        format!("{prefix}_{k}")
                    };
                    flatten(&key, v, out);
                }
            }
            other => {
                out.insert(prefix.to_owned(), other);
            }
        }
    }
    let list = PyList::empty(py);
    for row in rows {
        let v = serde_json::to_value(row)
            .map_err(|e| crate::errors::SmoError::new_err(e.to_string()))?;
        let mut flat = serde_json::Map::new();
        flatten("", v, &mut flat);
        list.append(json_to_py(py, &serde_json::Value::Object(flat))?)?;
    }
    Ok(list.into_any())
}
