//! The watch analytics on the example brand's listening set and on hand-built cases: shares add
//! up, denominators say what was counted, influencer ranks are stable under ties, themes link to
//! their mentions, spikes are found where the data has them, and a benchmark explains itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{DateTime, Duration, Utc};
use smo_core::data::{self, LoadOptions, PostRow};
use smo_core::kpi::formula::Formula;
use smo_core::listening::{
    self, AlertOptions, Author, BenchmarkOptions, Brand, InfluenceOptions, Mention, ThemeOptions,
    VoiceOptions, Weights, alerts, benchmark, influencers, share_of_voice, themes,
};
use smo_core::{Error, Strategy};

fn example() -> (Vec<Brand>, Vec<Mention>) {
    let s = Strategy::example().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/examples/maison-lune/data/mentions.jsonl"
    ))
    .unwrap();
    let l = data::load_json_lines::<Mention>(&text, &LoadOptions::default()).unwrap();
    assert!(l.rejected.is_empty(), "{:?}", l.rejected);
    (listening::setup::brands(&s), l.rows)
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn m(id: &str, day: &str, author: &str, followers: Option<u64>, text: &str) -> Mention {
    let mut m = Mention::new(id, at(&format!("{day}T10:00:00Z")), text);
    m.author = Author {
        handle: author.into(),
        name: None,
        followers,
    };
    m
}

#[test]
fn example_share_of_voice_adds_up() {
    let (brands, mentions) = example();
    let opts = VoiceOptions {
        period: Some(smo_core::kpi::group::Period::Month),
        by_network: true,
        ..VoiceOptions::default()
    };
    let s = share_of_voice(&mentions, &brands, &opts).unwrap();
    let d = &s.denominator;
    assert_eq!(d.mentions as usize, mentions.len());
    assert_eq!(d.in_scope, d.mentions);
    assert!(d.unattributed > 0 && d.multi_brand > 0, "{d:?}");
    let counted: u64 = s.totals.iter().map(|r| r.mentions).sum();
    assert_eq!(
        counted,
        d.attributed + d.multi_brand,
        "a two-brand mention counts twice"
    );
    for cut in [&s.totals[..]]
        .into_iter()
        .chain(s.rows.chunks(brands.len()))
    {
        let share: f64 = cut.iter().filter_map(|r| r.share_mentions).sum();
        if cut.iter().any(|r| r.mentions > 0) {
            assert!((share - 100.0).abs() < 1e-9, "{cut:?}");
        }
        assert!(
            cut.iter()
                .map(|r| &r.brand)
                .eq(brands.iter().map(|b| &b.name))
        );
    }
    println!("totals: {:#?}", s.totals);
    let own = s.own().unwrap();
    assert_eq!(own.brand, "Maison Lune");
    let split = own.sentiment;
    assert_eq!(
        split.positive + split.negative + split.neutral + split.unscored,
        own.mentions
    );
}

#[test]
fn example_influencers_themes_alerts() {
    let (brands, mentions) = example();
    let inf = influencers(
        &mentions,
        &brands,
        &InfluenceOptions {
            weights: Some(Weights::EQUAL),
            top: Some(10),
            ..InfluenceOptions::default()
        },
    )
    .unwrap();
    for w in inf.authors.windows(2) {
        assert!(w[0].rank <= w[1].rank);
        assert!(w[0].composite >= w[1].composite);
    }
    for a in &inf.authors[..3] {
        println!(
            "{} {} {:?} {} {:.1} {:?} {:?} {:?}",
            a.rank,
            a.handle,
            a.followers,
            a.mentions,
            a.relevance,
            a.resonance,
            a.amplification,
            a.composite
        );
    }
    let th = themes(&mentions, &brands, &ThemeOptions::default()).unwrap();
    for t in &th.themes {
        println!(
            "{} {} {} {} {:?} {:?}",
            t.rank, t.phrase, t.mentions, t.authors, t.net_sentiment, t.trend_pct
        );
        assert_eq!(t.mention_ids.len() as u64, t.mentions);
        assert_eq!(t.series.iter().map(|p| p.mentions).sum::<u64>(), t.mentions);
        assert_eq!(t.first_half + t.second_half, t.mentions);
    }
    assert!(
        th.themes.iter().all(
            |t| !["maison lune", "atelier brume", "lune", "brume"].contains(&t.phrase.as_str())
        )
    );
    let al = alerts(&mentions, &brands, &AlertOptions::default()).unwrap();
    for a in &al.findings {
        println!("{a}");
    }
    assert!(
        al.alerts.iter().any(|a| a.rule == "watch/volume-spike"
            && a.brand == "Maison Lune"
            && a.day == "2026-08-27"),
        "{:#?}",
        al.alerts
    );
    assert!(
        al.alerts.iter().any(|a| a.rule == "watch/negative-spike"
            && a.brand == "Draps & Cie"
            && a.day.starts_with("2026-09-1")),
        "{:#?}",
        al.alerts
    );
    assert_eq!(al.findings.len(), al.alerts.len());
}

#[test]
fn shares_are_of_the_quantity_named() {
    let brands = [Brand::own("A", "alpha"), Brand::new("B", "beta")];
    let mut x = m("1", "2026-04-01", "u1", Some(1000), "alpha is great");
    x.engagement.likes = Some(30);
    let mut y = m("2", "2026-04-01", "u2", Some(3000), "beta is awful");
    y.engagement.likes = Some(10);
    let z = m("3", "2026-04-02", "u3", None, "beta today");
    let s = share_of_voice(&[x, y, z], &brands, &VoiceOptions::default()).unwrap();
    let (a, b) = (&s.totals[0], &s.totals[1]);
    let close = |x: Option<f64>, y: f64| assert!((x.unwrap() - y).abs() < 1e-9, "{x:?} vs {y}");
    close(a.share_mentions, 100.0 / 3.0);
    close(b.share_mentions, 200.0 / 3.0);
    assert_eq!(
        (a.share_engagement, b.share_engagement),
        (Some(75.0), Some(25.0))
    );
    assert_eq!((a.share_reach, b.share_reach), (Some(25.0), Some(75.0)));
    assert_eq!((b.engagement_unknown, b.reach_unknown), (1, 1));
    assert_eq!(
        (a.share_positive, b.share_negative),
        (Some(100.0), Some(100.0))
    );
    assert_eq!(b.net_sentiment_polar, Some(-100.0));
    assert_eq!(b.net_sentiment_all, Some(-50.0));
}

#[test]
fn export_brand_column_wins_and_unknown_brands_are_counted() {
    let brands = [
        Brand::own("Maison Lune", "lune"),
        Brand::new("Brume", "brume"),
    ];
    let mut a = m("1", "2026-04-01", "u", None, "lune et brume");
    a.brand = Some("brume".into());
    let mut b = m("2", "2026-04-01", "u", None, "lune");
    b.brand = Some("Autre".into());
    let s = share_of_voice(&[a, b], &brands, &VoiceOptions::default()).unwrap();
    assert_eq!((s.totals[0].mentions, s.totals[1].mentions), (0, 1));
    let d = &s.denominator;
    assert_eq!(
        (d.by_export, d.unknown_brand, d.unattributed, d.multi_brand),
        (1, 1, 1, 0)
    );
}

#[test]
fn periods_and_filters_bound_the_scope() {
    let brands = [Brand::own("A", "alpha")];
    let ms: Vec<Mention> = (0..10)
        .map(|i| {
            let mut x = m(
                &i.to_string(),
                "2026-04-01",
                "u",
                None,
                if i % 2 == 0 { "alpha en" } else { "alpha fr" },
            );
            x.published += Duration::days(i);
            x.lang = Some(if i % 2 == 0 { "en" } else { "fr" }.into());
            x
        })
        .collect();
    let opts = VoiceOptions {
        watch: listening::WatchOptions {
            from: Some(at("2026-04-03T00:00:00Z")),
            to: Some(at("2026-04-08T00:00:00Z")),
            filter: Some("lang:fr".into()),
            ..Default::default()
        },
        period: Some(smo_core::kpi::group::Period::Day),
        ..Default::default()
    };
    let s = share_of_voice(&ms, &brands, &opts).unwrap();
    assert_eq!(s.denominator.in_scope, 2, "days 4 and 6 (ids 3, 5)");
    assert_eq!(
        s.rows.len(),
        3,
        "2026-04-04 to 2026-04-06, the empty day included"
    );
    let bad = VoiceOptions {
        watch: listening::WatchOptions {
            filter: Some("lang:".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    match share_of_voice(&ms, &brands, &bad).unwrap_err() {
        Error::Invalid { path, message } => {
            assert_eq!(path, "filter");
            assert!(message.contains("column"), "{message}");
        }
        e => panic!("{e:?}"),
    }
    let dup = [Brand::own("A", "alpha"), Brand::new("a", "beta")];
    assert!(
        matches!(share_of_voice(&ms, &dup, &VoiceOptions::default()), Err(Error::Invalid { path, .. }) if path == "brands[1].name")
    );
    let bad_q = [Brand::own("A", "alpha AND")];
    assert!(
        matches!(share_of_voice(&ms, &bad_q, &VoiceOptions::default()), Err(Error::Invalid { path, .. }) if path == "brands[0].query")
    );
}

#[test]
fn influencer_ties_share_a_rank_in_a_stable_order() {
    let brands = [Brand::own("A", "alpha")];
    let ms = vec![
        m("1", "2026-04-01", "zoe", Some(100), "alpha"),
        m("2", "2026-04-01", "bob", Some(100), "alpha"),
        m("3", "2026-04-01", "amy", Some(100), "alpha"),
        m("4", "2026-04-01", "amy", Some(100), "alpha again"),
        m("5", "2026-04-01", "amy", Some(100), "nothing"),
    ];
    let r = influencers(&ms, &brands, &InfluenceOptions::default()).unwrap();
    let got: Vec<(u64, &str)> = r
        .authors
        .iter()
        .map(|a| (a.rank, a.handle.as_str()))
        .collect();
    assert_eq!(got, [(1, "amy"), (2, "bob"), (2, "zoe")]);
    assert!((r.authors[0].relevance - 200.0 / 3.0).abs() < 1e-9);
    let top1 = influencers(
        &ms,
        &brands,
        &InfluenceOptions {
            top: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(top1.authors.len(), 3, "the tie at the cut stays");
    let w = InfluenceOptions {
        weights: Some(Weights {
            reach: -1.0,
            ..Weights::EQUAL
        }),
        ..Default::default()
    };
    assert!(
        matches!(influencers(&ms, &brands, &w), Err(Error::Invalid { path, .. }) if path == "weights.reach")
    );
}

#[test]
fn alerts_need_a_full_window_and_a_real_spike() {
    let brands = [Brand::own("A", "alpha")];
    let mut ms = Vec::new();
    for d in 0..20 {
        let n = if d == 16 { 12 } else { 2 };
        for k in 0..n {
            let mut x = m(&format!("{d}-{k}"), "2026-04-01", "u", None, "alpha");
            x.published += Duration::days(d);
            ms.push(x);
        }
    }
    let a = alerts(&ms, &brands, &AlertOptions::default()).unwrap();
    assert_eq!(a.alerts.len(), 1, "{:#?}", a.alerts);
    let x = &a.alerts[0];
    assert_eq!(
        (x.day.as_str(), x.count, x.baseline_mean, x.baseline_sd),
        ("2026-04-17", 12, 2.0, 0.0)
    );
    assert!((x.spread - 2f64.sqrt()).abs() < 1e-12, "Poisson floor √2");
    assert!(
        a.findings[0].message.contains("z = 7.1"),
        "{}",
        a.findings[0].message
    );
    let off = AlertOptions {
        rules: smo_core::RuleConfig {
            disabled: ["watch/volume-spike".to_owned()].into(),
            ..Default::default()
        },
        ..AlertOptions::default()
    };
    assert!(alerts(&ms, &brands, &off).unwrap().findings.is_empty());
    assert!(
        alerts(
            &ms,
            &brands,
            &AlertOptions {
                window: 0,
                ..AlertOptions::default()
            }
        )
        .is_err()
    );
}

#[test]
fn example_benchmark_explains_its_differences() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/examples/maison-lune/data/public-posts.csv"
    ))
    .unwrap();
    let posts: Vec<PostRow> = data::load_csv::<PostRow>(&text, &LoadOptions::default())
        .unwrap()
        .rows;
    let kpis: Vec<Formula> = [
        "engagement_rate?basis=followers&actions=likes+comments+shares",
        "posts",
        "engagements?actions=likes+comments+shares",
    ]
    .iter()
    .map(|k| Formula::parse(k).unwrap())
    .collect();
    let b = benchmark(
        &posts,
        &kpis,
        &BenchmarkOptions {
            own: Some("maison lune".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(b.accounts, ["Maison Lune", "Atelier Brume", "Draps & Cie"]);
    for k in &b.kpis {
        assert_eq!(k.explanations.len(), 2);
        for e in &k.explanations {
            println!("{e}");
        }
    }
    let er = &b.kpis[0];
    let own = &er.values[0];
    assert_eq!(own.used + own.excluded, own.posts);
    assert!(
        er.explanations[0].starts_with("Atelier Brume: "),
        "{}",
        er.explanations[0]
    );
    assert!(
        benchmark(
            &posts,
            &[Formula::parse("share_of_voice").unwrap()],
            &BenchmarkOptions::default()
        )
        .is_err()
    );
    assert!(
        benchmark(
            &posts,
            &kpis,
            &BenchmarkOptions {
                own: Some("Nobody".into()),
                ..Default::default()
            }
        )
        .is_err()
    );
}

mod support;

/// The fuzz target's properties on the stable toolchain: the seeds and regressions of
/// `smo-core/fuzz/{seeds,regressions}/listening_watch` and thousands of deterministic mutations
/// of them (bytes flipped, cut, repeated) run through every watch function without a panic, with
/// shares adding up and every mention in scope counted once as attributed or not.
#[test]
fn fuzz_corpus_and_mutations_hold() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for dir in ["seeds/listening_watch", "regressions/listening_watch"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            inputs.extend(rd.filter_map(|e| std::fs::read(e.ok()?.path()).ok()));
        }
    }
    assert!(!inputs.is_empty(), "no seeds under {}", root.display());
    let mut rng = support::Rng(0x0057_4154_4348);
    let base = inputs.clone();
    for _ in 0..500 {
        let mut x = base[rng.below(base.len())].clone();
        for _ in 0..1 + rng.below(4) {
            if x.is_empty() {
                x.push(b'{');
            }
            let at = rng.below(x.len());
            match rng.below(4) {
                0 => x[at] = rng.next() as u8,
                1 => x.truncate(at),
                2 => {
                    let piece: Vec<u8> = x[at..(at + 16).min(x.len())].to_vec();
                    x.splice(at..at, piece);
                }
                _ => x.insert(at, b"|\n\"{}#@*~:"[rng.below(10)]),
            }
        }
        inputs.push(x);
    }
    for input in &inputs {
        let text = String::from_utf8_lossy(input);
        let (head, body) = text.split_once('\n').unwrap_or((&text, ""));
        let brands: Vec<Brand> = head
            .split('|')
            .take(8)
            .enumerate()
            .map(|(i, q)| Brand {
                name: format!("b{i}"),
                own: i == 0,
                query: q.to_owned(),
            })
            .collect();
        let Ok(l) = data::load_json_lines::<Mention>(body, &LoadOptions::default()) else {
            continue;
        };
        let opts = VoiceOptions {
            period: Some(smo_core::kpi::group::Period::Week),
            by_network: true,
            ..Default::default()
        };
        if let Ok(s) = share_of_voice(&l.rows, &brands, &opts) {
            let d = &s.denominator;
            assert_eq!(d.attributed + d.unattributed, d.in_scope);
            let total: f64 = s.totals.iter().filter_map(|r| r.share_mentions).sum();
            assert!(s.totals.iter().all(|r| r.mentions == 0) || (total - 100.0).abs() < 1e-6);
        }
        let w = InfluenceOptions {
            weights: Some(Weights::EQUAL),
            top: Some(5),
            ..Default::default()
        };
        if let Ok(r) = influencers(&l.rows, &brands, &w) {
            assert!(r.authors.windows(2).all(|p| p[0].rank <= p[1].rank));
        }
        let t = ThemeOptions {
            min_mentions: 1,
            min_authors: 1,
            ..Default::default()
        };
        if let Ok(t) = themes(&l.rows, &brands, &t) {
            assert!(
                t.themes
                    .iter()
                    .all(|x| x.mention_ids.len() as u64 == x.mentions)
            );
        }
        let _ = alerts(
            &l.rows,
            &brands,
            &AlertOptions {
                window: 2,
                min_mentions: 1,
                ..Default::default()
            },
        );
    }
}

#[test]
fn a_stray_date_is_refused_for_series_and_costs_nothing_for_alerts() {
    let brands = [Brand::own("A", "alpha")];
    let mut old = m("1", "2026-04-01", "u", None, "alpha");
    old.published = at("1970-01-01T00:00:00Z");
    let ms = vec![old, m("2", "2026-04-01", "u", None, "alpha")];
    let daily = VoiceOptions {
        period: Some(smo_core::kpi::group::Period::Day),
        ..Default::default()
    };
    match share_of_voice(&ms, &brands, &daily).unwrap_err() {
        Error::Argument { name, message } => {
            assert_eq!(name, "period");
            assert!(
                message.contains("1970-01-01 to 2026-04-01") && message.contains("from/to"),
                "{message}"
            );
        }
        e => panic!("{e:?}"),
    }
    let weekly = VoiceOptions {
        period: Some(smo_core::kpi::group::Period::Week),
        ..Default::default()
    };
    assert_eq!(
        share_of_voice(&ms, &brands, &weekly).unwrap().rows.len(),
        2936,
        "Mondays 1969-12-29 to 2026-03-30: 20,545 days / 7 + 1"
    );
    assert!(
        alerts(&ms, &brands, &AlertOptions::default())
            .unwrap()
            .alerts
            .is_empty()
    );
    let th = ThemeOptions {
        period: smo_core::kpi::group::Period::Day,
        ..Default::default()
    };
    assert!(themes(&ms, &brands, &th).is_err());
}

#[test]
fn link_words_are_not_themes_and_many_links_stay_linear() {
    let brands = [Brand::own("Alpha", "alpha")];
    let ms: Vec<Mention> = (0..4)
        .map(|i| {
            m(
                &i.to_string(),
                "2026-04-01",
                &format!("u{i}"),
                None,
                "alpha lin lavé (www.example.com/offre-speciale) https://t.co/AbC",
            )
        })
        .collect();
    let t = themes(&ms, &brands, &ThemeOptions::default()).unwrap();
    let phrases: Vec<&str> = t.themes.iter().map(|t| t.phrase.as_str()).collect();
    assert!(phrases.contains(&"lin lavé"), "{phrases:?}");
    assert!(
        phrases
            .iter()
            .all(|p| !p.contains("example") && !p.contains("offre") && !p.contains("abc")),
        "{phrases:?}"
    );
    // 20,000 links in one text: one pass, so this is quick even in a debug build.
    let long = format!("alpha {}", "www.a.fr ".repeat(20_000));
    let one = vec![m("x", "2026-04-01", "u", None, &long)];
    assert!(
        themes(
            &one,
            &brands,
            &ThemeOptions {
                min_mentions: 1,
                min_authors: 1,
                ..Default::default()
            }
        )
        .is_ok()
    );
}
