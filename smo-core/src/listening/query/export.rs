//! Queries written for the engines users run at scale: SQLite FTS5 `MATCH` expressions and
//! Elasticsearch / OpenSearch query DSL.
//!
//! **FTS5** (for a table created with `tokenize = "unicode61 remove_diacritics 2"`, the
//! tokenizer that splits and folds as smo does): terms and phrases become quoted strings, a
//! trailing `*` a prefix token, `NEAR/n` and `"a b"~n` become `NEAR(… , n)` (FTS5 counts the
//! tokens between, as smo does), a NEAR over `(a OR b)` is distributed into ORs of NEARs, and
//! `a NOT b` is FTS5's binary NOT. What FTS5 cannot express is refused with the reason, never
//! approximated: ordered `NEAR/nf`, wildcards other than a final `*`, case-sensitive `{Term}`,
//! `#hashtag` and `@handle` terms (unicode61 drops the sigil, so `#lin` would also find `lin`),
//! field filters (filter on the mention's columns with SQL `WHERE` instead), and a NOT with
//! nothing to subtract from.
//!
//! **Elasticsearch / OpenSearch**: a `bool` query over the mapping documented in
//! `docs/listening.md` (`text` analysed with lowercase and ASCII folding, `text.exact` without
//! them, `hashtags` and `mentions` keywords, `author.handle`, `network`, `lang`, `site`, `url`,
//! and numeric `author.followers`, `engagement.*`); phrases, `~n` and NEAR use the `intervals`
//! query (`max_gaps` is the tokens allowed between, `ordered` for `NEAR/nf`).

use serde_json::{Value as Json, json};

use crate::error::{Error, Result};

use super::Query;
use super::parse::{Node, Term, Value};
use super::text::Kind;

fn refuse(q: &Query, span: (usize, usize), why: &str) -> Error {
    let token = q.text.get(span.0..span.1).unwrap_or_default();
    super::parse::error(
        &q.text,
        span.0,
        token,
        format!("SQLite FTS5 cannot express this: {why}"),
    )
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn fts_term(q: &Query, t: &Term) -> Result<String> {
    if t.case_sensitive {
        return Err(refuse(
            q,
            t.span,
            "FTS5 folds case, so {Term} cannot be case-sensitive; match without the braces and check case in SQL",
        ));
    }
    if t.kind != Kind::Word {
        return Err(refuse(
            q,
            t.span,
            "FTS5's unicode61 tokenizer drops `#` and `@`, so a hashtag or handle cannot be told from the word; search the word",
        ));
    }
    match t.pattern.find(['*', '?']) {
        None => Ok(quote(&t.pattern)),
        Some(i) if i + 1 == t.pattern.len() && t.pattern.ends_with('*') => {
            Ok(format!("{}*", quote(&t.pattern[..i])))
        }
        Some(_) => Err(refuse(
            q,
            t.span,
            "FTS5 has prefix queries (a final `*`) only, no `?` or inner `*`",
        )),
    }
}

/// A NEAR operand as FTS5 phrases, one list per OR alternative.
fn fts_alternatives(q: &Query, n: &Node) -> Result<Vec<String>> {
    match n {
        Node::Term { term } => Ok(vec![fts_term(q, term)?]),
        Node::Phrase {
            terms, slop: None, ..
        } => Ok(vec![
            terms
                .iter()
                .map(|t| fts_term(q, t))
                .collect::<Result<Vec<_>>>()?
                .join(" + "),
        ]),
        Node::Or { nodes } => {
            let mut v = Vec::new();
            for x in nodes {
                v.extend(fts_alternatives(q, x)?);
            }
            Ok(v)
        }
        _ => Err(Error::Argument {
            name: "query".into(),
            message: "NEAR operand".into(),
        }),
    }
}

fn fts(q: &Query, n: &Node) -> Result<String> {
    match n {
        Node::Term { term } => fts_term(q, term),
        Node::Phrase {
            terms, slop: None, ..
        } => Ok(terms
            .iter()
            .map(|t| fts_term(q, t))
            .collect::<Result<Vec<_>>>()?
            .join(" + ")),
        Node::Phrase {
            terms,
            slop: Some(k),
            ..
        } => Ok(format!(
            "NEAR({}, {k})",
            terms
                .iter()
                .map(|t| fts_term(q, t))
                .collect::<Result<Vec<_>>>()?
                .join(" ")
        )),
        Node::Near {
            left,
            right,
            distance,
            ordered,
            span,
        } => {
            if *ordered {
                return Err(refuse(
                    q,
                    *span,
                    "FTS5's NEAR has no order; use NEAR/n, or a phrase",
                ));
            }
            let (a, b) = (fts_alternatives(q, left)?, fts_alternatives(q, right)?);
            let mut parts = Vec::new();
            for x in &a {
                for y in &b {
                    parts.push(format!("NEAR({x} {y}, {distance})"));
                }
            }
            Ok(if parts.len() == 1 {
                parts.remove(0)
            } else {
                format!("({})", parts.join(" OR "))
            })
        }
        Node::Or { nodes } => {
            let mut parts = Vec::new();
            for x in nodes {
                if let Node::Not { .. } = x {
                    return Err(refuse(
                        q,
                        span_of(x),
                        "FTS5's NOT subtracts from what comes before it; `a OR NOT b` has no form",
                    ));
                }
                parts.push(format!("({})", fts(q, x)?));
            }
            Ok(parts.join(" OR "))
        }
        Node::And { nodes } => {
            let (neg, pos): (Vec<&Node>, Vec<&Node>) =
                nodes.iter().partition(|x| matches!(x, Node::Not { .. }));
            if pos.is_empty() {
                return Err(refuse(
                    q,
                    (0, q.text.len()),
                    "FTS5's NOT needs something to subtract from: add a term to look for",
                ));
            }
            let mut out = pos
                .iter()
                .map(|x| Ok(format!("({})", fts(q, x)?)))
                .collect::<Result<Vec<_>>>()?
                .join(" AND ");
            for x in neg {
                if let Node::Not { node } = x {
                    out.push_str(&format!(" NOT ({})", fts(q, node)?));
                }
            }
            Ok(out)
        }
        Node::Not { .. } => Err(refuse(
            q,
            (0, q.text.len()),
            "FTS5's NOT needs something to subtract from: add a term to look for",
        )),
        Node::Field { span, field, .. } => Err(refuse(
            q,
            *span,
            &format!(
                "`{field}:` is a field of the mention, not of its text: filter it with SQL WHERE"
            ),
        )),
    }
}

fn span_of(n: &Node) -> (usize, usize) {
    match n {
        Node::Term { term } => term.span,
        Node::Phrase { span, .. } | Node::Near { span, .. } | Node::Field { span, .. } => *span,
        Node::Not { node } => span_of(node),
        Node::And { nodes } | Node::Or { nodes } => nodes.first().map_or((0, 0), span_of),
    }
}

fn es_term(t: &Term) -> Json {
    let field = match (t.case_sensitive, t.kind) {
        (_, Kind::Hashtag) => return json!({"term": {"hashtags": t.pattern}}),
        (_, Kind::Handle) => return json!({"term": {"mentions": t.pattern}}),
        (true, _) => "text.exact",
        (false, _) => "text",
    };
    if t.wildcard {
        json!({"wildcard": {field: {"value": t.pattern}}})
    } else {
        json!({"match": {field: {"query": t.pattern}}})
    }
}

fn es_interval(t: &Term) -> Json {
    if t.wildcard {
        json!({"wildcard": {"pattern": t.pattern}})
    } else {
        json!({"match": {"query": t.pattern}})
    }
}

fn es_intervals(n: &Node) -> Json {
    match n {
        Node::Term { term } => es_interval(term),
        Node::Phrase { terms, .. } => {
            json!({"all_of": {"ordered": true, "max_gaps": 0, "intervals": terms.iter().map(es_interval).collect::<Vec<_>>()}})
        }
        Node::Or { nodes } => {
            json!({"any_of": {"intervals": nodes.iter().map(es_intervals).collect::<Vec<_>>()}})
        }
        _ => json!({}),
    }
}

fn es(n: &Node) -> Json {
    match n {
        Node::Term { term } => es_term(term),
        Node::Phrase {
            terms, slop: None, ..
        } if terms
            .iter()
            .all(|t| !t.wildcard && !t.case_sensitive && t.kind == Kind::Word) =>
        {
            json!({"match_phrase": {"text": terms.iter().map(|t| t.pattern.as_str()).collect::<Vec<_>>().join(" ")}})
        }
        Node::Phrase { terms, slop, .. } => {
            let rule = match slop {
                None => {
                    json!({"all_of": {"ordered": true, "max_gaps": 0, "intervals": terms.iter().map(es_interval).collect::<Vec<_>>()}})
                }
                Some(k) => {
                    json!({"all_of": {"ordered": false, "max_gaps": k, "intervals": terms.iter().map(es_interval).collect::<Vec<_>>()}})
                }
            };
            json!({"intervals": {"text": rule}})
        }
        Node::Near {
            left,
            right,
            distance,
            ordered,
            ..
        } => json!({"intervals": {"text": {"all_of": {
            "ordered": ordered, "max_gaps": distance, "intervals": [es_intervals(left), es_intervals(right)]
        }}}}),
        Node::And { nodes } => {
            let (neg, pos): (Vec<&Node>, Vec<&Node>) =
                nodes.iter().partition(|x| matches!(x, Node::Not { .. }));
            let must_not: Vec<Json> = neg
                .iter()
                .filter_map(|x| {
                    if let Node::Not { node } = x {
                        Some(es(node))
                    } else {
                        None
                    }
                })
                .collect();
            json!({"bool": {"must": pos.iter().map(|x| es(x)).collect::<Vec<_>>(), "must_not": must_not}})
        }
        Node::Or { nodes } => {
            json!({"bool": {"should": nodes.iter().map(es).collect::<Vec<_>>(), "minimum_should_match": 1}})
        }
        Node::Not { node } => json!({"bool": {"must_not": [es(node)]}}),
        Node::Field { field, value, .. } => match value {
            Value::Range(r) => {
                let key = match field.as_str() {
                    "followers" => "author.followers".to_owned(),
                    "engagement" => "engagement.total".to_owned(),
                    f => format!("engagement.{f}"),
                };
                let mut bounds = serde_json::Map::new();
                if let Some(a) = r.min {
                    bounds.insert("gte".into(), json!(a));
                }
                if let Some(b) = r.max {
                    bounds.insert("lte".into(), json!(b));
                }
                json!({"range": {key: bounds}})
            }
            Value::Text(t) => {
                let v = t.pattern.trim_start_matches('@');
                let exact = |f: &str| {
                    if t.wildcard {
                        json!({"wildcard": {f: {"value": v}}})
                    } else {
                        json!({"term": {f: v}})
                    }
                };
                match field.as_str() {
                    "author" => {
                        json!({"bool": {"should": [exact("author.handle"), {"match": {"author.name": v}}], "minimum_should_match": 1}})
                    }
                    "site" => {
                        json!({"bool": {"should": [exact("site"), {"wildcard": {"site": {"value": format!("*.{v}")}}}], "minimum_should_match": 1}})
                    }
                    "url" => {
                        json!({"wildcard": {"url": {"value": if t.wildcard { v.to_owned() } else { format!("*{v}*") }}}})
                    }
                    "hashtag" => exact("hashtags"),
                    "mention" => exact("mentions"),
                    f => exact(f),
                }
            }
        },
    }
}

impl Query {
    /// The query as an SQLite FTS5 `MATCH` expression, or an error naming the construct FTS5
    /// cannot express.
    pub fn to_fts5(&self) -> Result<String> {
        fts(self, &self.root)
    }

    /// The query as Elasticsearch / OpenSearch query DSL (`{"query": …}`).
    pub fn to_elasticsearch(&self) -> Json {
        json!({"query": es(&self.root)})
    }
}
