//! Advice from listening: negative themes of the brand's mentions to answer with content that
//! helps (be a resource), and negative spikes to respond to where they happen.

use chrono::NaiveDate;

use super::{Action, Advisor, Direction, Draft, Evidence, EvidenceKind as K};
use crate::error::Result;
use crate::listening::Mention;
use crate::listening::brief::{BriefOptions, watch_brief};
use crate::strategy::Strategy;

pub(super) fn advise(
    adv: &mut Advisor<'_>,
    strategy: &Strategy,
    mentions: &[Mention],
    today: Option<NaiveDate>,
) -> Result<()> {
    let mut opts = BriefOptions::default();
    if let Some(d) = today {
        opts.watch.to = Some(d.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc());
    }
    let brief = watch_brief(strategy, mentions, None, &opts)?;
    let own = strategy.brand.name.as_str();
    for t in &brief.themes.themes {
        let about_own = t.brands.iter().any(|b| b.brand == own && b.mentions > 0);
        let scored = t.sentiment.positive + t.sentiment.negative + t.sentiment.neutral;
        if about_own && t.mentions >= 5 && scored > 0 && t.sentiment.negative > t.sentiment.positive
        {
            adv.add("advice/answer-theme", Draft {
                subject: format!("themes.{}", t.phrase),
                rationale: format!("\"{}\" comes up in {} mentions by {} authors: {} scored negative against {} positive (of {} scored)", t.phrase, t.mentions, t.authors, t.sentiment.negative, t.sentiment.positive, scored),
                evidence: vec![Evidence::new(K::Listening, format!("theme \"{}\": {} mentions, net sentiment {}", t.phrase, t.mentions, t.net_sentiment.map_or("n/a".into(), |v| format!("{v:+.1}")))).at(t.phrase.clone()).value(t.sentiment.negative as f64, Some(scored as f64)).n(t.mentions)],
                effect: Some(("net_sentiment", Direction::Up)),
                actions: vec![
                    Action::text(format!("publish a page that answers \"{}\" plainly (what happens, what the brand does, what to do) and link it in the replies", t.phrase)),
                    Action::text("reply to the authors of these mentions, most followed first (the watch brief's influencers)"),
                ],
            });
        }
    }
    for a in brief
        .alerts
        .alerts
        .iter()
        .filter(|a| a.rule == "watch/negative-spike" && a.brand == own)
    {
        adv.add("advice/respond-to-alert", Draft {
            subject: format!("alerts.{}", a.day),
            rationale: format!("{} negative mentions of {own} on {} against {:.1} a day before (z = {:.1})", a.count, a.day, a.baseline_mean, a.z),
            evidence: vec![Evidence::new(K::Listening, format!("watch/negative-spike on {}: {} mentions, baseline {} to {}", a.day, a.count, a.baseline_from, a.baseline_to)).at(a.rule.clone()).value(a.count as f64, Some(a.baseline_mean)).n(a.mentions)],
            effect: Some(("net_sentiment", Direction::Up)),
            actions: vec![Action::text("read the mentions of that day, reply publicly once with the facts and the fix, then privately to each author")],
        });
    }
    Ok(())
}
