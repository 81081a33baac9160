//! Referrer classes the embedded table must get right (issue 11: webmail behind dereferrers and
//! message views, secondary and regional search, country domains, path-conditioned rows,
//! regional and enterprise networks, link-in-bio hosts), and the user's databases merged over
//! it (Snowplow YAML and JSON, Matomo search and social lists: our own fixtures in
//! `tests/fixtures/referers/`). Every case here was written for smo; none comes from an
//! external suite.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;

use smo_core::Error;
use smo_core::traffic::batch::breakdown_referrers;
use smo_core::traffic::domains::{BRANDS, DOMAINS};
use smo_core::traffic::refdb::{RefererFile, RefererFormat, load_referer_database};
use smo_core::traffic::{ClassifyOptions, Medium, classify_referrer, classify_with};

fn check(cases: &[(&str, Medium, &str, Option<&str>)]) {
    let mut failures = Vec::new();
    for (url, medium, source, term) in cases {
        let r = classify_referrer(url, None);
        if (r.medium, r.source.as_str(), r.term.as_deref()) != (*medium, *source, *term) {
            failures.push(format!(
                "{url}: got {} / {} / {:?}, want {medium} / {source} / {term:?}",
                r.medium, r.source, r.term
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use Medium::{Email, Referral, Search, Social};

#[test]
fn webmail_behind_dereferrers_and_message_views() {
    check(&[
        (
            "https://deref-gmx.net/mail/client/abc/dereferrer/?redirectUrl=https%3A%2F%2Fshop.example%2F",
            Email,
            "GMX",
            None,
        ),
        (
            "https://deref-web-02.de/mail/client/x/dereferrer/?redirectUrl=https%3A%2F%2Fshop.example",
            Email,
            "WEB.DE",
            None,
        ),
        (
            "https://deref-mail.com/mail/client/y/dereferrer/",
            Email,
            "mail.com",
            None,
        ),
        (
            "http://co106w.col106.mail.live.com/default.aspx?rru=inbox",
            Email,
            "Outlook.com",
            None,
        ),
        (
            "https://outlook.live.com/mail/0/inbox/id/AQMk",
            Email,
            "Outlook.com",
            None,
        ),
        (
            "https://us-mg5.mail.yahoo.com/neo/launch?.rand=abc",
            Email,
            "Yahoo! Mail",
            None,
        ),
        ("https://mail.yahoo.co.jp/", Email, "Yahoo! Mail", None),
        (
            "https://fr.mail.yahoo.com/d/folders/1",
            Email,
            "Yahoo! Mail",
            None,
        ),
        (
            "https://mail.aol.co.uk/webmail-std/en-gb/suite",
            Email,
            "AOL Mail",
            None,
        ),
        ("https://mail.bluewin.ch/index.html", Email, "Bluewin", None),
        (
            "https://www.bluewin.ch/de/email/posteingang.html",
            Email,
            "Bluewin",
            None,
        ),
        (
            "https://www.orange.fr/webmail/messages",
            Email,
            "Orange Mail",
            None,
        ),
        (
            "https://email.t-online.de/em#f=INBOX",
            Email,
            "T-Online Mail",
            None,
        ),
        ("https://e.mail.ru/inbox/", Email, "Mail.ru", None),
        (
            "android-app://com.microsoft.office.outlook",
            Email,
            "Outlook",
            None,
        ),
    ]);
}

#[test]
fn portals_split_by_host_and_path() {
    check(&[
        // The portal's news pages are referrals; its mail path and host are e-mail; its search
        // host is search.
        (
            "https://www.bluewin.ch/de/news/schweiz.html",
            Referral,
            "bluewin.ch",
            None,
        ),
        (
            "https://search.bluewin.ch/?q=drap+lin",
            Search,
            "Bluewin Search",
            Some("drap lin"),
        ),
        ("https://www.orange.fr/portail", Referral, "orange.fr", None),
        (
            "https://lemoteur.orange.fr/?kw=linge+de+lit",
            Search,
            "Orange",
            Some("linge de lit"),
        ),
        ("https://web.de/", Email, "WEB.DE", None),
        (
            "https://suche.web.de/web?q=bettw%C3%A4sche",
            Search,
            "WEB.DE Suche",
            Some("bettwäsche"),
        ),
        (
            "https://suche.gmx.net/web?q=leinen",
            Search,
            "GMX Suche",
            Some("leinen"),
        ),
        ("https://mail.ru/", Email, "Mail.ru", None),
        (
            "https://go.mail.ru/search?q=%D0%BB%D0%B5%D0%BD",
            Search,
            "Mail.ru Search",
            Some("лен"),
        ),
        ("https://my.mail.ru/community/x", Social, "Moi Mir", None),
    ]);
}

#[test]
fn secondary_and_regional_search_on_country_domains() {
    check(&[
        (
            "http://isearch.avg.com/pages/images.aspx?q=tarot+card&sap=dsp",
            Search,
            "AVG Search",
            Some("tarot card"),
        ),
        ("https://eu.ixquick.com/do/search", Search, "Ixquick", None),
        (
            "https://www.ixquick.de/do/metasearch.pl?query=leinen",
            Search,
            "Ixquick",
            Some("leinen"),
        ),
        (
            "https://www.startpage.com/sp/search?query=linen",
            Search,
            "Startpage",
            Some("linen"),
        ),
        (
            "https://search.aol.co.uk/aol/search?q=linen+sheets",
            Search,
            "AOL",
            Some("linen sheets"),
        ),
        (
            "https://recherche.aol.fr/aol/search?q=draps",
            Search,
            "AOL",
            Some("draps"),
        ),
        (
            "https://suche.aol.de/aol/search?q=laken",
            Search,
            "AOL",
            Some("laken"),
        ),
        (
            "https://search.aol.com/aol/search?q=sheets",
            Search,
            "AOL",
            Some("sheets"),
        ),
        (
            "https://www.google.co.uk/search?q=washed+linen",
            Search,
            "Google",
            Some("washed linen"),
        ),
        ("https://www.google.com.au/", Search, "Google", None),
        (
            "https://www.google.com/#q=linen+duvet",
            Search,
            "Google",
            Some("linen duvet"),
        ),
        (
            "https://www.google.fr/imgres?imgurl=x&q=parure",
            Search,
            "Google Images",
            Some("parure"),
        ),
        (
            "https://images.google.de/images?q=leinen",
            Search,
            "Google Images",
            Some("leinen"),
        ),
        (
            "https://www.bing.com/images/search?q=linen",
            Search,
            "Bing Images",
            Some("linen"),
        ),
        (
            "https://www.bing.com/search?q=linen",
            Search,
            "Bing",
            Some("linen"),
        ),
        (
            "https://yandex.com.tr/search/?text=keten",
            Search,
            "Yandex",
            Some("keten"),
        ),
        (
            "https://yandex.ru/images/search?text=%D0%BB%D0%B5%D0%BD",
            Search,
            "Yandex Images",
            Some("лен"),
        ),
        (
            "https://images.search.yahoo.com/search/images?p=linen",
            Search,
            "Yahoo! Images",
            Some("linen"),
        ),
        (
            "https://uk.search.yahoo.com/search?p=linen",
            Search,
            "Yahoo!",
            Some("linen"),
        ),
        ("https://www.qwant.com/?q=lin", Search, "Qwant", Some("lin")),
        (
            "https://szukaj.onet.pl/wyniki?qt=len",
            Search,
            "Onet",
            Some("len"),
        ),
        (
            "https://www.idealo.de/preisvergleich/MainSearchProductCategory.html?q=bettw%C3%A4sche",
            Search,
            "idealo",
            Some("bettwäsche"),
        ),
        (
            "https://shopping.google.com/search?q=linen",
            Search,
            "Google Shopping",
            Some("linen"),
        ),
    ]);
}

#[test]
fn regional_and_enterprise_networks_and_link_in_bio() {
    check(&[
        ("https://ok.ru/group/1", Social, "Odnoklassniki", None),
        (
            "https://www.odnoklassniki.ru/",
            Social,
            "Odnoklassniki",
            None,
        ),
        ("https://m.vk.com/wall-1", Social, "VKontakte", None),
        ("https://vk.ru/club1", Social, "VKontakte", None),
        (
            "https://example.workplace.com/groups/1",
            Social,
            "Workplace",
            None,
        ),
        (
            "https://l.workplace.com/l.php?u=x",
            Social,
            "Workplace",
            None,
        ),
        ("https://linktr.ee/maisonlune", Social, "Linktree", None),
        ("https://beacons.ai/maisonlune", Social, "Beacons", None),
        ("https://app.slack.com/client/T1/C1", Social, "Slack", None),
    ]);
}

#[test]
fn look_alike_hosts_are_referrals() {
    check(&[
        (
            "https://google.example.com/search?q=x",
            Referral,
            "google.example.com",
            None,
        ),
        ("https://mygoogle.fr/?q=x", Referral, "mygoogle.fr", None),
        (
            "https://deref-gmx.net.evil.example/",
            Referral,
            "deref-gmx.net.evil.example",
            None,
        ),
        ("https://notlinktr.ee/", Referral, "notlinktr.ee", None),
    ]);
}

#[test]
fn every_row_has_its_source_and_date_and_no_row_repeats() {
    let mut seen = std::collections::HashSet::new();
    for d in DOMAINS {
        assert!(!d.reference.is_empty() && !d.as_of.is_empty(), "{}", d.host);
        assert!(
            seen.insert((d.host, d.path)),
            "duplicate row {}{}",
            d.host,
            d.path
        );
        assert_eq!(d.host, d.host.to_ascii_lowercase());
    }
    for b in BRANDS {
        assert!(
            !b.reference.is_empty() && !b.as_of.is_empty(),
            "{}",
            b.label
        );
        assert!(
            seen.insert((b.label, b.path)) || !b.prefix.is_empty(),
            "duplicate brand {}",
            b.label
        );
    }
}

/// The docs' coverage table (docs/measurement.md) states these counts.
#[test]
fn coverage_by_medium_matches_the_docs() {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/measurement.md"
    ))
    .unwrap();
    for m in Medium::ALL {
        let rows = DOMAINS.iter().filter(|d| d.medium == m).count()
            + BRANDS.iter().filter(|b| b.medium == m).count();
        if rows == 0 {
            continue;
        }
        let line = format!("| {} | {rows} |", m.as_str());
        assert!(
            docs.contains(&line),
            "docs/measurement.md should have the row `{line}`"
        );
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/referers/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn db() -> Arc<smo_core::traffic::refdb::RefererDatabase> {
    let (a, b, c, d) = (
        fixture("snowplow.yml"),
        fixture("snowplow.json"),
        fixture("SearchEngines.yml"),
        fixture("Socials.yml"),
    );
    let files = [
        RefererFile {
            name: "snowplow.yml",
            text: &a,
            format: RefererFormat::Auto,
        },
        RefererFile {
            name: "snowplow.json",
            text: &b,
            format: RefererFormat::Snowplow,
        },
        RefererFile {
            name: "SearchEngines.yml",
            text: &c,
            format: RefererFormat::Auto,
        },
        RefererFile {
            name: "Socials.yml",
            text: &d,
            format: RefererFormat::Auto,
        },
    ];
    Arc::new(load_referer_database(&files).unwrap())
}

#[test]
fn user_databases_merge_over_the_table() {
    let db = db();
    let formats: Vec<_> = db.files().iter().map(|f| (f.format, f.rules)).collect();
    assert_eq!(
        formats,
        [
            (RefererFormat::Snowplow, 6),
            (RefererFormat::Snowplow, 3),
            (RefererFormat::MatomoSearch, 3),
            (RefererFormat::MatomoSocial, 3)
        ]
    );
    let opts = ClassifyOptions {
        database: Some(db.clone()),
        ..Default::default()
    };
    let c = |u: &str| {
        let r = classify_with(u, None, &opts);
        (
            r.medium,
            r.source,
            r.term,
            r.network.map(|n| n.as_str()),
            r.table_version,
        )
    };
    let v = "smo-referrers@2026-12+custom";
    // New hosts, with their terms.
    assert_eq!(
        c("https://search.example-corp.com/?qs=linen"),
        (
            Search,
            "Intranet Search".into(),
            Some("linen".into()),
            None,
            v
        )
    );
    assert_eq!(
        c("https://webmail.example-corp.com/"),
        (Email, "Corporate Mail".into(), None, None, v)
    );
    // A path-conditioned row: only under /owa.
    assert_eq!(c("https://example-corp.com/owa/#path=/mail").0, Email);
    assert_eq!(c("https://example-corp.com/blog").0, Referral);
    // The user's file wins at equal specificity (bing.com), not over a more specific
    // embedded row (bing.com/images stays Bing Images).
    assert_eq!(
        c("https://www.bing.com/search?q=x").1,
        "Bing (corporate proxy)"
    );
    assert_eq!(c("https://www.bing.com/images/search?q=x").1, "Bing Images");
    // Snowplow's `unknown` medium is a referral with the file's name; `paid` is paid.
    assert_eq!(c("https://partners.example.org/a").1, "Partner Portal");
    assert_eq!(c("https://ads.example.net/click").0, Medium::Paid);
    assert_eq!(
        c("https://example.net/find?find=sheets").2.as_deref(),
        Some("sheets")
    );
    // Matomo: a brand on any country suffix, a sub-label, a path regex.
    assert_eq!(
        c("https://www.example-engine.co.uk/?q=lin").1,
        "Example Engine"
    );
    assert_eq!(
        c("https://images.example-engine.de/?q=lin").2.as_deref(),
        Some("lin")
    );
    assert_eq!(
        c("https://pathsearch.example/s/linen%20sheets?x=1")
            .2
            .as_deref(),
        Some("linen sheets")
    );
    // Matomo socials: a network smo knows by its name keeps its network.
    assert_eq!(c("https://insta.example/p/1").3, Some("instagram"));
    assert_eq!(c("https://m.example-social.net/").1, "Example Network");
    // The rest of the embedded table is still there.
    assert_eq!(c("https://deref-gmx.net/mail/").1, "GMX");
    assert_eq!(
        classify_referrer("https://deref-gmx.net/", None).table_version,
        "smo-referrers@2026-12"
    );
    // The batch path takes the merged database.
    let b = breakdown_referrers(
        &[
            "https://webmail.example-corp.com/",
            "https://www.google.fr/",
        ],
        None,
        &opts,
    );
    let json = serde_json::to_string(&b).unwrap();
    assert!(json.contains("Corporate Mail"), "{json}");
    assert_eq!(b.table_version, v);
    let plain = breakdown_referrers(
        &["https://www.google.fr/"],
        None,
        &ClassifyOptions::default(),
    );
    assert_eq!(plain.table_version, "smo-referrers@2026-12");
}

#[test]
fn bad_files_say_where() {
    let load = |text: &str, format: RefererFormat| {
        load_referer_database(&[RefererFile {
            name: "bad.yml",
            text,
            format,
        }])
        .unwrap_err()
    };
    match load(
        "search:\n  Google:\n    domains: [google.com\n",
        RefererFormat::Auto,
    ) {
        Error::Parse { position, .. } => assert!(position.line.is_some(), "{position}"),
        e => panic!("{e}"),
    }
    let e = load(
        "search:\n  Google:\n    domains:\n      - google.com\n      - 3\n",
        RefererFormat::Auto,
    );
    assert!(e.to_string().contains("search.Google.domains[1]"), "{e}");
    let e = load(
        "searches:\n  Google:\n    domains: [google.com]\n",
        RefererFormat::Snowplow,
    );
    assert!(e.to_string().contains("not a Snowplow medium"), "{e}");
    let e = load(
        "X:\n  - urls: [x.example]\n    params: ['/(unclosed/']\n",
        RefererFormat::Auto,
    );
    assert!(e.to_string().contains("X[0].params[0]"), "{e}");
    let e = load("- a\n- b\n", RefererFormat::Auto);
    assert!(e.to_string().contains("mapping"), "{e}");
    let e = load(
        "{\"search\": {\"G\": {\"domains\": [\"g.example\"]}",
        RefererFormat::Auto,
    );
    assert!(matches!(e, Error::Parse { .. }), "{e}");
    assert!("matomo".parse::<RefererFormat>().is_err());
}

/// The golden vectors shared with Python and Kotlin (`tests/golden/referers/`).
#[test]
fn referers_golden_vectors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut failures = Vec::new();
    for (path, file) in support::golden("referers") {
        let texts: Vec<(String, String)> = file["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let p = f.as_str().unwrap();
                (p.to_owned(), std::fs::read_to_string(root.join(p)).unwrap())
            })
            .collect();
        let refs: Vec<RefererFile<'_>> = texts
            .iter()
            .map(|(name, text)| RefererFile {
                name,
                text,
                format: RefererFormat::Auto,
            })
            .collect();
        let custom = ClassifyOptions {
            database: Some(Arc::new(load_referer_database(&refs).unwrap())),
            ..Default::default()
        };
        let plain = ClassifyOptions::default();
        for c in file["cases"].as_array().unwrap() {
            let opts = if c["database"].as_bool().unwrap() {
                &custom
            } else {
                &plain
            };
            let r = classify_with(c["referrer"].as_str().unwrap(), None, opts);
            let got = serde_json::json!({"medium": r.medium.as_str(), "source": r.source, "term": r.term, "table_version": r.table_version});
            let want = serde_json::json!({"medium": c["medium"], "source": c["source"], "term": c["term"], "table_version": c["table_version"]});
            if got != want {
                failures.push(format!(
                    "{}: {}: got {got}, want {want}",
                    path.display(),
                    c["referrer"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
