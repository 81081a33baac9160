//! The demo SMO review of the example brand, in the order of an engagement:
//! 1. load the strategy, validate it and print the findings;
//! 2. listen first: the watch brief of the brand and its competitors over the quarter's mentions
//!    (`docs/examples/maison-lune/data/mentions.jsonl`, demo text) and their public post metrics
//!    (`public-posts.csv`): share of voice, sentiment, influencers, themes, alerts, benchmark;
//! 3. audit the brand's site (the example site, `docs/examples/maison-lune/site/`) and print the
//!    audit report: scores, the most common problems, the cross-check with the strategy, and the
//!    markup to fix each page;
//! 4. plan: the editorial calendar of the quarter after the review date (French public holidays
//!    respected, times learned from the brand's post history where it is long enough), written
//!    to `out/maison-lune-calendar.{ics,csv}`;
//! 5. influence: the journal's recent articles not yet shared, with drafts per channel and
//!    format (UTM-tagged links, share links, post checks); the link exchanges of the partners
//!    ledger, each link checked on the partner's page and ours, with the visits each partner sent;
//! 6. measure: load the brand's metrics, track the objectives and write the SMO report, which
//!    joins the watch brief, the audit's findings and the calendar, to `out/maison-lune-report.{html,md,json}`
//!    (or `$SMO_OUT_DIR`).
//!
//! `cargo run --example review [-- path/to/strategy.toml [YYYY-MM-DD]]`; the review date
//! defaults to today.

use std::process::ExitCode;

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use smo_core::advice::{AdviceInputs, AdviceOptions, advise};
use smo_core::audit::{SiteOptions, SiteReport, audit_site, example::example_site};
use smo_core::calendar::{self, Plan, PlanOptions, export::CsvLayout};
use smo_core::data::{self, Dataset, LoadOptions, PostRow};
use smo_core::listening::{BriefOptions, Mention, WatchBrief, WatchOptions, watch_brief};
use smo_core::partners::{self, PartnersReport};
use smo_core::report::ReportOptions;
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
    let (brief, mentions) = match watch(&strategy) {
        Ok((brief, mentions, text)) => {
            print!("{text}");
            (brief, mentions)
        }
        Err(e) => return fail(&e),
    };
    let site = match audit_site(example_site(), Some(&strategy), &SiteOptions::default()) {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    print!("{}", site_report(&site));
    // The SMO report joins the audit: page findings name their page (`location.page`).
    let audit: Vec<Finding> = site
        .findings
        .iter()
        .map(|pf| pf.finding.clone())
        .chain(site.inconsistencies.iter().cloned())
        .chain(site.strategy_check.iter().cloned())
        .collect();
    let review_day = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let plan = match calendar(&strategy, review_day) {
        Ok((plan, text)) => {
            print!("{text}");
            plan
        }
        Err(e) => return fail(&e),
    };
    match push_out(&strategy) {
        Ok(text) => print!("{text}"),
        Err(e) => return fail(&e),
    }
    let partners = match link_exchanges(&strategy) {
        Ok((partners, text)) => {
            print!("{text}");
            partners
        }
        Err(e) => return fail(&e),
    };
    match measure(&strategy, &audit, plan, brief, &site, &mentions, &partners) {
        Ok(text) => print!("{text}"),
        Err(e) => return fail(&e),
    }
    ExitCode::SUCCESS
}

/// The link exchanges: the partners ledger (`docs/examples/maison-lune/partners.csv`) checked
/// against the partners' pages and ours, and the visits each partner sent in the quarter.
fn link_exchanges(strategy: &Strategy) -> Result<(PartnersReport, String), String> {
    let ledger = partners::example_ledger().map_err(|e| e.to_string())?;
    let pages: Vec<(&str, &[u8])> = partners::example_pages()
        .into_iter()
        .map(|(url, html)| (url, html.as_bytes()))
        .collect();
    let web = Dataset::example().map_err(|e| e.to_string())?.web;
    let options = partners::CheckOptions::new(strategy.brand.site.clone());
    let checked =
        partners::check_partners(&ledger, &pages, &web, &options).map_err(|e| e.to_string())?;
    let text = format!(
        "\n## Influence: link exchanges ({} agreements, {} findings)\n\n{}",
        checked.partners.len(),
        checked.findings.len(),
        checked.to_markdown()
    );
    Ok((checked, text))
}

/// The influence part: the journal's recent articles (`docs/examples/maison-lune/feed.xml`) not
/// yet shared on a publishing channel, as of the end of the quarter the data covers, with drafts.
fn push_out(strategy: &Strategy) -> Result<String, String> {
    use smo_core::feed::{parse_feed, push};
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/maison-lune/feed.xml");
    let xml = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let feed = parse_feed(&xml).map_err(|e| format!("feed.xml: {e}"))?;
    let posts = Dataset::example().map_err(|e| e.to_string())?.posts;
    let now = "2026-09-30T18:00:00Z".parse().map_err(|e| format!("{e}"))?;
    let out = push::unshared_content(&feed, &posts, strategy, &push::PushOptions::at(now))
        .map_err(|e| e.to_string())?;
    let mut o = format!(
        "\n## Influence: recent content to push out (as of 2026-09-30)\n\n{} of the feed's {} items are recent and not yet shared on every publishing channel:\n\n",
        out.len(),
        feed.items.len()
    );
    for u in &out {
        o.push_str(&format!(
            "- {} ({} days old; shared on: {}): {} drafts\n",
            u.item.title.as_deref().unwrap_or("-"),
            u.age_days,
            if u.shared_on.is_empty() {
                "none".to_owned()
            } else {
                u.shared_on
                    .iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            u.drafts.len()
        ));
        for d in u.drafts.iter().take(3) {
            o.push_str(&format!(
                "  - {} {} ({}): {}{}\n",
                d.network.info().name,
                d.handle,
                d.format.as_str(),
                d.url,
                d.findings
                    .first()
                    .map_or(String::new(), |f| format!(" — [{}] {}", f.rule, f.message))
            ));
        }
    }
    Ok(o)
}

/// The listening part: the example brand's mentions and its competitors' public post metrics,
/// as a watch brief (the report's watch section), summarised here.
fn watch(strategy: &Strategy) -> Result<(WatchBrief, Vec<Mention>, String), String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/maison-lune/data");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("cannot read {}: {e}", dir.join(name).display()))
    };
    let strict = LoadOptions {
        strict: true,
        ..Default::default()
    };
    let mentions: Vec<Mention> = data::load_json_lines(&read("mentions.jsonl")?, &strict)
        .map_err(|e| format!("mentions.jsonl: {e}"))?
        .rows;
    let public: Vec<PostRow> = data::load_csv(&read("public-posts.csv")?, &strict)
        .map_err(|e| format!("public-posts.csv: {e}"))?
        .rows;
    let opts = BriefOptions {
        watch: WatchOptions {
            time_zone: chrono_tz::Tz::Europe__Paris,
            ..Default::default()
        },
        ..Default::default()
    };
    let b = watch_brief(strategy, &mentions, Some(&public), &opts).map_err(|e| e.to_string())?;
    let sov = &b.share_of_voice;
    let mut out = String::from("\n## Listening: the watch brief\n\n");
    out.push_str(&smo_core::listening::render::scope_line(&sov.denominator));
    out.push_str("\n\n| brand | mentions | share | engagement share | reach share | net sentiment (polar) |\n|---|---|---|---|---|---|\n");
    let p = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.1} %"));
    for r in &sov.totals {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.brand,
            r.mentions,
            p(r.share_mentions),
            p(r.share_engagement),
            p(r.share_reach),
            r.net_sentiment_polar
                .map_or("-".into(), |v| format!("{v:+.1}"))
        ));
    }
    out.push_str("\nTop influencers (components, then the composite of percentile ranks):\n\n");
    for a in b.influencers.authors.iter().take(5) {
        out.push_str(&format!(
            "- #{} @{} ({}): {} followers, {} mentions, relevance {:.0} %, resonance {}, amplification {}, composite {}\n",
            a.rank,
            a.handle,
            a.network,
            a.followers.map_or("?".into(), |f| f.to_string()),
            a.mentions,
            a.relevance,
            a.resonance.map_or("-".into(), |v| format!("{v:.1}")),
            a.amplification.map_or("-".into(), |v| format!("{v:.1}")),
            a.composite.map_or("-".into(), |v| format!("{v:.1}"))
        ));
    }
    out.push_str("\nThemes:\n\n");
    for t in b.themes.themes.iter().take(8) {
        out.push_str(&format!(
            "- {} ({} mentions by {} authors, net sentiment {}, trend {})\n",
            t.phrase,
            t.mentions,
            t.authors,
            t.net_sentiment.map_or("-".into(), |v| format!("{v:+.0}")),
            t.trend_pct.map_or("-".into(), |v| format!("{v:+.0} %"))
        ));
    }
    out.push_str("\nAlerts:\n\n");
    for f in &b.alerts.findings {
        out.push_str(&format!("- [{}] {}\n", f.rule, f.message));
    }
    if let Some(bm) = &b.benchmark {
        out.push_str("\nCompetitor benchmark (public post metrics):\n\n");
        for k in &bm.kpis {
            for e in &k.explanations {
                out.push_str(&format!(
                    "- {}: {e}\n",
                    k.kpi.split('?').next().unwrap_or(&k.kpi)
                ));
            }
        }
    }
    Ok((b, mentions, out))
}

fn out_dir() -> Result<PathBuf, String> {
    let dir = std::env::var_os("SMO_OUT_DIR").map_or_else(|| PathBuf::from("out"), PathBuf::from);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// The first day of the quarter after `day`, and the last day of that quarter.
fn next_quarter(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let q = (day.month0() / 3 + 1) % 4;
    let year = day.year() + i32::from(q == 0);
    let start = NaiveDate::from_ymd_opt(year, q * 3 + 1, 1).unwrap_or(day);
    let end = start
        .checked_add_months(chrono::Months::new(3))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start);
    (start, end)
}

/// The roll-out part: the editorial calendar of the next quarter, written to ICS and CSV.
fn calendar(strategy: &Strategy, review_day: NaiveDate) -> Result<(Plan, String), String> {
    let (start, end) = next_quarter(review_day);
    let history = Dataset::example().map_err(|e| e.to_string())?.posts;
    let opts = PlanOptions {
        events: calendar::holidays("FR", start, end).map_err(|e| e.to_string())?,
        history,
        now: review_day.and_hms_opt(0, 0, 0).map(|t| t.and_utc()),
        ..Default::default()
    };
    let plan = calendar::plan(strategy, start, end, &opts).map_err(|e| e.to_string())?;
    let dir = out_dir()?;
    let stamp = review_day
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_default();
    let csv = plan
        .to_csv(CsvLayout::Smo, None)
        .map_err(|e| e.to_string())?;
    let mut written = Vec::new();
    for (ext, text) in [("ics", plan.to_ics(stamp, false)), ("csv", csv)] {
        let path = dir.join(format!("maison-lune-calendar.{ext}"));
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    let mut out = format!(
        "\n## Editorial calendar ({start} to {end})\n\n{} slots on {} publishing channels, French public holidays respected ({}).\n\n",
        plan.slots.len(),
        plan.channels.len(),
        plan.events
            .iter()
            .map(|e| format!("{} {}", e.start, e.name))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str(
        "| channel | cadence | expected | planned | times from |\n|---|---|---|---|---|\n",
    );
    for c in &plan.channels {
        out.push_str(&format!(
            "| {} {} | {}/week | {} | {} | {} |\n",
            c.network.info().name,
            c.handle,
            c.cadence,
            c.expected,
            c.planned,
            c.times_from
        ));
    }
    out.push_str("\nFirst week:\n\n");
    let first_week = plan
        .slots
        .iter()
        .take_while(|s| s.date < start + chrono::Duration::days(7));
    for s in first_week {
        out.push_str(&format!(
            "- {} {} {} · {} {} · {} · {}\n",
            s.date,
            s.time.format("%H:%M"),
            s.zone.name(),
            s.network.info().name,
            s.handle,
            s.pillar.as_deref().unwrap_or("-"),
            s.content_type.map_or("-", |t| t.as_str())
        ));
    }
    out.push_str("\nPillars (share of slots against the strategy):\n\n");
    for p in &plan.pillars {
        out.push_str(&format!(
            "- {}: {:.1} % planned, {:.1} % target ({:+.1} points)\n",
            p.pillar, p.planned, p.target, p.drift
        ));
    }
    let count = |sev| plan.findings.iter().filter(|f| f.severity == sev).count();
    out.push_str(&format!(
        "\n### Calendar findings ({}: {} errors, {} warnings, {} notices)\n\n",
        plan.findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Notice)
    ));
    let mut by_rule: std::collections::BTreeMap<&str, Vec<&Finding>> =
        std::collections::BTreeMap::new();
    for f in &plan.findings {
        by_rule.entry(f.rule.as_str()).or_default().push(f);
    }
    for (rule, list) in by_rule {
        out.push_str(&format!("- [{rule}] {}", list[0].message));
        if list.len() > 1 {
            out.push_str(&format!(" (and {} more)", list.len() - 1));
        }
        out.push('\n');
        if let Some(fix) = &list[0].fix {
            out.push_str(&format!("  fix: {fix}\n"));
        }
    }
    out.push_str(&format!("\nCalendar written to {}\n", written.join(", ")));
    Ok((plan, out))
}

/// The measurement part: the example metrics, the SMO report, written to files.
fn measure(
    strategy: &Strategy,
    audit: &[Finding],
    plan: Plan,
    brief: WatchBrief,
    site: &SiteReport,
    mentions: &[Mention],
    partners: &PartnersReport,
) -> Result<String, String> {
    let data = Dataset::example().map_err(|e| e.to_string())?;
    // The consultant's advice from everything gathered: audit, metrics, analytics, mentions,
    // link exchanges.
    let advice = advise(
        strategy,
        &AdviceInputs {
            audit: Some(site),
            data: Some(&data),
            mentions: Some(mentions),
            partners: Some(partners),
            today: None,
        },
        &AdviceOptions {
            time_zone: Some(chrono_tz::Tz::Europe__Paris),
            ..Default::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let opts = ReportOptions {
        time_zone: chrono_tz::Tz::Europe__Paris,
        ..Default::default()
    };
    let rep = smo_core::report::report(strategy, &data, Some(audit), &opts)
        .map_err(|e| e.to_string())?
        .with_calendar(plan)
        .with_watch(brief)
        .with_advice(&advice);
    let dir = out_dir()?;
    let mut written = Vec::new();
    for (ext, text) in [
        ("html", rep.to_html()),
        ("md", rep.to_markdown()),
        ("json", rep.to_json()),
    ] {
        let path = dir.join(format!("maison-lune-report.{ext}"));
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    let mut out = String::new();
    out.push_str(&format!(
        "\n## Measurement ({} to {})\n\n",
        rep.start.map_or("-".into(), |d| d.to_string()),
        rep.end.map_or("-".into(), |d| d.to_string())
    ));
    out.push_str(&format!(
        "{} posts, {} rows of web analytics, {} cost lines\n\n### Objectives\n\n",
        data.posts.len(),
        data.web.len(),
        data.costs.len()
    ));
    for o in &rep.objectives {
        out.push_str(&format!(
            "- {}: {} [{}] {}\n",
            o.objective,
            o.status.label(),
            o.rule,
            o.reason
        ));
    }
    out.push_str(&format!(
        "\nReport written to {} (hash {})\n",
        written.join(", "),
        rep.hash()
    ));
    // The consultant's recommendations close the review, each with its evidence and source.
    let tested = advice
        .comparisons
        .iter()
        .filter(|c| !c.note.starts_with("not tested"))
        .count();
    out.push_str(&format!(
        "\n## Recommendations ({}; {} comparisons of posts made, {} tested, {} significant)\n\n",
        rep.recommendations.len(),
        advice.comparisons.len(),
        tested,
        advice.comparisons.iter().filter(|c| c.significant).count()
    ));
    out.push_str(&advice.to_markdown());
    Ok(out)
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

fn score(v: Option<f64>) -> String {
    v.map_or("n/a".to_owned(), |v| format!("{v:.0}/100"))
}

fn site_report(r: &SiteReport) -> String {
    let mut out = String::new();
    out.push_str("\n## Site audit\n\n");
    out.push_str(&format!(
        "{} pages audited (docs/examples/maison-lune/site/, facts as of {}).\n\n",
        r.pages.len(),
        r.facts_as_of
    ));
    out.push_str(&format!(
        "Scores: overall {}, previews {}, discoverability {}, sharing {}, community {}\n\n",
        score(r.scores.overall),
        score(r.scores.previews),
        score(r.scores.discoverability),
        score(r.scores.sharing),
        score(r.scores.community)
    ));
    out.push_str("| page | overall | errors | warnings | notices |\n|---|---|---|---|---|\n");
    for p in &r.pages {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            p.url,
            score(p.scores.overall),
            p.errors,
            p.warnings,
            p.notices
        ));
    }
    out.push_str("\n### Coverage\n\n");
    for c in &r.coverage {
        out.push_str(&format!(
            "- {:>3.0} % of pages have {} ({}/{})\n",
            c.share * 100.0,
            c.label,
            c.pages,
            c.total
        ));
    }
    out.push_str("\n### Most common problems\n\n");
    for h in r.rule_hits.iter().take(12) {
        out.push_str(&format!(
            "- [{}] {} ({}): {} of {} pages\n",
            h.rule, h.title, h.severity, h.pages, h.applicable
        ));
    }
    let site_findings = |title: &str, list: &[Finding], out: &mut String| {
        out.push_str(&format!("\n### {title} ({})\n\n", list.len()));
        if list.is_empty() {
            out.push_str("None.\n");
        }
        for f in list {
            out.push_str(&format!("- {} [{}] {}\n", f.severity, f.rule, f.message));
            if let Some(fix) = &f.fix {
                out.push_str(&format!("  fix: {fix}\n"));
            }
        }
    };
    site_findings("Across pages", &r.inconsistencies, &mut out);
    site_findings("Site against the strategy", &r.strategy_check, &mut out);
    out.push_str("\n### Page by page\n");
    for p in &r.pages {
        out.push_str(&format!(
            "\n#### {} ({})\n\n",
            p.url,
            score(p.scores.overall)
        ));
        for f in r
            .findings
            .iter()
            .filter(|f| f.url == p.url)
            .map(|f| &f.finding)
        {
            if f.severity == Severity::Notice {
                continue;
            }
            let line = f
                .location
                .span
                .map(|s| format!(" (line {})", s.line))
                .unwrap_or_default();
            out.push_str(&format!(
                "- {} [{}]{line} {}\n",
                f.severity, f.rule, f.message
            ));
        }
        let notices = r
            .findings
            .iter()
            .filter(|f| f.url == p.url && f.finding.severity == Severity::Notice)
            .map(|f| f.finding.rule.as_str())
            .collect::<Vec<_>>();
        if !notices.is_empty() {
            out.push_str(&format!("- notices: {}\n", notices.join(", ")));
        }
        if !p.fix_html.is_empty() {
            out.push_str("\n```html\n");
            out.push_str(&p.fix_html);
            out.push_str("```\n");
        }
    }
    out
}

fn fail(message: &str) -> ExitCode {
    eprintln!("smo review: {message}");
    ExitCode::FAILURE
}
