//! Fuzzes the site audit: the bytes split at NUL are the pages of one site (URLs made from
//! their index, one of them the home page), audited with the example strategy. Nothing may
//! panic; every page given is in the report once, and every finding names a page given.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| smo_core_fuzz_site(data));

include!("audit_site_property.rs");
