//! Evaluation of the English sentiment engine on the VADER tweet ground truth (4,200 tweets,
//! 20 human ratings each), read at run time from `../shared/conformance/vader/` or
//! `$SMO_CONFORMANCE_DIR`; never copied into the repository. Protocol (that folder's
//! `SOURCE.md`): compound ≥ 0.05 positive, ≤ -0.05 negative, else neutral; a ground-truth
//! mean above 0 positive, below 0 negative, else neutral; Pearson r against the mean rating,
//! accuracy, macro-F1 over the three labels. Prints the figures; fails below the floors (the
//! reference implementation's r, 0.872, measured on this set with vaderSentiment 3.3.2). When the
//! file is absent the test says so and passes without checking anything.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use smo_core::listening::{Label, Lang, sentiment_batch};

const R_FLOOR: f64 = 0.872;

fn ground_truth() -> Option<String> {
    let dir = match std::env::var_os("SMO_CONFORMANCE_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance"),
    };
    for path in [
        dir.join("vader/tweets_GroundTruth.txt"),
        dir.join("tweets_GroundTruth.txt"),
    ] {
        if path.is_file() {
            return Some(std::fs::read_to_string(path).unwrap());
        }
    }
    eprintln!(
        "SKIPPED: vader/tweets_GroundTruth.txt not found in {} (set SMO_CONFORMANCE_DIR); \
         the sentiment evaluation did not run",
        dir.display()
    );
    None
}

fn truth_label(mean: f64) -> Label {
    if mean > 0.0 {
        Label::Positive
    } else if mean < 0.0 {
        Label::Negative
    } else {
        Label::Neutral
    }
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

fn macro_f1(truth: &[Label], pred: &[Label]) -> f64 {
    let labels = [Label::Positive, Label::Neutral, Label::Negative];
    let f1s: Vec<f64> = labels
        .iter()
        .map(|&l| {
            let tp = truth
                .iter()
                .zip(pred)
                .filter(|(t, p)| **t == l && **p == l)
                .count() as f64;
            let fp = truth
                .iter()
                .zip(pred)
                .filter(|(t, p)| **t != l && **p == l)
                .count() as f64;
            let fn_ = truth
                .iter()
                .zip(pred)
                .filter(|(t, p)| **t == l && **p != l)
                .count() as f64;
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fn_)
            }
        })
        .collect();
    f1s.iter().sum::<f64>() / f1s.len() as f64
}

#[test]
fn vader_tweets_ground_truth() {
    let Some(file) = ground_truth() else { return };
    let mut texts = Vec::new();
    let mut means = Vec::new();
    for line in file.lines().filter(|l| !l.trim().is_empty()) {
        let mut cols = line.splitn(3, '\t');
        let (_id, mean, text) = (cols.next(), cols.next(), cols.next());
        let mean: f64 = mean.unwrap().trim().parse().unwrap();
        means.push(mean);
        texts.push(text.unwrap_or("").to_owned());
    }
    assert_eq!(texts.len(), 4200);

    for (name, lang) in [("lang=en", Some(Lang::En)), ("lang detected", None)] {
        let scores = sentiment_batch(&texts, lang);
        let compound: Vec<f64> = scores.iter().map(|s| s.compound).collect();
        let pred: Vec<Label> = scores.iter().map(|s| s.label).collect();
        let truth: Vec<Label> = means.iter().map(|&m| truth_label(m)).collect();
        let r = pearson(&compound, &means);
        let accuracy =
            truth.iter().zip(&pred).filter(|(t, p)| t == p).count() as f64 / truth.len() as f64;
        let f1 = macro_f1(&truth, &pred);
        let english = scores.iter().filter(|s| s.lang == Lang::En).count();
        println!(
            "smo sentiment on VADER tweets ({name}): n={} r={r:.4} accuracy={accuracy:.4} \
             macro-F1={f1:.4} (scored as English: {english})",
            texts.len()
        );
        assert!(
            r >= R_FLOOR,
            "{name}: r = {r:.4} is below the floor {R_FLOOR}"
        );
        assert!(accuracy >= 0.80, "{name}: accuracy {accuracy:.4} regressed");
    }
}
