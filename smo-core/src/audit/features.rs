//! The inventory of one page's social features: what the scan found, where, and how it reads
//! once decoded and resolved.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::facts::{EndpointStatus, WidgetKind};
use crate::{Network, Span};

/// Where an item sits in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    /// Byte range, line and column (in characters) of the element's start tag.
    pub span: Span,
    /// Whether the element came before `<body>` (and before any body content the scan saw).
    pub in_head: bool,
    /// Whether the element is inside `<noscript>` (scripting-on parsers see it as text).
    pub in_noscript: bool,
}

/// A `<meta>` tag with a social or descriptive key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
/// properties, attached to the most recent root (first value wins within one object).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OgMedia {
    /// `og:image` (or `:url`), decoded, as written.
    pub url: Option<String>,
    /// The URL resolved against the page URL, when it parses.
    pub resolved: Option<String>,
    /// `:secure_url`.
    pub secure_url: Option<String>,
    /// `:type`.
    pub mime_type: Option<String>,
    /// `:width`, as written.
    pub width: Option<String>,
    /// `:height`, as written.
    pub height: Option<String>,
    /// `:alt`.
    pub alt: Option<String>,
    /// Where the root tag is.
    pub origin: Option<Origin>,
}

impl OgMedia {
    /// The declared width, when it is a positive 32-bit integer.
    pub fn width_px(&self) -> Option<u32> {
        self.width.as_deref().and_then(positive_int)
    }
    /// The declared height, when it is a positive 32-bit integer.
    pub fn height_px(&self) -> Option<u32> {
        self.height.as_deref().and_then(positive_int)
    }
}

pub(crate) fn positive_int(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i32>()
        .ok()
        .filter(|n| *n > 0)
        .and_then(|n| u32::try_from(n).ok())
}

/// A `<link>` or attribute URL: as written (decoded) and resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRef {
    /// The `href`, decoded, trimmed.
    pub href: String,
    /// Resolved against the page URL (and `<base href>`), when it parses.
    pub url: Option<String>,
    /// Where it is.
    pub origin: Origin,
}

/// A `hreflang` alternate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hreflang {
    /// The language tag (`fr-FR`, `x-default`).
    pub lang: String,
    /// The link.
    pub link: LinkRef,
}

/// A feed format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedKind {
    /// `application/rss+xml`.
    Rss,
    /// `application/atom+xml`.
    Atom,
    /// `application/feed+json` (JSON Feed).
    JsonFeed,
}

/// A feed autodiscovery link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    /// The format.
    pub kind: FeedKind,
    /// The `title` attribute, decoded.
    pub title: Option<String>,
    /// The link.
    pub link: LinkRef,
}

/// An oEmbed discovery link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OEmbed {
    /// The `type` as written, lower case.
    pub mime_type: String,
    /// Whether the type is one oembed.com defines (`application/json+oembed`,
    /// `text/xml+oembed`).
    pub valid_type: bool,
    /// The link.
    pub link: LinkRef,
}

/// A favicon, touch icon or manifest link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Article entities (`Article`, `BlogPosting`, `NewsArticle` and the other subtypes of
    /// [`ARTICLE_TYPES`](super::jsonld::ARTICLE_TYPES)) with their `keywords`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<JsonLdArticle>,
    /// Where it is.
    pub origin: Origin,
}

/// An article entity found in JSON-LD, with the keywords it declares.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct JsonLdArticle {
    /// `@type` values.
    pub types: Vec<String>,
    /// `headline`, else `name`.
    pub headline: Option<String>,
    /// `keywords`: a comma-separated text or a list of texts (or `DefinedTerm` names), trimmed,
    /// empty ones left out (schema.org/keywords).
    pub keywords: Vec<String>,
}

/// An `<a href>` link with its text, as the anchor scan ([`scan_anchors`](super::scan::scan_anchors))
/// reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The `href`, entity-decoded and trimmed.
    pub href: String,
    /// The `href` resolved against the page URL (and `<base href>`), when it parses.
    pub url: Option<String>,
    /// The text inside the link, decoded and whitespace-collapsed (up to
    /// [`ANCHOR_TEXT_BYTES`](super::scan::ANCHOR_TEXT_BYTES)).
    pub text: String,
    /// `rel` tokens, lower case (`nofollow`, `sponsored`, `ugc`, `noopener`...).
    pub rel: Vec<String>,
    /// Where its start tag is.
    pub origin: Origin,
}

/// A share link: a URL that opens a network's share dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// A recognised widget: comments, social login, reviews, embed, script share button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
    /// html5ever tokenizer (the fallback for tags or comments beyond the parser's memory cap).
    #[serde(default)]
    pub fallback: Option<String>,
}

/// The inventory of one page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageFeatures {
    /// The page URL given by the caller.
    pub url: String,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// The first `<title>`, decoded and whitespace-collapsed.
    pub title: Option<String>,
    /// `<meta name="description">`.
    pub description: Option<String>,
    /// Every social or descriptive `<meta>`, in document order.
    pub meta: Vec<MetaTag>,
    /// Open Graph (and `fb:`, `article:`, ... ) properties: key to values in document order,
    /// empty values left out.
    pub open_graph: BTreeMap<String, Vec<String>>,
    /// X card tags: name to values in document order (X reads the last).
    pub twitter: BTreeMap<String, Vec<String>>,
    /// `og:image` objects.
    pub og_images: Vec<OgMedia>,
    /// `og:video` objects.
    pub og_videos: Vec<OgMedia>,
    /// `og:audio` objects.
    pub og_audios: Vec<OgMedia>,
    /// Structured properties with no root before them (`og:image:width` first), by key.
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
    /// The page's main text: the words of its body outside scripts, styles, templates,
    /// `<noscript>`, navigation, header, footer and asides, decoded and whitespace-collapsed, up
    /// to [`ScanLimits::max_text_bytes`](super::ScanLimits::max_text_bytes) (see
    /// `audit::scan::text`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub main_text: String,
    /// How the scan went.
    pub parse: ParseInfo,
}

impl PageFeatures {
    /// The inventory as JSON (the document every surface serialises).
    pub fn to_json(&self) -> crate::Result<String> {
        serde_json::to_string(self).map_err(|e| crate::Error::Write {
            format: crate::error::Format::Json,
            message: e.to_string(),
        })
    }

    /// The first non-empty value of an Open Graph key (first wins, as OGP says).
    pub fn og(&self, key: &str) -> Option<&str> {
        self.open_graph
            .get(key)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    /// The last non-empty value of an X card tag (last wins, as X reads them).
    pub fn tw(&self, key: &str) -> Option<&str> {
        self.twitter
            .get(key)
            .and_then(|v| v.last())
            .map(String::as_str)
    }

    /// The title X shows: `twitter:title`, else `og:title`.
    pub fn effective_x_title(&self) -> Option<&str> {
        self.tw("twitter:title").or_else(|| self.og("og:title"))
    }

    /// The description X shows: `twitter:description`, else `og:description`.
    pub fn effective_x_description(&self) -> Option<&str> {
        self.tw("twitter:description")
            .or_else(|| self.og("og:description"))
    }

    /// Meta tags of a key, in document order.
    pub fn meta_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a MetaTag> + 'a {
        self.meta.iter().filter(move |m| m.key == key)
    }

    /// Profile handles per network, deduplicated, in document order.
    pub fn handles(&self) -> BTreeMap<Network, Vec<String>> {
        let mut out: BTreeMap<Network, Vec<String>> = BTreeMap::new();
        for p in &self.profiles {
            let list = out.entry(p.network).or_default();
            let name = crate::handle::check(p.network, &p.handle).normalized;
            if !list
                .iter()
                .any(|h| crate::handle::check(p.network, h).normalized == name)
            {
                list.push(p.handle.clone());
            }
        }
        out
    }
}
