//! The `dateline` binary: the desktop app, or a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn news articles into an interactive chronology"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Eval {
            corpora,
            floors,
            failures,
            lang,
        }) => dateline_cli::eval(&corpora, floors.as_deref(), failures, lang.as_deref()),
        None => ExitCode::SUCCESS,
    }
}

mod dateline_cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

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
                        println!("all accuracy floors met");
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
