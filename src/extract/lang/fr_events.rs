//! Event vocabulary: triggers, figure units, roles and the gazetteer (fr).

use super::{Entity, EventVocab};

/// The event vocabulary.
pub static EVENTS: EventVocab = EventVocab {
    code: "fr",
    triggers: &[],
    units: &[],
    multipliers: &[],
    roles: &[],
    possibility: &[],
    entities: &[] as &[Entity],
};
