//! Listening: what the conversation about a brand says, computed offline on the mentions the
//! host hands to smo, with every number explaining itself.
//!
//! | Part | What it is for |
//! |---|---|
//! | [`mention`] | the mention schema: author, date, language, text, URL, thread, engagement, brand |
//! | [`query`] | monitoring queries: the Boolean dialect, matching with explanations, FTS5 and Elasticsearch exports |
//! | [`setup`] | the strategy's keywords, competitors and own queries as monitoring queries |
//! | [`sentiment`](mod@sentiment) | traced English and French sentiment (VADER method; pattern-fr for French) |
//!
//! Share of voice, influencers and themes will join it (issue 10); each part lives in its own
//! file and is re-exported here.

pub mod mention;
pub mod query;
pub mod sentiment;
pub mod setup;

pub use mention::{Author, Engagement, Mention};
pub use query::{Explanation, Query, search_all};
pub use sentiment::{
    Detection, Effect, EffectOp, EntrySource, Label, Lang, LangSource, Sentiment, SentimentRule,
    SentimentScores, Trace, TraceEntry, detect_lang, lexicon_version, sentiment, sentiment_batch,
    sentiment_batch_threads, sentiment_scores_batch,
};
