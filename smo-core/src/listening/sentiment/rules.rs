//! The scoring: lexicon valences, then the rules of the method in the order of the module table
//! (caps, then boosters and negators from the nearest token outwards, then contrast), the sum,
//! punctuation emphasis, normalisation and the token shares. Every change is written to the
//! trace as it is made.

use std::cell::RefCell;

use super::lexicon::{Kinds, Lexicons, Word, lexicons};
use super::tokens::{Origin, Token, tokenize};
use super::*;

/// A modifier token: what it does and how it reads in a trace.
#[derive(Debug, Clone, Copy)]
struct Modifier {
    kinds: Kinds,
    /// Token index where the modifier starts (a two-word phrase starts one token earlier).
    first: usize,
}

fn sign(v: f64) -> f64 {
    if v < 0.0 { -1.0 } else { 1.0 }
}

/// The lexicon entry of a token: French tokens with no letter (emoticons) and emoji
/// descriptions are English lexicon entries.
fn lookup(t: &Token<'_>, lang: Lang, lex: &Lexicons) -> Word {
    let index = if lang == Lang::Fr && (t.origin == Origin::Emoji || !t.is_word) {
        &lex.index_en
    } else {
        lex.index(lang)
    };
    let mut w = index
        .get_known(&t.lower, t.ascii)
        .copied()
        .unwrap_or_default();
    if t.origin == Origin::Emoji {
        // An emoji's description words are scored, never modifiers.
        w.kinds = Kinds::default();
        w.pair_start = false;
    }
    w
}

pub(super) fn score(text: &str, lang: Option<Lang>) -> Sentiment {
    score_with::<true>(text, lang)
}

/// The scores only: the same arithmetic, no trace text or effect lists built.
pub(super) fn scores(text: &str, lang: Option<Lang>) -> SentimentScores {
    let s = score_with::<false>(text, lang);
    SentimentScores {
        compound: s.compound,
        positive: s.positive,
        negative: s.negative,
        neutral: s.neutral,
        label: s.label,
        lang: s.lang,
    }
}

/// The working vectors of one text, kept from one text to the next on each thread, so that a
/// batch allocates nothing per text once its first texts are scored (allocation was an eighth
/// of the time). Every vector is cleared before use: nothing carries over.
#[derive(Default)]
struct Scratch {
    /// `text.to_ascii_lowercase()`: ASCII tokens borrow their lower case from it.
    lower: String,
    /// Empty between texts (its tokens borrow the text; see [`recycle`]).
    toks: Vec<Token<'static>>,
    words: Vec<Word>,
    modifier: Vec<Option<Modifier>>,
    phrase_first: Vec<bool>,
    scores: Vec<f64>,
    /// The scored tokens' indices, in text order (the trace's entries, when kept, are
    /// parallel to it).
    hits: Vec<usize>,
}

/// Past this many tokens (a text of several pages), a thread gives its vectors back rather
/// than keep them for the next text.
const KEPT_TOKENS: usize = 4096;

impl Scratch {
    fn release_if_large(&mut self) {
        if self.toks.capacity() > KEPT_TOKENS || self.lower.capacity() > 8 * KEPT_TOKENS {
            *self = Scratch::default();
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Runs `f` with this thread's scratch vectors, or with fresh ones when they are in use (a
/// nested call) or gone (a thread-local destructor scoring a text).
fn with_scratch<T>(f: impl Fn(&mut Scratch) -> T) -> T {
    SCRATCH
        .try_with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                let out = f(&mut s);
                s.release_if_large();
                out
            }
            Err(_) => f(&mut Scratch::default()),
        })
        .unwrap_or_else(|_| f(&mut Scratch::default()))
}

/// An emptied token vector for tokens of another lifetime, with its allocation: collecting a
/// vector's `into_iter()` into a vector of a type of the same layout reuses its buffer (std's
/// in-place collection); with no element, nothing is converted.
// `filter` cannot replace the `filter_map`: the item type changes (its lifetime).
#[allow(clippy::unnecessary_filter_map)]
fn recycle<'b>(mut v: Vec<Token<'_>>) -> Vec<Token<'b>> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

fn score_with<const TRACE: bool>(text: &str, lang: Option<Lang>) -> Sentiment {
    with_scratch(|scratch| score_in::<TRACE>(text, lang, scratch))
}

fn score_in<const TRACE: bool>(text: &str, lang: Option<Lang>, scratch: &mut Scratch) -> Sentiment {
    let lex = lexicons();
    let (lang, lang_source, detection) = match lang {
        Some(l) => (l, LangSource::Caller, None),
        None => {
            let (l, d) = detect::detect(text);
            (l, LangSource::Detected, Some(d))
        }
    };
    let Scratch {
        lower,
        toks: kept,
        words,
        modifier,
        phrase_first,
        scores,
        hits,
    } = scratch;
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    let mut toks = recycle(std::mem::take(kept));
    tokenize(text, Some(lower), lang, lex, &mut toks);
    let rules = lex.rules(lang);
    let n = toks.len();

    // Modifiers, two-word phrases first (`kind of`, `par contre`): the phrase acts from its
    // second token, its first token is neither scored nor a modifier on its own.
    words.clear();
    words.extend(toks.iter().map(|t| lookup(t, lang, lex)));
    modifier.clear();
    modifier.resize(n, None);
    phrase_first.clear();
    phrase_first.resize(n, false);
    let mut i = 0;
    while i < n {
        if i + 1 < n && words[i].pair_start {
            let k = rules.pair(&toks[i].lower, &toks[i + 1].lower);
            if k.any() {
                phrase_first[i] = true;
                modifier[i + 1] = Some(Modifier { kinds: k, first: i });
                i += 2;
                continue;
            }
        }
        if words[i].kinds.any() {
            modifier[i] = Some(Modifier {
                kinds: words[i].kinds,
                first: i,
            });
        }
        i += 1;
    }
    let base = |j: usize| words[j].valence;
    // A modifier carries its own valence only when there is no sentiment word for it to act
    // on in the next WINDOW tokens (`No!`, `c'est super`).
    let acts_on_something = |i: usize| {
        (i + 1..(i + 1 + WINDOW).min(n))
            .take_while(|&j| !toks[j - 1].clause_end)
            .any(|j| {
                base(j).is_some()
                    && modifier[j].is_none()
                    && !phrase_first[j]
                    && toks[j].origin != Origin::Emoji
                    && toks[j].is_word
            })
    };
    let scored = |i: usize| {
        base(i).is_some() && !phrase_first[i] && (modifier[i].is_none() || !acts_on_something(i))
    };

    // Capitals count only in mixed-case text, over the words the author wrote.
    // Hashtags are left out: their capitals are a naming convention (`#FF`, `#LoveThis`).
    let (mut written, mut caps) = (0, 0);
    for t in toks.iter().filter(|t| t.origin == Origin::Word) {
        written += 1;
        caps += usize::from(t.is_caps());
    }
    let cap_diff = caps > 0 && caps < written;

    let span = |a: usize, b: usize| (toks[a].start as u64, toks[b].end as u64);
    let trigger = |m: &Modifier, j: usize| text[toks[m.first].start..toks[j].end].to_owned();

    scores.clear();
    scores.resize(n, 0.0);
    hits.clear();
    let mut entries: Vec<TraceEntry> = Vec::new();
    for i in 0..n {
        let Some((lexeme, valence)) = base(i).filter(|_| scored(i)) else {
            continue;
        };
        let t = &toks[i];
        let mut v = valence;
        let mut effects = Vec::new();
        if cap_diff && t.is_caps() && t.origin == Origin::Word {
            v += sign(v) * CAPS;
            let (s, e) = span(i, i);
            if TRACE {
                effects.push(Effect {
                    rule: SentimentRule::Caps,
                    trigger: t.raw.to_owned(),
                    start_byte: s,
                    end_byte: e,
                    op: EffectOp::Add,
                    value: sign(v) * CAPS,
                    result: v,
                });
            }
        }
        // Only a sentiment word acted on by a modifier, not a modifier scored on its own.
        let mut negated_fr = false;
        // Emoticons and emoji say the author's affect directly: no modifier acts on them.
        let is_word = t.origin != Origin::Emoji && t.is_word;
        if modifier[i].is_none() && is_word {
            for d in 1..=WINDOW {
                let Some(j) = i.checked_sub(d) else { break };
                if toks[j].clause_end {
                    break;
                }
                if phrase_first[j] {
                    continue;
                }
                let Some(m) = modifier[j] else {
                    if lang == Lang::En && d == 1 && toks[j].lower == "least" {
                        let after_at = j > 0 && matches!(&*toks[j - 1].lower, "at" | "very");
                        if !after_at {
                            v *= NEGATION;
                            let (s, e) = span(j, j);
                            if TRACE {
                                effects.push(Effect {
                                    rule: SentimentRule::Negation,
                                    trigger: toks[j].raw.to_owned(),
                                    start_byte: s,
                                    end_byte: e,
                                    op: EffectOp::Multiply,
                                    value: NEGATION,
                                    result: v,
                                });
                            }
                        }
                    }
                    continue;
                };
                let ne_before = lang == Lang::Fr
                    && m.kinds.has(Kinds::NEGATOR_WITH_NE)
                    && (m.first.saturating_sub(WINDOW)..m.first)
                        .any(|k| matches!(&*toks[k].lower, "ne" | "n'"));
                let negates = m.kinds.has(Kinds::NEGATOR) || ne_before;
                let degree = if ne_before {
                    0.0
                } else if m.kinds.has(Kinds::BOOSTER) {
                    1.0
                } else if m.kinds.has(Kinds::DAMPENER) {
                    -1.0
                } else {
                    0.0
                };
                let (s, e) = span(m.first, j);
                if degree != 0.0 {
                    let mut amount = degree * BOOSTER;
                    if cap_diff && toks[j].is_caps() {
                        amount += degree * CAPS;
                    }
                    amount *= BOOSTER_DISTANCE[d - 1];
                    let signed = amount * sign(v);
                    v += signed;
                    if TRACE {
                        effects.push(Effect {
                            rule: if degree > 0.0 {
                                SentimentRule::Booster
                            } else {
                                SentimentRule::Dampener
                            },
                            trigger: trigger(&m, j),
                            start_byte: s,
                            end_byte: e,
                            op: EffectOp::Add,
                            value: signed,
                            result: v,
                        });
                    }
                }
                // English negators each flip (the method's tri-gram check); a French negation
                // counts once however many of its words are in the window (`ne … pas`).
                if negates && !(lang == Lang::Fr && negated_fr) {
                    negated_fr = true;
                    v *= NEGATION;
                    if TRACE {
                        effects.push(Effect {
                            rule: SentimentRule::Negation,
                            trigger: trigger(&m, j),
                            start_byte: s,
                            end_byte: e,
                            op: EffectOp::Multiply,
                            value: NEGATION,
                            result: v,
                        });
                    }
                }
            }
        }
        scores[i] = v;
        hits.push(i);
        if TRACE {
            entries.push(TraceEntry {
                token: t.emoji.unwrap_or(t.raw).to_owned(),
                lexeme,
                source: match t.origin {
                    Origin::Word => EntrySource::Word,
                    Origin::Hashtag => EntrySource::Hashtag,
                    Origin::Emoji => EntrySource::Emoji,
                },
                start_byte: t.start as u64,
                end_byte: t.end as u64,
                valence,
                effects,
                score: v,
            });
        }
    }

    // Contrast: the first contrast word; what comes after it dominates.
    if let Some(b) = (0..n).find(|&i| modifier[i].is_some_and(|m| m.kinds.has(Kinds::CONTRAST))) {
        let m = modifier[b].unwrap_or(Modifier {
            kinds: Kinds::default(),
            first: b,
        });
        let (s, e) = span(m.first, b);
        let word = if TRACE { trigger(&m, b) } else { String::new() };
        for (k, &i) in hits.iter().enumerate() {
            let (rule, factor) = match i.cmp(&b) {
                std::cmp::Ordering::Less => (SentimentRule::ContrastBefore, CONTRAST_BEFORE),
                std::cmp::Ordering::Greater => (SentimentRule::ContrastAfter, CONTRAST_AFTER),
                std::cmp::Ordering::Equal => continue,
            };
            scores[i] *= factor;
            if let Some(entry) = entries.get_mut(k).filter(|_| TRACE) {
                entry.score = scores[i];
                entry.effects.push(Effect {
                    rule,
                    trigger: word.clone(),
                    start_byte: s,
                    end_byte: e,
                    op: EffectOp::Multiply,
                    value: factor,
                    result: entry.score,
                });
            }
        }
    }

    let sum: f64 = hits.iter().map(|&i| scores[i]).sum();
    let (punctuation, emphasis) = punctuation(text, sum, TRACE);
    let total = if sum > 0.0 {
        sum + emphasis
    } else if sum < 0.0 {
        sum - emphasis
    } else {
        0.0
    };
    let compound = {
        let c = total / (total * total + ALPHA).sqrt();
        if c.is_finite() {
            c.clamp(-1.0, 1.0)
        } else {
            0.0
        }
    };

    // Token shares: a positive token weighs its score + 1, a negative one its |score| + 1, any
    // other token 1; the punctuation emphasis goes to the larger side.
    let (mut pos, mut neg, mut neu) = (0.0f64, 0.0f64, 0.0f64);
    for &s in scores.iter() {
        if s > 0.0 {
            pos += s + 1.0;
        } else if s < 0.0 {
            neg += -s + 1.0;
        } else {
            neu += 1.0;
        }
    }
    if pos > neg {
        pos += emphasis;
    } else if neg > pos {
        neg += emphasis;
    }
    let weight = pos + neg + neu;
    let (positive, negative, neutral) = if weight > 0.0 && weight.is_finite() {
        (pos / weight, neg / weight, neu / weight)
    } else {
        (0.0, 0.0, 1.0)
    };

    *kept = recycle(toks);
    Sentiment {
        compound,
        positive,
        negative,
        neutral,
        label: Label::of(compound),
        lang,
        trace: Trace {
            lexicon: lex.version(lang),
            lang_source,
            detection,
            tokens: n as u64,
            entries,
            sum,
            punctuation: if sum == 0.0 { Vec::new() } else { punctuation },
            total,
            alpha: ALPHA,
        },
    }
}

/// The punctuation effects on a sum (signed away from zero) and their total magnitude.
fn punctuation(text: &str, sum: f64, trace: bool) -> (Vec<Effect>, f64) {
    let mut effects = Vec::new();
    let mut running = sum;
    let mut magnitude = 0.0;
    // One pass over the bytes (memchr: most texts have none or a few): count, first and last
    // position of `!` and `?`. A byte search is a character search here: no byte of a
    // multi-byte UTF-8 character is ASCII.
    let (mut excl, mut q) = ((0usize, 0u64, 0u64), (0usize, 0u64, 0u64));
    for i in memchr::memchr2_iter(b'!', b'?', text.as_bytes()) {
        let slot = if text.as_bytes()[i] == b'!' {
            &mut excl
        } else {
            &mut q
        };
        if slot.0 == 0 {
            slot.1 = i as u64;
        }
        slot.0 += 1;
        slot.2 = i as u64 + 1;
    }
    let (excl, s, e) = excl;
    if excl > 0 {
        let counted = excl.min(EXCLAMATION_MAX);
        let amount = counted as f64 * EXCLAMATION;
        magnitude += amount;
        running += sign(sum) * amount;
        if trace {
            effects.push(Effect {
                rule: SentimentRule::Exclamation,
                trigger: "!".repeat(counted),
                start_byte: s,
                end_byte: e,
                op: EffectOp::Add,
                value: sign(sum) * amount,
                result: running,
            });
        }
    }
    let (q, s, e) = q;
    if q > 1 {
        let amount = if q <= 3 {
            q as f64 * QUESTION
        } else {
            QUESTION_MAX
        };
        magnitude += amount;
        running += sign(sum) * amount;
        if trace {
            effects.push(Effect {
                rule: SentimentRule::Question,
                trigger: "?".repeat(q.min(4)),
                start_byte: s,
                end_byte: e,
                op: EffectOp::Add,
                value: sign(sum) * amount,
                result: running,
            });
        }
    }
    (effects, magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str, lang: Lang) -> f64 {
        sentiment(text, Some(lang)).compound
    }

    fn rules_of(s: &Sentiment) -> Vec<SentimentRule> {
        s.trace
            .entries
            .iter()
            .flat_map(|e| e.effects.iter().map(|f| f.rule))
            .collect()
    }

    #[test]
    fn method_examples() {
        // Hutto & Gilbert 2014: boosters raise, dampeners lower, negation flips.
        let good = c("The service here is good", Lang::En);
        assert!(c("The service here is extremely good", Lang::En) > good);
        assert!(c("The service here is marginally good", Lang::En) < good);
        assert!(c("The service here is not good", Lang::En) < 0.0);
        assert!(c("The service here is GOOD", Lang::En) > good);
        assert!(c("The service here is good!!!", Lang::En) > good);
        // "but": the second half dominates.
        assert!(c("The food is good but the service is horrible", Lang::En) < 0.0);
    }

    #[test]
    fn compound_recomputes_from_the_trace() {
        for text in [
            "Not bad at all!!",
            "I LOVE it but the price is kind of sad :( 😂",
            "",
        ] {
            let s = sentiment(text, Some(Lang::En));
            let sum: f64 = s.trace.entries.iter().map(|e| e.score).sum();
            assert!((sum - s.trace.sum).abs() < 1e-12);
            for e in &s.trace.entries {
                let mut v = e.valence;
                for f in &e.effects {
                    v = match f.op {
                        EffectOp::Add => v + f.value,
                        EffectOp::Multiply => v * f.value,
                    };
                    assert!((v - f.result).abs() < 1e-12);
                }
                assert!((v - e.score).abs() < 1e-12);
            }
            let total = s.trace.sum + s.trace.punctuation.iter().map(|p| p.value).sum::<f64>();
            assert!((total - s.trace.total).abs() < 1e-12);
            let compound = total / (total * total + 15.0).sqrt();
            assert!((compound - s.compound).abs() < 1e-12, "{text}");
        }
    }

    #[test]
    fn scores_equal_the_traced_scores() {
        for text in [
            "Not bad at all!!",
            "Ce n'est pas très bon, mais GÉNIAL 😂",
            "",
            "kind of sad??",
        ] {
            for lang in [None, Some(Lang::En), Some(Lang::Fr)] {
                let (full, fast) = (score(text, lang), scores(text, lang));
                assert_eq!(
                    (
                        full.compound,
                        full.positive,
                        full.negative,
                        full.neutral,
                        full.label,
                        full.lang
                    ),
                    (
                        fast.compound,
                        fast.positive,
                        fast.negative,
                        fast.neutral,
                        fast.label,
                        fast.lang
                    )
                );
            }
        }
    }

    #[test]
    fn recycled_tokens_keep_their_buffer() {
        let r: Vec<Token<'_>> = recycle(Vec::<Token<'static>>::with_capacity(64));
        assert!(r.capacity() >= 64);
    }

    #[test]
    fn french_negation_counts_once() {
        let s = sentiment("Ce n'est pas bon", Some(Lang::Fr));
        assert_eq!(rules_of(&s), [SentimentRule::Negation]);
        assert!(s.compound < 0.0);
        let plus = sentiment("Je ne le trouve plus beau", Some(Lang::Fr));
        assert_eq!(rules_of(&plus), [SentimentRule::Negation]);
        let plus_booster = sentiment("encore plus beau", Some(Lang::Fr));
        assert_eq!(rules_of(&plus_booster), [SentimentRule::Booster]);
    }

    #[test]
    fn modifiers_alone_keep_their_valence() {
        // `no` is a lexicon word (-1.2) and a negator: alone it is scored.
        assert!(c("No.", Lang::En) < 0.0);
        assert!(c("C'est super", Lang::Fr) > 0.0);
        assert_eq!(
            rules_of(&sentiment("super bon", Some(Lang::Fr))),
            [SentimentRule::Booster]
        );
    }
}
