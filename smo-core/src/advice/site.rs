//! The site's social tools, from the audit's coverage: share buttons, share metadata, a feed,
//! comments, reviews, embeds and profile links, each ranked by what the strategy's objectives
//! need (communication objectives ask for engagement tools, marketing ones for reviews), with
//! the markup to paste.

use super::{Action, Advisor, Direction, Draft, Evidence, EvidenceKind as K};
use crate::audit::SiteReport;
use crate::share::{ShareRequest, share_url};
use crate::strategy::{Goal, Role, Strategy};

fn coverage<'a>(a: &'a SiteReport, feature: &str) -> Option<&'a crate::audit::site::Coverage> {
    a.coverage
        .iter()
        .find(|c| c.feature == feature && c.total > 0)
}

fn ev(c: &crate::audit::site::Coverage) -> Evidence {
    Evidence::new(
        K::Coverage,
        format!("{} of {} audited pages have {}", c.pages, c.total, c.label),
    )
    .at(c.feature.clone())
    .value(c.share * 100.0, None)
    .n(c.total as u64)
}

pub(super) fn advise(adv: &mut Advisor<'_>, strategy: &Strategy, a: &SiteReport) {
    let has_goal = |g: Goal| strategy.objectives.iter().any(|o| o.goal == g);
    let publishing: Vec<&crate::strategy::Channel> = strategy
        .channels
        .iter()
        .filter(|c| c.role == Role::Publish)
        .collect();
    let home = strategy.brand.site.to_string();

    if let Some(c) = coverage(a, "share_links").filter(|c| c.share < 0.5) {
        let req = ShareRequest {
            url: Some(home.clone()),
            ..Default::default()
        };
        let mut links = String::from("<nav class=\"share\" aria-label=\"Share\">\n");
        let mut names = Vec::new();
        for ch in &publishing {
            if let Ok(u) = share_url(ch.network.as_str(), &req) {
                links.push_str(&format!(
                    "  <a href=\"{}\" rel=\"noopener\" target=\"_blank\">{}</a>\n",
                    crate::report::esc(&u),
                    ch.network
                ));
                names.push(ch.network.as_str());
            }
        }
        links.push_str("</nav>");
        adv.add("advice/share-buttons", Draft {
            subject: "site.share_links".into(),
            rationale: format!("only {} of {} pages offer share links, so readers who like a page have no one-click way to pass it on", c.pages, c.total),
            evidence: vec![ev(c)],
            effect: Some(("shares", Direction::Up)),
            actions: vec![Action::snippet(
                format!("add plain share links (no third-party script) for the brand's networks ({}) to every article and product page; replace the home URL with the page's own, URL-encoded", names.join(", ")),
                links,
            )],
        });
    }
    if let Some(c) = coverage(a, "og_complete").filter(|c| c.share < 1.0) {
        // The fix block of a page that lacks required tags, so the snippet is the meta block.
        let page = a
            .findings
            .iter()
            .find(|f| f.finding.rule == "og/missing-required")
            .and_then(|f| a.pages.iter().find(|p| p.url == f.url))
            .or_else(|| a.pages.iter().find(|p| !p.fix_html.trim().is_empty()));
        let mut actions = vec![Action::text(
            "give every page og:title, og:type, og:image and og:url (the audit's fix block per page)",
        )];
        if let Some(p) = page {
            actions.push(Action::snippet(
                format!("for {}, paste this in its <head>", p.url),
                p.fix_html.clone(),
            ));
        }
        adv.add("advice/share-meta", Draft {
            subject: "site.og_complete".into(),
            rationale: format!("{} of {} pages lack one of the four required Open Graph tags: their shares show a poor or empty card", c.total - c.pages, c.total),
            evidence: vec![ev(c)],
            effect: Some(("click_through_rate", Direction::Up)),
            actions,
        });
    }
    if let Some(c) = coverage(a, "feed").filter(|c| c.pages == 0) {
        adv.add("advice/feed", Draft {
            subject: "site.feed".into(),
            rationale: format!("none of the {} pages links a feed: feed readers, newsletter tools and smo's own push of recent content cannot follow the site", c.total),
            evidence: vec![ev(c)],
            effect: Some(("sessions", Direction::Up)),
            actions: vec![Action::snippet(
                "publish an RSS or Atom feed of the journal and link it from every page's <head>",
                format!("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}feed.xml\">", crate::report::esc(&strategy.brand.name), crate::report::esc(&home)),
            )],
        });
    }
    let objective_of = |g: Goal| {
        strategy
            .objectives
            .iter()
            .find(|o| o.goal == g)
            .map(|o| o.id.clone())
    };
    if let Some(c) =
        coverage(a, "comments").filter(|c| c.pages == 0 && has_goal(Goal::Communication))
    {
        let mut evidence = vec![ev(c)];
        if let Some(o) = objective_of(Goal::Communication) {
            evidence.push(
                Evidence::new(
                    K::Strategy,
                    format!("objective `{o}` is a communication objective"),
                )
                .at(format!("objectives.{o}")),
            );
        }
        adv.add("advice/comments", Draft {
            subject: "site.comments".into(),
            rationale: format!("no page of {} takes comments, so the conversation the communication objectives ask for happens only on the networks", c.total),
            evidence,
            effect: Some(("engagement_rate", Direction::Up)),
            actions: vec![Action::text("open moderated comments (or questions and answers) on articles, and answer each within a day")],
        });
    }
    if let Some(c) = coverage(a, "reviews").filter(|c| c.pages == 0 && has_goal(Goal::Marketing)) {
        let mut evidence = vec![ev(c)];
        if let Some(o) = objective_of(Goal::Marketing) {
            evidence.push(
                Evidence::new(
                    K::Strategy,
                    format!("objective `{o}` is a marketing objective"),
                )
                .at(format!("objectives.{o}")),
            );
        }
        adv.add("advice/reviews", Draft {
            subject: "site.reviews".into(),
            rationale: format!("no page of {} shows reviews or ratings while a marketing objective asks for sales: buyers coming from social look for other buyers' word", c.total),
            evidence,
            effect: Some(("conversion_rate", Direction::Up)),
            actions: vec![Action::snippet(
                "show verified reviews on product pages and mark them up so that search and shares can show the rating",
                "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"…\",\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":\"…\",\"reviewCount\":\"…\"}}</script>",
            )],
        });
    }
    if let Some(c) = coverage(a, "embeds").filter(|c| c.pages == 0 && !publishing.is_empty()) {
        adv.add("advice/embeds", Draft {
            subject: "site.embeds".into(),
            rationale: format!("none of the {} pages embeds a post or a player of the brand's networks: visitors do not see the brand's social life", c.total),
            evidence: vec![ev(c)],
            effect: Some(("followers", Direction::Up)),
            actions: vec![Action::text(format!("embed a few of the best posts (the report's top posts) on the home and journal pages, from {}", publishing.iter().map(|c| c.network.as_str()).collect::<Vec<_>>().join(", ")))],
        });
    }
    let linked: Vec<crate::Network> = a.handles.iter().map(|h| h.network).collect();
    let missing: Vec<&&crate::strategy::Channel> = publishing
        .iter()
        .filter(|c| !linked.contains(&c.network))
        .collect();
    if !missing.is_empty() && !a.pages.is_empty() {
        let mut snippet = String::new();
        for c in &missing {
            if let Some(u) = c.network.profile_url(&c.handle) {
                snippet.push_str(&format!(
                    "<a href=\"{}\" rel=\"me\">{} on {}</a>\n",
                    crate::report::esc(&u),
                    crate::report::esc(&strategy.brand.name),
                    c.network
                ));
            }
        }
        adv.add("advice/profile-links", Draft {
            subject: "site.profiles".into(),
            rationale: format!(
                "the site links {} of the brand's {} publishing channels; missing: {}",
                publishing.len() - missing.len(),
                publishing.len(),
                missing.iter().map(|c| c.network.as_str()).collect::<Vec<_>>().join(", ")
            ),
            evidence: missing
                .iter()
                .map(|c| Evidence::new(K::Strategy, format!("channel {} ({}) is not linked from any of {} pages", c.network, c.handle, a.pages.len())).at(format!("channels.{}", c.network)).n(a.pages.len() as u64))
                .collect(),
            effect: Some(("followers", Direction::Up)),
            actions: vec![Action::snippet("link every profile from the footer, with rel=\"me\", and list them in the Organization's JSON-LD sameAs", snippet.trim_end().to_owned())],
        });
    }
}
