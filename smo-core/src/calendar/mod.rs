//! The editorial calendar: the publication plan drawn from the strategy, checked like the rest.
//!
//! The seeds' third activity asks for a publication plan ("élaborer un planning de diffusion des
//! publications"). Publishing tools have calendars, but their users' most common complaint is
//! time: slots saved as an offset from UTC move by an hour at each DST change (Postiz #1954), one
//! global zone serves every audience (Mixpost), and none derives the plan from a strategy or
//! exports iCalendar (`smo-practice.md` §1–§3). So here:
//!
//! - [`plan`] builds the plan from the strategy's publishing channels: slots per week from each
//!   cadence, pillars by their shares, content types each network takes, times from a sourced
//!   best-time table, the account's own history or the host's windows ([`besttime`]), holidays
//!   and blackout dates respected ([`holidays()`], [`read_ics`]). The algorithm is in
//!   [`planner`]'s doc.
//! - A [`Slot`] is (date, wall time, IANA zone) of the audience it serves, resolved to an instant
//!   by [`zone::resolve`] with chrono-tz, never saved as an offset; DST gaps move forward, folds
//!   take the earlier instant, and each adjusted slot carries a finding.
//! - The plan's problems are findings of [`RULES`] (`calendar/*`), configurable like every rule;
//!   drafts attached to slots are checked with [`crate::post::check_post`] for their network.
//! - Exports: iCalendar ([`Plan::to_ics`], RFC 5545, with VTIMEZONEs built from the same
//!   transitions), CSV in smo's layout or Hootsuite's bulk composer ([`Plan::to_csv`]), JSON
//!   ([`Plan::to_json`]); Markdown and HTML sections for the SMO report ([`render`]).
//!
//! The same inputs give the same plan, byte for byte: nothing reads the clock (the present is
//! [`PlanOptions::now`], the iCalendar stamp an argument) and every list is sorted.
//!
//! ```
//! use smo_core::{Strategy, calendar::{plan, PlanOptions}};
//! let d = |s: &str| s.parse().unwrap();
//! let p = plan(&Strategy::example()?, d("2027-01-04"), d("2027-01-10"), &PlanOptions::default())?;
//! let ig: Vec<_> = p.slots.iter().filter(|s| s.network == smo_core::Network::Instagram).collect();
//! assert_eq!(ig.len(), 5); // the channel's cadence
//! assert_eq!(ig[0].zone.name(), "Europe/Paris");
//! assert!(p.to_ics(d("2027-01-01").and_hms_opt(0, 0, 0).unwrap().and_utc(), false).starts_with("BEGIN:VCALENDAR\r\n"));
//! # Ok::<(), smo_core::Error>(())
//! ```

pub mod besttime;
pub mod caps;
pub mod export;
pub mod holidays;
pub mod ics;
mod model;
pub mod planner;
pub mod render;
pub mod rules;
pub mod zone;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

pub use holidays::holidays;
pub use ics::read_ics;
pub use model::*;
pub use rules::RULES;

use crate::error::{Error, Result, closest};
use crate::finding::Findings;
use crate::strategy::Strategy;

/// Looks up an IANA zone by name, with a "did you mean" hint in the message.
pub(crate) fn lookup_zone(name: &str) -> std::result::Result<Tz, String> {
    name.parse::<Tz>().map_err(|_| {
        let hint = closest(name, chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()))
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        format!("`{name}` is not an IANA time zone{hint}: write a name such as `Europe/Paris` or `America/New_York`")
    })
}

/// Parses an IANA zone name (`Europe/Paris`).
///
/// ```
/// assert!(smo_core::calendar::parse_zone("Europe/Paris").is_ok());
/// let e = smo_core::calendar::parse_zone("Europe/Pari").unwrap_err();
/// assert!(e.to_string().contains("did you mean `Europe/Paris`"), "{e}");
/// ```
pub fn parse_zone(name: &str) -> Result<Tz> {
    lookup_zone(name).map_err(|message| Error::Argument {
        name: "zone".into(),
        message,
    })
}

/// The lower-case alphanumerics of a handle, for slot ids.
fn slug(handle: &str, channel: usize) -> String {
    let s: String = handle
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if s.is_empty() {
        format!("channel{channel}")
    } else {
        s
    }
}

/// Plans the strategy's publishing channels from `start` to `end` (both inclusive).
///
/// Fails on a period that ends before it starts or is longer than [`planner::MAX_DAYS`], on a
/// publishing channel whose cadence is 0, and on rule ids the configuration names that no
/// registry has; every other problem is a finding of the plan.
pub fn plan(
    strategy: &Strategy,
    start: NaiveDate,
    end: NaiveDate,
    opts: &PlanOptions,
) -> Result<Plan> {
    let (calendar_rules, post_rules) = rules::split_config(&opts.rules)?;
    let mut f = Findings::new(RULES, &calendar_rules)?;
    let built = planner::build(strategy, start, end, opts, &mut f)?;
    let mut slots: Vec<Slot> = built
        .slots
        .into_iter()
        .map(|r| {
            let ch = &strategy.channels[r.channel];
            let (start, adjustment) = zone::resolve(r.zone, r.date.and_time(r.time));
            Slot {
                id: String::new(),
                network: ch.network,
                handle: ch.handle.clone(),
                channel: r.channel,
                date: r.date,
                time: r.time,
                zone: r.zone,
                start,
                local: start.with_timezone(&r.zone).naive_local(),
                adjustment,
                pillar: r.pillar,
                content_type: r.content_type,
                audiences: r.audiences,
                reason: r.reason,
                campaign: r.campaign,
                moved_from: r.moved_from,
                draft: None,
                blocked_by: r.blocked_by,
            }
        })
        .collect();
    // Ids: network, handle, local date and the slot's rank that day on the channel.
    slots.sort_by(|a, b| {
        (a.channel, a.date, a.start, a.zone.name()).cmp(&(
            b.channel,
            b.date,
            b.start,
            b.zone.name(),
        ))
    });
    let mut rank: BTreeMap<(usize, NaiveDate), usize> = BTreeMap::new();
    for s in &mut slots {
        let n = rank.entry((s.channel, s.date)).or_default();
        *n += 1;
        s.id = format!(
            "{}-{}-{}-{n}",
            s.network.as_str(),
            slug(&s.handle, s.channel),
            s.date.format("%Y%m%d")
        );
    }
    slots.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    let post_findings = rules::attach_drafts(&mut slots, &opts.drafts, &post_rules, &mut f)?;
    let pillars = pillar_shares(strategy, &slots);
    rules::check(&slots, &pillars, &built.reach, opts, &mut f);
    let mut findings = f.into_vec();
    findings.extend(post_findings);
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.location.path.cmp(&b.location.path))
    });
    let mut events: Vec<Event> = opts
        .events
        .iter()
        .filter(|e| e.start <= end && e.end >= start)
        .cloned()
        .collect();
    events.sort_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name)));
    Ok(Plan {
        brand: strategy.brand.name.clone(),
        domain: strategy
            .brand
            .site
            .host_str()
            .unwrap_or("smo.invalid")
            .trim_start_matches("www.")
            .to_owned(),
        start,
        end,
        zone_policy: opts.zone_policy,
        slots,
        channels: built.channels,
        pillars,
        reach: built.reach,
        events,
        findings,
    })
}

fn pillar_shares(strategy: &Strategy, slots: &[Slot]) -> Vec<PillarShare> {
    let total_share: f64 = strategy.pillars.iter().map(|p| p.share).sum();
    let n = slots.len() as f64;
    strategy
        .pillars
        .iter()
        .map(|p| {
            let count = slots
                .iter()
                .filter(|s| s.pillar.as_deref() == Some(p.name.as_str()))
                .count() as u64;
            let target = if total_share > 0.0 {
                p.share / total_share * 100.0
            } else {
                0.0
            };
            let planned = if n > 0.0 {
                count as f64 / n * 100.0
            } else {
                0.0
            };
            PillarShare {
                pillar: p.name.clone(),
                slots: count,
                target: round2(target),
                planned: round2(planned),
                drift: round2(planned - target),
            }
        })
        .collect()
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

impl Plan {
    /// The plan as pretty JSON (ends with a newline).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}
