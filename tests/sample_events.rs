//! The sample articles are the acceptance test of event extraction: the events
//! an analyst marks in `data/000_…` (published 2025-10-28) and `data/004_…`
//! (published 2025-11-08), each with its kind and a date in the stated range.
//! At least 9 in 10 must come out right, and at least 85 in 100 events that
//! come out must be ones the analyst marked.

use chrono::NaiveDate;
use dateline::article::{Article, IntakeOptions};
use dateline::extract::events::{Event, EventKind};
use dateline::extract::extract;
use dateline::extract::time::Modifier;

/// What the analyst marked.
#[derive(Clone, Copy)]
struct Marked {
    what: &'static str,
    article: &'static str,
    kind: EventKind,
    /// The event's dates must lie within these days.
    within: (&'static str, &'static str),
    /// A figure it must carry: (value, unit).
    figure: Option<(f64, &'static str)>,
    /// It must be marked planned or possible.
    planned: bool,
    /// A name it must have among actors or places.
    name: Option<&'static str>,
}

const fn m(
    what: &'static str,
    article: &'static str,
    kind: EventKind,
    within: (&'static str, &'static str),
) -> Marked {
    Marked {
        what,
        article,
        kind,
        within,
        figure: None,
        planned: false,
        name: None,
    }
}

impl Marked {
    const fn figure(mut self, value: f64, unit: &'static str) -> Self {
        self.figure = Some((value, unit));
        self
    }
    const fn planned(mut self) -> Self {
        self.planned = true;
        self
    }
    const fn name(mut self, name: &'static str) -> Self {
        self.name = Some(name);
        self
    }

    /// Same article, kind and dates: the event is one the analyst marked, figures and names aside.
    fn loosely_matches(&self, article: &str, e: &Event) -> bool {
        Marked {
            figure: None,
            planned: false,
            name: None,
            ..*self
        }
        .matches(article, e)
    }

    fn matches(&self, article: &str, e: &Event) -> bool {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let (lo, hi) = (day(self.within.0), day(self.within.1));
        article == self.article
            && e.kind == self.kind
            && lo <= e.date.start_date
            && e.date.end_date <= hi
            && self.figure.is_none_or(|(v, u)| {
                e.figures
                    .iter()
                    .any(|f| (f.value - v).abs() < 1e-6 * v.max(1.0) && f.unit == u)
            })
            && (!self.planned || e.date.modifier == Some(Modifier::Planned))
            && self
                .name
                .is_none_or(|n| e.actors.iter().chain(&e.places).any(|x| x == n))
    }
}

const A: &str = "000";
const B: &str = "004";

fn marked() -> Vec<Marked> {
    use EventKind::*;
    vec![
        m(
            "treaty signed by Putin and Kim in June 2024",
            A,
            Treaty,
            ("2024-06-01", "2024-06-30"),
        ),
        m(
            "the strategic partnership agreement signed last year",
            A,
            Treaty,
            ("2024-01-01", "2024-12-31"),
        ),
        m(
            "the pact of mutual military assistance signed last year",
            B,
            Treaty,
            ("2024-01-01", "2024-12-31"),
        ),
        m(
            "Putin meets Choe Son Hui at the Kremlin",
            A,
            Meeting,
            ("2025-10-01", "2025-10-31"),
        )
        .name("Choe Son Hui"),
        m(
            "Putin meets Choe Son Hui at the Kremlin, late October",
            B,
            Meeting,
            ("2025-10-21", "2025-10-31"),
        )
        .name("Choe Son Hui"),
        m(
            "Choe meets Lavrov in Moscow",
            A,
            Meeting,
            ("2025-10-01", "2025-10-31"),
        )
        .name("Sergey Lavrov"),
        m(
            "Lavrov's visit to Pyongyang, assurances from Kim",
            A,
            Meeting,
            ("2025-07-01", "2025-07-31"),
        ),
        m(
            "Putin's phone call with Kim",
            A,
            Meeting,
            ("2025-08-01", "2025-08-31"),
        ),
        m(
            "Trump-Putin meetings in Alaska",
            A,
            Meeting,
            ("2025-08-01", "2025-08-31"),
        )
        .name("Alaska"),
        m(
            "about 10,000 North Korean soldiers deployed",
            A,
            Deployment,
            ("2022-01-01", "2025-10-28"),
        )
        .figure(10000.0, "soldiers"),
        m(
            "about 2,000 North Korean soldiers died (September's assessment)",
            A,
            Casualties,
            ("2025-09-01", "2025-09-30"),
        )
        .figure(2000.0, "soldiers"),
        m(
            "about 2,000 North Korean soldiers killed in Kursk",
            B,
            Casualties,
            ("2022-01-01", "2025-11-08"),
        )
        .figure(2000.0, "soldiers"),
        m(
            "April confirmation of the troops in Kursk",
            A,
            Statement,
            ("2025-04-01", "2025-04-30"),
        ),
        m(
            "North Korea supplies up to 40% of Russia's munitions",
            A,
            Aid,
            ("2022-01-01", "2025-10-28"),
        )
        .figure(40.0, "percent"),
        m(
            "talks in Pyongyang with Goremykin's delegation",
            B,
            Meeting,
            ("2025-10-25", "2025-11-08"),
        )
        .name("Pyongyang"),
        m(
            "friendly talk with defence minister No Kwang Chol",
            B,
            Meeting,
            ("2025-10-25", "2025-11-08"),
        )
        .name("No Kwang Chol"),
        m(
            "about 5,000 soldiers sent since September",
            B,
            Deployment,
            ("2025-09-01", "2025-11-08"),
        )
        .figure(5000.0, "soldiers"),
        m(
            "about 15,000 troops sent since October last year",
            B,
            Deployment,
            ("2024-10-01", "2025-11-08"),
        )
        .figure(15000.0, "troops"),
        m(
            "further deployments being prepared",
            B,
            Deployment,
            ("2025-10-01", "2026-12-31"),
        )
        .planned(),
        m(
            "Putin and Kim meet in Beijing",
            B,
            Meeting,
            ("2025-09-01", "2025-09-30"),
        )
        .name("Beijing"),
        m(
            "Trump's visit to South Korea for the APEC summit",
            B,
            Meeting,
            ("2025-10-01", "2025-11-08"),
        )
        .name("Donald Trump"),
        m(
            "Hegseth's talks in Seoul",
            B,
            Meeting,
            ("2025-10-01", "2025-11-08"),
        )
        .name("Pete Hegseth"),
        m(
            "Hegseth's visit to Panmunjom four days ago",
            B,
            Meeting,
            ("2025-11-04", "2025-11-04"),
        ),
        m(
            "short-range ballistic missile launched, 700 km",
            B,
            Test,
            ("2025-11-07", "2025-11-08"),
        )
        .figure(700.0, "km"),
        m(
            "Trump met Kim at Panmunjom five years ago",
            B,
            Meeting,
            ("2020-01-01", "2020-12-31"),
        ),
        m(
            "the last of Trump's three meetings with Kim, 2019",
            B,
            Meeting,
            ("2019-01-01", "2019-12-31"),
        ),
        m(
            "a possible Trump-Kim meeting in 2026",
            B,
            Meeting,
            ("2025-11-08", "2026-12-31"),
        )
        .planned(),
        m(
            "US-South Korea exercises in March",
            B,
            Exercise,
            ("2026-01-01", "2026-12-31"),
        ),
        m(
            "the Friedrich Naumann Foundation analysis of September",
            B,
            Statement,
            ("2025-09-01", "2025-09-30"),
        ),
        m(
            "Russia's compensation of up to $1.2 billion",
            B,
            Aid,
            ("2022-01-01", "2025-11-08"),
        )
        .figure(1.2e9, "USD"),
        m(
            "North Korea's supplies worth up to $9.8 billion",
            B,
            Aid,
            ("2022-01-01", "2025-11-08"),
        )
        .figure(9.8e9, "USD"),
    ]
}

fn events() -> Vec<(&'static str, Event)> {
    let mut out = Vec::new();
    for (key, name, bytes) in [
        (
            A,
            "data/000_baa33a4ea23e10ec.txt",
            &include_bytes!("../data/000_baa33a4ea23e10ec.txt")[..],
        ),
        (
            B,
            "data/004_3bd72472d4c2b3aa.txt",
            &include_bytes!("../data/004_3bd72472d4c2b3aa.txt")[..],
        ),
    ] {
        let article = Article::from_bytes(name, bytes, &IntakeOptions::default());
        out.extend(extract(&article).events.into_iter().map(|e| (key, e)));
    }
    out
}

#[test]
fn the_analysts_events_come_out_right() {
    let events = events();
    let marked = marked();
    let missed: Vec<&str> = marked
        .iter()
        .filter(|mk| !events.iter().any(|(a, e)| mk.matches(a, e)))
        .map(|mk| mk.what)
        .collect();
    let right = marked.len() - missed.len();
    let spurious: Vec<String> = events
        .iter()
        .filter(|(a, e)| !marked.iter().any(|mk| mk.loosely_matches(a, e)))
        .map(|(a, e)| format!("{a} {:?} {} '{}'", e.kind, e.date.value, e.trigger.text))
        .collect();
    let marked_share = 1.0 - spurious.len() as f64 / events.len().max(1) as f64;
    eprintln!("right {right}/{}; missed: {missed:#?}", marked.len());
    eprintln!(
        "{} events, {} that no analyst marked: {spurious:#?}",
        events.len(),
        spurious.len()
    );
    assert!(
        right * 10 >= marked.len() * 9,
        "only {right} of {} right; missed: {missed:#?}",
        marked.len()
    );
    assert!(
        marked_share >= 0.85,
        "only {marked_share:.2} of the events are ones an analyst marks: {spurious:#?}"
    );
}

#[test]
fn reports_of_one_event_merge_and_different_events_stay_apart() {
    use dateline::timeline::{ArticleEvents, build};
    let mut per_article: Vec<(String, Vec<Event>)> = Vec::new();
    for (name, bytes) in [
        (
            "data/000_baa33a4ea23e10ec.txt",
            &include_bytes!("../data/000_baa33a4ea23e10ec.txt")[..],
        ),
        (
            "data/004_3bd72472d4c2b3aa.txt",
            &include_bytes!("../data/004_3bd72472d4c2b3aa.txt")[..],
        ),
    ] {
        let article = Article::from_bytes(name, bytes, &IntakeOptions::default());
        per_article.push((article.id.clone(), extract(&article).events));
    }
    let input: Vec<ArticleEvents<'_>> = per_article
        .iter()
        .map(|(id, ev)| ArticleEvents {
            article: id,
            events: ev,
        })
        .collect();
    let timeline = build(&input);
    let both = |e: &dateline::timeline::Entry| {
        per_article
            .iter()
            .all(|(id, _)| e.reports.iter().any(|r| &r.article == id))
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();

    let treaty = timeline
        .iter()
        .find(|e| e.kind == EventKind::Treaty && both(e));
    assert!(
        treaty.is_some_and(
            |e| e.date.start_date >= day("2024-06-01") && e.date.end_date <= day("2024-06-30")
        ),
        "the June 2024 treaty, reported by both articles"
    );

    let kremlin = timeline.iter().find(|e| {
        e.kind == EventKind::Meeting && e.places.iter().any(|p| p == "Kremlin") && both(e)
    });
    assert!(
        kremlin.is_some_and(
            |e| e.date.start_date >= day("2025-10-01") && e.date.end_date <= day("2025-10-31")
        ),
        "the late-October Kremlin meeting, reported by both articles"
    );

    let dead = timeline
        .iter()
        .find(|e| e.kind == EventKind::Casualties && both(e));
    assert!(
        dead.is_some_and(|e| e.figures.iter().any(|f| f.value == 2000.0)),
        "the 2,000 dead, reported by both articles"
    );

    // Trump and Kim met in 2019 and in 2020 (Panmunjom), and may meet in 2026: never one entry.
    let trump_kim: Vec<_> = timeline
        .iter()
        .filter(|e| {
            e.kind == EventKind::Meeting
                && ["Donald Trump", "Kim Jong Un"]
                    .iter()
                    .all(|p| e.actors.iter().any(|a| a == p))
        })
        .collect();
    assert!(
        trump_kim.len() >= 3,
        "Trump-Kim meetings months apart stay apart: {:?}",
        trump_kim.iter().map(|e| &e.date.value).collect::<Vec<_>>()
    );
}

/// The events of one text in `lang`, published on 8 November 2025.
fn events_of(lang: &str, text: &str) -> Vec<Event> {
    let opts = IntakeOptions {
        lang: Some(lang.to_string()),
        published: chrono::NaiveDate::from_ymd_opt(2025, 11, 8)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|t| (t, true)),
    };
    extract(&Article::from_bytes("agency.txt", text.as_bytes(), &opts)).events
}

/// A news agency that reports an event is its source, not a party to it:
/// "ha riferito l'agenzia sudcoreana Yonhap" (sample B) made Yonhap an actor of
/// North Korea's deployment. In every language, the agencies stay out of
/// actors, places and people, and the parties stay in.
#[test]
fn news_agencies_that_report_are_no_actors() {
    let cases = [
        (
            "it",
            "Dall'ottobre dello scorso anno, ha riferito l'agenzia sudcoreana Yonhap, la Corea del Nord ha inviato circa 15.000 soldati in Russia.",
            "North Korea",
        ),
        (
            "en",
            "North Korea fired a ballistic missile into the Sea of Japan on Monday, Reuters reported, citing the South Korean military.",
            "North Korea",
        ),
        (
            "de",
            "Nordkorea hat nach Angaben der Nachrichtenagentur Yonhap am Montag Truppen nach Russland entsandt.",
            "North Korea",
        ),
        (
            "es",
            "Corea del Norte lanzó el lunes un misil balístico, según informó la agencia EFE.",
            "North Korea",
        ),
        (
            "fr",
            "La Corée du Nord a tiré lundi un missile balistique, a rapporté l'agence AFP.",
            "North Korea",
        ),
        (
            "uk",
            "Північна Корея у понеділок запустила балістичну ракету, повідомляє агентство Укрінформ.",
            "North Korea",
        ),
    ];
    let agencies = ["Yonhap", "Reuters", "EFE", "AFP", "Ukrinform"];
    // The country of an outlet ("l'agenzia sudcoreana Yonhap") describes the
    // outlet: no party either.
    let described = [
        (
            "it",
            "Dall'ottobre dello scorso anno, ha riferito l'agenzia sudcoreana Yonhap, la Corea del Nord ha inviato circa 15.000 soldati in Russia.",
            "South Korea",
        ),
        (
            "en",
            "North Korea has sent troops to Russia since October, the South Korean news agency Yonhap reported.",
            "South Korea",
        ),
    ];
    for (lang, text, country) in described {
        let events = events_of(lang, text);
        assert!(!events.is_empty(), "{lang}: no event in {text:?}");
        for e in &events {
            assert!(
                !e.actors.iter().chain(&e.places).any(|a| a == country),
                "{lang}: {country} only describes the agency in {text:?}: {:?}",
                e.actors
            );
        }
    }
    for (lang, text, party) in cases {
        let events = events_of(lang, text);
        assert!(!events.is_empty(), "{lang}: no event in {text:?}");
        for e in &events {
            let named: Vec<&String> = e.actors.iter().chain(&e.places).chain(&e.people).collect();
            assert!(
                !named.iter().any(|n| agencies.contains(&n.as_str())),
                "{lang}: an agency among {named:?} in {text:?}"
            );
            assert!(
                e.actors.iter().any(|a| a == party),
                "{lang}: {party} should act in {text:?}: {:?}",
                e.actors
            );
        }
    }
}

/// Each `(lang, text)` gives exactly one event, of this kind.
fn assert_only_kind(cases: &[(&str, &str)], kind: EventKind) {
    for &(lang, text) in cases {
        let kinds: Vec<EventKind> = events_of(lang, text).iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [kind], "{lang}: {text:?}");
    }
}

/// No `(lang, text)` gives an event.
fn assert_no_events(cases: &[(&str, &str)]) {
    for &(lang, text) in cases {
        let events = events_of(lang, text);
        assert!(events.is_empty(), "{lang}: {text:?} gave {events:?}");
    }
}

/// In each `(lang, text, source, party)`, every event has `party` among its actors and not `source`.
fn assert_sources_are_no_party(cases: &[(&str, &str, &str, &str)]) {
    for &(lang, text, source, party) in cases {
        assert_source_no_party(lang, text, |a| a == source, party);
    }
}

/// Some event of each `(lang, text, party)` has `party` among its actors.
fn assert_some_party(cases: &[(&str, &str, &str)]) {
    for &(lang, text, party) in cases {
        let events = events_of(lang, text);
        assert!(
            events.iter().any(|e| e.actors.iter().any(|a| a == party)),
            "{lang}: {party} is no party in {text:?}: {events:?}"
        );
    }
}

/// Every event of `text` has `party` among its actors and no actor that `is_source`.
fn assert_source_no_party(lang: &str, text: &str, is_source: impl Fn(&str) -> bool, party: &str) {
    let events = events_of(lang, text);
    assert!(!events.is_empty(), "{lang}: no event in {text:?}");
    for e in &events {
        assert!(
            !e.actors.iter().any(|a| is_source(a)),
            "{lang}: a source is among the actors {:?} of {text:?}",
            e.actors
        );
        assert!(
            e.actors.iter().any(|a| a == party),
            "{lang}: {party} is missing from {:?} in {text:?}",
            e.actors
        );
    }
}

/// Whoever a sentence is attributed to ("secondo i servizi sudcoreani",
/// "according to the Pentagon") is its source, not a party to the event it
/// reports: "Secondo i servizi sudcoreani, la Corea del Nord ha inviato..." made
/// South Korea an actor of North Korea's deployment. A statement's source is its
/// speaker, and stays.
#[test]
fn the_source_a_sentence_is_attributed_to_is_no_party() {
    let cases = [
        (
            "it",
            "Secondo i servizi sudcoreani, la Corea del Nord ha inviato 10.000 soldati in Russia il 3 ottobre.",
            "South Korea",
            "North Korea",
        ),
        (
            "it",
            "La Corea del Nord ha inviato 10.000 soldati in Russia il 3 ottobre, stando all'intelligence di Seul.",
            "South Korea",
            "North Korea",
        ),
        (
            "en",
            "According to the Pentagon, North Korea sent troops to Russia on 3 October.",
            "Pentagon",
            "North Korea",
        ),
        (
            "en",
            "North Korea sent troops to Russia on 3 October, according to US and South Korean officials.",
            "South Korea",
            "North Korea",
        ),
        (
            "es",
            "Según fuentes estadounidenses, Corea del Norte envió tropas a Rusia el 3 de octubre.",
            "United States",
            "North Korea",
        ),
        (
            "de",
            "Nach Angaben der ukrainischen Armee hat Russland am 3. Oktober die Stadt Charkiw mit Raketen angegriffen.",
            "Ukraine",
            "Russia",
        ),
        (
            "fr",
            "Selon Washington, la Corée du Nord a envoyé des soldats en Russie le 3 octobre.",
            "United States",
            "North Korea",
        ),
        (
            "uk",
            "За даними британської розвідки, Росія атакувала Харків 3 жовтня.",
            "United Kingdom",
            "Russia",
        ),
    ];
    assert_sources_are_no_party(&cases);
    // A statement's source is who speaks.
    let events = events_of(
        "en",
        "According to a Pentagon report released on Monday, the situation is grave.",
    );
    assert!(
        events
            .iter()
            .any(|e| e.actors.iter().any(|a| a == "Pentagon")),
        "{events:?}"
    );
}

/// Whoever reports an event at the head of its sentence ("South Korea's
/// military said North Korea fired", "le stime dei servizi sudcoreani
/// suggeriscono che la Corea del Nord ha inviato") is its source, not a party:
/// South Korea was an actor of North Korea's deployment in the Adnkronos
/// sample. Who reports what it did itself ("North Korea said it fired") and
/// who tells of a meeting, a treaty or aid (often a party) stay.
#[test]
fn who_reports_an_event_before_it_is_no_party() {
    let cases = [
        (
            "it",
            "Le stime dei servizi segreti sudcoreani suggeriscono che la Corea del Nord ha inviato 10.000 soldati in Russia il 3 ottobre.",
            "South Korea",
            "North Korea",
        ),
        (
            "it",
            "I militari sudcoreani hanno segnalato il lancio di un missile balistico da parte della Corea del Nord lunedì.",
            "South Korea",
            "North Korea",
        ),
        (
            "en",
            "South Korea's military said North Korea fired a ballistic missile into the sea on Monday.",
            "South Korea",
            "North Korea",
        ),
        (
            "es",
            "Seúl informó que Corea del Norte lanzó un misil balístico el lunes.",
            "South Korea",
            "North Korea",
        ),
        (
            "fr",
            "Séoul a indiqué que la Corée du Nord a lancé un missile balistique lundi.",
            "South Korea",
            "North Korea",
        ),
        (
            "de",
            "Seoul erklärte, Nordkorea habe am Montag eine ballistische Rakete abgefeuert.",
            "South Korea",
            "North Korea",
        ),
        (
            "uk",
            "Сеул повідомив, що Північна Корея запустила балістичну ракету в понеділок.",
            "South Korea",
            "North Korea",
        ),
    ];
    assert_sources_are_no_party(&cases);
    // With aid in the sentence too: intelligence services named by an adjective
    // are no party (sample A), a country or a person that speaks may be.
    assert_sources_are_no_party(&[(
        "it",
        "Le stime dei servizi segreti sudcoreani suggeriscono che 10.000 soldati nordcoreani sono stati schierati in Russia, ricevendo in cambio assistenza militare dalla Russia.",
        "South Korea",
        "North Korea",
    )]);
    // Who tells of what it did itself, or of a meeting, stays a party.
    let stays = [
        (
            "en",
            "North Korea said it fired a ballistic missile into the sea on Monday.",
            "North Korea",
        ),
        (
            "it",
            "La Corea del Nord ha detto di aver lanciato un missile balistico lunedì.",
            "North Korea",
        ),
        (
            "en",
            "Putin said he met Kim Jong Un in Vladivostok on Monday.",
            "Vladimir Putin",
        ),
        (
            "en",
            "Russia said it signed a treaty with North Korea on Monday.",
            "Russia",
        ),
    ];
    assert_some_party(&stays);
}

/// A launch at a target is an attack, not a test: "Russia launched 40 drones
/// against Kyiv" was a missile test in every language. A launch with no target
/// stays a test, and a launch of nothing that flies ("launched an inquiry") is no
/// event.
#[test]
fn a_launch_at_a_target_is_an_attack() {
    let attacks = [
        ("en", "Russia launched 40 drones against Kyiv on Monday."),
        ("en", "Russia fired missiles at Kharkiv on Monday."),
        ("it", "La Russia ha lanciato 40 droni contro Kiev lunedì."),
        ("es", "Rusia lanzó 40 drones contra Kiev el lunes."),
        (
            "de",
            "Russland hat am Montag 40 Drohnen auf Kiew abgefeuert.",
        ),
        ("fr", "La Russie a lancé 40 drones contre Kiev lundi."),
        ("uk", "Росія запустила 40 дронів по Києву в понеділок."),
    ];
    assert_only_kind(&attacks, EventKind::Attack);
    let tests = [
        (
            "en",
            "North Korea launched a ballistic missile into the sea on Monday.",
        ),
        (
            "it",
            "La Corea del Nord ha lanciato un missile balistico nel Mar del Giappone.",
        ),
        ("es", "Corea del Norte lanzó un misil balístico el lunes."),
        (
            "fr",
            "La Corée du Nord a lancé un missile balistique lundi.",
        ),
    ];
    assert_only_kind(&tests, EventKind::Test);
    // A launch of nothing that flies is no event at all.
    let none = [
        ("en", "The government launched an inquiry on Monday."),
        ("it", "Il Papa ha lanciato un appello per la pace lunedì."),
        ("es", "El Papa lanzó un llamamiento por la paz el lunes."),
        ("de", "Der Verein feuerte am Montag den Trainer."),
        ("fr", "Le pape a lancé un appel à la paix lundi."),
        ("uk", "Уряд запустив нову програму в понеділок."),
    ];
    assert_no_events(&none);
}

/// "The launch" that goes on about the test before it is that test's, even in
/// the next paragraph; after a paragraph about something else it is none.
#[test]
fn a_launch_that_goes_on_about_a_test_stays_one() {
    let text = "North Korea fired a ballistic missile into the sea on Monday.\n\nThe launch came days after joint drills by Seoul and Washington ended on 14 March.";
    let events = events_of("en", text);
    assert_eq!(
        events.iter().filter(|e| e.kind == EventKind::Test).count(),
        2,
        "{events:?}"
    );
    let text = "Talks on the deal are due to resume in Doha next month.\n\nThe launch came days after joint drills ended on 14 March.";
    let events = events_of("en", text);
    assert!(
        events.iter().all(|e| e.kind != EventKind::Test),
        "{events:?}"
    );
}

/// A German verb whose particle ends the clause ("griff ... an", "trat ... in
/// Kraft") is one trigger: "Russland griff am Montag Charkiw mit Drohnen an"
/// was no event.
#[test]
fn german_verbs_with_their_particle_at_the_end() {
    let cases = [
        (
            "Russland griff am Montag die Stadt Charkiw mit Drohnen an.",
            EventKind::Attack,
        ),
        (
            "Die Außenminister kamen am 3. März in Brüssel zusammen.",
            EventKind::Meeting,
        ),
        (
            "Das Abkommen trat am 1. Januar 2025 in Kraft.",
            EventKind::Treaty,
        ),
        (
            "Der Kanzler kündigte am Freitag neue Sanktionen an.",
            EventKind::Statement,
        ),
    ];
    for (text, kind) in cases {
        let events = events_of("de", text);
        assert!(
            events.iter().any(|e| e.kind == kind),
            "{kind:?} in {text:?}: {events:?}"
        );
    }
    // The particle must close the clause: "an" in the middle is a preposition.
    let events = events_of("de", "Er griff am Montag an der Grenze nach dem Ball.");
    assert!(events.is_empty(), "{events:?}");
}

/// "..., regional governor Serhiy Lysak said.": whoever the last clause says
/// spoke is the source of an attack, a test or casualties, not a party to it, in
/// every language.
#[test]
fn the_speaker_named_at_the_end_is_no_party() {
    let cases = [
        (
            "en",
            "At least 12 people were killed when Russian missiles struck Dnipro overnight, regional governor Serhiy Lysak said.",
            "Lysak",
            "Russia",
        ),
        (
            "it",
            "La Russia ha attaccato Kharkiv con 40 droni nella notte, ha riferito il sindaco Ihor Terekhov.",
            "Ter",
            "Russia",
        ),
        (
            "es",
            "Rusia atacó Járkov con 40 drones durante la noche, informó el alcalde Ihor Terekhov.",
            "Ter",
            "Russia",
        ),
        (
            "de",
            "Russland hat Charkiw in der Nacht mit 40 Drohnen angegriffen, sagte Bürgermeister Ihor Terechow.",
            "Ter",
            "Russia",
        ),
        (
            "fr",
            "La Russie a attaqué Kharkiv avec 40 drones dans la nuit, a déclaré le maire Ihor Terekhov.",
            "Ter",
            "Russia",
        ),
        (
            "uk",
            "Росія атакувала Харків 40 дронами вночі, повідомив мер Ігор Терехов.",
            "Ter",
            "Russia",
        ),
    ];
    for (lang, text, speaker, party) in cases {
        assert_source_no_party(
            lang,
            text,
            |a| a.contains(speaker) || a.contains("Тер"),
            party,
        );
    }
    // At a meeting, a treaty or aid, who speaks is often a party, and stays.
    let events = events_of(
        "it",
        "L'intesa entrerà in vigore domenica a mezzanotte, ha precisato il ministro degli Esteri saudita Faisal bin Farhan.",
    );
    assert!(
        events
            .iter()
            .any(|e| e.actors.iter().any(|a| a == "Saudi Arabia")),
        "{events:?}"
    );
}

/// A bare "sent" ("ha inviato", "направила", "a envoyé") is a deployment only
/// when its sentence names troops or what armies deploy: "Il governo ha inviato
/// una lettera" was a deployment, "Північна Корея направила до Росії близько 11
/// тисяч військових" was none.
#[test]
fn a_bare_send_is_a_deployment_only_with_troops() {
    let deployments = [
        (
            "en",
            "North Korea has sent about 11,000 soldiers to Russia since October.",
        ),
        (
            "it",
            "La Corea del Nord ha inviato in Russia circa 11.000 militari da ottobre.",
        ),
        (
            "es",
            "Corea del Norte ha enviado a Rusia unos 11.000 soldados desde octubre.",
        ),
        (
            "de",
            "Nordkorea hat seit Oktober rund 11.000 Soldaten nach Russland verlegt.",
        ),
        (
            "fr",
            "La Corée du Nord a dépêché environ 11 000 soldats en Russie depuis octobre.",
        ),
        (
            "uk",
            "Північна Корея направила до Росії близько 11 тисяч військових з жовтня.",
        ),
    ];
    assert_only_kind(&deployments, EventKind::Deployment);
    let none = [
        (
            "en",
            "The ministry has sent a letter to the commission on Monday.",
        ),
        (
            "it",
            "Il governo ha inviato una lettera alla Commissione lunedì.",
        ),
        (
            "es",
            "El Gobierno ha enviado una carta a la Comisión el lunes.",
        ),
        ("de", "Die Regierung hat die Sitzung auf Montag verlegt."),
        (
            "fr",
            "Selon une dépêche publiée lundi, le ministre est malade.",
        ),
        ("uk", "Уряд направив листа до Єврокомісії в понеділок."),
    ];
    for (lang, text) in none {
        let events = events_of(lang, text);
        assert!(
            events.iter().all(|e| e.kind != EventKind::Deployment),
            "{lang}: {text:?} gave {events:?}"
        );
    }
}

/// A bare "exercise" ("ejercicio", "exercice", "Übung", "навчання", which is
/// also schooling) is an exercise only when its sentence names troops, arms or
/// armed forces: "exercise its veto", "el ejercicio fiscal", "Навчання в школах"
/// were military exercises.
#[test]
fn a_bare_exercise_is_one_only_among_armed_forces() {
    let exercises = [
        (
            "en",
            "NATO troops began a two-week exercise in Estonia on Monday.",
        ),
        (
            "it",
            "La Marina ha avviato lunedì un'esercitazione nel Mediterraneo.",
        ),
        (
            "es",
            "El ejército de Chile inició el lunes un ejercicio en el norte.",
        ),
        (
            "de",
            "Die Bundeswehr beginnt am Montag eine Übung in Litauen.",
        ),
        (
            "fr",
            "L'armée française a lancé lundi un exercice en Estonie.",
        ),
        (
            "uk",
            "Білорусь і Росія розпочали спільні військові навчання в понеділок.",
        ),
    ];
    assert_only_kind(&exercises, EventKind::Exercise);
    let none = [
        ("en", "The government will exercise its veto on Monday."),
        (
            "it",
            "Gli studenti riprenderanno le esercitazioni di laboratorio lunedì.",
        ),
        (
            "es",
            "El Gobierno cerró el ejercicio fiscal con un superávit el lunes.",
        ),
        (
            "de",
            "Die Schüler machten am Montag eine Übung in Mathematik.",
        ),
        (
            "fr",
            "Le ministre a été arrêté lundi dans l'exercice de ses fonctions.",
        ),
        ("uk", "Навчання в школах почнеться 1 вересня."),
    ];
    assert_no_events(&none);
}

/// Words that are events only in context: an "attack" needs arms, forces or a
/// place ("The opposition attacked the budget", "a heart attack" were attacks), a
/// "died" needs arms, forces or an attack ("The former president died at 90" was
/// a casualty), a "met" needs someone or somewhere ("The plan met with criticism"
/// was a meeting).
#[test]
fn attacks_deaths_and_meetings_need_their_context() {
    let events = [
        (
            "en",
            "Russia attacked Kharkiv with drones on Monday.",
            EventKind::Attack,
        ),
        (
            "it",
            "La Russia ha attaccato Kharkiv lunedì.",
            EventKind::Attack,
        ),
        ("es", "Rusia atacó Járkov el lunes.", EventKind::Attack),
        (
            "de",
            "Russland griff am Montag Charkiw an.",
            EventKind::Attack,
        ),
        (
            "fr",
            "La Russie a attaqué Kharkiv lundi.",
            EventKind::Attack,
        ),
        (
            "uk",
            "Росія атакувала Харків у понеділок.",
            EventKind::Attack,
        ),
        (
            "en",
            "Three soldiers died in the shelling of Donetsk on Monday.",
            EventKind::Casualties,
        ),
        (
            "de",
            "Bei dem Angriff kamen am Montag fünf Menschen ums Leben.",
            EventKind::Casualties,
        ),
        (
            "en",
            "Zelensky met Tusk in Warsaw on Monday.",
            EventKind::Meeting,
        ),
        (
            "it",
            "Tajani ha incontrato Sybiha a Roma lunedì.",
            EventKind::Meeting,
        ),
    ];
    for (lang, text, kind) in events {
        let found = events_of(lang, text);
        assert!(
            found.iter().any(|e| e.kind == kind),
            "{lang}: {kind:?} in {text:?}: {found:?}"
        );
    }
    let none = [
        ("en", "The opposition attacked the budget on Monday."),
        ("en", "He suffered a heart attack on Monday."),
        (
            "it",
            "L'opposizione ha attaccato il governo sulla manovra lunedì.",
        ),
        (
            "es",
            "La oposición atacó al Gobierno por los presupuestos el lunes.",
        ),
        (
            "de",
            "Die Opposition griff die Regierung am Montag scharf an.",
        ),
        (
            "fr",
            "L'opposition a attaqué le gouvernement sur le budget lundi.",
        ),
        ("uk", "Опозиція атакувала уряд через бюджет у понеділок."),
        (
            "en",
            "The former president died on Monday at the age of 90.",
        ),
        ("it", "L'ex presidente è morto lunedì all'età di 90 anni."),
        ("fr", "La reine est décédée lundi à l'âge de 96 ans."),
        ("en", "The plan met with fierce criticism on Monday."),
    ];
    assert_no_events(&none);
}

/// A bare trigger after a trigger of its kind hands it no mark: in "The shelling,
/// which critics attacked as a crime, went on", "attacked" made the shelling wait
/// for a place or arms that the sentence does not name, and it was dropped.
#[test]
fn a_bare_trigger_after_a_sure_one_leaves_it_alone() {
    let found = events_of(
        "en",
        "The shelling, which critics attacked as a crime, went on for hours on Monday.",
    );
    assert!(
        found.iter().any(|e| e.kind == EventKind::Attack),
        "{found:?}"
    );
}

/// French "à" puts a name in its place; the verb "a" does not ("Séoul a indiqué
/// que la Corée du Nord…" made North Korea a place). A capital often drops its
/// accent, and "A Moscou" is still a place. Italian "da parte della" names the
/// doer, though "da" is also "from".
#[test]
fn a_preposition_puts_a_name_in_its_place_and_a_verb_does_not() {
    for (lang, text, place) in [
        (
            "fr",
            "Poutine a reçu Kim Jong Un à Moscou le 3 octobre.",
            "Moscow",
        ),
        (
            "fr",
            "A Moscou, Poutine a reçu Kim Jong Un le 3 octobre.",
            "Moscow",
        ),
    ] {
        let events = events_of(lang, text);
        assert!(
            events.iter().any(|e| e.places.iter().any(|p| p == place)),
            "{lang}: {place} is no place in {text:?}: {events:?}"
        );
    }
    assert_some_party(&[
        (
            "fr",
            "La Russie a attaqué l'Ukraine avec des drones le 3 octobre.",
            "Ukraine",
        ),
        (
            "it",
            "Il lancio di un missile balistico da parte della Corea del Nord è avvenuto lunedì.",
            "North Korea",
        ),
    ]);
}

/// A capital that an attack strikes is where it happened, not its country
/// acting: "Russia attacked Kyiv" made Ukraine a party (the capital stands for
/// its government only when it acts: "Kyiv said").
#[test]
fn the_capital_an_attack_strikes_is_its_place() {
    let cases = [
        ("en", "Russia attacked Kyiv with drones on Monday."),
        ("it", "La Russia ha attaccato Kiev con i droni lunedì."),
        ("es", "Rusia atacó Kiev con drones el lunes."),
        ("fr", "La Russie a attaqué Kiev avec des drones lundi."),
        ("de", "Russland griff am Montag Kiew mit Drohnen an."),
        ("uk", "Росія атакувала Київ дронами в понеділок."),
    ];
    for (lang, text) in cases {
        let events = events_of(lang, text);
        let attack = events.iter().find(|e| e.kind == EventKind::Attack);
        let Some(attack) = attack else {
            panic!("{lang}: no attack in {text:?}: {events:?}");
        };
        assert!(
            attack.places.iter().any(|p| p == "Kyiv"),
            "{lang}: Kyiv is no place in {text:?}: {attack:?}"
        );
        assert!(
            attack.actors.iter().all(|a| a != "Ukraine")
                && attack.actors.iter().any(|a| a == "Russia"),
            "{lang}: the actors of {text:?} are {:?}",
            attack.actors
        );
    }
}
