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
//! `bing.*`-style country domains match through [`BRANDS`]. Mastodon is open-ended: the
//! table lists well-known instances and callers add their own.

use serde::Serialize;

use crate::network::Network;

/// Version of the domain table, reported with every classification.
pub const TABLE_VERSION: &str = "smo-referrers@2026-12";

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
    /// Host (lower case, no `www.`), or an Android app id (`com.facebook.katana`); it matches
    /// the host and every subdomain of it.
    pub host: &'static str,
    /// A path prefix the referrer's path must start with (`/imgres`), or empty for any path.
    pub path: &'static str,
    /// Medium.
    pub medium: Medium,
    /// Display name of the source.
    pub source: &'static str,
    /// The network, for social rows whose network smo knows.
    pub network: Option<Network>,
    /// Where the search term is, first non-empty wins: a query parameter (`q`), a fragment
    /// parameter (`#q`), or a path segment after a prefix (`/search/{}`).
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
/// The rows added for issue 11 (webmail dereferrers, secondary search, regional networks).
const AS_OF_DEC: &str = "2026-12";

const fn soc(
    host: &'static str,
    source: &'static str,
    network: Option<Network>,
    reference: &'static str,
) -> DomainRow {
    DomainRow {
        host,
        path: "",
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
        path: "",
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
        path: "",
        medium,
        source,
        network: None,
        term_params: &[],
        reference,
        as_of: AS_OF,
    }
}

/// The row, on the paths under `prefix` only.
const fn under(mut row: DomainRow, prefix: &'static str) -> DomainRow {
    row.path = prefix;
    row
}

/// A webmail row checked for issue 11.
const fn mail(host: &'static str, source: &'static str, reference: &'static str) -> DomainRow {
    DomainRow {
        as_of: AS_OF_DEC,
        ..row(host, Medium::Email, source, reference)
    }
}

/// A search row checked for issue 11.
const fn engine(
    host: &'static str,
    source: &'static str,
    term_params: &'static [&'static str],
    reference: &'static str,
) -> DomainRow {
    DomainRow {
        as_of: AS_OF_DEC,
        reference,
        ..search(host, source, term_params)
    }
}

/// A social site checked for issue 11.
const fn social(host: &'static str, source: &'static str, reference: &'static str) -> DomainRow {
    DomainRow {
        as_of: AS_OF_DEC,
        ..soc(host, source, None, reference)
    }
}

const UNITED_INTERNET: &str = "https://www.gmx.net/ and https://web.de/ (United Internet's mail: links in a message open through the provider's dereferrer host)";
const MICROSOFT_MAIL: &str =
    "https://outlook.live.com/ (Outlook.com, formerly Hotmail, served from *.mail.live.com)";
const LINK_IN_BIO: &str =
    "the link-in-bio service's own host (profiles link out from a social bio)";
const ENTERPRISE: &str = "the enterprise network's own host";

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
    // Webmail behind dereferrers and message views (issue 11).
    mail("deref-gmx.net", "GMX", UNITED_INTERNET),
    mail("deref-gmx.com", "GMX", UNITED_INTERNET),
    mail("deref-gmx.fr", "GMX", UNITED_INTERNET),
    mail("deref-web.de", "WEB.DE", UNITED_INTERNET),
    mail("deref-web-02.de", "WEB.DE", UNITED_INTERNET),
    mail("deref-mail.com", "mail.com", UNITED_INTERNET),
    mail("deref-1und1.de", "1&1", UNITED_INTERNET),
    mail("navigator.gmx.net", "GMX", UNITED_INTERNET),
    mail("navigator.web.de", "WEB.DE", UNITED_INTERNET),
    mail("mail.live.com", "Outlook.com", MICROSOFT_MAIL),
    mail("outlook.com", "Outlook.com", MICROSOFT_MAIL),
    mail("hotmail.com", "Outlook.com", MICROSOFT_MAIL),
    mail(
        "mail.bluewin.ch",
        "Bluewin",
        "https://www.bluewin.ch/ (Swisscom's portal; its webmail host)",
    ),
    mail(
        "webmail.bluewin.ch",
        "Bluewin",
        "https://www.bluewin.ch/ (Swisscom's portal; its webmail host)",
    ),
    under(
        mail(
            "bluewin.ch",
            "Bluewin",
            "https://www.bluewin.ch/ (Swisscom's portal; its e-mail pages)",
        ),
        "/de/email",
    ),
    under(
        mail(
            "bluewin.ch",
            "Bluewin",
            "https://www.bluewin.ch/ (Swisscom's portal; its e-mail pages)",
        ),
        "/fr/email",
    ),
    under(
        mail(
            "orange.fr",
            "Orange Mail",
            "https://www.orange.fr/ (Orange's portal: its webmail path)",
        ),
        "/webmail",
    ),
    mail("mail.yahoo.co.jp", "Yahoo! Mail", YAHOO),
    mail(
        "email.t-online.de",
        "T-Online Mail",
        "https://www.t-online.de/ (Telekom's portal; its mail host)",
    ),
    mail("webmail.1und1.de", "1&1", UNITED_INTERNET),
    mail(
        "email.ionos.fr",
        "IONOS Mail",
        "https://www.ionos.fr/ (IONOS webmail host)",
    ),
    mail(
        "mail.ionos.de",
        "IONOS Mail",
        "https://www.ionos.de/ (IONOS webmail host)",
    ),
    mail(
        "mail.libero.it",
        "Libero Mail",
        "https://www.libero.it/ (Italiaonline's portal; its mail host)",
    ),
    mail(
        "mail.virgilio.it",
        "Virgilio Mail",
        "https://www.virgilio.it/ (Italiaonline's portal; its mail host)",
    ),
    mail(
        "email.seznam.cz",
        "Seznam Mail",
        "https://www.seznam.cz/ (Seznam's portal; its mail host)",
    ),
    mail(
        "poczta.onet.pl",
        "Onet Poczta",
        "https://www.onet.pl/ (Onet's portal; its mail host)",
    ),
    mail(
        "poczta.wp.pl",
        "WP Poczta",
        "https://www.wp.pl/ (Wirtualna Polska's portal; its mail host)",
    ),
    mail(
        "poczta.interia.pl",
        "Interia Poczta",
        "https://www.interia.pl/ (Interia's portal; its mail host)",
    ),
    mail(
        "mail.rambler.ru",
        "Rambler Mail",
        "https://www.rambler.ru/ (Rambler's portal; its mail host)",
    ),
    mail(
        "mail.ru",
        "Mail.ru",
        "https://mail.ru/ (Mail.ru's portal; mail is its home)",
    ),
    mail(
        "zimbra.free.fr",
        "Free Mail",
        "https://www.free.fr/ (Free's webmail host)",
    ),
    mail(
        "webmail.ovh.net",
        "OVHcloud Mail",
        "https://www.ovhcloud.com/ (OVHcloud webmail host)",
    ),
    mail(
        "mail.ovh.net",
        "OVHcloud Mail",
        "https://www.ovhcloud.com/ (OVHcloud webmail host)",
    ),
    mail(
        "mail.zoho.eu",
        "Zoho Mail",
        "https://www.zoho.com/mail/ (Zoho Mail's EU host)",
    ),
    mail(
        "app.hey.com",
        "HEY",
        "https://www.hey.com/ (HEY's web app host)",
    ),
    mail(
        "mail.163.com",
        "NetEase Mail",
        "https://mail.163.com/ (NetEase's mail host)",
    ),
    mail(
        "mail.qq.com",
        "QQ Mail",
        "https://mail.qq.com/ (Tencent's mail host)",
    ),
    mail(
        "mail.naver.com",
        "Naver Mail",
        "https://www.naver.com/ (Naver's portal; its mail host)",
    ),
    mail(
        "mail.daum.net",
        "Daum Mail",
        "https://www.daum.net/ (Kakao's Daum portal; its mail host)",
    ),
    // Secondary and regional search engines, and the search hosts of mail portals (issue 11).
    engine(
        "suche.web.de",
        "WEB.DE Suche",
        &["q", "su"],
        UNITED_INTERNET,
    ),
    engine("suche.gmx.net", "GMX Suche", &["q", "su"], UNITED_INTERNET),
    engine("search.gmx.com", "GMX Search", &["q"], UNITED_INTERNET),
    engine(
        "search.avg.com",
        "AVG Search",
        &["q"],
        "https://www.avg.com/ (AVG's toolbar search hosts)",
    ),
    engine(
        "isearch.avg.com",
        "AVG Search",
        &["q"],
        "https://www.avg.com/ (AVG's toolbar search hosts)",
    ),
    engine(
        "search.bluewin.ch",
        "Bluewin Search",
        &["q", "searchTerm"],
        "https://www.bluewin.ch/ (Swisscom's portal; its search host)",
    ),
    engine(
        "lemoteur.orange.fr",
        "Orange",
        &["kw", "q"],
        "https://www.orange.fr/ (Orange's portal; its search host)",
    ),
    engine(
        "search.orange.co.uk",
        "Orange",
        &["q"],
        "https://www.orange.co.uk/ (Orange's portal; its search host)",
    ),
    engine(
        "suche.t-online.de",
        "T-Online Suche",
        &["q"],
        "https://www.t-online.de/ (Telekom's portal; its search host)",
    ),
    engine(
        "suche.freenet.de",
        "freenet Suche",
        &["query", "q"],
        "https://www.freenet.de/ (freenet's portal; its search host)",
    ),
    engine(
        "go.mail.ru",
        "Mail.ru Search",
        &["q"],
        "https://mail.ru/ (Mail.ru's portal; its search host)",
    ),
    engine(
        "nova.rambler.ru",
        "Rambler",
        &["query", "words"],
        "https://www.rambler.ru/ (Rambler's portal; its search host)",
    ),
    engine(
        "search.daum.net",
        "Daum",
        &["q"],
        "https://www.daum.net/ (Daum's search host)",
    ),
    engine(
        "search.nate.com",
        "Nate",
        &["q"],
        "https://www.nate.com/ (Nate's search host)",
    ),
    engine(
        "search.goo.ne.jp",
        "goo",
        &["MT"],
        "https://www.goo.ne.jp/ (goo's search host)",
    ),
    engine(
        "search.nifty.com",
        "Nifty",
        &["q", "Text"],
        "https://www.nifty.com/ (Nifty's search host)",
    ),
    engine(
        "search.biglobe.ne.jp",
        "Biglobe",
        &["q"],
        "https://www.biglobe.ne.jp/ (Biglobe's search host)",
    ),
    engine(
        "ricerca.virgilio.it",
        "Virgilio",
        &["qs"],
        "https://www.virgilio.it/ (Italiaonline's portal; its search host)",
    ),
    engine(
        "arianna.libero.it",
        "Libero",
        &["query"],
        "https://www.libero.it/ (Italiaonline's portal; its search host)",
    ),
    engine(
        "szukaj.onet.pl",
        "Onet",
        &["q", "qt"],
        "https://www.onet.pl/ (Onet's portal; its search host)",
    ),
    engine(
        "szukaj.wp.pl",
        "Wirtualna Polska",
        &["q", "szukaj"],
        "https://www.wp.pl/ (Wirtualna Polska's portal; its search host)",
    ),
    engine("search.msn.com", "Bing", &["q"], BING),
    engine(
        "search.myway.com",
        "MyWay",
        &["searchfor", "q"],
        "https://www.myway.com/ (the toolbar search's own host)",
    ),
    engine(
        "search.mywebsearch.com",
        "MyWebSearch",
        &["searchfor", "q"],
        "https://www.mywebsearch.com/ (the toolbar search's own host)",
    ),
    engine(
        "search.conduit.com",
        "Conduit",
        &["q"],
        "https://search.conduit.com/ (the toolbar search's own host)",
    ),
    engine(
        "search.babylon.com",
        "Babylon",
        &["q"],
        "https://search.babylon.com/ (the toolbar search's own host)",
    ),
    engine(
        "search.incredimail.com",
        "IncrediMail",
        &["q"],
        "https://search.incredimail.com/ (the toolbar search's own host)",
    ),
    engine(
        "search.tb.ask.com",
        "Ask",
        &["searchfor", "q"],
        "https://www.ask.com/ (Ask's toolbar search host)",
    ),
    engine(
        "dogpile.com",
        "Dogpile",
        &["q"],
        "https://www.dogpile.com/ (its own host)",
    ),
    engine(
        "metacrawler.com",
        "MetaCrawler",
        &["q"],
        "https://www.metacrawler.com/ (its own host)",
    ),
    engine(
        "webcrawler.com",
        "WebCrawler",
        &["q"],
        "https://www.webcrawler.com/ (its own host)",
    ),
    engine(
        "info.com",
        "Info.com",
        &["qkw", "q"],
        "https://www.info.com/ (its own host)",
    ),
    engine(
        "excite.com",
        "Excite",
        &["q", "search"],
        "https://www.excite.com/ (its own host)",
    ),
    engine(
        "swisscows.com",
        "Swisscows",
        &["query"],
        "https://swisscows.com/ (its own host)",
    ),
    engine(
        "metager.de",
        "MetaGer",
        &["eingabe"],
        "https://metager.de/ (its own host)",
    ),
    engine(
        "metager.org",
        "MetaGer",
        &["eingabe"],
        "https://metager.org/ (its own host)",
    ),
    engine(
        "presearch.com",
        "Presearch",
        &["q"],
        "https://presearch.com/ (its own host)",
    ),
    engine("yep.com", "Yep", &["q"], "https://yep.com/ (its own host)"),
    engine(
        "petalsearch.com",
        "Petal Search",
        &["query"],
        "https://petalsearch.com/ (Huawei's search host)",
    ),
    engine(
        "coccoc.com",
        "Cốc Cốc",
        &["query"],
        "https://coccoc.com/ (its own host)",
    ),
    engine(
        "sm.cn",
        "Shenma",
        &["q"],
        "https://m.sm.cn/ (Alibaba's mobile search host)",
    ),
    engine(
        "haosou.com",
        "360 Search",
        &["q"],
        "https://www.so.com/ (360's former search host)",
    ),
    engine(
        "najdi.si",
        "Najdi.si",
        &["q"],
        "https://www.najdi.si/ (its own host)",
    ),
    engine(
        "search.lycos.co.uk",
        "Lycos",
        &["q", "query"],
        "https://www.lycos.com/ (Lycos's country hosts)",
    ),
    engine(
        "shopping.google.com",
        "Google Shopping",
        &["q"],
        GOOGLE_DOMAINS,
    ),
    engine(
        "idealo.de",
        "idealo",
        &["q"],
        "https://www.idealo.de/ (its price-comparison search)",
    ),
    engine(
        "idealo.fr",
        "idealo",
        &["q"],
        "https://www.idealo.fr/ (its price-comparison search)",
    ),
    engine(
        "kelkoo.fr",
        "Kelkoo",
        &["siteSearchQuery", "q"],
        "https://www.kelkoo.fr/ (its price-comparison search)",
    ),
    engine(
        "pricerunner.com",
        "PriceRunner",
        &["q"],
        "https://www.pricerunner.com/ (its price-comparison search)",
    ),
    engine(
        "ledenicheur.fr",
        "leDénicheur",
        &["search", "q"],
        "https://ledenicheur.fr/ (its price-comparison search)",
    ),
    // Regional and enterprise networks, link-in-bio hosts (issue 11).
    social(
        "odnoklassniki.ru",
        "Odnoklassniki",
        "https://ok.ru/ (Odnoklassniki's former host)",
    ),
    social(
        "my.mail.ru",
        "Moi Mir",
        "https://my.mail.ru/ (Mail.ru's social network, more specific than its mail)",
    ),
    social("vk.ru", "VKontakte", "https://vk.com/ (VK's .ru host)"),
    social(
        "vkontakte.ru",
        "VKontakte",
        "https://vk.com/ (VK's former host)",
    ),
    social("workplace.com", "Workplace", ENTERPRISE),
    social("l.workplace.com", "Workplace", ENTERPRISE),
    social("yammer.com", "Viva Engage", ENTERPRISE),
    social("engage.cloud.microsoft", "Viva Engage", ENTERPRISE),
    social("teams.microsoft.com", "Microsoft Teams", ENTERPRISE),
    social("app.slack.com", "Slack", ENTERPRISE),
    social("slack.com", "Slack", ENTERPRISE),
    social("linktr.ee", "Linktree", LINK_IN_BIO),
    social("beacons.ai", "Beacons", LINK_IN_BIO),
    social("lnk.bio", "Lnk.Bio", LINK_IN_BIO),
    social("campsite.bio", "Campsite", LINK_IN_BIO),
    social("bio.link", "bio.link", LINK_IN_BIO),
    social("tap.bio", "Tap Bio", LINK_IN_BIO),
    social("solo.to", "solo.to", LINK_IN_BIO),
    social("linkin.bio", "Later Linkin.bio", LINK_IN_BIO),
    social("snipfeed.co", "Snipfeed", LINK_IN_BIO),
    social(
        "weixin.qq.com",
        "WeChat",
        "https://weixin.qq.com/ (WeChat's own host)",
    ),
    social(
        "qzone.qq.com",
        "Qzone",
        "https://qzone.qq.com/ (its own host)",
    ),
    social(
        "douban.com",
        "Douban",
        "https://www.douban.com/ (its own host)",
    ),
    social(
        "zhihu.com",
        "Zhihu",
        "https://www.zhihu.com/ (its own host)",
    ),
    social(
        "story.kakao.com",
        "KakaoStory",
        "https://story.kakao.com/ (its own host)",
    ),
    social("band.us", "BAND", "https://band.us/ (its own host)"),
    social(
        "plurk.com",
        "Plurk",
        "https://www.plurk.com/ (its own host)",
    ),
    social("mewe.com", "MeWe", "https://mewe.com/ (its own host)"),
    social(
        "truthsocial.com",
        "Truth Social",
        "https://truthsocial.com/ (its own host)",
    ),
    social("gab.com", "Gab", "https://gab.com/ (its own host)"),
    social("digg.com", "Digg", "https://digg.com/ (its own host)"),
    social("mix.com", "Mix", "https://mix.com/ (its own host)"),
    social(
        "myspace.com",
        "Myspace",
        "https://myspace.com/ (its own host)",
    ),
    social(
        "meetup.com",
        "Meetup",
        "https://www.meetup.com/ (its own host)",
    ),
    social(
        "goodreads.com",
        "Goodreads",
        "https://www.goodreads.com/ (its own host)",
    ),
    social(
        "deviantart.com",
        "DeviantArt",
        "https://www.deviantart.com/ (its own host)",
    ),
    social(
        "behance.net",
        "Behance",
        "https://www.behance.net/ (its own host)",
    ),
    social(
        "dribbble.com",
        "Dribbble",
        "https://dribbble.com/ (its own host)",
    ),
    social(
        "flickr.com",
        "Flickr",
        "https://www.flickr.com/ (its own host)",
    ),
    social("imgur.com", "Imgur", "https://imgur.com/ (its own host)"),
    social("9gag.com", "9GAG", "https://9gag.com/ (its own host)"),
    social(
        "producthunt.com",
        "Product Hunt",
        "https://www.producthunt.com/ (its own host)",
    ),
    social(
        "slashdot.org",
        "Slashdot",
        "https://slashdot.org/ (its own host)",
    ),
    social(
        "skyrock.com",
        "Skyrock",
        "https://www.skyrock.com/ (its own host)",
    ),
    social(
        "viadeo.com",
        "Viadeo",
        "https://www.viadeo.com/ (its own host)",
    ),
    social(
        "tuenti.com",
        "Tuenti",
        "https://www.tuenti.com/ (its own host)",
    ),
    social(
        "draugiem.lv",
        "Draugiem",
        "https://www.draugiem.lv/ (its own host)",
    ),
    social("wykop.pl", "Wykop", "https://wykop.pl/ (its own host)"),
    social("nk.pl", "NK", "https://nk.pl/ (its own host)"),
    social(
        "taringa.net",
        "Taringa!",
        "https://www.taringa.net/ (its own host)",
    ),
    social("mixi.jp", "mixi", "https://mixi.jp/ (its own host)"),
    social(
        "renren.com",
        "Renren",
        "https://www.renren.com/ (its own host)",
    ),
    social(
        "kakaotalk.com",
        "KakaoTalk",
        "https://www.kakaocorp.com/ (Kakao's messaging host)",
    ),
    social(
        "viber.com",
        "Viber",
        "https://www.viber.com/ (its own host)",
    ),
    social("signal.org", "Signal", "https://signal.org/ (its own host)"),
    social(
        "threema.ch",
        "Threema",
        "https://threema.ch/ (its own host)",
    ),
    social("com.vkontakte.android", "VKontakte", APPS),
    social("ru.ok.android", "Odnoklassniki", APPS),
    social("com.slack", "Slack", APPS),
    social("com.facebook.work", "Workplace", APPS),
    mail("com.microsoft.office.outlook", "Outlook", APPS),
    mail("com.yahoo.mobile.client.android.mail", "Yahoo! Mail", APPS),
    mail("de.gmx.mobile.android.mail", "GMX", APPS),
    mail("de.web.mobile.android.mail", "WEB.DE", APPS),
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

/// A provider known by its brand label on any country domain (`google.fr`, `google.co.uk`),
/// optionally behind a sub-label (`mail.yahoo.*`, `images.google.*`) and on a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BrandRow {
    /// The labels right before the brand label, or empty (`mail`, `images`, `search`).
    pub prefix: &'static str,
    /// The registrable label (`google`).
    pub label: &'static str,
    /// A path prefix, or empty for any path.
    pub path: &'static str,
    /// Medium.
    pub medium: Medium,
    /// Display name.
    pub source: &'static str,
    /// Where the search term is (as [`DomainRow::term_params`]).
    pub term_params: &'static [&'static str],
    /// Source of the row.
    pub reference: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

const fn brand(
    prefix: &'static str,
    label: &'static str,
    path: &'static str,
    medium: Medium,
    source: &'static str,
    term_params: &'static [&'static str],
    reference: &'static str,
) -> BrandRow {
    BrandRow {
        prefix,
        label,
        path,
        medium,
        source,
        term_params,
        reference,
        as_of: AS_OF_DEC,
    }
}

const GOOGLE_DOMAINS: &str = "https://www.google.com/supported_domains (Google's country domains)";
const YAHOO: &str = "https://www.yahoo.com/everything/world (Yahoo's country sites)";
const AOL: &str = "https://www.aol.com/ (AOL's country portals and their search)";
const BING: &str = "https://www.bing.com/ (Bing's own hosts and paths)";
const YANDEX: &str = "https://yandex.com/company/ (Yandex's country domains)";

/// Providers matched on every country domain. The most specific row wins: a sub-label
/// (`mail.yahoo.*`) over the bare brand (`yahoo.*`), a path over no path.
pub static BRANDS: &[BrandRow] = &[
    brand(
        "",
        "google",
        "",
        Medium::Search,
        "Google",
        &["q", "query", "#q"],
        GOOGLE_DOMAINS,
    ),
    brand(
        "",
        "google",
        "/imgres",
        Medium::Search,
        "Google Images",
        &["q"],
        GOOGLE_DOMAINS,
    ),
    brand(
        "images",
        "google",
        "",
        Medium::Search,
        "Google Images",
        &["q"],
        GOOGLE_DOMAINS,
    ),
    brand(
        "news",
        "google",
        "",
        Medium::Referral,
        "Google News",
        &[],
        GOOGLE_DOMAINS,
    ),
    brand(
        "mail",
        "google",
        "",
        Medium::Email,
        "Gmail",
        &[],
        GOOGLE_DOMAINS,
    ),
    brand("", "bing", "", Medium::Search, "Bing", &["q"], BING),
    brand(
        "",
        "bing",
        "/images",
        Medium::Search,
        "Bing Images",
        &["q"],
        BING,
    ),
    brand(
        "",
        "yahoo",
        "",
        Medium::Search,
        "Yahoo!",
        &["p", "q"],
        YAHOO,
    ),
    brand(
        "images.search",
        "yahoo",
        "",
        Medium::Search,
        "Yahoo! Images",
        &["p"],
        YAHOO,
    ),
    brand(
        "mail",
        "yahoo",
        "",
        Medium::Email,
        "Yahoo! Mail",
        &[],
        YAHOO,
    ),
    brand(
        "",
        "yandex",
        "",
        Medium::Search,
        "Yandex",
        &["text"],
        YANDEX,
    ),
    brand(
        "",
        "yandex",
        "/images",
        Medium::Search,
        "Yandex Images",
        &["text"],
        YANDEX,
    ),
    brand(
        "images",
        "yandex",
        "",
        Medium::Search,
        "Yandex Images",
        &["text"],
        YANDEX,
    ),
    brand(
        "mail",
        "yandex",
        "",
        Medium::Email,
        "Yandex Mail",
        &[],
        YANDEX,
    ),
    brand("", "qwant", "", Medium::Search, "Qwant", &["q"], MATOMO),
    brand("", "ecosia", "", Medium::Search, "Ecosia", &["q"], MATOMO),
    brand(
        "search",
        "aol",
        "",
        Medium::Search,
        "AOL",
        &["q", "query"],
        AOL,
    ),
    brand(
        "recherche",
        "aol",
        "",
        Medium::Search,
        "AOL",
        &["q", "query"],
        AOL,
    ),
    brand(
        "suche",
        "aol",
        "",
        Medium::Search,
        "AOL",
        &["q", "query"],
        AOL,
    ),
    brand("mail", "aol", "", Medium::Email, "AOL Mail", &[], AOL),
    brand(
        "",
        "ixquick",
        "",
        Medium::Search,
        "Ixquick",
        &["query", "q"],
        "https://www.ixquick.com/ (Startpage's former name, its own hosts)",
    ),
    brand(
        "",
        "startpage",
        "",
        Medium::Search,
        "Startpage",
        &["query", "q"],
        "https://www.startpage.com/ (its own hosts)",
    ),
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
