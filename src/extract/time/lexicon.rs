//! A language table compiled for look-up: built once per language, then
//! shared. Each token position gets the table entries that start there.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::token::{TokKind, Tokens, fold};
use crate::extract::lang::{LangTable, Sem, movable, tables};
use crate::extract::phrases::{Hit, PhraseTable, form_words};

/// A compiled language table.
#[derive(Debug)]
pub struct Lexicon {
    /// The table it was built from.
    pub table: &'static LangTable,
    phrases: PhraseTable<Sem>,
    stopwords: HashSet<String>,
    /// Future cues by their first word, when that word is short and must match whole.
    cue_exact: HashMap<String, Vec<Vec<String>>>,
    /// Future cues whose first word is long enough to match as a prefix ("prevede" in
    /// "prevedono"), by their first [`CUE_KEY_CHARS`] characters: (first word, rest).
    cue_prefix: HashMap<String, Vec<(String, Vec<String>)>>,
    cue_suffixes: Vec<String>,
}

/// A cue's first word of at least this many characters matches as a prefix.
const CUE_KEY_CHARS: usize = 5;

/// The first `n` characters of `s`, if it has that many.
fn first_chars(s: &str, n: usize) -> Option<&str> {
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
}

impl<'a> Matches<'a> {
    /// The entries that start at token `i`.
    pub fn at(&self, i: usize) -> &[Match<'a>] {
        match self.index.get(i) {
            Some(&(s, e)) => self.all.get(s as usize..e as usize).unwrap_or(&[]),
            None => &[],
        }
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
        let mut cue_exact: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        let mut cue_prefix: HashMap<String, Vec<(String, Vec<String>)>> = HashMap::default();
        let mut cue_suffixes = Vec::new();
        for cue in table.future_cues {
            if let Some(suffix) = cue.strip_prefix('-') {
                cue_suffixes.push(fold(suffix));
                continue;
            }
            let mut words = form_words(cue);
            if words.is_empty() {
                continue;
            }
            let first = words.remove(0);
            match first_chars(&first, CUE_KEY_CHARS) {
                Some(key) => cue_prefix
                    .entry(key.to_string())
                    .or_default()
                    .push((first.clone(), words)),
                None => cue_exact.entry(first).or_default().push(words),
            }
        }
        Lexicon {
            table,
            phrases,
            stopwords,
            cue_exact,
            cue_prefix,
            cue_suffixes,
        }
    }

    /// Is the folded word a frequent function word of this language?
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// Does a future cue start at token `i`?
    pub fn is_future_cue(&self, toks: &Tokens, i: usize) -> bool {
        let word = toks.norm(i);
        if toks.list.get(i).is_none_or(|t| t.kind != TokKind::Word) {
            return false;
        }
        if self
            .cue_suffixes
            .iter()
            .any(|s| word.len() > s.len() + 2 && word.ends_with(s.as_str()))
        {
            return true;
        }
        let rest_fits = |rest: &[String]| {
            rest.iter()
                .enumerate()
                .all(|(k, w)| toks.norm(i + 1 + k) == w)
        };
        if let Some(rests) = self.cue_exact.get(word)
            && rests.iter().any(|r| rest_fits(r))
        {
            return true;
        }
        first_chars(word, CUE_KEY_CHARS)
            .and_then(|key| self.cue_prefix.get(key))
            .is_some_and(|cues| {
                cues.iter()
                    .any(|(first, rest)| word.starts_with(first.as_str()) && rest_fits(rest))
            })
    }

    /// All entries at every position of `toks`.
    pub fn match_all(&self, toks: &Tokens) -> Matches<'_> {
        let mut m = Matches {
            all: Vec::new(),
            index: Vec::with_capacity(toks.list.len()),
        };
        for i in 0..toks.list.len() {
            let start = m.all.len() as u32;
            self.match_at(toks, i, &mut m.all);
            m.index.push((start, m.all.len() as u32));
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
