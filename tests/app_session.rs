//! Nothing is lost: the app driven headless (egui_kittest) with its session file in
//! a temporary folder. A corrupt session is kept as a backup and the app says so;
//! files gone since the last session are listed as missing and stay in the session
//! until the user removes them; a save that fails keeps the last good session.

#![cfg(feature = "app")]

mod common;
use common::wait_loaded;

use std::path::{Path, PathBuf};

use dateline::app::session_file::SessionFile;
use dateline::app::state::{LaneMode, Session, SourceRef};
use dateline::app::{AppOptions, Command, DatelineApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(session_file: &Path) -> Harness<'static, DatelineApp> {
    common::app_harness(AppOptions {
        paths: Vec::new(),
        extractor: dateline::extract::extract,
        restore_session: true,
        session_file: Some(session_file.to_path_buf()),
    })
}

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("session", name)
}

const TREATY: &str =
    "Leaders sign a pact\n\nOn 19 June 2024 Putin and Kim signed a treaty in Pyongyang.\n";

fn saved(path: &Path) -> Session {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_corrupt_session_is_kept_as_a_backup_and_the_app_starts_with_defaults_saying_so() {
    let dir = temp_dir("corrupt");
    let path = dir.join("session.json");
    let corrupt: &[u8] = b"{\"sources\": [{\"File\": \"/news/a.t";
    std::fs::write(&path, corrupt).unwrap();
    let mut h = harness(&path);
    wait_loaded(&mut h);
    let s = h.state().state();
    // Defaults: the sample articles, the default lanes.
    assert_eq!(s.articles.len(), 2);
    assert!(
        s.articles
            .iter()
            .all(|a| matches!(a.source, SourceRef::Sample(_)))
    );
    assert_eq!(s.lane_mode, LaneMode::Kind);
    // The bad file is kept, byte for byte, beside where it was.
    let backups: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read(&backups[0]).unwrap(), corrupt);
    // And the app says so, with where the backup is.
    assert!(
        s.notices
            .iter()
            .any(|n| n.contains("could not be read")
                && n.contains(&backups[0].display().to_string()))
    );
    h.get_by_label_contains("The saved session");
    // Saving writes a good session; the backup stays.
    h.state_mut().save_session();
    assert_eq!(saved(&path).sources.len(), 2);
    assert_eq!(std::fs::read(&backups[0]).unwrap(), corrupt);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn files_gone_since_the_last_session_are_listed_as_missing_and_kept_until_removed() {
    let dir = temp_dir("missing");
    let here = dir.join("treaty.txt");
    std::fs::write(&here, TREATY).unwrap();
    let gone = dir.join("gone.txt");
    let back = dir.join("back.txt");
    let path = dir.join("session.json");
    let file = |p: &Path| SourceRef::File(p.to_path_buf());
    SessionFile::new(&path)
        .save(&Session {
            sources: vec![file(&here), file(&gone), file(&back)],
            hidden: vec![file(&gone)],
            lane_mode: LaneMode::Actor,
            ..Session::default()
        })
        .unwrap();

    let mut h = harness(&path);
    wait_loaded(&mut h);
    let s = h.state().state();
    assert_eq!(s.articles.len(), 1);
    assert_eq!(s.lane_mode, LaneMode::Actor);
    let missing: Vec<&SourceRef> = s.missing.iter().map(|m| &m.source).collect();
    assert_eq!(missing, [&file(&gone), &file(&back)]);
    assert!(s.errors.is_empty(), "missing files are not load errors");
    // Listed with their full paths and what happened.
    h.get_by_label_contains("Missing since the last session (2)");
    h.get_by_label(&gone.display().to_string());
    h.get_by_label(&back.display().to_string());
    h.get_by_label_contains("2 file(s) of the last session are missing");
    // Still in the session, hidden as they were.
    h.state_mut().save_session();
    let session = saved(&path);
    assert_eq!(session.sources.len(), 3);
    assert_eq!(session.hidden, [file(&gone)]);

    // One comes back: "Look again" finds it.
    std::fs::write(&back, TREATY.replace("19 June", "20 June")).unwrap();
    h.get_by_label("Look again").click();
    h.step();
    wait_loaded(&mut h);
    let s = h.state().state();
    assert_eq!(s.articles.len(), 2);
    assert_eq!(s.missing.len(), 1);

    // The user removes the other: it is no longer in the session.
    h.get_by_label(&format!("Remove missing file {}", gone.display()))
        .click();
    h.run_steps(2);
    assert!(h.state().state().missing.is_empty());
    h.state_mut().save_session();
    let session = saved(&path);
    assert_eq!(session.sources, [file(&here), file(&back)]);
    assert!(session.hidden.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_save_that_fails_keeps_the_last_session_and_says_so_once() {
    let dir = temp_dir("savefail");
    let path = dir.join("session.json");
    SessionFile::new(&path)
        .save(&Session {
            lane_mode: LaneMode::Actor,
            ..Session::default()
        })
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = harness(&path);
    wait_loaded(&mut h);
    // Something that is not a file sits where the temporary file goes (root ignores
    // read-only folders, so this is how the test makes the write fail).
    std::fs::create_dir_all(SessionFile::new(&path).temp_path()).unwrap();
    h.state_mut().queue(Command::SetLaneMode(LaneMode::Article));
    h.step();
    h.state_mut().save_session();
    h.state_mut().save_session();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old session is intact"
    );
    let notices = &h.state().state().notices;
    assert_eq!(
        notices
            .iter()
            .filter(|n| n.contains("could not be saved"))
            .count(),
        1,
        "{notices:?}"
    );
    h.run_steps(2);
    h.get_by_label_contains("The session could not be saved");
    // Once the way is clear, the next save goes through.
    std::fs::remove_dir_all(SessionFile::new(&path).temp_path()).unwrap();
    h.state_mut().save_session();
    assert_eq!(saved(&path).lane_mode, LaneMode::Article);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_whole_missing_drive_is_counted_not_listed_and_can_be_removed_at_once() {
    let dir = temp_dir("drive");
    let path = dir.join("session.json");
    let sources: Vec<SourceRef> = (0..120)
        .map(|i| SourceRef::File(dir.join(format!("unmounted/{i:03}.txt"))))
        .collect();
    SessionFile::new(&path)
        .save(&Session {
            sources: sources.clone(),
            ..Session::default()
        })
        .unwrap();
    let mut h = harness(&path);
    wait_loaded(&mut h);
    assert_eq!(h.state().state().missing.len(), 120);
    h.get_by_label_contains("Missing since the last session (120)");
    h.get_by_label("… and 70 more");
    h.state_mut().save_session();
    assert_eq!(saved(&path).sources, sources);
    h.get_by_label("Remove all missing").click();
    h.run_steps(2);
    assert!(h.state().state().missing.is_empty());
    h.state_mut().save_session();
    assert!(saved(&path).sources.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
