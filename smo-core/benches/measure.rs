//! Benchmarks of the measurement engine: referrer classification with channel grouping, and KPI
//! aggregation of posts grouped by network and month. The cross-language comparisons against
//! PyPI `referer-parser` and pandas are in `tests/bench/`.

use criterion::{Criterion, Throughput, criterion_main};
use smo_core::data::PostRow;
use smo_core::kpi::formula::{Formula, PostField};
use smo_core::kpi::group::{
    GroupBy, GroupOptions, Period, PostColumns, group_columns, group_posts,
};
use smo_core::traffic::batch::breakdown_referrers;
use smo_core::traffic::referrer::{ClassifyOptions, classify_with};
use smo_core::{Network, traffic};

/// The referrer mix of the comparison scripts: social, search with terms, mail, AI, unknown, direct.
pub const REFERRERS: &[&str] = &[
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.maisonlune.fr%2F",
    "https://www.google.com/",
    "https://www.google.fr/search?q=linge+de+lit",
    "https://t.co/AbCdEf",
    "https://www.instagram.com/",
    "https://duckduckgo.com/?q=draps+lin",
    "https://mail.google.com/mail/u/0/",
    "https://chatgpt.com/",
    "https://www.bing.com/search?q=washed+linen",
    "https://blog.example.org/article",
    "",
    "https://www.pinterest.fr/pin/123/",
    "https://lnkd.in/xyz",
    "https://news.ycombinator.com/item?id=1",
    "https://search.yahoo.com/search?p=linen",
    "https://www.reddit.com/r/malelivingspace/",
];

fn posts(n: usize) -> Vec<PostRow> {
    let nets = [
        Network::Instagram,
        Network::Facebook,
        Network::Pinterest,
        Network::LinkedIn,
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let day = (x % 90) as i64;
            PostRow {
                published: chrono::DateTime::from_timestamp(
                    1_782_864_000 + day * 86_400 + (x % 86_400) as i64,
                    0,
                )
                .unwrap_or_default(),
                network: nets[i % 4],
                post_id: String::new(),
                content_type: None,
                pillar: None,
                campaign: None,
                account: None,
                link: None,
                text: None,
                impressions: Some(1000 + x % 5000),
                reach: Some(800 + x % 4000),
                views: None,
                likes: Some(x % 200),
                comments: Some(x % 30),
                shares: Some(x % 11),
                saves: Some(x % 17),
                clicks: Some(x % 50),
                video_views: None,
                follows: None,
                followers: Some(10_000),
                cost: None,
            }
        })
        .collect()
}

/// All benchmarks of this file.
pub fn bench(c: &mut Criterion) {
    let refs: Vec<&str> = (0..100_000)
        .map(|i| REFERRERS[i % REFERRERS.len()])
        .collect();
    let opts = ClassifyOptions::default();
    let mut g = c.benchmark_group("traffic");
    g.throughput(Throughput::Elements(refs.len() as u64));
    g.bench_function("classify+channel (serial, 100k)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for r in &refs {
                let c = classify_with(r, None, &opts);
                n += c.channel() as usize;
            }
            n
        })
    });
    g.bench_function("breakdown_referrers (parallel, 100k)", |b| {
        b.iter(|| breakdown_referrers(&refs, None, &opts).total)
    });
    g.bench_function("channel_group only (100k)", |b| {
        b.iter(|| {
            refs.iter()
                .filter(|_| {
                    traffic::channel_group("facebook", "paid_social", "")
                        == traffic::Channel::PaidSocial
                })
                .count()
        })
    });
    g.finish();

    let data = posts(1_000_000);
    let kpis = [
        Formula::parse("engagement_rate").unwrap_or_else(|e| unreachable!("{e}")),
        Formula::parse("reach").unwrap_or_else(|e| unreachable!("{e}")),
        Formula::parse("click_through_rate").unwrap_or_else(|e| unreachable!("{e}")),
    ];
    let gopts = GroupOptions {
        by: vec![GroupBy::Network],
        period: Some(Period::Month),
        ..Default::default()
    };
    let mut g = c.benchmark_group("kpi");
    g.throughput(Throughput::Elements(data.len() as u64));
    g.sample_size(10);
    g.bench_function("group_posts network×month, 3 KPIs (1M posts)", |b| {
        b.iter(|| group_posts(&data, &kpis, &gopts).rows.len())
    });
    // The same posts as columns (the layout of a DataFrame), grouped chunk by chunk.
    let mut cols = PostColumns {
        published: data.iter().map(|p| p.published.timestamp()).collect(),
        network: data.iter().map(|p| p.network).collect(),
        ..Default::default()
    };
    for f in PostField::ALL {
        if data.iter().any(|p| f.get(p).is_some()) {
            cols.metrics.insert(
                f,
                data.iter().map(|p| f.get(p).unwrap_or(f64::NAN)).collect(),
            );
        }
    }
    g.bench_function("group_columns network×month, 3 KPIs (1M posts)", |b| {
        b.iter(|| {
            group_columns(&cols, &kpis, &gopts)
                .map(|g| g.rows.len())
                .unwrap_or_else(|e| unreachable!("{e}"))
        })
    });
    g.finish();
}

#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}
use group::benches;
criterion_main!(benches);
