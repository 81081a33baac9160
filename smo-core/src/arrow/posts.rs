//! KPIs of posts given as Arrow record batches, and the grouping result as a record batch.
//!
//! The batches are read in windows of about a million rows: each window is cut into chunks that
//! the rayon threads read and group on their own ([`ColumnGrouper`]), and the totals are merged.
//! Memory is bounded by the window, not the input, so a stream of any length goes through; the
//! numbers are those of [`crate::kpi::group::group_posts`] over the same rows.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use arrow_array::builder::{Date32Builder, Float64Builder, StringBuilder, UInt64Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;

use super::columns::{LocalOffsets, TextMemo, bad_column, floats, map_texts, seconds};
use crate::content::ContentType;
use crate::error::Error;
use crate::kpi::formula::{Formula, PostField};
use crate::kpi::group::{ColumnGrouper, GroupOptions, Grouped, PostChunk};
use crate::network::Network;

/// Rows per task: a chunk's converted columns stay in the CPU caches.
const CHUNK_ROWS: usize = 32_768;
/// Rows read before grouping them: the memory bound of a stream.
const WINDOW_ROWS: usize = 1 << 20;

/// Where each post field is in the batches' schema.
struct Layout {
    published: (usize, String),
    network: (usize, String),
    content_type: Option<(usize, String)>,
    pillar: Option<(usize, String)>,
    campaign: Option<(usize, String)>,
    metrics: Vec<(PostField, usize, String)>,
}

impl Layout {
    fn of(schema: &Schema, mapping: &BTreeMap<String, String>) -> Result<Layout, Error> {
        let headers: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        let matched = crate::data::match_columns_reading(
            "posts",
            &headers,
            mapping,
            &["published", "network"],
        )?;
        let at = |field: &str| -> Option<(usize, String)> {
            let column = matched.get(field)?;
            Some((headers.iter().position(|h| h == column)?, column.clone()))
        };
        let need = |field: &str| {
            at(field).ok_or_else(|| bad_column("columns", format!("missing column `{field}`")))
        };
        Ok(Layout {
            published: need("published")?,
            network: need("network")?,
            content_type: at("content_type"),
            pillar: at("pillar"),
            campaign: at("campaign"),
            metrics: PostField::ALL
                .into_iter()
                .filter_map(|f| at(f.as_str()).map(|(i, c)| (f, i, c)))
                .collect(),
        })
    }
}

/// Names of pillars or campaigns met so far, shared by the tasks: codes must agree across
/// chunks for their totals to merge.
#[derive(Default)]
struct Names {
    codes: HashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn code(names: &Mutex<Names>, text: &str) -> Result<u32, Error> {
        let mut n = lock(names);
        if let Some(c) = n.codes.get(text) {
            return Ok(*c);
        }
        let c = u32::try_from(n.names.len())
            .map_err(|_| bad_column("columns", "more than 4 billion distinct key values"))?;
        n.names.push(text.to_owned());
        n.codes.insert(text.to_owned(), c);
        Ok(c)
    }

    fn into_names(names: Mutex<Names>) -> Vec<String> {
        names.into_inner().unwrap_or_else(|p| p.into_inner()).names
    }
}

/// One task's buffers, reused from chunk to chunk.
#[derive(Default)]
struct Buffers {
    published: Vec<i64>,
    network_opt: Vec<Option<Network>>,
    network: Vec<Network>,
    content_type: Vec<Option<ContentType>>,
    pillar: Vec<Option<u32>>,
    campaign: Vec<Option<u32>>,
    metrics: Vec<Vec<f64>>,
    networks: TextMemo<Network>,
    types: TextMemo<ContentType>,
    pillars: TextMemo<u32>,
    campaigns: TextMemo<u32>,
    local: LocalOffsets,
}

struct Ctx<'a> {
    opts: &'a GroupOptions,
    pillars: &'a Mutex<Names>,
    campaigns: &'a Mutex<Names>,
}

/// Reads rows `lo..hi` of `batch` (row `offset` of the input at `lo`) and adds them to `g`.
fn add_chunk(
    ctx: &Ctx<'_>,
    g: &mut ColumnGrouper,
    b: &mut Buffers,
    (batch, l, offset): &(RecordBatch, Arc<Layout>, usize),
    lo: usize,
    hi: usize,
) -> Result<(), Error> {
    let offset = *offset;
    let part = |i: usize| -> ArrayRef {
        // The layout was made from this batch's schema: the index is in range.
        batch.columns().get(i).map_or_else(
            || Arc::new(arrow_array::NullArray::new(hi - lo)) as ArrayRef,
            |c| c.slice(lo, hi - lo),
        )
    };
    let row0 = offset + lo;
    seconds(
        part(l.published.0).as_ref(),
        &l.published.1,
        row0,
        ctx.opts.time_zone,
        &mut b.local,
        &mut b.published,
    )?;
    map_texts(
        part(l.network.0).as_ref(),
        &l.network.1,
        row0,
        &mut b.networks,
        str::parse::<Network>,
        &mut b.network_opt,
    )?;
    b.network.clear();
    for (i, n) in b.network_opt.iter().enumerate() {
        match n {
            Some(n) => b.network.push(*n),
            None => {
                return Err(super::columns::at_row(
                    &l.network.1,
                    row0 + i,
                    "no network (null): drop or fill the row",
                ));
            }
        }
    }
    b.content_type.clear();
    if let Some((i, name)) = &l.content_type {
        map_texts(
            part(*i).as_ref(),
            name,
            row0,
            &mut b.types,
            str::parse::<ContentType>,
            &mut b.content_type,
        )?;
    }
    for (at, names, memo, out) in [
        (&l.pillar, ctx.pillars, &mut b.pillars, &mut b.pillar),
        (
            &l.campaign,
            ctx.campaigns,
            &mut b.campaigns,
            &mut b.campaign,
        ),
    ] {
        out.clear();
        if let Some((i, name)) = at {
            map_texts(
                part(*i).as_ref(),
                name,
                row0,
                memo,
                |t| Names::code(names, t),
                out,
            )?;
        }
    }
    let cols: Vec<ArrayRef> = l.metrics.iter().map(|(_, i, _)| part(*i)).collect();
    b.metrics.resize_with(cols.len(), Vec::new);
    let mut metrics: [Option<&[f64]>; crate::kpi::group::METRICS] = Default::default();
    for (((f, _, name), col), buf) in l.metrics.iter().zip(&cols).zip(b.metrics.iter_mut()) {
        metrics[*f as usize] = Some(floats(col.as_ref(), name, buf)?);
    }
    g.add(&PostChunk {
        offset: row0,
        published: &b.published,
        network: &b.network,
        content_type: &b.content_type,
        pillar: &b.pillar,
        campaign: &b.campaign,
        metrics,
    })
}

/// Groups posts given as record batches and computes KPIs per group, as
/// [`crate::kpi::group::group_posts`] does over the same rows.
///
/// Columns are matched to post fields by name as the loaders match them (`mapping`: field →
/// column, for names they do not recognise). `published` is a timestamp (with a zone: an
/// instant; without: a local time in `opts.time_zone`), a date or ISO 8601 text; `network`,
/// `content_type`, `pillar` and `campaign` are text or dictionaries of text; metrics are numbers
/// of any width, null for missing. Errors name the column and the row.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{Float64Array, RecordBatch, StringArray, TimestampSecondArray};
/// use smo_core::kpi::{formula::Formula, group::{GroupBy, GroupOptions, Period}};
/// let batch = RecordBatch::try_from_iter([
///     ("published", Arc::new(TimestampSecondArray::from(vec![1_782_864_000, 1_785_542_400]).with_timezone("UTC")) as _),
///     ("network", Arc::new(StringArray::from(vec!["instagram", "Instagram"])) as _),
///     ("likes", Arc::new(Float64Array::from(vec![Some(10.0), None])) as _),
///     ("reach", Arc::new(Float64Array::from(vec![200.0, 100.0])) as _),
/// ])?;
/// let opts = GroupOptions { by: vec![GroupBy::Network], period: Some(Period::Month), ..Default::default() };
/// let kpis = [Formula::parse("engagement_rate")?];
/// let g = smo_core::arrow::group_post_batches([Ok(batch)], &kpis, &opts, &Default::default())?;
/// assert_eq!((g.rows[0].period.as_deref(), g.rows[0].values[0]), (Some("2026-07"), Some(5.0)));
/// let out = smo_core::arrow::grouped_batch(&g)?;
/// assert_eq!(out.schema().field(0).name(), "network");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn group_post_batches<I>(
    batches: I,
    kpis: &[Formula],
    opts: &GroupOptions,
    mapping: &BTreeMap<String, String>,
) -> Result<Grouped, Error>
where
    I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
{
    let mut g = PostBatchGrouper::new(kpis, opts, mapping);
    for batch in batches {
        let batch =
            batch.map_err(|e| bad_column("batches", format!("cannot read the batches: {e}")))?;
        g.push(batch)?;
    }
    g.finish()
}

/// [`group_post_batches`] a batch at a time, for hosts that make the batches themselves (a
/// binding converting its own columns, a reader that must let go of a lock between batches):
/// [`push`](Self::push) each batch, then [`finish`](Self::finish); or hand over a batch maker
/// to [`group_overlapped`](Self::group_overlapped). Rows are numbered across batches in errors;
/// batches are grouped in windows of about a million rows, in parallel.
pub struct PostBatchGrouper<'a> {
    kpis: &'a [Formula],
    opts: &'a GroupOptions,
    window: Window<'a>,
    pillars: Mutex<Names>,
    campaigns: Mutex<Names>,
    total: ColumnGrouper,
}

/// Batches of a window, each with its layout and the input row of its first row.
type Batches = Vec<(RecordBatch, Arc<Layout>, usize)>;

/// Batches waiting to be grouped, with the layout of their schema.
struct Window<'a> {
    mapping: &'a BTreeMap<String, String>,
    layout: Option<(SchemaRef, Arc<Layout>)>,
    batches: Batches,
    rows: usize,
    in_window: usize,
}

impl Window<'_> {
    /// Adds `batch`; `true` when the window is full.
    fn add(&mut self, batch: RecordBatch) -> Result<bool, Error> {
        // A stream keeps one schema; batches given one by one may differ (a column absent
        // from some is missing for their rows).
        let schema = batch.schema();
        let l = match &self.layout {
            Some((s, l)) if *s == schema => l.clone(),
            _ => {
                let l = Arc::new(Layout::of(&schema, self.mapping)?);
                self.layout = Some((schema, l.clone()));
                l
            }
        };
        let n = batch.num_rows();
        self.batches.push((batch, l, self.rows));
        self.rows += n;
        self.in_window += n;
        Ok(self.in_window >= WINDOW_ROWS)
    }

    fn take(&mut self) -> Batches {
        self.in_window = 0;
        std::mem::take(&mut self.batches)
    }
}

/// The totals of each chunk of `window`, in chunk order: merged in that order, the sums are
/// the same bits whatever the threads.
fn group_window(
    kpis: &[Formula],
    ctx: &Ctx<'_>,
    window: &[(RecordBatch, Arc<Layout>, usize)],
) -> Result<Vec<ColumnGrouper>, Error> {
    let tasks: Vec<(usize, usize, usize)> = window
        .iter()
        .enumerate()
        .flat_map(|(w, (b, _, _))| {
            (0..b.num_rows())
                .step_by(CHUNK_ROWS)
                .map(move |lo| (w, lo, (lo + CHUNK_ROWS).min(b.num_rows())))
        })
        .collect();
    tasks
        .par_iter()
        .map_init(
            || (ColumnGrouper::new(kpis, ctx.opts), Buffers::default()),
            |(g, buf), &(w, lo, hi)| {
                add_chunk(ctx, g, buf, &window[w], lo, hi)?;
                Ok::<_, Error>(g.take_totals())
            },
        )
        .collect()
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl<'a> PostBatchGrouper<'a> {
    /// A grouping of `kpis` by `opts`, columns matched by name (`mapping`: field → column).
    pub fn new(
        kpis: &'a [Formula],
        opts: &'a GroupOptions,
        mapping: &'a BTreeMap<String, String>,
    ) -> Self {
        PostBatchGrouper {
            kpis,
            opts,
            window: Window {
                mapping,
                layout: None,
                batches: Vec::new(),
                rows: 0,
                in_window: 0,
            },
            pillars: Mutex::new(Names::default()),
            campaigns: Mutex::new(Names::default()),
            total: ColumnGrouper::new(kpis, opts),
        }
    }

    /// Adds the rows of `batch`, grouping the window when it is full.
    pub fn push(&mut self, batch: RecordBatch) -> Result<(), Error> {
        if self.window.add(batch)? {
            self.flush()?;
        }
        Ok(())
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> usize {
        self.window.rows
    }

    fn flush(&mut self) -> Result<(), Error> {
        let window = self.window.take();
        let ctx = Ctx {
            opts: self.opts,
            pillars: &self.pillars,
            campaigns: &self.campaigns,
        };
        for g in group_window(self.kpis, &ctx, &window)? {
            self.total.merge(g);
        }
        Ok(())
    }

    /// Groups the batches `next` makes (`Ok(None)` at the end), calling it on this thread
    /// while the windows already made are grouped on `pool` (`None`: rayon's global pool): for
    /// a host whose conversion must run on one thread (a binding holding its interpreter's
    /// lock), making and grouping overlap. Call it from outside the pool. When two windows are
    /// being grouped already, the next is grouped before `next` is called again, so memory
    /// stays bounded. The outer error is `next`'s, which stops the grouping; the inner one the
    /// grouping's. The groups are those of [`push`](Self::push) over the same batches, to the
    /// bit: window totals are merged in window order. Batches are dropped on the calling
    /// thread, never on the pool's.
    pub fn group_overlapped<E>(
        mut self,
        pool: Option<&rayon::ThreadPool>,
        mut next: impl FnMut() -> Result<Option<RecordBatch>, E>,
    ) -> Result<Result<Grouped, Error>, E> {
        type Parts = Option<Result<Vec<ColumnGrouper>, Error>>;
        let done: Mutex<Vec<Parts>> = Mutex::new(Vec::new());
        let busy = std::sync::atomic::AtomicUsize::new(0);
        let spent: Mutex<Vec<Batches>> = Mutex::new(Vec::new());
        let ctx = Ctx {
            opts: self.opts,
            pillars: &self.pillars,
            campaigns: &self.campaigns,
        };
        let (kpis, window) = (self.kpis, &mut self.window);
        // One body for a given pool and the global one (a closure cannot name the scope's
        // lifetime; a macro stands in both places).
        macro_rules! body {
            ($s:ident) => {{
                let (done, busy, ctx, spent) = (&done, &busy, &ctx, &spent);
                loop {
                    drop(std::mem::take(&mut *lock(spent)));
                    let Some(batch) = next()? else {
                        return Ok(Ok(()));
                    };
                    match window.add(batch) {
                        Err(e) => return Ok(Err(e)),
                        Ok(false) => continue,
                        Ok(true) => {}
                    }
                    let w = window.take();
                    let k = {
                        let mut d = lock(done);
                        d.push(None);
                        d.len() - 1
                    };
                    use std::sync::atomic::Ordering::SeqCst;
                    if busy.load(SeqCst) >= 2 {
                        lock(done)[k] = Some(group_window(kpis, ctx, &w));
                        continue;
                    }
                    busy.fetch_add(1, SeqCst);
                    $s.spawn(move |_| {
                        let r = group_window(kpis, ctx, &w);
                        lock(done)[k] = Some(r);
                        // Dropped by the caller's thread: a batch may share a host's buffer
                        // whose release needs a lock that thread holds.
                        lock(spent).push(w);
                        busy.fetch_sub(1, SeqCst);
                    });
                }
            }};
        }
        let made: Result<Result<(), Error>, E> = match pool {
            Some(p) => p.in_place_scope(|s| body!(s)),
            None => rayon::in_place_scope(|s| body!(s)),
        };
        if let Err(e) = made? {
            return Ok(Err(e));
        }
        for parts in done.into_inner().unwrap_or_else(|p| p.into_inner()) {
            match parts {
                Some(Ok(parts)) => parts.into_iter().for_each(|g| self.total.merge(g)),
                Some(Err(e)) => return Ok(Err(e)),
                None => return Ok(Err(bad_column("batches", "a window was not grouped"))),
            }
        }
        Ok(match pool {
            Some(p) => p.install(|| self.finish()),
            None => self.finish(),
        })
    }

    /// The groups of every row pushed.
    pub fn finish(mut self) -> Result<Grouped, Error> {
        self.flush()?;
        self.total.finish(
            &Names::into_names(self.pillars),
            &Names::into_names(self.campaigns),
        )
    }
}

/// The schema of [`grouped_batch`] for a grouping: the key columns in the order of
/// [`GroupOptions::by`] (text), `period` (text, `2026-07`) and `period_start` (date) when
/// grouping by period, `posts` (the group size), then per KPI its value (float64, in the KPI's
/// unit; null when undefined) and `<kpi>_change_pct` (float64, % change from the previous
/// period with data). KPI columns are named as in [`Grouped::to_columns`].
pub fn grouped_schema(g: &Grouped) -> SchemaRef {
    Arc::new(Schema::new(
        columns(g)
            .into_iter()
            .map(|(name, kind)| {
                let (t, nullable) = match kind {
                    Col::Key(_) | Col::Period => (DataType::Utf8, false),
                    Col::PeriodStart => (DataType::Date32, false),
                    Col::Posts => (DataType::UInt64, false),
                    Col::Value(_) | Col::Change(_) => (DataType::Float64, true),
                };
                Field::new(name, t, nullable)
            })
            .collect::<Vec<_>>(),
    ))
}

#[derive(Clone, Copy)]
enum Col {
    Key(usize),
    Period,
    PeriodStart,
    Posts,
    Value(usize),
    Change(usize),
}

fn columns(g: &Grouped) -> Vec<(String, Col)> {
    let mut out: Vec<(String, Col)> =
        g.by.iter()
            .enumerate()
            .map(|(i, b)| (b.as_str().to_owned(), Col::Key(i)))
            .collect();
    if g.period.is_some() {
        out.push(("period".into(), Col::Period));
        out.push(("period_start".into(), Col::PeriodStart));
    }
    if !g.kpis.iter().any(|k| k.starts_with("posts@")) {
        out.push(("posts".into(), Col::Posts));
    }
    for (i, name) in g.kpi_column_names().into_iter().enumerate() {
        out.push((format!("{name}_change_pct"), Col::Change(i)));
        out.insert(out.len() - 1, (name, Col::Value(i)));
    }
    out
}

/// A grouping as one record batch, with the schema of [`grouped_schema`].
pub fn grouped_batch(g: &Grouped) -> Result<RecordBatch, Error> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let arrays: Vec<ArrayRef> = columns(g)
        .into_iter()
        .map(|(_, kind)| -> ArrayRef {
            match kind {
                Col::Key(k) => {
                    let mut b = StringBuilder::new();
                    for r in &g.rows {
                        b.append_value(r.keys.get(k).map_or("", |(_, v)| v.as_str()));
                    }
                    Arc::new(b.finish())
                }
                Col::Period => {
                    let mut b = StringBuilder::new();
                    for r in &g.rows {
                        b.append_value(r.period.as_deref().unwrap_or_default());
                    }
                    Arc::new(b.finish())
                }
                Col::PeriodStart => {
                    let mut b = Date32Builder::new();
                    for r in &g.rows {
                        let days = r.period_start.map_or(0, |d| (d - epoch).num_days());
                        b.append_value(i32::try_from(days).unwrap_or_default());
                    }
                    Arc::new(b.finish())
                }
                Col::Posts => {
                    let mut b = UInt64Builder::new();
                    for r in &g.rows {
                        b.append_value(r.posts);
                    }
                    Arc::new(b.finish())
                }
                Col::Value(i) | Col::Change(i) => {
                    let mut b = Float64Builder::new();
                    for r in &g.rows {
                        let v = if matches!(kind, Col::Value(_)) {
                            r.values.get(i)
                        } else {
                            r.change_pct.get(i)
                        };
                        b.append_option(v.copied().flatten());
                    }
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    RecordBatch::try_new(grouped_schema(g), arrays)
        .map_err(|e| bad_column("result", format!("cannot build the record batch: {e}")))
}
