//! Public holidays, generated from the law's rules rather than typed in by hand.
//!
//! Each row of [`HOLIDAYS`] is one holiday as the law defines it: a fixed day of the year or an
//! offset from Easter Sunday (computed with the Gregorian computus, Meeus/Jones/Butcher), with
//! the article that lists it and the date smo read it. [`holidays`] turns the rows into
//! [`Event`]s for a range of years. Only France, the example brand's country, is bundled; a host
//! passes other countries' holidays as events or as an ICS feed ([`super::read_ics`]).

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::{Error, Result};

use super::model::{Event, EventKind};

/// How a holiday's date is found each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
}

/// One public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// ISO 3166 country code, with a region after `-` where the holiday is regional.
    pub region: &'static str,
    /// Its name in the country's language.
    pub name: &'static str,
    /// Its date rule.
    pub rule: Rule,
    /// The text that makes it a holiday.
    pub source: &'static str,
    /// When smo read the source.
    pub as_of: &'static str,
}

const L3133_1: &str =
    "Code du travail, art. L3133-1; https://www.service-public.fr/particuliers/vosdroits/F2405";
const L3134_13: &str = "Code du travail, art. L3134-13 (Alsace-Moselle); https://www.service-public.fr/particuliers/vosdroits/F2405";

/// The bundled holidays: France's eleven public holidays and Alsace-Moselle's two more.
pub static HOLIDAYS: &[Holiday] = &[
    Holiday {
        region: "FR",
        name: "Jour de l'an",
        rule: Rule::Fixed(1, 1),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Lundi de Pâques",
        rule: Rule::Easter(1),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Fête du Travail",
        rule: Rule::Fixed(5, 1),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Victoire 1945",
        rule: Rule::Fixed(5, 8),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Ascension",
        rule: Rule::Easter(39),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Lundi de Pentecôte",
        rule: Rule::Easter(50),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Fête nationale",
        rule: Rule::Fixed(7, 14),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Assomption",
        rule: Rule::Fixed(8, 15),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Toussaint",
        rule: Rule::Fixed(11, 1),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Armistice 1918",
        rule: Rule::Fixed(11, 11),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR",
        name: "Noël",
        rule: Rule::Fixed(12, 25),
        source: L3133_1,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR-Alsace-Moselle",
        name: "Vendredi saint",
        rule: Rule::Easter(-2),
        source: L3134_13,
        as_of: "2026-12-02",
    },
    Holiday {
        region: "FR-Alsace-Moselle",
        name: "Saint-Étienne",
        rule: Rule::Fixed(12, 26),
        source: L3134_13,
        as_of: "2026-12-02",
    },
];

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of Meeus).
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(smo_core::calendar::holidays::easter(2027), NaiveDate::from_ymd_opt(2027, 3, 28));
/// ```
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The holidays of `region` (`FR`, or `FR-Alsace-Moselle` for France plus the regional ones)
/// from `from` to `to` (inclusive), as events sorted by date.
///
/// ```
/// use chrono::NaiveDate;
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// let h = smo_core::calendar::holidays::holidays("FR", d("2027-01-01"), d("2027-06-30")).unwrap();
/// let names: Vec<_> = h.iter().map(|e| (e.start.to_string(), e.name.as_str())).collect();
/// assert_eq!(names[1], ("2027-03-29".to_owned(), "Lundi de Pâques"));
/// assert_eq!(names.len(), 6);
/// ```
pub fn holidays(region: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<Event>> {
    let wanted = |r: &str| r == region || region.starts_with(&format!("{r}-"));
    if !HOLIDAYS.iter().any(|h| wanted(h.region)) {
        let mut known: Vec<&str> = HOLIDAYS.iter().map(|h| h.region).collect();
        known.dedup();
        return Err(Error::Argument {
            name: "holidays".into(),
            message: format!(
                "smo bundles no holidays for `{region}`: use one of {}, or pass the events (an ICS feed works)",
                known.join(", ")
            ),
        });
    }
    if to.year() - from.year() > 1000 || to < from {
        return Err(Error::Argument {
            name: "holidays".into(),
            message: format!(
                "{from} to {to} is not a span of at most 1,000 years: give the plan's period"
            ),
        });
    }
    let mut out = Vec::new();
    for year in from.year()..=to.year() {
        for h in HOLIDAYS.iter().filter(|h| wanted(h.region)) {
            let date = match h.rule {
                Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
                Rule::Easter(off) => easter(year).map(|e| e + Duration::days(off)),
            };
            if let Some(date) = date.filter(|d| (from..=to).contains(d)) {
                out.push(Event {
                    start: date,
                    end: date,
                    name: h.name.to_owned(),
                    kind: EventKind::Holiday,
                    networks: Vec::new(),
                    source: format!(
                        "{} public holiday, {} (as of {})",
                        h.region, h.source, h.as_of
                    ),
                });
            }
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_matches_known_dates() {
        for (y, m, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }

    #[test]
    fn france_has_eleven_a_year_and_alsace_two_more() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            holidays("FR", d("2027-01-01"), d("2027-12-31"))
                .unwrap()
                .len(),
            11
        );
        let am = holidays("FR-Alsace-Moselle", d("2027-01-01"), d("2027-12-31")).unwrap();
        assert_eq!(am.len(), 13);
        assert!(
            am.iter()
                .any(|e| e.name == "Vendredi saint" && e.start == d("2027-03-26"))
        );
        assert!(holidays("DE", d("2027-01-01"), d("2027-12-31")).is_err());
    }
}
