//! Generates the example brand's metrics, reproducibly: a quarter (Q3 2026) of posts on four
//! networks, daily account metrics, daily web analytics and monthly costs for Maison Lune.
//!
//! `cargo run --example gen_metrics [-- OUT_DIR]` (default `docs/examples/maison-lune/data`).
//!
//! The numbers are invented but shaped like a small brand's: Instagram growing, Facebook posting
//! below plan, Pinterest bringing visits, LinkedIn small but clicked; a mis-tagged newsletter and
//! a `social_paid` medium, the mistakes the report should catch. Same seed, same files: the
//! generator uses its own xorshift PRNG and writes numbers with fixed formats.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

const SEED: u64 = 0x4d41_4953_4f4e_4c55; // "MAISONLU"

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    /// Roughly normal (Irwin–Hall of 4), mean 0, sd 1.
    fn normal(&mut self) -> f64 {
        ((0..4).map(|_| self.unit()).sum::<f64>() - 2.0) * (3.0_f64).sqrt()
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

struct Net {
    id: &'static str,
    /// Posts a week actually published.
    per_week: f64,
    types: &'static [&'static str],
    followers: f64,
    daily_growth: f64,
    /// Reach per post as a share of followers.
    reach_share: f64,
    /// Engagement per reach at the start and the end of the quarter.
    er: (f64, f64),
    ctr: f64,
    boosted: f64,
    hours: &'static [u32],
}

const NETS: [Net; 4] = [
    Net {
        id: "instagram",
        per_week: 4.6,
        types: &[
            "image",
            "carousel",
            "short_video",
            "carousel",
            "short_video",
        ],
        followers: 8200.0,
        daily_growth: 14.0,
        reach_share: 0.085,
        er: (0.024, 0.030),
        ctr: 0.004,
        boosted: 0.18,
        hours: &[8, 12, 18, 20],
    },
    Net {
        id: "facebook",
        per_week: 4.2,
        types: &["image", "link", "video", "image"],
        followers: 5400.0,
        daily_growth: 2.0,
        reach_share: 0.11,
        er: (0.019, 0.016),
        ctr: 0.011,
        boosted: 0.25,
        hours: &[9, 13, 19],
    },
    Net {
        id: "pinterest",
        per_week: 7.5,
        types: &["image", "image", "video", "link"],
        followers: 3100.0,
        daily_growth: 6.0,
        reach_share: 0.45,
        er: (0.012, 0.014),
        ctr: 0.018,
        boosted: 0.0,
        hours: &[10, 15, 21],
    },
    Net {
        id: "linkedin",
        per_week: 1.6,
        types: &["text", "document", "article", "document"],
        followers: 1900.0,
        daily_growth: 3.0,
        reach_share: 0.35,
        er: (0.031, 0.034),
        ctr: 0.0105,
        boosted: 0.0,
        hours: &[8, 12],
    },
];

const PILLARS: [(&str, f64); 4] = [
    ("Savoir-faire", 0.30),
    ("Home inspiration", 0.33),
    ("Behind the scenes", 0.09),
    ("Offers and launches", 0.28),
];

fn pillar(rng: &mut Rng) -> &'static str {
    let x = rng.unit();
    let mut acc = 0.0;
    for (name, share) in PILLARS {
        acc += share;
        if x < acc {
            return name;
        }
    }
    PILLARS[0].0
}

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/maison-lune/data")
        });
    let files = generate();
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("gen_metrics: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in files {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen_metrics: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

// Days index several per-day tables at once; an index loop reads best.
/// The four CSV files, as (file name, text).
#[allow(clippy::needless_range_loop)]
pub fn generate() -> Vec<(&'static str, String)> {
    let mut rng = Rng(SEED);
    let start = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default();
    let days = 92;
    let mut posts = String::from(
        "published,network,post_id,content_type,pillar,campaign,impressions,reach,views,likes,comments,shares,saves,clicks,video_views,follows,followers,cost\n",
    );
    let mut accounts = String::from(
        "date,network,followers,follows,unfollows,profile_visits,mentions,mentions_positive,mentions_negative,mentions_neutral,competitor_mentions,messages,responses,response_time_s\n",
    );
    let mut clicks_by_day = vec![[0.0f64; 4]; days];
    let mut n_post = 0;
    for (ni, net) in NETS.iter().enumerate() {
        let mut followers = net.followers;
        for d in 0..days {
            let date = start + Duration::days(d as i64);
            let t = d as f64 / (days - 1) as f64;
            let growth = (net.daily_growth * (1.0 + 0.6 * rng.normal().abs() * 0.5)
                + rng.normal() * 2.0)
                .round()
                .max(-3.0);
            let unfollows = (rng.range(0.0, 4.0) + followers * 0.0004).round();
            let follows = (growth + unfollows).max(0.0);
            followers += follows - unfollows;
            // Posts of the day (a Poisson-ish draw from the weekly rate, fewer at weekends).
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let rate = net.per_week / 7.0 * if weekend { 0.6 } else { 1.15 };
            let mut count = 0;
            let mut p = rate;
            while p > 0.0 {
                if rng.chance(p.min(1.0)) {
                    count += 1;
                }
                p -= 1.0;
            }
            for _ in 0..count {
                n_post += 1;
                let ctype = *rng.pick(net.types);
                let hour = *rng.pick(net.hours);
                let minute = (rng.next() % 4) * 15;
                let pil = pillar(&mut rng);
                let campaign = if pil == "Offers and launches" {
                    if date.month() == 9 {
                        "rentree-2026"
                    } else {
                        "soldes-ete-2026"
                    }
                } else {
                    ""
                };
                let video = matches!(ctype, "short_video" | "video");
                let boost = rng.chance(net.boosted);
                let quality = (1.0 + 0.35 * rng.normal()).max(0.25)
                    * if video { 1.35 } else { 1.0 }
                    * if ctype == "carousel" { 1.15 } else { 1.0 };
                let reach = (followers
                    * net.reach_share
                    * quality
                    * if boost { 2.4 } else { 1.0 }
                    * (1.0 + 0.25 * t))
                    .round()
                    .max(20.0);
                let impressions = (reach * rng.range(1.15, 1.6)).round();
                let er =
                    (net.er.0 + (net.er.1 - net.er.0) * t) * (1.0 + 0.3 * rng.normal()).max(0.2);
                let eng = reach * er;
                let likes = (eng * 0.72).round();
                let comments = (eng * 0.11).round();
                let shares = (eng * if net.id == "pinterest" { 0.12 } else { 0.06 }).round();
                let saves = if net.id == "linkedin" {
                    None
                } else {
                    Some((eng * 0.11).round())
                };
                let clicks = (impressions
                    * net.ctr
                    * if boost { 2.5 } else { 1.0 }
                    * (1.0 + 0.4 * rng.normal()).max(0.1))
                .round();
                clicks_by_day[d][ni] += clicks;
                let views = if video {
                    Some((impressions * 0.8).round())
                } else {
                    None
                };
                let video_views = views.map(|v| (v * 0.55).round());
                let post_follows = (reach * 0.0015 * rng.unit()).round();
                let cost = if boost {
                    Some((rng.range(25.0, 70.0) * 100.0).round() / 100.0)
                } else {
                    None
                };
                let s = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.0}"));
                let _ = writeln!(
                    posts,
                    "{} {:02}:{:02},{},ml-{}-{:04},{},{},{},{:.0},{:.0},{},{:.0},{:.0},{:.0},{},{:.0},{},{:.0},{:.0},{}",
                    date,
                    hour,
                    minute,
                    net.id,
                    net.id,
                    n_post,
                    ctype,
                    pil,
                    campaign,
                    impressions,
                    reach,
                    s(views),
                    likes,
                    comments,
                    shares,
                    s(saves),
                    clicks,
                    s(video_views),
                    post_follows,
                    followers,
                    cost.map_or(String::new(), |c| format!("{c:.2}"))
                );
            }
            let mentions = (rng.range(0.0, 6.0) * if ni == 0 { 1.5 } else { 1.0 }).round();
            let pos = (mentions * rng.range(0.35, 0.6)).round();
            let neg = (mentions * rng.range(0.0, 0.15))
                .round()
                .min(mentions - pos);
            let neu = mentions - pos - neg;
            let messages = rng.range(0.0, 5.0).round();
            let responses = (messages * rng.range(0.7, 1.0)).round();
            let rt = if responses > 0.0 {
                format!("{:.0}", rng.range(600.0, 14_400.0))
            } else {
                String::new()
            };
            let _ = writeln!(
                accounts,
                "{date},{},{followers:.0},{follows:.0},{unfollows:.0},{:.0},{mentions:.0},{pos:.0},{neg:.0},{neu:.0},{:.0},{messages:.0},{responses:.0},{rt}",
                net.id,
                (followers * rng.range(0.004, 0.009)).round(),
                (mentions * rng.range(1.5, 3.0)).round(),
            );
        }
    }
    // Web analytics: one row per day × source/medium/campaign.
    let mut web = String::from(
        "date,source,medium,campaign,sessions,users,pageviews,bounces,duration_s,conversions,revenue\n",
    );
    // (source, medium, campaign, sessions/day at start, growth over the quarter, bounce, conv rate)
    type Src = (&'static str, &'static str, &'static str, f64, f64, f64, f64);
    let sources: [Src; 15] = [
        ("google", "organic", "", 310.0, 0.05, 0.42, 0.021),
        ("(direct)", "(none)", "", 180.0, 0.03, 0.38, 0.028),
        ("bing", "organic", "", 22.0, 0.0, 0.45, 0.018),
        ("instagram", "social", "", 24.0, 0.40, 0.55, 0.011),
        ("l.instagram.com", "referral", "", 17.0, 0.30, 0.58, 0.010),
        ("facebook", "social", "", 14.0, 0.05, 0.57, 0.012),
        ("m.facebook.com", "referral", "", 9.0, 0.0, 0.60, 0.010),
        ("pinterest", "social", "", 19.0, 0.35, 0.49, 0.016),
        ("linkedin", "social", "b2b-trade", 4.0, 0.2, 0.35, 0.030),
        ("tiktok", "social", "", 3.0, 0.5, 0.66, 0.006),
        (
            "facebook",
            "paid_social",
            "soldes-ete-2026",
            11.0,
            0.1,
            0.62,
            0.014,
        ),
        (
            "instagram",
            "paid_social",
            "rentree-2026",
            8.0,
            0.4,
            0.6,
            0.015,
        ),
        ("fb", "social_paid", "soldes-ete-2026", 3.0, 0.0, 0.64, 0.01),
        (
            "newsletter",
            "email",
            "lettre-mensuelle",
            28.0,
            0.1,
            0.30,
            0.042,
        ),
        (
            "mailchimp",
            "email_newsletter",
            "lettre-mensuelle",
            46.0,
            0.1,
            0.31,
            0.04,
        ),
    ];
    let ai = ("chatgpt.com", "referral", "", 2.0, 1.0, 0.35, 0.03);
    // Link-exchange partners (`partners.csv`): (source, medium, campaign, first day, sessions/day,
    // conv rate). They draw from their own generator, so the rows above stay as they were.
    let partners: [(&str, &str, &str, NaiveDate, f64, f64); 5] = [
        ("tissage-des-vosges.fr", "referral", "", start, 3.0, 0.02),
        ("lamaisonecolo.fr", "referral", "", start, 2.0, 0.015),
        (
            "decomag",
            "affiliate",
            "article-sponsorise",
            NaiveDate::from_ymd_opt(2026, 7, 15).unwrap_or(start),
            6.0,
            0.03,
        ),
        ("www.boutique-rivages.fr", "referral", "", start, 0.8, 0.05),
        ("hotel-lestilleuls.fr", "referral", "", start, 1.0, 0.02),
    ];
    let mut prng = Rng(SEED ^ 0x5041_5254_4e45_5253); // "PARTNERS"
    for d in 0..days {
        let date = start + Duration::days(d as i64);
        let t = d as f64 / (days - 1) as f64;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        for (i, (src, med, camp, base, growth, bounce, conv)) in
            sources.iter().chain(std::iter::once(&ai)).enumerate()
        {
            let social_clicks: f64 = match *src {
                "instagram" | "l.instagram.com" if *med != "paid_social" => {
                    clicks_by_day[d][0] * 0.25
                }
                "facebook" | "m.facebook.com" if *med != "paid_social" => {
                    clicks_by_day[d][1] * 0.25
                }
                "pinterest" => clicks_by_day[d][2] * 0.5,
                "linkedin" => clicks_by_day[d][3] * 0.6,
                _ => 0.0,
            };
            let mean = base * (1.0 + growth * t) * if weekend { 1.2 } else { 1.0 } + social_clicks;
            let sessions = (mean * (1.0 + 0.18 * rng.normal())).round().max(0.0);
            if sessions == 0.0 {
                continue;
            }
            let users = (sessions * rng.range(0.82, 0.95)).round();
            let pageviews = (sessions * rng.range(2.1, 3.4)).round();
            let bounces = (sessions * (bounce + 0.05 * rng.normal()).clamp(0.05, 0.95)).round();
            let duration = sessions * rng.range(70.0, 160.0);
            let mut conversions = 0.0;
            for _ in 0..sessions as u64 {
                if rng.chance(*conv) {
                    conversions += 1.0;
                }
            }
            let revenue: f64 = (0..conversions as u64)
                .map(|_| rng.range(79.0, 260.0))
                .sum();
            let _ = i;
            let _ = writeln!(
                web,
                "{date},{src},{med},{camp},{sessions:.0},{users:.0},{pageviews:.0},{bounces:.0},{duration:.0},{conversions:.0},{revenue:.2}"
            );
        }
    }
    // The partners' rows, appended per day after the others (a second pass keeps the first
    // generator's sequence, hence every other row, unchanged).
    let mut rows: Vec<(NaiveDate, String)> = web
        .lines()
        .skip(1)
        .map(|l| {
            (
                l.get(..10).and_then(|d| d.parse().ok()).unwrap_or(start),
                l.to_owned(),
            )
        })
        .collect();
    for d in 0..days {
        let date = start + Duration::days(d as i64);
        for (src, med, camp, from, per_day, conv) in &partners {
            if date < *from {
                continue;
            }
            // Déco Mag's article is read most in its first weeks.
            let fade = if *med == "affiliate" {
                (-((date - *from).num_days() as f64) / 30.0).exp()
            } else {
                1.0
            };
            let sessions = (per_day * fade * (1.0 + 0.5 * prng.normal())).round();
            if sessions < 1.0 {
                continue;
            }
            let users = sessions.min((sessions * prng.range(0.85, 1.0)).round().max(1.0));
            let pageviews = (sessions * prng.range(2.0, 3.6)).round();
            let bounces = (sessions * prng.range(0.2, 0.5)).round();
            let duration = sessions * prng.range(90.0, 200.0);
            let conversions = (0..sessions as u64).filter(|_| prng.chance(*conv)).count();
            let revenue: f64 = (0..conversions).map(|_| prng.range(79.0, 260.0)).sum();
            rows.push((
                date,
                format!(
                    "{date},{src},{med},{camp},{sessions:.0},{users:.0},{pageviews:.0},{bounces:.0},{duration:.0},{conversions},{revenue:.2}"
                ),
            ));
        }
    }
    rows.sort_by_key(|(date, _)| *date);
    web.truncate(web.find('\n').map_or(0, |i| i + 1));
    for (_, row) in rows {
        let _ = writeln!(web, "{row}");
    }
    // Costs: monthly ads per network, content, staff time, tools.
    let mut costs = String::from("date,network,campaign,category,amount\n");
    for m in [7u32, 8, 9] {
        let date = NaiveDate::from_ymd_opt(2026, m, 1).unwrap_or(start);
        let campaign = if m == 9 {
            "rentree-2026"
        } else {
            "soldes-ete-2026"
        };
        let _ = writeln!(
            costs,
            "{date},facebook,{campaign},ads,{:.2}",
            rng.range(380.0, 520.0)
        );
        let _ = writeln!(
            costs,
            "{date},instagram,{campaign},ads,{:.2}",
            rng.range(420.0, 640.0)
        );
        let _ = writeln!(
            costs,
            "{date},instagram,,content,{:.2}",
            rng.range(600.0, 900.0)
        );
        let _ = writeln!(
            costs,
            "{date},pinterest,,content,{:.2}",
            rng.range(150.0, 260.0)
        );
        let _ = writeln!(costs, "{date},,,staff,{:.2}", 2400.0);
        let _ = writeln!(costs, "{date},,,tools,{:.2}", 89.0);
    }
    let mut files = vec![
        ("posts.csv", posts),
        ("accounts.csv", accounts),
        ("web.csv", web),
        ("costs.csv", costs),
    ];
    files.extend(listening(start, days));
    files
}

/// A brand of the listening set: name, how it is written in mentions, its site, mentions a day.
struct Watched {
    name: &'static str,
    forms: &'static [&'static str],
    site: &'static str,
    per_day: f64,
    /// Share of its mentions in French.
    french: f64,
    /// Public posts a week on Instagram and Facebook, followers there, engagement per follower.
    public: [(f64, f64, f64); 2],
}

const WATCHED: [Watched; 3] = [
    Watched {
        name: "Maison Lune",
        forms: &["Maison Lune", "@maisonlune", "#maisonlune", "maisonlune"],
        site: "https://www.maisonlune.fr/produits/",
        per_day: 5.0,
        french: 0.75,
        public: [(4.0, 8_300.0, 0.011), (2.0, 3_100.0, 0.004)],
    },
    Watched {
        name: "Atelier Brume",
        forms: &["Atelier Brume", "@atelierbrume", "Atelier Brume"],
        site: "https://www.atelierbrume.fr/collections/",
        per_day: 7.0,
        french: 0.6,
        public: [(6.0, 21_500.0, 0.009), (3.0, 9_800.0, 0.003)],
    },
    Watched {
        name: "Draps & Cie",
        forms: &["Draps & Cie", "@drapsetcie", "Draps et Cie"],
        site: "https://www.drapsetcie.fr/linge-de-lit/",
        per_day: 4.0,
        french: 0.85,
        public: [(3.0, 12_400.0, 0.006), (5.0, 15_900.0, 0.002)],
    },
];

/// (sentiment: 1 positive, 0 neutral, -1 negative, French text, English text); `{b}` is the brand.
const SAYINGS: &[(i8, &str, &str)] = &[
    (
        1,
        "Nouveaux draps {b} reçus, le lin lavé est d'une douceur incroyable",
        "New {b} sheets arrived, the washed linen is incredibly soft",
    ),
    (
        1,
        "Je recommande {b}, qualité du lin impeccable après dix lavages",
        "I recommend {b}, the linen quality is perfect after ten washes",
    ),
    (
        1,
        "Belle découverte : {b}, linge de lit fabriqué en France et vraiment beau",
        "Lovely find: {b}, bed linen made in France and really beautiful",
    ),
    (
        1,
        "Notre chambre refaite avec la housse de couette {b}, on adore #decoration",
        "Our bedroom redone with the {b} duvet cover, we love it #homedecor",
    ),
    (
        1,
        "Service client {b} au top, échange fait en deux jours",
        "{b} customer service is great, exchange done in two days",
    ),
    (
        0,
        "Quelqu'un connaît {b} ? Je cherche des draps en lin pour l'été",
        "Anyone tried {b}? Looking for linen sheets for summer",
    ),
    (
        0,
        "{b} sort une nouvelle collection de linge de lit pour la rentrée",
        "{b} launches a new bed linen collection for autumn",
    ),
    (
        0,
        "Comparatif draps en lin : {b}, prix et tailles disponibles",
        "Linen sheets compared: {b}, prices and sizes available",
    ),
    (
        0,
        "Atelier couture chez {b} ce week-end, inscriptions ouvertes",
        "Sewing workshop at {b} this weekend, sign-ups open",
    ),
    (
        -1,
        "Délai de livraison trop long chez {b}, toujours rien après trois semaines",
        "Delivery time far too long with {b}, still nothing after three weeks",
    ),
    (
        -1,
        "Déçue par {b}, le drap a rétréci au premier lavage",
        "Disappointed with {b}, the sheet shrank at the first wash",
    ),
    (
        -1,
        "Le prix chez {b} est vraiment trop élevé pour cette qualité",
        "The price at {b} is really too high for this quality",
    ),
    (
        -1,
        "Service client {b} injoignable, commande bloquée, je suis furieuse",
        "{b} customer service unreachable, order stuck, I am furious",
    ),
];

/// Mentions of no brand: the market's conversation (relevance below 100 %).
const MARKET: &[(&str, &str)] = &[
    (
        "Le lin lavé, c'est vraiment le meilleur pour dormir l'été",
        "Washed linen is really the best for sleeping in summer",
    ),
    (
        "Petit dej au soleil, la rentrée approche",
        "Breakfast in the sun, autumn is coming",
    ),
    (
        "Comment laver des draps en lin sans qu'ils rétrécissent ?",
        "How do you wash linen sheets without shrinking them?",
    ),
    (
        "Inspiration chambre bohème, tons naturels #decoration",
        "Boho bedroom inspiration, natural tones #homedecor",
    ),
];

fn json_opt(v: Option<u64>) -> serde_json::Value {
    v.map_or(serde_json::Value::Null, serde_json::Value::from)
}

/// The listening set: a quarter of mentions of Maison Lune and its two competitors (JSON lines),
/// and the three brands' public post metrics (CSV with an `account` column), for the watch
/// section of the demo. A press piece lifts Maison Lune at the end of August; Draps & Cie has a
/// delivery incident in mid-September. Demo text only: never for evaluating sentiment.
#[allow(clippy::needless_range_loop)]
fn listening(start: NaiveDate, days: usize) -> Vec<(&'static str, String)> {
    let mut rng = Rng(SEED ^ 0x5741_5443_4821); // "WATCH!"
    let nets = [
        "instagram",
        "x",
        "facebook",
        "threads",
        "bluesky",
        "pinterest",
    ];
    // Authors: a few large accounts and media, more mid-sized ones, many small ones.
    struct Who {
        handle: String,
        name: String,
        net: Option<&'static str>,
        followers: u64,
        french: bool,
    }
    let mut authors = Vec::new();
    for i in 0..420 {
        let tier = if i < 8 {
            0
        } else if i < 60 {
            1
        } else {
            2
        };
        let followers = match tier {
            0 => rng.range(60_000.0, 420_000.0),
            1 => rng.range(3_000.0, 40_000.0),
            _ => (rng.range(3.5, 7.6)).exp(),
        } as u64;
        let media = tier == 0 && i % 3 == 0;
        let french = rng.chance(0.7);
        let first = [
            "lea", "camille", "hugo", "ines", "tom", "sarah", "lucas", "emma", "noah", "jade",
            "olivia", "james",
        ];
        let handle = if media {
            format!(
                "{}mag",
                ["maisondeco", "linenjournal", "interieurs"][(i / 3) % 3]
            )
        } else {
            format!("{}{}", rng.pick(&first), 10 + i)
        };
        authors.push(Who {
            name: {
                let n = handle.replace(|c: char| c.is_ascii_digit(), "");
                n[..1].to_uppercase() + &n[1..]
            },
            handle,
            net: if media { None } else { Some(*rng.pick(&nets)) },
            followers,
            french,
        });
    }
    let mut lines = String::new();
    let mut id = 0u32;
    let press = 57; // 2026-08-27
    let incident = 75; // 2026-09-14
    for d in 0..days {
        let date = start + Duration::days(d as i64);
        for (bi, b) in WATCHED.iter().enumerate() {
            let mut mean = b.per_day
                * if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                    0.8
                } else {
                    1.0
                };
            let mut neg_bias = 0.0;
            if bi == 0 && (press..press + 2).contains(&d) {
                mean *= 4.5;
            }
            if bi == 2 && (incident..incident + 3).contains(&d) {
                mean *= 3.0;
                neg_bias = 0.7;
            }
            let n = (mean * (1.0 + 0.35 * rng.normal())).round().max(0.0) as u32;
            for _ in 0..n {
                let a = if bi == 0 && (press..press + 2).contains(&d) && rng.chance(0.15) {
                    &authors[0]
                } else {
                    rng.pick(&authors)
                };
                let mood = if rng.chance(neg_bias) {
                    -1
                } else {
                    let x = rng.unit();
                    if x < 0.5 {
                        1
                    } else if x < 0.85 {
                        0
                    } else {
                        -1
                    }
                };
                let pool: Vec<&(i8, &str, &str)> = SAYINGS.iter().filter(|s| s.0 == mood).collect();
                let mut say = **rng.pick(&pool);
                if neg_bias > 0.0 && mood == -1 && rng.chance(0.8) {
                    say = SAYINGS[if rng.chance(0.6) { 9 } else { 12 }];
                }
                let french = a.french && rng.chance(b.french.max(0.5));
                let text = if french { say.1 } else { say.2 };
                let form: &&str = rng.pick(b.forms);
                let mut text = text.replace("{b}", form);
                // Some mentions compare two brands.
                if rng.chance(0.04) {
                    let other = &WATCHED[(bi + 1 + (rng.next() % 2) as usize) % 3];
                    text.push_str(if french { " (ou " } else { " (or " });
                    text.push_str(other.forms[0]);
                    text.push_str(" ?)");
                }
                id += 1;
                lines.push_str(&mention_line(
                    &mut rng,
                    id,
                    a.handle.as_str(),
                    &a.name,
                    a.net,
                    a.followers,
                    date,
                    if french { "fr" } else { "en" },
                    &text,
                    a.net.is_none().then_some(b.site),
                ));
            }
        }
        for _ in 0..(2.0 * (1.0 + 0.4 * rng.normal())).round().max(0.0) as u32 {
            let a = rng.pick(&authors);
            let (fr, en) = *rng.pick(MARKET);
            id += 1;
            let lang = if a.french { "fr" } else { "en" };
            lines.push_str(&mention_line(
                &mut rng,
                id,
                a.handle.as_str(),
                &a.name,
                a.net,
                a.followers,
                date,
                lang,
                if a.french { fr } else { en },
                None,
            ));
        }
    }
    // Public post metrics of the three brands, what a competitor-analysis tool exports.
    let mut public = String::from(
        "published,network,account,post_id,content_type,likes,comments,shares,views,followers\n",
    );
    for (bi, b) in WATCHED.iter().enumerate() {
        for (ni, net) in ["instagram", "facebook"].iter().enumerate() {
            let (per_week, followers, er) = b.public[ni];
            let mut n = 0;
            for d in 0..days {
                if !rng.chance(per_week / 7.0) {
                    continue;
                }
                n += 1;
                let f = followers * (1.0 + 0.0008 * d as f64);
                let video = rng.chance(0.3);
                let interactions =
                    f * er * (1.0 + 0.4 * rng.normal()).max(0.1) * if video { 1.4 } else { 1.0 };
                let likes = (interactions * 0.86).round();
                let comments = (interactions * 0.09).round();
                let shares = if *net == "facebook" {
                    format!("{:.0}", interactions * 0.05)
                } else {
                    String::new()
                };
                let views = if video {
                    format!("{:.0}", f * rng.range(0.2, 0.6))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    public,
                    "{} {:02}:{:02},{net},{},{}-{net}-{n:03},{},{likes:.0},{comments:.0},{shares},{views},{f:.0}",
                    start + Duration::days(d as i64),
                    9 + rng.next() % 10,
                    (rng.next() % 4) * 15,
                    b.name,
                    ["ml", "ab", "dc"][bi],
                    if video { "short_video" } else { "image" },
                );
            }
        }
    }
    vec![("mentions.jsonl", lines), ("public-posts.csv", public)]
}

#[allow(clippy::too_many_arguments)]
fn mention_line(
    rng: &mut Rng,
    id: u32,
    handle: &str,
    name: &str,
    net: Option<&str>,
    followers: u64,
    date: NaiveDate,
    lang: &str,
    text: &str,
    url: Option<&str>,
) -> String {
    let at = date
        .and_hms_opt(7 + (rng.next() % 15) as u32, (rng.next() % 60) as u32, 0)
        .unwrap_or_default();
    let social = net.is_some();
    let rate = rng.range(0.002, 0.03);
    let likes = (followers as f64 * rate * (1.0 + 0.5 * rng.normal()).max(0.05)).round() as u64;
    let e = |share: f64, rng: &mut Rng| {
        social.then(|| (likes as f64 * share * rng.range(0.5, 1.5)).round() as u64)
    };
    let reposts = e(0.08, rng);
    let replies = e(0.06, rng);
    let quotes = if net == Some("x") || net == Some("bluesky") {
        e(0.02, rng)
    } else {
        None
    };
    let v = serde_json::json!({
        "id": format!("m{id:05}"),
        "network": net,
        "author": handle,
        "author_name": name,
        "followers": followers,
        "published": format!("{}Z", at.format("%Y-%m-%dT%H:%M:%S")),
        "lang": lang,
        "text": text,
        "url": url.map(|u| format!("{u}?ref=m{id:05}")),
        "likes": json_opt(social.then_some(likes)),
        "reposts": json_opt(reposts),
        "replies": json_opt(replies),
        "quotes": json_opt(quotes),
        "reach": json_opt((!social).then(|| followers * 3)),
    });
    format!("{v}\n")
}
