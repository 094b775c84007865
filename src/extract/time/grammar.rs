//! The time grammar: language-neutral patterns over the meanings that the
//! language tables give to tokens.
//!
//! Each `*_at` method tries one family of patterns at a token position and
//! returns what it read and the position after it. The caller keeps the
//! longest reading. No pattern crosses a line break.

use super::lexicon::{Lexicon, Matches};
use super::token::{TokKind, Tokens};
use crate::extract::lang::{DateOrder, DayPart, Observe, Part, Sem, Unit};

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Not given: the resolver picks the nearest one in the leaning direction.
    Unknown,
    /// Given in full.
    Abs(i32),
    /// Two digits (`'74`, `31.10.74`).
    TwoDigit(u8),
    /// Relative to the reference year ("l'anno scorso" = -1).
    Rel(i32),
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Hour, 0-23.
    pub hour: u8,
    /// Minute, if written.
    pub minute: Option<u8>,
}

/// What an expression names, before it is resolved against a reference date.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A calendar date with any of its parts missing.
    Date {
        /// The year.
        y: YearRef,
        /// The month.
        m: Option<u8>,
        /// The day of the month.
        d: Option<u8>,
    },
    /// A weekday, maybe shifted ("lunedì scorso") or in a shifted week.
    Weekday {
        /// 1 = Monday.
        wd: u8,
        /// -1 last, 1 next, 2 after next, 0 this.
        shift: Option<i32>,
        /// Week relative to the reference week.
        week: Option<i32>,
    },
    /// A weekday that many weeks after its next occurrence (today included).
    WeekdayOn {
        /// 1 = Monday.
        wd: u8,
        /// Weeks on.
        weeks: i32,
    },
    /// The n-th (or last, n = -1) weekday of a month.
    NthWeekday {
        /// Which one.
        n: i32,
        /// 1 = Monday.
        wd: u8,
        /// Month.
        m: u8,
        /// Year.
        y: YearRef,
    },
    /// The n-th (or n-th last, n < 0) weekday of the reference month moved by `months`.
    NthWeekdayIn {
        /// Which one.
        n: i32,
        /// 1 = Monday.
        wd: u8,
        /// Months on from the reference month.
        months: i32,
    },
    /// The n-th day or week of a month or a year; n < 0 counts from its end ("the
    /// third last week of 2018" is -3).
    NthUnitOf {
        /// Which one.
        n: i32,
        /// Day or week.
        unit: Unit,
        /// Month; `None`: of the whole year.
        m: Option<u8>,
        /// Year.
        y: YearRef,
    },
    /// Today plus n days.
    RelDay(i32),
    /// The calendar unit that contains the reference moved by n units.
    RelUnit {
        /// The unit.
        unit: Unit,
        /// How many (negative: past).
        n: i32,
    },
    /// A moment n units from the reference ("tre giorni fa", "in 2 weeks"), at the unit's
    /// precision, except that weeks give the day.
    Ago {
        /// The unit.
        unit: Unit,
        /// How many (negative: past).
        n: i32,
    },
    /// The n whole units before (n < 0) or after (n > 0) the current one.
    Span {
        /// The unit.
        unit: Unit,
        /// How many.
        n: i32,
    },
    /// The last few units ("negli ultimi giorni").
    Recent {
        /// The unit.
        unit: Unit,
    },
    /// A quarter.
    Quarter {
        /// 1-4.
        q: u8,
        /// Year.
        y: YearRef,
    },
    /// A half year.
    Half {
        /// 1-2.
        h: u8,
        /// Year.
        y: YearRef,
    },
    /// A season.
    Season {
        /// 1 spring .. 4 winter.
        s: u8,
        /// Year.
        y: YearRef,
        /// -1 last, 1 next, 0 this.
        shift: Option<i32>,
    },
    /// A decade by its first year.
    Decade {
        /// First year (1990).
        start: i32,
    },
    /// A decade written with two digits ("anni '90").
    DecadeShort {
        /// 90.
        tens: u8,
    },
    /// Easter-relative holiday.
    Easter {
        /// Days from Easter Sunday.
        offset: i16,
        /// Orthodox (Julian) Easter.
        orthodox: bool,
        /// Year.
        y: YearRef,
    },
    /// The days from one day to another relative to Easter Sunday (Lent).
    EasterSpan {
        /// First day, from Easter Sunday.
        from: i16,
        /// Last day, from Easter Sunday.
        to: i16,
        /// Orthodox (Julian) Easter.
        orthodox: bool,
        /// Year.
        y: YearRef,
    },
    /// A fixed-date holiday that moves off a weekend (Boss's Day, King's Day).
    Observed {
        /// Month.
        m: u8,
        /// Day.
        d: u8,
        /// How it moves.
        rule: Observe,
        /// Year.
        y: YearRef,
    },
    /// A day that many days after (or before) another: "three days after Easter",
    /// Black Friday.
    ShiftDays {
        /// The day counted from.
        base: Box<Expr>,
        /// Days on (negative: before).
        days: i32,
    },
    /// From the reference day to the end of the unit that holds it: "the rest of the week".
    RestOf {
        /// The unit.
        unit: Unit,
    },
    /// A movable holiday of another calendar.
    Movable {
        /// Index in [`crate::extract::lang::movable::MOVABLE`].
        key: u16,
        /// Year.
        y: YearRef,
    },
    /// A weekend relative to this one.
    Weekend {
        /// -1 last, 0 this, 1 next; `None` for a bare "the weekend" (read by lean).
        shift: Option<i32>,
    },
    /// The unit that holds the date the text spoke of last, moved by n units: "el
    /// mismo día" (0), "the previous year" (-1), "al día siguiente" (1). With no such
    /// date before it, the publication date stands in.
    Anaphor {
        /// The unit.
        unit: Unit,
        /// How many (negative: before).
        n: i32,
    },
    /// The period the text spoke of last (or, given a unit, the unit that holds it),
    /// that many years on: "el mismo periodo del año anterior" (-1), "the same month
    /// last year".
    SamePeriod {
        /// The unit named, if any ("mes"); else the last period's own.
        unit: Option<Unit>,
        /// Years on (negative: before).
        years: i32,
    },
    /// A day that a weekday goes with, without a year (or month): the nearest one on that
    /// weekday ("Fri, Jul 18", "Thu 15th").
    WeekdayDate {
        /// Month, if written.
        m: Option<u8>,
        /// Day of the month.
        d: u8,
        /// 1 = Monday.
        wd: u8,
    },
    /// The n-th such weekday after a day (n > 0) or before it (n < 0), that day left
    /// out: "the third Tuesday after Christmas", "the last Friday before Christmas".
    NthWeekdayFrom {
        /// 1 = Monday.
        wd: u8,
        /// Which one.
        n: i32,
        /// The day counted from.
        base: Box<Expr>,
    },
    /// The n-th nearest day of a kind to another day: "the closest Monday to Oct 5th",
    /// "the second closest xmas to today".
    Closest {
        /// The kind of day: a weekday ([`Expr::Weekday`]) or a day of a year
        /// ([`Expr::Date`] without its year).
        kind: Box<Expr>,
        /// 1 the nearest, 2 the next nearest, ...
        n: i32,
        /// The day counted from.
        base: Box<Expr>,
    },
    /// The n-th such weekday after today (n > 0) or before it (n < 0), today left out:
    /// "3 fridays from now", "2 thursdays ago".
    WeekdayCount {
        /// 1 = Monday.
        wd: u8,
        /// Which one.
        n: i32,
    },
    /// A month named with a shift: "nächsten März" (1), "übernächsten März" (2),
    /// "lo scorso marzo" (-1), "this March" (0).
    MonthShift { m: u8, shift: i32 },
    /// From a day to the day that long after it: "from 18 December for 10 days".
    Lasting {
        /// The first day.
        base: Box<Expr>,
        /// The unit of the duration.
        unit: Unit,
        /// How many units.
        n: i32,
    },
    /// From one date to another, both included.
    Range(Box<Expr>, Box<Expr>),
    /// A date with a time of day.
    WithTime(Box<Expr>, Clock),
    /// A time of day alone (on the reference day).
    Time(Clock),
}

/// Modifiers read around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// "da", "since".
    Since,
    /// "fino a", "until", "entro", "by".
    Until,
    /// "prima di", "before", "più di N fa".
    Before,
    /// "dopo", "after", "meno di N fa".
    After,
}

/// One expression found in the tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// What it names.
    pub expr: Expr,
    /// Part of the period ("fine ottobre").
    pub part: Option<Part>,
    /// Open interval.
    pub open: Option<Open>,
    /// Approximate ("circa").
    pub approx: bool,
    /// An explicit word says future ("prossimo").
    pub future_word: bool,
}

/// A reading and the token position after it.
type Read<T> = Option<(T, usize)>;

/// What [`Grammar::core`] reads: an expression, whether a word made it future, the end.
type CoreRead = Read<(Expr, bool)>;

/// The parser over one text's tokens.
pub struct Grammar<'a> {
    toks: &'a Tokens,
    m: &'a Matches<'a>,
    lex: &'a Lexicon,
    /// Where the current reading starts: the only token that may follow a line break.
    start: std::cell::Cell<usize>,
    /// What [`Grammar::core`] read at each position: parses starting at nearby
    /// positions ask for the same ones again and again.
    core_memo: std::cell::RefCell<Vec<Option<CoreRead>>>,
}

/// Can token `i` start an expression without a table word: a number, the
/// apostrophe of "'90s", or the Q and H of "Q3" and "H1"?
pub fn starts_by_itself(toks: &Tokens, i: usize) -> bool {
    toks.list.get(i).is_some_and(|t| t.kind == TokKind::Num)
        || matches!(toks.norm(i), "'" | "q" | "h")
}

/// The leading modifiers [`Grammar::parse_at`] reads ("circa", "fino a", "più di", "da").
const MODIFIERS: u64 = Sem::Approx.variant_bit()
    | Sem::Since.variant_bit()
    | Sem::Until.variant_bit()
    | Sem::By.variant_bit()
    | Sem::Before.variant_bit()
    | Sem::After.variant_bit()
    | MORE_LESS;

/// "More than", "less than".
const MORE_LESS: u64 = Sem::MoreThan.variant_bit() | Sem::LessThan.variant_bit();

/// A part of a unit in one word ("EOM").
const PART_OF: u64 = Sem::PartOf(Part::Start, Unit::Day).variant_bit();

/// A part of a period ("fine", "mid", "Ende").
const PART: u64 = Sem::Part(Part::Start).variant_bit();

/// Season words.
const SEASON: u64 = Sem::Season(0).variant_bit();

/// Holidays, fixed, Easter-relative and movable.
const HOLIDAYS: u64 = Sem::Holiday(0, 0).variant_bit()
    | Sem::ObservedHoliday(0, 0, Observe::NearestWeekday).variant_bit()
    | Sem::Easter(0).variant_bit()
    | Sem::OrthodoxEaster(0).variant_bit()
    | Sem::EasterSpan(0, 0).variant_bit()
    | Sem::OrthodoxEasterSpan(0, 0).variant_bit()
    | Sem::WeekdayHoliday(0, 0, 0).variant_bit()
    | Sem::WeekdayHolidayPlus(0, 0, 0, 0).variant_bit()
    | Sem::Movable(0).variant_bit();

/// "Same", "previous", "following" ("ese año", "the day before").
const ANAPHORIC: u64 = Sem::Anaphoric(0).variant_bit();

/// The year as a unit.
const YEAR_UNIT: u64 = Sem::Unit(Unit::Year).variant_bit();

/// The variants [`shift_of`] reads.
const SHIFTS: u64 = Sem::Last.variant_bit()
    | Sem::Next.variant_bit()
    | Sem::This.variant_bit()
    | Sem::AfterNext.variant_bit()
    | Sem::BeforeLast.variant_bit();

fn shift_of(s: Sem) -> Option<i32> {
    match s {
        Sem::Last => Some(-1),
        Sem::Next => Some(1),
        Sem::This => Some(0),
        Sem::AfterNext => Some(2),
        Sem::BeforeLast => Some(-2),
        _ => None,
    }
}

impl<'a> Grammar<'a> {
    /// A grammar over `toks`, whose table entries are `m`.
    pub fn new(toks: &'a Tokens, m: &'a Matches<'a>, lex: &'a Lexicon) -> Self {
        Grammar {
            toks,
            m,
            lex,
            start: std::cell::Cell::new(0),
            core_memo: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Is there a token at `i` that continues the current line?
    fn cont(&self, i: usize) -> bool {
        self.toks
            .list
            .get(i)
            .is_some_and(|t| !t.line_break || i == self.start.get())
    }

    /// Token `i` if it continues the line.
    fn at(&self, i: usize) -> Option<&crate::extract::time::token::Token> {
        self.toks
            .list
            .get(i)
            .filter(|t| !t.line_break || i == self.start.get())
    }

    /// The first meaning at `i` that `f` accepts, with the position after it.
    /// Weak forms count only when `allow_weak` or the word is capitalised.
    fn sem_w<T>(&self, i: usize, allow_weak: bool, f: impl Fn(Sem) -> Option<T>) -> Read<T> {
        let entries = self.m.at(i);
        if entries.is_empty() {
            return None;
        }
        let tok = self.at(i)?;
        for mt in entries {
            // The meaning first: it is the cheaper test, and most entries have none wanted.
            let Some(v) = mt.values.iter().find_map(|&s| f(s)) else {
                continue;
            };
            // A weak form ("mar", "May") counts next to a number, capitalised in a language
            // that capitalises month and day names ("Mar del Giappone" is a sea), or alone on
            // its line (a table cell, a form field: "sab.").
            let named = tok.capital && self.lex.table.capitalized_names;
            if mt.weak && !allow_weak && !named && !self.alone_on_line(i, i + mt.len) {
                continue;
            }
            // A multi-token entry must not cross a line break.
            if (1..mt.len).any(|k| !self.cont(i + k)) {
                continue;
            }
            return Some((v, i + mt.len));
        }
        None
    }

    /// Do tokens `i..end` (and maybe a dot) fill their line?
    fn alone_on_line(&self, i: usize, end: usize) -> bool {
        let starts_line = i == 0 || self.toks.list.get(i).is_some_and(|t| t.line_break);
        let end = if self.toks.norm(end) == "." && self.toks.list.get(end).is_some_and(|t| t.joined)
        {
            end + 1
        } else {
            end
        };
        starts_line && self.toks.list.get(end).is_none_or(|t| t.line_break)
    }

    /// [`Grammar::sem_w`] where `f` accepts only meanings of the variants in `kinds`
    /// (their [`Sem::variant_bit`]s): a position with none of them is passed over at once,
    /// inline at the caller.
    #[inline]
    fn sem_of<T>(
        &self,
        i: usize,
        kinds: u64,
        allow_weak: bool,
        f: impl Fn(Sem) -> Option<T>,
    ) -> Read<T> {
        if !self.m.may_mean(i, kinds) {
            return None;
        }
        self.sem_w(i, allow_weak, f)
    }

    /// A shift word ("last", "next", "this", ...) and its shift.
    #[inline]
    fn shift(&self, i: usize) -> Read<i32> {
        self.sem_of(i, SHIFTS, false, shift_of)
    }

    fn sem<T>(&self, i: usize, f: impl Fn(Sem) -> Option<T>) -> Read<T> {
        self.sem_w(i, false, f)
    }

    /// The position after a `want` at `i`. Inline at its callers, which ask with a
    /// constant: most positions asked have no meaning of the kind wanted, and one test
    /// of the token's set tells so there.
    #[inline]
    fn is(&self, i: usize, want: Sem) -> Option<usize> {
        if !self.m.may_mean(i, want.variant_bit()) {
            return None;
        }
        self.is_among(i, want)
    }

    /// [`Grammar::is`] where the token has a meaning of the kind wanted.
    fn is_among(&self, i: usize, want: Sem) -> Option<usize> {
        // Comparing the variants first spares most calls of the full comparison.
        let variant = std::mem::discriminant(&want);
        self.sem(i, |s| {
            (std::mem::discriminant(&s) == variant && s == want).then_some(())
        })
        .map(|(_, n)| n)
    }

    fn punct(&self, i: usize, chars: &str) -> Option<usize> {
        let t = self.at(i)?;
        (t.kind == TokKind::Punct && chars.contains(self.toks.norm(i))).then_some(i + 1)
    }

    fn joined_punct(&self, i: usize, chars: &str) -> Option<usize> {
        let t = self.at(i)?;
        if !t.joined {
            return None;
        }
        self.punct(i, chars)
    }

    /// Skips up to three fillers ("il", "di", "of the").
    fn fillers(&self, mut i: usize) -> usize {
        for _ in 0..3 {
            match self.is(i, Sem::Filler) {
                Some(n) => i = n,
                None => break,
            }
        }
        i
    }

    fn digits(&self, i: usize) -> Read<(u64, usize)> {
        let t = self.at(i)?;
        if t.kind != TokKind::Num {
            return None;
        }
        Some(((t.value?, t.digits), i + 1))
    }

    /// Is token `i` digits, or has it a meaning among `kinds`? Where it is neither, the
    /// readers of numbers, days, ordinals and years read nothing: this tells so inline.
    #[inline]
    fn num_or(&self, i: usize, kinds: u64) -> bool {
        self.toks
            .list
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Num)
            || self.m.may_mean(i, kinds)
    }

    /// A small cardinal number: digits or number words ("twenty-one", "vingt et un").
    #[inline]
    fn number(&self, i: usize) -> Read<u32> {
        if !self.num_or(i, Sem::Num(0).variant_bit()) {
            return None;
        }
        self.number_here(i)
    }

    /// [`Grammar::number`] at a token that may be one.
    fn number_here(&self, i: usize) -> Read<u32> {
        if let Some(((v, d), n)) = self.digits(i) {
            if d <= 6 {
                // Not part of a bigger figure ("1,2 miliardi", "10.000").
                if self.figure_goes_on(n) {
                    return None;
                }
                // Nor the tail of one ("10,000 last week").
                let tail = i >= 2
                    && self.toks.list.get(i).is_some_and(|t| t.joined)
                    && self
                        .toks
                        .list
                        .get(i - 1)
                        .is_some_and(|t| t.kind == TokKind::Punct && t.joined)
                    && matches!(self.toks.norm(i - 1), "." | ",")
                    && self
                        .toks
                        .list
                        .get(i - 2)
                        .is_some_and(|t| t.kind == TokKind::Num);
                if tail || v == 0 {
                    return None;
                }
                return Some((v as u32, n));
            }
            return None;
        }
        let (tens, n) = self.sem_of(i, Sem::Num(0).variant_bit(), false, |s| match s {
            Sem::Num(v) => Some(v),
            _ => None,
        })?;
        if tens >= 20 && tens % 10 == 0 && tens < 100 {
            let mut j = n;
            if let Some(k) = self.punct(j, "-").or_else(|| self.is(j, Sem::And)) {
                j = k;
            }
            if let Some((u, k)) = self.sem_of(j, Sem::Num(0).variant_bit(), false, |s| match s {
                Sem::Num(v) if (1..10).contains(&v) => Some(v),
                _ => None,
            }) {
                return Some((tens + u, k));
            }
        }
        Some((tens, n))
    }

    /// Do digits go on at `n`, after a joined `.` or `,` (`4.000`, `1,2`)?
    fn figure_goes_on(&self, n: usize) -> bool {
        self.joined_punct(n, ".,").is_some()
            && self.digits(n + 1).is_some()
            && self.at(n + 1).is_some_and(|t| t.joined)
    }

    /// A day of the month: `28`, `1st`, `1°`, `1er`, `primo`, `third`; not the start
    /// of a figure ("a febbraio 4.000 tonnellate").
    #[inline]
    fn day(&self, i: usize) -> Read<u8> {
        if !self.num_or(i, Sem::Ord(0).variant_bit() | Sem::Num(0).variant_bit()) {
            return None;
        }
        self.day_here(i)
    }

    /// [`Grammar::day`] at a token that may be one.
    fn day_here(&self, i: usize) -> Read<u8> {
        if let Some(((v, d), mut n)) = self.digits(i) {
            if d > 2 || !(1..=31).contains(&v) || self.figure_goes_on(n) {
                return None;
            }
            if let Some(k) = self
                .sem_of(n, Sem::OrdSuffix.variant_bit(), false, |s| {
                    (s == Sem::OrdSuffix).then_some(())
                })
                .filter(|_| self.at(n).is_some_and(|t| t.joined))
            {
                n = k.1;
            }
            return Some((v as u8, n));
        }
        if let Some((v, n)) = self.sem_of(i, Sem::Ord(0).variant_bit(), false, |s| match s {
            Sem::Ord(v) if (1..=31).contains(&v) => Some(v as u8),
            _ => None,
        }) {
            return Some((v, n));
        }
        // Number words from two up: "a"/"un"/"ein" are articles more often than days.
        let (v, n) = self.number(i)?;
        (2..=31).contains(&v).then_some((v as u8, n))
    }

    /// A four-digit year, with "року" / "р." / "d.C." after it; a year of up to four
    /// digits with an era after it ("14 a.d."; "753 BC" and "753 р. до н. е." are the
    /// astronomical year -752, as the calendar has no year 0).
    fn year(&self, i: usize) -> Read<i32> {
        let ((v, d), n) = self.digits(i)?;
        let suffix = |n: usize| {
            let kinds = Sem::Unit(Unit::Year).variant_bit() | Sem::YearSuffix.variant_bit();
            self.sem_of(n, kinds, false, |s| {
                matches!(s, Sem::Unit(Unit::Year) | Sem::YearSuffix).then_some(())
            })
            .map_or(n, |(_, k)| self.joined_punct(k, ".").unwrap_or(k))
        };
        let after = suffix(n);
        if d <= 4 && v >= 1 {
            if let Some(k) = self.is(after, Sem::Era) {
                return Some((v as i32, k));
            }
            if let Some(k) = self.is(after, Sem::BeforeEra) {
                return Some((1 - v as i32, k));
            }
        }
        if d != 4 || !(1000..=2199).contains(&v) {
            return None;
        }
        // "1990s", "1990er", "2024-25" are not plain years.
        if self
            .at(n)
            .is_some_and(|t| t.joined && t.kind == TokKind::Word)
            && self
                .sem(n, |s| {
                    matches!(s, Sem::Unit(Unit::Year) | Sem::YearSuffix).then_some(())
                })
                .is_none()
        {
            return None;
        }
        Some((v as i32, after))
    }

    /// A year spec after a month or season: `2025`, `, 2025`, `dell'anno scorso`, `letzten Jahres`.
    fn year_ref(&self, i: usize) -> Read<YearRef> {
        let j = self.punct(i, ",").unwrap_or(i);
        let j = self.fillers(j);
        if let Some((y, n)) = self.year(j) {
            return Some((YearRef::Abs(y), n));
        }
        if let Some((r, n)) = self.rel_year(j) {
            return Some((YearRef::Rel(r), n));
        }
        if let Some((y, n)) = self.year_words(j) {
            return Some((YearRef::Abs(y), n));
        }
        // "'24" after a month.
        if let Some(k) = self.punct(j, "'")
            && let Some(((v, 2), n)) = self.digits(k)
        {
            return Some((YearRef::TwoDigit(v as u8), n));
        }
        None
    }

    /// A year in words: "two thousand ten", "two thousand and eighteen"; not "two
    /// thousand five hundred".
    fn year_words(&self, i: usize) -> Read<i32> {
        let (th, n) = self.number(i)?;
        let n = self.is(n, Sem::Thousand)?;
        let n = self.is(n, Sem::And).unwrap_or(n);
        let (rest, k) = self.number(n).filter(|(v, _)| (1..100).contains(v))?;
        let more = self.sem(k, |s| match s {
            Sem::Num(v) if v >= 100 => Some(()),
            Sem::Thousand => Some(()),
            _ => None,
        });
        if more.is_some() || !(1..=2).contains(&th) {
            return None;
        }
        Some((th as i32 * 1000 + rest as i32, k))
    }

    /// "l'anno scorso", "last year", "letzten Jahres", "минулого року": a year offset.
    fn rel_year(&self, i: usize) -> Read<i32> {
        let is_year = |s: Sem| matches!(s, Sem::Unit(Unit::Year)).then_some(());
        if let Some((sh, n)) = self.shift(i) {
            let n2 = self.fillers(n);
            if let Some((_, k)) = self.sem_of(n2, YEAR_UNIT, false, is_year) {
                return Some((sh, k));
            }
        }
        if let Some((_, n)) = self.sem_of(i, YEAR_UNIT, false, is_year)
            && let Some((sh, k)) = self.shift(n)
        {
            return Some((sh, k));
        }
        None
    }

    /// After a name at `i` that ends before `n`: an abbreviation ("gen.", "Oct.", "sab.")
    /// takes its dot; a full name ("marzo.") leaves it to end the sentence.
    fn abbreviation_dot(&self, i: usize, n: usize) -> usize {
        let short = self.toks.list.get(i).is_some_and(|t| t.chars.len() <= 4);
        if short {
            self.joined_punct(n, ".").unwrap_or(n)
        } else {
            n
        }
    }

    fn month(&self, i: usize, allow_weak: bool) -> Read<u8> {
        let (m, n) = self.sem_of(i, Sem::Month(0).variant_bit(), allow_weak, |s| match s {
            Sem::Month(m) => Some(m),
            _ => None,
        })?;
        Some((m, self.abbreviation_dot(i, n)))
    }

    /// A shift word, then a month: "next March", "übernächsten März", "lo scorso marzo".
    fn month_shift(&self, i: usize) -> Read<(Expr, bool)> {
        let (shift, k) = self.shift(i)?;
        let (m, n) = self.month(self.fillers(k), true)?;
        Some(((Expr::MonthShift { m, shift }, shift > 0), n))
    }

    fn weekday(&self, i: usize, allow_weak: bool) -> Read<u8> {
        let (w, n) = self.sem_of(i, Sem::Weekday(0).variant_bit(), allow_weak, |s| match s {
            Sem::Weekday(w) => Some(w),
            _ => None,
        })?;
        Some((w, self.abbreviation_dot(i, n)))
    }

    #[inline]
    fn unit(&self, i: usize) -> Read<(Unit, bool)> {
        let kinds = Sem::Unit(Unit::Day).variant_bit() | Sem::Units(Unit::Day).variant_bit();
        self.sem_of(i, kinds, false, |s| match s {
            Sem::Unit(u) => Some((u, false)),
            Sem::Units(u) => Some((u, true)),
            _ => None,
        })
    }

    #[inline]
    fn ord(&self, i: usize) -> Read<i32> {
        if !self.num_or(i, Sem::Ord(0).variant_bit()) {
            return None;
        }
        self.ord_here(i)
    }

    /// [`Grammar::ord`] at a token that may be one.
    fn ord_here(&self, i: usize) -> Read<i32> {
        if let Some(r) = self.sem_of(i, Sem::Ord(0).variant_bit(), false, |s| match s {
            Sem::Ord(v) => Some(v),
            _ => None,
        }) {
            return Some(r);
        }
        // "3rd", "3°"
        let ((v, d), n) = self.digits(i)?;
        if d > 2 {
            return None;
        }
        let (_, k) = self.sem_of(n, Sem::OrdSuffix.variant_bit(), false, |s| {
            (s == Sem::OrdSuffix).then_some(())
        })?;
        Some((v as i32, k))
    }

    /// Numeric dates: `2025-10-28`, `28/10/2025`, `28.10.25`, `15/02`, `10.12.`.
    fn numeric_date(&self, i: usize) -> Read<Expr> {
        let ((a, da), n1) = self.digits(i)?;
        let sep_n = self.joined_punct(n1, "/.-")?;
        let sep = self.toks.norm(n1).to_string();
        let ((b, db), n2) = self
            .digits(sep_n)
            .filter(|_| self.at(sep_n).is_some_and(|t| t.joined))?;
        // ISO: 2025-10-28 (not the year 0, which only a broken form writes: "0000-01-01").
        if da == 4 {
            if a == 0 {
                return None;
            }
            let Some(sep2) = self
                .joined_punct(n2, &sep)
                .filter(|&k| self.digits(k).is_some())
            else {
                // 2014-10, 2014/10: a month (two digits: "Mirage 2000-5" is a model).
                return (db == 2
                    && (1..=12).contains(&b)
                    && sep != "."
                    && self.digits(n2).is_none())
                .then_some((
                    Expr::Date {
                        y: YearRef::Abs(a as i32),
                        m: Some(b as u8),
                        d: None,
                    },
                    n2,
                ));
            };
            let ((c, dc), n3) = self
                .digits(sep2)
                .filter(|_| self.at(sep2).is_some_and(|t| t.joined))?;
            if db > 2 || dc > 2 || !(1..=12).contains(&b) || !(1..=31).contains(&c) {
                return None;
            }
            return Some((
                Expr::Date {
                    y: YearRef::Abs(a as i32),
                    m: Some(b as u8),
                    d: Some(c as u8),
                },
                n3,
            ));
        }
        if da > 2 || db > 2 {
            // MM/YYYY
            if da <= 2 && db == 4 && sep == "/" && (1..=12).contains(&a) {
                return Some((
                    Expr::Date {
                        y: YearRef::Abs(b as i32),
                        m: Some(a as u8),
                        d: None,
                    },
                    n2,
                ));
            }
            return None;
        }
        let order = self.lex.table.date_order;
        let pick = |x: u64, y: u64| -> Option<(u8, u8)> {
            let (d, m) = match order {
                DateOrder::DayMonth => (x, y),
                DateOrder::MonthDay => (y, x),
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                Some((d as u8, m as u8))
            } else if (1..=12).contains(&d) && (1..=31).contains(&m) {
                Some((m as u8, d as u8))
            } else {
                None
            }
        };
        let (d, m) = pick(a, b)?;
        if let Some(sep2) = self.joined_punct(n2, &sep) {
            if let Some(((c, dc), n3)) = self
                .digits(sep2)
                .filter(|_| self.at(sep2).is_some_and(|t| t.joined))
            {
                let y = match dc {
                    4 => YearRef::Abs(c as i32),
                    2 => YearRef::TwoDigit(c as u8),
                    _ => return None,
                };
                return Some((
                    Expr::Date {
                        y,
                        m: Some(m),
                        d: Some(d),
                    },
                    n3,
                ));
            }
            // "10.12." German-style day and month.
            if sep == "." {
                return Some((
                    Expr::Date {
                        y: YearRef::Unknown,
                        m: Some(m),
                        d: Some(d),
                    },
                    sep2,
                ));
            }
        }
        // "15/02" with a slash; "17.02" and "31-10" with two digits each where the language
        // writes decimals with a comma and nothing follows ("1.2" is a decimal, "10-12" a range).
        let two_by_two = da == 2 && db == 2 && self.lex.table.decimal_comma && self.ends_phrase(n2);
        if (sep == "/" || two_by_two) && self.digits(n2).is_none() {
            return Some((
                Expr::Date {
                    y: YearRef::Unknown,
                    m: Some(m),
                    d: Some(d),
                },
                n2,
            ));
        }
        None
    }

    /// `28 ottobre 2025`, `28. Oktober`, `28 de octubre de 2025`, `the 3rd of March`.
    fn day_month(&self, i: usize) -> Read<Expr> {
        // "20 02 2014": day, month and a full year with spaces, as French writes them.
        if let (Some(((d, dd), n1)), Some(((m, dm), n2))) = (self.digits(i), self.digits(i + 1))
            && let Some(((y, 4), n3)) = self.digits(n2)
            && n1 == i + 1
            && n2 == i + 2
            && dd <= 2
            && dm <= 2
            && (1..=31).contains(&d)
            && (1..=12).contains(&m)
            && (1900..=2100).contains(&y)
            && self.toks.list.get(i + 1).is_some_and(|t| !t.joined)
            && self.toks.list.get(i + 2).is_some_and(|t| !t.joined)
        {
            return Some((
                Expr::Date {
                    y: YearRef::Abs(y as i32),
                    m: Some(m as u8),
                    d: Some(d as u8),
                },
                n3,
            ));
        }
        let (d, mut n) = self.day(i)?;
        // "31-Oct-1974", "31/Oct/74"
        if let Some(k) = self.joined_punct(n, "-/") {
            let (m, k) = self.month(k, true)?;
            let k2 = self.joined_punct(k, "-/")?;
            let ((y, dy), k3) = self.digits(k2)?;
            let y = match dy {
                4 => YearRef::Abs(y as i32),
                2 => YearRef::TwoDigit(y as u8),
                _ => return None,
            };
            return Some((
                Expr::Date {
                    y,
                    m: Some(m),
                    d: Some(d),
                },
                k3,
            ));
        }
        if let Some(k) = self.joined_punct(n, ".") {
            n = k;
        }
        let n = self.fillers(n);
        let (m, n) = self.month(n, true)?;
        match self.year_ref(n) {
            Some((y, k)) => Some((
                Expr::Date {
                    y,
                    m: Some(m),
                    d: Some(d),
                },
                k,
            )),
            None => Some((
                Expr::Date {
                    y: YearRef::Unknown,
                    m: Some(m),
                    d: Some(d),
                },
                n,
            )),
        }
    }

    /// `Novembre 8, 2025`, `March 3rd`, `ottobre 2025`, `giugno dell'anno scorso`, `ottobre`.
    fn month_first(&self, i: usize) -> Read<Expr> {
        let (m, n) = self.month(i, false).or_else(|| {
            // A weak month needs a number or year next to it.
            let (m, n) = self.month(i, true)?;
            (self.digits(n).is_some() || self.year_ref(n).is_some()).then_some((m, n))
        })?;
        if let Some((d, k)) = self.day(n) {
            // Not "ottobre 2025" read as day 20.
            if self.year(n).is_none() {
                let k = self
                    .sem_of(k, Sem::OrdSuffix.variant_bit(), false, |s| {
                        (s == Sem::OrdSuffix).then_some(())
                    })
                    .map_or(k, |x| x.1);
                if let Some((y, k2)) = self.year_ref(k) {
                    return Some((
                        Expr::Date {
                            y,
                            m: Some(m),
                            d: Some(d),
                        },
                        k2,
                    ));
                }
                return Some((
                    Expr::Date {
                        y: YearRef::Unknown,
                        m: Some(m),
                        d: Some(d),
                    },
                    k,
                ));
            }
        }
        if let Some((y, k)) = self.year_ref(n) {
            return Some((
                Expr::Date {
                    y,
                    m: Some(m),
                    d: None,
                },
                k,
            ));
        }
        // "March after next".
        if let Some(k) = self.is(n, Sem::AfterNext) {
            return Some((Expr::MonthShift { m, shift: 2 }, k));
        }
        Some((
            Expr::Date {
                y: YearRef::Unknown,
                m: Some(m),
                d: None,
            },
            n,
        ))
    }

    /// The n-th weekday, day or week of a month: "ultimo lunedì di marzo", "third day of October".
    fn nth_of_month(&self, i: usize) -> Read<Expr> {
        let (n_ord, n) = self.ord(i)?;
        // "third last week", "the 5th last day": counted from the end.
        let (n_ord, n) = match self.sem(n, |s| (s == Sem::Ord(-1)).then_some(())) {
            Some((_, k)) if n_ord > 0 => (-n_ord, k),
            _ => (n_ord, n),
        };
        let (what, n) = match self.weekday(n, true) {
            Some((wd, k)) => (Ok(wd), k),
            None => {
                let ((u, _), k) = self.unit(n)?;
                if !matches!(u, Unit::Day | Unit::Week | Unit::Fortnight) {
                    return None;
                }
                (Err(u), k)
            }
        };
        let n = self.fillers(n);
        let Some((m, n)) = self.month(n, true) else {
            let unit = match what {
                // "the first Monday of the month", "the last Friday of next month".
                Ok(wd) => {
                    let (months, k) = match self.relative(n) {
                        Some((
                            (
                                Expr::RelUnit {
                                    unit: Unit::Month,
                                    n: s,
                                },
                                _,
                            ),
                            k,
                        )) => (s, k),
                        _ => match self.unit(n) {
                            Some(((Unit::Month, false), k)) => (0, k),
                            _ => return None,
                        },
                    };
                    return Some((
                        Expr::NthWeekdayIn {
                            n: n_ord,
                            wd,
                            months,
                        },
                        k,
                    ));
                }
                Err(unit) => unit,
            };
            // "the third last week of 2018": of a year.
            let (y, k) = self.year(n)?;
            return Some((
                Expr::NthUnitOf {
                    n: n_ord,
                    unit,
                    m: None,
                    y: YearRef::Abs(y),
                },
                k,
            ));
        };
        let (y, n) = self.year_ref(n).unwrap_or((YearRef::Unknown, n));
        let expr = match what {
            Ok(wd) => Expr::NthWeekday { n: n_ord, wd, m, y },
            Err(unit) => Expr::NthUnitOf {
                n: n_ord,
                unit,
                m: Some(m),
                y,
            },
        };
        Some((expr, n))
    }

    /// The n-th weekday after or before a day: "third tuesday after christmas 2014",
    /// "the first Monday after Easter", "the last Friday before Christmas" (the first
    /// one before it).
    fn nth_weekday_from(&self, i: usize) -> Read<Expr> {
        let (n, k) = self.ord(i)?;
        let (wd, k) = self.weekday(k, true)?;
        let (sign, k) = self.sem(k, |s| match s {
            Sem::After => Some(1),
            Sem::Before => Some(-1),
            _ => None,
        })?;
        let ((base, _), end) = self.core(self.fillers(k))?;
        let n = match (n, sign) {
            (-1, -1) => 1,
            (n, _) if n > 0 => n,
            _ => return None,
        };
        day_like(&base).then_some((
            Expr::NthWeekdayFrom {
                wd,
                n: sign * n,
                base: Box::new(base),
            },
            end,
        ))
    }

    /// The n-th nearest day of a kind to a day: "the closest Monday to Oct 5th", "the
    /// 3rd closest xmas to today".
    fn closest(&self, i: usize) -> Read<Expr> {
        let (n, k) = self.ord(i).unwrap_or((1, i));
        let k = self.is(k, Sem::Closest)?;
        let (kind, k) = match self.weekday(k, true) {
            Some((wd, k2)) => (
                Expr::Weekday {
                    wd,
                    shift: None,
                    week: None,
                },
                k2,
            ),
            None => match self.core(k)? {
                (
                    (
                        e @ Expr::Date {
                            y: YearRef::Unknown,
                            m: Some(_),
                            d: Some(_),
                        },
                        _,
                    ),
                    k2,
                ) => (e, k2),
                _ => return None,
            },
        };
        let k = self.is(k, Sem::To)?;
        let ((base, _), end) = self.core(self.fillers(k))?;
        (n > 0 && day_like(&base)).then_some((
            Expr::Closest {
                kind: Box::new(kind),
                n,
                base: Box::new(base),
            },
            end,
        ))
    }

    /// Weekdays: "lunedì", "lunedì scorso", "next Tuesday", "mercoledì della prossima settimana",
    /// "Monday, March 3".
    fn weekday_expr(&self, i: usize) -> Read<(Expr, bool)> {
        let mut shift = None;
        let mut j = i;
        if let Some((s, k)) = self.shift(i) {
            let k2 = self.fillers(k);
            if self.weekday(k2, true).is_some() {
                shift = Some(s);
                j = k2;
            }
        }
        let strong = self.weekday(j, false);
        let (wd, mut n) = strong.or_else(|| self.weekday(j, true))?;
        let weak = strong.is_none();
        // A date right after it wins: "lunedì 3 marzo", "Friday, 18.07.14".
        let k = self.punct(n, ",").unwrap_or(n);
        let k = self.fillers(k);
        for f in [Self::numeric_date, Self::day_month, Self::month_first] {
            if let Some((e, end)) = f(self, k)
                && let Expr::Date { y, m, d: Some(d) } = e
            {
                // Without a year, the weekday says which year: "Fri, Jul 18".
                let e = match (y, m) {
                    (YearRef::Unknown, Some(_)) => Expr::WeekdayDate { m, d, wd },
                    _ => e,
                };
                return Some(((e, false), end));
            }
        }
        // "Thu 15th", "Thursday the 15th": the month whose 15th is a Thursday.
        if let Some((d, end)) = self.day(k)
            && end > k + 1
            && self.digits(k).is_some()
            && self.ends_phrase(end)
        {
            return Some(((Expr::WeekdayDate { m: None, d, wd }, false), end));
        }
        if weak && shift.is_none() {
            return None;
        }
        if shift.is_none()
            && let Some((s, k)) = self.shift(n)
        {
            // "lunedì prossimo", not "lunedì prossima settimana" (handled below).
            if self.unit(k).is_none() {
                shift = Some(s);
                n = k;
            }
        }
        // Week spec: "della prossima settimana", "next week", "на минулому тижні".
        let k = self.fillers(n);
        let mut week = None;
        if let Some((s, k2)) = self.shift(k) {
            let k3 = self.fillers(k2);
            if let Some(((Unit::Week, _), k4)) = self.unit(k3) {
                week = Some(s);
                n = k4;
            }
        } else if let Some(((Unit::Week, _), k2)) = self.unit(k)
            && let Some((s, k3)) = self.shift(k2)
        {
            week = Some(s);
            n = k3;
        } else if let Some((
            (
                Expr::Ago {
                    unit: Unit::Week,
                    n: w,
                },
                _,
            ),
            k2,
        )) = self.relative(n)
        {
            // "Mittwoch in zwei Wochen", "Wednesday two weeks ago": that week's weekday.
            week = Some(w);
            n = k2;
        }
        // "lundi en huit": the weekday, that many weeks on.
        if let Some((w, k2)) = self.sem_of(n, Sem::WeeksOn(0).variant_bit(), false, |s| match s {
            Sem::WeeksOn(w) => Some(w),
            _ => None,
        }) {
            return Some((
                (
                    Expr::WeekdayOn {
                        wd,
                        weeks: i32::from(w),
                    },
                    true,
                ),
                k2,
            ));
        }
        // "after next": "середу після наступної"
        if let Some(k2) = self.is(n, Sem::After).or_else(|| self.is(n, Sem::Later))
            && let Some((1, k3)) = self.shift(self.fillers(k2))
        {
            let k3 = self
                .unit(k3)
                .filter(|((u, _), _)| *u == Unit::Week)
                .map_or(k3, |x| x.1);
            return Some((
                (
                    Expr::Weekday {
                        wd,
                        shift: Some(2),
                        week: None,
                    },
                    true,
                ),
                k3,
            ));
        }
        // "lunedì mattina", "Friday night"
        if let Some((_, k2)) = self.sem_of(
            n,
            Sem::DayPart(DayPart::Morning).variant_bit(),
            false,
            |s| matches!(s, Sem::DayPart(_)).then_some(()),
        ) {
            n = k2;
        }
        let future = shift == Some(1) || week == Some(1);
        Some(((Expr::Weekday { wd, shift, week }, future), n))
    }

    /// Relative units: "l'anno scorso", "tre giorni fa", "vor 3 Tagen", "in 2 weeks",
    /// "gli ultimi due mesi", "negli ultimi giorni".
    fn relative(&self, i: usize) -> Read<(Expr, bool)> {
        // Read once, tried by several rules below.
        let number_here = self.number(i);
        let count_unit_here = self.count_unit(i);
        let mut best: Read<(Expr, bool)> = None;
        let mut keep = |r: Read<(Expr, bool)>| {
            if let Some((e, n)) = r
                && best.as_ref().is_none_or(|b| n > b.1)
            {
                best = Some((e, n));
            }
        };
        // "el mismo día", "ese año", "that same day", "the previous year"; "el año
        // anterior", "al día siguiente", "the day before".
        let anaphoric = |s: Sem| match s {
            Sem::Anaphoric(n) => Some(n),
            _ => None,
        };
        if let Some((a, n)) = self.sem_of(i, ANAPHORIC, false, anaphoric) {
            // "el mismo periodo del año anterior", "the same month last year".
            let what = match self.unit(n) {
                Some(((u, false), k)) => Some((Some(u), k)),
                _ => self.is(n, Sem::PeriodWord).map(|k| (None, k)),
            };
            if a == 0
                && let Some((unit, k)) = what
            {
                let k = self.fillers(k);
                // "del año anterior", "last year", "a year ago", "a year earlier".
                let years = self.rel_year(k).or_else(|| {
                    let ((c, u), k2) = self.count_unit(k)?;
                    (u == Unit::Year).then_some(())?;
                    self.is(k2, Sem::Ago)
                        .or_else(|| self.is(k2, Sem::Anaphoric(-1)))
                        .map(|k3| (-c, k3))
                });
                if let Some((years, k2)) = years.filter(|(y, _)| *y != 0) {
                    keep(Some(((Expr::SamePeriod { unit, years }, false), k2)));
                }
            }
            // A unit may also be a filler ("giorno" in "il giorno 15").
            if let Some(((u, false), k)) = self.unit(n).or_else(|| self.unit(self.fillers(n))) {
                keep(Some(((Expr::Anaphor { unit: u, n: a }, false), k)));
            }
        }
        if let Some(((u, false), n)) = self.unit(i)
            && let Some((a, k)) = self.sem_of(n, ANAPHORIC, false, anaphoric)
        {
            keep(Some(((Expr::Anaphor { unit: u, n: a }, false), k)));
        }
        // "two years earlier", "a day earlier".
        if let Some(((c, u), n)) = count_unit_here
            && let Some((a, k)) = self
                .sem_of(n, ANAPHORIC, false, anaphoric)
                .filter(|(a, _)| *a != 0)
        {
            keep(Some(((Expr::Anaphor { unit: u, n: a * c }, false), k)));
        }
        // "cerró la jornada en 8.017": the day in focus; "la jornada del martes": that day.
        // Not "la jornada laboral", where a word of its own follows.
        if let Some((u, n)) =
            self.sem_of(i, Sem::Focus(Unit::Day).variant_bit(), false, |s| match s {
                Sem::Focus(u) => Some(u),
                _ => None,
            })
        {
            let k = self.fillers(n);
            if k > n
                && let Some(((e, f), k2)) = self.core(k)
                && day_like(&e)
            {
                keep(Some(((e, f), k2)));
            }
            let next_free = self.at(n).is_none_or(|t| t.kind == TokKind::Punct)
                || !self.m.at(n).is_empty()
                || self.lex.is_stopword(self.toks.norm(n));
            if next_free {
                keep(Some(((Expr::Anaphor { unit: u, n: 0 }, false), n)));
            }
        }
        // "three days after Easter", "a week before Christmas": that many days from a day.
        if let Some(((c, u), n)) = count_unit_here
            && let Some(per) = match u {
                Unit::Day => Some(1),
                Unit::Week => Some(7),
                _ => None,
            }
            && let Some((sign, k)) = self.sem(n, |s| match s {
                Sem::After => Some(1),
                Sem::Before => Some(-1),
                _ => None,
            })
            && let Some(((base, f), k2)) = self.core(self.fillers(k))
            && day_like(&base)
        {
            let days = sign * c * per;
            keep(Some((
                (
                    Expr::ShiftDays {
                        base: Box::new(base),
                        days,
                    },
                    f,
                ),
                k2,
            )));
        }
        // "the rest of the week", "the rest of this year".
        if let Some(n) = self.is(i, Sem::RestOf) {
            let n = self.fillers(n);
            let n = self.is(n, Sem::This).unwrap_or(n);
            if let Some(((u, false), k)) = self.unit(n) {
                keep(Some(((Expr::RestOf { unit: u }, false), k)));
            }
        }
        // "3 fridays from now", "two thursdays ago", "2 thursdays back".
        if let Some((c, n)) = number_here
            && let Some((wd, k)) =
                self.sem_of(n, Sem::Weekdays(0).variant_bit(), false, |s| match s {
                    Sem::Weekdays(w) => Some(w),
                    _ => None,
                })
        {
            let c = c as i32;
            if let Some(k2) = self.is(k, Sem::Later) {
                keep(Some(((Expr::WeekdayCount { wd, n: c }, true), k2)));
            }
            if let Some(k2) = self.is(k, Sem::Ago) {
                keep(Some(((Expr::WeekdayCount { wd, n: -c }, false), k2)));
            }
        }
        // AgoPre N unit: "hace 3 días", "vor 3 Tagen", "il y a 3 jours"
        if let Some(n) = self.is(i, Sem::AgoPre) {
            // "hace unas horas", "vor einigen Tagen": a few units back.
            let m = self.is(n, Sem::Approx).unwrap_or(n);
            if let Some(((u, true), k)) = self.unit(m) {
                keep(Some(((Expr::Recent { unit: u }, false), k)));
            }
            keep(
                self.count_unit(n)
                    .map(|((c, u), k)| ((Expr::Ago { unit: u, n: -c }, false), k)),
            );
        }
        // In N unit: "tra 3 giorni", "in 2 weeks", "через 3 роки"
        if let Some(n) = self.is(i, Sem::In) {
            keep(
                self.count_unit(n)
                    .map(|((c, u), k)| ((Expr::Ago { unit: u, n: c }, true), k)),
            );
        }
        // In + a singular unit: "через тиждень", "dans une semaine" (no number: one).
        if let Some(n) = self.is(i, Sem::In)
            && let Some(((u, false), k)) = self.unit(n)
            && u != Unit::Weekend
        {
            keep(Some(((Expr::Ago { unit: u, n: 1 }, true), k)));
        }
        // N unit ago / N unit later
        if let Some(((c, u), n)) = count_unit_here {
            if let Some(k) = self.is(n, Sem::Ago) {
                keep(Some(((Expr::Ago { unit: u, n: -c }, false), k)));
            }
            if let Some(k) = self.is(n, Sem::Later) {
                keep(Some(((Expr::Ago { unit: u, n: c }, true), k)));
            }
            // "2 anni scorsi", "3 giorni prossimi"
            if let Some((s, k)) = self.shift(n)
                && s != 0
            {
                keep(Some(((Expr::Span { unit: u, n: s * c }, s > 0), k)));
            }
        }
        // "le 2 ultime settimane", "die 2 letzten Wochen"
        if let Some((c, n)) = number_here
            && let Some((sh, k)) = self.shift(n).filter(|(sh, _)| *sh != 0)
            && let Some(((u, _), k2)) = self.unit(k)
        {
            keep(Some((
                (
                    Expr::Span {
                        unit: u,
                        n: sh * c as i32,
                    },
                    sh > 0,
                ),
                k2,
            )));
        }
        // Singular unit with ago: "рік тому", "a week ago" (a = 1 is a number word already).
        if let Some(((u, false), n)) = self.unit(i)
            && let Some(k) = self.is(n, Sem::Ago)
        {
            keep(Some(((Expr::Ago { unit: u, n: -1 }, false), k)));
        }
        // Shift [N] unit: "last year", "gli ultimi due mesi", "this week", "ultimi giorni"
        if let Some((s, n)) = self.shift(i) {
            let n2 = self.fillers(n);
            if let Some((c, k)) = self.number(n2)
                && let Some(((u, _), k2)) = self.unit(k)
                && s != 0
            {
                keep(Some((
                    (
                        Expr::Span {
                            unit: u,
                            n: s * c as i32,
                        },
                        s > 0,
                    ),
                    k2,
                )));
            }
            if let Some(((u, plural), k)) = self.unit(n2) {
                keep(Some((self.shifted_unit(u, plural, s), k)));
            }
        }
        // Unit shift: "l'anno scorso", "il mese prossimo", "giorni scorsi", "année dernière"
        if let Some(((u, plural), n)) = self.unit(i)
            && let Some((s, k)) = self.shift(n)
        {
            keep(Some((self.shifted_unit(u, plural, s), k)));
        }
        best
    }

    fn shifted_unit(&self, u: Unit, plural: bool, s: i32) -> (Expr, bool) {
        if u == Unit::Weekend {
            return (Expr::Weekend { shift: Some(s) }, s > 0);
        }
        if s == -1 && (plural || matches!(u, Unit::Hour | Unit::Minute)) {
            return (Expr::Recent { unit: u }, false);
        }
        if plural && s == 1 {
            return (Expr::Span { unit: u, n: 3 }, true);
        }
        (Expr::RelUnit { unit: u, n: s }, s > 0)
    }

    /// "tre giorni", "3 days", "a week", "zwei Wochen", "un mese e mezzo" (the half is dropped).
    fn count_unit(&self, i: usize) -> Read<(i32, Unit)> {
        let (c, n) = self.number(i)?;
        let ((u, _), k) = self.unit(n)?;
        if c > 10_000 {
            return None;
        }
        let (c, u) = match u {
            Unit::Fortnight => (c as i32 * 2, Unit::Week),
            _ => (c as i32, u),
        };
        Some(((c, u), k))
    }

    /// "il primo trimestre 2024", "Q3 2024", "the first quarter of last year", "first half of 2024".
    fn quarter_half(&self, i: usize) -> Read<Expr> {
        // "2018Q4", "18q4": the year written onto the quarter.
        if let Some(((y, dy @ (2 | 4)), n)) = self.digits(i)
            && self
                .at(n)
                .is_some_and(|t| t.joined && t.kind == TokKind::Word)
            && self.toks.norm(n) == "q"
            && let Some(((q @ 1..=4, 1), k)) = self
                .digits(n + 1)
                .filter(|_| self.at(n + 1).is_some_and(|t| t.joined))
        {
            let y = if dy == 4 {
                YearRef::Abs(y as i32)
            } else {
                YearRef::TwoDigit(y as u8)
            };
            return Some((Expr::Quarter { q: q as u8, y }, k));
        }
        // Q3 / H1
        if let Some(t) = self.at(i) {
            let w = self.toks.norm(i);
            if t.kind == TokKind::Word && (w == "q" || w == "h") {
                let ((v, 1), n) = self
                    .digits(i + 1)
                    .filter(|_| self.at(i + 1).is_some_and(|t| t.joined))?
                else {
                    return None;
                };
                let (y, n) = self.year_ref(n).unwrap_or((YearRef::Unknown, n));
                return match (w, v) {
                    ("q", 1..=4) => Some((Expr::Quarter { q: v as u8, y }, n)),
                    ("h", 1..=2) => Some((Expr::Half { h: v as u8, y }, n)),
                    _ => None,
                };
            }
        }
        let (o, n) = self.ord(i)?;
        // "third-quarter"
        let n = self.joined_punct(n, "-").unwrap_or(n);
        let (kind, n) = match self.unit(n) {
            Some(((u @ (Unit::Quarter | Unit::Half), false), k)) => (u, k),
            _ => {
                // "prima metà del 2024"
                let (_, k) = self.sem(n, |s| (s == Sem::Part(Part::Mid)).then_some(()))?;
                (Unit::Half, k)
            }
        };
        let (y, n) = self.year_ref(n).unwrap_or((YearRef::Unknown, n));
        match (kind, o) {
            (Unit::Quarter, 1..=4) => Some((Expr::Quarter { q: o as u8, y }, n)),
            (Unit::Quarter, -1) => Some((Expr::Quarter { q: 4, y }, n)),
            (Unit::Half, 1..=2) => Some((Expr::Half { h: o as u8, y }, n)),
            (Unit::Half, -1) => Some((Expr::Half { h: 2, y }, n)),
            _ => None,
        }
    }

    /// "estate 2024", "l'estate scorsa", "last summer", "this spring".
    fn season(&self, i: usize) -> Read<(Expr, bool)> {
        let season = |s: Sem| match s {
            Sem::Season(v) => Some(v),
            _ => None,
        };
        if let Some((sh, n)) = self.shift(i) {
            let n = self.fillers(n);
            if let Some((s, k)) = self.sem_of(n, SEASON, true, season) {
                return Some((
                    (
                        Expr::Season {
                            s,
                            y: YearRef::Unknown,
                            shift: Some(sh),
                        },
                        sh > 0,
                    ),
                    k,
                ));
            }
        }
        // A weak season word ("été" is also "been") needs a shift or a year next to it.
        let strong = self.sem_of(i, SEASON, false, season);
        let (s, n) = strong.or_else(|| self.sem_of(i, SEASON, true, season))?;
        if let Some((sh, k)) = self.shift(n) {
            return Some((
                (
                    Expr::Season {
                        s,
                        y: YearRef::Unknown,
                        shift: Some(sh),
                    },
                    sh > 0,
                ),
                k,
            ));
        }
        if let Some((y, k)) = self.year_ref(n) {
            return Some(((Expr::Season { s, y, shift: None }, false), k));
        }
        strong?;
        Some((
            (
                Expr::Season {
                    s,
                    y: YearRef::Unknown,
                    shift: None,
                },
                false,
            ),
            n,
        ))
    }

    /// A round two-digit number ("70"): its tens.
    fn round_tens(&self, i: usize) -> Read<u8> {
        match self.digits(i)? {
            ((v, 2), n) if v % 10 == 0 => Some((v as u8, n)),
            _ => None,
        }
    }

    /// Spanish "los 70 y 80" (each a decade), "los años 60 y 70" (the second): round
    /// two-digit numbers joined by "y" after a decade article or word, ending the
    /// phrase. Not "los 20." alone, which counts people as often as it names years.
    fn decade_list(&self, i: usize) -> Read<Expr> {
        let ends_list = |k: usize| {
            self.is(k, Sem::And)
                .and_then(|k2| self.round_tens(k2))
                .is_some_and(|(_, k3)| self.ends_phrase(k3))
        };
        if let Some(n) = self.is(i, Sem::DecadeArticle)
            && let Some((tens, k)) = self.round_tens(n)
            && ends_list(k)
        {
            return Some((Expr::DecadeShort { tens }, k));
        }
        // The one after "y": "70 y [80]".
        let (tens, k) = self.round_tens(i)?;
        let and_before = i >= 3 && self.is(i - 1, Sem::And) == Some(i);
        let first = and_before && self.round_tens(i - 2).is_some_and(|(_, k)| k == i - 1);
        let led = first
            && (self.is(i - 3, Sem::DecadeArticle) == Some(i - 2)
                || self.is(i - 3, Sem::DecadeWord) == Some(i - 2));
        (led && self.ends_phrase(k)).then_some((Expr::DecadeShort { tens }, k))
    }

    /// "anni '90", "anni novanta", "the 1990s", "'90s", "1990er Jahre", "90-х років".
    fn decade(&self, i: usize) -> Read<Expr> {
        if let Some(n) = self.is(i, Sem::DecadeWord) {
            let n = self.fillers(n);
            let k = self.punct(n, "'").unwrap_or(n);
            if let Some(((v, d), k2)) = self.digits(k) {
                let k2 = self.decade_suffix(k2).unwrap_or(k2);
                return match d {
                    2 if v % 10 == 0 => Some((Expr::DecadeShort { tens: v as u8 }, k2)),
                    4 if v % 10 == 0 => Some((Expr::Decade { start: v as i32 }, k2)),
                    _ => None,
                };
            }
            if let Some((v, k2)) = self.sem_of(k, Sem::Num(0).variant_bit(), false, |s| match s {
                Sem::Num(v) if (20..100).contains(&v) && v % 10 == 0 => Some(v),
                _ => None,
            }) {
                return Some((Expr::DecadeShort { tens: v as u8 }, k2));
            }
            return None;
        }
        let (apos, k) = match self.punct(i, "'") {
            Some(k) => (true, k),
            None => (false, i),
        };
        let ((v, d), n) = self.digits(k)?;
        let suffix = self.decade_suffix(n);
        if v % 10 != 0 || !(d == 4 || (d == 2 && (apos || suffix.is_some()))) {
            return None;
        }
        let expr = if d == 4 {
            Expr::Decade { start: v as i32 }
        } else {
            Expr::DecadeShort { tens: v as u8 }
        };
        // "the 1990s", "1990er Jahre", "90-х років"
        let k = suffix?;
        let k = self
            .unit(k)
            .filter(|((u, _), _)| *u == Unit::Year)
            .map_or(k, |x| x.1);
        Some((expr, k))
    }

    /// A decade suffix written onto the number ("1990s", "1990er") or after a hyphen
    /// ("90-х"): the position after it.
    fn decade_suffix(&self, n: usize) -> Option<usize> {
        let (k, hyphen) = match self.joined_punct(n, "-") {
            Some(k) => (k, true),
            None => (n, false),
        };
        let t = self.at(k)?;
        if !t.joined || t.kind != TokKind::Word || (hyphen && self.at(n).is_none()) {
            return None;
        }
        self.is(k, Sem::DecadeSuffix)
    }

    /// Fixed and Easter-relative holidays, with an optional year ("Easter 2018", "Easter
    /// Sunday two thousand ten", "thanksgiving in 3 years").
    fn holiday(&self, i: usize) -> Read<Expr> {
        let holiday = |s: Sem| {
            matches!(
                s,
                Sem::Holiday(..)
                    | Sem::ObservedHoliday(..)
                    | Sem::Easter(_)
                    | Sem::OrthodoxEaster(_)
                    | Sem::EasterSpan(..)
                    | Sem::OrthodoxEasterSpan(..)
                    | Sem::WeekdayHoliday(..)
                    | Sem::WeekdayHolidayPlus(..)
                    | Sem::Movable(_)
            )
            .then_some(s)
        };
        // A weak name ("lent") counts with a year after it ("lent 2018").
        let (sem, n) = self.sem_of(i, HOLIDAYS, false, holiday).or_else(|| {
            let (s, n) = self.sem_of(i, HOLIDAYS, true, holiday)?;
            self.year_ref(n).map(|_| (s, n))
        })?;
        if matches!(sem, Sem::Movable(_)) && self.names_event(i, n) {
            return None;
        }
        let years_on = || match self.relative(n)? {
            (
                (
                    Expr::Ago {
                        unit: Unit::Year,
                        n: c,
                    },
                    _,
                ),
                k,
            ) => Some((YearRef::Rel(c), k)),
            _ => None,
        };
        let (y, n) = self
            .year_ref(n)
            .or_else(years_on)
            .unwrap_or((YearRef::Unknown, n));
        let e = match sem {
            Sem::Holiday(m, d) => Expr::Date {
                y,
                m: Some(m),
                d: Some(d),
            },
            Sem::ObservedHoliday(m, d, rule) => Expr::Observed { m, d, rule, y },
            Sem::Easter(offset) => Expr::Easter {
                offset,
                orthodox: false,
                y,
            },
            Sem::OrthodoxEaster(offset) => Expr::Easter {
                offset,
                orthodox: true,
                y,
            },
            Sem::EasterSpan(from, to) => Expr::EasterSpan {
                from,
                to,
                orthodox: false,
                y,
            },
            Sem::OrthodoxEasterSpan(from, to) => Expr::EasterSpan {
                from,
                to,
                orthodox: true,
                y,
            },
            Sem::WeekdayHoliday(k, wd, m) => Expr::NthWeekday {
                n: i32::from(k),
                wd,
                m,
                y,
            },
            Sem::WeekdayHolidayPlus(k, wd, m, plus) => Expr::ShiftDays {
                base: Box::new(Expr::NthWeekday {
                    n: i32::from(k),
                    wd,
                    m,
                    y,
                }),
                days: i32::from(plus),
            },
            Sem::Movable(key) => Expr::Movable { key, y },
            _ => return None,
        };
        Some((e, n))
    }

    /// Is the holiday name at `i..n` part of an event's name ("Yom Kippur War", "guerra
    /// del Kippur", "Jom-Kippur-Krieg")?
    fn names_event(&self, i: usize, n: usize) -> bool {
        use crate::extract::lang::movable;
        let code = self.lex.table.code;
        let after = if self.toks.norm(n) == "-" { n + 1 } else { n };
        let mut before = i;
        for _ in 0..2 {
            if before > 0 && self.is(before - 1, Sem::Filler) == Some(before) {
                before -= 1;
            }
        }
        movable::is_event_word(code, self.toks.norm(after))
            || (before > 0 && movable::is_event_word(code, self.toks.norm(before - 1)))
    }

    /// A year standing alone, where the words around it make it a year: "nel 2019",
    /// "since 2014", "(2019)", "в 2019 році"; not "2000 soldati" or "a 2000 chilometri".
    fn lone_year(&self, i: usize) -> Read<Expr> {
        let (y, n) = self.year(i)?;
        // Explicit year word after it ("2019 року") or before it ("anno 2019"): always a year.
        let year_word_after = n > i + 1;
        let year_word_before = i > 0
            && self
                .sem(i - 1, |s| matches!(s, Sem::Unit(Unit::Year)).then_some(()))
                .is_some_and(|(_, k)| k == i);
        if year_word_after || year_word_before {
            return Some((
                Expr::Date {
                    y: YearRef::Abs(y),
                    m: None,
                    d: None,
                },
                n,
            ));
        }
        let alone_on_line = self
            .toks
            .list
            .get(i)
            .is_some_and(|t| t.line_break || i == 0)
            && self.toks.list.get(n).is_none_or(|t| t.line_break);
        if alone_on_line {
            return Some((
                Expr::Date {
                    y: YearRef::Abs(y),
                    m: None,
                    d: None,
                },
                n,
            ));
        }
        // A typical year (1900-2100, not a round hundred) after a preposition or article
        // is a year whatever follows ("the 1991 settlement", "in 2009 out of London");
        // after a proper name it names an edition ("WWDC 2010"). Round or unusual numbers
        // also need a following word that cannot be what they count ("2000 soldati").
        let typical = (1900..=2100).contains(&y) && y % 100 != 0;
        let prev_name = i > 0
            && self
                .toks
                .list
                .get(i - 1)
                .is_some_and(|t| t.kind == TokKind::Word && t.capital)
            && !self.toks.list.get(i).is_some_and(|t| t.line_break);
        let before_ok = match i.checked_sub(1) {
            None => false,
            Some(_) if self.toks.list.get(i).is_some_and(|t| t.line_break) => false,
            Some(p) => self.licenses_year(p, i) || (typical && prev_name),
        };
        if !before_ok {
            return None;
        }
        let after_ok = typical
            || match self.at(n) {
                None => true,
                Some(t) => match t.kind {
                    TokKind::Punct => {
                        !matches!(self.toks.norm(n), "%" | "€" | "$" | "." if self.digits(n + 1).is_some())
                            && self.toks.norm(n) != "%"
                    }
                    TokKind::Num => false,
                    // Not a capital: German capitalises every noun ("ab 1200 Euro").
                    TokKind::Word => {
                        self.lex.is_stopword(self.toks.norm(n)) || !self.m.at(n).is_empty()
                    }
                },
            };
        after_ok.then_some((
            Expr::Date {
                y: YearRef::Abs(y),
                m: None,
                d: None,
            },
            n,
        ))
    }

    /// A year in two digits after an apostrophe where a preposition makes it a year:
    /// "since '82", "nel '82"; not "iLife '11" (an edition) nor "l'82%".
    fn apostrophe_year(&self, i: usize) -> Read<Expr> {
        let k = self.punct(i, "'")?;
        let apostrophe = self.at(i)?;
        let ((v, 2), n) = self
            .digits(k)
            .filter(|_| self.at(k).is_some_and(|t| t.joined))?
        else {
            return None;
        };
        let followed = self
            .at(n)
            .is_some_and(|t| t.joined && self.toks.norm(n) != "." && self.toks.norm(n) != ",");
        if apostrophe.joined || followed || i == 0 || !self.licenses_year(i - 1, i) {
            return None;
        }
        Some((
            Expr::Date {
                y: YearRef::TwoDigit(v as u8),
                m: None,
                d: None,
            },
            n,
        ))
    }

    /// Does the token at `p` (ending right before `i`) make a following number a year?
    fn licenses_year(&self, p: usize, i: usize) -> bool {
        if self
            .toks
            .list
            .get(p)
            .is_some_and(|t| t.kind == TokKind::Punct)
        {
            return matches!(self.toks.norm(p), "(" | "[" | "," | ":" | ";" | "–" | "—");
        }
        // Any table word ending right at i that is a preposition-like or interval word.
        (p.saturating_sub(3)..=p).any(|s| {
            self.m.at(s).iter().any(|mt| {
                s + mt.len == i
                    && mt.values.iter().any(|x| {
                        matches!(
                            x,
                            Sem::Filler
                                | Sem::Since
                                | Sem::Until
                                | Sem::By
                                | Sem::Before
                                | Sem::After
                                | Sem::From
                                | Sem::To
                                | Sem::Between
                                | Sem::And
                                | Sem::Part(_)
                                | Sem::In
                        )
                    })
            })
        })
    }

    /// A time of day: `11:48`, `3 pm`, `alle 15`, `15h30`, `um 15 Uhr`, `mezzogiorno`.
    fn clock(&self, i: usize) -> Read<Clock> {
        let at = self.is(i, Sem::At);
        let j = at.unwrap_or(i);
        let day_part = Sem::DayPart(DayPart::Noon).variant_bit();
        if let Some((dp, n)) = self.sem_of(j, day_part, false, |s| match s {
            Sem::DayPart(DayPart::Noon) => Some(12u8),
            Sem::DayPart(DayPart::Midnight) => Some(0u8),
            _ => None,
        }) {
            return Some((
                Clock {
                    hour: dp,
                    minute: Some(0),
                },
                n,
            ));
        }
        let ((h, dh), n) = self.digits(j)?;
        if dh > 2 || h > 24 {
            return None;
        }
        let mut hour = h as u8;
        let mut minute = None;
        let mut n = n;
        // "11:48", or an hour mark written onto the number ("15h30", "15h").
        let hour_mark = self
            .at(n)
            .filter(|t| t.joined && t.kind == TokKind::Word)
            .and_then(|_| self.is(n, Sem::At));
        if let Some(k) = self.joined_punct(n, ":").or(hour_mark) {
            if let Some(((mm, 2), k2)) = self
                .digits(k)
                .filter(|_| self.at(k).is_some_and(|t| t.joined))
            {
                if mm > 59 {
                    return None;
                }
                minute = Some(mm as u8);
                n = k2;
                // seconds
                if let Some(k3) = self.joined_punct(n, ":")
                    && let Some(((_, 2), k4)) = self.digits(k3)
                {
                    n = k4;
                }
            } else if hour_mark.is_some() {
                minute = Some(0);
                n = k;
            } else {
                return None;
            }
        }
        let mut marked = false;
        let am_pm = Sem::Am.variant_bit() | Sem::Pm.variant_bit();
        if let Some((pm, k)) = self.sem_of(n, am_pm, true, |s| match s {
            Sem::Am => Some(false),
            Sem::Pm => Some(true),
            _ => None,
        }) {
            if hour > 12 {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            }
            if !pm && hour == 12 {
                hour = 0;
            }
            n = k;
            marked = true;
        }
        // "um 15 Uhr": a trailing hour word (an At word after the number).
        if let Some(k) = self.is(n, Sem::At).filter(|_| {
            self.toks
                .list
                .get(n)
                .is_some_and(|t| t.kind == TokKind::Word)
                && at.is_some()
        }) {
            n = k;
            marked = true;
        }
        if minute.is_none() && !marked && at.is_none() {
            return None;
        }
        if hour == 24 {
            hour = 0;
        }
        Some((Clock { hour, minute }, n))
    }

    /// Every dated expression that does not start with a modifier.
    /// [`Grammar::core_uncached`], remembered per position. What `core` reads at `i`
    /// depends only on `i`, except that a line break before `i` stops it unless `i` is
    /// where the current parse started; those positions are not remembered.
    fn core(&self, i: usize) -> Read<(Expr, bool)> {
        let breaks = self.toks.list.get(i).is_none_or(|t| t.line_break);
        if breaks && i != self.start.get() {
            return self.core_uncached(i);
        }
        if let Some(Some(known)) = self.core_memo.borrow().get(i) {
            return known.clone();
        }
        if !self.can_start_core(i) {
            return None;
        }
        let read = self.core_uncached(i);
        let mut memo = self.core_memo.borrow_mut();
        if memo.len() < self.toks.list.len() {
            memo.resize(self.toks.list.len(), None);
        }
        if !breaks && let Some(slot) = memo.get_mut(i) {
            *slot = Some(read.clone());
        }
        read
    }

    /// Can an expression that [`Grammar::core_uncached`] reads start at `i`? Not at a
    /// word that only joins or introduces ("de", "the", "between", "since"): those are
    /// read around the core, by [`Grammar::parse_at`] and [`Grammar::range`].
    fn can_start_core(&self, i: usize) -> bool {
        starts_by_itself(self.toks, i)
            || self
                .m
                .at(i)
                .iter()
                .any(|mt| mt.values.iter().any(|&s| !s.only_joins()))
    }

    fn core_uncached(&self, i: usize) -> Read<(Expr, bool)> {
        let mut best: Read<(Expr, bool)> = None;
        let mut keep = |r: Read<(Expr, bool)>| {
            if let Some((e, n)) = r
                && best.as_ref().is_none_or(|b| n > b.1)
            {
                best = Some((e, n));
            }
        };
        let plain = |r: Read<Expr>| r.map(|(e, n)| ((e, false), n));
        keep(plain(self.numeric_date(i)));
        keep(plain(self.day_month(i)));
        keep(plain(self.month_first(i)));
        keep(plain(self.nth_of_month(i)));
        keep(plain(self.nth_weekday_from(i)));
        keep(plain(self.closest(i)));
        keep(self.weekday_expr(i));
        keep(self.relative(i));
        keep(plain(self.quarter_half(i)));
        keep(self.month_shift(i));
        keep(self.season(i));
        keep(plain(self.decade(i)));
        keep(plain(self.decade_list(i)));
        keep(plain(self.holiday(i)));
        keep(plain(self.lone_year(i)));
        keep(plain(self.apostrophe_year(i)));
        let words = Sem::RelDay(0).variant_bit()
            | Sem::Now.variant_bit()
            | Sem::Recently.variant_bit()
            | Sem::RelYear(0).variant_bit();
        keep(self.sem_of(i, words, false, |s| match s {
            Sem::RelDay(d) => Some((Expr::RelDay(d), d > 0)),
            // "now", "adesso", "зараз": the publication day.
            Sem::Now => Some((Expr::RelDay(0), false)),
            // "recently", "di recente", "нещодавно": the last weeks, approximately.
            Sem::Recently => Some((Expr::Recent { unit: Unit::Week }, false)),
            Sem::RelYear(y) => Some((
                Expr::Date {
                    y: YearRef::Rel(y),
                    m: None,
                    d: None,
                },
                y > 0,
            )),
            _ => None,
        }));
        keep(self.sem_of(
            i,
            Sem::Unit(Unit::Weekend).variant_bit(),
            false,
            |s| match s {
                Sem::Unit(Unit::Weekend) => Some((Expr::Weekend { shift: None }, false)),
                _ => None,
            },
        ));
        let ((mut e, fut), mut n) =
            best.or_else(|| self.clock(i).map(|(c, n)| ((Expr::Time(c), false), n)))?;
        // "Jul 18, Fri": a weekday after a date without a year says which year.
        if let Expr::Date {
            y: YearRef::Unknown,
            m: Some(m),
            d: Some(d),
        } = e
            && let Some((wd, k)) = self.trailing_weekday(n)
        {
            e = Expr::WeekdayDate { m: Some(m), d, wd };
            n = k;
        }
        // Day part and time after a day: "ieri sera", "28 Ottobre 2025 11:48", "domani alle 14".
        if day_like(&e) {
            let day_part = Sem::DayPart(DayPart::Morning).variant_bit();
            if let Some((_, k)) = self.sem_of(n, day_part, false, |s| {
                matches!(
                    s,
                    Sem::DayPart(
                        DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night
                    )
                )
                .then_some(())
            }) {
                n = k;
            }
            let k = self.punct(n, ",").unwrap_or(n);
            if let Some((c, k2)) = self.clock(k) {
                return Some(((Expr::WithTime(Box::new(e), c), fut), k2));
            }
        }
        Some(((e, fut), n))
    }

    /// A weekday after a date, maybe after a comma: "Jul 18, Fri". Not the start of a
    /// name ("July 18, Sun Microsystems said").
    fn trailing_weekday(&self, n: usize) -> Read<u8> {
        let k = self.punct(n, ",").unwrap_or(n);
        let (wd, end) = self.weekday(k, false)?;
        let name_goes_on = self
            .at(end)
            .is_some_and(|t| t.kind == TokKind::Word && t.capital);
        (!name_goes_on).then_some((wd, end))
    }

    /// The left side of a range, which may lack what the right side gives ("dal 13 al 15 luglio").
    fn range_left(&self, i: usize) -> Read<Expr> {
        let full = self.core(i).map(|((e, _), n)| (e, n)).or_else(|| {
            self.year(i).map(|(y, n)| {
                (
                    Expr::Date {
                        y: YearRef::Abs(y),
                        m: None,
                        d: None,
                    },
                    n,
                )
            })
        });
        let bare_day = self.day(i).map(|(d, n)| {
            (
                Expr::Date {
                    y: YearRef::Unknown,
                    m: None,
                    d: Some(d),
                },
                n,
            )
        });
        // "14./15.10." and "14. - 15.10."
        let bare_day = bare_day.map(|(e, n)| (e, self.joined_punct(n, ".").unwrap_or(n)));
        match (full, bare_day) {
            (Some(f), _) => Some(f),
            (None, b) => b,
        }
    }

    /// Ranges: "dal 13 al 15 luglio", "tra il 3 e il 5 dicembre", "13-15 luglio", "from March to May 2024".
    fn range(&self, i: usize) -> Read<Expr> {
        let (intro, j) = if let Some(n) = self.is(i, Sem::From) {
            (Some(Sem::From), n)
        } else if let Some(n) = self.is(i, Sem::Between) {
            (Some(Sem::Between), n)
        } else {
            (None, i)
        };
        let j = self.fillers(j);
        let (left, n) = self.range_left(j)?;
        let k = match intro {
            Some(Sem::Between) => self.is(n, Sem::And)?,
            Some(_) => self.is(n, Sem::To).or_else(|| self.punct(n, "-–—"))?,
            // "14.10. по 15.10.2018", "15 ottobre al 20 ottobre": a range word without "from".
            None => self.punct(n, "-–—/").or_else(|| {
                self.is(n, Sem::To).filter(|_| {
                    matches!(
                        left,
                        Expr::Date { m: Some(_), .. } | Expr::Date { d: Some(_), .. }
                    )
                })
            })?,
        };
        // After a bare dash the right side starts with a number or a month name: "9 aprile
        // 2025 - Il primo ministro" and "22 травня 2025 року – У понеділок" are datelines.
        let dashed = intro.is_none() && self.punct(n, "-–—/").is_some();
        if dashed && !(self.digits(k).is_some() || self.month(k, true).is_some()) {
            return None;
        }
        let k = self.fillers(k);
        let right = self.core(k).map(|((e, _), n)| (e, n));
        // "July 13-15", "13 to 15 July" is handled by the left side; "1960 - 1961".
        let bare_right = self
            .digits(k)
            .or(if dashed { None } else { Some(((0, 0), k)) })
            .and_then(|_| self.day(k))
            .map(|(d, n)| {
                (
                    Expr::Date {
                        y: YearRef::Unknown,
                        m: None,
                        d: Some(d),
                    },
                    n,
                )
            });
        let year_right = self.year(k).map(|(y, n)| {
            (
                Expr::Date {
                    y: YearRef::Abs(y),
                    m: None,
                    d: None,
                },
                n,
            )
        });
        let (right, end) = match (&left, right, bare_right, year_right) {
            (
                Expr::Date {
                    m: None, d: None, ..
                },
                _,
                _,
                Some(y),
            ) => y,
            (_, Some(r), _, _) => r,
            (
                Expr::Date {
                    m: Some(_),
                    d: Some(_),
                    ..
                },
                None,
                Some(b),
                _,
            ) => b,
            (
                Expr::Date {
                    m: None,
                    d: Some(_),
                    ..
                },
                None,
                Some(b),
                _,
            ) if self.ends_phrase(b.1)
                && matches!((&left, &b.0), (Expr::Date { d: Some(x), .. }, Expr::Date { d: Some(y), .. }) if x < y) =>
            {
                b
            }
            _ => return None,
        };
        // In a range the other side gives the month and the year, not the weekday.
        let (left, right) = (as_date(left), as_date(right));
        let (left, right) = match (&left, &right) {
            (
                Expr::Date { m: Some(_), .. },
                Expr::Date {
                    m: None,
                    d: Some(_),
                    ..
                },
            ) => {
                let right = fill_from(right.clone(), &left)?;
                (left, right)
            }
            _ => (fill_from(left, &right)?, right),
        };
        if !same_kind(&left, &right) {
            return None;
        }
        Some((Expr::Range(Box::new(left), Box::new(right)), end))
    }

    /// A day and how long from it: "from 18th Dec for 10 days", "for 10 days from 18th
    /// Dec"; without "from" ("18th Dec for 10 days") only days and weeks, as a longer
    /// duration after a date belongs to the verb ("elected on 5 May for four years").
    fn lasting(&self, i: usize) -> Read<Expr> {
        let date_first = || {
            let from = self.is(i, Sem::From);
            let ((base, _), k) = self.core(from.unwrap_or(i))?;
            let k = self.is(k, Sem::For)?;
            let ((c, u), end) = self.count_unit(k)?;
            let short = matches!(u, Unit::Day | Unit::Week);
            (from.is_some() || short).then_some((base, c, u, end))
        };
        let duration_first = || {
            let k = self.is(i, Sem::For)?;
            let ((c, u), k) = self.count_unit(k)?;
            let k = self.is(k, Sem::From)?;
            let ((base, _), end) = self.core(k)?;
            Some((base, c, u, end))
        };
        let (base, n, unit, end) = date_first().or_else(duration_first)?;
        if !day_like(&base) || n <= 0 {
            return None;
        }
        Some((
            Expr::Lasting {
                base: Box::new(base),
                unit,
                n,
            },
            end,
        ))
    }

    /// Nothing that could make a bare number something else follows ("dal 20" at the end,
    /// not "dal 20 per cento").
    fn ends_phrase(&self, i: usize) -> bool {
        match self.at(i) {
            None => true,
            Some(t) => {
                t.kind == TokKind::Punct
                    && !matches!(self.toks.norm(i), "%" | "." | "," if self.digits(i + 1).is_some())
                    && self.toks.norm(i) != "%"
            }
        }
    }

    /// The longest expression starting at token `i`, with its modifiers.
    pub fn parse_at(&self, i: usize) -> Option<Parsed> {
        self.start.set(i);
        let mut open = None;
        let mut approx = false;
        let mut more_less = None;
        let mut j = i;
        // Leading modifiers ("circa", "fino a", "più di", "da").
        for _ in 0..2 {
            if let Some((m, n)) = self.sem_of(j, MODIFIERS, false, |s| match s {
                Sem::Approx => Some(0),
                Sem::Since => Some(1),
                Sem::Until | Sem::By => Some(2),
                Sem::Before => Some(3),
                Sem::After => Some(4),
                Sem::MoreThan => Some(5),
                Sem::LessThan => Some(6),
                _ => None,
            }) {
                match m {
                    0 => approx = true,
                    1 => open = Some(Open::Since),
                    2 => open = Some(Open::Until),
                    3 => open = Some(Open::Before),
                    4 => open = Some(Open::After),
                    5 => more_less = Some(Open::Before),
                    _ => more_less = Some(Open::After),
                }
                j = n;
            } else {
                break;
            }
        }
        // A range or a day with a duration, the longer (the range among equals).
        let plain = match (self.range(i), self.lasting(i)) {
            (Some(r), Some(l)) if l.1 > r.1 => Some(l),
            (r, l) => r.or(l),
        };
        let mut best: Option<Parsed> = plain.map(|(expr, end)| Parsed {
            first: i,
            end,
            expr,
            part: None,
            open: None,
            approx: false,
            future_word: false,
        });
        // Try the words right after the modifiers, and after any fillers there
        // ("the day after tomorrow" is one table entry that starts with a filler).
        let mut core: Read<(Expr, bool)> = None;
        let mut part = None;
        // "hace más de tres años", "vor mehr als drei Jahren": ago-word, then more/less than.
        if let Some(n) = self.is(i, Sem::AgoPre)
            && let Some((ml, k)) = self.sem_of(n, MORE_LESS, false, |s| match s {
                Sem::MoreThan => Some(Open::Before),
                Sem::LessThan => Some(Open::After),
                _ => None,
            })
            && let Some(((c, u), end)) = self.count_unit(k)
        {
            return Some(Parsed {
                first: i,
                end,
                expr: Expr::Ago { unit: u, n: -c },
                part: None,
                open: Some(ml),
                approx: false,
                future_word: false,
            });
        }
        // A start tried twice would read the same and change nothing: each is tried once.
        let after_fillers = self.fillers(j);
        let starts = [
            Some(j),
            (after_fillers != j).then_some(after_fillers),
            (j != i).then_some(i),
        ];
        let mut without_modifiers = false;
        // Whether the reading just made found a part of a period: without one, reading
        // the same start again without a part would give the same.
        let mut had_part = true;
        // Each start is read with a part of a period in front ("fine ottobre") and without
        // (so that "ultimi" in "degli ultimi giorni" is not taken for "the end of").
        let tries = starts
            .into_iter()
            .flatten()
            .flat_map(|k0| [(k0, true), (k0, false)]);
        for (k0, with_part) in tries {
            if !with_part && !had_part {
                continue;
            }
            let mut k = k0;
            let mut p_here = None;
            let mut whole: Read<(Expr, bool)> = None;
            // Part of a period: "fine ottobre", "alla fine dell'anno", "mid-2024", "Ende Oktober".
            if !with_part {
                // Read below as it stands.
            } else if let Some(((p, u), n)) = self.sem_of(k0, PART_OF, false, |s| match s {
                Sem::PartOf(p, u) => Some((p, u)),
                _ => None,
            }) {
                // "EOM", "BOY": the part and the unit in one word.
                p_here = Some(p);
                whole = Some(((Expr::RelUnit { unit: u, n: 0 }, false), n));
            } else if let Some((p, n)) = self.sem_of(k0, PART, false, |s| match s {
                Sem::Part(p) => Some(p),
                _ => None,
            }) {
                let n = self.joined_punct(n, "-").unwrap_or(n);
                let n = self.fillers(n);
                // "the beginning of around next week".
                let n = self.is(n, Sem::Approx).unwrap_or(n);
                if self.core(n).is_some() || self.unit(n).is_some() || self.year(n).is_some() {
                    p_here = Some(p);
                    k = n;
                }
            }
            let here = whole
                .or_else(|| self.core(k))
                .or_else(|| {
                    // "fine del mese", "end of the year": the current unit.
                    let ((u, false), n) = self.unit(k).filter(|_| p_here.is_some())? else {
                        return None;
                    };
                    Some(((Expr::RelUnit { unit: u, n: 0 }, false), n))
                })
                .or_else(|| {
                    // "da tre anni", "seit drei Jahren", "depuis trois ans": since that long ago.
                    let ((c, u), n) = self.count_unit(k).filter(|_| open == Some(Open::Since))?;
                    Some(((Expr::Ago { unit: u, n: -c }, false), n))
                })
                .or_else(|| {
                    // "mid-2011": a year after a part.
                    let (y, n) = self.year(k).filter(|_| p_here.is_some())?;
                    Some((
                        (
                            Expr::Date {
                                y: YearRef::Abs(y),
                                m: None,
                                d: None,
                            },
                            false,
                        ),
                        n,
                    ))
                })
                .or_else(|| {
                    // "dal 20", "entro il 15", "the 15th": a bare day after a modifier or with an ordinal suffix.
                    let (d, n) = self.day(k)?;
                    let suffixed = n > k + 1 && self.at(k).is_some_and(|t| t.kind == TokKind::Num);
                    ((open.is_some() || suffixed) && self.ends_phrase(n)).then_some((
                        (
                            Expr::Date {
                                y: YearRef::Unknown,
                                m: None,
                                d: Some(d),
                            },
                            false,
                        ),
                        n,
                    ))
                });
            had_part = p_here.is_some();
            // A table entry that takes in the modifier word ("dopo domani") wins a tie.
            let takes_modifier = k0 == i && j != i && self.m.at(i).iter().any(|mt| i + mt.len > j);
            if let Some(h) = here
                && core
                    .as_ref()
                    .is_none_or(|c| h.1 > c.1 || (takes_modifier && h.1 == c.1))
            {
                core = Some(h);
                part = p_here;
                without_modifiers = k0 == i && j != i;
            }
        }
        if without_modifiers {
            open = None;
            approx = false;
            more_less = None;
        }
        if let Some(((expr, future_word), end)) = core {
            let mut open = open;
            if let Some(ml) = more_less {
                // "più di tre anni fa" is before; "più di tre anni" is a duration, not a date.
                match &expr {
                    Expr::Ago { n, .. } if *n < 0 => open = Some(ml),
                    Expr::Ago { n, .. } if *n > 0 => {
                        open = Some(if ml == Open::Before {
                            Open::After
                        } else {
                            Open::Before
                        })
                    }
                    _ => return best,
                }
            }
            if open == Some(Open::Since)
                && matches!(expr, Expr::Time(_))
                && self.is(i, Sem::Since).is_none()
            {
                open = None;
            }
            let cand = Parsed {
                first: i,
                end,
                expr,
                part,
                open,
                approx,
                future_word,
            };
            if best.as_ref().is_none_or(|b| cand.end > b.end) {
                best = Some(cand);
            }
        }
        best
    }
}

/// Does the expression name a single day (so a time of day can follow)?
fn day_like(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Date { d: Some(_), .. }
            | Expr::RelDay(_)
            | Expr::Weekday { .. }
            | Expr::WeekdayOn { .. }
            | Expr::NthWeekday { .. }
            | Expr::Easter { .. }
            | Expr::WeekdayCount { .. }
            | Expr::NthWeekdayFrom { .. }
            | Expr::Closest { .. }
            | Expr::WeekdayDate { .. }
            | Expr::NthWeekdayIn { .. }
            | Expr::Observed { .. }
            | Expr::ShiftDays { .. }
            | Expr::Anaphor {
                unit: Unit::Day,
                ..
            }
    ) || matches!(
        e,
        Expr::RelUnit {
            unit: Unit::Day,
            ..
        } | Expr::Ago {
            unit: Unit::Day | Unit::Week,
            ..
        }
    )
}

/// A day that goes with a weekday ("samedi 13") as the date alone.
fn as_date(e: Expr) -> Expr {
    match e {
        Expr::WeekdayDate { m, d, .. } => Expr::Date {
            y: YearRef::Unknown,
            m,
            d: Some(d),
        },
        other => other,
    }
}

/// Fills the missing month and year of a range's left side from its right side.
fn fill_from(left: Expr, right: &Expr) -> Option<Expr> {
    match (left, right) {
        (
            Expr::Date {
                y,
                m: None,
                d: Some(d),
            },
            Expr::Date {
                m: None,
                d: Some(_),
                ..
            },
        ) => Some(Expr::Date {
            y,
            m: None,
            d: Some(d),
        }),
        (Expr::Date { y, m, d }, Expr::Date { y: ry, m: rm, .. }) => {
            let m = m.or(if d.is_some() { *rm } else { None });
            let y = if y == YearRef::Unknown { *ry } else { y };
            if d.is_some() && m.is_none() {
                return None;
            }
            Some(Expr::Date { y, m, d })
        }
        (
            Expr::Date {
                m: None,
                d: Some(_),
                ..
            },
            _,
        ) => None,
        (
            Expr::Date {
                m: None,
                y: YearRef::Unknown,
                ..
            },
            _,
        ) => None,
        (l, _) => Some(l),
    }
}

/// Both sides of a range must be of one kind (days with days, years with years).
fn same_kind(a: &Expr, b: &Expr) -> bool {
    match (a, b) {
        (Expr::Date { m: ma, d: da, .. }, Expr::Date { m: mb, d: db, .. }) => {
            ma.is_some() == mb.is_some() && da.is_some() == db.is_some()
        }
        (Expr::Time(_), Expr::Time(_)) => true,
        (a, b) if day_like(a) && day_like(b) => true,
        (
            Expr::Decade { .. } | Expr::DecadeShort { .. },
            Expr::Decade { .. } | Expr::DecadeShort { .. },
        ) => true,
        (Expr::Quarter { .. }, Expr::Quarter { .. }) => true,
        (Expr::WithTime(..), Expr::WithTime(..)) => true,
        _ => false,
    }
}
