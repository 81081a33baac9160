//! Validation rules for a [`Strategy`].
//!
//! Each rule has a row in [`RULES`] (id, title, description, default severity, source) and a
//! check below. [`Strategy::validate`] walks the strategy section by section (objectives,
//! audiences, channels, pillars, listening) and reports in document order within each, so the
//! output is stable across surfaces and reads in the order of the file.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::error::Result;
use crate::finding::{Finding, Findings, Location, RuleConfig, RuleInfo, Severity};
use crate::handle;
use crate::kpi::{self, Direction};
use crate::network::Network;
use crate::strategy::{Role, Strategy};

const SMART: &str = "Doran, G. T. (1981), There's a S.M.A.R.T. way to write management's goals and objectives, Management Review 70(11): 35-36";
const TARGET: &str = "https://www.manobyte.com/growth-strategy/16-rules-of-social-media-optimization (rule 9: know how to target your audience)";
const TACTICS: &str = "https://www.manobyte.com/growth-strategy/16-rules-of-social-media-optimization (rule 15: choose your SMO tactics wisely)";
const CHARTER: &str = "smo-practice.md §3.6 (identity and charter: same handle everywhere)";
const HANDLES: &str = "networks-and-text.md §3 (handle rules per network)";
const CADENCE: &str = "smo-practice.md §4.1 (posting frequency, soft guidance)";
const LISTEN: &str = "smo-practice.md §3.9 and §4.4 (listening: participate, know your audience)";

macro_rules! rule {
    ($id:literal, $sev:ident, $title:literal, $desc:literal, $src:expr) => {
        RuleInfo {
            id: $id,
            title: $title,
            description: $desc,
            default_severity: Severity::$sev,
            source: $src,
        }
    };
}

/// The strategy rule registry.
pub static RULES: &[RuleInfo] = &[
    rule!(
        "objective/not-smart",
        Error,
        "Objective is not SMART",
        "A quantitative objective needs a KPI, a baseline, a target and a deadline; a qualitative one needs a deadline; a start, when given, comes before the deadline.",
        SMART
    ),
    rule!(
        "objective/deadline-past",
        Error,
        "Objective deadline has passed",
        "The deadline is before the date of the review: set a new one or close the objective.",
        SMART
    ),
    rule!(
        "objective/kpi-unknown",
        Warning,
        "KPI not in the catalogue",
        "smo cannot compute a KPI it does not know: use a catalogue id or define how it is measured.",
        "measurement.md §1"
    ),
    rule!(
        "objective/kpi-not-measurable",
        Error,
        "KPI not measurable on the objective's networks",
        "The network's own analytics do not report the metrics the KPI needs (Mastodon and Bluesky report no reach or impressions, X no reach).",
        "measurement.md §1 and the metrics column of the network table"
    ),
    rule!(
        "objective/target-direction",
        Warning,
        "Target is not an improvement",
        "The target does not move the KPI in its good direction from the baseline (up for reach, down for cost per click).",
        SMART
    ),
    rule!(
        "objective/network-without-channel",
        Warning,
        "Objective on a network without a channel",
        "The objective names a network where the strategy has no channel.",
        TACTICS
    ),
    rule!(
        "audience/unserved",
        Warning,
        "Audience served by no channel",
        "No channel lists this audience: nobody will reach it.",
        TARGET
    ),
    rule!(
        "audience/network-not-covered",
        Notice,
        "Audience's networks not covered",
        "The audience uses networks where the brand has no channel.",
        TARGET
    ),
    rule!(
        "channel/no-audience",
        Warning,
        "Channel serves no audience",
        "A channel should say which audiences it is for.",
        TARGET
    ),
    rule!(
        "channel/no-objective",
        Warning,
        "Channel serves no objective",
        "No objective covers this channel's network: it has no measurable purpose.",
        TACTICS
    ),
    rule!(
        "channel/content-type-unsupported",
        Error,
        "Content type not supported by the network",
        "The channel plans a content type its network does not offer.",
        "the content-types column of the network table"
    ),
    rule!(
        "channel/handle-invalid",
        Error,
        "Handle invalid for its network",
        "The handle breaks the network's username rules.",
        HANDLES
    ),
    rule!(
        "channel/handle-inconsistent",
        Warning,
        "Handles differ across networks",
        "One name everywhere is the charter rule: people search for the brand by one name.",
        CHARTER
    ),
    rule!(
        "channel/duplicate",
        Warning,
        "Same account listed twice",
        "Two channels have the same network and handle.",
        TACTICS
    ),
    rule!(
        "channel/cadence-missing",
        Warning,
        "Publishing channel without a cadence",
        "A channel that publishes needs a planned number of posts per week.",
        CADENCE
    ),
    rule!(
        "channel/cadence-outside-guidance",
        Notice,
        "Cadence outside published guidance",
        "The planned posts per week fall outside the range that published studies advise for the network (soft guidance).",
        CADENCE
    ),
    rule!(
        "strategy/capacity-exceeded",
        Warning,
        "Plan exceeds the team's capacity",
        "The channels' cadences add up to more posts a week than the team can produce; steady beats bursts.",
        CADENCE
    ),
    rule!(
        "pillar/shares-sum",
        Warning,
        "Pillar shares do not add up to 100 %",
        "The content pillars' shares of output must sum to 100 %.",
        "shares of one whole sum to 100 %"
    ),
    rule!(
        "pillar/content-type-unpublished",
        Notice,
        "Pillar content type published on no channel",
        "A pillar relies on a content type that no channel publishes.",
        TACTICS
    ),
    rule!(
        "listening/none",
        Warning,
        "No listening set up",
        "Listening comes first in SMO: set keywords (brand, products, sector terms) to watch.",
        LISTEN
    ),
    rule!(
        "listening/query-invalid",
        Error,
        "Listening query does not parse",
        "A monitoring query of the strategy (its own, or one made from a keyword or competitor) is not valid in smo's query dialect.",
        "docs/listening.md (monitoring queries)"
    ),
    rule!(
        "listening/no-competitors",
        Notice,
        "No competitors to benchmark",
        "Share of voice and benchmarks need at least one competitor.",
        "measurement.md §7.4"
    ),
];

/// Options of [`Strategy::validate`].
#[derive(Debug, Clone, Default)]
pub struct ValidateOptions {
    /// The date of the review, for deadline checks; `None` means today (UTC).
    pub today: Option<NaiveDate>,
    /// Rules disabled and severities changed.
    pub rules: RuleConfig,
}

impl Strategy {
    /// Runs every enabled strategy rule and returns the findings.
    ///
    /// Fails only when the options name a rule that does not exist.
    ///
    /// ```
    /// use smo_core::{Strategy, strategy::rules::ValidateOptions};
    /// let s = Strategy::example().unwrap();
    /// let opts = ValidateOptions { today: "2026-11-21".parse().ok(), ..Default::default() };
    /// let findings = s.validate(&opts).unwrap();
    /// assert!(findings.iter().any(|f| f.rule == "channel/handle-inconsistent"));
    /// ```
    pub fn validate(&self, options: &ValidateOptions) -> Result<Vec<Finding>> {
        let mut out = Findings::new(RULES, &options.rules)?;
        let today = options
            .today
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        objectives(self, today, &mut out);
        audiences(self, &mut out);
        channels(self, &mut out);
        pillars(self, &mut out);
        listening(self, &mut out);
        Ok(out.into_vec())
    }

    /// The networks that have a channel, in table order.
    pub fn channel_networks(&self) -> BTreeSet<Network> {
        self.channels.iter().map(|c| c.network).collect()
    }
}

fn names(networks: impl IntoIterator<Item = Network>) -> String {
    networks
        .into_iter()
        .map(|n| n.info().name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn objectives(s: &Strategy, today: NaiveDate, out: &mut Findings<'_>) {
    let channel_networks = s.channel_networks();
    for (i, o) in s.objectives.iter().enumerate() {
        let at = |field: &str| Location::path(format!("objectives[{i}].{field}"));
        let id = &o.id;
        if o.deadline.is_none() {
            out.report(
                "objective/not-smart",
                at("deadline"),
                format!("objective `{id}` has no deadline: it is not time-bound"),
                Some("add `deadline = YYYY-MM-DD`".into()),
            );
        }
        if !o.qualitative {
            if o.kpi.is_none() {
                out.report("objective/not-smart", at("kpi"),
                    format!("objective `{id}` has no KPI: it is not measurable"),
                    Some("add `kpi = \"...\"` with a catalogue id such as engagement_rate, or mark it `qualitative = true`".into()));
            }
            if o.baseline.is_none() {
                out.report(
                    "objective/not-smart",
                    at("baseline"),
                    format!("objective `{id}` has no baseline: progress cannot be measured"),
                    Some("add `baseline = ...`, the KPI's value today".into()),
                );
            }
            if o.target.is_none() {
                out.report(
                    "objective/not-smart",
                    at("target"),
                    format!("objective `{id}` has no target: it is not specific"),
                    Some("add `target = ...`, the value to reach by the deadline".into()),
                );
            }
        }
        if let (Some(start), Some(deadline)) = (o.start, o.deadline) {
            if start >= deadline {
                out.report(
                    "objective/not-smart",
                    at("start"),
                    format!("objective `{id}` starts on {start}, not before its deadline {deadline}: it has no time to run"),
                    Some("set `start` to the day the baseline was measured, before the deadline".into()),
                );
            }
        }
        if let Some(deadline) = o.deadline.filter(|d| *d < today) {
            out.report(
                "objective/deadline-past",
                at("deadline"),
                format!("objective `{id}` was due on {deadline}, before {today}"),
                Some("set a new deadline, or close the objective and report on it".into()),
            );
        }
        for (j, n) in o.networks.iter().enumerate() {
            if !channel_networks.contains(n) {
                out.report(
                    "objective/network-without-channel",
                    at(&format!("networks[{j}]")),
                    format!(
                        "objective `{id}` is about {}, where the strategy has no channel",
                        n.info().name
                    ),
                    Some(format!(
                        "add a {} channel or remove the network from the objective",
                        n.info().name
                    )),
                );
            }
        }
        let Some(kpi_id) = o.kpi.as_deref() else {
            continue;
        };
        let Some(def) = kpi::find(kpi_id) else {
            out.report(
                "objective/kpi-unknown",
                at("kpi"),
                format!("KPI `{kpi_id}` of objective `{id}` is not in smo's catalogue"),
                Some(format!(
                    "use one of: {}",
                    kpi::KPIS
                        .iter()
                        .map(|k| k.id)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        };
        let scope: Vec<Network> = if o.networks.is_empty() {
            channel_networks.iter().copied().collect()
        } else {
            o.networks
                .iter()
                .copied()
                .filter(|n| channel_networks.contains(n))
                .collect()
        };
        for n in scope {
            let missing = def.missing_on(n);
            if !missing.is_empty() {
                let needs: Vec<String> = missing
                    .iter()
                    .map(|g| {
                        g.iter()
                            .map(|m| m.as_str())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    })
                    .collect();
                out.report("objective/kpi-not-measurable", at("kpi"),
                    format!("{} cannot be measured on {} for objective `{id}`: its analytics do not report {}",
                        def.name, n.info().name, needs.join(", nor ")),
                    Some(format!("choose a KPI {} reports (its analytics give: {}), or scope the objective to other networks",
                        n.info().name,
                        n.info().metrics.value.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", "))));
            }
        }
        if let (Some(b), Some(t)) = (o.baseline, o.target) {
            let improves = match def.direction {
                Direction::Increase => t > b,
                Direction::Decrease => t < b,
            };
            if !improves {
                let way = match def.direction {
                    Direction::Increase => "above",
                    Direction::Decrease => "below",
                };
                out.report("objective/target-direction", at("target"),
                    format!("objective `{id}`: target {} is not {way} baseline {} for {}, where {} is better",
                        fmt_num(t), fmt_num(b), def.name,
                        match def.direction { Direction::Increase => "higher", Direction::Decrease => "lower" }),
                    Some(format!("set a target {way} {}", fmt_num(b))));
            }
        }
    }
}

fn audiences(s: &Strategy, out: &mut Findings<'_>) {
    let channel_networks = s.channel_networks();
    for (i, a) in s.audiences.iter().enumerate() {
        if !s.channels.iter().any(|c| c.audiences.contains(&a.id)) {
            out.report(
                "audience/unserved",
                Location::path(format!("audiences[{i}]")),
                format!("audience `{}` ({}) is served by no channel", a.id, a.name),
                Some(format!(
                    "add `{}` to the audiences of a channel on a network it uses{}",
                    a.id,
                    if a.networks.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", names(a.networks.iter().copied()))
                    }
                )),
            );
        }
        let uncovered: Vec<Network> = a
            .networks
            .iter()
            .copied()
            .filter(|n| !channel_networks.contains(n))
            .collect();
        if !uncovered.is_empty() {
            out.report(
                "audience/network-not-covered",
                Location::path(format!("audiences[{i}].networks")),
                format!(
                    "audience `{}` uses {}, where the brand has no channel",
                    a.id,
                    names(uncovered.iter().copied())
                ),
                Some(
                    "consider a listening channel there, or confirm the choice in the strategy"
                        .into(),
                ),
            );
        }
    }
}

fn channels(s: &Strategy, out: &mut Findings<'_>) {
    let mut seen: BTreeMap<(Network, String), usize> = BTreeMap::new();
    let mut total_cadence = 0.0;
    for (i, c) in s.channels.iter().enumerate() {
        let at = |field: &str| Location::path(format!("channels[{i}].{field}"));
        let name = c.network.info().name;
        let check = handle::check(c.network, &c.handle);
        if !check.valid {
            out.report(
                "channel/handle-invalid",
                at("handle"),
                format!(
                    "{name} handle `{}`: {}",
                    c.handle,
                    check.problems.join("; ")
                ),
                Some(format!(
                    "choose a handle that follows {name}'s rules (source: {})",
                    c.network.info().handle.source
                )),
            );
        }
        if let Some(first) = seen.insert((c.network, check.normalized.clone()), i) {
            out.report(
                "channel/duplicate",
                at("handle"),
                format!(
                    "{name} account `{}` is already listed as channels[{first}]",
                    c.handle
                ),
                Some("merge the two channels".into()),
            );
        }
        if c.audiences.is_empty() {
            out.report(
                "channel/no-audience",
                at("audiences"),
                format!("{name} channel `{}` serves no audience", c.handle),
                Some("list the audience ids this channel is for".into()),
            );
        }
        let serves_objective = s
            .objectives
            .iter()
            .any(|o| o.networks.is_empty() || o.networks.contains(&c.network));
        if !serves_objective {
            out.report(
                "channel/no-objective",
                at("network"),
                format!(
                    "no objective covers {name}: channel `{}` has no measurable purpose",
                    c.handle
                ),
                Some(format!(
                    "add {} to an objective's networks, or drop the channel",
                    c.network
                )),
            );
        }
        for (j, t) in c.content_types.iter().enumerate() {
            if !c.network.supports(*t) {
                out.report(
                    "channel/content-type-unsupported",
                    at(&format!("content_types[{j}]")),
                    format!("{name} does not support `{t}` content"),
                    Some(format!(
                        "{name} supports: {}",
                        c.network
                            .info()
                            .content_types
                            .value
                            .iter()
                            .map(|t| t.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
        }
        if c.role == Role::Publish {
            match c.cadence {
                None => out.report(
                    "channel/cadence-missing",
                    at("cadence"),
                    format!("{name} channel `{}` publishes but has no cadence", c.handle),
                    Some("add `cadence = N`, posts per week".into()),
                ),
                Some(n) => {
                    total_cadence += n;
                    if let Some(g) = &c.network.info().cadence {
                        let r = g.value;
                        if n < r.min_per_week || n > r.max_per_week {
                            out.report("channel/cadence-outside-guidance", at("cadence"),
                                format!("{name}: {} posts a week is outside the advised {} to {} (as of {})",
                                    fmt_num(n), fmt_num(r.min_per_week), fmt_num(r.max_per_week), g.as_of),
                                Some(format!("guidance only, from {}: keep a steady rhythm the team can hold", g.source)));
                        }
                    }
                }
            }
        }
    }
    if let Some(cap) = s.capacity_per_week.filter(|cap| total_cadence > *cap) {
        out.report(
            "strategy/capacity-exceeded",
            Location::path("capacity_per_week"),
            format!(
                "the channels plan {} posts a week; the team can produce {}",
                fmt_num(total_cadence),
                fmt_num(cap)
            ),
            Some("lower cadences or drop a channel: steady beats bursts".into()),
        );
    }
    charter(s, out);
}

/// One name everywhere: report each channel whose charter name differs from the most common.
fn charter(s: &Strategy, out: &mut Findings<'_>) {
    if !out.enabled("channel/handle-inconsistent") {
        return;
    }
    let names: Vec<(usize, String)> = s
        .channels
        .iter()
        .enumerate()
        .filter(|(_, c)| c.network != crate::Network::WhatsApp)
        .map(|(i, c)| (i, handle::charter_name(c.network, &c.handle)))
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, n) in &names {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    // The reference is the most used name; on a tie, the one closest to the brand name.
    let brand: String = s
        .brand
        .name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let Some(reference) = counts
        .iter()
        .max_by_key(|(n, count)| (**count, **n == brand))
        .map(|(n, _)| (*n).to_owned())
    else {
        return;
    };
    for (i, n) in &names {
        if *n != reference {
            let c = &s.channels[*i];
            out.report(
                "channel/handle-inconsistent",
                Location::path(format!("channels[{i}].handle")),
                format!(
                    "{} handle `{}` differs from the name used elsewhere (`{reference}`)",
                    c.network.info().name,
                    c.handle
                ),
                Some(format!(
                    "use `{reference}` on {} if it is free, or record why not in the charter",
                    c.network.info().name
                )),
            );
        }
    }
}

fn pillars(s: &Strategy, out: &mut Findings<'_>) {
    if !s.pillars.is_empty() {
        let sum: f64 = s.pillars.iter().map(|p| p.share).sum();
        if (sum - 100.0).abs() > 0.5 {
            out.report(
                "pillar/shares-sum",
                Location::path("pillars"),
                format!(
                    "pillar shares add up to {} %, not 100 %",
                    fmt_num((sum * 10.0).round() / 10.0)
                ),
                Some("rebalance the shares so that they sum to 100".into()),
            );
        }
    }
    let published: BTreeSet<_> = s
        .channels
        .iter()
        .filter(|c| c.role == Role::Publish)
        .flat_map(|c| c.content_types.iter().copied())
        .collect();
    for (i, p) in s.pillars.iter().enumerate() {
        for (j, t) in p.content_types.iter().enumerate() {
            if !published.contains(t) {
                out.report(
                    "pillar/content-type-unpublished",
                    Location::path(format!("pillars[{i}].content_types[{j}]")),
                    format!(
                        "pillar `{}` uses `{t}` content, which no publishing channel plans",
                        p.name
                    ),
                    Some(format!(
                        "add `{t}` to a channel on a network that supports it ({})",
                        names(t.networks())
                    )),
                );
            }
        }
    }
}

fn listening(s: &Strategy, out: &mut Findings<'_>) {
    for q in crate::listening::setup::queries(s) {
        if let Err(e) = &q.query {
            out.report(
                "listening/query-invalid",
                Location::path(q.path.clone()),
                format!("listening query `{}` ({}): {e}", q.name, q.text),
                Some(
                    "fix the query at the column given; docs/listening.md lists the dialect".into(),
                ),
            );
        }
    }
    match &s.listening {
        Some(l) if !l.keywords.is_empty() => {
            if l.competitors.is_empty() {
                out.report(
                    "listening/no-competitors",
                    Location::path("listening.competitors"),
                    "no competitor is watched: share of voice cannot be computed".into(),
                    Some("add at least one [[listening.competitors]]".into()),
                );
            }
        }
        _ => out.report(
            "listening/none",
            Location::path("listening"),
            "no listening keywords are set: the brand cannot hear what is said about it".into(),
            Some("add [listening] keywords = [brand name, products, sector terms]".into()),
        ),
    }
}

/// Shorthand used by the bindings: validate with a review date and a rule configuration.
pub fn validate(
    strategy: &Strategy,
    today: Option<NaiveDate>,
    rules: RuleConfig,
) -> Result<Vec<Finding>> {
    strategy.validate(&ValidateOptions { today, rules })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::{Audience, Channel, Competitor, Listening, Objective, Pillar};
    use crate::{ContentType, Strategy};

    /// A small strategy that breaks no rule.
    fn base() -> Strategy {
        Strategy::from_json(
            r#"{
            "brand": {"name": "Clean Co", "site": "https://clean.example.com/"},
            "audiences": [{"id": "a", "name": "A", "networks": ["instagram"]}],
            "objectives": [{"id": "o", "statement": "Grow reach", "goal": "communication",
                "kpi": "reach", "baseline": 100, "target": 200, "deadline": "2027-01-31",
                "networks": ["instagram"]}],
            "channels": [{"network": "instagram", "handle": "@cleanco", "role": "publish",
                "cadence": 4, "content_types": ["image"], "audiences": ["a"]}],
            "pillars": [{"name": "P", "share": 100, "content_types": ["image"]}],
            "listening": {"keywords": ["clean co"], "competitors": [{"name": "Dirty Co"}]}
        }"#,
        )
        .unwrap()
    }

    fn run(s: &Strategy) -> Vec<Finding> {
        s.validate(&ValidateOptions {
            today: "2026-11-21".parse().ok(),
            ..Default::default()
        })
        .unwrap()
    }

    fn fired(s: &Strategy) -> Vec<String> {
        run(s).into_iter().map(|f| f.rule).collect()
    }

    fn only(s: &Strategy, rule: &str) -> Vec<Finding> {
        run(s).into_iter().filter(|f| f.rule == rule).collect()
    }

    #[test]
    fn base_is_clean() {
        assert_eq!(fired(&base()), Vec::<String>::new());
    }

    #[test]
    fn every_registered_rule_is_distinct_and_sourced() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        assert!(
            RULES
                .iter()
                .all(|r| !r.source.is_empty() && r.id.contains('/'))
        );
    }

    #[test]
    fn not_smart_names_each_missing_part() {
        let mut s = base();
        s.objectives[0].kpi = None;
        s.objectives[0].baseline = None;
        s.objectives[0].target = None;
        s.objectives[0].deadline = None;
        let paths: Vec<_> = only(&s, "objective/not-smart")
            .into_iter()
            .filter_map(|f| f.location.path)
            .collect();
        assert_eq!(
            paths,
            [
                "objectives[0].deadline",
                "objectives[0].kpi",
                "objectives[0].baseline",
                "objectives[0].target"
            ]
        );
        // A qualitative objective needs only its deadline.
        s.objectives[0].qualitative = true;
        s.objectives[0].deadline = "2027-01-01".parse().ok();
        assert!(only(&s, "objective/not-smart").is_empty());
        // A start on or after the deadline leaves no time to run.
        s.objectives[0].start = "2027-01-01".parse().ok();
        let found = only(&s, "objective/not-smart");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].location.path.as_deref(),
            Some("objectives[0].start")
        );
        s.objectives[0].start = "2026-07-01".parse().ok();
        assert!(only(&s, "objective/not-smart").is_empty());
    }

    #[test]
    fn deadline_past_is_relative_to_the_review_date() {
        let mut s = base();
        s.objectives[0].deadline = "2026-11-20".parse().ok();
        assert_eq!(only(&s, "objective/deadline-past").len(), 1);
        s.objectives[0].deadline = "2026-11-21".parse().ok();
        assert!(only(&s, "objective/deadline-past").is_empty());
    }

    #[test]
    fn kpi_unknown_and_not_measurable() {
        let mut s = base();
        s.objectives[0].kpi = Some("vibes".into());
        assert_eq!(fired(&s), ["objective/kpi-unknown"]);
        let mut s = base();
        s.channels[0].network = Network::Mastodon;
        s.channels[0].handle = "cleanco@mastodon.social".into();
        s.channels[0].content_types = vec![ContentType::Image];
        s.audiences[0].networks = vec![Network::Mastodon];
        s.objectives[0].networks = vec![Network::Mastodon];
        let f = only(&s, "objective/kpi-not-measurable");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Mastodon"), "{}", f[0].message);
        // Engagement rate is measurable on X from impressions though X reports no reach.
        let mut s = base();
        s.channels[0].network = Network::X;
        s.channels[0].handle = "cleanco".into();
        s.audiences[0].networks = vec![Network::X];
        s.objectives[0].networks = vec![Network::X];
        s.objectives[0].kpi = Some("engagement_rate".into());
        assert!(only(&s, "objective/kpi-not-measurable").is_empty());
        s.objectives[0].kpi = Some("reach".into());
        assert_eq!(only(&s, "objective/kpi-not-measurable").len(), 1);
    }

    #[test]
    fn target_direction_follows_the_kpi() {
        let mut s = base();
        s.objectives[0].target = Some(100.0);
        assert_eq!(fired(&s), ["objective/target-direction"]);
        s.objectives[0].kpi = Some("cpc".into());
        s.objectives[0].baseline = Some(0.5);
        s.objectives[0].target = Some(0.4);
        assert!(only(&s, "objective/target-direction").is_empty());
        s.objectives[0].target = Some(0.6);
        assert_eq!(only(&s, "objective/target-direction").len(), 1);
    }

    #[test]
    fn objective_network_without_channel() {
        let mut s = base();
        s.objectives[0].networks.push(Network::TikTok);
        assert_eq!(fired(&s), ["objective/network-without-channel"]);
    }

    #[test]
    fn audience_unserved_and_uncovered() {
        let mut s = base();
        s.audiences.push(Audience {
            id: "b".into(),
            name: "B".into(),
            description: String::new(),
            age: None,
            locations: vec![],
            languages: vec![],
            interests: vec![],
            networks: vec![Network::Instagram, Network::Pinterest],
            zone: None,
        });
        assert_eq!(
            fired(&s),
            ["audience/unserved", "audience/network-not-covered"]
        );
        s.channels[0].audiences.push("b".into());
        assert_eq!(fired(&s), ["audience/network-not-covered"]);
    }

    fn channel(network: Network, handle: &str) -> Channel {
        Channel {
            network,
            handle: handle.into(),
            role: Role::Listen,
            cadence: None,
            content_types: vec![],
            audiences: vec!["a".into()],
        }
    }

    #[test]
    fn channel_without_audience_or_objective() {
        let mut s = base();
        let mut c = channel(Network::Pinterest, "cleanco");
        c.audiences.clear();
        s.channels.push(c);
        assert_eq!(fired(&s), ["channel/no-audience", "channel/no-objective"]);
        s.objectives[0].networks.clear(); // an unscoped objective covers every channel
        assert_eq!(fired(&s), ["channel/no-audience"]);
    }

    #[test]
    fn content_type_support() {
        let mut s = base();
        s.channels[0].content_types.push(ContentType::Text);
        let f = only(&s, "channel/content-type-unsupported");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].location.path.as_deref(),
            Some("channels[0].content_types[1]")
        );
    }

    #[test]
    fn handles_invalid_inconsistent_and_duplicate() {
        let mut s = base();
        s.channels.push(channel(Network::Pinterest, "cleanco"));
        s.objectives[0].networks.clear();
        s.objectives[0].kpi = Some("followers".into()); // measurable everywhere below
        assert!(fired(&s).is_empty());
        s.channels
            .push(channel(Network::X, "clean_co_official_paris"));
        assert_eq!(
            fired(&s),
            ["channel/handle-invalid", "channel/handle-inconsistent"]
        );
        s.channels.pop();
        s.channels.push(channel(Network::Pinterest, "CleanCo"));
        assert_eq!(fired(&s), ["channel/duplicate"]);
    }

    #[test]
    fn cadence_rules() {
        let mut s = base();
        s.channels[0].cadence = None;
        assert_eq!(fired(&s), ["channel/cadence-missing"]);
        s.channels[0].cadence = Some(20.0);
        assert_eq!(fired(&s), ["channel/cadence-outside-guidance"]);
        let f = &only(&s, "channel/cadence-outside-guidance")[0];
        assert_eq!(f.severity, Severity::Notice);
        assert!(f.fix.as_deref().unwrap_or_default().contains("Hootsuite"));
        // No guidance for Pinterest: nothing to say.
        s.channels[0].cadence = Some(4.0);
        let mut c = channel(Network::Pinterest, "cleanco");
        c.role = Role::Publish;
        c.cadence = Some(50.0);
        s.channels.push(c);
        s.objectives[0].networks.clear();
        assert!(fired(&s).is_empty());
        s.capacity_per_week = Some(40.0);
        assert_eq!(fired(&s), ["strategy/capacity-exceeded"]);
    }

    #[test]
    fn pillar_rules() {
        let mut s = base();
        s.pillars.push(Pillar {
            name: "Q".into(),
            share: 10.0,
            content_types: vec![ContentType::Live],
        });
        assert_eq!(
            fired(&s),
            ["pillar/shares-sum", "pillar/content-type-unpublished"]
        );
        s.pillars[0].share = 90.0;
        s.pillars[1].content_types = vec![ContentType::Image];
        assert!(fired(&s).is_empty());
    }

    #[test]
    fn listening_rules() {
        let mut s = base();
        s.listening = None;
        assert_eq!(fired(&s), ["listening/none"]);
        s.listening = Some(Listening {
            keywords: vec![],
            competitors: vec![],
            queries: Default::default(),
        });
        assert_eq!(fired(&s), ["listening/none"]);
        s.listening = Some(Listening {
            keywords: vec!["x".into()],
            competitors: vec![],
            queries: Default::default(),
        });
        assert_eq!(fired(&s), ["listening/no-competitors"]);
        s.listening = Some(Listening {
            keywords: vec!["x".into()],
            competitors: vec![Competitor {
                name: "C".into(),
                site: None,
                handles: Default::default(),
            }],
            queries: Default::default(),
        });
        assert!(fired(&s).is_empty());
        // The analyst's own queries must parse; the finding says where.
        if let Some(l) = s.listening.as_mut() {
            l.queries
                .insert("linen".into(), "lin AND drap OR housse".into());
        }
        let found = s.validate(&ValidateOptions::default()).unwrap();
        let f = found
            .iter()
            .find(|f| f.rule == "listening/query-invalid")
            .unwrap();
        assert_eq!(f.location.path.as_deref(), Some("listening.queries.linen"));
        assert!(f.message.contains("column 14 (byte 13)"), "{}", f.message);
        // A keyword that is only punctuation makes no query.
        if let Some(l) = s.listening.as_mut() {
            l.queries.clear();
            l.keywords.push("!!".into());
        }
        let found = s.validate(&ValidateOptions::default()).unwrap();
        let f = found
            .iter()
            .find(|f| f.rule == "listening/query-invalid")
            .unwrap();
        assert_eq!(f.location.path.as_deref(), Some("listening.keywords[1]"));
    }

    #[test]
    fn configuration_disables_and_changes_severity() {
        let mut s = base();
        s.listening = None;
        let mut rules = RuleConfig::default();
        rules
            .severities
            .insert("listening/none".into(), Severity::Error);
        let f = s
            .validate(&ValidateOptions {
                today: None,
                rules: rules.clone(),
            })
            .unwrap();
        assert_eq!(f[0].severity, Severity::Error);
        rules.disabled.insert("listening/none".into());
        assert!(
            s.validate(&ValidateOptions { today: None, rules })
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unused_objective_fields_do_not_matter() {
        let o: &Objective = &base().objectives[0];
        assert_eq!(o.goal, crate::strategy::Goal::Communication);
    }
}
