//! Language detection: which of the supported languages' function words the
//! text uses most. Cyrillic text is Ukrainian. Short or unclear text gives
//! no answer, so that the caller can say so.

use crate::extract::lang::tables;
use crate::extract::time::token::{TokKind, tokenize};

/// How many words to look at.
const SAMPLE_WORDS: usize = 3000;

/// The language of `text`, as an ISO 639-1 code, or `None` when it cannot tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample_end = text
        .char_indices()
        .nth(40_000)
        .map_or(text.len(), |(b, _)| b);
    let sample = text.get(..sample_end).unwrap_or(text);
    let toks = tokenize(sample);
    let words: Vec<&str> = (0..toks.list.len())
        .filter(|&i| toks.list.get(i).is_some_and(|t| t.kind == TokKind::Word))
        .map(|i| toks.norm(i))
        .take(SAMPLE_WORDS)
        .collect();
    if words.is_empty() {
        return None;
    }
    let cyrillic = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        })
        .count();
    let mut best: Option<(&'static str, usize)> = None;
    for table in tables() {
        let is_cyr_table = table
            .stopwords
            .iter()
            .any(|w| w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)));
        if is_cyr_table != (cyrillic * 2 > words.len()) {
            continue;
        }
        let hits = words
            .iter()
            .filter(|w| table.stopwords.contains(&w.trim_end_matches('\'')))
            .count();
        if best.is_none_or(|(_, h)| hits > h) {
            best = Some((table.code, hits));
        }
    }
    let (code, hits) = best?;
    (hits >= 2 || (hits >= 1 && words.len() < 8)).then_some(code)
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
