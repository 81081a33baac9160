//! The Rust half of the audit comparison (`smo-core/benches/audit_compare.py` runs it):
//! writes the generated benchmark pages to a folder, so every peer reads the same files, and
//! times smo's `audit_page`, the bare lol_html scan (the floor), a lean lol_html pass (the kind
//! measured on real pages in the site-audit reference, as a realism check of the page set) and
//! `audit_site` on one thread and every core. Prints one JSON object.
//!
//! `PAGESET=stress|calibrated cargo run --release --example audit_bench -- <out-dir> [rounds]`
//!
//! The timed tasks run in interleaved rounds (each round runs every task once) until each has
//! run `rounds` times and `MIN_SECONDS` (default 2) have passed; the best round counts.
//!
//! `stress` (the default) is the original dense set (`pagegen::pages`); `calibrated` follows
//! published statistics of real pages (`pagegen::calibrated_pages`, see `docs/audit.md`).

#[path = "../benches/support/barescan.rs"]
mod barescan;
#[path = "../benches/support/pagegen.rs"]
mod pagegen;

use std::process::ExitCode;
use std::time::Instant;

use smo_core::audit::{AuditOptions, SiteOptions, audit_page, audit_site};

/// The best time of each task over interleaved rounds: each round runs every task once, in
/// turn, so that a burst of load on a shared machine slows all of them rather than one; rounds go
/// on until every task has run `rounds` times and `min_seconds` have passed.
fn best_interleaved(rounds: usize, min_seconds: f64, tasks: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; tasks.len()];
    let start = Instant::now();
    let mut done = 0;
    while done < rounds || start.elapsed().as_secs_f64() < min_seconds {
        for (task, best) in tasks.iter_mut().zip(best.iter_mut()) {
            let t = Instant::now();
            task();
            *best = best.min(t.elapsed().as_secs_f64());
        }
        done += 1;
    }
    best
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: audit_bench <out-dir> [rounds]");
        return ExitCode::FAILURE;
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let set = std::env::var("PAGESET").unwrap_or_else(|_| "stress".to_owned());
    let pages = match set.as_str() {
        "stress" => pagegen::pages(),
        "calibrated" => pagegen::calibrated_pages(),
        other => {
            eprintln!("unknown PAGESET {other:?}: use stress or calibrated");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {out}: {e}");
        return ExitCode::FAILURE;
    }
    let mut index = String::new();
    for (i, (url, html)) in pages.iter().enumerate() {
        let name = format!("{i:03}.html");
        if let Err(e) = std::fs::write(format!("{out}/{name}"), html) {
            eprintln!("cannot write {name}: {e}");
            return ExitCode::FAILURE;
        }
        index.push_str(&format!("{name}\t{url}\n"));
    }
    if let Err(e) = std::fs::write(format!("{out}/index.tsv"), index) {
        eprintln!("cannot write the index: {e}");
        return ExitCode::FAILURE;
    }
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let options = AuditOptions::default();
    let site_options = |threads| SiteOptions {
        threads,
        ..SiteOptions::default()
    };
    let (one, all) = (site_options(Some(1)), site_options(None));
    let site = |options: &SiteOptions| {
        let _ = std::hint::black_box(audit_site(
            pages.iter().map(|(u, h)| (u.as_str(), h.as_bytes())),
            None,
            options,
        ));
    };
    let min_seconds: f64 = std::env::var("MIN_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let times = best_interleaved(
        rounds,
        min_seconds,
        &mut [
            &mut || {
                for (url, html) in &pages {
                    let _ = std::hint::black_box(audit_page(html.as_bytes(), url, &options));
                }
            },
            &mut || {
                for (_, html) in &pages {
                    std::hint::black_box(barescan::scan(html.as_bytes()));
                }
            },
            &mut || {
                for (_, html) in &pages {
                    std::hint::black_box(barescan::scan_lean(html.as_bytes()));
                }
            },
            &mut || site(&one),
            &mut || site(&all),
        ],
    );
    let [smo, bare, lean, site1, site_all] = times[..] else {
        eprintln!("internal: expected five timings");
        return ExitCode::FAILURE;
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{{\"set\": \"{set}\", \"pages\": {}, \"bytes\": {bytes}, \"cores\": {cores}, \"seconds\": {{\"smo_rust\": {smo}, \"bare_lol_html\": {bare}, \"lean_lol_html_pass\": {lean}, \"smo_rust_site_1_thread\": {site1}, \"smo_rust_site_all_cores\": {site_all}}}}}",
        pages.len()
    );
    ExitCode::SUCCESS
}
