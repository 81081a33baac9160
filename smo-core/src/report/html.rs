//! The report as one self-contained HTML page: inline CSS and SVG, no script, no external
//! resource, so the file can be mailed or archived and still opens the same.
//!
//! The page is assembled here; the charts it embeds come from `charts`. `esc` and
//! `findings_html` live here too, re-exported by the report module, because the calendar, watch
//! and advice renderings use them to write their own sections into this page.
use std::fmt::Write as _;

use super::charts::bar_chart;
use super::{Report, by_page};
use crate::advice::pct;
use crate::finding::Finding;
use crate::kpi::{Unit, format_value};

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// Findings as the report's HTML list: severity, rule, location and message.
pub(crate) fn findings_html(findings: &[Finding]) -> String {
    let mut o = String::from("<ul class=\"recs\">\n");
    for f in findings {
        let _ = writeln!(
            o,
            "<li class=\"{}\"><span class=\"sev\">{}</span> <code>{}</code> {}: {}</li>",
            f.severity,
            f.severity,
            esc(&f.rule),
            esc(&f.location.to_string()),
            esc(&f.message)
        );
    }
    o.push_str("</ul>");
    o
}

impl Report {
    /// The report as one self-contained HTML page with inline SVG charts.
    pub fn to_html(&self) -> String {
        let mut o = String::new();
        let s = &self.summary;
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>SMO report: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            esc(&self.brand)
        );
        let _ = write!(
            o,
            "<header><h1>SMO report: {}</h1><p>{} · {} · dates in {} · by {}</p></header>\n<main>\n",
            esc(&self.brand),
            esc(&self.site),
            esc(&self.span()),
            esc(&self.time_zone),
            self.period
        );
        // Tiles.
        let tiles = [
            ("Posts", s.posts.to_string()),
            ("Reach", self.val(s.reach, Unit::Count)),
            (
                "Engagement rate",
                self.val(s.engagement_rate, Unit::Percent),
            ),
            ("Followers", self.val(s.followers, Unit::Count)),
            ("Social sessions", self.val(s.social_sessions, Unit::Count)),
            ("Social revenue", self.val(s.social_revenue, Unit::Currency)),
            ("Cost", self.val(s.cost, Unit::Currency)),
            ("ROI", self.val(s.roi, Unit::Percent)),
        ];
        o.push_str("<section class=\"tiles\">\n");
        for (k, v) in tiles {
            // The figure never wraps; a currency code is set smaller after it.
            let v = match self.currency.as_deref().and_then(|c| v.strip_suffix(c)) {
                Some(n) => format!(
                    "{}<small>{}</small>",
                    esc(n),
                    esc(self.currency.as_deref().unwrap_or_default())
                ),
                None => esc(&v),
            };
            let _ = writeln!(
                o,
                "<div class=\"tile\"><div class=\"v\">{v}</div><div class=\"k\">{k}</div></div>"
            );
        }
        o.push_str("</section>\n");
        // Objectives.
        o.push_str("<section><h2>Objectives</h2>\n");
        o.push_str(&self.objectives_svg());
        o.push_str("<table><thead><tr><th>Objective</th><th>Current</th><th>Target</th><th>Deadline</th><th>Forecast (80 % band)</th><th>Status</th><th>Why</th></tr></thead><tbody>\n");
        for t in &self.objectives {
            let u = t.unit.unwrap_or(Unit::Ratio);
            let fc = t.forecast.as_ref().map_or("–".into(), |f| {
                format!(
                    "{} ({} – {})",
                    self.amount(f.value, u),
                    self.amount(f.low, u),
                    self.amount(f.high, u)
                )
            });
            let _ = writeln!(
                o,
                "<tr><td><b>{}</b><br><small>{}</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><span class=\"st {}\">{}</span></td><td><small>{} · {}</small></td></tr>",
                esc(&t.objective),
                esc(&t.statement),
                esc(&self.val(t.current, u)),
                esc(&self.val(t.target, u)),
                t.deadline.map_or("–".into(), |d| d.to_string()),
                esc(&fc),
                t.status.as_str(),
                t.status.label(),
                esc(t.rule),
                esc(&t.reason)
            );
        }
        o.push_str("</tbody></table></section>\n");
        // Networks.
        o.push_str("<section><h2>Networks</h2>\n<div class=\"charts\">");
        let er: Vec<(String, f64)> = self
            .networks
            .iter()
            .filter_map(|n| {
                n.engagement_rate
                    .map(|e| (n.network.info().name.to_owned(), e))
            })
            .collect();
        o.push_str(&bar_chart("Engagement rate by network (%)", &er, "%"));
        o.push_str(&self.reach_svg());
        o.push_str("</div>\n<table><thead><tr><th>Network</th><th>Posts</th><th>Posts/week (plan)</th><th>Reach</th><th>Engagement rate</th><th>CTR</th><th>Followers</th><th>Growth</th><th>Sessions</th></tr></thead><tbody>\n");
        for n in &self.networks {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{:.1} ({})</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                n.network.info().name,
                n.posts,
                n.posts_per_week,
                n.planned_per_week.map_or("–".into(), |p| format!("{p:.0}")),
                self.val(n.reach, Unit::Count),
                self.val(n.engagement_rate, Unit::Percent),
                self.val(n.click_through_rate, Unit::Percent),
                self.val(n.followers, Unit::Count),
                self.val(n.follower_growth, Unit::Percent),
                self.val(n.sessions, Unit::Count)
            );
        }
        o.push_str("</tbody></table></section>\n");
        // Traffic.
        o.push_str("<section><h2>Traffic sources</h2>\n<div class=\"charts\">");
        let chs: Vec<(String, f64)> = self
            .channels
            .iter()
            .map(|c| (c.channel.as_str().to_owned(), c.sessions as f64))
            .collect();
        o.push_str(&bar_chart("Sessions by channel", &chs, ""));
        let soc: Vec<(String, f64)> = self
            .social_sources
            .iter()
            .map(|(n, s)| (n.info().name.to_owned(), *s as f64))
            .collect();
        o.push_str(&bar_chart("Social sessions by network", &soc, ""));
        o.push_str("</div>\n<table><thead><tr><th>Channel</th><th>Sessions</th><th>Share</th><th>Conversion rate</th><th>Bounce rate</th><th>Revenue</th></tr></thead><tbody>\n");
        for c in &self.channels {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.channel,
                format_value(c.sessions as f64, Unit::Count),
                pct(c.share),
                self.val(c.conversion_rate, Unit::Percent),
                self.val(c.bounce_rate, Unit::Percent),
                self.val(c.revenue, Unit::Currency)
            );
        }
        o.push_str("</tbody></table></section>\n");
        // Content.
        o.push_str("<section><h2>Content</h2>\n<div class=\"charts\">");
        let ct: Vec<(String, f64)> = self
            .content_types
            .iter()
            .filter_map(|m| m.engagement_rate.map(|e| (m.name.clone(), e)))
            .collect();
        o.push_str(&bar_chart("Engagement rate by content type (%)", &ct, "%"));
        o.push_str(&self.pillars_svg());
        o.push_str("</div>\n");
        for (title, rows) in [
            ("Top posts", &self.top_posts),
            ("Bottom posts", &self.bottom_posts),
        ] {
            let _ = writeln!(
                o,
                "<h3>{title}</h3><table><thead><tr><th>Post</th><th>Network</th><th>Date</th><th>Type</th><th>Pillar</th><th>Reach</th><th>Engagement rate</th></tr></thead><tbody>"
            );
            for p in rows {
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.post_id),
                    p.network.info().name,
                    p.date,
                    esc(p.content_type.as_deref().unwrap_or("–")),
                    esc(p.pillar.as_deref().unwrap_or("–")),
                    p.reach
                        .map_or("–".into(), |r| format_value(r as f64, Unit::Count)),
                    pct(p.engagement_rate)
                );
            }
            o.push_str("</tbody></table>\n");
        }
        o.push_str("</section>\n");
        if let Some(plan) = &self.calendar {
            o.push_str(&crate::calendar::render::html(plan));
        }
        if let Some(w) = &self.watch {
            o.push_str(&crate::listening::render::html(w));
        }
        // Recommendations.
        o.push_str("<section><h2>Recommendations</h2>\n");
        o.push_str(&crate::advice::render_html(&self.recommendations));
        o.push_str("</section>\n");
        if !self.audit.is_empty() {
            o.push_str("<section><h2>Site audit</h2>");
            for (page, list) in by_page(&self.audit) {
                let _ = writeln!(
                    o,
                    "<h3>{} <small>({} finding{})</small></h3>",
                    esc(page.unwrap_or("Site-wide")),
                    list.len(),
                    if list.len() == 1 { "" } else { "s" }
                );
                let list: Vec<Finding> = list.into_iter().cloned().collect();
                o.push_str(&findings_html(&list));
            }
            o.push_str("</section>\n");
        }
        o.push_str("<section><h2>Method</h2><ul>\n");
        for (k, v) in &self.formulas {
            let _ = writeln!(o, "<li>{}: <code>{}</code></li>", esc(k), esc(v));
        }
        let vs: Vec<String> = self
            .versions
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let rows: Vec<String> = self.rows.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let _ = write!(
            o,
            "<li>data: {}</li>\n<li>rows read: {}</li>\n<li>content hash (FNV-1a 64 of the JSON): <code>{}</code></li>\n</ul></section>\n",
            esc(&vs.join(", ")),
            esc(&rows.join(", ")),
            self.hash()
        );
        o.push_str("</main>\n<footer>Generated by smo. Self-contained: no script, no external resource.</footer>\n</body>\n</html>\n");
        o
    }
}

const CSS: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#212529;background:#f8f9fa}header{background:#1c2541;color:#fff;padding:24px 32px}header h1{margin:0 0 4px;font-size:26px}header p{margin:0;opacity:.85}main{max-width:1100px;margin:0 auto;padding:16px 24px}section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 20px;margin:16px 0}h2{margin:0 0 12px;font-size:19px}h3{font-size:16px}.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;background:none;box-shadow:none;padding:0}.tile{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:12px}.tile .v{font-size:22px;font-weight:600;white-space:nowrap}.tile .v small{font-size:13px;font-weight:400;margin-left:2px;color:#6c757d}.tile .k{color:#6c757d;font-size:13px}table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13.5px}th,td{border-bottom:1px solid #e9ecef;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f1f3f5}.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;flex:1 1 440px}figcaption{font-weight:600;font-size:13.5px;margin-bottom:4px}svg{width:100%;height:auto}.lbl,.val,.axis{font-size:11px;fill:#343a40}.bar{fill:#4c6ef5}.plan{fill:none;stroke:#e8590c;stroke-width:1.5}.track{fill:#e9ecef}.fill.achieved,.fill.on_track{fill:#2b8a3e}.fill.at_risk{fill:#f59f00}.fill.off_track{fill:#c92a2a}.fill.no_data{fill:#adb5bd}.tick{stroke:#212529;stroke-width:2}.grid{stroke:#e9ecef}.st{padding:2px 8px;border-radius:10px;font-size:12px;white-space:nowrap;color:#fff}.st.achieved,.st.on_track{background:#2b8a3e}.st.at_risk{background:#f59f00}.st.off_track{background:#c92a2a}.st.no_data{background:#868e96}.recs li{margin:6px 0}.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:1px 6px;border-radius:4px;color:#fff;background:#868e96}.error .sev{background:#c92a2a}.warning .sev{background:#f59f00}.notice .sev{background:#1098ad}.high .sev{background:#c92a2a}.medium .sev{background:#f59f00}.low .sev{background:#1098ad}.ev{margin:2px 0 8px;padding-left:20px;font-size:13px;color:#495057}.ev li{margin:2px 0}.ev pre{background:#f1f3f5;padding:6px 8px;border-radius:4px;overflow-x:auto;white-space:pre-wrap}.src{color:#868e96}code{background:#f1f3f5;padding:0 4px;border-radius:3px;font-size:12.5px}.empty{color:#868e96}footer{text-align:center;color:#868e96;font-size:12px;padding:16px}";

#[cfg(test)]
mod tests {
    use crate::data::Dataset;
    use crate::finding::Finding;
    use crate::report::{ReportOptions, report};
    use crate::{Location, Severity, Strategy};

    #[test]
    fn html_escapes_and_audit_joins() {
        let mut s = Strategy::example().unwrap();
        s.brand.name = "<Lune & co>".into();
        let audit = vec![Finding {
            rule: "page/og-missing".into(),
            severity: Severity::Error,
            message: "<b>no og:image</b>".into(),
            location: Location::path("/"),
            fix: None,
            source: "x".into(),
        }];
        let r = report(
            &s,
            &Dataset::default(),
            Some(&audit),
            &ReportOptions::default(),
        )
        .unwrap();
        let html = r.to_html();
        assert!(html.contains("&lt;Lune &amp; co&gt;"));
        assert!(!html.contains("<b>no og:image</b>"));
        assert!(!html.contains("<script"));
        assert!(
            r.recommendations
                .iter()
                .any(|f| f.id == "report/audit-errors" && f.rationale.contains("page/og-missing"))
        );
    }
}
