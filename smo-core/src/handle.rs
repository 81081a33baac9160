//! Handles: validation and normalisation of account names, per network.
//!
//! The rules themselves are data, in each network's row ([`crate::network`]); this module only
//! interprets them. Special forms: Bluesky handles are domain names (atproto handle spec),
//! Mastodon handles are `user@instance` (only `@user` counts in posts), Reddit users are
//! `u/name`, WhatsApp businesses are phone numbers.

use serde::Serialize;

use crate::network::Network;

// The rule types are data of the network table, so they are defined with it: `network` then needs
// nothing from this module, and the dependency runs one way, from handles to networks.
pub use crate::network::{Charset, HandleForm, HandleRule};

/// The result of checking a handle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandleCheck {
    /// The network.
    pub network: Network,
    /// The handle as given.
    pub input: String,
    /// The handle in the network's display form: sigils and URL prefixes dropped
    /// (`maisonlune`, `lune@piaille.fr`, `maisonlune.bsky.social`).
    pub display: String,
    /// The comparison form: lower case (all networks smo knows compare handles without case),
    /// ignored characters removed.
    pub normalized: String,
    /// Whether the handle follows every rule.
    pub valid: bool,
    /// What is wrong, one sentence each; empty when valid.
    pub problems: Vec<String>,
}

/// Checks `handle` against `network`'s rules and normalises it.
///
/// Leading `@` (and `u/` on Reddit, `+` on WhatsApp) are accepted and dropped.
///
/// ```
/// use smo_core::{Network, handle};
/// let ok = handle::check(Network::Instagram, "@Maison.Lune");
/// assert!(ok.valid);
/// assert_eq!(ok.normalized, "maison.lune");
///
/// let bad = handle::check(Network::X, "maison_lune_paris_officiel");
/// assert!(!bad.valid);
/// assert!(bad.problems[0].contains("at most 15"));
///
/// assert!(handle::check(Network::Bluesky, "maisonlune.bsky.social").valid);
/// assert!(!handle::check(Network::Mastodon, "lune").valid); // instance missing
/// ```
pub fn check(network: Network, handle: &str) -> HandleCheck {
    let rule = &network.info().handle.value;
    let display = display_form(rule.form, handle);
    let mut problems = Vec::new();
    match rule.form {
        HandleForm::Domain => check_domain(rule, &display, &mut problems),
        HandleForm::Fediverse => match display.split_once('@') {
            Some((user, instance)) => {
                check_name(rule, user, "user name", &mut problems);
                let mut domain_problems = Vec::new();
                check_hostname(instance, &mut domain_problems);
                problems.extend(
                    domain_problems
                        .into_iter()
                        .map(|p| format!("instance: {p}")),
                );
            }
            None => {
                check_name(rule, &display, "user name", &mut problems);
                problems.push(
                    "the instance is missing: write the handle as user@instance (e.g. lune@piaille.fr)".into(),
                );
            }
        },
        _ => check_name(rule, &display, "handle", &mut problems),
    }
    let normalized: String = display
        .to_lowercase()
        .chars()
        .filter(|c| !rule.ignored.contains(*c))
        .collect();
    HandleCheck {
        network,
        input: handle.to_owned(),
        valid: problems.is_empty(),
        display,
        normalized,
        problems,
    }
}

/// The brand name a handle carries, for comparing handles across networks (the charter rule:
/// one name everywhere). Lower case, separators (`.`, `_`, `-`) dropped, Mastodon instance and
/// Bluesky service domain dropped.
///
/// ```
/// use smo_core::{Network, handle::charter_name};
/// assert_eq!(charter_name(Network::Instagram, "@maison.lune"), "maisonlune");
/// assert_eq!(charter_name(Network::Bluesky, "maisonlune.bsky.social"), "maisonlune");
/// assert_eq!(charter_name(Network::Bluesky, "maisonlune.fr"), "maisonlune");
/// assert_eq!(charter_name(Network::Mastodon, "maison_lune@piaille.fr"), "maisonlune");
/// ```
pub fn charter_name(network: Network, handle: &str) -> String {
    let display = display_form(network.info().handle.value.form, handle).to_lowercase();
    let core = match network.info().handle.value.form {
        HandleForm::Fediverse => display.split('@').next().unwrap_or_default().to_owned(),
        // A Bluesky handle is a domain: the brand is its first label (`lune.bsky.social`), or
        // the registrable name of a custom domain (`maisonlune.fr`).
        HandleForm::Domain => display.split('.').next().unwrap_or_default().to_owned(),
        _ => display,
    };
    core.chars()
        .filter(|c| !matches!(c, '.' | '_' | '-' | '·'))
        .collect()
}

// A profile URL is the table's pattern filled in with the handle's display form, which only this
// module computes: the method lives here so that `network` holds no handle logic.
impl Network {
    /// The public profile URL of `handle` on this network, from the table's pattern.
    ///
    /// The handle is normalised first (leading `@` dropped); for Mastodon it must be
    /// `user@instance`. Returns `None` when the handle cannot form a URL.
    ///
    /// ```
    /// use smo_core::Network;
    /// assert_eq!(Network::X.profile_url("@maisonlune").as_deref(), Some("https://x.com/maisonlune"));
    /// assert_eq!(
    ///     Network::Mastodon.profile_url("@lune@piaille.fr").as_deref(),
    ///     Some("https://piaille.fr/@lune")
    /// );
    /// ```
    pub fn profile_url(self, handle: &str) -> Option<String> {
        let check = crate::handle::check(self, handle);
        let h = check.display.as_str();
        if h.is_empty() {
            return None;
        }
        let pattern = self.info().profile_url.value;
        if self == Network::Mastodon {
            let (user, instance) = h.split_once('@')?;
            return Some(
                pattern
                    .replace("{instance}", instance)
                    .replace("{user}", user),
            );
        }
        Some(pattern.replace("{handle}", h))
    }
}

fn display_form(form: HandleForm, handle: &str) -> String {
    let h = handle.trim();
    let h = match form {
        HandleForm::RedditUser => {
            let h = h.strip_prefix('/').unwrap_or(h);
            h.strip_prefix("u/")
                .or_else(|| h.strip_prefix("user/"))
                .unwrap_or(h)
        }
        HandleForm::Phone => {
            return h
                .chars()
                .filter(|c| !matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'))
                .collect();
        }
        _ => h.strip_prefix('@').unwrap_or(h),
    };
    h.to_owned()
}

fn allowed(rule: &HandleRule, c: char) -> bool {
    let base = match rule.charset {
        Charset::AsciiAlnum => c.is_ascii_alphanumeric(),
        Charset::UnicodeAlnum => c.is_alphanumeric(),
        Charset::Digits => c.is_ascii_digit(),
    };
    base || rule.extra.contains(c)
}

fn check_name(rule: &HandleRule, name: &str, what: &str, problems: &mut Vec<String>) {
    let len = name.chars().count() as u32;
    if len == 0 {
        problems.push(format!("the {what} is empty"));
        return;
    }
    if len < rule.min_len {
        problems.push(format!(
            "the {what} has {len} characters: it needs at least {}",
            rule.min_len
        ));
    }
    if len > rule.max_len {
        problems.push(format!(
            "the {what} has {len} characters: at most {} are allowed",
            rule.max_len
        ));
    }
    let bad: Vec<char> = name.chars().filter(|c| !allowed(rule, *c)).collect();
    if !bad.is_empty() {
        let mut bad = bad;
        bad.dedup();
        let listed: String = bad
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut allowed: Vec<String> = match rule.charset {
            Charset::AsciiAlnum => vec!["ASCII letters".into(), "digits".into()],
            Charset::UnicodeAlnum => vec!["letters".into(), "digits".into()],
            Charset::Digits => vec!["digits".into()],
        };
        allowed.extend(rule.extra.chars().map(|c| format!("`{c}`")));
        let allowed = match allowed.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => allowed.join(""),
        };
        problems.push(format!(
            "the {what} contains {listed}: only {allowed} are allowed"
        ));
    }
    if rule.start_letter && !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        problems.push(format!("the {what} must start with a letter"));
    }
    for (edge, c) in [("start", name.chars().next()), ("end", name.chars().last())] {
        if let Some(c) = c.filter(|c| rule.no_edge.contains(*c)) {
            problems.push(format!("the {what} must not {edge} with `{c}`"));
        }
    }
    if let Some(c) = name.chars().last().filter(|c| rule.no_end.contains(*c)) {
        problems.push(format!("the {what} must not end with `{c}`"));
    }
    let chars: Vec<char> = name.chars().collect();
    if let Some(w) = chars
        .windows(2)
        .find(|w| w[0] == w[1] && rule.no_repeat.contains(w[0]))
    {
        problems.push(format!("the {what} must not contain `{}{}`", w[0], w[1]));
    }
    if let Some(max) = rule.max_specials {
        let n = name.chars().filter(|c| rule.extra.contains(*c)).count();
        if n > usize::from(max) {
            let specials: Vec<String> = rule.extra.chars().map(|c| format!("`{c}`")).collect();
            problems.push(format!(
                "the {what} uses {n} of {}: at most {max} allowed",
                specials.join(" ")
            ));
        }
    }
    let lower = name.to_lowercase();
    for word in rule.forbidden {
        if lower.contains(word) {
            problems.push(format!("the {what} must not contain `{word}`"));
        }
    }
    for prefix in rule.forbidden_prefixes {
        if lower.starts_with(prefix) {
            problems.push(format!("the {what} must not start with `{prefix}`"));
        }
    }
    for suffix in rule.forbidden_suffixes {
        if lower.ends_with(suffix) {
            problems.push(format!("the {what} must not end with `{suffix}`"));
        }
    }
    if rule.charset == Charset::UnicodeAlnum && looks_like_phone(name) {
        problems.push(format!("the {what} must not look like a phone number"));
    }
}

fn looks_like_phone(name: &str) -> bool {
    let digits = name.chars().filter(char::is_ascii_digit).count();
    digits >= 7
        && name
            .chars()
            .all(|c| c.is_ascii_digit() || "-.·_".contains(c))
}

/// Syntax of a DNS hostname: labels of 1–63 ASCII letters, digits and inner hyphens, at least
/// two labels, at most 253 characters, a top-level label not starting with a digit.
fn check_hostname(host: &str, problems: &mut Vec<String>) {
    if host.is_empty() {
        problems.push("the domain is empty".into());
        return;
    }
    if host.len() > 253 {
        problems.push(format!(
            "the domain has {} characters: at most 253 are allowed",
            host.len()
        ));
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        problems.push("the domain needs at least two labels (name.tld)".into());
    }
    for label in &labels {
        if label.is_empty() || label.len() > 63 {
            problems.push(format!("the label `{label}` must have 1 to 63 characters"));
        } else if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            problems.push(format!(
                "the label `{label}` may use only ASCII letters, digits and `-`"
            ));
        } else if label.starts_with('-') || label.ends_with('-') {
            problems.push(format!(
                "the label `{label}` must not start or end with `-`"
            ));
        }
    }
    if let Some(tld) = labels.last().filter(|_| labels.len() >= 2) {
        if tld.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            problems.push(format!(
                "the top-level domain `{tld}` must not start with a digit"
            ));
        }
    }
}

fn check_domain(rule: &HandleRule, domain: &str, problems: &mut Vec<String>) {
    check_hostname(domain, problems);
    let lower = domain.to_ascii_lowercase();
    for suffix in rule.forbidden_suffixes {
        if lower.ends_with(suffix) {
            problems.push(format!(
                "handles under `{suffix}` are refused by the network"
            ));
        }
    }
    // Under Bluesky's own service domain, the first label must have 3 to 18 characters.
    if let Some(first) = lower.strip_suffix(".bsky.social") {
        let n = first.chars().count();
        if !first.contains('.') && !(3..=18).contains(&n) {
            problems.push(format!(
                "`{first}` has {n} characters: names under bsky.social need 3 to 18"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(n: Network, h: &str) -> bool {
        check(n, h).valid
    }

    #[test]
    fn x_rules() {
        assert!(valid(Network::X, "@maison_lune"));
        assert!(!valid(Network::X, "maison-lune"));
        assert!(!valid(Network::X, "abc"));
        assert!(!valid(Network::X, "mytwitterbrand"));
        assert!(!valid(Network::X, "a234567890123456"));
    }

    #[test]
    fn instagram_rules() {
        assert!(valid(Network::Instagram, "maison.lune"));
        assert!(!valid(Network::Instagram, "maison..lune"));
        assert!(!valid(Network::Instagram, ".maisonlune"));
        assert!(!valid(Network::Instagram, "maisonlune."));
        assert!(!valid(Network::Instagram, "maison-lune"));
    }

    #[test]
    fn bluesky_domains() {
        assert!(valid(Network::Bluesky, "@maisonlune.fr"));
        assert!(!valid(Network::Bluesky, "ml.bsky.social"));
        assert!(!valid(Network::Bluesky, "maisonlune"));
        assert!(!valid(Network::Bluesky, "lune.local"));
        assert!(!valid(Network::Bluesky, "lune.-fr"));
        assert!(!valid(Network::Bluesky, "lune.1fr"));
    }

    #[test]
    fn mastodon_needs_instance() {
        let c = check(Network::Mastodon, "@maisonlune@piaille.fr");
        assert!(c.valid, "{:?}", c.problems);
        assert_eq!(c.display, "maisonlune@piaille.fr");
        assert!(!valid(Network::Mastodon, "maisonlune"));
        assert!(!valid(Network::Mastodon, "maison.lune@piaille.fr"));
    }

    #[test]
    fn telegram_snapchat_reddit_whatsapp() {
        assert!(valid(Network::Telegram, "maisonlune"));
        assert!(!valid(Network::Telegram, "1maisonlune"));
        assert!(!valid(Network::Telegram, "maison__lune"));
        assert!(!valid(Network::Telegram, "telegramlune"));
        assert!(valid(Network::Snapchat, "maison.lune"));
        assert!(!valid(Network::Snapchat, "maison.lu_ne"));
        assert!(valid(Network::Reddit, "u/maison_lune"));
        assert!(valid(Network::WhatsApp, "+33 6 12 34 56 78"));
        assert!(!valid(Network::WhatsApp, "06 12 34 56 78"));
    }

    #[test]
    fn facebook_ignores_periods_and_refuses_dot_com() {
        assert_eq!(
            check(Network::Facebook, "Maison.Lune").normalized,
            "maisonlune"
        );
        assert!(!valid(Network::Facebook, "maisonlune.com"));
    }

    #[test]
    fn youtube_accepts_other_scripts_but_not_phone_numbers() {
        assert!(valid(Network::YouTube, "메종루네"));
        assert!(!valid(Network::YouTube, "0612345678"));
    }
}
