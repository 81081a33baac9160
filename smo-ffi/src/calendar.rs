//! FFI surface of the editorial calendar: `planCalendar`, `CalendarPlan` and its records,
//! `holidays`, `readIcs`. Conversion only: the plan, its rules and exports are smo-core's.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::SystemTime;

use smo_core::calendar::{
    self, DatePolicy, Draft, Event, EventKind, PlanOptions, Window, ZonePolicy, ics::IcsRead,
    zone::Adjustment,
};
use smo_core::post::Post;
use smo_core::strategy::parse_date;
use smo_core::{ContentType, Finding, Network, Severity};

use crate::errors::SmoError;
use crate::measure::MeasureData;
use crate::strategy::rule_config;

#[uniffi::remote(Enum)]
enum ZonePolicy {
    PerZone,
    Compromise,
}

#[uniffi::remote(Enum)]
enum DatePolicy {
    Move,
    Flag,
    Skip,
}

#[uniffi::remote(Enum)]
enum EventKind {
    Holiday,
    Blackout,
    Campaign,
}

/// A dated event the plan respects (dates `YYYY-MM-DD`, end inclusive).
#[derive(uniffi::Record, Clone)]
pub struct CalendarEvent {
    /// First day.
    pub start: String,
    /// Last day (inclusive).
    pub end: String,
    /// Name.
    pub name: String,
    /// Holiday, blackout or campaign.
    pub kind: EventKind,
    /// Networks it applies to; empty means all.
    #[uniffi(default)]
    pub networks: Vec<Network>,
    /// Where it comes from.
    #[uniffi(default = "host")]
    pub source: String,
}

impl From<Event> for CalendarEvent {
    fn from(e: Event) -> Self {
        CalendarEvent {
            start: e.start.to_string(),
            end: e.end.to_string(),
            name: e.name,
            kind: e.kind,
            networks: e.networks,
            source: e.source,
        }
    }
}

impl TryFrom<CalendarEvent> for Event {
    type Error = SmoError;
    fn try_from(e: CalendarEvent) -> Result<Self, SmoError> {
        Ok(Event {
            start: parse_date(&e.start)?,
            end: parse_date(&e.end)?,
            name: e.name,
            kind: e.kind,
            networks: e.networks,
            source: e.source,
        })
    }
}

/// A publication window of the host's (wall times `HH:MM`; days `mon`…`sun`, empty: every day).
#[derive(uniffi::Record)]
pub struct CalendarWindow {
    /// The network.
    pub network: Network,
    /// Days of the week.
    #[uniffi(default)]
    pub days: Vec<String>,
    /// Start, `HH:MM`.
    pub start: String,
    /// End (exclusive), `HH:MM`.
    pub end: String,
    /// A name for the reason text.
    #[uniffi(default = "")]
    pub label: String,
}

/// A draft attached to a slot.
#[derive(uniffi::Record)]
pub struct CalendarDraft {
    /// The slot id.
    pub slot: String,
    /// The post text.
    pub text: String,
    /// A link attached outside the text.
    #[uniffi(default = None)]
    pub link: Option<String>,
    /// A content warning (Mastodon).
    #[uniffi(default = None)]
    pub content_warning: Option<String>,
}

/// Options of `planCalendar`.
#[derive(uniffi::Record)]
pub struct CalendarOptions {
    /// Per zone (default) or one compromise window.
    #[uniffi(default = None)]
    pub zone_policy: Option<ZonePolicy>,
    /// A bundled holiday region (`FR`).
    #[uniffi(default = None)]
    pub holidays: Option<String>,
    /// Holidays, blackout dates and campaigns of the host's (or from `readIcs`).
    #[uniffi(default)]
    pub events: Vec<CalendarEvent>,
    /// Move (default), flag or skip slots on blocked dates.
    #[uniffi(default = None)]
    pub date_policy: Option<DatePolicy>,
    /// The account's post history, for learned windows.
    #[uniffi(default = None)]
    pub history: Option<Arc<MeasureData>>,
    /// Posts needed on a network before its history is used.
    #[uniffi(default = 30)]
    pub min_history_posts: u32,
    /// Windows of the host's, replacing the best-time table for their network.
    #[uniffi(default)]
    pub windows: Vec<CalendarWindow>,
    /// Drafts attached to slots.
    #[uniffi(default)]
    pub drafts: Vec<CalendarDraft>,
    /// The present instant, for `calendar/slot-in-past`.
    #[uniffi(default = None)]
    pub now: Option<SystemTime>,
    /// Shortest time between two posts of one channel, minutes.
    #[uniffi(default = 180)]
    pub min_gap_minutes: u32,
    /// Days within which the same draft is a repeat.
    #[uniffi(default = 14)]
    pub repeat_days: u32,
    /// Allowed pillar drift, percentage points.
    #[uniffi(default = 5.0)]
    pub pillar_tolerance: f64,
    /// Share of slots that must fall inside an audience's window.
    #[uniffi(default = 0.5)]
    pub min_window_share: f64,
    /// Rule ids turned off.
    #[uniffi(default)]
    pub disabled: Vec<String>,
    /// Severity overrides by rule id.
    #[uniffi(default)]
    pub severities: HashMap<String, Severity>,
}

/// One planned publication.
#[derive(uniffi::Record)]
pub struct CalendarSlot {
    /// Stable id.
    pub id: String,
    /// The instant.
    pub start: SystemTime,
    /// The instant, RFC 3339 in UTC.
    pub start_utc: String,
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    /// Planned wall time, `HH:MM`.
    pub local_time: String,
    /// The wall time the instant shows, `YYYY-MM-DDTHH:MM` (differs after a DST gap).
    pub local: String,
    /// IANA zone.
    pub zone: String,
    /// Network.
    pub network: Network,
    /// Handle.
    pub handle: String,
    /// Pillar.
    pub pillar: Option<String>,
    /// Content type.
    pub content_type: Option<ContentType>,
    /// Audiences served.
    pub audiences: Vec<String>,
    /// Why this time, pillar and type.
    pub reason: String,
    /// `gap` or `fold` after a DST adjustment.
    pub adjustment: Option<String>,
    /// Campaign running that day.
    pub campaign: Option<String>,
    /// Date moved from.
    pub moved_from: Option<String>,
    /// Attached draft's text.
    pub draft: Option<String>,
}

/// A pillar's planned share against its target.
#[derive(uniffi::Record)]
pub struct CalendarPillar {
    /// Pillar.
    pub pillar: String,
    /// Slots.
    pub slots: u64,
    /// Target share, %.
    pub target: f64,
    /// Planned share, %.
    pub planned: f64,
    /// Planned − target, points.
    pub drift: f64,
}

/// An audience's share of a channel's slots inside its window.
#[derive(uniffi::Record)]
pub struct CalendarReach {
    /// Network.
    pub network: Network,
    /// Handle.
    pub handle: String,
    /// Audience id.
    pub audience: String,
    /// Zone.
    pub zone: String,
    /// Slots it sees.
    pub slots: u64,
    /// Of those, inside its window.
    pub inside: u64,
}

/// The publication plan over a period.
#[derive(uniffi::Object)]
pub struct CalendarPlan(pub(crate) calendar::Plan);

fn slot(s: &calendar::Slot) -> CalendarSlot {
    CalendarSlot {
        id: s.id.clone(),
        start: SystemTime::from(s.start),
        start_utc: s.start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        date: s.date.to_string(),
        local_time: s.time.format("%H:%M").to_string(),
        local: s.local.format("%Y-%m-%dT%H:%M").to_string(),
        zone: s.zone.name().to_owned(),
        network: s.network,
        handle: s.handle.clone(),
        pillar: s.pillar.clone(),
        content_type: s.content_type,
        audiences: s.audiences.clone(),
        reason: s.reason.clone(),
        adjustment: s.adjustment.map(|a| match a {
            Adjustment::Gap { .. } => "gap".to_owned(),
            Adjustment::Fold { .. } => "fold".to_owned(),
        }),
        campaign: s.campaign.clone(),
        moved_from: s.moved_from.map(|d| d.to_string()),
        draft: s.draft.as_ref().map(|p| p.text.clone()),
    }
}

#[uniffi::export]
impl CalendarPlan {
    /// The slots, by instant.
    pub fn slots(&self) -> Vec<CalendarSlot> {
        self.0.slots.iter().map(slot).collect()
    }
    /// Findings of the calendar rules and of the drafts' post checks.
    pub fn findings(&self) -> Vec<Finding> {
        self.0.findings.clone()
    }
    /// Pillars against their targets.
    pub fn pillars(&self) -> Vec<CalendarPillar> {
        self.0
            .pillars
            .iter()
            .map(|p| CalendarPillar {
                pillar: p.pillar.clone(),
                slots: p.slots,
                target: p.target,
                planned: p.planned,
                drift: p.drift,
            })
            .collect()
    }
    /// Audiences' share of slots inside their window.
    pub fn reach(&self) -> Vec<CalendarReach> {
        self.0
            .reach
            .iter()
            .map(|r| CalendarReach {
                network: r.network,
                handle: r.handle.clone(),
                audience: r.audience.clone(),
                zone: r.zone.name().to_owned(),
                slots: r.slots,
                inside: r.inside,
            })
            .collect()
    }
    /// The plan as iCalendar; `stamp` is the DTSTAMP (default: the first day, 00:00 UTC).
    #[uniffi::method(default(stamp = None, utc = false, sequence = 0))]
    pub fn to_ics(&self, stamp: Option<SystemTime>, utc: bool, sequence: u32) -> String {
        let stamp = stamp
            .map(chrono::DateTime::<chrono::Utc>::from)
            .unwrap_or_else(|| self.0.start.and_time(chrono::NaiveTime::MIN).and_utc());
        self.0.to_ics_with(stamp, utc, sequence)
    }
    /// The plan as CSV: layout `smo` or `hootsuite`, one network or all.
    #[uniffi::method(default(layout = "smo", network = None))]
    pub fn to_csv(&self, layout: String, network: Option<Network>) -> Result<String, SmoError> {
        Ok(self.0.to_csv(layout.parse()?, network)?)
    }
    /// The plan as JSON.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// The calendar section of the report, in Markdown.
    pub fn to_markdown(&self) -> String {
        calendar::render::markdown(&self.0)
    }
}

/// Plans the strategy's publishing channels from `start` to `end` (`YYYY-MM-DD`, inclusive).
#[uniffi::export]
pub fn plan_calendar(
    strategy: Arc<crate::strategy::Strategy>,
    start: String,
    end: String,
    options: CalendarOptions,
) -> Result<Arc<CalendarPlan>, SmoError> {
    let (start, end) = (parse_date(&start)?, parse_date(&end)?);
    let mut events = match &options.holidays {
        Some(region) => calendar::holidays(region, start, end)?,
        None => Vec::new(),
    };
    for e in options.events {
        events.push(e.try_into()?);
    }
    let opts = PlanOptions {
        zone_policy: options.zone_policy.unwrap_or_default(),
        events,
        date_policy: options.date_policy.unwrap_or_default(),
        history: options.history.map(|h| h.post_rows()).unwrap_or_default(),
        min_history_posts: options.min_history_posts as usize,
        windows: options
            .windows
            .iter()
            .map(|w| Window::parse(w.network.as_str(), &w.days, &w.start, &w.end, &w.label))
            .collect::<Result<_, _>>()?,
        drafts: options
            .drafts
            .into_iter()
            .map(|d| {
                let mut post = Post::text(d.text);
                post.link = d.link;
                post.content_warning = d.content_warning;
                Draft { slot: d.slot, post }
            })
            .collect(),
        now: options.now.map(chrono::DateTime::<chrono::Utc>::from),
        min_gap_minutes: options.min_gap_minutes,
        repeat_days: options.repeat_days,
        pillar_tolerance: options.pillar_tolerance,
        min_window_share: options.min_window_share,
        rules: rule_config(options.disabled, options.severities),
    };
    Ok(Arc::new(CalendarPlan(calendar::plan(
        &strategy.0,
        start,
        end,
        &opts,
    )?)))
}

/// The bundled public holidays of `region` (`FR`, `FR-Alsace-Moselle`).
#[uniffi::export]
pub fn holidays(
    region: String,
    start: String,
    end: String,
) -> Result<Vec<CalendarEvent>, SmoError> {
    Ok(
        calendar::holidays(&region, parse_date(&start)?, parse_date(&end)?)?
            .into_iter()
            .map(CalendarEvent::from)
            .collect(),
    )
}

/// The VEVENTs of an iCalendar feed as events.
#[uniffi::export(default(start = None, end = None, kind = None))]
pub fn read_ics(
    text: String,
    start: Option<String>,
    end: Option<String>,
    kind: Option<EventKind>,
) -> Result<Vec<CalendarEvent>, SmoError> {
    let opts = IcsRead {
        from: start.as_deref().map(parse_date).transpose()?,
        to: end.as_deref().map(parse_date).transpose()?,
        kind: kind.unwrap_or(EventKind::Holiday),
        ..Default::default()
    };
    Ok(calendar::read_ics(&text, &opts)?
        .into_iter()
        .map(CalendarEvent::from)
        .collect())
}
