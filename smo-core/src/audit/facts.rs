//! The facts the site audit relies on, one sourced row each.
//!
//! Preview-image sizes, card-text limits, X card types, profile hosts, embed hosts and widget
//! signatures change when platforms change. They live here and nowhere else:
//! rules read these tables, never their own constants. Every row names its source and the date
//! it was checked; the figures come from `shared/reference/site-audit.md` §1.2, §2, §3.1 and
//! `networks-and-text.md` §4–5. Thresholds that tools disagree on are defaults the caller can
//! change through [`AuditOptions`](super::AuditOptions).

/// When the rows of this module were last checked.
pub const AS_OF: &str = "2026-11";

const OGP: &str = "https://ogp.me/";
const FBI: &str = "https://developers.facebook.com/docs/sharing/webmasters/images";
const XM: &str = "https://developer.x.com/cards/markup";
const XO: &str = "https://developer.x.com/cards/overview";
const LI: &str = "https://www.linkedin.com/help/linkedin/answer/46687";
const LIS: &str = "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/share-plugin";
const XW: &str = "https://docs.x.com/x-for-websites/javascript-api/guides/set-up-x-for-websites";
const PINB: &str = "https://developers.pinterest.com/docs/web-features/buttons/";
const NT5: &str = "shared/reference/networks-and-text.md §5 (profile URLs)";

/// A preview-image size a consumer documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageSize {
    /// Who reads the image: `facebook`, `x`, `linkedin`.
    pub consumer: &'static str,
    /// What the size is for: `minimum`, `large`, `recommended`, `summary`, `summary_large_image`,
    /// `maximum`.
    pub purpose: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Where the figure comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// Preview-image sizes per consumer.
pub static IMAGE_SIZES: &[ImageSize] = &[
    ImageSize {
        consumer: "facebook",
        purpose: "minimum",
        width: 200,
        height: 200,
        source: FBI,
        as_of: AS_OF,
    },
    ImageSize {
        consumer: "facebook",
        purpose: "large",
        width: 600,
        height: 315,
        source: FBI,
        as_of: AS_OF,
    },
    ImageSize {
        consumer: "facebook",
        purpose: "recommended",
        width: 1200,
        height: 630,
        source: FBI,
        as_of: AS_OF,
    },
    ImageSize {
        consumer: "x",
        purpose: "summary",
        width: 144,
        height: 144,
        source: XO,
        as_of: AS_OF,
    },
    ImageSize {
        consumer: "x",
        purpose: "summary_large_image",
        width: 300,
        height: 157,
        source: XO,
        as_of: AS_OF,
    },
    ImageSize {
        consumer: "x",
        purpose: "maximum",
        width: 4096,
        height: 4096,
        source: XO,
        as_of: AS_OF,
    },
    ImageSize {
        consumer: "linkedin",
        purpose: "recommended",
        width: 1200,
        height: 627,
        source: LI,
        as_of: AS_OF,
    },
];

/// The size a consumer documents for a purpose, if the table has it.
pub fn image_size(consumer: &str, purpose: &str) -> Option<&'static ImageSize> {
    IMAGE_SIZES
        .iter()
        .find(|s| s.consumer == consumer && s.purpose == purpose)
}

/// The aspect ratio link previews are cropped to (Facebook 1.91:1, LinkedIn 1.91:1).
pub const PREVIEW_RATIO: Ratio = Ratio {
    width: 191,
    height: 100,
    source: FBI,
    as_of: AS_OF,
};

/// An aspect ratio with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// Width part.
    pub width: u32,
    /// Height part.
    pub height: u32,
    /// Where the figure comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// A length limit on a card field, in characters after entity decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimit {
    /// Who enforces it.
    pub consumer: &'static str,
    /// The field: `title`, `description`, `image_alt`.
    pub field: &'static str,
    /// Most characters shown.
    pub max_chars: usize,
    /// Where the figure comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// Card text limits.
pub static TEXT_LIMITS: &[TextLimit] = &[
    TextLimit {
        consumer: "x",
        field: "title",
        max_chars: 70,
        source: XM,
        as_of: AS_OF,
    },
    TextLimit {
        consumer: "x",
        field: "description",
        max_chars: 200,
        source: XM,
        as_of: AS_OF,
    },
    TextLimit {
        consumer: "x",
        field: "image_alt",
        max_chars: 420,
        source: XM,
        as_of: AS_OF,
    },
];

/// The limit of a consumer's field, if the table has it.
pub fn text_limit(consumer: &str, field: &str) -> Option<&'static TextLimit> {
    TEXT_LIMITS
        .iter()
        .find(|l| l.consumer == consumer && l.field == field)
}

/// X card types: supported now, and retired values still seen on pages.
pub struct CardTypes {
    /// Supported `twitter:card` values.
    pub supported: &'static [&'static str],
    /// Values X no longer renders.
    pub retired: &'static [&'static str],
    /// Where the list comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// The X card types.
pub static X_CARD_TYPES: CardTypes = CardTypes {
    supported: &["summary", "summary_large_image", "app", "player"],
    retired: &["photo", "product", "gallery", "audio"],
    source: XO,
    as_of: AS_OF,
};

/// The global Open Graph types (`blog` is accepted because Pinterest documents it).
pub static OG_TYPES: &[&str] = &[
    "website",
    "article",
    "book",
    "profile",
    "music.song",
    "music.album",
    "music.playlist",
    "music.radio_station",
    "video.movie",
    "video.episode",
    "video.tv_show",
    "video.other",
    "payment.link",
    "blog",
    "product",
];

/// Source of [`OG_TYPES`].
pub const OG_TYPES_SOURCE: &str = OGP;

/// How current a share endpoint is: the share table's status ([`crate::share::ENDPOINTS`] is
/// the one table of share endpoints; the scan matches links with [`crate::share::match_link`]).
pub use crate::share::EndpointStatus;

/// Script and markup signatures of JavaScript share buttons (no URL to read).
pub static SHARE_SCRIPTS: &[ScriptSignature] = &[
    ScriptSignature {
        what: "linkedin",
        hosts: &["platform.linkedin.com"],
        path: "/in.js",
        source: LIS,
        as_of: AS_OF,
    },
    ScriptSignature {
        what: "pinterest",
        hosts: &["assets.pinterest.com"],
        path: "/js/pinit",
        source: PINB,
        as_of: AS_OF,
    },
];

/// How a network's profile URLs carry the handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfilePath {
    /// The first path segment (`x.com/{h}`).
    Segment,
    /// The first segment after a prefix (`linkedin.com/company/{h}`); the prefix ends with `/`.
    After(&'static str),
    /// A first segment starting with `@` (`tiktok.com/@{h}`).
    At,
}

/// Where a network's profiles live, beyond the canonical profile URL of the network table
/// ([`NetworkInfo::profile_url`](crate::network::NetworkInfo::profile_url), whose host and path
/// form are always recognised: see [`profile_forms`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileHost {
    /// The network.
    pub network: crate::Network,
    /// Other hosts serving the same profiles, lower case, `www.` dropped.
    pub hosts: &'static [&'static str],
    /// Other path forms, tried in order before the canonical one.
    pub paths: &'static [ProfilePath],
    /// First path segments that are not profiles (`intent`, `sharer`, `p`, ...), lower case.
    pub reserved: &'static [&'static str],
    /// Whether `hosts` serve only `paths`, not the canonical form (`whatsapp.com/channel/{h}`
    /// while the canonical profile is `wa.me/{number}`).
    pub separate: bool,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// The hosts and path forms that recognise a network's profile links: the canonical host and
/// form read from the network table's profile URL pattern, then the [`PROFILE_HOSTS`] row's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileForms {
    /// The network.
    pub network: crate::Network,
    /// Groups of hosts (lower case, `www.` dropped) with the path forms they serve, in the
    /// order they are tried; the canonical host comes first.
    pub groups: Vec<(Vec<&'static str>, Vec<ProfilePath>)>,
    /// First path segments that are not profiles.
    pub reserved: &'static [&'static str],
}

/// Every network's [`ProfileForms`] (Mastodon, whose profiles live on any server, has none).
pub fn profile_forms() -> &'static [ProfileForms] {
    static FORMS: std::sync::OnceLock<Vec<ProfileForms>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        crate::Network::ALL
            .iter()
            .filter_map(|&network| {
                let (host, form) = canonical_profile(network.info().profile_url.value)?;
                let row = PROFILE_HOSTS.iter().find(|r| r.network == network);
                let mut groups = vec![(vec![host], vec![form])];
                if let Some(r) = row {
                    if r.separate {
                        groups.push((r.hosts.to_vec(), r.paths.to_vec()));
                    } else {
                        let (hosts, paths) = &mut groups[0];
                        hosts.extend(r.hosts.iter().filter(|h| **h != host));
                        // The row's forms first: `facebook.com/pages/{name}` before `/{name}`.
                        paths.splice(0..0, r.paths.iter().copied().filter(|p| *p != form));
                    }
                }
                Some(ProfileForms {
                    network,
                    groups,
                    reserved: row.map_or(&[], |r| r.reserved),
                })
            })
            .collect()
    })
}

/// The host and path form of a profile URL pattern (`https://www.linkedin.com/company/{handle}/`
/// → `linkedin.com`, `After("company/")`); `None` for patterns without a fixed host.
fn canonical_profile(pattern: &'static str) -> Option<(&'static str, ProfilePath)> {
    let rest = pattern.split_once("://")?.1;
    let (host, path) = rest.split_once('/')?;
    if host.contains('{') {
        return None;
    }
    let host = host.strip_prefix("www.").unwrap_or(host);
    let prefix = &path[..path.find("{handle}")?];
    Some((
        host,
        match prefix {
            "" => ProfilePath::Segment,
            "@" => ProfilePath::At,
            p => ProfilePath::After(p),
        },
    ))
}

use crate::Network as N;
use ProfilePath::After;

const fn profile(
    network: crate::Network,
    hosts: &'static [&'static str],
    paths: &'static [ProfilePath],
    reserved: &'static [&'static str],
) -> ProfileHost {
    ProfileHost {
        network,
        hosts,
        paths,
        reserved,
        separate: false,
        source: NT5,
        as_of: AS_OF,
    }
}

/// Profile hosts and path forms per network, beyond the canonical ones (see [`profile_forms`]).
pub static PROFILE_HOSTS: &[ProfileHost] = &[
    profile(
        N::X,
        &["twitter.com", "mobile.twitter.com"],
        &[],
        &[
            "intent",
            "share",
            "home",
            "i",
            "search",
            "hashtag",
            "explore",
            "settings",
            "login",
            "signup",
            "tos",
            "privacy",
            "messages",
            "notifications",
        ],
    ),
    profile(
        N::Facebook,
        &["fb.com", "m.facebook.com", "fb.me"],
        &[After("pages/")],
        &[
            "sharer",
            "sharer.php",
            "dialog",
            "plugins",
            "share",
            "tr",
            "login",
            "login.php",
            "watch",
            "help",
            "policies",
            "business",
            "events",
            "groups",
            "hashtag",
            "profile.php",
            "photo",
            "photo.php",
            "story.php",
            "permalink.php",
            "privacy",
            "ads",
            "legal",
            "marketplace",
            "gaming",
            "l.php",
        ],
    ),
    profile(
        N::Instagram,
        &[],
        &[],
        &[
            "p",
            "reel",
            "reels",
            "explore",
            "accounts",
            "stories",
            "tv",
            "direct",
            "about",
            "legal",
            "developer",
        ],
    ),
    profile(
        N::LinkedIn,
        &[],
        &[After("in/"), After("school/"), After("showcase/")],
        &[],
    ),
    profile(
        N::YouTube,
        &["m.youtube.com"],
        &[After("c/"), After("user/"), After("channel/")],
        &[],
    ),
    profile(
        N::Pinterest,
        &[
            "pinterest.fr",
            "pinterest.co.uk",
            "pinterest.de",
            "pinterest.ca",
            "pinterest.es",
            "pinterest.it",
        ],
        &[],
        &[
            "pin",
            "search",
            "ideas",
            "today",
            "business",
            "login",
            "settings",
            "categories",
            "_",
        ],
    ),
    profile(N::Threads, &["threads.net"], &[], &[]),
    profile(N::Reddit, &["old.reddit.com"], &[After("u/")], &[]),
    profile(
        N::Telegram,
        &["telegram.me"],
        &[],
        &[
            "share",
            "joinchat",
            "addstickers",
            "proxy",
            "socks",
            "s",
            "iv",
        ],
    ),
    ProfileHost {
        separate: true,
        ..profile(
            N::WhatsApp,
            &["whatsapp.com"],
            &[After("channel/")],
            &["message", "qr", "send"],
        )
    },
];

/// Hosts that use `/@user` paths but are not fediverse servers.
pub static NOT_FEDIVERSE: &[&str] = &[
    "medium.com",
    "youtube.com",
    "tiktok.com",
    "threads.com",
    "threads.net",
];

/// A signature of a `<script src>`: a host and a path prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptSignature {
    /// What it reveals: a provider id.
    pub what: &'static str,
    /// Hosts, lower case (a leading `*.` matches any subdomain).
    pub hosts: &'static [&'static str],
    /// Path prefix, lower case.
    pub path: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// The kind of a social widget.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
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

impl WidgetKind {
    /// The name used in bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            WidgetKind::Comments => "comments",
            WidgetKind::SocialLogin => "social_login",
            WidgetKind::Reviews => "reviews",
            WidgetKind::Embed => "embed",
        }
    }
}

/// A widget recognised by a CSS selector on its markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkupSignature {
    /// Kind of widget.
    pub kind: WidgetKind,
    /// Provider id (`disqus`, `facebook`, `google`, `trustpilot`, `x`, ...).
    pub provider: &'static str,
    /// A CSS selector lol_html understands.
    pub selector: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

const fn markup(
    kind: WidgetKind,
    provider: &'static str,
    selector: &'static str,
    source: &'static str,
) -> MarkupSignature {
    MarkupSignature {
        kind,
        provider,
        selector,
        source,
        as_of: AS_OF,
    }
}

const DISQUS: &str = "https://help.disqus.com/en/articles/1717112-universal-embed-code";
const AMP_FB: &str = "https://amp.dev/documentation/components/amp-facebook-comments";
const GSI: &str = "https://developers.google.com/identity/gsi/web/guides/client-library";
const APL: &str = "https://developer.apple.com/documentation/signinwithapple/configuring-your-webpage-for-sign-in-with-apple";
const TRUSTBOX: &str = "https://support.trustpilot.com/hc/en-us/articles/115011421468";
const IG: &str = "https://developers.facebook.com/docs/instagram-platform/embed-button";
const TT: &str = "https://developers.tiktok.com/doc/embed-videos/";
const FBP: &str = "https://developers.facebook.com/docs/plugins/";

use WidgetKind::{Comments, Embed, Reviews, SocialLogin};

/// Widgets recognised by their markup.
pub static MARKUP_SIGNATURES: &[MarkupSignature] = &[
    markup(Comments, "disqus", "#disqus_thread", DISQUS),
    markup(Comments, "facebook", ".fb-comments", FBP),
    markup(Comments, "facebook", "amp-facebook-comments", AMP_FB),
    markup(SocialLogin, "google", "#g_id_onload", GSI),
    markup(SocialLogin, "google", ".g_id_signin", GSI),
    markup(SocialLogin, "apple", "#appleid-signin", APL),
    markup(SocialLogin, "facebook", ".fb-login-button", FBP),
    markup(Reviews, "trustpilot", ".trustpilot-widget", TRUSTBOX),
    markup(Embed, "x", "blockquote.twitter-tweet", XW),
    markup(Embed, "x", "a.twitter-timeline", XW),
    markup(Embed, "instagram", "blockquote.instagram-media", IG),
    markup(Embed, "tiktok", "blockquote.tiktok-embed", TT),
    markup(Embed, "facebook", ".fb-post", FBP),
    markup(Embed, "facebook", ".fb-video", FBP),
    markup(Embed, "pinterest", "a[data-pin-do]", PINB),
];

/// Widgets recognised by the script they load.
pub static SCRIPT_SIGNATURES: &[(WidgetKind, ScriptSignature)] = &[
    (
        Comments,
        ScriptSignature {
            what: "disqus",
            hosts: &["*.disqus.com"],
            path: "/embed.js",
            source: DISQUS,
            as_of: AS_OF,
        },
    ),
    (
        Comments,
        ScriptSignature {
            what: "giscus",
            hosts: &["giscus.app"],
            path: "/client.js",
            source: "https://giscus.app/",
            as_of: AS_OF,
        },
    ),
    (
        SocialLogin,
        ScriptSignature {
            what: "google",
            hosts: &["accounts.google.com"],
            path: "/gsi/client",
            source: GSI,
            as_of: AS_OF,
        },
    ),
    (
        SocialLogin,
        ScriptSignature {
            what: "apple",
            hosts: &["appleid.cdn-apple.com"],
            path: "/appleauth/static/jsapi/appleid/",
            source: APL,
            as_of: AS_OF,
        },
    ),
    (
        SocialLogin,
        ScriptSignature {
            what: "facebook",
            hosts: &["connect.facebook.net"],
            path: "/",
            source: FBP,
            as_of: AS_OF,
        },
    ),
    (
        Reviews,
        ScriptSignature {
            what: "trustpilot",
            hosts: &["widget.trustpilot.com"],
            path: "/bootstrap/",
            source: TRUSTBOX,
            as_of: AS_OF,
        },
    ),
    (
        Embed,
        ScriptSignature {
            what: "x",
            hosts: &["platform.x.com", "platform.twitter.com"],
            path: "/widgets.js",
            source: XW,
            as_of: AS_OF,
        },
    ),
    (
        Embed,
        ScriptSignature {
            what: "instagram",
            hosts: &["instagram.com"],
            path: "/embed.js",
            source: IG,
            as_of: AS_OF,
        },
    ),
    (
        Embed,
        ScriptSignature {
            what: "tiktok",
            hosts: &["tiktok.com"],
            path: "/embed.js",
            source: TT,
            as_of: AS_OF,
        },
    ),
];

/// An embed recognised by its `<iframe src>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedHost {
    /// Provider id.
    pub provider: &'static str,
    /// Hosts, lower case, `www.` dropped.
    pub hosts: &'static [&'static str],
    /// Path prefix, lower case.
    pub path: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

const fn embed(
    provider: &'static str,
    hosts: &'static [&'static str],
    path: &'static str,
    source: &'static str,
) -> EmbedHost {
    EmbedHost {
        provider,
        hosts,
        path,
        source,
        as_of: AS_OF,
    }
}

/// Embed iframes.
pub static EMBED_HOSTS: &[EmbedHost] = &[
    embed(
        "youtube",
        &["youtube.com", "youtube-nocookie.com"],
        "/embed/",
        "https://support.google.com/youtube/answer/171780",
    ),
    embed(
        "vimeo",
        &["player.vimeo.com"],
        "/video/",
        "https://help.vimeo.com/hc/en-us/articles/12426259908881",
    ),
    embed("instagram", &["instagram.com"], "/p/", IG),
    embed("instagram", &["instagram.com"], "/reel/", IG),
    embed(
        "x",
        &["platform.twitter.com", "platform.x.com"],
        "/embed/",
        XW,
    ),
    embed("tiktok", &["tiktok.com"], "/embed/", TT),
    embed("tiktok", &["tiktok.com"], "/player/", TT),
    embed(
        "spotify",
        &["open.spotify.com"],
        "/embed/",
        "https://developer.spotify.com/documentation/embeds",
    ),
    embed(
        "pinterest",
        &["assets.pinterest.com"],
        "/ext/embed.html",
        PINB,
    ),
    embed("facebook", &["facebook.com"], "/plugins/", FBP),
];

/// Host match: `host` equals one of `hosts` after dropping `www.`; `*.x` matches subdomains.
pub(crate) fn host_matches(hosts: &[&str], host: &str) -> bool {
    let host = host.strip_prefix("www.").unwrap_or(host);
    hosts.iter().any(|h| match h.strip_prefix("*.") {
        Some(base) => {
            host == base
                || host
                    .strip_suffix(base)
                    .is_some_and(|head| head.ends_with('.'))
        }
        None => host == *h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_sourced() {
        assert!(
            IMAGE_SIZES
                .iter()
                .all(|r| !r.source.is_empty() && !r.as_of.is_empty())
        );
        assert!(TEXT_LIMITS.iter().all(|r| !r.source.is_empty()));
        assert!(PROFILE_HOSTS.iter().all(|r| !r.source.is_empty()));
        assert!(MARKUP_SIGNATURES.iter().all(|r| !r.source.is_empty()));
        assert!(EMBED_HOSTS.iter().all(|r| !r.source.is_empty()));
    }

    #[test]
    fn canonical_profile_urls_are_recognised() {
        for network in crate::Network::ALL {
            let handle = match network {
                crate::Network::WhatsApp => "33612345678",
                crate::Network::Mastodon => "maisonlune@piaille.fr",
                _ => "maisonlune",
            };
            let url = network.profile_url(handle).unwrap();
            let (found, read) = super::super::scan::profile_of(&url, false).unwrap();
            assert_eq!(found, network, "{url}");
            assert!(
                read.contains(handle.split('@').next().unwrap()),
                "{url}: {read}"
            );
        }
        assert_eq!(
            canonical_profile("https://www.linkedin.com/company/{handle}/"),
            Some(("linkedin.com", ProfilePath::After("company/")))
        );
        assert_eq!(canonical_profile("https://{instance}/@{user}"), None);
    }

    #[test]
    fn selectors_parse() {
        for sig in MARKUP_SIGNATURES {
            assert!(
                sig.selector.parse::<lol_html::Selector>().is_ok(),
                "{}",
                sig.selector
            );
        }
    }

    #[test]
    fn hosts_match_with_and_without_www_and_wildcards() {
        assert!(host_matches(&["x.com"], "www.x.com"));
        assert!(host_matches(&["*.disqus.com"], "maisonlune.disqus.com"));
        assert!(!host_matches(&["x.com"], "notx.com"));
    }
}
