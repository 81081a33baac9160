//! Reading one cell: the [`Table`] trait a row type implements, the [`RowCells`] it reads its
//! fields from, and the readers of numbers in a locale and date-times in a zone.
//!
//! A reader returns what is wrong as text, never an [`Error`]: a bad cell rejects its row, with
//! the line only the loader knows, and the load goes on.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::{FieldSpec, LoadOptions};
use crate::error::{Error, Result};

/// A value as the input gave it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}

/// A row type a loader can build.
pub trait Table: Sized {
    /// The table's name.
    const NAME: &'static str;
    /// Its schema.
    const FIELDS: &'static [FieldSpec];
    /// Builds a row from its cells, by schema index.
    #[doc(hidden)]
    fn build(row: &RowCells<'_, '_>) -> std::result::Result<Self, (String, String)>;
}

/// The cells of one input row, indexed like the schema (loader internals).
#[doc(hidden)]
pub struct RowCells<'a, 'o> {
    pub(super) cells: Vec<Option<Cell<'a>>>,
    pub(super) fields: &'static [FieldSpec],
    pub(super) opts: &'o LoadOptions,
}

pub(crate) type FieldResult<T> = std::result::Result<T, (String, String)>;

impl RowCells<'_, '_> {
    fn cell(&self, name: &str) -> (Option<Cell<'_>>, &'static FieldSpec) {
        let i = self.fields.iter().position(|f| f.name == name).unwrap_or(0);
        let cell = self.cells.get(i).copied().flatten().filter(|c| match c {
            Cell::Text(t) => !is_missing(t),
            Cell::Number(_) => true,
        });
        (cell, &self.fields[i])
    }

    fn err<T>(spec: &FieldSpec, message: String) -> FieldResult<T> {
        Err((spec.name.to_owned(), message))
    }

    pub(crate) fn required<T>(&self, name: &str, v: Option<T>) -> FieldResult<T> {
        v.ok_or_else(|| (name.to_owned(), "is required but empty".to_owned()))
    }

    pub(crate) fn text(&self, name: &str) -> Option<String> {
        match self.cell(name).0 {
            Some(Cell::Text(t)) => Some(t.trim().to_owned()),
            Some(Cell::Number(n)) => Some(format_number(n)),
            None => None,
        }
    }

    pub(crate) fn amount(&self, name: &str) -> FieldResult<Option<f64>> {
        let (cell, spec) = self.cell(name);
        match cell {
            None => Ok(None),
            Some(Cell::Number(n)) if n.is_finite() => Ok(Some(n)),
            Some(Cell::Number(n)) => Self::err(spec, format!("{n} is not a finite number")),
            Some(Cell::Text(t)) => parse_number(t, self.opts.decimal_comma)
                .map(Some)
                .map_err(|m| (spec.name.to_owned(), m)),
        }
    }

    pub(crate) fn count(&self, name: &str) -> FieldResult<Option<u64>> {
        let (_, spec) = self.cell(name);
        match self.amount(name)? {
            None => Ok(None),
            Some(v) if v >= 0.0 && v.fract() == 0.0 && v < 9.0e15 => Ok(Some(v as u64)),
            Some(v) => Self::err(
                spec,
                format!(
                    "{v} is not a whole number of 0 or more (counts cannot be fractional or negative)"
                ),
            ),
        }
    }

    pub(crate) fn datetime(&self, name: &str) -> FieldResult<Option<DateTime<Utc>>> {
        let (cell, spec) = self.cell(name);
        match cell {
            None => Ok(None),
            Some(Cell::Number(n)) => Self::err(spec, format!("{n} is a number, not a date-time")),
            Some(Cell::Text(t)) => parse_datetime(t, self.opts)
                .map(|(dt, _)| Some(dt))
                .map_err(|m| (spec.name.to_owned(), m)),
        }
    }

    pub(crate) fn date(&self, name: &str) -> FieldResult<Option<NaiveDate>> {
        let (cell, spec) = self.cell(name);
        match cell {
            None => Ok(None),
            Some(Cell::Number(n)) => Self::err(spec, format!("{n} is a number, not a date")),
            Some(Cell::Text(t)) => match parse_datetime(t, self.opts) {
                Ok((_, Some(date))) => Ok(Some(date)),
                Ok((dt, None)) => Ok(Some(dt.with_timezone(&self.opts.time_zone).date_naive())),
                Err(m) => Self::err(spec, m),
            },
        }
    }

    pub(crate) fn parsed<T: FromStr>(&self, name: &str) -> FieldResult<Option<T>>
    where
        T::Err: fmt::Display,
    {
        let (_, spec) = self.cell(name);
        match self.text(name) {
            None => Ok(None),
            Some(t) => t
                .parse::<T>()
                .map(Some)
                .map_err(|e| (spec.name.to_owned(), e.to_string())),
        }
    }
}

fn is_missing(t: &str) -> bool {
    matches!(
        t.trim(),
        "" | "-" | "—" | "n/a" | "N/A" | "NA" | "null" | "NULL" | "None"
    )
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Reads a number written in a locale.
///
/// Grouping separators (`,` or `.` opposite the decimal mark, space, no-break space U+00A0,
/// narrow no-break space U+202F, thin space U+2009, apostrophe) must separate groups of three
/// digits, so that `1,5` read with a decimal point is an error, not fifteen.
///
/// ```
/// use smo_core::data::parse_number;
/// assert_eq!(parse_number("1 234,5", true), Ok(1234.5));
/// assert_eq!(parse_number("1\u{202f}234", false), Ok(1234.0));
/// assert_eq!(parse_number("1.234.567,25 €", true), Ok(1234567.25));
/// assert!(parse_number("1,5", false).unwrap_err().contains("decimal comma"));
/// ```
pub fn parse_number(raw: &str, decimal_comma: bool) -> std::result::Result<f64, String> {
    let s = raw
        .trim()
        .trim_matches(|c: char| matches!(c, '€' | '$' | '£' | '¥' | '₣') || c.is_whitespace())
        .trim();
    if s.is_empty() {
        return Err(format!("`{raw}` is not a number"));
    }
    let (neg, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (dec, group_mark) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    let is_sep = |c: char| {
        c == group_mark || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
    };
    // Plain or scientific forms without grouping go straight to the float parser.
    if !body.chars().any(is_sep) {
        let plain = if decimal_comma {
            body.replacen(',', ".", 1)
        } else {
            body.to_owned()
        };
        if plain
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
            && plain.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        {
            if let Ok(v) = plain.parse::<f64>() {
                if v.is_finite() {
                    return Ok(if neg { -v } else { v });
                }
            }
        }
        return Err(format!(
            "`{raw}` is not a number{}",
            if body.matches(dec).count() > 1 {
                " (more than one decimal mark)"
            } else {
                ""
            }
        ));
    }
    let (int_part, frac) = match body.split_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int_part.split(is_sep).collect();
    let ok_groups = !groups.is_empty()
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    let ok_frac = frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if !ok_groups || !ok_frac {
        let hint = if !decimal_comma && body.contains(',') {
            " (if `,` is the decimal mark here, load with decimal comma)"
        } else if decimal_comma && body.contains('.') {
            " (if `.` is the decimal mark here, load without decimal comma)"
        } else {
            ""
        };
        return Err(format!("`{raw}` is not a number{hint}"));
    }
    let mut digits: String = groups.concat();
    if let Some(f) = frac {
        digits.push('.');
        digits.push_str(f);
    }
    let v: f64 = digits
        .parse()
        .map_err(|_| format!("`{raw}` is not a number"))?;
    Ok(if neg { -v } else { v })
}

/// Reads a date-time: the caller's format first, then RFC 3339 / ISO 8601 with an offset, then
/// local ISO forms in `opts.time_zone`, then a bare date (local midnight). Returns the instant and,
/// for a bare date, the date itself.
pub(crate) fn parse_datetime(
    raw: &str,
    opts: &LoadOptions,
) -> std::result::Result<(DateTime<Utc>, Option<NaiveDate>), String> {
    let s = raw.trim();
    let tz = opts.time_zone;
    if let Some(fmt) = &opts.datetime_format {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok((dt.with_timezone(&Utc), None));
        }
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(naive, tz, raw).map(|d| (d, None));
        }
        if let Ok(date) = NaiveDate::parse_from_str(s, fmt) {
            return midnight(date, tz, raw).map(|d| (d, Some(date)));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok((dt.with_timezone(&Utc), None));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok((dt.with_timezone(&Utc), None));
        }
    }
    let s_no_z = s.strip_suffix('Z').or_else(|| s.strip_suffix(" UTC"));
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Some(utc) = s_no_z {
            if let Ok(naive) = NaiveDateTime::parse_from_str(utc, fmt) {
                return Ok((naive.and_utc(), None));
            }
        }
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(naive, tz, raw).map(|d| (d, None));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return midnight(date, tz, raw).map(|d| (d, Some(date)));
    }
    Err(format!(
        "`{raw}` is not a date-time: write `2026-07-01 09:30` (local, in {}), `2026-07-01T09:30:00+02:00` or `2026-07-01`, or pass a datetime_format",
        tz.name()
    ))
}

fn local(naive: NaiveDateTime, tz: Tz, raw: &str) -> std::result::Result<DateTime<Utc>, String> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(dt.with_timezone(&Utc)),
        // A repeated hour (DST ends): the first occurrence, as most exports mean it.
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "`{raw}` does not exist in {} (clocks skip it when daylight saving time starts)",
            tz.name()
        )),
    }
}

fn midnight(date: NaiveDate, tz: Tz, raw: &str) -> std::result::Result<DateTime<Utc>, String> {
    let naive = date
        .and_hms_opt(0, 0, 0)
        .ok_or_else(|| format!("`{raw}`: bad date"))?;
    match tz.from_local_datetime(&naive) {
        LocalResult::None => {
            // Some zones skip midnight: the day starts at 01:00.
            let one = date
                .and_hms_opt(1, 0, 0)
                .ok_or_else(|| format!("`{raw}`: bad date"))?;
            local(one, tz, raw)
        }
        _ => local(naive, tz, raw),
    }
}

/// Parses an IANA time zone name (`Europe/Paris`) with a helpful error.
///
/// ```
/// assert!(smo_core::data::time_zone("Europe/Paris").is_ok());
/// assert!(smo_core::data::time_zone("Paris").is_err());
/// ```
pub fn time_zone(name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| Error::Argument {
        name: "time_zone".into(),
        message: format!("`{name}` is not an IANA time zone: write e.g. `Europe/Paris` or `UTC`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_locales() {
        assert_eq!(parse_number("1,234.5", false), Ok(1234.5));
        assert_eq!(parse_number("1 234,5", true), Ok(1234.5));
        assert_eq!(parse_number("1\u{a0}234\u{a0}567", true), Ok(1234567.0));
        assert_eq!(parse_number("1.234,5", true), Ok(1234.5));
        assert_eq!(parse_number("1'234.5", false), Ok(1234.5));
        assert_eq!(parse_number("12,5", true), Ok(12.5));
        assert_eq!(parse_number("-3", false), Ok(-3.0));
        assert_eq!(parse_number("1e3", false), Ok(1000.0));
        assert!(parse_number("1,5", false).is_err());
        assert!(parse_number("1 23", true).is_err());
        assert!(parse_number("abc", true).is_err());
        assert!(parse_number("1.2.3", false).is_err());
        assert!(parse_number("inf", false).is_err());
    }
}
