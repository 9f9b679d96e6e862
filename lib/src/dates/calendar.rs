//! Proleptic Gregorian calendar arithmetic: day numbers, weekdays and ISO weeks, enough for
//! resolving relative dates without a date-time dependency.

use std::fmt;

/// A full calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// The year.
    pub y: i32,
    /// The month, 1-12.
    pub m: u8,
    /// The day of the month, 1-31.
    pub d: u8,
}

impl Ymd {
    /// A date, if it exists.
    pub fn new(y: i32, m: u8, d: u8) -> Option<Self> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.days() + n)
    }

    /// The ISO weekday: 1 (Monday) to 7 (Sunday).
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The ISO week-numbering year and week (1-53).
    pub fn iso_week(self) -> (i32, u8) {
        // The week belongs to the year of its Thursday.
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = Ymd {
            y: thursday.y,
            m: 1,
            d: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        (thursday.y, week as u8)
    }

    /// The quarter, 1-4.
    pub fn quarter(self) -> u8 {
        (self.m - 1) / 3 + 1
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// The number of days in a month.
pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A month counted from year 0 (`y * 12 + m - 1`), so that shifting months is addition.
pub fn month_index(y: i32, m: u8) -> i32 {
    y * 12 + i32::from(m) - 1
}

/// The (year, month) of a month index.
pub fn from_month_index(index: i32) -> (i32, u8) {
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            assert_eq!(Ymd::from_days(days).days(), days);
        }
        assert_eq!(Ymd::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Ymd::new(2022, 9, 13).unwrap().add_days(-1).to_string(), "2022-09-12");
        assert_eq!(Ymd::new(2024, 3, 1).unwrap().add_days(-1).to_string(), "2024-02-29");
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        let date = |s: &str| {
            let p: Vec<i32> = s.split('-').map(|x| x.parse().unwrap()).collect();
            Ymd::new(p[0], p[1] as u8, p[2] as u8).unwrap()
        };
        assert_eq!(date("2022-09-13").weekday(), 2, "a Tuesday");
        assert_eq!(date("2023-07-04").weekday(), 2);
        assert_eq!(date("2022-09-13").iso_week(), (2022, 37));
        assert_eq!(date("2022-09-06").iso_week(), (2022, 36));
        assert_eq!(
            date("2021-01-03").iso_week(),
            (2020, 53),
            "early January in the last week of 2020"
        );
        assert_eq!(
            date("2024-12-30").iso_week(),
            (2025, 1),
            "late December in week 1 of 2025"
        );
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(from_month_index(month_index(2023, 1) - 1), (2022, 12));
        assert_eq!(from_month_index(month_index(2022, 12) + 1), (2023, 1));
        assert!(Ymd::new(2023, 2, 29).is_none());
    }
}
