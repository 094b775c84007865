//! A language table compiled for look-up: built once per language, then
//! shared. Each token position gets the table entries that start there.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::token::{TokKind, Tokens, fold, tokenize};
use crate::extract::lang::{LangTable, Sem, tables};

/// How many more letters a `stem*` form may match.
const MAX_STEM_EXTRA: usize = 4;

#[derive(Debug)]
struct Entry {
    rest: Vec<String>,
    sems: Vec<Sem>,
    weak: bool,
    lowercase_only: bool,
}

/// A compiled language table.
#[derive(Debug)]
pub struct Lexicon {
    /// The table it was built from.
    pub table: &'static LangTable,
    exact: HashMap<String, Vec<Entry>>,
    stems: HashMap<String, Vec<Sem>>,
    stopwords: HashSet<String>,
    cue_prefixes: Vec<Vec<String>>,
    cue_suffixes: Vec<String>,
}

/// One table entry found at a token position.
#[derive(Debug, Clone, Copy)]
pub struct Match<'a> {
    /// How many tokens it covers.
    pub len: usize,
    /// What it means.
    pub sems: &'a [Sem],
    /// A weak form (also an ordinary word).
    pub weak: bool,
}

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
        let mut exact: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut stems: HashMap<String, Vec<Sem>> = HashMap::new();
        for &(form, sem) in table.words {
            let (weak, form) = match form.strip_prefix('~') {
                Some(f) => (true, f),
                None => (false, form),
            };
            let (lowercase_only, form) = match form.strip_prefix('=') {
                Some(f) => (true, f),
                None => (false, form),
            };
            if let Some(stem) = form.strip_suffix('*') {
                stems.entry(fold(stem)).or_default().push(sem);
                continue;
            }
            let mut words = form_words(form);
            if words.is_empty() {
                continue;
            }
            let first = words.remove(0);
            let list = exact.entry(first).or_default();
            match list
                .iter_mut()
                .find(|e| e.rest == words && e.weak == weak && e.lowercase_only == lowercase_only)
            {
                Some(e) => {
                    if !e.sems.contains(&sem) {
                        e.sems.push(sem);
                    }
                }
                None => list.push(Entry {
                    rest: words,
                    sems: vec![sem],
                    weak,
                    lowercase_only,
                }),
            }
        }
        // Longest entries first, so that callers see them first.
        for list in exact.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
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
            exact,
            stems,
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
        let word = toks.norm(i);
        if let Some(entries) = self.exact.get(word) {
            for e in entries {
                if e.lowercase_only && toks.list.get(i).is_some_and(|t| t.capital) {
                    continue;
                }
                let fits = e.rest.iter().enumerate().all(|(k, w)| {
                    toks.list.get(i + 1 + k).is_some_and(|t| !t.line_break)
                        && toks.norm(i + 1 + k) == w
                });
                if fits {
                    out.push(Match {
                        len: 1 + e.rest.len(),
                        sems: &e.sems,
                        weak: e.weak,
                    });
                }
            }
        }
        if toks.list.get(i).is_some_and(|t| t.kind == TokKind::Word) && !self.stems.is_empty() {
            // The longest stem that leaves at most MAX_STEM_EXTRA letters.
            if let Some(sems) = self.stems.get(word) {
                out.push(Match {
                    len: 1,
                    sems,
                    weak: false,
                });
                return;
            }
            let mut extra = 0;
            for (b, _) in word.char_indices().rev() {
                extra += 1;
                if extra > MAX_STEM_EXTRA || b == 0 {
                    break;
                }
                if let Some(sems) = word.get(..b).and_then(|s| self.stems.get(s)) {
                    out.push(Match {
                        len: 1,
                        sems,
                        weak: false,
                    });
                    return;
                }
            }
        }
    }
}

/// The folded tokens of a table form, as the tokenizer would give them in running text:
/// an apostrophe that ends a Latin word belongs to it (`dell'` as in `dell'anno`).
fn form_words(form: &str) -> Vec<String> {
    let toks = tokenize(form);
    let mut words: Vec<String> = Vec::new();
    for (i, t) in toks.list.iter().enumerate() {
        let w = toks.norm(i);
        if w == "'"
            && t.joined
            && let Some(prev) = words.last_mut()
        {
            prev.push('\'');
            continue;
        }
        words.push(w.to_string());
    }
    words
}

/// The compiled lexicon of a language, built on first use.
pub fn lexicon(code: &str) -> Option<&'static Lexicon> {
    static ALL: OnceLock<Vec<Lexicon>> = OnceLock::new();
    ALL.get_or_init(|| tables().into_iter().map(Lexicon::build).collect())
        .iter()
        .find(|l| l.table.code == code)
}
