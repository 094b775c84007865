//! Fuzz target: a file's bytes through the whole extraction, as `dateline extract`
//! reads them (see `dateline_fuzz::extract_bytes`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::extract_bytes(data);
});
