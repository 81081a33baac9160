//! When to publish: the best-time table, the weekly grid built from it, and windows learned from
//! the account's own history.
//!
//! The published best-time studies disagree. They use different clocks (Sprout 2023 reports in
//! US Central time, Hootsuite 2023 in Pacific time, Buffer 2025 in each profile's own zone), days,
//! samples (US- and B2B-heavy) and metrics (engagement per post, per reach), and the vendors call
//! best time a weak signal (`smo-practice.md` §1 and §4.2). smo writes each study's findings
//! down as they were published, one row per window in [`WINDOWS`], each with its study in
//! [`STUDIES`] (source, date, clock, sample, caveat) and the low confidence of a third-party fact.
//!
//! How the rows become times:
//! - **Wall time, not instants.** A study measures when its sample's audiences are active in
//!   their own day, so its hours are read as the audience's local hours: "Monday 09:00 (Pacific
//!   clock)" becomes Monday 09:00 in Europe/Paris for a Paris audience. The study's clock is kept
//!   in the row and named in every slot's reason.
//! - **Agreement scores.** The week is a grid of 15-minute cells. Each study whose window covers
//!   a cell adds 1 to it, so the plan goes first where the studies agree. A study that gives a
//!   start time only is read as a one-hour window, and its row says so.
//! - **Fallback.** A network that no study covers gets working hours, 09:00–18:00 every day, at a
//!   score of 0.1; its reason says that no study was found.
//! - **History.** With the account's own posts (the measurement schema) and at least
//!   `min_history_posts` on the network (default 30; Sprout's send-time model wants 16 weeks,
//!   measurement.md §3 names 10 posts as another tool's floor), the cells are learned from it:
//!   each 2-hour block of the week is scored by the mean engagement rate of the posts published
//!   in it (`engagement_rate`, the catalogue's default formula), blocks with fewer than 3 posts
//!   or below the network's mean are left out, and the defaults are replaced. Each slot's reason
//!   gives the block's posts, mean and 95 % interval.
//! - **Host windows** replace both, for their network.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveTime, Timelike, Weekday};
use chrono_tz::Tz;

use crate::data::PostRow;
use crate::kpi::formula::Formula;
use crate::network::{Confidence, Network};

use super::model::Window;

/// Cells of a weekly grid: 7 days of 96 quarter-hours, Monday 00:00 first.
pub const CELLS: usize = 7 * 96;

/// The score of the working-hours fill, below every window.
const FILL: f64 = 0.1;

/// The clock a study reports its times in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// One zone for the whole sample.
    Zone(Tz),
    /// Each profile's own local time.
    ProfileLocal,
}

/// A published best-time study.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Study {
    /// Short id used by [`WINDOWS`] rows.
    pub id: &'static str,
    /// Name as cited.
    pub name: &'static str,
    /// The clock its times are in.
    pub clock: Clock,
    /// What it measured.
    pub sample: &'static str,
    /// Why it may not transfer.
    pub caveat: &'static str,
    /// Where it is published.
    pub source: &'static str,
    /// When smo read it.
    pub as_of: &'static str,
    /// Always third-party: vendors' studies are defaults, not facts about an account.
    pub confidence: Confidence,
}

/// The studies, with their sources (`smo-practice.md` §4.2).
pub static STUDIES: &[Study] = &[
    Study {
        id: "sprout-2023",
        name: "Sprout Social, best times to post 2023",
        clock: Clock::Zone(Tz::America__Chicago),
        sample: "about 34,000 Sprout customers (2018 edition: 935 M messages)",
        caveat: "Sprout's customer mix; times in US Central time",
        source: "https://www.socialmediatoday.com/news/report-best-times-to-post-social-platforms-twitter-instagram-tiktok-facebook-pintrist-linkedin/650006/",
        as_of: "2026-11",
        confidence: Confidence::ThirdParty,
    },
    Study {
        id: "hootsuite-2023",
        name: "Hootsuite, best time to post 2023",
        clock: Clock::Zone(Tz::America__Los_Angeles),
        sample: "Hootsuite's own accounts, about 8 M followers",
        caveat: "one B2B brand; times in Pacific time; start times only",
        source: "https://www.emporiumdigital.online/best-time-to-post-on-social-media-in-2023-all-networks/",
        as_of: "2026-11",
        confidence: Confidence::ThirdParty,
    },
    Study {
        id: "buffer-2025",
        name: "Buffer, best time to post on Instagram (2025 method, 2026 results)",
        clock: Clock::ProfileLocal,
        sample: "3.1 M Instagram posts from 106,000 profiles in America/* zones",
        caveat: "US profiles only; engagement per reach; hourly slots",
        source: "https://symphonious-shortbread-cd2770.netlify.app/posts/best-time-to-post-methodology/index.html",
        as_of: "2026-11",
        confidence: Confidence::ThirdParty,
    },
];

/// One published window: `days` from `start` to `end` (local hours, minutes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DefaultWindow {
    /// The network.
    pub network: Network,
    /// The study's id in [`STUDIES`].
    pub study: &'static str,
    /// Days of the week.
    pub days: &'static [Weekday],
    /// Start (hour, minute).
    pub start: (u32, u32),
    /// End (hour, minute), exclusive.
    pub end: (u32, u32),
    /// How the row reads the study.
    pub note: &'static str,
}

use Weekday::{Fri, Mon, Sun, Thu, Tue, Wed};

const START_ONLY: &str = "the study gives a start time; smo reads a one-hour window";

/// The windows of the studies, as published (`smo-practice.md` §4.2).
pub static WINDOWS: &[DefaultWindow] = &[
    DefaultWindow {
        network: Network::Facebook,
        study: "sprout-2023",
        days: &[Mon, Tue, Wed, Thu],
        start: (8, 0),
        end: (9, 0),
        note: "\"Mon–Thu from 08:00\"; read as one hour",
    },
    DefaultWindow {
        network: Network::Instagram,
        study: "sprout-2023",
        days: &[Mon],
        start: (10, 0),
        end: (12, 0),
        note: "Mon 10–12",
    },
    DefaultWindow {
        network: Network::Instagram,
        study: "sprout-2023",
        days: &[Tue],
        start: (9, 0),
        end: (13, 0),
        note: "Tue 9–13",
    },
    DefaultWindow {
        network: Network::LinkedIn,
        study: "sprout-2023",
        days: &[Tue, Wed],
        start: (10, 0),
        end: (12, 0),
        note: "Tue–Wed 10–12",
    },
    DefaultWindow {
        network: Network::Facebook,
        study: "hootsuite-2023",
        days: &[Mon],
        start: (10, 0),
        end: (11, 0),
        note: START_ONLY,
    },
    DefaultWindow {
        network: Network::Instagram,
        study: "hootsuite-2023",
        days: &[Mon],
        start: (9, 0),
        end: (10, 0),
        note: START_ONLY,
    },
    DefaultWindow {
        network: Network::X,
        study: "hootsuite-2023",
        days: &[Fri],
        start: (9, 0),
        end: (10, 0),
        note: START_ONLY,
    },
    DefaultWindow {
        network: Network::LinkedIn,
        study: "hootsuite-2023",
        days: &[Mon],
        start: (13, 0),
        end: (14, 0),
        note: START_ONLY,
    },
    DefaultWindow {
        network: Network::TikTok,
        study: "hootsuite-2023",
        days: &[Sun],
        start: (13, 0),
        end: (14, 0),
        note: START_ONLY,
    },
    DefaultWindow {
        network: Network::Instagram,
        study: "buffer-2025",
        days: &[Thu],
        start: (9, 0),
        end: (10, 0),
        note: "hourly slot Thu 09:00",
    },
    DefaultWindow {
        network: Network::Instagram,
        study: "buffer-2025",
        days: &[Wed],
        start: (12, 0),
        end: (13, 0),
        note: "hourly slot Wed 12:00",
    },
    DefaultWindow {
        network: Network::Instagram,
        study: "buffer-2025",
        days: &[Wed],
        start: (18, 0),
        end: (19, 0),
        note: "hourly slot Wed 18:00",
    },
];

/// The study of a row.
pub fn study(id: &str) -> Option<&'static Study> {
    STUDIES.iter().find(|s| s.id == id)
}

/// Where a network's times come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The host's windows.
    Host,
    /// The account's history.
    History,
    /// The studies of [`WINDOWS`] (or the fallback when none covers the network).
    Studies,
}

impl Basis {
    /// `host`, `history` or `studies`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Host => "host",
            Basis::History => "history",
            Basis::Studies => "studies",
        }
    }
}

/// The cell of a weekday and a wall time.
pub fn cell(day: Weekday, time: NaiveTime) -> usize {
    day.num_days_from_monday() as usize * 96 + (time.hour() * 4 + time.minute() / 15) as usize
}

/// The weekday and wall time a cell starts at.
pub fn cell_start(c: usize) -> (Weekday, NaiveTime) {
    let c = c % CELLS;
    let day = Weekday::try_from((c / 96) as u8).unwrap_or(Weekday::Mon);
    let q = (c % 96) as u32;
    let time = NaiveTime::from_hms_opt(q / 4, (q % 4) * 15, 0).unwrap_or(NaiveTime::MIN);
    (day, time)
}

/// A network's weekly grid: a score per cell and the reason of each scored cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Score per cell; 0 is outside every window.
    pub score: Vec<f64>,
    /// Reason per cell (empty outside windows).
    pub why: Vec<String>,
    /// Where the times come from.
    pub basis: Basis,
    /// Whether the grid is the working-hours fallback.
    pub fallback: bool,
}

impl Grid {
    fn empty(basis: Basis) -> Grid {
        Grid {
            score: vec![0.0; CELLS],
            why: vec![String::new(); CELLS],
            basis,
            fallback: false,
        }
    }

    /// Adds `score` to the cells of `days` from `start` to `end` (past midnight when end ≤ start).
    fn add(&mut self, days: &[Weekday], start: NaiveTime, end: NaiveTime, score: f64, why: &str) {
        let all = [Mon, Tue, Wed, Thu, Fri, Weekday::Sat, Sun];
        let days = if days.is_empty() { &all[..] } else { days };
        for &d in days {
            let first = cell(d, start);
            let (sq, eq) = (first % 96, cell(d, end) % 96);
            // An end at or before the start runs past midnight (equal: the whole day).
            let len = if eq > sq { eq - sq } else { 96 - sq + eq };
            for k in 0..len {
                let c = (first + k) % CELLS;
                self.score[c] += score;
                if !self.why[c].is_empty() {
                    self.why[c].push_str("; ");
                }
                self.why[c].push_str(why);
            }
        }
    }

    /// Fills the working hours (09:00–18:00, every day) left outside every window at a score of
    /// 0.1, so that a cadence the windows cannot hold still gets times, marked as such.
    pub(super) fn fill_working_hours(&mut self, why: &str) {
        for d in 0..7 {
            for q in 36..72 {
                let c = d * 96 + q;
                if self.score[c] == 0.0 {
                    self.score[c] = FILL;
                    self.why[c] = why.to_owned();
                }
            }
        }
    }

    /// Whether a cell is inside a window: a study's, the history's or the host's; the
    /// working-hours fill counts only on a network that no study covers.
    pub fn inside(&self, c: usize) -> bool {
        let s = self.score[c % CELLS];
        s >= 1.0 || (self.fallback && s > 0.0)
    }

    /// Whether a cell belongs to a window rather than to the working-hours fill.
    pub fn strong(&self, c: usize) -> bool {
        self.score[c % CELLS] >= 1.0
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// The grid of the studies (or the fallback) for `network`.
pub fn studies_grid(network: Network) -> Grid {
    let mut g = Grid::empty(Basis::Studies);
    for w in WINDOWS.iter().filter(|w| w.network == network) {
        let Some(s) = study(w.study) else { continue };
        let clock = match s.clock {
            Clock::Zone(z) => format!("{} clock, read as local time", z.name()),
            Clock::ProfileLocal => "profiles' local clock".to_owned(),
        };
        let why = format!("{} ({}; {}; {})", s.name, w.note, clock, s.source);
        g.add(
            w.days,
            hm(w.start.0, w.start.1),
            hm(w.end.0, w.end.1),
            1.0,
            &why,
        );
    }
    g.fallback = g.score.iter().all(|&s| s == 0.0);
    g.fill_working_hours(if g.fallback {
        "no published best-time study for this network: working hours 09:00–18:00"
    } else {
        "outside the studies' windows (none left this week): working hours 09:00–18:00"
    });
    g
}

/// The grid of the host's windows for `network`, if it gave any.
pub fn host_grid(network: Network, windows: &[Window]) -> Option<Grid> {
    let mut g = Grid::empty(Basis::Host);
    let mut any = false;
    for w in windows.iter().filter(|w| w.network == network) {
        any = true;
        let label = if w.label.is_empty() {
            "the host's window"
        } else {
            &w.label
        };
        g.add(
            &w.days,
            w.start,
            w.end,
            10.0,
            &format!("host window: {label}"),
        );
    }
    any.then_some(g)
}

/// The grid learned from `history` on `network`, read in `zone`'s wall time, when it has at
/// least `min_posts` posts there and a block stands out; `None` otherwise, with the reason.
pub fn history_grid(
    network: Network,
    history: &[PostRow],
    zone: Tz,
    min_posts: usize,
) -> Result<Grid, String> {
    let posts: Vec<&PostRow> = history.iter().filter(|p| p.network == network).collect();
    if posts.len() < min_posts.max(1) {
        return Err(format!(
            "{} post(s) of history on {}, fewer than the {} needed",
            posts.len(),
            network.info().name,
            min_posts
        ));
    }
    let Ok(formula) = Formula::parse("engagement_rate") else {
        return Err("the engagement rate formula is missing".into());
    };
    // 2-hour blocks of the week: 84 of them; each keeps its posts' rates and local times.
    let mut blocks: BTreeMap<usize, Vec<(f64, u32)>> = BTreeMap::new();
    let mut all = Vec::new();
    for p in posts {
        let Some(rate) = formula.evaluate_posts(std::slice::from_ref(p)).value else {
            continue;
        };
        let local = p.published.with_timezone(&zone);
        let block =
            local.weekday().num_days_from_monday() as usize * 12 + local.hour() as usize / 2;
        let quarter = local.hour() * 4 + local.minute() / 15;
        blocks.entry(block).or_default().push((rate, quarter));
        all.push(rate);
    }
    if all.len() < min_posts.max(1) {
        return Err(format!(
            "{} post(s) on {} have an engagement rate ({}), fewer than the {} needed",
            all.len(),
            network.info().name,
            formula.canonical(),
            min_posts
        ));
    }
    let overall = mean(&all);
    let mut g = Grid::empty(Basis::History);
    for (&block, posts) in &blocks {
        let rates: Vec<f64> = posts.iter().map(|p| p.0).collect();
        let m = mean(&rates);
        if rates.len() < 3 || m < overall {
            continue;
        }
        let half = 1.96 * sd(&rates) / (rates.len() as f64).sqrt();
        let day = Weekday::try_from((block / 12) as u8).unwrap_or(Mon);
        // The window opens at the block's median publication time, for an hour: the time the
        // account actually posted at, not the block's edge.
        let mut quarters: Vec<u32> = posts.iter().map(|p| p.1).collect();
        quarters.sort_unstable();
        let median = quarters[quarters.len() / 2];
        let start = hm(median / 4, (median % 4) * 15);
        let end = hm(((median + 4) / 4) % 24, ((median + 4) % 4) * 15);
        let why = format!(
            "learned from history: {} {}–{} local, {} posts published around {}, mean {} {:.2} % (95 % CI {:.2}–{:.2}) against {:.2} % over {} posts",
            day,
            hm((block % 12) as u32 * 2, 0).format("%H:%M"),
            hm(((block % 12) as u32 * 2 + 2) % 24, 0).format("%H:%M"),
            rates.len(),
            start.format("%H:%M"),
            formula.canonical(),
            m,
            m - half,
            m + half,
            overall,
            all.len()
        );
        // The score ranks blocks by their mean; +1 keeps every learned block above the fallback.
        g.add(&[day], start, end, 1.0 + m, &why);
    }
    if g.score.iter().all(|&s| s == 0.0) {
        return Err(format!(
            "no 2-hour block on {} has 3 posts and an engagement rate above the mean",
            network.info().name
        ));
    }
    g.fill_working_hours(
        "outside the learned windows (none left this week): working hours 09:00–18:00",
    );
    Ok(g)
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn sd(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = mean(v);
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_a_known_study() {
        for w in WINDOWS {
            assert!(study(w.study).is_some(), "{}", w.study);
            assert!(w.start < w.end);
        }
    }

    #[test]
    fn windows_score_one_per_study_and_working_hours_fill_the_rest() {
        let g = studies_grid(Network::Instagram);
        // Monday 10:00: Sprout (10–12) only; Monday 09:00: Hootsuite only; Tuesday 09:00: Sprout.
        assert_eq!(g.score[cell(Mon, hm(10, 0))], 1.0);
        assert_eq!(g.score[cell(Mon, hm(9, 0))], 1.0);
        assert_eq!(g.score[cell(Tue, hm(12, 45))], 1.0);
        assert!(!g.inside(cell(Fri, hm(10, 0))));
        assert_eq!(g.score[cell(Fri, hm(20, 0))], 0.0);
        let fb = studies_grid(Network::Facebook);
        assert_eq!(fb.score[cell(Mon, hm(8, 0))], 1.0);
        assert!(!fb.fallback);
        let pin = studies_grid(Network::Pinterest);
        assert!(pin.fallback);
        assert_eq!(pin.score[cell(Sun, hm(9, 0))], 0.1);
        assert_eq!(pin.score[cell(Sun, hm(18, 0))], 0.0);
        assert!(pin.inside(cell(Sun, hm(9, 0))));
        // Working hours fill the rest of a studied network's week, but are not its window.
        assert_eq!(fb.score[cell(Fri, hm(9, 0))], 0.1);
        assert!(!fb.inside(cell(Fri, hm(9, 0))));
    }

    #[test]
    fn cells_round_trip() {
        for c in [0, 95, 96, 500, CELLS - 1] {
            let (d, t) = cell_start(c);
            assert_eq!(cell(d, t), c);
        }
    }
}
