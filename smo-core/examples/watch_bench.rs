//! Scale of the watch analytics (a benchmark, not a test): the example brand's quarter of
//! mentions repeated to `N` mentions (default 1,000,000; ids made unique, dates kept), then each
//! watch function timed once on one process (all cores).
//!
//! `cargo run --release -p smo-core --example watch_bench [N]`

use std::time::Instant;

use smo_core::Strategy;
use smo_core::data::{LoadOptions, load_json_lines};
use smo_core::listening::{
    self, AlertOptions, InfluenceOptions, Mention, ThemeOptions, VoiceOptions, Weights,
};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let text = include_str!("../../docs/examples/maison-lune/data/mentions.jsonl");
    let base = match load_json_lines::<Mention>(text, &LoadOptions::default()) {
        Ok(l) => l.rows,
        Err(e) => return eprintln!("{e}"),
    };
    let mentions: Vec<Mention> = (0..n)
        .map(|i| {
            let mut m = base[i % base.len()].clone();
            m.id = format!("{}-{i}", m.id);
            m.author.handle = format!("{}{}", m.author.handle, i / base.len() % 50);
            m
        })
        .collect();
    let Ok(s) = Strategy::example() else { return };
    let brands = listening::setup::brands(&s);
    println!(
        "{n} mentions, {} brands, {} threads",
        brands.len(),
        rayon::current_num_threads()
    );
    let time = |what: &str, f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let k = f();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{what:<28} {secs:>7.2} s  {:>9.0} mentions/s  ({k} rows)",
            n as f64 / secs
        );
    };
    let voice = VoiceOptions {
        period: Some(smo_core::kpi::group::Period::Week),
        by_network: true,
        ..Default::default()
    };
    time("share_of_voice (week, net)", &|| {
        listening::share_of_voice(&mentions, &brands, &voice).map_or(0, |r| r.rows.len())
    });
    let inf = InfluenceOptions {
        weights: Some(Weights::EQUAL),
        top: Some(10),
        ..Default::default()
    };
    time("influencers (composite)", &|| {
        listening::influencers(&mentions, &brands, &inf).map_or(0, |r| r.authors.len())
    });
    time("themes", &|| {
        listening::themes(&mentions, &brands, &ThemeOptions::default())
            .map_or(0, |r| r.themes.len())
    });
    time("alerts", &|| {
        listening::alerts(&mentions, &brands, &AlertOptions::default())
            .map_or(0, |r| r.alerts.len())
    });
}
