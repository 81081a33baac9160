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
    /// A content warning shown before the text (Mastodon's `spoiler_text`); it counts with the
    /// text against the status limit.
    #[serde(default)]
    pub content_warning: Option<String>,
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
        id: "post/media-dimensions",
        title: "Media dimensions out of range",
        description: "An image is narrower, wider, shorter or taller (in pixels) than the network takes.",
        default_severity: Severity::Error,
        source: "shared/reference/networks-and-text.md §4",
    },
    RuleInfo {
        id: "post/media-aspect-ratio",
        title: "Media aspect ratio out of range",
        description: "An image or video is narrower or wider (width ÷ height) than the network takes.",
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
        id: "post/content-warning-unsupported",
        title: "No content warnings on this network",
        description: "The draft has a content warning but the network has no such field: publishing would drop it, and readers would see the text unwarned.",
        default_severity: Severity::Warning,
        source: NT,
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
        page: None,
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
    // Length, in the network's unit, with the content warning where the network counts one.
    let warning = post.content_warning.as_deref().filter(|w| !w.is_empty());
    let field = options.field.or(main_field(network));
    let counts_warning = field.is_some_and(|field| text::counts_content_warning(network, field));
    let mut count_options = options.count.clone();
    count_options.content_warning = warning.filter(|_| counts_warning).map(str::to_owned);
    if let Some(w) = warning.filter(|_| !counts_warning) {
        f.report(
            "post/content-warning-unsupported",
            Location::path("content_warning"),
            format!("{name} has no content warning field: the warning would be dropped"),
            Some(format!(
                "start the text with the warning (\"CW: {w}\"), or drop it"
            )),
        );
    }
    if let Some(field) = field {
        if !text.is_empty() || count_options.content_warning.is_some() {
            let counted = count_field(text, network, field, &count_options)?;
            for check in counted.checks.iter().filter(|c| !c.valid) {
                let over = -check.remaining;
                let at = check.overflow.unwrap_or_default();
                let location = Location {
                    path: Some("text".into()),
                    span: Some(Span::in_text(text, at.byte as usize, text.len())),
                    page: None,
                };
                let mut default = if check.confidence == Confidence::ThirdParty {
                    " (a third-party figure: a configurable default)"
                } else {
                    ""
                }
                .to_owned();
                if count_options.content_warning.is_some() {
                    default.push_str(", content warning included");
                }
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
        check_dimensions(&mut f, network, &path, kind, m);
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
            f.report("post/linkedin-reserved-characters", Location { path: Some("text".into()), span: Some(Span::in_text(text, pos, pos + 1)), page: None }, "the text holds characters LinkedIn's API reserves; sent unescaped, the post is reportedly cut at the first one".into(), Some(format!("send text::escape_linkedin(text): {}", text::escape_linkedin(text))));
        }
    }
    if network == Network::YouTube {
        if let Some(pos) = text.find(['<', '>']) {
            f.report(
                "post/angle-brackets",
                Location {
                    path: Some("text".into()),
                    span: Some(Span::in_text(text, pos, pos + 1)),
                    page: None,
                },
                "YouTube refuses `<` and `>` in titles and descriptions".into(),
                Some("replace them (‹ ›, or words)".into()),
            );
        }
    }
    Ok(f.into_vec())
}

/// Reports an image's width and height, and any media's aspect ratio, against the table's rows.
/// Media whose width or height is unknown (or zero) are not checked.
fn check_dimensions(f: &mut Findings, network: Network, path: &str, kind: MediaKind, m: &Media) {
    let name = network.info().name;
    let what = kind.as_str();
    let video = kind == MediaKind::Video;
    if !video {
        let sides = [
            ("width", m.width, Field::ImageMinWidth, Field::ImageMaxWidth),
            (
                "height",
                m.height,
                Field::ImageMinHeight,
                Field::ImageMaxHeight,
            ),
        ];
        for (side, value, min_field, max_field) in sides {
            let Some(v) = value.map(u64::from).filter(|v| *v > 0) else {
                continue;
            };
            for limit in limits(network, min_field) {
                if v < limit.value {
                    f.report(
                        "post/media-dimensions",
                        Location::path(format!("{path}.{side}")),
                        format!(
                            "{what} {side} of {v} px: {name} takes at least {} px",
                            limit.value
                        ),
                        Some(format!(
                            "use an image at least {} px in {side}",
                            limit.value
                        )),
                    );
                }
            }
            for limit in limits(network, max_field) {
                if v > limit.value {
                    f.report(
                        "post/media-dimensions",
                        Location::path(format!("{path}.{side}")),
                        format!(
                            "{what} {side} of {v} px: {name} takes at most {} px",
                            limit.value
                        ),
                        Some(format!(
                            "resize the image to at most {} px in {side}",
                            limit.value
                        )),
                    );
                }
            }
        }
    }
    let (Some(w), Some(h)) = (
        m.width.map(u64::from).filter(|v| *v > 0),
        m.height.map(u64::from).filter(|v| *v > 0),
    ) else {
        return;
    };
    let (min_field, max_field) = if video {
        (Field::VideoMinAspect, Field::VideoMaxAspect)
    } else {
        (Field::ImageMinAspect, Field::ImageMaxAspect)
    };
    // Compared in integers (w × 1000 against ratio × h) so that 4:5 is exactly 800.
    let ratio = w as f64 / h as f64;
    for limit in limits(network, min_field) {
        if w * 1000 < limit.value * h {
            f.report(
                "post/media-aspect-ratio",
                Location::path(path),
                format!(
                    "{what} of {w}×{h} (aspect {ratio:.3}): {name} takes {what}s no narrower than {}",
                    aspect(limit.value)
                ),
                Some(format!("crop to an aspect ratio of at least {}", aspect(limit.value))),
            );
        }
    }
    for limit in limits(network, max_field) {
        if w * 1000 > limit.value * h {
            f.report(
                "post/media-aspect-ratio",
                Location::path(path),
                format!(
                    "{what} of {w}×{h} (aspect {ratio:.3}): {name} takes {what}s no wider than {}",
                    aspect(limit.value)
                ),
                Some(format!(
                    "crop to an aspect ratio of at most {}",
                    aspect(limit.value)
                )),
            );
        }
    }
}

/// An aspect ratio in thousandths, written as a decimal width ÷ height (`0.8`, `1.91`).
fn aspect(milli: u64) -> String {
    let s = format!("{:.3}", milli as f64 / 1000.0);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
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
    fn content_warning_counts_on_mastodon_only() {
        let post = |text: &str, warning: &str| Post {
            content_warning: Some(warning.into()),
            ..Post::text(text)
        };
        let near_limit = "a".repeat(490);
        assert!(rules(&Post::text(&near_limit), Network::Mastodon).is_empty());
        assert_eq!(
            rules(&post(&near_limit, "spoilers: film"), Network::Mastodon),
            ["post/too-long"]
        );
        assert!(rules(&post("hi", "spoilers"), Network::Mastodon).is_empty());
        // An empty warning is no warning.
        assert!(rules(&post("hi", ""), Network::X).is_empty());
        assert_eq!(
            rules(&post("hi", "spoilers"), Network::Bluesky),
            ["post/content-warning-unsupported"]
        );
        // The warning alone can make a text-less status too long.
        let mut options = CheckOptions::default();
        options.count.mastodon_max_characters = Some(5);
        let found = check_post_with(
            &Post {
                media: vec![Media::default()],
                ..post("", "a long warning")
            },
            Network::Mastodon,
            &options,
        )
        .unwrap();
        assert!(found.iter().any(|f| f.rule == "post/too-long"));
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
            content_warning: None,
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

    fn media_post(kind: MediaKind, width: Option<u32>, height: Option<u32>) -> Post {
        Post {
            text: "Voir".into(),
            content_type: None,
            media: vec![Media {
                kind: Some(kind),
                width,
                height,
                alt_text: Some("Une tasse".into()),
                ..Default::default()
            }],
            link: None,
            content_warning: None,
        }
    }

    #[test]
    fn media_dimensions_and_aspect_ratio() {
        use MediaKind::{Image, Video};
        let dims = |n, k, w, h| {
            rules(&media_post(k, w, h), n)
                .into_iter()
                .filter(|r| r.starts_with("post/media-"))
                .collect::<Vec<_>>()
        };
        // Instagram: 4:5 to 1.91:1, width 320 to 1440; the bounds themselves pass.
        assert!(dims(Network::Instagram, Image, Some(1080), Some(1350)).is_empty());
        assert!(dims(Network::Instagram, Image, Some(1910), Some(1000)).len() == 1);
        assert!(dims(Network::Instagram, Image, Some(1146), Some(600)).is_empty());
        assert_eq!(
            dims(Network::Instagram, Image, Some(1080), Some(1920)),
            ["post/media-aspect-ratio"]
        );
        assert_eq!(
            dims(Network::Instagram, Image, Some(200), Some(200)),
            ["post/media-dimensions"]
        );
        // X: images up to 8192 px a side, video 1:3 to 3:1.
        assert_eq!(
            dims(Network::X, Image, Some(9000), Some(4000)),
            ["post/media-dimensions"]
        );
        assert!(dims(Network::X, Video, Some(1080), Some(1920)).is_empty());
        assert_eq!(
            dims(Network::X, Video, Some(4000), Some(1000)),
            ["post/media-aspect-ratio"]
        );
        // LinkedIn video 1:2.4 to 2.4:1; Threads images up to 10:1.
        assert_eq!(
            dims(Network::LinkedIn, Video, Some(400), Some(1000)),
            ["post/media-aspect-ratio"]
        );
        assert_eq!(
            dims(Network::Threads, Image, Some(11000), Some(1000)),
            ["post/media-aspect-ratio"]
        );
        // Pinterest: at least 600×900.
        assert_eq!(
            dims(Network::Pinterest, Image, Some(500), Some(800)),
            ["post/media-dimensions", "post/media-dimensions"]
        );
        // Missing or zero dimensions: nothing to check.
        assert!(dims(Network::Instagram, Image, None, Some(5000)).is_empty());
        assert!(dims(Network::Instagram, Image, Some(1080), None).is_empty());
        assert!(dims(Network::X, Video, Some(0), Some(0)).is_empty());
        assert!(dims(Network::Bluesky, Image, Some(20000), Some(100)).is_empty());
        let found = check_post(
            &media_post(Image, Some(1080), Some(1920)),
            Network::Instagram,
        )
        .unwrap();
        assert_eq!(found[0].location.path.as_deref(), Some("media[0]"));
        assert!(
            found[0].message.contains("no narrower than 0.8"),
            "{}",
            found[0].message
        );
    }
}
