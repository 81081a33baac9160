//! Networks and cadence from the strategy itself: audiences on networks where the brand does not
//! publish, objectives naming a network without a channel, a plan beyond the team's capacity.
//! (Channels to drop need results and are read from the report, in `measured`.)

use super::{Action, Advisor, Draft, Evidence, EvidenceKind as K};
use crate::strategy::{Role, Strategy};

pub(super) fn advise(adv: &mut Advisor<'_>, strategy: &Strategy) {
    let publishes = |n: crate::Network| {
        strategy
            .channels
            .iter()
            .any(|c| c.network == n && c.role == Role::Publish)
    };
    for a in &strategy.audiences {
        for n in a.networks.iter().filter(|n| !publishes(**n)) {
            adv.add("advice/audience-network", Draft {
                subject: format!("audiences.{}.{}", a.id, n),
                rationale: format!("audience `{}` ({}) is on {n}, where the brand has no publishing channel", a.id, a.name),
                evidence: vec![Evidence::new(K::Strategy, format!("audiences.{}.networks lists {n}; no channel publishes there", a.id)).at(format!("audiences.{}.networks", a.id))],
                effect: None,
                actions: vec![Action::text(format!("open a {n} channel for `{}` (start by listening to it), or remove {n} from the audience if it is not where they are", a.id))],
            });
        }
    }
    for o in &strategy.objectives {
        for n in o.networks.iter().filter(|n| !publishes(**n)) {
            adv.add_for(
                "advice/objective-network",
                Draft {
                    subject: format!("objectives.{}.{}", o.id, n),
                    rationale: format!(
                        "objective `{}` counts on {n}, where the brand has no publishing channel",
                        o.id
                    ),
                    evidence: vec![
                        Evidence::new(
                            K::Strategy,
                            format!("objectives.{}.networks lists {n}", o.id),
                        )
                        .at(format!("objectives.{}.networks", o.id)),
                    ],
                    effect: None,
                    actions: vec![Action::text(format!(
                        "add a {n} channel with a cadence, or take {n} out of `{}`",
                        o.id
                    ))],
                },
                &o.id,
            );
        }
    }
    if let Some(cap) = strategy.capacity_per_week {
        let planned: f64 = strategy
            .channels
            .iter()
            .filter(|c| c.role == Role::Publish)
            .filter_map(|c| c.cadence)
            .sum();
        if planned > cap {
            let mut ev: Vec<Evidence> = strategy
                .channels
                .iter()
                .filter(|c| c.role == Role::Publish)
                .filter_map(|c| {
                    c.cadence.map(|k| {
                        Evidence::new(
                            K::Strategy,
                            format!("{}: {k} posts a week planned", c.network),
                        )
                        .at(format!("channels.{}.cadence", c.network))
                        .value(k, None)
                    })
                })
                .collect();
            ev.push(
                Evidence::new(K::Strategy, format!("capacity: {cap} posts a week"))
                    .at("capacity_per_week")
                    .value(planned, Some(cap)),
            );
            adv.add("advice/cadence-over-capacity", Draft {
                subject: "channels".into(),
                rationale: format!("the channels plan {planned} posts a week against a capacity of {cap}: the plan will slip, and steady beats bursts"),
                evidence: ev,
                effect: None,
                actions: vec![Action::text(format!("cut {:.1} posts a week from the channels with the weakest results, or raise the capacity", planned - cap))],
            });
        }
    }
}
