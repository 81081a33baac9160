//! Posts grouped straight from a CSV reader, a block of rows at a time, so that a metrics export
//! of any size goes through in memory bounded by the block.
//!
//! Each block of about [`CSV_BLOCK_BYTES`] is cut at a record boundary (a newline outside
//! quotes), read by the posts loader with the header in front, and its rows added to the running
//! totals of a [`ColumnGrouper`]; then the block is dropped. The groups, values and rejected
//! rows are those of [`crate::data::load_csv`] then [`super::group_posts`] on the whole text,
//! line numbers included.

use std::collections::HashMap;
use std::io::BufRead;

use rayon::prelude::*;

use super::{CHUNK_ROWS, ColumnGrouper, GroupOptions, Grouped, PostColumns};
use crate::data::{LoadOptions, PostRow, Rejected, load_csv};
use crate::error::{Error, Result};
use crate::kpi::formula::{Formula, PostField};

/// Bytes of CSV read per block.
pub const CSV_BLOCK_BYTES: usize = 16 << 20;

/// The result of [`group_posts_csv_reader`]: the groups, and every row that was not read.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamedGroups {
    /// KPIs per group.
    pub grouped: Grouped,
    /// Rows read and grouped.
    pub rows: u64,
    /// Rows rejected, with their line in the input and why.
    pub rejected: Vec<Rejected>,
    /// Input columns matched to no field.
    pub ignored_columns: Vec<String>,
}

/// Where the last record of `buf` that ends with a newline outside quotes ends (RFC 4180: a
/// doubled quote inside a quoted field toggles twice, so parity tells quoted from not).
fn last_record_end(buf: &[u8]) -> Option<usize> {
    let mut in_quotes = false;
    let mut end = None;
    for i in memchr::memchr2_iter(b'"', b'\n', buf) {
        match buf[i] {
            b'"' => in_quotes = !in_quotes,
            _ if !in_quotes => end = Some(i + 1),
            _ => {}
        }
    }
    end
}

/// Names of pillars or campaigns over the whole input, so that codes agree from block to block.
#[derive(Default)]
struct Names {
    codes: HashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn code(&mut self, name: &Option<String>) -> Option<u32> {
        let n = name.as_ref()?;
        if let Some(c) = self.codes.get(n) {
            return Some(*c);
        }
        let c = u32::try_from(self.names.len()).ok()?;
        self.names.push(n.clone());
        self.codes.insert(n.clone(), c);
        Some(c)
    }
}

fn columns(rows: &[PostRow], pillars: &mut Names, campaigns: &mut Names) -> PostColumns {
    let mut c = PostColumns {
        published: rows.iter().map(|p| p.published.timestamp()).collect(),
        network: rows.iter().map(|p| p.network).collect(),
        content_type: rows.iter().map(|p| p.content_type).collect(),
        pillar: rows.iter().map(|p| pillars.code(&p.pillar)).collect(),
        campaign: rows.iter().map(|p| campaigns.code(&p.campaign)).collect(),
        ..Default::default()
    };
    for f in PostField::ALL {
        if rows.iter().any(|p| f.get(p).is_some()) {
            c.metrics.insert(
                f,
                rows.iter().map(|p| f.get(p).unwrap_or(f64::NAN)).collect(),
            );
        }
    }
    c
}

fn add(
    total: &mut ColumnGrouper,
    cols: &PostColumns,
    kpis: &[Formula],
    opts: &GroupOptions,
) -> Result<()> {
    let n = cols.len();
    // Totals per chunk, merged in chunk order: the same sums whatever the threads.
    let parts = (0..n)
        .step_by(CHUNK_ROWS)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map_init(
            || ColumnGrouper::new(kpis, opts),
            |g, lo| {
                g.add(&cols.chunk(lo..(lo + CHUNK_ROWS).min(n)))?;
                Ok::<_, Error>(g.take_totals())
            },
        )
        .collect::<Result<Vec<_>, Error>>()?;
    for g in parts {
        total.merge(g);
    }
    Ok(())
}

/// Groups the posts of a CSV export read from `reader` (header first) and computes `kpis` per
/// group, a block at a time: the result of loading the whole text with `load` and grouping
/// it, in memory bounded by [`CSV_BLOCK_BYTES`]. Bytes that are not UTF-8 are decoded as U+FFFD,
/// which the typed fields reject with their line, as [`load_csv`] does with a lossy decode.
///
/// Errors when the reader fails, the header lacks a required column, or in strict mode at the
/// first bad row.
///
/// ```
/// use smo_core::kpi::{formula::Formula, group::{GroupBy, GroupOptions, group_posts_csv_reader}};
/// let csv = "published,network,post_id,reach\n2026-07-01 09:30,instagram,p1,100\n2026-07-02 10:00,Instagram,p2,50\nbad,instagram,p3,1\n";
/// let opts = GroupOptions { by: vec![GroupBy::Network], ..Default::default() };
/// let s = group_posts_csv_reader(csv.as_bytes(), &Default::default(), &[Formula::parse("reach")?], &opts)?;
/// assert_eq!((s.rows, s.grouped.rows[0].values[0]), (2, Some(150.0)));
/// assert_eq!(s.rejected[0].line, 4);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn group_posts_csv_reader<R: BufRead>(
    reader: R,
    load: &LoadOptions,
    kpis: &[Formula],
    opts: &GroupOptions,
) -> Result<StreamedGroups> {
    group_blocks(reader, load, kpis, opts, CSV_BLOCK_BYTES)
}

fn group_blocks<R: BufRead>(
    mut reader: R,
    load: &LoadOptions,
    kpis: &[Formula],
    opts: &GroupOptions,
    block_bytes: usize,
) -> Result<StreamedGroups> {
    let read_err = |line: u64, e: std::io::Error| Error::Argument {
        name: "reader".into(),
        message: format!("reading line {line}: {e}"),
    };
    let mut header = Vec::new();
    reader
        .read_until(b'\n', &mut header)
        .map_err(|e| read_err(1, e))?;
    let header = String::from_utf8_lossy(&header).into_owned();
    let header = if header.ends_with('\n') {
        header
    } else {
        format!("{header}\n")
    };
    let mut total = ColumnGrouper::new(kpis, opts);
    let (mut pillars, mut campaigns) = (Names::default(), Names::default());
    let mut out = StreamedGroups {
        grouped: Grouped {
            kpis: Vec::new(),
            by: Vec::new(),
            period: None,
            rows: Vec::new(),
        },
        rows: 0,
        rejected: Vec::new(),
        ignored_columns: Vec::new(),
    };
    // Physical lines and records before the current block (the header is line 1).
    let (mut lines_before, mut records_before) = (1u64, 0u64);
    let mut buf: Vec<u8> = Vec::with_capacity(block_bytes + (64 << 10));
    let mut first = true;
    let mut target = block_bytes;
    loop {
        let mut eof = false;
        while buf.len() < target {
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| read_err(lines_before + 1, e))?;
            if n == 0 {
                eof = true;
                break;
            }
        }
        let cut = if eof {
            buf.len()
        } else {
            last_record_end(&buf).unwrap_or(0)
        };
        if cut == 0 && !eof {
            // One record longer than a block (a quoted field over many lines): read on.
            target = buf.len() + block_bytes;
            continue;
        }
        target = block_bytes;
        let block = &buf[..cut];
        if !block.iter().all(u8::is_ascii_whitespace) || first {
            let text = format!("{header}{}", String::from_utf8_lossy(block));
            let loaded = load_csv::<PostRow>(&text, load)?;
            if first {
                out.ignored_columns = loaded.ignored_columns.clone();
                first = false;
            }
            let records = (loaded.rows.len() + loaded.rejected.len()) as u64;
            for mut r in loaded.rejected {
                r.line += lines_before - 1;
                r.record += records_before;
                out.rejected.push(r);
            }
            out.rows += loaded.rows.len() as u64;
            let cols = columns(&loaded.rows, &mut pillars, &mut campaigns);
            drop(loaded.rows);
            add(&mut total, &cols, kpis, opts)?;
            records_before += records;
        }
        lines_before += memchr::memchr_iter(b'\n', block).count() as u64;
        buf.drain(..cut);
        if eof {
            break;
        }
    }
    out.grouped = total.finish(&pillars.names, &campaigns.names)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::kpi::group::{GroupBy, Period, group_posts};

    /// The example posts, with quoted fields holding delimiters, quotes and newlines, a bad
    /// row and bytes that are not UTF-8.
    fn csv() -> Vec<u8> {
        let mut out =
            b"published,network,post_id,pillar,campaign,likes,comments,reach,impressions,clicks\n"
                .to_vec();
        let nets = ["instagram", "Facebook", "x", "linkedin"];
        for i in 0..3_000u32 {
            let pillar = match i % 4 {
                0 => "\"Savoir-faire, \"\"lin\"\"\nlavé\"".to_owned(),
                1 => "Maison".to_owned(),
                2 => String::new(),
                _ => format!("P{}", i % 7),
            };
            let line = format!(
                "2026-{:02}-{:02} {:02}:30,{},p{i},{pillar},c{},{},{},{},{},{}\n",
                1 + i % 12,
                1 + i % 28,
                i % 24,
                nets[(i % 4) as usize],
                i % 3,
                i % 50,
                i % 7,
                100 + i,
                150 + i,
                i % 9
            );
            out.extend_from_slice(line.as_bytes());
            if i == 1_234 {
                out.extend_from_slice(b"not a date,instagram,bad,Maison,c1,1,1,1,1,1\n");
            }
            if i == 2_001 {
                out.extend_from_slice(
                    b"2026-03-03 10:00,instagram,p\xff\xfe,Maison,c1,\xc3(,1,1,1,1\n",
                );
            }
        }
        out
    }

    #[test]
    fn blocks_give_the_whole_texts_groups_rows_and_lines() {
        let bytes = csv();
        let text = String::from_utf8_lossy(&bytes);
        let load = LoadOptions::default();
        let whole = load_csv::<PostRow>(&text, &load).unwrap();
        assert_eq!(whole.rejected.len(), 2);
        let kpis: Vec<Formula> = ["posts", "reach", "engagement_rate", "click_through_rate"]
            .iter()
            .map(|k| Formula::parse(k).unwrap())
            .collect();
        for (by, period) in [
            (vec![GroupBy::Network], Some(Period::Month)),
            (vec![GroupBy::Pillar, GroupBy::Campaign], Some(Period::Week)),
        ] {
            let opts = GroupOptions {
                by,
                period,
                ..Default::default()
            };
            let want = group_posts(&whole.rows, &kpis, &opts);
            for block in [1, 64, 1_000, 4_096, 1 << 20] {
                let got = group_blocks(&bytes[..], &load, &kpis, &opts, block).unwrap();
                assert_eq!(got.rows as usize, whole.rows.len(), "block {block}");
                assert_eq!(got.rejected, whole.rejected, "block {block}");
                assert_eq!(got.grouped.rows.len(), want.rows.len());
                for (g, w) in got.grouped.rows.iter().zip(&want.rows) {
                    assert_eq!((&g.keys, &g.period, g.posts), (&w.keys, &w.period, w.posts));
                    for (a, b) in g.values.iter().zip(&w.values) {
                        match (a, b) {
                            (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0)),
                            _ => assert_eq!(a, b),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_header_without_a_required_column_is_an_error_and_empty_input_is_empty() {
        let opts = GroupOptions::default();
        let kpis = [Formula::parse("posts").unwrap()];
        let e = group_posts_csv_reader(
            &b"date,reach\n2026-07-01,1\n"[..],
            &Default::default(),
            &kpis,
            &opts,
        );
        assert!(e.unwrap_err().to_string().contains("network"));
        let s = group_posts_csv_reader(
            &b"published,network,post_id\n"[..],
            &Default::default(),
            &kpis,
            &opts,
        )
        .unwrap();
        assert_eq!((s.rows, s.grouped.rows.len()), (0, 0));
    }
}
