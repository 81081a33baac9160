//! Criterion benchmarks of the site audit on both generated page sets (the calibrated one, built
//! from published statistics of real pages, and the markup-dense stress one): `audit_page`
//! single-threaded, the bare lol_html floor, the lean pass, and `audit_site` on one thread and
//! on every core. Throughput in bytes (criterion prints MB/s); pages/s is pages ÷ time.
//! Run: `cargo bench -p smo-core --bench audit`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "support/barescan.rs"]
mod barescan;
#[path = "support/pagegen.rs"]
mod pagegen;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use smo_core::audit::{AuditOptions, SiteOptions, audit_page, audit_site};

fn bench(c: &mut Criterion) {
    for (set, pages) in [
        ("calibrated", pagegen::calibrated_pages()),
        ("stress", pagegen::pages()),
    ] {
        bench_set(c, set, &pages);
    }
}

fn bench_set(c: &mut Criterion, set: &str, pages: &[(String, String)]) {
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let mut g = c.benchmark_group(format!(
        "audit {set}: {} pages, {} MB",
        pages.len(),
        bytes / 1_000_000
    ));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    let options = AuditOptions::default();
    g.bench_function("smo audit_page, 1 thread", |b| {
        b.iter(|| {
            for (url, html) in pages {
                black_box(audit_page(html.as_bytes(), url, &options).unwrap());
            }
        })
    });
    g.bench_function("bare lol_html scan (floor), 1 thread", |b| {
        b.iter(|| {
            for (_, html) in pages {
                black_box(barescan::scan(html.as_bytes()));
            }
        })
    });
    g.bench_function("lean lol_html pass, 1 thread", |b| {
        b.iter(|| {
            for (_, html) in pages {
                black_box(barescan::scan_lean(html.as_bytes()));
            }
        })
    });
    for threads in [Some(1), None] {
        let name = match threads {
            Some(1) => "smo audit_site, 1 thread".to_owned(),
            _ => format!(
                "smo audit_site, all {} cores",
                std::thread::available_parallelism().map_or(1, |n| n.get())
            ),
        };
        let options = SiteOptions {
            threads,
            ..SiteOptions::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                black_box(
                    audit_site(
                        pages.iter().map(|(u, h)| (u.as_str(), h.as_bytes())),
                        None,
                        &options,
                    )
                    .unwrap(),
                )
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
