//! The site social audit: what a page (and a whole site) offers social networks, what is wrong
//! with it, how it scores, and the markup that fixes it.
//!
//! smo never fetches: the host hands it HTML and the page URL. [`audit_page`] runs a streaming
//! scan ([`scan`]) into a [`PageFeatures`] inventory, runs the page rule catalogue
//! ([`rules::RULES`]) over it, scores four categories and builds a fix block.
//! [`audit_site`] audits many pages on every core and adds coverage, rule
//! hit counts, cross-page inconsistencies and the cross-check with a [`Strategy`](crate::Strategy).
//!
//! Facts (image sizes, card limits, share endpoints, profile hosts, embed hosts, widget
//! signatures) live in [`facts`]; the knowledge behind the rules is in
//! `shared/reference/site-audit.md`.
//!
//! ```
//! use smo_core::audit::{audit_page, AuditOptions};
//!
//! let html = r#"<html><head><title>Linen sheets</title>
//!   <meta property="og:title" content="Linen sheets &amp; pillowcases">
//!   <meta name="og:image" content="/img/sheets.jpg"></head><body></body></html>"#;
//! let audit = audit_page(html.as_bytes(), "https://shop.example/sheets", &AuditOptions::default())?;
//! assert_eq!(audit.features.og("og:title"), Some("Linen sheets & pillowcases"));
//! assert_eq!(audit.features.og_images[0].resolved.as_deref(), Some("https://shop.example/img/sheets.jpg"));
//! assert!(audit.findings.iter().any(|f| f.rule == "og/uses-name-attribute"));
//! assert!(audit.fix_html.contains(r#"<meta property="og:url" content="https://shop.example/sheets">"#));
//! # Ok::<(), smo_core::Error>(())
//! ```

pub mod depth;
pub mod example;
pub mod facts;
pub mod features;
pub mod fix;
pub mod jsonld;
pub mod rules;
pub mod scan;
pub mod score;
pub mod site;

use serde::{Deserialize, Serialize};

pub use features::PageFeatures;
pub use rules::{Category, Outcome, RULES, Status};
pub use scan::ScanLimits;
pub use score::Scores;
pub use site::{SiteAuditor, SiteOptions, SiteReport, audit_site};

use crate::error::Result;
use crate::finding::{Location, RuleConfig};
use crate::{Finding, Severity};

/// How to audit a page.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditOptions {
    /// Rules turned off, severities changed.
    pub rules: RuleConfig,
    /// How far (as a fraction) an image may be from 1.91:1 before `og/image-ratio` (0.10).
    pub ratio_tolerance: f64,
    /// Hosts allowed for a cross-domain `og:url` (Facebook's allow-list).
    pub allowed_hosts: Vec<String>,
    /// The brand's name, for the fix block's `og:site_name` when the page does not say it.
    pub site_name: Option<String>,
    /// The brand's X handle, for the fix block's `twitter:site`.
    pub x_handle: Option<String>,
    /// Scan limits (chunk size, memory cap, value cap).
    pub limits: ScanLimits,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            rules: RuleConfig::default(),
            ratio_tolerance: 0.10,
            allowed_hosts: Vec::new(),
            site_name: None,
            x_handle: None,
            limits: ScanLimits::default(),
        }
    }
}

/// The audit of one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageAudit {
    /// The page URL.
    pub url: String,
    /// What the page has.
    pub features: PageFeatures,
    /// What is wrong, sorted by severity, rule id and byte offset.
    pub findings: Vec<Finding>,
    /// Each rule's status on this page: pass, fail, not applicable or disabled.
    pub outcomes: Vec<Outcome>,
    /// Category and overall scores.
    pub scores: Scores,
    /// The `<meta>`/`<link>` block to add or change in `<head>`; empty when nothing to fix.
    pub fix_html: String,
}

impl PageAudit {
    /// Number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The audit as JSON.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| crate::Error::Write {
            format: crate::error::Format::Json,
            message: e.to_string(),
        })
    }
}

/// Audits one page: `html` is the page as served (any ASCII-compatible charset or UTF-16 with a
/// BOM), `url` its address (relative links resolve against it).
///
/// Never panics on any input: a page the scan cannot finish gets `page/parse-incomplete`, an
/// internal error `page/internal-error`, with what was found before. Fails only when the rule
/// configuration names an unknown rule, or `url` is not an absolute URL.
pub fn audit_page(html: &[u8], url: &str, options: &AuditOptions) -> Result<PageAudit> {
    if url::Url::parse(url).is_err() {
        return Err(crate::Error::Argument {
            name: "url".into(),
            message: format!(
                "`{url}` is not an absolute URL: give the page's address, such as https://example.com/page"
            ),
        });
    }
    let mut eval = rules::Eval::new(&options.rules)?;
    let scanned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        scan::scan(html, url, &options.limits)
    }));
    let (features, internal) = match scanned {
        Ok(f) => (f, None),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let mut f = PageFeatures {
                url: url.to_owned(),
                ..PageFeatures::default()
            };
            f.parse.bytes = html.len() as u64;
            f.parse.error = Some(format!("internal error: {msg}"));
            (f, Some(msg))
        }
    };
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut eval = rules::Eval::new(&options.rules)?;
        rules::check(&features, options, &mut eval);
        Ok::<_, crate::Error>(eval)
    }));
    let mut internal = internal;
    match checked {
        Ok(Ok(e)) => eval = e,
        Ok(Err(e)) => return Err(e),
        Err(_) => internal = Some("a rule failed".into()),
    }
    if let Some(msg) = internal {
        eval_internal(&mut eval, &msg);
    }
    let (mut findings, outcomes) = eval.finish();
    sort_findings(&mut findings);
    let scores = score::scores(&outcomes, &findings);
    let fix_html = fix::fix_block(&features, &findings, options);
    Ok(PageAudit {
        url: url.to_owned(),
        features,
        findings,
        outcomes,
        scores,
        fix_html,
    })
}

fn eval_internal(eval: &mut rules::Eval<'_>, msg: &str) {
    eval.internal_error(
        Location::path("page"),
        format!("The audit hit an internal error ({msg}); results are partial. Please report it."),
    );
}

/// Sorts findings by severity, rule id, then byte offset: the same input gives the same order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| {
                let off = |f: &Finding| f.location.span.map_or(0, |s| s.start_byte);
                off(a).cmp(&off(b))
            })
            .then_with(|| a.message.cmp(&b.message))
    });
}
