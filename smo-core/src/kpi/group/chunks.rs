//! Grouping post columns chunk by chunk, for callers that read their data in pieces (the Python
//! binding reads a DataFrame a few thousand rows at a time into small reused buffers rather than
//! copying whole columns) and for the parallel [`group_columns`](super::group_columns).
//!
//! A [`ColumnGrouper`] takes [`PostChunk`]s in any order, on any number of threads (one grouper
//! per thread, then [`ColumnGrouper::merge`]), and gives the same groups and values as
//! [`group_posts`](super::group_posts) over the same rows. Text keys arrive as codes; their
//! names are needed only at the end ([`ColumnGrouper::finish`]), so a caller may discover new
//! names as it reads.
//!
//! Within a chunk, posts go straight to a slot of a small dense table when the chunk's key space
//! is small (the usual case: a few networks × a few periods), and through a hash map otherwise.
//! The period of a post comes from two memo tables: the zone's UTC offset per 15-minute bucket
//! (offsets change on quarter hours) and the period number per local day.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use chrono::{DateTime, NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

use super::{GroupBy, GroupOptions, Grouped, KeyPart, Map, Period, finish};
use crate::content::ContentType;
use crate::error::Error;
use crate::kpi::formula::{Accumulator, Formula, PostCalc, PostField};
use crate::network::Network;
use crate::traffic::fnv::Fnv;

/// Number of metric fields, the length of [`PostChunk::metrics`].
pub const METRICS: usize = PostField::ALL.len();

/// A run of consecutive posts as columns: entry `i` of every column is post `offset + i`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PostChunk<'a> {
    /// Row number of the chunk's first post in the whole data (used in error messages).
    pub offset: usize,
    /// Publication instants, Unix seconds (UTC).
    pub published: &'a [i64],
    /// Networks.
    pub network: &'a [Network],
    /// Content types (empty: none given).
    pub content_type: &'a [Option<ContentType>],
    /// Pillar codes (empty: none given); names are given to [`ColumnGrouper::finish`].
    pub pillar: &'a [Option<u32>],
    /// Campaign codes (empty: none given).
    pub campaign: &'a [Option<u32>],
    /// Metric columns indexed by `PostField as usize`; `NaN` is a missing value, `None` a field
    /// missing for every post.
    pub metrics: [Option<&'a [f64]>; METRICS],
}

impl PostChunk<'_> {
    /// Number of posts.
    pub fn len(&self) -> usize {
        self.published.len()
    }

    /// Whether there is no post.
    pub fn is_empty(&self) -> bool {
        self.published.is_empty()
    }

    fn check(&self) -> Result<(), Error> {
        let n = self.len();
        super::check_lengths(
            n,
            [
                ("network", self.network.len(), false),
                ("content_type", self.content_type.len(), true),
                ("pillar", self.pillar.len(), true),
                ("campaign", self.campaign.len(), true),
            ]
            .into_iter()
            .chain(
                PostField::ALL
                    .iter()
                    .zip(&self.metrics)
                    .filter_map(|(f, col)| col.map(|c| (f.as_str(), c.len(), false))),
            ),
            &format!(" (rows {} to {})", self.offset, self.offset + n),
        )
    }
}

/// Code of a missing key part.
const NONE: u32 = u32::MAX;
/// Period number when not grouping by period.
const NO_PERIOD: i64 = i64::MIN;

/// A group by codes: one code per dimension (network and content type by their index in their
/// `ALL` table, pillar and campaign by the caller's codes) and the period number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CodeKey {
    parts: [u32; 4],
    period: i64,
}

/// Rows of a memo table over consecutive integers; `UNSET` marks an entry not computed yet.
#[derive(Debug, Clone, Default)]
struct Memo {
    base: i64,
    values: Vec<i64>,
}

impl Memo {
    const UNSET: i64 = i64::MIN;
    /// Beyond this many entries (32 MiB) the table is not grown and values are computed per row.
    const MAX_LEN: i64 = 1 << 22;

    /// Makes room for `lo..=hi`; false when that would exceed [`Memo::MAX_LEN`].
    fn cover(&mut self, lo: i64, hi: i64) -> bool {
        let (cur_lo, cur_hi) = if self.values.is_empty() {
            (lo, hi)
        } else {
            (self.base, self.base + self.values.len() as i64 - 1)
        };
        let (new_lo, new_hi) = (lo.min(cur_lo), hi.max(cur_hi));
        if new_hi.saturating_sub(new_lo) >= Self::MAX_LEN {
            return false;
        }
        if self.values.is_empty() || new_lo < cur_lo || new_hi > cur_hi {
            let mut values = vec![Self::UNSET; (new_hi - new_lo + 1) as usize];
            if !self.values.is_empty() {
                let at = (cur_lo - new_lo) as usize;
                values[at..at + self.values.len()].copy_from_slice(&self.values);
            }
            self.base = new_lo;
            self.values = values;
        }
        true
    }

    /// The value at `x` (covered), computed by `f` the first time.
    #[inline]
    fn get(&mut self, x: i64, f: impl FnOnce(i64) -> i64) -> i64 {
        let slot = &mut self.values[(x - self.base) as usize];
        if *slot == Self::UNSET {
            *slot = f(x);
        }
        *slot
    }
}

/// Instants chrono can place on a calendar, with two days to spare for a zone offset.
fn calendar_secs() -> std::ops::RangeInclusive<i64> {
    let lo = DateTime::<chrono::Utc>::MIN_UTC.timestamp() + 2 * 86_400;
    let hi = DateTime::<chrono::Utc>::MAX_UTC.timestamp() - 2 * 86_400;
    lo..=hi
}

fn zone_offset(tz: Tz, bucket: i64) -> i64 {
    DateTime::from_timestamp(bucket * 900, 0).map_or(0, |at| {
        i64::from(
            tz.offset_from_utc_datetime(&at.naive_utc())
                .fix()
                .local_minus_utc(),
        )
    })
}

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const UNIX_EPOCH_DAY_CE: i64 = 719_163;

fn day_date(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day + UNIX_EPOCH_DAY_CE).ok()?)
}

fn day_ordinal(per: Period, day: i64) -> i64 {
    day_date(day).map_or(NO_PERIOD, |d| per.ordinal(d))
}

/// Accumulates KPIs of posts given as [`PostChunk`]s, group by group.
///
/// ```
/// use smo_core::kpi::formula::{Formula, PostField};
/// use smo_core::kpi::group::{ColumnGrouper, GroupBy, GroupOptions, Period, PostChunk};
/// use smo_core::Network;
/// let kpis = [Formula::parse("engagement_rate")?];
/// let opts = GroupOptions { by: vec![GroupBy::Network], period: Some(Period::Month), ..Default::default() };
/// // Two Instagram posts, on 1 July and 1 August 2026 (UTC); the second has no likes.
/// let (published, network) = ([1_782_864_000, 1_785_542_400], [Network::Instagram; 2]);
/// let (likes, reach) = ([10.0, f64::NAN], [200.0, 100.0]);
/// let mut chunk = PostChunk { published: &published, network: &network, ..Default::default() };
/// chunk.metrics[PostField::Likes as usize] = Some(&likes);
/// chunk.metrics[PostField::Reach as usize] = Some(&reach);
/// // One grouper per thread, merged at the end.
/// let (mut a, mut b) = (ColumnGrouper::new(&kpis, &opts), ColumnGrouper::new(&kpis, &opts));
/// a.add(&chunk)?;
/// b.add(&PostChunk { offset: 2, ..chunk })?;
/// a.merge(b);
/// let g = a.finish(&[], &[])?;
/// assert_eq!(g.rows.len(), 2);
/// assert_eq!((g.rows[0].period.as_deref(), g.rows[0].posts), (Some("2026-07"), 2));
/// assert_eq!(g.rows[0].values[0], Some(5.0));
/// assert_eq!((g.rows[1].values[0], g.rows[1].excluded[0]), (None, 2));
/// # Ok::<(), smo_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ColumnGrouper {
    kpis: Vec<Formula>,
    calcs: Vec<Option<PostCalc>>,
    opts: GroupOptions,
    /// Group → index into `counts` and (× number of KPIs) into `accs`.
    index: HashMap<CodeKey, usize, BuildHasherDefault<Fnv>>,
    counts: Vec<u64>,
    accs: Vec<Accumulator>,
    offsets: Memo,
    days: Memo,
    // Reused per chunk.
    periods: Vec<i64>,
    scratch: Scratch,
    dense_counts: Vec<u64>,
    dense_accs: Vec<Accumulator>,
}

impl ColumnGrouper {
    /// A grouper computing `kpis` (KPIs that do not read posts get undefined values).
    pub fn new(kpis: &[Formula], opts: &GroupOptions) -> Self {
        ColumnGrouper {
            kpis: kpis.to_vec(),
            calcs: kpis.iter().map(|k| k.post.clone()).collect(),
            opts: GroupOptions {
                by: opts.by.iter().take(4).copied().collect(),
                ..opts.clone()
            },
            index: HashMap::default(),
            counts: Vec::new(),
            accs: Vec::new(),
            offsets: Memo::default(),
            days: Memo::default(),
            periods: Vec::new(),
            scratch: Scratch::default(),
            dense_counts: Vec::new(),
            dense_accs: Vec::new(),
        }
    }

    /// Adds the posts of a chunk. Errors (nothing added) when columns have unequal lengths or a
    /// date is outside the calendar.
    pub fn add(&mut self, chunk: &PostChunk<'_>) -> Result<(), Error> {
        chunk.check()?;
        if chunk.is_empty() {
            return Ok(());
        }
        if let Some(per) = self.opts.period {
            self.fill_periods(chunk, per)?;
        }
        if !self.add_dense(chunk) {
            self.add_hashed(chunk);
        }
        Ok(())
    }

    /// Period number of every post of the chunk, into `self.periods`.
    fn fill_periods(&mut self, chunk: &PostChunk<'_>, per: Period) -> Result<(), Error> {
        let secs = chunk.published;
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for &s in secs {
            lo = lo.min(s);
            hi = hi.max(s);
        }
        let calendar = calendar_secs();
        if !calendar.contains(&lo) || !calendar.contains(&hi) {
            let (i, s) = secs
                .iter()
                .enumerate()
                .find(|(_, s)| !calendar.contains(*s))
                .map_or((0, lo), |(i, s)| (i, *s));
            return Err(Error::Argument {
                name: "published".into(),
                message: format!(
                    "row {}: {s} s from 1970 is outside the calendar (years -262,000 to 262,000)",
                    chunk.offset + i
                ),
            });
        }
        let tz = self.opts.time_zone;
        let utc = tz == Tz::UTC;
        self.periods.clear();
        self.periods.reserve(secs.len());
        // Local days lie within a day of UTC days.
        let days_ok = self
            .days
            .cover(lo.div_euclid(86_400) - 1, hi.div_euclid(86_400) + 1);
        if utc {
            if days_ok {
                let days = &mut self.days;
                self.periods.extend(
                    secs.iter()
                        .map(|&s| days.get(s.div_euclid(86_400), |d| day_ordinal(per, d))),
                );
            } else {
                self.periods
                    .extend(secs.iter().map(|&s| day_ordinal(per, s.div_euclid(86_400))));
            }
            return Ok(());
        }
        let offsets_ok = self.offsets.cover(lo.div_euclid(900), hi.div_euclid(900));
        for &s in secs {
            let bucket = s.div_euclid(900);
            let off = if offsets_ok {
                self.offsets.get(bucket, |b| zone_offset(tz, b))
            } else {
                zone_offset(tz, bucket)
            };
            let day = (s + off).div_euclid(86_400);
            self.periods.push(if days_ok {
                self.days.get(day, |d| day_ordinal(per, d))
            } else {
                day_ordinal(per, day)
            });
        }
        Ok(())
    }

    /// Code of dimension `by` for post `i`.
    #[inline]
    fn part(chunk: &PostChunk<'_>, by: GroupBy, i: usize) -> u32 {
        match by {
            GroupBy::Network => chunk.network[i] as u32,
            GroupBy::ContentType => chunk
                .content_type
                .get(i)
                .copied()
                .flatten()
                .map_or(NONE, |c| c as u32),
            GroupBy::Pillar => chunk.pillar.get(i).copied().flatten().unwrap_or(NONE),
            GroupBy::Campaign => chunk.campaign.get(i).copied().flatten().unwrap_or(NONE),
        }
    }

    /// Straight to slots of a dense table when the chunk's key space is small; false otherwise.
    fn add_dense(&mut self, chunk: &PostChunk<'_>) -> bool {
        let n = chunk.len();
        // Cardinality of each dimension within the chunk; the last value of each is "none".
        let mut cards = [1usize; 4];
        for (card, by) in cards.iter_mut().zip(&self.opts.by) {
            *card = match by {
                GroupBy::Network => Network::ALL.len(),
                GroupBy::ContentType => ContentType::ALL.len() + 1,
                GroupBy::Pillar | GroupBy::Campaign => {
                    let codes = if *by == GroupBy::Pillar {
                        chunk.pillar
                    } else {
                        chunk.campaign
                    };
                    let max = codes.iter().flatten().copied().max();
                    match max {
                        Some(m) if m as usize >= n => return false,
                        Some(m) => m as usize + 2,
                        None => 1,
                    }
                }
            };
        }
        let (p_min, p_card) = if self.opts.period.is_some() {
            let lo = self.periods.iter().copied().min().unwrap_or(0);
            let hi = self.periods.iter().copied().max().unwrap_or(0);
            match usize::try_from(hi.saturating_sub(lo)) {
                Ok(span) if span < n => (lo, span + 1),
                _ => return false,
            }
        } else {
            (0, 1)
        };
        let Some(slots) = cards.iter().try_fold(p_card, |acc, c| acc.checked_mul(*c)) else {
            return false;
        };
        // Clearing the table must cost less than the rows it serves.
        if slots > 65_536 || slots > n.max(4_096) {
            return false;
        }
        let k = self.calcs.len();
        self.dense_counts.clear();
        self.dense_counts.resize(slots, 0);
        self.dense_accs.clear();
        self.dense_accs.resize(slots * k, Accumulator::default());
        // Slot of every post, one dimension at a time (tight loops over cache-hot columns).
        let slot_of = &mut self.scratch.slots;
        slot_of.clear();
        slot_of.resize(n, 0);
        let by = self.opts.by.clone();
        for (b, &card) in by.iter().zip(&cards) {
            let code = |c: Option<u32>| c.map_or(card - 1, |c| c as usize);
            match b {
                GroupBy::Network => {
                    for (s, net) in slot_of.iter_mut().zip(chunk.network) {
                        *s = *s * card + *net as usize;
                    }
                }
                GroupBy::ContentType if !chunk.content_type.is_empty() => {
                    for (s, c) in slot_of.iter_mut().zip(chunk.content_type) {
                        *s = *s * card + code(c.map(|c| c as u32));
                    }
                }
                GroupBy::Pillar if !chunk.pillar.is_empty() => {
                    for (s, c) in slot_of.iter_mut().zip(chunk.pillar) {
                        *s = *s * card + code(*c);
                    }
                }
                GroupBy::Campaign if !chunk.campaign.is_empty() => {
                    for (s, c) in slot_of.iter_mut().zip(chunk.campaign) {
                        *s = *s * card + code(*c);
                    }
                }
                // A column not given: every post has none.
                _ => {
                    for s in slot_of.iter_mut() {
                        *s = *s * card + card - 1;
                    }
                }
            }
        }
        if p_card > 1 {
            for (s, p) in slot_of.iter_mut().zip(&self.periods) {
                *s = *s * p_card + (p - p_min) as usize;
            }
        }
        for s in slot_of.iter() {
            self.dense_counts[*s] += 1;
        }
        accumulate(
            &mut self.dense_accs,
            &self.calcs,
            chunk,
            &self.scratch.slots,
            &mut self.scratch.parts,
        );
        for s in 0..slots {
            let count = self.dense_counts[s];
            if count == 0 {
                continue;
            }
            let mut rest = s;
            let period = if self.opts.period.is_some() {
                let p = p_min + (rest % p_card) as i64;
                rest /= p_card;
                p
            } else {
                NO_PERIOD
            };
            let mut parts = [NONE; 4];
            for j in (0..by.len()).rev() {
                let v = rest % cards[j];
                rest /= cards[j];
                parts[j] = if v == cards[j] - 1 && by[j] != GroupBy::Network {
                    NONE
                } else {
                    v as u32
                };
            }
            let at = self.slot(CodeKey { parts, period });
            self.counts[at] += count;
            for (x, y) in self.accs[at * k..(at + 1) * k]
                .iter_mut()
                .zip(&self.dense_accs[s * k..(s + 1) * k])
            {
                x.merge(y);
            }
        }
        true
    }

    fn add_hashed(&mut self, chunk: &PostChunk<'_>) {
        let mut slot_of = std::mem::take(&mut self.scratch.slots);
        slot_of.clear();
        for i in 0..chunk.len() {
            let mut parts = [NONE; 4];
            for (p, b) in parts.iter_mut().zip(&self.opts.by) {
                *p = Self::part(chunk, *b, i);
            }
            let period = if self.opts.period.is_some() {
                self.periods[i]
            } else {
                NO_PERIOD
            };
            let at = self.slot(CodeKey { parts, period });
            self.counts[at] += 1;
            slot_of.push(at);
        }
        accumulate(
            &mut self.accs,
            &self.calcs,
            chunk,
            &slot_of,
            &mut self.scratch.parts,
        );
        self.scratch.slots = slot_of;
    }

    /// Index of a group's totals, created empty on first sight.
    #[inline]
    fn slot(&mut self, key: CodeKey) -> usize {
        let next = self.counts.len();
        let at = *self.index.entry(key).or_insert(next);
        if at == next {
            self.counts.push(0);
            self.accs.extend(std::iter::repeat_n(
                Accumulator::default(),
                self.calcs.len(),
            ));
        }
        at
    }

    /// The totals so far, as a grouper of their own; this one keeps its memo tables and starts
    /// again from no post. A caller that takes the totals of each chunk and merges them in
    /// chunk order gets sums in one order, the same bits whatever the number of threads.
    pub fn take_totals(&mut self) -> ColumnGrouper {
        ColumnGrouper {
            kpis: self.kpis.clone(),
            calcs: self.calcs.clone(),
            opts: self.opts.clone(),
            index: std::mem::take(&mut self.index),
            counts: std::mem::take(&mut self.counts),
            accs: std::mem::take(&mut self.accs),
            offsets: Memo::default(),
            days: Memo::default(),
            periods: Vec::new(),
            scratch: Scratch::default(),
            dense_counts: Vec::new(),
            dense_accs: Vec::new(),
        }
    }

    /// Adds the totals of another grouper of the same KPIs and options (from another thread).
    pub fn merge(&mut self, other: ColumnGrouper) {
        let k = self.calcs.len();
        for (key, from) in other.index {
            let at = self.slot(key);
            self.counts[at] += other.counts[from];
            for (x, y) in self.accs[at * k..(at + 1) * k]
                .iter_mut()
                .zip(&other.accs[from * k..(from + 1) * k])
            {
                x.merge(y);
            }
        }
    }

    /// Number of groups so far.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether no post was added.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The groups with their KPI values and period-over-period changes, pillar and campaign
    /// codes read as names. Errors when a code has no name.
    pub fn finish(
        self,
        pillar_names: &[String],
        campaign_names: &[String],
    ) -> Result<Grouped, Error> {
        let k = self.calcs.len();
        let by = &self.opts.by;
        let mut merged = Map::default();
        for (key, at) in &self.index {
            let mut parts = [KeyPart::Str(None); 4];
            for (j, b) in by.iter().enumerate() {
                let code = key.parts[j];
                parts[j] = match b {
                    GroupBy::Network => {
                        KeyPart::Net(Network::ALL[(code as usize).min(Network::ALL.len() - 1)])
                    }
                    GroupBy::ContentType => KeyPart::Ct((code != NONE).then(|| {
                        ContentType::ALL[(code as usize).min(ContentType::ALL.len() - 1)]
                    })),
                    GroupBy::Pillar => KeyPart::Str(name_of(pillar_names, code, "pillar")?),
                    GroupBy::Campaign => KeyPart::Str(name_of(campaign_names, code, "campaign")?),
                };
            }
            let period = self
                .opts
                .period
                .zip((key.period != NO_PERIOD).then_some(key.period))
                .and_then(|(per, n)| per.start_of_ordinal(n));
            // Two codes may carry the same name: their groups are one.
            let e = merged
                .entry((parts, period))
                .or_insert_with(|| (0, vec![Accumulator::default(); k]));
            e.0 += self.counts[*at];
            for (x, y) in e.1.iter_mut().zip(&self.accs[at * k..(at + 1) * k]) {
                x.merge(y);
            }
        }
        let calcs: Vec<Option<&PostCalc>> = self.calcs.iter().map(Option::as_ref).collect();
        Ok(finish(merged, &self.kpis, &calcs, &self.opts))
    }
}

/// The name of a pillar or campaign code.
fn name_of<'n>(names: &'n [String], code: u32, dim: &str) -> Result<Option<&'n str>, Error> {
    if code == NONE {
        return Ok(None);
    }
    names
        .get(code as usize)
        .map(|s| Some(s.as_str()))
        .ok_or_else(|| Error::Argument {
            name: dim.into(),
            message: format!("code {code} has no name ({} names)", names.len()),
        })
}

/// Per-chunk work space.
#[derive(Debug, Clone, Default)]
struct Scratch {
    /// Slot (group) of each post of the chunk.
    slots: Vec<usize>,
    parts: Parts,
}

/// Numerator and denominator of each post of a chunk for one formula, and whether each side has
/// a value.
#[derive(Debug, Clone, Default)]
struct Parts {
    num: Vec<f64>,
    den: Vec<f64>,
    has_num: Vec<bool>,
    has_den: Vec<bool>,
}

impl Parts {
    /// Σ of the fields of each post, column by column: the same additions in the same order as
    /// the row-wise `PostCalc::parts` (missing values add nothing, adding 0.0 changes no sum).
    fn sum(chunk: &PostChunk<'_>, fields: &[PostField], out: &mut Vec<f64>, has: &mut Vec<bool>) {
        let n = chunk.len();
        out.clear();
        out.resize(n, 0.0);
        has.clear();
        has.resize(n, false);
        for f in fields {
            if let Some(col) = chunk.metrics[*f as usize] {
                for ((x, h), v) in out.iter_mut().zip(has.iter_mut()).zip(col) {
                    let present = !v.is_nan();
                    *x += if present { *v } else { 0.0 };
                    *h |= present;
                }
            }
        }
    }
}

/// Adds every post of the chunk to the KPI totals of its slot (`accs` holds one accumulator per
/// KPI per slot).
fn accumulate(
    accs: &mut [Accumulator],
    calcs: &[Option<PostCalc>],
    chunk: &PostChunk<'_>,
    slots: &[usize],
    p: &mut Parts,
) {
    let k = calcs.len();
    for (j, calc) in calcs.iter().enumerate() {
        let Some(calc) = calc else { continue };
        if calc.count_posts {
            for s in slots {
                accs[s * k + j].add_parts(Some((1.0, 1.0)));
            }
            continue;
        }
        Parts::sum(chunk, &calc.numerator, &mut p.num, &mut p.has_num);
        if calc.denominator.is_empty() {
            for (i, s) in slots.iter().enumerate() {
                accs[s * k + j].add_parts(p.has_num[i].then_some((p.num[i], 1.0)));
            }
        } else {
            Parts::sum(chunk, &calc.denominator, &mut p.den, &mut p.has_den);
            for (i, s) in slots.iter().enumerate() {
                let ok = p.has_num[i] && p.has_den[i];
                accs[s * k + j].add_parts(ok.then_some((p.num[i], p.den[i])));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ordinals_match_chrono() {
        for per in [Period::Day, Period::Week, Period::Month, Period::Quarter] {
            for day in (-800_000..800_000).step_by(997) {
                let date = DateTime::from_timestamp(day * 86_400, 0)
                    .unwrap()
                    .date_naive();
                assert_eq!(day_ordinal(per, day), per.ordinal(date), "{per} {day}");
            }
        }
    }

    #[test]
    fn memo_grows_both_ways_and_keeps_values() {
        let mut m = Memo::default();
        assert!(m.cover(10, 20));
        assert_eq!(m.get(15, |x| x * 2), 30);
        assert!(m.cover(-5, 12));
        assert!(m.cover(0, 100));
        assert_eq!(m.get(15, |_| 0), 30);
        assert_eq!(m.get(-5, |x| x), -5);
        assert!(!m.cover(0, Memo::MAX_LEN + 1));
    }

    #[test]
    fn out_of_calendar_dates_are_errors_with_the_row() {
        let opts = GroupOptions {
            period: Some(Period::Month),
            ..Default::default()
        };
        let mut g = ColumnGrouper::new(&[Formula::parse("posts").unwrap()], &opts);
        let published = [0, i64::MAX];
        let network = [Network::X, Network::X];
        let chunk = PostChunk {
            offset: 10,
            published: &published,
            network: &network,
            ..Default::default()
        };
        let e = g.add(&chunk).unwrap_err().to_string();
        assert!(e.contains("row 11"), "{e}");
        assert!(g.is_empty());
    }
}
