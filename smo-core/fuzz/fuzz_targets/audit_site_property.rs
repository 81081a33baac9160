// The property of the `audit_site` fuzz target, included by the target and by the stable
// regression test so that both check the same thing.

/// Pages split at NUL, audited as one site: every page once in the report, every finding on a
/// page given.
fn smo_core_fuzz_site(data: &[u8]) {
    use smo_core::Strategy;
    use smo_core::audit::{SiteOptions, audit_site};
    let pages: Vec<(String, &[u8])> = data
        .split(|&b| b == 0)
        .take(12)
        .enumerate()
        .map(|(i, html)| {
            let url = if i == 0 {
                "https://www.maisonlune.fr/".to_owned()
            } else {
                format!("https://www.maisonlune.fr/p/{i}")
            };
            (url, html)
        })
        .collect();
    let Ok(strategy) = Strategy::example() else { return };
    let Ok(report) = audit_site(
        pages.iter().map(|(u, h)| (u.clone(), h.to_vec())),
        Some(&strategy),
        &SiteOptions::default(),
    ) else {
        return;
    };
    assert_eq!(report.pages.len(), pages.len());
    for f in &report.findings {
        assert!(pages.iter().any(|(u, _)| *u == f.url), "finding on an unknown page {}", f.url);
    }
}
