//! Event vocabulary: triggers, figure units, roles and the gazetteer (it).

use super::{Entity, EventVocab};

/// The event vocabulary.
pub static EVENTS: EventVocab = EventVocab {
    code: "it",
    triggers: &[],
    units: &[],
    multipliers: &[],
    roles: &[],
    possibility: &[],
    entities: &[] as &[Entity],
};
