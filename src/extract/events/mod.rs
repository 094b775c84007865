//! Events: sentences with a trigger ("incontro", "schierati", "firmato un
//! trattato") become dated events of a kind, with their actors, places and
//! figures. The date is the time expression that governs the trigger, else
//! one carried over from the sentence before when the text goes on with the
//! same episode, else the publication date, marked as such.

pub mod mentions;
pub mod vocab;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::article::Article;
pub use crate::extract::lang::EventKind;
use crate::extract::lang::{BARE, DEATH, DRILL, EntityKind, LAUNCH, SEND, STRIKE};
use crate::extract::phrases::PhraseTable;
use crate::extract::sentences::Sentence;
use crate::extract::time::lexicon::Matches;
use crate::extract::time::token::Tokens;
use crate::extract::time::{Grain, Modifier, Timex, push_number};

/// A piece of the article's text with its character offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The words.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// A date written in full in the sentence.
    Explicit,
    /// A date in the sentence, resolved against the publication date.
    Relative,
    /// A date carried over from an earlier sentence about the same episode.
    Inherited,
    /// No date in the text: the publication date.
    Published,
}

/// An event's date: the period, its precision, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// TimeML-style value.
    pub value: String,
    /// Precision.
    pub grain: Grain,
    /// Modifier ("since", "planned", ...).
    #[serde(rename = "mod")]
    pub modifier: Option<Modifier>,
    /// First day, inclusive.
    #[serde(serialize_with = "crate::extract::time::serialize_date")]
    pub start_date: NaiveDate,
    /// Last day, inclusive.
    #[serde(serialize_with = "crate::extract::time::serialize_date")]
    pub end_date: NaiveDate,
    /// Where it came from.
    pub origin: DateOrigin,
    /// Index of the time expression in the article's `timexes`, if any.
    pub timex: Option<usize>,
}

impl EventDate {
    /// The date of a time expression.
    pub fn from_timex(t: &Timex, index: usize, origin: DateOrigin) -> Self {
        EventDate {
            value: t.value.clone(),
            grain: t.grain,
            modifier: t.modifier,
            start_date: t.start_date,
            end_date: t.end_date,
            origin,
            timex: Some(index),
        }
    }
}

/// A number with what it counts: `10.000 soldati` = 10000 soldiers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The value.
    pub value: f64,
    /// What it counts, in English ("soldiers", "km", "USD", "percent").
    pub unit: String,
    /// The words as written.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// One event reported in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Stable id within the article.
    pub id: String,
    /// What kind of event.
    pub kind: EventKind,
    /// Subkind ("visit", "talks", "call", "summit", "signing", ...).
    pub subkind: Option<String>,
    /// A short English label ("Meeting: Vladimir Putin, Choe Son Hui (Kremlin)").
    pub label: String,
    /// When.
    pub date: EventDate,
    /// The sentence it comes from.
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// People, countries and organisations taking part, by their canonical names.
    pub actors: Vec<String>,
    /// People's roles as the text gives them: name to role ("Choe Son Hui":
    /// "ministra degli Esteri nordcoreana").
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub roles: std::collections::BTreeMap<String, String>,
    /// Where.
    pub places: Vec<String>,
    /// Numbers with units.
    pub figures: Vec<Figure>,
    /// How sure the extractor is, 0-1.
    pub confidence: f32,
    /// Countries the actors act for (Vladimir Putin: Russia), for merging reports.
    #[serde(skip)]
    pub affiliations: Vec<String>,
    /// The actors who are people, for merging reports.
    #[serde(skip)]
    pub people: Vec<String>,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
struct TriggerAt {
    first: usize,
    end: usize,
    kind: EventKind,
    subkind: &'static str,
}

/// How far (in tokens) a trigger reaches for its date; beyond, the date is not its own.
const DATE_REACH: usize = 40;

/// Token index of the first token at or after byte `b`.
fn token_at_byte(toks: &Tokens, b: usize) -> usize {
    toks.list.partition_point(|t| t.bytes.start < b)
}

/// [`token_at_byte`] for offsets asked in text order (the sentences' starts, or their
/// ends): it walks on from the last answer instead of searching all the tokens again.
struct TokenCursor<'t> {
    toks: &'t Tokens,
    /// Every token before it starts before `last`.
    at: usize,
    last: usize,
}

impl<'t> TokenCursor<'t> {
    fn new(toks: &'t Tokens) -> Self {
        TokenCursor {
            toks,
            at: 0,
            last: 0,
        }
    }

    fn at_byte(&mut self, b: usize) -> usize {
        if b < self.last {
            self.at = 0;
        }
        self.last = b;
        while self
            .toks
            .list
            .get(self.at)
            .is_some_and(|t| t.bytes.start < b)
        {
            self.at += 1;
        }
        self.at
    }
}

fn span(text: &str, toks: &Tokens, first: usize, end: usize) -> Option<Span> {
    let a = toks.list.get(first)?;
    let z = toks.list.get(end.checked_sub(1)?)?;
    Some(Span {
        text: text.get(a.bytes.start..z.bytes.end)?.to_string(),
        start: a.chars.start,
        end: z.chars.end,
    })
}

/// A short English label: "Meeting: Vladimir Putin, Choe Son Hui (Kremlin)": the
/// kind, up to three of the names (", …" for more), and the first place.
fn label<'a>(kind: EventKind, named: impl Iterator<Item = &'a str>, places: &[&str]) -> String {
    // Room for the kind, a few names and a place, so that the label rarely grows.
    let mut l = String::with_capacity(80);
    l.push_str(kind.title());
    for (i, name) in named.enumerate() {
        if i == 3 {
            l.push_str(", …");
            break;
        }
        l.push_str(if i == 0 { ": " } else { ", " });
        l.push_str(name);
    }
    if let Some(p) = places.first() {
        l.push_str(" (");
        l.push_str(p);
        l.push(')');
    }
    l
}

/// `%Y-%m-%d`, written digit by digit for the years it gives four digits (chrono's
/// `format` parses its pattern at every call).
fn iso_day(d: NaiveDate) -> String {
    if let Ok(year @ 0..=9999) = u64::try_from(d.year()) {
        let mut day = String::with_capacity(10);
        push_number(&mut day, year, 4);
        for part in [d.month(), d.day()] {
            day.push('-');
            push_number(&mut day, u64::from(part), 2);
        }
        day
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// The id of the `n`th event, `e{n}`, written without the formatting machinery.
fn event_id(n: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push('e');
    push_number(&mut id, n as u64, 1);
    id
}

/// The value itself where this is its last use, else a copy.
fn take_or_clone<T: Clone + Default>(v: &mut T, last: bool) -> T {
    if last { std::mem::take(v) } else { v.clone() }
}

fn push_unique<'a>(v: &mut Vec<&'a str>, s: &'a str) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Owned copies of names gathered as borrows.
fn owned(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Does token `k` end a clause (a comma, semicolon, colon or bracket)?
fn breaks_clause(toks: &Tokens, k: usize) -> bool {
    matches!(toks.norm(k), "," | ";" | ":" | "(" | ")")
}

/// Where the last clause of the sentence `first..end` begins, when it says who spoke
/// (", regional governor Serhiy Lysak said", ", ha riferito il sindaco"): a clause
/// after a comma with a speech verb and no trigger of an event other than a statement.
fn speaker_clause(
    toks: &Tokens,
    c: &vocab::Compiled,
    (first, end): (usize, usize),
    triggers: &[TriggerAt],
) -> Option<usize> {
    let from = (first..end).rev().find(|&k| toks.norm(k) == ",")? + 1;
    let speaks = (from..end).any(|k| c.speech.any_at(toks, k, |_| true));
    let reports_an_event = triggers
        .iter()
        .any(|t| t.first >= from && t.kind != EventKind::Statement);
    (speaks && !reports_an_event).then_some(from)
}

/// Where the head of the sentence `first..end` ends when it only says who reports
/// the sentence's events ("South Korea's military said North Korea fired", "le
/// stime dei servizi sudcoreani suggeriscono che la Corea del Nord ha inviato"):
/// the first speech verb, when every kept event other than a statement comes after
/// it and so does a name of another party. Who reports what it did itself ("North
/// Korea said it fired") names no one after the verb, and stays.
fn reporter_head(
    toks: &Tokens,
    c: &vocab::Compiled,
    (first, end): (usize, usize),
    kept: &[&TriggerAt],
    mentions: &[mentions::EntityMention],
) -> Option<usize> {
    let verb = (first..end).find(|&k| c.speech.any_at(toks, k, |_| true))?;
    let said = verb + c.speech.best_at(toks, verb, |_| true)?.len;
    let mut reported = kept
        .iter()
        .filter(|t| t.kind != EventKind::Statement)
        .peekable();
    let all_after = reported.peek().is_some() && reported.all(|t| t.first >= said);
    let another_party = mentions
        .iter()
        .any(|m| m.first >= said && m.end <= end && m.actor.is_some());
    (all_after && another_party).then_some(verb)
}

/// A verb at token `k` whose particle closes its clause ("Russland griff am Montag
/// Charkiw an"): its length and trigger. The sentence ends at `end`.
fn split_trigger(
    toks: &Tokens,
    c: &vocab::Compiled,
    k: usize,
    end: usize,
) -> Option<(usize, vocab::TriggerValue)> {
    let h = c.split_triggers.best_at(toks, k, |_| true)?;
    let after = k + h.len;
    // The sentence's own end, not the dot of "am 3. März".
    let stop = end
        .checked_sub(1)
        .filter(|&last| matches!(toks.norm(last), "." | "!" | "?" | "…"))
        .unwrap_or(end);
    let close = (after..stop)
        .find(|&x| breaks_clause(toks, x))
        .unwrap_or(stop);
    h.values.iter().find_map(|&i| {
        let (words, value) = c.particles.get(i)?;
        let at = close.checked_sub(words.len())?;
        (at > after
            && words
                .iter()
                .enumerate()
                .all(|(n, w)| toks.norm(at + n) == w))
        .then_some((h.len, *value))
    })
}

/// The tokens of the clause of the sentence `first..end` that holds the trigger.
fn clause_of(toks: &Tokens, (first, end): (usize, usize), t: TriggerAt) -> (usize, usize) {
    let from = (first..t.first)
        .rev()
        .find(|&k| breaks_clause(toks, k))
        .map_or(first, |k| k + 1);
    let to = (t.end..end)
        .find(|&k| breaks_clause(toks, k))
        .unwrap_or(end);
    (from, to)
}

/// How many words may stand between what a launch fires and the target word ("40
/// droni kamikaze contro").
const PROJECTILE_GAP: usize = 3;

/// How many words may stand between an attack and the capital it strikes ("attacks
/// against the capital Kyiv"); further on, a capital is its government ("The attack
/// came ten weeks after Kinshasa and Kigali signed").
const STRUCK_GAP: usize = 3;

/// How many words may stand between a target word and the target ("contro la
/// città di Kharkiv").
const TARGET_GAP: usize = 3;

/// Does the clause of a launch trigger fire something at a target named among the
/// sentence's `mentions`: what it fires, a target word, then a country, city or site
/// ("40 droni contro Kiev", "missiles at Kharkiv", "Drohnen auf Kiew")? A sea is no
/// target ("un missile nel Mar del Giappone" is a test), nor a country named elsewhere
/// in the clause ("the new tests complicate talks on Iran's nuclear programme").
fn launched_at_target(
    toks: &Tokens,
    c: &vocab::Compiled,
    mentions: &[mentions::EntityMention],
    sentence: (usize, usize),
    t: TriggerAt,
) -> bool {
    let (from, to) = clause_of(toks, sentence, t);
    let target_at = |k: usize| {
        let Some(h) = c.targets.best_at(toks, k, |_| true) else {
            return false;
        };
        let after = k + h.len;
        mentions.iter().any(|m| {
            m.first >= after
                && m.first <= after + TARGET_GAP
                && m.end <= to
                && !(after..m.first).any(|x| breaks_clause(toks, x))
                && matches!(
                    m.kind,
                    EntityKind::Country | EntityKind::City | EntityKind::Venue
                )
        })
    };
    (from..to).any(|k| {
        let Some(p) = c.projectiles.best_at(toks, k, |_| true) else {
            return false;
        };
        let after = k + p.len;
        (after..(after + PROJECTILE_GAP + 1).min(to)).any(target_at)
    })
}

/// The time expression that governs a trigger: the nearest in its sentence, a clause
/// boundary (comma, semicolon, dash, parenthesis) between them costing extra.
fn governing_timex(
    toks: &Tokens,
    timex_tokens: &[(usize, usize)],
    sentence: (usize, usize),
    t: &TriggerAt,
) -> Option<usize> {
    let (first, end) = sentence;
    // Time expressions are in text order: the sentence's are one slice of them.
    let from = timex_tokens.partition_point(|&(a, _)| a < first);
    let to = timex_tokens.partition_point(|&(a, _)| a < end);
    timex_tokens
        .iter()
        .enumerate()
        .take(to)
        .skip(from)
        .filter_map(|(ti, &(a, b))| {
            let (lo, hi) = if b <= t.first {
                (b, t.first)
            } else {
                (t.end, a)
            };
            let dist = hi.saturating_sub(lo);
            let clauses = (lo..hi)
                .filter(|&x| matches!(toks.norm(x), "," | ";" | ":" | "(" | ")" | "–" | "—"))
                .count();
            (dist <= DATE_REACH).then_some((dist + 6 * clauses, ti))
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, ti)| ti)
}

/// The article's title, to tell a sentence that repeats it (the title line at
/// the top of the text) from the article's own sentences. The title is looked
/// for in every sentence: its searcher is made once per article.
struct Title<'a> {
    title: &'a str,
    trimmed: &'a str,
    finder: memchr::memmem::Finder<'a>,
}

impl<'a> Title<'a> {
    fn of(article: &'a Article) -> Option<Self> {
        let title = article.title.as_deref()?;
        let trimmed = title.trim();
        Some(Title {
            title,
            trimmed,
            finder: memchr::memmem::Finder::new(trimmed),
        })
    }

    /// Is the sentence the title, a part of it, or the title with more around it?
    fn in_sentence(&self, sentence: &str) -> bool {
        let s = sentence.trim();
        !s.is_empty()
            && ((self.title.len() >= s.len() && self.title.contains(s))
                || (s.len() >= self.trimmed.len() && self.finder.find(s.as_bytes()).is_some()))
    }
}

/// Finds the events of an article, given its tokens, sentences and time expressions.
pub fn extract_events(
    article: &Article,
    toks: &Tokens,
    time_words: &Matches<'_>,
    sentences: &[Sentence],
    timexes: &[Timex],
    unresolved: &[std::ops::Range<usize>],
) -> Vec<Event> {
    let Some(c) = vocab::compiled(&article.lang) else {
        return Vec::new();
    };
    let text = &article.text;
    let title = Title::of(article);
    let timex_tokens: Vec<(usize, usize)> = timexes
        .iter()
        .map(|t| {
            (
                token_at_byte(toks, t.bytes.start),
                token_at_byte(toks, t.bytes.end),
            )
        })
        .collect();
    let mut timex_mask = vec![false; toks.list.len()];
    for &(a, b) in &timex_tokens {
        for flag in timex_mask.iter_mut().take(b).skip(a) {
            *flag = true;
        }
    }
    let in_timex = |k: usize| timex_mask.get(k).copied().unwrap_or(false);
    let entities = mentions::entities(text, toks, c);
    let figures = mentions::figures(toks, time_words, c, in_timex);
    let published = article.published.value.map(|p| p.date());

    let mut events: Vec<Event> = Vec::new();
    // The dated episode of the sentence before: its date, its names, its index.
    let mut episode: Option<(EventDate, Vec<&str>, usize)> = None;
    // The events of the sentence before, as a range of `events`.
    let mut previous_events = 0..0;
    let (mut starts, mut ends) = (TokenCursor::new(toks), TokenCursor::new(toks));
    for (si, s) in sentences.iter().enumerate() {
        let first = starts.at_byte(s.byte_start);
        let end = ends.at_byte(s.byte_end);
        if first >= end
            || title
                .as_ref()
                .is_some_and(|t| t.in_sentence(text.get(s.byte_start..s.byte_end).unwrap_or("")))
        {
            continue;
        }
        // The mentions are in token order, and none ends where it starts: the sentence's
        // are the ones from its first token on that start before its end.
        let in_sentence = {
            let from = entities.partition_point(|m| m.first < first);
            let rest = entities.get(from..).unwrap_or_default();
            rest.get(..rest.partition_point(|m| m.first < end))
                .unwrap_or_default()
        };
        // A blank line ends an episode.
        let new_paragraph = si > 0
            && sentences
                .get(si - 1)
                .and_then(|p| text.get(p.byte_end..s.byte_start))
                .is_some_and(|gap| gap.matches('\n').count() >= 2);
        if new_paragraph {
            episode = None;
        }
        let mut triggers: Vec<TriggerAt> = Vec::new();
        let mut k = first;
        while k < end {
            let best = c.triggers.best_at(toks, k, |h| {
                (!h.weak || toks.list.get(k).is_some_and(|t| t.capital))
                    && k + h.len <= end
                    && !in_timex(k)
            });
            let found = best
                .and_then(|h| Some((h.len, *h.values.first()?)))
                .or_else(|| split_trigger(toks, c, k, end).filter(|_| !in_timex(k)));
            match found {
                Some((len, (kind, subkind))) => {
                    // One event per kind in a sentence ("firmato ... un trattato" is one signing);
                    // meetings of different subkinds stay apart (a call, then a summit).
                    // (A bare trigger's mark is no subkind.)
                    let open = |s: &str| s.is_empty() || BARE.contains(&s);
                    let same = |t: &TriggerAt| {
                        t.kind == kind
                            && (kind != EventKind::Meeting
                                || t.subkind == subkind
                                || open(t.subkind)
                                || open(subkind))
                    };
                    match triggers.iter_mut().find(|t| same(t)) {
                        // A bare trigger is confirmed by another trigger of its kind;
                        // its mark is never handed on.
                        Some(t) if BARE.contains(&t.subkind) => t.subkind = subkind,
                        Some(t) if t.subkind.is_empty() && !BARE.contains(&subkind) => {
                            t.subkind = subkind
                        }
                        Some(_) => {}
                        None => triggers.push(TriggerAt {
                            first: k,
                            end: k + len,
                            kind,
                            subkind,
                        }),
                    }
                    k += len;
                }
                None => k += 1,
            }
        }
        // A bare trigger ([`BARE`]) is an event only in context: a launch or a test
        // when its sentence names what it fires ("launched an inquiry" is none), a
        // "sent" or an "exercise" when it names troops, arms or armed forces ("ha
        // inviato una lettera", "exercise its veto", "навчання в школах"), an "attack"
        // when it names arms, forces or a place ("attacked the budget", "a heart
        // attack"), a "met" when it names anyone ("met with criticism"), a "died" next
        // to arms, forces or an attack ("died at 90"); or when it goes on about an event
        // of its kind in the sentence before, in its paragraph or the next ("The launch
        // came days after...").
        let mentioned = |kinds: &[EntityKind]| in_sentence.iter().any(|m| kinds.contains(&m.kind));
        let named = |table: &PhraseTable<()>| (first..end).any(|k| table.any_at(toks, k, |_| true));
        for mark in BARE {
            let Some(kind) = triggers.iter().find(|t| t.subkind == mark).map(|t| t.kind) else {
                continue;
            };
            let in_context = match mark {
                LAUNCH => named(&c.projectiles),
                SEND | DRILL => named(&c.military),
                STRIKE => {
                    named(&c.military)
                        || named(&c.projectiles)
                        || mentioned(&[
                            EntityKind::Country,
                            EntityKind::City,
                            EntityKind::Region,
                            EntityKind::Venue,
                        ])
                }
                DEATH => {
                    named(&c.military)
                        || named(&c.projectiles)
                        || triggers
                            .iter()
                            .any(|t| t.kind == EventKind::Attack && t.subkind.is_empty())
                }
                _ => mentioned(&[
                    EntityKind::Person,
                    EntityKind::Country,
                    EntityKind::Organisation,
                    EntityKind::City,
                    EntityKind::Region,
                    EntityKind::Venue,
                ]),
            } || events
                .get(previous_events.clone())
                .is_some_and(|p| p.iter().any(|e| e.kind == kind));
            triggers.retain_mut(|t| {
                if t.subkind != mark {
                    return true;
                }
                t.subkind = "";
                // A named exercise: "навчання «Захід»", "the drills 'Zapad-2021'".
                in_context
                    || (mark == DRILL && matches!(toks.norm(t.end), "«" | "“" | "„" | "\"" | "'"))
            });
        }
        // A launch at a country, city or site is an attack ("lanciato 40 droni contro
        // Kiev"); one that is already an attack in the sentence takes it in.
        for ti in (0..triggers.len()).rev() {
            let Some(t) = triggers.get(ti).copied() else {
                continue;
            };
            if t.kind == EventKind::Test
                && launched_at_target(toks, c, in_sentence, (first, end), t)
            {
                if triggers.iter().any(|o| o.kind == EventKind::Attack) {
                    triggers.remove(ti);
                } else if let Some(t) = triggers.get_mut(ti) {
                    t.kind = EventKind::Attack;
                }
            }
        }
        // What a treaty provides for ("un patto che prevede assistenza militare in caso di
        // attacco") is its content, not more events.
        if let Some(treaty_at) = triggers
            .iter()
            .find(|t| t.kind == EventKind::Treaty)
            .map(|t| t.first)
        {
            triggers.retain(|t| {
                !(matches!(
                    t.kind,
                    EventKind::Aid | EventKind::Attack | EventKind::Deployment
                ) && t.first > treaty_at)
            });
        }
        let governing: Vec<Option<usize>> = triggers
            .iter()
            .map(|t| governing_timex(toks, &timex_tokens, (first, end), t))
            .collect();
        // A statement ("ha confermato", "un'analisi") is an event of its own only when it has a
        // date of its own, or nothing else happens in the sentence.
        let others: Vec<Option<usize>> = triggers
            .iter()
            .zip(&governing)
            .filter(|(t, _)| t.kind != EventKind::Statement)
            .map(|(_, g)| *g)
            .collect();
        let keep: Vec<bool> = triggers
            .iter()
            .zip(&governing)
            .map(|(t, g)| {
                t.kind != EventKind::Statement
                    || others.is_empty()
                    || (g.is_some() && !others.contains(g))
            })
            .collect();
        let sentence_figures = |first: usize, end: usize| -> Vec<Figure> {
            figures
                .iter()
                .filter(|f| f.first >= first && f.end <= end)
                .filter_map(|f| {
                    let sp = span(text, toks, f.first, f.end)?;
                    Some(Figure {
                        value: f.value,
                        unit: f.unit.clone(),
                        text: sp.text,
                        start: sp.start,
                        end: sp.end,
                    })
                })
                .collect()
        };
        if !keep.contains(&true) {
            // A sentence without an event of its own that goes on about the one before
            // ("Il missile ha percorso 700 chilometri") lends it its figures.
            if !new_paragraph && previous_events.end > previous_events.start {
                let extra = sentence_figures(first, end);
                for e in events
                    .iter_mut()
                    .take(previous_events.end)
                    .skip(previous_events.start)
                {
                    for f in &extra {
                        if !e.figures.iter().any(|g| g.start == f.start) {
                            e.figures.push(f.clone());
                        }
                    }
                }
            }
            previous_events = 0..0;
            continue;
        }
        let events_before = events.len();
        // The names are borrowed from the mentions until an event takes copies.
        let mut actors: Vec<&str> = Vec::new();
        let mut places: Vec<&str> = Vec::new();
        let mut affiliations: Vec<&str> = Vec::new();
        let mut people: Vec<&str> = Vec::new();
        let mut roles: std::collections::BTreeMap<String, String> = Default::default();
        // The triggers that stand for an event.
        let kept_triggers: Vec<&TriggerAt> = triggers
            .iter()
            .zip(&keep)
            .filter_map(|(t, k)| k.then_some(t))
            .collect();
        // The source a sentence is attributed to is no party to what it reports, but
        // it is the speaker of a statement.
        let only_statements = kept_triggers.iter().all(|t| t.kind == EventKind::Statement);
        // Who speaks at the end is an observer of an attack, a test or a deployment,
        // but often a party to a meeting, a treaty or aid ("L'intesa entrerà in vigore
        // domenica, ha precisato il ministro degli Esteri saudita").
        let parties_speak = kept_triggers.iter().any(|t| {
            matches!(
                t.kind,
                EventKind::Meeting | EventKind::Treaty | EventKind::Aid
            )
        });
        let speaker_from = if parties_speak {
            None
        } else {
            speaker_clause(toks, c, (first, end), &triggers)
        };
        // What the sentence's attacks strike: a name at most STRUCK_GAP words after
        // the trigger ("attacked Kyiv", "attacchi su Kiev", "griff am Montag Kiew an").
        let struck: Vec<std::ops::RangeInclusive<usize>> = kept_triggers
            .iter()
            .filter(|t| t.kind == EventKind::Attack)
            .map(|t| t.end..=t.end + STRUCK_GAP)
            .collect();
        // Who reports at the head of the sentence keeps only its place ("In Kursk,
        // Ukrainian officials said Russian forces attacked").
        // At a meeting, a treaty or aid the reporter is often a party ("Putin said he
        // met Kim", "Russia said it signed"), unless it is only named by an adjective
        // ("le stime dei servizi segreti sudcoreani suggeriscono che").
        let reporter_until = if only_statements {
            None
        } else {
            reporter_head(toks, c, (first, end), &kept_triggers, in_sentence).filter(|&verb| {
                !parties_speak
                    || in_sentence
                        .iter()
                        .filter(|m| m.end <= verb && m.actor.is_some())
                        .all(|m| toks.list.get(m.first).is_some_and(|t| !t.capital))
            })
        };
        for m in in_sentence.iter().filter(|m| m.end <= end) {
            if let Some(r) = &m.role {
                roles.entry(m.name.to_string()).or_insert_with(|| r.clone());
            }
            let source = m.source || speaker_from.is_some_and(|s| m.first >= s);
            if source && !only_statements {
                continue;
            }
            // A capital after an attack is what it struck ("Russia attacked Kyiv"),
            // not its government acting ("Kyiv said").
            if m.kind == EntityKind::City
                && m.place.is_none()
                && struck.iter().any(|r| r.contains(&m.first))
            {
                push_unique(&mut places, &m.name);
                continue;
            }
            if reporter_until.is_some_and(|r| m.end <= r) {
                if let Some(p) = &m.place {
                    push_unique(&mut places, p);
                }
                continue;
            }
            if let Some(a) = &m.actor {
                push_unique(&mut actors, a);
            }
            if let Some(p) = &m.place {
                push_unique(&mut places, p);
            }
            if let Some(a) = &m.affiliation {
                push_unique(&mut affiliations, a);
            }
            if m.kind == EntityKind::Person {
                push_unique(&mut people, &m.name);
            }
        }
        let mut figs = sentence_figures(first, end);
        let possible = (first..end).any(|k| c.possibility.any_at(toks, k, |_| true));
        let Some(mut sentence) = span(text, toks, first, end) else {
            continue;
        };
        let mut sentence_date: Option<EventDate> = None;
        // The last event of the sentence takes what only the events need; the ones
        // before it get copies.
        let last_kept = keep.iter().rposition(|k| *k);
        for (ti, ((t, g), kept)) in triggers.iter().zip(&governing).zip(&keep).enumerate() {
            if !kept {
                continue;
            }
            let last = Some(ti) == last_kept;
            let date = g.and_then(|ti| {
                let tx = timexes.get(ti)?;
                Some(EventDate::from_timex(
                    tx,
                    ti,
                    if tx.relative {
                        DateOrigin::Relative
                    } else {
                        DateOrigin::Explicit
                    },
                ))
            });
            let shares = |e: &(EventDate, Vec<&str>, usize)| {
                e.1.iter().any(|x| actors.contains(x) || places.contains(x))
            };
            // A sentence with a date that could not be resolved ("quattro giorni fa" in
            // an article with no publication date) has a date of its own: not the episode's.
            let own_date_unknown = unresolved
                .iter()
                .any(|r| r.start >= s.byte_start && r.end <= s.byte_end);
            let mut date = match (date, &episode) {
                (Some(d), _) => d,
                (None, _) if own_date_unknown => continue,
                (None, Some(e)) if shares(e) || si == e.2 + 1 => EventDate {
                    origin: DateOrigin::Inherited,
                    ..e.0.clone()
                },
                _ => {
                    let Some(p) = published else { continue };
                    EventDate {
                        value: iso_day(p),
                        grain: Grain::Day,
                        modifier: None,
                        start_date: p,
                        end_date: p,
                        origin: DateOrigin::Published,
                        timex: None,
                    }
                }
            };
            // Possible or planned matters more than approximate.
            if possible && matches!(date.modifier, None | Some(Modifier::Approx)) {
                date.modifier = Some(Modifier::Planned);
            }
            if date.origin != DateOrigin::Published && sentence_date.is_none() {
                sentence_date = Some(date.clone());
            }
            let Some(trigger) = span(text, toks, t.first, t.end) else {
                continue;
            };
            let mut confidence: f32 = if t.kind == EventKind::Statement {
                0.5
            } else {
                0.7
            };
            if matches!(date.origin, DateOrigin::Explicit | DateOrigin::Relative) {
                confidence += 0.1;
            }
            if !actors.is_empty() {
                confidence += 0.1;
            }
            if possible {
                confidence -= 0.1;
            }
            events.push(Event {
                id: event_id(events.len() + 1),
                kind: t.kind,
                subkind: (!t.subkind.is_empty()).then(|| t.subkind.to_string()),
                // People first in the label, then countries and organisations.
                label: label(
                    t.kind,
                    people
                        .iter()
                        .chain(actors.iter().filter(|a| !people.contains(a)))
                        .copied(),
                    &places,
                ),
                date,
                sentence: take_or_clone(&mut sentence, last),
                trigger,
                actors: owned(&actors),
                places: owned(&places),
                figures: take_or_clone(&mut figs, last),
                confidence: (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
                affiliations: owned(&affiliations),
                people: owned(&people),
                roles: take_or_clone(&mut roles, last),
            });
        }
        previous_events = events_before..events.len();
        if let Some(d) = sentence_date {
            let mut names = actors;
            names.extend(places);
            episode = Some((d, names, si));
        }
    }
    events
}
