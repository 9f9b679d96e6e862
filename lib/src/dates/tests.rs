//! Table tests of the date stage through the pipeline: every expression form, the traps, the
//! tense cues and the dateline rules. The pipeline uses the shipped `dates.tsv` and a small
//! entity gazetteer, so the tests do not depend on the large default name lists.

use std::sync::OnceLock;

use crate::{Document, ExtractOptions, GazetteerBuilder, PartialDate, Pipeline};

const ENTITIES: &str = "type\tname\taliases\tcountry\n\
    person\tTheresa May\t\tGBR\n\
    person\tJune Carter\t\tUSA\n\
    state\tAlbania\t\tALB\n\
    organisation\tThe Sun\t\tGBR\n";

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("entities.tsv", ENTITIES)
            .add_text("dates.tsv", include_str!("../../../gazetteers/dates.tsv"))
            .build()
            .expect("the test gazetteers load");
        Pipeline::new(gazetteer).expect("the date lexicon loads")
    })
}

fn options(published: Option<&str>) -> ExtractOptions {
    ExtractOptions {
        published: published.map(|p| PartialDate::parse(p).expect("a valid test date")),
        ..Default::default()
    }
}

/// The (text, value) of every date found in `text`, published on `published`.
fn dates(text: &str, published: Option<&str>) -> Vec<(String, String)> {
    let analysis = pipeline().analyze(text, &options(published));
    analysis
        .dates
        .iter()
        .map(|d| {
            let mut value = d.value.clone().unwrap_or_else(|| "null".into());
            if let Some(end) = &d.end_value {
                value = format!("{value}/{end}");
            }
            (text[d.start..d.end].to_owned(), value)
        })
        .collect()
}

/// (name, text, expected (text, value) pairs).
type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

/// (name, text, publication date, expected (text, value) pairs).
type DatedCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Published on Tuesday 13 September 2022.
const FORMS: &[Case] = &[
    (
        "day month year",
        "They met on 12 September 2022.",
        &[("12 September 2022", "2022-09-12")],
    ),
    (
        "month day, year",
        "They met on September 12, 2022.",
        &[("September 12, 2022", "2022-09-12")],
    ),
    (
        "abbreviated month",
        "They met on Sept. 13 in Berlin.",
        &[("Sept. 13", "2022-09-13")],
    ),
    (
        "abbreviation without stop",
        "They met on Sept 13 in Berlin.",
        &[("Sept 13", "2022-09-13")],
    ),
    (
        "ordinal of month",
        "It ends on the 13th of September.",
        &[("the 13th of September", "2022-09-13")],
    ),
    ("ISO", "Filed 2022-09-13 in Tirana.", &[("2022-09-13", "2022-09-13")]),
    (
        "numeric, day first",
        "Signed on 12/09/2022.",
        &[("12/09/2022", "2022-09-12")],
    ),
    (
        "numeric, month first when day first cannot be",
        "Signed on 09/13/2022.",
        &[("09/13/2022", "2022-09-13")],
    ),
    (
        "weekday and date",
        "It opened on Tuesday, Sept. 13.",
        &[("Tuesday, Sept. 13", "2022-09-13")],
    ),
    ("month alone", "The attack came in July.", &[("July", "2022-07")]),
    (
        "month and year",
        "The attack came in July 2022.",
        &[("July 2022", "2022-07")],
    ),
    (
        "year after a preposition",
        "Relations have been tense since 2014.",
        &[("2014", "2014")],
    ),
    ("decade", "Growth slowed in the 1990s.", &[("the 1990s", "199X")]),
    (
        "mid-year",
        "Output should recover by mid-2023.",
        &[("mid-2023", "2023")],
    ),
    (
        "early next year",
        "A vote is due early next year.",
        &[("early next year", "2023")],
    ),
    (
        "part of a month",
        "Talks resume in late September.",
        &[("late September", "2022-09")],
    ),
    (
        "yesterday",
        "The minister spoke yesterday.",
        &[("yesterday", "2022-09-12")],
    ),
    ("today", "The minister speaks today.", &[("today", "2022-09-13")]),
    (
        "tomorrow",
        "The minister speaks tomorrow.",
        &[("tomorrow", "2022-09-14")],
    ),
    (
        "tonight",
        "The minister speaks tonight.",
        &[("tonight", "2022-09-13TNI")],
    ),
    (
        "weekday and part of day",
        "Shelling resumed on Sunday night.",
        &[("Sunday night", "2022-09-11TNI")],
    ),
    ("last week", "Albania cut ties last week.", &[("last week", "2022-W36")]),
    (
        "next month",
        "The envoy returns next month.",
        &[("next month", "2022-10")],
    ),
    ("this year", "Exports fell this year.", &[("this year", "2022")]),
    (
        "earlier this month",
        "Albania cut ties earlier this month.",
        &[("earlier this month", "2022-09")],
    ),
    (
        "days ago",
        "The deal was signed two days ago.",
        &[("two days ago", "2022-09-11")],
    ),
    (
        "digits ago",
        "The deal was signed 10 days ago.",
        &[("10 days ago", "2022-09-03")],
    ),
    (
        "a year earlier",
        "Exports rose 4% from a year earlier.",
        &[("a year earlier", "2021")],
    ),
    (
        "years ago, vaguely",
        "The camp opened several years ago.",
        &[("several years ago", "PAST_REF")],
    ),
    ("now", "The border is now closed.", &[("now", "PRESENT_REF")]),
    (
        "recently",
        "The border was recently closed.",
        &[("recently", "PAST_REF")],
    ),
    (
        "quarter",
        "Profit rose in the third quarter.",
        &[("the third quarter", "2022-Q3")],
    ),
    (
        "adjectival quarter",
        "Its third-quarter profit rose.",
        &[("third-quarter", "2022-Q3")],
    ),
    ("quarter and year", "Sales fell in Q1 2023.", &[("Q1 2023", "2023-Q1")]),
    (
        "quarter of year",
        "Sales fell in the fourth quarter of 2021.",
        &[("the fourth quarter of 2021", "2021-Q4")],
    ),
    (
        "last quarter",
        "Sales fell last quarter.",
        &[("last quarter", "2022-Q2")],
    ),
    (
        "half",
        "Sales fell in the first half of 2022.",
        &[("the first half of 2022", "2022-H1")],
    ),
    (
        "last summer",
        "The drought began last summer.",
        &[("last summer", "2022-SU")],
    ),
    (
        "in the spring",
        "The drought began in the spring.",
        &[("the spring", "2022-SP")],
    ),
    (
        "season and year",
        "The drought began in summer 2021.",
        &[("summer 2021", "2021-SU")],
    ),
    (
        "holiday",
        "The truce held over Christmas Day 2021.",
        &[("Christmas Day 2021", "2021-12-25")],
    ),
    (
        "month of last year",
        "The attack came in July last year.",
        &[("July last year", "2021-07")],
    ),
    (
        "day range",
        "Talks run from 12 to 14 September.",
        &[("12 to 14 September", "2022-09-12/2022-09-14")],
    ),
    (
        "day range with a dash",
        "Talks run 12-14 September 2022.",
        &[("12-14 September 2022", "2022-09-12/2022-09-14")],
    ),
    (
        "month day range",
        "Talks run September 12-14.",
        &[("September 12-14", "2022-09-12/2022-09-14")],
    ),
    (
        "year range",
        "The 2019–2021 plan failed.",
        &[("2019–2021", "2019/2021")],
    ),
    (
        "short year range",
        "The 2019-21 plan failed.",
        &[("2019-21", "2019/2021")],
    ),
    (
        "between years",
        "Prices doubled between 2019 and 2021.",
        &[("2019 and 2021", "2019/2021")],
    ),
    (
        "from month to month",
        "Fighting raged from March to May 2022.",
        &[("March to May 2022", "2022-03/2022-05")],
    ),
    (
        "list of days is no range",
        "They voted on April 24 and 25.",
        &[("April 24", "2022-04-24")],
    ),
    (
        "list of years",
        "Elections were held in 2019 and 2021.",
        &[("2019", "2019"), ("2021", "2021")],
    ),
    ("adjectival year", "The 2022 election was close.", &[("2022", "2022")]),
    ("a model year", "He drove a 2022 model.", &[("2022", "2022")]),
    (
        "possessive and year",
        "The company's 1989 results were weak.",
        &[("1989", "1989")],
    ),
    ("fiscal year", "Profit rose in fiscal 2021.", &[("fiscal 2021", "2021")]),
    (
        "years in words",
        "The plant opened in nineteen eighty-two and closed in March nineteen ninety-one.",
        &[
            ("nineteen eighty-two", "1982"),
            ("March nineteen ninety-one", "1991-03"),
        ],
    ),
    (
        "the year two thousand",
        "The bank hoped to halve debt by the year two thousand.",
        &[("the year two thousand", "2000")],
    ),
];

/// Published on Tuesday 13 September 2022: things that are not dates.
const TRAPS: &[Case] = &[
    (
        "May the person",
        "Theresa May met Edi Rama. May said talks went well.",
        &[],
    ),
    (
        "May the person, after a preposition",
        "Theresa May spoke. Rama agreed with May on trade.",
        &[],
    ),
    ("may the verb", "Officials may meet soon.", &[]),
    ("May at the start of a sentence", "May I ask a question?", &[]),
    ("march the verb", "Protesters march through Tirana.", &[]),
    // A judgment call: sentence-initial "March" followed by a preposition reads as the noun or
    // verb ("March to the parliament began at noon"), since nothing before it is temporal.
    (
        "March at the start, then a preposition",
        "March to the parliament began at noon.",
        &[],
    ),
    (
        "in March is the month",
        "Protests began in March.",
        &[("March", "2022-03")],
    ),
    ("the Sun the newspaper", "The Sun reported the story.", &[]),
    ("Sun abbreviation without a number", "Readers of the Sun wrote in.", &[]),
    ("a first name", "June Carter sang. Fans of June Carter came.", &[]),
    (
        "a count with a separator",
        "Some 3,000 members settled near Durres.",
        &[],
    ),
    ("money", "The fine was $1,500 and €2000.", &[]),
    ("a resolution number", "Resolution 2334 passed.", &[]),
    ("a phone number", "Call 202-555-0143 or +44 20 7946 2019.", &[]),
    ("a count of people", "The 2000 delegates voted.", &[]),
    ("a bare number", "Flight 1990 landed.", &[]),
    ("the fall of a city", "The fall of Kabul shocked allies.", &[]),
    ("to fall", "Prices are expected to fall further.", &[]),
    ("the past week is a duration", "Prices rose over the past week.", &[]),
    ("the future of", "They debated the future of NATO.", &[]),
    ("summer as an adjective", "The summer camp closed.", &[]),
    ("each Saturday is a set", "Protesters rally each Saturday.", &[]),
    ("half of a match", "He scored in the first half.", &[]),
];

#[test]
fn every_form_is_found_with_its_value() {
    for &(name, text, expected) in FORMS.iter().chain(TRAPS) {
        let expected: Vec<(String, String)> = expected.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        assert_eq!(dates(text, Some("2022-09-13")), expected, "case {name}: {text}");
    }
}

/// (name, text, published, expected (text, value) pairs): tense decides the direction.
const TENSE: &[DatedCase] = &[
    (
        "said on Tuesday: the last one",
        "Albania said on Tuesday it would cut ties.",
        "2022-09-15",
        &[("Tuesday", "2022-09-13")],
    ),
    (
        "will meet on Tuesday: the next one",
        "The ministers will meet on Tuesday.",
        "2022-09-15",
        &[("Tuesday", "2022-09-20")],
    ),
    (
        "publication weekday: that day",
        "The ministers met on Thursday.",
        "2022-09-15",
        &[("Thursday", "2022-09-15")],
    ),
    (
        "no cue: the last one",
        "Officials in Tirana on Monday.",
        "2022-09-15",
        &[("Monday", "2022-09-12")],
    ),
    (
        "last Friday",
        "The vote was held last Friday.",
        "2022-09-15",
        &[("last Friday", "2022-09-09")],
    ),
    (
        "next Friday",
        "The vote is next Friday.",
        "2022-09-15",
        &[("next Friday", "2022-09-16")],
    ),
    (
        "past December",
        "The talks collapsed in December.",
        "2023-01-10",
        &[("December", "2022-12")],
    ),
    (
        "future December",
        "The talks will resume in December.",
        "2023-01-10",
        &[("December", "2023-12")],
    ),
    (
        "nearest July",
        "The attack came in July.",
        "2022-09-13",
        &[("July", "2022-07")],
    ),
    (
        "future February",
        "A new law takes effect in February.",
        "2022-10-30",
        &[("February", "2023-02")],
    ),
    (
        "past day without year",
        "The ministry said talks ended on Dec. 20.",
        "2023-01-10",
        &[("Dec. 20", "2022-12-20")],
    ),
    (
        "future day without year",
        "The dividend is payable Dec. 7.",
        "2022-10-26",
        &[("Dec. 7", "2022-12-07")],
    ),
    (
        "future quarter far back",
        "Sales will recover in the first quarter.",
        "2022-10-26",
        &[("the first quarter", "2023-Q1")],
    ),
    (
        "since points back",
        "Divers have searched the wreck since the Oct. 12 sinking.",
        "2023-05-04",
        &[("Oct. 12", "2022-10-12")],
    ),
    (
        "the verb of a long clause",
        "The brewer moved its headquarters from the old harbour district to a new business park in December.",
        "2023-10-20",
        &[("December", "2022-12")],
    ),
    (
        "a holiday on a weekday of its month",
        "The fisherman was rescued on Thanksgiving Day. He will testify on Labor Day.",
        "2023-01-06",
        &[("Thanksgiving Day", "2022-11-24"), ("Labor Day", "2023-09-04")],
    ),
    (
        "a plan with is to",
        "The exchange is to reopen on Monday.",
        "2022-09-14",
        &[("Monday", "2022-09-19")],
    ),
    (
        "an irregular past verb",
        "The consultations ran from 12 to 14 September. Rebels fought near the border on 3 December.",
        "2023-05-04",
        &[
            ("12 to 14 September", "2022-09-12/2022-09-14"),
            ("3 December", "2022-12-03"),
        ],
    ),
    (
        "an irregular past form that is a noun is no cue",
        "The rose show opens in the park on 12 September.",
        "2023-05-04",
        &[("12 September", "2023-09-12")],
    ),
];

#[test]
fn tense_cues_pick_the_direction() {
    for &(name, text, published, expected) in TENSE {
        let expected: Vec<(String, String)> = expected.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        assert_eq!(dates(text, Some(published)), expected, "case {name}: {text}");
    }
}

#[test]
fn earlier_and_later_count_from_the_paragraph_s_last_date() {
    let text = "She was detained on 13 September. She died three days later.\n\nThree days later, protests spread.";
    let found = dates(text, Some("2022-09-25"));
    let expected = [
        ("13 September", "2022-09-13"),
        ("three days later", "2022-09-16"),
        ("Three days later", "2022-09-28"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
    assert_eq!(found, expected);
    // "a year ago" in a sentence about a quarter is that quarter a year before.
    let found = dates("Third-quarter profit fell from a year ago.", Some("1989-10-26"));
    assert_eq!(found[1], ("a year ago".to_owned(), "1988-Q3".to_owned()));
}

#[test]
fn without_a_publication_date_relative_values_are_null() {
    let analysis = pipeline().analyze("Talks ended yesterday. They began on 4 May 2023.", &options(None));
    let found: Vec<(Option<&str>, bool)> = analysis
        .dates
        .iter()
        .map(|d| (d.value.as_deref(), d.relative))
        .collect();
    assert_eq!(found, [(None, true), (Some("2023-05-04"), false)]);
    assert_eq!(analysis.published, None);
}

#[test]
fn the_date_stage_claims_its_words_from_entity_resolution() {
    // "May" in "in May" is a month; after Theresa May is named, "May said" is her.
    let text = "Theresa May spoke in May. May said the talks went well.";
    let analysis = pipeline().analyze(text, &options(Some("2019-06-01")));
    let dates: Vec<&str> = analysis.dates.iter().map(|d| &text[d.start..d.end]).collect();
    assert_eq!(dates, ["May"]);
    let mentions: Vec<&str> = analysis.mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(mentions, ["Theresa May", "May"]);
    assert_eq!(analysis.mentions[1].start, text.rfind("May said").unwrap());
}

#[test]
fn offsets_and_texts_survive_normalisation() {
    // A curly apostrophe, an en dash and a non-breaking space fold for matching; the output
    // still slices the original text.
    let text = "Xhaçka’s visit ran 12–14\u{a0}September 2022 and ended last\u{a0}week.";
    let analysis = pipeline().analyze(text, &options(Some("2022-09-20")));
    let found: Vec<&str> = analysis.dates.iter().map(|d| &text[d.start..d.end]).collect();
    assert_eq!(found, ["12–14\u{a0}September 2022", "last\u{a0}week"]);
    let doc = Document::new("-", text);
    let record = pipeline().to_record(&doc, &analysis, &options(Some("2022-09-20")));
    let chars: Vec<char> = text.chars().collect();
    for date in &record.dates {
        assert_eq!(chars[date.start..date.end].iter().collect::<String>(), date.text);
    }
}

#[test]
fn rules_name_the_lexicon_lines() {
    let analysis = pipeline().analyze("Albania cut ties last week.", &options(Some("2022-09-13")));
    let rule = &analysis.dates[0].rule;
    assert!(rule.starts_with("shifted unit (dates.tsv:"), "{rule}");
    assert_eq!(rule.matches("dates.tsv:").count(), 2, "{rule}");
}

#[test]
fn a_user_date_file_adds_and_overrides_words() {
    let user = "phrase\tdate_kind\tvalue\tcontext\n\
                Ramadan\tholiday\t03-23\t\n\
                fall\tnone\t\t\n";
    let gazetteer = GazetteerBuilder::new()
        .defaults(false)
        .add_text("dates.tsv", include_str!("../../../gazetteers/dates.tsv"))
        .add_text("my-dates.tsv", user)
        .build()
        .unwrap();
    let pipeline = Pipeline::new(gazetteer).unwrap();
    let text = "Talks paused during Ramadan and resumed in the fall.";
    let analysis = pipeline.analyze(text, &options(Some("2023-05-02")));
    let found: Vec<(&str, Option<&str>, &str)> = analysis
        .dates
        .iter()
        .map(|d| (&text[d.start..d.end], d.value.as_deref(), d.rule.as_str()))
        .collect();
    assert_eq!(found, [("Ramadan", Some("2023-03-23"), "holiday (my-dates.tsv:2)")]);
}

// ---- dateline -------------------------------------------------------------------------------

/// (name, text, expected publication date)
const DATELINES: &[(&str, &str, Option<&str>)] = &[
    (
        "date alone with a time",
        "Israel offers aid to Albania\n\nSeptember 13, 2022 at 3:38 pm\n\nIsrael has offered aid.",
        Some("2022-09-13"),
    ),
    (
        "published label",
        "Chad and Niger agree\n\nPublished 12 December 2024\n\nBody.",
        Some("2024-12-12"),
    ),
    (
        "published label with zone",
        "G20 summit\nPublished 18 November 2024 – 19:40 BRT\nBody.",
        Some("2024-11-18"),
    ),
    (
        "ISO date-time",
        "Headline\n2023-05-04T10:12:00Z\nBody.",
        Some("2023-05-04"),
    ),
    (
        "weekday, day, month, year and time",
        "Headline\nTue 4 Jul 2023 14.02 BST\nBody.",
        Some("2023-07-04"),
    ),
    ("numeric, day first", "Headline\n13/09/2022\nBody.", Some("2022-09-13")),
    (
        "city and agency",
        "WASHINGTON, May 4, 2023 (Reuters) - The U.S. acted.",
        Some("2023-05-04"),
    ),
    (
        "city with region",
        "VILNIUS, Lithuania, July 11, 2023 —\n\nNATO leaders met.",
        Some("2023-07-11"),
    ),
    (
        "city, dash, date and time",
        "WASHINGTON — October 10, 2024, 11:47 a.m. EDT\n\nThe Treasury acted on Thursday.",
        Some("2024-10-10"),
    ),
    (
        "city and ISO date",
        "SOCCER - RESULT\nLONDON 1996-08-30\nResults of matches.",
        Some("1996-08-30"),
    ),
    (
        "city without a year takes it from a caption",
        "Blinken visits Kyiv\n\nBlinken in Kyiv, Sept. 11, 2024 [Reuters]\n\nKYIV, Sept. 11 (Gazette Wire) — Blinken arrived.",
        Some("2024-09-11"),
    ),
    (
        "city without a year and no other date",
        "WASHINGTON, Sept 9 (Reuters) - The U.S. acted.",
        None,
    ),
    (
        "published beats an earlier updated line",
        "Headline\nUpdated 5 May 2023\nPublished 4 May 2023\nBody.",
        Some("2023-05-04"),
    ),
    (
        "a date inside a sentence is no dateline",
        "Talks began on 4 May 2023 in Geneva.\nMore.",
        None,
    ),
    (
        "a caption is no dateline",
        "Rama in Tirana on 7 September 2022 [Reuters]\nBody.",
        None,
    ),
    ("a mixed-case city is prose", "In Berlin, May 4, 2023 was cold.", None),
    (
        "too far down",
        "a\nb\nc\nd\ne\nf\ng\nh\nPublished 4 May 2023\nBody.",
        None,
    ),
];

#[test]
fn datelines_give_the_publication_date() {
    for &(name, text, expected) in DATELINES {
        let analysis = pipeline().analyze(text, &options(None));
        let published = analysis.published.map(|p| (p.date.to_string(), p.from));
        let expected = expected.map(|d| (d.to_owned(), super::PublishedFrom::Dateline));
        assert_eq!(published, expected, "case {name}");
    }
}

#[test]
fn the_option_and_the_input_beat_the_dateline() {
    let text = "Headline\nPublished 4 May 2023\nThe minister left yesterday.";
    let doc = Document {
        published: PartialDate::parse("2023-05-10"),
        ..Document::new("a", text)
    };
    let from_input = pipeline().analyze_document(&doc, &options(None));
    assert_eq!(from_input.published.map(|p| p.from), Some(super::PublishedFrom::Input));
    assert_eq!(
        from_input.dates.last().and_then(|d| d.value.as_deref()),
        Some("2023-05-09")
    );
    let from_option = pipeline().analyze_document(&doc, &options(Some("2023-06-01")));
    assert_eq!(
        from_option.published.map(|p| p.from),
        Some(super::PublishedFrom::Option)
    );
    assert_eq!(
        from_option.dates.last().and_then(|d| d.value.as_deref()),
        Some("2023-05-31")
    );
    let from_dateline = pipeline().analyze(text, &options(None));
    assert_eq!(
        from_dateline.dates.last().and_then(|d| d.value.as_deref()),
        Some("2023-05-03")
    );
}

// ---- the seed article -----------------------------------------------------------------------

/// The seed article's gold dates, when `../shared` is beside the checkout (CI); without it the
/// test says so and checks nothing.
#[test]
fn the_seed_article_gives_every_gold_date() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/seed");
    let (text_path, gold_path) = (
        seed.join("israel-albania-cyber.txt"),
        seed.join("israel-albania-cyber.gold.json"),
    );
    if !text_path.exists() || !gold_path.exists() {
        eprintln!("note: {} is absent; seed dates not checked", text_path.display());
        return;
    }
    let doc = Document::read(&text_path, crate::Utf8Policy::Strict).expect("the seed article is UTF-8");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("readable")).expect("gold JSON");
    let record = pipeline().extract(&doc, &options(None));
    assert_eq!(record.published.as_deref(), gold["published"].as_str(), "the dateline");
    let found: Vec<(&str, Option<&str>)> = record
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    let gold_dates = gold["dates"].as_array().expect("a dates list");
    assert!(gold_dates.len() >= 7, "the gold file lists the seed's dates");
    for date in gold_dates {
        let wanted = (date["text"].as_str().unwrap_or(""), date["value"].as_str());
        assert!(found.contains(&wanted), "gold date {wanted:?} not in {found:?}");
    }
}
