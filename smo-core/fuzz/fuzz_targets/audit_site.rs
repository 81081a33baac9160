//! Fuzzes the site audit: the bytes split at NUL are the pages of one site (URLs made from
//! their index, one of them the home page), audited with the example strategy. Nothing may
//! panic; every page given is in the report once, and every finding names a page given.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::Strategy;
use smo_core::audit::{SiteOptions, audit_site};

fuzz_target!(|data: &[u8]| {
    let pages: Vec<(String, &[u8])> = data
        .split(|&b| b == 0)
        .take(12)
        .enumerate()
        .map(|(i, html)| {
            let url = if i == 0 {
                "https://www.maisonlune.fr/".to_owned()
            } else {
                format!("https://www.maisonlune.fr/p/{i}")
            };
            (url, html)
        })
        .collect();
    let Ok(strategy) = Strategy::example() else { return };
    let Ok(report) = audit_site(
        pages.iter().map(|(u, h)| (u.clone(), h.to_vec())),
        Some(&strategy),
        &SiteOptions::default(),
    ) else {
        return;
    };
    assert_eq!(report.pages.len(), pages.len());
    for f in &report.findings {
        assert!(pages.iter().any(|(u, _)| *u == f.url), "finding on an unknown page {}", f.url);
    }
});
