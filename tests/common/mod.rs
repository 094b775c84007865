//! What the app tests share: a headless app, waiting for its background work
//! (bounded, not timed), and a fresh temporary folder.

#![allow(dead_code)]

use std::path::PathBuf;

use dateline::app::{AppOptions, DatelineApp};
use egui_kittest::Harness;

/// The app with `options`, headless, in a 1400×900 window.
pub fn app_harness(options: AppOptions) -> Harness<'static, DatelineApp> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| DatelineApp::new(cc, options))
}

/// Runs frames while `busy` says the app works in the background (at most 5000).
pub fn wait_while(h: &mut Harness<'_, DatelineApp>, busy: fn(&DatelineApp) -> bool, what: &str) {
    for _ in 0..5000 {
        h.step();
        if !busy(h.state()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!busy(h.state()), "{what} never finished");
}

/// Runs frames until the files are loaded, then a few more.
pub fn wait_loaded(h: &mut Harness<'_, DatelineApp>) {
    wait_while(h, DatelineApp::is_loading, "loading");
    h.run_steps(4);
}

/// An empty folder of its own for test `name` of suite `suite`.
pub fn temp_dir(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{suite}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}
