//! FFI surface of `smo_core::advice`: `advise` and its recommendations, as records.

use std::sync::Arc;

use smo_core::advice::{
    self, Action, AdviceInputs, AdviceOptions, Comparison, Direction, Evidence, EvidenceKind,
    ExpectedEffect, Priority, Recommendation, Source,
};
use smo_core::audit::{self, SiteOptions};
use smo_core::data;

use crate::audit::SitePage;
use crate::errors::SmoError;
use crate::measure::MeasureData;
use crate::query::Mention;
use crate::strategy::Strategy;

/// How soon to act.
#[uniffi::remote(Enum)]
pub enum Priority {
    /// Now.
    High,
    /// This period.
    Medium,
    /// When there is time.
    Low,
}

/// What a piece of evidence is.
#[uniffi::remote(Enum)]
pub enum EvidenceKind {
    /// A finding; `reference` is its rule id.
    Finding,
    /// A KPI value; `reference` is its formula.
    Kpi,
    /// A comparison of posts.
    Comparison,
    /// A share of audited pages with a feature.
    Coverage,
    /// A post.
    Post,
    /// A listening theme or alert.
    Listening,
    /// A fact of the strategy.
    Strategy,
}

/// A group of posts against the rest (Welch's test, Holm-corrected).
#[uniffi::remote(Record)]
pub struct Comparison {
    /// Family.
    pub family: String,
    /// Group.
    pub group: String,
    /// Per-post measure.
    pub measure: String,
    /// Posts in the group.
    pub n: u64,
    /// Group mean.
    pub mean: f64,
    /// Posts in the rest.
    pub rest_n: u64,
    /// Rest mean.
    pub rest_mean: f64,
    /// Difference of means.
    pub difference: f64,
    /// Interval low.
    pub ci_low: f64,
    /// Interval high.
    pub ci_high: f64,
    /// Confidence level.
    pub confidence: f64,
    /// Welch's t.
    pub t: f64,
    /// Degrees of freedom.
    pub df: f64,
    /// Two-sided p.
    pub p: f64,
    /// Holm-adjusted p.
    pub p_adjusted: f64,
    /// Adjusted p below α.
    pub significant: bool,
    /// Why not tested or not retained.
    pub note: String,
    /// Method id.
    pub method: String,
}

/// One fact behind a recommendation.
#[uniffi::remote(Record)]
pub struct Evidence {
    /// Kind.
    pub kind: EvidenceKind,
    /// The fact in words.
    pub label: String,
    /// Rule id, formula, feature, post id or field path.
    pub reference: Option<String>,
    /// Value.
    pub value: Option<f64>,
    /// Baseline.
    pub baseline: Option<f64>,
    /// Sample size.
    pub n: Option<u64>,
    /// The test.
    pub comparison: Option<Comparison>,
}

/// Which way a KPI should move.
#[uniffi::remote(Enum)]
pub enum Direction {
    /// Up.
    Up,
    /// Down.
    Down,
}

/// The expected effect.
#[uniffi::remote(Record)]
pub struct ExpectedEffect {
    /// KPI.
    pub kpi: String,
    /// Direction.
    pub direction: Direction,
}

/// One thing to do.
#[uniffi::remote(Record)]
pub struct Action {
    /// What to do.
    pub text: String,
    /// Markup to paste.
    pub snippet: Option<String>,
}

/// Where the rule comes from.
#[uniffi::remote(Record)]
pub struct Source {
    /// `smo_rule`, `practice` or `measurement`.
    pub kind: String,
    /// The SMO rule.
    pub smo_rule: Option<String>,
    /// The reference.
    pub reference: String,
}

/// A recommendation.
#[uniffi::remote(Record)]
pub struct Recommendation {
    /// Rule id.
    pub id: String,
    /// Priority.
    pub priority: Priority,
    /// Title.
    pub title: String,
    /// Why.
    pub rationale: String,
    /// Facts.
    pub evidence: Vec<Evidence>,
    /// Objective served.
    pub objective: Option<String>,
    /// Expected effect.
    pub effect: Option<ExpectedEffect>,
    /// What to do.
    pub actions: Vec<Action>,
    /// Source.
    pub source: Source,
    /// Subject.
    pub subject: String,
}

/// The result of `advise`.
#[derive(uniffi::Record)]
pub struct Advice {
    /// Recommendations, by priority.
    pub recommendations: Vec<Recommendation>,
    /// Every comparison of posts made.
    pub comparisons: Vec<Comparison>,
    /// Inputs given.
    pub inputs: Vec<String>,
    /// The recommendations as Markdown.
    pub markdown: String,
}

impl Advice {
    pub(crate) fn core(&self) -> advice::Advice {
        advice::Advice {
            recommendations: self.recommendations.clone(),
            comparisons: self.comparisons.clone(),
            inputs: self.inputs.clone(),
            today: None,
        }
    }
}

/// Recommendations from whatever is given: site pages (audited with the strategy), measurement
/// data, mentions, the partners check, the day (`YYYY-MM-DD`); `priorities` maps rule ids to `high`, `medium`, `low`.
#[uniffi::export(default(pages = None, data = None, mentions = None, partners = None, today = None, alpha = 0.05, min_posts = 10, time_zone = None, disabled = [], priorities = None))]
#[allow(clippy::too_many_arguments)]
pub fn advise(
    strategy: Arc<Strategy>,
    pages: Option<Vec<SitePage>>,
    data: Option<Arc<MeasureData>>,
    mentions: Option<Vec<Mention>>,
    partners: Option<Arc<crate::partners::PartnersCheck>>,
    today: Option<String>,
    alpha: f64,
    min_posts: u64,
    time_zone: Option<String>,
    disabled: Vec<String>,
    priorities: Option<std::collections::HashMap<String, String>>,
) -> Result<Advice, SmoError> {
    let site = pages
        .map(|p| {
            audit::audit_site(
                p.into_iter().map(|p| (p.url, p.html)),
                Some(&strategy.0),
                &SiteOptions::default(),
            )
        })
        .transpose()?;
    let ms: Option<Vec<smo_core::listening::Mention>> =
        mentions.map(|m| m.into_iter().map(Into::into).collect());
    let opts = AdviceOptions {
        disabled: disabled.into_iter().collect(),
        priorities: priorities
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| Ok((k, v.parse::<Priority>()?)))
            .collect::<Result<_, smo_core::Error>>()?,
        alpha,
        min_posts,
        time_zone: time_zone.as_deref().map(data::time_zone).transpose()?,
    };
    let a = advice::advise(
        &strategy.0,
        &AdviceInputs {
            audit: site.as_ref(),
            data: data.as_ref().map(|d| &d.data),
            mentions: ms.as_deref(),
            partners: partners.as_ref().map(|p| &p.0),
            today: today
                .as_deref()
                .map(smo_core::strategy::parse_date)
                .transpose()?,
        },
        &opts,
    )?;
    Ok(Advice {
        markdown: a.to_markdown(),
        recommendations: a.recommendations,
        comparisons: a.comparisons,
        inputs: a.inputs,
    })
}
