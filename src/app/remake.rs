//! Remaking the timeline off the UI thread while files load. Merging the
//! reports of tens of thousands of articles takes longer than a frame, so the
//! UI thread only takes the new articles in ([`AppState::push_article`]);
//! a worker remakes the timeline from a copy of them ([`derive::derive`]), at
//! most one at a time and not more often than [`MIN_INTERVAL`], and the result
//! is swapped in whole. The timeline it replaces is dropped on another thread
//! too, since freeing a million entries is not free either.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::app::derive::{self, Derived, Settings};
use crate::app::state::AppState;

/// The shortest time between two remakes while files keep coming.
pub const MIN_INTERVAL: Duration = Duration::from_millis(150);

/// The threads a remake merges on (one per core). Not rayon's global pool: the
/// files are read on that one, and a remake queued behind a folder of files
/// would show the first events only when the last file is in.
fn remake_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("dateline-remake-{i}"))
            .start_handler(|_| crate::app::files::give_way_to_the_ui())
            .build()
            .ok()
    })
    .as_ref()
}

/// A finished remake: its generation, what it was made with, the result.
type Done = (u64, Settings, Derived);

/// Remakes the timeline in the background.
#[derive(Debug)]
pub struct Remaker {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// A remake is under way.
    in_flight: bool,
    /// Articles came in since the last remake started.
    dirty: bool,
    /// When the last remake started.
    last_start: Option<Instant>,
    /// Bumped when the state was remade in place, so that older results are dropped.
    generation: u64,
}

impl Default for Remaker {
    fn default() -> Self {
        let (tx, rx) = channel();
        Remaker {
            tx,
            rx,
            in_flight: false,
            dirty: false,
            last_start: None,
            generation: 0,
        }
    }
}

impl Remaker {
    /// New articles are in the state: remake when due.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// Is a remake under way or owed?
    pub fn is_busy(&self) -> bool {
        self.in_flight || self.dirty
    }

    /// The state was remade in place (an article removed or hidden): a remake under
    /// way is out of date, and nothing is owed.
    pub fn invalidate(&mut self) {
        self.generation += 1;
        self.dirty = false;
    }

    /// Starts a remake if articles came in, none is under way and the last one
    /// started at least [`MIN_INTERVAL`] ago. `wake` is called when it is done.
    pub fn start_if_due(&mut self, state: &AppState, wake: impl FnOnce() + Send + 'static) {
        if !self.dirty || self.in_flight {
            return;
        }
        if self.last_start.is_some_and(|t| t.elapsed() < MIN_INTERVAL) {
            return;
        }
        self.dirty = false;
        self.in_flight = true;
        self.last_start = Some(Instant::now());
        let articles = state.articles_snapshot();
        let settings = state.settings();
        let generation = self.generation;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let remake = || derive::derive(&articles, &settings);
            let d = match remake_pool() {
                Some(pool) => pool.install(remake),
                None => remake(),
            };
            // The receiver only goes away when the app closes; nothing to do then.
            let _ = tx.send((generation, settings, d));
            wake();
        });
    }

    /// Puts a finished remake into the state; whether the timeline changed.
    pub fn poll(&mut self, state: &mut AppState) -> bool {
        let mut changed = false;
        while let Ok((generation, settings, d)) = self.rx.try_recv() {
            self.in_flight = false;
            if generation != self.generation {
                continue;
            }
            let old = state.install(d, Some(&settings));
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

    fn wait(r: &mut Remaker, s: &mut AppState) -> bool {
        for _ in 0..10_000 {
            if r.poll(s) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        false
    }

    #[test]
    fn a_remake_in_the_background_shows_the_new_articles() {
        let mut s = AppState::default();
        let mut r = Remaker::default();
        s.push_article(loaded(
            "a.txt",
            vec![event("e1", EventKind::Meeting, (2024, 6, 19), &["Russia"])],
        ));
        assert!(s.entries.is_empty());
        r.mark_dirty();
        r.start_if_due(&s, || {});
        assert!(r.is_busy());
        assert!(wait(&mut r, &mut s));
        assert!(!r.is_busy());
        assert_eq!(s.entries.len(), 1);
        assert_eq!(s.lanes.len(), 1);
        assert!(s.entry(&s.entry_id(0)).is_some());
    }

    #[test]
    fn a_remake_made_before_a_removal_is_dropped() {
        let mut s = AppState::default();
        let mut r = Remaker::default();
        s.push_article(loaded(
            "a.txt",
            vec![event("e1", EventKind::Meeting, (2024, 6, 19), &["Russia"])],
        ));
        r.mark_dirty();
        r.start_if_due(&s, || {});
        let id = s.articles[0].article.id.clone();
        s.remove_article(&id);
        r.invalidate();
        for _ in 0..10_000 {
            r.poll(&mut s);
            if !r.is_busy() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(!r.is_busy());
        assert!(s.entries.is_empty());
    }
}
