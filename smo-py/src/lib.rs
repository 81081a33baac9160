//! Python bindings of smo: the module `smo._smo`, re-exported by the pure-Python package `smo`.
//!
//! This crate converts and delegates; every rule, limit and message is smo-core's.

mod convert;
mod errors;
mod strategy;
mod text;

use pyo3::prelude::*;

/// smo: Social Media Optimization engine (native module).
#[pymodule(gil_used = false)]
mod _smo {
    #[pymodule_export]
    use crate::errors::{
        InvalidArgumentError, InvalidValueError, ParseError, SmoError, UnknownNetworkError,
        UnknownRuleError, WriteError,
    };
    #[pymodule_export]
    use crate::strategy::{
        PyFinding, PyHandleCheck, PyNetworkInfo, PyRule, PyStrategy, check_handle, networks, rules,
    };

    #[pymodule_export]
    use crate::text::{
        PyEntity, PyTextCount, PyThreadPart, check_post, escape_linkedin, extract_entities,
        extract_entities_batch, extract_reply, highlight_hits, is_valid_url, parse_text,
        parse_text_batch, share_endpoints, share_url, split_thread, text_limits,
    };

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
