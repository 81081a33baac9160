//! Hashtag suggestions for a post: from the content's own key phrases ([`crate::tags`]), the
//! strategy's brand and keywords and, when given, the conversation's themes
//! ([`themes`](mod@crate::listening::themes)), written in CamelCase (readable, and read out correctly by
//! screen readers), as many as the network's advised count in the limits table, each with the
//! reason it is there.
//!
//! Order: the brand's hashtag first when the strategy is given (the seeds' "easy tagging" rule:
//! one hashtag that gathers the brand's posts), then phrases the content and the strategy or the
//! conversation share, then the content's other key phrases by their YAKE rank, then themes of
//! the conversation whose words the post uses. Hashtags already in the text are not suggested
//! again and count against the advised number.

use std::collections::HashSet;

use serde::Serialize;

use crate::listening::query::text::fold;
use crate::listening::themes::{ThemeKind, Themes};
use crate::network::Network;
use crate::strategy::Strategy;
use crate::text::limits::limits;
use crate::text::{EntityKind, Field, extract_entities, is_valid_hashtag};

/// Hashtags suggested when the limits table advises no count for the network.
const DEFAULT_COUNT: u64 = 3;
/// Longest hashtag suggested, in characters (a longer one is unreadable).
const MAX_CHARS: usize = 28;

/// Where a suggestion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HashtagSource {
    /// The strategy's brand name.
    Brand,
    /// A key phrase of the content that the strategy's keywords or the themes also name.
    Shared,
    /// A key phrase of the content.
    Content,
    /// A theme of the conversation the post's words touch.
    Theme,
}

impl HashtagSource {
    /// `brand`, `shared`, `content` or `theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            HashtagSource::Brand => "brand",
            HashtagSource::Shared => "shared",
            HashtagSource::Content => "content",
            HashtagSource::Theme => "theme",
        }
    }
}

/// One suggested hashtag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HashtagSuggestion {
    /// The hashtag, `#` and CamelCase (`#LinLavé`).
    pub hashtag: String,
    /// The phrase it is made from.
    pub phrase: String,
    /// Where it comes from.
    pub source: HashtagSource,
    /// Why it is suggested, with its numbers.
    pub reason: String,
}

/// The suggestions for one post on one network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestions {
    /// The network.
    pub network: Network,
    /// Hashtags advised per post on it (the limits table), or smo's default of 3.
    pub advised: u64,
    /// Where the advised count comes from.
    pub advised_source: String,
    /// Hashtags the text already has.
    pub present: Vec<String>,
    /// The suggestions, at most `advised − present`.
    pub hashtags: Vec<HashtagSuggestion>,
}

/// `linge de lit` → `LingeDeLit`: each word capitalised, joined, keeping letters, digits and `_`.
///
/// ```
/// assert_eq!(smo_core::hashtags::camel_case("lin lavé"), "LinLavé");
/// assert_eq!(smo_core::hashtags::camel_case("made-in france"), "MadeInFrance");
/// ```
pub fn camel_case(phrase: &str) -> String {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase().chain(cs).collect::<String>()
            })
        })
        .collect()
}

/// A hashtag twitter-text accepts whole, and short enough to read.
fn usable(tag: &str) -> bool {
    let n = tag.chars().count();
    (2..=MAX_CHARS).contains(&n) && is_valid_hashtag(&format!("#{tag}"))
}

/// Suggests hashtags for `text` on `network`.
///
/// ```
/// use smo_core::{Network, Strategy, hashtags::suggest_hashtags};
/// let s = Strategy::example()?;
/// let text = "Notre guide du lin lavé : laver le lin lavé à 40 °C, sans adoucissant.";
/// let got = suggest_hashtags(text, Network::Instagram, Some(&s), None);
/// assert_eq!(got.advised, 5);
/// assert_eq!(got.hashtags[0].hashtag, "#MaisonLune");
/// assert!(got.hashtags.iter().any(|h| h.hashtag == "#LinLavé" && h.source.as_str() == "shared"));
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn suggest_hashtags(
    text: &str,
    network: Network,
    strategy: Option<&Strategy>,
    themes: Option<&Themes>,
) -> Suggestions {
    // The advised count: the third-party advice row when there is one, else the platform's cap.
    let rows: Vec<_> = limits(network, Field::Hashtags).collect();
    let advised_row = rows.iter().min_by_key(|l| l.value).copied();
    let (advised, advised_source) = advised_row.map_or(
        (
            DEFAULT_COUNT,
            "no count in the limits table for this network: smo's default of 3".to_owned(),
        ),
        |l| (l.value, l.source.to_owned()),
    );
    let present: Vec<String> = extract_entities(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Hashtag)
        .map(|e| e.text)
        .collect();
    let mut taken: HashSet<String> = present
        .iter()
        .map(|h| fold(h.trim_start_matches(['#', '＃'])))
        .collect();
    let room = usize::try_from(advised.saturating_sub(present.len() as u64)).unwrap_or(0);
    let folded_text = fold(text);
    let mut out: Vec<HashtagSuggestion> = Vec::new();
    let mut push =
        |phrase: &str, source: HashtagSource, reason: String, out: &mut Vec<HashtagSuggestion>| {
            let tag = camel_case(phrase);
            if usable(&tag) && taken.insert(fold(&tag)) {
                out.push(HashtagSuggestion {
                    hashtag: format!("#{tag}"),
                    phrase: phrase.to_owned(),
                    source,
                    reason,
                });
            }
        };
    if let Some(s) = strategy {
        push(
            &s.brand.name,
            HashtagSource::Brand,
            format!("the brand's hashtag (`[brand] name` = {})", s.brand.name),
            &mut out,
        );
    }
    let keywords: Vec<(String, String)> = strategy
        .and_then(|s| s.listening.as_ref())
        .map(|l| l.keywords.iter().map(|k| (fold(k), k.clone())).collect())
        .unwrap_or_default();
    let theme_phrases: Vec<(String, &crate::listening::Theme)> = themes
        .map(|t| {
            t.themes
                .iter()
                .map(|x| (fold(x.phrase.trim_start_matches('#')), x))
                .collect()
        })
        .unwrap_or_default();
    let tags = crate::tags::extract_tags(text, None, 10);
    let mut content = Vec::new();
    for (rank, t) in tags.iter().enumerate() {
        let key = fold(&t.phrase);
        let keyword = keywords
            .iter()
            .find(|(k, _)| *k == key || k.contains(&key) && key.contains(' '));
        let theme = theme_phrases
            .iter()
            .find(|(p, _)| *p == key || fold(&camel_case(p)) == fold(&camel_case(&key)));
        match (keyword, theme) {
            (Some((_, k)), _) => push(
                &t.phrase,
                HashtagSource::Shared,
                format!(
                    "key phrase {} of the text (YAKE score {:.4}) and the strategy's keyword \"{k}\"",
                    rank + 1,
                    t.score
                ),
                &mut out,
            ),
            (None, Some((_, th))) => push(
                &t.phrase,
                HashtagSource::Shared,
                format!(
                    "key phrase {} of the text (YAKE score {:.4}) and theme {} of the conversation ({} mentions)",
                    rank + 1,
                    t.score,
                    th.rank,
                    th.mentions
                ),
                &mut out,
            ),
            (None, None) => content.push((rank, t)),
        }
    }
    for (rank, t) in content {
        push(
            &t.phrase,
            HashtagSource::Content,
            format!(
                "key phrase {} of the text (YAKE score {:.4})",
                rank + 1,
                t.score
            ),
            &mut out,
        );
    }
    for (p, th) in &theme_phrases {
        let words: Vec<&str> = p.split(' ').filter(|w| w.chars().count() > 2).collect();
        if !words.is_empty() && words.iter().all(|w| folded_text.contains(w)) {
            let kind = if th.kind == ThemeKind::Hashtag {
                "hashtag"
            } else {
                "phrase"
            };
            push(
                th.phrase.trim_start_matches('#'),
                HashtagSource::Theme,
                format!(
                    "theme {} of the conversation ({kind}, {} mentions by {} authors) whose words the post uses",
                    th.rank, th.mentions, th.authors
                ),
                &mut out,
            );
        }
    }
    out.truncate(room);
    Suggestions {
        network,
        advised,
        advised_source,
        present,
        hashtags: out,
    }
}
