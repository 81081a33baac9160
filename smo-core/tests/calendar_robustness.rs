//! Bad calendar input never panics: the seeds of the `calendar_ics` fuzz target
//! (`smo-core/fuzz/seeds/calendar_ics`), thousands of deterministic mutations of them and of
//! smo's own ICS output, and the fuzzer's minimised corpus (`smo-core/fuzz/regressions/
//! calendar_ics`, where every crash input it finds is kept too), read on stable Rust in the
//! normal test run.
//! Errors name their line; what reads is consistent; a plan's ICS reads back one event a slot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use smo_core::Strategy;
use smo_core::calendar::{PlanOptions, ics::IcsRead, plan, read_ics};

fn seeds() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/calendar_ics");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "seeds missing in {}", dir.display());
    let mut out: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let p = plan(
        &Strategy::example().unwrap(),
        "2027-03-22".parse().unwrap(),
        "2027-04-04".parse().unwrap(),
        &PlanOptions::default(),
    )
    .unwrap();
    out.push(p.to_ics(chrono::DateTime::UNIX_EPOCH, false).into_bytes());
    out
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const TOKENS: [&[u8]; 14] = [
    b"\r\n",
    b"\r\n ",
    b":",
    b";",
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"END:VCALENDAR\r\n",
    b"RRULE:FREQ=DAILY;COUNT=99999\r\n",
    b"DTSTART;VALUE=DATE:00000101\r\n",
    b"\"",
    b"\\",
    b"DURATION:P9999999999D\r\n",
    "é\u{feff}".as_bytes(),
    b"\xff\xfe",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.next() % 4 {
        let at = if v.is_empty() {
            0
        } else {
            (rng.next() as usize) % v.len()
        };
        match rng.next() % 4 {
            0 => {
                let end = (at + 1 + (rng.next() as usize) % 40).min(v.len());
                v.drain(at..end);
            }
            1 => {
                let t = TOKENS[(rng.next() as usize) % TOKENS.len()];
                v.splice(at..at, t.iter().copied());
            }
            2 if !v.is_empty() => v[at] = rng.next() as u8,
            _ => {
                let end = (at + (rng.next() as usize) % 200).min(v.len());
                let chunk = v[at..end].to_vec();
                v.splice(at..at, chunk);
            }
        }
    }
    v
}

fn check(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let opts = IcsRead {
        from: "2027-01-01".parse().ok(),
        to: "2027-12-31".parse().ok(),
        max_events: 5_000,
        ..Default::default()
    };
    match read_ics(&text, &opts) {
        Ok(events) => {
            for e in &events {
                assert!(e.start <= e.end, "{e:?}");
            }
            true
        }
        Err(e) => {
            assert!(e.to_string().contains("line "), "error without a line: {e}");
            false
        }
    }
}

#[test]
fn seeds_and_mutations_never_panic() {
    let seeds = seeds();
    let (mut ok, mut errors) = (0, 0);
    let mut rng = Rng(0x01C5_5EED);
    for seed in &seeds {
        if check(seed) {
            ok += 1
        } else {
            errors += 1
        }
        for _ in 0..1_500 {
            if check(&mutate(&mut rng, seed)) {
                ok += 1
            } else {
                errors += 1
            }
        }
    }
    println!(
        "{} inputs: {ok} read, {errors} refused with a line number",
        ok + errors
    );
    assert!(
        ok > 100 && errors > 100,
        "the mutations must exercise both paths: {ok} read, {errors} refused"
    );
}

#[test]
fn the_fuzzers_corpus_still_reads() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/calendar_ics");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        check(&std::fs::read(entry.unwrap().path()).unwrap());
        n += 1;
    }
    assert!(n > 100, "{n} inputs in {}", dir.display());
}

#[test]
fn the_plans_own_ics_reads_back_one_event_a_slot() {
    let p = plan(
        &Strategy::example().unwrap(),
        "2027-01-01".parse().unwrap(),
        "2027-03-31".parse().unwrap(),
        &PlanOptions::default(),
    )
    .unwrap();
    let back = read_ics(
        &p.to_ics(chrono::DateTime::UNIX_EPOCH, true),
        &IcsRead::default(),
    )
    .unwrap();
    assert_eq!(back.len(), p.slots.len());
}
