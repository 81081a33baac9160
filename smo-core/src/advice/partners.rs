//! Link exchanges, from the partners check ([`crate::partners`]): restore what a partner
//! removed or re-pointed, rebalance a one-sided exchange, qualify a paid link, and review an
//! exchange that sends nobody. Each recommendation cites the check's finding and the visits the
//! partner sent.

use super::{Action, Advisor, Direction, Draft, Evidence, EvidenceKind as K};
use crate::Finding;
use crate::partners::{PartnerCheck, PartnersReport};

fn finding(f: &Finding) -> Evidence {
    Evidence::new(K::Finding, f.message.clone()).at(f.rule.clone())
}

fn visits(c: &PartnerCheck) -> Option<Evidence> {
    let t = c.traffic.as_ref()?;
    let e = Evidence::new(
        K::Kpi,
        format!(
            "{} sessions from {} from {} to {}{}",
            t.sessions,
            c.partner,
            t.since,
            t.until,
            t.conversions
                .map(|n| format!(", {n} conversions"))
                .unwrap_or_default()
        ),
    )
    .at("sessions")
    .value(t.sessions as f64, None)
    .n(t.sessions);
    Some(e)
}

/// What the partner sent, as the end of a rationale ("; it sent 309 sessions…").
fn sent(c: &PartnerCheck) -> String {
    match &c.traffic {
        Some(t) if t.sessions > 0 => format!(
            "; {} still sent {} sessions{} from {} to {}, a link worth keeping right",
            c.partner,
            t.sessions,
            t.conversions
                .map(|n| format!(" and {n} conversions"))
                .unwrap_or_default(),
            t.since,
            t.until
        ),
        _ => String::new(),
    }
}

pub(super) fn advise(adv: &mut Advisor<'_>, report: &PartnersReport) {
    for (i, c) in report.partners.iter().enumerate() {
        let prefix = format!("partners[{i}]");
        let mine: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| crate::partners::of_partner(f, &prefix))
            .collect();
        let of = |rule: &str| -> Vec<&Finding> {
            mine.iter().copied().filter(|f| f.rule == rule).collect()
        };
        let subject = format!("partners.{}", c.partner);
        let with_visits = |mut ev: Vec<Evidence>| {
            ev.extend(visits(c));
            ev
        };
        let lost: Vec<&Finding> = [
            "partner/link-missing",
            "partner/link-changed",
            "partner/anchor-changed",
        ]
        .into_iter()
        .flat_map(of)
        .collect();
        if let Some(first) = lost.first() {
            adv.add(
                "advice/restore-partner-link",
                Draft {
                    subject: subject.clone(),
                    rationale: format!(
                        "{}{}",
                        lost.iter()
                            .map(|f| f.message.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                        sent(c)
                    ),
                    evidence: with_visits(lost.iter().map(|f| finding(f)).collect()),
                    effect: Some(("sessions", Direction::Up)),
                    actions: vec![Action::snippet(
                        format!(
                            "write to {} with the link as agreed, ready to paste on {}",
                            c.partner, c.inbound.page
                        ),
                        agreed_markup(first),
                    )],
                },
            );
        }
        for f in of("partner/paid-link-unqualified") {
            adv.add(
                "advice/qualify-paid-link",
                Draft {
                    subject: subject.clone(),
                    rationale: format!(
                        "{}; Google treats a paid link without rel=sponsored or nofollow as a link scheme, which can cost the brand's pages their ranking",
                        f.message
                    ),
                    evidence: with_visits(vec![finding(f)]),
                    effect: None,
                    actions: vec![Action::snippet(
                        format!("ask {} to add rel=\"sponsored\" to the link", c.partner),
                        agreed_markup(f),
                    )],
                },
            );
        }
        let sides: Vec<&Finding> = ["partner/our-link-missing", "partner/unbalanced"]
            .into_iter()
            .flat_map(of)
            .collect();
        if !sides.is_empty() {
            let mut actions: Vec<Action> = sides
                .iter()
                .filter_map(|f| {
                    let fix = f.fix.as_deref()?;
                    Some(match fix.split_once(": <a ") {
                        Some((text, markup)) => Action::snippet(text, format!("<a {markup}")),
                        None => Action::text(fix),
                    })
                })
                .collect();
            actions.dedup();
            adv.add(
                "advice/rebalance-exchange",
                Draft {
                    subject: subject.clone(),
                    rationale: sides
                        .iter()
                        .map(|f| f.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    evidence: with_visits(sides.iter().map(|f| finding(f)).collect()),
                    effect: Some(("sessions", Direction::Up)),
                    actions,
                },
            );
        }
        for f in of("partner/no-traffic") {
            adv.add(
                "advice/review-partner",
                Draft {
                    subject: subject.clone(),
                    rationale: format!(
                        "{}: the exchange costs a link from our site and brings no visitor",
                        f.message
                    ),
                    evidence: with_visits(vec![finding(f)]),
                    effect: Some(("sessions", Direction::Up)),
                    actions: vec![
                        Action::text(format!(
                            "agree with {} on a placement visitors see (an article, a product page, a newsletter) instead of a list of partners, with a tagged link",
                            c.partner
                        )),
                        Action::text(
                            "if nothing changes by the next review, end the exchange and remove our link",
                        ),
                    ],
                },
            );
        }
    }
}

/// The markup a finding's fix proposes (`…: <a href=…>…</a>`), else the fix itself.
fn agreed_markup(f: &Finding) -> String {
    let fix = f.fix.as_deref().unwrap_or("");
    fix.find("<a ").map_or(fix, |i| &fix[i..]).to_owned()
}
