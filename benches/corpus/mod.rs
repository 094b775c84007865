//! A generated multilingual corpus for the speed benchmarks, built from the
//! repository's own articles: the two samples in `data/` and the event
//! fixtures in `tests/fixtures/events/{lang}/`. Each generated article takes
//! the header (headline and dateline) of one source and a shuffled mix of
//! paragraphs from the sources of the same language, so that texts differ
//! while staying real news prose; about a fifth come out as HTML, a tenth as
//! Markdown and some Latin-script plain texts as Windows-1252, so intake works
//! as it does on files from the web. Deterministic: the same size gives the
//! same corpus.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One generated file: a name (with its extension) and its bytes.
pub struct GenFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

struct Source {
    lang: String,
    header: Vec<String>,
    paragraphs: Vec<String>,
}

/// A small deterministic generator (xorshift64*), enough for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_source(path: &Path, lang: &str) -> Option<Source> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect();
    // The header runs to the first block with a four-digit number (the dateline),
    // within the first few blocks; everything after it is body.
    let cut = blocks
        .iter()
        .take(12)
        .position(|b| {
            b.len() < 120
                && b.as_bytes()
                    .windows(4)
                    .any(|w| w.iter().all(u8::is_ascii_digit))
        })
        .map_or(1, |p| p + 1);
    let (header, body) = blocks.split_at(cut.min(blocks.len()));
    Some(Source {
        lang: lang.to_string(),
        header: header.to_vec(),
        paragraphs: body.iter().filter(|p| p.len() > 40).cloned().collect(),
    })
}

fn sources() -> Vec<Source> {
    let root = root();
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("data"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    out.extend(paths.iter().filter_map(|p| read_source(p, "it")));
    for lang in ["it", "en", "es", "de", "fr", "uk"] {
        let dir = root.join("tests/fixtures/events").join(lang);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        paths.sort();
        out.extend(paths.iter().filter_map(|p| read_source(p, lang)));
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Builds at least `target_bytes` of articles.
pub fn build(target_bytes: usize) -> Vec<GenFile> {
    let sources = sources();
    assert!(!sources.is_empty(), "no source articles found");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut files = Vec::new();
    let mut total = 0;
    let mut k = 0usize;
    while total < target_bytes {
        let base = &sources[k % sources.len()];
        let same: Vec<&Source> = sources.iter().filter(|s| s.lang == base.lang).collect();
        let mut paras: Vec<&str> = base.paragraphs.iter().map(String::as_str).collect();
        // Articles of 3 to 9 KB: the base's paragraphs and others of its language.
        let want = 3000 + rng.below(6000);
        let mut size: usize = paras.iter().map(|p| p.len()).sum();
        while size < want {
            let other = same[rng.below(same.len())];
            if let Some(p) = other.paragraphs.get(rng.below(other.paragraphs.len())) {
                paras.push(p);
                size += p.len();
            } else {
                break;
            }
        }
        for i in (1..paras.len()).rev() {
            let j = rng.below(i + 1);
            paras.swap(i, j);
        }
        let title = base.header.first().cloned().unwrap_or_default();
        let dateline = base.header.get(1..).unwrap_or(&[]).join("\n\n");
        let roll = rng.below(100);
        let (ext, bytes) = if roll < 20 {
            let body: String = paras
                .iter()
                .map(|p| format!("<p>{}</p>\n", html_escape(p)))
                .collect();
            let html = format!(
                "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
                 <title>{t}</title><script>var tracking = {{\"id\": {k}}};</script>\
                 <style>p {{ margin: 0 }}</style></head><body>\
                 <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>\
                 <article><h1>{t}</h1><p class=\"dateline\">{d}</p>\n{body}</article>\
                 <footer>&copy; Example News</footer></body></html>",
                lang = base.lang,
                t = html_escape(&title),
                d = html_escape(&dateline),
            );
            ("html", html.into_bytes())
        } else if roll < 30 {
            let md = format!("# {title}\n\n{dateline}\n\n{}\n", paras.join("\n\n"));
            ("md", md.into_bytes())
        } else {
            let txt = format!("{title}\n\n{dateline}\n\n{}\n", paras.join("\n\n"));
            if roll < 38 && base.lang != "uk" {
                let (enc, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&txt);
                if unmappable {
                    ("txt", txt.into_bytes())
                } else {
                    ("txt", enc.into_owned())
                }
            } else {
                ("txt", txt.into_bytes())
            }
        };
        total += bytes.len();
        files.push(GenFile {
            name: format!("{k:05}_{}.{ext}", base.lang),
            bytes,
        });
        k += 1;
    }
    files
}

/// Writes the corpus into `dir` (created if needed) and returns the paths.
pub fn write(dir: &Path, files: &[GenFile]) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut paths = Vec::with_capacity(files.len());
    for f in files {
        let p = dir.join(&f.name);
        std::fs::write(&p, &f.bytes)?;
        paths.push(p);
    }
    Ok(paths)
}
