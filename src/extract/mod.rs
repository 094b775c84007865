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
    /// What the user should know about the extraction (dates dropped as impossible).
    pub warnings: Vec<String>,
}

/// Extracts sentences and time expressions from an article. Without a publication
/// date only dates written in full are kept.
pub fn extract(article: &Article) -> Extraction {
    let Some(table) = lang::table(&article.lang) else {
        return Extraction::default();
    };
    let sentences = sentences::sentences(&article.text, table);
    // One tokenization serves the tagger and the events.
    let toks = time::token::tokenize_keyed(&article.text);
    // And one look-up of the time words, for the tagger and the events' number words.
    let lex = time::lexicon::lexicon(&article.lang);
    let matches = lex.map(|l| l.match_all(&toks)).unwrap_or_default();
    let tag = |reference| match lex {
        Some(lex) => time::tag_counting(&article.text, &toks, &matches, lex, reference, Lean::Past),
        None => (Vec::new(), 0),
    };
    // Without a publication date, relative expressions ("quattro giorni fa") name no
    // day: they are left out, and where they stand no date is carried over either.
    let mut unresolved: Vec<std::ops::Range<usize>> = Vec::new();
    let (timexes, dropped) = match article.published.value {
        Some(reference) => tag(reference),
        None => {
            let dummy = NaiveDate::from_ymd_opt(2000, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default();
            let (all, dropped) = tag(dummy);
            let (relative, mut absolute): (Vec<Timex>, Vec<Timex>) =
                all.into_iter().partition(|t| t.relative);
            unresolved = relative.into_iter().map(|t| t.bytes).collect();
            // "Planned" says the date lies after the publication, which is unknown here
            // (the stand-in reference would make every date after 2000 planned).
            for t in &mut absolute {
                if t.modifier == Some(time::Modifier::Planned) {
                    t.modifier = None;
                }
            }
            (absolute, dropped)
        }
    };
    let mut warnings = Vec::new();
    if dropped > 0 {
        warnings.push(format!(
            "{dropped} date{} not on the calendar (such as 31 February or a year past 9999) left out",
            if dropped == 1 { "" } else { "s" }
        ));
    }
    let events =
        events::extract_events(article, &toks, &matches, &sentences, &timexes, &unresolved);
    Extraction {
        sentences,
        timexes,
        events,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::IntakeOptions;

    #[test]
    fn impossible_dates_are_left_out_with_a_warning() {
        let opts = IntakeOptions {
            lang: Some("it".into()),
            published: NaiveDate::from_ymd_opt(2025, 3, 3)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .map(|d| (d, true)),
        };
        let article = Article::from_bytes(
            "a.txt",
            "Il vertice del 31 febbraio 2025 è stato rinviato al 12 marzo 2025.".as_bytes(),
            &opts,
        );
        let x = extract(&article);
        assert_eq!(x.timexes.len(), 1, "{:?}", x.timexes);
        assert_eq!(x.timexes[0].value, "2025-03-12");
        assert_eq!(x.warnings.len(), 1, "{:?}", x.warnings);
        assert!(x.warnings[0].starts_with("1 date not on the calendar"));
        let fine = Article::from_bytes("b.txt", "Il vertice del 12 marzo 2025.".as_bytes(), &opts);
        assert!(extract(&fine).warnings.is_empty());
    }

    #[test]
    fn without_a_publication_date_a_relative_date_is_not_replaced_by_the_last_one() {
        let opts = IntakeOptions {
            lang: Some("it".into()),
            published: None,
        };
        let text = "Il ministro ha visitato Seul nel 2019, secondo il Pentagono.\n\
                    Quattro giorni fa, la prima visita in otto anni di un capo del Pentagono alla zona smilitarizzata.";
        let article = Article::from_bytes("a.txt", text.as_bytes(), &opts);
        assert!(article.published.value.is_none());
        let x = extract(&article);
        // "nel 2019" dates the first visit; the second has a date of its own that
        // cannot be resolved, so it is not dated 2019.
        let dates: Vec<&str> = x.events.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(dates, ["2019"], "{:?}", x.events);
        // Nor is 2019 "planned" against a publication date nobody knows.
        assert!(
            x.timexes.iter().all(|t| t.modifier.is_none()),
            "{:?}",
            x.timexes
        );
        assert!(
            x.events.iter().all(|e| e.date.modifier.is_none()),
            "{:?}",
            x.events
        );
    }
}
