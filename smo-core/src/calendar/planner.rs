//! The planning algorithm: from a strategy's channels to dated slots.
//!
//! Per publishing channel and ISO week:
//! 1. **Quota.** The cadence is spread over the period's days: the slots due by the end of a
//!    week are ⌊cadence × days so far / 7⌋, so a partial first or last week gets its share and
//!    fractional cadences (0.5 a week) come out exact over the period.
//! 2. **Zones.** Under [`ZonePolicy::PerZone`] the week's slots are shared among the channel's
//!    audience zones by audience count (largest remainder on quota plus carried shortfall, the
//!    same rule as pillars); under [`ZonePolicy::Compromise`] they all go to the main zone (most
//!    audiences, then the brand's zone), at the times that score best summed over every
//!    audience's grid shifted by its zone's offset.
//! 3. **Times.** Days are picked one post a day first, best cell first, ties to the day farthest
//!    from the days already taken (steady beats bursts); then second posts on taken days at least
//!    the minimum gap apart; then the working-hours fallback, the same way. A quota the grid
//!    cannot hold is reported (`calendar/cadence-infeasible`).
//! 4. **Dates.** A slot on a holiday or blackout date is moved to the next open day of its week
//!    (else the previous one), kept, or dropped, by the [`DatePolicy`]; a week left short is
//!    reported (`calendar/quota-missed`).
//! 5. **Pillars and types.** The week's slots are shared among the pillars that the channel's
//!    content types carry, by largest remainder on the pillars' shares plus each pillar's
//!    carried shortfall, so the remainder rotates from week to week; pillars are interleaved
//!    through the week, and each slot takes the next content type that both the pillar and the
//!    channel name.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike, Weekday};
use chrono_tz::Tz;

use crate::content::ContentType;
use crate::error::{Error, Result};
use crate::finding::{Findings, Location};
use crate::strategy::{Role, Strategy};

use super::besttime::{self, Basis, CELLS, Grid, cell, cell_start};
use super::model::{AudienceReach, ChannelPlan, DatePolicy, Event, PlanOptions, ZonePolicy};
use super::zone::{offset_at, resolve};

/// The longest period one plan covers, in days (about ten years).
pub const MAX_DAYS: i64 = 3660;

/// A slot before it has its id.
#[derive(Debug, Clone)]
pub(super) struct RawSlot {
    pub channel: usize,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub zone: Tz,
    pub audiences: Vec<String>,
    pub pillar: Option<String>,
    pub content_type: Option<ContentType>,
    pub reason: String,
    pub moved_from: Option<NaiveDate>,
    pub blocked_by: Option<String>,
    pub campaign: Option<String>,
}

/// One audience of a channel, with its zone.
#[derive(Debug, Clone)]
struct Aud {
    id: String,
    zone: Tz,
}

pub(super) struct Output {
    pub slots: Vec<RawSlot>,
    pub channels: Vec<ChannelPlan>,
    pub reach: Vec<AudienceReach>,
}

/// The zone of each audience, by id, with findings for those that have none.
fn audience_zones(strategy: &Strategy, f: &mut Findings<'_>) -> BTreeMap<String, Tz> {
    let mut out = BTreeMap::new();
    for (i, a) in strategy.audiences.iter().enumerate() {
        let zone = match (a.zone, strategy.brand.zone) {
            (Some(z), _) | (None, Some(z)) => z,
            (None, None) => {
                f.report(
                    "calendar/zone-missing",
                    Location::path(format!("audiences[{i}].zone")),
                    format!(
                        "audience `{}` has no time zone and the brand names none: its slots are planned in UTC",
                        a.id
                    ),
                    Some("set `zone` (an IANA name such as `Europe/Paris`) on the audience or under [brand]".into()),
                );
                Tz::UTC
            }
        };
        out.insert(a.id.clone(), zone);
    }
    out
}

/// Splits `n` among `weights` by largest remainder on each share plus its carried shortfall;
/// `carry` is updated, ties go to the first index after `rotate`.
pub(super) fn apportion(n: u64, weights: &[f64], carry: &mut [f64], rotate: usize) -> Vec<u64> {
    let k = weights.len();
    if k == 0 {
        return Vec::new();
    }
    let total: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    let quota: Vec<f64> = (0..k)
        .map(|i| {
            let w = if total > 0.0 {
                weights[i].max(0.0) / total
            } else {
                1.0 / k as f64
            };
            n as f64 * w + carry[i]
        })
        .collect();
    let mut alloc: Vec<u64> = quota.iter().map(|q| q.floor().max(0.0) as u64).collect();
    while alloc.iter().sum::<u64>() > n {
        // Take back from the most over-served pillar.
        let Some(i) = (0..k)
            .filter(|&i| alloc[i] > 0)
            .min_by(|&a, &b| (quota[a] - alloc[a] as f64).total_cmp(&(quota[b] - alloc[b] as f64)))
        else {
            break;
        };
        alloc[i] -= 1;
    }
    let mut left = n - alloc.iter().sum::<u64>();
    while left > 0 {
        // Largest remainder; ties to the first index from `rotate` on, so they rotate weekly.
        let mut best = rotate % k;
        for j in 1..k {
            let i = (j + rotate) % k;
            if quota[i] - alloc[i] as f64 > quota[best] - alloc[best] as f64 {
                best = i;
            }
        }
        alloc[best] += 1;
        left -= 1;
    }
    for i in 0..k {
        carry[i] = quota[i] - alloc[i] as f64;
    }
    alloc
}

/// Picks `n` cells of `grid` on the `open` days, at least `gap` cells apart and at most
/// `per_day` a day; `taken` are cells of the channel's posts already placed this week (another
/// zone's, in this zone's frame: they keep their distance and count as days used).
fn pick(
    grid: &Grid,
    n: usize,
    open: &[Weekday],
    gap: usize,
    per_day: usize,
    taken: &[i64],
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    if n == 0 || open.is_empty() {
        return chosen;
    }
    let open_idx: Vec<usize> = open
        .iter()
        .map(|d| d.num_days_from_monday() as usize)
        .collect();
    let mut order: Vec<usize> = (0..CELLS)
        .filter(|c| grid.score[*c] > 0.0 && open_idx.contains(&(c / 96)))
        .collect();
    order.sort_by(|a, b| grid.score[*b].total_cmp(&grid.score[*a]).then(a.cmp(b)));
    let strong = |c: &usize| grid.fallback || grid.strong(*c);
    let tiers: [Vec<usize>; 2] = [
        order.iter().copied().filter(strong).collect(),
        order.iter().copied().filter(|c| !strong(c)).collect(),
    ];
    let clear = |c: usize| {
        taken
            .iter()
            .all(|t| (c as i64 - t).unsigned_abs() as usize >= gap)
    };
    let fits = |chosen: &[usize], c: usize| {
        let day = c / 96;
        let same: Vec<&usize> = chosen.iter().filter(|x| *x / 96 == day).collect();
        same.len() < per_day && same.iter().all(|x| x.abs_diff(c) >= gap) && clear(c)
    };
    let taken_days: BTreeSet<usize> = taken
        .iter()
        .filter(|t| (0..CELLS as i64).contains(t))
        .map(|t| *t as usize / 96)
        .collect();
    for tier in &tiers {
        // One post a day first: the best day, ties to the day farthest from those taken.
        while chosen.len() < n {
            let mut used: BTreeSet<usize> = chosen.iter().map(|c| c / 96).collect();
            used.extend(&taken_days);
            let mut best: Option<(usize, f64, usize)> = None;
            for &c in tier {
                let day = c / 96;
                if used.contains(&day) || !clear(c) {
                    continue;
                }
                let dist = used
                    .iter()
                    .map(|u| {
                        let d = u.abs_diff(day);
                        d.min(7 - d)
                    })
                    .min()
                    .unwrap_or(7);
                let better = match best {
                    None => true,
                    Some((bc, bs, bd)) => {
                        grid.score[c] > bs
                            || (grid.score[c] == bs && (dist > bd || (dist == bd && c < bc)))
                    }
                };
                if better {
                    best = Some((c, grid.score[c], dist));
                }
            }
            match best {
                Some((c, _, _)) => chosen.push(c),
                None => break,
            }
        }
        // Then more posts on the days taken, best cells first.
        for &c in tier {
            if chosen.len() >= n {
                break;
            }
            if !chosen.contains(&c) && fits(&chosen, c) {
                chosen.push(c);
            }
        }
        if chosen.len() >= n {
            break;
        }
    }
    chosen.sort_unstable();
    chosen
}

/// The cell of instant `t` in `zone`'s frame of the week starting `monday` (may fall outside
/// 0..CELLS near the week's edges).
fn frame_cell(t: chrono::DateTime<chrono::Utc>, zone: Tz, monday: NaiveDate) -> i64 {
    let local = t.with_timezone(&zone).naive_local();
    let days = (local.date() - monday).num_days();
    days * 96 + i64::from(local.time().hour() * 4 + local.time().minute() / 15)
}

/// The combined grid of a compromise: in `main`'s wall time, each cell scores the sum of every
/// audience's grid at the same instant (offsets taken at `midweek`).
fn compromise_grid(main: Tz, auds: &[(Tz, &Grid)], midweek: chrono::DateTime<chrono::Utc>) -> Grid {
    let mut g = Grid {
        score: vec![0.0; CELLS],
        why: vec![String::new(); CELLS],
        basis: auds.first().map_or(Basis::Studies, |a| a.1.basis),
        fallback: auds.iter().all(|a| a.1.fallback),
    };
    let base = offset_at(main, midweek);
    let mut inside = vec![0usize; CELLS];
    for (zone, grid) in auds {
        let shift = (offset_at(*zone, midweek) - base) / 900; // quarter-hours
        for (c, score) in g.score.iter_mut().enumerate() {
            let ac = (c as i64 + i64::from(shift)).rem_euclid(CELLS as i64) as usize;
            // Only windows add up; the working-hours fill comes back below, for the main zone.
            if grid.inside(ac) {
                *score += grid.score[ac];
                inside[c] += 1;
                if g.why[c].is_empty() {
                    g.why[c] = grid.why[ac].clone();
                }
            }
        }
    }
    g.fill_working_hours(
        "outside every audience's window this week: working hours 09:00–18:00 in the main zone",
    );
    for (why, n) in g.why.iter_mut().zip(&inside) {
        if *n > 0 {
            *why = format!(
                "compromise: inside the windows of {n} of {} audiences ({why})",
                auds.len()
            );
        }
    }
    g
}

fn blocked(events: &[Event], date: NaiveDate, network: crate::Network) -> Option<&Event> {
    events
        .iter()
        .find(|e| e.kind.blocks() && e.covers(date, network))
}

/// Builds the raw slots of every publishing channel.
pub(super) fn build(
    strategy: &Strategy,
    start: NaiveDate,
    end: NaiveDate,
    opts: &PlanOptions,
    f: &mut Findings<'_>,
) -> Result<Output> {
    if end < start {
        return Err(Error::Argument {
            name: "end".into(),
            message: format!(
                "the period ends on {end}, before it starts on {start}: swap the dates"
            ),
        });
    }
    for (name, d) in [("start", start), ("end", end)] {
        if !(1900..=9999).contains(&d.year()) {
            return Err(Error::Argument {
                name: name.into(),
                message: format!("{d} is outside the years 1900 to 9999 that a plan may cover"),
            });
        }
    }
    let days = (end - start).num_days() + 1;
    if days > MAX_DAYS {
        return Err(Error::Argument {
            name: "end".into(),
            message: format!(
                "the period is {days} days long; smo plans at most {MAX_DAYS} days at once: split it"
            ),
        });
    }
    for (i, c) in strategy.channels.iter().enumerate() {
        if c.role == Role::Publish && c.cadence == Some(0.0) {
            return Err(Error::Invalid {
                path: format!("channels[{i}].cadence"),
                message: format!(
                    "{} `{}` publishes at a cadence of 0 posts a week: give a cadence above 0, or set role = \"engage\" or \"listen\"",
                    c.network.info().name,
                    c.handle
                ),
            });
        }
    }
    let zones = audience_zones(strategy, f);
    let brand_zone = strategy.brand.zone.unwrap_or(Tz::UTC);
    let gap_cells = (opts.min_gap_minutes as usize).div_ceil(15);
    let mut out = Output {
        slots: Vec::new(),
        channels: Vec::new(),
        reach: Vec::new(),
    };
    let first_monday = start - Duration::days(i64::from(start.weekday().num_days_from_monday()));

    for (ci, ch) in strategy.channels.iter().enumerate() {
        if ch.role != Role::Publish {
            continue;
        }
        let Some(cadence) = ch.cadence else {
            f.report(
                "calendar/cadence-missing",
                Location::path(format!("channels[{ci}].cadence")),
                format!(
                    "{} `{}` publishes but has no cadence: no slot is planned for it",
                    ch.network.info().name,
                    ch.handle
                ),
                Some("set `cadence` (posts a week) on the channel".into()),
            );
            continue;
        };
        let net = ch.network;
        let name = net.info().name;
        // Content types the network takes.
        let mut types: Vec<ContentType> = Vec::new();
        for (j, t) in ch.content_types.iter().enumerate() {
            if net.supports(*t) {
                types.push(*t);
            } else {
                f.report(
                    "calendar/content-type-unsupported",
                    Location::path(format!("channels[{ci}].content_types[{j}]")),
                    format!(
                        "{name} does not take `{t}` posts: no slot of `{}` gets that type",
                        ch.handle
                    ),
                    Some(format!(
                        "plan a type {name} takes, or move `{t}` to another channel"
                    )),
                );
            }
        }
        // Audiences and their zones, grouped: most audiences first, then first seen.
        let auds: Vec<Aud> = if ch.audiences.is_empty() {
            vec![Aud {
                id: String::new(),
                zone: brand_zone,
            }]
        } else {
            ch.audiences
                .iter()
                .map(|id| Aud {
                    id: id.clone(),
                    zone: zones.get(id).copied().unwrap_or(brand_zone),
                })
                .collect()
        };
        let mut groups: Vec<(Tz, Vec<Aud>)> = Vec::new();
        for a in &auds {
            match groups.iter_mut().find(|g| g.0 == a.zone) {
                Some(g) => g.1.push(a.clone()),
                None => groups.push((a.zone, vec![a.clone()])),
            }
        }
        groups.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then_with(|| (a.0 != brand_zone).cmp(&(b.0 != brand_zone)))
        });
        // The grid of each zone: host windows, else history, else the studies.
        let mut history_note: Option<String> = None;
        let mut grids: BTreeMap<&str, Grid> = BTreeMap::new();
        for (z, _) in &groups {
            let g = if let Some(g) = besttime::host_grid(net, &opts.windows) {
                g
            } else if !opts.history.is_empty() {
                match besttime::history_grid(net, &opts.history, *z, opts.min_history_posts) {
                    Ok(g) => g,
                    Err(why) => {
                        history_note.get_or_insert(why);
                        besttime::studies_grid(net)
                    }
                }
            } else {
                besttime::studies_grid(net)
            };
            grids.insert(z.name(), g);
        }
        if let Some(why) = history_note {
            f.report(
                "calendar/history-insufficient",
                Location::path(format!("channels[{ci}]")),
                format!(
                    "{name} `{}`: {why}; the published best times are used",
                    ch.handle
                ),
                Some("pass more post history, or lower `min_history_posts`".into()),
            );
        }
        let basis = grids.values().next().map_or(Basis::Studies, |g| g.basis);
        // Pillars the channel's types carry; all of them when none is.
        let carried: Vec<usize> = strategy
            .pillars
            .iter()
            .enumerate()
            .filter(|(_, p)| p.content_types.iter().any(|t| types.contains(t)))
            .map(|(i, _)| i)
            .collect();
        let all_pillars = carried.is_empty();
        let pillars: Vec<usize> = if all_pillars {
            (0..strategy.pillars.len()).collect()
        } else {
            carried
        };
        let weights: Vec<f64> = pillars.iter().map(|&i| strategy.pillars[i].share).collect();
        let weight_sum: f64 = weights.iter().sum();
        let mut pillar_carry = vec![0.0; pillars.len()];
        let mut zone_carry = vec![0.0; groups.len()];
        let mut type_turn: BTreeMap<usize, usize> = BTreeMap::new();

        let mut expected_total = 0u64;
        let mut planned = 0u64;
        let mut shortfall_infeasible: Vec<String> = Vec::new();
        let mut days_before = 0i64;
        let mut week = 0usize;
        let mut monday = first_monday;
        while monday <= end {
            let week_days: Vec<NaiveDate> = (0..7)
                .map(|k| monday + Duration::days(k))
                .filter(|d| (start..=end).contains(d))
                .collect();
            let due_before = (cadence * days_before as f64 / 7.0 + 1e-9).floor() as u64;
            days_before += week_days.len() as i64;
            let due_after = (cadence * days_before as f64 / 7.0 + 1e-9).floor() as u64;
            let quota = due_after - due_before;
            expected_total += quota;
            let open: Vec<Weekday> = week_days.iter().map(|d| d.weekday()).collect();
            let label = format!(
                "{}-W{:02}",
                monday.iso_week().year(),
                monday.iso_week().week()
            );
            let mut week_slots: Vec<RawSlot> = Vec::new();
            let split: Vec<u64> = match opts.zone_policy {
                ZonePolicy::PerZone => {
                    let w: Vec<f64> = groups.iter().map(|g| g.1.len() as f64).collect();
                    apportion(quota, &w, &mut zone_carry, week)
                }
                ZonePolicy::Compromise => {
                    let mut v = vec![0; groups.len()];
                    if let Some(first) = v.first_mut() {
                        *first = quota;
                    }
                    v
                }
            };
            for (gi, (zone, members)) in groups.iter().enumerate() {
                let n = split.get(gi).copied().unwrap_or(0) as usize;
                if n == 0 {
                    continue;
                }
                let combined;
                let (grid, serves): (&Grid, Vec<String>) = match opts.zone_policy {
                    ZonePolicy::PerZone => (
                        &grids[zone.name()],
                        members.iter().map(|a| a.id.clone()).collect(),
                    ),
                    ZonePolicy::Compromise => {
                        let midweek = (monday + Duration::days(3))
                            .and_hms_opt(12, 0, 0)
                            .map(|t| t.and_utc())
                            .unwrap_or_default();
                        let parts: Vec<(Tz, &Grid)> = auds
                            .iter()
                            .map(|a| (a.zone, &grids[a.zone.name()]))
                            .collect();
                        combined = compromise_grid(*zone, &parts, midweek);
                        (&combined, auds.iter().map(|a| a.id.clone()).collect())
                    }
                };
                // Spread: no more a day than the week's share; the platform's cap is a check
                // (`calendar/daily-cap`), not a reason to drop the strategy's posts.
                let per_day = n.div_ceil(open.len().max(1));
                let taken: Vec<i64> = week_slots
                    .iter()
                    .map(|s| frame_cell(resolve(s.zone, s.date.and_time(s.time)).0, *zone, monday))
                    .collect();
                let cells = pick(grid, n, &open, gap_cells, per_day.max(1), &taken);
                if cells.len() < n {
                    shortfall_infeasible.push(format!(
                        "{label}: {} of {n} in {}",
                        cells.len(),
                        zone.name()
                    ));
                }
                for c in cells {
                    let (day, time) = cell_start(c);
                    let Some(date) = week_days.iter().copied().find(|d| d.weekday() == day) else {
                        continue;
                    };
                    week_slots.push(RawSlot {
                        channel: ci,
                        date,
                        time,
                        zone: *zone,
                        audiences: serves.iter().filter(|s| !s.is_empty()).cloned().collect(),
                        pillar: None,
                        content_type: None,
                        reason: format!("time: {}", grid.why[c]),
                        moved_from: None,
                        blocked_by: None,
                        campaign: None,
                    });
                }
            }
            // Holidays and blackout dates.
            let before = week_slots.len();
            week_slots.sort_by_key(|s| (s.date, s.time));
            let (mut kept, blocked_slots): (Vec<RawSlot>, Vec<RawSlot>) = week_slots
                .into_iter()
                .partition(|s| blocked(&opts.events, s.date, net).is_none());
            let mut lost: Vec<String> = Vec::new();
            let gap = Duration::minutes(i64::from(opts.min_gap_minutes));
            for mut s in blocked_slots {
                let Some(ev) = blocked(&opts.events, s.date, net) else {
                    continue;
                };
                let what = format!("{} {} ({})", ev.kind.as_str(), ev.name, s.date);
                match opts.date_policy {
                    DatePolicy::Flag => {
                        s.blocked_by = Some(what);
                        kept.push(s);
                    }
                    DatePolicy::Skip => lost.push(what),
                    DatePolicy::Move => {
                        let later = week_days.iter().filter(|d| **d > s.date);
                        let earlier = week_days.iter().rev().filter(|d| **d < s.date);
                        let target = later.chain(earlier).copied().find(|d| {
                            let at = resolve(s.zone, d.and_time(s.time)).0;
                            blocked(&opts.events, *d, net).is_none()
                                && kept.iter().all(|k| {
                                    let other = resolve(k.zone, k.date.and_time(k.time)).0;
                                    (other - at).abs() >= gap
                                })
                        });
                        match target {
                            Some(d) => {
                                s.moved_from = Some(s.date);
                                s.blocked_by = Some(what);
                                s.date = d;
                                kept.push(s);
                            }
                            None => lost.push(what),
                        }
                    }
                }
            }
            if !lost.is_empty() {
                f.report(
                    "calendar/quota-missed",
                    Location::path(format!("channels[{ci}]")),
                    format!(
                        "{name} `{}` in {label}: {} of {before} posts placed; no open day for the slot(s) on {}",
                        ch.handle,
                        kept.len(),
                        lost.join(", ")
                    ),
                    Some("publish on the next open day by hand, or accept the lower week".into()),
                );
            }
            // Pillars, interleaved through the week, and content types.
            kept.sort_by_key(|s| (s.date, s.time));
            let alloc = apportion(kept.len() as u64, &weights, &mut pillar_carry, week);
            let mut used = vec![0u64; alloc.len()];
            for s in &mut kept {
                let Some(k) = (0..alloc.len())
                    .filter(|&k| used[k] < alloc[k])
                    .max_by(|&a, &b| {
                        let ra = (alloc[a] - used[a]) as f64 / alloc[a] as f64;
                        let rb = (alloc[b] - used[b]) as f64 / alloc[b] as f64;
                        ra.total_cmp(&rb).then(b.cmp(&a))
                    })
                else {
                    s.reason
                        .push_str(". pillar: none (the strategy has no pillars)");
                    if let Some(t) = types.first() {
                        s.content_type = Some(*t);
                    }
                    continue;
                };
                used[k] += 1;
                let p = &strategy.pillars[pillars[k]];
                let eligible: Vec<ContentType> = p
                    .content_types
                    .iter()
                    .copied()
                    .filter(|t| types.contains(t))
                    .collect();
                let pool = if eligible.is_empty() {
                    &types
                } else {
                    &eligible
                };
                let turn = type_turn.entry(pillars[k]).or_default();
                s.content_type = pool.get(*turn % pool.len().max(1)).copied();
                *turn += 1;
                let target = if weight_sum > 0.0 {
                    p.share / weight_sum * 100.0
                } else {
                    100.0 / pillars.len() as f64
                };
                s.pillar = Some(p.name.clone());
                s.reason.push_str(&format!(
                    ". pillar: {} ({}target {:.1} % of this channel's slots; largest remainder, {label})",
                    p.name,
                    if all_pillars { "no pillar names this channel's content types, so all rotate here; " } else { "" },
                    target
                ));
                match s.content_type {
                    Some(t) if !eligible.is_empty() => s.reason.push_str(&format!(
                        ". type: {t}, carried by the pillar and planned on the channel"
                    )),
                    Some(t) => s
                        .reason
                        .push_str(&format!(". type: {t}, planned on the channel")),
                    None => s.reason.push_str(". type: none planned on the channel"),
                }
            }
            for s in &mut kept {
                if let Some(ev) = opts
                    .events
                    .iter()
                    .find(|e| e.kind == super::model::EventKind::Campaign && e.covers(s.date, net))
                {
                    s.reason.push_str(&format!(". during campaign {}", ev.name));
                    s.campaign = Some(ev.name.clone());
                }
            }
            planned += kept.len() as u64;
            out.slots.extend(kept);
            monday += Duration::days(7);
            week += 1;
        }
        if expected_total == 0 {
            f.report(
                "calendar/cadence-infeasible",
                Location::path(format!("channels[{ci}].cadence")),
                format!(
                    "{name} `{}`: {cadence} post(s) a week gives no post in the {days} day(s) from {start} to {end}",
                    ch.handle
                ),
                Some("plan a longer period, or raise the cadence".into()),
            );
        } else if !shortfall_infeasible.is_empty() {
            f.report(
                "calendar/cadence-infeasible",
                Location::path(format!("channels[{ci}].cadence")),
                format!(
                    "{name} `{}`: {cadence} post(s) a week do not fit in the windows at {} min apart; placed {}",
                    ch.handle,
                    opts.min_gap_minutes,
                    shortfall_infeasible.join("; ")
                ),
                Some("lower the cadence, shorten the minimum gap, or give wider windows".into()),
            );
        }
        out.channels.push(ChannelPlan {
            network: net,
            handle: ch.handle.clone(),
            cadence,
            expected: expected_total,
            planned,
            times_from: basis.as_str().to_owned(),
        });
        // Each audience's share of the slots it sees inside its own window.
        for (j, a) in auds.iter().enumerate().filter(|(_, a)| !a.id.is_empty()) {
            let grid = &grids[a.zone.name()];
            let (mut seen, mut inside) = (0u64, 0u64);
            for s in out
                .slots
                .iter()
                .filter(|s| s.channel == ci && s.audiences.contains(&a.id))
            {
                seen += 1;
                let (utc, _) = resolve(s.zone, s.date.and_time(s.time));
                let local = utc.with_timezone(&a.zone);
                if grid.inside(cell(local.weekday(), local.time())) {
                    inside += 1;
                }
            }
            out.reach.push(AudienceReach {
                network: net,
                handle: ch.handle.clone(),
                audience: a.id.clone(),
                zone: a.zone,
                slots: seen,
                inside,
                share: if seen == 0 {
                    0.0
                } else {
                    inside as f64 / seen as f64
                },
                path: format!("channels[{ci}].audiences[{j}]"),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_rotates_the_remainder() {
        // Three equal pillars, two seats a week: over three weeks each gets two.
        let mut carry = vec![0.0; 3];
        let mut total = [0u64; 3];
        for week in 0..3 {
            let a = apportion(2, &[1.0, 1.0, 1.0], &mut carry, week);
            assert_eq!(a.iter().sum::<u64>(), 2);
            for i in 0..3 {
                total[i] += a[i];
            }
        }
        assert_eq!(total, [2, 2, 2]);
    }

    #[test]
    fn apportion_follows_shares() {
        let mut carry = vec![0.0; 4];
        let mut total = [0u64; 4];
        for week in 0..13 {
            let a = apportion(5, &[40.0, 35.0, 15.0, 15.0], &mut carry, week);
            for i in 0..4 {
                total[i] += a[i];
            }
        }
        // 65 slots: 24.76, 21.67, 9.29, 9.29 exactly.
        assert_eq!(total.iter().sum::<u64>(), 65);
        for (t, want) in total.iter().zip([24.76, 21.67, 9.29, 9.29]) {
            assert!((*t as f64 - want).abs() < 1.0, "{total:?}");
        }
    }
}
