//! The hasher of the sentiment tables: every token of every text is looked up once or twice,
//! so hashing is on the hot path. The keys are short words (a median of 6 bytes) and the
//! tables are static (built once from smo's own files), so there is no flooding concern and a
//! hash can take 8 bytes at a time: one 64×64→128-bit multiply per 8 bytes, folded (the high
//! half xored into the low half) so that both ends of the result depend on every input bit
//! (hashbrown takes the bucket from the low bits and its tag from the top 7). FNV-1a, used
//! before, costs a multiply per byte.
//!
//! The hash only chooses buckets: which key a lookup finds is decided by string equality, so
//! no score depends on it.

use std::hash::{BuildHasherDefault, Hasher};

/// An odd constant with its bits spread (the 64-bit golden ratio).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The product's two halves folded together.
fn fold_mul(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Hashes words 8 bytes at a time (see the module docs).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // The length goes in first: `a` and `a\0` differ once zero-padded.
        let mut h = fold_mul(self.0 ^ bytes.len() as u64 ^ K, K);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = fold_mul(h ^ u64::from_le_bytes(w), K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = fold_mul(h ^ u64::from_le_bytes(w), K);
        }
        self.0 = h;
    }

    /// `str`'s `Hash` ends with `write_u8(0xff)`; the length already separates keys, so the
    /// byte is xored into the low bits rather than costing another multiply.
    fn write_u8(&mut self, b: u8) {
        self.0 ^= u64::from(b);
    }
}

/// For `HashMap<_, _, Build>`.
pub(crate) type Build = BuildHasherDefault<WordHasher>;

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn spreads_the_lexicon_keys() {
        // Every English key: distinct hashes, and the top 7 bits (hashbrown's tag) and the low
        // bits (its bucket) both spread.
        let keys: Vec<&str> = include_str!("../../../data/sentiment/en.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        let hashes: Vec<u64> = keys.iter().map(|k| Build::default().hash_one(k)).collect();
        let distinct: HashSet<u64> = hashes.iter().copied().collect();
        assert_eq!(distinct.len(), keys.len());
        let tags: HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        assert_eq!(tags.len(), 128);
        let low: HashSet<u64> = hashes.iter().map(|h| h & 0x1fff).collect();
        assert!(low.len() > 4000, "{}", low.len());
    }
}
