//! The advice registry: one row per rule, with its title, what makes it speak, its default
//! priority and its source. A rule's text lives here only.

use serde::Serialize;

use super::{Priority, Source};

/// The five SMO rules the field works by (Bhargava 2006 and 2010, Owyang 2006; the list in
/// `smo-practice.md` §4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmoRule {
    /// Create shareable content (Bhargava 2010, rule 1; 2006, rule 4 "help your content travel").
    ShareableContent,
    /// Reward engagement (Bhargava 2010, rule 3; 2006, rule 3 "reward inbound links").
    RewardEngagement,
    /// Make tagging and bookmarking easy (Bhargava 2006, rule 2; 2010, rule 2 "make sharing easy").
    EasyTagging,
    /// Proactively share content (Bhargava 2010, rule 4).
    ProactiveDistribution,
    /// Be a user resource, even if it doesn't help you (Owyang 2006, rule 6 of the 16).
    BeAResource,
}

impl SmoRule {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            SmoRule::ShareableContent => "shareable_content",
            SmoRule::RewardEngagement => "reward_engagement",
            SmoRule::EasyTagging => "easy_tagging",
            SmoRule::ProactiveDistribution => "proactive_distribution",
            SmoRule::BeAResource => "be_a_resource",
        }
    }

    fn reference(self) -> &'static str {
        match self {
            SmoRule::BeAResource => {
                "Owyang 2006, http://web-strategist.com/blog/2006/08/13/rules-of-social-media-optimization/"
            }
            SmoRule::EasyTagging => {
                "Bhargava 2006, https://rohitbhargava.typepad.com/weblog/2006/08/5_rules_of_soci.html"
            }
            _ => {
                "Bhargava 2010, https://rohitbhargava.com/the-5-new-rules-of-social-media-optimization-smo/"
            }
        }
    }
}

/// Where a rule's reason comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Basis {
    /// One of the five SMO rules.
    Smo(SmoRule),
    /// A practice of the field, with its reference.
    Practice(&'static str),
    /// A measurement fact, with its reference.
    Measurement(&'static str),
}

/// An advice rule as listed in [`RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct AdviceRule {
    /// Stable id, `family/name`.
    pub id: &'static str,
    /// Title, as printed.
    pub title: &'static str,
    /// What makes the rule speak.
    pub description: &'static str,
    /// Priority unless the caller changes it.
    pub default_priority: Priority,
    /// Its basis.
    pub basis: Basis,
}

impl AdviceRule {
    /// The rule as a row of [`crate::rules`] (priority high, medium, low as error, warning,
    /// notice).
    pub fn info(&self) -> crate::RuleInfo {
        crate::RuleInfo {
            id: self.id,
            title: self.title,
            description: self.description,
            default_severity: match self.default_priority {
                Priority::High => crate::Severity::Error,
                Priority::Medium => crate::Severity::Warning,
                Priority::Low => crate::Severity::Notice,
            },
            source: match self.basis {
                Basis::Smo(r) => r.reference(),
                Basis::Practice(s) | Basis::Measurement(s) => s,
            },
        }
    }

    /// The source as recommendations carry it.
    pub fn source(&self) -> Source {
        match self.basis {
            Basis::Smo(r) => Source {
                kind: "smo_rule".into(),
                smo_rule: Some(r.as_str().into()),
                reference: r.reference().into(),
            },
            Basis::Practice(s) => Source {
                kind: "practice".into(),
                smo_rule: None,
                reference: s.into(),
            },
            Basis::Measurement(s) => Source {
                kind: "measurement".into(),
                smo_rule: None,
                reference: s.into(),
            },
        }
    }
}

use Basis::{Measurement as M, Practice as P, Smo};
use Priority::{High, Low, Medium};

const PRACTICE: &str = "smo-practice.md (consultant review practice)";

macro_rules! rules {
    ($( $id:literal, $title:literal, $prio:ident, $basis:expr, $desc:literal; )*) => {
        /// Every advice rule.
        pub static RULES: &[AdviceRule] = &[$(AdviceRule {
            id: $id, title: $title, default_priority: $prio, basis: $basis, description: $desc,
        },)*];
    };
}

rules! {
    // The report's rules (ids kept from the report).
    "report/objective-off-track", "Objective off track", High, M("measurement.md §2"), "The objective's forecast (or pace) misses its target.";
    "report/objective-at-risk", "Objective at risk", Medium, M("measurement.md §2"), "The target is within the forecast band but not the likely outcome.";
    "report/objective-no-data", "Objective without data", Medium, M("measurement.md §2"), "No data measures the objective's KPI: it cannot be steered.";
    "report/cadence-below-plan", "Publishing below plan", Medium, P(PRACTICE), "A publishing channel posted less than 75 % of its planned cadence.";
    "report/low-engagement-network", "Weak network", Low, M("measurement.md §1.1"), "A network's engagement rate is below half of the best network's.";
    "report/strong-content-type", "Content type that works", Low, Smo(SmoRule::ShareableContent), "A content type engages more than the rest of the posts of the same networks, significantly (Welch, Holm over the content types, at least `min_posts` posts on each side).";
    "report/pillar-drift", "Pillar mix off plan", Low, P(PRACTICE), "A pillar's share of posts differs from the plan by more than 10 points.";
    "report/declining-engagement", "Engagement falling", Medium, M("measurement.md §1.1"), "A network's engagement rate fell by more than 20 % from one period to the next.";
    "report/social-bounce", "Social visitors bounce", Medium, M("https://support.google.com/analytics/answer/12798876"), "Social sessions bounce at least 10 points more than the site's average.";
    "report/unassigned-traffic", "Unassigned traffic", Medium, M("measurement.md §3, §5"), "More than 5 % of sessions match no GA4 channel rule: campaign tags are wrong.";
    "report/negative-roi", "Negative ROI", Medium, M("measurement.md §1.3"), "Revenue attributed to social is below its cost over the period.";
    "report/audit-errors", "Site audit errors", High, P("site audit (smo audit)"), "The site audit found errors that hurt how pages travel on social networks.";
    // Content adjustments.
    "advice/weak-content-type", "Content type that underperforms", Low, Smo(SmoRule::ShareableContent), "A content type engages less than the rest of the posts of the same networks, significantly.";
    "advice/strong-pillar", "Pillar that works", Low, Smo(SmoRule::BeAResource), "A pillar engages more than the rest, significantly.";
    "advice/weak-pillar", "Pillar that underperforms", Low, Smo(SmoRule::BeAResource), "A pillar engages less than the rest, significantly.";
    "advice/strong-hashtag", "Hashtag that works", Low, Smo(SmoRule::EasyTagging), "Posts carrying a hashtag (from the posts' `text`) engage more than the posts without it, significantly.";
    "advice/weak-hashtag", "Hashtag that underperforms", Low, Smo(SmoRule::EasyTagging), "Posts carrying a hashtag engage less than the posts without it, significantly.";
    "advice/strong-time-window", "Time window that works", Low, P("smo-practice.md §4.2 (own history above a minimum sample)"), "Posts of a local time window engage more than the others, significantly.";
    "advice/weak-time-window", "Time window that underperforms", Low, P("smo-practice.md §4.2 (own history above a minimum sample)"), "Posts of a local time window engage less than the others, significantly.";
    "advice/shared-format", "Format that gets shared", Low, Smo(SmoRule::ShareableContent), "A content type is shared (shares per reach) more than the rest, significantly: the viral lever.";
    "advice/amplified-post", "Post that got amplified", Low, Smo(SmoRule::ProactiveDistribution), "A post was shared at least 3 times its network's median share rate with 10 shares or more: diffuse it again, in other formats.";
    // Networks and cadence.
    "advice/drop-channel", "Channel to drop", Medium, P(PRACTICE), "A publishing channel reaches no audience of the strategy and brings no result (engagement below a third of the best network, no sessions).";
    "advice/audience-network", "Network where an audience is", Low, P("smo-practice.md §4.1; the strategy's audiences"), "An audience of the strategy is on a network where the brand does not publish.";
    "advice/objective-network", "Objective without a channel", Medium, P(PRACTICE), "An objective names a network where the brand has no publishing channel.";
    "advice/cadence-over-capacity", "Plan beyond capacity", Medium, P("smo-practice.md §4.1 (capped by the team capacity)"), "The channels' planned cadences add up to more posts a week than the team's capacity.";
    // The site's social tools.
    "advice/share-buttons", "Add share buttons", Medium, Smo(SmoRule::EasyTagging), "Fewer than half of the audited pages offer share links or buttons.";
    "advice/share-meta", "Complete the share metadata", High, Smo(SmoRule::ShareableContent), "Pages lack the four required Open Graph tags, so shares show no proper card.";
    "advice/feed", "Publish a feed", Medium, Smo(SmoRule::ProactiveDistribution), "No audited page links a feed: readers and tools cannot follow new content.";
    "advice/comments", "Open comments", Low, Smo(SmoRule::RewardEngagement), "No page has a comment widget while a communication objective asks for engagement.";
    "advice/reviews", "Show reviews", Medium, Smo(SmoRule::BeAResource), "No page shows reviews or ratings while a marketing objective asks for sales or leads.";
    "advice/embeds", "Embed social posts", Low, Smo(SmoRule::ShareableContent), "No page embeds the brand's posts or players: the site does not show its social life.";
    "advice/profile-links", "Link the brand's profiles", Medium, Smo(SmoRule::EasyTagging), "The site links fewer of the brand's profiles than the strategy has publishing channels.";
    // Listening.
    // Link exchanges (the partners check).
    "advice/restore-partner-link", "Restore a partner's link", High, Smo(SmoRule::RewardEngagement), "A partner's agreed link to us is missing, points elsewhere or lost its agreed text (partners check).";
    "advice/qualify-paid-link", "Qualify a paid link", High, P("https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links"), "A paid placement links to us without rel=sponsored or nofollow, which Google's spam policies count as a link scheme.";
    "advice/rebalance-exchange", "Rebalance an exchange", Medium, Smo(SmoRule::RewardEngagement), "An exchange is one-sided: our link back is missing, we link while they do not, or one side's link is qualified and the other's not.";
    "advice/review-partner", "Review an exchange that sends nobody", Low, M("measurement.md: referral traffic by source"), "A partner sent no session since the agreement, past the grace period.";
    "advice/answer-theme", "Answer a negative theme", High, Smo(SmoRule::BeAResource), "A theme of the brand's mentions has more negative than positive mentions (5 mentions or more): answer it with content that helps.";
    "advice/respond-to-alert", "Respond to a spike", High, Smo(SmoRule::RewardEngagement), "A negative spike of the brand's mentions: reply where it happens.";
}

/// The row of `id`.
pub fn rule(id: &str) -> Option<&'static AdviceRule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(
            RULES
                .iter()
                .all(|r| r.id.contains('/') && !r.description.is_empty())
        );
    }
}
