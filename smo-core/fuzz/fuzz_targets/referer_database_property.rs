// The property of the `referer_database` fuzz target, included by the target and by the stable
// regression test so that both check the same thing.

/// Arbitrary bytes as a user's referrer file in every format: a typed error or a database; with
/// a database, classifying a few referrers (and hosts taken from the input) never panics and
/// reports the custom version.
fn smo_core_fuzz_referer_database(data: &[u8]) {
    use smo_core::traffic::refdb::{RefererFile, RefererFormat, load_referer_database};
    use smo_core::traffic::{ClassifyOptions, classify_with};
    let text = String::from_utf8_lossy(data);
    for format in [
        RefererFormat::Auto,
        RefererFormat::Snowplow,
        RefererFormat::MatomoSearch,
        RefererFormat::MatomoSocial,
    ] {
        let Ok(db) = load_referer_database(&[RefererFile { name: "fuzz", text: &text, format }])
        else {
            continue;
        };
        assert_eq!(db.files().len(), 1);
        let opts = ClassifyOptions {
            database: Some(std::sync::Arc::new(db)),
            ..Default::default()
        };
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '[' | ']'))
            .filter(|w| w.contains('.'))
            .take(8)
            .collect();
        for w in words.iter().copied().chain(["https://www.google.fr/search?q=x", "https://deref-gmx.net/"]) {
            let r = classify_with(&format!("https://{w}/s/x?q=y#q=z"), None, &opts);
            assert_eq!(r.table_version, "smo-referrers@2026-12+custom");
            let _ = classify_with(w, None, &opts);
        }
    }
}
