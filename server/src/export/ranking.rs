//! The one ranking of the harvest's themes. Every export ranks and totals themes from here,
//! and `web-client/js/ranking.js` follows the same rule for the console and the wall, so a
//! theme has the same place and the same number of dots wherever it is shown.
//!
//! A theme's score is the dots on the theme plus the dots on each of its notes that is
//! shown: a note hidden from the wall (or deleted) is in no export and on no wall, so its dots
//! would be a number nobody can add up. Equal scores keep the order the themes were made in.

use flamingo_protocol::{NoteId, ThemeId, VoteTarget};

use crate::engine::Cafe;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedTheme {
    pub theme_id: ThemeId,
    /// Dots on the theme itself.
    pub own: u32,
    /// `own` plus the dots on the theme's shown notes.
    pub score: u32,
}

/// Every theme of the harvest, highest score first.
pub fn ranked_themes(cafe: &Cafe) -> Vec<RankedTheme> {
    let h = &cafe.harvest;
    let shown = |id: &NoteId| cafe.note(*id).is_some_and(|n| !n.deleted && !n.hidden);
    let mut ranked: Vec<RankedTheme> = h
        .themes
        .iter()
        .map(|t| {
            let own = h.total(VoteTarget::Theme { theme_id: t.id });
            let on_notes: u32 = h
                .note_theme
                .iter()
                .filter(|(note, theme)| **theme == t.id && shown(note))
                .map(|(note, _)| h.total(VoteTarget::Note { note_id: *note }))
                .sum();
            RankedTheme {
                theme_id: t.id,
                own,
                score: own + on_notes,
            }
        })
        .collect();
    // Stable, and `themes` is in the order they were made.
    ranked.sort_by_key(|t| std::cmp::Reverse(t.score));
    ranked
}
