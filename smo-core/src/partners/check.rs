//! The check of a ledger: each agreement's two links, read from the pages the host hands in,
//! and the visits each partner sends, read from the `web` table.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::audit::features::Anchor;
use crate::audit::scan::{AnchorScan, ScanLimits, scan_anchors};
use crate::data::WebRow;
use crate::error::Result;
use crate::feed::push::normalise_link;
use crate::finding::{Finding, Findings, Location, RuleConfig, RuleInfo, Severity, Span};

use super::{Partner, Terms};

const GOOGLE_LINK_SPAM: &str =
    "https://developers.google.com/search/docs/essentials/spam-policies#link-spam";
const GOOGLE_QUALIFY: &str =
    "https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links";
const BHARGAVA: &str =
    "Bhargava, 5 rules of SMO (2006), rule 3 \"reward inbound links\" (smo-practice.md §4.4)";

/// The rules of the partners check.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "partner/page-not-given",
        title: "Every page of the ledger is handed in",
        description: "The ledger names a page (theirs or ours) whose HTML was not given: its link cannot be checked.",
        default_severity: Severity::Notice,
        source: "smo: the check reads only the pages the host gives",
    },
    RuleInfo {
        id: "partner/page-incomplete",
        title: "The partner's page was read to the end",
        description: "The scan stopped before the end of the page (a size or item cap) without finding the link: it may be further down.",
        default_severity: Severity::Notice,
        source: "smo: audit scan limits (ScanLimits)",
    },
    RuleInfo {
        id: "partner/link-missing",
        title: "The partner's page links to us",
        description: "The partner's page has no link to any page of our site: the agreed link was removed or never placed.",
        default_severity: Severity::Error,
        source: BHARGAVA,
    },
    RuleInfo {
        id: "partner/link-changed",
        title: "The partner links to the agreed page",
        description: "The partner links to our site, but not to the page agreed (re-pointed to the home page, or to an old address).",
        default_severity: Severity::Warning,
        source: BHARGAVA,
    },
    RuleInfo {
        id: "partner/anchor-changed",
        title: "The partner's link carries the agreed text",
        description: "The link's text differs from the anchor text the ledger records.",
        default_severity: Severity::Notice,
        source: BHARGAVA,
    },
    RuleInfo {
        id: "partner/paid-link-unqualified",
        title: "A paid link is qualified",
        description: "The placement is paid for, but its link carries neither rel=\"sponsored\" nor rel=\"nofollow\", which Google asks of paid links.",
        default_severity: Severity::Warning,
        source: GOOGLE_QUALIFY,
    },
    RuleInfo {
        id: "partner/our-link-missing",
        title: "Our page links back",
        description: "The exchange says our page links to the partner, and it does not: our side of the agreement is not kept.",
        default_severity: Severity::Warning,
        source: BHARGAVA,
    },
    RuleInfo {
        id: "partner/unbalanced",
        title: "The exchange is balanced",
        description: "We link to the partner while their link is missing, or one side's link is qualified (nofollow, sponsored, ugc, or through a redirect) and the other's is not.",
        default_severity: Severity::Warning,
        source: GOOGLE_LINK_SPAM,
    },
    RuleInfo {
        id: "partner/no-traffic",
        title: "The partner sends visitors",
        description: "Web analytics count no session from the partner since the agreement, over more than the grace period: the link is not clicked, or not there.",
        default_severity: Severity::Warning,
        source: "measurement.md: referral traffic by source",
    },
];

/// How to check a ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOptions {
    /// Our site: its host without `www.`, and every subdomain of it, are ours.
    pub site: Url,
    /// The day of the review; traffic is counted up to it (default: the last day of the `web`
    /// table).
    pub today: Option<NaiveDate>,
    /// Days after the agreement before a partner without any visit is reported (default 30).
    pub grace_days: u32,
    /// Rules turned off, severities changed (rule ids from [`RULES`]).
    pub rules: RuleConfig,
    /// The scan's limits.
    pub limits: ScanLimits,
}

impl CheckOptions {
    /// Defaults for our site given as text: fails with an [`crate::Error::Argument`] on
    /// `site` when it is not an absolute `http(s)` URL.
    ///
    /// ```
    /// use smo_core::partners::CheckOptions;
    /// assert!(CheckOptions::for_site("https://www.maisonlune.fr/").is_ok());
    /// assert!(CheckOptions::for_site("maisonlune").is_err());
    /// ```
    pub fn for_site(site: &str) -> Result<CheckOptions> {
        match Url::parse(site.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
                Ok(CheckOptions::new(u))
            }
            _ => Err(crate::Error::Argument {
                name: "site".into(),
                message: format!(
                    "`{site}` is not our site's address: give an absolute URL such as https://www.example.com/"
                ),
            }),
        }
    }

    /// Defaults for our site `site`.
    pub fn new(site: Url) -> CheckOptions {
        CheckOptions {
            site,
            today: None,
            grace_days: 30,
            rules: RuleConfig::default(),
            limits: ScanLimits::default(),
        }
    }
}

/// What the check found of one link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// The page was not handed in.
    NotGiven,
    /// The page was not read to the end and no link was found in what was read.
    Incomplete,
    /// The page does not link to the other side.
    Missing,
    /// The page links to the other side's site, not to the agreed page.
    Changed,
    /// The agreed link is there.
    Present,
}

impl LinkState {
    /// The id used in files and bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::NotGiven => "not_given",
            LinkState::Incomplete => "incomplete",
            LinkState::Missing => "missing",
            LinkState::Changed => "changed",
            LinkState::Present => "present",
        }
    }
}

/// A link found on a page, to the other side of the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundLink {
    /// The `href` as written.
    pub href: String,
    /// Where it leads: the resolved URL, or for a redirect the URL it carries.
    pub url: String,
    /// The link's text.
    pub text: String,
    /// Its `rel` tokens.
    pub rel: Vec<String>,
    /// The host of the redirect it goes through (`out.partner.fr/?u=…`), if any.
    pub redirect: Option<String>,
    /// Where its start tag is in the page.
    pub span: Span,
}

impl FoundLink {
    /// Whether the link passes no ranking signal: `nofollow`, `sponsored`, `ugc`, or through a
    /// redirect.
    pub fn qualified(&self) -> bool {
        self.redirect.is_some()
            || self
                .rel
                .iter()
                .any(|r| matches!(r.as_str(), "nofollow" | "sponsored" | "ugc"))
    }

    /// Whether the link says so itself, with `rel="sponsored"` or `rel="nofollow"`: what Google
    /// asks of a paid link (`ugc` is for user content, a redirect is not a qualification).
    pub fn rel_qualified(&self) -> bool {
        self.rel
            .iter()
            .any(|r| matches!(r.as_str(), "nofollow" | "sponsored"))
    }
}

/// One side of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkCheck {
    /// The page that should hold the link.
    pub page: String,
    /// What was found.
    pub state: LinkState,
    /// The links to the other side found on it, the agreed one first.
    pub links: Vec<FoundLink>,
}

impl LinkCheck {
    /// The link that counts: the agreed one, else the first to the other side.
    pub fn link(&self) -> Option<&FoundLink> {
        self.links.first()
    }
}

/// The visits a partner sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerTraffic {
    /// First day counted: the agreement, or the table's first day if it starts later.
    pub since: NaiveDate,
    /// Last day counted.
    pub until: NaiveDate,
    /// Sessions from the partner.
    pub sessions: u64,
    /// Conversions, when the table has them.
    pub conversions: Option<u64>,
    /// Revenue, when the table has it.
    pub revenue: Option<f64>,
    /// The `source / medium` pairs counted.
    pub sources: Vec<String>,
}

/// One agreement, checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerCheck {
    /// The partner's name.
    pub partner: String,
    /// The agreement.
    pub terms: Terms,
    /// Their page's link to us.
    pub inbound: LinkCheck,
    /// Our page's link to them (`None` when we do not link back).
    pub outbound: Option<LinkCheck>,
    /// Visits from them (`None` without a `web` table).
    pub traffic: Option<PartnerTraffic>,
}

/// The check of a whole ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnersReport {
    /// One per agreement, in ledger order.
    pub partners: Vec<PartnerCheck>,
    /// The findings, agreement by agreement.
    pub findings: Vec<Finding>,
}

/// Whether finding `f` is about the agreement whose path is `prefix` (`partners[3]`).
pub(crate) fn of_partner(f: &Finding, prefix: &str) -> bool {
    f.location.path.as_deref().is_some_and(|p| {
        p.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    })
}

/// The host without `www.`, lower case.
fn base_host(u: &Url) -> Option<String> {
    let h = u.host_str()?.to_ascii_lowercase();
    Some(h.strip_prefix("www.").unwrap_or(&h).to_owned())
}

/// Whether `host` is `base` or a subdomain of it.
fn within(host: &str, base: &str) -> bool {
    let host = host.strip_prefix("www.").unwrap_or(host);
    host == base
        || host
            .strip_suffix(base)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// Where an anchor leads on `base`'s site, directly or through a redirect that carries the URL
/// in a parameter (with the redirect's host).
fn lands_on(anchor: &Anchor, base: &str) -> Option<(Url, Option<String>)> {
    let url = Url::parse(anchor.url.as_deref()?).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    if within(&host, base) {
        return Some((url, None));
    }
    url.query_pairs().find_map(|(_, v)| {
        let inner = Url::parse(&v).ok()?;
        let h = inner.host_str()?.to_ascii_lowercase();
        within(&h, base).then(|| (inner, Some(host.clone())))
    })
}

fn same_page(a: &Url, b: &Url) -> bool {
    normalise_link(a.as_str()) == normalise_link(b.as_str())
}

fn words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The side of an agreement held by `page`: links from it to `base`'s site, the one to
/// `target` first.
fn side(page: &Url, scan: Option<&AnchorScan>, base: &str, target: Option<&Url>) -> LinkCheck {
    let page = page.to_string();
    let Some(scan) = scan else {
        return LinkCheck {
            page,
            state: LinkState::NotGiven,
            links: Vec::new(),
        };
    };
    let mut links: Vec<(bool, FoundLink)> = scan
        .anchors
        .iter()
        .filter_map(|a| {
            let (url, redirect) = lands_on(a, base)?;
            let agreed = target.is_none_or(|t| same_page(&url, t));
            let link = FoundLink {
                href: a.href.clone(),
                url: url.to_string(),
                text: a.text.clone(),
                rel: a.rel.clone(),
                redirect,
                span: a.origin.span,
            };
            Some((agreed, link))
        })
        .collect();
    // The agreed link first, then document order (a stable sort keeps it).
    links.sort_by_key(|(agreed, _)| !agreed);
    let state = match links.first() {
        Some((true, _)) => LinkState::Present,
        Some((false, _)) => LinkState::Changed,
        None if !scan.complete => LinkState::Incomplete,
        None => LinkState::Missing,
    };
    LinkCheck {
        page,
        state,
        links: links.into_iter().map(|(_, l)| l).collect(),
    }
}

/// A web row's source as a host, when it is one (`www.Atelier.fr`, `https://atelier.fr/x`).
fn source_host(source: &str) -> String {
    let s = source.trim().to_ascii_lowercase();
    let s = s.split_once("://").map_or(s.as_str(), |(_, rest)| rest);
    s.split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_owned()
}

fn traffic(
    p: &Partner,
    base: &str,
    web: &[WebRow],
    (first, until): (NaiveDate, NaiveDate),
) -> PartnerTraffic {
    let mut t = PartnerTraffic {
        since: p.agreed.map_or(first, |d| d.max(first)),
        until,
        sessions: 0,
        conversions: None,
        revenue: None,
        sources: Vec::new(),
    };
    let named = p.source.as_deref().map(|s| s.trim().to_lowercase());
    for row in web {
        if row.date < t.since || row.date > until {
            continue;
        }
        let by_name = named
            .as_deref()
            .is_some_and(|n| row.source.trim().to_lowercase() == n);
        if !by_name && !within(&source_host(&row.source), base) {
            continue;
        }
        t.sessions += row.sessions;
        if let Some(c) = row.conversions {
            *t.conversions.get_or_insert(0) += c;
        }
        if let Some(r) = row.revenue {
            *t.revenue.get_or_insert(0.0) += r;
        }
        let pair = format!("{} / {}", row.source, row.medium);
        if !t.sources.contains(&pair) {
            t.sources.push(pair);
        }
    }
    t
}

fn snippet(target: &Url, anchor: Option<&str>, name: &str, paid: bool) -> String {
    let rel = if paid { " rel=\"sponsored\"" } else { "" };
    let text = anchor.unwrap_or(name);
    format!(
        "<a href=\"{}\"{rel}>{}</a>",
        htmlize::escape_attribute(target.as_str()),
        htmlize::escape_text(text)
    )
}

fn qualifier(l: &FoundLink) -> String {
    match &l.redirect {
        Some(host) => format!("through the redirect {host}"),
        None => {
            let rels: Vec<&str> = l
                .rel
                .iter()
                .map(String::as_str)
                .filter(|r| matches!(*r, "nofollow" | "sponsored" | "ugc"))
                .collect();
            if rels.is_empty() {
                "followed".into()
            } else {
                format!("rel=\"{}\"", rels.join(" "))
            }
        }
    }
}

/// Checks every agreement of `ledger` against `pages` (URL, HTML bytes: their pages and ours,
/// in any order; pages the ledger does not name are ignored) and the `web` table.
///
/// Fails only when `options.rules` names a rule that does not exist, or our site has no host.
pub fn check_partners(
    ledger: &[Partner],
    pages: &[(&str, &[u8])],
    web: &[WebRow],
    options: &CheckOptions,
) -> Result<PartnersReport> {
    let mut findings = Findings::new(RULES, &options.rules)?;
    let ours = base_host(&options.site).ok_or_else(|| crate::Error::Argument {
        name: "site".into(),
        message: format!(
            "`{}` has no host: give our site's address, such as https://www.example.com/",
            options.site
        ),
    })?;
    let by_url: HashMap<String, &[u8]> = pages
        .iter()
        .filter_map(|(u, html)| Some((normalise_link(u)?, *html)))
        .collect();
    // Each page the ledger names, scanned once however many agreements name it.
    let mut scans: HashMap<String, AnchorScan> = HashMap::new();
    for page in ledger
        .iter()
        .flat_map(|p| std::iter::once(&p.their_page).chain(p.our_page.as_ref()))
    {
        let Some(key) = normalise_link(page.as_str()) else {
            continue;
        };
        if let (false, Some(html)) = (scans.contains_key(&key), by_url.get(&key)) {
            let scan = scan_anchors(html, page.as_str(), &options.limits);
            scans.insert(key, scan);
        }
    }
    let scan_of = |page: &Url| scans.get(&normalise_link(page.as_str())?);
    let window = web
        .iter()
        .map(|r| r.date)
        .min()
        .zip(options.today.or_else(|| web.iter().map(|r| r.date).max()));

    let mut partners = Vec::with_capacity(ledger.len());
    for (i, p) in ledger.iter().enumerate() {
        let theirs = base_host(&p.site).unwrap_or_default();
        let target = p.target.as_ref();
        let inbound = side(&p.their_page, scan_of(&p.their_page), &ours, target);
        let outbound = p
            .our_page
            .as_ref()
            .map(|page| side(page, scan_of(page), &theirs, None));
        let traffic = window.map(|w| traffic(p, &theirs, web, w));
        report(
            &mut findings,
            i,
            p,
            &inbound,
            outbound.as_ref(),
            traffic.as_ref(),
            options,
        );
        partners.push(PartnerCheck {
            partner: p.name.clone(),
            terms: p.terms,
            inbound,
            outbound,
            traffic,
        });
    }
    Ok(PartnersReport {
        partners,
        findings: findings.into_vec(),
    })
}

fn at(path: String, page: &str, span: Option<Span>) -> Location {
    Location {
        path: Some(path),
        span,
        page: Some(page.to_owned()),
    }
}

/// A side whose page was not given, or not read to the end: `partner/page-not-given` or
/// `partner/page-incomplete`, worded for whose page it is (`{owner} {url} …`).
fn unread(
    f: &mut Findings<'_>,
    side: &LinkCheck,
    path: &str,
    owner: &str,
    link: &str,
    none: &str,
    hint: &str,
) {
    let page = &side.page;
    let (rule, message, fix) = if side.state == LinkState::NotGiven {
        (
            "partner/page-not-given",
            format!("{owner} {page} was not given: {link} is not checked"),
            "Hand the page's HTML to the check (smo never fetches).".to_owned(),
        )
    } else {
        (
            "partner/page-incomplete",
            format!("{owner} {page} was not read to the end and {none} was found in what was read"),
            format!("Raise the scan limits (max_items, max_parser_memory){hint}."),
        )
    };
    f.report(rule, at(path.to_owned(), page, None), message, Some(fix));
}

#[allow(clippy::too_many_lines)]
fn report(
    f: &mut Findings<'_>,
    i: usize,
    p: &Partner,
    inbound: &LinkCheck,
    outbound: Option<&LinkCheck>,
    traffic: Option<&PartnerTraffic>,
    options: &CheckOptions,
) {
    let name = &p.name;
    let their_path = format!("partners[{i}].their_page");
    let target = p.target.clone().unwrap_or_else(|| options.site.clone());
    let paid = p.terms == Terms::Paid;
    let since = p
        .agreed
        .map(|d| format!(" (agreed {d})"))
        .unwrap_or_default();

    // Their side.
    match inbound.state {
        LinkState::NotGiven | LinkState::Incomplete => unread(
            f,
            inbound,
            &their_path,
            &format!("{name}'s page"),
            "its link to us",
            "no link to us",
            " or give the part of the page that holds the link",
        ),
        LinkState::Missing => f.report(
            "partner/link-missing",
            at(their_path.clone(), &inbound.page, None),
            format!(
                "{name}'s page {} has no link to our site{since}",
                inbound.page
            ),
            Some(format!(
                "Ask {name} to restore the link: {}",
                snippet(&target, p.anchor.as_deref(), name, paid)
            )),
        ),
        LinkState::Changed => {
            let l = &inbound.links[0];
            f.report(
                "partner/link-changed",
                at(their_path.clone(), &inbound.page, Some(l.span)),
                format!(
                    "{name}'s page {} links to {} instead of the agreed {target}",
                    inbound.page, l.url
                ),
                Some(format!(
                    "Ask {name} to point the link at the agreed page: {}",
                    snippet(
                        &target,
                        p.anchor
                            .as_deref()
                            .or(Some(&l.text))
                            .filter(|t| !t.is_empty()),
                        name,
                        paid
                    )
                )),
            );
        }
        LinkState::Present => {}
    }
    if let Some(l) = inbound.link() {
        if let Some(anchor) = p.anchor.as_deref()
            && words(&l.text) != words(anchor)
        {
            f.report(
                "partner/anchor-changed",
                at(their_path.clone(), &inbound.page, Some(l.span)),
                format!(
                    "{name}'s link reads \"{}\" instead of the agreed \"{anchor}\"",
                    l.text
                ),
                Some(format!(
                    "Ask {name} for the agreed text: {}",
                    snippet(&target, Some(anchor), name, paid)
                )),
            );
        }
        if paid && !l.rel_qualified() {
            f.report(
                "partner/paid-link-unqualified",
                at(their_path.clone(), &inbound.page, Some(l.span)),
                format!("{name}'s link to {} is paid for and carries neither rel=sponsored nor rel=nofollow", l.url),
                Some(format!("Ask {name} to qualify it: {}", snippet(&Url::parse(&l.url).unwrap_or_else(|_| target.clone()), Some(l.text.as_str()).filter(|t| !t.is_empty()), name, true))),
            );
        }
    }

    // Our side.
    if let Some(o) = outbound {
        let our_path = format!("partners[{i}].our_page");
        let partner_site = &p.site;
        match o.state {
            LinkState::NotGiven | LinkState::Incomplete => unread(
                f,
                o,
                &our_path,
                "Our page",
                &format!("our link to {name}"),
                &format!("no link to {name}"),
                "",
            ),
            LinkState::Missing => f.report(
                "partner/our-link-missing",
                at(our_path.clone(), &o.page, None),
                format!("Our page {} does not link to {name} ({partner_site}){since}, as the exchange says", o.page),
                Some(format!("Add the link to our page: {}", snippet(partner_site, None, name, false))),
            ),
            LinkState::Changed | LinkState::Present => {}
        }
        if p.terms == Terms::Exchange {
            match (inbound.link(), o.link()) {
                (None, Some(ours)) if inbound.state == LinkState::Missing => f.report(
                    "partner/unbalanced",
                    at(our_path.clone(), &o.page, Some(ours.span)),
                    format!("We link to {name} from {} while their link to us is missing", o.page),
                    Some(format!("Settle it with {name}: ask for their link back, or pause ours until it is restored.")),
                ),
                (Some(theirs), Some(ours)) if theirs.qualified() != ours.qualified() => f.report(
                    "partner/unbalanced",
                    at(their_path.clone(), &inbound.page, Some(theirs.span)),
                    format!(
                        "{name} links to us {} while our link to them is {}",
                        qualifier(theirs),
                        qualifier(ours)
                    ),
                    Some(format!("Agree with {name} on the same kind of link on both sides.")),
                ),
                _ => {}
            }
        }
    }

    // Visits.
    if let Some(t) = traffic {
        let agreed = p.agreed.unwrap_or(t.since);
        let old_enough = (t.until - agreed).num_days() >= i64::from(options.grace_days);
        if t.sessions == 0 && old_enough {
            let window = format!("from {} to {}{since}", t.since, t.until);
            let mut fix = format!("Check that {name}'s link is visible and clicked");
            if p.source.is_none() {
                let _ = write!(
                    fix,
                    "; if its visits carry a utm_source, record it in the ledger's source column"
                );
            }
            fix.push('.');
            f.report(
                "partner/no-traffic",
                Location::path(format!("partners[{i}]")),
                format!(
                    "No session from {name} ({}) in web analytics {window}",
                    p.site.host_str().unwrap_or("")
                ),
                Some(fix),
            );
        }
    }
}

impl PartnersReport {
    /// One flat record per agreement (what a data frame takes): the state of each link, its
    /// URL, text and qualification, and the visits.
    pub fn records(&self) -> Vec<serde_json::Value> {
        self.partners
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let prefix = format!("partners[{i}]");
                let link = c.inbound.link();
                let ours = c.outbound.as_ref();
                let t = c.traffic.as_ref();
                serde_json::json!({
                    "partner": c.partner,
                    "terms": c.terms.as_str(),
                    "their_page": c.inbound.page,
                    "inbound": c.inbound.state.as_str(),
                    "inbound_url": link.map(|l| &l.url),
                    "inbound_text": link.map(|l| &l.text),
                    "inbound_qualified": link.map(FoundLink::qualified),
                    "our_page": ours.map(|o| &o.page),
                    "outbound": ours.map(|o| o.state.as_str()),
                    "outbound_qualified": ours.and_then(LinkCheck::link).map(FoundLink::qualified),
                    "sessions": t.map(|t| t.sessions),
                    "conversions": t.and_then(|t| t.conversions),
                    "revenue": t.and_then(|t| t.revenue),
                    "findings": self.findings.iter().filter(|f| of_partner(f, &prefix)).count(),
                })
            })
            .collect()
    }

    /// The check as a Markdown section: one table row per agreement, then the findings.
    pub fn to_markdown(&self) -> String {
        let mut md = String::from(
            "| Partner | Terms | Their link | Ours | Sessions | Conversions |\n|---|---|---|---|---:|---:|\n",
        );
        for c in &self.partners {
            let their = match c.inbound.link() {
                Some(l) => format!("{} ({})", c.inbound.state.as_str(), qualifier(l)),
                None => c.inbound.state.as_str().to_owned(),
            };
            let ours = c
                .outbound
                .as_ref()
                .map_or("-".to_owned(), |o| match o.link() {
                    Some(l) => format!("{} ({})", o.state.as_str(), qualifier(l)),
                    None => o.state.as_str().to_owned(),
                });
            let t = c.traffic.as_ref();
            let _ = writeln!(
                md,
                "| {} | {} | {their} | {ours} | {} | {} |",
                c.partner.replace('|', "\\|"),
                c.terms,
                t.map_or("-".into(), |t| t.sessions.to_string()),
                t.and_then(|t| t.conversions)
                    .map_or("-".into(), |c| c.to_string()),
            );
        }
        if !self.findings.is_empty() {
            md.push('\n');
            for f in &self.findings {
                let _ = writeln!(md, "- **{}** `{}`: {}", f.severity, f.rule, f.message);
                if let Some(fix) = &f.fix {
                    let _ = writeln!(md, "  - {fix}");
                }
            }
        }
        md
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::partners::{example_ledger, example_pages};

    fn example() -> PartnersReport {
        let pages: Vec<(&str, &[u8])> = example_pages()
            .into_iter()
            .map(|(u, h)| (u, h.as_bytes()))
            .collect();
        let web = Dataset::example().unwrap().web;
        let options = CheckOptions::new("https://www.maisonlune.fr/".parse().unwrap());
        check_partners(&example_ledger().unwrap(), &pages, &web, &options).unwrap()
    }

    #[test]
    fn the_example_shows_each_way_an_exchange_goes() {
        let r = example();
        let found: Vec<(&str, &str)> = r
            .findings
            .iter()
            .map(|f| (f.location.path.as_deref().unwrap_or(""), f.rule.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("partners[0].their_page", "partner/link-changed"),
                ("partners[0].their_page", "partner/anchor-changed"),
                ("partners[1].their_page", "partner/unbalanced"),
                ("partners[2].their_page", "partner/link-missing"),
                ("partners[2].our_page", "partner/unbalanced"),
                ("partners[2]", "partner/no-traffic"),
                ("partners[3].their_page", "partner/paid-link-unqualified"),
                ("partners[5].our_page", "partner/our-link-missing"),
            ]
        );
        let states: Vec<_> = r.partners.iter().map(|c| c.inbound.state).collect();
        use LinkState::*;
        assert_eq!(
            states,
            [Changed, Present, Missing, Present, Present, Present]
        );
        // Visits by host (Tissage), by the ledger's source name (Déco Mag), none (Conciergerie).
        let sessions: Vec<_> = r
            .partners
            .iter()
            .map(|c| c.traffic.as_ref().unwrap().sessions)
            .collect();
        assert!(
            sessions[0] > 0 && sessions[3] > 0 && sessions[2] == 0,
            "{sessions:?}"
        );
    }

    #[test]
    fn hosts_match_on_labels_not_on_text() {
        assert!(within("www.maisonlune.fr", "maisonlune.fr"));
        assert!(within("shop.maisonlune.fr", "maisonlune.fr"));
        assert!(!within("notmaisonlune.fr", "maisonlune.fr"));
        assert!(!within("maisonlune.fr.evil.example", "maisonlune.fr"));
        assert_eq!(
            source_host("https://WWW.Atelier.fr/amis?x"),
            "www.atelier.fr"
        );
    }

    #[test]
    fn a_link_through_a_redirect_is_found_and_qualified() {
        let p = &example_ledger().unwrap()[4];
        let html =
            br#"<a href="https://out.example/r?u=https%3A%2F%2Fmaisonlune.fr%2F">Maison Lune</a>"#;
        let options = CheckOptions::new("https://www.maisonlune.fr/".parse().unwrap());
        let r = check_partners(
            std::slice::from_ref(p),
            &[(p.their_page.as_str(), html)],
            &[],
            &options,
        )
        .unwrap();
        let link = r.partners[0].inbound.link().unwrap();
        assert_eq!(link.redirect.as_deref(), Some("out.example"));
        assert!(link.qualified());
        assert!(r.partners[0].traffic.is_none());
    }

    #[test]
    fn pages_not_given_are_said_not_checked() {
        let options = CheckOptions::new("https://www.maisonlune.fr/".parse().unwrap());
        let r = check_partners(&example_ledger().unwrap()[..1], &[], &[], &options).unwrap();
        let rules: Vec<_> = r.findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["partner/page-not-given", "partner/page-not-given"]);
        let mut bad = options.clone();
        bad.rules.disabled.insert("partner/link-mising".into());
        assert!(check_partners(&[], &[], &[], &bad).is_err());
    }
}

#[cfg(test)]
mod limits {
    use super::*;
    use crate::partners::Partner;

    #[test]
    fn a_page_cut_at_the_item_cap_is_incomplete_not_missing() {
        let p: Partner = serde_json::from_value(serde_json::json!({
            "name": "P", "site": "https://p.example/", "their_page": "https://p.example/f", "terms": "one_way"
        }))
        .unwrap();
        let html = r#"<a href="https://a.example/">a</a><a href="https://b.example/">b</a><a href="https://c.example/">c</a><a href="https://www.brand.example/">us</a>"#;
        let mut options = CheckOptions::for_site("https://www.brand.example/").unwrap();
        options.limits.max_items = 2;
        let r = check_partners(
            std::slice::from_ref(&p),
            &[(p.their_page.as_str(), html.as_bytes())],
            &[],
            &options,
        )
        .unwrap();
        assert_eq!(r.partners[0].inbound.state, LinkState::Incomplete);
        assert_eq!(r.findings[0].rule, "partner/page-incomplete");
        options.limits.max_items = 10;
        let r = check_partners(
            std::slice::from_ref(&p),
            &[(p.their_page.as_str(), html.as_bytes())],
            &[],
            &options,
        )
        .unwrap();
        assert_eq!(r.partners[0].inbound.state, LinkState::Present);
    }
}
