//! Breaks down a combined-format access log of any size, streamed from a file
//! (`traffic::batch::breakdown_log_reader`), and prints the totals and the process's peak
//! resident memory, for `tests/bench/log_memory.sh`.
//!
//! `cargo run --release --example log_breakdown -- access.log [https://www.example.com/]`

use std::io::BufReader;
use std::process::ExitCode;

use smo_core::traffic::batch::{LogOptions, breakdown_log_reader};

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: log_breakdown ACCESS_LOG [SITE_URL]");
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
    let opts = LogOptions {
        site: args.next(),
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    match breakdown_log_reader(BufReader::with_capacity(1 << 20, file), &opts) {
        Ok(b) => {
            let secs = t0.elapsed().as_secs_f64();
            println!(
                "bytes={bytes} visits={} rejected={} sources={} seconds={secs:.2} MB_per_s={:.0} peak_rss_MiB={:.1}",
                b.total,
                b.rejected.len(),
                b.sources.len(),
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
