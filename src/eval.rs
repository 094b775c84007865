//! Scoring the time tagger against public test suites (`../shared/eval`):
//! Duckling and rustling phrase corpora (JSON Lines) and the MEANTIME news
//! corpus. Pure: file contents in, scores out; `main.rs` reads the files.
//!
//! Conventions (from the corpora's README): a phrase or gold timex is found
//! when a timex overlaps it; a value is right when it names the same period at
//! the same grain, or a grain one step finer or coarser with the same start;
//! for an underspecified date the previous occurrence counts as well as the
//! next (we run the tagger both ways: news lean and future lean); times of day
//! count when the day is right; intervals when their first and last days are.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::Deserialize;

use crate::extract::time::{Grain, Lean, Modifier, Timex, tag_with};

/// One row of a Duckling/rustling corpus.
#[derive(Debug, Deserialize)]
struct PhraseRow {
    lang: String,
    reference: String,
    text: String,
    expected: Option<Expected>,
    #[serde(default)]
    set: Option<String>,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    #[serde(rename = "type")]
    kind: String,
    value: Option<String>,
    from: Option<String>,
    to: Option<String>,
    grain: String,
    open: Option<String>,
}

/// Counts for one language of one corpus.
#[derive(Debug, Default, Clone)]
pub struct Score {
    /// Rows scored.
    pub total: usize,
    /// Rows where a timex was found.
    pub found: usize,
    /// Rows resolved right (either reading of underspecified dates).
    pub right: usize,
    /// Rows resolved right with the news (past-leaning) reading alone.
    pub right_news: usize,
    /// Negative rows (not a date).
    pub negatives: usize,
    /// Negative rows where a timex was (wrongly) found.
    pub false_positives: usize,
    /// Timexes the tagger reported (MEANTIME).
    pub reported: usize,
    /// Reported timexes that overlap a gold timex (MEANTIME).
    pub reported_in_gold: usize,
}

impl Score {
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }
    /// Share of rows found.
    pub fn found_rate(&self) -> f64 {
        Self::ratio(self.found, self.total)
    }
    /// Share of rows right.
    pub fn right_rate(&self) -> f64 {
        Self::ratio(self.right, self.total)
    }
    /// Share of reported timexes that are gold timexes.
    pub fn precision(&self) -> f64 {
        Self::ratio(self.reported_in_gold, self.reported)
    }
}

/// A failed row, for `--failures`.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Language.
    pub lang: String,
    /// The phrase or gold text.
    pub text: String,
    /// What was expected.
    pub expected: String,
    /// What the tagger said.
    pub got: String,
}

/// The scores of one corpus file.
#[derive(Debug, Default)]
pub struct Report {
    /// Corpus name ("duckling", "rustling", "meantime").
    pub corpus: String,
    /// Per language and subset ("day+" or "all"): the score.
    pub scores: BTreeMap<(String, String), Score>,
    /// Rows that failed.
    pub failures: Vec<Failure>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ((lang, subset), s) in &self.scores {
            if self.corpus == "meantime" {
                writeln!(
                    f,
                    "{:<9} {lang} {subset:<6} gold {:>4}  found {:>4} ({:.3})  right {:>4} ({:.3})  precision {:.3} ({}/{})",
                    self.corpus,
                    s.total,
                    s.found,
                    s.found_rate(),
                    s.right,
                    s.right_rate(),
                    s.precision(),
                    s.reported_in_gold,
                    s.reported
                )?;
            } else {
                writeln!(
                    f,
                    "{:<9} {lang} {subset:<6} rows {:>4}  found {:>4} ({:.3})  right {:>4} ({:.3})  news-reading {:>4}  negatives {}/{} rejected",
                    self.corpus,
                    s.total,
                    s.found,
                    s.found_rate(),
                    s.right,
                    s.right_rate(),
                    s.right_news,
                    s.negatives - s.false_positives,
                    s.negatives
                )?;
            }
        }
        Ok(())
    }
}

/// Parses a Duckling-style timestamp, keeping the wall-clock time and dropping the offset.
/// Duckling writes a year before the common era as it is written, negated ("2014 BC" is
/// `-2014-01-01`); the calendar has no year 0, so that is the astronomical year -2013.
fn parse_wall(s: &str) -> Option<NaiveDateTime> {
    if let Some(bc) = s.strip_prefix('-') {
        let t = parse_wall(bc)?;
        return t.with_year(1 - t.year());
    }
    let head = s.get(..19)?;
    NaiveDateTime::parse_from_str(head, "%Y-%m-%dT%H:%M:%S").ok()
}

/// The grain names of the corpora, coarsest last.
fn grain_rank(g: &str) -> Option<u8> {
    Some(match g {
        "second" => 0,
        "minute" => 1,
        "hour" => 2,
        "day" => 3,
        "week" => 4,
        "month" => 5,
        "quarter" => 6,
        "season" => 6,
        "year" => 7,
        "decade" => 8,
        _ => return None,
    })
}

fn our_rank(g: Grain) -> u8 {
    grain_rank(g.name()).unwrap_or(3)
}

/// The exclusive end of an expected instant at a grain.
fn grain_end(start: NaiveDate, grain: &str) -> Option<NaiveDate> {
    match grain {
        "week" => start.checked_add_signed(Duration::days(7)),
        "month" => start.checked_add_months(chrono::Months::new(1)),
        "quarter" => start.checked_add_months(chrono::Months::new(3)),
        "year" => start.checked_add_months(chrono::Months::new(12)),
        _ => start.succ_opt(),
    }
}

/// Duckling gives "N units ago" a grain one step finer than the unit: these pairs.
fn ago_finer(ours: Grain, expected: &str) -> bool {
    matches!(
        (ours, expected),
        (Grain::Year, "month")
            | (Grain::Month, "day")
            | (Grain::Week, "day")
            | (Grain::Quarter, "month")
            | (Grain::Day, "hour")
            | (Grain::Hour, "minute")
            | (Grain::Minute, "second")
    )
}

/// Is `t` right for the expected value?
fn value_right(t: &Timex, e: &Expected) -> bool {
    let fine = |g: &str| grain_rank(g).is_some_and(|r| r < 3);
    match e.kind.as_str() {
        "value" => {
            let Some(v) = e.value.as_deref().and_then(parse_wall) else {
                return false;
            };
            let day = v.date();
            if fine(&e.grain) {
                return t.start_date == day && t.end_date == day;
            }
            let Some(er) = grain_rank(&e.grain) else {
                return false;
            };
            let or = our_rank(t.grain);
            if t.start_date == day && er.abs_diff(or) <= 1 {
                // Same start at the same or a neighbouring grain, and the same extent at the same grain.
                return er != or
                    || grain_end(day, &e.grain).and_then(|x| x.pred_opt()) == Some(t.end_date)
                    || t.modifier.is_some();
            }
            ago_finer(t.grain, &e.grain) && t.start_date <= day && day <= t.end_date
        }
        "interval" => {
            let first = e.from.as_deref().and_then(parse_wall).map(|d| d.date());
            let last =
                e.to.as_deref()
                    .and_then(parse_wall)
                    .and_then(|d| d.checked_sub_signed(Duration::seconds(1)))
                    .map(|d| d.date());
            match e.open.as_deref() {
                Some("before") => {
                    let Some(to) = e.to.as_deref().and_then(parse_wall) else {
                        return false;
                    };
                    matches!(t.modifier, Some(Modifier::Until | Modifier::Before))
                        && (t.start_date == to.date()
                            || t.end_date.succ_opt() == Some(to.date())
                            || t.end_date == to.date())
                }
                Some("after") => {
                    matches!(t.modifier, Some(Modifier::Since | Modifier::After))
                        && Some(t.start_date) == first
                }
                _ => Some(t.start_date) == first && Some(t.end_date) == last,
            }
        }
        _ => false,
    }
}

/// The timex that answers for a whole phrase: the one covering the most of it.
fn main_timex(ts: &[Timex]) -> Option<&Timex> {
    ts.iter().max_by_key(|t| t.end - t.start)
}

fn describe(ts: &[Timex]) -> String {
    match main_timex(ts) {
        None => "nothing".into(),
        Some(t) => format!(
            "'{}' {} {} {}..{}{}",
            t.text,
            t.value,
            t.grain.name(),
            t.start_date,
            t.end_date,
            t.modifier.map(|m| format!(" {m:?}")).unwrap_or_default()
        ),
    }
}

fn describe_expected(e: &Option<Expected>) -> String {
    match e {
        None => "not a date".into(),
        Some(e) => match e.kind.as_str() {
            "value" => format!(
                "{} {}",
                e.value.as_deref().unwrap_or("?").get(..19).unwrap_or("?"),
                e.grain
            ),
            _ => format!(
                "{}..{} {}{}",
                e.from.as_deref().and_then(|s| s.get(..19)).unwrap_or(""),
                e.to.as_deref().and_then(|s| s.get(..19)).unwrap_or(""),
                e.grain,
                e.open
                    .as_deref()
                    .map(|o| format!(" open {o}"))
                    .unwrap_or_default()
            ),
        },
    }
}

/// Scores a Duckling or rustling JSON Lines corpus.
pub fn score_phrases(corpus: &str, content: &str) -> Report {
    let mut report = Report {
        corpus: corpus.to_string(),
        ..Report::default()
    };
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(row) = serde_json::from_str::<PhraseRow>(line) else {
            continue;
        };
        let Some(reference) = parse_wall(&row.reference) else {
            continue;
        };
        let news = tag_with(&row.text, &row.lang, reference, Lean::Past);
        let future = tag_with(&row.text, &row.lang, reference, Lean::Future);
        let day_plus = row
            .expected
            .as_ref()
            .is_none_or(|e| grain_rank(&e.grain).is_some_and(|r| r >= 3));
        let mut subsets = vec!["all"];
        if day_plus {
            subsets.push("day+");
        }
        if row.status.as_deref() == Some("known_failure_commented_out") {
            subsets.push("rustling-failures");
        }
        let _ = &row.set;
        let mut failed = false;
        for subset in subsets {
            let s = report
                .scores
                .entry((row.lang.clone(), subset.to_string()))
                .or_default();
            match &row.expected {
                None => {
                    s.negatives += 1;
                    if !news.is_empty() {
                        s.false_positives += 1;
                        failed = true;
                    }
                }
                Some(e) => {
                    s.total += 1;
                    if !news.is_empty() {
                        s.found += 1;
                    }
                    let ok_news = main_timex(&news).is_some_and(|t| value_right(t, e));
                    let ok_future = main_timex(&future).is_some_and(|t| value_right(t, e));
                    if ok_news {
                        s.right_news += 1;
                    }
                    if ok_news || ok_future {
                        s.right += 1;
                    } else {
                        failed = true;
                    }
                }
            }
        }
        if failed {
            report.failures.push(Failure {
                lang: row.lang.clone(),
                text: row.text.clone(),
                expected: describe_expected(&row.expected),
                got: describe(&news),
            });
        }
    }
    report
}

#[derive(Debug, Deserialize)]
struct MeantimeDoc {
    lang: String,
    dct: String,
    text: String,
    timexes: Vec<GoldTimex>,
}

#[derive(Debug, Deserialize)]
struct GoldTimex {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    start: usize,
    end: usize,
}

/// A TIMEX3 calendar value as a period: (first day, last day, grain rank). Trailing
/// unspecified parts (`1989-XX-XX`, `2011-06-XX`) leave the coarser period; a week's
/// weekend is `2010-W04-WE`.
fn timex3_period(v: &str) -> Option<(NaiveDate, NaiveDate, u8)> {
    let date_part = v.split('T').next().unwrap_or(v);
    let mut parts: Vec<&str> = date_part.split('-').collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| p.eq_ignore_ascii_case("xx")) {
        parts.pop();
    }
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_, w, "WE"] if w.starts_with('W') => {
            let w: u32 = w.get(1..)?.parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Sat)?;
            Some((s, s.succ_opt()?, 4))
        }
        [y] if y.len() == 4 => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
            7,
        )),
        [y] if y.len() == 3 => Some((
            NaiveDate::from_ymd_opt(year * 10, 1, 1)?,
            NaiveDate::from_ymd_opt(year * 10 + 9, 12, 31)?,
            8,
        )),
        [_, m] if m.starts_with('Q') => {
            let q: u32 = m.get(1..)?.parse().ok()?;
            let s = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
            Some((
                s,
                s.checked_add_months(chrono::Months::new(3))?.pred_opt()?,
                6,
            ))
        }
        [_, m] if m.starts_with('W') => {
            let w: u32 = m.get(1..)?.parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?;
            Some((s, s.checked_add_signed(Duration::days(6))?, 4))
        }
        [_, m] if matches!(*m, "SP" | "SU" | "FA" | "AU" | "WI") => {
            let sm = match *m {
                "SP" => 3,
                "SU" => 6,
                "FA" | "AU" => 9,
                _ => 12,
            };
            let s = NaiveDate::from_ymd_opt(year, sm, 1)?;
            Some((
                s,
                s.checked_add_months(chrono::Months::new(3))?.pred_opt()?,
                6,
            ))
        }
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            let s = NaiveDate::from_ymd_opt(year, m, 1)?;
            Some((
                s,
                s.checked_add_months(chrono::Months::new(1))?.pred_opt()?,
                5,
            ))
        }
        [_, m, d, ..] => {
            let m: u32 = m.parse().ok()?;
            let d: u32 = d.get(..2.min(d.len()))?.parse().ok()?;
            let s = NaiveDate::from_ymd_opt(year, m, d)?;
            Some((s, s, 3))
        }
        _ => None,
    }
}

fn meantime_right(t: &Timex, gold: &GoldTimex, dct: NaiveDate) -> bool {
    let period = |v: &str| {
        if v == "PRESENT_REF" {
            Some((dct, dct, 3))
        } else {
            timex3_period(v)
        }
    };
    let Some((gs, ge, gr)) = period(&gold.value) else {
        return false;
    };
    // Compare values, as TIMEX3 does: the first part of a range, at its own grain.
    let ours = t.value.split('/').next().unwrap_or("");
    let Some((os, oe, or)) = period(ours) else {
        return false;
    };
    os == gs && (oe == ge || or.abs_diff(gr) <= 1 || gr == 3)
}

/// Scores the MEANTIME corpus (a JSON array of documents).
pub fn score_meantime(content: &str) -> Report {
    let mut report = Report {
        corpus: "meantime".into(),
        ..Report::default()
    };
    let Ok(docs) = serde_json::from_str::<Vec<MeantimeDoc>>(content) else {
        return report;
    };
    for doc in docs {
        let Ok(dct) = NaiveDate::parse_from_str(doc.dct.get(..10).unwrap_or(""), "%Y-%m-%d") else {
            continue;
        };
        let reference = dct.and_hms_opt(12, 0, 0).unwrap_or_default();
        let tagged = tag_with(&doc.text, &doc.lang, reference, Lean::Past);
        let overlaps = |t: &Timex, g: &GoldTimex| t.start < g.end && g.start < t.end;
        for subset in ["dates", "all"] {
            let s = report
                .scores
                .entry((doc.lang.clone(), subset.to_string()))
                .or_default();
            for g in &doc.timexes {
                let is_date = matches!(g.kind.as_str(), "DATE" | "TIME")
                    && g.value.chars().next().is_some_and(|c| c.is_ascii_digit());
                if subset == "dates" && !is_date {
                    continue;
                }
                s.total += 1;
                let hits: Vec<&Timex> = tagged.iter().filter(|t| overlaps(t, g)).collect();
                if !hits.is_empty() {
                    s.found += 1;
                }
                if hits.iter().any(|t| meantime_right(t, g, dct)) {
                    s.right += 1;
                    s.right_news += 1;
                } else if subset == "dates" {
                    report.failures.push(Failure {
                        lang: doc.lang.clone(),
                        text: g.text.clone(),
                        expected: format!("{} (dct {})", g.value, dct),
                        got: if hits.is_empty() {
                            "nothing".into()
                        } else {
                            hits.iter()
                                .map(|t| format!("'{}' {} {}", t.text, t.value, t.grain.name()))
                                .collect::<Vec<_>>()
                                .join("; ")
                        },
                    });
                }
            }
            s.reported += tagged.len();
            s.reported_in_gold += tagged
                .iter()
                .filter(|t| doc.timexes.iter().any(|g| overlaps(t, g)))
                .count();
        }
    }
    report
}

/// A floor: corpus, language, subset, metric and the least value allowed.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    /// "duckling", "rustling" or "meantime".
    pub corpus: String,
    /// Language code.
    pub lang: String,
    /// Subset name ("day+", "all", "dates", "rustling-failures").
    pub subset: String,
    /// "found", "right" or "precision".
    pub metric: String,
    /// Least value.
    pub min: f64,
}

/// Parses a floors file: `corpus lang subset metric min` per line, `#` comments.
pub fn parse_floors(content: &str) -> Vec<Floor> {
    content
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let [corpus, lang, subset, metric, min] = f.as_slice() else {
                return None;
            };
            Some(Floor {
                corpus: corpus.to_string(),
                lang: lang.to_string(),
                subset: subset.to_string(),
                metric: metric.to_string(),
                min: min.parse().ok()?,
            })
        })
        .collect()
}

/// Checks reports against floors; returns a line for each floor not met (or not measured).
pub fn check_floors(reports: &[Report], floors: &[Floor]) -> Vec<String> {
    let mut broken = Vec::new();
    for f in floors {
        let score = reports
            .iter()
            .filter(|r| r.corpus == f.corpus)
            .find_map(|r| r.scores.get(&(f.lang.clone(), f.subset.clone())));
        let Some(s) = score else {
            broken.push(format!(
                "{} {} {}: not measured",
                f.corpus, f.lang, f.subset
            ));
            continue;
        };
        let v = match f.metric.as_str() {
            "found" => s.found_rate(),
            "right" => s.right_rate(),
            "precision" => s.precision(),
            _ => {
                broken.push(format!("unknown metric {}", f.metric));
                continue;
            }
        };
        if v + 1e-9 < f.min {
            broken.push(format!(
                "{} {} {} {}: {:.3} is below the floor {:.3}",
                f.corpus, f.lang, f.subset, f.metric, v, f.min
            ));
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex3_values_with_unspecified_parts_and_weekends() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(
            timex3_period("1989-XX-XX"),
            Some((d(1989, 1, 1), d(1989, 12, 31), 7))
        );
        assert_eq!(
            timex3_period("2011-06-XX"),
            Some((d(2011, 6, 1), d(2011, 6, 30), 5))
        );
        assert_eq!(
            timex3_period("2010-W04-WE"),
            Some((d(2010, 1, 30), d(2010, 1, 31), 4))
        );
        assert_eq!(timex3_period("2005-WXX-1"), None);
    }

    #[test]
    fn floors_parse_and_check() {
        let floors = parse_floors("# c\nduckling it day+ right 0.5\n");
        assert_eq!(floors.len(), 1);
        let mut r = Report {
            corpus: "duckling".into(),
            ..Report::default()
        };
        r.scores.insert(
            ("it".into(), "day+".into()),
            Score {
                total: 10,
                right: 4,
                ..Score::default()
            },
        );
        assert_eq!(check_floors(&[r], &floors).len(), 1);
    }

    #[test]
    fn a_year_before_the_common_era_is_read_as_written() {
        let t = parse_wall("-2014-01-01T00:00:00.000-02:00").expect("a BC year");
        assert_eq!(t.year(), -2013);
        let row = r#"{"lang": "en", "reference": "2013-02-12T04:30:00-02:00", "text": "in 2014 BC", "expected": {"type": "value", "value": "-2014-01-01T00:00:00.000-02:00", "grain": "year"}}"#;
        let r = score_phrases("duckling", row);
        let s = &r.scores[&("en".to_string(), "day+".to_string())];
        assert_eq!((s.total, s.right), (1, 1));
    }

    #[test]
    fn a_phrase_row_scores() {
        let row = r#"{"lang": "it", "reference": "2013-02-12T04:30:00-02:00", "text": "tre mesi fa", "expected": {"type": "value", "value": "2012-11-12T00:00:00.000-02:00", "grain": "day"}, "set": "main", "latent": false}"#;
        let r = score_phrases("duckling", row);
        let s = &r.scores[&("it".to_string(), "day+".to_string())];
        assert_eq!((s.total, s.found, s.right), (1, 1, 1));
    }
}
