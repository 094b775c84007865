//! What the UI asks for. Panels never change the state themselves: they
//! return or queue a [`Command`], and the app applies all of them in one
//! place ([`crate::app::DatelineApp::apply`]).

use std::path::PathBuf;

use crate::app::state::{LaneMode, SortColumn, SourceRef};
use crate::app::time_axis::ViewRange;
use crate::extract::events::EventKind;
use crate::extract::time::Grain;

/// A zoom preset: how much time the view shows around its centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoomPreset {
    /// Ten years.
    Decade,
    /// One year.
    Year,
    /// One month.
    Month,
    /// One week.
    Week,
}

impl ZoomPreset {
    /// All presets, for the toolbar.
    pub const ALL: [ZoomPreset; 4] = [
        ZoomPreset::Decade,
        ZoomPreset::Year,
        ZoomPreset::Month,
        ZoomPreset::Week,
    ];

    /// The span it shows, in days.
    pub fn span_days(self) -> f64 {
        match self {
            ZoomPreset::Decade => 3652.5,
            ZoomPreset::Year => 365.25,
            ZoomPreset::Month => 30.44,
            ZoomPreset::Week => 7.0,
        }
    }

    /// Its button text.
    pub fn title(self) -> &'static str {
        match self {
            ZoomPreset::Decade => "Decade",
            ZoomPreset::Year => "Year",
            ZoomPreset::Month => "Month",
            ZoomPreset::Week => "Week",
        }
    }
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open these files and folders (from the dialog, drag and drop, the command line or Recent).
    OpenPaths(Vec<PathBuf>),
    /// Show the open-files dialog.
    OpenFilesDialog,
    /// Show the open-folder dialog.
    OpenFolderDialog,
    /// Open the sample articles built into the app.
    OpenSamples,
    /// Close an article, by id.
    RemoveArticle(String),
    /// Show or hide an article's events.
    SetArticleVisible(String, bool),
    /// Forget the files that failed.
    DismissErrors,
    /// Stop looking for a file of the last session that is missing (`None`: for all of them).
    ForgetMissing(Option<SourceRef>),
    /// Try the missing files of the last session again.
    LookForMissing,
    /// Forget the notices.
    DismissNotices,
    /// Show this range (kept within limits).
    SetView(ViewRange),
    /// Zoom by a factor (> 1 shows more), around a day number or the centre.
    Zoom {
        /// Factor on the visible span.
        factor: f64,
        /// Day to keep in place; the centre when `None`.
        anchor: Option<f64>,
    },
    /// Pan by a fraction of the visible span (negative: back in time).
    Pan(f64),
    /// Show all shown events.
    ZoomToFit,
    /// Show `[start, end)` in day numbers, with a margin.
    ZoomTo(f64, f64),
    /// Show a preset span around the centre.
    ZoomPreset(ZoomPreset),
    /// Select an entry (by id) or nothing.
    Select(Option<String>),
    /// Open an entry's detail popup.
    OpenPopup(String),
    /// Close an entry's detail popup.
    ClosePopup(String),
    /// Close the most recent popup.
    CloseTopPopup,
    /// Select the entry this many places away in time order.
    Step(i32),
    /// Open the popup of the selected entry.
    OpenSelected,
    /// Show an article's text, scrolled to a character offset.
    ShowArticle {
        /// The article's id.
        article: String,
        /// Where to scroll.
        at: Option<usize>,
    },
    /// Close the article view.
    CloseArticle,
    /// Change the lanes.
    SetLaneMode(LaneMode),
    /// Show or hide a kind.
    SetKindVisible(EventKind, bool),
    /// Add or remove an actor from the actor filter.
    ToggleActor(String),
    /// Set the text search.
    SetSearch(String),
    /// Set the minimum precision.
    SetMinPrecision(Option<Grain>),
    /// Clear all filters.
    ClearFilters,
    /// Sort the table by a column (again: reverse).
    SortBy(SortColumn),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Open a web link in the system browser (http and https only).
    OpenUrl(String),
}
