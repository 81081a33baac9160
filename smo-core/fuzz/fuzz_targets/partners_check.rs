//! Fuzzes the link-exchange path: the bytes before the first NUL are a ledger (CSV or JSON),
//! the rest one HTML page handed in for every page the ledger names. Nothing may panic; every
//! agreement read is checked, every finding names an agreement of the ledger, and a link said
//! to be there is listed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| smo_core_fuzz_partners(data));

include!("partners_check_property.rs");
