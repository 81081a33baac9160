//! FFI surface of listening: `Mention` records and monitoring `Query` objects. Conversion
//! only: parsing, matching, explanations and exports are smo-core's.

use std::sync::Arc;
use std::time::SystemTime;

use smo_core::listening::{self, query::Clause};
use smo_core::{Network, listening::Query as CoreQuery};

use crate::errors::SmoError;

/// One mention of a listening export; counts not given are unknown (`null`), not zero.
#[derive(uniffi::Record, Clone)]
pub struct Mention {
    /// The export's id.
    pub id: String,
    /// The text.
    pub text: String,
    /// When it was published.
    pub published: SystemTime,
    /// The network; `null` for the open web.
    #[uniffi(default = None)]
    pub network: Option<Network>,
    /// The author's handle.
    #[uniffi(default = "")]
    pub author: String,
    /// The author's display name.
    #[uniffi(default = None)]
    pub author_name: Option<String>,
    /// The author's followers.
    #[uniffi(default = None)]
    pub followers: Option<u64>,
    /// Language (BCP 47).
    #[uniffi(default = None)]
    pub lang: Option<String>,
    /// URL.
    #[uniffi(default = None)]
    pub url: Option<String>,
    /// The mention it answers.
    #[uniffi(default = None)]
    pub parent: Option<String>,
    /// Likes.
    #[uniffi(default = None)]
    pub likes: Option<u64>,
    /// Reposts.
    #[uniffi(default = None)]
    pub reposts: Option<u64>,
    /// Replies.
    #[uniffi(default = None)]
    pub replies: Option<u64>,
    /// Quotes.
    #[uniffi(default = None)]
    pub quotes: Option<u64>,
    /// Views.
    #[uniffi(default = None)]
    pub views: Option<u64>,
    /// Reach.
    #[uniffi(default = None)]
    pub reach: Option<u64>,
    /// The brand it is about.
    #[uniffi(default = None)]
    pub brand: Option<String>,
}

impl From<Mention> for listening::Mention {
    fn from(m: Mention) -> Self {
        listening::Mention {
            id: m.id,
            network: m.network,
            author: listening::Author {
                handle: m.author.trim_start_matches('@').to_owned(),
                name: m.author_name,
                followers: m.followers,
            },
            published: chrono::DateTime::<chrono::Utc>::from(m.published),
            lang: m.lang,
            text: m.text,
            url: m.url,
            parent: m.parent,
            engagement: listening::Engagement {
                likes: m.likes,
                reposts: m.reposts,
                replies: m.replies,
                quotes: m.quotes,
                views: m.views,
                reach: m.reach,
            },
            brand: m.brand,
        }
    }
}

/// Where a term matched.
#[derive(uniffi::Record)]
pub struct QueryHit {
    /// The term as written.
    pub term: String,
    /// Token position.
    pub token: u64,
    /// Byte span start in the text.
    pub start: u64,
    /// Byte span end.
    pub end: u64,
    /// The text there.
    pub text: String,
}

/// Why one part of a query matched or not.
#[derive(uniffi::Record)]
pub struct QueryClause {
    /// The part as written.
    pub clause: String,
    /// Whether it holds.
    pub matched: bool,
    /// Where its words are.
    pub hits: Vec<QueryHit>,
    /// NEAR distances, field values.
    pub detail: Option<String>,
}

/// Why a mention is in or out.
#[derive(uniffi::Record)]
pub struct QueryExplanation {
    /// Whether the query matches.
    pub matched: bool,
    /// Every clause, in order.
    pub clauses: Vec<QueryClause>,
}

/// A warning about a query.
#[derive(uniffi::Record)]
pub struct QueryWarning {
    /// Byte offset.
    pub offset: u64,
    /// What will surprise.
    pub message: String,
}

fn clause(c: Clause) -> QueryClause {
    QueryClause {
        clause: c.clause,
        matched: c.matched,
        hits: c
            .hits
            .into_iter()
            .map(|h| QueryHit {
                term: h.term,
                token: h.token as u64,
                start: h.start as u64,
                end: h.end as u64,
                text: h.text,
            })
            .collect(),
        detail: c.detail,
    }
}

/// A monitoring query in smo's Boolean dialect.
#[derive(uniffi::Object)]
pub struct Query(CoreQuery);

#[uniffi::export]
impl Query {
    /// Parses a query (`SmoException.Parse` with column, byte offset and token).
    #[uniffi::constructor]
    pub fn new(text: String) -> Result<Arc<Self>, SmoError> {
        Ok(Arc::new(Self(CoreQuery::parse(&text)?)))
    }
    /// The query as written.
    pub fn text(&self) -> String {
        self.0.text.clone()
    }
    /// Warnings about what will surprise.
    pub fn warnings(&self) -> Vec<QueryWarning> {
        self.0
            .warnings
            .iter()
            .map(|w| QueryWarning {
                offset: w.offset as u64,
                message: w.message.clone(),
            })
            .collect()
    }
    /// Whether the query matches the mention.
    pub fn matches(&self, mention: Mention) -> bool {
        self.0.matches(&mention.into())
    }
    /// Which terms matched where.
    pub fn explain(&self, mention: Mention) -> QueryExplanation {
        let e = self.0.explain(&mention.into());
        QueryExplanation {
            matched: e.matched,
            clauses: e.clauses.into_iter().map(clause).collect(),
        }
    }
    /// The query as an SQLite FTS5 MATCH expression.
    pub fn to_fts5(&self) -> Result<String, SmoError> {
        Ok(self.0.to_fts5()?)
    }
    /// The query as Elasticsearch / OpenSearch query DSL, JSON.
    pub fn to_elasticsearch(&self) -> String {
        self.0.to_elasticsearch().to_string()
    }
}

/// Runs every query over the mentions: one list of matching mention ids per query.
#[uniffi::export]
pub fn search_mentions(queries: Vec<Arc<Query>>, mentions: Vec<Mention>) -> Vec<Vec<String>> {
    let qs: Vec<CoreQuery> = queries.iter().map(|q| q.0.clone()).collect();
    let ms: Vec<listening::Mention> = mentions.into_iter().map(Into::into).collect();
    listening::search_all(&qs, &ms)
        .into_iter()
        .map(|h| h.into_iter().map(|i| ms[i].id.clone()).collect())
        .collect()
}

impl From<listening::Mention> for Mention {
    fn from(m: listening::Mention) -> Self {
        let e = m.engagement;
        Mention {
            id: m.id,
            text: m.text,
            published: SystemTime::from(m.published),
            network: m.network,
            author: m.author.handle,
            author_name: m.author.name,
            followers: m.author.followers,
            lang: m.lang,
            url: m.url,
            parent: m.parent,
            likes: e.likes,
            reposts: e.reposts,
            replies: e.replies,
            quotes: e.quotes,
            views: e.views,
            reach: e.reach,
            brand: m.brand,
        }
    }
}

/// Mentions loaded, with every row that could not be read.
#[derive(uniffi::Record)]
pub struct MentionLoad {
    /// Mentions read, in input order.
    pub mentions: Vec<Mention>,
    /// Rows not read: line, record, field and reason.
    pub rejected: Vec<smo_core::data::Rejected>,
    /// Input columns matched to no field.
    pub ignored_columns: Vec<String>,
}

/// Loads mentions from CSV, JSON or JSON-lines text (`format`: `csv`, `json`, `jsonl`).
#[uniffi::export(default(format = "csv"))]
pub fn load_mentions(
    text: String,
    format: String,
    settings: crate::measure::LoadSettings,
) -> Result<MentionLoad, SmoError> {
    let opts: smo_core::data::LoadOptions = settings.try_into()?;
    let l = match format.as_str() {
        "json" => smo_core::data::load_json::<listening::Mention>(&text, &opts)?,
        "jsonl" => smo_core::data::load_json_lines::<listening::Mention>(&text, &opts)?,
        "csv" => smo_core::data::load_csv::<listening::Mention>(&text, &opts)?,
        other => {
            return Err(smo_core::Error::Argument {
                name: "format".into(),
                message: format!("`{other}`: use csv, json or jsonl"),
            }
            .into());
        }
    };
    Ok(MentionLoad {
        mentions: l.rows.into_iter().map(Mention::from).collect(),
        rejected: l.rejected,
        ignored_columns: l.ignored_columns,
    })
}
