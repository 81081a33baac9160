//! The referrer domain table: host → medium, source name, network, search-term parameters.
//!
//! Our own table, written from the public lists cited in measurement.md §4 (Matomo's
//! searchengine-and-social-list, CC0-1.0, for network, search-engine and AI-assistant hosts; the
//! networks' own link-shim and shortener hosts) plus what they lack (`lm.facebook.com`,
//! `out.reddit.com`, Android app ids, WhatsApp, Messenger, Bluesky, Mastodon instances). No row
//! is copied from the GPL snowplow data. Every row carries its source and an as-of date; the
//! table as a whole has a version reported with every classification ([`TABLE_VERSION`]).
//!
//! Hosts match exactly or as a parent domain (`blog.tumblr.com` → `tumblr.com`); `google.*`,
//! `bing.*`-style country domains match through [`SEARCH_BRANDS`]. Mastodon is open-ended: the
//! table lists well-known instances and callers add their own.

use serde::Serialize;

use crate::network::Network;

/// Version of the domain table, reported with every classification.
pub const TABLE_VERSION: &str = "smo-referrers@2026-11";

/// The medium of a visit, as smo classifies referrers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// A social network or messaging app.
    Social,
    /// A search engine (organic).
    Search,
    /// A webmail or mail app.
    Email,
    /// An ad network or a paid click (click id on the landing page).
    Paid,
    /// An AI assistant (ChatGPT, Perplexity, Gemini, Copilot, Claude...).
    AiAssistant,
    /// The site itself.
    Internal,
    /// Any other site.
    Referral,
    /// No referrer.
    Direct,
}

impl Medium {
    /// All media, in report order.
    pub const ALL: [Medium; 8] = [
        Medium::Social,
        Medium::Search,
        Medium::Email,
        Medium::Paid,
        Medium::AiAssistant,
        Medium::Internal,
        Medium::Referral,
        Medium::Direct,
    ];

    /// The id: `social`, `search`, `email`, `paid`, `ai_assistant`, `internal`, `referral`,
    /// `direct`.
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Social => "social",
            Medium::Search => "search",
            Medium::Email => "email",
            Medium::Paid => "paid",
            Medium::AiAssistant => "ai_assistant",
            Medium::Internal => "internal",
            Medium::Referral => "referral",
            Medium::Direct => "direct",
        }
    }
}

impl std::fmt::Display for Medium {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the domain table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DomainRow {
    /// Host (lower case, no `www.`), or an Android app id (`com.facebook.katana`).
    pub host: &'static str,
    /// Medium.
    pub medium: Medium,
    /// Display name of the source.
    pub source: &'static str,
    /// The network, for social rows whose network smo knows.
    pub network: Option<Network>,
    /// Query parameters that carry the search term, first non-empty wins.
    pub term_params: &'static [&'static str],
    /// Where the row comes from.
    pub reference: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

const MATOMO: &str = "https://github.com/matomo-org/searchengine-and-social-list (CC0-1.0, 3b3a82d), measurement.md §4";
const SHIMS: &str = "the network's link shim or shortener host, measurement.md §4.1";
const APPS: &str = "Android app id sent as android-app:// referrer, measurement.md §4";
const MASTODON: &str =
    "https://joinmastodon.org/servers and Matomo's Mastodon list (CC0-1.0), measurement.md §4.1";
const AI: &str = "the assistant's own web host, measurement.md §4 (Matomo AIAssistants, CC0-1.0)";
const MAIL: &str = "the provider's webmail host, measurement.md §4";
const ADS: &str = "the ad network's click or serving host, measurement.md §4";
const AS_OF: &str = "2026-11";

const fn soc(
    host: &'static str,
    source: &'static str,
    network: Option<Network>,
    reference: &'static str,
) -> DomainRow {
    DomainRow {
        host,
        medium: Medium::Social,
        source,
        network,
        term_params: &[],
        reference,
        as_of: AS_OF,
    }
}
const fn search(
    host: &'static str,
    source: &'static str,
    term_params: &'static [&'static str],
) -> DomainRow {
    DomainRow {
        host,
        medium: Medium::Search,
        source,
        network: None,
        term_params,
        reference: MATOMO,
        as_of: AS_OF,
    }
}
const fn row(
    host: &'static str,
    medium: Medium,
    source: &'static str,
    reference: &'static str,
) -> DomainRow {
    DomainRow {
        host,
        medium,
        source,
        network: None,
        term_params: &[],
        reference,
        as_of: AS_OF,
    }
}

use Network as N;

/// The table.
pub static DOMAINS: &[DomainRow] = &[
    // Facebook and Messenger
    soc("facebook.com", "Facebook", Some(N::Facebook), MATOMO),
    soc("fb.com", "Facebook", Some(N::Facebook), MATOMO),
    soc("fb.me", "Facebook", Some(N::Facebook), SHIMS),
    soc("l.facebook.com", "Facebook", Some(N::Facebook), SHIMS),
    soc("lm.facebook.com", "Facebook", Some(N::Facebook), SHIMS),
    soc("m.facebook.com", "Facebook", Some(N::Facebook), MATOMO),
    soc("com.facebook.katana", "Facebook", Some(N::Facebook), APPS),
    soc("com.facebook.lite", "Facebook", Some(N::Facebook), APPS),
    soc("messenger.com", "Messenger", Some(N::Facebook), SHIMS),
    soc("l.messenger.com", "Messenger", Some(N::Facebook), SHIMS),
    soc("com.facebook.orca", "Messenger", Some(N::Facebook), APPS),
    // Instagram
    soc("instagram.com", "Instagram", Some(N::Instagram), MATOMO),
    soc("l.instagram.com", "Instagram", Some(N::Instagram), SHIMS),
    soc(
        "com.instagram.android",
        "Instagram",
        Some(N::Instagram),
        APPS,
    ),
    // Threads
    soc("threads.net", "Threads", Some(N::Threads), MATOMO),
    soc("threads.com", "Threads", Some(N::Threads), MATOMO),
    soc("l.threads.net", "Threads", Some(N::Threads), SHIMS),
    soc("l.threads.com", "Threads", Some(N::Threads), SHIMS),
    soc("com.instagram.barcelona", "Threads", Some(N::Threads), APPS),
    // X
    soc("x.com", "X", Some(N::X), MATOMO),
    soc("twitter.com", "X", Some(N::X), MATOMO),
    soc("t.co", "X", Some(N::X), SHIMS),
    soc("com.twitter.android", "X", Some(N::X), APPS),
    // LinkedIn
    soc("linkedin.com", "LinkedIn", Some(N::LinkedIn), MATOMO),
    soc("lnkd.in", "LinkedIn", Some(N::LinkedIn), SHIMS),
    soc("com.linkedin.android", "LinkedIn", Some(N::LinkedIn), APPS),
    // YouTube
    soc("youtube.com", "YouTube", Some(N::YouTube), MATOMO),
    soc("youtu.be", "YouTube", Some(N::YouTube), SHIMS),
    soc(
        "com.google.android.youtube",
        "YouTube",
        Some(N::YouTube),
        APPS,
    ),
    // TikTok
    soc("tiktok.com", "TikTok", Some(N::TikTok), MATOMO),
    soc("vm.tiktok.com", "TikTok", Some(N::TikTok), SHIMS),
    soc("com.zhiliaoapp.musically", "TikTok", Some(N::TikTok), APPS),
    // Pinterest
    soc("pinterest.com", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.fr", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.de", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.co.uk", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.ca", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.es", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.it", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.com.au", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pinterest.ch", "Pinterest", Some(N::Pinterest), MATOMO),
    soc("pin.it", "Pinterest", Some(N::Pinterest), SHIMS),
    soc("com.pinterest", "Pinterest", Some(N::Pinterest), APPS),
    // Bluesky
    soc("bsky.app", "Bluesky", Some(N::Bluesky), MATOMO),
    soc("go.bsky.app", "Bluesky", Some(N::Bluesky), SHIMS),
    soc("bsky.social", "Bluesky", Some(N::Bluesky), MATOMO),
    soc("skyfeed.app", "Bluesky", Some(N::Bluesky), MATOMO),
    // Mastodon (well-known instances; callers add theirs)
    soc("mastodon.social", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.online", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.world", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.xyz", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mstdn.social", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mstdn.jp", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mstdn.party", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mas.to", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("fosstodon.org", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("hachyderm.io", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("infosec.exchange", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("techhub.social", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("universeodon.com", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.art", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.green", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.uno", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.nl", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mastodon.scot", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("chaos.social", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("troet.cafe", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("norden.social", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("social.tchncs.de", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("aus.social", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("toot.community", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("c.im", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("piaille.fr", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("mamot.fr", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("framapiaf.org", "Mastodon", Some(N::Mastodon), MASTODON),
    soc("pouet.chapril.org", "Mastodon", Some(N::Mastodon), MASTODON),
    soc(
        "mastodon.tedomum.net",
        "Mastodon",
        Some(N::Mastodon),
        MASTODON,
    ),
    soc("joinmastodon.org", "Mastodon", Some(N::Mastodon), MASTODON),
    soc(
        "org.joinmastodon.android",
        "Mastodon",
        Some(N::Mastodon),
        APPS,
    ),
    // Snapchat, Reddit, Telegram, WhatsApp
    soc("snapchat.com", "Snapchat", Some(N::Snapchat), MATOMO),
    soc("com.snapchat.android", "Snapchat", Some(N::Snapchat), APPS),
    soc("reddit.com", "Reddit", Some(N::Reddit), MATOMO),
    soc("out.reddit.com", "Reddit", Some(N::Reddit), SHIMS),
    soc("redd.it", "Reddit", Some(N::Reddit), SHIMS),
    soc("com.reddit.frontpage", "Reddit", Some(N::Reddit), APPS),
    soc("t.me", "Telegram", Some(N::Telegram), SHIMS),
    soc("telegram.org", "Telegram", Some(N::Telegram), MATOMO),
    soc("web.telegram.org", "Telegram", Some(N::Telegram), MATOMO),
    soc(
        "org.telegram.messenger",
        "Telegram",
        Some(N::Telegram),
        APPS,
    ),
    soc("whatsapp.com", "WhatsApp", Some(N::WhatsApp), SHIMS),
    soc("web.whatsapp.com", "WhatsApp", Some(N::WhatsApp), SHIMS),
    soc("wa.me", "WhatsApp", Some(N::WhatsApp), SHIMS),
    soc("com.whatsapp", "WhatsApp", Some(N::WhatsApp), APPS),
    // Other social sites (networks smo does not publish to)
    soc("discord.com", "Discord", None, MATOMO),
    soc("discord.gg", "Discord", None, MATOMO),
    soc("discordapp.com", "Discord", None, MATOMO),
    soc("tumblr.com", "Tumblr", None, MATOMO),
    soc("vk.com", "VKontakte", None, MATOMO),
    soc("ok.ru", "Odnoklassniki", None, MATOMO),
    soc("weibo.com", "Weibo", None, MATOMO),
    soc("quora.com", "Quora", None, MATOMO),
    soc("news.ycombinator.com", "Hacker News", None, MATOMO),
    soc("xing.com", "XING", None, MATOMO),
    soc("flipboard.com", "Flipboard", None, MATOMO),
    soc("nextdoor.com", "Nextdoor", None, MATOMO),
    soc("twitch.tv", "Twitch", None, MATOMO),
    soc("vimeo.com", "Vimeo", None, MATOMO),
    soc("line.me", "LINE", None, MATOMO),
    soc("lemmy.world", "Lemmy", None, MATOMO),
    // Search engines
    search("bing.com", "Bing", &["q"]),
    search("duckduckgo.com", "DuckDuckGo", &["q"]),
    search("search.yahoo.com", "Yahoo!", &["p", "q"]),
    search("search.yahoo.co.jp", "Yahoo! Japan", &["p"]),
    search("baidu.com", "Baidu", &["wd", "word", "kw"]),
    search("yandex.ru", "Yandex", &["text"]),
    search("yandex.com", "Yandex", &["text"]),
    search("ya.ru", "Yandex", &["text"]),
    search("ecosia.org", "Ecosia", &["q"]),
    search("qwant.com", "Qwant", &["q"]),
    search("search.brave.com", "Brave Search", &["q"]),
    search("startpage.com", "Startpage", &["query", "q"]),
    search("ask.com", "Ask", &["q"]),
    search("search.aol.com", "AOL", &["q", "query"]),
    search("naver.com", "Naver", &["query"]),
    search("search.naver.com", "Naver", &["query"]),
    search("seznam.cz", "Seznam", &["q"]),
    search("search.seznam.cz", "Seznam", &["q"]),
    search("sogou.com", "Sogou", &["query"]),
    search("so.com", "360 Search", &["q"]),
    search("kagi.com", "Kagi", &["q"]),
    search("lilo.org", "Lilo", &["q"]),
    search("search.lilo.org", "Lilo", &["q"]),
    search("mojeek.com", "Mojeek", &["q"]),
    search("search.lycos.com", "Lycos", &["q", "query"]),
    search("com.google.android.googlequicksearchbox", "Google", &[]),
    // AI assistants
    row("chatgpt.com", Medium::AiAssistant, "ChatGPT", AI),
    row("chat.openai.com", Medium::AiAssistant, "ChatGPT", AI),
    row("com.openai.chatgpt", Medium::AiAssistant, "ChatGPT", APPS),
    row("perplexity.ai", Medium::AiAssistant, "Perplexity", AI),
    row("gemini.google.com", Medium::AiAssistant, "Gemini", AI),
    row("bard.google.com", Medium::AiAssistant, "Gemini", AI),
    row("copilot.microsoft.com", Medium::AiAssistant, "Copilot", AI),
    row(
        "copilot.cloud.microsoft",
        Medium::AiAssistant,
        "Copilot",
        AI,
    ),
    row("claude.ai", Medium::AiAssistant, "Claude", AI),
    row(
        "chat.mistral.ai",
        Medium::AiAssistant,
        "Le Chat (Mistral)",
        AI,
    ),
    row("poe.com", Medium::AiAssistant, "Poe", AI),
    row("character.ai", Medium::AiAssistant, "Character.AI", AI),
    row("meta.ai", Medium::AiAssistant, "Meta AI", AI),
    row("chat.deepseek.com", Medium::AiAssistant, "DeepSeek", AI),
    row("grok.com", Medium::AiAssistant, "Grok", AI),
    row("phind.com", Medium::AiAssistant, "Phind", AI),
    row("you.com", Medium::AiAssistant, "You.com", AI),
    // Webmail
    row("mail.google.com", Medium::Email, "Gmail", MAIL),
    row("com.google.android.gm", Medium::Email, "Gmail", APPS),
    row("outlook.live.com", Medium::Email, "Outlook.com", MAIL),
    row("outlook.office.com", Medium::Email, "Outlook", MAIL),
    row("outlook.office365.com", Medium::Email, "Outlook", MAIL),
    row("mail.yahoo.com", Medium::Email, "Yahoo! Mail", MAIL),
    row("mail.aol.com", Medium::Email, "AOL Mail", MAIL),
    row("mail.proton.me", Medium::Email, "Proton Mail", MAIL),
    row("mail.protonmail.com", Medium::Email, "Proton Mail", MAIL),
    row("mail.zoho.com", Medium::Email, "Zoho Mail", MAIL),
    row("mail.yandex.ru", Medium::Email, "Yandex Mail", MAIL),
    row("e.mail.ru", Medium::Email, "Mail.ru", MAIL),
    row("webmail.orange.fr", Medium::Email, "Orange Mail", MAIL),
    row("mail.orange.fr", Medium::Email, "Orange Mail", MAIL),
    row("webmail.free.fr", Medium::Email, "Free Mail", MAIL),
    row("webmail.sfr.fr", Medium::Email, "SFR Mail", MAIL),
    row("laposte.net", Medium::Email, "La Poste Mail", MAIL),
    row("gmx.net", Medium::Email, "GMX", MAIL),
    row("gmx.de", Medium::Email, "GMX", MAIL),
    row("gmx.fr", Medium::Email, "GMX", MAIL),
    row("gmx.com", Medium::Email, "GMX", MAIL),
    row("web.de", Medium::Email, "WEB.DE", MAIL),
    row("fastmail.com", Medium::Email, "Fastmail", MAIL),
    row("app.tuta.com", Medium::Email, "Tuta", MAIL),
    row("mail.tutanota.com", Medium::Email, "Tuta", MAIL),
    // Ad networks
    row("googleadservices.com", Medium::Paid, "Google Ads", ADS),
    row("doubleclick.net", Medium::Paid, "Google Ads", ADS),
    row("googlesyndication.com", Medium::Paid, "Google Ads", ADS),
    row("adservice.google.com", Medium::Paid, "Google Ads", ADS),
    row("bat.bing.com", Medium::Paid, "Microsoft Advertising", ADS),
    row("ads.linkedin.com", Medium::Paid, "LinkedIn Ads", ADS),
    row("outbrain.com", Medium::Paid, "Outbrain", ADS),
    row("taboola.com", Medium::Paid, "Taboola", ADS),
    row("criteo.com", Medium::Paid, "Criteo", ADS),
];

/// A search engine known by its brand label on any country domain (`google.fr`, `google.co.uk`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SearchBrand {
    /// The registrable label (`google`).
    pub label: &'static str,
    /// Display name.
    pub source: &'static str,
    /// Term parameters.
    pub term_params: &'static [&'static str],
    /// Source of the row.
    pub reference: &'static str,
}

/// Search engines matched on every country domain.
pub static SEARCH_BRANDS: &[SearchBrand] = &[
    SearchBrand {
        label: "google",
        source: "Google",
        term_params: &["q", "query"],
        reference: MATOMO,
    },
    SearchBrand {
        label: "bing",
        source: "Bing",
        term_params: &["q"],
        reference: MATOMO,
    },
    SearchBrand {
        label: "yahoo",
        source: "Yahoo!",
        term_params: &["p", "q"],
        reference: MATOMO,
    },
    SearchBrand {
        label: "yandex",
        source: "Yandex",
        term_params: &["text"],
        reference: MATOMO,
    },
    SearchBrand {
        label: "qwant",
        source: "Qwant",
        term_params: &["q"],
        reference: MATOMO,
    },
    SearchBrand {
        label: "ecosia",
        source: "Ecosia",
        term_params: &["q"],
        reference: MATOMO,
    },
];

/// Well-known URL shorteners: redirects that may drop UTM parameters (measurement.md §5, #9).
pub static SHORTENERS: &[&str] = &[
    "bit.ly",
    "tinyurl.com",
    "ow.ly",
    "buff.ly",
    "t.ly",
    "is.gd",
    "rebrand.ly",
    "cutt.ly",
    "shorturl.at",
    "t.co",
    "lnkd.in",
    "fb.me",
    "pin.it",
    "youtu.be",
    "goo.gl",
    "dlvr.it",
    "trib.al",
];
