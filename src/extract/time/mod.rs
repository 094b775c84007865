//! Time expressions (timexes): found in text with the language's table and
//! resolved against a reference date (the article's publication date).
//!
//! The pipeline: [`token`] splits the text, [`lexicon`] gives tokens their
//! meanings from the language table, [`grammar`] reads expressions from those
//! meanings, [`resolve`] turns each into a period of days, and [`tag`] adds
//! the modifiers (start/mid/end, since/until, approx, planned) and offsets.

pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod token;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::extract::lang::{Part, WeekParts};
use grammar::{Expr, Grammar, Open, Parsed, YearRef};
use resolve::{Ctx, Period};
use token::{TokKind, Tokens};

/// Precision of a resolved time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A minute of a day.
    Minute,
    /// An hour of a day.
    Hour,
    /// A day.
    Day,
    /// An ISO week (or a weekend).
    Week,
    /// A month.
    Month,
    /// A quarter (or a half year).
    Quarter,
    /// A season.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
}

impl Grain {
    /// The grain's name as in the output.
    pub fn name(self) -> &'static str {
        match self {
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
            Grain::Decade => "decade",
        }
    }
}

/// A modifier the text puts on a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modifier {
    /// "inizio ottobre", "early 2024".
    Start,
    /// "metà gennaio", "mid-2024".
    Mid,
    /// "fine ottobre", "late October".
    End,
    /// "circa", "intorno al", "negli ultimi giorni".
    Approx,
    /// "prima di", "più di tre anni fa".
    Before,
    /// "dopo", "meno di un anno fa".
    After,
    /// "da settembre": runs from the date to the reference date.
    Since,
    /// "fino a marzo", "entro la fine dell'anno".
    Until,
    /// A date after the reference date: planned or expected.
    Planned,
}

/// Which way to read a date that could be the last one or the next one ("marzo", "lunedì").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lean {
    /// The last one, unless the sentence speaks of the future (news default).
    #[default]
    Past,
    /// Always the next one (how Duckling reads them).
    Future,
}

/// A time expression found in a text and resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// The words as written.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// TimeML-style value at its real precision (`2025-10-28`, `2024-06`, `2025-W45`, `199`).
    pub value: String,
    /// Precision.
    pub grain: Grain,
    /// Modifier, if the text puts one.
    #[serde(rename = "mod")]
    pub modifier: Option<Modifier>,
    /// First day of the period, inclusive.
    #[serde(serialize_with = "serialize_date")]
    pub start_date: NaiveDate,
    /// Last day of the period, inclusive.
    #[serde(serialize_with = "serialize_date")]
    pub end_date: NaiveDate,
    /// Resolved against the reference date (not written in full).
    #[serde(skip)]
    pub relative: bool,
    /// Byte range in the text.
    #[serde(skip)]
    pub bytes: std::ops::Range<usize>,
}

/// Finds and resolves every time expression in `text`, a text in language `lang`,
/// against `reference`. Unknown languages give no timexes.
pub fn tag(text: &str, lang: &str, reference: NaiveDateTime) -> Vec<Timex> {
    tag_with(text, lang, reference, Lean::Past)
}

/// [`tag`] with a choice of how to read underspecified dates.
pub fn tag_with(text: &str, lang: &str, reference: NaiveDateTime, lean: Lean) -> Vec<Timex> {
    let toks = token::tokenize_keyed(text);
    tag_tokens(text, &toks, lang, reference, lean)
}

/// [`tag_with`] over tokens made already.
pub fn tag_tokens(
    text: &str,
    toks: &Tokens,
    lang: &str,
    reference: NaiveDateTime,
    lean: Lean,
) -> Vec<Timex> {
    let Some(lex) = lexicon::lexicon(lang) else {
        return Vec::new();
    };
    let matches = lex.match_all(toks);
    tag_counting(text, toks, &matches, lex, reference, lean).0
}

/// [`tag_tokens`] with the table entries already found at every token (by
/// [`lexicon::Lexicon::match_all`], shared with the events), and how many
/// expressions were read but name no day of the calendar (31 February, the
/// year 99999, a period past the year 9999) and were dropped, so that the
/// caller can say so.
pub fn tag_counting(
    text: &str,
    toks: &Tokens,
    matches: &lexicon::Matches<'_>,
    lex: &lexicon::Lexicon,
    reference: NaiveDateTime,
    lean: Lean,
) -> (Vec<Timex>, usize) {
    let mut dropped = 0;
    let grammar = Grammar::new(toks, matches, lex);
    let sentence = sentence_ids(toks);
    // The sentence of each expression found, for a time of day that speaks of a day
    // named before it in the sentence ("el pasado martes en Everett a las 18:00").
    let mut found_in: Vec<u32> = Vec::new();
    let next_anchor = next_anchors(toks, matches);
    let reaches = reaches_anchor(toks, matches, &next_anchor);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.list.len() {
        // Every expression holds an anchor (a number, a month, a unit, ...) within a few
        // tokens of its start: only there is the grammar worth running.
        let anchored = next_anchor
            .get(i)
            .is_some_and(|&a| (a as usize).saturating_sub(i) <= ANCHOR_REACH);
        let is_anchor = next_anchor.get(i).is_some_and(|&a| a as usize == i);
        let worth_trying = anchored
            && (!matches.at(i).is_empty() || grammar::starts_by_itself(toks, i))
            && (is_anchor || reaches.get(i + 1).copied().unwrap_or(false));
        if !worth_trying {
            i += 1;
            continue;
        }
        let Some(parsed) = grammar.parse_at(i) else {
            i += 1;
            continue;
        };
        let next = parsed.end.max(i + 1);
        // A sentence about the future turns underspecified months and days forward, but
        // not bare weekdays: news reports "on Friday" of the past even around "will"
        // ("announced plans Friday"). "This Monday" is turned ("will meet this Monday").
        let weekday = matches!(
            parsed.expr,
            Expr::Weekday {
                shift: None,
                week: None,
                ..
            }
        );
        let future = lean == Lean::Future
            || parsed.future_word
            || matches!(parsed.open, Some(Open::Until))
            || (!weekday && near_cue(toks, &sentence, i, |k| lex.is_future_cue(toks, k)));
        // "È arrivato il 3 marzo": a past tense near a date that names no year.
        let past = !future
            && lean == Lean::Past
            && near_cue(toks, &sentence, i, |k| lex.is_past_cue(toks, k));
        let here = sentence.get(i).copied();
        let anchor = match parsed.expr {
            Expr::Anaphor { unit, .. } => anchor_for(&out, widest_grain(unit)),
            Expr::SamePeriod { unit, .. } => {
                anchor_for(&out, unit.map_or(Grain::Year, widest_grain))
            }
            Expr::Time(_) => out
                .iter()
                .zip(&found_in)
                .next_back()
                .filter(|(t, s)| Some(**s) == here && t.grain <= Grain::Day)
                .map(|(t, _)| (t.start_date, Grain::Day)),
            _ => None,
        };
        if let Some(t) = build(
            text,
            toks,
            &parsed,
            Ctx {
                reference,
                future,
                past,
                seasons: lex.table.seasons,
                week_parts: lex.table.week_parts,
                always_next: lean == Lean::Future,
                anchor,
            },
        ) {
            out.push(t);
            found_in.push(here.unwrap_or(u32::MAX));
        } else {
            dropped += 1;
        }
        i = next;
    }
    (out, dropped)
}

/// The widest period an anaphor of `unit` may count from: "ese día" needs a day, "ese
/// año" a day, a month or a year.
fn widest_grain(unit: crate::extract::lang::Unit) -> Grain {
    use crate::extract::lang::Unit;
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => Grain::Day,
        Unit::Week | Unit::Weekend | Unit::Fortnight => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Quarter | Unit::Half => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
    }
}

/// The first day and the precision of the last expression in `found` no wider than
/// `widest`.
fn anchor_for(found: &[Timex], widest: Grain) -> Option<(NaiveDate, Grain)> {
    found
        .iter()
        .rev()
        .find(|t| t.grain <= widest)
        .map(|t| (t.start_date, t.grain))
}

/// How many tokens after a future cue a date may start and still be read forward
/// ("previste per marzo"), and how many before it ("a marzo saranno").
/// How far after its first token an expression's anchor may come at most
/// ("bis zum Ende des Monats": four tokens to "Monats"; the evaluation corpora
/// have none farther than five).
const ANCHOR_REACH: usize = 7;

/// For each token, the index of the first anchor at or after it (`u32::MAX` if none).
fn next_anchors(toks: &Tokens, matches: &lexicon::Matches<'_>) -> Vec<u32> {
    let n = toks.list.len();
    let mut out = vec![u32::MAX; n];
    let mut next = u32::MAX;
    for i in (0..n).rev() {
        let number = toks.list.get(i).is_some_and(|t| t.kind == TokKind::Num);
        if number
            || matches
                .at(i)
                .iter()
                .any(|m| m.values.iter().any(|&s| s.names_a_time()))
        {
            next = i as u32;
        }
        if let Some(o) = out.get_mut(i) {
            *o = next;
        }
    }
    out
}

/// For each token: do the tokens from it to the next anchor all belong to time
/// expressions (numbers, punctuation, table words, or words inside a table entry)?
/// An expression is one run of such tokens from its first word to its anchor, so
/// a start with a plain word before the anchor ("in the village of 300 people")
/// is not worth parsing.
fn reaches_anchor(toks: &Tokens, matches: &lexicon::Matches<'_>, next_anchor: &[u32]) -> Vec<bool> {
    let n = toks.list.len();
    let mut timeish = vec![false; n];
    let mut covered_to = 0;
    for (k, flag) in timeish.iter_mut().enumerate() {
        for m in matches.at(k) {
            covered_to = covered_to.max(k + m.len);
        }
        *flag = k < covered_to
            || toks
                .list
                .get(k)
                .is_some_and(|t| matches!(t.kind, TokKind::Num | TokKind::Punct))
            || grammar::starts_by_itself(toks, k);
    }
    let mut out = vec![false; n];
    let mut ok = false;
    for k in (0..n).rev() {
        let anchor = next_anchor.get(k).is_some_and(|&a| a as usize == k);
        ok = anchor || (ok && timeish.get(k).copied().unwrap_or(false));
        if let Some(o) = out.get_mut(k) {
            *o = ok;
        }
    }
    out
}

const CUE_REACH_BEFORE: usize = 6;
const CUE_REACH_AFTER: usize = 3;

/// Does a sentence start at token `i` (a line break, or a full stop, `!`, `?` or `;`
/// before it and a space between)?
fn sentence_starts(toks: &Tokens, i: usize) -> bool {
    toks.list.get(i).is_some_and(|t| t.line_break)
        || (i > 0
            && toks
                .list
                .get(i - 1)
                .is_some_and(|t| t.kind == TokKind::Punct)
            && matches!(toks.norm(i - 1), "." | "!" | "?" | ";")
            && toks.list.get(i).is_some_and(|t| !t.joined))
}

/// For each token, the number of its sentence.
fn sentence_ids(toks: &Tokens) -> Vec<u32> {
    let mut id = 0u32;
    (0..toks.list.len())
        .map(|i| {
            if i > 0 && sentence_starts(toks, i) {
                id += 1;
            }
            id
        })
        .collect()
}

/// Is token `i` near a cue that `is_cue` accepts (a word that speaks of the future,
/// or of the past), in the same sentence? A cue speaks for the words near it, not for
/// the whole sentence: "come emerso a settembre ... un patto che prevede" is about
/// September past. Asked only where an expression starts, so the cues are looked up
/// there alone.
fn near_cue(toks: &Tokens, sentence: &[u32], i: usize, is_cue: impl Fn(usize) -> bool) -> bool {
    // The cue may stand CUE_REACH_BEFORE tokens before the date or CUE_REACH_AFTER after it.
    let from = i.saturating_sub(CUE_REACH_BEFORE);
    let to = (i + CUE_REACH_AFTER).min(toks.list.len().saturating_sub(1));
    let here = sentence.get(i);
    (from..=to).any(|k| sentence.get(k) == here && is_cue(k))
}

/// Appends `n` in decimal with at least `width` digits, zeros in front, as `{:0width$}`
/// writes it; without the formatting machinery, for values made for every date and event.
pub(crate) fn push_number(out: &mut String, n: u64, width: u32) {
    let digits = n.checked_ilog10().unwrap_or(0) + 1;
    for _ in digits..width {
        out.push('0');
    }
    for place in (0..digits).rev() {
        let digit = n / 10u64.pow(place) % 10;
        out.push(char::from_digit(digit as u32, 10).unwrap_or('0'));
    }
}

/// Serializes a date as chrono does (`2025-10-28`), without its trip through the
/// formatting machinery a character at a time: every timex and event has two.
pub fn serialize_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        // The signed form ("+10000-01-01") is chrono's to write.
        return d.serialize(s);
    }
    let digit = |n: u32, place: u32| b'0' + (n / place % 10) as u8;
    let (y, m, day) = (year as u32, d.month(), d.day());
    let iso = [
        digit(y, 1000),
        digit(y, 100),
        digit(y, 10),
        digit(y, 1),
        b'-',
        digit(m, 10),
        digit(m, 1),
        b'-',
        digit(day, 10),
        digit(day, 1),
    ];
    match std::str::from_utf8(&iso) {
        Ok(iso) => s.serialize_str(iso),
        Err(_) => d.serialize(s),
    }
}

/// Is the expression written in full (needs no reference date)?
fn is_absolute(e: &Expr) -> bool {
    match e {
        Expr::Date { y, .. }
        | Expr::NthWeekday { y, .. }
        | Expr::NthUnitOf { y, .. }
        | Expr::Quarter { y, .. }
        | Expr::Half { y, .. }
        | Expr::Easter { y, .. }
        | Expr::EasterSpan { y, .. }
        | Expr::Observed { y, .. }
        | Expr::Movable { y, .. } => {
            matches!(y, YearRef::Abs(_))
        }
        Expr::Season { y, shift, .. } => shift.is_none() && matches!(y, YearRef::Abs(_)),
        Expr::Decade { .. } => true,
        Expr::Range(a, b) => is_absolute(a) && is_absolute(b),
        Expr::WithTime(e, _)
        | Expr::ShiftDays { base: e, .. }
        | Expr::Lasting { base: e, .. }
        | Expr::NthWeekdayFrom { base: e, .. }
        | Expr::Closest { base: e, .. } => is_absolute(e),
        _ => false,
    }
}

/// Narrows a period to its start, middle or end: a month to days 1-10, 11-20 or 21 to
/// its last day; longer or shorter periods to thirds.
fn narrow(p: &Period, part: Part, week_parts: WeekParts) -> (NaiveDate, NaiveDate) {
    let add = |d: NaiveDate, k: i64| d.checked_add_signed(Duration::days(k)).unwrap_or(d);
    if p.grain == Grain::Year {
        // The beginning of a year is its first quarter, the end its last four months.
        let y = p.start;
        let at = |m: u32, d: u32| NaiveDate::from_ymd_opt(y.year(), m, d).unwrap_or(y);
        return match part {
            Part::Start => (at(1, 1), at(3, 31)),
            Part::Mid => (at(5, 1), at(8, 31)),
            Part::End => (at(9, 1), p.end),
        };
    }
    if p.grain == Grain::Month {
        return match part {
            Part::Start => (p.start, add(p.start, 9)),
            Part::Mid => (add(p.start, 10), add(p.start, 19)),
            Part::End => (add(p.start, 20), p.end),
        };
    }
    if p.grain == Grain::Week && (p.end - p.start).num_days() == 6 {
        // The parts of a week are the language's (see `WeekParts`).
        let (a, b) = match part {
            Part::Start => week_parts.start,
            Part::Mid => week_parts.mid,
            Part::End => week_parts.end,
        };
        return (add(p.start, i64::from(a)), add(p.start, i64::from(b)));
    }
    let days = (p.end - p.start).num_days() + 1;
    if days < 3 {
        return (p.start, p.end);
    }
    let third = days / 3;
    match part {
        Part::Start => (p.start, add(p.start, third - 1)),
        Part::Mid => (add(p.start, third), add(p.start, 2 * third - 1)),
        Part::End => (add(p.start, 2 * third), p.end),
    }
}

fn build(text: &str, toks: &Tokens, p: &Parsed, ctx: Ctx) -> Option<Timex> {
    let mut period = resolve::resolve(&p.expr, &ctx)?;
    let today = ctx.reference.date();
    let first = toks.list.get(p.first)?;
    let last = toks.list.get(p.end.checked_sub(1)?)?;
    let mut modifier = None;
    if let Some(part) = p.part {
        let (s, e) = narrow(&period, part, ctx.week_parts);
        period.start = s;
        period.end = e;
        modifier = Some(match part {
            Part::Start => Modifier::Start,
            Part::Mid => Modifier::Mid,
            Part::End => Modifier::End,
        });
    }
    match p.open {
        Some(Open::Since) => {
            modifier = Some(Modifier::Since);
            if today > period.end {
                period.end = today;
            }
        }
        Some(Open::Until) => modifier = Some(Modifier::Until),
        Some(Open::Before) => modifier = Some(Modifier::Before),
        Some(Open::After) => modifier = Some(Modifier::After),
        None => {}
    }
    if modifier.is_none() && (p.approx || matches!(p.expr, Expr::Recent { .. })) {
        modifier = Some(Modifier::Approx);
    }
    if modifier.is_none() && period.start > today {
        modifier = Some(Modifier::Planned);
    }
    // "dal 2025" runs to the reference, which may lie past the years we resolve.
    if !resolve::in_years_of(&p.expr, period.start) || !resolve::in_years_of(&p.expr, period.end) {
        return None;
    }
    let bytes = first.bytes.start..last.bytes.end;
    Some(Timex {
        text: text.get(bytes.clone())?.to_string(),
        start: first.chars.start,
        end: last.chars.end,
        value: period.value,
        grain: period.grain,
        modifier,
        start_date: period.start,
        end_date: period.end,
        relative: !is_absolute(&p.expr),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reaches(text: &str) -> Vec<(String, bool)> {
        let toks = token::tokenize(text);
        let lex = lexicon::lexicon("en").expect("English table");
        let matches = lex.match_all(&toks);
        let next = next_anchors(&toks, &matches);
        let r = reaches_anchor(&toks, &matches, &next);
        (0..toks.list.len())
            .map(|i| (toks.norm(i).to_string(), r.get(i).copied().unwrap_or(false)))
            .collect()
    }

    #[test]
    fn only_runs_of_time_words_reach_an_anchor() {
        // "village" is no time word: "in the" cannot reach "300" through it.
        let r = reaches("in the village of 300 people");
        assert_eq!(r.first(), Some(&("in".to_string(), false)));
        assert_eq!(r.get(4), Some(&("300".to_string(), true)));
        // Table words all the way: "by the end of the month".
        assert!(reaches("by the end of the month").iter().all(|(_, ok)| *ok));
    }

    #[test]
    fn expressions_found_through_the_filter() {
        let reference = NaiveDate::from_ymd_opt(2025, 10, 28)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("date");
        for (lang, text, value) in [
            ("en", "It happened the day after tomorrow.", "2025-10-30"),
            ("en", "Talks resume by the end of the month.", "2025-10"),
            ("de", "Bis zum Ende des Monats kommt er.", "2025-10"),
            ("it", "Lo ha detto l'11 settembre scorso.", "2025-09-11"),
            ("en", "Sales fell in Q3 2024.", "2024-Q3"),
            ("fr", "Il est arrivé le 1er mars 2025.", "2025-03-01"),
        ] {
            let got = tag(text, lang, reference);
            assert!(
                got.iter().any(|t| t.value == value),
                "{lang} {text:?}: {:?}",
                got.iter().map(|t| &t.value).collect::<Vec<_>>()
            );
        }
    }
}
