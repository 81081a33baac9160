//! Share links: the endpoints each network offers to pre-fill a post, current and deprecated,
//! and a builder that encodes the parameters.
//!
//! [`ENDPOINTS`] is the one table of share endpoints in smo; the site audit reads it to recognise
//! share buttons on a page and to flag deprecated ones. Facts come from
//! `shared/reference/networks-and-text.md` §5 and the platforms' pages named in each row; rows
//! marked third-party are observed behaviour, not documentation.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::network::{Confidence, Network};

/// Whether an endpoint should still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EndpointStatus {
    /// Works and is the one to use.
    Current,
    /// Replaced or shut down: links using it should be updated.
    Deprecated,
}

impl EndpointStatus {
    /// `current` or `deprecated`.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointStatus::Current => "current",
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
    /// Scheme and host (`https://twitter.com`, `mailto:`); `{instance}` for Mastodon.
    pub host: &'static str,
    /// Path (`/intent/tweet`).
    pub path: &'static str,
    /// Query parameters the endpoint reads, the required ones first.
    pub params: &'static [&'static str],
    /// Current or deprecated.
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
}

const AS_OF: &str = "2026-11";

#[allow(clippy::too_many_arguments)]
const fn ep(
    target: &'static str,
    network: Option<Network>,
    host: &'static str,
    path: &'static str,
    params: &'static [&'static str],
    status: EndpointStatus,
    confidence: Confidence,
    note: &'static str,
    source: &'static str,
) -> ShareEndpoint {
    ShareEndpoint {
        target,
        network,
        host,
        path,
        params,
        status,
        confidence,
        note,
        source,
        as_of: AS_OF,
    }
}

use Confidence::{Platform as P, ThirdParty as T};
use EndpointStatus::{Current as CUR, Deprecated as DEP};

/// Every share endpoint smo knows; for each target, the first current row is the one
/// [`share_url`] builds.
pub static ENDPOINTS: &[ShareEndpoint] = &[
    ep(
        "x",
        Some(Network::X),
        "https://twitter.com",
        "/intent/tweet",
        &["text", "url", "hashtags", "via", "related"],
        CUR,
        P,
        "hashtags: comma-separated, without #",
        "https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent",
    ),
    ep(
        "x",
        Some(Network::X),
        "https://x.com",
        "/intent/post",
        &["text", "url", "hashtags", "via", "related"],
        CUR,
        T,
        "x.com form of the intent; undocumented",
        "shared/reference/networks-and-text.md §5",
    ),
    ep(
        "x",
        Some(Network::X),
        "https://twitter.com",
        "/share",
        &["text", "url", "hashtags", "via"],
        DEP,
        T,
        "legacy Tweet Button endpoint: use /intent/tweet",
        "shared/reference/networks-and-text.md §5",
    ),
    ep(
        "x",
        Some(Network::X),
        "https://twitter.com",
        "/home",
        &["status"],
        DEP,
        T,
        "pre-2011 status pre-fill: use /intent/tweet",
        "shared/reference/networks-and-text.md §5",
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        "/sharer/sharer.php",
        &["u"],
        CUR,
        T,
        "undocumented legacy sharer that needs no app id; the documented dialog is /dialog/share",
        "https://developers.facebook.com/documentation/sharing/reference/share-dialog",
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        "/dialog/share",
        &["app_id", "href", "display", "hashtag"],
        CUR,
        P,
        "needs an app id; redirect_uri is deprecated",
        "https://developers.facebook.com/documentation/sharing/reference/share-dialog",
    ),
    ep(
        "facebook",
        Some(Network::Facebook),
        "https://www.facebook.com",
        "/sharer.php",
        &["u", "t"],
        DEP,
        T,
        "old sharer path: use /sharer/sharer.php or /dialog/share",
        "shared/reference/networks-and-text.md §5",
    ),
    ep(
        "linkedin",
        Some(Network::LinkedIn),
        "https://www.linkedin.com",
        "/sharing/share-offsite/",
        &["url"],
        CUR,
        T,
        "reads only url; the page's Open Graph tags make the preview",
        "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/share-plugin",
    ),
    ep(
        "linkedin",
        Some(Network::LinkedIn),
        "https://www.linkedin.com",
        "/shareArticle",
        &["mini", "url", "title", "summary", "source"],
        DEP,
        T,
        "legacy; title and summary are ignored: use /sharing/share-offsite/",
        "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/share-plugin",
    ),
    ep(
        "whatsapp",
        Some(Network::WhatsApp),
        "https://wa.me",
        "/",
        &["text"],
        CUR,
        P,
        "put the URL inside text",
        "https://faq.whatsapp.com/5913398998672934",
    ),
    ep(
        "whatsapp",
        Some(Network::WhatsApp),
        "https://api.whatsapp.com",
        "/send",
        &["text", "phone"],
        CUR,
        P,
        "older form of wa.me",
        "https://faq.whatsapp.com/5913398998672934",
    ),
    ep(
        "telegram",
        Some(Network::Telegram),
        "https://t.me",
        "/share/url",
        &["url", "text"],
        CUR,
        P,
        "",
        "https://core.telegram.org/widgets/share",
    ),
    ep(
        "telegram",
        Some(Network::Telegram),
        "https://telegram.me",
        "/share/url",
        &["url", "text"],
        DEP,
        T,
        "old domain: use t.me",
        "https://core.telegram.org/widgets/share",
    ),
    ep(
        "reddit",
        Some(Network::Reddit),
        "https://www.reddit.com",
        "/submit",
        &["url", "title"],
        CUR,
        T,
        "",
        "shared/reference/networks-and-text.md §5",
    ),
    ep(
        "pinterest",
        Some(Network::Pinterest),
        "https://www.pinterest.com",
        "/pin/create/button/",
        &["url", "media", "description"],
        CUR,
        T,
        "parameter names are not documented",
        "https://developers.pinterest.com/docs/web-features/buttons/",
    ),
    ep(
        "bluesky",
        Some(Network::Bluesky),
        "https://bsky.app",
        "/intent/compose",
        &["text"],
        CUR,
        P,
        "put the URL inside text",
        "https://docs.bsky.app/docs/advanced-guides/intent-links",
    ),
    ep(
        "threads",
        Some(Network::Threads),
        "https://www.threads.com",
        "/intent/post",
        &["text", "url", "tag", "reply_control"],
        CUR,
        P,
        "",
        "https://developers.facebook.com/documentation/threads/threads-web-intents",
    ),
    ep(
        "threads",
        Some(Network::Threads),
        "https://www.threads.net",
        "/intent/post",
        &["text", "url"],
        DEP,
        P,
        "threads.net now redirects to threads.com",
        "https://developers.facebook.com/documentation/threads/threads-web-intents",
    ),
    ep(
        "mastodon",
        Some(Network::Mastodon),
        "https://{instance}",
        "/share",
        &["text"],
        CUR,
        T,
        "needs the reader's instance",
        "shared/reference/networks-and-text.md §5",
    ),
    ep(
        "email",
        None,
        "mailto:",
        "",
        &["subject", "body"],
        CUR,
        P,
        "",
        "https://www.rfc-editor.org/rfc/rfc6068",
    ),
    ep(
        "google_plus",
        None,
        "https://plus.google.com",
        "/share",
        &["url"],
        DEP,
        P,
        "Google+ closed to consumers on 2019-04-02: remove the button",
        "https://support.google.com/plus/answer/9195133",
    ),
];

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
    let endpoint = ENDPOINTS
        .iter()
        .find(|e| e.target == id && e.status == EndpointStatus::Current)
        .ok_or_else(|| Error::Argument {
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
        .filter(|e| e.status == EndpointStatus::Current)
    {
        if !out.contains(&e.target) {
            out.push(e.target);
        }
    }
    out
}

/// The endpoint a URL points at, if it is a share link smo knows (for the site audit).
///
/// ```
/// use smo_core::share::{EndpointStatus, find_endpoint};
/// let e = find_endpoint("https://www.linkedin.com/shareArticle?mini=true&url=x").unwrap();
/// assert_eq!((e.target, e.status), ("linkedin", EndpointStatus::Deprecated));
/// assert!(find_endpoint("https://example.com/share").is_none());
/// ```
pub fn find_endpoint(link: &str) -> Option<&'static ShareEndpoint> {
    if let Some(rest) = link.strip_prefix("mailto:") {
        let _ = rest;
        return ENDPOINTS.iter().find(|e| e.target == "email");
    }
    let parsed = url::Url::parse(link).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = parsed.path();
    ENDPOINTS
        .iter()
        .filter(|e| e.host.starts_with("https://"))
        .find(|e| {
            let eh = e.host.trim_start_matches("https://");
            let eh = eh.strip_prefix("www.").unwrap_or(eh);
            if eh == "{instance}" {
                return false;
            }
            let p = e.path.trim_end_matches('/');
            eh == host && (path.trim_end_matches('/') == p || (p.is_empty() && path == "/"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for e in ENDPOINTS
            .iter()
            .filter(|e| e.host.starts_with("https://") && !e.host.contains('{'))
        {
            let found = find_endpoint(&format!("{}?a=b", e.url_prefix())).unwrap();
            assert_eq!((found.host, found.path), (e.host, e.path));
        }
        assert_eq!(
            find_endpoint("https://plus.google.com/share?url=x")
                .unwrap()
                .status,
            EndpointStatus::Deprecated
        );
    }
}
