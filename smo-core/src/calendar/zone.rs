//! Wall time in an IANA zone, resolved to an instant, and the zone's transitions.
//!
//! A slot is stored as (date, wall time, zone) and resolved here, every time, with chrono-tz's
//! copy of the IANA database; no UTC offset is ever saved. Local times that a DST change makes
//! ambiguous follow one rule each, the one RFC 5545 §3.3.5 gives for DATE-TIME with TZID:
//!
//! - **Gap** (spring forward: 02:30 does not exist in Paris on 2027-03-28): the time is read with
//!   the offset in force *before* the gap, which moves it forward by the gap's length (02:30 CET
//!   is 01:30 UTC, shown as 03:30 CEST).
//! - **Fold** (fall back: 02:30 happens twice in Paris on 2027-10-31): the earlier instant, the
//!   first occurrence.
//!
//! [`transitions`] lists the offset changes of a zone over a span, found by scanning the zone
//! hour by hour and bisecting to the second; the iCalendar writer builds each VTIMEZONE from
//! them, so the calendar file and the plan use the same transitions.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use serde::{Deserialize, Serialize};

/// How a wall time was adjusted to become an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Adjustment {
    /// The wall time fell in a DST gap and was moved forward by the gap's length.
    Gap {
        /// Minutes the wall time moved forward.
        minutes: i64,
    },
    /// The wall time happened twice; the earlier instant was taken.
    Fold {
        /// Minutes between the two occurrences.
        minutes: i64,
    },
}

/// The instant of wall time `local` in `zone`, by the rules of the module doc, with the
/// adjustment made, if any.
///
/// ```
/// use chrono_tz::Tz;
/// use smo_core::calendar::zone::{resolve, Adjustment};
/// let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// // Spring forward in Paris: 02:30 does not exist; it is read as 02:30 CET, 03:30 CEST.
/// let (utc, adj) = resolve(Tz::Europe__Paris, at("2027-03-28 02:30"));
/// assert_eq!(utc.to_rfc3339(), "2027-03-28T01:30:00+00:00");
/// assert_eq!(adj, Some(Adjustment::Gap { minutes: 60 }));
/// // Fall back: 02:30 happens twice; the first one (CEST) is taken.
/// let (utc, adj) = resolve(Tz::Europe__Paris, at("2027-10-31 02:30"));
/// assert_eq!(utc.to_rfc3339(), "2027-10-31T00:30:00+00:00");
/// assert_eq!(adj, Some(Adjustment::Fold { minutes: 60 }));
/// ```
pub fn resolve(zone: Tz, local: NaiveDateTime) -> (DateTime<Utc>, Option<Adjustment>) {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => (t.with_timezone(&Utc), None),
        LocalResult::Ambiguous(early, late) => {
            let minutes = (late.with_timezone(&Utc) - early.with_timezone(&Utc)).num_minutes();
            (
                early.with_timezone(&Utc),
                Some(Adjustment::Fold { minutes }),
            )
        }
        LocalResult::None => {
            // The offset before the gap is the offset of the last wall time before it that
            // exists; gaps are at most a day long (Samoa, 2011-12-30), so the walk is bounded.
            let mut probe = local;
            let mut before = None;
            for _ in 0..(2 * 24 * 60) {
                let Some(p) = probe.checked_sub_signed(Duration::minutes(1)) else {
                    break;
                };
                probe = p;
                if let Some(t) = zone.from_local_datetime(&probe).earliest() {
                    before = Some(t.offset().fix());
                    break;
                }
            }
            let offset = before.unwrap_or_else(|| zone.offset_from_utc_datetime(&local).fix());
            let utc = local
                .checked_sub_signed(Duration::seconds(i64::from(offset.local_minus_utc())))
                .unwrap_or(local);
            let utc = Utc.from_utc_datetime(&utc);
            let shown = utc.with_timezone(&zone).naive_local();
            let minutes = shown.signed_duration_since(local).num_minutes();
            (utc, Some(Adjustment::Gap { minutes }))
        }
    }
}

/// One change of a zone's offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The instant of the change.
    pub at: DateTime<Utc>,
    /// Offset before, seconds east of UTC.
    pub from: i32,
    /// Offset after, seconds east of UTC.
    pub to: i32,
    /// Whether the new offset is daylight saving time.
    pub dst: bool,
    /// The zone's abbreviation after the change (`CEST`), or the offset when it has none.
    pub name: String,
}

/// The offset of `zone` at `t`, seconds east of UTC.
pub fn offset_at(zone: Tz, t: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&t.naive_utc())
        .fix()
        .local_minus_utc()
}

/// Whether `zone` is on daylight saving time at `t`, and its abbreviation then.
pub fn observance(zone: Tz, t: DateTime<Utc>) -> (bool, String) {
    let o = zone.offset_from_utc_datetime(&t.naive_utc());
    let name = o.abbreviation().map_or_else(
        || format_offset(o.fix().local_minus_utc(), false),
        str::to_owned,
    );
    (o.dst_offset() != Duration::zero(), name)
}

/// An offset as `+0530` (or `+05:30` with `colon`).
pub fn format_offset(seconds: i32, colon: bool) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m) = (s / 3600, (s % 3600) / 60);
    if colon {
        format!("{sign}{h:02}:{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}")
    }
}

/// The offset changes of `zone` in `[from, to)`, in order.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = smo_core::calendar::zone::transitions(
///     chrono_tz::Tz::Europe__Paris,
///     Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
///     Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap(),
/// );
/// assert_eq!(t.len(), 2);
/// assert_eq!(t[0].at.to_rfc3339(), "2027-03-28T01:00:00+00:00");
/// assert_eq!((t[0].from, t[0].to, t[0].name.as_str()), (3600, 7200, "CEST"));
/// ```
pub fn transitions(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
    let mut out = Vec::new();
    let mut t = from;
    let mut off = offset_at(zone, t);
    while t < to {
        let Some(next) = t.checked_add_signed(Duration::hours(1)) else {
            break;
        };
        let next = next.min(to);
        let next_off = offset_at(zone, next);
        if next_off != off {
            // Bisect to the second: the change is after `lo` and at or before `hi`.
            let (mut lo, mut hi) = (t, next);
            while (hi - lo) > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(zone, mid) == off {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let (dst, name) = observance(zone, hi);
            out.push(Transition {
                at: hi,
                from: off,
                to: next_off,
                dst,
                name,
            });
            off = next_off;
        }
        t = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn gaps_and_folds_in_several_zones() {
        // New York springs forward at 02:00 on 2027-03-14.
        let (u, a) = resolve(Tz::America__New_York, at("2027-03-14 02:15"));
        assert_eq!(u.to_rfc3339(), "2027-03-14T07:15:00+00:00");
        assert_eq!(a, Some(Adjustment::Gap { minutes: 60 }));
        // Sydney falls back at 03:00 on 2027-04-04: 02:30 is first AEDT (+11).
        let (u, a) = resolve(Tz::Australia__Sydney, at("2027-04-04 02:30"));
        assert_eq!(u.to_rfc3339(), "2027-04-03T15:30:00+00:00");
        assert_eq!(a, Some(Adjustment::Fold { minutes: 60 }));
        // Lord Howe moves by half an hour.
        let (_, a) = resolve(Tz::Australia__Lord_Howe, at("2027-10-03 02:15"));
        assert_eq!(a, Some(Adjustment::Gap { minutes: 30 }));
        // Kolkata has no DST.
        let (u, a) = resolve(Tz::Asia__Kolkata, at("2027-03-28 02:30"));
        assert_eq!(u.to_rfc3339(), "2027-03-27T21:00:00+00:00");
        assert_eq!(a, None);
    }

    #[test]
    fn samoa_skipped_a_whole_day() {
        let (u, a) = resolve(Tz::Pacific__Apia, at("2011-12-30 12:00"));
        assert_eq!(a, Some(Adjustment::Gap { minutes: 24 * 60 }));
        assert_eq!(
            u.with_timezone(&Tz::Pacific__Apia).naive_local(),
            at("2011-12-31 12:00")
        );
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for t in [NaiveDateTime::MIN, NaiveDateTime::MAX] {
            for z in [Tz::Europe__Paris, Tz::Pacific__Apia, Tz::UTC] {
                let _ = resolve(z, t);
            }
        }
        let end = DateTime::<Utc>::MAX_UTC;
        assert!(transitions(Tz::UTC, end - Duration::hours(2), end).is_empty());
    }

    #[test]
    fn zones_without_dst_have_no_transitions() {
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap();
        assert!(transitions(Tz::Asia__Tokyo, from, to).is_empty());
        assert_eq!(transitions(Tz::Australia__Sydney, from, to).len(), 4);
    }
}
