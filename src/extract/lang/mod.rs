//! Language knowledge as data: one table per language.
//!
//! Each table maps word forms to language-neutral meanings ([`Sem`]) that the
//! time grammar in [`crate::extract::time`] combines. Adding a language means
//! adding a table here, not code in the grammar.
//!
//! Word forms are written folded (lowercase, Latin accents removed, `’` as
//! `'`). Two marks may prefix or suffix a form:
//! - `~form`: *weak*; the form is also an ordinary word ("mar" = sea, "may"
//!   = modal verb), so it only counts next to a number or when capitalised.
//! - `stem*`: matches any word that starts with `stem` and has at most four
//!   more letters (Ukrainian and German inflections).
//! - `=form`: only in lowercase (German `=morgen` is tomorrow, `Morgen` morning).
//!
//! A form may hold several words (`"l' altro ieri"`): they must follow each
//! other as tokens, an apostrophe ending its word.

mod de;
mod de_events;
mod en;
mod en_events;
mod es;
mod es_events;
mod fr;
mod fr_events;
mod it;
mod it_events;
pub mod movable;
mod uk;
mod uk_events;

use serde::{Deserialize, Serialize};

/// A calendar unit a word can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Unit {
    /// Hour of a day.
    Hour,
    /// Minute of an hour.
    Minute,
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// Two weeks (counted as 14 days).
    Fortnight,
    /// A calendar month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A half year.
    Half,
    /// A calendar year.
    Year,
    /// Ten years starting at a year divisible by ten.
    Decade,
    /// Saturday and Sunday.
    Weekend,
}

/// Which part of a period a word points at ("inizio", "metà", "fine").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    /// The beginning of the period.
    Start,
    /// The middle of the period.
    Mid,
    /// The end of the period.
    End,
}

/// Part of a day ("mattina", "evening").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayPart {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
    /// Noon.
    Noon,
    /// Midnight.
    Midnight,
}

/// Order of day and month in numeric dates (`3/4/2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Day first: 3 April.
    DayMonth,
    /// Month first: March 4 (US English).
    MonthDay,
}

/// How a language counts seasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeasonStyle {
    /// From equinox or solstice (summer from 21 June).
    Astronomical,
    /// By whole months (summer is June to August).
    Meteorological,
}

/// How a fixed-date holiday moves off a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observe {
    /// To the nearest working day: Saturday to Friday, Sunday to Monday (Boss's Day).
    NearestWeekday,
    /// Sunday to the Saturday before (King's Day in the Netherlands).
    SundayBack,
}

/// The language-neutral meaning of a word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sem {
    /// A month, 1-12.
    Month(u8),
    /// A weekday, 1 = Monday .. 7 = Sunday.
    Weekday(u8),
    /// A unit of time, singular ("anno", "week", "Jahres").
    Unit(Unit),
    /// A unit of time, plural ("anni", "weeks", "Jahren").
    Units(Unit),
    /// A cardinal number word ("tre", "twenty").
    Num(u32),
    /// An ordinal ("primo", "third"); also the last one, as `Ord(-1)` ("ultimo").
    Ord(i32),
    /// A suffix that makes the number before it ordinal ("st", "er", "°").
    OrdSuffix,
    /// A day relative to the reference: 0 today, -1 yesterday, 1 tomorrow.
    RelDay(i32),
    /// A year relative to the reference in one word: "торік" (-1), "heuer" (0).
    RelYear(i32),
    /// After a weekday, that many weeks on: French "lundi en huit" (1), "en quinze" (2).
    WeeksOn(u8),
    /// Previous: "scorso", "last", "letzten", "минулого".
    Last,
    /// Following: "prossimo", "next", "nächsten", "наступного".
    Next,
    /// Current: "questo", "this", "dieses", "цього".
    This,
    /// Two on: "übernächste", "позанаступного".
    AfterNext,
    /// Two back: "vorletzte", "позаминулого".
    BeforeLast,
    /// After a duration, meaning before now: "fa", "ago", "тому".
    Ago,
    /// Before a duration, meaning before now: "hace", "vor", "il y a".
    AgoPre,
    /// Before a duration, meaning after now: "tra", "in", "dans", "через".
    In,
    /// After a duration, meaning after now: "later", "plus tard".
    Later,
    /// A part of a period: "inizio", "metà", "fine".
    Part(Part),
    /// Part of a day.
    DayPart(DayPart),
    /// A season: 1 spring, 2 summer, 3 autumn, 4 winter.
    Season(u8),
    /// Words for a decade ("anni" in "anni '90", "años", "années").
    DecadeWord,
    /// An article that makes a round two-digit number ending a phrase a decade: Spanish
    /// "los 70" ("los coches de los 70 y 80"), not "los 70 muertos".
    DecadeArticle,
    /// A suffix that makes a number a decade: "1990s", "1990er", "90-х".
    DecadeSuffix,
    /// Start of an open interval: "da", "since", "seit", "desde", "depuis".
    Since,
    /// End of an open interval: "fino a", "until", "bis", "hasta", "jusqu'à".
    Until,
    /// A deadline: "entro", "by", "d'ici", "a más tardar".
    By,
    /// "prima di", "before", "vor", "antes de", "avant".
    Before,
    /// "dopo", "after", "nach", "después de", "après".
    After,
    /// Start of a closed range: "dal", "from", "vom", "du".
    From,
    /// End of a closed range: "al", "to", "bis", "au", "по".
    To,
    /// "tra", "between", "zwischen", "entre", "між".
    Between,
    /// Before a duration that runs from a day: "for" in "from 18 December for 10 days".
    For,
    /// "closest", "nearest": the day of a kind nearest another ("the closest Monday to
    /// 5 October").
    Closest,
    /// "e", "and", "und", "y", "et", "і".
    And,
    /// "circa", "about", "etwa", "alrededor de", "environ", "близько".
    Approx,
    /// "più di", "more than", "mehr als", "más de", "plus de", "понад".
    MoreThan,
    /// "meno di", "less than", "weniger als", "menos de", "moins de".
    LessThan,
    /// A fixed-date holiday: month and day.
    Holiday(u8, u8),
    /// A holiday on the n-th (or last, -1) weekday of a month: n, weekday (1 = Monday), month.
    WeekdayHoliday(i8, u8, u8),
    /// That many days after such a holiday: Black Friday is the day after Thanksgiving.
    WeekdayHolidayPlus(i8, u8, u8, i8),
    /// A fixed-date holiday that moves off a weekend: month, day, how.
    ObservedHoliday(u8, u8, Observe),
    /// The days from one day to another relative to Western Easter Sunday (Lent).
    EasterSpan(i16, i16),
    /// The same relative to Orthodox Easter Sunday (Great Lent).
    OrthodoxEasterSpan(i16, i16),
    /// "thousand" in a year written in words ("two thousand ten").
    Thousand,
    /// "the rest of" a unit: from the reference day to the unit's end.
    RestOf,
    /// A holiday relative to Western Easter Sunday, in days.
    Easter(i16),
    /// A holiday relative to Orthodox Easter Sunday, in days.
    OrthodoxEaster(i16),
    /// A movable holiday of another calendar: its index in [`movable::MOVABLE`].
    Movable(u16),
    /// Article or preposition that may stand inside or before a date ("il", "di", "of", "the").
    Filler,
    /// Words that tie a time to a date ("alle", "at", "um", "à", "о").
    At,
    /// "am" / "a.m."
    Am,
    /// "pm" / "p.m."
    Pm,
    /// "adesso", "now", "jetzt", "ahora", "maintenant", "зараз": the publication day.
    Now,
    /// "recently", "di recente", "kürzlich": the last weeks, approximately
    /// ("negli ultimi giorni" is `Last` + `Units` instead).
    Recently,
    /// The word "year" written before a year number ("nel corso dell'anno 2019", "l'an 2000") is
    /// `Unit(Year)`; this is the suffix after a year ("року", "р.").
    YearSuffix,
    /// After a year, the common era: "AD", "CE", "d.C.", "n. Chr." ("14 a.d." is the
    /// year 14). With it a number of up to four digits is a year.
    Era,
    /// After a year, before the common era: "BC", "BCE", "a.C.", "v. Chr.", "до н. е."
    /// ("753 BC" is the year 753 before year 1).
    BeforeEra,
    /// Counts from the date the text spoke of last, not from the publication date:
    /// "el mismo día", "that year" (0), "el año anterior", "the previous day" (-1),
    /// "al día siguiente", "the following day" (1).
    Anaphoric(i32),
    /// One word for a part of a unit around the reference: "EOM" (the end of the month),
    /// "BOY" (the beginning of the year).
    PartOf(Part, Unit),
    /// A weekday in the plural, counted: "fridays" in "3 fridays from now".
    Weekdays(u8),
    /// A noun for the unit the text speaks of: Spanish "la jornada" (that day's session,
    /// "cerró la jornada en 8.017").
    Focus(Unit),
    /// A period of any length, as in "el mismo periodo del año anterior", "the same
    /// period last year": the one the text spoke of last.
    PeriodWord,
}

impl Sem {
    /// One bit for the variant, whatever its data: the meanings found at a position
    /// make a set of these ([`crate::extract::time::lexicon::Matches`]), which tells
    /// in one test that a wanted kind is not there. Two variants on one bit would
    /// only make the set tell less, never wrongly.
    pub const fn variant_bit(self) -> u64 {
        let index: u32 = match self {
            Sem::Month(..) => 0,
            Sem::Weekday(..) => 1,
            Sem::Unit(..) => 2,
            Sem::Units(..) => 3,
            Sem::Num(..) => 4,
            Sem::Ord(..) => 5,
            Sem::OrdSuffix => 6,
            Sem::RelDay(..) => 7,
            Sem::RelYear(..) => 8,
            Sem::WeeksOn(..) => 9,
            Sem::Last => 10,
            Sem::Next => 11,
            Sem::This => 12,
            Sem::AfterNext => 13,
            Sem::BeforeLast => 14,
            Sem::Ago => 15,
            Sem::AgoPre => 16,
            Sem::In => 17,
            Sem::Later => 18,
            Sem::Part(..) => 19,
            Sem::DayPart(..) => 20,
            Sem::Season(..) => 21,
            Sem::DecadeWord => 22,
            Sem::DecadeArticle => 23,
            Sem::DecadeSuffix => 24,
            Sem::Since => 25,
            Sem::Until => 26,
            Sem::By => 27,
            Sem::Before => 28,
            Sem::After => 29,
            Sem::From => 30,
            Sem::To => 31,
            Sem::Between => 32,
            Sem::For => 33,
            Sem::Closest => 34,
            Sem::And => 35,
            Sem::Approx => 36,
            Sem::MoreThan => 37,
            Sem::LessThan => 38,
            Sem::Holiday(..) => 39,
            Sem::WeekdayHoliday(..) => 40,
            Sem::WeekdayHolidayPlus(..) => 41,
            Sem::ObservedHoliday(..) => 42,
            Sem::EasterSpan(..) => 43,
            Sem::OrthodoxEasterSpan(..) => 44,
            Sem::Thousand => 45,
            Sem::RestOf => 46,
            Sem::Easter(..) => 47,
            Sem::OrthodoxEaster(..) => 48,
            Sem::Movable(..) => 49,
            Sem::Filler => 50,
            Sem::At => 51,
            Sem::Am => 52,
            Sem::Pm => 53,
            Sem::Now => 54,
            Sem::Recently => 55,
            Sem::YearSuffix => 56,
            Sem::Era => 57,
            Sem::BeforeEra => 58,
            Sem::Anaphoric(..) => 59,
            Sem::PartOf(..) => 60,
            Sem::Weekdays(..) => 61,
            Sem::Focus(..) => 62,
            Sem::PeriodWord => 63,
        };
        1 << (index % 64)
    }

    /// Can the word, with a number or a year, name a day of the calendar (a month or
    /// a holiday)? A line without such a word or a numeric date names no day.
    pub fn can_name_a_day(self) -> bool {
        matches!(
            self,
            Sem::Month(_)
                | Sem::Holiday(..)
                | Sem::WeekdayHoliday(..)
                | Sem::WeekdayHolidayPlus(..)
                | Sem::ObservedHoliday(..)
                | Sem::EasterSpan(..)
                | Sem::OrthodoxEasterSpan(..)
                | Sem::Easter(_)
                | Sem::OrthodoxEaster(_)
                | Sem::Movable(_)
        )
    }

    /// Does the word name a time by itself (a month, a unit, a number word, a
    /// holiday, "now") rather than only modify or join one? Every time
    /// expression holds such a word or a number.
    pub fn names_a_time(self) -> bool {
        self.can_name_a_day()
            || matches!(
                self,
                Sem::Weekday(_)
                    | Sem::Unit(_)
                    | Sem::Units(_)
                    | Sem::Num(_)
                    | Sem::Ord(_)
                    | Sem::RelDay(_)
                    | Sem::RelYear(_)
                    | Sem::WeeksOn(_)
                    | Sem::DayPart(_)
                    | Sem::Season(_)
                    | Sem::DecadeWord
                    | Sem::Now
                    | Sem::Recently
                    | Sem::PartOf(..)
                    | Sem::Weekdays(_)
                    | Sem::Focus(_)
            )
    }

    /// Does the word only join or introduce ("de", "the", "between", "since",
    /// "about")? The core of a date never starts with one; the grammar reads
    /// these around it.
    pub fn only_joins(self) -> bool {
        matches!(
            self,
            Sem::Filler
                | Sem::And
                | Sem::Between
                | Sem::For
                | Sem::From
                | Sem::To
                | Sem::Since
                | Sem::Until
                | Sem::By
                | Sem::Approx
                | Sem::Before
                | Sem::After
                | Sem::MoreThan
                | Sem::LessThan
        )
    }
}

/// Everything the time grammar and the rest of the extractor know about one language.
/// The days (0 = Monday, inclusive) that the beginning, the middle and the end
/// of a week cover, which languages draw differently: English "early next week"
/// runs to Wednesday and "the end of the week" takes in Friday; French "en fin
/// de semaine" starts on Thursday.
#[derive(Debug, Clone, Copy)]
pub struct WeekParts {
    pub start: (u8, u8),
    pub mid: (u8, u8),
    pub end: (u8, u8),
}

impl WeekParts {
    /// The week in thirds: Monday-Tuesday, Wednesday-Thursday, Friday-Sunday.
    pub const THIRDS: WeekParts = WeekParts {
        start: (0, 1),
        mid: (2, 3),
        end: (4, 6),
    };
}

#[derive(Debug)]
pub struct LangTable {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// Word forms and what they mean. A form may appear more than once with different meanings.
    pub words: &'static [(&'static str, Sem)],
    /// Order of day and month in numeric dates.
    pub date_order: DateOrder,
    /// How seasons are counted.
    pub seasons: SeasonStyle,
    /// Which days of a week (0 = Monday) its beginning, middle and end are.
    pub week_parts: WeekParts,
    /// Month and day names are written with a capital (English, German), so a capital
    /// on a weak form ("May") marks the name.
    pub capitalized_names: bool,
    /// Numbers are written with a decimal comma (`1,2 miliardi`) and a dot or space
    /// between thousands (`10.000`); else a decimal point and commas (`10,000`).
    pub decimal_comma: bool,
    /// Prepositions that put a place name in its role of place ("a Mosca", "in Moscow"),
    /// as opposed to an actor ("Mosca ha risposto").
    pub locatives: &'static [&'static str],
    /// Frequent function words, for language detection.
    pub stopwords: &'static [&'static str],
    /// Words that mark future or planned talk in a sentence ("will", "previst", "potrebb"):
    /// an underspecified date in such a sentence is read as the next one. A cue of five or
    /// more letters matches as a word prefix, a shorter one as a whole word; `-ending`
    /// matches a verb ending ("-ranno").
    pub future_cues: &'static [&'static str],
    /// Words that put a sentence in the past (auxiliaries and past tenses: "ha", "was",
    /// "-arono"), written as [`LangTable::future_cues`], where a later word may also be
    /// an ending ("è -ato" for "è arrivato"): near one, and with no future cue, a day and
    /// month without a year is the last one unless the next is much nearer.
    pub past_cues: &'static [&'static str],
    /// Abbreviations ending in a dot that do not end a sentence ("sig.", "Dr."), folded, without the dot.
    pub abbreviations: &'static [&'static str],
    /// A day is written as an ordinal with a dot ("am 3. Oktober"): the dot after a
    /// day before a month name does not end a sentence.
    pub ordinal_dot: bool,
    /// Labels that introduce a publication date in a header or footer ("Data di creazione", "Published").
    pub published_labels: &'static [&'static str],
}

impl LangTable {
    /// Is the folded word a one-word form of this table that means what `pred`
    /// accepts ("oktober" a month, "und" "and")?
    pub fn word_means(&self, folded: &str, pred: impl Fn(&Sem) -> bool) -> bool {
        self.words
            .iter()
            .any(|(form, sem)| pred(sem) && crate::extract::time::token::fold(form) == folded)
    }
}

/// What kind of event a trigger announces. Each maps onto CAMEO and PLOVER codes
/// so that users of GDELT-style data feel at home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Meetings, visits, talks, calls, summits. CAMEO 04x (consult) / PLOVER CONSULT.
    Meeting,
    /// Troops or weapons sent, stationed, planned. CAMEO 154 (mobilize) / PLOVER MOBILIZE.
    Deployment,
    /// Treaties, pacts, agreements: signing, ratification, entry into force. CAMEO 057 (sign formal agreement) / PLOVER AGREE.
    Treaty,
    /// Arms, munitions, fuel, food, money supplied. CAMEO 07x (provide aid) / PLOVER AID.
    Aid,
    /// Strikes, fighting, invasions. CAMEO 19x (fight) / PLOVER ASSAULT.
    Attack,
    /// Missile and weapons launches and tests. CAMEO 138 (threaten with military force) / PLOVER THREATEN.
    Test,
    /// People killed or wounded. CAMEO 19x casualties / PLOVER ASSAULT (casualty counts).
    Casualties,
    /// Military exercises. CAMEO 152 (increase military alert) / PLOVER MOBILIZE.
    Exercise,
    /// Assessments, reports, confirmations, warnings. CAMEO 01x (make public statement) / PLOVER (statement).
    Statement,
}

impl EventKind {
    /// All kinds, in display order.
    pub const ALL: [EventKind; 9] = [
        EventKind::Meeting,
        EventKind::Deployment,
        EventKind::Treaty,
        EventKind::Aid,
        EventKind::Attack,
        EventKind::Test,
        EventKind::Casualties,
        EventKind::Exercise,
        EventKind::Statement,
    ];

    /// The kind's name as in the output ("meeting").
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Deployment => "deployment",
            EventKind::Treaty => "treaty",
            EventKind::Aid => "aid",
            EventKind::Attack => "attack",
            EventKind::Test => "test",
            EventKind::Casualties => "casualties",
            EventKind::Exercise => "exercise",
            EventKind::Statement => "statement",
        }
    }

    /// A short English label prefix ("Meeting").
    pub fn title(self) -> &'static str {
        match self {
            EventKind::Meeting => "Meeting",
            EventKind::Deployment => "Deployment",
            EventKind::Treaty => "Treaty",
            EventKind::Aid => "Aid",
            EventKind::Attack => "Attack",
            EventKind::Test => "Test",
            EventKind::Casualties => "Casualties",
            EventKind::Exercise => "Exercise",
            EventKind::Statement => "Statement",
        }
    }
}

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person ("Vladimir Putin").
    Person,
    /// A country ("North Korea").
    Country,
    /// An organisation, agency, ministry, alliance, party, company ("NATO", "KCNA").
    Organisation,
    /// A city ("Pyongyang").
    City,
    /// A region, province, sea, area ("Kursk", "Sea of Japan").
    Region,
    /// A building or site ("Kremlin", "Panmunjom").
    Venue,
    /// A news agency or outlet ("Yonhap", "Reuters", "KCNA"): when it reports an
    /// event it is the source, not a party, so it is neither actor nor place.
    Media,
}

/// One gazetteer entry: a form as written in this language and the one name it stands for.
#[derive(Debug, Clone, Copy)]
pub struct Entity {
    /// The form as written (folded like time words: lowercase, no accents); multi-word allowed.
    pub form: &'static str,
    /// The canonical English name, the same across languages ("North Korea").
    pub name: &'static str,
    /// What it is.
    pub kind: EntityKind,
    /// For a capital or seat of power used as an actor ("Mosca", "the Kremlin"): the
    /// country or government it stands for ("Russia").
    pub stands_for: Option<&'static str>,
}

/// A trigger: words that announce an event of a kind.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// The form (folded; `stem*` and multi-word allowed, as in the time tables). A
    /// verb whose particle ends the clause is written with [`SPLIT`]: "griff ... an"
    /// ("Russland griff am Montag Charkiw an").
    pub form: &'static str,
    /// The kind of event.
    pub kind: EventKind,
    /// Subkind: "visit", "talks", "call", "summit", "signing", "ratification", "entry into force",
    /// or the mark of a bare trigger that counts only in context ([`BARE`]), or "".
    pub subkind: &'static str,
}

/// The subkind of a deployment trigger that is a bare "sent" ("ha inviato", "направила",
/// "a envoyé"): it is a deployment only when its sentence names troops or what armies
/// deploy (see [`EventVocab::military`]), and the mark does not reach the output.
pub const SEND: &str = "send";

/// The subkind of an exercise trigger that is a bare "exercise" ("ejercicio", "Übung",
/// "навчання", which is also schooling): it is an exercise only when its sentence names
/// troops, arms or armed forces (see [`EventVocab::military`]), and the mark does not
/// reach the output.
pub const DRILL: &str = "drill";

/// The subkind of an attack trigger that is a bare "attack" ("attacked", "ha attaccato",
/// "атакувала", which may be words): it is an attack only when its sentence names arms,
/// armed forces or a country, city, region or site ("The opposition attacked the budget"
/// is none, and neither is "a heart attack").
pub const STRIKE: &str = "strike";

/// The subkind of a casualties trigger that is a bare "died" ("è morto", "starb",
/// "помер"): it counts only when its sentence names arms, armed forces or an attack
/// ("The former president died at 90" is none).
pub const DEATH: &str = "death";

/// The subkind of a meeting trigger that is a bare "met" ("met", "ha incontrato",
/// "se reunió", "a rencontré"): it is a meeting only when its sentence names someone
/// or somewhere ("The plan met with criticism" is none).
pub const MET: &str = "met";

/// Every mark of a bare trigger, in the order they are weighed (an attack first:
/// a death counts next to one).
pub const BARE: [&str; 6] = [LAUNCH, SEND, DRILL, STRIKE, MET, DEATH];

/// Between a verb and the particle that ends its clause in a trigger form ("griff ... an").
pub const SPLIT: &str = " ... ";

/// The subkind of a test trigger that is a bare launch or test ("launched", "lanciato",
/// "tested"): it is a test only when its clause names a projectile or a weapon (see
/// [`EventVocab::projectiles`]), and the mark does not reach the output.
pub const LAUNCH: &str = "launch";

/// What extraction knows about events in one language.
#[derive(Debug)]
pub struct EventVocab {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Event triggers: nouns and verb forms.
    pub triggers: &'static [Trigger],
    /// Nouns that name what a figure counts, with the canonical English unit:
    /// ("soldati", "soldiers"), ("chilometri", "km"), ("dollari", "USD"), ("%", "percent").
    pub units: &'static [(&'static str, &'static str)],
    /// Number words that multiply: ("mila", 1e3), ("milioni", 1e6), ("miliardi", 1e9).
    pub multipliers: &'static [(&'static str, f64)],
    /// Role words that introduce a person ("ministro", "presidente", "leader").
    pub roles: &'static [&'static str],
    /// Words that make an event possible or planned rather than done ("potrebbe", "possibile").
    pub possibility: &'static [&'static str],
    /// Words that attribute a sentence to its source, before the source ("secondo",
    /// "according to"): the source is no party to what the sentence reports. A form
    /// marked `!` attributes it to no one ("secondo cui", "according to which").
    pub sources: &'static [&'static str],
    /// Words before the target of a launch ("contro", "against", "по"): a launch (a
    /// test trigger) in a clause that names a country, city or site after one of them
    /// is an attack ("lanciato 40 droni contro Kiev").
    pub targets: &'static [&'static str],
    /// Troops, arms and armed forces ("truppe", "soldiers", "військ*", "warship*",
    /// "military", "NATO"): a [`SEND`] or [`DRILL`] trigger without one in its sentence
    /// is no event ("ha inviato una lettera", "exercise its veto").
    pub military: &'static [&'static str],
    /// What a launch or a test fires or tries ("missil*", "drone*", "nuclear"): a
    /// [`LAUNCH`] trigger without one in its clause is no event ("launched an inquiry").
    pub projectiles: &'static [&'static str],
    /// Speech and reporting verbs ("said", "ha riferito", "suggeriscono", "повідомив"):
    /// the names of a sentence's last clause that has one (", regional governor Serhiy
    /// Lysak said") are its source, no party to what it reports; so are the names
    /// before the first one when the events and another party come after it ("South
    /// Korea's military said North Korea fired").
    pub speech: &'static [&'static str],
    /// What names the doer of a deed ("da parte della", "por parte de", "з боку"): a
    /// name right after it is a party, even after a locative ("da").
    pub agents: &'static [&'static str],
    /// Names of people, countries, organisations and places, as written in this language.
    pub entities: &'static [Entity],
}

/// The event vocabulary for an ISO 639-1 code.
pub fn event_vocab(code: &str) -> Option<&'static EventVocab> {
    [
        &it_events::EVENTS,
        &en_events::EVENTS,
        &es_events::EVENTS,
        &de_events::EVENTS,
        &fr_events::EVENTS,
        &uk_events::EVENTS,
    ]
    .into_iter()
    .find(|v| v.code == code)
}

/// All language tables, in a fixed order.
pub fn tables() -> [&'static LangTable; 6] {
    [
        &it::TABLE,
        &en::TABLE,
        &es::TABLE,
        &de::TABLE,
        &fr::TABLE,
        &uk::TABLE,
    ]
}

/// The table for an ISO 639-1 code, if we have one.
pub fn table(code: &str) -> Option<&'static LangTable> {
    tables().into_iter().find(|t| t.code == code)
}

/// The codes of all supported languages.
pub fn codes() -> [&'static str; 6] {
    tables().map(|t| t.code)
}
