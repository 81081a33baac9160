//! Python surface of the editorial calendar: `plan_calendar()`, `CalendarPlan`, `CalendarSlot`,
//! `CalendarEvent`, `holidays()` and `read_ics()`. Conversion only: the plan, its rules and its
//! exports are smo-core's.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::{Deserialize, Serialize};
use smo_core::calendar::{
    self, Draft, Event, EventKind, Plan, PlanOptions, Slot, Window, ics::IcsRead,
};
use smo_core::post::Post;

use crate::convert::{arg, date, instant, to_py};
use crate::errors::{PyCoreError, PyResult2};
use crate::strategy::{PyFinding, PyStrategy, findings, rule_config};

/// A `datetime` for an instant, in `zone` (a `zoneinfo.ZoneInfo`).
fn aware<'py>(
    py: Python<'py>,
    t: chrono::DateTime<chrono::Utc>,
    zone: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let dt = py
        .import("datetime")?
        .getattr("datetime")?
        .call_method1("fromisoformat", (t.to_rfc3339(),))?;
    let tz = py.import("zoneinfo")?.getattr("ZoneInfo")?.call1((zone,))?;
    dt.call_method1("astimezone", (tz,))
}

/// A dated event the plan respects: a holiday, a blackout date or a campaign.
#[pyclass(frozen, eq, module = "smo._smo", name = "CalendarEvent")]
#[derive(Clone, PartialEq)]
pub struct PyEvent(pub Event);

#[pymethods]
impl PyEvent {
    /// An event from `start` to `end` (inclusive; default: one day) of `kind`.
    #[new]
    #[pyo3(signature = (start, name, *, end=None, kind="blackout", networks=Vec::new(), source="host"))]
    fn new(
        start: &Bound<'_, PyAny>,
        name: String,
        end: Option<&Bound<'_, PyAny>>,
        kind: &str,
        networks: Vec<String>,
        source: &str,
    ) -> PyResult2<Self> {
        let start = date(start)?;
        let end = end.map(date).transpose()?.unwrap_or(start);
        if end < start {
            return Err(arg(
                "end",
                format!("the event ends on {end}, before it starts on {start}"),
            ));
        }
        Ok(Self(Event {
            start,
            end,
            name,
            kind: kind.parse()?,
            networks: networks
                .iter()
                .map(|n| n.parse())
                .collect::<Result<_, _>>()?,
            source: source.to_owned(),
        }))
    }

    /// First day.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.start)
    }

    /// Last day (inclusive).
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.end)
    }

    /// Name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// `holiday`, `blackout` or `campaign`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Networks it applies to; empty means all.
    #[getter]
    fn networks(&self) -> Vec<&'static str> {
        self.0.networks.iter().map(|n| n.as_str()).collect()
    }

    /// Where it comes from.
    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }

    /// The event as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self) -> String {
        format!(
            "CalendarEvent({:?}, {}..{}, kind={:?})",
            self.0.name,
            self.0.start,
            self.0.end,
            self.0.kind.as_str()
        )
    }
}

crate::pickle::json_pickle!(PyEvent => "CalendarEvent");

/// A value with the drafts of its slots in full: a plan's JSON keeps a draft's text only, its
/// pickle also the link, content warning and type (by slot index).
#[derive(Serialize, Deserialize)]
struct Drafted<T, P> {
    value: T,
    drafts: Vec<(usize, P)>,
}

fn drafts_of(slots: &[Slot]) -> Vec<(usize, &Post)> {
    slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.draft.as_ref().map(|d| (i, d)))
        .collect()
}

fn with_drafts(slots: &mut [Slot], drafts: Vec<(usize, Post)>) {
    for (i, post) in drafts {
        if let Some(s) = slots.get_mut(i) {
            s.draft = Some(post);
        }
    }
}

/// A plan that serialises with its drafts in full (the state of pickles).
#[derive(Clone)]
pub(crate) struct FullPlan(pub Plan);

impl Serialize for FullPlan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Drafted {
            value: &self.0,
            drafts: drafts_of(&self.0.slots),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for FullPlan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Drafted { value, drafts } = Drafted::<Plan, Post>::deserialize(d)?;
        let mut plan = value;
        with_drafts(&mut plan.slots, drafts);
        Ok(FullPlan(plan))
    }
}

impl crate::pickle::Pickle for PySlot {
    const KIND: &'static str = "CalendarSlot";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&Drafted {
            value: &self.0,
            drafts: drafts_of(std::slice::from_ref(&self.0)),
        })
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        let Drafted { value, drafts } =
            crate::pickle::from_json::<Drafted<Slot, Post>>(Self::KIND, state)?;
        let mut slots = [value];
        with_drafts(&mut slots, drafts);
        let [slot] = slots;
        Ok(PySlot(slot))
    }
}

impl crate::pickle::Pickle for PyPlan {
    const KIND: &'static str = "CalendarPlan";
    fn state(&self) -> PyResult<Vec<u8>> {
        crate::pickle::to_json(&Drafted {
            value: &self.0,
            drafts: drafts_of(&self.0.slots),
        })
    }
    fn from_state(_py: Python<'_>, state: &[u8]) -> PyResult<Self> {
        Ok(PyPlan(
            crate::pickle::from_json::<FullPlan>(Self::KIND, state)?.0,
        ))
    }
}

fn py_date(py: Python<'_>, d: chrono::NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    py.import("datetime")?
        .getattr("date")?
        .call_method1("fromisoformat", (d.to_string(),))
}

fn py_time(py: Python<'_>, t: chrono::NaiveTime) -> PyResult<Bound<'_, PyAny>> {
    py.import("datetime")?
        .getattr("time")?
        .call_method1("fromisoformat", (t.format("%H:%M:%S").to_string(),))
}

/// One planned publication.
#[pyclass(frozen, module = "smo._smo", name = "CalendarSlot")]
pub struct PySlot(pub Slot);

#[pymethods]
impl PySlot {
    /// Stable id (`instagram-maisonlune-20270104-1`).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// The instant, as a timezone-aware `datetime` in the slot's zone.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        aware(py, self.0.start, self.0.zone.name())
    }
    /// Local date, in the slot's zone.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.date)
    }
    /// The planned wall time (after a DST gap, `start` shows it moved forward).
    #[getter]
    fn local_time<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_time(py, self.0.time)
    }
    /// IANA zone of the audience served.
    #[getter]
    fn zone(&self) -> &str {
        self.0.zone.name()
    }
    /// Network id.
    #[getter]
    fn network(&self) -> &'static str {
        self.0.network.as_str()
    }
    /// The channel's handle.
    #[getter]
    fn handle(&self) -> &str {
        &self.0.handle
    }
    /// Pillar.
    #[getter]
    fn pillar(&self) -> Option<&str> {
        self.0.pillar.as_deref()
    }
    /// Content type id.
    #[getter]
    fn content_type(&self) -> Option<&'static str> {
        self.0.content_type.map(|t| t.as_str())
    }
    /// Ids of the audiences served.
    #[getter]
    fn audiences(&self) -> Vec<String> {
        self.0.audiences.clone()
    }
    /// Why this time, pillar and type.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }
    /// `gap` or `fold` when a DST change adjusted the slot.
    #[getter]
    fn adjustment(&self) -> Option<&'static str> {
        self.0.adjustment.map(|a| match a {
            calendar::zone::Adjustment::Gap { .. } => "gap",
            calendar::zone::Adjustment::Fold { .. } => "fold",
        })
    }
    /// The campaign running that day.
    #[getter]
    fn campaign(&self) -> Option<&str> {
        self.0.campaign.as_deref()
    }
    /// The date it was moved from (holiday or blackout).
    #[getter]
    fn moved_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.moved_from.map(|d| py_date(py, d)).transpose()
    }
    /// The attached draft's text.
    #[getter]
    fn draft(&self) -> Option<&str> {
        self.0.draft.as_ref().map(|p| p.text.as_str())
    }
    /// The slot as a flat dict (a record pandas takes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        record(py, &self.0)
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "CalendarSlot({:?}, {} {} {}, {})",
            self.0.id,
            self.0.date,
            self.0.time.format("%H:%M"),
            self.0.zone.name(),
            self.0.network.as_str()
        )
    }
}

fn record<'py>(py: Python<'py>, s: &Slot) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &s.id)?;
    d.set_item("start", aware(py, s.start, s.zone.name())?)?;
    d.set_item(
        "start_utc",
        s.start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    )?;
    d.set_item("date", py_date(py, s.date)?)?;
    d.set_item("local_time", s.time.format("%H:%M").to_string())?;
    d.set_item("zone", s.zone.name())?;
    d.set_item("network", s.network.as_str())?;
    d.set_item("handle", &s.handle)?;
    d.set_item("pillar", &s.pillar)?;
    d.set_item("content_type", s.content_type.map(|t| t.as_str()))?;
    d.set_item("audiences", s.audiences.join(";"))?;
    d.set_item("campaign", &s.campaign)?;
    d.set_item("draft", s.draft.as_ref().map(|p| p.text.as_str()))?;
    d.set_item("reason", &s.reason)?;
    Ok(d)
}

/// The publication plan over a period.
#[pyclass(frozen, module = "smo._smo", name = "CalendarPlan")]
pub struct PyPlan(pub Plan);

#[pymethods]
impl PyPlan {
    /// The slots, by instant.
    #[getter]
    fn slots(&self) -> Vec<PySlot> {
        self.0.slots.iter().cloned().map(PySlot).collect()
    }
    /// Findings of the calendar rules and of the drafts' post checks.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        findings(self.0.findings.clone())
    }
    /// First day.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.start)
    }
    /// Last day.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.end)
    }
    /// Channels against their cadence, as dicts.
    #[getter]
    fn channels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.channels)
    }
    /// Pillars against their target shares, as dicts.
    #[getter]
    fn pillars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.pillars)
    }
    /// Each audience's share of slots inside its window, as dicts.
    #[getter]
    fn reach<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.reach)
    }
    /// The events of the period the plan respected.
    #[getter]
    fn events(&self) -> Vec<PyEvent> {
        self.0.events.iter().cloned().map(PyEvent).collect()
    }
    /// One flat dict per slot, for `pandas.DataFrame(plan.records())`.
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for s in &self.0.slots {
            list.append(record(py, s)?)?;
        }
        Ok(list)
    }
    /// The plan as an iCalendar file (RFC 5545). `stamp` is every event's DTSTAMP (default:
    /// the plan's first day at 00:00 UTC, so the same plan gives the same bytes; pass
    /// `datetime.now(timezone.utc)` when issuing it); `utc` writes DTSTART in UTC without
    /// VTIMEZONE; `sequence` is the SEQUENCE of a re-issued plan.
    #[pyo3(signature = (*, stamp=None, utc=false, sequence=0))]
    fn to_ics(
        &self,
        stamp: Option<&Bound<'_, PyAny>>,
        utc: bool,
        sequence: u32,
    ) -> PyResult2<String> {
        let stamp = match stamp {
            Some(s) => instant(s, "stamp")?,
            None => self.0.start.and_time(chrono::NaiveTime::MIN).and_utc(),
        };
        Ok(self.0.to_ics_with(stamp, utc, sequence))
    }
    /// The plan as CSV: `layout="smo"` (every slot) or `"hootsuite"` (the bulk composer's
    /// layout, slots with a draft); `network` keeps one network's slots.
    #[pyo3(signature = (layout="smo", *, network=None))]
    fn to_csv(&self, layout: &str, network: Option<&str>) -> PyResult2<String> {
        let network = network.map(|n| n.parse()).transpose()?;
        Ok(self.0.to_csv(layout.parse()?, network)?)
    }
    /// The plan as JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// The plan as nested dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// The calendar section of the SMO report, in Markdown.
    fn to_markdown(&self) -> String {
        calendar::render::markdown(&self.0)
    }
    fn __len__(&self) -> usize {
        self.0.slots.len()
    }
    /// Pickles as `(smo._smo._unpickle, (kind, state))`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickle::reduce(py, self)
    }
    fn __repr__(&self) -> String {
        format!(
            "CalendarPlan({} slots, {}..{}, {} findings)",
            self.0.slots.len(),
            self.0.start,
            self.0.end,
            self.0.findings.len()
        )
    }
}

fn events_of(
    v: &Bound<'_, PyAny>,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> PyResult2<Vec<Event>> {
    if let Ok(region) = v.extract::<String>() {
        return Ok(calendar::holidays(&region, start, end)?);
    }
    event_list(v, "holidays")
}

fn event_list(v: &Bound<'_, PyAny>, name: &str) -> PyResult2<Vec<Event>> {
    let mut out = Vec::new();
    for item in v.try_iter().map_err(|_| {
        arg(
            name,
            "expected a region code such as \"FR\" or a list of CalendarEvent",
        )
    })? {
        let item = item.map_err(|e| arg(name, e.to_string()))?;
        let ev = item.cast::<PyEvent>().map_err(|_| arg(name, "expected CalendarEvent items (from smo.holidays, smo.read_ics or smo.CalendarEvent)"))?;
        out.push(ev.get().0.clone());
    }
    Ok(out)
}

fn window(i: usize, m: &Bound<'_, PyAny>) -> PyResult2<Window> {
    let get = |k: &str| -> PyResult2<Option<Bound<'_, PyAny>>> {
        match m.get_item(k) {
            Ok(v) if !v.is_none() => Ok(Some(v)),
            Ok(_) => Ok(None),
            Err(_) => Ok(None),
        }
    };
    let text = |k: &str| -> PyResult2<String> {
        get(k)?
            .ok_or_else(|| arg(&format!("windows[{i}].{k}"), "missing"))?
            .extract::<String>()
            .map_err(|_| arg(&format!("windows[{i}].{k}"), "expected a string"))
    };
    let days: Vec<String> = match get("days")? {
        Some(d) => d.extract().map_err(|_| {
            arg(
                &format!("windows[{i}].days"),
                "expected a list of day names",
            )
        })?,
        None => Vec::new(),
    };
    let label = match get("label")? {
        Some(l) => l
            .extract::<String>()
            .map_err(|_| arg(&format!("windows[{i}].label"), "expected a string"))?,
        None => String::new(),
    };
    Ok(Window::parse(
        &text("network")?,
        &days,
        &text("start")?,
        &text("end")?,
        &label,
    )?)
}

fn draft(slot: String, v: &Bound<'_, PyAny>) -> PyResult2<Draft> {
    if let Ok(text) = v.extract::<String>() {
        return Ok(Draft {
            slot,
            post: Post::text(text),
        });
    }
    let field =
        |k: &str| -> Option<String> { v.get_item(k).ok().and_then(|x| x.extract::<String>().ok()) };
    let text = field("text").ok_or_else(|| {
        arg(
            &format!("drafts[{slot}]"),
            "expected the post text, or a dict with `text` (and `link`, `content_warning`)",
        )
    })?;
    let mut post = Post::text(text);
    post.link = field("link");
    post.content_warning = field("content_warning");
    if let Some(t) = field("content_type") {
        post.content_type = Some(t.parse()?);
    }
    Ok(Draft { slot, post })
}

/// Plans the strategy's publishing channels from `start` to `end` (inclusive).
#[pyfunction]
#[pyo3(signature = (strategy, start, end, *, zone_policy="per_zone", holidays=None, events=None, date_policy="move", history=None, min_history_posts=30, windows=None, drafts=None, now=None, min_gap_minutes=180, repeat_days=14, pillar_tolerance=5.0, min_window_share=0.5, disabled=Vec::new(), severities=BTreeMap::new()))]
#[allow(clippy::too_many_arguments)]
pub fn plan_calendar(
    py: Python<'_>,
    strategy: &Bound<'_, PyStrategy>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    zone_policy: &str,
    holidays: Option<&Bound<'_, PyAny>>,
    events: Option<&Bound<'_, PyAny>>,
    date_policy: &str,
    history: Option<&Bound<'_, PyAny>>,
    min_history_posts: usize,
    windows: Option<Vec<Bound<'_, PyAny>>>,
    drafts: Option<BTreeMap<String, Bound<'_, PyAny>>>,
    now: Option<&Bound<'_, PyAny>>,
    min_gap_minutes: u32,
    repeat_days: u32,
    pillar_tolerance: f64,
    min_window_share: f64,
    disabled: Vec<String>,
    severities: BTreeMap<String, String>,
) -> PyResult<PyPlan> {
    let start = date(start).map_err(PyCoreError)?;
    let end = date(end).map_err(PyCoreError)?;
    let mut all_events = match holidays {
        Some(h) if !h.is_none() => events_of(h, start, end)?,
        _ => Vec::new(),
    };
    if let Some(e) = events.filter(|e| !e.is_none()) {
        all_events.extend(event_list(e, "events")?);
    }
    let history = match history {
        Some(h) if !h.is_none() => crate::measure::dataset(h)?.posts,
        _ => Vec::new(),
    };
    let windows = windows
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, w)| window(i, w))
        .collect::<PyResult2<Vec<_>>>()?;
    let drafts = drafts
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| draft(k, &v))
        .collect::<PyResult2<Vec<_>>>()?;
    let now = now
        .filter(|n| !n.is_none())
        .map(|n| instant(n, "now"))
        .transpose()?;
    let opts = PlanOptions {
        zone_policy: zone_policy.parse().map_err(PyCoreError)?,
        events: all_events,
        date_policy: date_policy.parse().map_err(PyCoreError)?,
        history,
        min_history_posts,
        windows,
        drafts,
        now,
        min_gap_minutes,
        repeat_days,
        pillar_tolerance,
        min_window_share,
        rules: rule_config(disabled, severities)?,
    };
    let s = &strategy.get().0;
    let p = py
        .detach(|| calendar::plan(s, start, end, &opts))
        .map_err(PyCoreError)?;
    Ok(PyPlan(p))
}

/// The bundled public holidays of `region` (`FR`, `FR-Alsace-Moselle`) from `start` to `end`.
#[pyfunction]
pub fn holidays(
    region: &str,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
) -> PyResult2<Vec<PyEvent>> {
    Ok(calendar::holidays(region, date(start)?, date(end)?)?
        .into_iter()
        .map(PyEvent)
        .collect())
}

/// The VEVENTs of an iCalendar feed as events; `start`/`end` bound the span read (needed for
/// open recurrences); `kind` is the kind of events whose CATEGORIES name none.
#[pyfunction]
#[pyo3(signature = (text, *, start=None, end=None, kind="holiday"))]
pub fn read_ics(
    text: &str,
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
    kind: &str,
) -> PyResult2<Vec<PyEvent>> {
    let opts = IcsRead {
        from: start.map(date).transpose()?,
        to: end.map(date).transpose()?,
        kind: kind.parse::<EventKind>()?,
        ..Default::default()
    };
    Ok(calendar::read_ics(text, &opts)?
        .into_iter()
        .map(PyEvent)
        .collect())
}
