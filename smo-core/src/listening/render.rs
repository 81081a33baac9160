//! The watch brief as the SMO report shows it: share of voice over time, the sentiment split, the
//! top influencers with their components, the themes, the competitor table and the alerts, in
//! Markdown and in HTML with SVG charts.
//!
//! Like the rest of the report the output is byte-identical for the same brief: every list is in
//! the brief's order, numbers have fixed formats and nothing reads the clock. Each table is
//! followed by the denominator and the formulas it was computed with, so a reader can redo it.

use std::fmt::Write as _;

use super::brief::WatchBrief;
use super::voice::VoiceRow;
use super::watch::{Denominator, SentimentSplit};
use crate::kpi::{Unit, format_value};
use crate::report::{esc, findings_html, md};

const PALETTE: [&str; 6] = [
    "#1c2541", "#c0504d", "#9bbb59", "#f79646", "#4bacc6", "#8064a2",
];

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.1} %"))
}

fn signed(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:+.1}"))
}

fn count(v: u64) -> String {
    format_value(v as f64, Unit::Count)
}

fn opt_count(v: Option<u64>) -> String {
    v.map_or("–".into(), count)
}

fn num(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.1}"))
}

fn split(s: &SentimentSplit) -> String {
    let scored = s.positive + s.negative + s.neutral;
    let share = |n: u64| {
        if scored == 0 {
            "–".into()
        } else {
            format!("{:.0} %", n as f64 / scored as f64 * 100.0)
        }
    };
    format!(
        "{} / {} / {}",
        share(s.positive),
        share(s.neutral),
        share(s.negative)
    )
}

/// One sentence saying what was counted.
pub fn scope_line(d: &Denominator) -> String {
    let brands: Vec<String> = d
        .brands
        .iter()
        .map(|b| {
            if b.own {
                format!("{} (own)", b.name)
            } else {
                b.name.clone()
            }
        })
        .collect();
    format!(
        "{} mentions given; {} in scope ({} to {}, zone {}{}{}); {} about the {} brands compared ({}), {} of them about two or more (counted for each), {} by the export's brand column; {} about none; {} not scored for sentiment.",
        count(d.mentions),
        count(d.in_scope),
        d.first.as_deref().unwrap_or("–"),
        d.last.as_deref().unwrap_or("–"),
        d.time_zone,
        if d.networks.is_empty() {
            String::new()
        } else {
            format!(", networks {}", d.networks.join(", "))
        },
        d.filter
            .as_deref()
            .map_or(String::new(), |f| format!(", filter `{f}`")),
        count(d.attributed),
        d.brands.len(),
        brands.join(", "),
        count(d.multi_brand),
        count(d.by_export),
        count(d.unattributed),
        count(d.unscored)
    )
}

fn ordinal(n: usize) -> String {
    match n {
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}

/// The brief's key points, each a sentence built from its numbers (nothing hand-written): the own
/// brand's share and rank, its net sentiment against the competitors', its share over the
/// periods, the leading relay, the largest theme and the alerts.
pub fn key_points(b: &WatchBrief) -> Vec<String> {
    let sov = &b.share_of_voice;
    let mut out = Vec::new();
    let Some(own) = sov.own() else {
        return out;
    };
    let mut ranked: Vec<&VoiceRow> = sov.totals.iter().collect();
    ranked.sort_by(|a, b| {
        b.share_mentions
            .unwrap_or(0.0)
            .total_cmp(&a.share_mentions.unwrap_or(0.0))
    });
    let rank = ranked.iter().position(|r| r.own).map_or(0, |p| p + 1);
    let leader = ranked.first().filter(|r| !r.own);
    out.push(format!(
        "{} has {} of the mentions ({} of {}{}), {} of the engagement and {} of the reach.",
        own.brand,
        pct(own.share_mentions),
        ordinal(rank),
        ranked.len(),
        leader.map_or(String::new(), |l| format!(
            "; {} leads with {}",
            l.brand,
            pct(l.share_mentions)
        )),
        pct(own.share_engagement),
        pct(own.share_reach)
    ));
    let others: Vec<String> = sov
        .totals
        .iter()
        .filter(|r| !r.own)
        .map(|r| format!("{} {}", signed(r.net_sentiment_polar), r.brand))
        .collect();
    out.push(format!(
        "Its net sentiment is {} (polar; {} on all mentions), against {}.",
        signed(own.net_sentiment_polar),
        signed(own.net_sentiment_all),
        if others.is_empty() {
            "no competitor".into()
        } else {
            others.join(", ")
        }
    ));
    let series: Vec<&VoiceRow> = sov
        .rows
        .iter()
        .filter(|r| r.own && r.mentions > 0)
        .collect();
    if let (Some(first), Some(last)) = (series.first(), series.last()) {
        if series.len() > 1 {
            out.push(format!(
                "Its share went from {} ({}) to {} ({}).",
                pct(first.share_mentions),
                first.period.as_deref().unwrap_or("-"),
                pct(last.share_mentions),
                last.period.as_deref().unwrap_or("-")
            ));
        }
    }
    if let Some(a) = b.influencers.authors.first() {
        out.push(format!(
            "The leading relay is {} on {} ({} followers): {} mentions, relevance {:.0} %, resonance {} per mention.",
            author(&a.handle, a.name.as_deref()),
            a.network,
            opt_count(a.followers),
            a.mentions,
            a.relevance,
            num(a.resonance)
        ));
    }
    if let Some(t) = b.themes.themes.first() {
        out.push(format!(
            "The largest theme is \"{}\": {} mentions by {} authors, net sentiment {}, trend {}.",
            t.phrase,
            t.mentions,
            t.authors,
            signed(t.net_sentiment),
            t.trend_pct.map_or("–".into(), |v| format!("{v:+.0} %"))
        ));
    }
    let alerts = &b.alerts.alerts;
    if alerts.is_empty() {
        out.push("No spike in volume or negative sentiment.".into());
    } else {
        let list: Vec<String> = alerts
            .iter()
            .map(|a| {
                format!(
                    "{} {} on {} ({} against a mean of {:.1})",
                    a.brand,
                    if a.rule == "watch/negative-spike" {
                        "negative mentions"
                    } else {
                        "mentions"
                    },
                    a.day,
                    a.count,
                    a.baseline_mean
                )
            })
            .collect();
        out.push(format!("{} alert(s): {}.", alerts.len(), list.join("; ")));
    }
    out
}

/// The watch section in Markdown.
pub fn markdown(b: &WatchBrief) -> String {
    let mut o = String::new();
    let sov = &b.share_of_voice;
    let d = &sov.denominator;
    let _ = writeln!(o, "\n## Watch\n");
    let _ = writeln!(o, "{}\n", md(&scope_line(d)));
    for p in key_points(b) {
        let _ = writeln!(o, "- {}", md(&p));
    }
    let _ = writeln!(o, "\n### Share of voice\n");
    let _ = writeln!(
        o,
        "| Brand | Mentions | Share | Engagement share | Reach share | Positive share | Negative share | Pos / neu / neg | Net sentiment (polar) | Net sentiment (all) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for r in &sov.totals {
        let _ = writeln!(
            o,
            "| {}{} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            md(&r.brand),
            if r.own { " (own)" } else { "" },
            count(r.mentions),
            pct(r.share_mentions),
            pct(r.share_engagement),
            pct(r.share_reach),
            pct(r.share_positive),
            pct(r.share_negative),
            split(&r.sentiment),
            signed(r.net_sentiment_polar),
            signed(r.net_sentiment_all)
        );
    }
    if let Some(p) = sov.period {
        let _ = writeln!(o, "\nShare of mentions per {}:\n", p.as_str());
        let names: Vec<&str> = sov.totals.iter().map(|r| r.brand.as_str()).collect();
        let _ = writeln!(
            o,
            "| Period | {} | Mentions |\n|---|{}---:|",
            names.iter().map(|n| md(n)).collect::<Vec<_>>().join(" | "),
            "---:|".repeat(names.len())
        );
        for cell in sov.rows.chunks(names.len().max(1)) {
            let total: u64 = cell.iter().map(|r| r.mentions).sum();
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                cell[0].period.as_deref().unwrap_or("–"),
                cell.iter()
                    .map(|r| pct(r.share_mentions))
                    .collect::<Vec<_>>()
                    .join(" | "),
                count(total)
            );
        }
    }
    let inf = &b.influencers;
    let _ = writeln!(o, "\n### Influencers\n");
    let _ = writeln!(
        o,
        "{} authors wrote about the brands ({} mentions without an author). Composite weights: {}.\n",
        count(inf.authors_seen),
        count(inf.anonymous),
        weights_line(inf)
    );
    let _ = writeln!(
        o,
        "| Rank | Author | Network | Followers | Mentions | Relevance | Resonance | Amplification | Net sentiment | Composite |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
    );
    for a in &inf.authors {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {:.0} % | {} | {} | {} | {} |",
            a.rank,
            md(&author(&a.handle, a.name.as_deref())),
            a.network,
            opt_count(a.followers),
            a.mentions,
            a.relevance,
            num(a.resonance),
            num(a.amplification),
            signed(a.net_sentiment),
            num(a.composite)
        );
    }
    let th = &b.themes;
    let _ = writeln!(o, "\n### Themes\n");
    let _ = writeln!(
        o,
        "In {} mentions of the brands; trend = second half against first half (cut after {}).\n",
        count(th.searched),
        th.half.as_deref().unwrap_or("–")
    );
    let _ = writeln!(
        o,
        "| Rank | Theme | Mentions | Authors | Share | Pos / neu / neg | Net sentiment | Trend |\n|---:|---|---:|---:|---:|---:|---:|---:|"
    );
    for t in &th.themes {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {:.1} % | {} | {} | {} |",
            t.rank,
            md(&t.phrase),
            t.mentions,
            t.authors,
            t.share,
            split(&t.sentiment),
            signed(t.net_sentiment),
            t.trend_pct.map_or("–".into(), |v| format!("{v:+.0} %"))
        );
    }
    if let Some(bm) = &b.benchmark {
        let _ = writeln!(o, "\n### Competitor benchmark\n");
        let _ = writeln!(
            o,
            "From public post metrics ({} posts; {} without an account left out).\n",
            count(bm.posts),
            count(bm.without_account)
        );
        let _ = writeln!(
            o,
            "| KPI | {} |\n|---|{}",
            bm.accounts
                .iter()
                .map(|a| md(a))
                .collect::<Vec<_>>()
                .join(" | "),
            "---:|".repeat(bm.accounts.len())
        );
        for k in &bm.kpis {
            let _ = writeln!(
                o,
                "| `{}` | {} |",
                k.kpi,
                k.values
                    .iter()
                    .map(|v| v.value.map_or("–".into(), |x| format_value(x, k.unit)))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
        o.push('\n');
        for k in &bm.kpis {
            for e in &k.explanations {
                let _ = writeln!(
                    o,
                    "- `{}`: {}",
                    k.kpi.split('?').next().unwrap_or(&k.kpi),
                    md(e)
                );
            }
        }
    }
    let _ = writeln!(o, "\n### Alerts\n");
    let _ = writeln!(o, "{}.\n", md(&b.alerts.method));
    if b.alerts.findings.is_empty() {
        let _ = writeln!(o, "No spike.");
    }
    for f in &b.alerts.findings {
        let _ = writeln!(
            o,
            "- **{}** `{}`: {}{}",
            f.severity,
            f.rule,
            md(&f.message),
            f.fix
                .as_deref()
                .map_or(String::new(), |x| format!(". *Do:* {}", md(x)))
        );
    }
    let _ = writeln!(o, "\n*Queries:* {}", queries_line(d, true));
    let _ = writeln!(o, "\n*Formulas:* {}", md(&sov.formulas.join("; ")));
    o
}

fn author(handle: &str, name: Option<&str>) -> String {
    match name {
        Some(n) if !n.is_empty() => format!("@{handle} ({n})"),
        _ => format!("@{handle}"),
    }
}

fn weights_line(inf: &super::influence::Influencers) -> String {
    inf.weights.map_or("none".into(), |w| {
        format!(
            "reach {:.2}, activity {:.2}, resonance {:.2}, amplification {:.2}, relevance {:.2} (of percentile ranks)",
            w.reach, w.activity, w.resonance, w.amplification, w.relevance
        )
    })
}

fn queries_line(d: &Denominator, markdown: bool) -> String {
    d.brands
        .iter()
        .map(|b| {
            if markdown {
                format!("{}: `{}`", md(&b.name), b.query.replace('`', "'"))
            } else {
                format!("{}: <code>{}</code>", esc(&b.name), esc(&b.query))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Share of mentions per period as 100 % stacked columns, one colour per brand.
pub fn share_svg(rows: &[VoiceRow], brands: &[String]) -> String {
    let n = brands.len().max(1);
    let cells: Vec<&[VoiceRow]> = rows.chunks(n).collect();
    let (left, top, h, bottom) = (34.0, 10.0, 160.0, 46.0);
    let cw = (600.0 / cells.len().max(1) as f64).clamp(8.0, 48.0);
    let width = left + cw * cells.len() as f64 + 10.0;
    let height = top + h + bottom;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-label=\"Share of mentions per period\" font-family=\"sans-serif\" font-size=\"10\">"
    );
    for (k, label) in [(0.0, "0 %"), (50.0, "50 %"), (100.0, "100 %")] {
        let y = top + h - h * k / 100.0;
        let _ = write!(
            o,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"axis\" x=\"2\" y=\"{:.1}\">{label}</text>",
            width - 10.0,
            y + 3.0
        );
    }
    for (i, cell) in cells.iter().enumerate() {
        let x = left + cw * i as f64;
        let mut y = top + h;
        for (b, r) in cell.iter().enumerate() {
            let share = r.share_mentions.unwrap_or(0.0);
            let bh = h * share / 100.0;
            y -= bh;
            let _ = write!(
                o,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{}\"><title>{} {}: {:.1} % ({} mentions)</title></rect>",
                x + 1.0,
                cw - 2.0,
                PALETTE[b % PALETTE.len()],
                esc(r.period.as_deref().unwrap_or("")),
                esc(&r.brand),
                share,
                r.mentions
            );
        }
        if i % 2 == 0 {
            let _ = write!(
                o,
                "<text class=\"lbl\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + cw / 2.0,
                top + h + 12.0,
                esc(cell[0]
                    .period
                    .as_deref()
                    .unwrap_or("")
                    .rsplit('-')
                    .next()
                    .unwrap_or(""))
            );
        }
    }
    let mut lx = left;
    for (b, name) in brands.iter().enumerate() {
        let _ = write!(
            o,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text class=\"lbl\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            top + h + 24.0,
            PALETTE[b % PALETTE.len()],
            lx + 14.0,
            top + h + 33.0,
            esc(name)
        );
        lx += 24.0 + 7.0 * name.chars().count() as f64;
    }
    o.push_str("</svg>");
    o
}

/// Positive, neutral and negative shares per brand as horizontal 100 % bars.
pub fn sentiment_svg(rows: &[VoiceRow]) -> String {
    let (left, bar, gap, w) = (110.0, 18.0, 8.0, 420.0);
    let height = 10.0 + rows.len() as f64 * (bar + gap) + 20.0;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg viewBox=\"0 0 {:.0} {height:.0}\" role=\"img\" aria-label=\"Sentiment split per brand\" font-family=\"sans-serif\" font-size=\"10\">",
        left + w + 10.0
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 10.0 + i as f64 * (bar + gap);
        let s = &r.sentiment;
        let scored = (s.positive + s.neutral + s.negative).max(1) as f64;
        let _ = write!(
            o,
            "<text class=\"lbl\" x=\"0\" y=\"{:.1}\">{}</text>",
            y + 13.0,
            esc(&r.brand)
        );
        let mut x = left;
        for (n, fill, what) in [
            (s.positive, "#2b8a3e", "positive"),
            (s.neutral, "#adb5bd", "neutral"),
            (s.negative, "#c92a2a", "negative"),
        ] {
            let bw = w * n as f64 / scored;
            let _ = write!(
                o,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{bar}\" fill=\"{fill}\"><title>{} {what}: {n} ({:.1} %)</title></rect>",
                esc(&r.brand),
                n as f64 / scored * 100.0
            );
            x += bw;
        }
    }
    let _ = write!(
        o,
        "<text class=\"axis\" x=\"{left}\" y=\"{:.1}\">positive · neutral · negative, of the mentions scored</text></svg>",
        height - 4.0
    );
    o
}

/// The watch section in HTML.
pub fn html(b: &WatchBrief) -> String {
    let mut o = String::new();
    let sov = &b.share_of_voice;
    let d = &sov.denominator;
    o.push_str("<section><h2>Watch</h2>\n");
    let _ = writeln!(o, "<p>{}</p>", esc(&scope_line(d)));
    o.push_str("<ul class=\"recs\">\n");
    for p in key_points(b) {
        let _ = writeln!(o, "<li>{}</li>", esc(&p));
    }
    o.push_str("</ul>\n");
    let names: Vec<String> = sov.totals.iter().map(|r| r.brand.clone()).collect();
    o.push_str(
        "<div class=\"charts\"><figure><figcaption>Share of mentions per period</figcaption>",
    );
    o.push_str(&share_svg(&sov.rows, &names));
    o.push_str("</figure><figure><figcaption>Sentiment split</figcaption>");
    o.push_str(&sentiment_svg(&sov.totals));
    o.push_str("</figure></div>\n<h3>Share of voice</h3>\n<table><thead><tr><th>Brand</th><th>Mentions</th><th>Share</th><th>Engagement share</th><th>Reach share</th><th>Positive share</th><th>Negative share</th><th>Pos / neu / neg</th><th>Net sentiment (polar)</th><th>Net sentiment (all)</th></tr></thead><tbody>\n");
    for r in &sov.totals {
        let _ = writeln!(
            o,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.brand),
            if r.own { " <small>(own)</small>" } else { "" },
            count(r.mentions),
            pct(r.share_mentions),
            pct(r.share_engagement),
            pct(r.share_reach),
            pct(r.share_positive),
            pct(r.share_negative),
            split(&r.sentiment),
            signed(r.net_sentiment_polar),
            signed(r.net_sentiment_all)
        );
    }
    o.push_str("</tbody></table>\n");
    let inf = &b.influencers;
    let _ = writeln!(
        o,
        "<h3>Influencers</h3>\n<p>{} authors wrote about the brands ({} mentions without an author). Composite weights: {}.</p>",
        count(inf.authors_seen),
        count(inf.anonymous),
        esc(&weights_line(inf))
    );
    o.push_str("<table><thead><tr><th>Rank</th><th>Author</th><th>Network</th><th>Followers</th><th>Mentions</th><th>Relevance</th><th>Resonance</th><th>Amplification</th><th>Net sentiment</th><th>Composite</th></tr></thead><tbody>\n");
    for a in &inf.authors {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.0} %</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            a.rank,
            esc(&author(&a.handle, a.name.as_deref())),
            esc(&a.network),
            opt_count(a.followers),
            a.mentions,
            a.relevance,
            num(a.resonance),
            num(a.amplification),
            signed(a.net_sentiment),
            num(a.composite)
        );
    }
    o.push_str("</tbody></table>\n");
    let th = &b.themes;
    let _ = writeln!(
        o,
        "<h3>Themes</h3>\n<p>In {} mentions of the brands; trend = second half against first half (cut after {}).</p>",
        count(th.searched),
        th.half.as_deref().unwrap_or("–")
    );
    o.push_str("<table><thead><tr><th>Rank</th><th>Theme</th><th>Mentions</th><th>Authors</th><th>Share</th><th>Pos / neu / neg</th><th>Net sentiment</th><th>Trend</th></tr></thead><tbody>\n");
    for t in &th.themes {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.1} %</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            t.rank,
            esc(&t.phrase),
            t.mentions,
            t.authors,
            t.share,
            split(&t.sentiment),
            signed(t.net_sentiment),
            t.trend_pct.map_or("–".into(), |v| format!("{v:+.0} %"))
        );
    }
    o.push_str("</tbody></table>\n");
    if let Some(bm) = &b.benchmark {
        let _ = writeln!(
            o,
            "<h3>Competitor benchmark</h3>\n<p>From public post metrics ({} posts; {} without an account left out).</p>",
            count(bm.posts),
            count(bm.without_account)
        );
        let _ = write!(o, "<table><thead><tr><th>KPI</th>");
        for a in &bm.accounts {
            let _ = write!(o, "<th>{}</th>", esc(a));
        }
        o.push_str("</tr></thead><tbody>\n");
        for k in &bm.kpis {
            let _ = write!(o, "<tr><td><code>{}</code></td>", esc(&k.kpi));
            for v in &k.values {
                let _ = write!(
                    o,
                    "<td>{}</td>",
                    v.value.map_or("–".into(), |x| format_value(x, k.unit))
                );
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody></table>\n<ul>\n");
        for k in &bm.kpis {
            for e in &k.explanations {
                let _ = writeln!(o, "<li>{}</li>", esc(e));
            }
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<h3>Alerts</h3>\n<p>{}.</p>", esc(&b.alerts.method));
    if b.alerts.findings.is_empty() {
        o.push_str("<p class=\"empty\">No spike.</p>\n");
    } else {
        o.push_str(&findings_html(&b.alerts.findings));
    }
    let _ = writeln!(
        o,
        "<p><small>Queries: {}. Formulas: {}.</small></p>\n</section>",
        queries_line(d, false),
        esc(&sov.formulas.join("; "))
    );
    o
}
