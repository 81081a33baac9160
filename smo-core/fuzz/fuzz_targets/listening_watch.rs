//! Fuzzes the watch analytics end to end: the first line of the input is split into brand
//! queries (`|`-separated), the rest is read as JSON-lines mentions, and every watch function
//! runs on them. Nothing may panic; a result's shares add up to 100 % where anything is counted,
//! and every mention in scope is attributed or counted as unattributed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smo_core::data::{LoadOptions, load_json_lines};
use smo_core::kpi::group::Period;
use smo_core::listening::{
    AlertOptions, Brand, InfluenceOptions, Mention, ThemeOptions, VoiceOptions, Weights, alerts,
    influencers, share_of_voice, themes,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (head, body) = text.split_once('\n').unwrap_or((&text, ""));
    let brands: Vec<Brand> = head
        .split('|')
        .take(8)
        .enumerate()
        .map(|(i, q)| Brand { name: format!("b{i}"), own: i == 0, query: q.to_owned() })
        .collect();
    let Ok(l) = load_json_lines::<Mention>(body, &LoadOptions::default()) else { return };
    let opts = VoiceOptions { period: Some(Period::Week), by_network: true, ..Default::default() };
    if let Ok(s) = share_of_voice(&l.rows, &brands, &opts) {
        let d = &s.denominator;
        assert_eq!(d.attributed + d.unattributed, d.in_scope);
        let total: f64 = s.totals.iter().filter_map(|r| r.share_mentions).sum();
        assert!(s.totals.iter().all(|r| r.mentions == 0) || (total - 100.0).abs() < 1e-6);
    }
    let w = InfluenceOptions { weights: Some(Weights::EQUAL), top: Some(5), ..Default::default() };
    if let Ok(r) = influencers(&l.rows, &brands, &w) {
        assert!(r.authors.windows(2).all(|p| p[0].rank <= p[1].rank));
    }
    if let Ok(t) = themes(&l.rows, &brands, &ThemeOptions { min_mentions: 1, min_authors: 1, ..Default::default() }) {
        assert!(t.themes.iter().all(|x| x.mention_ids.len() as u64 == x.mentions));
    }
    let _ = alerts(&l.rows, &brands, &AlertOptions { window: 2, min_mentions: 1, ..Default::default() });
});
