//! FFI surface of the referrer database: `loadRefererDatabase` and `RefererDb`, which the
//! referrer classifiers and breakdowns take as `database`. Conversion only.

use std::sync::Arc;

use smo_core::traffic::ClassifyOptions;
use smo_core::traffic::refdb::{DatabaseFile, RefererDatabase, RefererFile, RefererFormat};

use crate::errors::SmoError;

/// A user's referrer file: its name (for messages), text, and format (`auto`, `snowplow`,
/// `matomo_search`, `matomo_social`).
#[derive(uniffi::Record)]
pub struct RefererSource {
    /// A name for messages and provenance.
    pub name: String,
    /// The file's text (YAML or JSON).
    pub text: String,
    /// The format.
    #[uniffi(default = "auto")]
    pub format: String,
}

/// A file as merged.
#[derive(uniffi::Record)]
pub struct RefererFileInfo {
    /// The name given.
    pub name: String,
    /// The format read.
    pub format: String,
    /// Rules read from it.
    pub rules: u64,
    /// FNV-1a 64 of its text.
    pub hash: String,
}

impl From<&DatabaseFile> for RefererFileInfo {
    fn from(f: &DatabaseFile) -> Self {
        RefererFileInfo {
            name: f.name.clone(),
            format: match f.format {
                RefererFormat::Snowplow => "snowplow",
                RefererFormat::MatomoSearch => "matomo_search",
                RefererFormat::MatomoSocial => "matomo_social",
                RefererFormat::Auto => "auto",
            }
            .into(),
            rules: f.rules as u64,
            hash: f.hash.clone(),
        }
    }
}

/// smo's referrer table with the user's files merged over it.
#[derive(uniffi::Object)]
pub struct RefererDb(pub(crate) Arc<RefererDatabase>);

#[uniffi::export]
impl RefererDb {
    /// The files merged, in order.
    pub fn files(&self) -> Vec<RefererFileInfo> {
        self.0.files().iter().map(Into::into).collect()
    }
    /// The version classifications with it report.
    pub fn version(&self) -> String {
        self.0.version().into()
    }
    /// Rules, the embedded table's and the files'.
    pub fn rule_count(&self) -> u64 {
        self.0.rules().len() as u64
    }
}

/// Reads Snowplow and Matomo referrer files and merges them over smo's table, later files
/// winning ties.
#[uniffi::export]
pub fn load_referer_database(files: Vec<RefererSource>) -> Result<Arc<RefererDb>, SmoError> {
    let formats = files
        .iter()
        .map(|f| f.format.parse::<RefererFormat>())
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<RefererFile<'_>> = files
        .iter()
        .zip(formats)
        .map(|(f, format)| RefererFile {
            name: &f.name,
            text: &f.text,
            format,
        })
        .collect();
    Ok(Arc::new(RefererDb(Arc::new(
        smo_core::traffic::refdb::load_referer_database(&refs)?,
    ))))
}

/// Classifier options with the database, when one is given.
pub(crate) fn options(database: Option<Arc<RefererDb>>) -> ClassifyOptions {
    ClassifyOptions {
        database: database.map(|d| d.0.clone()),
        ..Default::default()
    }
}
