//! What each client sees of the harvest, in snapshots and updates.
//!
//! Themes, voting's state and commitments are room-wide: every phone needs them to vote and the
//! wall to show them. Totals go to the facilitator and the wall, each person's own dots and
//! feedback only to their phone, and the count of feedback forms only to the facilitator.
//!
//! A theme created with a hidden note lists it for everyone (an id tells nothing); a wall drops
//! notes it does not hold. A note put back on the wall returns without its theme and dots there
//! until the wall reloads.

use std::collections::BTreeMap;

use flamingo_protocol::{
    Commitment, FeedbackView, NoteId, ThemeId, ThemeView, Update, VoteCount, VoteTarget, VotingView,
};

use crate::engine::access::Viewer;
use crate::engine::event::{HarvestEvent, wire};
use crate::engine::state::Cafe;
use crate::engine::view::{Fanout, ForWalls};

/// The harvest's part of a snapshot.
pub struct HarvestSnapshot {
    pub themes: Vec<ThemeView>,
    pub voting: VotingView,
    pub commitments: Vec<Commitment>,
    pub feedback: FeedbackView,
    pub co_facilitator: bool,
}

/// Every theme's notes (not deleted), in the order they were posted. A wall gets no trace of a
/// hidden note: it was told the note is gone.
fn theme_notes(cafe: &Cafe, for_wall: bool) -> BTreeMap<ThemeId, Vec<NoteId>> {
    let mut out: BTreeMap<ThemeId, Vec<NoteId>> = BTreeMap::new();
    if cafe.harvest.note_theme.is_empty() {
        return out;
    }
    for n in cafe
        .notes
        .iter()
        .filter(|n| !(n.deleted || for_wall && n.hidden))
    {
        if let Some(t) = cafe.harvest.note_theme.get(&n.id) {
            out.entry(*t).or_default().push(n.id);
        }
    }
    out
}

fn theme_view(cafe: &Cafe, theme_id: ThemeId) -> Option<ThemeView> {
    let theme = cafe.harvest.theme(theme_id)?;
    Some(ThemeView {
        theme_id,
        name: theme.name.clone(),
        note_ids: theme_notes(cafe, false)
            .remove(&theme_id)
            .unwrap_or_default(),
    })
}

pub fn snapshot(cafe: &Cafe, viewer: Viewer) -> HarvestSnapshot {
    let h = &cafe.harvest;
    let mut notes = theme_notes(cafe, viewer == Viewer::Wall);
    let themes = h
        .themes
        .iter()
        .map(|t| ThemeView {
            theme_id: t.id,
            name: t.name.clone(),
            note_ids: notes.remove(&t.id).unwrap_or_default(),
        })
        .collect();
    let counts = |m: &BTreeMap<_, u32>| {
        m.iter()
            .map(|(target, dots)| VoteCount {
                target: *target,
                dots: *dots,
            })
            .collect()
    };
    let hidden = |t: &VoteTarget| match t {
        VoteTarget::Note { note_id } => cafe.note(*note_id).is_some_and(|n| n.hidden),
        VoteTarget::Theme { .. } => false,
    };
    let (totals, mine) = match viewer {
        Viewer::Staff => (counts(&h.totals), Vec::new()),
        Viewer::Wall => {
            let shown: BTreeMap<VoteTarget, u32> = h
                .totals
                .iter()
                .filter(|(t, _)| !hidden(t))
                .map(|(t, d)| (*t, *d))
                .collect();
            (counts(&shown), Vec::new())
        }
        Viewer::Phone(p) => (Vec::new(), h.votes.get(&p).map(counts).unwrap_or_default()),
    };
    HarvestSnapshot {
        themes,
        voting: VotingView {
            state: h.voting,
            dots: h.dots,
            totals,
            mine,
        },
        commitments: h.commitments.clone(),
        feedback: FeedbackView {
            questions: h.questions.clone(),
            responses: match viewer {
                Viewer::Staff => h.feedback.len() as u32,
                _ => 0,
            },
            mine: match viewer {
                Viewer::Phone(p) => h.feedback.get(&p).cloned(),
                _ => None,
            },
        },
        co_facilitator: viewer == Viewer::Staff && h.co_key_hash.is_some(),
    }
}

/// The updates a harvest event sends.
pub fn fanout(cafe: &Cafe, event: &HarvestEvent, f: &mut Fanout) {
    let h = &cafe.harvest;
    match event {
        HarvestEvent::ThemeCreated { theme_id, .. } => {
            f.everyone = theme_view(cafe, *theme_id).map(|theme| Update::ThemeCreated { theme });
        }
        HarvestEvent::ThemeRenamed { theme_id, name } => {
            f.everyone = Some(Update::ThemeRenamed {
                theme_id: *theme_id,
                name: name.clone(),
            });
        }
        HarvestEvent::ThemeDeleted { theme_id } => {
            f.everyone = Some(Update::ThemeDeleted {
                theme_id: *theme_id,
            });
        }
        HarvestEvent::NoteThemed { note_id, theme_id } => {
            f.everyone = Some(Update::NoteThemed {
                note_id: *note_id,
                theme_id: *theme_id,
            });
        }
        HarvestEvent::VotingChanged { state, dots } => {
            f.everyone = Some(Update::VotingChanged {
                state: (*state).into(),
                dots: *dots,
            });
        }
        HarvestEvent::VotesSet {
            participant_id,
            target,
            dots,
        } => {
            let target = VoteTarget::from(*target);
            f.staff = Some(Update::VoteTotal {
                target,
                dots: h.total(target),
            });
            // A wall holds no hidden note, nor its total (see `snapshot`).
            if let VoteTarget::Note { note_id } = target
                && cafe.note(note_id).is_some_and(|n| n.hidden)
            {
                f.walls = ForWalls::Nothing;
            }
            f.phones.push((
                *participant_id,
                Update::YourVotes {
                    target,
                    dots: *dots,
                },
            ));
        }
        HarvestEvent::CommitmentSaved { commitment } => {
            f.everyone = Some(Update::CommitmentSaved {
                commitment: commitment.into(),
            });
        }
        HarvestEvent::CommitmentDeleted { commitment_id } => {
            f.everyone = Some(Update::CommitmentDeleted {
                commitment_id: *commitment_id,
            });
        }
        HarvestEvent::FeedbackQuestionsSet { questions } => {
            f.everyone = Some(Update::FeedbackQuestionsChanged {
                questions: wire::all(questions),
            });
        }
        HarvestEvent::FeedbackSubmitted {
            participant_id,
            answers,
        } => {
            f.staff = Some(Update::FeedbackReceived {
                responses: h.feedback.len() as u32,
            });
            f.walls = ForWalls::Nothing;
            f.phones.push((
                *participant_id,
                Update::YourFeedback {
                    answers: wire::all(answers),
                },
            ));
        }
    }
}
