//! Bytes to text: the first step of reading an article file.
//!
//! Article files come from the web in whatever encoding their source used.
//! [`decode`] turns raw bytes into a `String` and says how it did so:
//!
//! 1. zero bytes are an error ([`DecodeError::Empty`]);
//! 2. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) decides, and is stripped;
//! 3. UTF-16 without a BOM is recognised by its NUL bytes in every other
//!    position;
//! 4. known binary formats (PDF, PNG, ZIP, ELF, gzip, ...; checked first of
//!    all), NUL bytes and many C0 control bytes are rejected
//!    ([`DecodeError::Binary`]);
//! 5. valid UTF-8 is taken as is;
//! 6. text that is mostly UTF-8 with a few stray bytes (a Latin-1 `è` pasted
//!    into a UTF-8 file) keeps its UTF-8 and reads the stray bytes as
//!    windows-1252, which beats U+FFFD for the reader;
//! 7. anything else goes to chardetng, and `encoding_rs` decodes it.
//!
//! Invalid input never aborts: it becomes U+FFFD and a warning. Every step is
//! linear in the input, and nothing here panics.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How many leading bytes the UTF-16 and binary sniffers look at.
const SNIFF_LEN: usize = 8 * 1024;

/// Share (percent) of C0 control bytes above which a file is called binary.
const MAX_CONTROL_PERCENT: usize = 5;

/// Output chunk for `encoding_rs`. Bounded so that each decoder call costs
/// O(chunk), keeping decoding linear however many malformed bytes there are.
const DECODE_CHUNK: usize = 32 * 1024;

/// Text decoded from a file, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without any byte order mark.
    pub text: String,
    /// `encoding_rs` name of what was used, e.g. "UTF-8", "UTF-16LE", "windows-1252", "KOI8-U".
    pub encoding: &'static str,
    /// Human-readable notes, e.g. "3 invalid byte sequences replaced with U+FFFD", "no BOM; detected UTF-16LE".
    pub warnings: Vec<String>,
}

/// Why a file could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no bytes at all.
    Empty,
    /// The file looks like binary data, not text.
    Binary {
        /// What gave it away, e.g. "PNG image signature".
        reason: String,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "file is empty"),
            Self::Binary { reason } => write!(f, "looks binary: {reason}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes the bytes of an article file into text.
///
/// See the module documentation for the order of the checks. The returned
/// [`Decoded::encoding`] names what was used; [`Decoded::warnings`] says
/// what was guessed or replaced.
///
/// # Errors
///
/// [`DecodeError::Empty`] for zero bytes, [`DecodeError::Binary`] for data
/// that is not text (a known file signature, NUL bytes, many control bytes).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    check_signature(bytes)?;
    if let Some(decoded) = decode_with_bom(bytes)? {
        return Ok(decoded);
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        let mut warnings = vec![format!("no BOM; detected {}", encoding.name())];
        let text = decode_utf16_checked(encoding, bytes, &mut warnings)?;
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            warnings,
        });
    }
    check_control_bytes(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            warnings: Vec::new(),
        });
    }
    if mostly_utf8(bytes) {
        let (text, stray) = decode_utf8_with_cp1252_fallback(bytes);
        return Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            warnings: vec![stray_bytes_warning(stray)],
        });
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&detector_sample(bytes), true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let (text, malformed) = decode_counting(encoding, bytes);
    let mut warnings = vec![format!("not UTF-8; detected {}", encoding.name())];
    if malformed > 0 {
        warnings.push(replaced_warning(malformed));
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    })
}

/// How many bytes of context around each non-ASCII byte the encoding detector sees.
const DETECTOR_CONTEXT: usize = 24;

/// How many bytes the encoding detector sees at most. A legacy encoding shows
/// itself within a few thousand non-ASCII bytes; past that the detector (about
/// a microsecond per hundred bytes) only costs time.
const DETECTOR_SAMPLE_MAX: usize = 16 * 1024;

/// What the encoding detector needs to see: the non-ASCII bytes with some
/// context around them, runs of plain ASCII between them left out (a line
/// break stands for each). The detector learns nothing from long ASCII runs
/// and costs about a microsecond per hundred bytes, so a Latin-1 article with
/// a few accented words is sampled in a fraction of its length.
fn detector_sample(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    // Windows around the non-ASCII bytes, merged where they touch. Their edges
    // fall in ASCII runs, so no multi-byte sequence is cut.
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut kept = 0;
    for (p, _) in bytes.iter().enumerate().filter(|(_, b)| !b.is_ascii()) {
        let from = p.saturating_sub(DETECTOR_CONTEXT);
        let to = (p + DETECTOR_CONTEXT + 1).min(bytes.len());
        match windows.last_mut() {
            Some(last) if from <= last.1 => {
                kept += to - last.1;
                last.1 = to;
            }
            _ => {
                kept += to - from + 1;
                windows.push((from, to));
            }
        }
        // Whole windows only, so that no multi-byte sequence is cut.
        if kept >= DETECTOR_SAMPLE_MAX {
            break;
        }
    }
    let end = windows.last().map_or(0, |w| w.1);
    if kept >= end {
        // The windows leave no gap worth skipping: the text up to the last one.
        return std::borrow::Cow::Borrowed(bytes.get(..end).unwrap_or(bytes));
    }
    let mut out = Vec::with_capacity(kept);
    for (a, b) in windows {
        out.extend_from_slice(bytes.get(a..b).unwrap_or(&[]));
        out.push(b'\n');
    }
    std::borrow::Cow::Owned(out)
}

/// Decodes by byte order mark, if there is one.
fn decode_with_bom(bytes: &[u8]) -> Result<Option<Decoded>, DecodeError> {
    let Some((encoding, bom_len)) = Encoding::for_bom(bytes) else {
        return Ok(None);
    };
    let body = bytes.get(bom_len..).unwrap_or_default();
    let mut warnings = Vec::new();
    let text = if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(body) {
            text.to_owned()
        } else {
            let (text, stray) = decode_utf8_with_cp1252_fallback(body);
            warnings.push(stray_bytes_warning(stray));
            text
        }
    } else {
        decode_utf16_checked(encoding, body, &mut warnings)?
    };
    Ok(Some(Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }))
}

/// Decodes UTF-16 and rejects the result if it is mostly control characters,
/// which is what binary data read as UTF-16 looks like.
fn decode_utf16_checked(
    encoding: &'static Encoding,
    body: &[u8],
    warnings: &mut Vec<String>,
) -> Result<String, DecodeError> {
    let (text, malformed) = decode_counting(encoding, body);
    let mut sampled = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(SNIFF_LEN / 2) {
        sampled += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
            control += 1;
        }
    }
    if sampled > 0 && control * 100 > sampled * MAX_CONTROL_PERCENT {
        return Err(DecodeError::Binary {
            reason: format!(
                "{}% control characters when read as {}",
                control * 100 / sampled,
                encoding.name()
            ),
        });
    }
    if body.len() % 2 == 1 {
        warnings.push("odd number of bytes for UTF-16; last byte dropped".to_owned());
    }
    if malformed > 0 {
        warnings.push(replaced_warning(malformed));
    }
    Ok(text)
}

/// Recognises BOM-less UTF-16 by where its NUL bytes fall.
///
/// In UTF-16LE text that is mostly ASCII (or Cyrillic, or any one script)
/// the high byte of each code unit sits at odd offsets, is often NUL, and
/// takes only a few distinct values; the low bytes at even offsets are almost
/// never NUL. UTF-16BE is the mirror image.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..SNIFF_LEN.min(bytes.len()))?;
    let units = sample.len() / 2;
    if units == 0 {
        return None;
    }
    let mut even_nul = 0usize;
    let mut odd_nul = 0usize;
    // Eight bytes (four units) at a time where none is NUL, as in any 8-bit text.
    let mut words = sample.chunks_exact(8);
    for word in &mut words {
        if !has_byte_below(word, 1) {
            continue;
        }
        for pair in word.chunks_exact(2) {
            if let [even, odd] = *pair {
                even_nul += usize::from(even == 0);
                odd_nul += usize::from(odd == 0);
            }
        }
    }
    for pair in words.remainder().chunks_exact(2) {
        if let [even, odd] = *pair {
            even_nul += usize::from(even == 0);
            odd_nul += usize::from(odd == 0);
        }
    }
    // High bytes: at least 10% NUL (spaces, digits, punctuation are ASCII in
    // every script) and 90% within three values. Low bytes: under 2% NUL.
    // The values are counted only for a side whose NULs say UTF-16, which in
    // an 8-bit text none does.
    let many_nul = |nul: usize| nul * 10 >= units;
    let few_nul = |nul: usize| nul * 50 <= units;
    let few_values = |offset: usize| {
        let mut hist = [0usize; 256];
        for b in sample.chunks_exact(2).filter_map(|pair| pair.get(offset)) {
            if let Some(slot) = hist.get_mut(usize::from(*b)) {
                *slot += 1;
            }
        }
        top_three(&hist) * 10 >= units * 9
    };
    if many_nul(odd_nul) && few_nul(even_nul) && few_values(1) {
        Some(UTF_16LE)
    } else if many_nul(even_nul) && few_nul(odd_nul) && few_values(0) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Does any of the (up to eight) bytes fall below `n` (at most 0x80)? Told for the
/// eight at once: a byte below `n` borrows into its own high bit when `n` is taken
/// from each, which a byte with its high bit set is masked out of.
fn has_byte_below(bytes: &[u8], n: u8) -> bool {
    let Ok(eight) = <[u8; 8]>::try_from(bytes) else {
        return bytes.iter().any(|&b| b < n);
    };
    const ONES: u64 = 0x0101_0101_0101_0101;
    let word = u64::from_le_bytes(eight);
    word.wrapping_sub(ONES * u64::from(n)) & !word & (ONES * 0x80) != 0
}

/// The bytes each XORed with `mask`, so that `has_byte_below(.., 1)` finds the ones equal to it.
fn xor_each(bytes: &[u8], mask: u8) -> [u8; 8] {
    let mut out = [mask; 8];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b ^ mask;
    }
    out
}

/// Sum of the three largest counts in a histogram.
fn top_three(hist: &[usize; 256]) -> usize {
    let mut top = [0usize; 3];
    for &count in hist {
        if count > top[2] {
            top[2] = count;
            top.sort_unstable_by(|a, b| b.cmp(a));
        }
    }
    top.iter().sum()
}

/// File signatures of formats people might drop on the app by mistake.
const MAGIC_NUMBERS: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document signature"),
    (b"\x89PNG\r\n\x1a\n", "PNG image signature"),
    (
        b"PK\x03\x04",
        "ZIP archive signature (also .docx, .odt, .epub)",
    ),
    (b"PK\x05\x06", "ZIP archive signature"),
    (b"\x7fELF", "ELF executable signature"),
    (b"\x1f\x8b", "gzip signature"),
    (b"\xff\xd8\xff", "JPEG image signature"),
    (b"GIF87a", "GIF image signature"),
    (b"GIF89a", "GIF image signature"),
    (b"BZh", "bzip2 signature"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive signature"),
    (b"\xfd7zXZ\x00", "xz signature"),
    (b"\x28\xb5\x2f\xfd", "zstd signature"),
    (b"Rar!\x1a\x07", "RAR archive signature"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "OLE document signature (old .doc/.xls)",
    ),
    (b"SQLite format 3\x00", "SQLite database signature"),
    (b"\x00asm", "WebAssembly signature"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable signature"),
];

/// Rejects files that start with a known binary signature.
fn check_signature(bytes: &[u8]) -> Result<(), DecodeError> {
    for (magic, name) in MAGIC_NUMBERS {
        // "BZh" alone is too common a start of English text; bzip2 follows it
        // with a block size digit and a block magic.
        let bzip_ok = *magic != b"BZh"
            || bytes.get(3..10).is_some_and(|rest| {
                rest.first().is_some_and(u8::is_ascii_digit)
                    && rest.get(1..) == Some(b"1AY&SY".as_slice())
            });
        if bytes.starts_with(magic) && bzip_ok {
            return Err(DecodeError::Binary {
                reason: (*name).to_owned(),
            });
        }
    }
    Ok(())
}

/// Rejects data with NUL bytes or many C0 control bytes in the first
/// [`SNIFF_LEN`] bytes (once UTF-16 has been ruled out).
fn check_control_bytes(bytes: &[u8]) -> Result<(), DecodeError> {
    let sample = bytes.get(..SNIFF_LEN.min(bytes.len())).unwrap_or_default();
    let where_ = if bytes.len() > SNIFF_LEN {
        "in the first 8 KiB".to_owned()
    } else {
        format!("in its {} bytes", bytes.len())
    };
    let is_control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
    let (mut nul, mut control) = (0, 0);
    let mut count = |bytes: &[u8]| {
        for &b in bytes {
            nul += usize::from(b == 0);
            control += usize::from(is_control(b));
        }
    };
    // Eight bytes at a time where none is below a space or DEL (most of a text).
    let mut words = sample.chunks_exact(8);
    for word in &mut words {
        if has_byte_below(word, 0x20) || has_byte_below(&xor_each(word, 0x7f), 1) {
            count(word);
        }
    }
    count(words.remainder());
    // One stray control byte (a DOS end-of-file mark) does not make a tiny file binary.
    if control > 1 && control * 100 > sample.len() * MAX_CONTROL_PERCENT {
        return Err(DecodeError::Binary {
            reason: format!("{}% control bytes {where_}", control * 100 / sample.len()),
        });
    }
    if nul > 0 {
        return Err(DecodeError::Binary {
            reason: format!("{nul} NUL bytes {where_}, and it is not UTF-16"),
        });
    }
    Ok(())
}

/// Whether invalid UTF-8 is best read as UTF-8 with stray single bytes: it
/// has more valid multi-byte sequences than invalid ones (a legacy 8-bit
/// text almost never forms valid multi-byte sequences by chance).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                valid_multibyte += count_non_ascii_chars(valid);
                break;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                valid_multibyte += std::str::from_utf8(valid).map_or(0, count_non_ascii_chars);
                invalid += 1;
                let skip = error.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
            }
        }
    }
    valid_multibyte > invalid
}

fn count_non_ascii_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_ascii()).count()
}

/// Decodes valid UTF-8 runs as UTF-8 and every byte of an invalid sequence
/// on its own as windows-1252. Returns the text and how many bytes took the
/// windows-1252 route.
fn decode_utf8_with_cp1252_fallback(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut stray = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad_len = error.error_len().unwrap_or(after.len()).max(1);
                let (bad, tail) = after.split_at(bad_len.min(after.len()));
                for &byte in bad {
                    text.push(cp1252_char(byte));
                    stray += 1;
                }
                rest = tail;
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    (text, stray)
}

/// windows-1252 bytes 0x80..=0x9F as `encoding_rs` (WHATWG) maps them; the five
/// unassigned bytes become the C1 control of the same value.
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The windows-1252 character for one byte.
fn cp1252_char(byte: u8) -> char {
    CP1252_HIGH
        .get(usize::from(byte.wrapping_sub(0x80)))
        .copied()
        .unwrap_or(char::from(byte))
}

/// Decodes all of `bytes` with `encoding` (no BOM sniffing), replacing each
/// malformed sequence with U+FFFD. Returns the text and the count of
/// replacements.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut chunk = String::with_capacity(DECODE_CHUNK);
    let mut malformed = 0usize;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut chunk, true);
        rest = rest.get(read..).unwrap_or_default();
        let wrote = chunk.len();
        text.push_str(&chunk);
        chunk.clear();
        match result {
            DecoderResult::InputEmpty => break,
            // Cannot happen with a non-empty chunk buffer; never spin.
            DecoderResult::OutputFull if read == 0 && wrote == 0 => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => {
                text.push('\u{fffd}');
                malformed += 1;
            }
        }
    }
    (text, malformed)
}

fn replaced_warning(count: usize) -> String {
    if count == 1 {
        "1 invalid byte sequence replaced with U+FFFD".to_owned()
    } else {
        format!("{count} invalid byte sequences replaced with U+FFFD")
    }
}

fn stray_bytes_warning(count: usize) -> String {
    if count == 1 {
        "mostly UTF-8; 1 stray byte decoded as windows-1252".to_owned()
    } else {
        format!("mostly UTF-8; {count} stray bytes decoded as windows-1252")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{KOI8_U, WINDOWS_1251, WINDOWS_1252};

    const ARTICLE_004: &[u8] = include_bytes!("../../data/004_3bd72472d4c2b3aa.txt");
    const ARTICLE_000: &[u8] = include_bytes!("../../data/000_baa33a4ea23e10ec.txt");

    #[test]
    fn eight_bytes_at_once_tell_a_low_byte_as_each_byte_does() {
        let edges = [0u8, 1, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0x81, 0xa0, 0xff];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut word = [0u8; 8];
            for b in &mut word {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let r = (seed >> 33) as usize;
                *b = edges[r % edges.len()];
            }
            for n in [1, 0x20] {
                assert_eq!(
                    has_byte_below(&word, n),
                    word.iter().any(|&b| b < n),
                    "{word:?} {n}"
                );
            }
            let del = xor_each(&word, 0x7f);
            assert_eq!(has_byte_below(&del, 1), word.contains(&0x7f), "{word:?}");
        }
    }

    const ITALIAN: &str = "La città di Pyongyang è stata al centro dei colloqui, perché \
        la delegazione russa è arrivata più tardi del previsto. Però l'incontro \
        si è svolto, e la cooperazione militare è cresciuta già l'anno scorso.";

    const UKRAINIAN: &str = "Міністр оборони України заявив, що Північна Корея \
        передала Росії нові ракети. За даними розвідки, у жовтні до Курської \
        області прибули ще тисячі військових, які проходять навчання. Київ \
        закликав партнерів посилити санкції проти обох держав.";

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    /// A small deterministic generator, so that "random" tests repeat.
    fn pseudo_random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (seed >> 33).to_le_bytes()[0]
            })
            .collect()
    }

    #[test]
    fn empty_file_is_an_error() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(DecodeError::Empty.to_string(), "file is empty");
    }

    #[test]
    fn whitespace_only_is_text() {
        let decoded = decode(b"  \n\t\n").unwrap();
        assert_eq!(decoded.text, "  \n\t\n");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn plain_utf8_has_no_warnings() {
        let decoded = decode(ITALIAN.as_bytes()).unwrap();
        assert_eq!(decoded.text, ITALIAN);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn sample_articles_decode_as_utf8_unchanged() {
        for article in [ARTICLE_000, ARTICLE_004] {
            let decoded = decode(article).unwrap();
            assert_eq!(decoded.encoding, "UTF-8");
            assert_eq!(decoded.text.as_bytes(), article);
            assert!(decoded.warnings.is_empty());
        }
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(ITALIAN.as_bytes());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, ITALIAN);
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(utf16le(ITALIAN));
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, ITALIAN);
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(utf16be(UKRAINIAN));
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, UKRAINIAN);
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16le_without_bom() {
        let decoded = decode(&utf16le(ITALIAN)).unwrap();
        assert_eq!(decoded.text, ITALIAN);
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert_eq!(
            decoded.warnings,
            vec!["no BOM; detected UTF-16LE".to_owned()]
        );
    }

    #[test]
    fn utf16be_without_bom() {
        let decoded = decode(&utf16be(ITALIAN)).unwrap();
        assert_eq!(decoded.text, ITALIAN);
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn cyrillic_utf16_without_bom() {
        let le = decode(&utf16le(UKRAINIAN)).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), (UKRAINIAN, "UTF-16LE"));
        let be = decode(&utf16be(UKRAINIAN)).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), (UKRAINIAN, "UTF-16BE"));
    }

    #[test]
    fn utf16_odd_length_and_lone_surrogate_warn() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(utf16le("Ciao "));
        bytes.extend([0x00, 0xd8]); // lone high surrogate
        bytes.extend(utf16le(" mondo"));
        bytes.push(b'x');
        let decoded = decode(&bytes).unwrap();
        assert!(decoded.text.starts_with("Ciao \u{fffd} mondo"));
        assert!(
            decoded
                .warnings
                .iter()
                .any(|w| w.contains("odd number of bytes"))
        );
        assert!(
            decoded
                .warnings
                .iter()
                .any(|w| w.contains("replaced with U+FFFD"))
        );
    }

    #[test]
    fn latin1_italian_is_detected() {
        let (bytes, _, _) = WINDOWS_1252.encode(ITALIAN);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.contains("città"));
        assert!(decoded.text.contains("perché"));
        assert_eq!(decoded.text, ITALIAN);
        assert_eq!(
            decoded.warnings,
            vec!["not UTF-8; detected windows-1252".to_owned()]
        );
    }

    #[test]
    fn windows_1251_ukrainian_is_detected() {
        let (bytes, _, unmappable) = WINDOWS_1251.encode(UKRAINIAN);
        assert!(!unmappable);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1251");
        assert_eq!(decoded.text, UKRAINIAN);
    }

    #[test]
    fn long_legacy_files_are_detected_from_their_opening() {
        // Far past the detector's sample: the encoding is still told, the whole text decoded.
        let long = UKRAINIAN.repeat(2000);
        for encoding in [WINDOWS_1251, KOI8_U] {
            let (bytes, _, _) = encoding.encode(&long);
            assert!(bytes.len() > 4 * DETECTOR_SAMPLE_MAX);
            assert!(
                detector_sample(&bytes).len() <= DETECTOR_SAMPLE_MAX + 2 * DETECTOR_CONTEXT + 2
            );
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.encoding, encoding.name());
            assert_eq!(decoded.text, long);
        }
        let italian =
            "Il ministro è arrivato a Roma, poiché la città ospita il vertice. ".repeat(600);
        let (bytes, _, _) = WINDOWS_1252.encode(&italian);
        assert!(bytes.len() > 2 * DETECTOR_SAMPLE_MAX);
        assert_eq!(decode(&bytes).unwrap().encoding, "windows-1252");
    }

    #[test]
    fn koi8_u_ukrainian_is_detected() {
        let (bytes, _, unmappable) = KOI8_U.encode(UKRAINIAN);
        assert!(!unmappable);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "KOI8-U");
        assert_eq!(decoded.text, UKRAINIAN);
    }

    #[test]
    fn single_cyrillic_sentences_are_detected() {
        let sentence =
            "Міністр оборони України заявив, що Північна Корея передала Росії нові ракети.";
        for encoding in [WINDOWS_1251, KOI8_U] {
            let (bytes, _, _) = encoding.encode(sentence);
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.encoding, encoding.name());
            assert_eq!(decoded.text, sentence);
        }
    }

    #[test]
    fn short_latin1_word_is_detected() {
        let decoded = decode(b"caff\xe8").unwrap();
        assert_eq!(decoded.text, "caffè");
    }

    #[test]
    fn one_dos_eof_mark_is_not_binary() {
        assert_eq!(decode(b"ciao\x1a").unwrap().text, "ciao\u{1a}");
    }

    #[test]
    fn stray_latin1_byte_in_utf8_is_read_as_windows_1252() {
        let mut bytes = "La città è più bella, ".as_bytes().to_vec();
        bytes.extend_from_slice(b"il caff\xe8 anche.");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "La città è più bella, il caffè anche.");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(
            decoded.warnings,
            vec!["mostly UTF-8; 1 stray byte decoded as windows-1252".to_owned()]
        );
    }

    #[test]
    fn truncated_utf8_at_end_is_read_as_windows_1252() {
        let mut bytes = "più già così ".as_bytes().to_vec();
        bytes.push(0xc3);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "più già così Ã");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn png_header_is_binary() {
        let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        bytes.extend(pseudo_random_bytes(200, 7));
        let error = decode(&bytes).unwrap_err();
        assert!(matches!(&error, DecodeError::Binary { reason } if reason.contains("PNG")));
        assert!(error.to_string().starts_with("looks binary: "));
    }

    #[test]
    fn other_signatures_are_binary() {
        for bytes in [
            &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..],
            b"PK\x03\x04\x14\x00\x06\x00",
            b"\x7fELF\x02\x01\x01\x00",
            b"\x1f\x8b\x08\x00\x00\x00",
        ] {
            assert!(
                matches!(decode(bytes), Err(DecodeError::Binary { .. })),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn random_bytes_with_nuls_are_binary() {
        let mut bytes = pseudo_random_bytes(10_000, 42);
        bytes[100] = 0;
        let error = decode(&bytes).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("looks binary: "), "{message}");
        assert!(message.contains("in the first 8 KiB"), "{message}");
    }

    #[test]
    fn nul_in_ascii_text_is_binary() {
        let error = decode(b"just some text\0 and more text here").unwrap_err();
        assert!(error.to_string().contains("NUL"), "{error}");
    }

    #[test]
    fn english_starting_with_bzh_is_text() {
        assert!(decode(b"BZh is not a word, but this is text.").is_ok());
    }

    #[test]
    fn twenty_megabytes_of_ascii_complete() {
        let line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n";
        let text = line.repeat(20 * 1024 * 1024 / line.len());
        let decoded = decode(text.as_bytes()).unwrap();
        assert_eq!(decoded.text.len(), text.len());
    }

    #[test]
    fn twenty_megabytes_of_windows_1252_complete() {
        let (bytes, _, _) = WINDOWS_1252.encode(ITALIAN);
        let big = bytes.repeat(20 * 1024 * 1024 / bytes.len());
        let decoded = decode(&big).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
    }

    #[test]
    fn cp1252_table_matches_encoding_rs() {
        for byte in 0..=u8::MAX {
            let single = [byte];
            let (expected, _) = WINDOWS_1252.decode_without_bom_handling(&single);
            assert_eq!(cp1252_char(byte).to_string(), expected, "byte {byte:#x}");
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        for len in 0..300 {
            let bytes = pseudo_random_bytes(len, len as u64);
            let _ = decode(&bytes);
            let mut bom = vec![0xff, 0xfe];
            bom.extend_from_slice(&bytes);
            let _ = decode(&bom);
            let high: Vec<u8> = bytes.iter().map(|b| b | 0x80).collect();
            let _ = decode(&high);
        }
    }
}
