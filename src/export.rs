//! Output formats of `dateline extract`: one JSON document (`json`), one
//! article object a line (`jsonl`), or one CSV row per timeline entry (`csv`).
//! The shapes are those of DESIGN.md, schema `dateline/1`.

use serde::Serialize;

use crate::article::Article;
use crate::extract::Extraction;
use crate::extract::events::Event;
use crate::extract::time::Timex;
use crate::timeline::{self, ArticleEvents, Entry};

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
    pub events: &'a [Event],
}

impl<'a> ArticleOut<'a> {
    /// Pairs an article with its extraction.
    pub fn new(article: &'a Article, extraction: &'a Extraction, with_text: bool) -> Self {
        ArticleOut {
            article,
            text: with_text.then_some(article.text.as_str()),
            timexes: &extraction.timexes,
            events: &extraction.events,
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    articles: &'a [ArticleOut<'a>],
    timeline: &'a [Entry],
}

/// The timeline of the given articles.
pub fn timeline_of(articles: &[ArticleOut<'_>]) -> Vec<Entry> {
    let per: Vec<ArticleEvents<'_>> = articles
        .iter()
        .map(|a| ArticleEvents {
            article: &a.article.id,
            events: a.events,
        })
        .collect();
    timeline::build(&per)
}

/// Writes one article as a line of `jsonl`: articles are independent there, so
/// a caller may write each as soon as it is extracted.
pub fn write_jsonl_line(
    out: &mut dyn std::io::Write,
    article: &ArticleOut<'_>,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, article)?;
    writeln!(out)
}

/// Writes the articles in `format`.
pub fn write(
    out: &mut dyn std::io::Write,
    format: Format,
    articles: &[ArticleOut<'_>],
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            let entries = timeline_of(articles);
            let doc = Document {
                schema: SCHEMA,
                articles,
                timeline: &entries,
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for a in articles {
                write_jsonl_line(&mut *out, a)?;
            }
            Ok(())
        }
        Format::Csv => {
            writeln!(
                out,
                "id,kind,subkind,label,value,grain,mod,start_date,end_date,origin,actors,places,figures,reports,conflicts"
            )?;
            for e in timeline_of(articles) {
                let subkind = e
                    .reports
                    .first()
                    .and_then(|r| {
                        articles
                            .iter()
                            .find(|a| a.article.id == r.article)?
                            .events
                            .iter()
                            .find(|x| x.id == r.event)?
                            .subkind
                            .clone()
                    })
                    .unwrap_or_default();
                let name = |v: serde_json::Result<serde_json::Value>| {
                    v.ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                };
                let row = [
                    e.id.clone(),
                    e.kind.name().to_string(),
                    subkind,
                    e.label.clone(),
                    e.date.value.clone(),
                    e.date.grain.name().to_string(),
                    e.date
                        .modifier
                        .map(|m| name(serde_json::to_value(m)))
                        .unwrap_or_default(),
                    e.date.start_date.to_string(),
                    e.date.end_date.to_string(),
                    name(serde_json::to_value(e.date.origin)),
                    e.actors.join("; "),
                    e.places.join("; "),
                    e.figures
                        .iter()
                        .map(|f| format!("{} {}", f.value, f.unit))
                        .collect::<Vec<_>>()
                        .join("; "),
                    e.reports
                        .iter()
                        .map(|r| format!("{}/{}", r.article, r.event))
                        .collect::<Vec<_>>()
                        .join("; "),
                    e.conflicts
                        .iter()
                        .map(|c| format!("{}: {}", c.field, c.values.join(" vs ")))
                        .collect::<Vec<_>>()
                        .join("; "),
                ];
                writeln!(
                    out,
                    "{}",
                    row.iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(",")
                )?;
            }
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
