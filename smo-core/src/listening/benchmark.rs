//! Competitor benchmark: the KPI catalogue's post formulas, with the same versions and
//! parameters, computed for the brand and each competitor from public account metrics, side by
//! side, and each difference explained by its components.
//!
//! The input is the post-metrics schema with an `account` column (the brand's own export and what
//! a public-metrics tool gives for the competitors, in one file or concatenated). A KPI is only
//! comparable between accounts when it is the same formula, so each row names its canonical spec
//! (`engagement_rate@v1?basis=reach&…`), and the numbers behind it: posts, Σ numerator and Σ
//! denominator, per post. A ratio's difference is read off them: a higher engagement rate comes
//! from more engagement per post, less reach per post, or both, and the explanation says which,
//! as ratios of the competitor's to the brand's.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::data::PostRow;
use crate::error::{Error, Result};
use crate::kpi::formula::{Accumulator, Aggregation, Formula};
use crate::kpi::{Unit, format_value};
use crate::network::Network;

use super::query::text::fold;

/// Which posts count, and which account is the brand's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BenchmarkOptions {
    /// The brand's account (as in the `account` column); `None`: no explanations, values only.
    pub own: Option<String>,
    /// First instant counted (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// End of the period (exclusive).
    pub to: Option<DateTime<Utc>>,
    /// Networks counted; empty: all.
    pub networks: Vec<Network>,
}

/// One account's value of one KPI, with its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountValue {
    /// The account.
    pub account: String,
    /// Whether it is the brand's.
    pub own: bool,
    /// Its posts in scope.
    pub posts: u64,
    /// The value; `None` when undefined (no usable post, zero denominator).
    pub value: Option<f64>,
    /// Posts whose value counted.
    pub used: u64,
    /// Posts left out (a needed metric missing, zero denominators in a mean).
    pub excluded: u64,
    /// Σ numerator of the posts used.
    pub numerator: f64,
    /// Σ denominator of the posts used (`None` when the formula has none).
    pub denominator: Option<f64>,
    /// Σ numerator / posts used.
    pub numerator_per_post: Option<f64>,
    /// Σ denominator / posts used.
    pub denominator_per_post: Option<f64>,
}

/// One KPI for every account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkKpi {
    /// Canonical spec: the same formula and version for every account.
    pub kpi: String,
    /// The formula in words.
    pub formula: String,
    /// Unit.
    pub unit: Unit,
    /// What is summed on top (`likes + comments + shares + saves`).
    pub numerator: String,
    /// What is summed below, if anything (`reach`).
    pub denominator: Option<String>,
    /// How per-post values become one (`sum`, `mean`, `ratio`).
    pub aggregation: Aggregation,
    /// Per account, own first then by name.
    pub values: Vec<AccountValue>,
    /// Per competitor, its value against the brand's and why (empty without an own account).
    pub explanations: Vec<String>,
}

/// The benchmark of a set of accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Accounts, own first then by name.
    pub accounts: Vec<String>,
    /// The brand's account, if given.
    pub own: Option<String>,
    /// Start of the period (RFC 3339), if given.
    pub from: Option<String>,
    /// End of the period (exclusive), if given.
    pub to: Option<String>,
    /// Networks counted (empty: all).
    pub networks: Vec<String>,
    /// Posts given.
    pub posts: u64,
    /// Posts in scope with no account (left out, counted here).
    pub without_account: u64,
    /// One row per KPI, in the order asked.
    pub kpis: Vec<BenchmarkKpi>,
}

fn names(fields: &[crate::kpi::formula::PostField]) -> String {
    fields
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(" + ")
}

fn times(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => format!("×{:.2}", a / b),
        _ => "n/a".into(),
    }
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("n/a".into(), |v| format_value(v, Unit::Count))
}

fn explain(k: &BenchmarkKpi, own: &AccountValue, c: &AccountValue) -> String {
    let show = |v: Option<f64>| v.map_or("undefined".into(), |v| format_value(v, k.unit));
    let diff = match (c.value, own.value) {
        (Some(a), Some(b)) if k.unit == Unit::Percent => format!(" ({:+.2} pts)", a - b),
        (Some(a), Some(b)) if b != 0.0 => format!(" (×{:.2})", a / b),
        _ => String::new(),
    };
    let head = format!(
        "{}: {} against {} for {}{diff}",
        c.account,
        show(c.value),
        show(own.value),
        own.account
    );
    let parts = match (&k.denominator, k.aggregation) {
        _ if k.numerator == "posts" => format!("{} posts against {}", c.used, own.used),
        (_, Aggregation::Sum) => format!(
            "{} posts against {} ({}), {} {} per post against {} ({})",
            c.used,
            own.used,
            times(Some(c.used as f64), Some(own.used as f64)),
            fmt(c.numerator_per_post),
            k.numerator,
            fmt(own.numerator_per_post),
            times(c.numerator_per_post, own.numerator_per_post)
        ),
        (None, _) => format!(
            "{} {} per post against {} ({})",
            fmt(c.numerator_per_post),
            k.numerator,
            fmt(own.numerator_per_post),
            times(c.numerator_per_post, own.numerator_per_post)
        ),
        (Some(den), agg) => format!(
            "{} {} per post against {} ({}), on {} {den} per post against {} ({}){}",
            fmt(c.numerator_per_post),
            k.numerator,
            fmt(own.numerator_per_post),
            times(c.numerator_per_post, own.numerator_per_post),
            fmt(c.denominator_per_post),
            fmt(own.denominator_per_post),
            times(c.denominator_per_post, own.denominator_per_post),
            if agg == Aggregation::Mean {
                "; the value is the mean of per-post rates, so these totals explain it only roughly"
            } else {
                ""
            }
        ),
    };
    format!("{head}: {parts}")
}

/// The `kpis` (post formulas of the catalogue) of each account in `posts`, side by side.
///
/// Fails (`Error::Argument`) when a KPI does not read post metrics (accounts and web KPIs need
/// data competitors do not publish), or when `own` is not an account of the posts.
pub fn benchmark(
    posts: &[PostRow],
    kpis: &[Formula],
    opts: &BenchmarkOptions,
) -> Result<Benchmark> {
    let calcs = kpis
        .iter()
        .enumerate()
        .map(|(i, k)| {
            k.post.as_ref().ok_or_else(|| Error::Argument {
                name: format!("kpis[{i}]"),
                message: format!(
                    "`{}` does not read post metrics: a benchmark compares post KPIs (engagement_rate, virality_rate, engagements, posts…)",
                    k.canonical()
                ),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let in_scope = |p: &PostRow| {
        opts.from.is_none_or(|f| p.published >= f)
            && opts.to.is_none_or(|t| p.published < t)
            && (opts.networks.is_empty() || opts.networks.contains(&p.network))
    };
    let mut by: BTreeMap<String, (String, Vec<&PostRow>)> = BTreeMap::new();
    let mut without_account = 0u64;
    for p in posts.iter().filter(|p| in_scope(p)) {
        match p
            .account
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            Some(a) => by
                .entry(fold(a))
                .or_insert_with(|| (a.to_owned(), Vec::new()))
                .1
                .push(p),
            None => without_account += 1,
        }
    }
    let own_key = opts.own.as_deref().map(|o| fold(o.trim()));
    if let Some(k) = &own_key {
        if !by.contains_key(k) {
            return Err(Error::Argument {
                name: "own".into(),
                message: format!(
                    "`{}` has no post in scope; accounts: {}",
                    opts.own.as_deref().unwrap_or_default(),
                    by.values()
                        .map(|(a, _)| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    let mut order: Vec<(&String, &(String, Vec<&PostRow>))> = by.iter().collect();
    order.sort_by_key(|(k, _)| Some(*k) != own_key.as_ref());
    let rows = kpis
        .iter()
        .zip(calcs)
        .map(|(k, calc)| {
            let values: Vec<AccountValue> = order
                .iter()
                .map(|(key, (name, ps))| {
                    let mut acc = Accumulator::default();
                    for p in ps {
                        acc.add(calc, p);
                    }
                    let used = acc.used();
                    let per = |x: f64| (used > 0).then(|| x / used as f64);
                    let has_den = !calc.denominator.is_empty();
                    AccountValue {
                        account: name.clone(),
                        own: Some(*key) == own_key.as_ref(),
                        posts: ps.len() as u64,
                        value: acc.value(calc),
                        used,
                        excluded: acc.excluded(),
                        numerator: acc.numerator(),
                        denominator: has_den.then(|| acc.denominator()),
                        numerator_per_post: per(acc.numerator()),
                        denominator_per_post: if has_den {
                            per(acc.denominator())
                        } else {
                            None
                        },
                    }
                })
                .collect();
            let mut row = BenchmarkKpi {
                kpi: k.canonical(),
                formula: k.def().formula.to_owned(),
                unit: k.unit(),
                numerator: if calc.count_posts {
                    "posts".into()
                } else {
                    names(&calc.numerator)
                },
                denominator: (!calc.denominator.is_empty()).then(|| names(&calc.denominator)),
                aggregation: calc.aggregation,
                values,
                explanations: Vec::new(),
            };
            if let Some(own) = row.values.iter().find(|v| v.own).cloned() {
                row.explanations = row
                    .values
                    .iter()
                    .filter(|v| !v.own)
                    .map(|c| explain(&row, &own, c))
                    .collect();
            }
            row
        })
        .collect();
    Ok(Benchmark {
        accounts: order.iter().map(|(_, (n, _))| n.clone()).collect(),
        own: order
            .iter()
            .find(|(k, _)| Some(*k) == own_key.as_ref())
            .map(|(_, (n, _))| n.clone()),
        from: opts.from.map(|d| d.to_rfc3339()),
        to: opts.to.map(|d| d.to_rfc3339()),
        networks: opts
            .networks
            .iter()
            .map(|n| n.as_str().to_owned())
            .collect(),
        posts: posts.len() as u64,
        without_account,
        kpis: rows,
    })
}
