//! Scores, in the spirit of Lighthouse: each rule scores 0..1 on a page (binary, or the share of
//! required tags present for `og/missing-required`); a category is the weighted mean of its
//! applicable rules ([`rules::weight`], × 3 when the rule fails with an error, × 2 with a
//! warning), on 0..100; not-applicable rules
//! leave the denominator; any error holds its category below 90 (Lighthouse's pass threshold);
//! the overall score is the weighted mean of the categories that apply
//! ([`Category::weight`]: previews 40, discoverability 20, sharing 20, community 20).

use serde::{Deserialize, Serialize};

use super::rules::{self, Category, Outcome};
use crate::{Finding, Severity};

/// The highest score a category with an error can reach.
pub const ERROR_CAP: f64 = 89.0;
/// How much more a rule failing with an error weighs than its base weight.
pub const ERROR_FACTOR: u32 = 3;
/// How much more a rule failing with a warning weighs than its base weight.
pub const WARNING_FACTOR: u32 = 2;

/// Scores of one page (or the mean over a site), 0..100; `None` when nothing applies.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// Link previews: og, twitter, fb, pinterest, linkedin, meta.
    pub previews: Option<f64>,
    /// Canonical, feeds, oEmbed, icons, JSON-LD syntax, page health.
    pub discoverability: Option<f64>,
    /// Share links.
    pub sharing: Option<f64>,
    /// Profiles and Organization data.
    pub community: Option<f64>,
    /// Weighted mean of the categories.
    pub overall: Option<f64>,
}

impl Scores {
    /// The score of a category.
    pub fn get(&self, c: Category) -> Option<f64> {
        match c {
            Category::Previews => self.previews,
            Category::Discoverability => self.discoverability,
            Category::Sharing => self.sharing,
            Category::Community => self.community,
        }
    }

    fn set(&mut self, c: Category, v: Option<f64>) {
        match c {
            Category::Previews => self.previews = v,
            Category::Discoverability => self.discoverability = v,
            Category::Sharing => self.sharing = v,
            Category::Community => self.community = v,
        }
    }

    /// The mean of many pages' scores, per category (pages where a category does not apply
    /// leave it out).
    pub fn mean<'a>(all: impl IntoIterator<Item = &'a Scores>) -> Scores {
        let mut sums = [(0.0, 0u32); 5];
        for s in all {
            for (i, v) in [
                s.previews,
                s.discoverability,
                s.sharing,
                s.community,
                s.overall,
            ]
            .into_iter()
            .enumerate()
            {
                if let Some(v) = v {
                    sums[i].0 += v;
                    sums[i].1 += 1;
                }
            }
        }
        let m = |i: usize| (sums[i].1 > 0).then(|| round1(sums[i].0 / f64::from(sums[i].1)));
        Scores {
            previews: m(0),
            discoverability: m(1),
            sharing: m(2),
            community: m(3),
            overall: m(4),
        }
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Scores a page from its rule outcomes and findings.
pub fn scores(outcomes: &[Outcome], findings: &[Finding]) -> Scores {
    let mut out = Scores::default();
    let mut overall = (0.0, 0u32);
    for c in Category::ALL {
        let (mut num, mut den) = (0.0, 0.0);
        for o in outcomes.iter().filter(|o| rules::category(&o.rule) == c) {
            let (Some(s), w) = (o.score, rules::weight(&o.rule)) else {
                continue;
            };
            // A failing rule weighs more the more serious it is: errors ×3, warnings ×2.
            let worst = findings
                .iter()
                .filter(|f| f.rule == o.rule)
                .map(|f| f.severity)
                .min();
            let w = w * match worst {
                Some(Severity::Error) => ERROR_FACTOR,
                Some(Severity::Warning) => WARNING_FACTOR,
                _ => 1,
            };
            num += s * f64::from(w);
            den += f64::from(w);
        }
        let value = (den > 0.0).then(|| {
            let v = 100.0 * num / den;
            let error = findings
                .iter()
                .any(|f| f.severity == Severity::Error && rules::category(&f.rule) == c);
            round1(if error { v.min(ERROR_CAP) } else { v })
        });
        if let Some(v) = value {
            overall.0 += v * f64::from(c.weight());
            overall.1 += c.weight();
        }
        out.set(c, value);
    }
    out.overall = (overall.1 > 0).then(|| round1(overall.0 / f64::from(overall.1)));
    out
}
