//! Advice: the consultant's recommendations, each traced to the evidence that triggered it.
//!
//! The suites show dashboards and leave the advice to people; smo turns its own findings and
//! numbers into [`Recommendation`]s. [`advise`] takes a [`Strategy`] and whatever the host
//! has (a site audit, post metrics, web analytics, mentions, the partners check, a date) and runs the rules of
//! [`RULES`] over them. Each recommendation carries a stable id, a priority, the rationale, the
//! evidence (findings, KPI values, comparisons with their sample sizes and intervals), the
//! objective it serves, the KPI it should move, concrete actions with snippets, and its source:
//! one of the five SMO rules the field works by ([`SmoRule`]), smo's practice reference, or a
//! measurement fact.
//!
//! Shaped so because advice must be argued, not asserted: a rule that compares content does so
//! with Welch's test and Holm's correction ([`stats`]), and says nothing below a minimum sample
//! (`AdviceOptions::min_posts`), so that three lucky posts never become "publish more of
//! this". The report's twelve `report/*` recommendations are the first rules of the registry;
//! [`crate::report::report`] shows the advice of its own inputs, and
//! [`crate::report::Report::with_advice`] the advice of a fuller run.
//!
//! Sources: Bhargava's SMO rules (2006, 2010) and their extensions, the practice tables and the
//! measurement notes in `shared/reference/` (`smo-practice.md`, `measurement.md`,
//! `site-audit.md`), each cited on its rule row.
//!
//! ```
//! use smo_core::{Strategy, advice::{advise, AdviceInputs, AdviceOptions}, data::Dataset};
//! let strategy = Strategy::example()?;
//! let data = Dataset::example()?;
//! let advice = advise(&strategy, &AdviceInputs { data: Some(&data), ..Default::default() }, &AdviceOptions::default())?;
//! assert!(advice.recommendations.iter().all(|r| !r.evidence.is_empty()));
//! # Ok::<(), smo_core::Error>(())
//! ```

mod channels;
mod content;
mod measured;
mod partners;
mod render;
pub mod rules;
mod site;
pub mod stats;
mod watch;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::audit::SiteReport;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::listening::Mention;
use crate::strategy::Strategy;

pub use rules::{AdviceRule, RULES, SmoRule};
pub use stats::Comparison;

/// How soon a recommendation should be acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Now: an objective is off track or something blocks what the strategy wants.
    High,
    /// This period.
    Medium,
    /// When there is time: an opportunity.
    Low,
}

impl Priority {
    /// `high`, `medium` or `low`.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

impl Priority {
    /// The priority a rule configuration's severity stands for: error is high, warning medium,
    /// notice low (so the report's `severities` keep working for its rules).
    pub fn from_severity(s: crate::Severity) -> Priority {
        match s {
            crate::Severity::Error => Priority::High,
            crate::Severity::Warning => Priority::Medium,
            crate::Severity::Notice => Priority::Low,
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "high" => Ok(Priority::High),
            "medium" => Ok(Priority::Medium),
            "low" => Ok(Priority::Low),
            _ => Err(Error::Argument {
                name: "priority".into(),
                message: format!("`{s}` is not a priority: use high, medium or low"),
            }),
        }
    }
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A finding of a rule engine (audit, strategy, alerts); `reference` is its rule id.
    Finding,
    /// A KPI value; `reference` is its formula.
    Kpi,
    /// A statistical comparison of posts; `comparison` holds it.
    Comparison,
    /// A share of audited pages with a feature; `reference` is the feature id.
    Coverage,
    /// A post; `reference` is its id.
    Post,
    /// A listening theme or alert; `reference` is the phrase or the alert's rule.
    Listening,
    /// A fact of the strategy; `reference` is its field path.
    Strategy,
}

/// One fact behind a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// What it is.
    pub kind: EvidenceKind,
    /// The fact in words, with its numbers.
    pub label: String,
    /// Rule id, formula, feature id, post id or field path, by kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The value observed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// What it is compared with (target, average, plan, best network).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The sample behind the value (posts, pages, sessions, mentions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u64>,
    /// The test, for comparisons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
}

impl Evidence {
    pub(crate) fn new(kind: EvidenceKind, label: impl Into<String>) -> Evidence {
        Evidence {
            kind,
            label: label.into(),
            reference: None,
            value: None,
            baseline: None,
            n: None,
            comparison: None,
        }
    }
    pub(crate) fn at(mut self, reference: impl Into<String>) -> Evidence {
        self.reference = Some(reference.into());
        self
    }
    pub(crate) fn value(mut self, value: f64, baseline: Option<f64>) -> Evidence {
        self.value = Some(round(value));
        self.baseline = baseline.map(round);
        self
    }
    pub(crate) fn n(mut self, n: u64) -> Evidence {
        self.n = Some(n);
        self
    }
}

/// The way a KPI should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Up.
    Up,
    /// Down.
    Down,
}

/// The expected effect of acting on a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedEffect {
    /// The KPI (catalogue name) that should move.
    pub kpi: String,
    /// Which way.
    pub direction: Direction,
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// What to do.
    pub text: String,
    /// Markup or text to paste (share buttons, feed link, meta block), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

impl Action {
    pub(crate) fn text(text: impl Into<String>) -> Action {
        Action {
            text: text.into(),
            snippet: None,
        }
    }
    pub(crate) fn snippet(text: impl Into<String>, snippet: impl Into<String>) -> Action {
        Action {
            text: text.into(),
            snippet: Some(snippet.into()),
        }
    }
}

/// Where a recommendation's rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// `smo_rule`, `practice` or `measurement`.
    pub kind: String,
    /// The SMO rule, when `kind` is `smo_rule`: `shareable_content`, `reward_engagement`,
    /// `easy_tagging`, `proactive_distribution` or `be_a_resource`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smo_rule: Option<String>,
    /// The reference: a section of smo's references, a URL.
    pub reference: String,
}

/// A recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Stable id of its rule in [`RULES`].
    pub id: String,
    /// Priority, after the caller's configuration.
    pub priority: Priority,
    /// The rule's title.
    pub title: String,
    /// Why, in one sentence with the numbers.
    pub rationale: String,
    /// The facts that triggered it.
    pub evidence: Vec<Evidence>,
    /// The strategy objective it serves, when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// The KPI it should move.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<ExpectedEffect>,
    /// What to do.
    pub actions: Vec<Action>,
    /// Where the rule comes from.
    pub source: Source,
    /// What it is about: a field path of the report, a network, a page, a theme.
    pub subject: String,
}

/// The result of [`advise`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    /// Recommendations, by priority then id then subject.
    pub recommendations: Vec<Recommendation>,
    /// Every comparison of posts made, retained or not, so a reader sees why something was not
    /// advised (sample too small, difference not significant).
    pub comparisons: Vec<Comparison>,
    /// The inputs that were given: `audit`, `posts`, `web`, `mentions`, `partners`.
    pub inputs: Vec<String>,
    /// The day the advice is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<NaiveDate>,
}

impl Advice {
    /// The advice as JSON.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Argument {
            name: "advice".into(),
            message: e.to_string(),
        })
    }

    /// The recommendations as Markdown, each with its evidence and actions.
    pub fn to_markdown(&self) -> String {
        render::markdown(&self.recommendations)
    }
}

/// What the host has; every part is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdviceInputs<'a> {
    /// The site audit.
    pub audit: Option<&'a SiteReport>,
    /// Post metrics, account metrics, web analytics and costs.
    pub data: Option<&'a Dataset>,
    /// Mentions from listening.
    pub mentions: Option<&'a [Mention]>,
    /// The check of the link-exchange ledger ([`crate::partners::check_partners`]).
    pub partners: Option<&'a crate::partners::PartnersReport>,
    /// The day the advice is for (the last day of data is used without it).
    pub today: Option<NaiveDate>,
}

/// How to advise.
#[derive(Debug, Clone, PartialEq)]
pub struct AdviceOptions {
    /// Rules that must not advise.
    pub disabled: BTreeSet<String>,
    /// Priorities changed by rule id.
    pub priorities: BTreeMap<String, Priority>,
    /// Family-wise error rate of the comparisons of posts (Holm). Default 0.05.
    pub alpha: f64,
    /// Fewest posts in a group (and in the rest) for a comparison. Default 10.
    pub min_posts: u64,
    /// Zone of dates and time windows; default the strategy's brand zone, else UTC.
    pub time_zone: Option<Tz>,
}

impl Default for AdviceOptions {
    fn default() -> Self {
        AdviceOptions {
            disabled: BTreeSet::new(),
            priorities: BTreeMap::new(),
            alpha: 0.05,
            min_posts: 10,
            time_zone: None,
        }
    }
}

impl AdviceOptions {
    fn check(&self) -> Result<()> {
        crate::finding::check_rule_ids(
            self.disabled.iter().chain(self.priorities.keys()),
            &RULES.iter().map(|r| r.id).collect::<Vec<_>>(),
        )?;
        if !(self.alpha > 0.0 && self.alpha < 1.0) {
            return Err(Error::Argument {
                name: "alpha".into(),
                message: format!(
                    "{} is not between 0 and 1 (exclusive): use e.g. 0.05",
                    self.alpha
                ),
            });
        }
        if self.min_posts < 2 {
            return Err(Error::Argument {
                name: "min_posts".into(),
                message: format!(
                    "{} posts cannot give a variance: use 2 or more (10 is the default)",
                    self.min_posts
                ),
            });
        }
        Ok(())
    }
}

/// Collects the recommendations of one run, applying the options.
pub(crate) struct Advisor<'a> {
    opts: &'a AdviceOptions,
    strategy: &'a Strategy,
    out: Vec<Recommendation>,
}

/// A recommendation under construction.
pub(crate) struct Draft {
    pub subject: String,
    pub rationale: String,
    pub evidence: Vec<Evidence>,
    pub effect: Option<(&'static str, Direction)>,
    pub actions: Vec<Action>,
}

impl<'a> Advisor<'a> {
    pub(crate) fn new(strategy: &'a Strategy, opts: &'a AdviceOptions) -> Advisor<'a> {
        Advisor {
            opts,
            strategy,
            out: Vec::new(),
        }
    }

    pub(crate) fn enabled(&self, id: &str) -> bool {
        !self.opts.disabled.contains(id)
    }

    pub(crate) fn add(&mut self, id: &str, d: Draft) {
        let objective = d
            .effect
            .and_then(|(kpi, _)| objective_for(self.strategy, kpi));
        self.push(id, d, objective);
    }

    /// Adds a recommendation about one objective of the strategy.
    pub(crate) fn add_for(&mut self, id: &str, d: Draft, objective: &str) {
        self.push(id, d, Some(objective.to_owned()));
    }

    fn push(&mut self, id: &str, d: Draft, objective: Option<String>) {
        if !self.enabled(id) {
            return;
        }
        let Some(rule) = rules::rule(id) else {
            debug_assert!(false, "advice rule `{id}` missing from the registry");
            return;
        };
        let priority = self
            .opts
            .priorities
            .get(id)
            .copied()
            .unwrap_or(rule.default_priority);
        self.out.push(Recommendation {
            id: id.to_owned(),
            priority,
            title: rule.title.to_owned(),
            rationale: d.rationale,
            evidence: d.evidence,
            objective,
            effect: d.effect.map(|(kpi, direction)| ExpectedEffect {
                kpi: kpi.to_owned(),
                direction,
            }),
            actions: d.actions,
            source: rule.source(),
            subject: d.subject,
        });
    }

    pub(crate) fn finish(mut self) -> Vec<Recommendation> {
        self.out.sort_by(|a, b| {
            a.priority
                .cmp(&b.priority)
                .then(a.id.cmp(&b.id))
                .then(a.subject.cmp(&b.subject))
        });
        self.out
    }
}

/// The first quantitative objective whose KPI is `kpi` (or a variant of it such as
/// `engagement_rate(by = impressions)`).
fn objective_for(strategy: &Strategy, kpi: &str) -> Option<String> {
    strategy
        .objectives
        .iter()
        .find(|o| {
            o.kpi.as_deref().is_some_and(|k| {
                let name = k.split(['(', '@']).next().unwrap_or(k).trim();
                name == kpi
            })
        })
        .map(|o| o.id.clone())
}

pub(crate) fn round(v: f64) -> f64 {
    if v.is_finite() {
        (v * 10_000.0).round() / 10_000.0
    } else {
        v
    }
}

/// A percentage as printed in advice and reports: two decimals and ` %`.
pub fn pct(v: f64) -> String {
    format!("{v:.2} %")
}

/// Advises from whatever inputs are given.
///
/// Fails on options naming an unknown rule or out of range; missing inputs only mean fewer
/// rules can speak.
pub fn advise(
    strategy: &Strategy,
    inputs: &AdviceInputs<'_>,
    opts: &AdviceOptions,
) -> Result<Advice> {
    opts.check()?;
    let tz = opts.time_zone.or(strategy.brand.zone).unwrap_or(Tz::UTC);
    let mut adv = Advisor::new(strategy, opts);
    let mut comparisons = Vec::new();
    let mut given = Vec::new();
    let audit_findings: Vec<crate::Finding> = inputs
        .audit
        .map(|a| {
            a.findings
                .iter()
                .map(|p| p.finding.clone())
                .chain(a.inconsistencies.iter().cloned())
                .chain(a.strategy_check.iter().cloned())
                .collect()
        })
        .unwrap_or_default();
    if let Some(a) = inputs.audit {
        given.push("audit".to_owned());
        site::advise(&mut adv, strategy, a);
    }
    channels::advise(&mut adv, strategy);
    if let Some(data) = inputs.data {
        if !data.posts.is_empty() {
            given.push("posts".to_owned());
        }
        if !data.web.is_empty() {
            given.push("web".to_owned());
        }
        let ropts = crate::report::ReportOptions {
            end: inputs.today,
            time_zone: tz,
            ..Default::default()
        };
        let model = crate::report::model(strategy, data, Some(&audit_findings), &ropts)?;
        measured::advise(&mut adv, &model.0, &model.1, strategy);
        comparisons.extend(content::advise(
            &mut adv,
            &model.1.posts,
            tz,
            opts,
            &model.0,
        ));
    }
    if let Some(p) = inputs.partners {
        given.push("partners".to_owned());
        partners::advise(&mut adv, p);
    }
    if let Some(m) = inputs.mentions {
        given.push("mentions".to_owned());
        watch::advise(&mut adv, strategy, m, inputs.today)?;
    }
    Ok(Advice {
        recommendations: adv.finish(),
        comparisons,
        inputs: given,
        today: inputs.today,
    })
}

/// The report's own advice: measurement and content rules over the report's inputs (the
/// audit findings given to the report count for `report/audit-errors`).
pub(crate) fn for_report(
    strategy: &Strategy,
    rep: &crate::report::Report,
    data: &Dataset,
    opts: &AdviceOptions,
    tz: Tz,
) -> Result<Vec<Recommendation>> {
    opts.check()?;
    let mut adv = Advisor::new(strategy, opts);
    measured::advise(&mut adv, rep, data, strategy);
    content::advise(&mut adv, &data.posts, tz, opts, rep);
    Ok(adv.finish())
}

pub(crate) use render::{html as render_html, markdown as render_markdown};
