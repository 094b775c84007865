//! The event list: the shown events in a sortable table (date, kind, label,
//! actors, article) that follows the timeline's selection and sets it.

use egui_extras::{Column, TableBuilder};

use crate::app::command::Command;
use crate::app::records;
use crate::app::state::{AppState, LoadedArticle, SortColumn};
use crate::app::theme::Theme;
use crate::app::timeline_view::entry_date_text;

const COLUMNS: [(SortColumn, &str); 5] = [
    (SortColumn::Date, "Date"),
    (SortColumn::Kind, "Kind"),
    (SortColumn::Label, "Label"),
    (SortColumn::Actors, "Actors"),
    (SortColumn::Article, "Article"),
];

/// Shows the table; `scroll_to_selection` brings the selected row into view.
pub fn event_table_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    scroll_to_selection: bool,
    commands: &mut Vec<Command>,
) {
    let theme = Theme::of(ui);
    let rows = state.table_rows();
    let selected_row = state
        .selected
        .as_deref()
        .and_then(|s| state.entry_index(s))
        .and_then(|i| state.table_row_of(i));
    let mut table = TableBuilder::new(ui)
        .id_salt("event-table")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::initial(130.0).at_least(80.0))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::initial(320.0).at_least(100.0).clip(true))
        .column(Column::initial(200.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true));
    if scroll_to_selection && let Some(r) = selected_row {
        table = table.scroll_to_row(r, Some(egui::Align::Center));
    }
    table
        .header(22.0, |mut header| {
            for (col, name) in COLUMNS {
                header.col(|ui| {
                    let arrow = match state.sort {
                        (c, true) if c == col => " (up)",
                        (c, false) if c == col => " (down)",
                        _ => "",
                    };
                    if ui
                        .button(format!("{name}{arrow}"))
                        .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                        .clicked()
                    {
                        commands.push(Command::SortBy(col));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let Some(&i) = rows.get(row.index()) else {
                    return;
                };
                let e = &state.entries[i];
                row.set_selected(Some(row.index()) == selected_row);
                row.col(|ui| {
                    ui.label(entry_date_text(&e.date));
                });
                row.col(|ui| {
                    ui.colored_label(theme.kind(e.kind), e.kind.name());
                });
                row.col(|ui| {
                    ui.label(state.entry_label(i));
                });
                row.col(|ui| {
                    let actors: Vec<&str> = e.actors.iter().map(|&a| records::name(a)).collect();
                    ui.label(actors.join(", "));
                });
                row.col(|ui| {
                    let titles = e.reports.iter().filter_map(|r| {
                        state
                            .articles
                            .get(r.article as usize)
                            .map(LoadedArticle::title)
                    });
                    ui.label(articles_cell(titles, e.reports.len()));
                });
                let resp = row.response();
                if resp.clicked() {
                    commands.push(Command::Select(Some(state.entry_id(i))));
                }
                if resp.double_clicked() {
                    commands.push(Command::OpenPopup(state.entry_id(i)));
                }
            });
        });
    if rows.is_empty() {
        ui.label("No events to list.");
    }
}

/// How many article titles the Article column shows, and how many reports it reads
/// at most to find them.
const TITLES_SHOWN: usize = 2;
const TITLES_READ: usize = 64;

/// The Article column of an entry reported `reports` times: its first distinct
/// titles, and the number of reports when they are not all shown. An event told in
/// thousands of copies of one story is one short line, not thousands of titles
/// joined and laid out every frame.
fn articles_cell(titles: impl Iterator<Item = String>, reports: usize) -> String {
    let mut shown: Vec<String> = Vec::new();
    let mut read = 0;
    for t in titles.take(TITLES_READ) {
        read += 1;
        if !shown.contains(&t) {
            if shown.len() == TITLES_SHOWN {
                read = 0;
                break;
            }
            shown.push(t);
        }
    }
    let mut cell = shown.join("; ");
    // Every report read and no other title among them: the titles say it all.
    if read < reports {
        cell.push_str(&format!(" … ({reports} reports)"));
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_cell_stays_short_however_many_reports() {
        let titles = |v: &[&str]| {
            v.iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(articles_cell(titles(&["A"]), 1), "A");
        assert_eq!(articles_cell(titles(&["A", "A", "B"]), 3), "A; B");
        assert_eq!(
            articles_cell(titles(&["A", "B", "C"]), 3),
            "A; B … (3 reports)"
        );
        let many: Vec<&str> = std::iter::repeat_n("Same story", 5000).collect();
        assert_eq!(
            articles_cell(titles(&many), 5000),
            "Same story … (5000 reports)"
        );
    }
}
