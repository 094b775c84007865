//! The app driven headless with egui_kittest: widgets are found by their
//! AccessKit labels, clicked and typed into, and the state is checked. Event
//! extraction is not in the library yet, so these tests make one event per
//! time expression (kind from a word in its sentence).

#![cfg(feature = "app")]

mod common;
use common::{wait_loaded, wait_while};

use std::path::{Path, PathBuf};

use dateline::app::state::SourceRef;
use dateline::app::{AppOptions, Command, DatelineApp};
use dateline::article::Article;
use dateline::extract::Extraction;
use dateline::extract::events::{DateOrigin, Event, EventDate, EventKind, Span};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// One event per time expression, with the kind its sentence suggests and the actors it names.
fn test_extractor(a: &Article) -> Extraction {
    let mut x = dateline::extract::extract(a);
    let mut events = Vec::new();
    for (i, t) in x.timexes.iter().enumerate() {
        let Some(s) = x
            .sentences
            .iter()
            .find(|s| s.start <= t.start && t.end <= s.end)
        else {
            continue;
        };
        let text: String = a.text.chars().skip(s.start).take(s.end - s.start).collect();
        let lower = text.to_lowercase();
        let kind = if lower.contains("treaty") {
            EventKind::Treaty
        } else if lower.contains("met ") || lower.contains("meeting") {
            EventKind::Meeting
        } else {
            EventKind::Statement
        };
        let actors: Vec<String> = [("Putin", "Vladimir Putin"), ("Kim", "Kim Jong Un")]
            .iter()
            .filter(|(w, _)| text.contains(w))
            .map(|(_, n)| n.to_string())
            .collect();
        events.push(Event {
            id: format!("t{i}"),
            kind,
            subkind: None,
            label: format!("{}: {}", kind.title(), actors.join(", ")),
            date: EventDate::from_timex(t, i, DateOrigin::Explicit),
            sentence: Span {
                text: text.clone(),
                start: s.start,
                end: s.end,
            },
            trigger: Span {
                text: t.text.clone(),
                start: t.start,
                end: t.end,
            },
            actors,
            places: vec![],
            figures: vec![],
            confidence: 0.5,
            affiliations: vec![],
            people: vec![],
            roles: Default::default(),
        });
    }
    x.events = events;
    x
}

fn harness(paths: Vec<PathBuf>) -> Harness<'static, DatelineApp> {
    common::app_harness(AppOptions {
        paths,
        extractor: test_extractor,
        restore_session: false,
        session_file: None,
    })
}

/// Runs frames until a change of the filters, worked out in the background, is in.
fn wait_filtered(h: &mut Harness<'_, DatelineApp>) {
    wait_while(h, DatelineApp::is_filtering, "filtering");
    h.run_steps(2);
}

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("app", name)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const TREATY: &str = "Leaders sign a pact\n\nOn 19 June 2024 Putin and Kim signed a treaty in Pyongyang.\n\nThe two leaders first met on 13 September 2023 at a spaceport.\n";
const OTHER: &str =
    "Another report on the talks\n\nOn 3 March 2022 officials said very little about it.\n";

#[test]
fn the_app_starts_with_the_sample_articles() {
    let mut h = harness(vec![]);
    wait_loaded(&mut h);
    let s = h.state().state();
    assert_eq!(s.articles.len(), 2);
    assert!(
        s.articles
            .iter()
            .all(|a| matches!(a.source, SourceRef::Sample(_)))
    );
    assert!(s.errors.is_empty());
    h.get_by_label_contains("Show Russia e Corea del Nord");
    // The samples' dates became events, and the view holds them.
    assert!(!s.entries.is_empty());
    let (a, b) = s.data_span(false).unwrap();
    assert!(s.view.start <= a && s.view.end >= b);
}

#[test]
fn opening_files_adds_their_events_once() {
    let dir = temp_dir("open");
    write(&dir, "treaty.txt", TREATY);
    write(&dir, "other.md", OTHER);
    write(&dir, "picture.png", "not an article");
    let mut h = harness(vec![]);
    wait_loaded(&mut h);
    let before = h.state().state().entries.len();
    // The same command the dialog and drag and drop give.
    h.state_mut().queue(Command::OpenPaths(vec![dir.clone()]));
    h.step();
    wait_loaded(&mut h);
    let s = h.state().state();
    assert_eq!(s.articles.len(), 4, "the .png in the folder is skipped");
    assert_eq!(s.entries.len(), before + 3);
    assert!(s.entries.iter().any(|e| e.kind == EventKind::Treaty));
    // Opening them again adds nothing.
    h.state_mut()
        .queue(Command::OpenPaths(vec![dir.join("treaty.txt")]));
    h.step();
    wait_loaded(&mut h);
    assert_eq!(h.state().state().articles.len(), 4);
    // The view zoomed to fit what was added.
    let s = h.state().state();
    let (a, b) = s.data_span(false).unwrap();
    assert!(s.view.start <= a && s.view.end >= b);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn clicking_an_event_marker_opens_its_popup_with_the_sentence() {
    let dir = temp_dir("popup");
    let f = write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![f]);
    wait_loaded(&mut h);
    assert_eq!(h.state().state().articles.len(), 1);
    h.get_by_label_contains("Treaty: Vladimir Putin, Kim Jong Un, 19 Jun 2024")
        .click();
    h.run_steps(3);
    let s = h.state().state();
    assert_eq!(s.popups.len(), 1);
    let entry = s.entry(&s.popups[0]).unwrap();
    assert_eq!(entry.kind, EventKind::Treaty);
    assert_eq!(s.selected.as_deref(), Some(entry.id.as_str()));
    // The popup shows the sentence, with the date as written.
    h.get_by_label_contains("Putin and Kim signed a treaty in Pyongyang");
    h.get_by_label_contains("19 June 2024'");
    // Esc closes it.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().state().popups.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_popup_opens_the_article_at_its_sentence() {
    let dir = temp_dir("article");
    let f = write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![f]);
    wait_loaded(&mut h);
    h.get_by_label_contains("Treaty: Vladimir Putin, Kim Jong Un, 19 Jun 2024")
        .click();
    h.run_steps(3);
    h.get_by_label("Open article at this sentence").click();
    h.run_steps(3);
    let s = h.state().state();
    let view = s.article_view.as_ref().expect("article view open");
    assert_eq!(view.article, s.articles[0].article.id);
    h.get_by_label("Close article");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn zoom_keys_change_the_visible_range_the_right_way() {
    let mut h = harness(vec![]);
    wait_loaded(&mut h);
    let fit = h.state().state().view;
    h.key_press(egui::Key::Plus);
    h.run_steps(2);
    let zoomed_in = h.state().state().view;
    assert!(zoomed_in.span_days() < fit.span_days());
    assert!(zoomed_in.start >= fit.start && zoomed_in.end <= fit.end);
    h.key_press(egui::Key::Minus);
    h.run_steps(2);
    let out = h.state().state().view;
    assert!(out.span_days() > zoomed_in.span_days());
    // Never wider than all the data with its margin.
    for _ in 0..5 {
        h.key_press(egui::Key::Minus);
        h.run_steps(1);
    }
    assert!(h.state().state().view.span_days() <= fit.span_days() + 1e-6);
    // Zoom in, pan, then F fits again.
    h.key_press(egui::Key::Plus);
    h.run_steps(1);
    h.key_press(egui::Key::Plus);
    h.run_steps(1);
    let before_pan = h.state().state().view;
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(2);
    assert!(h.state().state().view.start < before_pan.start);
    h.key_press(egui::Key::F);
    h.run_steps(2);
    assert_eq!(h.state().state().view, fit);
    // The toolbar's preset gives a month.
    h.get_by_label("Month").click();
    h.run_steps(2);
    assert!((h.state().state().view.span_days() - 30.44).abs() < 0.01);
}

#[test]
fn tab_steps_through_events_in_time_order_and_enter_opens_the_popup() {
    let dir = temp_dir("tab");
    let f = write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![f]);
    wait_loaded(&mut h);
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
    let s = h.state().state();
    let first = s.entry_id(s.shown[0]);
    assert_eq!(s.selected.as_deref(), Some(first.as_str()));
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
    let s = h.state().state();
    assert_eq!(s.selected.as_deref(), Some(s.entry_id(s.shown[1]).as_str()));
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().state().popups.len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn filters_hide_and_show_events() {
    let dir = temp_dir("filters");
    let f = write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![f]);
    wait_loaded(&mut h);
    assert_eq!(h.state().state().shown.len(), 2);
    h.get_by_label("treaty (1)").click();
    wait_filtered(&mut h);
    assert_eq!(h.state().state().shown.len(), 1);
    assert!(
        h.query_by_label_contains("Treaty: Vladimir Putin, Kim Jong Un, 19 Jun")
            .is_none()
    );
    h.get_by_label("treaty (1)").click();
    wait_filtered(&mut h);
    assert_eq!(h.state().state().shown.len(), 2);
    h.get_by_label_contains("Treaty: Vladimir Putin, Kim Jong Un, 19 Jun");
    // Text search.
    h.get_by_label("Search events").click();
    h.run_steps(1);
    h.get_by_label("Search events").type_text("spaceport");
    wait_filtered(&mut h);
    let s = h.state().state();
    assert_eq!(s.shown.len(), 1);
    assert_eq!(s.entries[s.shown[0]].kind, EventKind::Meeting);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_search_runs_in_the_background_and_only_the_newest_result_is_shown() {
    let dir = temp_dir("search-worker");
    let f = write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![f]);
    wait_loaded(&mut h);
    assert_eq!(h.state().state().shown.len(), 2);
    // Two searches in one go: the first one's worker stops, or its result comes
    // back after the second was asked for and is dropped.
    let app = h.state_mut();
    app.queue(Command::SetSearch("treaty".into()));
    app.apply_queued();
    app.queue(Command::SetSearch("spaceport".into()));
    app.apply_queued();
    // The view stays as it was until the result is in.
    assert!(h.state().is_filtering());
    assert_eq!(h.state().state().shown.len(), 2);
    assert_eq!(h.state().state().filters.search, "spaceport");
    wait_filtered(&mut h);
    let s = h.state().state();
    assert_eq!(s.shown.len(), 1);
    assert_eq!(s.entries[s.shown[0]].kind, EventKind::Meeting);
    // The first request's worker either stopped early or its result was dropped.
    assert_eq!(
        h.state().dropped_filter_results() + h.state().stopped_filter_workers(),
        1
    );
    // And the status bar counts what is shown.
    h.get_by_label_contains("1 events shown of 2");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failing_file_shows_its_error_and_the_rest_load() {
    let dir = temp_dir("fail");
    let good = write(&dir, "treaty.txt", TREATY);
    let empty = write(&dir, "empty.txt", "");
    let missing = dir.join("missing.txt");
    let mut h = harness(vec![good, empty, missing.clone()]);
    wait_loaded(&mut h);
    let s = h.state().state();
    assert_eq!(s.articles.len(), 1);
    assert_eq!(s.errors.len(), 2);
    assert!(
        s.errors
            .iter()
            .any(|e| e.source == missing.display().to_string() && e.reason == "no such file")
    );
    h.get_by_label_contains("missing.txt: no such file");
    h.get_by_label_contains("2 file(s) could not be opened");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lanes_switch_to_actors() {
    let dir = temp_dir("lanes");
    let f = write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![f]);
    wait_loaded(&mut h);
    h.state_mut()
        .queue(Command::SetLaneMode(dateline::app::state::LaneMode::Actor));
    h.step();
    wait_filtered(&mut h);
    let names: Vec<String> = h
        .state()
        .state()
        .lanes
        .iter()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(names, ["(no actor)", "Kim Jong Un", "Vladimir Putin"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_articles_list_stays_closed_when_files_come_in() {
    let dir = temp_dir("collapsed");
    write(&dir, "treaty.txt", TREATY);
    let mut h = harness(vec![]);
    wait_loaded(&mut h);
    h.get_by_label("Articles (2)").click();
    h.run_steps(2);
    assert!(h.query_by_label("Show Russia e Corea del Nord").is_none());
    h.state_mut().queue(Command::OpenPaths(vec![dir.clone()]));
    h.step();
    wait_loaded(&mut h);
    h.run_steps(2);
    h.get_by_label("Articles (3)");
    assert!(
        h.query_by_label_contains("Show Leaders sign a pact")
            .is_none(),
        "the header was closed, and a file coming in opened it again"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
