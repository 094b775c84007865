//! Every colour the app uses, for light and dark mode. Nothing else names a colour.

use egui::Color32;

use crate::extract::events::EventKind;

/// The palette for one mode.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Dark mode.
    pub dark: bool,
}

impl Theme {
    /// The palette that matches the ui's current visuals (which follow the system).
    pub fn of(ui: &egui::Ui) -> Self {
        Theme {
            dark: ui.visuals().dark_mode,
        }
    }

    /// An event kind's colour (Okabe–Ito-like, distinguishable by most colour-blind readers).
    pub fn kind(&self, kind: EventKind) -> Color32 {
        let (light, dark) = match kind {
            EventKind::Meeting => ((0, 114, 178), (86, 180, 233)),
            EventKind::Deployment => ((213, 94, 0), (240, 140, 60)),
            EventKind::Treaty => ((0, 148, 115), (60, 200, 160)),
            EventKind::Aid => ((175, 130, 0), (240, 200, 70)),
            EventKind::Attack => ((200, 30, 45), (255, 95, 100)),
            EventKind::Test => ((150, 60, 160), (205, 130, 215)),
            EventKind::Casualties => ((110, 40, 40), (200, 120, 110)),
            EventKind::Exercise => ((70, 110, 40), (150, 200, 100)),
            EventKind::Statement => ((100, 100, 100), (170, 170, 170)),
        };
        let (r, g, b) = if self.dark { dark } else { light };
        Color32::from_rgb(r, g, b)
    }

    /// A translucent version of a colour for date-range bars.
    pub fn range_fill(&self, c: Color32) -> Color32 {
        c.gamma_multiply(if self.dark { 0.30 } else { 0.22 })
    }

    /// Cluster markers.
    pub fn cluster(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(200, 200, 210)
        } else {
            Color32::from_rgb(70, 70, 85)
        }
    }

    /// The count written on a cluster marker.
    pub fn cluster_text(&self) -> Color32 {
        if self.dark {
            Color32::BLACK
        } else {
            Color32::WHITE
        }
    }

    /// Ring around the selected event.
    pub fn selection(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(255, 230, 80)
        } else {
            Color32::from_rgb(230, 120, 0)
        }
    }

    /// Lines at articles' publication dates.
    pub fn publication(&self) -> Color32 {
        if self.dark {
            Color32::from_rgba_unmultiplied(150, 160, 255, 150)
        } else {
            Color32::from_rgba_unmultiplied(60, 70, 200, 140)
        }
    }

    /// Every other lane's background.
    pub fn lane_stripe(&self) -> Color32 {
        if self.dark {
            Color32::from_white_alpha(8)
        } else {
            Color32::from_black_alpha(10)
        }
    }

    /// Labels beside markers.
    pub fn marker_label(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(215)
        } else {
            Color32::from_gray(40)
        }
    }

    /// Background of time expressions in text.
    pub fn timex_bg(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(40, 70, 110)
        } else {
            Color32::from_rgb(205, 225, 255)
        }
    }

    /// Background of event sentences in the article view.
    pub fn sentence_bg(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(45, 45, 35)
        } else {
            Color32::from_rgb(255, 250, 215)
        }
    }

    /// Background of the selected event's sentence.
    pub fn selected_sentence_bg(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(90, 80, 20)
        } else {
            Color32::from_rgb(255, 232, 150)
        }
    }

    /// Actors in text.
    pub fn actor(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(120, 220, 160)
        } else {
            Color32::from_rgb(0, 120, 60)
        }
    }

    /// Links in text.
    pub fn link(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(120, 170, 255)
        } else {
            Color32::from_rgb(20, 80, 200)
        }
    }

    /// Errors.
    pub fn error(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(255, 110, 110)
        } else {
            Color32::from_rgb(190, 20, 20)
        }
    }

    /// Warnings.
    pub fn warning(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(240, 190, 80)
        } else {
            Color32::from_rgb(160, 100, 0)
        }
    }

    /// The drop hint's veil over the window.
    pub fn drop_veil(&self) -> Color32 {
        Color32::from_black_alpha(150)
    }

    /// Text on the drop veil.
    pub fn drop_text(&self) -> Color32 {
        Color32::WHITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_distinct_colours_in_both_modes() {
        for dark in [false, true] {
            let t = Theme { dark };
            let mut seen: Vec<Color32> = EventKind::ALL.iter().map(|k| t.kind(*k)).collect();
            seen.sort_by_key(|c| c.to_array());
            seen.dedup();
            assert_eq!(seen.len(), EventKind::ALL.len());
        }
    }
}
