//! The bodies of the fuzz targets, apart from libFuzzer so that
//! `tests/fuzz_fallback.rs` runs the very same code under proptest on a
//! machine without a nightly compiler (it includes this file by path).
//!
//! [`extract_bytes`] takes a file's bytes the way `dateline extract` does;
//! [`resolve_time`] reads its bytes as a recipe for an adversarial reference
//! date and either a phrase for the time tagger or an expression for the
//! resolver alone. Both check the invariants the output promises and panic
//! (which is what a fuzzer reports) when one is broken.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use dateline::article::{Article, IntakeOptions};
use dateline::export::{self, ArticleOut};
use dateline::extract::lang::{Observe, SeasonStyle, Unit};
use dateline::extract::time::grammar::{Clock, Expr, YearRef};
use dateline::extract::time::resolve::{self, Ctx};
use dateline::extract::time::{self, Grain, Lean, Timex};
use dateline::extract::{self, Extraction};

/// The languages with tables, and one without.
const LANGS: [&str; 7] = ["it", "en", "es", "de", "fr", "uk", "xx"];

/// The CLI's path over a file's bytes: intake (decode, repair, HTML or Markdown), language,
/// publication date, then extraction and JSON output. The first byte picks the file
/// extension and whether `--published` is given; the whole input is the file.
pub fn extract_bytes(data: &[u8]) {
    let selector = data.first().copied().unwrap_or(0);
    let source = match selector % 4 {
        0 => "article.txt",
        1 => "article.html",
        2 => "article.md",
        _ => "article",
    };
    let published = (selector & 4 != 0)
        .then(|| NaiveDate::from_ymd_opt(2025, 10, 28).and_then(|d| d.and_hms_opt(11, 48, 0)))
        .flatten()
        .map(|p| (p, true));
    let opts = IntakeOptions {
        lang: None,
        published,
    };
    let article = Article::from_bytes(source, data, &opts);
    let extraction = extract::extract(&article);
    check_extraction(&article, &extraction);
    let outs = [ArticleOut::new(&article, &extraction, true)];
    let mut sink = Vec::new();
    // Writing to memory cannot fail for I/O reasons; a serialization error is not a panic.
    let _ = export::write(&mut sink, export::Format::Json, &outs);
    let _ = export::write(&mut sink, export::Format::Csv, &outs);
}

/// Every offset lies on a character boundary inside the text, and char and byte
/// offsets agree with each other and with the words they claim to cover.
pub fn check_extraction(article: &Article, x: &Extraction) {
    let text = &article.text;
    let chars = text.chars().count();
    check_timexes(text, &x.timexes);
    for s in &x.sentences {
        assert!(s.start <= s.end && s.end <= chars, "sentence {s:?}");
        assert!(
            s.byte_start <= s.byte_end
                && text.is_char_boundary(s.byte_start)
                && text.is_char_boundary(s.byte_end),
            "sentence bytes {s:?}"
        );
    }
    for e in &x.events {
        for span in [&e.sentence, &e.trigger] {
            assert!(
                span.start <= span.end && span.end <= chars,
                "event span {span:?}"
            );
        }
        assert!(
            e.date.start_date <= e.date.end_date,
            "event date {:?}",
            e.date
        );
        assert!(e.confidence.is_finite(), "confidence {}", e.confidence);
        for f in &e.figures {
            assert!(
                f.start <= f.end && f.end <= chars && f.value.is_finite(),
                "figure {f:?}"
            );
        }
    }
}

/// Offsets of time expressions: on char boundaries, inside `text`, consistent.
pub fn check_timexes(text: &str, timexes: &[Timex]) {
    let chars = text.chars().count();
    for t in timexes {
        assert!(t.start <= t.end && t.end <= chars, "timex offsets {t:?}");
        assert!(
            t.bytes.start <= t.bytes.end
                && t.bytes.end <= text.len()
                && text.is_char_boundary(t.bytes.start)
                && text.is_char_boundary(t.bytes.end),
            "timex bytes {t:?}"
        );
        assert!(t.start_date <= t.end_date, "inverted period {t:?}");
        // Before year 1 only a year written before the common era ("753 BC").
        let bc = t.value.starts_with("BC");
        assert!(
            bc || (in_years(t.start_date) && in_years(t.end_date)),
            "a date outside the years 1 to 9999 {t:?}"
        );
        let by_chars: String = text.chars().skip(t.start).take(t.end - t.start).collect();
        assert_eq!(
            text.get(t.bytes.clone()),
            Some(by_chars.as_str()),
            "char and byte offsets disagree {t:?}"
        );
    }
}

/// Dates are resolved in the years 1 to 9999 only (and years written BC, checked apart).
fn in_years(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

/// Years that break calendars: none, the first, the last four-digit one, five digits,
/// and the ends of what chrono can hold.
const EXTREME_YEARS: [i32; 16] = [
    0, 1, -1, 9999, 10000, 99999, -99999, 262_142, 262_143, -262_143, -262_144, 1582, 1900, 1970,
    2024, 2025,
];

/// Pieces of adversarial date phrases, in the six languages.
const PIECES: &[&str] = &[
    "0",
    "00",
    "0000",
    "99999",
    "999999999999999999999",
    "18446744073709551616",
    "2147483648",
    "-1",
    "-5",
    "29",
    "31",
    "32",
    "13",
    "2024",
    "31 febbraio",
    "29 febbraio 2023",
    "30 February",
    "31 April",
    "31. Februar",
    "31 février",
    "31 de febrero",
    "31 лютого",
    "-5 anni fa",
    "5 anni fa",
    "99999 anni fa",
    "tra 99999 anni",
    "in 99999 years",
    "99999 years ago",
    "vor 99999 Jahren",
    "il y a 99999 ans",
    "hace 99999 años",
    "99999 років тому",
    "anno 0",
    "year 0",
    "nel 99999",
    "nel 10000",
    "dell'anno scorso",
    "l'anno prossimo",
    "fine fine fine ottobre",
    "inizio",
    "metà",
    "fine",
    "ottobre",
    "October",
    "Oktober",
    "octobre",
    "octubre",
    "жовтня",
    "ieri",
    "domani",
    "yesterday",
    "gestern",
    "hier",
    "ayer",
    "вчора",
    "lunedì",
    "Monday",
    "prossimo",
    "scorso",
    "next",
    "last",
    "settimana",
    "week",
    "mese",
    "anni",
    "years",
    "giorni",
    "ore",
    "minuti",
    "decennio",
    "anni '90",
    "'90",
    "the 1990s",
    "dal",
    "al",
    "tra il",
    "e il",
    "from",
    "to",
    "between",
    "and",
    "entro",
    "until",
    "since",
    "Q4",
    "primo trimestre",
    "estate",
    "summer",
    "Ramadan",
    "Pasqua",
    "Easter",
    "alle 25:61",
    "at 23:59",
    "settimana 53",
    "week 54",
    "2025-W53",
    "9999-12-31",
    "0000-01-01",
    "10000-01-01",
    "31/12/9999",
    "01/01/0000",
    "12/31/99999",
    "'",
    "–",
    "/",
    "-",
    ".",
    ",",
    " ",
    " ",
    " ",
    "\n",
    "\u{a0}",
    "\u{fffd}",
    "\u{301}",
    "’",
];

/// Reads bytes off the front of the input; zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        let Some((&b, rest)) = self.0.split_first() else {
            return 0;
        };
        self.0 = rest;
        b
    }

    fn i32(&mut self) -> i32 {
        // Half the time a number from the edges, else any.
        match self.u8() {
            s @ 0..=127 => match s % 8 {
                0 => i32::MAX,
                1 => i32::MIN,
                2 => 0,
                3 => -1,
                4 => 1,
                5 => 99_999,
                6 => -99_999,
                _ => EXTREME_YEARS[usize::from(self.u8()) % EXTREME_YEARS.len()],
            },
            _ => i32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()]),
        }
    }

    fn year(&mut self) -> YearRef {
        match self.u8() % 4 {
            0 => YearRef::Unknown,
            1 => YearRef::Abs(self.i32()),
            2 => YearRef::TwoDigit(self.u8()),
            _ => YearRef::Rel(self.i32()),
        }
    }

    fn unit(&mut self) -> Unit {
        const UNITS: [Unit; 11] = [
            Unit::Hour,
            Unit::Minute,
            Unit::Day,
            Unit::Week,
            Unit::Fortnight,
            Unit::Month,
            Unit::Quarter,
            Unit::Half,
            Unit::Year,
            Unit::Decade,
            Unit::Weekend,
        ];
        UNITS[usize::from(self.u8()) % UNITS.len()]
    }

    fn opt_i32(&mut self) -> Option<i32> {
        (self.u8() & 1 == 1).then(|| self.i32())
    }

    /// A reference moment, often at the edges of the calendar.
    fn reference(&mut self) -> NaiveDateTime {
        let year = match self.u8() {
            s @ 0..=159 => EXTREME_YEARS[usize::from(s) % EXTREME_YEARS.len()],
            _ => i32::from(i16::from_le_bytes([self.u8(), self.u8()])) * 8,
        };
        let (month, day) = (u32::from(self.u8() % 13), u32::from(self.u8() % 32));
        let (hour, minute) = (u32::from(self.u8() % 24), u32::from(self.u8() % 60));
        let date = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if day % 2 == 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        });
        date.and_hms_opt(hour, minute, 59)
            .unwrap_or(NaiveDateTime::MAX)
    }

    /// An expression of any shape; `depth` bounds ranges and times.
    fn expr(&mut self, depth: u8) -> Expr {
        let u8v = |b: &mut Self| b.u8();
        match self.u8() % 33 {
            0 => Expr::Date {
                y: self.year(),
                m: (self.u8() & 1 == 1).then(|| u8v(self)),
                d: (self.u8() & 1 == 1).then(|| u8v(self)),
            },
            1 => Expr::Weekday {
                wd: self.u8(),
                shift: self.opt_i32(),
                week: self.opt_i32(),
            },
            2 => Expr::WeekdayOn {
                wd: self.u8(),
                weeks: self.i32(),
            },
            3 => Expr::NthWeekday {
                n: self.i32(),
                wd: self.u8(),
                m: self.u8(),
                y: self.year(),
            },
            4 => Expr::NthUnitOf {
                n: self.i32(),
                unit: self.unit(),
                m: (self.u8() & 1 == 1).then(|| u8v(self)),
                y: self.year(),
            },
            5 => Expr::RelDay(self.i32()),
            6 => Expr::RelUnit {
                unit: self.unit(),
                n: self.i32(),
            },
            7 => Expr::Ago {
                unit: self.unit(),
                n: self.i32(),
            },
            8 => Expr::Span {
                unit: self.unit(),
                n: self.i32(),
            },
            9 => Expr::Recent { unit: self.unit() },
            10 => Expr::Quarter {
                q: self.u8(),
                y: self.year(),
            },
            11 => Expr::Half {
                h: self.u8(),
                y: self.year(),
            },
            12 => Expr::Season {
                s: self.u8(),
                y: self.year(),
                shift: self.opt_i32(),
            },
            13 => Expr::Decade { start: self.i32() },
            14 => Expr::DecadeShort { tens: self.u8() },
            15 => Expr::Easter {
                offset: i16::from_le_bytes([self.u8(), self.u8()]),
                orthodox: self.u8() & 1 == 1,
                y: self.year(),
            },
            16 => Expr::Movable {
                key: u16::from_le_bytes([self.u8(), self.u8()]),
                y: self.year(),
            },
            17 => Expr::Weekend {
                shift: self.opt_i32(),
            },
            20 => Expr::Anaphor {
                unit: self.unit(),
                n: self.i32(),
            },
            21 => Expr::SamePeriod {
                unit: (self.u8() & 1 == 1).then(|| self.unit()),
                years: self.i32(),
            },
            22 => Expr::WeekdayCount {
                wd: self.u8(),
                n: self.i32(),
            },
            23 => Expr::WeekdayDate {
                m: (self.u8() & 1 == 1).then(|| u8v(self)),
                d: self.u8(),
                wd: self.u8(),
            },
            24 => Expr::NthWeekdayIn {
                n: self.i32(),
                wd: self.u8(),
                months: self.i32(),
            },
            25 => Expr::EasterSpan {
                from: i16::from_le_bytes([self.u8(), self.u8()]),
                to: i16::from_le_bytes([self.u8(), self.u8()]),
                orthodox: self.u8() & 1 == 1,
                y: self.year(),
            },
            26 => Expr::Observed {
                m: self.u8(),
                d: self.u8(),
                rule: if self.u8() & 1 == 1 {
                    Observe::NearestWeekday
                } else {
                    Observe::SundayBack
                },
                y: self.year(),
            },
            27 => Expr::RestOf { unit: self.unit() },
            28 if depth > 0 => Expr::ShiftDays {
                base: Box::new(self.expr(depth - 1)),
                days: self.i32(),
            },
            18 if depth > 0 => Expr::Range(
                Box::new(self.expr(depth - 1)),
                Box::new(self.expr(depth - 1)),
            ),
            19 if depth > 0 => {
                let inner = self.expr(depth - 1);
                Expr::WithTime(Box::new(inner), self.clock())
            }
            32 if depth > 0 => Expr::Closest {
                kind: Box::new(self.expr(depth - 1)),
                n: self.i32(),
                base: Box::new(self.expr(depth - 1)),
            },
            31 if depth > 0 => Expr::NthWeekdayFrom {
                wd: self.u8(),
                n: self.i32(),
                base: Box::new(self.expr(depth - 1)),
            },
            30 if depth > 0 => Expr::Lasting {
                base: Box::new(self.expr(depth - 1)),
                unit: self.unit(),
                n: self.i32(),
            },
            _ => Expr::Time(self.clock()),
        }
    }

    fn clock(&mut self) -> Clock {
        Clock {
            hour: self.u8(),
            minute: (self.u8() & 1 == 1).then(|| self.u8()),
        }
    }
}

/// The time tagger, or the resolver alone, against an adversarial reference date.
///
/// Byte 0: bit 0 picks the resolver alone, the rest the language (bits 1-7, modulo the
/// languages), the lean (bit 7), and for the resolver the future (bit 6) and the seasons
/// (bit 5).
/// Then the reference date (often year 0, 99999 or the ends of chrono's range). Then,
/// for the tagger, a phrase: each byte below 0xC0 adds a piece from [`PIECES`], each
/// other byte adds that many (low six bits) raw input bytes as text; for the resolver,
/// an expression of any shape with numbers from the edges.
pub fn resolve_time(data: &[u8]) {
    let mut b = Bytes(data);
    let head = b.u8();
    let lang = LANGS[usize::from(head >> 1) % LANGS.len()];
    let lean = if head & 0x80 != 0 {
        Lean::Future
    } else {
        Lean::Past
    };
    let reference = b.reference();
    if head & 1 == 1 {
        let expr = b.expr(3);
        let ctx = Ctx {
            reference,
            future: head & 0x40 != 0,
            past: head & 0x10 != 0,
            seasons: if head & 0x20 != 0 {
                SeasonStyle::Astronomical
            } else {
                SeasonStyle::Meteorological
            },
            always_next: lean == Lean::Future,
            week_parts: dateline::extract::lang::WeekParts::THIRDS,
            // Read after the expression, so that earlier crash inputs keep their meaning.
            anchor: (b.u8() & 1 == 1).then(|| (b.reference().date(), Grain::Day)),
        };
        if let Some(p) = resolve::resolve(&expr, &ctx) {
            assert!(p.start <= p.end, "inverted period {p:?} for {expr:?}");
            assert!(
                resolve::in_years_of(&expr, p.start) && resolve::in_years_of(&expr, p.end),
                "a date outside the years 1 to 9999 (or written BC) {p:?} for {expr:?}"
            );
        }
        return;
    }
    let mut phrase = String::new();
    while !b.0.is_empty() {
        let op = b.u8();
        if op < 0xC0 {
            phrase.push_str(PIECES[usize::from(op) % PIECES.len()]);
        } else {
            let n = usize::from(op & 0x3F).min(b.0.len());
            let (raw, rest) = b.0.split_at(n);
            phrase.push_str(&String::from_utf8_lossy(raw));
            b.0 = rest;
        }
    }
    let timexes = time::tag_with(&phrase, lang, reference, lean);
    check_timexes(&phrase, &timexes);
}
