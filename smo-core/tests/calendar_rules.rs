//! Each calendar rule, when it fires and when it does not; the typed errors of bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use smo_core::calendar::{
    DatePolicy, Draft, Event, EventKind, PlanOptions, Window, ZonePolicy, holidays, plan,
};
use smo_core::data::PostRow;
use smo_core::post::Post;
use smo_core::{Error, Network, Strategy};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

/// A brand in Paris with one Instagram channel at `cadence` and `extra` TOML appended.
fn strategy(cadence: &str, extra: &str) -> Strategy {
    Strategy::from_toml(&format!(
        r#"
[brand]
name = "Test"
site = "https://www.test.example/"
zone = "Europe/Paris"

[[audiences]]
id = "fr"
name = "France"

[[channels]]
network = "instagram"
handle = "@test"
role = "publish"
{cadence}
content_types = ["image", "carousel"]
audiences = ["fr"]

[[pillars]]
name = "A"
share = 50
content_types = ["image"]

[[pillars]]
name = "B"
share = 50
content_types = ["carousel"]
{extra}
"#
    ))
    .unwrap()
}

/// A brand in Paris with one channel and no audience or pillar.
fn one_channel(network: &str, cadence: u32, types: &str) -> Strategy {
    Strategy::from_toml(&format!(
        "[brand]\nname = \"T\"\nsite = \"https://t.example/\"\nzone = \"Europe/Paris\"\n[[channels]]\nnetwork = \"{network}\"\nhandle = \"@t\"\nrole = \"publish\"\ncadence = {cadence}\ncontent_types = [{types}]\n"
    ))
    .unwrap()
}

fn rules_of(p: &smo_core::calendar::Plan) -> Vec<&str> {
    let mut r: Vec<&str> = p.findings.iter().map(|f| f.rule.as_str()).collect();
    r.dedup();
    r
}

fn fires(p: &smo_core::calendar::Plan, rule: &str) -> bool {
    p.findings.iter().any(|f| f.rule == rule)
}

fn window(network: Network, days: &[Weekday], start: &str, end: &str) -> Window {
    Window {
        network,
        days: days.to_vec(),
        start: t(start),
        end: t(end),
        label: "test".into(),
    }
}

#[test]
fn a_clean_plan_has_no_findings() {
    let p = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(p.slots.len(), 16);
    assert!(p.findings.is_empty(), "{:#?}", p.findings);
    // Pillars follow their shares exactly over the period, and alternate within the week.
    assert_eq!(
        p.pillars.iter().map(|s| s.slots).collect::<Vec<_>>(),
        [8, 8]
    );
    // Times come from the studies, and say so.
    assert!(
        p.slots[0].reason.contains("Sprout Social") || p.slots[0].reason.contains("Hootsuite"),
        "{}",
        p.slots[0].reason
    );
    assert_eq!(p.channels[0].times_from, "studies");
    // Ids are stable: the same inputs give the same ids.
    let again = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(p, again);
    assert!(
        p.slots
            .iter()
            .all(|s| s.id.starts_with("instagram-test-2027"))
    );
}

#[test]
fn zone_missing() {
    let s = Strategy::from_toml("[brand]\nname = \"T\"\nsite = \"https://t.example/\"\n[[audiences]]\nid = \"a\"\nname = \"A\"\n[[channels]]\nnetwork = \"instagram\"\nhandle = \"t\"\nrole = \"publish\"\ncadence = 2\naudiences = [\"a\"]\n").unwrap();
    let p = plan(
        &s,
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(fires(&p, "calendar/zone-missing"));
    assert_eq!(p.slots[0].zone, chrono_tz::Tz::UTC);
    let p = plan(
        &strategy("cadence = 2", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(!fires(&p, "calendar/zone-missing"));
}

#[test]
fn cadence_missing_and_infeasible() {
    let p = plan(
        &strategy("", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(rules_of(&p), ["calendar/cadence-missing"]);
    // A quarter of a post a week gives nothing in a week.
    let p = plan(
        &strategy("cadence = 0.25", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(fires(&p, "calendar/cadence-infeasible"));
    // ... but one post in four weeks.
    let p = plan(
        &strategy("cadence = 0.25", ""),
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(
        (p.slots.len(), fires(&p, "calendar/cadence-infeasible")),
        (1, false)
    );
    // A one-hour Monday window cannot hold three posts three hours apart.
    let opts = PlanOptions {
        windows: vec![window(
            Network::Instagram,
            &[Weekday::Mon],
            "10:00",
            "11:00",
        )],
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 3", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &opts,
    )
    .unwrap();
    assert!(fires(&p, "calendar/cadence-infeasible"));
    assert_eq!(p.slots.len(), 1);
    assert!(p.slots[0].reason.contains("host window: test"));
}

#[test]
fn content_type_unsupported() {
    let s = one_channel("youtube", 1, "\"video\", \"story\"");
    let p = plan(
        &s,
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert_eq!(rules_of(&p), ["calendar/content-type-unsupported"]);
    assert_eq!(
        p.findings[0].location.path.as_deref(),
        Some("channels[0].content_types[1]")
    );
    assert_eq!(p.slots[0].content_type, Some(smo_core::ContentType::Video));
}

fn post(at: chrono::DateTime<Utc>, likes: u64) -> PostRow {
    PostRow {
        published: at,
        network: Network::Instagram,
        post_id: format!("p{}", at.timestamp()),
        content_type: None,
        pillar: None,
        campaign: None,
        account: None,
        link: None,
        text: None,
        impressions: None,
        reach: Some(1000),
        views: None,
        likes: Some(likes),
        comments: Some(0),
        shares: Some(0),
        saves: Some(0),
        clicks: None,
        video_views: None,
        follows: None,
        followers: None,
        cost: None,
    }
}

#[test]
fn history_replaces_the_studies_once_it_is_long_enough() {
    // 40 posts: Saturdays at 19:00 Paris engage at 8 %, other days at 1 %.
    let mut history = Vec::new();
    for week in 0..20 {
        let sat =
            Utc.with_ymd_and_hms(2026, 6, 6, 17, 0, 0).unwrap() + chrono::Duration::weeks(week);
        history.push(post(sat, 80));
        history.push(post(
            sat - chrono::Duration::days(3) + chrono::Duration::hours(-6),
            10,
        ));
    }
    let opts = PlanOptions {
        history: history.clone(),
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 1", ""),
        d("2027-01-04"),
        d("2027-01-17"),
        &opts,
    )
    .unwrap();
    assert_eq!(p.channels[0].times_from, "history");
    assert!(
        p.slots
            .iter()
            .all(|s| s.date.weekday() == Weekday::Sat && s.time == t("19:00")),
        "{:?}",
        p.slots
    );
    assert!(
        p.slots[0].reason.contains(
            "learned from history: Sat 18:00–20:00 local, 20 posts published around 19:00"
        ),
        "{}",
        p.slots[0].reason
    );
    assert!(!fires(&p, "calendar/history-insufficient"));
    // Too short a history: the studies, and a notice.
    let opts = PlanOptions {
        history: history[..10].to_vec(),
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 1", ""),
        d("2027-01-04"),
        d("2027-01-17"),
        &opts,
    )
    .unwrap();
    assert_eq!(p.channels[0].times_from, "studies");
    assert!(fires(&p, "calendar/history-insufficient"));
}

fn easter_monday() -> Vec<Event> {
    vec![Event {
        start: d("2027-03-29"),
        end: d("2027-03-29"),
        name: "Lundi de Pâques".into(),
        kind: EventKind::Holiday,
        networks: vec![],
        source: "test".into(),
    }]
}

#[test]
fn holidays_move_flag_or_skip() {
    // Mondays only: the Easter Monday slot moves to Tuesday, is kept, or is lost.
    let mon = vec![window(
        Network::Instagram,
        &[Weekday::Mon],
        "10:00",
        "11:00",
    )];
    let base = PlanOptions {
        windows: mon,
        events: easter_monday(),
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 1", ""),
        d("2027-03-29"),
        d("2027-04-04"),
        &base,
    )
    .unwrap();
    assert_eq!(p.slots[0].date, d("2027-03-30"));
    assert_eq!(p.slots[0].moved_from, Some(d("2027-03-29")));
    // Moved out of the only window, the slot also leaves its audience's window.
    assert_eq!(
        rules_of(&p),
        ["calendar/audience-outside-window", "calendar/blocked-date"]
    );
    let p = plan(
        &strategy("cadence = 1", ""),
        d("2027-03-29"),
        d("2027-04-04"),
        &PlanOptions {
            date_policy: DatePolicy::Flag,
            ..base.clone()
        },
    )
    .unwrap();
    assert_eq!(p.slots[0].date, d("2027-03-29"));
    assert!(
        p.findings[0].message.contains("kept, by the date policy"),
        "{}",
        p.findings[0].message
    );
    let p = plan(
        &strategy("cadence = 1", ""),
        d("2027-03-29"),
        d("2027-04-04"),
        &PlanOptions {
            date_policy: DatePolicy::Skip,
            ..base.clone()
        },
    )
    .unwrap();
    assert!(p.slots.is_empty());
    assert_eq!(rules_of(&p), ["calendar/quota-missed"]);
    // A week without a holiday: neither rule.
    let p = plan(
        &strategy("cadence = 1", ""),
        d("2027-04-05"),
        d("2027-04-11"),
        &base,
    )
    .unwrap();
    assert!(p.findings.is_empty(), "{:?}", p.findings);
    // The bundled French holidays come from the law's rules.
    let fr = holidays("FR", d("2027-01-01"), d("2027-12-31")).unwrap();
    assert!(
        fr.iter()
            .any(|e| e.name == "Lundi de Pâques" && e.start == d("2027-03-29"))
    );
}

#[test]
fn dst_gap_and_fold_are_findings_and_the_instant_is_exact() {
    let night = vec![window(Network::Instagram, &[], "02:30", "02:45")];
    let opts = PlanOptions {
        windows: night,
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 7", ""),
        d("2027-03-27"),
        d("2027-03-29"),
        &opts,
    )
    .unwrap();
    let gap: Vec<_> = p
        .findings
        .iter()
        .filter(|f| f.rule == "calendar/dst-gap")
        .collect();
    assert_eq!(gap.len(), 1, "{:?}", p.findings);
    let s = p.slots.iter().find(|s| s.date == d("2027-03-28")).unwrap();
    assert_eq!(s.start.to_rfc3339(), "2027-03-28T01:30:00+00:00");
    assert_eq!(s.local.time(), t("03:30"));
    let p = plan(
        &strategy("cadence = 7", ""),
        d("2027-10-30"),
        d("2027-11-01"),
        &opts,
    )
    .unwrap();
    assert_eq!(rules_of(&p), ["calendar/dst-fold"]);
    let s = p.slots.iter().find(|s| s.date == d("2027-10-31")).unwrap();
    assert_eq!(s.start.to_rfc3339(), "2027-10-31T00:30:00+00:00");
    // The days around keep their wall time: nothing drifts by an hour.
    assert!(p.slots.iter().all(|s| s.local.time() == t("02:30")));
}

#[test]
fn min_gap_catches_what_a_dst_gap_brings_together() {
    // 02:30 and 04:00 are 90 min apart on the wall; on the spring-forward night 02:30 becomes
    // 03:30, 30 min before 04:00.
    let w = vec![
        window(Network::Instagram, &[], "02:30", "02:45"),
        window(Network::Instagram, &[], "04:00", "04:15"),
    ];
    let opts = PlanOptions {
        windows: w,
        min_gap_minutes: 60,
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 14", ""),
        d("2027-03-27"),
        d("2027-03-29"),
        &opts,
    )
    .unwrap();
    let gaps: Vec<_> = p
        .findings
        .iter()
        .filter(|f| f.rule == "calendar/min-gap")
        .collect();
    assert_eq!(gaps.len(), 1, "{:#?}", p.findings);
    assert!(
        gaps[0].message.contains("30 min after"),
        "{}",
        gaps[0].message
    );
}

#[test]
fn daily_cap() {
    // TikTok takes about 15 posts a day through its API; 20 a day is over.
    let s = one_channel("tiktok", 140, "\"short_video\"");
    let opts = PlanOptions {
        windows: vec![window(Network::TikTok, &[], "06:00", "22:00")],
        min_gap_minutes: 30,
        ..Default::default()
    };
    let p = plan(&s, d("2027-01-04"), d("2027-01-10"), &opts).unwrap();
    assert!(fires(&p, "calendar/daily-cap"), "{:?}", rules_of(&p));
    let s = one_channel("tiktok", 70, "\"short_video\"");
    let p = plan(&s, d("2027-01-04"), d("2027-01-10"), &opts).unwrap();
    assert!(!fires(&p, "calendar/daily-cap"), "{:?}", rules_of(&p));
}

#[test]
fn slot_in_past() {
    let now = Utc.with_ymd_and_hms(2027, 1, 6, 0, 0, 0).unwrap();
    let opts = PlanOptions {
        now: Some(now),
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &opts,
    )
    .unwrap();
    let past = p.slots.iter().filter(|s| s.start < now).count();
    assert!(past > 0);
    assert_eq!(
        p.findings
            .iter()
            .filter(|f| f.rule == "calendar/slot-in-past")
            .count(),
        past
    );
    let opts = PlanOptions {
        now: Some(Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()),
        ..Default::default()
    };
    let p = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &opts,
    )
    .unwrap();
    assert!(!fires(&p, "calendar/slot-in-past"));
}

#[test]
fn drafts_are_checked_for_their_network_and_repeats_are_found() {
    let p = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions::default(),
    )
    .unwrap();
    let ids: Vec<String> = p.slots.iter().map(|s| s.id.clone()).collect();
    let text = "Nouvelle collection de linge de lit en lin lavé #MaisonLune";
    let drafts = vec![
        Draft {
            slot: ids[0].clone(),
            post: Post::text(text),
        },
        Draft {
            slot: ids[1].clone(),
            post: Post::text(format!("  {}  ", text.to_uppercase())),
        },
        Draft {
            slot: ids[2].clone(),
            post: Post::text("#a #b #c #d #e #f #g un autre texte"),
        },
        Draft {
            slot: "instagram-test-20270104-9".into(),
            post: Post::text("x"),
        },
    ];
    let p = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &PlanOptions {
            drafts,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(fires(&p, "calendar/content-repeat"));
    assert!(fires(&p, "calendar/draft-unknown-slot"));
    let unknown = p
        .findings
        .iter()
        .find(|f| f.rule == "calendar/draft-unknown-slot")
        .unwrap();
    assert!(
        unknown.message.contains("did you mean"),
        "{}",
        unknown.message
    );
    // Instagram takes at most 5 hashtags: the post rule fires on the slot's draft.
    let tags = p
        .findings
        .iter()
        .find(|f| f.rule.starts_with("post/hashtag"))
        .expect("a post rule on the draft");
    assert!(
        tags.location
            .path
            .as_deref()
            .unwrap()
            .starts_with(&format!("slots[{}].draft", ids[2])),
        "{:?}",
        tags.location
    );
    assert_eq!(p.slots.iter().filter(|s| s.draft.is_some()).count(), 3);
    // Post rules are configured with the calendar's: one configuration for both.
    let mut opts = PlanOptions {
        drafts: vec![Draft {
            slot: ids[2].clone(),
            post: Post::text("#a #b #c #d #e #f #g x"),
        }],
        ..Default::default()
    };
    opts.rules.disabled.extend(
        p.findings
            .iter()
            .filter(|f| f.rule.starts_with("post/"))
            .map(|f| f.rule.clone()),
    );
    let q = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-10"),
        &opts,
    )
    .unwrap();
    assert!(q.findings.iter().all(|f| !f.rule.starts_with("post/")));
}

#[test]
fn pillar_off_target() {
    // Pillar C is carried by stories only, which the channel does not plan.
    let p = plan(
        &Strategy::example().unwrap(),
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(fires(&p, "calendar/pillar-off-target"));
    let p = plan(
        &strategy("cadence = 4", ""),
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(!fires(&p, "calendar/pillar-off-target"));
}

#[test]
fn audiences_in_several_zones() {
    let extra = "\n[[audiences]]\nid = \"us\"\nname = \"New York\"\nzone = \"America/New_York\"\n";
    let s = strategy("cadence = 6", extra);
    let mut s = s;
    s.channels[0].audiences.push("us".into());
    let per_zone = plan(
        &s,
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions::default(),
    )
    .unwrap();
    assert!(
        !fires(&per_zone, "calendar/audience-outside-window"),
        "{:?}",
        per_zone.findings
    );
    let zones: std::collections::BTreeSet<_> =
        per_zone.slots.iter().map(|s| s.zone.name()).collect();
    assert_eq!(zones.len(), 2);
    let ny = per_zone.reach.iter().find(|r| r.audience == "us").unwrap();
    assert_eq!(ny.share, 1.0);
    let compromise = plan(
        &s,
        d("2027-01-04"),
        d("2027-01-31"),
        &PlanOptions {
            zone_policy: ZonePolicy::Compromise,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        compromise
            .slots
            .iter()
            .all(|s| s.zone.name() == "Europe/Paris")
    );
    // One set of times for both: one audience is left outside its window most of the time.
    let f = compromise
        .findings
        .iter()
        .find(|f| f.rule == "calendar/audience-outside-window")
        .expect("a six-hour shift leaves one side out");
    assert!(
        f.location
            .path
            .as_deref()
            .unwrap()
            .starts_with("channels[0].audiences[")
    );
    let shares: Vec<f64> = compromise.reach.iter().map(|r| r.share).collect();
    assert!(
        shares.iter().any(|s| *s < 0.5) && shares.iter().any(|s| *s >= 0.5),
        "{shares:?}"
    );
}

#[test]
fn bad_input_is_a_typed_error_that_says_where() {
    let s = strategy("cadence = 2", "");
    let e = plan(
        &s,
        d("2027-02-01"),
        d("2027-01-01"),
        &PlanOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::Argument { .. }) && e.to_string().contains("before it starts"),
        "{e}"
    );
    let e = plan(
        &strategy("cadence = 0", ""),
        d("2027-01-01"),
        d("2027-02-01"),
        &PlanOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&e, Error::Invalid { path, .. } if path == "channels[0].cadence"),
        "{e}"
    );
    let e = plan(
        &s,
        d("2027-01-01"),
        d("2040-01-01"),
        &PlanOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("at most"), "{e}");
    let mut opts = PlanOptions::default();
    opts.rules.disabled.insert("calendar/min-gapp".into());
    let e = plan(&s, d("2027-01-01"), d("2027-02-01"), &opts).unwrap_err();
    assert!(
        e.to_string().contains("did you mean `calendar/min-gap`"),
        "{e}"
    );
    let e = Strategy::from_toml(
        "[brand]\nname = \"x\"\nsite = \"https://x.example/\"\nzone = \"Europe/Pariss\"\n",
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("line 4")
            && text.contains("brand.zone")
            && text.contains("did you mean `Europe/Paris`"),
        "{text}"
    );
}
