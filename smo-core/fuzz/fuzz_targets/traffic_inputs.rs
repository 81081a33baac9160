//! Fuzzes the traffic inputs: each line as an access-log line, a referrer (with and without a
//! page URL) and a URL whose UTM tags are parsed, built and linted; the whole text as an access
//! log. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::traffic::batch::{LogOptions, breakdown_log, parse_log_line};
use smo_core::traffic::utm::{self, LintOptions, UtmOptions};
use smo_core::traffic::{channel_group, classify_referrer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for line in text.lines().take(64) {
        let _ = parse_log_line(line);
        let r = classify_referrer(line, Some("https://www.maisonlune.fr/"));
        let _ = classify_referrer(line, None);
        let _ = channel_group(line, r.medium.as_str(), line);
        if let Ok(p) = utm::parse_url(line) {
            let _ = utm::build_url(line, &p.utm, &UtmOptions::default());
        }
    }
    let lines: Vec<&str> = text.lines().take(64).collect();
    let _ = utm::lint(&lines, &LintOptions::default());
    let _ = breakdown_log(&text, &LogOptions::default());
});
