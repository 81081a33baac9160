//! FFI surface of the site audit: `audit_page` and `audit_site` for mobile hosts. The common
//! parts of the inventory are typed records; the whole inventory is also given as JSON
//! (`features_json`), the same document the Rust and Python surfaces serialise.

use std::collections::HashMap;
use std::sync::Arc;

use smo_core::audit::{self, AuditOptions, Scores, SiteOptions};
use smo_core::{Finding, RuleConfig, Severity};

use crate::errors::SmoError;
use crate::strategy::Strategy;

/// How to audit: rules turned off, severities changed, ratio tolerance, brand defaults.
#[derive(uniffi::Record, Default)]
pub struct AuditConfig {
    /// Rule ids that must not report.
    #[uniffi(default = [])]
    pub disabled: Vec<String>,
    /// Severity overrides by rule id.
    #[uniffi(default)]
    pub severities: HashMap<String, Severity>,
    /// How far an image may be from 1.91:1 before `og/image-ratio` (default 0.10).
    #[uniffi(default)]
    pub ratio_tolerance: Option<f64>,
    /// Hosts allowed for a cross-domain `og:url`.
    #[uniffi(default = [])]
    pub allowed_hosts: Vec<String>,
    /// The brand's name, for the fix block.
    #[uniffi(default)]
    pub site_name: Option<String>,
    /// The brand's X handle, for the fix block.
    #[uniffi(default)]
    pub x_handle: Option<String>,
}

impl From<AuditConfig> for AuditOptions {
    fn from(c: AuditConfig) -> Self {
        let d = AuditOptions::default();
        AuditOptions {
            rules: RuleConfig {
                disabled: c.disabled.into_iter().collect(),
                severities: c.severities.into_iter().collect(),
            },
            ratio_tolerance: c.ratio_tolerance.unwrap_or(d.ratio_tolerance),
            allowed_hosts: c.allowed_hosts,
            site_name: c.site_name,
            x_handle: c.x_handle,
            ..d
        }
    }
}

#[uniffi::remote(Record)]
struct Scores {
    previews: Option<f64>,
    discoverability: Option<f64>,
    sharing: Option<f64>,
    community: Option<f64>,
    overall: Option<f64>,
}

/// A share link found on a page.
#[derive(uniffi::Record)]
pub struct ShareLink {
    /// Target network id (`x`, `facebook`, ...) or `email`, `google_plus`.
    pub network: String,
    /// `current`, `legacy` or `deprecated`.
    pub status: String,
    /// The link, decoded.
    pub href: String,
    /// The URL being shared.
    pub shared_url: Option<String>,
    /// 1-based line.
    pub line: u64,
}

/// A profile link found on a page.
#[derive(uniffi::Record)]
pub struct ProfileLink {
    /// Network id.
    pub network: String,
    /// The handle read from the URL.
    pub handle: String,
    /// The link, resolved.
    pub url: String,
    /// 1-based line.
    pub line: u64,
}

/// The common parts of a page's inventory.
#[derive(uniffi::Record)]
pub struct PageFeatures {
    /// `<title>`, decoded.
    pub title: Option<String>,
    /// `<meta name="description">`.
    pub description: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// The first canonical URL, resolved.
    pub canonical: Option<String>,
    /// Open Graph properties: key to values in document order.
    pub open_graph: HashMap<String, Vec<String>>,
    /// X card tags: name to values in document order.
    pub twitter: HashMap<String, Vec<String>>,
    /// Feed URLs (resolved).
    pub feeds: Vec<String>,
    /// Share links.
    pub share_links: Vec<ShareLink>,
    /// Profile links.
    pub profiles: Vec<ProfileLink>,
    /// Widget providers found, as `kind:provider` (`comments:disqus`, `embed:youtube`).
    pub widgets: Vec<String>,
    /// Whether the whole page was scanned.
    pub complete: bool,
}

/// One rule's status on a page.
#[derive(uniffi::Record)]
pub struct RuleOutcome {
    /// Rule id.
    pub rule: String,
    /// `pass`, `fail`, `not_applicable` or `disabled`.
    pub status: String,
}

/// The audit of one page.
#[derive(uniffi::Record)]
pub struct PageAudit {
    /// The page URL.
    pub url: String,
    /// The common parts of the inventory.
    pub features: PageFeatures,
    /// The whole inventory as JSON.
    pub features_json: String,
    /// Findings, sorted by severity, rule id and offset.
    pub findings: Vec<Finding>,
    /// Each rule's status.
    pub outcomes: Vec<RuleOutcome>,
    /// Scores.
    pub scores: Scores,
    /// The markup to put in `<head>`.
    pub fix_html: String,
}

fn features(f: &audit::PageFeatures) -> PageFeatures {
    let map = |m: &std::collections::BTreeMap<String, Vec<String>>| {
        m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    let widgets = [&f.comments, &f.social_login, &f.embeds, &f.reviews]
        .into_iter()
        .flatten()
        .map(|w| format!("{}:{}", w.kind.as_str(), w.provider))
        .collect();
    PageFeatures {
        title: f.title.clone(),
        description: f.description.clone(),
        lang: f.lang.clone(),
        canonical: f.canonical.clone(),
        open_graph: map(&f.open_graph),
        twitter: map(&f.twitter),
        feeds: f.feeds.iter().filter_map(|x| x.link.url.clone()).collect(),
        share_links: f
            .share_links
            .iter()
            .map(|s| ShareLink {
                network: s.network.clone(),
                status: s.status.as_str().to_owned(),
                href: s.href.clone(),
                shared_url: s.shared_url.clone(),
                line: s.origin.span.line,
            })
            .collect(),
        profiles: f
            .profiles
            .iter()
            .map(|p| ProfileLink {
                network: p.network.as_str().to_owned(),
                handle: p.handle.clone(),
                url: p.url.clone(),
                line: p.origin.span.line,
            })
            .collect(),
        widgets,
        complete: f.parse.complete,
    }
}

fn page(a: audit::PageAudit) -> Result<PageAudit, SmoError> {
    let features_json = a.features.to_json()?;
    Ok(PageAudit {
        features: features(&a.features),
        features_json,
        outcomes: a
            .outcomes
            .iter()
            .map(|o| RuleOutcome {
                rule: o.rule.clone(),
                status: o.status.as_str().to_owned(),
            })
            .collect(),
        url: a.url,
        findings: a.findings,
        scores: a.scores,
        fix_html: a.fix_html,
    })
}

/// Audits one page: `html` as served (bytes), `url` its address.
#[uniffi::export(default(config = None))]
pub fn audit_page(
    html: Vec<u8>,
    url: String,
    config: Option<AuditConfig>,
) -> Result<PageAudit, SmoError> {
    let options: AuditOptions = config.unwrap_or_default().into();
    page(audit::audit_page(&html, &url, &options)?)
}

/// A page handed to `audit_site`.
#[derive(uniffi::Record)]
pub struct SitePage {
    /// The page URL.
    pub url: String,
    /// The page as served.
    pub html: Vec<u8>,
}

/// One page of a site report.
#[derive(uniffi::Record)]
pub struct PageSummary {
    /// The page URL.
    pub url: String,
    /// Its scores.
    pub scores: Scores,
    /// Errors.
    pub errors: u64,
    /// Warnings.
    pub warnings: u64,
    /// Notices.
    pub notices: u64,
    /// Its fix block.
    pub fix_html: String,
}

/// Share of pages with a feature.
#[derive(uniffi::Record)]
pub struct Coverage {
    /// Feature id.
    pub feature: String,
    /// What it means.
    pub label: String,
    /// Pages with it.
    pub pages: u64,
    /// Pages audited.
    pub total: u64,
    /// `pages / total`.
    pub share: f64,
}

/// How often a rule failed across the site.
#[derive(uniffi::Record)]
pub struct RuleHits {
    /// Rule id.
    pub rule: String,
    /// Rule title.
    pub title: String,
    /// Most serious severity reported.
    pub severity: Severity,
    /// Pages where it failed.
    pub pages: u64,
    /// Pages where it applied.
    pub applicable: u64,
}

/// A page finding with its page.
#[derive(uniffi::Record)]
pub struct PageFinding {
    /// The page URL.
    pub url: String,
    /// The finding.
    pub finding: Finding,
}

/// The audit of a site.
#[derive(uniffi::Record)]
pub struct SiteReport {
    /// Pages in input order.
    pub pages: Vec<PageSummary>,
    /// Every page finding.
    pub findings: Vec<PageFinding>,
    /// Share of pages with each feature.
    pub coverage: Vec<Coverage>,
    /// Rules that failed somewhere, most pages first.
    pub rule_hits: Vec<RuleHits>,
    /// Inconsistencies across pages.
    pub inconsistencies: Vec<Finding>,
    /// The strategy cross-check.
    pub strategy_check: Vec<Finding>,
    /// Mean scores.
    pub scores: Scores,
}

/// Audits many pages on `threads` workers (default: every core); with a strategy, cross-checks
/// the site's profile links against its channels.
#[uniffi::export(default(strategy = None, threads = None, config = None))]
pub fn audit_site(
    pages: Vec<SitePage>,
    strategy: Option<Arc<Strategy>>,
    threads: Option<u32>,
    config: Option<AuditConfig>,
) -> Result<SiteReport, SmoError> {
    let options = SiteOptions {
        page: config.unwrap_or_default().into(),
        threads: threads.map(|t| t as usize),
    };
    let r = audit::audit_site(
        pages.into_iter().map(|p| (p.url, p.html)),
        strategy.as_ref().map(|s| &s.0),
        &options,
    )?;
    let n = |x: usize| x as u64;
    Ok(SiteReport {
        pages: r
            .pages
            .into_iter()
            .map(|p| PageSummary {
                url: p.url,
                scores: p.scores,
                errors: n(p.errors),
                warnings: n(p.warnings),
                notices: n(p.notices),
                fix_html: p.fix_html,
            })
            .collect(),
        findings: r
            .findings
            .into_iter()
            .map(|f| PageFinding {
                url: f.url,
                finding: f.finding,
            })
            .collect(),
        coverage: r
            .coverage
            .into_iter()
            .map(|c| Coverage {
                feature: c.feature,
                label: c.label,
                pages: n(c.pages),
                total: n(c.total),
                share: c.share,
            })
            .collect(),
        rule_hits: r
            .rule_hits
            .into_iter()
            .map(|h| RuleHits {
                rule: h.rule,
                title: h.title,
                severity: h.severity,
                pages: n(h.pages),
                applicable: n(h.applicable),
            })
            .collect(),
        inconsistencies: r.inconsistencies,
        strategy_check: r.strategy_check,
        scores: r.scores,
    })
}

/// The example brand's site, as pages for `audit_site`.
#[uniffi::export]
pub fn example_site() -> Vec<SitePage> {
    audit::example::example_site()
        .into_iter()
        .map(|(url, html)| SitePage {
            url: url.to_owned(),
            html: html.as_bytes().to_vec(),
        })
        .collect()
}
