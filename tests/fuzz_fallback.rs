//! The fuzz targets' bodies (`fuzz/src/lib.rs`) under proptest, so that a machine
//! without a nightly compiler still exercises the same entry points: random bytes,
//! and the seeds with random bytes changed, inserted and cut.
//!
//! `cargo test` runs a few hundred cases; `.ci/run` raises the count with
//! `DATELINE_FUZZ_CASES` when it cannot run the real fuzzers.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use proptest::prelude::*;

/// How many cases each property runs: `DATELINE_FUZZ_CASES`, else a quick default.
fn cases(default: u32) -> u32 {
    std::env::var("DATELINE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const EXTRACT_SEEDS: &[&[u8]] = &[
    include_bytes!("../fuzz/seeds/extract_bytes/000_baa33a4ea23e10ec.txt"),
    include_bytes!("../fuzz/seeds/extract_bytes/html_article.html"),
    include_bytes!("../fuzz/seeds/extract_bytes/utf16_bom.txt"),
    include_bytes!("../fuzz/seeds/extract_bytes/utf16_nobom.txt"),
    include_bytes!("../fuzz/seeds/extract_bytes/latin1.txt"),
    include_bytes!("../fuzz/seeds/extract_bytes/mojibake.txt"),
    include_bytes!("../fuzz/seeds/extract_bytes/markdown.md"),
    include_bytes!("../fuzz/seeds/extract_bytes/uk_udar_dnipro.txt"),
    include_bytes!("../fuzz/seeds/extract_bytes/de_kongo_waffenruhe.txt"),
];

const RESOLVE_SEEDS: &[&[u8]] = &[
    include_bytes!("../fuzz/seeds/resolve_time/it_minus5_anni_fa_2025"),
    include_bytes!("../fuzz/seeds/resolve_time/it_fine_fine_fine_ottobre_year0"),
    include_bytes!("../fuzz/seeds/resolve_time/it_99999_anni_fa_year99999"),
    include_bytes!("../fuzz/seeds/resolve_time/en_years_ago_max"),
    include_bytes!("../fuzz/seeds/resolve_time/uk_raw_text"),
    include_bytes!("../fuzz/seeds/resolve_time/resolver_ago_max"),
    include_bytes!("../fuzz/seeds/resolve_time/resolver_range"),
];

/// An edit of a seed: at a position (a fraction of its length), change, insert or cut bytes.
#[derive(Debug, Clone)]
enum Edit {
    Set(u16, u8),
    Insert(u16, Vec<u8>),
    Cut(u16, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<u16>(), any::<u8>()).prop_map(|(at, b)| Edit::Set(at, b)),
        (any::<u16>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<u16>(), any::<u8>()).prop_map(|(at, n)| Edit::Cut(at, n)),
    ]
}

fn mutate(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut v = seed.to_vec();
    let pos = |at: u16, len: usize| (usize::from(at) * (len + 1)) >> 16;
    for e in edits {
        match e {
            Edit::Set(at, b) => {
                let i = pos(*at, v.len());
                if let Some(x) = v.get_mut(i) {
                    *x = *b;
                }
            }
            Edit::Insert(at, bytes) => {
                let i = pos(*at, v.len()).min(v.len());
                v.splice(i..i, bytes.iter().copied());
            }
            Edit::Cut(at, n) => {
                let i = pos(*at, v.len()).min(v.len());
                let j = (i + usize::from(*n)).min(v.len());
                v.drain(i..j);
            }
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn extract_bytes_on_random_bytes(data in prop::collection::vec(any::<u8>(), 0..2048)) {
        harness::extract_bytes(&data);
    }

    #[test]
    fn extract_bytes_on_mutated_seeds(
        seed in prop::sample::select(EXTRACT_SEEDS),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        harness::extract_bytes(&mutate(seed, &edits));
    }

    #[test]
    fn resolve_time_on_random_bytes(data in prop::collection::vec(any::<u8>(), 0..256)) {
        harness::resolve_time(&data);
    }

    #[test]
    fn resolve_time_on_mutated_seeds(
        seed in prop::sample::select(RESOLVE_SEEDS),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        harness::resolve_time(&mutate(seed, &edits));
    }
}
