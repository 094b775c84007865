//! Language detection: which of the supported languages' function words the
//! text uses most. Cyrillic text is Ukrainian. Short or unclear text gives
//! no answer, so that the caller can say so.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::extract::lang::tables;
use crate::extract::time::token::{TokKind, is_cyrillic, tokenize};

/// How many words to look at.
const SAMPLE_WORDS: usize = 400;
/// How much of the text to read for them (characters).
const SAMPLE_CHARS: usize = 2_500;

/// Every table's function words, each with the set of tables (bits) that have it,
/// and which tables are written in Cyrillic. Built once.
struct Index {
    words: FxHashMap<&'static str, u32>,
    cyrillic: Vec<bool>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut words: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut cyrillic = Vec::new();
        for (k, table) in tables().into_iter().enumerate().take(32) {
            for &w in table.stopwords {
                *words.entry(w).or_default() |= 1 << k;
            }
            cyrillic.push(table.stopwords.iter().any(|w| w.chars().any(is_cyrillic)));
        }
        Index { words, cyrillic }
    })
}

/// How much of the text to read first (characters): most articles tell their
/// language within it, and the rest of the sample is read only when not.
const FIRST_LOOK_CHARS: usize = 800;

/// Hits the leading language needs in the first look, and how many times the
/// runner-up's, to be taken without reading on.
const CLEAR_HITS: usize = 12;
const CLEAR_MARGIN: usize = 2;

/// The byte offset of character `n` of `text` (its length if it is shorter).
fn char_offset(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(b, _)| b)
}

/// The language of `text`, as an ISO 639-1 code, or `None` when it cannot tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let first = char_offset(text, FIRST_LOOK_CHARS);
    if first < text.len() {
        let tally = count(text.get(..first).unwrap_or(text));
        if let Some((code, best, second)) = tally.best()
            && best >= CLEAR_HITS
            && best >= CLEAR_MARGIN * second.max(1)
        {
            return Some(code);
        }
    }
    let sample_end = char_offset(text, SAMPLE_CHARS);
    let tally = count(text.get(..sample_end).unwrap_or(text));
    let (code, hits, _) = tally.best()?;
    (hits >= 2 || (hits >= 1 && tally.words < 8)).then_some(code)
}

/// Function-word hits per table in a sample.
struct Tally {
    hits: [usize; 32],
    words: usize,
    cyrillic: usize,
}

impl Tally {
    /// The table with the most hits among those of the sample's script, its hits,
    /// and the runner-up's hits.
    fn best(&self) -> Option<(&'static str, usize, usize)> {
        if self.words == 0 {
            return None;
        }
        let index = index();
        let mostly_cyrillic = self.cyrillic * 2 > self.words;
        let mut best: Option<(&'static str, usize)> = None;
        let mut second = 0;
        for (k, table) in tables().into_iter().enumerate().take(32) {
            if index.cyrillic.get(k).copied().unwrap_or(false) != mostly_cyrillic {
                continue;
            }
            let h = self.hits.get(k).copied().unwrap_or(0);
            match best {
                Some((_, b)) if h <= b => second = second.max(h),
                Some((_, b)) => {
                    second = b;
                    best = Some((table.code, h));
                }
                None => best = Some((table.code, h)),
            }
        }
        best.map(|(code, h)| (code, h, second))
    }
}

fn count(sample: &str) -> Tally {
    let toks = tokenize(sample);
    let index = index();
    let mut tally = Tally {
        hits: [0; 32],
        words: 0,
        cyrillic: 0,
    };
    for i in 0..toks.list.len() {
        if tally.words == SAMPLE_WORDS {
            break;
        }
        if toks.list.get(i).is_none_or(|t| t.kind != TokKind::Word) {
            continue;
        }
        let w = toks.norm(i);
        tally.words += 1;
        if w.chars().next().is_some_and(is_cyrillic) {
            tally.cyrillic += 1;
        }
        if let Some(&mask) = index.words.get(w.trim_end_matches('\'')) {
            for (k, h) in tally.hits.iter_mut().enumerate() {
                if mask & (1 << k) != 0 {
                    *h += 1;
                }
            }
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clear_opening_decides_and_an_unclear_one_reads_on() {
        let italian = "Il ministro ha detto che la riunione di oggi è stata utile per il paese. ";
        let english = "The minister said that the meeting of today was useful for the country. ";
        // Clear Italian in the first look: decided there, whatever follows.
        let text = italian.repeat(12) + &english.repeat(40);
        assert_eq!(detect(&text), Some("it"));
        // An opening of names and figures tells nothing: the rest of the sample decides.
        let opening = "Roma Milano Torino 2025 12 33 Kim Putin Xi Zelensky NATO ONU. ".repeat(14);
        assert!(opening.chars().count() > FIRST_LOOK_CHARS);
        assert_eq!(detect(&(opening.clone() + &italian.repeat(20))), Some("it"));
        assert_eq!(detect(&(opening + &english.repeat(20))), Some("en"));
    }

    #[test]
    fn tells_the_six_languages_apart() {
        assert_eq!(
            detect(
                "Il leader russo ha confermato che i rapporti tra Russia e Corea del Nord sono buoni."
            ),
            Some("it")
        );
        assert_eq!(
            detect(
                "The Russian leader confirmed that the relations with North Korea are progressing."
            ),
            Some("en")
        );
        assert_eq!(
            detect(
                "El líder ruso confirmó que las relaciones con Corea del Norte progresan según lo previsto."
            ),
            Some("es")
        );
        assert_eq!(
            detect(
                "Der russische Präsident hat bestätigt, dass die Beziehungen zu Nordkorea sich entwickeln."
            ),
            Some("de")
        );
        assert_eq!(
            detect(
                "Le dirigeant russe a confirmé que les relations avec la Corée du Nord progressent."
            ),
            Some("fr")
        );
        assert_eq!(
            detect(
                "Російський лідер підтвердив, що відносини з Північною Кореєю розвиваються за планом."
            ),
            Some("uk")
        );
    }

    #[test]
    fn says_nothing_when_it_cannot_tell() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12345 67890"), None);
    }
}
