//! The app's state without any UI: the open articles and their extractions,
//! the merged timeline, what the filters let through, the lanes the timeline
//! draws (each sorted by date so the visible part is found by binary
//! search), the selection and the view. The part that must survive a restart
//! is [`Session`], which is plain serde data.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::app::day_index::DayIndex;
use crate::app::derive::{self, Derived, Settings, Summary, TableOrder};
use crate::app::records::{self, EntryRecord, EventRecords, ReportRef};
use crate::app::time_axis::{ViewRange, days_of_range};
use crate::article::Article;
use crate::extract::Extraction;
use crate::extract::events::{Event, EventKind};
use crate::extract::time::Grain;
use crate::timeline::Entry;

/// Where an article came from: a file, or one of the samples built into the binary.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceRef {
    /// A file on disk.
    File(PathBuf),
    /// A sample article embedded in the binary, by its name (`data/…txt`).
    Sample(String),
}

impl SourceRef {
    /// How to show it: the file name, or the sample's name.
    pub fn display_name(&self) -> String {
        match self {
            SourceRef::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            SourceRef::Sample(name) => name.clone(),
        }
    }
}

/// How the timeline splits events into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LaneMode {
    /// One lane per event kind.
    #[default]
    Kind,
    /// One lane per actor (an event with two actors is in both lanes).
    Actor,
    /// One lane per article that reports it.
    Article,
}

impl LaneMode {
    /// All modes, for menus.
    pub const ALL: [LaneMode; 3] = [LaneMode::Kind, LaneMode::Actor, LaneMode::Article];

    /// Its name for people.
    pub fn title(self) -> &'static str {
        match self {
            LaneMode::Kind => "Lanes by kind",
            LaneMode::Actor => "Lanes by actor",
            LaneMode::Article => "Lanes by article",
        }
    }
}

/// Which events are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Kinds switched off.
    pub hidden_kinds: Vec<EventKind>,
    /// When not empty, only events with one of these actors.
    pub actors: Vec<String>,
    /// Words the label, actors, places or sentence must contain (case-insensitive).
    pub search: String,
    /// Leave out events dated less precisely than this (e.g. `Month` hides years and decades).
    pub min_precision: Option<Grain>,
}

impl Filters {
    /// No filter is on.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A column of the event table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortColumn {
    /// By date.
    #[default]
    Date,
    /// By kind.
    Kind,
    /// By label.
    Label,
    /// By first actor.
    Actors,
    /// By first article's title.
    Article,
}

/// What survives a restart.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// The open articles, in the order they were opened.
    pub sources: Vec<SourceRef>,
    /// Those the user hid.
    pub hidden: Vec<SourceRef>,
    /// The visible range.
    pub view: Option<ViewRange>,
    /// The filters.
    pub filters: Filters,
    /// The lane mode.
    pub lane_mode: LaneMode,
    /// Recently opened files and folders, newest first.
    pub recent: Vec<PathBuf>,
}

impl Session {
    /// Reads a saved session. A session that cannot be read gives `None` and a
    /// message for the user, so that a corrupt file never stops the app.
    pub fn restore(saved: Option<&str>) -> (Option<Session>, Option<String>) {
        match saved.map(serde_json::from_str::<Session>) {
            Some(Ok(s)) => (Some(s), None),
            Some(Err(e)) => (
                None,
                Some(format!(
                    "The saved session could not be read ({e}); started with the sample articles."
                )),
            ),
            None => (None, None),
        }
    }
}

/// How many recent paths to remember.
pub const MAX_RECENT: usize = 10;

/// One open article with what was extracted from it. The article and its
/// extraction are shared, so that a copy (for a worker that remakes the
/// timeline) costs nothing.
#[derive(Debug, Clone)]
pub struct LoadedArticle {
    /// Where it came from.
    pub source: SourceRef,
    /// The article.
    pub article: Arc<Article>,
    /// What extraction found, but the events, which are in `events`.
    pub extraction: Arc<Extraction>,
    /// Its events, compact.
    pub events: Arc<EventRecords>,
    /// Shown on the timeline.
    pub visible: bool,
}

impl LoadedArticle {
    /// An article and its extraction, whose events become compact records (see
    /// [`crate::app::files::compact`]).
    pub fn new(source: SourceRef, article: Article, mut extraction: Extraction) -> Self {
        let events = crate::app::files::compact(&mut extraction);
        LoadedArticle {
            source,
            article: Arc::new(article),
            extraction: Arc::new(extraction),
            events: Arc::new(events),
            visible: true,
        }
    }

    /// The sentence an event comes from: its copy if the event has one, else the
    /// article's text at its offsets (loaded articles keep one copy: see
    /// [`crate::app::files::compact`]).
    pub fn sentence_text<'a>(&'a self, ev: &'a Event) -> std::borrow::Cow<'a, str> {
        if !ev.sentence.text.is_empty() {
            return std::borrow::Cow::Borrowed(&ev.sentence.text);
        }
        std::borrow::Cow::Borrowed(self.text_at(ev.sentence.start, ev.sentence.end))
    }

    /// The article's text from character `start` to `end`. Characters are counted
    /// from the last sentence that starts by `start`, whose byte offset is known, not
    /// from the top of the text: searching a million events reads every one's sentence.
    pub fn text_at(&self, start_char: usize, end_char: usize) -> &str {
        let text = &self.article.text;
        let sentences = &self.extraction.sentences;
        let (from_char, from_byte) = sentences
            .partition_point(|s| s.start <= start_char)
            .checked_sub(1)
            .and_then(|i| sentences.get(i))
            .filter(|s| text.is_char_boundary(s.byte_start))
            .map_or((0, 0), |s| (s.start, s.byte_start));
        let rest = text.get(from_byte..).unwrap_or_default();
        let start = from_byte
            + rest
                .char_indices()
                .nth(start_char.saturating_sub(from_char))
                .map_or(rest.len(), |(b, _)| b);
        let len: usize = text
            .get(start..)
            .unwrap_or_default()
            .chars()
            .take(end_char.saturating_sub(start_char))
            .map(char::len_utf8)
            .sum();
        text.get(start..start + len).unwrap_or_default()
    }

    /// Its title, or its file name.
    pub fn title(&self) -> String {
        self.article
            .title
            .clone()
            .unwrap_or_else(|| self.source.display_name())
    }

    /// Its publication day as people write it, or `unknown` when it has none.
    pub fn published_text(&self, unknown: &str) -> String {
        self.article
            .published
            .value
            .map(|v| crate::app::time_axis::human_date(v.date()))
            .unwrap_or_else(|| unknown.to_string())
    }
}

/// A file that could not be opened, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Which file.
    pub source: String,
    /// Why.
    pub reason: String,
}

/// A file of the last session that could not be opened again: kept in the session
/// (and listed under Articles) until the user removes it, so that a drive that is not
/// mounted today does not cost the session its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingSource {
    /// Which file.
    pub source: SourceRef,
    /// Why it could not be opened ("no such file").
    pub reason: String,
    /// The user had hidden it.
    pub hidden: bool,
}

impl MissingSource {
    /// What to tell the user about it.
    pub fn status(&self) -> String {
        if self.reason == "no such file" {
            "missing since the last session".to_string()
        } else {
            format!(
                "could not be opened since the last session: {}",
                self.reason
            )
        }
    }
}

/// One event on a lane: its extent in day numbers and its entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaneItem {
    /// Where its marker goes.
    pub marker_day: f64,
    /// Start of its date range.
    pub start_day: f64,
    /// End of its date range (exclusive).
    pub end_day: f64,
    /// Index into [`AppState::entries`].
    pub entry: usize,
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lane {
    /// What it holds ("meeting", "Vladimir Putin", an article title).
    pub name: String,
    /// Its kind, when lanes are by kind.
    pub kind: Option<EventKind>,
    /// Its events, sorted by marker day.
    pub items: Vec<LaneItem>,
    /// Each item's marker day, in the items' order: what the view searches
    /// every frame, kept apart from the items and laid out for the cache (see
    /// [`Lane::set_items`]).
    pub marker_days: DayIndex,
    /// The longest date range on the lane, in days (how far back a bar can reach).
    pub max_len_days: f64,
    /// For each item, how often the kind changed along the lane up to it (see
    /// [`Lane::one_kind`]).
    pub kind_breaks: Vec<u32>,
    /// The days the lane's range bars cover, as sorted disjoint spans, for views
    /// with too many bars to draw one by one.
    pub bar_spans: Vec<(f64, f64)>,
}

impl Lane {
    /// Sets the lane's items, sorts them by marker day (ties by entry) and keeps
    /// their marker days apart; the longest range follows.
    pub fn set_items(&mut self, mut items: Vec<LaneItem>) {
        items.sort_by(|a, b| {
            a.marker_day
                .total_cmp(&b.marker_day)
                .then(a.entry.cmp(&b.entry))
        });
        items.shrink_to_fit();
        self.max_len_days = items
            .iter()
            .map(|it| it.end_day - it.start_day)
            .fold(0.0, f64::max);
        self.marker_days = DayIndex::new(items.iter().map(|it| it.marker_day).collect());
        self.items = items;
    }

    /// The items whose marker can be in `view`, found by binary search.
    pub fn visible(&self, view: ViewRange) -> Range<usize> {
        debug_assert_eq!(self.marker_days.len(), self.items.len());
        let all = 0..self.items.len();
        let lo = self.marker_days.first_from(all.clone(), view.start);
        let hi = self.marker_days.first_after(all, view.end);
        lo..hi.max(lo)
    }

    /// Are the items in `range` all of one kind?
    pub fn one_kind(&self, range: Range<usize>) -> bool {
        if self.kind.is_some() || range.len() <= 1 {
            return true;
        }
        let first = self.kind_breaks.get(range.start);
        let last = range
            .end
            .checked_sub(1)
            .and_then(|i| self.kind_breaks.get(i));
        first.is_some() && first == last
    }

    /// The spans of [`Lane::bar_spans`] that reach into `view`, found by binary search.
    pub fn bar_spans_in(&self, view: ViewRange) -> &[(f64, f64)] {
        // Disjoint and sorted: ends are in order too.
        let lo = self.bar_spans.partition_point(|s| s.1 < view.start);
        let hi = self.bar_spans.partition_point(|s| s.0 <= view.end);
        self.bar_spans.get(lo..hi.max(lo)).unwrap_or_default()
    }

    /// The items whose range bar can reach into `view` (a wider window than [`Lane::visible`]).
    pub fn reaching(&self, view: ViewRange) -> Range<usize> {
        let all = 0..self.items.len();
        let lo = self
            .marker_days
            .first_from(all.clone(), view.start - self.max_len_days);
        let hi = self.marker_days.first_after(all, view.end);
        lo..hi.max(lo)
    }
}

/// The article view: which article, and where to scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleView {
    /// The article's id.
    pub article: String,
    /// Character offset to bring into view once.
    pub scroll_to: Option<usize>,
}

/// Everything the app knows.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    /// Open articles, in the order opened (shared with the workers that remake and
    /// filter the timeline, so that handing them over copies nothing; changed
    /// through [`Arc::make_mut`], which copies only while a worker holds them).
    pub articles: Arc<Vec<LoadedArticle>>,
    /// Timeline entries of the visible articles, in date order (shared with a
    /// worker that filters them: see [`crate::app::refilter`]).
    pub entries: Arc<Vec<EntryRecord>>,
    /// Entries that pass the filters, as indices into `entries`, in date order.
    pub shown: Vec<usize>,
    /// The lanes the timeline draws.
    pub lanes: Vec<Lane>,
    /// The filters.
    pub filters: Filters,
    /// The lane mode.
    pub lane_mode: LaneMode,
    /// The visible range.
    pub view: ViewRange,
    /// The selected entry's id.
    pub selected: Option<String>,
    /// Entries with an open detail popup, by id.
    pub popups: Vec<String>,
    /// The open article view.
    pub article_view: Option<ArticleView>,
    /// The table's sort column and direction (true = ascending).
    pub sort: (SortColumn, bool),
    /// Files that failed.
    pub errors: Vec<LoadError>,
    /// Files of the last session that could not be opened again.
    pub missing: Vec<MissingSource>,
    /// The sources in `missing`, to look them up fast (a session may hold many files).
    missing_sources: HashSet<SourceRef>,
    /// Messages for the user (e.g. the saved session could not be read).
    pub notices: Vec<String>,
    /// Recently opened paths, newest first.
    pub recent: Vec<PathBuf>,
    /// Look-ups and counts over `entries` (see [`crate::app::derive`]).
    pub summary: Summary,
    /// The table's rows in order.
    pub table: TableOrder,
    /// From the first to the last day of a shown entry or a publication date.
    pub span_shown: Option<(f64, f64)>,
    /// Article id to its index in `articles`.
    article_index: HashMap<String, usize>,
    /// The sources of `articles`.
    sources: HashSet<SourceRef>,
}

/// Where an entry sits in day numbers: (marker, range start, range end exclusive).
pub fn entry_days(e: &EntryRecord) -> (f64, f64, f64) {
    let (start, end) = days_of_range(e.date.start_date, e.date.end_date);
    let marker = if end - start <= 1.0 {
        start + 0.5
    } else {
        start
    };
    (marker, start, end)
}

impl AppState {
    /// A state with the session's settings and no articles yet.
    pub fn from_session(session: &Session) -> Self {
        AppState {
            filters: session.filters.clone(),
            lane_mode: session.lane_mode,
            view: session.view.unwrap_or_default(),
            recent: session.recent.clone(),
            sort: (SortColumn::Date, true),
            ..AppState::default()
        }
    }

    /// What to save: the open articles, then the missing ones, which stay until removed.
    pub fn session(&self) -> Session {
        Session {
            sources: self
                .articles
                .iter()
                .map(|a| a.source.clone())
                .chain(self.missing.iter().map(|m| m.source.clone()))
                .collect(),
            hidden: self
                .articles
                .iter()
                .filter(|a| !a.visible)
                .map(|a| a.source.clone())
                .chain(
                    self.missing
                        .iter()
                        .filter(|m| m.hidden)
                        .map(|m| m.source.clone()),
                )
                .collect(),
            view: Some(self.view),
            filters: self.filters.clone(),
            lane_mode: self.lane_mode,
            recent: self.recent.clone(),
        }
    }

    /// Is this source already open?
    pub fn has_source(&self, source: &SourceRef) -> bool {
        self.sources.contains(source)
    }

    /// Adds a loaded article (unless its source is open already), or records its error.
    /// Returns whether the timeline changed.
    pub fn add_article(&mut self, loaded: LoadedArticle) -> bool {
        let added = self.push_article(loaded);
        if added {
            self.rebuild();
        }
        added
    }

    /// Adds many loaded articles at once and remakes the timeline once (see
    /// [`AppState::add_article`]). Returns whether the timeline changed.
    pub fn add_articles(&mut self, loaded: Vec<LoadedArticle>) -> bool {
        let mut added = false;
        for l in loaded {
            added |= self.push_article(l);
        }
        if added {
            self.rebuild();
        }
        added
    }

    /// Takes in a loaded article without remaking the timeline (see
    /// [`AppState::rebuild`]); whether it was added.
    pub fn push_article(&mut self, loaded: LoadedArticle) -> bool {
        if let Some(reason) = &loaded.article.error {
            let source = loaded.article.source.clone();
            self.errors.retain(|e| e.source != source);
            self.errors.push(LoadError {
                source,
                reason: reason.clone(),
            });
            return false;
        }
        if self.has_source(&loaded.source) {
            return false;
        }
        if !self.errors.is_empty() {
            self.errors.retain(|e| e.source != loaded.article.source);
        }
        if self.missing_sources.remove(&loaded.source) {
            self.missing.retain(|m| m.source != loaded.source);
        }
        self.sources.insert(loaded.source.clone());
        self.article_index
            .insert(loaded.article.id.clone(), self.articles.len());
        Arc::make_mut(&mut self.articles).push(loaded);
        true
    }

    /// Records a file of the last session that could not be opened again.
    pub fn add_missing(&mut self, source: SourceRef, reason: &str, hidden: bool) {
        if self.missing_sources.insert(source.clone()) {
            self.missing.push(MissingSource {
                source,
                reason: reason.to_string(),
                hidden,
            });
        } else if let Some(m) = self.missing.iter_mut().find(|m| m.source == source) {
            m.reason = reason.to_string();
            m.hidden = hidden;
        }
    }

    /// Forgets a missing file, or all of them with `None`: they are no longer looked for.
    pub fn forget_missing(&mut self, source: Option<&SourceRef>) {
        match source {
            Some(source) => {
                if self.missing_sources.remove(source) {
                    self.missing.retain(|m| &m.source != source);
                }
            }
            None => {
                self.missing.clear();
                self.missing_sources.clear();
            }
        }
    }

    /// Closes an article.
    pub fn remove_article(&mut self, id: &str) {
        Arc::make_mut(&mut self.articles).retain(|a| a.article.id != id);
        self.article_index = derive::index_articles(&self.articles);
        self.sources = self.articles.iter().map(|a| a.source.clone()).collect();
        if self.article_view.as_ref().is_some_and(|v| v.article == id) {
            self.article_view = None;
        }
        self.rebuild();
    }

    /// Shows or hides an article's events.
    pub fn set_article_visible(&mut self, id: &str, visible: bool) {
        for a in Arc::make_mut(&mut self.articles).iter_mut() {
            if a.article.id == id {
                a.visible = visible;
            }
        }
        self.rebuild();
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&LoadedArticle> {
        self.articles.get(*self.article_index.get(id)?)
    }

    /// The index of an article in `articles`.
    pub fn article_position(&self, id: &str) -> Option<usize> {
        self.article_index.get(id).copied()
    }

    /// The whole entry with this id, made from its reports' events.
    pub fn entry(&self, id: &str) -> Option<Entry> {
        records::full_entry(&self.articles, self.entry_record(id)?)
    }

    /// The compact entry with this id.
    pub fn entry_record(&self, id: &str) -> Option<&EntryRecord> {
        self.entries.get(self.entry_index(id)?)
    }

    /// The index of the entry with this id.
    pub fn entry_index(&self, id: &str) -> Option<usize> {
        self.summary.entry_index(&self.articles, &self.entries, id)
    }

    /// The id of entry `i` ("" when there is none).
    pub fn entry_id(&self, i: usize) -> String {
        self.entries
            .get(i)
            .map(|e| records::entry_id(&self.articles, e))
            .unwrap_or_default()
    }

    /// The label of entry `i`.
    pub fn entry_label(&self, i: usize) -> String {
        self.entries
            .get(i)
            .map(|e| records::entry_label(&self.articles, e))
            .unwrap_or_default()
    }

    /// The event a report points at, made again, with its article.
    pub fn report_event(&self, r: ReportRef) -> Option<(&LoadedArticle, Event)> {
        let a = self.articles.get(r.article as usize)?;
        Some((a, a.events.event(r.event as usize)?))
    }

    /// What the derived data depends on besides the articles.
    pub fn settings(&self) -> Settings {
        Settings {
            filters: self.filters.clone(),
            lane_mode: self.lane_mode,
            sort: self.sort,
        }
    }

    /// The articles, shared, for a worker that remakes the timeline with
    /// [`derive::derive`] or filters it.
    pub fn articles_snapshot(&self) -> Arc<Vec<LoadedArticle>> {
        Arc::clone(&self.articles)
    }

    /// Remakes the timeline from the visible articles, then the filters and lanes.
    pub fn rebuild(&mut self) {
        let d = derive::derive(&self.articles, &self.settings());
        self.install(d, None);
    }

    /// Puts in a timeline derived from the articles (here or on a worker) and
    /// returns the one it replaces, so that the caller can drop it elsewhere. When
    /// `settings` (what it was made with) are not the current ones, it is filtered again.
    pub fn install(&mut self, d: Derived, settings: Option<&Settings>) -> Derived {
        let old = Derived {
            entries: std::mem::replace(&mut self.entries, d.entries),
            summary: std::mem::replace(&mut self.summary, d.summary),
            filtered: derive::Filtered {
                shown: std::mem::replace(&mut self.shown, d.filtered.shown),
                lanes: std::mem::replace(&mut self.lanes, d.filtered.lanes),
                span_shown: std::mem::replace(&mut self.span_shown, d.filtered.span_shown),
                table: std::mem::replace(&mut self.table, d.filtered.table),
            },
        };
        let (summary, entries, articles) = (&self.summary, &self.entries, &self.articles);
        self.popups
            .retain(|p| summary.entry_index(articles, entries, p).is_some());
        if self
            .selected
            .as_deref()
            .is_some_and(|s| summary.entry_index(articles, entries, s).is_none())
        {
            self.selected = None;
        }
        if settings.is_some_and(|s| *s != self.settings()) {
            self.refilter();
        }
        old
    }

    /// Recomputes which entries are shown, the lanes and the table's order, here
    /// (the app does it on a worker: see [`crate::app::refilter`]).
    pub fn refilter(&mut self) {
        let f = derive::filter(
            &self.articles,
            &self.entries,
            &self.summary.publications,
            &self.settings(),
            &|| false,
        );
        if let Some(f) = f {
            let _old = self.install_filtered(f);
        }
    }

    /// Puts in what the filters let through, made with the current filters and lane
    /// mode, and returns what it replaces; the table is sorted again if the sort changed.
    pub fn install_filtered(&mut self, f: derive::Filtered) -> derive::Filtered {
        let old = derive::Filtered {
            shown: std::mem::replace(&mut self.shown, f.shown),
            lanes: std::mem::replace(&mut self.lanes, f.lanes),
            span_shown: std::mem::replace(&mut self.span_shown, f.span_shown),
            table: std::mem::replace(&mut self.table, f.table),
        };
        if self.table.sort != self.sort {
            self.set_sort(self.sort);
        }
        old
    }

    /// Sorts the table by a column.
    pub fn set_sort(&mut self, sort: (SortColumn, bool)) {
        self.sort = sort;
        if self.table.sort != sort {
            self.table = derive::table_order(&self.articles, &self.entries, &self.shown, sort);
        }
    }

    /// Day numbers of the publication dates of the visible articles, in date order.
    pub fn publication_days(&self) -> Vec<(f64, String)> {
        self.summary
            .publications
            .iter()
            .filter_map(|p| Some((p.day, self.articles.get(p.article)?.title())))
            .collect()
    }

    /// The span of the shown events, or with `all` of every event whatever the
    /// filters (and the publication dates either way), if any.
    pub fn data_span(&self, all: bool) -> Option<(f64, f64)> {
        if all {
            self.summary.span_all
        } else {
            self.span_shown
        }
    }

    fn fit_of(span: Option<(f64, f64)>) -> ViewRange {
        match span {
            Some((a, b)) => {
                let fit = ViewRange::fit(a, b);
                // Leave room to see a little around a single day.
                if fit.span_days() < 30.0 {
                    ViewRange::new(fit.center() - 15.0, fit.center() + 15.0)
                } else {
                    fit
                }
            }
            None => ViewRange::default(),
        }
    }

    /// The widest view allowed: all the events (filtered or not) with a margin,
    /// so that filtering never moves the view.
    pub fn view_limits(&self) -> ViewRange {
        Self::fit_of(self.data_span(true))
    }

    /// Sets the view, kept within the limits.
    pub fn set_view(&mut self, view: ViewRange) {
        self.view = view.clamped_to(self.view_limits());
    }

    /// Zooms to show all shown events.
    pub fn zoom_to_fit(&mut self) {
        let fit = Self::fit_of(self.data_span(false));
        self.set_view(fit);
    }

    /// Zooms to hold `[start, end)` with a margin.
    pub fn zoom_to(&mut self, start: f64, end: f64) {
        self.set_view(ViewRange::fit(start, end));
    }

    /// The shown entry that comes `delta` places after the selection in time order
    /// (the first or last when nothing is selected).
    pub fn step_from_selection(&self, delta: i32) -> Option<String> {
        if self.shown.is_empty() {
            return None;
        }
        let pos = self
            .selected
            .as_deref()
            .and_then(|s| self.entry_index(s))
            .and_then(|i| self.shown.binary_search(&i).ok());
        let n = self.shown.len() as i64;
        let next = match pos {
            Some(p) => (p as i64 + i64::from(delta)).clamp(0, n - 1),
            None if delta >= 0 => 0,
            None => n - 1,
        };
        let idx = *self.shown.get(usize::try_from(next).ok()?)?;
        Some(self.entry_id(idx))
    }

    /// Brings an entry into view if it is off-screen, keeping the zoom.
    pub fn reveal(&mut self, id: &str) {
        let Some(e) = self.entry_record(id) else {
            return;
        };
        let (marker, _, _) = entry_days(e);
        if marker < self.view.start || marker > self.view.end {
            let half = self.view.span_days() / 2.0;
            self.set_view(ViewRange::new(marker - half, marker + half));
        }
    }

    /// Counts of shown-or-not entries by kind (before the kind filter), for the filter panel.
    pub fn kind_counts(&self) -> &[(EventKind, usize)] {
        &self.summary.kind_counts
    }

    /// Every actor with its number of entries, busiest first.
    pub fn actor_counts(&self) -> &[(String, usize)] {
        &self.summary.actor_counts
    }

    /// The shown entries in the table's order.
    pub fn table_rows(&self) -> std::borrow::Cow<'_, [usize]> {
        if self.table.sort == self.sort && self.table.rows.len() == self.shown.len() {
            std::borrow::Cow::Borrowed(&self.table.rows)
        } else {
            let t = derive::table_order(&self.articles, &self.entries, &self.shown, self.sort);
            std::borrow::Cow::Owned(t.rows)
        }
    }

    /// The table row of an entry, if shown.
    pub fn table_row_of(&self, entry: usize) -> Option<usize> {
        if self.table.sort == self.sort && self.table.rows.len() == self.shown.len() {
            self.table.row(entry)
        } else {
            self.table_rows().iter().position(|&i| i == entry)
        }
    }

    /// Remembers a path as recently opened.
    pub fn remember_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::app::time_axis::day_of;
    use crate::article::IntakeOptions;
    use crate::extract::events::{DateOrigin, EventDate, Span};
    use chrono::NaiveDate;

    pub fn event(id: &str, kind: EventKind, date: (i32, u32, u32), actors: &[&str]) -> Event {
        let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        Event {
            id: id.to_string(),
            kind,
            subkind: None,
            label: format!("{}: {}", kind.title(), actors.join(", ")),
            date: EventDate {
                value: d.to_string(),
                grain: Grain::Day,
                modifier: None,
                start_date: d,
                end_date: d,
                origin: DateOrigin::Explicit,
                timex: None,
            },
            sentence: Span {
                text: format!("Sentence of {id}."),
                start: 0,
                end: 10,
            },
            trigger: Span {
                text: "x".into(),
                start: 0,
                end: 1,
            },
            actors: actors.iter().map(|s| s.to_string()).collect(),
            places: vec![],
            figures: vec![],
            confidence: 0.9,
            affiliations: vec![],
            people: vec![],
            roles: Default::default(),
        }
    }

    pub fn loaded(name: &str, events: Vec<Event>) -> LoadedArticle {
        let article = Article::from_bytes(
            name,
            b"Chas Pravdy - 28 Ottobre 2025 11:48\n\nIl leader russo ha parlato oggi.",
            &IntakeOptions::default(),
        );
        LoadedArticle::new(
            SourceRef::File(PathBuf::from(name)),
            article,
            Extraction {
                events,
                ..Extraction::default()
            },
        )
    }

    fn state() -> AppState {
        let mut s = AppState::default();
        s.add_article(loaded(
            "a.txt",
            vec![
                event(
                    "e1",
                    EventKind::Meeting,
                    (2024, 6, 19),
                    &["Vladimir Putin", "Kim Jong Un"],
                ),
                event("e2", EventKind::Treaty, (2024, 6, 19), &["Russia"]),
                event("e3", EventKind::Deployment, (2024, 10, 1), &["North Korea"]),
            ],
        ));
        s
    }

    #[test]
    fn sentence_text_from_the_sentence_list_is_the_text_at_the_offsets() {
        let bytes = include_bytes!("../../data/000_baa33a4ea23e10ec.txt");
        let article = Article::from_bytes("data/000.txt", bytes, &IntakeOptions::default());
        let full = crate::extract::extract(&article);
        let loaded = LoadedArticle::new(
            SourceRef::File(PathBuf::from("000.txt")),
            article,
            full.clone(),
        );
        assert!(full.events.len() > 3 && !loaded.extraction.sentences.is_empty());
        assert_eq!(loaded.events.len(), full.events.len());
        for (i, ev) in full.events.iter().enumerate() {
            let compact_ev = loaded.events.event(i).unwrap();
            assert!(compact_ev.sentence.text.is_empty());
            assert_eq!(loaded.sentence_text(&compact_ev), ev.sentence.text);
        }
    }

    #[test]
    fn adding_builds_lanes_by_kind_in_date_order() {
        let s = state();
        assert_eq!(s.entries.len(), 3);
        let names: Vec<&str> = s.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["meeting", "deployment", "treaty"]);
        assert_eq!(s.shown.len(), 3);
    }

    #[test]
    fn the_same_source_is_not_added_twice() {
        let mut s = state();
        assert!(!s.add_article(loaded("a.txt", vec![])));
        assert_eq!(s.articles.len(), 1);
    }

    #[test]
    fn a_failed_article_becomes_an_error_and_nothing_else() {
        let mut s = state();
        let mut bad = loaded("bad.txt", vec![]);
        bad.article = Arc::new(Article::failed("bad.txt", "no such file"));
        assert!(!s.add_article(bad));
        assert_eq!(s.articles.len(), 1);
        assert_eq!(
            s.errors,
            [LoadError {
                source: "bad.txt".into(),
                reason: "no such file".into()
            }]
        );
    }

    #[test]
    fn filters_hide_kinds_actors_text_and_vague_dates() {
        let mut s = state();
        s.filters.hidden_kinds.push(EventKind::Treaty);
        s.refilter();
        assert_eq!(s.shown.len(), 2);
        s.filters = Filters {
            actors: vec!["Kim Jong Un".into()],
            ..Filters::default()
        };
        s.refilter();
        assert_eq!(s.shown.len(), 1);
        s.filters = Filters {
            search: "north KOREA".into(),
            ..Filters::default()
        };
        s.refilter();
        assert_eq!(s.shown.len(), 1);
        s.filters = Filters {
            min_precision: Some(Grain::Month),
            ..Filters::default()
        };
        s.refilter();
        assert_eq!(s.shown.len(), 3);
        s.filters.min_precision = Some(Grain::Hour);
        s.refilter();
        assert!(s.shown.is_empty());
        assert!(s.lanes.is_empty());
    }

    #[test]
    fn lanes_by_actor_put_an_event_in_each_of_its_actors_lanes() {
        let mut s = state();
        s.lane_mode = LaneMode::Actor;
        s.refilter();
        assert_eq!(s.lanes.len(), 4);
        assert!(s.lanes.iter().all(|l| l.items.len() == 1));
        s.lane_mode = LaneMode::Article;
        s.refilter();
        assert_eq!(s.lanes.len(), 1);
        assert_eq!(s.lanes[0].items.len(), 3);
    }

    #[test]
    fn visible_window_is_found_by_binary_search() {
        let s = state();
        let lane = &s.lanes[0];
        let d = day_of(NaiveDate::from_ymd_opt(2024, 6, 19).unwrap());
        assert_eq!(lane.visible(ViewRange::new(d - 1.0, d + 1.0)), 0..1);
        assert_eq!(lane.visible(ViewRange::new(d + 1.0, d + 2.0)), 1..1);
        assert_eq!(lane.visible(ViewRange::new(d - 3.0, d - 2.0)), 0..0);
    }

    #[test]
    fn tab_order_is_time_order_and_stops_at_the_ends() {
        let mut s = state();
        let first = s.step_from_selection(1);
        assert_eq!(first.as_deref(), Some(s.entry_id(s.shown[0]).as_str()));
        s.selected = first;
        let second = s.step_from_selection(1);
        assert_ne!(second, s.selected);
        s.selected = s.step_from_selection(-5);
        assert_eq!(s.selected.as_deref(), Some(s.entry_id(s.shown[0]).as_str()));
        assert_eq!(
            s.step_from_selection(-1).as_deref(),
            Some(s.entry_id(s.shown[0]).as_str())
        );
    }

    #[test]
    fn view_is_clamped_to_the_data_and_fit_holds_it() {
        let mut s = state();
        s.zoom_to_fit();
        let limits = s.view_limits();
        assert_eq!(s.view, limits);
        let (a, b) = s.data_span(false).unwrap();
        assert!(s.view.start < a && s.view.end > b);
        s.set_view(ViewRange::new(-1e6, 1e6));
        assert_eq!(s.view, limits);
        s.set_view(ViewRange::new(a, a + 1e-6));
        assert!(s.view.span_days() >= crate::app::time_axis::MIN_SPAN_DAYS - 1e-9);
    }

    #[test]
    fn session_round_trips_through_json_and_restores_settings() {
        let mut s = state();
        s.lane_mode = LaneMode::Actor;
        s.filters.search = "putin".into();
        s.set_article_visible(&s.articles[0].article.id.clone(), false);
        let session = s.session();
        let json = serde_json::to_string(&session).unwrap();
        let back: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(back, session);
        assert_eq!(back.hidden.len(), 1);
        let restored = AppState::from_session(&back);
        assert_eq!(restored.lane_mode, LaneMode::Actor);
        assert_eq!(restored.filters.search, "putin");
    }

    #[test]
    fn a_corrupt_session_gives_defaults_and_a_message() {
        let (s, msg) = Session::restore(Some("{not json"));
        assert!(s.is_none());
        assert!(msg.unwrap().contains("could not be read"));
        let (s, msg) = Session::restore(Some(r#"{"lane_mode":"Actor"}"#));
        assert_eq!(s.unwrap().lane_mode, LaneMode::Actor);
        assert!(msg.is_none());
        assert_eq!(Session::restore(None), (None, None));
    }

    #[test]
    fn missing_files_stay_in_the_session_until_removed_or_found() {
        let mut s = state();
        let gone = SourceRef::File(PathBuf::from("/news/gone.txt"));
        s.add_missing(gone.clone(), "no such file", true);
        s.add_missing(gone.clone(), "no such file", true);
        assert_eq!(s.missing.len(), 1);
        assert_eq!(s.missing[0].status(), "missing since the last session");
        let session = s.session();
        assert_eq!(session.sources.len(), 2);
        assert_eq!(session.sources[1], gone);
        assert_eq!(session.hidden, std::slice::from_ref(&gone));
        // Found again: an article, no longer missing.
        let mut back = loaded("/news/gone.txt", vec![]);
        back.source = gone.clone();
        assert!(s.add_article(back));
        assert!(s.missing.is_empty());
        s.add_missing(
            SourceRef::File(PathBuf::from("/x.txt")),
            "permission denied",
            false,
        );
        s.forget_missing(Some(&SourceRef::File(PathBuf::from("/x.txt"))));
        assert!(s.missing.is_empty());
        s.add_missing(
            SourceRef::File(PathBuf::from("/y.txt")),
            "no such file",
            false,
        );
        s.add_missing(
            SourceRef::File(PathBuf::from("/z.txt")),
            "no such file",
            false,
        );
        s.forget_missing(None);
        assert!(s.missing.is_empty());
        assert_eq!(s.session().sources.len(), 2);
    }

    #[test]
    fn table_sorts_by_column_both_ways() {
        let mut s = state();
        s.sort = (SortColumn::Kind, true);
        let kinds: Vec<EventKind> = s.table_rows().iter().map(|&i| s.entries[i].kind).collect();
        assert_eq!(
            kinds,
            [EventKind::Meeting, EventKind::Deployment, EventKind::Treaty]
        );
        s.sort = (SortColumn::Date, false);
        let rows = s.table_rows();
        assert_eq!(rows.first(), s.shown.last());
    }
}
