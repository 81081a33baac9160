//! Hashtag suggestions: the golden vectors shared with Python and Kotlin
//! (`tests/golden/hashtags/cases.json`), and the count the limits table advises.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use smo_core::hashtags::suggest_hashtags;
use smo_core::{Network, Strategy};

#[test]
fn hashtag_golden_vectors() {
    let s = Strategy::example().unwrap();
    let mut failures = Vec::new();
    for (path, file) in support::golden("hashtags") {
        for case in file["cases"].as_array().unwrap() {
            let name = format!("{}:{}", path.display(), case["name"].as_str().unwrap());
            let network: Network = case["network"].as_str().unwrap().parse().unwrap();
            let strategy = case["strategy"].as_bool().unwrap_or(false).then_some(&s);
            let got = suggest_hashtags(case["text"].as_str().unwrap(), network, strategy, None);
            support::subset(
                &serde_json::json!(got),
                &case["expect"],
                &name,
                &mut failures,
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
