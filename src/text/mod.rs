//! Bytes to clean text: decoding ([`decode`]), mojibake repair ([`repair`]),
//! and the main text and metadata of HTML ([`html`]) and Markdown ([`markdown`]).

pub mod decode;
pub mod repair;
