//! The saved session on disk: a JSON file of its own in the app's data folder
//! (beside eframe's `app.ron`, which keeps only window and egui state).
//!
//! Saving is atomic: the JSON goes to a temporary file in the same folder,
//! is flushed to the disk, and only then renamed over the old file, so a
//! crash, a full disk or a power cut while saving leaves the last good
//! session in place. eframe's own storage truncates its file and writes in
//! place, which is why the session no longer lives there.
//!
//! A session file that cannot be read is never overwritten: it is moved
//! aside to a timestamped `.bak` file, the app starts with its defaults, and
//! the notice returned says so and where the backup is. The clock is the
//! caller's: [`SessionFile::load`] takes the time to stamp a backup with.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::app::state::Session;

/// The session file's name in the app's data folder.
pub const SESSION_FILE_NAME: &str = "session.json";

/// Where the session is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFile {
    path: PathBuf,
}

/// What [`SessionFile::load`] found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadedSession {
    /// The session, if there was one and it could be read.
    pub session: Option<Session>,
    /// A message for the user when something was wrong.
    pub notice: Option<String>,
    /// False when a bad file could not even be moved aside: then saving would destroy it,
    /// so the app must not save over it.
    pub may_save: bool,
    /// No session file existed (the first run, or one from before it had a file of its own).
    pub absent: bool,
}

impl SessionFile {
    /// The session file at `path` (tests use a temporary folder).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        SessionFile { path: path.into() }
    }

    /// The session file in the app's data folder for `app_id`
    /// (on Linux `~/.local/share/dateline/session.json`), if the platform has one.
    pub fn in_data_dir(app_id: &str) -> Option<Self> {
        eframe::storage_dir(app_id).map(|d| SessionFile::new(d.join(SESSION_FILE_NAME)))
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary file a save writes before renaming it over the session file
    /// (one per process, so that two running apps never write into the same one).
    pub fn temp_path(&self) -> PathBuf {
        sibling(&self.path, &format!(".{}.tmp", std::process::id()))
    }

    /// Where a bad session file goes when it is moved aside at `now`.
    pub fn backup_path(&self, now: NaiveDateTime) -> PathBuf {
        let stamp = now.format("%Y%m%dT%H%M%S");
        let first = sibling(&self.path, &format!(".{stamp}.bak"));
        if !first.exists() {
            return first;
        }
        (1..1000)
            .map(|i| sibling(&self.path, &format!(".{stamp}-{i}.bak")))
            .find(|p| !p.exists())
            .unwrap_or(first)
    }

    /// Reads the session. A missing file is no session and no message; a file that cannot
    /// be read or parsed is moved aside to [`SessionFile::backup_path`] at `now`.
    pub fn load(&self, now: NaiveDateTime) -> LoadedSession {
        let reason = match fs::read(&self.path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return LoadedSession {
                    may_save: true,
                    absent: true,
                    ..LoadedSession::default()
                };
            }
            Err(e) => e.to_string(),
            Ok(bytes) => match serde_json::from_slice::<Session>(&bytes) {
                Ok(session) => {
                    return LoadedSession {
                        session: Some(session),
                        notice: None,
                        may_save: true,
                        absent: false,
                    };
                }
                Err(e) => format!("not a valid session: {e}"),
            },
        };
        let backup = self.backup_path(now);
        let shown = self.path.display();
        match fs::rename(&self.path, &backup) {
            Ok(()) => LoadedSession {
                session: None,
                notice: Some(format!(
                    "The saved session {shown} could not be read ({reason}). It was kept as {} and Dateline started afresh.",
                    backup.display()
                )),
                may_save: true,
                absent: false,
            },
            Err(e) => LoadedSession {
                session: None,
                notice: Some(format!(
                    "The saved session {shown} could not be read ({reason}) nor moved aside ({e}). Dateline started afresh and will not save over it."
                )),
                may_save: false,
                absent: false,
            },
        }
    }

    /// Writes the text of a session that could not be read (from an older place) to a
    /// backup file at `now`, and returns that file.
    pub fn keep_aside(&self, text: &str, now: NaiveDateTime) -> io::Result<PathBuf> {
        let backup = self.backup_path(now);
        write_atomically(&backup, text.as_bytes())?;
        Ok(backup)
    }

    /// Saves the session atomically (see the module's documentation).
    pub fn save(&self, session: &Session) -> io::Result<()> {
        let json = session_json(session)?;
        write_atomically(&self.path, json.as_bytes())
    }
}

/// The session as the JSON that [`SessionFile::save`] writes.
pub fn session_json(session: &Session) -> io::Result<String> {
    serde_json::to_string_pretty(session).map_err(io::Error::other)
}

/// `path` with `suffix` added to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Replaces the file at `path` by `bytes` so that it is always either the old or the
/// new content: write a temporary file beside it, flush it to the disk, rename it over.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`] with the writing step given, so that tests can make it fail.
fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let tmp = sibling(path, &format!(".{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            // Session files list the user's files: readable by the user alone.
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        write(&mut file, bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // The rename itself reaches the disk when the folder is synced; not every
        // platform can open a folder for that, and the data is safe either way.
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() && tmp.is_file() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::LaneMode;
    use chrono::NaiveDate;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "dateline-session-file-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 11, 21)
            .and_then(|d| d.and_hms_opt(10, 57, 49))
            .unwrap()
    }

    fn session(lane_mode: LaneMode) -> Session {
        Session {
            lane_mode,
            recent: vec![PathBuf::from("/news/a.txt")],
            ..Session::default()
        }
    }

    #[test]
    fn a_saved_session_loads_back() {
        let dir = scratch("roundtrip");
        let f = SessionFile::new(dir.join(SESSION_FILE_NAME));
        assert_eq!(
            f.load(now()),
            LoadedSession {
                may_save: true,
                absent: true,
                ..LoadedSession::default()
            }
        );
        f.save(&session(LaneMode::Actor)).unwrap();
        let back = f.load(now());
        assert_eq!(back.session, Some(session(LaneMode::Actor)));
        assert_eq!(back.notice, None);
        // Nothing is left behind but the session.
        let names: Vec<_> = fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_write_that_fails_halfway_leaves_the_old_session_intact() {
        let dir = scratch("halfway");
        let f = SessionFile::new(dir.join(SESSION_FILE_NAME));
        f.save(&session(LaneMode::Actor)).unwrap();
        let before = fs::read(f.path()).unwrap();
        let new = session_json(&session(LaneMode::Article)).unwrap();
        // The disk fills up after half the bytes.
        let err = write_atomically_with(f.path(), new.as_bytes(), |file, bytes| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::other("no space left on device"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("no space"));
        assert_eq!(fs::read(f.path()).unwrap(), before);
        assert!(!f.temp_path().exists(), "the half-written file is removed");
        assert_eq!(f.load(now()).session, Some(session(LaneMode::Actor)));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_save_that_cannot_create_its_temporary_file_leaves_the_old_session_intact() {
        let dir = scratch("notemp");
        let f = SessionFile::new(dir.join(SESSION_FILE_NAME));
        f.save(&session(LaneMode::Actor)).unwrap();
        // Something (not a file) is in the way of the temporary file: opening it fails,
        // even for root, which read-only folders do not stop.
        fs::create_dir_all(f.temp_path()).unwrap();
        assert!(f.save(&session(LaneMode::Article)).is_err());
        assert_eq!(f.load(now()).session, Some(session(LaneMode::Actor)));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_stale_temporary_file_from_a_crash_is_ignored_and_replaced() {
        let dir = scratch("stale");
        let f = SessionFile::new(dir.join(SESSION_FILE_NAME));
        f.save(&session(LaneMode::Actor)).unwrap();
        fs::write(f.temp_path(), b"{\"lane_mo").unwrap();
        assert_eq!(f.load(now()).session, Some(session(LaneMode::Actor)));
        f.save(&session(LaneMode::Article)).unwrap();
        assert_eq!(f.load(now()).session, Some(session(LaneMode::Article)));
        assert!(!f.temp_path().exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_corrupt_session_is_moved_to_a_timestamped_backup_and_defaults_are_used() {
        let dir = scratch("corrupt");
        let f = SessionFile::new(dir.join(SESSION_FILE_NAME));
        // Cut off mid-write by an older, non-atomic save.
        let corrupt: &[u8] = b"{\"sources\": [{\"File\": \"/a.t";
        fs::write(f.path(), corrupt).unwrap();
        let loaded = f.load(now());
        assert_eq!(loaded.session, None);
        assert!(loaded.may_save);
        let backup = dir.join("session.json.20251121T105749.bak");
        assert_eq!(fs::read(&backup).unwrap(), corrupt);
        let notice = loaded.notice.unwrap();
        assert!(notice.contains("could not be read"), "{notice}");
        assert!(notice.contains(&backup.display().to_string()), "{notice}");
        assert!(!f.path().exists());
        // A second bad file in the same second gets its own backup.
        fs::write(f.path(), b"\xff\xfe").unwrap();
        f.load(now());
        assert!(dir.join("session.json.20251121T105749-1.bak").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_session_path_that_is_a_folder_is_moved_aside_too() {
        let dir = scratch("folder");
        let f = SessionFile::new(dir.join(SESSION_FILE_NAME));
        fs::create_dir_all(f.path()).unwrap();
        let loaded = f.load(now());
        assert_eq!(loaded.session, None);
        assert!(loaded.notice.is_some());
        assert!(dir.join("session.json.20251121T105749.bak").is_dir());
        f.save(&session(LaneMode::Kind)).unwrap();
        assert_eq!(f.load(now()).session, Some(session(LaneMode::Kind)));
        fs::remove_dir_all(&dir).unwrap();
    }
}
