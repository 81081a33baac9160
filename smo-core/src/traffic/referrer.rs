//! Referrer classification: a referrer URL (and the landing page) → medium, source, network and
//! search term, from the domain table of [`super::domains`].
//!
//! Order of decisions:
//! 1. a click id on the landing page (`gclid`, `gbraid`, `wbraid`, `dclid` → Google Ads;
//!    `msclkid` → Microsoft Advertising) or a paid `utm_medium` on it → `paid`;
//! 2. no referrer (empty, `-`, `(direct)`) → `direct`;
//! 3. the referrer's host is the landing page's host (ignoring `www.`), or one of the caller's
//!    own hosts → `internal`;
//! 4. the most specific rule of the referrer database ([`super::refdb`]: smo's table, or the
//!    caller's files merged over it): a host or a parent domain, a brand on any country domain
//!    (`google.*`, `mail.yahoo.*`), a path prefix (`google.fr/imgres`, `orange.fr/webmail`);
//!    then caller-supplied Mastodon instances;
//! 5. anything else → `referral`, with the host as source.
//!
//! Parsing is hand-written and allocation-free for the common case, because the batch path
//! classifies millions of log lines.
//!
//! ```
//! use smo_core::traffic::{classify_referrer, Medium};
//! let r = classify_referrer("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.maisonlune.fr%2F", None);
//! assert_eq!((r.medium, r.source.as_str(), r.network.map(|n| n.as_str())), (Medium::Social, "Facebook", Some("facebook")));
//! let r = classify_referrer("https://duckduckgo.com/?q=linge+de+lit+en+lin", None);
//! assert_eq!(r.term.as_deref(), Some("linge de lit en lin"));
//! ```

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use super::channel::{Channel, channel_group};
use super::domains::{Medium, TABLE_VERSION};
use super::refdb::{self, RefererDatabase};
use crate::network::Network;

/// What smo makes of a referrer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Referrer {
    /// The medium.
    pub medium: Medium,
    /// Display name of the source (`Facebook`, `Google`, `Gmail`, `ChatGPT`), or the host for
    /// unknown sites; `(direct)` for direct traffic.
    pub source: String,
    /// The network, when social and known to smo.
    pub network: Option<Network>,
    /// The search term, when the referrer carries one.
    pub term: Option<String>,
    /// The referrer's host (lower case, without `www.`), or the app id.
    pub host: Option<String>,
    /// Version of the domain table used.
    pub table_version: &'static str,
}

impl Referrer {
    /// The (source, medium) pair GA4 would record for this visit, for [`channel_group`]:
    /// `(direct)/(none)`, `google/organic`, `l.facebook.com/referral`, `gmail/email`...
    pub fn ga4_source_medium(&self) -> (String, &'static str) {
        let host = self
            .host
            .clone()
            .unwrap_or_else(|| self.source.to_ascii_lowercase());
        match self.medium {
            Medium::Direct | Medium::Internal => ("(direct)".into(), "(none)"),
            Medium::Search => (self.source.to_ascii_lowercase(), "organic"),
            Medium::Email => (host, "email"),
            Medium::Paid => (self.source.to_ascii_lowercase(), "cpc"),
            Medium::Social | Medium::AiAssistant | Medium::Referral => (host, "referral"),
        }
    }

    /// The GA4-model channel of this visit.
    pub fn channel(&self) -> Channel {
        Hit {
            medium: self.medium,
            source: Cow::Borrowed(&self.source),
            network: self.network,
            term: None,
            host: self.host.as_deref().map(Cow::Borrowed),
        }
        .channel()
    }
}

/// Options of the classifier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassifyOptions {
    /// The site's own hosts (traffic from them is internal), besides the landing page's host.
    pub internal_hosts: Vec<String>,
    /// Mastodon (or other fediverse) instances to count as Mastodon, besides the table's.
    pub mastodon_instances: Vec<String>,
    /// The referrer database: the user's files merged over smo's table
    /// ([`refdb::load_referer_database`]); `None` is smo's table.
    pub database: Option<Arc<RefererDatabase>>,
}

impl ClassifyOptions {
    /// The database the classifier reads.
    pub fn database(&self) -> &RefererDatabase {
        self.database
            .as_deref()
            .unwrap_or_else(|| RefererDatabase::embedded())
    }
}

/// Parts of a URL, borrowed.
struct Parts<'a> {
    host: &'a str,
    path: &'a str,
    query: &'a str,
    fragment: &'a str,
    app: bool,
}

/// Splits a URL into host and query without allocating. `None` when no host can be found.
fn split(url: &str) -> Option<Parts<'_>> {
    let s = url.trim();
    let (rest, app) = if let Some(r) = s.strip_prefix("android-app://") {
        (r, true)
    } else if let Some(i) = s.find("://") {
        (&s[i + 3..], false)
    } else if let Some(r) = s.strip_prefix("//") {
        (r, false)
    } else {
        // A bare host such as `www.google.com/` (some logs strip the scheme).
        (s, false)
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let mut host = &rest[..end];
    if let Some(at) = host.rfind('@') {
        host = &host[at + 1..];
    }
    if let Some(colon) = host.rfind(':') {
        if host[colon + 1..].bytes().all(|b| b.is_ascii_digit()) {
            host = &host[..colon];
        }
    }
    let host = host.trim_end_matches('.');
    if host.is_empty()
        || !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
    {
        return None;
    }
    let after = &rest[end..];
    let (before_fragment, fragment) = after.split_once('#').unwrap_or((after, ""));
    let (path, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    Some(Parts {
        host,
        path,
        query,
        fragment,
        app,
    })
}

fn strip_www(h: &str) -> &str {
    h.strip_prefix("www.").unwrap_or(h)
}

fn same_site(a: &str, b: &str) -> bool {
    strip_www(a).eq_ignore_ascii_case(strip_www(b))
}

/// A classification that borrows from its input: the batch path's allocation-free result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The medium.
    pub medium: Medium,
    /// Display name of the source, or the host for unknown sites.
    pub source: Cow<'a, str>,
    /// The network, when social and known.
    pub network: Option<Network>,
    /// The search term.
    pub term: Option<String>,
    /// The referrer's host, lower case, without `www.`.
    pub host: Option<Cow<'a, str>>,
}

impl Hit<'_> {
    /// The owned form.
    pub fn into_owned(self) -> Referrer {
        Referrer {
            medium: self.medium,
            source: self.source.into_owned(),
            network: self.network,
            term: self.term,
            host: self.host.map(Cow::into_owned),
            table_version: TABLE_VERSION,
        }
    }

    /// The owned form, with the version of the database that classified it.
    pub fn into_owned_from(self, db: &RefererDatabase) -> Referrer {
        Referrer {
            table_version: db.version(),
            ..self.into_owned()
        }
    }

    /// The GA4-model channel of this visit (see [`Referrer::ga4_source_medium`]).
    pub fn channel(&self) -> Channel {
        let host = self.host.as_deref();
        match self.medium {
            Medium::Direct | Medium::Internal => channel_group("(direct)", "(none)", ""),
            Medium::Search => channel_group(&self.source, "organic", ""),
            Medium::Email => channel_group(host.unwrap_or(&self.source), "email", ""),
            Medium::Paid => channel_group(&self.source, "cpc", ""),
            Medium::Social | Medium::AiAssistant | Medium::Referral => {
                channel_group(host.unwrap_or(&self.source), "referral", "")
            }
        }
    }
}

fn hit<'a>(
    medium: Medium,
    source: Cow<'a, str>,
    network: Option<Network>,
    term: Option<String>,
    host: Option<&Cow<'a, str>>,
) -> Hit<'a> {
    Hit {
        medium,
        source,
        network,
        term,
        host: host.map(|h| match h {
            Cow::Borrowed(b) => Cow::Borrowed(strip_www(b)),
            Cow::Owned(o) => Cow::Owned(strip_www(o).to_owned()),
        }),
    }
}

fn lower_cow(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn is_direct(r: &str) -> bool {
    r.is_empty() || r == "-" || r.eq_ignore_ascii_case("(direct)") || r == "about:blank"
}

const PAID_CLICK_IDS: &[(&str, &str)] = &[
    ("gclid", "Google Ads"),
    ("gbraid", "Google Ads"),
    ("wbraid", "Google Ads"),
    ("dclid", "Google Ads"),
    ("msclkid", "Microsoft Advertising"),
];

/// Classifies a referrer with default options. `page_url` is the landing page, used for
/// internal traffic and paid click ids.
pub fn classify_referrer(referrer: &str, page_url: Option<&str>) -> Referrer {
    classify_with(referrer, page_url, &ClassifyOptions::default())
}

/// Classifies a referrer.
pub fn classify_with(referrer: &str, page_url: Option<&str>, opts: &ClassifyOptions) -> Referrer {
    classify_hit(referrer, page_url, opts).into_owned_from(opts.database())
}

/// Classifies a referrer without copying what it can borrow (the batch path).
pub fn classify_hit<'a>(
    referrer: &'a str,
    page_url: Option<&str>,
    opts: &ClassifyOptions,
) -> Hit<'a> {
    let page = page_url.and_then(split);
    let r = referrer.trim();
    let parts = if is_direct(r) { None } else { split(r) };
    let host: Option<Cow<'a, str>> = parts.as_ref().map(|p| lower_cow(p.host));
    // 1. Paid click ids or a paid utm_medium on the landing page.
    if let Some(page) = &page {
        if !page.query.is_empty() {
            for (k, v) in url::form_urlencoded::parse(page.query.as_bytes()) {
                if let Some((_, name)) = PAID_CLICK_IDS.iter().find(|(id, _)| k == *id) {
                    return hit(Medium::Paid, Cow::Borrowed(name), None, None, host.as_ref());
                }
                if k == "utm_medium" {
                    let m = v.to_ascii_lowercase();
                    if m.contains("cp") || m == "ppc" || m == "retargeting" || m.starts_with("paid")
                    {
                        let src = url::form_urlencoded::parse(page.query.as_bytes())
                            .find(|(k, _)| k == "utm_source")
                            .map(|(_, v)| v.into_owned())
                            .unwrap_or_else(|| "(not set)".into());
                        let network = src.parse::<Network>().ok();
                        return hit(Medium::Paid, Cow::Owned(src), network, None, host.as_ref());
                    }
                }
            }
        }
    }
    // 2. Direct.
    let (Some(parts), Some(host)) = (parts, host) else {
        if is_direct(r) {
            return hit(Medium::Direct, Cow::Borrowed("(direct)"), None, None, None);
        }
        // Not a URL: keep it visible as a referral from what was given.
        return hit(Medium::Referral, Cow::Borrowed(r), None, None, None);
    };
    // 3. Internal.
    if page.as_ref().is_some_and(|p| same_site(p.host, &host))
        || opts.internal_hosts.iter().any(|h| same_site(h, &host))
    {
        let source = match &host {
            Cow::Borrowed(b) => Cow::Borrowed(strip_www(b)),
            Cow::Owned(o) => Cow::Owned(strip_www(o).to_owned()),
        };
        return hit(Medium::Internal, source, None, None, Some(&host));
    }
    // 4. The database's most specific rule, then the caller's instances.
    if let Some(rule) = opts.database().best(&host, parts.path, parts.app) {
        let t = refdb::term(rule, parts.path, parts.query, parts.fragment);
        let source = match &rule.source {
            Cow::Borrowed(b) => Cow::Borrowed(*b),
            Cow::Owned(o) => Cow::Owned(o.clone()),
        };
        return hit(rule.medium, source, rule.network, t, Some(&host));
    }
    if opts.mastodon_instances.iter().any(|i| same_site(i, &host)) {
        return hit(
            Medium::Social,
            Cow::Borrowed("Mastodon"),
            Some(Network::Mastodon),
            None,
            Some(&host),
        );
    }
    // 5. Referral.
    let source = match &host {
        Cow::Borrowed(b) => Cow::Borrowed(strip_www(b)),
        Cow::Owned(o) => Cow::Owned(strip_www(o).to_owned()),
    };
    hit(Medium::Referral, source, None, None, Some(&host))
}

/// The network a web-analytics source names: a network id or alias (`instagram`, `ig`, `fb`),
/// or a host of the domain table (`l.instagram.com`, `t.co`).
///
/// ```
/// use smo_core::{Network, traffic::source_network};
/// assert_eq!(source_network("l.instagram.com"), Some(Network::Instagram));
/// assert_eq!(source_network("IG"), Some(Network::Instagram));
/// assert_eq!(source_network("google"), None);
/// ```
pub fn source_network(source: &str) -> Option<Network> {
    let s = source.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<Network>() {
        // `meta` is an alias of Facebook in the network table, and as a UTM source it means
        // Facebook or Instagram ads: keep Facebook.
        return Some(n);
    }
    RefererDatabase::embedded()
        .best(strip_www(&s), "", false)
        .and_then(|r| r.network)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(r: &str) -> Referrer {
        classify_referrer(r, Some("https://www.maisonlune.fr/draps?utm_source=x"))
    }

    #[test]
    fn networks_shims_and_apps() {
        let cases = [
            ("https://x.com/maisonlune/status/1", "X", Network::X),
            ("https://t.co/abc", "X", Network::X),
            ("https://lnkd.in/xyz", "LinkedIn", Network::LinkedIn),
            (
                "https://www.linkedin.com/feed/",
                "LinkedIn",
                Network::LinkedIn,
            ),
            (
                "https://l.facebook.com/l.php?u=x",
                "Facebook",
                Network::Facebook,
            ),
            ("https://lm.facebook.com/", "Facebook", Network::Facebook),
            ("https://m.facebook.com/", "Facebook", Network::Facebook),
            ("https://web.facebook.com/", "Facebook", Network::Facebook),
            (
                "android-app://com.facebook.katana",
                "Facebook",
                Network::Facebook,
            ),
            (
                "https://l.instagram.com/?u=x",
                "Instagram",
                Network::Instagram,
            ),
            ("https://www.threads.net/@x", "Threads", Network::Threads),
            ("https://l.threads.com/", "Threads", Network::Threads),
            (
                "android-app://com.instagram.barcelona/",
                "Threads",
                Network::Threads,
            ),
            ("https://bsky.app/profile/x", "Bluesky", Network::Bluesky),
            ("https://go.bsky.app/abc", "Bluesky", Network::Bluesky),
            ("https://mastodon.social/@x", "Mastodon", Network::Mastodon),
            ("https://piaille.fr/@x/1", "Mastodon", Network::Mastodon),
            ("https://old.reddit.com/r/x", "Reddit", Network::Reddit),
            ("https://out.reddit.com/t3_x", "Reddit", Network::Reddit),
            (
                "https://www.youtube.com/watch?v=1",
                "YouTube",
                Network::YouTube,
            ),
            ("https://www.tiktok.com/@x", "TikTok", Network::TikTok),
            (
                "https://fr.pinterest.com/pin/1",
                "Pinterest",
                Network::Pinterest,
            ),
            ("https://pin.it/abc", "Pinterest", Network::Pinterest),
            ("https://web.whatsapp.com/", "WhatsApp", Network::WhatsApp),
            ("https://t.me/x", "Telegram", Network::Telegram),
            ("https://www.snapchat.com/", "Snapchat", Network::Snapchat),
        ];
        for (url, source, net) in cases {
            let r = c(url);
            assert_eq!(
                (r.medium, r.source.as_str(), r.network),
                (Medium::Social, source, Some(net)),
                "{url}"
            );
        }
        // Every network of the network table has at least one host.
        for n in Network::ALL {
            assert!(
                crate::traffic::domains::DOMAINS
                    .iter()
                    .any(|d| d.network == Some(n)),
                "{n} has no referrer host"
            );
        }
    }

    #[test]
    fn search_email_ai_paid_internal_direct_referral() {
        let r = c("https://www.google.fr/");
        assert_eq!(
            (r.medium, r.source.as_str(), r.term),
            (Medium::Search, "Google", None)
        );
        let r = c("https://www.google.co.uk/search?q=washed+linen");
        assert_eq!(r.term.as_deref(), Some("washed linen"));
        let r = c("https://fr.search.yahoo.com/search?p=draps%20lin");
        assert_eq!(
            (r.source.as_str(), r.term.as_deref()),
            ("Yahoo!", Some("draps lin"))
        );
        let r = c("https://yandex.ru/search/?text=%D0%BB%D0%B5%D0%BD");
        assert_eq!(r.term.as_deref(), Some("лен"));
        assert_eq!(c("https://www.bing.com/search?q=lin").source, "Bing");
        let r = c("https://mail.google.com/mail/u/0/");
        assert_eq!((r.medium, r.source.as_str()), (Medium::Email, "Gmail"));
        assert_eq!(c("https://outlook.live.com/").source, "Outlook.com");
        for (u, s) in [
            ("https://chatgpt.com/", "ChatGPT"),
            ("https://www.perplexity.ai/search", "Perplexity"),
            ("https://gemini.google.com/app", "Gemini"),
            ("https://copilot.microsoft.com/", "Copilot"),
            ("https://claude.ai/chat/1", "Claude"),
        ] {
            let r = c(u);
            assert_eq!(
                (r.medium, r.source.as_str()),
                (Medium::AiAssistant, s),
                "{u}"
            );
        }
        let r = classify_referrer(
            "https://www.google.com/",
            Some("https://www.maisonlune.fr/?gclid=abc"),
        );
        assert_eq!((r.medium, r.source.as_str()), (Medium::Paid, "Google Ads"));
        let r = classify_referrer(
            "https://l.facebook.com/",
            Some("https://maisonlune.fr/?utm_source=facebook&utm_medium=paid_social"),
        );
        assert_eq!(
            (r.medium, r.network),
            (Medium::Paid, Some(Network::Facebook))
        );
        assert_eq!(c("https://maisonlune.fr/panier").medium, Medium::Internal);
        assert_eq!(c("https://WWW.MaisonLune.fr:443/").medium, Medium::Internal);
        assert_eq!(c("").medium, Medium::Direct);
        assert_eq!(c("-").medium, Medium::Direct);
        let r = c("https://blog.example.org/post?q=1");
        assert_eq!(
            (r.medium, r.source.as_str(), r.term),
            (Medium::Referral, "blog.example.org", None)
        );
        assert_eq!(c("not a url at all").medium, Medium::Referral);
        // Subdomain walking, like snowplow's tests show for tumblr.
        assert_eq!(c("https://someone.tumblr.com/").source, "Tumblr");
    }

    #[test]
    fn caller_mastodon_instances_and_internal_hosts() {
        let opts = ClassifyOptions {
            internal_hosts: vec!["shop.maisonlune.fr".into()],
            mastodon_instances: vec!["eldritch.cafe".into()],
            ..Default::default()
        };
        assert_eq!(
            classify_with("https://eldritch.cafe/@a", None, &opts).network,
            Some(Network::Mastodon)
        );
        assert_eq!(
            classify_with("https://shop.maisonlune.fr/", None, &opts).medium,
            Medium::Internal
        );
    }

    #[test]
    fn channel_of_a_referrer() {
        assert_eq!(c("https://t.co/x").channel(), Channel::OrganicSocial);
        assert_eq!(c("https://x.com/x").channel(), Channel::Referral);
        assert_eq!(
            c("https://www.google.de/").channel(),
            Channel::OrganicSearch
        );
        assert_eq!(c("").channel(), Channel::Direct);
    }
}
