//! What several test files share: a seeded generator and the golden-vector reader.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;
use smo_core::Error;

/// xorshift64*: a reproducible generator, no dependency, so a failure reproduces.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The golden files of `tests/golden/<area>`, sorted, parsed.
pub fn golden(area: &str) -> Vec<(PathBuf, serde_json::Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden")
        .join(area);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no golden files in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v)
        })
        .collect()
}

/// The error kind golden files name, the same on every surface (Python's and Kotlin's error
/// classes map to these ids).
pub fn kind(e: &Error) -> &'static str {
    match e {
        Error::Parse { .. } => "parse",
        Error::Invalid { .. } => "invalid_value",
        Error::UnknownNetwork { .. } => "unknown_network",
        Error::UnknownRule { .. } => "unknown_rule",
        Error::Argument { .. } => "invalid_argument",
        Error::Row { .. } => "row",
        _ => "other",
    }
}

/// Checks that every key of `want` is in `got` with the same value (numbers within 1e-9, arrays
/// of the same length, element by element); keys `want` does not list are not checked. Each
/// difference is pushed onto `out` with its path.
pub fn subset(got: &Value, want: &Value, at: &str, out: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => subset(gv, wv, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}: missing")),
                }
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                out.push(format!("{at}: {} items, want {}", g.len(), w.len()));
            }
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                subset(gv, wv, &format!("{at}[{i}]"), out);
            }
        }
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (
                g.as_f64().unwrap_or(f64::NAN),
                w.as_f64().unwrap_or(f64::NAN),
            );
            if (g - w).abs() > 1e-9 * w.abs().max(1.0) {
                out.push(format!("{at}: {g}, want {w}"));
            }
        }
        (g, w) if g == w => {}
        (g, w) => out.push(format!("{at}: {g}, want {w}")),
    }
}
