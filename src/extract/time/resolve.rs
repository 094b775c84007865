//! Calendar arithmetic: an expression and a reference moment in, a period of
//! days with its precision out. All arithmetic is checked; a date that does
//! not exist (31 February, year 99999) resolves to nothing.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Timelike, Weekday};

use super::grammar::{Clock, Expr, YearRef};
use super::{Grain, push_number};
use crate::extract::lang::movable::MOVABLE;
use crate::extract::lang::{Observe, SeasonStyle, Unit};

/// Years outside this range are not dates we resolve.
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;
/// A year written before the common era ("753 BC") may go back to 9999 BC, the
/// astronomical year -9998 (the calendar has no year 0); dates counted from the
/// reference stay in the years above.
const MIN_ERA_YEAR: i32 = -9998;

/// What the resolver needs to know besides the expression.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// The moment the text speaks from (publication date).
    pub reference: NaiveDateTime,
    /// Read an underspecified date as the next one rather than the last one.
    pub future: bool,
    /// A past tense stands near the date: a day without a year is the last one unless
    /// the next is much nearer.
    pub past: bool,
    /// How the language counts seasons.
    pub seasons: SeasonStyle,
    /// Every underspecified date is the next one (Duckling's reading), not the nearest.
    pub always_next: bool,
    /// Which days the parts of a week are, in the language.
    pub week_parts: crate::extract::lang::WeekParts,
    /// The first day and the precision of the period the text spoke of last, for "el
    /// mismo día" and "the previous year" ([`Expr::Anaphor`], [`Expr::SamePeriod`]);
    /// `None`: the reference day.
    pub anchor: Option<(NaiveDate, Grain)>,
}

impl Ctx {
    fn today(&self) -> NaiveDate {
        self.reference.date()
    }
}

/// A resolved period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
    /// Precision.
    pub grain: Grain,
    /// TimeML-style value (`2024-06`, `2025-W45`, `199`).
    pub value: String,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_ERA_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// Appends a year as TimeML writes it: `2025`, `0014`; before the common era `BC0753`
/// (the astronomical year -752).
fn push_year(out: &mut String, y: i32) {
    if y >= 1 {
        push_number(out, u64::from(y.unsigned_abs()), 4);
    } else {
        out.push_str("BC");
        // 1 - y, the year before the common era.
        push_number(out, i64::from(y).abs_diff(1), 4);
    }
}

/// A TimeML value that starts with a year: written without the formatting machinery
/// (every date found has one), with room for a day and a time.
fn value_of_year(y: i32) -> String {
    let mut value = String::with_capacity(16);
    push_year(&mut value, y);
    value
}

fn month_period(y: i32, m: u32) -> Option<Period> {
    Some(Period {
        start: ymd(y, m, 1)?,
        end: last_of_month(y, m)?,
        grain: Grain::Month,
        value: {
            let mut value = value_of_year(y);
            value.push('-');
            push_number(&mut value, u64::from(m), 2);
            value
        },
    })
}

fn day_period(d: NaiveDate) -> Period {
    let mut value = value_of_year(d.year());
    for part in [d.month(), d.day()] {
        value.push('-');
        push_number(&mut value, u64::from(part), 2);
    }
    Period {
        start: d,
        end: d,
        grain: Grain::Day,
        value,
    }
}

fn year_period(y: i32) -> Option<Period> {
    Some(Period {
        start: ymd(y, 1, 1)?,
        end: ymd(y, 12, 31)?,
        grain: Grain::Year,
        value: value_of_year(y),
    })
}

fn week_period(d: NaiveDate) -> Option<Period> {
    let monday = d.checked_sub_signed(Duration::days(i64::from(
        d.weekday().num_days_from_monday(),
    )))?;
    let sunday = monday.checked_add_signed(Duration::days(6))?;
    let iso = d.iso_week();
    Some(Period {
        start: monday,
        end: sunday,
        grain: Grain::Week,
        value: format!("{:04}-W{:02}", iso.year(), iso.week()),
    })
}

fn quarter_period(y: i32, q: u32) -> Option<Period> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let start = ymd(y, 3 * q - 2, 1)?;
    Some(Period {
        start,
        end: last_of_month(y, 3 * q)?,
        grain: Grain::Quarter,
        value: format!("{y:04}-Q{q}"),
    })
}

fn half_period(y: i32, h: u32) -> Option<Period> {
    if !(1..=2).contains(&h) {
        return None;
    }
    let start = ymd(y, 6 * h - 5, 1)?;
    Some(Period {
        start,
        end: last_of_month(y, 6 * h)?,
        grain: Grain::Quarter,
        value: format!("{y:04}-H{h}"),
    })
}

/// A season of year `y` in a language's convention. Astronomical seasons run from
/// the equinox or solstice (summer from 21 June to 23 September, winter from
/// 21 December to 20 March of the next year); meteorological ones by whole months
/// (summer June to August, winter December to February).
fn season_period(y: i32, s: u8, style: SeasonStyle) -> Option<Period> {
    let (code, start, end) = match (style, s) {
        (SeasonStyle::Astronomical, 1) => ("SP", ymd(y, 3, 21)?, ymd(y, 6, 20)?),
        (SeasonStyle::Astronomical, 2) => ("SU", ymd(y, 6, 21)?, ymd(y, 9, 23)?),
        (SeasonStyle::Astronomical, 3) => ("FA", ymd(y, 9, 24)?, ymd(y, 12, 20)?),
        (SeasonStyle::Astronomical, _) => ("WI", ymd(y, 12, 21)?, ymd(y.checked_add(1)?, 3, 20)?),
        (SeasonStyle::Meteorological, 1) => ("SP", ymd(y, 3, 1)?, ymd(y, 5, 31)?),
        (SeasonStyle::Meteorological, 2) => ("SU", ymd(y, 6, 1)?, ymd(y, 8, 31)?),
        (SeasonStyle::Meteorological, 3) => ("FA", ymd(y, 9, 1)?, ymd(y, 11, 30)?),
        (SeasonStyle::Meteorological, _) => {
            ("WI", ymd(y, 12, 1)?, last_of_month(y.checked_add(1)?, 2)?)
        }
    };
    Some(Period {
        start,
        end,
        grain: Grain::Season,
        value: format!("{y:04}-{code}"),
    })
}

fn decade_period(start: i32) -> Option<Period> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&start) {
        return None;
    }
    let s = start - start.rem_euclid(10);
    Some(Period {
        start: ymd(s, 1, 1)?,
        end: ymd(s + 9, 12, 31)?,
        grain: Grain::Decade,
        value: format!("{:03}", s / 10),
    })
}

/// Western (Gregorian) Easter Sunday.
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday (Julian computus, given in the Gregorian calendar).
fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = ymd(y, month as u32, day as u32)?;
    // Julian to Gregorian offset: 13 days for 1900-2099.
    let offset = y / 100 - y / 400 - 2;
    julian.checked_add_signed(Duration::days(i64::from(offset)))
}

/// Easter Sunday of year `y`, Western or Orthodox.
fn easter_of(y: i32, orthodox: bool) -> Option<NaiveDate> {
    if orthodox {
        orthodox_easter(y)
    } else {
        easter(y)
    }
}

/// A movable holiday of another calendar ([`MOVABLE`]): a day, or its days from first to
/// last. Without a year, the occurrence around the reference by lean, as [`pick_year`]
/// does, among all occurrences (an Islamic holiday may fall twice in a year).
fn movable_period(key: u16, y: YearRef, ctx: &Ctx) -> Option<Period> {
    let spans = MOVABLE.get(usize::from(key))?.spans;
    let period = |&(y, m, d, days): &(i16, u8, u8, u16)| {
        let first = ymd(i32::from(y), u32::from(m), u32::from(d))?;
        let last = first.checked_add_signed(Duration::days(i64::from(days) - 1))?;
        Some(span(day_period(first), day_period(last)))
    };
    if y != YearRef::Unknown {
        return pick_year(y, ctx, |year| {
            spans
                .iter()
                .find(|s| i32::from(s.0) == year)
                .and_then(period)
        });
    }
    let today = ctx.today();
    let ry = today.year();
    let mut cands = spans
        .iter()
        .filter(|s| (ry - 1..=ry + 1).contains(&i32::from(s.0)))
        .filter_map(period);
    if ctx.future {
        cands.find(|p| p.end >= today)
    } else {
        cands.rev().find(|p| p.start <= today)
    }
}

/// Resolves a year spec; `Unknown` picks by lean among the years around the reference,
/// using `period_in` to know what the expression names in a given year.
fn pick_year(y: YearRef, ctx: &Ctx, period_in: impl Fn(i32) -> Option<Period>) -> Option<Period> {
    let ry = ctx.today().year();
    match y {
        YearRef::Abs(v) => period_in(v),
        YearRef::Rel(n) => period_in(ry.checked_add(n)?),
        YearRef::TwoDigit(v) => {
            let v = i32::from(v);
            let y = if 2000 + v <= ry + 10 {
                2000 + v
            } else {
                1900 + v
            };
            period_in(y)
        }
        YearRef::Unknown => {
            let today = ctx.today();
            let cands = [ry - 1, ry, ry + 1].map(&period_in);
            if ctx.future {
                cands.into_iter().flatten().find(|p| p.end >= today)
            } else {
                cands.into_iter().flatten().rev().find(|p| p.start <= today)
            }
        }
    }
}

/// A period named without its year (a quarter, a half): the occurrence nearest the
/// reference, as for a day ([`nearest_day`]). Business news speaks of the quarter just
/// reported as often as of the coming one ("the fourth quarter", said in August or in
/// March).
fn nearest_year(
    ctx: &Ctx,
    y: YearRef,
    period_in: impl Fn(i32) -> Option<Period>,
) -> Option<Period> {
    if y != YearRef::Unknown || ctx.always_next {
        return pick_year(y, ctx, period_in);
    }
    let today = ctx.today();
    let ry = today.year();
    [ry - 1, ry, ry + 1]
        .into_iter()
        .filter_map(period_in)
        .min_by_key(|p| {
            if p.start > today {
                let ahead = (p.start - today).num_days();
                ahead * ahead_weight(ctx)
            } else if p.end < today {
                (today - p.end).num_days() * 2
            } else {
                0
            }
        })
}

/// How much a day ahead of the reference counts against a day before it (2) when
/// the nearest occurrence of a date without a year is chosen: the future halves the
/// distance ahead, a past tense makes it count four times over ("È arrivato il 3
/// marzo", written in October, is last March, not next).
fn ahead_weight(ctx: &Ctx) -> i64 {
    if ctx.future {
        1
    } else if ctx.past {
        8
    } else {
        2
    }
}

/// A day and month without a year: the occurrence nearest the reference. News names
/// upcoming days this way as often as past ones ("the summit on 12 October"); a
/// sentence about the future halves the distance to the next one.
fn nearest_day(ctx: &Ctx, m: u8, d: u8) -> Option<Period> {
    let today = ctx.today();
    let ry = today.year();
    let cands = [ry - 1, ry, ry + 1]
        .into_iter()
        .filter_map(|y| ymd(y, u32::from(m), u32::from(d)));
    if ctx.always_next {
        return cands
            .into_iter()
            .find(|date| *date >= today)
            .map(day_period);
    }
    cands
        .min_by_key(|date| {
            let diff = (*date - today).num_days();
            if diff > 0 {
                diff * ahead_weight(ctx)
            } else {
                -diff * 2
            }
        })
        .map(day_period)
}

/// Day `d` of month `m` (of any month when `None`) on weekday `wd`, without a year: of the
/// dates within a year of the reference that fall on that weekday, the nearest one as
/// [`nearest_day`] weighs them; with none, the date as if no weekday were given.
fn weekday_date(ctx: &Ctx, m: Option<u8>, d: u8, wd: u8) -> Option<Period> {
    let today = ctx.today();
    let first = ymd(today.year(), today.month(), 1)?;
    let cands: Vec<NaiveDate> = match m {
        Some(m) => [today.year() - 1, today.year(), today.year() + 1]
            .into_iter()
            .filter_map(|y| ymd(y, u32::from(m), u32::from(d)))
            .collect(),
        None => (-12..=12)
            .filter_map(|k| shift_months(first, k))
            .filter_map(|f| ymd(f.year(), f.month(), u32::from(d)))
            .collect(),
    };
    let on_day: Vec<NaiveDate> = cands
        .into_iter()
        .filter(|c| c.weekday() == weekday_from(wd))
        .collect();
    if on_day.is_empty() {
        return match m {
            Some(m) => nearest_day(ctx, m, d),
            None => None,
        };
    }
    if ctx.always_next {
        return on_day.into_iter().find(|c| *c >= today).map(day_period);
    }
    on_day
        .into_iter()
        .min_by_key(|c| {
            let diff = (*c - today).num_days();
            if diff > 0 {
                diff * ahead_weight(ctx)
            } else {
                -diff * 2
            }
        })
        .map(day_period)
}

fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// The reference moved by `n` units.
fn shift(ctx: &Ctx, unit: Unit, n: i64) -> Option<NaiveDateTime> {
    let r = ctx.reference;
    let days = |k: i64| r.checked_add_signed(Duration::try_days(k)?);
    match unit {
        Unit::Minute => r.checked_add_signed(Duration::try_minutes(n)?),
        Unit::Hour => r.checked_add_signed(Duration::try_hours(n)?),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(n.checked_mul(7)?),
        Unit::Fortnight => days(n.checked_mul(14)?),
        Unit::Month => Some(shift_months(r.date(), n)?.and_time(r.time())),
        Unit::Quarter => Some(shift_months(r.date(), n.checked_mul(3)?)?.and_time(r.time())),
        Unit::Half => Some(shift_months(r.date(), n.checked_mul(6)?)?.and_time(r.time())),
        Unit::Year => Some(shift_months(r.date(), n.checked_mul(12)?)?.and_time(r.time())),
        Unit::Decade => Some(shift_months(r.date(), n.checked_mul(120)?)?.and_time(r.time())),
    }
}

/// The calendar unit that contains `t`.
fn unit_period(unit: Unit, t: NaiveDateTime) -> Option<Period> {
    let d = t.date();
    match unit {
        Unit::Minute => Some(Period {
            grain: Grain::Minute,
            value: t.format("%Y-%m-%dT%H:%M").to_string(),
            ..day_period(d)
        }),
        Unit::Hour => Some(Period {
            grain: Grain::Hour,
            value: t.format("%Y-%m-%dT%H").to_string(),
            ..day_period(d)
        }),
        Unit::Day => Some(day_period(d)),
        Unit::Week | Unit::Fortnight => week_period(d),
        Unit::Weekend => weekend_of(d),
        Unit::Month => month_period(d.year(), d.month()),
        Unit::Quarter => quarter_period(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Half => half_period(d.year(), (d.month() - 1) / 6 + 1),
        Unit::Year => year_period(d.year()),
        Unit::Decade => decade_period(d.year()),
    }
}

fn weekend_of(d: NaiveDate) -> Option<Period> {
    let week = week_period(d)?;
    let sat = week.start.checked_add_signed(Duration::days(5))?;
    Some(Period {
        start: sat,
        end: week.end,
        grain: Grain::Week,
        value: format!("{}-WE", week.value),
    })
}

fn span(first: Period, last: Period) -> Period {
    let value = if first.value == last.value {
        first.value.clone()
    } else {
        format!("{}/{}", first.value, last.value)
    };
    Period {
        start: first.start,
        end: last.end,
        grain: first.grain,
        value,
    }
}

fn weekday_from(n: u8) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

fn nth_weekday(y: i32, m: u32, wd: u8, n: i32) -> Option<NaiveDate> {
    let w = weekday_from(wd);
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(y, m, w, u8::try_from(n).ok()?)
    } else {
        // -1 the last, -2 the one before it.
        let last = last_of_month(y, m)?;
        let back = (7 + last.weekday().num_days_from_monday() as i64
            - w.num_days_from_monday() as i64)
            % 7
            + 7 * (i64::from(n).abs() - 1);
        last.checked_sub_signed(Duration::days(back))
    }
}

/// The n-th day or week of month `m` of year `y` (of the whole year when `m` is
/// `None`); n < 0 counts from the end. A week is one that starts on a Monday inside
/// the month or year; the last one also ends inside it.
fn nth_unit_of(n: i32, unit: Unit, m: Option<u8>, y: i32) -> Option<Period> {
    let (first, last) = match m {
        Some(m) => (ymd(y, u32::from(m), 1)?, last_of_month(y, u32::from(m))?),
        None => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
    };
    let back = i64::from(n).abs() - 1;
    match unit {
        // "la prima quindicina d'aprile": days 1-14; the second: 15 to the end.
        Unit::Fortnight => {
            let m = u32::from(m?);
            match n {
                1 => Some(span(day_period(ymd(y, m, 1)?), day_period(ymd(y, m, 14)?))),
                2 | -1 => Some(span(
                    day_period(ymd(y, m, 15)?),
                    day_period(last_of_month(y, m)?),
                )),
                _ => None,
            }
        }
        Unit::Week => {
            let monday = if n > 0 {
                let ahead = (7 - i64::from(first.weekday().num_days_from_monday())) % 7;
                first.checked_add_signed(Duration::days(ahead + 7 * back))?
            } else {
                let to_monday = i64::from(last.weekday().num_days_from_monday());
                let mut mon = last.checked_sub_signed(Duration::days(to_monday))?;
                if mon.checked_add_signed(Duration::days(6))? > last {
                    mon = mon.checked_sub_signed(Duration::days(7))?;
                }
                mon.checked_sub_signed(Duration::days(7 * back))?
            };
            if monday < first || monday > last {
                return None;
            }
            week_period(monday)
        }
        _ => {
            let d = if n > 0 {
                first.checked_add_signed(Duration::days(back))?
            } else {
                last.checked_sub_signed(Duration::days(back))?
            };
            if d < first || d > last {
                return None;
            }
            Some(day_period(d))
        }
    }
}

fn with_clock(p: Period, c: Clock) -> Option<Period> {
    if p.grain != Grain::Day {
        return None;
    }
    match c.minute {
        Some(m) => Some(Period {
            grain: Grain::Minute,
            value: format!("{}T{:02}:{:02}", p.value, c.hour, m),
            ..p
        }),
        None => Some(Period {
            grain: Grain::Hour,
            value: format!("{}T{:02}", p.value, c.hour),
            ..p
        }),
    }
}

/// Resolves `e` against the reference in `ctx`. A period that reaches outside the
/// years we resolve ("domani" on 31 December 9999, "ieri" on 1 January of year 1) is
/// no period.
pub fn resolve(e: &Expr, ctx: &Ctx) -> Option<Period> {
    resolve_any(e, ctx).filter(|p| in_years_of(e, p.start) && in_years_of(e, p.end))
}

/// Is `d` in the years we resolve (1 to 9999)?
pub fn in_years(d: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year())
}

/// Is `d` in the years we resolve `e` to: 1 to 9999, or back to 9999 BC for a date
/// whose year is written before the common era ("753 BC", "15 March 44 BC")?
pub fn in_years_of(e: &Expr, d: NaiveDate) -> bool {
    let written_bc = matches!(e, Expr::Date { y: YearRef::Abs(y), .. } if *y < MIN_YEAR);
    in_years(d) || (written_bc && (MIN_ERA_YEAR..MIN_YEAR).contains(&d.year()))
}

/// [`resolve`] without the final check of the years.
fn resolve_any(e: &Expr, ctx: &Ctx) -> Option<Period> {
    let today = ctx.today();
    match e {
        Expr::Date {
            y: YearRef::Unknown,
            m: Some(m),
            d: Some(d),
        } => nearest_day(ctx, *m, *d),
        Expr::Date {
            y,
            m: Some(m),
            d: Some(d),
        } => pick_year(*y, ctx, |y| {
            ymd(y, u32::from(*m), u32::from(*d)).map(day_period)
        }),
        Expr::Date {
            y,
            m: Some(m),
            d: None,
        } => pick_year(*y, ctx, |y| month_period(y, u32::from(*m))),
        Expr::Date {
            y,
            m: None,
            d: None,
        } => pick_year(*y, ctx, year_period),
        Expr::Date {
            y: _,
            m: None,
            d: Some(d),
        } => {
            let this = ymd(today.year(), today.month(), u32::from(*d));
            let other = if ctx.future {
                shift_months(today, 1)
            } else {
                shift_months(today, -1)
            }
            .and_then(|o| ymd(o.year(), o.month(), u32::from(*d)));
            let pick = match this {
                Some(t) if (ctx.future && t >= today) || (!ctx.future && t <= today) => Some(t),
                _ => other,
            };
            pick.map(day_period)
        }
        Expr::WeekdayOn { wd, weeks } => {
            let offset = i64::from(weekday_from(*wd).num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday());
            let base = if offset >= 0 { offset } else { offset + 7 };
            Some(day_period(today.checked_add_signed(Duration::days(
                base + 7 * i64::from(*weeks),
            ))?))
        }
        Expr::Weekday { wd, shift: s, week } => {
            let w = weekday_from(*wd);
            let offset = i64::from(w.num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday());
            let date = if let Some(wk) = week {
                today.checked_add_signed(Duration::days(offset + 7 * i64::from(*wk)))?
            } else {
                match s {
                    // This week's, or the coming one when the week's is gone and the
                    // sentence speaks of the future.
                    Some(0) => {
                        today.checked_add_signed(Duration::days(if ctx.future && offset < 0 {
                            offset + 7
                        } else {
                            offset
                        }))?
                    }
                    Some(-1) => today.checked_add_signed(Duration::days(if offset < 0 {
                        offset
                    } else {
                        offset - 7
                    }))?,
                    Some(-2) => today.checked_add_signed(Duration::days(if offset < 0 {
                        offset - 7
                    } else {
                        offset - 14
                    }))?,
                    Some(2) => today.checked_add_signed(Duration::days(if offset > 0 {
                        offset + 7
                    } else {
                        offset + 14
                    }))?,
                    Some(_) => today.checked_add_signed(Duration::days(if offset > 0 {
                        offset
                    } else {
                        offset + 7
                    }))?,
                    None if ctx.future => {
                        today.checked_add_signed(Duration::days(if offset > 0 {
                            offset
                        } else {
                            offset + 7
                        }))?
                    }
                    None => today.checked_add_signed(Duration::days(if offset <= 0 {
                        offset
                    } else {
                        offset - 7
                    }))?,
                }
            };
            Some(day_period(date))
        }
        Expr::NthWeekday { n, wd, m, y } => pick_year(*y, ctx, |y| {
            nth_weekday(y, u32::from(*m), *wd, *n).map(day_period)
        }),
        Expr::WeekdayDate { m, d, wd } => weekday_date(ctx, *m, *d, *wd),
        Expr::NthWeekdayIn { n, wd, months } => {
            let first = ymd(today.year(), today.month(), 1)?;
            let month = shift_months(first, i64::from(*months))?;
            Some(day_period(nth_weekday(
                month.year(),
                month.month(),
                *wd,
                *n,
            )?))
        }
        Expr::NthUnitOf { n, unit, m, y } => pick_year(*y, ctx, |y| nth_unit_of(*n, *unit, *m, y)),
        Expr::EasterSpan {
            from,
            to,
            orthodox,
            y,
        } => pick_year(*y, ctx, |y| {
            if from > to {
                return None;
            }
            let e = easter_of(y, *orthodox)?;
            let at = |o: i16| {
                e.checked_add_signed(Duration::days(i64::from(o)))
                    .map(day_period)
            };
            Some(span(at(*from)?, at(*to)?))
        }),
        Expr::Observed { m, d, rule, y } => pick_year(*y, ctx, |y| {
            let day = ymd(y, u32::from(*m), u32::from(*d))?;
            let moved = match (rule, day.weekday()) {
                (Observe::NearestWeekday, Weekday::Sat) => -1,
                (Observe::NearestWeekday, Weekday::Sun) => 1,
                (Observe::SundayBack, Weekday::Sun) => -1,
                _ => 0,
            };
            Some(day_period(day.checked_add_signed(Duration::days(moved))?))
        }),
        Expr::ShiftDays { base, days } => {
            let p = resolve(base, ctx)?;
            Some(day_period(
                p.start
                    .checked_add_signed(Duration::try_days(i64::from(*days))?)?,
            ))
        }
        Expr::Lasting { base, unit, n } => {
            // "for 0 days", or less, is no stretch of time.
            if *n <= 0 {
                return None;
            }
            let first = resolve(base, ctx)?;
            let from = Ctx {
                reference: first.start.and_time(ctx.reference.time()),
                ..*ctx
            };
            let last = shift(&from, *unit, i64::from(*n))?.date();
            Some(span(day_period(first.start), day_period(last)))
        }
        Expr::RestOf { unit } => {
            let whole = unit_period(*unit, ctx.reference)?;
            Some(span(day_period(today), day_period(whole.end)))
        }
        Expr::RelDay(n) => Some(day_period(
            today.checked_add_signed(Duration::try_days(i64::from(*n))?)?,
        )),
        Expr::RelUnit { unit, n } => unit_period(*unit, shift(ctx, *unit, i64::from(*n))?),
        Expr::Ago { unit, n } => {
            let at = shift(ctx, *unit, i64::from(*n))?;
            let shown = if matches!(unit, Unit::Week | Unit::Fortnight | Unit::Weekend) {
                Unit::Day
            } else {
                *unit
            };
            unit_period(shown, at)
        }
        Expr::Span { unit, n } => {
            let n = i64::from(*n);
            if n == 0 {
                return None;
            }
            let (a, b) = if n < 0 { (n, -1) } else { (1, n) };
            let first = unit_period(*unit, shift(ctx, *unit, a)?)?;
            let last = unit_period(*unit, shift(ctx, *unit, b)?)?;
            Some(span(first, last))
        }
        Expr::Recent { unit } => {
            let back = match unit {
                Unit::Minute | Unit::Hour => 0,
                Unit::Day => 6,
                Unit::Week | Unit::Weekend | Unit::Fortnight => 27,
                Unit::Month => 180,
                Unit::Quarter | Unit::Half => 365,
                Unit::Year => 365 * 4,
                Unit::Decade => 365 * 20,
            };
            let start = today.checked_sub_signed(Duration::days(back))?;
            let grain = match unit {
                Unit::Minute | Unit::Hour | Unit::Day => Grain::Day,
                Unit::Week | Unit::Weekend | Unit::Fortnight => Grain::Week,
                Unit::Month | Unit::Quarter | Unit::Half => Grain::Month,
                Unit::Year => Grain::Year,
                Unit::Decade => Grain::Decade,
            };
            let value = if start == today {
                today.format("%Y-%m-%d").to_string()
            } else {
                format!("{}/{}", start.format("%Y-%m-%d"), today.format("%Y-%m-%d"))
            };
            Some(Period {
                start,
                end: today,
                grain,
                value,
            })
        }
        Expr::Quarter { q, y } => nearest_year(ctx, *y, |y| quarter_period(y, u32::from(*q))),
        Expr::Half { h, y } => nearest_year(ctx, *y, |y| half_period(y, u32::from(*h))),
        Expr::Anaphor { unit, n } => {
            let (day, _) = ctx.anchor.unwrap_or((today, Grain::Day));
            let at = Ctx {
                reference: day.and_time(ctx.reference.time()),
                ..*ctx
            };
            unit_period(*unit, shift(&at, *unit, i64::from(*n))?)
        }
        Expr::SamePeriod { unit, years } => {
            let (day, grain) = ctx.anchor.unwrap_or((today, Grain::Year));
            let unit = unit.unwrap_or(match grain {
                Grain::Minute | Grain::Hour | Grain::Day => Unit::Day,
                Grain::Week => Unit::Week,
                Grain::Month => Unit::Month,
                Grain::Quarter => Unit::Quarter,
                Grain::Season | Grain::Year => Unit::Year,
                Grain::Decade => Unit::Decade,
            });
            let at = shift_months(day, i64::from(*years).checked_mul(12)?)?;
            unit_period(unit, at.and_time(ctx.reference.time()))
        }
        Expr::NthWeekdayFrom { wd, n, base } => {
            let day = resolve(base, ctx)?.start;
            let (w, d) = (
                i64::from(weekday_from(*wd).num_days_from_monday()),
                i64::from(day.weekday().num_days_from_monday()),
            );
            // Days to the first such weekday after the day, and back to the last before it
            // (1 to 7: the day itself is left out).
            let ahead = (w - d - 1).rem_euclid(7) + 1;
            let back = (d - w - 1).rem_euclid(7) + 1;
            let n = i64::from(*n);
            let days = if n > 0 {
                ahead + 7 * (n - 1)
            } else {
                -(back + 7 * (-n - 1))
            };
            Some(day_period(
                day.checked_add_signed(Duration::try_days(days)?)?,
            ))
        }
        Expr::Closest { kind, n, base } => {
            let day = resolve(base, ctx)?.start;
            // An ordinal in words or two digits: no more than the 99th nearest.
            let n = usize::try_from(*n)
                .ok()
                .filter(|n| *n < 100)?
                .checked_sub(1)?;
            // Enough candidates on either side for the n-th nearest.
            let reach = i64::try_from(n).ok()? + 1;
            let mut cands: Vec<NaiveDate> = match **kind {
                Expr::Weekday { wd, .. } => (-7 * reach..=7 * reach)
                    .filter_map(|k| day.checked_add_signed(Duration::try_days(k)?))
                    .filter(|c| c.weekday() == weekday_from(wd))
                    .collect(),
                Expr::Date {
                    y: YearRef::Unknown,
                    m: Some(m),
                    d: Some(d),
                } => (-reach..=reach)
                    .filter_map(|k| {
                        let y = i32::try_from(i64::from(day.year()).checked_add(k)?).ok()?;
                        ymd(y, u32::from(m), u32::from(d))
                    })
                    .collect(),
                _ => return None,
            };
            cands.sort_by_key(|c| ((*c - day).num_days().abs(), *c));
            cands.get(n).copied().map(day_period)
        }
        Expr::WeekdayCount { wd, n } => {
            let offset = i64::from(weekday_from(*wd).num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday());
            let n = i64::from(*n);
            let days = if n > 0 {
                (if offset > 0 { offset } else { offset + 7 }) + 7 * (n - 1)
            } else {
                (if offset < 0 { offset } else { offset - 7 }) + 7 * (n + 1)
            };
            Some(day_period(
                today.checked_add_signed(Duration::try_days(days)?)?,
            ))
        }
        Expr::Season { s, y, shift: sh } => match sh {
            None => pick_year(*y, ctx, |y| season_period(y, *s, ctx.seasons)),
            Some(sh) => {
                let ry = today.year();
                let cands = [ry - 2, ry - 1, ry, ry + 1].map(|y| season_period(y, *s, ctx.seasons));
                let mut it = cands.into_iter().flatten();
                match sh {
                    -1 => it.rfind(|p| p.end < today),
                    1 => it.find(|p| p.start > today),
                    _ => it.find(|p| p.end >= today),
                }
            }
        },
        Expr::Decade { start } => decade_period(*start),
        Expr::DecadeShort { tens } => {
            let t = i32::from(*tens);
            let recent = 2000 + t;
            decade_period(if recent + 9 < today.year() {
                recent
            } else {
                1900 + t
            })
        }
        Expr::Easter {
            offset,
            orthodox,
            y,
        } => pick_year(*y, ctx, |y| {
            let e = easter_of(y, *orthodox)?;
            Some(day_period(
                e.checked_add_signed(Duration::days(i64::from(*offset)))?,
            ))
        }),
        Expr::Movable { key, y } => movable_period(*key, *y, ctx),
        Expr::MonthShift { m, shift } => {
            let (y, cm) = (today.year(), today.month());
            let m32 = u32::from(*m);
            let year = match *shift {
                0 => y,
                s if s > 0 => {
                    // The first such month after this one, then each year on.
                    let first = if m32 > cm { y } else { y + 1 };
                    first.checked_add(s - 1)?
                }
                s => {
                    let last = if m32 < cm { y } else { y - 1 };
                    last.checked_add(s + 1)?
                }
            };
            month_period(year, m32)
        }
        Expr::Weekend { shift: s } => {
            // A bare "the weekend" on a weekday is the one just past, unless the text looks ahead.
            let s = match s {
                Some(s) => *s,
                None if !ctx.future && today.weekday().num_days_from_monday() < 5 => -1,
                None => 0,
            };
            let d = today.checked_add_signed(Duration::days(7 * i64::from(s)))?;
            weekend_of(d)
        }
        Expr::Range(a, b) => {
            let pa = resolve(a, ctx)?;
            let pb = resolve(b, ctx)?;
            let pa = if pa.start > pb.end {
                // "dal 28 dicembre al 3 gennaio": the left side is in the year before.
                let mut a2 = (**a).clone();
                if let Expr::Date {
                    y: YearRef::Abs(y),
                    m,
                    d,
                } = a2
                {
                    a2 = Expr::Date {
                        y: YearRef::Abs(y.checked_sub(1)?),
                        m,
                        d,
                    };
                }
                let pa2 = match **a {
                    // "entre dimanche et mardi" read on a Monday: the Sunday before that Tuesday.
                    Expr::Weekday { .. } => {
                        day_period(pa.start.checked_sub_signed(chrono::Duration::days(7))?)
                    }
                    _ => resolve(&a2, ctx)?,
                };
                if pa2.start > pb.end {
                    return None;
                }
                pa2
            } else {
                pa
            };
            Some(span(pa, pb))
        }
        Expr::WithTime(inner, c) => with_clock(resolve(inner, ctx)?, *c),
        // A time of day after a day named in its sentence is on that day.
        Expr::Time(c) if ctx.anchor.is_some() => {
            let (day, _) = ctx.anchor?;
            with_clock(day_period(day), *c)
        }
        Expr::Time(c) => {
            let mut day = today;
            if ctx.future
                && (u32::from(c.hour), u32::from(c.minute.unwrap_or(0)))
                    < (ctx.reference.hour(), ctx.reference.minute())
            {
                day = day.succ_opt()?;
            }
            with_clock(day_period(day), *c)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates_are_right() {
        assert_eq!(easter(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
        assert_eq!(easter(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
        assert_eq!(orthodox_easter(2024), NaiveDate::from_ymd_opt(2024, 5, 5));
        assert_eq!(orthodox_easter(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
    }

    #[test]
    fn impossible_dates_resolve_to_nothing() {
        let ctx = Ctx {
            seasons: SeasonStyle::Astronomical,
            always_next: false,
            reference: NaiveDate::from_ymd_opt(2025, 10, 28)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default(),
            future: false,
            past: false,
            week_parts: crate::extract::lang::WeekParts::THIRDS,
            anchor: None,
        };
        assert_eq!(
            resolve(
                &Expr::Date {
                    y: YearRef::Abs(2025),
                    m: Some(2),
                    d: Some(31)
                },
                &ctx
            ),
            None
        );
        assert_eq!(
            resolve(
                &Expr::Date {
                    y: YearRef::Abs(99999),
                    m: None,
                    d: None
                },
                &ctx
            ),
            None
        );
        assert_eq!(
            resolve(
                &Expr::RelUnit {
                    unit: Unit::Year,
                    n: -100_000
                },
                &ctx
            ),
            None
        );
        assert_eq!(
            resolve(
                &Expr::RelUnit {
                    unit: Unit::Day,
                    n: i32::MAX
                },
                &ctx
            ),
            None
        );
    }
}
