//! Post checks: what is wrong with a draft for a network, and how to fix it.
//!
//! [`check_post`] counts the text with [`crate::text`], reads the network's rows of the limits
//! table ([`crate::text::LIMITS`]) and content types ([`crate::network`]), and reports through
//! the rule registry [`RULES`] (configurable like every registry: see [`crate::RuleConfig`]).
//! Platform-enforced caps are errors; third-party guidance (Instagram's 5 hashtags, X's 2) is a
//! warning with its source.

use serde::{Deserialize, Serialize};

use crate::content::ContentType;
use crate::error::Result;
use crate::finding::{Finding, Findings, Location, RuleConfig, RuleInfo, Severity, Span};
use crate::network::{Confidence, Network};
use crate::text::{
    self, CountOptions, Entity, EntityKind, Field, Limit, Unit, count_field, limits::limits,
    main_field,
};

/// A kind of media attached to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// A still image.
    Image,
    /// A video.
    Video,
    /// An animated GIF.
    Gif,
}

impl MediaKind {
    /// `image`, `video` or `gif`.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Gif => "gif",
        }
    }
}

/// A media file attached to a draft.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Media {
    /// Image, video or GIF.
    pub kind: Option<MediaKind>,
    /// File size in bytes, when known.
    pub size_bytes: Option<u64>,
    /// Width in pixels, when known.
    pub width: Option<u32>,
    /// Height in pixels, when known.
    pub height: Option<u32>,
    /// Duration in seconds (video), when known.
    pub duration_seconds: Option<f64>,
    /// Alternative text.
    pub alt_text: Option<String>,
}

/// A draft post.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Post {
    /// The text.
    pub text: String,
    /// The content type, when known (`text`, `image`, `short_video`...).
    pub content_type: Option<ContentType>,
    /// Attached media.
    #[serde(default)]
    pub media: Vec<Media>,
    /// A link attached outside the text (link card, `link_attachment_url`).
    pub link: Option<String>,
}

impl Post {
    /// A text-only draft.
    pub fn text(text: impl Into<String>) -> Post {
        Post {
            text: text.into(),
            ..Default::default()
        }
    }
}

/// Options of [`check_post_with`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckOptions {
    /// Counting options (X configuration, Mastodon instance limit, "characters" unit).
    pub count: CountOptions,
    /// Rules disabled or re-ranked.
    pub rules: RuleConfig,
    /// The field to check the text as (default: the network's main field).
    pub field: Option<Field>,
}

const NT: &str = "shared/reference/networks-and-text.md §2";
const WCAG_HASHTAG: &str =
    "https://www.w3.org/WAI/tips/writing/ (camel case hashtags for screen readers)";

/// The rules of [`check_post`].
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "post/empty",
        title: "Empty post",
        description: "The post has no text and no media.",
        default_severity: Severity::Error,
        source: NT,
    },
    RuleInfo {
        id: "post/too-long",
        title: "Text too long",
        description: "The text exceeds a limit of the network's field, counted in the network's own unit (X weighted length, Bluesky graphemes and bytes, Telegram UTF-16...).",
        default_severity: Severity::Error,
        source: NT,
    },
    RuleInfo {
        id: "post/too-many-hashtags",
        title: "Too many hashtags",
        description: "More hashtags than the network accepts.",
        default_severity: Severity::Error,
        source: NT,
    },
    RuleInfo {
        id: "post/hashtags-over-advice",
        title: "More hashtags than advised",
        description: "More hashtags than the network's guidance (third-party or platform advice, not enforced).",
        default_severity: Severity::Warning,
        source: NT,
    },
    RuleInfo {
        id: "post/too-many-mentions",
        title: "Too many mentions",
        description: "More @mentions than the network accepts.",
        default_severity: Severity::Error,
        source: NT,
    },
    RuleInfo {
        id: "post/too-many-links",
        title: "Too many links",
        description: "More distinct links (text and attachment) than the network accepts.",
        default_severity: Severity::Error,
        source: NT,
    },
    RuleInfo {
        id: "post/topic-tag",
        title: "Topic tag rules (Threads)",
        description: "Threads takes one topic tag per post, 1 to 50 characters, without `.` or `&`.",
        default_severity: Severity::Warning,
        source: "https://developers.facebook.com/documentation/threads/posts",
    },
    RuleInfo {
        id: "post/link-not-clickable",
        title: "Link not clickable",
        description: "Links in Instagram captions (and TikTok captions) are not clickable.",
        default_severity: Severity::Warning,
        source: "https://help.instagram.com/",
    },
    RuleInfo {
        id: "post/content-type-unsupported",
        title: "Content type not supported",
        description: "The network does not take this content type.",
        default_severity: Severity::Error,
        source: "crate::network content types",
    },
    RuleInfo {
        id: "post/media-unsupported",
        title: "Media not supported",
        description: "The network takes no media of this kind, or needs media for this content type.",
        default_severity: Severity::Error,
        source: "crate::network content types",
    },
    RuleInfo {
        id: "post/too-many-media",
        title: "Too many media",
        description: "More images or items than the network takes in one post.",
        default_severity: Severity::Error,
        source: "shared/reference/networks-and-text.md §4",
    },
    RuleInfo {
        id: "post/media-too-large",
        title: "Media file too large",
        description: "A file is over the network's size limit.",
        default_severity: Severity::Error,
        source: "shared/reference/networks-and-text.md §4",
    },
    RuleInfo {
        id: "post/video-too-long",
        title: "Video too long",
        description: "A video is over the network's duration limit.",
        default_severity: Severity::Error,
        source: "shared/reference/networks-and-text.md §4",
    },
    RuleInfo {
        id: "post/missing-alt-text",
        title: "Missing alt text",
        description: "An image has no alternative text: screen-reader users miss it, and some networks rank it lower.",
        default_severity: Severity::Warning,
        source: "https://www.w3.org/WAI/tutorials/images/",
    },
    RuleInfo {
        id: "post/alt-text-too-long",
        title: "Alt text too long",
        description: "An image's alternative text exceeds the network's limit.",
        default_severity: Severity::Error,
        source: "shared/reference/networks-and-text.md §2",
    },
    RuleInfo {
        id: "post/hashtag-camel-case",
        title: "Hashtag not in CamelCase",
        description: "A long hashtag in one case is read by screen readers as one word: write each word with a capital (#MaisonLune).",
        default_severity: Severity::Notice,
        source: WCAG_HASHTAG,
    },
    RuleInfo {
        id: "post/linkedin-reserved-characters",
        title: "LinkedIn reserved characters",
        description: "LinkedIn's API (little text format) needs `\\ | { } @ [ ] ( ) < > # * _ ~` escaped with a backslash; unescaped text is reportedly cut at the first one.",
        default_severity: Severity::Warning,
        source: "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format",
    },
    RuleInfo {
        id: "post/angle-brackets",
        title: "Angle brackets (YouTube)",
        description: "YouTube titles and descriptions may not contain `<` or `>`.",
        default_severity: Severity::Error,
        source: "https://developers.google.com/youtube/v3/docs/videos",
    },
];

/// Checks a draft for `network` with default options.
///
/// ```
/// use smo_core::{Network, post::{Post, check_post}};
/// let draft = Post::text("Nouveautés #été #mode #lin #soie #bio #slowfashion sur maisonlune.fr");
/// let found = check_post(&draft, Network::Instagram)?;
/// let rules: Vec<_> = found.iter().map(|f| f.rule.as_str()).collect();
/// assert!(rules.contains(&"post/hashtags-over-advice"));
/// assert!(rules.contains(&"post/link-not-clickable"));
/// assert!(check_post(&Post::text("Bonjour !"), Network::X)?.is_empty());
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn check_post(post: &Post, network: Network) -> Result<Vec<Finding>> {
    check_post_with(post, network, &CheckOptions::default())
}

fn span(text: &str, e: &Entity) -> Location {
    Location {
        path: Some("text".into()),
        span: Some(Span::in_text(
            text,
            e.start_byte as usize,
            e.end_byte as usize,
        )),
    }
}

fn cap(network: Network, field: Field) -> impl Iterator<Item = &'static Limit> {
    limits(network, field).filter(|l| l.unit == Unit::Items)
}

/// Checks a draft for `network`.
pub fn check_post_with(
    post: &Post,
    network: Network,
    options: &CheckOptions,
) -> Result<Vec<Finding>> {
    let mut f = Findings::new(RULES, &options.rules)?;
    let text = post.text.as_str();
    let name = network.info().name;
    if text.trim().is_empty() && post.media.is_empty() {
        f.report(
            "post/empty",
            Location::path("text"),
            format!("the post for {name} has no text and no media"),
            Some("write the post, or attach media".into()),
        );
        return Ok(f.into_vec());
    }
    // Length, in the network's unit.
    if let Some(field) = options.field.or(main_field(network)) {
        if !text.is_empty() {
            let counted = count_field(text, network, field, &options.count)?;
            for check in counted.checks.iter().filter(|c| !c.valid) {
                let over = -check.remaining;
                let at = check.overflow.unwrap_or_default();
                let location = Location {
                    path: Some("text".into()),
                    span: Some(Span::in_text(text, at.byte as usize, text.len())),
                };
                let default = if check.confidence == Confidence::ThirdParty {
                    " (a third-party figure: a configurable default)"
                } else {
                    ""
                };
                f.report(
                    "post/too-long",
                    location,
                    format!(
                        "{name} {field}: {} {} for a limit of {}{default}, {over} over; the overflow starts at code point {} (UTF-16 {})",
                        check.length, check.unit, check.limit, at.code_point, at.utf16
                    ),
                    Some(format!("cut {over} {} from the text, or split it into a thread", check.unit)),
                );
            }
        }
    }
    let entities = text::extract_entities(text);
    let of = |k: EntityKind| entities.iter().filter(move |e| e.kind == k);
    // Caps on hashtags, mentions, links.
    let hashtags: Vec<&Entity> = of(EntityKind::Hashtag).collect();
    for limit in cap(network, Field::Hashtags) {
        let n = hashtags.len() as u64;
        if n > limit.value {
            let (rule, what) = if limit.confidence == Confidence::ThirdParty {
                ("post/hashtags-over-advice", "advises at most")
            } else {
                ("post/too-many-hashtags", "accepts at most")
            };
            let first_over = hashtags[limit.value as usize];
            f.report(
                rule,
                span(text, first_over),
                format!(
                    "{n} hashtags: {name} {what} {} ({})",
                    limit.value, limit.source
                ),
                Some(format!("keep the {} most relevant hashtags", limit.value)),
            );
        }
    }
    let mentions: Vec<&Entity> = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Mention | EntityKind::List))
        .collect();
    for limit in cap(network, Field::Mentions) {
        let n = mentions.len() as u64;
        if n > limit.value {
            f.report(
                "post/too-many-mentions",
                span(text, mentions[limit.value as usize]),
                format!("{n} mentions: {name} accepts at most {}", limit.value),
                Some(format!("keep at most {} mentions", limit.value)),
            );
        }
    }
    let urls: Vec<&Entity> = of(EntityKind::Url).collect();
    let mut distinct: Vec<String> = urls.iter().map(|u| u.text.to_ascii_lowercase()).collect();
    distinct.extend(post.link.iter().map(|l| l.to_ascii_lowercase()));
    distinct.sort();
    distinct.dedup();
    for limit in cap(network, Field::Links) {
        let n = distinct.len() as u64;
        if n > limit.value {
            f.report("post/too-many-links", Location::path("text"), format!("{n} distinct links (text and attachment): {name} accepts at most {} and refuses the post", limit.value), Some(format!("keep at most {} links", limit.value)));
        }
    }
    if network == Network::Threads {
        let max = limits(network, Field::TopicTag)
            .next()
            .map_or(50, |l| l.value);
        for tag in &hashtags {
            let len = tag.text.chars().count() as u64;
            if len > max {
                f.report(
                    "post/topic-tag",
                    span(text, tag),
                    format!(
                        "topic tag #{} is {len} characters: Threads takes 1 to {max}",
                        tag.text
                    ),
                    Some("shorten the tag".into()),
                );
            }
        }
    }
    if matches!(network, Network::Instagram | Network::TikTok) {
        if let Some(u) = urls.first() {
            f.report(
                "post/link-not-clickable",
                span(text, u),
                format!(
                    "the link {} will not be clickable in a {name} caption",
                    u.text
                ),
                Some("put the link in the bio (or a link sticker) and say \"link in bio\"".into()),
            );
        }
    }
    // Content type and media.
    if let Some(ct) = post.content_type {
        if !network.supports(ct) {
            let supported: Vec<&str> = network
                .info()
                .content_types
                .value
                .iter()
                .map(|c| c.as_str())
                .collect();
            f.report(
                "post/content-type-unsupported",
                Location::path("content_type"),
                format!(
                    "{name} does not take `{ct}` posts; it takes {}",
                    supported.join(", ")
                ),
                Some("choose a content type the network takes".into()),
            );
        }
    }
    let takes_images = [ContentType::Image, ContentType::Carousel]
        .iter()
        .any(|c| network.supports(*c));
    let takes_video = [ContentType::Video, ContentType::ShortVideo]
        .iter()
        .any(|c| network.supports(*c));
    let images: Vec<(usize, &Media)> = post
        .media
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind != Some(MediaKind::Video))
        .collect();
    for limit in cap(network, Field::Images) {
        let n = post.media.len() as u64;
        if n > limit.value {
            f.report(
                "post/too-many-media",
                Location::path(format!("media[{}]", limit.value)),
                format!("{n} media: {name} takes at most {} per post", limit.value),
                Some(format!("keep {} or post the rest separately", limit.value)),
            );
        }
    }
    for (i, m) in post.media.iter().enumerate() {
        let path = format!("media[{i}]");
        let kind = m.kind.unwrap_or(MediaKind::Image);
        let supported = match kind {
            MediaKind::Video => takes_video,
            _ => takes_images,
        };
        if !supported {
            f.report(
                "post/media-unsupported",
                Location::path(&path),
                format!("{name} takes no {} in posts", kind.as_str()),
                None,
            );
        }
        let size_field = if kind == MediaKind::Video {
            Field::VideoSize
        } else {
            Field::ImageSize
        };
        if let (Some(size), Some(limit)) = (m.size_bytes, limits(network, size_field).next()) {
            if size > limit.value {
                f.report(
                    "post/media-too-large",
                    Location::path(format!("{path}.size_bytes")),
                    format!(
                        "{} of {size} bytes: {name} takes at most {} bytes",
                        kind.as_str(),
                        limit.value
                    ),
                    Some("compress or resize the file".into()),
                );
            }
        }
        if let (Some(d), Some(limit)) = (
            m.duration_seconds,
            limits(network, Field::VideoDuration).next(),
        ) {
            if kind == MediaKind::Video && d > limit.value as f64 {
                f.report(
                    "post/video-too-long",
                    Location::path(format!("{path}.duration_seconds")),
                    format!("video of {d} s: {name} takes at most {} s", limit.value),
                    Some("cut the video".into()),
                );
            }
        }
    }
    for (i, m) in &images {
        let path = format!("media[{i}].alt_text");
        match m.alt_text.as_deref().map(str::trim) {
            None | Some("") => f.report(
                "post/missing-alt-text",
                Location::path(&path),
                format!("image {} has no alternative text", i + 1),
                Some("describe the image in one or two sentences".into()),
            ),
            Some(alt) => {
                for limit in limits(network, Field::AltText) {
                    let len = text::length_in(alt, limit.unit, &options.count);
                    if len > limit.value {
                        f.report(
                            "post/alt-text-too-long",
                            Location::path(&path),
                            format!(
                                "alt text of {len} characters: {name} takes at most {}",
                                limit.value
                            ),
                            Some("shorten the description".into()),
                        );
                    }
                }
            }
        }
    }
    // Accessibility and API quirks.
    for tag in &hashtags {
        let letters: Vec<char> = tag.text.chars().filter(|c| c.is_alphabetic()).collect();
        let cased = letters.iter().any(|c| c.is_lowercase() || c.is_uppercase());
        let one_case =
            letters.iter().all(|c| !c.is_uppercase()) || letters.iter().all(|c| !c.is_lowercase());
        if cased && one_case && letters.len() >= 12 {
            f.report(
                "post/hashtag-camel-case",
                span(text, tag),
                format!(
                    "#{} is in one case: if it joins words, screen readers cannot tell them apart",
                    tag.text
                ),
                Some("capitalise each word (#SlowFashionParis)".into()),
            );
        }
    }
    if network == Network::LinkedIn {
        if let Some(pos) = text.find(text::LINKEDIN_RESERVED) {
            f.report("post/linkedin-reserved-characters", Location { path: Some("text".into()), span: Some(Span::in_text(text, pos, pos + 1)) }, "the text holds characters LinkedIn's API reserves; sent unescaped, the post is reportedly cut at the first one".into(), Some(format!("send text::escape_linkedin(text): {}", text::escape_linkedin(text))));
        }
    }
    if network == Network::YouTube {
        if let Some(pos) = text.find(['<', '>']) {
            f.report(
                "post/angle-brackets",
                Location {
                    path: Some("text".into()),
                    span: Some(Span::in_text(text, pos, pos + 1)),
                },
                "YouTube refuses `<` and `>` in titles and descriptions".into(),
                Some("replace them (‹ ›, or words)".into()),
            );
        }
    }
    Ok(f.into_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(post: &Post, n: Network) -> Vec<String> {
        check_post(post, n)
            .unwrap()
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn limits_per_network() {
        let long = "é".repeat(301);
        assert_eq!(
            rules(&Post::text(&long), Network::Bluesky),
            ["post/too-long"]
        );
        assert!(rules(&Post::text(&long), Network::Mastodon).is_empty());
        let caption = "a".repeat(2000);
        assert!(rules(&Post::text(&caption), Network::Telegram).is_empty());
        let found = check_post_with(
            &Post::text(&caption),
            Network::Telegram,
            &CheckOptions {
                field: Some(Field::MediaCaption),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("976 over"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].location.span.unwrap().start_byte, 1024);
    }

    #[test]
    fn empty_media_and_alt() {
        assert_eq!(rules(&Post::default(), Network::X), ["post/empty"]);
        let post = Post {
            text: "Voir".into(),
            content_type: Some(ContentType::Image),
            media: vec![Media {
                kind: Some(MediaKind::Image),
                size_bytes: Some(9_000_000),
                ..Default::default()
            }],
            link: None,
        };
        assert_eq!(
            rules(&post, Network::X),
            ["post/media-too-large", "post/missing-alt-text"]
        );
        let mut config = RuleConfig::default();
        config.disabled.insert("post/missing-alt-text".into());
        let found = check_post_with(
            &post,
            Network::X,
            &CheckOptions {
                rules: config,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn linkedin_threads_youtube() {
        assert_eq!(
            rules(&Post::text("Merci à @lune (enfin)"), Network::LinkedIn),
            ["post/linkedin-reserved-characters"]
        );
        let six_links = "a.com b.com c.com d.com e.com f.com";
        assert_eq!(
            rules(&Post::text(six_links), Network::Threads),
            ["post/too-many-links"]
        );
        assert_eq!(
            rules(&Post::text("a <b>"), Network::YouTube),
            ["post/angle-brackets"]
        );
        assert_eq!(
            rules(&Post::text("#slowfashionparis"), Network::X),
            ["post/hashtag-camel-case"]
        );
        assert!(rules(&Post::text("#SlowFashionParis"), Network::X).is_empty());
    }
}
