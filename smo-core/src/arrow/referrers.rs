//! Referrers given as an Arrow column, classified into a record batch of medium, source,
//! network, search term and GA4-model channel.
//!
//! Web logs repeat a few thousand referrers millions of times, so each chunk of rows classifies
//! its distinct referrers once (a dictionary column: once per dictionary value) and the rows
//! take codes. The result is dictionary-encoded the same way: a column of a hundred million
//! rows is a few bytes per row, and pandas reads the dictionaries as categoricals.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use arrow_array::types::{Int8Type, Int32Type};
use arrow_array::{Array, ArrayRef, DictionaryArray, Int8Array, Int32Array, LargeStringArray};
use arrow_array::{RecordBatch, StringArray};
use arrow_buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;

use super::columns::{TextColumn, bad_column};
use crate::error::Error;
use crate::network::Network;
use crate::traffic::channel::Channel;
use crate::traffic::domains::Medium;
use crate::traffic::fnv::Fnv;
use crate::traffic::referrer::{ClassifyOptions, classify_hit};

/// Rows per task.
const CHUNK_ROWS: usize = 65_536;

fn dict(key: DataType) -> DataType {
    DataType::Dictionary(Box::new(key), Box::new(DataType::Utf8))
}

/// The schema of [`classify_referrer_array`]: `medium` (dictionary of the medium ids:
/// `social`, `search`, …), `source` (dictionary of display names or hosts), `network`
/// (dictionary of network ids, null when not social), `term` (large string, null when the
/// referrer carries no search term) and `channel` (dictionary of GA4-model channel names).
pub fn referrers_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("medium", dict(DataType::Int8), false),
        Field::new("source", dict(DataType::Int32), false),
        Field::new("network", dict(DataType::Int8), true),
        Field::new("term", DataType::LargeUtf8, true),
        Field::new("channel", dict(DataType::Int8), false),
    ]))
}

/// One chunk's classification: rows as codes into the chunk's distinct sources.
#[derive(Default)]
struct Part {
    medium: Vec<i8>,
    channel: Vec<i8>,
    /// `-1`: no network.
    network: Vec<i8>,
    source: Vec<u32>,
    sources: Vec<String>,
    term_lens: Vec<i64>,
    term_valid: Vec<bool>,
    term_bytes: Vec<u8>,
}

fn index_of<T: PartialEq>(all: &[T], x: &T) -> i8 {
    i8::try_from(all.iter().position(|a| a == x).unwrap_or(0)).unwrap_or(0)
}

fn classify_part(
    refs: &TextColumn<'_>,
    pages: Option<&TextColumn<'_>>,
    page_url: Option<&str>,
    opts: &ClassifyOptions,
    lo: usize,
    hi: usize,
) -> Part {
    type Class = (i8, i8, i8, u32, Option<(usize, usize)>);
    let mut p = Part::default();
    let mut source_codes: HashMap<String, u32, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut terms: Vec<u8> = Vec::new();
    let mut by_text: HashMap<(&str, Option<&str>), Class, BuildHasherDefault<Fnv>> =
        HashMap::default();
    let mut by_key: Vec<Option<Class>> = match (refs.dictionary_len(), pages) {
        (Some(n), None) => vec![None; n],
        _ => Vec::new(),
    };
    let n = hi - lo;
    p.medium.reserve(n);
    p.channel.reserve(n);
    p.network.reserve(n);
    p.source.reserve(n);
    p.term_lens.reserve(n);
    p.term_valid.reserve(n);
    for i in lo..hi {
        let key = refs.key(i).filter(|k| *k < by_key.len());
        let cached = key.and_then(|k| by_key[k]);
        let class = match cached {
            Some(c) => c,
            None => {
                let r = refs.get(i).unwrap_or("");
                let page = pages.and_then(|p| p.get(i)).or(page_url);
                match by_text.get(&(r, page)) {
                    Some(c) => *c,
                    None => {
                        let h = classify_hit(r, page, opts);
                        let ch = h.channel();
                        let next = u32::try_from(p.sources.len()).unwrap_or(u32::MAX);
                        let code = *source_codes.entry(h.source.to_string()).or_insert_with(|| {
                            p.sources.push(h.source.to_string());
                            next
                        });
                        let term = h.term.as_deref().map(|t| {
                            let at = terms.len();
                            terms.extend_from_slice(t.as_bytes());
                            (at, t.len())
                        });
                        let c = (
                            index_of(&Medium::ALL, &h.medium),
                            ch as i8,
                            h.network.map_or(-1, |n| n as i8),
                            code,
                            term,
                        );
                        by_text.insert((r, page), c);
                        c
                    }
                }
            }
        };
        if let Some(k) = key {
            by_key[k] = Some(class);
        }
        let (m, ch, nw, src, term) = class;
        p.medium.push(m);
        p.channel.push(ch);
        p.network.push(nw);
        p.source.push(src);
        match term {
            Some((at, len)) => {
                p.term_bytes.extend_from_slice(&terms[at..at + len]);
                p.term_lens.push(len as i64);
                p.term_valid.push(true);
            }
            None => {
                p.term_lens.push(0);
                p.term_valid.push(false);
            }
        }
    }
    p
}

/// Classifies each referrer of a text column (nulls are direct visits) as
/// [`crate::traffic::referrer::classify_with`] does, in parallel, into a record batch with the
/// schema of [`referrers_schema`], row for row. `pages` is the landing page of each row (for
/// internal traffic and paid click ids); `page_url` stands for a null or absent page.
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray, types::Int8Type};
/// use smo_core::traffic::referrer::ClassifyOptions;
/// let refs = StringArray::from(vec![Some("https://t.co/abc"), None, Some("https://www.google.fr/search?q=draps")]);
/// let out = smo_core::arrow::classify_referrer_array(&refs, None, None, &ClassifyOptions::default())?;
/// let medium = out.column(0).as_dictionary::<Int8Type>();
/// let ids = medium.values().as_string::<i32>();
/// let media: Vec<&str> = medium.keys().iter().map(|k| ids.value(k.unwrap() as usize)).collect();
/// assert_eq!(media, ["social", "direct", "search"]);
/// assert_eq!(out.column(3).as_string::<i64>().value(2), "draps");
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn classify_referrer_array(
    referrers: &dyn Array,
    pages: Option<&dyn Array>,
    page_url: Option<&str>,
    opts: &ClassifyOptions,
) -> Result<RecordBatch, Error> {
    let refs = TextColumn::new(referrers, "referrers")?;
    let pages = pages.map(|p| TextColumn::new(p, "pages")).transpose()?;
    if let Some(p) = &pages {
        if p.len() != refs.len() {
            return Err(bad_column(
                "pages",
                format!(
                    "{} pages for {} referrers: give one landing page per referrer",
                    p.len(),
                    refs.len()
                ),
            ));
        }
    }
    let n = refs.len();
    let parts: Vec<Part> = (0..n)
        .step_by(CHUNK_ROWS)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|lo| {
            classify_part(
                &refs,
                pages.as_ref(),
                page_url,
                opts,
                lo,
                (lo + CHUNK_ROWS).min(n),
            )
        })
        .collect();
    assemble(parts, n)
}

fn assemble(parts: Vec<Part>, n: usize) -> Result<RecordBatch, Error> {
    let build = |e: arrow_schema::ArrowError| {
        bad_column("result", format!("cannot build the record batch: {e}"))
    };
    // Sources: one dictionary for all chunks.
    let mut names: Vec<String> = Vec::new();
    let mut codes: HashMap<String, i32> = HashMap::new();
    let mut remaps: Vec<Vec<i32>> = Vec::with_capacity(parts.len());
    for p in &parts {
        let mut remap = Vec::with_capacity(p.sources.len());
        for s in &p.sources {
            let next = i32::try_from(names.len())
                .map_err(|_| bad_column("referrers", "more than 2 billion distinct sources"))?;
            remap.push(*codes.entry(s.clone()).or_insert_with(|| {
                names.push(s.clone());
                next
            }));
        }
        remaps.push(remap);
    }
    let mut medium = Vec::with_capacity(n);
    let mut channel = Vec::with_capacity(n);
    let mut network = Vec::with_capacity(n);
    let mut source = Vec::with_capacity(n);
    let mut term_lens = Vec::with_capacity(n);
    let mut term_valid = Vec::with_capacity(n);
    let mut term_bytes = Vec::new();
    for (p, remap) in parts.into_iter().zip(&remaps) {
        medium.extend_from_slice(&p.medium);
        channel.extend_from_slice(&p.channel);
        network.extend_from_slice(&p.network);
        source.extend(p.source.iter().map(|c| remap[*c as usize]));
        term_lens.extend_from_slice(&p.term_lens);
        term_valid.extend_from_slice(&p.term_valid);
        term_bytes.extend_from_slice(&p.term_bytes);
    }
    let ids = |all: &[&'static str]| -> ArrayRef { Arc::new(StringArray::from(all.to_vec())) };
    let network_valid: Vec<bool> = network.iter().map(|k| *k >= 0).collect();
    let network_keys: Vec<i8> = network.iter().map(|k| (*k).max(0)).collect();
    let arrays: Vec<ArrayRef> = vec![
        Arc::new(
            DictionaryArray::<Int8Type>::try_new(
                Int8Array::from(medium),
                ids(&Medium::ALL.map(Medium::as_str)),
            )
            .map_err(build)?,
        ),
        Arc::new(
            DictionaryArray::<Int32Type>::try_new(
                Int32Array::from(source),
                Arc::new(StringArray::from(names)),
            )
            .map_err(build)?,
        ),
        Arc::new(
            DictionaryArray::<Int8Type>::try_new(
                Int8Array::new(
                    ScalarBuffer::from(network_keys),
                    Some(NullBuffer::from(network_valid)),
                ),
                ids(&Network::ALL.map(Network::as_str)),
            )
            .map_err(build)?,
        ),
        Arc::new(
            LargeStringArray::try_new(
                OffsetBuffer::from_lengths(term_lens.iter().map(|l| *l as usize)),
                term_bytes.into(),
                Some(NullBuffer::from(term_valid)),
            )
            .map_err(build)?,
        ),
        Arc::new(
            DictionaryArray::<Int8Type>::try_new(
                Int8Array::from(channel),
                ids(&Channel::ALL.map(Channel::as_str)),
            )
            .map_err(build)?,
        ),
    ];
    RecordBatch::try_new(referrers_schema(), arrays).map_err(build)
}
