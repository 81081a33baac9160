//! JSON-LD blocks: strict parse (serde_json), `@type`s, the Organization/Person entities
//! the audit needs (`name`, `url`, `logo`, `sameAs`) and the article entities with their
//! `keywords` (<https://schema.org/keywords>). Parse errors are kept, not fatal:
//! 11 of 157 real pages with JSON-LD fail a strict parse (site-audit.md §3).

use serde_json::Value;

use super::features::{JsonLd, JsonLdArticle, JsonLdEntity, Origin};

/// Types that make a page an article (schema.org `Article` and the subtypes pages use).
pub const ARTICLE_TYPES: &[&str] = &["Article", "BlogPosting", "NewsArticle", "TechArticle"];

/// Types counted as an Organization or a Person (schema.org subtypes seen on brand sites).
pub const ENTITY_TYPES: &[&str] = &[
    "Organization",
    "Corporation",
    "LocalBusiness",
    "Store",
    "OnlineStore",
    "OnlineBusiness",
    "NewsMediaOrganization",
    "Person",
    "ClothingStore",
    "HomeGoodsStore",
];
/// Types revealing a review or rating.
pub const REVIEW_TYPES: &[&str] = &["AggregateRating", "Review"];

/// Parses a block; returns it and the review types it holds.
pub fn parse(text: &str, truncated: bool, origin: Origin) -> (JsonLd, Vec<String>) {
    let mut block = JsonLd {
        types: Vec::new(),
        error: None,
        truncated,
        bytes: text.len() as u64,
        entities: Vec::new(),
        articles: Vec::new(),
        origin,
    };
    let mut reviews = Vec::new();
    if truncated {
        return (block, reviews);
    }
    let value: Value = match serde_json::from_str(text.trim()) {
        Ok(v) => v,
        Err(e) => {
            block.error = Some(format!(
                "{} (line {}, column {} of the block)",
                e,
                e.line(),
                e.column()
            ));
            return (block, reviews);
        }
    };
    // Iterative walk: serde_json bounds depth at 128, but no recursion is needed here.
    let mut stack = vec![&value];
    let mut visited = 0usize;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 100_000 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                let types = strings(map.get("@type"));
                for t in &types {
                    block.types.push(t.clone());
                    if REVIEW_TYPES.contains(&t.as_str()) && !reviews.contains(t) {
                        reviews.push(t.clone());
                    }
                }
                if types.iter().any(|t| ENTITY_TYPES.contains(&t.as_str())) {
                    block.entities.push(JsonLdEntity {
                        types: types.clone(),
                        name: map.get("name").and_then(Value::as_str).map(str::to_owned),
                        url: map.get("url").and_then(Value::as_str).map(str::to_owned),
                        logo: match map.get("logo") {
                            Some(Value::String(s)) => Some(s.clone()),
                            Some(Value::Object(o)) => o
                                .get("url")
                                .or_else(|| o.get("contentUrl"))
                                .and_then(Value::as_str)
                                .map(str::to_owned),
                            _ => None,
                        },
                        same_as: strings(map.get("sameAs")),
                    });
                }
                if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                    block.articles.push(JsonLdArticle {
                        types: types.clone(),
                        headline: map
                            .get("headline")
                            .or_else(|| map.get("name"))
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                        keywords: keywords(map.get("keywords")),
                    });
                }
                let mut children: Vec<&Value> = map
                    .iter()
                    .filter(|(k, _)| k.as_str() != "@type" && k.as_str() != "sameAs")
                    .map(|(_, v)| v)
                    .filter(|v| v.is_object() || v.is_array())
                    .collect();
                children.reverse();
                stack.extend(children);
            }
            _ => {}
        }
    }
    (block, reviews)
}

/// `keywords`: "Text" (comma-separated, as schema.org says) or a list of texts or
/// `DefinedTerm`s (their `name`).
fn keywords(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        for k in s.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            if !out.iter().any(|x| x == k) {
                out.push(k.to_owned());
            }
        }
    };
    match v {
        Some(Value::String(s)) => add(s),
        Some(Value::Array(items)) => {
            for item in items {
                match item {
                    Value::String(s) => add(s),
                    Value::Object(o) => {
                        if let Some(n) = o.get("name").and_then(Value::as_str) {
                            add(n);
                        }
                    }
                    _ => {}
                }
            }
        }
        Some(Value::Object(o)) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                add(n);
            }
        }
        _ => {}
    }
    out
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}
