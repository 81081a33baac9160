//! FFI surface of the site audit: `audit_page` and `audit_site` for mobile hosts.
//!
//! The whole inventory is typed: the core records and enums of [`smo_core::audit`] are restated
//! here as `uniffi::remote` mirrors (no copies, no conversions; if a core type changes, this
//! crate stops compiling), so Kotlin gets data classes and `enum class`es and Swift gets structs
//! and enums. Only the site report's counters (`usize` in core) go through FFI records with
//! `From` conversions. The inventory is also given as JSON (`features_json`), the same document
//! the Rust and Python surfaces serialise; the typed records carry everything it contains.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use smo_core::audit::{self, AuditOptions, ScanLimits, SiteOptions};
use smo_core::{Finding, Network, RuleConfig, Severity, Span};

use crate::errors::SmoError;
use crate::strategy::Strategy;

// Core types under the names the bindings show (aliases name the remote mirrors below).
type Scores = audit::Scores;
type Origin = audit::features::Origin;
type MetaTag = audit::features::MetaTag;
type OgMedia = audit::features::OgMedia;
type LinkRef = audit::features::LinkRef;
type Hreflang = audit::features::Hreflang;
type FeedKind = audit::features::FeedKind;
type Feed = audit::features::Feed;
type OEmbed = audit::features::OEmbed;
type Icon = audit::features::Icon;
type JsonLdEntity = audit::features::JsonLdEntity;
type JsonLd = audit::features::JsonLd;
type JsonLdArticle = audit::features::JsonLdArticle;
type EndpointStatus = smo_core::share::EndpointStatus;
type ShareLink = audit::features::ShareLink;
type ProfileLink = audit::features::ProfileLink;
type WidgetKind = audit::facts::WidgetKind;
type Widget = audit::features::Widget;
type ParseInfo = audit::features::ParseInfo;
type PageFeatures = audit::PageFeatures;
type RuleStatus = audit::Status;
type RuleOutcome = audit::Outcome;
type PageFinding = audit::site::PageFinding;
type FindingRecord = audit::site::FindingRecord;
/// Tag values by key (`og:title` → values in document order); a map in Kotlin and Swift.
type TagValues = BTreeMap<String, Vec<String>>;

uniffi::custom_type!(TagValues, HashMap<String, Vec<String>>, {
    remote,
    lower: |values| values.into_iter().collect(),
    try_lift: |values| Ok(values.into_iter().collect()),
});

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
    /// Scan limits; unset ones keep their defaults.
    #[uniffi(default)]
    pub limits: Option<ScanLimitsConfig>,
}

/// Scan limits that keep memory bounded (see `smo_core::audit::ScanLimits`); a null field keeps
/// its default. Mobile hosts may lower `maxParserMemory` (default 16 MiB) and
/// `maxFallbackBytes` (default 32 MiB).
#[derive(uniffi::Record, Default)]
pub struct ScanLimitsConfig {
    /// Bytes fed to the parser at a time (default 64 KiB; the result does not depend on it).
    #[uniffi(default)]
    pub chunk_size: Option<u64>,
    /// The streaming parser's memory cap (default 16 MiB).
    #[uniffi(default)]
    pub max_parser_memory: Option<u64>,
    /// Longest attribute value kept, in bytes (default 64 KiB).
    #[uniffi(default)]
    pub max_value_bytes: Option<u64>,
    /// Largest JSON-LD block parsed, in bytes (default 1 MiB).
    #[uniffi(default)]
    pub max_json_ld_bytes: Option<u64>,
    /// Most inventory items kept per page (default 20,000).
    #[uniffi(default)]
    pub max_items: Option<u64>,
    /// Largest page re-read by the tokenizer when the streaming parser gives up (default 32 MiB).
    #[uniffi(default)]
    pub max_fallback_bytes: Option<u64>,
    /// Longest main text kept, in bytes (default 64 KiB).
    #[uniffi(default)]
    pub max_text_bytes: Option<u64>,
}

impl TryFrom<ScanLimitsConfig> for ScanLimits {
    type Error = SmoError;
    fn try_from(c: ScanLimitsConfig) -> Result<Self, SmoError> {
        let mut limits = ScanLimits::default();
        for (name, value) in ScanLimits::NAMES.into_iter().zip([
            c.chunk_size,
            c.max_parser_memory,
            c.max_value_bytes,
            c.max_json_ld_bytes,
            c.max_items,
            c.max_fallback_bytes,
            c.max_text_bytes,
        ]) {
            if let Some(v) = value {
                limits = limits.with(name, v)?;
            }
        }
        Ok(limits)
    }
}

impl TryFrom<AuditConfig> for AuditOptions {
    type Error = SmoError;
    fn try_from(c: AuditConfig) -> Result<Self, SmoError> {
        let d = AuditOptions::default();
        Ok(AuditOptions {
            rules: RuleConfig {
                disabled: c.disabled.into_iter().collect(),
                severities: c.severities.into_iter().collect(),
            },
            ratio_tolerance: c.ratio_tolerance.unwrap_or(d.ratio_tolerance),
            allowed_hosts: c.allowed_hosts,
            site_name: c.site_name,
            x_handle: c.x_handle,
            limits: c
                .limits
                .map(ScanLimits::try_from)
                .transpose()?
                .unwrap_or(d.limits),
        })
    }
}

/// Scores of a page (or the mean over a site), 0..100; null when nothing applies.
#[uniffi::remote(Record)]
pub struct Scores {
    /// Link previews: og, twitter, fb, pinterest, linkedin, meta.
    pub previews: Option<f64>,
    /// Canonical, feeds, oEmbed, icons, JSON-LD syntax, page health.
    pub discoverability: Option<f64>,
    /// Share links.
    pub sharing: Option<f64>,
    /// Profiles and Organization data.
    pub community: Option<f64>,
    /// Weighted mean of the categories.
    pub overall: Option<f64>,
}

/// Where an item sits in the page.
#[uniffi::remote(Record)]
pub struct Origin {
    /// Byte range, line and column (in characters) of the element's start tag.
    pub span: Span,
    /// Whether the element came before `<body>`.
    pub in_head: bool,
    /// Whether the element is inside `<noscript>`.
    pub in_noscript: bool,
}

/// A `<meta>` tag with a social or descriptive key (Open Graph, X card, description...).
#[uniffi::remote(Record)]
pub struct MetaTag {
    /// The key, ASCII lower case: `og:title`, `twitter:card`, `description`.
    pub key: String,
    /// The attribute that held the key: `property`, `name` or `itemprop`.
    pub key_attribute: String,
    /// The attribute that held the value: `content`, or `value` (not read by spec parsers).
    pub value_attribute: String,
    /// The value as written, entities undecoded.
    pub raw: String,
    /// The value after HTML attribute entity decoding, trimmed.
    pub value: String,
    /// Where it is.
    pub origin: Origin,
}

/// An Open Graph media object (`og:image`, `og:video`, `og:audio`) with its structured
/// properties (first value wins within one object).
#[uniffi::remote(Record)]
pub struct OgMedia {
    /// `og:image` (or `:url`), decoded, as written.
    pub url: Option<String>,
    /// The URL resolved against the page URL, when it parses.
    pub resolved: Option<String>,
    /// `:secure_url`.
    pub secure_url: Option<String>,
    /// `:type`.
    pub mime_type: Option<String>,
    /// `:width`, as written (see `ogMediaWidthPx`).
    pub width: Option<String>,
    /// `:height`, as written (see `ogMediaHeightPx`).
    pub height: Option<String>,
    /// `:alt`.
    pub alt: Option<String>,
    /// Where the root tag is.
    pub origin: Option<Origin>,
}

/// A link: the `href` as written (decoded) and resolved.
#[uniffi::remote(Record)]
pub struct LinkRef {
    /// The `href`, decoded, trimmed.
    pub href: String,
    /// Resolved against the page URL (and `<base href>`), when it parses.
    pub url: Option<String>,
    /// Where it is.
    pub origin: Origin,
}

/// A `hreflang` alternate.
#[uniffi::remote(Record)]
pub struct Hreflang {
    /// The language tag (`fr-FR`, `x-default`).
    pub lang: String,
    /// The link.
    pub link: LinkRef,
}

/// A feed format.
#[uniffi::remote(Enum)]
pub enum FeedKind {
    /// `application/rss+xml`.
    Rss,
    /// `application/atom+xml`.
    Atom,
    /// `application/feed+json` (JSON Feed).
    JsonFeed,
}

/// A feed autodiscovery link.
#[uniffi::remote(Record)]
pub struct Feed {
    /// The format.
    pub kind: FeedKind,
    /// The `title` attribute, decoded.
    pub title: Option<String>,
    /// The link.
    pub link: LinkRef,
}

/// An oEmbed discovery link.
#[uniffi::remote(Record)]
pub struct OEmbed {
    /// The `type` as written, lower case.
    pub mime_type: String,
    /// Whether the type is one oembed.com defines.
    pub valid_type: bool,
    /// The link.
    pub link: LinkRef,
}

/// A favicon, touch icon or manifest link.
#[uniffi::remote(Record)]
pub struct Icon {
    /// The `rel` kind: `icon`, `apple-touch-icon`, `mask-icon`, `manifest`.
    pub rel: String,
    /// The `sizes` attribute.
    pub sizes: Option<String>,
    /// The `type` attribute.
    pub mime_type: Option<String>,
    /// The link.
    pub link: LinkRef,
}

/// An Organization, Person or other entity found in JSON-LD.
#[uniffi::remote(Record)]
pub struct JsonLdEntity {
    /// `@type` values.
    pub types: Vec<String>,
    /// `name`.
    pub name: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// `logo` (a URL, or an ImageObject's `url`).
    pub logo: Option<String>,
    /// `sameAs` links.
    pub same_as: Vec<String>,
}

/// One `<script type="application/ld+json">` block.
#[uniffi::remote(Record)]
pub struct JsonLd {
    /// Every `@type` in the block (a depth-first walk, keys in sorted order).
    pub types: Vec<String>,
    /// The strict parse error, with its line and column in the block.
    pub error: Option<String>,
    /// Whether the block was cut at the size cap.
    pub truncated: bool,
    /// Size of the block in bytes.
    pub bytes: u64,
    /// Organization and Person entities (and their subtypes).
    pub entities: Vec<JsonLdEntity>,
    /// Article entities with their keywords.
    pub articles: Vec<JsonLdArticle>,
    /// Where it is.
    pub origin: Origin,
}

#[uniffi::remote(Record)]
pub struct JsonLdArticle {
    /// `@type` values.
    pub types: Vec<String>,
    /// `headline`, else `name`.
    pub headline: Option<String>,
    /// `keywords`, split at commas, trimmed.
    pub keywords: Vec<String>,
}

/// How current a share endpoint is.
#[uniffi::remote(Enum)]
pub enum EndpointStatus {
    /// Documented by the platform today.
    Current,
    /// Older or undocumented but still working.
    Legacy,
    /// Retired or redirecting: `share/deprecated-endpoint`.
    Deprecated,
}

/// A share link: a URL that opens a network's share dialog.
#[uniffi::remote(Record)]
pub struct ShareLink {
    /// The target network id (`x`, `facebook`, ...) or `email`, `google_plus`.
    pub network: String,
    /// Current, legacy or deprecated endpoint.
    pub status: EndpointStatus,
    /// The `href`, decoded.
    pub href: String,
    /// The URL being shared, if the link carries one.
    pub shared_url: Option<String>,
    /// The text being shared, if any.
    pub text: Option<String>,
    /// Whether the endpoint is `http:`.
    pub insecure: bool,
    /// Where it is.
    pub origin: Origin,
}

/// A link to one of the brand's profiles.
#[uniffi::remote(Record)]
pub struct ProfileLink {
    /// The network.
    pub network: Network,
    /// The handle read from the URL (`maisonlune`, `lune@piaille.fr`).
    pub handle: String,
    /// The link, resolved.
    pub url: String,
    /// Whether the link has `rel="me"`.
    pub rel_me: bool,
    /// Where it is.
    pub origin: Origin,
}

/// The kind of a social widget.
#[uniffi::remote(Enum)]
pub enum WidgetKind {
    /// A comment thread (Disqus, Facebook comments, giscus).
    Comments,
    /// A social sign-in button or SDK.
    SocialLogin,
    /// A review or rating widget.
    Reviews,
    /// An embedded post or player.
    Embed,
}

/// A recognised widget: comments, social login, reviews, embed, script share button.
#[uniffi::remote(Record)]
pub struct Widget {
    /// What it is.
    pub kind: WidgetKind,
    /// Provider id (`disqus`, `google`, `youtube`, `trustpilot`, ...).
    pub provider: String,
    /// What revealed it: a selector, a script or iframe URL, or a JSON-LD type.
    pub evidence: String,
    /// Where it is.
    pub origin: Origin,
}

/// How the scan went.
#[uniffi::remote(Record)]
pub struct ParseInfo {
    /// Input size in bytes.
    pub bytes: u64,
    /// The character encoding used (`UTF-8`, `windows-1252`, ...).
    pub encoding: String,
    /// Whether the whole input was scanned.
    pub complete: bool,
    /// Why it was not (memory cap, parser error, item cap, internal error).
    pub error: Option<String>,
    /// Byte offset of the first invalid UTF-8 sequence, for UTF-8 input.
    pub invalid_utf8_at: Option<u64>,
    /// Estimated deepest element nesting (a byte-level estimate; no tree is built).
    pub max_depth: u32,
    /// Attribute values cut at the value cap.
    pub truncated_values: u32,
    /// Why the streaming parser gave up, when the page was then scanned completely by the
    /// html5ever tokenizer.
    pub fallback: Option<String>,
}

/// The inventory of one page: everything `features_json` holds, typed.
#[uniffi::remote(Record)]
pub struct PageFeatures {
    /// The page URL given by the caller.
    pub url: String,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// The first `<title>`, decoded and whitespace-collapsed.
    pub title: Option<String>,
    /// `<meta name="description">`.
    pub description: Option<String>,
    /// Every social or descriptive `<meta>`, in document order, with its origin.
    pub meta: Vec<MetaTag>,
    /// Open Graph (and `fb:`, `article:`, ...) properties: key to values in document order
    /// (OGP reads the first), empty values left out.
    pub open_graph: TagValues,
    /// X card tags: name to values in document order (X reads the last).
    pub twitter: TagValues,
    /// `og:image` objects.
    pub og_images: Vec<OgMedia>,
    /// `og:video` objects.
    pub og_videos: Vec<OgMedia>,
    /// `og:audio` objects.
    pub og_audios: Vec<OgMedia>,
    /// Structured properties with no root before them (`og:image:width` first).
    pub og_orphans: Vec<MetaTag>,
    /// The first canonical URL, resolved.
    pub canonical: Option<String>,
    /// Every canonical link.
    pub canonicals: Vec<LinkRef>,
    /// `hreflang` alternates.
    pub hreflang: Vec<Hreflang>,
    /// Feed autodiscovery links.
    pub feeds: Vec<Feed>,
    /// oEmbed discovery links.
    pub oembed: Vec<OEmbed>,
    /// Icons and manifest.
    pub icons: Vec<Icon>,
    /// JSON-LD blocks.
    pub json_ld: Vec<JsonLd>,
    /// Share links.
    pub share_links: Vec<ShareLink>,
    /// Profile links (anchors, `link rel=me`).
    pub profiles: Vec<ProfileLink>,
    /// Comment widgets.
    pub comments: Vec<Widget>,
    /// Social login buttons and SDKs.
    pub social_login: Vec<Widget>,
    /// Embedded posts and players.
    pub embeds: Vec<Widget>,
    /// Review and rating widgets (including JSON-LD `AggregateRating`/`Review`).
    pub reviews: Vec<Widget>,
    /// Script share buttons (LinkedIn `in.js`, Pinterest `pinit.js`).
    pub share_scripts: Vec<Widget>,
    /// The page's main text (body text outside code and page chrome), up to `maxTextBytes`.
    pub main_text: String,
    /// How the scan went.
    pub parse: ParseInfo,
}

/// How a rule ended on a page.
#[uniffi::remote(Enum)]
pub enum RuleStatus {
    /// Checked, nothing wrong.
    Pass,
    /// Checked, findings reported.
    Fail,
    /// Nothing to check on this page (not a pass: it leaves the score's denominator).
    NotApplicable,
    /// Turned off by the caller's configuration.
    Disabled,
}

/// One rule's result on one page.
#[uniffi::remote(Record)]
pub struct RuleOutcome {
    /// Rule id.
    pub rule: String,
    /// Pass, fail, not applicable or disabled.
    pub status: RuleStatus,
    /// 0..1 (1 = pass); null when not applicable or disabled.
    pub score: Option<f64>,
}

/// The declared width of an Open Graph media object, when it is a positive 32-bit integer.
#[uniffi::export]
pub fn og_media_width_px(media: OgMedia) -> Option<u32> {
    media.width_px()
}

/// The declared height of an Open Graph media object, when it is a positive 32-bit integer.
#[uniffi::export]
pub fn og_media_height_px(media: OgMedia) -> Option<u32> {
    media.height_px()
}

/// The audit of one page.
#[derive(uniffi::Record)]
pub struct PageAudit {
    /// The page URL.
    pub url: String,
    /// The inventory, typed.
    pub features: PageFeatures,
    /// The same inventory as JSON (the document the Rust and Python surfaces serialise).
    pub features_json: String,
    /// Findings, sorted by severity, rule id and offset.
    pub findings: Vec<Finding>,
    /// Each rule's status.
    pub outcomes: Vec<RuleOutcome>,
    /// Scores.
    pub scores: Scores,
    /// The markup to put in `<head>`; empty when nothing to fix.
    pub fix_html: String,
}

impl TryFrom<audit::PageAudit> for PageAudit {
    type Error = SmoError;

    fn try_from(a: audit::PageAudit) -> Result<Self, SmoError> {
        Ok(PageAudit {
            features_json: a.features.to_json()?,
            url: a.url,
            features: a.features,
            findings: a.findings,
            outcomes: a.outcomes,
            scores: a.scores,
            fix_html: a.fix_html,
        })
    }
}

/// Audits one page: `html` as served (bytes), `url` its address.
#[uniffi::export(default(config = None))]
pub fn audit_page(
    html: Vec<u8>,
    url: String,
    config: Option<AuditConfig>,
) -> Result<PageAudit, SmoError> {
    let options: AuditOptions = config.unwrap_or_default().try_into()?;
    audit::audit_page(&html, &url, &options)?.try_into()
}

/// A page handed to `audit_site`.
#[derive(uniffi::Record)]
pub struct SitePage {
    /// The page URL.
    pub url: String,
    /// The page as served.
    pub html: Vec<u8>,
}

/// A page finding with its page.
#[uniffi::remote(Record)]
pub struct PageFinding {
    /// The page URL.
    pub url: String,
    /// The finding.
    pub finding: Finding,
}

/// A flat finding row (page findings, then site findings), for tables and CSV.
#[uniffi::remote(Record)]
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

// Counters are `usize` in core; UniFFI has no `usize`, so the records below carry `u64`.
fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}
fn size(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// One page of a site report.
#[derive(uniffi::Record, Clone)]
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
    /// Whether the scan finished.
    pub complete: bool,
}

impl From<audit::site::PageSummary> for PageSummary {
    fn from(p: audit::site::PageSummary) -> Self {
        PageSummary {
            url: p.url,
            scores: p.scores,
            errors: count(p.errors),
            warnings: count(p.warnings),
            notices: count(p.notices),
            fix_html: p.fix_html,
            complete: p.complete,
        }
    }
}

impl From<PageSummary> for audit::site::PageSummary {
    fn from(p: PageSummary) -> Self {
        audit::site::PageSummary {
            url: p.url,
            scores: p.scores,
            errors: size(p.errors),
            warnings: size(p.warnings),
            notices: size(p.notices),
            fix_html: p.fix_html,
            complete: p.complete,
        }
    }
}

/// Share of pages with a feature.
#[derive(uniffi::Record, Clone)]
pub struct Coverage {
    /// Feature id (`og_complete`, `twitter_card`, `share_links`, ...).
    pub feature: String,
    /// What it means.
    pub label: String,
    /// Pages with it.
    pub pages: u64,
    /// Pages audited.
    pub total: u64,
    /// `pages / total`, 0..1.
    pub share: f64,
}

impl From<audit::site::Coverage> for Coverage {
    fn from(c: audit::site::Coverage) -> Self {
        Coverage {
            feature: c.feature,
            label: c.label,
            pages: count(c.pages),
            total: count(c.total),
            share: c.share,
        }
    }
}

impl From<Coverage> for audit::site::Coverage {
    fn from(c: Coverage) -> Self {
        audit::site::Coverage {
            feature: c.feature,
            label: c.label,
            pages: size(c.pages),
            total: size(c.total),
            share: c.share,
        }
    }
}

/// How often a rule failed across the site.
#[derive(uniffi::Record, Clone)]
pub struct RuleHits {
    /// Rule id.
    pub rule: String,
    /// Rule title.
    pub title: String,
    /// Most serious severity reported.
    pub severity: Severity,
    /// Pages where it failed.
    pub pages: u64,
    /// Pages where it applied (pass or fail).
    pub applicable: u64,
    /// Findings in all.
    pub findings: u64,
}

impl From<audit::site::RuleHits> for RuleHits {
    fn from(h: audit::site::RuleHits) -> Self {
        RuleHits {
            rule: h.rule,
            title: h.title,
            severity: h.severity,
            pages: count(h.pages),
            applicable: count(h.applicable),
            findings: count(h.findings),
        }
    }
}

impl From<RuleHits> for audit::site::RuleHits {
    fn from(h: RuleHits) -> Self {
        audit::site::RuleHits {
            rule: h.rule,
            title: h.title,
            severity: h.severity,
            pages: size(h.pages),
            applicable: size(h.applicable),
            findings: size(h.findings),
        }
    }
}

/// A handle seen on the site.
#[derive(uniffi::Record, Clone)]
pub struct HandleUse {
    /// The network.
    pub network: Network,
    /// The handle as first seen.
    pub handle: String,
    /// Pages naming it.
    pub pages: u64,
    /// The first page naming it.
    pub first_url: String,
}

impl From<audit::site::HandleUse> for HandleUse {
    fn from(h: audit::site::HandleUse) -> Self {
        HandleUse {
            network: h.network,
            handle: h.handle,
            pages: count(h.pages),
            first_url: h.first_url,
        }
    }
}

impl From<HandleUse> for audit::site::HandleUse {
    fn from(h: HandleUse) -> Self {
        audit::site::HandleUse {
            network: h.network,
            handle: h.handle,
            pages: size(h.pages),
            first_url: h.first_url,
        }
    }
}

/// The audit of a site.
#[derive(uniffi::Record, Clone)]
pub struct SiteReport {
    /// Pages in input order.
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

fn list<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(B::from).collect()
}

impl From<audit::SiteReport> for SiteReport {
    fn from(r: audit::SiteReport) -> Self {
        SiteReport {
            pages: list(r.pages),
            findings: r.findings,
            coverage: list(r.coverage),
            rule_hits: list(r.rule_hits),
            handles: list(r.handles),
            inconsistencies: r.inconsistencies,
            strategy_check: r.strategy_check,
            scores: r.scores,
            facts_as_of: r.facts_as_of,
        }
    }
}

impl From<SiteReport> for audit::SiteReport {
    fn from(r: SiteReport) -> Self {
        audit::SiteReport {
            pages: list(r.pages),
            findings: r.findings,
            coverage: list(r.coverage),
            rule_hits: list(r.rule_hits),
            handles: list(r.handles),
            inconsistencies: r.inconsistencies,
            strategy_check: r.strategy_check,
            scores: r.scores,
            facts_as_of: r.facts_as_of,
        }
    }
}

#[uniffi::export]
impl SiteReport {
    /// Findings as flat rows (one per finding, page findings then site findings).
    pub fn findings_records(&self) -> Vec<FindingRecord> {
        audit::SiteReport::from(self.clone()).findings_records()
    }
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
        page: config.unwrap_or_default().try_into()?,
        threads: threads.map(|t| size(u64::from(t))),
    };
    let report = audit::audit_site(
        pages.into_iter().map(|p| (p.url, p.html)),
        strategy.as_ref().map(|s| &s.0),
        &options,
    )?;
    Ok(report.into())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_report_converts_both_ways_without_loss() {
        let strategy = smo_core::Strategy::example().unwrap();
        let core = audit::audit_site(
            audit::example::example_site()
                .into_iter()
                .map(|(url, html)| (url.to_owned(), html.as_bytes().to_vec())),
            Some(&strategy),
            &SiteOptions::default(),
        )
        .unwrap();
        let ffi = SiteReport::from(core.clone());
        assert_eq!(ffi.findings_records(), core.findings_records());
        assert!(!ffi.handles.is_empty() && !ffi.strategy_check.is_empty());
        assert_eq!(audit::SiteReport::from(ffi), core);
    }

    #[test]
    fn page_audit_keeps_the_core_inventory_and_its_json() {
        let (url, html) = audit::example::example_site()[1];
        let core = audit::audit_page(html.as_bytes(), url, &AuditOptions::default()).unwrap();
        let ffi = audit_page(html.as_bytes().to_vec(), url.to_owned(), None).unwrap();
        assert_eq!(ffi.features, core.features);
        assert_eq!(ffi.features_json, core.features.to_json().unwrap());
        assert_eq!(ffi.outcomes, core.outcomes);
        let bad = audit_page(Vec::new(), "/relative".to_owned(), None);
        assert!(matches!(bad, Err(SmoError::InvalidArgument(m)) if m.contains("absolute URL")));
    }
}
