//! Getting articles in: the samples built into the binary, files and folders
//! from the dialog, drag and drop or the command line. Looking through folders,
//! reading and extraction all run off the UI thread (rayon for the files);
//! results come back over a channel, so the timeline grows as files finish and
//! the window never waits for the disk.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use rayon::prelude::*;

use crate::app::records::EventRecords;
use crate::app::state::{LoadedArticle, SourceRef};
use crate::article::{Article, IntakeOptions};
use crate::extract::Extraction;

/// Turns an article into what the timeline needs. The app uses
/// [`crate::extract::extract`]; tests may pass their own.
pub type Extractor = fn(&Article) -> Extraction;

/// The sample articles, built into the binary so an installed app needs no files beside it.
pub const SAMPLES: [(&str, &[u8]); 2] = [
    (
        "data/000_baa33a4ea23e10ec.txt",
        include_bytes!("../../data/000_baa33a4ea23e10ec.txt"),
    ),
    (
        "data/004_3bd72472d4c2b3aa.txt",
        include_bytes!("../../data/004_3bd72472d4c2b3aa.txt"),
    ),
];

/// File extensions opened from folders (and offered first in the dialog).
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "html", "htm", "md"];

/// One thing to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// A file on disk.
    File(PathBuf),
    /// A built-in sample.
    Sample(&'static str, &'static [u8]),
}

impl Job {
    /// Where the article will say it came from.
    pub fn source(&self) -> SourceRef {
        match self {
            Job::File(p) => SourceRef::File(p.clone()),
            Job::Sample(name, _) => SourceRef::Sample((*name).to_string()),
        }
    }

    /// The job for a saved source, if it still exists (samples always do).
    pub fn for_source(source: &SourceRef) -> Option<Job> {
        match source {
            SourceRef::File(p) => Some(Job::File(p.clone())),
            SourceRef::Sample(name) => SAMPLES
                .iter()
                .find(|(n, _)| n == name)
                .map(|(n, b)| Job::Sample(n, b)),
        }
    }
}

/// The jobs for all samples.
pub fn sample_jobs() -> Vec<Job> {
    SAMPLES.iter().map(|(n, b)| Job::Sample(n, b)).collect()
}

/// Files to open for the given paths: files as given (any extension: the user chose
/// them), folders searched for article files (.txt, .html, .htm, .md), sorted. Each
/// folder is entered once however many links lead to it, so a link back up the tree
/// ends the walk there instead of going round for ever; a file reached twice is opened once.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut visited_dirs: HashSet<PathBuf> = HashSet::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                if !visited_dirs.insert(canonical(&dir)) {
                    continue;
                }
                let Ok(rd) = std::fs::read_dir(&dir) else {
                    continue;
                };
                for entry in rd.flatten() {
                    let path = entry.path();
                    // The entry's own type saves a call per file; links are followed.
                    let is_dir = match entry.file_type() {
                        Ok(t) if t.is_symlink() => path.is_dir(),
                        Ok(t) => t.is_dir(),
                        Err(_) => false,
                    };
                    if is_dir {
                        stack.push(path);
                    } else if is_article_file(&path) {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    let mut seen = HashSet::new();
    out.retain(|p| seen.insert(canonical(p)));
    out
}

/// A path in a form that makes two ways to name one file equal.
pub fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

fn is_article_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// Reads one file into an article (see [`crate::read::read_article`]).
pub fn read_article(path: &Path) -> Article {
    crate::read::read_article(path, &IntakeOptions::default())
}

/// Loads one job: read, then extract.
pub fn load(job: &Job, extractor: Extractor) -> LoadedArticle {
    let mut article = match job {
        Job::File(p) => read_article(p),
        Job::Sample(name, bytes) => Article::from_bytes(name, bytes, &IntakeOptions::default()),
    };
    let mut extraction = if article.error.is_some() {
        Extraction::default()
    } else {
        extractor(&article)
    };
    article.warnings.append(&mut extraction.warnings);
    LoadedArticle::new(job.source(), article, extraction)
}

/// Takes the events out of an extraction as compact records (see
/// [`crate::app::records`]: with a million events the events themselves are most
/// of a gigabyte), and gives back the room the other lists grew into while they
/// were filled, which the app keeps for as long as the article is open.
pub fn compact(extraction: &mut Extraction) -> EventRecords {
    let events = std::mem::take(&mut extraction.events);
    extraction.sentences.shrink_to_fit();
    extraction.timexes.shrink_to_fit();
    EventRecords::of(&events)
}

/// What the loader sends back.
#[derive(Debug)]
enum Message {
    /// The files found in paths given to [`Loader::expand`].
    Found(Vec<PathBuf>),
    /// One file read and extracted.
    Loaded(LoadedArticle),
}

/// What came back from the loader since the last look.
#[derive(Debug, Default)]
pub struct Received {
    /// For each finished [`Loader::expand`], the files it found.
    pub found: Vec<Vec<PathBuf>>,
    /// Articles read and extracted.
    pub articles: Vec<LoadedArticle>,
}

/// Loads jobs in the background and hands back the results as they finish.
#[derive(Debug)]
pub struct Loader {
    tx: Sender<Message>,
    rx: Receiver<Message>,
    /// Sources sent off and not back yet.
    pending: HashSet<SourceRef>,
    /// Folder walks under way.
    expanding: usize,
    /// Jobs in the current run (for the progress bar).
    batch_total: usize,
    /// Jobs of the current run that are done.
    batch_done: usize,
}

impl Default for Loader {
    fn default() -> Self {
        let (tx, rx) = channel();
        Loader {
            tx,
            rx,
            pending: HashSet::new(),
            expanding: 0,
            batch_total: 0,
            batch_done: 0,
        }
    }
}

impl Loader {
    /// Is this source on its way?
    pub fn is_pending(&self, source: &SourceRef) -> bool {
        self.pending.contains(source)
    }

    /// Is anything loading (or being looked for)?
    pub fn is_busy(&self) -> bool {
        !self.pending.is_empty() || self.expanding > 0
    }

    /// Is a folder being looked through?
    pub fn is_expanding(&self) -> bool {
        self.expanding > 0
    }

    /// Progress of the current run: (done, total).
    pub fn progress(&self) -> (usize, usize) {
        (self.batch_done, self.batch_total)
    }

    /// Looks for the article files in `paths` (see [`expand_paths`]) on a worker
    /// thread; they come back in [`Received::found`]. `wake` is called when done.
    pub fn expand(&mut self, paths: Vec<PathBuf>, wake: impl Fn() + Send + 'static) {
        self.expanding += 1;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            // The receiver only goes away when the app closes; nothing to do then.
            let _ = tx.send(Message::Found(expand_paths(&paths)));
            wake();
        });
    }

    /// Starts loading `jobs` on worker threads below the UI thread in priority.
    /// It wakes no one: the app polls with [`Loader::receive`] while
    /// [`Loader::is_busy`].
    pub fn start(&mut self, jobs: Vec<Job>, extractor: Extractor) {
        if jobs.is_empty() {
            return;
        }
        if self.pending.is_empty() {
            self.batch_total = 0;
            self.batch_done = 0;
        }
        self.batch_total += jobs.len();
        self.pending.extend(jobs.iter().map(Job::source));
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let each = |job: &Job| {
                let _ = tx.send(Message::Loaded(load(job, extractor)));
            };
            match loader_pool() {
                Some(pool) => pool.install(|| jobs.par_iter().for_each(each)),
                None => jobs.iter().for_each(each),
            }
        });
    }

    /// What came back since the last call.
    pub fn receive(&mut self) -> Received {
        let mut got = Received::default();
        for m in self.rx.try_iter() {
            match m {
                Message::Found(files) => {
                    self.expanding = self.expanding.saturating_sub(1);
                    got.found.push(files);
                }
                Message::Loaded(d) => {
                    if self.pending.remove(&d.source) {
                        self.batch_done += 1;
                    }
                    got.articles.push(d);
                }
            }
        }
        got
    }
}

/// The threads files are read on (one per core), below the UI thread in priority.
fn loader_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("dateline-load-{i}"))
            .start_handler(|_| give_way_to_the_ui())
            .build()
            .ok()
    })
    .as_ref()
}

/// Lowers the calling thread's priority (nice 10; on Linux nice is per thread),
/// so that the work of the background threads gives way to the UI thread's
/// frames on a machine with few cores. Elsewhere it does nothing.
pub fn give_way_to_the_ui() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its integer arguments; `who` 0 is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_embedded_and_read() {
        let a = load(&sample_jobs()[0], crate::extract::extract);
        assert!(a.article.error.is_none());
        assert_eq!(a.article.lang, "it");
        assert!(matches!(a.source, SourceRef::Sample(_)));
    }

    #[test]
    fn a_missing_file_fails_with_its_reason() {
        let a = load(
            &Job::File(PathBuf::from("/no/such/file.txt")),
            crate::extract::extract,
        );
        assert_eq!(a.article.error.as_deref(), Some("no such file"));
    }

    #[test]
    fn folders_expand_to_their_article_files_once() {
        let dir = std::env::temp_dir().join(format!("dateline-expand-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "x").unwrap();
        std::fs::write(dir.join("sub/a.md"), "x").unwrap();
        std::fs::write(dir.join("c.png"), "x").unwrap();
        let files = expand_paths(&[dir.clone(), dir.join("b.txt")]);
        let names: Vec<String> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["b.txt", "a.md"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_in_a_folder_ends_the_walk_instead_of_hanging() {
        let dir = std::env::temp_dir().join(format!("dateline-loop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a/b")).unwrap();
        std::fs::write(dir.join("a/b/x.txt"), "x").unwrap();
        // b/up -> a and a/self -> a: both lead back up the tree.
        std::os::unix::fs::symlink(dir.join("a"), dir.join("a/b/up")).unwrap();
        std::os::unix::fs::symlink(".", dir.join("a/self")).unwrap();
        let files = expand_paths(std::slice::from_ref(&dir));
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].ends_with("x.txt"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_of_twenty_thousand_files_expands_to_all_of_them_in_order() {
        let dir = std::env::temp_dir().join(format!("dateline-big-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in 0..4 {
            std::fs::create_dir_all(dir.join(format!("d{sub}"))).unwrap();
        }
        for i in 0..20_000 {
            let name = format!("d{}/{i:05}.txt", i % 4);
            std::fs::write(dir.join(name), "").unwrap();
        }
        std::fs::write(dir.join("d0/skip.png"), "").unwrap();
        let files = expand_paths(std::slice::from_ref(&dir));
        assert_eq!(files.len(), 20_000);
        assert!(files.windows(2).all(|w| w[0] < w[1]));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn folders_are_walked_off_the_ui_thread_and_come_back_as_found_files() {
        let dir = std::env::temp_dir().join(format!("dateline-found-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "x").unwrap();
        let mut loader = Loader::default();
        loader.expand(vec![dir.clone()], || {});
        assert!(loader.is_busy() && loader.is_expanding());
        let mut found = Vec::new();
        for _ in 0..10_000 {
            found.extend(loader.receive().found);
            if !found.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), 1);
        assert!(!loader.is_busy());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn loader_hands_back_every_job() {
        let mut loader = Loader::default();
        loader.start(sample_jobs(), crate::extract::extract);
        assert!(loader.is_busy());
        let mut got = Vec::new();
        while got.len() < 2 {
            got.extend(loader.receive().articles);
            std::thread::yield_now();
        }
        assert!(!loader.is_busy());
        assert_eq!(loader.progress(), (2, 2));
    }
}
