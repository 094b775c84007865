//! Output formats of `dateline extract`: one JSON document (`json`), one
//! article object a line (`jsonl`), or one CSV row per timeline entry (`csv`).
//! The shapes are those of DESIGN.md, schema `dateline/1`.

use serde::Serialize;

use crate::article::Article;
use crate::extract::Extraction;
use crate::extract::time::Timex;

/// The schema name written into every JSON document.
pub const SCHEMA: &str = "dateline/1";

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object with articles and the timeline.
    #[default]
    Json,
    /// One article object per line.
    Jsonl,
    /// One row per timeline entry.
    Csv,
}

/// One article with what was extracted from it.
#[derive(Debug, Serialize)]
pub struct ArticleOut<'a> {
    /// The article's metadata.
    #[serde(flatten)]
    pub article: &'a Article,
    /// The article's text, with `--with-text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Time expressions.
    pub timexes: &'a [Timex],
    /// Events (dated, with actors and places).
    pub events: Vec<serde_json::Value>,
}

impl<'a> ArticleOut<'a> {
    /// Pairs an article with its extraction.
    pub fn new(article: &'a Article, extraction: &'a Extraction, with_text: bool) -> Self {
        ArticleOut {
            article,
            text: with_text.then_some(article.text.as_str()),
            timexes: &extraction.timexes,
            events: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    articles: &'a [ArticleOut<'a>],
    timeline: Vec<serde_json::Value>,
}

/// Writes the articles in `format`.
pub fn write(
    out: &mut dyn std::io::Write,
    format: Format,
    articles: &[ArticleOut<'_>],
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            let doc = Document {
                schema: SCHEMA,
                articles,
                timeline: Vec::new(),
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for a in articles {
                serde_json::to_writer(&mut *out, a)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            writeln!(
                out,
                "id,kind,label,value,grain,mod,start_date,end_date,reports,conflicts"
            )?;
            Ok(())
        }
    }
}

/// Quotes a CSV field when it needs it.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
