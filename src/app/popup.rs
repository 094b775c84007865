//! The detail popup of a timeline entry: a movable window beside its marker
//! (several may be open) with the kind, the label, the date as written and as
//! resolved, the sentence with its trigger, date and actors highlighted,
//! actors, places, figures, every report with its article, any conflict
//! between reports, and buttons to open the article or step through events.

use egui::{FontId, Id, Pos2, RichText};

use crate::app::article_view::{Mark, find_names, highlight_job};
use crate::app::command::Command;
use crate::app::state::{AppState, LoadedArticle};
use crate::app::theme::Theme;
use crate::app::timeline_view::entry_date_text;
use crate::extract::events::{DateOrigin, Event};

/// "June 2024 (month): 'a giugno dell'anno scorso', relative to 28 Oct 2025".
pub fn date_explanation(date_text: &str, ev: &Event, article: &LoadedArticle) -> String {
    let d = &ev.date;
    let written = d
        .timex
        .and_then(|i| article.extraction.timexes.get(i))
        .map(|t| format!(": '{}'", t.text))
        .unwrap_or_default();
    let published = article.published_text("an unknown date");
    let origin = match d.origin {
        DateOrigin::Explicit => String::new(),
        DateOrigin::Relative => format!(", relative to {published}"),
        DateOrigin::Inherited => ", carried over from an earlier sentence".to_string(),
        DateOrigin::Published => format!(", no date in the text: published {published}"),
    };
    format!("{date_text} ({}){written}{origin}", d.grain.name())
}

/// How tall the list of reports in a popup grows before it scrolls.
const REPORTS_HEIGHT: f32 = 180.0;

/// Shows the popup of entry `id`; closing it, stepping and opening the article become commands.
pub fn popup_ui(
    ctx: &egui::Context,
    state: &AppState,
    id: &str,
    pos: Option<Pos2>,
    commands: &mut Vec<Command>,
) {
    let (Some(record), Some(entry)) = (state.entry_record(id), state.entry(id)) else {
        return;
    };
    let entry = &entry;
    let date_text = entry_date_text(&record.date);
    let mut window = egui::Window::new(format!("{} — {}", entry.kind.title(), date_text))
        .id(Id::unique(("popup", id)))
        .collapsible(false)
        .resizable(true)
        .default_width(440.0);
    if let Some(p) = pos {
        window = window.default_pos(p);
    }
    let mut open = true;
    window = window.open(&mut open);
    window.show(ctx, |ui| {
        let theme = Theme::of(ui);
        ui.heading(&entry.label);
        let first = record.reports.first().and_then(|&r| state.report_event(r));
        let first = first.as_ref().map(|(a, e)| (*a, e));
        let subkind = first
            .and_then(|(_, e)| e.subkind.clone())
            .map(|s| format!(" / {s}"))
            .unwrap_or_default();
        ui.label(format!("Kind: {}{subkind}", entry.kind.name()));
        match first {
            Some((a, ev)) => ui.label(format!("Date: {}", date_explanation(&date_text, ev, a))),
            None => ui.label(format!("Date: {date_text}")),
        };
        if let Some((a, ev)) = first {
            ui.separator();
            let s = &ev.sentence;
            let s_text = a.sentence_text(ev);
            let rel = |r: std::ops::Range<usize>| {
                r.start.saturating_sub(s.start)..r.end.saturating_sub(s.start)
            };
            let mut marks = vec![(rel(ev.trigger.start..ev.trigger.end), Mark::Trigger)];
            if let Some(t) = ev.date.timex.and_then(|i| a.extraction.timexes.get(i))
                && t.start >= s.start
                && t.end <= s.end
            {
                marks.push((rel(t.start..t.end), Mark::Timex));
            }
            for r in find_names(&s_text, &ev.actors) {
                marks.push((r, Mark::Actor));
            }
            let mut job = highlight_job(
                &s_text,
                &marks,
                &theme,
                FontId::proportional(14.0),
                ui.visuals().text_color(),
            );
            job.wrap.max_width = ui.available_width();
            ui.add(egui::Label::new(job).wrap());
        }
        ui.separator();
        egui::Grid::new(("popup-facts", id))
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Actors");
                let actors: Vec<String> = entry
                    .actors
                    .iter()
                    .map(|a| match entry.roles.get(a) {
                        Some(role) => format!("{a} ({role})"),
                        None => a.clone(),
                    })
                    .collect();
                ui.label(list_or_none(&actors));
                ui.end_row();
                ui.label("Places");
                ui.label(list_or_none(&entry.places));
                ui.end_row();
                ui.label("Figures");
                let figs: Vec<String> = entry
                    .figures
                    .iter()
                    .map(|f| format!("{} {} ('{}')", format_number(f.value), f.unit, f.text))
                    .collect();
                ui.label(list_or_none(&figs));
                ui.end_row();
            });
        ui.separator();
        ui.strong(format!("Reports ({})", entry.reports.len()));
        // Only the rows in sight are made: an event told in thousands of copies of a
        // story would otherwise lay out thousands of rows every frame.
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt(("popup reports", id))
            .max_height(REPORTS_HEIGHT)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, record.reports.len(), |ui, rows| {
                for &r in record.reports.get(rows).unwrap_or_default() {
                    let Some((a, ev)) = state.report_event(r) else {
                        continue;
                    };
                    ui.horizontal(|ui| {
                        let published = a.published_text("no date");
                        if ui.button("Open article at this sentence").clicked() {
                            commands.push(Command::ShowArticle {
                                article: a.article.id.clone(),
                                at: Some(ev.sentence.start),
                            });
                        }
                        ui.add(egui::Label::new(format!("{} ({published})", a.title())).truncate());
                    });
                }
            });
        if !entry.conflicts.is_empty() {
            ui.separator();
            ui.colored_label(theme.warning(), RichText::new("Reports disagree").strong());
            for c in &entry.conflicts {
                ui.colored_label(
                    theme.warning(),
                    format!("{}: {}", c.field, c.values.join(" vs ")),
                );
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("< Previous event").clicked() {
                commands.push(Command::ClosePopup(id.to_string()));
                commands.push(Command::Select(Some(id.to_string())));
                commands.push(Command::Step(-1));
                commands.push(Command::OpenSelected);
            }
            if ui.button("Next event >").clicked() {
                commands.push(Command::ClosePopup(id.to_string()));
                commands.push(Command::Select(Some(id.to_string())));
                commands.push(Command::Step(1));
                commands.push(Command::OpenSelected);
            }
        });
    });
    if !open {
        commands.push(Command::ClosePopup(id.to_string()));
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(", ")
    }
}

/// 10000 -> "10,000"; 1.2e9 -> "1.2 billion".
pub fn format_number(v: f64) -> String {
    if v.abs() >= 1e9 {
        format!("{} billion", trim_float(v / 1e9))
    } else if v.abs() >= 1e6 {
        format!("{} million", trim_float(v / 1e6))
    } else if v.fract() == 0.0 {
        let s = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        trim_float(v)
    }
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(10000.0), "10,000");
        assert_eq!(format_number(1.2e9), "1.2 billion");
        assert_eq!(format_number(700.0), "700");
        assert_eq!(format_number(2.5), "2.5");
    }
}
