//! The `dateline` binary: the desktop app, or a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn news articles into an interactive chronology",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or folders to open in the app (without them: the last session).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract dated events and time expressions from article files and print them.
    Extract {
        /// Article files (.txt, .html, .htm, .md).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Publication date for all files: YYYY-MM-DD or YYYY-MM-DDTHH:MM, optionally with an offset.
        #[arg(long, value_parser = parse_published)]
        published: Option<(chrono::NaiveDateTime, bool)>,
        /// Language: it, en, es, de, fr, uk, or auto.
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// Include each article's repaired text (offsets point into it).
        #[arg(long)]
        with_text: bool,
    },
    /// Score the time tagger on test corpora (Duckling/rustling JSON Lines, MEANTIME JSON).
    Eval {
        /// Corpus files or folders.
        corpora: Vec<PathBuf>,
        /// Fail if a score is below a floor in this file.
        #[arg(long)]
        floors: Option<PathBuf>,
        /// Print up to N failed rows per corpus.
        #[arg(long, default_value_t = 0)]
        failures: usize,
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum OutputFormat {
    Json,
    Jsonl,
    Csv,
}

/// `--published`: a date, or a date and time, with an optional offset (kept as wall time).
fn parse_published(s: &str) -> Result<(chrono::NaiveDateTime, bool), String> {
    use chrono::{NaiveDate, NaiveDateTime};
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok((dt.naive_local(), true));
    }
    for fmt in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%MZ"] {
        if let Ok(dt) = chrono::DateTime::parse_from_str(s, fmt) {
            return Ok((dt.naive_local(), true));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok((dt, true));
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|dt| (dt, false))
        .ok_or_else(|| format!("'{s}' is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract {
            files,
            published,
            lang,
            format,
            with_text,
        }) => {
            let format = match format {
                OutputFormat::Json => dateline::export::Format::Json,
                OutputFormat::Jsonl => dateline::export::Format::Jsonl,
                OutputFormat::Csv => dateline::export::Format::Csv,
            };
            let lang = (lang != "auto").then_some(lang);
            dateline_cli::extract(
                &files,
                dateline::article::IntakeOptions { lang, published },
                format,
                with_text,
            )
        }
        Some(Command::Eval {
            corpora,
            floors,
            failures,
            lang,
        }) => dateline_cli::eval(&corpora, floors.as_deref(), failures, lang.as_deref()),
        #[cfg(feature = "app")]
        None => dateline::app::run(cli.paths),
        #[cfg(not(feature = "app"))]
        None => {
            eprintln!("dateline: built without the app; use `dateline extract` or `dateline eval`");
            ExitCode::FAILURE
        }
    }
}

mod dateline_cli {
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use dateline::article::{Article, IntakeOptions};
    use dateline::export::{self, ArticleOut};
    use rayon::prelude::*;

    pub fn extract(
        files: &[PathBuf],
        opts: IntakeOptions,
        format: export::Format,
        with_text: bool,
    ) -> ExitCode {
        let one = |p: &PathBuf| {
            // The user named these paths: a pipe (`<(curl …)`) is read like a file.
            let mut article = dateline::read::read_article_or_pipe(p, &opts);
            let extraction = dateline::extract::extract(&article);
            article.warnings.extend(extraction.warnings.iter().cloned());
            // Offsets are all the output needs of the text unless it is asked for:
            // a year of articles need not stay in memory until the end.
            if !with_text {
                article.text = String::new();
            }
            (article, extraction)
        };
        if format == export::Format::Jsonl {
            return extract_jsonl(files, &one, with_text);
        }
        let results: Vec<(Article, dateline::extract::Extraction)> =
            files.par_iter().map(one).collect();
        let mut failed = false;
        for (a, _) in &results {
            if let Some(e) = error_line(a) {
                eprintln!("{e}");
                failed = true;
            }
        }
        let outs: Vec<ArticleOut<'_>> = results
            .iter()
            .map(|(a, x)| ArticleOut::new(a, x, with_text))
            .collect();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = export::write(&mut out, format, &outs).and_then(|()| out.flush());
        exit_code(failed, written)
    }

    /// The line `dateline: FILE: REASON` for an article that could not be read.
    fn error_line(a: &Article) -> Option<String> {
        a.error
            .as_ref()
            .map(|e| format!("dateline: {}: {e}", a.source))
    }

    /// 1 if a file failed or the output could not be written (a closed pipe is no
    /// error: the reader had enough), else 0.
    fn exit_code(failed: bool, written: std::io::Result<()>) -> ExitCode {
        match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("dateline: writing output: {e}");
                ExitCode::FAILURE
            }
            _ if failed => ExitCode::FAILURE,
            _ => ExitCode::SUCCESS,
        }
    }

    /// How many files `jsonl` output extracts at a time, on all cores, before it
    /// writes them in order: enough to keep the cores busy, few enough that a year
    /// of articles is never held in memory at once.
    const JSONL_CHUNK: usize = 256;

    /// Bytes reserved for one `jsonl` line: about what an article of the bench
    /// corpus makes (28 KB on average).
    const JSONL_LINE_BYTES: usize = 32 * 1024;

    /// `jsonl`: each article is its own line, so the files go through in chunks,
    /// extracted and serialized on all cores and written in the order given.
    fn extract_jsonl(
        files: &[PathBuf],
        one: &(dyn Fn(&PathBuf) -> (Article, dateline::extract::Extraction) + Sync),
        with_text: bool,
    ) -> ExitCode {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut failed = false;
        let mut write_all = || -> std::io::Result<()> {
            for chunk in files.chunks(JSONL_CHUNK) {
                let lines: Vec<(Option<String>, Vec<u8>)> = chunk
                    .par_iter()
                    .map(|p| {
                        let (article, extraction) = one(p);
                        // Room for a typical article's line, which would otherwise be
                        // regrown and copied a dozen times while it is written.
                        let mut line = Vec::with_capacity(JSONL_LINE_BYTES);
                        // Writing into memory fails only if serializing does, which it does not.
                        let _ = export::write_jsonl_line(
                            &mut line,
                            &ArticleOut::new(&article, &extraction, with_text),
                        );
                        (error_line(&article), line)
                    })
                    .collect();
                for (error, line) in lines {
                    if let Some(e) = error {
                        eprintln!("{e}");
                        failed = true;
                    }
                    out.write_all(&line)?;
                }
            }
            out.flush()
        };
        let written = write_all();
        exit_code(failed, written)
    }

    use dateline::eval::{Report, check_floors, parse_floors, score_meantime, score_phrases};

    fn corpus_files(paths: &[PathBuf]) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut stack = vec![p.clone()];
                while let Some(d) = stack.pop() {
                    let Ok(rd) = std::fs::read_dir(&d) else {
                        continue;
                    };
                    let mut entries: Vec<PathBuf> =
                        rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    entries.sort();
                    for e in entries {
                        if e.is_dir() {
                            stack.push(e);
                        } else if matches!(
                            e.extension().and_then(|x| x.to_str()),
                            Some("jsonl" | "json")
                        ) {
                            out.push(e);
                        }
                    }
                }
            } else {
                out.push(p.clone());
            }
        }
        out.sort();
        out
    }

    pub fn eval(
        corpora: &[PathBuf],
        floors: Option<&Path>,
        failures: usize,
        lang: Option<&str>,
    ) -> ExitCode {
        let mut reports: Vec<Report> = Vec::new();
        let mut bad = false;
        for path in corpus_files(corpora) {
            let content = match std::fs::read_to_string(&path) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("dateline: {}: {e}", path.display());
                    bad = true;
                    continue;
                }
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let mut report = if name.ends_with(".json") {
                score_meantime(&content)
            } else {
                let corpus = name.split('_').next().unwrap_or("duckling");
                score_phrases(corpus, &content)
            };
            if let Some(l) = lang {
                report.scores.retain(|(rl, _), _| rl == l);
                report.failures.retain(|f| f.lang == l);
            }
            print!("{report}");
            for f in report.failures.iter().take(failures) {
                println!(
                    "  FAIL [{}] {:?}: expected {} | got {}",
                    f.lang, f.text, f.expected, f.got
                );
            }
            reports.push(report);
        }
        if let Some(fp) = floors {
            match std::fs::read_to_string(fp) {
                Ok(c) => {
                    let broken = check_floors(&reports, &parse_floors(&c));
                    for b in &broken {
                        eprintln!("floor not met: {b}");
                    }
                    if broken.is_empty() {
                        let _ = writeln!(std::io::stdout(), "all accuracy floors met");
                    } else {
                        bad = true;
                    }
                }
                Err(e) => {
                    eprintln!("dateline: {}: {e}", fp.display());
                    bad = true;
                }
            }
        }
        if bad {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}
