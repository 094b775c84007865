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

/// The language of `text`, as an ISO 639-1 code, or `None` when it cannot tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample_end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(b, _)| b);
    let sample = text.get(..sample_end).unwrap_or(text);
    let toks = tokenize(sample);
    let index = index();
    let mut hits = [0usize; 32];
    let mut words = 0;
    let mut cyrillic = 0;
    for i in 0..toks.list.len() {
        if words == SAMPLE_WORDS {
            break;
        }
        if toks.list.get(i).is_none_or(|t| t.kind != TokKind::Word) {
            continue;
        }
        let w = toks.norm(i);
        words += 1;
        if w.chars().next().is_some_and(is_cyrillic) {
            cyrillic += 1;
        }
        if let Some(&mask) = index.words.get(w.trim_end_matches('\'')) {
            for (k, h) in hits.iter_mut().enumerate() {
                if mask & (1 << k) != 0 {
                    *h += 1;
                }
            }
        }
    }
    if words == 0 {
        return None;
    }
    let mostly_cyrillic = cyrillic * 2 > words;
    let mut best: Option<(&'static str, usize)> = None;
    for (k, table) in tables().into_iter().enumerate().take(32) {
        if index.cyrillic.get(k).copied().unwrap_or(false) != mostly_cyrillic {
            continue;
        }
        let h = hits.get(k).copied().unwrap_or(0);
        if best.is_none_or(|(_, b)| h > b) {
            best = Some((table.code, h));
        }
    }
    let (code, hits) = best?;
    (hits >= 2 || (hits >= 1 && words < 8)).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

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
