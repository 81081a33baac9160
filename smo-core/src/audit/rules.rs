//! The page rule catalogue and its checks.
//!
//! Every rule has a stable id (never reused), a default severity, a title, a description and a
//! source (site-audit.md §3 lists where each comes from). A rule run on a page ends as `pass`,
//! `fail` (with findings) or `not_applicable` (nothing to check: no image, no canonical, not an
//! article): not-applicable rules leave the score's denominator. Thresholds come from
//! [`facts`], never from constants here.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use url::Url;

use super::AuditOptions;
use super::facts::{self, EndpointStatus};
use super::features::{MetaTag, Origin, PageFeatures};
use crate::error::Result;
use crate::finding::{Findings, Location, RuleConfig};
use crate::{Finding, Network, RuleInfo, Severity};

const OGP: &str = "https://ogp.me/";
const FBI: &str = "https://developers.facebook.com/docs/sharing/webmasters/images";
const FBW: &str = "https://developers.facebook.com/docs/sharing/webmasters";
const FBV: &str = "https://developers.facebook.com/documentation/sharing/webmasters/getting-started/versioned-link";
const XM: &str = "https://developer.x.com/cards/markup";
const XO: &str = "https://developer.x.com/cards/overview";
const XI: &str = "https://docs.x.com/x-for-websites/post-button/guides/web-intent";
const LH: &str = "https://github.com/GoogleChrome/lighthouse (core/audits/seo/canonical.js)";
const OE: &str = "https://oembed.com/";
const WPO: &str = "https://developer.wordpress.org/reference/classes/wp_oembed/discover/";
const LIS: &str = "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/share-plugin";
const LI: &str = "https://www.linkedin.com/help/linkedin/answer/46687";
const PIN: &str = "https://developers.pinterest.com/docs/rich-pins/";
const YS: &str = "https://developer.yoast.com/features/schema/pieces/organization";
const SQ: &str = "https://docs.squirrelscan.com/rules/social";
const LU: &str =
    "https://api-docs.lumar.io/docs/report-templates/crawl_urls/pages_without_social_markup";
const SA: &str = "shared/reference/site-audit.md";
const OGA: &str = "https://ogp.me/#type_article";
const SKW: &str = "https://schema.org/keywords";

macro_rules! rule {
    ($id:literal, $sev:ident, $title:literal, $desc:literal, $src:expr) => {
        RuleInfo {
            id: $id,
            title: $title,
            description: $desc,
            default_severity: Severity::$sev,
            source: $src,
        }
    };
}

/// The page rules of the site audit.
pub static RULES: &[RuleInfo] = &[
    rule!(
        "og/missing-all",
        Warning,
        "Open Graph tags present",
        "The page has no Open Graph tag: Facebook, LinkedIn, Pinterest, WhatsApp, Slack and most apps guess a preview from the page body.",
        LU
    ),
    rule!(
        "og/missing-required",
        Error,
        "Required Open Graph tags present",
        "The page has Open Graph tags but lacks one of the four required properties: og:title, og:type, og:image, og:url. Scored by the share present.",
        OGP
    ),
    rule!(
        "og/description-missing",
        Notice,
        "og:description present",
        "No og:description: previews show no summary, or one the consumer picks from the page.",
        FBW
    ),
    rule!(
        "og/site-name-missing",
        Notice,
        "og:site_name present",
        "No og:site_name: previews cannot name the brand.",
        OGP
    ),
    rule!(
        "og/uses-name-attribute",
        Warning,
        "Open Graph tags use property=",
        "An og: tag uses name= instead of property=; spec parsers such as extruct ignore it.",
        LU
    ),
    rule!(
        "og/outside-head",
        Warning,
        "Open Graph tags in <head>",
        "An og: tag sits in the body; head-only readers (WordPress, extruct) miss it.",
        SA
    ),
    rule!(
        "og/duplicate-single-valued",
        Warning,
        "Single-valued Open Graph properties appear once",
        "A single-valued property (title, url, type, description, site_name, locale, determiner) is repeated; OGP keeps the first, other consumers the last (Facebook: Parser Mismatched Metadata).",
        "https://github.com/mozilla/testpilot/issues/911"
    ),
    rule!(
        "og/structured-orphan",
        Warning,
        "Structured properties follow their root",
        "A structured property (og:image:width, og:video:type, ...) comes before any og:image/og:video/og:audio and attaches to nothing.",
        OGP
    ),
    rule!(
        "og/url-not-absolute",
        Error,
        "og:url is an absolute http(s) URL",
        "og:url is the permanent ID of the page; shares aggregate on it, so it must be an absolute http(s) URL.",
        OGP
    ),
    rule!(
        "og/image-not-absolute",
        Error,
        "og:image is an absolute URL",
        "A relative og:image is not resolved by Facebook; a protocol-relative one (//) is a notice.",
        "https://github.com/webhintio/hint/issues/516"
    ),
    rule!(
        "og/image-data-uri",
        Error,
        "og:image is hosted",
        "A data: URI image is rejected by crawlers.",
        SA
    ),
    rule!(
        "og/image-insecure",
        Notice,
        "og:image over https",
        "An http: og:image on an https page without og:image:secure_url.",
        OGP
    ),
    rule!(
        "og/image-missing-dimensions",
        Warning,
        "og:image declares its size",
        "Without og:image:width and og:image:height, Facebook shows the first share without an image while it fetches it.",
        "https://github.com/NodeBB/NodeBB/issues/5403"
    ),
    rule!(
        "og/image-dimension-invalid",
        Error,
        "og:image dimensions are integers",
        "og:image:width/height must be positive 32-bit integers, digits only.",
        OGP
    ),
    rule!(
        "og/image-too-small",
        Error,
        "og:image large enough",
        "Below Facebook's minimum the image is dropped (error), below the large-card size the preview shrinks (warning), below the recommended size it is soft (notice). Sizes from the facts table.",
        FBI
    ),
    rule!(
        "og/image-ratio",
        Notice,
        "og:image near 1.91:1",
        "Link previews crop to 1.91:1; an image far from it loses its edges.",
        FBI
    ),
    rule!(
        "og/image-missing-alt",
        Notice,
        "og:image has alt text",
        "No og:image:alt: screen-reader users get no description of the preview.",
        OGP
    ),
    rule!(
        "og/url-canonical-mismatch",
        Warning,
        "og:url matches the canonical",
        "og:url and the canonical URL differ (after normalising scheme, host case, port, trailing slash and fragment): shares and search results count different URLs.",
        SQ
    ),
    rule!(
        "og/url-cross-domain",
        Warning,
        "og:url on the page's host",
        "Facebook ignores an og:url on another domain unless it is allow-listed (since 2020-02-03).",
        FBV
    ),
    rule!(
        "og/type-invalid",
        Notice,
        "og:type is a known type",
        "og:type is neither a global OGP type (nor `blog`, which Pinterest reads) nor a prefixed custom type.",
        OGP
    ),
    rule!(
        "og/locale-invalid",
        Notice,
        "og:locale is ll_TT",
        "og:locale must be language_TERRITORY, such as fr_FR.",
        OGP
    ),
    rule!(
        "og/article-time-invalid",
        Notice,
        "article times are ISO 8601",
        "article:published_time, modified_time and expiration_time must be ISO 8601 dates.",
        OGP
    ),
    rule!(
        "fb/app-id-missing",
        Notice,
        "fb:app_id present",
        "No fb:app_id (Facebook: Share App ID Missing). Only needed for Facebook Insights and plugins.",
        "https://github.com/Yoast/wordpress-seo/issues/8255"
    ),
    rule!(
        "twitter/card-missing",
        Notice,
        "twitter:card present",
        "No twitter:card; X falls back to og: tags for a summary card only when og:title, og:description and og:type are there (otherwise a warning).",
        XM
    ),
    rule!(
        "twitter/card-invalid",
        Error,
        "twitter:card is a supported type",
        "The card type X reads (the last twitter:card) is not summary, summary_large_image, app or player.",
        XO
    ),
    rule!(
        "twitter/card-duplicate",
        Warning,
        "One twitter:card",
        "Several twitter:card tags: X reads the last, Open Graph readers the first.",
        XO
    ),
    rule!(
        "twitter/uses-property-attribute",
        Notice,
        "X tags use name=",
        "X documents name= for twitter: tags; Facebook reports property=\"twitter:*\" as Extraneous Property.",
        "https://github.com/mozilla/testpilot/issues/911"
    ),
    rule!(
        "twitter/title-too-long",
        Warning,
        "Card title fits",
        "The title X shows (twitter:title, else og:title) is longer than X's limit in characters.",
        XM
    ),
    rule!(
        "twitter/description-too-long",
        Warning,
        "Card description fits",
        "The description X shows is longer than X's limit in characters.",
        XM
    ),
    rule!(
        "twitter/image-alt-too-long",
        Warning,
        "twitter:image:alt fits",
        "twitter:image:alt is longer than X's limit.",
        XM
    ),
    rule!(
        "twitter/image-svg",
        Error,
        "Card image is not SVG",
        "X does not render SVG card images (JPG, PNG, WEBP, GIF only).",
        XM
    ),
    rule!(
        "twitter/image-too-small",
        Warning,
        "Card image large enough",
        "The declared image size is below the card type's minimum (summary 144×144, summary_large_image 300×157, from the facts table).",
        XO
    ),
    rule!(
        "twitter/site-missing",
        Notice,
        "twitter:site present",
        "The card names no @account for the site.",
        XM
    ),
    rule!(
        "twitter/player-not-https",
        Error,
        "Player card is https and sized",
        "A player card needs an https twitter:player with twitter:player:width and :height.",
        XM
    ),
    rule!(
        "canonical/missing",
        Notice,
        "Canonical URL declared",
        "No link rel=canonical.",
        LH
    ),
    rule!(
        "canonical/invalid",
        Error,
        "Canonical URL parses",
        "A canonical href is not a valid URL.",
        LH
    ),
    rule!(
        "canonical/relative",
        Warning,
        "Canonical URL is absolute",
        "A canonical href is relative; absolute URLs avoid mistakes.",
        LH
    ),
    rule!(
        "canonical/multiple-conflicting",
        Error,
        "One canonical URL",
        "Two or more different canonical URLs: consumers pick different ones.",
        LH
    ),
    rule!(
        "canonical/points-to-root",
        Warning,
        "Canonical is not the site root",
        "A deep page's canonical points to the domain root.",
        LH
    ),
    rule!(
        "canonical/points-to-other-hreflang",
        Warning,
        "Canonical is not another language",
        "The canonical points to another language version of the page (one of its hreflang alternates).",
        LH
    ),
    rule!(
        "canonical/in-body",
        Warning,
        "Canonical in <head>",
        "A canonical link in the body is ignored by Lighthouse and search engines.",
        LH
    ),
    rule!(
        "feed/missing",
        Notice,
        "Feed discoverable",
        "An article page without RSS, Atom or JSON Feed autodiscovery link.",
        SA
    ),
    rule!(
        "oembed/missing",
        Notice,
        "oEmbed discoverable",
        "An article page without an oEmbed discovery link (WordPress, Mastodon, chat apps use it).",
        OE
    ),
    rule!(
        "oembed/invalid-type",
        Notice,
        "oEmbed type is standard",
        "The discovery link's type is not application/json+oembed or text/xml+oembed.",
        WPO
    ),
    rule!(
        "oembed/outside-head",
        Notice,
        "oEmbed link in <head>",
        "WordPress reads oEmbed discovery in the head only.",
        WPO
    ),
    rule!(
        "icon/missing-favicon",
        Notice,
        "Favicon declared",
        "No link rel=icon.",
        SA
    ),
    rule!(
        "icon/missing-apple-touch-icon",
        Notice,
        "Touch icon declared",
        "No apple-touch-icon: shortcuts and some share sheets show a blank.",
        "https://github.com/GoogleChrome/lighthouse"
    ),
    rule!(
        "share/none",
        Notice,
        "Share links offered",
        "An article or product page with no share link.",
        SQ
    ),
    rule!(
        "share/deprecated-endpoint",
        Notice,
        "Share endpoints are current",
        "A share link uses a retired endpoint (LinkedIn shareArticle or cws/share, twitter.com/home?status=, Google+): the deprecated rows of the share table.",
        LIS
    ),
    rule!(
        "share/insecure-endpoint",
        Notice,
        "Share links over https",
        "A share link uses http:.",
        SA
    ),
    rule!(
        "share/x-intent-too-long",
        Notice,
        "X share text fits",
        "The text and URL of an X intent weigh more than a post holds (URL counted 23).",
        XI
    ),
    rule!(
        "profiles/none",
        Notice,
        "Profiles linked",
        "No link to the brand's social profiles and no JSON-LD sameAs.",
        SQ
    ),
    rule!(
        "profiles/handle-mismatch",
        Notice,
        "One handle per network",
        "The page names different handles for one network (twitter:site, profile links, sameAs).",
        SA
    ),
    rule!(
        "jsonld/parse-error",
        Warning,
        "JSON-LD parses",
        "A JSON-LD block fails a strict JSON parse (JS comments, control characters, trailing commas).",
        "https://github.com/scrapinghub/extruct"
    ),
    rule!(
        "jsonld/org-incomplete",
        Notice,
        "Organization complete",
        "An Organization lacks name, url or logo (a Person lacks name or url).",
        YS
    ),
    rule!(
        "jsonld/sameas-invalid",
        Notice,
        "sameAs links are absolute",
        "A sameAs item is not an absolute http(s) URL.",
        YS
    ),
    rule!(
        "jsonld/truncated",
        Notice,
        "JSON-LD within the size cap",
        "A JSON-LD block is larger than the scan's cap and was not parsed.",
        SA
    ),
    rule!(
        "pinterest/author-is-url",
        Notice,
        "article:author for Pinterest",
        "Pinterest wants article:author as a name; OGP wants a profile URL. Informational.",
        "https://github.com/Yoast/wordpress-seo/issues/4028"
    ),
    rule!(
        "pinterest/rich-pins-disabled",
        Notice,
        "Rich Pins enabled",
        "The page opts out of Rich Pins (pinterest-rich-pin=false). Informational.",
        PIN
    ),
    rule!(
        "linkedin/image-below-recommended",
        Notice,
        "og:image at LinkedIn's size",
        "The declared og:image is below LinkedIn's recommended size.",
        LI
    ),
    rule!(
        "meta/value-instead-of-content",
        Warning,
        "Meta values in content=",
        "A social meta tag uses value= instead of content=; spec parsers read nothing.",
        SA
    ),
    rule!(
        "meta/only-in-noscript",
        Warning,
        "Social tags outside <noscript>",
        "Every social tag is inside <noscript>: scripting-on parsers see text, not tags.",
        SA
    ),
    rule!(
        "meta/empty-content",
        Notice,
        "Meta values not empty",
        "A social meta tag has an empty value; it counts as absent.",
        SA
    ),
    rule!(
        "tags/article-tag-missing",
        Notice,
        "article:tag on article pages",
        "An article page (og:type article, or a JSON-LD Article, BlogPosting or NewsArticle) \
         declares no article:tag: the Open Graph article namespace's words for its topics. The \
         fix proposes the page's key phrases (YAKE over its title, description and main text).",
        OGA
    ),
    rule!(
        "tags/jsonld-keywords-missing",
        Notice,
        "keywords on the JSON-LD article",
        "The page's JSON-LD Article, BlogPosting or NewsArticle entity has no keywords (a \
         comma-separated text or a list). The fix proposes the page's key phrases.",
        SKW
    ),
    rule!(
        "page/title-missing",
        Notice,
        "<title> present",
        "No <title>: the last fallback of every consumer.",
        SA
    ),
    rule!(
        "page/parse-incomplete",
        Warning,
        "Page scanned completely",
        "The scan stopped early (memory cap, parser error or item cap): the results are partial.",
        SA
    ),
    rule!(
        "page/parser-fallback",
        Notice,
        "Page within the streaming parser's memory",
        "A tag or comment is larger than the streaming parser's memory cap (an inline data: URL, \
         a serialized state in an attribute); the page was read again by the slower tokenizer.",
        SA
    ),
    rule!(
        "page/internal-error",
        Error,
        "Page audited without error",
        "The audit hit an internal error (a bug in smo): the results are partial.",
        SA
    ),
    rule!(
        "page/invalid-encoding",
        Warning,
        "Valid UTF-8",
        "The page is not valid UTF-8 and declares no other encoding; invalid bytes were replaced.",
        "https://encoding.spec.whatwg.org/"
    ),
    rule!(
        "page/deep-nesting",
        Warning,
        "Reasonable nesting",
        "Elements nest deeper than browsers allow (512); tree-building tools slow down or fail.",
        "https://github.com/whatwg/html/issues/3732"
    ),
    rule!(
        "page/value-truncated",
        Notice,
        "Attribute values within the cap",
        "An attribute value was longer than the scan keeps and was cut.",
        SA
    ),
];

/// A score category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// How the page looks when shared: og, twitter, fb, pinterest, linkedin, meta.
    Previews,
    /// How machines find and read it: canonical, feed, oembed, icon, jsonld syntax, page.
    Discoverability,
    /// How easy it is to share: share.
    Sharing,
    /// How it leads to the brand's communities: profiles, Organization.
    Community,
}

impl Category {
    /// All categories.
    pub const ALL: [Category; 4] = [
        Category::Previews,
        Category::Discoverability,
        Category::Sharing,
        Category::Community,
    ];

    /// The name used in bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Previews => "previews",
            Category::Discoverability => "discoverability",
            Category::Sharing => "sharing",
            Category::Community => "community",
        }
    }

    /// Its weight in the overall score.
    pub fn weight(self) -> u32 {
        match self {
            Category::Previews => 40,
            Category::Discoverability => 20,
            Category::Sharing => 20,
            Category::Community => 20,
        }
    }
}

/// The category a rule scores in.
pub fn category(rule: &str) -> Category {
    let family = rule.split('/').next().unwrap_or_default();
    match family {
        "og" | "twitter" | "fb" | "pinterest" | "linkedin" | "meta" => Category::Previews,
        "share" => Category::Sharing,
        "profiles" => Category::Community,
        "jsonld" if rule == "jsonld/org-incomplete" || rule == "jsonld/sameas-invalid" => {
            Category::Community
        }
        _ => Category::Discoverability,
    }
}

/// Weights of rules in their category (squirrelscan's as a start: OG tags 5, image size 4,
/// Organization 4, og:url match 3, X cards 3); every other rule weighs 1, informational ones 0.
pub static WEIGHTS: &[(&str, u32)] = &[
    ("og/missing-all", 5),
    ("og/missing-required", 5),
    ("og/image-too-small", 4),
    ("jsonld/org-incomplete", 4),
    ("og/url-canonical-mismatch", 3),
    ("twitter/card-missing", 3),
    ("canonical/missing", 3),
    ("share/none", 3),
    ("profiles/none", 3),
    ("pinterest/rich-pins-disabled", 0),
    ("pinterest/author-is-url", 0),
    ("fb/app-id-missing", 0),
    ("page/parser-fallback", 0),
];

/// A rule's weight in its category.
pub fn weight(rule: &str) -> u32 {
    WEIGHTS
        .iter()
        .find(|(id, _)| *id == rule)
        .map_or(1, |(_, w)| *w)
}

/// How a rule ended on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Checked, nothing wrong.
    Pass,
    /// Checked, findings reported.
    Fail,
    /// Nothing to check on this page.
    NotApplicable,
    /// Turned off by the caller's configuration.
    Disabled,
}

impl Status {
    /// The name used in bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::NotApplicable => "not_applicable",
            Status::Disabled => "disabled",
        }
    }
}

/// One rule's result on one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Rule id.
    pub rule: String,
    /// Pass, fail, not applicable or disabled.
    pub status: Status,
    /// 0..1 (1 = pass); `None` when not applicable or disabled.
    pub score: Option<f64>,
}

/// Runs the checks: a [`Findings`] collector that also records each rule's status.
pub(crate) struct Eval<'a> {
    findings: Findings<'a>,
    config: &'a RuleConfig,
    na: BTreeSet<&'static str>,
    numeric: BTreeMap<&'static str, f64>,
    escalate: Vec<(usize, Severity)>,
    count: usize,
}

impl<'a> Eval<'a> {
    pub(crate) fn new(config: &'a RuleConfig) -> Result<Self> {
        Ok(Eval {
            findings: Findings::new(RULES, config)?,
            config,
            na: BTreeSet::new(),
            numeric: BTreeMap::new(),
            escalate: Vec::new(),
            count: 0,
        })
    }

    fn na(&mut self, rule: &'static str) {
        self.na.insert(rule);
    }

    fn fail(&mut self, rule: &'static str, loc: Location, message: String, fix: Option<String>) {
        self.fail_as(rule, None, loc, message, fix);
    }

    /// Reports with a severity other than the default (E/W/N thresholds), unless the caller
    /// configured the rule's severity.
    fn fail_as(
        &mut self,
        rule: &'static str,
        severity: Option<Severity>,
        loc: Location,
        message: String,
        fix: Option<String>,
    ) {
        if !self.findings.enabled(rule) {
            return;
        }
        self.findings.report(rule, loc, message, fix);
        if let Some(sev) = severity {
            if !self.config.severities.contains_key(rule) {
                self.escalate.push((self.count, sev));
            }
        }
        self.count += 1;
    }

    pub(crate) fn internal_error(&mut self, loc: Location, message: String) {
        self.fail("page/internal-error", loc, message, None);
    }

    fn score(&mut self, rule: &'static str, value: f64) {
        self.numeric.insert(rule, value);
    }

    pub(crate) fn finish(self) -> (Vec<Finding>, Vec<Outcome>) {
        let mut found = self.findings.into_vec();
        for (i, sev) in self.escalate {
            if let Some(f) = found.get_mut(i) {
                f.severity = sev;
            }
        }
        let failed: BTreeSet<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        let outcomes = RULES
            .iter()
            .map(|r| {
                let (status, score) = if self.config.disabled.contains(r.id) {
                    (Status::Disabled, None)
                } else if self.na.contains(r.id) {
                    (Status::NotApplicable, None)
                } else if let Some(v) = self.numeric.get(r.id) {
                    let status = if failed.contains(r.id) {
                        Status::Fail
                    } else {
                        Status::Pass
                    };
                    (status, Some(*v))
                } else if failed.contains(r.id) {
                    // A failed notice costs half a failed error or warning.
                    let notice = found
                        .iter()
                        .filter(|f| f.rule == r.id)
                        .all(|f| f.severity == Severity::Notice);
                    (Status::Fail, Some(if notice { 0.5 } else { 0.0 }))
                } else {
                    (Status::Pass, Some(1.0))
                };
                Outcome {
                    rule: r.id.to_owned(),
                    status,
                    score,
                }
            })
            .collect();
        (found, outcomes)
    }
}

fn at(path: impl Into<String>, origin: &Origin) -> Location {
    Location {
        path: Some(path.into()),
        span: Some(origin.span),
        page: None,
    }
}

fn meta_loc(m: &MetaTag) -> Location {
    at(format!("meta[{}={}]", m.key_attribute, m.key), &m.origin)
}

fn page_loc(what: &str) -> Location {
    Location::path(what)
}

/// What kind of page this is, for rules that apply to some kinds only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKind {
    Article,
    Product,
    Other,
}

pub(crate) fn page_kind(f: &PageFeatures) -> PageKind {
    let og_type = f.og("og:type").unwrap_or_default().to_ascii_lowercase();
    let ld = |names: &[&str]| {
        f.json_ld
            .iter()
            .flat_map(|b| &b.types)
            .any(|t| names.contains(&t.as_str()))
    };
    if matches!(og_type.as_str(), "article" | "blog") || ld(super::jsonld::ARTICLE_TYPES) {
        PageKind::Article
    } else if og_type.starts_with("product") || ld(&["Product"]) {
        PageKind::Product
    } else {
        PageKind::Other
    }
}

/// Normalises a URL for comparison: scheme and host lower case, default port, no fragment,
/// no trailing slash.
pub(crate) fn normalize_url(u: &str) -> Option<String> {
    let mut url = Url::parse(u.trim()).ok()?;
    url.set_fragment(None);
    let _ = url.set_port(None).ok().filter(|_| url.port().is_some());
    let scheme = if url.scheme() == "http" {
        "https".to_owned()
    } else {
        url.scheme().to_owned()
    };
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let path = url.path().trim_end_matches('/').to_owned();
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    Some(format!("{scheme}://{host}{path}{query}"))
}

const SINGLE_VALUED: &[&str] = &[
    "og:title",
    "og:url",
    "og:type",
    "og:description",
    "og:site_name",
    "og:locale",
    "og:determiner",
];

/// Runs every page rule.
pub(crate) fn check(f: &PageFeatures, opts: &AuditOptions, e: &mut Eval<'_>) {
    check_og(f, opts, e);
    check_twitter(f, e);
    check_canonical(f, e);
    check_discovery(f, e);
    check_share(f, e);
    check_profiles(f, e);
    check_jsonld(f, e);
    check_meta(f, e);
    check_tags(f, e);
    check_page(f, e);
}

/// How many key phrases the tag fixes propose.
pub const SUGGESTED_TAGS: usize = 5;

/// The tags proposed for a page: the key phrases ([`crate::tags::extract_tags`]) of its title,
/// description and main text (a word that a better phrase already holds left out), in the
/// page's language when `<html lang>` says English or French
/// (else the one the text's stop words vote for).
///
/// ```
/// use smo_core::audit::{rules::suggested_tags, scan::scan, ScanLimits};
/// let html = r#"<html lang="fr"><title>Draps en lin lavé</title><body><main><p>Nos draps en lin lavé
///   sont tissés en France. Le lin lavé devient plus doux à chaque lavage.</p></main></body></html>"#;
/// let f = scan(html.as_bytes(), "https://www.maisonlune.fr/journal/draps", &ScanLimits::default());
/// assert!(suggested_tags(&f).iter().any(|t| t == "lin lavé"));
/// ```
pub fn suggested_tags(f: &PageFeatures) -> Vec<String> {
    let title = f.og("og:title").or(f.title.as_deref()).unwrap_or_default();
    let description = f
        .og("og:description")
        .or(f.description.as_deref())
        .unwrap_or_default();
    let text = format!("{title}\n{description}\n{}", f.main_text);
    let lang = crate::listening::Lang::parse_opt(f.lang.as_deref())
        .ok()
        .flatten();
    // A word that a better phrase already holds ("linen" after "washed linen") adds nothing to
    // the page's tags.
    let mut kept: Vec<String> = Vec::new();
    for t in crate::tags::extract_tags(&text, lang, SUGGESTED_TAGS * 3) {
        let words: Vec<&str> = t.phrase.split(' ').collect();
        let covered = words.len() == 1
            && kept.iter().any(|k| {
                let held: Vec<&str> = k.split(' ').collect();
                words.iter().all(|w| held.contains(w))
            });
        if !covered {
            kept.push(t.phrase);
        }
        if kept.len() == SUGGESTED_TAGS {
            break;
        }
    }
    kept
}

/// The JSON-LD `"keywords"` value proposing `tags`.
pub(crate) fn keywords_value(tags: &[String]) -> String {
    serde_json::Value::String(tags.join(", ")).to_string()
}

fn check_tags(f: &PageFeatures, e: &mut Eval<'_>) {
    const TAG: &str = "tags/article-tag-missing";
    const KEYWORDS: &str = "tags/jsonld-keywords-missing";
    if page_kind(f) != PageKind::Article {
        e.na(TAG);
        e.na(KEYWORDS);
        return;
    }
    let articles: Vec<_> = f
        .json_ld
        .iter()
        .flat_map(|b| b.articles.iter().map(move |a| (b, a)))
        .collect();
    if articles.is_empty() {
        e.na(KEYWORDS);
    }
    let tag_missing = f.og("article:tag").is_none();
    let keywords_missing =
        !articles.is_empty() && articles.iter().all(|(_, a)| a.keywords.is_empty());
    if !(tag_missing && e.findings.enabled(TAG) || keywords_missing && e.findings.enabled(KEYWORDS))
    {
        return;
    }
    let tags = suggested_tags(f);
    let from = if tags.is_empty() {
        String::new()
    } else {
        format!(" (the page's key phrases: {})", tags.join(", "))
    };
    if tag_missing {
        let fix = if tags.is_empty() {
            "Add one <meta property=\"article:tag\" content=\"…\"> per topic of the article."
                .to_owned()
        } else {
            let lines: Vec<String> = tags
                .iter()
                .map(|t| {
                    format!(
                        "<meta property=\"article:tag\" content=\"{}\">",
                        htmlize::escape_attribute(t)
                    )
                })
                .collect();
            format!("Add to <head>{from}: {}", lines.join(" "))
        };
        e.fail(
            TAG,
            page_loc("meta[property=article:tag]"),
            "This article page has no article:tag.".into(),
            Some(fix),
        );
    }
    if keywords_missing {
        if let Some((block, article)) = articles.first() {
            let what = article.types.join("/");
            let fix = if tags.is_empty() {
                format!("Add \"keywords\": \"topic, topic\" to the {what} entity.")
            } else {
                format!(
                    "Add \"keywords\": {} to the {what} entity{from}.",
                    keywords_value(&tags)
                )
            };
            e.fail(
                KEYWORDS,
                at("script[type=application/ld+json]", &block.origin),
                format!("The JSON-LD {what} has no keywords."),
                Some(fix),
            );
        }
    }
}

fn social(m: &MetaTag) -> bool {
    m.key.starts_with("og:") || m.key.starts_with("twitter:") || m.key.starts_with("fb:")
}

fn check_og(f: &PageFeatures, opts: &AuditOptions, e: &mut Eval<'_>) {
    let og_tags: Vec<&MetaTag> = f.meta.iter().filter(|m| m.key.starts_with("og:")).collect();
    let has_og = og_tags.iter().any(|m| !m.value.is_empty());
    const OG_RULES: &[&str] = &[
        "og/missing-required",
        "og/description-missing",
        "og/site-name-missing",
        "og/uses-name-attribute",
        "og/outside-head",
        "og/duplicate-single-valued",
        "og/structured-orphan",
        "fb/app-id-missing",
    ];
    if !has_og {
        e.fail(
            "og/missing-all",
            page_loc("head"),
            "The page has no Open Graph tags: shared links get a preview guessed from the page, or none.".into(),
            Some("Add og:title, og:type, og:image and og:url in <head> (see the fix block).".into()),
        );
        for r in OG_RULES {
            e.na(r);
        }
    } else {
        let required = ["og:title", "og:type", "og:image", "og:url"];
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|k| f.og(k).is_none())
            .collect();
        e.score(
            "og/missing-required",
            (required.len() - missing.len()) as f64 / required.len() as f64,
        );
        if !missing.is_empty() {
            e.fail(
                "og/missing-required",
                page_loc("head"),
                format!(
                    "Required Open Graph properties missing: {}.",
                    missing.join(", ")
                ),
                Some(format!(
                    "Add {} with property= in <head>.",
                    missing
                        .iter()
                        .map(|k| format!("<meta property=\"{k}\" content=\"…\">"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
        if f.og("og:description").is_none() {
            e.fail(
                "og/description-missing",
                page_loc("head"),
                "No og:description: the preview has no summary.".into(),
                Some("Add one or two sentences in <meta property=\"og:description\">.".into()),
            );
        }
        if f.og("og:site_name").is_none() {
            e.fail(
                "og/site-name-missing",
                page_loc("head"),
                "No og:site_name: the preview does not name the brand.".into(),
                Some("Add <meta property=\"og:site_name\" content=\"Brand\">.".into()),
            );
        }
        for m in og_tags.iter().filter(|m| m.key_attribute != "property") {
            e.fail(
                "og/uses-name-attribute",
                meta_loc(m),
                format!("{} is declared with {}= instead of property=; extruct and other spec parsers ignore it.", m.key, m.key_attribute),
                Some(format!("Write <meta property=\"{}\" content=\"…\">.", m.key)),
            );
        }
        for m in og_tags.iter().filter(|m| !m.origin.in_head) {
            e.fail(
                "og/outside-head",
                meta_loc(m),
                format!(
                    "{} is in the body (line {}); head-only readers miss it.",
                    m.key, m.origin.span.line
                ),
                Some("Move the tag into <head>.".into()),
            );
        }
        for key in SINGLE_VALUED {
            let tags: Vec<&&MetaTag> = og_tags
                .iter()
                .filter(|m| m.key == *key && !m.value.is_empty())
                .collect();
            if tags.len() > 1 {
                let distinct: BTreeSet<&str> = tags.iter().map(|m| m.value.as_str()).collect();
                let msg = if distinct.len() > 1 {
                    format!(
                        "{key} appears {} times with different values (\"{}\" first, \"{}\" last): Open Graph readers take the first, others the last.",
                        tags.len(),
                        tags[0].value,
                        tags[tags.len() - 1].value
                    )
                } else {
                    format!("{key} appears {} times with the same value.", tags.len())
                };
                e.fail(
                    "og/duplicate-single-valued",
                    meta_loc(tags[1]),
                    msg,
                    Some(format!("Keep one {key}.")),
                );
            }
        }
        for m in &f.og_orphans {
            e.fail(
                "og/structured-orphan",
                meta_loc(m),
                format!(
                    "{} comes before any root tag and attaches to nothing.",
                    m.key
                ),
                Some("Put the structured property after its og:image/og:video/og:audio.".into()),
            );
        }
        if !f.open_graph.contains_key("fb:app_id") {
            e.fail(
                "fb/app-id-missing",
                page_loc("head"),
                "No fb:app_id (Facebook's debugger: Share App ID Missing); only needed for Facebook Insights and plugins.".into(),
                Some("Add <meta property=\"fb:app_id\" content=\"…\"> if you use Facebook Insights.".into()),
            );
        }
    }
    // og:url
    let og_url = f.meta_of("og:url").find(|m| !m.value.is_empty());
    match og_url {
        None => {
            e.na("og/url-not-absolute");
            e.na("og/url-canonical-mismatch");
            e.na("og/url-cross-domain");
        }
        Some(m) => {
            let parsed = Url::parse(&m.value)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"));
            match &parsed {
                None => e.fail(
                    "og/url-not-absolute",
                    meta_loc(m),
                    format!("og:url \"{}\" is not an absolute http(s) URL.", m.value),
                    Some(format!(
                        "Use the absolute canonical URL{}.",
                        f.canonical
                            .as_deref()
                            .map(|c| format!(": {c}"))
                            .unwrap_or_default()
                    )),
                ),
                Some(u) => {
                    let page_host = Url::parse(&f.url)
                        .ok()
                        .and_then(|p| p.host_str().map(str::to_ascii_lowercase));
                    let host = u.host_str().map(str::to_ascii_lowercase);
                    let bare = |h: &Option<String>| {
                        h.as_deref()
                            .map(|h| h.strip_prefix("www.").unwrap_or(h).to_owned())
                    };
                    let allowed = host.as_deref().is_some_and(|h| {
                        opts.allowed_hosts.iter().any(|a| a.eq_ignore_ascii_case(h))
                    });
                    if page_host.is_some() && bare(&page_host) != bare(&host) && !allowed {
                        e.fail(
                            "og/url-cross-domain",
                            meta_loc(m),
                            format!(
                                "og:url is on {} but the page is on {}: Facebook ignores it unless the domain is allow-listed.",
                                host.unwrap_or_default(),
                                page_host.unwrap_or_default()
                            ),
                            Some("Point og:url at this page's own URL, or allow-list the domain in Facebook.".into()),
                        );
                    }
                }
            }
            match f.canonical.as_deref() {
                None => e.na("og/url-canonical-mismatch"),
                Some(c) => {
                    let resolved = Url::parse(&f.url)
                        .ok()
                        .and_then(|b| b.join(&m.value).ok())
                        .map(String::from)
                        .unwrap_or_else(|| m.value.clone());
                    if normalize_url(&resolved) != normalize_url(c) {
                        e.fail(
                            "og/url-canonical-mismatch",
                            meta_loc(m),
                            format!("og:url \"{}\" differs from the canonical \"{c}\": shares and search count different URLs.", m.value),
                            Some(format!("Set og:url to {c}.")),
                        );
                    }
                }
            }
        }
    }
    check_og_images(f, opts, e);
    // og:type
    match f.meta_of("og:type").find(|m| !m.value.is_empty()) {
        None => e.na("og/type-invalid"),
        Some(m) => {
            let v = m.value.to_ascii_lowercase();
            if !facts::OG_TYPES.contains(&v.as_str()) && !v.contains(':') {
                e.fail(
                    "og/type-invalid",
                    meta_loc(m),
                    format!("og:type \"{}\" is not an Open Graph type.", m.value),
                    Some("Use website, article, product, profile, video.other….".into()),
                );
            }
        }
    }
    // og:locale
    let locales: Vec<&MetaTag> = f
        .meta
        .iter()
        .filter(|m| (m.key == "og:locale" || m.key == "og:locale:alternate") && !m.value.is_empty())
        .collect();
    if locales.is_empty() {
        e.na("og/locale-invalid");
    }
    for m in locales {
        if !is_locale(&m.value) {
            e.fail(
                "og/locale-invalid",
                meta_loc(m),
                format!(
                    "{} \"{}\" is not in the language_TERRITORY form.",
                    m.key, m.value
                ),
                Some("Write it like fr_FR or en_US.".into()),
            );
        }
    }
    // article times
    let times: Vec<&MetaTag> = f
        .meta
        .iter()
        .filter(|m| {
            m.key.starts_with("article:") && m.key.ends_with("_time") && !m.value.is_empty()
        })
        .collect();
    if times.is_empty() {
        e.na("og/article-time-invalid");
    }
    for m in times {
        if !is_iso8601(&m.value) {
            e.fail(
                "og/article-time-invalid",
                meta_loc(m),
                format!("{} \"{}\" is not an ISO 8601 date.", m.key, m.value),
                Some("Write it like 2026-11-21 or 2026-11-21T09:30:00+01:00.".into()),
            );
        }
    }
    // Pinterest
    let is_article = page_kind(f) == PageKind::Article;
    let authors: Vec<&MetaTag> = f
        .meta_of("article:author")
        .filter(|m| !m.value.is_empty())
        .collect();
    if !is_article || authors.is_empty() {
        e.na("pinterest/author-is-url");
    } else {
        for m in authors {
            if m.value.starts_with("http://") || m.value.starts_with("https://") {
                e.fail(
                    "pinterest/author-is-url",
                    meta_loc(m),
                    format!(
                        "article:author is a URL ({}); Pinterest shows it as the author's name.",
                        m.value
                    ),
                    Some(
                        "Consider the author's name (OGP wants a profile URL: a trade-off).".into(),
                    ),
                );
            }
        }
    }
    if let Some(m) = f
        .meta
        .iter()
        .find(|m| m.key == "pinterest-rich-pin" && m.value.eq_ignore_ascii_case("false"))
    {
        e.fail(
            "pinterest/rich-pins-disabled",
            meta_loc(m),
            "The page opts out of Pinterest Rich Pins.".into(),
            Some("Remove pinterest-rich-pin=false unless the opt-out is intended.".into()),
        );
    }
}

fn is_locale(v: &str) -> bool {
    let Some((l, t)) = v.split_once('_') else {
        return false;
    };
    (2..=3).contains(&l.len())
        && l.bytes().all(|b| b.is_ascii_lowercase())
        && t.len() == 2
        && t.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_iso8601(v: &str) -> bool {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let v = v.trim();
    DateTime::parse_from_rfc3339(v).is_ok()
        || NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()
        || NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S").is_ok()
        || NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M").is_ok()
        || DateTime::parse_from_str(v, "%Y-%m-%dT%H:%M%:z").is_ok()
        || DateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S%z").is_ok()
}

fn size(consumer: &str, purpose: &str) -> Option<(u32, u32, &'static str)> {
    facts::image_size(consumer, purpose).map(|s| (s.width, s.height, s.source))
}

fn check_og_images(f: &PageFeatures, opts: &AuditOptions, e: &mut Eval<'_>) {
    const IMAGE_RULES: &[&str] = &[
        "og/image-not-absolute",
        "og/image-data-uri",
        "og/image-insecure",
        "og/image-missing-dimensions",
        "og/image-dimension-invalid",
        "og/image-too-small",
        "og/image-ratio",
        "og/image-missing-alt",
        "linkedin/image-below-recommended",
    ];
    if f.og_images.is_empty() {
        for r in IMAGE_RULES {
            e.na(r);
        }
        return;
    }
    let page_https = f.url.starts_with("https://");
    for img in &f.og_images {
        let Some(url) = img.url.as_deref() else {
            continue;
        };
        let loc = img.origin.as_ref().map_or_else(
            || page_loc("og:image"),
            |o| at("meta[property=og:image]", o),
        );
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("data:") {
            e.fail(
                "og/image-data-uri",
                loc.clone(),
                "og:image is a data: URI; crawlers reject it.".into(),
                Some("Host the image and give its absolute https URL.".into()),
            );
        } else if lower.starts_with("//") {
            e.fail_as(
                "og/image-not-absolute",
                Some(Severity::Notice),
                loc.clone(),
                format!("og:image \"{url}\" is protocol-relative."),
                Some(format!(
                    "Write the scheme: {}.",
                    img.resolved.as_deref().unwrap_or("https:…")
                )),
            );
        } else if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            e.fail(
                "og/image-not-absolute",
                loc.clone(),
                format!("og:image \"{url}\" is relative; Facebook does not resolve it."),
                Some(format!(
                    "Use the absolute URL{}.",
                    img.resolved
                        .as_deref()
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default()
                )),
            );
        } else if page_https && lower.starts_with("http://") && img.secure_url.is_none() {
            e.fail(
                "og/image-insecure",
                loc.clone(),
                format!("og:image \"{url}\" is http: on an https page."),
                Some("Serve the image over https (or add og:image:secure_url).".into()),
            );
        }
        for (name, v) in [("width", &img.width), ("height", &img.height)] {
            if let Some(v) = v {
                if crate::audit::features::positive_int(v).is_none() {
                    e.fail(
                        "og/image-dimension-invalid",
                        loc.clone(),
                        format!("og:image:{name} \"{v}\" is not a positive integer."),
                        Some(format!("Write the {name} in pixels, digits only.")),
                    );
                }
            }
        }
    }
    // Size rules read the first image: the one consumers use.
    let first = &f.og_images[0];
    let loc = first.origin.as_ref().map_or_else(
        || page_loc("og:image"),
        |o| at("meta[property=og:image]", o),
    );
    if first.width.is_none() || first.height.is_none() {
        e.fail(
            "og/image-missing-dimensions",
            loc.clone(),
            "The first og:image declares no og:image:width/og:image:height: Facebook shows the first share without it.".into(),
            Some("Add <meta property=\"og:image:width\"> and og:image:height with the image's pixel size.".into()),
        );
    }
    if first.alt.is_none() {
        e.fail(
            "og/image-missing-alt",
            loc.clone(),
            "The first og:image has no og:image:alt.".into(),
            Some("Describe the image in <meta property=\"og:image:alt\">.".into()),
        );
    }
    match (first.width_px(), first.height_px()) {
        (Some(w), Some(h)) => {
            let min = size("facebook", "minimum");
            let large = size("facebook", "large");
            let rec = size("facebook", "recommended");
            let below = |s: Option<(u32, u32, &str)>| s.is_some_and(|(sw, sh, _)| w < sw || h < sh);
            let level = if below(min) {
                Some((Severity::Error, min, "the minimum: the image is dropped"))
            } else if below(large) {
                Some((
                    Severity::Warning,
                    large,
                    "the large-card size: the preview shrinks to a thumbnail",
                ))
            } else if below(rec) {
                Some((Severity::Notice, rec, "the recommended size"))
            } else {
                None
            };
            if let Some((sev, Some((sw, sh, _)), what)) = level {
                let (rw, rh) = rec.map_or((sw, sh), |(a, b, _)| (a, b));
                e.fail_as(
                    "og/image-too-small",
                    Some(sev),
                    loc.clone(),
                    format!("og:image is {w}×{h}, below Facebook's {sw}×{sh}, {what}."),
                    Some(format!("Use a {rw}×{rh} image.")),
                );
            }
            let ratio = facts::PREVIEW_RATIO;
            let target = f64::from(ratio.width) / f64::from(ratio.height);
            let actual = f64::from(w) / f64::from(h);
            if (actual / target - 1.0).abs() > opts.ratio_tolerance {
                e.fail(
                    "og/image-ratio",
                    loc.clone(),
                    format!("og:image is {w}×{h} ({actual:.2}:1); previews crop to {target:.2}:1."),
                    Some("Crop to 1.91:1 (1200×630).".into()),
                );
            }
            match size("linkedin", "recommended") {
                Some((lw, lh, _)) if w < lw || h < lh => e.fail(
                    "linkedin/image-below-recommended",
                    loc,
                    format!("og:image is {w}×{h}, below LinkedIn's recommended {lw}×{lh}."),
                    Some(format!("Use at least {lw}×{lh}.")),
                ),
                _ => {}
            }
        }
        _ => {
            e.na("og/image-too-small");
            e.na("og/image-ratio");
            e.na("linkedin/image-below-recommended");
        }
    }
}

fn x_limit(field: &str) -> Option<usize> {
    facts::text_limit("x", field).map(|l| l.max_chars)
}

fn check_twitter(f: &PageFeatures, e: &mut Eval<'_>) {
    let cards: Vec<&MetaTag> = f
        .meta_of("twitter:card")
        .filter(|m| !m.value.is_empty())
        .collect();
    let card = cards.last().map(|m| m.value.to_ascii_lowercase());
    match &card {
        None => {
            let fallback = f.og("og:title").is_some()
                && f.og("og:description").is_some()
                && f.og("og:type").is_some();
            e.fail_as(
                "twitter/card-missing",
                (!fallback).then_some(Severity::Warning),
                page_loc("head"),
                if fallback {
                    "No twitter:card: X falls back to a small summary card from the og: tags."
                        .into()
                } else {
                    "No twitter:card, and the og: fallback is incomplete: X shows a bare link."
                        .into()
                },
                Some("Add <meta name=\"twitter:card\" content=\"summary_large_image\">.".into()),
            );
            e.na("twitter/card-invalid");
            e.na("twitter/card-duplicate");
            e.na("twitter/site-missing");
        }
        Some(c) => {
            let types = &facts::X_CARD_TYPES;
            if !types.supported.contains(&c.as_str()) {
                let retired = types.retired.contains(&c.as_str());
                if let Some(m) = cards.last() {
                    e.fail(
                        "twitter/card-invalid",
                        meta_loc(m),
                        format!(
                            "twitter:card \"{}\" is {}; X shows no card.",
                            m.value,
                            if retired {
                                "a retired card type"
                            } else {
                                "not a card type"
                            }
                        ),
                        Some("Use summary_large_image (or summary, app, player).".into()),
                    );
                }
            }
            if cards.len() > 1 {
                let values: Vec<&str> = cards.iter().map(|m| m.value.as_str()).collect();
                e.fail(
                    "twitter/card-duplicate",
                    meta_loc(cards[1]),
                    format!(
                        "{} twitter:card tags ({}); X reads the last.",
                        cards.len(),
                        values.join(", ")
                    ),
                    Some("Keep one twitter:card.".into()),
                );
            }
            if f.tw("twitter:site").is_none() && f.tw("twitter:site:id").is_none() {
                e.fail(
                    "twitter/site-missing",
                    page_loc("head"),
                    "The card names no @account for the site.".into(),
                    Some("Add <meta name=\"twitter:site\" content=\"@handle\">.".into()),
                );
            }
        }
    }
    let tw_tags: Vec<&MetaTag> = f
        .meta
        .iter()
        .filter(|m| m.key.starts_with("twitter:"))
        .collect();
    if tw_tags.is_empty() {
        e.na("twitter/uses-property-attribute");
    }
    for m in tw_tags.iter().filter(|m| m.key_attribute == "property") {
        e.fail(
            "twitter/uses-property-attribute",
            meta_loc(m),
            format!(
                "{} uses property=; X documents name= (Facebook flags it as Extraneous Property).",
                m.key
            ),
            Some(format!("Write <meta name=\"{}\" content=\"…\">.", m.key)),
        );
    }
    for (rule, field, value, source) in [
        (
            "twitter/title-too-long",
            "title",
            f.effective_x_title(),
            if f.tw("twitter:title").is_some() {
                "twitter:title"
            } else {
                "og:title"
            },
        ),
        (
            "twitter/description-too-long",
            "description",
            f.effective_x_description(),
            if f.tw("twitter:description").is_some() {
                "twitter:description"
            } else {
                "og:description"
            },
        ),
        (
            "twitter/image-alt-too-long",
            "image_alt",
            f.tw("twitter:image:alt"),
            "twitter:image:alt",
        ),
    ] {
        match (value, x_limit(field)) {
            (Some(v), Some(max)) => {
                let n = v.chars().count();
                if n > max {
                    e.fail(
                        rule,
                        page_loc(source),
                        format!(
                            "The {} X shows ({source}) is {n} characters; X shows {max}.",
                            field.replace('_', " ")
                        ),
                        Some(format!("Shorten {source} to {max} characters or fewer.")),
                    );
                }
            }
            _ => e.na(rule),
        }
    }
    let image = f
        .tw("twitter:image")
        .or_else(|| f.tw("twitter:image:src"))
        .map(|i| (i, None))
        .or_else(|| {
            f.og_images
                .first()
                .and_then(|i| i.url.as_deref().map(|u| (u, i.mime_type.as_deref())))
        });
    match image {
        None => e.na("twitter/image-svg"),
        Some((url, mime)) => {
            let path = url
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if path.ends_with(".svg")
                || mime.is_some_and(|m| m.eq_ignore_ascii_case("image/svg+xml"))
            {
                e.fail(
                    "twitter/image-svg",
                    page_loc("twitter:image"),
                    format!("The card image \"{url}\" is SVG; X does not render it."),
                    Some("Use a PNG, JPG or WEBP image.".into()),
                );
            }
        }
    }
    // Declared size: twitter:image:width/height, else the og:image X falls back to.
    let dims = match (f.tw("twitter:image:width"), f.tw("twitter:image:height")) {
        (Some(w), Some(h)) => {
            crate::audit::features::positive_int(w).zip(crate::audit::features::positive_int(h))
        }
        _ if f.tw("twitter:image").is_none() => f
            .og_images
            .first()
            .and_then(|i| i.width_px().zip(i.height_px())),
        _ => None,
    };
    let purpose = match card.as_deref() {
        Some("summary") => Some("summary"),
        Some("summary_large_image") => Some("summary_large_image"),
        _ => None,
    };
    match (dims, purpose.and_then(|p| size("x", p).map(|s| (p, s)))) {
        (Some((w, h)), Some((p, (mw, mh, _)))) => {
            if w < mw || h < mh {
                e.fail(
                    "twitter/image-too-small",
                    page_loc("twitter:image"),
                    format!("The card image is {w}×{h}, below X's {mw}×{mh} for {p}."),
                    Some(format!("Use at least {mw}×{mh}.")),
                );
            }
        }
        _ => e.na("twitter/image-too-small"),
    }
    if card.as_deref() == Some("player") {
        let player = f.tw("twitter:player");
        let sized =
            f.tw("twitter:player:width").is_some() && f.tw("twitter:player:height").is_some();
        if !player.is_some_and(|p| p.starts_with("https://")) || !sized {
            e.fail(
                "twitter/player-not-https",
                page_loc("twitter:player"),
                format!(
                    "The player card {}.",
                    match player {
                        None => "has no twitter:player".to_owned(),
                        Some(p) if !p.starts_with("https://") =>
                            format!("player \"{p}\" is not https"),
                        _ => "player has no twitter:player:width/height".to_owned(),
                    }
                ),
                Some("Give an https twitter:player with twitter:player:width and :height.".into()),
            );
        }
    } else {
        e.na("twitter/player-not-https");
    }
}

fn check_canonical(f: &PageFeatures, e: &mut Eval<'_>) {
    const RULES_C: &[&str] = &[
        "canonical/invalid",
        "canonical/relative",
        "canonical/multiple-conflicting",
        "canonical/points-to-root",
        "canonical/points-to-other-hreflang",
        "canonical/in-body",
    ];
    if f.canonicals.is_empty() {
        e.fail(
            "canonical/missing",
            page_loc("head"),
            "No canonical URL.".into(),
            Some(format!("Add <link rel=\"canonical\" href=\"{}\">.", f.url)),
        );
        for r in RULES_C {
            e.na(r);
        }
        return;
    }
    for c in &f.canonicals {
        let loc = at("link[rel=canonical]", &c.origin);
        if c.url.is_none() {
            e.fail(
                "canonical/invalid",
                loc.clone(),
                format!("The canonical \"{}\" is not a valid URL.", c.href),
                Some("Give the page's absolute URL.".into()),
            );
        } else if Url::parse(&c.href).is_err() {
            e.fail(
                "canonical/relative",
                loc.clone(),
                format!("The canonical \"{}\" is relative.", c.href),
                Some(format!(
                    "Write it absolute: {}.",
                    c.url.as_deref().unwrap_or_default()
                )),
            );
        }
        if !c.origin.in_head {
            e.fail(
                "canonical/in-body",
                loc,
                "The canonical link is in the body; search engines and Lighthouse ignore it there."
                    .into(),
                Some("Move it into <head>.".into()),
            );
        }
    }
    let distinct: BTreeSet<String> = f
        .canonicals
        .iter()
        .filter_map(|c| c.url.as_deref().and_then(normalize_url))
        .collect();
    if distinct.len() > 1 {
        if let Some(second) = f.canonicals.get(1) {
            e.fail(
                "canonical/multiple-conflicting",
                at("link[rel=canonical]", &second.origin),
                format!(
                    "{} different canonical URLs: {}.",
                    distinct.len(),
                    f.canonicals
                        .iter()
                        .map(|c| c.href.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some("Keep one canonical link.".into()),
            );
        }
    }
    if let (Some(c), Ok(page)) = (f.canonical.as_deref(), Url::parse(&f.url)) {
        if let Ok(cu) = Url::parse(c) {
            let deep = !page.path().trim_end_matches('/').is_empty();
            if deep && cu.path() == "/" && cu.query().is_none() {
                e.fail(
                    "canonical/points-to-root",
                    page_loc("link[rel=canonical]"),
                    format!("The canonical of {} is the site root {c}.", f.url),
                    Some(format!(
                        "Point the canonical at the page itself: {}.",
                        f.url
                    )),
                );
            }
        }
        let norm = normalize_url(c);
        let page_norm = normalize_url(&f.url);
        let other_lang = f.hreflang.iter().find(|h| {
            h.lang != "x-default"
                && h.link.url.as_deref().and_then(normalize_url) == norm
                && norm != page_norm
                && f.lang
                    .as_deref()
                    .is_none_or(|l| !l.eq_ignore_ascii_case(&h.lang))
        });
        if let Some(h) = other_lang {
            e.fail(
                "canonical/points-to-other-hreflang",
                page_loc("link[rel=canonical]"),
                format!(
                    "The canonical {c} is the page's `{}` alternate, another language.",
                    h.lang
                ),
                Some(format!(
                    "Point the canonical at this language's URL: {}.",
                    f.url
                )),
            );
        }
    }
}

fn check_discovery(f: &PageFeatures, e: &mut Eval<'_>) {
    let article = page_kind(f) == PageKind::Article;
    if !article {
        e.na("feed/missing");
        e.na("oembed/missing");
    } else {
        if f.feeds.is_empty() {
            e.fail(
                "feed/missing",
                page_loc("head"),
                "This article page links no RSS, Atom or JSON Feed.".into(),
                Some("Add <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\" title=\"…\">.".into()),
            );
        }
        if f.oembed.is_empty() {
            e.fail(
                "oembed/missing",
                page_loc("head"),
                "This article page has no oEmbed discovery link.".into(),
                Some(
                    "Add <link rel=\"alternate\" type=\"application/json+oembed\" href=\"…\">."
                        .into(),
                ),
            );
        }
    }
    if f.oembed.is_empty() {
        e.na("oembed/invalid-type");
        e.na("oembed/outside-head");
    }
    for o in &f.oembed {
        let loc = at("link[rel=alternate]", &o.link.origin);
        if !o.valid_type {
            e.fail(
                "oembed/invalid-type",
                loc.clone(),
                format!("oEmbed discovery type \"{}\" is not standard.", o.mime_type),
                Some("Use application/json+oembed.".into()),
            );
        }
        if !o.link.origin.in_head {
            e.fail(
                "oembed/outside-head",
                loc,
                "The oEmbed discovery link is in the body; WordPress reads the head only.".into(),
                Some("Move it into <head>.".into()),
            );
        }
    }
    if !f.icons.iter().any(|i| i.rel == "icon") {
        e.fail(
            "icon/missing-favicon",
            page_loc("head"),
            "No favicon declared (link rel=icon).".into(),
            Some("Add <link rel=\"icon\" href=\"/favicon.ico\" sizes=\"any\">.".into()),
        );
    }
    if !f.icons.iter().any(|i| i.rel == "apple-touch-icon") {
        e.fail(
            "icon/missing-apple-touch-icon",
            page_loc("head"),
            "No apple-touch-icon.".into(),
            Some(
                "Add <link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\"> (180×180 PNG)."
                    .into(),
            ),
        );
    }
}

fn check_share(f: &PageFeatures, e: &mut Eval<'_>) {
    let kind = page_kind(f);
    if kind == PageKind::Other {
        e.na("share/none");
    } else if f.share_links.is_empty() && f.share_scripts.is_empty() {
        e.fail(
            "share/none",
            page_loc("body"),
            format!(
                "This {} page offers no share link.",
                if kind == PageKind::Article { "article" } else { "product" }
            ),
            Some("Add plain share links (no script needed): X intent, Facebook, LinkedIn share-offsite, Pinterest, WhatsApp, e-mail.".into()),
        );
    }
    if f.share_links.is_empty() {
        e.na("share/deprecated-endpoint");
        e.na("share/insecure-endpoint");
    }
    let mut x_links = 0;
    for s in &f.share_links {
        let loc = at("a[href]", &s.origin);
        if s.status == EndpointStatus::Deprecated {
            let current = crate::share::preferred(&s.network).map(|r| r.url_prefix());
            e.fail(
                "share/deprecated-endpoint",
                loc.clone(),
                format!(
                    "The {} share link uses a retired endpoint: {}.",
                    s.network, s.href
                ),
                Some(match current {
                    Some(c) => format!("Use {c}."),
                    None => "Remove the link: the network closed its share endpoint.".into(),
                }),
            );
        }
        if s.insecure {
            e.fail(
                "share/insecure-endpoint",
                loc.clone(),
                format!("The {} share link uses http: ({}).", s.network, s.href),
                Some("Use https.".into()),
            );
        }
        if s.network == "x" {
            x_links += 1;
            let text = format!(
                "{} {}",
                s.text.as_deref().unwrap_or_default(),
                s.shared_url.as_deref().unwrap_or_default()
            );
            // Counted as X counts a post (twitter-text v3), the text module's one configuration.
            let config = crate::text::XConfig::V3;
            let weight = crate::text::parse_x(text.trim(), &config).weighted_length;
            let max = u64::from(config.max_weighted_tweet_length);
            if weight > max {
                e.fail(
                    "share/x-intent-too-long",
                    loc,
                    format!("The X share text and URL weigh {weight}; a post holds {max}."),
                    Some("Shorten the text parameter.".into()),
                );
            }
        }
    }
    if x_links == 0 {
        e.na("share/x-intent-too-long");
    }
}

/// Handles the page names per network, from profile links, `sameAs` and `twitter:site`, with
/// where each comes from.
pub(crate) fn named_handles(f: &PageFeatures) -> BTreeMap<Network, Vec<(String, String)>> {
    let mut out: BTreeMap<Network, Vec<(String, String)>> = BTreeMap::new();
    for p in &f.profiles {
        out.entry(p.network)
            .or_default()
            .push((p.handle.clone(), format!("link {}", p.url)));
    }
    for block in &f.json_ld {
        for ent in &block.entities {
            for s in &ent.same_as {
                if let Some((n, h)) = super::scan::profile_of(s, false) {
                    out.entry(n).or_default().push((h, format!("sameAs {s}")));
                }
            }
        }
    }
    if let Some(site) = f.tw("twitter:site") {
        let h = site.trim_start_matches('@');
        if !h.is_empty() {
            out.entry(Network::X)
                .or_default()
                .push((h.to_owned(), "twitter:site".into()));
        }
    }
    out
}

fn check_profiles(f: &PageFeatures, e: &mut Eval<'_>) {
    let same_as = f
        .json_ld
        .iter()
        .flat_map(|b| &b.entities)
        .any(|e| !e.same_as.is_empty());
    if f.profiles.is_empty() && !same_as {
        e.fail(
            "profiles/none",
            page_loc("body"),
            "The page links none of the brand's social profiles and declares no sameAs.".into(),
            Some("Link the profiles (footer) and list them in the Organization's sameAs.".into()),
        );
    }
    let handles = named_handles(f);
    if handles.is_empty() {
        e.na("profiles/handle-mismatch");
    }
    for (network, list) in handles {
        let distinct: BTreeSet<String> = list
            .iter()
            .map(|(h, _)| crate::handle::check(network, h).normalized)
            .collect();
        if distinct.len() > 1 {
            e.fail(
                "profiles/handle-mismatch",
                page_loc(network.as_str()),
                format!(
                    "The page names {} different {} handles: {}.",
                    distinct.len(),
                    network.info().name,
                    list.iter()
                        .map(|(h, src)| format!("{h} ({src})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some(format!(
                    "Use one {} handle everywhere.",
                    network.info().name
                )),
            );
        }
    }
}

fn check_jsonld(f: &PageFeatures, e: &mut Eval<'_>) {
    if f.json_ld.is_empty() {
        e.na("jsonld/parse-error");
        e.na("jsonld/truncated");
    }
    let mut orgs = 0;
    let mut same_as = 0;
    for b in &f.json_ld {
        let loc = at("script[type=application/ld+json]", &b.origin);
        if let Some(err) = &b.error {
            e.fail(
                "jsonld/parse-error",
                loc.clone(),
                format!("A JSON-LD block does not parse: {err}."),
                Some(
                    "Fix the JSON (no comments, no trailing commas, escape control characters)."
                        .into(),
                ),
            );
        }
        if b.truncated {
            e.fail(
                "jsonld/truncated",
                loc.clone(),
                format!(
                    "A JSON-LD block is larger than the scan's cap ({} bytes kept).",
                    b.bytes
                ),
                Some("Trim the block.".into()),
            );
        }
        for ent in &b.entities {
            orgs += 1;
            let person = ent.types.iter().any(|t| t == "Person");
            let mut missing = Vec::new();
            if ent.name.is_none() {
                missing.push("name");
            }
            if ent.url.is_none() {
                missing.push("url");
            }
            if !person && ent.logo.is_none() {
                missing.push("logo");
            }
            if !missing.is_empty() {
                e.fail(
                    "jsonld/org-incomplete",
                    loc.clone(),
                    format!(
                        "The {} {} lacks {}.",
                        ent.types.join("/"),
                        ent.name
                            .as_deref()
                            .map(|n| format!("\"{n}\""))
                            .unwrap_or_default(),
                        missing.join(", ")
                    ),
                    Some(format!("Add {} to the JSON-LD entity.", missing.join(", "))),
                );
            }
            for s in &ent.same_as {
                same_as += 1;
                let ok = Url::parse(s).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
                if !ok {
                    e.fail(
                        "jsonld/sameas-invalid",
                        loc.clone(),
                        format!("sameAs \"{s}\" is not an absolute http(s) URL."),
                        Some(
                            "List full profile URLs, such as https://www.instagram.com/brand/."
                                .into(),
                        ),
                    );
                }
            }
        }
    }
    if orgs == 0 {
        e.na("jsonld/org-incomplete");
    }
    if same_as == 0 {
        e.na("jsonld/sameas-invalid");
    }
}

fn check_meta(f: &PageFeatures, e: &mut Eval<'_>) {
    let tags: Vec<&MetaTag> = f.meta.iter().filter(|m| social(m)).collect();
    if tags.is_empty() {
        e.na("meta/value-instead-of-content");
        e.na("meta/only-in-noscript");
        e.na("meta/empty-content");
        return;
    }
    for m in &tags {
        if m.value_attribute == "value" {
            e.fail(
                "meta/value-instead-of-content",
                meta_loc(m),
                format!(
                    "{} puts its value in value= instead of content=; spec parsers read nothing.",
                    m.key
                ),
                Some(format!(
                    "Write <meta {}=\"{}\" content=\"{}\">.",
                    m.key_attribute, m.key, m.value
                )),
            );
        } else if m.value.is_empty() {
            e.fail(
                "meta/empty-content",
                meta_loc(m),
                format!("{} is empty; it counts as absent.", m.key),
                Some("Fill it or remove it.".into()),
            );
        }
    }
    if tags.iter().all(|m| m.origin.in_noscript) {
        e.fail(
            "meta/only-in-noscript",
            meta_loc(tags[0]),
            format!(
                "All {} social tags are inside <noscript>; scripting-on parsers see them as text.",
                tags.len()
            ),
            Some("Move the tags out of <noscript> into <head>.".into()),
        );
    }
}

fn check_page(f: &PageFeatures, e: &mut Eval<'_>) {
    if f.title.as_deref().is_none_or(str::is_empty) {
        e.fail(
            "page/title-missing",
            page_loc("head"),
            "The page has no <title>.".into(),
            Some("Add a <title> of 50–60 characters.".into()),
        );
    }
    if !f.parse.complete {
        e.fail(
            "page/parse-incomplete",
            page_loc("page"),
            format!(
                "The scan stopped early: {}. The results cover the part before.",
                f.parse.error.as_deref().unwrap_or("unknown reason")
            ),
            Some("Check the page for a huge attribute or inline blob; results are partial.".into()),
        );
    }
    if let Some(why) = &f.parse.fallback {
        e.fail(
            "page/parser-fallback",
            page_loc("page"),
            format!(
                "The streaming parser gave up ({why}); the page was read completely by the \
                 html5ever tokenizer."
            ),
            Some(
                "Move megabytes of inline data (data: URLs, serialized state) out of tags and \
                 comments into files."
                    .into(),
            ),
        );
    }
    if let Some(at_byte) = f.parse.invalid_utf8_at {
        e.fail(
            "page/invalid-encoding",
            Location {
                path: Some("page".into()),
                span: Some(crate::Span {
                    start_byte: at_byte,
                    end_byte: at_byte + 1,
                    line: 0,
                    column: 0,
                }),
                page: None,
            },
            format!("The page is not valid UTF-8 (first bad byte at offset {at_byte}) and declares no other charset."),
            Some("Serve UTF-8, or declare the real charset in <meta charset> within the first 1024 bytes.".into()),
        );
    }
    if f.parse.max_depth > 512 {
        e.fail(
            "page/deep-nesting",
            page_loc("page"),
            format!(
                "Elements nest about {} deep; browsers stop at 512.",
                f.parse.max_depth
            ),
            Some("Close the elements the template leaves open.".into()),
        );
    }
    if f.parse.truncated_values > 0 {
        e.fail(
            "page/value-truncated",
            page_loc("page"),
            format!(
                "{} attribute values were longer than the scan keeps and were cut.",
                f.parse.truncated_values
            ),
            Some("Look for inline data in attributes of meta, link or a elements.".into()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_ids_are_unique_and_families_known() {
        let mut seen = BTreeSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate {}", r.id);
            assert!(!r.source.is_empty());
        }
        for (id, _) in WEIGHTS {
            assert!(RULES.iter().any(|r| r.id == *id), "{id}");
        }
    }

    fn audit(html: &str) -> super::super::PageAudit {
        super::super::audit_page(
            html.as_bytes(),
            "https://www.maisonlune.fr/journal/lin",
            &AuditOptions::default(),
        )
        .unwrap()
    }

    fn status(a: &super::super::PageAudit, rule: &str) -> Status {
        a.outcomes.iter().find(|o| o.rule == rule).unwrap().status
    }

    const ARTICLE_BODY: &str = "<body><header><nav><a href=\"/\">Accueil</a> Boutique Contact</nav></header>\
        <main><h1>Entretenir le lin lavé</h1><p>Le lin lavé se lave à 40 degrés. Le lin lavé sèche \
        vite à l'air libre. Un drap en lin lavé devient plus doux à chaque lavage, et le lin lavé \
        ne se repasse pas.</p></main><footer>Mentions légales</footer></body>";

    #[test]
    fn tag_rules_fire_on_article_pages_and_propose_the_key_phrases() {
        let html = format!(
            "<html lang=\"fr\"><head><title>Entretenir le lin lavé</title>\
             <meta property=\"og:type\" content=\"article\">\
             <script type=\"application/ld+json\">{{\"@type\":\"BlogPosting\",\"headline\":\"Entretenir le lin\"}}</script>\
             </head>{ARTICLE_BODY}</html>"
        );
        let a = audit(&html);
        assert!(
            a.features
                .main_text
                .starts_with("Entretenir le lin lavé Le lin lavé"),
            "{}",
            a.features.main_text
        );
        assert!(!a.features.main_text.contains("Boutique"), "nav left out");
        let tags = suggested_tags(&a.features);
        assert_eq!(
            tags.first().map(String::as_str),
            Some("lin lavé"),
            "{tags:?}"
        );
        let tag = a
            .findings
            .iter()
            .find(|f| f.rule == "tags/article-tag-missing")
            .unwrap();
        assert_eq!(tag.source, OGA);
        assert!(
            tag.fix
                .as_deref()
                .unwrap()
                .contains(r#"<meta property="article:tag" content="lin lavé">"#),
            "{:?}",
            tag.fix
        );
        let kw = a
            .findings
            .iter()
            .find(|f| f.rule == "tags/jsonld-keywords-missing")
            .unwrap();
        assert!(kw.message.contains("BlogPosting"));
        assert!(
            kw.fix
                .as_deref()
                .unwrap()
                .contains(r#""keywords": "lin lavé, "#),
            "{:?}",
            kw.fix
        );
        assert!(kw.location.span.is_some(), "points at the JSON-LD block");
        assert!(
            a.fix_html
                .contains(r#"<meta property="article:tag" content="lin lavé">"#),
            "{}",
            a.fix_html
        );
        assert!(
            a.fix_html
                .contains(r#"<!-- JSON-LD: add "keywords": "lin lavé, "#),
            "{}",
            a.fix_html
        );
        assert_eq!(status(&a, "tags/article-tag-missing"), Status::Fail);
        assert_eq!(
            category("tags/article-tag-missing"),
            Category::Discoverability
        );
    }

    #[test]
    fn tag_rules_pass_with_tags_and_keywords_and_skip_other_pages() {
        let html = format!(
            "<html lang=\"fr\"><head><title>Entretenir le lin lavé</title>\
             <meta property=\"og:type\" content=\"article\"><meta property=\"article:tag\" content=\"lin lavé\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"keywords\":[\"lin\",{{\"@type\":\"DefinedTerm\",\"name\":\"lavage\"}}]}}</script>\
             </head>{ARTICLE_BODY}</html>"
        );
        let a = audit(&html);
        assert_eq!(
            a.features.json_ld[0].articles[0].keywords,
            ["lin", "lavage"]
        );
        assert_eq!(status(&a, "tags/article-tag-missing"), Status::Pass);
        assert_eq!(status(&a, "tags/jsonld-keywords-missing"), Status::Pass);
        assert!(!a.fix_html.contains("article:tag"));
        // An article by og:type alone has no JSON-LD entity to hold keywords.
        let a = audit(&html.replace("NewsArticle", "Organization"));
        assert_eq!(
            status(&a, "tags/jsonld-keywords-missing"),
            Status::NotApplicable
        );
        assert_eq!(status(&a, "tags/article-tag-missing"), Status::Pass);
        // Not an article: neither rule applies.
        let page = format!(
            "<html lang=\"fr\"><head><title>Boutique</title><meta property=\"og:type\" content=\"website\"></head>{ARTICLE_BODY}</html>"
        );
        let a = audit(&page);
        assert_eq!(
            status(&a, "tags/article-tag-missing"),
            Status::NotApplicable
        );
        assert_eq!(
            status(&a, "tags/jsonld-keywords-missing"),
            Status::NotApplicable
        );
        assert!(a.findings.iter().all(|f| !f.rule.starts_with("tags/")));
    }

    #[test]
    fn tag_rules_read_english_pages_in_english() {
        let html = "<html lang=\"en-GB\"><head><title>Caring for washed linen</title>\
            <meta name=\"description\" content=\"How to wash washed linen sheets.\">\
            <script type=\"application/ld+json\">{\"@type\":\"Article\",\"keywords\":\"\"}</script></head>\
            <body><article><p>Washed linen sheets go in the machine at 40 degrees. Dry washed linen \
            sheets in the open air; washed linen needs no ironing.</p></article></body></html>";
        let a = audit(html);
        let tags = suggested_tags(&a.features);
        assert!(tags.iter().any(|t| t.contains("washed linen")), "{tags:?}");
        assert!(
            a.findings
                .iter()
                .any(|f| f.rule == "tags/jsonld-keywords-missing"),
            "an empty keywords text is missing"
        );
    }

    #[test]
    fn url_normalisation_ignores_scheme_case_slash_fragment() {
        assert_eq!(
            normalize_url("http://WWW.Example.com:80/a/#x"),
            normalize_url("https://example.com/a")
        );
        assert_ne!(
            normalize_url("https://example.com/a"),
            normalize_url("https://example.com/b")
        );
    }

    #[test]
    fn locales_and_dates() {
        assert!(is_locale("fr_FR"));
        assert!(!is_locale("fr-FR"));
        assert!(is_iso8601("2026-11-21T09:30:00+01:00"));
        assert!(!is_iso8601("21/11/2026"));
    }
}
