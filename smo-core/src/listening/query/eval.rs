//! Matching: a query compiled against a vocabulary, evaluated on tokenized mentions.
//!
//! A collection of mentions is tokenized once into an [`Index`]: a vocabulary of folded words,
//! each mention's token ids in order, and postings (the mentions each word occurs in). A query
//! is compiled against the vocabulary (each term becomes the set of word ids its pattern
//! matches, wildcards by a scan of the vocabulary), the postings give a superset of the
//! mentions that can match, and each candidate is checked exactly, positions included. One
//! mention is an index of one.

use std::collections::HashMap as StdHashMap;
use std::hash::BuildHasherDefault;

use crate::traffic::fnv::Fnv;

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

use serde::Serialize;

use super::parse::{Node, Range, Term, Value};
use super::text::{Kind, Token, fold, fold_into, tokens};
use crate::listening::mention::Mention;

/// The tokens of many mentions, for many queries.
#[derive(Debug, Clone, Default)]
pub struct Index {
    vocab: HashMap<String, u32>,
    words: Vec<String>,
    /// Per mention: first token in `ids`.
    starts: Vec<u32>,
    ids: Vec<u32>,
    kinds: Vec<Kind>,
    postings: Vec<Vec<u32>>,
}

impl Index {
    /// Tokenizes `texts` (one per mention, in order), in chunks on all cores; word ids follow
    /// first appearance, so the index is the same whatever the number of cores.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        use rayon::prelude::*;
        /// One chunk: its own vocabulary (first appearance order) and tokens with local ids.
        struct Part {
            words: Vec<String>,
            counts: Vec<u32>,
            ids: Vec<u32>,
            kinds: Vec<Kind>,
        }
        let texts: Vec<&str> = texts.into_iter().collect();
        let parts: Vec<Part> = texts
            .par_chunks(4096)
            .map(|chunk| {
                let mut local: HashMap<String, u32> = HashMap::default();
                let mut part = Part {
                    words: Vec::new(),
                    counts: Vec::with_capacity(chunk.len()),
                    ids: Vec::new(),
                    kinds: Vec::new(),
                };
                let mut w = String::new();
                for text in chunk {
                    let before = part.ids.len();
                    for t in tokens(text) {
                        fold_into(&text[t.word..t.end], &mut w);
                        let id = match local.get(w.as_str()) {
                            Some(id) => *id,
                            None => {
                                let id = part.words.len() as u32;
                                local.insert(w.clone(), id);
                                part.words.push(w.clone());
                                id
                            }
                        };
                        part.ids.push(id);
                        part.kinds.push(t.kind);
                    }
                    part.counts.push((part.ids.len() - before) as u32);
                }
                part
            })
            .collect();
        let mut ix = Index::default();
        let mut doc = 0u32;
        for part in parts {
            let map: Vec<u32> = part
                .words
                .into_iter()
                .map(|w| match ix.vocab.get(w.as_str()) {
                    Some(id) => *id,
                    None => {
                        let id = ix.words.len() as u32;
                        ix.vocab.insert(w.clone(), id);
                        ix.words.push(w);
                        ix.postings.push(Vec::new());
                        id
                    }
                })
                .collect();
            let mut at = 0usize;
            for n in part.counts {
                ix.starts.push(ix.ids.len() as u32);
                for k in at..at + n as usize {
                    let id = map[part.ids[k] as usize];
                    let p = &mut ix.postings[id as usize];
                    if p.last() != Some(&doc) {
                        p.push(doc);
                    }
                    ix.ids.push(id);
                    ix.kinds.push(part.kinds[k]);
                }
                at += n as usize;
                doc += 1;
            }
        }
        ix
    }

    /// Mentions indexed.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether no mention is indexed.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    fn doc(&self, d: usize) -> (&[u32], &[Kind]) {
        let a = self.starts[d] as usize;
        let b = self
            .starts
            .get(d + 1)
            .map_or(self.ids.len(), |x| *x as usize);
        (&self.ids[a..b], &self.kinds[a..b])
    }

    /// Distinct words.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }
}

/// `*` any run of characters, `?` one character.
pub(super) fn glob(pattern: &str, word: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let w: Vec<char> = word.chars().collect();
    let (mut i, mut j, mut star, mut mark) = (0usize, 0usize, None, 0usize);
    while j < w.len() {
        if i < p.len() && (p[i] == '?' || p[i] == w[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    while i < p.len() && p[i] == '*' {
        i += 1;
    }
    i == p.len()
}

/// A term resolved to word ids.
#[derive(Debug, Clone)]
struct Leaf {
    /// Sorted word ids.
    ids: Vec<u32>,
    kind: Kind,
    case: Option<String>,
}

impl Leaf {
    fn has(&self, id: u32) -> bool {
        match self.ids.as_slice() {
            [one] => *one == id,
            many => many.binary_search(&id).is_ok(),
        }
    }
}

/// A query compiled against one index.
pub(super) struct Compiled<'a> {
    ix: &'a Index,
    leaves: HashMap<(usize, usize), Leaf>,
}

impl<'a> Compiled<'a> {
    pub(super) fn new(ix: &'a Index, root: &Node) -> Compiled<'a> {
        let mut c = Compiled {
            ix,
            leaves: HashMap::default(),
        };
        c.walk(root);
        c
    }

    fn resolve(&mut self, t: &Term) {
        let pattern = if t.case_sensitive {
            fold(&t.pattern)
        } else {
            t.pattern.clone()
        };
        let ids: Vec<u32> = if t.wildcard {
            self.ix
                .words
                .iter()
                .enumerate()
                .filter(|(_, w)| glob(&pattern, w))
                .map(|(i, _)| i as u32)
                .collect()
        } else {
            self.ix
                .vocab
                .get(pattern.as_str())
                .copied()
                .into_iter()
                .collect()
        };
        self.leaves.insert(
            t.span,
            Leaf {
                ids,
                kind: t.kind,
                case: t.case_sensitive.then(|| t.pattern.clone()),
            },
        );
    }

    fn walk(&mut self, n: &Node) {
        match n {
            Node::Term { term } => self.resolve(term),
            Node::Phrase { terms, .. } => terms.iter().for_each(|t| self.resolve(t)),
            Node::Near { left, right, .. } => {
                self.walk(left);
                self.walk(right);
            }
            Node::And { nodes } | Node::Or { nodes } => nodes.iter().for_each(|x| self.walk(x)),
            Node::Not { node } => self.walk(node),
            Node::Field {
                value: Value::Text(t),
                field,
                ..
            } if field == "hashtag" || field == "mention" => self.resolve(t),
            Node::Field { .. } => {}
        }
    }

    /// Whether the postings alone answer `n` exactly (plain words under AND, OR and NOT), so
    /// that its candidates need no check.
    pub(super) fn exact(&self, n: &Node) -> bool {
        match n {
            Node::Term { term } => term.kind == Kind::Word && !term.case_sensitive,
            Node::And { nodes } => {
                nodes.iter().any(|x| !matches!(x, Node::Not { .. }))
                    && nodes.iter().all(|x| self.exact(x))
            }
            Node::Or { nodes } => nodes.iter().all(|x| self.exact(x)),
            Node::Not { node } => self.exact(node),
            _ => false,
        }
    }

    /// The exact answer of an [`exact`](Self::exact) node from the postings.
    pub(super) fn answer(&self, n: &Node, all: usize) -> Vec<u32> {
        match n {
            Node::And { nodes } => {
                let mut pos: Option<Vec<u32>> = None;
                let mut neg: Vec<Vec<u32>> = Vec::new();
                for x in nodes {
                    match x {
                        Node::Not { node } => neg.push(self.answer(node, all)),
                        _ => {
                            let a = self.answer(x, all);
                            pos = Some(match pos {
                                None => a,
                                Some(p) => intersect(&p, &a),
                            });
                        }
                    }
                }
                let mut out = pos.unwrap_or_default();
                for m in neg {
                    out = minus(&out, &m);
                }
                out
            }
            Node::Or { nodes } => {
                let mut out: Vec<u32> = nodes.iter().flat_map(|x| self.answer(x, all)).collect();
                out.sort_unstable();
                out.dedup();
                out
            }
            Node::Not { node } => minus(
                &(0..all as u32).collect::<Vec<_>>(),
                &self.answer(node, all),
            ),
            other => self.candidates(other).unwrap_or_default(),
        }
    }

    /// Mentions that may match (sorted), or `None` for "any".
    pub(super) fn candidates(&self, n: &Node) -> Option<Vec<u32>> {
        let posting = |t: &Term| -> Vec<u32> {
            let mut v: Vec<u32> = self.leaves.get(&t.span).map_or_else(Vec::new, |l| {
                l.ids
                    .iter()
                    .flat_map(|id| self.ix.postings[*id as usize].iter().copied())
                    .collect()
            });
            v.sort_unstable();
            v.dedup();
            v
        };
        match n {
            Node::Term { term } => Some(posting(term)),
            Node::Phrase { terms, .. } => {
                terms.iter().map(posting).reduce(|a, b| intersect(&a, &b))
            }
            Node::Near { left, right, .. } => match (self.candidates(left), self.candidates(right))
            {
                (Some(a), Some(b)) => Some(intersect(&a, &b)),
                (a, b) => a.or(b),
            },
            Node::And { nodes } => nodes
                .iter()
                .filter_map(|x| self.candidates(x))
                .reduce(|a, b| intersect(&a, &b)),
            Node::Or { nodes } => {
                let mut all = Vec::new();
                for x in nodes {
                    all.extend(self.candidates(x)?);
                }
                all.sort_unstable();
                all.dedup();
                Some(all)
            }
            Node::Not { .. } => None,
            Node::Field {
                value: Value::Text(t),
                field,
                ..
            } if field == "hashtag" || field == "mention" => Some(posting(t)),
            Node::Field { .. } => None,
        }
    }
}

fn minus(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut j = 0;
    a.iter()
        .copied()
        .filter(|x| {
            while j < b.len() && b[j] < *x {
                j += 1;
            }
            j >= b.len() || b[j] != *x
        })
        .collect()
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// One place a term matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// The term as written in the query.
    pub term: String,
    /// Token position in the mention (0-based).
    pub token: usize,
    /// Byte span in the mention's text.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// The text there.
    pub text: String,
}

/// Why one part of a query matched or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    /// The part, as written in the query.
    pub clause: String,
    /// Whether it holds for this mention.
    pub matched: bool,
    /// Where its words are.
    pub hits: Vec<Hit>,
    /// NEAR and `~`: the tokens between the closest matches; fields: the mention's value.
    pub detail: Option<String>,
}

/// A match span: first and last token positions.
type Span = (usize, usize);

/// Evaluates on one mention of an index.
pub(super) struct Doc<'a> {
    ids: &'a [u32],
    kinds: &'a [Kind],
    toks: Option<Vec<Token>>,
    mention: &'a Mention,
}

impl<'a> Doc<'a> {
    pub(super) fn new(ix: &'a Index, d: usize, mention: &'a Mention, need_text: bool) -> Doc<'a> {
        let (ids, kinds) = ix.doc(d);
        Doc {
            ids,
            kinds,
            toks: need_text.then(|| tokens(&mention.text)),
            mention,
        }
    }

    fn positions(&self, c: &Compiled<'_>, t: &Term) -> Vec<usize> {
        let Some(leaf) = c.leaves.get(&t.span) else {
            return Vec::new();
        };
        (0..self.ids.len())
            .filter(|&i| {
                leaf.has(self.ids[i]) && (leaf.kind == Kind::Word || leaf.kind == self.kinds[i])
            })
            .filter(|&i| match (&leaf.case, &self.toks) {
                (Some(exact), Some(toks)) => toks
                    .get(i)
                    .is_some_and(|k| self.mention.text[k.word..k.end] == **exact),
                (Some(_), None) => false,
                _ => true,
            })
            .collect()
    }

    fn hit(&self, term: &str, i: usize) -> Hit {
        let toks = self
            .toks
            .clone()
            .unwrap_or_else(|| tokens(&self.mention.text));
        let (s, e) = toks.get(i).map_or((0, 0), |k| (k.start, k.end));
        Hit {
            term: term.to_owned(),
            token: i,
            start: s,
            end: e,
            text: self.mention.text.get(s..e).unwrap_or_default().to_owned(),
        }
    }

    /// The spans where a near-operand (term, phrase, OR of them) matches.
    fn spans(&self, c: &Compiled<'_>, n: &Node) -> Vec<Span> {
        match n {
            Node::Term { term } => self
                .positions(c, term)
                .into_iter()
                .map(|p| (p, p))
                .collect(),
            Node::Phrase {
                terms, slop: None, ..
            } => {
                let first = self.positions(c, &terms[0]);
                let rest: Vec<Vec<usize>> =
                    terms[1..].iter().map(|t| self.positions(c, t)).collect();
                first
                    .into_iter()
                    .filter(|&p| {
                        rest.iter()
                            .enumerate()
                            .all(|(k, ps)| ps.binary_search(&(p + k + 1)).is_ok())
                    })
                    .map(|p| (p, p + terms.len() - 1))
                    .collect()
            }
            Node::Or { nodes } => {
                let mut v: Vec<Span> = nodes.iter().flat_map(|x| self.spans(c, x)).collect();
                v.sort_unstable();
                v
            }
            _ => Vec::new(),
        }
    }

    /// The fewest tokens between a span of `a` and one of `b` (`b` after `a` when ordered).
    fn closest(a: &[Span], b: &[Span], ordered: bool) -> Option<usize> {
        let mut best: Option<usize> = None;
        for x in a {
            for y in b {
                let gap = if y.0 > x.1 {
                    y.0 - x.1 - 1
                } else if !ordered && x.0 > y.1 {
                    x.0 - y.1 - 1
                } else {
                    continue;
                };
                best = Some(best.map_or(gap, |g| g.min(gap)));
            }
        }
        best
    }

    /// The smallest clump holding every term (`"a b"~n`): tokens between its first and last.
    fn clump(lists: &[Vec<usize>]) -> Option<usize> {
        if lists.iter().any(Vec::is_empty) {
            return None;
        }
        let mut all: Vec<(usize, usize)> = lists
            .iter()
            .enumerate()
            .flat_map(|(k, ps)| ps.iter().map(move |p| (*p, k)))
            .collect();
        all.sort_unstable();
        let need = lists.len();
        let mut count = vec![0usize; need];
        let (mut have, mut lo, mut best) = (0usize, 0usize, None::<usize>);
        for hi in 0..all.len() {
            if count[all[hi].1] == 0 {
                have += 1;
            }
            count[all[hi].1] += 1;
            while have == need {
                let width = all[hi].0 - all[lo].0;
                let between = width.saturating_sub(need - 1);
                best = Some(best.map_or(between, |b| b.min(between)));
                count[all[lo].1] -= 1;
                if count[all[lo].1] == 0 {
                    have -= 1;
                }
                lo += 1;
            }
        }
        best
    }

    fn field(&self, field: &str, value: &Value, c: &Compiled<'_>) -> (bool, String) {
        let m = self.mention;
        let text = |t: &Term, v: Option<&str>| -> bool {
            v.is_some_and(|v| {
                let v = fold(v.trim_start_matches('@'));
                if t.wildcard {
                    glob(&t.pattern, &v)
                } else {
                    v == t.pattern
                }
            })
        };
        let num = |r: &Range, v: Option<u64>| -> bool {
            v.is_some_and(|v| {
                r.min.is_none_or(|a| v as f64 >= a) && r.max.is_none_or(|b| v as f64 <= b)
            })
        };
        let e = &m.engagement;
        match (field, value) {
            ("author", Value::Text(t)) => (
                text(t, Some(&m.author.handle)) || text(t, m.author.name.as_deref()),
                m.author.handle.clone(),
            ),
            ("network", Value::Text(t)) => (
                text(t, m.network.map(|n| n.as_str())),
                m.network.map_or("web", |n| n.as_str()).to_owned(),
            ),
            ("lang", Value::Text(t)) => {
                let primary = m
                    .lang
                    .as_deref()
                    .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_owned());
                (
                    text(t, primary.as_deref()) || text(t, m.lang.as_deref()),
                    m.lang.clone().unwrap_or_default(),
                )
            }
            ("site", Value::Text(t)) => {
                let site = m.site();
                let ok = site.as_deref().is_some_and(|s| {
                    let s = fold(s);
                    if t.wildcard {
                        glob(&t.pattern, &s)
                    } else {
                        s == t.pattern || s.ends_with(&format!(".{}", t.pattern))
                    }
                });
                (ok, site.unwrap_or_default())
            }
            ("url", Value::Text(t)) => {
                let u = m.url.as_deref().map(fold).unwrap_or_default();
                let ok = if t.wildcard {
                    glob(&t.pattern, &u)
                } else {
                    !t.pattern.is_empty() && u.contains(&t.pattern)
                };
                (ok, m.url.clone().unwrap_or_default())
            }
            ("hashtag" | "mention", Value::Text(t)) => {
                let kind = if field == "hashtag" {
                    Kind::Hashtag
                } else {
                    Kind::Handle
                };
                let Some(leaf) = c.leaves.get(&t.span) else {
                    return (false, String::new());
                };
                let ok =
                    (0..self.ids.len()).any(|i| self.kinds[i] == kind && leaf.has(self.ids[i]));
                (ok, String::new())
            }
            ("followers", Value::Range(r)) => (num(r, m.author.followers), fmt(m.author.followers)),
            ("likes", Value::Range(r)) => (num(r, e.likes), fmt(e.likes)),
            ("reposts", Value::Range(r)) => (num(r, e.reposts), fmt(e.reposts)),
            ("replies", Value::Range(r)) => (num(r, e.replies), fmt(e.replies)),
            ("quotes", Value::Range(r)) => (num(r, e.quotes), fmt(e.quotes)),
            ("views", Value::Range(r)) => (num(r, e.views), fmt(e.views)),
            ("reach", Value::Range(r)) => (num(r, e.reach), fmt(e.reach)),
            ("engagement", Value::Range(r)) => {
                let total = crate::listening::mention::engagement_total(e);
                (num(r, total), fmt(total))
            }
            _ => (false, String::new()),
        }
    }

    /// Whether `n` holds; with `out`, every leaf's clause is recorded.
    pub(super) fn eval(
        &self,
        c: &Compiled<'_>,
        q: &str,
        n: &Node,
        out: &mut Option<&mut Vec<Clause>>,
    ) -> bool {
        let src = |s: (usize, usize)| q.get(s.0..s.1).unwrap_or_default().to_owned();
        match n {
            Node::Term { term } => {
                let ps = self.positions(c, term);
                if let Some(o) = out.as_deref_mut() {
                    o.push(Clause {
                        clause: term.text.clone(),
                        matched: !ps.is_empty(),
                        hits: ps.iter().map(|p| self.hit(&term.text, *p)).collect(),
                        detail: None,
                    });
                }
                !ps.is_empty()
            }
            Node::Phrase { terms, slop, span } => {
                let (ok, hits, detail) = match slop {
                    None => {
                        let sp = self.spans(c, n);
                        let hits = sp
                            .iter()
                            .flat_map(|(a, b)| (*a..=*b).map(|p| self.hit(&src(*span), p)))
                            .collect();
                        (!sp.is_empty(), hits, None)
                    }
                    Some(k) => {
                        let lists: Vec<Vec<usize>> =
                            terms.iter().map(|t| self.positions(c, t)).collect();
                        let between = Self::clump(&lists);
                        let ok = between.is_some_and(|b| b <= *k as usize);
                        let hits = if out.is_some() {
                            terms
                                .iter()
                                .zip(&lists)
                                .flat_map(|(t, ps)| ps.iter().map(|p| self.hit(&t.text, *p)))
                                .collect()
                        } else {
                            Vec::new()
                        };
                        (
                            ok,
                            hits,
                            Some(between.map_or("not all words present".into(), |b| {
                                format!("{b} token(s) between, at most {k}")
                            })),
                        )
                    }
                };
                if let Some(o) = out.as_deref_mut() {
                    o.push(Clause {
                        clause: src(*span),
                        matched: ok,
                        hits,
                        detail,
                    });
                }
                ok
            }
            Node::Near {
                left,
                right,
                distance,
                ordered,
                span,
            } => {
                let (a, b) = (self.spans(c, left), self.spans(c, right));
                let gap = Self::closest(&a, &b, *ordered);
                let ok = gap.is_some_and(|g| g <= *distance as usize);
                if let Some(o) = out.as_deref_mut() {
                    let mut hits: Vec<Hit> = a
                        .iter()
                        .chain(&b)
                        .flat_map(|(x, y)| (*x..=*y).map(|p| self.hit("", p)))
                        .collect();
                    hits.sort_by_key(|h| h.token);
                    hits.dedup();
                    o.push(Clause {
                        clause: format!("… {} …", src(*span)),
                        matched: ok,
                        hits,
                        detail: Some(match gap {
                            Some(g) => format!(
                                "{g} token(s) between the closest matches, at most {distance}{}",
                                if *ordered { ", in order" } else { "" }
                            ),
                            None if a.is_empty() || b.is_empty() => "one side is absent".into(),
                            None => "the sides are not in order".into(),
                        }),
                    });
                }
                ok
            }
            Node::And { nodes } => {
                if out.is_some() {
                    nodes
                        .iter()
                        .map(|x| self.eval(c, q, x, out))
                        .fold(true, |a, b| a & b)
                } else {
                    nodes.iter().all(|x| self.eval(c, q, x, out))
                }
            }
            Node::Or { nodes } => {
                if out.is_some() {
                    nodes
                        .iter()
                        .map(|x| self.eval(c, q, x, out))
                        .fold(false, |a, b| a | b)
                } else {
                    nodes.iter().any(|x| self.eval(c, q, x, out))
                }
            }
            Node::Not { node } => {
                let start = out.as_ref().map_or(0, |o| o.len());
                let inner = self.eval(c, q, node, out);
                if let Some(o) = out.as_deref_mut() {
                    for cl in &mut o[start..] {
                        cl.clause = format!("NOT {}", cl.clause);
                    }
                }
                !inner
            }
            Node::Field { field, value, span } => {
                let (ok, seen) = self.field(field, value, c);
                if let Some(o) = out.as_deref_mut() {
                    o.push(Clause {
                        clause: src(*span),
                        matched: ok,
                        hits: Vec::new(),
                        detail: Some(format!("{field} is `{seen}`")),
                    });
                }
                ok
            }
        }
    }
}

fn fmt(v: Option<u64>) -> String {
    v.map_or("unknown".into(), |v| v.to_string())
}
