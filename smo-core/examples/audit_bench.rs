//! The Rust half of the audit comparison (`smo-core/benches/audit_compare.py` runs it):
//! writes the generated benchmark pages to a folder, so every peer reads the same files, and
//! times smo's `audit_page`, the bare lol_html scan (the floor), a lean lol_html pass (the kind
//! measured on real pages in the site-audit reference, as a realism check of the page set) and
//! `audit_site` on one thread and every core. Prints one JSON object.
//!
//! `PAGESET=stress|calibrated cargo run --release --example audit_bench -- <out-dir> [rounds]`
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

fn best<F: FnMut()>(rounds: usize, mut f: F) -> f64 {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
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
    let smo = best(rounds, || {
        for (url, html) in &pages {
            let _ = std::hint::black_box(audit_page(html.as_bytes(), url, &options));
        }
    });
    let bare = best(rounds, || {
        for (_, html) in &pages {
            std::hint::black_box(barescan::scan(html.as_bytes()));
        }
    });
    let lean = best(rounds, || {
        for (_, html) in &pages {
            std::hint::black_box(barescan::scan_lean(html.as_bytes()));
        }
    });
    let site = |threads| {
        let options = SiteOptions {
            threads,
            ..SiteOptions::default()
        };
        best(rounds, || {
            let _ = std::hint::black_box(audit_site(
                pages.iter().map(|(u, h)| (u.as_str(), h.as_bytes())),
                None,
                &options,
            ));
        })
    };
    let site1 = site(Some(1));
    let site_all = site(None);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{{\"set\": \"{set}\", \"pages\": {}, \"bytes\": {bytes}, \"cores\": {cores}, \"seconds\": {{\"smo_rust\": {smo}, \"bare_lol_html\": {bare}, \"lean_lol_html_pass\": {lean}, \"smo_rust_site_1_thread\": {site1}, \"smo_rust_site_all_cores\": {site_all}}}}}",
        pages.len()
    );
    ExitCode::SUCCESS
}
