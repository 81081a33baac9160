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
