//! The harvest's commands: themes, dot-voting, commitments, the feedback form and the
//! co-facilitator key; what each does, every way each is refused, and what each client sees.

mod common;

use common::*;
use flamingo_protocol::{
    Command, Commitment, ErrorCode, FeedbackAnswer, FeedbackKind, FeedbackQuestion, NoteId,
    ParticipantId, ThemeId, Update, VoteCount, VoteTarget, VotingState, limits,
};
use flamingo_server::engine::view::{self, Viewer};
use flamingo_server::engine::{Actor, Event, Input};
use uuid::Uuid;

fn tid(n: u128) -> ThemeId {
    Uuid::from_u128(0xDDDD_0000_0000_0000_0000_0000_0000_0000 | n)
}

fn cid(n: u128) -> Uuid {
    Uuid::from_u128(0xEEEE_0000_0000_0000_0000_0000_0000_0000 | n)
}

fn theme(n: u128) -> VoteTarget {
    VoteTarget::Theme { theme_id: tid(n) }
}

fn note(id: NoteId) -> VoteTarget {
    VoteTarget::Note { note_id: id }
}

/// Eight people, one round with a note from each, then the harvest.
fn harvest() -> (TestCafe, Vec<ParticipantId>, Vec<NoteId>) {
    let mut c = TestCafe::standard();
    let people = c.join_n(8);
    c.start();
    let notes = people
        .iter()
        .enumerate()
        .map(|(i, p)| c.post_ok(*p, &format!("idea {i}")))
        .collect();
    c.fac_ok(Command::OpenHarvest);
    (c, people, notes)
}

fn create(theme_id: ThemeId, name: &str, note_ids: Vec<NoteId>) -> Command {
    Command::CreateTheme {
        theme_id,
        name: name.into(),
        note_ids,
    }
}

fn vote(target: VoteTarget, dots: u32) -> Command {
    Command::SetVotes { target, dots }
}

fn commitment(n: u128, text: &str, themes: Vec<ThemeId>) -> Commitment {
    Commitment {
        commitment_id: cid(n),
        text: text.into(),
        owner: Some("Transport team".into()),
        due: Some("2027-03-31".into()),
        theme_ids: themes,
    }
}

fn answers(rating: Option<u8>, text: Option<&str>) -> Vec<FeedbackAnswer> {
    vec![
        FeedbackAnswer { rating, text: None },
        FeedbackAnswer {
            rating: None,
            text: text.map(Into::into),
        },
    ]
}

/// Every staff command of the harvest, valid in a harvest with `notes`.
fn staff_commands(notes: &[NoteId]) -> Vec<Command> {
    vec![
        create(tid(90), "Mobility", vec![notes[0]]),
        Command::RenameTheme {
            theme_id: tid(1),
            name: "Renamed".into(),
        },
        Command::SetNoteTheme {
            note_id: notes[1],
            theme_id: Some(tid(1)),
        },
        Command::DeleteTheme { theme_id: tid(1) },
        Command::OpenVoting { dots: 5 },
        Command::CloseVoting,
        Command::SaveCommitment {
            commitment: commitment(1, "Pilot a bike bus", vec![]),
        },
        Command::DeleteCommitment {
            commitment_id: cid(1),
        },
        Command::SetFeedbackQuestions {
            questions: vec![FeedbackQuestion {
                kind: FeedbackKind::Rating,
                prompt: "Worth it?".into(),
            }],
        },
    ]
}

// ---------------------------------------------------------------------------------------------
// Phases and authorisation
// ---------------------------------------------------------------------------------------------

#[test]
fn harvest_commands_wait_for_the_harvest() {
    let mut c = TestCafe::standard();
    let people = c.join_n(4);
    c.start();
    let n = c.post_ok(people[0], "a thought");
    for command in [
        create(tid(1), "Too early", vec![]),
        Command::SetNoteTheme {
            note_id: n,
            theme_id: None,
        },
        Command::OpenVoting { dots: 3 },
        Command::SaveCommitment {
            commitment: commitment(1, "Not yet", vec![]),
        },
    ] {
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command,
            },
            ErrorCode::WrongPhase,
        );
    }
    c.refused(
        Input::Command {
            actor: Actor::Participant(people[0]),
            command: vote(theme(1), 1),
        },
        ErrorCode::WrongPhase,
    );
}

#[test]
fn staff_commands_are_forbidden_to_participants_and_the_wall() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    for actor in [Actor::Participant(people[0]), Actor::Wall] {
        for command in staff_commands(&notes) {
            c.refused(Input::Command { actor, command }, ErrorCode::Forbidden);
        }
    }
}

#[test]
fn a_co_facilitator_runs_the_harvest_but_cannot_close_the_cafe() {
    let (mut c, _, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    for command in staff_commands(&notes) {
        let name = command.name();
        c.cmd(Actor::CoFacilitator, command)
            .unwrap_or_else(|e| panic!("{name} refused to a co-facilitator: {e:?}"));
    }
    c.refused(
        Input::Command {
            actor: Actor::CoFacilitator,
            command: Command::CloseCafe,
        },
        ErrorCode::Forbidden,
    );
    c.fac_ok(Command::CloseCafe);
}

#[test]
fn a_co_facilitator_also_runs_rounds_and_moderates() {
    let mut c = TestCafe::standard();
    let people = c.join_n(4);
    c.cmd(Actor::CoFacilitator, Command::StartRound).unwrap();
    let n = c.post_ok(people[0], "keep me");
    c.cmd(
        Actor::CoFacilitator,
        Command::HideNote {
            note_id: n,
            hidden: true,
        },
    )
    .unwrap();
    c.cmd(
        Actor::CoFacilitator,
        Command::EditNote {
            note_id: n,
            text: "kept".into(),
        },
    )
    .unwrap();
    assert!(c.cafe.note(n).unwrap().hidden);
}

#[test]
fn nothing_of_the_harvest_changes_once_closed() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![notes[0]]));
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.fac_ok(Command::CloseCafe);
    assert_eq!(
        c.cafe.harvest.voting,
        VotingState::Closed,
        "closing closes voting"
    );
    for command in staff_commands(&notes) {
        let expected = match command {
            // Already closed with the café: nothing to do, nothing refused.
            Command::CloseVoting => continue,
            _ => ErrorCode::WrongPhase,
        };
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command,
            },
            expected,
        );
    }
    c.refused(
        Input::Command {
            actor: Actor::Participant(people[0]),
            command: vote(theme(1), 1),
        },
        ErrorCode::WrongPhase,
    );
}

// ---------------------------------------------------------------------------------------------
// Themes
// ---------------------------------------------------------------------------------------------

#[test]
fn a_theme_takes_its_notes_from_any_other_theme() {
    let (mut c, _, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![notes[0], notes[1]]));
    c.fac_ok(create(
        tid(2),
        "Schools",
        vec![notes[1], notes[2], notes[2]],
    ));
    let h = &c.cafe.harvest;
    assert_eq!(h.note_theme.get(&notes[0]), Some(&tid(1)));
    assert_eq!(h.note_theme.get(&notes[1]), Some(&tid(2)), "moved");
    assert_eq!(h.note_theme.get(&notes[2]), Some(&tid(2)));
    let snapshot = view::snapshot(&c.cafe, Viewer::Staff, &[]);
    let names: Vec<(&str, usize)> = snapshot
        .themes
        .iter()
        .map(|t| (t.name.as_str(), t.note_ids.len()))
        .collect();
    assert_eq!(names, vec![("Mobility", 1), ("Schools", 2)]);
}

#[test]
fn creating_a_theme_again_is_harmless_but_its_id_is_its_own() {
    let (mut c, _, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![notes[0]]));
    assert!(
        c.fac_ok(create(tid(1), "Mobility", vec![notes[0]]))
            .is_empty()
    );
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: create(tid(1), "Something else", vec![]),
        },
        ErrorCode::InvalidInput,
    );
}

#[test]
fn theme_names_and_notes_are_checked() {
    let (mut c, people, notes) = harvest();
    let cases = [
        (create(tid(1), "   ", vec![]), ErrorCode::InvalidInput),
        (
            create(
                tid(1),
                &"x".repeat(limits::MAX_THEME_NAME_CHARS + 1),
                vec![],
            ),
            ErrorCode::InvalidInput,
        ),
        (create(tid(1), "Bell\u{7}", vec![]), ErrorCode::InvalidInput),
        (create(tid(1), "Ghost", vec![nid(999)]), ErrorCode::NotFound),
        (
            Command::SetNoteTheme {
                note_id: notes[0],
                theme_id: Some(tid(77)),
            },
            ErrorCode::NotFound,
        ),
        (
            Command::SetNoteTheme {
                note_id: nid(999),
                theme_id: None,
            },
            ErrorCode::NotFound,
        ),
        (
            Command::RenameTheme {
                theme_id: tid(77),
                name: "Nope".into(),
            },
            ErrorCode::NotFound,
        ),
    ];
    for (command, expected) in cases {
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command,
            },
            expected,
        );
    }
    // A deleted note cannot go into a theme.
    c.as_p(people[0], Command::DeleteNote { note_id: notes[0] })
        .unwrap();
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: create(tid(1), "Deleted", vec![notes[0]]),
        },
        ErrorCode::NotFound,
    );
}

#[test]
fn a_cafe_has_at_most_so_many_themes() {
    let (mut c, _, _) = harvest();
    for i in 0..limits::MAX_THEMES {
        c.fac_ok(create(tid(i as u128), &format!("Theme {i}"), vec![]));
    }
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: create(tid(10_000), "One too many", vec![]),
        },
        ErrorCode::InvalidInput,
    );
}

#[test]
fn notes_move_in_and_out_of_themes() {
    let (mut c, _, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    let put = Command::SetNoteTheme {
        note_id: notes[3],
        theme_id: Some(tid(1)),
    };
    assert_eq!(c.fac_ok(put.clone()).len(), 1);
    assert!(c.fac_ok(put).is_empty(), "already there");
    c.fac_ok(Command::SetNoteTheme {
        note_id: notes[3],
        theme_id: None,
    });
    assert!(!c.cafe.harvest.note_theme.contains_key(&notes[3]));
}

#[test]
fn renaming_and_deleting_themes() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![notes[0], notes[1]]));
    c.fac_ok(create(tid(2), "Schools", vec![notes[2]]));
    let rename = Command::RenameTheme {
        theme_id: tid(1),
        name: "Getting around".into(),
    };
    c.fac_ok(rename.clone());
    assert!(c.fac_ok(rename).is_empty(), "the same name changes nothing");
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.as_p(people[0], vote(theme(1), 2)).unwrap();
    c.as_p(people[0], vote(theme(2), 1)).unwrap();
    c.fac_ok(Command::SaveCommitment {
        commitment: commitment(1, "Bike bus", vec![tid(1), tid(2)]),
    });

    c.fac_ok(Command::DeleteTheme { theme_id: tid(1) });
    let h = &c.cafe.harvest;
    assert!(h.theme(tid(1)).is_none());
    assert!(
        !h.note_theme.contains_key(&notes[0]),
        "its notes are free again"
    );
    assert_eq!(h.spent(people[0]), 1, "its dots went back to the voter");
    assert_eq!(h.total(theme(1)), 0);
    assert_eq!(
        h.commitments[0].theme_ids,
        vec![tid(2)],
        "commitments forget it"
    );
    assert!(
        c.fac_ok(Command::DeleteTheme { theme_id: tid(1) })
            .is_empty(),
        "deleting twice is deleting once"
    );
    // The dots came back: they can be spent again.
    c.as_p(people[0], vote(theme(2), 3)).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Dot-voting
// ---------------------------------------------------------------------------------------------

#[test]
fn voting_opens_with_a_budget_in_range() {
    let (mut c, _, _) = harvest();
    for dots in [0, limits::MAX_DOTS + 1] {
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command: Command::OpenVoting { dots },
            },
            ErrorCode::InvalidInput,
        );
    }
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: Command::CloseVoting,
        },
        ErrorCode::WrongPhase,
    );
    c.fac_ok(Command::OpenVoting { dots: 3 });
    assert!(c.fac_ok(Command::OpenVoting { dots: 3 }).is_empty());
    assert_eq!(c.cafe.harvest.voting, VotingState::Open);
}

#[test]
fn nobody_spends_more_dots_than_their_budget() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    c.fac_ok(create(tid(2), "Schools", vec![]));
    c.fac_ok(Command::OpenVoting { dots: 3 });
    let p = people[0];
    c.as_p(p, vote(theme(1), 2)).unwrap();
    c.as_p(p, vote(note(notes[5]), 1)).unwrap();
    c.refused(
        Input::Command {
            actor: Actor::Participant(p),
            command: vote(theme(2), 1),
        },
        ErrorCode::OverBudget,
    );
    // Moving a dot: take one back, spend it elsewhere.
    c.as_p(p, vote(theme(1), 1)).unwrap();
    c.as_p(p, vote(theme(2), 1)).unwrap();
    assert_eq!(c.cafe.harvest.spent(p), 3);
    assert!(
        c.as_p(p, vote(theme(2), 1)).unwrap().is_empty(),
        "absolute, so resending is harmless"
    );
    // Someone else's budget is their own.
    c.as_p(people[1], vote(theme(2), 3)).unwrap();
    assert_eq!(c.cafe.harvest.total(theme(2)), 4);
    assert_eq!(c.cafe.harvest.total(theme(1)), 1);
    assert_eq!(c.cafe.harvest.total(note(notes[5])), 1);
}

#[test]
fn a_lowered_budget_keeps_dots_but_stops_new_ones() {
    let (mut c, people, _) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    c.fac_ok(create(tid(2), "Schools", vec![]));
    c.fac_ok(Command::OpenVoting { dots: 5 });
    c.as_p(people[0], vote(theme(1), 4)).unwrap();
    c.fac_ok(Command::OpenVoting { dots: 2 });
    assert_eq!(c.cafe.harvest.total(theme(1)), 4, "dots already spent stay");
    c.refused(
        Input::Command {
            actor: Actor::Participant(people[0]),
            command: vote(theme(2), 1),
        },
        ErrorCode::OverBudget,
    );
    c.as_p(people[0], vote(theme(1), 3)).unwrap();
    c.as_p(people[0], vote(theme(1), 1)).unwrap();
    c.as_p(people[0], vote(theme(2), 1)).unwrap();
}

#[test]
fn dots_on_a_note_hidden_later_can_be_taken_back_but_not_added() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.as_p(people[0], vote(note(notes[1]), 2)).unwrap();
    c.fac_ok(Command::HideNote {
        note_id: notes[1],
        hidden: true,
    });
    c.refused(
        Input::Command {
            actor: Actor::Participant(people[0]),
            command: vote(note(notes[1]), 3),
        },
        ErrorCode::NotFound,
    );
    c.as_p(people[0], vote(note(notes[1]), 1)).unwrap();
    c.as_p(people[0], vote(note(notes[1]), 0)).unwrap();
    assert_eq!(c.cafe.harvest.spent(people[0]), 0);
    c.as_p(people[0], vote(note(notes[0]), 3)).unwrap();
}

#[test]
fn votes_go_to_themes_and_notes_that_exist() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.fac_ok(Command::HideNote {
        note_id: notes[1],
        hidden: true,
    });
    for target in [theme(9), note(nid(999)), note(notes[1])] {
        c.refused(
            Input::Command {
                actor: Actor::Participant(people[0]),
                command: vote(target, 1),
            },
            ErrorCode::NotFound,
        );
    }
    for dots in [4, limits::MAX_DOTS + 1, u32::MAX] {
        c.refused(
            Input::Command {
                actor: Actor::Participant(people[0]),
                command: vote(note(notes[0]), dots),
            },
            ErrorCode::OverBudget,
        );
    }
    for actor in [Actor::Facilitator, Actor::CoFacilitator, Actor::Wall] {
        c.refused(
            Input::Command {
                actor,
                command: vote(note(notes[0]), 1),
            },
            ErrorCode::Forbidden,
        );
    }
}

#[test]
fn deleting_a_note_gives_its_dots_back() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(Command::OpenVoting { dots: 1 });
    c.as_p(people[3], vote(note(notes[0]), 1)).unwrap();
    c.fac_ok(Command::DeleteNote { note_id: notes[0] });
    assert_eq!(c.cafe.harvest.spent(people[3]), 0);
    c.as_p(people[3], vote(note(notes[1]), 1)).unwrap();
}

#[test]
fn closed_voting_is_final() {
    let (mut c, people, _) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.as_p(people[0], vote(theme(1), 2)).unwrap();
    c.fac_ok(Command::CloseVoting);
    assert!(c.fac_ok(Command::CloseVoting).is_empty());
    c.refused(
        Input::Command {
            actor: Actor::Participant(people[0]),
            command: vote(theme(1), 0),
        },
        ErrorCode::WrongPhase,
    );
    assert_eq!(c.cafe.harvest.total(theme(1)), 2);
    // Reopening keeps what was cast.
    c.fac_ok(Command::OpenVoting { dots: 3 });
    assert_eq!(c.cafe.harvest.spent(people[0]), 2);
}

#[test]
fn totals_are_the_sum_of_everyones_dots() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(create(tid(1), "A", vec![]));
    c.fac_ok(create(tid(2), "B", vec![]));
    c.fac_ok(Command::OpenVoting { dots: 4 });
    let targets = [theme(1), theme(2), note(notes[0]), note(notes[4])];
    // A deterministic mix of spends and take-backs.
    for step in 0..200u32 {
        let p = people[(step as usize * 7) % people.len()];
        let target = targets[(step as usize * 3) % targets.len()];
        let dots = (step * 5) % 4;
        let _ = c.as_p(p, vote(target, dots));
    }
    let h = &c.cafe.harvest;
    for target in targets {
        let sum: u32 = people.iter().map(|p| h.mine(*p, target)).sum();
        assert_eq!(h.total(target), sum, "{target:?}");
    }
    for p in &people {
        assert!(h.spent(*p) <= 4);
    }
    assert_eq!(c.replayed(), c.cafe, "the log rebuilds the same votes");
}

// ---------------------------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------------------------

#[test]
fn commitments_are_saved_replaced_and_deleted() {
    let (mut c, _, _) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    let first = commitment(1, "  Pilot a bike bus  ", vec![tid(1), tid(1)]);
    c.fac_ok(Command::SaveCommitment {
        commitment: first.clone(),
    });
    let saved = &c.cafe.harvest.commitments[0];
    assert_eq!(saved.text, "Pilot a bike bus", "trimmed");
    assert_eq!(saved.theme_ids, vec![tid(1)], "deduplicated");
    let again = Command::SaveCommitment {
        commitment: Commitment {
            text: "Pilot a bike bus".into(),
            theme_ids: vec![tid(1)],
            ..first.clone()
        },
    };
    assert!(c.fac_ok(again).is_empty(), "the same again changes nothing");
    c.fac_ok(Command::SaveCommitment {
        commitment: Commitment {
            owner: None,
            due: None,
            ..commitment(1, "Pilot two bike buses", vec![])
        },
    });
    assert_eq!(c.cafe.harvest.commitments.len(), 1, "replaced, not added");
    assert_eq!(c.cafe.harvest.commitments[0].owner, None);
    c.fac_ok(Command::DeleteCommitment {
        commitment_id: cid(1),
    });
    assert!(c.cafe.harvest.commitments.is_empty());
    assert!(
        c.fac_ok(Command::DeleteCommitment {
            commitment_id: cid(1)
        })
        .is_empty()
    );
}

#[test]
fn commitments_are_checked() {
    let (mut c, _, _) = harvest();
    let cases = [
        (commitment(1, "", vec![]), ErrorCode::InvalidInput),
        (
            commitment(1, &"x".repeat(limits::MAX_COMMITMENT_CHARS + 1), vec![]),
            ErrorCode::InvalidInput,
        ),
        (
            Commitment {
                due: Some("next Tuesday".into()),
                ..commitment(1, "Soon", vec![])
            },
            ErrorCode::InvalidInput,
        ),
        (
            Commitment {
                due: Some("2027-02-30".into()),
                ..commitment(1, "Soon", vec![])
            },
            ErrorCode::InvalidInput,
        ),
        (
            Commitment {
                owner: Some("o".repeat(limits::MAX_OWNER_CHARS + 1)),
                ..commitment(1, "Soon", vec![])
            },
            ErrorCode::InvalidInput,
        ),
        (
            commitment(1, "Unknown theme", vec![tid(5)]),
            ErrorCode::NotFound,
        ),
    ];
    for (commitment, expected) in cases {
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command: Command::SaveCommitment { commitment },
            },
            expected,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Feedback
// ---------------------------------------------------------------------------------------------

#[test]
fn the_form_is_edited_before_the_cafe_closes() {
    let mut c = TestCafe::standard();
    assert_eq!(c.cafe.harvest.questions.len(), 2, "a default form");
    let questions = vec![
        FeedbackQuestion {
            kind: FeedbackKind::Rating,
            prompt: "How useful was this?".into(),
        },
        FeedbackQuestion {
            kind: FeedbackKind::Text,
            prompt: "What will you do differently?".into(),
        },
        FeedbackQuestion {
            kind: FeedbackKind::Rating,
            prompt: "Would you come again?".into(),
        },
    ];
    c.fac_ok(Command::SetFeedbackQuestions {
        questions: questions.clone(),
    });
    assert_eq!(c.cafe.harvest.questions, questions);
    let too_many = vec![questions[0].clone(); limits::MAX_FEEDBACK_QUESTIONS + 1];
    let blank = vec![FeedbackQuestion {
        kind: FeedbackKind::Text,
        prompt: " ".into(),
    }];
    for questions in [vec![], too_many, blank] {
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command: Command::SetFeedbackQuestions { questions },
            },
            ErrorCode::InvalidInput,
        );
    }
    c.fac_ok(Command::CloseCafe);
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: Command::SetFeedbackQuestions { questions },
        },
        ErrorCode::WrongPhase,
    );
}

#[test]
fn feedback_comes_after_closing_and_replaces_itself() {
    let (mut c, people, _) = harvest();
    let p = people[0];
    c.refused(
        Input::Command {
            actor: Actor::Participant(p),
            command: Command::SubmitFeedback {
                answers: answers(Some(4), Some("More time")),
            },
        },
        ErrorCode::WrongPhase,
    );
    c.fac_ok(Command::CloseCafe);
    c.as_p(
        p,
        Command::SubmitFeedback {
            answers: answers(Some(4), Some("  More time  ")),
        },
    )
    .unwrap();
    assert_eq!(
        c.cafe.harvest.feedback[&p],
        answers(Some(4), Some("More time"))
    );
    let same = Command::SubmitFeedback {
        answers: answers(Some(4), Some("More time")),
    };
    assert!(c.as_p(p, same).unwrap().is_empty());
    c.as_p(
        p,
        Command::SubmitFeedback {
            answers: answers(Some(5), None),
        },
    )
    .unwrap();
    assert_eq!(c.cafe.harvest.feedback.len(), 1, "one form per person");
    assert_eq!(c.cafe.harvest.feedback[&p], answers(Some(5), None));
}

#[test]
fn feedback_answers_are_checked() {
    let (mut c, people, _) = harvest();
    c.fac_ok(Command::CloseCafe);
    let bad = [
        vec![FeedbackAnswer::default()],
        answers(None, None),
        answers(Some(0), None),
        answers(Some(6), None),
        vec![
            FeedbackAnswer {
                rating: Some(3),
                text: Some("text on a rating".into()),
            },
            FeedbackAnswer::default(),
        ],
        vec![
            FeedbackAnswer::default(),
            FeedbackAnswer {
                rating: Some(3),
                text: None,
            },
        ],
        answers(None, Some(&"x".repeat(limits::MAX_FEEDBACK_TEXT_CHARS + 1))),
    ];
    for answers in bad {
        c.refused(
            Input::Command {
                actor: Actor::Participant(people[0]),
                command: Command::SubmitFeedback { answers },
            },
            ErrorCode::InvalidInput,
        );
    }
    for actor in [Actor::Facilitator, Actor::Wall] {
        c.refused(
            Input::Command {
                actor,
                command: Command::SubmitFeedback {
                    answers: answers(Some(3), None),
                },
            },
            ErrorCode::Forbidden,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The co-facilitator key
// ---------------------------------------------------------------------------------------------

#[test]
fn the_co_facilitator_key_is_shared_replaced_and_revoked() {
    let mut c = TestCafe::standard();
    let share = |hash: &str| Input::CoFacilitatorKey {
        key_hash: Some(hash.into()),
    };
    c.run(share("hash-1")).unwrap();
    assert_eq!(c.cafe.harvest.co_key_hash.as_deref(), Some("hash-1"));
    c.run(share("hash-2")).unwrap();
    assert_eq!(c.cafe.harvest.co_key_hash.as_deref(), Some("hash-2"));
    let revoke = Input::CoFacilitatorKey { key_hash: None };
    assert_eq!(c.run(revoke.clone()).unwrap().len(), 1);
    assert!(c.run(revoke).unwrap().is_empty(), "nothing to revoke");
    c.fac_ok(Command::CloseCafe);
    c.refused(share("hash-3"), ErrorCode::WrongPhase);
}

// ---------------------------------------------------------------------------------------------
// Who sees what
// ---------------------------------------------------------------------------------------------

#[test]
fn totals_go_to_the_room_and_own_dots_to_the_phone() {
    let (mut c, people, _) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![]));
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.as_p(people[0], vote(theme(1), 2)).unwrap();
    let events = c.as_p(people[1], vote(theme(1), 1)).unwrap();
    let f = view::fanout(&c.cafe, &events[0], &[]);
    let total = Update::VoteTotal {
        target: theme(1),
        dots: 3,
    };
    assert_eq!(f.for_viewer(Viewer::Staff), vec![&total]);
    assert_eq!(f.for_viewer(Viewer::Wall), vec![&total]);
    assert_eq!(
        f.for_viewer(Viewer::Phone(people[1])),
        vec![&Update::YourVotes {
            target: theme(1),
            dots: 1
        }]
    );
    assert!(f.for_viewer(Viewer::Phone(people[0])).is_empty());

    let phone = view::snapshot(&c.cafe, Viewer::Phone(people[0]), &[]);
    assert!(phone.voting.totals.is_empty(), "phones do not see totals");
    assert_eq!(
        phone.voting.mine,
        vec![VoteCount {
            target: theme(1),
            dots: 2
        }]
    );
    assert_eq!(phone.themes.len(), 1, "phones see the themes they vote on");
    let wall = view::snapshot(&c.cafe, Viewer::Wall, &[]);
    assert_eq!(
        wall.voting.totals,
        vec![VoteCount {
            target: theme(1),
            dots: 3
        }]
    );
    assert!(wall.voting.mine.is_empty());
}

#[test]
fn feedback_is_counted_for_the_facilitator_and_shown_to_no_one_else() {
    let (mut c, people, _) = harvest();
    c.fac_ok(Command::CloseCafe);
    let events = c
        .as_p(
            people[2],
            Command::SubmitFeedback {
                answers: answers(Some(2), Some("Shorter rounds")),
            },
        )
        .unwrap();
    let f = view::fanout(&c.cafe, &events[0], &[]);
    assert_eq!(
        f.for_viewer(Viewer::Staff),
        vec![&Update::FeedbackReceived { responses: 1 }]
    );
    assert!(f.for_viewer(Viewer::Wall).is_empty());
    assert!(f.for_viewer(Viewer::Phone(people[3])).is_empty());
    assert_eq!(f.for_viewer(Viewer::Phone(people[2])).len(), 1);
    let staff = view::snapshot(&c.cafe, Viewer::Staff, &[]);
    assert_eq!(staff.feedback.responses, 1);
    assert_eq!(staff.feedback.mine, None);
    let wall = view::snapshot(&c.cafe, Viewer::Wall, &[]);
    assert_eq!(wall.feedback.responses, 0);
    let phone = view::snapshot(&c.cafe, Viewer::Phone(people[2]), &[]);
    assert_eq!(
        phone.feedback.mine,
        Some(answers(Some(2), Some("Shorter rounds")))
    );
}

#[test]
fn only_the_facilitator_learns_about_the_co_facilitator_key() {
    let mut c = TestCafe::standard();
    let events = c
        .run(Input::CoFacilitatorKey {
            key_hash: Some("h".into()),
        })
        .unwrap();
    let f = view::fanout(&c.cafe, &events[0], &[]);
    assert_eq!(
        f.for_viewer(Viewer::Staff),
        vec![&Update::CoFacilitatorChanged { active: true }]
    );
    assert!(f.for_viewer(Viewer::Wall).is_empty());
    assert!(view::snapshot(&c.cafe, Viewer::Staff, &[]).co_facilitator);
    assert!(!view::snapshot(&c.cafe, Viewer::Wall, &[]).co_facilitator);
    assert!(matches!(events[0], Event::CoFacilitatorKeySet { .. }));
}

#[test]
fn the_whole_harvest_replays_from_the_log() {
    let (mut c, people, notes) = harvest();
    c.fac_ok(create(tid(1), "Mobility", vec![notes[0], notes[1]]));
    c.fac_ok(create(tid(2), "Schools", vec![notes[2]]));
    c.fac_ok(Command::OpenVoting { dots: 3 });
    c.as_p(people[0], vote(theme(1), 2)).unwrap();
    c.as_p(people[1], vote(note(notes[2]), 1)).unwrap();
    c.fac_ok(Command::SaveCommitment {
        commitment: commitment(1, "Bike bus", vec![tid(1)]),
    });
    c.fac_ok(Command::DeleteTheme { theme_id: tid(2) });
    c.fac_ok(Command::CloseCafe);
    c.as_p(
        people[0],
        Command::SubmitFeedback {
            answers: answers(Some(5), Some("Great")),
        },
    )
    .unwrap();
    assert_eq!(c.replayed(), c.cafe);
}
