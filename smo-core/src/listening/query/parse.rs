//! The Boolean query dialect: lexer, parser and its exact errors.
//!
//! Grammar (`docs/listening.md` prints it with examples):
//!
//! ```text
//! query    = expr
//! expr     = clause { ( "AND" | "OR" | "NOT" | (nothing: AND) ) clause }   -- one kind of operator a level
//! clause   = "NOT" clause | near
//! near     = operand [ ("NEAR/" n | "NEAR/" n "f") operand ]
//! operand  = "(" expr ")" | phrase [ "~" n ] | "{" word "}" | field ":" value | term
//! term     = word with "*" / "?" inside or at the end, or "#" word, or "@" word
//! value    = term | phrase | "[" (number | "*") " TO " (number | "*") "]"
//! ```
//!
//! `a NOT b` reads as `a AND NOT b`. AND (or juxtaposition) and OR cannot share a level without
//! brackets: `a AND b OR c` is an error that says where to put them, as Brandwatch and Talkwalker
//! refuse it too.

use serde::Serialize;

use crate::error::{Error, closest};

use super::text::{Kind, fold};

/// The longest query, in characters.
pub const MAX_LEN: usize = 4096;
/// The largest NEAR or `~` distance.
pub const MAX_DISTANCE: u32 = 100;

/// The fields a query can filter on.
pub const FIELDS: &[&str] = &[
    "author",
    "network",
    "lang",
    "site",
    "url",
    "hashtag",
    "mention",
    "followers",
    "likes",
    "reposts",
    "replies",
    "quotes",
    "views",
    "reach",
    "engagement",
];

/// A word pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// As written in the query (sigil and wildcards included).
    pub text: String,
    /// The folded pattern (case-sensitive terms: as written), without sigil.
    pub pattern: String,
    /// Whether the pattern has `*` or `?`.
    pub wildcard: bool,
    /// `{Term}`: compared as written.
    pub case_sensitive: bool,
    /// Word (any token), hashtag or handle only.
    #[serde(skip)]
    pub kind: Kind,
    /// Byte span in the query.
    pub span: (usize, usize),
}

/// A numeric range `[min TO max]`; `None` is `*`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    /// Lowest value (inclusive).
    pub min: Option<f64>,
    /// Highest value (inclusive).
    pub max: Option<f64>,
}

/// A field filter's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A word or pattern.
    Text(Term),
    /// A numeric range.
    Range(Range),
}

/// A node of the query tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum Node {
    /// A word.
    Term {
        /// The pattern.
        term: Term,
    },
    /// Words in a row, or within `slop` tokens of one another in any order (`"a b"~n`).
    Phrase {
        /// The words.
        terms: Vec<Term>,
        /// `~n`.
        slop: Option<u32>,
        /// Byte span in the query.
        span: (usize, usize),
    },
    /// Two operands with at most `distance` tokens between them.
    Near {
        /// Left operand.
        left: Box<Node>,
        /// Right operand.
        right: Box<Node>,
        /// Tokens allowed between.
        distance: u32,
        /// `NEAR/nf`: left before right.
        ordered: bool,
        /// Byte span of the operator.
        span: (usize, usize),
    },
    /// All of them.
    And {
        /// Operands.
        nodes: Vec<Node>,
    },
    /// Any of them.
    Or {
        /// Operands.
        nodes: Vec<Node>,
    },
    /// Not this.
    Not {
        /// Operand.
        node: Box<Node>,
    },
    /// A filter on a field of the mention.
    Field {
        /// Field name.
        field: String,
        /// Value.
        value: Value,
        /// Byte span in the query.
        span: (usize, usize),
    },
}

/// A warning about a query that parses but will surprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Byte offset.
    pub offset: usize,
    /// What will surprise, and what to do.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(String, Option<u32>),
    Exact(String),
    LParen,
    RParen,
    And,
    Or,
    Not,
    Near(u32, bool),
    Field(String),
    Range(Range),
}

#[derive(Debug, Clone)]
struct Lexed {
    tok: Tok,
    start: usize,
    end: usize,
}

fn column(text: &str, offset: usize) -> u64 {
    crate::error::line_column(text, offset).1
}

/// A query error at `offset` of `text`, with its column and token.
pub(super) fn error(text: &str, offset: usize, token: &str, message: impl Into<String>) -> Error {
    Error::Query {
        offset: offset as u64,
        column: column(text, offset),
        token: token.chars().take(40).collect(),
        message: message.into(),
    }
}

fn lex(q: &str) -> Result<Vec<Lexed>, Error> {
    let b = q.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = q[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        match c {
            '(' => {
                out.push(Lexed {
                    tok: Tok::LParen,
                    start,
                    end: i + 1,
                });
                i += 1;
            }
            ')' => {
                out.push(Lexed {
                    tok: Tok::RParen,
                    start,
                    end: i + 1,
                });
                i += 1;
            }
            '"' => {
                let Some(close) = q[i + 1..].find('"') else {
                    return Err(error(
                        q,
                        i,
                        "\"",
                        "this quote is never closed: add the closing `\"`",
                    ));
                };
                let inner = q[i + 1..i + 1 + close].to_owned();
                i += close + 2;
                let mut slop = None;
                if q[i..].starts_with('~') {
                    let digits: String = q[i + 1..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    if digits.is_empty() {
                        return Err(error(
                            q,
                            i,
                            "~",
                            "expected a number after `~`, as in \"a b\"~5",
                        ));
                    }
                    let n: u32 = digits.parse().unwrap_or(u32::MAX);
                    if n == 0 || n > MAX_DISTANCE {
                        return Err(error(
                            q,
                            i,
                            &format!("~{digits}"),
                            format!("the distance must be 1 to {MAX_DISTANCE}"),
                        ));
                    }
                    slop = Some(n);
                    i += 1 + digits.len();
                }
                out.push(Lexed {
                    tok: Tok::Phrase(inner, slop),
                    start,
                    end: i,
                });
            }
            '{' => {
                let Some(close) = q[i + 1..].find('}') else {
                    return Err(error(q, i, "{", "this `{` is never closed: write {Term}"));
                };
                let inner = q[i + 1..i + 1 + close].trim().to_owned();
                i += close + 2;
                out.push(Lexed {
                    tok: Tok::Exact(inner),
                    start,
                    end: i,
                });
            }
            '[' => {
                let Some(close) = q[i + 1..].find(']') else {
                    return Err(error(
                        q,
                        i,
                        "[",
                        "this `[` is never closed: write [min TO max]",
                    ));
                };
                let inner = &q[i + 1..i + 1 + close];
                let parts: Vec<&str> = inner.split(" TO ").collect();
                let bound = |s: &str| -> Result<Option<f64>, Error> {
                    let s = s.trim();
                    if s == "*" {
                        Ok(None)
                    } else {
                        s.parse::<f64>()
                            .ok()
                            .filter(|v| v.is_finite())
                            .map(Some)
                            .ok_or_else(|| error(q, i, s, "expected a number or `*` in the range"))
                    }
                };
                if parts.len() != 2 {
                    return Err(error(
                        q,
                        i,
                        inner,
                        "expected [min TO max], e.g. [1000 TO *] (TO in capitals)",
                    ));
                }
                let r = Range {
                    min: bound(parts[0])?,
                    max: bound(parts[1])?,
                };
                i += close + 2;
                out.push(Lexed {
                    tok: Tok::Range(r),
                    start,
                    end: i,
                });
            }
            _ => {
                // A word: up to whitespace or a delimiter; a field's value right after its `:`
                // keeps its own colons (`url:https://…`).
                let value_of_field = out
                    .last()
                    .is_some_and(|l: &Lexed| matches!(l.tok, Tok::Field(_)) && l.end == i);
                let mut j = i;
                for (k, ch) in q[i..].char_indices() {
                    if ch.is_whitespace() || matches!(ch, '(' | ')' | '"' | '{' | '[') {
                        break;
                    }
                    j = i + k + ch.len_utf8();
                    if ch == ':' && !value_of_field {
                        break;
                    }
                }
                let word = &q[i..j];
                i = j;
                let tok = if let Some(name) = word.strip_suffix(':').filter(|_| !value_of_field) {
                    Tok::Field(name.to_owned())
                } else {
                    match word {
                        "AND" => Tok::And,
                        "OR" => Tok::Or,
                        "NOT" => Tok::Not,
                        w if w.starts_with("NEAR/") => {
                            let rest = &w[5..];
                            let (digits, ordered) = match rest.strip_suffix('f') {
                                Some(d) => (d, true),
                                None => (rest, false),
                            };
                            let n: u32 = digits.parse().map_err(|_| {
                                error(q, start, w, "expected NEAR/n or NEAR/nf with a number n")
                            })?;
                            if n == 0 || n > MAX_DISTANCE {
                                return Err(error(
                                    q,
                                    start,
                                    w,
                                    format!("the NEAR distance must be 1 to {MAX_DISTANCE}"),
                                ));
                            }
                            Tok::Near(n, ordered)
                        }
                        w => Tok::Word(w.to_owned()),
                    }
                };
                out.push(Lexed { tok, start, end: j });
            }
        }
    }
    Ok(out)
}

fn term(
    q: &str,
    raw: &str,
    start: usize,
    end: usize,
    case_sensitive: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Term, Error> {
    word(q, raw, start, end, case_sensitive, false, warnings)
}

/// A term; a field's value (`field_value`) may hold dots, slashes and hyphens (`site:`, `url:`).
fn word(
    q: &str,
    raw: &str,
    start: usize,
    end: usize,
    case_sensitive: bool,
    field_value: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Term, Error> {
    let (kind, body) = match raw.chars().next() {
        Some('#') => (Kind::Hashtag, &raw[1..]),
        Some('@') => (Kind::Handle, &raw[1..]),
        _ => (Kind::Word, raw),
    };
    // Punctuation the tokenizer drops (a trailing comma, an apostrophe) is not part of a word.
    let body = if field_value {
        body
    } else {
        body.trim_matches(|c: char| !(c.is_alphanumeric() || c == '*' || c == '?'))
    };
    if body.is_empty() {
        return Err(error(q, start, raw, "expected a word"));
    }
    if body.starts_with(['*', '?']) {
        return Err(error(
            q,
            start,
            raw,
            "a wildcard cannot start a word: give at least one letter before `*` or `?`",
        ));
    }
    let wildcard = body.contains(['*', '?']);
    if wildcard {
        let prefix = body.chars().take_while(|c| *c != '*' && *c != '?').count();
        if prefix < 3 && body.contains('*') {
            warnings.push(Warning {
                offset: start,
                message: format!("`{raw}`: a prefix of {prefix} letter(s) before `*` matches very many words; give at least 3"),
            });
        }
    }
    if !case_sensitive
        && !field_value
        && body
            .chars()
            .any(|c| !(c.is_alphanumeric() || c == '*' || c == '?' || c == '_'))
    {
        return Err(error(
            q,
            start,
            raw,
            "a term is one word: quote several words as a \"phrase\"",
        ));
    }
    Ok(Term {
        text: raw.to_owned(),
        pattern: if case_sensitive {
            body.to_owned()
        } else {
            fold(body)
        },
        wildcard,
        case_sensitive,
        kind,
        span: (start, end),
    })
}

struct Parser<'a> {
    q: &'a str,
    toks: Vec<Lexed>,
    at: usize,
    warnings: Vec<Warning>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Lexed> {
        self.toks.get(self.at)
    }

    fn end_offset(&self) -> usize {
        self.q.len()
    }

    fn expr(&mut self, depth: usize) -> Result<Node, Error> {
        if depth > 64 {
            let at = self.peek().map_or(self.end_offset(), |t| t.start);
            return Err(error(self.q, at, "(", "brackets nest more than 64 deep"));
        }
        let mut nodes = vec![self.clause(depth)?];
        // The operator of this level: And (AND, NOT, or juxtaposition) or Or.
        let mut level: Option<(bool, usize, String)> = None;
        while let Some(t) = self.peek().cloned() {
            let (is_or, negate, consumed) = match &t.tok {
                Tok::RParen => break,
                Tok::Or => (true, false, true),
                Tok::And => (false, false, true),
                Tok::Not => (false, true, true),
                _ => (false, false, false),
            };
            let label = match &t.tok {
                Tok::Or => "OR",
                Tok::And => "AND",
                Tok::Not => "NOT",
                _ => "a space",
            };
            match &level {
                Some((or, _, first)) if *or != is_or => {
                    return Err(error(
                        self.q,
                        t.start,
                        label,
                        format!(
                            "{label} and {first} at one level: add brackets, e.g. (a AND b) OR c"
                        ),
                    ));
                }
                None => level = Some((is_or, t.start, label.to_owned())),
                _ => {}
            }
            if consumed {
                self.at += 1;
                if self
                    .peek()
                    .is_none_or(|n| matches!(n.tok, Tok::RParen | Tok::And | Tok::Or))
                {
                    let at = self.peek().map_or(self.end_offset(), |n| n.start);
                    return Err(error(
                        self.q,
                        at,
                        label,
                        format!("{label} needs something after it"),
                    ));
                }
            }
            let next = self.clause(depth)?;
            nodes.push(if negate {
                Node::Not {
                    node: Box::new(next),
                }
            } else {
                next
            });
        }
        Ok(match (nodes.len(), level) {
            (1, _) => nodes.pop().unwrap_or(Node::And { nodes: Vec::new() }),
            (_, Some((true, _, _))) => Node::Or { nodes },
            _ => Node::And { nodes },
        })
    }

    fn clause(&mut self, depth: usize) -> Result<Node, Error> {
        let Some(t) = self.peek().cloned() else {
            return Err(error(
                self.q,
                self.end_offset(),
                "",
                "the query ends where a term was expected",
            ));
        };
        if matches!(t.tok, Tok::Not) {
            self.at += 1;
            let inner = self.clause(depth)?;
            return Ok(Node::Not {
                node: Box::new(inner),
            });
        }
        let left = self.operand(depth)?;
        if let Some(Lexed {
            tok: Tok::Near(n, ordered),
            start,
            end,
        }) = self.peek().cloned()
        {
            self.at += 1;
            let right = self.operand(depth)?;
            for side in [&left, &right] {
                if !near_operand(side) {
                    return Err(error(
                        self.q,
                        start,
                        &self.q[start..end],
                        "NEAR joins terms, phrases or (a OR b) groups of them, not fields, NOT or AND",
                    ));
                }
            }
            if let Some(Lexed {
                tok: Tok::Near(..),
                start,
                end,
            }) = self.peek().cloned()
            {
                return Err(error(
                    self.q,
                    start,
                    &self.q[start..end],
                    "chain NEAR with brackets: (a NEAR/3 b) NEAR/5 c is not supported; use a phrase or AND",
                ));
            }
            return Ok(Node::Near {
                left: Box::new(left),
                right: Box::new(right),
                distance: n,
                ordered,
                span: (start, end),
            });
        }
        Ok(left)
    }

    fn operand(&mut self, depth: usize) -> Result<Node, Error> {
        let Some(t) = self.peek().cloned() else {
            return Err(error(
                self.q,
                self.end_offset(),
                "",
                "the query ends where a term was expected",
            ));
        };
        self.at += 1;
        let text = &self.q[t.start..t.end];
        match t.tok {
            Tok::LParen => {
                if self.peek().is_some_and(|n| matches!(n.tok, Tok::RParen)) {
                    return Err(error(self.q, t.start, "()", "empty brackets"));
                }
                let inner = self.expr(depth + 1)?;
                match self.peek() {
                    Some(Lexed {
                        tok: Tok::RParen, ..
                    }) => {
                        self.at += 1;
                        Ok(inner)
                    }
                    _ => Err(error(
                        self.q,
                        t.start,
                        "(",
                        "this bracket is never closed: add `)`",
                    )),
                }
            }
            Tok::RParen => Err(error(self.q, t.start, ")", "this `)` closes no bracket")),
            Tok::And | Tok::Or | Tok::Near(..) => Err(error(
                self.q,
                t.start,
                text,
                format!("{text} needs a term before it"),
            )),
            Tok::Not => Err(error(self.q, t.start, "NOT", "NOT needs a term after it")),
            Tok::Range(_) => Err(error(
                self.q,
                t.start,
                text,
                "a range goes after a numeric field: followers:[1000 TO *]",
            )),
            Tok::Word(w) => Ok(Node::Term {
                term: term(self.q, &w, t.start, t.end, false, &mut self.warnings)?,
            }),
            Tok::Exact(w) => Ok(Node::Term {
                term: term(self.q, &w, t.start, t.end, true, &mut self.warnings)?,
            }),
            Tok::Phrase(p, slop) => {
                let mut terms = Vec::new();
                let mut offset = t.start + 1;
                for w in p.split_whitespace() {
                    let at = p.find(w).map_or(offset, |k| t.start + 1 + k);
                    offset = at;
                    // A phrase word may carry punctuation; its words come from the tokenizer.
                    for tok in super::text::tokens(w) {
                        let sub = &w[tok.start..tok.end];
                        let sub = if w[tok.end..].starts_with(['*', '?']) {
                            &w[tok.start..tok.end + 1]
                        } else {
                            sub
                        };
                        terms.push(term(
                            self.q,
                            sub,
                            at + tok.start,
                            at + tok.end,
                            false,
                            &mut self.warnings,
                        )?);
                    }
                }
                if terms.is_empty() {
                    return Err(error(self.q, t.start, text, "an empty phrase"));
                }
                Ok(Node::Phrase {
                    terms,
                    slop,
                    span: (t.start, t.end),
                })
            }
            Tok::Field(name) => {
                let field = name.to_ascii_lowercase();
                if !FIELDS.contains(&field.as_str()) {
                    let hint = closest(&field, FIELDS.iter().copied())
                        .map(|c| format!(" (did you mean `{c}:`?)"))
                        .unwrap_or_default();
                    return Err(error(
                        self.q,
                        t.start,
                        text,
                        format!(
                            "`{name}:` is not a field{hint}: use one of {}",
                            FIELDS.join(", ")
                        ),
                    ));
                }
                let numeric = matches!(
                    field.as_str(),
                    "followers"
                        | "likes"
                        | "reposts"
                        | "replies"
                        | "quotes"
                        | "views"
                        | "reach"
                        | "engagement"
                );
                let Some(v) = self.peek().cloned() else {
                    return Err(error(
                        self.q,
                        t.end,
                        text,
                        format!("`{name}:` needs a value"),
                    ));
                };
                self.at += 1;
                let value = match (&v.tok, numeric) {
                    (Tok::Range(r), true) => Value::Range(*r),
                    (Tok::Word(w), true) => {
                        let n: f64 = w.parse().map_err(|_| {
                            error(
                                self.q,
                                v.start,
                                w,
                                format!("`{name}:` takes a number or a range [min TO max]"),
                            )
                        })?;
                        Value::Range(Range {
                            min: Some(n),
                            max: Some(n),
                        })
                    }
                    (Tok::Word(w), false) => Value::Text(word(
                        self.q,
                        w,
                        v.start,
                        v.end,
                        false,
                        true,
                        &mut self.warnings,
                    )?),
                    (Tok::Phrase(p, None), false) => Value::Text(Term {
                        text: p.clone(),
                        pattern: fold(p),
                        wildcard: false,
                        case_sensitive: false,
                        kind: Kind::Word,
                        span: (v.start, v.end),
                    }),
                    _ => {
                        return Err(error(
                            self.q,
                            v.start,
                            &self.q[v.start..v.end],
                            format!(
                                "`{name}:` takes {}",
                                if numeric {
                                    "a number or [min TO max]"
                                } else {
                                    "a word or a \"quoted value\""
                                }
                            ),
                        ));
                    }
                };
                Ok(Node::Field {
                    field,
                    value,
                    span: (t.start, v.end),
                })
            }
        }
    }
}

fn near_operand(n: &Node) -> bool {
    match n {
        Node::Term { .. } | Node::Phrase { slop: None, .. } => true,
        Node::Or { nodes } => nodes.iter().all(near_operand),
        _ => false,
    }
}

fn only_negative(n: &Node) -> bool {
    match n {
        Node::Not { .. } => true,
        Node::And { nodes } => nodes.iter().all(only_negative),
        _ => false,
    }
}

/// Parses a query into its tree and warnings.
pub(super) fn parse(q: &str) -> Result<(Node, Vec<Warning>), Error> {
    let chars = q.chars().count();
    if chars > MAX_LEN {
        let at = q.char_indices().nth(MAX_LEN).map_or(q.len(), |(i, _)| i);
        return Err(error(
            q,
            at,
            "",
            format!(
                "the query is {chars} characters long; smo takes at most {MAX_LEN}: split it into several queries"
            ),
        ));
    }
    let toks = lex(q)?;
    if toks.is_empty() {
        return Err(error(q, 0, "", "the query is empty"));
    }
    let mut p = Parser {
        q,
        toks,
        at: 0,
        warnings: Vec::new(),
    };
    let node = p.expr(0)?;
    if let Some(t) = p.peek() {
        return Err(error(
            q,
            t.start,
            &q[t.start..t.end],
            "this `)` closes no bracket",
        ));
    }
    let mut warnings = p.warnings;
    if only_negative(&node) {
        warnings.push(Warning { offset: 0, message: "the query only excludes (NOT …): it matches every other mention; add what to look for".into() });
    }
    Ok((node, warnings))
}
