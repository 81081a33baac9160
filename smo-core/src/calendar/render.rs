//! The calendar as the SMO report shows it: a week-by-week table, an SVG view of the next weeks
//! and the plan's findings, in Markdown and HTML.
//!
//! Like the report, the output is byte-identical for the same plan: every list is in plan order
//! and nothing reads the clock.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};

use super::model::Plan;
use crate::report::{esc, findings_html, md};

/// Slots per ISO week and network: (week label, Monday) → network → count.
fn weeks(plan: &Plan) -> BTreeMap<(String, NaiveDate), BTreeMap<&'static str, usize>> {
    let mut w: BTreeMap<(String, NaiveDate), BTreeMap<&'static str, usize>> = BTreeMap::new();
    for s in &plan.slots {
        let monday = s.date - Duration::days(i64::from(s.date.weekday().num_days_from_monday()));
        let iso = s.date.iso_week();
        let label = format!("{}-W{:02}", iso.year(), iso.week());
        *w.entry((label, monday))
            .or_default()
            .entry(s.network.info().name)
            .or_default() += 1;
    }
    w
}

fn networks(plan: &Plan) -> Vec<&'static str> {
    let mut n: Vec<&'static str> = plan
        .channels
        .iter()
        .map(|c| c.network.info().name)
        .collect();
    n.dedup();
    n
}

/// The calendar section in Markdown.
pub fn markdown(plan: &Plan) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "\n## Editorial calendar\n");
    let _ = writeln!(
        o,
        "{} slots from {} to {} · zone policy `{}` · {} finding(s)\n",
        plan.slots.len(),
        plan.start,
        plan.end,
        plan.zone_policy.as_str(),
        plan.findings.len()
    );
    let _ = writeln!(
        o,
        "| Channel | Cadence | Expected | Planned | Times from |\n|---|---:|---:|---:|---|"
    );
    for c in &plan.channels {
        let _ = writeln!(
            o,
            "| {} {} | {} | {} | {} | {} |",
            c.network.info().name,
            md(&c.handle),
            c.cadence,
            c.expected,
            c.planned,
            c.times_from
        );
    }
    let nets = networks(plan);
    let _ = writeln!(
        o,
        "\n| Week | {} | Total |\n|---|{}---:|",
        nets.join(" | "),
        "---:|".repeat(nets.len())
    );
    for ((label, monday), counts) in weeks(plan) {
        let cells: Vec<String> = nets
            .iter()
            .map(|n| counts.get(n).copied().unwrap_or(0).to_string())
            .collect();
        let _ = writeln!(
            o,
            "| {label} ({monday}) | {} | {} |",
            cells.join(" | "),
            counts.values().sum::<usize>()
        );
    }
    let _ = writeln!(
        o,
        "\n| Pillar | Target | Planned | Drift | Slots |\n|---|---:|---:|---:|---:|"
    );
    for p in &plan.pillars {
        let _ = writeln!(
            o,
            "| {} | {:.1} % | {:.1} % | {:+.1} pt | {} |",
            md(&p.pillar),
            p.target,
            p.planned,
            p.drift,
            p.slots
        );
    }
    if !plan.reach.is_empty() {
        let _ = writeln!(
            o,
            "\n| Channel | Audience | Zone | Inside window |\n|---|---|---|---:|"
        );
        for r in &plan.reach {
            let _ = writeln!(
                o,
                "| {} {} | {} | {} | {} of {} ({:.0} %) |",
                r.network.info().name,
                md(&r.handle),
                md(&r.audience),
                r.zone.name(),
                r.inside,
                r.slots,
                r.share * 100.0
            );
        }
    }
    if !plan.events.is_empty() {
        let _ = writeln!(
            o,
            "\nDates respected: {}.",
            plan.events
                .iter()
                .map(|e| format!("{} {} ({})", e.start, md(&e.name), e.kind.as_str()))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    if !plan.findings.is_empty() {
        let _ = writeln!(o, "\n### Calendar findings\n");
        for f in &plan.findings {
            let _ = writeln!(
                o,
                "- **{}** `{}` {}: {}",
                f.severity,
                f.rule,
                md(&f.location.to_string()),
                md(&f.message)
            );
        }
    }
    o
}

/// An SVG view of the plan's first `weeks` weeks: one row per week, one column per day, a dot
/// per slot coloured by network.
pub fn svg(plan: &Plan, weeks: usize) -> String {
    const PALETTE: [&str; 8] = [
        "#3b6ea8", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6", "#7f7f7f", "#d4a017",
    ];
    let nets = networks(plan);
    let first = plan.start - Duration::days(i64::from(plan.start.weekday().num_days_from_monday()));
    let (cw, ch, left, top) = (96.0, 44.0, 92.0, 34.0);
    let width = left + 7.0 * cw + 10.0;
    let height = top + weeks as f64 * ch + 26.0;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Editorial calendar, first {weeks} weeks\" font-family=\"sans-serif\" font-size=\"11\">"
    );
    for (d, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"20\" text-anchor=\"middle\">{name}</text>",
            left + d as f64 * cw + cw / 2.0
        );
    }
    for w in 0..weeks {
        let monday = first + Duration::days(7 * w as i64);
        let y = top + w as f64 * ch;
        let iso = monday.iso_week();
        let _ = write!(
            o,
            "<text x=\"4\" y=\"{}\">{}-W{:02}</text>",
            y + ch / 2.0 + 4.0,
            iso.year(),
            iso.week()
        );
        for d in 0..7 {
            let day = monday + Duration::days(d);
            let x = left + d as f64 * cw;
            let inside = (plan.start..=plan.end).contains(&day);
            let blocked = plan
                .events
                .iter()
                .any(|e| e.kind.blocks() && e.start <= day && day <= e.end);
            let fill = if !inside {
                "#f4f4f4"
            } else if blocked {
                "#fbe3e3"
            } else {
                "#ffffff"
            };
            let _ = write!(
                o,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#d0d0d0\"/>",
                cw - 2.0,
                ch - 2.0
            );
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\" fill=\"#888\" font-size=\"9\">{}</text>",
                x + 3.0,
                y + 10.0,
                day.day()
            );
            for (k, s) in plan.slots.iter().filter(|s| s.date == day).enumerate() {
                let color = nets
                    .iter()
                    .position(|n| *n == s.network.info().name)
                    .map_or("#333", |i| PALETTE[i % PALETTE.len()]);
                let (cx, cy) = (
                    x + 8.0 + (k % 9) as f64 * 9.5,
                    y + 20.0 + (k / 9) as f64 * 10.0,
                );
                let _ = write!(
                    o,
                    "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"3.6\" fill=\"{color}\"><title>{}</title></circle>",
                    esc(&format!(
                        "{} {} · {} · {}",
                        s.time.format("%H:%M"),
                        s.zone.name(),
                        s.network.info().name,
                        s.pillar.as_deref().unwrap_or("-")
                    ))
                );
            }
        }
    }
    let ly = top + weeks as f64 * ch + 16.0;
    let mut lx = left;
    for (i, n) in nets.iter().enumerate() {
        let _ = write!(
            o,
            "<circle cx=\"{lx}\" cy=\"{}\" r=\"4\" fill=\"{}\"/><text x=\"{}\" y=\"{ly}\">{}</text>",
            ly - 4.0,
            PALETTE[i % PALETTE.len()],
            lx + 7.0,
            esc(n)
        );
        lx += 14.0 + n.len() as f64 * 7.0;
    }
    o.push_str("</svg>");
    o
}

/// The calendar section in HTML, for the report's page.
pub fn html(plan: &Plan) -> String {
    let mut o = String::new();
    o.push_str("<section><h2>Editorial calendar</h2>\n");
    let _ = writeln!(
        o,
        "<p>{} slots from {} to {} · zone policy <code>{}</code> · {} finding(s)</p>",
        plan.slots.len(),
        plan.start,
        plan.end,
        plan.zone_policy.as_str(),
        plan.findings.len()
    );
    o.push_str(&svg(plan, 6));
    o.push_str("\n<table><thead><tr><th>Channel</th><th>Cadence</th><th>Expected</th><th>Planned</th><th>Times from</th></tr></thead><tbody>\n");
    for c in &plan.channels {
        let _ = writeln!(
            o,
            "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            c.network.info().name,
            esc(&c.handle),
            c.cadence,
            c.expected,
            c.planned,
            c.times_from
        );
    }
    o.push_str("</tbody></table>\n");
    let nets = networks(plan);
    let _ = writeln!(
        o,
        "<table><thead><tr><th>Week</th>{}<th>Total</th></tr></thead><tbody>",
        nets.iter()
            .map(|n| format!("<th>{}</th>", esc(n)))
            .collect::<String>()
    );
    for ((label, monday), counts) in weeks(plan) {
        let cells: String = nets
            .iter()
            .map(|n| format!("<td>{}</td>", counts.get(n).copied().unwrap_or(0)))
            .collect();
        let _ = writeln!(
            o,
            "<tr><td>{label} <small>{monday}</small></td>{cells}<td>{}</td></tr>",
            counts.values().sum::<usize>()
        );
    }
    o.push_str("</tbody></table>\n<table><thead><tr><th>Pillar</th><th>Target</th><th>Planned</th><th>Drift</th></tr></thead><tbody>\n");
    for p in &plan.pillars {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{:.1} %</td><td>{:.1} %</td><td>{:+.1} pt</td></tr>",
            esc(&p.pillar),
            p.target,
            p.planned,
            p.drift
        );
    }
    o.push_str("</tbody></table>\n");
    if !plan.findings.is_empty() {
        o.push_str(&findings_html(&plan.findings));
        o.push('\n');
    }
    o.push_str("</section>\n");
    o
}
