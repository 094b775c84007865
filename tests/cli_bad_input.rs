//! `dateline extract` on bad input: every file gets a clear one-line error
//! naming it (stderr and its article's warnings), the other files still come
//! out, the exit code is 1, and nothing panics.

use std::path::PathBuf;
use std::process::Command;

fn dateline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("dateline-bad-input-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn bad_files_are_named_and_the_good_one_still_comes_out() {
    let dir = scratch("mix");
    let good = dir.join("good.txt");
    std::fs::write(
        &good,
        "Roma, 3 marzo 2024\n\nIeri il ministro ha incontrato il collega a Mosca.",
    )
    .expect("write");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let binary = dir.join("image.txt");
    std::fs::write(
        &binary,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06",
    )
    .expect("write");
    let missing = dir.join("missing.txt");
    let long_line = dir.join("long.txt");
    let mut long =
        "Il ministro ha parlato con i giornalisti della crisi. ".repeat(5 * 1024 * 1024 / 55);
    long.push_str(" il 3 marzo 2024");
    std::fs::write(&long_line, long).expect("write");
    let broken_html = dir.join("broken.html");
    std::fs::write(&broken_html, "<html><head><title>Vertice</title><script>alert(1)</script><body><p class=x>Il ministro ha parlato <b>ieri<<<p>Il 3 marzo 2024 a Mosca</div></div><p>con il collega").expect("write");

    let out = dateline()
        .args(["extract", "--format", "jsonl"])
        .args([
            &good,
            &empty,
            &binary,
            &missing,
            &dir,
            &long_line,
            &broken_html,
        ])
        .output()
        .expect("run dateline");
    assert_eq!(out.status.code(), Some(1), "exit code 1 when a file failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (path, reason) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&missing, "no such file"),
        (&dir, "directory"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&format!("dateline: {}: ", path.display())))
            .unwrap_or_else(|| panic!("no error line for {}: {stderr}", path.display()));
        assert!(line.contains(reason), "{line:?} should say {reason}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let articles: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(
        articles.len(),
        7,
        "one article per file, in the order given"
    );
    assert_eq!(articles[0]["source"], good.display().to_string());
    assert!(
        articles[0]["timexes"]
            .as_array()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        articles[1]["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("empty"))
    );
    // The 5 MB line and the broken HTML are read, not rejected.
    assert!(
        articles[5]["timexes"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x["value"] == "2024-03-03"))
    );
    assert!(
        articles[6]["timexes"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x["value"] == "2024-03-03"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn published_flag_is_checked_and_overrides() {
    let dir = scratch("published");
    let f = dir.join("a.txt");
    std::fs::write(&f, "Ieri il ministro ha parlato a lungo con i giornalisti.").expect("write");
    let out = dateline()
        .args(["extract", "--published", "2025-10-28T11:48"])
        .arg(&f)
        .output()
        .expect("run");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["articles"][0]["published"]["origin"], "cli");
    assert_eq!(doc["articles"][0]["timexes"][0]["value"], "2025-10-27");
    let bad = dateline()
        .args(["extract", "--published", "yesterday"])
        .arg(&f)
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_publication_date_is_said_and_relative_dates_are_left_out() {
    let dir = scratch("nodate");
    let f = dir.join("a.txt");
    std::fs::write(
        &f,
        "Ieri il ministro ha parlato. Il trattato fu firmato il 3 marzo 2024.",
    )
    .expect("write");
    let out = dateline()
        .args(["extract", "--lang", "it"])
        .arg(&f)
        .output()
        .expect("run");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let a = &doc["articles"][0];
    assert_eq!(a["published"]["origin"], "none");
    assert!(
        a["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("no publication date"))
    );
    let values: Vec<&str> = a["timexes"]
        .as_array()
        .map(|t| t.iter().filter_map(|x| x["value"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(values, ["2024-03-03"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// One article for one file through `dateline extract --format jsonl --with-text`:
/// (exit code, stderr, the article).
fn extract_one(path: &std::path::Path) -> (Option<i32>, String, serde_json::Value) {
    let out = dateline()
        .args(["extract", "--format", "jsonl", "--with-text"])
        .arg(path)
        .output()
        .expect("run dateline");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let article = serde_json::from_slice(&out.stdout).expect("one JSON article");
    (out.status.code(), stderr, article)
}

fn values(article: &serde_json::Value) -> Vec<String> {
    article["timexes"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(|x| x["value"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// An error line `dateline: PATH: REASON` on stderr, and the same in the article.
fn assert_failed(path: &std::path::Path, reason: &str) {
    let (code, stderr, article) = extract_one(path);
    assert_eq!(code, Some(1), "{stderr}");
    let line = format!("dateline: {}: {reason}", path.display());
    assert!(stderr.lines().any(|l| l.starts_with(&line)), "{stderr}");
    assert!(
        article["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains(reason)),
        "{article}"
    );
}

const ITALIAN: &str = "Roma, 3 marzo 2024\n\nIeri il ministro è arrivato a Mosca e ha incontrato il collega. Più di tre anni fa fu firmato un trattato.";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if bom {
        units.push(0xFEFF);
    }
    units.extend(text.encode_utf16());
    units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

#[test]
fn utf16_with_and_without_bom_latin1_and_mixed_encodings_are_decoded() {
    let dir = scratch("encodings");
    let mut mixed = ITALIAN.as_bytes().to_vec();
    mixed.extend(latin1(" Poi è tornato a Roma."));
    let double_encoded: String = ITALIAN
        .bytes()
        .map(char::from) // each UTF-8 byte read as Latin-1: "Ã¨" for "è"
        .collect();
    let cases: [(&str, Vec<u8>, Option<&str>); 6] = [
        ("utf16-bom.txt", utf16(ITALIAN, false, true), None),
        (
            "utf16le-nobom.txt",
            utf16(ITALIAN, false, false),
            Some("detected UTF-16LE"),
        ),
        (
            "utf16be-nobom.txt",
            utf16(ITALIAN, true, false),
            Some("detected UTF-16BE"),
        ),
        ("latin1.txt", latin1(ITALIAN), Some("not UTF-8; detected")),
        ("mixed.txt", mixed, Some("stray byte")),
        (
            "double-encoded.txt",
            double_encoded.into_bytes(),
            Some("broken characters repaired"),
        ),
    ];
    for (name, bytes, warning) in cases {
        let f = dir.join(name);
        std::fs::write(&f, bytes).expect("write");
        let (code, stderr, a) = extract_one(&f);
        assert_eq!(code, Some(0), "{name}: {stderr}");
        let text = a["text"].as_str().unwrap_or_default();
        assert!(text.starts_with(ITALIAN), "{name}: {text:?}");
        assert_eq!(a["lang"], "it", "{name}");
        assert_eq!(values(&a), ["2024-03-03", "2024-03-02", "2021"], "{name}");
        let warnings = a["warnings"].to_string();
        match warning {
            Some(w) => assert!(warnings.contains(w), "{name}: {warnings}"),
            None => assert_eq!(a["warnings"], serde_json::json!([]), "{name}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_with_scripts_gives_its_text_without_them() {
    let dir = scratch("scripts");
    let f = dir.join("page.html");
    std::fs::write(
        &f,
        "<html><head><title>Vertice</title><script>document.title='spoofed'; fetch('https://evil.example/')</script></head><body><p>Roma, 3 marzo 2024. Ieri il ministro ha incontrato il collega a Mosca.</p><script>alert(1)</script><iframe src=\"https://evil.example/\"></iframe></body></html>",
    )
    .expect("write");
    let (code, _, a) = extract_one(&f);
    assert_eq!(code, Some(0));
    assert_eq!(a["title"], "Vertice");
    let text = a["text"].as_str().unwrap_or_default();
    assert!(text.contains("Ieri il ministro"), "{text}");
    for never in ["spoofed", "fetch", "evil", "alert"] {
        assert!(!text.contains(never), "{never} in {text:?}");
    }
    assert!(values(&a).contains(&"2024-03-03".to_string()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_links_are_named_as_such() {
    let dir = scratch("links");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::os::unix::fs::symlink(&b, &a).expect("symlink");
    std::os::unix::fs::symlink(&a, &b).expect("symlink");
    assert_failed(&a, "symbolic link loop");
    let dangling = dir.join("dangling.txt");
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), &dangling).expect("symlink");
    assert_failed(&dangling, "broken symbolic link");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The app refuses a named pipe (nobody may ever write to it: its loader would wait for
/// ever); `dateline extract` reads one the user names, as `cat` would, so that
/// `dateline extract <(curl …)` works.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_by_the_app_and_read_by_the_cli() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Nobody writes to it: the app's reader refuses it instead of blocking.
    let a = dateline::read::read_article(&fifo, &dateline::article::IntakeOptions::default());
    assert!(
        a.error
            .as_deref()
            .is_some_and(|e| e.contains("is a named pipe")),
        "{:?}",
        a.error
    );
    // The CLI reads what a writer puts in.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, ITALIAN).expect("write to the pipe"))
    };
    let (code, stderr, article) = extract_one(&fifo);
    if code != Some(0) {
        // Let the writer finish even so, or the test would hang instead of failing.
        let _ = std::fs::read(&fifo);
    }
    writer.join().expect("writer");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(values(&article).contains(&"2024-03-03".to_string()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_path_through_a_file_is_named() {
    let dir = scratch("notdir");
    let f = dir.join("a.txt");
    std::fs::write(&f, "x").expect("write");
    assert_failed(&f.join("b.txt"), "a folder in its path is a file");
    let _ = std::fs::remove_dir_all(&dir);
}

/// chmod 000 stops everyone but root; as root the test runs the CLI as `nobody` through
/// `setpriv` when it can, and says it skipped when it cannot.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_with_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("perm");
    let f = dir.join("secret.txt");
    std::fs::write(&f, ITALIAN).expect("write");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let privileged = std::fs::read(&f).is_ok();
    let out = if privileged {
        let run = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_dateline"))
            .args(["extract", "--format", "jsonl"])
            .arg(&f)
            .output();
        match run {
            Ok(o) if !String::from_utf8_lossy(&o.stderr).contains("setpriv:") => o,
            _ => {
                eprintln!("skipped: running as root and cannot drop privileges");
                let _ = std::fs::remove_dir_all(&dir);
                return;
            }
        }
    } else {
        dateline()
            .args(["extract", "--format", "jsonl"])
            .arg(&f)
            .output()
            .expect("run dateline")
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("dateline: {}: permission denied", f.display())),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The reader opens a file once and reads it once: while another thread keeps
/// replacing it, each read gives one whole version, never a mix of two.
#[test]
fn a_file_replaced_while_it_is_read_gives_one_whole_version() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = scratch("changing");
    let f = dir.join("news.txt");
    let versions = [
        ITALIAN.to_string(),
        format!("{}\n\nAggiornamento: oggi il ministro è tornato.", ITALIAN).repeat(40),
    ];
    std::fs::write(&f, &versions[0]).expect("write");
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (f, dir, stop, versions) = (f.clone(), dir.clone(), stop.clone(), versions.clone());
        std::thread::spawn(move || {
            let mut i = 0usize;
            while !stop.load(Ordering::Relaxed) {
                let tmp = dir.join("news.tmp");
                std::fs::write(&tmp, &versions[i % 2]).expect("write");
                std::fs::rename(&tmp, &f).expect("rename");
                i += 1;
            }
        })
    };
    let opts = dateline::article::IntakeOptions::default();
    for _ in 0..200 {
        let a = dateline::read::read_article(&f, &opts);
        assert!(a.error.is_none(), "{:?}", a.error);
        assert!(versions.contains(&a.text), "a mix: {} chars", a.text.len());
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("writer");
    // Gone by the time it is read: named, and the others go on (see the first test).
    std::fs::remove_file(&f).expect("remove");
    let a = dateline::read::read_article(&f, &opts);
    assert_eq!(a.error.as_deref(), Some("no such file"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Over 20 MB: only the first 20 MB are read, with a warning (the library's reader,
/// which the CLI and the app share; extraction of 20 MB is left to the benchmarks).
#[test]
fn an_article_over_20_mb_is_cut_with_a_warning() {
    let dir = scratch("big");
    let f = dir.join("big.txt");
    let limit = dateline::article::MAX_ARTICLE_BYTES;
    let mut bytes = b"Roma, 3 marzo 2024\n\n".to_vec();
    bytes.resize(limit + 1024 * 1024, b'\n');
    std::fs::write(&f, &bytes).expect("write");
    let a = dateline::read::read_article(&f, &dateline::article::IntakeOptions::default());
    assert!(a.error.is_none(), "{:?}", a.error);
    assert!(a.text.len() <= limit);
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("only the first 20 MB were read")),
        "{:?}",
        a.warnings
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `jsonl` goes through the files in chunks on all cores: past a chunk's end the
/// lines still come in the order the files were given, a bad file among them
/// keeps its place (with its error), and they say what `json` says of each article.
#[test]
fn jsonl_keeps_the_order_given_across_chunks() {
    let dir = scratch("order");
    let mut files = Vec::new();
    // More files than one chunk (256), named so that the order given is not the sorted one.
    for i in 0..300u32 {
        let f = dir.join(format!("{:03}.txt", (i * 7) % 300));
        let text = if i == 260 {
            String::new()
        } else {
            format!(
                "Roma, {} marzo 2024\n\nIl ministro ha incontrato ieri il collega a Mosca.",
                1 + i % 28
            )
        };
        std::fs::write(&f, text).expect("write");
        files.push(f);
    }
    let run = |format: &str| {
        dateline()
            .args(["extract", "--format", format])
            .args(&files)
            .output()
            .expect("run dateline")
    };
    let jsonl = run("jsonl");
    assert_eq!(jsonl.status.code(), Some(1), "the empty file failed");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let json: serde_json::Value = serde_json::from_slice(&run("json").stdout).expect("JSON");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(lines.len(), files.len());
    assert_eq!(articles.len(), files.len());
    for ((line, article), file) in lines.iter().zip(articles).zip(&files) {
        let source = line["source"].as_str().unwrap_or_default();
        assert_eq!(source, file.to_string_lossy());
        assert_eq!(line, article);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
