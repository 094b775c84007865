//! What the app keeps of a million events: compact records instead of the
//! extraction's [`Event`]s and the timeline's [`Entry`]s. Names, ids and date
//! values are interned once for the whole app (a number each, see [`intern`]);
//! an event's lists of names are runs of numbers in one list per article; a
//! label that its names make is not kept but made when shown; a timeline entry
//! is its reports (article and event numbers) with the few merged fields the
//! views read. The full [`Event`] and [`Entry`] are made again on demand, for a
//! popup or a test, and are equal to what extraction and [`timeline::build`] give.

use std::sync::{OnceLock, RwLock, RwLockReadGuard};

use chrono::NaiveDate;

use crate::app::state::LoadedArticle;
use crate::extract::events::{DateOrigin, Event, EventDate, EventKind, Figure, Span};
use crate::extract::time::{Grain, Modifier};
use crate::timeline::{self, DateKey, Entry, MergeReport};

/// The app's interned strings: equal strings, equal numbers, for as long as the app
/// runs (a name seen once stays: names are few even when events are many).
#[derive(Default)]
pub struct Interned {
    ids: rustc_hash::FxHashMap<&'static str, u32>,
    names: Vec<&'static str>,
}

impl Interned {
    /// The string of a number ("" for a number never given out).
    pub fn get(&self, id: u32) -> &'static str {
        self.names.get(id as usize).copied().unwrap_or_default()
    }
}

fn interned() -> &'static RwLock<Interned> {
    static POOL: OnceLock<RwLock<Interned>> = OnceLock::new();
    POOL.get_or_init(Default::default)
}

/// The interned strings, to read many (a search, the lanes) under one lock.
pub fn names() -> RwLockReadGuard<'static, Interned> {
    interned().read().unwrap_or_else(|e| e.into_inner())
}

/// The number of a string.
pub fn intern(s: &str) -> u32 {
    if let Some(&id) = names().ids.get(s) {
        return id;
    }
    let mut pool = interned().write().unwrap_or_else(|e| e.into_inner());
    if let Some(&id) = pool.ids.get(s) {
        return id;
    }
    let id = u32::try_from(pool.names.len()).unwrap_or(u32::MAX - 1);
    // Kept for the life of the app (see `Interned`).
    let kept: &'static str = Box::leak(s.to_string().into_boxed_str());
    pool.names.push(kept);
    pool.ids.insert(kept, id);
    id
}

/// The string of an interned number.
pub fn name(id: u32) -> &'static str {
    names().get(id)
}

/// An event's date, its value interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRecord {
    /// The TimeML-style value, interned.
    pub value: u32,
    /// Precision.
    pub grain: Grain,
    /// Modifier.
    pub modifier: Option<Modifier>,
    /// First day, inclusive.
    pub start_date: NaiveDate,
    /// Last day, inclusive.
    pub end_date: NaiveDate,
    /// Where it came from.
    pub origin: DateOrigin,
    /// Index of the time expression in the article's `timexes`, if any.
    pub timex: Option<u32>,
}

impl DateRecord {
    /// The record of a date.
    pub fn of(d: &EventDate) -> Self {
        DateRecord {
            value: intern(&d.value),
            grain: d.grain,
            modifier: d.modifier,
            start_date: d.start_date,
            end_date: d.end_date,
            origin: d.origin,
            timex: d.timex.and_then(|t| u32::try_from(t).ok()),
        }
    }

    /// The date again.
    pub fn date(&self) -> EventDate {
        EventDate {
            value: name(self.value).to_string(),
            grain: self.grain,
            modifier: self.modifier,
            start_date: self.start_date,
            end_date: self.end_date,
            origin: self.origin,
            timex: self.timex.map(|t| t as usize),
        }
    }

    /// What the merge reads of it.
    pub fn key(&self) -> DateKey {
        DateKey {
            origin: self.origin,
            modifier: self.modifier,
            start_date: self.start_date,
            end_date: self.end_date,
        }
    }
}

/// One event of an article, compact (see [`EventRecords`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// Its id within the article, interned.
    pub id: u32,
    /// What kind of event.
    pub kind: EventKind,
    /// Subkind, interned.
    pub subkind: Option<u32>,
    /// Its label when its names do not make it (see [`EventRecords::push_label`]).
    label: Option<Box<str>>,
    /// When.
    pub date: DateRecord,
    /// The sentence's character offsets (its text is the article's).
    pub sentence: (u32, u32),
    /// The trigger's character offsets.
    pub trigger: (u32, u32),
    /// Where its actors, places, countries and people start in the article's list of
    /// names, and where each ends.
    names: [u32; 5],
    /// Its roles in the article's list of roles.
    roles: (u32, u32),
    /// Its figures in the article's list of figures.
    figures: (u32, u32),
    /// How sure the extractor is, 0-1.
    pub confidence: f32,
}

/// An article's events, compact: each event a record, their names in one list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventRecords {
    /// The events, in the extraction's order.
    pub list: Vec<EventRecord>,
    /// Every event's names (interned), one run after another.
    names: Vec<u32>,
    /// Every event's roles: (name, role), interned.
    roles: Vec<(u32, u32)>,
    /// Every event's figures.
    figures: Vec<Figure>,
}

fn offset(n: usize) -> u32 {
    // Articles are read up to 20 MB: offsets fit.
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// "Meeting: Vladimir Putin, Choe Son Hui (Kremlin)", as extraction labels an event:
/// its people first, then its other actors, three at most, then its first place.
fn push_made_label(
    kind: EventKind,
    people: &[u32],
    actors: &[u32],
    places: &[u32],
    out: &mut String,
) {
    let pool = names();
    out.push_str(kind.title());
    let named = people
        .iter()
        .chain(actors.iter().filter(|a| !people.contains(a)));
    let count = people.len() + actors.iter().filter(|a| !people.contains(a)).count();
    for (i, &n) in named.take(3).enumerate() {
        out.push_str(if i == 0 { ": " } else { ", " });
        out.push_str(pool.get(n));
    }
    if count > 3 {
        out.push_str(", …");
    }
    if let Some(&p) = places.first() {
        out.push_str(" (");
        out.push_str(pool.get(p));
        out.push(')');
    }
}

impl EventRecords {
    /// The records of an extraction's events.
    pub fn of(events: &[Event]) -> Self {
        let mut out = EventRecords::default();
        let mut label = String::new();
        for e in events {
            let start = offset(out.names.len());
            let mut ends = [start; 5];
            for (k, list) in [&e.actors, &e.places, &e.affiliations, &e.people]
                .into_iter()
                .enumerate()
            {
                out.names.extend(list.iter().map(|n| intern(n)));
                if let Some(end) = ends.get_mut(k + 1) {
                    *end = offset(out.names.len());
                }
            }
            let roles_start = offset(out.roles.len());
            out.roles
                .extend(e.roles.iter().map(|(n, r)| (intern(n), intern(r))));
            let figures_start = offset(out.figures.len());
            out.figures.extend(e.figures.iter().cloned());
            let mut r = EventRecord {
                id: intern(&e.id),
                kind: e.kind,
                subkind: e.subkind.as_deref().map(intern),
                label: None,
                date: DateRecord::of(&e.date),
                sentence: (offset(e.sentence.start), offset(e.sentence.end)),
                trigger: (offset(e.trigger.start), offset(e.trigger.end)),
                names: ends,
                roles: (roles_start, offset(out.roles.len())),
                figures: (figures_start, offset(out.figures.len())),
                confidence: e.confidence,
            };
            label.clear();
            out.push_label(&r, &mut label);
            if label != e.label {
                r.label = Some(e.label.clone().into_boxed_str());
            }
            out.list.push(r);
        }
        out.names.shrink_to_fit();
        out.roles.shrink_to_fit();
        out.figures.shrink_to_fit();
        out.list.shrink_to_fit();
        out
    }

    /// How many events.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// No events.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn run(&self, r: &EventRecord, k: usize) -> &[u32] {
        let (a, b) = (r.names.get(k), r.names.get(k + 1));
        match (a, b) {
            (Some(&a), Some(&b)) => self.names.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Its actors, interned, in order.
    pub fn actors(&self, r: &EventRecord) -> &[u32] {
        self.run(r, 0)
    }

    /// Its places.
    pub fn places(&self, r: &EventRecord) -> &[u32] {
        self.run(r, 1)
    }

    /// The countries its actors act for.
    pub fn affiliations(&self, r: &EventRecord) -> &[u32] {
        self.run(r, 2)
    }

    /// Its actors who are people.
    pub fn people(&self, r: &EventRecord) -> &[u32] {
        self.run(r, 3)
    }

    /// Its figures.
    pub fn figures(&self, r: &EventRecord) -> &[Figure] {
        self.figures
            .get(r.figures.0 as usize..r.figures.1 as usize)
            .unwrap_or_default()
    }

    /// Its label, added to `out`.
    pub fn push_label(&self, r: &EventRecord, out: &mut String) {
        match &r.label {
            Some(l) => out.push_str(l),
            None => push_made_label(r.kind, self.people(r), self.actors(r), self.places(r), out),
        }
    }

    /// Its label.
    pub fn label(&self, r: &EventRecord) -> String {
        let mut s = String::new();
        self.push_label(r, &mut s);
        s
    }

    /// The event again, as the app's loader kept it: without the copies of its
    /// sentence and trigger, which are the article's text at their offsets.
    pub fn event(&self, i: usize) -> Option<Event> {
        let r = self.list.get(i)?;
        let strings =
            |ids: &[u32]| -> Vec<String> { ids.iter().map(|&n| name(n).to_string()).collect() };
        let span = |(start, end): (u32, u32)| Span {
            text: String::new(),
            start: start as usize,
            end: end as usize,
        };
        Some(Event {
            id: name(r.id).to_string(),
            kind: r.kind,
            subkind: r.subkind.map(|s| name(s).to_string()),
            label: self.label(r),
            date: r.date.date(),
            sentence: span(r.sentence),
            trigger: span(r.trigger),
            actors: strings(self.actors(r)),
            roles: self
                .roles
                .get(r.roles.0 as usize..r.roles.1 as usize)
                .unwrap_or_default()
                .iter()
                .map(|&(n, role)| (name(n).to_string(), name(role).to_string()))
                .collect(),
            places: strings(self.places(r)),
            figures: self.figures(r).to_vec(),
            confidence: r.confidence,
            affiliations: strings(self.affiliations(r)),
            people: strings(self.people(r)),
        })
    }

    /// The index of the event with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        let pool = names();
        self.list.iter().position(|r| pool.get(r.id) == id)
    }
}

/// One report of a timeline entry: an article (its index in the state's articles)
/// and one of its events (its index in the article's records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportRef {
    /// The article.
    pub article: u32,
    /// The event.
    pub event: u32,
}

/// One event on the timeline, compact: its reports and what the views read of it
/// (see [`full_entry`] for the whole [`Entry`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRecord {
    /// What kind of event.
    pub kind: EventKind,
    /// The date the reports agree on best.
    pub date: DateRecord,
    /// Every report, in the order they joined.
    pub reports: Box<[ReportRef]>,
    /// All reports' actors, interned, each once.
    pub actors: Box<[u32]>,
    /// All reports' places, interned, each once.
    pub places: Box<[u32]>,
    /// The report whose label it shows (index into `reports`).
    pub label_from: u32,
}

/// The record and its list of an entry's report.
pub fn report(articles: &[LoadedArticle], r: ReportRef) -> Option<(&LoadedArticle, &EventRecord)> {
    let a = articles.get(r.article as usize)?;
    Some((a, a.events.list.get(r.event as usize)?))
}

/// An entry's id: its first report's article id and event id.
pub fn entry_id(articles: &[LoadedArticle], e: &EntryRecord) -> String {
    let (a, ev) = id_parts(articles, &names(), e);
    format!("{a}-{ev}")
}

fn id_parts<'a>(
    articles: &'a [LoadedArticle],
    names: &Interned,
    e: &EntryRecord,
) -> (&'a str, &'static str) {
    e.reports
        .first()
        .and_then(|&r| report(articles, r))
        .map_or(("", ""), |(a, ev)| {
            (a.article.id.as_str(), names.get(ev.id))
        })
}

/// The bytes of an entry's id, without making it.
fn id_bytes<'a>(
    articles: &'a [LoadedArticle],
    names: &Interned,
    e: &EntryRecord,
) -> impl Iterator<Item = u8> + 'a {
    let (article, event) = id_parts(articles, names, e);
    article.bytes().chain(*b"-").chain(event.bytes())
}

/// Compares two entries' ids without making them.
pub fn cmp_ids(
    articles: &[LoadedArticle],
    names: &Interned,
    a: &EntryRecord,
    b: &EntryRecord,
) -> std::cmp::Ordering {
    id_bytes(articles, names, a).cmp(id_bytes(articles, names, b))
}

/// Compares an entry's id with `id` without making it.
pub fn cmp_id(
    articles: &[LoadedArticle],
    names: &Interned,
    e: &EntryRecord,
    id: &str,
) -> std::cmp::Ordering {
    id_bytes(articles, names, e).cmp(id.bytes())
}

/// An entry's label, added to `out`.
pub fn push_entry_label(articles: &[LoadedArticle], e: &EntryRecord, out: &mut String) {
    let from = e
        .reports
        .get(e.label_from as usize)
        .and_then(|&r| report(articles, r));
    if let Some((a, ev)) = from {
        a.events.push_label(ev, out);
    }
}

/// An entry's label.
pub fn entry_label(articles: &[LoadedArticle], e: &EntryRecord) -> String {
    let mut s = String::new();
    push_entry_label(articles, e, &mut s);
    s
}

/// The whole entry, as [`timeline::build`] makes it.
pub fn full_entry(articles: &[LoadedArticle], e: &EntryRecord) -> Option<Entry> {
    let events: Vec<(&str, Event)> = e
        .reports
        .iter()
        .filter_map(|&r| {
            let a = articles.get(r.article as usize)?;
            Some((a.article.id.as_str(), a.events.event(r.event as usize)?))
        })
        .collect();
    let members: Vec<(&str, &Event)> = events.iter().map(|(a, ev)| (*a, ev)).collect();
    timeline::entry_of(&members)
}

/// Merges the visible articles' events into timeline entries, in date order (then
/// by id), as [`timeline::build`] merges the events themselves.
pub fn merge(articles: &[LoadedArticle]) -> Vec<EntryRecord> {
    // Each report's actors, places and countries, sorted, each once, one run after another.
    let mut pool: Vec<u32> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut run: Vec<u32> = Vec::new();
    let visible = || {
        articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.visible)
            .flat_map(|(ai, a)| {
                a.events
                    .list
                    .iter()
                    .enumerate()
                    .map(move |(ei, r)| (ai, a, ei, r))
            })
    };
    for (_, a, _, r) in visible() {
        let ev = &a.events;
        run.clear();
        run.extend(
            ev.actors(r)
                .iter()
                .chain(ev.places(r))
                .chain(ev.affiliations(r)),
        );
        run.sort_unstable();
        run.dedup();
        pool.extend_from_slice(&run);
        ends.push(pool.len());
    }
    let mut start = 0;
    let mut reports: Vec<MergeReport<'_>> = Vec::with_capacity(ends.len());
    reports.extend(visible().zip(&ends).map(|((ai, a, ei, r), &end)| {
        let ev = &a.events;
        let names = pool.get(start..end).unwrap_or_default();
        start = end;
        MergeReport {
            article: &a.article.id,
            article_no: offset(ai),
            event: name(r.id),
            at: (offset(ai), offset(ei)),
            kind: r.kind,
            subkind: r.subkind,
            date: r.date.key(),
            value: r.date.value,
            has_actors: !ev.actors(r).is_empty(),
            people: ev.people(r),
            places: ev.places(r),
            names,
            figures: ev.figures(r),
        }
    }));
    drop(ends);
    let clusters = timeline::merge(&mut reports);
    // Each cluster's reports as numbers, so that the reports can go before the entries come.
    let clusters: Vec<Box<[ReportRef]>> = clusters
        .into_iter()
        .map(|positions| {
            positions
                .iter()
                .filter_map(|&p| reports.get(p as usize))
                .map(|r| ReportRef {
                    article: r.at.0,
                    event: r.at.1,
                })
                .collect()
        })
        .collect();
    drop(reports);
    drop(pool);
    let mut entries: Vec<EntryRecord> = Vec::with_capacity(clusters.len());
    let mut members: Vec<(&LoadedArticle, &EventRecord)> = Vec::new();
    for refs in clusters {
        members.clear();
        members.extend(refs.iter().filter_map(|&r| report(articles, r)));
        let Some(best) = timeline::best_member(members.iter().map(|(_, r)| r.date.key())) else {
            continue;
        };
        let counts: Vec<(usize, usize)> = members
            .iter()
            .map(|(a, r)| (a.events.actors(r).len(), a.events.places(r).len()))
            .collect();
        let mut actors: Vec<u32> = Vec::new();
        let mut places: Vec<u32> = Vec::new();
        for (a, r) in &members {
            for &n in a.events.actors(r) {
                if !actors.contains(&n) {
                    actors.push(n);
                }
            }
            for &n in a.events.places(r) {
                if !places.contains(&n) {
                    places.push(n);
                }
            }
        }
        let (Some((_, first)), Some((_, best_record))) = (members.first(), members.get(best))
        else {
            continue;
        };
        entries.push(EntryRecord {
            kind: first.kind,
            date: best_record.date,
            reports: refs,
            actors: actors.into_boxed_slice(),
            places: places.into_boxed_slice(),
            label_from: offset(timeline::label_member(best, &counts)),
        });
    }
    let pool = names();
    entries.sort_by(|a, b| {
        (a.date.start_date, a.date.end_date)
            .cmp(&(b.date.start_date, b.date.end_date))
            .then_with(|| cmp_ids(articles, &pool, a, b))
    });
    drop(pool);
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::tests::{event, loaded};
    use crate::timeline::ArticleEvents;

    /// Events made to merge a lot across articles: few names, close dates, some
    /// without actors, some labelled otherwise than their names say.
    fn articles(seed: u64) -> Vec<LoadedArticle> {
        let mut x = seed;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        let names = ["Putin", "Kim", "Russia", "North Korea", "Moscow"];
        (0..6)
            .map(|a| {
                let events = (0..30)
                    .map(|i| {
                        let kind = [EventKind::Meeting, EventKind::Treaty, EventKind::Aid]
                            [next(3) as usize];
                        let actors: Vec<&str> = (0..next(3))
                            .map(|_| names[next(5) as usize])
                            .collect::<std::collections::BTreeSet<_>>()
                            .into_iter()
                            .collect();
                        let mut e = event(
                            &format!("e{i}"),
                            kind,
                            (2024, 6, 1 + next(5) as u32),
                            &actors,
                        );
                        e.people = actors.iter().take(1).map(|s| s.to_string()).collect();
                        e.places = vec![names[4].to_string()];
                        if next(4) == 0 {
                            e.label = format!("Custom {i}");
                        }
                        if next(5) == 0 {
                            e.date.end_date = e.date.start_date + chrono::Duration::days(30);
                            e.date.value = "2024-06".into();
                        }
                        e
                    })
                    .collect();
                loaded(&format!("{a}.txt"), events)
            })
            .collect()
    }

    #[test]
    fn records_give_back_the_events_and_the_merge_gives_what_the_cli_gives() {
        for seed in 1..=5u64 {
            let a = articles(seed * 7919);
            // The events the CLI would merge: as extracted, their texts aside.
            let events: Vec<Vec<Event>> = a
                .iter()
                .map(|x| {
                    (0..x.events.len())
                        .filter_map(|i| x.events.event(i))
                        .collect()
                })
                .collect();
            let inputs: Vec<ArticleEvents<'_>> = a
                .iter()
                .zip(&events)
                .map(|(x, ev)| ArticleEvents {
                    article: &x.article.id,
                    events: ev,
                })
                .collect();
            let cli = timeline::build(&inputs);
            let app = merge(&a);
            assert!(app.len() < 150, "seed {seed}: the events should merge");
            let made: Vec<Entry> = app.iter().filter_map(|e| full_entry(&a, e)).collect();
            assert_eq!(made, cli, "seed {seed}");
            for (e, full) in app.iter().zip(&cli) {
                assert_eq!(entry_id(&a, e), full.id);
                assert_eq!(entry_label(&a, e), full.label);
                assert_eq!(e.date.date(), full.date);
                let actors: Vec<&str> = e.actors.iter().map(|&n| name(n)).collect();
                assert_eq!(actors, full.actors);
            }
        }
    }

    #[test]
    fn a_record_gives_back_its_event_but_the_copies_of_its_text() {
        let mut e = event("e1", EventKind::Meeting, (2024, 6, 19), &["Kim", "Putin"]);
        e.subkind = Some("visit".into());
        e.roles.insert("Kim".into(), "leader".into());
        e.people = vec!["Putin".into()];
        e.affiliations = vec!["Russia".into()];
        e.date.timex = Some(3);
        e.figures = vec![Figure {
            value: 10.0,
            unit: "soldiers".into(),
            text: "dieci soldati".into(),
            start: 2,
            end: 15,
        }];
        let records = EventRecords::of(std::slice::from_ref(&e));
        let mut expected = e.clone();
        expected.sentence.text.clear();
        expected.trigger.text.clear();
        assert_eq!(records.event(0), Some(expected));
        // "Meeting: Kim, Putin" is not what its names make ("Meeting: Putin, Kim"): kept.
        assert_eq!(records.label(&records.list[0]), e.label);
    }
}
