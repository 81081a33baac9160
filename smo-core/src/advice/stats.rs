//! The statistical guard of content advice: Welch's two-sample t-test on per-post values, its
//! confidence interval, and Holm's step-down correction over a family of comparisons.
//!
//! Why Welch and not a proportion test on Σ engagements / Σ reach: engagements are not
//! independent trials of the reached people (one share brings more views, one viral post
//! dominates a sum), so a binomial test on totals is wildly over-confident. The post is the
//! independent unit; Welch's test (B. L. Welch, *Biometrika* 34, 1947) does not assume equal
//! variances, and Holm's method (S. Holm, *Scand. J. Statistics* 6, 1979) keeps the chance of
//! any false "this works" across a family (all content types, all pillars...) at α.
//! The t distribution is computed from the regularised incomplete beta function (Numerical
//! Recipes' continued fraction, written from the formula), so no dependency is needed.

use serde::{Deserialize, Serialize};

/// The method id printed beside every comparison.
pub const METHOD: &str = "welch_t@v1";

/// A group of posts against the rest, on one per-post measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The family the comparison belongs to (`content_type`, `pillar`, `time_window`, ...).
    pub family: String,
    /// The group (`carousel`, `Savoir-faire`, `evening`...).
    pub group: String,
    /// The per-post measure compared (`relative_engagement`, `relative_share_rate`).
    pub measure: String,
    /// Posts in the group.
    pub n: u64,
    /// Mean of the measure in the group.
    pub mean: f64,
    /// Posts in the rest.
    pub rest_n: u64,
    /// Mean of the measure in the rest.
    pub rest_mean: f64,
    /// `mean − rest_mean`.
    pub difference: f64,
    /// Lower bound of the confidence interval of the difference.
    pub ci_low: f64,
    /// Upper bound.
    pub ci_high: f64,
    /// Confidence level of the interval, 0..1 (`1 − α`).
    pub confidence: f64,
    /// Welch's t.
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// Holm-adjusted p-value within the family.
    pub p_adjusted: f64,
    /// Whether the adjusted p-value is below α.
    pub significant: bool,
    /// Why the comparison was not made or not retained (`group below 10 posts`), empty otherwise.
    pub note: String,
    /// [`METHOD`].
    pub method: String,
}

fn mean_var(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    (m, v)
}

/// Welch's test of `a` against `b` with a `1 − alpha` interval; `None` with fewer than two
/// values on a side or no variance at all.
pub fn welch(a: &[f64], b: &[f64], alpha: f64) -> Option<(f64, f64, f64, f64, f64)> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let (ma, va) = mean_var(a);
    let (mb, vb) = mean_var(b);
    let (sa, sb) = (va / a.len() as f64, vb / b.len() as f64);
    let se2 = sa + sb;
    if se2.is_nan() || se2 <= 0.0 || !se2.is_finite() {
        return None;
    }
    let se = se2.sqrt();
    let t = (ma - mb) / se;
    let df = se2 * se2 / (sa * sa / (a.len() as f64 - 1.0) + sb * sb / (b.len() as f64 - 1.0));
    let p = two_sided_p(t, df);
    let q = t_quantile(alpha, df);
    Some((t, df, p, ma - mb - q * se, ma - mb + q * se))
}

/// Two-sided p-value of `t` with `df` degrees of freedom.
pub fn two_sided_p(t: f64, df: f64) -> f64 {
    if !t.is_finite() {
        return 0.0;
    }
    inc_beta(df / 2.0, 0.5, df / (df + t * t)).clamp(0.0, 1.0)
}

/// The `t` whose two-sided p-value is `alpha` (the interval's half-width in standard errors).
pub fn t_quantile(alpha: f64, df: f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0e4_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if two_sided_p(mid, df) > alpha {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Holm's step-down adjustment: the adjusted p-values, in input order.
pub fn holm(ps: &[f64]) -> Vec<f64> {
    let m = ps.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| ps[a].total_cmp(&ps[b]).then(a.cmp(&b)));
    let mut out = vec![0.0; m];
    let mut running = 0.0_f64;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max(((m - rank) as f64 * ps[i]).min(1.0));
        out[i] = running;
    }
    out
}

fn ln_gamma(x: f64) -> f64 {
    // Lanczos, g = 7, n = 9.
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularised incomplete beta function I_x(a, b).
fn inc_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, 1.0 - x) / b
    }
}

fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..300 {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_distribution_matches_tables() {
        // Student's t tables: t(0.975, 10) = 2.228, t(0.975, 30) = 2.042, t(0.975, 1) = 12.706.
        assert!((t_quantile(0.05, 10.0) - 2.228_139).abs() < 1e-4);
        assert!((t_quantile(0.05, 30.0) - 2.042_272).abs() < 1e-4);
        assert!((t_quantile(0.05, 1.0) - 12.706_20).abs() < 1e-3);
        assert!((two_sided_p(2.0, 20.0) - 0.059_27).abs() < 1e-4);
    }

    #[test]
    fn welch_on_a_worked_example() {
        // Two samples whose Welch statistics were computed by hand:
        // means 20 and 12.5, variances 9.5 and 9.6667, n 5 and 4: t = 3.6098, df = 6.54.
        let a = [19.0, 22.0, 16.0, 24.0, 19.0];
        let b = [11.0, 14.0, 9.0, 16.0];
        let (t, df, p, lo, hi) = welch(&a, &b, 0.05).unwrap();
        assert!((t - 3.6098).abs() < 1e-3, "{t}");
        assert!((df - 6.54).abs() < 0.01, "{df}");
        assert!(p < 0.015 && p > 0.005, "{p}");
        assert!(lo > 2.0 && hi < 13.0 && lo < 7.5 && hi > 7.5);
        assert!(welch(&[1.0], &b, 0.05).is_none());
        assert!(welch(&[1.0, 1.0], &[1.0, 1.0], 0.05).is_none());
    }

    #[test]
    fn holm_steps_down() {
        let adj = holm(&[0.01, 0.04, 0.03, 0.2]);
        for (a, e) in adj.iter().zip([0.04, 0.09, 0.09, 0.2]) {
            assert!((a - e).abs() < 1e-12, "{adj:?}");
        }
    }
}
