//! Extraction speed against `wc -w`, measured in one run over the same files.
//!
//! Writes the generated benchmark corpus (`benches/corpus`, default 24 MB) to
//! a folder, then times, best of `--runs`: `wc -w` over all its files, the
//! whole extraction single-threaded (read, intake, extraction, as
//! `dateline extract` does per file), and the same on all cores with rayon.
//!
//! `cargo run --release --example extract_speed -- [--mb N] [--dir PATH] [--runs N]`

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use dateline::article::IntakeOptions;
use rayon::prelude::*;

fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..runs {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed());
    }
    (best, out)
}

fn main() {
    let mut mb = 24usize;
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    let mut runs = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mb" => mb = args.next().and_then(|v| v.parse().ok()).unwrap_or(mb),
            "--dir" => dir = args.next().map(PathBuf::from).unwrap_or(dir),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let files = corpus::build(mb << 20);
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    let _ = std::fs::remove_dir_all(&dir);
    let paths = match corpus::write(&dir, &files) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot write the corpus to {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    println!(
        "corpus: {} files, {:.1} MB in {}",
        paths.len(),
        total as f64 / 1e6,
        dir.display()
    );

    // The files just written go to disk now, not while extraction is timed, and
    // the corpus's own memory is given back before the heap is measured against.
    let _ = Command::new("sync").status();
    drop(files);

    // Warm the page cache and the tables once.
    let opts = IntakeOptions::default();
    let one = |p: &PathBuf| {
        let a = dateline::read::read_article(p, &opts);
        let ex = dateline::extract::extract(&a);
        ex.timexes.len() + ex.events.len()
    };
    let _ = paths.iter().take(50).map(one).sum::<usize>();

    let (wc, words) = best_of(runs, || {
        let out = Command::new("wc").arg("-w").args(&paths).output();
        match out {
            Ok(o) => String::from_utf8_lossy(&o.stdout)
                .lines()
                .last()
                .and_then(|l| l.split_whitespace().next()?.parse().ok())
                .unwrap_or(0),
            Err(_) => 0,
        }
    });
    let (single, found) = best_of(runs, || paths.iter().map(one).sum());
    let (parallel, _) = best_of(runs, || paths.par_iter().map(one).sum());
    let mbs = |d: Duration| total as f64 / 1e6 / d.as_secs_f64();
    println!("wc -w: {words} words in {:.3} s", wc.as_secs_f64());
    println!(
        "extract, 1 thread: {:.3} s, {:.1} MB/s, {found} time expressions and events, {:.1}x wc -w",
        single.as_secs_f64(),
        mbs(single),
        single.as_secs_f64() / wc.as_secs_f64()
    );
    println!(
        "extract, {} threads: {:.3} s, {:.1} MB/s, {:.1}x wc -w",
        rayon::current_num_threads(),
        parallel.as_secs_f64(),
        mbs(parallel),
        parallel.as_secs_f64() / wc.as_secs_f64()
    );
}
