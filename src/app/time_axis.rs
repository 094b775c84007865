//! Time on the x axis: the one place where dates become numbers and screen
//! positions and back. The timeline's x unit is the day, counted from
//! 1970-01-01 (fractions are times of day). [`ViewRange`] is the visible span
//! in those units and keeps itself sane (never inverted, never finer than an
//! hour); [`TimeAxis`] maps it onto a strip of pixels; [`calendar_marks`]
//! picks tick dates that follow the calendar (decades, years, months, days,
//! hours) and [`mark_label`] names them.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The shortest span the view may show: one hour.
pub const MIN_SPAN_DAYS: f64 = 1.0 / 24.0;

/// Margin around the data when zooming to fit, as a fraction of its span.
pub const FIT_MARGIN: f64 = 0.05;

/// The epoch day numbers count from.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// The day number of the start of `date`.
pub fn day_of(date: NaiveDate) -> f64 {
    (date - epoch()).num_days() as f64
}

/// The day number of a moment (with the time of day as a fraction).
pub fn day_of_datetime(dt: NaiveDateTime) -> f64 {
    let seconds = (dt - epoch().and_time(chrono::NaiveTime::MIN)).num_seconds();
    seconds as f64 / 86_400.0
}

/// The moment a day number stands for, or `None` outside chrono's range.
pub fn datetime_of(day: f64) -> Option<NaiveDateTime> {
    if !day.is_finite() || day.abs() > 100_000_000.0 {
        return None;
    }
    let seconds = (day * 86_400.0).round() as i64;
    epoch()
        .and_time(chrono::NaiveTime::MIN)
        .checked_add_signed(Duration::seconds(seconds))
}

/// The date a day number falls on.
pub fn date_of(day: f64) -> Option<NaiveDate> {
    datetime_of(day.floor()).map(|d| d.date())
}

/// The span `[start, end)` in day numbers that an inclusive date range covers.
pub fn days_of_range(start: NaiveDate, end_inclusive: NaiveDate) -> (f64, f64) {
    let a = day_of(start);
    let b = day_of(end_inclusive) + 1.0;
    (a.min(b - 1.0), b)
}

/// The visible span of time, in day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ViewRange {
    /// First visible day number.
    pub start: f64,
    /// Last visible day number.
    pub end: f64,
}

impl Default for ViewRange {
    fn default() -> Self {
        // 2024–2025: where the sample articles are.
        ViewRange {
            start: day_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()),
            end: day_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()),
        }
    }
}

impl ViewRange {
    /// A view from `start` to `end` (swapped if given backwards, widened to the minimum span).
    pub fn new(start: f64, end: f64) -> Self {
        let (a, b) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        let mut v = ViewRange { start: a, end: b };
        if !v.is_valid() {
            return ViewRange::default();
        }
        if v.span_days() < MIN_SPAN_DAYS {
            let c = v.center();
            v = ViewRange {
                start: c - MIN_SPAN_DAYS / 2.0,
                end: c + MIN_SPAN_DAYS / 2.0,
            };
        }
        v
    }

    /// Both ends are finite numbers and in order.
    pub fn is_valid(&self) -> bool {
        self.start.is_finite() && self.end.is_finite() && self.start <= self.end
    }

    /// The length of the view in days.
    pub fn span_days(&self) -> f64 {
        self.end - self.start
    }

    /// The middle of the view.
    pub fn center(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// The view that holds `[data_start, data_end]` with a margin (at least a day wide).
    pub fn fit(data_start: f64, data_end: f64) -> Self {
        let span = (data_end - data_start).max(1.0);
        let margin = span * FIT_MARGIN;
        ViewRange::new(data_start - margin, data_start + span + margin)
    }

    /// Zooms by `factor` (> 1 shows more time) keeping the day `anchor` at the same place on screen.
    pub fn zoomed(&self, factor: f64, anchor: f64) -> Self {
        if !factor.is_finite() || factor <= 0.0 || !anchor.is_finite() {
            return *self;
        }
        let start = anchor - (anchor - self.start) * factor;
        let end = anchor + (self.end - anchor) * factor;
        let span = (end - start).max(MIN_SPAN_DAYS);
        // Keep the anchor's relative place when clamping to the minimum span.
        let t = if self.span_days() > 0.0 {
            ((anchor - self.start) / self.span_days()).clamp(0.0, 1.0)
        } else {
            0.5
        };
        ViewRange::new(anchor - span * t, anchor - span * t + span)
    }

    /// Moves the view by `delta_days`.
    pub fn panned(&self, delta_days: f64) -> Self {
        if !delta_days.is_finite() {
            return *self;
        }
        ViewRange::new(self.start + delta_days, self.end + delta_days)
    }

    /// Keeps the view no wider than `limits` and inside it, so that data cannot be
    /// lost off-screen for good; never finer than [`MIN_SPAN_DAYS`].
    pub fn clamped_to(&self, limits: ViewRange) -> Self {
        if !self.is_valid() {
            return limits;
        }
        let span = self
            .span_days()
            .clamp(MIN_SPAN_DAYS, limits.span_days().max(MIN_SPAN_DAYS));
        let mut start = self.center() - span / 2.0;
        if start < limits.start {
            start = limits.start;
        }
        if start + span > limits.end {
            start = limits.end - span;
        }
        ViewRange::new(start, start + span)
    }
}

/// Maps the visible span onto a strip of pixels, and back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    /// What is visible.
    pub view: ViewRange,
    /// Screen x of the view's start, in points.
    pub left_px: f32,
    /// Width of the strip, in points.
    pub width_px: f32,
}

impl TimeAxis {
    /// An axis showing `view` across `width_px` points starting at `left_px`.
    pub fn new(view: ViewRange, left_px: f32, width_px: f32) -> Self {
        TimeAxis {
            view,
            left_px,
            width_px: width_px.max(1.0),
        }
    }

    /// Points per day.
    pub fn px_per_day(&self) -> f64 {
        f64::from(self.width_px) / self.view.span_days().max(MIN_SPAN_DAYS)
    }

    /// Screen x of a day number.
    pub fn x_px(&self, day: f64) -> f32 {
        self.left_px + ((day - self.view.start) * self.px_per_day()) as f32
    }

    /// Screen x of the start of a date.
    pub fn x_of_date(&self, date: NaiveDate) -> f32 {
        self.x_px(day_of(date))
    }

    /// The day number at screen x.
    pub fn day_at(&self, x_px: f32) -> f64 {
        self.view.start + f64::from(x_px - self.left_px) / self.px_per_day()
    }

    /// A length in points as a number of days.
    pub fn days_of_px(&self, px: f32) -> f64 {
        f64::from(px) / self.px_per_day()
    }
}

/// A step of the calendar between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TickStep {
    /// One hour.
    Hour,
    /// Six hours.
    SixHours,
    /// One day.
    Day,
    /// The 1st, 8th, 15th and 22nd of a month (about a week).
    Week,
    /// One month.
    Month,
    /// One year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// A thousand years.
    Millennium,
}

impl TickStep {
    const ALL: [TickStep; 9] = [
        TickStep::Hour,
        TickStep::SixHours,
        TickStep::Day,
        TickStep::Week,
        TickStep::Month,
        TickStep::Year,
        TickStep::Decade,
        TickStep::Century,
        TickStep::Millennium,
    ];

    /// The step's typical length in days (months and years vary a little).
    pub fn days(self) -> f64 {
        match self {
            TickStep::Hour => 1.0 / 24.0,
            TickStep::SixHours => 0.25,
            TickStep::Day => 1.0,
            TickStep::Week => 7.61,
            TickStep::Month => 30.44,
            TickStep::Year => 365.25,
            TickStep::Decade => 3652.5,
            TickStep::Century => 36525.0,
            TickStep::Millennium => 365_250.0,
        }
    }

    /// The step whose typical length is `step_days` (as written into a tick).
    pub fn from_days(step_days: f64) -> TickStep {
        TickStep::ALL
            .iter()
            .copied()
            .min_by(|a, b| {
                (a.days() - step_days)
                    .abs()
                    .total_cmp(&(b.days() - step_days).abs())
            })
            .unwrap_or(TickStep::Day)
    }

    /// Does this moment start a step of this size?
    fn starts(self, dt: NaiveDateTime) -> bool {
        use chrono::Timelike;
        let midnight = dt.hour() == 0 && dt.minute() == 0;
        let jan1 = midnight && dt.day() == 1 && dt.month() == 1;
        match self {
            TickStep::Hour => dt.minute() == 0,
            TickStep::SixHours => dt.minute() == 0 && dt.hour().is_multiple_of(6),
            TickStep::Day => midnight,
            TickStep::Week => midnight && matches!(dt.day(), 1 | 8 | 15 | 22),
            TickStep::Month => midnight && dt.day() == 1,
            TickStep::Year => jan1,
            TickStep::Decade => jan1 && dt.year().rem_euclid(10) == 0,
            TickStep::Century => jan1 && dt.year().rem_euclid(100) == 0,
            TickStep::Millennium => jan1 && dt.year().rem_euclid(1000) == 0,
        }
    }

    /// The first moment at or after `dt` that starts a step.
    fn first_at_or_after(self, dt: NaiveDateTime) -> Option<NaiveDateTime> {
        use chrono::Timelike;
        let date = dt.date();
        let cand = match self {
            TickStep::Hour => date.and_hms_opt(dt.hour(), 0, 0)?,
            TickStep::SixHours => date.and_hms_opt(dt.hour() - dt.hour() % 6, 0, 0)?,
            TickStep::Day => date.and_time(chrono::NaiveTime::MIN),
            TickStep::Week => {
                let day = match date.day() {
                    1 => 1,
                    2..=8 => 8,
                    9..=15 => 15,
                    16..=22 => 22,
                    _ => 1,
                };
                let d = NaiveDate::from_ymd_opt(date.year(), date.month(), day)?;
                let d = if d < date {
                    d.checked_add_months(chrono::Months::new(1))?
                } else {
                    d
                };
                d.and_time(chrono::NaiveTime::MIN)
            }
            TickStep::Month => NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?
                .and_time(chrono::NaiveTime::MIN),
            TickStep::Year | TickStep::Decade | TickStep::Century | TickStep::Millennium => {
                let n = match self {
                    TickStep::Decade => 10,
                    TickStep::Century => 100,
                    TickStep::Millennium => 1000,
                    _ => 1,
                };
                let y = date.year() - date.year().rem_euclid(n);
                NaiveDate::from_ymd_opt(y, 1, 1)?.and_time(chrono::NaiveTime::MIN)
            }
        };
        if cand >= dt {
            Some(cand)
        } else {
            self.next(cand)
        }
    }

    /// The start of the step after the one starting at `dt`.
    fn next(self, dt: NaiveDateTime) -> Option<NaiveDateTime> {
        match self {
            TickStep::Hour => dt.checked_add_signed(Duration::hours(1)),
            TickStep::SixHours => dt.checked_add_signed(Duration::hours(6)),
            TickStep::Day => dt.checked_add_signed(Duration::days(1)),
            TickStep::Week => {
                if dt.day() == 22 {
                    dt.checked_add_months(chrono::Months::new(1))?
                        .checked_sub_signed(Duration::days(21))
                } else {
                    dt.checked_add_signed(Duration::days(7))
                }
            }
            TickStep::Month => dt.checked_add_months(chrono::Months::new(1)),
            TickStep::Year => dt.checked_add_months(chrono::Months::new(12)),
            TickStep::Decade => dt.checked_add_months(chrono::Months::new(120)),
            TickStep::Century => dt.checked_add_months(chrono::Months::new(1200)),
            TickStep::Millennium => dt.checked_add_months(chrono::Months::new(12000)),
        }
    }
}

/// A tick on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalendarMark {
    /// Its day number.
    pub day: f64,
    /// The coarsest step it starts (a year's first day is a year tick, not a month tick).
    pub step: TickStep,
}

/// Ticks for `view`: at every calendar step whose typical length is at least
/// `min_step_days`, each tick once at its coarsest step. At most a few hundred.
pub fn calendar_marks(view: ViewRange, min_step_days: f64) -> Vec<CalendarMark> {
    let Some(finest) = TickStep::ALL
        .iter()
        .copied()
        .find(|s| s.days() >= min_step_days)
    else {
        return Vec::new();
    };
    let (Some(start), Some(end)) = (datetime_of(view.start), datetime_of(view.end)) else {
        return Vec::new();
    };
    let Some(mut t) = finest.first_at_or_after(start) else {
        return Vec::new();
    };
    let coarser: Vec<TickStep> = TickStep::ALL
        .iter()
        .copied()
        .filter(|s| *s > finest)
        .rev()
        .collect();
    let mut marks = Vec::new();
    while t <= end && marks.len() < 2000 {
        let step = coarser
            .iter()
            .copied()
            .find(|s| s.starts(t))
            .unwrap_or(finest);
        marks.push(CalendarMark {
            day: day_of_datetime(t),
            step,
        });
        let Some(n) = finest.next(t) else { break };
        t = n;
    }
    marks
}

/// The label of a tick: "2020s", "2024", "Jun", "12 Jun", "06:00".
pub fn mark_label(day: f64, step: TickStep) -> String {
    let Some(dt) = datetime_of(day) else {
        return String::new();
    };
    match step {
        TickStep::Millennium | TickStep::Century | TickStep::Decade | TickStep::Year => {
            format!("{}", dt.year())
        }
        TickStep::Month => dt.format("%b").to_string(),
        TickStep::Day | TickStep::Week => dt.format("%-d %b").to_string(),
        TickStep::SixHours | TickStep::Hour => dt.format("%H:%M").to_string(),
    }
}

/// A date for people: "28 Oct 2025".
pub fn human_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_through_dates() {
        assert_eq!(day_of(d(1970, 1, 1)), 0.0);
        assert_eq!(day_of(d(1970, 1, 2)), 1.0);
        for date in [d(2024, 2, 29), d(1900, 3, 1), d(2025, 10, 28)] {
            assert_eq!(date_of(day_of(date)), Some(date));
            assert_eq!(date_of(day_of(date) + 0.99), Some(date));
        }
        assert_eq!(datetime_of(f64::NAN), None);
        assert_eq!(
            days_of_range(d(2024, 6, 1), d(2024, 6, 30)).1 - day_of(d(2024, 6, 1)),
            30.0
        );
    }

    #[test]
    fn axis_maps_days_to_pixels_and_back() {
        let view = ViewRange::new(day_of(d(2024, 1, 1)), day_of(d(2024, 1, 11)));
        let axis = TimeAxis::new(view, 100.0, 1000.0);
        assert_eq!(axis.x_of_date(d(2024, 1, 1)), 100.0);
        assert_eq!(axis.x_of_date(d(2024, 1, 6)), 600.0);
        assert_eq!(axis.px_per_day(), 100.0);
        assert_eq!(date_of(axis.day_at(650.0)), Some(d(2024, 1, 6)));
        assert!((axis.day_at(axis.x_px(19_000.25)) - 19_000.25).abs() < 1e-3);
        assert_eq!(axis.days_of_px(50.0), 0.5);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_never_inverts_or_goes_below_an_hour() {
        let v = ViewRange::new(0.0, 100.0);
        let z = v.zoomed(0.5, 20.0);
        assert!((z.start - 10.0).abs() < 1e-9 && (z.end - 60.0).abs() < 1e-9);
        let tiny = v.zoomed(1e-12, 20.0);
        assert!(tiny.span_days() >= MIN_SPAN_DAYS - 1e-12);
        assert!(tiny.start <= 20.0 && tiny.end >= 20.0);
        let neg = v.zoomed(-2.0, 20.0);
        assert_eq!(neg, v);
        let backwards = ViewRange::new(5.0, 1.0);
        assert_eq!((backwards.start, backwards.end), (1.0, 5.0));
        assert_eq!(ViewRange::new(f64::NAN, 1.0), ViewRange::default());
    }

    #[test]
    fn clamping_keeps_the_view_on_the_data() {
        let limits = ViewRange::new(0.0, 1000.0);
        let wide = ViewRange::new(-5000.0, 5000.0).clamped_to(limits);
        assert_eq!(wide, limits);
        let off = ViewRange::new(2000.0, 2010.0).clamped_to(limits);
        assert_eq!((off.start, off.end), (990.0, 1000.0));
        let inside = ViewRange::new(10.0, 20.0).clamped_to(limits);
        assert_eq!(inside, ViewRange::new(10.0, 20.0));
        let fit = ViewRange::fit(0.0, 100.0);
        assert_eq!((fit.start, fit.end), (-5.0, 105.0));
    }

    #[test]
    fn ticks_follow_the_calendar_at_every_zoom() {
        // Two years at month resolution: months, with January as a year tick.
        let view = ViewRange::new(day_of(d(2024, 1, 1)), day_of(d(2025, 12, 31)));
        let marks = calendar_marks(view, 20.0);
        assert_eq!(marks.len(), 24);
        assert_eq!(marks[0].step, TickStep::Year);
        assert_eq!(marks[1].step, TickStep::Month);
        assert_eq!(mark_label(marks[0].day, marks[0].step), "2024");
        assert_eq!(mark_label(marks[5].day, marks[5].step), "Jun");
        // A week at day resolution.
        let week = ViewRange::new(day_of(d(2024, 6, 28)), day_of(d(2024, 7, 4)));
        let marks = calendar_marks(week, 0.5);
        let labels: Vec<String> = marks.iter().map(|m| mark_label(m.day, m.step)).collect();
        assert_eq!(
            labels,
            [
                "28 Jun", "29 Jun", "30 Jun", "Jul", "2 Jul", "3 Jul", "4 Jul"
            ]
        );
        // A century: decades.
        let century = ViewRange::new(day_of(d(1925, 1, 1)), day_of(d(2025, 1, 1)));
        let marks = calendar_marks(century, 2000.0);
        assert!(marks.iter().all(|m| m.step >= TickStep::Decade));
        assert_eq!(mark_label(marks[0].day, marks[0].step), "1930");
        // A month at week resolution: the 1st, 8th, 15th and 22nd.
        let month = ViewRange::new(day_of(d(2024, 5, 30)), day_of(d(2024, 7, 2)));
        let labels: Vec<String> = calendar_marks(month, 5.0)
            .iter()
            .map(|m| mark_label(m.day, m.step))
            .collect();
        assert_eq!(labels, ["Jun", "8 Jun", "15 Jun", "22 Jun", "Jul"]);
        // Hours.
        let day = ViewRange::new(day_of(d(2024, 6, 1)), day_of(d(2024, 6, 1)) + 0.5);
        let marks = calendar_marks(day, 0.01);
        assert_eq!(marks.len(), 13);
        assert_eq!(mark_label(marks[1].day, marks[1].step), "01:00");
        // Never a flood of ticks.
        assert!(calendar_marks(ViewRange::new(-1e6, 1e6), 1e-9).len() <= 2000);
    }

    #[test]
    fn step_is_recovered_from_its_length() {
        for s in TickStep::ALL {
            assert_eq!(TickStep::from_days(s.days()), s);
        }
    }
}
