//! Events: sentences with a trigger ("incontro", "schierati", "firmato un
//! trattato") become dated events of a kind, with their actors, places and
//! figures. The date is the time expression that governs the trigger, else
//! one carried over from the sentence before when the text goes on with the
//! same episode, else the publication date, marked as such.

use chrono::NaiveDate;
use serde::Serialize;

use crate::article::Article;
pub use crate::extract::lang::EventKind;
use crate::extract::sentences::Sentence;
use crate::extract::time::{Grain, Modifier, Timex};

/// A piece of the article's text with its character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The words.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// A date written in full in the sentence.
    Explicit,
    /// A date in the sentence, resolved against the publication date.
    Relative,
    /// A date carried over from an earlier sentence about the same episode.
    Inherited,
    /// No date in the text: the publication date.
    Published,
}

/// An event's date: the period, its precision, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// TimeML-style value.
    pub value: String,
    /// Precision.
    pub grain: Grain,
    /// Modifier ("since", "planned", ...).
    #[serde(rename = "mod")]
    pub modifier: Option<Modifier>,
    /// First day, inclusive.
    pub start_date: NaiveDate,
    /// Last day, inclusive.
    pub end_date: NaiveDate,
    /// Where it came from.
    pub origin: DateOrigin,
    /// Index of the time expression in the article's `timexes`, if any.
    pub timex: Option<usize>,
}

impl EventDate {
    /// The date of a time expression.
    pub fn from_timex(t: &Timex, index: usize, origin: DateOrigin) -> Self {
        EventDate {
            value: t.value.clone(),
            grain: t.grain,
            modifier: t.modifier,
            start_date: t.start_date,
            end_date: t.end_date,
            origin,
            timex: Some(index),
        }
    }
}

/// A number with what it counts: `10.000 soldati` = 10000 soldiers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The value.
    pub value: f64,
    /// What it counts, in English ("soldiers", "km", "USD", "percent").
    pub unit: String,
    /// The words as written.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// One event reported in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Stable id within the article.
    pub id: String,
    /// What kind of event.
    pub kind: EventKind,
    /// Subkind ("visit", "talks", "call", "summit", "signing", ...).
    pub subkind: Option<String>,
    /// A short English label ("Meeting: Vladimir Putin, Choe Son Hui (Kremlin)").
    pub label: String,
    /// When.
    pub date: EventDate,
    /// The sentence it comes from.
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// People, countries and organisations taking part, by their canonical names.
    pub actors: Vec<String>,
    /// Where.
    pub places: Vec<String>,
    /// Numbers with units.
    pub figures: Vec<Figure>,
    /// How sure the extractor is, 0-1.
    pub confidence: f32,
}

/// Finds the events of an article, given its sentences and time expressions.
pub fn extract_events(article: &Article, sentences: &[Sentence], timexes: &[Timex]) -> Vec<Event> {
    let _ = (article, sentences, timexes);
    Vec::new()
}
