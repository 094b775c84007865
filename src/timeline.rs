//! The timeline: all articles' events merged, so that reports of one event in
//! several articles (same kind, overlapping dates, shared actors or places)
//! become one entry listing every report, with the points where they disagree.

use serde::Serialize;

use crate::extract::events::{Event, EventDate, EventKind, Figure};

/// One article's report of an entry's event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The article's id.
    pub article: String,
    /// The event's id within that article.
    pub event: String,
}

/// A disagreement between reports of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// What they disagree on: "date" or a figure's unit ("soldiers").
    pub field: String,
    /// The values the reports give, as written or resolved, one per report that gives one.
    pub values: Vec<String>,
}

/// One event on the timeline, with every report of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Stable id.
    pub id: String,
    /// What kind of event.
    pub kind: EventKind,
    /// A short English label.
    pub label: String,
    /// The date the reports agree on best (the most precise one).
    pub date: EventDate,
    /// Every report.
    pub reports: Vec<Report>,
    /// Where reports disagree.
    pub conflicts: Vec<Conflict>,
    /// All reports' actors.
    pub actors: Vec<String>,
    /// All reports' places.
    pub places: Vec<String>,
    /// All reports' figures.
    pub figures: Vec<Figure>,
}

/// Events of one article, with the article's id.
#[derive(Debug, Clone, Copy)]
pub struct ArticleEvents<'a> {
    /// The article's id.
    pub article: &'a str,
    /// Its events.
    pub events: &'a [Event],
}

/// Merges the events of all articles into timeline entries, in date order.
pub fn build(articles: &[ArticleEvents<'_>]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = articles
        .iter()
        .flat_map(|a| {
            a.events.iter().map(move |e| Entry {
                id: format!("{}-{}", a.article, e.id),
                kind: e.kind,
                label: e.label.clone(),
                date: e.date.clone(),
                reports: vec![Report {
                    article: a.article.to_string(),
                    event: e.id.clone(),
                }],
                conflicts: Vec::new(),
                actors: e.actors.clone(),
                places: e.places.clone(),
                figures: e.figures.clone(),
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        (a.date.start_date, a.date.end_date, &a.id).cmp(&(
            b.date.start_date,
            b.date.end_date,
            &b.id,
        ))
    });
    entries
}
