//! Sentences: Unicode sentence bounds (UAX #29, see [`sentence_bounds`](super::sentence_bounds)), mended where a language's
//! abbreviations, initials or numbers would cut a sentence short
//! ("Sig. Rossi", "U.S. troops", "10.000 soldati"), and cut at line breaks,
//! which in articles end headlines, datelines and paragraphs.

use crate::extract::lang::{LangTable, Sem};
use crate::extract::sentence_bounds::sentence_ends;
use crate::extract::time::token::fold;

/// A sentence as a character range into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    #[serde(skip)]
    pub byte_start: usize,
    /// Byte offset one past the last character.
    #[serde(skip)]
    pub byte_end: usize,
}

/// Does the piece end in a way that does not end a sentence? `next` is the text after it.
fn ends_short(piece: &str, next: &str, table: &LangTable) -> bool {
    let trimmed = piece.trim_end();
    let Some(before_dot) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"')
        .next()
        .unwrap_or("");
    if last_word.is_empty() {
        return false;
    }
    // An initial ("J. R. R. Tolkien") or a dotted abbreviation ("U.S.", "a.m.").
    let letters = last_word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && last_word.chars().next().is_some_and(|c| c.is_uppercase()) {
        return true;
    }
    if last_word.contains('.') && last_word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    // A day before its month: "am 3. Oktober".
    if table.ordinal_dot
        && last_word.len() <= 2
        && last_word.bytes().all(|b| b.is_ascii_digit())
        && next
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .is_some_and(|w| table.word_means(&fold(w), |s| matches!(s, Sem::Month(_))))
    {
        return true;
    }
    let folded = fold(last_word);
    table.abbreviations.iter().any(|a| *a == folded)
}

/// Splits `text` into sentences.
pub fn sentences(text: &str, table: &LangTable) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    let mut next_start = 0;
    for end in sentence_ends(text) {
        let b = std::mem::replace(&mut next_start, end);
        let piece = text.get(b..end).unwrap_or("");
        let start = pending.map_or(b, |(s, _)| s);
        // A line break inside a piece ends a sentence there too.
        let joined = text.get(start..end).unwrap_or("");
        if ends_short(piece, text.get(end..).unwrap_or(""), table) && !piece.ends_with('\n') {
            pending = Some((start, end));
            continue;
        }
        pending = None;
        let mut cursor = start;
        for line in joined.split_inclusive('\n') {
            let (ls, le) = (cursor, cursor + line.len());
            cursor = le;
            push_trimmed(text, ls, le, &mut out);
        }
    }
    if let Some((s, e)) = pending {
        push_trimmed(text, s, e, &mut out);
    }
    // Byte offsets to character offsets, in one pass.
    let mut chars = 0;
    let mut last_b = 0;
    let mut conv = |b: usize| {
        chars += text.get(last_b..b).map_or(0, |s| s.chars().count());
        last_b = b;
        chars
    };
    for s in &mut out {
        s.start = conv(s.byte_start);
        s.end = conv(s.byte_end);
    }
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Sentence>) {
    let Some(slice) = text.get(s..e) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return;
    }
    out.push(Sentence {
        start: 0,
        end: 0,
        byte_start: s + lead,
        byte_end: e - trail,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::table;

    fn split(text: &str, lang: &str) -> Vec<String> {
        let Some(t) = table(lang) else {
            return Vec::new();
        };
        sentences(text, t)
            .iter()
            .map(|s| text[s.byte_start..s.byte_end].to_string())
            .collect()
    }

    #[test]
    fn numbers_with_dots_and_commas_do_not_split() {
        let s = split(
            "Circa 10.000 soldati sono stati schierati. Il costo è di 1,2 miliardi.",
            "it",
        );
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn a_german_day_with_its_dot_does_not_split() {
        // "am 3. Oktober" cut the sentence after "3.", and the event lost its actor.
        let s = split(
            "Russland hat am 3. Oktober die Stadt Charkiw angegriffen. Am 12. Dezember 2025 folgte ein zweiter Angriff.",
            "de",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        // A year or a figure that ends a sentence still ends it, and a day written
        // so in another language does not say so.
        assert_eq!(
            split("Der Krieg begann 2014. Oktober war ruhig.", "de").len(),
            2
        );
        assert_eq!(
            split("Der Anteil lag bei 12. Danach sank er.", "de").len(),
            2
        );
        assert_eq!(
            split("The vote was on May 3. October was calm.", "en").len(),
            2
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let s = split(
            "The U.S. troops arrived. Dr. Smith met J. Doe on Monday.",
            "en",
        );
        assert_eq!(
            s,
            [
                "The U.S. troops arrived.",
                "Dr. Smith met J. Doe on Monday."
            ]
        );
        let s = split("Il sig. Rossi è arrivato. Poi è partito.", "it");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn line_breaks_end_sentences_and_offsets_are_chars() {
        let text = "Città e più\n\nSecondo paragrafo.";
        let s = sentences(text, table("it").expect("it"));
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].start, s[0].end), (0, 11));
        assert_eq!(s[1].start, 13);
    }
}
