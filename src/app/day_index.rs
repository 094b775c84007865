//! Sorted day numbers that the timeline searches every frame, laid out for the
//! cache: the days themselves, and every [`BLOCK`]th of them apart as a summary.
//! A search reads the summary (a million days make a summary of 250 KB, which
//! stays in the cache from frame to frame), then one block of [`BLOCK`] days
//! (four cache lines), instead of twenty scattered reads of the whole array.

use std::ops::Range;

/// Days per block of the summary.
const BLOCK: usize = 32;

/// Sorted day numbers with a summary of every [`BLOCK`]th one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayIndex {
    days: Vec<f64>,
    summary: Vec<f64>,
}

impl DayIndex {
    /// Indexes `days`, which must be sorted.
    pub fn new(days: Vec<f64>) -> Self {
        debug_assert!(days.is_sorted_by(|a, b| a <= b));
        let summary = days.iter().step_by(BLOCK).copied().collect();
        DayIndex { days, summary }
    }

    /// How many days there are.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// No days at all.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The `i`th day.
    pub fn get(&self, i: usize) -> Option<f64> {
        self.days.get(i).copied()
    }

    /// Like [`slice::partition_point`] over the days in `range` (clamped to the
    /// days there are), with `pred` true for a first part of them and false for
    /// the rest: the index of the first day for which it is false.
    pub fn partition_point(&self, range: Range<usize>, pred: impl Fn(f64) -> bool) -> usize {
        let to = range.end.min(self.days.len());
        let from = range.start.min(to);
        // The blocks that start inside the range, and how many of their first days pass.
        let first_block = from.div_ceil(BLOCK);
        let end_block = to.div_ceil(BLOCK).max(first_block);
        let passing = self
            .summary
            .get(first_block..end_block)
            .unwrap_or_default()
            .partition_point(|&d| pred(d));
        // The answer lies between the last block start that passes and the next one.
        let lo = if passing == 0 {
            from
        } else {
            (first_block + passing - 1) * BLOCK
        };
        let hi = ((first_block + passing) * BLOCK).min(to);
        let block = self.days.get(lo..hi.max(lo)).unwrap_or_default();
        lo + block.partition_point(|&d| pred(d))
    }

    /// The index of the first day in `range` not before `day`.
    pub fn first_from(&self, range: Range<usize>, day: f64) -> usize {
        self.partition_point(range, |d| d < day)
    }

    /// The index of the first day in `range` after `day`.
    pub fn first_after(&self, range: Range<usize>, day: f64) -> usize {
        self.partition_point(range, |d| d <= day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorted days with runs of equal ones, from a seeded generator.
    fn days(n: usize, seed: u64) -> Vec<f64> {
        let mut x = seed | 1;
        let mut day = 0.0;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if !x.is_multiple_of(3) {
                    day += (x % 5) as f64 * 0.5;
                }
                day
            })
            .collect()
    }

    #[test]
    fn every_search_finds_what_a_plain_binary_search_finds() {
        for (n, seed) in [
            (0, 1),
            (1, 2),
            (31, 3),
            (32, 4),
            (33, 5),
            (100, 6),
            (1000, 7),
        ] {
            let d = days(n, seed);
            let index = DayIndex::new(d.clone());
            let last = d.last().copied().unwrap_or(0.0);
            let mut queries: Vec<f64> = d.clone();
            queries.extend([-1.0, last + 1.0, 0.25, last / 2.0 + 0.25]);
            let bounds: Vec<usize> = [0, 1, 5, 31, 32, 33, 64, 65, n / 2, n, n + 3]
                .into_iter()
                .filter(|&b| b <= n + 3)
                .collect();
            for &from in &bounds {
                for &to in &bounds {
                    for &q in &queries {
                        let (f, t) = (from.min(n), to.min(n));
                        let slice = &d[f.min(t)..t];
                        let want_from = f.min(t) + slice.partition_point(|&x| x < q);
                        let want_after = f.min(t) + slice.partition_point(|&x| x <= q);
                        assert_eq!(
                            index.first_from(from..to, q),
                            want_from,
                            "{n} {from}..{to} {q}"
                        );
                        assert_eq!(
                            index.first_after(from..to, q),
                            want_after,
                            "{n} {from}..{to} {q}"
                        );
                    }
                }
            }
        }
    }
}
