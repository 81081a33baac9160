//! iCalendar (RFC 5545): the plan written out, and existing calendars read in.
//!
//! **Writing** ([`Plan::to_ics`]): one VEVENT per slot with a stable UID (the slot id at the
//! brand's domain: the same plan gives the same UIDs), SEQUENCE, DTSTAMP, DTSTART with TZID and
//! a VTIMEZONE per zone built from [`super::zone::transitions`] over the plan's span (or
//! DTSTART in UTC, by option), a 15-minute DURATION, SUMMARY, DESCRIPTION (channel, pillar,
//! content type, why, draft) and CATEGORIES. Lines end in CRLF and are folded at 75 octets
//! without splitting a UTF-8 sequence (§3.1); TEXT values are escaped (§3.3.11). A slot moved
//! forward by a DST gap is written at the wall time it shows, so that any reader, with our
//! VTIMEZONE or its own copy of the zone, finds the same instant.
//!
//! **Reading** ([`read_ics`]): the VEVENTs of a feed (holidays, campaign dates) become
//! [`Event`]s: DTSTART as DATE or DATE-TIME (UTC, TZID or floating: its local date counts),
//! DTEND (exclusive) or DURATION, SUMMARY, CATEGORIES (`holiday`, `blackout`, `campaign` set the
//! kind), and simple recurrences (RRULE with FREQ, INTERVAL, COUNT, UNTIL). Errors say the line
//! and what was expected; nothing in the input can make it panic or loop without end.

use std::fmt::Write as _;

use chrono::{DateTime, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Format, Position, Result};

use super::model::{Event, EventKind, Plan, Slot};
use super::zone::{format_offset, observance, offset_at, transitions};

/// The longest octet length of a line, CRLF excluded (RFC 5545 §3.1).
const FOLD: usize = 75;

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            ';' => o.push_str("\\;"),
            ',' => o.push_str("\\,"),
            '\n' => o.push_str("\\n"),
            '\r' => {}
            c => o.push(c),
        }
    }
    o
}

/// Appends `line` folded at 75 octets, each part ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = FOLD;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = FOLD - 1;
    }
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// One VTIMEZONE for `zone`, valid from before `from` to `to`.
fn vtimezone(out: &mut String, zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) {
    push_line(out, "BEGIN:VTIMEZONE");
    push_line(out, &format!("TZID:{}", zone.name()));
    // The observance in force at `from` starts at the last change before it (within ~2 years).
    let mut list = transitions(zone, from - Duration::days(800), from)
        .into_iter()
        .last()
        .into_iter()
        .collect::<Vec<_>>();
    list.extend(transitions(zone, from, to));
    if list.is_empty() {
        let off = offset_at(zone, from);
        let (dst, name) = observance(zone, from);
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        push_line(out, &format!("BEGIN:{kind}"));
        push_line(out, "DTSTART:19700101T000000");
        push_line(out, &format!("TZOFFSETFROM:{}", format_offset(off, false)));
        push_line(out, &format!("TZOFFSETTO:{}", format_offset(off, false)));
        push_line(out, &format!("TZNAME:{}", escape(&name)));
        push_line(out, &format!("END:{kind}"));
    }
    for t in list {
        let kind = if t.dst { "DAYLIGHT" } else { "STANDARD" };
        let onset = t.at.naive_utc() + Duration::seconds(i64::from(t.from));
        push_line(out, &format!("BEGIN:{kind}"));
        push_line(out, &format!("DTSTART:{}", local(onset)));
        push_line(
            out,
            &format!("TZOFFSETFROM:{}", format_offset(t.from, false)),
        );
        push_line(out, &format!("TZOFFSETTO:{}", format_offset(t.to, false)));
        push_line(out, &format!("TZNAME:{}", escape(&t.name)));
        push_line(out, &format!("END:{kind}"));
    }
    push_line(out, "END:VTIMEZONE");
}

fn summary(s: &Slot) -> String {
    let mut parts = vec![format!("{} {}", s.network.info().name, s.handle)];
    if let Some(p) = &s.pillar {
        parts.push(p.clone());
    }
    if let Some(t) = s.content_type {
        parts.push(t.as_str().to_owned());
    }
    parts.join(" · ")
}

fn description(s: &Slot) -> String {
    let mut d = String::new();
    let _ = writeln!(d, "Channel: {} {}", s.network.info().name, s.handle);
    let _ = writeln!(d, "Pillar: {}", s.pillar.as_deref().unwrap_or("-"));
    let _ = writeln!(
        d,
        "Content type: {}",
        s.content_type.map_or("-", |t| t.as_str())
    );
    if !s.audiences.is_empty() {
        let _ = writeln!(d, "Audiences: {}", s.audiences.join(", "));
    }
    if let Some(c) = &s.campaign {
        let _ = writeln!(d, "Campaign: {c}");
    }
    let _ = writeln!(d, "Why: {}", s.reason);
    if let Some(p) = &s.draft {
        let _ = writeln!(d, "Draft: {}", p.text);
    }
    d.trim_end().to_owned()
}

impl Plan {
    /// The plan as an iCalendar file. `stamp` is the DTSTAMP of every event (smo reads no
    /// clock: pass the time of export); with `utc`, DTSTART is in UTC and no VTIMEZONE is written.
    pub fn to_ics(&self, stamp_at: DateTime<Utc>, utc: bool) -> String {
        self.to_ics_with(stamp_at, utc, 0)
    }

    /// [`Plan::to_ics`] with a SEQUENCE number for a re-issued plan (RFC 5545 §3.8.7.4).
    pub fn to_ics_with(&self, stamp_at: DateTime<Utc>, utc: bool, sequence: u32) -> String {
        let mut o = String::with_capacity(self.slots.len() * 700 + 4096);
        push_line(&mut o, "BEGIN:VCALENDAR");
        push_line(&mut o, "VERSION:2.0");
        push_line(
            &mut o,
            &format!(
                "PRODID:-//smo//editorial calendar {}//EN",
                env!("CARGO_PKG_VERSION")
            ),
        );
        push_line(&mut o, "CALSCALE:GREGORIAN");
        push_line(&mut o, "METHOD:PUBLISH");
        push_line(
            &mut o,
            &format!(
                "X-WR-CALNAME:{}",
                escape(&format!("{} editorial calendar", self.brand))
            ),
        );
        if !utc {
            let mut zones: Vec<Tz> = self.slots.iter().map(|s| s.zone).collect();
            zones.sort_by_key(|z| z.name());
            zones.dedup();
            let from =
                self.slots.iter().map(|s| s.start).min().unwrap_or_default() - Duration::days(1);
            let to =
                self.slots.iter().map(|s| s.start).max().unwrap_or_default() + Duration::days(1);
            for z in zones {
                vtimezone(&mut o, z, from, to);
            }
        }
        let dtstamp = stamp(stamp_at);
        for s in &self.slots {
            push_line(&mut o, "BEGIN:VEVENT");
            push_line(&mut o, &format!("UID:{}@{}", s.id, self.domain));
            push_line(&mut o, &format!("SEQUENCE:{sequence}"));
            push_line(&mut o, &format!("DTSTAMP:{dtstamp}"));
            if utc {
                push_line(&mut o, &format!("DTSTART:{}", stamp(s.start)));
            } else {
                push_line(
                    &mut o,
                    &format!("DTSTART;TZID={}:{}", s.zone.name(), local(s.local)),
                );
            }
            push_line(&mut o, "DURATION:PT15M");
            push_line(&mut o, &format!("SUMMARY:{}", escape(&summary(s))));
            push_line(&mut o, &format!("DESCRIPTION:{}", escape(&description(s))));
            let mut cats = vec![escape(s.network.as_str())];
            if let Some(p) = &s.pillar {
                cats.push(escape(p));
            }
            push_line(&mut o, &format!("CATEGORIES:{}", cats.join(",")));
            push_line(&mut o, "TRANSP:TRANSPARENT");
            push_line(&mut o, "END:VEVENT");
        }
        push_line(&mut o, "END:VCALENDAR");
        o
    }
}

/// Options of [`read_ics`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsRead {
    /// Events ending before this day are left out; needed to expand an open recurrence.
    pub from: Option<NaiveDate>,
    /// Events starting after this day are left out; needed to expand an open recurrence.
    pub to: Option<NaiveDate>,
    /// The kind of events whose CATEGORIES name none (`holiday`, `blackout`, `campaign`).
    pub kind: EventKind,
    /// Most events read (recurrences included): a bound on memory. Default 100,000.
    pub max_events: usize,
}

impl Default for IcsRead {
    fn default() -> Self {
        IcsRead {
            from: None,
            to: None,
            kind: EventKind::Holiday,
            max_events: 100_000,
        }
    }
}

fn err(line: usize, message: String) -> Error {
    Error::Parse {
        format: Format::Ics,
        position: Position {
            line: Some(line as u64),
            column: None,
            path: None,
        },
        message,
    }
}

/// One content line: name, parameters, value, and the line it starts on.
struct Line {
    no: usize,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

fn content_lines(text: &str) -> Result<Vec<Line>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut logical: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            match logical.last_mut() {
                Some((_, l)) => l.push_str(rest),
                None => {
                    return Err(err(
                        i + 1,
                        "a folded continuation line comes before any content line".into(),
                    ));
                }
            }
        } else if !raw.is_empty() {
            logical.push((i + 1, raw.to_owned()));
        }
    }
    let mut out = Vec::with_capacity(logical.len());
    for (no, l) in logical {
        // The name and parameters end at the first ':' outside a quoted parameter value.
        let mut quoted = false;
        let mut colon = None;
        for (i, c) in l.char_indices() {
            match c {
                '"' => quoted = !quoted,
                ':' if !quoted => {
                    colon = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(colon) = colon else {
            return Err(err(
                no,
                format!("`{}` has no `:` between name and value", trunc(&l)),
            ));
        };
        let (head, value) = (&l[..colon], &l[colon + 1..]);
        let mut parts = head.split(';');
        let name = parts.next().unwrap_or_default().trim().to_ascii_uppercase();
        if name.is_empty() {
            return Err(err(no, "a content line has no name before `:`".into()));
        }
        let mut params = Vec::new();
        for p in parts {
            let Some((k, v)) = p.split_once('=') else {
                return Err(err(
                    no,
                    format!("parameter `{}` of {name} has no `=`", trunc(p)),
                ));
            };
            params.push((
                k.trim().to_ascii_uppercase(),
                v.trim_matches('"').to_owned(),
            ));
        }
        out.push(Line {
            no,
            name,
            params,
            value: value.to_owned(),
        });
    }
    Ok(out)
}

fn trunc(s: &str) -> String {
    let mut t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}

fn unescape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n' | 'N') => o.push('\n'),
                Some(c) => o.push(c),
                None => o.push('\\'),
            }
        } else {
            o.push(c);
        }
    }
    o
}

/// A DTSTART/DTEND value: its local date, and whether it was a DATE.
fn parse_when(line: &Line) -> Result<(NaiveDate, bool)> {
    let v = line.value.trim();
    let is_date = line
        .params
        .iter()
        .any(|(k, v)| k == "VALUE" && v.eq_ignore_ascii_case("DATE"))
        || (v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return NaiveDate::parse_from_str(v, "%Y%m%d")
            .map(|d| (d, true))
            .map_err(|_| {
                err(
                    line.no,
                    format!("{} `{}` is not a DATE: write YYYYMMDD", line.name, trunc(v)),
                )
            });
    }
    let bad = || {
        err(
            line.no,
            format!(
                "{} `{}` is not a DATE-TIME: write YYYYMMDDTHHMMSS, with Z for UTC",
                line.name,
                trunc(v)
            ),
        )
    };
    // UTC, TZID or floating: the date as written is the day the event marks.
    let body = v.strip_suffix(['Z', 'z']).unwrap_or(v);
    let t = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
    Ok((t.date(), false))
}

/// An RFC 5545 DURATION, in whole days (rounded up when hours or minutes remain).
fn parse_duration_days(line: &Line) -> Result<i64> {
    let v = line.value.trim();
    let bad = || {
        err(
            line.no,
            format!(
                "DURATION `{}` is not a duration such as P1D, PT2H or P1W",
                trunc(v)
            ),
        )
    };
    let body = v
        .strip_prefix('+')
        .unwrap_or(v)
        .strip_prefix('P')
        .ok_or_else(bad)?;
    let (mut days, mut seconds) = (0i64, 0i64);
    let mut num = String::new();
    let mut in_time = false;
    for c in body.chars() {
        match c {
            '0'..='9' => num.push(c),
            'T' => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = num.parse().map_err(|_| bad())?;
                num.clear();
                match (c, in_time) {
                    ('W', false) => days = days.saturating_add(n.saturating_mul(7)),
                    ('D', false) => days = days.saturating_add(n),
                    ('H', true) => seconds = seconds.saturating_add(n.saturating_mul(3600)),
                    ('M', true) => seconds = seconds.saturating_add(n.saturating_mul(60)),
                    ('S', true) => seconds = seconds.saturating_add(n),
                    _ => return Err(bad()),
                }
            }
            _ => return Err(bad()),
        }
    }
    if !num.is_empty() {
        return Err(bad());
    }
    Ok(days
        .saturating_add((seconds + 86_399) / 86_400)
        .min(100_000))
}

#[derive(Default)]
struct Raw {
    line: usize,
    start: Option<(NaiveDate, bool)>,
    end: Option<NaiveDate>,
    days: Option<i64>,
    summary: Option<String>,
    kind: Option<EventKind>,
    rrule: Option<(usize, String)>,
}

fn kind_of(categories: &str) -> Option<EventKind> {
    let c = categories.to_lowercase();
    if c.contains("blackout") {
        Some(EventKind::Blackout)
    } else if c.contains("campaign") || c.contains("campagne") {
        Some(EventKind::Campaign)
    } else if c.contains("holiday") || c.contains("férié") || c.contains("ferie") {
        Some(EventKind::Holiday)
    } else {
        None
    }
}

enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

fn step(d: NaiveDate, freq: &Freq, n: u32) -> Option<NaiveDate> {
    match freq {
        Freq::Daily => d.checked_add_signed(Duration::days(i64::from(n))),
        Freq::Weekly => d.checked_add_signed(Duration::weeks(i64::from(n))),
        Freq::Monthly => d.checked_add_months(Months::new(n)),
        Freq::Yearly => d.checked_add_months(Months::new(n.saturating_mul(12))),
    }
}

/// Reads the VEVENTs of an iCalendar feed as events.
///
/// ```
/// use smo_core::calendar::{read_ics, EventKind, ics::IcsRead};
/// let feed = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270505\r\nDTEND;VALUE=DATE:20270507\r\nSUMMARY:Soldes\\, printemps\r\nCATEGORIES:campaign\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
/// let ev = read_ics(feed, &IcsRead::default())?;
/// assert_eq!((ev[0].name.as_str(), ev[0].kind), ("Soldes, printemps", EventKind::Campaign));
/// assert_eq!(ev[0].end.to_string(), "2027-05-06"); // DTEND is exclusive
/// let bad = read_ics("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2027\r\n", &IcsRead::default()).unwrap_err();
/// assert!(bad.to_string().contains("line 3"), "{bad}");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn read_ics(text: &str, opts: &IcsRead) -> Result<Vec<Event>> {
    let lines = content_lines(text)?;
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    let mut cur: Option<Raw> = None;
    let mut saw_calendar = false;
    for l in &lines {
        match l.name.as_str() {
            "BEGIN" => {
                let what = l.value.trim().to_ascii_uppercase();
                if stack.is_empty() && what != "VCALENDAR" {
                    return Err(err(
                        l.no,
                        format!(
                            "the feed must start with BEGIN:VCALENDAR, not BEGIN:{}",
                            trunc(&what)
                        ),
                    ));
                }
                if stack.len() > 16 {
                    return Err(err(l.no, "components nest more than 16 deep".into()));
                }
                if what == "VCALENDAR" {
                    saw_calendar = true;
                }
                if what == "VEVENT" {
                    cur = Some(Raw {
                        line: l.no,
                        ..Default::default()
                    });
                }
                stack.push((what, l.no));
            }
            "END" => {
                let what = l.value.trim().to_ascii_uppercase();
                match stack.pop() {
                    Some((open, _)) if open == what => {}
                    Some((open, at)) => {
                        return Err(err(
                            l.no,
                            format!(
                                "END:{} closes BEGIN:{open} of line {at}: expected END:{open}",
                                trunc(&what)
                            ),
                        ));
                    }
                    None => return Err(err(l.no, format!("END:{} has no BEGIN", trunc(&what)))),
                }
                if what == "VEVENT" {
                    if let Some(r) = cur.take() {
                        raws.push(r);
                    }
                }
            }
            _ => {
                let in_event = stack.last().is_some_and(|(c, _)| c == "VEVENT");
                let Some(r) = cur.as_mut().filter(|_| in_event) else {
                    continue;
                };
                match l.name.as_str() {
                    "DTSTART" => r.start = Some(parse_when(l)?),
                    "DTEND" => r.end = Some(parse_when(l)?.0),
                    "DURATION" => r.days = Some(parse_duration_days(l)?),
                    "SUMMARY" => r.summary = Some(unescape(&l.value)),
                    "CATEGORIES" => r.kind = r.kind.or(kind_of(&unescape(&l.value))),
                    "X-SMO-KIND" => r.kind = kind_of(&l.value).or(r.kind),
                    "RRULE" => r.rrule = Some((l.no, l.value.clone())),
                    _ => {}
                }
            }
        }
    }
    if let Some((open, at)) = stack.last() {
        return Err(err(
            lines.last().map_or(1, |l| l.no),
            format!("BEGIN:{open} of line {at} is never closed: add END:{open}"),
        ));
    }
    if !saw_calendar {
        return Err(err(
            1,
            "no BEGIN:VCALENDAR: this is not an iCalendar feed".into(),
        ));
    }
    let mut out = Vec::new();
    for r in raws {
        let Some((start, is_date)) = r.start else {
            return Err(err(r.line, "the VEVENT has no DTSTART".into()));
        };
        let end = match (r.end, r.days) {
            (Some(e), _) if is_date => e.pred_opt().unwrap_or(e).max(start),
            (Some(e), _) => e.max(start),
            (None, Some(d)) if d > 0 => start
                .checked_add_signed(Duration::days(d - 1))
                .unwrap_or(start),
            _ => start,
        };
        let span = end - start;
        let name = r.summary.clone().unwrap_or_else(|| "(no summary)".into());
        let kind = r.kind.unwrap_or(opts.kind);
        let source = format!("iCalendar feed, VEVENT of line {}", r.line);
        let push = |s: NaiveDate, out: &mut Vec<Event>| -> Result<()> {
            let Some(e) = s.checked_add_signed(span) else {
                return Err(err(
                    r.line,
                    format!("the event of {s} ends past the last date smo can hold"),
                ));
            };
            if opts.from.is_some_and(|f| e < f) || opts.to.is_some_and(|t| s > t) {
                return Ok(());
            }
            if out.len() >= opts.max_events {
                return Err(err(
                    r.line,
                    format!(
                        "more than {} events: read a shorter span (from, to)",
                        opts.max_events
                    ),
                ));
            }
            out.push(Event {
                start: s,
                end: e,
                name: name.clone(),
                kind,
                networks: Vec::new(),
                source: source.clone(),
            });
            Ok(())
        };
        match &r.rrule {
            None => push(start, &mut out)?,
            Some((no, rule)) => {
                let (mut freq, mut interval, mut count, mut until) = (None, 1u32, None, None);
                for part in rule.split(';').filter(|p| !p.is_empty()) {
                    let (k, v) = part.split_once('=').ok_or_else(|| {
                        err(*no, format!("RRULE part `{}` has no `=`", trunc(part)))
                    })?;
                    match k.to_ascii_uppercase().as_str() {
                        "FREQ" => {
                            freq = Some(match v.to_ascii_uppercase().as_str() {
                                "DAILY" => Freq::Daily,
                                "WEEKLY" => Freq::Weekly,
                                "MONTHLY" => Freq::Monthly,
                                "YEARLY" => Freq::Yearly,
                                other => {
                                    return Err(err(
                                        *no,
                                        format!(
                                            "RRULE FREQ={} is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY, or list the dates",
                                            trunc(other)
                                        ),
                                    ));
                                }
                            })
                        }
                        "INTERVAL" => {
                            interval = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                                err(
                                    *no,
                                    format!(
                                        "RRULE INTERVAL `{}` is not a positive number",
                                        trunc(v)
                                    ),
                                )
                            })?
                        }
                        "COUNT" => {
                            count = Some(v.parse::<usize>().map_err(|_| {
                                err(*no, format!("RRULE COUNT `{}` is not a number", trunc(v)))
                            })?)
                        }
                        "UNTIL" => {
                            let l = Line {
                                no: *no,
                                name: "UNTIL".into(),
                                params: Vec::new(),
                                value: v.to_owned(),
                            };
                            until = Some(parse_when(&l)?.0);
                        }
                        "WKST" => {}
                        other => {
                            return Err(err(
                                *no,
                                format!(
                                    "RRULE part {} is not supported (smo expands FREQ, INTERVAL, COUNT and UNTIL): list the dates in the feed",
                                    trunc(other)
                                ),
                            ));
                        }
                    }
                }
                let freq = freq.ok_or_else(|| err(*no, "RRULE has no FREQ".into()))?;
                let last = match (until, opts.to) {
                    (Some(u), Some(t)) => Some(u.min(t)),
                    (u, t) => u.or(t),
                };
                if count.is_none() && last.is_none() {
                    return Err(err(
                        *no,
                        "the RRULE has no COUNT or UNTIL: give the span to read (to)".into(),
                    ));
                }
                let mut d = start;
                let mut n = 0usize;
                loop {
                    if count.is_some_and(|c| n >= c) || last.is_some_and(|l| d > l) {
                        break;
                    }
                    push(d, &mut out)?;
                    n += 1;
                    if n > opts.max_events.saturating_mul(4) {
                        return Err(err(
                            *no,
                            format!(
                                "the RRULE gives more than {} dates: read a shorter span",
                                opts.max_events
                            ),
                        ));
                    }
                    match step(d, &freq, interval) {
                        Some(next) => d = next,
                        None => break,
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn folding_keeps_utf8_and_75_octets() {
        let mut o = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        push_line(&mut o, &line);
        for part in o.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= FOLD, "{}", part.len());
        }
        let unfolded = o.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }

    #[test]
    fn durations_and_recurrences() {
        let feed = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY;COUNT=3\nSUMMARY:Jour de l'an\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20270301T090000Z\nDURATION:P2DT1H\nSUMMARY:Salon\nCATEGORIES:Campaign\nEND:VEVENT\nEND:VCALENDAR\n";
        let ev = read_ics(feed, &IcsRead::default()).unwrap();
        assert_eq!(ev.len(), 4);
        assert_eq!(ev[3].start.year(), 2029);
        let salon = ev.iter().find(|e| e.name == "Salon").unwrap();
        assert_eq!((salon.kind, salon.end.day()), (EventKind::Campaign, 3));
    }

    #[test]
    fn errors_name_the_line() {
        for (feed, want) in [
            ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", "line 3"),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:x\nEND:VEVENT\nEND:VCALENDAR",
                "line 3",
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR",
                "line 4",
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR",
                "line 2",
            ),
            ("no calendar here", "line 1"),
            (" folded first", "line 1"),
        ] {
            let e = read_ics(feed, &IcsRead::default()).unwrap_err();
            assert!(e.to_string().contains(want), "{feed:?}: {e}");
        }
    }
}
