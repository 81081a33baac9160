//! The SMO strategy: brand, audiences, objectives, channels, content pillars and listening.
//!
//! A [`Strategy`] is data. It loads from and saves to TOML and JSON; loading checks the
//! structure (types, required fields, references between sections) and fails with an
//! [`Error`] that names the line, column and field path. Judging the plan (is each objective
//! SMART, is each audience served, are the handles right) is the job of the rules in
//! [`rules`], which return [`Finding`](crate::Finding)s instead of
//! failing, because a consultant wants every problem of a draft at once.

pub mod rules;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use url::Url;

use crate::content::ContentType;
use crate::error::{Error, Format, Position, Result, line_column};
use crate::network::Network;

/// A complete SMO strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// The brand.
    pub brand: Brand,
    /// Target audiences (personas).
    #[serde(default)]
    pub audiences: Vec<Audience>,
    /// Objectives.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Channels: one account on one network each.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Content pillars.
    #[serde(default)]
    pub pillars: Vec<Pillar>,
    /// The listening (watch) set-up; `None` when nothing is listened to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listening: Option<Listening>,
    /// How many posts a week the team can produce, across all channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_per_week: Option<f64>,
}

/// The brand the strategy is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The brand's name.
    pub name: String,
    /// The brand's site (absolute URL).
    pub site: Url,
    /// Business sector, free text (`e-commerce / home textiles`).
    #[serde(default)]
    pub sector: String,
    /// Languages the brand speaks, as BCP 47 tags.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// The brand's home time zone (IANA name, `Europe/Paris`): the clock of audiences that name
    /// none, in the editorial calendar ([`crate::calendar`]).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "zone")]
    pub zone: Option<Tz>,
    /// The currency of the brand's money figures (costs, revenue), an ISO 4217 code (`EUR`):
    /// the SMO report prints it beside every amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
}

/// An ISO 4217 currency code (`EUR`, `USD`, `CHF`): three capital letters, syntax-checked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(String);

impl Currency {
    /// Parses a code.
    ///
    /// ```
    /// use smo_core::strategy::Currency;
    /// assert_eq!(Currency::parse("EUR").unwrap().as_str(), "EUR");
    /// assert!(Currency::parse("euro").is_err());
    /// ```
    pub fn parse(code: &str) -> Result<Currency> {
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Currency(code.to_owned()))
        } else {
            Err(Error::Argument {
                name: "currency".into(),
                message: format!(
                    "`{code}` is not an ISO 4217 currency code: write three capital letters such as `EUR`, `USD` or `GBP`"
                ),
            })
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Currency::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A BCP 47 language tag (`fr`, `fr-FR`, `en-GB`), syntax-checked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Language(String);

impl Language {
    /// Parses a tag: a 2–3 letter primary language, then subtags of 1–8 letters or digits.
    ///
    /// ```
    /// use smo_core::strategy::Language;
    /// assert_eq!(Language::parse("fr-FR").unwrap().as_str(), "fr-FR");
    /// assert!(Language::parse("french").is_err());
    /// ```
    pub fn parse(tag: &str) -> Result<Language> {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        let ok_primary =
            (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
        let ok_rest = parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if ok_primary && ok_rest {
            Ok(Language(tag.to_owned()))
        } else {
            Err(Error::Argument {
                name: "language".into(),
                message: format!(
                    "`{tag}` is not a BCP 47 language tag: write e.g. `fr`, `fr-FR` or `en-GB`"
                ),
            })
        }
    }

    /// The tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Language::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// An age range, in years, `min <= max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AgeRangeRaw")]
pub struct AgeRange {
    /// Youngest age.
    pub min: u8,
    /// Oldest age.
    pub max: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeRangeRaw {
    min: u8,
    max: u8,
}

impl TryFrom<AgeRangeRaw> for AgeRange {
    type Error = String;
    fn try_from(raw: AgeRangeRaw) -> std::result::Result<Self, String> {
        if raw.min > raw.max {
            Err(format!(
                "age range {}-{} is reversed: min must not exceed max",
                raw.min, raw.max
            ))
        } else {
            Ok(AgeRange {
                min: raw.min,
                max: raw.max,
            })
        }
    }
}

/// A target audience (persona).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    /// Short id referenced by channels (`young-parents`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Who they are.
    #[serde(default)]
    pub description: String,
    /// Age range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeRange>,
    /// Where they live (countries, regions, cities).
    #[serde(default)]
    pub locations: Vec<String>,
    /// Languages they read.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// Interests.
    #[serde(default)]
    pub interests: Vec<String>,
    /// Networks they use.
    #[serde(default)]
    pub networks: Vec<Network>,
    /// The time zone they live in (IANA name); default: the brand's. The editorial calendar
    /// places their slots in this zone's wall time.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "zone")]
    pub zone: Option<Tz>,
}

/// What an objective serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Awareness, image, community (communication).
    Communication,
    /// Traffic, leads, sales (marketing).
    Marketing,
}

/// An objective. Quantitative objectives must be SMART: a KPI, a baseline, a target and a
/// deadline; qualitative ones state an intent and a deadline only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Short id (`awareness-instagram`).
    pub id: String,
    /// The objective in words.
    pub statement: String,
    /// Communication or marketing.
    pub goal: Goal,
    /// Qualitative objectives need no KPI, baseline or target.
    #[serde(default)]
    pub qualitative: bool,
    /// KPI id from the catalogue ([`crate::kpi`]) or a custom name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<String>,
    /// KPI value at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// KPI value to reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Date the objective starts, when its baseline holds; objective tracking measures the
    /// elapsed share of the time and the trend from it (default: the tracking's start).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "date")]
    pub start: Option<NaiveDate>,
    /// Date by which the target is reached.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "date")]
    pub deadline: Option<NaiveDate>,
    /// Networks the objective is about; empty means every channel.
    #[serde(default)]
    pub networks: Vec<Network>,
}

/// What the brand does on a channel. Each role includes the ones before it: a brand that
/// publishes also engages and listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Watch what is said.
    Listen,
    /// Answer and take part in conversations.
    Engage,
    /// Publish content.
    Publish,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Listen => "listen",
            Role::Engage => "engage",
            Role::Publish => "publish",
        })
    }
}

/// One account on one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// The network.
    pub network: Network,
    /// The account's handle, in any form the network accepts (`@name`, `name`, `user@instance`).
    pub handle: String,
    /// What the brand does there.
    pub role: Role,
    /// Posts per week (publishing channels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<f64>,
    /// Content types published there.
    #[serde(default)]
    pub content_types: Vec<ContentType>,
    /// Ids of the audiences this channel serves.
    #[serde(default)]
    pub audiences: Vec<String>,
}

/// A content pillar: a theme the brand publishes on, with its share of output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    /// Name of the pillar.
    pub name: String,
    /// Share of output, in percent (0–100).
    pub share: f64,
    /// Content types that carry it.
    #[serde(default)]
    pub content_types: Vec<ContentType>,
}

/// The listening (watch) set-up.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listening {
    /// Keywords and brand terms to follow.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Competitors to benchmark.
    #[serde(default)]
    pub competitors: Vec<Competitor>,
    /// Monitoring queries of the analyst's own, by name, in smo's Boolean dialect
    /// ([`crate::listening::Query`]); the keywords and competitors give default ones too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub queries: BTreeMap<String, String>,
}

/// A competitor to watch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    /// Name.
    pub name: String,
    /// Site, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Url>,
    /// Known handles, as `network = "handle"`.
    #[serde(default)]
    pub handles: BTreeMap<Network, String>,
}

impl Strategy {
    /// Reads a strategy from TOML.
    ///
    /// ```
    /// let s = smo_core::Strategy::from_toml(r#"
    /// [brand]
    /// name = "Maison Lune"
    /// site = "https://maisonlune.fr"
    /// "#).unwrap();
    /// assert_eq!(s.brand.name, "Maison Lune");
    ///
    /// let err = smo_core::Strategy::from_toml("[brand]\nname = \"x\"\nsite = \"nope\"\n").unwrap_err();
    /// assert!(err.to_string().contains("line 3"), "{err}");
    /// assert!(err.to_string().contains("brand.site"), "{err}");
    /// ```
    pub fn from_toml(text: &str) -> Result<Strategy> {
        let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, e, None))?;
        let strategy: Strategy = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            toml_error(text, e.into_inner(), Some(path))
        })?;
        strategy.check_references()?;
        Ok(strategy)
    }

    /// Reads a strategy from JSON.
    ///
    /// ```
    /// let err = smo_core::Strategy::from_json(r#"{"brand": {"name": "x", "site": 3}}"#).unwrap_err();
    /// assert!(err.to_string().contains("brand.site"), "{err}");
    /// ```
    pub fn from_json(text: &str) -> Result<Strategy> {
        let mut de = serde_json::Deserializer::from_str(text);
        let strategy: Strategy = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            Error::Parse {
                format: Format::Json,
                position: Position {
                    line: Some(inner.line() as u64).filter(|l| *l > 0),
                    column: Some(inner.column() as u64).filter(|c| *c > 0),
                    path: Some(path).filter(|p| p != "."),
                },
                message: strip_json_position(&inner.to_string()),
            }
        })?;
        de.end().map_err(|e| Error::Parse {
            format: Format::Json,
            position: Position {
                line: Some(e.line() as u64),
                column: Some(e.column() as u64),
                path: None,
            },
            message: strip_json_position(&e.to_string()),
        })?;
        strategy.check_references()?;
        Ok(strategy)
    }

    /// Writes the strategy as pretty JSON.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Write {
            format: Format::Json,
            message: e.to_string(),
        })
    }

    /// Writes the strategy as TOML.
    ///
    /// ```
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/examples/maison-lune/strategy.toml")).unwrap();
    /// let s = smo_core::Strategy::from_toml(&text).unwrap();
    /// assert_eq!(smo_core::Strategy::from_toml(&s.to_toml().unwrap()).unwrap(), s);
    /// ```
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string_pretty(self).map_err(|e| Error::Write {
            format: Format::Toml,
            message: e.to_string(),
        })
    }

    /// The example brand's strategy (`docs/examples/maison-lune/strategy.toml`), embedded in
    /// the library so that demos and tests run anywhere.
    ///
    /// ```
    /// assert_eq!(smo_core::Strategy::example().unwrap().brand.name, "Maison Lune");
    /// ```
    pub fn example() -> Result<Strategy> {
        Strategy::from_toml(EXAMPLE_TOML)
    }

    /// The ids that sections refer to must exist, and ids must be unique.
    fn check_references(&self) -> Result<()> {
        unique_ids(self.audiences.iter().map(|a| a.id.as_str()), "audiences")?;
        unique_ids(self.objectives.iter().map(|o| o.id.as_str()), "objectives")?;
        if self.brand.name.trim().is_empty() {
            return Err(Error::Invalid {
                path: "brand.name".into(),
                message: "the brand name is empty".into(),
            });
        }
        let known: BTreeSet<&str> = self.audiences.iter().map(|a| a.id.as_str()).collect();
        for (i, channel) in self.channels.iter().enumerate() {
            for (j, id) in channel.audiences.iter().enumerate() {
                if !known.contains(id.as_str()) {
                    return Err(Error::Invalid {
                        path: format!("channels[{i}].audiences[{j}]"),
                        message: format!(
                            "no audience has id `{id}`: declare it under [[audiences]] or use one of: {}",
                            known.iter().copied().collect::<Vec<_>>().join(", ")
                        ),
                    });
                }
            }
            if let Some(c) = channel.cadence.filter(|c| !c.is_finite() || *c < 0.0) {
                return Err(Error::Invalid {
                    path: format!("channels[{i}].cadence"),
                    message: format!("cadence {c} is not a number of posts per week (0 or more)"),
                });
            }
        }
        for (i, pillar) in self.pillars.iter().enumerate() {
            if !(pillar.share.is_finite() && (0.0..=100.0).contains(&pillar.share)) {
                return Err(Error::Invalid {
                    path: format!("pillars[{i}].share"),
                    message: format!(
                        "share {} is not a percentage between 0 and 100",
                        pillar.share
                    ),
                });
            }
        }
        for (i, o) in self.objectives.iter().enumerate() {
            for (field, v) in [("baseline", o.baseline), ("target", o.target)] {
                if v.is_some_and(|v| !v.is_finite()) {
                    return Err(Error::Invalid {
                        path: format!("objectives[{i}].{field}"),
                        message: "the value is not a finite number".into(),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Parses a calendar date written `YYYY-MM-DD` (the form every smo surface uses).
///
/// ```
/// assert!(smo_core::strategy::parse_date("2027-06-30").is_ok());
/// assert!(smo_core::strategy::parse_date("30/06/2027").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::Argument {
        name: "date".into(),
        message: format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2027-06-30"),
    })
}

/// The example brand's strategy, as TOML.
pub(crate) const EXAMPLE_TOML: &str = include_str!("../../docs/examples/maison-lune/strategy.toml");

fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, section: &str) -> Result<()> {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(Error::Invalid {
                path: format!("{section}[{i}].id"),
                message: "the id is empty".into(),
            });
        }
        if !seen.insert(id) {
            return Err(Error::Invalid {
                path: format!("{section}[{i}].id"),
                message: format!("the id `{id}` is used twice: ids must be unique"),
            });
        }
    }
    Ok(())
}

fn toml_error(text: &str, e: toml::de::Error, path: Option<String>) -> Error {
    let (line, column) = match e.span() {
        Some(span) => {
            let (l, c) = line_column(text, span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Error::Parse {
        format: Format::Toml,
        position: Position {
            line,
            column,
            path: path.filter(|p| p != "."),
        },
        message: e.message().trim().to_owned(),
    }
}

/// serde_json appends " at line L column C" to its messages; the position is reported apart.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Dates as `YYYY-MM-DD`, read from a JSON string or a TOML local date.
/// IANA zones in strategy files: written as their name, read with a "did you mean" hint.
mod zone {
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(z: &Option<Tz>, s: S) -> Result<S::Ok, S::Error> {
        match z {
            Some(z) => s.serialize_str(z.name()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Tz>, D::Error> {
        let name = String::deserialize(d)?;
        crate::calendar::lookup_zone(&name)
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

mod date {
    use std::fmt;

    use chrono::NaiveDate;
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_any(DateVisitor).map(Some)
    }

    struct DateVisitor;

    fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            E::custom(format!(
                "`{s}` is not a date: write YYYY-MM-DD, e.g. 2027-06-30"
            ))
        })
    }

    impl<'de> Visitor<'de> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
            parse(s)
        }

        // TOML hands its date-times to serde as a one-entry map holding the text.
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
            match map.next_entry::<String, String>()? {
                Some((_, text)) => parse(&text),
                None => Err(de::Error::custom("expected a date YYYY-MM-DD")),
            }
        }
    }
}
