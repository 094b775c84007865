//! Time expressions in news sentences, every kind in every language: the
//! words found, the value at its precision, and the modifier. The reference
//! (publication) date is Tuesday 28 October 2025 unless a case says otherwise.

use chrono::NaiveDate;
use dateline::extract::time::{Timex, tag};

/// (sentence, words that must be found, value, modifier or "")
type Case = (&'static str, &'static str, &'static str, &'static str);

fn check(lang: &str, cases: &[Case]) {
    let reference = NaiveDate::from_ymd_opt(2025, 10, 28)
        .and_then(|d| d.and_hms_opt(11, 48, 0))
        .expect("date");
    let mut failures = Vec::new();
    for &(sentence, words, value, modifier) in cases {
        let found = tag(sentence, lang, reference);
        let hit: Option<&Timex> = found.iter().find(|t| {
            t.text.contains(words) || words.contains(t.text.as_str()) && !t.text.is_empty()
        });
        let ok = hit.is_some_and(|t| {
            t.value == value
                && t.modifier
                    .map(|m| format!("{m:?}").to_lowercase())
                    .unwrap_or_default()
                    == modifier
        });
        if !ok {
            let got: Vec<String> = found
                .iter()
                .map(|t| format!("'{}'={} {:?}", t.text, t.value, t.modifier))
                .collect();
            failures.push(format!(
                "[{lang}] {sentence:?}: want '{words}'={value} {modifier:?}, got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn check_none(lang: &str, sentences: &[&str]) {
    let reference = NaiveDate::from_ymd_opt(2025, 10, 28)
        .and_then(|d| d.and_hms_opt(11, 48, 0))
        .expect("date");
    for s in sentences {
        let found = tag(s, lang, reference);
        assert!(
            found.is_empty(),
            "[{lang}] {s:?} should have no date, got {found:?}"
        );
    }
}

#[test]
fn italian() {
    check(
        "it",
        &[
            (
                "Chas Pravdy - 28 Ottobre 2025 11:48",
                "28 Ottobre 2025 11:48",
                "2025-10-28T11:48",
                "",
            ),
            (
                "Data di creazione Novembre 8, 2025",
                "Novembre 8, 2025",
                "2025-11-08",
                "planned",
            ),
            (
                "Il vertice del 28/10/2025 è finito.",
                "28/10/2025",
                "2025-10-28",
                "",
            ),
            (
                "Il documento 2025-10-27 è pubblico.",
                "2025-10-27",
                "2025-10-27",
                "",
            ),
            (
                "Il 3 marzo 2024 è stato firmato.",
                "3 marzo 2024",
                "2024-03-03",
                "",
            ),
            (
                "Il primo maggio 2024 sono scesi in piazza.",
                "primo maggio 2024",
                "2024-05-01",
                "",
            ),
            (
                "Le elezioni di giugno 2024 hanno cambiato tutto.",
                "giugno 2024",
                "2024-06",
                "",
            ),
            ("Nel 2019 si erano incontrati.", "2019", "2019", ""),
            (
                "Negli anni '90 il paese era diverso.",
                "anni '90",
                "199",
                "",
            ),
            (
                "Negli anni novanta il paese era diverso.",
                "anni novanta",
                "199",
                "",
            ),
            (
                "Nel terzo trimestre 2024 il pil è cresciuto.",
                "terzo trimestre 2024",
                "2024-Q3",
                "",
            ),
            (
                "Nell'estate 2024 sono arrivati.",
                "estate 2024",
                "2024-SU",
                "",
            ),
            ("Ieri il ministro ha parlato.", "Ieri", "2025-10-27", ""),
            ("Oggi il ministro parla.", "Oggi", "2025-10-28", ""),
            (
                "L'incontro si è tenuto quattro giorni fa.",
                "quattro giorni fa",
                "2025-10-24",
                "",
            ),
            (
                "L'incontro si è tenuto 4 giorni fa.",
                "4 giorni fa",
                "2025-10-24",
                "",
            ),
            (
                "Due settimane fa è partito.",
                "Due settimane fa",
                "2025-10-14",
                "",
            ),
            ("Lo scorso anno hanno firmato.", "scorso anno", "2024", ""),
            ("L'anno scorso hanno firmato.", "anno scorso", "2024", ""),
            (
                "Il mese prossimo ci sarà il vertice.",
                "mese prossimo",
                "2025-11",
                "planned",
            ),
            (
                "Lunedì scorso si sono visti.",
                "Lunedì scorso",
                "2025-10-27",
                "",
            ),
            (
                "Si vedranno venerdì prossimo.",
                "venerdì prossimo",
                "2025-10-31",
                "planned",
            ),
            (
                "Hanno firmato a giugno dell'anno scorso un trattato.",
                "giugno dell'anno scorso",
                "2024-06",
                "",
            ),
            (
                "L'accordo è stato firmato a fine ottobre.",
                "fine ottobre",
                "2025-10",
                "end",
            ),
            (
                "All'inizio di marzo è iniziata l'offensiva.",
                "inizio di marzo",
                "2025-03",
                "start",
            ),
            (
                "A metà gennaio sono arrivati.",
                "metà gennaio",
                "2025-01",
                "mid",
            ),
            (
                "Da settembre sono arrivati 5.000 soldati.",
                "Da settembre",
                "2025-09",
                "since",
            ),
            (
                "Resteranno fino a marzo.",
                "fino a marzo",
                "2026-03",
                "until",
            ),
            (
                "Finirà entro la fine dell'anno.",
                "entro la fine dell'anno",
                "2025",
                "until",
            ),
            (
                "L'invasione è iniziata più di tre anni fa.",
                "più di tre anni fa",
                "2022",
                "before",
            ),
            (
                "È successo circa due anni fa.",
                "circa due anni fa",
                "2023",
                "approx",
            ),
            (
                "Sono arrivati intorno al 15 luglio.",
                "intorno al 15 luglio",
                "2025-07-15",
                "approx",
            ),
            (
                "Il forum si terrà tra il 3 e il 5 dicembre.",
                "tra il 3 e il 5 dicembre",
                "2025-12-03/2025-12-05",
                "planned",
            ),
            (
                "Il festival si è svolto dal 13 al 15 luglio.",
                "dal 13 al 15 luglio",
                "2025-07-13/2025-07-15",
                "",
            ),
            (
                "A luglio, durante la visita, ha ricevuto assicurazioni.",
                "luglio",
                "2025-07",
                "",
            ),
            (
                "Le esercitazioni sono previste per marzo.",
                "marzo",
                "2026-03",
                "planned",
            ),
            (
                "Gli attesi colloqui potrebbero concretizzarsi nel 2026.",
                "2026",
                "2026",
                "planned",
            ),
            (
                "Quattro giorni fa la prima visita; l'ultimo incontro nel 2019.",
                "2019",
                "2019",
                "",
            ),
        ],
    );
    check_none(
        "it",
        &[
            "Circa 10.000 soldati nordcoreani sono stati schierati.",
            "Il risarcimento arriva a 1,2 miliardi di dollari.",
            "Il missile ha percorso 700 chilometri.",
            "Circa 2000 soldati sono morti.",
            "Nel Mar del Giappone è caduto il missile.",
            "Fino al 40% delle munizioni russe.",
        ],
    );
}

#[test]
fn english() {
    check(
        "en",
        &[
            (
                "Published October 28, 2025 at 11:48",
                "October 28, 2025",
                "2025-10-28T11:48",
                "",
            ),
            (
                "They met on 3 March 2024 in Geneva.",
                "3 March 2024",
                "2024-03-03",
                "",
            ),
            (
                "They met on March 3rd, 2024 in Geneva.",
                "March 3rd, 2024",
                "2024-03-03",
                "",
            ),
            (
                "The deal of 10/28/2025 was signed.",
                "10/28/2025",
                "2025-10-28",
                "",
            ),
            ("In 2019 they met for the last time.", "2019", "2019", ""),
            ("It happened in June 2024.", "June 2024", "2024-06", ""),
            (
                "In the 1990s the country was different.",
                "1990s",
                "199",
                "",
            ),
            (
                "In the third quarter of 2024 growth slowed.",
                "third quarter of 2024",
                "2024-Q3",
                "",
            ),
            ("Last summer they arrived.", "Last summer", "2025-SU", ""),
            (
                "Yesterday the minister spoke.",
                "Yesterday",
                "2025-10-27",
                "",
            ),
            (
                "The meeting took place four days ago.",
                "four days ago",
                "2025-10-24",
                "",
            ),
            ("Two weeks ago he left.", "Two weeks ago", "2025-10-14", ""),
            ("Last year they signed a treaty.", "Last year", "2024", ""),
            (
                "The summit is due next month.",
                "next month",
                "2025-11",
                "planned",
            ),
            ("They met last Monday.", "last Monday", "2025-10-27", ""),
            (
                "They signed it in June last year.",
                "June last year",
                "2024-06",
                "",
            ),
            (
                "The deal was signed in late October.",
                "late October",
                "2025-10",
                "end",
            ),
            (
                "In early March the offensive began.",
                "early March",
                "2025-03",
                "start",
            ),
            (
                "Since September about 5,000 troops were sent.",
                "Since September",
                "2025-09",
                "since",
            ),
            (
                "They will stay until March.",
                "until March",
                "2026-03",
                "until",
            ),
            (
                "The invasion began more than three years ago.",
                "more than three years ago",
                "2022",
                "before",
            ),
            (
                "The festival ran from July 13 to 15.",
                "July 13 to 15",
                "2025-07-13/2025-07-15",
                "",
            ),
            (
                "The forum will be held between 3 and 5 December.",
                "between 3 and 5 December",
                "2025-12-03/2025-12-05",
                "planned",
            ),
            ("In mid-2024 the talks stalled.", "mid-2024", "2024", "mid"),
        ],
    );
    check_none(
        "en",
        &[
            "About 10,000 North Korean soldiers were deployed.",
            "The compensation reached $1.2 billion.",
            "The missile flew 700 kilometers.",
            "He may come back.",
            "Up to 40% of the munitions.",
        ],
    );
}

#[test]
fn spanish() {
    check(
        "es",
        &[
            (
                "Publicado el 28 de octubre de 2025",
                "28 de octubre de 2025",
                "2025-10-28",
                "",
            ),
            ("En 2019 se reunieron.", "2019", "2019", ""),
            ("Ayer habló el ministro.", "Ayer", "2025-10-27", ""),
            (
                "Hace cuatro días se reunieron.",
                "Hace cuatro días",
                "2025-10-24",
                "",
            ),
            (
                "El año pasado firmaron un tratado.",
                "año pasado",
                "2024",
                "",
            ),
            (
                "Firmaron en junio del año pasado.",
                "junio del año pasado",
                "2024-06",
                "",
            ),
            (
                "A finales de octubre se firmó.",
                "finales de octubre",
                "2025-10",
                "end",
            ),
            (
                "Desde septiembre llegaron 5.000 soldados.",
                "Desde septiembre",
                "2025-09",
                "since",
            ),
            (
                "La invasión empezó hace más de tres años.",
                "hace más de tres años",
                "2022",
                "before",
            ),
            (
                "El lunes pasado se reunieron.",
                "lunes pasado",
                "2025-10-27",
                "",
            ),
        ],
    );
    check_none(
        "es",
        &[
            "Unos 10.000 soldados fueron desplegados.",
            "La compensación llegó a 1,2 mil millones.",
        ],
    );
}

#[test]
fn german() {
    check(
        "de",
        &[
            (
                "Veröffentlicht am 28. Oktober 2025",
                "28. Oktober 2025",
                "2025-10-28",
                "",
            ),
            ("Im Jahr 2019 trafen sie sich.", "2019", "2019", ""),
            ("Gestern sprach der Minister.", "Gestern", "2025-10-27", ""),
            (
                "Vor vier Tagen trafen sie sich.",
                "Vor vier Tagen",
                "2025-10-24",
                "",
            ),
            (
                "Letztes Jahr unterzeichneten sie.",
                "Letztes Jahr",
                "2024",
                "",
            ),
            (
                "Sie unterzeichneten im Juni letzten Jahres.",
                "Juni letzten Jahres",
                "2024-06",
                "",
            ),
            (
                "Ende Oktober wurde unterzeichnet.",
                "Ende Oktober",
                "2025-10",
                "end",
            ),
            (
                "Seit September kamen 5.000 Soldaten.",
                "Seit September",
                "2025-09",
                "since",
            ),
            (
                "Der Einmarsch begann vor mehr als drei Jahren.",
                "vor mehr als drei Jahren",
                "2022",
                "before",
            ),
            (
                "Am 28.10.2025 wurde unterzeichnet.",
                "28.10.2025",
                "2025-10-28",
                "",
            ),
        ],
    );
    check_none(
        "de",
        &[
            "Rund 10.000 Soldaten wurden entsandt.",
            "Die Rakete flog 700 Kilometer.",
        ],
    );
}

#[test]
fn french() {
    check(
        "fr",
        &[
            (
                "Publié le 28 octobre 2025 à 11h48",
                "28 octobre 2025",
                "2025-10-28T11:48",
                "",
            ),
            ("En 2019, ils se sont rencontrés.", "2019", "2019", ""),
            ("Hier, le ministre a parlé.", "Hier", "2025-10-27", ""),
            (
                "Il y a quatre jours, ils se sont vus.",
                "Il y a quatre jours",
                "2025-10-24",
                "",
            ),
            (
                "L'année dernière, ils ont signé.",
                "année dernière",
                "2024",
                "",
            ),
            (
                "Fin octobre, l'accord a été signé.",
                "Fin octobre",
                "2025-10",
                "end",
            ),
            (
                "Depuis septembre, 5 000 soldats sont arrivés.",
                "Depuis septembre",
                "2025-09",
                "since",
            ),
            (
                "Le 1er mars 2024, ils se sont vus.",
                "1er mars 2024",
                "2024-03-01",
                "",
            ),
            (
                "Lundi dernier, ils se sont vus.",
                "Lundi dernier",
                "2025-10-27",
                "",
            ),
        ],
    );
    check_none("fr", &["Environ 10 000 soldats ont été déployés."]);
}

#[test]
fn ukrainian() {
    check(
        "uk",
        &[
            (
                "Опубліковано 28 жовтня 2025 року",
                "28 жовтня 2025 року",
                "2025-10-28",
                "",
            ),
            ("У 2019 році вони зустрілися.", "2019", "2019", ""),
            ("Вчора міністр виступив.", "Вчора", "2025-10-27", ""),
            (
                "Чотири дні тому вони зустрілися.",
                "Чотири дні тому",
                "2025-10-24",
                "",
            ),
            (
                "Минулого року вони підписали договір.",
                "Минулого року",
                "2024",
                "",
            ),
            (
                "Договір підписали в червні минулого року.",
                "червні минулого року",
                "2024-06",
                "",
            ),
            (
                "Наприкінці жовтня угоду підписали.",
                "Наприкінці жовтня",
                "2025-10",
                "end",
            ),
            (
                "З вересня прибули 5000 солдатів.",
                "З вересня",
                "2025-09",
                "since",
            ),
            (
                "Минулого понеділка вони зустрілися.",
                "Минулого понеділка",
                "2025-10-27",
                "",
            ),
        ],
    );
    check_none(
        "uk",
        &[
            "Близько 10 000 солдатів було розгорнуто.",
            "Червоний прапор майорів.",
        ],
    );
}

/// The parts of a week are drawn per language: English "early next week" runs
/// Monday to Wednesday and "the end of the week" Friday to Sunday; French
/// "en fin de semaine" starts on Thursday. (Reference: Tuesday 28 October 2025.)
#[test]
fn parts_of_a_week_follow_the_language() {
    let reference = NaiveDate::from_ymd_opt(2025, 10, 28)
        .and_then(|d| d.and_hms_opt(11, 48, 0))
        .expect("date");
    let days = |lang: &str, s: &str| {
        tag(s, lang, reference)
            .first()
            .map(|t| (t.start_date.to_string(), t.end_date.to_string()))
    };
    let span = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(
        days("en", "Talks resume early next week."),
        span("2025-11-03", "2025-11-05")
    );
    assert_eq!(
        days("en", "A deal is expected by the end of the week."),
        span("2025-10-31", "2025-11-02")
    );
    assert_eq!(
        days("fr", "Un accord est attendu en fin de semaine."),
        span("2025-10-30", "2025-11-02")
    );
    assert_eq!(
        days("de", "Die Gespräche beginnen Anfang nächster Woche."),
        span("2025-11-03", "2025-11-04")
    );
}

/// A range of weekdays whose first day would fall after its last, read on the
/// day between them, takes the first day from the week before.
#[test]
fn a_weekday_range_across_the_reference_day() {
    // Monday 27 October 2025: "between Sunday and Tuesday" past-leaning is
    // Sunday 19 to Tuesday 21 October, not nothing.
    let monday = NaiveDate::from_ymd_opt(2025, 10, 27)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("date");
    let found = tag(
        "Plus de 1 500 civils ont été tués entre dimanche et mardi.",
        "fr",
        monday,
    );
    let t = found.first().expect("a range");
    assert_eq!(
        (t.start_date.to_string(), t.end_date.to_string()),
        ("2025-10-19".to_string(), "2025-10-21".to_string())
    );
}

/// German cases added with the Duckling German failures in view: a weekday in
/// a week counted from now, a month with a shift, "after next" with its article,
/// an overnight range, Orthodox Clean Monday, and weekday abbreviations alone on
/// a line. (Reference: Tuesday 28 October 2025.)
#[test]
fn german_weekday_weeks_month_shifts_and_overnight_ranges() {
    check(
        "de",
        &[
            (
                "Das Treffen ist für Mittwoch in zwei Wochen geplant.",
                "Mittwoch in zwei Wochen",
                "2025-11-12",
                "planned",
            ),
            (
                "Der Angriff am Mittwoch vor zwei Wochen.",
                "Mittwoch vor zwei Wochen",
                "2025-10-15",
                "",
            ),
            (
                "Die Wahl folgt im übernächsten März.",
                "übernächsten März",
                "2027-03",
                "planned",
            ),
            (
                "Er kommt am Mittwoch nach dem nächsten.",
                "Mittwoch nach dem nächsten",
                "2025-11-05",
                "planned",
            ),
            (
                "In der Nacht vom 14. auf den 15. Oktober griffen Drohnen an.",
                "vom 14. auf den 15. Oktober",
                "2025-10-14/2025-10-15",
                "",
            ),
            (
                "Der Reine Montag 2026 eröffnet die orthodoxe Fastenzeit.",
                "Reine Montag 2026",
                "2026-02-23",
                "planned",
            ),
            ("Termin:\nfr.\n", "fr.", "2025-10-24", ""),
        ],
    );
    // "auf" alone is no range word, "so." and "Fr." in running text no weekday.
    check_none(
        "de",
        &[
            "Die Zahl stieg auf 1500.",
            "Fr. Müller sagte so. Das war alles.",
        ],
    );
}

/// A month with a shift in English and Italian. (Reference: 28 October 2025.)
#[test]
fn months_with_a_shift() {
    check(
        "en",
        &[
            (
                "The vote is due next March.",
                "next March",
                "2026-03",
                "planned",
            ),
            ("It happened last March.", "last March", "2025-03", ""),
        ],
    );
    check(
        "it",
        &[(
            "Il voto è previsto il prossimo marzo.",
            "prossimo marzo",
            "2026-03",
            "planned",
        )],
    );
}

#[test]
fn anaphoric_dates_count_from_the_date_spoken_of_last() {
    check(
        "es",
        &[
            (
                "El viernes la bolsa cayó, a pesar del informe publicado el mismo día por el Departamento de Trabajo.",
                "el mismo día",
                "2025-10-24",
                "",
            ),
            (
                "En 2008 la empresa recortó sus costes, más que el año anterior.",
                "el año anterior",
                "2007",
                "",
            ),
            (
                "La empresa ha recortado sus costes el año pasado, más que el año anterior.",
                "el año anterior",
                "2023",
                "",
            ),
            // With no date before it, the publication date stands in.
            (
                "Ese día el Nikkei bajó un 6,4 por ciento.",
                "Ese día",
                "2025-10-28",
                "",
            ),
            (
                "GM perdió 4.800 millones en el cuarto trimestre del 2005 y 8.600 millones en todo el año.",
                "todo el año",
                "2005",
                "",
            ),
            (
                "El lunes el Dow Jones cayó un 3,41 % y cerró la jornada en 7.114,3 puntos.",
                "la jornada",
                "2025-10-27",
                "",
            ),
            (
                "El Dow Jones descendió 416 puntos al cierre de la jornada del martes.",
                "la jornada del martes",
                "2025-10-28",
                "",
            ),
        ],
    );
    check_none(
        "es",
        &[
            "Provocó las mayores pérdidas experimentadas en un mismo día.",
            "Los sindicatos piden reducir la jornada laboral.",
        ],
    );
    check(
        "en",
        &[
            (
                "The storm hit on 3 March 2024 and the dam broke the following day.",
                "the following day",
                "2024-03-04",
                "",
            ),
            (
                "Profits fell in 2009; the previous year they had doubled.",
                "the previous year",
                "2008",
                "",
            ),
            (
                "Talks began on Monday and a deal was signed that same day.",
                "that same day",
                "2025-10-27",
                "",
            ),
        ],
    );
    check(
        "it",
        &[(
            "Il 12 marzo 2024 è stato firmato l'accordo; lo stesso giorno è partita la delegazione.",
            "lo stesso giorno",
            "2024-03-12",
            "",
        )],
    );
}

#[test]
fn a_quarter_without_a_year_is_the_nearest_one() {
    check(
        "es",
        &[
            (
                "Las pérdidas del tercer trimestre son menores de lo que habían previsto los analistas.",
                "tercer trimestre",
                "2025-Q3",
                "",
            ),
            (
                "Las ventas cayeron un 45 % en el segundo trimestre.",
                "segundo trimestre",
                "2025-Q2",
                "",
            ),
        ],
    );
    check(
        "en",
        &[(
            "The company will close ten plants in the first quarter.",
            "first quarter",
            "2026-Q1",
            "planned",
        )],
    );
}

#[test]
fn english_at_this_time_is_the_publication_day() {
    check(
        "en",
        &[(
            "At this time, no arrests have been made.",
            "At this time",
            "2025-10-28",
            "",
        )],
    );
}

#[test]
fn english_part_of_a_unit_in_one_word() {
    check(
        "en",
        &[
            ("The report is due at the EOM.", "EOM", "2025-10", "end"),
            ("Sales picked up at the BOM.", "BOM", "2025-10", "start"),
            ("Numbers will be final by EOY.", "EOY", "2025", "until"),
        ],
    );
}

#[test]
fn english_weekdays_counted_from_today() {
    check(
        "en",
        &[
            (
                "The vote is 3 fridays from now.",
                "3 fridays from now",
                "2025-11-14",
                "planned",
            ),
            (
                "It was two thursdays ago.",
                "two thursdays ago",
                "2025-10-16",
                "",
            ),
            (
                "It was 2 tuesdays back.",
                "2 tuesdays back",
                "2025-10-14",
                "",
            ),
        ],
    );
}

#[test]
fn the_same_period_of_another_year() {
    check(
        "es",
        &[
            (
                "Las ventas aumentaron un 43 % en febrero comparadas con el mismo período del año anterior.",
                "el mismo período del año anterior",
                "2024-02",
                "",
            ),
            (
                "El banco perdió 2.240 millones en el tercer trimestre de este año. En el mismo periodo del año anterior había ganado 704 millones.",
                "el mismo periodo del año anterior",
                "2024-Q3",
                "",
            ),
            (
                "Las ventas han caído un 35 % en enero, respecto al mismo mes del año anterior.",
                "mismo mes del año anterior",
                "2024-01",
                "",
            ),
        ],
    );
    check(
        "en",
        &[
            (
                "Sales rose 43% in February from the same month last year.",
                "the same month last year",
                "2024-02",
                "",
            ),
            (
                "It lost $2.24 billion in the third quarter; in the same period a year earlier it gained $704 million.",
                "the same period a year earlier",
                "2024-Q3",
                "",
            ),
            (
                "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
                "the entire year",
                "2005",
                "",
            ),
            (
                "The plant closed in March 2019; two years earlier it had 900 workers.",
                "two years earlier",
                "2017",
                "",
            ),
            (
                "Profit in the third quarter was $5 million, against a loss in the same period a year ago.",
                "the same period a year ago",
                "2024-Q3",
                "",
            ),
        ],
    );
}

#[test]
fn a_time_of_day_is_on_the_day_its_sentence_named() {
    check(
        "es",
        &[(
            "El 787 hizo su primer vuelo de prueba el pasado martes en Everett ( Washington ) a las 18:00 UTC.",
            "a las 18:00",
            "2025-10-21T18:00",
            "",
        )],
    );
    // Without a day before it in the sentence, it is on the publication day.
    check(
        "es",
        &[(
            "El martes cayó la bolsa. A las 18:00 UTC, el FTSE 100 había perdido un 5 %.",
            "A las 18:00",
            "2025-10-28T18:00",
            "",
        )],
    );
}

#[test]
fn english_holidays_with_rules_spans_and_years_in_words() {
    check(
        "en",
        &[
            (
                "Shops opened at dawn on Black Friday 2017.",
                "Black Friday 2017",
                "2017-11-24",
                "",
            ),
            (
                "Boss's Day 2021 fell on a Friday.",
                "Boss's Day 2021",
                "2021-10-15",
                "",
            ),
            (
                "Koningsdag 2014 was held on a Saturday.",
                "Koningsdag 2014",
                "2014-04-26",
                "",
            ),
            (
                "Meat sales fell during Lent 2018.",
                "Lent 2018",
                "2018-02-14/2018-03-31",
                "",
            ),
            (
                "Pilgrims came for Easter Sunday two thousand ten.",
                "Easter Sunday two thousand ten",
                "2010-04-04",
                "",
            ),
            (
                "The vote was held three days after Easter.",
                "three days after Easter",
                "2025-04-23",
                "",
            ),
            (
                "The parade returns for Thanksgiving in 3 years.",
                "Thanksgiving in 3 years",
                "2028-11-23",
                "planned",
            ),
        ],
    );
    check_none("en", &["The bank lent $5 billion to the government."]);
}

#[test]
fn english_counted_from_the_end_and_parts_of_units() {
    check(
        "en",
        &[
            (
                "It closed in the third last week of 2018.",
                "third last week of 2018",
                "2018-W50",
                "",
            ),
            (
                "It was signed on the fifth last day of May.",
                "fifth last day of May",
                "2025-05-27",
                "",
            ),
            (
                "The vote is set for March after next.",
                "March after next",
                "2027-03",
                "planned",
            ),
            (
                "Schools stay shut for the rest of the week.",
                "the rest of the week",
                "2025-10-28/2025-11-02",
                "",
            ),
            ("Fighting went on all week.", "all week", "2025-W44", ""),
        ],
    );
}

#[test]
fn english_quarters_with_their_year_and_weekdays_of_this_month() {
    check(
        "en",
        &[
            ("Revenue rose in 2018Q4.", "2018Q4", "2018-Q4", ""),
            ("Revenue rose in 18q4.", "18q4", "2018-Q4", ""),
            (
                "The board meets on the first Monday of the month.",
                "first Monday of the month",
                "2025-10-06",
                "",
            ),
            (
                "The board meets on the last Friday of next month.",
                "last Friday of next month",
                "2025-11-28",
                "planned",
            ),
            (
                "Prices fell during lent 2018.",
                "lent 2018",
                "2018-02-14/2018-03-31",
                "",
            ),
            (
                "Samvatsaradi 2018 fell on a Sunday.",
                "Samvatsaradi 2018",
                "2018-03-18",
                "",
            ),
        ],
    );
}

#[test]
fn spanish_decades_in_a_list() {
    check(
        "es",
        &[
            (
                "Libró Detroit de los coches con forma de caja de los 70 y 80.",
                "los 70",
                "197",
                "",
            ),
            (
                "Libró Detroit de los coches con forma de caja de los 70 y 80.",
                "80",
                "198",
                "",
            ),
            ("Fue una moda de los años 60 y 70.", "70", "197", ""),
        ],
    );
    check_none(
        "es",
        &[
            "El voto fue de 52-35, 8 menos de los 60 que se necesitan.",
            "Murieron tres de los 20.",
        ],
    );
}

#[test]
fn a_weekday_picks_the_year_or_month_of_a_date_without_one() {
    check(
        "en",
        &[
            // 18 July 2025 is a Friday; 18 July 2026 a Saturday.
            (
                "The talks ended on Fri, Jul 18.",
                "Fri, Jul 18",
                "2025-07-18",
                "",
            ),
            // 17 July 2026 is a Friday: the weekday moves the date to next year.
            (
                "The talks resume on Friday, July 17.",
                "Friday, July 17",
                "2026-07-17",
                "planned",
            ),
            // The 15th nearest 28 October 2025 that is a Thursday: 15 January 2026.
            (
                "The summit opens on Thu 15th.",
                "Thu 15th",
                "2026-01-15",
                "planned",
            ),
            // The weekday may also follow the date.
            (
                "The talks ended on Jul 18, Fri.",
                "Jul 18, Fri",
                "2025-07-18",
                "",
            ),
            (
                "The talks resume on July 17, Friday, in Geneva.",
                "July 17, Friday",
                "2026-07-17",
                "planned",
            ),
        ],
    );
    // Not a name that starts with a weekday.
    check(
        "en",
        &[(
            "On July 18, Sun Microsystems said it would cut jobs.",
            "July 18",
            "2025-07-18",
            "",
        )],
    );
}

#[test]
fn years_with_an_era() {
    check(
        "en",
        &[
            ("Rome was founded in 753 BC.", "753 BC", "BC0753", ""),
            ("The temple dates from 1200 B.C.", "1200 B.C.", "BC1200", ""),
            ("Augustus died in 14 a.d.", "14 a.d.", "0014", ""),
            ("The city fell in 70 AD.", "70 AD", "0070", ""),
            ("A coin from 300 BCE was found.", "300 BCE", "BC0300", ""),
        ],
    );
    check(
        "it",
        &[("Cesare morì nel 44 a.C. a Roma.", "44 a.C.", "BC0044", "")],
    );
    check(
        "de",
        &[(
            "Die Stadt wurde 753 v. Chr. gegründet.",
            "753 v. Chr.",
            "BC0753",
            "",
        )],
    );
    check(
        "fr",
        &[(
            "César meurt en 44 av. J.-C. à Rome.",
            "44 av. J.-C.",
            "BC0044",
            "",
        )],
    );
    check(
        "uk",
        &[(
            "Місто засноване у 753 р. до н. е.",
            "753 р. до н. е.",
            "BC0753",
            "",
        )],
    );
    // A number before "ad" is no year: "ad" is also a word.
    check_none("en", &["The campaign bought 30 ad slots."]);
}

#[test]
fn a_duration_from_a_day() {
    check(
        "en",
        &[
            (
                "The curfew holds for 10 days from 18th Dec.",
                "for 10 days from 18th Dec",
                "2025-12-18/2025-12-28",
                "planned",
            ),
            (
                "The curfew holds from 18th Dec for 10 days.",
                "from 18th Dec for 10 days",
                "2025-12-18/2025-12-28",
                "planned",
            ),
            (
                "The curfew holds 18th Dec for 10 days.",
                "18th Dec for 10 days",
                "2025-12-18/2025-12-28",
                "planned",
            ),
            // A long duration after a bare date belongs to the verb.
            (
                "He was elected on December 18, 2024 for four years.",
                "December 18, 2024",
                "2024-12-18",
                "",
            ),
        ],
    );
}

#[test]
fn a_year_in_two_digits_after_an_apostrophe() {
    check(
        "en",
        &[(
            "Asian stock markets slide; Nikkei at lowest level since '82.",
            "since '82",
            "1982",
            "since",
        )],
    );
    check_none(
        "en",
        &["Apple unveils new laptops and the iLife '11 software suite."],
    );
}

/// A day and month without a year is the occurrence nearest the publication date
/// (28 October 2025), unless a word says when: a future cue turns it forward, a past
/// tense back ("signed a peace agreement on June 27", written in October, is last June).
#[test]
fn past_tense_turns_a_yearless_day_back() {
    let cases: &[(&str, &[Case])] = &[
        (
            "it",
            &[
                ("È arrivato a Roma il 3 marzo.", "3 marzo", "2025-03-03", ""),
                (
                    "Il ministro ha firmato l'accordo il 3 marzo.",
                    "3 marzo",
                    "2025-03-03",
                    "",
                ),
                (
                    "Il vertice si terrà il 3 marzo.",
                    "3 marzo",
                    "2026-03-03",
                    "planned",
                ),
                ("Il 3 marzo a Roma.", "3 marzo", "2026-03-03", "planned"),
            ],
        ),
        (
            "en",
            &[
                (
                    "Kinshasa and Kigali signed a peace agreement on March 3.",
                    "March 3",
                    "2025-03-03",
                    "",
                ),
                ("The drills ended on March 3.", "March 3", "2025-03-03", ""),
                (
                    "The summit is scheduled for March 3.",
                    "March 3",
                    "2026-03-03",
                    "planned",
                ),
                // A date a few days ahead stays ahead even after a past tense.
                (
                    "The minister said the talks open on November 2.",
                    "November 2",
                    "2025-11-02",
                    "planned",
                ),
            ],
        ),
        (
            "es",
            &[
                (
                    "Llegó a Madrid el 3 de marzo.",
                    "3 de marzo",
                    "2025-03-03",
                    "",
                ),
                (
                    "Los ministros firmaron el acuerdo el 3 de marzo.",
                    "3 de marzo",
                    "2025-03-03",
                    "",
                ),
            ],
        ),
        (
            "de",
            &[
                ("Das Treffen war am 3. März.", "3. März", "2025-03-03", ""),
                (
                    "Er kam am 3. März nach Berlin.",
                    "3. März",
                    "2025-03-03",
                    "",
                ),
            ],
        ),
        (
            "fr",
            &[(
                "Ils se sont rencontrés le 3 mars.",
                "3 mars",
                "2025-03-03",
                "",
            )],
        ),
        (
            "uk",
            &[
                (
                    "Він прибув до Києва 3 березня.",
                    "3 березня",
                    "2025-03-03",
                    "",
                ),
                (
                    "Зустріч відбулася 3 березня.",
                    "3 березня",
                    "2025-03-03",
                    "",
                ),
                ("Зустріч 3 березня.", "3 березня", "2026-03-03", "planned"),
            ],
        ),
    ];
    for (lang, cases) in cases {
        check(lang, cases);
    }
}

/// A day number that starts a figure is no day: "a febbraio 4.000 tonnellate".
#[test]
fn a_figure_after_a_month_is_no_day() {
    check(
        "it",
        &[(
            "Il Programma alimentare mondiale ha consegnato a febbraio 4.000 tonnellate di cibo.",
            "febbraio",
            "2025-02",
            "",
        )],
    );
    check(
        "en",
        &[(
            "The agency delivered in February 4,000 tonnes of food.",
            "February",
            "2025-02",
            "",
        )],
    );
}

#[test]
fn the_nth_weekday_after_or_before_a_day() {
    check(
        "en",
        &[
            // Christmas 2025 is a Thursday: the Tuesdays after it are 30 December, 6 and
            // 13 January.
            (
                "The vote is on the third Tuesday after Christmas 2025.",
                "third Tuesday after Christmas 2025",
                "2026-01-13",
                "planned",
            ),
            // Easter 2026 is 5 April.
            (
                "Talks resume on the first Monday after Easter 2026.",
                "first Monday after Easter 2026",
                "2026-04-06",
                "planned",
            ),
            (
                "Shops shut on the last Friday before Christmas 2025.",
                "last Friday before Christmas 2025",
                "2025-12-19",
                "planned",
            ),
        ],
    );
}

#[test]
fn english_the_closest_day_to_another() {
    check(
        "en",
        &[
            // 5 October 2025 is a Sunday: the Monday after it is one day off, the one
            // before six.
            (
                "The closest Monday to Oct 5th 2025 was a holiday.",
                "closest Monday to Oct 5th 2025",
                "2025-10-06",
                "",
            ),
            (
                "The second closest Monday to Oct 5th 2025 was not.",
                "second closest Monday to Oct 5th 2025",
                "2025-09-29",
                "",
            ),
            (
                "It was the closest Christmas to today.",
                "closest Christmas to today",
                "2025-12-25",
                "planned",
            ),
            // Then 25 December 2024 (307 days back), then 2026 (423 days ahead).
            (
                "It was the 2nd closest Christmas to today.",
                "2nd closest Christmas to today",
                "2024-12-25",
                "",
            ),
        ],
    );
}

/// "This Monday" is the Monday of this week, unless the sentence speaks of the
/// future and that Monday is gone: then it is the coming one (published on a Tuesday).
#[test]
fn this_weekday_in_a_sentence_about_the_future_is_the_coming_one() {
    let cases: [(&str, &[Case]); 6] = [
        (
            "en",
            &[
                (
                    "Ministers will meet this Monday in Brussels.",
                    "this Monday",
                    "2025-11-03",
                    "planned",
                ),
                (
                    "Ministers met this Monday in Brussels.",
                    "this Monday",
                    "2025-10-27",
                    "",
                ),
                (
                    "The summit opens this Friday.",
                    "this Friday",
                    "2025-10-31",
                    "planned",
                ),
            ],
        ),
        (
            "it",
            &[
                (
                    "I ministri si incontreranno questo lunedì a Bruxelles.",
                    "questo lunedì",
                    "2025-11-03",
                    "planned",
                ),
                (
                    "I ministri si sono incontrati questo lunedì a Bruxelles.",
                    "questo lunedì",
                    "2025-10-27",
                    "",
                ),
            ],
        ),
        (
            "es",
            &[
                (
                    "Los ministros se reunirán este lunes en Bruselas.",
                    "este lunes",
                    "2025-11-03",
                    "planned",
                ),
                (
                    "Los ministros se reunieron este lunes en Bruselas.",
                    "este lunes",
                    "2025-10-27",
                    "",
                ),
            ],
        ),
        (
            "de",
            &[(
                "Die Minister werden sich diesen Montag in Brüssel treffen.",
                "diesen Montag",
                "2025-11-03",
                "planned",
            )],
        ),
        (
            "fr",
            &[(
                "Les ministres se réuniront ce lundi à Bruxelles.",
                "ce lundi",
                "2025-11-03",
                "planned",
            )],
        ),
        (
            "uk",
            &[(
                "Зустріч міністрів відбудеться цього понеділка в Брюсселі.",
                "цього понеділка",
                "2025-11-03",
                "planned",
            )],
        ),
    ];
    for (lang, c) in cases {
        check(lang, c);
    }
}
