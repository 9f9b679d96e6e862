//! From a date expression to its TimeML value, given the publication date and the tense.
//!
//! | expression | rule |
//! | --- | --- |
//! | a full date, "2022", "the 1990s" | its own value; not relative |
//! | a day without a year ("Sept. 13") | the nearest such day; more than 30 days after the publication date in a past sentence means the year before, more than 30 days before it in a future sentence the year after; no cue: the one ahead only when at most two thirds as far as the one behind |
//! | a month ("in July"), a season, a quarter | past tense: the latest one not after the publication date's; future: the earliest not before it; no cue: the one ahead only when at most two thirds as far as the one behind (a month up to four months ahead; a quarter or half behind moves ahead in a future sentence only when two periods back) |
//! | a weekday ("on Tuesday") | the publication day itself if it is that weekday; else the latest before it, or with a future cue the first after it |
//! | "last"/"next" + month, weekday or season | strictly before / after the publication date's |
//! | "yesterday", "last week", "two years ago" | the publication date shifted, at the unit's granularity (ISO weeks for weeks) |
//! | "a year ago", "year-ago" | a year before the last date named in the same sentence ("third-quarter profit fell from a year ago": the quarter a year before), else before the quarter last named, else before the publication year |
//! | "three days later", "a year earlier" | counted from the time the narrative is at: the last date named in the same sentence, else (for years) the quarter last named, else the last date named in the article, else the publication date |
//! | "the weekend" | this week's weekend on a weekend or in a future sentence, else last week's |
//! | "the quarter" | the quarter last named in the article |
//! | "the year-ago quarter", "the year-earlier period" | a year before the quarter of the sentence, else the last quarter named, else the last finished one |
//! | "July last year" | that month of the shifted year |

use super::calendar::{Ymd, from_month_index, month_index};
use super::expressions::Spec;
use super::lexicon::{DayPart, Season, Unit, Vague};
use super::tense::Tense;

/// A resolved TimeML value, with its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTNI` with a part of the day.
    Day(Ymd, Option<DayPart>),
    /// `YYYY-Www`.
    Week(i32, u8),
    /// `YYYY-Www-WE`.
    Weekend(i32, u8),
    /// `YYYY-MM`.
    Month(i32, u8),
    /// `YYYY-Qn`.
    Quarter(i32, u8),
    /// `YYYY-Hn`.
    Half(i32, u8),
    /// `YYYY-SP` and so on.
    Season(i32, Season),
    /// `YYYY`.
    Year(i32),
    /// `199X`: the first three digits.
    Decade(i32),
    /// `19`: the first two digits.
    Century(i32),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Vague(Vague),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Value::Day(day, None) => write!(f, "{day}"),
            Value::Day(day, Some(part)) => write!(f, "{day}T{}", part.code()),
            Value::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Value::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            Value::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Value::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Value::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Value::Season(y, s) => write!(f, "{y:04}-{}", s.code()),
            Value::Year(y) => write!(f, "{y:04}"),
            Value::Decade(d) => write!(f, "{d:03}X"),
            Value::Century(c) => write!(f, "{c:02}"),
            Value::Vague(v) => f.write_str(v.value()),
        }
    }
}

impl Value {
    /// The value `n` units later (earlier when negative), at its own granularity; `None`
    /// when the value is coarser than the unit ("two days after 2019").
    fn shift_by(self, unit: Unit, n: i32) -> Option<Value> {
        match (self, unit) {
            (_, Unit::Year) => self.shift_years(n),
            (Value::Day(day, part), Unit::Day) => Some(Value::Day(day.add_days(i64::from(n)), part)),
            (Value::Day(day, part), Unit::Week) => Some(Value::Day(day.add_days(7 * i64::from(n)), part)),
            (Value::Day(day, _), Unit::Month) => {
                let (y, m) = from_month_index(month_index(day.y, day.m) + n);
                Some(Value::Month(y, m))
            }
            (Value::Month(y, m), Unit::Month) => {
                let (y, m) = from_month_index(month_index(y, m) + n);
                Some(Value::Month(y, m))
            }
            (Value::Quarter(y, q), Unit::Quarter) => {
                let slot = y * 4 + i32::from(q) - 1 + n;
                Some(Value::Quarter(slot.div_euclid(4), (slot.rem_euclid(4) + 1) as u8))
            }
            _ => None,
        }
    }

    /// The same period `n` years later (earlier when negative).
    fn shift_years(self, n: i32) -> Option<Value> {
        Some(match self {
            Value::Day(day, part) => {
                let d = day.d.min(super::calendar::days_in_month(day.y + n, day.m));
                Value::Day(Ymd::new(day.y + n, day.m, d)?, part)
            }
            Value::Week(y, w) => Value::Week(y + n, w),
            Value::Weekend(y, w) => Value::Weekend(y + n, w),
            Value::Month(y, m) => Value::Month(y + n, m),
            Value::Quarter(y, q) => Value::Quarter(y + n, q),
            Value::Half(y, h) => Value::Half(y + n, h),
            Value::Season(y, s) => Value::Season(y + n, s),
            Value::Year(y) => Value::Year(y + n),
            Value::Decade(_) | Value::Century(_) | Value::Vague(_) => return None,
        })
    }
}

/// What resolution needs besides the expression.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The publication date.
    pub anchor: Option<Ymd>,
    /// The tense around the expression.
    pub tense: Tense,
    /// The time the sentence talks about, for "a year ago": a value named earlier in the same
    /// sentence, else the quarter the article last named.
    pub reference: Option<Value>,
    /// The time the narrative is at, for "three days later": a value named earlier in the
    /// same sentence, else the last one named in the article.
    pub narrative: Option<Value>,
    /// The last quarter named earlier in the article, for "the quarter".
    pub last_quarter: Option<(i32, u8)>,
}

/// A resolved expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolution {
    /// The value, or `None` when it depends on an unknown publication date.
    pub value: Option<Value>,
    /// The end of a range.
    pub end: Option<Value>,
    /// Whether the value depends on the publication date.
    pub relative: bool,
}

/// Whether resolving `spec` needs the tense of its sentence.
pub fn needs_tense(spec: &Spec) -> bool {
    match spec {
        Spec::Day { y: None, .. }
        | Spec::Floating { y: None, .. }
        | Spec::Month {
            y: None,
            shift: None | Some(0),
            ..
        }
        | Spec::Season {
            y: None, shift: None, ..
        }
        | Spec::Quarter {
            y: None, shift: None, ..
        }
        | Spec::Half { y: None, .. }
        | Spec::Weekday {
            shift: None | Some(0), ..
        }
        | Spec::Weekend => true,
        Spec::Range(a, b) => needs_tense(a) || needs_tense(b),
        _ => false,
    }
}

/// Resolves an expression.
pub fn resolve(spec: &Spec, ctx: &Context) -> Resolution {
    if let Spec::Range(a, b) = spec {
        // "from March to May 2023": a year on the end applies to the start.
        let a = with_year_of(a, b);
        let first = resolve(&a, ctx);
        let second = resolve(b, ctx);
        return Resolution {
            value: first.value,
            end: second.value,
            relative: first.relative || second.relative,
        };
    }
    let relative = is_relative(spec);
    let value = match (relative, ctx.anchor) {
        (false, _) => absolute(spec),
        (true, Some(anchor)) => relative_value(spec, anchor, ctx),
        // Only the vague references mean something without a publication date.
        (true, None) => match spec {
            Spec::Vague(v) => Some(Value::Vague(*v)),
            _ => None,
        },
    };
    Resolution {
        value,
        end: None,
        relative,
    }
}

fn with_year_of(a: &Spec, b: &Spec) -> Spec {
    match (a, b) {
        (Spec::Day { y: None, m, d }, Spec::Day { y: Some(y), .. }) => Spec::Day {
            y: Some(*y),
            m: *m,
            d: *d,
        },
        (
            Spec::Month {
                y: None,
                m,
                shift: None,
            },
            Spec::Month { y: Some(y), .. },
        ) => Spec::Month {
            y: Some(*y),
            m: *m,
            shift: None,
        },
        _ => a.clone(),
    }
}

fn is_relative(spec: &Spec) -> bool {
    match spec {
        Spec::Day { y, .. }
        | Spec::Floating { y, .. }
        | Spec::Month { y, .. }
        | Spec::Season { y, .. }
        | Spec::Quarter { y, .. }
        | Spec::Half { y, .. } => y.is_none(),
        Spec::Year(_) | Spec::Decade(_) => false,
        Spec::Range(a, b) => is_relative(a) || is_relative(b),
        Spec::Weekday { .. }
        | Spec::MonthOfYear { .. }
        | Spec::Narrative { .. }
        | Spec::QuarterShift { .. }
        | Spec::RelDay { .. }
        | Spec::Shift { .. }
        | Spec::Weekend
        | Spec::NamedQuarter
        | Spec::Vague(_) => true,
    }
}

fn absolute(spec: &Spec) -> Option<Value> {
    Some(match *spec {
        Spec::Day { y: Some(y), m, d } => Value::Day(Ymd::new(y, m, d)?, None),
        Spec::Floating { y: Some(y), m, nth, wd } => Value::Day(nth_weekday(y, m, nth, wd)?, None),
        Spec::Month { y: Some(y), m, .. } => Value::Month(y, m),
        Spec::Season { y: Some(y), s, .. } => Value::Season(y, s),
        Spec::Quarter { y: Some(y), q, .. } => Value::Quarter(y, q),
        Spec::Half { y: Some(y), h } => Value::Half(y, h),
        Spec::Year(y) => Value::Year(y),
        Spec::Decade(d) => Value::Decade(d),
        _ => return None,
    })
}

fn relative_value(spec: &Spec, anchor: Ymd, ctx: &Context) -> Option<Value> {
    let tense = ctx.tense;
    Some(match *spec {
        Spec::Day { m, d, .. } => Value::Day(day_without_year(anchor, tense, |y| Ymd::new(y, m, d))?, None),
        Spec::Floating { m, nth, wd, .. } => {
            Value::Day(day_without_year(anchor, tense, |y| nth_weekday(y, m, nth, wd))?, None)
        }
        Spec::Month { m, shift, .. } => {
            let now = month_index(anchor.y, anchor.m);
            let (y, m) = from_month_index(pick_cycle(month_index(anchor.y, m), now, 12, shift, tense));
            Value::Month(y, m)
        }
        Spec::Season { s, shift, .. } => {
            let (year, slot) = season_slot(anchor);
            let now = year * 4 + slot;
            let slot = pick_cycle(year * 4 + season_order(s), now, 4, shift, tense);
            Value::Season(slot.div_euclid(4), s)
        }
        Spec::Quarter { q, shift, .. } => {
            let now = anchor.y * 4 + i32::from(anchor.quarter()) - 1;
            let slot = pick_reported(anchor.y * 4 + i32::from(q) - 1, now, 4, shift, tense);
            Value::Quarter(slot.div_euclid(4), q)
        }
        Spec::Half { h, .. } => {
            let now = anchor.y * 2 + i32::from(anchor.m > 6);
            let slot = pick_reported(anchor.y * 2 + i32::from(h) - 1, now, 2, None, tense);
            Value::Half(slot.div_euclid(2), h)
        }
        Spec::MonthOfYear { m, years } => Value::Month(anchor.y + years, m),
        Spec::QuarterShift { years } => {
            if let Some(shifted) = ctx
                .reference
                .filter(|r| matches!(r, Value::Quarter(..)))
                .and_then(|r| r.shift_years(years))
            {
                return Some(shifted);
            }
            // The last quarter named, else the last one finished before publication.
            let (y, q) = ctx.last_quarter.unwrap_or_else(|| {
                let slot = anchor.y * 4 + i32::from(anchor.quarter()) - 2;
                (slot.div_euclid(4), (slot.rem_euclid(4) + 1) as u8)
            });
            Value::Quarter(y + years, q)
        }
        Spec::Weekday { wd, shift, part } => Value::Day(weekday(anchor, wd, shift, tense), part),
        Spec::RelDay { offset, part } => Value::Day(anchor.add_days(i64::from(offset)), part),
        Spec::Shift { unit, n, reference } => {
            if reference
                && unit == Unit::Year
                && let Some(shifted) = ctx.reference.and_then(|r| r.shift_years(n))
            {
                return Some(shifted);
            }
            shift(anchor, unit, n)
        }
        Spec::Narrative { unit, n } => {
            let from_period = if unit == Unit::Year { ctx.reference } else { None };
            from_period
                .into_iter()
                .chain(ctx.narrative)
                .find_map(|r| r.shift_by(unit, n))
                .unwrap_or_else(|| shift(anchor, unit, n))
        }
        Spec::Weekend => {
            let this_week = anchor.weekday() >= 6 || tense == Tense::Future;
            let day = if this_week { anchor } else { anchor.add_days(-7) };
            let (y, w) = day.iso_week();
            Value::Weekend(y, w)
        }
        Spec::NamedQuarter => {
            let (y, q) = ctx.last_quarter?;
            Value::Quarter(y, q)
        }
        Spec::Vague(v) => Value::Vague(v),
        Spec::Year(_) | Spec::Decade(_) | Spec::Range(..) => return absolute(spec),
    })
}

/// The anchor shifted by `n` units, at the unit's granularity.
fn shift(anchor: Ymd, unit: Unit, n: i32) -> Value {
    match unit {
        Unit::Day => Value::Day(anchor.add_days(i64::from(n)), None),
        Unit::Week => {
            let (y, w) = anchor.add_days(7 * i64::from(n)).iso_week();
            Value::Week(y, w)
        }
        Unit::Weekend => {
            let (y, w) = anchor.add_days(7 * i64::from(n)).iso_week();
            Value::Weekend(y, w)
        }
        Unit::Month => {
            let (y, m) = from_month_index(month_index(anchor.y, anchor.m) + n);
            Value::Month(y, m)
        }
        Unit::Quarter => {
            let slot = anchor.y * 4 + i32::from(anchor.quarter()) - 1 + n;
            Value::Quarter(slot.div_euclid(4), (slot.rem_euclid(4) + 1) as u8)
        }
        Unit::Year => Value::Year(anchor.y + n),
        Unit::Decade => Value::Decade(anchor.y.div_euclid(10) + n),
        Unit::Century => Value::Century(anchor.y.div_euclid(100) + n),
    }
}

/// Picks one occurrence of a cyclic period (a month, season, quarter) given `candidate`, its
/// occurrence in the publication year, and `now`, the publication date's own period, both as
/// slot numbers with `cycle` slots a year.
fn pick_cycle(candidate: i32, now: i32, cycle: i32, shift: Option<i32>, tense: Tense) -> i32 {
    let at_or_before = |c: i32| if c > now { c - cycle } else { c };
    let at_or_after = |c: i32| if c < now { c + cycle } else { c };
    match shift {
        Some(-1) => {
            let c = at_or_before(candidate);
            if c == now { c - cycle } else { c }
        }
        Some(1) => {
            let c = at_or_after(candidate);
            if c == now { c + cycle } else { c }
        }
        Some(_) => candidate,
        None => match tense {
            Tense::Past => at_or_before(candidate),
            Tense::Future => at_or_after(candidate),
            Tense::Unknown => {
                let before = at_or_before(candidate);
                let after = at_or_after(candidate);
                if ahead_is_nearer(after - now, now - before) {
                    after
                } else {
                    before
                }
            }
        },
    }
}

/// Without a tense cue, whether the occurrence `ahead` away beats the one `back` away. News
/// reports what happened far more often than it announces, so the one ahead must be clearly
/// nearer: at most two thirds as far. A month is next year's only up to four months ahead ("in
/// March", said in late October, is the March just gone), a day up to about 146 days.
fn ahead_is_nearer(ahead: impl Into<i64>, back: impl Into<i64>) -> bool {
    3 * ahead.into() < 2 * back.into()
}

/// Like [`pick_cycle`] for quarters and halves, which news reports mostly once they are over:
/// without a modifier or a cue, the nearest one, half a year away counting as past; a future
/// sentence moves one that is behind to next year's only when it is at least two periods back
/// ("will rise in the first quarter", said in October, is next year's).
fn pick_reported(candidate: i32, now: i32, cycle: i32, shift: Option<i32>, tense: Tense) -> i32 {
    if shift.is_some() || tense == Tense::Past {
        return pick_cycle(candidate, now, cycle, shift, tense);
    }
    let latest = if candidate > now { candidate - cycle } else { candidate };
    let next = latest + cycle;
    let far_back = now - latest >= 2;
    match tense {
        Tense::Future if far_back => next,
        _ if next - now < now - latest => next,
        _ => latest,
    }
}

/// Season slot of a date: (season year, 0-3). Winter is labelled with the year it starts in,
/// so January and February belong to the previous year's winter.
fn season_slot(day: Ymd) -> (i32, i32) {
    match day.m {
        1 | 2 => (day.y - 1, 3),
        3..=5 => (day.y, 0),
        6..=8 => (day.y, 1),
        9..=11 => (day.y, 2),
        _ => (day.y, 3),
    }
}

/// A season's place in the season year that [`season_slot`] uses.
fn season_order(s: Season) -> i32 {
    s.index()
}

/// The day `m`-`d` nearest the anchor, moved a year in the direction the tense points when
/// that puts it more than 30 days on the other side. Without a cue, a day ahead must be
/// clearly nearer than the one a year before (see [`ahead_is_nearer`]).
/// `day_in` gives the day in a given year: a fixed month and day, or a weekday of a month.
fn day_without_year(anchor: Ymd, tense: Tense, day_in: impl Fn(i32) -> Option<Ymd>) -> Option<Ymd> {
    let candidates = [anchor.y - 1, anchor.y, anchor.y + 1]
        .into_iter()
        .filter_map(&day_in)
        .min_by_key(|day| (day.days() - anchor.days()).abs())?;
    let distance = candidates.days() - anchor.days();
    let moved = match tense {
        Tense::Past if distance > 30 => candidates.y - 1,
        Tense::Future if distance < -30 => candidates.y + 1,
        Tense::Unknown if distance > 0 => {
            let before = day_in(candidates.y - 1).map_or(i64::MAX, |b| anchor.days() - b.days());
            if ahead_is_nearer(distance, before) {
                return Some(candidates);
            }
            candidates.y - 1
        }
        _ => return Some(candidates),
    };
    day_in(moved).or(Some(candidates))
}

/// The `nth` ISO weekday `wd` of month `m` of year `y` (`nth` -1: the last), if it exists.
fn nth_weekday(y: i32, m: u8, nth: i8, wd: u8) -> Option<Ymd> {
    if nth == -1 {
        let last = Ymd::new(y, m, super::calendar::days_in_month(y, m))?;
        let back = (i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7);
        return Some(last.add_days(-back));
    }
    let first = Ymd::new(y, m, 1)?;
    let ahead = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
    let day = first.add_days(ahead + 7 * (i64::from(nth) - 1));
    (day.m == m).then_some(day)
}

/// The weekday `wd` nearest the anchor in the direction of `shift` or the tense.
fn weekday(anchor: Ymd, wd: u8, shift: Option<i32>, tense: Tense) -> Ymd {
    let today = i64::from(anchor.weekday());
    let target = i64::from(wd);
    let back = (today - target).rem_euclid(7); // days back to the latest such day, 0 if today
    let ahead = (target - today).rem_euclid(7);
    let offset = match shift {
        Some(-1) => -(if back == 0 { 7 } else { back }),
        Some(1) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        _ if back == 0 => 0,
        _ if tense == Tense::Future => ahead,
        _ => -back,
    };
    anchor.add_days(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(anchor: &str, tense: Tense) -> Context {
        let p: Vec<i32> = anchor.split('-').map(|x| x.parse().unwrap()).collect();
        Context {
            anchor: Ymd::new(p[0], p[1] as u8, p[2] as u8),
            tense,
            reference: None,
            narrative: None,
            last_quarter: None,
        }
    }

    fn value(spec: Spec, anchor: &str, tense: Tense) -> String {
        resolve(&spec, &ctx(anchor, tense))
            .value
            .map(|v| v.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn relative_values_follow_the_anchor_and_tense() {
        use Tense::*;
        let cases: Vec<(Spec, &str, Tense, &str)> = vec![
            (
                Spec::Month {
                    y: None,
                    m: 7,
                    shift: None,
                },
                "2022-09-13",
                Past,
                "2022-07",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 7,
                    shift: None,
                },
                "2022-09-13",
                Unknown,
                "2022-07",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 12,
                    shift: None,
                },
                "2023-01-10",
                Past,
                "2022-12",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 12,
                    shift: None,
                },
                "2023-01-10",
                Future,
                "2023-12",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 12,
                    shift: None,
                },
                "2023-01-10",
                Unknown,
                "2022-12",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 7,
                    shift: Some(-1),
                },
                "2022-07-13",
                Unknown,
                "2021-07",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 3,
                    shift: Some(1),
                },
                "2022-07-13",
                Unknown,
                "2023-03",
            ),
            (
                Spec::Weekday {
                    wd: 2,
                    shift: None,
                    part: None,
                },
                "2022-09-15",
                Past,
                "2022-09-13",
            ),
            (
                Spec::Weekday {
                    wd: 2,
                    shift: None,
                    part: None,
                },
                "2022-09-15",
                Future,
                "2022-09-20",
            ),
            (
                Spec::Weekday {
                    wd: 4,
                    shift: None,
                    part: None,
                },
                "2022-09-15",
                Future,
                "2022-09-15",
            ),
            (
                Spec::Weekday {
                    wd: 4,
                    shift: Some(-1),
                    part: None,
                },
                "2022-09-15",
                Unknown,
                "2022-09-08",
            ),
            (
                Spec::Weekday {
                    wd: 5,
                    shift: Some(-1),
                    part: None,
                },
                "1989-10-30",
                Unknown,
                "1989-10-27",
            ),
            (
                Spec::Weekday {
                    wd: 3,
                    shift: None,
                    part: Some(DayPart::Night),
                },
                "2000-01-06",
                Past,
                "2000-01-05TNI",
            ),
            (
                Spec::RelDay { offset: -1, part: None },
                "2022-09-13",
                Unknown,
                "2022-09-12",
            ),
            (
                Spec::Shift {
                    unit: Unit::Week,
                    n: -1,
                    reference: false,
                },
                "2022-09-13",
                Unknown,
                "2022-W36",
            ),
            (
                Spec::Shift {
                    unit: Unit::Month,
                    n: 1,
                    reference: false,
                },
                "2022-12-13",
                Unknown,
                "2023-01",
            ),
            (
                Spec::Shift {
                    unit: Unit::Year,
                    n: -2,
                    reference: false,
                },
                "2022-09-13",
                Unknown,
                "2020",
            ),
            (
                Spec::Shift {
                    unit: Unit::Decade,
                    n: -1,
                    reference: false,
                },
                "2022-09-13",
                Unknown,
                "201X",
            ),
            (
                Spec::Shift {
                    unit: Unit::Quarter,
                    n: -1,
                    reference: false,
                },
                "2022-02-13",
                Unknown,
                "2021-Q4",
            ),
            (
                Spec::Quarter {
                    y: None,
                    q: 3,
                    shift: None,
                },
                "1989-10-26",
                Unknown,
                "1989-Q3",
            ),
            (
                Spec::Quarter {
                    y: None,
                    q: 4,
                    shift: None,
                },
                "1989-10-26",
                Unknown,
                "1989-Q4",
            ),
            (
                Spec::Quarter {
                    y: None,
                    q: 1,
                    shift: None,
                },
                "1989-10-26",
                Future,
                "1990-Q1",
            ),
            (
                Spec::Quarter {
                    y: None,
                    q: 3,
                    shift: None,
                },
                "1989-10-26",
                Future,
                "1989-Q3",
            ),
            (Spec::MonthOfYear { m: 7, years: -1 }, "1998-02-19", Unknown, "1997-07"),
            (
                Spec::Season {
                    y: None,
                    s: Season::Fall,
                    shift: Some(-1),
                },
                "1998-02-06",
                Unknown,
                "1997-FA",
            ),
            (
                Spec::Season {
                    y: None,
                    s: Season::Summer,
                    shift: Some(0),
                },
                "1998-03-22",
                Unknown,
                "1998-SU",
            ),
            (
                Spec::Season {
                    y: None,
                    s: Season::Summer,
                    shift: None,
                },
                "2023-01-10",
                Past,
                "2022-SU",
            ),
            (
                Spec::Season {
                    y: None,
                    s: Season::Winter,
                    shift: None,
                },
                "2024-09-11",
                Future,
                "2024-WI",
            ),
            (
                Spec::Season {
                    y: None,
                    s: Season::Winter,
                    shift: Some(0),
                },
                "2023-01-10",
                Unknown,
                "2022-WI",
            ),
            (
                Spec::Narrative { unit: Unit::Day, n: 3 },
                "2022-09-19",
                Unknown,
                "2022-09-22",
            ),
            (Spec::Day { y: None, m: 9, d: 11 }, "2024-09-11", Unknown, "2024-09-11"),
            (Spec::Day { y: None, m: 12, d: 25 }, "2024-01-03", Unknown, "2023-12-25"),
            (Spec::Day { y: None, m: 11, d: 30 }, "2024-01-03", Future, "2024-11-30"),
            // Without a cue the past wins unless the day or month ahead is clearly nearer.
            (Spec::Day { y: None, m: 8, d: 6 }, "2023-02-06", Unknown, "2022-08-06"),
            (Spec::Day { y: None, m: 1, d: 15 }, "2023-10-01", Unknown, "2024-01-15"),
            // Thanksgiving, the fourth Thursday of November, and Memorial Day, the last Monday
            // of May.
            (
                Spec::Floating {
                    y: None,
                    m: 11,
                    nth: 4,
                    wd: 4,
                },
                "2020-01-06",
                Past,
                "2019-11-28",
            ),
            (
                Spec::Floating {
                    y: None,
                    m: 11,
                    nth: 4,
                    wd: 4,
                },
                "2023-10-02",
                Future,
                "2023-11-23",
            ),
            (
                Spec::Floating {
                    y: None,
                    m: 5,
                    nth: -1,
                    wd: 1,
                },
                "2024-05-02",
                Unknown,
                "2024-05-27",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 3,
                    shift: None,
                },
                "2023-10-30",
                Unknown,
                "2023-03",
            ),
            (
                Spec::Month {
                    y: None,
                    m: 2,
                    shift: None,
                },
                "2023-10-30",
                Unknown,
                "2024-02",
            ),
            (Spec::Weekend, "1989-10-30", Past, "1989-W43-WE"),
            (Spec::Weekend, "1989-10-28", Past, "1989-W43-WE"),
            (Spec::Vague(Vague::Present), "1989-10-28", Past, "PRESENT_REF"),
        ];
        for (spec, anchor, tense, expected) in cases {
            assert_eq!(value(spec.clone(), anchor, tense), expected, "{spec:?} at {anchor}");
        }
    }

    #[test]
    fn later_counts_from_the_narrative() {
        let mut context = ctx("2022-09-19", Tense::Past);
        context.narrative = Some(Value::Day(Ymd::new(2022, 9, 13).unwrap(), None));
        let spec = Spec::Narrative { unit: Unit::Day, n: 3 };
        assert_eq!(
            resolve(&spec, &context).value.map(|v| v.to_string()).as_deref(),
            Some("2022-09-16")
        );
        // A coarser narrative time cannot be counted in days: the publication date is used.
        context.narrative = Some(Value::Year(2019));
        assert_eq!(
            resolve(&spec, &context).value.map(|v| v.to_string()).as_deref(),
            Some("2022-09-22")
        );
    }

    #[test]
    fn a_year_earlier_follows_the_period_of_the_sentence() {
        let mut context = ctx("1989-10-26", Tense::Past);
        let spec = Spec::Shift {
            unit: Unit::Year,
            n: -1,
            reference: true,
        };
        assert_eq!(resolve(&spec, &context).value, Some(Value::Year(1988)));
        context.reference = Some(Value::Quarter(1989, 3));
        assert_eq!(resolve(&spec, &context).value, Some(Value::Quarter(1988, 3)));
    }

    #[test]
    fn without_an_anchor_relative_values_are_unknown() {
        let context = Context {
            anchor: None,
            tense: Tense::Past,
            reference: None,
            narrative: None,
            last_quarter: None,
        };
        let yesterday = resolve(&Spec::RelDay { offset: -1, part: None }, &context);
        assert_eq!((yesterday.value, yesterday.relative), (None, true));
        let now = resolve(&Spec::Vague(Vague::Present), &context);
        assert_eq!(now.value, Some(Value::Vague(Vague::Present)));
        let full = resolve(
            &Spec::Day {
                y: Some(2022),
                m: 9,
                d: 13,
            },
            &context,
        );
        assert_eq!(
            (full.value.map(|v| v.to_string()), full.relative),
            (Some("2022-09-13".into()), false)
        );
    }
}
