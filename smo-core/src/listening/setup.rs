//! The strategy's listening set-up as monitoring queries.
//!
//! Listening comes first: a strategy names its keywords and competitors (and, optionally,
//! queries of the analyst's own). Each becomes a [`Query`] in smo's dialect, so the same words the
//! consultant wrote are what the mentions are matched with, and what the strategy rule
//! `listening/query-invalid` checks:
//!
//! - **`brand`**: every keyword, a one-word keyword as a term and a longer one as a phrase
//!   (`"linge de lit en lin"`), OR-ed; one query per keyword is also checked alone, so a bad
//!   keyword is reported at its own path.
//! - **`competitor:<name>`**: the competitor's name as a phrase, its handles (`@handle` when the
//!   handle is one word) and its site (`site:host`), OR-ed.
//! - every entry of `[listening.queries]`, as written.

use crate::error::Result;
use crate::strategy::Strategy;

use super::query::Query;
use super::watch::Brand;

/// A query of the strategy.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedQuery {
    /// `brand`, `competitor:<name>` or the name given in `[listening.queries]`.
    pub name: String,
    /// The query text.
    pub text: String,
    /// Field path of what it was made from.
    pub path: String,
    /// The parsed query, or why it does not parse.
    pub query: Result<Query>,
}

fn quoted(words: &str) -> String {
    let w = words.replace('"', " ");
    let w = w.trim();
    if w.split_whitespace().count() > 1 || w.contains(['\'', '’', '-']) {
        format!("\"{w}\"")
    } else {
        w.to_owned()
    }
}

fn one_word(handle: &str) -> Option<String> {
    let h = handle.trim().trim_start_matches('@');
    (!h.is_empty() && h.chars().all(|c| c.is_alphanumeric() || c == '_')).then(|| format!("@{h}"))
}

fn named(name: String, text: String, path: String) -> NamedQuery {
    let query = Query::parse(&text);
    NamedQuery {
        name,
        text,
        path,
        query,
    }
}

/// The strategy's queries: the brand's, each competitor's and the analyst's own, in that order,
/// followed by the brand's keywords one by one when one of them does not parse.
///
/// ```
/// let s = smo_core::Strategy::example()?;
/// let q = smo_core::listening::setup::queries(&s);
/// assert_eq!(q[0].name, "brand");
/// assert!(q[0].text.starts_with(r#""Maison Lune" OR maisonlune OR "linge de lit en lin""#), "{}", q[0].text);
/// assert_eq!(q[1].name, "competitor:Atelier Brume");
/// assert!(q.iter().all(|q| q.query.is_ok()));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn queries(s: &Strategy) -> Vec<NamedQuery> {
    let Some(l) = &s.listening else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let parts: Vec<String> = l.keywords.iter().map(|k| quoted(k)).collect();
    if !parts.is_empty() {
        let brand = named(
            "brand".into(),
            parts.join(" OR "),
            "listening.keywords".into(),
        );
        if brand.query.is_err() {
            for (i, (k, p)) in l.keywords.iter().zip(&parts).enumerate() {
                let one = named(
                    format!("keyword `{k}`"),
                    p.clone(),
                    format!("listening.keywords[{i}]"),
                );
                if one.query.is_err() {
                    out.push(one);
                }
            }
        } else {
            out.push(brand);
        }
    }
    for (i, c) in l.competitors.iter().enumerate() {
        let mut parts = vec![quoted(&c.name)];
        parts.extend(c.handles.values().filter_map(|h| one_word(h)));
        parts.sort();
        parts.dedup();
        if let Some(host) = c.site.as_ref().and_then(|u| u.host_str()) {
            parts.push(format!("site:{}", host.trim_start_matches("www.")));
        }
        out.push(named(
            format!("competitor:{}", c.name),
            parts.join(" OR "),
            format!("listening.competitors[{i}]"),
        ));
    }
    for (name, text) in &l.queries {
        out.push(named(
            name.clone(),
            text.clone(),
            format!("listening.queries.{name}"),
        ));
    }
    out
}

/// The brands the strategy's watch compares: its own brand, then each competitor with its
/// `competitor:<name>` query (the queries of [`queries`]).
///
/// The own brand's query is built as a competitor's is, so that shares compare like with like:
/// its name as a phrase, the keywords that are its name written as one word (`maisonlune`, which
/// also finds `#maisonlune`), its channels' one-word handles and its site. The market keywords
/// (`"linge de lit en lin"`) stay in the `brand` listening query, which finds the conversation;
/// a mention of the market is not a mention of the brand. A query that does not parse is kept as
/// written, so the watch functions report it at its path.
///
/// ```
/// let s = smo_core::Strategy::example()?;
/// let b = smo_core::listening::setup::brands(&s);
/// assert_eq!(b[0].name, "Maison Lune");
/// assert!(b[0].own);
/// assert_eq!(b[0].query, r#""Maison Lune" OR @MaisonLune OR @MaisonLuneParis OR @maisonlune OR @maisonlune_officiel OR maisonlune OR site:maisonlune.fr"#);
/// assert_eq!(b.len(), 3);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn brands(s: &Strategy) -> Vec<Brand> {
    use super::query::text::fold;
    let squash = |t: &str| {
        fold(t)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let name = s.brand.name.trim();
    let mut parts = vec![quoted(name)];
    if let Some(l) = &s.listening {
        parts.extend(
            l.keywords
                .iter()
                .filter(|k| !k.trim().contains(' ') && squash(k) == squash(name))
                .map(|k| quoted(k)),
        );
    }
    parts.extend(s.channels.iter().filter_map(|c| one_word(&c.handle)));
    parts.sort();
    parts.dedup();
    if let Some(host) = s.brand.site.host_str() {
        parts.push(format!("site:{}", host.trim_start_matches("www.")));
    }
    let mut out = vec![Brand::own(name, parts.join(" OR "))];
    for q in queries(s) {
        if let Some(c) = q.name.strip_prefix("competitor:") {
            out.push(Brand::new(c, q.text));
        }
    }
    out
}
