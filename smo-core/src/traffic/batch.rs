//! The batch path: a web server access log (combined log format) or a list of referrers → a
//! traffic-source breakdown. Runs in parallel (rayon); the result does not depend on the number
//! of threads. Nothing is dropped silently: asset requests, bot hits and error responses are
//! left out by default but counted, and lines that are not in combined log format come back with
//! their line number.
//!
//! ```
//! use smo_core::traffic::batch::{breakdown_log, LogOptions};
//! let log = r#"1.2.3.4 - - [01/Jul/2026:10:00:00 +0200] "GET /draps HTTP/1.1" 200 512 "https://t.co/x" "Mozilla/5.0"
//! 1.2.3.4 - - [01/Jul/2026:10:00:01 +0200] "GET /style.css HTTP/1.1" 200 99 "https://www.maisonlune.fr/draps" "Mozilla/5.0"
//! garbage"#;
//! let b = breakdown_log(log, &LogOptions { site: Some("https://www.maisonlune.fr/".into()), ..Default::default() });
//! assert_eq!(b.total, 1);
//! assert_eq!(b.sources[0].source, "X");
//! assert_eq!(b.skipped_assets, 1);
//! assert_eq!(b.rejected[0].line, 3);
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::channel::Channel;
use super::domains::Medium;
use super::referrer::{ClassifyOptions, Referrer, classify_with};
use crate::network::Network;

/// Visits from one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    /// Medium.
    pub medium: Medium,
    /// Source display name.
    pub source: String,
    /// Network, when social.
    pub network: Option<Network>,
    /// GA4-model channel.
    pub channel: Channel,
    /// Visits.
    pub count: u64,
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedLine {
    /// 1-based line number.
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// A traffic-source breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// Visits classified.
    pub total: u64,
    /// Visits per medium, in [`Medium::ALL`] order (zeros included).
    pub by_medium: Vec<(Medium, u64)>,
    /// Visits per GA4-model channel, most first (ties by channel order).
    pub by_channel: Vec<(Channel, u64)>,
    /// Visits per source, most first (ties by medium, then name).
    pub sources: Vec<SourceCount>,
    /// Search terms seen, most first.
    pub terms: Vec<(String, u64)>,
    /// Requests for assets (CSS, JS, images, fonts) left out.
    pub skipped_assets: u64,
    /// Hits from bots left out.
    pub skipped_bots: u64,
    /// Error responses (status ≥ 400) and non-GET requests left out.
    pub skipped_errors: u64,
    /// Lines that are not in combined log format.
    pub rejected: Vec<RejectedLine>,
    /// Version of the domain table.
    pub table_version: &'static str,
}

#[derive(Default)]
pub(crate) struct Tally {
    by_source: HashMap<(Medium, String, Option<Network>, Channel), u64>,
    terms: HashMap<String, u64>,
    assets: u64,
    bots: u64,
    errors: u64,
    rejected: Vec<RejectedLine>,
}

impl Tally {
    fn add(&mut self, r: Referrer) {
        let ch = r.channel();
        if let Some(t) = r.term {
            *self.terms.entry(t).or_default() += 1;
        }
        *self
            .by_source
            .entry((r.medium, r.source, r.network, ch))
            .or_default() += 1;
    }

    pub(crate) fn merge(mut self, o: Tally) -> Tally {
        for (k, v) in o.by_source {
            *self.by_source.entry(k).or_default() += v;
        }
        for (k, v) in o.terms {
            *self.terms.entry(k).or_default() += v;
        }
        self.assets += o.assets;
        self.bots += o.bots;
        self.errors += o.errors;
        self.rejected.extend(o.rejected);
        self
    }

    /// The breakdown, reporting the version of the referrer database that classified it.
    pub(crate) fn finish(self, table_version: &'static str) -> Breakdown {
        let mut sources: Vec<SourceCount> = self
            .by_source
            .into_iter()
            .map(|((medium, source, network, channel), count)| SourceCount {
                medium,
                source,
                network,
                channel,
                count,
            })
            .collect();
        sources.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.medium.cmp(&b.medium))
                .then(a.source.cmp(&b.source))
        });
        let total = sources.iter().map(|s| s.count).sum();
        let by_medium = Medium::ALL
            .iter()
            .map(|m| {
                (
                    *m,
                    sources
                        .iter()
                        .filter(|s| s.medium == *m)
                        .map(|s| s.count)
                        .sum(),
                )
            })
            .collect();
        let mut by_channel: Vec<(Channel, u64)> = Channel::ALL
            .iter()
            .map(|c| {
                (
                    *c,
                    sources
                        .iter()
                        .filter(|s| s.channel == *c)
                        .map(|s| s.count)
                        .sum(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        by_channel.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut terms: Vec<(String, u64)> = self.terms.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut rejected = self.rejected;
        rejected.sort_by_key(|r| r.line);
        Breakdown {
            total,
            by_medium,
            by_channel,
            sources,
            terms,
            skipped_assets: self.assets,
            skipped_bots: self.bots,
            skipped_errors: self.errors,
            rejected,
            table_version,
        }
    }
}

/// Classifies many referrers (in parallel), in input order.
pub fn classify_many<S: AsRef<str> + Sync>(
    referrers: &[S],
    page_url: Option<&str>,
    opts: &ClassifyOptions,
) -> Vec<Referrer> {
    referrers
        .par_iter()
        .map(|r| classify_with(r.as_ref(), page_url, opts))
        .collect()
}

/// One classification of [`classify_coded`]: medium, source, network, search term, channel.
pub type Classified<'a> = (
    Medium,
    Cow<'a, str>,
    Option<Network>,
    Option<String>,
    Channel,
);

/// Rows given as codes into `texts` (a host's distinct objects, say), classified once per
/// distinct text, in parallel: the distinct classifications and each row's code into them.
/// Equal texts under two codes share one classification.
///
/// ```
/// let (distinct, rows) = smo_core::traffic::batch::classify_coded(
///     &["https://t.co/x", "", "https://t.co/x"], &[0, 1, 2, 0], None, &Default::default());
/// assert_eq!((distinct.len(), rows), (2, vec![0, 1, 0, 0]));
/// assert_eq!(distinct[0].1, "X");
/// ```
pub fn classify_coded<'a>(
    texts: &[&'a str],
    codes: &[u32],
    page_url: Option<&str>,
    opts: &ClassifyOptions,
) -> (Vec<Classified<'a>>, Vec<u32>) {
    let mut by_text: HashMap<&str, u32, std::hash::BuildHasherDefault<super::fnv::Fnv>> =
        HashMap::with_capacity_and_hasher(texts.len(), Default::default());
    let mut keys: Vec<&'a str> = Vec::new();
    let remap: Vec<u32> = texts
        .iter()
        .map(|t| {
            *by_text.entry(t).or_insert_with(|| {
                keys.push(t);
                u32::try_from(keys.len() - 1).unwrap_or(u32::MAX)
            })
        })
        .collect();
    let distinct: Vec<Classified<'a>> = keys
        .par_iter()
        .map(|r| {
            let h = super::referrer::classify_hit(r, page_url, opts);
            let ch = h.channel();
            (h.medium, h.source, h.network, h.term, ch)
        })
        .collect();
    let rows = codes
        .par_iter()
        .map(|c| remap.get(*c as usize).copied().unwrap_or(0))
        .collect();
    (distinct, rows)
}

/// A breakdown of a list of referrers, all landing on `page_url` (or unknown pages).
pub fn breakdown_referrers<S: AsRef<str> + Sync>(
    referrers: &[S],
    page_url: Option<&str>,
    opts: &ClassifyOptions,
) -> Breakdown {
    referrers
        .par_chunks(8192)
        .map(|chunk| {
            let mut t = Tally::default();
            for r in chunk {
                t.add(classify_with(r.as_ref(), page_url, opts));
            }
            t
        })
        .reduce(Tally::default, Tally::merge)
        .finish(opts.database().version())
}

/// One request of an access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry<'a> {
    /// Client address.
    pub client: &'a str,
    /// Time as written (`01/Jul/2026:10:00:00 +0200`).
    pub time: &'a str,
    /// Method.
    pub method: &'a str,
    /// Path and query requested.
    pub path: &'a str,
    /// Status code.
    pub status: u16,
    /// Referrer (`-` when none).
    pub referrer: &'a str,
    /// User agent.
    pub user_agent: &'a str,
}

fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start().strip_prefix('"')?;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some((&s[..i], &s[i + 1..])),
            _ => i += 1,
        }
    }
    None
}

/// Parses one line of the combined log format:
/// `%h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-agent}i"`.
///
/// ```
/// let e = smo_core::traffic::batch::parse_log_line(r#"::1 - bob [01/Jul/2026:10:00:00 +0000] "GET /a?b=1 HTTP/2" 304 - "-" "curl/8""#).unwrap();
/// assert_eq!((e.path, e.status, e.referrer), ("/a?b=1", 304, "-"));
/// ```
pub fn parse_log_line(line: &str) -> Result<LogEntry<'_>, String> {
    let mut it = line.splitn(4, ' ');
    let client = it.next().filter(|s| !s.is_empty()).ok_or("empty line")?;
    let _ident = it.next().ok_or("no identity field")?;
    let _user = it.next().ok_or("no user field")?;
    let rest = it.next().ok_or("no time field")?;
    let rest = rest
        .trim_start()
        .strip_prefix('[')
        .ok_or("no [time] field")?;
    let close = rest.find(']').ok_or("unterminated [time] field")?;
    let time = &rest[..close];
    let (request, rest) = quoted(&rest[close + 1..]).ok_or("no quoted request")?;
    let mut fields = rest.split_whitespace();
    let status: u16 = fields
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or("no status code")?;
    let _bytes = fields.next().ok_or("no size field")?;
    let after_size = {
        let pos = rest
            .find(_bytes)
            .map(|p| p + _bytes.len())
            .ok_or("no size field")?;
        &rest[pos..]
    };
    let (referrer, rest) = quoted(after_size)
        .ok_or("no quoted referrer (common log format has none: use combined)")?;
    let user_agent = quoted(rest).map(|(ua, _)| ua).unwrap_or("");
    let mut r = request.split(' ');
    let method = r.next().unwrap_or("");
    let path = r.next().unwrap_or("");
    Ok(LogEntry {
        client,
        time,
        method,
        path,
        status,
        referrer,
        user_agent,
    })
}

const ASSET_EXTS: &[&str] = &[
    ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg",
    ".ico", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp4", ".webm", ".mp3", ".json", ".xml",
    ".txt", ".pdf",
];

fn is_asset(path: &str) -> bool {
    let p = path
        .split(['?', '#'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    ASSET_EXTS.iter().any(|e| p.ends_with(e))
}

fn is_bot(ua: &str) -> bool {
    let ua = ua.to_ascii_lowercase();
    ua.is_empty()
        || [
            "bot",
            "crawler",
            "spider",
            "slurp",
            "curl/",
            "wget/",
            "python-requests",
            "headless",
            "facebookexternalhit",
            "preview",
        ]
        .iter()
        .any(|b| ua.contains(b))
}

/// Options of [`breakdown_log`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogOptions {
    /// The site's URL (`https://www.example.com/`): its host makes internal traffic, and paths
    /// are joined to it to read click ids on landing pages.
    pub site: Option<String>,
    /// Classifier options.
    pub classify: ClassifyOptions,
    /// Count requests for assets too.
    pub include_assets: bool,
    /// Count bots too.
    pub include_bots: bool,
    /// Count error responses and non-GET requests too.
    pub include_errors: bool,
}

/// A breakdown of a combined-format access log.
pub fn breakdown_log(text: &str, opts: &LogOptions) -> Breakdown {
    let lines: Vec<(u64, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i as u64 + 1, l))
        .collect();
    tally_lines(&lines, opts).finish(opts.classify.database().version())
}

/// Lines read at a time by [`breakdown_log_reader`]: memory holds one such batch (and the
/// tallies), whatever the size of the log.
pub const LOG_BATCH_BYTES: usize = 16 << 20;

/// A breakdown of a combined-format access log read from `reader`, in batches of about
/// [`LOG_BATCH_BYTES`]: the result of [`breakdown_log`] on the same text, in memory bounded by
/// the batch and the distinct sources, so a log of any size goes through. A line that is not
/// UTF-8 is a rejected line with the byte offset of its first bad byte, never a lost one.
///
/// Fails only when the reader does (an [`Error::Argument`](crate::Error) naming the line).
pub fn breakdown_log_reader<R: std::io::BufRead>(
    mut reader: R,
    opts: &LogOptions,
) -> crate::Result<Breakdown> {
    let mut total = Tally::default();
    let mut buf: Vec<u8> = Vec::with_capacity(LOG_BATCH_BYTES + (64 << 10));
    // Offsets of the lines of the batch in `buf`, with their line numbers.
    let mut spans: Vec<(u64, usize, usize)> = Vec::new();
    let mut line_no: u64 = 0;
    loop {
        buf.clear();
        spans.clear();
        let mut eof = false;
        while buf.len() < LOG_BATCH_BYTES {
            let start = buf.len();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| crate::Error::Argument {
                    name: "reader".into(),
                    message: format!("reading line {}: {e}", line_no + 1),
                })?;
            if n == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            spans.push((line_no, start, buf.len()));
        }
        let mut bad = Vec::new();
        let lines: Vec<(u64, &str)> = spans
            .iter()
            .filter_map(|&(n, a, b)| {
                let raw = &buf[a..b];
                let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                match std::str::from_utf8(raw) {
                    Ok(l) if l.trim().is_empty() => None,
                    Ok(l) => Some((n, l)),
                    Err(e) => {
                        bad.push(RejectedLine {
                            line: n,
                            reason: format!(
                                "not UTF-8 at byte {} of the line: re-encode the log as UTF-8",
                                e.valid_up_to()
                            ),
                        });
                        None
                    }
                }
            })
            .collect();
        let mut t = tally_lines(&lines, opts);
        t.rejected.extend(bad);
        total = total.merge(t);
        if eof {
            break;
        }
    }
    Ok(total.finish(opts.classify.database().version()))
}

/// The tally of numbered log lines, in parallel.
pub(crate) fn tally_lines(lines: &[(u64, &str)], opts: &LogOptions) -> Tally {
    let site = opts.site.as_deref().map(|s| s.trim_end_matches('/'));
    lines
        .par_chunks(4096)
        .map(|chunk| {
            let mut t = Tally::default();
            for (n, line) in chunk {
                let e = match parse_log_line(line) {
                    Ok(e) => e,
                    Err(reason) => {
                        t.rejected.push(RejectedLine {
                            line: *n,
                            reason: reason.to_owned(),
                        });
                        continue;
                    }
                };
                if !opts.include_errors && (e.status >= 400 || !matches!(e.method, "GET" | "HEAD"))
                {
                    t.errors += 1;
                    continue;
                }
                if !opts.include_assets && is_asset(e.path) {
                    t.assets += 1;
                    continue;
                }
                if !opts.include_bots && is_bot(e.user_agent) {
                    t.bots += 1;
                    continue;
                }
                let page = site.map(|s| format!("{s}{}", e.path));
                t.add(classify_with(e.referrer, page.as_deref(), &opts.classify));
            }
            t
        })
        .reduce(Tally::default, Tally::merge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_breakdown_counts_everything() {
        let log = [
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET /?gclid=x HTTP/1.1" 200 1 "https://www.google.com/" "Mozilla/5.0""#,
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET / HTTP/1.1" 200 1 "https://www.google.fr/" "Mozilla/5.0""#,
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET /a HTTP/1.1" 200 1 "https://www.maisonlune.fr/" "Mozilla/5.0""#,
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET /b HTTP/1.1" 404 1 "-" "Mozilla/5.0""#,
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET /c HTTP/1.1" 200 1 "-" "Googlebot/2.1""#,
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET /d HTTP/1.1" 200 1 "-" "Mozilla/5.0 \"quoted\"""#,
            r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET /e HTTP/1.1" 200 1"#,
        ]
        .join("\n");
        let b = breakdown_log(
            &log,
            &LogOptions {
                site: Some("https://www.maisonlune.fr/".into()),
                ..Default::default()
            },
        );
        assert_eq!(b.total, 4);
        assert_eq!(b.skipped_errors, 1);
        assert_eq!(b.skipped_bots, 1);
        assert_eq!(b.rejected.len(), 1);
        assert_eq!(b.rejected[0].line, 7);
        let m: HashMap<Medium, u64> = b.by_medium.iter().copied().collect();
        assert_eq!(
            (
                m[&Medium::Paid],
                m[&Medium::Search],
                m[&Medium::Internal],
                m[&Medium::Direct]
            ),
            (1, 1, 1, 1)
        );
    }

    #[test]
    fn the_reader_gives_the_text_result_and_keeps_bad_lines() {
        let good = r#"1.1.1.1 - - [01/Jul/2026:10:00:00 +0200] "GET / HTTP/1.1" 200 1 "https://www.google.fr/" "Mozilla/5.0""#;
        let mut log = Vec::new();
        for i in 0..3000 {
            log.extend_from_slice(good.as_bytes());
            log.extend_from_slice(if i % 2 == 0 { b"\r\n" } else { b"\n" });
        }
        let mut text = String::from_utf8(log.clone()).unwrap();
        text.push_str(good);
        log.extend_from_slice(b"1.1.1.1 - - [x] \"GET /\xff HTTP/1.1\" 200 1 \"-\" \"M\"\n");
        log.extend_from_slice(good.as_bytes());
        let from_text = breakdown_log(&text, &LogOptions::default());
        let from_reader =
            breakdown_log_reader(std::io::Cursor::new(&log), &LogOptions::default()).unwrap();
        assert_eq!(from_reader.total, 3001);
        assert_eq!(from_reader.sources, from_text.sources);
        assert_eq!(from_reader.rejected.len(), 1);
        assert_eq!(from_reader.rejected[0].line, 3001);
        assert!(
            from_reader.rejected[0].reason.contains("UTF-8 at byte 22"),
            "{:?}",
            from_reader.rejected
        );
    }

    #[test]
    fn referrer_list_breakdown() {
        let refs: Vec<String> = (0..20_000)
            .map(|i| {
                if i % 4 == 0 {
                    "https://t.co/x".to_owned()
                } else {
                    "".to_owned()
                }
            })
            .collect();
        let b = breakdown_referrers(&refs, None, &ClassifyOptions::default());
        assert_eq!(b.total, 20_000);
        assert_eq!(b.sources[0].source, "(direct)");
        assert_eq!(b.sources[1].count, 5_000);
        assert_eq!(b.by_channel[1], (Channel::OrganicSocial, 5_000));
    }
}
