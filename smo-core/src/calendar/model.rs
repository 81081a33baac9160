//! The calendar's data: the options a host passes, the plan smo returns, and its parts.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use std::str::FromStr;

use crate::content::ContentType;
use crate::data::PostRow;
use crate::error::Error;
use crate::finding::{Finding, RuleConfig};
use crate::network::Network;
use crate::post::Post;

use super::zone::Adjustment;

/// How a channel that serves audiences in several zones is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZonePolicy {
    /// Slots per zone: the week's posts are shared among the zones by audience count, and each
    /// zone's slots sit in its own best windows, in its own wall time.
    #[default]
    PerZone,
    /// One set of slots in the main zone's wall time, at the times that fall inside the most
    /// audiences' windows at once.
    Compromise,
}

impl ZonePolicy {
    /// The id used in bindings: `per_zone` or `compromise`.
    pub fn as_str(self) -> &'static str {
        match self {
            ZonePolicy::PerZone => "per_zone",
            ZonePolicy::Compromise => "compromise",
        }
    }
}

fn bad(name: &str, value: &str, accepted: &str) -> Error {
    Error::Argument {
        name: name.into(),
        message: format!("`{value}` is not accepted: use {accepted}"),
    }
}

impl FromStr for ZonePolicy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "per_zone" => Ok(ZonePolicy::PerZone),
            "compromise" => Ok(ZonePolicy::Compromise),
            _ => Err(bad("zone_policy", s, "`per_zone` or `compromise`")),
        }
    }
}

impl FromStr for DatePolicy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "move" => Ok(DatePolicy::Move),
            "flag" => Ok(DatePolicy::Flag),
            "skip" => Ok(DatePolicy::Skip),
            _ => Err(bad("date_policy", s, "`move`, `flag` or `skip`")),
        }
    }
}

impl FromStr for EventKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "holiday" => Ok(EventKind::Holiday),
            "blackout" => Ok(EventKind::Blackout),
            "campaign" => Ok(EventKind::Campaign),
            _ => Err(bad("kind", s, "`holiday`, `blackout` or `campaign`")),
        }
    }
}

/// A wall time written `HH:MM` (or `HH:MM:SS`), for windows handed by a host.
///
/// ```
/// assert_eq!(smo_core::calendar::parse_time("09:30").unwrap().to_string(), "09:30:00");
/// assert!(smo_core::calendar::parse_time("9h30").is_err());
/// ```
pub fn parse_time(s: &str) -> Result<NaiveTime, Error> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
        .map_err(|_| Error::Argument {
            name: "time".into(),
            message: format!("`{s}` is not a wall time: write HH:MM, e.g. 09:30"),
        })
}

/// A day of the week written as its English name or its first three letters (`mon`, `Monday`).
pub fn parse_weekday(s: &str) -> Result<Weekday, Error> {
    s.trim().parse::<Weekday>().map_err(|_| Error::Argument {
        name: "days".into(),
        message: format!(
            "`{s}` is not a day of the week: write mon, tue, wed, thu, fri, sat or sun"
        ),
    })
}

impl Window {
    /// A window from the strings a host passes: network id, days (empty: every day), `HH:MM`
    /// start and end, and a label.
    pub fn parse(
        network: &str,
        days: &[String],
        start: &str,
        end: &str,
        label: &str,
    ) -> Result<Window, Error> {
        Ok(Window {
            network: network.parse()?,
            days: days
                .iter()
                .map(|d| parse_weekday(d))
                .collect::<Result<_, _>>()?,
            start: parse_time(start)?,
            end: parse_time(end)?,
            label: label.to_owned(),
        })
    }
}

/// What a slot that falls on a holiday or blackout date becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePolicy {
    /// Moved to the next open day of the same week (else the previous one), same wall time.
    #[default]
    Move,
    /// Kept, with a finding.
    Flag,
    /// Dropped, with a finding.
    Skip,
}

impl DatePolicy {
    /// The id used in bindings: `move`, `flag` or `skip`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePolicy::Move => "move",
            DatePolicy::Flag => "flag",
            DatePolicy::Skip => "skip",
        }
    }
}

/// The kind of a dated event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A public holiday: no post, by the [`DatePolicy`].
    Holiday,
    /// A date the brand does not publish on (a crisis, a closure): no post, by the policy.
    Blackout,
    /// A campaign or a moment to publish for: slots on its dates carry its name.
    Campaign,
}

impl EventKind {
    /// The id used in files and bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Holiday => "holiday",
            EventKind::Blackout => "blackout",
            EventKind::Campaign => "campaign",
        }
    }

    /// Whether the event blocks publication.
    pub fn blocks(self) -> bool {
        !matches!(self, EventKind::Campaign)
    }
}

/// A dated event the plan respects: a holiday, a blackout date, a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive); the first day for a one-day event.
    pub end: NaiveDate,
    /// Name (`Lundi de Pâques`, `Soldes d'hiver`).
    pub name: String,
    /// What it is.
    pub kind: EventKind,
    /// Networks it applies to; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub networks: Vec<Network>,
    /// Where the event comes from (`FR public holidays (Code du travail L3133-1)`, `ics line 12`).
    pub source: String,
}

impl Event {
    /// Whether the event covers `date` on `network`.
    pub fn covers(&self, date: NaiveDate, network: Network) -> bool {
        self.start <= date
            && date <= self.end
            && (self.networks.is_empty() || self.networks.contains(&network))
    }
}

/// A publication window handed by the host: it replaces the best-time table for its network.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Window {
    /// The network.
    pub network: Network,
    /// Days of the week it applies to; empty means every day.
    #[serde(serialize_with = "weekdays")]
    pub days: Vec<Weekday>,
    /// First wall time of the window (local to each audience).
    pub start: NaiveTime,
    /// End of the window (exclusive); an end before the start runs past midnight.
    pub end: NaiveTime,
    /// A name for the reason text (`the team's posting hours`).
    pub label: String,
}

fn weekdays<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(days.iter().map(|d| d.to_string()))
}

/// A draft attached to a slot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The id of the slot ([`Slot::id`]).
    pub slot: String,
    /// The post.
    pub post: Post,
}

/// Options of [`plan`](super::plan).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOptions {
    /// Slots per zone, or one compromise window. Default: per zone.
    pub zone_policy: ZonePolicy,
    /// Holidays, blackout dates and campaigns (from [`holidays`](super::holidays()), an ICS
    /// feed through [`read_ics`](super::read_ics), or the host).
    pub events: Vec<Event>,
    /// What a slot on a holiday or blackout date becomes. Default: moved.
    pub date_policy: DatePolicy,
    /// The account's own post history (the measurement schema); windows learned from it replace
    /// the defaults of a network once it has [`PlanOptions::min_history_posts`] posts there.
    pub history: Vec<PostRow>,
    /// Posts needed on a network before its history replaces the defaults. Default 30.
    pub min_history_posts: usize,
    /// Windows of the host's own, per network; they replace the best-time table and history.
    pub windows: Vec<Window>,
    /// Drafts attached to slots; each is checked with `check_post` for its slot's network.
    pub drafts: Vec<Draft>,
    /// The present instant, for `calendar/slot-in-past`; smo reads no clock. Default: none.
    pub now: Option<DateTime<Utc>>,
    /// Shortest time between two posts of one channel, in minutes. Default 180.
    pub min_gap_minutes: u32,
    /// Days within which the same draft on one channel is a repeat. Default 14.
    pub repeat_days: u32,
    /// Allowed drift, in percentage points, between a pillar's planned and target share.
    /// Default 5.
    pub pillar_tolerance: f64,
    /// Share of a channel's slots (0–1) that must fall inside an audience's window. Default 0.5.
    pub min_window_share: f64,
    /// Calendar and post rules turned off or re-graded.
    pub rules: RuleConfig,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            zone_policy: ZonePolicy::PerZone,
            events: Vec::new(),
            date_policy: DatePolicy::Move,
            history: Vec::new(),
            min_history_posts: 30,
            windows: Vec::new(),
            drafts: Vec::new(),
            now: None,
            min_gap_minutes: 180,
            repeat_days: 14,
            pillar_tolerance: 5.0,
            min_window_share: 0.5,
            rules: RuleConfig::default(),
        }
    }
}

/// One planned publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    /// Stable id: network, handle, local date and rank of the day (`instagram-maisonlune-20270104-1`).
    pub id: String,
    /// The network.
    pub network: Network,
    /// The channel's handle.
    pub handle: String,
    /// Index of the channel in the strategy.
    pub channel: usize,
    /// Local date, in [`Slot::zone`].
    pub date: NaiveDate,
    /// Local wall time as planned.
    pub time: NaiveTime,
    /// The IANA zone of the audience served.
    #[serde(serialize_with = "zone_name", deserialize_with = "zone_of")]
    pub zone: Tz,
    /// The instant: `date` and `time` resolved in `zone` (see [`super::zone::resolve`]).
    pub start: DateTime<Utc>,
    /// The wall time the instant shows in `zone`; differs from `date` and `time` after a gap.
    pub local: NaiveDateTime,
    /// The DST adjustment made, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<Adjustment>,
    /// The pillar.
    pub pillar: Option<String>,
    /// The content type.
    pub content_type: Option<ContentType>,
    /// Ids of the audiences the slot is for.
    pub audiences: Vec<String>,
    /// Why this time, this pillar and this content type.
    pub reason: String,
    /// The campaign running that day, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// The date the slot was moved from (holiday or blackout), if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<NaiveDate>,
    /// The holiday or blackout date the slot was moved off, or kept on by the date policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_by: Option<String>,
    /// The draft attached, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "draft_text",
        deserialize_with = "draft_of"
    )]
    pub draft: Option<Post>,
}

fn zone_name<S: Serializer>(z: &Tz, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(z.name())
}

fn zone_of<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
    let name = String::deserialize(d)?;
    name.parse::<Tz>().map_err(serde::de::Error::custom)
}

fn draft_text<S: Serializer>(p: &Option<Post>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => s.serialize_str(&p.text),
        None => s.serialize_none(),
    }
}

/// A draft read back from its JSON form, the text alone (the link, content warning and type are
/// not in that form: a host that needs them keeps the [`Post`]).
fn draft_of<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Post>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(Post::text))
}

/// A pillar's planned share against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarShare {
    /// The pillar.
    pub pillar: String,
    /// Slots planned.
    pub slots: u64,
    /// Target share of output, % (the strategy's share, normalised to 100).
    pub target: f64,
    /// Planned share, %.
    pub planned: f64,
    /// Planned minus target, percentage points.
    pub drift: f64,
}

/// How much of a channel's output falls inside one audience's window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceReach {
    /// The channel's network.
    pub network: Network,
    /// The channel's handle.
    pub handle: String,
    /// The audience.
    pub audience: String,
    /// Its zone.
    #[serde(serialize_with = "zone_name", deserialize_with = "zone_of")]
    pub zone: Tz,
    /// Slots the audience is meant to see.
    pub slots: u64,
    /// Of those, slots inside its window in its own wall time.
    pub inside: u64,
    /// `inside / slots`, 0–1.
    pub share: f64,
    /// Field path of the audience in the strategy (`channels[0].audiences[2]`).
    pub path: String,
}

/// One channel's plan against its cadence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelPlan {
    /// Network.
    pub network: Network,
    /// Handle.
    pub handle: String,
    /// Posts per week in the strategy.
    pub cadence: f64,
    /// Posts the cadence asks for over the period.
    pub expected: u64,
    /// Slots planned.
    pub planned: u64,
    /// Where the times come from: `host`, `history` or `studies`.
    pub times_from: String,
}

/// The publication plan over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Brand name.
    pub brand: String,
    /// Host of the brand's site, the domain of the slots' iCalendar UIDs.
    pub domain: String,
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// The zone policy used.
    pub zone_policy: ZonePolicy,
    /// Slots, by instant then id.
    pub slots: Vec<Slot>,
    /// Channels against their cadence.
    pub channels: Vec<ChannelPlan>,
    /// Pillars against their target shares, over all slots.
    pub pillars: Vec<PillarShare>,
    /// Audiences' share of slots inside their window.
    pub reach: Vec<AudienceReach>,
    /// Events of the period the plan respected.
    pub events: Vec<Event>,
    /// Findings of the calendar rules and of the attached drafts' post checks.
    pub findings: Vec<Finding>,
}
