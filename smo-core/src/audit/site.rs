//! The site audit: many pages, audited on every core, summed into coverage, rule hit counts,
//! cross-page inconsistencies and, given a [`Strategy`], its cross-check (networks planned but
//! not linked, links to networks not planned, handles that differ from the plan).
//!
//! Pages are audited in parallel batches (rayon) and folded into a [`SiteReport`] in input
//! order, so the report is the same whatever the number of threads, and memory holds one batch
//! of inventories at a time.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::facts::AS_OF;
use super::rules::{self, Status};
use super::{AuditOptions, PageAudit, Scores, audit_page};
use crate::error::{Error, Result};
use crate::finding::{Findings, Location, RuleConfig};
use crate::strategy::Role;
use crate::{Finding, Network, RuleInfo, Severity, Strategy, handle};

const SA: &str = "shared/reference/site-audit.md; issue #4 (strategy cross-check)";

/// The site-level rules.
pub static SITE_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "site/inconsistent-handle",
        title: "One handle per network across the site",
        description: "Pages link different accounts of one network: visitors and crawlers cannot tell which is the brand's.",
        default_severity: Severity::Warning,
        source: SA,
    },
    RuleInfo {
        id: "site/inconsistent-site-name",
        title: "One og:site_name across the site",
        description: "Pages declare different og:site_name values: previews name the brand differently.",
        default_severity: Severity::Warning,
        source: "https://ogp.me/",
    },
    RuleInfo {
        id: "site/inconsistent-twitter-site",
        title: "One twitter:site across the site",
        description: "Pages declare different twitter:site accounts.",
        default_severity: Severity::Warning,
        source: "https://developer.x.com/cards/markup",
    },
    RuleInfo {
        id: "site/planned-network-not-linked",
        title: "Planned networks are linked",
        description: "The strategy publishes or engages on a network that no page links to.",
        default_severity: Severity::Warning,
        source: SA,
    },
    RuleInfo {
        id: "site/unplanned-network-linked",
        title: "Linked networks are planned",
        description: "Pages link a profile on a network the strategy does not plan: an abandoned account, or a gap in the plan.",
        default_severity: Severity::Notice,
        source: SA,
    },
    RuleInfo {
        id: "site/handle-differs-from-strategy",
        title: "Site handles match the strategy",
        description: "A handle on the site differs from the strategy's handle for that network.",
        default_severity: Severity::Error,
        source: SA,
    },
];

/// How to audit a site.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SiteOptions {
    /// Options of each page's audit (its rule configuration may also name site rules).
    pub page: AuditOptions,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
}

/// One page in the site report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageSummary {
    /// The page URL.
    pub url: String,
    /// Its scores.
    pub scores: Scores,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Notices found.
    pub notices: usize,
    /// Its fix block.
    pub fix_html: String,
    /// Whether the scan finished.
    pub complete: bool,
}

/// A page finding with its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageFinding {
    /// The page URL.
    pub url: String,
    /// The finding.
    pub finding: Finding,
}

/// How many pages have a feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Feature id (`og_complete`, `twitter_card`, `share_links`, ...).
    pub feature: String,
    /// What it means.
    pub label: String,
    /// Pages that have it.
    pub pages: usize,
    /// Pages audited.
    pub total: usize,
    /// `pages / total`, 0..1 (0 with no pages).
    pub share: f64,
}

/// How often a rule failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleHits {
    /// Rule id.
    pub rule: String,
    /// Rule title.
    pub title: String,
    /// The most serious severity it reported.
    pub severity: Severity,
    /// Pages where it failed.
    pub pages: usize,
    /// Pages where it applied (pass or fail).
    pub applicable: usize,
    /// Findings in all.
    pub findings: usize,
}

/// A handle seen on the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandleUse {
    /// The network.
    pub network: Network,
    /// The handle as first seen.
    pub handle: String,
    /// Pages naming it.
    pub pages: usize,
    /// The first page naming it.
    pub first_url: String,
}

/// The audit of a site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteReport {
    /// Pages, in input order.
    pub pages: Vec<PageSummary>,
    /// Every page finding, page by page.
    pub findings: Vec<PageFinding>,
    /// Share of pages with each feature.
    pub coverage: Vec<Coverage>,
    /// Rules that failed somewhere, most pages first.
    pub rule_hits: Vec<RuleHits>,
    /// Handles seen per network.
    pub handles: Vec<HandleUse>,
    /// Site-level findings: inconsistencies across pages.
    pub inconsistencies: Vec<Finding>,
    /// Site-level findings: the strategy cross-check (empty without a strategy).
    pub strategy_check: Vec<Finding>,
    /// Mean scores over the pages.
    pub scores: Scores,
    /// When the facts behind the audit were checked.
    pub facts_as_of: String,
}

impl SiteReport {
    /// Findings as flat rows (one per finding, page findings then site findings), for
    /// `pandas.DataFrame` and CSV.
    pub fn findings_records(&self) -> Vec<FindingRecord> {
        let row = |url: &str, f: &Finding| FindingRecord {
            url: url.to_owned(),
            rule: f.rule.clone(),
            severity: f.severity,
            category: rules::category(&f.rule).as_str().to_owned(),
            message: f.message.clone(),
            path: f.location.path.clone(),
            line: f.location.span.map(|s| s.line),
            column: f.location.span.map(|s| s.column),
            byte_offset: f.location.span.map(|s| s.start_byte),
            fix: f.fix.clone(),
            source: f.source.clone(),
        };
        self.findings
            .iter()
            .map(|p| row(&p.url, &p.finding))
            .chain(
                self.inconsistencies
                    .iter()
                    .chain(&self.strategy_check)
                    .map(|f| row("", f)),
            )
            .collect()
    }
}

/// A flat finding row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRecord {
    /// Page URL (empty for site findings).
    pub url: String,
    /// Rule id.
    pub rule: String,
    /// Severity.
    pub severity: Severity,
    /// Score category of the rule (`previews`, ...; site rules: `discoverability`).
    pub category: String,
    /// Message.
    pub message: String,
    /// Location path.
    pub path: Option<String>,
    /// Line.
    pub line: Option<u64>,
    /// Column.
    pub column: Option<u64>,
    /// Byte offset.
    pub byte_offset: Option<u64>,
    /// Fix.
    pub fix: Option<String>,
    /// Source.
    pub source: String,
}

const FEATURES: &[(&str, &str)] = &[
    ("og_any", "any Open Graph tag"),
    ("og_complete", "the four required Open Graph tags"),
    (
        "og_image_sized",
        "an og:image with declared width and height",
    ),
    ("twitter_card", "a twitter:card"),
    ("canonical", "a canonical URL"),
    ("share_links", "share links or buttons"),
    ("profiles", "profile links or sameAs"),
    ("organization", "a JSON-LD Organization"),
    ("feed", "a feed link"),
    ("favicon", "a favicon"),
    ("apple_touch_icon", "an apple-touch-icon"),
    ("comments", "a comment widget"),
    ("social_login", "social login"),
    ("embeds", "embedded posts or players"),
    ("reviews", "reviews or ratings"),
];

fn has_feature(a: &PageAudit, feature: &str) -> bool {
    let f = &a.features;
    match feature {
        "og_any" => !f.open_graph.keys().all(|k| !k.starts_with("og:")),
        "og_complete" => ["og:title", "og:type", "og:image", "og:url"]
            .iter()
            .all(|k| f.og(k).is_some()),
        "og_image_sized" => f
            .og_images
            .first()
            .is_some_and(|i| i.width_px().is_some() && i.height_px().is_some()),
        "twitter_card" => f.tw("twitter:card").is_some(),
        "canonical" => f.canonical.is_some(),
        "share_links" => !f.share_links.is_empty() || !f.share_scripts.is_empty(),
        "profiles" => {
            !f.profiles.is_empty()
                || f.json_ld
                    .iter()
                    .flat_map(|b| &b.entities)
                    .any(|e| !e.same_as.is_empty())
        }
        "organization" => f
            .json_ld
            .iter()
            .flat_map(|b| &b.entities)
            .any(|e| !e.types.iter().any(|t| t == "Person")),
        "feed" => !f.feeds.is_empty(),
        "favicon" => f.icons.iter().any(|i| i.rel == "icon"),
        "apple_touch_icon" => f.icons.iter().any(|i| i.rel == "apple-touch-icon"),
        "comments" => !f.comments.is_empty(),
        "social_login" => !f.social_login.is_empty(),
        "embeds" => !f.embeds.is_empty(),
        "reviews" => !f.reviews.is_empty(),
        _ => false,
    }
}

/// Folds page audits into a site report, one page at a time.
#[derive(Debug, Default)]
pub struct SiteAccumulator {
    pages: Vec<PageSummary>,
    findings: Vec<PageFinding>,
    coverage: BTreeMap<&'static str, usize>,
    hits: BTreeMap<String, (Severity, usize, usize, usize)>,
    // network -> normalized handle -> (display, pages, first url)
    handles: BTreeMap<Network, BTreeMap<String, (String, usize, String)>>,
    site_names: BTreeMap<String, (usize, String)>,
    twitter_sites: BTreeMap<String, (String, usize, String)>,
    scores: Vec<Scores>,
}

impl SiteAccumulator {
    /// Adds one page's audit.
    pub fn add(&mut self, a: PageAudit) {
        for (feature, _) in FEATURES {
            if has_feature(&a, feature) {
                *self.coverage.entry(feature).or_default() += 1;
            }
        }
        for o in &a.outcomes {
            if matches!(o.status, Status::Pass | Status::Fail) {
                let e = self
                    .hits
                    .entry(o.rule.clone())
                    .or_insert((Severity::Notice, 0, 0, 0));
                e.2 += 1;
                if o.status == Status::Fail {
                    e.1 += 1;
                }
            }
        }
        for f in &a.findings {
            let e = self
                .hits
                .entry(f.rule.clone())
                .or_insert((f.severity, 0, 0, 0));
            e.0 = e.0.min(f.severity);
            e.3 += 1;
        }
        let mut seen: BTreeSet<(Network, String)> = BTreeSet::new();
        for (network, list) in rules::named_handles(&a.features) {
            for (h, _) in list {
                let norm = handle::check(network, &h).normalized;
                if seen.insert((network, norm.clone())) {
                    let e = self
                        .handles
                        .entry(network)
                        .or_default()
                        .entry(norm)
                        .or_insert((h.clone(), 0, a.url.clone()));
                    e.1 += 1;
                }
            }
        }
        if let Some(n) = a.features.og("og:site_name") {
            let e = self
                .site_names
                .entry(n.to_owned())
                .or_insert((0, a.url.clone()));
            e.0 += 1;
        }
        if let Some(s) = a.features.tw("twitter:site") {
            let norm = handle::check(Network::X, s).normalized;
            let e = self
                .twitter_sites
                .entry(norm)
                .or_insert((s.to_owned(), 0, a.url.clone()));
            e.1 += 1;
        }
        self.scores.push(a.scores);
        self.pages.push(PageSummary {
            url: a.url.clone(),
            scores: a.scores,
            errors: a.count(Severity::Error),
            warnings: a.count(Severity::Warning),
            notices: a.count(Severity::Notice),
            fix_html: a.fix_html,
            complete: a.features.parse.complete,
        });
        let url = a.url;
        self.findings
            .extend(a.findings.into_iter().map(|mut finding| {
                // The finding names its page, so it can travel alone (into the SMO report).
                finding.location.page = Some(url.clone());
                PageFinding {
                    url: url.clone(),
                    finding,
                }
            }));
    }

    /// The report, with the site rules run (and the strategy cross-check, given a strategy).
    pub fn finish(self, strategy: Option<&Strategy>, config: &RuleConfig) -> Result<SiteReport> {
        let total = self.pages.len();
        let coverage = FEATURES
            .iter()
            .map(|(feature, label)| {
                let pages = self.coverage.get(feature).copied().unwrap_or(0);
                Coverage {
                    feature: (*feature).to_owned(),
                    label: (*label).to_owned(),
                    pages,
                    total,
                    share: if total == 0 {
                        0.0
                    } else {
                        pages as f64 / total as f64
                    },
                }
            })
            .collect();
        let mut rule_hits: Vec<RuleHits> = self
            .hits
            .iter()
            .filter(|(_, (_, pages, _, _))| *pages > 0)
            .map(|(rule, (sev, pages, applicable, findings))| RuleHits {
                rule: rule.clone(),
                title: rules::RULES
                    .iter()
                    .find(|r| r.id == rule)
                    .map_or("", |r| r.title)
                    .to_owned(),
                severity: *sev,
                pages: *pages,
                applicable: *applicable,
                findings: *findings,
            })
            .collect();
        rule_hits.sort_by(|a, b| {
            b.pages
                .cmp(&a.pages)
                .then(a.severity.cmp(&b.severity))
                .then(a.rule.cmp(&b.rule))
        });
        let handles: Vec<HandleUse> = self
            .handles
            .iter()
            .flat_map(|(n, m)| {
                m.values().map(|(h, pages, first)| HandleUse {
                    network: *n,
                    handle: h.clone(),
                    pages: *pages,
                    first_url: first.clone(),
                })
            })
            .collect();
        let site_config = only(config, SITE_RULES);
        let mut inc = Findings::new(SITE_RULES, &site_config)?;
        for (network, m) in &self.handles {
            if m.len() > 1 {
                inc.report(
                    "site/inconsistent-handle",
                    Location::path(network.as_str()),
                    format!(
                        "Pages link {} different {} accounts: {}.",
                        m.len(),
                        network.info().name,
                        m.values()
                            .map(|(h, p, u)| format!("{h} ({}, first {u})", pages(*p)))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    Some(format!(
                        "Link one {} account everywhere.",
                        network.info().name
                    )),
                );
            }
        }
        if self.site_names.len() > 1 {
            inc.report(
                "site/inconsistent-site-name",
                Location::path("og:site_name"),
                format!(
                    "Pages declare {} og:site_name values: {}.",
                    self.site_names.len(),
                    self.site_names
                        .iter()
                        .map(|(n, (p, _))| format!("\"{n}\" ({})", pages(*p)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some("Use one brand name in og:site_name on every page.".into()),
            );
        }
        if self.twitter_sites.len() > 1 {
            inc.report(
                "site/inconsistent-twitter-site",
                Location::path("twitter:site"),
                format!(
                    "Pages declare {} twitter:site accounts: {}.",
                    self.twitter_sites.len(),
                    self.twitter_sites
                        .values()
                        .map(|(h, p, _)| format!("{h} ({})", pages(*p)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some("Use the brand's one X account in twitter:site.".into()),
            );
        }
        let mut inconsistencies = inc.into_vec();
        super::sort_findings(&mut inconsistencies);
        let mut check = Findings::new(SITE_RULES, &site_config)?;
        if let Some(s) = strategy {
            cross_check(s, &self.handles, &mut check);
        }
        let mut strategy_check = check.into_vec();
        super::sort_findings(&mut strategy_check);
        Ok(SiteReport {
            scores: Scores::mean(&self.scores),
            pages: self.pages,
            findings: self.findings,
            coverage,
            rule_hits,
            handles,
            inconsistencies,
            strategy_check,
            facts_as_of: AS_OF.to_owned(),
        })
    }
}

fn cross_check(
    s: &Strategy,
    handles: &BTreeMap<Network, BTreeMap<String, (String, usize, String)>>,
    out: &mut Findings<'_>,
) {
    let planned: BTreeSet<Network> = s.channels.iter().map(|c| c.network).collect();
    for (i, c) in s.channels.iter().enumerate() {
        let path = format!("channels[{i}]");
        match handles.get(&c.network) {
            None if c.role >= Role::Engage => out.report(
                "site/planned-network-not-linked",
                Location::path(path),
                format!(
                    "The strategy {} on {} ({}), but no page links to it.",
                    if c.role == Role::Publish {
                        "publishes"
                    } else {
                        "engages"
                    },
                    c.network.info().name,
                    c.handle
                ),
                Some(match c.network.profile_url(&c.handle) {
                    Some(u) => {
                        format!("Link {u} in the site's footer and in the Organization's sameAs.")
                    }
                    None => format!(
                        "Link the {} profile in the site's footer.",
                        c.network.info().name
                    ),
                }),
            ),
            None => {}
            Some(seen) => {
                let planned_norm = handle::check(c.network, &c.handle).normalized;
                for (norm, (h, pages, first)) in seen {
                    if *norm != planned_norm {
                        let same_brand = handle::charter_name(c.network, h)
                            == handle::charter_name(c.network, &c.handle);
                        out.report(
                            "site/handle-differs-from-strategy",
                            Location::path(format!("{path}.handle")),
                            format!(
                                "The site links {} account {h} ({}, first {first}); the strategy's is {}{}.",
                                c.network.info().name,
                                self::pages(*pages),
                                c.handle,
                                if same_brand {
                                    ": the same name spelt differently is a different account"
                                } else {
                                    ""
                                }
                            ),
                            Some(match c.network.profile_url(&c.handle) {
                                Some(u) => format!("Link {u}, or correct the strategy."),
                                None => "Align the site and the strategy.".into(),
                            }),
                        );
                    }
                }
            }
        }
    }
    for (network, seen) in handles {
        if !planned.contains(network) {
            let list: Vec<String> = seen.values().map(|(h, _, _)| h.clone()).collect();
            out.report(
                "site/unplanned-network-linked",
                Location::path(network.as_str()),
                format!(
                    "Pages link {} ({}), a network the strategy does not plan.",
                    network.info().name,
                    list.join(", ")
                ),
                Some("Add the channel to the strategy, or remove the links if the account is abandoned.".into()),
            );
        }
    }
}

fn pages(n: usize) -> String {
    if n == 1 {
        "1 page".into()
    } else {
        format!("{n} pages")
    }
}

/// The part of `config` about the rules of `registry`.
fn only(config: &RuleConfig, registry: &[RuleInfo]) -> RuleConfig {
    let known = |id: &String| registry.iter().any(|r| r.id == id);
    RuleConfig {
        disabled: config
            .disabled
            .iter()
            .filter(|id| known(id))
            .cloned()
            .collect(),
        severities: config
            .severities
            .iter()
            .filter(|(id, _)| known(id))
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
    }
}

/// A site audit in progress: pages go in by batches (each audited in parallel on the
/// auditor's threads), the report comes out at the end. Hosts that read pages from a crawl or an
/// iterator use it to hold one batch at a time.
pub struct SiteAuditor {
    pool: rayon::ThreadPool,
    options: AuditOptions,
    config: RuleConfig,
    acc: SiteAccumulator,
    seen: usize,
}

impl SiteAuditor {
    /// An auditor; `strategy` supplies the brand name and X handle for the fix blocks.
    ///
    /// Fails when the rule configuration names an unknown rule or the threads cannot start.
    pub fn new(strategy: Option<&Strategy>, options: &SiteOptions) -> Result<SiteAuditor> {
        let config = options.page.rules.clone();
        let all: Vec<RuleInfo> = rules::RULES.iter().chain(SITE_RULES).copied().collect();
        config.check_against(&all)?;
        let page = AuditOptions {
            rules: only(&config, rules::RULES),
            site_name: options
                .page
                .site_name
                .clone()
                .or_else(|| strategy.map(|s| s.brand.name.clone())),
            x_handle: options.page.x_handle.clone().or_else(|| {
                strategy.and_then(|s| {
                    s.channels
                        .iter()
                        .find(|c| c.network == Network::X)
                        .map(|c| c.handle.clone())
                })
            }),
            ..options.page.clone()
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.unwrap_or(0))
            .build()
            .map_err(|e| Error::Argument {
                name: "threads".into(),
                message: format!("cannot start the worker threads: {e}"),
            })?;
        Ok(SiteAuditor {
            pool,
            options: page,
            config,
            acc: SiteAccumulator::default(),
            seen: 0,
        })
    }

    /// Audits a batch of pages in parallel and folds them in, in order.
    ///
    /// Fails when a page URL is not absolute; the error names the page's index in the site.
    pub fn add_batch<U, H>(&mut self, batch: Vec<(U, H)>) -> Result<()>
    where
        U: AsRef<str> + Send,
        H: AsRef<[u8]> + Send,
    {
        let first = self.seen;
        self.seen += batch.len();
        let options = &self.options;
        let audited: Vec<Result<PageAudit>> = self.pool.install(|| {
            batch
                .into_par_iter()
                .enumerate()
                .map(|(i, (u, h))| {
                    audit_page(h.as_ref(), u.as_ref(), options).map_err(|e| match e {
                        Error::Argument { message, .. } => Error::Invalid {
                            path: format!("pages[{}].url", first + i),
                            message,
                        },
                        other => other,
                    })
                })
                .collect()
        });
        for a in audited {
            self.acc.add(a?);
        }
        Ok(())
    }

    /// The report, with the site rules and, given a strategy, its cross-check.
    pub fn finish(self, strategy: Option<&Strategy>) -> Result<SiteReport> {
        self.acc.finish(strategy, &self.config)
    }
}

/// How many pages [`audit_site`] audits in parallel before folding them into the report.
pub const BATCH: usize = 512;

/// Audits `pages` (URL, HTML) on every core (or `options.threads`) and sums them up; with a
/// strategy, cross-checks the site's profile links against its channels.
///
/// Fails when a page URL is not absolute (the error names the page's index) or the rule
/// configuration names an unknown rule.
///
/// ```
/// use smo_core::audit::{audit_site, SiteOptions};
/// let pages = vec![
///     ("https://example.com/".to_owned(), r#"<meta property="og:site_name" content="A">"#.to_owned()),
///     ("https://example.com/b".to_owned(), r#"<meta property="og:site_name" content="B">"#.to_owned()),
/// ];
/// let report = audit_site(pages, None, &SiteOptions::default())?;
/// assert_eq!(report.pages.len(), 2);
/// assert_eq!(report.inconsistencies[0].rule, "site/inconsistent-site-name");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn audit_site<I, U, H>(
    pages: I,
    strategy: Option<&Strategy>,
    options: &SiteOptions,
) -> Result<SiteReport>
where
    I: IntoIterator<Item = (U, H)>,
    U: AsRef<str> + Send,
    H: AsRef<[u8]> + Send,
{
    let mut auditor = SiteAuditor::new(strategy, options)?;
    let mut iter = pages.into_iter();
    loop {
        let batch: Vec<(U, H)> = iter.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        auditor.add_batch(batch)?;
    }
    auditor.finish(strategy)
}
