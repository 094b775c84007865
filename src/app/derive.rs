//! What the state derives from its articles: the merged timeline, the look-ups
//! and counts kept beside it, and what the filters let through (the lanes, each
//! sorted by date, and the event table's order). All of it is made in one go
//! from plain data ([`derive`]), so that while files load it can be made on a
//! worker thread and swapped in whole; a frame then only reads it, and never
//! walks all the events.

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::day_index::DayIndex;
use crate::app::records::{self, EntryRecord};
use crate::app::state::{Filters, Lane, LaneItem, LaneMode, LoadedArticle, SortColumn, entry_days};
use crate::extract::events::EventKind;
use crate::extract::time::{Grain, Modifier};

/// What the derived data depends on besides the articles.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// The filters.
    pub filters: Filters,
    /// How events are split into lanes.
    pub lane_mode: LaneMode,
    /// The table's sort column and direction (true = ascending).
    pub sort: (SortColumn, bool),
}

/// A publication date on the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Publication {
    /// Its day number.
    pub day: f64,
    /// Index of the article in the state's articles.
    pub article: usize,
}

/// Look-ups and counts over the whole timeline, whatever the filters.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The entries' indices in the order of their ids, to find one by id (4 bytes
    /// an entry where a map would take some 80, and no id is kept: see [`records::cmp_id`]).
    pub by_id: Vec<u32>,
    /// Entries per kind, in the kinds' display order.
    pub kind_counts: Vec<(EventKind, usize)>,
    /// Entries per actor, busiest first.
    pub actor_counts: Vec<(String, usize)>,
    /// From the first to the last day of any entry or publication date.
    pub span_all: Option<(f64, f64)>,
    /// The visible articles' publication dates, in date order.
    pub publications: Vec<Publication>,
    /// Their days, for the timeline to search.
    pub publication_days: DayIndex,
}

impl Summary {
    /// The index of the entry with this id, by binary search.
    pub fn entry_index(
        &self,
        articles: &[LoadedArticle],
        entries: &[EntryRecord],
        id: &str,
    ) -> Option<usize> {
        let names = records::names();
        let i = self
            .by_id
            .binary_search_by(|&i| {
                entries
                    .get(i as usize)
                    .map_or(std::cmp::Ordering::Greater, |e| {
                        records::cmp_id(articles, &names, e, id)
                    })
            })
            .ok()?;
        Some(*self.by_id.get(i)? as usize)
    }
}

/// The event table's rows in order, and the other way round.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableOrder {
    /// The sort they are in.
    pub sort: (SortColumn, bool),
    /// Shown entries (indices into the entries), in table order.
    pub rows: Vec<usize>,
    /// For each entry, its row, or `u32::MAX` when not shown.
    pub row_of: Vec<u32>,
}

impl TableOrder {
    /// The row of an entry, if shown.
    pub fn row(&self, entry: usize) -> Option<usize> {
        let r = *self.row_of.get(entry)?;
        (r != u32::MAX).then_some(r as usize)
    }
}

/// What the filters let through.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    /// Entries that pass, as indices, in date order.
    pub shown: Vec<usize>,
    /// The lanes the timeline draws.
    pub lanes: Vec<Lane>,
    /// From the first to the last day of a shown entry or a publication date.
    pub span_shown: Option<(f64, f64)>,
    /// The table's order.
    pub table: TableOrder,
}

/// Everything derived from the articles.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// The merged timeline, in date order (shared with a worker that filters it).
    pub entries: Arc<Vec<EntryRecord>>,
    /// Look-ups and counts.
    pub summary: Summary,
    /// What the filters let through.
    pub filtered: Filtered,
}

/// Article id to its index.
pub fn index_articles(articles: &[LoadedArticle]) -> HashMap<String, usize> {
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.article.id.clone(), i))
        .collect()
}

/// Merges the visible articles' events and derives the rest.
pub fn derive(articles: &[LoadedArticle], settings: &Settings) -> Derived {
    let entries = records::merge(articles);
    let summary = summarize(articles, &entries);
    let filtered = filter(articles, &entries, &summary.publications, settings, &|| {
        false
    })
    .unwrap_or_default();
    Derived {
        entries: Arc::new(entries),
        summary,
        filtered,
    }
}

fn widen(span: &mut Option<(f64, f64)>, a: f64, b: f64) {
    *span = Some(match *span {
        Some((s, e)) => (s.min(a), e.max(b)),
        None => (a, b),
    });
}

/// The look-ups and counts of a timeline.
pub fn summarize(articles: &[LoadedArticle], entries: &[EntryRecord]) -> Summary {
    let mut by_id: Vec<u32> = (0..entries.len())
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    let names = records::names();
    // Ids are unique: no order among equals to keep.
    by_id.sort_unstable_by(|&a, &b| {
        records::cmp_ids(articles, &names, &entries[a as usize], &entries[b as usize])
    });
    drop(names);
    let mut kind_counts: Vec<(EventKind, usize)> = EventKind::ALL.iter().map(|k| (*k, 0)).collect();
    let mut actors: HashMap<u32, usize> = HashMap::new();
    let mut span_all = None;
    for e in entries {
        if let Some(c) = kind_counts.iter_mut().find(|(k, _)| *k == e.kind) {
            c.1 += 1;
        }
        for &a in &e.actors {
            *actors.entry(a).or_default() += 1;
        }
        let (_, s, end) = entry_days(e);
        widen(&mut span_all, s, end);
    }
    let names = records::names();
    let mut actor_counts: Vec<(String, usize)> = actors
        .into_iter()
        .map(|(a, n)| (names.get(a).to_string(), n))
        .collect();
    drop(names);
    actor_counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut publications: Vec<Publication> = articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.visible)
        .filter_map(|(i, a)| {
            let day = crate::app::time_axis::day_of_datetime(a.article.published.value?);
            Some(Publication { day, article: i })
        })
        .collect();
    publications.sort_by(|a, b| a.day.total_cmp(&b.day).then(a.article.cmp(&b.article)));
    for p in &publications {
        widen(&mut span_all, p.day, p.day + 1.0);
    }
    let publication_days = DayIndex::new(publications.iter().map(|p| p.day).collect());
    Summary {
        by_id,
        kind_counts,
        actor_counts,
        span_all,
        publications,
        publication_days,
    }
}

/// Grain order from fine to coarse, for the precision filter.
fn grain_rank(g: Grain) -> u8 {
    match g {
        Grain::Minute => 0,
        Grain::Hour => 1,
        Grain::Day => 2,
        Grain::Week => 3,
        Grain::Month => 4,
        Grain::Quarter => 5,
        Grain::Season => 6,
        Grain::Year => 7,
        Grain::Decade => 8,
    }
}

/// Room for [`passes`] to build the text a search looks in, kept from one entry to the next.
#[derive(Default)]
struct SearchBuffers {
    hay: String,
    lower: String,
}

/// Does an entry pass the filters? `needle` is the search, trimmed and lower case.
fn passes(
    articles: &[LoadedArticle],
    f: &Filters,
    needle: &str,
    e: &EntryRecord,
    buffers: &mut SearchBuffers,
) -> bool {
    if f.hidden_kinds.contains(&e.kind) {
        return false;
    }
    if !f.actors.is_empty()
        && !e
            .actors
            .iter()
            .any(|&a| f.actors.iter().any(|n| n == records::name(a)))
    {
        return false;
    }
    if let Some(min) = f.min_precision
        && grain_rank(e.date.grain) > grain_rank(min)
    {
        return false;
    }
    if !needle.is_empty() {
        // "label kind actors places sentences", each list joined by spaces, lower case.
        let SearchBuffers { hay, lower } = buffers;
        hay.clear();
        records::push_entry_label(articles, e, hay);
        hay.push(' ');
        hay.push_str(e.kind.name());
        {
            let names = records::names();
            for list in [&e.actors, &e.places] {
                hay.push(' ');
                for (i, &name) in list.iter().enumerate() {
                    if i > 0 {
                        hay.push(' ');
                    }
                    hay.push_str(names.get(name));
                }
            }
        }
        for &r in &e.reports {
            if let Some((a, ev)) = records::report(articles, r) {
                hay.push(' ');
                hay.push_str(a.text_at(ev.sentence.0 as usize, ev.sentence.1 as usize));
            }
        }
        lower.clear();
        if hay.is_ascii() {
            lower.push_str(hay);
            lower.make_ascii_lowercase();
        } else {
            // (The standard library's, for its speed and its capital sigma.)
            *lower = hay.to_lowercase();
        }
        if !lower.contains(needle) {
            return false;
        }
    }
    true
}

/// How many entries [`filter`] looks at between two questions whether to stop.
const CHECK_EVERY: usize = 4096;

/// Applies the filters: what is shown, its lanes and the table's order. `stop` is
/// asked every few thousand entries whether the result is still wanted; when it
/// says no, there is none.
pub fn filter(
    articles: &[LoadedArticle],
    entries: &[EntryRecord],
    publications: &[Publication],
    settings: &Settings,
    stop: &dyn Fn() -> bool,
) -> Option<Filtered> {
    let needle = settings.filters.search.trim().to_lowercase();
    let mut buffers = SearchBuffers::default();
    let mut shown: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if i % CHECK_EVERY == 0 && stop() {
            return None;
        }
        if passes(articles, &settings.filters, &needle, e, &mut buffers) {
            shown.push(i);
        }
    }
    shown.shrink_to_fit();
    if stop() {
        return None;
    }
    let lanes = make_lanes(articles, entries, &shown, settings.lane_mode);
    let mut span_shown = None;
    for &i in &shown {
        let (_, s, e) = entry_days(&entries[i]);
        widen(&mut span_shown, s, e);
    }
    for p in publications {
        widen(&mut span_shown, p.day, p.day + 1.0);
    }
    if stop() {
        return None;
    }
    let table = table_order(articles, entries, &shown, settings.sort);
    Some(Filtered {
        shown,
        lanes,
        span_shown,
        table,
    })
}

/// The title of the article an entry's first report is from.
fn first_article_title(articles: &[LoadedArticle], e: &EntryRecord) -> String {
    e.reports
        .first()
        .and_then(|r| articles.get(r.article as usize))
        .map(LoadedArticle::title)
        .unwrap_or_default()
}

/// The shown entries in the order of a table column.
pub fn table_order(
    articles: &[LoadedArticle],
    entries: &[EntryRecord],
    shown: &[usize],
    sort: (SortColumn, bool),
) -> TableOrder {
    let mut rows = shown.to_vec();
    let (col, asc) = sort;
    match col {
        // `shown` is in date order already.
        SortColumn::Date => {}
        SortColumn::Kind => rows.sort_by(|&a, &b| entries[a].kind.cmp(&entries[b].kind)),
        // Each label and title once, not once per comparison.
        SortColumn::Label => {
            rows.sort_by_cached_key(|&i| records::entry_label(articles, &entries[i]));
        }
        SortColumn::Actors => {
            let names = records::names();
            rows.sort_by(|&a, &b| {
                let first = |i: usize| entries[i].actors.first().map(|&n| names.get(n));
                first(a).cmp(&first(b))
            });
        }
        SortColumn::Article => {
            rows.sort_by_cached_key(|&i| first_article_title(articles, &entries[i]));
        }
    }
    // The sorts are stable and `shown` is in index order, so ties stay in date order.
    if !asc {
        rows.reverse();
    }
    let mut row_of = vec![u32::MAX; entries.len()];
    for (r, &i) in rows.iter().enumerate() {
        if let Some(slot) = row_of.get_mut(i) {
            *slot = u32::try_from(r).unwrap_or(u32::MAX);
        }
    }
    TableOrder { sort, rows, row_of }
}

/// The lanes for the shown entries, each sorted by marker day.
fn make_lanes(
    articles: &[LoadedArticle],
    entries: &[EntryRecord],
    shown: &[usize],
    mode: LaneMode,
) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut lane_of = |name: &str, kind: Option<EventKind>, lanes: &mut Vec<Lane>| {
        if let Some(&i) = by_name.get(name) {
            return i;
        }
        lanes.push(Lane {
            name: name.to_string(),
            kind,
            ..Lane::default()
        });
        by_name.insert(name.to_string(), lanes.len() - 1);
        lanes.len() - 1
    };
    if mode == LaneMode::Kind {
        // Kinds in their fixed order, only those with events.
        for k in EventKind::ALL {
            if shown.iter().any(|&i| entries[i].kind == k) {
                lane_of(k.name(), Some(k), &mut lanes);
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    for &i in shown {
        let e = &entries[i];
        let (marker, start, end) = entry_days(e);
        let item = LaneItem {
            marker_day: marker,
            start_day: start,
            end_day: end,
            entry: i,
        };
        let kind = (mode == LaneMode::Kind).then_some(e.kind);
        match mode {
            LaneMode::Kind => {
                let li = lane_of(e.kind.name(), kind, &mut lanes);
                lanes[li].items.push(item);
            }
            LaneMode::Actor | LaneMode::Article => {
                names.clear();
                if mode == LaneMode::Actor && e.actors.is_empty() {
                    names.push("(no actor)".to_string());
                } else if mode == LaneMode::Actor {
                    names.extend(e.actors.iter().map(|&n| records::name(n).to_string()));
                } else {
                    names.extend(e.reports.iter().filter_map(|r| {
                        let a = articles.get(r.article as usize)?;
                        Some(a.title())
                    }));
                    names.dedup();
                }
                for n in &names {
                    let li = lane_of(n, kind, &mut lanes);
                    lanes[li].items.push(item);
                }
            }
        }
    }
    if mode == LaneMode::Actor {
        // Busiest actors first; ties by name, so the order is stable.
        lanes.sort_by(|a, b| b.items.len().cmp(&a.items.len()).then(a.name.cmp(&b.name)));
    }
    for l in &mut lanes {
        let items = std::mem::take(&mut l.items);
        l.set_items(items);
        l.kind_breaks = kind_breaks(&l.items, entries);
        l.bar_spans = bar_spans(&l.items, entries);
    }
    lanes
}

/// For each item, how many times the kind changed up to it along the lane, so
/// that "are these items all of one kind?" is one subtraction.
fn kind_breaks(items: &[LaneItem], entries: &[EntryRecord]) -> Vec<u32> {
    let mut out = Vec::with_capacity(items.len());
    let mut breaks = 0u32;
    let mut last: Option<EventKind> = None;
    for it in items {
        let kind = entries.get(it.entry).map(|e| e.kind);
        if last.is_some() && kind != last {
            breaks += 1;
        }
        last = kind;
        out.push(breaks);
    }
    out
}

/// Does an entry get a range bar (a date longer than a day, or an open range)?
pub fn has_bar(e: &EntryRecord, start_day: f64, end_day: f64) -> bool {
    end_day - start_day > 1.0 || matches!(e.date.modifier, Some(Modifier::Since | Modifier::Until))
}

/// The days covered by the lane's range bars, as sorted, disjoint spans: what is
/// drawn when there are too many bars in view to draw one by one.
fn bar_spans(items: &[LaneItem], entries: &[EntryRecord]) -> Vec<(f64, f64)> {
    let mut bars: Vec<(f64, f64)> = items
        .iter()
        .filter(|it| {
            entries
                .get(it.entry)
                .is_some_and(|e| has_bar(e, it.start_day, it.end_day))
        })
        .map(|it| (it.start_day, it.end_day))
        .collect();
    bars.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (s, e) in bars {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::tests::{event, loaded};

    fn events() -> Vec<crate::extract::events::Event> {
        vec![
            event("e1", EventKind::Meeting, (2024, 6, 19), &["Vladimir Putin"]),
            event("e2", EventKind::Treaty, (2024, 6, 20), &["Russia"]),
            event("e3", EventKind::Meeting, (2024, 10, 1), &["Kim Jong Un"]),
        ]
    }

    fn articles() -> Vec<LoadedArticle> {
        vec![loaded("a.txt", events())]
    }

    #[test]
    fn the_summary_counts_kinds_and_actors_and_indexes_entries() {
        let a = articles();
        let d = derive(&a, &Settings::default());
        let s = &d.summary;
        assert_eq!(s.by_id.len(), d.entries.len());
        for (i, e) in d.entries.iter().enumerate() {
            let id = records::entry_id(&a, e);
            assert_eq!(s.entry_index(&a, &d.entries, &id), Some(i));
        }
        assert_eq!(s.entry_index(&a, &d.entries, "no such id"), None);
        assert_eq!(s.kind_counts[0], (EventKind::Meeting, 2));
        assert_eq!(s.actor_counts.len(), 3);
        assert_eq!(s.publications.len(), 1);
        let (a0, a1) = s.span_all.unwrap();
        assert!(a0 < a1);
    }

    #[test]
    fn search_finds_what_lowering_the_joined_text_finds() {
        let mut events = events();
        events[0].label = "Meeting: ΟΔΥΣΣΕΥΣ Kim".into();
        events[1].actors = vec!["Straße".into(), "İstanbul".into()];
        events[2].places = vec!["Kursk".into(), "Sumy".into()];
        let a = vec![loaded("a.txt", events)];
        let d = derive(&a, &Settings::default());
        for needle in [
            "οδυσσευς",
            "οδυσσεύς",
            "οδυσσευσ",
            "strasse",
            "straße",
            "i̇stanbul",
            "kursk sumy",
            "meeting treaty",
            "treaty straße",
            "chas pravd",
            "nothing",
        ] {
            for e in d.entries.iter() {
                // The whole entry, as the CLI makes it, and its sentences.
                let full = records::full_entry(&a, e).unwrap();
                let mut plain = format!(
                    "{} {} {} {}",
                    full.label,
                    full.kind.name(),
                    full.actors.join(" "),
                    full.places.join(" ")
                );
                for r in &full.reports {
                    let art = a.iter().find(|x| x.article.id == r.article).unwrap();
                    let i = art.events.find(&r.event).unwrap();
                    plain.push(' ');
                    plain.push_str(&art.sentence_text(&art.events.event(i).unwrap()));
                }
                let expected = plain.to_lowercase().contains(needle);
                let got = passes(
                    &a,
                    &Filters::default(),
                    needle,
                    e,
                    &mut SearchBuffers::default(),
                );
                assert_eq!(got, expected, "{needle:?} in {plain:?}");
            }
        }
    }

    #[test]
    fn the_table_order_and_its_inverse_agree() {
        let a = articles();
        let d = derive(&a, &Settings::default());
        for sort in [
            (SortColumn::Date, false),
            (SortColumn::Label, true),
            (SortColumn::Kind, false),
            (SortColumn::Article, true),
            (SortColumn::Actors, true),
        ] {
            let t = table_order(&a, &d.entries, &d.filtered.shown, sort);
            assert_eq!(t.rows.len(), d.filtered.shown.len());
            for (r, &i) in t.rows.iter().enumerate() {
                assert_eq!(t.row(i), Some(r));
            }
        }
    }

    #[test]
    fn bar_spans_merge_overlapping_ranges_and_keep_gaps() {
        let mut events = events();
        for (e, (m0, m1)) in events.iter_mut().zip([(1, 3), (2, 4), (8, 9)]) {
            e.kind = EventKind::Meeting;
            e.date.grain = Grain::Month;
            e.date.start_date = chrono::NaiveDate::from_ymd_opt(2024, m0, 1).unwrap();
            e.date.end_date = chrono::NaiveDate::from_ymd_opt(2024, m1, 28).unwrap();
            e.actors = vec![e.id.clone()];
        }
        let a = vec![loaded("a.txt", events)];
        let d = derive(&a, &Settings::default());
        let lane = &d.filtered.lanes[0];
        assert_eq!(lane.bar_spans.len(), 2);
        assert!(lane.bar_spans[0].1 < lane.bar_spans[1].0);
        assert_eq!(lane.kind_breaks, [0, 0, 0]);
    }
}
