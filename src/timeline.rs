//! The timeline: all articles' events merged, so that reports of one event in
//! several articles (same kind, overlapping dates, shared actors or places)
//! become one entry listing every report, with the points where they disagree.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
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
    /// People's roles as the reports give them.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub roles: std::collections::BTreeMap<String, String>,
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

/// What the merge reads of a report's date: where it comes from, its modifier, its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateKey {
    /// Where it came from.
    pub origin: DateOrigin,
    /// Its modifier.
    pub modifier: Option<crate::extract::time::Modifier>,
    /// First day, inclusive.
    pub start_date: NaiveDate,
    /// Last day, inclusive.
    pub end_date: NaiveDate,
}

impl From<&EventDate> for DateKey {
    fn from(d: &EventDate) -> Self {
        DateKey {
            origin: d.origin,
            modifier: d.modifier,
            start_date: d.start_date,
            end_date: d.end_date,
        }
    }
}

/// How precise a date is, for choosing the date an entry shows: a date the text
/// gives before the publication date, then a smaller span, then an explicit date.
pub fn precision_rank(d: &DateKey) -> (bool, i64, u8) {
    let origin = match d.origin {
        DateOrigin::Explicit => 0,
        DateOrigin::Relative => 1,
        DateOrigin::Inherited => 2,
        DateOrigin::Published => 3,
    };
    (
        d.origin == DateOrigin::Published,
        (d.end_date - d.start_date).num_days(),
        origin,
    )
}

/// The days an event may have taken place: a date the text gives, or, for an event
/// dated only by its article's publication, any day up to then (or after it, when planned).
fn loose_range(d: &DateKey) -> (chrono::NaiveDate, chrono::NaiveDate) {
    match (d.origin, d.modifier) {
        // "un possibile incontro": some day after publication.
        (DateOrigin::Published, Some(crate::extract::time::Modifier::Planned)) => {
            (d.start_date, chrono::NaiveDate::MAX)
        }
        (DateOrigin::Published, _) => (chrono::NaiveDate::MIN, d.end_date),
        _ => (d.start_date, d.end_date),
    }
}

fn overlaps(a: &DateKey, b: &DateKey) -> bool {
    let (a0, a1) = loose_range(a);
    let (b0, b1) = loose_range(b);
    a0 <= b1 && b0 <= a1
}

/// One report as the merge reads it: its names and date value as numbers (equal
/// strings, equal numbers; see [`Names`]), so that comparing two reports neither
/// allocates nor compares strings. The CLI makes these from [`Event`]s, the app from
/// its compact records.
#[derive(Debug, Clone)]
pub struct MergeReport<'a> {
    /// The article's id (the merge takes reports in order of date, then article id).
    pub article: &'a str,
    /// `article` as a number: equal ids, equal numbers; never `u32::MAX`.
    pub article_no: u32,
    /// The event's id within its article.
    pub event: &'a str,
    /// The caller's numbers for the report, given back with the clusters.
    pub at: (u32, u32),
    /// What kind of event.
    pub kind: EventKind,
    /// Its subkind, as a number.
    pub subkind: Option<u32>,
    /// Its date.
    pub date: DateKey,
    /// Its date's written value, as a number.
    pub value: u32,
    /// It names an actor.
    pub has_actors: bool,
    /// Its people, in order.
    pub people: &'a [u32],
    /// Its places, in order.
    pub places: &'a [u32],
    /// Its actors, places and countries, sorted, each once.
    pub names: &'a [u32],
    /// Its figures.
    pub figures: &'a [Figure],
}

/// The report type the merge works on.
type Reported<'a> = MergeReport<'a>;

/// Numbers for the names of one merge: equal names, equal numbers.
#[derive(Default)]
struct Names<'a> {
    ids: rustc_hash::FxHashMap<&'a str, u32>,
}

impl<'a> Names<'a> {
    fn id(&mut self, name: &'a str) -> u32 {
        // Never OTHER_ARTICLE (u32::MAX): four billion names do not fit in memory.
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX - 1);
        *self.ids.entry(name).or_insert(next)
    }

    /// The reports of these events, their numbers all in `pool` (one list for a
    /// million reports, not three each); each report's `at` is `(0, its index)`.
    fn reports<'p>(
        &mut self,
        events: &[(&'a str, &'a Event)],
        pool: &'p mut Vec<u32>,
    ) -> Vec<Reported<'p>>
    where
        'a: 'p,
    {
        pool.clear();
        // Where each report's people, places and names end in the pool.
        let mut ends: Vec<[usize; 3]> = Vec::with_capacity(events.len());
        let mut names: Vec<u32> = Vec::new();
        for &(_, event) in events {
            pool.extend(event.people.iter().map(|p| self.id(p)));
            let people_end = pool.len();
            pool.extend(event.places.iter().map(|p| self.id(p)));
            let places_end = pool.len();
            names.clear();
            names.extend(
                event
                    .actors
                    .iter()
                    .chain(&event.places)
                    .chain(&event.affiliations)
                    .map(|n| self.id(n)),
            );
            names.sort_unstable();
            names.dedup();
            pool.extend_from_slice(&names);
            ends.push([people_end, places_end, pool.len()]);
        }
        let pool: &'p [u32] = pool;
        let mut start = 0;
        events
            .iter()
            .zip(ends)
            .enumerate()
            .map(
                |(i, (&(article, event), [people_end, places_end, names_end]))| {
                    let slice = |a: usize, b: usize| pool.get(a..b).unwrap_or_default();
                    let r = Reported {
                        article,
                        article_no: self.id(article),
                        event: &event.id,
                        at: (0, u32::try_from(i).unwrap_or(u32::MAX)),
                        kind: event.kind,
                        subkind: event.subkind.as_deref().map(|s| self.id(s)),
                        date: DateKey::from(&event.date),
                        value: self.id(&event.date.value),
                        has_actors: !event.actors.is_empty(),
                        people: slice(start, people_end),
                        places: slice(people_end, places_end),
                        names: slice(places_end, names_end),
                        figures: &event.figures,
                    };
                    start = names_end;
                    r
                },
            )
            .collect()
    }
}

/// How many numbers two sorted lists without repeats share.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Can two reports be of one event (None: they cannot), and how strongly do they say so
/// (0: nothing speaks against it, but nothing for it either)? The article is given
/// apart from the report so that a cluster can stand a report for "another article".
fn same_event(a: (u32, &Reported<'_>), b: (u32, &Reported<'_>)) -> Option<usize> {
    let ((aa, ra), (ba, rb)) = (a, b);
    let (a, b) = (ra, rb);
    if a.kind != b.kind || !overlaps(&a.date, &b.date) {
        return None;
    }
    let shared_people = ra.people.iter().filter(|p| rb.people.contains(p)).count();
    // Two different pairs of people are two meetings, even on one day.
    let subset = |x: &[u32], y: &[u32]| x.iter().all(|p| y.contains(p));
    let shared_place = ra.places.iter().any(|p| rb.places.contains(p));
    if ra.people.len() >= 2
        && rb.people.len() >= 2
        && !subset(ra.people, rb.people)
        && !subset(rb.people, ra.people)
        && !shared_place
    {
        return None;
    }
    let shared = shared_count(ra.names, rb.names);
    let same_figure = a.figures.iter().any(|f| {
        b.figures
            .iter()
            .any(|g| g.unit == f.unit && g.value == f.value)
    });
    let dated = a.date.origin != DateOrigin::Published && b.date.origin != DateOrigin::Published;
    let nested =
        |x: &DateKey, y: &DateKey| x.start_date <= y.start_date && y.end_date <= x.end_date;
    let same_value = ra.value == rb.value;
    if aa == ba {
        // Within one article only a repeated mention: the same written date and the same people;
        // or, for one-off events (a treaty, a death toll), a nameless mention within the dated one.
        let same = dated && same_value && shared_people > 0 && a.subkind == b.subkind;
        let nameless = !a.has_actors || !b.has_actors;
        let one_off = matches!(a.kind, EventKind::Treaty | EventKind::Casualties)
            && dated
            && nameless
            && (nested(&a.date, &b.date) || nested(&b.date, &a.date));
        return (same || one_off).then_some(3 * shared_people + shared + 1);
    }
    // Statements are many and alike: one only when dated the same and said by the same people.
    if a.kind == EventKind::Statement && !(dated && same_value && shared_people > 0) {
        return None;
    }
    // Compatible; evidence only when the reports share people or a figure, or, for
    // events between countries (treaties, aid, deployments), two names; for the rest
    // two names one of which is a place (countries alone are too common to tell).
    let evidence = shared_people > 0
        || same_figure
        || match a.kind {
            EventKind::Treaty | EventKind::Aid | EventKind::Deployment => shared >= 2,
            _ => shared_place && shared >= 2,
        };
    Some(if evidence {
        3 * shared_people + shared + 4 * usize::from(same_figure)
    } else {
        0
    })
}

/// [`same_event`] on the events' strings, as it was before [`Names`]: the reference.
#[cfg(test)]
fn same_event_by_strings(a: (&str, &Event), b: (&str, &Event)) -> Option<usize> {
    let ((aa, a), (ba, b)) = (a, b);
    if a.kind != b.kind || !overlaps(&(&a.date).into(), &(&b.date).into()) {
        return None;
    }
    let shared_people = a.people.iter().filter(|p| b.people.contains(p)).count();
    // Two different pairs of people are two meetings, even on one day.
    let subset = |x: &[String], y: &[String]| x.iter().all(|p| y.contains(p));
    let shared_place = a.places.iter().any(|p| b.places.contains(p));
    if a.people.len() >= 2
        && b.people.len() >= 2
        && !subset(&a.people, &b.people)
        && !subset(&b.people, &a.people)
        && !shared_place
    {
        return None;
    }
    let b_names = sorted_names(b);
    let shared = sorted_names(a)
        .iter()
        .filter(|n| b_names.binary_search(n).is_ok())
        .count();
    let same_figure = a.figures.iter().any(|f| {
        b.figures
            .iter()
            .any(|g| g.unit == f.unit && g.value == f.value)
    });
    let dated = a.date.origin != DateOrigin::Published && b.date.origin != DateOrigin::Published;
    let nested =
        |x: &EventDate, y: &EventDate| x.start_date <= y.start_date && y.end_date <= x.end_date;
    if aa == ba {
        // Within one article only a repeated mention: the same written date and the same people;
        // or, for one-off events (a treaty, a death toll), a nameless mention within the dated one.
        let same =
            dated && a.date.value == b.date.value && shared_people > 0 && a.subkind == b.subkind;
        let nameless = a.actors.is_empty() || b.actors.is_empty();
        let one_off = matches!(a.kind, EventKind::Treaty | EventKind::Casualties)
            && dated
            && nameless
            && (nested(&a.date, &b.date) || nested(&b.date, &a.date));
        return (same || one_off).then_some(3 * shared_people + shared + 1);
    }
    // Statements are many and alike: one only when dated the same and said by the same people.
    if a.kind == EventKind::Statement
        && !(dated && a.date.value == b.date.value && shared_people > 0)
    {
        return None;
    }
    // Compatible; evidence only when the reports share people or a figure, or, for
    // events between countries (treaties, aid, deployments), two names; for the rest
    // two names one of which is a place (countries alone are too common to tell).
    let evidence = shared_people > 0
        || same_figure
        || match a.kind {
            EventKind::Treaty | EventKind::Aid | EventKind::Deployment => shared >= 2,
            _ => shared_place && shared >= 2,
        };
    Some(if evidence {
        3 * shared_people + shared + 4 * usize::from(same_figure)
    } else {
        0
    })
}

/// An event's actors, places and countries, sorted, each once.
#[cfg(test)]
fn sorted_names(e: &Event) -> Vec<&str> {
    let mut v: Vec<&str> = e
        .actors
        .iter()
        .chain(&e.places)
        .chain(&e.affiliations)
        .map(String::as_str)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// What [`same_event`] reads of a report, its article aside: reports alike in all
/// of it fit a newcomer from another article alike, so a cluster scores each
/// likeness once, times how many members have it. (Many articles report one
/// event in the same words; a cluster of hundreds costs as much as one of few.)
#[derive(Debug, PartialEq, Eq, Hash)]
struct Likeness<'a> {
    value: u32,
    date: DateKey,
    subkind: Option<u32>,
    has_actors: bool,
    people: &'a [u32],
    places: &'a [u32],
    names: &'a [u32],
    figures: Vec<(&'a str, u64)>,
}

impl<'a> Likeness<'a> {
    fn of(r: &Reported<'a>) -> Self {
        Likeness {
            value: r.value,
            date: r.date,
            subkind: r.subkind,
            has_actors: r.has_actors,
            people: r.people,
            places: r.places,
            names: r.names,
            figures: r
                .figures
                .iter()
                .map(|f| (f.unit.as_str(), f.value.to_bits()))
                .collect(),
        }
    }
}

/// From how many members a cluster scores by likeness (see [`Likeness`]); smaller
/// ones score member by member and spare the look-ups (most clusters have one member).
const LIKENESSES_FROM: usize = 8;

/// Stands for "some other article" when a cluster scores a likeness; no article has it.
const OTHER_ARTICLE: u32 = u32::MAX;

struct Cluster<'a> {
    kind: EventKind,
    /// The members, as their indices in the merge's list of reports.
    members: Vec<u32>,
    /// From [`LIKENESSES_FROM`] members on, the members by likeness and by article.
    by_likeness: Option<Box<ByLikeness<'a>>>,
    /// The latest first day and the earliest last day of the members' loose ranges:
    /// a report overlaps every member just when it starts by `hi` and ends from `lo`.
    lo: NaiveDate,
    hi: NaiveDate,
    /// Where the cluster is filed in the [`ClusterIndex`]: its first report's date.
    anchor: Anchor,
    /// What its members share, from the second member on (see [`Unions`]).
    unions: Option<Box<Unions<'a>>>,
}

/// Everything a cluster's members can share with a report from another article that
/// speaks for their being one event: their people and their names (sorted, each
/// once) and their figures. A report that shares no person, no figure and fewer than
/// two names with all of them together fits no member, and so not the cluster. (Not
/// made while there is one member, which has them itself: most clusters.)
#[derive(Default)]
struct Unions<'a> {
    people: Vec<u32>,
    names: Vec<u32>,
    figures: Vec<(&'a str, f64)>,
}

/// A big cluster's members by likeness and by article.
#[derive(Default)]
struct ByLikeness<'a> {
    /// The likenesses of the members: a member of each, and how many members have it.
    likenesses: Vec<(&'a Reported<'a>, usize)>,
    likeness_index: rustc_hash::FxHashMap<Likeness<'a>, usize>,
    /// Each member's likeness (index into `likenesses`).
    member_likeness: Vec<usize>,
    /// The members of each article (indexes into `members`).
    by_article: rustc_hash::FxHashMap<u32, Vec<usize>>,
}

impl<'a> ByLikeness<'a> {
    /// Files member `m` under its likeness and its article.
    fn file(&mut self, m: usize, r: &'a Reported<'a>) {
        let k = *self
            .likeness_index
            .entry(Likeness::of(r))
            .or_insert_with(|| {
                self.likenesses.push((r, 0));
                self.likenesses.len() - 1
            });
        if let Some(l) = self.likenesses.get_mut(k) {
            l.1 += 1;
        }
        self.by_article.entry(r.article_no).or_default().push(m);
        self.member_likeness.push(k);
    }
}

/// Puts each number into a sorted list without repeats.
fn insert_sorted(list: &mut Vec<u32>, numbers: &[u32]) {
    for &n in numbers {
        if let Err(i) = list.binary_search(&n) {
            list.insert(i, n);
        }
    }
}

/// The date a cluster is filed under: its first (most precise) report's.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    /// A date the text gives: its first day, and the class of its length.
    Dated { start_day: i32, class: u8 },
    /// Dated by its article's publication only (these come after all dated reports).
    Published,
}

impl Anchor {
    fn of(d: &DateKey) -> Anchor {
        if d.origin == DateOrigin::Published {
            return Anchor::Published;
        }
        let len = (d.end_date - d.start_date).num_days().max(0);
        Anchor::Dated {
            start_day: d.start_date.num_days_from_ce(),
            class: length_class(len),
        }
    }
}

/// Dates are filed by the power of two their length in days falls under, so that
/// a look-up knows how far back a date of that class can start and still overlap.
fn length_class(len_days: i64) -> u8 {
    // Lengths past 2^20 days (2,800 years) share the last class.
    (len_days.clamp(0, 1 << 20) + 1).ilog2() as u8
}

/// The longest length a class holds, in days.
fn class_max_len(class: u8) -> i32 {
    (1i32 << (u32::from(class) + 1).min(30)) - 1
}

/// What a report can share with another that speaks for their being one event
/// (see [`same_event`]): a name (actor, place, country, person), a figure (unit and
/// value), or the article itself. A cluster that shares none of these with a report
/// cannot take it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Evidence<'a> {
    Name(u32),
    Figure(&'a str, u64),
    Article(u32),
}

fn evidence_of<'a>(r: &Reported<'a>) -> Vec<(EventKind, Evidence<'a>)> {
    let mut keys: Vec<(EventKind, Evidence<'a>)> = r
        .names
        .iter()
        .chain(r.people)
        .map(|&n| (r.kind, Evidence::Name(n)))
        .chain(r.figures.iter().map(|f| {
            // Equal values must give equal keys (0.0 == -0.0).
            let bits = if f.value == 0.0 { 0 } else { f.value.to_bits() };
            (r.kind, Evidence::Figure(f.unit.as_str(), bits))
        }))
        .collect();
    keys.push((r.kind, Evidence::Article(r.article_no)));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// How many clusters one look-up considers under one key and class, nearest in
/// time first. Only ever reached by huge collections (a name in many thousands of
/// reports of one kind whose dates all overlap), where the nearest are the likely ones.
const MAX_CANDIDATES_PER_KEY: usize = 512;

/// The clusters filed by what they share and by their first report's date, so
/// that merging a report looks only at clusters that could take it in instead
/// of at all of them.
#[derive(Default)]
struct ClusterIndex<'a> {
    by_key: rustc_hash::FxHashMap<(EventKind, Evidence<'a>), Filed>,
}

/// The clusters filed under one key.
#[derive(Default)]
struct Filed {
    /// Per length class, (first day, cluster) in date order.
    dated: Vec<(u8, Anchors)>,
    /// Clusters whose first report is dated by publication.
    published: Vec<u32>,
}

/// Up to how many clusters [`Anchors`] keeps in a sorted list; more go in a B-tree.
const FEW_ANCHORS: usize = 32;

/// (First day, cluster) pairs in order: a short sorted list while they are few (most
/// keys, such as an article's, file a handful, where a B-tree would take a node of
/// some 200 bytes), a B-tree once they are many.
enum Anchors {
    Few(Vec<(i32, u32)>),
    Many(BTreeSet<(i32, u32)>),
}

impl Anchors {
    fn insert(&mut self, anchor: (i32, u32)) {
        match self {
            Anchors::Few(list) => {
                if let Err(i) = list.binary_search(&anchor) {
                    if list.len() < FEW_ANCHORS {
                        list.insert(i, anchor);
                    } else {
                        let mut set: BTreeSet<(i32, u32)> = list.drain(..).collect();
                        set.insert(anchor);
                        *self = Anchors::Many(set);
                    }
                }
            }
            Anchors::Many(set) => {
                set.insert(anchor);
            }
        }
    }

    /// The clusters of the pairs from `from` to `to`, in order or (with `latest_first`)
    /// the other way, [`MAX_CANDIDATES_PER_KEY`] at most, added to `out`.
    fn clusters_in(
        &self,
        from: (i32, u32),
        to: (i32, u32),
        latest_first: bool,
        out: &mut Vec<usize>,
    ) {
        let cluster = |&(_, c): &(i32, u32)| c as usize;
        match self {
            Anchors::Few(list) => {
                let a = list.partition_point(|x| *x < from);
                let b = list.partition_point(|x| *x <= to).max(a);
                let range = list.get(a..b).unwrap_or_default().iter();
                if latest_first {
                    out.extend(range.rev().take(MAX_CANDIDATES_PER_KEY).map(cluster));
                } else {
                    out.extend(range.take(MAX_CANDIDATES_PER_KEY).map(cluster));
                }
            }
            Anchors::Many(set) => {
                let range = set.range(from..=to);
                if latest_first {
                    out.extend(range.rev().take(MAX_CANDIDATES_PER_KEY).map(cluster));
                } else {
                    out.extend(range.take(MAX_CANDIDATES_PER_KEY).map(cluster));
                }
            }
        }
    }
}

impl<'a> ClusterIndex<'a> {
    fn file(&mut self, key: (EventKind, Evidence<'a>), cluster: usize, anchor: Anchor) {
        let filed = self.by_key.entry(key).or_default();
        // Four billion clusters do not fit in memory.
        let cluster = u32::try_from(cluster).unwrap_or(u32::MAX);
        match anchor {
            Anchor::Dated { start_day, class } => {
                let i = match filed.dated.iter().position(|(c, _)| *c == class) {
                    Some(i) => i,
                    None => {
                        // Most keys see a class or two: no room to spare (a Vec would
                        // take four at once).
                        filed.dated.reserve_exact(1);
                        filed.dated.push((class, Anchors::Few(Vec::new())));
                        filed.dated.len() - 1
                    }
                };
                if let Some((_, anchors)) = filed.dated.get_mut(i) {
                    anchors.insert((start_day, cluster));
                }
            }
            Anchor::Published => {
                // Repeats are dropped at look-up.
                if filed.published.last() != Some(&cluster) {
                    filed.published.push(cluster);
                }
            }
        }
    }

    /// The clusters that share a key with a report whose loose range is `[lo, hi]`
    /// and whose first report overlaps it, sorted and without repeats.
    fn candidates(
        &self,
        keys: &[(EventKind, Evidence<'a>)],
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Vec<usize> {
        let (lo_day, hi_day) = (lo.num_days_from_ce(), hi.num_days_from_ce());
        // An open start ("any day up to publication"): the nearest are the latest.
        let open_start = lo == NaiveDate::MIN;
        let mut out = Vec::new();
        for key in keys {
            let Some(filed) = self.by_key.get(key) else {
                continue;
            };
            for (class, anchors) in &filed.dated {
                let from = (lo_day.saturating_sub(class_max_len(*class)), 0);
                let to = (hi_day, u32::MAX);
                if from > to {
                    continue;
                }
                anchors.clusters_in(from, to, open_start, &mut out);
            }
            out.extend(
                filed
                    .published
                    .iter()
                    .rev()
                    .take(MAX_CANDIDATES_PER_KEY)
                    .map(|&c| c as usize),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl<'a> Cluster<'a> {
    /// How well a report fits: None when it cannot join.
    /// `all` are the merge's reports, which the members are indices into.
    fn fit(&self, r: &Reported<'_>, all: &[Reported<'_>]) -> Option<usize> {
        let article = r.article_no;
        if self.kind != r.kind {
            return None;
        }
        let (lo, hi) = loose_range(&r.date);
        if lo > self.hi || self.lo > hi {
            // It does not overlap every member.
            return None;
        }
        // No member may speak against it, and one at least must speak for it.
        let Some(big) = &self.by_likeness else {
            // A small cluster: member by member.
            let members = || self.members.iter().filter_map(|&m| all.get(m as usize));
            if !members().any(|m| m.article_no == article) && !self.may_speak_for(r, all) {
                return None;
            }
            let mut total = 0;
            for m in members() {
                total += same_event((m.article_no, m), (article, r))?;
            }
            return (total > 0).then_some(total);
        };
        // Members from other articles count by likeness; those from its own article one by one.
        let own: &[usize] = big.by_article.get(&article).map_or(&[], Vec::as_slice);
        if own.is_empty() && !self.may_speak_for(r, all) {
            // Every member scores it 0 or rules it out: either way it does not fit.
            return None;
        }
        let mut total = 0;
        for (k, &(rep, count)) in big.likenesses.iter().enumerate() {
            let own_alike = own
                .iter()
                .filter(|&&m| big.member_likeness.get(m) == Some(&k))
                .count();
            let others = count.saturating_sub(own_alike);
            if others > 0 {
                total += others * same_event((OTHER_ARTICLE, rep), (article, r))?;
            }
        }
        for &m in own {
            let member = all.get(*self.members.get(m)? as usize)?;
            total += same_event((member.article_no, member), (article, r))?;
        }
        (total > 0).then_some(total)
    }

    /// Can a member from another article speak for the report (see [`same_event`]:
    /// a shared person, a shared figure, or two shared names)?
    fn may_speak_for(&self, r: &Reported<'_>, all: &[Reported<'_>]) -> bool {
        let Some(u) = &self.unions else {
            // One member (or none), which has them itself.
            let Some(only) = self.members.first().and_then(|&m| all.get(m as usize)) else {
                return false;
            };
            return r.people.iter().any(|p| only.people.contains(p))
                || r.figures.iter().any(|f| {
                    only.figures
                        .iter()
                        .any(|g| g.unit == f.unit && g.value == f.value)
                })
                || shared_count(only.names, r.names) >= 2;
        };
        r.people.iter().any(|p| u.people.binary_search(p).is_ok())
            || r.figures.iter().any(|f| {
                u.figures
                    .iter()
                    .any(|&(unit, value)| unit == f.unit && value == f.value)
            })
            || shared_count(&u.names, r.names) >= 2
    }

    /// [`Cluster::fit`] member by member, as it was before likenesses: the reference.
    /// `events` are the events the reports were made of, by their `at.1`.
    #[cfg(test)]
    fn fit_by_member(
        &self,
        r: &Reported<'_>,
        all: &[Reported<'_>],
        events: &[(&str, &Event)],
    ) -> Option<usize> {
        let event = |r: &Reported<'_>| events.get(r.at.1 as usize).map(|&(_, e)| e);
        let e = event(r)?;
        if self.kind != e.kind {
            return None;
        }
        let (lo, hi) = loose_range(&(&e.date).into());
        if lo > self.hi || self.lo > hi {
            return None;
        }
        let total: usize = self
            .members
            .iter()
            .filter_map(|&m| all.get(m as usize))
            .map(|m| same_event_by_strings((m.article, event(m)?), (r.article, e)))
            .sum::<Option<usize>>()?;
        (total > 0).then_some(total)
    }

    /// Takes a report in.
    /// Takes in the report at `position` in `all`.
    fn add(&mut self, position: usize, all: &'a [Reported<'a>]) {
        let Some(r) = all.get(position) else {
            return;
        };
        // Four billion reports do not fit in memory.
        self.members
            .push(u32::try_from(position).unwrap_or(u32::MAX));
        let m = self.members.len() - 1;
        let member = |&m: &u32| all.get(m as usize);
        if let Some(big) = &mut self.by_likeness {
            big.file(m, r);
        } else if self.members.len() >= LIKENESSES_FROM {
            let mut big = ByLikeness::default();
            for (m, member) in self.members.iter().filter_map(member).enumerate() {
                big.file(m, member);
            }
            self.by_likeness = Some(Box::new(big));
        }
        // The unions start with the second member (see `Unions`).
        let new: &[u32] = match self.members.len() {
            0 | 1 => return,
            2 => &self.members,
            _ => self.members.get(m..).unwrap_or_default(),
        };
        let u = self.unions.get_or_insert_with(Default::default);
        for member in new.iter().filter_map(member) {
            insert_sorted(&mut u.people, member.people);
            insert_sorted(&mut u.names, member.names);
            for f in member.figures {
                if !u
                    .figures
                    .iter()
                    .any(|&(unit, value)| unit == f.unit && value.to_bits() == f.value.to_bits())
                {
                    u.figures.push((&f.unit, f.value));
                }
            }
        }
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
    build_with(articles, Candidates::Indexed)
}

fn build_with(articles: &[ArticleEvents<'_>], candidates: Candidates) -> Vec<Entry> {
    let all: Vec<(&str, &Event)> = articles
        .iter()
        .flat_map(|a| a.events.iter().map(move |e| (a.article, e)))
        .collect();
    let mut names = Names::default();
    let mut pool = Vec::new();
    let mut reported = names.reports(&all, &mut pool);
    let clusters = merge_with(&mut reported, candidates);
    let reported = &reported;
    // Each cluster's entry on its own, on all cores, in the clusters' order.
    let mut entries: Vec<Entry> = {
        use rayon::prelude::*;
        clusters
            .par_iter()
            .filter_map(|positions| {
                let members: Vec<(&str, &Event)> = positions
                    .iter()
                    .filter_map(|&p| all.get(reported.get(p as usize)?.at.1 as usize).copied())
                    .collect();
                entry_of(&members)
            })
            .collect()
    };
    sort_entries(&mut entries);
    entries
}

/// Merges reports: sorts them (the most precise dates first, so that clusters form
/// around them; then by date, article and event), then puts each, in order, into the
/// cluster it fits best, or a new one. Returns the clusters in the order they were
/// made, each as its members' indices into the sorted `reports`, in order.
pub fn merge(reports: &mut [MergeReport<'_>]) -> Vec<Vec<u32>> {
    merge_with(reports, Candidates::Indexed)
}

fn merge_with(reports: &mut [MergeReport<'_>], candidates: Candidates) -> Vec<Vec<u32>> {
    use rayon::prelude::*;
    sort_reports(reports);
    let reports: &[MergeReport<'_>] = reports;
    // Only reports of one kind can be one event (see `Cluster::fit`, and the index
    // files by kind), so each kind is clustered on its own, on all cores. A cluster
    // is made at its first member, so ordering them by it gives the order they were
    // made in one pass over all reports.
    let mut by_kind: Vec<Vec<usize>> = vec![Vec::new(); EventKind::ALL.len()];
    for (position, r) in reports.iter().enumerate() {
        let k = EventKind::ALL
            .iter()
            .position(|&k| k == r.kind)
            .unwrap_or_default();
        if let Some(list) = by_kind.get_mut(k) {
            list.push(position);
        }
    }
    let mut clusters: Vec<Vec<u32>> = by_kind
        .par_iter()
        .map(|positions| {
            cluster_reports(reports, positions, candidates)
                .into_iter()
                .map(|c| c.members)
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    clusters.sort_unstable_by_key(|members| members.first().copied());
    clusters
}

/// The merge's order: precise reports first, then by date, article and event.
fn sort_reports(reports: &mut [MergeReport<'_>]) {
    // Article and event name a report: no two are equal, so an unstable sort gives
    // the same order, without the stable sort's buffer of half the reports.
    reports.sort_unstable_by(|r1, r2| {
        (
            precision_rank(&r1.date),
            r1.date.start_date,
            r1.article,
            r1.event,
        )
            .cmp(&(
                precision_rank(&r2.date),
                r2.date.start_date,
                r2.article,
                r2.event,
            ))
    });
}

/// Which clusters a report is tried against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidates {
    /// Those the [`ClusterIndex`] finds: the ones that share something with it.
    Indexed,
    /// All of them (slow; the reference the index is tested against).
    #[cfg(test)]
    All,
}

/// Puts each of the reports at `positions` (of `all`), in order, into the cluster
/// it fits best, or a new one.
fn cluster_reports<'a>(
    all: &'a [Reported<'a>],
    positions: &[usize],
    candidates: Candidates,
) -> Vec<Cluster<'a>> {
    let mut clusters: Vec<Cluster<'_>> = Vec::new();
    let mut index = ClusterIndex::default();
    for &position in positions {
        let Some(r) = all.get(position) else {
            continue;
        };
        let keys = evidence_of(r);
        let (lo, hi) = loose_range(&r.date);
        let tried = match candidates {
            Candidates::Indexed => index.candidates(&keys, lo, hi),
            #[cfg(test)]
            Candidates::All => (0..clusters.len()).collect(),
        };
        // The best fit, the latest-made cluster among equals.
        let best = tried
            .into_iter()
            .filter_map(|i| clusters.get(i)?.fit(r, all).map(|f| (f, i)))
            .max_by_key(|(f, _)| *f);
        let i = match best {
            Some((_, i)) => i,
            None => {
                clusters.push(Cluster {
                    kind: r.kind,
                    members: Vec::new(),
                    by_likeness: None,
                    lo: NaiveDate::MIN,
                    hi: NaiveDate::MAX,
                    anchor: Anchor::of(&r.date),
                    unions: None,
                });
                clusters.len() - 1
            }
        };
        let Some(c) = clusters.get_mut(i) else {
            continue;
        };
        c.add(position, all);
        c.lo = c.lo.max(lo);
        c.hi = c.hi.min(hi);
        let anchor = c.anchor;
        for key in keys {
            index.file(key, i, anchor);
        }
    }
    clusters
}

/// The member of a cluster whose date is the most precise (the first of equals).
pub fn best_member(dates: impl IntoIterator<Item = DateKey>) -> Option<usize> {
    dates
        .into_iter()
        .enumerate()
        .min_by_key(|(_, d)| precision_rank(d))
        .map(|(i, _)| i)
}

/// The member whose label an entry shows: the one with the best date, unless it
/// names nobody; then the one that names the most actors, then places (the last of
/// equals). `counts` are each member's numbers of actors and places.
pub fn label_member(best: usize, counts: &[(usize, usize)]) -> usize {
    match counts.get(best) {
        Some(&(0, _)) => counts
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| **c)
            .map_or(best, |(i, _)| i),
        _ => best,
    }
}

/// The timeline entry of a cluster's members (its article's id and event each), in
/// the order they joined.
pub fn entry_of(members: &[(&str, &Event)]) -> Option<Entry> {
    let keys: Vec<DateKey> = members.iter().map(|(_, e)| (&e.date).into()).collect();
    let best_at = best_member(keys.iter().copied())?;
    let (_, best) = *members.get(best_at)?;
    let (_, first) = *members.first()?;
    let mut actors = Vec::new();
    let mut places = Vec::new();
    let mut roles = std::collections::BTreeMap::new();
    for m in members.iter().map(|&(_, e)| e) {
        for (name, role) in &m.roles {
            roles.entry(name.clone()).or_insert_with(|| role.clone());
        }
    }
    let mut figures: Vec<Figure> = Vec::new();
    for m in members.iter().map(|&(_, e)| e) {
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
    // A publication date is no claim about when it happened.
    for m in members
        .iter()
        .map(|&(_, e)| e)
        .filter(|m| m.date.origin != DateOrigin::Published)
    {
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
    let reports: Vec<Report> = members
        .iter()
        .map(|&(article, e)| Report {
            article: article.to_string(),
            event: e.id.clone(),
        })
        .collect();
    // The label of the report with the best date, unless it names nobody.
    let counts: Vec<(usize, usize)> = members
        .iter()
        .map(|(_, e)| (e.actors.len(), e.places.len()))
        .collect();
    let label = members
        .get(label_member(best_at, &counts))
        .map_or_else(|| best.label.clone(), |(_, e)| e.label.clone());
    let id = reports
        .first()
        .map(|r| format!("{}-{}", r.article, r.event))
        .unwrap_or_default();
    // The app keeps a million of these: no room to spare in them.
    actors.shrink_to_fit();
    places.shrink_to_fit();
    figures.shrink_to_fit();
    Some(Entry {
        id,
        kind: first.kind,
        label,
        date: best.date.clone(),
        reports,
        conflicts,
        actors,
        roles,
        places,
        figures,
    })
}

/// Puts entries in date order (then by id), giving back their list's spare room.
pub fn sort_entries(entries: &mut Vec<Entry>) {
    entries.shrink_to_fit();
    entries.sort_by(|a, b| {
        (a.date.start_date, a.date.end_date, &a.id).cmp(&(
            b.date.start_date,
            b.date.end_date,
            &b.id,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::{Figure, Span};
    use crate::extract::time::{Grain, Modifier};

    /// Reports made to merge a lot: few names, few figures, close dates of every precision.
    /// Each event with its article's id, article by article.
    fn flatten(arts: &[(String, Vec<Event>)]) -> Vec<(&str, &Event)> {
        arts.iter()
            .flat_map(|(a, ev)| ev.iter().map(move |e| (a.as_str(), e)))
            .collect()
    }

    fn reports(n: usize, seed: u64) -> Vec<(String, Vec<Event>)> {
        let mut x = seed;
        let mut next = |m: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m as u64) as usize
        };
        let people = ["Putin", "Kim", "Shoigu", "Lavrov"];
        let names = ["Russia", "North Korea", "Moscow", "Pyongyang", "Kursk"];
        let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let mut articles: Vec<(String, Vec<Event>)> =
            (0..12).map(|a| (format!("art{a}"), Vec::new())).collect();
        for i in 0..n {
            let start = base + chrono::Duration::days(next(120) as i64);
            let len = [0, 0, 0, 6, 29, 90, 365][next(7)];
            let origin = [
                DateOrigin::Explicit,
                DateOrigin::Relative,
                DateOrigin::Inherited,
                DateOrigin::Published,
            ][next(4)];
            let kind = [EventKind::Meeting, EventKind::Treaty, EventKind::Statement][next(3)];
            let mut actors = vec![people[next(4)].to_string()];
            if next(2) == 0 {
                actors.push(names[next(5)].to_string());
            }
            let e = Event {
                id: format!("e{i}"),
                kind,
                subkind: None,
                label: format!("{kind:?} {i}"),
                date: EventDate {
                    value: format!("v{}", next(5)),
                    grain: Grain::Day,
                    modifier: [None, None, None, Some(Modifier::Planned)][next(4)],
                    start_date: start,
                    end_date: start + chrono::Duration::days(len),
                    origin,
                    timex: None,
                },
                sentence: Span {
                    text: String::new(),
                    start: 0,
                    end: 0,
                },
                trigger: Span {
                    text: String::new(),
                    start: 0,
                    end: 0,
                },
                people: vec![actors[0].clone()],
                actors,
                places: if next(3) == 0 {
                    vec![names[2 + next(3)].to_string()]
                } else {
                    vec![]
                },
                figures: if next(4) == 0 {
                    vec![Figure {
                        value: (next(3) * 1000) as f64,
                        unit: "soldiers".into(),
                        text: String::new(),
                        start: 0,
                        end: 0,
                    }]
                } else {
                    vec![]
                },
                confidence: 0.5,
                affiliations: vec![],
                roles: Default::default(),
            };
            let a = next(12);
            articles[a].1.push(e);
        }
        articles
    }

    #[test]
    fn the_indexed_merge_gives_what_trying_every_cluster_gives() {
        for seed in 1..=20u64 {
            let arts = reports(400, seed * 7919);
            let inputs: Vec<ArticleEvents<'_>> = arts
                .iter()
                .map(|(a, ev)| ArticleEvents {
                    article: a,
                    events: ev,
                })
                .collect();
            let fast = build(&inputs);
            let slow = build_with(&inputs, Candidates::All);
            assert_eq!(fast, slow, "seed {seed}");
            // And the reports did merge, or the test would prove little.
            assert!(fast.len() < 350, "seed {seed}: {} entries", fast.len());
        }
    }

    #[test]
    fn clustering_kind_by_kind_gives_the_clusters_of_one_pass() {
        for seed in 1..=6u64 {
            let arts = reports(300, seed * 7_919);
            let all = flatten(&arts);
            let mut names = Names::default();
            let mut pool = Vec::new();
            let mut reported = names.reports(&all, &mut pool);
            let by_kind = merge_with(&mut reported, Candidates::Indexed);
            // `merge_with` sorted them: one pass over all of them, in that order.
            let positions: Vec<usize> = (0..reported.len()).collect();
            let one_pass: Vec<Vec<u32>> =
                cluster_reports(&reported, &positions, Candidates::Indexed)
                    .into_iter()
                    .map(|c| c.members)
                    .collect();
            assert_eq!(by_kind, one_pass, "seed {seed}");
            assert!(
                one_pass.len() < reported.len(),
                "seed {seed}: nothing merged"
            );
        }
    }

    #[test]
    fn scoring_by_likeness_gives_what_scoring_every_member_gives() {
        let mut compared = 0;
        let mut by_likeness = 0;
        for seed in 1..=6u64 {
            let arts = reports(300, seed * 104_729);
            let all = flatten(&arts);
            let mut names = Names::default();
            let mut pool = Vec::new();
            let reported = names.reports(&all, &mut pool);
            let positions: Vec<usize> = (0..reported.len()).collect();
            let clusters = cluster_reports(&reported, &positions, Candidates::All);
            for r in &reported {
                for c in &clusters {
                    assert_eq!(c.fit(r, &reported), c.fit_by_member(r, &reported, &all));
                    compared += usize::from(c.members.len() > 1);
                    by_likeness += usize::from(c.by_likeness.is_some());
                }
            }
        }
        assert!(compared > 1000);
        assert!(by_likeness > 1000);
    }

    #[test]
    fn comparing_names_as_numbers_gives_what_comparing_strings_gives() {
        let mut compared = 0;
        for seed in 1..=4u64 {
            let mut arts = reports(200, seed * 6151);
            // Give some reports several people, countries and repeated names.
            for (i, e) in arts
                .iter_mut()
                .flat_map(|(_, ev)| ev.iter_mut())
                .enumerate()
            {
                match i % 4 {
                    0 => e.people = e.actors.clone(),
                    1 => e.affiliations = vec!["Russia".into(), "North Korea".into()],
                    2 => e.places.extend(e.actors.clone()),
                    _ => {}
                }
            }
            let all = flatten(&arts);
            let mut names = Names::default();
            let mut pool = Vec::new();
            let reported = names.reports(&all, &mut pool);
            for (x, rx) in all.iter().zip(&reported) {
                for (y, ry) in all.iter().zip(&reported) {
                    let by_strings = same_event_by_strings(*x, *y);
                    assert_eq!(
                        same_event((rx.article_no, rx), (ry.article_no, ry)),
                        by_strings
                    );
                    compared += usize::from(by_strings.is_some_and(|s| s > 0));
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
