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
    /// Per token, the [`WordKeys`] of its folded form (filled by [`tokenize_keyed`];
    /// without them the tables compute each token's keys as they look it up).
    pub keys: Vec<WordKeys>,
}

/// Short hashes of a folded word that the phrase tables' filters are indexed by,
/// computed once per token instead of once per table look-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordKeys {
    /// Of the whole word: its length and first bytes.
    pub whole: u16,
    /// Of its first [`STEM_KEY`] bytes, which every stem it may start with shares.
    pub opening: u16,
}

/// How many leading bytes [`WordKeys::opening`] covers.
pub const STEM_KEY: usize = 3;

/// How many bits a filter key has.
pub const KEY_BITS: u32 = 14;

/// A filter key: a tag (a length) and up to four leading bytes, hashed to [`KEY_BITS`] bits.
pub fn filter_key(tag: usize, bytes: &[u8]) -> u16 {
    let mut h = (tag as u32).wrapping_mul(0x9E37_79B1);
    for &b in bytes.iter().take(4) {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    (h >> (32 - KEY_BITS)) as u16
}

impl WordKeys {
    /// The keys of a folded word.
    pub fn of(word: &str) -> WordKeys {
        let b = word.as_bytes();
        WordKeys {
            whole: filter_key(word.len().min(64), b),
            opening: filter_key(0, b.get(..STEM_KEY).unwrap_or(b"")),
        }
    }
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

/// `char::is_alphabetic`, answered from ranges for the Latin and Cyrillic
/// letters of the six languages before Unicode's tables are asked.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase`, the same way.
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' | '\u{400}'..='\u{42f}' => true,
        'a'..='z' | '\u{0}'..='\u{7f}' | '\u{df}'..='\u{ff}' | '\u{430}'..='\u{45f}' => false,
        _ => c.is_uppercase(),
    }
}

/// Is `c` a Cyrillic letter (the basic block and its supplement)?
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052F}').contains(&c)
}

/// Folds one character into `out`: lowercase, Latin accents removed, apostrophes unified.
/// ASCII, most of what comes here (the first letter of a word, punctuation), is
/// folded inline at the caller; the rest goes to [`fold_other_into`].
#[inline]
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() && c != '`' {
        out.push(c.to_ascii_lowercase());
        return;
    }
    fold_other_into(c, out);
}

/// [`fold_char_into`] for the characters that are not plain ASCII (and the backtick).
fn fold_other_into(c: char, out: &mut String) {
    // Lowercase Cyrillic, most of a Ukrainian text and its tables, folds to itself:
    // told before the apostrophes and the Latin letters are tried.
    if matches!(c, 'а'..='я' | 'ѐ'..='џ') {
        out.push(c);
        return;
    }
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
        // Cyrillic capitals: the basic ones and the ones with marks (Ї, Є, І).
        'А'..='Я' => {
            out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
            return;
        }
        'Ѐ'..='Џ' => {
            out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c));
            return;
        }
        'а'..='я' | 'ѐ'..='џ' => {
            out.push(c);
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

/// Splits `text` into tokens. One pass over the bytes: ASCII letters, digits
/// and spaces take a short path; other characters are decoded one at a time.
pub fn tokenize(text: &str) -> Tokens {
    let bytes = text.as_bytes();
    let mut toks = Tokens {
        list: Vec::with_capacity(text.len() / 5),
        folded: String::with_capacity(text.len()),
        keys: Vec::new(),
    };
    // The character at byte `pos`, decoded.
    let char_at = |pos: usize| text.get(pos..).and_then(|r| r.chars().next());
    let mut pos = 0;
    let mut ci = 0;
    let mut space = true;
    let mut line_break = false;
    while let Some(&b) = bytes.get(pos) {
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match char_at(pos) {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                line_break = true;
            }
            pos += c.len_utf8();
            ci += 1;
            continue;
        }
        let (bi, start_c) = (pos, ci);
        let norm_start = toks.folded.len();
        pos += c.len_utf8();
        ci += 1;
        let kind;
        let mut value: Option<u64> = None;
        let mut digits = 0;
        if c.is_ascii_digit() {
            kind = TokKind::Num;
            let mut v: Option<u64> = Some(u64::from(b - b'0'));
            digits = 1;
            while let Some(&d) = bytes.get(pos).filter(|d| d.is_ascii_digit()) {
                v = v
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(u64::from(d - b'0')));
                digits += 1;
                pos += 1;
                ci += 1;
            }
            toks.folded.push_str(text.get(bi..pos).unwrap_or(""));
            value = v;
        } else if is_letter(c) {
            kind = TokKind::Word;
            let cyr = is_cyrillic(c);
            fold_char_into(c, &mut toks.folded);
            loop {
                // ASCII letters in a row.
                let run = bytes.get(pos..).map_or(0, |r| {
                    r.iter().take_while(|b| b.is_ascii_alphabetic()).count()
                });
                if run > 0 {
                    let from = toks.folded.len();
                    toks.folded.push_str(text.get(pos..pos + run).unwrap_or(""));
                    if let Some(added) = toks.folded.get_mut(from..) {
                        added.make_ascii_lowercase();
                    }
                    pos += run;
                    ci += run;
                }
                let c2 = match bytes.get(pos) {
                    Some(&b2) if b2 < 0x80 => char::from(b2),
                    _ => match char_at(pos) {
                        Some(c2) => c2,
                        None => break,
                    },
                };
                if ('\u{430}'..='\u{44f}').contains(&c2) {
                    // A lowercase Cyrillic letter folds to itself.
                    toks.folded.push(c2);
                    pos += c2.len_utf8();
                    ci += 1;
                } else if is_letter(c2) || is_combining(c2) {
                    fold_char_into(c2, &mut toks.folded);
                    pos += c2.len_utf8();
                    ci += 1;
                } else if is_apostrophe(c2) {
                    // Look one further: an apostrophe between letters.
                    let mut ahead = text.get(pos + c2.len_utf8()..).unwrap_or("").chars();
                    let c3 = ahead.next();
                    // Elision before a word or a number ("dell'anno", "l'11 settembre").
                    let next_letter =
                        c3.is_some_and(|c3| is_letter(c3) || (!cyr && c3.is_ascii_digit()));
                    // The English possessive ("Iran's") is not an elision: the word ends before it.
                    let possessive = !cyr
                        && c3.is_some_and(|c3| c3 == 's' || c3 == 'S')
                        && ahead.next().is_none_or(|c4| !is_letter(c4));
                    if !next_letter || possessive {
                        break;
                    }
                    fold_char_into(c2, &mut toks.folded);
                    pos += c2.len_utf8();
                    ci += 1;
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
            bytes: bi..pos,
            chars: start_c..ci,
            norm: norm_start..toks.folded.len(),
            value,
            digits,
            joined: !space,
            line_break,
            capital: is_upper(c),
        });
        space = false;
        line_break = false;
    }
    toks
}

/// [`tokenize`], with every token's [`WordKeys`] filled in for the phrase tables.
pub fn tokenize_keyed(text: &str) -> Tokens {
    let mut toks = tokenize(text);
    toks.keys = toks
        .list
        .iter()
        .map(|t| WordKeys::of(toks.folded.get(t.norm.clone()).unwrap_or("")))
        .collect();
    toks
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first tokenizer, kept to check the fast one against.
    fn reference_tokenize(text: &str) -> Tokens {
        let mut toks = Tokens {
            list: Vec::with_capacity(text.len() / 4),
            folded: String::with_capacity(text.len()),
            keys: Vec::new(),
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

    fn same(a: &Tokens, b: &Tokens) -> bool {
        a.folded == b.folded
            && a.list.len() == b.list.len()
            && a.list.iter().zip(&b.list).all(|(x, y)| {
                x.kind == y.kind
                    && x.bytes == y.bytes
                    && x.chars == y.chars
                    && x.norm == y.norm
                    && x.value == y.value
                    && x.digits == y.digits
                    && x.joined == y.joined
                    && x.line_break == y.line_break
                    && x.capital == y.capital
            })
    }

    proptest::proptest! {
        #[test]
        fn the_fast_tokenizer_agrees_with_the_first(
            text in "([a-zA-Zà-üА-яїєß0-9]{1,6}|[ .,'’`sS\n\r\t\u{a0}\u{2029}\u{301}-]|\\PC){0,40}"
        ) {
            proptest::prop_assert!(same(&tokenize(&text), &reference_tokenize(&text)));
        }
    }

    #[test]
    fn the_fast_letter_tests_agree_with_unicode() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
        for c in ('\u{400}'..='\u{45f}').chain('A'..='z') {
            let mut folded = String::new();
            fold_char_into(c, &mut folded);
            if !is_apostrophe(c) {
                assert_eq!(folded, c.to_lowercase().collect::<String>(), "{c:?}");
            }
        }
    }
}
