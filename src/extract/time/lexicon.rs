//! A language table compiled for look-up: built once per language, then
//! shared. Each token position gets the table entries that start there.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::token::{TokKind, Tokens, WordKeys, fold};
use crate::extract::lang::{LangTable, Sem, movable, tables};
use crate::extract::phrases::{BitFilter, Hit, PhraseTable, form_words};

/// A compiled language table.
#[derive(Debug)]
pub struct Lexicon {
    /// The table it was built from.
    pub table: &'static LangTable,
    phrases: PhraseTable<Sem>,
    stopwords: HashSet<String>,
    /// Words that speak of the future ("sarà", "will", "-ranno").
    future: Cues,
    /// Words that speak of the past ("ha", "was", "-arono").
    past: Cues,
}

/// Cue words of one kind (see [`LangTable::future_cues`]), compiled.
#[derive(Debug, Default)]
struct Cues {
    /// By their first word, when that word is short and must match whole.
    exact: HashMap<String, Vec<Vec<String>>>,
    /// Those whose first word is long enough to match as a prefix ("prevede" in
    /// "prevedono"), by their first [`CUE_KEY_CHARS`] characters: (first word, rest).
    prefix: HashMap<String, Vec<(String, Vec<String>)>>,
    /// Verb endings ("-ranno").
    suffixes: Vec<String>,
    /// The [`WordKeys::whole`] of the words `exact` is keyed by: most words of a
    /// text are told to be none of them without hashing the word into the map.
    exact_seen: BitFilter,
    /// The [`WordKeys::opening`] of the first words in `prefix`, which every word
    /// they open shares.
    prefix_seen: BitFilter,
}

impl Cues {
    fn build(list: &[&str]) -> Cues {
        let mut cues = Cues::default();
        for cue in list {
            if let Some(suffix) = cue.strip_prefix('-') {
                cues.suffixes.push(fold(suffix));
                continue;
            }
            // Words as the tokenizer gives them; an ending ("-ato") stays one word.
            let mut words: Vec<String> = Vec::new();
            for part in cue.split(' ') {
                match part.strip_prefix('-') {
                    Some(ending) if !words.is_empty() => words.push(format!("-{}", fold(ending))),
                    _ => words.extend(form_words(part)),
                }
            }
            if words.is_empty() {
                continue;
            }
            let first = words.remove(0);
            let keys = WordKeys::of(&first);
            match first_chars(&first, CUE_KEY_CHARS) {
                Some(key) => {
                    cues.prefix_seen.add(keys.opening);
                    cues.prefix
                        .entry(key.to_string())
                        .or_default()
                        .push((first.clone(), words))
                }
                None => {
                    cues.exact_seen.add(keys.whole);
                    cues.exact.entry(first).or_default().push(words)
                }
            }
        }
        cues
    }

    /// Does a cue start at token `i`?
    fn starts_at(&self, toks: &Tokens, i: usize) -> bool {
        let word = toks.norm(i);
        if toks.list.get(i).is_none_or(|t| t.kind != TokKind::Word) {
            return false;
        }
        if self
            .suffixes
            .iter()
            .any(|s| word.len() > s.len() + 2 && word.ends_with(s.as_str()))
        {
            return true;
        }
        // A later word written "-ato" is any word with that ending ("è -ato": "è arrivato").
        let rest_fits = |rest: &[String]| {
            rest.iter().enumerate().all(|(k, w)| {
                let next = toks.norm(i + 1 + k);
                match w.strip_prefix('-') {
                    Some(ending) => next.len() > ending.len() + 2 && next.ends_with(ending),
                    None => next == w,
                }
            })
        };
        let keys = match toks.keys.get(i) {
            Some(&k) => k,
            None => WordKeys::of(word),
        };
        if self.exact_seen.may_hold(keys.whole)
            && let Some(rests) = self.exact.get(word)
            && rests.iter().any(|r| rest_fits(r))
        {
            return true;
        }
        // A prefix is at least CUE_KEY_CHARS long, so its word shares its opening key.
        if !self.prefix_seen.may_hold(keys.opening) {
            return false;
        }
        first_chars(word, CUE_KEY_CHARS)
            .and_then(|key| self.prefix.get(key))
            .is_some_and(|cues| {
                cues.iter()
                    .any(|(first, rest)| word.starts_with(first.as_str()) && rest_fits(rest))
            })
    }
}

/// A cue's first word of at least this many characters matches as a prefix.
const CUE_KEY_CHARS: usize = 5;

/// The first `n` characters of `s`, if it has that many.
fn first_chars(s: &str, n: usize) -> Option<&str> {
    // In an ASCII opening (most words) the characters are the bytes: nothing to decode.
    if let Some(opening) = s.as_bytes().get(..=n)
        && opening.is_ascii()
    {
        return s.get(..n);
    }
    match s.char_indices().nth(n) {
        Some((b, _)) => s.get(..b),
        None => (s.chars().count() == n).then_some(s),
    }
}

/// One table entry found at a token position.
pub type Match<'a> = Hit<'a, Sem>;

/// Entries found at every token position of a text, in one flat list.
#[derive(Debug, Default)]
pub struct Matches<'a> {
    all: Vec<Match<'a>>,
    index: Vec<(u32, u32)>,
    /// Per token, the [`Sem::variant_bit`]s of every meaning of its entries.
    kinds: Vec<u64>,
}

impl<'a> Matches<'a> {
    /// The entries that start at token `i`.
    pub fn at(&self, i: usize) -> &[Match<'a>] {
        match self.index.get(i) {
            Some(&(s, e)) => self.all.get(s as usize..e as usize).unwrap_or(&[]),
            None => &[],
        }
    }

    /// May an entry at token `i` mean something of the variant whose
    /// [`Sem::variant_bit`] is `bit`? No, where no entry does.
    pub fn may_mean(&self, i: usize, bit: u64) -> bool {
        self.kinds.get(i).is_some_and(|k| k & bit != 0)
    }
}

impl Lexicon {
    fn build(table: &'static LangTable) -> Lexicon {
        let mut phrases = PhraseTable::default();
        for &(form, sem) in table.words {
            phrases.insert(form, sem);
        }
        for &(lang, form, key) in movable::NAMES {
            if (lang == table.code || lang == "*")
                && let Some(k) = movable::index(key)
            {
                phrases.insert(form, Sem::Movable(k));
            }
        }
        let stopwords = table.stopwords.iter().map(|w| fold(w)).collect();
        Lexicon {
            table,
            phrases,
            stopwords,
            future: Cues::build(table.future_cues),
            past: Cues::build(table.past_cues),
        }
    }

    /// Is the folded word a frequent function word of this language?
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// Does a future cue start at token `i`?
    pub fn is_future_cue(&self, toks: &Tokens, i: usize) -> bool {
        self.future.starts_at(toks, i)
    }

    /// Does a past cue (a past tense) start at token `i`?
    pub fn is_past_cue(&self, toks: &Tokens, i: usize) -> bool {
        self.past.starts_at(toks, i)
    }

    /// All entries at every position of `toks`.
    pub fn match_all(&self, toks: &Tokens) -> Matches<'_> {
        let mut m = Matches {
            all: Vec::new(),
            index: Vec::with_capacity(toks.list.len()),
            kinds: Vec::with_capacity(toks.list.len()),
        };
        for i in 0..toks.list.len() {
            let start = m.all.len();
            self.match_at(toks, i, &mut m.all);
            let kinds = m
                .all
                .get(start..)
                .unwrap_or_default()
                .iter()
                .fold(0, |k, h| {
                    h.values.iter().fold(k, |k, s| k | s.variant_bit())
                });
            m.index.push((start as u32, m.all.len() as u32));
            m.kinds.push(kinds);
        }
        m
    }

    fn match_at<'a>(&'a self, toks: &Tokens, i: usize, out: &mut Vec<Match<'a>>) {
        self.phrases.hits_at(toks, i, out);
    }
}

/// The compiled lexicon of a language, built on first use.
pub fn lexicon(code: &str) -> Option<&'static Lexicon> {
    static ALL: OnceLock<Vec<Lexicon>> = OnceLock::new();
    ALL.get_or_init(|| tables().into_iter().map(Lexicon::build).collect())
        .iter()
        .find(|l| l.table.code == code)
}
