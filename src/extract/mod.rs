//! Extraction: pure functions from an article's text and reference date to
//! dated data. Nothing here touches files, the clock or the UI.

pub mod events;
pub mod lang;
pub mod langdetect;
pub mod phrases;
pub mod published;
pub mod sentence_bounds;
pub mod sentences;
pub mod time;

use chrono::NaiveDate;

use crate::article::Article;
use sentences::Sentence;
use time::{Lean, Timex};

/// What extraction finds in one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Time expressions, in order.
    pub timexes: Vec<Timex>,
    /// Events, in text order.
    pub events: Vec<events::Event>,
}

/// Extracts sentences and time expressions from an article. Without a publication
/// date only dates written in full are kept.
pub fn extract(article: &Article) -> Extraction {
    let Some(table) = lang::table(&article.lang) else {
        return Extraction::default();
    };
    let sentences = sentences::sentences(&article.text, table);
    // One tokenization serves the tagger and the events.
    let toks = time::token::tokenize(&article.text);
    // And one look-up of the time words, for the tagger and the events' number words.
    let lex = time::lexicon::lexicon(&article.lang);
    let matches = lex.map(|l| l.match_all(&toks)).unwrap_or_default();
    let tag = |reference| match lex {
        Some(lex) => time::tag_matched(&article.text, &toks, &matches, lex, reference, Lean::Past),
        None => Vec::new(),
    };
    let timexes = match article.published.value {
        Some(reference) => tag(reference),
        None => {
            let dummy = NaiveDate::from_ymd_opt(2000, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default();
            tag(dummy).into_iter().filter(|t| !t.relative).collect()
        }
    };
    let events = events::extract_events(article, &toks, &matches, &sentences, &timexes);
    Extraction {
        sentences,
        timexes,
        events,
    }
}
