//! Monitoring queries: the Boolean dialect analysts type in Brandwatch and Talkwalker, run
//! offline on the mentions the host hands to smo, with the reason of every match.
//!
//! ```
//! use smo_core::listening::{Mention, Query};
//! let q = Query::parse(r#"("maison lune" OR #MaisonLune) AND (lin NEAR/3 lavé*) NOT soldes"#)?;
//! let m = Mention::new("m1", "2027-01-04T09:00:00Z".parse().unwrap(), "Le lin, joliment lavé, de #MaisonLune");
//! assert!(q.matches(&m));
//! let why = q.explain(&m);
//! assert!(why.clauses.iter().any(|c| c.detail.as_deref() == Some("1 token(s) between the closest matches, at most 3")));
//! // FTS5 has no hashtags: the export says so, with the place.
//! assert!(q.to_fts5().unwrap_err().to_string().contains("byte 18"));
//! let q = Query::parse(r#""maison lune" AND lin NEAR/3 lavé* NOT soldes"#)?;
//! assert_eq!(q.to_fts5()?, r#"("maison" + "lune") AND (NEAR("lin" "lave"*, 3)) NOT ("soldes")"#);
//! # Ok::<(), smo_core::Error>(())
//! ```
//!
//! The dialect, its errors and its warnings are in [`parse`]'s doc and `docs/listening.md`;
//! how a text becomes tokens (UAX #29 words, `#tags` and `@handles` kept, accents and case
//! folded) in [`text`]; matching in [`eval`]; the exports to SQLite FTS5 and to
//! Elasticsearch/OpenSearch in [`export`].

pub mod eval;
pub mod export;
pub mod parse;
pub mod text;

use std::borrow::Borrow;

use serde::Serialize;

use crate::error::Result;

pub use eval::{Clause, Hit, Index};
pub use parse::{Node, Warning};

use super::mention::Mention;

/// A parsed monitoring query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Query {
    /// The query as written.
    pub text: String,
    /// Its tree.
    pub root: Node,
    /// What will surprise (a very short wildcard prefix, a query that only excludes).
    pub warnings: Vec<Warning>,
}

/// Why a mention is in or out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The mention's id.
    pub mention: String,
    /// Whether the query matches it.
    pub matched: bool,
    /// Every term, phrase, NEAR and field of the query, in order, with where it matched.
    pub clauses: Vec<Clause>,
}

fn case_sensitive(n: &Node) -> bool {
    match n {
        Node::Term { term } => term.case_sensitive,
        Node::Phrase { terms, .. } => terms.iter().any(|t| t.case_sensitive),
        Node::Near { left, right, .. } => case_sensitive(left) || case_sensitive(right),
        Node::And { nodes } | Node::Or { nodes } => nodes.iter().any(case_sensitive),
        Node::Not { node } => case_sensitive(node),
        Node::Field { .. } => false,
    }
}

impl Query {
    /// Parses a query. Errors say the byte offset and column, the token and what was expected.
    ///
    /// ```
    /// let e = smo_core::listening::Query::parse("lin AND lavé OR drap").unwrap_err();
    /// assert_eq!(e.to_string(), "query error at column 14 (byte 14), `OR`: OR and AND at one level: add brackets, e.g. (a AND b) OR c");
    /// ```
    pub fn parse(text: &str) -> Result<Query> {
        let (root, warnings) = parse::parse(text)?;
        Ok(Query {
            text: text.to_owned(),
            root,
            warnings,
        })
    }

    /// Whether the query matches `mention`.
    pub fn matches(&self, mention: &Mention) -> bool {
        let ix = Index::new([mention.text.as_str()]);
        let c = eval::Compiled::new(&ix, &self.root);
        eval::Doc::new(&ix, 0, mention, case_sensitive(&self.root))
            .eval(&c, &self.text, &self.root, &mut None)
    }

    /// Which terms matched where (token positions, byte spans, NEAR distances, field values).
    pub fn explain(&self, mention: &Mention) -> Explanation {
        let ix = Index::new([mention.text.as_str()]);
        let c = eval::Compiled::new(&ix, &self.root);
        let mut clauses = Vec::new();
        let matched = eval::Doc::new(&ix, 0, mention, true).eval(
            &c,
            &self.text,
            &self.root,
            &mut Some(&mut clauses),
        );
        Explanation {
            mention: mention.id.clone(),
            matched,
            clauses,
        }
    }

    /// The positions in `mentions` (indexed by `index`, built from the same mentions in the same
    /// order) that the query matches, ascending.
    pub fn search<M: Borrow<Mention>>(&self, index: &Index, mentions: &[M]) -> Vec<usize> {
        let c = eval::Compiled::new(index, &self.root);
        let need_text = case_sensitive(&self.root);
        let check = |d: usize| {
            eval::Doc::new(index, d, mentions[d].borrow(), need_text)
                .eval(&c, &self.text, &self.root, &mut None)
        };
        if c.exact(&self.root) {
            return c
                .answer(&self.root, mentions.len().min(index.len()))
                .into_iter()
                .map(|d| d as usize)
                .filter(|d| *d < mentions.len())
                .collect();
        }
        match c.candidates(&self.root) {
            Some(cands) => cands
                .into_iter()
                .map(|d| d as usize)
                .filter(|d| *d < mentions.len() && check(*d))
                .collect(),
            None => (0..mentions.len().min(index.len()))
                .filter(|d| check(*d))
                .collect(),
        }
    }
}

/// Runs every query over `mentions` (owned or borrowed), indexing them once; one list of
/// matching positions per query, on all cores.
pub fn search_all<M: Borrow<Mention> + Sync>(queries: &[Query], mentions: &[M]) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    let index = Index::new(mentions.iter().map(|m| m.borrow().text.as_str()));
    queries
        .par_iter()
        .map(|q| q.search(&index, mentions))
        .collect()
}
