//! An article: the clean text of one file with what we know about it (title,
//! language, publication date) and what went wrong on the way in. Built from
//! bytes by [`Article::from_bytes`], which never fails: problems become
//! warnings, and a file that cannot be read at all becomes an article with an
//! error and no text, so that the other files go on.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::extract::lang;
use crate::extract::langdetect;
use crate::extract::published;
use crate::text;

/// Articles larger than this are cut (with a warning).
pub const MAX_ARTICLE_BYTES: usize = 20 * 1024 * 1024;

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedOrigin {
    /// A dateline or labelled header/footer in the text.
    Text,
    /// HTML metadata (meta tags, JSON-LD, `<time>`), or Markdown front matter.
    Html,
    /// Given by the user (`--published`).
    Cli,
    /// Not known.
    None,
}

/// The publication date and time, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The moment, if known.
    pub value: Option<NaiveDateTime>,
    /// The time of day is known (else midnight).
    pub has_time: bool,
    /// Where it came from.
    pub origin: PublishedOrigin,
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Published", 2)?;
        let value = self.value.map(|v| {
            if self.has_time {
                v.format("%Y-%m-%dT%H:%M").to_string()
            } else {
                v.format("%Y-%m-%d").to_string()
            }
        });
        st.serialize_field("value", &value)?;
        st.serialize_field("origin", &self.origin)?;
        st.end()
    }
}

/// Choices the user makes for intake.
#[derive(Debug, Clone, Default)]
pub struct IntakeOptions {
    /// The language, or `None` to detect it.
    pub lang: Option<String>,
    /// The publication date, overriding what the article says.
    pub published: Option<(NaiveDateTime, bool)>,
}

/// One article, ready for extraction.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// A stable id from the source name and the bytes.
    pub id: String,
    /// Where it came from (a path, as given).
    pub source: String,
    /// The headline.
    pub title: Option<String>,
    /// ISO 639-1 code of its language.
    pub lang: String,
    /// When it was published.
    pub published: Published,
    /// How many broken characters were repaired.
    pub repairs: usize,
    /// What went wrong, for the user.
    pub warnings: Vec<String>,
    /// The clean text all offsets point into.
    #[serde(skip)]
    pub text: String,
    /// Set when the file could not be read at all.
    #[serde(skip)]
    pub error: Option<String>,
}

/// FNV-1a, 64 bits: a stable id without a dependency.
fn stable_id(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The headline of a plain-text article: the first line that reads like one
/// (not a menu item, not a lone word, not a date, not a sentence ending in a
/// full stop) and has more text after it. A text of one paragraph has no
/// headline: its sentences are the news, not a summary of it.
fn guess_title(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(21)
        .collect();
    lines
        .iter()
        .take(20)
        .enumerate()
        .find(|(i, l)| {
            let words = l.split_whitespace().count();
            !l.starts_with(['•', '*', '-', '·', '|', '#'])
                && !l.ends_with('.')
                && (4..=40).contains(&words)
                && l.chars().count() <= 300
                && lines.get(i + 1).is_some()
        })
        .map(|(_, l)| l.to_string())
}

impl Article {
    /// An article for a file that could not be read: no text, the reason as its error and warning.
    pub fn failed(source: &str, reason: &str) -> Article {
        Article {
            id: stable_id(&[source.as_bytes()]),
            source: source.to_string(),
            title: None,
            lang: "und".to_string(),
            published: Published {
                value: None,
                has_time: false,
                origin: PublishedOrigin::None,
            },
            repairs: 0,
            warnings: vec![format!("{source}: {reason}")],
            text: String::new(),
            error: Some(reason.to_string()),
        }
    }

    /// Reads an article from a file's bytes. `source` names it (a path); its extension
    /// picks HTML or Markdown, else the content is sniffed.
    pub fn from_bytes(source: &str, bytes: &[u8], opts: &IntakeOptions) -> Article {
        let mut warnings = Vec::new();
        let bytes = if bytes.len() > MAX_ARTICLE_BYTES {
            // The reader stops one byte past the limit, so the real size is not known here.
            warnings.push(format!(
                "{source}: longer than the {} MB an article may have; only the first {} MB were read",
                MAX_ARTICLE_BYTES / (1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ));
            bytes.get(..MAX_ARTICLE_BYTES).unwrap_or(bytes)
        } else {
            bytes
        };
        let ext = std::path::Path::new(source)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let doc = match text::intake(bytes, ext.as_deref()) {
            Ok(doc) => doc,
            Err(e) => return Article::failed(source, &e.to_string()),
        };
        warnings.extend(doc.warnings.iter().map(|w| format!("{source}: {w}")));
        let detected = langdetect::detect(&doc.text);
        let lang = match (
            &opts.lang,
            detected,
            doc.lang.as_deref().filter(|l| lang::table(l).is_some()),
        ) {
            (Some(l), _, _) if lang::table(l).is_some() => l.clone(),
            (Some(l), d, _) => {
                warnings.push(format!(
                    "{source}: language '{l}' is not supported; using {}",
                    d.unwrap_or("en")
                ));
                d.unwrap_or("en").to_string()
            }
            (None, Some(d), _) => d.to_string(),
            (None, None, Some(meta)) => meta.to_string(),
            (None, None, None) => {
                warnings.push(format!(
                    "{source}: could not tell the language; assumed English"
                ));
                "en".to_string()
            }
        };
        let published = if let Some((v, has_time)) = opts.published {
            Published {
                value: Some(v),
                has_time,
                origin: PublishedOrigin::Cli,
            }
        } else if let Some(f) = doc
            .published
            .as_deref()
            .and_then(|p| published::parse_meta(p, &lang))
        {
            Published {
                value: Some(f.value),
                has_time: f.has_time,
                origin: PublishedOrigin::Html,
            }
        } else if let Some(f) = published::find_in_text(&doc.text, &lang) {
            Published {
                value: Some(f.value),
                has_time: f.has_time,
                origin: PublishedOrigin::Text,
            }
        } else {
            warnings.push(format!("{source}: no publication date found; relative dates (\"ieri\", \"last year\") are left out (give --published)"));
            Published {
                value: None,
                has_time: false,
                origin: PublishedOrigin::None,
            }
        };
        let title = doc.title.clone().or_else(|| guess_title(&doc.text));
        Article {
            id: stable_id(&[source.as_bytes(), bytes]),
            source: source.to_string(),
            title,
            lang,
            published,
            repairs: doc.repairs,
            warnings,
            text: doc.text,
            error: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_a_line_with_text_after_it_and_no_full_stop() {
        assert_eq!(
            guess_title("Putin e Kim firmano un trattato di difesa\n\nIl testo prevede aiuti."),
            Some("Putin e Kim firmano un trattato di difesa".to_string())
        );
        // One paragraph, opening with an inline dateline: no headline, so its
        // sentences are not skipped as "already told".
        assert_eq!(
            guess_title("Roma, 12 marzo 2025 - Il ministro ha incontrato ieri l'omologo a Mosca."),
            None
        );
        assert_eq!(
            guess_title("Il ministro ha incontrato ieri l'omologo a Mosca.\nPoi è ripartito."),
            None
        );
    }

    #[test]
    fn plain_text_sample_gets_title_language_and_dateline() {
        let a = Article::from_bytes(
            "data/000.txt",
            include_bytes!("../data/000_baa33a4ea23e10ec.txt"),
            &IntakeOptions::default(),
        );
        assert_eq!(a.lang, "it");
        assert_eq!(
            a.title.as_deref(),
            Some(
                "Russia e Corea del Nord rafforzano la partnership strategica nel contesto del conflitto in Ucraina"
            )
        );
        assert_eq!(a.published.origin, PublishedOrigin::Text);
        assert_eq!(
            a.published
                .value
                .map(|v| v.format("%Y-%m-%dT%H:%M").to_string())
                .as_deref(),
            Some("2025-10-28T11:48")
        );
        assert!(a.error.is_none());
    }

    #[test]
    fn broken_sample_is_repaired_and_dated_from_its_footer() {
        let a = Article::from_bytes(
            "data/004.txt",
            include_bytes!("../data/004_3bd72472d4c2b3aa.txt"),
            &IntakeOptions::default(),
        );
        for needle in [
            "l’analisi",
            "più di tre anni",
            "quantità di armamenti",
            "“racconta”",
            "cooperazione”",
            "(Adnkronos) – Un",
            "Dall’ottobre",
        ] {
            assert!(a.text.contains(needle), "missing {needle}");
        }
        for bad in ["â??", "â?•", "Ã"] {
            assert!(!a.text.contains(bad), "still has {bad}");
        }
        assert!(a.repairs > 0);
        assert_eq!(
            a.published.value.map(|v| v.date().to_string()).as_deref(),
            Some("2025-11-08")
        );
        assert_eq!(a.lang, "it");
    }

    #[test]
    fn cli_date_overrides_the_text() {
        let when = chrono::NaiveDate::from_ymd_opt(2024, 1, 2)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let opts = IntakeOptions {
            lang: Some("it".into()),
            published: Some((when, false)),
        };
        let a = Article::from_bytes(
            "x.txt",
            "Chas Pravdy - 28 Ottobre 2025 11:48\n\nTesto.".as_bytes(),
            &opts,
        );
        assert_eq!(a.published.origin, PublishedOrigin::Cli);
        assert_eq!(a.published.value, Some(when));
    }

    #[test]
    fn empty_and_binary_files_fail_with_a_reason() {
        let a = Article::from_bytes("empty.txt", b"", &IntakeOptions::default());
        assert!(a.error.is_some());
        assert!(a.warnings[0].starts_with("empty.txt: "));
        let b = Article::from_bytes(
            "x.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            &IntakeOptions::default(),
        );
        assert!(b.error.is_some());
    }
}
