//! The article view: an article's repaired text as plain text (no markup is
//! interpreted, nothing is fetched), with its time expressions and event
//! sentences highlighted. Clicking a highlighted sentence selects its event;
//! clicking an http(s) address opens it in the system browser.
//! [`highlight_job`] builds the highlighted text, also for the popup.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Sense, Stroke};

use crate::app::command::Command;
use crate::app::state::{AppState, ArticleView, LoadedArticle};
use crate::app::theme::Theme;

/// What a stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A time expression.
    Timex,
    /// A sentence that reports an event.
    Sentence,
    /// The selected event's sentence.
    SelectedSentence,
    /// An event's trigger words.
    Trigger,
    /// An actor's name.
    Actor,
    /// A web address.
    Link,
}

impl Mark {
    fn bit(self) -> u8 {
        match self {
            Mark::Timex => 1,
            Mark::Sentence => 2,
            Mark::SelectedSentence => 4,
            Mark::Trigger => 8,
            Mark::Actor => 16,
            Mark::Link => 32,
        }
    }
}

/// `text` laid out with the marked character ranges highlighted.
pub fn highlight_job(
    text: &str,
    marks: &[(Range<usize>, Mark)],
    theme: &Theme,
    font: FontId,
    base_color: Color32,
) -> LayoutJob {
    let n_chars = text.chars().count();
    let mut bounds: Vec<usize> = vec![0, n_chars];
    for (r, _) in marks {
        bounds.push(r.start.min(n_chars));
        bounds.push(r.end.min(n_chars));
    }
    bounds.sort_unstable();
    bounds.dedup();
    // Byte offsets of the boundary characters, in one pass over the text.
    let mut bytes = Vec::with_capacity(bounds.len());
    let mut bi = 0;
    for (ci, (byte, _)) in text.char_indices().enumerate() {
        while bi < bounds.len() && bounds[bi] == ci {
            bytes.push(byte);
            bi += 1;
        }
    }
    while bytes.len() < bounds.len() {
        bytes.push(text.len());
    }
    let mut job = LayoutJob::default();
    for w in 0..bounds.len().saturating_sub(1) {
        let (a, b) = (bounds[w], bounds[w + 1]);
        if a == b {
            continue;
        }
        let set = marks
            .iter()
            .filter(|(r, _)| r.start <= a && r.end >= b)
            .fold(0u8, |acc, (_, m)| acc | m.bit());
        let mut fmt = TextFormat {
            font_id: font.clone(),
            color: base_color,
            ..TextFormat::default()
        };
        if set & Mark::Sentence.bit() != 0 {
            fmt.background = theme.sentence_bg();
        }
        if set & Mark::SelectedSentence.bit() != 0 {
            fmt.background = theme.selected_sentence_bg();
        }
        if set & Mark::Timex.bit() != 0 {
            fmt.background = theme.timex_bg();
        }
        if set & Mark::Actor.bit() != 0 {
            fmt.color = theme.actor();
        }
        if set & Mark::Trigger.bit() != 0 {
            fmt.underline = Stroke::new(2.0, theme.selection());
        }
        if set & Mark::Link.bit() != 0 {
            fmt.color = theme.link();
            fmt.underline = Stroke::new(1.0, theme.link());
        }
        let (ba, bb) = (bytes[w], bytes[w + 1]);
        if let Some(piece) = text.get(ba..bb) {
            job.append(piece, 0.0, fmt);
        }
    }
    job
}

/// May this address be handed to the system browser? Only http and https with a
/// host, and nothing that could smuggle another command along (spaces, control
/// characters). `javascript:`, `file:`, `data:` and the rest are text, never links.
pub fn opens_in_browser(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host_ok = rest
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|h| !h.is_empty());
    host_ok && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Character ranges of http(s) addresses in `text`.
pub fn find_links(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !"<>\"'“”«»()[]".contains(chars[i])
            {
                i += 1;
            }
            // Trailing punctuation belongs to the sentence.
            let mut end = i;
            while end > start && ".,;:!?".contains(chars[end - 1]) {
                end -= 1;
            }
            out.push(start..end);
        } else {
            i += 1;
        }
    }
    out
}

/// Character ranges of the names in `sentence` (case-insensitive; a person's surname also counts).
pub fn find_names(sentence: &str, names: &[String]) -> Vec<Range<usize>> {
    let lower: Vec<char> = sentence.to_lowercase().chars().collect();
    let same_len = lower.len() == sentence.chars().count();
    let mut out = Vec::new();
    if !same_len {
        return out;
    }
    for name in names {
        let mut forms = vec![name.to_lowercase()];
        if let Some(last) = name.split_whitespace().last()
            && last.chars().count() > 3
            && last != name
        {
            forms.push(last.to_lowercase());
        }
        for f in forms {
            let fc: Vec<char> = f.chars().collect();
            if fc.is_empty() || fc.len() > lower.len() {
                continue;
            }
            for s in 0..=(lower.len() - fc.len()) {
                if lower[s..s + fc.len()] == fc[..] {
                    out.push(s..s + fc.len());
                }
            }
        }
    }
    out
}

/// The laid-out article text, kept until the article, the selection, the width or the mode change.
#[derive(Default)]
pub struct Cache {
    key: Option<(String, Option<String>, bool, u32)>,
    galley: Option<Arc<egui::Galley>>,
    /// Event sentences and triggers: (range, entry id).
    targets: Vec<(Range<usize>, String)>,
    links: Vec<(Range<usize>, String)>,
}

/// Text ranges that lead somewhere: an entry id or a web address.
type Targets = Vec<(Range<usize>, String)>;

fn marks_for(state: &AppState, a: &LoadedArticle) -> (Vec<(Range<usize>, Mark)>, Targets, Targets) {
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    let mut targets = Vec::new();
    for t in &a.extraction.timexes {
        marks.push((t.start..t.end, Mark::Timex));
    }
    let selected = state.selected.as_deref();
    let position = state
        .article_position(&a.article.id)
        .and_then(|p| u32::try_from(p).ok());
    for (i, entry) in state.entries.iter().enumerate() {
        for r in entry.reports.iter().filter(|r| Some(r.article) == position) {
            let Some(ev) = a.events.list.get(r.event as usize) else {
                continue;
            };
            let id = state.entry_id(i);
            let mark = if selected == Some(id.as_str()) {
                Mark::SelectedSentence
            } else {
                Mark::Sentence
            };
            let sentence = ev.sentence.0 as usize..ev.sentence.1 as usize;
            marks.push((sentence.clone(), mark));
            marks.push((ev.trigger.0 as usize..ev.trigger.1 as usize, Mark::Trigger));
            targets.push((sentence, id));
        }
    }
    let links: Vec<(Range<usize>, String)> = find_links(&a.article.text)
        .into_iter()
        .map(|r| {
            let url: String = a.article.text.chars().skip(r.start).take(r.len()).collect();
            (r, url)
        })
        .collect();
    for (r, _) in &links {
        marks.push((r.clone(), Mark::Link));
    }
    (marks, targets, links)
}

/// Shows the article in `view`.
pub fn article_view_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    view: &ArticleView,
    cache: &mut Cache,
    commands: &mut Vec<Command>,
) {
    let theme = Theme::of(ui);
    let Some(a) = state.article(&view.article) else {
        ui.label("This article is no longer open.");
        if ui.button("Close article").clicked() {
            commands.push(Command::CloseArticle);
        }
        return;
    };
    ui.horizontal(|ui| {
        ui.heading("Article");
        if ui.button("Close article").clicked() {
            commands.push(Command::CloseArticle);
        }
    });
    ui.strong(a.title());
    let published = a.published_text("no publication date");
    ui.label(format!(
        "{} · {} · {}",
        a.source.display_name(),
        published,
        a.article.lang
    ));
    ui.separator();
    let width = ui.available_width();
    let key = (
        a.article.id.clone(),
        state.selected.clone(),
        theme.dark,
        width.round() as u32,
    );
    if cache.key.as_ref() != Some(&key) {
        let (marks, targets, links) = marks_for(state, a);
        let mut job = highlight_job(
            &a.article.text,
            &marks,
            &theme,
            FontId::proportional(14.0),
            ui.visuals().text_color(),
        );
        job.wrap.max_width = width - 16.0;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        *cache = Cache {
            key: Some(key),
            galley: Some(galley),
            targets,
            links,
        };
    }
    let Some(galley) = cache.galley.clone() else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("article-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let resp = ui.add(egui::Label::new(galley.clone()).sense(Sense::click()));
            if let Some(at) = view.scroll_to {
                let r = galley.pos_from_cursor(CCursor::new(at));
                let r = r.translate(resp.rect.min.to_vec2());
                ui.scroll_to_rect(r.expand(40.0), Some(egui::Align::Center));
            }
            if resp.clicked()
                && let Some(pos) = resp.interact_pointer_pos()
            {
                let c = galley.cursor_from_pos(pos - resp.rect.min).index.0;
                if let Some((_, url)) = cache.links.iter().find(|(r, _)| r.contains(&c)) {
                    commands.push(Command::OpenUrl(url.clone()));
                } else if let Some((_, id)) = cache.targets.iter().find(|(r, _)| r.contains(&c)) {
                    commands.push(Command::Select(Some(id.clone())));
                    commands.push(Command::OpenPopup(id.clone()));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_found_without_trailing_punctuation() {
        let t = "Vedi https://esempio.it/a?b=1. E http://x.y (fine) ftp://no";
        let links: Vec<String> = find_links(t)
            .into_iter()
            .map(|r| t.chars().skip(r.start).take(r.len()).collect())
            .collect();
        assert_eq!(links, ["https://esempio.it/a?b=1", "http://x.y"]);
    }

    #[test]
    fn only_http_and_https_addresses_open_in_the_browser() {
        for ok in ["https://esempio.it/a?b=1", "HTTP://X.Y", "http://x.y#frag"] {
            assert!(opens_in_browser(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(document.cookie)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "ftp://x.y/z",
            "mailto:a@b.c",
            "https://",
            "https:///etc/passwd",
            "http://x.y/a b",
            "http://x.y/\u{0}",
            "http://x.y/\n--flag",
            " https://x.y",
            "vbscript:msgbox",
        ] {
            assert!(!opens_in_browser(bad), "{bad:?}");
        }
    }

    #[test]
    fn only_http_and_https_addresses_become_links() {
        let t =
            "javascript:alert(1) file:///etc/passwd data:text/html,x <a href=\"https://a.b/c\">";
        let links: Vec<String> = find_links(t)
            .into_iter()
            .map(|r| t.chars().skip(r.start).take(r.len()).collect())
            .collect();
        assert_eq!(links, ["https://a.b/c"]);
        assert!(links.iter().all(|l| opens_in_browser(l)));
    }

    #[test]
    fn names_are_found_by_full_name_and_surname() {
        let s = "Putin ha ricevuto Choe Son Hui; Vladimir Putin ha detto.";
        let r = find_names(
            s,
            &["Vladimir Putin".to_string(), "Choe Son Hui".to_string()],
        );
        assert!(r.contains(&(32..46)));
        assert!(r.contains(&(0..5)));
        assert!(r.contains(&(18..30)));
    }

    #[test]
    fn highlight_covers_the_whole_text_in_order() {
        let text = "Il 19 giugno è stato firmato un trattato.";
        let theme = Theme { dark: false };
        let job = highlight_job(
            text,
            &[
                (3..12, Mark::Timex),
                (21..28, Mark::Trigger),
                (0..41, Mark::Sentence),
            ],
            &theme,
            FontId::proportional(14.0),
            Color32::BLACK,
        );
        assert_eq!(job.text, text);
        assert!(job.sections.len() >= 5);
        let timex = &job.sections[1];
        assert_eq!(
            &job.text[timex.byte_range.start.0..timex.byte_range.end.0],
            "19 giugno"
        );
        assert_eq!(timex.format.background, theme.timex_bg());
    }
}
