//! Every input the fuzz targets (`fuzz/`) ever crashed on, inline, run through the
//! same harness, plus the same case written out by hand against the public API.
//! Each test is named after the bug it pins.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use chrono::{NaiveDate, NaiveDateTime};
use dateline::extract::lang::{SeasonStyle, Unit};
use dateline::extract::time::grammar::{Expr, YearRef};
use dateline::extract::time::resolve::{Ctx, resolve};
use dateline::extract::time::tag;

fn ctx_at(reference: NaiveDateTime) -> Ctx {
    Ctx {
        reference,
        future: false,
        past: false,
        seasons: SeasonStyle::Astronomical,
        always_next: false,
        week_parts: dateline::extract::lang::WeekParts::THIRDS,
        anchor: None,
    }
}

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(10, 37, 59))
        .expect("a valid date")
}

/// fuzz/artifacts/resolve_time/crash-a30b387325ad07e75fc4a0e0291838cc98f736f4:
/// `Quarter { q: 0 }` computed month `3 * 0 - 2` and underflowed (a panic with overflow
/// checks, a wrong month without). Half years had the same bug.
#[test]
fn resolver_quarter_zero_does_not_underflow() {
    harness::resolve_time(&[
        3, 1, 0, 15, 132, 250, 208, 0, 23, 59, 0, 1, 1, 0, 0, 255, 14, 0, 255, 7, 96, 5, 1, 255,
        255, 255,
    ]);
    let ctx = ctx_at(NaiveDate::MIN.and_hms_opt(12, 10, 59).expect("time"));
    for y in [YearRef::Rel(-1), YearRef::Abs(2024)] {
        assert_eq!(resolve(&Expr::Quarter { q: 0, y }, &ctx), None);
        assert_eq!(resolve(&Expr::Quarter { q: 5, y }, &ctx), None);
        assert_eq!(resolve(&Expr::Half { h: 0, y }, &ctx), None);
        assert_eq!(resolve(&Expr::Half { h: 3, y }, &ctx), None);
    }
}

/// fuzz/artifacts/resolve_time/crash-529c9e1b3fe67ee7c5e31eee12b2be756c11476f:
/// `Span { n: 0 }` ("the next 0 days") gave a period that ended the day before it began.
#[test]
fn resolver_span_of_zero_units_is_not_an_inverted_period() {
    harness::resolve_time(&[37, 23, 8, 59, 10, 97, 118, 101, 114, 114, 97]);
    let ctx = ctx_at(at(262_142, 8, 27));
    for unit in [Unit::Day, Unit::Week, Unit::Month, Unit::Year] {
        assert_eq!(resolve(&Expr::Span { unit, n: 0 }, &ctx), None);
    }
    let reference = at(2025, 10, 28);
    for (text, lang) in [
        ("nei prossimi 0 giorni", "it"),
        ("negli ultimi 0 giorni", "it"),
        ("in the next 0 days", "en"),
        ("in the last 0 days", "en"),
    ] {
        for t in tag(text, lang, reference) {
            assert!(t.start_date <= t.end_date, "{text}: {t:?}");
        }
    }
}

/// fuzz/artifacts/resolve_time/crash-b3776de0b96fadc179331f0fb585955471d34dea:
/// `Lasting { n: -1 }` (a day "for -1 fortnights") ended before it began. A stretch of
/// no time or less is no period; the tagger's own phrases stay in order.
#[test]
fn resolver_lasting_no_time_or_less_is_no_period() {
    harness::resolve_time(&[
        169, 137, 129, 129, 129, 129, 129, 129, 129, 0, 14, 6, 5, 12, 31, 11, 0, 5, 12, 152, 198,
        251, 0, 31, 15, 11, 48,
    ]);
    let ctx = ctx_at(at(2025, 10, 28));
    let day = Expr::Date {
        y: YearRef::Unknown,
        m: Some(12),
        d: Some(18),
    };
    for n in [-1, 0] {
        let lasting = Expr::Lasting {
            base: Box::new(day.clone()),
            unit: Unit::Day,
            n,
        };
        assert_eq!(resolve(&lasting, &ctx), None, "n = {n}");
    }
    for text in ["from 18th Dec for 0 days", "18th Dec for 10 days"] {
        for t in tag(text, "en", at(2013, 2, 12)) {
            assert!(t.start_date <= t.end_date, "{text}: {t:?}");
        }
    }
}

/// Found while reading the resolver for the fuzz findings above: a decade starting near
/// `i32::MAX` overflowed `start + 9`.
#[test]
fn resolver_decade_near_i32_max_does_not_overflow() {
    let ctx = ctx_at(at(2025, 10, 28));
    assert_eq!(resolve(&Expr::Decade { start: i32::MAX }, &ctx), None);
    assert_eq!(resolve(&Expr::Decade { start: i32::MIN }, &ctx), None);
    assert_eq!(resolve(&Expr::Decade { start: 99_990 }, &ctx), None);
}

/// Found by trying the ends of the calendar by hand (`dateline extract --published
/// 9999-12-31T23:59`): "Domani" resolved to `+10000-01-01` and "Ieri" on 1 January of
/// year 1 to `0000-12-31`, outside the years the resolver promises. The fuzz targets
/// now check every date for it.
#[test]
fn relative_dates_past_the_years_1_to_9999_resolve_to_nothing() {
    let last = at(9999, 12, 31);
    let first = at(1, 1, 1);
    for (text, reference) in [
        ("Domani il ministro incontrerà il collega.", last),
        ("La settimana prossima e il mese prossimo.", last),
        ("Ieri il ministro ha incontrato il collega.", first),
        ("La settimana scorsa.", first),
    ] {
        for t in tag(text, "it", reference) {
            for d in [t.start_date, t.end_date] {
                assert!(
                    (1..=9999).contains(&chrono::Datelike::year(&d)),
                    "{text}: {t:?}"
                );
            }
        }
    }
    let ctx = ctx_at(last);
    assert_eq!(resolve(&Expr::RelDay(1), &ctx), None);
    assert!(resolve(&Expr::RelDay(0), &ctx).is_some());
    assert_eq!(resolve(&Expr::RelDay(-1), &ctx_at(first)), None);
}

/// Found by `tests/fuzz_fallback.rs` (resolve_time on random bytes, shrunk to the input
/// below): "dal 31/12/9999" against a reference at the end of chrono's calendar ran
/// "since" up to the reference, year 262142.
#[test]
fn since_up_to_a_reference_past_year_9999_is_no_period() {
    let mut input = vec![42, 36, 0, 104];
    input.extend([0; 27]);
    input.push(202);
    input.extend([0; 14]);
    input.extend([91, 73, 95, 0, 0]);
    harness::resolve_time(&input);
    let end_of_chrono = NaiveDate::MAX.and_hms_opt(0, 0, 59).expect("time");
    for text in ["dal 31/12/9999", "dal 2025", "da settembre 2024"] {
        for t in tag(text, "it", end_of_chrono) {
            assert!(chrono::Datelike::year(&t.end_date) <= 9999, "{text}: {t:?}");
        }
    }
    let ok = tag("dal 2025", "it", at(2025, 10, 28));
    assert_eq!(ok.first().map(|t| t.value.as_str()), Some("2025"));
}

/// fuzz/artifacts/resolve_time/crash-9ff2fd77e4a0d49fe4014299c6c64486493eb4eb:
/// a range whose left side ends after its right side moves the left side a year back;
/// with the year `i32::MIN` that subtraction overflowed.
#[test]
fn resolver_range_at_the_smallest_year_does_not_overflow() {
    harness::resolve_time(&[
        227, 1, 253, 70, 10, 11, 84, 84, 84, 0, 33, 1, 8, 115, 11, 95, 115, 2, 8, 115, 115, 115, 8,
        115, 11, 95, 115, 2, 8, 115, 115, 115, 115, 30, 59, 115, 115, 115, 185, 115, 115, 8, 59,
        115, 115, 115, 115, 115, 115, 115, 115, 8, 59, 115, 115, 51, 115, 95, 115, 115, 115, 115,
        115, 115, 115, 115, 2, 8, 115, 115, 115, 115, 2, 12, 8, 0, 0, 0, 30, 59, 115, 115, 115,
        185, 115, 115, 8, 59, 115, 115, 115, 115, 115, 115, 115, 115, 8, 59, 115, 115, 51, 115, 95,
        115, 115, 115, 115, 11, 2, 8, 8, 11, 2, 45, 0, 0, 0, 30, 59, 115, 115, 115, 185, 115, 115,
        8, 22, 115, 115, 115, 115, 8, 59, 115, 115, 51, 115, 95, 115, 115, 115, 115, 11, 2, 8, 8,
        11, 2, 12, 0, 0, 0, 30, 59, 115, 115, 115, 185, 115, 115, 8, 115, 2, 12, 8, 0, 0, 0, 30,
        59, 115, 115, 115, 185, 115, 115, 8, 59, 115, 115, 115, 8, 8, 11, 2, 12, 0, 0, 0, 30, 59,
        115, 115, 115, 185, 115, 115, 115, 11, 2, 8, 8, 11, 2, 45, 0, 0, 0, 30, 59, 115, 115, 115,
        185, 115, 115, 8, 59, 115, 115, 115, 115, 115, 115, 115, 115, 8, 59, 115, 115, 51, 115, 95,
        115, 115, 115, 84, 46, 115, 11, 2, 8, 8, 11, 2, 8, 22, 115, 115, 115, 115, 8, 59, 115, 115,
        51, 115, 95, 115, 115, 115, 115, 11, 2, 8, 8, 11, 2, 12, 0, 0, 0, 30, 59, 115, 115, 115,
        185, 115, 115, 8, 115, 2, 12, 8, 0, 0, 0, 30, 59, 115, 45, 115, 115, 185, 115, 115, 8, 59,
        115, 115, 115, 8, 8, 11, 2, 115, 115, 185, 115, 115, 8, 22, 115, 115, 106,
    ]);
    let ctx = ctx_at(at(2025, 10, 28));
    let range = Expr::Range(
        Box::new(Expr::Date {
            y: YearRef::Abs(i32::MIN),
            m: Some(12),
            d: Some(28),
        }),
        Box::new(Expr::Date {
            y: YearRef::Abs(i32::MIN),
            m: Some(1),
            d: Some(3),
        }),
    );
    let _ = resolve(&range, &ctx);
}
