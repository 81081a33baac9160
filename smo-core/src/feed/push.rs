//! Recent content pushed out: the feed's recent items that no post has shared yet on a
//! publishing channel of the strategy, each with ready drafts — one per channel and format the
//! channel takes — carrying the UTM-tagged link, the network's share link and the post checks.
//!
//! The seeds' "proactive distribution" rule: diffuse each new piece of content on every channel,
//! in several formats. Whether an item was shared is read from the post metrics' `link` column,
//! compared after normalisation (scheme and `www.` dropped, host lower-cased, trailing slash,
//! fragment, `utm_*` tags and click ids removed, remaining parameters sorted), so a link shared
//! with UTM tags or a click id still counts as shared.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::content::ContentType;
use crate::data::PostRow;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::network::Network;
use crate::post::{Post, check_post};
use crate::share::{ShareRequest, share_url};
use crate::strategy::{Role, Strategy};
use crate::traffic::utm::{Utm, UtmOptions, build_url};

use super::{Feed, FeedItem};

/// Query parameters that identify a click, not a page (removed before comparing links).
const CLICK_IDS: &[&str] = &[
    "fbclid",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "igshid",
    "ttclid",
    "twclid",
    "li_fat_id",
    "mc_cid",
    "mc_eid",
    "_hsenc",
    "_hsmi",
    "yclid",
];

/// How to look for unshared content.
#[derive(Debug, Clone, PartialEq)]
pub struct PushOptions {
    /// The moment of the review; items published in the `max_age_days` before it are recent.
    pub now: DateTime<Utc>,
    /// How many days an item stays recent.
    pub max_age_days: u32,
    /// The `utm_campaign` of the drafts' links.
    pub campaign: String,
}

impl PushOptions {
    /// Recent = the 30 days before `now`; campaign `feed`.
    pub fn at(now: DateTime<Utc>) -> PushOptions {
        PushOptions {
            now,
            max_age_days: 30,
            campaign: "feed".into(),
        }
    }
}

/// A post ready to publish.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The network.
    pub network: Network,
    /// The channel's handle.
    pub handle: String,
    /// The format.
    pub format: ContentType,
    /// The post text: the item's title and the tagged link.
    pub text: String,
    /// The item's link with `utm_source` = network, `utm_medium` = social, `utm_campaign` and
    /// `utm_content` = the format.
    pub url: String,
    /// The network's share link for the tagged URL, when it has one.
    pub share_url: Option<String>,
    /// The media to attach (image or video), for those formats.
    pub media: Option<String>,
    /// The post checks of the text on that network.
    pub findings: Vec<Finding>,
}

/// A recent item not yet shared on every publishing channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unshared {
    /// The item.
    pub item: FeedItem,
    /// Days since it was published.
    pub age_days: i64,
    /// Networks where a post already links to it.
    pub shared_on: Vec<Network>,
    /// Drafts for the other publishing channels, in channel order, one per format.
    pub drafts: Vec<Draft>,
}

/// A link without what does not identify the page, to compare a post's link with a feed item's.
///
/// ```
/// use smo_core::feed::push::normalise_link;
/// assert_eq!(
///     normalise_link("https://WWW.maisonlune.fr/journal/lin/?utm_source=ig&fbclid=X#top").as_deref(),
///     Some("maisonlune.fr/journal/lin")
/// );
/// assert_eq!(normalise_link("not a url"), None);
/// ```
pub fn normalise_link(link: &str) -> Option<String> {
    let u = Url::parse(link.trim()).ok()?;
    let host = u.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let path = u.path().trim_end_matches('/');
    let mut params: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !CLICK_IDS.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    Some(if query.is_empty() {
        format!("{host}{path}")
    } else {
        format!("{host}{path}?{}", query.join("&"))
    })
}

fn formats(
    item: &FeedItem,
    allowed: &dyn Fn(ContentType) -> bool,
) -> Vec<(ContentType, Option<String>)> {
    let mut out = Vec::new();
    if allowed(ContentType::Link) {
        out.push((ContentType::Link, None));
    }
    if let Some(img) = &item.image {
        if allowed(ContentType::Image) {
            out.push((ContentType::Image, Some(img.clone())));
        }
    }
    if let Some(v) = &item.video {
        for t in [ContentType::Video, ContentType::ShortVideo] {
            if allowed(t) {
                out.push((t, Some(v.clone())));
                break;
            }
        }
    }
    // A network that takes neither links nor the item's media still gets a text post with the
    // link, so no channel is left without a draft.
    if out.is_empty() && allowed(ContentType::Text) {
        out.push((ContentType::Text, None));
    }
    out
}

/// The recent items of `feed` not yet shared on every publishing channel of `strategy`, with
/// drafts for the channels missing them.
///
/// Fails (`Error::Argument`, `max_age_days`) when the window is 0 days. Items without a link
/// cannot be shared and are left out; items without a date are treated as recent (a feed that
/// dates nothing gives the consultant nothing to sort by, so all of it is proposed).
pub fn unshared_content(
    feed: &Feed,
    posts: &[PostRow],
    strategy: &Strategy,
    opts: &PushOptions,
) -> Result<Vec<Unshared>> {
    if opts.max_age_days == 0 {
        return Err(Error::Argument {
            name: "max_age_days".into(),
            message: "give a window of at least 1 day".into(),
        });
    }
    let since = opts.now - Duration::days(i64::from(opts.max_age_days));
    let shared: Vec<(String, Network)> = posts
        .iter()
        .filter_map(|p| Some((normalise_link(p.link.as_deref()?)?, p.network)))
        .collect();
    let channels: Vec<_> = strategy
        .channels
        .iter()
        .filter(|c| c.role == Role::Publish)
        .collect();
    let mut out = Vec::new();
    for item in &feed.items {
        let Some(link) = item.link.as_deref() else {
            continue;
        };
        if item.published.is_some_and(|p| p < since || p > opts.now) {
            continue;
        }
        let key = normalise_link(link);
        let mut shared_on: Vec<Network> = shared
            .iter()
            .filter(|(k, _)| Some(k) == key.as_ref())
            .map(|(_, n)| *n)
            .collect();
        shared_on.sort();
        shared_on.dedup();
        let mut drafts = Vec::new();
        for c in channels.iter().filter(|c| !shared_on.contains(&c.network)) {
            let allowed = |t: ContentType| {
                if c.content_types.is_empty() {
                    c.network.supports(t)
                } else {
                    c.content_types.contains(&t)
                }
            };
            for (format, media) in formats(item, &allowed) {
                let utm = Utm {
                    source: c.network.as_str().to_owned(),
                    medium: "social".into(),
                    campaign: opts.campaign.clone(),
                    content: format.as_str().to_owned(),
                    ..Utm::default()
                };
                let Ok(url) = build_url(link, &utm, &UtmOptions::default()) else {
                    continue;
                };
                let title = item.title.clone().unwrap_or_default();
                let text = if title.is_empty() {
                    url.clone()
                } else {
                    format!("{title} {url}")
                };
                let share = share_url(
                    c.network.as_str(),
                    &ShareRequest {
                        url: Some(url.clone()),
                        text: Some(title.clone()).filter(|t| !t.is_empty()),
                        ..ShareRequest::default()
                    },
                )
                .ok();
                let findings = check_post(&Post::text(&text), c.network).unwrap_or_default();
                drafts.push(Draft {
                    network: c.network,
                    handle: c.handle.clone(),
                    format,
                    text,
                    url,
                    share_url: share,
                    media,
                    findings,
                });
            }
        }
        if !drafts.is_empty() {
            out.push(Unshared {
                item: item.clone(),
                age_days: item.published.map_or(0, |p| (opts.now - p).num_days()),
                shared_on,
                drafts,
            });
        }
    }
    Ok(out)
}
