//! Filtering off the UI thread. A search through a million events takes
//! seconds, so a change of the filters or the lane mode only starts a worker
//! ([`derive::filter`]) on a copy of the articles and the shared entries; the
//! view stays as it was until the result comes back and is put in whole. Each
//! request has a number: a newer one makes the older workers stop, and a
//! result that comes back anyway is dropped, as is one made for entries that
//! have been remade since. Typing in the search box only ever costs the UI
//! thread the start of a worker.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::app::derive::{self, Filtered, Settings};
use crate::app::records::EntryRecord;
use crate::app::state::AppState;

/// A finished request: its number, what it was made with and for, the result
/// (`None` when it stopped for a newer one).
type Done = (u64, Settings, Arc<Vec<EntryRecord>>, Option<Filtered>);

/// Filters the timeline in the background.
#[derive(Debug)]
pub struct Refilter {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// The number of the newest request; workers of older ones stop.
    latest: Arc<AtomicU64>,
    /// Workers that have not reported yet.
    in_flight: usize,
    /// Results dropped because a newer request or new entries came after them.
    dropped: u64,
    /// Workers that stopped early for a newer request.
    stopped: u64,
}

impl Default for Refilter {
    fn default() -> Self {
        let (tx, rx) = channel();
        Refilter {
            tx,
            rx,
            latest: Arc::new(AtomicU64::new(0)),
            in_flight: 0,
            dropped: 0,
            stopped: 0,
        }
    }
}

impl Refilter {
    /// Is a request under way?
    pub fn is_busy(&self) -> bool {
        self.in_flight > 0
    }

    /// How many results came back too late and were dropped.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// How many workers stopped early because a newer request came.
    pub fn stopped(&self) -> u64 {
        self.stopped
    }

    /// Filters the state's entries with its current settings on a worker; `wake`
    /// is called when it is done. Requests under way are dropped.
    pub fn start(&mut self, state: &AppState, wake: impl FnOnce() + Send + 'static) {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let articles = state.articles_snapshot();
        let entries = Arc::clone(&state.entries);
        let publications = state.summary.publications.clone();
        let settings = state.settings();
        let latest = Arc::clone(&self.latest);
        let tx = self.tx.clone();
        self.in_flight += 1;
        std::thread::spawn(move || {
            let stale = || latest.load(Ordering::SeqCst) != generation;
            let f = derive::filter(&articles, &entries, &publications, &settings, &stale);
            // The receiver only goes away when the app closes; nothing to do then.
            let _ = tx.send((generation, settings, entries, f));
            wake();
        });
    }

    /// Drops the requests under way (the state was filtered in place).
    pub fn cancel(&mut self) {
        self.latest.fetch_add(1, Ordering::SeqCst);
    }

    /// Puts the newest request's result into the state, if it is in and still
    /// fits; whether the view changed.
    pub fn poll(&mut self, state: &mut AppState) -> bool {
        let mut changed = false;
        while let Ok((generation, settings, entries, f)) = self.rx.try_recv() {
            self.in_flight = self.in_flight.saturating_sub(1);
            let Some(f) = f else {
                self.stopped += 1;
                continue;
            };
            let now = state.settings();
            let fits = generation == self.latest.load(Ordering::SeqCst)
                && Arc::ptr_eq(&entries, &state.entries)
                && settings.filters == now.filters
                && settings.lane_mode == now.lane_mode;
            if !fits {
                self.dropped += 1;
                continue;
            }
            let old = state.install_filtered(f);
            // Freeing a million lane items is not free either.
            std::thread::spawn(move || drop(old));
            changed = true;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::tests::{event, loaded};
    use crate::extract::events::EventKind;

    fn state() -> AppState {
        let mut s = AppState::default();
        s.add_article(loaded(
            "a.txt",
            vec![
                event("e1", EventKind::Meeting, (2024, 6, 19), &["Vladimir Putin"]),
                event("e2", EventKind::Treaty, (2024, 6, 20), &["Kim Jong Un"]),
            ],
        ));
        s
    }

    fn wait(r: &mut Refilter, s: &mut AppState) {
        for _ in 0..10_000 {
            r.poll(s);
            if !r.is_busy() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        panic!("the filter never came back");
    }

    #[test]
    fn the_result_comes_back_and_the_view_stays_until_then() {
        let mut s = state();
        let mut r = Refilter::default();
        assert_eq!(s.shown.len(), 2);
        s.filters.search = "kim jong".into();
        r.start(&s, || {});
        // Until the result is in, the view is the one before.
        assert!(r.is_busy() || s.shown.len() == 1);
        wait(&mut r, &mut s);
        assert_eq!(s.shown.len(), 1);
        assert_eq!(s.entries[s.shown[0]].kind, EventKind::Treaty);
        assert_eq!(r.dropped(), 0);
    }

    #[test]
    fn a_stale_result_is_dropped() {
        let mut s = state();
        let mut r = Refilter::default();
        // An old request's result, made for "putin", comes back after a newer request.
        s.filters.search = "putin".into();
        let old_settings = s.settings();
        let stale = derive::filter(
            &s.articles,
            &s.entries,
            &s.summary.publications,
            &old_settings,
            &|| false,
        );
        assert_eq!(stale.as_ref().map(|f| f.shown.len()), Some(1));
        s.filters.search = "kim".into();
        r.start(&s, || {});
        let stale_number = r.latest.load(Ordering::SeqCst) - 1;
        r.in_flight += 1;
        r.tx.send((stale_number, old_settings, Arc::clone(&s.entries), stale))
            .unwrap();
        wait(&mut r, &mut s);
        assert_eq!(r.dropped(), 1);
        assert_eq!(s.shown.len(), 1);
        assert_eq!(s.entries[s.shown[0]].kind, EventKind::Treaty);
    }

    #[test]
    fn a_result_for_entries_remade_since_is_dropped() {
        let mut s = state();
        let mut r = Refilter::default();
        s.filters.search = "putin".into();
        r.start(&s, || {});
        // The timeline is remade (an article added) before the result is in.
        s.add_article(loaded(
            "b.txt",
            vec![event(
                "e1",
                EventKind::Aid,
                (2024, 7, 1),
                &["Vladimir Putin"],
            )],
        ));
        let shown_after_remake = s.shown.clone();
        wait(&mut r, &mut s);
        assert_eq!(r.dropped(), 1);
        assert_eq!(s.shown, shown_after_remake);
    }
}
