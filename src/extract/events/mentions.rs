//! Mentions in an article's tokens: named entities (from the gazetteer, from
//! role words like "il ministro della Difesa, No Kwang Chol", and surnames of
//! people named in full elsewhere in the article) and figures with their units
//! (`10.000 soldati`, `1,2 miliardi di dollari`, `40%`).

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::vocab::Compiled;
use crate::extract::lang::EntityKind;
use crate::extract::time::lexicon::Matches;
use crate::extract::time::token::{TokKind, Tokens};

/// A named entity found in the text. Names from the gazetteer are borrowed from it;
/// only names read in the text are owned.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Canonical name.
    pub name: Cow<'static, str>,
    /// What it is.
    pub kind: EntityKind,
    /// As a participant (country, person, organisation, or a capital standing for its government).
    pub actor: Option<Cow<'static, str>>,
    /// As a place (after "a", "in", ...; or a city, region or venue).
    pub place: Option<Cow<'static, str>>,
    /// The country a person acts for, where the gazetteer says ("Vladimir Putin": Russia).
    pub affiliation: Option<Cow<'static, str>>,
    /// A person's role as the text gives it ("ministra degli Esteri nordcoreana").
    pub role: Option<String>,
    /// The sentence is attributed to it ("secondo i servizi sudcoreani", "according to
    /// the Pentagon"): it speaks of the event, it is no party to it.
    pub source: bool,
}

/// A number with its unit found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The value, multipliers applied.
    pub value: f64,
    /// Canonical unit.
    pub unit: String,
}

/// Does a word that names the doer end right before token `i` ("da parte della
/// Corea del Nord")?
fn after_agent(toks: &Tokens, c: &Compiled, i: usize) -> bool {
    (i.saturating_sub(4)..i).any(|s| c.agents.any_at(toks, s, |h| s + h.len == i))
}

/// Does a locative preposition stand shortly before token `i` ("a Mosca", "nella regione di Kursk")?
/// A one-word locative with an accent must have it, but for a capital: French "à"
/// is one, the verb "a" ("Séoul a indiqué que la Corée du Nord…") is none.
fn after_locative(text: &str, toks: &Tokens, c: &Compiled, i: usize) -> bool {
    for back in 1..=4 {
        let Some(s) = i.checked_sub(back) else { break };
        let as_written = |forms: &[&str]| {
            let surface = toks
                .list
                .get(s)
                .and_then(|t| text.get(t.bytes.clone()))
                .unwrap_or_default();
            // Capitals often go without their accents ("A Moscou").
            let capital = surface.chars().next().is_some_and(char::is_uppercase);
            forms
                .iter()
                .any(|f| f.is_ascii() || f.contains(' ') || capital || surface.to_lowercase() == *f)
        };
        if c.locatives.any_at(toks, s, |h| {
            (s + h.len == i || (s + h.len < i && (s + h.len..i).all(|k| is_lower_word(toks, k))))
                && as_written(h.values)
        }) {
            return true;
        }
        if !is_lower_word(toks, s) {
            break;
        }
    }
    false
}

fn is_lower_word(toks: &Tokens, k: usize) -> bool {
    toks.list
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && !t.capital)
}

fn is_name_word(toks: &Tokens, k: usize) -> bool {
    toks.list
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && t.capital && t.chars.len() >= 2)
}

/// The text of tokens `first..end` as written (hyphens kept, spaces between words).
fn written(text: &str, toks: &Tokens, first: usize, end: usize) -> String {
    let mut out = String::new();
    for k in first..end {
        let Some(t) = toks.list.get(k) else { break };
        if k > first && !t.joined {
            out.push(' ');
        }
        out.push_str(text.get(t.bytes.clone()).unwrap_or(""));
    }
    out
}

/// A run of 2-4 capitalised words from `i` (hyphenated parts joined): a personal name.
fn name_run(toks: &Tokens, i: usize) -> Option<usize> {
    let mut k = i;
    let mut words = 0;
    while words < 4 && is_name_word(toks, k) {
        words += 1;
        k += 1;
        // "Seong-kweun", "Jong-un"
        while toks.list.get(k).is_some_and(|t| t.joined)
            && toks.norm(k) == "-"
            && toks
                .list
                .get(k + 1)
                .is_some_and(|t| t.joined && t.kind == TokKind::Word)
        {
            k += 2;
        }
    }
    (words >= 2).then_some(k)
}

/// Finds the named entities of a text.
pub fn entities(text: &str, toks: &Tokens, c: &Compiled) -> Vec<EntityMention> {
    let mut found: Vec<EntityMention> = Vec::new();
    let mut covered = vec![false; toks.list.len()];
    let mut i = 0;
    while i < toks.list.len() {
        let best = c.entities.best_at(toks, i, |h| {
            !h.weak || toks.list.get(i).is_some_and(|t| t.capital)
        });
        let Some(h) = best else {
            i += 1;
            continue;
        };
        let Some(e) = h.values.first().and_then(|&ix| c.vocab.entities.get(ix)) else {
            i += 1;
            continue;
        };
        // A country written in lowercase is an adjective ("la tedesca Fondazione",
        // "nordcoreano"): the country acts, it is not a place.
        let adjective =
            e.kind == EntityKind::Country && toks.list.get(i).is_some_and(|t| !t.capital);
        let placed = !adjective && after_locative(text, toks, c, i) && !after_agent(toks, c, i);
        let name = Cow::Borrowed(e.name);
        let (actor, place) = match e.kind {
            EntityKind::Media => (None, None),
            EntityKind::Person | EntityKind::Organisation => (Some(name.clone()), None),
            EntityKind::Country if placed => (None, Some(name.clone())),
            EntityKind::Country => (Some(name.clone()), None),
            _ if placed => (None, Some(name.clone())),
            _ => match e.stands_for {
                Some(country) => (Some(Cow::Borrowed(country)), None),
                None => (None, Some(name.clone())),
            },
        };
        for flag in covered.iter_mut().skip(i).take(h.len) {
            *flag = true;
        }
        let affiliation = (e.kind == EntityKind::Person)
            .then_some(e.stands_for)
            .flatten()
            .map(Cow::Borrowed);
        found.push(EntityMention {
            first: i,
            end: i + h.len,
            name,
            kind: e.kind,
            actor,
            place,
            affiliation,
            role: None,
            source: false,
        });
        i += h.len;
    }
    // A country that describes an outlet right after it ("l'agenzia sudcoreana
    // Yonhap", "the South Korean news agency Yonhap") is the outlet's, not a party.
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let (Some(country), Some(outlet)) = (before.last_mut(), after.first()) else {
            continue;
        };
        let only_words_between = (country.end..outlet.first)
            .all(|x| toks.list.get(x).is_some_and(|t| t.kind == TokKind::Word));
        if country.kind == EntityKind::Country
            && outlet.kind == EntityKind::Media
            && outlet.first - country.end <= 2
            && only_words_between
        {
            country.actor = None;
            country.place = None;
        }
    }
    // People introduced by a role: "il ministro della Difesa, No Kwang Chol",
    // "Lee Seong-kweun, deputato sudcoreano".
    let mut people: Vec<EntityMention> = Vec::new();
    for r in 0..toks.list.len() {
        let Some(role) = c.roles.best_at(toks, r, |_| true) else {
            continue;
        };
        let after = r + role.len;
        for k in after..(after + 8).min(toks.list.len()) {
            if toks.list.get(k).is_some_and(|t| t.line_break)
                || matches!(toks.norm(k), "." | ";" | ":")
            {
                break;
            }
            if covered.get(k).copied().unwrap_or(true) {
                continue;
            }
            if let Some(end) = name_run(toks, k)
                .filter(|&e| (k..e).all(|x| !covered.get(x).copied().unwrap_or(true)))
            {
                people.push(person(text, toks, k, end));
                break;
            }
        }
        // Name, role: a run ending right before ", role".
        if r >= 3 && toks.norm(r - 1) == "," {
            let end = r - 1;
            let start = (end.saturating_sub(6)..end).find(|&s| name_run(toks, s) == Some(end));
            if let Some(s) =
                start.filter(|&s| (s..end).all(|x| !covered.get(x).copied().unwrap_or(true)))
            {
                people.push(person(text, toks, s, end));
            }
        }
    }
    for p in people {
        for flag in covered.iter_mut().skip(p.first).take(p.end - p.first) {
            *flag = true;
        }
        if !found.iter().any(|f| f.first == p.first) {
            found.push(p);
        }
    }
    // Surnames (or given names) of people named in full elsewhere: "Kim" for "Kim Jong Un".
    let mut parts: HashMap<String, Option<Cow<'static, str>>> = HashMap::default();
    for m in found.iter().filter(|m| m.kind == EntityKind::Person) {
        for part in m.name.split([' ', '-']).filter(|p| p.chars().count() >= 3) {
            let key = crate::extract::time::token::fold(part);
            parts
                .entry(key)
                .and_modify(|v| {
                    if v.as_deref() != Some(&*m.name) {
                        *v = None
                    }
                })
                .or_insert_with(|| Some(m.name.clone()));
        }
    }
    for (k, flag) in covered.iter().enumerate() {
        if *flag || !is_name_word(toks, k) {
            continue;
        }
        if let Some(Some(name)) = parts.get(toks.norm(k)) {
            let affiliation = found
                .iter()
                .find(|m| &m.name == name)
                .and_then(|m| m.affiliation.clone());
            found.push(EntityMention {
                first: k,
                end: k + 1,
                name: name.clone(),
                kind: EntityKind::Person,
                actor: Some(name.clone()),
                place: None,
                affiliation,
                role: None,
                source: false,
            });
        }
    }
    found.sort_by_key(|m| m.first);
    attach_roles(text, toks, c, &mut found);
    mark_sources(toks, c, &mut found);
    found
}

/// Gives people the role the text gives them: before the name ("la ministra degli
/// Esteri nordcoreana Choe Son Hui") or after it ("Lee Seong-kweun, deputato sudcoreano").
fn attach_roles(text: &str, toks: &Tokens, c: &Compiled, found: &mut [EntityMention]) {
    let starts: Vec<usize> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.first)
        .collect();
    let clause_end = |k: usize| {
        toks.list.get(k).is_none_or(|t| t.line_break)
            || matches!(toks.norm(k), "." | ";" | ":" | "!" | "?" | "(" | ")")
    };
    for m in found.iter_mut().filter(|m| m.kind == EntityKind::Person) {
        // Before: a role word at most seven tokens back, with no clause end or other person between.
        let before = (m.first.saturating_sub(7)..m.first).find(|&r| {
            c.roles.any_at(toks, r, |h| r + h.len <= m.first)
                && (r..m.first)
                    .all(|k| !clause_end(k) && !starts.iter().any(|&s| s == k && s != m.first))
                && !(r..m.first).any(|k| toks.norm(k) == "," && k + 1 < m.first)
        });
        let role = match before {
            Some(r) => Some(written(text, toks, r, m.first)),
            None if toks.norm(m.end) == "," && c.roles.any_at(toks, m.end + 1, |_| true) => {
                // After: the role and the words that go with it, up to the next punctuation.
                let mut k = m.end + 1;
                while k < m.end + 6
                    && toks
                        .list
                        .get(k)
                        .is_some_and(|t| t.kind == TokKind::Word && !t.line_break)
                    && !starts.contains(&k)
                {
                    k += 1;
                }
                Some(written(text, toks, m.end + 1, k))
            }
            None => None,
        };
        m.role = role
            .map(|r| r.trim_end_matches([',', ' ']).to_string())
            .filter(|r| !r.is_empty());
    }
}

/// How many words may stand between an attribution word and its source ("according
/// to a statement by the Pentagon").
const MAX_SOURCE_GAP: usize = 5;

/// Marks the mentions a sentence is attributed to: the first one after an attribution
/// word, in the same clause and at most [`MAX_SOURCE_GAP`] words on ("secondo i servizi
/// sudcoreani", "laut dem ukrainischen Generalstab"), and the ones joined to it by
/// "and" ("according to US and South Korean officials"). `found` is in text order.
fn mark_sources(toks: &Tokens, c: &Compiled, found: &mut [EntityMention]) {
    let clause_ends = |x: usize| {
        toks.list.get(x).is_none_or(|t| t.line_break)
            || matches!(
                toks.norm(x),
                "," | "." | ";" | ":" | "(" | ")" | "\"" | "«" | "»"
            )
    };
    let joins = |x: usize| {
        let word = toks.norm(x);
        c.and_words.iter().any(|w| w == word)
    };
    for r in 0..toks.list.len() {
        let Some(cue) = c
            .sources
            .best_at(toks, r, |_| true)
            .filter(|h| h.values.first().copied().unwrap_or(false))
        else {
            continue;
        };
        let mut from = r + cue.len;
        let mut first = true;
        let start = found.partition_point(|m| m.first < from);
        for m in found.iter_mut().skip(start) {
            let near = if first {
                m.first - from <= MAX_SOURCE_GAP && !(from..m.first).any(clause_ends)
            } else {
                m.first > from && (from..m.first).all(joins)
            };
            if !near {
                break;
            }
            m.source = true;
            from = m.end;
            first = false;
        }
    }
}

fn person(text: &str, toks: &Tokens, first: usize, end: usize) -> EntityMention {
    let name: Cow<'static, str> = Cow::Owned(written(text, toks, first, end));
    EntityMention {
        first,
        end,
        name: name.clone(),
        kind: EntityKind::Person,
        actor: Some(name),
        place: None,
        affiliation: None,
        role: None,
        source: false,
    }
}

/// Reads a number written with digits at token `i`: `10.000`, `1,2`, `10 000`, `10,000`, `1.2`.
fn number_at(toks: &Tokens, c: &Compiled, i: usize) -> Option<(f64, usize)> {
    let t = toks.list.get(i)?;
    if t.kind != TokKind::Num || t.digits > 15 {
        return None;
    }
    // Part of a model name, not a count: "K2", "F-16", "Su-35".
    let prev = i.checked_sub(1).and_then(|p| toks.list.get(p));
    let model = t.joined
        && prev.is_some_and(|p| {
            p.kind == TokKind::Word
                || (toks.norm(i - 1) == "-"
                    && i >= 2
                    && toks
                        .list
                        .get(i - 2)
                        .is_some_and(|w| w.kind == TokKind::Word && w.capital))
        });
    if model {
        return None;
    }
    let (thousands, decimal) = if c.table.decimal_comma {
        (".", ",")
    } else {
        (",", ".")
    };
    // Most numbers are one token: their text is only copied when groups join it.
    let mut int_part = Cow::Borrowed(toks.norm(i));
    let mut frac = "";
    let mut k = i + 1;
    loop {
        let sep = toks.list.get(k);
        let next = toks.list.get(k + 1);
        let joined_group = sep.is_some_and(|s| s.joined && s.kind == TokKind::Punct)
            && next.is_some_and(|n| n.joined && n.kind == TokKind::Num);
        if joined_group
            && toks.norm(k) == thousands
            && next.is_some_and(|n| n.digits == 3)
            && frac.is_empty()
        {
            int_part.to_mut().push_str(toks.norm(k + 1));
            k += 2;
        } else if joined_group && toks.norm(k) == decimal && frac.is_empty() {
            frac = toks.norm(k + 1);
            k += 2;
            break;
        } else if c.table.decimal_comma
            && sep.is_some_and(|s| {
                s.kind == TokKind::Num && !s.joined && s.digits == 3 && !s.line_break
            })
            && frac.is_empty()
            && int_part.len() <= 3
        {
            // "10 000" with a space between thousands.
            int_part.to_mut().push_str(toks.norm(k));
            k += 1;
        } else {
            break;
        }
    }
    let s = if frac.is_empty() {
        int_part
    } else {
        Cow::Owned(format!("{int_part}.{frac}"))
    };
    Some((s.parse().ok()?, k))
}

/// Finds the figures of a text; tokens for which `in_timex` is true are dates, not figures.
pub fn figures(
    toks: &Tokens,
    time_words: &Matches<'_>,
    c: &Compiled,
    in_timex: impl Fn(usize) -> bool,
) -> Vec<FigureMention> {
    let mut out = Vec::new();
    // Number words come from the language's time table ("cinque navi", "two missiles").
    let number_word = |i: usize| -> Option<(f64, usize)> {
        let m = time_words.at(i).iter().find(|m| !m.weak && m.len == 1)?;
        m.values.iter().find_map(|s| match s {
            crate::extract::lang::Sem::Num(v) if *v >= 2 => Some((f64::from(*v), i + 1)),
            _ => None,
        })
    };
    let mut i = 0;
    while i < toks.list.len() {
        if in_timex(i) {
            i += 1;
            continue;
        }
        // Only a number token can start a figure written in digits: the others are not
        // handed to `number_at` (most tokens are words).
        let digits = toks.list.get(i).is_some_and(|t| t.kind == TokKind::Num);
        let written_number = digits.then(|| number_at(toks, c, i)).flatten();
        let Some((mut value, mut k)) = written_number.or_else(|| number_word(i)) else {
            i += 1;
            continue;
        };
        let unit_at = |k: usize| {
            c.units
                .best_at(toks, k, |_| true)
                .and_then(|h| Some((c.vocab.units.get(*h.values.first()?)?.1, k + h.len)))
        };
        // "$1.2 billion", "€ 5 milioni"
        let before = i
            .checked_sub(1)
            .and_then(|b| unit_at(b).filter(|&(_, e)| e == i).map(|(u, _)| (u, b)));
        if let Some(h) = c.multipliers.best_at(toks, k, |_| true)
            && let Some(m) = h.values.first().and_then(|&ix| c.vocab.multipliers.get(ix))
        {
            value *= m.1;
            k += h.len;
        }
        let mut unit = None;
        for skip in 0..=2 {
            if let Some((u, e)) = unit_at(k + skip) {
                // Between the number and its unit only lowercase words ("di", "i", "of",
                // "ballistic"), no punctuation.
                if (k..k + skip).all(|x| is_lower_word(toks, x)) {
                    unit = Some((u, e));
                }
                break;
            }
        }
        let (first, unit) = match (unit, before) {
            (Some((u, e)), _) => {
                k = e;
                (i, u)
            }
            (None, Some((u, b))) => (b, u),
            (None, None) => {
                i = k.max(i + 1);
                continue;
            }
        };
        out.push(FigureMention {
            first,
            end: k,
            value,
            unit: unit.to_string(),
        });
        i = k.max(i + 1);
    }
    out
}
