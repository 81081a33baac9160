//! Fuzzes the text parser: arbitrary bytes through the byte API (invalid UTF-8 must be an error,
//! never a panic), then, for valid text, every counter, the extractor, the post checks and the
//! thread splitter, with the offset invariants the Rust tests also assert.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| smo_core_fuzz_text(data));

include!("text_parse_property.rs");
