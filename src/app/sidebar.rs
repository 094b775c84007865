//! The side panel: the open articles (title, date, language, events,
//! warnings; show, hide, remove), the files of the last session that are
//! missing, the files that failed and why, and the filters (kinds with their
//! colours and counts, actors, text search, minimum precision).

use egui::{Color32, RichText, Sense, Vec2};

use crate::app::command::Command;
use crate::app::state::{AppState, LoadedArticle, SourceRef};
use crate::app::theme::Theme;
use crate::app::time_axis::human_date;
use crate::extract::time::Grain;

/// The id of the search box, so that Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("event-search")
}

fn swatch(ui: &mut egui::Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
    ui.painter().circle_filled(rect.center(), 5.5, color);
}

/// Shows the side panel.
pub fn sidebar_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    focus_search: bool,
    commands: &mut Vec<Command>,
) {
    let theme = Theme::of(ui);
    egui::ScrollArea::vertical()
        .id_salt("sidebar")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Search");
            let mut search = state.filters.search.clone();
            let resp = ui.add(
                egui::TextEdit::singleline(&mut search)
                    .id(search_id())
                    .hint_text("Search events (Ctrl+F)")
                    .desired_width(f32::INFINITY),
            );
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search events")
            });
            if focus_search {
                resp.request_focus();
            }
            if search != state.filters.search {
                commands.push(Command::SetSearch(search));
            }
            ui.add_space(6.0);
            articles_ui(ui, state, &theme, commands);
            ui.add_space(6.0);
            filters_ui(ui, state, &theme, commands);
        });
}

fn articles_ui(ui: &mut egui::Ui, state: &AppState, theme: &Theme, commands: &mut Vec<Command>) {
    // Its id must not follow the count in its title: a new id each time a file
    // comes in would open it again, and give every row in it a new id, which
    // makes egui draw another frame at once, frame after frame while loading.
    egui::CollapsingHeader::new(format!("Articles ({})", state.articles.len()))
        .id_salt("articles")
        .default_open(true)
        .show(ui, |ui| {
            if state.articles.is_empty() {
                ui.label("None open. File > Open files… or drop files on the window.");
            }
            // Many articles get a line each; a few, a box each.
            let boxed: &[LoadedArticle] = if state.articles.len() > MANY_ARTICLES {
                article_rows_ui(ui, state, commands);
                &[]
            } else {
                &state.articles
            };
            for a in boxed {
                let id = a.article.id.clone();
                let n_events = a.events.len();
                ui.group(|ui| {
                    ui.horizontal(|ui| {
                        let mut visible = a.visible;
                        let title = a.title();
                        let cb = ui.checkbox(&mut visible, "");
                        cb.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::CheckBox,
                                true,
                                visible,
                                format!("Show {title}"),
                            )
                        });
                        if visible != a.visible {
                            commands.push(Command::SetArticleVisible(id.clone(), visible));
                        }
                        ui.add(egui::Label::new(RichText::new(&title).strong()).wrap());
                    });
                    let published = a.published_text("no publication date");
                    ui.label(format!(
                        "{published} · {} · {n_events} events · {} dates",
                        a.article.lang,
                        a.extraction.timexes.len()
                    ));
                    ui.small(a.source.display_name());
                    if a.article.repairs > 0 {
                        ui.small(format!("{} broken characters repaired", a.article.repairs));
                    }
                    for w in &a.article.warnings {
                        ui.colored_label(theme.warning(), format!("Warning: {w}"));
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("Read")
                            .on_hover_text(format!("Read “{}”", a.title()))
                            .clicked()
                        {
                            commands.push(Command::ShowArticle {
                                article: id.clone(),
                                at: None,
                            });
                        }
                        if ui
                            .small_button("Remove")
                            .on_hover_text(format!("Remove “{}” from the timeline", a.title()))
                            .clicked()
                        {
                            commands.push(Command::RemoveArticle(id.clone()));
                        }
                    });
                });
            }
            missing_ui(ui, state, theme, commands);
            if !state.errors.is_empty() {
                ui.colored_label(theme.error(), RichText::new("Could not open").strong());
                for e in &state.errors {
                    ui.colored_label(theme.error(), format!("{}: {}", e.source, e.reason));
                }
                if ui.small_button("Dismiss errors").clicked() {
                    commands.push(Command::DismissErrors);
                }
            }
        });
}

/// Above this many articles the list has a line each, and only the lines in
/// view are made: a folder of 50,000 articles costs a frame no more than 20.
const MANY_ARTICLES: usize = 100;

/// The articles one line each (show, title, Read, Remove), in a scroll area
/// that makes only the lines in view.
fn article_rows_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("article-rows")
        .max_height(320.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, state.articles.len(), |ui, rows| {
            for a in state.articles.get(rows).unwrap_or_default() {
                let id = a.article.id.clone();
                let title = a.title();
                ui.horizontal(|ui| {
                    let mut visible = a.visible;
                    let cb = ui.checkbox(&mut visible, "");
                    cb.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::CheckBox,
                            true,
                            visible,
                            format!("Show {title}"),
                        )
                    });
                    if visible != a.visible {
                        commands.push(Command::SetArticleVisible(id.clone(), visible));
                    }
                    if ui
                        .small_button("Read")
                        .on_hover_text(format!("Read “{title}”"))
                        .clicked()
                    {
                        commands.push(Command::ShowArticle {
                            article: id.clone(),
                            at: None,
                        });
                    }
                    if ui
                        .small_button("Remove")
                        .on_hover_text(format!("Remove “{title}” from the timeline"))
                        .clicked()
                    {
                        commands.push(Command::RemoveArticle(id.clone()));
                    }
                    let published = a
                        .article
                        .published
                        .value
                        .map(|v| human_date(v.date()))
                        .unwrap_or_default();
                    ui.add(egui::Label::new(format!("{published} {title}")).truncate())
                        .on_hover_text(format!(
                            "{title}\n{} · {} events · {}",
                            a.article.lang,
                            a.events.len(),
                            a.source.display_name()
                        ));
                });
            }
        });
}

/// Missing files listed one by one; the rest are counted.
const MAX_MISSING_LISTED: usize = 50;

/// Files of the last session that could not be opened again, each with its full path
/// and a button to stop looking for it.
fn missing_ui(ui: &mut egui::Ui, state: &AppState, theme: &Theme, commands: &mut Vec<Command>) {
    if state.missing.is_empty() {
        return;
    }
    ui.colored_label(
        theme.warning(),
        RichText::new(format!(
            "Missing since the last session ({})",
            state.missing.len()
        ))
        .strong(),
    );
    ui.horizontal(|ui| {
        if ui
            .small_button("Look again")
            .on_hover_text("Try to open the missing files again")
            .clicked()
        {
            commands.push(Command::LookForMissing);
        }
        if state.missing.len() > 1
            && ui
                .small_button("Remove all missing")
                .on_hover_text("Stop looking for all of them")
                .clicked()
        {
            commands.push(Command::ForgetMissing(None));
        }
    });
    // A whole drive can go missing: list a screenful, not a hundred thousand.
    for m in state.missing.iter().take(MAX_MISSING_LISTED) {
        let path = match &m.source {
            SourceRef::File(p) => p.display().to_string(),
            SourceRef::Sample(name) => name.clone(),
        };
        ui.group(|ui| {
            ui.add(egui::Label::new(&path).wrap());
            ui.colored_label(theme.warning(), m.status());
            let remove = ui
                .small_button("Remove")
                .on_hover_text(format!("Stop looking for {path}"));
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Remove missing file {path}"),
                )
            });
            if remove.clicked() {
                commands.push(Command::ForgetMissing(Some(m.source.clone())));
            }
        });
    }
    let more = state.missing.len().saturating_sub(MAX_MISSING_LISTED);
    if more > 0 {
        ui.label(format!("… and {more} more"));
    }
}

fn filters_ui(ui: &mut egui::Ui, state: &AppState, theme: &Theme, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new("Filters")
        .default_open(true)
        .show(ui, |ui| {
            ui.label("Kinds");
            for &(kind, count) in state.kind_counts() {
                ui.horizontal(|ui| {
                    let mut on = !state.filters.hidden_kinds.contains(&kind);
                    swatch(ui, theme.kind(kind));
                    let label = format!("{} ({count})", kind.name());
                    if ui.checkbox(&mut on, label).changed() {
                        commands.push(Command::SetKindVisible(kind, on));
                    }
                });
            }
            ui.add_space(4.0);
            let mut precision = state.filters.min_precision;
            let name = |g: Option<Grain>| match g {
                None => "any".to_string(),
                Some(g) => format!("{} or finer", g.name()),
            };
            ui.horizontal(|ui| {
                egui::ComboBox::new("min-precision", "Date precision")
                    .selected_text(name(precision))
                    .show_ui(ui, |ui| {
                        for g in [
                            None,
                            Some(Grain::Day),
                            Some(Grain::Week),
                            Some(Grain::Month),
                            Some(Grain::Year),
                        ] {
                            ui.selectable_value(&mut precision, g, name(g));
                        }
                    });
            });
            if precision != state.filters.min_precision {
                commands.push(Command::SetMinPrecision(precision));
            }
            ui.add_space(4.0);
            let actors = state.actor_counts();
            if !actors.is_empty() {
                ui.label("Actors (none ticked: all)");
                for (actor, count) in actors.iter().take(40) {
                    let mut on = state.filters.actors.contains(actor);
                    if ui.checkbox(&mut on, format!("{actor} ({count})")).changed() {
                        commands.push(Command::ToggleActor(actor.clone()));
                    }
                }
            }
            if !state.filters.is_empty() && ui.button("Clear filters").clicked() {
                commands.push(Command::ClearFilters);
            }
        });
}
