//! Alerts: a brand's daily volume of mentions, or of negative mentions, spiking above its rolling
//! baseline — reported as findings that carry the numbers that triggered them.
//!
//! The test is a z-score against the `window` days before: z = (x − μ) / s, with μ the baseline's
//! mean and s its standard deviation floored at the Poisson noise √μ (and at 1), so a flat,
//! quiet baseline does not turn every small day into an alert. A day alerts when z ≥
//! `threshold` and the day has at least `min_mentions` (negative) mentions. A day is tested only
//! once a full window precedes it; the first days of a set only build the baseline. This is the
//! rolling-baseline rule listening suites describe for spike alerts (Brandwatch "Signals",
//! Talkwalker "Alerts", Mention "spike detection"), made explicit.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::finding::{Finding, Findings, Location, RuleConfig, RuleInfo, Severity};

use super::mention::Mention;
use super::sentiment::Label;
use super::watch::{Brand, Denominator, Scope, WatchOptions, scope};

const SOURCE: &str = "smo-practice.md (listen first: watch volume and tone); rolling-baseline spike rule as described by Brandwatch Signals and Talkwalker Alerts, made explicit (docs/listening.md, Alerts)";

/// The watch rules.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "watch/volume-spike",
        title: "Spike in mentions",
        description: "A brand's mentions on a day are far above its rolling baseline: a campaign, a press piece or a crisis is starting.",
        default_severity: Severity::Notice,
        source: SOURCE,
    },
    RuleInfo {
        id: "watch/negative-spike",
        title: "Spike in negative mentions",
        description: "A brand's negative mentions on a day are far above their rolling baseline: read them and answer before it spreads.",
        default_severity: Severity::Warning,
        source: SOURCE,
    },
];

/// When to alert.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertOptions {
    /// Which mentions count.
    pub watch: WatchOptions,
    /// Days of baseline before each day tested.
    pub window: u32,
    /// Least z-score that alerts.
    pub threshold: f64,
    /// Least mentions (negative mentions, for a negative spike) on the day.
    pub min_mentions: u64,
    /// Rules turned off, severities changed.
    pub rules: RuleConfig,
}

impl Default for AlertOptions {
    fn default() -> Self {
        AlertOptions {
            watch: WatchOptions::default(),
            window: 14,
            threshold: 3.0,
            min_mentions: 5,
            rules: RuleConfig::default(),
        }
    }
}

/// One spike, with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// `watch/volume-spike` or `watch/negative-spike`.
    pub rule: String,
    /// The brand.
    pub brand: String,
    /// The day (in the options' zone).
    pub day: String,
    /// Mentions (or negative mentions) on the day.
    pub count: u64,
    /// Mean of the baseline days.
    pub baseline_mean: f64,
    /// Standard deviation of the baseline days (sample, n − 1).
    pub baseline_sd: f64,
    /// The spread used: max(sd, √mean, 1).
    pub spread: f64,
    /// (count − mean) / spread.
    pub z: f64,
    /// First and last baseline day.
    pub baseline_from: String,
    /// Last baseline day.
    pub baseline_to: String,
    /// All the brand's mentions on the day.
    pub mentions: u64,
    /// Its negative mentions on the day.
    pub negative: u64,
    /// Ids of the day's mentions counted (all, or the negative ones), in input order.
    pub mention_ids: Vec<String>,
}

/// The alerts of a set of mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alerts {
    /// What was counted.
    pub denominator: Denominator,
    /// The test, as stated in the result.
    pub method: String,
    /// Every spike, by day then brand then rule.
    pub alerts: Vec<Alert>,
    /// The same spikes as findings of the `watch/*` rules (those enabled).
    pub findings: Vec<Finding>,
}

fn mean_sd(v: &[u64]) -> (f64, f64) {
    let n = v.len() as f64;
    let mean = v.iter().sum::<u64>() as f64 / n;
    let var = if v.len() > 1 {
        v.iter().map(|x| (*x as f64 - mean).powi(2)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    (mean, var.sqrt())
}

/// Finds the volume and negative-sentiment spikes of each brand.
///
/// Fails as [`super::voice::share_of_voice`] does, and when `window` is 0 or `threshold` is not
/// a positive number.
pub fn alerts(mentions: &[Mention], brands: &[Brand], opts: &AlertOptions) -> Result<Alerts> {
    // Bad options are refused before the mentions are matched and scored.
    check(opts)?;
    alerts_in(&scope(mentions, brands, &opts.watch)?, opts)
}

fn check(opts: &AlertOptions) -> Result<()> {
    if opts.window == 0 || opts.window > 366 {
        return Err(Error::Argument {
            name: "window".into(),
            message: format!("{} days: give a window of 1 to 366 days", opts.window),
        });
    }
    if !(opts.threshold.is_finite() && opts.threshold > 0.0) {
        return Err(Error::Argument {
            name: "threshold".into(),
            message: format!(
                "{}: give a z-score threshold > 0 (3 is usual)",
                opts.threshold
            ),
        });
    }
    Ok(())
}

/// [`alerts`] over a scope computed once (the watch brief shares one).
pub(crate) fn alerts_in(sc: &Scope<'_>, opts: &AlertOptions) -> Result<Alerts> {
    check(opts)?;
    let mut findings = Findings::new(RULES, &opts.rules)?;
    let Some(first) = sc.facts.iter().map(|f| f.day).min() else {
        return Ok(Alerts {
            denominator: sc.denominator.clone(),
            method: method(opts),
            alerts: Vec::new(),
            findings: Vec::new(),
        });
    };
    let nb = sc.brands.len();
    // Per brand: day → its mentions and its negative mentions (fact indices). Sparse, so a stray
    // date years away costs nothing; a day with no mention cannot spike (z < 0).
    let mut all = vec![BTreeMap::<NaiveDate, Vec<usize>>::new(); nb];
    let mut neg = vec![BTreeMap::<NaiveDate, Vec<usize>>::new(); nb];
    for (i, f) in sc.facts.iter().enumerate() {
        for &b in &f.brands {
            all[usize::from(b)].entry(f.day).or_default().push(i);
            if f.label() == Some(Label::Negative) {
                neg[usize::from(b)].entry(f.day).or_default().push(i);
            }
        }
    }
    let w = i64::from(opts.window);
    let mut out = Vec::new();
    for b in 0..nb {
        for (r, (rule, series)) in [
            ("watch/volume-spike", &all[b]),
            ("watch/negative-spike", &neg[b]),
        ]
        .into_iter()
        .enumerate()
        {
            for (&day, ids) in series {
                let x = ids.len() as u64;
                // Only once a full window precedes the day.
                if x < opts.min_mentions.max(1) || (day - first).num_days() < w {
                    continue;
                }
                let counts: Vec<u64> = (1..=w)
                    .map(|k| {
                        series
                            .get(&(day - Duration::days(k)))
                            .map_or(0, |v| v.len() as u64)
                    })
                    .collect();
                let (mean, sd) = mean_sd(&counts);
                let spread = sd.max(mean.sqrt()).max(1.0);
                let z = (x as f64 - mean) / spread;
                if z < opts.threshold {
                    continue;
                }
                out.push((
                    (day, b, r),
                    Alert {
                        rule: rule.into(),
                        brand: sc.brands[b].name.clone(),
                        day: day.to_string(),
                        count: x,
                        baseline_mean: mean,
                        baseline_sd: sd,
                        spread,
                        z,
                        baseline_from: (day - Duration::days(w)).to_string(),
                        baseline_to: (day - Duration::days(1)).to_string(),
                        mentions: all[b].get(&day).map_or(0, |v| v.len() as u64),
                        negative: neg[b].get(&day).map_or(0, |v| v.len() as u64),
                        mention_ids: ids
                            .iter()
                            .map(|&i| sc.facts[i].mention.id.clone())
                            .collect(),
                    },
                ));
            }
        }
    }
    out.sort_by_key(|(k, _)| *k);
    let out: Vec<Alert> = out.into_iter().map(|(_, a)| a).collect();
    for a in &out {
        let what = if a.rule == "watch/volume-spike" {
            "mentions"
        } else {
            "negative mentions"
        };
        findings.report(
            &a.rule,
            Location::path(format!("{}/{}", a.brand, a.day)),
            format!(
                "{}: {} {what} on {}, z = {:.1} against the {} days before ({} to {}: mean {:.1}, sd {:.1}, spread used {:.1})",
                a.brand,
                a.count,
                a.day,
                a.z,
                opts.window,
                a.baseline_from,
                a.baseline_to,
                a.baseline_mean,
                a.baseline_sd,
                a.spread
            ),
            Some(format!(
                "Read the day's {what} ({}{}) and find the post, article or event behind them{}",
                a.mention_ids.iter().take(5).cloned().collect::<Vec<_>>().join(", "),
                if a.mention_ids.len() > 5 { ", …" } else { "" },
                if a.rule == "watch/negative-spike" {
                    "; answer publicly where the charter says so"
                } else {
                    ""
                }
            )),
        );
    }
    Ok(Alerts {
        denominator: sc.denominator.clone(),
        method: method(opts),
        alerts: out,
        findings: findings.into_vec(),
    })
}

fn method(opts: &AlertOptions) -> String {
    format!(
        "per brand and day: z = (count − mean) / max(sd, √mean, 1) over the {} days before; alert \
         when z ≥ {} and count ≥ {}",
        opts.window, opts.threshold, opts.min_mentions
    )
}
