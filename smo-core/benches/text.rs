//! Throughput of the text engine over a reproducible multi-script corpus.
//!
//! Run with `cargo bench -p smo-core --bench text`; the comparison with npm `twitter-text`
//! is `tests/bench/compare_twitter_text.sh`.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use smo_core::Network;
use smo_core::text::{CountOptions, XConfig, count_batch, extract_entities, parse_x};

mod corpus;

fn bench(c: &mut Criterion) {
    let posts = corpus::corpus(2_000);
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Elements(posts.len() as u64));
    group.bench_function("parse_x+extract_entities", |b| {
        b.iter(|| {
            let mut total = 0u64;
            for p in &posts {
                total += parse_x(p, &XConfig::V3).weighted_length;
                total += extract_entities(p).len() as u64;
            }
            total
        })
    });
    group.bench_function("count_bluesky_batch", |b| {
        b.iter(|| count_batch(&posts, Network::Bluesky, &CountOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
