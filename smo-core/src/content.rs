//! Content types: the formats a brand publishes, and which networks take them.
//!
//! Which network supports which type is a fact of the network table ([`crate::network`]); this
//! module only names the types. Ids are the lower-case snake-case names used in files and
//! bindings (`short_video`); a few common synonyms are accepted on input (`status`, `reel`,
//! `podcast`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, closest};

/// A format of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContentType {
    /// A text status update (a "post", a "tweet", a "toot").
    Text,
    /// A post built around a link, with its preview card.
    Link,
    /// A single image.
    Image,
    /// Several images (or slides) swiped or shown as a set.
    Carousel,
    /// A video in the main feed.
    Video,
    /// A short vertical video (Reels, Shorts, TikTok, Spotlight).
    ShortVideo,
    /// An ephemeral story (24 h).
    Story,
    /// A live broadcast.
    Live,
    /// A poll.
    Poll,
    /// A long-form article published on the network.
    Article,
    /// A document (PDF) post.
    Document,
    /// Audio or a podcast episode.
    Audio,
    /// An event page or invitation.
    Event,
}

impl ContentType {
    /// Every content type, in declaration order.
    pub const ALL: [ContentType; 13] = [
        ContentType::Text,
        ContentType::Link,
        ContentType::Image,
        ContentType::Carousel,
        ContentType::Video,
        ContentType::ShortVideo,
        ContentType::Story,
        ContentType::Live,
        ContentType::Poll,
        ContentType::Article,
        ContentType::Document,
        ContentType::Audio,
        ContentType::Event,
    ];

    /// The id used in files and bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            ContentType::Text => "text",
            ContentType::Link => "link",
            ContentType::Image => "image",
            ContentType::Carousel => "carousel",
            ContentType::Video => "video",
            ContentType::ShortVideo => "short_video",
            ContentType::Story => "story",
            ContentType::Live => "live",
            ContentType::Poll => "poll",
            ContentType::Article => "article",
            ContentType::Document => "document",
            ContentType::Audio => "audio",
            ContentType::Event => "event",
        }
    }

    /// The networks that support this content type, from the network table.
    ///
    /// ```
    /// use smo_core::{ContentType, Network};
    /// assert!(ContentType::ShortVideo.networks().contains(&Network::TikTok));
    /// assert!(!ContentType::Text.networks().contains(&Network::Instagram));
    /// ```
    pub fn networks(self) -> Vec<crate::Network> {
        crate::Network::ALL
            .into_iter()
            .filter(|n| n.supports(self))
            .collect()
    }
}

impl fmt::Display for ContentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ContentType {
    type Err = Error;

    /// ```
    /// use smo_core::ContentType;
    /// assert_eq!("Reel".parse::<ContentType>().unwrap(), ContentType::ShortVideo);
    /// assert!("hologram".parse::<ContentType>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let alias = match key.as_str() {
            "status" | "post" => Some(ContentType::Text),
            "reel" | "reels" | "short" | "shorts" => Some(ContentType::ShortVideo),
            "podcast" => Some(ContentType::Audio),
            "album" | "gallery" => Some(ContentType::Carousel),
            _ => None,
        };
        alias
            .or_else(|| ContentType::ALL.into_iter().find(|c| c.as_str() == key))
            .ok_or_else(|| {
                let hint = closest(&key, ContentType::ALL.iter().map(|c| c.as_str()))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                Error::Argument {
                    name: "content_type".into(),
                    message: format!(
                        "`{s}` is not a content type{hint}: use one of {}",
                        ContentType::ALL.map(|c| c.as_str()).join(", ")
                    ),
                }
            })
    }
}

impl Serialize for ContentType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ContentType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
