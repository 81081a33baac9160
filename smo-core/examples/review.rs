//! The demo SMO review of the example brand: load the strategy, validate it, print a report.
//!
//! `cargo run --example review [-- path/to/strategy.toml [YYYY-MM-DD]]`

use std::process::ExitCode;

use smo_core::strategy::rules::ValidateOptions;
use smo_core::{Finding, Severity, Strategy};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (strategy, source) = match args.next() {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => match Strategy::from_toml(&text) {
                Ok(s) => (s, path),
                Err(e) => return fail(&format!("{path}: {e}")),
            },
            Err(e) => return fail(&format!("cannot read {path}: {e}")),
        },
        None => match Strategy::example() {
            Ok(s) => (
                s,
                "docs/examples/maison-lune/strategy.toml (embedded)".to_owned(),
            ),
            Err(e) => return fail(&e.to_string()),
        },
    };
    let today = match args.next().map(|d| d.parse()) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return fail(&format!("review date: {e} (write YYYY-MM-DD)")),
        None => None,
    };
    let findings = match strategy.validate(&ValidateOptions {
        today,
        ..Default::default()
    }) {
        Ok(f) => f,
        Err(e) => return fail(&e.to_string()),
    };
    print!("{}", report(&strategy, &source, &findings));
    ExitCode::SUCCESS
}

fn report(s: &Strategy, source: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    out.push_str(&format!("# SMO review: {}\n\n", s.brand.name));
    out.push_str(&format!("Strategy: {source}\nSite: {}\n", s.brand.site));
    out.push_str(&format!(
        "{} audiences, {} objectives, {} channels, {} pillars\n\n",
        s.audiences.len(),
        s.objectives.len(),
        s.channels.len(),
        s.pillars.len()
    ));
    out.push_str("## Strategy\n\n");
    let count = |sev| findings.iter().filter(|f| f.severity == sev).count();
    out.push_str(&format!(
        "{} findings: {} errors, {} warnings, {} notices\n",
        findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Notice)
    ));
    for sev in Severity::ALL {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        let title = match sev {
            Severity::Error => "Errors: fix before launch",
            Severity::Warning => "Warnings: should be fixed",
            Severity::Notice => "Notices: worth a look",
        };
        out.push_str(&format!("\n### {title} ({})\n\n", group.len()));
        for f in group {
            out.push_str(&format!("- [{}] {}\n", f.rule, f.message));
            if let Some(path) = &f.location.path {
                out.push_str(&format!("  at: {path}\n"));
            }
            if let Some(fix) = &f.fix {
                out.push_str(&format!("  fix: {fix}\n"));
            }
        }
    }
    out
}

fn fail(message: &str) -> ExitCode {
    eprintln!("smo review: {message}");
    ExitCode::FAILURE
}
