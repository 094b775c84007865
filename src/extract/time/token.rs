//! Tokens for the time grammar: words, numbers and punctuation with their
//! byte and character offsets, and a folded form for table look-up.
//!
//! Folding lowercases, removes Latin accents (`lunedì` -> `lunedi`,
//! `März` -> `marz`) and turns every apostrophe into `'`. Latin-script
//! elisions end their word at the apostrophe (`dell'anno` -> `dell'`, `anno`);
//! in Cyrillic the apostrophe is a letter (`п'ятниця`). Digits and letters
//! written together split (`1990s` -> `1990`, `s`), with `joined` telling
//! the grammar that no space stood between them.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and inner apostrophes in Cyrillic).
    Word,
    /// ASCII digits.
    Num,
    /// Any other single character that is not white space.
    Punct,
}

/// One token.
#[derive(Debug, Clone)]
pub struct Token {
    /// What it is.
    pub kind: TokKind,
    /// Byte range in the source text.
    pub bytes: Range<usize>,
    /// Character (Unicode scalar value) range in the source text.
    pub chars: Range<usize>,
    /// Range of the folded form in [`Tokens::folded`].
    pub norm: Range<usize>,
    /// For numbers: the value, if it fits in a `u64`.
    pub value: Option<u64>,
    /// For numbers: how many digits.
    pub digits: usize,
    /// No white space between this token and the one before.
    pub joined: bool,
    /// A line break stands between this token and the one before.
    pub line_break: bool,
    /// The first letter is uppercase.
    pub capital: bool,
}

/// The tokens of a text, with their folded forms in one buffer.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The tokens in order.
    pub list: Vec<Token>,
    /// All folded forms, back to back.
    pub folded: String,
}

impl Tokens {
    /// The folded form of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        self.list
            .get(i)
            .and_then(|t| self.folded.get(t.norm.clone()))
            .unwrap_or("")
    }
}

/// Is `c` one of the apostrophes the web uses?
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '′')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052F}').contains(&c)
}

/// Folds one character into `out`: lowercase, Latin accents removed, apostrophes unified.
pub fn fold_char_into(c: char, out: &mut String) {
    if is_apostrophe(c) {
        out.push('\'');
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' => 'i',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
        'Š' | 'š' | 'Ś' | 'ś' => 's',
        'Ž' | 'ž' | 'Ź' | 'ź' | 'Ż' | 'ż' => 'z',
        'Ł' | 'ł' => 'l',
        'Ř' | 'ř' => 'r',
        'Ď' | 'ď' => 'd',
        'Ť' | 'ť' => 't',
        'Œ' | 'œ' => {
            out.push_str("oe");
            return;
        }
        'Æ' | 'æ' => {
            out.push_str("ae");
            return;
        }
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push(base);
}

/// Folds a whole string (used for table entries and cue words).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let mut toks = Tokens {
        list: Vec::with_capacity(text.len() / 4),
        folded: String::with_capacity(text.len()),
    };
    let mut iter = text.char_indices().enumerate().peekable();
    let mut space = true;
    let mut line_break = false;
    while let Some((ci, (bi, c))) = iter.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                line_break = true;
            }
            continue;
        }
        let norm_start = toks.folded.len();
        let mut end_b = bi + c.len_utf8();
        let mut end_c = ci + 1;
        let kind;
        let mut value: Option<u64> = None;
        let mut digits = 0;
        if c.is_ascii_digit() {
            kind = TokKind::Num;
            let mut v: Option<u64> = Some(u64::from(c as u8 - b'0'));
            digits = 1;
            toks.folded.push(c);
            while let Some(&(ci2, (bi2, c2))) = iter.peek() {
                if !c2.is_ascii_digit() {
                    break;
                }
                v = v
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(u64::from(c2 as u8 - b'0')));
                digits += 1;
                toks.folded.push(c2);
                end_b = bi2 + 1;
                end_c = ci2 + 1;
                iter.next();
            }
            value = v;
        } else if c.is_alphabetic() {
            kind = TokKind::Word;
            let cyr = is_cyrillic(c);
            fold_char_into(c, &mut toks.folded);
            while let Some(&(ci2, (bi2, c2))) = iter.peek() {
                if c2.is_alphabetic() || is_combining(c2) {
                    fold_char_into(c2, &mut toks.folded);
                    end_b = bi2 + c2.len_utf8();
                    end_c = ci2 + 1;
                    iter.next();
                } else if is_apostrophe(c2) {
                    // Look one further: an apostrophe between letters.
                    let mut ahead = iter.clone();
                    ahead.next();
                    // Elision before a word or a number ("dell'anno", "l'11 settembre").
                    let next_letter = ahead.peek().is_some_and(|&(_, (_, c3))| {
                        c3.is_alphabetic() || (!cyr && c3.is_ascii_digit())
                    });
                    // The English possessive ("Iran's") is not an elision: the word ends before it.
                    let possessive = !cyr && {
                        let mut after = ahead.clone();
                        let s = after
                            .next()
                            .is_some_and(|(_, (_, c3))| c3 == 's' || c3 == 'S');
                        s && after.peek().is_none_or(|&(_, (_, c4))| !c4.is_alphabetic())
                    };
                    if !next_letter || possessive {
                        break;
                    }
                    fold_char_into(c2, &mut toks.folded);
                    end_b = bi2 + c2.len_utf8();
                    end_c = ci2 + 1;
                    iter.next();
                    if !cyr {
                        // Latin elision: the apostrophe ends the word.
                        break;
                    }
                } else {
                    break;
                }
            }
        } else {
            kind = TokKind::Punct;
            fold_char_into(c, &mut toks.folded);
        }
        toks.list.push(Token {
            kind,
            bytes: bi..end_b,
            chars: ci..end_c,
            norm: norm_start..toks.folded.len(),
            value,
            digits,
            joined: !space,
            line_break,
            capital: c.is_uppercase(),
        });
        space = false;
        line_break = false;
    }
    toks
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let t = tokenize(text);
        (0..t.list.len()).map(|i| t.norm(i).to_string()).collect()
    }

    #[test]
    fn italian_elision_splits_after_apostrophe() {
        assert_eq!(
            norms("a giugno dell’anno scorso"),
            ["a", "giugno", "dell'", "anno", "scorso"]
        );
    }

    #[test]
    fn english_possessive_is_not_an_elision() {
        assert_eq!(norms("Iran's missile"), ["iran", "'", "s", "missile"]);
        assert_eq!(norms("l'sport"), ["l'", "sport"]);
    }

    #[test]
    fn cyrillic_apostrophe_stays_in_word() {
        assert_eq!(
            norms("П'ятниця, 18 липня"),
            ["п'ятниця", ",", "18", "липня"]
        );
    }

    #[test]
    fn digits_and_letters_split_but_stay_joined() {
        let t = tokenize("the 1990s");
        assert_eq!(t.norm(1), "1990");
        assert_eq!(t.norm(2), "s");
        assert!(t.list[2].joined);
        assert!(!t.list[1].joined);
    }

    #[test]
    fn accents_fold_and_offsets_are_in_chars() {
        let t = tokenize("più März");
        assert_eq!(t.norm(0), "piu");
        assert_eq!(t.norm(1), "marz");
        assert_eq!(t.list[1].chars, 4..8);
        assert_eq!(t.list[1].bytes, 5..10);
    }

    #[test]
    fn huge_numbers_have_no_value() {
        let t = tokenize("123456789012345678901234567890");
        assert_eq!(t.list[0].value, None);
        assert_eq!(t.list[0].digits, 30);
    }
}
