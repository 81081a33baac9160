//! FFI surface of the content tags (YAKE key phrases of one text). `Tag` and `TagSpan` mirror
//! the core's records (`uniffi::remote`), field for field, so a change of the core's tag breaks
//! this crate's build.

use smo_core::listening::Lang;
use smo_core::tags::{self, Tag, TagSpan};

use crate::errors::SmoError;

#[uniffi::remote(Record)]
struct TagSpan {
    start: u64,
    end: u64,
}

#[uniffi::remote(Record)]
struct Tag {
    phrase: String,
    score: f64,
    positions: Vec<TagSpan>,
}

/// The `top` key phrases of `text`, best first (lower score is better), in `lang` (`"en"`,
/// `"fr"`, or a BCP 47 tag of one of them) or in the language detected when `lang` is null;
/// positions are UTF-8 byte ranges. An unknown language is `InvalidArgument`.
#[uniffi::export(default(lang = None, top = 10))]
pub fn extract_tags(text: String, lang: Option<String>, top: u32) -> Result<Vec<Tag>, SmoError> {
    let lang = Lang::parse_opt(lang.as_deref())?;
    Ok(tags::extract_tags(&text, lang, top as usize))
}

/// `extract_tags` of each text, in order, on every core.
#[uniffi::export(default(lang = None, top = 10))]
pub fn extract_tags_batch(
    texts: Vec<String>,
    lang: Option<String>,
    top: u32,
) -> Result<Vec<Vec<Tag>>, SmoError> {
    let lang = Lang::parse_opt(lang.as_deref())?;
    Ok(tags::extract_tags_batch(&texts, lang, top as usize))
}
