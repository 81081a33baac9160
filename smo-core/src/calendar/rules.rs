//! The calendar's rules, and the checks that run on a plan's slots.
//!
//! The planner reports what it could not do as it plans (a cadence that does not fit, a week
//! left short by holidays); the checks here look at the finished slots the way a reviewer would
//! (two posts too close, a platform cap, a slot in the past, a repeated draft, a pillar off its
//! share, an audience outside its window, DST adjustments) and run `check_post` on every draft
//! attached to a slot, for the slot's network.

use std::collections::BTreeMap;

use chrono::Duration;

use crate::finding::{Findings, Location, RuleConfig, RuleInfo, Severity};
use crate::post::{self, CheckOptions};

use super::caps::daily_cap;
use super::model::{AudienceReach, Draft, PillarShare, PlanOptions, Slot};
use super::zone::Adjustment;

const PRACTICE: &str = "smo-practice.md §2-§4 (publishing tools' calendars and their users)";
const RFC5545: &str = "RFC 5545 §3.3.5 (DATE-TIME with TZID: gaps and folds)";

/// The calendar's rules.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "calendar/zone-missing",
        title: "Audience without a time zone",
        description: "Neither the audience nor the brand names an IANA zone, so its slots are planned in UTC.",
        default_severity: Severity::Warning,
        source: PRACTICE,
    },
    RuleInfo {
        id: "calendar/cadence-missing",
        title: "Publishing channel without cadence",
        description: "A channel that publishes has no posts-a-week figure, so nothing is planned for it.",
        default_severity: Severity::Warning,
        source: PRACTICE,
    },
    RuleInfo {
        id: "calendar/cadence-infeasible",
        title: "Cadence not feasible",
        description: "The cadence gives no post in the period, or more posts than the windows hold at the minimum gap and daily cap.",
        default_severity: Severity::Error,
        source: PRACTICE,
    },
    RuleInfo {
        id: "calendar/content-type-unsupported",
        title: "Content type the network does not take",
        description: "A content type planned on a channel is not supported by its network (network table).",
        default_severity: Severity::Error,
        source: "network table (smo-core network.rs)",
    },
    RuleInfo {
        id: "calendar/history-insufficient",
        title: "Not enough history for best times",
        description: "The post history is too thin on a network to learn windows from; the published studies are used.",
        default_severity: Severity::Notice,
        source: "measurement.md §3 (minimum samples: Sprout 16 weeks, 10 posts)",
    },
    RuleInfo {
        id: "calendar/quota-missed",
        title: "Weekly quota missed",
        description: "Holidays or blackout dates left a week with fewer posts than the cadence asks.",
        default_severity: Severity::Warning,
        source: PRACTICE,
    },
    RuleInfo {
        id: "calendar/blocked-date",
        title: "Slot on a holiday or blackout date",
        description: "A slot fell on a holiday or blackout date and was moved or kept, by the date policy.",
        default_severity: Severity::Warning,
        source: PRACTICE,
    },
    RuleInfo {
        id: "calendar/dst-gap",
        title: "Time in a DST gap",
        description: "The wall time does not exist that day (spring forward); it was moved forward by the gap's length.",
        default_severity: Severity::Notice,
        source: RFC5545,
    },
    RuleInfo {
        id: "calendar/dst-fold",
        title: "Time in a DST fold",
        description: "The wall time happens twice that day (fall back); the earlier instant was taken.",
        default_severity: Severity::Notice,
        source: RFC5545,
    },
    RuleInfo {
        id: "calendar/min-gap",
        title: "Posts too close together",
        description: "Two posts of one channel are closer than the minimum gap.",
        default_severity: Severity::Warning,
        source: "smo-practice.md §4.1 (steady beats bursts)",
    },
    RuleInfo {
        id: "calendar/daily-cap",
        title: "Over the network's daily cap",
        description: "More posts in 24 hours than the network lets one account publish (caps table).",
        default_severity: Severity::Error,
        source: "caps table (smo-core calendar/caps.rs)",
    },
    RuleInfo {
        id: "calendar/slot-in-past",
        title: "Slot in the past",
        description: "The slot's instant is before the present instant the host gave.",
        default_severity: Severity::Warning,
        source: PRACTICE,
    },
    RuleInfo {
        id: "calendar/content-repeat",
        title: "Same content too soon",
        description: "The same draft is planned twice on one channel within the repeat window.",
        default_severity: Severity::Warning,
        source: "smo-practice.md §4.4 (be real; stay fresh)",
    },
    RuleInfo {
        id: "calendar/pillar-off-target",
        title: "Pillar share off target",
        description: "A pillar's share of the planned slots drifts from its share in the strategy by more than the tolerance.",
        default_severity: Severity::Warning,
        source: "strategy pillars (smo-practice.md §3)",
    },
    RuleInfo {
        id: "calendar/audience-outside-window",
        title: "Audience outside its window",
        description: "Less than the required share of a channel's slots falls inside an audience's window, in its own wall time.",
        default_severity: Severity::Warning,
        source: "smo-practice.md §4.2 (convert to the audience's local time)",
    },
    RuleInfo {
        id: "calendar/draft-unknown-slot",
        title: "Draft for a slot that does not exist",
        description: "A draft names a slot id the plan does not have.",
        default_severity: Severity::Error,
        source: PRACTICE,
    },
];

/// Splits a configuration between the calendar's rules and the post rules run on drafts, after
/// checking every id exists in one of them.
pub(super) fn split_config(config: &RuleConfig) -> crate::Result<(RuleConfig, RuleConfig)> {
    let all: Vec<RuleInfo> = RULES.iter().chain(post::RULES.iter()).copied().collect();
    config.check_against(&all)?;
    let part = |reg: &[RuleInfo]| RuleConfig {
        disabled: config
            .disabled
            .iter()
            .filter(|id| reg.iter().any(|r| r.id == id.as_str()))
            .cloned()
            .collect(),
        severities: config
            .severities
            .iter()
            .filter(|(id, _)| reg.iter().any(|r| r.id == id.as_str()))
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
    };
    Ok((part(RULES), part(post::RULES)))
}

fn at(slot: &Slot) -> Location {
    Location::path(format!("slots[{}]", slot.id))
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Attaches drafts to their slots, with their post checks.
pub(super) fn attach_drafts(
    slots: &mut [Slot],
    drafts: &[Draft],
    post_rules: &RuleConfig,
    f: &mut Findings<'_>,
) -> crate::Result<Vec<crate::Finding>> {
    let mut post_findings = Vec::new();
    let index: BTreeMap<&str, usize> = slots
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut targets = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        match index.get(d.slot.as_str()) {
            Some(&k) => targets.push((i, k)),
            None => {
                let hint = crate::error::closest(&d.slot, slots.iter().map(|s| s.id.as_str()))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                f.report(
                    "calendar/draft-unknown-slot",
                    Location::path(format!("drafts[{i}].slot")),
                    format!(
                        "no slot has id `{}`{hint}: the draft is not attached",
                        d.slot
                    ),
                    Some("attach the draft to one of the plan's slot ids".into()),
                );
            }
        }
    }
    let options = CheckOptions {
        rules: post_rules.clone(),
        ..Default::default()
    };
    for (i, k) in targets {
        let slot = &mut slots[k];
        for mut finding in post::check_post_with(&drafts[i].post, slot.network, &options)? {
            let inner = finding.location.path.take().unwrap_or_default();
            finding.location.path = Some(if inner.is_empty() {
                format!("slots[{}].draft", slot.id)
            } else {
                format!("slots[{}].draft.{inner}", slot.id)
            });
            post_findings.push(finding);
        }
        slot.draft = Some(drafts[i].post.clone());
    }
    Ok(post_findings)
}

/// The checks on finished slots.
pub(super) fn check(
    slots: &[Slot],
    pillars: &[PillarShare],
    reach: &[AudienceReach],
    opts: &PlanOptions,
    f: &mut Findings<'_>,
) {
    for s in slots {
        match s.adjustment {
            Some(Adjustment::Gap { minutes }) => f.report(
                "calendar/dst-gap",
                at(s),
                format!(
                    "{} {} does not exist in {} (clocks go forward): the slot is at {} local, {minutes} min later ({} UTC)",
                    s.date, s.time.format("%H:%M"), s.zone.name(), s.local.format("%Y-%m-%d %H:%M"), s.start.format("%Y-%m-%d %H:%M")
                ),
                Some("keep it, or plan the slot outside the night of the change".into()),
            ),
            Some(Adjustment::Fold { minutes }) => f.report(
                "calendar/dst-fold",
                at(s),
                format!(
                    "{} {} happens twice in {} (clocks go back {minutes} min): the first one is taken ({} UTC)",
                    s.date, s.time.format("%H:%M"), s.zone.name(), s.start.format("%Y-%m-%d %H:%M")
                ),
                None,
            ),
            None => {}
        }
        if let Some(why) = &s.blocked_by {
            let (msg, fix) = match s.moved_from {
                Some(from) => (
                    format!("{} on {}: moved from {from} to {}", s.id, why, s.date),
                    None,
                ),
                None => (
                    format!("{} is on {}: kept, by the date policy", s.id, why),
                    Some("move it, or set the date policy to `move`".to_owned()),
                ),
            };
            f.report("calendar/blocked-date", at(s), msg, fix);
        }
        if let Some(now) = opts.now.filter(|now| s.start < *now) {
            f.report(
                "calendar/slot-in-past",
                at(s),
                format!(
                    "{} is at {} UTC, before now ({} UTC)",
                    s.id,
                    s.start.format("%Y-%m-%d %H:%M"),
                    now.format("%Y-%m-%d %H:%M")
                ),
                Some("plan from today on, or drop the slot".into()),
            );
        }
    }
    // Per channel, in time order.
    let mut by_channel: BTreeMap<usize, Vec<&Slot>> = BTreeMap::new();
    for s in slots {
        by_channel.entry(s.channel).or_default().push(s);
    }
    let gap = Duration::minutes(i64::from(opts.min_gap_minutes));
    for list in by_channel.values_mut() {
        list.sort_by_key(|s| (s.start, s.id.clone()));
        for w in list.windows(2) {
            let d = w[1].start - w[0].start;
            if d < gap {
                f.report(
                    "calendar/min-gap",
                    at(w[1]),
                    format!(
                        "{} is {} min after {}, under the {} min minimum",
                        w[1].id,
                        d.num_minutes(),
                        w[0].id,
                        opts.min_gap_minutes
                    ),
                    Some("space the posts out, or lower the minimum gap".into()),
                );
            }
        }
        if let Some(cap) = list.first().and_then(|s| daily_cap(s.network)) {
            let mut from = 0;
            let mut reported_until = None;
            for to in 0..list.len() {
                while list[to].start - list[from].start >= Duration::hours(24) {
                    from += 1;
                }
                let count = to - from + 1;
                if count > cap.posts as usize && reported_until.is_none_or(|u| list[to].start >= u)
                {
                    f.report(
                        "calendar/daily-cap",
                        at(list[to]),
                        format!(
                            "{} posts of `{}` within 24 hours up to {}, over {}'s cap of {} ({})",
                            count,
                            list[to].handle,
                            list[to].id,
                            list[to].network.info().name,
                            cap.posts,
                            cap.note
                        ),
                        Some(format!(
                            "spread the posts out; the cap is documented at {}",
                            cap.source
                        )),
                    );
                    reported_until = Some(list[to].start + Duration::hours(24));
                }
            }
        }
        let repeat = Duration::days(i64::from(opts.repeat_days));
        let mut last: BTreeMap<String, &Slot> = BTreeMap::new();
        for s in list.iter() {
            let Some(d) = &s.draft else { continue };
            let key = normalise(&d.text);
            if key.is_empty() {
                continue;
            }
            if let Some(prev) = last.get(&key).filter(|p| s.start - p.start < repeat) {
                f.report(
                    "calendar/content-repeat",
                    at(s),
                    format!(
                        "{} repeats the draft of {} after {} day(s), within {} days",
                        s.id,
                        prev.id,
                        (s.start - prev.start).num_days(),
                        opts.repeat_days
                    ),
                    Some("rewrite the post, or space the repeat further".into()),
                );
            }
            last.insert(key, s);
        }
    }
    let total = slots.len() as f64;
    for (i, p) in pillars.iter().enumerate() {
        // Rounding alone puts a pillar up to one slot off its share: only more is a drift.
        let off_by = (p.slots as f64 - p.target / 100.0 * total).abs();
        if p.drift.abs() > opts.pillar_tolerance && off_by >= 1.0 {
            f.report(
                "calendar/pillar-off-target",
                Location::path(format!("pillars[{i}]")),
                format!(
                    "pillar `{}` gets {:.1} % of the slots ({} of them) against a target of {:.1} %: {:+.1} points",
                    p.pillar, p.planned, p.slots, p.target, p.drift
                ),
                Some("give the pillar content types that more channels publish, or change its share".into()),
            );
        }
    }
    for r in reach {
        let zones = reach
            .iter()
            .filter(|o| o.network == r.network && o.handle == r.handle && o.zone != r.zone)
            .count();
        if r.slots > 0 && r.share < opts.min_window_share {
            let fix = if zones > 0 {
                "plan this audience per zone (zone policy `per_zone`), or give it its own channel"
            } else {
                "the windows hold fewer posts than the cadence: widen them (host windows, or history), or lower the cadence"
            };
            f.report(
                "calendar/audience-outside-window",
                Location::path(r.path.clone()),
                format!(
                    "{} `{}`: {} of {} slots ({:.0} %) fall inside the window of audience `{}` in {}, under {:.0} %",
                    r.network.info().name, r.handle, r.inside, r.slots, r.share * 100.0, r.audience, r.zone.name(), opts.min_window_share * 100.0
                ),
                Some(fix.into()),
            );
        }
    }
}
