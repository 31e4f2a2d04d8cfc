//! Property tests of the harvest: random sequences of theme, vote, commitment, moderation and
//! feedback commands from random senders, checked against the harvest's invariants after every
//! step.

mod common;

use common::*;
use flamingo_protocol::{
    Command, Commitment, FeedbackAnswer, NoteId, ParticipantId, ThemeId, VoteTarget, limits,
};
use flamingo_server::engine::{Actor, Cafe, Input};
use proptest::prelude::*;
use uuid::Uuid;

#[derive(Debug, Clone)]
enum Op {
    CreateTheme {
        theme: u8,
        notes: Vec<u8>,
    },
    Rename {
        theme: u8,
        blank: bool,
    },
    DeleteTheme(u8),
    SetNoteTheme {
        note: u8,
        theme: Option<u8>,
    },
    OpenVoting(u32),
    CloseVoting,
    Vote {
        who: u8,
        target: Target,
        dots: u32,
    },
    Hide {
        note: u8,
        hidden: bool,
    },
    DeleteNote(u8),
    SaveCommitment {
        id: u8,
        themes: Vec<u8>,
        due: u8,
    },
    DeleteCommitment(u8),
    /// A staff command from a participant.
    Intrude {
        who: u8,
    },
    Close,
    Feedback {
        who: u8,
        rating: Option<u8>,
        text: bool,
    },
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Theme(u8),
    Note(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..8, proptest::collection::vec(0u8..24, 0..5))
            .prop_map(|(theme, notes)| Op::CreateTheme { theme, notes }),
        1 => (0u8..8, any::<bool>()).prop_map(|(theme, blank)| Op::Rename { theme, blank }),
        1 => (0u8..8).prop_map(Op::DeleteTheme),
        4 => (0u8..24, proptest::option::weighted(0.8, 0u8..8))
            .prop_map(|(note, theme)| Op::SetNoteTheme { note, theme }),
        2 => prop_oneof![0u32..=6, Just(limits::MAX_DOTS + 1)].prop_map(Op::OpenVoting),
        1 => Just(Op::CloseVoting),
        12 => (
            0u8..12,
            prop_oneof![(0u8..8).prop_map(Target::Theme), (0u8..24).prop_map(Target::Note)],
            prop_oneof![9 => 0u32..=5, 1 => Just(u32::MAX)],
        )
            .prop_map(|(who, target, dots)| Op::Vote { who, target, dots }),
        1 => (0u8..24, any::<bool>()).prop_map(|(note, hidden)| Op::Hide { note, hidden }),
        1 => (0u8..24).prop_map(Op::DeleteNote),
        2 => (0u8..4, proptest::collection::vec(0u8..8, 0..3), 0u8..3)
            .prop_map(|(id, themes, due)| Op::SaveCommitment { id, themes, due }),
        1 => (0u8..4).prop_map(Op::DeleteCommitment),
        1 => (0u8..12).prop_map(|who| Op::Intrude { who }),
        1 => prop_oneof![9 => Just(Op::CloseVoting), 1 => Just(Op::Close)],
        2 => (0u8..12, proptest::option::of(0u8..7), any::<bool>())
            .prop_map(|(who, rating, text)| Op::Feedback { who, rating, text }),
    ]
}

fn theme_id(i: u8) -> ThemeId {
    Uuid::from_u128(0xDDDD_0000 + u128::from(i))
}

struct Run {
    c: TestCafe,
    people: Vec<ParticipantId>,
    notes: Vec<NoteId>,
}

impl Run {
    /// Twelve people, two rounds, a note from each person in each round, then the harvest.
    fn new() -> Self {
        let mut c = TestCafe::standard();
        let people = c.join_n(12);
        let mut notes = Vec::new();
        for _ in 0..2 {
            c.start();
            for p in &people {
                notes.push(c.post_ok(*p, "a thought about the question"));
            }
            c.end();
        }
        c.fac_ok(Command::OpenHarvest);
        Self { c, people, notes }
    }

    fn note(&self, i: u8) -> NoteId {
        self.notes[usize::from(i) % self.notes.len()]
    }

    fn person(&self, i: u8) -> ParticipantId {
        self.people[usize::from(i) % self.people.len()]
    }

    fn input(&self, op: &Op) -> Input {
        let staff = |command| Input::Command {
            actor: Actor::Facilitator,
            command,
        };
        match op {
            Op::CreateTheme { theme, notes } => staff(Command::CreateTheme {
                theme_id: theme_id(*theme),
                name: format!("Theme {theme}"),
                note_ids: notes.iter().map(|n| self.note(*n)).collect(),
            }),
            Op::Rename { theme, blank } => staff(Command::RenameTheme {
                theme_id: theme_id(*theme),
                name: if *blank {
                    " ".into()
                } else {
                    format!("Renamed {theme}")
                },
            }),
            Op::DeleteTheme(t) => staff(Command::DeleteTheme {
                theme_id: theme_id(*t),
            }),
            Op::SetNoteTheme { note, theme } => staff(Command::SetNoteTheme {
                note_id: self.note(*note),
                theme_id: theme.map(theme_id),
            }),
            Op::OpenVoting(dots) => staff(Command::OpenVoting { dots: *dots }),
            Op::CloseVoting => staff(Command::CloseVoting),
            Op::Vote { who, target, dots } => Input::Command {
                actor: Actor::Participant(self.person(*who)),
                command: Command::SetVotes {
                    target: match target {
                        Target::Theme(t) => VoteTarget::Theme {
                            theme_id: theme_id(*t),
                        },
                        Target::Note(n) => VoteTarget::Note {
                            note_id: self.note(*n),
                        },
                    },
                    dots: *dots,
                },
            },
            Op::Hide { note, hidden } => staff(Command::HideNote {
                note_id: self.note(*note),
                hidden: *hidden,
            }),
            Op::DeleteNote(n) => staff(Command::DeleteNote {
                note_id: self.note(*n),
            }),
            Op::SaveCommitment { id, themes, due } => staff(Command::SaveCommitment {
                commitment: Commitment {
                    commitment_id: Uuid::from_u128(0xEEEE_0000 + u128::from(*id)),
                    text: format!("Commitment {id}"),
                    owner: None,
                    due: match due {
                        0 => None,
                        1 => Some("2027-01-31".into()),
                        _ => Some("31/01/2027".into()),
                    },
                    theme_ids: themes.iter().map(|t| theme_id(*t)).collect(),
                },
            }),
            Op::DeleteCommitment(id) => staff(Command::DeleteCommitment {
                commitment_id: Uuid::from_u128(0xEEEE_0000 + u128::from(*id)),
            }),
            Op::Intrude { who } => Input::Command {
                actor: Actor::Participant(self.person(*who)),
                command: Command::OpenVoting { dots: 3 },
            },
            Op::Close => staff(Command::CloseCafe),
            Op::Feedback { who, rating, text } => Input::Command {
                actor: Actor::Participant(self.person(*who)),
                command: Command::SubmitFeedback {
                    answers: vec![
                        FeedbackAnswer {
                            rating: *rating,
                            text: None,
                        },
                        FeedbackAnswer {
                            rating: None,
                            text: text.then(|| "Next time, more time".into()),
                        },
                    ],
                },
            },
        }
    }
}

/// What holds after every step.
fn check(cafe: &Cafe) -> Result<(), String> {
    let h = &cafe.harvest;
    let mut sums = std::collections::BTreeMap::new();
    for (voter, mine) in &h.votes {
        for (target, dots) in mine {
            if *dots == 0 {
                return Err(format!("{voter} holds a zero entry on {target:?}"));
            }
            let exists = match target {
                VoteTarget::Theme { theme_id } => h.theme(*theme_id).is_some(),
                VoteTarget::Note { note_id } => cafe.note(*note_id).is_some_and(|n| !n.deleted),
            };
            if !exists {
                return Err(format!(
                    "{voter} has dots on a target that is gone: {target:?}"
                ));
            }
            *sums.entry(*target).or_insert(0u32) += dots;
        }
    }
    if sums != h.totals {
        return Err(format!("totals {:?} are not the sums {sums:?}", h.totals));
    }
    for (note, theme) in &h.note_theme {
        if h.theme(*theme).is_none() {
            return Err(format!("note {note} sits in a deleted theme"));
        }
        if cafe.note(*note).is_none_or(|n| n.deleted) {
            return Err(format!("a deleted note {note} sits in a theme"));
        }
    }
    for c in &h.commitments {
        if let Some(t) = c.theme_ids.iter().find(|t| h.theme(**t).is_none()) {
            return Err(format!("a commitment answers a deleted theme {t}"));
        }
    }
    let mut ids: Vec<ThemeId> = h.themes.iter().map(|t| t.id).collect();
    ids.sort();
    ids.dedup();
    if ids.len() != h.themes.len() {
        return Err("a theme id is listed twice".into());
    }
    if h.feedback.len() > cafe.participants.len() {
        return Err("more feedback forms than people".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_harvest_keeps_its_invariants(ops in proptest::collection::vec(op(), 1..120)) {
        let mut run = Run::new();
        for op in &ops {
            let input = run.input(op);
            let before = run.c.cafe.clone();
            let seq = run.c.seq;
            let voter_before = match &input {
                Input::Command { actor: Actor::Participant(p), command: Command::SetVotes { .. } } => {
                    Some((*p, before.harvest.spent(*p)))
                }
                _ => None,
            };
            match run.c.run(input) {
                Err(_) => {
                    prop_assert_eq!(run.c.seq, seq, "a refusal records nothing: {:?}", op);
                    prop_assert!(run.c.cafe == before, "a refusal changes nothing: {:?}", op);
                }
                Ok(_) => {
                    // Spending more than before is only ever accepted within the budget.
                    if let Some((p, spent)) = voter_before {
                        let now = run.c.cafe.harvest.spent(p);
                        prop_assert!(
                            now <= spent || now <= run.c.cafe.harvest.dots,
                            "{} spent {} of {} dots after {:?}", p, now, run.c.cafe.harvest.dots, op
                        );
                    }
                }
            }
            if let Err(e) = check(&run.c.cafe) {
                prop_assert!(false, "after {:?}: {}", op, e);
            }
        }
        prop_assert!(run.c.replayed() == run.c.cafe, "the log rebuilds the same café");
    }
}
