//! The rules of the harvest's commands.

use flamingo_protocol::{
    Command, Commitment, FeedbackAnswer, FeedbackKind, FeedbackQuestion, NoteId, ThemeId,
    VoteTarget, VotingState, limits,
};

use super::Theme;
use crate::engine::access::Actor;
use crate::engine::error::EngineError;
use crate::engine::event::{self, Event, HarvestEvent, wire};
use crate::engine::state::{Cafe, Phase};
use crate::engine::validate;

/// The one event a command causes.
fn one(e: HarvestEvent) -> Result<Vec<Event>, EngineError> {
    Ok(vec![e.into()])
}

/// Decides a harvest command. The caller has checked that staff commands come from staff.
pub fn decide(cafe: &Cafe, actor: Actor, command: &Command) -> Result<Vec<Event>, EngineError> {
    let h = &cafe.harvest;
    match command {
        Command::CreateTheme {
            theme_id,
            name,
            note_ids,
        } => {
            in_harvest(cafe)?;
            let name = validate::text("theme name", name, limits::MAX_THEME_NAME_CHARS, false)?;
            let mut notes: Vec<NoteId> = Vec::with_capacity(note_ids.len());
            for n in note_ids {
                live_note(cafe, *n)?;
                if !notes.contains(n) {
                    notes.push(*n);
                }
            }
            if let Some(existing) = h.theme(*theme_id) {
                // The same theme again (its ack was lost) is harmless; another is a mistake.
                let same = existing.name == name
                    && notes.iter().all(|n| h.note_theme.get(n) == Some(theme_id));
                return if same {
                    Ok(Vec::new())
                } else {
                    Err(EngineError::Invalid(
                        "that theme id belongs to another theme; generate a new id".into(),
                    ))
                };
            }
            if h.themes.len() >= limits::MAX_THEMES {
                return Err(EngineError::Invalid(format!(
                    "a café has at most {} themes; merge some first",
                    limits::MAX_THEMES
                )));
            }
            one(HarvestEvent::ThemeCreated {
                theme_id: *theme_id,
                name,
                note_ids: notes,
            })
        }
        Command::RenameTheme { theme_id, name } => {
            in_harvest(cafe)?;
            let theme = existing_theme(cafe, *theme_id)?;
            let name = validate::text("theme name", name, limits::MAX_THEME_NAME_CHARS, false)?;
            if theme.name == name {
                return Ok(Vec::new());
            }
            one(HarvestEvent::ThemeRenamed {
                theme_id: *theme_id,
                name,
            })
        }
        Command::DeleteTheme { theme_id } => {
            in_harvest(cafe)?;
            if h.theme(*theme_id).is_none() {
                // Deleting twice is the same as deleting once.
                return Ok(Vec::new());
            }
            one(HarvestEvent::ThemeDeleted {
                theme_id: *theme_id,
            })
        }
        Command::SetNoteTheme { note_id, theme_id } => {
            in_harvest(cafe)?;
            live_note(cafe, *note_id)?;
            if let Some(t) = theme_id {
                existing_theme(cafe, *t)?;
            }
            if h.note_theme.get(note_id) == theme_id.as_ref() {
                return Ok(Vec::new());
            }
            one(HarvestEvent::NoteThemed {
                note_id: *note_id,
                theme_id: *theme_id,
            })
        }
        Command::OpenVoting { dots } => {
            in_harvest(cafe)?;
            if !(1..=limits::MAX_DOTS).contains(dots) {
                return Err(EngineError::Invalid(format!(
                    "each person gets 1 to {} dots",
                    limits::MAX_DOTS
                )));
            }
            if h.voting == VotingState::Open && h.dots == *dots {
                return Ok(Vec::new());
            }
            one(HarvestEvent::VotingChanged {
                state: event::VotingState::Open,
                dots: *dots,
            })
        }
        Command::CloseVoting => match h.voting {
            VotingState::Open => one(HarvestEvent::VotingChanged {
                state: event::VotingState::Closed,
                dots: h.dots,
            }),
            VotingState::Closed => Ok(Vec::new()),
            VotingState::NotOpen => Err(EngineError::WrongPhase("voting has not been opened")),
        },
        Command::SetVotes { target, dots } => set_votes(cafe, actor, *target, *dots),
        Command::SaveCommitment { commitment } => {
            in_harvest(cafe)?;
            let commitment = checked_commitment(cafe, commitment)?;
            match h
                .commitments
                .iter()
                .find(|c| c.commitment_id == commitment.commitment_id)
            {
                Some(c) if *c == commitment => return Ok(Vec::new()),
                Some(_) => {}
                None if h.commitments.len() >= limits::MAX_COMMITMENTS => {
                    return Err(EngineError::Invalid(format!(
                        "a café has at most {} commitments",
                        limits::MAX_COMMITMENTS
                    )));
                }
                None => {}
            }
            one(HarvestEvent::CommitmentSaved {
                commitment: (&commitment).into(),
            })
        }
        Command::DeleteCommitment { commitment_id } => {
            in_harvest(cafe)?;
            if !h
                .commitments
                .iter()
                .any(|c| c.commitment_id == *commitment_id)
            {
                return Ok(Vec::new());
            }
            one(HarvestEvent::CommitmentDeleted {
                commitment_id: *commitment_id,
            })
        }
        Command::SetFeedbackQuestions { questions } => {
            if cafe.phase == Phase::Closed {
                return Err(EngineError::WrongPhase(
                    "the café is closed; the feedback form can no longer change",
                ));
            }
            let questions = checked_questions(questions)?;
            if questions == h.questions {
                return Ok(Vec::new());
            }
            one(HarvestEvent::FeedbackQuestionsSet {
                questions: wire::all(&questions),
            })
        }
        Command::SubmitFeedback { answers } => submit_feedback(cafe, actor, answers),
        _ => Err(EngineError::Invalid("not a harvest command".into())),
    }
}

/// Sharing (`Some`) or revoking (`None`) the co-facilitator key. The shell checked that the
/// facilitator asked and made the key; only its hash is kept.
pub fn co_facilitator_key(cafe: &Cafe, key_hash: Option<&str>) -> Result<Vec<Event>, EngineError> {
    if key_hash.is_some() && cafe.phase == Phase::Closed {
        return Err(EngineError::WrongPhase("the café is closed"));
    }
    if key_hash.is_none() && cafe.harvest.co_key_hash.is_none() {
        return Ok(Vec::new());
    }
    Ok(vec![Event::CoFacilitatorKeySet {
        key_hash: key_hash.map(str::to_owned),
    }])
}

fn in_harvest(cafe: &Cafe) -> Result<(), EngineError> {
    match cafe.phase {
        Phase::Harvest => Ok(()),
        Phase::Closed => Err(EngineError::WrongPhase("the café is closed")),
        _ => Err(EngineError::WrongPhase(
            "open the harvest first (after the last round)",
        )),
    }
}

fn existing_theme(cafe: &Cafe, id: ThemeId) -> Result<&Theme, EngineError> {
    cafe.harvest
        .theme(id)
        .ok_or(EngineError::NotFound("no such theme"))
}

fn live_note(cafe: &Cafe, id: NoteId) -> Result<(), EngineError> {
    match cafe.note(id) {
        Some(n) if !n.deleted => Ok(()),
        _ => Err(EngineError::NotFound("no such note")),
    }
}

fn set_votes(
    cafe: &Cafe,
    actor: Actor,
    target: VoteTarget,
    dots: u32,
) -> Result<Vec<Event>, EngineError> {
    let Actor::Participant(voter) = actor else {
        return Err(EngineError::Forbidden(
            "only participants vote, from their phones",
        ));
    };
    let h = &cafe.harvest;
    if cafe.phase != Phase::Harvest || h.voting != VotingState::Open {
        return Err(EngineError::WrongPhase("voting is not open"));
    }
    match target {
        VoteTarget::Theme { theme_id } => {
            existing_theme(cafe, theme_id)?;
        }
        // Dots on a note hidden after they were spent can still be taken back; otherwise they
        // would stay out of the voter's budget for good.
        VoteTarget::Note { note_id } => match cafe.note(note_id) {
            Some(n) if !n.deleted && (!n.hidden || dots < h.mine(voter, target)) => {}
            _ => return Err(EngineError::NotFound("no such note")),
        },
    }
    let before = h.mine(voter, target);
    if dots == before {
        return Ok(Vec::new());
    }
    let others = h.spent(voter) - before;
    // Taking dots back is always allowed, even above a budget lowered since they were spent.
    if dots > before && others.saturating_add(dots) > h.dots {
        return Err(EngineError::OverBudget {
            budget: h.dots,
            left: h.dots.saturating_sub(others + before),
        });
    }
    one(HarvestEvent::VotesSet {
        participant_id: voter,
        target: target.into(),
        dots,
    })
}

fn checked_commitment(cafe: &Cafe, c: &Commitment) -> Result<Commitment, EngineError> {
    let text = validate::text("commitment", &c.text, limits::MAX_COMMITMENT_CHARS, true)?;
    let owner = validate::optional_text("owner", c.owner.as_deref(), limits::MAX_OWNER_CHARS)?;
    let due = match c.due.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .map_err(|_| {
                    EngineError::Invalid(format!("due date {d:?} is not a date like 2026-12-31"))
                })?
                .to_string(),
        ),
    };
    let mut theme_ids: Vec<ThemeId> = Vec::new();
    for t in &c.theme_ids {
        existing_theme(cafe, *t)?;
        if !theme_ids.contains(t) {
            theme_ids.push(*t);
        }
    }
    Ok(Commitment {
        commitment_id: c.commitment_id,
        text,
        owner,
        due,
        theme_ids,
    })
}

fn checked_questions(questions: &[FeedbackQuestion]) -> Result<Vec<FeedbackQuestion>, EngineError> {
    if !(1..=limits::MAX_FEEDBACK_QUESTIONS).contains(&questions.len()) {
        return Err(EngineError::Invalid(format!(
            "the form has 1 to {} questions",
            limits::MAX_FEEDBACK_QUESTIONS
        )));
    }
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            Ok(FeedbackQuestion {
                kind: q.kind,
                prompt: validate::text(
                    &format!("question {}", i + 1),
                    &q.prompt,
                    limits::MAX_FEEDBACK_PROMPT_CHARS,
                    false,
                )?,
            })
        })
        .collect()
}

fn submit_feedback(
    cafe: &Cafe,
    actor: Actor,
    answers: &[FeedbackAnswer],
) -> Result<Vec<Event>, EngineError> {
    let Actor::Participant(p) = actor else {
        return Err(EngineError::Forbidden(
            "the feedback form is for participants",
        ));
    };
    if cafe.phase != Phase::Closed {
        return Err(EngineError::WrongPhase(
            "the feedback form opens when the café closes",
        ));
    }
    let questions = &cafe.harvest.questions;
    if answers.len() != questions.len() {
        return Err(EngineError::Invalid(format!(
            "the form has {} questions; {} answers came",
            questions.len(),
            answers.len()
        )));
    }
    let mut checked = Vec::with_capacity(answers.len());
    for (i, (q, a)) in questions.iter().zip(answers).enumerate() {
        let n = i + 1;
        let answer = match q.kind {
            FeedbackKind::Rating => {
                if a.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
                    return Err(EngineError::Invalid(format!(
                        "question {n} asks for a rating, not text"
                    )));
                }
                if let Some(r) = a.rating
                    && !(1..=5).contains(&r)
                {
                    return Err(EngineError::Invalid(format!(
                        "question {n}: a rating is 1 to 5"
                    )));
                }
                FeedbackAnswer {
                    rating: a.rating,
                    text: None,
                }
            }
            FeedbackKind::Text => {
                if a.rating.is_some() {
                    return Err(EngineError::Invalid(format!(
                        "question {n} asks for text, not a rating"
                    )));
                }
                FeedbackAnswer {
                    rating: None,
                    text: validate::optional_text_multiline(
                        &format!("answer {n}"),
                        a.text.as_deref(),
                        limits::MAX_FEEDBACK_TEXT_CHARS,
                    )?,
                }
            }
        };
        checked.push(answer);
    }
    if checked
        .iter()
        .all(|a| a.rating.is_none() && a.text.is_none())
    {
        return Err(EngineError::Invalid(
            "answer at least one question, or close the form".into(),
        ));
    }
    if cafe.harvest.feedback.get(&p) == Some(&checked) {
        return Ok(Vec::new());
    }
    one(HarvestEvent::FeedbackSubmitted {
        participant_id: p,
        answers: wire::all(&checked),
    })
}
