//! Extraction never panics and every offset it returns lies on a character
//! boundary inside the text, for arbitrary Unicode in every script and for
//! text built from the pieces dates and figures are made of.

use dateline::article::{Article, IntakeOptions};
use dateline::extract::extract;
use proptest::prelude::*;

/// Pieces that stress the grammar: numbers with separators, apostrophes, dashes,
/// month and unit words of all six languages, Cyrillic, marks and odd spaces.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("10.000".to_string()),
        Just("1,2".to_string()),
        Just("31/02/2025".to_string()),
        Just("2025-13-45".to_string()),
        Just("99999".to_string()),
        Just("0".to_string()),
        Just("'90".to_string()),
        Just("l'".to_string()),
        Just("dall’".to_string()),
        Just("п'ятниця".to_string()),
        Just("–".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just("\n".to_string()),
        Just("\u{FFFD}".to_string()),
        Just("\u{0301}".to_string()),
        Just("fine fine fine ottobre".to_string()),
        Just("-5 anni fa".to_string()),
        Just("tra il 3 e il".to_string()),
        Just("dal 31 al 1".to_string()),
        Just("anni".to_string()),
        Just("scorso".to_string()),
        Just("marzo".to_string()),
        Just("March".to_string()),
        Just("жовтня".to_string()),
        Just("року".to_string()),
        Just("Ramadan".to_string()),
        Just("miliardi di dollari".to_string()),
        Just("soldati".to_string()),
        Just("ha incontrato".to_string()),
        Just("Vladimir Putin".to_string()),
        "[0-9]{1,20}",
        "\\PC{0,12}",
    ]
}

fn check(text: &str, lang: Option<&str>) {
    let opts = IntakeOptions {
        lang: lang.map(str::to_string),
        published: None,
    };
    for published in [
        None,
        chrono::NaiveDate::from_ymd_opt(2025, 10, 28).and_then(|d| d.and_hms_opt(11, 48, 0)),
    ] {
        let opts = IntakeOptions {
            published: published.map(|p| (p, true)),
            ..opts.clone()
        };
        let article = Article::from_bytes("prop.txt", text.as_bytes(), &opts);
        let x = extract(&article);
        let chars = article.text.chars().count();
        for t in &x.timexes {
            assert!(t.start <= t.end && t.end <= chars, "timex offsets {t:?}");
            assert!(
                article.text.is_char_boundary(t.bytes.start)
                    && article.text.is_char_boundary(t.bytes.end)
            );
            assert!(t.start_date <= t.end_date, "inverted period {t:?}");
        }
        for e in &x.events {
            for (s, en) in [
                (e.sentence.start, e.sentence.end),
                (e.trigger.start, e.trigger.end),
            ] {
                assert!(s <= en && en <= chars, "event offsets {e:?}");
            }
            for f in &e.figures {
                assert!(
                    f.start <= f.end && f.end <= chars && f.value.is_finite(),
                    "figure {f:?}"
                );
            }
        }
        for s in &x.sentences {
            assert!(s.start <= s.end && s.end <= chars);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}", lang in prop::sample::select(vec!["it", "en", "es", "de", "fr", "uk"])) {
        check(&text, Some(lang));
    }

    #[test]
    fn date_shaped_text_never_panics(pieces in prop::collection::vec(piece(), 0..40), lang in prop::sample::select(vec!["it", "en", "es", "de", "fr", "uk"])) {
        check(&pieces.join(" "), Some(lang));
        check(&pieces.concat(), None);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let article = Article::from_bytes("bytes.txt", &bytes, &IntakeOptions::default());
        let _ = extract(&article);
    }
}
