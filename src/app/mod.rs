//! The desktop app (eframe): a timeline of the open articles' events, their
//! details, the articles' text, filters and a sortable list.
//!
//! [`DatelineApp`] owns the [`state::AppState`] and a background
//! [`files::Loader`]. Each frame the panels ([`sidebar`], [`timeline_view`],
//! [`event_table`], [`popup`], [`article_view`]) read the state and push
//! [`Command`]s; [`DatelineApp::apply`] is the one place that changes it.
//! What must survive a restart ([`state::Session`]) is saved as JSON in a
//! file of its own, atomically ([`session_file`]); files of the last session
//! that cannot be opened again are listed as missing and kept in it.

pub mod article_view;
pub mod command;
pub mod day_index;
pub mod derive;
pub mod event_table;
pub mod files;
pub mod popup;
pub mod records;
pub mod refilter;
pub mod remake;
pub mod session_file;
pub mod sidebar;
pub mod state;
pub mod theme;
pub mod time_axis;
pub mod timeline_view;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use egui::{Key, Modifiers};

pub use command::{Command, ZoomPreset};
use files::{Extractor, Job, Loader};
use refilter::Refilter;
use remake::Remaker;
use session_file::SessionFile;
use state::{AppState, Session, SourceRef};
use theme::Theme;
use time_axis::ViewRange;

/// The key under which eframe's storage held the session before it had a file of its
/// own ([`session_file`]); read once to carry an old session over, then removed.
pub const SESSION_KEY: &str = "dateline-session";

/// The app's name for the platform: its window title and data folder.
pub const APP_ID: &str = "Dateline";

/// How the app starts.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Files and folders to open instead of the last session.
    pub paths: Vec<PathBuf>,
    /// How articles become events.
    pub extractor: Extractor,
    /// Bring back the last session (when no paths are given).
    pub restore_session: bool,
    /// Where the session is kept; `None` keeps none. By default the app's data folder.
    pub session_file: Option<PathBuf>,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            paths: Vec::new(),
            extractor: crate::extract::extract,
            restore_session: true,
            session_file: SessionFile::in_data_dir(APP_ID).map(|f| f.path().to_path_buf()),
        }
    }
}

/// The last session from its file, else from where older versions kept it (eframe's
/// storage, `legacy`), with any messages for the user and whether saving over the
/// file is safe. `now` stamps the backup of a session that cannot be read.
fn load_session(
    file: Option<&SessionFile>,
    legacy: Option<String>,
    now: chrono::NaiveDateTime,
) -> (Option<Session>, Option<String>, bool) {
    if let Some(f) = file {
        let loaded = f.load(now);
        if !loaded.absent {
            return (loaded.session, loaded.notice, loaded.may_save);
        }
    }
    let Some(text) = legacy else {
        return (None, None, true);
    };
    match Session::restore(Some(&text)) {
        (Some(s), _) => (Some(s), None, true),
        (None, notice) => {
            // Keep the unreadable text: saving will drop it from eframe's storage.
            let kept = file.map(|f| f.keep_aside(&text, now));
            let notice = match kept {
                Some(Ok(backup)) => Some(format!(
                    "{} It was kept as {}.",
                    notice.unwrap_or_default(),
                    backup.display()
                )),
                _ => notice,
            };
            (None, notice, true)
        }
    }
}

/// The app.
pub struct DatelineApp {
    state: AppState,
    loader: Loader,
    /// Remakes the timeline off the UI thread as files come in.
    remaker: Remaker,
    /// Filters the timeline off the UI thread when the filters change.
    refilter: Refilter,
    extractor: Extractor,
    commands: Vec<Command>,
    /// Where each visible event's marker was last drawn, to put its popup beside it.
    marker_pos: HashMap<String, egui::Pos2>,
    /// Where to open each popup.
    popup_pos: HashMap<String, egui::Pos2>,
    /// Zoom to fit when the current loading run is over.
    fit_after_load: bool,
    /// Give the search box the keyboard focus next frame.
    focus_search: bool,
    /// The table scrolls to the selection once after it changes.
    table_scroll_pending: bool,
    ctx: Option<egui::Context>,
    article_cache: article_view::Cache,
    /// Sources of the restored session that the user had hidden.
    pending_hidden: HashSet<SourceRef>,
    /// Sources of the restored session on their way: one that fails is listed as missing.
    restoring: HashSet<SourceRef>,
    /// Their places in the saved session, to list the missing ones in that order.
    restore_order: HashMap<SourceRef, usize>,
    /// Where the session is saved (`None`: nowhere).
    session_file: Option<SessionFile>,
    /// The JSON last saved, to skip saving an unchanged session.
    saved_json: Option<String>,
    /// The last save error shown, so that a failing disk is reported once, not every save.
    save_error: Option<String>,
    /// Frame times and loading milestones on stderr, when `DATELINE_FRAME_LOG` is set.
    frame_log: Option<FrameLog>,
    /// The glyphs the app will show are in egui's font atlas (see [`warm_fonts`]).
    fonts_warm: bool,
}

/// How often the window is drawn while files load, unless input asks for a frame.
const LOADING_FRAME_INTERVAL: std::time::Duration = std::time::Duration::from_millis(100);

/// What `DATELINE_FRAME_LOG` reports: each frame's time on the UI thread while
/// loading, when the first events showed, when loading ended.
#[derive(Debug)]
struct FrameLog {
    started: std::time::Instant,
    /// Log every frame, not only while loading (`DATELINE_FRAME_LOG=all`).
    every_frame: bool,
    /// When the frame before started, in seconds since `started`.
    last_frame: Option<f64>,
    first_events_shown: bool,
    was_loading: bool,
    /// Of the frame before: time taken in `logic` (taking loaded files and remakes
    /// in) and in `ui` (the app's own drawing), before tessellation and painting.
    logic_ms: f64,
    ui_ms: f64,
}

impl FrameLog {
    fn frame(&mut self, cpu_s: Option<f32>, loading: bool, state: &AppState) {
        let t = self.started.elapsed().as_secs_f64();
        let since_last_ms = self.last_frame.map_or(0.0, |l| (t - l) * 1000.0);
        self.last_frame = Some(t);
        if loading || self.was_loading || self.every_frame {
            eprintln!(
                "dateline frame t={t:.3}s ui_ms={:.2} logic_ms={:.2} app_ui_ms={:.2} since_last_ms={since_last_ms:.1} articles={} entries={}",
                cpu_s.unwrap_or_default() * 1000.0,
                self.logic_ms,
                self.ui_ms,
                state.articles.len(),
                state.entries.len()
            );
        }
    }

    /// After the frame took in what loaded: the first events, the end of loading.
    /// (Logged here, not at the next frame: when loading ends, nothing asks for one.)
    fn taken_in(&mut self, loading: bool, state: &AppState) {
        let t = self.started.elapsed().as_secs_f64();
        if !self.first_events_shown && !state.entries.is_empty() {
            self.first_events_shown = true;
            eprintln!("dateline first events shown at t={t:.3}s");
        }
        if self.was_loading && !loading {
            eprintln!(
                "dateline loading done at t={t:.3}s: {} articles, {} entries",
                state.articles.len(),
                state.entries.len()
            );
        }
        self.was_loading = loading;
    }
}

impl DatelineApp {
    /// Creates the app: the given paths, else the last session, else the samples.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        cc.egui_ctx
            .options_mut(|o| o.theme_preference = egui::ThemePreference::System);
        let file = options.session_file.clone().map(SessionFile::new);
        let (session, notice, may_save) = if options.restore_session {
            let legacy = cc.storage.and_then(|s| s.get_string(SESSION_KEY));
            // The clock belongs to the app: it stamps the backup of a bad session file.
            load_session(file.as_ref(), legacy, chrono::Local::now().naive_local())
        } else {
            (None, None, true)
        };
        let mut app = Self::with_state(
            AppState::from_session(&session.clone().unwrap_or_default()),
            options.extractor,
        );
        app.session_file = file.filter(|_| may_save);
        app.state.notices.extend(notice);
        app.ctx = Some(cc.egui_ctx.clone());
        if !options.paths.is_empty() {
            app.state.view = ViewRange::default();
            app.queue(Command::OpenPaths(options.paths));
        } else if let Some(s) = session.filter(|s| !s.sources.is_empty()) {
            app.restore_sources(&s);
        } else {
            app.queue(Command::OpenSamples);
        }
        app
    }

    fn with_state(state: AppState, extractor: Extractor) -> Self {
        DatelineApp {
            state,
            loader: Loader::default(),
            remaker: Remaker::default(),
            refilter: Refilter::default(),
            extractor,
            commands: Vec::new(),
            marker_pos: HashMap::new(),
            popup_pos: HashMap::new(),
            fit_after_load: false,
            focus_search: false,
            table_scroll_pending: false,
            ctx: None,
            article_cache: article_view::Cache::default(),
            pending_hidden: HashSet::new(),
            restoring: HashSet::new(),
            restore_order: HashMap::new(),
            session_file: None,
            saved_json: None,
            save_error: None,
            fonts_warm: false,
            frame_log: std::env::var_os("DATELINE_FRAME_LOG").map(|v| FrameLog {
                started: std::time::Instant::now(),
                every_frame: v == "all",
                last_frame: None,
                first_events_shown: false,
                was_loading: false,
                logic_ms: 0.0,
                ui_ms: 0.0,
            }),
        }
    }

    /// Opens the files of a saved session again, keeping its view. A file that is gone
    /// (or fails) is listed as missing and stays in the session.
    fn restore_sources(&mut self, s: &Session) {
        let mut jobs = Vec::new();
        self.restore_order = s
            .sources
            .iter()
            .enumerate()
            .map(|(i, source)| (source.clone(), i))
            .collect();
        for source in &s.sources {
            match Job::for_source(source) {
                Some(job) => {
                    self.restoring.insert(source.clone());
                    jobs.push(job);
                }
                None => self.state.add_missing(
                    source.clone(),
                    "no longer built into the app",
                    s.hidden.contains(source),
                ),
            }
        }
        self.pending_hidden = s.hidden.iter().cloned().collect();
        // Keep the saved view rather than fitting.
        self.start_jobs(jobs, false);
    }

    /// Writes the session to its file if it changed since the last save. A failure is
    /// reported (once) as a notice and on stderr; the old file stays as it was.
    pub fn save_session(&mut self) {
        let Some(file) = &self.session_file else {
            return;
        };
        let json = match session_file::session_json(&self.state.session()) {
            Ok(j) => j,
            Err(e) => {
                log_error(&format!("could not save the session: {e}"));
                return;
            }
        };
        if self.saved_json.as_ref() == Some(&json) {
            return;
        }
        match session_file::write_atomically(file.path(), json.as_bytes()) {
            Ok(()) => {
                self.saved_json = Some(json);
                self.save_error = None;
            }
            Err(e) => {
                let message = format!(
                    "The session could not be saved to {} ({e}); the last saved one is kept.",
                    file.path().display()
                );
                if self.save_error.as_ref() != Some(&message) {
                    log_error(&message);
                    self.state.notices.push(message.clone());
                    self.save_error = Some(message);
                }
            }
        }
    }

    /// The app over a state made elsewhere, with nothing loading: for tools and
    /// benchmarks (`examples/frame_bench.rs`) that drive [`DatelineApp::app_ui`] headless.
    pub fn from_state(state: AppState) -> Self {
        Self::with_state(state, crate::extract::extract)
    }

    /// The state, for tests and tools.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Is anything still loading (files, or the timeline being remade with them)?
    pub fn is_loading(&self) -> bool {
        self.loader.is_busy() || self.remaker.is_busy()
    }

    /// Is a change of the filters being worked out in the background?
    pub fn is_filtering(&self) -> bool {
        self.refilter.is_busy()
    }

    /// How many filter results came back after a newer change and were dropped.
    pub fn dropped_filter_results(&self) -> u64 {
        self.refilter.dropped()
    }

    /// How many filter workers stopped early because a newer change came.
    pub fn stopped_filter_workers(&self) -> u64 {
        self.refilter.stopped()
    }

    /// Filters again with the state's settings, on a worker (see [`refilter`]).
    fn refilter_in_background(&mut self) {
        let wake = self.waker();
        self.refilter.start(&self.state, wake);
    }

    /// Asks for a frame, from any thread.
    fn waker(&self) -> impl Fn() + Send + Sync + 'static {
        self.waker_within(std::time::Duration::ZERO)
    }

    /// Asks for a frame within `within`, from any thread: calls in between make
    /// no more frames.
    fn waker_within(&self, within: std::time::Duration) -> impl Fn() + Send + Sync + 'static {
        let ctx = self.ctx.clone();
        move || {
            if let Some(c) = &ctx {
                c.request_repaint_after(within);
            }
        }
    }

    /// Queues a command, applied at the end of the frame.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies every queued command.
    pub fn apply_queued(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        for c in commands {
            self.apply(c);
        }
    }

    fn start_jobs(&mut self, jobs: Vec<Job>, fit: bool) {
        let jobs: Vec<Job> = jobs
            .into_iter()
            .filter(|j| {
                let s = j.source();
                !self.state.has_source(&s) && !self.loader.is_pending(&s)
            })
            .collect();
        if jobs.is_empty() {
            return;
        }
        self.fit_after_load |= fit;
        // The loader wakes no one: while files come in, `logic` asks for ten frames
        // a second, so the progress bar moves and input still gets a frame at once,
        // and drawing does not take the CPU the files are read with.
        self.loader.start(jobs, self.extractor);
    }

    /// Takes in what the loader found and finished, lets the timeline be remade in
    /// the background, and zooms to fit when a run is over. Costs the UI thread
    /// only the new articles, never the whole timeline.
    pub fn poll_loader(&mut self) {
        let received = self.loader.receive();
        for files in received.found {
            if files.is_empty() {
                self.state
                    .notices
                    .push("No article files (.txt, .html, .htm, .md) there.".to_string());
            }
            let jobs = files.into_iter().map(Job::File).collect();
            self.start_jobs(jobs, true);
        }
        for loaded in received.articles {
            let mut loaded = loaded;
            let hidden = self.pending_hidden.contains(&loaded.source);
            if hidden {
                loaded.visible = false;
            }
            if self.restoring.remove(&loaded.source)
                && let Some(reason) = &loaded.article.error
            {
                self.state
                    .add_missing(loaded.source.clone(), reason, hidden);
                continue;
            }
            if self.state.push_article(loaded) {
                self.remaker.mark_dirty();
            }
        }
        let changed = self.remaker.poll(&mut self.state);
        // A remade timeline shows within a loading frame's time.
        let wake = self.waker_within(LOADING_FRAME_INTERVAL);
        self.remaker.start_if_due(&self.state, wake);
        if changed && self.fit_after_load {
            self.state.zoom_to_fit();
        }
        if !self.is_loading() {
            if self.fit_after_load {
                self.state.zoom_to_fit();
            } else {
                // A restored view still has to respect the data's limits.
                let v = self.state.view;
                self.state.set_view(v);
            }
            self.fit_after_load = false;
            self.pending_hidden.clear();
            self.restoring.clear();
            if !self.restore_order.is_empty() {
                // Files finish in any order; list the missing ones as the session had them.
                let order = std::mem::take(&mut self.restore_order);
                self.state
                    .missing
                    .sort_by_key(|m| order.get(&m.source).copied().unwrap_or(usize::MAX));
            }
        }
    }

    /// Applies one command: the only place where the UI changes the state.
    pub fn apply(&mut self, command: Command) {
        let s = &mut self.state;
        match command {
            Command::OpenPaths(paths) => {
                for p in &paths {
                    s.remember_recent(p.clone());
                }
                // Walking a big folder takes a while: not on the UI thread.
                let wake = self.waker();
                self.loader.expand(paths, wake);
            }
            Command::OpenFilesDialog => {
                let picked = rfd::FileDialog::new()
                    .set_title("Open articles")
                    .add_filter("Articles", &files::ARTICLE_EXTENSIONS)
                    .add_filter("All files", &["*"])
                    .pick_files();
                if let Some(paths) = picked {
                    self.apply(Command::OpenPaths(paths));
                }
            }
            Command::OpenFolderDialog => {
                if let Some(dir) = rfd::FileDialog::new()
                    .set_title("Open a folder of articles")
                    .pick_folder()
                {
                    self.apply(Command::OpenPaths(vec![dir]));
                }
            }
            Command::OpenSamples => self.start_jobs(files::sample_jobs(), true),
            Command::RemoveArticle(id) => {
                s.remove_article(&id);
                self.remaker.invalidate();
            }
            Command::SetArticleVisible(id, v) => {
                s.set_article_visible(&id, v);
                self.remaker.invalidate();
            }
            Command::DismissErrors => s.errors.clear(),
            Command::ForgetMissing(source) => s.forget_missing(source.as_ref()),
            Command::LookForMissing => {
                let mut jobs = Vec::new();
                for m in &s.missing {
                    if let Some(job) = Job::for_source(&m.source) {
                        self.restoring.insert(m.source.clone());
                        if m.hidden {
                            self.pending_hidden.insert(m.source.clone());
                        }
                        jobs.push(job);
                    }
                }
                self.start_jobs(jobs, false);
            }
            Command::DismissNotices => s.notices.clear(),
            Command::SetView(v) => s.set_view(v),
            Command::Zoom { factor, anchor } => {
                let anchor = anchor.unwrap_or_else(|| s.view.center());
                let v = s.view.zoomed(factor, anchor);
                s.set_view(v);
            }
            Command::Pan(fraction) => {
                let v = s.view.panned(fraction * s.view.span_days());
                s.set_view(v);
            }
            Command::ZoomToFit => s.zoom_to_fit(),
            Command::ZoomTo(a, b) => s.zoom_to(a, b),
            Command::ZoomPreset(p) => {
                // Around the selected event; else around the newest publication date, where
                // the news is; else around what is on screen.
                let selected = s
                    .selected
                    .as_deref()
                    .and_then(|id| s.entry_record(id))
                    .map(|e| state::entry_days(e).0);
                let newest = s
                    .publication_days()
                    .into_iter()
                    .map(|(d, _)| d)
                    .reduce(f64::max);
                let c = selected.or(newest).unwrap_or_else(|| s.view.center());
                let half = p.span_days() / 2.0;
                s.set_view(ViewRange::new(c - half, c + half));
            }
            Command::Select(id) => {
                if let Some(id) = &id {
                    s.reveal(id);
                }
                if s.selected != id {
                    self.table_scroll_pending = true;
                }
                s.selected = id;
            }
            Command::OpenPopup(id) => {
                if s.entry_index(&id).is_some() {
                    if let Some(p) = self.marker_pos.get(&id) {
                        self.popup_pos
                            .insert(id.clone(), *p + egui::vec2(16.0, 16.0));
                    }
                    s.popups.retain(|p| p != &id);
                    s.popups.push(id.clone());
                    if s.selected.as_ref() != Some(&id) {
                        self.table_scroll_pending = true;
                    }
                    s.selected = Some(id);
                }
            }
            Command::ClosePopup(id) => s.popups.retain(|p| p != &id),
            Command::CloseTopPopup => {
                s.popups.pop();
            }
            Command::Step(delta) => {
                if let Some(id) = s.step_from_selection(delta) {
                    self.apply(Command::Select(Some(id)));
                }
            }
            Command::OpenSelected => {
                if let Some(id) = s.selected.clone() {
                    self.apply(Command::OpenPopup(id));
                }
            }
            Command::ShowArticle { article, at } => {
                s.article_view = Some(state::ArticleView {
                    article,
                    scroll_to: at,
                });
            }
            Command::CloseArticle => s.article_view = None,
            Command::SetLaneMode(m) => {
                s.lane_mode = m;
                self.refilter_in_background();
            }
            Command::SetKindVisible(k, visible) => {
                s.filters.hidden_kinds.retain(|h| *h != k);
                if !visible {
                    s.filters.hidden_kinds.push(k);
                }
                self.refilter_in_background();
            }
            Command::ToggleActor(a) => {
                if let Some(i) = s.filters.actors.iter().position(|x| *x == a) {
                    s.filters.actors.remove(i);
                } else {
                    s.filters.actors.push(a);
                }
                self.refilter_in_background();
            }
            Command::SetSearch(text) => {
                s.filters.search = text;
                self.refilter_in_background();
            }
            Command::SetMinPrecision(g) => {
                s.filters.min_precision = g;
                self.refilter_in_background();
            }
            Command::ClearFilters => {
                s.filters = state::Filters::default();
                self.refilter_in_background();
            }
            Command::SortBy(col) => {
                let sort = if s.sort.0 == col {
                    (col, !s.sort.1)
                } else {
                    (col, true)
                };
                s.set_sort(sort);
            }
            Command::FocusSearch => self.focus_search = true,
            Command::OpenUrl(url) => {
                if article_view::opens_in_browser(&url)
                    && let Some(ctx) = &self.ctx
                {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
        }
    }

    /// Keyboard shortcuts. Those that would fight typing only act when no text field has focus.
    fn keyboard(&mut self, ctx: &egui::Context) {
        let cmd = Modifiers::COMMAND;
        if ctx.input_mut(|i| i.consume_key(cmd, Key::O)) {
            self.queue(Command::OpenFilesDialog);
        }
        if ctx.input_mut(|i| i.consume_key(cmd, Key::F)) {
            self.queue(Command::FocusSearch);
        }
        if ctx.input_mut(|i| i.consume_key(cmd, Key::Q)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let none = Modifiers::NONE;
        let shift = Modifiers::SHIFT;
        let pressed = |key: Key, m: Modifiers| ctx.input_mut(|i| i.consume_key(m, key));
        if pressed(Key::Tab, shift) {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            self.queue(Command::Step(-1));
        } else if pressed(Key::Tab, none) {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            self.queue(Command::Step(1));
        }
        if pressed(Key::F, none) {
            self.queue(Command::ZoomToFit);
        }
        if pressed(Key::Plus, none) || pressed(Key::Equals, none) {
            self.queue(Command::Zoom {
                factor: 1.0 / 1.5,
                anchor: None,
            });
        }
        if pressed(Key::Minus, none) {
            self.queue(Command::Zoom {
                factor: 1.5,
                anchor: None,
            });
        }
        if pressed(Key::ArrowLeft, none) {
            self.queue(Command::Pan(-0.1));
        }
        if pressed(Key::ArrowRight, none) {
            self.queue(Command::Pan(0.1));
        }
        if pressed(Key::Enter, none) {
            self.queue(Command::OpenSelected);
        }
        if pressed(Key::Escape, none) {
            self.queue(Command::CloseTopPopup);
        }
    }

    /// Files dragged over the window (hint) or dropped on it (opened).
    fn drag_and_drop_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let theme = Theme::of(ui);
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop-hint"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, theme.drop_veil());
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop articles or folders to open them",
                egui::TextStyle::Heading.resolve(ui.style()),
                theme.drop_text(),
            );
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.queue(Command::OpenPaths(dropped));
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open files…  (Ctrl+O)").clicked() {
                    self.commands.push(Command::OpenFilesDialog);
                    ui.close();
                }
                if ui.button("Open folder…").clicked() {
                    self.commands.push(Command::OpenFolderDialog);
                    ui.close();
                }
                ui.menu_button("Open recent", |ui| {
                    if self.state.recent.is_empty() {
                        ui.label("Nothing yet");
                    }
                    for p in self.state.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.commands.push(Command::OpenPaths(vec![p]));
                            ui.close();
                        }
                    }
                });
                if ui.button("Open sample articles").clicked() {
                    self.commands.push(Command::OpenSamples);
                    ui.close();
                }
                ui.separator();
                // Closing through the window saves the session (eframe calls `save`).
                if ui.button("Quit  (Ctrl+Q)").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Zoom to fit  (F)").clicked() {
                    self.commands.push(Command::ZoomToFit);
                    ui.close();
                }
                for p in ZoomPreset::ALL {
                    if ui
                        .button(format!("Show a {}", p.title().to_lowercase()))
                        .clicked()
                    {
                        self.commands.push(Command::ZoomPreset(p));
                        ui.close();
                    }
                }
                ui.separator();
                for m in state::LaneMode::ALL {
                    if ui.radio(self.state.lane_mode == m, m.title()).clicked() {
                        self.commands.push(Command::SetLaneMode(m));
                        ui.close();
                    }
                }
            });
        });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui
                .button("Zoom in (+)")
                .on_hover_text("Show less time")
                .clicked()
            {
                self.commands.push(Command::Zoom {
                    factor: 1.0 / 1.5,
                    anchor: None,
                });
            }
            if ui
                .button("Zoom out (-)")
                .on_hover_text("Show more time")
                .clicked()
            {
                self.commands.push(Command::Zoom {
                    factor: 1.5,
                    anchor: None,
                });
            }
            if ui
                .button("Fit (F)")
                .on_hover_text("Show all events")
                .clicked()
            {
                self.commands.push(Command::ZoomToFit);
            }
            ui.separator();
            for p in ZoomPreset::ALL {
                if ui
                    .button(p.title())
                    .on_hover_text(format!("Show one {}", p.title().to_lowercase()))
                    .clicked()
                {
                    self.commands.push(Command::ZoomPreset(p));
                }
            }
            ui.separator();
            let mut mode = self.state.lane_mode;
            egui::ComboBox::new("lane-mode", "Lanes")
                .selected_text(mode.title())
                .show_ui(ui, |ui| {
                    for m in state::LaneMode::ALL {
                        ui.selectable_value(&mut mode, m, m.title());
                    }
                });
            if mode != self.state.lane_mode {
                self.commands.push(Command::SetLaneMode(mode));
            }
            ui.separator();
            let v = self.state.view;
            if let (Some(a), Some(b)) = (time_axis::date_of(v.start), time_axis::date_of(v.end)) {
                ui.label(format!(
                    "{} – {}",
                    time_axis::human_date(a),
                    time_axis::human_date(b)
                ));
            }
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        let theme = Theme::of(ui);
        ui.horizontal(|ui| {
            if self.loader.is_expanding() {
                busy_indicator(ui);
                ui.label("Looking for article files…");
            }
            if self.loader.is_busy() && !self.loader.is_expanding() {
                let (done, total) = self.loader.progress();
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .desired_width(200.0)
                        .text(format!("Loading {done}/{total} files")),
                );
            } else if self.remaker.is_busy() {
                busy_indicator(ui);
                ui.label("Merging the timeline…");
            } else if self.refilter.is_busy() {
                busy_indicator(ui);
                ui.label("Filtering…");
            }
            let s = &self.state;
            ui.label(format!(
                "{} articles · {} events shown of {}",
                s.articles.len(),
                s.shown.len(),
                s.entries.len()
            ));
            if !s.errors.is_empty() {
                ui.colored_label(
                    theme.error(),
                    format!(
                        "{} file(s) could not be opened (see Articles)",
                        s.errors.len()
                    ),
                );
            }
            if !s.missing.is_empty() {
                ui.colored_label(
                    theme.warning(),
                    format!(
                        "{} file(s) of the last session are missing (see Articles)",
                        s.missing.len()
                    ),
                );
            }
            for n in &s.notices {
                ui.colored_label(theme.warning(), n);
            }
            if !s.notices.is_empty() && ui.small_button("Dismiss").clicked() {
                self.commands.push(Command::DismissNotices);
            }
        });
    }
}

impl eframe::App for DatelineApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        let loading = self.is_loading();
        if let Some(log) = &mut self.frame_log {
            log.frame(frame.info().cpu_usage, loading, &self.state);
        }
        let started = std::time::Instant::now();
        self.poll_loader();
        let loading = self.is_loading();
        if let Some(log) = &mut self.frame_log {
            log.logic_ms = started.elapsed().as_secs_f64() * 1000.0;
            log.taken_in(loading, &self.state);
        }
        if self.is_loading() {
            ctx.request_repaint_after(LOADING_FRAME_INTERVAL);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let started = std::time::Instant::now();
        self.app_ui(ui);
        if let Some(log) = &mut self.frame_log {
            log.ui_ms = started.elapsed().as_secs_f64() * 1000.0;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_session();
        // Once the session has a file of its own, the copy older versions kept in
        // eframe's (non-atomic) storage goes.
        if self.saved_json.is_some() && storage.get_string(SESSION_KEY).is_some() {
            storage.remove_string(SESSION_KEY);
        }
    }
}

impl DatelineApp {
    /// One frame of the whole window (what [`eframe::App::ui`] shows), callable
    /// without eframe so that benchmarks can run it headless.
    pub fn app_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.fonts_warm, true) {
            warm_fonts(ui);
        }
        self.refilter.poll(&mut self.state);
        self.keyboard(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let focus_search = std::mem::take(&mut self.focus_search);
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                sidebar::sidebar_ui(ui, &self.state, focus_search, &mut self.commands);
            });
        if let Some(view) = self.state.article_view.clone() {
            egui::Panel::right("article")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| {
                    article_view::article_view_ui(
                        ui,
                        &self.state,
                        &view,
                        &mut self.article_cache,
                        &mut self.commands,
                    );
                });
            if view.scroll_to.is_some()
                && let Some(v) = &mut self.state.article_view
            {
                v.scroll_to = None;
            }
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            self.toolbar_ui(ui);
            let table_height = (ui.available_height() * 0.35).clamp(120.0, 320.0);
            egui::Panel::bottom("event-table")
                .resizable(true)
                .default_size(table_height)
                .show(ui, |ui| {
                    let scroll = std::mem::take(&mut self.table_scroll_pending);
                    event_table::event_table_ui(ui, &self.state, scroll, &mut self.commands);
                });
            let out = timeline_view::timeline_view_ui(ui, &self.state, &mut self.commands);
            self.marker_pos = out.marker_pos;
        });
        for id in self.state.popups.clone() {
            let pos = self.popup_pos.get(&id).copied();
            popup::popup_ui(&ctx, &self.state, &id, pos, &mut self.commands);
        }
        self.drag_and_drop_ui(ui);
        self.apply_queued();
    }
}

/// Letters of the six languages, digits and punctuation.
const WARM_GLYPHS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \
    .,;:!?'\"()[]{}<>/\\|-_+=*&%$#@~^`…–—‘’“”«»„·•€£°§ \
    àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ \
    абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЪЫЭ";

/// Puts the glyphs the app shows into egui's font atlas, in every size it uses,
/// before the first frame is painted. Else the atlas grows while files load (titles,
/// names, counts in new letters), and each growth sends the whole atlas to the GPU
/// again: on a machine that paints in software, those were the frames over 16 ms.
fn warm_fonts(ui: &egui::Ui) {
    let mut fonts: Vec<egui::FontId> = ui.style().text_styles.values().cloned().collect();
    fonts.extend([10.0, 11.0, 12.0, 14.0, 16.0].map(egui::FontId::proportional));
    for font in fonts {
        let _ = ui
            .painter()
            .layout_no_wrap(WARM_GLYPHS.to_string(), font, egui::Color32::WHITE);
    }
}

/// A spinner that moves ten times a second, not at the display's rate: egui's
/// own asks for a frame every frame, and on a machine that paints in software
/// those frames take the CPU that files are read and merged with.
fn busy_indicator(ui: &mut egui::Ui) {
    let size = ui.style().spacing.interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::Role::ProgressIndicator));
    let interval = LOADING_FRAME_INTERVAL.as_secs_f64();
    let turn = (ui.input(|i| i.time) / interval).floor() * interval;
    let start = turn * std::f64::consts::TAU;
    let radius = rect.height() * 0.5 - 2.0;
    let points: Vec<egui::Pos2> = (0..=16)
        .map(|i| {
            let angle = start + f64::from(i) / 16.0 * 1.5 * std::f64::consts::PI;
            let (sin, cos) = angle.sin_cos();
            rect.center() + radius * egui::vec2(cos as f32, sin as f32)
        })
        .collect();
    let color = ui.visuals().strong_text_color();
    ui.painter()
        .add(egui::Shape::line(points, egui::Stroke::new(2.5, color)));
    ui.ctx().request_repaint_after(LOADING_FRAME_INTERVAL);
}

fn log_error(message: &str) {
    eprintln!("dateline: {message}");
}

/// Opens the app window. `paths` are files or folders to open; without them the
/// last session comes back (the first time: the sample articles).
pub fn run(paths: Vec<PathBuf>) -> std::process::ExitCode {
    let renderers = match std::env::var("DATELINE_RENDERER").as_deref() {
        Ok("wgpu") => vec![eframe::Renderer::Wgpu],
        Ok("glow") => vec![eframe::Renderer::Glow],
        _ => vec![eframe::Renderer::Glow, eframe::Renderer::Wgpu],
    };
    let mut result = Ok(());
    for renderer in renderers {
        result = run_with(renderer, paths.clone());
        match &result {
            // The window opened and closed, or opening it failed for another reason
            // than the renderer.
            Ok(()) | Err(eframe::Error::AppCreation(_)) => break,
            Err(e) => log_error(&format!("the {renderer} renderer failed: {e}")),
        }
    }
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            log_error(&format!("could not open the window: {e}"));
            std::process::ExitCode::FAILURE
        }
    }
}

/// Runs the app with one renderer. OpenGL (glow) comes first: on a machine
/// without a GPU, where Mesa paints in software, wgpu took about four times the
/// CPU for a frame (some 200 ms of it for the whole window, so 3 to 8 frames a
/// second while files load); wgpu is the fallback where OpenGL cannot start.
/// `DATELINE_RENDERER=wgpu` (or `glow`) picks one.
fn run_with(renderer: eframe::Renderer, paths: Vec<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_ID)
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        renderer,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            Ok(Box::new(DatelineApp::new(
                cc,
                AppOptions {
                    paths,
                    ..AppOptions::default()
                },
            )))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2025, 11, 21)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap()
    }

    #[test]
    fn a_session_older_versions_kept_in_eframe_storage_is_carried_over() {
        let dir = std::env::temp_dir().join(format!("dateline-legacy-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = SessionFile::new(dir.join("session.json"));
        // No file yet: the old place is read.
        let (s, notice, may_save) = load_session(
            Some(&file),
            Some(r#"{"lane_mode":"Actor"}"#.to_string()),
            now(),
        );
        assert_eq!(s.map(|s| s.lane_mode), Some(state::LaneMode::Actor));
        assert_eq!(notice, None);
        assert!(may_save);
        // A bad one there is kept aside in a file, and said so.
        let (s, notice, _) = load_session(Some(&file), Some("{not json".to_string()), now());
        assert_eq!(s, None);
        let notice = notice.unwrap();
        assert!(notice.contains("could not be read"), "{notice}");
        let backup = dir.join("session.json.20251121T120000.bak");
        assert!(notice.contains(&backup.display().to_string()), "{notice}");
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), "{not json");
        // Once the file exists, the old place is not looked at.
        file.save(&Session::default()).unwrap();
        let (s, _, _) = load_session(
            Some(&file),
            Some(r#"{"lane_mode":"Actor"}"#.to_string()),
            now(),
        );
        assert_eq!(s, Some(Session::default()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
