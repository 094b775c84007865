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
