//! Findings and rule registries: the common output of every rule engine in smo.
//!
//! A rule engine (strategy validation now; post checks and the site audit later) owns a static
//! registry of [`RuleInfo`] rows. While it runs, it reports through a [`Findings`] collector, which
//! looks each rule up in the registry, applies the caller's [`RuleConfig`] (rules disabled,
//! severities changed) and stamps the finding with the rule's severity and source. A rule's text,
//! default severity and source therefore live in exactly one place: its registry row.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, closest};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed: the plan, page or post is wrong or will be rejected.
    Error,
    /// Should be fixed: it works, but poorly or against the platform's advice.
    Warning,
    /// Worth knowing: guidance, soft limits, opportunities.
    Notice,
}

impl Severity {
    /// All severities, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Notice];

    /// The lower-case name used in files and bindings: `error`, `warning` or `notice`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = Error;

    /// ```
    /// use smo_core::Severity;
    /// assert_eq!("Warning".parse::<Severity>().unwrap(), Severity::Warning);
    /// assert!("fatal".parse::<Severity>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Ok(Severity::Error),
            "warning" | "warn" => Ok(Severity::Warning),
            "notice" | "info" => Ok(Severity::Notice),
            _ => Err(Error::Argument {
                name: "severity".into(),
                message: format!("`{s}` is not a severity: use error, warning or notice"),
            }),
        }
    }
}

/// A range of the input text a finding points at (posts, HTML pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte, in the UTF-8 input.
    pub start_byte: u64,
    /// Byte offset one past the last byte.
    pub end_byte: u64,
    /// 1-based line of the start.
    pub line: u64,
    /// 1-based column of the start, in characters.
    pub column: u64,
}

impl Span {
    /// The span of `start..end` bytes in `text`, with the line and column of `start`.
    ///
    /// ```
    /// let span = smo_core::Span::in_text("a\nbcd", 3, 5);
    /// assert_eq!((span.line, span.column), (2, 2));
    /// ```
    pub fn in_text(text: &str, start: usize, end: usize) -> Span {
        let (line, column) = crate::error::line_column(text, start);
        Span {
            start_byte: start as u64,
            end_byte: end.max(start) as u64,
            line,
            column,
        }
    }
}

/// Where a finding applies: a field path in a model, a span of text, both or neither.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Location {
    /// Field path such as `channels[2].handle`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Range of the input text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The page the finding is on, when it comes from a site audit of several pages (the path
    /// and span are then within that page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

impl Location {
    /// A location at a field path.
    pub fn path(path: impl Into<String>) -> Location {
        Location {
            path: Some(path.into()),
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, &self.span) {
            (Some(p), Some(s)) => write!(f, "{p} (line {}, column {})", s.line, s.column),
            (Some(p), None) => f.write_str(p),
            (None, Some(s)) => write!(f, "line {}, column {}", s.line, s.column),
            (None, None) => f.write_str("-"),
        }
    }
}

/// One problem, or one opportunity, found by a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, such as `objective/not-smart`.
    pub rule: String,
    /// Severity after the caller's configuration.
    pub severity: Severity,
    /// What is wrong, with the values involved.
    pub message: String,
    /// Where it is.
    #[serde(default)]
    pub location: Location,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// Where the rule comes from: a URL or a named reference.
    pub source: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity, self.rule, self.location, self.message
        )?;
        if let Some(fix) = &self.fix {
            write!(f, " Fix: {fix}")?;
        }
        Ok(())
    }
}

/// A rule as listed in a registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RuleInfo {
    /// Stable id, `family/name`.
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// What the rule checks and why.
    pub description: &'static str,
    /// Severity unless the caller changes it.
    pub default_severity: Severity,
    /// Where the rule comes from: a URL, a standard, a platform's documentation.
    pub source: &'static str,
}

impl RuleInfo {
    /// The family of the rule: the part of its id before `/`.
    ///
    /// ```
    /// let rules = smo_core::rules();
    /// let rule = rules.iter().find(|r| r.id == "objective/not-smart").unwrap();
    /// assert_eq!(rule.family(), "objective");
    /// ```
    pub fn family(&self) -> &'static str {
        self.id
            .split_once('/')
            .map_or(self.id, |(family, _)| family)
    }
}

/// A caller's changes to a registry: rules turned off, severities changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleConfig {
    /// Ids of rules that must not report.
    #[serde(default)]
    pub disabled: BTreeSet<String>,
    /// Severity overrides by rule id.
    #[serde(default)]
    pub severities: BTreeMap<String, Severity>,
}

impl RuleConfig {
    /// Checks that every rule id named in the configuration is in `registry`.
    ///
    /// A typo in a disabled rule would otherwise silently disable nothing.
    pub fn check_against(&self, registry: &[RuleInfo]) -> Result<()> {
        check_rule_ids(
            self.disabled.iter().chain(self.severities.keys()),
            &registry.iter().map(|r| r.id).collect::<Vec<_>>(),
        )
    }
}

/// Fails on the first of `ids` that is not in `known`, naming the closest known id.
pub(crate) fn check_rule_ids<'a>(
    ids: impl IntoIterator<Item = &'a String>,
    known: &[&str],
) -> Result<()> {
    for id in ids {
        if !known.contains(&id.as_str()) {
            let hint = closest(id, known.iter().copied())
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(Error::UnknownRule {
                id: id.clone(),
                hint,
            });
        }
    }
    Ok(())
}

/// Collects the findings of one run of a rule engine, applying a [`RuleConfig`].
#[derive(Debug)]
pub struct Findings<'a> {
    registry: &'static [RuleInfo],
    config: &'a RuleConfig,
    found: Vec<Finding>,
}

impl<'a> Findings<'a> {
    /// A collector for the rules of `registry`, configured by `config`.
    ///
    /// Fails when `config` names a rule the registry does not have.
    pub fn new(registry: &'static [RuleInfo], config: &'a RuleConfig) -> Result<Self> {
        config.check_against(registry)?;
        Ok(Findings {
            registry,
            config,
            found: Vec::new(),
        })
    }

    /// Whether `rule` will report: engines skip costly checks for disabled rules.
    pub fn enabled(&self, rule: &str) -> bool {
        !self.config.disabled.contains(rule)
    }

    /// Reports a finding of `rule` at `location`.
    ///
    /// A rule id missing from the registry is a bug in smo; it is still reported, as an error
    /// whose source says so, rather than lost.
    pub fn report(&mut self, rule: &str, location: Location, message: String, fix: Option<String>) {
        if !self.enabled(rule) {
            return;
        }
        let info = self.registry.iter().find(|r| r.id == rule);
        let severity = self
            .config
            .severities
            .get(rule)
            .copied()
            .or(info.map(|r| r.default_severity))
            .unwrap_or(Severity::Error);
        let source = info.map_or("smo: rule missing from its registry", |r| r.source);
        self.found.push(Finding {
            rule: rule.to_owned(),
            severity,
            message,
            location,
            fix,
            source: source.to_owned(),
        });
    }

    /// The findings, in the order the engine reported them.
    pub fn into_vec(self) -> Vec<Finding> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static REG: [RuleInfo; 2] = [
        RuleInfo {
            id: "a/one",
            title: "One",
            description: "d",
            default_severity: Severity::Warning,
            source: "s1",
        },
        RuleInfo {
            id: "a/two",
            title: "Two",
            description: "d",
            default_severity: Severity::Notice,
            source: "s2",
        },
    ];

    #[test]
    fn config_disables_and_overrides() {
        let mut config = RuleConfig::default();
        config.disabled.insert("a/one".into());
        config.severities.insert("a/two".into(), Severity::Error);
        let mut f = Findings::new(&REG, &config).unwrap();
        f.report("a/one", Location::default(), "m".into(), None);
        f.report("a/two", Location::path("x"), "m".into(), Some("fix".into()));
        let found = f.into_vec();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].source, "s2");
    }

    #[test]
    fn unknown_rule_in_config_is_an_error_with_a_hint() {
        let mut config = RuleConfig::default();
        config.disabled.insert("a/tow".into());
        let err = Findings::new(&REG, &config).unwrap_err();
        assert!(err.to_string().contains("did you mean `a/two`"), "{err}");
    }
}
