//! The timeline: an egui_plot with calendar ticks on x and one lane per kind,
//! actor or article on y. egui_plot draws the grid and axes and handles drag
//! and box zoom; the events are laid out here ([`layout_lane`]: markers that
//! would overlap on screen become a cluster) and painted over the plot, each
//! marker an interactive widget with an AccessKit label.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Align2, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, Vec2};
use egui_plot::{AxisHints, GridInput, GridMark, Plot, PlotBounds};

use crate::app::command::Command;
use crate::app::day_index::DayIndex;
use crate::app::derive::Publication;
use crate::app::records::{DateRecord, EntryRecord};
use crate::app::state::{AppState, Lane};
use crate::app::theme::Theme;
use crate::app::time_axis::{
    TickStep, TimeAxis, ViewRange, calendar_marks, date_of, human_date, mark_label,
};
use crate::extract::time::{Grain, Modifier};

/// Markers closer than this on screen merge into a cluster.
pub const CLUSTER_PX: f32 = 20.0;
/// Publication dates closer than this on screen share one line.
pub const PUBLICATION_MERGE_PX: f32 = 6.0;
/// Up to this many publication lines in view are dashed across the plot; beyond,
/// each is a short tick at its top (a dashed line is dozens of shapes).
const MAX_DASHED_PUBLICATIONS: usize = 40;
/// Rows of publication labels at most; the rest go without a label.
const PUBLICATION_LABEL_ROWS: usize = 3;
/// A lane draws its range bars one by one up to this many in view, else the days they cover.
const MAX_SINGLE_BARS: usize = 300;
const MARKER_RADIUS: f32 = 5.5;
const CLUSTER_RADIUS: f32 = 9.0;
const BAR_HALF_HEIGHT: f32 = 6.0;

/// One thing drawn on a lane: a single event or a cluster of several.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Screen x of its centre.
    pub x_px: f32,
    /// The lane's items it stands for (one: a single event).
    pub items: Range<usize>,
}

impl Glyph {
    /// Stands for more than one event.
    pub fn is_cluster(&self) -> bool {
        self.items.len() > 1
    }
}

/// Lays out a lane's visible events: walks the sorted items, and every run of
/// markers closer than `cluster_px` becomes one glyph, drawn in the middle of its
/// run unless that would overlap the glyph before. Each step finds the end
/// of its run by binary search, so the cost grows with what is drawn, not with
/// how many events there are.
pub fn layout_lane(lane: &Lane, axis: &TimeAxis, cluster_px: f32) -> Vec<Glyph> {
    let window = lane.visible(axis.view);
    let days = &lane.marker_days;
    let mut glyphs = Vec::new();
    let mut i = window.start;
    while i < window.end {
        let first_x = axis.x_px(days.get(i).unwrap_or_default());
        let limit_day = axis.day_at(first_x + cluster_px);
        let run_end = days.first_from(i + 1..window.end, limit_day);
        let last_x = axis.x_px(days.get(run_end - 1).unwrap_or_default());
        // In the middle of its run, but clear of the glyph before: runs start at
        // least `cluster_px` apart, so this moves it at most half that.
        let clear_of = glyphs
            .last()
            .map_or(f32::NEG_INFINITY, |g: &Glyph| g.x_px + 2.0 * CLUSTER_RADIUS);
        glyphs.push(Glyph {
            x_px: ((first_x + last_x) / 2.0).max(clear_of),
            items: i..run_end,
        });
        i = run_end;
    }
    glyphs
}

/// Lays out sorted, disjoint spans of days: spans less than `merge_px` apart on
/// screen become one, so the result has at most a few per pixel column however
/// many spans there are. Each step finds its run's end by binary search.
pub fn layout_spans(spans: &[(f64, f64)], axis: &TimeAxis, merge_px: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let start_x = axis.x_px(spans[i].0);
        let mut end = spans[i].1;
        let mut next = i + 1;
        loop {
            // Every span starting within `merge_px` of the run's end joins it; disjoint
            // sorted spans have sorted ends, so the last to join ends the run.
            let limit = axis.day_at(axis.x_px(end) + merge_px);
            let k = next + spans[next..].partition_point(|s| s.0 <= limit);
            if k == next {
                break;
            }
            end = end.max(spans[k - 1].1);
            next = k;
        }
        // At least a pixel wide, so that a short span still shows.
        let end_x = axis.x_px(end).max(start_x + 1.0);
        out.push((start_x, end_x));
        i = next;
    }
    out
}

/// Groups sorted publication days into lines: days less than `merge_px` apart on
/// screen share one. Returns index ranges into the days.
pub fn layout_publications(days: &DayIndex, axis: &TimeAxis, merge_px: f32) -> Vec<Range<usize>> {
    let all = 0..days.len();
    let lo = days.first_from(all.clone(), axis.view.start);
    let hi = days.first_after(all, axis.view.end);
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        let limit = axis.day_at(axis.x_px(days.get(i).unwrap_or_default()) + merge_px);
        let end = days.first_from(i + 1..hi, limit);
        out.push(i..end);
        i = end;
    }
    out
}

/// The articles' publication dates: a dashed line each (or for each group too
/// close to tell apart), with a label where one fits.
fn publications_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    state: &AppState,
    axis: &TimeAxis,
    theme: &Theme,
) {
    let frame = painter.clip_rect();
    let small = FontId::proportional(11.0);
    let pubs = &state.summary.publications;
    // Right edge of the last label on each row, so that close dates' labels stack instead of overlapping.
    let mut rows_right: Vec<f32> = Vec::new();
    let groups = layout_publications(&state.summary.publication_days, axis, PUBLICATION_MERGE_PX);
    let dashed = groups.len() <= MAX_DASHED_PUBLICATIONS;
    for (gi, group) in groups.into_iter().enumerate() {
        let Some(first) = pubs.get(group.start) else {
            continue;
        };
        let n = group.len();
        let x = axis.x_px(first.day);
        let stroke = Stroke::new(1.0, theme.publication());
        if dashed {
            painter.add(Shape::dashed_line(
                &[Pos2::new(x, frame.top()), Pos2::new(x, frame.bottom())],
                stroke,
                6.0,
                4.0,
            ));
        } else {
            painter.line_segment(
                [Pos2::new(x, frame.top()), Pos2::new(x, frame.top() + 12.0)],
                stroke,
            );
        }
        let date = || date_of(first.day).map(human_date).unwrap_or_default();
        let title = |p: &Publication| {
            state
                .articles
                .get(p.article)
                .map(|a| a.title())
                .unwrap_or_default()
        };
        let row = rows_right
            .iter()
            .position(|&right| right < x)
            .unwrap_or(rows_right.len());
        if row < PUBLICATION_LABEL_ROWS {
            let text = if n == 1 {
                format!("published {}", date())
            } else {
                format!("{n} published from {}", date())
            };
            let galley = painter.layout_no_wrap(text, small.clone(), theme.publication());
            let width = galley.size().x;
            let top = frame.top() + 2.0 + row as f32 * (galley.size().y + 1.0);
            painter.galley(Pos2::new(x + 3.0, top), galley, theme.publication());
            if row == rows_right.len() {
                rows_right.push(x + width + 8.0);
            } else {
                rows_right[row] = x + width + 8.0;
            }
        }
        let hit = Rect::from_x_y_ranges((x - 3.0)..=(x + 3.0), frame.y_range());
        // Ids by place on screen, not by article: a zoom regroups the dates, and
        // ids that changed every frame would pile up in egui's focus list.
        let id = Id::unique(("publication", gi));
        let r = ui.interact(hit, id, Sense::hover());
        r.widget_info(|| {
            let label = if n == 1 {
                format!("Published: {}, {}", title(first), date())
            } else {
                format!("{n} articles published from {}", date())
            };
            egui::WidgetInfo::labeled(egui::Role::Label, true, label)
        });
        r.on_hover_ui(|ui| {
            if n == 1 {
                ui.label(format!("Published: {}\n{}", title(first), date()));
                return;
            }
            ui.strong(format!("{n} articles published"));
            for p in pubs[group.clone()].iter().take(12) {
                let d = date_of(p.day).map(human_date).unwrap_or_default();
                ui.label(format!("{d} — {}", title(p)));
            }
            if n > 12 {
                ui.label(format!("… and {} more", n - 12));
            }
        });
    }
}

/// What the timeline tells the app besides commands.
#[derive(Debug, Default)]
pub struct TimelineOutput {
    /// Screen position of each single event's marker, by entry id.
    pub marker_pos: HashMap<String, Pos2>,
}

/// Calendar-aware grid marks for egui_plot.
fn time_grid(input: GridInput) -> Vec<GridMark> {
    let view = ViewRange::new(input.bounds.0, input.bounds.1);
    calendar_marks(view, input.base_step_size)
        .into_iter()
        .map(|m| GridMark {
            value: m.day,
            step_size: m.step.days(),
        })
        .collect()
}

fn lane_y(index: usize) -> f64 {
    -(index as f64)
}

fn short(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        name.to_string()
    } else {
        let mut s: String = name.chars().take(max_chars.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// A cluster's count in at most three characters, so that it fits its circle:
/// "7", "348", "3k", "15k", "2M".
pub fn compact_count(n: usize) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..1_000_000 => format!("{}k", n / 1_000),
        _ => format!("{}M", n / 1_000_000),
    }
}

/// The date of an entry for people: "19 Jun 2024", "June 2024", "2024", "since Sep 2025".
pub fn entry_date_text(d: &DateRecord) -> String {
    let base = match d.grain {
        Grain::Minute | Grain::Hour | Grain::Day => human_date(d.start_date),
        Grain::Week => format!("week of {}", human_date(d.start_date)),
        Grain::Month => d.start_date.format("%B %Y").to_string(),
        Grain::Year => d.start_date.format("%Y").to_string(),
        Grain::Decade => format!("{}s", d.start_date.format("%Y")),
        Grain::Quarter | Grain::Season => format!(
            "{} ({} – {})",
            crate::app::records::name(d.value),
            human_date(d.start_date),
            human_date(d.end_date)
        ),
    };
    match d.modifier {
        Some(Modifier::Start) => format!("early {base}"),
        Some(Modifier::Mid) => format!("mid {base}"),
        Some(Modifier::End) => format!("late {base}"),
        Some(Modifier::Approx) => format!("about {base}"),
        Some(Modifier::Before) => format!("before {base}"),
        Some(Modifier::After) => format!("after {base}"),
        Some(Modifier::Since) => format!("since {base}"),
        Some(Modifier::Until) => format!("until {base}"),
        Some(Modifier::Planned) => format!("{base} (planned)"),
        None => base,
    }
}

/// Draws the timeline and returns where its markers are; clicks, zooms and pans become commands.
pub fn timeline_view_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    commands: &mut Vec<Command>,
) -> TimelineOutput {
    let theme = Theme::of(ui);
    let lanes = &state.lanes;
    let n_lanes = lanes.len().max(1);
    let lane_names: Vec<String> = lanes.iter().map(|l| short(&l.name, 18)).collect();
    let view = state.view;
    let y_min = lane_y(n_lanes - 1) - 0.6;
    let y_max = 0.6;
    let names_for_axis = lane_names.clone();
    let plot = Plot::new("timeline")
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag([true, false])
        .allow_boxed_zoom(true)
        .allow_double_click_reset(false)
        .allow_axis_zoom_drag(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .x_grid_spacer(time_grid)
        // Labels may sit closer than egui_plot's default 60 points (month names are short);
        // a label that does not fit its step is still left out.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(|mark, _range| {
                    mark_label(mark.value, TickStep::from_days(mark.step_size))
                })
                .label_spacing(28.0..=40.0),
        ])
        .y_grid_spacer(move |_input| {
            (0..n_lanes)
                .map(|i| GridMark {
                    value: lane_y(i),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _range| {
            let i = (-mark.value).round();
            if (mark.value + i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            names_for_axis.get(i as usize).cloned().unwrap_or_default()
        })
        .y_axis_min_width(130.0);
    let response = plot.show(ui, |pui| {
        pui.set_plot_bounds(PlotBounds::from_min_max(
            [view.start, y_min],
            [view.end, y_max],
        ));
    });
    let transform = response.transform;
    let frame = *transform.frame();
    let bounds = transform.bounds();
    let plot_resp = response.response;

    // Drag and box zoom happened inside egui_plot: take its new x range.
    let (new_start, new_end) = (bounds.min()[0], bounds.max()[0]);
    let eps = view.span_days() * 1e-9;
    if (new_start - view.start).abs() > eps || (new_end - view.end).abs() > eps {
        commands.push(Command::SetView(ViewRange::new(new_start, new_end)));
    }
    let axis = TimeAxis::new(
        ViewRange::new(new_start, new_end),
        frame.left(),
        frame.width(),
    );

    // Wheel and pinch zoom around the pointer; sideways scroll pans.
    if plot_resp.hovered()
        && let Some(pointer) = plot_resp.hover_pos()
    {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = f64::from(zoom).recip() * (-f64::from(scroll.y) * 0.002).exp();
        if (factor - 1.0).abs() > 1e-6 {
            commands.push(Command::Zoom {
                factor,
                anchor: Some(axis.day_at(pointer.x)),
            });
        }
        if scroll.x.abs() > 0.0 {
            commands.push(Command::Pan(
                -f64::from(scroll.x) / f64::from(frame.width()),
            ));
        }
    }
    if plot_resp.double_clicked() {
        commands.push(Command::ZoomToFit);
    }

    let y_px = |lane: usize| transform.position_from_point_y(lane_y(lane));
    let lane_h = (y_px(0) - y_px(1)).abs();
    let painter = ui.painter_at(frame);

    // Lane stripes.
    for i in (1..lanes.len()).step_by(2) {
        let y = y_px(i);
        painter.rect_filled(
            Rect::from_x_y_ranges(frame.x_range(), (y - lane_h / 2.0)..=(y + lane_h / 2.0)),
            0.0,
            theme.lane_stripe(),
        );
    }

    publications_ui(ui, &painter, state, &axis, &theme);

    let mut out = TimelineOutput::default();
    if lanes.is_empty() {
        let msg = if state.articles.is_empty() {
            "No articles open. Open files (Ctrl+O) or drop them here."
        } else if state.entries.is_empty() {
            "No dated events found in the open articles yet."
        } else {
            "No events match the filters."
        };
        painter.text(
            frame.center(),
            Align2::CENTER_CENTER,
            msg,
            FontId::proportional(16.0),
            theme.marker_label(),
        );
        return out;
    }

    let label_font = FontId::proportional(12.0);
    for (li, lane) in lanes.iter().enumerate() {
        let y = y_px(li);
        if y < frame.top() - lane_h || y > frame.bottom() + lane_h {
            continue;
        }
        // Range bars, for items reaching into view (drawn under the markers): one
        // by one when there are few, else the days they cover.
        let reaching = lane.reaching(axis.view);
        if reaching.len() <= MAX_SINGLE_BARS {
            for it in &lane.items[reaching] {
                let e = &state.entries[it.entry];
                draw_range(&painter, &axis, e, it.start_day, it.end_day, y, &theme);
            }
        } else {
            let color = lane.kind.map_or(theme.cluster(), |k| theme.kind(k));
            for (x0, x1) in layout_spans(lane.bar_spans_in(axis.view), &axis, 1.0) {
                let rect =
                    Rect::from_x_y_ranges(x0..=x1, (y - BAR_HALF_HEIGHT)..=(y + BAR_HALF_HEIGHT));
                painter.rect_filled(rect, 2.0, theme.range_fill(color));
            }
        }
        let glyphs = layout_lane(lane, &axis, CLUSTER_PX);
        for (gi, g) in glyphs.iter().enumerate() {
            let center = Pos2::new(g.x_px, y);
            let first = &lane.items[g.items.start];
            // By place on the lane, as for publication dates.
            let id = Id::unique(("glyph", li, gi));
            if g.is_cluster() {
                // Nothing here walks the members: a cluster may stand for a million.
                let n = g.items.len();
                let fill = match lane.kind {
                    Some(k) => theme.kind(k),
                    None if lane.one_kind(g.items.clone()) => {
                        theme.kind(state.entries[first.entry].kind)
                    }
                    None => theme.cluster(),
                };
                painter.circle_filled(center, CLUSTER_RADIUS, fill);
                painter.text(
                    center,
                    Align2::CENTER_CENTER,
                    compact_count(n),
                    FontId::proportional(10.0),
                    theme.cluster_text(),
                );
                let rect = Rect::from_center_size(center, Vec2::splat(CLUSTER_RADIUS * 2.0 + 2.0));
                let resp = ui.interact(rect, id, Sense::click());
                resp.widget_info(|| {
                    let label = format!("Cluster of {n} events on lane {}", lane.name);
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                });
                // Zoom to the markers, not to long date ranges that would hide them again;
                // the items are in marker order, so the ends are the first and the last.
                let a = first.marker_day;
                let b = lane
                    .items
                    .get(g.items.end - 1)
                    .map_or(a, |it| it.marker_day);
                let resp = resp.on_hover_ui(|ui| {
                    ui.strong(format!("{n} events"));
                    for it in lane.items[g.items.clone()].iter().take(12) {
                        let e = &state.entries[it.entry];
                        ui.label(format!(
                            "{} — {}",
                            entry_date_text(&e.date),
                            state.entry_label(it.entry)
                        ));
                    }
                    if n > 12 {
                        ui.label(format!("… and {} more (click to zoom in)", n - 12));
                    }
                });
                if resp.clicked() {
                    commands.push(Command::ZoomTo(a, b));
                }
            } else {
                let e = &state.entries[first.entry];
                let (e_id, e_label) = (state.entry_id(first.entry), state.entry_label(first.entry));
                let color = theme.kind(e.kind);
                let planned = e.date.modifier == Some(Modifier::Planned);
                if planned {
                    painter.circle_stroke(center, MARKER_RADIUS - 0.75, Stroke::new(1.5, color));
                } else {
                    painter.circle_filled(center, MARKER_RADIUS, color);
                }
                if state.selected.as_deref() == Some(e_id.as_str()) {
                    painter.circle_stroke(
                        center,
                        MARKER_RADIUS + 3.0,
                        Stroke::new(2.0, theme.selection()),
                    );
                }
                out.marker_pos.insert(e_id.clone(), center);
                // A label to the right, where it fits before the next glyph.
                let next_x = glyphs
                    .get(gi + 1)
                    .map_or(frame.right(), |n| n.x_px - CLUSTER_RADIUS);
                let room = next_x - (g.x_px + MARKER_RADIUS + 4.0) - 4.0;
                if room > 40.0 {
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        e_label.clone(),
                        label_font.clone(),
                        theme.marker_label(),
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(room);
                    let galley = painter.layout_job(job);
                    painter.galley(
                        Pos2::new(g.x_px + MARKER_RADIUS + 4.0, y - galley.size().y / 2.0),
                        galley,
                        theme.marker_label(),
                    );
                }
                let rect = Rect::from_center_size(center, Vec2::splat(MARKER_RADIUS * 2.0 + 4.0));
                let resp = ui.interact(rect, id, Sense::click());
                resp.widget_info(|| {
                    let label = format!("{e_label}, {}", entry_date_text(&e.date));
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                });
                let resp = resp.on_hover_ui(|ui| {
                    ui.strong(&e_label);
                    ui.label(entry_date_text(&e.date));
                });
                if resp.clicked() {
                    commands.push(Command::Select(Some(e_id.clone())));
                    commands.push(Command::OpenPopup(e_id));
                }
            }
        }
    }
    out
}

/// A translucent bar across an entry's date range when it is longer than a day,
/// with an arrow for "since"/"until" and a dashed outline when planned.
fn draw_range(
    painter: &egui::Painter,
    axis: &TimeAxis,
    e: &EntryRecord,
    start_day: f64,
    end_day: f64,
    y: f32,
    theme: &Theme,
) {
    let open = matches!(e.date.modifier, Some(Modifier::Since | Modifier::Until));
    if end_day - start_day <= 1.0 && !open {
        return;
    }
    let color = theme.kind(e.kind);
    let (x0, x1) = (axis.x_px(start_day), axis.x_px(end_day));
    if x1 - x0 < 2.0 {
        return;
    }
    let rect = Rect::from_x_y_ranges(x0..=x1, (y - BAR_HALF_HEIGHT)..=(y + BAR_HALF_HEIGHT));
    painter.rect_filled(rect, 2.0, theme.range_fill(color));
    if e.date.modifier == Some(Modifier::Planned) {
        let pts = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        painter.add(Shape::dashed_line(&pts, Stroke::new(1.0, color), 4.0, 3.0));
    }
    let arrow = |tip: Pos2, dir: f32| {
        let back = tip.x - dir * 8.0;
        Shape::convex_polygon(
            vec![
                tip,
                Pos2::new(back, tip.y - BAR_HALF_HEIGHT),
                Pos2::new(back, tip.y + BAR_HALF_HEIGHT),
            ],
            color,
            Stroke::NONE,
        )
    };
    match e.date.modifier {
        Some(Modifier::Since) => {
            painter.add(arrow(Pos2::new(x1, y), 1.0));
        }
        Some(Modifier::Until) => {
            painter.add(arrow(Pos2::new(x0, y), -1.0));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::LaneItem;

    fn lane(days: &[f64]) -> Lane {
        let mut lane = Lane {
            name: "x".into(),
            ..Lane::default()
        };
        lane.set_items(
            days.iter()
                .enumerate()
                .map(|(i, &d)| LaneItem {
                    marker_day: d,
                    start_day: d,
                    end_day: d + 1.0,
                    entry: i,
                })
                .collect(),
        );
        lane
    }

    #[test]
    fn close_markers_become_one_cluster_and_far_ones_stay_single() {
        // 1 px per day.
        let axis = TimeAxis::new(ViewRange::new(0.0, 1000.0), 0.0, 1000.0);
        let l = lane(&[10.0, 12.0, 15.0, 100.0, 500.0, 505.0]);
        let g = layout_lane(&l, &axis, CLUSTER_PX);
        let runs: Vec<Range<usize>> = g.iter().map(|g| g.items.clone()).collect();
        assert_eq!(runs, [0..3, 3..4, 4..6]);
        assert!(g[0].is_cluster() && !g[1].is_cluster());
        // Zoomed in, everything is single.
        let axis = TimeAxis::new(ViewRange::new(0.0, 20.0), 0.0, 1000.0);
        let g = layout_lane(&l, &axis, CLUSTER_PX);
        assert_eq!(g.len(), 3);
        assert!(g.iter().all(|g| !g.is_cluster()));
    }

    #[test]
    fn a_million_events_give_a_screenful_of_glyphs() {
        let days: Vec<f64> = (0..1_000_000).map(|i| f64::from(i) * 0.01).collect();
        let l = lane(&days);
        let axis = TimeAxis::new(ViewRange::new(0.0, 10_000.0), 0.0, 1400.0);
        let g = layout_lane(&l, &axis, CLUSTER_PX);
        assert!(g.len() <= 1400 / 20 + 1);
        assert_eq!(g.iter().map(|g| g.items.len()).sum::<usize>(), 1_000_000);
    }

    #[test]
    fn every_pixel_column_gets_at_most_one_glyph_and_every_item_one_glyph() {
        // A million items in a few hundred pixels, unevenly spread.
        let days: Vec<f64> = (0..1_000_000u32)
            .map(|i| f64::from(i % 1000) * 3.7 + f64::from(i / 1000) * 0.001)
            .collect();
        let mut days = days;
        days.sort_by(f64::total_cmp);
        let l = lane(&days);
        let axis = TimeAxis::new(ViewRange::new(100.0, 3000.0), 50.0, 700.0);
        let g = layout_lane(&l, &axis, CLUSTER_PX);
        // Glyphs are in order, at least a cluster width apart at their starts, and
        // their circles do not overlap.
        for w in g.windows(2) {
            assert_eq!(w[0].items.end, w[1].items.start);
            let first_x = |g: &Glyph| axis.x_px(l.items[g.items.start].marker_day);
            assert!(first_x(&w[1]) - first_x(&w[0]) >= CLUSTER_PX - 1e-3);
            assert!(w[1].x_px - w[0].x_px >= 2.0 * CLUSTER_RADIUS - 1e-3);
        }
        // Each sits within its run or at most half a cluster width after its start.
        for gl in &g {
            let first_x = axis.x_px(l.items[gl.items.start].marker_day);
            assert!(gl.x_px >= first_x - 1e-3 && gl.x_px <= first_x + CLUSTER_PX / 2.0 + 1e-3);
        }
        assert!(g.len() <= (700.0 / CLUSTER_PX) as usize + 1);
        // Exactly the items in view, each in one glyph.
        let window = l.visible(axis.view);
        assert_eq!(g.first().unwrap().items.start, window.start);
        assert_eq!(g.last().unwrap().items.end, window.end);
    }

    #[test]
    fn the_visible_window_is_right_at_the_edges() {
        let l = lane(&[1.0, 2.0, 2.0, 3.0, 10.0]);
        // Markers exactly on the view's ends are in it.
        assert_eq!(l.visible(ViewRange::new(2.0, 3.0)), 1..4);
        assert_eq!(l.visible(ViewRange::new(0.0, 0.5)), 0..0);
        assert_eq!(l.visible(ViewRange::new(10.5, 11.0)), 5..5);
        assert_eq!(l.visible(ViewRange::new(0.0, 100.0)), 0..5);
        let empty = lane(&[]);
        assert_eq!(empty.visible(ViewRange::new(0.0, 1.0)), 0..0);
        assert!(
            layout_lane(
                &empty,
                &TimeAxis::new(ViewRange::new(0.0, 1.0), 0.0, 100.0),
                20.0
            )
            .is_empty()
        );
    }

    #[test]
    fn spans_merge_to_at_most_one_per_pixel_column() {
        // 100,000 one-day spans, two days apart, over 200,000 days on 1,000 pixels.
        let spans: Vec<(f64, f64)> = (0..100_000u32)
            .map(|i| (f64::from(i) * 2.0, f64::from(i) * 2.0 + 1.0))
            .collect();
        let axis = TimeAxis::new(ViewRange::new(0.0, 200_000.0), 0.0, 1000.0);
        let runs = layout_spans(&spans, &axis, 1.0);
        assert!(runs.len() <= 1000, "{}", runs.len());
        assert!(runs.windows(2).all(|w| w[0].1 <= w[1].0));
        // Zoomed in, the gaps show again.
        let axis = TimeAxis::new(ViewRange::new(0.0, 100.0), 0.0, 1000.0);
        let runs = layout_spans(&spans[..50], &axis, 1.0);
        assert_eq!(runs.len(), 50);
    }

    #[test]
    fn publication_dates_too_close_to_tell_apart_share_a_line() {
        let pubs = DayIndex::new((0..10_000).map(|i| f64::from(i) * 0.1).collect());
        let axis = TimeAxis::new(ViewRange::new(0.0, 1000.0), 0.0, 500.0);
        let groups = layout_publications(&pubs, &axis, PUBLICATION_MERGE_PX);
        assert!(groups.len() <= (500.0 / PUBLICATION_MERGE_PX) as usize + 1);
        assert_eq!(groups.iter().map(|g| g.len()).sum::<usize>(), 10_000);
        let axis = TimeAxis::new(ViewRange::new(0.0, 1.0), 0.0, 500.0);
        assert_eq!(
            layout_publications(&pubs, &axis, PUBLICATION_MERGE_PX).len(),
            11
        );
    }

    #[test]
    fn a_cluster_knows_whether_its_members_are_of_one_kind() {
        let mut l = lane(&[1.0, 2.0, 3.0, 4.0]);
        l.kind_breaks = vec![0, 0, 1, 1];
        assert!(l.one_kind(0..2));
        assert!(!l.one_kind(1..3));
        assert!(l.one_kind(2..4));
        assert!(l.one_kind(3..3));
    }

    #[test]
    fn a_cluster_count_fits_its_circle() {
        let counts = [7, 348, 999, 1_000, 3_476, 15_085, 999_999, 2_400_000];
        let shown: Vec<String> = counts.into_iter().map(compact_count).collect();
        assert_eq!(shown, ["7", "348", "999", "1k", "3k", "15k", "999k", "2M"]);
        assert!(shown.iter().all(|s| s.chars().count() <= 4));
    }

    #[test]
    fn dates_read_like_the_text_says() {
        use crate::app::state::tests::event;
        use crate::extract::events::EventKind;
        let ev = event("e", EventKind::Treaty, (2024, 6, 19), &[]);
        let mut date = DateRecord::of(&ev.date);
        assert_eq!(entry_date_text(&date), "19 Jun 2024");
        date.grain = Grain::Month;
        assert_eq!(entry_date_text(&date), "June 2024");
        date.modifier = Some(Modifier::Since);
        assert_eq!(entry_date_text(&date), "since June 2024");
    }
}
