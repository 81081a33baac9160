//! Entity extraction (URLs, mentions, lists, hashtags, cashtags) following the twitter-text rules.
//!
//! Everything here works on byte offsets into a `&str`; [`super::Entity`] adds code-point and
//! UTF-16 offsets. The scanners are hand-written rather than regular expressions: each one is a
//! single left-to-right pass that reproduces the leftmost-first, greedy behaviour of the upstream
//! regular expressions (including what a rejected match consumes), without backtracking, so that
//! the cost stays linear on adversarial input.

use std::ops::Range;

use super::chars::{
    is_at, is_directional, is_domain_char, is_hash, is_hashtag_alpha, is_hashtag_char, is_invalid,
    is_latin_accent, is_path_char, is_path_end_char, is_query_char, is_query_end_char, is_space,
};
use super::tld;

/// Longest URL twitter-text accepts, in UTF-16 units, including an implied `https://`.
const MAX_URL_LENGTH: usize = 4096;
/// Longest t.co slug.
const MAX_TCO_SLUG_LENGTH: usize = 40;
/// Longest DNS label.
const MAX_LABEL_LENGTH: usize = 63;

/// What kind of entity a raw match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawKind {
    Url,
    Mention,
    List,
    Hashtag,
    Cashtag,
}

/// An entity as byte ranges: the whole entity and its value (without sigil).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raw {
    pub kind: RawKind,
    pub range: Range<usize>,
    pub value: Range<usize>,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn starts_with_ci(text: &str, i: usize, prefix: &str) -> bool {
    text.as_bytes()
        .get(i..i + prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

// ---------------------------------------------------------------- TLDs

/// Bytes of the longest TLD of the table. Text that lower-cases to more than this is no TLD, so
/// lookups copy at most this much, on the stack; derived from the table so that a refresh with
/// longer TLDs needs no change here.
const MAX_TLD_BYTES: usize = {
    let (generic, country) = (longest(&tld::GENERIC), longest(&tld::COUNTRY));
    if generic > country { generic } else { country }
};

const fn longest(list: &[&str]) -> usize {
    let mut max = 0;
    let mut k = 0;
    while k < list.len() {
        if list[k].len() > max {
            max = list[k].len();
        }
        k += 1;
    }
    max
}

fn in_table(table: &[&str], name: &str) -> bool {
    table.binary_search(&name).is_ok()
}

/// Some TLD of the (sorted) table starts with `prefix`.
fn starts_a_tld(table: &[&str], prefix: &str) -> bool {
    let k = table.partition_point(|t| *t < prefix);
    table.get(k).is_some_and(|t| t.starts_with(prefix))
}

/// The character after a TLD must not be one of these (or the TLD must end the scope).
fn blocks_tld(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-')
}

/// A character a TLD of the table can hold: the table has ASCII letters, and letters and marks
/// of other scripts, never ASCII digits, hyphens or punctuation (the walk in
/// `tests/text_tlds.rs` would miss any TLD that did).
fn is_tld_char(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && is_domain_char(c))
}

/// Length in bytes of the TLD starting at `i`, if one does, looking no further than `end`.
///
/// twitter-text ends its domain expression with `(?:generic|country|punycode)`: each table is an
/// alternation in reverse sorted order (of two entries where one starts the other, the longer is
/// tried first), each entry followed by the boundary `(?=[^0-9a-zA-Z@+-]|$)`, compared without
/// case, and punycode is `xn--[-0-9a-z]+`. The first alternative that matches wins: the longest
/// generic TLD whose boundary holds, else the longest country TLD, else punycode.
fn tld_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let scope = text.get(i..end)?;
    let letters = scope.bytes().take_while(u8::is_ascii_alphabetic).count();
    let after = scope[letters..].chars().next();
    if after.is_some_and(|c| !c.is_ascii() && is_tld_char(c)) {
        // The letters go on in another script: an internationalised TLD in Unicode form, which
        // may start with ASCII letters (`vermögensberatung`), or an ASCII TLD followed by text
        // (`example.comだよ`). Rare enough for the slower walk.
        return unicode_tld(scope, letters);
    }
    // Only the whole run of letters can be a TLD here: every shorter prefix of it is followed by
    // a letter, which the boundary refuses, and an internationalised TLD would need `after` to
    // be one of its letters.
    if letters > 0 && letters <= MAX_TLD_BYTES && !after.is_some_and(blocks_tld) {
        let mut buf = [0u8; MAX_TLD_BYTES];
        buf[..letters].copy_from_slice(&scope.as_bytes()[..letters]);
        buf[..letters].make_ascii_lowercase();
        if std::str::from_utf8(&buf[..letters])
            .is_ok_and(|t| in_table(&tld::GENERIC, t) || in_table(&tld::COUNTRY, t))
        {
            return Some(letters);
        }
    }
    if starts_with_ci(scope, 0, "xn--") {
        let n = scope
            .bytes()
            .skip(4)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if n > 0 {
            return Some(4 + n);
        }
    }
    None
}

/// The TLD at the start of `scope` when its first `letters` ASCII letters go on in another
/// script: an internationalised TLD in Unicode form, or the ASCII letters alone. One pass,
/// lower-casing into a buffer and stopping as soon as no TLD of either table starts with what
/// it has read.
fn unicode_tld(scope: &str, letters: usize) -> Option<usize> {
    if letters > MAX_TLD_BYTES {
        return None;
    }
    let mut lower = [0u8; MAX_TLD_BYTES];
    lower[..letters].copy_from_slice(&scope.as_bytes()[..letters]);
    lower[..letters].make_ascii_lowercase();
    let mut len = letters;
    // The first candidate is all the ASCII letters (`end == letters`): a shorter prefix of them
    // is followed by a letter, which the boundary refuses.
    let mut end = letters;
    let (mut generic, mut country) = (None, None);
    let mut rest = scope[letters..].chars().peekable();
    loop {
        if end > 0 {
            let Ok(name) = std::str::from_utf8(&lower[..len]) else {
                break;
            };
            let starts_generic = starts_a_tld(&tld::GENERIC, name);
            let starts_country = starts_a_tld(&tld::COUNTRY, name);
            if !starts_generic && !starts_country {
                break;
            }
            if !rest.peek().is_some_and(|&next| blocks_tld(next)) {
                if starts_generic && in_table(&tld::GENERIC, name) {
                    generic = Some(end);
                }
                if starts_country && in_table(&tld::COUNTRY, name) {
                    country = Some(end);
                }
            }
        }
        let Some(c) = rest.next_if(|&c| is_tld_char(c)) else {
            break;
        };
        for l in c.to_lowercase() {
            // What does not fit is longer than every TLD.
            let Some(slot) = lower.get_mut(len..len + l.len_utf8()) else {
                return generic.or(country);
            };
            len += l.encode_utf8(slot).len();
        }
        end += c.len_utf8();
    }
    generic.or(country)
}

// ---------------------------------------------------------------- domains

/// A label of a domain chain: a run of domain characters, `_` and `-`.
#[derive(Debug, Clone, Copy)]
struct Label {
    start: usize,
    end: usize,
}

fn is_run_char(c: char) -> bool {
    c == '_' || c == '-' || is_domain_char(c)
}

fn run_end(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !is_run_char(c))
        .map_or(text.len(), |(k, _)| i + k)
}

fn valid_sub(text: &str, l: Label) -> bool {
    let s = &text[l.start..l.end];
    match (s.chars().next(), s.chars().next_back()) {
        (Some(a), Some(b)) => is_domain_char(a) && is_domain_char(b),
        _ => false,
    }
}

fn valid_name(text: &str, l: Label) -> bool {
    valid_sub(text, l) && !text[l.start..l.end].contains('_')
}

/// A chain of labels separated by single dots, with, for each label after the first, the end
/// of the longest domain that can start there (the greedy choice of the upstream expression).
#[derive(Debug, Default)]
struct Chain {
    labels: Vec<Label>,
    /// `best[k]`: end (bytes) of the longest domain whose first label is the whole label `k`.
    best: Vec<Option<usize>>,
}

impl Chain {
    fn build(text: &str, first: Label) -> Chain {
        let mut labels = vec![first];
        let mut end = first.end;
        while text.as_bytes().get(end) == Some(&b'.') {
            let start = end + 1;
            let e = run_end(text, start);
            if e == start {
                break;
            }
            labels.push(Label { start, end: e });
            end = e;
        }
        let n = labels.len();
        let mut best = vec![None; n];
        for k in (0..n).rev() {
            let l = labels[k];
            let tld_end = labels
                .get(k + 1)
                .and_then(|next| tld_at(text, next.start, text.len()).map(|t| next.start + t));
            let through = if valid_sub(text, l) {
                best.get(k + 1).copied().flatten()
            } else {
                None
            };
            best[k] = through.or(if valid_name(text, l) { tld_end } else { None });
        }
        Chain { labels, best }
    }

    /// End of the longest domain starting at `start`, inside label `k`.
    fn domain_end(&self, text: &str, k: usize, start: usize) -> Option<usize> {
        let first = Label {
            start,
            end: self.labels[k].end,
        };
        let through = if valid_sub(text, first) {
            self.best.get(k + 1).copied().flatten()
        } else {
            None
        };
        through.or_else(|| {
            if !valid_name(text, first) {
                return None;
            }
            let next = self.labels.get(k + 1)?;
            tld_at(text, next.start, text.len()).map(|t| next.start + t)
        })
    }
}

/// Memo of the last chain, so that scanning every start inside a long chain stays linear.
#[derive(Debug, Default)]
struct DomainScanner {
    chain: Chain,
    /// The last run of label characters that was not followed by a dot.
    dead_run: Range<usize>,
}

impl DomainScanner {
    fn domain_at(&mut self, text: &str, start: usize) -> Option<usize> {
        if !char_at(text, start).is_some_and(is_domain_char) {
            return None;
        }
        let labels = &self.chain.labels;
        let cached = labels
            .partition_point(|l| l.end <= start)
            .min(labels.len().saturating_sub(1));
        if labels
            .get(cached)
            .is_some_and(|l| l.start <= start && start < l.end)
        {
            return self.chain.domain_end(text, cached, start);
        }
        if self.dead_run.contains(&start) {
            return None;
        }
        let end = run_end(text, start);
        // The run must end at a dot followed by another label.
        if text.as_bytes().get(end) != Some(&b'.')
            || !char_at(text, end + 1).is_some_and(is_run_char)
        {
            self.dead_run = start..end;
            return None;
        }
        self.chain = Chain::build(text, Label { start, end });
        self.chain.domain_end(text, 0, start)
    }
}

// ---------------------------------------------------------------- URLs

/// The parts of one match of the URL grammar, as byte offsets.
#[derive(Debug, Clone)]
struct UrlMatch {
    start: usize,
    protocol: bool,
    domain: Range<usize>,
    has_path: bool,
    end: usize,
}

fn url_preceding(c: char) -> bool {
    !(c.is_ascii_alphanumeric()
        || matches!(c, '@' | '\u{FF20}' | '$' | '#' | '\u{FF03}')
        || is_invalid(c))
}

/// The end of the balanced parenthesis group starting at `i` (which holds `(`), if any: one
/// level of nesting, non-empty contents.
fn balanced_parens(text: &str, i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut inner_len = 0usize;
    let mut nested_len = 0usize;
    let mut nested_done = false;
    for (k, c) in text[i..].char_indices() {
        match c {
            '(' if k == 0 => depth = 1,
            '(' if depth == 1 && !nested_done => {
                depth = 2;
                nested_len = 0;
            }
            ')' if depth == 2 => {
                if nested_len == 0 {
                    return None;
                }
                depth = 1;
                nested_done = true;
                inner_len += 1;
            }
            ')' if depth == 1 => {
                return (inner_len > 0).then_some(i + k + 1);
            }
            c if is_path_char(c) => {
                inner_len += 1;
                if depth == 2 {
                    nested_len += 1;
                }
            }
            _ => return None,
        }
    }
    None
}

/// End of the path that starts at `i` (which holds `/`).
fn path_end(text: &str, i: usize) -> usize {
    let mut end = i + 1;
    let mut k = i + 1;
    while let Some(c) = char_at(text, k) {
        if c == '(' {
            match balanced_parens(text, k) {
                Some(e) => {
                    k = e;
                    end = e;
                    continue;
                }
                None => break,
            }
        }
        if !is_path_char(c) {
            break;
        }
        k += c.len_utf8();
        if is_path_end_char(c) {
            end = k;
        }
    }
    end
}

/// End of the query that starts at `i` (which holds `?`), if it ends with a valid character.
fn query_end(text: &str, i: usize) -> Option<usize> {
    let mut end = None;
    for (k, c) in text[i + 1..].char_indices() {
        if !is_query_char(c) {
            break;
        }
        if is_query_end_char(c) {
            end = Some(i + 1 + k + c.len_utf8());
        }
    }
    end
}

fn match_url_at(text: &str, start: usize, domains: &mut DomainScanner) -> Option<UrlMatch> {
    let proto_len = if starts_with_ci(text, start, "http://") {
        7
    } else if starts_with_ci(text, start, "https://") {
        8
    } else {
        0
    };
    let (protocol, domain_start, domain_end) = match (proto_len > 0)
        .then(|| domains.domain_at(text, start + proto_len))
        .flatten()
    {
        Some(end) => (true, start + proto_len, end),
        None => (false, start, domains.domain_at(text, start)?),
    };
    let mut end = domain_end;
    if text.as_bytes().get(end) == Some(&b':') {
        let digits = text[end + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    let has_path = text.as_bytes().get(end) == Some(&b'/');
    if has_path {
        end = path_end(text, end);
    }
    if text.as_bytes().get(end) == Some(&b'?') {
        if let Some(e) = query_end(text, end) {
            end = e;
        }
    }
    Some(UrlMatch {
        start,
        protocol,
        domain: domain_start..domain_end,
        has_path,
        end,
    })
}

/// Length in UTF-16 units.
fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The host in ASCII (IDNA) form is acceptable: every label 1 to 63 characters once encoded,
/// no Unicode after an `xn--` prefix. Returns how much longer the encoded host is (UTF-16 units).
fn ascii_growth(domain: &str) -> Option<usize> {
    let mut growth = 0usize;
    for label in domain.split('.') {
        let encoded_len = if label.is_ascii() {
            label.len()
        } else {
            if starts_with_ci(label, 0, "xn--") {
                return None;
            }
            let lower = label.to_lowercase();
            4 + idna::punycode::encode_str(&lower)?.len()
        };
        if encoded_len == 0 || encoded_len > MAX_LABEL_LENGTH {
            return None;
        }
        growth += encoded_len.saturating_sub(utf16_len(label));
    }
    Some(growth)
}

fn valid_length(text: &str, m: &UrlMatch, end: usize) -> bool {
    let Some(growth) = ascii_growth(&text[m.domain.clone()]) else {
        return false;
    };
    // Upstream adds the protocol's length even when the URL already has it.
    let protocol_len = if m.protocol {
        m.domain.start - m.start
    } else {
        "https://".len()
    };
    protocol_len + utf16_len(&text[m.start..end]) + growth <= MAX_URL_LENGTH
}

fn is_ascii_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// The ASCII (and Latin-accented) domains inside a domain written without protocol.
fn ascii_domains(text: &str, scope: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut i = scope.start;
    while i < scope.end {
        match ascii_domain_at(text, i, scope.end) {
            Ok(end) => {
                out.push(i..end);
                i = end;
            }
            // Every later start inside the labels explored sees a subset of their TLD
            // positions, so it fails too.
            Err(explored) => i = explored.max(i + char_at(text, i).map_or(1, char::len_utf8)),
        }
    }
}

/// The end of the ASCII domain starting at `i`, or how far the failed attempt looked.
fn ascii_domain_at(text: &str, i: usize, scope_end: usize) -> Result<usize, usize> {
    // Label starts: each run of ASCII domain characters followed by a dot.
    let mut tld_starts = Vec::new();
    let mut k = i;
    loop {
        let run = text[k..scope_end]
            .char_indices()
            .find(|&(_, c)| !is_ascii_domain_char(c))
            .map_or(scope_end, |(n, _)| k + n);
        if run == k || text.as_bytes().get(run) != Some(&b'.') || run >= scope_end {
            break;
        }
        k = run + 1;
        tld_starts.push(k);
    }
    tld_starts
        .into_iter()
        .rev()
        .find_map(|s| tld_at(text, s, scope_end).map(|n| s + n))
        .ok_or(k)
}

fn tco_end(text: &str, m: &UrlMatch, end: usize) -> Result<usize, ()> {
    let url = &text[m.start..end];
    let scheme = if starts_with_ci(url, 0, "http://") {
        7
    } else if starts_with_ci(url, 0, "https://") {
        8
    } else {
        return Ok(end);
    };
    if !starts_with_ci(url, scheme, "t.co/") {
        return Ok(end);
    }
    let slug_start = scheme + 5;
    let slug = url[slug_start..]
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if slug == 0 {
        return Ok(end);
    }
    if slug > MAX_TCO_SLUG_LENGTH {
        return Err(());
    }
    let mut e = m.start + slug_start + slug;
    if text.as_bytes().get(e) == Some(&b'?') {
        if let Some(q) = query_end(&text[..end], e) {
            e = q;
        }
    }
    Ok(e)
}

/// URLs, with and without protocol, in text order.
pub(crate) fn urls(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !text.contains('.') {
        return out;
    }
    let mut domains = DomainScanner::default();
    let bytes = text.as_bytes();
    // A match needs its first label to end at a dot, so only the few positions before each dot
    // (the label run, `https://` and one preceding character) can start one: jump from dot to
    // dot instead of trying every position. Skipped positions cannot match, so what a rejected
    // match consumes is unchanged.
    let mut q = 0usize; // the upstream regex's lastIndex
    let mut window_end = 0usize;
    while q < text.len() {
        if q >= window_end {
            let Some(off) = bytes[q..].iter().position(|&b| b == b'.') else {
                break;
            };
            let dot = q + off;
            // A domain needs a label after the dot: a sentence's full stop starts nothing, and
            // every start whose label ends at an earlier dot was tried in that dot's window.
            if !char_at(text, dot + 1).is_some_and(is_run_char) {
                q = dot + 1;
                window_end = q;
                continue;
            }
            let mut run_start = dot;
            while run_start > q {
                match char_before(text, run_start) {
                    Some(c) if is_run_char(c) => run_start -= c.len_utf8(),
                    _ => break,
                }
            }
            // `https://` (8 bytes) and one preceding character (up to 4 bytes).
            let mut start = run_start.saturating_sub(12).max(q);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            q = start;
            window_end = dot + 1;
        }
        let Some(c) = char_at(text, q) else { break };
        let mut found = None;
        if url_preceding(c) {
            found = match_url_at(text, q + c.len_utf8(), &mut domains).map(|m| (Some(c), m));
        }
        if found.is_none() && q == 0 {
            found = match_url_at(text, 0, &mut domains).map(|m| (None, m));
        }
        let Some((before, m)) = found else {
            q += c.len_utf8();
            continue;
        };
        q = m.end;
        if !valid_length(text, &m, m.end) {
            continue;
        }
        if m.protocol {
            if let Ok(end) = tco_end(text, &m, m.end) {
                out.push(m.start..end);
            }
            continue;
        }
        if before.is_some_and(|b| matches!(b, '-' | '_' | '.' | '/')) {
            continue;
        }
        let first = out.len();
        ascii_domains(text, m.domain.clone(), &mut out);
        if m.has_path && out.len() > first {
            if let Some(last) = out.last_mut() {
                // Only a domain that ends the host can carry the path.
                if last.end == m.domain.end {
                    last.end = m.end;
                }
            }
        }
    }
    out
}

/// The next ASCII `sigil` or full-width `wide` sigil at or after byte `from`.
fn find_sigil(text: &str, from: usize, sigil: u8, wide: char) -> Option<usize> {
    let mut buf = [0u8; 4];
    let wide = wide.encode_utf8(&mut buf).as_bytes();
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let off = bytes[i..]
            .iter()
            .position(|&b| b == sigil || b == wide[0])?;
        let k = i + off;
        if bytes[k] == sigil || bytes[k..].starts_with(wide) {
            return Some(k);
        }
        i = k + 1;
    }
    None
}

// ---------------------------------------------------------------- mentions and lists

fn mention_excluded_before(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '!' | '#' | '$' | '%' | '&' | '*') || is_at(c)
}

fn mention_start_ok(text: &str, at: usize, last: usize) -> bool {
    if at == 0 {
        return true;
    }
    let before = &text[..at];
    if let Some(c) = before.chars().next_back() {
        if at - c.len_utf8() >= last && !mention_excluded_before(c) {
            return true;
        }
    }
    // RT, rt, Rt, rT, optionally followed by a colon, at the start or after a separator.
    let trimmed = before.strip_suffix(':').unwrap_or(before);
    let Some(rt_start) = trimmed.len().checked_sub(2) else {
        return false;
    };
    if !trimmed
        .get(rt_start..)
        .is_some_and(|s| s.eq_ignore_ascii_case("rt"))
    {
        return false;
    }
    match char_before(text, rt_start) {
        None => last == 0,
        Some(p) => {
            rt_start - p.len_utf8() >= last
                && !(p.is_ascii_alphanumeric() || matches!(p, '_' | '+' | '~' | '.' | '-'))
        }
    }
}

/// Mentions and lists.
pub(crate) fn mentions_or_lists(text: &str, out: &mut Vec<Raw>) {
    let mut last = 0usize;
    let mut i = 0usize;
    while let Some(at) = find_sigil(text, i, b'@', '\u{FF20}') {
        let at_len = char_at(text, at).map_or(1, char::len_utf8);
        i = at + at_len;
        if at < last || !mention_start_ok(text, at, last) {
            continue;
        }
        let name_start = at + at_len;
        let name_len = text[name_start..]
            .bytes()
            .take(20)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if name_len == 0 {
            continue;
        }
        let mut end = name_start + name_len;
        let mut kind = RawKind::Mention;
        let bytes = text.as_bytes();
        if bytes.get(end) == Some(&b'/') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            let slug = text[end + 2..]
                .bytes()
                .take(24)
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
                .count();
            end += 2 + slug;
            kind = RawKind::List;
        }
        last = end;
        i = end;
        let after = &text[end..];
        if after.starts_with(['@', '\u{FF20}'])
            || after.starts_with("://")
            || after.chars().next().is_some_and(is_latin_accent)
        {
            continue;
        }
        out.push(Raw {
            kind,
            range: at..end,
            value: name_start..end,
        });
    }
}

// ---------------------------------------------------------------- hashtags

/// Hashtags.
pub(crate) fn hashtags(text: &str, out: &mut Vec<Raw>) {
    let mut last = 0usize;
    let mut i = 0usize;
    while let Some(hash) = find_sigil(text, i, b'#', '\u{FF03}') {
        let hash_len = char_at(text, hash).map_or(1, char::len_utf8);
        i = hash + hash_len;
        if hash < last {
            continue;
        }
        let boundary = match char_before(text, hash) {
            None => last == 0,
            Some(c) => {
                hash - c.len_utf8() >= last
                    && (matches!(c, '\u{FE0E}' | '\u{FE0F}') || !(is_hashtag_char(c) || c == '&'))
            }
        };
        if !boundary {
            continue;
        }
        let start = hash + hash_len;
        if text[start..].starts_with(['\u{FE0F}', '\u{20E3}']) {
            continue;
        }
        let mut end = start;
        let mut has_alpha = false;
        for (k, c) in text[start..].char_indices() {
            if !is_hashtag_char(c) {
                break;
            }
            has_alpha |= is_hashtag_alpha(c);
            end = start + k + c.len_utf8();
        }
        if !has_alpha {
            continue;
        }
        last = end;
        i = end;
        let after = &text[end..];
        if after.starts_with(|c: char| is_hash(c)) || after.starts_with("://") {
            continue;
        }
        out.push(Raw {
            kind: RawKind::Hashtag,
            range: hash..end,
            value: start..end,
        });
    }
}

// ---------------------------------------------------------------- cashtags

/// Cashtags.
pub(crate) fn cashtags(text: &str, out: &mut Vec<Raw>) {
    let mut last = 0usize;
    let mut i = 0usize;
    while let Some(off) = text[i..].find('$') {
        let dollar = i + off;
        i = dollar + 1;
        if dollar < last {
            continue;
        }
        let ok_before = match char_before(text, dollar) {
            None => true,
            Some(c) => dollar - c.len_utf8() >= last && (is_space(c) || is_directional(c)),
        };
        if !ok_before {
            continue;
        }
        let start = dollar + 1;
        let b = text.as_bytes();
        let letters = b[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if letters == 0 || letters > 6 {
            continue;
        }
        let base = start + letters;
        let ends_ok = |e: usize| match char_at(text, e) {
            None => true,
            Some(c) => is_space(c) || c.is_ascii_punctuation(),
        };
        let mut candidates = Vec::with_capacity(3);
        if matches!(b.get(base), Some(b'.' | b'_')) {
            let suffix = b[base + 1..]
                .iter()
                .take(2)
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            for n in (1..=suffix).rev() {
                candidates.push(base + 1 + n);
            }
        }
        candidates.push(base);
        let Some(end) = candidates.into_iter().find(|&e| ends_ok(e)) else {
            continue;
        };
        last = end;
        i = end;
        out.push(Raw {
            kind: RawKind::Cashtag,
            range: dollar..end,
            value: start..end,
        });
    }
}

/// Keeps, of entities sorted by start, the first of any that overlap.
pub(crate) fn remove_overlaps(entities: &mut Vec<Raw>) {
    entities.sort_by_key(|e| e.range.start);
    let mut kept: Vec<Raw> = Vec::with_capacity(entities.len());
    for e in entities.drain(..) {
        if kept.last().is_some_and(|p| p.range.end > e.range.start) {
            continue;
        }
        kept.push(e);
    }
    *entities = kept;
}

/// Every entity, overlaps removed (URLs win over mentions, mentions over hashtags, hashtags over
/// cashtags when they start at the same place).
pub(crate) fn all(text: &str) -> Vec<Raw> {
    let mut out: Vec<Raw> = urls(text)
        .into_iter()
        .map(|r| Raw {
            kind: RawKind::Url,
            value: r.clone(),
            range: r,
        })
        .collect();
    mentions_or_lists(text, &mut out);
    hashtags(text, &mut out);
    cashtags(text, &mut out);
    remove_overlaps(&mut out);
    out
}

/// The reply target: a mention at the very start of the text, after optional spaces.
pub(crate) fn reply(text: &str) -> Option<Range<usize>> {
    let start = text.len() - text.trim_start_matches(is_space).len();
    let c = char_at(text, start)?;
    if !is_at(c) {
        return None;
    }
    let name_start = start + c.len_utf8();
    let n = text[name_start..]
        .bytes()
        .take(20)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if n == 0 {
        return None;
    }
    let end = name_start + n;
    let after = &text[end..];
    if after.starts_with(['@', '\u{FF20}'])
        || after.starts_with("://")
        || after.chars().next().is_some_and(is_latin_accent)
    {
        return None;
    }
    Some(name_start..end)
}
