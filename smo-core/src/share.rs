//! Share links: the endpoints each network offers to pre-fill a post, current, legacy and
//! deprecated, a builder that encodes the parameters, and the matcher the site audit uses to
//! recognise share buttons on a page.
//!
//! [`ENDPOINTS`] is the one table of share endpoints in smo. Facts come from
//! `shared/reference/networks-and-text.md` §5, `site-audit.md` §3.1 and the platforms' pages
//! named in each row; rows marked third-party are observed behaviour, not documentation.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::{Confidence, Network};

/// Whether an endpoint should still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointStatus {
    /// Documented by the platform today, or the working form everyone uses.
    Current,
    /// Older or undocumented but still working (often a redirect): known, not worth a finding.
    Legacy,
    /// Retired, closed or no longer pre-filling: links using it should be updated or removed.
    Deprecated,
}

impl EndpointStatus {
    /// `current`, `legacy` or `deprecated`.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointStatus::Current => "current",
            EndpointStatus::Legacy => "legacy",
            EndpointStatus::Deprecated => "deprecated",
        }
    }
}

/// One share endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ShareEndpoint {
    /// Target id: a network id (`x`, `facebook`...) or `email`, `google_plus`.
    pub target: &'static str,
    /// The network, when the target is one smo models.
    pub network: Option<Network>,
    /// Scheme and host as the builder writes them (`https://twitter.com`); a scheme alone for
    /// scheme endpoints (`mailto:`, `whatsapp:`); `{instance}` for Mastodon.
    pub host: &'static str,
    /// Other hosts that serve the same endpoint, lower case, without `www.`.
    pub aliases: &'static [&'static str],
    /// Path (`/intent/tweet`); matched case-insensitively, as a prefix unless `exact_path`.
    pub path: &'static str,
    /// Whether only this very path matches (`t.me/share`, not `t.me/share/url`).
    pub exact_path: bool,
    /// Query parameters the endpoint reads, the required ones first.
    pub params: &'static [&'static str],
    /// The parameter that carries the shared URL, if any.
    pub url_param: Option<&'static str>,
    /// The parameter that carries the text, if any.
    pub text_param: Option<&'static str>,
    /// A parameter without which a link to this endpoint is not a share link (`wa.me/{number}`
    /// is a chat, a `mailto:` without `body` a contact address).
    pub required: Option<&'static str>,
    /// Current, legacy or deprecated.
    pub status: EndpointStatus,
    /// How sure smo is.
    pub confidence: Confidence,
    /// What to know (replacement, caveats).
    pub note: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// When it was checked.
    pub as_of: &'static str,
}

impl ShareEndpoint {
    /// The endpoint's URL without query (`https://twitter.com/intent/tweet`).
    pub fn url_prefix(&self) -> String {
        format!("{}{}", self.host, self.path)
    }

    /// The scheme of a scheme-only endpoint (`mailto`, `whatsapp`).
    fn scheme_only(&self) -> Option<&'static str> {
        self.host.strip_suffix(':')
    }

    /// The builder's host, lower case and without scheme or `www.`.
    fn bare_host(&self) -> &'static str {
        let h = self.host.split_once("://").map_or(self.host, |(_, h)| h);
        h.strip_prefix("www.").unwrap_or(h)
    }

    /// Whether the row serves `host` (bare, lower case); `match_link` uses an index instead.
    #[cfg(test)]
    fn serves(&self, host: &str) -> bool {
        self.bare_host() == host || self.aliases.contains(&host)
    }

    fn serves_path(&self, path: &str) -> bool {
        let p = path.trim_end_matches('/');
        let want = self.path.trim_end_matches('/');
        if p.eq_ignore_ascii_case(want) {
            return true;
        }
        !self.exact_path
            && p.len() > want.len()
            && p.as_bytes()[want.len()] == b'/'
            && p.get(..want.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(want))
    }
}

const AS_OF: &str = "2026-11";
const NT5: &str = "shared/reference/networks-and-text.md §5";
const SA31: &str = "shared/reference/site-audit.md §3.1 (detection signatures)";
const X_INTENT: &str =
    "https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent";
const FB_SHARE: &str =
    "https://developers.facebook.com/documentation/sharing/reference/share-dialog";
const LI_SHARE: &str = "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/share-plugin";
const WA: &str = "https://faq.whatsapp.com/5913398998672934";
const TG: &str = "https://core.telegram.org/widgets/share";
const PIN: &str = "https://developers.pinterest.com/docs/web-features/buttons/";
const TH: &str = "https://developers.facebook.com/documentation/threads/threads-web-intents";

use Confidence::{Platform as P, ThirdParty as T};
use EndpointStatus::{Current as CUR, Deprecated as DEP, Legacy as LEG};

/// A row with the common defaults: prefix path match, no required parameter.
#[allow(clippy::too_many_arguments)]
const fn ep(
    target: &'static str,
    network: Option<Network>,
    host: &'static str,
    aliases: &'static [&'static str],
    path: &'static str,
    params: &'static [&'static str],
    (url_param, text_param): (Option<&'static str>, Option<&'static str>),
    status: EndpointStatus,
    confidence: Confidence,
    note: &'static str,
    source: &'static str,
) -> ShareEndpoint {
    ShareEndpoint {
        target,
        network,
        host,
        aliases,
        path,
        exact_path: false,
        params,
        url_param,
        text_param,
        required: None,
        status,
        confidence,
        note,
        source,
        as_of: AS_OF,
    }
}

const fn exact(row: ShareEndpoint) -> ShareEndpoint {
    ShareEndpoint {
        exact_path: true,
        ..row
    }
}

const fn requires(param: &'static str, row: ShareEndpoint) -> ShareEndpoint {
    ShareEndpoint {
        required: Some(param),
        ..row
    }
}

const URL_TEXT: (Option<&str>, Option<&str>) = (Some("url"), Some("text"));
const TEXT: (Option<&str>, Option<&str>) = (None, Some("text"));

/// Every share endpoint smo knows. For each target, the first row that is not deprecated is
/// the one [`share_url`] builds; [`match_link`] returns the first row a link matches.
pub static ENDPOINTS: &[ShareEndpoint] = &[
    ep(
        "x",
        Some(Network::X),
        "https://twitter.com",
        &["x.com", "mobile.twitter.com"],
        "/intent/tweet",
        &["text", "url", "hashtags", "via", "related"],
        URL_TEXT,
        CUR,
        P,
        "hashtags: comma-separated, without #",
        X_INTENT,
    ),
    ep(
        "x",
        Some(Network::X),
        "https://x.com",
        &["twitter.com"],
        "/intent/post",
        &["text", "url", "hashtags", "via", "related"],
        URL_TEXT,
        CUR,
        T,
        "x.com form of the intent; undocumented",
        NT5,
    ),
    ep(
        "x",
        Some(Network::X),
        "https://twitter.com",
        &[],
        "/share",
        &["text", "url", "hashtags", "via"],
        URL_TEXT,
        LEG,
        T,
        "Tweet Button endpoint of 2011, still redirecting to /intent/tweet",
        X_INTENT,
    ),
    requires(
        "status",
        exact(ep(
            "x",
            Some(Network::X),
            "https://twitter.com",
            &["x.com"],
            "/home",
            &["status"],
            (None, Some("status")),
            DEP,
            T,
            "pre-2011 status pre-fill, no longer pre-fills: use /intent/tweet",
            NT5,
        )),
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        &["m.facebook.com"],
        "/sharer/sharer.php",
        &["u"],
        (Some("u"), None),
        LEG,
        T,
        "undocumented but working and common, and needs no app id: the link share_url builds (the documented /dialog/share needs one)",
        "https://developers.facebook.com/documentation/sharing/reference/share-dialog; nygardk/react-share#43",
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        &["m.facebook.com"],
        "/dialog/share",
        &["app_id", "href", "display", "hashtag"],
        (Some("href"), None),
        CUR,
        P,
        "needs an app id; redirect_uri is deprecated",
        FB_SHARE,
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        &["m.facebook.com"],
        "/dialog/feed",
        &["app_id", "link"],
        (Some("link"), None),
        LEG,
        P,
        "Feed Dialog, superseded by /dialog/share",
        FB_SHARE,
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        &["m.facebook.com"],
        "/sharer.php",
        &["u", "t"],
        (Some("u"), Some("t")),
        LEG,
        T,
        "older sharer path, redirecting to /sharer/sharer.php",
        "nygardk/react-share#43",
    ),
    ep(
        "linkedin",
        Some(Network::LinkedIn),
        "https://www.linkedin.com",
        &[],
        "/sharing/share-offsite/",
        &["url"],
        (Some("url"), None),
        CUR,
        T,
        "reads only url; the page's Open Graph tags make the preview",
        LI_SHARE,
    ),
    ep(
        "linkedin",
        Some(Network::LinkedIn),
        "https://www.linkedin.com",
        &[],
        "/shareArticle",
        &["mini", "url", "title", "summary", "source"],
        (Some("url"), Some("title")),
        DEP,
        T,
        "2015 form; title and summary are ignored: use /sharing/share-offsite/",
        LI_SHARE,
    ),
    ep(
        "linkedin",
        Some(Network::LinkedIn),
        "https://www.linkedin.com",
        &[],
        "/cws/share",
        &["url"],
        (Some("url"), None),
        DEP,
        T,
        "2010 form: use /sharing/share-offsite/",
        "jorenvh/laravel-share#61",
    ),
    requires(
        "text",
        exact(ep(
            "whatsapp",
            Some(Network::WhatsApp),
            "https://wa.me",
            &[],
            "/",
            &["text"],
            TEXT,
            CUR,
            P,
            "put the URL inside text; wa.me/{number} without text is a chat link",
            WA,
        )),
    ),
    ep(
        "whatsapp",
        Some(Network::WhatsApp),
        "https://api.whatsapp.com",
        &["web.whatsapp.com"],
        "/send",
        &["text", "phone"],
        TEXT,
        CUR,
        P,
        "older form of wa.me",
        WA,
    ),
    ep(
        "whatsapp",
        Some(Network::WhatsApp),
        "whatsapp:",
        &[],
        "//send",
        &["text"],
        TEXT,
        CUR,
        T,
        "app scheme: opens only where WhatsApp is installed",
        SA31,
    ),
    ep(
        "telegram",
        Some(Network::Telegram),
        "https://t.me",
        &[],
        "/share/url",
        &["url", "text"],
        URL_TEXT,
        CUR,
        P,
        "",
        TG,
    ),
    ep(
        "telegram",
        Some(Network::Telegram),
        "https://telegram.me",
        &[],
        "/share/url",
        &["url", "text"],
        URL_TEXT,
        LEG,
        T,
        "old domain, redirecting to t.me",
        TG,
    ),
    exact(ep(
        "telegram",
        Some(Network::Telegram),
        "https://t.me",
        &["telegram.me"],
        "/share",
        &["url", "text"],
        URL_TEXT,
        LEG,
        T,
        "variant without /url",
        "nygardk/react-share#573",
    )),
    ep(
        "reddit",
        Some(Network::Reddit),
        "https://www.reddit.com",
        &[],
        "/submit",
        &["url", "title"],
        (Some("url"), Some("title")),
        CUR,
        T,
        "",
        NT5,
    ),
    ep(
        "reddit",
        Some(Network::Reddit),
        "https://www.reddit.com",
        &[],
        "/web/submit",
        &["url", "title"],
        (Some("url"), Some("title")),
        LEG,
        T,
        "variant of /submit",
        "nygardk/react-share#547",
    ),
    ep(
        "pinterest",
        Some(Network::Pinterest),
        "https://www.pinterest.com",
        &[],
        "/pin/create/button/",
        &["url", "media", "description"],
        (Some("url"), Some("description")),
        CUR,
        T,
        "parameter names are not documented",
        PIN,
    ),
    ep(
        "pinterest",
        Some(Network::Pinterest),
        "https://www.pinterest.com",
        &[],
        "/pin/create/link/",
        &["url", "media", "description"],
        (Some("url"), Some("description")),
        LEG,
        T,
        "variant of /pin/create/button/",
        PIN,
    ),
    ep(
        "bluesky",
        Some(Network::Bluesky),
        "https://bsky.app",
        &[],
        "/intent/compose",
        &["text"],
        TEXT,
        CUR,
        P,
        "put the URL inside text",
        "https://docs.bsky.app/docs/advanced-guides/intent-links",
    ),
    ep(
        "threads",
        Some(Network::Threads),
        "https://www.threads.com",
        &[],
        "/intent/post",
        &["text", "url", "tag", "reply_control"],
        URL_TEXT,
        CUR,
        P,
        "",
        TH,
    ),
    ep(
        "threads",
        Some(Network::Threads),
        "https://www.threads.net",
        &[],
        "/intent/post",
        &["text", "url"],
        URL_TEXT,
        LEG,
        P,
        "threads.net redirects to threads.com",
        TH,
    ),
    ep(
        "mastodon",
        Some(Network::Mastodon),
        "https://{instance}",
        &[],
        "/share",
        &["text"],
        TEXT,
        CUR,
        T,
        "needs the reader's instance",
        NT5,
    ),
    requires(
        "body",
        ep(
            "email",
            None,
            "mailto:",
            &[],
            "",
            &["subject", "body"],
            (None, Some("body")),
            CUR,
            P,
            "a mailto: without body is a contact address, not a share link",
            "https://www.rfc-editor.org/rfc/rfc6068",
        ),
    ),
    ep(
        "google_plus",
        None,
        "https://plus.google.com",
        &[],
        "/share",
        &["url"],
        (Some("url"), None),
        DEP,
        P,
        "Google+ closed to consumers on 2019-04-02: remove the button",
        "https://support.google.com/plus/answer/9195133",
    ),
];

/// The endpoint [`share_url`] builds for `target` (a target id as in [`ShareEndpoint::target`]):
/// its first row that is not deprecated. The site audit suggests it to replace a deprecated one.
pub fn preferred(target: &str) -> Option<&'static ShareEndpoint> {
    ENDPOINTS
        .iter()
        .find(|e| e.target == target && e.status != EndpointStatus::Deprecated)
}

/// The share endpoint a link points at, if it is one smo knows: scheme endpoints by scheme,
/// web ones by host (`www.` optional, aliases included) and path, case-insensitively; a row with
/// a [`required`](ShareEndpoint::required) parameter matches only links that carry it.
///
/// ```
/// use smo_core::share::{EndpointStatus, match_link};
/// let link = url::Url::parse("https://X.com/intent/tweet?text=Bonjour").unwrap();
/// let e = match_link(&link).unwrap();
/// assert_eq!((e.target, e.status, e.text_param), ("x", EndpointStatus::Current, Some("text")));
/// let chat = url::Url::parse("https://wa.me/33612345678").unwrap();
/// assert!(match_link(&chat).is_none());
/// ```
pub fn match_link(link: &url::Url) -> Option<&'static ShareEndpoint> {
    let scheme = link.scheme();
    let has = |param: Option<&str>| param.is_none_or(|p| link.query_pairs().any(|(k, _)| k == p));
    if !matches!(scheme, "http" | "https") {
        return ENDPOINTS
            .iter()
            .find(|e| e.scheme_only() == Some(scheme) && has(e.required));
    }
    let host = link.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    // Most links a page holds are not share links: one lookup by host, then the few rows that
    // serve it, in table order (the first that matches wins, as in a scan of the table).
    by_host()
        .get(host)?
        .iter()
        .find(|e| e.serves_path(link.path()) && has(e.required))
        .copied()
}

/// The hosts web share endpoints are served on (lower case, `www.` dropped).
pub(crate) fn hosts() -> impl Iterator<Item = &'static str> {
    by_host().keys().copied()
}

/// The web rows of [`ENDPOINTS`] by the hosts they serve (their own and their aliases).
fn by_host() -> &'static std::collections::HashMap<&'static str, Vec<&'static ShareEndpoint>> {
    static INDEX: std::sync::OnceLock<
        std::collections::HashMap<&'static str, Vec<&'static ShareEndpoint>>,
    > = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: std::collections::HashMap<&'static str, Vec<&'static ShareEndpoint>> =
            std::collections::HashMap::new();
        for e in ENDPOINTS.iter().filter(|e| e.scheme_only().is_none()) {
            for host in std::iter::once(e.bare_host()).chain(e.aliases.iter().copied()) {
                let rows = index.entry(host).or_default();
                if !rows.iter().any(|r| std::ptr::eq(*r, e)) {
                    rows.push(e);
                }
            }
        }
        index
    })
}

/// What to pre-fill in a share link. Fields a target does not read are folded into the ones it
/// does (the URL into the text for Bluesky, WhatsApp and Mastodon), never dropped silently.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShareRequest {
    /// The page to share.
    pub url: Option<String>,
    /// Suggested text.
    pub text: Option<String>,
    /// Title (Reddit, e-mail subject).
    pub title: Option<String>,
    /// Hashtags, without `#` (X).
    pub hashtags: Vec<String>,
    /// Account to credit, without `@` (X).
    pub via: Option<String>,
    /// Image URL (Pinterest).
    pub media: Option<String>,
    /// The reader's Mastodon instance (`piaille.fr`).
    pub instance: Option<String>,
}

fn encode(value: &str) -> String {
    // form_urlencoded turns spaces into `+` and a literal `+` into `%2B`, so every `+` left is a
    // space; `%20` is what mail clients and every share endpoint decode.
    url::form_urlencoded::byte_serialize(value.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn joined(text: Option<&str>, url: Option<&str>) -> Option<String> {
    match (
        text.filter(|t| !t.is_empty()),
        url.filter(|u| !u.is_empty()),
    ) {
        (Some(t), Some(u)) => Some(format!("{t} {u}")),
        (Some(t), None) => Some(t.to_owned()),
        (None, Some(u)) => Some(u.to_owned()),
        (None, None) => None,
    }
}

/// The share link for `target` (a network id or alias, or `email`).
///
/// ```
/// use smo_core::share::{ShareRequest, share_url};
/// let req = ShareRequest {
///     url: Some("https://maisonlune.fr/carnet?id=3&lang=fr".into()),
///     text: Some("Nouveau carnet : l'été".into()),
///     ..Default::default()
/// };
/// assert_eq!(
///     share_url("x", &req)?,
///     "https://twitter.com/intent/tweet?text=Nouveau%20carnet%20%3A%20l%27%C3%A9t%C3%A9&url=https%3A%2F%2Fmaisonlune.fr%2Fcarnet%3Fid%3D3%26lang%3Dfr"
/// );
/// assert!(share_url("bluesky", &req)?.starts_with("https://bsky.app/intent/compose?text="));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn share_url(target: &str, request: &ShareRequest) -> Result<String> {
    let key = target.trim().to_ascii_lowercase();
    let id = match key.as_str() {
        "email" | "e-mail" | "mail" | "mailto" => "email",
        _ => key.parse::<Network>()?.as_str(),
    };
    let endpoint = preferred(id).ok_or_else(|| Error::Argument {
        name: "network".into(),
        message: format!(
            "{id} has no share endpoint; targets with one: {}",
            targets().join(", ")
        ),
    })?;
    let url = request.url.as_deref();
    let text = request.text.as_deref();
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let mut push = |k: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            pairs.push((k, v));
        }
    };
    let needs = |what: &str| Error::Argument {
        name: what.into(),
        message: format!("a share link for {id} needs `{what}`"),
    };
    let mut host = endpoint.host.to_owned();
    match id {
        "x" => {
            push("text", text.map(str::to_owned));
            push("url", url.map(str::to_owned));
            let tags: Vec<&str> = request
                .hashtags
                .iter()
                .map(|h| h.trim().trim_start_matches(['#', '\u{FF03}']))
                .filter(|h| !h.is_empty())
                .collect();
            push("hashtags", Some(tags.join(",")));
            push(
                "via",
                request
                    .via
                    .as_deref()
                    .map(|v| v.trim_start_matches('@').to_owned()),
            );
        }
        "facebook" => push("u", Some(url.ok_or_else(|| needs("url"))?.to_owned())),
        "linkedin" => push("url", Some(url.ok_or_else(|| needs("url"))?.to_owned())),
        "telegram" => {
            push("url", Some(url.ok_or_else(|| needs("url"))?.to_owned()));
            push("text", text.map(str::to_owned));
        }
        "reddit" => {
            push("url", Some(url.ok_or_else(|| needs("url"))?.to_owned()));
            push("title", request.title.clone().or(text.map(str::to_owned)));
        }
        "pinterest" => {
            push("url", Some(url.ok_or_else(|| needs("url"))?.to_owned()));
            push("media", request.media.clone());
            push("description", text.map(str::to_owned));
        }
        "threads" => {
            push("text", text.map(str::to_owned));
            push("url", url.map(str::to_owned));
        }
        "mastodon" => {
            let instance = request
                .instance
                .as_deref()
                .ok_or_else(|| needs("instance"))?;
            let instance = instance
                .trim()
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/');
            if instance.is_empty() || instance.contains(['/', '?', '#', '@', ' ']) {
                return Err(Error::Argument {
                    name: "instance".into(),
                    message: format!("`{instance}` is not an instance host: give it as piaille.fr"),
                });
            }
            host = host.replace("{instance}", instance);
            push("text", joined(text, url));
        }
        "email" => {
            push("subject", request.title.clone().or(text.map(str::to_owned)));
            push("body", joined(request.title.as_ref().and(text), url));
        }
        // Bluesky, WhatsApp: one text parameter carries the link.
        _ => push("text", joined(text, url)),
    }
    if pairs.is_empty() {
        return Err(needs("url or text"));
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    let link = format!("{host}{}?{}", endpoint.path, query.join("&"));
    // Round-trip through the URL parser: a bad instance host fails here, not at the reader.
    url::Url::parse(&link).map_err(|e| Error::Argument {
        name: "instance".into(),
        message: format!("the share link `{link}` is not a valid URL: {e}"),
    })?;
    Ok(link)
}

/// The targets [`share_url`] can build for.
pub fn targets() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for e in ENDPOINTS
        .iter()
        .filter(|e| e.status != EndpointStatus::Deprecated)
    {
        if !out.contains(&e.target) {
            out.push(e.target);
        }
    }
    out
}

/// The endpoint a link points at, if it is a share link smo knows ([`match_link`] on a string).
///
/// ```
/// use smo_core::share::{EndpointStatus, find_endpoint};
/// let e = find_endpoint("https://www.linkedin.com/shareArticle?mini=true&url=x").unwrap();
/// assert_eq!((e.target, e.status), ("linkedin", EndpointStatus::Deprecated));
/// assert!(find_endpoint("https://example.com/share").is_none());
/// assert_eq!(find_endpoint("mailto:?subject=Hi&body=x").unwrap().target, "email");
/// ```
pub fn find_endpoint(link: &str) -> Option<&'static ShareEndpoint> {
    match_link(&url::Url::parse(link.trim()).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_index_finds_what_a_scan_of_the_table_finds() {
        let scan = |link: &url::Url| {
            let has = |p: Option<&str>| p.is_none_or(|p| link.query_pairs().any(|(k, _)| k == p));
            let host = link.host_str()?.to_ascii_lowercase();
            let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
            ENDPOINTS.iter().find(|e| {
                e.scheme_only().is_none()
                    && e.serves(&host)
                    && e.serves_path(link.path())
                    && has(e.required)
            })
        };
        let mut links = Vec::new();
        for e in ENDPOINTS.iter().filter(|e| e.scheme_only().is_none()) {
            for host in std::iter::once(e.bare_host()).chain(e.aliases.iter().copied()) {
                for prefix in ["https://", "http://www.", "HTTPS://WWW."] {
                    for tail in ["", "/", "/x", "x"] {
                        let params = [e.url_param, e.text_param, e.required, Some("zz")];
                        let query: Vec<String> =
                            params.iter().flatten().map(|p| format!("{p}=v")).collect();
                        for q in ["".to_owned(), format!("?{}", query.join("&"))] {
                            links.push(format!("{prefix}{host}{}{tail}{q}", e.path));
                        }
                    }
                }
            }
        }
        links.push("https://example.com/share?url=x".into());
        for link in &links {
            let Ok(u) = url::Url::parse(link) else {
                continue;
            };
            assert_eq!(
                match_link(&u).map(|e| e as *const ShareEndpoint),
                scan(&u).map(|e| e as *const ShareEndpoint),
                "{link}"
            );
        }
        assert!(links.len() > 200);
    }

    fn req(url: &str, text: &str) -> ShareRequest {
        ShareRequest {
            url: Some(url.into()),
            text: Some(text.into()),
            ..Default::default()
        }
    }

    #[test]
    fn builds_every_current_target() {
        let mut r = req("https://a.fr/p?x=1", "Hé & co #1");
        r.instance = Some("piaille.fr".into());
        for t in targets() {
            let link = share_url(t, &r).unwrap();
            assert!(!link.contains(' ') && !link.contains("é"), "{link}");
        }
        assert_eq!(
            share_url("mastodon", &r).unwrap(),
            "https://piaille.fr/share?text=H%C3%A9%20%26%20co%20%231%20https%3A%2F%2Fa.fr%2Fp%3Fx%3D1"
        );
        assert!(
            share_url("email", &r)
                .unwrap()
                .starts_with("mailto:?subject=")
        );
        assert!(share_url("instagram", &r).is_err());
        assert!(share_url("mastodon", &req("u", "t")).is_err());
        assert!(share_url("facebook", &ShareRequest::default()).is_err());
    }

    #[test]
    fn recognises_endpoints() {
        for e in ENDPOINTS.iter().filter(|e| !e.host.contains('{')) {
            let query = e
                .required
                .map_or("a=b".to_owned(), |p| format!("{p}=x&a=b"));
            let link = format!("{}?{query}", e.url_prefix());
            let found = find_endpoint(&link).unwrap_or_else(|| panic!("{link}"));
            assert_eq!((found.host, found.path), (e.host, e.path), "{link}");
            for alias in e.aliases {
                let link = link.replacen(e.bare_host(), alias, 1);
                assert_eq!(find_endpoint(&link).map(|f| f.path), Some(e.path), "{link}");
            }
        }
        assert_eq!(
            find_endpoint("https://plus.google.com/share?url=x")
                .unwrap()
                .status,
            EndpointStatus::Deprecated
        );
        // www. optional, host and path case-insensitive, trailing slash optional.
        let e = find_endpoint("HTTPS://WWW.LinkedIn.com/sharing/share-offsite?url=u").unwrap();
        assert_eq!(e.status, EndpointStatus::Current);
        // Exact paths and required parameters.
        assert_eq!(
            find_endpoint("https://t.me/share?url=u").unwrap().status,
            EndpointStatus::Legacy
        );
        assert_eq!(
            find_endpoint("https://t.me/share/url?url=u")
                .unwrap()
                .status,
            EndpointStatus::Current
        );
        assert!(find_endpoint("https://t.me/maisonlune").is_none());
        assert!(find_endpoint("https://x.com/home").is_none());
        assert!(find_endpoint("mailto:contact@maisonlune.fr").is_none());
        assert_eq!(
            find_endpoint("whatsapp://send?text=hi").unwrap().target,
            "whatsapp"
        );
    }

    #[test]
    fn the_table_is_consistent() {
        for (i, e) in ENDPOINTS.iter().enumerate() {
            assert!(
                !e.source.is_empty() && !e.as_of.is_empty(),
                "{}",
                e.url_prefix()
            );
            assert!(
                ENDPOINTS[..i]
                    .iter()
                    .all(|o| (o.host, o.path) != (e.host, e.path)),
                "duplicate row {}",
                e.url_prefix()
            );
            assert!(preferred(e.target).is_some() || e.status == EndpointStatus::Deprecated);
            for p in [e.url_param, e.text_param, e.required]
                .into_iter()
                .flatten()
            {
                assert!(
                    e.params.contains(&p),
                    "{}: {p} not in params",
                    e.url_prefix()
                );
            }
        }
        assert_eq!(preferred("facebook").unwrap().path, "/sharer/sharer.php");
        assert!(preferred("google_plus").is_none());
    }
}
