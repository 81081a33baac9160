//! Content adjustments from post metrics: content types, pillars, hashtags and local time windows that
//! engage (or get shared) more or less than the rest, and posts that got amplified.
//!
//! The unit is the post. A network's posts are compared with that network's own average, so
//! that a content type used mostly on a strong network does not look strong for that reason:
//! the measure is the post's engagement rate divided by the mean engagement rate of the posts
//! of its network (1.0 = the network's average), and the same for shares per reach. Each
//! group is tested against the rest with Welch's test, Holm-corrected over its family, and only
//! with `min_posts` posts on each side ([`super::stats`]).

use std::collections::BTreeMap;

use chrono::Timelike;
use chrono_tz::Tz;

use super::stats::{self, Comparison};
use super::{
    Action, AdviceOptions, Advisor, Direction, Draft, Evidence, EvidenceKind as K, pct, round,
};
use crate::data::PostRow;
use crate::kpi::formula::Formula;
use crate::network::Network;
use crate::report::Report;

/// One post's measures.
struct Rated<'a> {
    post: &'a PostRow,
    relative: f64,
    share_rate: Option<f64>,
    relative_share: Option<f64>,
}

fn window(hour: u32) -> &'static str {
    match hour {
        0..=5 => "night (00–06)",
        6..=11 => "morning (06–12)",
        12..=17 => "afternoon (12–18)",
        _ => "evening (18–24)",
    }
}

fn rate(p: &PostRow) -> Option<f64> {
    match (p.shares, p.reach) {
        (Some(s), Some(r)) if r > 0 => Some(s as f64 / r as f64 * 100.0),
        _ => None,
    }
}

fn rated(posts: &[PostRow]) -> Vec<Rated<'_>> {
    let Ok(er) = Formula::parse("engagement_rate") else {
        return Vec::new();
    };
    let with: Vec<(&PostRow, f64)> = posts
        .iter()
        .filter_map(|p| {
            er.evaluate_posts(std::slice::from_ref(p))
                .value
                .map(|v| (p, v))
        })
        .filter(|(_, v)| v.is_finite())
        .collect();
    let mut sums: BTreeMap<Network, (f64, f64, u64, u64)> = BTreeMap::new();
    for (p, v) in &with {
        let e = sums.entry(p.network).or_default();
        e.0 += v;
        e.2 += 1;
        if let Some(s) = rate(p) {
            e.1 += s;
            e.3 += 1;
        }
    }
    with.into_iter()
        .filter_map(|(p, v)| {
            let (se, ss, ne, ns) = sums[&p.network];
            let mean = se / ne as f64;
            let mean_share = (ns > 0).then(|| ss / ns as f64).filter(|m| *m > 0.0);
            (mean > 0.0).then(|| Rated {
                post: p,
                relative: v / mean,
                share_rate: rate(p),
                relative_share: rate(p).zip(mean_share).map(|(r, m)| r / m),
            })
        })
        .collect()
}

struct Family<'a> {
    name: &'static str,
    measure: &'static str,
    key: &'a dyn Fn(&Rated<'_>) -> Vec<String>,
    value: &'a dyn Fn(&Rated<'_>) -> Option<f64>,
    strong: Option<&'static str>,
    weak: Option<&'static str>,
    path: &'static str,
}

/// Runs the comparisons and adds the recommendations; returns every comparison made.
pub(super) fn advise(
    adv: &mut Advisor<'_>,
    posts: &[PostRow],
    tz: Tz,
    opts: &AdviceOptions,
    rep: &Report,
) -> Vec<Comparison> {
    let rows = rated(posts);
    if rows.is_empty() {
        return Vec::new();
    }
    let ct = |r: &Rated<'_>| {
        r.post
            .content_type
            .map(|c| c.as_str().to_owned())
            .into_iter()
            .collect()
    };
    let pillar = |r: &Rated<'_>| r.post.pillar.clone().into_iter().collect();
    let tw = |r: &Rated<'_>| vec![window(r.post.published.with_timezone(&tz).hour()).to_owned()];
    // A post's hashtags, case-folded (#Linen and #linen are one tag), each once.
    let tags = |r: &Rated<'_>| {
        let mut v: Vec<String> = r
            .post
            .text
            .as_deref()
            .map(crate::text::extract_hashtags)
            .unwrap_or_default()
            .into_iter()
            .map(|e| format!("#{}", e.text.trim_start_matches(['#', '＃']).to_lowercase()))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let rel = |r: &Rated<'_>| Some(r.relative);
    let rel_share = |r: &Rated<'_>| r.relative_share;
    let families = [
        Family {
            name: "content_type",
            measure: "relative_engagement",
            key: &ct,
            value: &rel,
            strong: Some("report/strong-content-type"),
            weak: Some("advice/weak-content-type"),
            path: "content_types",
        },
        Family {
            name: "pillar",
            measure: "relative_engagement",
            key: &pillar,
            value: &rel,
            strong: Some("advice/strong-pillar"),
            weak: Some("advice/weak-pillar"),
            path: "pillars",
        },
        Family {
            name: "hashtag",
            measure: "relative_engagement",
            key: &tags,
            value: &rel,
            strong: Some("advice/strong-hashtag"),
            weak: Some("advice/weak-hashtag"),
            path: "hashtags",
        },
        Family {
            name: "time_window",
            measure: "relative_engagement",
            key: &tw,
            value: &rel,
            strong: Some("advice/strong-time-window"),
            weak: Some("advice/weak-time-window"),
            path: "time_windows",
        },
        Family {
            name: "content_type",
            measure: "relative_share_rate",
            key: &ct,
            value: &rel_share,
            strong: Some("advice/shared-format"),
            weak: None,
            path: "content_types",
        },
    ];
    let mut all = Vec::new();
    for fam in &families {
        if ![fam.strong, fam.weak]
            .iter()
            .flatten()
            .any(|id| adv.enabled(id))
        {
            continue;
        }
        all.extend(family(adv, &rows, fam, opts, rep));
    }
    amplified(adv, &rows, adv.strategy);
    all
}

fn family(
    adv: &mut Advisor<'_>,
    rows: &[Rated<'_>],
    fam: &Family<'_>,
    opts: &AdviceOptions,
    rep: &Report,
) -> Vec<Comparison> {
    // Group against the rest; posts without a key (no content type given) are in every rest.
    let mut groups: BTreeMap<String, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    let valued: Vec<(Vec<String>, f64)> = rows
        .iter()
        .filter_map(|r| (fam.value)(r).map(|v| ((fam.key)(r), v)))
        .collect();
    for k in valued.iter().flat_map(|(k, _)| k) {
        groups.entry(k.clone()).or_default();
    }
    for (name, g) in groups.iter_mut() {
        for (k, v) in &valued {
            if k.contains(name) {
                g.0.push(*v);
            } else {
                g.1.push(*v);
            }
        }
    }
    let mut out: Vec<Comparison> = Vec::new();
    let mut tested = Vec::new();
    for (name, (g, rest)) in &groups {
        let mean = |xs: &[f64]| {
            if xs.is_empty() {
                0.0
            } else {
                xs.iter().sum::<f64>() / xs.len() as f64
            }
        };
        let mut c = Comparison {
            family: fam.name.into(),
            group: name.clone(),
            measure: fam.measure.into(),
            n: g.len() as u64,
            mean: round(mean(g)),
            rest_n: rest.len() as u64,
            rest_mean: round(mean(rest)),
            difference: round(mean(g) - mean(rest)),
            ci_low: 0.0,
            ci_high: 0.0,
            confidence: round(1.0 - opts.alpha),
            t: 0.0,
            df: 0.0,
            p: 1.0,
            p_adjusted: 1.0,
            significant: false,
            note: String::new(),
            method: stats::METHOD.into(),
        };
        if (g.len() as u64) < opts.min_posts || (rest.len() as u64) < opts.min_posts {
            c.note = format!(
                "not tested: {} posts in the group and {} in the rest, {} needed on each side",
                g.len(),
                rest.len(),
                opts.min_posts
            );
        } else if let Some((t, df, p, lo, hi)) = stats::welch(g, rest, opts.alpha) {
            c.t = round(t);
            c.df = round(df);
            c.p = p;
            c.ci_low = round(lo);
            c.ci_high = round(hi);
            tested.push(out.len());
        } else {
            c.note = "not tested: no variance".into();
        }
        out.push(c);
    }
    let adjusted = stats::holm(&tested.iter().map(|&i| out[i].p).collect::<Vec<_>>());
    for (&i, a) in tested.iter().zip(adjusted) {
        let c = &mut out[i];
        c.p_adjusted = a;
        c.significant = a < opts.alpha;
        if !c.significant {
            c.note = format!(
                "not significant: Holm-adjusted p = {:.3} ≥ {}",
                a, opts.alpha
            );
        }
        c.p = round_p(c.p);
        c.p_adjusted = round_p(c.p_adjusted);
    }
    for c in out.iter().filter(|c| c.significant) {
        let id = if c.difference > 0.0 {
            fam.strong
        } else {
            fam.weak
        };
        let Some(id) = id else { continue };
        let er_of = |name: &str| -> Option<f64> {
            let mix = if fam.path == "pillars" {
                &rep.pillars
            } else {
                &rep.content_types
            };
            mix.iter()
                .find(|m| m.name == name)
                .and_then(|m| m.engagement_rate)
        };
        let what = match fam.name {
            "content_type" => format!("{} posts", c.group),
            "pillar" => format!("`{}` posts", c.group),
            "hashtag" => format!("posts with {}", c.group),
            _ => format!("posts of the {}", c.group),
        };
        let measured = if fam.measure == "relative_share_rate" {
            "are shared at"
        } else {
            "engage at"
        };
        let raw = (fam.measure == "relative_engagement" && fam.name != "time_window")
            .then(|| er_of(&c.group))
            .flatten()
            .zip(rep.summary.engagement_rate)
            .map(|(e, avg)| format!(" ({} against {} overall)", pct(e), pct(avg)))
            .unwrap_or_default();
        let rationale = format!(
            "{what} {measured} {:.2}× their network's average against {:.2}× for the other posts{raw}: {} posts against {}, difference {:+.2} ({:.0} % interval {:+.2} to {:+.2}), Welch t = {:.2}, Holm-adjusted p = {:.4}",
            c.mean,
            c.rest_mean,
            c.n,
            c.rest_n,
            c.difference,
            c.confidence * 100.0,
            c.ci_low,
            c.ci_high,
            c.t,
            c.p_adjusted
        );
        let action = match (fam.name, c.difference > 0.0, fam.measure) {
            (_, true, "relative_share_rate") => format!(
                "make {} the format of the posts meant to travel (news, offers, launches) and ask for the share",
                c.group
            ),
            ("content_type", true, _) => format!("publish more {} in the next period", c.group),
            ("content_type", false, _) => format!(
                "publish fewer {} posts, or rework them (hook, visual, length) and test again",
                c.group
            ),
            ("pillar", true, _) => format!("give `{}` more of the calendar", c.group),
            ("pillar", false, _) => format!(
                "rework the angle of `{}` (questions, tips, people) or lower its share",
                c.group
            ),
            (_, true, _) => format!("schedule more posts in the {} (the brand's zone)", c.group),
            (_, false, _) => format!("move posts out of the {}", c.group),
        };
        let kpi = if fam.measure == "relative_share_rate" {
            "shares"
        } else {
            "engagement_rate"
        };
        adv.add(id, Draft {
            subject: format!("{}.{}", fam.path, c.group),
            rationale,
            evidence: vec![Evidence {
                kind: K::Comparison,
                label: format!("{} of {} posts against {} other posts, per post, relative to each network's mean", fam.measure, c.n, c.rest_n),
                reference: Some(stats::METHOD.into()),
                value: Some(c.mean),
                baseline: Some(c.rest_mean),
                n: Some(c.n),
                comparison: Some(c.clone()),
            }],
            effect: Some((kpi, Direction::Up)),
            actions: vec![Action::text(action)],
        });
    }
    out
}

fn round_p(p: f64) -> f64 {
    if p < 1e-6 {
        (p * 1e12).round() / 1e12
    } else {
        (p * 1e6).round() / 1e6
    }
}

/// Posts shared far more than their network's usual: diffuse them again, in other formats.
fn amplified(adv: &mut Advisor<'_>, rows: &[Rated<'_>], strategy: &crate::Strategy) {
    let mut by_net: BTreeMap<Network, Vec<f64>> = BTreeMap::new();
    for r in rows {
        if let Some(s) = r.share_rate {
            by_net.entry(r.post.network).or_default().push(s);
        }
    }
    let medians: BTreeMap<Network, (f64, usize)> = by_net
        .into_iter()
        .filter(|(_, v)| v.len() >= 5)
        .map(|(n, mut v)| {
            v.sort_by(f64::total_cmp);
            let m = if v.len() % 2 == 1 {
                v[v.len() / 2]
            } else {
                (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
            };
            (n, (m, v.len()))
        })
        .collect();
    let mut hits: Vec<(&Rated<'_>, f64, f64, usize)> = rows
        .iter()
        .filter_map(|r| {
            let (m, n) = *medians.get(&r.post.network)?;
            let s = r.share_rate?;
            (m > 0.0 && s >= 3.0 * m && r.post.shares.unwrap_or(0) >= 10).then_some((r, s, m, n))
        })
        .collect();
    hits.sort_by(|a, b| {
        (b.1 / b.2)
            .total_cmp(&(a.1 / a.2))
            .then(a.0.post.post_id.cmp(&b.0.post.post_id))
    });
    for (r, s, m, n) in hits.into_iter().take(3) {
        let p = r.post;
        let formats: Vec<&str> = strategy
            .channels
            .iter()
            .filter(|c| c.role == crate::strategy::Role::Publish)
            .flat_map(|c| c.content_types.iter().map(|t| t.as_str()))
            .filter(|t| Some(*t) != p.content_type.map(|c| c.as_str()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut actions = vec![Action::text(format!(
            "push it again on the other channels{}",
            if formats.is_empty() {
                String::new()
            } else {
                format!(", as {}", formats.join(", "))
            }
        ))];
        if let Some(link) = &p.link {
            actions.push(Action::text(format!(
                "link its page ({link}) from the site's home and newsletter"
            )));
        }
        adv.add("advice/amplified-post", Draft {
            subject: format!("posts.{}", p.post_id),
            rationale: format!(
                "post {} on {} was shared {} times, {} of its reach, {:.1}× the median of {} {} posts ({})",
                p.post_id, p.network, p.shares.unwrap_or(0), pct(s), s / m, n, p.network, pct(m)
            ),
            evidence: vec![Evidence::new(K::Post, format!("{}: {} shares for {} reached", p.post_id, p.shares.unwrap_or(0), p.reach.unwrap_or(0))).at(p.post_id.clone()).value(s, Some(m)).n(n as u64)],
            effect: Some(("shares", Direction::Up)),
            actions,
        });
    }
}
