//! A client's picture of the café, built only from what the server sent: a snapshot, then
//! updates. Tests compare it with what the server says the café is.

use flamingo_protocol::{
    CafeView, Cursor, ParticipantId, PhaseView, SeatingView, Seq, ServerMessage, TableSeats,
    Update, VoteCount, VoteTarget, VotingState, view::BroadcastView,
};

#[derive(Debug, Clone, Default)]
pub struct Mirror {
    pub cafe: Option<CafeView>,
    pub epoch: Option<String>,
    /// The last position applied.
    pub seq: Seq,
    /// The part of `seq` applied last, when `seq` came from an event (protocol §12); None when
    /// all of `seq` is in the state (a snapshot or `synced`).
    pub part: Option<u32>,
    /// Every (seq, update) applied, in order, for exactly-once checks.
    pub applied: Vec<(Seq, Update)>,
    pub snapshots: usize,
}

impl Mirror {
    pub fn cafe(&self) -> &CafeView {
        self.cafe.as_ref().expect("no snapshot yet")
    }

    pub fn fold(&mut self, msg: &ServerMessage) {
        match msg {
            ServerMessage::Welcome { epoch, .. } => self.epoch = Some(epoch.clone()),
            ServerMessage::Snapshot {
                epoch, seq, cafe, ..
            } => {
                self.epoch = Some(epoch.clone());
                self.seq = *seq;
                self.part = None;
                self.cafe = Some(cafe.clone());
                self.snapshots += 1;
            }
            ServerMessage::Event {
                seq, part, update, ..
            } => {
                let after_cursor = *seq > self.seq
                    || (*seq == self.seq && self.part.is_some_and(|done| *part > done));
                assert!(
                    after_cursor,
                    "event {seq}.{part} arrived after {}.{:?}: the stream went backwards or repeated",
                    self.seq, self.part
                );
                self.seq = *seq;
                self.part = Some(*part);
                self.applied.push((*seq, update.clone()));
                if let Some(cafe) = self.cafe.as_mut() {
                    apply(cafe, update, msg);
                }
            }
            ServerMessage::Synced { seq, .. } => {
                self.seq = self.seq.max(*seq);
                self.part = None;
            }
            ServerMessage::Presence {
                participant_id,
                connected,
            } => {
                if let Some(cafe) = self.cafe.as_mut() {
                    cafe.connected.retain(|p| p != participant_id);
                    if *connected {
                        cafe.connected.push(*participant_id);
                    }
                }
            }
            ServerMessage::PresenceList { connected } => {
                if let Some(cafe) = self.cafe.as_mut() {
                    cafe.connected = connected.clone();
                }
            }
            ServerMessage::Ack { .. }
            | ServerMessage::Error { .. }
            | ServerMessage::Pong { .. } => {}
        }
    }

    /// Where to resume from (protocol §12), once a welcome or snapshot named the epoch.
    pub fn cursor(&self) -> Option<Cursor> {
        Some(Cursor {
            epoch: self.epoch.clone()?,
            seq: self.seq,
            part: self.part,
        })
    }

    /// The tables of `round`, as this client knows them (empty when it knows none).
    pub fn tables(&self, round: u32) -> &[TableSeats] {
        self.cafe
            .as_ref()
            .and_then(|c| c.seating.iter().find(|s| s.round == round))
            .map_or(&[], |s| s.tables.as_slice())
    }

    /// The updates applied after `seq`, in order.
    /// The notes this client holds, by id.
    pub fn note_ids(&self) -> std::collections::HashSet<flamingo_protocol::NoteId> {
        self.cafe().notes.iter().map(|n| n.note_id).collect()
    }

    pub fn applied_after(&self, seq: Seq) -> Vec<(Seq, Update)> {
        self.applied
            .iter()
            .filter(|(s, _)| *s > seq)
            .cloned()
            .collect()
    }

    /// The café with `connected` sorted, for comparing two views of it (presence arrives in
    /// connection order, a snapshot lists it in join order).
    pub fn comparable(&self) -> CafeView {
        comparable(self.cafe())
    }

    /// The table `p` sits at in `round`, as this client knows it.
    pub fn table_of(&self, round: u32, p: ParticipantId) -> Option<&TableSeats> {
        self.cafe
            .as_ref()?
            .seating
            .iter()
            .find(|s| s.round == round)?
            .tables
            .iter()
            .find(|t| t.members.contains(&p))
    }
}

/// The differences between two views of a café, described briefly (note texts can be long,
/// so notes are named by id). Empty when they are equal.
pub fn differences(a: &CafeView, b: &CafeView) -> Vec<String> {
    let mut out = Vec::new();
    macro_rules! field {
        ($f:ident) => {
            if a.$f != b.$f {
                out.push(format!("{}: {:?} != {:?}", stringify!($f), a.$f, b.$f));
            }
        };
    }
    field!(cafe_id);
    field!(title);
    field!(join_code);
    field!(table_size);
    field!(physical_tables);
    field!(rounds);
    field!(phase);
    field!(participants);
    field!(connected);
    field!(seating);
    field!(last_broadcast);
    field!(themes);
    field!(voting);
    field!(commitments);
    field!(feedback);
    field!(co_facilitator);
    if a.notes != b.notes {
        let ids = |v: &CafeView| v.notes.iter().map(|n| n.note_id).collect::<Vec<_>>();
        let (ia, ib) = (ids(a), ids(b));
        if ia != ib {
            let only_a: Vec<_> = ia.iter().filter(|i| !ib.contains(i)).collect();
            let only_b: Vec<_> = ib.iter().filter(|i| !ia.contains(i)).collect();
            out.push(format!(
                "notes: {} vs {} notes; only in the first {only_a:?}; only in the second \
                 {only_b:?}; same order: {}",
                ia.len(),
                ib.len(),
                only_a.is_empty() && only_b.is_empty()
            ));
        }
        for (x, y) in a.notes.iter().zip(&b.notes) {
            if x.note_id == y.note_id && x != y {
                out.push(format!(
                    "note {}: round {} table {} edited {:?} ({} chars) != round {} table {} \
                     edited {:?} ({} chars)",
                    x.note_id,
                    x.round,
                    x.table,
                    x.edited_at,
                    x.text.chars().count(),
                    y.round,
                    y.table,
                    y.edited_at,
                    y.text.chars().count()
                ));
            }
        }
    }
    out
}

/// Panics with the differences if the two views differ.
#[track_caller]
pub fn assert_same_cafe(a: &CafeView, b: &CafeView, what: &str) {
    let d = differences(a, b);
    assert!(d.is_empty(), "{what}: the views differ:\n{}", d.join("\n"));
}

/// A phone's view reduced to what its snapshot would hold: the seating of the running (or
/// last) round and of the plan, and the people at those tables (a phone keeps earlier
/// rounds and merges the people of every `tableChanged` it received, so it may still know
/// someone a re-plan took away), sorted by id, since a phone learns them table by table.
pub fn phone_comparable(cafe: &CafeView, me: ParticipantId) -> CafeView {
    let mut c = cafe.clone();
    let current = match c.phase {
        PhaseView::Running { round, .. } | PhaseView::Paused { round, .. } => Some(round),
        PhaseView::BetweenRounds { last_round } => Some(last_round),
        PhaseView::Lobby => Some(0),
        PhaseView::Harvest | PhaseView::Closed => None,
    };
    match current {
        Some(r) => c.seating.retain(|s| s.round >= r),
        None => c.seating.clear(),
    }
    c.seating.retain(|s| !s.tables.is_empty());
    let seated: Vec<ParticipantId> = c
        .seating
        .iter()
        .flat_map(|s| s.tables.iter().flat_map(|t| t.members.iter().copied()))
        .collect();
    c.participants
        .retain(|p| p.participant_id == me || seated.contains(&p.participant_id));
    c.participants.sort_by_key(|p| p.participant_id);
    c.connected.clear();
    for t in &mut c.themes {
        t.note_ids.sort();
    }
    c
}

/// `cafe` with `connected` sorted.
/// Theme notes are sorted by id: a client learns them one move at a time, while a snapshot
/// lists them in posting order.
pub fn comparable(cafe: &CafeView) -> CafeView {
    let mut c = cafe.clone();
    c.connected.sort();
    for t in &mut c.themes {
        t.note_ids.sort();
    }
    c
}

fn seating_mut(cafe: &mut CafeView, round: u32) -> &mut SeatingView {
    let planned = match cafe.phase {
        PhaseView::Running { round: r, .. } | PhaseView::Paused { round: r, .. } => round > r,
        PhaseView::BetweenRounds { last_round } => round > last_round,
        PhaseView::Lobby => true,
        _ => false,
    };
    if let Some(i) = cafe.seating.iter().position(|s| s.round == round) {
        return &mut cafe.seating[i];
    }
    cafe.seating.push(SeatingView {
        round,
        planned,
        tables: Vec::new(),
    });
    cafe.seating.sort_by_key(|s| s.round);
    let i = cafe
        .seating
        .iter()
        .position(|s| s.round == round)
        .unwrap_or_default();
    &mut cafe.seating[i]
}

fn unseat(seating: &mut SeatingView, p: ParticipantId) {
    for t in &mut seating.tables {
        t.members.retain(|m| *m != p);
        if t.host == Some(p) {
            t.host = None;
        }
    }
    seating.tables.retain(|t| !t.members.is_empty());
}

fn apply(cafe: &mut CafeView, update: &Update, msg: &ServerMessage) {
    let at = match msg {
        ServerMessage::Event { at, .. } => *at,
        _ => 0,
    };
    match update {
        Update::ParticipantJoined { participant } => {
            if !cafe
                .participants
                .iter()
                .any(|p| p.participant_id == participant.participant_id)
            {
                cafe.participants.push(participant.clone());
            }
        }
        Update::ParticipantLeft { participant_id, .. } => {
            for p in &mut cafe.participants {
                if p.participant_id == *participant_id {
                    p.present = false;
                }
            }
            // A departure changes the running round and the plan, never a finished round.
            let running = match cafe.phase {
                PhaseView::Running { round, .. } | PhaseView::Paused { round, .. } => Some(round),
                _ => None,
            };
            for s in &mut cafe.seating {
                if s.planned || Some(s.round) == running {
                    unseat(s, *participant_id);
                }
            }
        }
        Update::SeatingPlanned { round, tables } => {
            seating_mut(cafe, *round).tables = tables.clone();
        }
        Update::ParticipantSeated {
            round,
            participant_id,
            table,
            ..
        } => {
            let s = seating_mut(cafe, *round);
            unseat(s, *participant_id);
            match s.tables.iter_mut().find(|t| t.table == *table) {
                Some(t) => t.members.push(*participant_id),
                None => {
                    s.tables.push(TableSeats {
                        table: *table,
                        host: None,
                        members: vec![*participant_id],
                    });
                    s.tables.sort_by_key(|t| t.table);
                }
            }
        }
        Update::HostChanged {
            round,
            table,
            participant_id,
        } => {
            let s = seating_mut(cafe, *round);
            if let Some(t) = s.tables.iter_mut().find(|t| t.table == *table) {
                t.host = Some(*participant_id);
            }
        }
        Update::TableChanged {
            round,
            planned,
            table,
            people,
        } => {
            let s = seating_mut(cafe, *round);
            s.planned = *planned;
            s.tables = table.iter().cloned().collect();
            for person in people {
                match cafe
                    .participants
                    .iter_mut()
                    .find(|p| p.participant_id == person.participant_id)
                {
                    Some(p) => *p = person.clone(),
                    None => cafe.participants.push(person.clone()),
                }
            }
        }
        Update::RoundStarted { round, ends_at } => {
            cafe.phase = PhaseView::Running {
                round: *round,
                ends_at: *ends_at,
            };
            for s in &mut cafe.seating {
                if s.round == *round {
                    s.planned = false;
                }
            }
        }
        Update::RoundPaused {
            round,
            remaining_ms,
        } => {
            cafe.phase = PhaseView::Paused {
                round: *round,
                remaining_ms: *remaining_ms,
            }
        }
        Update::RoundResumed { round, ends_at } => {
            cafe.phase = PhaseView::Running {
                round: *round,
                ends_at: *ends_at,
            }
        }
        Update::RoundTimeChanged {
            ends_at,
            remaining_ms,
            ..
        } => match (&mut cafe.phase, ends_at, remaining_ms) {
            (PhaseView::Running { ends_at: e, .. }, Some(n), _) => *e = *n,
            (
                PhaseView::Paused {
                    remaining_ms: m, ..
                },
                _,
                Some(n),
            ) => *m = *n,
            _ => {}
        },
        Update::RoundEnded { round, .. } => {
            cafe.phase = PhaseView::BetweenRounds { last_round: *round }
        }
        Update::Broadcast { text, keep } => {
            cafe.last_broadcast = Some(BroadcastView {
                text: text.clone(),
                at,
                keep: *keep,
            })
        }
        Update::BroadcastCleared => cafe.last_broadcast = None,
        // The server's copy is authoritative: a note sent again (to someone seated back at its
        // table) carries its current text.
        Update::NotePosted { note } => {
            match cafe.notes.iter_mut().find(|n| n.note_id == note.note_id) {
                Some(held) => *held = note.clone(),
                None => cafe.notes.push(note.clone()),
            }
        }
        Update::NoteEdited {
            note_id,
            text,
            edited_at,
        } => {
            for n in &mut cafe.notes {
                if n.note_id == *note_id {
                    n.text = text.clone();
                    n.edited_at = Some(*edited_at);
                }
            }
        }
        Update::NoteDeleted { note_id } => {
            cafe.notes.retain(|n| n.note_id != *note_id);
            for t in &mut cafe.themes {
                t.note_ids.retain(|n| n != note_id);
            }
            drop_votes(cafe, VoteTarget::Note { note_id: *note_id });
        }
        Update::NoteHidden { note_id, hidden } => {
            for n in &mut cafe.notes {
                if n.note_id == *note_id {
                    n.hidden = hidden.then_some(true);
                }
            }
        }
        Update::HarvestOpened => cafe.phase = PhaseView::Harvest,
        Update::CafeClosed => {
            cafe.phase = PhaseView::Closed;
            if cafe.voting.state == VotingState::Open {
                cafe.voting.state = VotingState::Closed;
            }
        }
        Update::ThemeCreated { theme } => {
            for t in &mut cafe.themes {
                t.note_ids.retain(|n| !theme.note_ids.contains(n));
            }
            if !cafe.themes.iter().any(|t| t.theme_id == theme.theme_id) {
                cafe.themes.push(theme.clone());
            }
        }
        Update::ThemeRenamed { theme_id, name } => {
            for t in cafe.themes.iter_mut().filter(|t| t.theme_id == *theme_id) {
                t.name = name.clone();
            }
        }
        Update::ThemeDeleted { theme_id } => {
            cafe.themes.retain(|t| t.theme_id != *theme_id);
            drop_votes(
                cafe,
                VoteTarget::Theme {
                    theme_id: *theme_id,
                },
            );
            for c in &mut cafe.commitments {
                c.theme_ids.retain(|t| t != theme_id);
            }
        }
        Update::NoteThemed { note_id, theme_id } => {
            for t in &mut cafe.themes {
                t.note_ids.retain(|n| n != note_id);
                if Some(t.theme_id) == *theme_id {
                    t.note_ids.push(*note_id);
                }
            }
        }
        Update::VotingChanged { state, dots } => {
            cafe.voting.state = *state;
            cafe.voting.dots = *dots;
        }
        Update::VoteTotal { target, dots } => set_count(&mut cafe.voting.totals, *target, *dots),
        Update::YourVotes { target, dots } => set_count(&mut cafe.voting.mine, *target, *dots),
        Update::CommitmentSaved { commitment } => {
            match cafe
                .commitments
                .iter_mut()
                .find(|c| c.commitment_id == commitment.commitment_id)
            {
                Some(c) => *c = commitment.clone(),
                None => cafe.commitments.push(commitment.clone()),
            }
        }
        Update::CommitmentDeleted { commitment_id } => {
            cafe.commitments
                .retain(|c| c.commitment_id != *commitment_id);
        }
        Update::FeedbackQuestionsChanged { questions } => {
            cafe.feedback.questions = questions.clone();
        }
        Update::FeedbackReceived { responses } => cafe.feedback.responses = *responses,
        Update::YourFeedback { answers } => cafe.feedback.mine = Some(answers.clone()),
        Update::CoFacilitatorChanged { active } => cafe.co_facilitator = *active,
    }
}

/// Sets the dots on `target`, keeping the list in target order (as snapshots list it) and
/// without zeroes.
fn set_count(counts: &mut Vec<VoteCount>, target: VoteTarget, dots: u32) {
    counts.retain(|c| c.target != target);
    if dots > 0 {
        counts.push(VoteCount { target, dots });
        counts.sort_by_key(|c| c.target);
    }
}

/// A target that went away takes its dots with it.
fn drop_votes(cafe: &mut CafeView, target: VoteTarget) {
    cafe.voting.totals.retain(|c| c.target != target);
    cafe.voting.mine.retain(|c| c.target != target);
}
