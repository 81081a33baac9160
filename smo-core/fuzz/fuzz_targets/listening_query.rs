//! Fuzzes the query parser and matcher: arbitrary text as a query (an error must carry its
//! offset and column, inside the query), and every query that parses run on a few mentions,
//! explained, and exported to FTS5 and Elasticsearch; matches must agree with the index search.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::Error;
use smo_core::listening::{Mention, Query, search_all};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Query::parse(text) {
        Err(Error::Query { offset, .. }) => assert!(offset as usize <= text.len()),
        Err(e) => panic!("not a query error: {e}"),
        Ok(q) => {
            let at = "2027-01-01T00:00:00Z".parse().unwrap_or_default();
            let ms = vec![
                Mention::new("a", at, text),
                Mention::new("b", at, "Le linge de lit en lin lavé de @MaisonLune #slowliving"),
                Mention::new("c", at, "washed linen sheets, l'atelier des Vosges 🙂"),
            ];
            let one: Vec<usize> = (0..ms.len()).filter(|i| q.matches(&ms[*i])).collect();
            assert_eq!(search_all(std::slice::from_ref(&q), &ms)[0], one);
            for m in &ms {
                assert_eq!(q.explain(m).matched, q.matches(m));
            }
            let _ = q.to_fts5();
            let _ = q.to_elasticsearch();
        }
    }
});
