//! The example brand's measurement: the committed CSV files are what the seeded generator
//! writes, the report is byte-identical from run to run, and its HTML page renders in a real
//! headless browser (Debian `chromium`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use smo_core::Strategy;
use smo_core::data::Dataset;
use smo_core::report::{ReportOptions, report};

#[allow(dead_code)]
#[path = "../examples/gen_metrics.rs"]
mod gen_metrics;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/maison-lune/data")
}

#[test]
fn committed_csv_files_are_the_generators_output() {
    for (name, text) in gen_metrics::generate() {
        let committed = std::fs::read_to_string(data_dir().join(name)).unwrap();
        assert!(
            committed == text,
            "{name} differs from `cargo run --example gen_metrics`: regenerate and commit"
        );
    }
}

fn example_report() -> smo_core::report::Report {
    let opts = ReportOptions {
        time_zone: chrono_tz::Tz::Europe__Paris,
        ..Default::default()
    };
    let strategy = Strategy::example().unwrap();
    report(&strategy, &Dataset::example().unwrap(), None, &opts)
        .unwrap()
        .with_watch(example_brief(&strategy))
}

/// The watch brief of the example brand's listening set, as the demo review builds it.
fn example_brief(strategy: &Strategy) -> smo_core::listening::WatchBrief {
    use smo_core::data::{self, LoadOptions, PostRow};
    use smo_core::listening::{BriefOptions, Mention, WatchOptions, watch_brief};
    let strict = LoadOptions {
        strict: true,
        ..Default::default()
    };
    let read = |f: &str| std::fs::read_to_string(data_dir().join(f)).unwrap();
    let mentions = data::load_json_lines::<Mention>(&read("mentions.jsonl"), &strict)
        .unwrap()
        .rows;
    let public = data::load_csv::<PostRow>(&read("public-posts.csv"), &strict)
        .unwrap()
        .rows;
    let opts = BriefOptions {
        watch: WatchOptions {
            time_zone: chrono_tz::Tz::Europe__Paris,
            ..Default::default()
        },
        ..Default::default()
    };
    watch_brief(strategy, &mentions, Some(&public), &opts).unwrap()
}

#[test]
fn report_is_byte_identical_and_complete() {
    let (a, b) = (example_report(), example_report());
    assert_eq!(a.to_json(), b.to_json());
    assert_eq!(a.to_markdown(), b.to_markdown());
    assert_eq!(a.to_html(), b.to_html());
    assert_eq!(a.networks.len(), 4);
    assert_eq!(a.summary.posts, 252);
    // Every objective has a status, with its rule; the fediverse one has no data.
    let fedi = a
        .objectives
        .iter()
        .find(|o| o.objective == "awareness-fediverse")
        .unwrap();
    assert_eq!(fedi.status.as_str(), "no_data");
    assert!(a.objectives.iter().all(|o| o.rule.starts_with("status/")));
    // Recommendations cite their rule and numbers.
    assert!(!a.recommendations.is_empty());
    assert!(
        a.recommendations
            .iter()
            .all(|r| smo_core::advice::rules::rule(&r.id).is_some()
                && r.rationale.chars().any(|c| c.is_ascii_digit())
                && !r.evidence.is_empty()
                && !r.actions.is_empty())
    );
    // The watch section: share of voice with its denominator, influencers, themes, alerts and
    // the competitor table, in every rendering.
    let md = a.to_markdown();
    for part in [
        "## Watch",
        "### Share of voice",
        "### Influencers",
        "### Themes",
        "### Competitor benchmark",
        "### Alerts",
        "*Queries:*",
    ] {
        assert!(md.contains(part), "{part} missing from the Markdown report");
    }
    let d = &a.watch.as_ref().unwrap().share_of_voice.denominator;
    assert!(
        md.contains(&format!("{} about none", d.unattributed)),
        "the denominator is stated"
    );
    let html = a.to_html();
    assert!(html.contains("Share of mentions per period") && html.contains("Sentiment split"));
    assert!(
        html.contains("<svg")
            && !html.contains("<script")
            && !html.contains("http://")
            && !html.contains("src=")
    );
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(Path::new)
        .find(|p| p.exists());
    let Some(chromium) = chromium else {
        eprintln!(
            "SKIPPED html_report_renders_in_headless_chromium: no chromium at /usr/bin/chromium (apt-get install -y chromium)"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("smo-report-{}", std::process::id()));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).unwrap();
    let page = dir.join("maison-lune-report.html");
    std::fs::write(&page, example_report().to_html()).unwrap();
    let shot = dir.join("shot.png");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1200,2400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {stderr}");
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}): {stderr}"));
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "screenshot is not a PNG of a page"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
