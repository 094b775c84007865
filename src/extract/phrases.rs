//! Word forms from the language tables, compiled for look-up at token
//! positions. The marks of the tables are honoured here, once for all tables:
//! `~form` weak, `=form` lowercase only, `stem*` prefix with at most four more
//! letters; a form of several words matches consecutive tokens on one line.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::time::token::{KEY_BITS, STEM_KEY, TokKind, Tokens, WordKeys, fold, tokenize};

/// How many more letters a `stem*` form may match.
const MAX_STEM_EXTRA: usize = 4;

#[derive(Debug)]
struct Entry<V> {
    rest: Vec<String>,
    /// The filter key of the first word of `rest`, checked before the words are compared.
    second: Option<u16>,
    values: Vec<V>,
    weak: bool,
    lowercase_only: bool,
}

/// Forms mapped to values of type `V`.
#[derive(Debug)]
pub struct PhraseTable<V> {
    exact: HashMap<String, Vec<Entry<V>>>,
    stems: HashMap<String, Vec<V>>,
    /// The length in bytes of the shortest stem.
    min_stem: usize,
    /// Which (length, first bytes) the first words of `exact` have.
    exact_seen: BitFilter,
    /// Which first [`STEM_KEY`] bytes the stems have.
    stems_seen: BitFilter,
}

/// A one-hash Bloom filter over [`WordKeys`]: most words of running text are in
/// no table, and this tells so without hashing the whole word into a map.
#[derive(Debug, Clone)]
pub(crate) struct BitFilter(Box<[u64; FILTER_WORDS]>);

/// How many 64-bit words a [`BitFilter`] has: one bit per key.
const FILTER_WORDS: usize = 1 << (KEY_BITS - 6);

impl Default for BitFilter {
    fn default() -> Self {
        BitFilter::new()
    }
}

impl BitFilter {
    /// An empty filter.
    pub(crate) fn new() -> Self {
        BitFilter(Box::new([0; FILTER_WORDS]))
    }

    /// The word and the bit of a key. The word is taken modulo the length, which a key
    /// never reaches, so that every look-up is in bounds by type and needs no check:
    /// this runs for every token of a text, for every table.
    #[inline]
    fn slot(key: u16) -> (usize, u64) {
        (usize::from(key >> 6) % FILTER_WORDS, 1 << (key & 63))
    }

    /// Adds a key.
    pub(crate) fn add(&mut self, key: u16) {
        let (word, bit) = Self::slot(key);
        if let Some(w) = self.0.get_mut(word) {
            *w |= bit;
        }
    }

    /// Was the key added (or another with the same bit)?
    #[inline]
    pub(crate) fn may_hold(&self, key: u16) -> bool {
        let (word, bit) = Self::slot(key);
        self.0.get(word).is_some_and(|w| w & bit != 0)
    }
}

/// A form found at a token position.
#[derive(Debug)]
pub struct Hit<'a, V> {
    /// How many tokens it covers.
    pub len: usize,
    /// What it means (a form may mean several things).
    pub values: &'a [V],
    /// A weak form (also an ordinary word).
    pub weak: bool,
}

impl<V> Clone for Hit<'_, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for Hit<'_, V> {}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            exact: HashMap::default(),
            stems: HashMap::default(),
            min_stem: usize::MAX,
            exact_seen: BitFilter::new(),
            stems_seen: BitFilter::new(),
        }
    }
}

/// The folded tokens of a table form, as the tokenizer gives them in running text:
/// an apostrophe that ends a Latin word belongs to it (`dell'` as in `dell'anno`).
pub fn form_words(form: &str) -> Vec<String> {
    let toks = tokenize(form);
    let mut words: Vec<String> = Vec::new();
    for (i, t) in toks.list.iter().enumerate() {
        let w = toks.norm(i);
        // Only an apostrophe that ends a word and its form ("dell' anno"), not a possessive.
        let ends_word = toks.list.get(i + 1).is_none_or(|n| !n.joined);
        if w == "'"
            && t.joined
            && ends_word
            && let Some(prev) = words.last_mut()
        {
            prev.push('\'');
            continue;
        }
        words.push(w.to_string());
    }
    words
}

impl<V: PartialEq + Copy> PhraseTable<V> {
    /// Adds a form (with its marks) meaning `value`.
    pub fn insert(&mut self, form: &str, value: V) {
        let (weak, form) = match form.strip_prefix('~') {
            Some(f) => (true, f),
            None => (false, form),
        };
        let (lowercase_only, form) = match form.strip_prefix('=') {
            Some(f) => (true, f),
            None => (false, form),
        };
        if let Some(stem) = form.strip_suffix('*') {
            let stem = fold(stem);
            self.min_stem = self.min_stem.min(stem.len());
            // A stem shorter than the opening key turns the filter off (see `hits_at`).
            self.stems_seen.add(WordKeys::of(&stem).opening);
            let list = self.stems.entry(stem).or_default();
            if !list.contains(&value) {
                list.push(value);
            }
            return;
        }
        let mut words = form_words(form);
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        self.exact_seen.add(WordKeys::of(&first).whole);
        let list = self.exact.entry(first).or_default();
        match list
            .iter_mut()
            .find(|e| e.rest == words && e.weak == weak && e.lowercase_only == lowercase_only)
        {
            Some(e) => {
                if !e.values.contains(&value) {
                    e.values.push(value);
                }
            }
            None => list.push(Entry {
                second: words.first().map(|w| WordKeys::of(w).whole),
                rest: words,
                values: vec![value],
                weak,
                lowercase_only,
            }),
        }
        // Longest entries first, so that callers see them first.
        list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }

    /// Pushes onto `out` every form that starts at token `i`.
    #[inline]
    pub fn hits_at<'a>(&'a self, toks: &Tokens, i: usize, out: &mut Vec<Hit<'a, V>>) {
        self.each_hit(toks, i, |h| out.push(h));
    }

    /// The longest form at token `i` that `keep` accepts (of equally long ones, the
    /// last, as `max_by_key` picks), without making a list.
    #[inline]
    pub fn best_at<'a>(
        &'a self,
        toks: &Tokens,
        i: usize,
        keep: impl Fn(&Hit<'a, V>) -> bool,
    ) -> Option<Hit<'a, V>> {
        let mut best: Option<Hit<'a, V>> = None;
        self.each_hit(toks, i, |h| {
            if keep(&h) && best.is_none_or(|b| h.len >= b.len) {
                best = Some(h);
            }
        });
        best
    }

    /// Does a form that `pred` accepts start at token `i`?
    #[inline]
    pub fn any_at<'a>(
        &'a self,
        toks: &Tokens,
        i: usize,
        pred: impl Fn(&Hit<'a, V>) -> bool,
    ) -> bool {
        let mut any = false;
        self.each_hit(toks, i, |h| any = any || pred(&h));
        any
    }

    /// Calls `f` with every form that starts at token `i` (no list is made): the
    /// exact forms longest first, then the longest stem.
    #[inline]
    pub fn each_hit<'a>(&'a self, toks: &Tokens, i: usize, mut f: impl FnMut(Hit<'a, V>)) {
        let keys = match toks.keys.get(i) {
            Some(&k) => k,
            None => WordKeys::of(toks.norm(i)),
        };
        let may_be_exact = self.exact_seen.may_hold(keys.whole);
        // Every stem that could match shares the word's opening bytes (a stem shorter
        // than the key turns this filter off).
        let may_have_stem = self.min_stem < STEM_KEY || self.stems_seen.may_hold(keys.opening);
        // Most words of a text are in no table: that is told here, inline at the caller.
        if may_be_exact || may_have_stem {
            self.look_up(toks, i, may_be_exact, may_have_stem, &mut f);
        }
    }

    fn look_up<'a>(
        &'a self,
        toks: &Tokens,
        i: usize,
        may_be_exact: bool,
        may_have_stem: bool,
        out: &mut dyn FnMut(Hit<'a, V>),
    ) {
        let may_have_stem = may_have_stem
            && !self.stems.is_empty()
            && toks.list.get(i).is_some_and(|t| t.kind == TokKind::Word);
        let word = toks.norm(i);
        if let Some(entries) = may_be_exact.then(|| self.exact.get(word)).flatten() {
            for e in entries {
                if e.lowercase_only && toks.list.get(i).is_some_and(|t| t.capital) {
                    continue;
                }
                if let Some(second) = e.second
                    && toks.keys.get(i + 1).is_some_and(|k| k.whole != second)
                {
                    continue;
                }
                let fits = e.rest.iter().enumerate().all(|(k, w)| {
                    toks.list.get(i + 1 + k).is_some_and(|t| !t.line_break)
                        && toks.norm(i + 1 + k) == w
                });
                if fits {
                    out(Hit {
                        len: 1 + e.rest.len(),
                        values: &e.values,
                        weak: e.weak,
                    });
                }
            }
        }
        if !may_have_stem {
            return;
        }
        // The longest stem that leaves at most MAX_STEM_EXTRA letters.
        if let Some(values) = self.stems.get(word) {
            out(Hit {
                len: 1,
                values,
                weak: false,
            });
            return;
        }
        let mut extra = 0;
        for (b, _) in word.char_indices().rev() {
            extra += 1;
            if extra > MAX_STEM_EXTRA || b == 0 || b < self.min_stem {
                break;
            }
            if let Some(values) = word.get(..b).and_then(|s| self.stems.get(s)) {
                out(Hit {
                    len: 1,
                    values,
                    weak: false,
                });
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_multiword_forms() {
        let mut t = PhraseTable::default();
        t.insert("firmato un trattato", 1);
        t.insert("firmato", 2);
        t.insert("incontr*", 3);
        t.insert("~mar", 4);
        t.insert("=morgen", 5);
        t.insert("dell' anno", 6);
        let toks =
            tokenize("Hanno firmato un trattato dopo gli incontri nel Mar e Morgen dell'anno");
        let at = |i: usize| {
            let mut v = Vec::new();
            t.hits_at(&toks, i, &mut v);
            v.iter()
                .map(|h| (h.len, h.values.to_vec(), h.weak))
                .collect::<Vec<_>>()
        };
        assert_eq!(at(1), [(3, vec![1], false), (1, vec![2], false)]);
        assert_eq!(at(6), [(1, vec![3], false)]);
        assert_eq!(at(8), [(1, vec![4], true)]);
        assert!(at(10).is_empty());
        assert_eq!(at(11), [(2, vec![6], false)]);
    }
}
