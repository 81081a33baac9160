//! The one error type of smo-core.
//!
//! Every fallible function in smo returns [`Error`]. Its `Display` text is the message users see
//! on every surface (Rust, Python, Kotlin, Swift): it says where the problem is (line and column,
//! field path or byte offset) and what to do about it. Bindings keep the text as it is.

use std::fmt;

/// The format of a document smo reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML 1.0.
    Toml,
    /// JSON (RFC 8259).
    Json,
    /// iCalendar (RFC 5545).
    Ics,
    /// CSV (RFC 4180).
    Csv,
    /// XML 1.0 (RSS and Atom feeds).
    Xml,
    /// YAML (referrer databases).
    Yaml,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Toml => "TOML",
            Format::Json => "JSON",
            Format::Ics => "iCalendar",
            Format::Csv => "CSV",
            Format::Xml => "XML",
            Format::Yaml => "YAML",
        })
    }
}

/// Where a parse error was found: a position in the text, a field path in the model, or both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line in the input, when known.
    pub line: Option<u64>,
    /// 1-based column (in characters) in the input, when known.
    pub column: Option<u64>,
    /// Field path in the model, such as `objectives[1].deadline`, when known.
    pub path: Option<String>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            match self.column {
                Some(col) => parts.push(format!("line {line}, column {col}")),
                None => parts.push(format!("line {line}")),
            }
        }
        if let Some(path) = self.path.as_deref().filter(|p| !p.is_empty() && *p != ".") {
            parts.push(format!("field `{path}`"));
        }
        if parts.is_empty() {
            f.write_str("document")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// Errors returned by smo-core.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A document could not be read: bad syntax, a missing field or a value of the wrong type.
    #[error("{format} error at {position}: {message}")]
    Parse {
        /// The format being read.
        format: Format,
        /// Where the error is.
        position: Position,
        /// What is wrong, and what was expected.
        message: String,
    },
    /// A value was read but breaks a rule of the model (a dangling reference, an empty name).
    #[error("invalid value at field `{path}`: {message}")]
    Invalid {
        /// Field path of the bad value, such as `channels[2].audiences[0]`.
        path: String,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A network id that smo does not know.
    #[error("unknown network `{name}`{hint}: use one of {known}")]
    UnknownNetwork {
        /// The name given.
        name: String,
        /// A close match, if any, as ` (did you mean ...?)`.
        hint: String,
        /// The accepted ids, comma-separated.
        known: String,
    },
    /// A rule id that no registry lists.
    #[error("unknown rule `{id}`: list the rules with `rules()`{hint}")]
    UnknownRule {
        /// The id given.
        id: String,
        /// A close match, if any, as `; did you mean ...?`.
        hint: String,
    },
    /// An argument that is out of its domain (an unknown severity, a bad date).
    #[error("invalid argument `{name}`: {message}")]
    Argument {
        /// The argument's name.
        name: String,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// A data row was rejected by a loader in strict mode (see [`crate::data`]).
    #[error("{table} row at line {line}{}: {message}", field.as_deref().map(|f| format!(", field `{f}`")).unwrap_or_default())]
    Row {
        /// The table being loaded (`posts`, `accounts`, `web`, `costs`).
        table: String,
        /// 1-based line in the input (CSV physical line; JSON record number).
        line: u64,
        /// The schema field at fault, when one is.
        field: Option<String>,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// Text that is not valid in its encoding (invalid UTF-8 at a byte API).
    #[error("invalid text at byte {offset}: {message}")]
    Encoding {
        /// Byte offset of the first invalid byte.
        offset: u64,
        /// What is wrong and what to do.
        message: String,
    },
    /// A monitoring query that does not parse, or that an export cannot express.
    #[error("query error at column {column} (byte {offset}), `{token}`: {message}")]
    Query {
        /// Byte offset in the query.
        offset: u64,
        /// 1-based column (characters).
        column: u64,
        /// The token at fault.
        token: String,
        /// What is wrong and what was expected.
        message: String,
    },
    /// The model could not be written out (a value the format cannot hold).
    #[error("cannot write {format}: {message}")]
    Write {
        /// The target format.
        format: Format,
        /// What failed.
        message: String,
    },
}

/// `Result` with smo-core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Line and column (1-based, column in characters) of a byte offset in `text`.
///
/// An offset past the end, or inside a character, is clamped to the previous character boundary.
///
/// ```
/// assert_eq!(smo_core::error::line_column("ab\ncé\nx", 6), (2, 3));
/// ```
pub fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u64 + 1;
    (line, column)
}

/// The closest of `candidates` to `name` (edit distance at most 2), for "did you mean" hints.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let name = name.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&name, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        assert_eq!(line_column("héllo", 3), (1, 3));
        assert_eq!(line_column("a\nb", 2), (2, 1));
        assert_eq!(line_column("abc", 99), (1, 4));
        // Offset inside "é" is clamped to its start.
        assert_eq!(line_column("é", 1), (1, 1));
    }

    #[test]
    fn closest_suggests_near_names_only() {
        assert_eq!(closest("twiter", ["x", "twitter"]), Some("twitter"));
        assert_eq!(closest("zzzzzz", ["x", "twitter"]), None);
    }
}
