//! Fuzz target: `audit_page` on arbitrary bytes must never panic, whatever the chunking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::audit::{AuditOptions, ScanLimits, audit_page};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the chunk size, so chunk boundaries are fuzzed too.
    let (chunk, html) = match data.split_first() {
        Some((c, rest)) => (usize::from(*c % 64) + 1, rest),
        None => (1, data),
    };
    let options = AuditOptions {
        limits: ScanLimits {
            chunk_size: chunk,
            ..ScanLimits::default()
        },
        ..AuditOptions::default()
    };
    if let Ok(audit) = audit_page(html, "https://fuzz.example/a/b?c=d", &options) {
        // Internal errors are caught and reported; the fuzzer treats them as crashes too.
        assert!(!audit.findings.iter().any(|f| f.rule == "page/internal-error"));
    }
});
