//! FFI surface of the post text engine: counting, entities (with UTF-16 offsets, the unit
//! Kotlin and Swift index strings in), post checks, threads, share links, and the tables.

use std::collections::{BTreeMap, BTreeSet};

use smo_core::post::{CheckOptions, Media, MediaKind, Post};
use smo_core::share::ShareRequest;
use smo_core::text::{self, CountOptions, EntityKind, TextPosition, XConfig};
use smo_core::thread::ThreadOptions;
use smo_core::{ContentType, Finding, Network, RuleConfig, Severity};

use crate::errors::SmoError;

#[uniffi::remote(Enum)]
enum EntityKind {
    Url,
    Mention,
    List,
    Hashtag,
    Cashtag,
}

#[uniffi::remote(Enum)]
enum MediaKind {
    Image,
    Video,
    Gif,
}

#[uniffi::remote(Record)]
struct TextPosition {
    byte: u64,
    code_point: u64,
    utf16: u64,
}

#[uniffi::remote(Record)]
struct Media {
    kind: Option<MediaKind>,
    size_bytes: Option<u64>,
    width: Option<u32>,
    height: Option<u32>,
    duration_seconds: Option<f64>,
    alt_text: Option<String>,
}

#[uniffi::remote(Record)]
struct Post {
    text: String,
    content_type: Option<ContentType>,
    media: Vec<Media>,
    link: Option<String>,
    #[uniffi(default = None)]
    content_warning: Option<String>,
}

#[uniffi::remote(Record)]
struct ShareRequest {
    url: Option<String>,
    text: Option<String>,
    title: Option<String>,
    hashtags: Vec<String>,
    via: Option<String>,
    media: Option<String>,
    instance: Option<String>,
}

/// An entity found in a text; `*_utf16` offsets index a Kotlin/Swift string directly.
#[derive(uniffi::Record)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The entity without its sigil.
    pub text: String,
    /// Start, in UTF-16 units.
    pub start_utf16: u64,
    /// End (exclusive), in UTF-16 units.
    pub end_utf16: u64,
    /// Start, in code points.
    pub start: u64,
    /// End, in code points.
    pub end: u64,
    /// Start, in UTF-8 bytes.
    pub start_byte: u64,
    /// End, in UTF-8 bytes.
    pub end_byte: u64,
}

impl From<text::Entity> for Entity {
    fn from(e: text::Entity) -> Self {
        Entity {
            kind: e.kind,
            text: e.text,
            start_utf16: e.start_utf16,
            end_utf16: e.end_utf16,
            start: e.start,
            end: e.end,
            start_byte: e.start_byte,
            end_byte: e.end_byte,
        }
    }
}

/// A text counted for a network.
#[derive(uniffi::Record)]
pub struct TextCount {
    /// The network.
    pub network: Network,
    /// Field id (`post`, `caption`...).
    pub field: String,
    /// Unit id of the binding limit.
    pub unit: String,
    /// Length in that unit (X: the weighted length).
    pub length: u64,
    /// The binding limit.
    pub limit: u64,
    /// `limit - length`.
    pub remaining: i64,
    /// Whether every limit is met.
    pub valid: bool,
    /// Length per thousand of the limit.
    pub permillage: u64,
    /// UTF-16 index of the last unit (inclusive).
    pub display_range_end: u64,
    /// UTF-16 index of the last unit that fits (inclusive).
    pub valid_range_end: u64,
    /// Where the text first goes over.
    pub overflow: Option<TextPosition>,
    /// Grapheme clusters.
    pub graphemes: u64,
    /// Code points.
    pub code_points: u64,
    /// UTF-16 units.
    pub utf16: u64,
    /// UTF-8 bytes.
    pub bytes: u64,
}

impl From<text::TextCount> for TextCount {
    fn from(c: text::TextCount) -> Self {
        TextCount {
            network: c.network,
            field: c.field.as_str().into(),
            unit: c.unit.as_str().into(),
            length: c.length,
            limit: c.limit,
            remaining: c.remaining,
            valid: c.valid,
            permillage: c.permillage,
            display_range_end: c.display_range_end,
            valid_range_end: c.valid_range_end,
            overflow: c.overflow,
            graphemes: c.graphemes,
            code_points: c.code_points,
            utf16: c.utf16,
            bytes: c.bytes,
        }
    }
}

fn options(
    x_version: Option<u32>,
    mastodon_max_characters: Option<u64>,
    content_warning: Option<String>,
) -> Result<CountOptions, SmoError> {
    Ok(CountOptions {
        x_config: XConfig::version(x_version.unwrap_or(3))?,
        mastodon_max_characters,
        content_warning,
        ..CountOptions::default()
    })
}

/// Counts `text` as `network` counts it; `field` defaults to the network's main text field,
/// `x_version` to 3; a Mastodon `content_warning` counts with the text.
#[uniffi::export(default(
    field = None,
    x_version = None,
    mastodon_max_characters = None,
    content_warning = None
))]
pub fn parse_text(
    text: String,
    network: Network,
    field: Option<String>,
    x_version: Option<u32>,
    mastodon_max_characters: Option<u64>,
    content_warning: Option<String>,
) -> Result<TextCount, SmoError> {
    let opts = options(x_version, mastodon_max_characters, content_warning)?;
    let field = match field {
        Some(f) => f.parse()?,
        None => text::main_field(network).ok_or_else(|| {
            SmoError::InvalidArgument(format!("smo knows no text limit for {network}"))
        })?,
    };
    Ok(text::count_field(&text, network, field, &opts)?.into())
}

/// Every entity of `text`, in order.
#[uniffi::export]
pub fn extract_entities(text: String) -> Vec<Entity> {
    text::extract_entities(&text)
        .into_iter()
        .map(Entity::from)
        .collect()
}

/// Checks a draft for `network`; `disabled` lists rule ids to skip.
#[uniffi::export(default(field = None, disabled = [], mastodon_max_characters = None))]
pub fn check_post(
    post: Post,
    network: Network,
    field: Option<String>,
    disabled: Vec<String>,
    severities: std::collections::HashMap<String, Severity>,
    mastodon_max_characters: Option<u64>,
) -> Result<Vec<Finding>, SmoError> {
    let opts = CheckOptions {
        count: options(None, mastodon_max_characters, None)?,
        rules: RuleConfig {
            disabled: disabled.into_iter().collect::<BTreeSet<_>>(),
            severities: severities.into_iter().collect::<BTreeMap<_, _>>(),
        },
        field: field.map(|f| f.parse()).transpose()?,
    };
    Ok(smo_core::post::check_post_with(&post, network, &opts)?)
}

/// One post of a thread.
#[derive(uniffi::Record)]
pub struct ThreadPart {
    /// 1-based position.
    pub index: u32,
    /// Posts in the thread.
    pub total: u32,
    /// The slice of the input.
    pub text: String,
    /// What to publish.
    pub post: String,
    /// Start of the slice.
    pub start: TextPosition,
    /// End of the slice (exclusive).
    pub end: TextPosition,
    /// Length of `post` in the network's unit.
    pub length: u64,
    /// The network's limit.
    pub limit: u64,
}

/// Splits `text` into a thread for X, Bluesky, Mastodon or Threads; a Mastodon
/// `content_warning` is published with every part and its length reserved in each.
#[uniffi::export(default(numbering = true, mastodon_max_characters = None, content_warning = None))]
pub fn split_thread(
    text: String,
    network: Network,
    numbering: bool,
    mastodon_max_characters: Option<u64>,
    content_warning: Option<String>,
) -> Result<Vec<ThreadPart>, SmoError> {
    let opts = ThreadOptions {
        numbering,
        count: options(None, mastodon_max_characters, content_warning)?,
    };
    Ok(smo_core::thread::split_thread(&text, network, &opts)?
        .into_iter()
        .map(|p| ThreadPart {
            index: p.index,
            total: p.total,
            text: p.text,
            post: p.post,
            start: p.start,
            end: p.end,
            length: p.length,
            limit: p.limit,
        })
        .collect())
}

/// The share link of `target` (a network id, or `email`).
#[uniffi::export]
pub fn share_url(target: String, request: ShareRequest) -> Result<String, SmoError> {
    Ok(smo_core::share::share_url(&target, &request)?)
}

/// A share endpoint, current or deprecated.
#[derive(uniffi::Record)]
pub struct ShareEndpoint {
    /// Target id.
    pub target: String,
    /// The network, if the target is one.
    pub network: Option<Network>,
    /// URL without query.
    pub url_prefix: String,
    /// Other hosts serving the same endpoint.
    pub aliases: Vec<String>,
    /// Whether only this very path matches.
    pub exact_path: bool,
    /// Parameters it reads.
    pub params: Vec<String>,
    /// The parameter carrying the shared URL.
    pub url_param: Option<String>,
    /// The parameter carrying the text.
    pub text_param: Option<String>,
    /// A parameter without which a link is not a share link.
    pub required: Option<String>,
    /// `current`, `legacy` or `deprecated`.
    pub status: String,
    /// `platform`, `code` or `third_party`.
    pub confidence: String,
    /// Caveats, replacement.
    pub note: String,
    /// Where it comes from.
    pub source: String,
    /// When it was checked.
    pub as_of: String,
}

/// Every share endpoint smo knows.
#[uniffi::export]
pub fn share_endpoints() -> Vec<ShareEndpoint> {
    smo_core::share::ENDPOINTS
        .iter()
        .map(|e| ShareEndpoint {
            target: e.target.into(),
            network: e.network,
            url_prefix: e.url_prefix(),
            aliases: e.aliases.iter().map(|a| (*a).to_owned()).collect(),
            exact_path: e.exact_path,
            params: e.params.iter().map(|p| (*p).to_owned()).collect(),
            url_param: e.url_param.map(str::to_owned),
            text_param: e.text_param.map(str::to_owned),
            required: e.required.map(str::to_owned),
            status: e.status.as_str().into(),
            confidence: e.confidence.as_str().into(),
            note: e.note.into(),
            source: e.source.into(),
            as_of: e.as_of.into(),
        })
        .collect()
}

/// A row of the limits table.
#[derive(uniffi::Record)]
pub struct TextLimit {
    /// The network.
    pub network: Network,
    /// Field id.
    pub field: String,
    /// The limit.
    pub value: u64,
    /// Unit id.
    pub unit: String,
    /// `platform`, `code` or `third_party`.
    pub confidence: String,
    /// Where it comes from.
    pub source: String,
    /// When it was checked.
    pub as_of: String,
}

/// Every row of the limits table.
#[uniffi::export]
pub fn text_limits() -> Vec<TextLimit> {
    text::LIMITS
        .iter()
        .map(|l| TextLimit {
            network: l.network,
            field: l.field.as_str().into(),
            value: l.value,
            unit: l.unit.as_str().into(),
            confidence: l.confidence.as_str().into(),
            source: l.source.into(),
            as_of: l.as_of.into(),
        })
        .collect()
}
