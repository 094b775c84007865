//! A language table compiled for look-up: built once per language, then
//! shared. Each token position gets the table entries that start there.

use std::collections::HashSet;
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
    cue_prefixes: Vec<Vec<String>>,
    cue_suffixes: Vec<String>,
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
        let mut cue_prefixes = Vec::new();
        let mut cue_suffixes = Vec::new();
        for cue in table.future_cues {
            if let Some(suffix) = cue.strip_prefix('-') {
                cue_suffixes.push(fold(suffix));
            } else {
                cue_prefixes.push(form_words(cue));
            }
        }
        Lexicon {
            table,
            phrases,
            stopwords,
            cue_prefixes,
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
        self.cue_prefixes.iter().any(|cue| match cue.split_first() {
            Some((first, rest)) => {
                (if first.chars().count() >= 5 {
                    word.starts_with(first.as_str())
                } else {
                    word == first
                }) && rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.norm(i + 1 + k) == w)
            }
            None => false,
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
