//! The report's rules (`report/*`): objectives, cadence, networks, pillars, trends, traffic and
//! ROI, read from the report's tables. `report/strong-content-type` lives with the other
//! comparisons of posts (`content`), behind the statistical guard.

use std::collections::BTreeMap;

use super::{Action, Advisor, Direction, Draft, Evidence, EvidenceKind as K, pct};
use crate::Severity;
use crate::data::Dataset;
use crate::kpi::objective::Status;
use crate::kpi::{Unit, format_value};
use crate::report::{ChannelRow, PeriodRow, Report};
use crate::strategy::Strategy;
use crate::traffic::{Channel, channel_group};

fn draft(
    subject: String,
    rationale: String,
    evidence: Vec<Evidence>,
    effect: Option<(&'static str, Direction)>,
    action: String,
) -> Draft {
    Draft {
        subject,
        rationale,
        evidence,
        effect,
        actions: vec![Action::text(action)],
    }
}

pub(super) fn advise(adv: &mut Advisor<'_>, rep: &Report, data: &Dataset, strategy: &Strategy) {
    let er_spec = rep
        .formulas
        .get("engagement_rate")
        .cloned()
        .unwrap_or_default();
    for o in &rep.objectives {
        let at = format!("objectives.{}", o.objective);
        let unit = o.unit.unwrap_or(Unit::Ratio);
        let fmt = |v: Option<f64>| v.map_or("n/a".to_owned(), |v| format_value(v, unit));
        let kpi = o.kpi.clone().unwrap_or_default();
        let ev = |label: String| {
            let mut e = Evidence::new(K::Kpi, label).at(kpi.clone());
            e.value = o.current;
            e.baseline = o.target;
            e.n = Some(o.series.len() as u64);
            e
        };
        let mut d = match o.status {
            Status::OffTrack => draft(at, format!("`{}` is off track ({}): current {}, target {} by {}; {}", o.objective, o.rule, fmt(o.current), fmt(o.target), o.deadline.map_or("-".into(), |d| d.to_string()), o.reason), vec![ev(format!("{} = {} against a target of {} ({} periods of data)", kpi, fmt(o.current), fmt(o.target), o.series.len()))], None, format!("revise the plan for `{}`: more budget or posts on its networks, or a realistic target; the trend needs {} per {} from now", o.objective, fmt(o.required_per_period), rep.period)),
            Status::AtRisk => draft(at, format!("`{}` is at risk ({}): current {}, target {}; {}", o.objective, o.rule, fmt(o.current), fmt(o.target), o.reason), vec![ev(format!("{} = {} against a target of {}", kpi, fmt(o.current), fmt(o.target)))], None, format!("watch `{}` each {}; it needs {} per {}", o.objective, rep.period, fmt(o.required_per_period), rep.period)),
            Status::NoData if o.kpi.is_some() => draft(at, format!("`{}` cannot be tracked: {}", o.objective, o.reason), vec![Evidence::new(K::Kpi, format!("no value of {kpi} in the data given")).at(kpi.clone()).n(0)], None, "add the data that measures it (export the network's analytics, tag links with UTMs) or change the KPI".into()),
            _ => continue,
        };
        let id = match o.status {
            Status::OffTrack => "report/objective-off-track",
            Status::AtRisk => "report/objective-at-risk",
            _ => "report/objective-no-data",
        };
        d.effect = None;
        adv.add_for(id, d, &o.objective);
    }
    for n in &rep.networks {
        if let Some(plan) = n.planned_per_week {
            if plan > 0.0 && n.posts_per_week < 0.75 * plan {
                adv.add(
                    "report/cadence-below-plan",
                    draft(
                        format!("networks.{}", n.network),
                        format!(
                            "{} posted {:.1} times a week against {:.1} planned ({:.0} %)",
                            n.network,
                            n.posts_per_week,
                            plan,
                            n.posts_per_week / plan * 100.0
                        ),
                        vec![
                            Evidence::new(
                                K::Kpi,
                                format!(
                                    "{} posts on {}, {:.1} a week",
                                    n.posts, n.network, n.posts_per_week
                                ),
                            )
                            .at("posts")
                            .value(n.posts_per_week, Some(plan))
                            .n(n.posts),
                        ],
                        Some(("posts", Direction::Up)),
                        format!(
                            "lower the planned cadence on {} or free production time for it",
                            n.network
                        ),
                    ),
                );
            }
        }
    }
    let best = rep
        .networks
        .iter()
        .filter_map(|n| n.engagement_rate.map(|e| (e, n)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((best_er, best_net)) = best {
        for n in &rep.networks {
            if let Some(e) = n.engagement_rate {
                if n.network != best_net.network && e < best_er / 2.0 {
                    adv.add(
                        "report/low-engagement-network",
                        draft(
                            format!("networks.{}", n.network),
                            format!(
                                "{} engages at {} against {} on {} ({er_spec})",
                                n.network,
                                pct(e),
                                pct(best_er),
                                best_net.network
                            ),
                            vec![
                                Evidence::new(
                                    K::Kpi,
                                    format!("{}: {} over {} posts", n.network, pct(e), n.posts),
                                )
                                .at(er_spec.clone())
                                .value(e, Some(best_er))
                                .n(n.posts),
                                Evidence::new(
                                    K::Kpi,
                                    format!(
                                        "{}: {} over {} posts",
                                        best_net.network,
                                        pct(best_er),
                                        best_net.posts
                                    ),
                                )
                                .at(er_spec.clone())
                                .value(best_er, None)
                                .n(best_net.posts),
                            ],
                            Some(("engagement_rate", Direction::Up)),
                            format!(
                                "rework the formats used on {} or move effort to {}",
                                n.network, best_net.network
                            ),
                        ),
                    );
                }
            }
        }
    }
    // Channels to drop: no audience of the strategy is there and the network brings no result.
    if let Some((best_er, _)) = best {
        for c in strategy
            .channels
            .iter()
            .filter(|c| c.role == crate::strategy::Role::Publish)
        {
            let audience = !c.audiences.is_empty()
                || strategy
                    .audiences
                    .iter()
                    .any(|a| a.networks.contains(&c.network));
            let Some(n) = rep.networks.iter().find(|n| n.network == c.network) else {
                continue;
            };
            let weak = n.engagement_rate.is_some_and(|e| e < best_er / 3.0);
            let no_sessions = n.sessions.is_none_or(|s| s == 0.0) && !data.web.is_empty();
            if !audience && weak && no_sessions {
                adv.add("advice/drop-channel", draft(
                    format!("channels.{}", c.network),
                    format!("{} reaches no audience of the strategy, engages at {} (a third of the best is {}) and brought no session", c.network, pct(n.engagement_rate.unwrap_or(0.0)), pct(best_er / 3.0)),
                    vec![
                        Evidence::new(K::Strategy, format!("no audience lists {} and the channel names none", c.network)).at(format!("channels.{}.audiences", c.network)),
                        Evidence::new(K::Kpi, format!("{}: {} over {} posts", c.network, pct(n.engagement_rate.unwrap_or(0.0)), n.posts)).at(er_spec.clone()).value(n.engagement_rate.unwrap_or(0.0), Some(best_er)).n(n.posts),
                        Evidence::new(K::Kpi, format!("{} sessions from {} in the web analytics", n.sessions.unwrap_or(0.0), c.network)).at("sessions").value(n.sessions.unwrap_or(0.0), None),
                    ],
                    None,
                    format!("stop publishing on {} and give its {:.1} posts a week to the networks that work; keep the handle and listen there", c.network, n.posts_per_week),
                ));
            }
        }
    }
    for p in &rep.pillars {
        if let Some(plan) = p.planned_share {
            if (p.share - plan).abs() > 10.0 {
                adv.add(
                    "report/pillar-drift",
                    draft(
                        format!("pillars.{}", p.name),
                        format!(
                            "pillar `{}` is {:.1} % of posts against {:.0} % planned",
                            p.name, p.share, plan
                        ),
                        vec![
                            Evidence::new(
                                K::Strategy,
                                format!(
                                    "{} of {} posts are `{}`; the strategy plans {:.0} %",
                                    p.posts, rep.summary.posts, p.name, plan
                                ),
                            )
                            .at(format!("pillars.{}.share", p.name))
                            .value(p.share, Some(plan))
                            .n(rep.summary.posts),
                        ],
                        None,
                        if p.share < plan {
                            format!("schedule more `{}` posts", p.name)
                        } else {
                            format!("rebalance away from `{}`", p.name)
                        },
                    ),
                );
            }
        }
    }
    let mut last: BTreeMap<&str, &PeriodRow> = BTreeMap::new();
    for p in rep.periods.iter().filter(|p| p.network != "all") {
        last.insert(&p.network, p);
    }
    for (net, p) in last {
        if let Some(c) = p.engagement_rate_change_pct {
            if c < -20.0 {
                adv.add(
                    "report/declining-engagement",
                    draft(
                        format!("periods.{}.{net}", p.period),
                        format!(
                            "{net} engagement rate fell {:.1} % in {} to {}",
                            -c,
                            p.period,
                            p.engagement_rate.map_or("n/a".into(), pct)
                        ),
                        vec![
                            Evidence::new(
                                K::Kpi,
                                format!(
                                    "{net} in {}: {} over {} posts, {:+.1} % on the period before",
                                    p.period,
                                    p.engagement_rate.map_or("n/a".into(), pct),
                                    p.posts,
                                    c
                                ),
                            )
                            .at(er_spec.clone())
                            .value(c, None)
                            .n(p.posts),
                        ],
                        Some(("engagement_rate", Direction::Up)),
                        format!(
                            "compare {net}'s last posts with its best ones (formats, times, topics)"
                        ),
                    ),
                );
            }
        }
    }
    let total: u64 = rep.channels.iter().map(|c| c.sessions).sum();
    let bounced: f64 = data
        .web
        .iter()
        .filter_map(|w| w.bounces)
        .map(|b| b as f64)
        .sum();
    if total > 0 && data.web.iter().any(|w| w.bounces.is_some()) {
        let site = bounced / total as f64 * 100.0;
        let social: Vec<&ChannelRow> = rep
            .channels
            .iter()
            .filter(|c| matches!(c.channel, Channel::OrganicSocial | Channel::PaidSocial))
            .collect();
        let (s_sessions, s_bounces): (u64, f64) = social.iter().fold((0, 0.0), |a, c| {
            (
                a.0 + c.sessions,
                a.1 + c.bounce_rate.unwrap_or(0.0) * c.sessions as f64 / 100.0,
            )
        });
        if s_sessions > 0 {
            let sb = s_bounces / s_sessions as f64 * 100.0;
            if sb >= site + 10.0 {
                adv.add("report/social-bounce", draft(
                    "channels".into(),
                    format!("social sessions bounce at {} against {} for the whole site", pct(sb), pct(site)),
                    vec![
                        Evidence::new(K::Kpi, format!("bounce rate of {s_sessions} social sessions: {}", pct(sb))).at(rep.formulas.get("bounce_rate").cloned().unwrap_or_default()).value(sb, Some(site)).n(s_sessions),
                        Evidence::new(K::Kpi, format!("bounce rate of all {total} sessions: {}", pct(site))).value(site, None).n(total),
                    ],
                    Some(("bounce_rate", Direction::Down)),
                    "check that social links land on the page the post promises, fast on mobile".into(),
                ));
            }
        }
    }
    if let Some(u) = rep
        .channels
        .iter()
        .find(|c| c.channel == Channel::Unassigned)
    {
        if u.share > 5.0 {
            let mut pairs: Vec<String> = data
                .web
                .iter()
                .filter(|w| {
                    channel_group(&w.source, &w.medium, w.campaign.as_deref().unwrap_or(""))
                        == Channel::Unassigned
                })
                .map(|w| format!("{}/{}", w.source, w.medium))
                .collect();
            pairs.sort();
            pairs.dedup();
            pairs.truncate(5);
            adv.add(
                "report/unassigned-traffic",
                draft(
                    "channels.Unassigned".into(),
                    format!(
                        "{} sessions ({}) are Unassigned, e.g. {}",
                        u.sessions,
                        pct(u.share),
                        pairs.join(", ")
                    ),
                    vec![
                        Evidence::new(
                            K::Kpi,
                            format!(
                                "{} of {total} sessions match no channel rule ({}), e.g. {}",
                                u.sessions,
                                crate::traffic::channel::RULESET_VERSION,
                                pairs.join(", ")
                            ),
                        )
                        .at("channels.Unassigned")
                        .value(u.share, Some(5.0))
                        .n(total),
                    ],
                    None,
                    "fix the utm_medium of these links (social, paid_social, email, referral...)"
                        .into(),
                ),
            );
        }
    }
    if let (Some(roi), Some(cost)) = (rep.summary.roi, rep.summary.cost) {
        if roi < 0.0 {
            let rev = rep.summary.social_revenue.unwrap_or(0.0);
            adv.add(
                "report/negative-roi",
                draft(
                    "summary.roi".into(),
                    format!(
                        "social revenue {rev:.2} against {cost:.2} of cost: ROI {}",
                        pct(roi)
                    ),
                    vec![
                        Evidence::new(
                            K::Kpi,
                            format!(
                                "ROI = ({rev:.2} − {cost:.2}) / {cost:.2} × 100 = {}",
                                pct(roi)
                            ),
                        )
                        .at(rep.formulas.get("roi").cloned().unwrap_or_default())
                        .value(roi, Some(0.0)),
                    ],
                    Some(("roi", Direction::Up)),
                    "cut the costs that bring no sessions, or push the converting pages in posts"
                        .into(),
                ),
            );
        }
    }
    let errors: Vec<&crate::Finding> = rep
        .audit
        .iter()
        .filter(|a| a.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        let mut by_rule: BTreeMap<&str, u64> = BTreeMap::new();
        for e in &errors {
            *by_rule.entry(e.rule.as_str()).or_default() += 1;
        }
        let rules: Vec<&str> = by_rule.keys().copied().collect();
        adv.add(
            "report/audit-errors",
            draft(
                "audit".into(),
                format!(
                    "the site audit of {} found {} error(s): {}",
                    strategy.brand.site,
                    errors.len(),
                    rules.join(", ")
                ),
                by_rule
                    .iter()
                    .map(|(r, n)| {
                        Evidence::new(K::Finding, format!("{r}: {n} finding(s)"))
                            .at(*r)
                            .n(*n)
                    })
                    .collect(),
                None,
                "fix them before pushing more traffic from social".into(),
            ),
        );
    }
}
