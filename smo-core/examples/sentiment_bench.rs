//! Core-only throughput of the sentiment engine on the VADER tweets (no Python in the loop):
//! `cargo run --release -p smo-core --example sentiment_bench [repeat]`. Reads the set from
//! `../shared/conformance/vader/` or `$SMO_CONFORMANCE_DIR`. The Python comparison with
//! vaderSentiment is `tests/bench/sentiment_vs_vader.py`.

use std::path::PathBuf;
use std::time::Instant;

use smo_core::listening::{Lang, sentiment, sentiment_batch, sentiment_scores_batch};

fn main() {
    let repeat: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let dir = std::env::var_os("SMO_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance")
        });
    let Ok(file) = std::fs::read_to_string(dir.join("vader/tweets_GroundTruth.txt")) else {
        eprintln!("tweets_GroundTruth.txt not found under {}", dir.display());
        return;
    };
    let tweets: Vec<&str> = file
        .lines()
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect();
    let texts: Vec<&str> = tweets
        .iter()
        .copied()
        .cycle()
        .take(tweets.len() * repeat)
        .collect();
    let _ = sentiment("warm up", Some(Lang::En));
    if std::env::args().nth(2).as_deref() == Some("scores") {
        // One mode only, for a profiler.
        let t = Instant::now();
        let fast = sentiment_scores_batch(&texts, Some(Lang::En), Some(1)).unwrap_or_default();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "scores only, 1 thread: {:.2} µs/text ({})",
            secs * 1e6 / texts.len() as f64,
            fast.len()
        );
        return;
    }
    let t = Instant::now();
    let mut n = 0.0;
    for s in &texts {
        n += sentiment(s, Some(Lang::En)).compound;
    }
    let one = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let out = sentiment_batch(&texts, Some(Lang::En));
    let all = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let det = sentiment_batch(&texts, None);
    let detected = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let fast = sentiment_scores_batch(&texts, Some(Lang::En), Some(1)).unwrap_or_default();
    let fast_one = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let fast_all = sentiment_scores_batch(&texts, Some(Lang::En), None).unwrap_or_default();
    let fast_batch = t.elapsed().as_secs_f64();
    println!(
        "scores only: 1 thread {:.0}/s ({:.2} µs/text), batch {:.0}/s ({} {})",
        texts.len() as f64 / fast_one,
        fast_one * 1e6 / texts.len() as f64,
        texts.len() as f64 / fast_batch,
        fast.len(),
        fast_all.len()
    );
    println!(
        "{} texts: 1 thread {:.0}/s ({:.2} µs/text), batch {:.0}/s, batch with detection {:.0}/s (checksum {:.3} {} {})",
        texts.len(),
        texts.len() as f64 / one,
        one * 1e6 / texts.len() as f64,
        texts.len() as f64 / all,
        texts.len() as f64 / detected,
        n,
        out.len(),
        det.len()
    );
}
