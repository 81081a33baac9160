//! The report as Markdown: the sections of the HTML page as tables, without the charts, which
//! have no Markdown form.
//!
//! Like the HTML page it reads only the finished [`Report`], never the data, so what it prints is
//! what the JSON and its hash say. `md` lives here and is re-exported by the report module, as
//! the calendar, watch and advice renderings escape their own Markdown cells with it.
use std::fmt::Write as _;

use super::{Report, by_page};
use crate::advice::pct;
use crate::kpi::{Unit, format_value};

/// Escapes text for a Markdown table cell.
pub(crate) fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn change(v: Option<f64>) -> String {
    v.map_or(String::new(), |c| {
        format!("{}{c:.1} %", if c >= 0.0 { "+" } else { "" })
    })
}

impl Report {
    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut o = String::new();
        let s = &self.summary;
        let _ = writeln!(o, "# SMO report: {}\n", md(&self.brand));
        let _ = writeln!(
            o,
            "{} · {} · dates in {} · by {}\n",
            md(&self.site),
            self.span(),
            self.time_zone,
            self.period
        );
        let _ = writeln!(o, "## Summary\n");
        let _ = writeln!(
            o,
            "| Posts | Reach | Engagement rate | Followers | Social sessions | Social conversions | Social revenue | Cost | ROI |"
        );
        let _ = writeln!(o, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            s.posts,
            self.val(s.reach, Unit::Count),
            self.val(s.engagement_rate, Unit::Percent),
            self.val(s.followers, Unit::Count),
            self.val(s.social_sessions, Unit::Count),
            self.val(s.social_conversions, Unit::Count),
            self.val(s.social_revenue, Unit::Currency),
            self.val(s.cost, Unit::Currency),
            self.val(s.roi, Unit::Percent)
        );
        let _ = writeln!(o, "## Objectives\n");
        let _ = writeln!(
            o,
            "| Objective | KPI | Baseline | Current | Target | Deadline | Progress | Forecast (80 % band) | Status | Rule |"
        );
        let _ = writeln!(o, "|---|---|---:|---:|---:|---|---:|---|---|---|");
        for t in &self.objectives {
            let u = t.unit.unwrap_or(Unit::Ratio);
            let fc = t.forecast.as_ref().map_or("–".into(), |f| {
                format!(
                    "{} ({} to {})",
                    self.amount(f.value, u),
                    self.amount(f.low, u),
                    self.amount(f.high, u)
                )
            });
            let _ = writeln!(
                o,
                "| {} | {} | {}{} | {} | {} | {} | {} | {} | **{}** | {} |",
                md(&t.objective),
                t.kpi.as_deref().map_or("–".into(), md),
                self.val(t.baseline, u),
                if t.baseline_from_data {
                    " (from data)"
                } else {
                    ""
                },
                self.val(t.current, u),
                self.val(t.target, u),
                t.deadline.map_or("–".into(), |d| d.to_string()),
                t.progress
                    .map_or("–".into(), |p| format!("{:.0} %", p * 100.0)),
                fc,
                t.status.label(),
                t.rule
            );
        }
        let _ = writeln!(o);
        for t in &self.objectives {
            let _ = writeln!(o, "- **{}**: {}", md(&t.objective), md(&t.reason));
        }
        let _ = writeln!(o, "\n## Networks\n");
        let _ = writeln!(
            o,
            "| Network | Posts | Posts/week (plan) | Reach | Impressions | Engagement rate | CTR | Followers | Growth | Sessions |"
        );
        let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for n in &self.networks {
            let _ = writeln!(
                o,
                "| {} | {} | {:.1} ({}) | {} | {} | {} | {} | {} | {} | {} |",
                n.network.info().name,
                n.posts,
                n.posts_per_week,
                n.planned_per_week.map_or("–".into(), |p| format!("{p:.0}")),
                self.val(n.reach, Unit::Count),
                self.val(n.impressions, Unit::Count),
                self.val(n.engagement_rate, Unit::Percent),
                self.val(n.click_through_rate, Unit::Percent),
                self.val(n.followers, Unit::Count),
                self.val(n.follower_growth, Unit::Percent),
                self.val(n.sessions, Unit::Count)
            );
        }
        let _ = writeln!(o, "\n## By {}\n", self.period);
        let _ = writeln!(
            o,
            "| Period | Network | Posts | Reach | Change | Engagement rate | Change |"
        );
        let _ = writeln!(o, "|---|---|---:|---:|---:|---:|---:|");
        for p in &self.periods {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                p.period,
                p.network,
                p.posts,
                self.val(p.reach, Unit::Count),
                change(p.reach_change_pct),
                self.val(p.engagement_rate, Unit::Percent),
                change(p.engagement_rate_change_pct)
            );
        }
        let _ = writeln!(o, "\n## Traffic sources\n");
        let _ = writeln!(
            o,
            "| Channel | Sessions | Share | Conversion rate | Bounce rate | Revenue |"
        );
        let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|");
        for c in &self.channels {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                c.channel,
                format_value(c.sessions as f64, Unit::Count),
                pct(c.share),
                self.val(c.conversion_rate, Unit::Percent),
                self.val(c.bounce_rate, Unit::Percent),
                self.val(c.revenue, Unit::Currency)
            );
        }
        if !self.social_sources.is_empty() {
            let list: Vec<String> = self
                .social_sources
                .iter()
                .map(|(n, s)| format!("{} {}", n.info().name, format_value(*s as f64, Unit::Count)))
                .collect();
            let _ = writeln!(o, "\nSocial sessions by network: {}.", list.join(", "));
        }
        for (title, rows) in [
            ("Content types", &self.content_types),
            ("Pillars", &self.pillars),
        ] {
            let _ = writeln!(o, "\n## {title}\n");
            let _ = writeln!(o, "| Name | Posts | Share | Planned | Engagement rate |");
            let _ = writeln!(o, "|---|---:|---:|---:|---:|");
            for m in rows {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} |",
                    md(&m.name),
                    m.posts,
                    pct(m.share),
                    m.planned_share.map_or("–".into(), |p| format!("{p:.0} %")),
                    self.val(m.engagement_rate, Unit::Percent)
                );
            }
        }
        for (title, rows) in [
            ("Top posts", &self.top_posts),
            ("Bottom posts", &self.bottom_posts),
        ] {
            let _ = writeln!(o, "\n## {title}\n");
            let _ = writeln!(
                o,
                "| Post | Network | Date | Type | Pillar | Reach | Engagement rate |"
            );
            let _ = writeln!(o, "|---|---|---|---|---|---:|---:|");
            for p in rows {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    md(&p.post_id),
                    p.network,
                    p.date,
                    p.content_type.as_deref().unwrap_or("–"),
                    md(p.pillar.as_deref().unwrap_or("–")),
                    p.reach
                        .map_or("–".into(), |r| format_value(r as f64, Unit::Count)),
                    pct(p.engagement_rate)
                );
            }
        }
        if let Some(plan) = &self.calendar {
            o.push_str(&crate::calendar::render::markdown(plan));
        }
        if let Some(w) = &self.watch {
            o.push_str(&crate::listening::render::markdown(w));
        }
        let _ = writeln!(o, "\n## Recommendations\n");
        o.push_str(&crate::advice::render_markdown(&self.recommendations));
        if !self.audit.is_empty() {
            let _ = writeln!(o, "\n## Site audit\n");
            for (page, list) in by_page(&self.audit) {
                let _ = writeln!(
                    o,
                    "### {} ({} finding{})\n",
                    md(page.unwrap_or("Site-wide")),
                    list.len(),
                    if list.len() == 1 { "" } else { "s" }
                );
                for f in list {
                    let _ = writeln!(
                        o,
                        "- **{}** `{}` {}: {}",
                        f.severity,
                        f.rule,
                        md(&f.location.to_string()),
                        md(&f.message)
                    );
                }
                o.push('\n');
            }
        }
        let _ = writeln!(o, "\n## Method\n");
        for (k, v) in &self.formulas {
            let _ = writeln!(o, "- {k}: `{v}`");
        }
        let vs: Vec<String> = self
            .versions
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(o, "- data: {}", vs.join(", "));
        let rows: Vec<String> = self.rows.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let _ = writeln!(o, "- rows read: {}", rows.join(", "));
        let _ = writeln!(
            o,
            "- content hash (FNV-1a 64 of the JSON): `{}`",
            self.hash()
        );
        o
    }
}
