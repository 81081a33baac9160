//! Fuzzes the strategy readers: arbitrary bytes as TOML and as JSON. Nothing may panic; a
//! strategy that reads must validate (every rule runs), round-trip through both formats, and
//! give its watch brands and listening queries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::Strategy;
use smo_core::strategy::rules::ValidateOptions;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for s in [Strategy::from_toml(&text), Strategy::from_json(&text)].into_iter().flatten() {
        let _ = s.validate(&ValidateOptions::default());
        let _ = smo_core::listening::setup::brands(&s);
        let _ = smo_core::listening::setup::queries(&s);
        if let Ok(json) = s.to_json() {
            let back = Strategy::from_json(&json).expect("a strategy's JSON reads back");
            assert_eq!(back, s);
        }
    }
});
