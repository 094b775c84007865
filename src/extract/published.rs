//! The publication date an article states about itself: a dateline under the
//! headline (`Chas Pravdy - 28 Ottobre 2025 11:48`), a labelled header or
//! footer (`Data di creazione` / `Novembre 8, 2025`), or a date string from
//! HTML metadata (`2025-10-28T11:48:00+01:00`).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::extract::lang::table;
use crate::extract::time::lexicon::{Matches, lexicon};
use crate::extract::time::token::{TokKind, Tokens, fold_char_into, tokenize_keyed};
use crate::extract::time::{Grain, Lean, tag_counting};

/// How many non-empty lines at the top and at the bottom are searched.
const EDGE_LINES: usize = 15;
/// Lines longer than this are body text, not datelines.
const MAX_DATELINE_CHARS: usize = 160;
/// How much of a longer line can hold an inline dateline (it starts within 40 characters).
const INLINE_DATELINE_CHARS: usize = 100;

/// A publication moment found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Date and time (midnight when only the day is known).
    pub value: NaiveDateTime,
    /// The time of day was given.
    pub has_time: bool,
    /// How many words the date takes on its line.
    pub words: usize,
    /// The date opens its line and a dash follows it: a dateline before the text.
    pub inline: bool,
}

/// Can a line name a day of the calendar in full? Only with a month word, a
/// holiday, or numbers joined by `/`, `.` or `-` ("28/10/2025", "2025-10-28"):
/// most head and foot lines with a year ("© 2025", "nel 2025") have none, and
/// are not worth tagging.
fn may_name_a_day(toks: &Tokens, matches: &Matches<'_>) -> bool {
    (0..toks.list.len()).any(|i| {
        matches
            .at(i)
            .iter()
            .any(|m| m.values.iter().any(|s| s.can_name_a_day()))
            || (toks.list.get(i).is_some_and(|t| t.kind == TokKind::Num)
                && toks.list.get(i + 1).is_some_and(|t| t.joined)
                && matches!(toks.norm(i + 1), "/" | "." | "-")
                && toks
                    .list
                    .get(i + 2)
                    .is_some_and(|t| t.joined && t.kind == TokKind::Num))
    })
}

/// A date written in full on one line (no reference needed), at day precision or finer.
fn full_date_in(line: &str, lang: &str) -> Option<Found> {
    // Any reference works: only dates written in full are kept.
    let reference = NaiveDate::from_ymd_opt(2000, 1, 1)?.and_hms_opt(0, 0, 0)?;
    let lex = lexicon(lang)?;
    let toks = tokenize_keyed(line);
    let matches = lex.match_all(&toks);
    if !may_name_a_day(&toks, &matches) {
        return None;
    }
    tag_counting(line, &toks, &matches, lex, reference, Lean::Past)
        .0
        .into_iter()
        .find_map(|t| {
            if t.relative
                || t.start_date != t.end_date
                || !matches!(t.grain, Grain::Day | Grain::Hour | Grain::Minute)
            {
                return None;
            }
            let time = t.value.split_once('T').and_then(|(_, hm)| {
                let mut it = hm.split(':');
                let h: u32 = it.next()?.parse().ok()?;
                let m: u32 = it.next().unwrap_or("0").parse().ok()?;
                NaiveTime::from_hms_opt(h, m, 0)
            });
            // An inline dateline: "Roma, 12 marzo 2025 - Il ministro...", "Madrid, 24 de febrero (EFE).-"
            let rest = line.get(t.bytes.end..).unwrap_or("").trim_start();
            let rest = rest.strip_prefix(['.', ',']).unwrap_or(rest).trim_start();
            let inline = t.start <= 40 && rest.starts_with(['-', '–', '—', '(', '/', '|']);
            Some(Found {
                value: t.start_date.and_time(time.unwrap_or(NaiveTime::MIN)),
                has_time: time.is_some(),
                words: t.text.split_whitespace().count(),
                inline,
            })
        })
}

/// Does the line open with a label such as "Published:" in the language or in English?
fn has_label(line: &str, lang: &str) -> bool {
    let labels = || {
        [lang, "en"]
            .into_iter()
            .filter_map(table)
            .flat_map(|t| t.published_labels.iter())
    };
    // Labels are short: the folded opening of the line, one character longer than the
    // longest label, is all they are compared with (a paragraph is not folded whole).
    let longest = labels().map(|l| l.len()).max().unwrap_or(0);
    let mut folded = String::with_capacity(longest + 4);
    for c in line.trim().chars() {
        if folded.len() > longest {
            break;
        }
        fold_char_into(c, &mut folded);
    }
    labels().any(|label| {
        folded.starts_with(label)
            && folded[label.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Finds the publication date in an article's header or footer.
pub fn find_in_text(text: &str, lang: &str) -> Option<Found> {
    // Only the first and the last EDGE_LINES non-empty lines are searched, and the line
    // before the last ones for its label: they are taken from both ends, and the body
    // between is never split. With the lines between left out, the indices below still
    // tell head from foot as they would in the whole list.
    let mut all = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut lines: Vec<&str> = all.by_ref().take(EDGE_LINES).collect();
    let foot_start = lines.len();
    lines.extend(all.rev().take(EDGE_LINES + 1));
    if let Some(foot) = lines.get_mut(foot_start..) {
        foot.reverse();
    }
    let n = lines.len();
    let mut best: Option<(i32, Found)> = None;
    for (idx, line) in lines.iter().enumerate() {
        let in_head = idx < EDGE_LINES;
        let in_foot = idx + EDGE_LINES >= n;
        if !(in_head || in_foot) {
            continue;
        }
        // A long line (a paragraph) can only open with an inline dateline: look at its start.
        let long = line.chars().nth(MAX_DATELINE_CHARS).is_some();
        let line = if long {
            line.get(
                ..line
                    .char_indices()
                    .nth(INLINE_DATELINE_CHARS)
                    .map_or(line.len(), |(b, _)| b),
            )
            .unwrap_or(line)
        } else {
            line
        };
        // A date written in full has a year: a line without four digits in a row has none.
        let year_at = line
            .as_bytes()
            .windows(4)
            .position(|w| w.iter().all(u8::is_ascii_digit));
        // In a paragraph, an inline dateline has its dash or bracket after the date.
        let worth_tagging = year_at.is_some_and(|p| {
            !long
                || line
                    .get(p..)
                    .is_some_and(|rest| rest.contains(['-', '–', '—', '(', '/', '|']))
        });
        if !worth_tagging {
            continue;
        }
        let labelled = has_label(line, lang)
            || (idx > 0
                && lines
                    .get(idx - 1)
                    .is_some_and(|p| p.chars().nth(39).is_none() && has_label(p, lang)));
        let mut score = 0;
        if labelled {
            score += 4;
        }
        if in_head {
            score += 1;
        }
        if line.chars().nth(59).is_none() {
            score += 1;
        }
        // Tagging is the costly part: a line that cannot beat the best so far, even with
        // a time of day, is not tagged.
        if best.is_some_and(|(s, _)| score + 2 <= s) {
            continue;
        }
        let Some(found) = full_date_in(line, lang).filter(|f| !long || f.inline) else {
            continue;
        };
        // An unlabelled line must be mostly the date: "Chas Pravdy - 28 Ottobre 2025 11:48",
        // not a sentence that mentions one.
        let words_besides = line.split_whitespace().count().saturating_sub(found.words);
        if !labelled && words_besides > 6 && !found.inline {
            continue;
        }
        if found.has_time {
            score += 2;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, found));
        }
    }
    best.map(|(_, f)| f)
}

/// Parses a metadata date string: ISO 8601 (with or without time and offset), else
/// any date written in full in the given language.
pub fn parse_meta(s: &str, lang: &str) -> Option<Found> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(Found {
            value: dt.naive_local(),
            has_time: true,
            words: 1,
            inline: false,
        });
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s.get(..s.len().min(19))?, fmt) {
            return Some(Found {
                value: dt,
                has_time: true,
                words: 1,
                inline: false,
            });
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s.get(..s.len().min(10))?, "%Y-%m-%d") {
        return Some(Found {
            value: d.and_time(NaiveTime::MIN),
            has_time: false,
            words: 1,
            inline: false,
        });
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(Found {
            value: dt.naive_local(),
            has_time: true,
            words: 1,
            inline: false,
        });
    }
    full_date_in(s, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .unwrap_or_default()
    }

    #[test]
    fn dateline_with_time_under_the_headline() {
        let text = "• En\n• It\n\nRussia e Corea del Nord rafforzano la partnership\n\nChas Pravdy - 28 Ottobre 2025 11:48\n\nIl leader russo ha detto a luglio che...";
        assert_eq!(
            find_in_text(text, "it").map(|f| (f.value, f.has_time)),
            Some((at(2025, 10, 28, 11, 48), true))
        );
    }

    #[test]
    fn labelled_footer_on_the_next_line() {
        let text = "Titolo\n\nTesto dell'articolo, firmato nel 2019 e rinnovato a giugno.\n\nData di creazione\n\nNovembre 8, 2025\n\nAutore";
        assert_eq!(
            find_in_text(text, "it").map(|f| (f.value, f.has_time)),
            Some((at(2025, 11, 8, 0, 0), false))
        );
    }

    #[test]
    fn six_languages_usual_forms() {
        assert_eq!(
            find_in_text("Published: March 3, 2024 at 10:15", "en").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2024, 3, 3)
        );
        assert_eq!(
            find_in_text("Publicado el 3 de marzo de 2024", "es").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2024, 3, 3)
        );
        assert_eq!(
            find_in_text("Veröffentlicht am 3. März 2024, 10:15 Uhr", "de").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2024, 3, 3)
        );
        assert_eq!(
            find_in_text("Publié le 3 mars 2024 à 10h15", "fr").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2024, 3, 3)
        );
        assert_eq!(
            find_in_text("Опубліковано 3 березня 2024 року, 10:15", "uk").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2024, 3, 3)
        );
        assert_eq!(
            find_in_text("Pubblicato il 03/03/2024", "it").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2024, 3, 3)
        );
    }

    #[test]
    fn inline_datelines_open_the_first_paragraph() {
        let text = "Tregua in Sudan\n\nRoma, 12 marzo 2025 - Il ministro degli Esteri ha annunciato ieri una tregua di tre giorni tra le parti, dopo settimane di combattimenti nella regione del Darfur settentrionale e intorno alla città di El Fasher, dove la situazione resta drammatica.";
        assert_eq!(
            find_in_text(text, "it").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2025, 3, 12)
        );
        let es = "Madrid, 24 de febrero de 2025 (EFE).- El presidente chileno se reunió ayer con el rey.";
        assert_eq!(
            find_in_text(es, "es").map(|f| f.value.date()),
            NaiveDate::from_ymd_opt(2025, 2, 24)
        );
    }

    #[test]
    fn metadata_strings() {
        assert_eq!(
            parse_meta("2025-10-28T11:48:00+01:00", "it"),
            Some(Found {
                value: at(2025, 10, 28, 11, 48),
                has_time: true,
                words: 1,
                inline: false,
            })
        );
        assert_eq!(
            parse_meta("2025-10-28", "it").map(|f| f.has_time),
            Some(false)
        );
        assert_eq!(
            parse_meta("Tue, 28 Oct 2025 11:48:00 +0100", "en").map(|f| f.value),
            Some(at(2025, 10, 28, 11, 48))
        );
        assert_eq!(parse_meta("not a date", "en"), None);
    }

    #[test]
    fn no_date_no_answer() {
        assert_eq!(
            find_in_text("Un testo senza data.\nSolo parole.", "it"),
            None
        );
    }
}
