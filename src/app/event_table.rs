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
                    let titles: Vec<String> = e
                        .reports
                        .iter()
                        .filter_map(|r| {
                            state
                                .articles
                                .get(r.article as usize)
                                .map(LoadedArticle::title)
                        })
                        .collect();
                    ui.label(titles.join("; "));
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
