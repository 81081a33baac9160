//! KPIs of posts grouped by network, content type, pillar, campaign and period, with
//! period-over-period change.
//!
//! Periods are calendar days, ISO weeks (Monday first, `2026-W27`), months and quarters, taken in
//! an IANA time zone: a post published at 23:30 UTC on 30 June is a July post in Paris. Grouping
//! runs in parallel (rayon) and merges per-thread totals, so the result does not depend on the
//! number of threads.
//!
//! ```
//! use smo_core::kpi::group::{group_posts, GroupBy, GroupOptions, Period};
//! use smo_core::kpi::formula::Formula;
//! # let posts: Vec<smo_core::data::PostRow> = vec![];
//! let kpis = [Formula::parse("reach")?, Formula::parse("engagement_rate")?];
//! let opts = GroupOptions { by: vec![GroupBy::Network], period: Some(Period::Month), ..Default::default() };
//! let grouped = group_posts(&posts, &kpis, &opts);
//! assert!(grouped.rows.is_empty());
//! # Ok::<(), smo_core::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasherDefault;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::ContentType;
use crate::data::PostRow;
use crate::error::Error;
use crate::kpi::formula::{Accumulator, Formula, PostCalc, PostField};
use crate::network::Network;
use crate::traffic::fnv::Fnv;

mod chunks;
mod stream;
pub use chunks::{ColumnGrouper, METRICS, PostChunk};
pub use stream::{CSV_BLOCK_BYTES, StreamedGroups, group_posts_csv_reader};

/// A calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A calendar day.
    Day,
    /// An ISO 8601 week (Monday to Sunday), labelled `2026-W27`.
    Week,
    /// A calendar month, `2026-07`.
    Month,
    /// A calendar quarter, `2026-Q3`.
    Quarter,
}

impl Period {
    /// The id: `day`, `week`, `month` or `quarter`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
        }
    }

    /// First day of the period containing `date`.
    ///
    /// ```
    /// use smo_core::kpi::group::Period;
    /// let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    /// assert_eq!(Period::Week.start(d).to_string(), "2026-12-28");
    /// assert_eq!(Period::Week.label(d), "2026-W53");
    /// assert_eq!(Period::Quarter.label(d), "2027-Q1");
    /// ```
    pub fn start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => date,
            Period::Week => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
            Period::Month => date.with_day(1).unwrap_or(date),
            Period::Quarter => {
                let m = (date.month0() / 3) * 3 + 1;
                NaiveDate::from_ymd_opt(date.year(), m, 1).unwrap_or(date)
            }
        }
    }

    /// First day of the next period after the one containing `date`.
    pub fn next_start(self, date: NaiveDate) -> NaiveDate {
        let s = self.start(date);
        match self {
            Period::Day => s + Duration::days(1),
            Period::Week => s + Duration::days(7),
            Period::Month => s.checked_add_months(chrono::Months::new(1)).unwrap_or(s),
            Period::Quarter => s.checked_add_months(chrono::Months::new(3)).unwrap_or(s),
        }
    }

    /// A number per period, consecutive periods giving consecutive numbers.
    fn ordinal(self, date: NaiveDate) -> i64 {
        match self {
            Period::Day => i64::from(date.num_days_from_ce()),
            Period::Week => i64::from(self.start(date).num_days_from_ce()).div_euclid(7),
            Period::Month => i64::from(date.year()) * 12 + i64::from(date.month0()),
            Period::Quarter => i64::from(date.year()) * 4 + i64::from(date.month0() / 3),
        }
    }

    /// The first day of the period numbered `n` by [`Period::ordinal`].
    ///
    /// ```text
    /// start_of_ordinal(ordinal(d)) == start(d)   (checked by a test for every period)
    /// ```
    fn start_of_ordinal(self, n: i64) -> Option<NaiveDate> {
        match self {
            Period::Day => NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?),
            // Day 1 (0001-01-01) is a Monday, so Mondays are the days 7n + 1.
            Period::Week => NaiveDate::from_num_days_from_ce_opt(i32::try_from(n * 7 + 1).ok()?),
            Period::Month => NaiveDate::from_ymd_opt(
                i32::try_from(n.div_euclid(12)).ok()?,
                u32::try_from(n.rem_euclid(12)).ok()? + 1,
                1,
            ),
            Period::Quarter => NaiveDate::from_ymd_opt(
                i32::try_from(n.div_euclid(4)).ok()?,
                u32::try_from(n.rem_euclid(4)).ok()? * 3 + 1,
                1,
            ),
        }
    }

    /// The label of the period containing `date`.
    pub fn label(self, date: NaiveDate) -> String {
        match self {
            Period::Day => date.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let w = date.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => date.format("%Y-%m").to_string(),
            Period::Quarter => format!("{}-Q{}", date.year(), date.month0() / 3 + 1),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Period {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" | "d" => Ok(Period::Day),
            "week" | "weekly" | "iso_week" | "w" => Ok(Period::Week),
            "month" | "monthly" | "m" => Ok(Period::Month),
            "quarter" | "quarterly" | "q" => Ok(Period::Quarter),
            _ => Err(Error::Argument {
                name: "period".into(),
                message: format!("`{s}` is not a period: use day, week, month or quarter"),
            }),
        }
    }
}

/// A dimension posts are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// Network.
    Network,
    /// Content type.
    ContentType,
    /// Content pillar.
    Pillar,
    /// Campaign.
    Campaign,
}

impl GroupBy {
    /// The id, also the key's column name.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Network => "network",
            GroupBy::ContentType => "content_type",
            GroupBy::Pillar => "pillar",
            GroupBy::Campaign => "campaign",
        }
    }
}

impl FromStr for GroupBy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "network" => Ok(GroupBy::Network),
            "content_type" | "type" => Ok(GroupBy::ContentType),
            "pillar" => Ok(GroupBy::Pillar),
            "campaign" => Ok(GroupBy::Campaign),
            _ => Err(Error::Argument {
                name: "by".into(),
                message: format!(
                    "`{s}` is not a grouping: use network, content_type, pillar or campaign"
                ),
            }),
        }
    }
}

/// How to group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupOptions {
    /// Dimensions, in column order.
    pub by: Vec<GroupBy>,
    /// Period, if any.
    pub period: Option<Period>,
    /// Zone in which dates and periods are taken. Default UTC.
    pub time_zone: Tz,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            by: Vec::new(),
            period: None,
            time_zone: Tz::UTC,
        }
    }
}

/// The value written for a missing key (no pillar, no campaign).
pub const NONE_KEY: &str = "(none)";

/// One group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRow {
    /// Dimension → value, in the order of [`GroupOptions::by`].
    pub keys: Vec<(String, String)>,
    /// Period label (`2026-07`), when grouping by period.
    pub period: Option<String>,
    /// First day of the period.
    pub period_start: Option<NaiveDate>,
    /// Posts in the group.
    pub posts: u64,
    /// One value per KPI, in the order given.
    pub values: Vec<Option<f64>>,
    /// The value of the same group in the previous period that has data.
    pub previous: Vec<Option<f64>>,
    /// Relative change from `previous`, in % ((v − p) / |p| × 100).
    pub change_pct: Vec<Option<f64>>,
    /// Posts left out per KPI (missing values, zero denominators).
    pub excluded: Vec<u64>,
}

/// The result of a grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grouped {
    /// Canonical specs of the KPIs, in column order.
    pub kpis: Vec<String>,
    /// Dimensions.
    pub by: Vec<GroupBy>,
    /// Period.
    pub period: Option<Period>,
    /// Rows, sorted by keys then period.
    pub rows: Vec<GroupRow>,
}

impl Grouped {
    /// The column name of each KPI: its id (`reach`), or its canonical spec when two KPIs of the
    /// grouping share an id.
    pub fn kpi_column_names(&self) -> Vec<String> {
        let id = |k: &str| k.split(['@', '?']).next().unwrap_or(k).to_owned();
        self.kpis
            .iter()
            .map(|kpi| {
                let shared = self.kpis.iter().filter(|k| id(k) == id(kpi)).count() > 1;
                if shared { kpi.clone() } else { id(kpi) }
            })
            .collect()
    }

    /// The rows as columns (name → values as JSON), ready for a data frame.
    pub fn to_columns(&self) -> BTreeMap<String, Vec<serde_json::Value>> {
        let mut cols: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
        let names = self.kpi_column_names();
        for row in &self.rows {
            for (k, v) in &row.keys {
                cols.entry(k.clone()).or_default().push(v.clone().into());
            }
            if self.period.is_some() {
                cols.entry("period".into())
                    .or_default()
                    .push(row.period.clone().into());
            }
            // The group size; a `posts` KPI, when asked for, is the same number under that name.
            if !self.kpis.iter().any(|k| k.starts_with("posts@")) {
                cols.entry("posts".into())
                    .or_default()
                    .push(row.posts.into());
            }
            for (i, name) in names.iter().enumerate() {
                cols.entry(name.clone())
                    .or_default()
                    .push(row.values[i].into());
                cols.entry(format!("{name}_change_pct"))
                    .or_default()
                    .push(row.change_pct[i].into());
            }
        }
        cols
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyPart<'a> {
    Net(Network),
    Ct(Option<ContentType>),
    Str(Option<&'a str>),
}

type Key<'a> = ([KeyPart<'a>; 4], Option<NaiveDate>);

/// Groups `posts` and computes `kpis` for each group. KPIs that do not read posts get undefined
/// values (use [`Formula::evaluate`] for accounts and web KPIs).
pub fn group_posts(posts: &[PostRow], kpis: &[Formula], opts: &GroupOptions) -> Grouped {
    let utc = opts.time_zone == Tz::UTC;
    let key_of = |i: usize| -> Key<'_> {
        let p = &posts[i];
        let mut parts = [KeyPart::Str(None); 4];
        for (k, by) in opts.by.iter().take(4).enumerate() {
            parts[k] = match by {
                GroupBy::Network => KeyPart::Net(p.network),
                GroupBy::ContentType => KeyPart::Ct(p.content_type),
                GroupBy::Pillar => KeyPart::Str(p.pillar.as_deref()),
                GroupBy::Campaign => KeyPart::Str(p.campaign.as_deref()),
            };
        }
        let period = opts.period.map(|per| {
            let local = if utc {
                p.published.date_naive()
            } else {
                p.published.with_timezone(&opts.time_zone).date_naive()
            };
            per.start(local)
        });
        (parts, period)
    };
    group_impl(posts.len(), key_of, |i, f| f.get(&posts[i]), kpis, opts)
}

/// Post metrics as columns, the layout of a data frame: entry `i` of every column is post `i`.
/// Missing metric values are `NaN` (zero is a value). Keys repeat, so text keys are codes into a
/// list of names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostColumns {
    /// Publication instants, Unix seconds (UTC).
    pub published: Vec<i64>,
    /// Networks.
    pub network: Vec<Network>,
    /// Content types (empty: none given).
    pub content_type: Vec<Option<ContentType>>,
    /// Pillar codes into `pillar_names` (empty: none given).
    pub pillar: Vec<Option<u32>>,
    /// Pillar names.
    pub pillar_names: Vec<String>,
    /// Campaign codes into `campaign_names` (empty: none given).
    pub campaign: Vec<Option<u32>>,
    /// Campaign names.
    pub campaign_names: Vec<String>,
    /// Metric columns; a field without a column is missing for every post.
    pub metrics: BTreeMap<PostField, Vec<f64>>,
}

impl PostColumns {
    /// Number of posts.
    pub fn len(&self) -> usize {
        self.published.len()
    }

    /// Whether there is no post.
    pub fn is_empty(&self) -> bool {
        self.published.is_empty()
    }

    /// The posts in `range` as a [`PostChunk`] (columns must have equal lengths: see
    /// [`group_columns`], which checks them).
    pub fn chunk(&self, range: std::ops::Range<usize>) -> PostChunk<'_> {
        fn part<'a, T>(col: &'a [T], range: &std::ops::Range<usize>) -> &'a [T] {
            col.get(range.clone()).unwrap_or_default()
        }
        let mut metrics = [None; chunks::METRICS];
        for (f, col) in &self.metrics {
            metrics[*f as usize] = Some(part(col, &range));
        }
        PostChunk {
            offset: range.start,
            published: part(&self.published, &range),
            network: part(&self.network, &range),
            content_type: part(&self.content_type, &range),
            pillar: part(&self.pillar, &range),
            campaign: part(&self.campaign, &range),
            metrics,
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_lengths(
            self.len(),
            [
                ("network", self.network.len(), false),
                ("content_type", self.content_type.len(), true),
                ("pillar", self.pillar.len(), true),
                ("campaign", self.campaign.len(), true),
            ]
            .into_iter()
            .chain(
                self.metrics
                    .iter()
                    .map(|(f, c)| (f.as_str(), c.len(), false)),
            ),
            "",
        )?;
        for (name, codes, names) in [
            ("pillar", &self.pillar, &self.pillar_names),
            ("campaign", &self.campaign, &self.campaign_names),
        ] {
            if let Some(c) = codes.iter().flatten().find(|c| **c as usize >= names.len()) {
                return Err(Error::Argument {
                    name: name.into(),
                    message: format!("code {c} has no name ({} names)", names.len()),
                });
            }
        }
        Ok(())
    }
}

/// [`group_posts`] over columns: the same groups and values, without building rows. Runs in
/// parallel over chunks of rows ([`ColumnGrouper`]) and merges the totals.
pub fn group_columns(
    cols: &PostColumns,
    kpis: &[Formula],
    opts: &GroupOptions,
) -> Result<Grouped, Error> {
    cols.check()?;
    let n = cols.len();
    let chunks: Vec<PostChunk<'_>> = (0..n)
        .step_by(CHUNK_ROWS)
        .map(|lo| cols.chunk(lo..(lo + CHUNK_ROWS).min(n)))
        .collect();
    let g = if n < 50_000 {
        let mut g = ColumnGrouper::new(kpis, opts);
        for c in &chunks {
            g.add(c)?;
        }
        g
    } else {
        // Totals per chunk, merged in chunk order: the same sums whatever the threads.
        let parts = chunks
            .par_iter()
            .map_init(
                || ColumnGrouper::new(kpis, opts),
                |g, c| g.add(c).map(|()| g.take_totals()),
            )
            .collect::<Result<Vec<_>, Error>>()?;
        let mut total = ColumnGrouper::new(kpis, opts);
        for g in parts {
            total.merge(g);
        }
        total
    };
    g.finish(&cols.pillar_names, &cols.campaign_names)
}

/// Rows per chunk in [`group_columns`]: the chunk's columns stay in the CPU caches.
pub const CHUNK_ROWS: usize = 65_536;

type Map<'a> = HashMap<Key<'a>, (u64, Vec<Accumulator>), BuildHasherDefault<Fnv>>;

fn group_impl<'a>(
    n: usize,
    key_of: impl Fn(usize) -> Key<'a> + Sync,
    get: impl Fn(usize, PostField) -> Option<f64> + Sync,
    kpis: &[Formula],
    opts: &GroupOptions,
) -> Grouped {
    let calcs: Vec<Option<&PostCalc>> = kpis.iter().map(|k| k.post.as_ref()).collect();
    let fold = |mut map: Map<'a>, i: usize| -> Map<'a> {
        let entry = map
            .entry(key_of(i))
            .or_insert_with(|| (0, vec![Accumulator::default(); calcs.len()]));
        entry.0 += 1;
        for (acc, calc) in entry.1.iter_mut().zip(&calcs) {
            if let Some(calc) = calc {
                acc.add_parts(calc.parts_by(|f| get(i, f)));
            }
        }
        map
    };
    let merged: Map<'a> = if n < 50_000 {
        (0..n).fold(Map::default(), fold)
    } else {
        (0..n)
            .into_par_iter()
            .with_min_len(16_384)
            .fold(Map::default, fold)
            .reduce(Map::default, |mut a, b| {
                for (k, (cnt, accs)) in b {
                    let e = a
                        .entry(k)
                        .or_insert_with(|| (0, vec![Accumulator::default(); accs.len()]));
                    e.0 += cnt;
                    for (x, y) in e.1.iter_mut().zip(&accs) {
                        x.merge(y);
                    }
                }
                a
            })
    };
    finish(merged, kpis, &calcs, opts)
}

fn finish(
    merged: Map<'_>,
    kpis: &[Formula],
    calcs: &[Option<&PostCalc>],
    opts: &GroupOptions,
) -> Grouped {
    let mut entries: Vec<(Key<'_>, (u64, Vec<Accumulator>))> = merged.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut rows: Vec<GroupRow> = Vec::with_capacity(entries.len());
    let mut prev_key: Option<[KeyPart<'_>; 4]> = None;
    for ((parts, start), (n, accs)) in entries {
        let values: Vec<Option<f64>> = accs
            .iter()
            .zip(calcs)
            .map(|(a, c)| c.and_then(|c| a.value(c)))
            .collect();
        let excluded = accs.iter().map(Accumulator::excluded).collect();
        let same_group = prev_key == Some(parts);
        let previous: Vec<Option<f64>> = match rows.last() {
            Some(last) if same_group => last.values.clone(),
            _ => vec![None; values.len()],
        };
        let change_pct = values
            .iter()
            .zip(&previous)
            .map(|(v, p)| match (v, p) {
                (Some(v), Some(p)) if *p != 0.0 => Some((v - p) / p.abs() * 100.0),
                _ => None,
            })
            .collect();
        let keys = opts
            .by
            .iter()
            .zip(parts.iter())
            .map(|(by, part)| {
                let v = match part {
                    KeyPart::Net(n) => n.as_str().to_owned(),
                    KeyPart::Ct(c) => c.map_or(NONE_KEY, |c| c.as_str()).to_owned(),
                    KeyPart::Str(s) => s.unwrap_or(NONE_KEY).to_owned(),
                };
                (by.as_str().to_owned(), v)
            })
            .collect();
        rows.push(GroupRow {
            keys,
            period: start.zip(opts.period).map(|(s, p)| p.label(s)),
            period_start: start,
            posts: n,
            values,
            previous: if opts.period.is_some() {
                previous
            } else {
                vec![None; accs.len()]
            },
            change_pct: if opts.period.is_some() {
                change_pct
            } else {
                vec![None; accs.len()]
            },
            excluded,
        });
        prev_key = Some(parts);
    }
    Grouped {
        kpis: kpis.iter().map(Formula::canonical).collect(),
        by: opts.by.clone(),
        period: opts.period,
        rows,
    }
}

/// Checks that every column has `n` values, as `published` does: `(name, length, optional)`;
/// an optional column may also be empty. `rows` says which rows the columns hold, for a part.
fn check_lengths<'a>(
    n: usize,
    columns: impl IntoIterator<Item = (&'a str, usize, bool)>,
    rows: &str,
) -> Result<(), Error> {
    for (name, len, optional) in columns {
        if len != n && !(optional && len == 0) {
            return Err(Error::Argument {
                name: name.into(),
                message: format!(
                    "column `{name}` has {len} values where `published` has {n}{rows}: columns must have equal lengths"
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::PostRow;

    fn post(at: &str, net: Network, likes: u64, reach: u64) -> PostRow {
        PostRow {
            published: at.parse().unwrap(),
            network: net,
            post_id: at.into(),
            content_type: None,
            pillar: None,
            campaign: None,
            account: None,
            link: None,
            text: None,
            impressions: None,
            reach: Some(reach),
            views: None,
            likes: Some(likes),
            comments: None,
            shares: None,
            saves: None,
            clicks: None,
            video_views: None,
            follows: None,
            followers: None,
            cost: None,
        }
    }

    #[test]
    fn months_in_a_time_zone_with_change() {
        let posts = vec![
            // 23:30 UTC on 30 June is 01:30 on 1 July in Paris.
            post("2026-06-30T23:30:00Z", Network::Instagram, 10, 100),
            post("2026-06-15T10:00:00Z", Network::Instagram, 20, 100),
            post("2026-07-15T10:00:00Z", Network::Instagram, 30, 100),
            post("2026-07-15T10:00:00Z", Network::Facebook, 1, 100),
        ];
        let kpis = [
            Formula::parse("posts").unwrap(),
            Formula::parse("engagement_rate").unwrap(),
        ];
        let opts = GroupOptions {
            by: vec![GroupBy::Network],
            period: Some(Period::Month),
            time_zone: "Europe/Paris".parse().unwrap(),
        };
        let g = group_posts(&posts, &kpis, &opts);
        let labels: Vec<_> = g
            .rows
            .iter()
            .map(|r| (r.keys[0].1.as_str(), r.period.as_deref().unwrap(), r.posts))
            .collect();
        assert_eq!(
            labels,
            vec![
                ("facebook", "2026-07", 1),
                ("instagram", "2026-06", 1),
                ("instagram", "2026-07", 2)
            ]
        );
        assert_eq!(g.rows[2].values[1], Some(20.0));
        assert_eq!(g.rows[2].previous[1], Some(20.0));
        assert_eq!(g.rows[2].change_pct[0], Some(100.0));
        assert_eq!(g.rows[0].change_pct[0], None);
        let utc = group_posts(
            &posts,
            &kpis,
            &GroupOptions {
                time_zone: Tz::UTC,
                ..opts
            },
        );
        assert_eq!(utc.rows[1].posts, 2);
    }

    #[test]
    fn parallel_and_serial_agree() {
        let posts: Vec<PostRow> = (0..120_000u64)
            .map(|i| {
                post(
                    if i % 2 == 0 {
                        "2026-07-01T00:00:00Z"
                    } else {
                        "2026-08-01T00:00:00Z"
                    },
                    Network::X,
                    i % 7,
                    100 + i % 13,
                )
            })
            .collect();
        let kpis = [
            Formula::parse("engagement_rate").unwrap(),
            Formula::parse("reach").unwrap(),
        ];
        let opts = GroupOptions {
            period: Some(Period::Quarter),
            ..Default::default()
        };
        let all = group_posts(&posts, &kpis, &opts);
        let mut serial = Accumulator::default();
        let calc = kpis[0].post.as_ref().unwrap();
        for p in &posts {
            serial.add(calc, p);
        }
        let a = all.rows[0].values[0].unwrap();
        let b = serial.value(calc).unwrap();
        assert!((a - b).abs() < 1e-9, "{a} {b}");
        assert_eq!(all.rows[0].period.as_deref(), Some("2026-Q3"));
    }

    #[test]
    fn period_numbers_round_trip() {
        for per in [Period::Day, Period::Week, Period::Month, Period::Quarter] {
            for day in (1..800_000).step_by(13) {
                let d = NaiveDate::from_num_days_from_ce_opt(day).unwrap();
                assert_eq!(per.start_of_ordinal(per.ordinal(d)), Some(per.start(d)));
            }
        }
    }

    #[test]
    fn columns_and_rows_agree() {
        // Several chunks, in parallel; a small key space (dense slots) and a large one
        // (3,000 campaigns: hashed), in a zone, with periods across a month boundary.
        let posts: Vec<PostRow> = (0..150_000u64)
            .map(|i| {
                let mut p = post(
                    match i % 3 {
                        0 => "2026-06-30T23:30:00Z",
                        1 => "2026-08-01T00:00:00Z",
                        _ => "2026-03-29T00:59:59Z",
                    },
                    if i % 2 == 0 {
                        Network::X
                    } else {
                        Network::Instagram
                    },
                    i % 7,
                    100 + i % 13,
                );
                p.pillar = (i % 5 != 0).then(|| format!("p{}", i % 3));
                p.campaign = (i % 7 != 0).then(|| format!("c{}", i % 3_000));
                p.content_type = (i % 4 != 0).then_some(ContentType::Carousel);
                p.comments = (i % 11 != 0).then_some(i % 4);
                p
            })
            .collect();
        let mut cols = PostColumns {
            published: posts.iter().map(|p| p.published.timestamp()).collect(),
            network: posts.iter().map(|p| p.network).collect(),
            content_type: posts.iter().map(|p| p.content_type).collect(),
            pillar_names: vec!["p0".into(), "p1".into(), "p2".into()],
            campaign_names: (0..3_000).map(|c| format!("c{c}")).collect(),
            ..Default::default()
        };
        cols.pillar = posts
            .iter()
            .map(|p| p.pillar.as_deref().map(|n| n[1..].parse().unwrap()))
            .collect();
        cols.campaign = posts
            .iter()
            .map(|p| p.campaign.as_deref().map(|n| n[1..].parse().unwrap()))
            .collect();
        for f in [PostField::Likes, PostField::Reach, PostField::Comments] {
            cols.metrics.insert(
                f,
                posts.iter().map(|p| f.get(p).unwrap_or(f64::NAN)).collect(),
            );
        }
        let kpis = [
            Formula::parse("engagement_rate").unwrap(),
            Formula::parse("reach").unwrap(),
            Formula::parse("posts").unwrap(),
        ];
        for (by, period, zone) in [
            (
                vec![GroupBy::Network, GroupBy::Pillar],
                Some(Period::Month),
                "Europe/Paris",
            ),
            (
                vec![GroupBy::ContentType, GroupBy::Campaign, GroupBy::Network],
                Some(Period::Week),
                "America/New_York",
            ),
            (vec![GroupBy::Pillar], None, "UTC"),
            (vec![], Some(Period::Day), "Asia/Kathmandu"),
        ] {
            let opts = GroupOptions {
                by,
                period,
                time_zone: zone.parse().unwrap(),
            };
            let a = group_posts(&posts, &kpis, &opts);
            let b = group_columns(&cols, &kpis, &opts).unwrap();
            assert_eq!(a.rows.len(), b.rows.len(), "{opts:?}");
            for (x, y) in a.rows.iter().zip(&b.rows) {
                assert_eq!((&x.keys, &x.period, x.posts), (&y.keys, &y.period, y.posts));
                assert_eq!(x.excluded, y.excluded);
                for (u, v) in x.values.iter().zip(&y.values) {
                    assert!((u.unwrap() - v.unwrap()).abs() < 1e-9);
                }
                for (u, v) in x.change_pct.iter().zip(&y.change_pct) {
                    assert_eq!(u.is_some(), v.is_some());
                }
            }
        }
        let opts = GroupOptions::default();
        cols.network.pop();
        assert!(group_columns(&cols, &kpis, &opts).is_err());
    }
}
