//! The whole extraction (intake, repair, HTML, language, publication date,
//! sentences, time expressions, events and entities), single-threaded, over a
//! generated corpus of at least 20 MB (see `corpus/mod.rs`). Criterion reports
//! the throughput in bytes per second.
//!
//! `cargo bench --bench extract` (set `DATELINE_BENCH_MB` for another size).
//! For the comparison with `wc -w` over the same files, run
//! `cargo run --release --example extract_speed`.

mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::article::{Article, IntakeOptions};
use std::hint::black_box;

fn corpus_mb() -> usize {
    std::env::var("DATELINE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

fn whole_extraction(c: &mut Criterion) {
    let files = corpus::build(corpus_mb() << 20);
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    let opts = IntakeOptions::default();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(
        format!("corpus_{}_files_{}_bytes", files.len(), total),
        |b| {
            b.iter(|| {
                let mut events = 0;
                for f in &files {
                    let article = Article::from_bytes(&f.name, &f.bytes, &opts);
                    let ex = dateline::extract::extract(&article);
                    events += ex.events.len() + ex.timexes.len();
                }
                black_box(events)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, whole_extraction);
criterion_main!(benches);
