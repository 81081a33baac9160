//! Golden vectors of the editorial calendar, shared with the Python and Kotlin suites:
//! `tests/golden/calendar/*.json`. Adding a case is adding a file; `SMO_BLESS=1` writes the
//! expected part of cases that have none (then read it and check it by hand before committing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::kind;

use std::path::PathBuf;

use chrono::{NaiveTime, Weekday};
use serde_json::{Value, json};
use smo_core::calendar::{
    DatePolicy, Draft, Plan, PlanOptions, Window, ZonePolicy, holidays, plan, zone::Adjustment,
};
use smo_core::post::Post;
use smo_core::{Error, Network, Severity, Strategy};

fn cases() -> Vec<(PathBuf, Value)> {
    support::golden("calendar")
}

fn weekday(s: &str) -> Weekday {
    s.parse().unwrap()
}

fn run(case: &Value) -> Result<Plan, Error> {
    let input = &case["input"];
    let strategy = if input["example"].as_bool() == Some(true) {
        Strategy::example()?
    } else {
        Strategy::from_toml(input["toml"].as_str().unwrap())?
    };
    let start = case["period"]["start"].as_str().unwrap().parse().unwrap();
    let end = case["period"]["end"].as_str().unwrap().parse().unwrap();
    let o = &case["options"];
    let mut opts = PlanOptions::default();
    if let Some(p) = o["zone_policy"].as_str() {
        opts.zone_policy = match p {
            "compromise" => ZonePolicy::Compromise,
            _ => ZonePolicy::PerZone,
        };
    }
    if let Some(p) = o["date_policy"].as_str() {
        opts.date_policy = match p {
            "flag" => DatePolicy::Flag,
            "skip" => DatePolicy::Skip,
            _ => DatePolicy::Move,
        };
    }
    if let Some(region) = o["holidays"].as_str() {
        opts.events = holidays(region, start, end)?;
    }
    for w in o["windows"].as_array().into_iter().flatten() {
        opts.windows.push(Window {
            network: w["network"].as_str().unwrap().parse::<Network>()?,
            days: w["days"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| weekday(d.as_str().unwrap()))
                .collect(),
            start: NaiveTime::parse_from_str(w["start"].as_str().unwrap(), "%H:%M").unwrap(),
            end: NaiveTime::parse_from_str(w["end"].as_str().unwrap(), "%H:%M").unwrap(),
            label: w["label"].as_str().unwrap_or_default().to_owned(),
        });
    }
    if let Some(now) = o["now"].as_str() {
        opts.now = Some(chrono::DateTime::parse_from_rfc3339(now).unwrap().to_utc());
    }
    if let Some(g) = o["min_gap_minutes"].as_u64() {
        opts.min_gap_minutes = g as u32;
    }
    for d in o["drafts"].as_array().into_iter().flatten() {
        opts.drafts.push(Draft {
            slot: d["slot"].as_str().unwrap().to_owned(),
            post: Post::text(d["text"].as_str().unwrap()),
        });
    }
    for id in o["disabled"].as_array().into_iter().flatten() {
        opts.rules.disabled.insert(id.as_str().unwrap().to_owned());
    }
    for (id, s) in o["severities"].as_object().into_iter().flatten() {
        opts.rules
            .severities
            .insert(id.clone(), s.as_str().unwrap().parse::<Severity>()?);
    }
    plan(&strategy, start, end, &opts)
}

/// The surface-neutral view of a plan that every suite compares.
fn view(p: &Plan) -> Value {
    json!({
        "slots": p.slots.iter().map(|s| json!({
            "id": s.id,
            "start_utc": s.start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "date": s.date.to_string(),
            "time": s.time.format("%H:%M").to_string(),
            "local": s.local.format("%Y-%m-%dT%H:%M").to_string(),
            "zone": s.zone.name(),
            "network": s.network.as_str(),
            "pillar": s.pillar,
            "content_type": s.content_type.map(|t| t.as_str()),
            "adjustment": s.adjustment.map(|a| match a { Adjustment::Gap { .. } => "gap", Adjustment::Fold { .. } => "fold" }),
            "moved_from": s.moved_from.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "findings": p.findings.iter().map(|f| json!({
            "rule": f.rule, "severity": f.severity.as_str(), "path": f.location.path, "message": f.message,
        })).collect::<Vec<_>>(),
        "pillars": p.pillars.iter().map(|s| json!({"pillar": s.pillar, "slots": s.slots, "planned": s.planned, "target": s.target})).collect::<Vec<_>>(),
        "reach": p.reach.iter().map(|r| json!({"audience": r.audience, "zone": r.zone.name(), "slots": r.slots, "inside": r.inside})).collect::<Vec<_>>(),
    })
}

#[test]
fn golden_calendar() {
    let bless = std::env::var_os("SMO_BLESS").is_some();
    let mut failures = Vec::new();
    for (path, mut case) in cases() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let got = run(&case);
        if let Some(err) = case.get("expected_error") {
            match got {
                Err(e) => {
                    let text = e.to_string();
                    if kind(&e) != err["kind"].as_str().unwrap()
                        || !text.contains(err["contains"].as_str().unwrap())
                    {
                        failures.push(format!("{name}: error {} `{text}`, want {err}", kind(&e)));
                    }
                }
                Ok(_) => failures.push(format!("{name}: planned, want error {err}")),
            }
            continue;
        }
        let got = match got {
            Ok(p) => view(&p),
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        match case.get("expected") {
            Some(want) if *want != got => {
                for key in ["slots", "findings", "pillars", "reach"] {
                    if want[key] != got[key] {
                        failures.push(format!(
                            "{name}: {key} differ\n got: {}\nwant: {}",
                            got[key], want[key]
                        ));
                    }
                }
            }
            Some(_) => {}
            None if bless => {
                case["expected"] = got;
                std::fs::write(&path, serde_json::to_string_pretty(&case).unwrap() + "\n").unwrap();
            }
            None => failures.push(format!(
                "{name}: no expected part (run with SMO_BLESS=1, then check it)"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
