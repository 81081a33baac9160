// The property of the `partners_check` fuzz target, included by the target and by the stable
// regression test so that both check the same thing.
/// The property, shared with the stable regression test (`smo-core/tests/fuzz_regressions.rs`).
fn smo_core_fuzz_partners(data: &[u8]) {
    use smo_core::partners::{self, CheckOptions, LinkState};
    let (ledger, html) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let Ok(loaded) = partners::load(&String::from_utf8_lossy(ledger), &Default::default()) else {
        return;
    };
    let urls: Vec<String> = loaded
        .rows
        .iter()
        .flat_map(|p| [Some(p.their_page.to_string()), p.our_page.as_ref().map(|u| u.to_string())])
        .flatten()
        .collect();
    let pages: Vec<(&str, &[u8])> = urls.iter().map(|u| (u.as_str(), html)).collect();
    let Ok(options) = CheckOptions::for_site("https://www.brand.example/") else { return };
    let report = partners::check_partners(&loaded.rows, &pages, &[], &options)
        .expect("a check with default rules cannot fail");
    assert_eq!(report.partners.len(), loaded.rows.len());
    for f in &report.findings {
        let path = f.location.path.as_deref().unwrap_or("");
        let i: usize = path
            .strip_prefix("partners[")
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse().ok())
            .expect("a finding names its agreement");
        assert!(i < loaded.rows.len());
    }
    for c in &report.partners {
        for side in std::iter::once(&c.inbound).chain(c.outbound.as_ref()) {
            if matches!(side.state, LinkState::Present | LinkState::Changed) {
                assert!(!side.links.is_empty());
            }
        }
    }
}
