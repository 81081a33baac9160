//! Listening: what the conversation about a brand says, computed offline on the mentions the
//! host hands to smo, with every number explaining itself.
//!
//! | Part | What it is for |
//! |---|---|
//! | [`mention`] | the mention schema: author, date, language, text, URL, thread, engagement, brand |
//! | [`query`] | monitoring queries: the Boolean dialect, matching with explanations, FTS5 and Elasticsearch exports |
//! | [`setup`] | the strategy's keywords, competitors and own queries as monitoring queries |
//! | [`sentiment`](mod@sentiment) | traced English and French sentiment (VADER method; pattern-fr for French) |
//! | [`watch`] | the brands compared, the scope and the denominator every watch result states |
//! | [`voice`] | share of voice by mentions, engagement, reach and sentiment, per period and network |
//! | [`influence`] | influencers with their components (reach, activity, resonance, amplification, relevance) |
//! | [`themes`](mod@themes) | key phrases and hashtags of the conversation, with volume, sentiment and trend |
//! | [`alerts`](mod@alerts) | volume and negative-sentiment spikes against a rolling baseline, as findings |
//! | [`benchmark`](mod@benchmark) | the catalogue's post KPIs for the brand and its competitors, explained |
//! | [`brief`] | all of the above over one scope: the watch brief the SMO report shows ([`render`]) |
//!
//! Each part lives in its own file and is re-exported here.

pub mod alerts;
pub mod benchmark;
pub mod brief;
pub mod influence;
pub mod mention;
pub mod query;
pub mod render;
pub mod sentiment;
pub mod setup;
pub mod themes;
pub mod voice;
pub mod watch;

pub use alerts::{Alert, AlertOptions, Alerts, alerts};
pub use benchmark::{AccountValue, Benchmark, BenchmarkKpi, BenchmarkOptions, benchmark};
pub use brief::{BriefOptions, WatchBrief, watch_brief};
pub use influence::{InfluenceOptions, Influencer, Influencers, Percentiles, Weights, influencers};
pub use themes::{Theme, ThemeKind, ThemeOptions, ThemePoint, Themes, themes};
pub use voice::{ShareOfVoice, VoiceOptions, VoiceRow, share_of_voice};
pub use watch::{Brand, BrandCount, Denominator, SentimentSplit, WatchOptions};

pub use mention::{Author, Engagement, Mention};
pub use query::{Explanation, Query, search_all};
pub use sentiment::{
    Detection, Effect, EffectOp, EntrySource, Label, Lang, LangSource, Sentiment, SentimentRule,
    SentimentScores, Trace, TraceEntry, detect_lang, lexicon_version, sentiment, sentiment_batch,
    sentiment_batch_threads, sentiment_scores, sentiment_scores_batch,
};
