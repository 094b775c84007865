//! A language's event vocabulary compiled for look-up, built once per language.

use std::sync::OnceLock;

use crate::extract::lang::{EventKind, EventVocab, LangTable, event_vocab, table, tables};
use crate::extract::phrases::PhraseTable;

/// What a trigger form means.
pub type TriggerValue = (EventKind, &'static str);

/// The compiled event vocabulary of one language.
#[derive(Debug)]
pub struct Compiled {
    /// The vocabulary it was built from.
    pub vocab: &'static EventVocab,
    /// The language's time table (numbers, locatives).
    pub table: &'static LangTable,
    /// Trigger forms.
    pub triggers: PhraseTable<TriggerValue>,
    /// Gazetteer forms, as indexes into `vocab.entities`.
    pub entities: PhraseTable<usize>,
    /// Figure units, as indexes into `vocab.units`.
    pub units: PhraseTable<usize>,
    /// Multiplier words, as indexes into `vocab.multipliers`.
    pub multipliers: PhraseTable<usize>,
    /// Role words.
    pub roles: PhraseTable<()>,
    /// Possibility words.
    pub possibility: PhraseTable<()>,
    /// Words that attribute a sentence to its source (`false`: a longer form that
    /// attributes it to no one, "secondo cui").
    pub sources: PhraseTable<bool>,
    /// Words before the target of a launch.
    pub targets: PhraseTable<()>,
    /// What a launch fires.
    pub projectiles: PhraseTable<()>,
    /// Locative prepositions.
    pub locatives: PhraseTable<()>,
}

fn build(vocab: &'static EventVocab, table: &'static LangTable) -> Compiled {
    let mut c = Compiled {
        vocab,
        table,
        triggers: PhraseTable::default(),
        entities: PhraseTable::default(),
        units: PhraseTable::default(),
        multipliers: PhraseTable::default(),
        roles: PhraseTable::default(),
        possibility: PhraseTable::default(),
        sources: PhraseTable::default(),
        targets: PhraseTable::default(),
        projectiles: PhraseTable::default(),
        locatives: PhraseTable::default(),
    };
    for t in vocab.triggers {
        c.triggers.insert(t.form, (t.kind, t.subkind));
    }
    for (i, e) in vocab.entities.iter().enumerate() {
        c.entities.insert(e.form, i);
    }
    for (i, (form, _)) in vocab.units.iter().enumerate() {
        c.units.insert(form, i);
    }
    for (i, (form, _)) in vocab.multipliers.iter().enumerate() {
        c.multipliers.insert(form, i);
    }
    for r in vocab.roles {
        c.roles.insert(r, ());
    }
    for p in vocab.possibility {
        c.possibility.insert(p, ());
    }
    for p in vocab.projectiles {
        c.projectiles.insert(p, ());
    }
    for p in vocab.targets {
        c.targets.insert(p, ());
    }
    for p in vocab.sources {
        match p.strip_prefix('!') {
            Some(form) => c.sources.insert(form, false),
            None => c.sources.insert(p, true),
        }
    }
    for l in table.locatives {
        c.locatives.insert(l, ());
    }
    c
}

/// The compiled vocabulary of a language, built on first use.
pub fn compiled(code: &str) -> Option<&'static Compiled> {
    static ALL: OnceLock<Vec<Compiled>> = OnceLock::new();
    ALL.get_or_init(|| {
        tables()
            .into_iter()
            .filter_map(|t| Some(build(event_vocab(t.code)?, table(t.code)?)))
            .collect()
    })
    .iter()
    .find(|c| c.vocab.code == code)
}
