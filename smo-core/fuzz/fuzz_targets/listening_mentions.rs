//! Fuzzes the mention loaders: arbitrary bytes as CSV, JSON and JSON lines. Nothing may panic
//! and no row may be lost: every JSON line is read or rejected with its line number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::data::{LoadOptions, load_csv, load_json, load_json_lines};
use smo_core::listening::Mention;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let opts = LoadOptions { time_zone: "Europe/Paris".parse().unwrap_or_default(), ..Default::default() };
    let _ = load_csv::<Mention>(&text, &opts);
    let _ = load_json::<Mention>(&text, &opts);
    if let Ok(l) = load_json_lines::<Mention>(&text, &opts) {
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(l.rows.len() + l.rejected.len(), lines);
    }
});
