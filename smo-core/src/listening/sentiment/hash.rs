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

/// A word of at most [`SHORT`] bytes as two integers, zero-padded, with its length: equal words
/// have equal keys and, the length being part of the key, different words have different ones
/// (`a` and `a\0` too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Short {
    lo: u64,
    hi: u64,
    len: u32,
}

/// The longest word a [`Short`] holds.
pub(crate) const SHORT: usize = 16;

impl Short {
    /// The key of `b`, or `None` when it is empty or longer than [`SHORT`]. The bytes are read
    /// with two overlapping loads, whatever the length (1–3: three single bytes; 4–7: two 4-byte
    /// words; 8–16: two 8-byte words), so no byte-by-byte copy or `memcpy` call: where the
    /// loads overlap, the bytes are the same and or-ing them changes nothing.
    #[inline]
    pub fn of(b: &[u8]) -> Option<Short> {
        let n = b.len();
        let (lo, hi) = if n >= 8 {
            let first = u64::from_le_bytes(*b.first_chunk::<8>()?);
            if n == 8 {
                (first, 0)
            } else if n <= SHORT {
                // The last 8 bytes, moved down so that byte 8 of the word is the lowest.
                let last = u64::from_le_bytes(*b.last_chunk::<8>()?);
                (first, last >> (8 * (SHORT - n)))
            } else {
                return None;
            }
        } else if n >= 4 {
            let a = u32::from_le_bytes(*b.first_chunk::<4>()?);
            let z = u32::from_le_bytes(*b.last_chunk::<4>()?);
            (u64::from(a) | (u64::from(z) << (8 * (n - 4))), 0)
        } else if n > 0 {
            let (a, m, z) = (b[0], b[n / 2], b[n - 1]);
            (
                u64::from(a) | (u64::from(m) << (8 * (n / 2))) | (u64::from(z) << (8 * (n - 1))),
                0,
            )
        } else {
            return None;
        };
        Some(Short {
            lo,
            hi,
            len: n as u32,
        })
    }

    /// Both words and the length in one multiply, folded (see the module docs).
    #[inline]
    fn hash(self) -> u64 {
        fold_mul(
            self.lo ^ K,
            self.hi ^ u64::from(self.len).rotate_right(8) ^ K.rotate_left(29),
        )
    }
}

/// A static table from words of at most [`SHORT`] bytes to numbers (indices into the
/// caller's values): open addressing with linear probing over a power-of-two array at most half
/// full, each slot holding the key's integers beside the number (24 bytes), so a lookup is one
/// multiply and, most of the time, one or two slots of integer compares (no string comparison,
/// no `memcmp`). A slot of length 0 is empty.
#[derive(Debug, Clone, Default)]
pub(crate) struct ShortTable {
    slots: Vec<Slot>,
    mask: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u32,
    value: u32,
}

impl Slot {
    fn key(&self) -> Short {
        Short {
            lo: self.lo,
            hi: self.hi,
            len: self.len,
        }
    }
}

impl ShortTable {
    /// The table of `entries`, every key of at most [`SHORT`] bytes and not empty (the caller
    /// keeps the others elsewhere: they are left out). A key given twice keeps its last value.
    pub fn new<'k>(entries: impl IntoIterator<Item = (&'k [u8], u32)>) -> Self {
        let entries: Vec<(Short, u32)> = entries
            .into_iter()
            .filter_map(|(k, v)| Some((Short::of(k)?, v)))
            .collect();
        let size = (entries.len() * 2).next_power_of_two().max(2);
        let mut t = ShortTable {
            slots: vec![Slot::default(); size],
            mask: size - 1,
        };
        for (k, value) in entries {
            let mut i = k.hash() as usize & t.mask;
            loop {
                let slot = &mut t.slots[i];
                if slot.len == 0 || slot.key() == k {
                    *slot = Slot {
                        lo: k.lo,
                        hi: k.hi,
                        len: k.len,
                        value,
                    };
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        t
    }

    /// The number of the key.
    #[inline]
    pub fn get(&self, k: Short) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = k.hash() as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            // One test for the three fields (no branch per field).
            if (slot.lo ^ k.lo) | (slot.hi ^ k.hi) | u64::from(slot.len ^ k.len) == 0 {
                return Some(slot.value);
            }
            if slot.len == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn short_keys_are_the_words() {
        // Every length, the zero-padded bytes; words that differ in any one byte, or by a
        // trailing NUL, have different keys.
        let word = b"abcdefghijklmnopq";
        for n in 1..=SHORT {
            let k = Short::of(&word[..n]).unwrap();
            assert_eq!(k.len as usize, n);
            let mut padded = [0u8; 16];
            padded[..n].copy_from_slice(&word[..n]);
            assert_eq!(k.lo, u64::from_le_bytes(padded[..8].try_into().unwrap()));
            assert_eq!(k.hi, u64::from_le_bytes(padded[8..].try_into().unwrap()));
            for at in 0..n {
                let mut other = word[..n].to_vec();
                other[at] = b'Z';
                assert_ne!(Short::of(&other), Some(k));
            }
        }
        assert_eq!(
            Short::of(b"a\0"),
            Some(Short {
                lo: 0x61,
                hi: 0,
                len: 2
            })
        );
        assert_ne!(Short::of(b"a\0"), Short::of(b"a"));
        assert_eq!(Short::of(b""), None);
        assert_eq!(Short::of(&word[..17]), None);
        let t = ShortTable::new((0..SHORT).map(|i| (&word[..=i], i as u32)));
        for n in 1..=SHORT {
            assert_eq!(t.get(Short::of(&word[..n]).unwrap()), Some(n as u32 - 1));
        }
        assert_eq!(t.get(Short::of(b"zz").unwrap()), None);
    }

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
