//! `decide`: checks a command against the café and says what happens, as events.

use std::collections::HashSet;

use flamingo_protocol::{Command, Millis, NoteId, ParticipantId, RoundNo, Seq, TableNo, limits};

use super::access::Actor;
use super::error::EngineError;
use super::event::{Event, TableSeats};
use super::harvest;
use super::state::{Cafe, Note, Phase, Seating};
use super::validate;
use crate::seating::{self, Person, Placement, PlanRequest};

/// Everything that can change a café.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Command {
        actor: Actor,
        command: Command,
    },
    /// A new participant; the server picked the id and the token.
    Join {
        participant_id: ParticipantId,
        name: String,
        organisation: Option<String>,
        role: Option<String>,
        token_hash: String,
    },
    /// The facilitator shared a co-facilitator key (its hash), or revoked it (`None`). The
    /// shell checked the facilitator's key and made the new one.
    CoFacilitatorKey {
        key_hash: Option<String>,
    },
    /// The round clock reached its deadline (the server's timer, or a restart that finds it
    /// past). Does nothing unless the running round really is over at `now`.
    Deadline,
}

/// Checks `input` against `cafe` at time `now`. An empty list means "already done, nothing to
/// change" (a resent note, a repeated delete); an error means nothing changes.
pub fn decide(cafe: &Cafe, input: &Input, now: Millis) -> Result<Vec<Event>, EngineError> {
    decide_with(cafe, input, now, None)
}

/// [`decide`], given the seating plan [`plan_ahead`] made earlier: a `startRound` or
/// `planNextRound` on the café it was made from takes it instead of planning again. The events
/// are the same either way; only the time to decide differs.
pub fn decide_with(
    cafe: &Cafe,
    input: &Input,
    now: Millis,
    ahead: Option<&PlannedAhead>,
) -> Result<Vec<Event>, EngineError> {
    let mut events = decide_input(cafe, input, now, ahead)?;
    end_broadcast_at_phase_change(cafe, &mut events);
    Ok(events)
}

/// A message belongs to the phase it was sent in ("Five more minutes" is about this round): a
/// change of phase takes it down unless it was sent to stay. Here, for every way a phase
/// changes (a command, the clock), so that no path forgets it.
fn end_broadcast_at_phase_change(cafe: &Cafe, events: &mut Vec<Event>) {
    let phase_changes = events.iter().any(|e| {
        matches!(
            e,
            Event::RoundStarted { .. }
                | Event::RoundEnded { .. }
                | Event::HarvestOpened
                | Event::CafeClosed
        )
    });
    if phase_changes && cafe.last_broadcast.as_ref().is_some_and(|b| !b.keep) {
        events.push(Event::BroadcastCleared);
    }
}

fn decide_input(
    cafe: &Cafe,
    input: &Input,
    now: Millis,
    ahead: Option<&PlannedAhead>,
) -> Result<Vec<Event>, EngineError> {
    match input {
        Input::Join {
            participant_id,
            name,
            organisation,
            role,
            token_hash,
        } => join(
            cafe,
            *participant_id,
            name,
            organisation.as_deref(),
            role.as_deref(),
            token_hash,
        ),
        Input::Deadline => match cafe.phase {
            Phase::Running { round, ends_at } if now >= ends_at => Ok(end_round(cafe, round, true)),
            _ => Ok(Vec::new()),
        },
        Input::CoFacilitatorKey { key_hash } => {
            harvest::co_facilitator_key(cafe, key_hash.as_deref())
        }
        Input::Command { actor, command } => command_by(cafe, *actor, command, now, ahead),
    }
}

/// The next round's seating plan, made before anyone asks for it: planning takes milliseconds
/// for a table of thirty over several rounds and tens of them for a hall, and a room that
/// waits for its facilitator's *Start* should not wait for the planner too.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedAhead {
    /// The café's seq it was made at. The planner is a pure function of the café, so at the
    /// same seq planning again gives the same tables; at any other it may not.
    seq: Seq,
    round: RoundNo,
    tables: Vec<TableSeats>,
}

impl PlannedAhead {
    pub fn seq(&self) -> Seq {
        self.seq
    }
}

/// The plan the next `startRound` would make on the café as it is, or `None` if it would make
/// none: a round is running, the rounds are over, nobody is here, or the plan made when the
/// last round ended still holds.
pub fn plan_ahead(cafe: &Cafe) -> Option<PlannedAhead> {
    let round = next_round(cafe).ok()?;
    if cafe.present().next().is_none() || plan_holds(cafe, round) {
        return None;
    }
    Some(PlannedAhead {
        seq: cafe.seq,
        round,
        tables: plan(cafe, round, None),
    })
}

impl Actor {
    /// The facilitator or a co-facilitator.
    pub fn is_staff(self) -> bool {
        matches!(self, Self::Facilitator | Self::CoFacilitator)
    }
}

fn command_by(
    cafe: &Cafe,
    actor: Actor,
    command: &Command,
    now: Millis,
    ahead: Option<&PlannedAhead>,
) -> Result<Vec<Event>, EngineError> {
    if let Actor::Participant(p) = actor
        && !cafe.participant(p).is_some_and(|p| p.present)
    {
        return Err(EngineError::Forbidden("you are no longer in this café"));
    }
    let for_everyone = matches!(
        command,
        Command::PostNote { .. }
            | Command::EditNote { .. }
            | Command::DeleteNote { .. }
            | Command::Leave
            | Command::SetVotes { .. }
            | Command::SubmitFeedback { .. }
    );
    if !for_everyone && !actor.is_staff() {
        return Err(EngineError::FacilitatorOnly);
    }
    match command {
        Command::PlanNextRound => {
            let next = next_round(cafe)?;
            Ok(vec![Event::SeatingPlanned {
                round: next,
                tables: plan(cafe, next, ahead),
            }])
        }
        Command::StartRound => start_round(cafe, now, ahead),
        Command::PauseRound => match cafe.phase {
            Phase::Running { round, ends_at } => Ok(vec![Event::RoundPaused {
                round,
                remaining_ms: (ends_at - now).max(0),
            }]),
            Phase::Paused { .. } => Ok(Vec::new()),
            _ => Err(EngineError::WrongPhase("no round is running")),
        },
        Command::ResumeRound => match cafe.phase {
            Phase::Paused {
                round,
                remaining_ms,
            } => Ok(vec![Event::RoundResumed {
                round,
                ends_at: now + remaining_ms,
            }]),
            Phase::Running { .. } => Ok(Vec::new()),
            _ => Err(EngineError::WrongPhase("no round is paused")),
        },
        Command::AdjustTime { seconds } => adjust_time(cafe, *seconds, now),
        Command::EndRound => match cafe.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => {
                Ok(end_round(cafe, round, false))
            }
            _ => Err(EngineError::WrongPhase("no round is running")),
        },
        Command::Broadcast { text, keep } => {
            if cafe.phase == Phase::Closed {
                return Err(EngineError::WrongPhase("the café is closed"));
            }
            let text = validate::text("message", text, limits::MAX_BROADCAST_CHARS, true)?;
            Ok(vec![Event::Broadcast { text, keep: *keep }])
        }
        // Allowed after the close too: a message kept through it can still be taken down.
        Command::ClearBroadcast => Ok(match cafe.last_broadcast {
            Some(_) => vec![Event::BroadcastCleared],
            None => Vec::new(),
        }),
        Command::MoveParticipant {
            participant_id,
            table,
        } => move_participant(cafe, *participant_id, *table),
        Command::SetHost { participant_id } => set_host(cafe, *participant_id),
        Command::RemoveParticipant { participant_id } => match cafe.participant(*participant_id) {
            None => Err(EngineError::NotFound("no such participant")),
            Some(p) if !p.present => Ok(Vec::new()),
            Some(_) => Ok(departure(cafe, *participant_id, true)),
        },
        Command::OpenHarvest => match cafe.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => Ok(vec![
                Event::RoundEnded {
                    round,
                    by_timer: false,
                },
                Event::HarvestOpened,
            ]),
            Phase::Lobby | Phase::BetweenRounds { .. } => Ok(vec![Event::HarvestOpened]),
            Phase::Harvest => Ok(Vec::new()),
            Phase::Closed => Err(EngineError::WrongPhase("the café is closed")),
        },
        Command::CloseCafe if actor != Actor::Facilitator => Err(EngineError::Forbidden(
            "only the facilitator who created the café can close it",
        )),
        Command::CloseCafe => match cafe.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => Ok(vec![
                Event::RoundEnded {
                    round,
                    by_timer: false,
                },
                Event::CafeClosed,
            ]),
            Phase::Closed => Ok(Vec::new()),
            _ => Ok(vec![Event::CafeClosed]),
        },
        Command::PostNote {
            note_id,
            text,
            round,
        } => post_note(cafe, actor, *note_id, text, *round, now),
        Command::EditNote { note_id, text } => {
            let note = moderated_note(cafe, actor, *note_id)?;
            if note.deleted {
                return Err(EngineError::NotFound("that note was deleted"));
            }
            let text = validate::text("note", text, limits::MAX_NOTE_CHARS, true)?;
            if text == note.text {
                return Ok(Vec::new());
            }
            Ok(vec![Event::NoteEdited {
                note_id: *note_id,
                text,
            }])
        }
        Command::DeleteNote { note_id } => {
            let note = moderated_note(cafe, actor, *note_id)?;
            if note.deleted {
                return Ok(Vec::new());
            }
            Ok(vec![Event::NoteDeleted { note_id: *note_id }])
        }
        Command::HideNote { note_id, hidden } => {
            let note = cafe
                .note(*note_id)
                .filter(|n| !n.deleted)
                .ok_or(EngineError::NotFound("no such note"))?;
            if note.hidden == *hidden {
                return Ok(Vec::new());
            }
            Ok(vec![Event::NoteHidden {
                note_id: *note_id,
                hidden: *hidden,
            }])
        }
        Command::Leave => match actor {
            Actor::Participant(p) => Ok(departure(cafe, p, false)),
            _ => Err(EngineError::Forbidden("only participants can leave")),
        },
        Command::CreateTheme { .. }
        | Command::RenameTheme { .. }
        | Command::DeleteTheme { .. }
        | Command::SetNoteTheme { .. }
        | Command::OpenVoting { .. }
        | Command::CloseVoting
        | Command::SetVotes { .. }
        | Command::SaveCommitment { .. }
        | Command::DeleteCommitment { .. }
        | Command::SetFeedbackQuestions { .. }
        | Command::SubmitFeedback { .. } => harvest::decide(cafe, actor, command),
    }
}

fn join(
    cafe: &Cafe,
    participant_id: ParticipantId,
    name: &str,
    organisation: Option<&str>,
    role: Option<&str>,
    token_hash: &str,
) -> Result<Vec<Event>, EngineError> {
    if cafe.phase == Phase::Closed {
        return Err(EngineError::WrongPhase("this café is closed"));
    }
    if cafe.participants.len() >= limits::MAX_PARTICIPANTS {
        return Err(EngineError::CafeFull);
    }
    if let Some(p) = cafe.participant(participant_id) {
        // The same join again (its answer was lost): nothing new, the same person.
        return match (p.token_hash == token_hash, p.present) {
            (true, true) => Ok(Vec::new()),
            (true, false) => Err(EngineError::Forbidden(
                "you are no longer in this café; join again with the code",
            )),
            (false, _) => Err(EngineError::Invalid("participant id in use".into())),
        };
    }
    let name = validate::text("name", name, limits::MAX_NAME_CHARS, false)?;
    let organisation =
        validate::optional_text("organisation", organisation, limits::MAX_ORGANISATION_CHARS)?;
    let role = validate::optional_text("role", role, limits::MAX_ROLE_CHARS)?;
    let mut events = vec![Event::ParticipantJoined {
        participant_id,
        name,
        organisation,
        role,
        token_hash: token_hash.to_owned(),
    }];
    // A late arrival sits down at once: in the running round, or in the plan between rounds.
    if let Some(seating) = cafe.active_seating() {
        let round = seating.round;
        match seating::place_late_arrival(
            seating,
            participant_id,
            &cafe.rounds_started,
            cafe.table_size,
            cafe.physical_tables,
        ) {
            Placement::Existing(table) => events.push(Event::ParticipantSeated {
                round,
                participant_id,
                table,
                from_table: None,
                pinned: false,
            }),
            Placement::NewTable(table) => {
                events.push(Event::ParticipantSeated {
                    round,
                    participant_id,
                    table,
                    from_table: None,
                    pinned: false,
                });
                events.push(Event::HostChanged {
                    round,
                    table,
                    participant_id,
                    pinned: false,
                });
            }
        }
    }
    Ok(events)
}

/// The round the next `startRound` starts.
fn next_round(cafe: &Cafe) -> Result<RoundNo, EngineError> {
    match cafe.phase {
        Phase::Lobby | Phase::BetweenRounds { .. } => {}
        Phase::Running { .. } | Phase::Paused { .. } => {
            return Err(EngineError::WrongPhase("a round is running; end it first"));
        }
        Phase::Harvest | Phase::Closed => {
            return Err(EngineError::WrongPhase("the rounds are over"));
        }
    }
    let next = cafe.current_round() + 1;
    if next as usize > cafe.rounds.len() {
        return Err(EngineError::WrongPhase(
            "all rounds are done; open the harvest",
        ));
    }
    Ok(next)
}

fn plan(cafe: &Cafe, round: RoundNo, ahead: Option<&PlannedAhead>) -> Vec<TableSeats> {
    if let Some(ahead) = ahead.filter(|a| a.seq == cafe.seq && a.round == round) {
        return ahead.tables.clone();
    }
    let known: Vec<Person> = cafe
        .participants
        .iter()
        .map(|p| Person {
            id: p.id,
            organisation: p.organisation.as_deref(),
            role: p.role.as_deref(),
        })
        .collect();
    let people: Vec<Person> = cafe
        .participants
        .iter()
        .zip(&known)
        .filter(|(p, _)| p.present)
        .map(|(_, person)| person.clone())
        .collect();
    seating::plan_round(&PlanRequest {
        round,
        rounds_left: (cafe.rounds.len() as u32 + 1).saturating_sub(round),
        people: &people,
        known: &known,
        history: &cafe.rounds_started,
        table_size: cafe.table_size,
        physical_tables: cafe.physical_tables,
        pins: &cafe.pins,
        seed: cafe.seed,
    })
    .into_iter()
    .map(TableSeats::from)
    .collect()
}

/// Whether the plan made for `round` (when the last round ended) still seats everyone here.
fn plan_holds(cafe: &Cafe, round: RoundNo) -> bool {
    let present: HashSet<ParticipantId> = cafe.present().map(|p| p.id).collect();
    cafe.plan.as_ref().is_some_and(|p| {
        p.round == round
            && seating::is_balanced(p, &present, cafe.table_size, cafe.physical_tables)
            && seating::hosts_stay(p, cafe.rounds_started.last(), &present, &cafe.pins)
    })
}

fn start_round(
    cafe: &Cafe,
    now: Millis,
    ahead: Option<&PlannedAhead>,
) -> Result<Vec<Event>, EngineError> {
    let round = next_round(cafe)?;
    let mut events = Vec::new();
    if !plan_holds(cafe, round) {
        events.push(Event::SeatingPlanned {
            round,
            tables: plan(cafe, round, ahead),
        });
    }
    let minutes = cafe.rounds[round as usize - 1].minutes;
    events.push(Event::RoundStarted {
        round,
        ends_at: now + i64::from(minutes) * 60_000,
    });
    Ok(events)
}

fn end_round(cafe: &Cafe, round: RoundNo, by_timer: bool) -> Vec<Event> {
    let mut events = vec![Event::RoundEnded { round, by_timer }];
    let next = round + 1;
    if next as usize <= cafe.rounds.len() {
        // Plan now, so that phones tell people where to go during the break. The round that
        // just ended is already in the history the planner reads.
        events.push(Event::SeatingPlanned {
            round: next,
            tables: plan(cafe, next, None),
        });
    }
    events
}

fn adjust_time(cafe: &Cafe, seconds: i32, now: Millis) -> Result<Vec<Event>, EngineError> {
    if seconds == 0 || seconds.unsigned_abs() > limits::MAX_ADJUST_SECONDS.unsigned_abs() {
        return Err(EngineError::Invalid(format!(
            "seconds must be between -{0} and {0}, and not 0",
            limits::MAX_ADJUST_SECONDS
        )));
    }
    let delta = i64::from(seconds) * 1000;
    match cafe.phase {
        // Shortening past now ends the round at once, through the timer.
        Phase::Running { round, ends_at } => Ok(vec![Event::RoundTimeChanged {
            round,
            ends_at: Some((ends_at + delta).max(now)),
            remaining_ms: None,
        }]),
        Phase::Paused {
            round,
            remaining_ms,
        } => Ok(vec![Event::RoundTimeChanged {
            round,
            ends_at: None,
            remaining_ms: Some((remaining_ms + delta).max(0)),
        }]),
        _ => Err(EngineError::WrongPhase("no round is running")),
    }
}

fn present_participant(cafe: &Cafe, p: ParticipantId) -> Result<(), EngineError> {
    match cafe.participant(p) {
        Some(p) if p.present => Ok(()),
        Some(_) => Err(EngineError::WrongPhase("that participant has left")),
        None => Err(EngineError::NotFound("no such participant")),
    }
}

fn active_seating(cafe: &Cafe) -> Result<&Seating, EngineError> {
    cafe.active_seating().ok_or(EngineError::WrongPhase(
        "there are no tables now; plan or start a round first",
    ))
}

/// The people who sat at `table` in the round before `seating`, who are the preferred hosts
/// of a planned table.
fn previous_members(cafe: &Cafe, seating: &Seating, table: TableNo) -> HashSet<ParticipantId> {
    seating
        .round
        .checked_sub(1)
        .and_then(|r| cafe.seating(r))
        .filter(|_| seating.round > cafe.current_round())
        .and_then(|s| s.table(table))
        .map(|t| t.members.iter().copied().collect())
        .unwrap_or_default()
}

/// A new host for `table` once `leaving` is gone from it, if anyone remains.
fn replacement_host(
    cafe: &Cafe,
    seating: &Seating,
    table: TableNo,
    leaving: ParticipantId,
) -> Option<Event> {
    let t = seating.table(table)?;
    let remaining: Vec<ParticipantId> = t
        .members
        .iter()
        .copied()
        .filter(|m| *m != leaving)
        .collect();
    let order = cafe
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let hosted = seating::hosted_counts(&cafe.rounds_started);
    let preferred = previous_members(cafe, seating, table);
    seating::choose_host(&remaining, &preferred, &hosted, &order).map(|h| Event::HostChanged {
        round: seating.round,
        table,
        participant_id: h,
        pinned: false,
    })
}

fn move_participant(
    cafe: &Cafe,
    p: ParticipantId,
    table: TableNo,
) -> Result<Vec<Event>, EngineError> {
    present_participant(cafe, p)?;
    let max_table = cafe.physical_tables.unwrap_or(limits::MAX_PHYSICAL_TABLES);
    if table == 0 || table > max_table {
        return Err(EngineError::Invalid(format!(
            "table must be between 1 and {max_table}"
        )));
    }
    let seating = active_seating(cafe)?;
    let from = seating.table_of(p);
    let in_plan = seating.round > cafe.current_round();
    if from == Some(table) && (!in_plan || cafe.pins.seats.get(&p) == Some(&table)) {
        return Ok(Vec::new());
    }
    let round = seating.round;
    let mut events = vec![Event::ParticipantSeated {
        round,
        participant_id: p,
        table,
        from_table: from,
        pinned: true,
    }];
    if let Some(from) = from.filter(|f| *f != table && seating.is_host(p))
        && let Some(e) = replacement_host(cafe, seating, from, p)
    {
        events.push(e);
    }
    if seating.table(table).is_none() {
        events.push(Event::HostChanged {
            round,
            table,
            participant_id: p,
            pinned: false,
        });
    }
    Ok(events)
}

fn set_host(cafe: &Cafe, p: ParticipantId) -> Result<Vec<Event>, EngineError> {
    present_participant(cafe, p)?;
    let seating = active_seating(cafe)?;
    let Some(table) = seating.table_of(p) else {
        return Err(EngineError::Invalid(
            "that participant has no table in this round; move them to one first".into(),
        ));
    };
    // In the plan, "keep it as it is" is a choice too: it pins, so a re-plan keeps it.
    let in_plan = seating.round > cafe.current_round();
    if seating.is_host(p) && (!in_plan || cafe.pins.hosts.get(&table) == Some(&p)) {
        return Ok(Vec::new());
    }
    Ok(vec![Event::HostChanged {
        round: seating.round,
        table,
        participant_id: p,
        pinned: true,
    }])
}

/// A participant leaves (or is removed): nobody else moves, and a table they hosted gets a new
/// host at once.
fn departure(cafe: &Cafe, p: ParticipantId, removed: bool) -> Vec<Event> {
    let mut events = vec![Event::ParticipantLeft {
        participant_id: p,
        removed,
    }];
    for seating in cafe.open_seatings() {
        if let Some(table) = seating.table_of(p).filter(|_| seating.is_host(p))
            && let Some(e) = replacement_host(cafe, seating, table, p)
        {
            events.push(e);
        }
    }
    events
}

fn post_note(
    cafe: &Cafe,
    actor: Actor,
    note_id: NoteId,
    text: &str,
    round: Option<RoundNo>,
    now: Millis,
) -> Result<Vec<Event>, EngineError> {
    let Actor::Participant(author) = actor else {
        return Err(EngineError::Forbidden(
            "notes are written by the people at a table",
        ));
    };
    if let Some(existing) = cafe.note(note_id) {
        return if existing.author == author {
            Ok(Vec::new())
        } else {
            Err(EngineError::NoteIdTaken)
        };
    }
    if cafe.phase == Phase::Closed {
        return Err(EngineError::WrongPhase(
            "the café is closed; notes can no longer be added",
        ));
    }
    let text = validate::text("note", text, limits::MAX_NOTE_CHARS, true)?;
    // A note sent late from a phone's outbox belongs to the round it was written in; failing
    // that, to the last table its author sat at, so that it is never refused for arriving late.
    let current = cafe.current_round();
    let asked = round
        .filter(|r| (1..=current).contains(r))
        .and_then(|r| Some((r, cafe.seating(r)?.table_of(author)?)));
    let Some((round, table)) = asked.or_else(|| {
        (1..=current)
            .rev()
            .find_map(|r| Some((r, cafe.seating(r)?.table_of(author)?)))
    }) else {
        return Err(EngineError::NotSeated);
    };
    let recent = cafe
        .notes
        .iter()
        .rev()
        .take_while(|n| n.posted_at > now - 60_000)
        .filter(|n| n.author == author)
        .count();
    if recent >= limits::NOTES_PER_MINUTE {
        return Err(EngineError::RateLimited(limits::NOTES_PER_MINUTE));
    }
    Ok(vec![Event::NotePosted {
        note_id,
        author,
        round,
        table,
        text,
    }])
}

/// The note, if `actor` may edit or delete it: its author, the host of its table then, the
/// host of that table now (running or just finished round, or the plan), or the facilitator.
fn moderated_note(cafe: &Cafe, actor: Actor, note_id: NoteId) -> Result<&Note, EngineError> {
    let note = cafe
        .note(note_id)
        .ok_or(EngineError::NotFound("no such note"))?;
    if cafe.phase == Phase::Closed {
        return Err(EngineError::WrongPhase("the café is closed"));
    }
    let hosts_table = |p: ParticipantId, s: Option<&Seating>| {
        s.and_then(|s| s.table(note.table))
            .is_some_and(|t| t.host == Some(p))
    };
    let allowed = match actor {
        Actor::Facilitator | Actor::CoFacilitator => true,
        Actor::Participant(p) => {
            p == note.author
                || hosts_table(p, cafe.seating(note.round))
                || cafe.live_seatings().any(|s| hosts_table(p, Some(s)))
        }
        Actor::Wall => false,
    };
    if allowed {
        Ok(note)
    } else {
        Err(EngineError::Forbidden(
            "only the author, the table's host or the facilitator can change a note",
        ))
    }
}
