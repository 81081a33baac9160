//! JSON-LD blocks: strict parse (serde_json), `@type`s, and the Organization/Person entities
//! the audit needs (`name`, `url`, `logo`, `sameAs`). Parse errors are kept, not fatal:
//! 11 of 157 real pages with JSON-LD fail a strict parse (site-audit.md §3).

use serde_json::Value;

use super::features::{JsonLd, JsonLdEntity, Origin};

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
