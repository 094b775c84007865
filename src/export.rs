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
/// a caller may write each as soon as it is extracted. Generic over the writer so
/// that serializing into a `Vec` writes each piece without a virtual call.
pub fn write_jsonl_line<W: std::io::Write + ?Sized>(
    out: &mut W,
    article: &ArticleOut<'_>,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, article)?;
    writeln!(out)
}

/// The `json` document, `{"schema", "articles", "timeline"}`, pretty-printed as
/// serde_json prints it (two spaces an indent). Its articles and entries are
/// pretty-printed on all cores, a chunk at a time, and written in order: a year
/// of articles makes hundreds of MB of JSON, which one thread writes slowly.
fn write_document(
    out: &mut dyn std::io::Write,
    articles: &[ArticleOut<'_>],
    timeline: &[Entry],
) -> std::io::Result<()> {
    out.write_all(b"{\n  \"schema\": ")?;
    serde_json::to_writer(&mut *out, SCHEMA)?;
    out.write_all(b",\n  \"articles\": ")?;
    write_array(out, articles)?;
    out.write_all(b",\n  \"timeline\": ")?;
    write_array(out, timeline)?;
    out.write_all(b"\n}\n")
}

/// How many array items are pretty-printed at a time before they are written.
const PRETTY_CHUNK: usize = 512;

/// An array that is the value of a top-level key: `[]`, or its items one level in.
fn write_array<T: Serialize + Sync>(
    out: &mut dyn std::io::Write,
    items: &[T],
) -> std::io::Result<()> {
    use rayon::prelude::*;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (c, chunk) in items.chunks(PRETTY_CHUNK).enumerate() {
        let printed: Vec<std::io::Result<Vec<u8>>> = chunk
            .par_iter()
            .map(|item| {
                let alone = serde_json::to_vec_pretty(item)?;
                // Two levels in: four more spaces after each line break (JSON
                // strings have none of their own: they are escaped).
                let mut nested = Vec::with_capacity(alone.len() + alone.len() / 8 + 8);
                nested.extend_from_slice(b"\n    ");
                for &b in &alone {
                    nested.push(b);
                    if b == b'\n' {
                        nested.extend_from_slice(b"    ");
                    }
                }
                Ok(nested)
            })
            .collect();
        for (i, p) in printed.into_iter().enumerate() {
            if c > 0 || i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(&p?)?;
        }
    }
    out.write_all(b"\n  ]")
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
            write_document(out, articles, &entries)
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
