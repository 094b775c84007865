//! Reading article files from disk: the one place where the library touches the
//! file system, shared by `dateline extract` and the app. Any failure becomes an
//! article with an error that names the reason, so that the other files go on.

use std::io::Read;
use std::path::Path;

use crate::article::{Article, IntakeOptions, MAX_ARTICLE_BYTES};

/// Reads one file (at most [`MAX_ARTICLE_BYTES`], plus one byte so that the cut is
/// reported) into an article.
pub fn read_article(path: &Path, opts: &IntakeOptions) -> Article {
    let source = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Article::failed(&source, &io_reason(&e)),
    };
    if meta.is_dir() {
        return Article::failed(&source, "is a directory, not an article file");
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(MAX_ARTICLE_BYTES as u64 + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return Article::failed(&source, &io_reason(&e));
    }
    Article::from_bytes(&source, &bytes, opts)
}

/// A short reason for an I/O error, for the user.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
