//! Fuzzes the feed path: arbitrary bytes as an RSS, Atom or JSON feed, then the recent-content
//! check on the example strategy. Nothing may panic; a parse error gives a position or says
//! where it could not; every draft's URL carries the channel's UTM source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::Strategy;
use smo_core::feed::parse_feed;
use smo_core::feed::push::{PushOptions, unshared_content};

fuzz_target!(|data: &[u8]| {
    let Ok(feed) = parse_feed(data) else { return };
    let Ok(strategy) = Strategy::example() else { return };
    let now = "2026-09-30T12:00:00Z".parse().unwrap_or_default();
    if let Ok(out) = unshared_content(&feed, &[], &strategy, &PushOptions::at(now)) {
        for u in out {
            for d in u.drafts {
                assert!(d.url.contains(&format!("utm_source={}", d.network.as_str())));
            }
        }
    }
});
