//! Results read back from their JSON: what a host ships to another process (the Python bindings'
//! pickles) comes back equal, on the example brand's data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use smo_core::calendar::{self, Plan, PlanOptions};
use smo_core::data::{self, Dataset, LoadOptions, PostRow};
use smo_core::feed::push::{PushOptions, Unshared, unshared_content};
use smo_core::kpi::formula::Formula;
use smo_core::kpi::group::{GroupBy, GroupOptions, Grouped, Period, group_posts};
use smo_core::listening::{self, BriefOptions, Mention, WatchBrief};
use smo_core::partners::{CheckOptions, PartnersReport, check_partners};
use smo_core::{Strategy, post::Post};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/examples/maison-lune");

/// `value` through its JSON and back: equal, and the same JSON again.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) -> T {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    back
}

#[test]
fn a_plan_comes_back_with_its_slots_zones_and_events() {
    let s = Strategy::example().unwrap();
    let day = |d: &str| d.parse::<NaiveDate>().unwrap();
    let opts = PlanOptions {
        events: calendar::holidays("FR", day("2027-03-01"), day("2027-04-30")).unwrap(),
        ..PlanOptions::default()
    };
    let plan = calendar::plan(&s, day("2027-03-22"), day("2027-04-04"), &opts).unwrap();
    assert!(!plan.slots.is_empty() && !plan.events.is_empty());
    assert!(
        plan.slots
            .iter()
            .any(|s| s.adjustment.is_some() || s.moved_from.is_some())
    );
    assert_eq!(round_trip(&plan), plan);
}

#[test]
fn a_draft_comes_back_as_its_text() {
    let s = Strategy::example().unwrap();
    let day = |d: &str| d.parse::<NaiveDate>().unwrap();
    let mut plan: Plan = calendar::plan(
        &s,
        day("2027-01-04"),
        day("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    let mut post = Post::text("Nouvelle collection");
    plan.slots[0].draft = Some(post.clone());
    let back = round_trip(&plan);
    assert_eq!(back, plan);
    post.link = Some("https://www.maisonlune.fr/".into());
    plan.slots[0].draft = Some(post);
    let back: Plan = serde_json::from_str(&plan.to_json()).unwrap();
    let draft = back.slots[0].draft.as_ref().unwrap();
    assert_eq!(
        (draft.text.as_str(), draft.link.as_deref()),
        ("Nouvelle collection", None)
    );
}

#[test]
fn grouped_kpis_come_back() {
    let d = Dataset::example().unwrap();
    let kpis: Vec<Formula> = ["engagement_rate", "posts", "reach"]
        .iter()
        .map(|k| Formula::parse(k).unwrap())
        .collect();
    let opts = GroupOptions {
        by: vec![GroupBy::Network],
        period: Some(Period::Month),
        ..GroupOptions::default()
    };
    let g: Grouped = group_posts(&d.posts, &kpis, &opts);
    assert!(g.rows.len() > 3);
    assert_eq!(round_trip(&g), g);
}

#[test]
fn a_partners_report_comes_back() {
    let pages: Vec<(&str, &[u8])> = smo_core::partners::example_pages()
        .into_iter()
        .map(|(u, h)| (u, h.as_bytes()))
        .collect();
    let web = Dataset::example().unwrap().web;
    let options = CheckOptions::new("https://www.maisonlune.fr/".parse().unwrap());
    let r: PartnersReport = check_partners(
        &smo_core::partners::example_ledger().unwrap(),
        &pages,
        &web,
        &options,
    )
    .unwrap();
    assert!(!r.findings.is_empty());
    assert_eq!(round_trip(&r), r);
}

#[test]
fn a_watch_brief_comes_back_with_its_benchmark() {
    let s = Strategy::example().unwrap();
    let read = |f: &str| std::fs::read_to_string(format!("{DATA}/data/{f}")).unwrap();
    let mentions =
        data::load_json_lines::<Mention>(&read("mentions.jsonl"), &LoadOptions::default())
            .unwrap()
            .rows;
    let public = data::load_csv::<PostRow>(&read("public-posts.csv"), &LoadOptions::default())
        .unwrap()
        .rows;
    let b: WatchBrief =
        listening::watch_brief(&s, &mentions, Some(&public), &BriefOptions::default()).unwrap();
    assert!(b.benchmark.is_some() && !b.alerts.findings.is_empty());
    assert_eq!(round_trip(&b), b);
}

#[test]
fn unshared_items_come_back_with_their_drafts() {
    let s = Strategy::example().unwrap();
    let xml = std::fs::read(format!("{DATA}/feed.xml")).unwrap();
    let feed = smo_core::feed::parse_feed(&xml).unwrap();
    let opts = PushOptions::at("2026-09-30T12:00:00Z".parse().unwrap());
    let items: Vec<Unshared> = unshared_content(&feed, &[], &s, &opts).unwrap();
    assert!(items.iter().any(|u| !u.drafts.is_empty()));
    assert_eq!(round_trip(&items), items);
}
