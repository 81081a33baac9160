//! Listening: what the conversation about a brand says, computed offline on the mentions the
//! host hands to smo, with every number explaining itself.
//!
//! | Part | What it is for |
//! |---|---|
//! | [`mention`] | the mention schema: author, date, language, text, URL, thread, engagement, brand |
//! | [`query`] | monitoring queries: the Boolean dialect, matching with explanations, FTS5 and Elasticsearch exports |

pub mod mention;
pub mod query;

pub use mention::{Author, Engagement, Mention};
pub use query::{Explanation, Query, search_all};
