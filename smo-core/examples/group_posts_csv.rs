//! Groups the posts of a metrics CSV export of any size, streamed from a file
//! (`kpi::group::group_posts_csv_reader`), by network and month, and prints the totals and the
//! process's peak resident memory, for `tests/bench/csv_memory.sh`.
//!
//! `cargo run --release --example group_posts_csv -- posts.csv`

use std::io::BufReader;
use std::process::ExitCode;

use smo_core::kpi::formula::Formula;
use smo_core::kpi::group::{GroupBy, GroupOptions, Period, group_posts_csv_reader};

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: group_posts_csv POSTS_CSV");
        return ExitCode::FAILURE;
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot open {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    let kpis: Result<Vec<Formula>, _> = ["posts", "reach", "engagement_rate", "click_through_rate"]
        .iter()
        .map(|k| Formula::parse(k))
        .collect();
    let Ok(kpis) = kpis else {
        eprintln!("bad KPI");
        return ExitCode::FAILURE;
    };
    let opts = GroupOptions {
        by: vec![GroupBy::Network],
        period: Some(Period::Month),
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    match group_posts_csv_reader(
        BufReader::with_capacity(1 << 20, file),
        &Default::default(),
        &kpis,
        &opts,
    ) {
        Ok(s) => {
            let secs = t0.elapsed().as_secs_f64();
            println!(
                "bytes={bytes} rows={} rejected={} groups={} seconds={secs:.2} MB_per_s={:.0} peak_rss_MiB={:.1}",
                s.rows,
                s.rejected.len(),
                s.grouped.rows.len(),
                bytes as f64 / 1e6 / secs,
                peak_rss_kib().unwrap_or(0) as f64 / 1024.0
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
