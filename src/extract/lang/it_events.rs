//! Event vocabulary: triggers, figure units, roles and the gazetteer (it).
//! (Provisional: a fuller table is on its way.)

use super::EntityKind::*;
use super::EventKind::*;
use super::{Entity, EventVocab, Trigger};

const fn t(form: &'static str, kind: super::EventKind, subkind: &'static str) -> Trigger {
    Trigger {
        form,
        kind,
        subkind,
    }
}

const fn e(
    form: &'static str,
    name: &'static str,
    kind: super::EntityKind,
    stands_for: Option<&'static str>,
) -> Entity {
    Entity {
        form,
        name,
        kind,
        stands_for,
    }
}

/// The event vocabulary.
pub static EVENTS: EventVocab = EventVocab {
    code: "it",
    triggers: &[
        t("incontro", Meeting, ""),
        t("incontri", Meeting, ""),
        t("incontrato", Meeting, ""),
        t("incontrati", Meeting, ""),
        t("incontro'", Meeting, ""),
        t("incontrò", Meeting, ""),
        t("colloqui", Meeting, "talks"),
        t("colloquio", Meeting, "talks"),
        t("visita", Meeting, "visit"),
        t("telefonata", Meeting, "call"),
        t("vertice", Meeting, "summit"),
        t("schierati", Deployment, ""),
        t("dispiegamenti", Deployment, ""),
        t("inviato", Deployment, ""),
        t("inviati", Deployment, ""),
        t("trattato", Treaty, "signing"),
        t("patto", Treaty, "signing"),
        t("firmato", Treaty, "signing"),
        t("fornendo", Aid, ""),
        t("fornisca", Aid, ""),
        t("fornito", Aid, ""),
        t("lancio", Test, ""),
        t("morti", Casualties, ""),
        t("uccisi", Casualties, ""),
        t("esercitazioni", Exercise, ""),
        t("confermato", Statement, ""),
        t("analisi", Statement, ""),
        t("riferito", Statement, ""),
    ],
    units: &[
        ("soldati", "soldiers"),
        ("truppe", "troops"),
        ("militari", "soldiers"),
        ("chilometri", "km"),
        ("dollari", "USD"),
        ("%", "percent"),
    ],
    multipliers: &[("miliardi", 1e9), ("milioni", 1e6), ("mila", 1e3)],
    roles: &[
        "ministro",
        "ministra",
        "presidente",
        "leader",
        "deputato",
        "ricercatrice",
        "vice ministro",
        "segretario",
    ],
    possibility: &["potrebbero", "potrebbe", "possibile"],
    entities: &[
        e("vladimir putin", "Vladimir Putin", Person, Some("Russia")),
        e("putin", "Vladimir Putin", Person, Some("Russia")),
        e("kim jong un", "Kim Jong Un", Person, Some("North Korea")),
        e("choe son hui", "Choe Son Hui", Person, Some("North Korea")),
        e("sergej lavrov", "Sergey Lavrov", Person, Some("Russia")),
        e("lavrov", "Sergey Lavrov", Person, Some("Russia")),
        e(
            "donald trump",
            "Donald Trump",
            Person,
            Some("United States"),
        ),
        e("trump", "Donald Trump", Person, Some("United States")),
        e(
            "pete hegseth",
            "Pete Hegseth",
            Person,
            Some("United States"),
        ),
        e("corea del nord", "North Korea", Country, None),
        e("corea del sud", "South Korea", Country, None),
        e("russia", "Russia", Country, None),
        e("ucraina", "Ukraine", Country, None),
        e("nordcoreana", "North Korea", Country, None),
        e("mosca", "Moscow", City, Some("Russia")),
        e("pyongyang", "Pyongyang", City, Some("North Korea")),
        e("seul", "Seoul", City, Some("South Korea")),
        e("pechino", "Beijing", City, Some("China")),
        e("cremlino", "Kremlin", Venue, Some("Russia")),
        e("alaska", "Alaska", Region, None),
        e("kursk", "Kursk", Region, None),
        e("panmunjon", "Panmunjom", Venue, None),
        e("kcna", "KCNA", Organisation, None),
        e("yonhap", "Yonhap", Organisation, None),
    ],
};
