//! Writes the benchmark corpus (one JSON string per line) and, with `--time N`, measures smo's
//! throughput on it: `parse_x` (v3) plus `extract_entities` per post, single thread, N rounds.
//! Used by `tests/bench/compare_twitter_text.sh`.

use std::time::Instant;

use smo_core::text::{XConfig, extract_entities, parse_x};

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let posts = corpus::corpus(n);
    if args.get(2).map(String::as_str) == Some("--time") {
        let rounds: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(5);
        let mut checksum = 0u64;
        let start = Instant::now();
        for _ in 0..rounds {
            for p in &posts {
                checksum += parse_x(p, &XConfig::V3).weighted_length;
                checksum += extract_entities(p).len() as u64;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{{\"posts_per_second\": {}, \"checksum\": {checksum}}}",
            (n * rounds) as f64 / secs
        );
        return;
    }
    for p in posts {
        println!("{}", serde_json::to_string(&p).unwrap_or_default());
    }
}
