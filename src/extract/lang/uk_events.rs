//! Event vocabulary: triggers, figure units, roles and the gazetteer (uk).

use super::{Entity, EventVocab};

/// The event vocabulary.
pub static EVENTS: EventVocab = EventVocab {
    code: "uk",
    triggers: &[],
    units: &[],
    multipliers: &[],
    roles: &[],
    possibility: &[],
    entities: &[] as &[Entity],
};
