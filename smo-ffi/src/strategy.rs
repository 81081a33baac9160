//! FFI surface of the foundation: networks, handles, rules, findings and the strategy.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use smo_core::strategy::rules::ValidateOptions;
use smo_core::{ContentType, Finding, Location, Network, RuleConfig, Severity, Span};

use crate::errors::SmoError;

#[uniffi::remote(Enum)]
enum Severity {
    Error,
    Warning,
    Notice,
}

#[uniffi::remote(Enum)]
enum Network {
    Facebook,
    Instagram,
    X,
    LinkedIn,
    YouTube,
    TikTok,
    Pinterest,
    Threads,
    Bluesky,
    Mastodon,
    Snapchat,
    Reddit,
    Telegram,
    WhatsApp,
}

#[uniffi::remote(Enum)]
enum ContentType {
    Text,
    Link,
    Image,
    Carousel,
    Video,
    ShortVideo,
    Story,
    Live,
    Poll,
    Article,
    Document,
    Audio,
    Event,
}

#[uniffi::remote(Record)]
struct Span {
    start_byte: u64,
    end_byte: u64,
    line: u64,
    column: u64,
}

#[uniffi::remote(Record)]
struct Location {
    path: Option<String>,
    span: Option<Span>,
    page: Option<String>,
}

#[uniffi::remote(Record)]
struct Finding {
    rule: String,
    severity: Severity,
    message: String,
    location: Location,
    fix: Option<String>,
    source: String,
}

/// Parses a network id or alias (`x`, `twitter`, `linkedin`).
#[uniffi::export]
pub fn network_from_id(id: String) -> Result<Network, SmoError> {
    Ok(id.parse()?)
}

/// The id of a network (`x`, `linkedin`).
#[uniffi::export]
pub fn network_id(network: Network) -> String {
    network.as_str().to_owned()
}

/// Parses a severity name (`error`, `warning`, `notice`).
#[uniffi::export]
pub fn severity_from_id(id: String) -> Result<Severity, SmoError> {
    Ok(id.parse()?)
}

/// Parses a content type id (`short_video`) or synonym (`reel`).
#[uniffi::export]
pub fn content_type_from_id(id: String) -> Result<ContentType, SmoError> {
    Ok(id.parse()?)
}

/// The id of a content type.
#[uniffi::export]
pub fn content_type_id(content_type: ContentType) -> String {
    content_type.as_str().to_owned()
}

/// The provenance of one fact of a network row.
#[derive(uniffi::Record)]
pub struct FactSource {
    /// Which fact (`profile_url`, `handle`, `content_types`, `metrics`, `cadence`).
    pub fact: String,
    /// Where it comes from.
    pub source: String,
    /// When it was checked.
    pub as_of: String,
    /// `platform`, `code` or `third_party` (a configurable default).
    pub confidence: String,
}

/// What smo knows about one network.
#[derive(uniffi::Record)]
pub struct NetworkInfo {
    /// The network.
    pub network: Network,
    /// Its id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Profile URL pattern.
    pub profile_url: String,
    /// Fewest characters in a handle.
    pub handle_min_len: u32,
    /// Most characters in a handle.
    pub handle_max_len: u32,
    /// Content types supported.
    pub content_types: Vec<ContentType>,
    /// Metrics reported by the network's analytics (ids).
    pub metrics: Vec<String>,
    /// Advised posts per week, low end, when known.
    pub cadence_min_per_week: Option<f64>,
    /// Advised posts per week, high end, when known.
    pub cadence_max_per_week: Option<f64>,
    /// Provenance of each fact.
    pub sources: Vec<FactSource>,
}

fn source<T>(fact: &str, f: &smo_core::network::Fact<T>) -> FactSource {
    FactSource {
        fact: fact.to_owned(),
        source: f.source.to_owned(),
        as_of: f.as_of.to_owned(),
        confidence: f.confidence.as_str().to_owned(),
    }
}

/// Every network smo knows, in table order.
#[uniffi::export]
pub fn networks() -> Vec<NetworkInfo> {
    Network::ALL
        .iter()
        .map(|n| {
            let i = n.info();
            let mut sources = vec![
                source("profile_url", &i.profile_url),
                source("handle", &i.handle),
                source("content_types", &i.content_types),
                source("metrics", &i.metrics),
            ];
            if let Some(c) = &i.cadence {
                sources.push(source("cadence", c));
            }
            NetworkInfo {
                network: *n,
                id: n.as_str().to_owned(),
                name: i.name.to_owned(),
                profile_url: i.profile_url.value.to_owned(),
                handle_min_len: i.handle.value.min_len,
                handle_max_len: i.handle.value.max_len,
                content_types: i.content_types.value.to_vec(),
                metrics: i
                    .metrics
                    .value
                    .iter()
                    .map(|m| m.as_str().to_owned())
                    .collect(),
                cadence_min_per_week: i.cadence.map(|c| c.value.min_per_week),
                cadence_max_per_week: i.cadence.map(|c| c.value.max_per_week),
                sources,
            }
        })
        .collect()
}

type HandleCheck = smo_core::handle::HandleCheck;

#[uniffi::remote(Record)]
struct HandleCheck {
    network: Network,
    input: String,
    display: String,
    normalized: String,
    valid: bool,
    problems: Vec<String>,
}

/// Checks a handle against a network's rules and normalises it.
#[uniffi::export]
pub fn check_handle(network: Network, handle: String) -> HandleCheck {
    smo_core::handle::check(network, &handle)
}

/// A rule as listed in a registry.
#[derive(uniffi::Record)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// Family (the part before `/`).
    pub family: String,
    /// Short title.
    pub title: String,
    /// What it checks.
    pub description: String,
    /// Severity unless changed.
    pub default_severity: Severity,
    /// Where it comes from.
    pub source: String,
}

/// Every rule of every rule engine in smo.
#[uniffi::export]
pub fn rules() -> Vec<Rule> {
    smo_core::rules()
        .into_iter()
        .map(|r| Rule {
            id: r.id.to_owned(),
            family: r.family().to_owned(),
            title: r.title.to_owned(),
            description: r.description.to_owned(),
            default_severity: r.default_severity,
            source: r.source.to_owned(),
        })
        .collect()
}

/// Builds a rule configuration; the core checks the ids.
pub(crate) fn rule_config(
    disabled: Vec<String>,
    severities: HashMap<String, Severity>,
) -> RuleConfig {
    RuleConfig {
        disabled: disabled.into_iter().collect::<BTreeSet<_>>(),
        severities: severities.into_iter().collect(),
    }
}

/// A monitoring query of the strategy.
#[derive(uniffi::Record)]
pub struct StrategyQuery {
    /// `brand`, `competitor:<name>` or the analyst's name for it.
    pub name: String,
    /// The query text (parse it with `Query(text)`).
    pub text: String,
    /// Field path of what it was made from.
    pub path: String,
    /// Why it does not parse, if it does not.
    pub error: Option<String>,
}

/// An SMO strategy (immutable).
#[derive(uniffi::Object)]
pub struct Strategy(pub(crate) smo_core::Strategy);

#[uniffi::export]
impl Strategy {
    /// Reads a strategy from TOML text.
    #[uniffi::constructor]
    pub fn from_toml(text: String) -> Result<Arc<Self>, SmoError> {
        Ok(Arc::new(Self(smo_core::Strategy::from_toml(&text)?)))
    }

    /// Reads a strategy from JSON text.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>, SmoError> {
        Ok(Arc::new(Self(smo_core::Strategy::from_json(&text)?)))
    }

    /// The example brand's strategy (Maison Lune).
    #[uniffi::constructor]
    pub fn example() -> Result<Arc<Self>, SmoError> {
        Ok(Arc::new(Self(smo_core::Strategy::example()?)))
    }

    /// The strategy as pretty JSON.
    pub fn to_json(&self) -> Result<String, SmoError> {
        Ok(self.0.to_json()?)
    }

    /// The strategy as TOML.
    pub fn to_toml(&self) -> Result<String, SmoError> {
        Ok(self.0.to_toml()?)
    }

    /// The brand's name.
    pub fn brand_name(&self) -> String {
        self.0.brand.name.clone()
    }

    /// The strategy's monitoring queries: `brand`, `competitor:<name>` and the analyst's own.
    pub fn queries(&self) -> Vec<StrategyQuery> {
        smo_core::listening::setup::queries(&self.0)
            .into_iter()
            .map(|q| StrategyQuery {
                name: q.name,
                text: q.text,
                path: q.path,
                error: q.query.err().map(|e| e.to_string()),
            })
            .collect()
    }

    /// Runs the strategy rules. `today` is the review date (`YYYY-MM-DD`, default today UTC);
    /// `disabled` lists rule ids to skip; `severities` changes rules' severities.
    #[uniffi::method(default(today = None, disabled = [], severities))]
    pub fn validate(
        &self,
        today: Option<String>,
        disabled: Vec<String>,
        severities: HashMap<String, Severity>,
    ) -> Result<Vec<Finding>, SmoError> {
        let today = today
            .as_deref()
            .map(smo_core::strategy::parse_date)
            .transpose()?;
        let rules = rule_config(disabled, severities);
        Ok(self.0.validate(&ValidateOptions { today, rules })?)
    }
}
