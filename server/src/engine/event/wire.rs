//! Conversions between the values events store and the protocol's wire types. Written out field
//! by field on purpose: a change to a wire type stops here, at a compile error, instead of
//! silently changing what the log stores or can read.

use flamingo_protocol as wire;

use super::values::{
    Commitment, FeedbackAnswer, FeedbackKind, FeedbackQuestion, RoundSpec, TableSeats, VoteTarget,
    VotingState,
};

impl From<&wire::RoundSpec> for RoundSpec {
    fn from(r: &wire::RoundSpec) -> Self {
        Self {
            question: r.question.clone(),
            minutes: r.minutes,
        }
    }
}

impl From<&RoundSpec> for wire::RoundSpec {
    fn from(r: &RoundSpec) -> Self {
        Self {
            question: r.question.clone(),
            minutes: r.minutes,
        }
    }
}

impl From<&wire::TableSeats> for TableSeats {
    fn from(t: &wire::TableSeats) -> Self {
        Self {
            table: t.table,
            host: t.host,
            members: t.members.clone(),
        }
    }
}

/// By value, for the planner's tables, which become an event as they are.
impl From<wire::TableSeats> for TableSeats {
    fn from(t: wire::TableSeats) -> Self {
        Self {
            table: t.table,
            host: t.host,
            members: t.members,
        }
    }
}

impl From<&TableSeats> for wire::TableSeats {
    fn from(t: &TableSeats) -> Self {
        Self {
            table: t.table,
            host: t.host,
            members: t.members.clone(),
        }
    }
}

impl From<wire::VoteTarget> for VoteTarget {
    fn from(t: wire::VoteTarget) -> Self {
        match t {
            wire::VoteTarget::Theme { theme_id } => Self::Theme { theme_id },
            wire::VoteTarget::Note { note_id } => Self::Note { note_id },
        }
    }
}

impl From<VoteTarget> for wire::VoteTarget {
    fn from(t: VoteTarget) -> Self {
        match t {
            VoteTarget::Theme { theme_id } => Self::Theme { theme_id },
            VoteTarget::Note { note_id } => Self::Note { note_id },
        }
    }
}

impl From<wire::VotingState> for VotingState {
    fn from(s: wire::VotingState) -> Self {
        match s {
            wire::VotingState::NotOpen => Self::NotOpen,
            wire::VotingState::Open => Self::Open,
            wire::VotingState::Closed => Self::Closed,
        }
    }
}

impl From<VotingState> for wire::VotingState {
    fn from(s: VotingState) -> Self {
        match s {
            VotingState::NotOpen => Self::NotOpen,
            VotingState::Open => Self::Open,
            VotingState::Closed => Self::Closed,
        }
    }
}

impl From<&wire::Commitment> for Commitment {
    fn from(c: &wire::Commitment) -> Self {
        Self {
            commitment_id: c.commitment_id,
            text: c.text.clone(),
            owner: c.owner.clone(),
            due: c.due.clone(),
            theme_ids: c.theme_ids.clone(),
        }
    }
}

impl From<&Commitment> for wire::Commitment {
    fn from(c: &Commitment) -> Self {
        Self {
            commitment_id: c.commitment_id,
            text: c.text.clone(),
            owner: c.owner.clone(),
            due: c.due.clone(),
            theme_ids: c.theme_ids.clone(),
        }
    }
}

impl From<wire::FeedbackKind> for FeedbackKind {
    fn from(k: wire::FeedbackKind) -> Self {
        match k {
            wire::FeedbackKind::Rating => Self::Rating,
            wire::FeedbackKind::Text => Self::Text,
        }
    }
}

impl From<FeedbackKind> for wire::FeedbackKind {
    fn from(k: FeedbackKind) -> Self {
        match k {
            FeedbackKind::Rating => Self::Rating,
            FeedbackKind::Text => Self::Text,
        }
    }
}

impl From<&wire::FeedbackQuestion> for FeedbackQuestion {
    fn from(q: &wire::FeedbackQuestion) -> Self {
        Self {
            kind: q.kind.into(),
            prompt: q.prompt.clone(),
        }
    }
}

impl From<&FeedbackQuestion> for wire::FeedbackQuestion {
    fn from(q: &FeedbackQuestion) -> Self {
        Self {
            kind: q.kind.into(),
            prompt: q.prompt.clone(),
        }
    }
}

impl From<&wire::FeedbackAnswer> for FeedbackAnswer {
    fn from(a: &wire::FeedbackAnswer) -> Self {
        Self {
            rating: a.rating,
            text: a.text.clone(),
        }
    }
}

impl From<&FeedbackAnswer> for wire::FeedbackAnswer {
    fn from(a: &FeedbackAnswer) -> Self {
        Self {
            rating: a.rating,
            text: a.text.clone(),
        }
    }
}

/// Converts every element, for the lists events carry.
pub fn all<'a, A: 'a, B: From<&'a A>>(items: &'a [A]) -> Vec<B> {
    items.iter().map(B::from).collect()
}
