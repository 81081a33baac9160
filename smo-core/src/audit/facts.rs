//! The facts the site audit relies on, one sourced row each.
//!
//! Preview-image sizes, card-text limits, X card types, share endpoints, profile hosts, embed
//! hosts and widget signatures change when platforms change. They live here and nowhere else:
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
const XI: &str = "https://docs.x.com/x-for-websites/post-button/guides/web-intent";
const XW: &str = "https://docs.x.com/x-for-websites/javascript-api/guides/set-up-x-for-websites";
const FBS: &str = "https://developers.facebook.com/docs/sharing/reference/share-dialog";
const PINB: &str = "https://developers.pinterest.com/docs/web-features/buttons/";
const TG: &str = "https://core.telegram.org/widgets/share";
const NT5: &str = "shared/reference/networks-and-text.md §5 (profile URLs)";
const SA31: &str = "shared/reference/site-audit.md §3.1 (detection signatures)";

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

/// How current a share endpoint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointStatus {
    /// Documented by the platform today.
    Current,
    /// Older or undocumented but still working: reported in the inventory, no finding.
    Legacy,
    /// Retired or redirecting: `share/deprecated-endpoint`.
    Deprecated,
}

impl EndpointStatus {
    /// The name used in bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointStatus::Current => "current",
            EndpointStatus::Legacy => "legacy",
            EndpointStatus::Deprecated => "deprecated",
        }
    }
}

/// A share endpoint: a URL that opens a network's compose or share dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareEndpoint {
    /// The target: a network id (`x`, `facebook`, ...) or `email`, `google_plus`.
    pub target: &'static str,
    /// Hosts, lower case, `www.` dropped; a scheme-only endpoint uses `scheme:` (`mailto:`).
    pub hosts: &'static [&'static str],
    /// Path prefix, lower case (empty: any path).
    pub path: &'static str,
    /// Whether the path must match exactly (`t.me/share` vs `t.me/share/url`).
    pub exact_path: bool,
    /// How current the endpoint is.
    pub status: EndpointStatus,
    /// Query parameter holding the shared URL, if any.
    pub url_param: Option<&'static str>,
    /// Query parameter holding the text, if any.
    pub text_param: Option<&'static str>,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

const fn share(
    target: &'static str,
    hosts: &'static [&'static str],
    path: &'static str,
    status: EndpointStatus,
    url_param: Option<&'static str>,
    text_param: Option<&'static str>,
    source: &'static str,
) -> ShareEndpoint {
    ShareEndpoint {
        target,
        hosts,
        path,
        exact_path: false,
        status,
        url_param,
        text_param,
        source,
        as_of: AS_OF,
    }
}

use EndpointStatus::{Current, Deprecated, Legacy};

/// Share endpoints, most specific first (the first matching row wins).
pub static SHARE_ENDPOINTS: &[ShareEndpoint] = &[
    share(
        "x",
        &["x.com", "twitter.com"],
        "/intent/tweet",
        Current,
        Some("url"),
        Some("text"),
        XI,
    ),
    share(
        "x",
        &["x.com", "twitter.com"],
        "/intent/post",
        Current,
        Some("url"),
        Some("text"),
        XI,
    ),
    share(
        "x",
        &["twitter.com"],
        "/share",
        Legacy,
        Some("url"),
        Some("text"),
        XI,
    ),
    share(
        "facebook",
        &["facebook.com", "m.facebook.com"],
        "/dialog/share",
        Current,
        Some("href"),
        None,
        FBS,
    ),
    share(
        "facebook",
        &["facebook.com", "m.facebook.com"],
        "/dialog/feed",
        Legacy,
        Some("link"),
        None,
        FBS,
    ),
    share(
        "facebook",
        &["facebook.com", "m.facebook.com"],
        "/sharer/sharer.php",
        Legacy,
        Some("u"),
        None,
        "nygardk/react-share#43",
    ),
    share(
        "facebook",
        &["facebook.com", "m.facebook.com"],
        "/sharer.php",
        Legacy,
        Some("u"),
        None,
        "nygardk/react-share#43",
    ),
    share(
        "linkedin",
        &["linkedin.com"],
        "/sharing/share-offsite",
        Current,
        Some("url"),
        None,
        LIS,
    ),
    share(
        "linkedin",
        &["linkedin.com"],
        "/sharearticle",
        Deprecated,
        Some("url"),
        Some("title"),
        LIS,
    ),
    share(
        "linkedin",
        &["linkedin.com"],
        "/cws/share",
        Deprecated,
        Some("url"),
        None,
        LIS,
    ),
    share(
        "pinterest",
        &["pinterest.com"],
        "/pin/create/button",
        Current,
        Some("url"),
        Some("description"),
        PINB,
    ),
    share(
        "pinterest",
        &["pinterest.com"],
        "/pin/create/link",
        Legacy,
        Some("url"),
        Some("description"),
        PINB,
    ),
    share(
        "reddit",
        &["reddit.com"],
        "/submit",
        Current,
        Some("url"),
        Some("title"),
        "nygardk/react-share#547",
    ),
    share(
        "reddit",
        &["reddit.com"],
        "/web/submit",
        Legacy,
        Some("url"),
        Some("title"),
        "nygardk/react-share#547",
    ),
    share(
        "telegram",
        &["t.me", "telegram.me"],
        "/share/url",
        Current,
        Some("url"),
        Some("text"),
        TG,
    ),
    ShareEndpoint {
        exact_path: true,
        ..share(
            "telegram",
            &["t.me", "telegram.me"],
            "/share",
            Legacy,
            Some("url"),
            Some("text"),
            "nygardk/react-share#573",
        )
    },
    share(
        "whatsapp",
        &["api.whatsapp.com", "web.whatsapp.com"],
        "/send",
        Current,
        None,
        Some("text"),
        SA31,
    ),
    ShareEndpoint {
        exact_path: true,
        ..share(
            "whatsapp",
            &["wa.me"],
            "/",
            Current,
            None,
            Some("text"),
            SA31,
        )
    },
    share(
        "whatsapp",
        &["whatsapp:"],
        "",
        Current,
        None,
        Some("text"),
        SA31,
    ),
    share(
        "bluesky",
        &["bsky.app"],
        "/intent/compose",
        Current,
        None,
        Some("text"),
        "https://docs.bsky.app/docs/advanced-guides/intent-links",
    ),
    share(
        "threads",
        &["threads.com", "threads.net"],
        "/intent/post",
        Current,
        Some("url"),
        Some("text"),
        "https://developers.facebook.com/docs/threads/threads-web-intents",
    ),
    share("email", &["mailto:"], "", Current, None, Some("body"), SA31),
    share(
        "google_plus",
        &["plus.google.com"],
        "/share",
        Deprecated,
        Some("url"),
        None,
        SA31,
    ),
];

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

/// Where a network's profiles live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileHost {
    /// The network.
    pub network: crate::Network,
    /// Hosts, lower case, `www.` dropped.
    pub hosts: &'static [&'static str],
    /// The path forms, tried in order.
    pub paths: &'static [ProfilePath],
    /// First path segments that are not profiles (`intent`, `sharer`, `p`, ...), lower case.
    pub reserved: &'static [&'static str],
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

use crate::Network as N;
use ProfilePath::{After, At, Segment};

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
        source: NT5,
        as_of: AS_OF,
    }
}

/// Profile hosts per network.
pub static PROFILE_HOSTS: &[ProfileHost] = &[
    profile(
        N::X,
        &["x.com", "twitter.com", "mobile.twitter.com"],
        &[Segment],
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
        &["facebook.com", "fb.com", "m.facebook.com", "fb.me"],
        &[After("pages/"), Segment],
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
        &["instagram.com"],
        &[Segment],
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
        &["linkedin.com"],
        &[
            After("company/"),
            After("in/"),
            After("school/"),
            After("showcase/"),
        ],
        &[],
    ),
    profile(
        N::YouTube,
        &["youtube.com", "m.youtube.com"],
        &[At, After("c/"), After("user/"), After("channel/")],
        &[],
    ),
    profile(N::TikTok, &["tiktok.com"], &[At], &[]),
    profile(
        N::Pinterest,
        &[
            "pinterest.com",
            "pinterest.fr",
            "pinterest.co.uk",
            "pinterest.de",
            "pinterest.ca",
            "pinterest.es",
            "pinterest.it",
        ],
        &[Segment],
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
    profile(N::Threads, &["threads.com", "threads.net"], &[At], &[]),
    profile(N::Bluesky, &["bsky.app"], &[After("profile/")], &[]),
    profile(
        N::Reddit,
        &["reddit.com", "old.reddit.com"],
        &[After("user/"), After("u/")],
        &[],
    ),
    profile(
        N::Telegram,
        &["t.me", "telegram.me"],
        &[Segment],
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
    profile(N::Snapchat, &["snapchat.com"], &[After("add/")], &[]),
    profile(N::WhatsApp, &["whatsapp.com"], &[After("channel/")], &[]),
];

/// Mastodon servers recognised without `rel="me"` (any other server needs `rel="me"` and an
/// `/@user` path).
pub static MASTODON_SERVERS: &[&str] = &[
    "mastodon.social",
    "mastodon.online",
    "mstdn.social",
    "piaille.fr",
    "mamot.fr",
    "framapiaf.org",
    "fosstodon.org",
    "hachyderm.io",
    "mas.to",
    "infosec.exchange",
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

/// X's weighted character counting (twitter-text configuration v3): characters in these
/// ranges weigh 1, every other character 2; a URL weighs 23; a post holds 280.
pub struct XWeighting {
    /// Code-point ranges of weight 1 (inclusive).
    pub light_ranges: &'static [(u32, u32)],
    /// The weight of any URL.
    pub url_weight: usize,
    /// The most a post may weigh.
    pub max_weight: usize,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

/// The X weighting used by `share/x-intent-too-long`.
pub static X_WEIGHTING: XWeighting = XWeighting {
    light_ranges: &[(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)],
    url_weight: 23,
    max_weight: 280,
    source: "https://github.com/twitter/twitter-text/blob/master/config/v3.json",
    as_of: AS_OF,
};

/// Host match: `host` equals one of `hosts` after dropping `www.`; `*.x` matches subdomains.
pub(crate) fn host_matches(hosts: &[&str], host: &str) -> bool {
    let host = host.strip_prefix("www.").unwrap_or(host);
    hosts.iter().any(|h| match h.strip_prefix("*.") {
        Some(base) => host == base || host.ends_with(&format!(".{base}")),
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
        assert!(
            SHARE_ENDPOINTS
                .iter()
                .all(|r| !r.source.is_empty() && !r.hosts.is_empty())
        );
        assert!(
            PROFILE_HOSTS
                .iter()
                .all(|r| !r.source.is_empty() && !r.hosts.is_empty())
        );
        assert!(MARKUP_SIGNATURES.iter().all(|r| !r.source.is_empty()));
        assert!(EMBED_HOSTS.iter().all(|r| !r.source.is_empty()));
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
