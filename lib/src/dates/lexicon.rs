//! The date-word lexicon: `gazetteers/dates.tsv` and any user file with a `date_kind` column,
//! parsed into [`DateWord`]s and handed to the shared matcher as [`LexiconPattern`]s.
//!
//! Rows are keyed by their phrase, compared without regard to case after normalisation
//! ("Sept." and "sept." are one key). A later row replaces an earlier one, and user files load
//! after the defaults, so a user row for a default phrase overrides it; `date_kind` `none`
//! removes the phrase altogether.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::GazetteerError;
use crate::gazetteer::{Gazetteer, LexiconFile, LexiconKind, LexiconPattern, LexiconRow};
use crate::normalize::normalize_pattern;

/// A calendar unit that a shift moves or a length of time counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// A day.
    Day,
    /// An ISO week (Monday to Sunday).
    Week,
    /// The Saturday and Sunday of an ISO week.
    Weekend,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// A decade (1990-1999).
    Decade,
    /// A century (1900-1999 is "19").
    Century,
}

impl Unit {
    fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }
}

/// A season, in TimeML's two-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Season {
    /// Spring (March to May).
    Spring,
    /// Summer (June to August).
    Summer,
    /// Autumn (September to November).
    Fall,
    /// Winter (December to February).
    Winter,
}

impl Season {
    /// TimeML's code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// 0 (spring) to 3 (winter), the order within a season year.
    pub fn index(self) -> i32 {
        self as i32
    }

    fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }
}

/// A part of a day, appended to a day's value as TimeML does (`2022-09-13TNI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
}

impl DayPart {
    /// TimeML's suffix: `MO`, `AF`, `EV`, `NI`.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        })
    }
}

/// A vague reference to the present, past or future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vague {
    /// `PRESENT_REF`.
    Present,
    /// `PAST_REF`.
    Past,
    /// `FUTURE_REF`.
    Future,
}

impl Vague {
    /// The TimeML value.
    pub fn value(self) -> &'static str {
        match self {
            Vague::Present => "PRESENT_REF",
            Vague::Past => "PAST_REF",
            Vague::Future => "FUTURE_REF",
        }
    }
}

/// Which part of a period a modifier picks. It does not change the value (TimeML would put it
/// in a `mod` attribute); it is kept so that the modifier joins the expression's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// "early", "the beginning of".
    Start,
    /// "mid", "the middle of".
    Mid,
    /// "late", "the end of".
    End,
}

/// What a date word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// A month, 1-12.
    Month(u8),
    /// A weekday, 1 (Monday) to 7.
    Weekday(u8),
    /// A day relative to the publication date, with an optional part of the day.
    Day(i32, Option<DayPart>),
    /// A calendar unit.
    Unit(Unit),
    /// A modifier moving a unit: -1, 0 or 1; and what it means standing alone before a noun
    /// that is no date word ("the recent attack": `PAST_REF`), if anything.
    Shift(i32, Option<Vague>),
    /// After a length of time: -1 ("ago", "earlier") or 1 ("later").
    Direction(i32),
    /// A fixed shift of a unit ("year-ago": -1 year).
    Offset(i32, Unit),
    /// A season.
    Season(Season),
    /// A quarter, 1-4.
    Quarter(u8),
    /// A half year, 1-2.
    Half(u8),
    /// A part of a period.
    Part(Part),
    /// A part of a day.
    DayPart(DayPart),
    /// A vague time.
    Ref(Vague),
    /// A holiday on a fixed month and day.
    Holiday(u8, u8),
    /// A holiday on the `nth` weekday `wd` (1 Monday to 7) of month `m`; `nth` is -1 for the
    /// last one ("Memorial Day", the last Monday of May).
    FloatingHoliday {
        /// Month.
        m: u8,
        /// Which occurrence: 1-5, or -1 for the last.
        nth: i8,
        /// ISO weekday.
        wd: u8,
    },
    /// A decade, as its first three digits (199 for the 1990s).
    Decade(i32),
    /// "fiscal".
    Fiscal,
}

/// When a date word standing alone counts as a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Whenever its kind makes sense.
    Free,
    /// Only after a temporal word or next to a number ("in May", "May 4").
    Cue,
    /// Only next to a day number or a year ("Sun 4 Jul").
    Number,
}

/// One row of a date lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateWord {
    /// The phrase as written in the file.
    pub phrase: String,
    /// What it means.
    pub kind: WordKind,
    /// When it counts alone.
    pub context: Context,
    /// The file and line that defined it, e.g. `gazetteers/dates.tsv:41`.
    pub source: String,
}

impl fmt::Display for DateWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.phrase, self.source)
    }
}

/// The date words of a gazetteer, after overrides, indexed by the ids given to the matcher.
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {
    words: Vec<DateWord>,
}

impl DateLexicon {
    /// Reads every date lexicon file of a gazetteer, in load order.
    pub fn from_gazetteer(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        // Key -> the row that defines it, last one winning; `None` means removed.
        let mut by_key: BTreeMap<String, Option<DateWord>> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        for file in gazetteer.lexicons(LexiconKind::Dates) {
            ensure_columns(file)?;
            for row in &file.rows {
                let phrase = file.field(row, 0).to_owned();
                let key = normalize_pattern(&phrase).to_lowercase();
                let word = parse_row(file, row)?;
                if !by_key.contains_key(&key) {
                    order.push(key.clone());
                }
                by_key.insert(key, word);
            }
        }
        let words = order
            .into_iter()
            .filter_map(|key| by_key.remove(&key).flatten())
            .collect();
        Ok(DateLexicon { words })
    }

    /// The word with a matcher id.
    pub fn word(&self, id: u32) -> &DateWord {
        &self.words[id as usize]
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no date words at all (`--no-default-gazetteers` without a date file).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The phrases for the shared matcher; each id is the word's index.
    pub fn patterns(&self) -> Vec<LexiconPattern> {
        self.words
            .iter()
            .enumerate()
            .map(|(id, word)| LexiconPattern {
                phrase: word.phrase.clone(),
                kind: LexiconKind::Dates,
                id: id as u32,
            })
            .collect()
    }
}

fn ensure_columns(file: &LexiconFile) -> Result<(), GazetteerError> {
    if file.column("value").is_none() {
        return Err(file.error(
            0,
            "a date lexicon needs the columns phrase, date_kind and value (context is optional)",
        ));
    }
    Ok(())
}

/// Parses one row; `Ok(None)` for a `none` row, which removes the phrase.
fn parse_row(file: &LexiconFile, row: &LexiconRow) -> Result<Option<DateWord>, GazetteerError> {
    let kind = file.get(row, "date_kind");
    let value = file.get(row, "value");
    let fail = |message: String| file.error(row.line, message);
    let number = |low: i64, high: i64| -> Result<i64, GazetteerError> {
        value
            .parse::<i64>()
            .ok()
            .filter(|n| (low..=high).contains(n))
            .ok_or_else(|| fail(format!("{kind} needs a value from {low} to {high}, not {value:?}")))
    };
    let word_kind = match kind {
        "none" => return Ok(None),
        "month" => WordKind::Month(number(1, 12)? as u8),
        "weekday" => WordKind::Weekday(number(1, 7)? as u8),
        "day" => parse_day(value).ok_or_else(|| {
            fail(format!(
                "day needs an offset in days with an optional MO, AF, EV or NI (\"-1\", \"0NI\"), not {value:?}"
            ))
        })?,
        "unit" => WordKind::Unit(Unit::parse(value).ok_or_else(|| {
            fail(format!(
                "unknown unit {value:?}; use day, week, weekend, month, quarter, year, decade or century"
            ))
        })?),
        "shift" => parse_shift(value).ok_or_else(|| {
            fail(format!(
                "shift needs -1, 0 or 1, optionally followed by PRESENT_REF, PAST_REF or FUTURE_REF, not {value:?}"
            ))
        })?,
        "direction" => match value {
            "-1" => WordKind::Direction(-1),
            "1" | "+1" => WordKind::Direction(1),
            _ => return Err(fail(format!("direction needs -1 or 1, not {value:?}"))),
        },
        "offset" => parse_offset(value)
            .ok_or_else(|| fail(format!("offset needs a count and a unit (\"-1 year\"), not {value:?}")))?,
        "season" => WordKind::Season(
            Season::parse(value).ok_or_else(|| fail(format!("season needs SP, SU, FA or WI, not {value:?}")))?,
        ),
        "quarter" => match value {
            "H1" => WordKind::Half(1),
            "H2" => WordKind::Half(2),
            _ => WordKind::Quarter(number(1, 4)? as u8),
        },
        "part" => WordKind::Part(match value {
            "START" => Part::Start,
            "MID" => Part::Mid,
            "END" => Part::End,
            _ => return Err(fail(format!("part needs START, MID or END, not {value:?}"))),
        }),
        "daypart" => WordKind::DayPart(
            DayPart::parse(value).ok_or_else(|| fail(format!("daypart needs MO, AF, EV or NI, not {value:?}")))?,
        ),
        "ref" => WordKind::Ref(
            parse_vague(value)
                .ok_or_else(|| fail(format!("ref needs PRESENT_REF, PAST_REF or FUTURE_REF, not {value:?}")))?,
        ),
        "holiday" => parse_month_day(value)
            .map(|(m, d)| WordKind::Holiday(m, d))
            .or_else(|| parse_floating(value))
            .ok_or_else(|| {
                fail(format!(
                    "holiday needs a month and day MM-DD, or MM-N-W for the Nth weekday W (1-7) of \
                     the month (N is L for the last), not {value:?}"
                ))
            })?,
        "decade" => WordKind::Decade(number(100, 299)? as i32),
        "fiscal" => WordKind::Fiscal,
        other => {
            return Err(fail(format!(
                "unknown date_kind {other:?}; use month, weekday, day, unit, shift, direction, offset, \
                 season, quarter, part, daypart, ref, holiday, decade, fiscal or none"
            )));
        }
    };
    let context = match file.get(row, "context") {
        "" => Context::Free,
        "cue" => Context::Cue,
        "number" => Context::Number,
        other => {
            return Err(fail(format!(
                "unknown context {other:?}; leave it empty, or use cue or number"
            )));
        }
    };
    Ok(Some(DateWord {
        phrase: file.field(row, 0).to_owned(),
        kind: word_kind,
        context,
        source: format!("{}:{}", file.file, row.line),
    }))
}

fn parse_vague(value: &str) -> Option<Vague> {
    Some(match value {
        "PRESENT_REF" => Vague::Present,
        "PAST_REF" => Vague::Past,
        "FUTURE_REF" => Vague::Future,
        _ => return None,
    })
}

fn parse_shift(value: &str) -> Option<WordKind> {
    let mut parts = value.split_whitespace();
    let n: i32 = parts.next()?.trim_start_matches('+').parse().ok()?;
    let alone = match parts.next() {
        Some(vague) => Some(parse_vague(vague)?),
        None => None,
    };
    ((-1..=1).contains(&n) && parts.next().is_none()).then_some(WordKind::Shift(n, alone))
}

fn parse_day(value: &str) -> Option<WordKind> {
    // A checked split: a value that ends in a non-ASCII character has no boundary two bytes
    // from its end, and must be an error for its line, not a panic.
    let (number, part) = match value.len().checked_sub(2).and_then(|i| value.split_at_checked(i)) {
        Some((n, p)) if p.bytes().all(|b| b.is_ascii_uppercase()) => (n, DayPart::parse(p)),
        _ => (value, None),
    };
    let offset: i32 = number.trim_start_matches('+').parse().ok()?;
    (-7..=7).contains(&offset).then_some(WordKind::Day(offset, part))
}

fn parse_offset(value: &str) -> Option<WordKind> {
    let (count, unit) = value.split_once(' ')?;
    let count: i32 = count.trim_start_matches('+').parse().ok()?;
    Some(WordKind::Offset(count, Unit::parse(unit.trim())?))
}

/// `MM-N-W`: the Nth (1-5, or L for the last) ISO weekday W of month MM. "11-4-4" is the
/// fourth Thursday of November (Thanksgiving), "05-L-1" the last Monday of May.
fn parse_floating(value: &str) -> Option<WordKind> {
    let mut parts = value.split('-');
    let (m, n, w) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let m: u8 = m.parse().ok()?;
    let nth: i8 = if n == "L" { -1 } else { n.parse().ok()? };
    let wd: u8 = w.parse().ok()?;
    let valid = (1..=12).contains(&m) && (nth == -1 || (1..=5).contains(&nth)) && (1..=7).contains(&wd);
    valid.then_some(WordKind::FloatingHoliday { m, nth, wd })
}

fn parse_month_day(value: &str) -> Option<(u8, u8)> {
    let (m, d) = value.split_once('-')?;
    let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GazetteerBuilder;

    fn lexicon(user: &str) -> Result<DateLexicon, GazetteerError> {
        let gazetteer = GazetteerBuilder::new().add_text("mine.tsv", user).build()?;
        DateLexicon::from_gazetteer(&gazetteer)
    }

    fn find<'a>(lexicon: &'a DateLexicon, phrase: &str) -> Option<&'a DateWord> {
        lexicon.words.iter().find(|w| w.phrase == phrase)
    }

    #[test]
    fn the_default_lexicon_loads_with_every_kind() {
        let lexicon = lexicon("phrase\tdate_kind\tvalue\n").unwrap();
        assert_eq!(find(&lexicon, "Sept.").unwrap().kind, WordKind::Month(9));
        assert_eq!(find(&lexicon, "Tue").unwrap().context, Context::Number);
        assert_eq!(find(&lexicon, "May").unwrap().context, Context::Cue);
        assert_eq!(
            find(&lexicon, "tonight").unwrap().kind,
            WordKind::Day(0, Some(DayPart::Night))
        );
        assert_eq!(
            find(&lexicon, "year-ago").unwrap().kind,
            WordKind::Offset(-1, Unit::Year)
        );
        assert_eq!(
            find(&lexicon, "recent").unwrap().kind,
            WordKind::Shift(-1, Some(Vague::Past))
        );
        assert_eq!(find(&lexicon, "next").unwrap().kind, WordKind::Shift(1, None));
        assert!(
            find(&lexicon, "yesterday")
                .unwrap()
                .source
                .starts_with("gazetteers/dates.tsv:")
        );
    }

    #[test]
    fn a_user_row_overrides_and_none_removes() {
        let user = "phrase\tdate_kind\tvalue\tcontext\n\
                    may\tmonth\t5\tnumber\n\
                    fall\tnone\t\t\n\
                    Ramadan\tholiday\t03-10\t\n";
        let lexicon = lexicon(user).unwrap();
        let may: Vec<&DateWord> = lexicon
            .words
            .iter()
            .filter(|w| w.phrase.eq_ignore_ascii_case("may"))
            .collect();
        assert_eq!(may.len(), 1);
        assert_eq!(may[0].context, Context::Number);
        assert_eq!(may[0].source, "mine.tsv:2");
        assert!(find(&lexicon, "fall").is_none());
        assert_eq!(find(&lexicon, "Ramadan").unwrap().kind, WordKind::Holiday(3, 10));
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cases = [
            (
                "phrase\tdate_kind\tvalue\nFoo\tmonth\t13\n",
                "mine.tsv:2: month needs a value from 1 to 12",
            ),
            (
                "phrase\tdate_kind\tvalue\nFoo\tunit\tfortnight\n",
                "mine.tsv:2: unknown unit",
            ),
            (
                "phrase\tdate_kind\tvalue\nFoo\tcolour\t1\n",
                "mine.tsv:2: unknown date_kind",
            ),
            (
                "phrase\tdate_kind\tvalue\tcontext\nFoo\tmonth\t1\tsometimes\n",
                "mine.tsv:2: unknown context",
            ),
            ("phrase\tdate_kind\nFoo\tmonth\n", "mine.tsv: a date lexicon needs"),
        ];
        for (text, expected) in cases {
            let err = lexicon(text).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{err}");
        }
    }

    #[test]
    fn floating_holidays_name_a_weekday_of_a_month() {
        assert_eq!(
            parse_floating("11-4-4"),
            Some(WordKind::FloatingHoliday { m: 11, nth: 4, wd: 4 })
        );
        assert_eq!(
            parse_floating("05-L-1"),
            Some(WordKind::FloatingHoliday { m: 5, nth: -1, wd: 1 })
        );
        for bad in ["11-6-4", "13-1-1", "05-L-8", "05-L", "11-4-4-1", "11-x-4"] {
            assert_eq!(parse_floating(bad), None, "{bad}");
        }
        let err = lexicon("phrase\tdate_kind\tvalue\nFoo\tholiday\t11-0-4\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("mine.tsv:2: holiday needs"), "{err}");
    }

    #[test]
    fn day_values_take_an_optional_part_of_the_day() {
        assert_eq!(parse_day("-1"), Some(WordKind::Day(-1, None)));
        assert_eq!(parse_day("+2"), Some(WordKind::Day(2, None)));
        assert_eq!(parse_day("0NI"), Some(WordKind::Day(0, Some(DayPart::Night))));
        assert_eq!(parse_day("tomorrow"), None);
    }
}
