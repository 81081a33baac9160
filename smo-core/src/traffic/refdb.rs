//! The referrer database the classifier reads: smo's embedded table ([`super::domains`]), and
//! the analyst's own files merged over it ([`load_referer_database`]).
//!
//! Analysts know two public formats, and both can be brought: Snowplow's referer database
//! (`referers.yml` or its JSON form: medium → source → `domains` and `parameters`) and Matomo's
//! `searchengine-and-social-list` (`SearchEngines.yml`: name → entries with `urls` and `params`;
//! `Socials.yml`: name → hosts). smo ships neither (Snowplow's is GPL-3.0): the user hands the
//! files in, and smo reads them into the same rules as its own table.
//!
//! A rule names a host, which matches the host and its subdomains, or a brand on any country
//! domain (`google.{}` in Matomo's notation, with an optional sub-label such as `images.`),
//! optionally a path prefix (`google.com/imgres`), and where the search term is: a query
//! parameter (`q`), a fragment parameter (`#q`), a path segment (`/search/{}`), or, from a
//! Matomo file, a regular expression over the path and query (`/\/search\/([^\/]+)/`).
//!
//! **Precedence**, the same for every rule whatever its file: the rule that covers more of the
//! host wins (`mail.yahoo.com` over `yahoo.com`; `mail.yahoo.*` over `yahoo.*`); at equal
//! coverage the longer path prefix wins (`orange.fr/webmail` over `orange.fr`, `bing.*/images`
//! over `bing.com`), then a named host over a brand on any country domain, then the later
//! source: the user's files in the order given, all over the embedded table. So a user's file can correct any row of smo's, and add
//! more specific ones, without removing the rest.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

use super::domains::{BRANDS, DOMAINS, Medium, TABLE_VERSION};
use super::fnv::Fnv;
use crate::error::{Error, Format, Position, Result};
use crate::network::Network;

/// The version reported by classifications that used a user's database.
pub const CUSTOM_VERSION: &str = "smo-referrers@2026-12+custom";

/// Where a rule finds the search term.
#[derive(Debug, Clone)]
pub enum Term {
    /// A query parameter.
    Query(Box<str>),
    /// A parameter of the fragment (`#q=…`).
    Fragment(Box<str>),
    /// The path segment after a prefix (`/search/{}`).
    PathAfter(Box<str>),
    /// The first group of a regular expression over the path and query (Matomo files).
    Pattern(regex::Regex),
}

impl Term {
    /// Reads smo's notation: `#q`, `/search/{}`, else a query parameter.
    fn parse(spec: &str) -> Term {
        if let Some(p) = spec.strip_prefix('#') {
            Term::Fragment(p.into())
        } else if let Some(prefix) = spec.strip_suffix("{}").filter(|p| p.starts_with('/')) {
            Term::PathAfter(prefix.into())
        } else {
            Term::Query(spec.into())
        }
    }
}

/// What a rule matches in the host.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    /// The host and its subdomains.
    Host(Box<str>),
    /// `<prefix>.<label>.<country suffix>`.
    Brand { prefix: Box<str>, label: Box<str> },
}

/// One rule of the database.
#[derive(Debug, Clone)]
pub struct Rule {
    pattern: Pattern,
    /// The path prefix, empty for any path.
    pub path: Box<str>,
    /// Medium.
    pub medium: Medium,
    /// Display name of the source.
    pub source: Cow<'static, str>,
    /// The network, for social rules of a network smo knows.
    pub network: Option<Network>,
    /// Where the search term is.
    pub terms: Vec<Term>,
    /// Where the rule comes from (a reference, or the user's file and entry).
    pub reference: Cow<'static, str>,
    /// When it was checked (the embedded table), or empty.
    pub as_of: Cow<'static, str>,
    /// 0 for the embedded table, then the user's files in order.
    pub origin: u16,
}

impl Rule {
    /// The host or brand pattern as written in Matomo's notation (`mail.yahoo.{}`).
    pub fn pattern(&self) -> String {
        match &self.pattern {
            Pattern::Host(h) => h.to_string(),
            Pattern::Brand { prefix, label } if prefix.is_empty() => format!("{label}.{{}}"),
            Pattern::Brand { prefix, label } => format!("{prefix}.{label}.{{}}"),
        }
    }
}

/// The format of a user's referrer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefererFormat {
    /// Told from the content.
    Auto,
    /// Snowplow's `referers.yml` / `referers.json`.
    Snowplow,
    /// Matomo's `SearchEngines.yml`.
    MatomoSearch,
    /// Matomo's `Socials.yml`.
    MatomoSocial,
}

impl std::str::FromStr for RefererFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "" | "auto" => Ok(RefererFormat::Auto),
            "snowplow" => Ok(RefererFormat::Snowplow),
            "matomo_search" | "matomo_searchengines" | "searchengines" => {
                Ok(RefererFormat::MatomoSearch)
            }
            "matomo_social" | "matomo_socials" | "socials" => Ok(RefererFormat::MatomoSocial),
            _ => Err(Error::Argument {
                name: "format".into(),
                message: format!(
                    "`{s}` is not a referrer file format: use auto, snowplow, matomo_search or matomo_social"
                ),
            }),
        }
    }
}

/// A user's file to merge over the embedded table.
#[derive(Debug, Clone, Copy)]
pub struct RefererFile<'a> {
    /// A name for messages and provenance (the file name).
    pub name: &'a str,
    /// The file's text (YAML or JSON).
    pub text: &'a str,
    /// Its format.
    pub format: RefererFormat,
}

/// A user's file as merged: name, format read, rules taken, and a hash of its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DatabaseFile {
    /// The name given.
    pub name: String,
    /// The format read (never `auto`).
    pub format: RefererFormat,
    /// Rules read from it.
    pub rules: usize,
    /// FNV-1a 64 of its text, hexadecimal: which version of the file was used.
    pub hash: String,
}

type Map = HashMap<Box<str>, Vec<u32>, BuildHasherDefault<Fnv>>;

/// The rules the classifier reads: the embedded table, and the user's files merged over it.
pub struct RefererDatabase {
    rules: Vec<Rule>,
    hosts: Map,
    brands: Map,
    files: Vec<DatabaseFile>,
}

impl fmt::Debug for RefererDatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefererDatabase")
            .field("rules", &self.rules.len())
            .field("files", &self.files)
            .finish()
    }
}

/// Two databases are the same when they merged the same files over the same embedded table.
impl PartialEq for RefererDatabase {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
    }
}
impl Eq for RefererDatabase {}

/// Second-level labels of country suffixes (`co.uk`, `com.au`, `ne.jp`), after which a brand
/// label may stand.
const SECOND_LEVELS: &[&str] = &[
    "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gen", "biz", "info",
];

/// Labels of a host, right to left, at most this many (longer hosts skip brand rules).
const MAX_LABELS: usize = 16;

impl RefererDatabase {
    fn build(rules: Vec<Rule>, files: Vec<DatabaseFile>) -> RefererDatabase {
        let mut hosts = Map::default();
        let mut brands = Map::default();
        for (i, r) in rules.iter().enumerate() {
            match &r.pattern {
                Pattern::Host(h) => hosts.entry(h.clone()).or_default().push(i as u32),
                Pattern::Brand { label, .. } => {
                    brands.entry(label.clone()).or_default().push(i as u32)
                }
            }
        }
        RefererDatabase {
            rules,
            hosts,
            brands,
            files,
        }
    }

    /// smo's own table, built once.
    pub fn embedded() -> &'static RefererDatabase {
        static DB: OnceLock<RefererDatabase> = OnceLock::new();
        DB.get_or_init(|| RefererDatabase::build(embedded_rules(), Vec::new()))
    }

    /// Every rule, embedded first, then the user's files in order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The user's files merged, in order (empty for the embedded table).
    pub fn files(&self) -> &[DatabaseFile] {
        &self.files
    }

    /// The version classifications report.
    pub fn version(&self) -> &'static str {
        if self.files.is_empty() {
            TABLE_VERSION
        } else {
            CUSTOM_VERSION
        }
    }

    /// The rule for a lower-case host and a path, by the module's precedence.
    pub(crate) fn best(&self, host: &str, path: &str, app: bool) -> Option<&Rule> {
        // Smaller is better: host labels left uncovered, then the longer path, a named host
        // before a brand, the later source.
        type Rank = (
            usize,
            std::cmp::Reverse<usize>,
            bool,
            std::cmp::Reverse<u16>,
        );
        let mut best: Option<(Rank, u32)> = None;
        let mut consider = |uncovered: usize, named: bool, id: u32| {
            let r = &self.rules[id as usize];
            if !path.starts_with(&*r.path) {
                return;
            }
            let rank = (
                uncovered,
                std::cmp::Reverse(r.path.len()),
                !named,
                std::cmp::Reverse(r.origin),
            );
            if best.as_ref().is_none_or(|(b, _)| rank < *b) {
                best = Some((rank, id));
            }
        };
        let mut h = host;
        let mut uncovered = 0;
        loop {
            if let Some(ids) = self.hosts.get(h) {
                for &id in ids {
                    consider(uncovered, true, id);
                }
            }
            match h.find('.') {
                // Stop before a bare TLD.
                Some(i) if h[i + 1..].contains('.') => {
                    h = &h[i + 1..];
                    uncovered += 1;
                }
                _ => break,
            }
        }
        if !app && !self.brands.is_empty() {
            let mut labels = [""; MAX_LABELS];
            let mut n = 0;
            for l in host.split('.') {
                if n == MAX_LABELS {
                    n = 0;
                    break;
                }
                labels[n] = l;
                n += 1;
            }
            for j in 0..n.saturating_sub(1) {
                let Some(ids) = self.brands.get(labels[j]) else {
                    continue;
                };
                let suffix = &labels[j + 1..n];
                let country =
                    suffix.len() == 1 || (suffix.len() == 2 && SECOND_LEVELS.contains(&suffix[0]));
                if !country {
                    continue;
                }
                for &id in ids {
                    let Pattern::Brand { prefix, .. } = &self.rules[id as usize].pattern else {
                        continue;
                    };
                    // The prefix's labels stand right before the brand's (no allocation: this
                    // runs for every referrer on a brand's host).
                    let k = if prefix.is_empty() {
                        0
                    } else {
                        prefix.matches('.').count() + 1
                    };
                    if k <= j && (k == 0 || prefix.split('.').eq(labels[j - k..j].iter().copied()))
                    {
                        consider(j - k, false, id);
                    }
                }
            }
        }
        best.map(|(_, id)| &self.rules[id as usize])
    }
}

/// The search term of a referrer under `rule`: the first non-empty one of its term sources.
pub(crate) fn term(rule: &Rule, path: &str, query: &str, fragment: &str) -> Option<String> {
    let param = |text: &str, name: &str| {
        url::form_urlencoded::parse(text.as_bytes())
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    };
    let decode = |s: &str| {
        let plus = s.replace('+', " ");
        let d = url::form_urlencoded::parse(format!("x={}", plus.replace('&', "%26")).as_bytes())
            .next()
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default();
        (!d.is_empty()).then_some(d)
    };
    rule.terms.iter().find_map(|t| match t {
        Term::Query(name) if !query.is_empty() => param(query, name),
        Term::Fragment(name) if !fragment.is_empty() => {
            param(fragment.trim_start_matches(['!', '/', '?']), name)
        }
        Term::PathAfter(prefix) => path
            .strip_prefix(&**prefix)
            .and_then(|rest| decode(rest.split('/').next().unwrap_or(""))),
        Term::Pattern(re) => {
            let target = if query.is_empty() {
                Cow::Borrowed(path)
            } else {
                Cow::Owned(format!("{path}?{query}"))
            };
            re.captures(&target)
                .and_then(|c| c.get(1))
                .and_then(|m| decode(m.as_str()))
        }
        _ => None,
    })
}

fn embedded_rules() -> Vec<Rule> {
    let mut rules: Vec<Rule> = DOMAINS
        .iter()
        .map(|d| Rule {
            pattern: Pattern::Host(d.host.into()),
            path: d.path.into(),
            medium: d.medium,
            source: Cow::Borrowed(d.source),
            network: d.network,
            terms: d.term_params.iter().map(|t| Term::parse(t)).collect(),
            reference: Cow::Borrowed(d.reference),
            as_of: Cow::Borrowed(d.as_of),
            origin: 0,
        })
        .collect();
    rules.extend(BRANDS.iter().map(|b| Rule {
        pattern: Pattern::Brand {
            prefix: b.prefix.into(),
            label: b.label.into(),
        },
        path: b.path.into(),
        medium: b.medium,
        source: Cow::Borrowed(b.source),
        network: None,
        terms: b.term_params.iter().map(|t| Term::parse(t)).collect(),
        reference: Cow::Borrowed(b.reference),
        as_of: Cow::Borrowed(b.as_of),
        origin: 0,
    }));
    rules
}

/// Reads the user's referrer files and merges them over the embedded table (see the module's
/// precedence). Fails on the first file that does not parse (YAML or JSON error with its line
/// and column) or whose structure is not the format's (an invalid-value error with the field
/// path, such as `search.Google.domains[2]`).
///
/// ```
/// use smo_core::traffic::refdb::{load_referer_database, RefererFile, RefererFormat};
/// use smo_core::traffic::{classify_with, ClassifyOptions, Medium};
/// let yaml = "email:\n  Intranet Mail:\n    domains:\n      - webmail.example-corp.com\n";
/// let db = load_referer_database(&[RefererFile { name: "ours.yml", text: yaml, format: RefererFormat::Auto }])?;
/// let opts = ClassifyOptions { database: Some(std::sync::Arc::new(db)), ..Default::default() };
/// let r = classify_with("https://webmail.example-corp.com/inbox", None, &opts);
/// assert_eq!((r.medium, r.source.as_str()), (Medium::Email, "Intranet Mail"));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn load_referer_database(files: &[RefererFile<'_>]) -> Result<RefererDatabase> {
    let mut rules = embedded_rules();
    let mut merged = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let origin = u16::try_from(i + 1).map_err(|_| Error::Argument {
            name: "files".into(),
            message: "more than 65,535 referrer files: merge them first".into(),
        })?;
        let value = parse_text(file)?;
        let format = match file.format {
            RefererFormat::Auto => detect(&value, file.name)?,
            f => f,
        };
        let before = rules.len();
        let ctx = Ctx {
            file: file.name,
            origin,
        };
        match format {
            RefererFormat::Snowplow => snowplow(&value, &ctx, &mut rules)?,
            RefererFormat::MatomoSearch => matomo_search(&value, &ctx, &mut rules)?,
            RefererFormat::MatomoSocial | RefererFormat::Auto => {
                matomo_social(&value, &ctx, &mut rules)?
            }
        }
        merged.push(DatabaseFile {
            name: file.name.to_owned(),
            format,
            rules: rules.len() - before,
            hash: format!("{:016x}", super::fnv::hash(file.text.as_bytes())),
        });
    }
    Ok(RefererDatabase::build(rules, merged))
}

fn parse_text(file: &RefererFile<'_>) -> Result<Value> {
    let t = file.text.trim_start_matches('\u{feff}');
    if t.trim_start().starts_with('{') {
        return serde_json::from_str(t).map_err(|e| Error::Parse {
            format: Format::Json,
            position: Position {
                line: Some(e.line() as u64),
                column: Some(e.column() as u64),
                path: None,
            },
            message: format!("{}: {e}", file.name),
        });
    }
    serde_norway::from_str::<Value>(t).map_err(|e| {
        let loc = e.location();
        Error::Parse {
            format: Format::Yaml,
            position: Position {
                line: loc.as_ref().map(|l| l.line() as u64),
                column: loc.as_ref().map(|l| l.column() as u64),
                path: None,
            },
            message: format!("{}: {e}", file.name),
        }
    })
}

const SNOWPLOW_MEDIA: &[(&str, Medium)] = &[
    ("search", Medium::Search),
    ("social", Medium::Social),
    ("email", Medium::Email),
    ("paid", Medium::Paid),
    ("unknown", Medium::Referral),
    ("internal", Medium::Internal),
];

fn detect(v: &Value, name: &str) -> Result<RefererFormat> {
    let invalid = |message: String| Error::Invalid {
        path: name.to_owned(),
        message,
    };
    let Value::Object(map) = v else {
        return Err(invalid(
            "a referrer file is a mapping (Snowplow: medium → source; Matomo: name → entries)"
                .into(),
        ));
    };
    if !map.is_empty()
        && map
            .keys()
            .all(|k| SNOWPLOW_MEDIA.iter().any(|(m, _)| m == k))
    {
        return Ok(RefererFormat::Snowplow);
    }
    match map.values().next() {
        Some(Value::Array(entries)) if entries.iter().all(Value::is_string) => {
            Ok(RefererFormat::MatomoSocial)
        }
        Some(Value::Array(entries)) if entries.iter().any(|e| e.get("urls").is_some()) => {
            Ok(RefererFormat::MatomoSearch)
        }
        _ => Err(invalid(
            "cannot tell the format: give format snowplow, matomo_search or matomo_social".into(),
        )),
    }
}

struct Ctx<'a> {
    file: &'a str,
    origin: u16,
}

impl Ctx<'_> {
    fn invalid(&self, path: &str, message: impl Into<String>) -> Error {
        Error::Invalid {
            path: format!("{}: {path}", self.file),
            message: message.into(),
        }
    }

    fn rule(&self, pattern: Pattern, path: Box<str>, medium: Medium, source: &str) -> Rule {
        Rule {
            pattern,
            path,
            medium,
            source: Cow::Owned(source.to_owned()),
            network: if medium == Medium::Social {
                super::referrer::source_network(source)
            } else {
                None
            },
            terms: Vec::new(),
            reference: Cow::Owned(format!("{} ({source})", self.file)),
            as_of: Cow::Borrowed(""),
            origin: self.origin,
        }
    }
}

/// A host entry as files write it (`www.google.com`, `http://google.fr/imgres`, `google.{}`,
/// `{}.google.com`) → pattern and path.
fn host_entry(entry: &str) -> Option<(Pattern, Box<str>)> {
    let e = entry.trim().to_ascii_lowercase();
    let e = e.split_once("://").map_or(e.as_str(), |(_, r)| r);
    let (host, path) = match e.find('/') {
        Some(i) => (&e[..i], &e[i..]),
        None => (e, ""),
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.strip_prefix("{}.").unwrap_or(host);
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    let pattern = match host.strip_suffix(".{}") {
        Some(rest) => {
            let (prefix, label) = rest.rsplit_once('.').unwrap_or(("", rest));
            if label.is_empty() || label.contains('{') {
                return None;
            }
            Pattern::Brand {
                prefix: prefix.into(),
                label: label.into(),
            }
        }
        None if host.contains('{') => return None,
        None => Pattern::Host(host.into()),
    };
    Some((pattern, path.trim_end_matches('/').into()))
}

fn strings<'v>(v: &'v Value, ctx: &Ctx<'_>, path: &str) -> Result<Vec<&'v str>> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::String(s) => Ok(vec![s.as_str()]),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                x.as_str()
                    .ok_or_else(|| ctx.invalid(&format!("{path}[{i}]"), "expected a string"))
            })
            .collect(),
        _ => Err(ctx.invalid(path, "expected a list of strings")),
    }
}

fn snowplow(v: &Value, ctx: &Ctx<'_>, rules: &mut Vec<Rule>) -> Result<()> {
    let Value::Object(media) = v else {
        return Err(ctx.invalid("", "expected a mapping of media"));
    };
    for (medium_key, sources) in media {
        let medium = SNOWPLOW_MEDIA
            .iter()
            .find(|(m, _)| m == medium_key)
            .map(|(_, m)| *m)
            .ok_or_else(|| {
                ctx.invalid(
                    medium_key,
                    "is not a Snowplow medium: use search, social, email, paid, unknown or internal",
                )
            })?;
        let Value::Object(sources) = sources else {
            return Err(ctx.invalid(medium_key, "expected a mapping of sources"));
        };
        for (name, entry) in sources {
            let at = format!("{medium_key}.{name}");
            let domains = strings(
                entry.get("domains").unwrap_or(&Value::Null),
                ctx,
                &format!("{at}.domains"),
            )?;
            if domains.is_empty() {
                return Err(ctx.invalid(&format!("{at}.domains"), "lists no domain"));
            }
            let params = strings(
                entry.get("parameters").unwrap_or(&Value::Null),
                ctx,
                &format!("{at}.parameters"),
            )?;
            for (i, d) in domains.iter().enumerate() {
                let (pattern, path) = host_entry(d).ok_or_else(|| {
                    ctx.invalid(
                        &format!("{at}.domains[{i}]"),
                        format!("`{d}` is not a host"),
                    )
                })?;
                let mut r = ctx.rule(pattern, path, medium, name);
                r.terms = params.iter().map(|p| Term::Query((*p).into())).collect();
                rules.push(r);
            }
        }
    }
    Ok(())
}

fn matomo_search(v: &Value, ctx: &Ctx<'_>, rules: &mut Vec<Rule>) -> Result<()> {
    let Value::Object(engines) = v else {
        return Err(ctx.invalid("", "expected a mapping of search engines"));
    };
    for (name, entries) in engines {
        let Value::Array(entries) = entries else {
            return Err(ctx.invalid(name, "expected a list of entries with `urls`"));
        };
        for (i, entry) in entries.iter().enumerate() {
            let at = format!("{name}[{i}]");
            let urls = strings(
                entry.get("urls").unwrap_or(&Value::Null),
                ctx,
                &format!("{at}.urls"),
            )?;
            let mut terms = Vec::new();
            for (k, p) in strings(
                entry.get("params").unwrap_or(&Value::Null),
                ctx,
                &format!("{at}.params"),
            )?
            .into_iter()
            .enumerate()
            {
                terms.push(match p.strip_prefix('/').and_then(|r| r.rsplit_once('/')) {
                    Some((re, flags)) if flags.chars().all(|c| c.is_ascii_alphabetic()) => {
                        let re = if flags.contains('i') {
                            format!("(?i){re}")
                        } else {
                            re.to_owned()
                        };
                        Term::Pattern(regex::Regex::new(&re).map_err(|e| {
                            ctx.invalid(
                                &format!("{at}.params[{k}]"),
                                format!("not a regular expression: {e}"),
                            )
                        })?)
                    }
                    _ => Term::Query(p.into()),
                });
            }
            for (k, u) in urls.iter().enumerate() {
                let (pattern, path) = host_entry(u).ok_or_else(|| {
                    ctx.invalid(&format!("{at}.urls[{k}]"), format!("`{u}` is not a host"))
                })?;
                let mut r = ctx.rule(pattern, path, Medium::Search, name);
                r.terms = terms.clone();
                rules.push(r);
            }
        }
    }
    Ok(())
}

fn matomo_social(v: &Value, ctx: &Ctx<'_>, rules: &mut Vec<Rule>) -> Result<()> {
    let Value::Object(networks) = v else {
        return Err(ctx.invalid("", "expected a mapping of social networks"));
    };
    for (name, hosts) in networks {
        for (i, h) in strings(hosts, ctx, name)?.into_iter().enumerate() {
            let (pattern, path) = host_entry(h).ok_or_else(|| {
                ctx.invalid(&format!("{name}[{i}]"), format!("`{h}` is not a host"))
            })?;
            rules.push(ctx.rule(pattern, path, Medium::Social, name));
        }
    }
    Ok(())
}
