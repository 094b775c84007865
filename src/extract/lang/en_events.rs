//! Event vocabulary: triggers, figure units, roles and the gazetteer (en).

use super::{Entity, EventVocab};

/// The event vocabulary.
pub static EVENTS: EventVocab = EventVocab {
    code: "en",
    triggers: &[],
    units: &[],
    multipliers: &[],
    roles: &[],
    possibility: &[],
    entities: &[] as &[Entity],
};
