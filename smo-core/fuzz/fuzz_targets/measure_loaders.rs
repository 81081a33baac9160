//! Fuzzes the measurement loaders: arbitrary bytes as CSV and JSON for posts, accounts, web
//! analytics and costs. Nothing may panic and no CSV record may be lost: every record is read or
//! rejected with its line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::data::{AccountRow, CostRow, LoadOptions, PostRow, Table, WebRow, load_csv, load_json};

fn one<T: Table>(text: &str, opts: &LoadOptions) {
    let _ = load_json::<T>(text, opts);
    let _ = load_csv::<T>(text, opts);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for decimal_comma in [false, true] {
        let opts = LoadOptions { decimal_comma, ..Default::default() };
        one::<PostRow>(&text, &opts);
        one::<AccountRow>(&text, &opts);
        one::<WebRow>(&text, &opts);
        one::<CostRow>(&text, &opts);
    }
});
