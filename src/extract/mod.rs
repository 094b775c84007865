//! Extraction: pure functions from an article's text and reference date to
//! dated data. Nothing here touches files, the clock or the UI.

pub mod lang;
pub mod time;
