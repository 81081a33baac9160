//! Fuzzes the iCalendar reader and the planner behind it: arbitrary bytes read as a feed (an
//! error must name a line; events must run forwards), then the events given to a plan, whose ICS
//! must read back with one event per slot.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::Strategy;
use smo_core::calendar::{PlanOptions, ics::IcsRead, plan, read_ics};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let opts = IcsRead {
        from: "2027-01-01".parse().ok(),
        to: "2027-12-31".parse().ok(),
        max_events: 5_000,
        ..Default::default()
    };
    let events = match read_ics(&text, &opts) {
        Ok(e) => e,
        Err(e) => {
            assert!(e.to_string().contains("line "), "{e}");
            return;
        }
    };
    for e in &events {
        assert!(e.start <= e.end);
    }
    let Ok(strategy) = Strategy::example() else { return };
    let opts = PlanOptions { events, ..Default::default() };
    if let Ok(p) = plan(&strategy, "2027-03-01".parse().unwrap_or_default(), "2027-03-14".parse().unwrap_or_default(), &opts) {
        let ics = p.to_ics(chrono::DateTime::UNIX_EPOCH, false);
        let back = read_ics(&ics, &IcsRead::default()).unwrap_or_default();
        assert_eq!(back.len(), p.slots.len());
    }
});
