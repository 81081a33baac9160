//! Validation of a single URL, username, list or hashtag, as twitter-text's `Validator`.
//!
//! The URL grammar is RFC 3986 with Unicode hosts (twitter-text `validateUrl*`): scheme `http`
//! or `https` (unless the protocol is optional), optional user info, a host that is an IPv4
//! address, a bracketed IPv6 address or a (Unicode) domain, optional port, then path, query and
//! fragment made of their RFC 3986 characters (Cyrillic allowed in the path).

use super::extract;

fn unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '-' | '.' | '_' | '~')
        || ('\u{400}'..='\u{4FF}').contains(&c)
}

fn sub_delim(c: char) -> bool {
    matches!(
        c,
        '!' | '$' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | ';' | '='
    )
}

/// Every character is a `pchar` (or one of `extra`), percent signs followed by two hex digits.
fn pchars(s: &str, extra: &[char]) -> bool {
    let b = s.as_bytes();
    let mut it = s.char_indices();
    while let Some((pos, c)) = it.next() {
        if c == '%' {
            let hex = b.get(pos + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(pos + 2).is_some_and(u8::is_ascii_hexdigit);
            if !hex {
                return false;
            }
            it.nth(1);
            continue;
        }
        if !(unreserved(c) || sub_delim(c) || matches!(c, ':' | '@' | '|') || extra.contains(&c)) {
            return false;
        }
    }
    true
}

fn userinfo(s: &str) -> bool {
    pchars(s, &[]) && !s.contains(['@', '|'])
}

fn dec_octet(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 3
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.len() == 1 || !s.starts_with('0'))
        && s.parse::<u16>().is_ok_and(|n| n <= 255)
}

fn ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| dec_octet(p))
}

fn ipv6(s: &str) -> bool {
    s.len() > 2
        && s.starts_with('[')
        && s.ends_with(']')
        && s[1..s.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}

fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

fn segment(s: &str, inner: &[char], first: fn(char) -> bool) -> bool {
    let (Some(a), Some(z)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    first(a) && word(z) && s.chars().all(|c| word(c) || inner.contains(&c))
}

fn unicode_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    let Some((tld, rest)) = labels.split_last() else {
        return false;
    };
    let Some((name, subs)) = rest.split_last() else {
        return false;
    };
    segment(tld, &['-'], |c| c.is_ascii_alphabetic() || !c.is_ascii())
        && segment(name, &['-'], word)
        && subs.iter().all(|s| segment(s, &['-', '_'], word))
}

fn authority(s: &str) -> bool {
    let (info, host_port) = match s.rsplit_once('@') {
        Some((i, h)) => (Some(i), h),
        None => (None, s),
    };
    if info.is_some_and(|i| !userinfo(i)) {
        return false;
    }
    let (host, port) = if host_port.starts_with('[') {
        match host_port.find(']') {
            Some(e) => (&host_port[..=e], host_port[e + 1..].strip_prefix(':')),
            None => return false,
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if host_port.starts_with('[') && !host_port[host.len()..].is_empty() && port.is_none() {
        return false;
    }
    if port.is_some_and(|p| p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    ipv4(host) || ipv6(host) || unicode_domain(host)
}

/// Whether `url` is a valid URL: `http(s)://` required unless `require_protocol` is false.
///
/// ```
/// use smo_core::text::is_valid_url;
/// assert!(is_valid_url("https://example.com/path?q=1#top", true));
/// assert!(!is_valid_url("ftp://example.com/", true));
/// assert!(is_valid_url("example.com", false));
/// ```
pub fn is_valid_url(url: &str, require_protocol: bool) -> bool {
    if url.is_empty() {
        return false;
    }
    let (scheme, rest) = match url.find("://") {
        Some(i) if !url[..i].is_empty() && !url[..i].contains(['/', '?', '#']) => {
            (Some(&url[..i]), &url[i + 3..])
        }
        _ => (None, url),
    };
    match scheme {
        Some(s) if !(s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")) => {
            return false;
        }
        None if require_protocol => return false,
        _ => {}
    }
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (auth, rest) = rest.split_at(auth_end);
    let (before_fragment, fragment) = match rest.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (rest, None),
    };
    let (path, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (before_fragment, None),
    };
    let path_ok = path.is_empty() || (path.starts_with('/') && pchars(path, &['/']));
    path_ok
        && query.is_none_or(|q| pchars(q, &['/', '?']))
        && fragment.is_none_or(|f| pchars(f, &['/', '?']))
        && authority(auth)
}

/// Whether `text` is exactly one mention (`@name`).
pub fn is_valid_username(text: &str) -> bool {
    let mut found = Vec::new();
    extract::mentions_or_lists(text, &mut found);
    matches!(found.as_slice(), [m] if m.kind == extract::RawKind::Mention && m.range == (0..text.len()))
}

/// Whether `text` is exactly one list (`@name/slug`), nothing before or after.
pub fn is_valid_list(text: &str) -> bool {
    let mut found = Vec::new();
    extract::mentions_or_lists(text, &mut found);
    matches!(found.as_slice(), [m] if m.kind == extract::RawKind::List && m.range == (0..text.len()))
}

/// Whether `text` is exactly one hashtag.
pub fn is_valid_hashtag(text: &str) -> bool {
    let mut found = Vec::new();
    extract::hashtags(text, &mut found);
    matches!(found.as_slice(), [h] if h.range == (0..text.len()))
}
