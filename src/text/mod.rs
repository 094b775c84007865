//! Bytes to clean text: decoding ([`decode`]), mojibake repair ([`repair`]),
//! and the main text and metadata of HTML ([`html`]) and Markdown ([`markdown`]).

pub mod decode;
pub mod html;
pub mod markdown;
pub mod repair;

/// The format a file's text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// HTML.
    Html,
    /// Markdown.
    Markdown,
}

/// Clean text and what the file says about itself.
#[derive(Debug, Clone, Default)]
pub struct Intake {
    /// The article's text, repaired.
    pub text: String,
    /// Title from HTML or Markdown, if any.
    pub title: Option<String>,
    /// Publication date string from metadata, if any.
    pub published: Option<String>,
    /// Language from metadata, if any.
    pub lang: Option<String>,
    /// Characters repaired.
    pub repairs: usize,
    /// Problems met on the way.
    pub warnings: Vec<String>,
}

/// The format from a file extension, else from the content.
pub fn format_for(ext: Option<&str>, content: &str) -> Format {
    match ext {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("md" | "markdown") => Format::Markdown,
        Some("txt") => Format::Text,
        _ if html::looks_like_html(content) => Format::Html,
        _ if markdown::looks_like_markdown(content) => Format::Markdown,
        _ => Format::Text,
    }
}

/// Decodes, repairs and strips markup: bytes of a file with extension `ext` to clean text.
pub fn intake(bytes: &[u8], ext: Option<&str>) -> Result<Intake, decode::DecodeError> {
    let decoded = decode::decode(bytes)?;
    let mut out = Intake {
        warnings: decoded.warnings,
        ..Intake::default()
    };
    let raw = decoded.text;
    let body = match format_for(ext, &raw) {
        Format::Html => {
            let doc = html::html_to_text(&raw);
            out.title = doc.title;
            out.published = doc.published;
            out.lang = doc.lang;
            out.warnings.extend(doc.warnings);
            doc.text
        }
        Format::Markdown => {
            let doc = markdown::markdown_to_text(&raw);
            out.title = doc.title;
            out.published = doc.published;
            doc.text
        }
        Format::Text => raw,
    };
    let repaired = repair::repair(&body);
    out.text = repaired.text;
    out.repairs = repaired.repairs;
    if out.repairs > 0 {
        out.warnings
            .push(format!("{} broken characters repaired", out.repairs));
    }
    if let Some(t) = out.title.take() {
        out.title = Some(repair::repair(&t).text);
    }
    Ok(out)
}
