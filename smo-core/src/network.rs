//! The networks smo knows, with one data row each.
//!
//! Every fact in a row carries its source, the date it was checked ("as of") and a
//! [`Confidence`]: platform-documented, observed in code, or third-party. Third-party facts are
//! configurable defaults, not truths, and are reported as such (see [`Fact::is_default`]). Facts
//! come from `shared/reference/networks-and-text.md` (handles, profile URLs), the platforms'
//! help and analytics pages (content types, metrics) and `smo-practice.md` §4.1 (cadence).
//! To change a fact, edit its row here: no other code holds a network's limits.
//!
//! The handle rule types ([`HandleRule`], [`HandleForm`], [`Charset`]) are defined here, with the
//! table that holds them, so this module needs nothing from [`crate::handle`], which reads them to
//! check and normalise handles, and adds [`Network::profile_url`], which needs that normal form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::content::ContentType;
use crate::error::{Error, closest};
use crate::metric::Metric;

/// How sure smo is of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Documented and enforced by the platform.
    Platform,
    /// Observed in the platform's code or conformance data at a named commit.
    Code,
    /// Third-party or unconfirmed: a configurable default.
    ThirdParty,
}

impl Confidence {
    /// The lower-case name used in bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Platform => "platform",
            Confidence::Code => "code",
            Confidence::ThirdParty => "third_party",
        }
    }
}

/// A value with its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Fact<T> {
    /// The value.
    pub value: T,
    /// Where it comes from (a URL).
    pub source: &'static str,
    /// When it was last checked (ISO date or month).
    pub as_of: &'static str,
    /// How sure smo is.
    pub confidence: Confidence,
}

impl<T> Fact<T> {
    /// Whether the fact is an unconfirmed default rather than a platform-confirmed value.
    pub fn is_default(&self) -> bool {
        self.confidence == Confidence::ThirdParty
    }
}

/// Soft guidance on how often to publish, in posts per week.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cadence {
    /// Fewest posts per week advised.
    pub min_per_week: f64,
    /// Most posts per week advised.
    pub max_per_week: f64,
}

macro_rules! networks {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal $(| $alias:literal)*; )*) => {
        /// A social network.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Network { $( $(#[$doc])* $variant, )* }

        impl Network {
            /// Every network smo knows, in table order.
            pub const ALL: [Network; 14] = [$(Network::$variant,)*];

            /// The id used in files and bindings (`x`, `linkedin`, ...).
            pub fn as_str(self) -> &'static str {
                match self { $(Network::$variant => $id,)* }
            }

            fn from_alias(s: &str) -> Option<Network> {
                match s {
                    $($id $(| $alias)* => Some(Network::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

networks! {
    /// Facebook (Meta).
    Facebook = "facebook" | "fb" | "meta";
    /// Instagram (Meta).
    Instagram = "instagram" | "ig" | "insta";
    /// X, formerly Twitter.
    X = "x" | "twitter";
    /// LinkedIn.
    LinkedIn = "linkedin";
    /// YouTube.
    YouTube = "youtube" | "yt";
    /// TikTok.
    TikTok = "tiktok";
    /// Pinterest.
    Pinterest = "pinterest";
    /// Threads (Meta).
    Threads = "threads";
    /// Bluesky (AT Protocol).
    Bluesky = "bluesky" | "bsky";
    /// Mastodon (and other ActivityPub servers speaking its API).
    Mastodon = "mastodon" | "fediverse";
    /// Snapchat.
    Snapchat = "snapchat";
    /// Reddit.
    Reddit = "reddit";
    /// Telegram (channels).
    Telegram = "telegram";
    /// WhatsApp (channels and business accounts).
    WhatsApp = "whatsapp";
}

impl Network {
    /// This network's data row.
    ///
    /// ```
    /// use smo_core::Network;
    /// assert_eq!(Network::X.info().name, "X");
    /// assert_eq!(Network::X.info().handle.value.max_len, 15);
    /// ```
    pub fn info(self) -> &'static NetworkInfo {
        // The table is built in `Network::ALL` order; a test checks it.
        &NETWORKS[self as usize]
    }

    /// Whether the network supports a content type.
    pub fn supports(self, content: ContentType) -> bool {
        self.info().content_types.value.contains(&content)
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Network {
    type Err = Error;

    /// Parses an id or a common alias, case-insensitively.
    ///
    /// ```
    /// use smo_core::Network;
    /// assert_eq!("Twitter".parse::<Network>().unwrap(), Network::X);
    /// let err = "linkdin".parse::<Network>().unwrap_err();
    /// assert!(err.to_string().contains("linkedin"));
    /// ```
    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase();
        Network::from_alias(&key).ok_or_else(|| {
            let ids = Network::ALL.map(|n| n.as_str());
            let hint = closest(&key, ids)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            Error::UnknownNetwork {
                name: s.to_owned(),
                hint,
                known: ids.join(", "),
            }
        })
    }
}

impl Serialize for Network {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Network {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The shape of a handle on a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HandleForm {
    /// `@name`.
    At,
    /// A path segment of the profile URL (`facebook.com/name`).
    Path,
    /// A domain name (Bluesky).
    Domain,
    /// `user@instance` (Mastodon and the fediverse).
    Fediverse,
    /// `u/name` (Reddit).
    RedditUser,
    /// An international phone number (WhatsApp).
    Phone,
}

/// The characters a handle may use, before the rule's extra characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Charset {
    /// ASCII letters and digits.
    AsciiAlnum,
    /// Letters and digits of any script.
    UnicodeAlnum,
    /// ASCII digits only.
    Digits,
}

/// A network's handle rule, as stored in its data row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct HandleRule {
    /// Shape of the handle.
    pub form: HandleForm,
    /// Fewest characters (of the name; of the local part for Mastodon).
    pub min_len: u32,
    /// Most characters.
    pub max_len: u32,
    /// Base character set.
    pub charset: Charset,
    /// Characters allowed besides the base set.
    pub extra: &'static str,
    /// Must start with an ASCII letter.
    pub start_letter: bool,
    /// Characters not allowed first or last.
    pub no_edge: &'static str,
    /// Characters not allowed last.
    pub no_end: &'static str,
    /// Characters not allowed twice in a row.
    pub no_repeat: &'static str,
    /// At most this many of the `extra` characters in all.
    pub max_specials: Option<u8>,
    /// Substrings the network refuses (case-insensitive).
    pub forbidden: &'static [&'static str],
    /// Prefixes the network refuses (case-insensitive).
    pub forbidden_prefixes: &'static [&'static str],
    /// Suffixes the network refuses (case-insensitive).
    pub forbidden_suffixes: &'static [&'static str],
    /// Characters the network ignores when it compares handles.
    pub ignored: &'static str,
}

/// Everything smo knows about one network.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NetworkInfo {
    /// The network.
    pub network: Network,
    /// Display name.
    pub name: &'static str,
    /// Public profile URL pattern: `{handle}` (or `{instance}`, `{user}` for Mastodon).
    pub profile_url: Fact<&'static str>,
    /// Handle rules.
    pub handle: Fact<HandleRule>,
    /// Content types the network supports for a brand account.
    pub content_types: Fact<&'static [ContentType]>,
    /// Metrics the network's own analytics report to the account owner.
    pub metrics: Fact<&'static [Metric]>,
    /// Soft publishing-frequency guidance, where a published study gives one.
    pub cadence: Option<Fact<Cadence>>,
}

/// The network table, in [`Network::ALL`] order.
pub static NETWORKS: [NetworkInfo; 14] = rows::TABLE;

/// The rows of the network table.
mod rows {
    use super::{Cadence, Charset, Confidence, Fact, HandleForm, HandleRule, Network, NetworkInfo};
    use crate::content::ContentType as C;
    use crate::metric::Metric as M;

    const AS_OF: &str = "2026-11";
    const NT: &str = "shared/reference/networks-and-text.md §3 (handles) and §5 (profile URLs)";
    const HOOTSUITE_2023: &str = "https://tmp.4pmtech.com/kak-chasto-publikovat-soobshheniya-v-soczialnyh-setyah-v-2023-godu";

    const fn fact<T>(value: T, source: &'static str, confidence: Confidence) -> Fact<T> {
        Fact {
            value,
            source,
            as_of: AS_OF,
            confidence,
        }
    }
    const fn t<T>(value: T, source: &'static str) -> Fact<T> {
        fact(value, source, Confidence::ThirdParty)
    }
    const fn p<T>(value: T, source: &'static str) -> Fact<T> {
        fact(value, source, Confidence::Platform)
    }
    const fn cadence(min: f64, max: f64, source: &'static str) -> Option<Fact<Cadence>> {
        Some(t(
            Cadence {
                min_per_week: min,
                max_per_week: max,
            },
            source,
        ))
    }

    pub(super) const TABLE: [NetworkInfo; 14] = [
        NetworkInfo {
            network: Network::Facebook,
            name: "Facebook",
            profile_url: t("https://www.facebook.com/{handle}", NT),
            handle: t(
                HandleRule {
                    form: HandleForm::Path,
                    min_len: 5,
                    max_len: 50,
                    charset: Charset::AsciiAlnum,
                    extra: ".",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[".com", ".net"],
                    ignored: ".",
                },
                "https://lookaside.fbsbx.com/help/105399436216001",
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Link,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::ShortVideo,
                    C::Story,
                    C::Live,
                    C::Event,
                ],
                "https://www.facebook.com/business/help/1695754927158071",
            ),
            metrics: t(
                &[
                    M::Views,
                    M::Reach,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::Clicks,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://www.facebook.com/business/help/2039942939683582",
            ),
            cadence: cadence(7.0, 14.0, HOOTSUITE_2023),
        },
        NetworkInfo {
            network: Network::Instagram,
            name: "Instagram",
            profile_url: t("https://www.instagram.com/{handle}/", NT),
            handle: t(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 1,
                    max_len: 30,
                    charset: Charset::AsciiAlnum,
                    extra: "._",
                    start_letter: false,
                    no_edge: ".",
                    no_end: "",
                    no_repeat: ".",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                NT,
            ),
            content_types: t(
                &[
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::ShortVideo,
                    C::Story,
                    C::Live,
                ],
                "https://help.instagram.com/1660923094227526",
            ),
            metrics: p(
                &[
                    M::Views,
                    M::Reach,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::Saves,
                    M::Clicks,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights",
            ),
            cadence: cadence(
                2.0,
                7.0,
                "Hootsuite 2023 (3-7 a week) and A. Mosseri, June 2021 (2 a week), smo-practice.md §4.1",
            ),
        },
        NetworkInfo {
            network: Network::X,
            name: "X",
            profile_url: t("https://x.com/{handle}", NT),
            handle: fact(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 4,
                    max_len: 15,
                    charset: Charset::AsciiAlnum,
                    extra: "_",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &["twitter", "admin"],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://help.x.com/en/managing-your-account/x-username-rules",
                Confidence::Platform,
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Link,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::Live,
                    C::Poll,
                    C::Article,
                ],
                "https://help.x.com/en/using-x/types-of-posts",
            ),
            metrics: t(
                &[
                    M::Impressions,
                    M::Views,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::Saves,
                    M::Clicks,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://help.x.com/en/managing-your-account/using-the-post-activity-dashboard",
            ),
            cadence: cadence(7.0, 35.0, HOOTSUITE_2023),
        },
        NetworkInfo {
            network: Network::LinkedIn,
            name: "LinkedIn",
            profile_url: t("https://www.linkedin.com/company/{handle}/", NT),
            handle: fact(
                HandleRule {
                    form: HandleForm::Path,
                    min_len: 3,
                    max_len: 100,
                    charset: Charset::AsciiAlnum,
                    // Company-page and default member slugs use hyphens; custom member URLs do not.
                    extra: "-",
                    start_letter: false,
                    no_edge: "-",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &["linkedin"],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://www.linkedin.com/help/linkedin/answer/87",
                Confidence::Platform,
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Link,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::Live,
                    C::Poll,
                    C::Article,
                    C::Document,
                    C::Event,
                ],
                "https://www.linkedin.com/help/linkedin/answer/a1341927",
            ),
            metrics: t(
                &[
                    M::Impressions,
                    M::Reach,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::Clicks,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://www.linkedin.com/help/linkedin/answer/a547077",
            ),
            cadence: cadence(
                5.0,
                35.0,
                "Hootsuite 2023 (1-5 a day); Buffer/SumAll (once per weekday), smo-practice.md §4.1",
            ),
        },
        NetworkInfo {
            network: Network::YouTube,
            name: "YouTube",
            profile_url: t("https://www.youtube.com/@{handle}", NT),
            handle: p(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 3,
                    max_len: 30,
                    charset: Charset::UnicodeAlnum,
                    extra: "_-.·",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &["://", "www."],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[".com", ".net", ".org"],
                    ignored: "",
                },
                "https://support.google.com/youtube/answer/11585688",
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::ShortVideo,
                    C::Live,
                    C::Poll,
                    C::Audio,
                ],
                "https://support.google.com/youtube/answer/57407",
            ),
            metrics: p(
                &[
                    M::Impressions,
                    M::Views,
                    M::Reach,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::VideoViews,
                    M::Followers,
                ],
                "https://developers.google.com/youtube/analytics/metrics",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::TikTok,
            name: "TikTok",
            profile_url: t("https://www.tiktok.com/@{handle}", NT),
            handle: t(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 2,
                    max_len: 24,
                    charset: Charset::AsciiAlnum,
                    extra: "_.",
                    start_letter: false,
                    no_edge: "",
                    no_end: ".",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://support.tiktok.com/en/getting-started/setting-up-your-profile/changing-your-username",
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::ShortVideo,
                    C::Story,
                    C::Live,
                ],
                "https://support.tiktok.com/en/using-tiktok/creating-videos",
            ),
            metrics: t(
                &[
                    M::Views,
                    M::Reach,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::Saves,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://support.tiktok.com/en/using-tiktok/growing-your-audience/using-tiktok-analytics",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Pinterest,
            name: "Pinterest",
            profile_url: t("https://www.pinterest.com/{handle}/", NT),
            handle: t(
                HandleRule {
                    form: HandleForm::Path,
                    min_len: 3,
                    max_len: 30,
                    charset: Charset::AsciiAlnum,
                    extra: "_",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                NT,
            ),
            content_types: t(
                &[C::Link, C::Image, C::Carousel, C::Video],
                "https://help.pinterest.com/en/business/article/pin-formats",
            ),
            metrics: p(
                &[
                    M::Impressions,
                    M::Reach,
                    M::Likes,
                    M::Comments,
                    M::Saves,
                    M::Clicks,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://developers.pinterest.com/docs/api/v5/pins-analytics/",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Threads,
            name: "Threads",
            profile_url: t("https://www.threads.com/@{handle}", NT),
            // The Threads username is the Instagram username (T).
            handle: t(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 1,
                    max_len: 30,
                    charset: Charset::AsciiAlnum,
                    extra: "._",
                    start_letter: false,
                    no_edge: ".",
                    no_end: "",
                    no_repeat: ".",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                NT,
            ),
            content_types: p(
                &[C::Text, C::Link, C::Image, C::Carousel, C::Video, C::Poll],
                "https://developers.facebook.com/documentation/threads/posts",
            ),
            metrics: p(
                &[
                    M::Views,
                    M::Likes,
                    M::Comments,
                    M::Shares,
                    M::Clicks,
                    M::Followers,
                ],
                "https://developers.facebook.com/docs/threads/insights",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Bluesky,
            name: "Bluesky",
            profile_url: t("https://bsky.app/profile/{handle}", NT),
            handle: p(
                HandleRule {
                    form: HandleForm::Domain,
                    min_len: 3,
                    max_len: 253,
                    charset: Charset::AsciiAlnum,
                    extra: "-.",
                    start_letter: false,
                    no_edge: "-",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[
                        ".local",
                        ".arpa",
                        ".invalid",
                        ".localhost",
                        ".internal",
                        ".example",
                        ".alt",
                        ".onion",
                    ],
                    ignored: "",
                },
                "https://atproto.com/specs/handle",
            ),
            content_types: p(
                &[C::Text, C::Link, C::Image, C::Carousel, C::Video],
                "https://github.com/bluesky-social/atproto/tree/d6296a1cfdb40a773319cb59061300e4e8e52f26/lexicons/app/bsky",
            ),
            // No analytics of its own: only the public counters of a post and profile.
            metrics: fact(
                &[M::Likes, M::Comments, M::Shares, M::Followers],
                "https://github.com/bluesky-social/atproto/tree/d6296a1cfdb40a773319cb59061300e4e8e52f26/lexicons/app/bsky/feed/defs.json",
                Confidence::Code,
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Mastodon,
            name: "Mastodon",
            profile_url: t("https://{instance}/@{user}", NT),
            handle: fact(
                HandleRule {
                    form: HandleForm::Fediverse,
                    min_len: 1,
                    max_len: 30,
                    charset: Charset::AsciiAlnum,
                    extra: "_",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://github.com/mastodon/mastodon (app/models/account.rb)",
                Confidence::Code,
            ),
            content_types: p(
                &[
                    C::Text,
                    C::Link,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::Poll,
                    C::Audio,
                ],
                "https://docs.joinmastodon.org/user/posting/",
            ),
            // Public counters only (favourites, boosts, replies, followers).
            metrics: p(
                &[M::Likes, M::Comments, M::Shares, M::Followers],
                "https://docs.joinmastodon.org/entities/Status/",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Snapchat,
            name: "Snapchat",
            profile_url: t(
                "https://www.snapchat.com/add/{handle}",
                "https://help.snapchat.com/hc/en-us/articles/7012304746644",
            ),
            handle: t(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 3,
                    max_len: 15,
                    charset: Charset::AsciiAlnum,
                    extra: "-_.",
                    start_letter: true,
                    no_edge: "",
                    no_end: "-_.",
                    no_repeat: "",
                    max_specials: Some(1),
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://help.snapchat.com/hc/en-us/articles/7012304746644",
            ),
            content_types: t(
                &[C::Image, C::Video, C::ShortVideo, C::Story],
                "https://help.snapchat.com/hc/en-us/articles/7012343074580",
            ),
            metrics: t(
                &[
                    M::Views,
                    M::Reach,
                    M::Shares,
                    M::VideoViews,
                    M::Followers,
                    M::ProfileVisits,
                ],
                "https://businesshelp.snapchat.com/s/article/public-profile-insights",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Reddit,
            name: "Reddit",
            profile_url: t("https://www.reddit.com/user/{handle}", NT),
            handle: fact(
                HandleRule {
                    form: HandleForm::RedditUser,
                    min_len: 3,
                    max_len: 20,
                    charset: Charset::AsciiAlnum,
                    extra: "_-",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &[],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://github.com/reddit-archive/reddit/blob/fdf072b38a33ab50b0dc6fa46e07ceff7b3363ed/r2/r2/lib/validator/validator.py",
                Confidence::Code,
            ),
            content_types: t(
                &[C::Text, C::Link, C::Image, C::Carousel, C::Video, C::Poll],
                "https://support.reddithelp.com/hc/en-us/articles/360060565552",
            ),
            metrics: t(
                &[M::Views, M::Likes, M::Comments, M::Shares, M::Followers],
                "https://support.reddithelp.com/hc/en-us/articles/15484452768020",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::Telegram,
            name: "Telegram",
            profile_url: t("https://t.me/{handle}", NT),
            handle: t(
                HandleRule {
                    form: HandleForm::At,
                    min_len: 5,
                    max_len: 32,
                    charset: Charset::AsciiAlnum,
                    extra: "_",
                    start_letter: true,
                    no_edge: "",
                    no_end: "_",
                    no_repeat: "_",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &["telegram", "admin", "support"],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://core.telegram.org/method/account.updateUsername",
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Link,
                    C::Image,
                    C::Carousel,
                    C::Video,
                    C::Story,
                    C::Live,
                    C::Poll,
                    C::Document,
                    C::Audio,
                ],
                "https://telegram.org/faq_channels",
            ),
            metrics: t(
                &[M::Views, M::Likes, M::Comments, M::Shares, M::Followers],
                "https://telegram.org/blog/channel-stats",
            ),
            cadence: None,
        },
        NetworkInfo {
            network: Network::WhatsApp,
            name: "WhatsApp",
            profile_url: t(
                "https://wa.me/{handle}",
                "https://faq.whatsapp.com/5913398998672934",
            ),
            // A business is reached by its phone number in international form (E.164: at most
            // 15 digits, country code included).
            handle: t(
                HandleRule {
                    form: HandleForm::Phone,
                    min_len: 7,
                    max_len: 15,
                    charset: Charset::Digits,
                    extra: "",
                    start_letter: false,
                    no_edge: "",
                    no_end: "",
                    no_repeat: "",
                    max_specials: None,
                    forbidden: &[],
                    forbidden_prefixes: &["0"],
                    forbidden_suffixes: &[],
                    ignored: "",
                },
                "https://faq.whatsapp.com/5913398998672934",
            ),
            content_types: t(
                &[
                    C::Text,
                    C::Link,
                    C::Image,
                    C::Video,
                    C::Story,
                    C::Poll,
                    C::Audio,
                ],
                "https://faq.whatsapp.com/549900560675125",
            ),
            metrics: t(
                &[M::Views, M::Likes, M::Followers],
                "https://faq.whatsapp.com/1151371312729493",
            ),
            cadence: None,
        },
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_enum_order_and_complete() {
        for (i, n) in Network::ALL.iter().enumerate() {
            assert_eq!(NETWORKS[i].network, *n, "row {i}");
            let row = n.info();
            assert!(!row.profile_url.source.is_empty() && !row.handle.source.is_empty());
            assert!(
                !row.content_types.value.is_empty(),
                "{n} has no content types"
            );
            assert!(row.handle.value.min_len <= row.handle.value.max_len);
        }
    }

    #[test]
    fn ids_round_trip() {
        for n in Network::ALL {
            assert_eq!(n.as_str().parse::<Network>().unwrap(), n);
            assert_eq!(n.as_str().to_uppercase().parse::<Network>().unwrap(), n);
        }
    }
}
