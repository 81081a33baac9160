"""The editorial calendar: golden vectors, the iCalendar round trip through the `icalendar`
and `recurring-ical-events` parsers, CSV, records for pandas, and errors."""

import csv
import datetime
import io
import zoneinfo
from typing import Any

import icalendar  # type: ignore[import-untyped]
import pandas as pd
import pytest
import recurring_ical_events  # type: ignore[import-untyped]

import smo
from conftest import golden_cases

KIND = {
    smo.ParseError: "parse",
    smo.InvalidValueError: "invalid_value",
    smo.UnknownNetworkError: "unknown_network",
    smo.UnknownRuleError: "unknown_rule",
    smo.InvalidArgumentError: "invalid_argument",
}


def run(case: dict[str, Any]) -> smo.CalendarPlan:
    inp = case["input"]
    strategy = smo.Strategy.example() if inp.get("example") else smo.Strategy.from_toml(inp["toml"])
    o = case["options"]
    return smo.plan_calendar(
        strategy,
        case["period"]["start"],
        case["period"]["end"],
        zone_policy=o.get("zone_policy", "per_zone"),
        holidays=o.get("holidays"),
        date_policy=o.get("date_policy", "move"),
        windows=o.get("windows"),
        now=o.get("now"),
        min_gap_minutes=o.get("min_gap_minutes", 180),
        drafts={d["slot"]: d["text"] for d in o.get("drafts", [])},
        disabled=o.get("disabled", []),
        severities=o.get("severities", {}),
    )


def view(p: smo.CalendarPlan) -> dict[str, Any]:
    return {
        "slots": [
            {
                "id": s.id,
                "start_utc": s.start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "date": s.date.isoformat(),
                "time": s.local_time.strftime("%H:%M"),
                "local": s.start.strftime("%Y-%m-%dT%H:%M"),
                "zone": s.zone,
                "network": s.network,
                "pillar": s.pillar,
                "content_type": s.content_type,
                "adjustment": s.adjustment,
                "moved_from": s.moved_from.isoformat() if s.moved_from else None,
            }
            for s in p.slots
        ],
        "findings": [
            {"rule": f.rule, "severity": f.severity, "path": f.path, "message": f.message} for f in p.findings
        ],
        "pillars": [
            {"pillar": x["pillar"], "slots": x["slots"], "planned": x["planned"], "target": x["target"]}
            for x in p.pillars
        ],
        "reach": [
            {"audience": r["audience"], "zone": r["zone"], "slots": r["slots"], "inside": r["inside"]}
            for r in p.reach
        ],
    }


@pytest.mark.parametrize("case", golden_cases("calendar"))
def test_calendar_golden(case: dict[str, Any]) -> None:
    if "expected_error" in case:
        want = case["expected_error"]
        with pytest.raises(smo.SmoError) as info:
            run(case)
        assert KIND[type(info.value)] == want["kind"]
        assert want["contains"] in str(info.value)
        return
    got = view(run(case))
    for key in ("slots", "findings", "pillars", "reach"):
        assert got[key] == case["expected"][key], key


# The iCalendar round trip: zones with DST in both hemispheres, a half-hour zone and zones
# without DST, across their 2026 changes; 01:30 or 02:30 falls in every gap and fold of these
# zones (New York falls back from 02:00 to 01:00).
ZONES = {
    "instagram": "Europe/Paris",
    "facebook": "America/New_York",
    "linkedin": "Australia/Sydney",
    "mastodon": "Asia/Kolkata",
    "bluesky": "Asia/Tokyo",
}


def round_trip_strategy() -> smo.Strategy:
    parts = ['[brand]\nname = "Round trip"\nsite = "https://rt.example/"\nzone = "UTC"\n']
    for network, zone in ZONES.items():
        parts.append(f'[[audiences]]\nid = "{network}"\nname = "{zone}"\nzone = "{zone}"\n')
    for network in ZONES:
        parts.append(
            f'[[channels]]\nnetwork = "{network}"\nhandle = "rt{network}"\nrole = "publish"\n'
            f'cadence = 21\naudiences = ["{network}"]\n'
        )
    return smo.Strategy.from_toml("\n".join(parts))


def round_trip_plan() -> smo.CalendarPlan:
    windows = [
        {"network": n, "start": t, "end": e, "label": "round trip"}
        for n in ZONES
        for t, e in (("01:30", "01:45"), ("02:30", "02:45"), ("09:00", "09:15"))
    ]
    return smo.plan_calendar(round_trip_strategy(), "2026-01-01", "2026-12-31", windows=windows, min_gap_minutes=60)


def test_ics_round_trip_through_icalendar_and_recurring_ical_events() -> None:
    plan = round_trip_plan()
    assert len(plan) == 5 * 365 * 3
    assert not plan.findings or {f.rule for f in plan.findings} == {"calendar/dst-gap", "calendar/dst-fold"}
    adjusted = {(s.zone, s.adjustment) for s in plan.slots if s.adjustment}
    for zone in ("Europe/Paris", "America/New_York", "Australia/Sydney"):
        assert (zone, "gap") in adjusted and (zone, "fold") in adjusted, zone
    want = {f"{s.id}@rt.example": s.start.astimezone(datetime.timezone.utc) for s in plan.slots}
    for utc in (False, True):
        text = plan.to_ics(stamp="2026-12-02T06:00:00Z", utc=utc)
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), "a line is over 75 octets"
        cal = icalendar.Calendar.from_ical(text)
        events = recurring_ical_events.of(cal).between(datetime.date(2025, 12, 31), datetime.date(2027, 1, 2))
        got = {str(e["UID"]): e["DTSTART"].dt.astimezone(datetime.timezone.utc) for e in events}
        assert got == want
        # Our VTIMEZONEs, read by icalendar as tzinfo objects, give the same instants.
        if not utc:
            tzs = {str(tz["TZID"]): tz.to_tz() for tz in cal.walk("VTIMEZONE")}
            assert set(tzs) == set(ZONES.values())
            for e in cal.walk("VEVENT"):
                start = e["DTSTART"]
                naive = start.dt.replace(tzinfo=None)
                ours = naive.replace(tzinfo=tzs[start.params["TZID"]])
                assert ours.astimezone(datetime.timezone.utc) == want[str(e["UID"])], str(e["UID"])
    # The same plan gives the same file, UIDs included.
    assert round_trip_plan().to_ics(stamp="2026-12-02T06:00:00Z") == plan.to_ics(stamp="2026-12-02T06:00:00Z")


def test_gap_slot_is_written_at_the_wall_time_it_shows() -> None:
    plan = round_trip_plan()
    gap = next(s for s in plan.slots if s.zone == "Europe/Paris" and s.adjustment == "gap")
    assert gap.date == datetime.date(2026, 3, 29)
    assert gap.local_time == datetime.time(2, 30)
    assert gap.start.astimezone(datetime.timezone.utc) == datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.timezone.utc)
    assert gap.start.hour == 3 and gap.start.tzinfo == zoneinfo.ZoneInfo("Europe/Paris")
    assert "DTSTART;TZID=Europe/Paris:20260329T033000" in plan.to_ics()
    assert any(f.rule == "calendar/dst-gap" and f.path == f"slots[{gap.id}]" for f in plan.findings)


def test_csv_layouts_and_records() -> None:
    plan = smo.plan_calendar(
        smo.Strategy.example(), "2027-01-04", "2027-01-17", holidays="FR", drafts={"instagram-maisonlune-20270104-1": {"text": "Le lin lavé", "link": "https://www.maisonlune.fr/lin"}}
    )
    rows = list(csv.DictReader(io.StringIO(plan.to_csv())))
    assert len(rows) == len(plan)
    assert rows[0]["start_utc"] == plan.slots[0].start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    hoot = list(csv.reader(io.StringIO(plan.to_csv("hootsuite", network="instagram"))))
    assert hoot == [["04/01/2027 09:00", "Le lin lavé", "https://www.maisonlune.fr/lin"]]
    df = pd.DataFrame(plan.records())
    assert list(df.columns[:6]) == ["id", "start", "start_utc", "date", "local_time", "zone"]
    assert df.groupby("network").size()["instagram"] == 10
    assert str(df["start"].iloc[0].tzinfo) == "Europe/Paris"
    assert plan.slots[0].to_dict()["id"] == plan.slots[0].id


def test_events_from_ics_and_holidays() -> None:
    feed = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270111\r\n"
        "DTEND;VALUE=DATE:20270113\r\nSUMMARY:Inventaire\r\nCATEGORIES:blackout\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    events = smo.read_ics(feed)
    assert [(e.name, e.kind, e.start, e.end) for e in events] == [
        ("Inventaire", "blackout", datetime.date(2027, 1, 11), datetime.date(2027, 1, 12))
    ]
    plan = smo.plan_calendar(smo.Strategy.example(), "2027-01-04", "2027-01-17", events=events)
    assert not any(s.date in (datetime.date(2027, 1, 11), datetime.date(2027, 1, 12)) for s in plan.slots)
    assert any(f.rule == "calendar/blocked-date" for f in plan.findings)
    fr = smo.holidays("FR", "2027-01-01", "2027-12-31")
    assert len(fr) == 11 and fr[0].name == "Jour de l'an"
    campaign = smo.CalendarEvent("2027-01-05", "Soldes d'hiver", end="2027-01-08", kind="campaign")
    plan = smo.plan_calendar(smo.Strategy.example(), "2027-01-04", "2027-01-10", events=[campaign])
    assert {s.campaign for s in plan.slots if s.date.day in (5, 6, 7, 8)} == {"Soldes d'hiver"}


def test_errors_say_where() -> None:
    with pytest.raises(smo.InvalidArgumentError, match="before it starts"):
        smo.plan_calendar(smo.Strategy.example(), "2027-02-01", "2027-01-01")
    with pytest.raises(smo.ParseError) as info:
        smo.read_ics("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270101T25\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert info.value.line == 3
    with pytest.raises(smo.InvalidArgumentError, match="windows\\[0\\].start"):
        smo.plan_calendar(smo.Strategy.example(), "2027-01-01", "2027-01-31", windows=[{"network": "instagram", "end": "10:00"}])  # type: ignore[typeddict-item]
    with pytest.raises(smo.InvalidArgumentError, match="HH:MM"):
        smo.plan_calendar(smo.Strategy.example(), "2027-01-01", "2027-01-31", windows=[{"network": "instagram", "start": "9h", "end": "10:00"}])
    with pytest.raises(smo.InvalidArgumentError, match="per_zone"):
        smo.plan_calendar(smo.Strategy.example(), "2027-01-01", "2027-01-31", zone_policy="everywhere")  # type: ignore[arg-type]
    with pytest.raises(smo.InvalidArgumentError, match="timezone-aware"):
        smo.plan_calendar(smo.Strategy.example(), "2027-01-01", "2027-01-31", now=datetime.datetime(2027, 1, 1))
    with pytest.raises(smo.InvalidArgumentError, match="bundles no holidays"):
        smo.plan_calendar(smo.Strategy.example(), "2027-01-01", "2027-01-31", holidays="XX")


def test_report_joins_the_calendar() -> None:
    strategy = smo.Strategy.example()
    plan = smo.plan_calendar(strategy, "2027-01-04", "2027-01-31", holidays="FR")
    r = smo.report(strategy, smo.Dataset.example(), calendar=plan)
    assert "## Editorial calendar" in r.to_markdown()
    assert "<h2>Editorial calendar</h2>" in r.to_html()
    assert r.to_dict()["calendar"]["slots"][0]["id"] == plan.slots[0].id
    assert "## Editorial calendar" not in smo.report(strategy, smo.Dataset.example()).to_markdown()


def test_finding_repr_is_python() -> None:
    f = smo.plan_calendar(smo.Strategy.example(), "2027-01-04", "2027-01-10").findings[0]
    assert f'path="{f.path}"' in repr(f) and "Some(" not in repr(f)
