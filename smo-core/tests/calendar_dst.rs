//! Property: no slot ever lands an hour off across a DST change.
//!
//! Over random zones of the whole IANA table, random dates (1990–2037) and random wall times:
//! the resolved instant shows the planned wall time in its zone, except in a gap, where it shows
//! the time moved forward by exactly the gap (read with the offset before it), and in a fold,
//! where it is the earlier of the two instants. And a plan repeated weekly over a year keeps its
//! wall time on every slot in every zone: it is never N × 24 hours of UTC.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::Rng;

use chrono::{Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::{TZ_VARIANTS, Tz};
use smo_core::calendar::zone::{Adjustment, resolve, transitions};
use smo_core::calendar::{PlanOptions, Window, plan};
use smo_core::{Network, Strategy};

#[test]
fn resolved_instants_show_their_wall_time() {
    let mut rng = Rng(0x0005_eed0_f0dd_ba11);
    let (mut gaps, mut folds) = (0, 0);
    for _ in 0..20_000 {
        let zone = TZ_VARIANTS[rng.below(TZ_VARIANTS.len())];
        let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap()
            + Duration::days(rng.below(48 * 365) as i64);
        let time =
            NaiveTime::from_hms_opt(rng.below(24) as u32, (rng.below(4) * 15) as u32, 0).unwrap();
        let mut wall = date.and_time(time);
        // Every other sample lands within three hours of one of the zone's changes that year.
        if rng.below(2) == 0 {
            let from = date.and_hms_opt(0, 0, 0).unwrap().and_utc();
            let changes = transitions(zone, from, from + Duration::days(366));
            if !changes.is_empty() {
                let c = &changes[rng.below(changes.len())];
                let local = c.at.naive_utc() + Duration::seconds(i64::from(c.from));
                wall = local + Duration::minutes(rng.below(24) as i64 * 15 - 180);
            }
        }
        let (utc, adj) = resolve(zone, wall);
        let shown = utc.with_timezone(&zone).naive_local();
        match adj {
            None => assert_eq!(shown, wall, "{zone} {wall}"),
            Some(Adjustment::Gap { minutes }) => {
                gaps += 1;
                assert!(
                    minutes > 0 && minutes <= 24 * 60,
                    "{zone} {wall}: {minutes}"
                );
                assert_eq!(shown, wall + Duration::minutes(minutes), "{zone} {wall}");
                assert!(matches!(zone.from_local_datetime(&wall), LocalResult::None));
            }
            Some(Adjustment::Fold { minutes }) => {
                folds += 1;
                assert_eq!(shown, wall, "{zone} {wall}");
                let LocalResult::Ambiguous(early, late) = zone.from_local_datetime(&wall) else {
                    panic!("{zone} {wall}: not a fold")
                };
                assert_eq!(utc, early.to_utc());
                assert_eq!((late.to_utc() - utc).num_minutes(), minutes);
            }
        }
    }
    // The sample crosses many changes: the property is not vacuous.
    println!("20,000 wall times: {gaps} in a gap, {folds} in a fold");
    assert!(gaps > 200 && folds > 200, "gaps {gaps}, folds {folds}");
}

#[test]
fn weekly_slots_keep_their_wall_time_all_year() {
    let mut rng = Rng(0x0c10_c4a1_e5da);
    let dst_zones: Vec<Tz> = TZ_VARIANTS
        .iter()
        .copied()
        .filter(|z| {
            let jan = z.with_ymd_and_hms(2027, 1, 15, 12, 0, 0).earliest();
            let jul = z.with_ymd_and_hms(2027, 7, 15, 12, 0, 0).earliest();
            matches!((jan, jul), (Some(a), Some(b)) if a.offset() != b.offset())
        })
        .collect();
    assert!(dst_zones.len() > 50);
    for _ in 0..24 {
        let zone = dst_zones[rng.below(dst_zones.len())];
        let time =
            NaiveTime::from_hms_opt(rng.below(24) as u32, (rng.below(4) * 15) as u32, 0).unwrap();
        let end_time = time + Duration::minutes(15);
        let s = Strategy::from_toml(&format!(
            "[brand]\nname = \"T\"\nsite = \"https://t.example/\"\nzone = \"{}\"\n[[channels]]\nnetwork = \"mastodon\"\nhandle = \"@t@example.social\"\nrole = \"publish\"\ncadence = 1\n",
            zone.name()
        ))
        .unwrap();
        let opts = PlanOptions {
            windows: vec![Window {
                network: Network::Mastodon,
                days: vec![chrono::Weekday::Sun],
                start: time,
                end: end_time,
                label: "weekly".into(),
            }],
            ..Default::default()
        };
        let p = plan(
            &s,
            "2027-01-04".parse().unwrap(),
            "2028-01-02".parse().unwrap(),
            &opts,
        )
        .unwrap();
        assert_eq!(p.slots.len(), 52, "{zone}");
        for slot in &p.slots {
            let shown: NaiveDateTime = slot.start.with_timezone(&zone).naive_local();
            match slot.adjustment {
                None => assert_eq!(shown, slot.date.and_time(time), "{zone} {}", slot.id),
                Some(Adjustment::Fold { .. }) => assert_eq!(shown, slot.date.and_time(time)),
                Some(Adjustment::Gap { minutes }) => {
                    assert_eq!(shown, slot.date.and_time(time) + Duration::minutes(minutes));
                    assert!(p.findings.iter().any(|f| f.rule == "calendar/dst-gap"
                        && f.location.path.as_deref() == Some(&format!("slots[{}]", slot.id))));
                }
            }
        }
    }
}
