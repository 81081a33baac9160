//! Recommendations as Markdown and HTML: each with its priority, rationale, evidence inline,
//! actions (snippets in code blocks) and source.

use std::fmt::Write as _;

use super::Recommendation;
use crate::report::{esc, md};

fn source(r: &Recommendation, quote: &str) -> String {
    match &r.source.smo_rule {
        Some(rule) => format!("SMO rule {quote}{rule}{quote} ({})", r.source.reference),
        None => format!("{} ({})", r.source.kind, r.source.reference),
    }
}

/// The recommendations as Markdown list items.
pub(crate) fn markdown(recs: &[Recommendation]) -> String {
    let mut o = String::new();
    if recs.is_empty() {
        o.push_str("Nothing to flag.\n");
    }
    for r in recs {
        let _ = writeln!(
            o,
            "- **{}** `{}` {}: {}",
            r.priority,
            r.id,
            md(&r.title),
            md(&r.rationale)
        );
        for e in &r.evidence {
            let _ = writeln!(
                o,
                "  - *Evidence:* {}{}",
                md(&e.label),
                e.reference
                    .as_deref()
                    .map_or(String::new(), |x| format!(" (`{}`)", md(x)))
            );
        }
        if let Some(obj) = &r.objective {
            let _ = writeln!(o, "  - *Objective:* `{}`", md(obj));
        }
        if let Some(e) = &r.effect {
            let _ = writeln!(
                o,
                "  - *Expected:* {} {}",
                md(&e.kpi),
                if e.direction == super::Direction::Up {
                    "up"
                } else {
                    "down"
                }
            );
        }
        for a in &r.actions {
            let _ = writeln!(o, "  - *Do:* {}", md(&a.text));
            if let Some(s) = &a.snippet {
                let _ = writeln!(o, "\n    ```html");
                for line in s.lines() {
                    let _ = writeln!(o, "    {line}");
                }
                let _ = writeln!(o, "    ```\n");
            }
        }
        let _ = writeln!(o, "  - *Source:* {}", md(&source(r, "`")));
    }
    o
}

/// The recommendations as an HTML list.
pub(crate) fn html(recs: &[Recommendation]) -> String {
    let mut o = String::from("<ul class=\"recs\">\n");
    if recs.is_empty() {
        o.push_str("<li>Nothing to flag.</li>\n");
    }
    for r in recs {
        let _ = write!(
            o,
            "<li class=\"{}\"><span class=\"sev\">{}</span> <b>{}</b> <code>{}</code>: {}<ul class=\"ev\">",
            r.priority,
            r.priority,
            esc(&r.title),
            esc(&r.id),
            esc(&r.rationale)
        );
        for e in &r.evidence {
            let _ = write!(o, "<li>Evidence: {}</li>", esc(&e.label));
        }
        if let Some(obj) = &r.objective {
            let _ = write!(o, "<li>Objective: <code>{}</code></li>", esc(obj));
        }
        for a in &r.actions {
            let _ = write!(o, "<li><b>Do:</b> {}", esc(&a.text));
            if let Some(s) = &a.snippet {
                let _ = write!(o, "<pre><code>{}</code></pre>", esc(s));
            }
            o.push_str("</li>");
        }
        let _ = writeln!(
            o,
            "<li class=\"src\">Source: {}</li></ul></li>",
            esc(&source(r, ""))
        );
    }
    o.push_str("</ul>");
    o
}
