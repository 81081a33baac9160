//! The report's SVG charts: objective progress, reach over time, pillar mix, and the generic bar
//! and line charts the page uses for the rest.
//!
//! Each chart is a string of inline SVG that the HTML page embeds as is, so the page stays one
//! file. Shapes take their look from the page's CSS classes (`bar`, `track`, `fill <status>`),
//! only the line chart's series colours are inline, from its own palette; coordinates are printed
//! to one decimal, so the same report draws byte-identical charts.
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{MixRow, Report, esc};
use crate::kpi::objective::{ObjectiveTrack, Status};
use crate::kpi::{Unit, format_value};

impl Report {
    pub(super) fn objectives_svg(&self) -> String {
        let rows: Vec<&ObjectiveTrack> =
            self.objectives.iter().filter(|t| t.kpi.is_some()).collect();
        if rows.is_empty() {
            return String::new();
        }
        let (w, row_h, left) = (720.0, 30.0, 190.0);
        let h = rows.len() as f64 * row_h + 40.0;
        let bar_w = w - left - 110.0;
        let mut o = format!(
            "<figure><figcaption>Progress from baseline to target (tick: time elapsed)</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Objective progress\">"
        );
        for (i, t) in rows.iter().enumerate() {
            let y = 20.0 + i as f64 * row_h;
            // An achieved objective is drawn full even when its progress from the baseline is
            // below 100 % or negative (a ceiling already met, such as a CPC under its cap), so
            // the bar and the status agree; the label says which.
            let achieved = t.status == Status::Achieved;
            let p = if achieved {
                1.0
            } else {
                t.progress.unwrap_or(0.0).clamp(0.0, 1.0)
            };
            let _ = write!(
                o,
                "<text x=\"0\" y=\"{:.1}\" class=\"lbl\">{}</text>",
                y + 14.0,
                esc(&t.objective)
            );
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{bar_w:.1}\" height=\"18\" class=\"track\"/>"
            );
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"18\" class=\"fill {}\"/>",
                p * bar_w,
                t.status.as_str()
            );
            if let Some(e) = t.expected {
                let x = left + e.clamp(0.0, 1.0) * bar_w;
                let _ = write!(
                    o,
                    "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"tick\"/>",
                    y - 3.0,
                    y + 21.0
                );
            }
            let _ = write!(
                o,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"val\">{}</text>",
                left + bar_w + 8.0,
                y + 14.0,
                match t.progress {
                    Some(p) if !achieved || p >= 1.0 => format!("{:.0} %", p * 100.0),
                    _ => t.status.label().to_owned(),
                }
            );
        }
        o.push_str("</svg></figure>");
        o
    }

    pub(super) fn reach_svg(&self) -> String {
        let mut series: BTreeMap<&str, Vec<(&str, f64)>> = BTreeMap::new();
        let mut labels: Vec<&str> = Vec::new();
        for p in self.periods.iter().filter(|p| p.network != "all") {
            if let Some(r) = p.reach {
                series.entry(&p.network).or_default().push((&p.period, r));
            }
            if !labels.contains(&p.period.as_str()) {
                labels.push(&p.period);
            }
        }
        labels.sort();
        line_chart(
            &format!("Reach by {} and network", self.period),
            &labels,
            &series,
        )
    }

    pub(super) fn pillars_svg(&self) -> String {
        let rows: Vec<&MixRow> = self
            .pillars
            .iter()
            .filter(|p| p.planned_share.is_some() || p.posts > 0)
            .collect();
        if rows.is_empty() {
            return String::new();
        }
        let (w, row_h, left) = (480.0, 34.0, 150.0);
        let h = rows.len() as f64 * row_h + 44.0;
        let bar_w = w - left - 60.0;
        let max = rows
            .iter()
            .map(|p| p.share.max(p.planned_share.unwrap_or(0.0)))
            .fold(1.0, f64::max);
        let mut o = format!(
            "<figure><figcaption>Pillars: share of posts (bar) vs plan (outline), %</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Pillar mix\">"
        );
        for (i, p) in rows.iter().enumerate() {
            let y = 10.0 + i as f64 * row_h;
            let _ = write!(
                o,
                "<text x=\"0\" y=\"{:.1}\" class=\"lbl\">{}</text>",
                y + 14.0,
                esc(&trunc(&p.name, 22))
            );
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"12\" class=\"bar\"/>",
                p.share / max * bar_w
            );
            if let Some(pl) = p.planned_share {
                let _ = write!(
                    o,
                    "<rect x=\"{left}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" class=\"plan\"/>",
                    y + 14.0,
                    pl / max * bar_w
                );
            }
            let _ = write!(
                o,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"val\">{:.0}/{}</text>",
                left + bar_w + 6.0,
                y + 14.0,
                p.share,
                p.planned_share.map_or("–".into(), |x| format!("{x:.0}"))
            );
        }
        o.push_str("</svg></figure>");
        o
    }
}

fn trunc(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// A horizontal bar chart as inline SVG.
pub(super) fn bar_chart(title: &str, rows: &[(String, f64)], suffix: &str) -> String {
    if rows.is_empty() {
        return format!(
            "<figure><figcaption>{}</figcaption><p class=\"empty\">No data.</p></figure>",
            esc(title)
        );
    }
    let (w, row_h, left) = (480.0, 26.0, 150.0);
    let h = rows.len() as f64 * row_h + 16.0;
    let max = rows
        .iter()
        .map(|r| r.1)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let bar_w = w - left - 80.0;
    let mut o = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        esc(title),
        esc(title)
    );
    for (i, (label, v)) in rows.iter().enumerate() {
        let y = 8.0 + i as f64 * row_h;
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{:.1}\" class=\"lbl\">{}</text>",
            y + 13.0,
            esc(&trunc(label, 22))
        );
        let _ = write!(
            o,
            "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"18\" class=\"bar\"/>",
            (v / max * bar_w).max(1.0)
        );
        let text = if suffix == "%" {
            format!("{v:.2} %")
        } else {
            format_value(*v, Unit::Count)
        };
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"val\">{}</text>",
            left + (v / max * bar_w).max(1.0) + 6.0,
            y + 13.0,
            esc(&text)
        );
    }
    o.push_str("</svg></figure>");
    o
}

const PALETTE: [&str; 8] = [
    "#4c6ef5", "#e8590c", "#2b8a3e", "#ae3ec9", "#1098ad", "#f59f00", "#c92a2a", "#495057",
];

/// A multi-series line chart as inline SVG.
fn line_chart(title: &str, labels: &[&str], series: &BTreeMap<&str, Vec<(&str, f64)>>) -> String {
    if labels.is_empty() || series.is_empty() {
        return format!(
            "<figure><figcaption>{}</figcaption><p class=\"empty\">No data.</p></figure>",
            esc(title)
        );
    }
    let (w, h, l, r, t, b) = (480.0, 260.0, 56.0, 36.0, 12.0, 56.0);
    let max = series
        .values()
        .flatten()
        .map(|p| p.1)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let x = |i: usize| {
        if labels.len() == 1 {
            l + (w - l - r) / 2.0
        } else {
            l + i as f64 * (w - l - r) / (labels.len() - 1) as f64
        }
    };
    let y = |v: f64| t + (1.0 - v / max) * (h - t - b);
    let mut o = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        esc(title),
        esc(title)
    );
    for k in 0..=4 {
        let v = max * f64::from(k) / 4.0;
        let _ = write!(
            o,
            "<line x1=\"{l}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"grid\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            w - r,
            y(v),
            y(v),
            l - 4.0,
            y(v) + 4.0,
            esc(&format_value(v, Unit::Count))
        );
    }
    for (i, lab) in labels.iter().enumerate() {
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
            x(i),
            h - b + 16.0,
            esc(lab)
        );
    }
    for (si, (name, pts)) in series.iter().enumerate() {
        let color = PALETTE[si % PALETTE.len()];
        let path: Vec<String> = pts
            .iter()
            .filter_map(|(lab, v)| {
                labels
                    .iter()
                    .position(|l| l == lab)
                    .map(|i| format!("{:.1},{:.1}", x(i), y(*v)))
            })
            .collect();
        let _ = write!(
            o,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
            path.join(" ")
        );
        for p in &path {
            if let Some((px, py)) = p.split_once(',') {
                let _ = write!(
                    o,
                    "<circle cx=\"{px}\" cy=\"{py}\" r=\"3\" fill=\"{color}\"/>"
                );
            }
        }
        let lx = l + (si % 4) as f64 * 105.0;
        let ly = h - 18.0 + (si / 4) as f64 * 14.0;
        let _ = write!(
            o,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{ly:.1}\" class=\"axis\">{}</text>",
            ly - 9.0,
            lx + 14.0,
            esc(name)
        );
    }
    o.push_str("</svg></figure>");
    o
}
