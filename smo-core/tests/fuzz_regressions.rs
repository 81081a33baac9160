//! The fuzz targets `strategy_parse`, `measure_loaders` and `traffic_inputs` on the stable
//! toolchain: their seeds and kept corpora (`smo-core/fuzz/{seeds,regressions}/<target>`) and
//! deterministic mutations of them, with the targets' properties — nothing panics, a strategy
//! that reads validates and round-trips through JSON, every CSV record is read or rejected.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use smo_core::Strategy;
use smo_core::data::{
    AccountRow, CostRow, LoadOptions, PostRow, Table, WebRow, load_csv, load_json,
};
use smo_core::strategy::rules::ValidateOptions;
use smo_core::traffic::batch::{LogOptions, breakdown_log, parse_log_line};
use smo_core::traffic::utm::{self, LintOptions, UtmOptions};
use smo_core::traffic::{channel_group, classify_referrer};

fn corpus(target: &str, mutations: usize) -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for dir in ["seeds", "regressions"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir).join(target)) {
            inputs.extend(rd.filter_map(|e| std::fs::read(e.ok()?.path()).ok()));
        }
    }
    assert!(!inputs.is_empty(), "no seeds for {target}");
    let mut rng = support::Rng((target.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let base = inputs.clone();
    for _ in 0..mutations {
        let mut x = base[rng.below(base.len())].clone();
        for _ in 0..1 + rng.below(3) {
            if x.is_empty() {
                x.push(b'=');
            }
            let at = rng.below(x.len());
            match rng.below(4) {
                0 => x[at] = rng.next() as u8,
                1 => x.truncate(at),
                2 => x.insert(at, b"\n\",;=[]{}%"[rng.below(10)]),
                _ => {
                    let piece: Vec<u8> = x[at..(at + 16).min(x.len())].to_vec();
                    x.splice(at..at, piece);
                }
            }
        }
        inputs.push(x);
    }
    inputs
}

#[test]
fn strategy_parse_corpus() {
    let mut read = 0;
    for input in corpus("strategy_parse", 1500) {
        let text = String::from_utf8_lossy(&input);
        for s in [Strategy::from_toml(&text), Strategy::from_json(&text)]
            .into_iter()
            .flatten()
        {
            read += 1;
            let _ = s.validate(&ValidateOptions::default());
            let _ = smo_core::listening::setup::brands(&s);
            let json = s.to_json().unwrap();
            assert_eq!(Strategy::from_json(&json).unwrap(), s);
        }
    }
    assert!(read > 0);
}

fn loads<T: Table>(text: &str) {
    for decimal_comma in [false, true] {
        let opts = LoadOptions {
            decimal_comma,
            ..Default::default()
        };
        let _ = load_json::<T>(text, &opts);
        if let Ok(l) = load_csv::<T>(text, &opts) {
            // Every record after the header is read or rejected (rejections name their line).
            assert!(l.rejected.iter().all(|r| r.line >= 1));
        }
    }
}

#[test]
fn measure_loaders_corpus() {
    for input in corpus("measure_loaders", 1500) {
        let text = String::from_utf8_lossy(&input);
        loads::<PostRow>(&text);
        loads::<AccountRow>(&text);
        loads::<WebRow>(&text);
        loads::<CostRow>(&text);
    }
}

#[test]
fn traffic_inputs_corpus() {
    for input in corpus("traffic_inputs", 1500) {
        let text = String::from_utf8_lossy(&input);
        for line in text.lines().take(64) {
            let _ = parse_log_line(line);
            let r = classify_referrer(line, Some("https://www.maisonlune.fr/"));
            let _ = channel_group(line, r.medium.as_str(), line);
            if let Ok(p) = utm::parse_url(line) {
                let _ = utm::build_url(line, &p.utm, &UtmOptions::default());
            }
        }
        let lines: Vec<&str> = text.lines().take(64).collect();
        let _ = utm::lint(&lines, &LintOptions::default());
        let _ = breakdown_log(&text, &LogOptions::default());
    }
}

include!("../fuzz/fuzz_targets/partners_check_property.rs");

/// The `partners_check` target on stable: its seeds, kept corpus and mutations hold the
/// target's property (no panic; every agreement checked; findings name their agreement).
#[test]
fn partners_check_corpus() {
    for input in corpus("partners_check", 1500) {
        smo_core_fuzz_partners(&input);
    }
}

include!("../fuzz/fuzz_targets/referer_database_property.rs");

/// The `referer_database` target on stable: seeds (the test fixtures and patterns), kept
/// corpus and mutations, with the target's property.
#[test]
fn referer_database_corpus() {
    for input in corpus("referer_database", 1500) {
        smo_core_fuzz_referer_database(&input);
    }
}

include!("../fuzz/fuzz_targets/text_parse_property.rs");
include!("../fuzz/fuzz_targets/audit_site_property.rs");

/// The `text_parse` target on stable: its kept corpus and mutations of it.
#[test]
fn text_parse_corpus() {
    for input in corpus("text_parse", 300) {
        smo_core_fuzz_text(&input);
    }
}

/// The `audit_site` target on stable: its seeds (the example site), kept corpus and mutations.
#[test]
fn audit_site_corpus() {
    for input in corpus("audit_site", 200) {
        smo_core_fuzz_site(&input);
    }
}
