//! Event vocabulary: triggers, figure units, roles and the gazetteer (de).

use super::{Entity, EventVocab};

/// The event vocabulary.
pub static EVENTS: EventVocab = EventVocab {
    code: "de",
    triggers: &[],
    units: &[],
    multipliers: &[],
    roles: &[],
    possibility: &[],
    entities: &[] as &[Entity],
};
