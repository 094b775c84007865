//! The timeline: all articles' events merged, so that reports of one event in
//! several articles (same kind, overlapping dates, shared actors or places)
//! become one entry listing every report, with the points where they disagree.

use serde::Serialize;

use crate::extract::events::{DateOrigin, Event, EventDate, EventKind, Figure};

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

/// How precise a date is, for choosing the date an entry shows: a smaller span
/// first, then a date the text gave over one it was given.
fn precision_rank(d: &EventDate) -> (i64, u8) {
    let origin = match d.origin {
        DateOrigin::Explicit => 0,
        DateOrigin::Relative => 1,
        DateOrigin::Inherited => 2,
        DateOrigin::Published => 3,
    };
    ((d.end_date - d.start_date).num_days(), origin)
}

fn overlaps(a: &EventDate, b: &EventDate) -> bool {
    a.start_date <= b.end_date && b.start_date <= a.end_date
}

struct Cluster<'a> {
    kind: EventKind,
    members: Vec<(&'a str, &'a Event)>,
}

impl Cluster<'_> {
    /// The member whose date is the most precise.
    fn best(&self) -> Option<&Event> {
        self.members
            .iter()
            .map(|(_, e)| *e)
            .min_by_key(|e| precision_rank(&e.date))
    }

    /// How well `e` fits: None when it cannot be the same event, else the number of shared names.
    fn fit(&self, e: &Event) -> Option<usize> {
        if self.kind != e.kind {
            return None;
        }
        // Every report must overlap in time: two meetings months apart stay two.
        if !self.members.iter().all(|(_, m)| overlaps(&m.date, &e.date)) {
            return None;
        }
        let shared = self
            .members
            .iter()
            .flat_map(|(_, m)| m.actors.iter().chain(m.places.iter()))
            .filter(|n| e.actors.contains(n) || e.places.contains(n))
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        (shared > 0).then_some(shared)
    }
}

fn describe_date(d: &EventDate) -> String {
    match d.modifier {
        Some(m) => format!(
            "{} ({})",
            d.value,
            serde_json::to_value(m)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        ),
        None => d.value.clone(),
    }
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Merges the events of all articles into timeline entries, in date order. Reports
/// of one event (same kind, overlapping dates, a shared actor or place) become one
/// entry; where they disagree on the date or on a figure, the entry lists the conflict.
pub fn build(articles: &[ArticleEvents<'_>]) -> Vec<Entry> {
    let mut all: Vec<(&str, &Event)> = articles
        .iter()
        .flat_map(|a| a.events.iter().map(move |e| (a.article, e)))
        .collect();
    // Precise reports first, so that clusters form around them.
    all.sort_by_key(|(a, e)| (precision_rank(&e.date), e.date.start_date, *a, e.id.clone()));
    let mut clusters: Vec<Cluster<'_>> = Vec::new();
    for (article, e) in all {
        let best = clusters
            .iter_mut()
            .filter_map(|c| c.fit(e).map(|f| (f, c)))
            .max_by_key(|(f, _)| *f);
        match best {
            Some((_, c)) => c.members.push((article, e)),
            None => clusters.push(Cluster {
                kind: e.kind,
                members: vec![(article, e)],
            }),
        }
    }
    let mut entries: Vec<Entry> = clusters
        .into_iter()
        .filter_map(|c| {
            let best = c.best()?.clone();
            let mut actors = Vec::new();
            let mut places = Vec::new();
            let mut figures: Vec<Figure> = Vec::new();
            for (_, m) in &c.members {
                for a in &m.actors {
                    if !actors.contains(a) {
                        actors.push(a.clone());
                    }
                }
                for p in &m.places {
                    if !places.contains(p) {
                        places.push(p.clone());
                    }
                }
                figures.extend(m.figures.iter().cloned());
            }
            let mut conflicts = Vec::new();
            let mut dates: Vec<String> = Vec::new();
            for (_, m) in &c.members {
                let d = describe_date(&m.date);
                if !dates.contains(&d) {
                    dates.push(d);
                }
            }
            if dates.len() > 1 {
                conflicts.push(Conflict {
                    field: "date".into(),
                    values: dates,
                });
            }
            let mut units: Vec<&str> = figures.iter().map(|f| f.unit.as_str()).collect();
            units.sort_unstable();
            units.dedup();
            for unit in units {
                let mut values: Vec<String> = Vec::new();
                for f in figures.iter().filter(|f| f.unit == unit) {
                    let v = format_value(f.value);
                    if !values.contains(&v) {
                        values.push(v);
                    }
                }
                if values.len() > 1 {
                    conflicts.push(Conflict {
                        field: unit.to_string(),
                        values,
                    });
                }
            }
            let reports: Vec<Report> = c
                .members
                .iter()
                .map(|(a, m)| Report {
                    article: a.to_string(),
                    event: m.id.clone(),
                })
                .collect();
            let label = c
                .members
                .iter()
                .map(|(_, m)| m)
                .max_by_key(|m| (m.actors.len(), m.places.len()))
                .map(|m| m.label.clone())
                .unwrap_or_else(|| best.label.clone());
            let id = reports
                .first()
                .map(|r| format!("{}-{}", r.article, r.event))
                .unwrap_or_default();
            Some(Entry {
                id,
                kind: c.kind,
                label,
                date: best.date.clone(),
                reports,
                conflicts,
                actors,
                places,
                figures,
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
