//! Fuzz target: the time tagger and the resolver alone against adversarial
//! reference dates and phrases (see `dateline_fuzz::resolve_time`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::resolve_time(data);
});
