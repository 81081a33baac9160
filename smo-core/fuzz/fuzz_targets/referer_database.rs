//! Fuzzes the user's referrer databases: arbitrary bytes read as Snowplow and Matomo files
//! (YAML and JSON), merged over the embedded table, then used to classify. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| smo_core_fuzz_referer_database(data));

include!("referer_database_property.rs");
