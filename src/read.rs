//! Reading article files from disk: the one place where the library touches the
//! file system, shared by `dateline extract` and the app. Any failure becomes an
//! article with an error that names the reason, so that the other files go on.
//!
//! A file is opened once and read once, at most [`MAX_ARTICLE_BYTES`] and one
//! byte more, into memory; everything after works on that copy, so a file that
//! changes or disappears while it is being loaded gives the bytes that one read
//! returned, or a clear error, never a mix. Only regular files are read: a
//! named pipe could block the reader for ever, and a device never ends. The
//! command line alone also reads a named pipe the user names
//! ([`read_article_or_pipe`]: `dateline extract <(curl …)`), waiting for it as
//! `cat` would.

use std::fs::Metadata;
use std::io::Read;
use std::path::Path;

use crate::article::{Article, IntakeOptions, MAX_ARTICLE_BYTES};

/// Reads one file (at most [`MAX_ARTICLE_BYTES`], plus one byte so that the cut is
/// reported) into an article. Anything but a regular file is refused.
pub fn read_article(path: &Path, opts: &IntakeOptions) -> Article {
    read(path, opts, false)
}

/// [`read_article`] that also reads a named pipe, for a path the user typed: it waits
/// for the writer, as `cat` would.
pub fn read_article_or_pipe(path: &Path, opts: &IntakeOptions) -> Article {
    read(path, opts, true)
}

fn read(path: &Path, opts: &IntakeOptions, pipes: bool) -> Article {
    let source = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Article::failed(&source, &path_reason(path, &e)),
    };
    if let Some(reason) = not_a_file(&meta, pipes) {
        return Article::failed(&source, reason);
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| {
        // The path may name something else by now: check what was opened.
        let opened = f.metadata()?;
        if let Some(reason) = not_a_file(&opened, pipes) {
            return Err(std::io::Error::other(reason));
        }
        let limit = MAX_ARTICLE_BYTES as u64 + 1;
        // Room for the whole file at once, as `std::fs::read` makes: reading through
        // `take` gives no size hint, and the buffer would grow by doubling.
        bytes.reserve_exact(usize::try_from(opened.len().min(limit)).unwrap_or(0));
        f.take(limit).read_to_end(&mut bytes)
    });
    if let Err(e) = read {
        return Article::failed(&source, &path_reason(path, &e));
    }
    Article::from_bytes(&source, &bytes, opts)
}

/// Why `meta` is not something to read as an article, if it is not (a named pipe is
/// fine with `pipes`).
fn not_a_file(meta: &Metadata, pipes: bool) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_dir() {
        return Some("is a directory, not an article file");
    }
    if t.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            if pipes {
                return None;
            }
            return Some("is a named pipe, not an article file (reading it could wait for ever)");
        }
        if t.is_socket() {
            return Some("is a socket, not an article file");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("is a device, not an article file");
        }
    }
    Some("is not a regular file")
}

/// The OS error number for "too many levels of symbolic links".
#[cfg(any(target_os = "linux", target_os = "android"))]
const ELOOP: Option<i32> = Some(40);
#[cfg(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
))]
const ELOOP: Option<i32> = Some(62);
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
)))]
const ELOOP: Option<i32> = None;

/// A short reason for an I/O error on `path`, for the user; symbolic links that lead
/// nowhere or round in circles are told apart from missing files.
fn path_reason(path: &Path, e: &std::io::Error) -> String {
    if ELOOP.is_some() && e.raw_os_error() == ELOOP {
        return "symbolic link loop: the links lead back to themselves".to_string();
    }
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && e.kind() == std::io::ErrorKind::NotFound {
        return "broken symbolic link: what it points to does not exist".to_string();
    }
    io_reason(e)
}

/// A short reason for an I/O error, for the user.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotADirectory => "a folder in its path is a file".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_as_short_reasons() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            io_reason(&Error::from(ErrorKind::PermissionDenied)),
            "permission denied"
        );
        assert_eq!(io_reason(&Error::from(ErrorKind::NotFound)), "no such file");
        if let Some(eloop) = ELOOP {
            assert!(
                path_reason(Path::new("/x"), &Error::from_raw_os_error(eloop))
                    .starts_with("symbolic link loop")
            );
        }
    }

    /// A file whose size on disk says nothing about its content (as for a file that
    /// grows or shrinks while it is read): the reader trusts the read, not the size.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_whose_size_says_zero_is_read_for_what_it_holds() {
        let path = Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(path).map(|m| m.len()).ok(), Some(0));
        let a = read_article(path, &IntakeOptions::default());
        assert!(a.error.is_none(), "{:?}", a.error);
        assert!(a.text.contains("Name:"));
    }
}
