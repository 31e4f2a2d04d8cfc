//! The harvest: themes, dot-voting, commitments, the feedback form and the co-facilitator key.
//! This file holds its state and how its events apply; `decide` its rules, `view` what each
//! client sees of it.

mod decide;
pub mod view;

use std::collections::{BTreeMap, HashMap};

use flamingo_protocol::{
    Commitment, FeedbackAnswer, FeedbackKind, FeedbackQuestion, NoteId, ParticipantId, ThemeId,
    VoteTarget, VotingState, limits,
};

use super::event::{HarvestEvent, wire};

pub use decide::{co_facilitator_key, decide};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: ThemeId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Harvest {
    /// In the order they were made.
    pub themes: Vec<Theme>,
    pub note_theme: HashMap<NoteId, ThemeId>,
    pub voting: VotingState,
    pub dots: u32,
    /// Each voter's dots by target. Targets that go away (a deleted theme or note) take their
    /// dots with them, which gives them back to the voter.
    pub votes: BTreeMap<ParticipantId, BTreeMap<VoteTarget, u32>>,
    pub totals: BTreeMap<VoteTarget, u32>,
    pub commitments: Vec<Commitment>,
    pub questions: Vec<FeedbackQuestion>,
    pub feedback: BTreeMap<ParticipantId, Vec<FeedbackAnswer>>,
    pub co_key_hash: Option<String>,
}

impl Default for Harvest {
    fn default() -> Self {
        Self {
            themes: Vec::new(),
            note_theme: HashMap::new(),
            voting: VotingState::NotOpen,
            dots: limits::DEFAULT_DOTS,
            votes: BTreeMap::new(),
            totals: BTreeMap::new(),
            commitments: Vec::new(),
            questions: default_questions(),
            feedback: BTreeMap::new(),
            co_key_hash: None,
        }
    }
}

/// The form every café starts with; the facilitator may change it before closing.
pub fn default_questions() -> Vec<FeedbackQuestion> {
    vec![
        FeedbackQuestion {
            kind: FeedbackKind::Rating,
            prompt: "How useful was this café for you?".into(),
        },
        FeedbackQuestion {
            kind: FeedbackKind::Text,
            prompt: "What will you do differently after today?".into(),
        },
    ]
}

impl Harvest {
    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The dots `voter` has on all targets.
    pub fn spent(&self, voter: ParticipantId) -> u32 {
        self.votes
            .get(&voter)
            .map_or(0, |v| v.values().copied().sum())
    }

    pub fn mine(&self, voter: ParticipantId, target: VoteTarget) -> u32 {
        self.votes
            .get(&voter)
            .and_then(|v| v.get(&target))
            .copied()
            .unwrap_or(0)
    }

    pub fn total(&self, target: VoteTarget) -> u32 {
        self.totals.get(&target).copied().unwrap_or(0)
    }

    fn set_votes(&mut self, voter: ParticipantId, target: VoteTarget, dots: u32) {
        let mine = self.votes.entry(voter).or_default();
        let before = mine.insert(target, dots).unwrap_or(0);
        if dots == 0 {
            mine.remove(&target);
        }
        let total = self.totals.entry(target).or_default();
        *total = (*total + dots).saturating_sub(before);
        if *total == 0 {
            self.totals.remove(&target);
        }
    }

    /// Takes every dot off a target that no longer exists.
    pub fn drop_target(&mut self, target: VoteTarget) {
        for mine in self.votes.values_mut() {
            mine.remove(&target);
        }
        self.totals.remove(&target);
    }

    /// A deleted note leaves its theme, and its dots go back to the voters.
    pub fn forget_note(&mut self, note_id: NoteId) {
        self.note_theme.remove(&note_id);
        self.drop_target(VoteTarget::Note { note_id });
    }

    /// Closing the café closes voting, if it was open.
    pub fn close_voting(&mut self) {
        if self.voting == VotingState::Open {
            self.voting = VotingState::Closed;
        }
    }

    pub fn apply(&mut self, event: &HarvestEvent) {
        match event {
            HarvestEvent::ThemeCreated {
                theme_id,
                name,
                note_ids,
            } => {
                if self.theme(*theme_id).is_none() {
                    self.themes.push(Theme {
                        id: *theme_id,
                        name: name.clone(),
                    });
                }
                for n in note_ids {
                    self.note_theme.insert(*n, *theme_id);
                }
            }
            HarvestEvent::ThemeRenamed { theme_id, name } => {
                if let Some(t) = self.themes.iter_mut().find(|t| t.id == *theme_id) {
                    t.name = name.clone();
                }
            }
            HarvestEvent::ThemeDeleted { theme_id } => {
                self.themes.retain(|t| t.id != *theme_id);
                self.note_theme.retain(|_, t| t != theme_id);
                self.drop_target(VoteTarget::Theme {
                    theme_id: *theme_id,
                });
                for c in &mut self.commitments {
                    c.theme_ids.retain(|t| t != theme_id);
                }
            }
            HarvestEvent::NoteThemed { note_id, theme_id } => match theme_id {
                Some(t) => {
                    self.note_theme.insert(*note_id, *t);
                }
                None => {
                    self.note_theme.remove(note_id);
                }
            },
            HarvestEvent::VotingChanged { state, dots } => {
                self.voting = (*state).into();
                self.dots = *dots;
            }
            HarvestEvent::VotesSet {
                participant_id,
                target,
                dots,
            } => self.set_votes(*participant_id, (*target).into(), *dots),
            HarvestEvent::CommitmentSaved { commitment } => {
                let commitment = Commitment::from(commitment);
                match self
                    .commitments
                    .iter_mut()
                    .find(|c| c.commitment_id == commitment.commitment_id)
                {
                    Some(c) => *c = commitment,
                    None => self.commitments.push(commitment),
                }
            }
            HarvestEvent::CommitmentDeleted { commitment_id } => {
                self.commitments
                    .retain(|c| c.commitment_id != *commitment_id);
            }
            HarvestEvent::FeedbackQuestionsSet { questions } => {
                self.questions = wire::all(questions);
            }
            HarvestEvent::FeedbackSubmitted {
                participant_id,
                answers,
            } => {
                self.feedback.insert(*participant_id, wire::all(answers));
            }
        }
    }
}
