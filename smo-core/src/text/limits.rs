//! The limits table: one row per network × field, each with its unit, source and date.
//!
//! Facts come from `shared/reference/networks-and-text.md` §2 (text) and §4 (media), which cites
//! the platforms' documentation and code. Rows marked [`Confidence::ThirdParty`] are configurable
//! defaults (vendor documentation, news), not platform facts. A field may have several rows: all
//! apply (Bluesky counts graphemes *and* bytes; Instagram's API refuses 31 hashtags while its
//! 2025 guidance is 5). To change a limit, edit its row here: no other code holds one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, closest};
use crate::network::{Confidence, Network};

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// X's weighted length (twitter-text v3 by default).
    XWeighted,
    /// Extended grapheme clusters (UAX #29).
    Graphemes,
    /// Unicode code points.
    CodePoints,
    /// UTF-16 code units.
    Utf16,
    /// UTF-8 bytes (or bytes of a media file).
    Bytes,
    /// Mastodon's count: graphemes, each `http(s)://` URL as 23, `@user@host` as `@user`,
    /// plus the graphemes of the status's content warning as written.
    MastodonChars,
    /// Threads' count: code points, an emoji sequence as its UTF-8 bytes (unconfirmed).
    ThreadsChars,
    /// YouTube tags: characters of the comma-joined list, a tag with a space counted quoted.
    YouTubeTags,
    /// "Characters" with no unit documented: counted in [`CountOptions::chars_unit`]
    /// (UTF-16 by default, the most a JavaScript client would count).
    ///
    /// [`CountOptions::chars_unit`]: super::CountOptions::chars_unit
    Chars,
    /// A number of things (hashtags, links, images).
    Items,
    /// Seconds of video.
    Seconds,
    /// Pixels (an image's or video's width or height).
    Pixels,
    /// An aspect ratio, width ÷ height, in thousandths (4:5 is 800, 1.91:1 is 1910).
    AspectMilli,
}

impl Unit {
    /// The id used in bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::XWeighted => "x_weighted",
            Unit::Graphemes => "graphemes",
            Unit::CodePoints => "code_points",
            Unit::Utf16 => "utf16",
            Unit::Bytes => "bytes",
            Unit::MastodonChars => "mastodon_chars",
            Unit::ThreadsChars => "threads_chars",
            Unit::YouTubeTags => "youtube_tags",
            Unit::Chars => "chars",
            Unit::Items => "items",
            Unit::Seconds => "seconds",
            Unit::Pixels => "pixels",
            Unit::AspectMilli => "aspect_milli",
        }
    }

    /// Whether the unit measures text.
    pub fn is_text(self) -> bool {
        !matches!(
            self,
            Unit::Items | Unit::Seconds | Unit::Pixels | Unit::AspectMilli
        )
    }
}

impl Unit {
    /// Every unit.
    pub const ALL: [Unit; 13] = [
        Unit::XWeighted,
        Unit::Graphemes,
        Unit::CodePoints,
        Unit::Utf16,
        Unit::Bytes,
        Unit::MastodonChars,
        Unit::ThreadsChars,
        Unit::YouTubeTags,
        Unit::Chars,
        Unit::Items,
        Unit::Seconds,
        Unit::Pixels,
        Unit::AspectMilli,
    ];
}

impl FromStr for Unit {
    type Err = Error;

    /// ```
    /// use smo_core::text::Unit;
    /// assert_eq!("graphemes".parse::<Unit>().unwrap(), Unit::Graphemes);
    /// assert!("glyphs".parse::<Unit>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase();
        Unit::ALL
            .into_iter()
            .find(|u| u.as_str() == key)
            .ok_or_else(|| Error::Argument {
                name: "unit".into(),
                message: format!(
                    "`{s}` is not a unit: use one of {}",
                    Unit::ALL.map(|u| u.as_str()).join(", ")
                ),
            })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! fields {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal; )*) => {
        /// A limited field of a post, profile or upload.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field { $( $(#[$doc])* $variant, )* }

        impl Field {
            /// Every field.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The id used in files and bindings.
            pub fn as_str(self) -> &'static str {
                match self { $(Field::$variant => $id,)* }
            }
        }
    };
}

fields! {
    /// The text of a post (status, tweet, skeet, self text).
    Post = "post";
    /// A long post for paying accounts (X Premium).
    LongPost = "long_post";
    /// A comment or reply.
    Comment = "comment";
    /// The caption of a photo or video post.
    Caption = "caption";
    /// A title (video, pin, link post).
    Title = "title";
    /// A description (video, pin, photo post).
    Description = "description";
    /// A list of tags (YouTube tags, Bluesky `tags`).
    Tags = "tags";
    /// A message (Telegram, WhatsApp).
    Message = "message";
    /// The caption of a media message (Telegram).
    MediaCaption = "media_caption";
    /// A long text attached to a post (Threads).
    TextAttachment = "text_attachment";
    /// The alternative text of an image.
    AltText = "alt_text";
    /// A topic tag (Threads).
    TopicTag = "topic_tag";
    /// A profile's display name.
    DisplayName = "display_name";
    /// A profile's bio.
    Bio = "bio";
    /// A link URL.
    Link = "link";
    /// Hashtags in one post.
    Hashtags = "hashtags";
    /// Mentions in one post.
    Mentions = "mentions";
    /// Distinct links in one post.
    Links = "links";
    /// Images (or items of a carousel) in one post.
    Images = "images";
    /// Size of one image file.
    ImageSize = "image_size";
    /// Size of one video file.
    VideoSize = "video_size";
    /// Duration of one video.
    VideoDuration = "video_duration";
    /// Largest width of an image, in pixels.
    ImageMaxWidth = "image_max_width";
    /// Smallest width of an image, in pixels.
    ImageMinWidth = "image_min_width";
    /// Largest height of an image, in pixels.
    ImageMaxHeight = "image_max_height";
    /// Smallest height of an image, in pixels.
    ImageMinHeight = "image_min_height";
    /// Narrowest aspect ratio (width ÷ height) of an image, in thousandths.
    ImageMinAspect = "image_min_aspect";
    /// Widest aspect ratio (width ÷ height) of an image, in thousandths.
    ImageMaxAspect = "image_max_aspect";
    /// Narrowest aspect ratio (width ÷ height) of a video, in thousandths.
    VideoMinAspect = "video_min_aspect";
    /// Widest aspect ratio (width ÷ height) of a video, in thousandths.
    VideoMaxAspect = "video_max_aspect";
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Field {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase();
        Field::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == key)
            .ok_or_else(|| {
                let ids = Field::ALL.iter().map(|f| f.as_str());
                let hint = closest(&key, ids.clone())
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                Error::Argument {
                    name: "field".into(),
                    message: format!(
                        "`{s}` is not a field{hint}: use one of {}",
                        ids.collect::<Vec<_>>().join(", ")
                    ),
                }
            })
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// One row of the limits table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Limit {
    /// The network.
    pub network: Network,
    /// The field limited.
    pub field: Field,
    /// The most allowed (or advised, for third-party guidance); the least for a `*_min_*` field.
    pub value: u64,
    /// What `value` counts.
    pub unit: Unit,
    /// How sure smo is.
    pub confidence: Confidence,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

const AS_OF: &str = "2026-11";
const NT: &str = "shared/reference/networks-and-text.md";
const X_COUNT: &str = "https://docs.x.com/fundamentals/counting-characters";
const TH_POSTS: &str = "https://developers.facebook.com/documentation/threads/posts";
const TH_TEXT: &str =
    "https://developers.facebook.com/documentation/threads/create-posts/text-attachments";
const BSKY_LEX: &str = "https://github.com/bluesky-social/atproto/tree/d6296a1cfdb40a773319cb59061300e4e8e52f26/lexicons/app/bsky";
const MASTO: &str =
    "https://docs.joinmastodon.org/user/posting/ and app/validators/status_length_validator.rb";
const MASTO_MEDIA: &str = "https://docs.joinmastodon.org/user/posting/#media";
const BUF: &str = "https://developers.buffer.com/guides/character-limits.md";
const AYR: &str = "https://www.ayrshare.com/docs";
const IG_API: &str = "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media";
const IG_5: &str = "https://indianexpress.com/article/technology/social/posting-on-instagram-you-can-now-use-only-five-hashtags-per-post-and-reel-10429929";
const TK_API: &str = "https://developers.tiktok.com/doc/content-posting-api-reference-direct-post";
const YT_VIDEOS: &str = "https://developers.google.com/youtube/v3/docs/videos";
const YT_TAGS: &str = "https://support.google.com/youtube/answer/6390658";
const PIN_API: &str = "https://github.com/pinterest/api-description/blob/c05b18971472342ebdf4bafc15fea8a91c78bf79/v5/openapi.yaml";
const TG_BOT: &str = "https://core.telegram.org/bots/api#sendmessage";
const RD_CODE: &str = "https://github.com/reddit-archive/reddit/blob/fdf072b38a33ab50b0dc6fa46e07ceff7b3363ed/r2/r2/lib/validator/validator.py";
const WA_API: &str =
    "https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#text-object";

const fn row(
    network: Network,
    field: Field,
    value: u64,
    unit: Unit,
    confidence: Confidence,
    source: &'static str,
) -> Limit {
    Limit {
        network,
        field,
        value,
        unit,
        confidence,
        source,
        as_of: AS_OF,
    }
}

use Confidence::{Code as C, Platform as P, ThirdParty as T};
use Field as F;
use Network as N;
use Unit as U;

/// Every limit smo knows, grouped by network.
pub static LIMITS: &[Limit] = &[
    // X
    row(N::X, F::Post, 280, U::XWeighted, P, X_COUNT),
    row(N::X, F::LongPost, 25_000, U::Chars, T, BUF),
    row(N::X, F::Hashtags, 2, U::Items, T, NT),
    row(N::X, F::Images, 4, U::Items, P, AYR),
    row(N::X, F::ImageSize, 5_000_000, U::Bytes, T, AYR),
    row(N::X, F::VideoSize, 512_000_000, U::Bytes, T, AYR),
    row(N::X, F::VideoDuration, 140, U::Seconds, T, AYR),
    row(N::X, F::ImageMaxWidth, 8_192, U::Pixels, T, AYR),
    row(N::X, F::ImageMaxHeight, 8_192, U::Pixels, T, AYR),
    row(N::X, F::VideoMinAspect, 333, U::AspectMilli, T, AYR),
    row(N::X, F::VideoMaxAspect, 3_000, U::AspectMilli, T, AYR),
    // Threads
    row(N::Threads, F::Post, 500, U::ThreadsChars, P, TH_POSTS),
    row(N::Threads, F::TextAttachment, 10_000, U::Chars, P, TH_TEXT),
    row(N::Threads, F::Links, 5, U::Items, P, TH_POSTS),
    row(N::Threads, F::TopicTag, 50, U::CodePoints, P, TH_POSTS),
    row(N::Threads, F::Hashtags, 1, U::Items, T, TH_POSTS),
    row(N::Threads, F::Images, 20, U::Items, T, AYR),
    row(N::Threads, F::ImageSize, 8_000_000, U::Bytes, T, AYR),
    row(N::Threads, F::VideoSize, 1_000_000_000, U::Bytes, T, AYR),
    row(N::Threads, F::VideoDuration, 300, U::Seconds, T, AYR),
    row(
        N::Threads,
        F::ImageMaxAspect,
        10_000,
        U::AspectMilli,
        T,
        AYR,
    ),
    // Bluesky
    row(N::Bluesky, F::Post, 300, U::Graphemes, P, BSKY_LEX),
    row(N::Bluesky, F::Post, 3_000, U::Bytes, P, BSKY_LEX),
    row(N::Bluesky, F::Tags, 8, U::Items, P, BSKY_LEX),
    row(N::Bluesky, F::DisplayName, 64, U::Graphemes, P, BSKY_LEX),
    row(N::Bluesky, F::DisplayName, 640, U::Bytes, P, BSKY_LEX),
    row(N::Bluesky, F::Bio, 256, U::Graphemes, P, BSKY_LEX),
    row(N::Bluesky, F::Bio, 2_560, U::Bytes, P, BSKY_LEX),
    row(N::Bluesky, F::Images, 4, U::Items, P, BSKY_LEX),
    row(N::Bluesky, F::ImageSize, 2_000_000, U::Bytes, P, BSKY_LEX),
    row(N::Bluesky, F::VideoSize, 300_000_000, U::Bytes, P, BSKY_LEX),
    row(N::Bluesky, F::VideoDuration, 180, U::Seconds, T, NT),
    // Mastodon (instance defaults; read the instance's configuration)
    row(N::Mastodon, F::Post, 500, U::MastodonChars, P, MASTO),
    row(N::Mastodon, F::DisplayName, 30, U::Graphemes, C, MASTO),
    row(N::Mastodon, F::Bio, 500, U::Graphemes, C, MASTO),
    row(N::Mastodon, F::Images, 4, U::Items, P, MASTO_MEDIA),
    row(
        N::Mastodon,
        F::ImageSize,
        16_000_000,
        U::Bytes,
        P,
        MASTO_MEDIA,
    ),
    row(
        N::Mastodon,
        F::VideoSize,
        99_000_000,
        U::Bytes,
        P,
        MASTO_MEDIA,
    ),
    // LinkedIn
    row(N::LinkedIn, F::Post, 3_000, U::Chars, T, BUF),
    row(N::LinkedIn, F::Comment, 1_250, U::Chars, T, BUF),
    row(N::LinkedIn, F::ImageSize, 5_000_000, U::Bytes, T, AYR),
    row(N::LinkedIn, F::VideoDuration, 1_800, U::Seconds, T, AYR),
    row(N::LinkedIn, F::VideoMinAspect, 416, U::AspectMilli, T, AYR),
    row(
        N::LinkedIn,
        F::VideoMaxAspect,
        2_400,
        U::AspectMilli,
        T,
        AYR,
    ),
    // Facebook
    row(N::Facebook, F::Post, 63_206, U::Chars, T, AYR),
    row(N::Facebook, F::Title, 255, U::Chars, T, AYR),
    // Instagram
    row(N::Instagram, F::Caption, 2_200, U::Chars, P, IG_API),
    row(N::Instagram, F::Hashtags, 30, U::Items, P, IG_API),
    row(N::Instagram, F::Hashtags, 5, U::Items, T, IG_5),
    row(N::Instagram, F::Mentions, 20, U::Items, P, IG_API),
    row(N::Instagram, F::Comment, 2_196, U::Chars, T, AYR),
    row(N::Instagram, F::AltText, 1_000, U::Chars, T, AYR),
    row(N::Instagram, F::Images, 10, U::Items, T, AYR),
    row(N::Instagram, F::ImageSize, 8_000_000, U::Bytes, T, AYR),
    row(N::Instagram, F::VideoDuration, 900, U::Seconds, T, AYR),
    row(N::Instagram, F::ImageMinWidth, 320, U::Pixels, T, AYR),
    row(N::Instagram, F::ImageMaxWidth, 1_440, U::Pixels, T, AYR),
    row(N::Instagram, F::ImageMinAspect, 800, U::AspectMilli, T, AYR),
    row(
        N::Instagram,
        F::ImageMaxAspect,
        1_910,
        U::AspectMilli,
        T,
        AYR,
    ),
    // TikTok
    row(N::TikTok, F::Caption, 2_200, U::Utf16, P, TK_API),
    row(N::TikTok, F::Title, 90, U::Chars, T, BUF),
    row(N::TikTok, F::Description, 4_000, U::Chars, T, BUF),
    row(N::TikTok, F::Hashtags, 5, U::Items, T, NT),
    row(N::TikTok, F::Images, 35, U::Items, T, NT),
    row(N::TikTok, F::ImageSize, 20_000_000, U::Bytes, T, NT),
    row(N::TikTok, F::VideoSize, 4_000_000_000, U::Bytes, T, NT),
    row(N::TikTok, F::VideoDuration, 600, U::Seconds, T, NT),
    // YouTube
    row(N::YouTube, F::Title, 100, U::CodePoints, P, YT_VIDEOS),
    row(N::YouTube, F::Description, 5_000, U::Bytes, P, YT_VIDEOS),
    row(N::YouTube, F::Tags, 500, U::YouTubeTags, P, YT_VIDEOS),
    row(N::YouTube, F::Hashtags, 60, U::Items, T, YT_TAGS),
    // Pinterest
    row(N::Pinterest, F::Title, 100, U::Chars, P, PIN_API),
    row(N::Pinterest, F::Description, 800, U::Chars, P, PIN_API),
    row(N::Pinterest, F::Description, 500, U::Chars, T, NT),
    row(N::Pinterest, F::AltText, 500, U::Chars, P, PIN_API),
    row(N::Pinterest, F::Link, 2_048, U::Chars, P, PIN_API),
    row(N::Pinterest, F::Images, 5, U::Items, T, AYR),
    row(N::Pinterest, F::ImageSize, 20_000_000, U::Bytes, T, AYR),
    row(N::Pinterest, F::VideoDuration, 900, U::Seconds, T, AYR),
    row(N::Pinterest, F::ImageMinWidth, 600, U::Pixels, T, AYR),
    row(N::Pinterest, F::ImageMinHeight, 900, U::Pixels, T, AYR),
    row(N::Pinterest, F::ImageMaxWidth, 2_000, U::Pixels, T, AYR),
    row(N::Pinterest, F::ImageMaxHeight, 3_000, U::Pixels, T, AYR),
    row(N::Pinterest, F::VideoMinAspect, 500, U::AspectMilli, T, AYR),
    row(
        N::Pinterest,
        F::VideoMaxAspect,
        1_910,
        U::AspectMilli,
        T,
        AYR,
    ),
    // Telegram
    row(N::Telegram, F::Message, 4_096, U::Utf16, P, TG_BOT),
    row(N::Telegram, F::MediaCaption, 1_024, U::Utf16, P, TG_BOT),
    // Reddit
    row(N::Reddit, F::Title, 300, U::CodePoints, C, RD_CODE),
    row(N::Reddit, F::Post, 40_000, U::CodePoints, C, RD_CODE),
    row(N::Reddit, F::Comment, 10_000, U::CodePoints, C, RD_CODE),
    // WhatsApp (Cloud API text message body)
    row(N::WhatsApp, F::Message, 4_096, U::Chars, P, WA_API),
];

/// The rows for one network and field, in table order.
pub fn limits(network: Network, field: Field) -> impl Iterator<Item = &'static Limit> {
    LIMITS
        .iter()
        .filter(move |l| l.network == network && l.field == field)
}

/// The field a network's main text goes in: `post`, else `caption`, `description`, `message`.
/// `None` for a network with no known text limit (Snapchat).
///
/// ```
/// use smo_core::{Network, text::{Field, main_field}};
/// assert_eq!(main_field(Network::Instagram), Some(Field::Caption));
/// assert_eq!(main_field(Network::Telegram), Some(Field::Message));
/// ```
pub fn main_field(network: Network) -> Option<Field> {
    [F::Post, F::Caption, F::Description, F::Message]
        .into_iter()
        .find(|f| limits(network, *f).any(|l| l.unit.is_text()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_network_but_snapchat_has_a_text_limit_with_a_unit() {
        for n in Network::ALL {
            let field = main_field(n);
            assert_eq!(field.is_none(), n == Network::Snapchat, "{n}");
        }
        for l in LIMITS {
            assert!(l.value > 0 && !l.source.is_empty() && !l.as_of.is_empty());
        }
    }

    #[test]
    fn fields_parse_back() {
        for f in Field::ALL {
            assert_eq!(f.as_str().parse::<Field>().unwrap(), *f);
        }
        assert!("caption ".parse::<Field>().is_ok());
        assert!(
            "captoin"
                .parse::<Field>()
                .unwrap_err()
                .to_string()
                .contains("caption")
        );
    }
}
