//! The one flat error of the FFI surface: the core's message survives in every language
//! (`SmoException.Parse` with `message` in Kotlin, `SmoError.Parse` in Swift).

use smo_core::Error;

/// Errors returned to Kotlin and Swift; each variant carries the core's message.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum SmoError {
    /// A document could not be read.
    #[error("{0}")]
    Parse(String),
    /// A value was read but breaks a rule of the model.
    #[error("{0}")]
    InvalidValue(String),
    /// A network id smo does not know.
    #[error("{0}")]
    UnknownNetwork(String),
    /// A rule id that no registry lists.
    #[error("{0}")]
    UnknownRule(String),
    /// An argument outside its domain.
    #[error("{0}")]
    InvalidArgument(String),
    /// A model could not be written out.
    #[error("{0}")]
    Write(String),
    /// A data row rejected by a loader in strict mode (line and field in the message).
    #[error("{0}")]
    Row(String),
    /// Any other error of the core.
    #[error("{0}")]
    Other(String),
}

impl From<Error> for SmoError {
    fn from(e: Error) -> Self {
        let msg = e.to_string();
        match e {
            Error::Parse { .. } | Error::Query { .. } => SmoError::Parse(msg),
            Error::Invalid { .. } => SmoError::InvalidValue(msg),
            Error::UnknownNetwork { .. } => SmoError::UnknownNetwork(msg),
            Error::UnknownRule { .. } => SmoError::UnknownRule(msg),
            Error::Argument { .. } => SmoError::InvalidArgument(msg),
            Error::Write { .. } => SmoError::Write(msg),
            Error::Row { .. } => SmoError::Row(msg),
            _ => SmoError::Other(msg),
        }
    }
}
