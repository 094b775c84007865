//! A language's event vocabulary compiled for look-up, built once per language.

use std::sync::OnceLock;

use crate::extract::lang::{
    EventKind, EventVocab, LangTable, SPLIT, Sem, event_vocab, table, tables,
};
use crate::extract::phrases::PhraseTable;
use crate::extract::time::token::fold;

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
    /// Verbs whose particle ends the clause ("griff ... an"): the verb's forms, as
    /// indexes into `particles`.
    pub split_triggers: PhraseTable<usize>,
    /// The particle (folded words) and the trigger of each split verb.
    pub particles: Vec<(Vec<String>, TriggerValue)>,
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
    /// Troops, arms and armed forces.
    pub military: PhraseTable<()>,
    /// Speech verbs.
    pub speech: PhraseTable<()>,
    /// What names the doer of a deed.
    pub agents: PhraseTable<()>,
    /// Locative prepositions, each with its form as the table writes it.
    pub locatives: PhraseTable<&'static str>,
    /// The folded words of the time table that mean "and", for the sources joined
    /// by it (the table's forms are folded once here, not at every word asked).
    pub and_words: Vec<String>,
}

/// A table of word forms that mean nothing more than being there.
fn words(forms: &[&str]) -> PhraseTable<()> {
    let mut t = PhraseTable::default();
    for f in forms {
        t.insert(f, ());
    }
    t
}

fn build(vocab: &'static EventVocab, table: &'static LangTable) -> Compiled {
    let mut c = Compiled {
        vocab,
        table,
        triggers: PhraseTable::default(),
        split_triggers: PhraseTable::default(),
        particles: Vec::new(),
        entities: PhraseTable::default(),
        units: PhraseTable::default(),
        multipliers: PhraseTable::default(),
        roles: words(vocab.roles),
        possibility: words(vocab.possibility),
        sources: PhraseTable::default(),
        targets: words(vocab.targets),
        projectiles: words(vocab.projectiles),
        military: words(vocab.military),
        speech: words(vocab.speech),
        agents: words(vocab.agents),
        locatives: PhraseTable::default(),
        and_words: table
            .words
            .iter()
            .filter(|(_, sem)| *sem == Sem::And)
            .map(|(form, _)| fold(form))
            .collect(),
    };
    for form in table.locatives {
        c.locatives.insert(form, *form);
    }
    for t in vocab.triggers {
        // "griff ... an": the verb, and its particle at the end of the clause.
        match t.form.split_once(SPLIT) {
            Some((verb, particle)) => {
                let particle_words = particle.split_whitespace().map(fold).collect();
                c.split_triggers.insert(verb, c.particles.len());
                c.particles.push((particle_words, (t.kind, t.subkind)));
            }
            None => c.triggers.insert(t.form, (t.kind, t.subkind)),
        }
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
    for p in vocab.sources {
        match p.strip_prefix('!') {
            Some(form) => c.sources.insert(form, false),
            None => c.sources.insert(p, true),
        }
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
