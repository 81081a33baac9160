//! UTM links: build a tagged URL, parse one, lint a campaign's links (measurement.md §5).
//!
//! Building keeps the existing query (one `?`, existing parameters and click ids such as
//! `gclid`/`fbclid` untouched) and the fragment (after the query, as RFC 3986 wants), drops empty
//! values, never duplicates a key (the [`Existing`] policy decides between the caller's value and
//! the URL's), percent-encodes every byte outside `A–Z a–z 0–9 - . _ ~` (spaces as `%20`), and
//! passes Meta's dynamic placeholders (`{{campaign.name}}`) through unencoded. Source, medium
//! and campaign are lower-cased by default (GA4 reports keep case: `Facebook` ≠ `facebook`).
//!
//! ```
//! use smo_core::traffic::utm::{build_url, Utm, UtmOptions};
//! let utm = Utm { source: "instagram".into(), medium: "social".into(), campaign: "Summer Linen".into(), ..Default::default() };
//! let url = build_url("https://www.maisonlune.fr/draps?color=sable#avis", &utm, &UtmOptions::default())?;
//! assert_eq!(url, "https://www.maisonlune.fr/draps?color=sable&utm_source=instagram&utm_medium=social&utm_campaign=summer%20linen#avis");
//! # Ok::<(), smo_core::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::{Error, Result};
use crate::finding::{Finding, Findings, Location, RuleConfig, RuleInfo, Severity};
use crate::traffic::channel::{Channel, channel_group};
use crate::traffic::domains::SHORTENERS;

/// The nine UTM parameters (<https://support.google.com/analytics/answer/10917952>).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Utm {
    /// `utm_source`: the referrer (`instagram`, `newsletter`). Required to build.
    #[serde(default)]
    pub source: String,
    /// `utm_medium`: `social`, `paid_social`, `email`, `cpc`. Required to build.
    #[serde(default)]
    pub medium: String,
    /// `utm_campaign`: `spring_sale`.
    #[serde(default)]
    pub campaign: String,
    /// `utm_id`: campaign id.
    #[serde(default)]
    pub id: String,
    /// `utm_term`: paid keyword.
    #[serde(default)]
    pub term: String,
    /// `utm_content`: which creative or link.
    #[serde(default)]
    pub content: String,
    /// `utm_source_platform`: the platform directing traffic.
    #[serde(default)]
    pub source_platform: String,
    /// `utm_creative_format`: display, native, video, search.
    #[serde(default)]
    pub creative_format: String,
    /// `utm_marketing_tactic`: remarketing, prospecting.
    #[serde(default)]
    pub marketing_tactic: String,
}

impl Utm {
    /// (parameter name, value) in Google's builder order.
    pub fn pairs(&self) -> [(&'static str, &str); 9] {
        [
            ("utm_source", &self.source),
            ("utm_medium", &self.medium),
            ("utm_campaign", &self.campaign),
            ("utm_id", &self.id),
            ("utm_term", &self.term),
            ("utm_content", &self.content),
            ("utm_source_platform", &self.source_platform),
            ("utm_creative_format", &self.creative_format),
            ("utm_marketing_tactic", &self.marketing_tactic),
        ]
    }

    fn set(&mut self, key: &str, value: String) -> bool {
        let slot = match key {
            "utm_source" => &mut self.source,
            "utm_medium" => &mut self.medium,
            "utm_campaign" => &mut self.campaign,
            "utm_id" => &mut self.id,
            "utm_term" => &mut self.term,
            "utm_content" => &mut self.content,
            "utm_source_platform" => &mut self.source_platform,
            "utm_creative_format" => &mut self.creative_format,
            "utm_marketing_tactic" => &mut self.marketing_tactic,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The GA4-model channel these values land in.
    pub fn channel(&self) -> Channel {
        channel_group(&self.source, &self.medium, &self.campaign)
    }
}

/// What to do when the URL already has a UTM parameter the caller also sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Existing {
    /// The caller's value replaces the URL's.
    #[default]
    Replace,
    /// The URL's value is kept.
    Keep,
}

/// Options of [`build_url`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UtmOptions {
    /// Existing UTM parameters.
    pub existing: Existing,
    /// Lower-case source, medium, campaign, platform, format and tactic (default true).
    pub lowercase: bool,
}

impl Default for UtmOptions {
    fn default() -> Self {
        UtmOptions {
            existing: Existing::Replace,
            lowercase: true,
        }
    }
}

fn is_placeholder(v: &str) -> bool {
    v.starts_with("{{")
        && v.ends_with("}}")
        && v.len() > 4
        && v[2..v.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// Percent-encodes everything outside the RFC 3986 unreserved set.
///
/// ```
/// assert_eq!(smo_core::traffic::utm::encode("campaign*name&^%"), "campaign%2Aname%26%5E%25");
/// ```
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn parse_http(url: &str) -> Result<Url> {
    let u = Url::parse(url.trim()).map_err(|e| Error::Argument {
        name: "url".into(),
        message: format!(
            "`{url}` is not an absolute URL ({e}): write e.g. https://www.example.com/page"
        ),
    })?;
    if u.scheme() != "http" && u.scheme() != "https" {
        return Err(Error::Argument {
            name: "url".into(),
            message: format!("`{url}` is not an http(s) URL"),
        });
    }
    Ok(u)
}

fn decoded_key(pair: &str) -> String {
    let k = pair.split('=').next().unwrap_or_default();
    url::form_urlencoded::parse(k.as_bytes())
        .next()
        .map(|(k, _)| k.to_ascii_lowercase())
        .unwrap_or_else(|| k.to_ascii_lowercase())
}

/// Builds a tagged URL. Source and medium are required (as in Google's builder).
pub fn build_url(url: &str, utm: &Utm, opts: &UtmOptions) -> Result<String> {
    for (name, v) in [("source", &utm.source), ("medium", &utm.medium)] {
        if v.trim().is_empty() {
            return Err(Error::Argument {
                name: name.into(),
                message: format!(
                    "utm_{name} is required (Google's campaign URL builder requires source and medium)"
                ),
            });
        }
    }
    let u = parse_http(url)?;
    let s = u.as_str();
    let cut = s.find(['?', '#']).unwrap_or(s.len());
    let base = &s[..cut];
    let existing: Vec<&str> = u
        .query()
        .map(|q| q.split('&').filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    let ours: Vec<(&str, String)> = utm
        .pairs()
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| {
            let v = v.trim();
            let lower = opts.lowercase && !matches!(k, "utm_term" | "utm_content" | "utm_id");
            let v = if is_placeholder(v) {
                v.to_owned()
            } else if lower {
                encode(&v.to_lowercase())
            } else {
                encode(v)
            };
            (k, v)
        })
        .collect();
    let mut parts: Vec<String> = Vec::new();
    let mut kept_keys: Vec<String> = Vec::new();
    for p in &existing {
        let key = decoded_key(p);
        let ours_has = ours.iter().any(|(k, _)| *k == key);
        if key.starts_with("utm_") {
            if kept_keys.contains(&key) {
                continue; // never duplicate a key
            }
            if ours_has && opts.existing == Existing::Replace {
                continue;
            }
            kept_keys.push(key);
        }
        parts.push((*p).to_owned());
    }
    for (k, v) in ours {
        if kept_keys.iter().any(|x| x == k) {
            continue;
        }
        parts.push(format!("{k}={v}"));
    }
    let mut out = base.to_owned();
    if !parts.is_empty() {
        out.push('?');
        out.push_str(&parts.join("&"));
    }
    if let Some(f) = u.fragment() {
        out.push('#');
        out.push_str(f);
    }
    Ok(out)
}

/// A parsed tagged URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedUtm {
    /// The UTM values (decoded).
    pub utm: Utm,
    /// Other query parameters, decoded, in order (click ids included).
    pub other: Vec<(String, String)>,
    /// UTM keys that appear more than once.
    pub duplicates: Vec<String>,
    /// Host of the URL.
    pub host: String,
}

/// Parses the UTM parameters of a URL (keys compared without case).
///
/// ```
/// let p = smo_core::traffic::utm::parse_url("https://ex.com/p?utm_source=fb&utm_medium=social&gclid=1")?;
/// assert_eq!(p.utm.source, "fb");
/// assert_eq!(p.other, vec![("gclid".to_owned(), "1".to_owned())]);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn parse_url(url: &str) -> Result<ParsedUtm> {
    let u = parse_http(url)?;
    let mut utm = Utm::default();
    let mut seen: Vec<String> = Vec::new();
    let mut duplicates = Vec::new();
    let mut other = Vec::new();
    for (k, v) in u.query_pairs() {
        let key = k.to_ascii_lowercase();
        if key.starts_with("utm_") && utm.clone().set(&key, String::new()) {
            if seen.contains(&key) {
                duplicates.push(key.clone());
                continue;
            }
            seen.push(key.clone());
            utm.set(&key, v.into_owned());
        } else {
            other.push((k.into_owned(), v.into_owned()));
        }
    }
    Ok(ParsedUtm {
        utm,
        other,
        duplicates,
        host: u.host_str().unwrap_or_default().to_owned(),
    })
}

const CONVENTIONS: &str = "measurement.md §5 (t.ly, mkiss.me builder sheet, kkhoury.com)";
const GA4_SOCIAL: &str =
    "https://support.google.com/analytics/answer/9756891 (measurement.md §3, §5)";

/// The UTM lint rules.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "utm/invalid-url",
        title: "Not a URL",
        description: "The link is not an absolute http(s) URL.",
        default_severity: Severity::Error,
        source: "RFC 3986",
    },
    RuleInfo {
        id: "utm/missing-source",
        title: "utm_source missing",
        description: "Without utm_source the visit is not attributed to the campaign's source.",
        default_severity: Severity::Error,
        source: "https://support.google.com/analytics/answer/10917952",
    },
    RuleInfo {
        id: "utm/missing-medium",
        title: "utm_medium missing",
        description: "Without utm_medium GA4 cannot assign a channel.",
        default_severity: Severity::Error,
        source: "https://support.google.com/analytics/answer/10917952",
    },
    RuleInfo {
        id: "utm/missing-campaign",
        title: "utm_campaign missing",
        description: "The link is not tied to a campaign.",
        default_severity: Severity::Warning,
        source: "https://support.google.com/analytics/answer/10917952",
    },
    RuleInfo {
        id: "utm/duplicate-key",
        title: "UTM parameter repeated",
        description: "A UTM key appears twice; tools keep one of the values, not always the same.",
        default_severity: Severity::Error,
        source: CONVENTIONS,
    },
    RuleInfo {
        id: "utm/uppercase",
        title: "Upper case in a UTM value",
        description: "Reports keep case: `Facebook` and `facebook` are two sources. Use lower case.",
        default_severity: Severity::Warning,
        source: CONVENTIONS,
    },
    RuleInfo {
        id: "utm/space",
        title: "Space in a UTM value",
        description: "Spaces become `%20` or `+` depending on the tool. Use `-` or `_`.",
        default_severity: Severity::Warning,
        source: CONVENTIONS,
    },
    RuleInfo {
        id: "utm/special-characters",
        title: "Special characters in a UTM value",
        description: "Only lower-case letters, digits, `-`, `_` and `.` travel unchanged through every tool.",
        default_severity: Severity::Notice,
        source: CONVENTIONS,
    },
    RuleInfo {
        id: "utm/source-alias",
        title: "Non-canonical source spelling",
        description: "One spelling per source: `facebook`, not `fb`, `meta` or `Facebook`; `twitter`, not `x` (GA4's list has no `x`).",
        default_severity: Severity::Warning,
        source: GA4_SOCIAL,
    },
    RuleInfo {
        id: "utm/inconsistent-values",
        title: "Several spellings in one campaign",
        description: "The campaign's links spell the same source, medium or campaign in more than one way, which splits its numbers.",
        default_severity: Severity::Warning,
        source: CONVENTIONS,
    },
    RuleInfo {
        id: "utm/paid-medium",
        title: "Paid medium GA4 does not read as paid",
        description: "`social_paid`, `sponsored`, `boosted` fall into Organic Social or Unassigned: use `paid_social` (or cpc).",
        default_severity: Severity::Warning,
        source: GA4_SOCIAL,
    },
    RuleInfo {
        id: "utm/unassigned",
        title: "Source and medium land in Unassigned",
        description: "No GA4 default channel rule matches this source and medium.",
        default_severity: Severity::Warning,
        source: GA4_SOCIAL,
    },
    RuleInfo {
        id: "utm/internal-source",
        title: "Internal link tagged",
        description: "The source is the site itself: tagging internal links overwrites the visit's real source.",
        default_severity: Severity::Error,
        source: CONVENTIONS,
    },
    RuleInfo {
        id: "utm/shortener",
        title: "Shortened link",
        description: "Redirects and shorteners may drop parameters: check that the final URL keeps them.",
        default_severity: Severity::Notice,
        source: "measurement.md §5 (#9)",
    },
];

/// Canonical spellings of common sources (alias → canonical).
pub static SOURCE_ALIASES: &[(&str, &str)] = &[
    ("fb", "facebook"),
    ("facebook.com", "facebook"),
    ("meta", "facebook"),
    ("ig", "instagram"),
    ("insta", "instagram"),
    ("instagram.com", "instagram"),
    ("x", "twitter"),
    ("x.com", "twitter"),
    ("tw", "twitter"),
    ("li", "linkedin"),
    ("lnkd", "linkedin"),
    ("linkedin.com", "linkedin"),
    ("yt", "youtube"),
    ("pin", "pinterest"),
    ("tt", "tiktok"),
    ("bsky", "bluesky"),
    ("newsletter", "newsletter"),
];

const BAD_PAID_MEDIA: &[&str] = &[
    "social_paid",
    "social-paid",
    "sponsored",
    "boosted",
    "boost",
    "promoted",
    "ads",
];

/// Options of [`lint`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// The site's own hosts (a source naming one is an internal tag).
    pub site_hosts: Vec<String>,
    /// Rules turned off or re-graded.
    pub rules: RuleConfig,
}

/// Lints a campaign's links. Findings point at `links[i]` and the parameter.
///
/// ```
/// use smo_core::traffic::utm::{lint, LintOptions};
/// let links = ["https://ex.com/?utm_source=facebook&utm_medium=social&utm_campaign=s1",
///              "https://ex.com/?utm_source=fb&utm_medium=social&utm_campaign=s1"];
/// let found = lint(&links, &LintOptions::default())?;
/// assert!(found.iter().any(|f| f.rule == "utm/source-alias"));
/// assert!(found.iter().any(|f| f.rule == "utm/inconsistent-values"));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn lint<S: AsRef<str>>(links: &[S], opts: &LintOptions) -> Result<Vec<Finding>> {
    let mut f = Findings::new(RULES, &opts.rules)?;
    // value spellings per parameter: normalised → (spelling → first link)
    let mut spellings: BTreeMap<(&'static str, String), BTreeMap<String, usize>> = BTreeMap::new();
    for (i, link) in links.iter().enumerate() {
        let link = link.as_ref();
        let at = |param: Option<&str>| {
            Location::path(match param {
                Some(p) => format!("links[{i}].{p}"),
                None => format!("links[{i}]"),
            })
        };
        let p = match parse_url(link) {
            Ok(p) => p,
            Err(e) => {
                f.report("utm/invalid-url", at(None), format!("`{link}`: {e}"), None);
                continue;
            }
        };
        let host = p.host.to_ascii_lowercase();
        if SHORTENERS.contains(&host.trim_start_matches("www.")) {
            f.report(
                "utm/shortener",
                at(None),
                format!("`{host}` is a shortener or redirect"),
                Some(
                    "open the link and check the final URL still carries the utm_ parameters"
                        .into(),
                ),
            );
        }
        for d in &p.duplicates {
            f.report(
                "utm/duplicate-key",
                at(Some(d)),
                format!("`{d}` appears more than once"),
                Some("keep one value".into()),
            );
        }
        let u = &p.utm;
        for (rule, name, v) in [
            ("utm/missing-source", "utm_source", &u.source),
            ("utm/missing-medium", "utm_medium", &u.medium),
            ("utm/missing-campaign", "utm_campaign", &u.campaign),
        ] {
            if v.trim().is_empty() {
                f.report(
                    rule,
                    at(Some(name)),
                    format!("{name} is missing or empty"),
                    None,
                );
            }
        }
        for (name, v) in u.pairs() {
            if v.is_empty()
                || is_placeholder(v)
                || matches!(name, "utm_term" | "utm_content" | "utm_id")
            {
                continue;
            }
            if v.chars().any(char::is_uppercase) {
                f.report(
                    "utm/uppercase",
                    at(Some(name)),
                    format!("{name}=`{v}` has upper case"),
                    Some(format!("use `{}`", v.to_lowercase())),
                );
            }
            if v.contains(' ') {
                f.report(
                    "utm/space",
                    at(Some(name)),
                    format!("{name}=`{v}` has a space"),
                    Some(format!("use `{}`", v.replace(' ', "-"))),
                );
            } else if !v
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            {
                f.report(
                    "utm/special-characters",
                    at(Some(name)),
                    format!("{name}=`{v}` has special characters"),
                    None,
                );
            }
            let norm = v.to_lowercase().replace([' ', '-'], "_");
            spellings
                .entry((name, norm))
                .or_default()
                .entry(v.to_owned())
                .or_insert(i);
        }
        let src = u.source.trim().to_lowercase();
        if let Some((_, canon)) = SOURCE_ALIASES.iter().find(|(a, c)| *a == src && a != c) {
            f.report(
                "utm/source-alias",
                at(Some("utm_source")),
                format!("utm_source=`{}` is an alias", u.source),
                Some(format!("use `{canon}`")),
            );
            spellings
                .entry(("utm_source", (*canon).to_owned()))
                .or_default()
                .entry(u.source.clone())
                .or_insert(i);
        } else if !src.is_empty() {
            spellings
                .entry(("utm_source", src.clone()))
                .or_default()
                .entry(u.source.clone())
                .or_insert(i);
        }
        let med = u.medium.trim().to_lowercase();
        if BAD_PAID_MEDIA.contains(&med.as_str()) {
            f.report(
                "utm/paid-medium",
                at(Some("utm_medium")),
                format!(
                    "utm_medium=`{}` lands in {}, not in a paid channel",
                    u.medium,
                    u.channel()
                ),
                Some("use `paid_social` (or `cpc`)".into()),
            );
        } else if !src.is_empty() && !med.is_empty() && u.channel() == Channel::Unassigned {
            f.report("utm/unassigned", at(Some("utm_medium")), format!("source `{}` with medium `{}` matches no GA4 channel rule (Unassigned)", u.source, u.medium), Some("use a medium GA4 knows: social, paid_social, cpc, email, referral, affiliate...".into()));
        }
        if opts.site_hosts.iter().any(|h| {
            let h = h.trim().trim_start_matches("www.").to_ascii_lowercase();
            !h.is_empty() && (src == h || src.trim_start_matches("www.") == h)
        }) {
            f.report(
                "utm/internal-source",
                at(Some("utm_source")),
                format!("utm_source=`{}` is the site itself", u.source),
                Some("remove the utm_ parameters from links between pages of the site".into()),
            );
        }
    }
    // Several spellings of the same normalised value across the campaign.
    let mut merged: BTreeMap<(&'static str, String), BTreeMap<String, usize>> = BTreeMap::new();
    for ((name, norm), spells) in spellings {
        merged.entry((name, norm)).or_default().extend(spells);
    }
    for ((name, _), spells) in merged {
        if spells.len() > 1 {
            let list: Vec<String> = spells
                .iter()
                .map(|(s, i)| format!("`{s}` (links[{i}])"))
                .collect();
            f.report(
                "utm/inconsistent-values",
                Location::path(format!("links.{name}")),
                format!(
                    "{name} is spelled {} ways: {}",
                    spells.len(),
                    list.join(", ")
                ),
                Some("pick one spelling for the whole campaign".into()),
            );
        }
    }
    Ok(f.into_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str, m: &str, c: &str) -> Utm {
        Utm {
            source: s.into(),
            medium: m.into(),
            campaign: c.into(),
            ..Default::default()
        }
    }

    #[test]
    fn reference_tests_1_to_8() {
        let o = UtmOptions::default();
        let t = u("ig", "social", "s");
        assert_eq!(
            build_url("https://ex.com/p", &t, &o).unwrap(),
            "https://ex.com/p?utm_source=ig&utm_medium=social&utm_campaign=s"
        );
        let r = build_url("https://ex.com/p?x=1", &t, &o).unwrap();
        assert_eq!(
            r,
            "https://ex.com/p?x=1&utm_source=ig&utm_medium=social&utm_campaign=s"
        );
        assert_eq!(r.matches('?').count(), 1);
        assert_eq!(
            build_url("https://ex.com/p#top", &t, &o).unwrap(),
            "https://ex.com/p?utm_source=ig&utm_medium=social&utm_campaign=s#top"
        );
        let r = build_url("https://ex.com/p", &u("a b", "c&d", "campaign*name&^%"), &o).unwrap();
        assert!(
            r.ends_with("utm_source=a%20b&utm_medium=c%26d&utm_campaign=campaign%2Aname%26%5E%25"),
            "{r}"
        );
        // 5: existing utm replaced or kept, never duplicated.
        let r = build_url("https://ex.com/p?utm_source=old&a=1", &t, &o).unwrap();
        assert_eq!(
            r,
            "https://ex.com/p?a=1&utm_source=ig&utm_medium=social&utm_campaign=s"
        );
        let keep = UtmOptions {
            existing: Existing::Keep,
            ..o
        };
        let r = build_url("https://ex.com/p?utm_source=old&a=1", &t, &keep).unwrap();
        assert_eq!(
            r,
            "https://ex.com/p?utm_source=old&a=1&utm_medium=social&utm_campaign=s"
        );
        // 6: empty values omitted; 7: lower case by default; 8: click ids kept.
        let r = build_url(
            "https://ex.com/?gclid=A1&fbclid=B2",
            &u("Facebook", "Social", ""),
            &o,
        )
        .unwrap();
        assert_eq!(
            r,
            "https://ex.com/?gclid=A1&fbclid=B2&utm_source=facebook&utm_medium=social"
        );
        let raw = UtmOptions {
            lowercase: false,
            ..o
        };
        assert!(
            build_url("https://ex.com/", &u("Facebook", "social", ""), &raw)
                .unwrap()
                .contains("utm_source=Facebook")
        );
        // Meta placeholders pass through.
        let mut m = u("facebook", "paid_social", "{{campaign.name}}");
        m.content = "{{ad.id}}".into();
        let r = build_url("https://ex.com/", &m, &o).unwrap();
        assert!(
            r.ends_with("utm_campaign={{campaign.name}}&utm_content={{ad.id}}"),
            "{r}"
        );
        assert!(build_url("https://ex.com/", &u("", "social", ""), &o).is_err());
        assert!(build_url("ex.com/p", &t, &o).is_err());
    }

    #[test]
    fn all_nine_round_trip() {
        let t = Utm {
            source: "google".into(),
            medium: "cpc".into(),
            campaign: "spring_sale".into(),
            id: "abc.123".into(),
            term: "Linen Sheets".into(),
            content: "Banner A".into(),
            source_platform: "search ads 360".into(),
            creative_format: "search".into(),
            marketing_tactic: "prospecting".into(),
        };
        let url = build_url("https://ex.com/", &t, &UtmOptions::default()).unwrap();
        let back = parse_url(&url).unwrap();
        assert_eq!(back.utm, t);
    }

    #[test]
    fn lint_finds_convention_breaks() {
        let links = [
            "https://www.maisonlune.fr/?utm_source=Facebook&utm_medium=social_paid&utm_campaign=été 2026",
            "https://www.maisonlune.fr/?utm_source=facebook&utm_medium=social&utm_campaign=ete-2026",
            "https://www.maisonlune.fr/?utm_source=maisonlune.fr&utm_medium=referral&utm_campaign=ete-2026",
            "https://bit.ly/abc?utm_source=x&utm_medium=socialmedia&utm_source=y",
            "nope",
        ];
        let opts = LintOptions {
            site_hosts: vec!["www.maisonlune.fr".into()],
            ..Default::default()
        };
        let found = lint(&links, &opts).unwrap();
        let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        for r in [
            "utm/uppercase",
            "utm/paid-medium",
            "utm/space",
            "utm/internal-source",
            "utm/shortener",
            "utm/duplicate-key",
            "utm/source-alias",
            "utm/unassigned",
            "utm/invalid-url",
            "utm/inconsistent-values",
            "utm/missing-campaign",
        ] {
            assert!(rules.contains(&r), "{r} missing from {rules:?}");
        }
        let clean = lint(
            &["https://ex.com/?utm_source=instagram&utm_medium=social&utm_campaign=s1"],
            &LintOptions::default(),
        )
        .unwrap();
        assert!(clean.is_empty(), "{clean:?}");
    }
}
