//! Dateline turns a pile of news articles into a chronology.
//!
//! The data flow: bytes from a file go through [`text`] (decode, repair,
//! HTML/Markdown to text) into an [`article::Article`] with its language and
//! publication date; [`extract`] finds its sentences, time expressions and
//! events against that date; the timeline merges all articles' events; and
//! [`export`] writes them out. Only `main.rs` and the app touch files,
//! the clock or the screen.

#[cfg(feature = "app")]
pub mod app;
pub mod article;
pub mod eval;
pub mod export;
pub mod extract;
pub mod read;
pub mod text;
pub mod timeline;
